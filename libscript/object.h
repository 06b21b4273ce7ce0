/* object.h — ordinary objects: allocation, slots, storage, properties. */
#pragma once

#include "shape.h"

extern const JsCellClass js_object_class;

/* A new object of the given shape, its inline slots undefined. */
JsObject *object_new (JsRuntime *rt, JsShape *shape);
