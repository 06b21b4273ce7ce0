/* api-native.h — the engine's side of the embedders' classes and hooks
 * (api-native.c). */
#pragma once

#include "runtime.h"

/* Asks the resolve hook of o's class for a string key: 1 asked (the
 * property may exist now), 0 not a string key, -1 exception. */
int api_native_resolve (JsContext *ctx, JsObject *o, JsKey key);
/* Before the heap is destroyed: finalizers run at once from then on. */
void api_native_runtime_dying (JsRuntime *rt);
/* After: frees the classes and hooks. */
void api_native_runtime_free (JsRuntime *rt);
