/* atom.h — interned strings, symbols and property keys.
 *
 * A property key (JsKey, value.h) is an array index or an atom: an
 * interned string or a symbol, named by its address, so keys compare
 * with == and hash by address.  The atom table holds one string per
 * content; it is weak, so a key a script made at run time leaves the
 * table when nothing references it any more.  Array indices are never
 * interned: "7" as a key is js_key_from_index (7).
 *
 * Rooting.  The functions that take a JsRuntime may collect.  An atom
 * they return is only as alive as its referents make it: root it (or
 * store it where the collector sees it) before the next allocation.
 */
#pragma once

#include "jsstring.h"

/* Creates the table and interns rt->common_atoms. */
void atom_table_init (JsRuntime *rt);
/* Frees the table (after the heap died). */
void atom_table_free (JsRuntime *rt);
/* Drops the atoms the last marking did not reach (runtime_process_weak),
 * and rehashes when tombstones pile up. */
void atom_sweep (JsRuntime *rt);

/* The atom of these characters, made if needed; NULL if memory ran out.
 * chars must not point into an unrooted cell. */
JsString *atom_intern_latin1 (JsRuntime *rt, const uint8_t *chars,
                              size_t len);
JsString *atom_intern_utf16 (JsRuntime *rt, const uint16_t *units,
                             size_t len);
/* UTF-8 decoded as string_new_utf8 does; len -1: NUL-terminated. */
JsString *atom_intern_utf8 (JsRuntime *rt, const char *utf8, gssize len);
/* The atom equal to s: the one in the table, or s itself (flattened and
 * flagged JS_STRING_ATOM) if there was none.  Allocates no cell.  NULL
 * only if flattening a rope ran out of memory. */
JsString *atom_intern_string (JsRuntime *rt, JsString *s);

/* The atom of these characters if there is one, else NULL (no string is
 * made: a string that is no atom is no key of any object). */
JsString *atom_find_latin1 (JsRuntime *rt, const uint8_t *chars,
                            size_t len);
JsString *atom_find_string (JsRuntime *rt, JsString *s);

/* The key of a string: an index key for a canonical array index
 * ("0" .. "4294967294"), an atom otherwise.  JS_KEY_NONE if memory ran
 * out. */
JsKey atom_key_from_string (JsRuntime *rt, JsString *s);
/* The same from UTF-8 (for C code naming properties). */
JsKey atom_key_from_utf8 (JsRuntime *rt, const char *utf8);

/* A new unique symbol; description may be NULL. */
JsSymbol *symbol_new (JsRuntime *rt, JsString *description);

static inline JsKey
atom_key (JsString *atom)
{
  return (JsKey) (uintptr_t) atom;
}

static inline JsKey
symbol_key (JsSymbol *sym)
{
  return (JsKey) (uintptr_t) sym;
}

static inline bool
atom_key_is_symbol (JsKey k)
{
  return !js_key_is_index (k)
         && js_key_cell (k)->shape->cls->kind == JS_KIND_SYMBOL;
}

/* The atom of a string key (neither index nor symbol). */
static inline JsString *
atom_key_string (JsKey k)
{
  return (JsString *) js_key_cell (k);
}

static inline JsString *
atom_common (JsRuntime *rt, JsCommonAtom id)
{
  return rt->common_atoms[id];
}

static inline JsKey
atom_common_key (JsRuntime *rt, JsCommonAtom id)
{
  return atom_key (rt->common_atoms[id]);
}

/* A key as a value: a number for an index, else the string or symbol. */
static inline JsValue
atom_key_to_value (JsKey k)
{
  if (js_key_is_index (k))
    return js_number ((double) js_key_index (k));
  if (atom_key_is_symbol (k))
    return js_symbol_value ((JsSymbol *) js_key_cell (k));
  return js_string_value (atom_key_string (k));
}
