/* glossa-review.h: comparing two annotators' spans on one article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "glossa-span.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSSA_REVIEW_AGREE,           /* same start, end and label in A and B */
  GLOSSA_REVIEW_LABEL_CONFLICT,  /* same start and end, other labels */
  GLOSSA_REVIEW_ONLY_A,
  GLOSSA_REVIEW_ONLY_B,
} GlossaReviewKind;

typedef struct
{
  GlossaReviewKind  kind;
  GlossaSpan       *a;      /* nullable for ONLY_B */
  GlossaSpan       *b;      /* nullable for ONLY_A */
  gint64            start;
  gint64            end;
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
gboolean   glossa_review_item_is_disagreement (const GlossaReviewItem *item);
const char *glossa_review_kind_to_string (GlossaReviewKind kind);

G_END_DECLS
