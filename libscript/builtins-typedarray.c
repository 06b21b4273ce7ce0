/* builtins-typedarray.c — %TypedArray%, the eleven typed array
 * constructors, their prototypes, and the integer-indexed exotic
 * object's internal methods.
 *
 * A typed array is a view cell (builtins-typedarray.h) whose class names
 * its element type.  Its numeric keys — every CanonicalNumericIndexString,
 * "-0" and "1.5" as much as "7" — are not properties of the object but
 * elements of the buffer: realm.c routes [[GetOwnProperty]], [[Get]],
 * [[Set]], [[HasProperty]], [[Delete]], [[DefineOwnProperty]] and
 * [[OwnPropertyKeys]] here, and only other keys reach the ordinary
 * methods.  A numeric key that is not a valid index reads as undefined
 * without looking at the prototype, as the spec requires.
 *
 * The methods read and write elements directly, in the spec's order of
 * observable steps (conversions before the detached check that follows
 * them, species constructors before copying).
 */
#include "config.h"

#include "builtins-typedarray.h"

#include "dtoa.h"
#include "property.h"

#include <math.h>

/* ------------------------------------------------------------------ */
/* Classes                                                             */
/* ------------------------------------------------------------------ */

static void
view_trace (JsTracer *trc, JsCell *cell)
{
  JsArrayView *v = (JsArrayView *) cell;
  gc_mark_cell (trc, (JsCell *) v->storage);
  gc_mark_cell (trc, (JsCell *) v->buffer);
}

#define TA_CLASS(cname)                                                     \
  {                                                                         \
    .name = cname, .kind = JS_KIND_OBJECT, .trace = view_trace,             \
    .flags = JS_CLASS_EXOTIC,                                               \
  }

const JsCellClass js_typed_array_classes[JS_TYPED_ARRAY_COUNT] = {
  TA_CLASS ("Int8Array"),     TA_CLASS ("Uint8Array"),
  TA_CLASS ("Uint8ClampedArray"), TA_CLASS ("Int16Array"),
  TA_CLASS ("Uint16Array"),   TA_CLASS ("Int32Array"),
  TA_CLASS ("Uint32Array"),   TA_CLASS ("BigInt64Array"),
  TA_CLASS ("BigUint64Array"), TA_CLASS ("Float32Array"),
  TA_CLASS ("Float64Array"),
};

const JsCellClass js_data_view_class = {
  .name = "DataView",
  .kind = JS_KIND_OBJECT,
  .trace = view_trace,
};

const uint8_t js_typed_array_sizes[JS_TYPED_ARRAY_COUNT] = {
  1, 1, 1, 2, 2, 4, 4, 8, 8, 4, 8,
};

const char *const js_typed_array_names[JS_TYPED_ARRAY_COUNT] = {
  "Int8Array",   "Uint8Array",    "Uint8ClampedArray", "Int16Array",
  "Uint16Array", "Int32Array",    "Uint32Array",       "BigInt64Array",
  "BigUint64Array", "Float32Array", "Float64Array",
};

static inline JsArrayView *
as_ta (JsValue v)
{
  if (!js_is_object (v) || !typed_array_class_is (js_get_cell (v)->shape->cls))
    return NULL;
  return (JsArrayView *) js_get_cell (v);
}

bool
builtins_is_typed_array (JsValue v)
{
  return as_ta (v) != NULL;
}

static inline bool
ta_detached (const JsArrayView *ta)
{
  return !ta->buffer || buffer_is_detached (ta->buffer);
}

/* TypedArrayLength, 0 when out of bounds. */
static inline uint32_t
ta_length (const JsArrayView *ta)
{
  return ta_detached (ta) ? 0 : ta->length;
}

int64_t
builtins_typed_array_length (JsObject *o)
{
  JsArrayView *ta = (JsArrayView *) o;
  return ta_detached (ta) ? -1 : (int64_t) ta->length;
}

static inline uint32_t
ta_size (const JsArrayView *ta)
{
  return js_typed_array_sizes[typed_array_type (ta)];
}

static inline uint8_t *
ta_ptr (const JsArrayView *ta, uint32_t i)
{
  return ta->buffer->data + ta->byte_offset + (size_t) i * ta_size (ta);
}

/* IsValidIntegerIndex. */
static inline bool
valid_index (const JsArrayView *ta, double d)
{
  return !ta_detached (ta) && d >= 0 && d < ta->length && d == floor (d)
         && !(d == 0 && signbit (d));
}

/* TypedArrayGetElement. */
static JsValue
ta_get (JsContext *ctx, JsArrayView *ta, double d)
{
  if (!valid_index (ta, d))
    return JS_UNDEFINED;
  return builtins_buffer_load (ctx, ta_ptr (ta, (uint32_t) d),
                               typed_array_type (ta), true);
}

/* TypedArraySetElement: converts, then stores if the index is (still)
 * valid.  False with an exception. */
static bool
ta_set (JsContext *ctx, JsValue o, double d, JsValue v)
{
  JsArrayView *ta = as_ta (o);
  JsRawValue raw;
  if (!builtins_buffer_convert (ctx, v, typed_array_type (ta), &raw))
    return false;
  if (valid_index (ta, d))
    builtins_buffer_store (ta_ptr (ta, (uint32_t) d), typed_array_type (ta),
                           raw, true);
  return true;
}

/* ValidateTypedArray (v): the view, or NULL with a TypeError. */
static JsArrayView *
validate (JsContext *ctx, JsValue v, const char *method)
{
  JsArrayView *ta = as_ta (v);
  if (!ta)
    js_throw_type_error (ctx, "%s: this is not a typed array", method);
  else if (ta_detached (ta))
    {
      js_throw_type_error (ctx, "%s: the typed array's buffer is detached",
                           method);
      ta = NULL;
    }
  return ta;
}

/* ------------------------------------------------------------------ */
/* The integer-indexed exotic object                                   */
/* ------------------------------------------------------------------ */

/* CanonicalNumericIndexString (key): true with the number when key is
 * numeric.  Allocates nothing (the key need not be rooted). */
static bool
numeric_key (JsRuntime *rt, JsKey key, double *out)
{
  if (js_key_is_index (key))
    {
      *out = js_key_index (key);
      return true;
    }
  if (atom_key_is_symbol (key))
    return false;
  JsString *s = atom_key_string (key);
  uint32_t n = s->length;
  if (n == 0 || n > 64)
    return false;
  /* A number's string starts with a digit, a minus, "Infinity" or
     "NaN": the common names are rejected at once. */
  uint16_t c = string_flat_char_at (s, 0);
  if (!((c >= '0' && c <= '9') || c == '-' || c == 'I' || c == 'N'))
    return false;
  if (n == 2 && c == '-' && string_flat_char_at (s, 1) == '0')
    {
      *out = -0.0;
      return true;
    }
  double d = js_string_to_number (rt, s);
  char buf[JS_DTOA_BUFSIZE];
  size_t len = js_dtoa (d, buf);
  if (!string_equals_latin1 (s, (const uint8_t *) buf, len))
    return false;
  *out = d;
  return true;
}

int
builtins_typed_array_get_own (JsContext *ctx, JsObject *o, JsKey key,
                              JsValue *value, uint8_t *attrs)
{
  double d;
  if (!numeric_key (ctx->rt, key, &d))
    return 2;
  JsArrayView *ta = (JsArrayView *) o;
  if (!valid_index (ta, d))
    return 0;
  *value = ta_get (ctx, ta, d);
  *attrs = JS_ATTR_DEFAULT;
  return js_is_exception (*value) ? -1 : 1;
}

int
builtins_typed_array_get (JsContext *ctx, JsObject *o, JsKey key,
                          JsValue *out)
{
  double d;
  if (!numeric_key (ctx->rt, key, &d))
    return 2;
  *out = ta_get (ctx, (JsArrayView *) o, d);
  return js_is_exception (*out) ? -1 : 1;
}

int
builtins_typed_array_has (JsContext *ctx, JsObject *o, JsKey key)
{
  (void) ctx;
  double d;
  if (!numeric_key (ctx->rt, key, &d))
    return 2;
  return valid_index ((JsArrayView *) o, d);
}

int
builtins_typed_array_set (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
                          JsValue receiver)
{
  double d;
  if (!numeric_key (ctx->rt, key, &d))
    return 2;
  if (receiver == js_object_value (o))
    return ta_set (ctx, receiver, d, v) ? 1 : -1;
  if (!valid_index ((JsArrayView *) o, d))
    return 1;
  return 3;
}

int
builtins_typed_array_delete (JsContext *ctx, JsObject *o, JsKey key)
{
  (void) ctx;
  double d;
  if (!numeric_key (ctx->rt, key, &d))
    return 2;
  return !valid_index ((JsArrayView *) o, d);
}

int
builtins_typed_array_define (JsContext *ctx, JsObject *o, JsKey key,
                             const JsPropertyDescriptor *desc)
{
  double d;
  if (!numeric_key (ctx->rt, key, &d))
    return 2;
  if (!valid_index ((JsArrayView *) o, d)
      || (desc->has_configurable && !desc->configurable)
      || (desc->has_enumerable && !desc->enumerable)
      || desc->has_get || desc->has_set
      || (desc->has_writable && !desc->writable))
    return 0;
  if (desc->has_value && !ta_set (ctx, js_object_value (o), d, desc->value))
    return -1;
  return 1;
}

JsKey *
builtins_typed_array_keys (JsObject *o, uint32_t *n)
{
  JsArrayView *ta = (JsArrayView *) o;
  uint32_t len = ta_length (ta);
  JsKey *keys = g_new (JsKey, MAX (len, 1u));
  for (uint32_t i = 0; i < len; i++)
    keys[i] = js_key_from_index (i);
  *n = len;
  return keys;
}

/* ------------------------------------------------------------------ */
/* Creation                                                            */
/* ------------------------------------------------------------------ */

/* A new typed array of type with prototype proto, no buffer yet. */
static JsValue
ta_new (JsContext *ctx, JsTypedArrayType type, JsValue proto)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, proto);
  JsShape *s = shape_root_for (rt, &js_typed_array_classes[type],
                               js_get_cell (saved[0]), 0);
  rt_push_cell (rt, s);
  JsArrayView *ta = s ? (JsArrayView *) heap_alloc_slots (
                          &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *ta))
                      : NULL;
  rt_restore_roots (rt, saved);
  if (!ta)
    return js_throw_out_of_memory (ctx);
  ta->shape = s;
  ta->storage = NULL;
  ta->buffer = NULL;
  ta->byte_offset = 0;
  ta->length = 0;
  gc_write_barrier (&rt->heap, (JsCell *) ta);
  return js_object_value ((JsObject *) ta);
}

/* GetPrototypeFromConstructor (new_target, the type's prototype). */
static JsValue
ta_proto (JsContext *ctx, JsTypedArrayType type, JsValue new_target)
{
  if (new_target == js_object_value (ctx->typed_array_ctors[type]))
    return js_object_value (ctx->typed_array_protos[type]);
  JsValue p = js_get (ctx, new_target,
                      atom_common_key (ctx->rt, JS_ATOM_prototype));
  if (js_is_exception (p) || js_is_object (p))
    return p;
  JsContext *realm = realm_of (ctx, new_target);
  if (!realm)
    return JS_EXCEPTION;
  return js_object_value (realm->typed_array_protos[type]);
}

/* Points a typed array at buffer. */
static void
ta_attach (JsContext *ctx, JsValue o, JsValue buffer, uint32_t offset,
           uint32_t length)
{
  JsArrayView *ta = as_ta (o);
  ta->buffer = builtins_buffer_of (buffer);
  ta->byte_offset = offset;
  ta->length = length;
  gc_write_barrier (&ctx->rt->heap, (JsCell *) ta);
}

/* AllocateTypedArrayBuffer (o, length). */
static bool
ta_allocate_buffer (JsContext *ctx, JsValue o, double length)
{
  JsRuntime *rt = ctx->rt;
  double bytes = length * ta_size (as_ta (o));
  if (bytes > JS_BUFFER_MAX_BYTES)
    {
      js_throw_range_error (ctx, "Invalid typed array length: %.0f", length);
      return false;
    }
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, o);
  JsValue b = builtins_buffer_allocate (ctx, JS_UNDEFINED, bytes);
  if (!js_is_exception (b))
    ta_attach (ctx, saved[0], b, 0, (uint32_t) length);
  rt_restore_roots (rt, saved);
  return !js_is_exception (b);
}

/* A new typed array of type with length elements (the intrinsic
 * prototype). */
static JsValue
ta_create (JsContext *ctx, JsTypedArrayType type, double length)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, ta_new (ctx, type, js_object_value (
                                                         ctx->typed_array_protos
                                                             [type])));
  JsValue r = JS_EXCEPTION;
  if (!js_is_exception (*po) && ta_allocate_buffer (ctx, *po, length))
    r = *po;
  rt_restore_roots (rt, saved);
  return r;
}

/* InitializeTypedArrayFromTypedArray. */
static bool
init_from_typed_array (JsContext *ctx, JsValue o, JsValue src)
{
  JsArrayView *s = as_ta (src);
  if (ta_detached (s))
    {
      js_throw_type_error (ctx, "Cannot construct from a typed array whose "
                                "buffer is detached");
      return false;
    }
  JsTypedArrayType st = typed_array_type (s), tt = typed_array_type (
                                                      as_ta (o));
  if (type_is_bigint (st) != type_is_bigint (tt))
    {
      js_throw_type_error (ctx, "Cannot mix BigInt and other types");
      return false;
    }
  uint32_t len = s->length;
  if (!ta_allocate_buffer (ctx, o, len))
    return false;
  JsArrayView *t = as_ta (o);
  s = as_ta (src);
  if (len == 0)
    return true;
  if (st == tt)
    memcpy (ta_ptr (t, 0), ta_ptr (s, 0), (size_t) len * ta_size (t));
  else
    for (uint32_t i = 0; i < len; i++)
      {
        JsValue v = builtins_buffer_load (ctx, ta_ptr (s, i), st, true);
        JsRawValue raw;
        if (js_is_exception (v)
            || !builtins_buffer_convert (ctx, v, tt, &raw))
          return false;
        builtins_buffer_store (ta_ptr (t, i), tt, raw, true);
      }
  return true;
}

/* InitializeTypedArrayFromArrayBuffer. */
static bool
init_from_buffer (JsContext *ctx, JsValue o, JsValue buffer,
                  JsValue byte_offset, JsValue length)
{
  uint32_t size = ta_size (as_ta (o));
  double offset, new_length = 0, new_bytes;
  if (!builtins_to_index (ctx, byte_offset, &offset))
    return false;
  if (fmod (offset, size) != 0)
    {
      js_throw_range_error (ctx, "start offset of %s should be a multiple "
                                 "of %u", js_typed_array_names[
                                              typed_array_type (as_ta (o))],
                            size);
      return false;
    }
  if (!js_is_undefined (length)
      && !builtins_to_index (ctx, length, &new_length))
    return false;
  JsArrayBuffer *b = builtins_buffer_of (buffer);
  if (buffer_is_detached (b))
    {
      js_throw_type_error (ctx, "Cannot construct a typed array on a "
                                "detached ArrayBuffer");
      return false;
    }
  double buffer_bytes = b->byte_length;
  if (js_is_undefined (length))
    {
      if (fmod (buffer_bytes, size) != 0)
        {
          js_throw_range_error (ctx, "byte length of the buffer should be "
                                     "a multiple of %u", size);
          return false;
        }
      new_bytes = buffer_bytes - offset;
      if (new_bytes < 0)
        {
          js_throw_range_error (ctx, "Start offset %.0f is outside the "
                                     "bounds of the buffer", offset);
          return false;
        }
    }
  else
    {
      new_bytes = new_length * size;
      if (offset + new_bytes > buffer_bytes)
        {
          js_throw_range_error (ctx, "Invalid typed array length: %.0f",
                                new_length);
          return false;
        }
    }
  ta_attach (ctx, o, buffer, (uint32_t) offset,
             (uint32_t) (new_bytes / size));
  return true;
}

/* Stores the values of list (a hidden array) into the typed array o,
 * converting each: the end of InitializeTypedArrayFromList. */
static bool
store_list (JsContext *ctx, JsValue *po, JsValue *list)
{
  uint32_t n = builtins_array_list_len (list);
  for (uint32_t k = 0; k < n; k++)
    if (!ta_set (ctx, *po, k, builtins_array_list_get (list, k)))
      return false;
  return true;
}

/* IteratorToList (GetIteratorFromMethod (obj, method)) into the list in
 * *list. */
static bool
iterate_to_list (JsContext *ctx, JsValue obj, JsValue method, JsValue *list)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  bool ok = false;
  if (js_is_object (obj) && object_is_array (js_get_object (obj))
      && builtins_array_iterator_pristine (ctx, method))
    {
      /* The untouched array iterator reads the length and then the
         element at each step: so does this loop, without the iterator
         and its results. */
      JsValue *po = rt_push_root (rt, obj);
      if (!builtins_array_list_new (ctx, list, 16))
        goto out;
      for (uint32_t k = 0; k < object_array_length (js_get_object (*po));
           k++)
        {
          JsObject *a = js_get_object (*po);
          JsValue v = k < object_elem_len (a) ? object_elements (a)[k]
                                              : JS_EMPTY;
          if (js_is_empty (v))
            v = js_get (ctx, *po, js_key_from_index (k));
          if (js_is_exception (v) || !builtins_array_list_push (ctx, list, v))
            goto out;
        }
      ok = true;
      goto out;
    }
  JsValue *pi = rt_push_root (rt, js_call (ctx, method, obj, 0, NULL));
  if (js_is_exception (*pi))
    goto out;
  if (!js_is_object (*pi))
    {
      js_throw_type_error (ctx, "Result of the Symbol.iterator method is "
                                "not an object");
      goto out;
    }
  JsValue *pn = rt_push_root (rt, js_get (ctx, *pi, atom_common_key (
                                                        rt, JS_ATOM_next)));
  JsValue *pr = rt_push_root (rt, JS_UNDEFINED);
  if (js_is_exception (*pn) || !builtins_array_list_new (ctx, list, 16))
    goto out;
  for (;;)
    {
      *pr = js_call (ctx, *pn, *pi, 0, NULL);
      if (js_is_exception (*pr))
        goto out;
      if (!js_is_object (*pr))
        {
          js_throw_type_error (ctx, "Iterator result %s is not an object",
                               realm_describe (ctx, *pr));
          goto out;
        }
      JsValue done = js_get (ctx, *pr, atom_common_key (rt, JS_ATOM_done));
      if (js_is_exception (done))
        goto out;
      if (js_to_boolean (done))
        break;
      JsValue v = js_get (ctx, *pr, atom_common_key (rt, JS_ATOM_value));
      if (js_is_exception (v) || !builtins_array_list_push (ctx, list, v))
        goto out;
    }
  ok = true;
out:
  rt_restore_roots (rt, saved);
  return ok;
}

/* Initializes o from an object that is neither a typed array nor a
 * buffer: an iterable, else an array-like. */
static bool
init_from_object (JsContext *ctx, JsValue o, JsValue src)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, o);
  JsValue *ps = rt_push_root (rt, src);
  JsValue *pl = rt_push_root (rt, JS_UNDEFINED);
  bool ok = false;
  JsValue m = js_get_method (ctx, src, symbol_key (
                                           rt->well_known[JS_SYM_iterator]));
  if (js_is_exception (m))
    goto out;
  if (!js_is_undefined (m))
    {
      ok = iterate_to_list (ctx, *ps, m, pl)
           && ta_allocate_buffer (ctx, *po, builtins_array_list_len (pl))
           && store_list (ctx, po, pl);
      goto out;
    }
  JsValue lv = js_get (ctx, *ps, atom_common_key (rt, JS_ATOM_length));
  double len;
  if (js_is_exception (lv) || !js_to_length (ctx, lv, &len)
      || !ta_allocate_buffer (ctx, *po, len))
    goto out;
  for (double k = 0; k < len; k++)
    {
      JsValue v = js_get (ctx, *ps, js_key_from_index ((uint32_t) k));
      if (js_is_exception (v) || !ta_set (ctx, *po, k, v))
        goto out;
    }
  ok = true;
out:
  rt_restore_roots (rt, saved);
  return ok;
}

/* new Int8Array (...) and the others (magic: the type). */
static JsValue
ta_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsTypedArrayType type = (JsTypedArrayType) info->magic;
  if (js_is_undefined (info->new_target))
    return js_throw_type_error (ctx, "Constructor %s requires 'new'",
                                js_typed_array_names[type]);
  JsValue first = js_arg (info, 0);
  JsValue *saved = rt_save_roots (rt);
  JsValue r = JS_EXCEPTION;
  if (!js_is_object (first))
    {
      double len = 0;
      if (info->argc > 0 && !builtins_to_index (ctx, first, &len))
        goto out;
      JsValue *pp = rt_push_root (rt, ta_proto (ctx, type,
                                                info->new_target));
      if (js_is_exception (*pp))
        goto out;
      JsValue *po = rt_push_root (rt, ta_new (ctx, type, *pp));
      if (!js_is_exception (*po) && ta_allocate_buffer (ctx, *po, len))
        r = *po;
      goto out;
    }
  JsValue *pp = rt_push_root (rt, ta_proto (ctx, type, info->new_target));
  if (js_is_exception (*pp))
    goto out;
  JsValue *po = rt_push_root (rt, ta_new (ctx, type, *pp));
  if (js_is_exception (*po))
    goto out;
  bool ok;
  if (as_ta (first))
    ok = init_from_typed_array (ctx, *po, first);
  else if (builtins_buffer_of (first))
    ok = init_from_buffer (ctx, *po, first, js_arg (info, 1),
                           js_arg (info, 2));
  else
    ok = init_from_object (ctx, *po, first);
  if (ok)
    r = *po;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* TypedArrayCreateFromConstructor (c, args): the result must be a typed
 * array in bounds, and at least as long as a single length argument. */
static JsValue
create_from_ctor (JsContext *ctx, JsValue c, uint32_t argc,
                  const JsValue *argv)
{
  JsValue r = js_construct (ctx, c, argc, argv, c);
  if (js_is_exception (r))
    return r;
  JsArrayView *ta = validate (ctx, r, "TypedArray species constructor");
  if (!ta)
    return JS_EXCEPTION;
  if (argc == 1 && js_is_number (argv[0])
      && ta->length < js_get_number (argv[0]))
    return js_throw_type_error (ctx, "The typed array made by the species "
                                     "constructor is too short");
  return r;
}

/* TypedArraySpeciesCreate (exemplar, args). */
static JsValue
species_create (JsContext *ctx, JsValue exemplar, uint32_t argc,
                const JsValue *argv)
{
  JsRuntime *rt = ctx->rt;
  JsTypedArrayType type = typed_array_type (as_ta (exemplar));
  JsValue *saved = rt_save_roots (rt);
  for (uint32_t i = 0; i < argc; i++)
    rt_push_root (rt, argv[i]);
  JsValue c = builtins_species_constructor (
      ctx, exemplar, js_object_value (ctx->typed_array_ctors[type]));
  JsValue r = js_is_exception (c) ? c
                                  : create_from_ctor (ctx, c, argc, saved);
  if (!js_is_exception (r)
      && type_is_bigint (typed_array_type (as_ta (r)))
             != type_is_bigint (type))
    r = js_throw_type_error (ctx, "Cannot mix BigInt and other types");
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* %TypedArray%                                                        */
/* ------------------------------------------------------------------ */

static JsValue
typed_array_ctor (const JsCallInfo *info)
{
  return js_throw_type_error (info->ctx, "Abstract class TypedArray not "
                                         "directly constructable");
}

static JsValue
typed_array_species (const JsCallInfo *info)
{
  return *info->this_arg;
}

/* %TypedArray%.from (source, mapfn, thisArg). */
static JsValue
typed_array_from (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue c = *info->this_arg, source = js_arg (info, 0);
  JsValue mapfn = js_arg (info, 1), this_arg = js_arg (info, 2);
  if (!js_is_constructor (c))
    return js_throw_type_error (ctx, "TypedArray.from: this is not a "
                                     "constructor");
  bool mapping = !js_is_undefined (mapfn);
  if (mapping && !js_is_callable (mapfn))
    return js_throw_type_error (ctx, "TypedArray.from: %s is not a "
                                     "function",
                                realm_describe (ctx, mapfn));
  JsValue *saved = rt_save_roots (rt);
  JsValue *pl = rt_push_root (rt, JS_UNDEFINED);
  JsValue *ps = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pt = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pv = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  JsValue m = js_get_method (ctx, source, symbol_key (
                                              rt->well_known[JS_SYM_iterator]));
  if (js_is_exception (m))
    goto out;
  double len;
  bool from_list = !js_is_undefined (m);
  if (from_list)
    {
      if (!iterate_to_list (ctx, source, m, pl))
        goto out;
      len = builtins_array_list_len (pl);
    }
  else
    {
      *ps = js_to_object (ctx, source);
      if (js_is_exception (*ps))
        goto out;
      JsValue lv = js_get (ctx, *ps, atom_common_key (rt, JS_ATOM_length));
      if (js_is_exception (lv) || !js_to_length (ctx, lv, &len))
        goto out;
    }
  JsValue arg = js_number (len);
  *pt = create_from_ctor (ctx, c, 1, &arg);
  if (js_is_exception (*pt))
    goto out;
  for (double k = 0; k < len; k++)
    {
      *pv = from_list ? builtins_array_list_get (pl, (uint32_t) k)
                      : js_get (ctx, *ps, js_key_from_index ((uint32_t) k));
      if (js_is_exception (*pv))
        goto out;
      if (mapping)
        {
          JsValue args[2] = { *pv, js_number (k) };
          *pv = js_call (ctx, mapfn, this_arg, 2, args);
          if (js_is_exception (*pv))
            goto out;
        }
      if (js_set (ctx, *pt, js_key_from_index ((uint32_t) k), *pv, *pt,
                  true) < 0)
        goto out;
    }
  r = *pt;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* %TypedArray%.of (...items). */
static JsValue
typed_array_of (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue c = *info->this_arg;
  if (!js_is_constructor (c))
    return js_throw_type_error (ctx, "TypedArray.of: this is not a "
                                     "constructor");
  JsValue arg = js_number (info->argc);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pt = rt_push_root (rt, create_from_ctor (ctx, c, 1, &arg));
  JsValue r = JS_EXCEPTION;
  if (js_is_exception (*pt))
    goto out;
  for (uint32_t k = 0; k < info->argc; k++)
    if (js_set (ctx, *pt, js_key_from_index (k), info->argv[k], *pt, true)
        < 0)
      goto out;
  r = *pt;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* %TypedArray%.prototype: accessors                                   */
/* ------------------------------------------------------------------ */

static JsArrayView *
this_ta (const JsCallInfo *info, const char *what)
{
  JsArrayView *ta = as_ta (*info->this_arg);
  if (!ta)
    js_throw_type_error (info->ctx, "%s called on an incompatible "
                                    "receiver", what);
  return ta;
}

static JsValue
get_buffer (const JsCallInfo *info)
{
  JsArrayView *ta = this_ta (info, "get TypedArray.prototype.buffer");
  return ta ? js_object_value ((JsObject *) ta->buffer) : JS_EXCEPTION;
}

static JsValue
get_byte_length (const JsCallInfo *info)
{
  JsArrayView *ta = this_ta (info, "get TypedArray.prototype.byteLength");
  return ta ? js_number ((double) ta_length (ta) * ta_size (ta))
            : JS_EXCEPTION;
}

static JsValue
get_byte_offset (const JsCallInfo *info)
{
  JsArrayView *ta = this_ta (info, "get TypedArray.prototype.byteOffset");
  if (!ta)
    return JS_EXCEPTION;
  return js_number (ta_detached (ta) ? 0 : ta->byte_offset);
}

static JsValue
get_length (const JsCallInfo *info)
{
  JsArrayView *ta = this_ta (info, "get TypedArray.prototype.length");
  return ta ? js_number (ta_length (ta)) : JS_EXCEPTION;
}

static JsValue
get_to_string_tag (const JsCallInfo *info)
{
  JsArrayView *ta = as_ta (*info->this_arg);
  if (!ta)
    return JS_UNDEFINED;
  JsString *s = atom_intern_utf8 (info->ctx->rt,
                                  js_typed_array_names[typed_array_type (ta)],
                                  -1);
  return s ? js_string_value (s) : js_throw_out_of_memory (info->ctx);
}

/* ------------------------------------------------------------------ */
/* %TypedArray%.prototype: methods                                     */
/* ------------------------------------------------------------------ */

/* The argument helpers are the Array methods' own. */
#define relative builtins_array_relative_index
#define callable builtins_array_check_callable

static JsValue
proto_at (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsArrayView *ta = validate (ctx, *info->this_arg,
                              "%TypedArray%.prototype.at");
  if (!ta)
    return JS_EXCEPTION;
  double len = ta->length, k;
  if (!js_to_integer (ctx, js_arg (info, 0), &k))
    return JS_EXCEPTION;
  if (k < 0)
    k += len;
  if (k < 0 || k >= len)
    return JS_UNDEFINED;
  return ta_get (ctx, as_ta (*info->this_arg), k);
}

static JsValue
proto_copy_within (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  const char *name = "%TypedArray%.prototype.copyWithin";
  JsArrayView *ta = validate (ctx, *info->this_arg, name);
  if (!ta)
    return JS_EXCEPTION;
  double len = ta->length, to, from, end;
  if (!relative (ctx, js_arg (info, 0), len, 0, &to)
      || !relative (ctx, js_arg (info, 1), len, 0, &from)
      || !relative (ctx, js_arg (info, 2), len, len, &end))
    return JS_EXCEPTION;
  double count = MIN (end - from, len - to);
  if (count > 0)
    {
      ta = validate (ctx, *info->this_arg, name);
      if (!ta)
        return JS_EXCEPTION;
      uint32_t size = ta_size (ta);
      memmove (ta_ptr (ta, (uint32_t) to), ta_ptr (ta, (uint32_t) from),
               (size_t) count * size);
    }
  return *info->this_arg;
}

static JsValue
proto_iterator (const JsCallInfo *info)
{
  if (!validate (info->ctx, *info->this_arg, "%TypedArray%.prototype "
                                             "iteration method"))
    return JS_EXCEPTION;
  return builtins_new_array_iterator (info->ctx, *info->this_arg,
                                      info->magic);
}

/* The callback methods run the Array methods' loop
 * (builtins_array_each); a typed array has no holes, map sets each
 * result on the species' new array, and filter collects its elements
 * first, since the species constructor is told how many there are. */
static int
each_get (JsContext *ctx, JsValue o, double k, bool skip_holes, JsValue *out)
{
  (void) skip_holes;
  *out = ta_get (ctx, as_ta (o), k);
  return js_is_exception (*out) ? -1 : 1;
}

static bool
each_keep (JsContext *ctx, JsEachKind kind, JsValue *pa, double k, JsValue v)
{
  if (kind == JS_EACH_FILTER)
    return builtins_array_list_push (ctx, pa, v);
  return js_set (ctx, *pa, js_key_from_index ((uint32_t) k), v, *pa, true)
         >= 0;
}

static const JsEachOps ta_each_ops = { each_get, each_keep };

static const char *const each_names[] = {
  [JS_EACH_EVERY] = "%TypedArray%.prototype.every",
  [JS_EACH_SOME] = "%TypedArray%.prototype.some",
  [JS_EACH_FOR_EACH] = "%TypedArray%.prototype.forEach",
  [JS_EACH_MAP] = "%TypedArray%.prototype.map",
  [JS_EACH_FILTER] = "%TypedArray%.prototype.filter",
  [JS_EACH_FIND] = "%TypedArray%.prototype.find",
  [JS_EACH_FIND_INDEX] = "%TypedArray%.prototype.findIndex",
  [JS_EACH_FIND_LAST] = "%TypedArray%.prototype.findLast",
  [JS_EACH_FIND_LAST_INDEX] = "%TypedArray%.prototype.findLastIndex",
};

/* every, some, forEach, map, filter and the finds: magic is the kind. */
static JsValue
proto_each (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsEachKind kind = (JsEachKind) info->magic;
  JsValue fn = js_arg (info, 0);
  JsArrayView *ta = validate (ctx, *info->this_arg, each_names[kind]);
  if (!ta)
    return JS_EXCEPTION;
  double len = ta->length;
  if (!callable (ctx, fn, each_names[kind]))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = info->this_arg;
  JsValue *pa = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  if (kind == JS_EACH_MAP)
    {
      JsValue arg = js_number (len);
      *pa = species_create (ctx, *po, 1, &arg);
      if (js_is_exception (*pa))
        goto out;
    }
  if (kind == JS_EACH_FILTER && !builtins_array_list_new (ctx, pa, 16))
    goto out;
  r = builtins_array_each (ctx, kind, po, len, fn, js_arg (info, 1), pa,
                           &ta_each_ops);
  if (kind == JS_EACH_FILTER && !js_is_exception (r))
    {
      /* *pa is the list of the kept elements. */
      JsValue *pl = rt_push_root (rt, r);
      uint32_t n = builtins_array_list_len (pl);
      JsValue arg = js_number (n);
      *pa = species_create (ctx, *po, 1, &arg);
      r = *pa;
      for (uint32_t j = 0; j < n && !js_is_exception (r); j++)
        if (js_set (ctx, *pa, js_key_from_index (j),
                    builtins_array_list_get (pl, j), *pa, true) < 0)
          r = JS_EXCEPTION;
    }
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proto_fill (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  const char *name = "%TypedArray%.prototype.fill";
  JsArrayView *ta = validate (ctx, *info->this_arg, name);
  if (!ta)
    return JS_EXCEPTION;
  double len = ta->length, k, end;
  JsTypedArrayType type = typed_array_type (ta);
  JsRawValue raw;
  if (!builtins_buffer_convert (ctx, js_arg (info, 0), type, &raw)
      || !relative (ctx, js_arg (info, 1), len, 0, &k)
      || !relative (ctx, js_arg (info, 2), len, len, &end))
    return JS_EXCEPTION;
  ta = validate (ctx, *info->this_arg, name);
  if (!ta)
    return JS_EXCEPTION;
  end = MIN (end, ta->length);
  for (; k < end; k++)
    builtins_buffer_store (ta_ptr (ta, (uint32_t) k), type, raw, true);
  return *info->this_arg;
}

/* indexOf (magic 0), includes (1), lastIndexOf (2). */
static JsValue
proto_index_of (const JsCallInfo *info)
{
  static const char *const names[] = {
    "%TypedArray%.prototype.indexOf", "%TypedArray%.prototype.includes",
    "%TypedArray%.prototype.lastIndexOf",
  };
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  int kind = info->magic;
  JsArrayView *ta = validate (ctx, *info->this_arg, names[kind]);
  if (!ta)
    return JS_EXCEPTION;
  JsValue none = kind == 1 ? JS_FALSE : js_int32 (-1);
  JsValue target = js_arg (info, 0);
  double len = ta->length, n;
  if (len == 0)
    return none;
  if (kind == 2)
    {
      n = len - 1;
      if (info->argc > 1 && !js_to_integer (ctx, info->argv[1], &n))
        return JS_EXCEPTION;
      for (double k = n >= 0 ? MIN (n, len - 1) : len + n; k >= 0; k--)
        {
          ta = as_ta (*info->this_arg);
          if (!valid_index (ta, k))
            continue;
          JsValue v = ta_get (ctx, ta, k);
          if (js_is_exception (v))
            return v;
          if (js_strict_equals (rt, v, target))
            return js_number (k);
        }
      return none;
    }
  if (!js_to_integer (ctx, js_arg (info, 1), &n))
    return JS_EXCEPTION;
  ta = as_ta (*info->this_arg);
  /* Numbers only match numbers: a quick no for anything else. */
  if (!type_is_bigint (typed_array_type (ta)) && !js_is_number (target)
      && !(kind == 1 && js_is_undefined (target) && ta_detached (ta)))
    return none;
  for (double k = n >= 0 ? n : MAX (len + n, 0); k < len; k++)
    {
      if (kind == 0 && !valid_index (ta, k))
        continue;
      JsValue v = ta_get (ctx, ta, k);
      if (js_is_exception (v))
        return v;
      if (kind == 1 ? js_same_value_zero (rt, v, target)
                    : js_strict_equals (rt, v, target))
        return kind == 1 ? JS_TRUE : js_number (k);
    }
  return none;
}

static JsValue
proto_join (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsArrayView *ta = validate (ctx, *info->this_arg,
                              "%TypedArray%.prototype.join");
  if (!ta)
    return JS_EXCEPTION;
  return builtins_array_join (ctx, *info->this_arg, ta->length,
                              js_arg (info, 0), false);
}

static JsValue
proto_to_locale_string (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsArrayView *ta = validate (ctx, *info->this_arg,
                              "%TypedArray%.prototype.toLocaleString");
  if (!ta)
    return JS_EXCEPTION;
  return builtins_array_join (ctx, *info->this_arg, ta->length,
                              JS_UNDEFINED, true);
}

/* reduce and reduceRight (magic 1), by the Array methods' loop. */
static JsValue
proto_reduce (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  bool right = info->magic;
  const char *name = right ? "%TypedArray%.prototype.reduceRight"
                           : "%TypedArray%.prototype.reduce";
  JsValue fn = js_arg (info, 0);
  JsArrayView *ta = validate (ctx, *info->this_arg, name);
  if (!ta)
    return JS_EXCEPTION;
  double len = ta->length;
  if (!callable (ctx, fn, name))
    return JS_EXCEPTION;
  return builtins_array_reduce (ctx, info->this_arg, len, fn,
                                info->argc >= 2 ? &info->argv[1] : NULL,
                                right, &ta_each_ops);
}

static JsValue
proto_reverse (const JsCallInfo *info)
{
  JsArrayView *ta = validate (info->ctx, *info->this_arg,
                              "%TypedArray%.prototype.reverse");
  if (!ta)
    return JS_EXCEPTION;
  uint32_t size = ta_size (ta);
  uint8_t tmp[8];
  for (uint32_t lo = 0, hi = ta->length; lo + 1 < hi; lo++, hi--)
    {
      memcpy (tmp, ta_ptr (ta, lo), size);
      memcpy (ta_ptr (ta, lo), ta_ptr (ta, hi - 1), size);
      memcpy (ta_ptr (ta, hi - 1), tmp, size);
    }
  return *info->this_arg;
}

/* %TypedArray%.prototype.set (source, offset). */
static JsValue
proto_set (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  const char *name = "%TypedArray%.prototype.set";
  JsArrayView *t = this_ta (info, name);
  if (!t)
    return JS_EXCEPTION;
  double offset;
  if (!js_to_integer (ctx, js_arg (info, 1), &offset))
    return JS_EXCEPTION;
  if (offset < 0)
    return js_throw_range_error (ctx, "offset is out of bounds");
  JsValue source = js_arg (info, 0);
  JsArrayView *s = as_ta (source);
  t = as_ta (*info->this_arg);
  if (s)
    {
      /* SetTypedArrayFromTypedArray. */
      if (ta_detached (t) || ta_detached (s))
        return js_throw_type_error (ctx, "%s: a buffer is detached", name);
      double slen = s->length;
      if (slen + offset > t->length)
        return js_throw_range_error (ctx, "offset is out of bounds");
      JsTypedArrayType st = typed_array_type (s), tt = typed_array_type (t);
      if (type_is_bigint (st) != type_is_bigint (tt))
        return js_throw_type_error (ctx, "Cannot mix BigInt and other "
                                         "types");
      uint32_t n = s->length, at = (uint32_t) offset;
      if (n == 0)
        return JS_UNDEFINED;
      if (st == tt)
        {
          memmove (ta_ptr (t, at), ta_ptr (s, 0), (size_t) n * ta_size (t));
          return JS_UNDEFINED;
        }
      /* Different types over one buffer: read everything first, as the
         spec's clone of the source does. */
      uint8_t *copy = NULL;
      const uint8_t *src = ta_ptr (s, 0);
      if (t->buffer == s->buffer)
        {
          copy = g_try_malloc ((size_t) n * ta_size (s) + 1);
          if (!copy)
            return js_throw_out_of_memory (ctx);
          memcpy (copy, src, (size_t) n * ta_size (s));
          src = copy;
        }
      for (uint32_t i = 0; i < n; i++)
        {
          JsValue v = builtins_buffer_load (ctx, src + (size_t) i
                                                           * ta_size (s),
                                            st, true);
          JsRawValue raw;
          if (js_is_exception (v) || !builtins_buffer_convert (ctx, v, tt,
                                                               &raw))
            {
              g_free (copy);
              return JS_EXCEPTION;
            }
          builtins_buffer_store (ta_ptr (t, at + i), tt, raw, true);
        }
      g_free (copy);
      return JS_UNDEFINED;
    }
  /* SetTypedArrayFromArrayLike. */
  if (ta_detached (t))
    return js_throw_type_error (ctx, "%s: the typed array's buffer is "
                                     "detached", name);
  double tlen = t->length;
  JsValue *saved = rt_save_roots (rt);
  JsValue *ps = rt_push_root (rt, js_to_object (ctx, source));
  JsValue r = JS_EXCEPTION;
  double slen;
  if (js_is_exception (*ps))
    goto out;
  JsValue lv = js_get (ctx, *ps, atom_common_key (rt, JS_ATOM_length));
  if (js_is_exception (lv) || !js_to_length (ctx, lv, &slen))
    goto out;
  if (slen + offset > tlen)
    {
      js_throw_range_error (ctx, "offset is out of bounds");
      goto out;
    }
  for (double k = 0; k < slen; k++)
    {
      JsValue v = js_get (ctx, *ps, js_key_from_index ((uint32_t) k));
      if (js_is_exception (v) || !ta_set (ctx, *info->this_arg, offset + k, v))
        goto out;
    }
  r = JS_UNDEFINED;
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proto_slice (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  const char *name = "%TypedArray%.prototype.slice";
  JsArrayView *ta = validate (ctx, *info->this_arg, name);
  if (!ta)
    return JS_EXCEPTION;
  double len = ta->length, k, end;
  if (!relative (ctx, js_arg (info, 0), len, 0, &k)
      || !relative (ctx, js_arg (info, 1), len, len, &end))
    return JS_EXCEPTION;
  double count = MAX (end - k, 0);
  JsValue arg = js_number (count);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pa = rt_push_root (rt, species_create (ctx, *info->this_arg, 1,
                                                  &arg));
  JsValue r = JS_EXCEPTION;
  if (js_is_exception (*pa))
    goto out;
  if (count > 0)
    {
      ta = validate (ctx, *info->this_arg, name);
      if (!ta)
        goto out;
      end = MIN (end, ta->length);
      JsArrayView *a = as_ta (*pa);
      JsTypedArrayType st = typed_array_type (ta), tt = typed_array_type (a);
      if (st == tt)
        {
          /* Byte by byte, ascending, as the spec copies (the target may
             share the buffer). */
          uint32_t size = ta_size (ta);
          const uint8_t *src = ta_ptr (ta, (uint32_t) k);
          uint8_t *dst = a->buffer->data + a->byte_offset;
          size_t nbytes = (size_t) MAX (end - k, 0) * size;
          for (size_t i = 0; i < nbytes; i++)
            dst[i] = src[i];
        }
      else
        for (double n = 0; k < end; k++, n++)
          {
            JsValue v = ta_get (ctx, as_ta (*info->this_arg), k);
            if (js_is_exception (v) || !ta_set (ctx, *pa, n, v))
              goto out;
          }
    }
  r = *pa;
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proto_subarray (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsArrayView *ta = this_ta (info, "%TypedArray%.prototype.subarray");
  if (!ta)
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pb = rt_push_root (rt, js_object_value ((JsObject *) ta->buffer));
  double len = ta_length (ta), begin, end;
  uint32_t size = ta_size (ta);
  double offset = ta->byte_offset;
  JsValue r = JS_EXCEPTION;
  if (!relative (ctx, js_arg (info, 0), len, 0, &begin)
      || !relative (ctx, js_arg (info, 1), len, len, &end))
    goto out;
  JsValue args[3] = { *pb, js_number (offset + begin * size),
                      js_number (MAX (end - begin, 0)) };
  r = species_create (ctx, *info->this_arg, 3, args);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* The default order of typed array elements: numeric, -0 before +0, NaN
 * last. */
static int
compare_numbers (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  if (x != x)
    return y != y ? 0 : 1;
  if (y != y)
    return -1;
  if (x < y)
    return -1;
  if (x > y)
    return 1;
  if (x == 0 && y == 0)
    return signbit (x) && !signbit (y) ? -1 : !signbit (x) && signbit (y);
  return 0;
}

static int
compare_i64 (const void *a, const void *b)
{
  int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
  return x < y ? -1 : x > y;
}

static int
compare_u64 (const void *a, const void *b)
{
  uint64_t x = *(const uint64_t *) a, y = *(const uint64_t *) b;
  return x < y ? -1 : x > y;
}

/* Sorts the elements of src (a valid typed array) into dst (a typed
 * array of the same type and length, possibly src itself). */
static bool
sort_into (JsContext *ctx, JsValue src, JsValue dst, JsValue *comparefn)
{
  JsRuntime *rt = ctx->rt;
  JsArrayView *ta = as_ta (src);
  JsTypedArrayType type = typed_array_type (ta);
  uint32_t len = ta->length;
  if (js_is_undefined (*comparefn))
    {
      /* Nothing to observe: sort in C and store the result. */
      void *vals = g_try_malloc ((size_t) MAX (len, 1u) * 8);
      if (!vals)
        {
          js_throw_out_of_memory (ctx);
          return false;
        }
      if (type_is_bigint (type))
        {
          for (uint32_t i = 0; i < len; i++)
            memcpy ((uint64_t *) vals + i, ta_ptr (ta, i), 8);
          qsort (vals, len, 8, type == JS_TA_BIGINT64 ? compare_i64
                                                      : compare_u64);
          JsArrayView *d = as_ta (dst);
          if (len)
            memcpy (ta_ptr (d, 0), vals, (size_t) len * 8);
        }
      else
        {
          double *dv = vals;
          for (uint32_t i = 0; i < len; i++)
            dv[i] = js_get_number (builtins_buffer_load (ctx, ta_ptr (ta, i),
                                                         type, true));
          qsort (dv, len, sizeof *dv, compare_numbers);
          JsArrayView *d = as_ta (dst);
          for (uint32_t i = 0; i < len; i++)
            builtins_buffer_store (ta_ptr (d, i), type,
                                   (JsRawValue) { .d = dv[i] }, true);
        }
      g_free (vals);
      return true;
    }
  JsValue *saved = rt_save_roots (rt);
  JsValue *ps = rt_push_root (rt, src);
  JsValue *pd = rt_push_root (rt, dst);
  JsValue *pl = rt_push_root (rt, JS_UNDEFINED);
  JsValue *psorted = rt_push_root (rt, JS_UNDEFINED);
  bool ok = false;
  if (!builtins_array_list_new (ctx, pl, len))
    goto out;
  for (uint32_t i = 0; i < len; i++)
    {
      JsValue v = ta_get (ctx, as_ta (*ps), i);
      if (js_is_exception (v) || !builtins_array_list_push (ctx, pl, v))
        goto out;
    }
  if (!builtins_array_sort_list (ctx, pl, pl, builtins_array_compare_fn,
                                 comparefn, psorted))
    goto out;
  for (uint32_t j = 0; j < len; j++)
    if (!ta_set (ctx, *pd, j, builtins_array_list_get (psorted, j)))
      goto out;
  ok = true;
out:
  rt_restore_roots (rt, saved);
  return ok;
}

static JsValue
proto_sort (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue comparefn = js_arg (info, 0);
  if (!js_is_undefined (comparefn) && !js_is_callable (comparefn))
    return js_throw_type_error (ctx, "The comparison function must be "
                                     "either a function or undefined");
  if (!validate (ctx, *info->this_arg, "%TypedArray%.prototype.sort"))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (ctx->rt);
  JsValue *pf = rt_push_root (ctx->rt, comparefn);
  bool ok = sort_into (ctx, *info->this_arg, *info->this_arg, pf);
  rt_restore_roots (ctx->rt, saved);
  return ok ? *info->this_arg : JS_EXCEPTION;
}

static JsValue
proto_to_sorted (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue comparefn = js_arg (info, 0);
  if (!js_is_undefined (comparefn) && !js_is_callable (comparefn))
    return js_throw_type_error (ctx, "The comparison function must be "
                                     "either a function or undefined");
  JsArrayView *ta = validate (ctx, *info->this_arg,
                              "%TypedArray%.prototype.toSorted");
  if (!ta)
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pf = rt_push_root (rt, comparefn);
  JsValue *pa = rt_push_root (rt, ta_create (ctx, typed_array_type (ta),
                                             ta->length));
  JsValue r = JS_EXCEPTION;
  if (!js_is_exception (*pa) && sort_into (ctx, *info->this_arg, *pa, pf))
    r = *pa;
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proto_to_reversed (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsArrayView *ta = validate (ctx, *info->this_arg,
                              "%TypedArray%.prototype.toReversed");
  if (!ta)
    return JS_EXCEPTION;
  JsValue a = ta_create (ctx, typed_array_type (ta), ta->length);
  if (js_is_exception (a))
    return a;
  ta = as_ta (*info->this_arg);
  JsArrayView *t = as_ta (a);
  uint32_t len = ta->length, size = ta_size (ta);
  for (uint32_t k = 0; k < len; k++)
    memcpy (ta_ptr (t, k), ta_ptr (ta, len - k - 1), size);
  return a;
}

static JsValue
proto_with (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsArrayView *ta = validate (ctx, *info->this_arg,
                              "%TypedArray%.prototype.with");
  if (!ta)
    return JS_EXCEPTION;
  double len = ta->length, index;
  JsTypedArrayType type = typed_array_type (ta);
  if (!js_to_integer (ctx, js_arg (info, 0), &index))
    return JS_EXCEPTION;
  if (index < 0)
    index += len;
  JsRawValue raw;
  if (!builtins_buffer_convert (ctx, js_arg (info, 1), type, &raw))
    return JS_EXCEPTION;
  ta = as_ta (*info->this_arg);
  if (!valid_index (ta, index))
    return js_throw_range_error (ctx, "Invalid typed array index");
  JsValue *saved = rt_save_roots (rt);
  JsValue *pa = rt_push_root (rt, ta_create (ctx, type, len));
  JsValue r = JS_EXCEPTION;
  if (js_is_exception (*pa))
    goto out;
  ta = as_ta (*info->this_arg);
  JsArrayView *t = as_ta (*pa);
  uint32_t size = ta_size (ta);
  for (uint32_t k = 0; k < (uint32_t) len; k++)
    {
      if (k == index)
        builtins_buffer_store (ta_ptr (t, k), type, raw, true);
      else if (valid_index (ta, k))
        memcpy (ta_ptr (t, k), ta_ptr (ta, k), size);
    }
  r = *pa;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* The family                                                          */
/* ------------------------------------------------------------------ */

static bool
define_constant (JsContext *ctx, JsObject *o, const char *name, JsValue v)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (o));
  JsKey key = atom_key_from_utf8 (rt, name);
  bool ok = key != JS_KEY_NONE
            && object_define_own (rt, js_get_object (saved[0]), key, v, 0)
                   == JS_PROP_DONE;
  rt_restore_roots (rt, saved);
  return ok;
}

/* A function's own data property, read at init time. */
static bool
own_value (JsContext *ctx, JsObject *o, const char *name, JsValue *out)
{
  uint8_t attrs;
  return object_get_own (ctx->rt, o, atom_key_from_utf8 (ctx->rt, name), out,
                         &attrs);
}

/* %TypedArray% and %TypedArray.prototype%. */
static bool
init_abstract (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  static const JsMethodSpec statics[] = {
    { "from", typed_array_from, 1, 0 },
    { "of", typed_array_of, 0, 0 },
  };
  static const JsMethodSpec methods[] = {
    { "at", proto_at, 1, 0 },
    { "copyWithin", proto_copy_within, 2, 0 },
    { "entries", proto_iterator, 0, 2 },
    { "every", proto_each, 1, JS_EACH_EVERY },
    { "fill", proto_fill, 1, 0 },
    { "filter", proto_each, 1, JS_EACH_FILTER },
    { "find", proto_each, 1, JS_EACH_FIND },
    { "findIndex", proto_each, 1, JS_EACH_FIND_INDEX },
    { "findLast", proto_each, 1, JS_EACH_FIND_LAST },
    { "findLastIndex", proto_each, 1, JS_EACH_FIND_LAST_INDEX },
    { "forEach", proto_each, 1, JS_EACH_FOR_EACH },
    { "includes", proto_index_of, 1, 1 },
    { "indexOf", proto_index_of, 1, 0 },
    { "join", proto_join, 1, 0 },
    { "keys", proto_iterator, 0, 0 },
    { "lastIndexOf", proto_index_of, 1, 2 },
    { "map", proto_each, 1, JS_EACH_MAP },
    { "reduce", proto_reduce, 1, 0 },
    { "reduceRight", proto_reduce, 1, 1 },
    { "reverse", proto_reverse, 0, 0 },
    { "set", proto_set, 1, 0 },
    { "slice", proto_slice, 2, 0 },
    { "some", proto_each, 1, JS_EACH_SOME },
    { "sort", proto_sort, 1, 0 },
    { "subarray", proto_subarray, 2, 0 },
    { "toLocaleString", proto_to_locale_string, 0, 0 },
    { "toReversed", proto_to_reversed, 0, 0 },
    { "toSorted", proto_to_sorted, 1, 0 },
    { "values", proto_iterator, 0, 1 },
    { "with", proto_with, 2, 0 },
  };
  JsObject *proto = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                           4);
  if (!proto)
    return false;
  ctx->typed_array_proto = proto;
  JsValue f = function_new_builtin (ctx, "TypedArray", typed_array_ctor, 0, 0,
                                    JS_NATIVE_CONSTRUCTOR);
  if (js_is_exception (f))
    return false;
  JsObject *ctor = js_get_object (f);
  ctx->typed_array_ctor = ctor;
  js_resolve_lazy (ctx, ctor);
  JsValue array_to_string;
  if (object_define_own (rt, ctor, atom_common_key (rt, JS_ATOM_prototype),
                         js_object_value (proto), 0)
          != JS_PROP_DONE
      || object_define_own (rt, proto,
                            atom_common_key (rt, JS_ATOM_constructor),
                            js_object_value (ctor),
                            JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
             != JS_PROP_DONE
      || !builtins_define_methods (ctx, ctor, statics, G_N_ELEMENTS (statics))
      || !builtins_array_define_getter (ctx, ctor, "@@species",
                                        typed_array_species)
      || !builtins_define_methods (ctx, proto, methods, G_N_ELEMENTS (methods))
      || !builtins_array_define_getter (ctx, proto, "buffer", get_buffer)
      || !builtins_array_define_getter (ctx, proto, "byteLength",
                                        get_byte_length)
      || !builtins_array_define_getter (ctx, proto, "byteOffset",
                                        get_byte_offset)
      || !builtins_array_define_getter (ctx, proto, "length", get_length)
      || !builtins_array_define_getter (ctx, proto, "@@toStringTag",
                                        get_to_string_tag)
      || !own_value (ctx, ctx->array_proto, "toString", &array_to_string)
      || object_define_own (rt, ctx->typed_array_proto,
                            atom_common_key (rt, JS_ATOM_toString),
                            array_to_string,
                            JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
             != JS_PROP_DONE
      || !own_value (ctx, ctx->typed_array_proto, "values",
                     &ctx->typed_array_values))
    return false;
  /* %TypedArray.prototype%[@@iterator] is the same function as values. */
  return object_define_own (rt, ctx->typed_array_proto,
                            symbol_key (rt->well_known[JS_SYM_iterator]),
                            ctx->typed_array_values,
                            JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
         == JS_PROP_DONE;
}

bool
builtins_init_typed_array (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  if (!init_abstract (ctx))
    return false;
  for (int t = 0; t < JS_TYPED_ARRAY_COUNT; t++)
    {
      JsObject *proto = object_new_with_proto (
          rt, (JsCell *) ctx->typed_array_proto, 2);
      if (!proto)
        return false;
      ctx->typed_array_protos[t] = proto;
      JsValue f = function_new_builtin (ctx, js_typed_array_names[t],
                                        ta_ctor, 3, t,
                                        JS_NATIVE_CONSTRUCTOR);
      if (js_is_exception (f))
        return false;
      JsObject *ctor = js_get_object (f);
      ctx->typed_array_ctors[t] = ctor;
      js_resolve_lazy (ctx, ctor);
      JsValue size = js_int32 (js_typed_array_sizes[t]);
      if (object_set_proto (rt, ctor, (JsCell *) ctx->typed_array_ctor)
              != JS_PROP_DONE
          || object_define_own (rt, ctor,
                                atom_common_key (rt, JS_ATOM_prototype),
                                js_object_value (proto), 0)
                 != JS_PROP_DONE
          || object_define_own (rt, proto,
                                atom_common_key (rt, JS_ATOM_constructor),
                                js_object_value (ctor),
                                JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
                 != JS_PROP_DONE
          || !define_constant (ctx, ctor, "BYTES_PER_ELEMENT", size)
          || !define_constant (ctx, proto, "BYTES_PER_ELEMENT", size)
          || !realm_define_global (ctx, js_typed_array_names[t],
                                   js_object_value (ctor)))
        return false;
    }
  return true;
}
