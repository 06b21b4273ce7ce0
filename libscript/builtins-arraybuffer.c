/* builtins-arraybuffer.c — ArrayBuffer, and the byte-level operations
 * the typed arrays and DataView share: converting a value for a store
 * (ToNumber or ToBigInt), and reading or writing one element in either
 * byte order.
 *
 * The bytes of a buffer are the cell's: allocated with g_try_malloc0
 * when the buffer is made, reported to the heap as unmanaged memory (so
 * that many dead buffers bring a collection on), and freed by the
 * finalizer, or at once when the buffer is detached.  Detaching leaves
 * the cell in place with no bytes and a flag, which every user checks.
 */
#include "config.h"

#include "builtins-typedarray.h"

#include "bigint.h"
#include "property.h"

#include <math.h>

/* ------------------------------------------------------------------ */
/* The cell                                                            */
/* ------------------------------------------------------------------ */

static void
buffer_trace (JsTracer *trc, JsCell *cell)
{
  JsArrayBuffer *b = (JsArrayBuffer *) cell;
  gc_mark_cell (trc, (JsCell *) b->storage);
}

static void
buffer_finalize (JsHeap *heap, JsCell *cell)
{
  JsArrayBuffer *b = (JsArrayBuffer *) cell;
  if (b->data)
    {
      heap_add_unmanaged (heap, -(int64_t) b->byte_length);
      g_free (b->data);
    }
}

const JsCellClass js_array_buffer_class = {
  .name = "ArrayBuffer",
  .kind = JS_KIND_OBJECT,
  .trace = buffer_trace,
  .finalize = buffer_finalize,
};

JsArrayBuffer *
builtins_buffer_of (JsValue v)
{
  if (!js_is_object (v)
      || js_get_cell (v)->shape->cls != &js_array_buffer_class)
    return NULL;
  return (JsArrayBuffer *) js_get_cell (v);
}

bool
builtins_to_index (JsContext *ctx, JsValue v, double *out)
{
  double d;
  if (!js_to_integer (ctx, v, &d))
    return false;
  if (d < 0 || d > 9007199254740991.0)
    {
      js_throw_range_error (ctx, "Invalid index");
      return false;
    }
  *out = d;
  return true;
}

/* The prototype for a new object made by ctor (GetPrototypeFromConstructor
 * with dflt as the intrinsic default). */
static JsValue
proto_from_ctor (JsContext *ctx, JsValue ctor, JsObject *dflt)
{
  JsValue p = js_get (ctx, ctor, atom_common_key (ctx->rt,
                                                  JS_ATOM_prototype));
  if (js_is_exception (p) || js_is_object (p))
    return p;
  return js_object_value (dflt);
}

JsValue
builtins_buffer_allocate (JsContext *ctx, JsValue ctor, double bytes)
{
  JsRuntime *rt = ctx->rt;
  JsValue proto = js_object_value (ctx->array_buffer_proto);
  if (!js_is_undefined (ctor)
      && ctor != js_object_value (ctx->array_buffer_ctor))
    {
      JsContext *realm = realm_of (ctx, ctor);
      if (!realm)
        return JS_EXCEPTION;
      proto = proto_from_ctor (ctx, ctor, realm->array_buffer_proto);
      if (js_is_exception (proto))
        return proto;
    }
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, proto);
  JsShape *s = shape_root_for (rt, &js_array_buffer_class,
                               js_get_cell (saved[0]), 0);
  rt_push_cell (rt, s);
  JsArrayBuffer *b = s ? (JsArrayBuffer *) heap_alloc_slots (
                         &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *b))
                       : NULL;
  rt_restore_roots (rt, saved);
  if (!b)
    return js_throw_out_of_memory (ctx);
  b->shape = s;
  b->storage = NULL;
  b->data = NULL;
  b->byte_length = 0;
  b->flags = 0;
  gc_write_barrier (&rt->heap, (JsCell *) b);
  if (bytes > JS_BUFFER_MAX_BYTES)
    return js_throw_range_error (ctx, "Array buffer allocation failed");
  if (bytes > 0)
    {
      b->data = g_try_malloc0 ((size_t) bytes);
      if (!b->data)
        return js_throw_range_error (ctx, "Array buffer allocation failed");
      b->byte_length = (uint32_t) bytes;
      heap_set_finalize ((JsCell *) b, true);
      heap_add_unmanaged (&rt->heap, (int64_t) bytes);
    }
  return js_object_value ((JsObject *) b);
}

bool
builtins_detach_array_buffer (JsContext *ctx, JsValue buffer)
{
  JsArrayBuffer *b = builtins_buffer_of (buffer);
  if (!b)
    {
      js_throw_type_error (ctx, "not an ArrayBuffer");
      return false;
    }
  if (b->data)
    {
      heap_add_unmanaged (&ctx->rt->heap, -(int64_t) b->byte_length);
      g_free (b->data);
      b->data = NULL;
    }
  b->byte_length = 0;
  b->flags |= JS_BUFFER_DETACHED;
  return true;
}

JsValue
builtins_species_constructor (JsContext *ctx, JsValue o, JsValue dflt)
{
  JsRuntime *rt = ctx->rt;
  JsValue c = js_get (ctx, o, atom_common_key (rt, JS_ATOM_constructor));
  if (js_is_exception (c) || js_is_undefined (c))
    return js_is_exception (c) ? c : dflt;
  if (!js_is_object (c))
    return js_throw_type_error (ctx, "object.constructor is not an "
                                     "object");
  JsValue s = js_get (ctx, c, symbol_key (rt->well_known[JS_SYM_species]));
  if (js_is_exception (s) || js_is_nullish (s))
    return js_is_exception (s) ? s : dflt;
  if (!js_is_constructor (s))
    return js_throw_type_error (ctx, "object.constructor[Symbol.species] "
                                     "is not a constructor");
  return s;
}

/* ------------------------------------------------------------------ */
/* Elements                                                            */
/* ------------------------------------------------------------------ */

/* The BigInt family's side of BigInt64Array and BigUint64Array:
 * ToBigInt64 (the same 64 bits as ToBigUint64) and a BigInt from a
 * 64-bit integer. */
static bool
to_bigint64 (JsContext *ctx, JsValue v, uint64_t *out)
{
  return bigint_to_big_uint64 (ctx, v, out);
}

static JsValue
bigint_from_64 (JsContext *ctx, uint64_t u, bool is_signed)
{
  return is_signed ? bigint_from_int64 (ctx, (int64_t) u)
                   : bigint_from_uint64 (ctx, u);
}

bool
builtins_buffer_convert (JsContext *ctx, JsValue v, JsTypedArrayType type,
                         JsRawValue *out)
{
  if (type_is_bigint (type))
    return to_bigint64 (ctx, v, &out->u);
  if (js_is_int32 (v))
    {
      out->d = js_get_int32 (v);
      return true;
    }
  return js_to_number (ctx, v, &out->d);
}

/* ToUint8Clamp: round half to even inside [0, 255]. */
static uint8_t
clamp_u8 (double d)
{
  if (!(d > 0))
    return 0;
  if (d >= 255)
    return 255;
  double f = floor (d);
  if (f + 0.5 < d)
    return (uint8_t) (f + 1);
  if (d < f + 0.5)
    return (uint8_t) f;
  return ((int) f & 1) ? (uint8_t) (f + 1) : (uint8_t) f;
}

static inline uint16_t
swap16 (uint16_t x)
{
  return (uint16_t) ((x >> 8) | (x << 8));
}

static inline uint32_t
swap32 (uint32_t x)
{
  return ((uint32_t) swap16 ((uint16_t) x) << 16)
         | swap16 ((uint16_t) (x >> 16));
}

static inline uint64_t
swap64 (uint64_t x)
{
  return ((uint64_t) swap32 ((uint32_t) x) << 32)
         | swap32 ((uint32_t) (x >> 32));
}

#if G_BYTE_ORDER == G_LITTLE_ENDIAN
#define HOST_LITTLE true
#else
#define HOST_LITTLE false
#endif

void
builtins_buffer_store (uint8_t *p, JsTypedArrayType type, JsRawValue raw,
                       bool little)
{
  bool swap = little != HOST_LITTLE;
  switch (type)
    {
    case JS_TA_INT8:
    case JS_TA_UINT8:
      *p = (uint8_t) js_double_to_int32 (raw.d);
      break;
    case JS_TA_UINT8_CLAMPED:
      *p = clamp_u8 (raw.d);
      break;
    case JS_TA_INT16:
    case JS_TA_UINT16:
      {
        uint16_t x = (uint16_t) js_double_to_int32 (raw.d);
        if (swap)
          x = swap16 (x);
        memcpy (p, &x, 2);
        break;
      }
    case JS_TA_INT32:
    case JS_TA_UINT32:
      {
        uint32_t x = (uint32_t) js_double_to_int32 (raw.d);
        if (swap)
          x = swap32 (x);
        memcpy (p, &x, 4);
        break;
      }
    case JS_TA_FLOAT32:
      {
        float f = (float) raw.d;
        uint32_t x;
        memcpy (&x, &f, 4);
        if (swap)
          x = swap32 (x);
        memcpy (p, &x, 4);
        break;
      }
    case JS_TA_FLOAT64:
      {
        uint64_t x;
        memcpy (&x, &raw.d, 8);
        if (swap)
          x = swap64 (x);
        memcpy (p, &x, 8);
        break;
      }
    case JS_TA_BIGINT64:
    case JS_TA_BIGUINT64:
      {
        uint64_t x = swap ? swap64 (raw.u) : raw.u;
        memcpy (p, &x, 8);
        break;
      }
    }
}

JsValue
builtins_buffer_load (JsContext *ctx, const uint8_t *p, JsTypedArrayType type,
                      bool little)
{
  bool swap = little != HOST_LITTLE;
  switch (type)
    {
    case JS_TA_INT8:
      return js_int32 ((int8_t) *p);
    case JS_TA_UINT8:
    case JS_TA_UINT8_CLAMPED:
      return js_int32 (*p);
    case JS_TA_INT16:
    case JS_TA_UINT16:
      {
        uint16_t x;
        memcpy (&x, p, 2);
        if (swap)
          x = swap16 (x);
        return js_int32 (type == JS_TA_INT16 ? (int16_t) x : (int32_t) x);
      }
    case JS_TA_INT32:
    case JS_TA_UINT32:
      {
        uint32_t x;
        memcpy (&x, p, 4);
        if (swap)
          x = swap32 (x);
        return type == JS_TA_INT32 ? js_int32 ((int32_t) x)
                                   : js_number ((double) x);
      }
    case JS_TA_FLOAT32:
      {
        uint32_t x;
        float f;
        memcpy (&x, p, 4);
        if (swap)
          x = swap32 (x);
        memcpy (&f, &x, 4);
        return js_double ((double) f);
      }
    case JS_TA_FLOAT64:
      {
        uint64_t x;
        double d;
        memcpy (&x, p, 8);
        if (swap)
          x = swap64 (x);
        memcpy (&d, &x, 8);
        return js_double (d);
      }
    case JS_TA_BIGINT64:
    case JS_TA_BIGUINT64:
      {
        uint64_t x;
        memcpy (&x, p, 8);
        if (swap)
          x = swap64 (x);
        return bigint_from_64 (ctx, x, type == JS_TA_BIGINT64);
      }
    }
  return JS_UNDEFINED;
}

/* ------------------------------------------------------------------ */
/* ArrayBuffer                                                         */
/* ------------------------------------------------------------------ */

static JsValue
buffer_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  if (js_is_undefined (info->new_target))
    return js_throw_type_error (ctx, "Constructor ArrayBuffer requires "
                                     "'new'");
  double bytes;
  if (!builtins_to_index (ctx, js_arg (info, 0), &bytes))
    return JS_EXCEPTION;
  return builtins_buffer_allocate (ctx, info->new_target, bytes);
}

static JsValue
buffer_is_view (const JsCallInfo *info)
{
  JsValue v = js_arg (info, 0);
  if (!js_is_object (v))
    return JS_FALSE;
  const JsCellClass *cls = js_get_cell (v)->shape->cls;
  return js_bool (typed_array_class_is (cls) || cls == &js_data_view_class);
}

static JsValue
buffer_species (const JsCallInfo *info)
{
  return *info->this_arg;
}

static JsArrayBuffer *
this_buffer (const JsCallInfo *info, const char *method)
{
  JsArrayBuffer *b = builtins_buffer_of (*info->this_arg);
  if (!b)
    js_throw_type_error (info->ctx, "%s called on an incompatible "
                                    "receiver", method);
  return b;
}

static JsValue
buffer_byte_length (const JsCallInfo *info)
{
  JsArrayBuffer *b = this_buffer (info,
                                  "ArrayBuffer.prototype.byteLength");
  return b ? js_number (b->byte_length) : JS_EXCEPTION;
}

/* ArrayBuffer.prototype.slice (start, end). */
static JsValue
buffer_slice (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsArrayBuffer *b = this_buffer (info, "ArrayBuffer.prototype.slice");
  if (!b)
    return JS_EXCEPTION;
  if (buffer_is_detached (b))
    return js_throw_type_error (ctx, "Cannot slice a detached "
                                     "ArrayBuffer");
  double len = b->byte_length, first, final;
  if (!js_to_integer (ctx, js_arg (info, 0), &first))
    return JS_EXCEPTION;
  first = first < 0 ? MAX (len + first, 0) : MIN (first, len);
  if (js_is_undefined (js_arg (info, 1)))
    final = len;
  else
    {
      if (!js_to_integer (ctx, js_arg (info, 1), &final))
        return JS_EXCEPTION;
      final = final < 0 ? MAX (len + final, 0) : MIN (final, len);
    }
  double new_len = MAX (final - first, 0);
  JsValue *saved = rt_save_roots (rt);
  JsValue dflt = js_object_value (ctx->array_buffer_ctor);
  JsValue *pc = rt_push_root (rt, builtins_species_constructor (
                                      ctx, *info->this_arg, dflt));
  JsValue r = JS_EXCEPTION;
  if (js_is_exception (*pc))
    goto out;
  JsValue arg = js_number (new_len);
  JsValue *pn = rt_push_root (rt, js_construct (ctx, *pc, 1, &arg, *pc));
  if (js_is_exception (*pn))
    goto out;
  JsArrayBuffer *nb = builtins_buffer_of (*pn);
  if (!nb)
    {
      js_throw_type_error (ctx, "ArrayBuffer subclass returned this from "
                                "species constructor");
      goto out;
    }
  if (buffer_is_detached (nb))
    {
      js_throw_type_error (ctx, "species constructor returned a detached "
                                "ArrayBuffer");
      goto out;
    }
  if (*pn == *info->this_arg)
    {
      js_throw_type_error (ctx, "species constructor returned the same "
                                "ArrayBuffer");
      goto out;
    }
  if (nb->byte_length < new_len)
    {
      js_throw_type_error (ctx, "species constructor returned a too small "
                                "ArrayBuffer");
      goto out;
    }
  b = builtins_buffer_of (*info->this_arg);
  if (buffer_is_detached (b))
    {
      js_throw_type_error (ctx, "Cannot slice a detached ArrayBuffer");
      goto out;
    }
  if (first < b->byte_length)
    {
      double count = MIN (new_len, b->byte_length - first);
      /* An empty slice has no data to copy (and memcpy wants pointers). */
      if (count > 0)
        memcpy (nb->data, b->data + (size_t) first, (size_t) count);
    }
  r = *pn;
out:
  rt_restore_roots (rt, saved);
  return r;
}

bool
builtins_init_array_buffer (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  static const JsMethodSpec statics[] = {
    { "isView", buffer_is_view, 1, 0 },
  };
  static const JsMethodSpec methods[] = {
    { "slice", buffer_slice, 2, 0 },
  };
  ctx->array_buffer_proto = object_new_with_proto (
      rt, (JsCell *) ctx->object_proto, 4);
  if (!ctx->array_buffer_proto)
    return false;
  JsObject *ctor = builtins_define_class (ctx, "ArrayBuffer", buffer_ctor, 1,
                                          ctx->array_buffer_proto, 0);
  if (!ctor)
    return false;
  ctx->array_buffer_ctor = ctor;
  JsString *tag = atom_intern_utf8 (rt, "ArrayBuffer", -1);
  return tag
         && object_define_own (rt, ctx->array_buffer_proto,
                               symbol_key (rt->well_known[JS_SYM_toStringTag]),
                               js_string_value (tag), JS_ATTR_CONFIGURABLE)
                == JS_PROP_DONE
         && builtins_define_methods (ctx, ctor, statics,
                                     G_N_ELEMENTS (statics))
         && builtins_array_define_getter (ctx, ctor, "@@species",
                                          buffer_species)
         && builtins_define_methods (ctx, ctx->array_buffer_proto, methods,
                                     G_N_ELEMENTS (methods))
         && builtins_array_define_getter (ctx, ctx->array_buffer_proto,
                                          "byteLength", buffer_byte_length);
}
