/* dtoa.h — number ↔ string conversion, the engine's own.
 *
 * Never libc's: gtk_init() sets the locale, and under de_DE libc writes
 * "1,5".  Output is the shortest string that reads back to the same
 * double (ECMA-262 Number::toString); input is correctly rounded.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>

/* Enough for any output of this module (toFixed(100) of 1e21 - 1 plus
 * sign and NUL; toPrecision(100); radix 2 of the largest double). */
#define JS_DTOA_BUFSIZE 1200

/* Number::toString(10): "NaN", "Infinity", "-0" printed as "0", shortest
 * round-trip digits in the spec's fixed/exponential layout.  Returns the
 * length written (buf is NUL-terminated). */
size_t js_dtoa (double d, char *buf);
/* Number::toString(radix), 2 <= radix <= 36; radix 10 is js_dtoa.  The
 * integer part is exact; the fraction stops once it identifies d (V8's
 * rule, in exact arithmetic). */
size_t js_dtoa_radix (double d, int radix, char *buf);
/* Number.prototype.toFixed(digits), 0 <= digits <= 100, |d| < 1e21. */
size_t js_dtoa_fixed (double d, int digits, char *buf);
/* Number.prototype.toExponential(digits); digits < 0: as many as needed
 * for the shortest round trip (toExponential(undefined)). */
size_t js_dtoa_exponential (double d, int digits, char *buf);
/* Number.prototype.toPrecision(precision), 1 <= precision <= 100. */
size_t js_dtoa_precision (double d, int precision, char *buf);

/* Correctly rounded decimal: parses [+-]? digits [. digits] [e [+-] digits]
 * (also ".5", "5.") from s[0..len), no white space, no underscores.
 * Sets *end to the first byte not consumed (s itself if none was, and
 * then returns NaN).  An 'e' without digits after it is not consumed.
 * Overflow gives ±Infinity, underflow ±0. */
double js_strtod (const char *s, size_t len, const char **end);
/* Integer digits in a power-of-two or other radix (2..36), correctly
 * rounded, as used by 0x/0o/0b literals and parseInt: no sign, letters
 * in either case.  *end as above; NaN when there is no digit. */
double js_strtod_radix (const char *s, size_t len, int radix,
                        const char **end);
