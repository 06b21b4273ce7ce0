/* parse-dump.c — prints the syntax tree of a file, or its syntax error.
 *
 *   parse-dump [--module] [--strict] [--positions] FILE
 *
 * The output is ast_dump()'s S-expression, or "SyntaxError: MESSAGE
 * (LINE:COLUMN)" (RangeError for too much nesting).  It is the format of
 * the golden files in tests/parser/.
 */
#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "ast.h"
#include "parser.h"

int
main (int argc, char **argv)
{
  ParseOptions opts = { 0 };
  bool positions = false;
  const char *file = NULL;
  char *src;
  gsize len;
  AstArena arena;
  ParseError err;
  AstNode *prog;

  for (int i = 1; i < argc; i++)
    {
      if (!strcmp (argv[i], "--module"))
        opts.module = true;
      else if (!strcmp (argv[i], "--strict"))
        opts.strict = true;
      else if (!strcmp (argv[i], "--positions"))
        positions = true;
      else
        file = argv[i];
    }
  if (!file)
    {
      g_printerr ("usage: parse-dump [--module] [--strict] [--positions] "
                  "FILE\n");
      return 2;
    }
  if (!g_file_get_contents (file, &src, &len, NULL))
    {
      g_printerr ("cannot read %s\n", file);
      return 2;
    }
  ast_arena_init (&arena);
  prog = parse_program (&arena, src, len, &opts, &err);
  if (prog)
    ast_dump (stdout, prog, positions);
  else
    printf ("%s: %s (%u:%u)\n",
            err.kind == PARSE_ERROR_NESTING ? "RangeError" : "SyntaxError",
            err.message, err.line, err.column);
  ast_arena_free (&arena);
  g_free (src);
  return prog ? 0 : 1;
}
