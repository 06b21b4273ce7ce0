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
  return g_test_run ();
}
