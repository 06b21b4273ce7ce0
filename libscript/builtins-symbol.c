/* builtins-symbol.c — Symbol, Symbol.prototype and the registry of
 * Symbol.for.
 *
 * The registry is per agent, so per runtime: one null-prototype object
 * mapping each key string to its symbol, shared by every realm of the
 * runtime through their JsContext (each realm traces it, so it lives as
 * long as any realm does).  A registered symbol carries
 * JS_SYMBOL_REGISTERED and its key is its description, which is how
 * Symbol.keyFor answers without a reverse table.
 */
#include "config.h"

#include "builtins.h"

#include "property.h"

/* thisSymbolValue: a symbol, or a Symbol wrapper object's symbol. */
static JsValue
this_symbol (const JsCallInfo *info, const char *method)
{
  JsValue t = *info->this_arg;
  if (js_is_symbol (t))
    return t;
  if (js_is_object (t))
    {
      JsValue v = realm_wrapper_value (js_get_object (t));
      if (js_is_symbol (v))
        return v;
    }
  return js_throw_type_error (info->ctx, "Symbol.prototype.%s requires "
                                         "that 'this' be a Symbol",
                              method);
}

static JsValue
symbol_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  if (!js_is_undefined (info->new_target))
    return js_throw_type_error (ctx, "Symbol is not a constructor");
  JsValue d = js_arg (info, 0);
  JsString *desc = NULL;
  if (!js_is_undefined (d))
    {
      d = js_to_string (ctx, d);
      if (js_is_exception (d))
        return d;
      desc = js_get_string (d);
    }
  JsSymbol *s = symbol_new (ctx->rt, desc);
  return s ? js_symbol_value (s) : js_throw_out_of_memory (ctx);
}

/* The runtime's registry: another realm's if there is one. */
static JsObject *
registry (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  if (ctx->symbol_registry)
    return ctx->symbol_registry;
  for (guint i = 0; i < rt->contexts->len; i++)
    {
      JsContext *c = g_ptr_array_index (rt->contexts, i);
      if (c->symbol_registry)
        return ctx->symbol_registry = c->symbol_registry;
    }
  return ctx->symbol_registry = object_new_with_proto (rt, NULL, 0);
}

static JsValue
symbol_for (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue k = js_to_string (ctx, js_arg (info, 0));
  if (js_is_exception (k))
    return k;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pk = rt_push_root (rt, k);
  JsValue r = JS_EXCEPTION;
  JsObject *reg = registry (ctx);
  JsKey key = reg ? atom_key_from_string (rt, js_get_string (*pk))
                  : JS_KEY_NONE;
  if (key == JS_KEY_NONE)
    {
      r = js_throw_out_of_memory (ctx);
      goto out;
    }
  /* The key's atom is alive as long as the string it came from, which
     is rooted; the registry keeps both once the symbol is in. */
  JsValue v;
  uint8_t attrs;
  if (object_get_own (rt, ctx->symbol_registry, key, &v, &attrs))
    {
      r = v;
      goto out;
    }
  JsString *desc = js_key_is_index (key) ? js_get_string (*pk)
                                         : atom_key_string (key);
  rt_push_cell (rt, desc);
  JsSymbol *s = symbol_new (rt, desc);
  if (!s)
    {
      r = js_throw_out_of_memory (ctx);
      goto out;
    }
  s->flags |= JS_SYMBOL_REGISTERED;
  r = js_symbol_value (s);
  rt_push_root (rt, r);
  if (object_define_own (rt, ctx->symbol_registry, key, r, JS_ATTR_DEFAULT)
      != JS_PROP_DONE)
    r = js_throw_out_of_memory (ctx);
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
symbol_key_for (const JsCallInfo *info)
{
  JsValue s = js_arg (info, 0);
  if (!js_is_symbol (s))
    return js_throw_type_error (info->ctx, "%s is not a symbol",
                                realm_describe (info->ctx, s));
  JsSymbol *sym = js_get_symbol (s);
  if (!(sym->flags & JS_SYMBOL_REGISTERED))
    return JS_UNDEFINED;
  return js_string_value (sym->description);
}

/* SymbolDescriptiveString: "Symbol(" + description + ")". */
static JsValue
descriptive_string (JsContext *ctx, JsValue sv)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *ps = rt_push_root (rt, sv);
  JsString *acc = string_new_latin1 (rt, (const uint8_t *) "Symbol(", 7);
  JsValue *pa = rt_push_root (rt, acc ? js_string_value (acc)
                                      : JS_UNDEFINED);
  JsString *d = js_get_symbol (*ps)->description;
  if (acc && d)
    {
      acc = string_concat (rt, js_get_string (*pa), d);
      *pa = acc ? js_string_value (acc) : JS_UNDEFINED;
    }
  if (acc)
    {
      JsString *close = string_new_latin1 (rt, (const uint8_t *) ")", 1);
      acc = close ? string_concat (rt, js_get_string (*pa), close) : NULL;
    }
  rt_restore_roots (rt, saved);
  return acc ? js_string_value (acc) : js_throw_out_of_memory (ctx);
}

static JsValue
symbol_to_string (const JsCallInfo *info)
{
  JsValue s = this_symbol (info, "toString");
  return js_is_exception (s) ? s : descriptive_string (info->ctx, s);
}

static JsValue
symbol_value_of (const JsCallInfo *info)
{
  return this_symbol (info, "valueOf");
}

static JsValue
symbol_to_primitive (const JsCallInfo *info)
{
  return this_symbol (info, "[Symbol.toPrimitive]");
}

static JsValue
symbol_description (const JsCallInfo *info)
{
  JsValue s = this_symbol (info, "description");
  if (js_is_exception (s))
    return s;
  JsString *d = js_get_symbol (s)->description;
  return d ? js_string_value (d) : JS_UNDEFINED;
}

/* Symbol.prototype's members that are not plain methods: the
 * description getter, @@toPrimitive (read-only) and @@toStringTag. */
static bool
define_special_members (JsContext *ctx, JsObject *proto)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pp = rt_push_root (rt, js_object_value (proto));
  bool ok = false;
  JsValue *g = rt_push_root (rt, function_new_builtin (
                                     ctx, "get description",
                                     symbol_description, 0, 0, 0));
  if (js_is_exception (*g))
    goto out;
  /* The key first: the pair must meet no allocation before it is
     stored. */
  JsKey dk = atom_key_from_utf8 (rt, "description");
  if (dk == JS_KEY_NONE)
    goto out;
  rt_push_root (rt, atom_key_to_value (dk));
  JsAccessorPair *pair = object_new_accessor (rt, *g, JS_UNDEFINED);
  if (!pair
      || object_define_own (rt, js_get_object (*pp), dk,
                            js_cell_value (JS_TAG_INTERNAL, pair),
                            JS_ATTR_ACCESSOR | JS_ATTR_CONFIGURABLE)
             != JS_PROP_DONE)
    goto out;
  JsValue *tp = rt_push_root (rt, function_new_builtin (
                                      ctx, "[Symbol.toPrimitive]",
                                      symbol_to_primitive, 1, 0, 0));
  if (js_is_exception (*tp)
      || object_define_own (rt, js_get_object (*pp),
                            symbol_key (rt->well_known[JS_SYM_toPrimitive]),
                            *tp, JS_ATTR_CONFIGURABLE)
             != JS_PROP_DONE)
    goto out;
  JsString *tag = atom_intern_utf8 (rt, "Symbol", -1);
  ok = tag
       && object_define_own (rt, js_get_object (*pp),
                             symbol_key (rt->well_known[JS_SYM_toStringTag]),
                             js_string_value (tag), JS_ATTR_CONFIGURABLE)
              == JS_PROP_DONE;
out:
  rt_restore_roots (rt, saved);
  return ok;
}

bool
builtins_init_symbol (JsContext *ctx)
{
  static const JsMethodSpec statics[] = {
    { "for", symbol_for, 1, 0 },
    { "keyFor", symbol_key_for, 1, 0 },
  };
  static const JsMethodSpec methods[] = {
    { "toString", symbol_to_string, 0, 0 },
    { "valueOf", symbol_value_of, 0, 0 },
  };
  JsRuntime *rt = ctx->rt;
  if (!registry (ctx))
    return false;
  JsObject *ctor = builtins_define_class (ctx, "Symbol", symbol_ctor, 0,
                                          ctx->symbol_proto, 0);
  if (!ctor
      || !builtins_define_methods (ctx, ctor, statics, G_N_ELEMENTS (statics))
      || !builtins_define_methods (ctx, ctx->symbol_proto, methods,
                                   G_N_ELEMENTS (methods))
      || !define_special_members (ctx, ctx->symbol_proto))
    return false;
  /* Symbol.iterator and the others: neither writable, enumerable nor
     configurable. */
  for (int i = 0; i < JS_SYM_COUNT; i++)
    {
      JsKey k = atom_key_from_utf8 (rt, js_well_known_names[i]);
      if (k == JS_KEY_NONE
          || object_define_own (rt, ctor, k,
                                js_symbol_value (rt->well_known[i]), 0)
                 != JS_PROP_DONE)
        return false;
    }
  return true;
}
