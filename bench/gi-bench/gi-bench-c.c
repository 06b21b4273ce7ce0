/* gi-bench-c.c — the cases of gi-bench.js done in C, as the baseline.
 *
 * The case to run is in the environment variable GI_BENCH, as for the
 * script (calls, props or labels); it prints the same line: the case,
 * the count and the elapsed microseconds.  Any arguments are ignored, so
 * run.py can start it the way it starts the engines.  The work is what
 * the script asks of GTK, with nothing of an engine around it:
 *   calls   g_get_monotonic_time () 1,000,000 times
 *   props   gtk_widget_get_visible () of a label 1,000,000 times
 *   labels  10,000 labels made (gtk_label_new with a formatted text,
 *           sunk), read (gtk_label_get_label) and released
 */
#include <gtk/gtk.h>

#include <stdio.h>
#include <string.h>

/* Keeps the compiler from dropping a result nothing reads. */
static volatile gint64 sink;

static void
report (const char *name, int n, gint64 start)
{
  printf ("%s %d %" G_GINT64_FORMAT "\n", name, n,
          g_get_monotonic_time () - start);
}

static void
bench_calls (int n)
{
  gint64 start = g_get_monotonic_time ();
  gint64 t = 0;
  for (int i = 0; i < n; i++)
    t = g_get_monotonic_time ();
  sink = t;
  report ("calls", n, start);
}

static void
bench_props (int n)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("x"));
  /* A call through a pointer the compiler cannot see into, as a binding
     makes it. */
  gboolean (*volatile get_visible) (GtkWidget *) = gtk_widget_get_visible;
  gint64 start = g_get_monotonic_time ();
  int v = 0;
  for (int i = 0; i < n; i++)
    if (get_visible (label))
      v++;
  sink = v;
  report ("props", n, start);
  g_object_unref (label);
}

static void
bench_labels (int n)
{
  g_object_unref (g_object_ref_sink (gtk_label_new ("warm-up")));
  gint64 start = g_get_monotonic_time ();
  for (int i = 0; i < n; i++)
    {
      char text[32];
      g_snprintf (text, sizeof text, "label %d", i);
      GtkWidget *l = g_object_ref_sink (gtk_label_new (text));
      sink += (gint64) strlen (gtk_label_get_label (GTK_LABEL (l)));
      g_object_unref (l);
    }
  report ("labels", n, start);
}

int
main (int argc, char **argv)
{
  const char *which = g_getenv ("GI_BENCH");
  if (g_strcmp0 (which, "calls") == 0)
    bench_calls (1000000);
  else if (g_strcmp0 (which, "props") == 0)
    {
      gtk_init ();
      bench_props (1000000);
    }
  else if (g_strcmp0 (which, "labels") == 0)
    {
      gtk_init ();
      bench_labels (10000);
    }
  else
    printf ("set GI_BENCH to calls, props or labels\n");
  return 0;
}
