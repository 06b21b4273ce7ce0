/* builtins-dataview.c — DataView: reading and writing numbers of any
 * type at any byte offset of an ArrayBuffer, in either byte order.
 *
 * A DataView is the same view cell as a typed array (its length counts
 * bytes), of its own class.  Every get and set method is one C function
 * told the element type by its magic number.
 */
#include "config.h"

#include "builtins-typedarray.h"

#include "property.h"

static JsArrayView *
as_view (JsValue v)
{
  if (!js_is_object (v) || js_get_cell (v)->shape->cls != &js_data_view_class)
    return NULL;
  return (JsArrayView *) js_get_cell (v);
}

static inline bool
view_detached (const JsArrayView *v)
{
  return buffer_is_detached (v->buffer);
}

/* new DataView (buffer, byteOffset, byteLength). */
static JsValue
view_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  if (js_is_undefined (info->new_target))
    return js_throw_type_error (ctx, "Constructor DataView requires 'new'");
  JsValue buffer = js_arg (info, 0), length = js_arg (info, 2);
  JsArrayBuffer *b = builtins_buffer_of (buffer);
  if (!b)
    return js_throw_type_error (ctx, "First argument to DataView "
                                     "constructor must be an ArrayBuffer");
  double offset, view_length = 0;
  if (!builtins_to_index (ctx, js_arg (info, 1), &offset))
    return JS_EXCEPTION;
  if (buffer_is_detached (b))
    return js_throw_type_error (ctx, "Cannot construct a DataView on a "
                                     "detached ArrayBuffer");
  double buffer_bytes = b->byte_length;
  if (offset > buffer_bytes)
    return js_throw_range_error (ctx, "Start offset %.0f is outside the "
                                      "bounds of the buffer", offset);
  if (js_is_undefined (length))
    view_length = buffer_bytes - offset;
  else
    {
      if (!builtins_to_index (ctx, length, &view_length))
        return JS_EXCEPTION;
      if (offset + view_length > buffer_bytes)
        return js_throw_range_error (ctx, "Invalid DataView length %.0f",
                                     view_length);
    }
  /* OrdinaryCreateFromConstructor: the prototype's getter may detach
     the buffer, so everything is checked again afterwards. */
  JsValue proto = js_object_value (ctx->data_view_proto);
  if (info->new_target != info->callee)
    {
      proto = js_get (ctx, info->new_target,
                      atom_common_key (rt, JS_ATOM_prototype));
      if (js_is_exception (proto))
        return proto;
      if (!js_is_object (proto))
        {
          JsContext *realm = realm_of (ctx, info->new_target);
          if (!realm)
            return JS_EXCEPTION;
          proto = js_object_value (realm->data_view_proto);
        }
    }
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, proto);
  JsShape *s = shape_root_for (rt, &js_data_view_class,
                               js_get_cell (saved[0]), 0);
  rt_push_cell (rt, s);
  JsArrayView *v = s ? (JsArrayView *) heap_alloc_slots (
                         &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *v))
                     : NULL;
  rt_restore_roots (rt, saved);
  if (!v)
    return js_throw_out_of_memory (ctx);
  v->shape = s;
  v->storage = NULL;
  v->buffer = b;
  v->byte_offset = 0;
  v->length = 0;
  gc_write_barrier (&rt->heap, (JsCell *) v);
  if (buffer_is_detached (b))
    return js_throw_type_error (ctx, "Cannot construct a DataView on a "
                                     "detached ArrayBuffer");
  buffer_bytes = b->byte_length;
  if (offset > buffer_bytes)
    return js_throw_range_error (ctx, "Start offset %.0f is outside the "
                                      "bounds of the buffer", offset);
  if (!js_is_undefined (length) && offset + view_length > buffer_bytes)
    return js_throw_range_error (ctx, "Invalid DataView length %.0f",
                                 view_length);
  v->byte_offset = (uint32_t) offset;
  v->length = (uint32_t) view_length;
  return js_object_value ((JsObject *) v);
}

static JsArrayView *
this_view (const JsCallInfo *info, const char *what)
{
  JsArrayView *v = as_view (*info->this_arg);
  if (!v)
    js_throw_type_error (info->ctx, "%s called on an incompatible receiver",
                         what);
  return v;
}

static JsValue
get_buffer (const JsCallInfo *info)
{
  JsArrayView *v = this_view (info, "get DataView.prototype.buffer");
  return v ? js_object_value ((JsObject *) v->buffer) : JS_EXCEPTION;
}

static JsValue
get_byte_length (const JsCallInfo *info)
{
  JsArrayView *v = this_view (info, "get DataView.prototype.byteLength");
  if (!v)
    return JS_EXCEPTION;
  if (view_detached (v))
    return js_throw_type_error (info->ctx, "The DataView's buffer is "
                                           "detached");
  return js_number (v->length);
}

static JsValue
get_byte_offset (const JsCallInfo *info)
{
  JsArrayView *v = this_view (info, "get DataView.prototype.byteOffset");
  if (!v)
    return JS_EXCEPTION;
  if (view_detached (v))
    return js_throw_type_error (info->ctx, "The DataView's buffer is "
                                           "detached");
  return js_number (v->byte_offset);
}

/* The byte of the view at which an element of size bytes at index
 * lives, after the checks of GetViewValue and SetViewValue; NULL with
 * an exception. */
static uint8_t *
locate (JsContext *ctx, JsValue view, double index, uint32_t size)
{
  JsArrayView *v = as_view (view);
  if (view_detached (v))
    {
      js_throw_type_error (ctx, "The DataView's buffer is detached");
      return NULL;
    }
  if (index + size > v->length)
    {
      js_throw_range_error (ctx, "Offset is outside the bounds of the "
                                 "DataView");
      return NULL;
    }
  return v->buffer->data + v->byte_offset + (size_t) index;
}

/* getInt8 ... getBigUint64 (magic: the type). */
static JsValue
view_get (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsTypedArrayType type = (JsTypedArrayType) info->magic;
  if (!this_view (info, "DataView.prototype getter method"))
    return JS_EXCEPTION;
  double index;
  if (!builtins_to_index (ctx, js_arg (info, 0), &index))
    return JS_EXCEPTION;
  bool little = js_to_boolean (js_arg (info, 1));
  uint8_t *p = locate (ctx, *info->this_arg, index,
                       js_typed_array_sizes[type]);
  return p ? builtins_buffer_load (ctx, p, type, little) : JS_EXCEPTION;
}

/* setInt8 ... setBigUint64 (magic: the type). */
static JsValue
view_set (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsTypedArrayType type = (JsTypedArrayType) info->magic;
  if (!this_view (info, "DataView.prototype setter method"))
    return JS_EXCEPTION;
  double index;
  JsRawValue raw;
  if (!builtins_to_index (ctx, js_arg (info, 0), &index)
      || !builtins_buffer_convert (ctx, js_arg (info, 1), type, &raw))
    return JS_EXCEPTION;
  bool little = js_to_boolean (js_arg (info, 2));
  uint8_t *p = locate (ctx, *info->this_arg, index,
                       js_typed_array_sizes[type]);
  if (!p)
    return JS_EXCEPTION;
  builtins_buffer_store (p, type, raw, little);
  return JS_UNDEFINED;
}

bool
builtins_init_data_view (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  static const JsMethodSpec methods[] = {
    { "getInt8", view_get, 1, JS_TA_INT8 },
    { "getUint8", view_get, 1, JS_TA_UINT8 },
    { "getInt16", view_get, 1, JS_TA_INT16 },
    { "getUint16", view_get, 1, JS_TA_UINT16 },
    { "getInt32", view_get, 1, JS_TA_INT32 },
    { "getUint32", view_get, 1, JS_TA_UINT32 },
    { "getFloat32", view_get, 1, JS_TA_FLOAT32 },
    { "getFloat64", view_get, 1, JS_TA_FLOAT64 },
    { "getBigInt64", view_get, 1, JS_TA_BIGINT64 },
    { "getBigUint64", view_get, 1, JS_TA_BIGUINT64 },
    { "setInt8", view_set, 2, JS_TA_INT8 },
    { "setUint8", view_set, 2, JS_TA_UINT8 },
    { "setInt16", view_set, 2, JS_TA_INT16 },
    { "setUint16", view_set, 2, JS_TA_UINT16 },
    { "setInt32", view_set, 2, JS_TA_INT32 },
    { "setUint32", view_set, 2, JS_TA_UINT32 },
    { "setFloat32", view_set, 2, JS_TA_FLOAT32 },
    { "setFloat64", view_set, 2, JS_TA_FLOAT64 },
    { "setBigInt64", view_set, 2, JS_TA_BIGINT64 },
    { "setBigUint64", view_set, 2, JS_TA_BIGUINT64 },
  };
  ctx->data_view_proto = object_new_with_proto (
      rt, (JsCell *) ctx->object_proto, 4);
  if (!ctx->data_view_proto
      || !builtins_define_class (ctx, "DataView", view_ctor, 1,
                                 ctx->data_view_proto, 0))
    return false;
  JsString *tag = atom_intern_utf8 (rt, "DataView", -1);
  return tag
         && object_define_own (rt, ctx->data_view_proto,
                               symbol_key (rt->well_known[JS_SYM_toStringTag]),
                               js_string_value (tag), JS_ATTR_CONFIGURABLE)
                == JS_PROP_DONE
         && builtins_define_methods (ctx, ctx->data_view_proto, methods,
                                     G_N_ELEMENTS (methods))
         && builtins_array_define_getter (ctx, ctx->data_view_proto, "buffer",
                                          get_buffer)
         && builtins_array_define_getter (ctx, ctx->data_view_proto,
                                          "byteLength", get_byte_length)
         && builtins_array_define_getter (ctx, ctx->data_view_proto,
                                          "byteOffset", get_byte_offset);
}
