/* unicode-normalize.h — the Unicode normalization forms over UTF-16.
 *
 * String.prototype.normalize and localeCompare work on UTF-16 code
 * units; the tables (unicode-tables.h) work on code points.  This is the
 * algorithm between them: decompose, put marks in canonical order, and
 * for NFC and NFKC compose again (UAX #15).
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum
{
  UNI_NFC,
  UNI_NFD,
  UNI_NFKC,
  UNI_NFKD,
} UniNormForm;

/* True if every unit of in is left alone by form, by a quick look at the
 * units (never a false yes; a no only means "normalize to see"). */
bool uni_normalize_is_trivial (const uint16_t *in, size_t n,
                               UniNormForm form);
/* The n units of in (lone surrogates pass through as themselves) in the
 * given form, in a g_malloc'd buffer of *out_len units; NULL if memory
 * ran out. */
uint16_t *uni_normalize (const uint16_t *in, size_t n, UniNormForm form,
                         size_t *out_len);
