/* test-api-native.c — the binding API (gs-native.h) through the shared
 * library: the module hook, native classes with trace, finalize and
 * resolve hooks, constructors, accessors and errors.
 */
#include <gscript/gscript.h>

#include <string.h>

typedef struct
{
  GsRuntime *rt;
  GsContext *ctx;
  GsHandleScope scope;
} Fixture;

static void
fixture_open (Fixture *f)
{
  f->rt = gs_runtime_new ();
  f->ctx = gs_context_new (f->rt);
  gs_handle_scope_open (&f->scope, f->rt);
}

static void
fixture_close (Fixture *f)
{
  gs_handle_scope_close (&f->scope);
  gs_context_free (f->ctx);
  gs_runtime_free (f->rt);
}

/* Runs source (a module when module is set) and returns the global
 * `result` as a string, or "threw: <message>". */
static char *
run (Fixture *f, const char *source, gboolean module)
{
  /* A module is cached by its file name: each source gets its own. */
  static int serial;
  g_autofree char *name = g_strdup_printf ("test-%d.mjs", ++serial);
  GsValue *r = gs_context_eval (f->ctx, source, -1, name,
                                module ? GS_EVAL_MODULE : GS_EVAL_DEFAULT);
  if (!r)
    {
      GsValue *e = gs_context_take_exception (f->ctx);
      g_autofree char *s = gs_value_to_string (f->ctx, e);
      return g_strdup_printf ("threw: %s", s);
    }
  GsValue *v = gs_object_get_property (f->ctx, gs_context_get_global (f->ctx),
                                       "result");
  return gs_value_to_string (f->ctx, v);
}

/* ------------------------------------------------------------------ */
/* The module hook                                                     */
/* ------------------------------------------------------------------ */

typedef struct
{
  int calls;
  char *last_specifier;
  gboolean freed;
} ResolverLog;

static GsValue *
resolve_test_module (GsContext *ctx, const char *specifier,
                     const char *referrer, gpointer user_data)
{
  ResolverLog *log = user_data;
  log->calls++;
  g_free (log->last_specifier);
  log->last_specifier = g_strdup (specifier);
  if (g_str_has_prefix (specifier, "test://broken"))
    return gs_context_throw_error (ctx, GS_ERROR_ERROR,
                                   "cannot load %s", specifier);
  if (!g_str_has_prefix (specifier, "test://"))
    return NULL;
  GsValue *o = gs_value_new_object (ctx);
  GsValue *name = gs_value_new_string (ctx, specifier + 7, -1);
  gs_object_set_property (ctx, o, "name", name);
  return o;
}

static void
free_log (gpointer data)
{
  ((ResolverLog *) data)->freed = TRUE;
}

static void
test_module_hook_static_import (void)
{
  Fixture f;
  fixture_open (&f);
  ResolverLog log = { 0 };
  gs_runtime_set_module_resolver (f.rt, resolve_test_module, &log, free_log);
  g_autofree char *r = run (&f,
                            "import A from 'test://Alpha?version=1';\n"
                            "import B from 'test://Alpha?version=1';\n"
                            "import * as ns from 'test://Beta';\n"
                            "globalThis.result = [A.name, A === B,\n"
                            "  ns.default.name, Object.keys(ns)].join();\n",
                            TRUE);
  g_assert_cmpstr (r, ==, "Alpha?version=1,true,Beta,default,name");
  /* One call per distinct specifier: the loader caches the module. */
  g_assert_cmpint (log.calls, ==, 2);
  fixture_close (&f);
  g_assert_true (log.freed);
  g_free (log.last_specifier);
}

static void
test_module_hook_errors (void)
{
  Fixture f;
  fixture_open (&f);
  ResolverLog log = { 0 };
  gs_runtime_set_module_resolver (f.rt, resolve_test_module, &log, NULL);
  g_autofree char *r1 = run (&f, "import X from 'test://broken';\n", TRUE);
  g_assert_cmpstr (r1, ==, "threw: Error: cannot load test://broken");
  /* A scheme the hook declines is an error of its own. */
  g_autofree char *r2 = run (&f, "import X from 'other://x';\n", TRUE);
  g_assert_cmpstr (r2, ==, "threw: TypeError: Cannot find module 'other://x'");
  g_assert_cmpstr (log.last_specifier, ==, "other://x");
  /* The default export's own properties are named exports too; a name
     it lacks is a SyntaxError naming it. */
  g_autofree char *r3 = run (&f,
                             "import {name} from 'test://Gamma';\n"
                             "globalThis.result = name;\n",
                             TRUE);
  g_assert_cmpstr (r3, ==, "Gamma");
  g_autofree char *r4 = run (&f, "import {other} from 'test://Delta';\n",
                             TRUE);
  g_assert_nonnull (strstr (r4, "SyntaxError"));
  g_assert_nonnull (strstr (r4, "'other'"));
  fixture_close (&f);
  g_free (log.last_specifier);
}

static void
test_module_hook_dynamic_import (void)
{
  Fixture f;
  fixture_open (&f);
  ResolverLog log = { 0 };
  gs_runtime_set_module_resolver (f.rt, resolve_test_module, &log, NULL);
  g_autofree char *r = run (&f,
                            "globalThis.result = 'pending';\n"
                            "import('test://Delta').then(\n"
                            "  ns => { globalThis.result = ns.default.name; });\n"
                            "import('test://broken').catch(\n"
                            "  e => { globalThis.result += ' ' + e.message; });\n",
                            FALSE);
  g_assert_cmpstr (r, ==, "Delta cannot load test://broken");
  fixture_close (&f);
  g_free (log.last_specifier);
}

static void
test_module_hook_absent (void)
{
  Fixture f;
  fixture_open (&f);
  g_autofree char *r = run (&f, "import X from 'gi://Gtk';\n", TRUE);
  g_assert_cmpstr (r, ==, "threw: TypeError: Cannot find module 'gi://Gtk'");
  fixture_close (&f);
}

/* ------------------------------------------------------------------ */
/* Native classes                                                      */
/* ------------------------------------------------------------------ */

/* A native thing: its finalizer count, and a value its trace hook keeps
 * alive through a weak persistent. */
typedef struct
{
  int *finalized;
  GsPersistent *held;
  gboolean ran_in_gc;
} Thing;

static int traces;

static void
thing_trace (GsTracer *tracer, gpointer native)
{
  Thing *t = native;
  traces++;
  if (t->held)
    gs_tracer_mark_persistent (tracer, t->held);
}

static void
thing_finalize (gpointer native)
{
  Thing *t = native;
  (*t->finalized)++;
  gs_persistent_free (t->held);
  g_free (t);
}

static const GsClassInfo thing_info = {
  .name = "Thing",
  .trace = thing_trace,
  .finalize = thing_finalize,
};

static void
on_weak (gpointer data)
{
  (*(int *) data)++;
}

static void
test_native_finalize_after_gc (void)
{
  Fixture f;
  fixture_open (&f);
  GsClass *cls = gs_class_new (f.rt, &thing_info);
  int finalized = 0, held_dead = 0;
  GsPersistent *watch;
  {
    GsHandleScope inner;
    gs_handle_scope_open (&inner, f.rt);
    Thing *t = g_new0 (Thing, 1);
    t->finalized = &finalized;
    GsValue *o = gs_object_new_native (f.ctx, cls, NULL, t);
    g_assert_true (gs_object_get_native (o, cls) == t);
    g_assert_true (gs_object_get_class (o) == cls);
    g_assert_null (gs_object_get_native (gs_value_new_object (f.ctx), cls));
    /* The trace hook keeps a weakly held object alive. */
    {
      GsHandleScope innermost;
      gs_handle_scope_open (&innermost, f.rt);
      GsValue *held = gs_value_new_object (f.ctx);
      t->held = gs_persistent_new (f.rt, held);
      gs_persistent_set_weak (t->held, NULL, NULL);
      watch = gs_persistent_new (f.rt, held);
      gs_persistent_set_weak (watch, on_weak, &held_dead);
      gs_handle_scope_close (&innermost);
    }
    traces = 0;
    gs_runtime_collect_garbage (f.rt);
    g_assert_cmpint (traces, >=, 1);
    g_assert_cmpint (held_dead, ==, 0);
    g_assert_false (gs_persistent_is_empty (t->held));
    gs_handle_scope_close (&inner);
  }
  g_assert_cmpint (finalized, ==, 0);
  traces = 0;
  gs_runtime_collect_garbage (f.rt);
  g_assert_cmpint (traces, ==, 0);
  g_assert_cmpint (finalized, ==, 1);
  /* Nothing traced the held object in that GC: it died with the thing. */
  g_assert_cmpint (held_dead, ==, 1);
  gs_persistent_free (watch);
  fixture_close (&f);
}

/* A finalizer queued while script runs waits for a safe point, or for
 * gs_runtime_run_finalizers. */
static GsValue *
native_gc_and_count (GsContext *ctx, const GsCallbackInfo *info)
{
  gs_runtime_collect_garbage (gs_context_get_runtime (ctx));
  return NULL;
}

static int script_finalized;

static GsValue *
native_count (GsContext *ctx, const GsCallbackInfo *info)
{
  return gs_value_new_number (ctx, script_finalized);
}

static GsValue *
native_drain (GsContext *ctx, const GsCallbackInfo *info)
{
  gs_runtime_run_finalizers (gs_context_get_runtime (ctx));
  return gs_value_new_number (ctx, script_finalized);
}

static GsClass *script_class;

static GsValue *
native_make (GsContext *ctx, const GsCallbackInfo *info)
{
  Thing *t = g_new0 (Thing, 1);
  t->finalized = &script_finalized;
  return gs_object_new_native (ctx, script_class, NULL, t);
}

static void
define_function (Fixture *f, const char *name, GsNativeFunc fn)
{
  GsValue *v = gs_function_new (f->ctx, name, 0, fn, NULL);
  gs_object_set_property (f->ctx, gs_context_get_global (f->ctx), name, v);
}

static void
test_native_finalize_waits_for_safe_point (void)
{
  Fixture f;
  fixture_open (&f);
  script_class = gs_class_new (f.rt, &thing_info);
  script_finalized = 0;
  define_function (&f, "make", native_make);
  define_function (&f, "collect", native_gc_and_count);
  define_function (&f, "count", native_count);
  define_function (&f, "drain", native_drain);
  g_autofree char *r = run (&f,
                            "function two () { make(); make(); }\n"
                            "two(); collect();\n"
                            "var during = count();\n"
                            "var drained = drain();\n"
                            "(function () { make(); })(); collect();\n"
                            "globalThis.result = [during, drained, count()];\n",
                            FALSE);
  g_assert_cmpstr (r, ==, "0,2,2");
  /* The script's return was a safe point. */
  g_assert_cmpint (script_finalized, ==, 3);
  fixture_close (&f);
}

/* Every object of a class is finalized when the runtime dies. */
static void
test_native_finalize_at_runtime_free (void)
{
  Fixture f;
  fixture_open (&f);
  GsClass *cls = gs_class_new (f.rt, &thing_info);
  int finalized = 0;
  Thing *t = g_new0 (Thing, 1);
  t->finalized = &finalized;
  GsValue *o = gs_object_new_native (f.ctx, cls, NULL, t);
  gs_object_set_property (f.ctx, gs_context_get_global (f.ctx), "keep", o);
  fixture_close (&f);
  g_assert_cmpint (finalized, ==, 1);
}

/* Memory tied to a native object counts until the collection that finds
 * the object dead, not until its finalizer runs. */
static void
test_external_size (void)
{
  Fixture f;
  fixture_open (&f);
  GsClass *cls = gs_class_new (f.rt, &thing_info);
  int finalized = 0;
  GsHeapStatistics st;
  {
    GsHandleScope inner;
    gs_handle_scope_open (&inner, f.rt);
    Thing *t = g_new0 (Thing, 1);
    t->finalized = &finalized;
    GsValue *o = gs_object_new_native (f.ctx, cls, NULL, t);
    gs_object_set_external_size (o, cls, 1000);
    gs_runtime_get_heap_statistics (f.rt, &st);
    g_assert_cmpint (st.external_bytes, ==, 1000);
    gs_object_set_external_size (o, cls, 400);
    gs_runtime_get_heap_statistics (f.rt, &st);
    g_assert_cmpint (st.external_bytes, ==, 400);
    gs_handle_scope_close (&inner);
  }
  /* A script-side collection (finalizers wait) still drops the count. */
  g_assert_nonnull (gs_context_eval (f.ctx, "gc ()", -1, "gc.js",
                                     GS_EVAL_DEFAULT));
  gs_runtime_get_heap_statistics (f.rt, &st);
  g_assert_cmpint (st.external_bytes, ==, 0);
  g_assert_cmpint (finalized, ==, 1);
  fixture_close (&f);
}

/* ------------------------------------------------------------------ */
/* Resolve hooks, accessors, constructors                              */
/* ------------------------------------------------------------------ */

static int resolves;

static GsValue *
getter_answer (GsContext *ctx, const GsCallbackInfo *info)
{
  return gs_value_new_number (ctx, 42);
}

static GsValue *
setter_log (GsContext *ctx, const GsCallbackInfo *info)
{
  gs_object_set_property (ctx, gs_context_get_global (ctx), "setTo",
                          gs_callback_info_get_arg (info, 0));
  return NULL;
}

static gboolean
lazy_resolve (GsContext *ctx, GsValue *object, const char *name,
              gpointer native)
{
  resolves++;
  if (strcmp (name, "fail") == 0)
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE, "no %s here", name);
      return FALSE;
    }
  if (strcmp (name, "answer") == 0)
    return gs_object_define_accessor (
        ctx, object, name, gs_function_new (ctx, "get", 0, getter_answer, NULL),
        gs_function_new (ctx, "set", 1, setter_log, NULL),
        GS_PROPERTY_DONTENUM);
  if (g_str_has_prefix (name, "lazy"))
    {
      GsValue *v = gs_value_new_string (ctx, name + 4, -1);
      return gs_object_define_property (ctx, object, name, v,
                                        GS_PROPERTY_READONLY);
    }
  return TRUE;
}

static const GsClassInfo lazy_info = {
  .name = "Lazy",
  .resolve = lazy_resolve,
};

static void
test_resolve_hook (void)
{
  Fixture f;
  fixture_open (&f);
  GsClass *cls = gs_class_new (f.rt, &lazy_info);
  GsValue *ns = gs_object_new_native (f.ctx, cls, NULL, NULL);
  gs_object_set_property (f.ctx, gs_context_get_global (f.ctx), "ns", ns);
  resolves = 0;
  g_autofree char *r = run (&f,
                            "var a = [];\n"
                            "for (var i = 0; i < 3; i++) a.push(ns.lazyOne);\n"
                            "a.push(ns.missing, 'lazyTwo' in ns);\n"
                            "var proto = Object.create(ns);\n"
                            "a.push(proto.lazyThree, proto.answer);\n"
                            "proto.answer = 7; a.push(setTo);\n"
                            "try { ns.fail } catch (e) { a.push(e.message) }\n"
                            "globalThis.result = a.join();\n",
                            FALSE);
  g_assert_cmpstr (r, ==, "One,One,One,,true,Three,42,7,no fail here");
  /* Made once: later reads find the property.  (missing, lazyOne, and the
     rest once each, but missing may ask again.) */
  g_assert_cmpint (resolves, <=, 8);
  g_assert_true (gs_object_has_own_property (f.ctx, ns, "lazyFour"));
  g_assert_false (gs_object_has_own_property (f.ctx, ns, "nothing"));
  fixture_close (&f);
}

static GsValue *
point_ctor (GsContext *ctx, const GsCallbackInfo *info)
{
  GsValue *nt = gs_callback_info_get_new_target (info);
  if (gs_value_is_undefined (nt))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "Point must be called with new");
  GsValue *proto = gs_object_get_property (ctx, nt, "prototype");
  GsValue *o = gs_value_new_object_with_prototype (ctx, proto);
  gs_object_set_property (ctx, o, "x", gs_callback_info_get_arg (info, 0));
  return o;
}

static void
test_constructor (void)
{
  Fixture f;
  fixture_open (&f);
  GsValue *proto = gs_value_new_object (f.ctx);
  GsValue *ctor = gs_constructor_new (f.ctx, "Point", 1, point_ctor, NULL,
                                      proto);
  gs_object_set_property (f.ctx, gs_context_get_global (f.ctx), "Point",
                          ctor);
  g_autofree char *r = run (&f,
                            "class P3 extends Point {\n"
                            "  constructor (x) { super(x); this.z = 3; } }\n"
                            "var p = new Point(1), q = new P3(2);\n"
                            "var a = [p.x, p instanceof Point,\n"
                            "  Point.prototype.constructor === Point,\n"
                            "  Point.name, Point.length, q.x, q.z,\n"
                            "  q instanceof P3, q instanceof Point];\n"
                            "try { Point(1) } catch (e) { a.push(e.message) }\n"
                            "globalThis.result = a.join();\n",
                            FALSE);
  g_assert_cmpstr (r, ==, "1,true,true,Point,1,2,3,true,true,"
                          "Point must be called with new");
  GsValue *args[] = { gs_value_new_number (f.ctx, 5) };
  GsValue *p = gs_function_construct (f.ctx, ctor, 1, args);
  g_assert_nonnull (p);
  gboolean is;
  g_assert_true (gs_value_instance_of (f.ctx, p, ctor, &is));
  g_assert_true (is);
  g_assert_cmpfloat (gs_value_get_number (gs_object_get_property (f.ctx, p,
                                                                  "x")),
                     ==, 5);
  fixture_close (&f);
}

static void
test_values (void)
{
  Fixture f;
  fixture_open (&f);
  GsValue *a = gs_value_new_array (f.ctx, 2);
  g_assert_true (gs_value_is_array (a));
  g_assert_true (gs_object_set_index (f.ctx, a, 1,
                                      gs_value_new_string (f.ctx, "b", -1)));
  g_assert_true (gs_value_is_undefined (gs_object_get_index (f.ctx, a, 0)));
  g_autofree char *s = gs_value_to_string (f.ctx, a);
  g_assert_cmpstr (s, ==, ",b");
  double d;
  g_assert_true (gs_value_to_number (f.ctx, gs_value_new_string (f.ctx, "12",
                                                                  -1),
                                     &d));
  g_assert_cmpfloat (d, ==, 12);
  g_assert_false (gs_value_to_boolean (gs_value_new_string (f.ctx, "", -1)));
  GsValue *o = gs_value_new_object (f.ctx);
  gs_object_set_property (f.ctx, o, "b", a);
  g_assert_true (gs_object_define_property (f.ctx, o, "hidden", a,
                                            GS_PROPERTY_DONTENUM));
  gs_object_set_property (f.ctx, o, "c", a);
  g_auto (GStrv) keys = gs_object_dup_keys (f.ctx, o);
  g_assert_cmpuint (g_strv_length (keys), ==, 2);
  g_assert_cmpstr (keys[0], ==, "b");
  g_assert_cmpstr (keys[1], ==, "c");
  /* A read-only property refuses redefinition as writable. */
  g_assert_true (gs_object_define_property (f.ctx, o, "ro", a,
                                            GS_PROPERTY_READONLY
                                                | GS_PROPERTY_DONTDELETE));
  g_assert_false (gs_object_define_property (f.ctx, o, "ro", o, 0));
  GsValue *e = gs_context_take_exception (f.ctx);
  g_autofree char *es = gs_value_to_string (f.ctx, e);
  g_assert_cmpstr (es, ==, "TypeError: Cannot redefine property: ro");
  GsValue *err = gs_value_new_error (f.ctx, GS_ERROR_RANGE, "too far");
  g_autofree char *errs = gs_value_to_string (f.ctx, err);
  g_assert_cmpstr (errs, ==, "RangeError: too far");
  GsValue *proto = gs_value_new_object (f.ctx);
  GsValue *child = gs_value_new_object_with_prototype (f.ctx, proto);
  g_assert_true (gs_value_strict_equals (gs_object_get_prototype (f.ctx,
                                                                  child),
                                         proto));
  g_assert_true (gs_object_set_prototype (f.ctx, child, NULL));
  g_assert_true (gs_value_is_null (gs_object_get_prototype (f.ctx, child)));
  /* A cycle is refused. */
  g_assert_true (gs_object_set_prototype (f.ctx, child, proto));
  g_assert_false (gs_object_set_prototype (f.ctx, proto, child));
  g_assert_true (gs_context_has_exception (f.ctx));
  gs_context_take_exception (f.ctx);
  fixture_close (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api-native/module-hook/static-import",
                   test_module_hook_static_import);
  g_test_add_func ("/api-native/module-hook/errors", test_module_hook_errors);
  g_test_add_func ("/api-native/module-hook/dynamic-import",
                   test_module_hook_dynamic_import);
  g_test_add_func ("/api-native/module-hook/absent", test_module_hook_absent);
  g_test_add_func ("/api-native/class/finalize-after-gc",
                   test_native_finalize_after_gc);
  g_test_add_func ("/api-native/class/finalize-at-safe-point",
                   test_native_finalize_waits_for_safe_point);
  g_test_add_func ("/api-native/class/finalize-at-runtime-free",
                   test_native_finalize_at_runtime_free);
  g_test_add_func ("/api-native/class/resolve", test_resolve_hook);
  g_test_add_func ("/api-native/class/external-size", test_external_size);
  g_test_add_func ("/api-native/constructor", test_constructor);
  g_test_add_func ("/api-native/values", test_values);
  return g_test_run ();
}
