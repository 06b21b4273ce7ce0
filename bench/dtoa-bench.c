/* dtoa-bench.c — nanoseconds per call of js_dtoa and js_strtod.
 *
 * Usage: dtoa-bench [count]   (default 1000000)
 *
 * Three sets of doubles: random bit patterns (every exponent equally
 * likely), values such as programs print (short decimals in common
 * ranges), and small integers.  Each is converted with js_dtoa, and the
 * strings read back with js_strtod; glibc's "%.17g" and strtod in the C
 * locale are timed on the same inputs for scale.  Then js_strtod alone
 * on random decimals of 25, 100 and 800 significant digits, which take
 * the exact path.  The best of eleven runs
 * is reported, which is what survives a busy machine.
 */
#include "config.h"

#include "dtoa.h"

#include <glib.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 12345;

static uint64_t
rng (void)
{
  uint64_t z = (state += UINT64_C (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * UINT64_C (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * UINT64_C (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static double
random_bits (void)
{
  uint64_t u;
  double d;

  do
    u = rng ();
  while ((u >> 52 & 0x7ff) == 0x7ff);
  memcpy (&d, &u, sizeof d);
  return d;
}

/* Values such as 12.5, 0.0375, 1234.56: a few digits, scaled. */
static double
random_common (void)
{
  double v = (double) (rng () % 1000000);

  for (int e = (int) (rng () % 8); e > 0; e--)
    v /= 10;
  return v;
}

static double
random_int (void)
{
  return (double) (rng () % 100000);
}

/* Volatile sinks keep the calls from being optimised away. */
static volatile size_t sink_len;
static volatile double sink_d;

static double
time_dtoa (const double *v, long n, char *out, bool glibc)
{
  double best = INFINITY;

  for (int run = 0; run < 11; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      size_t total = 0;

      for (long i = 0; i < n; i++)
        total += glibc ? (size_t) snprintf (out + 32 * i, 32, "%.17g", v[i])
                       : js_dtoa (v[i], out + 32 * i);
      sink_len = total;
      best = MIN (best, (double) (g_get_monotonic_time () - t0) * 1000 / n);
    }
  return best;
}

static double
time_strtod (const char *s, long n, bool glibc)
{
  double best = INFINITY;

  for (int run = 0; run < 11; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double total = 0;

      for (long i = 0; i < n; i++)
        {
          const char *p = s + 32 * i, *end;

          total += glibc ? strtod (p, NULL) : js_strtod (p, strlen (p), &end);
        }
      sink_d = total;
      best = MIN (best, (double) (g_get_monotonic_time () - t0) * 1000 / n);
    }
  return best;
}

int
main (int argc, char **argv)
{
  static const struct
  {
    const char *name;
    double (*gen) (void);
  } sets[] = {
    { "random bits", random_bits },
    { "common values", random_common },
    { "small integers", random_int },
  };
  long n = argc > 1 ? atol (argv[1]) : 1000000;
  double *v = g_new (double, n);
  char *s = g_malloc ((size_t) n * 32);

  setlocale (LC_ALL, "C");
  printf ("%-15s %12s %12s %12s %12s  (ns per call)\n", "", "js_dtoa",
          "%.17g", "js_strtod", "strtod");
  for (size_t k = 0; k < G_N_ELEMENTS (sets); k++)
    {
      for (long i = 0; i < n; i++)
        v[i] = sets[k].gen ();
      double glibc_out = time_dtoa (v, n, s, true);
      double ours_out = time_dtoa (v, n, s, false);
      /* Both parsers read js_dtoa's shortest strings. */
      double ours_in = time_strtod (s, n, false);
      double glibc_in = time_strtod (s, n, true);

      printf ("%-15s %12.1f %12.1f %12.1f %12.1f\n", sets[k].name, ours_out,
              glibc_out, ours_in, glibc_in);
    }

  /* The exact path: more significant digits than fit in 64 bits. */
  static const int lengths[] = { 25, 100, 800 };
  long m = MIN (n, 100000);
  for (size_t k = 0; k < G_N_ELEMENTS (lengths); k++)
    {
      int len = lengths[k];
      char *t = g_malloc ((size_t) m * (size_t) (len + 16));
      double best[2] = { INFINITY, INFINITY };

      for (long i = 0; i < m; i++)
        {
          char *q = t + i * (len + 16);

          q[0] = (char) ('1' + rng () % 9);
          q[1] = '.';
          for (int j = 2; j <= len; j++)
            q[j] = (char) ('0' + rng () % 10);
          snprintf (q + len + 1, 15, "e%d", (int) (rng () % 600) - 300);
        }
      for (int run = 0; run < 11; run++)
        for (int glibc = 0; glibc < 2; glibc++)
          {
            gint64 t0 = g_get_monotonic_time ();
            double total = 0;

            for (long i = 0; i < m; i++)
              {
                const char *q = t + i * (len + 16), *end;

                total += glibc ? strtod (q, NULL)
                               : js_strtod (q, strlen (q), &end);
              }
            sink_d = total;
            best[glibc] = MIN (best[glibc], (double) (g_get_monotonic_time ()
                                                      - t0) * 1000 / m);
          }
      printf ("%3d digits %4s %12s %12s %12.1f %12.1f\n", len, "", "", "",
              best[0], best[1]);
      g_free (t);
    }

  g_free (v);
  g_free (s);
  return 0;
}
