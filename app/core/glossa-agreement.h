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

/* Links (format v2): one of A matches one of B when their types are equal
 * and both ends are equal spans (start, end and label).
 */
typedef struct
{
  char  *type;     /* the link type; NULL in the overall figures */
  guint  n_a;      /* links in A */
  guint  n_b;      /* links in B */
  guint  matched;  /* links of A with an equal link in B */
} GlossaAgreementRelation;

/* One attribute of one label, over the spans that match exactly. A pair
 * counts when either side has a value; it agrees when both have the same.
 */
typedef struct
{
  GlossaLabel  label;
  char        *name;
  guint        n_compared;
  guint        n_agree;
} GlossaAgreementAttribute;

typedef struct
{
  guint                 n_documents;  /* compared: in both A and B */
  GPtrArray            *only_in_a;    /* of char*, ids */
  GPtrArray            *only_in_b;
  GlossaSchema         *schema;       /* A's labels; NULL before the first document */
  GArray               *labels;       /* of GlossaAgreementLabel, the schema's order */
  GlossaAgreementCounts overall;
  GArray               *relations;    /* of GlossaAgreementRelation: A's schema's types, then others */
  GlossaAgreementRelation relations_overall;
  GArray               *attributes;   /* of GlossaAgreementAttribute: A's schema's, then others */
  /* What kappa tags with: A's labels, then those only B has, so that
   * tokens of a label of B alone are counted too.
   */
  GlossaSchema         *tag_schema;
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
/* Precision = matched / n_a, recall = matched / n_b. */
void             glossa_agreement_relation_scores (const GlossaAgreementRelation *relation,
                                                   GlossaPrf                     *scores);
/* The share of compared pairs that agree, NAN when none was compared. */
double           glossa_agreement_attribute_share (const GlossaAgreementAttribute *attribute);
const GlossaAgreementRelation  *glossa_agreement_get_relation  (GlossaAgreement *agreement,
                                                                const char      *type);
const GlossaAgreementAttribute *glossa_agreement_get_attribute (GlossaAgreement *agreement,
                                                                GlossaLabel      label,
                                                                const char      *name);
/* {"documents", "only_in_a", "only_in_b", "labels": {LABEL: {"exact":
 * {"precision", "recall", "f1"}, "overlap": {…}, "kappa"}}, "overall": {…},
 * "relations": {"types": {TYPE: {"a", "b", "matched", "precision", "recall",
 * "f1"}}, "overall": {…}}, 
 * "attributes": {LABEL: {NAME: {"compared", "agree", "share"}}}}
 */
char            *glossa_agreement_to_json  (GlossaAgreement          *agreement);
char            *glossa_agreement_to_table (GlossaAgreement          *agreement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaAgreement, glossa_agreement_free)

G_END_DECLS
