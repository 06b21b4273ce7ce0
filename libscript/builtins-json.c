/* builtins-json.c — JSON.parse and JSON.stringify.
 *
 * Neither recurses in C: nesting is as deep as the value stack allows.
 * The parser keeps the containers it is filling on the value stack; the
 * reviver's walk and the serializer keep a stack of frames (a g_malloc'd
 * array) whose values sit on the value stack too, so every one of them
 * is a root while script (toJSON, replacers, revivers, getters) runs.
 *
 * The serializer writes straight into one UTF-16 buffer; a property
 * whose value turns out to be undefined is taken back by cutting the
 * buffer to where its key began.
 */
#include "config.h"

#include "builtins.h"

#include "dtoa.h"
#include "property.h"

#include <math.h>

/* ------------------------------------------------------------------ */
/* A growable UTF-16 buffer                                            */
/* ------------------------------------------------------------------ */

typedef struct
{
  uint16_t *data;
  size_t len;
  size_t cap;
  bool failed; /* memory ran out (or the string grew too long) */
} Buf;

static bool
buf_reserve (Buf *b, size_t more)
{
  if (b->failed)
    return false;
  if (b->len + more <= b->cap)
    return true;
  size_t cap = MAX (b->cap * 2, b->len + more + 64);
  if (cap > JS_STRING_MAX_LENGTH)
    cap = JS_STRING_MAX_LENGTH;
  uint16_t *d = cap >= b->len + more ? g_try_renew (uint16_t, b->data, cap)
                                     : NULL;
  if (!d)
    {
      b->failed = true;
      return false;
    }
  b->data = d;
  b->cap = cap;
  return true;
}

static void
buf_put (Buf *b, uint16_t c)
{
  if (buf_reserve (b, 1))
    b->data[b->len++] = c;
}

static void
buf_puts (Buf *b, const char *s)
{
  size_t n = strlen (s);
  if (buf_reserve (b, n))
    for (size_t i = 0; i < n; i++)
      b->data[b->len++] = (uint8_t) s[i];
}

static void
buf_put_string (JsRuntime *rt, Buf *b, JsString *s)
{
  if (!string_flatten (rt, s))
    {
      b->failed = true;
      return;
    }
  if (!buf_reserve (b, s->length))
    return;
  for (uint32_t i = 0; i < s->length; i++)
    b->data[b->len++] = string_flat_char_at (s, i);
}

/* QuoteJSONString, lone surrogates escaped (well-formed stringify). */
static void
buf_quote (JsRuntime *rt, Buf *b, JsString *s)
{
  static const char hex[] = "0123456789abcdef";
  if (!string_flatten (rt, s))
    {
      b->failed = true;
      return;
    }
  uint32_t n = s->length;
  buf_put (b, '"');
  for (uint32_t i = 0; i < n && !b->failed; i++)
    {
      uint16_t c = string_flat_char_at (s, i);
      const char *esc = NULL;
      switch (c)
        {
        case '\b': esc = "\\b"; break;
        case '\t': esc = "\\t"; break;
        case '\n': esc = "\\n"; break;
        case '\f': esc = "\\f"; break;
        case '\r': esc = "\\r"; break;
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        default: break;
        }
      if (esc)
        {
          buf_puts (b, esc);
          continue;
        }
      bool lone = false;
      if (c >= 0xD800 && c <= 0xDBFF)
        {
          uint16_t d = i + 1 < n ? string_flat_char_at (s, i + 1) : 0;
          if (d >= 0xDC00 && d <= 0xDFFF)
            {
              buf_put (b, c);
              buf_put (b, d);
              i++;
              continue;
            }
          lone = true;
        }
      else if (c >= 0xDC00 && c <= 0xDFFF)
        lone = true;
      if (c < 0x20 || lone)
        {
          char u[7] = { '\\', 'u', hex[c >> 12], hex[(c >> 8) & 15],
                        hex[(c >> 4) & 15], hex[c & 15], 0 };
          buf_puts (b, u);
        }
      else
        buf_put (b, c);
    }
  buf_put (b, '"');
}

/* ------------------------------------------------------------------ */
/* JSON.parse                                                          */
/* ------------------------------------------------------------------ */

typedef struct
{
  JsContext *ctx;
  JsValue *text;      /* the source string, rooted */
  uint32_t len;       /* its length */
  uint32_t pos;       /* the next character */
  Buf tmp;            /* a string's characters, while it has escapes */
} Parser;

static uint32_t
peek (Parser *p)
{
  if (p->pos >= p->len)
    return UINT32_MAX;
  return string_flat_char_at (js_get_string (*p->text), p->pos);
}

static void
skip_space (Parser *p)
{
  for (uint32_t c = peek (p); c == ' ' || c == '\t' || c == '\n' || c == '\r';
       c = peek (p))
    p->pos++;
}

static JsValue
parse_error (Parser *p)
{
  uint32_t c = peek (p);
  if (c == UINT32_MAX)
    return js_throw_error (p->ctx, JS_ERR_SYNTAX,
                           "Unexpected end of JSON input");
  if (c >= 0x20 && c < 0x7F)
    return js_throw_error (p->ctx, JS_ERR_SYNTAX,
                           "Unexpected token '%c' in JSON at position %u",
                           (int) c, p->pos);
  return js_throw_error (p->ctx, JS_ERR_SYNTAX,
                         "Unexpected character U+%04X in JSON at position %u",
                         c, p->pos);
}

static bool
expect (Parser *p, const char *word)
{
  for (; *word; word++, p->pos++)
    if (peek (p) != (uint8_t) *word)
      {
        parse_error (p);
        return false;
      }
  return true;
}

static int
hex_digit (uint32_t c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  c |= 0x20;
  if (c >= 'a' && c <= 'f')
    return (int) (c - 'a' + 10);
  return -1;
}

/* A string whose opening quote is at pos; JS_EXCEPTION on error. */
static JsValue
parse_string (Parser *p)
{
  JsRuntime *rt = p->ctx->rt;
  JsString *text = js_get_string (*p->text);
  uint32_t start = ++p->pos;
  /* The usual string has no escape: copy it in one go. */
  for (;;)
    {
      uint32_t c = peek (p);
      if (c == '"')
        {
          JsString *s;
          if (start == p->pos)
            s = atom_common (rt, JS_ATOM_empty);
          else
            s = string_substring (rt, text, start, p->pos);
          p->pos++;
          return s ? js_string_value (s) : js_throw_out_of_memory (p->ctx);
        }
      if (c == '\\')
        break;
      if (c < 0x20 || c == UINT32_MAX)
        return parse_error (p);
      p->pos++;
    }
  Buf *b = &p->tmp;
  b->len = 0;
  for (uint32_t i = start; i < p->pos; i++)
    buf_put (b, string_flat_char_at (text, i));
  for (;;)
    {
      uint32_t c = peek (p);
      if (c == '"')
        break;
      if (c < 0x20 || c == UINT32_MAX)
        return parse_error (p);
      p->pos++;
      if (c != '\\')
        {
          buf_put (b, (uint16_t) c);
          continue;
        }
      c = peek (p);
      uint16_t out;
      switch (c)
        {
        case '"': out = '"'; break;
        case '\\': out = '\\'; break;
        case '/': out = '/'; break;
        case 'b': out = '\b'; break;
        case 'f': out = '\f'; break;
        case 'n': out = '\n'; break;
        case 'r': out = '\r'; break;
        case 't': out = '\t'; break;
        case 'u':
          {
            out = 0;
            for (int k = 0; k < 4; k++)
              {
                p->pos++;
                int h = hex_digit (peek (p));
                if (h < 0)
                  return parse_error (p);
                out = (uint16_t) (out << 4 | h);
              }
            break;
          }
        default:
          return parse_error (p);
        }
      p->pos++;
      buf_put (b, out);
    }
  p->pos++;
  if (b->failed)
    return js_throw_out_of_memory (p->ctx);
  JsString *s = string_new_utf16 (rt, b->data, b->len);
  return s ? js_string_value (s) : js_throw_out_of_memory (p->ctx);
}

static bool
is_digit (uint32_t c)
{
  return c >= '0' && c <= '9';
}

static JsValue
parse_number (Parser *p)
{
  uint32_t start = p->pos;
  if (peek (p) == '-')
    p->pos++;
  if (peek (p) == '0')
    p->pos++;
  else if (is_digit (peek (p)))
    while (is_digit (peek (p)))
      p->pos++;
  else
    return parse_error (p);
  bool integer = true;
  if (peek (p) == '.')
    {
      integer = false;
      p->pos++;
      if (!is_digit (peek (p)))
        return parse_error (p);
      while (is_digit (peek (p)))
        p->pos++;
    }
  if ((peek (p) | 0x20) == 'e')
    {
      integer = false;
      p->pos++;
      if (peek (p) == '+' || peek (p) == '-')
        p->pos++;
      if (!is_digit (peek (p)))
        return parse_error (p);
      while (is_digit (peek (p)))
        p->pos++;
    }
  JsString *text = js_get_string (*p->text);
  size_t n = p->pos - start;
  if (integer && n <= 10)
    {
      /* Small integers (the common case) without the general parser. */
      int64_t v = 0;
      bool neg = string_flat_char_at (text, start) == '-';
      for (uint32_t i = start + neg; i < p->pos; i++)
        v = v * 10 + (string_flat_char_at (text, i) - '0');
      if (neg && v == 0)
        return js_double (-0.0);
      return js_number ((double) (neg ? -v : v));
    }
  char small[128];
  char *buf = n < sizeof small ? small : g_try_malloc (n);
  if (!buf)
    return js_throw_out_of_memory (p->ctx);
  for (size_t i = 0; i < n; i++)
    buf[i] = (char) string_flat_char_at (text, start + (uint32_t) i);
  const char *stop;
  double d = js_strtod (buf, n, &stop);
  if (buf != small)
    g_free (buf);
  return js_number (d);
}

/* A primitive value at pos, or JS_EMPTY when an object or array starts
 * there (the caller handles those). */
static JsValue
parse_primitive (Parser *p)
{
  JsRuntime *rt = p->ctx->rt;
  switch (peek (p))
    {
    case '"':
      return parse_string (p);
    case 't':
      return expect (p, "true") ? JS_TRUE : JS_EXCEPTION;
    case 'f':
      return expect (p, "false") ? JS_FALSE : JS_EXCEPTION;
    case 'n':
      return expect (p, "null") ? JS_NULL : JS_EXCEPTION;
    case '{':
    case '[':
      return JS_EMPTY;
    default:
      (void) rt;
      return parse_number (p);
    }
}

/* The key of a member, from the string value just parsed. */
static bool
member_key (Parser *p, JsValue s, JsKey *key)
{
  *key = atom_key_from_string (p->ctx->rt, js_get_string (s));
  if (*key == JS_KEY_NONE)
    {
      js_throw_out_of_memory (p->ctx);
      return false;
    }
  return true;
}

/* Parses a member's key and colon; the key's value goes to *slot (a
 * root), so the atom lives until the member is defined. */
static bool
parse_member_key (Parser *p, JsValue *slot)
{
  skip_space (p);
  if (peek (p) != '"')
    {
      parse_error (p);
      return false;
    }
  JsValue k = parse_string (p);
  if (js_is_exception (k))
    return false;
  JsKey key;
  if (!member_key (p, k, &key))
    return false;
  *slot = atom_key_to_value (key);
  skip_space (p);
  if (peek (p) != ':')
    {
      parse_error (p);
      return false;
    }
  p->pos++;
  return true;
}

/* The whole text as one value.  Open containers sit on the value stack
 * as (container, key) pairs: key is the pending member's key for an
 * object, undefined for an array. */
static JsValue
parse_text (Parser *p)
{
  JsContext *ctx = p->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *base = rt_save_roots (rt);
  JsValue v;
  uint32_t depth = 0;
  for (;;)
    {
      /* A value. */
      skip_space (p);
      v = parse_primitive (p);
      if (js_is_exception (v))
        goto fail;
      if (js_is_empty (v))
        {
          bool array = peek (p) == '[';
          p->pos++;
          JsObject *o = array ? object_new_array (rt, (JsCell *)
                                                  ctx->array_proto, 0)
                              : object_new_with_proto (rt, (JsCell *)
                                                       ctx->object_proto, 4);
          if (!o || (size_t) (rt->stack_limit - rt->stack_top) < 64)
            {
              if (o)
                js_throw_range_error (ctx, "JSON nesting too deep");
              else
                js_throw_out_of_memory (ctx);
              goto fail;
            }
          rt_push_root (rt, js_object_value (o));
          JsValue *key = rt_push_root (rt, JS_UNDEFINED);
          depth++;
          skip_space (p);
          if (peek (p) == (array ? ']' : '}'))
            {
              p->pos++;
              v = key[-1];
              rt->stack_top = key - 1;
              depth--;
            }
          else
            {
              if (!array && !parse_member_key (p, key))
                goto fail;
              continue;
            }
        }
      /* v completes the innermost open container's pending element,
         and perhaps the container itself, and so on outwards. */
      for (;;)
        {
          if (depth == 0)
            {
              skip_space (p);
              if (peek (p) != UINT32_MAX)
                {
                  parse_error (p);
                  goto fail;
                }
              rt_restore_roots (rt, base);
              return v;
            }
          JsValue *key = rt->stack_top - 1;
          bool array = object_is_array (js_get_object (key[-1]));
          JsPropResult r;
          if (array)
            r = object_array_push (rt, js_get_object (key[-1]), v);
          else
            {
              /* A large index key converts through a string: keep v. */
              JsValue *pv = rt_push_root (rt, v);
              JsKey k;
              if (!js_to_property_key (ctx, *key, &k))
                goto fail;
              r = object_define_own (rt, js_get_object (key[-1]), k, *pv,
                                     JS_ATTR_DEFAULT);
              rt->stack_top = pv;
            }
          if (r != JS_PROP_DONE)
            {
              js_throw_out_of_memory (ctx);
              goto fail;
            }
          skip_space (p);
          uint32_t c = peek (p);
          if (c == ',')
            {
              p->pos++;
              if (!array && !parse_member_key (p, key))
                goto fail;
              break;
            }
          if (c != (array ? ']' : '}'))
            {
              parse_error (p);
              goto fail;
            }
          p->pos++;
          v = key[-1];
          rt->stack_top = key - 1;
          depth--;
        }
    }
fail:
  rt_restore_roots (rt, base);
  return JS_EXCEPTION;
}

/* EnumerableOwnProperties (obj, key) as an array of key values: every
 * own string key goes into the array first (so it is rooted while the
 * enumerability checks run, which a proxy answers with script), then
 * the non-enumerable ones are squeezed out. */
static JsValue
enumerable_keys (JsContext *ctx, JsValue obj)
{
  JsRuntime *rt = ctx->rt;
  uint32_t n;
  JsKey *keys = realm_own_keys (ctx, js_get_object (obj), JS_KEYS_STRINGS,
                                &n);
  if (!keys && n == UINT32_MAX)
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, obj);
  JsObject *list = object_new_array (rt, (JsCell *) ctx->array_proto, n);
  JsValue r = list ? js_object_value (list) : js_throw_out_of_memory (ctx);
  JsValue *pl = rt_push_root (rt, r);
  for (uint32_t i = 0; list && i < n; i++)
    if (object_array_push (rt, js_get_object (*pl),
                           atom_key_to_value (keys[i]))
        != JS_PROP_DONE)
      {
        r = js_throw_out_of_memory (ctx);
        break;
      }
  g_free (keys);
  uint32_t kept = 0;
  for (uint32_t i = 0; !js_is_exception (r) && i < n; i++)
    {
      JsValue kv = object_elements (js_get_object (*pl))[i];
      JsKey key;
      JsValue v;
      uint8_t attrs;
      int h = js_to_property_key (ctx, kv, &key)
                  ? prop_get_own (ctx, js_get_object (*po), key, &v, &attrs)
                  : -1;
      if (h < 0)
        r = JS_EXCEPTION;
      else if (h && (attrs & JS_ATTR_ENUMERABLE))
        object_elements (js_get_object (*pl))[kept++] = kv;
    }
  if (!js_is_exception (r)
      && object_array_set_length (rt, js_get_object (*pl), kept)
             == JS_PROP_NO_MEMORY)
    r = js_throw_out_of_memory (ctx);
  rt_restore_roots (rt, saved);
  return r;
}

/* One level of InternalizeJSONProperty's walk: the value being revived
 * (val), its holder and name, and the keys of val still to visit. */
typedef struct
{
  JsValue *slots;  /* [holder, name, val, keys] on the value stack */
  uint32_t index;  /* next key (or element) */
  uint32_t len;    /* keys or elements */
  bool array;
} ReviveFrame;

/* The name of key i of a frame (an element index or a key from the
 * list), as a key and as a string value. */
static bool
revive_key (JsContext *ctx, ReviveFrame *f, JsKey *key, JsValue *name)
{
  JsValue kv;
  if (f->array)
    kv = js_number ((double) f->index);
  else
    kv = object_elements (js_get_object (f->slots[3]))[f->index];
  if (!js_to_property_key (ctx, kv, key))
    return false;
  *name = js_is_number (kv) ? js_to_string (ctx, kv) : kv;
  return !js_is_exception (*name);
}

/* Pushes a frame for val if it is an object; else returns false and
 * leaves the frame stack as it was.  -1 on exception. */
static int
revive_push (JsContext *ctx, GArray *frames, JsValue holder, JsValue name,
             JsValue val)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_object (val))
    return 0;
  if ((size_t) (rt->stack_limit - rt->stack_top) < 64)
    {
      js_throw_range_error (ctx, "JSON nesting too deep");
      return -1;
    }
  ReviveFrame f = { .slots = rt->stack_top };
  rt_push_root (rt, holder);
  rt_push_root (rt, name);
  rt_push_root (rt, val);
  JsValue *pk = rt_push_root (rt, JS_UNDEFINED);
  int isa = builtins_array_is_array (ctx, val);
  if (isa < 0)
    return -1;
  f.array = isa;
  if (f.array)
    {
      JsValue lv = js_get (ctx, val, atom_common_key (rt, JS_ATOM_length));
      double len;
      if (js_is_exception (lv) || !js_to_length (ctx, lv, &len))
        return -1;
      f.len = (uint32_t) MIN (len, 4294967295.0);
    }
  else
    {
      *pk = enumerable_keys (ctx, f.slots[2]);
      if (js_is_exception (*pk))
        return -1;
      f.len = object_array_length (js_get_object (*pk));
    }
  g_array_append_val (frames, f);
  return 1;
}

/* Stores a revived element back into its object: deleted if undefined,
 * else CreateDataProperty (whose failure is not an error). */
static bool
revive_store (JsContext *ctx, JsValue obj, JsKey key, JsValue v)
{
  int r = js_is_undefined (v)
              ? prop_delete (ctx, js_get_object (obj), key)
              : prop_define_data (ctx, js_get_object (obj), key, v);
  return r >= 0;
}

static JsValue
internalize (JsContext *ctx, JsValue root, JsValue reviver)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *previver = rt_push_root (rt, reviver);
  JsValue *args = rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue *pkey = rt_push_root (rt, JS_UNDEFINED);
  GArray *frames = g_array_new (FALSE, FALSE, sizeof (ReviveFrame));
  JsValue result = JS_EXCEPTION;
  JsValue empty = js_string_value (atom_common (rt, JS_ATOM_empty));
  JsValue val = js_get (ctx, root, atom_common_key (rt, JS_ATOM_empty));
  if (js_is_exception (val))
    goto out;
  int pushed = revive_push (ctx, frames, root, empty, val);
  if (pushed < 0)
    goto out;
  if (!pushed)
    {
      args[0] = empty;
      args[1] = val;
      result = js_call (ctx, *previver, root, 2, args);
      goto out;
    }
  while (frames->len > 0)
    {
      ReviveFrame *f = &g_array_index (frames, ReviveFrame, frames->len - 1);
      JsKey key;
      JsValue name;
      if (f->index < f->len)
        {
          if (!revive_key (ctx, f, &key, &name))
            goto out;
          *pkey = name;
          JsValue v = js_get (ctx, f->slots[2], key);
          if (js_is_exception (v))
            goto out;
          pushed = revive_push (ctx, frames, f->slots[2], *pkey, v);
          if (pushed < 0)
            goto out;
          if (pushed)
            continue;
          f = &g_array_index (frames, ReviveFrame, frames->len - 1);
          args[0] = *pkey;
          args[1] = v;
          v = js_call (ctx, *previver, f->slots[2], 2, args);
          if (js_is_exception (v))
            goto out;
          args[0] = v;
          if (!revive_key (ctx, f, &key, &name)
              || !revive_store (ctx, f->slots[2], key, args[0]))
            goto out;
          f->index++;
          continue;
        }
      /* Every member revived: now the value itself. */
      JsValue *slots = f->slots;
      args[0] = slots[1];
      args[1] = slots[2];
      JsValue v = js_call (ctx, *previver, slots[0], 2, args);
      if (js_is_exception (v))
        goto out;
      g_array_set_size (frames, frames->len - 1);
      if (frames->len == 0)
        {
          result = v;
          break;
        }
      *pkey = v;
      rt->stack_top = slots;
      f = &g_array_index (frames, ReviveFrame, frames->len - 1);
      if (!revive_key (ctx, f, &key, &name)
          || !revive_store (ctx, f->slots[2], key, *pkey))
        goto out;
      f->index++;
    }
out:
  g_array_free (frames, TRUE);
  rt_restore_roots (rt, saved);
  return result;
}

static JsValue
json_parse (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue text = js_to_string (ctx, js_arg (info, 0));
  if (js_is_exception (text))
    return text;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pt = rt_push_root (rt, text);
  JsValue r = JS_EXCEPTION;
  if (!string_flatten (rt, js_get_string (text)))
    {
      js_throw_out_of_memory (ctx);
      goto out;
    }
  Parser p = { ctx, pt, js_get_string (text)->length, 0, { 0 } };
  r = parse_text (&p);
  g_free (p.tmp.data);
  if (js_is_exception (r) || !js_is_callable (js_arg (info, 1)))
    goto out;
  JsValue *pr = rt_push_root (rt, r);
  JsObject *root = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                          2);
  if (!root
      || object_define_own (rt, root, atom_common_key (rt, JS_ATOM_empty),
                            *pr, JS_ATTR_DEFAULT)
             != JS_PROP_DONE)
    {
      r = js_throw_out_of_memory (ctx);
      goto out;
    }
  r = internalize (ctx, js_object_value (root), info->argv[1]);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* JSON.stringify                                                      */
/* ------------------------------------------------------------------ */

/* One open object or array: its value, its keys (objects) and where the
 * walk is. */
typedef struct
{
  JsValue *slots;  /* [value, keys] on the value stack */
  uint32_t index;  /* next key or element */
  uint32_t len;    /* keys or elements */
  uint32_t count;  /* members written so far */
  bool array;
} SerFrame;

typedef struct
{
  JsContext *ctx;
  Buf out;
  GArray *frames;      /* SerFrame */
  GHashTable *open;    /* the frames' objects, to find cycles at once */
  JsValue *replacer;   /* a function, or undefined */
  JsValue *list;       /* the PropertyList (an array), or undefined */
  JsValue *gap;        /* a string, empty for none */
  JsValue *args;       /* two slots for calls */
} Ser;

/* SerializeJSONProperty's first half: the value of holder[key] after
 * toJSON, the replacer and unwrapping.  JS_EXCEPTION on error. */
static JsValue
ser_value (Ser *s, JsValue holder, JsKey key, JsValue name)
{
  JsContext *ctx = s->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *ph = rt_push_root (rt, holder);
  JsValue *pn = rt_push_root (rt, name);
  JsValue *pv = rt_push_root (rt, js_get (ctx, holder, key));
  JsValue r = JS_EXCEPTION;
  if (js_is_exception (*pv))
    goto out;
  if (js_is_object (*pv) || js_is_bigint (*pv))
    {
      JsValue f = js_get (ctx, *pv, atom_common_key (rt, JS_ATOM_toJSON));
      if (js_is_exception (f))
        goto out;
      if (js_is_callable (f))
        {
          *pv = js_call (ctx, f, *pv, 1, pn);
          if (js_is_exception (*pv))
            goto out;
        }
    }
  if (!js_is_undefined (*s->replacer))
    {
      s->args[0] = *pn;
      s->args[1] = *pv;
      *pv = js_call (ctx, *s->replacer, *ph, 2, s->args);
      if (js_is_exception (*pv))
        goto out;
    }
  if (js_is_object (*pv))
    {
      JsValue w = realm_wrapper_value (js_get_object (*pv));
      if (js_is_number (w))
        {
          double d;
          if (!js_to_number (ctx, *pv, &d))
            goto out;
          *pv = js_number (d);
        }
      else if (js_is_string (w))
        *pv = js_to_string (ctx, *pv);
      else if (js_is_bool (w) || js_is_bigint (w))
        *pv = w;
    }
  r = *pv;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* Would v serialize to undefined? */
static bool
ser_skipped (JsValue v)
{
  return js_is_undefined (v) || js_is_symbol (v) || js_is_callable (v);
}

static void
ser_indent (Ser *s, uint32_t depth)
{
  JsString *gap = js_get_string (*s->gap);
  if (gap->length == 0)
    return;
  buf_put (&s->out, '\n');
  for (uint32_t i = 0; i < depth; i++)
    buf_put_string (s->ctx->rt, &s->out, gap);
}

/* The keys of an object being serialized: the PropertyList, or its
 * enumerable own string keys, as an array of key values. */
static JsValue
ser_keys (Ser *s, JsValue obj)
{
  if (!js_is_undefined (*s->list))
    return *s->list;
  return enumerable_keys (s->ctx, obj);
}

/* Writes a value ser_value returned: a primitive in place, or the
 * opening of an object or array (a new frame).  False on exception. */
static bool
ser_write (Ser *s, JsValue v)
{
  JsContext *ctx = s->ctx;
  JsRuntime *rt = ctx->rt;
  if (js_is_null (v))
    buf_puts (&s->out, "null");
  else if (js_is_bool (v))
    buf_puts (&s->out, js_get_bool (v) ? "true" : "false");
  else if (js_is_string (v))
    buf_quote (rt, &s->out, js_get_string (v));
  else if (js_is_number (v))
    {
      double d = js_get_number (v);
      char tmp[JS_DTOA_BUFSIZE];
      if (isfinite (d))
        js_dtoa (d, tmp);
      else
        strcpy (tmp, "null");
      buf_puts (&s->out, tmp);
    }
  else if (js_is_bigint (v))
    {
      js_throw_type_error (ctx, "Do not know how to serialize a BigInt");
      return false;
    }
  else
    {
      /* An object: no cycles, then a frame.  The objects of the open
         frames are rooted there and cells never move, so their
         addresses can stand for them. */
      if (g_hash_table_contains (s->open, js_get_cell (v)))
        {
          js_throw_type_error (ctx, "Converting circular structure to "
                                    "JSON");
          return false;
        }
      if ((size_t) (rt->stack_limit - rt->stack_top) < 64)
        {
          js_throw_range_error (ctx, "JSON nesting too deep");
          return false;
        }
      SerFrame f = { .slots = rt->stack_top };
      JsValue *pv = rt_push_root (rt, v);
      JsValue *pk = rt_push_root (rt, JS_UNDEFINED);
      int isa = builtins_array_is_array (ctx, v);
      if (isa < 0)
        return false;
      f.array = isa;
      if (f.array)
        {
          JsValue lv = js_get (ctx, *pv,
                               atom_common_key (rt, JS_ATOM_length));
          double len;
          if (js_is_exception (lv) || !js_to_length (ctx, lv, &len))
            return false;
          f.len = (uint32_t) MIN (len, 4294967295.0);
        }
      else
        {
          *pk = ser_keys (s, *pv);
          if (js_is_exception (*pk))
            return false;
          f.len = object_array_length (js_get_object (*pk));
        }
      buf_put (&s->out, f.array ? '[' : '{');
      g_array_append_val (s->frames, f);
      g_hash_table_add (s->open, js_get_cell (*pv));
    }
  return true;
}

/* The walk over open frames until none is left. */
static bool
ser_run (Ser *s)
{
  JsContext *ctx = s->ctx;
  JsRuntime *rt = ctx->rt;
  bool has_gap = js_get_string (*s->gap)->length > 0;
  while (s->frames->len > 0)
    {
      uint32_t depth = s->frames->len;
      SerFrame *f = &g_array_index (s->frames, SerFrame, depth - 1);
      if (s->out.failed)
        {
          js_throw_range_error (ctx, "Invalid string length");
          return false;
        }
      if (f->index == f->len)
        {
          if (f->count > 0)
            ser_indent (s, depth - 1);
          buf_put (&s->out, f->array ? ']' : '}');
          g_hash_table_remove (s->open, js_get_cell (f->slots[0]));
          rt->stack_top = f->slots;
          g_array_set_size (s->frames, depth - 1);
          continue;
        }
      size_t mark = s->out.len;
      if (f->count > 0)
        buf_put (&s->out, ',');
      ser_indent (s, depth);
      JsKey key;
      JsValue name;
      if (f->array)
        {
          name = js_number ((double) f->index);
          key = f->index < JS_MAX_INDEX + 1u ? js_key_from_index (f->index)
                                             : JS_KEY_NONE;
        }
      else
        name = object_elements (js_get_object (f->slots[1]))[f->index];
      if ((!f->array || key == JS_KEY_NONE)
          && !js_to_property_key (ctx, name, &key))
        return false;
      if (js_is_number (name))
        name = js_to_string (ctx, name);
      if (js_is_exception (name))
        return false;
      if (!f->array)
        {
          buf_quote (rt, &s->out, js_get_string (name));
          buf_put (&s->out, ':');
          if (has_gap)
            buf_put (&s->out, ' ');
        }
      f->index++;
      f->count++;
      JsValue v = ser_value (s, f->slots[0], key, name);
      if (js_is_exception (v))
        return false;
      f = &g_array_index (s->frames, SerFrame, depth - 1);
      if (ser_skipped (v))
        {
          if (f->array)
            buf_puts (&s->out, "null");
          else
            {
              /* The member is dropped, key and all. */
              s->out.len = mark;
              f->count--;
            }
          continue;
        }
      if (!ser_write (s, v))
        return false;
    }
  return true;
}

/* The replacer array's PropertyList: strings, numbers and their
 * wrappers as strings, each once. */
static JsValue
property_list (JsContext *ctx, JsValue replacer)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pr = rt_push_root (rt, replacer);
  JsObject *list = object_new_array (rt, (JsCell *) ctx->array_proto, 0);
  if (!list)
    {
      rt_restore_roots (rt, saved);
      return js_throw_out_of_memory (ctx);
    }
  JsValue *pl = rt_push_root (rt, js_object_value (list));
  JsValue r = JS_EXCEPTION;
  JsValue lv = js_get (ctx, *pr, atom_common_key (rt, JS_ATOM_length));
  double len;
  if (js_is_exception (lv) || !js_to_length (ctx, lv, &len))
    goto out;
  GHashTable *seen = g_hash_table_new (NULL, NULL);
  bool ok = true;
  for (double k = 0; ok && k < len; k++)
    {
      JsKey ik;
      ok = false;
      if (!js_to_property_key (ctx, js_number (k), &ik))
        break;
      JsValue v = js_get (ctx, *pr, ik);
      if (js_is_exception (v))
        break;
      JsValue item = JS_UNDEFINED;
      if (js_is_string (v))
        item = v;
      else if (js_is_number (v))
        item = js_to_string (ctx, v);
      else if (js_is_object (v))
        {
          JsValue w = realm_wrapper_value (js_get_object (v));
          if (js_is_string (w) || js_is_number (w))
            item = js_to_string (ctx, v);
        }
      if (js_is_exception (item))
        break;
      ok = true;
      if (js_is_undefined (item))
        continue;
      JsKey key;
      ok = js_to_property_key (ctx, item, &key);
      if (!ok || g_hash_table_contains (seen, (gpointer) (uintptr_t) key))
        continue;
      g_hash_table_add (seen, (gpointer) (uintptr_t) key);
      if (object_array_push (rt, js_get_object (*pl), atom_key_to_value (key))
          != JS_PROP_DONE)
        {
          js_throw_out_of_memory (ctx);
          ok = false;
        }
    }
  if (ok)
    r = *pl;
  g_hash_table_destroy (seen);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* The gap from the space argument: up to ten spaces or characters. */
static JsValue
gap_string (JsContext *ctx, JsValue space)
{
  JsRuntime *rt = ctx->rt;
  JsValue empty = js_string_value (atom_common (rt, JS_ATOM_empty));
  if (js_is_object (space))
    {
      JsValue w = realm_wrapper_value (js_get_object (space));
      if (js_is_number (w))
        {
          double d;
          if (!js_to_number (ctx, space, &d))
            return JS_EXCEPTION;
          space = js_number (d);
        }
      else if (js_is_string (w))
        {
          space = js_to_string (ctx, space);
          if (js_is_exception (space))
            return space;
        }
    }
  if (js_is_number (space))
    {
      double n;
      if (!js_to_integer (ctx, space, &n))
        return JS_EXCEPTION;
      n = MIN (n, 10);
      if (n < 1)
        return empty;
      JsString *s = string_new_latin1 (rt, (const uint8_t *) "          ",
                                       (size_t) n);
      return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
    }
  if (js_is_string (space))
    {
      JsString *s = js_get_string (space);
      if (s->length <= 10)
        return space;
      s = string_substring (rt, s, 0, 10);
      return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
    }
  return empty;
}

static JsValue
json_stringify (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  Ser s = { .ctx = ctx };
  s.replacer = rt_push_root (rt, JS_UNDEFINED);
  s.list = rt_push_root (rt, JS_UNDEFINED);
  s.gap = rt_push_root (rt, JS_UNDEFINED);
  s.args = rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue *wrapper = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  JsValue replacer = js_arg (info, 1);
  int isa = js_is_callable (replacer)
                ? 0
                : builtins_array_is_array (ctx, replacer);
  if (isa < 0)
    goto out;
  if (js_is_callable (replacer))
    *s.replacer = replacer;
  else if (isa)
    {
      *s.list = property_list (ctx, replacer);
      if (js_is_exception (*s.list))
        goto out;
    }
  *s.gap = gap_string (ctx, js_arg (info, 2));
  if (js_is_exception (*s.gap))
    goto out;
  JsObject *w = object_new_with_proto (rt, (JsCell *) ctx->object_proto, 2);
  if (!w
      || object_define_own (rt, w, atom_common_key (rt, JS_ATOM_empty),
                            js_arg (info, 0), JS_ATTR_DEFAULT)
             != JS_PROP_DONE)
    {
      r = js_throw_out_of_memory (ctx);
      goto out;
    }
  *wrapper = js_object_value (w);
  s.frames = g_array_new (FALSE, FALSE, sizeof (SerFrame));
  s.open = g_hash_table_new (NULL, NULL);
  JsValue v = ser_value (&s, *wrapper, atom_common_key (rt, JS_ATOM_empty),
                         js_string_value (atom_common (rt, JS_ATOM_empty)));
  bool ok = !js_is_exception (v);
  if (ok && ser_skipped (v))
    r = JS_UNDEFINED;
  else if (ok && ser_write (&s, v) && ser_run (&s))
    {
      if (s.out.failed)
        r = js_throw_range_error (ctx, "Invalid string length");
      else
        {
          JsString *str = string_new_utf16 (rt, s.out.data, s.out.len);
          r = str ? js_string_value (str) : js_throw_out_of_memory (ctx);
        }
    }
  g_array_free (s.frames, TRUE);
  g_hash_table_destroy (s.open);
  g_free (s.out.data);
out:
  rt_restore_roots (rt, saved);
  return r;
}

bool
builtins_init_json (JsContext *ctx)
{
  static const JsMethodSpec fns[] = {
    { "parse", json_parse, 2, 0 },
    { "stringify", json_stringify, 3, 0 },
  };
  JsRuntime *rt = ctx->rt;
  JsObject *json = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                          4);
  if (!json)
    return false;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pj = rt_push_root (rt, js_object_value (json));
  JsString *tag = atom_intern_utf8 (rt, "JSON", -1);
  bool ok = tag
            && object_define_own (rt, js_get_object (*pj),
                                  symbol_key (rt->well_known
                                                  [JS_SYM_toStringTag]),
                                  js_string_value (tag), JS_ATTR_CONFIGURABLE)
                   == JS_PROP_DONE
            && builtins_define_methods (ctx, js_get_object (*pj), fns,
                                        G_N_ELEMENTS (fns))
            && realm_define_global (ctx, "JSON", *pj);
  rt_restore_roots (rt, saved);
  return ok;
}
