/* builtins-date.c — Date.
 *
 * A Date holds one time value: milliseconds since 1970-01-01T00:00Z as a
 * double, NaN for an invalid date, never beyond ±8.64e15 (TimeClip).
 * The calendar arithmetic is the spec's (proleptic Gregorian, days of
 * exactly 86,400,000 ms), done here for every year, so that dates far
 * outside what the C library handles still work.
 *
 * Local time comes from the system time zone: localtime_r gives the
 * offset in force at an instant (TZ is honoured; tzset runs when the
 * first realm is made).  Going the other way, from a local time to an
 * instant, follows the spec's disambiguation: a local time that occurs
 * twice (the autumn transition) is the earlier instant, one that does
 * not occur (the spring gap) is read with the offset before the
 * transition.  Both need only the offsets a day before and a day after,
 * since transitions are more than two days apart.
 *
 * Parsing accepts the spec's format (date-only forms are UTC, date-time
 * forms without an offset are local) and, failing that, the legacy forms
 * browsers accept: those toString and toUTCString produce, "Mar 10 2024",
 * "10 March 2024 10:00 GMT+0100", "2024/03/10", "3/10/2024 1:30 PM".
 */
#include "config.h"

#include "builtins.h"

#include "property.h"

#include <math.h>
#include <stddef.h>
#include <time.h>

/* A Date.  One slot. */
typedef struct
{
  JsShape *shape;     /* header: a Date shape of the realm */
  JsStorage *storage; /* properties, or NULL */
  JsValue time;       /* [[DateValue]]: a number */
  JsValue unused;     /* padding to one slot */
} JsDate;

static void
date_trace (JsTracer *trc, JsCell *cell)
{
  gc_mark_cell (trc, (JsCell *) ((JsDate *) cell)->storage);
}

static const JsCellClass date_class = {
  .name = "Date",
  .kind = JS_KIND_OBJECT,
  .trace = date_trace,
  .flags = JS_CLASS_BUILTIN_TAG,
};

#define MS_PER_SECOND 1000.0
#define MS_PER_MINUTE 60000.0
#define MS_PER_HOUR 3600000.0
#define MS_PER_DAY 86400000.0
#define MAX_TIME 8.64e15

static const char *const day_names[7] = { "Sun", "Mon", "Tue", "Wed",
                                          "Thu", "Fri", "Sat" };
static const char *const month_names[12] = { "Jan", "Feb", "Mar", "Apr",
                                              "May", "Jun", "Jul", "Aug",
                                              "Sep", "Oct", "Nov", "Dec" };

/* ------------------------------------------------------------------ */
/* The calendar                                                        */
/* ------------------------------------------------------------------ */

static double
day_of (double t)
{
  return floor (t / MS_PER_DAY);
}

static double
time_within_day (double t)
{
  double r = fmod (t, MS_PER_DAY);
  return r < 0 ? r + MS_PER_DAY : r;
}

static double
day_from_year (double y)
{
  return 365 * (y - 1970) + floor ((y - 1969) / 4) - floor ((y - 1901) / 100)
         + floor ((y - 1601) / 400);
}

static bool
is_leap (double y)
{
  return fmod (y, 4) == 0 && (fmod (y, 100) != 0 || fmod (y, 400) == 0);
}

static double
year_from_time (double t)
{
  double y = floor (t / (MS_PER_DAY * 365.2425)) + 1970;
  while (day_from_year (y) * MS_PER_DAY > t)
    y--;
  while (day_from_year (y + 1) * MS_PER_DAY <= t)
    y++;
  return y;
}

/* Days before the first of each month, in a common year. */
static const int month_start[13] = { 0,   31,  59,  90,  120, 151, 181,
                                     212, 243, 273, 304, 334, 365 };

static int
month_first_day (int month, bool leap)
{
  return month_start[month] + (leap && month >= 2);
}

/* The broken-down fields of a time value (UTC or local). */
typedef struct
{
  double year;
  int month;   /* 0 .. 11 */
  int date;    /* 1 .. 31 */
  int hours;
  int minutes;
  int seconds;
  int ms;
  int weekday; /* 0 = Sunday */
} DateFields;

static void
split_time (double t, DateFields *f)
{
  double y = year_from_time (t);
  bool leap = is_leap (y);
  int yday = (int) (day_of (t) - day_from_year (y));
  int m = 0;
  while (m < 11 && yday >= month_first_day (m + 1, leap))
    m++;
  f->year = y;
  f->month = m;
  f->date = yday - month_first_day (m, leap) + 1;
  double ms = time_within_day (t);
  f->hours = (int) (ms / MS_PER_HOUR);
  f->minutes = (int) fmod (floor (ms / MS_PER_MINUTE), 60);
  f->seconds = (int) fmod (floor (ms / MS_PER_SECOND), 60);
  f->ms = (int) fmod (ms, MS_PER_SECOND);
  int wd = (int) fmod (day_of (t) + 4, 7);
  f->weekday = wd < 0 ? wd + 7 : wd;
}

static double
to_integer (double d)
{
  return trunc (d) + 0.0;
}

static double
make_time (double h, double m, double s, double ms)
{
  if (!isfinite (h) || !isfinite (m) || !isfinite (s) || !isfinite (ms))
    return NAN;
  return to_integer (h) * MS_PER_HOUR + to_integer (m) * MS_PER_MINUTE
         + to_integer (s) * MS_PER_SECOND + to_integer (ms);
}

static double
make_day (double year, double month, double date)
{
  if (!isfinite (year) || !isfinite (month) || !isfinite (date))
    return NAN;
  double y = to_integer (year), m = to_integer (month);
  double dt = to_integer (date);
  double ym = y + floor (m / 12);
  /* Far beyond what TimeClip keeps: no need to be exact. */
  if (fabs (ym) > 400000)
    return NAN;
  int mn = (int) fmod (m, 12);
  if (mn < 0)
    mn += 12;
  return day_from_year (ym) + month_first_day (mn, is_leap (ym)) + dt - 1;
}

static double
make_date (double day, double time)
{
  if (!isfinite (day) || !isfinite (time))
    return NAN;
  double tv = day * MS_PER_DAY + time;
  return isfinite (tv) ? tv : NAN;
}

static double
time_clip (double t)
{
  if (!isfinite (t) || fabs (t) > MAX_TIME)
    return NAN;
  return to_integer (t);
}

/* ------------------------------------------------------------------ */
/* Local time                                                          */
/* ------------------------------------------------------------------ */

/* The local offset in ms at the instant t (UTC), and the zone's name
 * into name (if not NULL, size at least 64). */
static double
offset_at (double t, char *name)
{
  time_t s = (time_t) floor (t / MS_PER_SECOND);
  struct tm tm;
  if (!localtime_r (&s, &tm))
    {
      if (name)
        g_strlcpy (name, "UTC", 64);
      return 0;
    }
  if (name)
    g_strlcpy (name, tm.tm_zone ? tm.tm_zone : "", 64);
  return (double) tm.tm_gmtoff * MS_PER_SECOND;
}

static double
local_time (double t)
{
  return t + offset_at (t, NULL);
}

/* UTC (t): the instant of a local time, disambiguated as the spec says
 * (see the opening comment). */
static double
utc_of_local (double t)
{
  if (!isfinite (t))
    return NAN;
  double before = offset_at (t - MS_PER_DAY, NULL);
  double after = offset_at (t + MS_PER_DAY, NULL);
  double best = NAN;
  double offsets[2] = { before, after };
  for (int i = 0; i < 2; i++)
    {
      double instant = t - offsets[i];
      if (offset_at (instant, NULL) == offsets[i]
          && !(instant >= best))
        best = instant;
    }
  /* In a gap no offset fits: read it with the one before. */
  return isnan (best) ? t - before : best;
}

/* ------------------------------------------------------------------ */
/* Date objects                                                        */
/* ------------------------------------------------------------------ */

static JsValue
new_date (JsContext *ctx, JsObject *proto, double tv)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (proto));
  JsShape *s = shape_root_for (rt, &date_class, (JsCell *) proto, 0);
  rt_push_cell (rt, s);
  JsDate *d = s ? (JsDate *) heap_alloc_slots (&rt->heap, JS_SPACE_CELLS,
                                               js_slots_for (sizeof *d))
                : NULL;
  rt_restore_roots (rt, saved);
  if (!d)
    return js_throw_out_of_memory (ctx);
  d->shape = s;
  d->storage = NULL;
  d->time = js_number (tv);
  d->unused = JS_UNDEFINED;
  gc_write_barrier (&rt->heap, (JsCell *) d);
  return js_object_value ((JsObject *) d);
}

static bool
is_date (JsValue v)
{
  return js_is_object (v) && js_get_cell (v)->shape->cls == &date_class;
}

/* thisTimeValue; false with a TypeError. */
static bool
this_time (const JsCallInfo *info, double *t)
{
  JsValue v = *info->this_arg;
  if (!is_date (v))
    {
      js_throw_type_error (info->ctx, "this is not a Date object.");
      return false;
    }
  *t = js_get_number (((JsDate *) js_get_cell (v))->time);
  return true;
}

static void
set_this_time (const JsCallInfo *info, double t)
{
  JsDate *d = (JsDate *) js_get_cell (*info->this_arg);
  d->time = js_number (t);
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

/* A string being parsed: ASCII only (anything else fails the parse). */
typedef struct
{
  const char *s;
  size_t i, n;
} Scan;

static bool
scan_digits (Scan *sc, int count, int *out)
{
  int v = 0;
  for (int k = 0; k < count; k++)
    {
      if (sc->i >= sc->n || !g_ascii_isdigit (sc->s[sc->i]))
        return false;
      v = v * 10 + (sc->s[sc->i++] - '0');
    }
  *out = v;
  return true;
}

static bool
scan_char (Scan *sc, char c)
{
  if (sc->i < sc->n && sc->s[sc->i] == c)
    {
      sc->i++;
      return true;
    }
  return false;
}

static int
days_in_month (double year, int month)
{
  return month_first_day (month + 1, is_leap (year))
         - month_first_day (month, is_leap (year));
}

/* The Date Time String Format; false if s is not an instance of it. */
static bool
parse_iso (const char *str, size_t len, double *out)
{
  Scan sc = { str, 0, len };
  int year, month = 1, day = 1, h = 0, m = 0, s = 0;
  double ms = 0;
  bool negative = false;
  if (scan_char (&sc, '+') || (negative = scan_char (&sc, '-')))
    {
      if (!scan_digits (&sc, 6, &year) || (negative && year == 0))
        return false;
    }
  else if (!scan_digits (&sc, 4, &year))
    return false;
  double y = negative ? -year : year;
  bool date_only = true, has_offset = false;
  double offset = 0;
  if (scan_char (&sc, '-'))
    {
      if (!scan_digits (&sc, 2, &month))
        return false;
      if (scan_char (&sc, '-') && !scan_digits (&sc, 2, &day))
        return false;
    }
  if (scan_char (&sc, 'T'))
    {
      date_only = false;
      if (!scan_digits (&sc, 2, &h) || !scan_char (&sc, ':')
          || !scan_digits (&sc, 2, &m))
        return false;
      if (scan_char (&sc, ':'))
        {
          if (!scan_digits (&sc, 2, &s))
            return false;
          if (scan_char (&sc, '.'))
            {
              /* At least one digit; digits past the third are read and
                 dropped, as other engines do. */
              double scale = 100;
              if (sc.i >= sc.n || !g_ascii_isdigit (sc.s[sc.i]))
                return false;
              while (sc.i < sc.n && g_ascii_isdigit (sc.s[sc.i]))
                {
                  ms += (sc.s[sc.i++] - '0') * scale;
                  scale /= 10;
                }
              ms = floor (ms);
            }
        }
      if (scan_char (&sc, 'Z'))
        has_offset = true;
      else if (sc.i < sc.n && (sc.s[sc.i] == '+' || sc.s[sc.i] == '-'))
        {
          int sign = sc.s[sc.i++] == '-' ? -1 : 1, oh, om;
          if (!scan_digits (&sc, 2, &oh) || !scan_char (&sc, ':')
              || !scan_digits (&sc, 2, &om) || oh > 23 || om > 59)
            return false;
          has_offset = true;
          offset = sign * (oh * MS_PER_HOUR + om * MS_PER_MINUTE);
        }
    }
  if (sc.i != sc.n)
    return false;
  if (month < 1 || month > 12 || day < 1
      || day > days_in_month (y, month - 1) || h > 24 || m > 59 || s > 59
      || (h == 24 && (m || s || ms)))
    return false;
  double t = make_date (make_day (y, month - 1, day), make_time (h, m, s, ms));
  if (date_only || has_offset)
    t -= offset;
  else
    t = utc_of_local (t);
  *out = t;
  return true;
}

/* A month or weekday name's month (0 .. 11), -2 for a weekday, -1 for
 * anything else; three letters suffice ("March", "Mar"). */
static int
name_kind (const char *w, size_t len)
{
  if (len < 3)
    return -1;
  for (int i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (w, month_names[i], 3) == 0)
      return i;
  for (int i = 0; i < 7; i++)
    if (g_ascii_strncasecmp (w, day_names[i], 3) == 0)
      return -2;
  return -1;
}

/* US zone abbreviations: their offsets in hours. */
static bool
zone_abbreviation (const char *w, size_t len, int *hours)
{
  static const struct
  {
    const char *name;
    int hours;
  } zones[] = { { "UT", 0 },   { "UTC", 0 },  { "GMT", 0 },  { "Z", 0 },
                { "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
                { "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 } };
  for (size_t i = 0; i < G_N_ELEMENTS (zones); i++)
    if (strlen (zones[i].name) == len
        && g_ascii_strncasecmp (w, zones[i].name, len) == 0)
      {
        *hours = zones[i].hours;
        return true;
      }
  return false;
}

/* The legacy forms: words and numbers in the orders browsers take. */
static bool
parse_legacy (const char *s, size_t n, double *out)
{
  double numbers[3];
  int nnum = 0, month = -1, hour = -1, minute = 0, second = 0, ms = 0;
  int ampm = 0; /* 1 am, 2 pm */
  bool has_offset = false, year_first = false;
  double offset = 0;
  size_t i = 0;
  while (i < n)
    {
      char c = s[i];
      if (c == '(')
        {
          /* A comment, such as toString's zone name. */
          int depth = 0;
          while (i < n)
            {
              if (s[i] == '(')
                depth++;
              else if (s[i] == ')' && --depth == 0)
                break;
              i++;
            }
          i++;
          continue;
        }
      if (g_ascii_isalpha (c))
        {
          size_t b = i;
          while (i < n && g_ascii_isalpha (s[i]))
            i++;
          size_t len = i - b;
          int k = name_kind (s + b, len), zh;
          if (k >= 0)
            {
              if (month >= 0)
                return false;
              month = k;
            }
          else if (k == -2)
            continue;
          else if (len == 2 && (g_ascii_strncasecmp (s + b, "AM", 2) == 0
                                || g_ascii_strncasecmp (s + b, "PM", 2) == 0))
            ampm = (s[b] | 0x20) == 'a' ? 1 : 2;
          else if (zone_abbreviation (s + b, len, &zh))
            {
              has_offset = true;
              offset = zh * MS_PER_HOUR;
            }
          else
            return false;
          continue;
        }
      if ((c == '+' || c == '-') && has_offset && i + 1 < n
          && g_ascii_isdigit (s[i + 1]))
        {
          /* GMT+0100, UTC-05:00, GMT+1. */
          int sign = c == '-' ? -1 : 1;
          i++;
          size_t b = i;
          int v = 0;
          while (i < n && g_ascii_isdigit (s[i]))
            v = v * 10 + (s[i++] - '0');
          int oh, om = 0;
          if (i - b <= 2)
            {
              oh = v;
              if (i < n && s[i] == ':')
                {
                  i++;
                  om = 0;
                  while (i < n && g_ascii_isdigit (s[i]))
                    om = om * 10 + (s[i++] - '0');
                }
            }
          else
            {
              oh = v / 100;
              om = v % 100;
            }
          offset = sign * (oh * MS_PER_HOUR + om * MS_PER_MINUTE);
          continue;
        }
      bool negative = false;
      if (c == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < n
          && g_ascii_isdigit (s[i + 1]))
        {
          /* A year before 1 BC, as toString writes it: " -1199 ". */
          negative = true;
          c = s[++i];
        }
      if (g_ascii_isdigit (c))
        {
          size_t b = i;
          double v = 0;
          while (i < n && g_ascii_isdigit (s[i]))
            v = v * 10 + (s[i++] - '0');
          if (i < n && s[i] == ':')
            {
              /* A time: hh:mm[:ss[.mmm]]. */
              if (hour >= 0 || v > 24)
                return false;
              hour = (int) v;
              i++;
              int k = 0;
              minute = 0;
              while (i < n && g_ascii_isdigit (s[i]) && k < 2)
                minute = minute * 10 + (s[i++] - '0'), k++;
              if (k == 0)
                return false;
              if (i < n && s[i] == ':')
                {
                  i++;
                  k = 0;
                  while (i < n && g_ascii_isdigit (s[i]) && k < 2)
                    second = second * 10 + (s[i++] - '0'), k++;
                  if (i < n && s[i] == '.')
                    {
                      i++;
                      double scale = 100, f = 0;
                      while (i < n && g_ascii_isdigit (s[i]))
                        {
                          f += (s[i++] - '0') * scale;
                          scale /= 10;
                        }
                      ms = (int) f;
                    }
                }
              continue;
            }
          if (nnum == 3 || (negative && month < 0))
            return false;
          if (nnum == 0 && (i - b >= 3 || v > 31))
            year_first = true;
          numbers[nnum++] = negative ? -v : v;
          if (i < n && (s[i] == '/' || s[i] == '-' || s[i] == '.'))
            i++;
          continue;
        }
      if (c == ',' || c == ' ' || c == '\t' || c == '/' || c == '-'
          || c == '.' || c == '\n' || c == '\r')
        {
          i++;
          continue;
        }
      return false;
    }
  /* The date: a month name with a day and a year, or three numbers. */
  double year, day;
  if (month >= 0)
    {
      if (nnum != 2)
        return false;
      /* "Mar 10 2024", "10 Mar 2024", "2024 Mar 10". */
      if (numbers[0] > 31 || numbers[0] < 0)
        {
          year = numbers[0];
          day = numbers[1];
        }
      else
        {
          day = numbers[0];
          year = numbers[1];
        }
    }
  else if (nnum == 3)
    {
      if (year_first)
        {
          year = numbers[0];
          month = (int) numbers[1] - 1;
          day = numbers[2];
        }
      else
        {
          month = (int) numbers[0] - 1;
          day = numbers[1];
          year = numbers[2];
        }
    }
  else
    return false;
  if (year >= 0 && year < 50 && !year_first)
    year += 2000;
  else if (year >= 0 && year < 100 && !year_first)
    year += 1900;
  if (month < 0 || month > 11 || day < 1
      || day > days_in_month (year, month))
    return false;
  if (hour < 0)
    hour = 0;
  if (ampm)
    {
      if (hour > 12)
        return false;
      hour = hour % 12 + (ampm == 2 ? 12 : 0);
    }
  if (minute > 59 || second > 59)
    return false;
  double t = make_date (make_day (year, month, day),
                        make_time (hour, minute, second, ms));
  *out = has_offset ? t - offset : utc_of_local (t);
  return true;
}

/* The time value a string describes, NaN if none. */
static double
parse_date (JsContext *ctx, JsString *str)
{
  g_autofree char *s = string_to_utf8 (ctx->rt, str, NULL);
  if (!s)
    return NAN;
  /* Leading and trailing white space is allowed by other engines. */
  const char *b = s, *e = s + strlen (s);
  while (b < e && g_ascii_isspace (*b))
    b++;
  while (e > b && g_ascii_isspace (e[-1]))
    e--;
  double t;
  if (parse_iso (b, (size_t) (e - b), &t))
    return time_clip (t);
  /* An extended year belongs to the spec's format only. */
  if (b < e && (*b == '+' || *b == '-'))
    return NAN;
  if (parse_legacy (b, (size_t) (e - b), &t))
    return time_clip (t);
  return NAN;
}

/* ------------------------------------------------------------------ */
/* Formatting                                                          */
/* ------------------------------------------------------------------ */

/* A year as toString and toUTCString write it: at least four digits,
 * with a minus sign before the year zero. */
static void
append_year (GString *s, double y)
{
  if (y < 0)
    g_string_append_printf (s, "-%04.0f", -y);
  else
    g_string_append_printf (s, "%04.0f", y);
}

/* The zone part of toString: "GMT+0100 (CET)". */
static void
append_zone (GString *s, double t)
{
  char name[64];
  double off = offset_at (t, name) / MS_PER_MINUTE;
  int a = (int) fabs (off);
  g_string_append_printf (s, "GMT%c%02d%02d", off < 0 ? '-' : '+', a / 60,
                          a % 60);
  if (name[0] && !g_ascii_isdigit (name[0]) && name[0] != '+'
      && name[0] != '-')
    g_string_append_printf (s, " (%s)", name);
}

enum
{
  FMT_DATE = 1 << 0, /* "Tue Mar 10 2024" */
  FMT_TIME = 1 << 1, /* "03:30:00 GMT-0400 (EDT)" */
};

static JsValue
string_result (JsContext *ctx, GString *s)
{
  JsString *r = string_new_utf8 (ctx->rt, s->str, (gssize) s->len);
  g_string_free (s, TRUE);
  return r ? js_string_value (r) : js_throw_out_of_memory (ctx);
}

static JsValue
format_local (JsContext *ctx, double t, int parts)
{
  if (isnan (t))
    return string_result (ctx, g_string_new ("Invalid Date"));
  DateFields f;
  split_time (local_time (t), &f);
  GString *s = g_string_new (NULL);
  if (parts & FMT_DATE)
    {
      g_string_append_printf (s, "%s %s %02d ", day_names[f.weekday],
                              month_names[f.month], f.date);
      append_year (s, f.year);
    }
  if ((parts & FMT_DATE) && (parts & FMT_TIME))
    g_string_append_c (s, ' ');
  if (parts & FMT_TIME)
    {
      g_string_append_printf (s, "%02d:%02d:%02d ", f.hours, f.minutes,
                              f.seconds);
      append_zone (s, t);
    }
  return string_result (ctx, s);
}

static JsValue
format_utc (JsContext *ctx, double t)
{
  if (isnan (t))
    return string_result (ctx, g_string_new ("Invalid Date"));
  DateFields f;
  split_time (t, &f);
  GString *s = g_string_new (NULL);
  g_string_append_printf (s, "%s, %02d %s ", day_names[f.weekday], f.date,
                          month_names[f.month]);
  append_year (s, f.year);
  g_string_append_printf (s, " %02d:%02d:%02d GMT", f.hours, f.minutes,
                          f.seconds);
  return string_result (ctx, s);
}

static JsValue
format_iso (JsContext *ctx, double t)
{
  if (isnan (t))
    return js_throw_range_error (ctx, "Invalid time value");
  DateFields f;
  split_time (t, &f);
  GString *s = g_string_new (NULL);
  if (f.year >= 0 && f.year <= 9999)
    g_string_append_printf (s, "%04.0f", f.year);
  else
    g_string_append_printf (s, "%c%06.0f", f.year < 0 ? '-' : '+',
                            fabs (f.year));
  g_string_append_printf (s, "-%02d-%02dT%02d:%02d:%02d.%03dZ", f.month + 1,
                          f.date, f.hours, f.minutes, f.seconds, f.ms);
  return string_result (ctx, s);
}

/* toLocale*String: the en-US forms, "3/10/2024, 3:30:00 AM". */
static JsValue
format_locale (JsContext *ctx, double t, int parts)
{
  if (isnan (t))
    return string_result (ctx, g_string_new ("Invalid Date"));
  DateFields f;
  split_time (local_time (t), &f);
  GString *s = g_string_new (NULL);
  if (parts & FMT_DATE)
    g_string_append_printf (s, "%d/%d/%.0f", f.month + 1, f.date, f.year);
  if ((parts & FMT_DATE) && (parts & FMT_TIME))
    g_string_append (s, ", ");
  if (parts & FMT_TIME)
    g_string_append_printf (s, "%d:%02d:%02d %s",
                            f.hours % 12 ? f.hours % 12 : 12, f.minutes,
                            f.seconds, f.hours < 12 ? "AM" : "PM");
  return string_result (ctx, s);
}

/* ------------------------------------------------------------------ */
/* The constructor and its statics                                     */
/* ------------------------------------------------------------------ */

static double
now (void)
{
  return floor ((double) g_get_real_time () / 1000);
}

/* The arguments of Date (y, m, ...) and Date.UTC as a local or UTC
 * time value before TimeClip; NaN propagates.  False with an
 * exception. */
static bool
time_from_args (const JsCallInfo *info, double *out)
{
  double v[7] = { NAN, 0, 1, 0, 0, 0, 0 };
  for (uint32_t i = 0; i < 7 && i < info->argc; i++)
    if (!js_to_number (info->ctx, info->argv[i], &v[i]))
      return false;
  double y = v[0];
  if (!isnan (y))
    {
      double yi = to_integer (y);
      if (yi >= 0 && yi <= 99)
        y = 1900 + yi;
    }
  *out = make_date (make_day (y, v[1], v[2]),
                    make_time (v[3], v[4], v[5], v[6]));
  return true;
}

static JsValue
date_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  if (js_is_undefined (info->new_target))
    return format_local (ctx, now (), FMT_DATE | FMT_TIME);
  double tv;
  if (info->argc == 0)
    tv = now ();
  else if (info->argc == 1)
    {
      JsValue v = info->argv[0];
      if (is_date (v))
        tv = js_get_number (((JsDate *) js_get_cell (v))->time);
      else
        {
          JsValue p = js_to_primitive (ctx, v, JS_HINT_DEFAULT);
          if (js_is_exception (p))
            return p;
          if (js_is_string (p))
            tv = parse_date (ctx, js_get_string (p));
          else
            {
              if (!js_to_number (ctx, p, &tv))
                return JS_EXCEPTION;
              tv = time_clip (tv);
            }
        }
    }
  else
    {
      if (!time_from_args (info, &tv))
        return JS_EXCEPTION;
      tv = time_clip (utc_of_local (tv));
    }
  JsObject *proto = builtins_proto_from_ctor (ctx, info->new_target,
                                              offsetof (JsContext,
                                                        date_proto));
  if (!proto)
    return JS_EXCEPTION;
  return new_date (ctx, proto, tv);
}

static JsValue
date_now (const JsCallInfo *info)
{
  (void) info;
  return js_number (now ());
}

static JsValue
date_parse (const JsCallInfo *info)
{
  JsValue s = js_to_string (info->ctx, js_arg (info, 0));
  if (js_is_exception (s))
    return s;
  return js_number (parse_date (info->ctx, js_get_string (s)));
}

static JsValue
date_utc (const JsCallInfo *info)
{
  double tv;
  if (!time_from_args (info, &tv))
    return JS_EXCEPTION;
  return js_number (time_clip (tv));
}

/* ------------------------------------------------------------------ */
/* Getters                                                             */
/* ------------------------------------------------------------------ */

enum
{
  GET_YEAR,
  GET_MONTH,
  GET_DATE,
  GET_DAY,
  GET_HOURS,
  GET_MINUTES,
  GET_SECONDS,
  GET_MS,
  GET_TIME,
  GET_OFFSET,
  GET_YEAR_1900, /* getYear (Annex B) */
  GET_UTC = 0x10
};

static JsValue
date_get (const JsCallInfo *info)
{
  double t;
  if (!this_time (info, &t))
    return JS_EXCEPTION;
  int field = info->magic & 0xF;
  if (isnan (t))
    return js_number (NAN);
  if (field == GET_TIME)
    return js_number (t);
  if (field == GET_OFFSET)
    return js_number ((t - local_time (t)) / MS_PER_MINUTE);
  DateFields f;
  split_time ((info->magic & GET_UTC) ? t : local_time (t), &f);
  switch (field)
    {
    case GET_YEAR: return js_number (f.year);
    case GET_YEAR_1900: return js_number (f.year - 1900);
    case GET_MONTH: return js_int32 (f.month);
    case GET_DATE: return js_int32 (f.date);
    case GET_DAY: return js_int32 (f.weekday);
    case GET_HOURS: return js_int32 (f.hours);
    case GET_MINUTES: return js_int32 (f.minutes);
    case GET_SECONDS: return js_int32 (f.seconds);
    default: return js_int32 (f.ms);
    }
}

/* ------------------------------------------------------------------ */
/* Setters                                                             */
/* ------------------------------------------------------------------ */

/* A setter's magic: the first field it sets (the order below), how many
 * arguments it takes at most, and whether it works in UTC. */
enum
{
  F_YEAR,
  F_MONTH,
  F_DATE,
  F_HOURS,
  F_MINUTES,
  F_SECONDS,
  F_MS,
  SET_UTC = 0x100
};

#define SETTER(first, max, utc) ((first) << 4 | (max) | (utc))

static JsValue
date_set (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  double t;
  if (!this_time (info, &t))
    return JS_EXCEPTION;
  int first = (info->magic >> 4) & 0xF, max = info->magic & 0xF;
  bool utc = (info->magic & SET_UTC) != 0;
  /* Every argument given is converted, in order, before anything else
     (a valueOf may even change the date: its value was read first). */
  double v[4];
  uint32_t n = MIN (info->argc, (uint32_t) max);
  if (n == 0)
    n = 1;
  for (uint32_t i = 0; i < n; i++)
    if (!js_to_number (ctx, js_arg (info, i), &v[i]))
      return JS_EXCEPTION;
  if (isnan (t))
    {
      /* setFullYear starts from +0 in local time. */
      if (first != F_YEAR)
        return js_number (NAN);
      t = 0;
    }
  else if (!utc)
    t = local_time (t);
  DateFields f;
  split_time (t, &f);
  double x[7] = { f.year, f.month, f.date, f.hours, f.minutes, f.seconds,
                  f.ms };
  for (uint32_t i = 0; i < n; i++)
    x[first + i] = v[i];
  double r = make_date (make_day (x[0], x[1], x[2]),
                        make_time (x[3], x[4], x[5], x[6]));
  r = time_clip (utc ? r : utc_of_local (r));
  set_this_time (info, r);
  return js_number (r);
}

static JsValue
date_set_time (const JsCallInfo *info)
{
  double t;
  if (!this_time (info, &t) || !js_to_number (info->ctx, js_arg (info, 0),
                                              &t))
    return JS_EXCEPTION;
  t = time_clip (t);
  set_this_time (info, t);
  return js_number (t);
}

/* setYear (Annex B): two-digit years are 19xx. */
static JsValue
date_set_year (const JsCallInfo *info)
{
  double t, y;
  if (!this_time (info, &t) || !js_to_number (info->ctx, js_arg (info, 0),
                                              &y))
    return JS_EXCEPTION;
  t = isnan (t) ? 0 : local_time (t);
  if (isnan (y))
    {
      set_this_time (info, NAN);
      return js_number (NAN);
    }
  double yi = to_integer (y);
  if (yi >= 0 && yi <= 99)
    yi += 1900;
  DateFields f;
  split_time (t, &f);
  double r = time_clip (utc_of_local (
      make_date (make_day (yi, f.month, f.date), time_within_day (t))));
  set_this_time (info, r);
  return js_number (r);
}

/* ------------------------------------------------------------------ */
/* Strings and conversions                                             */
/* ------------------------------------------------------------------ */

enum
{
  STR_FULL,
  STR_DATE,
  STR_TIME,
  STR_UTC,
  STR_ISO,
  STR_LOCALE,
  STR_LOCALE_DATE,
  STR_LOCALE_TIME
};

static JsValue
date_to_string (const JsCallInfo *info)
{
  double t;
  if (!this_time (info, &t))
    return JS_EXCEPTION;
  JsContext *ctx = info->ctx;
  switch (info->magic)
    {
    case STR_FULL: return format_local (ctx, t, FMT_DATE | FMT_TIME);
    case STR_DATE: return format_local (ctx, t, FMT_DATE);
    case STR_TIME: return format_local (ctx, t, FMT_TIME);
    case STR_UTC: return format_utc (ctx, t);
    case STR_ISO: return format_iso (ctx, t);
    case STR_LOCALE: return format_locale (ctx, t, FMT_DATE | FMT_TIME);
    case STR_LOCALE_DATE: return format_locale (ctx, t, FMT_DATE);
    default: return format_locale (ctx, t, FMT_TIME);
    }
}

static JsValue
date_to_json (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue o = js_to_object (ctx, *info->this_arg);
  if (js_is_exception (o))
    return o;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, o);
  JsValue r = js_to_primitive (ctx, o, JS_HINT_NUMBER);
  if (!js_is_exception (r))
    {
      if (js_is_number (r) && !isfinite (js_get_number (r)))
        r = JS_NULL;
      else
        {
          JsKey k = atom_key_from_utf8 (rt, "toISOString");
          JsValue f = k == JS_KEY_NONE ? js_throw_out_of_memory (ctx)
                                       : js_get (ctx, *po, k);
          r = js_is_exception (f) ? f : js_call (ctx, f, *po, 0, po);
        }
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* OrdinaryToPrimitive (o, hint). */
static JsValue
ordinary_to_primitive (JsContext *ctx, JsValue o, bool string_first)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, o);
  JsCommonAtom order[2] = { JS_ATOM_valueOf, JS_ATOM_toString };
  if (string_first)
    {
      order[0] = JS_ATOM_toString;
      order[1] = JS_ATOM_valueOf;
    }
  JsValue r = JS_EXCEPTION;
  for (int i = 0; i < 2; i++)
    {
      JsValue f = js_get (ctx, *po, atom_common_key (rt, order[i]));
      if (js_is_exception (f))
        goto out;
      if (js_is_callable (f))
        {
          r = js_call (ctx, f, *po, 0, po);
          if (js_is_exception (r) || !js_is_object (r))
            goto out;
        }
    }
  r = js_throw_type_error (ctx, "Cannot convert object to primitive value");
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
date_to_primitive (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue o = *info->this_arg;
  if (!js_is_object (o))
    return js_throw_type_error (ctx, "Date.prototype[Symbol.toPrimitive] "
                                     "called on a non-object");
  JsValue hint = js_arg (info, 0);
  const char *h = js_is_string (hint)
                      ? string_peek_ascii (js_get_string (hint))
                      : NULL;
  if (h && (strcmp (h, "string") == 0 || strcmp (h, "default") == 0))
    return ordinary_to_primitive (ctx, o, true);
  if (h && strcmp (h, "number") == 0)
    return ordinary_to_primitive (ctx, o, false);
  return js_throw_type_error (ctx, "Invalid hint: %s",
                              realm_describe (ctx, hint));
}

/* ------------------------------------------------------------------ */
/* The family                                                          */
/* ------------------------------------------------------------------ */

bool
builtins_init_date (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  static const JsMethodSpec statics[] = {
    { "UTC", date_utc, 7, 0 },
    { "now", date_now, 0, 0 },
    { "parse", date_parse, 1, 0 },
  };
  static const JsMethodSpec methods[] = {
    { "getDate", date_get, 0, GET_DATE },
    { "getDay", date_get, 0, GET_DAY },
    { "getFullYear", date_get, 0, GET_YEAR },
    { "getHours", date_get, 0, GET_HOURS },
    { "getMilliseconds", date_get, 0, GET_MS },
    { "getMinutes", date_get, 0, GET_MINUTES },
    { "getMonth", date_get, 0, GET_MONTH },
    { "getSeconds", date_get, 0, GET_SECONDS },
    { "getTime", date_get, 0, GET_TIME },
    { "getTimezoneOffset", date_get, 0, GET_OFFSET },
    { "getUTCDate", date_get, 0, GET_DATE | GET_UTC },
    { "getUTCDay", date_get, 0, GET_DAY | GET_UTC },
    { "getUTCFullYear", date_get, 0, GET_YEAR | GET_UTC },
    { "getUTCHours", date_get, 0, GET_HOURS | GET_UTC },
    { "getUTCMilliseconds", date_get, 0, GET_MS | GET_UTC },
    { "getUTCMinutes", date_get, 0, GET_MINUTES | GET_UTC },
    { "getUTCMonth", date_get, 0, GET_MONTH | GET_UTC },
    { "getUTCSeconds", date_get, 0, GET_SECONDS | GET_UTC },
    { "getYear", date_get, 0, GET_YEAR_1900 },
    { "setDate", date_set, 1, SETTER (F_DATE, 1, 0) },
    { "setFullYear", date_set, 3, SETTER (F_YEAR, 3, 0) },
    { "setHours", date_set, 4, SETTER (F_HOURS, 4, 0) },
    { "setMilliseconds", date_set, 1, SETTER (F_MS, 1, 0) },
    { "setMinutes", date_set, 3, SETTER (F_MINUTES, 3, 0) },
    { "setMonth", date_set, 2, SETTER (F_MONTH, 2, 0) },
    { "setSeconds", date_set, 2, SETTER (F_SECONDS, 2, 0) },
    { "setTime", date_set_time, 1, 0 },
    { "setUTCDate", date_set, 1, SETTER (F_DATE, 1, SET_UTC) },
    { "setUTCFullYear", date_set, 3, SETTER (F_YEAR, 3, SET_UTC) },
    { "setUTCHours", date_set, 4, SETTER (F_HOURS, 4, SET_UTC) },
    { "setUTCMilliseconds", date_set, 1, SETTER (F_MS, 1, SET_UTC) },
    { "setUTCMinutes", date_set, 3, SETTER (F_MINUTES, 3, SET_UTC) },
    { "setUTCMonth", date_set, 2, SETTER (F_MONTH, 2, SET_UTC) },
    { "setUTCSeconds", date_set, 2, SETTER (F_SECONDS, 2, SET_UTC) },
    { "setYear", date_set_year, 1, 0 },
    { "toDateString", date_to_string, 0, STR_DATE },
    { "toISOString", date_to_string, 0, STR_ISO },
    { "toJSON", date_to_json, 1, 0 },
    { "toLocaleDateString", date_to_string, 0, STR_LOCALE_DATE },
    { "toLocaleString", date_to_string, 0, STR_LOCALE },
    { "toLocaleTimeString", date_to_string, 0, STR_LOCALE_TIME },
    { "toString", date_to_string, 0, STR_FULL },
    { "toTimeString", date_to_string, 0, STR_TIME },
    { "toUTCString", date_to_string, 0, STR_UTC },
    { "valueOf", date_get, 0, GET_TIME },
  };
  static const JsMethodSpec to_primitive[] = {
    { "@@toPrimitive", date_to_primitive, 1, 0 },
  };
  static bool tz_ready;
  if (!tz_ready)
    {
      /* localtime_r need not read TZ itself. */
      tzset ();
      tz_ready = true;
    }
  ctx->date_proto = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                           4);
  if (!ctx->date_proto)
    return false;
  JsObject *ctor = builtins_define_class (ctx, "Date", date_ctor, 7,
                                          ctx->date_proto, 0);
  if (!ctor
      || !builtins_define_methods (ctx, ctor, statics, G_N_ELEMENTS (statics))
      || !builtins_define_methods (ctx, ctx->date_proto, methods,
                                   G_N_ELEMENTS (methods))
      || !builtins_define_methods (ctx, ctx->date_proto, to_primitive, 1))
    return false;
  /* @@toPrimitive is not writable; toGMTString is toUTCString itself. */
  JsKey tp = symbol_key (rt->well_known[JS_SYM_toPrimitive]);
  JsValue f;
  uint8_t attrs;
  if (!object_get_own (rt, ctx->date_proto, tp, &f, &attrs)
      || object_define_own (rt, ctx->date_proto, tp, f, JS_ATTR_CONFIGURABLE)
             != JS_PROP_DONE)
    return false;
  JsKey utc = atom_key_from_utf8 (rt, "toUTCString");
  if (utc == JS_KEY_NONE
      || !object_get_own (rt, ctx->date_proto, utc, &f, &attrs))
    return false;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, f);
  JsKey gmt = atom_key_from_utf8 (rt, "toGMTString");
  bool ok = gmt != JS_KEY_NONE
            && object_define_own (rt, ctx->date_proto, gmt, f,
                                  JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
                   == JS_PROP_DONE;
  rt_restore_roots (rt, saved);
  return ok;
}
