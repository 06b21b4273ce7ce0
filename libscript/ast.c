/* ast.c — the arena that holds syntax trees, and the S-expression dump.
 *
 * The arena hands out memory by bumping a pointer through blocks of at
 * least 64 KiB; a request larger than a quarter block gets a block of its
 * own so big strings waste nothing.  The dump is the format of the golden
 * tests in tests/parser/: stable, one statement a line.
 */
#include "config.h"

#include "ast.h"

#include <glib.h>
#include <string.h>

#include "dtoa.h"
#include "lexer.h"

/* ------------------------------------------------------------------ arena */

struct AstBlock
{
  AstBlock *next;   /* older block */
  size_t size;      /* bytes of data after the header */
  max_align_t data[]; /* the memory handed out */
};

#define BLOCK_SIZE (64 * 1024)

void
ast_arena_init (AstArena *arena)
{
  memset (arena, 0, sizeof *arena);
}

void
ast_arena_free (AstArena *arena)
{
  AstBlock *b = arena->blocks;

  while (b)
    {
      AstBlock *next = b->next;
      g_free (b);
      b = next;
    }
  memset (arena, 0, sizeof *arena);
}

static AstBlock *
new_block (size_t size)
{
  AstBlock *b = g_malloc (sizeof (AstBlock) + size);
  b->size = size;
  return b;
}

void *
ast_alloc (AstArena *arena, size_t size)
{
  const size_t align = _Alignof (max_align_t);
  void *p;

  size = (size + align - 1) & ~(align - 1);
  if (size > (size_t) (arena->end - arena->ptr) || !arena->ptr)
    {
      AstBlock *b;
      if (size > BLOCK_SIZE / 4)
        {
          /* A large request gets its own block, kept behind the current
           * one so the bump block goes on being used. */
          b = new_block (size);
          if (arena->blocks)
            {
              b->next = arena->blocks->next;
              arena->blocks->next = b;
            }
          else
            {
              b->next = NULL;
              arena->blocks = b;
              arena->ptr = arena->end = (char *) b->data + size;
            }
          arena->used += size;
          return b->data;
        }
      b = new_block (BLOCK_SIZE);
      b->next = arena->blocks;
      arena->blocks = b;
      arena->ptr = (char *) b->data;
      arena->end = arena->ptr + BLOCK_SIZE;
    }
  p = arena->ptr;
  arena->ptr += size;
  arena->used += size;
  return p;
}

/* ---------------------------------------------------------------- strings */

bool
ast_str_eq_ascii (const AstStr *s, const char *lit)
{
  size_t n = strlen (lit);

  if (!s || s->len != n)
    return false;
  for (size_t i = 0; i < n; i++)
    if (s->data[i] != (unsigned char) lit[i])
      return false;
  return true;
}

void
ast_str_print (FILE *out, const AstStr *s)
{
  for (uint32_t i = 0; i < s->len; i++)
    {
      uint32_t c = s->data[i];
      char utf8[8];
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s->len
          && s->data[i + 1] >= 0xDC00 && s->data[i + 1] <= 0xDFFF)
        {
          c = 0x10000 + ((c - 0xD800) << 10) + (s->data[i + 1] - 0xDC00);
          i++;
        }
      else if (c >= 0xD800 && c <= 0xDFFF)
        {
          fprintf (out, "\\u%04X", c);
          continue;
        }
      switch (c)
        {
        case '"': fputs ("\\\"", out); continue;
        case '\\': fputs ("\\\\", out); continue;
        case '\n': fputs ("\\n", out); continue;
        case '\r': fputs ("\\r", out); continue;
        case '\t': fputs ("\\t", out); continue;
        default:
          break;
        }
      if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029)
        {
          fprintf (out, "\\u%04X", c);
          continue;
        }
      utf8[g_unichar_to_utf8 (c, utf8)] = 0;
      fputs (utf8, out);
    }
}

/* ------------------------------------------------------------------- dump */

static const char *const kind_names[] = {
#define AST_KIND_NAME(name, dump, doc) dump,
  AST_KINDS (AST_KIND_NAME)
#undef AST_KIND_NAME
};

static const char *const flag_names[] = {
#define AST_FLAG_NAME(name, dump) dump,
  AST_FLAGS (AST_FLAG_NAME)
#undef AST_FLAG_NAME
};

const char *
ast_kind_name (AstKind kind)
{
  return kind < AST_KIND_COUNT ? kind_names[kind] : "?";
}

/* Beyond this depth the dump prints "..." rather than recurse further:
 * left-leaning chains (a.b.c..., a+b+c...) are not bounded by the
 * parser's nesting limit. */
#define DUMP_MAX_DEPTH 2000

/* A number as JavaScript prints it (Number::toString). */
static void
print_number (FILE *out, double d)
{
  char buf[JS_DTOA_BUFSIZE];

  js_dtoa (d, buf);
  fputs (buf, out);
}

/* Whether kind's list holds statements, printed one a line. */
static bool
list_is_block (AstKind kind)
{
  switch (kind)
    {
    case AST_PROGRAM:
    case AST_BLOCK:
    case AST_BODY:
    case AST_CASE:
    case AST_SWITCH:
    case AST_CLASS_DECL:
    case AST_CLASS_EXPR:
    case AST_STATIC_BLOCK:
      return true;
    default:
      return false;
    }
}

static const char *const decl_names[] = { "var", "let", "const" };

static void dump_node (FILE *out, const AstNode *n, int indent, int depth,
                       bool pos);

static void
newline (FILE *out, int indent)
{
  fputc ('\n', out);
  for (int i = 0; i < indent; i++)
    fputs ("  ", out);
}

static void
dump_child (FILE *out, const AstNode *n, int indent, int depth, bool pos)
{
  fputc (' ', out);
  if (n)
    dump_node (out, n, indent, depth, pos);
  else
    fputs ("-", out);
}

static void
dump_node (FILE *out, const AstNode *n, int indent, int depth, bool pos)
{
  AstKind k = n->kind;
  bool block = list_is_block (k);
  int slots;

  if (depth > DUMP_MAX_DEPTH)
    {
      fputs ("...", out);
      return;
    }
  fprintf (out, "(%s", ast_kind_name (k));
  if (pos)
    fprintf (out, "@%u:%u[%u,%u]", n->line, n->col, n->start, n->end);

  /* The operator, name or value. */
  switch (k)
    {
    case AST_VAR_DECL:
      fprintf (out, " %s", n->op < 3 ? decl_names[n->op] : "?");
      break;
    case AST_UNARY:
    case AST_UPDATE:
    case AST_BINARY:
    case AST_LOGICAL:
    case AST_ASSIGN:
      fprintf (out, " %s", lex_token_name (n->op));
      break;
    case AST_BIGINT:
      fprintf (out, " radix=%u ", n->op);
      ast_str_print (out, n->str);
      break;
    case AST_NUMBER:
      fputc (' ', out);
      print_number (out, n->num);
      break;
    case AST_STRING:
    case AST_REGEXP:
    case AST_TEMPLATE_ELEM:
    case AST_IMPORT_SPEC:
    case AST_EXPORT_SPEC:
    case AST_EXPORT_ALL:
    case AST_IMPORT_ATTRIBUTE:
      if (n->str || k == AST_TEMPLATE_ELEM)
        {
          fputs (" \"", out);
          if (n->str)
            ast_str_print (out, n->str);
          else
            fputs ("<undefined>", out);
          fputc ('"', out);
        }
      if (n->str2)
        {
          fputs (" \"", out);
          ast_str_print (out, n->str2);
          fputc ('"', out);
        }
      break;
    case AST_IDENT:
    case AST_CONTINUE:
    case AST_BREAK:
    case AST_LABELED:
      if (n->str)
        {
          fputc (' ', out);
          ast_str_print (out, n->str);
        }
      break;
    case AST_PRIVATE_NAME:
      fputs (" #", out);
      ast_str_print (out, n->str);
      break;
    default:
      break;
    }
  for (int i = 0; i < AST_FLAG_COUNT; i++)
    if ((n->flags & (1u << i)) && flag_names[i])
      fprintf (out, " %s", flag_names[i]);

  /* Children: the slots in order a b c d, then the list; a function's
   * parameters (its list) come before its body (slot b). */
  bool params_first = k == AST_FUNCTION || k == AST_FUNC_DECL
                      || k == AST_FUNC_EXPR;
  if (params_first)
    {
      if (n->a)
        dump_child (out, n->a, indent, depth + 1, pos);
      else
        fputs (" -", out);
      fputs (" (params", out);
      for (const AstNode *c = n->list.first; c; c = c->next)
        dump_child (out, c, indent, depth + 1, pos);
      fputc (')', out);
    }
  slots = (n->a != NULL) | (n->b != NULL) << 1 | (n->c != NULL) << 2
          | (n->d != NULL) << 3;
  if (k == AST_FOR)
    slots = 15; /* keep the positions of missing parts visible */
  for (int i = params_first ? 1 : 0; i < 4; i++)
    {
      const AstNode *child = i == 0 ? n->a : i == 1 ? n->b
                             : i == 2 ? n->c : n->d;
      /* Trailing empty slots are left out; inner ones print as "-". */
      if (!(slots >> i))
        break;
      if (child && child->kind == AST_BODY)
        {
          fputs (" (body", out);
          for (const AstNode *s = child->list.first; s; s = s->next)
            {
              newline (out, indent + 1);
              dump_node (out, s, indent + 1, depth + 1, pos);
            }
          fputc (')', out);
        }
      else
        dump_child (out, child, indent, depth + 1, pos);
    }
  for (const AstNode *c = params_first ? NULL : n->list.first; c;
       c = c->next)
    {
      if (block)
        {
          newline (out, indent + 1);
          dump_node (out, c, indent + 1, depth + 1, pos);
        }
      else
        dump_child (out, c, indent, depth + 1, pos);
    }
  fputc (')', out);
}

void
ast_dump (FILE *out, const AstNode *node, bool with_positions)
{
  if (node)
    dump_node (out, node, 0, 0, with_positions);
  else
    fputs ("-", out);
  fputc ('\n', out);
}
