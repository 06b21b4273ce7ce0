/* main.c — the gscript program: options, loading a script, running it.
 *
 * Every usage error (an unknown or incomplete option, no script, a file
 * that cannot be read or is not UTF-8) is one line on stderr and exit
 * status 2, so that callers can tell it from a script that failed (1).
 * The program owns the process's GLib log writer: it prints messages of
 * gscript's log categories as plain `category: message` lines.
 */
#include "config.h"

#include <gscript/gscript.h>

#include "host.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#define EXIT_USAGE 2

/* The name under which code given with -e runs. */
#define EVAL_FILENAME "<command line>"

static GsLogCategory log_cli = GS_LOG_CATEGORY_INIT ("gscript.cli");

/* The script's arguments when there are none. */
static char *no_arguments[] = { NULL };

static char *opt_eval;
static char *opt_log_rules;
static gboolean opt_version;
static gboolean opt_dump_bytecode;
static gboolean opt_test262;
static gboolean opt_module;
static char **opt_rest;

/* One line per option.  -e takes its code as raw bytes (a FILENAME
 * argument) so that GLib does not convert it from the locale's charset:
 * scripts are UTF-8 whatever the locale, and load_eval() checks that. */
static const GOptionEntry option_entries[] = {
  { "eval", 'e', 0, G_OPTION_ARG_FILENAME, &opt_eval,
    N_ ("Run CODE instead of a file"), N_ ("CODE") },
  { "log-rules", 0, 0, G_OPTION_ARG_STRING, &opt_log_rules,
    N_ ("Switch log categories on or off, as in GSCRIPT_LOGGING_RULES"),
    N_ ("RULES") },
  { "dump-bytecode", 0, 0, G_OPTION_ARG_NONE, &opt_dump_bytecode,
    N_ ("Print the bytecode of the script instead of running it"), NULL },
  { "module", 'm', 0, G_OPTION_ARG_NONE, &opt_module,
    N_ ("Run FILE as a module (also for files ending in .mjs)"), NULL },
  { "test262", 0, 0, G_OPTION_ARG_NONE, &opt_test262,
    N_ ("Define $262 for the conformance suite"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version,
    N_ ("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_rest, NULL,
    NULL },
  G_OPTION_ENTRY_NULL
};

/* Prints "gscript: <message>" as one line on stderr. */
static void G_GNUC_PRINTF (1, 2)
report (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("gscript: %s\n", message);
}

/* Prints category messages as `category: message`, one line each, and
 * leaves every other message to GLib's default writer. */
static GLogWriterOutput
write_log (GLogLevelFlags level, const GLogField *fields, gsize n_fields,
           gpointer user_data)
{
  const GLogField *message = NULL;
  gboolean in_category = FALSE;
  g_autofree char *line = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (strcmp (fields[i].key, "GSCRIPT_CATEGORY") == 0)
        in_category = TRUE;
      else if (strcmp (fields[i].key, "MESSAGE") == 0)
        message = &fields[i];
    }
  if (!in_category || message == NULL)
    return g_log_writer_default (level, fields, n_fields, user_data);

  /* One write, so that lines from several threads do not interleave. */
  if (message->length < 0)
    line = g_strconcat (message->value, "\n", NULL);
  else
    line = g_strdup_printf ("%.*s\n", (int) message->length,
                            (const char *) message->value);
  fputs (line, stderr);
  return G_LOG_WRITER_HANDLED;
}

/* Finds the first byte of @text that is not part of valid UTF-8.  NUL
 * bytes are valid: JavaScript source may hold U+0000. */
static gboolean
find_invalid_utf8 (const char *text, gsize length, gsize *offset)
{
  const char *p = text;
  const char *limit = text + length;

  while (p < limit)
    {
      const char *end;

      if (g_utf8_validate_len (p, (gsize) (limit - p), &end))
        return FALSE;
      if (*end != '\0')
        {
          *offset = (gsize) (end - text);
          return TRUE;
        }
      p = end + 1;
    }
  return FALSE;
}

/* The 1-based line of byte @offset, for error messages. */
static unsigned long
line_of (const char *text, gsize offset)
{
  unsigned long line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      line++;
  return line;
}

/* Reads all of @fd into a NUL-terminated buffer, or sets errno. */
static char *
read_all (int fd, gsize size_hint, gsize *length)
{
  g_autoptr (GByteArray) buffer = NULL;
  gsize used = 0;

  buffer = g_byte_array_sized_new ((guint) MIN (size_hint + 1, G_MAXINT));
  for (;;)
    {
      gssize n;

      if (buffer->len > G_MAXUINT / 4)
        {
          errno = EFBIG;
          return NULL;
        }
      if (buffer->len - used < 4096)
        g_byte_array_set_size (buffer, buffer->len + MAX (buffer->len, 4096));
      n = read (fd, buffer->data + used, buffer->len - used - 1);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      used += (gsize) n;
    }
  buffer->data[used] = '\0';
  *length = used;
  return (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
}

/* Loads a script file, or reports why it cannot and returns NULL. */
static char *
load_file (const char *filename, gsize *length)
{
  g_autofree char *shown = g_filename_display_name (filename);
  char *source;
  struct stat info;
  gsize offset;
  int saved_errno;
  int fd;

  fd = open (filename, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      report (_("cannot open '%s': %s"), shown, g_strerror (errno));
      return NULL;
    }
  /* A directory opens, and fails at the first read with EISDIR. */
  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    info.st_size = 0;
  source = read_all (fd, (gsize) info.st_size, length);
  saved_errno = errno;
  close (fd);
  if (source == NULL)
    {
      report (_("cannot read '%s': %s"), shown, g_strerror (saved_errno));
      return NULL;
    }

  if (find_invalid_utf8 (source, *length, &offset))
    {
      /* Translators: the offset counts bytes from 0. */
      report (_("'%s' is not valid UTF-8: invalid byte at offset %llu "
                "(line %lu)"),
              shown, (unsigned long long) offset, line_of (source, offset));
      g_free (source);
      return NULL;
    }
  return source;
}

/* Takes the code given with -e, or reports why it cannot be run. */
static char *
load_eval (const char *code, gsize *length)
{
  gsize offset;

  *length = strlen (code);
  if (find_invalid_utf8 (code, *length, &offset))
    {
      report (_("the code given with -e is not valid UTF-8: invalid byte "
                "at offset %llu"),
              (unsigned long long) offset);
      return NULL;
    }
  return g_strdup (code);
}

/* The line'th line of source (1-based), without its terminator. */
static char *
source_line (const char *source, gsize length, guint line)
{
  const char *p = source, *end = source + length;
  for (guint i = 1; i < line && p < end; i++)
    {
      const char *nl = memchr (p, '\n', (size_t) (end - p));
      if (!nl)
        return NULL;
      p = nl + 1;
    }
  const char *e = p;
  while (e < end && *e != '\n' && *e != '\r')
    e++;
  return g_strndup (p, (gsize) (e - p));
}

/* A property of an error as UTF-8, or NULL. */
static char *
error_string (GsContext *ctx, GsValue *error, const char *name)
{
  GsValue *v = gs_object_get_property (ctx, error, name);
  if (!v)
    {
      gs_context_take_exception (ctx);
      return NULL;
    }
  return gs_value_dup_string (v);
}

static double
error_number (GsContext *ctx, GsValue *error, const char *name)
{
  GsValue *v = gs_object_get_property (ctx, error, name);
  if (!v)
    {
      gs_context_take_exception (ctx);
      return 0;
    }
  return gs_value_is_number (v) ? gs_value_get_number (v) : 0;
}

/* Prints an uncaught exception: a syntax error as file:line:column with
 * the line and a caret, anything else with its stack.  The line comes
 * from source when the error is in the program's own file (filename),
 * else from the file it names: a module it imported. */
static void
report_exception (GsContext *ctx, const char *filename, const char *source,
                  gsize length)
{
  GsValue *e = gs_context_take_exception (ctx);
  if (!e)
    return;
  if (gs_value_is_object (e))
    {
      g_autofree char *file = error_string (ctx, e, "fileName");
      g_autofree char *name = error_string (ctx, e, "name");
      g_autofree char *message = error_string (ctx, e, "message");
      double line = error_number (ctx, e, "lineNumber");
      double column = error_number (ctx, e, "columnNumber");
      if (file && line > 0)
        {
          g_printerr ("%s:%u:%u: %s: %s\n", file, (guint) line,
                      (guint) column, name ? name : "Error",
                      message ? message : "");
          g_autofree char *other = NULL;
          gsize other_length = 0;
          if (g_strcmp0 (file, filename) != 0
              && g_file_get_contents (file, &other, &other_length, NULL))
            {
              source = other;
              length = other_length;
            }
          else if (g_strcmp0 (file, filename) != 0)
            source = NULL;
          g_autofree char *text = source ? source_line (source, length,
                                                        (guint) line)
                                         : NULL;
          if (text)
            {
              g_printerr ("%s\n", text);
              GString *caret = g_string_new (NULL);
              for (guint i = 1; i < (guint) column; i++)
                g_string_append_c (caret, text[i - 1] == '\t' ? '\t' : ' ');
              g_printerr ("%s^\n", caret->str);
              g_string_free (caret, TRUE);
            }
          return;
        }
      g_autofree char *stack = error_string (ctx, e, "stack");
      if (stack)
        {
          g_printerr ("Uncaught %s\n", stack);
          return;
        }
    }
  GsValue *args[] = { e };
  GsValue *str = gs_object_get_property (ctx, gs_context_get_global (ctx),
                                         "String");
  GsValue *s = str && gs_value_is_function (str)
                   ? gs_function_call (ctx, str, NULL, 1, args)
                   : NULL;
  g_autofree char *text = s ? gs_value_dup_string (s) : NULL;
  if (!s)
    gs_context_take_exception (ctx);
  g_printerr ("Uncaught %s\n", text ? text : "exception");
}

/* Runs a loaded, valid script and returns the process's exit status:
 * 0, or 1 after an uncaught exception. */
static int
run_script (const char *filename, const char *source, gsize length, int argc,
            char **argv)
{
  GsRuntime *rt = gs_runtime_new ();
  if (!rt)
    {
      g_printerr ("gscript: %s\n", _("out of memory"));
      return 1;
    }
  GsContext *ctx = gs_context_new (rt);
  if (!ctx)
    {
      g_printerr ("gscript: %s\n", _("out of memory"));
      gs_runtime_free (rt);
      return 1;
    }
  int status = 0;
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  if (opt_test262)
    gs_context_install_test262_host (ctx);
  else
    {
      host_set_program (filename, argv);
      host_gi_install (ctx);
      host_loop_install (ctx);
      host_text_install (ctx);
      host_compat_install (ctx);
    }
  if (opt_dump_bytecode)
    {
      g_autofree char *dump = gs_context_dump_bytecode (ctx, source,
                                                        (gssize) length,
                                                        filename);
      if (dump)
        fputs (dump, stdout);
      else
        {
          report_exception (ctx, filename, source, length);
          status = 1;
        }
    }
  else if (!gs_context_eval (ctx, source, (gssize) length, filename,
                             opt_module || g_str_has_suffix (filename, ".mjs")
                                 ? GS_EVAL_MODULE
                                 : GS_EVAL_DEFAULT))
    {
      report_exception (ctx, filename, source, length);
      status = 1;
    }
  else if (!opt_test262 && !host_loop_run (ctx))
    status = 1;
  /* Jobs left (the eval ran those its script queued) run before exit;
     a rejection nothing handled is a warning, not a failure. */
  gs_runtime_run_jobs (rt);
  fflush (stdout);
  gs_runtime_report_unhandled_rejections (rt);
  if (!opt_test262)
    {
      /* Pending destroy ()s run now; then the bridge lets go. */
      host_gi_shutdown (ctx);
      host_loop_shutdown ();
    }
  gs_handle_scope_close (&scope);
  gs_context_free (ctx);
  gs_runtime_free (rt);
  return status;
}

static GOptionContext *
make_option_context (void)
{
  GOptionContext *context;

  /* Translators: the rest of the usage line, after "gscript [OPTION…]". */
  context = g_option_context_new (_("FILE [ARGUMENT…]"));
  g_option_context_set_summary (
      context, _("Runs a JavaScript file, or the code given with -e.\n"
                 "The arguments after FILE go to the script."));
  g_option_context_set_description (
      context,
      _("Environment variables:\n"
        "  GSCRIPT_LOGGING_RULES     Log rules applied before --log-rules,\n"
        "                            such as 'gscript.gc.*.debug=true'\n"
        "  GSCRIPT_GC_STRESS=N       Collect garbage every N allocations\n"
        "  GSCRIPT_GC_INCREMENTAL=1  Mark a little at each allocation\n"
        "  GSCRIPT_VERIFY_HEAP=1     Check the heap at each collection\n"
        "\n"
        "Exit status: that of the script, or 2 for a usage error."));
  g_option_context_add_main_entries (context, option_entries,
                                     GETTEXT_PACKAGE);
  /* Options after FILE belong to the script. */
  g_option_context_set_strict_posix (context, TRUE);
  return context;
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *source = NULL;
  const char *filename;
  char **script_argv;
  gsize length;
  int script_argc;

  setlocale (LC_ALL, "");
  /* The program's messages name their domain (gi18n-lib.h): the default
     domain is the script's to set with imports.gettext.textdomain (). */
  bindtextdomain (GETTEXT_PACKAGE, GSCRIPT_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_set_prgname ("gscript");
  g_log_set_writer_func (write_log, NULL, NULL);

  context = make_option_context ();
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      /* Translators: %s is GLib's message, such as "Unknown option -x". */
      report (_("%s (see 'gscript --help')"), error->message);
      return EXIT_USAGE;
    }
  if (opt_version)
    {
      g_print ("gscript %s\n", GSCRIPT_VERSION);
      return 0;
    }
  if (opt_log_rules != NULL)
    gs_log_set_rules (opt_log_rules);

  script_argv = opt_rest != NULL ? opt_rest : no_arguments;
  if (opt_eval != NULL)
    {
      filename = EVAL_FILENAME;
      source = load_eval (opt_eval, &length);
    }
  else if (script_argv[0] != NULL)
    {
      filename = *script_argv++;
      source = load_file (filename, &length);
    }
  else
    {
      report (_("no script given: name a FILE or use -e CODE "
                "(see 'gscript --help')"));
      return EXIT_USAGE;
    }
  if (source == NULL)
    return EXIT_USAGE;

  script_argc = (int) g_strv_length (script_argv);
  gs_log_debug (&log_cli, "loaded %s: %" G_GSIZE_FORMAT " bytes, %d "
                "script arguments", filename, length, script_argc);
  return run_script (filename, source, length, script_argc, script_argv);
}
