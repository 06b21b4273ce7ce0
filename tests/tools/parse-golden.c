/* parse-golden.c — the golden tests of the parser (tests/parser/).
 *
 * Each NAME.js is parsed and its ast_dump() output (or its error line, as
 * parse-dump prints it) compared with NAME.ast.  A first line
 * "// parse: module", "// parse: strict" or "// parse: positions" sets the
 * options.  Output is TAP.  With --update the .ast files are rewritten
 * from the current output instead (review the diff before committing).
 *
 *   parse-golden [--update] DIR
 */
#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "parser.h"

/* The dump of one source, as a newly allocated string. */
static char *
dump_source (const char *src, size_t len)
{
  ParseOptions opts = { 0 };
  bool positions = false;
  AstArena arena;
  ParseError err;
  AstNode *prog;
  char *out = NULL;
  size_t out_len = 0;
  FILE *f = open_memstream (&out, &out_len);

  if (g_str_has_prefix (src, "// parse:"))
    {
      const char *eol = strchr (src, '\n');
      char *line = g_strndup (src, eol ? (size_t) (eol - src) : len);
      opts.module = strstr (line, "module") != NULL;
      opts.strict = strstr (line, "strict") != NULL;
      positions = strstr (line, "positions") != NULL;
      g_free (line);
    }
  ast_arena_init (&arena);
  prog = parse_program (&arena, src, len, &opts, &err);
  if (prog)
    ast_dump (f, prog, positions);
  else
    fprintf (f, "%s: %s (%u:%u)\n",
             err.kind == PARSE_ERROR_NESTING ? "RangeError" : "SyntaxError",
             err.message, err.line, err.column);
  ast_arena_free (&arena);
  fclose (f);
  return out;
}

/* g_ptr_array_sort passes pointers to the elements. */
static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static void
print_commented (const char *text)
{
  char **lines = g_strsplit (text, "\n", -1);

  for (char **p = lines; *p; p++)
    printf ("#   %s\n", *p);
  g_strfreev (lines);
}

int
main (int argc, char **argv)
{
  const char *dir = NULL;
  bool update = false;
  GDir *d;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  int failed = 0;

  for (int i = 1; i < argc; i++)
    {
      if (!strcmp (argv[i], "--update"))
        update = true;
      else
        dir = argv[i];
    }
  if (!dir || !(d = g_dir_open (dir, 0, NULL)))
    {
      g_printerr ("usage: parse-golden [--update] DIR\n");
      return 2;
    }
  while ((name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".js"))
      g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);
  g_ptr_array_sort (names, compare_names);

  printf ("1..%u\n", names->len);
  for (guint i = 0; i < names->len; i++)
    {
      const char *js = g_ptr_array_index (names, i);
      char *path = g_build_filename (dir, js, NULL);
      char *base = g_strndup (path, strlen (path) - 3);
      char *ast_path = g_strconcat (base, ".ast", NULL);
      char *src = NULL, *expected = NULL, *got;
      gsize len;

      if (!g_file_get_contents (path, &src, &len, NULL))
        {
          printf ("not ok %u - %s: unreadable\n", i + 1, js);
          failed++;
          goto next;
        }
      got = dump_source (src, len);
      if (update)
        {
          g_file_set_contents (ast_path, got, -1, NULL);
          printf ("ok %u - %s # updated\n", i + 1, js);
        }
      else if (!g_file_get_contents (ast_path, &expected, NULL, NULL))
        {
          printf ("not ok %u - %s: no %s\n", i + 1, js, ast_path);
          failed++;
        }
      else if (strcmp (expected, got) != 0)
        {
          printf ("not ok %u - %s\n# expected:\n", i + 1, js);
          print_commented (expected);
          printf ("# got:\n");
          print_commented (got);
          failed++;
        }
      else
        printf ("ok %u - %s\n", i + 1, js);
      free (got);
    next:
      g_free (expected);
      g_free (src);
      g_free (ast_path);
      g_free (base);
      g_free (path);
    }
  g_ptr_array_free (names, TRUE);
  return failed ? 1 : 0;
}
