/* gi-subclass.c — GObject classes written in script: registerClass.
 *
 *   const Counter = GObject.registerClass({
 *     GTypeName: 'Counter',
 *     Properties: {
 *       count: GObject.ParamSpec.int('count', 'Count', 'The count',
 *                                    GObject.ParamFlags.READWRITE, 0, 100, 0),
 *     },
 *     Signals: {'changed': {param_types: [GObject.TYPE_INT]}},
 *   }, class Counter extends GObject.Object { ... });
 *
 * registerClass registers a new GType deriving from the parent class's,
 * installs the properties and signals, and makes the JS class the type's
 * constructor and prototype (a GiClassRec like an introspected class's).
 * Constructing (`new Counter(props)`) makes the wrapper first: the type's
 * instance_init finds it (gi_object_constructing) and binds the object
 * to it before instance_init returns, so that property setters run
 * during construction reach the script's accessors.
 *
 * Properties: if the class defines an accessor for a property (under its
 * camelCase or snake_case name), get_property and set_property call it;
 * otherwise the value is kept per object and the bridge's own accessor
 * reads and writes it (notify is emitted as for any property).
 *
 * Virtual functions: a method named vfunc_NAME overrides the virtual
 * function NAME of an ancestor class (found in its introspection data);
 * its closure is stored in the new class's structure, and calls come to
 * the method with the instance as `this` (out arguments are returned, an
 * array if there are several).  `super.vfunc_NAME ()` reaches the
 * ancestor's implementation through the vfunc_NAME of the introspected
 * prototypes.  `Implements: [Gio.ListModel]` adds interfaces the same
 * way: their vfunc_ methods fill the interface's vtable, and their
 * properties the class does not declare are kept per object.
 *
 * Widget templates: Template (GtkBuilder XML, or a resource:/// or
 * file:// URI) with Children and InternalChildren, read as this.name and
 * this._name.  Signal handlers named in a template are the object's
 * methods (gi-gtk.c connects them).
 *
 * Objects C code makes (g_object_new, GtkBuilder) are constructed through
 * the script class too: the constructor vfunc runs `new Class (props)`.
 */
#include "config.h"

#include "gi-private.h"

#include <gio/gio.h>
#include <string.h>

/* A property of a class registered from script. */
typedef struct
{
  GParamSpec *pspec;     /* installed with id = index + 1 */
  GsPersistent *getter;  /* the class's own accessor, or NULL */
  GsPersistent *setter;
} SubProp;

/* A signal to make. */
typedef struct
{
  char *name;
  GSignalFlags flags;
  GType return_type;
  guint n_params;
  GType *params;
} SubSignal;

/* What class_init needs; kept as the type's qdata. */
typedef struct
{
  GType gtype;
  GPtrArray *props;   /* SubProp* */
  GArray *signals;    /* SubSignal */
  GiClassRec *rec;
  GArray *ifaces;     /* GType of each interface implemented */
  GsPersistent *proto;/* the class's prototype, for interface_init */
  GBytes *template_ui;/* a widget template (GtkBuilder XML), or NULL */
  GPtrArray *children;/* template children: "name" */
  GPtrArray *internal_children; /* and internal ones */
} SubInfo;

/* Frees what register_class gathered for a class it could not
 * register (a registered type keeps its SubInfo for its life). */
static void
sub_info_free (SubInfo *si)
{
  for (guint i = 0; i < si->props->len; i++)
    {
      SubProp *sp = g_ptr_array_index (si->props, i);
      if (sp->pspec)
        g_param_spec_unref (sp->pspec);
      if (sp->getter)
        gs_persistent_free (sp->getter);
      if (sp->setter)
        gs_persistent_free (sp->setter);
      g_free (sp);
    }
  g_ptr_array_free (si->props, TRUE);
  for (guint i = 0; i < si->signals->len; i++)
    {
      SubSignal *sig = &g_array_index (si->signals, SubSignal, i);
      g_free (sig->name);
      g_free (sig->params);
    }
  g_array_free (si->signals, TRUE);
  g_array_free (si->ifaces, TRUE);
  gs_persistent_free (si->proto);
  if (si->template_ui)
    g_bytes_unref (si->template_ui);
  if (si->children)
    g_ptr_array_free (si->children, TRUE);
  if (si->internal_children)
    g_ptr_array_free (si->internal_children, TRUE);
  g_free (si);
}

/* What an interface's interface_init needs. */
typedef struct
{
  SubInfo *si;
  GType iface;
} IfaceData;

static GQuark info_quark, values_quark;

static GObject *sub_constructor (GType type, guint n,
                                 GObjectConstructParam *params);

static GsClass *pspec_class;

/* ------------------------------------------------------------------ */
/* ParamSpecs                                                          */
/* ------------------------------------------------------------------ */

static void
pspec_finalize (gpointer native)
{
  g_param_spec_unref (native);
}

static const GsClassInfo pspec_info = {
  .name = "GParamSpec",
  .finalize = pspec_finalize,
};

static GsValue *
wrap_pspec (GsContext *ctx, GParamSpec *p)
{
  g_param_spec_ref_sink (p);
  GsValue *o = gs_object_new_native (ctx, pspec_class, NULL, p);
  if (!o)
    {
      g_param_spec_unref (p);
      return NULL;
    }
  gs_object_set_property (ctx, o, "name", gs_value_new_string (ctx, p->name,
                                                              -1));
  gs_object_set_property (ctx, o, "value_type",
                          gi_gtype_to_js (ctx, p->value_type));
  gs_object_set_property (ctx, o, "flags", gs_value_new_number (ctx,
                                                                p->flags));
  return o;
}

typedef enum
{
  PS_BOOLEAN,
  PS_INT,
  PS_UINT,
  PS_INT64,
  PS_UINT64,
  PS_DOUBLE,
  PS_FLOAT,
  PS_STRING,
  PS_OBJECT,
  PS_ENUM,
  PS_FLAGS,
  PS_BOXED,
  PS_GTYPE,
} PsKind;

static gboolean
arg_number (GsContext *ctx, const GsCallbackInfo *info, guint i, double dflt,
            double *out)
{
  GsValue *v = gs_callback_info_get_arg (info, i);
  if (gs_value_is_undefined (v))
    {
      *out = dflt;
      return TRUE;
    }
  return gs_value_to_number (ctx, v, out);
}

static GsValue *
pspec_new (GsContext *ctx, const GsCallbackInfo *info)
{
  PsKind kind = (PsKind) GPOINTER_TO_INT (gi_data_get (info));
  g_autofree char *name = gs_value_to_string (
      ctx, gs_callback_info_get_arg (info, 0));
  if (!name)
    return NULL;
  GsValue *nick_v = gs_callback_info_get_arg (info, 1);
  GsValue *blurb_v = gs_callback_info_get_arg (info, 2);
  g_autofree char *nick = gs_value_is_string (nick_v)
                              ? gs_value_dup_string (nick_v)
                              : NULL;
  g_autofree char *blurb = gs_value_is_string (blurb_v)
                               ? gs_value_dup_string (blurb_v)
                               : NULL;
  double flags_d;
  if (!arg_number (ctx, info, 3, G_PARAM_READWRITE, &flags_d))
    return NULL;
  GParamFlags flags = (GParamFlags) flags_d;
  if (!g_param_spec_is_valid_name (name))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "'%s' is not a valid property name", name);
  double a = 0, b = 0, c = 0;
  GParamSpec *p = NULL;
  switch (kind)
    {
    case PS_BOOLEAN:
      p = g_param_spec_boolean (name, nick, blurb,
                                gs_value_to_boolean (
                                    gs_callback_info_get_arg (info, 4)),
                                flags);
      break;
    case PS_INT:
    case PS_UINT:
    case PS_INT64:
    case PS_UINT64:
    case PS_DOUBLE:
    case PS_FLOAT:
      if (!arg_number (ctx, info, 4, 0, &a) || !arg_number (ctx, info, 5, 0, &b)
          || !arg_number (ctx, info, 6, 0, &c))
        return NULL;
      switch (kind)
        {
        case PS_INT:
          p = g_param_spec_int (name, nick, blurb, (gint) a, (gint) b,
                                (gint) c, flags);
          break;
        case PS_UINT:
          p = g_param_spec_uint (name, nick, blurb, (guint) a, (guint) b,
                                 (guint) c, flags);
          break;
        case PS_INT64:
          p = g_param_spec_int64 (name, nick, blurb, (gint64) a, (gint64) b,
                                  (gint64) c, flags);
          break;
        case PS_UINT64:
          p = g_param_spec_uint64 (name, nick, blurb, (guint64) a,
                                   (guint64) b, (guint64) c, flags);
          break;
        case PS_DOUBLE:
          p = g_param_spec_double (name, nick, blurb, a, b, c, flags);
          break;
        default:
          p = g_param_spec_float (name, nick, blurb, (float) a, (float) b,
                                  (float) c, flags);
          break;
        }
      break;
    case PS_STRING:
      {
        GsValue *d = gs_callback_info_get_arg (info, 4);
        g_autofree char *dflt = gs_value_is_string (d) ? gs_value_dup_string (d)
                                                       : NULL;
        p = g_param_spec_string (name, nick, blurb, dflt, flags);
        break;
      }
    case PS_OBJECT:
    case PS_BOXED:
    case PS_GTYPE:
      {
        GType t = gi_gtype_from_js (ctx, gs_callback_info_get_arg (info, 4));
        if (!t)
          return NULL;
        if (kind == PS_OBJECT)
          p = g_type_is_a (t, G_TYPE_OBJECT) || G_TYPE_IS_INTERFACE (t)
                  ? g_param_spec_object (name, nick, blurb, t, flags)
                  : NULL;
        else if (kind == PS_BOXED)
          p = G_TYPE_IS_BOXED (t) ? g_param_spec_boxed (name, nick, blurb, t,
                                                        flags)
                                  : NULL;
        else
          p = g_param_spec_gtype (name, nick, blurb, t, flags);
        break;
      }
    case PS_ENUM:
    case PS_FLAGS:
      {
        GType t = gi_gtype_from_js (ctx, gs_callback_info_get_arg (info, 4));
        if (!t || !arg_number (ctx, info, 5, 0, &a))
          return NULL;
        if (kind == PS_ENUM && G_TYPE_IS_ENUM (t))
          p = g_param_spec_enum (name, nick, blurb, t, (gint) a, flags);
        else if (kind == PS_FLAGS && G_TYPE_IS_FLAGS (t))
          p = g_param_spec_flags (name, nick, blurb, t, (guint) a, flags);
        break;
      }
    }
  if (!p)
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "Cannot make the property '%s' with these "
                                   "arguments",
                                   name);
  return wrap_pspec (ctx, p);
}

static gboolean
install_param_spec (GsContext *ctx, GsValue *gobject_ns)
{
  static const struct
  {
    const char *name;
    PsKind kind;
  } kinds[] = {
    { "boolean", PS_BOOLEAN }, { "int", PS_INT },       { "uint", PS_UINT },
    { "int64", PS_INT64 },     { "uint64", PS_UINT64 }, { "double", PS_DOUBLE },
    { "float", PS_FLOAT },     { "string", PS_STRING }, { "object", PS_OBJECT },
    { "enum", PS_ENUM },       { "flags", PS_FLAGS },   { "boxed", PS_BOXED },
    { "gtype", PS_GTYPE },
  };
  GsValue *ps = gs_value_new_object (ctx);
  if (!ps)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GsValue *data = gi_data_new (ctx, GINT_TO_POINTER (kinds[i].kind));
      if (!data || !gi_define_method (ctx, ps, kinds[i].name, 4, pspec_new,
                                      data))
        return FALSE;
    }
  return gs_object_define_property (ctx, gobject_ns, "ParamSpec", ps,
                                    GS_PROPERTY_DEFAULT);
}

/* ------------------------------------------------------------------ */
/* The type's class and instances                                      */
/* ------------------------------------------------------------------ */

static void
value_free (gpointer p)
{
  g_value_unset (p);
  g_free (p);
}

/* Values of properties that have no accessor in script, per object. */
static GHashTable *
object_values (GObject *obj)
{
  GHashTable *t = g_object_get_qdata (obj, values_quark);
  if (!t)
    {
      t = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                 value_free);
      g_object_set_qdata_full (obj, values_quark, t,
                               (GDestroyNotify) g_hash_table_unref);
    }
  return t;
}

/* The property a set/get_property call is about: by id in the class
 * made in script that installed it (overridden interface properties
 * come with the interface's pspec, so the name is checked too). */
static SubProp *
find_prop (GObject *obj, guint id, GParamSpec *pspec)
{
  for (GType t = G_OBJECT_TYPE (obj); t; t = g_type_parent (t))
    {
      SubInfo *si = g_type_get_qdata (t, info_quark);
      if (!si || id == 0 || id > si->props->len)
        continue;
      SubProp *sp = g_ptr_array_index (si->props, id - 1);
      if (strcmp (sp->pspec->name, pspec->name) == 0)
        return sp;
    }
  return NULL;
}

static void
sub_set_property (GObject *obj, guint id, const GValue *value,
                  GParamSpec *pspec)
{
  SubProp *sp = find_prop (obj, id, pspec);
  if (!sp)
    return;
  GiObject *o = gi_object_peek (obj);
  if (sp->setter && o && o->wrapper && gi.ctx && !gi.shutting_down
      && !gs_persistent_is_empty (o->wrapper))
    {
      GsContext *ctx = gi.ctx;
      GsHandleScope scope;
      gs_handle_scope_open (&scope, gi.rt);
      GsValue *args[1] = { gi_value_to_js (ctx, value) };
      if (!args[0]
          || !gs_function_call (ctx, gs_persistent_get (sp->setter),
                                gs_persistent_get (o->wrapper), 1, args))
        gs_context_report_exception (ctx);
      gs_handle_scope_close (&scope);
      return;
    }
  GValue *copy = g_new0 (GValue, 1);
  g_value_init (copy, G_VALUE_TYPE (value));
  g_value_copy (value, copy);
  g_hash_table_replace (object_values (obj), pspec, copy);
}

static void
sub_get_property (GObject *obj, guint id, GValue *value, GParamSpec *pspec)
{
  SubProp *sp = find_prop (obj, id, pspec);
  if (!sp)
    return;
  GiObject *o = gi_object_peek (obj);
  if (sp->getter && o && o->wrapper && gi.ctx && !gi.shutting_down
      && !gs_persistent_is_empty (o->wrapper))
    {
      GsContext *ctx = gi.ctx;
      GsHandleScope scope;
      gs_handle_scope_open (&scope, gi.rt);
      GsValue *r = gs_function_call (ctx, gs_persistent_get (sp->getter),
                                     gs_persistent_get (o->wrapper), 0, NULL);
      if (!r || !gi_value_from_js (ctx, value, r, pspec->name))
        gs_context_report_exception (ctx);
      gs_handle_scope_close (&scope);
      return;
    }
  GValue *stored = g_hash_table_lookup (object_values (obj), pspec);
  if (stored)
    g_value_copy (stored, value);
  else
    g_param_value_set_default (pspec, value);
}

static void
sub_class_init (gpointer klass, gpointer data)
{
  SubInfo *si = data;
  GObjectClass *oc = klass;
  oc->set_property = sub_set_property;
  oc->get_property = sub_get_property;
  oc->constructor = sub_constructor;
  guint n_own = si->props->len;
  for (guint i = 0; i < n_own; i++)
    {
      SubProp *sp = g_ptr_array_index (si->props, i);
      if (!G_IS_PARAM_SPEC_OVERRIDE (sp->pspec))
        g_object_class_install_property (oc, i + 1, sp->pspec);
      else
        g_object_class_override_property (
            oc, i + 1, g_param_spec_get_redirect_target (sp->pspec)->name);
    }
  if (si->template_ui && gi_gtk.loaded)
    {
      gi_gtk.class_set_template (klass, si->template_ui);
      gi_gtk_set_template_scope (klass);
      for (guint i = 0; i < si->children->len; i++)
        gi_gtk.class_bind_template_child_full (
            klass, g_ptr_array_index (si->children, i), FALSE, 0);
      for (guint i = 0; i < si->internal_children->len; i++)
        gi_gtk.class_bind_template_child_full (
            klass, g_ptr_array_index (si->internal_children, i), TRUE, 0);
    }
}

/* Interface properties the class does not declare are kept per object:
 * their overrides join the class's own properties. */
static void
add_interface_properties (SubInfo *si, GType iface)
{
  gpointer vtable = g_type_default_interface_ref (iface);
  guint n = 0;
  GParamSpec **pspecs = g_object_interface_list_properties (vtable, &n);
  for (guint i = 0; i < n; i++)
    {
      gboolean declared = FALSE;
      for (guint j = 0; j < si->props->len && !declared; j++)
        declared = strcmp (((SubProp *) g_ptr_array_index (si->props, j))
                               ->pspec->name,
                           pspecs[i]->name)
                   == 0;
      if (declared)
        continue;
      SubProp *sp = g_new0 (SubProp, 1);
      sp->pspec = g_param_spec_ref_sink (
          g_param_spec_override (pspecs[i]->name, pspecs[i]));
      g_ptr_array_add (si->props, sp);
    }
  g_free (pspecs);
  g_type_default_interface_unref (vtable);
}

/* Stores the prototype's vfunc_ methods for an interface's virtual
 * functions in its vtable. */
static void
sub_interface_init (gpointer g_iface, gpointer data)
{
  IfaceData *d = data;
  if (!gi.ctx || !d->si->proto)
    return;
  GsContext *ctx = gi.ctx;
  GIBaseInfo *info = g_irepository_find_by_gtype (gi.repo, d->iface);
  if (!info)
    return;
  GIStructInfo *st = g_interface_info_get_iface_struct ((GIInterfaceInfo *)
                                                        info);
  GsHandleScope scope;
  gs_handle_scope_open (&scope, gi.rt);
  GsValue *proto = gs_persistent_get (d->si->proto);
  gint n = g_interface_info_get_n_vfuncs ((GIInterfaceInfo *) info);
  for (gint i = 0; st && i < n; i++)
    {
      GIVFuncInfo *vi = g_interface_info_get_vfunc ((GIInterfaceInfo *) info,
                                                    i);
      g_autofree char *name = g_strconcat ("vfunc_",
                                           g_base_info_get_name (vi), NULL);
      GsValue *fn = gs_object_get_property (ctx, proto, name);
      GIFieldInfo *field = g_struct_info_find_field (
          st, g_base_info_get_name (vi));
      if (fn && gs_value_is_function (fn) && field)
        {
          gpointer native = gi_callback_new_vfunc (ctx, vi, fn);
          if (native)
            *(gpointer *) ((guint8 *) g_iface
                           + g_field_info_get_offset (field))
                = native;
        }
      if (!fn)
        gs_context_report_exception (ctx);
      if (field)
        g_base_info_unref (field);
      g_base_info_unref (vi);
    }
  gs_handle_scope_close (&scope);
  if (st)
    g_base_info_unref (st);
  g_base_info_unref (info);
}

static gboolean
collect_interfaces (GsContext *ctx, GsValue *meta, SubInfo *si)
{
  GsValue *list = gs_object_get_property (ctx, meta, "Implements");
  if (!list)
    return FALSE;
  if (!gs_value_is_array (list))
    return TRUE;
  GsValue *len = gs_object_get_property (ctx, list, "length");
  guint n = len && gs_value_is_number (len) ? (guint) gs_value_get_number (len)
                                            : 0;
  for (guint i = 0; i < n; i++)
    {
      GsValue *item = gs_object_get_index (ctx, list, i);
      GType t = item ? gi_gtype_from_js (ctx, item) : G_TYPE_INVALID;
      if (!t)
        return FALSE;
      if (!G_TYPE_IS_INTERFACE (t))
        {
          gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                  "Implements: %s is not an interface",
                                  g_type_name (t));
          return FALSE;
        }
      g_array_append_val (si->ifaces, t);
      add_interface_properties (si, t);
    }
  return TRUE;
}

/* An object of a class registered from script that C code asks for
 * (g_object_new, a GtkBuilder, a list item factory) is made the way
 * script makes it: `new Class (props)` runs the class's constructor,
 * with the construct properties C passed, and that object is the one C
 * gets.  Returns NULL (the exception reported) if the constructor
 * threw or made no object of the type. */
static GObject *
construct_from_c (GType type, guint n, GObjectConstructParam *params)
{
  GsContext *ctx = gi.ctx;
  GsHandleScope scope;
  gs_handle_scope_open (&scope, gi.rt);
  GObject *obj = NULL;
  GiClassRec *k = gi_class_for_gtype (ctx, type);
  GsValue *ctor = k ? gi_class_constructor (ctx, k) : NULL;
  GsValue *props = ctor ? gs_value_new_object (ctx) : NULL;
  for (guint i = 0; props && i < n; i++)
    {
      GsValue *v = gi_value_to_js (ctx, params[i].value);
      if (!v || !gs_object_set_property (ctx, props, params[i].pspec->name, v))
        props = NULL;
    }
  GsValue *w = props ? gs_function_construct (ctx, ctor, 1, &props) : NULL;
  if (w)
    {
      obj = gs_gi_get_object (w);
      if (!obj || !g_type_is_a (G_OBJECT_TYPE (obj), type))
        {
          gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                  "The constructor of %s made no %s",
                                  g_type_name (type), g_type_name (type));
          obj = NULL;
        }
    }
  if (!obj)
    gs_context_report_exception (ctx);
  else if (!gi_gtk.loaded || !g_type_is_a (type, gi_gtk.window_type))
    {
      /* The caller gets a reference of its own, floating for an
         initially unowned object as g_object_new's would be; the
         wrapper keeps its toggle reference.  A window is owned by GTK's
         list of toplevels, and g_object_new gives its caller none. */
      g_object_ref (obj);
      if (G_IS_INITIALLY_UNOWNED (obj))
        g_object_force_floating (obj);
    }
  gs_handle_scope_close (&scope);
  return obj;
}

/* The constructor vfunc of every class registered from script: chains
 * up when script is constructing this object (the wrapper waits for
 * it), else constructs it through the script class. */
static GObject *
sub_constructor (GType type, guint n, GObjectConstructParam *params)
{
  GObjectClass *parent = g_type_class_peek (type);
  while (parent->constructor == sub_constructor)
    parent = g_type_class_peek_parent (parent);
  GiConstructing *c = gi_object_constructing ();
  if (c && c->gtype == type && !c->claimed)
    {
      c->claimed = TRUE;
      return parent->constructor (type, n, params);
    }
  GObject *obj = gi.ctx && !gi.shutting_down
                     ? construct_from_c (type, n, params)
                     : NULL;
  return obj ? obj : parent->constructor (type, n, params);
}

/* Binds the object to the wrapper being constructed for it, before
 * instance_init returns. */
static void
sub_instance_init (GTypeInstance *instance, gpointer klass)
{
  GObject *obj = (GObject *) instance;
  if (gi_object_peek (obj) || !gi.ctx)
    goto templates;
  GiConstructing *c = gi_object_constructing ();
  if (!c || c->gtype != G_TYPE_FROM_INSTANCE (instance))
    goto templates;
  /* The reference g_object_new will return is not the wrapper's: the
     constructor binds it as it does for any object. */
  gi_object_bind_wrapper (gi.ctx, obj, FALSE, c->wrapper);
templates:;
  /* A template is instantiated by the instance_init of its class; GLib
     calls this once per registered class in the chain, with the class
     structure of the instance, so find the class whose turn it is: the
     nearest registered one whose template is not built yet. */
  GPtrArray *done = g_object_get_data (obj, "gscript-gi-templates");
  for (GType t = G_TYPE_FROM_INSTANCE (instance); t; t = g_type_parent (t))
    {
      SubInfo *si = g_type_get_qdata (t, info_quark);
      if (!si || !si->template_ui || !gi_gtk.loaded)
        continue;
      if (done && g_ptr_array_find (done, si, NULL))
        continue;
      /* Parents' instance_init run first: only the outermost class not
         done yet is this call's. */
      GType parent_done = g_type_parent (t);
      gboolean parent_pending = FALSE;
      for (GType u = parent_done; u; u = g_type_parent (u))
        {
          SubInfo *pi = g_type_get_qdata (u, info_quark);
          if (pi && pi->template_ui
              && !(done && g_ptr_array_find (done, pi, NULL)))
            parent_pending = TRUE;
        }
      if (parent_pending)
        continue;
      if (!done)
        {
          done = g_ptr_array_new ();
          g_object_set_data_full (obj, "gscript-gi-templates", done,
                                  (GDestroyNotify) g_ptr_array_unref);
        }
      g_ptr_array_add (done, si);
      gi_gtk.init_template (obj);
      break;
    }
}

/* ------------------------------------------------------------------ */
/* Virtual functions                                                   */
/* ------------------------------------------------------------------ */

gboolean
gi_subclass_is_script (GType t)
{
  return info_quark && g_type_get_qdata (t, info_quark) != NULL;
}

/* The virtual function name of an ancestor class of gtype, and where it
 * lives in the class structure. */
static GIVFuncInfo *
find_vfunc (GType gtype, const char *name, gsize *offset)
{
  for (GType t = g_type_parent (gtype); t; t = g_type_parent (t))
    {
      GIBaseInfo *info = g_irepository_find_by_gtype (gi.repo, t);
      if (!info)
        continue;
      if (g_base_info_get_type (info) != GI_INFO_TYPE_OBJECT)
        {
          g_base_info_unref (info);
          continue;
        }
      GIVFuncInfo *vi = g_object_info_find_vfunc ((GIObjectInfo *) info,
                                                  name);
      GIStructInfo *cs = vi ? g_object_info_get_class_struct (
                                  (GIObjectInfo *) info)
                            : NULL;
      g_base_info_unref (info);
      if (!vi)
        continue;
      GIFieldInfo *field = cs ? g_struct_info_find_field (cs, name) : NULL;
      if (cs)
        g_base_info_unref (cs);
      if (!field)
        {
          g_base_info_unref (vi);
          return NULL;
        }
      *offset = (gsize) g_field_info_get_offset (field);
      g_base_info_unref (field);
      return vi;
    }
  return NULL;
}

/* Is name a virtual function of one of the interfaces the class
 * implements (interface_init stores those)? */
static gboolean
interface_vfunc (GArray *ifaces, const char *name)
{
  for (guint i = 0; ifaces && i < ifaces->len; i++)
    {
      GIBaseInfo *info = g_irepository_find_by_gtype (
          gi.repo, g_array_index (ifaces, GType, i));
      GIVFuncInfo *vi = info ? g_interface_info_find_vfunc (
                                   (GIInterfaceInfo *) info, name)
                             : NULL;
      if (info)
        g_base_info_unref (info);
      if (vi)
        {
          g_base_info_unref (vi);
          return TRUE;
        }
    }
  return FALSE;
}

/* Stores the class's vfunc_ methods in its class structure. */
static gboolean
install_vfuncs (GsContext *ctx, GType gtype, GsValue *proto, GArray *ifaces)
{
  GsValue *object = gs_object_get_property (ctx, gs_context_get_global (ctx),
                                            "Object");
  GsValue *names_fn = object ? gs_object_get_property (ctx, object,
                                                       "getOwnPropertyNames")
                             : NULL;
  GsValue *args[] = { proto };
  GsValue *names = names_fn ? gs_function_call (ctx, names_fn, object, 1,
                                                args)
                            : NULL;
  if (!names)
    return FALSE;
  GsValue *len = gs_object_get_property (ctx, names, "length");
  guint n = len && gs_value_is_number (len) ? (guint) gs_value_get_number (len)
                                            : 0;
  gpointer klass = g_type_class_peek (gtype);
  for (guint i = 0; i < n; i++)
    {
      GsValue *nv = gs_object_get_index (ctx, names, i);
      g_autofree char *name = nv ? gs_value_dup_string (nv) : NULL;
      if (!name || !g_str_has_prefix (name, "vfunc_"))
        continue;
      GsValue *fn = gs_object_get_property (ctx, proto, name);
      if (!fn || !gs_value_is_function (fn))
        continue;
      gsize offset = 0;
      GIVFuncInfo *vi = find_vfunc (gtype, name + 6, &offset);
      if (!vi && interface_vfunc (ifaces, name + 6))
        continue;
      if (!vi)
        {
          gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                  "%s: no virtual function %s in the "
                                  "parent classes of %s",
                                  name, name + 6, g_type_name (gtype));
          return FALSE;
        }
      gpointer native = gi_callback_new_vfunc (ctx, vi, fn);
      g_base_info_unref (vi);
      if (!native)
        return FALSE;
      *(gpointer *) ((guint8 *) klass + offset) = native;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* registerClass                                                       */
/* ------------------------------------------------------------------ */

/* The class's own accessor for a property, under either of its JS
 * names: [getter, setter] functions, or NULL. */
static GsValue *
descriptor_of (GsContext *ctx, GsValue *proto, const char *name)
{
  GsValue *object = gs_object_get_property (ctx, gs_context_get_global (ctx),
                                            "Object");
  GsValue *gopd = object ? gs_object_get_property (ctx, object,
                                                   "getOwnPropertyDescriptor")
                         : NULL;
  if (!gopd)
    return NULL;
  GsValue *args[] = { proto, gs_value_new_string (ctx, name, -1) };
  return gs_function_call (ctx, gopd, object, 2, args);
}

static gboolean
find_accessor (GsContext *ctx, GsValue *proto, GParamSpec *pspec,
               SubProp *sp)
{
  g_autofree char *camel = gi_name_to_camel (pspec->name);
  g_autofree char *snake = gi_name_to_snake (pspec->name);
  const char *names[] = { camel, snake, pspec->name };
  for (int i = 0; i < 3; i++)
    {
      GsValue *d = descriptor_of (ctx, proto, names[i]);
      if (!d)
        return FALSE;
      if (!gs_value_is_object (d))
        continue;
      GsValue *get = gs_object_get_property (ctx, d, "get");
      GsValue *set = gs_object_get_property (ctx, d, "set");
      if (!get || !set)
        return FALSE;
      if (gs_value_is_function (get))
        sp->getter = gs_persistent_new (gi.rt, get);
      if (gs_value_is_function (set))
        sp->setter = gs_persistent_new (gi.rt, set);
      if (sp->getter || sp->setter)
        return TRUE;
    }
  return TRUE;
}

static gboolean
collect_properties (GsContext *ctx, GsValue *meta, SubInfo *si)
{
  GsValue *props = gs_object_get_property (ctx, meta, "Properties");
  if (!props)
    return FALSE;
  if (!gs_value_is_object (props))
    return TRUE;
  g_auto (GStrv) keys = gs_object_dup_keys (ctx, props);
  if (!keys)
    return FALSE;
  for (guint i = 0; keys[i]; i++)
    {
      GsValue *v = gs_object_get_property (ctx, props, keys[i]);
      GParamSpec *p = v ? gs_object_get_native (v, pspec_class) : NULL;
      if (!p)
        {
          gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                  "Properties.%s must be a GObject.ParamSpec",
                                  keys[i]);
          return FALSE;
        }
      SubProp *sp = g_new0 (SubProp, 1);
      sp->pspec = g_param_spec_ref (p);
      g_ptr_array_add (si->props, sp);
    }
  return TRUE;
}

static gboolean
collect_signals (GsContext *ctx, GsValue *meta, SubInfo *si)
{
  GsValue *sigs = gs_object_get_property (ctx, meta, "Signals");
  if (!sigs)
    return FALSE;
  if (!gs_value_is_object (sigs))
    return TRUE;
  g_auto (GStrv) keys = gs_object_dup_keys (ctx, sigs);
  if (!keys)
    return FALSE;
  for (guint i = 0; keys[i]; i++)
    {
      GsValue *d = gs_object_get_property (ctx, sigs, keys[i]);
      if (!d)
        return FALSE;
      SubSignal sig = { g_strdup (keys[i]), G_SIGNAL_RUN_LAST, G_TYPE_NONE,
                        0, NULL };
      if (gs_value_is_object (d))
        {
          GsValue *flags = gs_object_get_property (ctx, d, "flags");
          GsValue *ret = gs_object_get_property (ctx, d, "return_type");
          GsValue *params = gs_object_get_property (ctx, d, "param_types");
          if (!flags || !ret || !params)
            return FALSE;
          double fl;
          if (gs_value_is_number (flags) && gs_value_to_number (ctx, flags, &fl))
            sig.flags = (GSignalFlags) fl;
          if (!gs_value_is_undefined (ret)
              && !(sig.return_type = gi_gtype_from_js (ctx, ret)))
            return FALSE;
          if (gs_value_is_array (params))
            {
              GsValue *len = gs_object_get_property (ctx, params, "length");
              sig.n_params = len ? (guint) gs_value_get_number (len) : 0;
              sig.params = g_new0 (GType, sig.n_params + 1);
              for (guint j = 0; j < sig.n_params; j++)
                {
                  GsValue *t = gs_object_get_index (ctx, params, j);
                  if (!t || !(sig.params[j] = gi_gtype_from_js (ctx, t)))
                    return FALSE;
                }
            }
        }
      g_array_append_val (si->signals, sig);
    }
  return TRUE;
}

/* A template child, as `this.name` or `this._name`. */
typedef struct
{
  GType gtype;
  char *id;
} TemplateChild;

static void
template_child_free (gpointer native)
{
  TemplateChild *tc = native;
  g_free (tc->id);
  g_free (tc);
}

static const GsClassInfo template_child_info = {
  .name = "GITemplateChild",
  .finalize = template_child_free,
};

GsClass *
gi_subclass_template_child_class (GsRuntime *rt)
{
  return gs_class_new (rt, &template_child_info);
}

static GsValue *
template_child_get (GsContext *ctx, const GsCallbackInfo *info)
{
  TemplateChild *tc = gs_object_get_native (gs_callback_info_get_data (info),
                                            gi.template_child_class);
  GiObject *o = gi_object_this (ctx, info, tc->id);
  if (!o)
    return NULL;
  GObject *child = gi_gtk.get_template_child (o->gobj, tc->gtype, tc->id);
  return child ? gi_object_wrap (ctx, child, FALSE) : gs_value_new_null (ctx);
}

static gboolean
collect_strings (GsContext *ctx, GsValue *meta, const char *name,
                 GPtrArray *out)
{
  GsValue *list = gs_object_get_property (ctx, meta, name);
  if (!list)
    return FALSE;
  if (!gs_value_is_array (list))
    return TRUE;
  GsValue *len = gs_object_get_property (ctx, list, "length");
  guint n = len && gs_value_is_number (len) ? (guint) gs_value_get_number (len)
                                            : 0;
  for (guint i = 0; i < n; i++)
    {
      GsValue *item = gs_object_get_index (ctx, list, i);
      char *s = item ? gs_value_to_string (ctx, item) : NULL;
      if (!s)
        return FALSE;
      g_ptr_array_add (out, s);
    }
  return TRUE;
}

/* Template: GtkBuilder XML as a string, a Uint8Array or GLib.Bytes, or
 * a resource:/// or file:// URI. */
static gboolean
collect_template (GsContext *ctx, GsValue *meta, SubInfo *si,
                  GType parent_type)
{
  GsValue *t = gs_object_get_property (ctx, meta, "Template");
  if (!t)
    return FALSE;
  si->children = g_ptr_array_new_with_free_func (g_free);
  si->internal_children = g_ptr_array_new_with_free_func (g_free);
  if (gs_value_is_undefined (t) || gs_value_is_null (t))
    return TRUE;
  if (!gi_gtk.loaded || !g_type_is_a (parent_type, gi_gtk.widget_type))
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "Template: only widgets have templates");
      return FALSE;
    }
  gsize n;
  const guint8 *data = gs_value_peek_bytes (t, &n);
  GiBoxed *b = gs_object_get_native (t, gi.boxed_class);
  if (n != G_MAXSIZE)
    si->template_ui = g_bytes_new (data, n);
  else if (b && b->klass->gtype == G_TYPE_BYTES)
    si->template_ui = g_bytes_ref (b->mem);
  else if (gs_value_is_string (t))
    {
      g_autofree char *s = gs_value_dup_string (t);
      GError *err = NULL;
      if (g_str_has_prefix (s, "resource://"))
        si->template_ui = g_resources_lookup_data (s + 11, 0, &err);
      else if (g_str_has_prefix (s, "file://"))
        {
          g_autofree char *path = g_filename_from_uri (s, NULL, &err);
          char *contents;
          gsize len;
          if (path && g_file_get_contents (path, &contents, &len, &err))
            si->template_ui = g_bytes_new_take (contents, len);
        }
      else
        si->template_ui = g_bytes_new (s, strlen (s));
      if (!si->template_ui)
        {
          gi_error_throw (ctx, err);
          return FALSE;
        }
    }
  else
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "Template must be a string, a Uint8Array, a "
                              "GLib.Bytes or a URI");
      return FALSE;
    }
  return collect_strings (ctx, meta, "Children", si->children)
         && collect_strings (ctx, meta, "InternalChildren",
                             si->internal_children);
}

/* this.name for Children, this._name for InternalChildren ('-' is '_'). */
static gboolean
define_template_children (GsContext *ctx, SubInfo *si, GsValue *proto)
{
  for (int internal = 0; internal < 2; internal++)
    {
      GPtrArray *list = internal ? si->internal_children : si->children;
      for (guint i = 0; list && i < list->len; i++)
        {
          TemplateChild *tc = g_new0 (TemplateChild, 1);
          tc->gtype = si->gtype;
          tc->id = g_strdup (g_ptr_array_index (list, i));
          g_autofree char *js = g_strdup_printf ("%s%s", internal ? "_" : "",
                                                 tc->id);
          for (char *c = js; *c; c++)
            if (*c == '-')
              *c = '_';
          GsValue *data = gs_object_new_native (
              ctx, gi.template_child_class, NULL, tc);
          if (!data)
            template_child_free (tc);
          GsValue *get = data ? gs_function_new (ctx, js, 0,
                                                 template_child_get, data)
                              : NULL;
          if (!get
              || !gs_object_define_accessor (ctx, proto, js, get, NULL,
                                             GS_PROPERTY_DONTENUM))
            return FALSE;
        }
    }
  return TRUE;
}

/* A GType name for a class: GTypeName, else "Gjs_" and the class's name
 * (as GJS makes them), made unique. */
static char *
type_name_for (GsContext *ctx, GsValue *meta, GsValue *klass)
{
  GsValue *given = gs_value_is_object (meta)
                       ? gs_object_get_property (ctx, meta, "GTypeName")
                       : NULL;
  if (given && gs_value_is_string (given))
    return gs_value_dup_string (given);
  GsValue *n = gs_object_get_property (ctx, klass, "name");
  g_autofree char *base = n && gs_value_is_string (n) ? gs_value_dup_string (n)
                                                      : g_strdup ("Anonymous");
  GString *s = g_string_new ("Gjs_");
  for (const char *p = base; *p; p++)
    g_string_append_c (s, g_ascii_isalnum (*p) ? *p : '_');
  char *name = g_string_free (s, FALSE);
  for (int i = 2; g_type_from_name (name); i++)
    {
      char *next = g_strdup_printf ("Gjs_%s_%d", base, i);
      g_free (name);
      name = next;
    }
  return name;
}

static GsValue *
register_class (GsContext *ctx, const GsCallbackInfo *info)
{
  GsValue *meta = gs_callback_info_get_arg (info, 0);
  GsValue *klass = gs_callback_info_get_arg (info, 1);
  if (gs_callback_info_get_n_args (info) < 2)
    {
      klass = meta;
      meta = gs_value_new_object (ctx);
    }
  if (!gs_value_is_function (klass) || !gs_value_is_object (meta))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "registerClass takes a class, after an "
                                   "optional object of metadata");
  GsValue *parent = gs_object_get_prototype (ctx, klass);
  GType parent_type = parent && gs_value_is_object (parent)
                          ? gi_gtype_from_js (ctx, parent)
                          : G_TYPE_INVALID;
  if (!parent_type || !g_type_is_a (parent_type, G_TYPE_OBJECT))
    {
      gs_context_take_exception (ctx);
      return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                     "registerClass: the class must extend a "
                                     "GObject class");
    }
  GsValue *own_gtype = gs_object_has_own_property (ctx, klass, "$gtype")
                           ? klass
                           : NULL;
  if (own_gtype)
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "registerClass: the class is registered "
                                   "already");
  GiClassRec *pk = gi_class_for_gtype (ctx, parent_type);
  if (!pk)
    return NULL;
  GsValue *proto = gs_object_get_property (ctx, klass, "prototype");
  if (!proto || !gs_value_is_object (proto))
    return NULL;
  g_autofree char *name = type_name_for (ctx, meta, klass);
  if (g_type_from_name (name))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "A type named %s exists already", name);
  SubInfo *si = g_new0 (SubInfo, 1);
  si->props = g_ptr_array_new ();
  si->signals = g_array_new (FALSE, TRUE, sizeof (SubSignal));
  si->ifaces = g_array_new (FALSE, FALSE, sizeof (GType));
  si->proto = gs_persistent_new (gi.rt, proto);
  if (!collect_properties (ctx, meta, si) || !collect_signals (ctx, meta, si)
      || !collect_interfaces (ctx, meta, si)
      || !collect_template (ctx, meta, si, parent_type))
    {
      sub_info_free (si);
      return NULL;
    }
  for (guint i = 0; i < si->props->len; i++)
    if (!find_accessor (ctx, proto, ((SubProp *) g_ptr_array_index (
                                         si->props, i))->pspec,
                        g_ptr_array_index (si->props, i)))
      {
        sub_info_free (si);
        return NULL;
      }

  GTypeQuery q;
  g_type_query (parent_type, &q);
  GTypeInfo ti = {
    .class_size = (guint16) q.class_size,
    .class_init = sub_class_init,
    .class_data = si,
    .instance_size = (guint16) q.instance_size,
    .instance_init = sub_instance_init,
  };
  GType gtype = g_type_register_static (parent_type, name, &ti, 0);
  if (!gtype)
    {
      sub_info_free (si);
      return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                     "Cannot register the type %s", name);
    }
  si->gtype = gtype;
  g_type_set_qdata (gtype, info_quark, si);
  for (guint i = 0; i < si->ifaces->len; i++)
    {
      IfaceData *d = g_new0 (IfaceData, 1);
      d->si = si;
      d->iface = g_array_index (si->ifaces, GType, i);
      GInterfaceInfo ii = { sub_interface_init, NULL, d };
      g_type_add_interface_static (gtype, d->iface, &ii);
    }
  /* The class is made now: its properties exist from here on. */
  g_type_class_ref (gtype);
  for (guint i = 0; i < si->signals->len; i++)
    {
      SubSignal *sig = &g_array_index (si->signals, SubSignal, i);
      if (!g_signal_newv (sig->name, gtype, sig->flags, NULL, NULL, NULL,
                          NULL, sig->return_type, sig->n_params, sig->params))
        return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                       "Cannot make the signal %s of %s",
                                       sig->name, name);
    }

  if (!install_vfuncs (ctx, gtype, proto, si->ifaces))
    return NULL;
  GiClassRec *k = gi_class_register_script (ctx, gtype, pk, klass, proto);
  if (!k)
    return NULL;
  si->rec = k;
  /* The interfaces' methods, where the class has none of the name. */
  for (guint i = 0; i < si->ifaces->len; i++)
    {
      GIBaseInfo *ii = g_irepository_find_by_gtype (
          gi.repo, g_array_index (si->ifaces, GType, i));
      gboolean ok = !ii || gi_class_add_functions (ctx, k, ii, NULL, proto);
      if (ii)
        g_base_info_unref (ii);
      if (!ok)
        return NULL;
    }
  if (!define_template_children (ctx, si, proto))
    return NULL;
  if (!gs_object_define_property (ctx, klass, "$gtype",
                                  gi_gtype_to_js (ctx, gtype),
                                  GS_PROPERTY_DONTENUM | GS_PROPERTY_READONLY))
    return NULL;
  /* Properties without an accessor of the class's get the bridge's. */
  for (guint i = 0; i < si->props->len; i++)
    {
      SubProp *sp = g_ptr_array_index (si->props, i);
      GParamSpec *p = G_IS_PARAM_SPEC_OVERRIDE (sp->pspec)
                          ? g_object_class_find_property (
                              g_type_class_peek (gtype), sp->pspec->name)
                          : sp->pspec;
      if (!sp->getter && !sp->setter && p
          && !gi_object_define_pspec_accessors (ctx, proto, k, p))
        return NULL;
    }
  return klass;
}

gboolean
gi_subclass_install (GsContext *ctx, GsValue *gobject_ns)
{
  if (!info_quark)
    {
      info_quark = g_quark_from_static_string ("gscript-gi-subclass");
      values_quark = g_quark_from_static_string ("gscript-gi-values");
    }
  pspec_class = gs_class_new (gi.rt, &pspec_info);
  return install_param_spec (ctx, gobject_ns)
         && gi_define_method (ctx, gobject_ns, "registerClass", 2,
                              register_class, NULL);
}
