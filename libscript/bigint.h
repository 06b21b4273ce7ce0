/* bigint.h — arbitrary-precision integers (the BigInt type).
 *
 * A BigInt is an immutable heap cell (JsBigInt, value.h): a sign and a
 * magnitude in 64-bit digits.  bigint.c does the arithmetic; the
 * operators of ops.c call it when both operands are BigInts, and it
 * raises the language's errors itself (RangeError for a division by zero
 * or a result past JS_BIGINT_MAX_BITS, TypeError for >>>).
 *
 * Rooting.  Every function that makes a BigInt may collect.  Operands
 * are read before the one allocation of the result, so callers need not
 * root them for that call; they must root what they keep across it.
 */
#pragma once

#include "ops.h"

/* The largest BigInt, in bits (as V8: 2^30). */
#define JS_BIGINT_MAX_BITS (UINT32_C (1) << 30)

extern const JsCellClass js_bigint_class;

/* Makes rt->bigint_shape. */
bool bigint_runtime_init (JsRuntime *rt);

/* Making BigInts. */
JsValue bigint_from_int64 (JsContext *ctx, int64_t v);
JsValue bigint_from_uint64 (JsContext *ctx, uint64_t v);
/* d must be a whole finite number (NumberToBigInt's check is the
 * caller's, or use bigint_from_number). */
JsValue bigint_from_double (JsContext *ctx, double d);
/* NumberToBigInt: a RangeError unless d is a whole number. */
JsValue bigint_from_number (JsContext *ctx, double d);
/* A literal's digits (no prefix, no separators, no n) in radix 2, 8, 10
 * or 16.  The compiler calls it for BIGINT constants. */
JsValue bigint_from_literal (JsContext *ctx, const uint16_t *digits,
                             size_t len, int radix);
/* StringToBigInt: JS_UNDEFINED if s is not a StringIntegerLiteral. */
JsValue bigint_from_string (JsContext *ctx, JsString *s);

/* Conversions. */
/* ToBigInt (may run script). */
JsValue bigint_to_bigint (JsContext *ctx, JsValue v);
/* ToBigInt64 and ToBigUint64, for BigInt64Array and BigUint64Array. */
bool bigint_to_big_int64 (JsContext *ctx, JsValue v, int64_t *out);
bool bigint_to_big_uint64 (JsContext *ctx, JsValue v, uint64_t *out);
/* The value modulo 2^64, as two's complement or unsigned. */
int64_t bigint_get_int64 (JsValue b);
uint64_t bigint_get_uint64 (JsValue b);
/* Number (b): rounded to nearest, ties to even. */
double bigint_to_double (JsValue b);
/* b in a radix from 2 to 36. */
JsValue bigint_to_string (JsContext *ctx, JsValue b, int radix);
bool bigint_is_zero (JsValue b);

/* Comparisons (no allocation). */
bool bigint_equals (JsValue a, JsValue b);
/* <0, 0 or >0. */
int bigint_compare (JsValue a, JsValue b);
/* <0, 0 or >0 comparing b with d; 2 if d is NaN. */
int bigint_compare_double (JsValue b, double d);
uint32_t bigint_hash (JsValue b);

/* Operators, with ops.c's codes: + - * / % e (**), & | ^, < (<<),
 * > (>>), u (>>>, a TypeError).  Both operands are BigInts. */
JsValue bigint_arith (JsContext *ctx, int op, JsValue a, JsValue b);
/* Unary: - (negate), ~, i (increment), d (decrement). */
JsValue bigint_unary (JsContext *ctx, int op, JsValue a);
/* BigInt.asIntN and BigInt.asUintN. */
JsValue bigint_as_n (JsContext *ctx, uint64_t bits, JsValue b,
                     bool is_signed);

/* builtins-bigint.c's family. */
bool builtins_init_bigint (JsContext *ctx);
