/* glossa-review-bar.c: adjudicating two or more annotators' spans on the open article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-merge.h"
#include "glossa-schema.h"
#include "glossa-review-bar.h"

/* The bar marks every disagreement between A and B in the article view with
 * its own tags (undecided: only in A, only in B, label conflict; decided:
 * one quiet underline; and the one being decided), above the span tags.
 * The sides are A, B, C…: the annotation sets compared, two or more.
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
  GPtrArray       *all;          /* of GlossaReviewItem, owned */
  GPtrArray       *items;        /* the disagreements among all */
  GPtrArray       *agreed;       /* the agreements among all */
  GHashTable      *rejected;     /* items decided as "neither" */
  GPtrArray       *names;        /* of char *, one per side */
  int              current;      /* index into items, -1 for none */

  GtkLabel        *position_label;
  GtkLabel        *description_label;
  GtkWidget       *keep_a_button;
  GtkWidget       *keep_b_button;
  GtkWidget       *keep_both_button;
  GtkFlowBox      *side_buttons;
  GPtrArray       *more_buttons; /* Keep C, Keep D…: made per review */
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
    case GLOSSA_REVIEW_PARTIAL:
      return item->sides[0] != NULL ? MARK_ONLY_A : MARK_ONLY_B;
    case GLOSSA_REVIEW_VALUE_CONFLICT:
    case GLOSSA_REVIEW_LINK_CONFLICT:
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
  for (guint i = 0; i < item->n_sides; i++)
    if (result_has (self, item->sides[i]))
      return TRUE;
  return g_hash_table_contains (self->rejected, item);
}

static guint
n_sides (GlossaReviewBar *self)
{
  return self->names->len;
}

static const char *
side_name (GlossaReviewBar *self,
           guint            side)
{
  return side < self->names->len ? g_ptr_array_index (self->names, side) : "?";
}

/* A, B, C… for the first 26 sides, then numbers. */
static char *
side_letter (guint side)
{
  return side < 26 ? g_strdup_printf ("%c", 'A' + side) : g_strdup_printf ("%u", side + 1);
}

/* The label's title in the result's schema, translated; its name when
 * the schema does not list it.
 */
static const char *
label_title (GlossaReviewBar *self,
             GlossaLabel      label)
{
  return glossa_schema_title_of (self->result ? glossa_document_get_schema (self->result) : NULL, label);
}

/* A span's attribute values, " — value: 2024-03-18", sorted by name. */
static void
describe_values (GString          *out,
                 const GlossaSpan *span)
{
  g_autoptr(GList) names = NULL;

  if (span->attributes == NULL)
    return;
  names = g_list_sort (json_object_get_members (span->attributes), (GCompareFunc) g_strcmp0);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (span->attributes, l->data);
      g_autofree char *value = NULL;

      if (!JSON_NODE_HOLDS_VALUE (node))
        continue;
      value = json_node_get_value_type (node) == G_TYPE_STRING ? g_strdup (json_node_get_string (node))
            : json_node_get_value_type (node) == G_TYPE_BOOLEAN
              ? g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"))
              : NULL;
      if (value != NULL)
        /* Translators: an attribute of a span and its value, e.g. " — value: 2024-03-18" */
        g_string_append_printf (out, _(" — %s: %s"), (const char *) l->data, value);
    }
}

/* Where side @side's link from @item's span leads: " ← Jen Psaki" for a
 * source, as the article view draws it, or that the side has none.
 */
static void
describe_link (GString                *out,
               const GlossaReviewItem *item,
               guint                   side)
{
  const GlossaSpan *target = item->targets[side];
  const char *type = item->link_types[side];

  if (target == NULL)
    /* Translators: a side of a disagreement whose quote or claim is linked to no actor */
    g_string_append (out, _(" — no source"));
  else if (g_str_equal (type, "source"))
    /* Translators: the actor a quote or claim is linked to, e.g. " ← Jen Psaki" */
    g_string_append_printf (out, _(" ← %s"), target->text);
  else
    /* Translators: a link of another kind and the text it leads to, e.g. " — cause → the storm" */
    g_string_append_printf (out, _(" — %s → %s"), type, target->text);
}

/* One side's line: "Ada (A): Actor “Ana Lima” — note: …", or that it has
 * no span there.
 */
static void
describe_side (GlossaReviewBar        *self,
               GString                *out,
               const GlossaReviewItem *item,
               guint                   side)
{
  const GlossaSpan *span = item->sides[side];
  g_autofree char *letter = side_letter (side);
  const char *name = side_name (self, side);

  if (span == NULL)
    {
      /* Translators: an annotator's name, A or B, e.g. Ada (A): no span here */
      g_string_append_printf (out, _("%s (%s): no span here"), name, letter);
      return;
    }
  /* Translators: an annotator's name, A or B, a label and the text it tags,
   * e.g. Ada (A): Actor “Ana Lima”
   */
  g_string_append_printf (out, _("%s (%s): %s “%s”"), name, letter,
                          label_title (self, span->label), span->text);
  describe_values (out, span);
  if (item->kind == GLOSSA_REVIEW_LINK_CONFLICT)
    describe_link (out, item, side);
  if (span->note != NULL)
    /* Translators: the note an annotator wrote on a span */
    g_string_append_printf (out, _(" — note: %s"), span->note);
}

/* A link conflict's sides all have the span kept: the side kept is the
 * first whose link the result's copy has (or, for none, lacks), or -1.
 */
static int
kept_link_side (GlossaReviewBar        *self,
                const GlossaReviewItem *item)
{
  g_autoptr(GPtrArray) links = NULL;
  GlossaSpan *target = NULL;
  const char *type = NULL;
  guint index;
  GlossaSpan *span;

  if (!glossa_document_find_span (self->result, item->sides[0], &index))
    return -1;
  span = glossa_document_get_span (self->result, index);
  links = glossa_document_get_relations_of (self->result, span->id);
  for (guint i = 0; i < links->len && target == NULL; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (links, i);

      if (g_str_equal (relation->from, span->id))
        target = glossa_document_lookup_span (self->result, relation->to), type = relation->type;
    }
  for (guint i = 0; i < item->n_sides; i++)
    {
      GlossaSpan *theirs = item->targets[i];

      if (theirs == NULL ? target == NULL
                         : target != NULL && glossa_span_same_key (theirs, target) &&
                           g_strcmp0 (item->link_types[i], type) == 0)
        return (int) i;
    }
  return -1;
}

static char *
describe_decision (GlossaReviewBar        *self,
                   const GlossaReviewItem *item)
{
  g_autoptr(GString) kept = g_string_new (NULL);
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (GlossaLabel));
  guint n_kept = 0, first = 0;

  for (guint i = 0; i < item->n_sides; i++)
    if (result_has (self, item->sides[i]))
      {
        if (n_kept++ == 0)
          first = i;
      }
  glossa_review_item_get_options (item, labels, NULL);

  if (n_kept > 0 && item->kind == GLOSSA_REVIEW_LINK_CONFLICT && kept_link_side (self, item) >= 0)
    return g_strdup_printf (_("Decided: kept %s’s"), side_name (self, (guint) kept_link_side (self, item)));
  if (n_kept > 0 && item->n_sides == 2 && n_kept == 2)
    return g_strdup (_("Decided: kept both"));
  if (n_kept > 0)
    {
      /* Every side whose span is kept, by name. */
      for (guint i = 0; i < item->n_sides; i++)
        if (result_has (self, item->sides[i]))
          g_string_append_printf (kept, "%s%s", kept->len ? ", " : "", side_name (self, i));
      if (n_kept == 1 || item->n_sides == 2)
        return g_strdup_printf (_("Decided: kept %s’s"), side_name (self, first));
      /* Translators: the annotators whose span was kept, e.g. Decided: kept the span of Ada, Cleo */
      return g_strdup_printf (_("Decided: kept the span of %s"), kept->str);
    }
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

  for (guint i = 0; i < item->n_sides; i++)
    {
      describe_side (self, out, item, i);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, decision);
  return g_string_free (out, FALSE);
}

/* The key that keeps side @side: Ctrl+1 and Ctrl+2 as ever for A and B,
 * Ctrl+Alt+3… for C on (Ctrl+Alt+1 and 2 keep A and B too), since Ctrl+3
 * and Ctrl+4 are Keep Both and Neither, and Alt+digit tags exactly.
 */
static char *
side_key (guint side)
{
  if (side < 2)
    return g_strdup_printf ("Ctrl+%u", side + 1);
  return g_strdup_printf ("Ctrl+Alt+%u", side + 1);
}

static void
update_buttons (GlossaReviewBar *self)
{
  gboolean many = n_sides (self) > 2;

  if (self->keep_a_button == NULL)
    return;
  for (guint i = 0; i < n_sides (self) && i < 2 + self->more_buttons->len; i++)
    {
      GtkWidget *button = i == 0 ? self->keep_a_button
                        : i == 1 ? self->keep_b_button
                                 : g_ptr_array_index (self->more_buttons, i - 2);
      g_autofree char *key = side_key (i);
      /* Translators: the tooltip of Keep A, B…, with the annotator's name and the key */
      g_autofree char *tooltip = g_strdup_printf (_("Keep %s’s span (%s)"), side_name (self, i), key);

      gtk_widget_set_tooltip_text (button, tooltip);
    }
  gtk_button_set_label (GTK_BUTTON (self->keep_both_button), many ? _("Keep A_ll") : _("Keep B_oth"));
  gtk_widget_set_tooltip_text (self->keep_both_button,
                               many ? _("Keep every span (Ctrl+3)") : _("Keep both spans (Ctrl+3)"));
}

/* A Keep button for each side after B: the number of sides is known only
 * when a review starts, so these are made here rather than in the template.
 */
static void
make_side_buttons (GlossaReviewBar *self)
{
  for (guint i = 0; i < self->more_buttons->len; i++)
    gtk_flow_box_remove (self->side_buttons,
                         gtk_widget_get_parent (g_ptr_array_index (self->more_buttons, i)));
  g_ptr_array_set_size (self->more_buttons, 0);

  for (guint i = 2; i < n_sides (self) && i < GLOSSA_REVIEW_BAR_MAX_SIDES; i++)
    {
      g_autofree char *letter = side_letter (i);
      /* Translators: the button that keeps the third (fourth…) annotator's span; _ marks the key */
      g_autofree char *label = g_strdup_printf (_("Keep _%s"), letter);
      GtkWidget *button = gtk_button_new_with_mnemonic (label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.keep-side");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) i);
      gtk_flow_box_append (self->side_buttons, button);
      g_ptr_array_add (self->more_buttons, button);
    }
  /* A line asks for no more width than its buttons. */
  gtk_flow_box_set_max_children_per_line (self->side_buttons,
                                          CLAMP (n_sides (self), 2, GLOSSA_REVIEW_BAR_MAX_SIDES));
  update_buttons (self);
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
      description = n_sides (self) > 2
                    ? g_strdup (_("The annotators agree on every span of this article"))
                    : g_strdup_printf (_("%s and %s agree on every span of this article"),
                                       side_name (self, 0), side_name (self, 1));
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.keep-side", self->current >= 0);
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
  else if (g_str_equal (action_name, "review.keep-side"))
    glossa_review_bar_keep_side (self, (guint) MAX (g_variant_get_int32 (parameter), 0));
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
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->more_buttons, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, GlossaReviewBar, keep_both_button);
  gtk_widget_class_bind_template_child (widget_class, GlossaReviewBar, side_buttons);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "glossareviewbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);

  gtk_widget_class_install_action (widget_class, "review.next", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.previous", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.accept-a", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.accept-b", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.accept-both", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.accept-neither", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "review.keep-side", "i", review_action);
}

static void
glossa_review_bar_init (GlossaReviewBar *self)
{
  self->current = -1;
  self->rejected = g_hash_table_new (NULL, NULL);
  self->names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->names, g_strdup ("A"));
  g_ptr_array_add (self->names, g_strdup ("B"));
  self->more_buttons = g_ptr_array_new ();

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
  const char *names[] = { a_name ? a_name : "A", b_name ? b_name : "B", NULL };

  g_return_if_fail (GLOSSA_IS_REVIEW_BAR (self));

  glossa_review_bar_set_side_names (self, names);
}

/**
 * glossa_review_bar_set_side_names:
 * @names: (array zero-terminated=1): the annotators' names, A's first
 */
void
glossa_review_bar_set_side_names (GlossaReviewBar    *self,
                                  const char * const *names)
{
  g_return_if_fail (GLOSSA_IS_REVIEW_BAR (self));
  g_return_if_fail (names != NULL && names[0] != NULL && names[1] != NULL);

  g_ptr_array_set_size (self->names, 0);
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (self->names, g_strdup (names[i]));
  make_side_buttons (self);
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
  g_autoptr(GPtrArray) sides = g_ptr_array_new ();

  g_ptr_array_add (sides, a_spans);
  g_ptr_array_add (sides, b_spans);
  glossa_review_bar_set_sides (self, result, sides);
}

/**
 * glossa_review_bar_set_sides:
 * @result: the adjudicated set, shown and edited in the view
 * @sides: a GPtrArray of span arrays on the same article, one per
 *   annotator named by glossa_review_bar_set_side_names()
 */
void
glossa_review_bar_set_sides (GlossaReviewBar *self,
                             GlossaDocument  *result,
                             GPtrArray       *sides)
{
  glossa_review_bar_set_sides_with_links (self, result, sides, NULL);
}

/**
 * glossa_review_bar_set_sides_with_links:
 * @relations: (nullable): each side's links (a GPtrArray of
 *   GlossaRelation per side, nullable), as glossa_review_compare_links()
 *   takes them; %NULL compares no links
 *
 * As glossa_review_bar_set_sides(); a span the sides agree on but link
 * differently (a quote's source) is then a disagreement too.
 */
void
glossa_review_bar_set_sides_with_links (GlossaReviewBar *self,
                                        GlossaDocument  *result,
                                        GPtrArray       *sides,
                                        GPtrArray       *relations)
{
  g_return_if_fail (GLOSSA_IS_REVIEW_BAR (self));
  g_return_if_fail (GLOSSA_IS_DOCUMENT (result));
  g_return_if_fail (sides != NULL && sides->len >= 2);
  g_return_if_fail (relations == NULL || relations->len == sides->len);

  glossa_review_bar_clear (self);

  self->result = g_object_ref (result);
  glossa_document_set_mark_added (result, TRUE);
  g_signal_connect_object (result, "changed", G_CALLBACK (on_result_changed), self, G_CONNECT_SWAPPED);

  /* As the corpus list counts each article's (glossa-window-corpus.c). */
  self->all = glossa_review_compare_sides (sides, relations);
  self->items = g_ptr_array_new ();
  self->agreed = g_ptr_array_new ();
  for (guint i = 0; i < self->all->len; i++)
    {
      GlossaReviewItem *item = g_ptr_array_index (self->all, i);

      g_ptr_array_add (glossa_review_item_is_disagreement (item) ? self->items : self->agreed, item);
    }
  load_decisions (self);
  apply_marks (self);
  update_label (self);
}

void
glossa_review_bar_clear (GlossaReviewBar *self)
{
  g_return_if_fail (GLOSSA_IS_REVIEW_BAR (self));

  clear_marks (self);
  if (self->result != NULL)
    g_signal_handlers_disconnect_by_data (self->result, self);
  g_clear_object (&self->result);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->agreed, g_ptr_array_unref);
  g_clear_pointer (&self->all, g_ptr_array_unref);
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

/* The names of the sides that have @label in @item, NULL-terminated. */
static GPtrArray *
label_sources (GlossaReviewBar        *self,
               const GlossaReviewItem *item,
               GlossaLabel             label)
{
  GPtrArray *sources = g_ptr_array_new ();

  for (guint i = 0; i < item->n_sides; i++)
    if (item->sides[i] != NULL && item->sides[i]->label == label)
      g_ptr_array_add (sources, (gpointer) side_name (self, i));
  g_ptr_array_add (sources, NULL);
  return sources;
}

/* Makes @span's presence in the result what the decision says. A kept
 * span is a copy of the annotator's, with its provenance: @decision,
 * @sources (who had it), the reviewer and the time. A span already there
 * with another decision ("a" before a "both") is replaced.
 */
static void
ensure (GlossaReviewBar    *self,
        const GlossaSpan   *span,
        gboolean            present,
        const char         *decision,
        const char * const *sources,
        const char         *reviewed)
{
  g_autoptr(GlossaSpan) kept = NULL;
  GlossaSpan *existing = NULL;
  guint index;

  if (span == NULL)
    return;

  if (glossa_document_find_span (self->result, (GlossaSpan *) span, &index))
    existing = glossa_document_get_span (self->result, index);
  /* Another side's copy (a date's other value) is replaced too. */
  if (existing != NULL &&
      (!present || g_strcmp0 (glossa_merge_span_get_decision (existing), decision) != 0 ||
       !glossa_review_same_values (existing, span)))
    glossa_document_remove_span (self->result, existing->id, NULL);
  else if (existing != NULL)
    return;
  if (!present)
    return;

  kept = glossa_merge_span_with_review (span, decision, sources,
                                        reviewed ? glossa_document_get_user (self->result) : NULL,
                                        reviewed);
  glossa_document_add_span_copy (self->result, kept, NULL);
}

/* The links of side @side's span go with it; the error can only be a
 * link the result's schema refuses, which the reviewer is told of.
 */
static void
keep_link (GlossaReviewBar        *self,
           const GlossaReviewItem *item,
           guint                   side,
           const char             *decision,
           const char * const     *sources,
           const char             *reviewed)
{
  g_autoptr(GError) error = NULL;

  if (!glossa_review_keep_link (self->result, item, side, decision, sources, reviewed, &error))
    g_warning ("%s", error->message);
}

/* Adds the spans every annotator agrees on to an empty result, so that
 * the reviewer only has the disagreements left to decide.
 */
void
glossa_review_bar_seed_agreements (GlossaReviewBar *self)
{
  g_autoptr(GPtrArray) sources = NULL;

  g_return_if_fail (GLOSSA_IS_REVIEW_BAR (self));
  g_return_if_fail (self->result != NULL);

  /* Every side had it: every name, NULL-terminated, borrowed. */
  sources = g_ptr_array_new ();
  for (guint i = 0; i < self->names->len; i++)
    g_ptr_array_add (sources, g_ptr_array_index (self->names, i));
  g_ptr_array_add (sources, NULL);
  glossa_document_begin_group (self->result, _("Take the agreed spans"));
  for (guint i = 0; i < self->agreed->len; i++)
    {
      GlossaReviewItem *item = g_ptr_array_index (self->agreed, i);
      g_autoptr(GlossaSpan) agreed = glossa_merge_span_with_review (item->sides[0], "agreed",
                                                                    (const char * const *) sources->pdata,
                                                                    NULL, NULL);

      glossa_document_add_span_copy (self->result, agreed, NULL);
    }
  /* Then the links every side drew alike, once their targets are in. */
  for (guint i = 0; i < self->agreed->len; i++)
    keep_link (self, g_ptr_array_index (self->agreed, i), 0, "agreed",
               (const char * const *) sources->pdata, NULL);
  glossa_document_end_group (self->result);
  update_label (self);
}

static void
add_option (JsonArray          *options,
            GlossaLabel         label,
            const char * const *sources)
{
  JsonObject *option = json_object_new ();
  JsonArray *names = json_array_new ();

  json_object_set_string_member (option, "label", glossa_label_to_string (label));
  for (guint i = 0; sources[i] != NULL; i++)
    json_array_add_string_element (names, sources[i]);
  json_object_set_array_member (option, "sources", names);
  json_array_add_object_element (options, option);
}

/* The record of a decision (glossa-merge.h documents it): one option per
 * label, and the labels kept.
 */
static JsonNode *
decision_record (GlossaReviewBar        *self,
                 const GlossaReviewItem *item,
                 const char             *decision,
                 GArray                 *kept_labels,
                 const char             *reviewed)
{
  JsonObject *record = json_object_new ();
  JsonArray *options = json_array_new ();
  JsonArray *kept = json_array_new ();
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (GlossaLabel));
  const char *user = glossa_document_get_user (self->result);
  const GlossaSpan *any = NULL;
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < item->n_sides && any == NULL; i++)
    any = item->sides[i];
  glossa_review_item_get_options (item, labels, NULL);
  for (guint i = 0; i < labels->len; i++)
    {
      GlossaLabel label = g_array_index (labels, GlossaLabel, i);
      g_autoptr(GPtrArray) sources = label_sources (self, item, label);

      add_option (options, label, (const char * const *) sources->pdata);
    }
  for (guint i = 0; i < kept_labels->len; i++)
    json_array_add_string_element (kept, glossa_label_to_string (g_array_index (kept_labels, GlossaLabel, i)));

  json_object_set_int_member (record, "start", item->start);
  json_object_set_int_member (record, "end", item->end);
  json_object_set_string_member (record, "text", any->text);
  json_object_set_array_member (record, "options", options);
  json_object_set_string_member (record, "decision", decision);
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

/* Replaces the decisions of @decided (items), if any, by @records. */
static void
record_decisions (GlossaReviewBar *self,
                  GPtrArray       *decided,
                  GPtrArray       *records)
{
  JsonArray *old = get_decisions (self);
  JsonArray *decisions = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; old != NULL && i < json_array_get_length (old); i++)
    {
      JsonNode *record = json_array_get_element (old, i);
      gboolean replaced = FALSE;

      for (guint j = 0; j < decided->len && !replaced; j++)
        replaced = glossa_review_decision_matches (record, g_ptr_array_index (decided, j));
      if (!replaced)
        json_array_add_element (decisions, json_node_copy (record));
    }
  for (guint i = 0; i < records->len; i++)
    json_array_add_element (decisions, json_node_ref (g_ptr_array_index (records, i)));
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

static gboolean
has_label (GArray      *labels,
           GlossaLabel  label)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_array_index (labels, GlossaLabel, i) == label)
      return TRUE;
  return FALSE;
}

/* Makes @item's spans in the result those of @kept (labels): for each
 * label, @prefer's copy when it has that label, else the first side's.
 * Returns the record of the decision.
 */
static JsonNode *
decide (GlossaReviewBar        *self,
        const GlossaReviewItem *item,
        const char             *decision,
        GArray                 *kept,
        int                     prefer,
        const char             *reviewed)
{
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (GlossaLabel));

  glossa_review_item_get_options (item, labels, NULL);
  for (guint i = 0; i < labels->len; i++)
    {
      GlossaLabel label = g_array_index (labels, GlossaLabel, i);
      g_autoptr(GPtrArray) sources = label_sources (self, item, label);
      const GlossaSpan *span = NULL;

      if (prefer >= 0 && item->sides[prefer] != NULL && item->sides[prefer]->label == label)
        span = item->sides[prefer];
      for (guint j = 0; j < item->n_sides && span == NULL; j++)
        if (item->sides[j] != NULL && item->sides[j]->label == label)
          span = item->sides[j];
      ensure (self, span, has_label (kept, label), decision,
              (const char * const *) sources->pdata, reviewed);
      if (item->kind == GLOSSA_REVIEW_LINK_CONFLICT && has_label (kept, label))
        keep_link (self, item, MAX (prefer, 0), decision, (const char * const *) sources->pdata, reviewed);
    }
  if (g_str_equal (decision, "neither"))
    g_hash_table_add (self->rejected, (gpointer) item);
  else
    g_hash_table_remove (self->rejected, item);
  return decision_record (self, item, decision, kept, reviewed);
}

/* The decision's name: between two sides "a", "b", "both" as ever; among
 * more, "kept" with the labels kept.
 */
static const char *
decision_name (GlossaReviewBar    *self,
               GlossaReviewChoice  choice,
               int                 side)
{
  if (choice == GLOSSA_REVIEW_ACCEPT_NEITHER)
    return "neither";
  if (n_sides (self) > 2)
    return "kept";
  if (choice == GLOSSA_REVIEW_ACCEPT_BOTH)
    return "both";
  return side == 0 ? "a" : "b";
}

/* @side: the side kept, or -1 with @choice BOTH (every side) or NEITHER. */
static gboolean
accept_current (GlossaReviewBar    *self,
                GlossaReviewChoice  choice,
                int                 side)
{
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (GlossaLabel));
  g_autoptr(GPtrArray) decided = g_ptr_array_new ();
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autofree char *reviewed = now_iso8601 ();
  GlossaReviewItem *item;

  if (self->items == NULL || self->current < 0 || glossa_document_get_read_only (self->result))
    return FALSE;

  item = g_ptr_array_index (self->items, self->current);
  if (side >= (int) item->n_sides || (side >= 0 && item->sides[side] == NULL && n_sides (self) > 2))
    return FALSE;
  if (choice == GLOSSA_REVIEW_ACCEPT_BOTH)
    glossa_review_item_get_options (item, kept, NULL);
  else if (side >= 0 && item->sides[side] != NULL)
    g_array_append_val (kept, item->sides[side]->label);

  glossa_document_begin_group (self->result, _("Adjudicate"));
  g_ptr_array_add (decided, item);
  g_ptr_array_add (records, decide (self, item, decision_name (self, choice, side), kept, side, reviewed));
  glossa_document_end_group (self->result);
  record_decisions (self, decided, records);

  /* Deciding moves on to what is left, so a run of decisions is one key
   * each; with nothing left the bar stays on the last decision.
   */
  if (!go_to (self, 1, TRUE))
    select_current (self);
  return TRUE;
}

gboolean
glossa_review_bar_accept (GlossaReviewBar    *self,
                          GlossaReviewChoice  choice)
{
  g_return_val_if_fail (GLOSSA_IS_REVIEW_BAR (self), FALSE);

  switch (choice)
    {
    case GLOSSA_REVIEW_ACCEPT_A:
      return accept_current (self, choice, 0);
    case GLOSSA_REVIEW_ACCEPT_B:
      return accept_current (self, choice, 1);
    case GLOSSA_REVIEW_ACCEPT_BOTH:
    case GLOSSA_REVIEW_ACCEPT_NEITHER:
    default:
      return accept_current (self, choice, -1);
    }
}

/**
 * glossa_review_bar_keep_side:
 * @side: 0 for A, 1 for B, 2 for C…
 *
 * Keeps that side's span of the current disagreement and no other. Among
 * three or more sides, a side with no span there cannot be kept (that is
 * Neither); between two it can, as Keep A and Keep B always could.
 */
gboolean
glossa_review_bar_keep_side (GlossaReviewBar *self,
                             guint            side)
{
  g_return_val_if_fail (GLOSSA_IS_REVIEW_BAR (self), FALSE);

  if (side >= n_sides (self))
    return FALSE;
  return accept_current (self, side == 0 ? GLOSSA_REVIEW_ACCEPT_A : GLOSSA_REVIEW_ACCEPT_B, (int) side);
}

/**
 * glossa_review_bar_accept_majority:
 *
 * Decides, as one undoable step, every undecided disagreement on which a
 * strict majority of the sides agree: their span is kept with the
 * decision "majority". The others are left to decide.
 *
 * Returns: how many were decided
 */
guint
glossa_review_bar_accept_majority (GlossaReviewBar *self)
{
  g_autoptr(GPtrArray) decided = g_ptr_array_new ();
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autofree char *reviewed = now_iso8601 ();

  g_return_val_if_fail (GLOSSA_IS_REVIEW_BAR (self), 0);
  g_return_val_if_fail (self->result != NULL, 0);

  glossa_document_begin_group (self->result, _("Accept the majority"));
  for (guint i = 0; i < self->items->len; i++)
    {
      GlossaReviewItem *item = g_ptr_array_index (self->items, i);
      int side = glossa_review_item_get_majority_side (item);
      g_autoptr(GArray) kept = NULL;

      if (side < 0 || is_decided (self, item))
        continue;
      kept = g_array_new (FALSE, FALSE, sizeof (GlossaLabel));
      g_array_append_val (kept, item->sides[side]->label);
      g_ptr_array_add (decided, item);
      g_ptr_array_add (records, decide (self, item, "majority", kept, side, reviewed));
    }
  glossa_document_end_group (self->result);
  if (decided->len > 0)
    record_decisions (self, decided, records);
  apply_marks (self);
  update_label (self);
  return decided->len;
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
