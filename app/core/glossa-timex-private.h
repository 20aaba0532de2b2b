/* glossa-timex-private.h: what the date tagger's files share
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GLOSSA_TIMEX_REF,
  GLOSSA_TIMEX_CENTURY,
  GLOSSA_TIMEX_DECADE,
  GLOSSA_TIMEX_YEAR,
  GLOSSA_TIMEX_MONTH,
  GLOSSA_TIMEX_DAY,
  GLOSSA_TIMEX_WEEK,
  GLOSSA_TIMEX_WEEKEND,
  GLOSSA_TIMEX_QUARTER,
  GLOSSA_TIMEX_HALF,
  GLOSSA_TIMEX_SEASON,
} GlossaTimexKind;

/* A value taken apart. Digit fields are -1 when written with X. @part is
 * the quarter (1-4), the half (1-2), the season (0 spring … 3 winter) or,
 * for a REF, -1 past, 0 present, 1 future. @year holds the digits there
 * are: 199 for a decade, 19 for a century.
 */
typedef struct
{
  GlossaTimexKind kind;
  int             year;
  int             month;
  int             day;
  int             week;
  int             part;
} GlossaTimexValue;

gboolean _glossa_timex_value_parse (const char       *value,
                                    GlossaTimexValue *v);

G_END_DECLS
