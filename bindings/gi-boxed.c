/* gi-boxed.c — structs, boxed types and unions.
 *
 * A wrapper of a struct owns its memory (GiBoxed): values that come from
 * C with transfer none are copied (g_boxed_copy, or a shallow copy of a
 * plain struct of known size), so a wrapper never points into memory
 * someone else frees.  Fields are accessors on the prototype; methods
 * are prepared functions like an object's.
 *
 * `new GLib.MainLoop(null, false)` calls the type's constructor named
 * "new" with the arguments, as GJS does; a type without one is
 * allocated zeroed, and a properties object sets its fields
 * (`new Gdk.RGBA({red: 1, alpha: 1})`).
 */
#include "config.h"

#include "gi-private.h"

#include <string.h>

void
gi_boxed_finalize (gpointer native)
{
  GiBoxed *b = native;
  if (b->owned && b->mem && b->klass->gtype == G_TYPE_VARIANT)
    g_variant_unref (b->mem);
  else if (b->owned && b->mem)
    {
      /* A GObject.Value the bridge allocated holds what it was set to. */
      if (b->slice && b->klass->gtype == G_TYPE_VALUE
          && G_IS_VALUE ((GValue *) b->mem))
        g_value_unset (b->mem);
      if (b->slice)
        g_free (b->mem);
      else if (G_TYPE_IS_BOXED (b->klass->gtype))
        g_boxed_free (b->klass->gtype, b->mem);
    }
  g_free (b);
}

GsValue *
gi_boxed_wrap (GsContext *ctx, GiClassRec *k, gpointer mem, gboolean copy,
               gboolean owned)
{
  if (!mem)
    return gs_value_new_null (ctx);
  GiBoxed *b = g_new0 (GiBoxed, 1);
  b->klass = k;
  if (k->gtype == G_TYPE_VARIANT)
    {
      /* Reference counted: a reference of the wrapper's own (a floating
         one is sunk). */
      mem = copy ? g_variant_ref_sink (mem) : g_variant_take_ref (mem);
      owned = TRUE;
    }
  else if (copy)
    {
      if (G_TYPE_IS_BOXED (k->gtype))
        {
          mem = g_boxed_copy (k->gtype, mem);
          owned = TRUE;
        }
      else if (k->size)
        {
          mem = g_memdup2 (mem, k->size);
          owned = TRUE;
          b->slice = TRUE;
        }
      else
        owned = FALSE;
    }
  else if (owned && !G_TYPE_IS_BOXED (k->gtype))
    b->slice = TRUE;
  b->mem = mem;
  b->owned = owned;
  GsValue *w = gs_object_new_native (ctx, gi.boxed_class,
                                     gi_class_prototype (ctx, k), b);
  if (!w)
    {
      b->klass = k;
      gi_boxed_finalize (b);
      return NULL;
    }
  /* A GBytes reports the data it holds too. */
  gsize external = owned ? k->size : 0;
  if (k->gtype == G_TYPE_BYTES && mem)
    external += g_bytes_get_size (mem);
  if (external)
    gs_object_set_external_size (w, gi.boxed_class, external);
  return w;
}

void
gi_boxed_detach (GsValue *w, gconstpointer borrowed)
{
  GiBoxed *b = gs_object_get_native (w, gi.boxed_class);
  if (!b || b->owned || !b->mem || b->mem != borrowed)
    return;
  GiClassRec *k = b->klass;
  if (G_TYPE_IS_BOXED (k->gtype))
    b->mem = g_boxed_copy (k->gtype, b->mem);
  else if (k->size)
    {
      b->mem = g_memdup2 (b->mem, k->size);
      b->slice = TRUE;
    }
  else
    {
      /* Nothing says how to copy it: the wrapper forgets it. */
      b->mem = NULL;
      return;
    }
  b->owned = TRUE;
}

gpointer
gi_boxed_from_js (GsContext *ctx, GsValue *v, GiClassRec *k,
                  const char *what)
{
  if (gs_value_is_null (v) || gs_value_is_undefined (v))
    return NULL;
  GiBoxed *b = gs_object_get_native (v, gi.boxed_class);
  if (!b || (b->klass != k
             && !(k->gtype != G_TYPE_NONE && b->klass->gtype == k->gtype)))
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "Expected a %s for %s", k->js_name, what);
      return NULL;
    }
  return b->mem;
}

/* ------------------------------------------------------------------ */
/* Fields                                                              */
/* ------------------------------------------------------------------ */

static GiBoxed *
this_boxed (GsContext *ctx, const GsCallbackInfo *info)
{
  GiBoxed *b = gs_object_get_native (gs_callback_info_get_this (info),
                                     gi.boxed_class);
  if (!b || !b->mem)
    gs_context_throw_error (ctx, GS_ERROR_TYPE,
                            "The object is not a struct wrapper");
  return b && b->mem ? b : NULL;
}

static GsValue *
field_get (GsContext *ctx, const GsCallbackInfo *info)
{
  GIFieldInfo *fi = gi_data_get (info);
  GiBoxed *b = this_boxed (ctx, info);
  if (!b)
    return NULL;
  GIArgument arg;
  GITypeInfo *type = g_field_info_get_type (fi);
  GsValue *r;
  if (g_type_info_get_tag (type) == GI_TYPE_TAG_INTERFACE
      && !g_type_info_is_pointer (type))
    {
      /* An embedded struct: a copy of it. */
      GIBaseInfo *iface = g_type_info_get_interface (type);
      GiClassRec *k = gi_class_for_info (ctx, iface);
      GIInfoType it = g_base_info_get_type (iface);
      g_base_info_unref (iface);
      if (it == GI_INFO_TYPE_ENUM || it == GI_INFO_TYPE_FLAGS)
        goto plain;
      r = k ? gi_boxed_wrap (ctx, k,
                             (guint8 *) b->mem + g_field_info_get_offset (fi),
                             TRUE, TRUE)
            : NULL;
      g_base_info_unref (type);
      return r;
    }
plain:
  if (!g_field_info_get_field (fi, b->mem, &arg))
    {
      g_base_info_unref (type);
      return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                     "Cannot read field %s",
                                     g_base_info_get_name (fi));
    }
  r = gi_arg_type_to_js (ctx, type, GI_TRANSFER_NOTHING, &arg);
  g_base_info_unref (type);
  return r;
}

static GsValue *
field_set (GsContext *ctx, const GsCallbackInfo *info)
{
  GIFieldInfo *fi = gi_data_get (info);
  GiBoxed *b = this_boxed (ctx, info);
  if (!b)
    return NULL;
  if (!(g_field_info_get_flags (fi) & GI_FIELD_IS_WRITABLE))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "Field %s is not writable",
                                   g_base_info_get_name (fi));
  GITypeInfo *type = g_field_info_get_type (fi);
  GIArgument arg;
  GiCleanups cleanups = { 0 };
  gboolean ok = gi_arg_type_from_js (ctx, type, GI_TRANSFER_NOTHING,
                                     g_base_info_get_name (fi),
                                     gs_callback_info_get_arg (info, 0), &arg,
                                     &cleanups);
  if (ok && !g_field_info_set_field (fi, b->mem, &arg))
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "Cannot write field %s of this type",
                              g_base_info_get_name (fi));
      ok = FALSE;
    }
  gi_cleanups_run (&cleanups);
  g_base_info_unref (type);
  return ok ? gs_value_new_undefined (ctx) : NULL;
}

static GPtrArray *field_infos; /* every GIFieldInfo accessors use */

static guint
n_fields (GiClassRec *k)
{
  if (g_base_info_get_type (k->info) == GI_INFO_TYPE_UNION)
    return (guint) g_union_info_get_n_fields ((GIUnionInfo *) k->info);
  return (guint) g_struct_info_get_n_fields ((GIStructInfo *) k->info);
}

static GIFieldInfo *
get_field (GiClassRec *k, guint i)
{
  if (g_base_info_get_type (k->info) == GI_INFO_TYPE_UNION)
    return g_union_info_get_field ((GIUnionInfo *) k->info, (gint) i);
  return g_struct_info_get_field ((GIStructInfo *) k->info, (gint) i);
}

/* GLib.Bytes.prototype.toArray (): its bytes as a Uint8Array. */
static GsValue *
bytes_to_array (GsContext *ctx, const GsCallbackInfo *info)
{
  GiBoxed *b = this_boxed (ctx, info);
  if (!b)
    return NULL;
  gsize n;
  const guint8 *data = g_bytes_get_data (b->mem, &n);
  return gs_value_new_uint8_array (ctx, data, n);
}

gboolean
gi_boxed_fill_prototype (GsContext *ctx, GiClassRec *k, GsValue *proto)
{
  if (k->gtype == G_TYPE_VARIANT
      && !gi_variant_fill (ctx, k, NULL, proto))
    return FALSE;
  if (k->gtype == G_TYPE_BYTES
      && !gi_define_method (ctx, proto, "toArray", 0, bytes_to_array, NULL))
    return FALSE;
  if (g_base_info_get_type (k->info) == GI_INFO_TYPE_UNION)
    k->size = g_union_info_get_size ((GIUnionInfo *) k->info);
  else
    k->size = g_struct_info_get_size ((GIStructInfo *) k->info);
  guint n = n_fields (k);
  for (guint i = 0; i < n; i++)
    {
      GIFieldInfo *fi = get_field (k, i);
      /* The holders of native data are not finalized: the infos stay
         listed, like prepared functions, for the program's life. */
      if (!field_infos)
        field_infos = g_ptr_array_new ();
      g_ptr_array_add (field_infos, fi);
      const char *name = g_base_info_get_name (fi);
      GsValue *data = gi_data_new (ctx, fi);
      GsValue *get = data ? gs_function_new (ctx, name, 0, field_get, data)
                          : NULL;
      GsValue *set = data ? gs_function_new (ctx, name, 1, field_set, data)
                          : NULL;
      /* The field info stays referenced by its accessors' data. */
      if (!get || !set
          || !gs_object_define_accessor (ctx, proto, name, get, set,
                                         GS_PROPERTY_DONTENUM))
        return FALSE;
    }
  return gi_class_add_functions (ctx, k, k->info, NULL, proto);
}

/* ------------------------------------------------------------------ */
/* Constructors                                                        */
/* ------------------------------------------------------------------ */

static GIFunctionInfo *
find_new (GiClassRec *k)
{
  if (g_base_info_get_type (k->info) == GI_INFO_TYPE_UNION)
    return g_union_info_find_method ((GIUnionInfo *) k->info, "new");
  return g_struct_info_find_method ((GIStructInfo *) k->info, "new");
}

static GsValue *
boxed_ctor (GsContext *ctx, const GsCallbackInfo *info)
{
  GiClassRec *k = gi_data_get (info);
  GsValue *nt = gs_callback_info_get_new_target (info);
  if (gs_value_is_undefined (nt))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "Constructor called as normal method. "
                                   "Use 'new %s()'",
                                   k->js_name);
  guint argc = gs_callback_info_get_n_args (info);
  GsValue *arg0 = gs_callback_info_get_arg (info, 0);
  gsize nb;
  gboolean props = argc == 1 && k->size && gs_value_is_object (arg0)
                   && !gs_value_is_array (arg0)
                   && !gs_value_is_function (arg0)
                   && (gs_value_peek_bytes (arg0, &nb), nb == G_MAXSIZE)
                   && !gs_object_get_native (arg0, gi.boxed_class)
                   && !gs_object_get_native (arg0, gi.object_class);
  if (!props && (argc > 0 || !k->size))
    {
      /* The type's own constructor, with the arguments. */
      if (!k->default_ctor)
        {
          GIFunctionInfo *fi = find_new (k);
          if (fi)
            {
              k->default_ctor = gi_func_new (fi, k->js_name);
              g_base_info_unref (fi);
            }
        }
      if (k->default_ctor)
        {
          GsValue **argv = g_newa (GsValue *, argc + 1);
          for (guint i = 0; i < argc; i++)
            argv[i] = gs_callback_info_get_arg (info, i);
          return gi_func_invoke (ctx, k->default_ctor, NULL, argc, argv);
        }
      if (!k->size)
        return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                       "Cannot construct a %s", k->js_name);
    }
  GsValue *w = gi_boxed_wrap (ctx, k, g_malloc0 (k->size), FALSE, TRUE);
  if (!w || gs_value_is_null (w))
    return w;
  ((GiBoxed *) gs_object_get_native (w, gi.boxed_class))->slice = TRUE;
  if (props)
    {
      g_auto (GStrv) keys = gs_object_dup_keys (ctx, arg0);
      if (!keys)
        return NULL;
      for (guint i = 0; keys[i]; i++)
        {
          GsValue *v = gs_object_get_property (ctx, arg0, keys[i]);
          if (!v || !gs_object_set_property (ctx, w, keys[i], v))
            return NULL;
        }
    }
  return w;
}

GsValue *
gi_boxed_make_constructor (GsContext *ctx, GiClassRec *k, GsValue *proto)
{
  GsValue *data = gi_data_new (ctx, k);
  const char *name = g_base_info_get_name (k->info);
  GsValue *ctor = !data                        ? NULL
                  : k->gtype == G_TYPE_VARIANT ? gi_variant_make_constructor (
                                                     ctx, k, proto)
                                               : gs_constructor_new (
                                                     ctx, name, 0, boxed_ctor,
                                                     data, proto);
  if (!ctor)
    return NULL;
  if (k->gtype != G_TYPE_NONE
      && !gs_object_define_property (ctx, ctor, "$gtype",
                                     gi_gtype_to_js (ctx, k->gtype),
                                     GS_PROPERTY_DONTENUM
                                         | GS_PROPERTY_READONLY))
    return NULL;
  if (!gi_class_add_functions (ctx, k, k->info, ctor, NULL))
    return NULL;
  return ctor;
}
