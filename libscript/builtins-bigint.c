/* builtins-bigint.c — the BigInt function and BigInt.prototype.
 *
 * The arithmetic is bigint.c's and the operators are ops.c's; this file
 * is the library surface: BigInt (value) (a function that refuses new),
 * asIntN and asUintN, and toString, toLocaleString and valueOf on
 * BigInt primitives and their wrapper objects.
 */
#include "config.h"

#include "bigint.h"

#include "builtins.h"

#include <math.h>

static JsValue
bigint_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  if (!js_is_undefined (info->new_target))
    return js_throw_type_error (ctx, "BigInt is not a constructor");
  JsValue p = js_to_primitive (ctx, js_arg (info, 0), JS_HINT_NUMBER);
  if (js_is_exception (p))
    return p;
  if (js_is_number (p))
    return bigint_from_number (ctx, js_get_number (p));
  return bigint_to_bigint (ctx, p);
}

/* ToIndex. */
static bool
to_index (JsContext *ctx, JsValue v, uint64_t *out)
{
  double d;
  if (!js_to_integer (ctx, v, &d))
    return false;
  if (d < 0 || d > 9007199254740991.0)
    {
      js_throw_range_error (ctx, "Invalid bit count %g", d);
      return false;
    }
  *out = (uint64_t) d;
  return true;
}

/* BigInt.asIntN (magic 1) and BigInt.asUintN (magic 0). */
static JsValue
bigint_as_int_n (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  uint64_t bits;
  if (!to_index (ctx, js_arg (info, 0), &bits))
    return JS_EXCEPTION;
  JsValue b = bigint_to_bigint (ctx, js_arg (info, 1));
  if (js_is_exception (b))
    return b;
  return bigint_as_n (ctx, bits, b, info->magic != 0);
}

/* thisBigIntValue. */
static JsValue
this_bigint (const JsCallInfo *info, const char *method)
{
  JsValue t = *info->this_arg;
  if (js_is_bigint (t))
    return t;
  if (js_is_object (t))
    {
      JsValue v = realm_wrapper_value (js_get_object (t));
      if (js_is_bigint (v))
        return v;
    }
  return js_throw_type_error (info->ctx, "BigInt.prototype.%s requires that "
                                         "'this' be a BigInt",
                              method);
}

static JsValue
bigint_proto_to_string (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue b = this_bigint (info, "toString");
  if (js_is_exception (b))
    return b;
  int radix = 10;
  JsValue r = js_arg (info, 0);
  if (!js_is_undefined (r))
    {
      JsRuntime *rt = ctx->rt;
      JsValue *saved = rt_save_roots (rt);
      JsValue *pb = rt_push_root (rt, b);
      double d;
      bool ok = js_to_integer (ctx, r, &d);
      b = *pb;
      rt_restore_roots (rt, saved);
      if (!ok)
        return JS_EXCEPTION;
      if (d < 2 || d > 36)
        return js_throw_range_error (ctx, "toString() radix must be between "
                                          "2 and 36");
      radix = (int) d;
    }
  return bigint_to_string (ctx, b, radix);
}

static JsValue
bigint_proto_to_locale_string (const JsCallInfo *info)
{
  JsValue b = this_bigint (info, "toLocaleString");
  if (js_is_exception (b))
    return b;
  return bigint_to_string (info->ctx, b, 10);
}

static JsValue
bigint_proto_value_of (const JsCallInfo *info)
{
  return this_bigint (info, "valueOf");
}

bool
builtins_init_bigint (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  static const JsMethodSpec statics[] = {
    { "asIntN", bigint_as_int_n, 2, 1 },
    { "asUintN", bigint_as_int_n, 2, 0 },
  };
  static const JsMethodSpec methods[] = {
    { "toLocaleString", bigint_proto_to_locale_string, 0, 0 },
    { "toString", bigint_proto_to_string, 0, 0 },
    { "valueOf", bigint_proto_value_of, 0, 0 },
  };
  if (!bigint_runtime_init (rt))
    return false;
  JsObject *ctor = builtins_define_class (ctx, "BigInt", bigint_ctor, 1,
                                          ctx->bigint_proto, 0);
  if (!ctor
      || !builtins_define_methods (ctx, ctor, statics,
                                   G_N_ELEMENTS (statics))
      || !builtins_define_methods (ctx, ctx->bigint_proto, methods,
                                   G_N_ELEMENTS (methods)))
    return false;
  JsString *tag = atom_intern_utf8 (rt, "BigInt", -1);
  return tag
         && object_define_own (rt, ctx->bigint_proto,
                               symbol_key (rt->well_known[JS_SYM_toStringTag]),
                               js_string_value (tag), JS_ATTR_CONFIGURABLE)
                == JS_PROP_DONE;
}
