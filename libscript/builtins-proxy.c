/* builtins-proxy.c — Proxy, Proxy.revocable and proxy exotic objects.
 *
 * A proxy is a cell of its own exotic class, [shape | storage | target |
 * handler | flags | keys]: it has no properties of its own, and every
 * internal method is a trap on the handler, checked against the target
 * by the invariants of ECMA-262 10.5.  The rest of the engine reaches
 * these methods through the exotic hooks: realm.c's realm_exotic_*,
 * prop_get_prototype_of, realm_own_keys, builtins-object.c's
 * [[SetPrototypeOf]], [[IsExtensible]] and [[PreventExtensions]], and
 * realm_call_exotic for [[Call]] and [[Construct]].
 *
 * Revoking clears target and handler; a revoked proxy throws from every
 * method but keeps whether it is callable, as the spec has it.
 *
 * A trap's answer is checked against the target with the target's own
 * internal methods, which may be proxies' again: each method roots what
 * it holds on the value stack ([target, handler, trap, ...]) before it
 * calls anything.
 */
#include "config.h"

#include "builtins.h"

#include "property.h"

typedef struct
{
  JsShape *shape;     /* header: the proxy shape (no properties) */
  JsStorage *storage; /* always NULL */
  JsValue target;     /* [[ProxyTarget]], null once revoked */
  JsValue handler;    /* [[ProxyHandler]], null once revoked */
  uint64_t flags;     /* PROXY_* */
  JsValue keys;       /* the last ownKeys answer, kept so that the keys
                         handed out stay alive while they are used */
} JsProxy;

enum
{
  PROXY_CALLABLE = 1 << 0,    /* the target had [[Call]] */
  PROXY_CONSTRUCTOR = 1 << 1, /* the target had [[Construct]] */
};

static void
proxy_trace (JsTracer *trc, JsCell *cell)
{
  JsProxy *p = (JsProxy *) cell;
  gc_mark_value (trc, p->target);
  gc_mark_value (trc, p->handler);
  gc_mark_value (trc, p->keys);
}

const JsCellClass js_proxy_class = {
  .name = "Proxy",
  .kind = JS_KIND_OBJECT,
  .trace = proxy_trace,
  .flags = JS_CLASS_EXOTIC,
};

static inline JsProxy *
as_proxy (JsObject *o)
{
  return (JsProxy *) o;
}

bool
builtins_is_proxy (JsValue v)
{
  return js_is_object (v)
         && js_get_cell (v)->shape->cls == &js_proxy_class;
}

JsValue
builtins_proxy_target (JsValue proxy)
{
  return as_proxy (js_get_object (proxy))->target;
}

bool
builtins_proxy_is_callable (JsValue v)
{
  return builtins_is_proxy (v)
         && (as_proxy (js_get_object (v))->flags & PROXY_CALLABLE);
}

bool
builtins_proxy_is_constructor (JsValue v)
{
  return builtins_is_proxy (v)
         && (as_proxy (js_get_object (v))->flags & PROXY_CONSTRUCTOR);
}

/* ------------------------------------------------------------------ */
/* Traps                                                               */
/* ------------------------------------------------------------------ */

/* ValidateNonRevokedProxy, then GetMethod (handler, name).  Pushes
 * [target, handler, trap] and returns where they are, or NULL with an
 * exception (the caller restores the stack either way).  The trap is
 * undefined when the handler has none. */
static JsValue *
begin (JsContext *ctx, JsObject *p, const char *name)
{
  JsRuntime *rt = ctx->rt;
  JsProxy *px = as_proxy (p);
  if (js_is_null (px->handler))
    {
      js_throw_type_error (ctx, "Cannot perform '%s' on a proxy that has "
                                "been revoked",
                           name);
      return NULL;
    }
  JsValue *s = rt->stack_top;
  rt_push_root (rt, px->target);
  rt_push_root (rt, px->handler);
  rt_push_root (rt, JS_UNDEFINED);
  JsKey k = atom_key_from_utf8 (rt, name);
  if (k == JS_KEY_NONE)
    {
      js_throw_out_of_memory (ctx);
      return NULL;
    }
  s[2] = js_get_method (ctx, s[1], k);
  return js_is_exception (s[2]) ? NULL : s;
}

/* A key as a trap sees it: a string (indices in decimal) or a symbol. */
static JsValue
key_arg (JsContext *ctx, JsKey key)
{
  if (!js_key_is_index (key))
    return atom_key_to_value (key);
  JsString *s = js_number_to_string (ctx->rt, (double) js_key_index (key));
  return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
}

/* Calls the trap in s[2] with this = the handler. */
static JsValue
call_trap (JsContext *ctx, JsValue *s, uint32_t argc, const JsValue *argv)
{
  return js_call (ctx, s[2], s[1], argc, argv);
}

static JsValue
invariant (JsContext *ctx, const char *trap, const char *what)
{
  return js_throw_type_error (ctx, "'%s' on proxy: %s", trap, what);
}

/* The target's own property key: 1 with value and attributes, 0 absent,
 * -1 exception. */
static int
target_own (JsContext *ctx, JsValue target, JsKey key, JsValue *v,
            uint8_t *attrs)
{
  return prop_get_own (ctx, js_get_object (target), key, v, attrs);
}

/* ------------------------------------------------------------------ */
/* [[GetPrototypeOf]], [[SetPrototypeOf]]                              */
/* ------------------------------------------------------------------ */

JsValue
builtins_proxy_get_prototype_of (JsContext *ctx, JsObject *p)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue r = JS_EXCEPTION;
  JsValue *s = begin (ctx, p, "getPrototypeOf");
  if (!s)
    goto out;
  if (js_is_undefined (s[2]))
    {
      r = prop_get_prototype_of (ctx, js_get_object (s[0]));
      goto out;
    }
  JsValue *pr = rt_push_root (rt, call_trap (ctx, s, 1, &s[0]));
  if (js_is_exception (*pr))
    goto out;
  if (!js_is_object (*pr) && !js_is_null (*pr))
    {
      invariant (ctx, "getPrototypeOf", "trap returned neither object nor "
                                        "null");
      goto out;
    }
  int e = builtins_is_extensible (ctx, js_get_object (s[0]));
  if (e < 0)
    goto out;
  if (!e)
    {
      JsValue tp = prop_get_prototype_of (ctx, js_get_object (s[0]));
      if (js_is_exception (tp))
        goto out;
      if (tp != *pr)
        {
          invariant (ctx, "getPrototypeOf", "proxy target is non-extensible "
                                            "but the trap did not return its "
                                            "actual prototype");
          goto out;
        }
    }
  r = *pr;
out:
  rt_restore_roots (rt, saved);
  return r;
}

int
builtins_proxy_set_prototype_of (JsContext *ctx, JsObject *p, JsValue proto)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pv = rt_push_root (rt, proto);
  int r = -1;
  JsValue *s = begin (ctx, p, "setPrototypeOf");
  if (!s)
    goto out;
  if (js_is_undefined (s[2]))
    {
      r = builtins_set_prototype_of (ctx, js_get_object (s[0]), *pv);
      goto out;
    }
  JsValue args[2] = { s[0], *pv };
  JsValue t = call_trap (ctx, s, 2, args);
  if (js_is_exception (t))
    goto out;
  if (!js_to_boolean (t))
    {
      r = 0;
      goto out;
    }
  int e = builtins_is_extensible (ctx, js_get_object (s[0]));
  if (e < 0)
    goto out;
  if (!e)
    {
      JsValue tp = prop_get_prototype_of (ctx, js_get_object (s[0]));
      if (js_is_exception (tp))
        goto out;
      if (tp != *pv)
        {
          invariant (ctx, "setPrototypeOf", "trap returned truish for "
                                            "setting a new prototype on the "
                                            "non-extensible proxy target");
          goto out;
        }
    }
  r = 1;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* [[IsExtensible]], [[PreventExtensions]]                             */
/* ------------------------------------------------------------------ */

int
builtins_proxy_is_extensible (JsContext *ctx, JsObject *p)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  int r = -1;
  JsValue *s = begin (ctx, p, "isExtensible");
  if (!s)
    goto out;
  if (js_is_undefined (s[2]))
    {
      r = builtins_is_extensible (ctx, js_get_object (s[0]));
      goto out;
    }
  JsValue t = call_trap (ctx, s, 1, &s[0]);
  if (js_is_exception (t))
    goto out;
  bool b = js_to_boolean (t);
  int e = builtins_is_extensible (ctx, js_get_object (s[0]));
  if (e < 0)
    goto out;
  if (b != (e > 0))
    {
      invariant (ctx, "isExtensible", "trap result does not reflect "
                                      "extensibility of proxy target");
      goto out;
    }
  r = b;
out:
  rt_restore_roots (rt, saved);
  return r;
}

int
builtins_proxy_prevent_extensions (JsContext *ctx, JsObject *p)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  int r = -1;
  JsValue *s = begin (ctx, p, "preventExtensions");
  if (!s)
    goto out;
  if (js_is_undefined (s[2]))
    {
      r = builtins_prevent_extensions (ctx, js_get_object (s[0]));
      goto out;
    }
  JsValue t = call_trap (ctx, s, 1, &s[0]);
  if (js_is_exception (t))
    goto out;
  bool b = js_to_boolean (t);
  if (b)
    {
      int e = builtins_is_extensible (ctx, js_get_object (s[0]));
      if (e < 0)
        goto out;
      if (e)
        {
          invariant (ctx, "preventExtensions", "trap returned truish but "
                                               "the proxy target is "
                                               "extensible");
          goto out;
        }
    }
  r = b;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* [[GetOwnProperty]], [[DefineOwnProperty]]                           */
/* ------------------------------------------------------------------ */

int
builtins_proxy_get_own (JsContext *ctx, JsObject *p, JsKey key,
                        JsValue *value, uint8_t *attrs)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  int r = -1;
  JsValue *s = begin (ctx, p, "getOwnPropertyDescriptor");
  if (!s)
    goto out;
  JsValue *pk = rt_push_root (rt, key_arg (ctx, key));
  if (js_is_exception (*pk))
    goto out;
  if (js_is_undefined (s[2]))
    {
      r = target_own (ctx, s[0], key, value, attrs);
      goto out;
    }
  JsValue args[2] = { s[0], *pk };
  JsValue *pres = rt_push_root (rt, call_trap (ctx, s, 2, args));
  if (js_is_exception (*pres))
    goto out;
  if (!js_is_object (*pres) && !js_is_undefined (*pres))
    {
      invariant (ctx, "getOwnPropertyDescriptor", "trap returned neither "
                                                  "object nor undefined");
      goto out;
    }
  JsValue tv;
  uint8_t ta;
  int th = target_own (ctx, s[0], key, &tv, &ta);
  if (th < 0)
    goto out;
  JsValue *ptv = rt_push_root (rt, th ? tv : JS_UNDEFINED);
  if (js_is_undefined (*pres))
    {
      if (th)
        {
          if (!(ta & JS_ATTR_CONFIGURABLE))
            {
              invariant (ctx, "getOwnPropertyDescriptor",
                         "trap returned undefined for a non-configurable "
                         "property of the target");
              goto out;
            }
          int e = builtins_is_extensible (ctx, js_get_object (s[0]));
          if (e <= 0)
            {
              if (e == 0)
                invariant (ctx, "getOwnPropertyDescriptor",
                           "trap returned undefined for a property of the "
                           "non-extensible target");
              goto out;
            }
        }
      r = 0;
      goto out;
    }
  int e = builtins_is_extensible (ctx, js_get_object (s[0]));
  if (e < 0)
    goto out;
  JsValue *roots = builtins_push_descriptor_roots (rt);
  JsPropertyDescriptor d;
  if (!builtins_to_descriptor (ctx, *pres, &d, roots))
    goto out;
  /* CompletePropertyDescriptor. */
  bool accessor = d.has_get || d.has_set;
  uint8_t a = (d.enumerable ? JS_ATTR_ENUMERABLE : 0)
              | (d.configurable ? JS_ATTR_CONFIGURABLE : 0);
  if (!accessor)
    {
      d.has_value = d.has_writable = true;
      a |= d.writable ? JS_ATTR_WRITABLE : 0;
    }
  else
    {
      d.has_get = d.has_set = true;
      a |= JS_ATTR_ACCESSOR;
    }
  d.has_enumerable = d.has_configurable = true;
  if (!builtins_is_compatible_descriptor (rt, e > 0, &d, th > 0, *ptv, ta))
    {
      invariant (ctx, "getOwnPropertyDescriptor",
                 "trap returned a descriptor incompatible with the target's "
                 "property");
      goto out;
    }
  if (!d.configurable)
    {
      if (!th || (ta & JS_ATTR_CONFIGURABLE))
        {
          invariant (ctx, "getOwnPropertyDescriptor",
                     "trap reported non-configurability for a property "
                     "that is configurable or missing on the target");
          goto out;
        }
      if (d.has_writable && !d.writable && (ta & JS_ATTR_WRITABLE)
          && !(ta & JS_ATTR_ACCESSOR))
        {
          invariant (ctx, "getOwnPropertyDescriptor",
                     "trap reported a non-writable property that is "
                     "writable on the target");
          goto out;
        }
    }
  if (accessor)
    {
      JsAccessorPair *pair = object_new_accessor (rt, d.get, d.set);
      if (!pair)
        {
          js_throw_out_of_memory (ctx);
          goto out;
        }
      *value = js_cell_value (JS_TAG_INTERNAL, pair);
    }
  else
    *value = d.value;
  *attrs = a;
  r = 1;
out:
  rt_restore_roots (rt, saved);
  return r;
}

int
builtins_proxy_define (JsContext *ctx, JsObject *p, JsKey key,
                       const JsPropertyDescriptor *d)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, d->value);
  rt_push_root (rt, d->get);
  rt_push_root (rt, d->set);
  int r = -1;
  JsValue *s = begin (ctx, p, "defineProperty");
  if (!s)
    goto out;
  JsValue *pk = rt_push_root (rt, key_arg (ctx, key));
  if (js_is_exception (*pk))
    goto out;
  if (js_is_undefined (s[2]))
    {
      r = builtins_define_property (ctx, js_get_object (s[0]), key, d);
      goto out;
    }
  JsValue desc = builtins_descriptor_object (ctx, d);
  if (js_is_exception (desc))
    goto out;
  JsValue args[3] = { s[0], *pk, desc };
  JsValue *pd = rt_push_root (rt, desc);
  (void) pd;
  JsValue t = call_trap (ctx, s, 3, args);
  if (js_is_exception (t))
    goto out;
  if (!js_to_boolean (t))
    {
      r = 0;
      goto out;
    }
  JsValue tv;
  uint8_t ta;
  int th = target_own (ctx, s[0], key, &tv, &ta);
  if (th < 0)
    goto out;
  JsValue *ptv = rt_push_root (rt, th ? tv : JS_UNDEFINED);
  int e = builtins_is_extensible (ctx, js_get_object (s[0]));
  if (e < 0)
    goto out;
  bool config_false = d->has_configurable && !d->configurable;
  if (!th)
    {
      if (!e || config_false)
        {
          invariant (ctx, "defineProperty",
                     !e ? "trap returned truish for adding a property to "
                          "the non-extensible target"
                        : "trap returned truish for defining a "
                          "non-configurable property that does not exist "
                          "on the target");
          goto out;
        }
    }
  else
    {
      if (!builtins_is_compatible_descriptor (rt, e > 0, d, true, *ptv, ta))
        {
          invariant (ctx, "defineProperty",
                     "trap returned truish for a definition incompatible "
                     "with the target's property");
          goto out;
        }
      if (config_false && (ta & JS_ATTR_CONFIGURABLE))
        {
          invariant (ctx, "defineProperty",
                     "trap returned truish for defining a non-configurable "
                     "property that is configurable on the target");
          goto out;
        }
      if (!(ta & (JS_ATTR_ACCESSOR | JS_ATTR_CONFIGURABLE))
          && (ta & JS_ATTR_WRITABLE) && d->has_writable && !d->writable)
        {
          invariant (ctx, "defineProperty",
                     "trap returned truish for making a non-configurable "
                     "writable property of the target non-writable");
          goto out;
        }
    }
  r = 1;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* [[HasProperty]], [[Get]], [[Set]], [[Delete]]                       */
/* ------------------------------------------------------------------ */

/* The check has and deleteProperty share: may the trap say the key is
 * not there?  1 yes, -1 (with a TypeError) no. */
static int
may_hide (JsContext *ctx, JsValue *s, JsKey key, const char *trap,
          bool deleting)
{
  JsValue tv;
  uint8_t ta;
  int th = target_own (ctx, s[0], key, &tv, &ta);
  if (th <= 0)
    return th < 0 ? -1 : 1;
  if (!(ta & JS_ATTR_CONFIGURABLE))
    {
      invariant (ctx, trap, deleting ? "trap returned truish for a "
                                       "non-configurable property of the "
                                       "target"
                                     : "trap returned falsish for a "
                                       "non-configurable property of the "
                                       "target");
      return -1;
    }
  int e = builtins_is_extensible (ctx, js_get_object (s[0]));
  if (e < 0)
    return -1;
  if (!e)
    {
      invariant (ctx, trap, deleting ? "trap returned truish for a "
                                       "property of the non-extensible "
                                       "target"
                                     : "trap returned falsish for a "
                                       "property of the non-extensible "
                                       "target");
      return -1;
    }
  return 1;
}

int
builtins_proxy_has (JsContext *ctx, JsObject *p, JsKey key)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  int r = -1;
  JsValue *s = begin (ctx, p, "has");
  if (!s)
    goto out;
  JsValue *pk = rt_push_root (rt, key_arg (ctx, key));
  if (js_is_exception (*pk))
    goto out;
  if (js_is_undefined (s[2]))
    {
      r = prop_has (ctx, js_get_object (s[0]), key);
      goto out;
    }
  JsValue args[2] = { s[0], *pk };
  JsValue t = call_trap (ctx, s, 2, args);
  if (js_is_exception (t))
    goto out;
  if (js_to_boolean (t))
    r = 1;
  else if (may_hide (ctx, s, key, "has", false) > 0)
    r = 0;
out:
  rt_restore_roots (rt, saved);
  return r;
}

int
builtins_proxy_get (JsContext *ctx, JsObject *p, JsKey key, JsValue receiver,
                    JsValue *out)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *precv = rt_push_root (rt, receiver);
  int r = -1;
  JsValue *s = begin (ctx, p, "get");
  if (!s)
    goto out;
  JsValue *pk = rt_push_root (rt, key_arg (ctx, key));
  if (js_is_exception (*pk))
    goto out;
  if (js_is_undefined (s[2]))
    {
      *out = prop_get (ctx, js_get_object (s[0]), key, *precv);
      r = js_is_exception (*out) ? -1 : 1;
      goto out;
    }
  JsValue args[3] = { s[0], *pk, *precv };
  JsValue *pv = rt_push_root (rt, call_trap (ctx, s, 3, args));
  if (js_is_exception (*pv))
    goto out;
  JsValue tv;
  uint8_t ta;
  int th = target_own (ctx, s[0], key, &tv, &ta);
  if (th < 0)
    goto out;
  if (th && !(ta & JS_ATTR_CONFIGURABLE))
    {
      if (!(ta & JS_ATTR_ACCESSOR) && !(ta & JS_ATTR_WRITABLE)
          && !js_same_value (rt, *pv, tv))
        {
          invariant (ctx, "get", "the trap's result differs from the value "
                                 "of a non-writable, non-configurable "
                                 "property of the target");
          goto out;
        }
      if ((ta & JS_ATTR_ACCESSOR)
          && js_is_undefined (((JsAccessorPair *) js_get_cell (tv))->getter)
          && !js_is_undefined (*pv))
        {
          invariant (ctx, "get", "the trap returned a value for a "
                                 "non-configurable accessor of the target "
                                 "that has no getter");
          goto out;
        }
    }
  *out = *pv;
  r = 1;
out:
  rt_restore_roots (rt, saved);
  return r;
}

int
builtins_proxy_set (JsContext *ctx, JsObject *p, JsKey key, JsValue v,
                    JsValue receiver)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pv = rt_push_root (rt, v);
  JsValue *precv = rt_push_root (rt, receiver);
  int r = -1;
  JsValue *s = begin (ctx, p, "set");
  if (!s)
    goto out;
  JsValue *pk = rt_push_root (rt, key_arg (ctx, key));
  if (js_is_exception (*pk))
    goto out;
  if (js_is_undefined (s[2]))
    {
      r = prop_set (ctx, js_get_object (s[0]), key, *pv, *precv);
      goto out;
    }
  JsValue args[4] = { s[0], *pk, *pv, *precv };
  JsValue t = call_trap (ctx, s, 4, args);
  if (js_is_exception (t))
    goto out;
  if (!js_to_boolean (t))
    {
      r = 0;
      goto out;
    }
  JsValue tv;
  uint8_t ta;
  int th = target_own (ctx, s[0], key, &tv, &ta);
  if (th < 0)
    goto out;
  if (th && !(ta & JS_ATTR_CONFIGURABLE))
    {
      if (!(ta & JS_ATTR_ACCESSOR) && !(ta & JS_ATTR_WRITABLE)
          && !js_same_value (rt, *pv, tv))
        {
          invariant (ctx, "set", "trap returned truish for changing a "
                                 "non-writable, non-configurable property "
                                 "of the target");
          goto out;
        }
      if ((ta & JS_ATTR_ACCESSOR)
          && js_is_undefined (((JsAccessorPair *) js_get_cell (tv))->setter))
        {
          invariant (ctx, "set", "trap returned truish for a "
                                 "non-configurable accessor of the target "
                                 "that has no setter");
          goto out;
        }
    }
  r = 1;
out:
  rt_restore_roots (rt, saved);
  return r;
}

int
builtins_proxy_delete (JsContext *ctx, JsObject *p, JsKey key)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  int r = -1;
  JsValue *s = begin (ctx, p, "deleteProperty");
  if (!s)
    goto out;
  JsValue *pk = rt_push_root (rt, key_arg (ctx, key));
  if (js_is_exception (*pk))
    goto out;
  if (js_is_undefined (s[2]))
    {
      r = prop_delete (ctx, js_get_object (s[0]), key);
      goto out;
    }
  JsValue args[2] = { s[0], *pk };
  JsValue t = call_trap (ctx, s, 2, args);
  if (js_is_exception (t))
    goto out;
  if (!js_to_boolean (t))
    r = 0;
  else if (may_hide (ctx, s, key, "deleteProperty", true) > 0)
    r = 1;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* [[OwnPropertyKeys]]                                                 */
/* ------------------------------------------------------------------ */

/* Removes key from list (n entries) if there; true if it was. */
static bool
take_key (JsKey *list, uint32_t *n, JsKey key)
{
  for (uint32_t i = 0; i < *n; i++)
    if (list[i] == key)
      {
        list[i] = list[--*n];
        return true;
      }
  return false;
}

/* The trap's list, checked: an array of strings and symbols without
 * duplicates.  g_malloc'd keys, NULL with an exception. */
static JsKey *
trap_key_list (JsContext *ctx, JsValue arr, uint32_t *n)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_object (arr))
    {
      js_throw_type_error (ctx, "CreateListFromArrayLike called on "
                                "non-object");
      return NULL;
    }
  JsValue lv = js_get (ctx, arr, atom_common_key (rt, JS_ATOM_length));
  double len;
  if (js_is_exception (lv) || !js_to_length (ctx, lv, &len))
    return NULL;
  if (len > JS_STORAGE_MAX_VALUES)
    {
      js_throw_range_error (ctx, "Too many keys");
      return NULL;
    }
  JsKey *keys = g_new (JsKey, (size_t) len + 1);
  GHashTable *seen = g_hash_table_new (NULL, NULL);
  uint32_t k = 0;
  for (; k < (uint32_t) len; k++)
    {
      JsValue v = js_get (ctx, arr, js_key_from_index (k));
      if (js_is_exception (v))
        break;
      if (!js_is_string (v) && !js_is_symbol (v))
        {
          js_throw_type_error (ctx, "proxy [[OwnPropertyKeys]] must return "
                                    "an array with only string and symbol "
                                    "elements");
          break;
        }
      if (!js_to_property_key (ctx, v, &keys[k]))
        break;
      if (g_hash_table_contains (seen, (gpointer) (uintptr_t) keys[k]))
        {
          js_throw_type_error (ctx, "'ownKeys' on proxy: trap returned "
                                    "duplicate entries");
          break;
        }
      g_hash_table_add (seen, (gpointer) (uintptr_t) keys[k]);
    }
  g_hash_table_destroy (seen);
  if (k < (uint32_t) len)
    {
      g_free (keys);
      return NULL;
    }
  *n = k;
  return keys;
}

static bool
key_wanted (JsKey k, uint32_t flags)
{
  if (js_key_is_index (k) || !atom_key_is_symbol (k))
    return (flags & JS_KEYS_STRINGS) != 0;
  return (flags & JS_KEYS_SYMBOLS) != 0;
}

JsKey *
builtins_proxy_own_keys (JsContext *ctx, JsObject *p, uint32_t flags,
                         uint32_t *n)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pp = rt_push_root (rt, js_object_value (p));
  JsKey *result = NULL, *tkeys = NULL, *unchecked = NULL;
  uint32_t nres = 0, nt = 0, nun = 0;
  bool ok = false;
  JsValue *s = begin (ctx, p, "ownKeys");
  if (!s)
    goto out;
  if (js_is_undefined (s[2]))
    {
      result = realm_own_keys (ctx, js_get_object (s[0]), JS_KEYS_ALL,
                               &nres);
      ok = result || nres != UINT32_MAX;
      goto filter;
    }
  JsValue *pa = rt_push_root (rt, call_trap (ctx, s, 1, &s[0]));
  if (js_is_exception (*pa))
    goto out;
  result = trap_key_list (ctx, *pa, &nres);
  if (!result)
    goto out;
  /* The keys live as long as the array the trap returned: the proxy
     keeps it until its next ownKeys. */
  as_proxy (js_get_object (*pp))->keys = *pa;
  gc_write_barrier (&rt->heap, js_get_cell (*pp));
  int e = builtins_is_extensible (ctx, js_get_object (s[0]));
  if (e < 0)
    goto out;
  tkeys = realm_own_keys (ctx, js_get_object (s[0]), JS_KEYS_ALL, &nt);
  if (!tkeys && nt == UINT32_MAX)
    goto out;
  JsValue *kroots = rt->stack_top;
  for (uint32_t i = 0; i < nt; i++)
    rt_push_root (rt, atom_key_to_value (tkeys[i]));
  (void) kroots;
  /* Non-configurable keys of the target must all be reported, and with
     a non-extensible target every key exactly. */
  unchecked = g_new (JsKey, nres + 1);
  memcpy (unchecked, result, nres * sizeof (JsKey));
  nun = nres;
  bool any_fixed = false;
  for (uint32_t pass = 0; pass < 2; pass++)
    for (uint32_t i = 0; i < nt; i++)
      {
        JsValue v;
        uint8_t attrs;
        int h = target_own (ctx, s[0], tkeys[i], &v, &attrs);
        if (h < 0)
          goto out;
        bool fixed = h > 0 && !(attrs & JS_ATTR_CONFIGURABLE);
        any_fixed |= fixed;
        /* Pass 0 checks the non-configurable keys; pass 1, when the
           target is not extensible, the others. */
        if (pass == 0 ? !fixed : (e || fixed))
          continue;
        if (!take_key (unchecked, &nun, tkeys[i]))
          {
            invariant (ctx, "ownKeys", pass == 0
                                           ? "trap result did not include "
                                             "a non-configurable key of the "
                                             "target"
                                           : "trap result did not include "
                                             "every key of the "
                                             "non-extensible target");
            goto out;
          }
      }
  (void) any_fixed;
  if (!e && nun)
    {
      invariant (ctx, "ownKeys", "trap returned extra keys but the proxy "
                                 "target is non-extensible");
      goto out;
    }
  ok = true;
filter:
  if (ok)
    {
      uint32_t k = 0;
      for (uint32_t i = 0; i < nres; i++)
        if (key_wanted (result[i], flags))
          result[k++] = result[i];
      nres = k;
    }
out:
  g_free (tkeys);
  g_free (unchecked);
  rt_restore_roots (rt, saved);
  if (!ok)
    {
      g_free (result);
      *n = UINT32_MAX;
      return NULL;
    }
  *n = nres;
  return result;
}

/* ------------------------------------------------------------------ */
/* [[Call]], [[Construct]]                                             */
/* ------------------------------------------------------------------ */

JsValue
builtins_proxy_call (JsContext *ctx, JsValue *base, uint32_t argc,
                     JsValue new_target)
{
  JsRuntime *rt = ctx->rt;
  bool construct = !js_is_undefined (new_target);
  if (rt->native_depth >= JS_MAX_NATIVE_DEPTH)
    return js_throw_range_error (ctx, "Maximum call stack size exceeded");
  JsValue *saved = rt_save_roots (rt);
  if (rt->stack_top < base + 2 + argc)
    rt->stack_top = base + 2 + argc;
  JsValue *pnt = rt_push_root (rt, new_target);
  JsValue r = JS_EXCEPTION;
  rt->native_depth++;
  JsValue *s = begin (ctx, js_get_object (base[0]),
                      construct ? "construct" : "apply");
  if (!s)
    goto out;
  if (js_is_undefined (s[2]))
    {
      if (construct)
        r = js_construct (ctx, s[0], argc, base + 2, *pnt);
      else
        r = js_call (ctx, s[0], base[1], argc, base + 2);
      goto out;
    }
  JsObject *a = object_new_array (rt, (JsCell *) ctx->array_proto, argc);
  if (!a)
    {
      r = js_throw_out_of_memory (ctx);
      goto out;
    }
  JsValue *pa = rt_push_root (rt, js_object_value (a));
  for (uint32_t i = 0; i < argc; i++)
    if (object_array_push (rt, js_get_object (*pa), base[2 + i])
        != JS_PROP_DONE)
      {
        r = js_throw_out_of_memory (ctx);
        goto out;
      }
  if (construct)
    {
      JsValue args[3] = { s[0], *pa, *pnt };
      r = call_trap (ctx, s, 3, args);
      if (!js_is_exception (r) && !js_is_object (r))
        r = invariant (ctx, "construct", "trap returned non-object");
    }
  else
    {
      JsValue args[3] = { s[0], base[1], *pa };
      r = call_trap (ctx, s, 3, args);
    }
out:
  rt->native_depth--;
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* IsArray                                                             */
/* ------------------------------------------------------------------ */

int
builtins_proxy_is_array (JsContext *ctx, JsObject *p)
{
  /* A chain of proxies is followed without recursion. */
  for (;;)
    {
      JsProxy *px = as_proxy (p);
      if (js_is_null (px->handler))
        {
          js_throw_type_error (ctx, "Cannot perform 'IsArray' on a proxy "
                                    "that has been revoked");
          return -1;
        }
      JsObject *t = js_get_object (px->target);
      if (t->shape->cls != &js_proxy_class)
        return object_is_array (t);
      p = t;
    }
}

/* ------------------------------------------------------------------ */
/* The constructor                                                     */
/* ------------------------------------------------------------------ */

/* ProxyCreate (target, handler). */
static JsValue
proxy_create (JsContext *ctx, JsValue target, JsValue handler)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_object (target) || !js_is_object (handler))
    return js_throw_type_error (ctx, "Cannot create proxy with a non-object "
                                     "as target or handler");
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, target);
  rt_push_root (rt, handler);
  JsShape *shape = shape_root_for (rt, &js_proxy_class, NULL, 0);
  JsValue *ps = rt_push_cell (rt, shape);
  JsProxy *p = shape ? (JsProxy *) heap_alloc_slots (
                           &rt->heap, JS_SPACE_CELLS,
                           js_slots_for (sizeof (JsProxy)))
                     : NULL;
  JsValue r;
  if (!p)
    r = js_throw_out_of_memory (ctx);
  else
    {
      p->shape = (JsShape *) js_get_cell (*ps);
      p->storage = NULL;
      p->target = saved[0];
      p->handler = saved[1];
      p->flags = (js_is_callable (saved[0]) ? PROXY_CALLABLE : 0)
                 | (js_is_constructor (saved[0]) ? PROXY_CONSTRUCTOR : 0);
      p->keys = JS_UNDEFINED;
      gc_write_barrier (&rt->heap, (JsCell *) p);
      r = js_object_value ((JsObject *) p);
    }
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proxy_ctor (const JsCallInfo *info)
{
  if (js_is_undefined (info->new_target))
    return js_throw_type_error (info->ctx, "Constructor Proxy requires "
                                           "'new'");
  return proxy_create (info->ctx, js_arg (info, 0), js_arg (info, 1));
}

/* The revoke function of Proxy.revocable: its data is the proxy, until
 * it has been called once. */
static JsValue
proxy_revoke (const JsCallInfo *info)
{
  JsValue p = *info->data;
  if (!builtins_is_proxy (p))
    return JS_UNDEFINED;
  JsNativeFunction *f = (JsNativeFunction *) js_get_cell (info->callee);
  f->data = JS_NULL;
  JsProxy *px = as_proxy (js_get_object (p));
  px->target = JS_NULL;
  px->handler = JS_NULL;
  px->keys = JS_UNDEFINED;
  return JS_UNDEFINED;
}

static JsValue
proxy_revocable (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue p = proxy_create (ctx, js_arg (info, 0), js_arg (info, 1));
  if (js_is_exception (p))
    return p;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pp = rt_push_root (rt, p);
  JsValue r = JS_EXCEPTION;
  JsValue f = function_new_builtin (ctx, "", proxy_revoke, 0, 0, 0);
  if (js_is_exception (f))
    goto out;
  JsNativeFunction *nf = (JsNativeFunction *) js_get_cell (f);
  nf->data = *pp;
  gc_write_barrier (&rt->heap, (JsCell *) nf);
  JsValue *pf = rt_push_root (rt, f);
  JsObject *o = object_new_with_proto (rt, (JsCell *) ctx->object_proto, 2);
  if (!o)
    {
      js_throw_out_of_memory (ctx);
      goto out;
    }
  JsValue *po = rt_push_root (rt, js_object_value (o));
  JsKey pk = atom_key_from_utf8 (rt, "proxy");
  if (pk == JS_KEY_NONE
      || object_define_own (rt, js_get_object (*po), pk, *pp,
                            JS_ATTR_DEFAULT)
             != JS_PROP_DONE)
    {
      js_throw_out_of_memory (ctx);
      goto out;
    }
  JsKey rk = atom_key_from_utf8 (rt, "revoke");
  if (rk == JS_KEY_NONE
      || object_define_own (rt, js_get_object (*po), rk, *pf,
                            JS_ATTR_DEFAULT)
             != JS_PROP_DONE)
    {
      js_throw_out_of_memory (ctx);
      goto out;
    }
  r = *po;
out:
  rt_restore_roots (rt, saved);
  return r;
}

bool
builtins_init_proxy (JsContext *ctx)
{
  static const JsMethodSpec statics[] = {
    { "revocable", proxy_revocable, 2, 0 },
  };
  JsRuntime *rt = ctx->rt;
  /* A constructor without a prototype property. */
  JsValue f = function_new_builtin (ctx, "Proxy", proxy_ctor, 2, 0,
                                    JS_NATIVE_CONSTRUCTOR);
  if (js_is_exception (f))
    return false;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pf = rt_push_root (rt, f);
  js_resolve_lazy (ctx, js_get_object (f));
  bool ok = builtins_define_methods (ctx, js_get_object (*pf), statics,
                                     G_N_ELEMENTS (statics))
            && realm_define_global (ctx, "Proxy", *pf);
  rt_restore_roots (rt, saved);
  return ok;
}
