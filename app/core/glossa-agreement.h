/* glossa-agreement.h: how much two annotators agree
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "glossa-export.h"

G_BEGIN_DECLS

/* What the figures are computed from, per label or over all labels. */
typedef struct
{
  guint   n_a;        /* spans in A */
  guint   n_b;        /* spans in B, the reference */
  guint   exact;      /* spans of A with a span of B of equal start, end and label */
  guint   overlap_a;  /* spans of A overlapping a span of B with the same label */
  guint   overlap_b;  /* spans of B overlapping a span of A with the same label */
  guint64 n_tokens;
  guint64 n_agree;    /* tokens whose IOB2 tags are equal in A and B */
  guint64 tags_a[GLOSSA_IOB_N_TAGS];
  guint64 tags_b[GLOSSA_IOB_N_TAGS];
} GlossaAgreementCounts;

/* A figure whose denominator is zero is NAN, written as null. */
typedef struct
{
  double precision;
  double recall;
  double f1;
} GlossaPrf;

typedef struct
{
  GlossaPrf exact;
  GlossaPrf overlap;
  double    kappa;
} GlossaAgreementScores;

typedef struct
{
  GlossaLabel           label;
  GlossaAgreementCounts counts;
} GlossaAgreementLabel;

typedef struct
{
  guint                 n_documents;  /* compared: in both A and B */
  GPtrArray            *only_in_a;    /* of char*, ids */
  GPtrArray            *only_in_b;
  GlossaSchema         *schema;       /* A's labels; NULL before the first document */
  GArray               *labels;       /* of GlossaAgreementLabel, the schema's order */
  GlossaAgreementCounts overall;
} GlossaAgreement;

GlossaAgreement *glossa_agreement_new      (void);
void             glossa_agreement_free     (GlossaAgreement          *agreement);

/* Adds one document annotated by A and by B; their texts must be equal. */
gboolean         glossa_agreement_add      (GlossaAgreement          *agreement,
                                            GlossaRecord             *a,
                                            GlossaRecord             *b,
                                            GError                  **error);
/* Matches the documents of @a and @b by id and adds those in both. */
GlossaAgreement *glossa_agreement_compare  (GlossaRecordSource       *a,
                                            GlossaRecordSource       *b,
                                            GCancellable             *cancellable,
                                            GError                  **error);
const GlossaAgreementCounts *glossa_agreement_get_label (GlossaAgreement *agreement,
                                                        GlossaLabel      label);
void             glossa_agreement_scores   (const GlossaAgreementCounts *counts,
                                            GlossaAgreementScores    *scores);
/* {"documents", "only_in_a", "only_in_b", "labels": {LABEL: {"exact":
 * {"precision", "recall", "f1"}, "overlap": {…}, "kappa"}}, "overall": {…}}
 */
char            *glossa_agreement_to_json  (GlossaAgreement          *agreement);
char            *glossa_agreement_to_table (GlossaAgreement          *agreement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaAgreement, glossa_agreement_free)

G_END_DECLS
