/* module.c — ES modules: loading, linking, evaluation, namespaces.
 *
 * A module record is C data owned by the runtime's module map, keyed by
 * the file's canonical path; its heap values (code, environment,
 * namespace, import.meta, the compiler's import/export tables) are roots
 * through a root tracer.  Loading compiles a file and, recursively, what
 * it imports; linking makes every module's environment (from the shape
 * the compiler put in constant 0) and stores in each import binding an
 * ImportRef cell naming the exporting environment and slot, so imports
 * are live; evaluation runs each module's code once, dependencies first
 * (a module already evaluating — a cycle — is skipped, as the spec's
 * depth-first evaluation does).  Top-level await is not supported yet.
 *
 * Specifiers that are not file paths (a URL with a scheme other than
 * file:, such as gi://Gtk?version=4.0, or a bare name) go first to the
 * embedder's module hook (gs_runtime_set_module_resolver), which may serve
 * them as synthetic modules: a record with no code whose environment has
 * one binding, the default export, already evaluated.
 */
#include "config.h"

#include "module.h"

#include "builtins.h"
#include "compiler.h"
#include "promise.h"
#include "property.h"

#include <stdlib.h>

typedef enum
{
  MOD_NEW,
  MOD_LINKING,
  MOD_LINKED,
  MOD_EVALUATING,
  MOD_EVALUATING_ASYNC, /* its body (or a dependency's) awaits: done when
                           promise settles */
  MOD_EVALUATED,
  MOD_ERRORED,
} ModuleStatus;

struct JsModule
{
  char *path;          /* canonical path, the map's key */
  JsContext *ctx;      /* the realm it was loaded in */
  ModuleStatus status;
  JsValue code;        /* JsCode */
  JsValue env;         /* JsEnv, made at link time */
  JsValue ns;          /* the namespace object, made on demand */
  JsValue meta;        /* import.meta, made on demand */
  JsValue error;       /* the evaluation error of an errored module */
  uint32_t dfs_index;  /* order of evaluation, for cycles */
  struct JsModule *cycle_root; /* the first module of the cycle it is in
                                  (it finishes when that does), or NULL */
  JsValue promise;     /* while MOD_EVALUATING_ASYNC, and after: settles
                          when it (and what it imports) has run;
                          undefined for a module that ran at once */
  GPtrArray *requested;/* JsModule*, in the order of the specifiers */
  bool synthetic;      /* served by the embedder: no code, one binding
                          (default) in env, evaluated from the start */
};

/* An import binding's target: a slot of another module's environment. */
typedef struct
{
  JsShape *shape; /* header */
  JsEnv *env;     /* the exporting module's environment */
  JsValue slot;   /* int32 slot */
  JsValue unused;
} JsImportRef;

static void
import_ref_trace (JsTracer *trc, JsCell *cell)
{
  gc_mark_cell (trc, (JsCell *) ((JsImportRef *) cell)->env);
}

static const JsCellClass import_ref_class = {
  .name = "ImportRef",
  .kind = JS_KIND_INTERNAL,
  .trace = import_ref_trace,
};

/* ------------------------------------------------------------------ */
/* The module map                                                      */
/* ------------------------------------------------------------------ */

static void
modules_trace (JsRuntime *rt, JsTracer *trc, void *data)
{
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, rt->modules);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      JsModule *m = v;
      gc_mark_value (trc, m->code);
      gc_mark_value (trc, m->env);
      gc_mark_value (trc, m->ns);
      gc_mark_value (trc, m->meta);
      gc_mark_value (trc, m->error);
      gc_mark_value (trc, m->promise);
    }
  gc_mark_cell (trc, (JsCell *) rt->import_ref_shape);
}

static void
module_free (gpointer p)
{
  JsModule *m = p;
  g_free (m->path);
  g_ptr_array_free (m->requested, TRUE);
  g_free (m);
}

static void
modules_init (JsRuntime *rt)
{
  if (rt->modules)
    return;
  rt->modules = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       module_free);
  JsRootTracer t = { .trace = modules_trace };
  runtime_add_root_tracer (rt, &t);
}

void
module_runtime_free (JsRuntime *rt)
{
  if (rt->modules)
    g_hash_table_destroy (rt->modules);
  rt->modules = NULL;
}

static JsCode *
module_code (JsModule *m)
{
  return (JsCode *) js_get_cell (m->code);
}

/* The compiler's tables: consts[1] = [requested, imports, local exports,
 * indirect exports, star exports]. */
static JsObject *
module_table (JsModule *m, int which)
{
  JsObject *all = js_get_object (module_code (m)->consts[1]);
  return js_get_object (object_elements (all)[which]);
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */
/* ------------------------------------------------------------------ */

/* The canonical path of specifier relative to the importing file. */
static char *
resolve_specifier (const char *referrer, const char *spec)
{
  g_autofree char *path = NULL;
  if (g_path_is_absolute (spec))
    path = g_strdup (spec);
  else
    {
      g_autofree char *dir = referrer ? g_path_get_dirname (referrer)
                                      : g_get_current_dir ();
      path = g_build_filename (dir, spec, NULL);
    }
  char *real = realpath (path, NULL);
  if (!real)
    return g_canonicalize_filename (path, NULL);
  char *r = g_strdup (real);
  free (real);
  return r;
}

static JsModule *load (JsContext *ctx, const char *path, const char *source,
                       size_t len);
static JsModule *load_specifier (JsContext *ctx, const char *referrer,
                                 const char *spec);

static JsModule *
load_file (JsContext *ctx, const char *path)
{
  JsModule *m = g_hash_table_lookup (ctx->rt->modules, path);
  if (m)
    return m;
  g_autofree char *text = NULL;
  gsize len;
  GError *err = NULL;
  if (!g_file_get_contents (path, &text, &len, &err))
    {
      js_throw_type_error (ctx, "Cannot load module '%s': %s", path,
                           err->message);
      g_error_free (err);
      return NULL;
    }
  return load (ctx, path, text, len);
}

/* Compiles a module and what it imports. */
static JsModule *
load (JsContext *ctx, const char *path, const char *source, size_t len)
{
  JsRuntime *rt = ctx->rt;
  modules_init (rt);
  CompileOptions opts = { 0 };
  opts.module = true;
  CompileError err;
  JsCode *code = compile_source (ctx, path, source, len, &opts, &err);
  if (!code)
    {
      if (err.kind == COMPILE_ERROR_MEMORY)
        js_throw_out_of_memory (ctx);
      else
        js_throw_error (ctx, err.kind == COMPILE_ERROR_SYNTAX ? JS_ERR_SYNTAX
                                                              : JS_ERR_RANGE,
                        "%s (%s:%u:%u)", err.message, path, err.line,
                        err.column);
      return NULL;
    }
  JsModule *m = g_new0 (JsModule, 1);
  m->path = g_strdup (path);
  m->ctx = ctx;
  m->code = js_cell_value (JS_TAG_INTERNAL, code);
  m->env = m->ns = m->meta = JS_UNDEFINED;
  m->error = m->promise = JS_UNDEFINED;
  m->requested = g_ptr_array_new ();
  g_hash_table_insert (rt->modules, m->path, m);
  JsObject *req = module_table (m, 0);
  uint32_t n = object_array_length (req);
  for (uint32_t i = 0; i < n; i++)
    {
      JsString *spec = js_get_string (object_elements (module_table (m, 0))[i]);
      g_autofree char *s = string_to_utf8 (rt, spec, NULL);
      JsModule *dep = load_specifier (ctx, m->path, s ? s : "");
      if (!dep)
        {
          /* The record stays in the map (a cycle may name it), errored:
             its requested list is incomplete, so it must never link. */
          m->status = MOD_ERRORED;
          m->error = ctx->pending_exception;
          return NULL;
        }
      g_ptr_array_add (m->requested, dep);
    }
  return m;
}

/* ------------------------------------------------------------------ */
/* Specifiers the embedder serves                                      */
/* ------------------------------------------------------------------ */

/* Does spec start with a URL scheme ("gi:", "resource:")?  A scheme is a
 * letter and then letters, digits, "+", "-" or "." up to a colon. */
static bool
has_scheme (const char *spec)
{
  if (!g_ascii_isalpha (spec[0]))
    return false;
  const char *p = spec + 1;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  return *p == ':';
}

/* A relative or absolute path, as the file loader takes them. */
static bool
is_path (const char *spec)
{
  return spec[0] == '/' || g_str_has_prefix (spec, "./")
         || g_str_has_prefix (spec, "../") || strcmp (spec, ".") == 0
         || strcmp (spec, "..") == 0;
}

/* A module record with no code: its environment holds the binding
 * default, set to value, and, when value is an ordinary object, one
 * binding per own enumerable string-keyed property of it, with the
 * property's value at load time (`import {gettext} from 'gettext'`).  A
 * native object (a lazily filled GI namespace) exports only default.  It
 * counts as evaluated from the start. */
static JsModule *
load_synthetic (JsContext *ctx, const char *key, JsValue value)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pv = rt_push_root (rt, value);
  JsKey def = atom_common_key (rt, JS_ATOM_default);
  uint32_t n = 0;
  JsKey *keys = NULL;
  if (js_is_object (value)
      && js_get_object (value)->shape->cls == &js_object_class)
    keys = object_own_keys (rt, js_get_object (value),
                            JS_KEYS_STRINGS | JS_KEYS_ENUMERABLE_ONLY, &n);
  JsShape *shape = shape_new_root (rt, &js_env_class, NULL, 0);
  JsValue *ps = rt_push_cell (rt, shape);
  if (shape)
    shape = shape_add_property (rt, shape, def, 0);
  for (uint32_t i = 0; shape && i < n; i++)
    {
      *ps = js_cell_value (JS_TAG_INTERNAL, shape);
      if (!js_key_is_index (keys[i]) && keys[i] != def)
        shape = shape_add_property (rt, shape, keys[i], 0);
    }
  *ps = shape ? js_cell_value (JS_TAG_INTERNAL, shape) : JS_UNDEFINED;
  JsEnv *env = shape ? function_new_env (rt, shape, NULL) : NULL;
  JsValue *pe = env ? rt_push_cell (rt, env) : NULL;
  if (!env)
    {
      g_free (keys);
      rt_restore_roots (rt, saved);
      js_throw_out_of_memory (ctx);
      return NULL;
    }
  env->slots[0] = *pv;
  gc_write_barrier (&rt->heap, (JsCell *) env);
  for (uint32_t i = 0; i < n; i++)
    {
      uint32_t slot;
      uint8_t attrs;
      if (js_key_is_index (keys[i]) || keys[i] == def
          || !shape_lookup (((JsEnv *) js_get_cell (*pe))->shape, keys[i],
                            &slot, &attrs))
        continue;
      JsValue v = js_get (ctx, *pv, keys[i]);
      if (js_is_exception (v))
        {
          g_free (keys);
          rt_restore_roots (rt, saved);
          return NULL;
        }
      env = (JsEnv *) js_get_cell (*pe);
      env->slots[slot] = v;
      gc_write_barrier (&rt->heap, (JsCell *) env);
    }
  g_free (keys);
  JsModule *m = g_new0 (JsModule, 1);
  m->path = g_strdup (key);
  m->ctx = ctx;
  m->code = m->ns = m->meta = m->error = m->promise = JS_UNDEFINED;
  m->env = *pe;
  m->requested = g_ptr_array_new ();
  m->synthetic = true;
  m->status = MOD_EVALUATED;
  g_hash_table_insert (rt->modules, m->path, m);
  rt_restore_roots (rt, saved);
  return m;
}

/* The module a specifier names, loaded (not yet linked).  A specifier
 * that is not a path goes to the embedder's hook first; a URL scheme the
 * hook does not serve is an error, a bare name it does not serve is a
 * path relative to the referrer, as before there was a hook. */
static JsModule *
load_specifier (JsContext *ctx, const char *referrer, const char *spec)
{
  JsRuntime *rt = ctx->rt;
  modules_init (rt);
  if (g_str_has_prefix (spec, "file:"))
    {
      g_autofree char *file = g_filename_from_uri (spec, NULL, NULL);
      if (!file)
        {
          js_throw_type_error (ctx, "Invalid module URL '%s'", spec);
          return NULL;
        }
      g_autofree char *p = resolve_specifier (referrer, file);
      return load_file (ctx, p);
    }
  if (!is_path (spec))
    {
      JsModule *m = g_hash_table_lookup (rt->modules, spec);
      if (m)
        return m;
      if (rt->module_hook)
        {
          JsValue v = rt->module_hook (ctx, spec, referrer,
                                       rt->module_hook_data);
          if (js_is_exception (v))
            return NULL;
          if (!js_is_empty (v))
            return load_synthetic (ctx, spec, v);
        }
      if (has_scheme (spec))
        {
          js_throw_type_error (ctx, "Cannot find module '%s'", spec);
          return NULL;
        }
    }
  g_autofree char *p = resolve_specifier (referrer, spec);
  return load_file (ctx, p);
}

/* ------------------------------------------------------------------ */
/* Linking                                                             */
/* ------------------------------------------------------------------ */

typedef enum
{
  RESOLVED_NONE,
  RESOLVED_BINDING,
  RESOLVED_NAMESPACE,
  RESOLVED_AMBIGUOUS,
} ResolveKind;

typedef struct
{
  ResolveKind kind;
  JsModule *module;
  int32_t slot;
} Resolution;

static bool
name_eq (JsRuntime *rt, JsValue a, JsValue b)
{
  return js_strict_equals (rt, a, b);
}

/* ResolveExport (module, name) with the spec's resolve set against
 * cycles. */
static Resolution
resolve_export (JsRuntime *rt, JsModule *m, JsValue name, GPtrArray *set)
{
  Resolution none = { RESOLVED_NONE, NULL, -1 };
  for (guint i = 0; i + 1 < set->len; i += 2)
    if (g_ptr_array_index (set, i) == m
        && name_eq (rt, *(JsValue *) g_ptr_array_index (set, i + 1), name))
      return none;
  if (m->synthetic)
    {
      /* A name that is no atom is no key of any object. */
      JsString *atom = js_is_string (name)
                           ? atom_find_string (rt, js_get_string (name))
                           : NULL;
      uint32_t slot;
      uint8_t attrs;
      JsEnv *env = (JsEnv *) js_get_cell (m->env);
      return atom
                     && shape_lookup (env->shape, atom_key (atom), &slot,
                                      &attrs)
                 ? (Resolution){ RESOLVED_BINDING, m, (int) slot }
                 : none;
    }
  JsValue *np = g_new (JsValue, 1);
  *np = name;
  g_ptr_array_add (set, m);
  g_ptr_array_add (set, np);
  JsObject *local = module_table (m, 2);
  uint32_t n = object_array_length (local);
  for (uint32_t i = 0; i + 1 < n; i += 2)
    if (name_eq (rt, object_elements (local)[i], name))
      return (Resolution){ RESOLVED_BINDING, m,
                           js_get_int32 (object_elements (local)[i + 1]) };
  JsObject *ind = module_table (m, 3);
  n = object_array_length (ind);
  for (uint32_t i = 0; i + 2 < n; i += 3)
    if (name_eq (rt, object_elements (ind)[i], name))
      {
        JsModule *dep = g_ptr_array_index (
            m->requested, js_get_int32 (object_elements (ind)[i + 1]));
        JsValue iname = object_elements (module_table (m, 3))[i + 2];
        JsString *s = js_get_string (iname);
        if (s->length == 1 && string_char_at (rt, s, 0) == '*')
          return (Resolution){ RESOLVED_NAMESPACE, dep, -1 };
        return resolve_export (rt, dep, iname, set);
      }
  if (name_eq (rt, name, js_string_value (atom_common (rt, JS_ATOM_default))))
    return none;
  Resolution star = none;
  JsObject *stars = module_table (m, 4);
  n = object_array_length (stars);
  for (uint32_t i = 0; i < n; i++)
    {
      JsModule *dep = g_ptr_array_index (
          m->requested, js_get_int32 (object_elements (module_table (m, 4))[i]));
      Resolution r = resolve_export (rt, dep, name, set);
      if (r.kind == RESOLVED_AMBIGUOUS)
        return r;
      if (r.kind == RESOLVED_NONE)
        continue;
      if (star.kind == RESOLVED_NONE)
        star = r;
      else if (star.module != r.module || star.slot != r.slot
               || star.kind != r.kind)
        return (Resolution){ RESOLVED_AMBIGUOUS, NULL, -1 };
    }
  return star;
}

static Resolution
resolve (JsRuntime *rt, JsModule *m, JsValue name)
{
  GPtrArray *set = g_ptr_array_new ();
  Resolution r = resolve_export (rt, m, name, set);
  for (guint i = 1; i < set->len; i += 2)
    g_free (g_ptr_array_index (set, i));
  g_ptr_array_free (set, TRUE);
  return r;
}

static JsValue module_namespace (JsContext *ctx, JsModule *m);

static bool
make_env (JsContext *ctx, JsModule *m)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_undefined (m->env))
    return true;
  JsShape *shape = (JsShape *) js_get_cell (module_code (m)->consts[0]);
  JsEnv *e = function_new_env (rt, shape, NULL);
  if (!e)
    {
      js_throw_out_of_memory (ctx);
      return false;
    }
  m->env = js_cell_value (JS_TAG_INTERNAL, e);
  return true;
}

static bool
link_module (JsContext *ctx, JsModule *m)
{
  JsRuntime *rt = ctx->rt;
  if (m->status != MOD_NEW)
    return true;
  m->status = MOD_LINKING;
  if (!make_env (ctx, m))
    return false;
  for (guint i = 0; i < m->requested->len; i++)
    if (!link_module (ctx, g_ptr_array_index (m->requested, i)))
      return false;
  /* Every indirect export must resolve. */
  JsObject *ind = module_table (m, 3);
  for (uint32_t i = 0; i + 2 < object_array_length (ind); i += 3)
    {
      JsValue name = object_elements (module_table (m, 3))[i];
      Resolution r = resolve (rt, m, name);
      if (r.kind == RESOLVED_NONE || r.kind == RESOLVED_AMBIGUOUS)
        {
          g_autofree char *s = string_to_utf8 (rt, js_get_string (name), NULL);
          js_throw_error (ctx, JS_ERR_SYNTAX, "%s export '%s' in %s",
                          r.kind == RESOLVED_NONE ? "Unresolvable"
                                                  : "Ambiguous",
                          s, m->path);
          return false;
        }
    }
  JsObject *imports = module_table (m, 1);
  for (uint32_t i = 0; i + 2 < object_array_length (imports); i += 3)
    {
      JsValue *e = object_elements (module_table (m, 1));
      JsModule *dep = g_ptr_array_index (m->requested, js_get_int32 (e[i]));
      JsValue iname = e[i + 1];
      int32_t slot = js_get_int32 (e[i + 2]);
      JsString *s = js_get_string (iname);
      JsValue value;
      if (s->length == 1 && string_char_at (rt, s, 0) == '*')
        {
          value = module_namespace (ctx, dep);
          if (js_is_exception (value))
            return false;
        }
      else
        {
          Resolution r = resolve (rt, dep, iname);
          if (r.kind == RESOLVED_NONE || r.kind == RESOLVED_AMBIGUOUS)
            {
              g_autofree char *n = string_to_utf8 (rt, s, NULL);
              js_throw_error (ctx, JS_ERR_SYNTAX,
                              "The requested module '%s' does not provide "
                              "%s export named '%s'",
                              dep->path,
                              r.kind == RESOLVED_NONE ? "an" : "an unambiguous",
                              n);
              return false;
            }
          if (r.kind == RESOLVED_NAMESPACE)
            {
              value = module_namespace (ctx, r.module);
              if (js_is_exception (value))
                return false;
            }
          else
            {
              if (!make_env (ctx, r.module))
                return false;
              if (!rt->import_ref_shape)
                rt->import_ref_shape = shape_new_root (rt, &import_ref_class,
                                                       NULL, 0);
              JsImportRef *ref = rt->import_ref_shape
                                     ? (JsImportRef *) heap_alloc_slots (
                                           &rt->heap, JS_SPACE_CELLS,
                                           js_slots_for (sizeof *ref))
                                     : NULL;
              if (!ref)
                {
                  js_throw_out_of_memory (ctx);
                  return false;
                }
              ref->shape = rt->import_ref_shape;
              ref->env = (JsEnv *) js_get_cell (r.module->env);
              ref->slot = js_int32 (r.slot);
              ref->unused = JS_UNDEFINED;
              value = js_cell_value (JS_TAG_INTERNAL, ref);
            }
        }
      JsEnv *env = (JsEnv *) js_get_cell (m->env);
      env->slots[slot] = value;
      gc_write_barrier (&rt->heap, (JsCell *) env);
    }
  m->status = MOD_LINKED;
  return true;
}

JsValue
module_import_value (JsContext *ctx, JsValue v, bool *tdz)
{
  *tdz = false;
  if (!js_is_cell (v) || js_get_cell (v)->shape->cls != &import_ref_class)
    return v;
  JsImportRef *ref = (JsImportRef *) js_get_cell (v);
  JsValue r = ref->env->slots[js_get_int32 (ref->slot)];
  if (js_is_empty (r))
    *tdz = true;
  (void) ctx;
  return r;
}

/* ------------------------------------------------------------------ */
/* Evaluation                                                          */
/* ------------------------------------------------------------------ */

/* Async evaluation (top-level await), simplified from the spec's
 * cyclic module records: a module whose body awaits, or that imports one
 * that has not finished, is MOD_EVALUATING_ASYNC with a promise that
 * settles when it is done.  Its importers wait for that promise before
 * their own bodies run (their other imports, siblings, go on at once),
 * and import () resolves only then.  Reactions find their module by its
 * path, the map's key. */

static JsModule *
module_by_path (JsRuntime *rt, JsValue path)
{
  g_autofree char *p = string_to_utf8 (rt, js_get_string (path), NULL);
  return p ? g_hash_table_lookup (rt->modules, p) : NULL;
}

static JsValue
path_value (JsContext *ctx, JsModule *m)
{
  JsString *s = string_new_utf8 (ctx->rt, m->path, strlen (m->path));
  return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
}

/* The module's body promise settled. */
static JsValue
body_settled (JsContext *ctx, JsValue data, JsValue v, bool rejected)
{
  JsModule *m = module_by_path (ctx->rt, data);
  if (!m || m->status != MOD_EVALUATING_ASYNC)
    return JS_UNDEFINED;
  m->status = rejected ? MOD_ERRORED : MOD_EVALUATED;
  if (rejected)
    {
      m->error = v;
      promise_reject_native (ctx, m->promise, v);
    }
  else
    promise_resolve_native (ctx, m->promise, JS_UNDEFINED);
  return JS_UNDEFINED;
}

/* Runs m's body; an async body makes m MOD_EVALUATING_ASYNC.  m's
 * promise exists from the start: an import () of m while its body runs
 * (a module importing itself) waits for it too. */
static bool
run_body (JsContext *ctx, JsModule *m)
{
  JsRuntime *rt = ctx->rt;
  if (!promise_is_promise (m->promise))
    {
      JsValue p = promise_new (ctx);
      if (js_is_exception (p))
        {
          m->status = MOD_ERRORED;
          m->error = ctx->pending_exception;
          return false;
        }
      m->promise = p;
    }
  JsValue r = js_run_code_in (ctx, module_code (m),
                              (JsEnv *) js_get_cell (m->env), JS_UNDEFINED,
                              JS_UNDEFINED, JS_UNDEFINED);
  if (js_is_exception (r))
    {
      m->status = MOD_ERRORED;
      m->error = ctx->pending_exception;
      if (promise_is_promise (m->promise))
        promise_reject_native (ctx, m->promise, m->error);
      return false;
    }
  if (!promise_is_promise (r))
    {
      m->status = MOD_EVALUATED;
      if (promise_is_promise (m->promise))
        promise_resolve_native (ctx, m->promise, JS_UNDEFINED);
      return true;
    }
  JsValue *saved = rt_save_roots (rt);
  JsValue *pr = rt_push_root (rt, r);
  m->status = MOD_EVALUATING_ASYNC;
  JsValue *path = rt_push_root (rt, path_value (ctx, m));
  bool ok = !js_is_exception (*path)
            && promise_then_native (ctx, *pr, body_settled, *path, NULL);
  rt_restore_roots (rt, saved);
  if (!ok)
    {
      m->status = MOD_ERRORED;
      m->error = ctx->pending_exception;
    }
  return ok;
}

/* The module whose completion stands for d's: the first of d's cycle. */
static JsModule *
scc_root (JsModule *d)
{
  return d->cycle_root ? d->cycle_root : d;
}

/* What m waits for when it imports d (NULL: nothing): d itself inside
 * one cycle, else d's cycle as a whole. */
static JsModule *
wait_target (JsModule *m, JsModule *d)
{
  if (d == m)
    return NULL;
  JsModule *t = scc_root (d) == scc_root (m) ? d : scc_root (d);
  return t->status == MOD_EVALUATING_ASYNC ? t : NULL;
}

/* A dependency m waits for settled: when the last has, m's body runs. */
static JsValue
dependency_settled (JsContext *ctx, JsValue data, JsValue v, bool rejected)
{
  JsModule *m = module_by_path (ctx->rt, data);
  if (!m || m->status != MOD_EVALUATING_ASYNC)
    return JS_UNDEFINED;
  if (rejected)
    {
      m->status = MOD_ERRORED;
      m->error = v;
      promise_reject_native (ctx, m->promise, v);
      return JS_UNDEFINED;
    }
  for (guint i = 0; i < m->requested->len; i++)
    if (wait_target (m, g_ptr_array_index (m->requested, i)))
      return JS_UNDEFINED; /* another one will call again */
  /* The body's promise is m->promise's source now. */
  if (!run_body (ctx, m))
    js_take_exception (ctx);
  return JS_UNDEFINED;
}

static bool
evaluate (JsContext *ctx, JsModule *m)
{
  JsRuntime *rt = ctx->rt;
  if (m->status == MOD_EVALUATED || m->status == MOD_EVALUATING
      || m->status == MOD_EVALUATING_ASYNC)
    return true;
  if (m->status == MOD_ERRORED)
    {
      js_throw (ctx, m->error);
      return false;
    }
  static uint32_t dfs_counter;
  m->status = MOD_EVALUATING;
  m->dfs_index = ++dfs_counter;
  m->cycle_root = NULL;
  for (guint i = 0; i < m->requested->len; i++)
    {
      JsModule *d = g_ptr_array_index (m->requested, i);
      if (!evaluate (ctx, d))
        {
          m->status = MOD_ERRORED;
          m->error = ctx->pending_exception;
          return false;
        }
      /* A module that reaches one still being evaluated (an ancestor)
         is in its cycle. */
      JsModule *c = d->status == MOD_EVALUATING ? d
                    : d->cycle_root && d->cycle_root->status == MOD_EVALUATING
                        ? d->cycle_root
                        : NULL;
      if (c && c != m
          && (!m->cycle_root || c->dfs_index < m->cycle_root->dfs_index))
        m->cycle_root = c;
    }
  /* Imports still running (they await): m's body waits for them. */
  bool waiting = false;
  for (guint i = 0; i < m->requested->len; i++)
    if (wait_target (m, g_ptr_array_index (m->requested, i)))
      waiting = true;
  if (!waiting)
    return run_body (ctx, m);
  JsValue *saved = rt_save_roots (rt);
  JsValue p = promise_new (ctx);
  bool ok = !js_is_exception (p);
  if (ok)
    m->promise = p;
  m->status = MOD_EVALUATING_ASYNC;
  JsValue *path = rt_push_root (rt, ok ? path_value (ctx, m) : JS_EXCEPTION);
  ok = ok && !js_is_exception (*path);
  for (guint i = 0; ok && i < m->requested->len; i++)
    {
      JsModule *t = wait_target (m, g_ptr_array_index (m->requested, i));
      if (t)
        ok = promise_then_native (ctx, t->promise, dependency_settled, *path,
                                  NULL);
    }
  rt_restore_roots (rt, saved);
  if (!ok)
    {
      m->status = MOD_ERRORED;
      m->error = ctx->pending_exception;
    }
  return ok;
}

/* From C (no script running): the jobs run until m has finished. */
static bool
finish_evaluation (JsContext *ctx, JsModule *m)
{
  JsRuntime *rt = ctx->rt;
  if (m->status != MOD_EVALUATING_ASYNC || rt->frame_count != 0
      || rt->running_jobs)
    return m->status != MOD_ERRORED;
  uint32_t depth = rt->call_depth;
  rt->call_depth = 0;
  while (m->status == MOD_EVALUATING_ASYNC && rt->job_count > 0)
    runtime_run_jobs (rt);
  rt->call_depth = depth;
  if (m->status == MOD_ERRORED)
    {
      js_throw (ctx, m->error);
      return false;
    }
  return true;
}

JsValue
module_run_main (JsContext *ctx, const char *filename, const char *source,
                 size_t len)
{
  g_autofree char *path = resolve_specifier (NULL, filename);
  modules_init (ctx->rt);
  JsModule *m = g_hash_table_lookup (ctx->rt->modules, path);
  if (!m)
    m = load (ctx, path, source, len);
  if (!m || !link_module (ctx, m) || !evaluate (ctx, m)
      || !finish_evaluation (ctx, m))
    return JS_EXCEPTION;
  return JS_UNDEFINED;
}

/* ------------------------------------------------------------------ */
/* Namespaces                                                          */
/* ------------------------------------------------------------------ */

/* [shape | storage | module | sorted export names (an array)]. */
typedef struct
{
  JsShape *shape;
  JsStorage *storage;
  JsModule *module;
  JsValue names;
} JsNamespace;

static void
namespace_trace (JsTracer *trc, JsCell *cell)
{
  JsNamespace *n = (JsNamespace *) cell;
  gc_mark_cell (trc, (JsCell *) n->storage);
  gc_mark_value (trc, n->names);
}

const JsCellClass js_namespace_class = {
  .name = "Module",
  .kind = JS_KIND_OBJECT,
  .trace = namespace_trace,
  .flags = JS_CLASS_EXOTIC,
};

/* GetExportedNames, with the star-export cycle guard. */
static void
exported_names (JsRuntime *rt, JsModule *m, GPtrArray *seen, GPtrArray *out)
{
  for (guint i = 0; i < seen->len; i++)
    if (g_ptr_array_index (seen, i) == m)
      return;
  g_ptr_array_add (seen, m);
  if (m->synthetic)
    {
      JsEnv *env = (JsEnv *) js_get_cell (m->env);
      uint32_t n = 0;
      JsKey *keys = shape_own_keys (env->shape, JS_KEYS_STRINGS, &n);
      for (uint32_t i = 0; i < n; i++)
        g_ptr_array_add (out, (gpointer) (uintptr_t) atom_key_to_value (
                                  keys[i]));
      g_free (keys);
      return;
    }
  for (int t = 2; t <= 3; t++)
    {
      JsObject *tab = module_table (m, t);
      uint32_t step = t == 2 ? 2 : 3;
      for (uint32_t i = 0; i + step - 1 < object_array_length (tab); i += step)
        g_ptr_array_add (out, (gpointer) (uintptr_t)
                                  object_elements (module_table (m, t))[i]);
    }
  JsObject *stars = module_table (m, 4);
  for (uint32_t i = 0; i < object_array_length (stars); i++)
    {
      JsModule *dep = g_ptr_array_index (
          m->requested, js_get_int32 (object_elements (module_table (m, 4))[i]));
      GPtrArray *sub = g_ptr_array_new ();
      exported_names (rt, dep, seen, sub);
      for (guint k = 0; k < sub->len; k++)
        {
          JsValue nv = (JsValue) (uintptr_t) g_ptr_array_index (sub, k);
          if (name_eq (rt, nv, js_string_value (atom_common (rt,
                                                             JS_ATOM_default))))
            continue;
          bool dup = false;
          for (guint j = 0; j < out->len && !dup; j++)
            dup = name_eq (rt, nv, (JsValue) (uintptr_t)
                                       g_ptr_array_index (out, j));
          if (!dup)
            g_ptr_array_add (out, (gpointer) (uintptr_t) nv);
        }
      g_ptr_array_free (sub, TRUE);
    }
}

static gint
compare_names (gconstpointer a, gconstpointer b, gpointer data)
{
  JsValue x = (JsValue) (uintptr_t) *(gpointer *) a;
  JsValue y = (JsValue) (uintptr_t) *(gpointer *) b;
  return string_compare (data, js_get_string (x), js_get_string (y));
}

static JsValue
module_namespace (JsContext *ctx, JsModule *m)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_undefined (m->ns))
    return m->ns;
  /* The export names are atoms held by the modules' tables (roots) while
     this runs, so raw values in a GPtrArray are safe. */
  GPtrArray *seen = g_ptr_array_new ();
  GPtrArray *names = g_ptr_array_new ();
  exported_names (rt, m, seen, names);
  g_ptr_array_free (seen, TRUE);
  g_ptr_array_sort_with_data (names, compare_names, rt);
  JsValue *saved = rt_save_roots (rt);
  JsObject *arr = object_new_array (rt, (JsCell *) ctx->array_proto,
                                    names->len);
  JsValue r = JS_EXCEPTION;
  if (!arr)
    goto oom;
  JsValue *pa = rt_push_root (rt, js_object_value (arr));
  for (guint i = 0; i < names->len; i++)
    {
      JsValue nv = (JsValue) (uintptr_t) g_ptr_array_index (names, i);
      Resolution res = resolve (rt, m, nv);
      if (res.kind == RESOLVED_AMBIGUOUS || res.kind == RESOLVED_NONE)
        continue;
      if (object_array_push (rt, js_get_object (*pa), nv) != JS_PROP_DONE)
        goto oom;
    }
  JsShape *s = shape_root_for (rt, &js_namespace_class, NULL, 0);
  JsValue *ps = rt_push_cell (rt, s);
  JsNamespace *ns = s ? (JsNamespace *) heap_alloc_slots (
                        &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *ns))
                      : NULL;
  if (!ns)
    goto oom;
  ns->shape = (JsShape *) js_get_cell (*ps);
  ns->storage = NULL;
  ns->module = m;
  ns->names = *pa;
  m->ns = js_object_value ((JsObject *) ns);
  JsString *tag = atom_intern_utf8 (rt, "Module", -1);
  if (!tag
      || object_define_own (rt, js_get_object (m->ns),
                            symbol_key (rt->well_known[JS_SYM_toStringTag]),
                            js_string_value (tag), 0)
             != JS_PROP_DONE
      || object_prevent_extensions (rt, js_get_object (m->ns))
             != JS_PROP_DONE)
    goto oom;
  r = m->ns;
  goto out;
oom:
  r = js_throw_out_of_memory (ctx);
out:
  g_ptr_array_free (names, TRUE);
  rt_restore_roots (rt, saved);
  return r;
}

bool
module_is_namespace (JsObject *o)
{
  return o->shape->cls == &js_namespace_class;
}

/* [[GetOwnProperty]] of a namespace for a string key: 1 found, 0 absent
 * (not exported), 2 not a string key, -1 exception (TDZ). */
int
module_namespace_get_own (JsContext *ctx, JsObject *o, JsKey key,
                          JsValue *value, uint8_t *attrs)
{
  JsRuntime *rt = ctx->rt;
  if (js_key_is_index (key) ? false : atom_key_is_symbol (key))
    return 2;
  JsNamespace *ns = (JsNamespace *) o;
  JsValue kv = atom_key_to_value (key);
  if (js_is_number (kv))
    {
      kv = js_to_string (ctx, kv);
      if (js_is_exception (kv))
        return -1;
    }
  JsObject *names = js_get_object (ns->names);
  for (uint32_t i = 0; i < object_array_length (names); i++)
    if (name_eq (rt, object_elements (names)[i], kv))
      {
        Resolution r = resolve (rt, ns->module, kv);
        JsValue v;
        if (r.kind == RESOLVED_NAMESPACE)
          v = module_namespace (ctx, r.module);
        else
          v = ((JsEnv *) js_get_cell (r.module->env))->slots[r.slot];
        if (js_is_exception (v))
          return -1;
        if (js_is_empty (v))
          {
            g_autofree char *s = string_to_utf8 (rt, js_get_string (kv), NULL);
            js_throw_reference_error (ctx, "Cannot access '%s' before "
                                           "initialization", s);
            return -1;
          }
        bool tdz;
        *value = module_import_value (ctx, v, &tdz);
        *attrs = JS_ATTR_WRITABLE | JS_ATTR_ENUMERABLE;
        return 1;
      }
  return 0;
}

int
module_namespace_has (JsContext *ctx, JsObject *o, JsKey key)
{
  /* [[HasProperty]] asks the list of names, never the binding (a name
     in its TDZ is there). */
  JsRuntime *rt = ctx->rt;
  if (js_key_is_index (key) ? false : atom_key_is_symbol (key))
    return 2;
  JsValue kv = atom_key_to_value (key);
  if (js_is_number (kv))
    {
      kv = js_to_string (ctx, kv);
      if (js_is_exception (kv))
        return -1;
    }
  JsObject *names = js_get_object (((JsNamespace *) o)->names);
  for (uint32_t i = 0; i < object_array_length (names); i++)
    if (name_eq (rt, object_elements (names)[i], kv))
      return 1;
  return 0;
}

int
module_namespace_define (JsContext *ctx, JsObject *o, JsKey key,
                         const JsPropertyDescriptor *d)
{
  /* A namespace's properties never change: a definition succeeds only
     if it asks for what is there (writable, enumerable, not
     configurable, the same value). */
  JsValue cur;
  uint8_t attrs;
  int h = module_namespace_get_own (ctx, o, key, &cur, &attrs);
  if (h != 1)
    return h;
  if ((d->has_configurable && d->configurable)
      || (d->has_enumerable && !d->enumerable) || d->has_get || d->has_set
      || (d->has_writable && !d->writable))
    return 0;
  if (d->has_value)
    return js_same_value (ctx->rt, d->value, cur);
  return 1;
}

JsValue
module_namespace_names (JsObject *o)
{
  return ((JsNamespace *) o)->names;
}

/* ------------------------------------------------------------------ */
/* import.meta and import ()                                           */
/* ------------------------------------------------------------------ */

static JsModule *
module_of_code (JsRuntime *rt, JsCode *code)
{
  if (!rt->modules || !code->source)
    return NULL;
  g_autofree char *path = resolve_specifier (NULL, code->source->filename);
  return g_hash_table_lookup (rt->modules, path);
}

JsValue
module_import_meta (JsContext *ctx, JsCode *code)
{
  JsRuntime *rt = ctx->rt;
  JsModule *m = module_of_code (rt, code);
  if (!m)
    return js_throw_error (ctx, JS_ERR_SYNTAX, "import.meta outside a module");
  if (!js_is_undefined (m->meta))
    return m->meta;
  JsObject *o = object_new_with_proto (rt, NULL, 2);
  if (!o)
    return js_throw_out_of_memory (ctx);
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_object_value (o));
  g_autofree char *url = g_filename_to_uri (m->path, NULL, NULL);
  JsString *s = string_new_utf8 (rt, url ? url : m->path, -1);
  JsValue r = JS_EXCEPTION;
  if (s && js_define_data (ctx, js_get_object (*po),
                           atom_key_from_utf8 (rt, "url"),
                           js_string_value (s), false) > 0)
    {
      m->meta = *po;
      r = *po;
    }
  else
    js_throw_out_of_memory (ctx);
  rt_restore_roots (rt, saved);
  return r;
}

/* The module an import () loaded has run: data is [the import's
 * promise, the namespace]. */
static JsValue
import_settled (JsContext *ctx, JsValue data, JsValue v, bool rejected)
{
  JsValue *e = object_elements (js_get_object (data));
  if (rejected)
    promise_reject_native (ctx, e[0], v);
  else
    promise_resolve_native (ctx, e[0], e[1]);
  return JS_UNDEFINED;
}

JsValue
module_dynamic_import (JsContext *ctx, JsCode *referrer, JsValue specifier)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue p = promise_new (ctx);
  if (js_is_exception (p))
    {
      rt_restore_roots (rt, saved);
      return p;
    }
  JsValue *pp = rt_push_root (rt, p);
  /* import () rejects rather than throws. */
  JsValue s = js_to_string (ctx, specifier);
  JsValue ns = JS_EXCEPTION;
  if (!js_is_exception (s))
    {
      g_autofree char *spec = string_to_utf8 (rt, js_get_string (s), NULL);
      const char *from = referrer->source ? referrer->source->filename : NULL;
      g_autofree char *base = from && g_path_is_absolute (from)
                                  ? g_strdup (from)
                                  : from ? resolve_specifier (NULL, from)
                                         : NULL;
      JsModule *m = load_specifier (ctx, base, spec ? spec : "");
      if (m && link_module (ctx, m) && evaluate (ctx, m))
        {
          ns = module_namespace (ctx, m);
          JsModule *t = scc_root (m)->status == MOD_EVALUATING_ASYNC
                            ? scc_root (m)
                            : m;
          if (!js_is_exception (ns)
              && (t->status == MOD_EVALUATING_ASYNC
                  || t->status == MOD_EVALUATING)
              && promise_is_promise (t->promise))
            {
              /* Resolved with the namespace once the module (awaiting
                 at top level) has run; rejected if it fails.  The
                 reaction holds both. */
              JsValue *pns = rt_push_root (rt, ns);
              JsObject *pair = object_new_array (
                  rt, (JsCell *) ctx->array_proto, 2);
              if (!pair
                  || object_array_push (rt, pair, *pp) != JS_PROP_DONE
                  || object_array_push (rt, pair, *pns) != JS_PROP_DONE)
                ns = js_throw_out_of_memory (ctx);
              else if (!promise_then_native (ctx, t->promise,
                                             import_settled,
                                             js_object_value (pair), NULL))
                ns = JS_EXCEPTION;
              else
                {
                  JsValue r = *pp;
                  rt_restore_roots (rt, saved);
                  return r;
                }
            }
        }
    }
  if (js_is_exception (ns))
    promise_reject_native (ctx, *pp, js_take_exception (ctx));
  else
    promise_resolve_native (ctx, *pp, ns);
  JsValue r = *pp;
  rt_restore_roots (rt, saved);
  return r;
}
