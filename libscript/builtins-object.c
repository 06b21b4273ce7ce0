/* builtins-object.c — Object and Object.prototype.
 *
 * Property descriptors cross between script and the engine here:
 * ToPropertyDescriptor reads one from an object, FromPropertyDescriptor
 * makes one, and ValidateAndApplyPropertyDescriptor decides whether a
 * definition may replace what is there.
 */
#include "config.h"

#include "builtins.h"

#include "property.h"

typedef JsPropertyDescriptor Desc;

/* ToPropertyDescriptor; the values are rooted at roots[0..3). */
static bool
to_descriptor (JsContext *ctx, JsValue o, Desc *d, JsValue *roots)
{
  JsRuntime *rt = ctx->rt;
  memset (d, 0, sizeof *d);
  d->value = d->get = d->set = JS_UNDEFINED;
  if (!js_is_object (o))
    {
      js_throw_type_error (ctx, "Property description must be an object");
      return false;
    }
  static const JsCommonAtom bools[3] = { JS_ATOM_enumerable,
                                         JS_ATOM_configurable,
                                         JS_ATOM_writable };
  bool *has[3] = { &d->has_enumerable, &d->has_configurable,
                   &d->has_writable };
  bool *val[3] = { &d->enumerable, &d->configurable, &d->writable };
  for (int i = 0; i < 3; i++)
    {
      JsKey k = atom_common_key (rt, bools[i]);
      int h = js_has_property (ctx, js_get_object (o), k);
      if (h < 0)
        return false;
      if (h)
        {
          JsValue v = js_get (ctx, o, k);
          if (js_is_exception (v))
            return false;
          *has[i] = true;
          *val[i] = js_to_boolean (v);
        }
    }
  static const JsCommonAtom vals[3] = { JS_ATOM_value, JS_ATOM_get,
                                        JS_ATOM_set };
  bool *vhas[3] = { &d->has_value, &d->has_get, &d->has_set };
  for (int i = 0; i < 3; i++)
    {
      JsKey k = atom_common_key (rt, vals[i]);
      int h = js_has_property (ctx, js_get_object (o), k);
      if (h < 0)
        return false;
      if (h)
        {
          JsValue v = js_get (ctx, o, k);
          if (js_is_exception (v))
            return false;
          if (i > 0 && !js_is_undefined (v) && !js_is_callable (v))
            {
              js_throw_type_error (ctx, "Getter or setter must be a "
                                        "function");
              return false;
            }
          *vhas[i] = true;
          roots[i] = v;
        }
    }
  d->value = roots[0];
  d->get = roots[1];
  d->set = roots[2];
  if ((d->has_get || d->has_set) && (d->has_value || d->has_writable))
    {
      js_throw_type_error (ctx, "Invalid property descriptor. Cannot both "
                                "specify accessors and a value or writable "
                                "attribute");
      return false;
    }
  return true;
}

/* ValidateAndApplyPropertyDescriptor on an ordinary object: 1 applied,
 * 0 rejected, -1 exception. */
int
builtins_define_property (JsContext *ctx, JsObject *o, JsKey key,
                          const Desc *d)
{
  JsRuntime *rt = ctx->rt;
  JsValue cur;
  uint8_t attrs;
  if (realm_is_exotic (o))
    {
      int e = realm_exotic_define_property (ctx, o, key, d);
      if (e != 2)
        return e;
    }
  int h = prop_get_own (ctx, o, key, &cur, &attrs);
  if (h < 0)
    return -1;
  bool accessor = d->has_get || d->has_set;
  if (!h)
    {
      uint8_t a = (d->enumerable ? JS_ATTR_ENUMERABLE : 0)
                  | (d->configurable ? JS_ATTR_CONFIGURABLE : 0);
      JsValue v;
      if (accessor)
        {
          JsAccessorPair *p = object_new_accessor (rt, d->get, d->set);
          if (!p)
            goto oom;
          v = js_cell_value (JS_TAG_INTERNAL, p);
          a |= JS_ATTR_ACCESSOR;
        }
      else
        {
          v = d->value;
          if (d->writable)
            a |= JS_ATTR_WRITABLE;
        }
      JsPropResult r = object_define_own (rt, o, key, v, a);
      if (r == JS_PROP_NO_MEMORY)
        goto oom;
      return r == JS_PROP_DONE;
    }
  bool cur_accessor = (attrs & JS_ATTR_ACCESSOR) != 0;
  bool cfg = (attrs & JS_ATTR_CONFIGURABLE) != 0;
  JsValue cg = JS_UNDEFINED, cs = JS_UNDEFINED;
  if (cur_accessor)
    {
      JsAccessorPair *p = (JsAccessorPair *) js_get_cell (cur);
      cg = p->getter;
      cs = p->setter;
    }
  if (!cfg)
    {
      if (d->has_configurable && d->configurable)
        return 0;
      if (d->has_enumerable
          && d->enumerable != ((attrs & JS_ATTR_ENUMERABLE) != 0))
        return 0;
      bool generic = !accessor && !d->has_value && !d->has_writable;
      if (!generic && accessor != cur_accessor)
        return 0;
      if (cur_accessor)
        {
          if ((d->has_get && !js_same_value (rt, d->get, cg))
              || (d->has_set && !js_same_value (rt, d->set, cs)))
            return 0;
        }
      else if (!(attrs & JS_ATTR_WRITABLE))
        {
          if (d->has_writable && d->writable)
            return 0;
          if (d->has_value && !js_same_value (rt, d->value, cur))
            return 0;
        }
    }
  uint8_t a = attrs & (JS_ATTR_ENUMERABLE | JS_ATTR_CONFIGURABLE);
  if (d->has_enumerable)
    a = (a & ~JS_ATTR_ENUMERABLE) | (d->enumerable ? JS_ATTR_ENUMERABLE : 0);
  if (d->has_configurable)
    a = (a & ~JS_ATTR_CONFIGURABLE)
        | (d->configurable ? JS_ATTR_CONFIGURABLE : 0);
  JsValue v;
  if (accessor || (cur_accessor && !d->has_value && !d->has_writable))
    {
      JsAccessorPair *p = object_new_accessor (rt, d->has_get ? d->get : cg,
                                               d->has_set ? d->set : cs);
      if (!p)
        goto oom;
      v = js_cell_value (JS_TAG_INTERNAL, p);
      a |= JS_ATTR_ACCESSOR;
    }
  else
    {
      v = d->has_value ? d->value : (cur_accessor ? JS_UNDEFINED : cur);
      bool w = d->has_writable ? d->writable
                               : (!cur_accessor && (attrs & JS_ATTR_WRITABLE));
      if (w)
        a |= JS_ATTR_WRITABLE;
    }
  JsPropResult r = object_define_own (rt, o, key, v, a);
  if (r == JS_PROP_NO_MEMORY)
    goto oom;
  return r == JS_PROP_DONE;
oom:
  js_throw_out_of_memory (ctx);
  return -1;
}

/* FromPropertyDescriptor. */
static JsValue
from_descriptor (JsContext *ctx, JsValue v, uint8_t attrs)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, v);
  JsObject *d = object_new_with_proto (rt, (JsCell *) ctx->object_proto, 4);
  if (!d)
    {
      rt_restore_roots (rt, saved);
      return js_throw_out_of_memory (ctx);
    }
  JsValue *pd = rt_push_root (rt, js_object_value (d));
  bool ok;
  if (attrs & JS_ATTR_ACCESSOR)
    {
      JsAccessorPair *p = (JsAccessorPair *) js_get_cell (saved[0]);
      ok = js_define_data (ctx, d, atom_common_key (rt, JS_ATOM_get),
                           p->getter, false) > 0
           && js_define_data (ctx, js_get_object (*pd),
                              atom_common_key (rt, JS_ATOM_set),
                              ((JsAccessorPair *) js_get_cell (saved[0]))
                                  ->setter, false) > 0;
    }
  else
    ok = js_define_data (ctx, d, atom_common_key (rt, JS_ATOM_value),
                         saved[0], false) > 0
         && js_define_data (ctx, js_get_object (*pd),
                            atom_common_key (rt, JS_ATOM_writable),
                            js_bool (attrs & JS_ATTR_WRITABLE), false) > 0;
  ok = ok
       && js_define_data (ctx, js_get_object (*pd),
                          atom_common_key (rt, JS_ATOM_enumerable),
                          js_bool (attrs & JS_ATTR_ENUMERABLE), false) > 0
       && js_define_data (ctx, js_get_object (*pd),
                          atom_common_key (rt, JS_ATOM_configurable),
                          js_bool (attrs & JS_ATTR_CONFIGURABLE), false) > 0;
  JsValue r = ok ? *pd : JS_EXCEPTION;
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
object_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue v = js_arg (info, 0);
  if (!js_is_undefined (info->new_target)
      && info->new_target != info->callee)
    return function_ordinary_create_this (ctx, info->new_target, NULL, 0);
  if (js_is_nullish (v))
    {
      JsObject *o = object_new_with_proto (ctx->rt,
                                           (JsCell *) ctx->object_proto, 4);
      return o ? js_object_value (o) : js_throw_out_of_memory (ctx);
    }
  return js_to_object (ctx, v);
}

static JsValue
object_define_property (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue o = js_arg (info, 0);
  if (!js_is_object (o))
    return js_throw_type_error (ctx, "Object.defineProperty called on "
                                     "non-object");
  JsKey key;
  if (!js_to_property_key (ctx, js_arg (info, 1), &key))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *roots = rt->stack_top;
  for (int i = 0; i < 3; i++)
    rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, atom_key_to_value (key));
  Desc d;
  JsValue r = JS_EXCEPTION;
  if (to_descriptor (ctx, js_arg (info, 2), &d, roots))
    {
      int h = builtins_define_property (ctx, js_get_object (o), key, &d);
      if (h > 0)
        r = o;
      else if (h == 0)
        r = js_throw_type_error (ctx, "Cannot redefine property");
    }
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
object_get_own_property_descriptor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue o = js_to_object (ctx, js_arg (info, 0));
  if (js_is_exception (o))
    return o;
  JsValue *saved = rt_save_roots (ctx->rt);
  rt_push_root (ctx->rt, o);
  JsKey key;
  JsValue r = JS_EXCEPTION;
  if (js_to_property_key (ctx, js_arg (info, 1), &key))
    {
      JsValue v;
      uint8_t attrs;
      int h = prop_get_own (ctx, js_get_object (o), key, &v, &attrs);
      r = h < 0 ? JS_EXCEPTION
                : h == 0 ? JS_UNDEFINED : from_descriptor (ctx, v, attrs);
    }
  rt_restore_roots (ctx->rt, saved);
  return r;
}

static JsValue
object_get_prototype_of (const JsCallInfo *info)
{
  JsValue o = js_to_object (info->ctx, js_arg (info, 0));
  if (js_is_exception (o))
    return o;
  return prop_get_prototype_of (info->ctx, js_get_object (o));
}

static JsValue
object_keys (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue o = js_to_object (ctx, js_arg (info, 0));
  if (js_is_exception (o))
    return o;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, o);
  uint32_t n;
  JsKey *keys = realm_own_keys (ctx, js_get_object (o),
                                JS_KEYS_STRINGS | JS_KEYS_ENUMERABLE_ONLY, &n);
  JsObject *a = object_new_array (rt, (JsCell *) ctx->array_proto, n);
  JsValue r = JS_EXCEPTION;
  if (a)
    {
      JsValue *pa = rt_push_root (rt, js_object_value (a));
      r = *pa;
      for (uint32_t i = 0; i < n; i++)
        {
          JsValue k = atom_key_to_value (keys[i]);
          if (js_is_number (k))
            k = js_to_string (ctx, k);
          if (js_is_exception (k)
              || object_array_push (rt, js_get_object (*pa), k)
                     != JS_PROP_DONE)
            {
              r = js_throw_out_of_memory (ctx);
              break;
            }
        }
    }
  else
    r = js_throw_out_of_memory (ctx);
  g_free (keys);
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proto_has_own_property (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsKey key;
  if (!js_to_property_key (ctx, js_arg (info, 0), &key))
    return JS_EXCEPTION;
  JsValue o = js_to_object (ctx, *info->this_arg);
  if (js_is_exception (o))
    return o;
  JsValue v;
  uint8_t attrs;
  int h = prop_get_own (ctx, js_get_object (o), key, &v, &attrs);
  return h < 0 ? JS_EXCEPTION : js_bool (h);
}

static JsValue
proto_property_is_enumerable (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsKey key;
  if (!js_to_property_key (ctx, js_arg (info, 0), &key))
    return JS_EXCEPTION;
  JsValue o = js_to_object (ctx, *info->this_arg);
  if (js_is_exception (o))
    return o;
  JsValue v;
  uint8_t attrs;
  int h = prop_get_own (ctx, js_get_object (o), key, &v, &attrs);
  return h < 0 ? JS_EXCEPTION : js_bool (h && (attrs & JS_ATTR_ENUMERABLE));
}

static JsValue
proto_value_of (const JsCallInfo *info)
{
  return js_to_object (info->ctx, *info->this_arg);
}

static JsValue
proto_to_string (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue t = *info->this_arg;
  const char *tag;
  if (js_is_undefined (t))
    tag = "Undefined";
  else if (js_is_null (t))
    tag = "Null";
  else
    {
      JsValue o = js_to_object (ctx, t);
      if (js_is_exception (o))
        return o;
      JsObject *obj = js_get_object (o);
      JsValue pv = realm_wrapper_value (obj);
      if (object_is_array (obj))
        tag = "Array";
      else if (js_is_callable (o))
        tag = "Function";
      else if (obj->shape->cls == &js_arguments_class)
        tag = "Arguments";
      else if (js_is_string (pv))
        tag = "String";
      else if (js_is_number (pv))
        tag = "Number";
      else if (js_is_bool (pv))
        tag = "Boolean";
      else
        tag = realm_builtin_tag (obj);
      JsValue *saved = rt_save_roots (ctx->rt);
      rt_push_root (ctx->rt, o);
      JsValue st = js_get (ctx, o, symbol_key (ctx->rt->well_known
                                                   [JS_SYM_toStringTag]));
      rt_restore_roots (ctx->rt, saved);
      if (js_is_exception (st))
        return st;
      if (js_is_string (st))
        {
          g_autofree char *s = string_to_utf8 (ctx->rt, js_get_string (st),
                                               NULL);
          g_autofree char *r = g_strdup_printf ("[object %s]", s ? s : "");
          JsString *rs = string_new_utf8 (ctx->rt, r, -1);
          return rs ? js_string_value (rs) : js_throw_out_of_memory (ctx);
        }
    }
  g_autofree char *r = g_strdup_printf ("[object %s]", tag);
  JsString *rs = string_new_utf8 (ctx->rt, r, -1);
  return rs ? js_string_value (rs) : js_throw_out_of_memory (ctx);
}

bool
builtins_init_object (JsContext *ctx)
{
  static const JsMethodSpec statics[] = {
    { "defineProperty", object_define_property, 3, 0 },
    { "getOwnPropertyDescriptor", object_get_own_property_descriptor, 2, 0 },
    { "getPrototypeOf", object_get_prototype_of, 1, 0 },
    { "keys", object_keys, 1, 0 },
  };
  static const JsMethodSpec methods[] = {
    { "hasOwnProperty", proto_has_own_property, 1, 0 },
    { "propertyIsEnumerable", proto_property_is_enumerable, 1, 0 },
    { "valueOf", proto_value_of, 0, 0 },
    { "toString", proto_to_string, 0, 0 },
  };
  JsObject *ctor = builtins_define_class (ctx, "Object", object_ctor, 1,
                                          ctx->object_proto, 0);
  return ctor
         && builtins_define_methods (ctx, ctor, statics,
                                     G_N_ELEMENTS (statics))
         && builtins_define_methods (ctx, ctx->object_proto, methods,
                                     G_N_ELEMENTS (methods));
}
