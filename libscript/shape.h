/* shape.h — internal classes: the transition tree and property tables.
 *
 * An object's shape gives its prototype, its kind (through the class) and
 * the ordered list of its own property keys, each with a slot index and
 * attributes.  Shapes form a tree: adding key k with attributes a to a
 * shape follows the unique transition (k, a), creating it the first time,
 * so objects built the same way share one shape and inline caches can key
 * on its address.  Deletions and attribute changes take a new branch, or
 * turn the object's shape into a dictionary shape that belongs to it
 * alone and is edited in place.
 */
#pragma once

#include "runtime.h"

extern const JsCellClass js_shape_class;

/* Creates rt->meta_shape and rt->storage_shape. */
void shape_runtime_init (JsRuntime *rt);

/* A shape with no properties for cells of class cls. */
JsShape *shape_new_root (JsRuntime *rt, const JsCellClass *cls,
                         JsCell *proto, uint32_t inline_cap);
