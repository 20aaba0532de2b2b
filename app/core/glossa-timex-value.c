/* glossa-timex-value.c: TimeML DATE values: whether one is well-formed, and what it means
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-error.h"
#include "glossa-timex.h"
#include "glossa-timex-private.h"

/* A digit field of a value: its number, or -1 when a digit is X (unknown). */
static gboolean
parse_field (const char *p,
             guint       n,
             int        *out)
{
  int v = 0;
  gboolean unknown = FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (p[i] == 'X')
        unknown = TRUE;
      else if (g_ascii_isdigit (p[i]))
        v = v * 10 + (p[i] - '0');
      else
        return FALSE;
    }
  *out = unknown ? -1 : v;
  return TRUE;
}

static const char * const seasons[] = { "SP", "SU", "FA", "WI" };

static gboolean
parse_after_year (const char       *rest,
                  GlossaTimexValue *v)
{
  gsize n = strlen (rest);

  if (n == 2 && parse_field (rest, 2, &v->month))
    return (v->kind = GLOSSA_TIMEX_MONTH), TRUE;
  if (n == 5 && rest[2] == '-' && parse_field (rest, 2, &v->month) && parse_field (rest + 3, 2, &v->day))
    return (v->kind = GLOSSA_TIMEX_DAY), TRUE;
  if ((n == 3 || (n == 6 && strcmp (rest + 3, "-WE") == 0)) && rest[0] == 'W' &&
      parse_field (rest + 1, 2, &v->week))
    return (v->kind = n == 3 ? GLOSSA_TIMEX_WEEK : GLOSSA_TIMEX_WEEKEND), TRUE;
  if (n == 2 && (rest[0] == 'Q' || rest[0] == 'H') && parse_field (rest + 1, 1, &v->part))
    return (v->kind = rest[0] == 'Q' ? GLOSSA_TIMEX_QUARTER : GLOSSA_TIMEX_HALF), TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (seasons); i++)
    if (strcmp (rest, seasons[i]) == 0)
      {
        v->kind = GLOSSA_TIMEX_SEASON;
        v->part = i;
        return TRUE;
      }
  return FALSE;
}

/* The shape of @value, without the calendar checks. */
gboolean
_glossa_timex_value_parse (const char       *value,
                           GlossaTimexValue *v)
{
  gsize n = strlen (value);

  memset (v, 0, sizeof *v);
  if (strcmp (value, "PRESENT_REF") == 0 || strcmp (value, "PAST_REF") == 0 ||
      strcmp (value, "FUTURE_REF") == 0)
    {
      v->kind = GLOSSA_TIMEX_REF;
      v->part = value[1] == 'R' ? 0 : value[1] == 'A' ? -1 : 1;
      return TRUE;
    }
  if (n == 2 && parse_field (value, 2, &v->year))
    return (v->kind = GLOSSA_TIMEX_CENTURY), TRUE;
  if (n == 3 && parse_field (value, 3, &v->year))
    return (v->kind = GLOSSA_TIMEX_DECADE), TRUE;
  if (n < 4 || !parse_field (value, 4, &v->year))
    return FALSE;
  if (n == 4)
    return (v->kind = GLOSSA_TIMEX_YEAR), TRUE;
  return value[4] == '-' && parse_after_year (value + 5, v);
}

static int
weeks_in_year (int year)
{
  /* A year has 53 ISO weeks when 28 December falls in week 53. */
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 28, G_DATE_DECEMBER, year);
  return g_date_get_iso8601_week_of_year (&d);
}

static gboolean
check_calendar (const char             *value,
                const GlossaTimexValue *v,
                GError                **error)
{
  if (v->kind == GLOSSA_TIMEX_MONTH || v->kind == GLOSSA_TIMEX_DAY)
    if (v->month != -1 && (v->month < 1 || v->month > 12))
      {
        g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                     _("“%s”: the month must be 01 to 12, not %02d"), value, v->month);
        return FALSE;
      }
  if (v->kind == GLOSSA_TIMEX_DAY && v->day != -1)
    {
      int last = 31;

      if (v->month != -1)
        last = v->year > 0 ? g_date_get_days_in_month (v->month, v->year)
                           : g_date_get_days_in_month (v->month, 2000);
      if (v->day < 1 || v->day > last)
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                       _("“%s”: there is no day %02d in that month (it has %d days)"),
                       value, v->day, last);
          return FALSE;
        }
    }
  if ((v->kind == GLOSSA_TIMEX_WEEK || v->kind == GLOSSA_TIMEX_WEEKEND) && v->week != -1)
    {
      int last = v->year > 0 ? weeks_in_year (v->year) : 53;

      if (v->week < 1 || v->week > last)
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                       _("“%s”: the week must be W01 to W%02d, not W%02d"), value, last, v->week);
          return FALSE;
        }
    }
  if ((v->kind == GLOSSA_TIMEX_QUARTER && v->part != -1 && (v->part < 1 || v->part > 4)) ||
      (v->kind == GLOSSA_TIMEX_HALF && v->part != -1 && (v->part < 1 || v->part > 2)))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   v->kind == GLOSSA_TIMEX_QUARTER ? _("“%s”: the quarter must be Q1 to Q4")
                                                   : _("“%s”: the half must be H1 or H2"),
                   value);
      return FALSE;
    }
  return TRUE;
}

gboolean
glossa_timex_check (const char  *value,
                    GError     **error)
{
  GlossaTimexValue v;

  g_return_val_if_fail (value != NULL, FALSE);

  if (*value == '\0')
    {
      g_set_error_literal (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID, _("The date value is empty"));
      return FALSE;
    }
  if (!_glossa_timex_value_parse (value, &v))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   _("“%s” is not a TimeML date value: expected YYYY-MM-DD, YYYY-MM, YYYY, "
                     "YYYY-Www, YYYY-Qn, YYYY-Hn, a season such as YYYY-SU, a decade (YYY), "
                     "a century (YY), PRESENT_REF, PAST_REF or FUTURE_REF, with X for unknown digits"),
                   value);
      return FALSE;
    }
  return check_calendar (value, &v, error);
}

static const char *
month_name (int month)
{
  static const char * const names[] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };

  return _(names[month - 1]);
}

static const char *
weekday_name (GDateWeekday weekday)
{
  static const char * const names[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"), N_("Sunday"),
  };

  return _(names[weekday - 1]);
}

static char *
describe_day (const GlossaTimexValue *v)
{
  GDate d;

  if (v->year == -1 && v->month != -1 && v->day != -1)
    /* TRANSLATORS: day and month of a date whose year is unknown: "25 December of an unknown year" */
    return g_strdup_printf (_("%d %s of an unknown year"), v->day, month_name (v->month));
  if (v->year == -1 || v->month == -1 || v->day == -1)
    return NULL;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, v->day, v->month, v->year);
  /* TRANSLATORS: weekday, day, month and year: "Tuesday 28 December 2021" */
  return g_strdup_printf (_("%s %d %s %d"), weekday_name (g_date_get_weekday (&d)),
                          v->day, month_name (v->month), v->year);
}

static char *
describe_part (const GlossaTimexValue *v)
{
  if (v->kind == GLOSSA_TIMEX_QUARTER)
    switch (v->part)
      {
      case 1: return g_strdup_printf (_("the first quarter of %d"), v->year);
      case 2: return g_strdup_printf (_("the second quarter of %d"), v->year);
      case 3: return g_strdup_printf (_("the third quarter of %d"), v->year);
      default: return g_strdup_printf (_("the fourth quarter of %d"), v->year);
      }
  if (v->kind == GLOSSA_TIMEX_HALF)
    return v->part == 1 ? g_strdup_printf (_("the first half of %d"), v->year)
                        : g_strdup_printf (_("the second half of %d"), v->year);
  switch (v->part)
    {
    case 0: return g_strdup_printf (_("spring %d"), v->year);
    case 1: return g_strdup_printf (_("summer %d"), v->year);
    case 2: return g_strdup_printf (_("autumn %d"), v->year);
    default: return g_strdup_printf (_("winter %d"), v->year);
    }
}

static char *
describe_known (const GlossaTimexValue *v)
{
  switch (v->kind)
    {
    case GLOSSA_TIMEX_REF:
      return g_strdup (v->part == 0 ? _("the present") : v->part < 0 ? _("the past") : _("the future"));
    case GLOSSA_TIMEX_CENTURY:
      return g_strdup_printf (_("the century from %d00 to %d99"), v->year, v->year);
    case GLOSSA_TIMEX_DECADE:
      /* TRANSLATORS: a decade, "the 1990s"; %d is 199 */
      return g_strdup_printf (_("the %d0s"), v->year);
    case GLOSSA_TIMEX_YEAR:
      return g_strdup_printf (_("the year %d"), v->year);
    case GLOSSA_TIMEX_MONTH:
      /* TRANSLATORS: month and year, "December 2021" */
      return g_strdup_printf (_("%s %d"), month_name (v->month), v->year);
    case GLOSSA_TIMEX_WEEK:
      return g_strdup_printf (_("week %d of %d"), v->week, v->year);
    case GLOSSA_TIMEX_WEEKEND:
      return g_strdup_printf (_("the weekend of week %d of %d"), v->week, v->year);
    case GLOSSA_TIMEX_QUARTER:
    case GLOSSA_TIMEX_HALF:
    case GLOSSA_TIMEX_SEASON:
      return describe_part (v);
    case GLOSSA_TIMEX_DAY:
    default:
      return describe_day (v);
    }
}

char *
glossa_timex_describe (const char *value)
{
  GlossaTimexValue v;
  char *text = NULL;

  g_return_val_if_fail (value != NULL, NULL);

  if (!glossa_timex_check (value, NULL) || !_glossa_timex_value_parse (value, &v))
    return NULL;
  if (v.kind == GLOSSA_TIMEX_REF ||
      (v.year != -1 && v.month != -1 && v.day != -1 && v.week != -1 && v.part != -1))
    text = describe_known (&v);
  else if (v.kind == GLOSSA_TIMEX_DAY)
    text = describe_day (&v);
  if (text == NULL)
    /* TRANSLATORS: a date value with X for unknown digits, such as "20XX" */
    text = g_strdup_printf (_("%s, with unknown digits"), value);
  return text;
}
