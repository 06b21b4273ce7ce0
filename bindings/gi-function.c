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
      g_function_invoker_destroy (&f->invoker);
    }
  g_base_info_unref (f->info);
  g_free (f->name);
  g_free (f);
}

/* ------------------------------------------------------------------ */
/* Preparing                                                           */
/* ------------------------------------------------------------------ */

gboolean
gi_func_prepare (GsContext *ctx, GiFunc *f)
{
  if (f->prepared)
    return TRUE;
  GError *err = NULL;
  if (!g_function_info_prep_invoker (f->info, &f->invoker, &err))
    {
      gs_context_throw_error (ctx, GS_ERROR_ERROR, "Cannot call %s: %s",
                              f->name, err->message);
      g_error_free (err);
      return FALSE;
    }
  GICallableInfo *ci = (GICallableInfo *) f->info;
  GIFunctionInfoFlags flags = g_function_info_get_flags (f->info);
  f->is_method = (flags & GI_FUNCTION_IS_METHOD) != 0;
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
      GIArgInfo ai;
      g_callable_info_load_arg (ci, (gint) i, &ai);
      GiArgPlan *p = &f->args[i];
      gi_plan_init (p, g_arg_info_get_type (&ai), g_arg_info_get_direction (&ai),
                    g_arg_info_get_ownership_transfer (&ai));
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
          if (c >= 0 && (guint) c < f->n_args && (guint) c != i)
            f->args[c].closure_of = (gint16) i;
          if (d >= 0 && (guint) d < f->n_args && (guint) d != i)
            f->args[d].closure_of = (gint16) i;
        }
    }
  gi_plan_init (&f->ret, g_callable_info_get_return_type (ci),
                GI_DIRECTION_OUT, g_callable_info_get_caller_owns (ci));
  f->ret.nullable = g_callable_info_may_return_null (ci);
  if (f->ret.tag == GI_TYPE_TAG_ARRAY && f->ret.length_arg >= 0
      && (guint) f->ret.length_arg < f->n_args)
    f->args[f->ret.length_arg].length_of = (gint16) f->n_args;

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

/* The name of argument i, for messages. */
static char *
arg_what (GiFunc *f, guint i)
{
  GIArgInfo ai;
  g_callable_info_load_arg ((GICallableInfo *) f->info, (gint) i, &ai);
  return g_strdup_printf ("argument '%s' of %s",
                          g_base_info_get_name ((GIBaseInfo *) &ai), f->name);
}

GsValue *
gi_func_invoke (GsContext *ctx, GiFunc *f, gpointer instance, guint argc,
                GsValue **argv)
{
  if (!gi_func_prepare (ctx, f))
    return NULL;
  if (argc < f->n_js_in)
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "Too few arguments to %s: expected %u, "
                                   "got %u",
                                   f->name, f->n_js_in, argc);
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
          else
            in[i].v_pointer = &out[i];
          continue;
        }
      GIArgument *target = &in[i];
      if (p->dir == GI_DIRECTION_INOUT)
        {
          in[i].v_pointer = &out[i];
          target = &out[i];
        }
      if (p->length_of >= 0 || p->closure_of >= 0)
        continue;
      GsValue *v = argv[p->js_index];
      gboolean ok;
      if (p->tag == GI_TYPE_TAG_ARRAY && p->length_arg >= 0)
        {
          gsize len;
          ok = gi_arg_array_from_js (ctx, p, "array argument", v, target,
                                     &len, &cleanups);
          if (ok)
            {
              GiArgPlan *lp = &f->args[p->length_arg];
              set_length_arg (lp->tag,
                              lp->dir == GI_DIRECTION_IN ? &in[p->length_arg]
                                                         : &out[p->length_arg],
                              len);
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
        if (f->args[i].dir == GI_DIRECTION_OUT && f->args[i].caller_allocates)
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
      if (p->dir == GI_DIRECTION_OUT && p->caller_allocates
          && p->tag == GI_TYPE_TAG_INTERFACE)
        {
          GiClassRec *kr = gi_class_for_info (ctx, p->iface);
          v = kr ? gi_boxed_wrap (ctx, kr, in[i].v_pointer, FALSE, TRUE)
                 : NULL;
          /* The wrapper frees it as the bridge allocated it. */
          if (v)
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
  if (!gi_func_prepare (ctx, f))
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

GsValue *
gi_func_make_js (GsContext *ctx, GiFunc *f)
{
  GsValue *data = gi_data_new (ctx, f);
  if (!data)
    return NULL;
  const char *name = g_base_info_get_name ((GIBaseInfo *) f->info);
  return gs_function_new (ctx, name,
                          (guint) g_callable_info_get_n_args (
                              (GICallableInfo *) f->info),
                          func_native, data);
}
