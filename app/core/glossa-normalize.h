/* glossa-normalize.h: filling in the missing values of a corpus's dates
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "glossa-document.h"
#include "glossa-export.h"
#include "glossa-timex.h"

G_BEGIN_DECLS

/* A date span whose value the normaliser could not give. */
typedef struct
{
  char   *name;    /* the article's file (or id in a JSONL corpus) */
  gint64  start;   /* code points */
  char   *text;   /* the span's text, on one line */
  char    *reason;
} GlossaNormalizeMiss;

typedef struct
{
  guint      n_filled;   /* values the normaliser set */
  guint      n_kept;     /* values already there, left as they were */
  GPtrArray *missed;     /* of GlossaNormalizeMiss, in document then text order */
} GlossaNormalizeReport;

void     glossa_normalize_report_init  (GlossaNormalizeReport *report);
void     glossa_normalize_report_clear (GlossaNormalizeReport *report);

/* The date relative dates in @record count from: the record's date if it
 * is a calendar date (YYYY-MM-DD), else the article's "date YYYY-MM-DD"
 * header; NULL when it has neither.
 */
char    *glossa_normalize_record_dct   (GlossaRecord          *record);

/* Gives every span of @record whose label declares the timex attribute
 * "value" and that has no value yet the normaliser's value, marked
 * value_source "auto". A value already there is never changed, whoever set
 * it. Spans are replaced, not changed, since others may hold them. @lang
 * AUTO guesses the language once for the article.
 */
void     glossa_normalize_record       (GlossaRecord          *record,
                                        GlossaTimexLang        lang,
                                        GlossaNormalizeReport *report);

/* The same for a document read from its store (a corpus's annotation file
 * or JSONL line), saved back through that store when anything was filled:
 * atomically, and refused (GLOSSA_ERROR_CONFLICT, nothing written) when
 * the file changed since the document was read. A document with nothing to
 * fill is not written at all. @report counts a document's values as filled
 * only once they are saved. @date (nullable) is the document's date as its
 * corpus knows it (a JSONL line's "date"), used when the annotations have
 * none.
 */
gboolean glossa_normalize_document     (GlossaDocument         *document,
                                        const char             *date,
                                        GlossaTimexLang         lang,
                                        GlossaNormalizeReport  *report,
                                        GCancellable           *cancellable,
                                        GError                **error);

G_END_DECLS
