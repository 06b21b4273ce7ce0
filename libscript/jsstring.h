/* jsstring.h — string cells: forms, creation, flattening, hashing. */
#pragma once

#include "runtime.h"

/* Creates rt->string_shapes and rt->symbol_shape. */
void string_runtime_init (JsRuntime *rt);
