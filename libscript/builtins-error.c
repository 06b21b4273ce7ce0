/* builtins-error.c — Error, its native subclasses, and stack traces.
 *
 * A stack is captured when an error object is made: the frames of the
 * running script, innermost first, as "    at name (file:line:column)"
 * lines after the error's own "Name: message" line, as V8 and
 * SpiderMonkey users expect to read them.
 */
#include "config.h"

#include "builtins.h"

#include "compiler.h"
#include "property.h"

static const char *const error_names[JS_ERR_COUNT] = {
  [JS_ERR_ERROR] = "Error",
  [JS_ERR_TYPE] = "TypeError",
  [JS_ERR_REFERENCE] = "ReferenceError",
  [JS_ERR_SYNTAX] = "SyntaxError",
  [JS_ERR_RANGE] = "RangeError",
  [JS_ERR_EVAL] = "EvalError",
  [JS_ERR_URI] = "URIError",
  [JS_ERR_AGGREGATE] = "AggregateError",
};

/* Appends one frame's line of a stack trace. */
static void
append_frame (JsRuntime *rt, GString *s, JsFrame *f)
{
  JsCode *code = f->code;
  uint32_t line, col;
  code_position (code, (uint32_t) (f->pc - code->bytecode), &line, &col);
  const char *file = code->source ? code->source->filename : "<native>";
  JsString *fname = code->name;
  if (!fname && js_is_object (f->base[0]))
    {
      /* A method or class gets its name when it is defined, not from
         the source: read the callee's name if it is a plain string. */
      JsValue v = JS_UNDEFINED;
      if (object_get (rt, js_get_object (f->base[0]),
                      atom_common_key (rt, JS_ATOM_name), &v)
              == JS_GET_VALUE
          && js_is_string (v))
        fname = js_get_string (v);
    }
  g_autofree char *name = fname ? string_to_utf8 (rt, fname, NULL) : NULL;
  if (name && *name)
    g_string_append_printf (s, "\n    at %s (%s:%u:%u)", name, file, line,
                            col);
  else
    g_string_append_printf (s, "\n    at %s:%u:%u", file, line, col);
}

void
js_capture_stack (JsContext *ctx, JsObject *error)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pe = rt_push_root (rt, js_object_value (error));
  GString *s = g_string_new (NULL);
  /* The header as Error.prototype.toString would give it, without
     running script: the own or inherited name and message if they are
     plain strings. */
  JsValue name = JS_UNDEFINED, msg = JS_UNDEFINED;
  JsGetResult gr = object_get (rt, error, atom_common_key (rt, JS_ATOM_name),
                               &name);
  if (gr != JS_GET_VALUE || !js_is_string (name))
    name = JS_UNDEFINED;
  gr = object_get (rt, error, atom_common_key (rt, JS_ATOM_message), &msg);
  if (gr != JS_GET_VALUE || !js_is_string (msg))
    msg = JS_UNDEFINED;
  g_autofree char *n = js_is_string (name)
                           ? string_to_utf8 (rt, js_get_string (name), NULL)
                           : g_strdup ("Error");
  g_autofree char *m = js_is_string (msg)
                           ? string_to_utf8 (rt, js_get_string (msg), NULL)
                           : NULL;
  g_string_append (s, n ? n : "Error");
  if (m && *m)
    g_string_append_printf (s, ": %s", m);
  uint32_t count = interp_frame_count (rt);
  for (uint32_t i = count; i > 0 && count - i < 64; i--)
    append_frame (rt, s, interp_frame (rt, i - 1));
  JsString *str = string_new_utf8 (rt, s->str, (gssize) s->len);
  g_string_free (s, TRUE);
  if (str)
    object_define_own (rt, js_get_object (*pe),
                       atom_common_key (rt, JS_ATOM_stack),
                       js_string_value (str),
                       JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE);
  rt_restore_roots (rt, saved);
}

/* new Error (message, options) and its subclasses (magic: the type). */
static JsValue
error_constructor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue nt = js_is_undefined (info->new_target) ? info->callee
                                                  : info->new_target;
  JsValue proto = js_get (ctx, nt, atom_common_key (rt, JS_ATOM_prototype));
  if (js_is_exception (proto))
    return proto;
  JsCell *p = js_is_object (proto) ? js_get_cell (proto)
                                   : (JsCell *) ctx->error_protos[info->magic];
  JsObject *e = realm_new_error_object (ctx, p);
  if (!e)
    return js_throw_out_of_memory (ctx);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pe = rt_push_root (rt, js_object_value (e));
  JsValue result = JS_EXCEPTION;
  JsValue msg = js_arg (info, 0);
  if (!js_is_undefined (msg))
    {
      msg = js_to_string (ctx, msg);
      if (js_is_exception (msg))
        goto out;
      if (object_define_own (rt, js_get_object (*pe),
                             atom_common_key (rt, JS_ATOM_message), msg,
                             JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
          != JS_PROP_DONE)
        goto oom;
    }
  JsValue opts = js_arg (info, 1);
  if (js_is_object (opts))
    {
      JsKey cause = atom_common_key (rt, JS_ATOM_cause);
      int h = js_has_property (ctx, js_get_object (opts), cause);
      if (h < 0)
        goto out;
      if (h)
        {
          JsValue c = js_get (ctx, opts, cause);
          if (js_is_exception (c))
            goto out;
          if (object_define_own (rt, js_get_object (*pe), cause, c,
                                 JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
              != JS_PROP_DONE)
            goto oom;
        }
    }
  js_capture_stack (ctx, js_get_object (*pe));
  result = *pe;
  goto out;
oom:
  result = js_throw_out_of_memory (ctx);
out:
  rt_restore_roots (rt, saved);
  return result;
}

/* Error.prototype.toString */
static JsValue
error_to_string (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsObject *o = builtins_this_object (info, "Error.prototype.toString");
  if (!o)
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_object_value (o));
  JsValue result = JS_EXCEPTION;
  JsValue name = js_get (ctx, *po, atom_common_key (rt, JS_ATOM_name));
  if (js_is_exception (name))
    goto out;
  name = js_is_undefined (name) ? js_string_value (atom_intern_utf8 (rt, "Error", -1))
                                : js_to_string (ctx, name);
  if (js_is_exception (name))
    goto out;
  JsValue *pn = rt_push_root (rt, name);
  JsValue msg = js_get (ctx, *po, atom_common_key (rt, JS_ATOM_message));
  if (js_is_exception (msg))
    goto out;
  msg = js_is_undefined (msg) ? js_string_value (atom_common (rt, JS_ATOM_empty))
                              : js_to_string (ctx, msg);
  if (js_is_exception (msg))
    goto out;
  JsString *n = js_get_string (*pn), *m = js_get_string (msg);
  if (n->length == 0)
    result = msg;
  else if (m->length == 0)
    result = *pn;
  else
    {
      JsValue *pm = rt_push_root (rt, msg);
      JsString *sep = string_new_latin1 (rt, (const uint8_t *) ": ", 2);
      JsString *a = sep ? string_concat (rt, js_get_string (*pn), sep) : NULL;
      JsString *r = a ? string_concat (rt, a, js_get_string (*pm)) : NULL;
      result = r ? js_string_value (r) : js_throw_out_of_memory (ctx);
    }
out:
  rt_restore_roots (rt, saved);
  return result;
}

/* Error.isError: whether the argument has [[ErrorData]], which only the
 * error constructors (and classes derived from them) give.  A proxy is
 * not looked through. */
static JsValue
error_is_error (const JsCallInfo *info)
{
  JsValue v = js_arg (info, 0);
  return js_bool (js_is_object (v)
                  && js_get_cell (v)->shape->cls == &js_error_class);
}

static bool
define_string (JsContext *ctx, JsObject *o, JsCommonAtom key, const char *v)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (o));
  JsString *s = atom_intern_utf8 (rt, v, -1);
  bool ok = s && object_define_own (rt, js_get_object (saved[0]),
                                    atom_common_key (rt, key),
                                    js_string_value (s),
                                    JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
                     == JS_PROP_DONE;
  rt_restore_roots (rt, saved);
  return ok;
}

bool
builtins_init_error (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  JsObject *base_ctor = NULL;
  for (int t = 0; t < JS_ERR_COUNT; t++)
    {
      if (t == JS_ERR_AGGREGATE)
        continue;
      JsCell *parent = t == JS_ERR_ERROR ? (JsCell *) ctx->object_proto
                                         : (JsCell *) ctx->error_protos[0];
      JsObject *proto = object_new_with_proto (rt, parent, 4);
      if (!proto)
        return false;
      ctx->error_protos[t] = proto;
      if (!define_string (ctx, proto, JS_ATOM_name, error_names[t])
          || !define_string (ctx, proto, JS_ATOM_message, ""))
        return false;
      JsObject *ctor = builtins_define_class (ctx, error_names[t],
                                              error_constructor, 1,
                                              ctx->error_protos[t], 0);
      if (!ctor)
        return false;
      ((JsNativeFunction *) ctor)->magic = (int16_t) t;
      if (t == JS_ERR_ERROR)
        {
          base_ctor = ctor;
          static const JsMethodSpec methods[] = {
            { "toString", error_to_string, 0, 0 },
          };
          static const JsMethodSpec statics[] = {
            { "isError", error_is_error, 1, 0 },
          };
          if (!builtins_define_methods (ctx, ctx->error_protos[0], methods,
                                        G_N_ELEMENTS (methods))
              || !builtins_define_methods (ctx, ctor, statics,
                                           G_N_ELEMENTS (statics)))
            return false;
        }
      else if (object_set_proto (rt, ctor, (JsCell *) base_ctor)
               != JS_PROP_DONE)
        return false;
    }
  /* The error thrown when memory runs out is made in advance. */
  JsValue oom = js_new_error (ctx, JS_ERR_RANGE, "out of memory");
  if (js_is_exception (oom))
    return false;
  ctx->out_of_memory = js_get_object (oom);
  return true;
}
