/* glossa-overview.h: a corpus's figures at a glance: statuses, labels, progress, agreement
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "glossa-corpus.h"

G_BEGIN_DECLS

/* One label's figures. The agreement figures are those of
 * glossa_agreement_to_json() (B is the reference); NAN when there was no
 * second annotator or the denominator was zero.
 */
typedef struct
{
  char   *name;
  guint   spans;
  double  f1_exact;
  double  f1_overlap;
  double  kappa;
} GlossaOverviewLabel;

/* One day (UTC) on which something happened. A span counts on the day of
 * its "created" time; a done document on the day of the latest "modified"
 * (or "created") time of its spans, the last time anyone touched it.
 * Files' modification times are not used: copying or checking out a
 * corpus resets them, which would put a month's work on one day.
 */
typedef struct
{
  char  *day;             /* YYYY-MM-DD */
  guint  spans_created;
  guint  documents_done;
} GlossaOverviewDay;

typedef struct
{
  guint      documents;      /* read or not */
  guint      todo;
  guint      in_progress;
  guint      done;
  guint      unreadable;     /* in no status: their status is not known */
  guint      spans;
  guint      spans_undated;  /* without a valid "created" */
  guint      done_undated;   /* done, without any span time */
  /* Of GlossaOverviewLabel: the four default labels first, then the
   * others in the order they were first seen. Never indexed by label: look
   * labels up by name.
   */
  GPtrArray *labels;
  GPtrArray *days;           /* of GlossaOverviewDay, by day */
  GPtrArray *problems;       /* of char*, one message per unreadable document */
  /* With a second annotator: documents compared (in both), and the
   * overall figures; compared is FALSE otherwise.
   */
  gboolean   compared;
  guint      compared_documents;
  double     f1_exact;
  double     f1_overlap;
  double     kappa;
} GlossaOverview;

/* Reads every document of the corpus at @path (a folder or a JSONL corpus,
 * as `glossa stats` takes them) and, if @against is not NULL, compares it
 * with that second annotator's folder or JSONL export through
 * glossa-agreement. Documents that cannot be read are counted as
 * unreadable and named in problems; only a corpus that cannot be opened at
 * all is an error. Blocking: call it from a worker thread in the window.
 */
GlossaOverview      *glossa_overview_compute       (const char      *path,
                                                    const char      *against,
                                                    GCancellable    *cancellable,
                                                    GError         **error);
/* The same for an open corpus (read again from its file). */
GlossaOverview      *glossa_overview_compute_for_corpus (GlossaCorpus *corpus,
                                                    const char      *against,
                                                    GCancellable    *cancellable,
                                                    GError         **error);
void                 glossa_overview_free          (GlossaOverview  *overview);
GlossaOverviewLabel *glossa_overview_lookup_label  (GlossaOverview  *overview,
                                                    const char      *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaOverview, glossa_overview_free)

G_END_DECLS
