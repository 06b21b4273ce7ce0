/* module.h — ES modules: the loader, live imports and namespaces. */
#pragma once

#include "bytecode.h"
#include "interp.h"

typedef struct JsModule JsModule;

extern const JsCellClass js_namespace_class;

/* Loads, links and evaluates the module in filename with this source (the
 * entry point); undefined, or JS_EXCEPTION. */
JsValue module_run_main (JsContext *ctx, const char *filename,
                         const char *source, size_t len);
/* The value an import binding's slot leads to (an ImportRef is followed;
 * *tdz when the target is not initialized yet). */
JsValue module_import_value (JsContext *ctx, JsValue v, bool *tdz);
JsValue module_import_meta (JsContext *ctx, JsCode *code);
/* import (specifier): a promise of the module's namespace. */
JsValue module_dynamic_import (JsContext *ctx, JsCode *referrer,
                               JsValue specifier);
bool module_is_namespace (JsObject *o);
/* A namespace's [[HasProperty]] and [[DefineOwnProperty]] for string
 * keys: 1 true, 0 false, -1 exception, 2 a symbol (ordinary). */
int module_namespace_has (JsContext *ctx, JsObject *o, JsKey key);
int module_namespace_get_own (JsContext *ctx, JsObject *o, JsKey key,
                              JsValue *value, uint8_t *attrs);
/* The namespace's export names (a sorted array). */
JsValue module_namespace_names (JsObject *o);
void module_runtime_free (JsRuntime *rt);
