/* builtins.h — the built-in library, one file per constructor family.
 *
 * builtins.c makes the skeleton of a realm (realm_init) and the host
 * globals (print, console); each builtins-*.c installs its family on
 * that skeleton through a builtins_init_* function called from there.
 */
#pragma once

#include "function.h"
#include "realm.h"

/* The C type of a method table entry. */
typedef struct
{
  const char *name; /* ASCII; "@@iterator" style names are symbols */
  JsNativeFn fn;
  uint16_t length;
  int16_t magic;
} JsMethodSpec;

/* Defines each method of specs on o (non-enumerable). */
bool builtins_define_methods (JsContext *ctx, JsObject *o,
                              const JsMethodSpec *specs, size_t n);
/* A constructor function with its prototype object wired both ways. */
JsObject *builtins_define_class (JsContext *ctx, const char *name,
                                 JsNativeFn ctor, uint32_t length,
                                 JsObject *proto, uint32_t flags);

/* The this value as an object of a class, or a TypeError. */
JsObject *builtins_this_object (const JsCallInfo *info, const char *method);

/* builtins-object.c: ValidateAndApplyPropertyDescriptor. */
typedef struct
{
  JsValue value, get, set;
  bool has_value, has_get, has_set, has_writable, has_enumerable,
      has_configurable;
  bool writable, enumerable, configurable;
} JsPropertyDescriptor;
int builtins_define_property (JsContext *ctx, JsObject *o, JsKey key,
                              const JsPropertyDescriptor *d);

/* builtins-iterator.c */
JsValue builtins_new_array_iterator (JsContext *ctx, JsValue target,
                                     int kind);
JsValue builtins_iter_result (JsContext *ctx, JsValue value, bool done);

/* Host functions of the command-line runner. */
bool builtins_init_host (JsContext *ctx);

/* builtins-eval.c: a direct eval from frame with this. */
JsValue builtins_direct_eval (JsContext *ctx, JsFrame *frame,
                              JsValue this_value, JsValue x);

/* Families. */
bool builtins_init_eval (JsContext *ctx);
bool builtins_init_error (JsContext *ctx);
bool builtins_init_object (JsContext *ctx);
bool builtins_init_function (JsContext *ctx);
bool builtins_init_array (JsContext *ctx);
bool builtins_init_iterator (JsContext *ctx);
/* builtins-regexp.c: RegExp; it calls builtins-string-regexp.c for the
 * String.prototype methods that delegate to RegExp (match, matchAll,
 * replace, replaceAll, search, split). */
bool builtins_init_regexp (JsContext *ctx);
bool builtins_init_string_regexp (JsContext *ctx);
