/* glossa-review-bar.c: adjudicating two annotators' spans on the open article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-review-bar.h"

/* The bar marks every disagreement between A and B in the article view with
 * its own tags (only in A, only in B, label conflict, and the one being
 * decided), above the span tags. The spans shown and edited are those of
 * the result document, the adjudicated set: accepting a side adds that
 * side's span to it (and takes the other side's away), as one undoable step,
 * so the result gets the window's autosave and undo like any document.
 */
typedef enum
{
  MARK_ONLY_A,
  MARK_ONLY_B,
  MARK_CONFLICT,
  MARK_CURRENT,
  N_MARKS
} Mark;

struct _GlossaReviewBar
{
  GtkWidget        parent_instance;

  GtkTextView     *view;
  GtkTextTag      *tags[N_MARKS];
  GlossaDocument  *result;
  GPtrArray       *items;        /* of GlossaReviewItem, disagreements only */
  GPtrArray       *agreed;       /* of GlossaSpan: A's side of each agreement */
  GHashTable      *rejected;     /* items decided as "neither" */
  char            *a_name;
  char            *b_name;
  int              current;      /* index into items, -1 for none */

  GtkLabel        *position_label;
  GtkLabel        *description_label;
};

G_DEFINE_FINAL_TYPE (GlossaReviewBar, glossa_review_bar, GTK_TYPE_WIDGET)

static const char *mark_names[N_MARKS] = {
  "glossa-review-only-a", "glossa-review-only-b", "glossa-review-conflict", "glossa-review-current"
};

static GtkTextTag *
create_tag (GtkTextBuffer *buffer,
            Mark           mark)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, mark_names[mark]);
  GdkRGBA color;

  if (tag != NULL)
    return tag;

  tag = gtk_text_buffer_create_tag (buffer, mark_names[mark], NULL);
  switch (mark)
    {
    case MARK_ONLY_A:
      gdk_rgba_parse (&color, "#1a5fb4");
      g_object_set (tag, "underline", PANGO_UNDERLINE_DOUBLE, "underline-rgba", &color, NULL);
      break;
    case MARK_ONLY_B:
      gdk_rgba_parse (&color, "#c64600");
      g_object_set (tag, "underline", PANGO_UNDERLINE_DOUBLE, "underline-rgba", &color,
                    "style", PANGO_STYLE_ITALIC, NULL);
      break;
    case MARK_CONFLICT:
      gdk_rgba_parse (&color, "#c01c28");
      g_object_set (tag, "underline", PANGO_UNDERLINE_ERROR, "underline-rgba", &color,
                    "weight", PANGO_WEIGHT_BOLD, NULL);
      break;
    case MARK_CURRENT:
      gdk_rgba_parse (&color, "rgba(246, 211, 45, 0.55)");
      g_object_set (tag, "background-rgba", &color, NULL);
      break;
    case N_MARKS:
    default:
      g_assert_not_reached ();
    }
  return tag;
}

static Mark
mark_for (const GlossaReviewItem *item)
{
  switch (item->kind)
    {
    case GLOSSA_REVIEW_ONLY_A:
      return MARK_ONLY_A;
    case GLOSSA_REVIEW_ONLY_B:
      return MARK_ONLY_B;
    case GLOSSA_REVIEW_LABEL_CONFLICT:
    case GLOSSA_REVIEW_AGREE:
    default:
      return MARK_CONFLICT;
    }
}

static void
get_iters (GlossaReviewBar *self,
           gint64           start,
           gint64           end,
           GtkTextIter     *start_iter,
           GtkTextIter     *end_iter)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);

  gtk_text_buffer_get_iter_at_offset (buffer, start_iter, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, end_iter, (int) end);
}

static void
clear_marks (GlossaReviewBar *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->view == NULL)
    return;

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (guint i = 0; i < N_MARKS; i++)
    if (self->tags[i] != NULL)
      gtk_text_buffer_remove_tag (buffer, self->tags[i], &start, &end);
}

static void
apply_marks (GlossaReviewBar *self)
{
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;

  clear_marks (self);
  if (self->view == NULL || self->items == NULL)
    return;

  buffer = gtk_text_view_get_buffer (self->view);
  table = gtk_text_buffer_get_tag_table (buffer);
  for (guint i = 0; i < N_MARKS; i++)
    {
      self->tags[i] = create_tag (buffer, i);
      /* Above the span tags, which may have been created after ours. */
      gtk_text_tag_set_priority (self->tags[i], gtk_text_tag_table_get_size (table) - 1);
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      const GlossaReviewItem *item = g_ptr_array_index (self->items, i);
      GtkTextIter start, end;

      get_iters (self, item->start, item->end, &start, &end);
      gtk_text_buffer_apply_tag (buffer, self->tags[mark_for (item)], &start, &end);
      if ((int) i == self->current)
        gtk_text_buffer_apply_tag (buffer, self->tags[MARK_CURRENT], &start, &end);
    }
}

static gboolean
result_has (GlossaReviewBar  *self,
            const GlossaSpan *span)
{
  return span != NULL && glossa_document_find_span (self->result, (GlossaSpan *) span, NULL);
}

static gboolean
is_decided (GlossaReviewBar        *self,
            const GlossaReviewItem *item)
{
  return result_has (self, item->a) || result_has (self, item->b) ||
         g_hash_table_contains (self->rejected, item);
}

static char *
describe_span (const GlossaSpan *span)
{
  /* Translators: a label and the text it tags, e.g. actor “Joe Biden” */
  return g_strdup_printf (_("%s “%s”"), glossa_label_to_string (span->label), span->text);
}

static char *
describe_item (GlossaReviewBar        *self,
               const GlossaReviewItem *item)
{
  g_autofree char *what = NULL;
  g_autofree char *decision = NULL;
  gboolean has_a = result_has (self, item->a), has_b = result_has (self, item->b);

  switch (item->kind)
    {
    case GLOSSA_REVIEW_ONLY_A:
      what = describe_span (item->a);
      what = g_strdup_printf (_("Only %s tagged %s"), self->a_name, g_steal_pointer (&what));
      break;
    case GLOSSA_REVIEW_ONLY_B:
      what = describe_span (item->b);
      what = g_strdup_printf (_("Only %s tagged %s"), self->b_name, g_steal_pointer (&what));
      break;
    case GLOSSA_REVIEW_LABEL_CONFLICT:
    case GLOSSA_REVIEW_AGREE:
    default:
      what = g_strdup_printf (_("“%s”: %s says %s, %s says %s"), item->a->text,
                              self->a_name, glossa_label_to_string (item->a->label),
                              self->b_name, glossa_label_to_string (item->b->label));
      break;
    }

  if (has_a && has_b)
    decision = g_strdup (_("kept both"));
  else if (has_a)
    decision = g_strdup_printf (_("kept %s’s"), self->a_name);
  else if (has_b)
    decision = g_strdup_printf (_("kept %s’s"), self->b_name);
  else if (g_hash_table_contains (self->rejected, item))
    decision = g_strdup (_("kept neither"));

  if (decision == NULL)
    return g_steal_pointer (&what);
  return g_strdup_printf ("%s — %s", what, decision);
}

static void
update_label (GlossaReviewBar *self)
{
  g_autofree char *position = NULL;
  g_autofree char *description = NULL;
  guint n = self->items ? self->items->len : 0;
  guint pending = glossa_review_bar_get_n_pending (self);

  if (n == 0)
    {
      position = g_strdup (_("No disagreements"));
      description = g_strdup_printf (_("%s and %s agree on every span of this article"),
                                     self->a_name, self->b_name);
    }
  else if (self->current < 0)
    {
      position = g_strdup_printf (ngettext ("%u disagreement", "%u disagreements", n), n);
      description = g_strdup_printf (ngettext ("%u left to decide: press F8 to go to the next one",
                                               "%u left to decide: press F8 to go to the next one",
                                               pending), pending);
    }
  else
    {
      position = g_strdup_printf (_("Disagreement %d of %u"), self->current + 1, n);
      description = describe_item (self, g_ptr_array_index (self->items, self->current));
    }

  /* Both ellipsize, so that a long description never asks the window for
   * more width (it used to widen itself); the whole text is the tooltip.
   */
  gtk_label_set_text (self->position_label, position);
  gtk_label_set_text (self->description_label, description);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->description_label), description);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.accept-a", self->current >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.accept-b", self->current >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.accept-both", self->current >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.accept-neither", self->current >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.next", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.previous", n > 0);
}

static void
select_current (GlossaReviewBar *self)
{
  const GlossaReviewItem *item;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  apply_marks (self);
  update_label (self);

  if (self->view == NULL || self->current < 0)
    return;

  item = g_ptr_array_index (self->items, self->current);
  buffer = gtk_text_view_get_buffer (self->view);
  get_iters (self, item->start, item->end, &start, &end);
  /* The selection is the disagreement, so a label key can also retag it. */
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_iter (self->view, &start, 0.2, FALSE, 0, 0);
}

static void
on_result_changed (GlossaReviewBar *self)
{
  update_label (self);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossaReviewBar *self = GLOSSA_REVIEW_BAR (widget);

  if (g_str_equal (action_name, "review.next"))
    glossa_review_bar_move (self, 1);
  else if (g_str_equal (action_name, "review.previous"))
    glossa_review_bar_move (self, -1);
  else if (g_str_equal (action_name, "review.accept-a"))
    glossa_review_bar_accept (self, GLOSSA_REVIEW_ACCEPT_A);
  else if (g_str_equal (action_name, "review.accept-b"))
    glossa_review_bar_accept (self, GLOSSA_REVIEW_ACCEPT_B);
  else if (g_str_equal (action_name, "review.accept-both"))
    glossa_review_bar_accept (self, GLOSSA_REVIEW_ACCEPT_BOTH);
  else if (g_str_equal (action_name, "review.accept-neither"))
    glossa_review_bar_accept (self, GLOSSA_REVIEW_ACCEPT_NEITHER);
}

static void
glossa_review_bar_dispose (GObject *object)
{
  GlossaReviewBar *self = (GlossaReviewBar *)object;
  GtkWidget *child;

  glossa_review_bar_clear (self);
  /* The template's root is not a bound child: unparent it ourselves. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSSA_TYPE_REVIEW_BAR);
  g_clear_weak_pointer (&self->view);

  G_OBJECT_CLASS (glossa_review_bar_parent_class)->dispose (object);
}

static void
glossa_review_bar_finalize (GObject *object)
{
  GlossaReviewBar *self = (GlossaReviewBar *)object;

  g_clear_pointer (&self->rejected, g_hash_table_unref);
  g_free (self->a_name);
  g_free (self->b_name);

  G_OBJECT_CLASS (glossa_review_bar_parent_class)->finalize (object);
}

static void
glossa_review_bar_class_init (GlossaReviewBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = glossa_review_bar_dispose;
  object_class->finalize = glossa_review_bar_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/glossa-review-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossaReviewBar, position_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaReviewBar, description_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "glossareviewbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);

  gtk_widget_class_install_action (widget_class, "review.next", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.previous", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.accept-a", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.accept-b", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.accept-both", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.accept-neither", NULL, review_action);
}

static void
glossa_review_bar_init (GlossaReviewBar *self)
{
  self->current = -1;
  self->rejected = g_hash_table_new (NULL, NULL);
  self->a_name = g_strdup ("A");
  self->b_name = g_strdup ("B");

  gtk_widget_init_template (GTK_WIDGET (self));
  update_label (self);
}

GtkWidget *
glossa_review_bar_new (void)
{
  return g_object_new (GLOSSA_TYPE_REVIEW_BAR, NULL);
}

void
glossa_review_bar_set_view (GlossaReviewBar *self,
                            GtkTextView     *view)
{
  g_return_if_fail (GLOSSA_IS_REVIEW_BAR (self));
  g_return_if_fail (!view || GTK_IS_TEXT_VIEW (view));

  clear_marks (self);
  g_set_weak_pointer (&self->view, view);
  memset (self->tags, 0, sizeof self->tags);
  apply_marks (self);
}

void
glossa_review_bar_set_names (GlossaReviewBar *self,
                             const char      *a_name,
                             const char      *b_name)
{
  g_return_if_fail (GLOSSA_IS_REVIEW_BAR (self));

  g_free (self->a_name);
  g_free (self->b_name);
  self->a_name = g_strdup (a_name ? a_name : "A");
  self->b_name = g_strdup (b_name ? b_name : "B");
  update_label (self);
}

/**
 * glossa_review_bar_set_documents:
 * @result: the adjudicated set, shown and edited in the view
 * @a_spans: A's spans on the same article
 * @b_spans: B's spans on the same article
 */
void
glossa_review_bar_set_documents (GlossaReviewBar *self,
                                 GlossaDocument  *result,
                                 GPtrArray       *a_spans,
                                 GPtrArray       *b_spans)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_if_fail (GLOSSA_IS_REVIEW_BAR (self));
  g_return_if_fail (GLOSSA_IS_DOCUMENT (result));

  glossa_review_bar_clear (self);

  self->result = g_object_ref (result);
  g_signal_connect_object (result, "changed", G_CALLBACK (on_result_changed), self, G_CONNECT_SWAPPED);

  all = glossa_review_compare (a_spans, b_spans);
  self->items = g_ptr_array_new_with_free_func (g_free);
  self->agreed = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  for (guint i = 0; i < all->len; i++)
    {
      GlossaReviewItem *item = g_ptr_array_index (all, i);

      if (!glossa_review_item_is_disagreement (item))
        {
          g_ptr_array_add (self->agreed, glossa_span_ref (item->a));
          continue;
        }
      /* Keep the item alive past @all: steal its spans into a copy. */
      g_ptr_array_add (self->items, g_memdup2 (item, sizeof *item));
      item->a = NULL;
      item->b = NULL;
    }
  apply_marks (self);
  update_label (self);
}

static void
free_items (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      GlossaReviewItem *item = g_ptr_array_index (items, i);

      g_clear_pointer (&item->a, glossa_span_unref);
      g_clear_pointer (&item->b, glossa_span_unref);
    }
  g_ptr_array_unref (items);
}

void
glossa_review_bar_clear (GlossaReviewBar *self)
{
  g_return_if_fail (GLOSSA_IS_REVIEW_BAR (self));

  clear_marks (self);
  if (self->result != NULL)
    g_signal_handlers_disconnect_by_data (self->result, self);
  g_clear_object (&self->result);
  g_clear_pointer (&self->items, free_items);
  g_clear_pointer (&self->agreed, g_ptr_array_unref);
  g_hash_table_remove_all (self->rejected);
  self->current = -1;
  if (self->position_label != NULL)
    update_label (self);
}

static gboolean
go_to (GlossaReviewBar *self,
       int              direction,
       gboolean         undecided_only)
{
  guint n;

  if (self->items == NULL || self->items->len == 0)
    return FALSE;

  n = self->items->len;
  for (guint step = 1; step <= n; step++)
    {
      int from = self->current < 0 ? (direction > 0 ? -1 : 0) : self->current;
      int index = (int) (((gint64) from + direction * (gint64) step + 2 * (gint64) n) % n);

      if (!undecided_only || !is_decided (self, g_ptr_array_index (self->items, index)))
        {
          self->current = index;
          select_current (self);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * glossa_review_bar_move:
 * @direction: 1 for the next disagreement, -1 for the previous one
 *
 * Goes to the next (or previous) disagreement in the article's order,
 * wrapping around, decided or not, so that any decision can be revisited.
 */
gboolean
glossa_review_bar_move (GlossaReviewBar *self,
                        int              direction)
{
  g_return_val_if_fail (GLOSSA_IS_REVIEW_BAR (self), FALSE);
  g_return_val_if_fail (direction == 1 || direction == -1, FALSE);

  return go_to (self, direction, FALSE);
}

static void
ensure (GlossaReviewBar  *self,
        const GlossaSpan *span,
        gboolean          present)
{
  GlossaSpan *existing;
  guint index;

  if (span == NULL)
    return;

  if (glossa_document_find_span (self->result, (GlossaSpan *) span, &index))
    {
      existing = glossa_document_get_span (self->result, index);
      if (!present)
        glossa_document_remove_span (self->result, existing->id, NULL);
    }
  else if (present)
    glossa_document_add_span (self->result, span->start, span->end, span->label, NULL);
}

/* Adds the spans both annotators agree on to an empty result, so that the
 * reviewer only has the disagreements left to decide.
 */
void
glossa_review_bar_seed_agreements (GlossaReviewBar *self)
{
  g_return_if_fail (GLOSSA_IS_REVIEW_BAR (self));
  g_return_if_fail (self->result != NULL);

  glossa_document_begin_group (self->result, _("Take the agreed spans"));
  for (guint i = 0; i < self->agreed->len; i++)
    ensure (self, g_ptr_array_index (self->agreed, i), TRUE);
  glossa_document_end_group (self->result);
  update_label (self);
}

gboolean
glossa_review_bar_accept (GlossaReviewBar    *self,
                          GlossaReviewChoice  choice)
{
  GlossaReviewItem *item;
  gboolean keep_a, keep_b;

  g_return_val_if_fail (GLOSSA_IS_REVIEW_BAR (self), FALSE);

  if (self->items == NULL || self->current < 0 || glossa_document_get_read_only (self->result))
    return FALSE;

  item = g_ptr_array_index (self->items, self->current);
  keep_a = choice == GLOSSA_REVIEW_ACCEPT_A || choice == GLOSSA_REVIEW_ACCEPT_BOTH;
  keep_b = choice == GLOSSA_REVIEW_ACCEPT_B || choice == GLOSSA_REVIEW_ACCEPT_BOTH;

  glossa_document_begin_group (self->result, _("Adjudicate"));
  ensure (self, item->a, keep_a);
  ensure (self, item->b, keep_b);
  glossa_document_end_group (self->result);

  if (choice == GLOSSA_REVIEW_ACCEPT_NEITHER)
    g_hash_table_add (self->rejected, item);
  else
    g_hash_table_remove (self->rejected, item);

  /* Deciding moves on to what is left, so a run of decisions is one key
   * each; with nothing left the bar stays on the last decision.
   */
  if (!go_to (self, 1, TRUE))
    select_current (self);
  return TRUE;
}

guint
glossa_review_bar_get_n_disagreements (GlossaReviewBar *self)
{
  g_return_val_if_fail (GLOSSA_IS_REVIEW_BAR (self), 0);
  return self->items ? self->items->len : 0;
}

guint
glossa_review_bar_get_n_pending (GlossaReviewBar *self)
{
  guint pending = 0;

  g_return_val_if_fail (GLOSSA_IS_REVIEW_BAR (self), 0);

  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    if (!is_decided (self, g_ptr_array_index (self->items, i)))
      pending++;
  return pending;
}

int
glossa_review_bar_get_current (GlossaReviewBar *self)
{
  g_return_val_if_fail (GLOSSA_IS_REVIEW_BAR (self), -1);
  return self->current;
}

const GlossaReviewItem *
glossa_review_bar_get_item (GlossaReviewBar *self,
                            guint            index)
{
  g_return_val_if_fail (GLOSSA_IS_REVIEW_BAR (self), NULL);
  g_return_val_if_fail (self->items != NULL && index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}
