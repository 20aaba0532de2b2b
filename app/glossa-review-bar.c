/* glossa-review-bar.c: adjudicating two annotators' spans on the open article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-merge.h"
#include "glossa-review-bar.h"

/* The bar marks every disagreement between A and B in the article view with
 * its own tags (undecided: only in A, only in B, label conflict; decided:
 * one quiet underline; and the one being decided), above the span tags.
 * The spans shown and edited are those of the result document, the
 * adjudicated set: accepting a side adds a copy of that side's span to it,
 * provenance kept (glossa-merge.h), and takes the other side's away, as one
 * undoable step, so the result gets the window's autosave and undo like
 * any document. Each decision is also recorded in the result's
 * "decisions" list, which is how a "neither" is remembered.
 */
typedef enum
{
  MARK_ONLY_A,
  MARK_ONLY_B,
  MARK_CONFLICT,
  MARK_DECIDED,
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
  GtkWidget       *keep_a_button;
  GtkWidget       *keep_b_button;
};

G_DEFINE_FINAL_TYPE (GlossaReviewBar, glossa_review_bar, GTK_TYPE_WIDGET)

static const char *mark_names[N_MARKS] = {
  "glossa-review-only-a", "glossa-review-only-b", "glossa-review-conflict",
  "glossa-review-decided", "glossa-review-current"
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
    case MARK_DECIDED:
      /* Readable in light and dark: a thin grey line, no colour. */
      gdk_rgba_parse (&color, "rgba(128, 128, 128, 0.8)");
      g_object_set (tag, "underline", PANGO_UNDERLINE_SINGLE, "underline-rgba", &color, NULL);
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

static gboolean is_decided     (GlossaReviewBar        *self,
                                const GlossaReviewItem *item);
static void     load_decisions (GlossaReviewBar        *self);

static Mark
mark_for (GlossaReviewBar        *self,
          const GlossaReviewItem *item)
{
  if (is_decided (self, item))
    return MARK_DECIDED;

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
      gtk_text_buffer_apply_tag (buffer, self->tags[mark_for (self, item)], &start, &end);
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

/* One side's line: "Ada (A): actor “Ana Lima” — note: …", or that it has
 * no span there.
 */
static void
describe_side (GString          *out,
               const char       *name,
               const char       *letter,
               const GlossaSpan *span)
{
  if (span == NULL)
    {
      /* Translators: an annotator's name, A or B, e.g. Ada (A): no span here */
      g_string_append_printf (out, _("%s (%s): no span here"), name, letter);
      return;
    }
  /* Translators: an annotator's name, A or B, a label and the text it tags,
   * e.g. Ada (A): actor “Ana Lima”
   */
  g_string_append_printf (out, _("%s (%s): %s “%s”"), name, letter,
                          glossa_label_to_string (span->label), span->text);
  if (span->note != NULL)
    /* Translators: the note an annotator wrote on a span */
    g_string_append_printf (out, _(" — note: %s"), span->note);
}

static char *
describe_decision (GlossaReviewBar        *self,
                   const GlossaReviewItem *item)
{
  gboolean has_a = result_has (self, item->a), has_b = result_has (self, item->b);

  if (has_a && has_b)
    return g_strdup (_("Decided: kept both"));
  if (has_a)
    return g_strdup_printf (_("Decided: kept %s’s"), self->a_name);
  if (has_b)
    return g_strdup_printf (_("Decided: kept %s’s"), self->b_name);
  if (g_hash_table_contains (self->rejected, item))
    return g_strdup (_("Decided: kept neither"));
  return g_strdup (_("Not decided yet"));
}

/* The whole disagreement, one line per side, then the decision: the bar
 * wraps it rather than cutting it.
 */
static char *
describe_item (GlossaReviewBar        *self,
               const GlossaReviewItem *item)
{
  GString *out = g_string_new (NULL);
  g_autofree char *decision = describe_decision (self, item);

  describe_side (out, self->a_name, "A", item->a);
  g_string_append_c (out, '\n');
  describe_side (out, self->b_name, "B", item->b);
  g_string_append_printf (out, "\n%s", decision);
  return g_string_free (out, FALSE);
}

static void
update_buttons (GlossaReviewBar *self)
{
  g_autofree char *keep_a = NULL;
  g_autofree char *keep_b = NULL;

  if (self->keep_a_button == NULL)
    return;
  /* Translators: the tooltip of Keep A, with the first annotator's name */
  keep_a = g_strdup_printf (_("Keep %s’s span (Ctrl+1)"), self->a_name);
  /* Translators: the tooltip of Keep B, with the second annotator's name */
  keep_b = g_strdup_printf (_("Keep %s’s span (Ctrl+2)"), self->b_name);
  gtk_widget_set_tooltip_text (self->keep_a_button, keep_a);
  gtk_widget_set_tooltip_text (self->keep_b_button, keep_b);
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
      position = g_strdup_printf (ngettext ("Disagreement %d of %u, %u left to decide",
                                           "Disagreement %d of %u, %u left to decide", pending),
                                  self->current + 1, n, pending);
      description = describe_item (self, g_ptr_array_index (self->items, self->current));
    }

  /* The description wraps (ui/glossa-review-bar.ui), so that a long one
   * is shown whole and still never asks the window for more width.
   */
  gtk_label_set_text (self->position_label, position);
  gtk_label_set_text (self->description_label, description);
  update_buttons (self);
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

/* An undo may have taken a decision back: the marks follow. */
static void
on_result_changed (GlossaReviewBar *self)
{
  apply_marks (self);
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
  gtk_widget_class_bind_template_child (widget_class, GlossaReviewBar, keep_a_button);
  gtk_widget_class_bind_template_child (widget_class, GlossaReviewBar, keep_b_button);
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
  glossa_document_set_mark_added (result, TRUE);
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
  load_decisions (self);
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

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Makes @span's presence in the result what the decision says. A kept
 * span is a copy of the annotator's, with its provenance: @decision,
 * @source (who had it), the reviewer and the time. A span already there
 * with another decision ("a" before a "both") is replaced.
 */
static void
ensure (GlossaReviewBar  *self,
        const GlossaSpan *span,
        gboolean          present,
        const char       *decision,
        const char       *source,
        const char       *reviewed)
{
  const char *sources[] = { source, NULL };
  g_autoptr(GlossaSpan) kept = NULL;
  GlossaSpan *existing = NULL;
  guint index;

  if (span == NULL)
    return;

  if (glossa_document_find_span (self->result, (GlossaSpan *) span, &index))
    existing = glossa_document_get_span (self->result, index);
  if (existing != NULL &&
      (!present || g_strcmp0 (glossa_merge_span_get_decision (existing), decision) != 0))
    glossa_document_remove_span (self->result, existing->id, NULL);
  else if (existing != NULL)
    return;
  if (!present)
    return;

  kept = glossa_merge_span_with_review (span, decision, sources,
                                        glossa_document_get_user (self->result), reviewed);
  glossa_document_add_span_copy (self->result, kept, NULL);
}

/* Adds the spans both annotators agree on to an empty result, so that the
 * reviewer only has the disagreements left to decide.
 */
void
glossa_review_bar_seed_agreements (GlossaReviewBar *self)
{
  const char *sources[3] = { NULL, NULL, NULL };

  g_return_if_fail (GLOSSA_IS_REVIEW_BAR (self));
  g_return_if_fail (self->result != NULL);

  sources[0] = self->a_name;
  sources[1] = self->b_name;
  glossa_document_begin_group (self->result, _("Take the agreed spans"));
  for (guint i = 0; i < self->agreed->len; i++)
    {
      g_autoptr(GlossaSpan) agreed = glossa_merge_span_with_review (g_ptr_array_index (self->agreed, i),
                                                                    "agreed", sources, NULL, NULL);

      glossa_document_add_span_copy (self->result, agreed, NULL);
    }
  glossa_document_end_group (self->result);
  update_label (self);
}

static const char *
choice_to_string (GlossaReviewChoice choice)
{
  switch (choice)
    {
    case GLOSSA_REVIEW_ACCEPT_A:
      return "a";
    case GLOSSA_REVIEW_ACCEPT_B:
      return "b";
    case GLOSSA_REVIEW_ACCEPT_BOTH:
      return "both";
    case GLOSSA_REVIEW_ACCEPT_NEITHER:
    default:
      return "neither";
    }
}

static void
add_option (JsonArray        *options,
            const GlossaSpan *span,
            const char       *source)
{
  JsonObject *option = json_object_new ();
  JsonArray *sources = json_array_new ();

  json_object_set_string_member (option, "label", glossa_label_to_string (span->label));
  json_array_add_string_element (sources, source);
  json_object_set_array_member (option, "sources", sources);
  json_array_add_object_element (options, option);
}

/* The record of a decision (glossa-merge.h documents it). */
static JsonNode *
decision_record (GlossaReviewBar        *self,
                 const GlossaReviewItem *item,
                 GlossaReviewChoice      choice,
                 const char             *reviewed)
{
  JsonObject *record = json_object_new ();
  JsonArray *options = json_array_new ();
  JsonArray *kept = json_array_new ();
  const char *user = glossa_document_get_user (self->result);
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (record, "start", item->start);
  json_object_set_int_member (record, "end", item->end);
  json_object_set_string_member (record, "text", (item->a ? item->a : item->b)->text);
  if (item->a != NULL)
    add_option (options, item->a, self->a_name);
  if (item->b != NULL)
    add_option (options, item->b, self->b_name);
  json_object_set_array_member (record, "options", options);
  json_object_set_string_member (record, "decision", choice_to_string (choice));
  if (item->a != NULL && (choice == GLOSSA_REVIEW_ACCEPT_A || choice == GLOSSA_REVIEW_ACCEPT_BOTH))
    json_array_add_string_element (kept, glossa_label_to_string (item->a->label));
  if (item->b != NULL && (choice == GLOSSA_REVIEW_ACCEPT_B || choice == GLOSSA_REVIEW_ACCEPT_BOTH) &&
      (item->a == NULL || item->a->label != item->b->label))
    json_array_add_string_element (kept, glossa_label_to_string (item->b->label));
  json_object_set_array_member (record, "kept", kept);
  if (user != NULL)
    json_object_set_string_member (record, "reviewer", user);
  json_object_set_string_member (record, "reviewed", reviewed);
  json_node_take_object (node, record);
  return node;
}

static JsonArray *
get_decisions (GlossaReviewBar *self)
{
  JsonNode *node = glossa_document_get_extra_member (self->result, GLOSSA_DECISIONS_MEMBER);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Replaces the item's earlier decision, if any, by this one. */
static void
record_decision (GlossaReviewBar        *self,
                 const GlossaReviewItem *item,
                 GlossaReviewChoice      choice,
                 const char             *reviewed)
{
  JsonArray *old = get_decisions (self);
  JsonArray *decisions = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; old != NULL && i < json_array_get_length (old); i++)
    if (!glossa_review_decision_matches (json_array_get_element (old, i), item))
      json_array_add_element (decisions, json_node_copy (json_array_get_element (old, i)));
  json_array_add_element (decisions, decision_record (self, item, choice, reviewed));
  json_node_take_array (node, decisions);
  glossa_document_set_extra_member (self->result, GLOSSA_DECISIONS_MEMBER, node);
}

/* "Neither" leaves no span behind: only the record says it was decided. */
static void
load_decisions (GlossaReviewBar *self)
{
  JsonArray *decisions = get_decisions (self);

  for (guint i = 0; decisions != NULL && i < json_array_get_length (decisions); i++)
    {
      JsonNode *record = json_array_get_element (decisions, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (record) ? json_node_get_object (record) : NULL;

      if (object == NULL ||
          g_strcmp0 (json_object_get_string_member_with_default (object, "decision", NULL), "neither") != 0)
        continue;
      for (guint j = 0; j < self->items->len; j++)
        if (glossa_review_decision_matches (record, g_ptr_array_index (self->items, j)))
          g_hash_table_add (self->rejected, g_ptr_array_index (self->items, j));
    }
}

gboolean
glossa_review_bar_accept (GlossaReviewBar    *self,
                          GlossaReviewChoice  choice)
{
  GlossaReviewItem *item;
  gboolean keep_a, keep_b;
  const char *decision = choice_to_string (choice);
  g_autofree char *reviewed = now_iso8601 ();

  g_return_val_if_fail (GLOSSA_IS_REVIEW_BAR (self), FALSE);

  if (self->items == NULL || self->current < 0 || glossa_document_get_read_only (self->result))
    return FALSE;

  item = g_ptr_array_index (self->items, self->current);
  keep_a = choice == GLOSSA_REVIEW_ACCEPT_A || choice == GLOSSA_REVIEW_ACCEPT_BOTH;
  keep_b = choice == GLOSSA_REVIEW_ACCEPT_B || choice == GLOSSA_REVIEW_ACCEPT_BOTH;

  if (choice == GLOSSA_REVIEW_ACCEPT_NEITHER)
    g_hash_table_add (self->rejected, item);
  else
    g_hash_table_remove (self->rejected, item);

  glossa_document_begin_group (self->result, _("Adjudicate"));
  ensure (self, item->a, keep_a, decision, self->a_name, reviewed);
  ensure (self, item->b, keep_b, decision, self->b_name, reviewed);
  glossa_document_end_group (self->result);
  record_decision (self, item, choice, reviewed);

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
