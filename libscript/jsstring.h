/* jsstring.h — string cells: forms, creation, flattening, hashing.
 *
 * A string is one of five forms (value.h has the layouts): inline
 * Latin-1 or UTF-16 (the characters in the cell, one or two slots),
 * external Latin-1 or UTF-16 (one slot pointing at g_malloc'd characters
 * counted as unmanaged memory) and the rope (a concatenation, one slot).
 * A rope is flattened on first read, in place: the cell becomes an
 * external string, so every holder of the rope sees the flat result.
 *
 * Latin-1 data always ends in a NUL, so ASCII strings pass to C without a
 * copy (string_peek_ascii).  Lengths, indices and comparisons are in
 * UTF-16 code units, as the language counts them.
 *
 * Failure.  Functions that create strings return NULL when memory for
 * a size a script chose cannot be had (the caller raises a RangeError);
 * string_flatten returns false likewise.  The readers (string_hash,
 * string_equals, string_compare, string_char_at) flatten a rope they are
 * given and abort if that fails: callers that read ropes of a size a
 * script controls flatten them first with string_flatten.
 *
 * Rooting.  Every function that takes a JsRuntime may collect; the
 * strings it is given are kept alive by it, but character pointers passed
 * in must not point into a cell the caller has not rooted.
 */
#pragma once

#include "runtime.h"

/* The longest string, in code units (as V8 and QuickJS, about 2^30). */
#define JS_STRING_MAX_LENGTH ((1u << 30) - 32u)

/* Creates rt->string_shapes and rt->symbol_shape. */
void string_runtime_init (JsRuntime *rt);

/* ------------------------------------------------------------------ */
/* Forms                                                               */
/* ------------------------------------------------------------------ */

static inline bool
string_is_rope (const JsString *s)
{
  return (s->shape->flags & JS_SHAPE_STR_ROPE) != 0;
}

/* Flat strings only: true if the characters are 8-bit. */
static inline bool
string_is_latin1 (const JsString *s)
{
  return (s->shape->flags & JS_SHAPE_STR_LATIN1) != 0;
}

static inline bool
string_is_ascii (const JsString *s)
{
  return (s->hash & JS_STRING_ASCII) != 0;
}

static inline bool
string_is_atom (const JsString *s)
{
  return (s->hash & JS_STRING_ATOM) != 0;
}

/* The characters of a flat string, whichever width they have. */
static inline const void *
string_chars (const JsString *s)
{
  if (s->shape->flags & JS_SHAPE_STR_EXTERNAL)
    return ((const JsExternalString *) s)->chars;
  return ((const JsInlineString *) s)->chars;
}

/* Flat Latin-1 strings: the NUL-terminated characters. */
static inline const uint8_t *
string_latin1_chars (const JsString *s)
{
  return (const uint8_t *) string_chars (s);
}

/* Flat UTF-16 strings: the code units. */
static inline const uint16_t *
string_utf16_chars (const JsString *s)
{
  return (const uint16_t *) string_chars (s);
}

/* Code unit i of a flat string. */
static inline uint16_t
string_flat_char_at (const JsString *s, uint32_t i)
{
  if (string_is_latin1 (s))
    return string_latin1_chars (s)[i];
  return string_utf16_chars (s)[i];
}

/* A flat ASCII string's characters, NUL-terminated, for C code that
 * wants UTF-8 without a copy; NULL for any other string. */
static inline const char *
string_peek_ascii (const JsString *s)
{
  if (!string_is_ascii (s) || string_is_rope (s) || !string_is_latin1 (s))
    return NULL;
  return (const char *) string_latin1_chars (s);
}

/* ------------------------------------------------------------------ */
/* Creation                                                            */
/* ------------------------------------------------------------------ */

/* A string of len Latin-1 characters (copied). */
JsString *string_new_latin1 (JsRuntime *rt, const uint8_t *chars, size_t len);
/* A string of len UTF-16 code units (copied); stored as Latin-1 when
 * every unit is below 256. */
JsString *string_new_utf16 (JsRuntime *rt, const uint16_t *units,
                            size_t len);
/* A string from UTF-8 bytes (len -1: NUL-terminated).  Decoding is
 * lenient: encoded surrogates (WTF-8, or CESU-8 pairs) become the code
 * units they encode, and each maximal ill-formed subsequence becomes one
 * U+FFFD, as the WHATWG decoder does.  Never fails on bad input. */
JsString *string_new_utf8 (JsRuntime *rt, const char *utf8, gssize len);
/* a + b.  Short results are copied into a new flat string; longer ones
 * make a rope.  NULL if the result would be longer than
 * JS_STRING_MAX_LENGTH or memory ran out. */
JsString *string_concat (JsRuntime *rt, JsString *a, JsString *b);
/* The code units [start, end) of s, copied (s itself for the whole). */
JsString *string_substring (JsRuntime *rt, JsString *s, uint32_t start,
                            uint32_t end);

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

/* Makes a rope flat, in place, without C recursion.  False if the
 * characters could not be allocated (the rope is unchanged). */
bool string_flatten (JsRuntime *rt, JsString *s);
/* The 30-bit content hash (never 0), computed once and cached.  Equal
 * contents hash alike whatever their form. */
uint32_t string_hash (JsRuntime *rt, JsString *s);
bool string_equals (JsRuntime *rt, JsString *a, JsString *b);
/* <0, 0 or >0 as a sorts before, with or after b, by UTF-16 code units
 * (the order of the < operator on strings). */
int string_compare (JsRuntime *rt, JsString *a, JsString *b);
/* Code unit i (i < length). */
uint16_t string_char_at (JsRuntime *rt, JsString *s, uint32_t i);
/* A g_malloc'd NUL-terminated UTF-8 copy; lone surrogates become U+FFFD.
 * *len_out (if not NULL) gets its length in bytes.  NULL if memory ran
 * out. */
char *string_to_utf8 (JsRuntime *rt, JsString *s, size_t *len_out);
/* True if s is a canonical array index ("0" .. "4294967294", no leading
 * zeros or sign); the index goes to *index. */
bool string_is_array_index (JsRuntime *rt, JsString *s, uint32_t *index);

/* ------------------------------------------------------------------ */
/* For the atom table                                                  */
/* ------------------------------------------------------------------ */

/* The hash string_hash would give a string of these characters. */
uint32_t string_hash_latin1 (const uint8_t *chars, size_t len);
uint32_t string_hash_utf16 (const uint16_t *units, size_t len);
/* True if the flat string s holds exactly these characters. */
bool string_equals_latin1 (const JsString *s, const uint8_t *chars,
                           size_t len);
bool string_equals_utf16 (const JsString *s, const uint16_t *units,
                          size_t len);
/* Decodes UTF-8 as string_new_utf8 does into out, which has room for len
 * units (never more are needed); returns the units written. */
size_t string_decode_utf8 (const uint8_t *utf8, size_t len, uint16_t *out);

/* ------------------------------------------------------------------ */
/* Building                                                            */
/* ------------------------------------------------------------------ */

/* A string being built piece by piece.  It stays Latin-1 until a code
 * unit of 256 or more arrives, then widens once.  It holds no cells, so
 * it needs no rooting: what is appended is copied at once.  A failure
 * (memory, or the length passing JS_STRING_MAX_LENGTH) is sticky: later
 * appends do nothing and string_builder_finish returns NULL, so a loop
 * can check once at the end. */
typedef struct
{
  void *chars; /* g_malloc'd; uint8_t while latin1, else uint16_t */
  size_t len;  /* code units so far */
  size_t cap;  /* code units allocated */
  bool latin1; /* every unit so far is below 256 */
  bool failed; /* memory ran out, or the string grew too long */
} JsStringBuilder;

void string_builder_init (JsStringBuilder *b);
/* Makes room for extra more units; false once the builder failed. */
bool string_builder_reserve (JsStringBuilder *b, size_t extra);
bool string_builder_append_unit (JsStringBuilder *b, uint16_t u);
/* A code point, as a surrogate pair above U+FFFF. */
bool string_builder_append_code_point (JsStringBuilder *b, uint32_t c);
bool string_builder_append_latin1 (JsStringBuilder *b, const uint8_t *chars,
                                   size_t n);
bool string_builder_append_utf16 (JsStringBuilder *b, const uint16_t *units,
                                  size_t n);
/* Units [start, end) of s, flattened first (which may fail). */
bool string_builder_append_string (JsRuntime *rt, JsStringBuilder *b,
                                   JsString *s, uint32_t start, uint32_t end);
/* The string built, or NULL if the builder failed or memory ran out;
 * the builder is emptied either way. */
JsString *string_builder_finish (JsRuntime *rt, JsStringBuilder *b);
/* Drops what was built (after an exception). */
void string_builder_free (JsStringBuilder *b);
