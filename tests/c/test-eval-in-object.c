/* test-eval-in-object.c — gs_context_eval_in_object(), the evaluation
 * GJS's importer needs: a script whose top-level var and function
 * declarations land in a given object, with a top-level scope of its own.
 * Through the shared library's exports only.
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
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->rt = gs_runtime_new ();
  f->ctx = gs_context_new (f->rt);
  gs_handle_scope_open (&f->scope, f->rt);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gs_handle_scope_close (&f->scope);
  gs_context_free (f->ctx);
  gs_runtime_free (f->rt);
}

/* Evaluates a global script and returns its completion value as a
 * string, failing the test if it threw. */
static char *
global_string (Fixture *f, const char *source)
{
  GsValue *v = gs_context_eval (f->ctx, source, -1, "check.js",
                                GS_EVAL_DEFAULT);
  g_assert_nonnull (v);
  char *s = gs_value_to_string (f->ctx, v);
  g_assert_nonnull (s);
  return s;
}

static char *
property_string (Fixture *f, GsValue *o, const char *name)
{
  GsValue *v = gs_object_get_property (f->ctx, o, name);
  g_assert_nonnull (v);
  char *s = gs_value_to_string (f->ctx, v);
  g_assert_nonnull (s);
  return s;
}

#define assert_property(f, o, name, want)                                  \
  G_STMT_START                                                             \
  {                                                                        \
    char *got_ = property_string (f, o, name);                             \
    g_assert_cmpstr (got_, ==, want);                                      \
    g_free (got_);                                                         \
  }                                                                        \
  G_STMT_END

#define assert_global(f, source, want)                                     \
  G_STMT_START                                                             \
  {                                                                        \
    char *got_ = global_string (f, source);                                \
    g_assert_cmpstr (got_, ==, want);                                      \
    g_free (got_);                                                         \
  }                                                                        \
  G_STMT_END

/* var and function declarations become the object's properties, and
 * nothing leaks into the global scope; let and const stay the script's
 * own. */
static void
test_declarations (Fixture *f, gconstpointer data)
{
  GsValue *o = gs_value_new_object (f->ctx);
  GsValue *r = gs_context_eval_in_object (
      f->ctx,
      "var a = 1;\n"
      "function twice (x) { return 2 * x; }\n"
      "let hidden = 'mine';\n"
      "const k = 3;\n"
      "class C {}\n"
      "if (true) { var inBlock = 'b'; }\n"
      "var b = twice (a) + k;\n"
      "b",
      -1, "mod.js", o, GS_EVAL_DEFAULT);
  g_assert_nonnull (r);
  g_assert_cmpfloat (gs_value_get_number (r), ==, 5);
  assert_property (f, o, "a", "1");
  assert_property (f, o, "b", "5");
  assert_property (f, o, "inBlock", "b");
  GsValue *fn = gs_object_get_property (f->ctx, o, "twice");
  g_assert_true (gs_value_is_function (fn));
  g_assert_false (gs_object_has_own_property (f->ctx, o, "hidden"));
  g_assert_false (gs_object_has_own_property (f->ctx, o, "k"));
  g_assert_false (gs_object_has_own_property (f->ctx, o, "C"));
  assert_global (f, "typeof a + typeof twice + typeof hidden + typeof C",
                 "undefinedundefinedundefinedundefined");
}

/* Functions of the script see the object's properties as they are when
 * they run, global names after those, and the script's own lexicals. */
static void
test_lookup (Fixture *f, gconstpointer data)
{
  gs_context_eval (f->ctx, "var shared = 'global'; let glet = 'glet';", -1,
                   "g.js", GS_EVAL_DEFAULT);
  GsValue *o = gs_value_new_object (f->ctx);
  gs_object_set_property (f->ctx, o, "given",
                          gs_value_new_string (f->ctx, "given", -1));
  GsValue *r = gs_context_eval_in_object (
      f->ctx,
      "let count = 0;\n"
      "var shared = 'module';\n"
      "function report () {\n"
      "  count++;\n"
      "  return [given, shared, glet, count, typeof Math, this === undefined"
      "          || this === globalThis].join (' ');\n"
      "}\n"
      "var self = this;\n",
      -1, "mod.js", o, GS_EVAL_DEFAULT);
  g_assert_nonnull (r);
  /* this at the top level is the object. */
  GsValue *self = gs_object_get_property (f->ctx, o, "self");
  g_assert_true (gs_value_strict_equals (self, o));
  GsValue *report = gs_object_get_property (f->ctx, o, "report");
  gs_object_set_property (f->ctx, o, "given",
                          gs_value_new_string (f->ctx, "changed", -1));
  GsValue *v = gs_function_call (f->ctx, report, NULL, 0, NULL);
  g_assert_nonnull (v);
  char *s = gs_value_dup_string (v);
  g_assert_cmpstr (s, ==, "changed module glet 1 object true");
  g_free (s);
  v = gs_function_call (f->ctx, report, NULL, 0, NULL);
  s = gs_value_dup_string (v);
  g_assert_cmpstr (s, ==, "changed module glet 2 object true");
  g_free (s);
  /* The global var is untouched. */
  assert_global (f, "shared", "global");
}

/* A strict script still declares its vars and functions in the object,
 * and an assignment to an undeclared name is a ReferenceError. */
static void
test_strict (Fixture *f, gconstpointer data)
{
  GsValue *o = gs_value_new_object (f->ctx);
  GsValue *r = gs_context_eval_in_object (
      f->ctx, "'use strict';\nvar v = 1;\nfunction g () { return v; }\n", -1,
      "strict.js", o, GS_EVAL_DEFAULT);
  g_assert_nonnull (r);
  assert_property (f, o, "v", "1");
  g_assert_true (gs_value_is_function (gs_object_get_property (f->ctx, o,
                                                               "g")));
  GsValue *o2 = gs_value_new_object (f->ctx);
  g_assert_null (gs_context_eval_in_object (f->ctx, "undeclared = 1;", -1,
                                            "strict2.js", o2,
                                            GS_EVAL_STRICT));
  GsValue *e = gs_context_take_exception (f->ctx);
  assert_property (f, e, "name", "ReferenceError");
  assert_global (f, "typeof undeclared", "undefined");
}

/* GS_EVAL_EXPORT_LEXICALS copies let, const and class at the end. */
static void
test_export_lexicals (Fixture *f, gconstpointer data)
{
  GsValue *o = gs_value_new_object (f->ctx);
  GsValue *r = gs_context_eval_in_object (
      f->ctx,
      "const K = 'k';\nlet L = 1;\nL++;\nclass C {}\nvar seenEarly = "
      "Object.keys (this).join ();\n",
      -1, "lex.js", o, GS_EVAL_EXPORT_LEXICALS);
  g_assert_nonnull (r);
  assert_property (f, o, "K", "k");
  assert_property (f, o, "L", "2");
  g_assert_true (gs_value_is_function (gs_object_get_property (f->ctx, o,
                                                               "C")));
  /* Not before the end. */
  assert_property (f, o, "seenEarly", "seenEarly");
  /* A script that throws exports nothing more. */
  GsValue *o2 = gs_value_new_object (f->ctx);
  g_assert_null (gs_context_eval_in_object (
      f->ctx, "const early = 1;\nvar v = 2;\nthrow new Error ('top');\n", -1,
      "throws.js", o2, GS_EVAL_EXPORT_LEXICALS));
  GsValue *e = gs_context_take_exception (f->ctx);
  assert_property (f, e, "message", "top");
  g_assert_false (gs_object_has_own_property (f->ctx, o2, "early"));
  assert_property (f, o2, "v", "2");
}

/* A syntax error names the file, line and column; nothing ran. */
static void
test_syntax_error (Fixture *f, gconstpointer data)
{
  GsValue *o = gs_value_new_object (f->ctx);
  g_assert_null (gs_context_eval_in_object (f->ctx,
                                            "var ok = 1;\nvar = 2;\n", -1,
                                            "bad.js", o, GS_EVAL_DEFAULT));
  GsValue *e = gs_context_take_exception (f->ctx);
  assert_property (f, e, "name", "SyntaxError");
  assert_property (f, e, "fileName", "bad.js");
  assert_property (f, e, "lineNumber", "2");
  assert_property (f, e, "columnNumber", "5");
  g_assert_false (gs_object_has_own_property (f->ctx, o, "ok"));
}

/* The stack of an error thrown inside names the file. */
static void
test_stack (Fixture *f, gconstpointer data)
{
  GsValue *o = gs_value_new_object (f->ctx);
  g_assert_null (gs_context_eval_in_object (
      f->ctx, "\n\nfunction boom () { throw new Error ('x'); }\nboom ();\n",
      -1, "/some/dir/stack.js", o, GS_EVAL_DEFAULT));
  GsValue *e = gs_context_take_exception (f->ctx);
  char *stack = property_string (f, e, "stack");
  g_assert_nonnull (strstr (stack, "/some/dir/stack.js:3:"));
  g_free (stack);
}

/* Direct eval inside the script, and closures made by it, work in the
 * object's scope; values survive collections between the calls. */
static void
test_eval_and_gc (Fixture *f, gconstpointer data)
{
  GsValue *o = gs_value_new_object (f->ctx);
  GsValue *r = gs_context_eval_in_object (
      f->ctx,
      "var fromEval = eval ('var inner = 40; inner + 1');\n"
      "let n = 0;\n"
      "var counter = () => ++n + inner;\n",
      -1, "eval.js", o, GS_EVAL_DEFAULT);
  g_assert_nonnull (r);
  assert_property (f, o, "fromEval", "41");
  assert_property (f, o, "inner", "40");
  gs_runtime_collect_garbage (f->rt);
  GsValue *counter = gs_object_get_property (f->ctx, o, "counter");
  gs_runtime_collect_garbage (f->rt);
  GsValue *v = gs_function_call (f->ctx, counter, NULL, 0, NULL);
  g_assert_nonnull (v);
  g_assert_cmpfloat (gs_value_get_number (v), ==, 41);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn)                                                      \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/eval-in-object/declarations", test_declarations);
  ADD ("/eval-in-object/lookup", test_lookup);
  ADD ("/eval-in-object/strict", test_strict);
  ADD ("/eval-in-object/export-lexicals", test_export_lexicals);
  ADD ("/eval-in-object/syntax-error", test_syntax_error);
  ADD ("/eval-in-object/stack", test_stack);
  ADD ("/eval-in-object/eval-and-gc", test_eval_and_gc);
#undef ADD
  return g_test_run ();
}
