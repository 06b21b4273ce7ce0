/* property.h — the internal methods of objects: [[Get]], [[Set]],
 * [[Delete]], [[HasProperty]], [[DefineOwnProperty]], [[GetPrototypeOf]].
 *
 * object.c keeps ordinary objects' properties; this layer adds what the
 * spec layers on top: accessors called with the right receiver, the
 * receiver rules of [[Set]], lazily made function properties, and the
 * exotic objects (string wrappers, arguments, proxies) as they arrive.
 * Results: 1 done / true, 0 rejected / false, -1 exception pending.
 */
#pragma once

#include "ops.h"

JsValue prop_get (JsContext *ctx, JsObject *o, JsKey key, JsValue receiver);
int prop_set (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
              JsValue receiver);
int prop_delete (JsContext *ctx, JsObject *o, JsKey key);
int prop_has (JsContext *ctx, JsObject *o, JsKey key);
/* CreateDataProperty. */
int prop_define_data (JsContext *ctx, JsObject *o, JsKey key, JsValue v);
/* [[GetOwnProperty]]: 1 found (value, attrs), 0 absent, -1 exception.
 * Accessors come back as their JsAccessorPair (internal cell value). */
int prop_get_own (JsContext *ctx, JsObject *o, JsKey key, JsValue *value,
                  uint8_t *attrs);
/* The prototype (an object or null), or JS_EXCEPTION. */
JsValue prop_get_prototype_of (JsContext *ctx, JsObject *o);
/* Calls an accessor pair's getter with receiver (undefined if none). */
JsValue prop_call_getter (JsContext *ctx, JsValue pair, JsValue receiver);
