/* gi-private.h — what the files of the GObject bridge share.
 *
 * The bridge serves one context at a time (the program's): its state is
 * one static GiState.  Every engine value it keeps lives in a persistent
 * handle; C structures (class records, prepared functions, object
 * records) are plain g_malloc'd data that the wrappers point at.
 *
 * Files: gi-module.c (the entry points, imports.gi, gi:// modules),
 * gi-repo.c (namespaces and their members), gi-function.c (prepared
 * calls), gi-arg.c (GIArgument conversions), gi-value.c (GValue
 * conversions), gi-object.c (classes, wrappers, properties), gi-toggle.c
 * (ownership and releasing), gi-signal.c (closures and signals),
 * gi-boxed.c (structs, boxed and unions), gi-error.c (GLib.Error),
 * gi-destroy.c (destroy () and the main loop's work), gi-gtk.c (the few
 * GTK functions the bridge calls, found through the typelib).
 */
#pragma once

#include "gscript-gi.h"

#include <girepository.h>
#include <girffi.h>

G_BEGIN_DECLS

typedef struct _GiClassRec GiClassRec;
typedef struct _GiObject GiObject;
typedef struct _GiFunc GiFunc;
typedef struct _GiBoxed GiBoxed;
typedef struct _GiProp GiProp;
typedef struct _GiCallback GiCallback;

/* The bridge's state: one context at a time. */
typedef struct
{
  GsContext *ctx;              /* the context it serves, or NULL */
  GsRuntime *rt;               /* its runtime */
  GIRepository *repo;          /* the default repository */
  GsClass *root_class;         /* imports.gi (resolve hook) */
  GsClass *namespace_class;    /* namespaces (resolve hook) */
  GsClass *object_class;       /* GObject wrappers (GiObject) */
  GsClass *boxed_class;        /* struct, boxed and union wrappers */
  GsClass *data_class;         /* holders of C data for natives */
  GsClass *prop_class;         /* holders of a GiProp, which they own */
  GsClass *template_child_class; /* holders of a template child's id */
  GsPersistent *root;          /* imports.gi */
  GsPersistent *versions;      /* imports.gi.versions */
  GHashTable *namespaces;      /* name → GsPersistent* (namespace) */
  GPtrArray *funcs;            /* every GiFunc, freed at shutdown */
  GPtrArray *classes;          /* every GiClassRec, likewise */
  GsPersistent *error_proto;   /* GLib.Error.prototype */
  GsPersistent *error_ctor;    /* GLib.Error */
  GsPersistent *has_instance;  /* a helper that installs hasInstance */
  GsPersistent *base_init;     /* GObject.Object.prototype._init */
  GiObject *objects;           /* every object record, a list */
  guint n_objects;             /* its length */
  GQueue destroys;             /* GiObject* whose destroy () is due */
  guint destroy_source;        /* the idle that runs them, or 0 */
  guint delayed_destroys;      /* destroy (ms) timers pending */
  guint pending_async;         /* asynchronous calls not finished */
  gboolean shutting_down;      /* no script runs from now on */
} GiState;

extern GiState gi;

/* ------------------------------------------------------------------ */
/* Records                                                             */
/* ------------------------------------------------------------------ */

/* A registered type the bridge made a prototype for: an object class,
 * an interface, or a struct/boxed/union type. */
struct _GiClassRec
{
  GType gtype;               /* G_TYPE_NONE for plain structs */
  GIBaseInfo *info;          /* object, interface, struct or union info */
  GiClassRec *parent;        /* the parent class's record, or NULL */
  GsPersistent *proto;       /* the prototype (strong) */
  GsPersistent *ctor;        /* the constructor or interface object */
  char *js_name;             /* "Gtk.Button", for messages */
  gsize size;                /* structs: bytes; objects: instance size */
  gboolean is_interface;     /* an interface */
  gboolean is_boxed;         /* a struct, boxed or union */
  gboolean abstract;         /* cannot be instantiated */
  GiFunc *default_ctor;      /* boxed: the zero-argument "new", or NULL */
  guint generation;          /* gi_generation when made: records of an
                                earlier installation are ignored */
};

/* Bumped by each installation: records (qdata on GTypes) made for an
 * earlier context are not reused. */
extern guint gi_generation;

/* How a GObject's wrapper owns it (see DESIGN.md). */
typedef enum
{
  GI_OWNERSHIP_AUTOMATIC, /* a toggle reference */
  GI_OWNERSHIP_SCRIPT,    /* a reference; collecting destroys it */
  GI_OWNERSHIP_NATIVE,    /* a weak reference: it only watches */
} GiOwnership;

/* The record of a wrapped GObject, for its whole life. */
struct _GiObject
{
  GObject *gobj;           /* NULL once released or finalized */
  GType gtype;             /* the object's type, for messages */
  GiClassRec *klass;       /* whose prototype the wrapper has */
  GsPersistent *wrapper;   /* weak; the root tracer marks it as needed */
  GiObject *prev, *next;   /* gi.objects */
  GPtrArray *closures;     /* GClosure* connected by script */
  int toggled_up;          /* atomic: other code holds references */
  guint live_wrappers;     /* wrappers made and not yet finalized */
  gssize external;         /* memory reported to the collector */
  guint8 ownership;        /* GiOwnership */
  guint destroy_pending : 1; /* destroy () was called */
  guint released : 1;      /* destroyed or finalized: gobj is NULL */
};

/* A struct, boxed or union value. */
struct _GiBoxed
{
  gpointer mem;      /* the value */
  GiClassRec *klass; /* its type */
  gboolean owned;    /* freed with the wrapper */
  gboolean slice;    /* allocated by the bridge with g_malloc0 */
};

/* A property accessor's data. */
struct _GiProp
{
  GParamSpec *pspec; /* the property (a reference) */
  GiFunc *getter;    /* the GIR getter, or NULL */
};

/* ------------------------------------------------------------------ */
/* Prepared functions (gi-function.c)                                  */
/* ------------------------------------------------------------------ */

/* One argument's marshalling plan, made once per function. */
typedef struct _GiArgPlan GiArgPlan;
struct _GiArgPlan
{
  GITypeInfo *type;      /* owned */
  GITypeTag tag;         /* type's tag */
  GIInfoType iface_type; /* for GI_TYPE_TAG_INTERFACE */
  GIBaseInfo *iface;     /* likewise, owned */
  GType gtype;           /* likewise, when registered */
  GIDirection dir;       /* in, out or inout */
  GITransfer transfer;   /* ownership transfer */
  gint16 js_index;       /* which JS argument, or -1 (hidden) */
  gint16 length_of;      /* this is the length of that array arg, or -1 */
  gint16 length_arg;     /* arrays: the C arg holding the length, or -1 */
  gint16 closure_of;     /* user data / destroy of a callback arg, or -1 */
  guint8 nullable;       /* may be null / may return NULL */
  guint8 caller_allocates; /* out arg whose memory the caller passes */
  guint8 is_pointer;     /* the type is a pointer */
  guint8 optional;       /* out arg that may be NULL */
  guint8 zero_terminated;/* arrays: ends with a zero element */
  GIArrayType array_type;/* arrays: C, GArray, GPtrArray, GByteArray */
  gint fixed_size;       /* arrays: the fixed length, or -1 */
  GiArgPlan *elem;       /* arrays and lists: the elements' plan;
                            hash tables: the keys' */
  GiArgPlan *elem2;      /* hash tables: the values' plan */
  GIScopeType scope;     /* callbacks: how long the closure lives */
  gint16 closure_arg;    /* callbacks: the user-data argument, or -1 */
  gint16 destroy_arg;    /* callbacks: the destroy notifier, or -1 */
};

/* Fills a plan for type (taking the reference) and its element types. */
void gi_plan_init (GiArgPlan *p, GITypeInfo *type, GIDirection dir,
                   GITransfer transfer);
void gi_plan_clear (GiArgPlan *p);

struct _GiFunc
{
  GIFunctionInfo *info;       /* owned */
  char *name;                 /* "Gtk.Button.set_label", for messages */
  GIFunctionInvoker invoker;  /* cif and address */
  gboolean prepared;          /* plan and invoker made */
  gboolean is_method;         /* takes an instance */
  gboolean throws;            /* takes a GError** last */
  gboolean skip_return;       /* the return value is hidden */
  GIInfoType container_type;  /* object, interface, struct... */
  GType container_gtype;      /* the instance's type */
  GITransfer instance_transfer; /* of the instance */
  guint n_args;               /* C arguments besides instance and error */
  guint n_js_in;              /* JS arguments it takes */
  guint n_js_out;             /* values it returns */
  gboolean callbacks_are_work;/* GLib.timeout_add and its kin: their
                                 callbacks keep the main loop running */
  gboolean is_vfunc;          /* a virtual function, called through the
                                 class of an ancestor (chaining up) */
  gboolean invoker_ready;     /* invoker is made */
  gpointer vfunc_address;     /* the implementation invoker calls */
  GiArgPlan *args;            /* n_args plans */
  GiArgPlan ret;              /* the return value's plan */
  guint8 fast;                /* GiFastCall: how a call may skip the
                                 general path (gi-function.c) */
  GType makes_widget;         /* for a constructor of a widget type, the
                                 type (it needs GTK with a display) */
};

/* The quick paths of a prepared call (gi-function.c says when). */
typedef enum
{
  GI_FAST_NONE,   /* the general path */
  GI_FAST_FFI,    /* simple arguments, through libffi */
  GI_FAST_DIRECT, /* simple integer-class arguments: a direct C call */
} GiFastCall;

/* The most C arguments (the instance included) of a quick call. */
#define GI_FAST_MAX_ARGS 6

GiFunc *gi_func_new (GIFunctionInfo *info, const char *prefix);
/* Makes a native JS function that calls f. */
GsValue *gi_func_make_js (GsContext *ctx, GiFunc *f);
/* Calls f with an instance (NULL for functions) and the JS arguments;
 * returns the JS result or NULL with an exception pending. */
GsValue *gi_func_invoke (GsContext *ctx, GiFunc *f, gpointer instance,
                         guint argc, GsValue **argv);
gboolean gi_func_prepare (GsContext *ctx, GiFunc *f);
void gi_func_free (GiFunc *f);

/* ------------------------------------------------------------------ */
/* Conversions (gi-arg.c, gi-value.c)                                  */
/* ------------------------------------------------------------------ */

/* Things to free once a call returns. */
typedef struct
{
  GDestroyNotify func;
  gpointer data;
} GiCleanup;

typedef struct
{
  GiCleanup inline_items[16];
  GArray *more; /* GiCleanup beyond the inline ones */
  guint n;
} GiCleanups;

void gi_cleanups_add (GiCleanups *c, GDestroyNotify func, gpointer data);
void gi_cleanups_run (GiCleanups *c);

/* JS → GIArgument for an in (or inout) argument of type plan. */
gboolean gi_arg_from_js (GsContext *ctx, const GiArgPlan *plan,
                         const char *what, GsValue *v, GIArgument *arg,
                         GiCleanups *cleanups);
/* An array argument whose length the caller passes separately. */
gboolean gi_arg_array_from_js (GsContext *ctx, const GiArgPlan *plan,
                               const char *what, GsValue *v,
                               GIArgument *arg, gsize *length,
                               GiCleanups *cleanups);
/* GIArgument → JS; length is the array length when known (else -1).
 * Frees what transfer says the caller owns. */
GsValue *gi_arg_to_js (GsContext *ctx, const GiArgPlan *plan,
                       GIArgument *arg, gssize length);
/* The same from a bare type (struct fields, constants). */
GsValue *gi_arg_type_to_js (GsContext *ctx, GITypeInfo *type,
                            GITransfer transfer, GIArgument *arg);
gboolean gi_arg_type_from_js (GsContext *ctx, GITypeInfo *type,
                              GITransfer transfer, const char *what,
                              GsValue *v, GIArgument *arg,
                              GiCleanups *cleanups);
/* Reads a value of tag from the memory at p into arg (arrays, fields). */
void gi_arg_load (GITypeTag tag, gconstpointer p, GIArgument *arg);
void gi_arg_store (GITypeTag tag, gpointer p, const GIArgument *arg);
gsize gi_type_tag_size (GITypeTag tag);
/* A GType from a number, or an object with $gtype; G_TYPE_INVALID with
 * an exception pending. */
GType gi_gtype_from_js (GsContext *ctx, GsValue *v);
GsValue *gi_gtype_to_js (GsContext *ctx, GType t);

GsValue *gi_value_to_js (GsContext *ctx, const GValue *value);
/* Converts v into value, which is initialised to its type. */
gboolean gi_value_from_js (GsContext *ctx, GValue *value, GsValue *v,
                           const char *what);
/* Converts v into value (zeroed, not initialised), initialising it to
 * the type v suggests (a GObject.Value's own, copied). */
gboolean gi_value_from_js_guess (GsContext *ctx, GValue *value, GsValue *v,
                                 const char *what);
/* Unsets (if initialised) and frees a GValue the bridge allocated. */
void gi_value_free (gpointer value);

/* ------------------------------------------------------------------ */
/* Namespaces and classes (gi-repo.c, gi-object.c, gi-boxed.c)         */
/* ------------------------------------------------------------------ */

GsValue *gi_repo_require (GsContext *ctx, const char *ns,
                          const char *version);
/* The class of namespace objects (made once per runtime). */
GsClass *gi_repo_namespace_class (void);
GsClass *gi_subclass_template_child_class (GsRuntime *rt);
GsValue *gi_repo_make_member (GsContext *ctx, GIBaseInfo *info);
/* "Gtk.Button" for a registered type's info. */
char *gi_repo_js_name (GIBaseInfo *info);
/* Makes an enum or flags object. */
GsValue *gi_repo_make_enum (GsContext *ctx, GIEnumInfo *info);

/* The record for a GType's prototype (made on first use), or NULL with
 * an exception pending. */
GiClassRec *gi_class_for_gtype (GsContext *ctx, GType gtype);
GiClassRec *gi_class_for_info (GsContext *ctx, GIBaseInfo *info);
GsValue *gi_class_constructor (GsContext *ctx, GiClassRec *k);
/* The record of a class registered from script (gi-subclass.c). */
GiClassRec *gi_class_register_script (GsContext *ctx, GType gtype,
                                      GiClassRec *parent, GsValue *ctor,
                                      GsValue *proto);
/* GObject.registerClass and GObject.ParamSpec. */
gboolean gi_subclass_install (GsContext *ctx, GsValue *gobject_ns);
/* Whether a type was registered from script. */
gboolean gi_subclass_is_script (GType t);
GsValue *gi_class_prototype (GsContext *ctx, GiClassRec *k);
/* Adds the prototype of a GObject class: properties and methods. */
gboolean gi_object_fill_prototype (GsContext *ctx, GiClassRec *k,
                                   GsValue *proto);
/* The constructor of a GObject class. */
GsValue *gi_object_make_constructor (GsContext *ctx, GiClassRec *k,
                                     GsValue *proto);
gboolean gi_object_install_base (GsContext *ctx, GsValue *proto);
/* Adds the static functions and methods of info to ctor and proto. */
gboolean gi_class_add_functions (GsContext *ctx, GiClassRec *k,
                                 GIBaseInfo *info, GsValue *ctor,
                                 GsValue *proto);

/* An object under construction for a wrapper made first. */
typedef struct
{
  GType gtype;      /* what is being made */
  GsValue *wrapper; /* the empty wrapper waiting for it */
  gboolean claimed; /* a registered class's constructor vfunc took it */
} GiConstructing;

GiConstructing *gi_object_constructing (void);
GsValue *gi_object_bind_wrapper (GsContext *ctx, GObject *obj,
                                 gboolean owned, GsValue *wrapper);
gboolean gi_is_base_init (GsValue *fn);
gboolean gi_object_define_pspec_accessors (GsContext *ctx, GsValue *proto,
                                           GiClassRec *k, GParamSpec *pspec);

/* The wrapper of a GObject (made once); transfer_full: the caller's
 * reference passes to the wrapper. */
GsValue *gi_object_wrap (GsContext *ctx, GObject *obj, gboolean transfer_full);
/* The GObject of a wrapper of type gtype, or NULL with an exception
 * (a TypeError) pending; NULL without one for null when nullable. */
GObject *gi_object_from_js (GsContext *ctx, GsValue *v, GType gtype,
                            const char *what);
/* The live record behind this, or NULL with a TypeError. */
GiObject *gi_object_this (GsContext *ctx, const GsCallbackInfo *info,
                          const char *method);
GiObject *gi_object_peek (GObject *obj);
/* The memory outside the heap the collector is told an object costs. */
gssize gi_object_external_size (GObject *obj, GiClassRec *k);
void gi_object_class_init (void);
/* Symbol.hasInstance of interface objects: asks the type system. */
GsValue *gi_object_iface_has_instance (GsContext *ctx,
                                       const GsCallbackInfo *info);

GsValue *gi_boxed_wrap (GsContext *ctx, GiClassRec *k, gpointer mem,
                        gboolean copy, gboolean owned);
gpointer gi_boxed_from_js (GsContext *ctx, GsValue *v, GiClassRec *k,
                           const char *what);
/* A wrapper made without copying memory C lent for a call (a callback's
 * argument) takes a copy of its own once the call is over. */
void gi_boxed_detach (GsValue *w, gconstpointer borrowed);
GsValue *gi_boxed_make_constructor (GsContext *ctx, GiClassRec *k,
                                    GsValue *proto);
gboolean gi_boxed_fill_prototype (GsContext *ctx, GiClassRec *k,
                                  GsValue *proto);
void gi_boxed_finalize (gpointer native);

/* GLib.Variant (gi-variant.c). */
GsValue *gi_variant_wrap (GsContext *ctx, GVariant *v);
gboolean gi_variant_fill (GsContext *ctx, GiClassRec *k, GsValue *ctor,
                          GsValue *proto);
GsValue *gi_variant_make_constructor (GsContext *ctx, GiClassRec *k,
                                      GsValue *proto);

/* ------------------------------------------------------------------ */
/* Callbacks (gi-callback.c)                                           */
/* ------------------------------------------------------------------ */

/* A closure calling func for a callback argument of plan's type, or NULL
 * with an exception pending.  counts_as_work: the main loop has work
 * while it lives (GLib.timeout_add's sources). */
GiCallback *gi_callback_new (GsContext *ctx, const GiArgPlan *plan,
                             GsValue *func, gboolean counts_as_work);
gpointer gi_callback_native (GiCallback *cb);
/* Frees the closure once no call of it runs (an idle does it). */
void gi_callback_free (GiCallback *cb);
void gi_callback_destroy_notify (gpointer data);
void gi_callback_shutdown (void);
/* The implementation of a virtual function by a JS method (forever):
 * the native address to store in the class structure. */
gpointer gi_callback_new_vfunc (GsContext *ctx, GIVFuncInfo *info,
                                GsValue *func);

/* ------------------------------------------------------------------ */
/* Ownership (gi-toggle.c)                                             */
/* ------------------------------------------------------------------ */

GiObject *gi_toggle_attach (GObject *obj, GiClassRec *k, gboolean owned);
void gi_toggle_set_ownership (GiObject *o, GiOwnership mode);
/* Drops the wrapper's hold on the object (destroy (), shutdown). */
void gi_toggle_release (GiObject *o);
void gi_toggle_wrapper_finalize (gpointer native);
void gi_toggle_trace_wrapper (GsTracer *trc, gpointer native);
void gi_toggle_trace_roots (GsTracer *trc, gpointer data);
/* A TypeError for a wrapper whose object is gone. */
GsValue *gi_toggle_throw_gone (GsContext *ctx, GiObject *o);
void gi_toggle_shutdown (void);

/* ------------------------------------------------------------------ */
/* Signals (gi-signal.c), errors (gi-error.c), destroy (gi-destroy.c)  */
/* ------------------------------------------------------------------ */

gboolean gi_signal_install (GsContext *ctx, GsValue *proto);
/* Invalidates every closure of an object (its wrapper is going). */
void gi_signal_invalidate_all (GiObject *o);
void gi_signal_trace (GsTracer *trc, GiObject *o);
/* A floating closure calling fn with this = self (NULL: undefined),
 * listed among owner's: owner's wrapper traces both, and releasing it
 * invalidates the closure.  Without an owner (NULL) the closure holds
 * fn and self strongly until it is invalidated or freed. */
GClosure *gi_signal_closure_new (GiObject *owner, GsValue *fn,
                                 GsValue *self);

gboolean gi_error_install (GsContext *ctx, GsValue *glib_ns);
/* Throws a GLib.Error made from error, which is freed. */
void gi_error_throw (GsContext *ctx, GError *error);
/* A GError for a thrown value: a GLib.Error's own domain, code and
 * message, or G_IO_ERROR_FAILED with the value as a string. */
GError *gi_error_from_js (GsContext *ctx, GsValue *e);

gboolean gi_destroy_install (GsContext *ctx, GsValue *proto);
void gi_destroy_run_pending (void);
gboolean gi_destroy_has_pending (void);
/* Removes a widget from its parent, or destroys a window: what
 * destroy () does for script-owned objects too. */
void gi_destroy_now (GObject *obj);

/* ------------------------------------------------------------------ */
/* GTK, found through its typelib (gi-gtk.c)                           */
/* ------------------------------------------------------------------ */

typedef struct
{
  gboolean loaded;          /* Gtk 4 is loaded and these are set */
  GType widget_type;        /* GtkWidget */
  GType window_type;        /* GtkWindow */
  GObject *(*get_parent) (GObject *w);
  GObject *(*get_first_child) (GObject *w);
  GObject *(*get_next_sibling) (GObject *w);
  gboolean (*get_visible) (GObject *w);
  void (*window_destroy) (GObject *w);
  void (*unparent) (GObject *w);
  GObject *(*toplevels) (void); /* a GListModel (transfer none) */
  /* Templates of classes written in script. */
  void (*class_set_template) (gpointer klass, GBytes *bytes);
  void (*class_bind_template_child_full) (gpointer klass, const char *name,
                                          gboolean internal, gssize offset);
  void (*init_template) (GObject *w);
  GObject *(*get_template_child) (GObject *w, GType t, const char *name);
  void (*class_set_template_scope) (gpointer klass, GObject *scope);
  GObject *(*builder_get_current_object) (GObject *builder);
  GObject *(*display_get_default) (void);
  GType scope_type;         /* GsBuilderScope, or 0 if GTK lacks scopes */
  GObject *scope;           /* its one instance, made when first needed */
} GiGtk;

extern GiGtk gi_gtk;

void gi_gtk_init (void);
/* Visible toplevel windows. */
guint gi_gtk_count_windows (void);
/* Throws if gtype is a widget type and GTK could not be initialized. */
gboolean gi_gtk_check_initialized (GsContext *ctx, GType gtype);
/* Gives a template class the scope that connects the template's signal
 * handlers to the methods of its objects. */
void gi_gtk_set_template_scope (gpointer widget_class);

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* A holder object for C data natives need (not finalized). */
GsValue *gi_data_new (GsContext *ctx, gpointer p);
gpointer gi_data_get (const GsCallbackInfo *info);
/* snake_case and camelCase of a property or signal name. */
char *gi_name_to_camel (const char *name);
char *gi_name_to_snake (const char *name);
/* Defines a native method on object. */
gboolean gi_define_method (GsContext *ctx, GsValue *object, const char *name,
                           guint length, GsNativeFunc fn, GsValue *data);
/* A type name for messages: "Gtk.Button" or the GType's name. */
const char *gi_type_js_name (GType t);

G_END_DECLS
