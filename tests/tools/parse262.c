/* parse262.c — checks the parser against test262's parse-time
 * expectations.
 *
 * For each test of a list it reads the metadata between the test's
 * / *--- and ---* / markers: flags (onlyStrict, noStrict, raw, module) and
 * negative (phase, type).  A test negative at phase "parse" with type
 * SyntaxError must fail to parse in each mode it runs in; any other test
 * (negative at resolution or runtime included) must parse.  Tests without
 * onlyStrict, noStrict or raw run in both sloppy and strict mode, strict
 * mode by a prepended "use strict"; as test262's harness does.
 *
 *   parse262 --test262 DIR [--list FILE] [-v] [PATH...]
 *
 * DIR is an unpacked test262 tree (holding test/).  Prints each wrong
 * classification with -v, then a summary and "N passed, N failed".
 */
#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "ast.h"
#include "parser.h"

typedef struct
{
  bool only_strict, no_strict, raw, module;
  bool negative_parse; /* negative: phase parse, type SyntaxError */
} Meta;

/* Whether the flow list "flags: [a, b]" in the front matter names flag. */
static bool
has_flag (const char *flags_line, const char *flag)
{
  const char *p = flags_line;
  size_t n = strlen (flag);

  while ((p = strstr (p, flag)))
    {
      char before = p == flags_line ? ' ' : p[-1];
      char after = p[n];
      if ((before == '[' || before == ' ' || before == ',')
          && (after == ']' || after == ',' || after == ' '))
        return true;
      p += n;
    }
  return false;
}

static Meta
read_meta (const char *src)
{
  Meta m = { 0 };
  const char *start = strstr (src, "/*---"), *end;
  char *fm, *line;

  if (!start || !(end = strstr (start, "---*/")))
    return m;
  fm = g_strndup (start + 5, end - start - 5);
  if ((line = strstr (fm, "\nflags:")) || (line = strstr (fm, "flags:")))
    {
      char *eol = strchr (line + 1, '\n');
      char *flags = eol ? g_strndup (line, eol - line) : g_strdup (line);
      m.only_strict = has_flag (flags, "onlyStrict");
      m.no_strict = has_flag (flags, "noStrict");
      m.raw = has_flag (flags, "raw");
      m.module = has_flag (flags, "module");
      g_free (flags);
    }
  if ((line = strstr (fm, "negative:")))
    {
      const char *phase = strstr (line, "phase:");
      const char *type = strstr (line, "type:");
      if (phase && type)
        {
          phase += 6;
          while (*phase == ' ')
            phase++;
          type += 5;
          while (*type == ' ')
            type++;
          m.negative_parse = (g_str_has_prefix (phase, "parse")
                              || g_str_has_prefix (phase, "early"))
                             && g_str_has_prefix (type, "SyntaxError");
        }
    }
  g_free (fm);
  return m;
}

/* Parses src in one mode; returns whether it parsed, with the error. */
static bool
try_parse (const char *src, size_t len, bool strict, bool module,
           ParseError *err)
{
  AstArena arena;
  ParseOptions opts = { 0 };
  AstNode *prog;
  char *buf = NULL;

  opts.module = module;
  if (strict)
    {
      /* Not g_strconcat: some tests hold NUL characters. */
      buf = g_malloc (len + 14);
      memcpy (buf, "\"use strict\";\n", 14);
      memcpy (buf + 14, src, len);
      src = buf;
      len += 14;
    }
  ast_arena_init (&arena);
  prog = parse_program (&arena, src, len, &opts, err);
  ast_arena_free (&arena);
  g_free (buf);
  return prog != NULL;
}

typedef struct
{
  unsigned total, passed, failed;
  unsigned positive_failed, negative_failed;
} Counts;

static void
run_one (const char *root, const char *path, bool verbose, Counts *c)
{
  char *file = g_build_filename (root, "test", path, NULL);
  char *src;
  gsize len;
  Meta m;
  bool modes[2] = { false, false }; /* sloppy, strict */
  bool ok = true;
  ParseError err;
  const char *why = NULL;

  if (!g_file_get_contents (file, &src, &len, NULL))
    {
      g_printerr ("cannot read %s\n", file);
      g_free (file);
      return;
    }
  g_free (file);
  m = read_meta (src);
  c->total++;
  if (m.module)
    modes[1] = true;
  else if (m.raw || m.no_strict)
    modes[0] = true;
  else if (m.only_strict)
    modes[1] = true;
  else
    modes[0] = modes[1] = true;

  for (int i = 0; i < 2 && ok; i++)
    {
      bool parsed;
      if (!modes[i])
        continue;
      /* Modules are strict without a directive. */
      parsed = try_parse (src, len, i == 1 && !m.module && !m.raw,
                          m.module, &err);
      if (m.negative_parse && parsed)
        {
          ok = false;
          why = i ? "parsed (strict) but should fail"
                  : "parsed (sloppy) but should fail";
        }
      else if (!m.negative_parse && !parsed)
        {
          ok = false;
          why = i ? "failed (strict)" : "failed (sloppy)";
        }
    }
  if (ok)
    c->passed++;
  else
    {
      c->failed++;
      if (m.negative_parse)
        c->negative_failed++;
      else
        c->positive_failed++;
      if (verbose)
        {
          if (m.negative_parse)
            printf ("FAIL %s: %s\n", path, why);
          else
            printf ("FAIL %s: %s: %u:%u: %s\n", path, why, err.line,
                    err.column, err.message);
        }
    }
  g_free (src);
}

int
main (int argc, char **argv)
{
  const char *root = NULL, *list = NULL;
  bool verbose = false;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  Counts c = { 0 };

  for (int i = 1; i < argc; i++)
    {
      if (!strcmp (argv[i], "--test262") && i + 1 < argc)
        root = argv[++i];
      else if (!strcmp (argv[i], "--list") && i + 1 < argc)
        list = argv[++i];
      else if (!strcmp (argv[i], "-v"))
        verbose = true;
      else
        g_ptr_array_add (paths, g_strdup (argv[i]));
    }
  if (!root)
    {
      g_printerr ("usage: parse262 --test262 DIR [--list FILE] [-v] "
                  "[PATH...]\n");
      return 2;
    }
  /* Without an unpacked suite there is nothing to check: a skip for
   * meson (exit status 77), not a failure. */
  {
    char *test_dir = g_build_filename (root, "test", NULL);
    bool present = g_file_test (test_dir, G_FILE_TEST_IS_DIR);
    g_free (test_dir);
    if (!present)
      {
        printf ("parse262: no test262 tree at %s: skipped\n", root);
        return 77;
      }
  }
  if (list)
    {
      char *text, **lines;
      if (!g_file_get_contents (list, &text, NULL, NULL))
        {
          g_printerr ("cannot read %s\n", list);
          return 2;
        }
      lines = g_strsplit (text, "\n", -1);
      for (char **l = lines; *l; l++)
        {
          char *p = g_strstrip (*l);
          if (*p && *p != '#')
            g_ptr_array_add (paths, g_strdup (p));
        }
      g_strfreev (lines);
      g_free (text);
    }
  for (guint i = 0; i < paths->len; i++)
    run_one (root, g_ptr_array_index (paths, i), verbose, &c);
  printf ("parse262: %u tests, %u classified correctly (%.2f%%); %u valid "
          "tests rejected, %u invalid tests accepted\n",
          c.total, c.passed, c.total ? 100.0 * c.passed / c.total : 0.0,
          c.positive_failed, c.negative_failed);
  printf ("%u passed, %u failed\n", c.passed, c.failed);
  g_ptr_array_free (paths, TRUE);
  return 0;
}
