/* parse-dump.c — prints the syntax tree of a file, or its syntax error.
 *
 *   parse-dump [--module] [--strict] [--positions] [--repeat N] FILE...
 *
 * With --repeat, each file is parsed N times and only the speed is
 * printed: bytes per second of CPU time (not wall time, which other
 * processes on the machine would skew).
 *
 * The output is ast_dump()'s S-expression, or "SyntaxError: MESSAGE
 * (LINE:COLUMN)" (RangeError for too much nesting).  It is the format of
 * the golden files in tests/parser/.
 */
#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ast.h"
#include "parser.h"

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

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
  long repeat = 0;
  GPtrArray *files = g_ptr_array_new ();

  for (int i = 1; i < argc; i++)
    {
      if (!strcmp (argv[i], "--module"))
        opts.module = true;
      else if (!strcmp (argv[i], "--strict"))
        opts.strict = true;
      else if (!strcmp (argv[i], "--positions"))
        positions = true;
      else if (!strcmp (argv[i], "--repeat") && i + 1 < argc)
        repeat = strtol (argv[++i], NULL, 10);
      else
        g_ptr_array_add (files, argv[i]);
    }
  if (repeat > 0)
    {
      double bytes = 0, seconds = 0;
      for (guint f = 0; f < files->len; f++)
        {
          const char *name = g_ptr_array_index (files, f);
          double t0;
          if (!g_file_get_contents (name, &src, &len, NULL))
            return 2;
          t0 = cpu_seconds ();
          for (long r = 0; r < repeat; r++)
            {
              ast_arena_init (&arena);
              if (!parse_program (&arena, src, len, &opts, &err))
                printf ("%s: %s (%u:%u)\n", name, err.message, err.line,
                        err.column);
              ast_arena_free (&arena);
            }
          seconds += cpu_seconds () - t0;
          bytes += (double) len * repeat;
          g_free (src);
        }
      printf ("%.0f bytes in %.3f s: %.1f MB/s\n", bytes, seconds,
              bytes / seconds / 1e6);
      return 0;
    }
  if (files->len == 1)
    file = g_ptr_array_index (files, 0);
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
