/* ops.h — the language's abstract operations: conversions, operators,
 * property access on any value, and throwing errors.
 *
 * Every fallible function returns JS_EXCEPTION (or false / -1 where it
 * returns a C type) with the exception pending on the context, and the
 * caller checks at once.  Functions taking a context may run script
 * (valueOf, toString, getters) and so may collect; values passed in are
 * kept alive by the callee.
 */
#pragma once

#include "interp.h"

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

typedef enum
{
  JS_ERR_ERROR,
  JS_ERR_TYPE,
  JS_ERR_REFERENCE,
  JS_ERR_SYNTAX,
  JS_ERR_RANGE,
  JS_ERR_EVAL,
  JS_ERR_URI,
  JS_ERR_AGGREGATE,
  JS_ERR_COUNT
} JsErrorType;

/* Makes an error object of a type with a formatted message (UTF-8). */
JsValue js_new_error (JsContext *ctx, JsErrorType type, const char *fmt, ...)
    G_GNUC_PRINTF (3, 4);
/* Throws: sets the pending exception and returns JS_EXCEPTION. */
JsValue js_throw (JsContext *ctx, JsValue exception);
JsValue js_throw_error (JsContext *ctx, JsErrorType type, const char *fmt,
                        ...) G_GNUC_PRINTF (3, 4);
#define js_throw_type_error(ctx, ...) \
  js_throw_error ((ctx), JS_ERR_TYPE, __VA_ARGS__)
#define js_throw_range_error(ctx, ...) \
  js_throw_error ((ctx), JS_ERR_RANGE, __VA_ARGS__)
#define js_throw_reference_error(ctx, ...) \
  js_throw_error ((ctx), JS_ERR_REFERENCE, __VA_ARGS__)
/* The RangeError for memory a script asked for and could not have. */
JsValue js_throw_out_of_memory (JsContext *ctx);
/* Takes the pending exception (JS_EMPTY if none). */
JsValue js_take_exception (JsContext *ctx);
/* Fills an error object's stack from the running frames. */
void js_capture_stack (JsContext *ctx, JsObject *error);

/* ------------------------------------------------------------------ */
/* Conversions                                                         */
/* ------------------------------------------------------------------ */

bool js_to_boolean (JsValue v);
/* ToNumber; *out gets the double. */
bool js_to_number (JsContext *ctx, JsValue v, double *out);
JsValue js_to_number_value (JsContext *ctx, JsValue v);
/* ToNumeric: a number or a BigInt. */
JsValue js_to_numeric (JsContext *ctx, JsValue v);
JsValue js_to_string (JsContext *ctx, JsValue v);
/* ToString for values that cannot run script (numbers, booleans...). */
JsString *js_number_to_string (JsRuntime *rt, double d);
/* ToPrimitive with a hint: "default", "number" or "string". */
typedef enum
{
  JS_HINT_DEFAULT,
  JS_HINT_NUMBER,
  JS_HINT_STRING
} JsHint;
JsValue js_to_primitive (JsContext *ctx, JsValue v, JsHint hint);
JsValue js_to_object (JsContext *ctx, JsValue v);
/* ToPropertyKey into a key; false with an exception. */
bool js_to_property_key (JsContext *ctx, JsValue v, JsKey *key);
/* A key from a value already a string, symbol or number (no script). */
JsValue js_to_property_key_value (JsContext *ctx, JsValue v);
bool js_to_int32 (JsContext *ctx, JsValue v, int32_t *out);
bool js_to_uint32 (JsContext *ctx, JsValue v, uint32_t *out);
/* ToIntegerOrInfinity. */
bool js_to_integer (JsContext *ctx, JsValue v, double *out);
/* ToLength. */
bool js_to_length (JsContext *ctx, JsValue v, double *out);
/* StringToNumber of a string value (no script runs). */
double js_string_to_number (JsRuntime *rt, JsString *s);
int32_t js_double_to_int32 (double d);

/* ------------------------------------------------------------------ */
/* Operators                                                           */
/* ------------------------------------------------------------------ */

JsValue js_typeof (JsContext *ctx, JsValue v);
bool js_strict_equals (JsRuntime *rt, JsValue a, JsValue b);
bool js_same_value (JsRuntime *rt, JsValue a, JsValue b);
bool js_same_value_zero (JsRuntime *rt, JsValue a, JsValue b);
/* == : 1 true, 0 false, -1 exception. */
int js_loose_equals (JsContext *ctx, JsValue a, JsValue b);
/* Binary operators (the slow paths of the interpreter). */
JsValue js_add (JsContext *ctx, JsValue a, JsValue b);
JsValue js_arith (JsContext *ctx, int op, JsValue a, JsValue b);
/* a < b (or b < a when swapped; left_first as the spec says):
 * 1 true, 0 false, -1 exception.  "undefined" results are false. */
int js_less_than (JsContext *ctx, JsValue a, JsValue b, bool left_first,
                  bool or_equal);
JsValue js_instance_of (JsContext *ctx, JsValue v, JsValue target);
JsValue js_ordinary_has_instance (JsContext *ctx, JsValue c, JsValue o);
JsValue js_in (JsContext *ctx, JsValue key, JsValue obj);
JsValue js_unary (JsContext *ctx, int op, JsValue v);

/* ------------------------------------------------------------------ */
/* Properties of any value                                             */
/* ------------------------------------------------------------------ */

/* obj[key] with receiver (GetV semantics for primitives). */
JsValue js_get (JsContext *ctx, JsValue obj, JsKey key);
JsValue js_get_with_receiver (JsContext *ctx, JsValue obj, JsKey key,
                              JsValue receiver);
/* obj[key] = v; strict: a failure is a TypeError.  -1 on exception,
 * 0 rejected (sloppy), 1 done. */
int js_set (JsContext *ctx, JsValue obj, JsKey key, JsValue v,
            JsValue receiver, bool strict);
/* delete obj[key]: 1 deleted, 0 not (sloppy), -1 exception. */
int js_delete (JsContext *ctx, JsValue obj, JsKey key, bool strict);
/* key in obj for an object: 1, 0 or -1. */
int js_has_property (JsContext *ctx, JsObject *o, JsKey key);
/* CreateDataProperty (or OrThrow when strict). */
int js_define_data (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
                    bool throw_on_fail);
/* The prototype used for a primitive's properties. */
JsObject *js_primitive_proto (JsContext *ctx, JsValue v);
/* GetMethod: undefined if nullish, TypeError if not callable. */
JsValue js_get_method (JsContext *ctx, JsValue v, JsKey key);
/* Own property with lazily made function properties resolved. */
void js_resolve_lazy (JsContext *ctx, JsObject *o);
