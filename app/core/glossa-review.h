/* glossa-review.h: comparing two or more annotators' spans on one article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "glossa-article.h"
#include "glossa-document.h"
#include "glossa-format.h"
#include "glossa-span.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSSA_REVIEW_AGREE,           /* same start, end and label in A and B */
  GLOSSA_REVIEW_LABEL_CONFLICT,  /* same start and end, other labels */
  GLOSSA_REVIEW_ONLY_A,
  GLOSSA_REVIEW_ONLY_B,
  GLOSSA_REVIEW_PARTIAL,         /* three or more sides: one label, some sides lack it */
  GLOSSA_REVIEW_VALUE_CONFLICT,  /* every side, one label, other attribute values (a date's value) */
  GLOSSA_REVIEW_LINK_CONFLICT,   /* every side, one label and values, other links from it (a quote's source) */
} GlossaReviewKind;

/* Invariant: sides[i] is side i's span over start–end, or NULL; a and b
 * are sides[0] and sides[1] (borrowed), for the two-sided callers.
 */
typedef struct
{
  GlossaReviewKind  kind;
  GlossaSpan       *a;      /* nullable for ONLY_B */
  GlossaSpan       *b;      /* nullable for ONLY_A */
  gint64            start;
  gint64            end;
  guint             n_sides;
  GlossaSpan      **sides;  /* n_sides entries, each nullable */
  /* Set by glossa_review_compare_links() on agreements and link
   * conflicts, else NULL: n_sides entries, the span (of that side) that
   * sides[i]'s first link leads to and that link's type, or NULL.
   */
  GlossaSpan      **targets;
  char            **link_types;
} GlossaReviewItem;

/* Pairs the spans of A and B. Every span of A and of B is in exactly one
 * item; items are sorted by start, end, then kind. A label conflict pairs
 * spans over the same characters; when several spans of A and B share a
 * range, those with equal labels agree first and the rest pair in label
 * order.
 *
 * Returns: (transfer full): a GPtrArray of GlossaReviewItem
 */
GPtrArray *glossa_review_compare     (GPtrArray              *a_spans,
                                      GPtrArray              *b_spans);
/* The same for any number of sides (a GPtrArray of span arrays, each
 * nullable). Over one range of characters, the spans every side has with
 * one label agree first (with other attribute values they are a
 * VALUE_CONFLICT to decide); each other item takes, from every side, its span
 * with the label most sides have there (ties in label order), or else the
 * side's first span left there, or nothing.
 *
 * Returns: (transfer full): a GPtrArray of GlossaReviewItem
 */
GPtrArray *glossa_review_compare_n   (GPtrArray              *sides);
/* Looks at the links of @items' agreements: where the sides' links from
 * the agreed span differ (another type, or a target with other characters
 * or label, or none on some side), the item becomes a LINK_CONFLICT.
 * @sides are the span arrays given to glossa_review_compare_n(),
 * @relations the sides' links (a GPtrArray per side of GlossaRelation,
 * each nullable: no links), from and to being span ids of that side.
 */
void       glossa_review_compare_links (GPtrArray            *items,
                                        GPtrArray            *sides,
                                        GPtrArray            *relations);
/* Makes the links that leave @item's span in @result (the span with side
 * @side's characters and label, which must be there) that side's: its
 * other links are removed and side @side's first link, if any, added. Its
 * target is added first when @result has no span with its characters and
 * label: a copy with the provenance @decision, @sources and @reviewed
 * (glossa_merge_span_with_review(), the result's user as reviewer). Does
 * nothing for an item without links compared.
 */
gboolean   glossa_review_keep_link   (GlossaDocument         *result,
                                      const GlossaReviewItem *item,
                                      guint                   side,
                                      const char             *decision,
                                      const char * const     *sources,
                                      const char             *reviewed,
                                      GError                **error);
void       glossa_review_item_free   (GlossaReviewItem       *item);
/* The distinct labels of @item's spans, in label order, each with the
 * indexes of the sides that have it: fills @labels (of GlossaLabel, as
 * GUINT_TO_POINTER) and, if not %NULL, @counts (how many sides).
 */
void       glossa_review_item_get_options (const GlossaReviewItem *item,
                                           GArray                 *labels,
                                           GArray                 *counts);
/* The label a strict majority of the item's sides have (more than half of
 * n_sides) with the same attribute values, or 0 when none has.
 */
GlossaLabel glossa_review_item_get_majority (const GlossaReviewItem *item);
/* The first side of that majority (whose copy is kept), or -1. */
int         glossa_review_item_get_majority_side (const GlossaReviewItem *item);
gboolean   glossa_review_item_is_disagreement (const GlossaReviewItem *item);
/* Whether @a and @b have the same attribute values (none and {} alike). */
gboolean   glossa_review_same_values (const GlossaSpan       *a,
                                      const GlossaSpan       *b);
/* Whether @record, one of an adjudicated file's "decisions"
 * (glossa-merge.h), is the decision of @item: the same characters and the
 * same labels.
 */
gboolean   glossa_review_decision_matches (JsonNode              *record,
                                           const GlossaReviewItem *item);
/* How many disagreements between @a_spans and @b_spans are left to decide
 * in @result, the adjudicated annotations (nullable: none yet). One is
 * decided when @result has either side's span, or records it decided
 * ("neither" leaves no span).
 */
guint      glossa_review_count_pending (GPtrArray              *a_spans,
                                        GPtrArray              *b_spans,
                                        const GlossaAnnotations *result);
/* The same for any number of sides, as glossa_review_compare_n() takes. */
guint      glossa_review_count_pending_n (GPtrArray              *sides,
                                          const GlossaAnnotations *result);
/* What a review decides: glossa_review_compare_n() of @sides, then, when
 * @relations (one array of links per side, as
 * glossa_review_compare_links() takes) is not %NULL, their links. The
 * window's review bar and its background count of what is left in each
 * article both compare through here, so that they count the same.
 *
 * Returns: (transfer full): a GPtrArray of GlossaReviewItem
 */
GPtrArray *glossa_review_compare_sides (GPtrArray              *sides,
                                        GPtrArray              *relations);
/* glossa_review_count_pending_n() of glossa_review_compare_sides()'s items:
 * a link conflict is left to decide too. With @majority (the review's
 * --majority), a disagreement a strict majority agrees on is not left
 * when nothing is adjudicated yet (@result %NULL, or without spans and
 * decisions): the review decides it as it first shows the article.
 */
guint      glossa_review_count_pending_with_links (GPtrArray               *sides,
                                                   GPtrArray               *relations,
                                                   const GlossaAnnotations *result,
                                                   gboolean                 majority);
const char *glossa_review_kind_to_string (GlossaReviewKind kind);

G_END_DECLS

G_BEGIN_DECLS

/* The other side of a comparison: a folder holding NAME.annotations.json
 * files (anywhere below it, articles beside them or not), or a JSON Lines
 * export with one {"id", …, "spans"} object per line. Documents are found
 * by id, the NAME of the article, through glossa-by-id.h; when an id comes
 * twice the later one is used.
 */
typedef struct _GlossaReviewSource GlossaReviewSource;

GlossaReviewSource *glossa_review_source_open      (GFile              *file,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
/* The other sides of a comparison of three or more: @files (a NULL-ended
 * array) are B, C, …; the functions without "side" in their names are B's.
 */
GlossaReviewSource *glossa_review_source_open_sides (GFile * const     *files,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
guint               glossa_review_source_get_n_sides (GlossaReviewSource *source);
GFile              *glossa_review_source_get_side_file (GlossaReviewSource *source,
                                                        guint               side);
GPtrArray          *glossa_review_source_get_side_spans (GlossaReviewSource *source,
                                                         guint               side,
                                                         const char         *id,
                                                         GlossaArticle      *article,
                                                         GError            **error);
/* The links of that side's document @id (glossa_by_id_get_relations()). */
GPtrArray          *glossa_review_source_get_side_relations (GlossaReviewSource *source,
                                                             guint               side,
                                                             const char         *id,
                                                             GlossaArticle      *article,
                                                             GError            **error);
/* Everything that side's document @id holds (glossa_by_id_get_annotations()):
 * its spans, its links and the annotator its file or line names.
 */
GlossaAnnotations  *glossa_review_source_get_side_annotations (GlossaReviewSource *source,
                                                               guint               side,
                                                               const char         *id,
                                                               GlossaArticle      *article,
                                                               GError            **error);
void                glossa_review_source_free      (GlossaReviewSource *source);
GFile              *glossa_review_source_get_file  (GlossaReviewSource *source);
gboolean            glossa_review_source_has       (GlossaReviewSource *source,
                                                    const char         *id);
guint               glossa_review_source_get_n_documents (GlossaReviewSource *source);
/* The spans of document @id, checked against @article. Returns %NULL with
 * an error naming the file (and line) if the document is missing or does
 * not match the article.
 */
GPtrArray          *glossa_review_source_get_spans (GlossaReviewSource *source,
                                                    const char         *id,
                                                    GlossaArticle      *article,
                                                    GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaReviewSource, glossa_review_source_free)

/* Where the adjudicated annotations of document @id go:
 * @output/NAME.annotations.json, NAME made by glossa_output_safe_name(), so
 * that no id (absolute, with "..", empty) leads out of @output. The
 * folders between @output and the file are made, so that it can be saved.
 */
GFile              *glossa_review_output_file      (GFile              *output,
                                                    const char         *id);
/* The name a side of a review goes by: @annotator (the annotation file's),
 * else the annotator most of @spans name, else @file's name; when that is
 * @other (the other side's), @file's name is added.
 */
char               *glossa_review_side_name        (const char         *annotator,
                                                    GPtrArray          *spans,
                                                    GFile              *file,
                                                    const char         *other);
/* The adjudicated annotations of document @id as saved in @output, read
 * and checked against @article; %NULL without an error when there are
 * none yet. Unlike glossa_review_output_file(), makes no folder.
 */
GlossaAnnotations  *glossa_review_read_result      (GFile              *output,
                                                    const char         *id,
                                                    GlossaArticle      *article,
                                                    GError            **error);
/* Writes the article of document @id beside its adjudicated annotations,
 * @output/NAME.txt, so that the output is a corpus that validate, stats,
 * export and the window take as it is. The article is copied, not
 * linked: a hard link would share A's file, so an edit of A's article
 * would change the gold set's under its recorded sha256; and it would
 * fail across file systems. Nothing is ever written over: if the file is
 * there already (a review resumed) it must be the same article, or the
 * error names it.
 */
gboolean            glossa_review_copy_article     (GFile              *output,
                                                    const char         *id,
                                                    GlossaArticle      *article,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
/* Whether @output is a JSONL corpus file (OUT.jsonl, not a folder). The
 * adjudicated corpus is then OUT.jsonl, A's articles without their spans,
 * and OUT.annotations.jsonl, the results, one line per article reviewed.
 */
gboolean            glossa_review_output_is_jsonl  (GFile              *output);
/* Writes OUT.jsonl from corpus @a if there is none yet (a review resumed
 * uses the one there).
 */
gboolean            glossa_review_prepare_jsonl_output (GFile          *output,
                                                    GFile              *a,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
/* The result as glossa_review_count_pending_n() takes it: @document's
 * spans and its "decisions".
 */
GlossaAnnotations  *glossa_review_result_from_document (GlossaDocument *document);
/* Whether @output may hold the adjudicated annotations of a comparison
 * of @a with @b (each a file or a folder): it must be a folder (or not
 * exist yet), and not be A's or B's folder, inside it or holding it, nor
 * the folder that holds A's or B's file. Otherwise GLOSSA_ERROR_USAGE with
 * a message naming both paths.
 */
gboolean            glossa_review_check_output     (GFile              *output,
                                                    GFile              *a,
                                                    GFile              *b,
                                                    GError            **error);

G_END_DECLS
