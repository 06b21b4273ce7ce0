/* gi-object.c — GObject classes as JS constructors, and their wrappers.
 *
 * Each introspected class gets a record (GiClassRec, kept as qdata on
 * its GType), a prototype that inherits its parent class's, and a
 * constructor whose own prototype is the parent's constructor, so that
 * `Gtk.Button.prototype instanceof Gtk.Widget` and static inheritance
 * hold as in GJS.  Prototypes are filled when the class is first used:
 * an accessor for every property the class installs (under its
 * snake_case, camelCase and canonical names), and a native function for
 * every method of the class and of the interfaces it declares.  The
 * functions are prepared on their first call only.
 *
 * A type with no introspection data (a private subclass) uses its
 * nearest introspected ancestor's record.
 *
 * Wrappers are native objects of gi.object_class whose native pointer is
 * the object's GiObject record (gi-toggle.c says how they own it).  The
 * record is found from the GObject through qdata, so an object has one
 * wrapper for its whole life.
 */
#include "config.h"

#include "gi-private.h"

#include <string.h>

guint gi_generation;
static GQuark class_quark;
static GHashTable *records_by_name; /* js_name → GiClassRec, for structs */

void
gi_object_class_init (void)
{
  if (!class_quark)
    class_quark = g_quark_from_static_string ("gscript-gi-class");
  /* Records of an earlier installation are forgotten. */
  if (records_by_name)
    g_hash_table_destroy (records_by_name);
  records_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  gi_generation++;
}

const char *
gi_type_js_name (GType t)
{
  GiClassRec *k = t ? g_type_get_qdata (t, class_quark) : NULL;
  if (k && k->gtype == t && k->generation == gi_generation)
    return k->js_name;
  return t ? g_type_name (t) : "(invalid type)";
}

/* ------------------------------------------------------------------ */
/* Records                                                             */
/* ------------------------------------------------------------------ */

GsValue *
gi_class_constructor (GsContext *ctx, GiClassRec *k)
{
  return gs_persistent_get (k->ctor);
}

GsValue *
gi_class_prototype (GsContext *ctx, GiClassRec *k)
{
  return gs_persistent_get (k->proto);
}

static GiClassRec *
record_new (GIBaseInfo *info, GType gtype)
{
  GiClassRec *k = g_new0 (GiClassRec, 1);
  k->info = g_base_info_ref (info);
  k->gtype = gtype;
  k->js_name = gi_repo_js_name (info);
  k->generation = gi_generation;
  g_ptr_array_add (gi.classes, k);
  if (gtype != G_TYPE_NONE)
    g_type_set_qdata (gtype, class_quark, k);
  g_hash_table_insert (records_by_name, k->js_name, k);
  return k;
}

/* Sets up a record made just now, or forgets it on failure. */
static gboolean
record_fill (GsContext *ctx, GiClassRec *k)
{
  GIInfoType type = g_base_info_get_type (k->info);
  GsValue *proto = NULL, *ctor = NULL;
  switch (type)
    {
    case GI_INFO_TYPE_OBJECT:
      {
        GType parent_type = g_type_parent (k->gtype);
        GsValue *parent_proto = NULL;
        if (k->gtype != G_TYPE_OBJECT)
          {
            if (!parent_type)
              {
                gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                        "%s is not a GObject class: "
                                        "fundamental types are not "
                                        "supported",
                                        k->js_name);
                return FALSE;
              }
            k->parent = gi_class_for_gtype (ctx, parent_type);
            if (!k->parent)
              return FALSE;
            parent_proto = gi_class_prototype (ctx, k->parent);
          }
        k->abstract = g_object_info_get_abstract ((GIObjectInfo *) k->info);
        GTypeQuery q;
        g_type_query (k->gtype, &q);
        k->size = q.instance_size;
        /* GObject.Object.prototype inherits Object.prototype, as every
           class's prototype chain ends there in JS. */
        proto = parent_proto
                    ? gs_value_new_object_with_prototype (ctx, parent_proto)
                    : gs_value_new_object (ctx);
        if (!proto)
          return FALSE;
        k->proto = gs_persistent_new (gi.rt, proto);
        if (k->gtype == G_TYPE_OBJECT && !gi_object_install_base (ctx, proto))
          return FALSE;
        if (!gi_object_fill_prototype (ctx, k, proto))
          return FALSE;
        ctor = gi_object_make_constructor (ctx, k, proto);
        if (!ctor)
          return FALSE;
        break;
      }
    case GI_INFO_TYPE_INTERFACE:
      {
        k->is_interface = TRUE;
        proto = gs_value_new_object (ctx);
        if (!proto)
          return FALSE;
        k->proto = gs_persistent_new (gi.rt, proto);
        ctor = gs_value_new_object (ctx);
        if (!ctor
            || !gs_object_define_property (ctx, ctor, "prototype", proto,
                                           GS_PROPERTY_DONTENUM
                                               | GS_PROPERTY_READONLY)
            || !gs_object_define_property (ctx, ctor, "$gtype",
                                           gi_gtype_to_js (ctx, k->gtype),
                                           GS_PROPERTY_DONTENUM
                                               | GS_PROPERTY_READONLY)
            || !gi_class_add_functions (ctx, k, k->info, ctor, proto))
          return FALSE;
        /* `x instanceof Gtk.Orientable` asks the type system. */
        GsValue *helper = gs_persistent_get (gi.has_instance);
        GsValue *check = gs_function_new (ctx, "[Symbol.hasInstance]", 1,
                                          gi_object_iface_has_instance,
                                          NULL);
        GsValue *args[] = { ctor, check };
        if (!check || !gs_function_call (ctx, helper, NULL, 2, args))
          return FALSE;
        break;
      }
    case GI_INFO_TYPE_STRUCT:
    case GI_INFO_TYPE_BOXED:
    case GI_INFO_TYPE_UNION:
      {
        k->is_boxed = TRUE;
        proto = gs_value_new_object (ctx);
        if (!proto)
          return FALSE;
        k->proto = gs_persistent_new (gi.rt, proto);
        if (!gi_boxed_fill_prototype (ctx, k, proto))
          return FALSE;
        ctor = gi_boxed_make_constructor (ctx, k, proto);
        if (!ctor)
          return FALSE;
        break;
      }
    default:
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "%s: this kind of type is not supported",
                              k->js_name);
      return FALSE;
    }
  k->ctor = gs_persistent_new (gi.rt, ctor);
  return TRUE;
}

GiClassRec *
gi_class_for_info (GsContext *ctx, GIBaseInfo *info)
{
  GType gtype = G_TYPE_NONE;
  GIInfoType type = g_base_info_get_type (info);
  switch (type)
    {
    case GI_INFO_TYPE_OBJECT:
    case GI_INFO_TYPE_INTERFACE:
    case GI_INFO_TYPE_STRUCT:
    case GI_INFO_TYPE_BOXED:
    case GI_INFO_TYPE_UNION:
      gtype = g_registered_type_info_get_g_type (
          (GIRegisteredTypeInfo *) info);
      break;
    default:
      break;
    }
  if (gtype == G_TYPE_INVALID)
    gtype = G_TYPE_NONE;
  GiClassRec *k = NULL;
  if (gtype != G_TYPE_NONE)
    k = g_type_get_qdata (gtype, class_quark);
  if (k && k->generation != gi_generation)
    k = NULL;
  if (!k)
    {
      g_autofree char *name = gi_repo_js_name (info);
      k = g_hash_table_lookup (records_by_name, name);
    }
  if (k)
    {
      if (!k->ctor)
        {
          /* Asked for while it is being made (a method of a struct
             returning the struct): the prototype exists already. */
          if (k->proto)
            return k;
          gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                  "%s could not be set up", k->js_name);
          return NULL;
        }
      return k;
    }
  k = record_new (info, gtype);
  if (!record_fill (ctx, k))
    return NULL;
  return k;
}

GiClassRec *
gi_class_for_gtype (GsContext *ctx, GType gtype)
{
  GiClassRec *k = g_type_get_qdata (gtype, class_quark);
  if (k && k->generation == gi_generation && (k->ctor || k->proto))
    return k;
  GIBaseInfo *info = g_irepository_find_by_gtype (gi.repo, gtype);
  if (info)
    {
      k = gi_class_for_info (ctx, info);
      g_base_info_unref (info);
      return k;
    }
  /* No introspection data (a private class such as GLocalFile): a
     prototype of its own that inherits its parent's and adds the
     methods of the interfaces it implements and its parent does not.
     Interfaces and boxed types have no parent to ask. */
  GType parent = g_type_parent (gtype);
  if (!parent || G_TYPE_IS_INTERFACE (gtype)
      || !g_type_is_a (gtype, G_TYPE_OBJECT))
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "No introspection information for %s",
                              g_type_name (gtype));
      return NULL;
    }
  GiClassRec *pk = gi_class_for_gtype (ctx, parent);
  if (!pk)
    return NULL;
  GsValue *proto = gs_value_new_object_with_prototype (
      ctx, gi_class_prototype (ctx, pk));
  if (!proto)
    return NULL;
  k = g_new0 (GiClassRec, 1);
  *k = *pk;
  k->info = g_base_info_ref (pk->info);
  k->gtype = gtype;
  k->parent = pk;
  k->js_name = g_strdup (g_type_name (gtype));
  k->proto = gs_persistent_new (gi.rt, proto);
  k->ctor = gs_persistent_new (gi.rt, gi_class_constructor (ctx, pk));
  g_ptr_array_add (gi.classes, k);
  g_type_set_qdata (gtype, class_quark, k);
  guint n = 0;
  GType *ifaces = g_type_interfaces (gtype, &n);
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < n; i++)
    {
      if (g_type_is_a (parent, ifaces[i]))
        continue;
      GIBaseInfo *ii = g_irepository_find_by_gtype (gi.repo, ifaces[i]);
      if (!ii)
        continue;
      ok = gi_class_add_functions (ctx, k, ii, NULL, proto);
      g_base_info_unref (ii);
    }
  g_free (ifaces);
  return ok ? k : NULL;
}

GiClassRec *
gi_class_register_script (GsContext *ctx, GType gtype, GiClassRec *parent,
                          GsValue *ctor, GsValue *proto)
{
  GiClassRec *k = g_new0 (GiClassRec, 1);
  k->info = g_base_info_ref (parent->info);
  k->gtype = gtype;
  k->parent = parent;
  k->js_name = g_strdup (g_type_name (gtype));
  k->generation = gi_generation;
  GTypeQuery q;
  g_type_query (gtype, &q);
  k->size = q.instance_size;
  k->proto = gs_persistent_new (gi.rt, proto);
  k->ctor = gs_persistent_new (gi.rt, ctor);
  g_ptr_array_add (gi.classes, k);
  g_type_set_qdata (gtype, class_quark, k);
  return k;
}

/* ------------------------------------------------------------------ */
/* Functions of a class                                                */
/* ------------------------------------------------------------------ */

/* Methods the bridge defines itself, or that must not be called from
 * script (reference counting): GI methods of these names are left
 * out. */
static gboolean
reserved_method (const char *name)
{
  static const char *const names[] = {
    "destroy", "connect", "connect_after", "disconnect", "emit", "ref",
    "unref", "ref_sink", "force_floating", "weak_ref", "weak_unref",
    "add_toggle_ref", "remove_toggle_ref", "set_data", "get_data",
    "steal_data", "set_qdata", "get_qdata", "steal_qdata", "watch_closure",
    "toString", "get_property", "set_property", "_init", NULL
  };
  for (int i = 0; names[i]; i++)
    if (strcmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
gi_define_method (GsContext *ctx, GsValue *object, const char *name,
                  guint length, GsNativeFunc fn, GsValue *data)
{
  GsValue *f = gs_function_new (ctx, name, length, fn, data);
  return f && gs_object_define_property (ctx, object, name, f,
                                         GS_PROPERTY_DONTENUM);
}

static guint
n_methods (GIBaseInfo *info)
{
  switch (g_base_info_get_type (info))
    {
    case GI_INFO_TYPE_OBJECT:
      return (guint) g_object_info_get_n_methods ((GIObjectInfo *) info);
    case GI_INFO_TYPE_INTERFACE:
      return (guint) g_interface_info_get_n_methods (
          (GIInterfaceInfo *) info);
    case GI_INFO_TYPE_STRUCT:
    case GI_INFO_TYPE_BOXED:
      return (guint) g_struct_info_get_n_methods ((GIStructInfo *) info);
    case GI_INFO_TYPE_UNION:
      return (guint) g_union_info_get_n_methods ((GIUnionInfo *) info);
    case GI_INFO_TYPE_ENUM:
    case GI_INFO_TYPE_FLAGS:
      return (guint) g_enum_info_get_n_methods ((GIEnumInfo *) info);
    default:
      return 0;
    }
}

static GIFunctionInfo *
get_method (GIBaseInfo *info, guint i)
{
  switch (g_base_info_get_type (info))
    {
    case GI_INFO_TYPE_OBJECT:
      return g_object_info_get_method ((GIObjectInfo *) info, (gint) i);
    case GI_INFO_TYPE_INTERFACE:
      return g_interface_info_get_method ((GIInterfaceInfo *) info, (gint) i);
    case GI_INFO_TYPE_STRUCT:
    case GI_INFO_TYPE_BOXED:
      return g_struct_info_get_method ((GIStructInfo *) info, (gint) i);
    case GI_INFO_TYPE_UNION:
      return g_union_info_get_method ((GIUnionInfo *) info, (gint) i);
    case GI_INFO_TYPE_ENUM:
    case GI_INFO_TYPE_FLAGS:
      return g_enum_info_get_method ((GIEnumInfo *) info, (gint) i);
    default:
      return NULL;
    }
}

gboolean
gi_class_add_functions (GsContext *ctx, GiClassRec *k, GIBaseInfo *info,
                        GsValue *ctor, GsValue *proto)
{
  g_autofree char *prefix = gi_repo_js_name (info);
  guint n = n_methods (info);
  for (guint i = 0; i < n; i++)
    {
      GIFunctionInfo *fi = get_method (info, i);
      const char *name = g_base_info_get_name ((GIBaseInfo *) fi);
      gboolean method = (g_function_info_get_flags (fi)
                         & GI_FUNCTION_IS_METHOD) != 0;
      GsValue *target = method ? proto : ctor;
      gboolean ok = TRUE;
      if (target && !(method && reserved_method (name))
          && !gs_object_has_own_property (ctx, target, name))
        {
          GiFunc *f = gi_func_new (fi, prefix);
          GsValue *fn = gi_func_make_js (ctx, f);
          ok = fn && gs_object_define_property (ctx, target, name, fn,
                                                GS_PROPERTY_DONTENUM);
        }
      g_base_info_unref (fi);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Properties                                                          */
/* ------------------------------------------------------------------ */

static GiObject *
this_object (GsContext *ctx, const GsCallbackInfo *info, const char *what)
{
  GiObject *o = gs_object_get_native (gs_callback_info_get_this (info),
                                      gi.object_class);
  if (!o)
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "%s: the object is not a GObject wrapper",
                              what);
      return NULL;
    }
  if (!o->gobj)
    {
      gi_toggle_throw_gone (ctx, o);
      return NULL;
    }
  return o;
}

GiObject *
gi_object_this (GsContext *ctx, const GsCallbackInfo *info,
                const char *method)
{
  return this_object (ctx, info, method);
}

/* A property's value, read through GObject. */
static GsValue *
read_pspec (GsContext *ctx, GObject *obj, GParamSpec *pspec)
{
  GValue v = G_VALUE_INIT;
  g_value_init (&v, pspec->value_type);
  g_object_get_property (obj, pspec->name, &v);
  GsValue *r = gi_value_to_js (ctx, &v);
  g_value_unset (&v);
  return r;
}

/* Sets a property through GObject; what names it in a conversion
 * error.  Returns undefined, or NULL with the exception pending. */
static GsValue *
write_pspec (GsContext *ctx, GObject *obj, GParamSpec *pspec, GsValue *value,
             const char *what)
{
  GValue v = G_VALUE_INIT;
  g_value_init (&v, pspec->value_type);
  if (!gi_value_from_js (ctx, &v, value, what))
    {
      g_value_unset (&v);
      return NULL;
    }
  g_object_set_property (obj, pspec->name, &v);
  g_value_unset (&v);
  return gs_value_new_undefined (ctx);
}

static GsValue *
prop_get (GsContext *ctx, const GsCallbackInfo *info)
{
  GiProp *p = gs_object_get_native (gs_callback_info_get_data (info),
                                    gi.prop_class);
  GiObject *o = this_object (ctx, info, p->pspec->name);
  if (!o)
    return NULL;
  if (p->getter)
    return gi_func_invoke (ctx, p->getter, o->gobj, 0, NULL);
  return read_pspec (ctx, o->gobj, p->pspec);
}

static GsValue *
prop_set (GsContext *ctx, const GsCallbackInfo *info)
{
  GiProp *p = gs_object_get_native (gs_callback_info_get_data (info),
                                    gi.prop_class);
  GiObject *o = this_object (ctx, info, p->pspec->name);
  if (!o)
    return NULL;
  if (!(p->pspec->flags & G_PARAM_WRITABLE)
      || (p->pspec->flags & G_PARAM_CONSTRUCT_ONLY))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "Property %s of %s is %s", p->pspec->name,
                                   gi_type_js_name (o->gtype),
                                   (p->pspec->flags & G_PARAM_WRITABLE)
                                       ? "construct-only"
                                       : "read-only");
  g_autofree char *what = g_strdup_printf ("property %s", p->pspec->name);
  return write_pspec (ctx, o->gobj, p->pspec,
                      gs_callback_info_get_arg (info, 0), what);
}

/* The GIR getter of a property, if it can serve reads: a method with
 * no other argument that returns the value. */
static GiFunc *
property_getter (GsContext *ctx, GIObjectInfo *info, GParamSpec *pspec,
                 const char *prefix)
{
  gint n = g_object_info_get_n_properties (info);
  for (gint i = 0; i < n; i++)
    {
      GIPropertyInfo *pi = g_object_info_get_property (info, i);
      gboolean same = strcmp (g_base_info_get_name ((GIBaseInfo *) pi),
                              pspec->name)
                      == 0;
      GIFunctionInfo *g = same ? g_property_info_get_getter (pi) : NULL;
      g_base_info_unref (pi);
      if (same && !g)
        return NULL;
      if (!g)
        continue;
      GiFunc *f = gi_func_new (g, prefix);
      g_base_info_unref (g);
      if (!gi_func_prepare (ctx, f) || f->n_js_in != 0 || f->n_js_out != 1
          || f->container_gtype == G_TYPE_NONE)
        {
          gs_context_take_exception (ctx);
          return NULL;
        }
      return f;
    }
  return NULL;
}

gboolean
gi_object_define_pspec_accessors (GsContext *ctx, GsValue *proto,
                                  GiClassRec *k, GParamSpec *pspec)
{
  GiProp *p = g_new0 (GiProp, 1);
  p->pspec = g_param_spec_ref (pspec);
  if ((pspec->flags & G_PARAM_READABLE) && k->info
      && g_base_info_get_type (k->info) == GI_INFO_TYPE_OBJECT
      && pspec->owner_type == g_registered_type_info_get_g_type (
             (GIRegisteredTypeInfo *) k->info))
    p->getter = property_getter (ctx, (GIObjectInfo *) k->info, pspec,
                                 k->js_name);
  GsValue *data = gs_object_new_native (ctx, gi.prop_class, NULL, p);
  if (!data)
    return FALSE;
  GsValue *get = gs_function_new (ctx, pspec->name, 0, prop_get, data);
  GsValue *set = gs_function_new (ctx, pspec->name, 1, prop_set, data);
  if (!get || !set)
    return FALSE;
  g_autofree char *snake = gi_name_to_snake (pspec->name);
  g_autofree char *camel = gi_name_to_camel (pspec->name);
  const char *names[] = { snake, camel, pspec->name };
  for (int i = 0; i < 3; i++)
    {
      if (i > 0 && strcmp (names[i], names[0]) == 0)
        continue;
      if (i == 2 && strcmp (names[2], names[1]) == 0)
        continue;
      if (!gs_object_define_accessor (ctx, proto, names[i], get, set,
                                      GS_PROPERTY_DONTENUM))
        return FALSE;
    }
  return TRUE;
}

gboolean
gi_object_fill_prototype (GsContext *ctx, GiClassRec *k, GsValue *proto)
{
  /* Properties first: a method of the same name wins, as in GJS. */
  GObjectClass *klass = g_type_class_ref (k->gtype);
  guint n = 0;
  GParamSpec **pspecs = g_object_class_list_properties (klass, &n);
  gboolean ok = TRUE;
  GType parent = g_type_parent (k->gtype);
  for (guint i = 0; ok && i < n; i++)
    {
      /* The class's own properties, and those of interfaces that it is
         the first in its line to implement (an interface's properties
         belong to the interface's type). */
      GType owner = pspecs[i]->owner_type;
      if (owner == k->gtype
          || (G_TYPE_IS_INTERFACE (owner)
              && !(parent && g_type_is_a (parent, owner))))
        ok = gi_object_define_pspec_accessors (ctx, proto, k, pspecs[i]);
    }
  g_free (pspecs);
  if (!ok)
    return FALSE;
  /* Methods, overwriting the accessors of the same names. */
  GIObjectInfo *info = (GIObjectInfo *) k->info;
  gint nm = g_object_info_get_n_methods (info);
  for (gint i = 0; i < nm; i++)
    {
      GIFunctionInfo *fi = g_object_info_get_method (info, i);
      const char *name = g_base_info_get_name ((GIBaseInfo *) fi);
      if ((g_function_info_get_flags (fi) & GI_FUNCTION_IS_METHOD)
          && !reserved_method (name))
        {
          GiFunc *f = gi_func_new (fi, k->js_name);
          GsValue *fn = gi_func_make_js (ctx, f);
          ok = fn && gs_object_define_property (ctx, proto, name, fn,
                                                GS_PROPERTY_DONTENUM);
        }
      g_base_info_unref (fi);
      if (!ok)
        return FALSE;
    }
  /* Virtual functions, as vfunc_NAME: called on an instance of a class
     made in script, they run the nearest implementation in C, which is
     what `super.vfunc_NAME ()` wants. */
  gint nv = g_object_info_get_n_vfuncs (info);
  for (gint i = 0; ok && i < nv; i++)
    {
      GIVFuncInfo *vi = g_object_info_get_vfunc (info, i);
      g_autofree char *name = g_strconcat ("vfunc_",
                                           g_base_info_get_name (vi), NULL);
      if (!gs_object_has_own_property (ctx, proto, name))
        {
          GiFunc *f = gi_func_new ((GIFunctionInfo *) vi, k->js_name);
          g_free (f->name);
          f->name = g_strdup_printf ("%s.%s", k->js_name, name);
          GsValue *fn = gi_func_make_js (ctx, f);
          ok = fn && gs_object_define_property (ctx, proto, name, fn,
                                                GS_PROPERTY_DONTENUM);
        }
      g_base_info_unref (vi);
    }
  /* The methods of the interfaces the class declares, unless the class
     has one of the same name. */
  gint ni = g_object_info_get_n_interfaces (info);
  for (gint i = 0; ok && i < ni; i++)
    {
      GIInterfaceInfo *ii = g_object_info_get_interface (info, i);
      ok = gi_class_add_functions (ctx, k, (GIBaseInfo *) ii, NULL, proto);
      g_base_info_unref (ii);
    }
  return ok;
}

/* ------------------------------------------------------------------ */
/* Constructors                                                        */
/* ------------------------------------------------------------------ */

/* Finds the property named by a JS key: "use_underline", "useUnderline"
 * and "use-underline" all name use-underline. */
static GParamSpec *
find_pspec (GObjectClass *klass, const char *key)
{
  GParamSpec *p = g_object_class_find_property (klass, key);
  if (p)
    return p;
  g_autofree char *canon = gi_name_to_snake (key);
  for (char *c = canon; *c; c++)
    if (*c == '_')
      *c = '-';
  return g_object_class_find_property (klass, canon);
}

/* Makes a GObject of gtype from a properties object. */
static GObject *
new_with_properties (GsContext *ctx, GType gtype, GsValue *props)
{
  if (gs_value_is_undefined (props) || gs_value_is_null (props))
    return g_object_new_with_properties (gtype, 0, NULL, NULL);
  if (!gs_value_is_object (props))
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "%s: the argument must be an object of "
                              "properties",
                              gi_type_js_name (gtype));
      return NULL;
    }
  g_auto (GStrv) keys = gs_object_dup_keys (ctx, props);
  if (!keys)
    return NULL;
  guint n = g_strv_length (keys);
  GObjectClass *klass = g_type_class_ref (gtype);
  const char **names = g_newa (const char *, n + 1);
  GValue *values = g_newa (GValue, n + 1);
  memset (values, 0, sizeof (GValue) * (n + 1));
  GObject *obj = NULL;
  guint i;
  for (i = 0; i < n; i++)
    {
      GParamSpec *pspec = find_pspec (klass, keys[i]);
      if (!pspec)
        {
          gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                  "No property %s on %s", keys[i],
                                  gi_type_js_name (gtype));
          goto out;
        }
      if (!(pspec->flags & G_PARAM_WRITABLE))
        {
          gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                  "Property %s of %s is read-only", keys[i],
                                  gi_type_js_name (gtype));
          goto out;
        }
      GsValue *v = gs_object_get_property (ctx, props, keys[i]);
      if (!v)
        goto out;
      names[i] = pspec->name;
      g_value_init (&values[i], pspec->value_type);
      /* For messages only: no formatting for each property made. */
      char what[128] = "property ";
      g_strlcat (what, keys[i], sizeof what);
      if (!gi_value_from_js (ctx, &values[i], v, what))
        {
          i++;
          goto out;
        }
    }
  obj = g_object_new_with_properties (gtype, n, names, values);
out:
  for (guint j = 0; j < i && j < n; j++)
    if (G_IS_VALUE (&values[j]))
      g_value_unset (&values[j]);
  g_type_class_unref (klass);
  return obj;
}

static GsValue *wrap_with_proto (GsContext *ctx, GObject *obj,
                                 gboolean transfer_full, GsValue *proto);

/* Gives an empty wrapper (made before its object, for _init and for the
 * instance_init of classes registered from script) its object, whose
 * reference the caller passes if owned. */
GsValue *
gi_object_bind_wrapper (GsContext *ctx, GObject *obj, gboolean owned,
                        GsValue *wrapper)
{
  if (g_object_is_floating (obj))
    {
      g_object_ref_sink (obj);
      owned = TRUE;
    }
  GiObject *o = gi_object_peek (obj);
  if (o)
    {
      /* Bound already, by a registered class's instance_init. */
      if (owned)
        g_object_unref (obj);
      return wrapper;
    }
  GiClassRec *k = gi_class_for_gtype (ctx, G_OBJECT_TYPE (obj));
  if (!k)
    {
      if (owned)
        g_object_unref (obj);
      return NULL;
    }
  o = gi_toggle_attach (obj, k, owned);
  gs_object_set_native (wrapper, gi.object_class, o);
  o->live_wrappers++;
  o->wrapper = gs_persistent_new (gi.rt, wrapper);
  gs_persistent_set_weak (o->wrapper, NULL, NULL);
  o->external = gi_object_external_size (obj, k);
  gs_object_set_external_size (wrapper, gi.object_class, o->external);
  return wrapper;
}

/* Objects being constructed for a wrapper, innermost last: the
 * instance_init of a class registered from script finds its wrapper
 * here. */
static GPtrArray *constructing; /* GiConstructing* */

GiConstructing *
gi_object_constructing (void)
{
  return constructing && constructing->len
             ? g_ptr_array_index (constructing, constructing->len - 1)
             : NULL;
}

/* Makes the GObject of an empty wrapper: the type from the wrapper's
 * constructor, the properties from props. */
static gboolean
construct_into (GsContext *ctx, GsValue *wrapper, GType gtype,
                GsValue *props)
{
  GiConstructing c = { gtype, wrapper, FALSE };
  if (!constructing)
    constructing = g_ptr_array_new ();
  g_ptr_array_add (constructing, &c);
  GObject *obj = new_with_properties (ctx, gtype, props);
  g_ptr_array_remove_index (constructing, constructing->len - 1);
  if (!obj)
    return FALSE;
  /* An initially unowned object that is not floating was sunk by its own
     constructor (a GtkWindow, which GTK's toplevel list owns): the
     reference g_object_new returned is not ours. */
  gboolean owned = !(G_IS_INITIALLY_UNOWNED (obj)
                     && !g_object_is_floating (obj));
  return gi_object_bind_wrapper (ctx, obj, owned, wrapper) != NULL;
}

/* The GType a constructor stands for: its own $gtype. */
static GType
ctor_gtype (GsContext *ctx, GsValue *ctor)
{
  GsValue *t = gs_object_get_property (ctx, ctor, "$gtype");
  if (t && gs_value_is_number (t))
    return (GType) gs_value_get_number (t);
  return G_TYPE_INVALID;
}

static GsValue *base_init (GsContext *ctx, const GsCallbackInfo *info);

static GsValue *
object_ctor (GsContext *ctx, const GsCallbackInfo *info)
{
  GiClassRec *k = gi_data_get (info);
  /* Objects whose wrappers died are released before more are made, so a
     script that makes many in a loop does not keep them all until it
     returns (a native call from script may run their finalizers). */
  gs_runtime_run_finalizers (gi.rt);
  GsValue *nt = gs_callback_info_get_new_target (info);
  if (gs_value_is_undefined (nt))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "Constructor called as normal method. "
                                   "Use 'new %s()' to construct an object",
                                   k->js_name);
  /* A subclass made in script stands for its own GType if it was
     registered, else for the nearest one it inherits. */
  /* `new Gtk.Label ()` itself: the type and the prototype are the
     record's (a constructor's prototype property cannot change), with no
     lookup by name. */
  gboolean own = gs_value_strict_equals (nt, gi_class_constructor (ctx, k));
  GType gtype = own ? k->gtype : ctor_gtype (ctx, nt);
  if (!gtype || !g_type_is_a (gtype, k->gtype))
    gtype = k->gtype;
  if (G_TYPE_IS_ABSTRACT (gtype))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "Cannot instantiate abstract class %s",
                                   gi_type_js_name (gtype));
  if (!gi_gtk_check_initialized (ctx, gtype))
    return NULL;
  GsValue *proto = own ? gi_class_prototype (ctx, k)
                       : gs_object_get_property (ctx, nt, "prototype");
  if (!proto)
    return NULL;
  GsValue *wrapper = gs_object_new_native (
      ctx, gi.object_class, gs_value_is_object (proto) ? proto : NULL, NULL);
  if (!wrapper)
    return NULL;
  /* GJS's classes may construct in _init, calling super._init (props):
     an _init of their own runs with the arguments and must reach the
     base _init, which makes the object. */
  GsValue *init = gs_object_get_property (ctx, wrapper, "_init");
  if (!init)
    return NULL;
  if (gs_value_is_function (init) && !gi_is_base_init (init))
    {
      guint argc = gs_callback_info_get_n_args (info);
      GsValue **argv = g_newa (GsValue *, argc + 1);
      for (guint i = 0; i < argc; i++)
        argv[i] = gs_callback_info_get_arg (info, i);
      if (!gs_function_call (ctx, init, wrapper, argc, argv))
        return NULL;
      if (!gs_object_get_native (wrapper, gi.object_class))
        return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                       "%s._init did not call super._init",
                                       gi_type_js_name (gtype));
      return wrapper;
    }
  if (!construct_into (ctx, wrapper, gtype, gs_callback_info_get_arg (info, 0)))
    return NULL;
  return wrapper;
}

/* GObject.Object.prototype._init (props): makes the object of a wrapper
 * that has none yet. */
static GsValue *
base_init (GsContext *ctx, const GsCallbackInfo *info)
{
  GsValue *self = gs_callback_info_get_this (info);
  if (gs_object_get_class (self) != gi.object_class)
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "_init called on an object that is not a "
                                   "GObject wrapper");
  if (gs_object_get_native (self, gi.object_class))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "_init called on an object that is "
                                   "constructed already");
  GsValue *ctor = gs_object_get_property (ctx, self, "constructor");
  if (!ctor)
    return NULL;
  GType gtype = gs_value_is_object (ctor) ? ctor_gtype (ctx, ctor)
                                          : G_TYPE_INVALID;
  if (!gtype || !g_type_is_a (gtype, G_TYPE_OBJECT))
    gtype = G_TYPE_OBJECT;
  if (G_TYPE_IS_ABSTRACT (gtype))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "Cannot instantiate abstract class %s",
                                   gi_type_js_name (gtype));
  if (!construct_into (ctx, self, gtype, gs_callback_info_get_arg (info, 0)))
    return NULL;
  return gs_value_new_undefined (ctx);
}

gboolean
gi_is_base_init (GsValue *fn)
{
  return gi.base_init
         && gs_value_strict_equals (fn, gs_persistent_get (gi.base_init));
}

GsValue *
gi_object_make_constructor (GsContext *ctx, GiClassRec *k, GsValue *proto)
{
  GsValue *data = gi_data_new (ctx, k);
  const char *name = g_base_info_get_name (k->info);
  GsValue *ctor = data ? gs_constructor_new (ctx, name, 1, object_ctor, data,
                                             proto)
                       : NULL;
  if (!ctor
      || !gs_object_define_property (ctx, ctor, "$gtype",
                                     gi_gtype_to_js (ctx, k->gtype),
                                     GS_PROPERTY_DONTENUM
                                         | GS_PROPERTY_READONLY))
    return NULL;
  if (k->parent
      && !gs_object_set_prototype (ctx, ctor,
                                   gi_class_constructor (ctx, k->parent)))
    return NULL;
  if (!gi_class_add_functions (ctx, k, k->info, ctor, NULL))
    return NULL;
  return ctor;
}

/* ------------------------------------------------------------------ */
/* Wrappers                                                            */
/* ------------------------------------------------------------------ */

static GsValue *
wrap_with_proto (GsContext *ctx, GObject *obj, gboolean transfer_full,
                 GsValue *proto)
{
  if (!obj)
    return gs_value_new_null (ctx);
  /* A floating reference becomes the wrapper's (sinking it does not add
     one: the floating reference is the one the wrapper now owns). */
  if (g_object_is_floating (obj))
    {
      g_object_ref_sink (obj);
      transfer_full = TRUE;
    }
  GiObject *o = gi_object_peek (obj);
  if (o && o->wrapper && !gs_persistent_is_empty (o->wrapper))
    {
      if (transfer_full)
        g_object_unref (obj);
      return gs_persistent_get (o->wrapper);
    }
  if (!o)
    {
      GiClassRec *k = gi_class_for_gtype (ctx, G_OBJECT_TYPE (obj));
      if (!k)
        {
          if (transfer_full)
            g_object_unref (obj);
          return NULL;
        }
      o = gi_toggle_attach (obj, k, transfer_full);
    }
  else if (transfer_full)
    /* A record whose old wrapper died and waits to be finalized: the
       record keeps its reference; this one is not needed. */
    g_object_unref (obj);
  GsValue *w = gs_object_new_native (ctx, gi.object_class,
                                     proto ? proto
                                           : gi_class_prototype (ctx,
                                                                 o->klass),
                                     o);
  if (!w)
    return NULL;
  o->live_wrappers++;
  if (o->wrapper)
    gs_persistent_free (o->wrapper);
  o->wrapper = gs_persistent_new (gi.rt, w);
  gs_persistent_set_weak (o->wrapper, NULL, NULL);
  /* Each wrapper counts the object's memory; a dead one's count went
     with it. */
  o->external = gi_object_external_size (obj, o->klass);
  gs_object_set_external_size (w, gi.object_class, o->external);
  return w;
}

gssize
gi_object_external_size (GObject *obj, GiClassRec *k)
{
  /* What the collector is told an object costs outside the heap, so
     that wrappers of big objects are collected often enough.  GTK
     objects own far more than their instance structs: a widget, with
     its CSS node, accessible and render data, about 8 KiB (a label
     measured so). */
  if (gi_gtk.loaded && G_TYPE_CHECK_INSTANCE_TYPE (obj, gi_gtk.widget_type))
    return 8192;
  /* Images hold their pixels: a texture about four bytes a pixel, a
     pixbuf its rows.  Their types are known once their libraries are
     loaded (their GTypes registered). */
  static GType texture_type, pixbuf_type;
  if (!texture_type)
    texture_type = g_type_from_name ("GdkTexture");
  if (!pixbuf_type)
    pixbuf_type = g_type_from_name ("GdkPixbuf");
  gssize base = (gssize) k->size + 512;
  int a = 0, b = 0;
  if (texture_type && G_TYPE_CHECK_INSTANCE_TYPE (obj, texture_type))
    {
      g_object_get (obj, "width", &a, "height", &b, NULL);
      return base + (gssize) a * b * 4;
    }
  if (pixbuf_type && G_TYPE_CHECK_INSTANCE_TYPE (obj, pixbuf_type))
    {
      g_object_get (obj, "rowstride", &a, "height", &b, NULL);
      return base + (gssize) a * b;
    }
  return base;
}

GsValue *
gi_object_wrap (GsContext *ctx, GObject *obj, gboolean transfer_full)
{
  return wrap_with_proto (ctx, obj, transfer_full, NULL);
}

GObject *
gi_object_from_js (GsContext *ctx, GsValue *v, GType gtype, const char *what)
{
  if (gs_value_is_null (v) || gs_value_is_undefined (v))
    return NULL;
  GiObject *o = gs_object_get_native (v, gi.object_class);
  if (!o)
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "Expected an object of type %s for %s",
                              gtype ? gi_type_js_name (gtype) : "GObject",
                              what);
      return NULL;
    }
  if (!o->gobj)
    {
      gi_toggle_throw_gone (ctx, o);
      return NULL;
    }
  if (gtype && gtype != G_TYPE_NONE
      && !G_TYPE_CHECK_INSTANCE_TYPE (o->gobj, gtype))
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "Expected an object of type %s for %s but "
                              "got a %s",
                              gi_type_js_name (gtype), what,
                              gi_type_js_name (o->gtype));
      return NULL;
    }
  return o->gobj;
}

/* ------------------------------------------------------------------ */
/* GObject.Object.prototype                                            */
/* ------------------------------------------------------------------ */

static GsValue *
object_to_string (GsContext *ctx, const GsCallbackInfo *info)
{
  GiObject *o = gs_object_get_native (gs_callback_info_get_this (info),
                                      gi.object_class);
  if (!o)
    return gs_value_new_string (ctx, "[object GObject prototype]", -1);
  g_autofree char *s
      = o->gobj ? g_strdup_printf ("[object instance wrapper GIName:%s "
                                   "native@%p]",
                                   gi_type_js_name (o->gtype), o->gobj)
                : g_strdup_printf ("[object instance wrapper GIName:%s "
                                   "(released)]",
                                   gi_type_js_name (o->gtype));
  return gs_value_new_string (ctx, s, -1);
}

GsValue *
gi_object_iface_has_instance (GsContext *ctx, const GsCallbackInfo *info)
{
  GsValue *t = gs_object_get_property (ctx, gs_callback_info_get_this (info),
                                       "$gtype");
  if (!t)
    return NULL;
  GiObject *o = gs_object_get_native (gs_callback_info_get_arg (info, 0),
                                      gi.object_class);
  gboolean is = o && o->gobj && gs_value_is_number (t)
                && G_TYPE_CHECK_INSTANCE_TYPE (o->gobj,
                                               (GType) gs_value_get_number (t));
  return gs_value_new_boolean (ctx, is);
}

/* obj.get_property (name) and obj.set_property (name, value), by name
 * (GObject's own take a GValue, which scripts have no use for). */
static GsValue *
object_get_property (GsContext *ctx, const GsCallbackInfo *info)
{
  GiObject *o = gi_object_this (ctx, info, "get_property");
  if (!o)
    return NULL;
  g_autofree char *name = gs_value_to_string (
      ctx, gs_callback_info_get_arg (info, 0));
  if (!name)
    return NULL;
  GParamSpec *pspec = find_pspec (G_OBJECT_GET_CLASS (o->gobj), name);
  if (!pspec || !(pspec->flags & G_PARAM_READABLE))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "No readable property %s on %s", name,
                                   gi_type_js_name (o->gtype));
  return read_pspec (ctx, o->gobj, pspec);
}

static GsValue *
object_set_property (GsContext *ctx, const GsCallbackInfo *info)
{
  GiObject *o = gi_object_this (ctx, info, "set_property");
  if (!o)
    return NULL;
  g_autofree char *name = gs_value_to_string (
      ctx, gs_callback_info_get_arg (info, 0));
  if (!name)
    return NULL;
  GParamSpec *pspec = find_pspec (G_OBJECT_GET_CLASS (o->gobj), name);
  if (!pspec || !(pspec->flags & G_PARAM_WRITABLE)
      || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "No writable property %s on %s", name,
                                   gi_type_js_name (o->gtype));
  return write_pspec (ctx, o->gobj, pspec, gs_callback_info_get_arg (info, 1),
                      name);
}

gboolean
gi_object_install_base (GsContext *ctx, GsValue *proto)
{
  if (!gi_define_method (ctx, proto, "get_property", 1, object_get_property,
                         NULL)
      || !gi_define_method (ctx, proto, "set_property", 2,
                            object_set_property, NULL))
    return FALSE;
  GsValue *init = gs_function_new (ctx, "_init", 1, base_init, NULL);
  if (!init
      || !gs_object_define_property (ctx, proto, "_init", init,
                                     GS_PROPERTY_DONTENUM))
    return FALSE;
  if (gi.base_init)
    gs_persistent_free (gi.base_init);
  gi.base_init = gs_persistent_new (gi.rt, init);
  return gi_define_method (ctx, proto, "toString", 0, object_to_string, NULL)
         && gi_signal_install (ctx, proto) && gi_destroy_install (ctx, proto);
}
