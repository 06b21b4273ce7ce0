/* realm.c — a context's intrinsics, and the interpreter's helpers that
 * need them.
 *
 * realm_init builds the skeleton every realm needs before any script
 * runs: Object.prototype, Function.prototype (itself a function),
 * Array.prototype, the error prototypes and constructors, the primitive
 * prototypes, the global object and the script scope holding top-level
 * let and const.  The built-in library proper (builtins-*.c) fills these
 * objects in through realm_define_method.
 */
#include "config.h"

#include "realm.h"
#include "regexp.h"

#include "builtins.h"
#include "function.h"
#include "module.h"
#include "property.h"

#include <math.h>

/* ------------------------------------------------------------------ */
/* Wrapper objects of primitives                                       */
/* ------------------------------------------------------------------ */

/* [shape | storage | value | unused]: the [[XData]] of Boolean, Number,
 * String, Symbol and BigInt objects, out of reach of properties. */
typedef struct
{
  JsShape *shape;
  JsStorage *storage;
  JsValue value;
  JsValue unused;
} JsWrapper;

static void
wrapper_trace (JsTracer *trc, JsCell *cell)
{
  JsWrapper *w = (JsWrapper *) cell;
  gc_mark_cell (trc, (JsCell *) w->storage);
  gc_mark_value (trc, w->value);
}

const JsCellClass js_wrapper_class = {
  .name = "Object",
  .kind = JS_KIND_OBJECT,
  .trace = wrapper_trace,
};

/* String objects have exotic own properties: length and indices. */
const JsCellClass js_string_wrapper_class = {
  .name = "String",
  .kind = JS_KIND_OBJECT,
  .trace = wrapper_trace,
  .flags = JS_CLASS_EXOTIC,
};

JsValue
realm_wrapper_value (JsObject *o)
{
  const JsCellClass *cls = o->shape->cls;
  if (cls != &js_wrapper_class && cls != &js_string_wrapper_class)
    return JS_EMPTY;
  return ((JsWrapper *) o)->value;
}

static JsObject *
new_wrapper (JsContext *ctx, JsValue v, JsObject *proto)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, v);
  const JsCellClass *cls = js_is_string (v) ? &js_string_wrapper_class
                                            : &js_wrapper_class;
  JsShape *s = shape_root_for (rt, cls, (JsCell *) proto, 0);
  JsValue *ps = rt_push_cell (rt, s);
  JsWrapper *w = s ? (JsWrapper *) heap_alloc_slots (
                     &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *w))
                   : NULL;
  v = saved[0];
  s = s ? (JsShape *) js_get_cell (*ps) : NULL;
  rt_restore_roots (rt, saved);
  if (!w)
    return NULL;
  w->shape = s;
  w->storage = NULL;
  w->value = v;
  w->unused = JS_UNDEFINED;
  /* Born black while marking: the shape and value it now holds must be
     traced (the shape may be a root the table kept weakly). */
  gc_write_barrier (&rt->heap, (JsCell *) w);
  return (JsObject *) w;
}

JsValue
realm_wrap_primitive (JsContext *ctx, JsValue v)
{
  JsObject *o = new_wrapper (ctx, v, js_primitive_proto (ctx, v));
  return o ? js_object_value (o) : js_throw_out_of_memory (ctx);
}

JsValue
realm_string_char (JsContext *ctx, JsString *s, uint32_t i)
{
  JsRuntime *rt = ctx->rt;
  uint16_t c = string_char_at (rt, s, i);
  JsString *r = c < 256 ? atom_intern_latin1 (rt, (uint8_t[]){ (uint8_t) c },
                                              1)
                        : string_new_utf16 (rt, &c, 1);
  return r ? js_string_value (r) : js_throw_out_of_memory (ctx);
}

int
realm_exotic_get_own (JsContext *ctx, JsObject *o, JsKey key, JsValue *value,
                      uint8_t *attrs)
{
  if (o->shape->cls == &js_mapped_arguments_class)
    return arguments_get_own (ctx, o, key, value, attrs);
  if (o->shape->cls == &js_proxy_class)
    return builtins_proxy_get_own (ctx, o, key, value, attrs);
  if (module_is_namespace (o))
    {
      int r = module_namespace_get_own (ctx, o, key, value, attrs);
      /* Exported names are the namespace's; other strings are absent. */
      return r;
    }
  if (o->shape->cls == &js_string_wrapper_class)
    {
      JsString *s = js_get_string (((JsWrapper *) o)->value);
      if (key == atom_common_key (ctx->rt, JS_ATOM_length))
        {
          *value = js_int32 ((int32_t) s->length);
          *attrs = 0;
          return 1;
        }
      if (js_key_is_index (key) && js_key_index (key) < s->length)
        {
          *value = realm_string_char (ctx, s, js_key_index (key));
          *attrs = JS_ATTR_ENUMERABLE;
          return js_is_exception (*value) ? -1 : 1;
        }
    }
  if (builtins_is_typed_array (js_object_value (o)))
    return builtins_typed_array_get_own (ctx, o, key, value, attrs);
  return 2;
}

int
realm_exotic_get (JsContext *ctx, JsObject *o, JsKey key, JsValue receiver,
                  JsValue *out)
{
  if (o->shape->cls == &js_mapped_arguments_class)
    return arguments_get (ctx, o, key, out);
  if (o->shape->cls == &js_proxy_class)
    return builtins_proxy_get (ctx, o, key, receiver, out);
  if (builtins_is_typed_array (js_object_value (o)))
    return builtins_typed_array_get (ctx, o, key, out);
  return 2;
}

int
realm_exotic_has (JsContext *ctx, JsObject *o, JsKey key)
{
  if (module_is_namespace (o))
    return module_namespace_has (ctx, o, key);
  if (o->shape->cls == &js_proxy_class)
    return builtins_proxy_has (ctx, o, key);
  if (builtins_is_typed_array (js_object_value (o)))
    return builtins_typed_array_has (ctx, o, key);
  return 2;
}

int
realm_exotic_set (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
                  JsValue receiver)
{
  if (o->shape->cls == &js_mapped_arguments_class)
    return arguments_set (ctx, o, key, v, receiver);
  if (o->shape->cls == &js_proxy_class)
    return builtins_proxy_set (ctx, o, key, v, receiver);
  if (builtins_is_typed_array (js_object_value (o)))
    return builtins_typed_array_set (ctx, o, key, v, receiver);
  return 2;
}

int
realm_exotic_delete (JsContext *ctx, JsObject *o, JsKey key)
{
  if (o->shape->cls == &js_mapped_arguments_class)
    return arguments_delete (ctx, o, key);
  if (o->shape->cls == &js_proxy_class)
    return builtins_proxy_delete (ctx, o, key);
  if (module_is_namespace (o))
    {
      JsValue v;
      uint8_t attrs;
      int r = module_namespace_get_own (ctx, o, key, &v, &attrs);
      if (r == 2)
        return 2;
      /* An exported name cannot be deleted (even in its TDZ). */
      if (r < 0)
        {
          js_take_exception (ctx);
          return 0;
        }
      return r ? 0 : 1;
    }
  if (builtins_is_typed_array (js_object_value (o)))
    return builtins_typed_array_delete (ctx, o, key);
  JsValue v;
  uint8_t attrs;
  int r = realm_exotic_get_own (ctx, o, key, &v, &attrs);
  if (r == 1)
    return 0;
  return r < 0 ? -1 : 2;
}

int
realm_exotic_define_property (JsContext *ctx, JsObject *o, JsKey key,
                              const JsPropertyDescriptor *d)
{
  if (module_is_namespace (o))
    return module_namespace_define (ctx, o, key, d);
  if (o->shape->cls == &js_mapped_arguments_class)
    return arguments_define_property (ctx, o, key, d);
  if (o->shape->cls == &js_proxy_class)
    return builtins_proxy_define (ctx, o, key, d);
  if (builtins_is_typed_array (js_object_value (o)))
    return builtins_typed_array_define (ctx, o, key, d);
  return 2;
}

int
realm_exotic_define (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
                     uint8_t attrs)
{
  if (o->shape->cls == &js_mapped_arguments_class)
    return arguments_define (ctx, o, key, v, attrs);
  if (o->shape->cls == &js_proxy_class)
    {
      /* Only [[Set]]'s receiver step comes here for a proxy (prop_define_data
         asks the proxy itself): its [[DefineOwnProperty]] gets just the
         value. */
      JsPropertyDescriptor d = { .value = v, .get = JS_UNDEFINED,
                                 .set = JS_UNDEFINED, .has_value = true };
      return builtins_proxy_define (ctx, o, key, &d);
    }
  if (builtins_is_typed_array (js_object_value (o)))
    {
      JsPropertyDescriptor d = {
        .value = v, .get = JS_UNDEFINED, .set = JS_UNDEFINED,
        .has_value = true, .has_writable = true, .has_enumerable = true,
        .has_configurable = true,
        .writable = (attrs & JS_ATTR_WRITABLE) != 0,
        .enumerable = (attrs & JS_ATTR_ENUMERABLE) != 0,
        .configurable = (attrs & JS_ATTR_CONFIGURABLE) != 0,
      };
      return builtins_typed_array_define (ctx, o, key, &d);
    }
  JsValue cur;
  uint8_t cur_attrs;
  int r = realm_exotic_get_own (ctx, o, key, &cur, &cur_attrs);
  if (r == 1)
    return 0;
  return r < 0 ? -1 : 2;
}

/* Arguments objects and errors are ordinary but for their class, which
 * Object.prototype.toString reports. */
static void
ordinary_trace (JsTracer *trc, JsCell *cell)
{
  js_object_class.trace (trc, cell);
}

const JsCellClass js_error_class = {
  .name = "Error",
  .kind = JS_KIND_OBJECT,
  .trace = ordinary_trace,
};

const char *
realm_builtin_tag (JsObject *o)
{
  if (o->shape->cls == &js_error_class)
    return "Error";
  if (o->shape->cls->flags & JS_CLASS_BUILTIN_TAG)
    return o->shape->cls->name;
  if (o->shape->cls == &js_regexp_class)
    return "RegExp";
  return "Object";
}

JsObject *
realm_new_error_object (JsContext *ctx, JsCell *proto)
{
  JsRuntime *rt = ctx->rt;
  JsShape *s = shape_root_for (rt, &js_error_class, proto, 4);
  return s ? object_new (rt, s) : NULL;
}

bool
realm_is_exotic (JsObject *o)
{
  return (o->shape->cls->flags & JS_CLASS_EXOTIC) != 0;
}

bool
realm_make_prototype (JsRuntime *rt, JsObject *o)
{
  if (o->shape->flags & JS_SHAPE_PROTOTYPE)
    return true;
  if (o->shape->flags & JS_SHAPE_LAZY)
    return false;
  JsShape *d = shape_to_dictionary (rt, o->shape);
  if (!d)
    return false;
  d->flags |= JS_SHAPE_PROTOTYPE;
  o->shape = d;
  gc_write_barrier (&rt->heap, (JsCell *) o);
  return true;
}

/* ------------------------------------------------------------------ */
/* Globals                                                             */
/* ------------------------------------------------------------------ */

int
realm_store_global (JsContext *ctx, JsKey key, JsValue v, bool strict)
{
  JsRuntime *rt = ctx->rt;
  JsValue cur;
  uint8_t attrs;
  uint32_t slot;
  if (object_get_own (rt, ctx->script_scope, key, &cur, &attrs))
    {
      g_autofree char *s = string_to_utf8 (rt, atom_key_string (key), NULL);
      if (js_is_empty (cur))
        {
          js_throw_reference_error (ctx, "Cannot access '%s' before "
                                         "initialization", s);
          return -1;
        }
      if (!(attrs & JS_ATTR_WRITABLE))
        {
          js_throw_type_error (ctx, "Assignment to constant variable.");
          return -1;
        }
      shape_lookup (ctx->script_scope->shape, key, &slot, &attrs);
      object_store_slot (rt, ctx->script_scope, slot, v);
      return 1;
    }
  if (strict)
    {
      int h = prop_has (ctx, ctx->global, key);
      if (h < 0)
        return -1;
      if (!h)
        {
          g_autofree char *s = string_to_utf8 (rt, atom_key_string (key),
                                               NULL);
          js_throw_reference_error (ctx, "%s is not defined", s);
          return -1;
        }
    }
  return js_set (ctx, js_object_value (ctx->global), key, v,
                 js_object_value (ctx->global), strict) < 0
             ? -1
             : 1;
}

/* GlobalDeclarationInstantiation for a script whose declarations are
 * names = [name, kind, ...] (kinds as the compiler's GLOBAL_DECL_*: var,
 * function, let, const). */
int
realm_declare_globals (JsContext *ctx, JsValue names)
{
  JsRuntime *rt = ctx->rt;
  JsObject *list = js_get_object (names);
  uint32_t n = object_array_length (list) / 2;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, names);
  int result = 1;
  /* First every check, so that a failing script declares nothing. */
  for (uint32_t i = 0; i < n && result > 0; i++)
    {
      JsValue *e = object_elements (js_get_object (saved[0]));
      JsKey key = atom_key (js_get_string (e[2 * i]));
      int kind = js_get_int32 (e[2 * i + 1]) & 7;
      JsValue v;
      uint8_t attrs;
      g_autofree char *s = NULL;
      if (object_get_own (rt, ctx->script_scope, key, &v, &attrs))
        {
          s = string_to_utf8 (rt, atom_key_string (key), NULL);
          js_throw_error (ctx, JS_ERR_SYNTAX, "Identifier '%s' has already "
                                              "been declared", s);
          result = -1;
          break;
        }
      int h = prop_get_own (ctx, ctx->global, key, &v, &attrs);
      if (h < 0)
        result = -1;
      else if (kind >= 2 && h && !(attrs & JS_ATTR_CONFIGURABLE))
        {
          /* A let may not shadow a non-configurable global property. */
          s = string_to_utf8 (rt, atom_key_string (key), NULL);
          js_throw_error (ctx, JS_ERR_SYNTAX, "Identifier '%s' has already "
                                              "been declared", s);
          result = -1;
        }
      else if (kind == 1 && h && !(attrs & JS_ATTR_CONFIGURABLE)
               && ((attrs & JS_ATTR_ACCESSOR)
                   || (attrs & (JS_ATTR_WRITABLE | JS_ATTR_ENUMERABLE))
                          != (JS_ATTR_WRITABLE | JS_ATTR_ENUMERABLE)))
        {
          s = string_to_utf8 (rt, atom_key_string (key), NULL);
          js_throw_type_error (ctx, "Cannot redefine global function '%s'",
                               s);
          result = -1;
        }
      else if (!h && kind < 2 && !shape_is_extensible (ctx->global->shape))
        {
          s = string_to_utf8 (rt, atom_key_string (key), NULL);
          js_throw_type_error (ctx, "Cannot define global variable '%s'", s);
          result = -1;
        }
    }
  for (uint32_t i = 0; i < n && result > 0; i++)
    {
      JsValue *e = object_elements (js_get_object (saved[0]));
      JsKey key = atom_key (js_get_string (e[2 * i]));
      int kind = js_get_int32 (e[2 * i + 1]);
      /* Bindings made by eval code can be deleted. */
      uint8_t cfg = (kind & 8) ? JS_ATTR_CONFIGURABLE : 0;
      kind &= 7;
      JsValue v;
      uint8_t attrs;
      JsPropResult r = JS_PROP_DONE;
      if (kind >= 2)
        {
          r = object_define_own (rt, ctx->script_scope, key, JS_EMPTY,
                                 kind == 3 ? JS_ATTR_ENUMERABLE
                                           : JS_ATTR_ENUMERABLE
                                                 | JS_ATTR_WRITABLE);
          /* The binding may shadow a global property a cache holds. */
          rt->global_epoch++;
        }
      else if (kind == 1)
        {
          /* CreateGlobalFunctionBinding: the closure is stored right
             after; the property's attributes are set here. */
          int h = prop_get_own (ctx, ctx->global, key, &v, &attrs);
          if (h < 0)
            result = -1;
          else if (!h || (attrs & JS_ATTR_CONFIGURABLE))
            r = object_define_own (rt, ctx->global, key,
                                   h && !(attrs & JS_ATTR_ACCESSOR)
                                       ? v
                                       : JS_UNDEFINED,
                                   JS_ATTR_WRITABLE | JS_ATTR_ENUMERABLE
                                       | cfg);
        }
      else
        {
          int h = prop_get_own (ctx, ctx->global, key, &v, &attrs);
          if (h < 0)
            result = -1;
          else if (!h)
            r = object_define_own (rt, ctx->global, key, JS_UNDEFINED,
                                   JS_ATTR_WRITABLE | JS_ATTR_ENUMERABLE
                                       | cfg);
        }
      if (r == JS_PROP_NO_MEMORY)
        {
          js_throw_out_of_memory (ctx);
          result = -1;
        }
    }
  rt_restore_roots (rt, saved);
  return result;
}

int
realm_init_global_lexical (JsContext *ctx, JsKey key, JsValue v)
{
  JsRuntime *rt = ctx->rt;
  uint32_t slot;
  uint8_t attrs;
  if (!shape_lookup (ctx->script_scope->shape, key, &slot, &attrs))
    {
      /* Declared by a script compiled before DeclareGlobals existed for
         it (eval code): define it now. */
      JsPropResult r = object_define_own (rt, ctx->script_scope, key, v,
                                          JS_ATTR_ENUMERABLE
                                              | JS_ATTR_WRITABLE);
      rt->global_epoch++;
      if (r != JS_PROP_DONE)
        {
          js_throw_out_of_memory (ctx);
          return -1;
        }
      return 1;
    }
  object_store_slot (rt, ctx->script_scope, slot, v);
  return 1;
}

bool
realm_define_global (JsContext *ctx, const char *name, JsValue v)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, v);
  JsKey key = atom_key_from_utf8 (rt, name);
  bool ok = key != JS_KEY_NONE
            && object_define_own (rt, ctx->global, key, saved[0],
                                  JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
                   == JS_PROP_DONE;
  rt_restore_roots (rt, saved);
  return ok;
}

bool
realm_define_method (JsContext *ctx, JsObject *o, const char *name,
                     JsNativeFn fn, uint32_t length, int magic)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (o));
  JsValue f = function_new_builtin (ctx, name, fn, length, magic, 0);
  bool ok = false;
  if (!js_is_exception (f))
    {
      rt_push_root (rt, f);
      JsKey key = atom_key_from_utf8 (rt, name);
      ok = key != JS_KEY_NONE
           && object_define_own (rt, js_get_object (saved[0]), key, f,
                                 JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
                  == JS_PROP_DONE;
    }
  rt_restore_roots (rt, saved);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Literals and classes                                                */
/* ------------------------------------------------------------------ */

int
realm_define_member (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
                     int op)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (o));
  rt_push_root (rt, v);
  int result = -1;
  bool enumerable = op == JS_OP_DefineGetter || op == JS_OP_DefineSetter;
  bool getter = op == JS_OP_DefineGetter || op == JS_OP_DefineClassGetter;
  bool setter = op == JS_OP_DefineSetter || op == JS_OP_DefineClassSetter;
  js_resolve_lazy (ctx, o);
  {
    /* DefinePropertyOrThrow: the only own properties a fresh object or
       class can hold that refuse it are non-configurable ones, such as
       a class's prototype (static prototype () {} is a TypeError). */
    JsValue cur;
    uint8_t attrs;
    if (object_get_own (rt, o, key, &cur, &attrs)
        && !(attrs & JS_ATTR_CONFIGURABLE))
      {
        js_throw_type_error (ctx, "Cannot redefine property");
        goto out;
      }
  }
  if (getter || setter)
    {
      JsValue name = atom_key_to_value (key);
      if (js_is_number (name))
        name = js_to_string (ctx, name);
      if (js_is_exception (name)
          || function_set_name (ctx, v, name, getter ? "get" : "set") < 0)
        goto out;
      JsValue cur;
      uint8_t attrs;
      JsValue g = JS_UNDEFINED, s = JS_UNDEFINED;
      if (object_get_own (rt, o, key, &cur, &attrs)
          && (attrs & JS_ATTR_ACCESSOR))
        {
          JsAccessorPair *p = (JsAccessorPair *) js_get_cell (cur);
          g = p->getter;
          s = p->setter;
        }
      if (getter)
        g = saved[1];
      else
        s = saved[1];
      rt_push_root (rt, g);
      rt_push_root (rt, s);
      JsAccessorPair *pair = object_new_accessor (rt, g, s);
      if (!pair)
        {
          js_throw_out_of_memory (ctx);
          goto out;
        }
      uint8_t a = JS_ATTR_ACCESSOR | JS_ATTR_CONFIGURABLE
                  | (enumerable ? JS_ATTR_ENUMERABLE : 0);
      result = object_define_own (rt, js_get_object (saved[0]), key,
                                  js_cell_value (JS_TAG_INTERNAL, pair), a)
               == JS_PROP_DONE;
      goto out;
    }
  /* A method: named after its key. */
  {
    JsValue name = atom_key_to_value (key);
    if (js_is_number (name))
      name = js_to_string (ctx, name);
    if (js_is_exception (name) || function_set_name (ctx, v, name, NULL) < 0)
      goto out;
    result = object_define_own (rt, js_get_object (saved[0]), key, saved[1],
                                JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
             == JS_PROP_DONE;
  }
out:
  rt_restore_roots (rt, saved);
  return result;
}

static bool
key_excluded (JsRuntime *rt, JsKey key, const JsValue *excluded, uint32_t n)
{
  JsValue kv = atom_key_to_value (key);
  for (uint32_t i = 0; i < n; i++)
    if (js_strict_equals (rt, kv, excluded[i])
        || (js_is_number (kv) && js_is_string (excluded[i])
            && js_string_to_number (rt, js_get_string (excluded[i]))
                   == js_get_number (kv)))
      return true;
  return false;
}

int
realm_copy_data_properties (JsContext *ctx, JsObject *target, JsValue src,
                            const JsValue *excluded, uint32_t n)
{
  JsRuntime *rt = ctx->rt;
  if (js_is_nullish (src))
    return 1;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (target));
  JsValue from = js_to_object (ctx, src);
  int result = -1;
  if (js_is_exception (from))
    goto out;
  JsValue *pf = rt_push_root (rt, from);
  JsObject *f = js_get_object (from);
  js_resolve_lazy (ctx, f);
  uint32_t nkeys;
  JsKey *keys = realm_own_keys (ctx, f, JS_KEYS_ALL, &nkeys);
  if (!keys && nkeys == UINT32_MAX)
    goto out;
  /* Keys are atoms or indices kept alive by the source while it is
     unchanged; a getter may change it, so root each key's value. */
  JsValue *kroots = rt->stack_top;
  for (uint32_t i = 0; i < nkeys; i++)
    rt_push_root (rt, atom_key_to_value (keys[i]));
  result = 1;
  for (uint32_t i = 0; i < nkeys && result > 0; i++)
    {
      JsKey key = keys[i];
      (void) kroots;
      if (key_excluded (rt, key, excluded, n))
        continue;
      JsValue v;
      uint8_t attrs;
      int h = prop_get_own (ctx, js_get_object (*pf), key, &v, &attrs);
      if (h < 0)
        result = -1;
      else if (h > 0 && (attrs & JS_ATTR_ENUMERABLE))
        {
          v = prop_get (ctx, js_get_object (*pf), key, *pf);
          if (js_is_exception (v))
            result = -1;
          else if (prop_define_data (ctx, js_get_object (saved[0]), key, v)
                   < 0)
            result = -1;
        }
    }
  g_free (keys);
out:
  rt_restore_roots (rt, saved);
  return result;
}

JsKey *
realm_own_keys (JsContext *ctx, JsObject *o, uint32_t flags, uint32_t *n)
{
  if (o->shape->cls == &js_proxy_class)
    return builtins_proxy_own_keys (ctx, o, flags, n);
  js_resolve_lazy (ctx, o);
  JsKey *keys = object_own_keys (ctx->rt, o, flags, n);
  if (module_is_namespace (o) && (flags & JS_KEYS_STRINGS))
    {
      /* The sorted export names, then the symbols. */
      JsObject *names = js_get_object (module_namespace_names (o));
      uint32_t k = object_array_length (names);
      JsKey *all = g_new (JsKey, *n + k + 1);
      uint32_t m = 0;
      for (uint32_t i = 0; i < k; i++)
        all[m++] = atom_key (js_get_string (object_elements (names)[i]));
      for (uint32_t i = 0; i < *n; i++)
        all[m++] = keys[i];
      g_free (keys);
      *n = m;
      return all;
    }
  if ((flags & JS_KEYS_STRINGS)
      && builtins_is_typed_array (js_object_value (o)))
    {
      /* The elements' indices, then the ordinary keys. */
      uint32_t ni;
      JsKey *idx = builtins_typed_array_keys (o, &ni);
      JsKey *all = g_new (JsKey, *n + ni + 1);
      memcpy (all, idx, ni * sizeof *all);
      if (*n)
        memcpy (all + ni, keys, *n * sizeof *all);
      g_free (idx);
      g_free (keys);
      *n += ni;
      return all;
    }
  if (o->shape->cls == &js_string_wrapper_class
      && (flags & JS_KEYS_STRINGS))
    {
      /* The string's indices come first, then the other index keys,
         then "length" (the first string key a String object gets;
         left out when only enumerable keys are asked for), then the
         rest. */
      JsString *s = js_get_string (((JsWrapper *) o)->value);
      uint32_t len = s->length;
      JsKey *all = g_new (JsKey, *n + len + 1);
      uint32_t k = 0, j = 0;
      for (uint32_t i = 0; i < len; i++)
        all[k++] = js_key_from_index (i);
      for (; j < *n && js_key_is_index (keys[j]); j++)
        all[k++] = keys[j];
      if (!(flags & JS_KEYS_ENUMERABLE_ONLY))
        all[k++] = atom_common_key (ctx->rt, JS_ATOM_length);
      for (; j < *n; j++)
        all[k++] = keys[j];
      g_free (keys);
      *n = k;
      return all;
    }
  return keys;
}

static const char *
private_name (JsContext *ctx, JsValue key, char *buf, size_t size)
{
  JsString *d = js_get_symbol (key)->description;
  g_autofree char *s = d ? string_to_utf8 (ctx->rt, d, NULL) : NULL;
  g_strlcpy (buf, s ? s : "#?", size);
  return buf;
}

JsValue
realm_private_op (JsContext *ctx, int op, JsValue obj, JsValue key,
                  JsValue value)
{
  JsRuntime *rt = ctx->rt;
  char name[128];
  if (!js_is_object (obj))
    {
      if (op == JS_OP_HasPrivate)
        return js_throw_type_error (ctx, "Cannot use 'in' operator to "
                                         "search for '%s' in %s",
                                    private_name (ctx, key, name,
                                                  sizeof name),
                                    realm_describe (ctx, obj));
      return js_throw_type_error (ctx, "Cannot access private member %s of "
                                       "%s",
                                  private_name (ctx, key, name, sizeof name),
                                  realm_describe (ctx, obj));
    }
  JsObject *o = js_get_object (obj);
  JsKey k = symbol_key (js_get_symbol (key));
  JsValue cur;
  uint8_t attrs;
  bool has = object_get_own (rt, o, k, &cur, &attrs);
  switch (op)
    {
    case JS_OP_HasPrivate:
      return js_bool (has);
    case JS_OP_DefinePrivate:
      if (has)
        return js_throw_type_error (ctx, "Cannot initialize %s twice on the "
                                         "same object",
                                    private_name (ctx, key, name,
                                                  sizeof name));
      if (object_define_own (rt, o, k, value, JS_ATTR_WRITABLE)
          != JS_PROP_DONE)
        return js_throw_type_error (ctx, "Cannot add private member %s",
                                    private_name (ctx, key, name,
                                                  sizeof name));
      return JS_UNDEFINED;
    default:
      break;
    }
  if (!has)
    return js_throw_type_error (ctx, "Cannot %s private member %s from an "
                                     "object whose class did not declare it",
                                op == JS_OP_GetPrivate ? "read" : "write",
                                private_name (ctx, key, name, sizeof name));
  if (op == JS_OP_GetPrivate)
    {
      if (!(attrs & JS_ATTR_ACCESSOR))
        return cur;
      JsAccessorPair *p = (JsAccessorPair *) js_get_cell (cur);
      if (js_is_undefined (p->getter))
        return js_throw_type_error (ctx, "'%s' was defined without a getter",
                                    private_name (ctx, key, name,
                                                  sizeof name));
      return js_call (ctx, p->getter, obj, 0, NULL);
    }
  /* Set. */
  if (attrs & JS_ATTR_ACCESSOR)
    {
      JsAccessorPair *p = (JsAccessorPair *) js_get_cell (cur);
      if (js_is_undefined (p->setter))
        return js_throw_type_error (ctx, "'%s' was defined without a setter",
                                    private_name (ctx, key, name,
                                                  sizeof name));
      return js_call (ctx, p->setter, obj, 1, &value);
    }
  if (!(attrs & JS_ATTR_WRITABLE))
    return js_throw_type_error (ctx, "Private method %s is not writable",
                                private_name (ctx, key, name, sizeof name));
  uint32_t slot;
  if (shape_lookup (o->shape, k, &slot, &attrs))
    object_store_slot (rt, o, slot, value);
  else
    object_define_own (rt, o, k, value, JS_ATTR_WRITABLE);
  return JS_UNDEFINED;
}

/* Names a private method "#m", "get #m" or "set #m" (kind:
 * JS_PRIVATE_*); 0, or -1 with an exception. */
int
realm_name_private_method (JsContext *ctx, JsValue key, JsValue fn,
                           int kind)
{
  if (!js_is_symbol (key) || !js_get_symbol (key)->description)
    {
      js_throw_type_error (ctx, "invalid private name");
      return -1;
    }
  kind &= JS_PRIVATE_KIND_MASK;
  return function_set_name (ctx, fn,
                            js_string_value (js_get_symbol (key)->description),
                            kind == JS_PRIVATE_GETTER   ? "get"
                            : kind == JS_PRIVATE_SETTER ? "set"
                                                        : NULL)
         < 0 ? -1 : 0;
}

int
realm_define_private_method (JsContext *ctx, JsValue obj, JsValue key,
                             JsValue fn, int kind)
{
  JsRuntime *rt = ctx->rt;
  JsObject *o = js_get_object (obj);
  JsKey k = symbol_key (js_get_symbol (key));
  JsValue cur;
  uint8_t attrs;
  char name[128];
  bool has = object_get_own (rt, o, k, &cur, &attrs);
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, obj);
  rt_push_root (rt, key);
  rt_push_root (rt, fn);
  int result = -1;
  if (!(kind & JS_PRIVATE_NAMED)
      && realm_name_private_method (ctx, key, fn, kind) < 0)
    goto out;
  if ((kind & JS_PRIVATE_KIND_MASK) == JS_PRIVATE_METHOD)
    {
      if (has)
        {
          js_throw_type_error (ctx, "Cannot initialize %s twice on the same "
                                    "object",
                               private_name (ctx, key, name, sizeof name));
          goto out;
        }
      result = object_define_own (rt, js_get_object (saved[0]), k, saved[2],
                                  0) == JS_PROP_DONE ? 1 : -1;
      if (result < 0)
        js_throw_type_error (ctx, "Cannot add private method");
      goto out;
    }
  JsValue g = JS_UNDEFINED, st = JS_UNDEFINED;
  has = object_get_own (rt, js_get_object (saved[0]), k, &cur, &attrs);
  if (has && !(kind & JS_PRIVATE_PAIR))
    {
      /* The object has this element already: it was initialised twice
         (a constructor returning the same object to two classes). */
      js_throw_type_error (ctx, "Cannot initialize %s twice on the same "
                                "object",
                           private_name (ctx, key, name, sizeof name));
      goto out;
    }
  if (has && (attrs & JS_ATTR_ACCESSOR))
    {
      g = ((JsAccessorPair *) js_get_cell (cur))->getter;
      st = ((JsAccessorPair *) js_get_cell (cur))->setter;
    }
  if ((kind & JS_PRIVATE_KIND_MASK) == JS_PRIVATE_GETTER)
    g = saved[2];
  else
    st = saved[2];
  rt_push_root (rt, g);
  rt_push_root (rt, st);
  JsAccessorPair *pair = object_new_accessor (rt, g, st);
  if (!pair)
    {
      js_throw_out_of_memory (ctx);
      goto out;
    }
  result = object_define_own (rt, js_get_object (saved[0]), k,
                              js_cell_value (JS_TAG_INTERNAL, pair),
                              JS_ATTR_ACCESSOR) == JS_PROP_DONE ? 1 : -1;
  if (result < 0)
    js_throw_type_error (ctx, "Cannot add private accessor");
out:
  rt_restore_roots (rt, saved);
  return result;
}

bool
realm_create_class (JsContext *ctx, JsValue heritage, JsCode *code,
                    JsEnv *env, JsValue *ctor_out, JsValue *proto_out)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, heritage);
  rt_push_cell (rt, code);
  rt_push_cell (rt, env);
  JsCell *proto_parent = (JsCell *) ctx->object_proto;
  JsCell *ctor_parent = (JsCell *) ctx->function_proto;
  bool ok = false;
  if (js_is_null (heritage))
    proto_parent = NULL;
  else if (!js_is_empty (heritage))
    {
      if (!js_is_constructor (heritage))
        {
          js_throw_type_error (ctx, "Class extends value %s is not a "
                                    "constructor or null",
                               realm_describe (ctx, heritage));
          goto out;
        }
      JsValue pp = js_get (ctx, saved[0],
                           atom_common_key (rt, JS_ATOM_prototype));
      if (js_is_exception (pp))
        goto out;
      if (!js_is_object (pp) && !js_is_null (pp))
        {
          js_throw_type_error (ctx, "Class extends value does not have "
                                    "valid prototype property %s",
                               realm_describe (ctx, pp));
          goto out;
        }
      proto_parent = js_is_null (pp) ? NULL : js_get_cell (pp);
      ctor_parent = js_get_cell (saved[0]);
    }
  rt_push_cell (rt, proto_parent);
  rt_push_cell (rt, ctor_parent);
  JsObject *proto = object_new_with_proto (rt, proto_parent, 4);
  if (!proto)
    goto oom;
  JsValue *pp = rt_push_root (rt, js_object_value (proto));
  JsFunction *f = function_new_closure (
      ctx, (JsCode *) js_get_cell (saved[1]),
      js_is_undefined (saved[2]) ? NULL : (JsEnv *) js_get_cell (saved[2]));
  if (!f)
    goto oom;
  JsValue *pf = rt_push_root (rt, js_object_value ((JsObject *) f));
  f->extra[0] = *pp;
  /* length, then name "" (SetFunctionName gives the class's), then
     prototype, as the spec orders them. */
  if (!function_resolve_lazy (ctx, js_get_object (*pf)))
    goto out;
  if (object_define_own (rt, js_get_object (*pf),
                         atom_common_key (rt, JS_ATOM_name),
                         js_string_value (atom_common (rt, JS_ATOM_empty)),
                         JS_ATTR_CONFIGURABLE)
          != JS_PROP_DONE
      || object_define_own (rt, js_get_object (*pf),
                            atom_common_key (rt, JS_ATOM_prototype), *pp, 0)
             != JS_PROP_DONE
      || object_define_own (rt, js_get_object (*pp),
                            atom_common_key (rt, JS_ATOM_constructor), *pf,
                            JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
             != JS_PROP_DONE
      || object_set_proto (rt, js_get_object (*pf),
                           js_get_cell (saved[4]))
             != JS_PROP_DONE)
    goto oom;
  *ctor_out = *pf;
  *proto_out = *pp;
  ok = true;
  goto out;
oom:
  js_throw_out_of_memory (ctx);
out:
  rt_restore_roots (rt, saved);
  return ok;
}

int
realm_init_fields (JsContext *ctx, JsValue ctor, JsValue this_value)
{
  if (!js_is_object (ctor))
    return 1;
  JsCell *c = js_get_cell (ctor);
  if (c->shape->cls != &js_function_class)
    return 1;
  JsFunction *f = (JsFunction *) c;
  if (!(f->code->flags & JS_CODE_CLASS_CONSTRUCTOR)
      || !js_is_callable (f->extra[1]))
    return 1;
  JsValue r = js_call (ctx, f->extra[1], this_value, 0, NULL);
  return js_is_exception (r) ? -1 : 1;
}

bool
realm_blocked_by_unscopables (JsContext *ctx, JsObject *o, JsKey key,
                              int *err)
{
  JsRuntime *rt = ctx->rt;
  *err = 0;
  JsValue u = prop_get (ctx, o,
                        symbol_key (rt->well_known[JS_SYM_unscopables]),
                        js_object_value (o));
  if (js_is_exception (u))
    {
      *err = -1;
      return false;
    }
  if (!js_is_object (u))
    return false;
  JsValue b = prop_get (ctx, js_get_object (u), key, u);
  if (js_is_exception (b))
    {
      *err = -1;
      return false;
    }
  return js_to_boolean (b);
}

/* ------------------------------------------------------------------ */
/* Iteration                                                           */
/* ------------------------------------------------------------------ */

int
realm_get_iterator (JsContext *ctx, JsValue v, JsValue *regs)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, v);
  int result = -1;
  JsValue m = js_get_method (ctx, v,
                             symbol_key (rt->well_known[JS_SYM_iterator]));
  if (js_is_exception (m))
    goto out;
  if (js_is_undefined (m))
    {
      js_throw_type_error (ctx, "%s is not iterable",
                           realm_describe (ctx, saved[0]));
      goto out;
    }
  JsValue it = js_call (ctx, m, saved[0], 0, NULL);
  if (js_is_exception (it))
    goto out;
  if (!js_is_object (it))
    {
      js_throw_type_error (ctx, "Result of the Symbol.iterator method is "
                                "not an object");
      goto out;
    }
  regs[0] = it;
  JsValue next = js_get (ctx, it, atom_common_key (rt, JS_ATOM_next));
  if (js_is_exception (next))
    goto out;
  /* A next that is not callable fails when it is called; keep the slot
     non-undefined so the iterator does not look done. */
  regs[1] = js_is_undefined (next) ? JS_NULL : next;
  result = 1;
out:
  rt_restore_roots (rt, saved);
  return result;
}

JsValue
realm_iterator_step (JsContext *ctx, JsValue *regs, bool *done)
{
  JsRuntime *rt = ctx->rt;
  JsValue r = js_call (ctx, regs[1], regs[0], 0, NULL);
  if (js_is_exception (r))
    {
      regs[1] = JS_UNDEFINED;
      return r;
    }
  if (!js_is_object (r))
    {
      regs[1] = JS_UNDEFINED;
      return js_throw_type_error (ctx, "Iterator result %s is not an object",
                                  realm_describe (ctx, r));
    }
  JsValue *saved = rt_save_roots (rt);
  JsValue *pr = rt_push_root (rt, r);
  JsValue d = js_get (ctx, r, atom_common_key (rt, JS_ATOM_done));
  JsValue out = d;
  if (!js_is_exception (d))
    {
      *done = js_to_boolean (d);
      out = *done ? JS_UNDEFINED
                  : js_get (ctx, *pr, atom_common_key (rt, JS_ATOM_value));
    }
  if (js_is_exception (out))
    regs[1] = JS_UNDEFINED;
  rt_restore_roots (rt, saved);
  return out;
}

int
realm_iterator_close (JsContext *ctx, JsValue iterator)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, iterator);
  int result = 1;
  JsValue m = js_get_method (ctx, iterator,
                             atom_common_key (rt, JS_ATOM_return));
  if (js_is_exception (m))
    result = -1;
  else if (!js_is_undefined (m))
    {
      JsValue r = js_call (ctx, m, saved[0], 0, NULL);
      if (js_is_exception (r))
        result = -1;
      else if (!js_is_object (r))
        {
          js_throw_type_error (ctx, "iterator.return() did not return an "
                                    "object");
          result = -1;
        }
    }
  rt_restore_roots (rt, saved);
  return result;
}

int
realm_array_spread (JsContext *ctx, JsObject *arr, JsValue iterable)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (arr));
  JsValue *it = rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  int result = realm_get_iterator (ctx, iterable, it);
  while (result > 0)
    {
      bool done;
      JsValue v = realm_iterator_step (ctx, it, &done);
      if (js_is_exception (v))
        {
          result = -1;
          break;
        }
      if (done)
        break;
      if (object_array_push (rt, js_get_object (saved[0]), v)
          != JS_PROP_DONE)
        {
          js_throw_out_of_memory (ctx);
          result = -1;
        }
    }
  rt_restore_roots (rt, saved);
  return result;
}

/* for-in: the enumerable string keys of the object and its prototypes,
 * each once, snapshotted in an array; a key deleted before its turn is
 * skipped.  regs[0] = the key array, regs[1] = [object, index] state. */
int
realm_for_in_prepare (JsContext *ctx, JsValue v, JsValue *regs)
{
  JsRuntime *rt = ctx->rt;
  regs[0] = JS_UNDEFINED;
  regs[1] = JS_UNDEFINED;
  if (js_is_nullish (v))
    return 1;
  JsValue *saved = rt_save_roots (rt);
  JsValue o = js_to_object (ctx, v);
  int result = -1;
  if (js_is_exception (o))
    goto out;
  JsValue *po = rt_push_root (rt, o);
  JsObject *keys = object_new_array (rt, (JsCell *) ctx->array_proto, 8);
  if (!keys)
    {
      js_throw_out_of_memory (ctx);
      goto out;
    }
  JsValue *pk = rt_push_root (rt, js_object_value (keys));
  /* Seen keys, to skip shadowed ones. */
  GHashTable *seen = g_hash_table_new (NULL, NULL);
  JsValue *cur = rt_push_root (rt, o);
  result = 1;
  while (js_is_object (*cur) && result > 0)
    {
      uint32_t n;
      JsKey *ks = realm_own_keys (ctx, js_get_object (*cur),
                                  JS_KEYS_STRINGS, &n);
      if (!ks && n == UINT32_MAX)
        {
          result = -1;
          break;
        }
      for (uint32_t i = 0; i < n && result > 0; i++)
        {
          if (g_hash_table_contains (seen, (gpointer) (uintptr_t) ks[i]))
            continue;
          g_hash_table_add (seen, (gpointer) (uintptr_t) ks[i]);
          JsValue val;
          uint8_t attrs;
          int h = prop_get_own (ctx, js_get_object (*cur), ks[i], &val,
                                &attrs);
          if (h < 0)
            result = -1;
          else if (h > 0 && (attrs & JS_ATTR_ENUMERABLE))
            {
              JsValue kv = atom_key_to_value (ks[i]);
              if (js_is_number (kv))
                kv = js_to_string (ctx, kv);
              if (js_is_exception (kv)
                  || object_array_push (rt, js_get_object (*pk), kv)
                         != JS_PROP_DONE)
                result = -1;
            }
        }
      g_free (ks);
      if (result > 0)
        {
          *cur = prop_get_prototype_of (ctx, js_get_object (*cur));
          if (js_is_exception (*cur))
            result = -1;
        }
    }
  g_hash_table_destroy (seen);
  if (result > 0)
    {
      JsObject *state = object_new_array (rt, (JsCell *) ctx->array_proto,
                                          2);
      if (!state)
        {
          js_throw_out_of_memory (ctx);
          result = -1;
        }
      else
        {
          object_array_push (rt, state, *po);
          object_array_push (rt, state, js_int32 (0));
          regs[0] = *pk;
          regs[1] = js_object_value (state);
        }
    }
out:
  rt_restore_roots (rt, saved);
  return result;
}

JsValue
realm_for_in_next (JsContext *ctx, JsValue *regs, bool *done)
{
  *done = true;
  if (js_is_undefined (regs[0]))
    return JS_UNDEFINED;
  JsObject *keys = js_get_object (regs[0]);
  JsObject *state = js_get_object (regs[1]);
  JsValue *st = object_elements (state);
  uint32_t n = object_array_length (keys);
  for (uint32_t i = (uint32_t) js_get_int32 (st[1]); i < n; i++)
    {
      JsValue k = object_elements (keys)[i];
      st[1] = js_int32 ((int32_t) (i + 1));
      JsKey key;
      if (!js_to_property_key (ctx, k, &key))
        return JS_EXCEPTION;
      /* Still there? (Deleted keys are skipped.) */
      int h = prop_has (ctx, js_get_object (st[0]), key);
      if (h < 0)
        return JS_EXCEPTION;
      keys = js_get_object (regs[0]);
      state = js_get_object (regs[1]);
      st = object_elements (state);
      if (h)
        {
          *done = false;
          return object_elements (keys)[i];
        }
    }
  return JS_UNDEFINED;
}

/* ------------------------------------------------------------------ */
/* Rest parameters (arguments objects: arguments.c)                   */
/* ------------------------------------------------------------------ */

JsValue
realm_create_rest (JsContext *ctx, JsFrame *frame, uint32_t from)
{
  JsRuntime *rt = ctx->rt;
  uint32_t argc = frame->argc;
  uint32_t n = argc > from ? argc - from : 0;
  JsObject *a = object_new_array (rt, (JsCell *) ctx->array_proto, n);
  if (!a)
    return js_throw_out_of_memory (ctx);
  for (uint32_t i = 0; i < n; i++)
    if (object_array_push (rt, a, object_elements (frame->args)[from + i])
        != JS_PROP_DONE)
      return js_throw_out_of_memory (ctx);
  return js_object_value (a);
}

/* ------------------------------------------------------------------ */
/* Exotic callables                                                    */
/* ------------------------------------------------------------------ */

/* Bound functions are the only exotic callables so far
 * (builtins-bound.c); proxies will join them here. */
bool
realm_is_callable_exotic (JsValue v)
{
  return builtins_is_bound_function (v) || builtins_proxy_is_callable (v);
}

bool
realm_is_constructor_exotic (JsValue v)
{
  if (builtins_is_bound_function (v))
    return builtins_bound_is_constructor (v);
  return builtins_proxy_is_constructor (v);
}

bool
realm_is_bound_function (JsValue v)
{
  return builtins_is_bound_function (v);
}

JsValue
realm_bound_target (JsValue v)
{
  return builtins_is_bound_function (v) ? builtins_bound_target (v) : v;
}

JsValue
realm_call_exotic (JsContext *ctx, JsValue *base, uint32_t argc,
                   JsValue new_target)
{
  if (builtins_is_bound_function (base[0]))
    return builtins_bound_call (ctx, base, argc, new_target);
  if (builtins_proxy_is_callable (base[0]))
    return builtins_proxy_call (ctx, base, argc, new_target);
  return js_throw_type_error (ctx, "%s is not a function",
                              realm_describe (ctx, base[0]));
}

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */
/* ------------------------------------------------------------------ */

const char *
realm_describe (JsContext *ctx, JsValue v)
{
  static __thread char buf[128];
  if (js_is_undefined (v))
    return "undefined";
  if (js_is_null (v))
    return "null";
  if (js_is_bool (v))
    return js_get_bool (v) ? "true" : "false";
  if (js_is_number (v))
    {
      JsString *s = js_number_to_string (ctx->rt, js_get_number (v));
      const char *a = s ? string_peek_ascii (s) : NULL;
      g_strlcpy (buf, a ? a : "number", sizeof buf);
      return buf;
    }
  if (js_is_string (v))
    {
      g_autofree char *s = string_to_utf8 (ctx->rt, js_get_string (v), NULL);
      g_snprintf (buf, sizeof buf, "\"%.100s\"", s ? s : "");
      return buf;
    }
  if (js_is_symbol (v))
    return "Symbol()";
  if (js_is_callable (v))
    return "function";
  if (js_is_object (v))
    {
      JsObject *o = js_get_object (v);
      return object_is_array (o) ? "array" : "object";
    }
  return "value";
}

int
realm_check_interrupt (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  rt->interrupt_pending = false;
  if (rt->interrupt_handler && rt->interrupt_handler (rt->interrupt_data))
    {
      js_throw_error (ctx, JS_ERR_ERROR, "interrupted");
      return -1;
    }
  return 1;
}

JsContext *
realm_of (JsContext *ctx, JsValue fn)
{
  /* Functions do not record their realm yet (contexts of one runtime
     share a heap): every live one answers the calling context.  What
     must already be right is the walk, which throws for a revoked
     proxy. */
  for (;;)
    {
      if (builtins_is_bound_function (fn))
        fn = builtins_bound_target (fn);
      else if (builtins_is_proxy (fn))
        {
          fn = builtins_proxy_target (fn);
          if (js_is_null (fn))
            {
              js_throw_type_error (ctx, "Cannot get the realm of a "
                                        "revoked proxy");
              return NULL;
            }
        }
      else
        return ctx;
    }
}
