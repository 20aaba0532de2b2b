/* glossa-merge.h: merging N annotators' spans, and the provenance an adjudicated span keeps
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "glossa-relation.h"
#include "glossa-schema.h"
#include "glossa-span.h"

G_BEGIN_DECLS

/* Provenance. A span of an adjudicated or merged set is a copy of the span
 * it came from (id, annotator, origin, times, note and unknown members
 * kept) with one more member, "review":
 *
 *   {"decision": D, "sources": ["annA", "annB"], "reviewer": "…", "reviewed": "ISO 8601"}
 *
 * D is "agreed" (every compared annotator had it), "merged" (at least
 * --min-agree of them, by `glossa merge`), "majority" (more than half of
 * the compared annotators had it, and the reviewer asked for what most
 * have to be accepted), "a", "b" or "both" (the reviewer kept A's, B's or
 * both spans of two), "kept" (of three or more, the reviewer kept this
 * one), "added" or "changed" (the reviewer's own). "sources"
 * names the annotators who had exactly this span (start, end and label);
 * "reviewer" and "reviewed" say who decided and when (absent when nobody
 * did). The annotation file keeps the decisions themselves, "neither"
 * included, in its top-level "decisions" list:
 *
 *   {"start": 4, "end": 17, "text": "…",
 *    "options": [{"label": "actor", "sources": ["annA", "annC"]}, {"label": "claim", "sources": ["annB"]}],
 *    "decision": "a" | "b" | "both" | "kept" | "majority" | "neither", "kept": ["actor"],
 *    "reviewer": "…", "reviewed": "ISO 8601"}
 *
 * "options" has one entry per label over those characters; "kept" the
 * labels kept. "a", "b" and "both" are decisions between two annotators,
 * "kept" and "majority" between three or more.
 */
#define GLOSSA_REVIEW_MEMBER    "review"
#define GLOSSA_DECISIONS_MEMBER "decisions"

GlossaSpan *glossa_merge_span_with_review (const GlossaSpan   *span,
                                           const char         *decision,
                                           const char * const *sources,
                                           const char         *reviewer,
                                           const char         *reviewed);
/* A copy of @span, which has a "review" member, with the decision
 * "changed" by @reviewer at @reviewed, the sources kept.
 */
GlossaSpan *glossa_merge_span_changed     (const GlossaSpan   *span,
                                           const char         *reviewer,
                                           const char         *reviewed);
/* The span's "review" decision, or %NULL if it has none. */
const char *glossa_merge_span_get_decision (const GlossaSpan *span);

/* The checks `glossa validate` and every reader make: @extra holds a
 * span's unknown members (nullable), or a file's top-level ones. Messages
 * are "NAME: FIELD: …", e.g. "a.annotations.json: spans[2].review.decision: …".
 */
gboolean    glossa_merge_check_review    (JsonObject  *extra,
                                          const char  *name,
                                          const char  *field,
                                          GError     **error);
gboolean    glossa_merge_check_decisions (JsonObject  *extra,
                                          GlossaSchema *schema,
                                          gint64       length,
                                          const char  *name,
                                          GError     **error);

/* The spans that at least @min_agree of @sides (each a GPtrArray of
 * GlossaSpan, one per annotator, named by @names) have with the same
 * start, end and label: the first side's copy, with a "review" member
 * whose decision is "agreed" when every side had it and "merged"
 * otherwise. Sorted by glossa_span_compare().
 *
 * Returns: (transfer full): a GPtrArray of GlossaSpan
 */
GPtrArray  *glossa_merge_spans           (GPtrArray          *sides,
                                          const char * const *names,
                                          guint               min_agree);

/* The links (format v2) that at least @min_agree of the sides have, of
 * one type from one span to another (spans as start, end and label), when
 * both spans are among @merged (what glossa_merge_spans() kept). @sides
 * and @relations hold, per side, its spans and its GlossaRelations, whose
 * ends are ids of that side's spans. The links made name @merged's ids
 * and are numbered "r1", "r2"… in glossa_relation_compare() order.
 *
 * Returns: (transfer full): a GPtrArray of GlossaRelation
 */
GPtrArray  *glossa_merge_relations       (GPtrArray          *sides,
                                          GPtrArray          *relations,
                                          GPtrArray          *merged,
                                          guint               min_agree);

typedef struct
{
  guint n_documents;  /* written */
  guint n_spans;      /* written */
  guint n_skipped;    /* documents fewer than min_agree annotators annotated */
} GlossaMergeReport;

/* Merges the corpora @inputs (folders, JSONL corpora or exports, as
 * `glossa export` reads them) document by document, matched by id, into
 * a new corpus folder @output (NAME.txt and NAME.annotations.json), so
 * that it validates, counts and exports as it is. Every input's copy of a
 * document must have the same article. Nothing is left at @output unless
 * every file is written.
 */
gboolean    glossa_merge_corpus          (const char * const *inputs,
                                          guint               min_agree,
                                          GFile              *output,
                                          GlossaMergeReport  *report,
                                          GCancellable       *cancellable,
                                          GError            **error);

G_END_DECLS
