/* gi-function.c — calling C functions through their introspection data.
 *
 * A GiFunc is made for each function, method or constructor a script can
 * reach, and prepared on its first call: girepository makes the libffi
 * call interface once (g_function_info_prep_invoker), and the bridge
 * makes one GiArgPlan per argument, saying which JS argument feeds it
 * (arguments that carry an array's length, a callback's user data or a
 * destroy notifier are hidden from scripts) and how to convert it.
 * A call then only walks the plans: no type information is parsed, no
 * GIArgInfo is allocated.
 *
 * Results follow GJS: the return value (unless void or skipped) and then
 * each out argument; one result is returned as it is, several as an
 * array, none as undefined.  A GError becomes a thrown GLib.Error.
 */
#include "config.h"

#include "gi-private.h"

#include <string.h>

GiFunc *
gi_func_new (GIFunctionInfo *info, const char *prefix)
{
  GiFunc *f = g_new0 (GiFunc, 1);
  f->info = g_base_info_ref (info);
  f->name = g_strdup_printf ("%s.%s", prefix,
                             g_base_info_get_name ((GIBaseInfo *) info));
  g_ptr_array_add (gi.funcs, f);
  return f;
}

void
gi_func_free (GiFunc *f)
{
  if (f->prepared)
    {
      for (guint i = 0; i < f->n_args; i++)
        gi_plan_clear (&f->args[i]);
      g_free (f->args);
      gi_plan_clear (&f->ret);
      if (f->invoker_ready)
        g_function_invoker_destroy (&f->invoker);
    }
  g_base_info_unref (f->info);
  g_free (f->name);
  g_free (f);
}

/* ------------------------------------------------------------------ */
/* Preparing                                                           */
/* ------------------------------------------------------------------ */

/* Whether an in-argument converts with no cleanup but a string's, no
 * hidden companion and no out part: a scalar, an enum or flags, a string
 * the callee only reads, or an object. */
static gboolean
fast_in_arg (const GiArgPlan *p)
{
  if (p->dir != GI_DIRECTION_IN || p->length_of >= 0 || p->closure_of >= 0)
    return FALSE;
  switch (p->tag)
    {
    case GI_TYPE_TAG_BOOLEAN:
    case GI_TYPE_TAG_INT8:
    case GI_TYPE_TAG_UINT8:
    case GI_TYPE_TAG_INT16:
    case GI_TYPE_TAG_UINT16:
    case GI_TYPE_TAG_INT32:
    case GI_TYPE_TAG_UINT32:
    case GI_TYPE_TAG_INT64:
    case GI_TYPE_TAG_UINT64:
    case GI_TYPE_TAG_FLOAT:
    case GI_TYPE_TAG_DOUBLE:
    case GI_TYPE_TAG_GTYPE:
      return TRUE;
    case GI_TYPE_TAG_UTF8:
      return p->transfer == GI_TRANSFER_NOTHING;
    case GI_TYPE_TAG_INTERFACE:
      switch (p->iface_type)
        {
        case GI_INFO_TYPE_ENUM:
        case GI_INFO_TYPE_FLAGS:
          return TRUE;
        case GI_INFO_TYPE_OBJECT:
        case GI_INFO_TYPE_INTERFACE:
          return p->transfer == GI_TRANSFER_NOTHING;
        default:
          return FALSE;
        }
    default:
      return FALSE;
    }
}

/* Whether a return value converts by gi_arg_to_js alone, with no length
 * or out argument beside it. */
static gboolean
fast_return (const GiArgPlan *p)
{
  switch (p->tag)
    {
    case GI_TYPE_TAG_VOID:
      return !p->is_pointer;
    case GI_TYPE_TAG_BOOLEAN:
    case GI_TYPE_TAG_INT8:
    case GI_TYPE_TAG_UINT8:
    case GI_TYPE_TAG_INT16:
    case GI_TYPE_TAG_UINT16:
    case GI_TYPE_TAG_INT32:
    case GI_TYPE_TAG_UINT32:
    case GI_TYPE_TAG_INT64:
    case GI_TYPE_TAG_UINT64:
    case GI_TYPE_TAG_FLOAT:
    case GI_TYPE_TAG_DOUBLE:
    case GI_TYPE_TAG_GTYPE:
    case GI_TYPE_TAG_UTF8:
      return TRUE;
    case GI_TYPE_TAG_INTERFACE:
      return p->iface_type == GI_INFO_TYPE_ENUM
             || p->iface_type == GI_INFO_TYPE_FLAGS
             || p->iface_type == GI_INFO_TYPE_OBJECT
             || p->iface_type == GI_INFO_TYPE_INTERFACE;
    default:
      return FALSE;
    }
}

static gboolean
is_float_tag (GITypeTag tag)
{
  return tag == GI_TYPE_TAG_FLOAT || tag == GI_TYPE_TAG_DOUBLE;
}

/* Which quick path calls of f may take.  Most calls scripts make in a
 * loop (getters, setters of scalars and strings, functions of numbers)
 * have only simple in-arguments and one simple result: those skip the
 * general path's bookkeeping (out arguments, arrays, callbacks, the
 * cleanup list), keep everything on the C stack, and, when every
 * argument is of the integer class (integers, enums, pointers), call the
 * function directly (see direct_call) instead of through libffi. */
static GiFastCall
fast_kind (GiFunc *f)
{
  if (f->is_vfunc || f->throws || f->skip_return || !f->invoker_ready
      || f->n_args + (f->is_method ? 1 : 0) > GI_FAST_MAX_ARGS
      || (f->is_method && f->instance_transfer != GI_TRANSFER_NOTHING)
      || !fast_return (&f->ret))
    return GI_FAST_NONE;
  gboolean direct = TRUE;
  for (guint i = 0; i < f->n_args; i++)
    {
      if (!fast_in_arg (&f->args[i]))
        return GI_FAST_NONE;
      if (is_float_tag (f->args[i].tag))
        direct = FALSE;
    }
#if (defined(__x86_64__) && !defined(_WIN64)) || defined(__aarch64__)
  return direct ? GI_FAST_DIRECT : GI_FAST_FFI;
#else
  return GI_FAST_FFI;
#endif
}

gboolean
gi_func_prepare (GsContext *ctx, GiFunc *f)
{
  if (f->prepared)
    return TRUE;
  GError *err = NULL;
  f->is_vfunc = g_base_info_get_type ((GIBaseInfo *) f->info)
                == GI_INFO_TYPE_VFUNC;
  /* A virtual function's address depends on the class that implements
     it: its invoker is made at the call. */
  if (!f->is_vfunc)
    {
      if (!g_function_info_prep_invoker (f->info, &f->invoker, &err))
        {
          gs_context_throw_error (ctx, GS_ERROR_ERROR, "Cannot call %s: %s",
                                  f->name, err->message);
          g_error_free (err);
          return FALSE;
        }
      f->invoker_ready = TRUE;
    }
  GICallableInfo *ci = (GICallableInfo *) f->info;
  f->is_method = f->is_vfunc
                 || (g_function_info_get_flags (f->info)
                     & GI_FUNCTION_IS_METHOD)
                        != 0;
  f->throws = g_callable_info_can_throw_gerror (ci);
  f->skip_return = g_callable_info_skip_return (ci);
  f->instance_transfer = g_callable_info_get_instance_ownership_transfer (ci);
  GIBaseInfo *container = g_base_info_get_container ((GIBaseInfo *) f->info);
  f->container_type = container ? g_base_info_get_type (container)
                                : GI_INFO_TYPE_INVALID;
  f->container_gtype = G_TYPE_NONE;
  if (f->is_method && container)
    f->container_gtype = g_registered_type_info_get_g_type (
        (GIRegisteredTypeInfo *) container);

  f->n_args = (guint) g_callable_info_get_n_args (ci);
  f->args = g_new0 (GiArgPlan, f->n_args);
  for (guint i = 0; i < f->n_args; i++)
    {
      /* A heap GIArgInfo: the type keeps a reference to its container,
         which must outlive the plan. */
      GIArgInfo *hai = g_callable_info_get_arg (ci, (gint) i);
      GIArgInfo ai;
      g_callable_info_load_arg (ci, (gint) i, &ai);
      GiArgPlan *p = &f->args[i];
      gi_plan_init (p, g_arg_info_get_type (hai), g_arg_info_get_direction (&ai),
                    g_arg_info_get_ownership_transfer (&ai));
      g_base_info_unref (hai);
      p->nullable = g_arg_info_may_be_null (&ai);
      p->caller_allocates = g_arg_info_is_caller_allocates (&ai);
      p->optional = g_arg_info_is_optional (&ai);
    }
  /* Hidden arguments: array lengths, callbacks' user data and destroy
     notifiers. */
  for (guint i = 0; i < f->n_args; i++)
    {
      GiArgPlan *p = &f->args[i];
      if (p->tag == GI_TYPE_TAG_ARRAY && p->length_arg >= 0
          && (guint) p->length_arg < f->n_args)
        f->args[p->length_arg].length_of = (gint16) i;
      if (p->tag == GI_TYPE_TAG_INTERFACE
          && p->iface_type == GI_INFO_TYPE_CALLBACK)
        {
          GIArgInfo ai;
          g_callable_info_load_arg (ci, (gint) i, &ai);
          gint c = g_arg_info_get_closure (&ai);
          gint d = g_arg_info_get_destroy (&ai);
          p->scope = g_arg_info_get_scope (&ai);
          if (c >= 0 && (guint) c < f->n_args && (guint) c != i)
            {
              f->args[c].closure_of = (gint16) i;
              p->closure_arg = (gint16) c;
            }
          if (d >= 0 && (guint) d < f->n_args && (guint) d != i)
            {
              f->args[d].closure_of = (gint16) i;
              p->destroy_arg = (gint16) d;
            }
        }
    }
  gi_plan_init (&f->ret, g_callable_info_get_return_type (ci),
                GI_DIRECTION_OUT, g_callable_info_get_caller_owns (ci));
  f->ret.nullable = g_callable_info_may_return_null (ci);
  if (f->ret.tag == GI_TYPE_TAG_ARRAY && f->ret.length_arg >= 0
      && (guint) f->ret.length_arg < f->n_args)
    f->args[f->ret.length_arg].length_of = (gint16) f->n_args;

  /* Sources added to the main loop: while their callbacks live, the
     program has work. */
  GIBaseInfo *ns_container = g_base_info_get_container ((GIBaseInfo *) f->info);
  if (!ns_container
      && strcmp (g_base_info_get_namespace ((GIBaseInfo *) f->info), "GLib")
             == 0)
    {
      static const char *const adders[] = { "timeout_add", "idle_add",
                                            "child_watch_add", "io_add_watch",
                                            "unix_fd_add", "unix_signal_add",
                                            NULL };
      const char *fname = g_base_info_get_name ((GIBaseInfo *) f->info);
      for (int j = 0; adders[j]; j++)
        if (g_str_has_prefix (fname, adders[j]))
          f->callbacks_are_work = TRUE;
    }
  f->n_js_in = f->n_js_out = 0;
  if (f->ret.tag != GI_TYPE_TAG_VOID || f->ret.is_pointer)
    if (!f->skip_return)
      f->n_js_out++;
  for (guint i = 0; i < f->n_args; i++)
    {
      GiArgPlan *p = &f->args[i];
      if (p->length_of >= 0 || p->closure_of >= 0)
        continue;
      if (p->dir != GI_DIRECTION_OUT)
        p->js_index = (gint16) f->n_js_in++;
      if (p->dir != GI_DIRECTION_IN)
        f->n_js_out++;
    }
  f->fast = fast_kind (f);
  /* Gtk.Label.new () and its kin crash inside GTK without a display,
     as `new Gtk.Label ()` would: they take the general path, which
     checks. */
  if ((g_function_info_get_flags (f->info) & GI_FUNCTION_IS_CONSTRUCTOR)
      && gi_gtk.loaded)
    {
      GIBaseInfo *owner = g_base_info_get_container (f->info);
      GType t = owner && GI_IS_REGISTERED_TYPE_INFO (owner)
                    ? g_registered_type_info_get_g_type (
                        (GIRegisteredTypeInfo *) owner)
                    : G_TYPE_NONE;
      if (t != G_TYPE_NONE && t != G_TYPE_INVALID
          && g_type_is_a (t, gi_gtk.widget_type))
        f->makes_widget = t;
    }
  if (f->makes_widget)
    f->fast = GI_FAST_NONE;
  f->prepared = TRUE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Calling                                                             */
/* ------------------------------------------------------------------ */

static gssize
length_of_arg (GITypeTag tag, const GIArgument *a)
{
  switch (tag)
    {
    case GI_TYPE_TAG_INT8:
      return a->v_int8;
    case GI_TYPE_TAG_UINT8:
      return a->v_uint8;
    case GI_TYPE_TAG_INT16:
      return a->v_int16;
    case GI_TYPE_TAG_UINT16:
      return a->v_uint16;
    case GI_TYPE_TAG_INT32:
      return a->v_int32;
    case GI_TYPE_TAG_UINT32:
      return (gssize) a->v_uint32;
    case GI_TYPE_TAG_INT64:
      return (gssize) a->v_int64;
    case GI_TYPE_TAG_UINT64:
      return (gssize) a->v_uint64;
    default:
      return -1;
    }
}

static void
set_length_arg (GITypeTag tag, GIArgument *a, gsize n)
{
  switch (tag)
    {
    case GI_TYPE_TAG_INT8:
    case GI_TYPE_TAG_UINT8:
      a->v_uint8 = (guint8) n;
      break;
    case GI_TYPE_TAG_INT16:
    case GI_TYPE_TAG_UINT16:
      a->v_uint16 = (guint16) n;
      break;
    case GI_TYPE_TAG_INT32:
    case GI_TYPE_TAG_UINT32:
      a->v_uint32 = (guint32) n;
      break;
    default:
      a->v_uint64 = n;
      break;
    }
}

static gsize
struct_size (const GiArgPlan *p)
{
  if (p->iface_type == GI_INFO_TYPE_UNION)
    return g_union_info_get_size ((GIUnionInfo *) p->iface);
  return g_struct_info_get_size ((GIStructInfo *) p->iface);
}

/* A struct, boxed or union argument. */
static gboolean
is_struct_arg (const GiArgPlan *p)
{
  return p->tag == GI_TYPE_TAG_INTERFACE
         && (p->iface_type == GI_INFO_TYPE_STRUCT
             || p->iface_type == GI_INFO_TYPE_BOXED
             || p->iface_type == GI_INFO_TYPE_UNION);
}

/* An in-out struct changed in place (C takes `T *`).  The typelib does
 * not tell `T *` from `T **`: a plain struct (no GType, so nothing can
 * pass its ownership) is changed in place (PangoRectangle); a registered
 * boxed value is exchanged through a pointer to a pointer, as GJS has
 * it (the callee may free the one it gets and give another). */
static gboolean
inout_struct (const GiArgPlan *p)
{
  return is_struct_arg (p)
         && (p->gtype == G_TYPE_NONE || !G_TYPE_IS_BOXED (p->gtype));
}

/* The name of argument i, for messages. */
static char *
arg_what (GiFunc *f, guint i)
{
  GIArgInfo ai;
  g_callable_info_load_arg ((GICallableInfo *) f->info, (gint) i, &ai);
  return g_strdup_printf ("argument '%s' of %s",
                          g_base_info_get_name ((GIBaseInfo *) &ai), f->name);
}

/* A call of a function whose arguments are all of the integer class
 * (integers, booleans, enums, GTypes, pointers), at most
 * GI_FAST_MAX_ARGS of them.  On the ABIs this is built for (x86-64
 * System V, AArch64) such arguments travel in the integer registers in
 * order whatever their C type, each widened here to 64 bits as its own
 * type would extend, so calling through a pointer typed with guint64
 * arguments passes exactly what a call with the real prototype would.
 * The result comes back in the integer register (or the vector one for
 * float and double), and the caller narrows it to the return type: the
 * bits above a narrow type are not defined by the callee. */
typedef guint64 (*GiCall0) (void);
typedef guint64 (*GiCall1) (guint64);
typedef guint64 (*GiCall2) (guint64, guint64);
typedef guint64 (*GiCall3) (guint64, guint64, guint64);
typedef guint64 (*GiCall4) (guint64, guint64, guint64, guint64);
typedef guint64 (*GiCall5) (guint64, guint64, guint64, guint64, guint64);
typedef guint64 (*GiCall6) (guint64, guint64, guint64, guint64, guint64,
                            guint64);
typedef double (*GiCallD0) (void);
typedef double (*GiCallD1) (guint64);
typedef double (*GiCallD2) (guint64, guint64);
typedef double (*GiCallD3) (guint64, guint64, guint64);
typedef double (*GiCallD4) (guint64, guint64, guint64, guint64);
typedef double (*GiCallD5) (guint64, guint64, guint64, guint64, guint64);
typedef double (*GiCallD6) (guint64, guint64, guint64, guint64, guint64,
                            guint64);
typedef float (*GiCallF0) (void);
typedef float (*GiCallF1) (guint64);
typedef float (*GiCallF2) (guint64, guint64);
typedef float (*GiCallF3) (guint64, guint64, guint64);
typedef float (*GiCallF4) (guint64, guint64, guint64, guint64);
typedef float (*GiCallF5) (guint64, guint64, guint64, guint64, guint64);
typedef float (*GiCallF6) (guint64, guint64, guint64, guint64, guint64,
                           guint64);

#define GI_CALL_N(T, fn, n, a)                                              \
  ((n) == 0   ? ((T##0) (fn)) ()                                             \
   : (n) == 1 ? ((T##1) (fn)) (a[0])                                         \
   : (n) == 2 ? ((T##2) (fn)) (a[0], a[1])                                   \
   : (n) == 3 ? ((T##3) (fn)) (a[0], a[1], a[2])                             \
   : (n) == 4 ? ((T##4) (fn)) (a[0], a[1], a[2], a[3])                       \
   : (n) == 5 ? ((T##5) (fn)) (a[0], a[1], a[2], a[3], a[4])                 \
              : ((T##6) (fn)) (a[0], a[1], a[2], a[3], a[4], a[5]))

/* A scalar argument widened to 64 bits as its C type extends (invoke_fast
 * widens strings, enums and objects itself). */
static inline guint64
widen (GITypeTag tag, const GIArgument *a)
{
  switch (tag)
    {
    case GI_TYPE_TAG_BOOLEAN:
      return (guint64) (gint64) a->v_boolean;
    case GI_TYPE_TAG_INT8:
      return (guint64) (gint64) a->v_int8;
    case GI_TYPE_TAG_UINT8:
      return a->v_uint8;
    case GI_TYPE_TAG_INT16:
      return (guint64) (gint64) a->v_int16;
    case GI_TYPE_TAG_UINT16:
      return a->v_uint16;
    case GI_TYPE_TAG_INT32:
      return (guint64) (gint64) a->v_int32;
    case GI_TYPE_TAG_UINT32:
      return a->v_uint32;
    default:
      /* 64-bit integers and GTypes. */
      return a->v_uint64;
    }
}

static void
direct_call (GiFunc *f, guint n, const guint64 *a, GIArgument *ret)
{
  gpointer fn = f->invoker.native_address;
  GITypeTag tag = f->ret.tag;
  if (tag == GI_TYPE_TAG_DOUBLE)
    ret->v_double = GI_CALL_N (GiCallD, fn, n, a);
  else if (tag == GI_TYPE_TAG_FLOAT)
    ret->v_float = GI_CALL_N (GiCallF, fn, n, a);
  else
    {
      guint64 r = GI_CALL_N (GiCall, fn, n, a);
      /* Narrowed to the return type; enums and flags are ints, objects
         pointers. */
      switch (tag)
        {
        case GI_TYPE_TAG_BOOLEAN:
          ret->v_boolean = (gboolean) (gint32) r;
          break;
        case GI_TYPE_TAG_INT8:
          ret->v_int8 = (gint8) r;
          break;
        case GI_TYPE_TAG_UINT8:
          ret->v_uint8 = (guint8) r;
          break;
        case GI_TYPE_TAG_INT16:
          ret->v_int16 = (gint16) r;
          break;
        case GI_TYPE_TAG_UINT16:
          ret->v_uint16 = (guint16) r;
          break;
        case GI_TYPE_TAG_INT32:
          ret->v_int32 = (gint32) r;
          break;
        case GI_TYPE_TAG_UINT32:
          ret->v_uint32 = (guint32) r;
          break;
        case GI_TYPE_TAG_INTERFACE:
          if (f->ret.iface_type == GI_INFO_TYPE_ENUM
              || f->ret.iface_type == GI_INFO_TYPE_FLAGS)
            ret->v_int32 = (gint32) r;
          else
            ret->v_pointer = (gpointer) (guintptr) r;
          break;
        case GI_TYPE_TAG_UTF8:
          ret->v_pointer = (gpointer) (guintptr) r;
          break;
        default:
          /* 64-bit integers and GTypes; nothing for void. */
          ret->v_uint64 = r;
          break;
        }
    }
}

/* The quick path of gi_func_invoke (see fast_kind); NULL with an
 * exception pending, or with none when it declined (a conversion
 * failed, which the general path repeats to name the argument). */
static GsValue *
invoke_fast (GsContext *ctx, GiFunc *f, gpointer instance, GsValue **argv,
             gboolean *declined)
{
  guint n = f->n_args;
  GIArgument args[GI_FAST_MAX_ARGS];
  guint64 wide[GI_FAST_MAX_ARGS];
  gpointer ffi_args[GI_FAST_MAX_ARGS];
  char *strings[GI_FAST_MAX_ARGS];
  guint n_strings = 0;
  GIArgument self;
  guint k = 0;
  GiCleanups none;
  none.n = 0;
  none.more = NULL;
  if (f->is_method)
    {
      self.v_pointer = instance;
      wide[k] = (guint64) (guintptr) instance;
      ffi_args[k++] = &self;
    }
  for (guint i = 0; i < n; i++)
    {
      const GiArgPlan *p = &f->args[i];
      GIArgument *a = &args[i];
      GsValue *v = argv[p->js_index];
      if (p->tag == GI_TYPE_TAG_UTF8)
        {
          /* Only the callee reads it: freed below. */
          if (gs_value_is_string (v))
            a->v_string = strings[n_strings++] = gs_value_dup_string (v);
          else if (!gs_value_is_null (v) && !gs_value_is_undefined (v))
            goto decline;
          else if (!p->nullable)
            goto decline;
          else
            a->v_string = NULL;
          wide[k] = (guint64) (guintptr) a->v_string;
        }
      else
        {
          if (!gi_arg_from_js (ctx, p, "argument", v, a, &none))
            goto decline;
          if (p->tag == GI_TYPE_TAG_INTERFACE)
            wide[k] = (p->iface_type == GI_INFO_TYPE_ENUM
                       || p->iface_type == GI_INFO_TYPE_FLAGS)
                          ? (guint64) (gint64) a->v_int
                          : (guint64) (guintptr) a->v_pointer;
          else
            wide[k] = widen (p->tag, a);
        }
      ffi_args[k++] = a;
    }
  GIArgument ret;
  if (f->fast == GI_FAST_DIRECT)
    direct_call (f, k, wide, &ret);
  else
    {
      GIFFIReturnValue ffi_ret;
      ffi_ret.v_uint64 = 0;
      ffi_call (&f->invoker.cif, FFI_FN (f->invoker.native_address),
                &ffi_ret, ffi_args);
      gi_type_tag_extract_ffi_return_value (
          f->ret.tag,
          f->ret.tag == GI_TYPE_TAG_INTERFACE ? f->ret.iface_type
                                              : GI_INFO_TYPE_INVALID,
          &ffi_ret, &ret);
    }
  for (guint i = 0; i < n_strings; i++)
    g_free (strings[i]);
  if (f->ret.tag == GI_TYPE_TAG_VOID)
    return gs_value_new_undefined (ctx);
  return gi_arg_to_js (ctx, &f->ret, &ret, -1);

decline:
  /* gi_arg_from_js takes no cleanups for these types. */
  g_assert (none.n == 0);
  for (guint i = 0; i < n_strings; i++)
    g_free (strings[i]);
  if (gs_context_has_exception (ctx))
    gs_context_take_exception (ctx);
  *declined = TRUE;
  return NULL;
}

GsValue *
gi_func_invoke (GsContext *ctx, GiFunc *f, gpointer instance, guint argc,
                GsValue **argv)
{
  if (!f->prepared && !gi_func_prepare (ctx, f))
    return NULL;
  if (G_UNLIKELY (f->makes_widget)
      && !gi_gtk_check_initialized (ctx, f->makes_widget))
    return NULL;
  if (f->fast != GI_FAST_NONE && argc >= f->n_js_in)
    {
      gboolean declined = FALSE;
      GsValue *r = invoke_fast (ctx, f, instance, argv, &declined);
      if (!declined)
        return r;
    }
  if (argc < f->n_js_in)
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "Too few arguments to %s: expected %u, "
                                   "got %u",
                                   f->name, f->n_js_in, argc);
  if (f->is_vfunc)
    {
      /* Chaining up from a class made in script: the implementation of
         the nearest class that was not. */
      GType implementor = G_TYPE_FROM_INSTANCE (instance);
      while (implementor && gi_subclass_is_script (implementor))
        implementor = g_type_parent (implementor);
      GError *err = NULL;
      gpointer address = g_vfunc_info_get_address ((GIVFuncInfo *) f->info,
                                                   implementor, &err);
      if (!address)
        {
          GsValue *e = gs_context_throw_error (
              ctx, GS_ERROR_TYPE, "%s has no implementation in %s: %s",
              f->name, g_type_name (implementor),
              err ? err->message : "none");
          g_clear_error (&err);
          return e;
        }
      if (address != f->vfunc_address || !f->invoker_ready)
        {
          if (f->invoker_ready)
            g_function_invoker_destroy (&f->invoker);
          f->invoker_ready = FALSE;
          if (!g_function_invoker_new_for_address (
                  address, (GICallableInfo *) f->info, &f->invoker, &err))
            {
              GsValue *e = gs_context_throw_error (ctx, GS_ERROR_ERROR,
                                                   "Cannot call %s: %s",
                                                   f->name, err->message);
              g_error_free (err);
              return e;
            }
          f->invoker_ready = TRUE;
          f->vfunc_address = address;
        }
    }
  guint n = f->n_args;
  GIArgument *in = g_newa (GIArgument, n + 1);
  GIArgument *out = g_newa (GIArgument, n + 1);
  gpointer *ffi_args = g_newa (gpointer, n + 2);
  GiCleanups cleanups;
  cleanups.n = 0;
  cleanups.more = NULL;
  GIArgument self;
  GError *error = NULL;
  gpointer error_ptr = &error;
  guint k = 0;

  if (f->is_method)
    {
      self.v_pointer = instance;
      if (f->instance_transfer == GI_TRANSFER_EVERYTHING
          && G_IS_OBJECT (instance))
        g_object_ref (instance);
      ffi_args[k++] = &self;
    }
  /* Cleared first: converting an array sets its length argument, which
     may come later in the list. */
  memset (in, 0, sizeof (GIArgument) * (n + 1));
  memset (out, 0, sizeof (GIArgument) * (n + 1));
  for (guint i = 0; i < n; i++)
    {
      GiArgPlan *p = &f->args[i];
      ffi_args[k++] = &in[i];
      if (p->dir == GI_DIRECTION_OUT)
        {
          if (p->caller_allocates && p->tag == GI_TYPE_TAG_INTERFACE)
            in[i].v_pointer = g_malloc0 (struct_size (p));
          else if (p->caller_allocates && p->tag == GI_TYPE_TAG_ARRAY)
            {
              /* The caller passes the buffer: only a fixed size says how
                 big (anything else would let C write past it). */
              if (p->fixed_size <= 0 || !p->elem)
                {
                  gi_cleanups_run (&cleanups);
                  for (guint j = 0; j < i; j++)
                    if (f->args[j].dir == GI_DIRECTION_OUT
                        && f->args[j].caller_allocates)
                      g_free (in[j].v_pointer);
                  g_autofree char *what = arg_what (f, i);
                  return gs_context_throw_error (
                      ctx, GS_ERROR_TYPE,
                      "%s cannot be called from script: the caller must "
                      "allocate %s, and its size is unknown",
                      f->name, what);
                }
              out[i].v_pointer = g_malloc0 (
                  (gsize) p->fixed_size * gi_type_tag_size (p->elem->tag));
              in[i].v_pointer = out[i].v_pointer;
            }
          else
            in[i].v_pointer = &out[i];
          continue;
        }
      GIArgument *target = &in[i];
      if (p->dir == GI_DIRECTION_INOUT && inout_struct (p))
        {
          /* A struct changed in place: C takes a pointer to a copy of
             the JS value's, which comes back as the result. */
          GiClassRec *kr = gi_class_for_info (ctx, p->iface);
          gpointer mem = kr ? gi_boxed_from_js (ctx, argv[p->js_index], kr,
                                                f->name)
                            : NULL;
          if (!mem)
            {
              gi_cleanups_run (&cleanups);
              if (!gs_context_has_exception (ctx))
                gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                        "%s: a struct is required", f->name);
              return NULL;
            }
          in[i].v_pointer = out[i].v_pointer = g_memdup2 (mem,
                                                          struct_size (p));
          continue;
        }
      if (p->dir == GI_DIRECTION_INOUT)
        {
          in[i].v_pointer = &out[i];
          target = &out[i];
        }
      if (p->length_of >= 0 || p->closure_of >= 0)
        continue;
      GsValue *v = argv[p->js_index];
      gboolean ok;
      if (is_struct_arg (p) && !p->is_pointer)
        {
          /* libffi would need the struct's layout to pass it by value;
             girepository describes such an argument as a pointer. */
          gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                  "structs passed by value are not "
                                  "supported");
          ok = FALSE;
        }
      else if (p->tag == GI_TYPE_TAG_INTERFACE
          && p->iface_type == GI_INFO_TYPE_CALLBACK)
        {
          ok = TRUE;
          if (gs_value_is_null (v) || gs_value_is_undefined (v))
            {
              if (!p->nullable)
                {
                  /* (The throw returns NULL: ok must be set apart.) */
                  gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                          "the callback may not be null");
                  ok = FALSE;
                }
            }
          else
            {
              gboolean notified = p->scope == GI_SCOPE_TYPE_NOTIFIED
                                  && p->destroy_arg >= 0;
              GiCallback *cb = gi_callback_new (
                  ctx, p, v, notified && f->callbacks_are_work);
              ok = cb != NULL;
              if (cb)
                {
                  target->v_pointer = gi_callback_native (cb);
                  if (p->closure_arg >= 0)
                    in[p->closure_arg].v_pointer = cb;
                  if (notified)
                    in[p->destroy_arg].v_pointer = gi_callback_destroy_notify;
                  if (p->scope == GI_SCOPE_TYPE_CALL)
                    gi_cleanups_add (&cleanups,
                                     (GDestroyNotify) gi_callback_free, cb);
                }
            }
        }
      else if (p->tag == GI_TYPE_TAG_ARRAY && p->length_arg >= 0)
        {
          gsize len;
          ok = gi_arg_array_from_js (ctx, p, "array argument", v, target,
                                     &len, &cleanups);
          if (ok)
            {
              GiArgPlan *lp = &f->args[p->length_arg];
              GIArgument *la = lp->dir == GI_DIRECTION_IN
                                   ? &in[p->length_arg]
                                   : &out[p->length_arg];
              /* Arrays sharing one length must agree on it. */
              for (guint j = 0; j < i && ok; j++)
                if (f->args[j].tag == GI_TYPE_TAG_ARRAY
                    && f->args[j].length_arg == p->length_arg
                    && f->args[j].dir != GI_DIRECTION_OUT
                    && length_of_arg (lp->tag, la) != (gssize) len)
                  {
                    gs_context_throw_error (
                        ctx, GS_ERROR_TYPE,
                        "Arrays sharing one length differ in length: %zd "
                        "and %zu",
                        length_of_arg (lp->tag, la), len);
                    ok = FALSE;
                  }
              if (ok)
                set_length_arg (lp->tag, la, len);
            }
        }
      else
        {
          /* The plan's name is made only for an error message. */
          ok = gi_arg_from_js (ctx, p, "argument", v, target, &cleanups);
        }
      if (!ok)
        {
          /* Say which argument failed: rethrow with its name. */
          GsValue *e = gs_context_take_exception (ctx);
          g_autofree char *msg = e ? gs_value_to_string (ctx, e) : NULL;
          g_autofree char *what = arg_what (f, i);
          gi_cleanups_run (&cleanups);
          for (guint j = 0; j < i; j++)
            if (f->args[j].dir == GI_DIRECTION_OUT
                && f->args[j].caller_allocates)
              g_free (in[j].v_pointer);
          if (msg && g_str_has_prefix (msg, "TypeError: "))
            return gs_context_throw_error (ctx, GS_ERROR_TYPE, "%s (%s)",
                                           msg + 11, what);
          if (msg && g_str_has_prefix (msg, "RangeError: "))
            return gs_context_throw_error (ctx, GS_ERROR_RANGE, "%s (%s)",
                                           msg + 12, what);
          if (e)
            gs_context_throw (ctx, e);
          return NULL;
        }
    }
  if (f->throws)
    ffi_args[k++] = &error_ptr;

  GIFFIReturnValue ffi_ret;
  ffi_ret.v_uint64 = 0;
  ffi_call (&f->invoker.cif, FFI_FN (f->invoker.native_address), &ffi_ret,
            ffi_args);
  GIArgument ret;
  gi_type_tag_extract_ffi_return_value (f->ret.tag,
                                        f->ret.tag == GI_TYPE_TAG_INTERFACE
                                            ? f->ret.iface_type
                                            : GI_INFO_TYPE_INVALID,
                                        &ffi_ret, &ret);

  if (error)
    {
      gi_cleanups_run (&cleanups);
      for (guint i = 0; i < n; i++)
        if ((f->args[i].dir == GI_DIRECTION_OUT && f->args[i].caller_allocates)
            || (f->args[i].dir == GI_DIRECTION_INOUT
                && inout_struct (&f->args[i])))
          g_free (in[i].v_pointer);
      gi_error_throw (ctx, error);
      return NULL;
    }

  /* The results. */
  GsValue *result = NULL, *array = NULL;
  guint n_results = 0;
  gboolean failed = FALSE;
  if (f->n_js_out > 1)
    {
      array = gs_value_new_array (ctx, 0);
      if (!array)
        failed = TRUE;
    }
  if (!failed && f->n_js_out > 0 && !f->skip_return
      && (f->ret.tag != GI_TYPE_TAG_VOID || f->ret.is_pointer))
    {
      gssize len = -1;
      if (f->ret.tag == GI_TYPE_TAG_ARRAY && f->ret.length_arg >= 0)
        {
          GiArgPlan *lp = &f->args[f->ret.length_arg];
          len = length_of_arg (lp->tag, lp->dir == GI_DIRECTION_IN
                                            ? &in[f->ret.length_arg]
                                            : &out[f->ret.length_arg]);
        }
      result = gi_arg_to_js (ctx, &f->ret, &ret, len);
      if (!result)
        failed = TRUE;
      else if (array)
        gs_object_set_index (ctx, array, n_results, result);
      n_results++;
    }
  for (guint i = 0; i < n && !failed; i++)
    {
      GiArgPlan *p = &f->args[i];
      if (p->dir == GI_DIRECTION_IN || p->length_of >= 0
          || p->closure_of >= 0)
        continue;
      GsValue *v;
      if ((p->dir == GI_DIRECTION_OUT && p->caller_allocates
           && p->tag == GI_TYPE_TAG_INTERFACE)
          || (p->dir == GI_DIRECTION_INOUT && inout_struct (p)))
        {
          GiClassRec *kr = p->gtype == G_TYPE_VALUE
                               ? NULL
                               : gi_class_for_info (ctx, p->iface);
          if (p->gtype == G_TYPE_VALUE)
            {
              /* A GValue C filled in: its value. */
              GValue *gv = in[i].v_pointer;
              v = G_IS_VALUE (gv) ? gi_value_to_js (ctx, gv)
                                  : gs_value_new_undefined (ctx);
              gi_value_free (gv);
            }
          else
            v = kr ? gi_boxed_wrap (ctx, kr, in[i].v_pointer, FALSE, TRUE)
                   : NULL;
          /* The wrapper frees it as the bridge allocated it. */
          if (v && kr)
            ((GiBoxed *) gs_object_get_native (v, gi.boxed_class))->slice
                = TRUE;
        }
      else
        {
          gssize len = -1;
          if (p->tag == GI_TYPE_TAG_ARRAY && p->length_arg >= 0)
            {
              GiArgPlan *lp = &f->args[p->length_arg];
              len = length_of_arg (lp->tag, lp->dir == GI_DIRECTION_IN
                                                ? &in[p->length_arg]
                                                : &out[p->length_arg]);
            }
          v = gi_arg_to_js (ctx, p, &out[i], len);
          if (p->caller_allocates && p->tag == GI_TYPE_TAG_ARRAY
              && p->transfer == GI_TRANSFER_NOTHING)
            g_free (out[i].v_pointer);
        }
      if (!v)
        {
          failed = TRUE;
          break;
        }
      result = v;
      if (array)
        gs_object_set_index (ctx, array, n_results, v);
      n_results++;
    }
  gi_cleanups_run (&cleanups);
  if (failed)
    return NULL;
  if (array)
    return array;
  return result ? result : gs_value_new_undefined (ctx);
}

/* ------------------------------------------------------------------ */
/* The JS side                                                         */
/* ------------------------------------------------------------------ */

/* The instance a method is called on, checked against its type. */
static gpointer
instance_of_this (GsContext *ctx, GiFunc *f, GsValue *self)
{
  switch (f->container_type)
    {
    case GI_INFO_TYPE_OBJECT:
    case GI_INFO_TYPE_INTERFACE:
      {
        GiObject *o = gs_object_get_native (self, gi.object_class);
        if (!o)
          {
            gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                    "%s called on an object that is not a "
                                    "GObject",
                                    f->name);
            return NULL;
          }
        if (!o->gobj)
          {
            gi_toggle_throw_gone (ctx, o);
            return NULL;
          }
        if (f->container_gtype != G_TYPE_NONE
            && !G_TYPE_CHECK_INSTANCE_TYPE (o->gobj, f->container_gtype))
          {
            gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                    "%s called on a %s, which is not a %s",
                                    f->name, gi_type_js_name (o->gtype),
                                    gi_type_js_name (f->container_gtype));
            return NULL;
          }
        return o->gobj;
      }
    case GI_INFO_TYPE_STRUCT:
    case GI_INFO_TYPE_BOXED:
    case GI_INFO_TYPE_UNION:
      {
        GIBaseInfo *container = g_base_info_get_container (
            (GIBaseInfo *) f->info);
        GiClassRec *k = gi_class_for_info (ctx, container);
        if (!k)
          return NULL;
        gpointer mem = gi_boxed_from_js (ctx, self, k, f->name);
        if (!mem && !gs_context_has_exception (ctx))
          gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                  "%s called on null", f->name);
        return mem;
      }
    default:
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "%s: methods of this kind of type are not "
                              "supported",
                              f->name);
      return NULL;
    }
}

static GsValue *
func_native (GsContext *ctx, const GsCallbackInfo *info)
{
  GiFunc *f = gi_data_get (info);
  if (!f->prepared && !gi_func_prepare (ctx, f))
    return NULL;
  gpointer instance = NULL;
  if (f->is_method)
    {
      instance = instance_of_this (ctx, f, gs_callback_info_get_this (info));
      if (!instance)
        return NULL;
    }
  guint argc = gs_callback_info_get_n_args (info);
  GsValue **argv = g_newa (GsValue *, argc + 1);
  for (guint i = 0; i < argc; i++)
    argv[i] = gs_callback_info_get_arg (info, i);
  return gi_func_invoke (ctx, f, instance, argc, argv);
}

/* The number of arguments a script passes: without out arguments and
 * the hidden ones (array lengths, user data, destroy notifiers).  Read
 * from the introspection data without preparing the function. */
static guint
js_length (GICallableInfo *ci)
{
  gint n = g_callable_info_get_n_args (ci);
  gboolean *hidden = g_newa (gboolean, n + 1);
  memset (hidden, 0, sizeof (gboolean) * (n + 1));
  for (gint i = 0; i < n; i++)
    {
      GIArgInfo ai;
      GITypeInfo ti;
      g_callable_info_load_arg (ci, i, &ai);
      g_arg_info_load_type (&ai, &ti);
      gint c = g_arg_info_get_closure (&ai), d = g_arg_info_get_destroy (&ai);
      if (c >= 0 && c < n && c != i)
        hidden[c] = TRUE;
      if (d >= 0 && d < n && d != i)
        hidden[d] = TRUE;
      if (g_type_info_get_tag (&ti) == GI_TYPE_TAG_ARRAY)
        {
          gint l = g_type_info_get_array_length (&ti);
          if (l >= 0 && l < n)
            hidden[l] = TRUE;
        }
    }
  guint count = 0;
  for (gint i = 0; i < n; i++)
    {
      GIArgInfo ai;
      g_callable_info_load_arg (ci, i, &ai);
      if (!hidden[i] && g_arg_info_get_direction (&ai) != GI_DIRECTION_OUT)
        count++;
    }
  return count;
}

GsValue *
gi_func_make_js (GsContext *ctx, GiFunc *f)
{
  GsValue *data = gi_data_new (ctx, f);
  if (!data)
    return NULL;
  const char *name = g_base_info_get_name ((GIBaseInfo *) f->info);
  return gs_function_new (ctx, name, js_length ((GICallableInfo *) f->info),
                          func_native, data);
}
