/* glossa-timex.h: TimeML date values: checking, describing, finding and normalising
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GLOSSA_TIMEX_LANG_AUTO,
  GLOSSA_TIMEX_LANG_EN,
  GLOSSA_TIMEX_LANG_IT,
} GlossaTimexLang;

/* One date expression found in a text. Offsets are code points, end
 * exclusive, as spans count them. @value is a TimeML DATE value; it is NULL
 * when the expression is relative and no document date was given.
 */
typedef struct
{
  gint64  start;
  gint64  end;
  char   *value;
} GlossaTimex;

void             glossa_timex_free             (GlossaTimex      *timex);

/* "en", "it" or "auto"; FALSE for anything else. */
gboolean         glossa_timex_lang_from_string (const char       *name,
                                                GlossaTimexLang  *lang);
const char      *glossa_timex_lang_to_string   (GlossaTimexLang   lang);
/* English or Italian, from the share of each language's function words. */
GlossaTimexLang  glossa_timex_detect_lang      (const char       *text,
                                                gsize             len);

/* Whether @value is a well-formed TimeML value for a DATE: YYYY-MM-DD,
 * YYYY-MM, YYYY, YYY (a decade), YY (a century), YYYY-Www, YYYY-Www-WE,
 * YYYY-Qn, YYYY-Hn, YYYY-SP/SU/FA/WI, PRESENT_REF, PAST_REF, FUTURE_REF, with
 * X for unknown digits. Dates must exist in the calendar.
 */
gboolean         glossa_timex_check            (const char       *value,
                                                GError          **error);
/* What @value means, for people ("Tuesday 28 December 2021"); NULL if
 * @value is not well-formed.
 */
char            *glossa_timex_describe         (const char       *value);

/* The value of @expression (one date expression, its extent given) written
 * in an article dated @dct (YYYY-MM-DD, or NULL), with @context the
 * sentence it comes from (or NULL), whose tense decides which "Tuesday" it
 * is. FALSE, with *value NULL, when it is not a date expression Glossa
 * knows or it needs a @dct.
 */
gboolean         glossa_timex_normalize        (const char       *expression,
                                                const char       *dct,
                                                GlossaTimexLang   lang,
                                                const char       *context,
                                                char            **value);

/* Every date expression in @text (@len bytes of UTF-8), as GlossaTimex in
 * text order, none overlapping. @detected, if not NULL, is set to the
 * language used. Fails only when @dct is given and is not a calendar date.
 */
GPtrArray       *glossa_timex_find             (const char       *text,
                                                gsize             len,
                                                const char       *dct,
                                                GlossaTimexLang   lang,
                                                GlossaTimexLang  *detected,
                                                GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaTimex, glossa_timex_free)

G_END_DECLS
