/* test-gi.c — ownership of wrapped GObjects, observed from C.
 *
 * Weak references (g_object_weak_ref) say exactly when an object is
 * finalized; the tests drop the script's references, collect, and check
 * that each object is alive or gone as the ownership rules say.  Runs
 * under a private X server (tests/gtk/xvfb-run.py).
 */
#include <gscript/gscript.h>
#include <gtk/gtk.h>

#include "gscript-gi.h"

typedef struct
{
  GsRuntime *rt;
  GsContext *ctx;
  GsHandleScope scope;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->rt = gs_runtime_new ();
  f->ctx = gs_context_new (f->rt);
  gs_handle_scope_open (&f->scope, f->rt);
  g_assert_true (gs_gi_install (f->ctx, NULL));
  GsValue *imports = gs_value_new_object (f->ctx);
  gs_object_set_property (f->ctx, imports, "gi", gs_gi_get_root (f->ctx));
  gs_object_set_property (f->ctx, gs_context_get_global (f->ctx), "imports",
                          imports);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gs_gi_shutdown (f->ctx);
  gs_handle_scope_close (&f->scope);
  gs_context_free (f->ctx);
  gs_runtime_free (f->rt);
}

/* Runs source in a scope of its own; fails the test on an exception. */
static void
run (Fixture *f, const char *source)
{
  GsHandleScope scope;
  gs_handle_scope_open (&scope, f->rt);
  if (!gs_context_eval (f->ctx, source, -1, "test.js", GS_EVAL_DEFAULT))
    {
      GsValue *e = gs_context_take_exception (f->ctx);
      g_autofree char *s = gs_value_to_string (f->ctx, e);
      g_error ("script failed: %s", s);
    }
  gs_handle_scope_close (&scope);
}

static gboolean
run_bool (Fixture *f, const char *source)
{
  GsHandleScope scope;
  gs_handle_scope_open (&scope, f->rt);
  GsValue *v = gs_context_eval (f->ctx, source, -1, "test.js",
                                GS_EVAL_DEFAULT);
  if (!v)
    {
      GsValue *e = gs_context_take_exception (f->ctx);
      g_autofree char *s = gs_value_to_string (f->ctx, e);
      g_error ("script failed: %s", s);
    }
  gboolean r = gs_value_to_boolean (v);
  gs_handle_scope_close (&scope);
  return r;
}

/* The GObject behind the global `name`. */
static GObject *
global_object (Fixture *f, const char *name)
{
  GsHandleScope scope;
  gs_handle_scope_open (&scope, f->rt);
  GsValue *v = gs_object_get_property (f->ctx, gs_context_get_global (f->ctx),
                                       name);
  GObject *o = v ? gs_gi_get_object (v) : NULL;
  gs_handle_scope_close (&scope);
  g_assert_nonnull (o);
  return o;
}

static void
on_finalized (gpointer data, GObject *where)
{
  (*(int *) data)++;
}

static void
on_destroy (GObject *o, gpointer data)
{
  (*(int *) data)++;
}

static void
watch (GObject *o, int *dead)
{
  g_object_weak_ref (o, on_finalized, dead);
}

static void
collect (Fixture *f)
{
  /* From C, outside script: the finalizers run before this returns. */
  gs_runtime_collect_garbage (f->rt);
}

static const char prelude[]
    = "imports.gi.versions.Gtk = '4.0';\n"
      "var Gtk = imports.gi.Gtk, GObject = imports.gi.GObject;\n";

/* A wrapper the script alone holds dies with its object. */
static void
test_automatic_script_only (Fixture *f, gconstpointer data)
{
  run (f, prelude);
  run (f, "globalThis.b = new Gtk.Button({label: 'x'});");
  int dead = 0;
  watch (global_object (f, "b"), &dead);
  collect (f);
  g_assert_cmpint (dead, ==, 0);
  run (f, "delete globalThis.b;");
  collect (f);
  g_assert_cmpint (dead, ==, 1);
}

/* While C holds a reference the wrapper stays, with its JS state, and
 * comes back as the same object. */
static void
test_automatic_native_holds (Fixture *f, gconstpointer data)
{
  run (f, prelude);
  run (f, "globalThis.b = new Gtk.Button(); b.tag = 'kept';");
  GObject *o = g_object_ref (global_object (f, "b"));
  int dead = 0;
  watch (o, &dead);
  run (f, "delete globalThis.b;");
  collect (f);
  collect (f);
  g_assert_cmpint (dead, ==, 0);
  {
    GsHandleScope scope;
    gs_handle_scope_open (&scope, f->rt);
    GsValue *w = gs_gi_wrap_object (f->ctx, o);
    gs_object_set_property (f->ctx, gs_context_get_global (f->ctx), "again",
                            w);
    gs_handle_scope_close (&scope);
  }
  g_assert_true (run_bool (f, "again.tag === 'kept'"));
  run (f, "delete globalThis.again;");
  g_object_unref (o);
  collect (f);
  g_assert_cmpint (dead, ==, 1);
}

/* A child kept by its parent keeps its wrapper (identity and expandos)
 * across collections. */
static void
test_identity_across_gcs (Fixture *f, gconstpointer data)
{
  run (f, prelude);
  run (f, "globalThis.w = new Gtk.Window();\n"
          "(function () { const b = new Gtk.Button(); b.tag = 42;"
          " w.child = b; })();");
  collect (f);
  collect (f);
  g_assert_true (run_bool (f, "w.child.tag === 42 && w.child === w.child"));
  run (f, "w.destroy ();");
}

/* A detached tree of widgets dies in one collection. */
static void
test_detached_tree_one_gc (Fixture *f, gconstpointer data)
{
  run (f, prelude);
  run (f, "globalThis.box = new Gtk.Box();\n"
          "for (let i = 0; i < 3; i++) {\n"
          "  const inner = new Gtk.Box();\n"
          "  inner.append(new Gtk.Label({label: 'l' + i}));\n"
          "  box.append(inner);\n"
          "}");
  GObject *box = global_object (f, "box");
  int dead = 0;
  watch (box, &dead);
  int n = 1;
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (box)); c;
       c = gtk_widget_get_next_sibling (c))
    {
      watch (G_OBJECT (c), &dead);
      watch (G_OBJECT (gtk_widget_get_first_child (c)), &dead);
      n += 2;
    }
  g_assert_cmpint (n, ==, 7);
  collect (f);
  g_assert_cmpint (dead, ==, 0);
  run (f, "delete globalThis.box;");
  collect (f);
  g_assert_cmpint (dead, ==, 7);
}

/* A handler that captures its own object makes no leak. */
static void
test_closure_cycle (Fixture *f, gconstpointer data)
{
  run (f, prelude);
  run (f, "globalThis.b = new Gtk.Button();\n"
          "b.connect('clicked', () => { b.label = 'clicked'; });\n"
          "b.emit('clicked');");
  int dead = 0;
  watch (global_object (f, "b"), &dead);
  g_assert_true (run_bool (f, "b.label === 'clicked'"));
  run (f, "delete globalThis.b;");
  collect (f);
  g_assert_cmpint (dead, ==, 1);
}

/* Script-owned: collecting the wrapper destroys the object even though
 * C holds it. */
static void
test_script_owned (Fixture *f, gconstpointer data)
{
  run (f, prelude);
  run (f, "globalThis.b = new Gtk.Button();\n"
          "GObject.setObjectOwnership(b, GObject.Ownership.SCRIPT);");
  g_assert_true (run_bool (f, "GObject.getObjectOwnership(b) === 1"));
  GObject *o = g_object_ref (global_object (f, "b"));
  GsGiOwnership mode = GS_GI_OWNERSHIP_AUTOMATIC;
  g_assert_true (gs_gi_get_ownership (o, &mode));
  g_assert_cmpint (mode, ==, GS_GI_OWNERSHIP_SCRIPT);
  /* Set from C, read from script. */
  g_assert_true (gs_gi_set_ownership (o, GS_GI_OWNERSHIP_NATIVE));
  g_assert_true (run_bool (f, "GObject.getObjectOwnership(b) === "
                              "GObject.Ownership.NATIVE"));
  g_assert_true (gs_gi_set_ownership (o, GS_GI_OWNERSHIP_SCRIPT));
  GObject *unwrapped = g_object_new (G_TYPE_OBJECT, NULL);
  g_assert_false (gs_gi_get_ownership (unwrapped, &mode));
  g_object_unref (unwrapped);
  int dead = 0, destroyed = 0;
  watch (o, &dead);
  g_signal_connect (o, "destroy", G_CALLBACK (on_destroy), &destroyed);
  collect (f);
  g_assert_cmpint (destroyed, ==, 0);
  run (f, "delete globalThis.b;");
  collect (f);
  /* Disposed (weak references hear of it too), not finalized: C still
     holds its reference, the only one left. */
  g_assert_cmpint (destroyed, ==, 1);
  g_assert_cmpint (dead, ==, 1);
  g_assert_cmpint (o->ref_count, ==, 1);
  g_object_unref (o);
}

/* Native-owned: the wrapper only watches; when the object goes, using
 * the wrapper raises a TypeError naming the type. */
static void
test_native_owned (Fixture *f, gconstpointer data)
{
  run (f, prelude);
  run (f, "globalThis.b = new Gtk.Button();");
  GObject *o = g_object_ref (global_object (f, "b"));
  int dead = 0;
  watch (o, &dead);
  run (f, "GObject.setObjectOwnership(b, GObject.Ownership.NATIVE);");
  collect (f);
  g_assert_cmpint (dead, ==, 0);
  g_assert_true (run_bool (f, "b.get_label() === null"));
  g_object_unref (o);
  g_assert_cmpint (dead, ==, 1);
  g_assert_true (run_bool (
      f, "try { b.label; false } catch (e) {\n"
         "  e instanceof TypeError && e.message.startsWith('Object Gtk.Button is gone')\n"
         "}"));
}

/* A native-owned object nobody else holds goes at once. */
static void
test_native_owned_unheld (Fixture *f, gconstpointer data)
{
  run (f, prelude);
  run (f, "globalThis.b = new Gtk.Label();");
  int dead = 0;
  watch (global_object (f, "b"), &dead);
  run (f, "GObject.setObjectOwnership(b, GObject.Ownership.NATIVE);");
  g_assert_cmpint (dead, ==, 1);
}

/* Objects returned with transfer full are not leaked; with transfer none
 * they are not over-released. */
static void
test_transfer (Fixture *f, gconstpointer data)
{
  run (f, prelude);
  run (f, "globalThis.Gio = imports.gi.Gio;\n"
          "globalThis.file = Gio.File.new_for_path('/tmp');\n"   /* full */
          "globalThis.parent = file.get_parent();\n"              /* full */
          "globalThis.w = new Gtk.Window();\n"
          "globalThis.child = new Gtk.Label();\n"
          "w.child = child;\n"
          "globalThis.again = w.get_child();");                  /* none */
  int dead = 0;
  watch (global_object (f, "file"), &dead);
  watch (global_object (f, "parent"), &dead);
  GObject *child = global_object (f, "child");
  g_assert_cmpint (child->ref_count, ==, 2); /* the parent's, the toggle */
  run (f, "delete globalThis.file; delete globalThis.parent;");
  collect (f);
  g_assert_cmpint (dead, ==, 2);
  run (f, "w.destroy();");
}

/* track (obj): counts the finalization of obj in `tracked_dead`, and
 * checks it happens on the script's thread. */
static int tracked_dead;
static GThread *script_thread;
static gboolean finalized_elsewhere;

static void
on_tracked_finalized (gpointer data, GObject *where)
{
  tracked_dead++;
  if (g_thread_self () != script_thread)
    finalized_elsewhere = TRUE;
}

static GsValue *
track (GsContext *ctx, const GsCallbackInfo *info)
{
  GObject *o = gs_gi_get_object (gs_callback_info_get_arg (info, 0));
  g_assert_nonnull (o);
  g_object_weak_ref (o, on_tracked_finalized, NULL);
  return gs_value_new_undefined (ctx);
}

static void
install_track (Fixture *f)
{
  tracked_dead = 0;
  finalized_elsewhere = FALSE;
  script_thread = g_thread_self ();
  GsHandleScope scope;
  gs_handle_scope_open (&scope, f->rt);
  gs_object_set_property (f->ctx, gs_context_get_global (f->ctx), "track",
                          gs_function_new (f->ctx, "track", 1, track, NULL));
  gs_handle_scope_close (&scope);
}

static GsHeapStatistics
heap_stats (Fixture *f)
{
  GsHeapStatistics st;
  gs_runtime_get_heap_statistics (f->rt, &st);
  return st;
}

static guint64
gc_count (Fixture *f)
{
  return heap_stats (f).gc_count;
}

/* 1,000 buttons whose "clicked" handlers capture them, that nothing
 * else holds, are finalized by the collections allocation brings
 * (no gc () call, no collection from C) within a few of them. */
static void
test_self_capturing_buttons (Fixture *f, gconstpointer data)
{
  run (f, prelude);
  install_track (f);
  run (f, "(function () {\n"
          "  for (let i = 0; i < 1000; i++) {\n"
          "    const b = new Gtk.Button({label: 'b' + i});\n"
          "    b.connect('clicked', () => { b.label = 'clicked'; });\n"
          "    track(b);\n"
          "  }\n"
          "})();");
  guint64 start = gc_count (f);
  int rounds = 0;
  while (tracked_dead < 1000 && gc_count (f) - start < 10 && rounds++ < 500)
    run (f, "(function () {\n"
            "  let keep;\n"
            "  for (let i = 0; i < 10000; i++) keep = {i, s: 'x' + i};\n"
            "  return keep;\n"
            "})();");
  g_test_message ("%d finalized after %" G_GUINT64_FORMAT " collections",
                  tracked_dead, gc_count (f) - start);
  g_assert_cmpint (tracked_dead, ==, 1000);
  /* (Under GSCRIPT_GC_STRESS every allocation collects.) */
  if (!g_getenv ("GSCRIPT_GC_STRESS"))
    g_assert_cmpuint (gc_count (f) - start, <=, 3);
  g_assert_false (finalized_elsewhere);
}

static gpointer
unref_all (gpointer data)
{
  GPtrArray *objects = data;
  for (guint i = 0; i < objects->len; i++)
    {
      g_object_unref (g_ptr_array_index (objects, i));
      if (i % 16 == 0)
        g_thread_yield ();
    }
  return NULL;
}

/* References dropped on another thread (as GTask and GDBus do) while
 * the script's thread collects: the toggle notifications are only
 * recorded there, and the objects are released on the script's thread
 * by the next collection, with their wrappers' state intact until then. */
static void
test_unref_other_thread (Fixture *f, gconstpointer data)
{
  run (f, prelude);
  install_track (f);
  run (f, "globalThis.objs = [];\n"
          "for (let i = 0; i < 300; i++) {\n"
          "  const o = i % 2 ? new Gtk.Label() : new GObject.Object();\n"
          "  o.tag = i; objs.push(o); track(o);\n"
          "}");
  GPtrArray *held = g_ptr_array_new ();
  {
    GsHandleScope scope;
    gs_handle_scope_open (&scope, f->rt);
    GsValue *objs = gs_object_get_property (
        f->ctx, gs_context_get_global (f->ctx), "objs");
    for (guint i = 0; i < 300; i++)
      g_ptr_array_add (held, g_object_ref (gs_gi_get_object (
                                 gs_object_get_index (f->ctx, objs, i))));
    gs_handle_scope_close (&scope);
  }
  run (f, "delete globalThis.objs;");
  collect (f);
  g_assert_cmpint (tracked_dead, ==, 0);
  /* C's references keep the wrappers, expandos included. */
  {
    GsHandleScope scope;
    gs_handle_scope_open (&scope, f->rt);
    gs_object_set_property (
        f->ctx, gs_context_get_global (f->ctx), "again",
        gs_gi_wrap_object (f->ctx, g_ptr_array_index (held, 7)));
    gs_handle_scope_close (&scope);
  }
  g_assert_true (run_bool (f, "again.tag === 7"));
  run (f, "delete globalThis.again;");
  GThread *t = g_thread_new ("unref", unref_all, held);
  for (int i = 0; i < 20; i++)
    {
      run (f, "for (let i = 0; i < 2000; i++) ({i});");
      collect (f);
    }
  g_thread_join (t);
  g_assert_false (finalized_elsewhere);
  collect (f);
  g_assert_cmpint (tracked_dead, ==, 300);
  g_assert_false (finalized_elsewhere);
  g_ptr_array_free (held, TRUE);
}

/* 10,000 widgets made and dropped: every one is finalized, and the
 * heap, the external memory reported for them and the committed pages
 * return to where they were. */
static void
test_ten_thousand_widgets (Fixture *f, gconstpointer data)
{
  run (f, prelude);
  install_track (f);
  run (f, "for (let i = 0; i < 200; i++) new Gtk.Label({label: 'w' + i});");
  collect (f);
  gs_runtime_memory_pressure_notification (f->rt,
                                           GS_MEMORY_PRESSURE_CRITICAL);
  GsHeapStatistics before, after;
  gs_runtime_get_heap_statistics (f->rt, &before);
  run (f, "for (let i = 0; i < 10000; i++) {\n"
          "  const l = new Gtk.Label({label: 'label ' + i});\n"
          "  l.get_label(); track(l);\n"
          "}");
  collect (f);
  collect (f);
  g_assert_cmpint (tracked_dead, ==, 10000);
  gs_runtime_memory_pressure_notification (f->rt,
                                           GS_MEMORY_PRESSURE_CRITICAL);
  gs_runtime_get_heap_statistics (f->rt, &after);
  g_test_message ("used %" G_GSIZE_FORMAT " -> %" G_GSIZE_FORMAT
                  ", committed %" G_GSIZE_FORMAT " -> %" G_GSIZE_FORMAT
                  ", external %" G_GINT64_FORMAT " -> %" G_GINT64_FORMAT,
                  before.used_bytes, after.used_bytes, before.committed_bytes,
                  after.committed_bytes, before.external_bytes,
                  after.external_bytes);
  g_assert_cmpuint (after.used_bytes, <=, before.used_bytes + 64 * 1024);
  g_assert_cmpuint (after.committed_bytes, <=,
                    before.committed_bytes + 256 * 1024);
  g_assert_cmpint (after.external_bytes, ==, before.external_bytes);
}

static gint64
external_bytes (Fixture *f)
{
  return heap_stats (f).external_bytes;
}

/* What wrappers report outside the heap: a widget's cost, a GBytes's
 * data, a texture's pixels; all of it returns when they go. */
static void
test_external_sizes (Fixture *f, gconstpointer data)
{
  run (f, prelude);
  run (f, "globalThis.GLib = imports.gi.GLib;\n"
          "imports.gi.versions.Gdk = '4.0';\n"
          "globalThis.Gdk = imports.gi.Gdk;");
  collect (f);
  gint64 base = external_bytes (f);
  run (f, "globalThis.labels = [];\n"
          "for (let i = 0; i < 100; i++) labels.push(new Gtk.Label());");
  gint64 labels = external_bytes (f) - base;
  g_assert_cmpint (labels, >=, 100 * (gint64) sizeof (GtkWidget));
  run (f, "globalThis.bytes = new GLib.Bytes(new Uint8Array(1 << 20));");
  gint64 bytes = external_bytes (f) - base - labels;
  g_assert_cmpint (bytes, >=, 1 << 20);
  g_assert_cmpint (bytes, <, (1 << 20) + 4096);
  run (f, "globalThis.tex = Gdk.MemoryTexture.new(512, 256,\n"
          "    Gdk.MemoryFormat.R8G8B8A8, bytes, 2048);");
  gint64 tex = external_bytes (f) - base - labels - bytes;
  g_assert_cmpint (tex, >=, 512 * 256 * 4);
  run (f, "delete globalThis.labels; delete globalThis.bytes;"
          " delete globalThis.tex;");
  collect (f);
  g_assert_cmpint (external_bytes (f), ==, base);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_message ("no display");
      return 77;
    }
#define ADD(path, fn)                                                       \
  g_test_add ("/gi/ownership/" path, Fixture, NULL, fixture_setup, fn,      \
              fixture_teardown)
  ADD ("automatic-script-only", test_automatic_script_only);
  ADD ("automatic-native-holds", test_automatic_native_holds);
  ADD ("identity-across-gcs", test_identity_across_gcs);
  ADD ("detached-tree-one-gc", test_detached_tree_one_gc);
  ADD ("closure-cycle", test_closure_cycle);
  ADD ("script-owned", test_script_owned);
  ADD ("native-owned", test_native_owned);
  ADD ("native-owned-unheld", test_native_owned_unheld);
  ADD ("transfer", test_transfer);
#undef ADD
#define ADD(path, fn)                                                       \
  g_test_add ("/gi/memory/" path, Fixture, NULL, fixture_setup, fn,         \
              fixture_teardown)
  ADD ("self-capturing-buttons", test_self_capturing_buttons);
  ADD ("unref-other-thread", test_unref_other_thread);
  ADD ("ten-thousand-widgets", test_ten_thousand_widgets);
  ADD ("external-sizes", test_external_sizes);
  return g_test_run ();
}
