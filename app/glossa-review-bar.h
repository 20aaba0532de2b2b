/* glossa-review-bar.h: adjudicating two or more annotators' spans on the open article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "glossa-document.h"
#include "glossa-review.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_REVIEW_BAR (glossa_review_bar_get_type ())

G_DECLARE_FINAL_TYPE (GlossaReviewBar, glossa_review_bar, GLOSSA, REVIEW_BAR, GtkWidget)

typedef enum
{
  GLOSSA_REVIEW_ACCEPT_A,
  GLOSSA_REVIEW_ACCEPT_B,
  GLOSSA_REVIEW_ACCEPT_BOTH,
  GLOSSA_REVIEW_ACCEPT_NEITHER,
} GlossaReviewChoice;

/* Sides with a key and a button of their own (Ctrl+Alt+1…9). */
#define GLOSSA_REVIEW_BAR_MAX_SIDES 9

GtkWidget *glossa_review_bar_new             (void);
void       glossa_review_bar_set_view        (GlossaReviewBar    *self,
                                              GtkTextView        *view);
void       glossa_review_bar_set_names       (GlossaReviewBar    *self,
                                              const char         *a_name,
                                              const char         *b_name);
void       glossa_review_bar_set_side_names  (GlossaReviewBar    *self,
                                              const char * const *names);
void       glossa_review_bar_set_documents   (GlossaReviewBar    *self,
                                              GlossaDocument     *result,
                                              GPtrArray          *a_spans,
                                              GPtrArray          *b_spans);
void       glossa_review_bar_set_sides       (GlossaReviewBar    *self,
                                              GlossaDocument     *result,
                                              GPtrArray          *sides);
void       glossa_review_bar_set_sides_with_links (GlossaReviewBar *self,
                                                   GlossaDocument  *result,
                                                   GPtrArray       *sides,
                                                   GPtrArray       *relations);
void       glossa_review_bar_clear           (GlossaReviewBar    *self);
void       glossa_review_bar_seed_agreements (GlossaReviewBar    *self);
gboolean   glossa_review_bar_move            (GlossaReviewBar    *self,
                                              int                 direction);
gboolean   glossa_review_bar_accept          (GlossaReviewBar    *self,
                                              GlossaReviewChoice  choice);
gboolean   glossa_review_bar_keep_side       (GlossaReviewBar    *self,
                                              guint               side);
guint      glossa_review_bar_accept_majority (GlossaReviewBar    *self);
guint      glossa_review_bar_get_n_disagreements (GlossaReviewBar *self);
guint      glossa_review_bar_get_n_pending   (GlossaReviewBar    *self);
int        glossa_review_bar_get_current     (GlossaReviewBar    *self);
const GlossaReviewItem *glossa_review_bar_get_item (GlossaReviewBar *self,
                                                    guint            index);

G_END_DECLS
