/* glossa-span-row.c: one row of the span list
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-label-swatch.h"
#include "glossa-schema.h"
#include "glossa-span-row.h"

struct _GlossaSpanRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkWidget *swatch;
  GtkLabel  *label_label;
  GtkLabel  *text_label;
  GtkLabel  *position_label;
  GtkWidget *note_image;
  GtkWidget *detail_box;
  GtkLabel  *detail_label;
  GtkWidget *note_box;
  GtkLabel  *note_label;
  GtkLabel  *links_label;

  char      *label_class;
  /* The document's schema, for the label's title and colour. */
  GlossaSchema *schema;
  GlossaLabel   swatch_label;
  /* The span shown, or NULL. Spans are never changed once in a document
   * (an edit replaces them), so the same pointer means the same content.
   * A reference keeps its address from being reused by another span.
   */
  GlossaSpan *span;
  /* Selected rows grow to show the whole text and the note. */
  gboolean    expanded;
};

G_DEFINE_FINAL_TYPE (GlossaSpanRow, glossa_span_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A tooltip is a popup, not a reader: a span longer than this (a whole
 * article tagged as a claim, say) is cut there; the expanded row has it all.
 */
#define TOOLTIP_MAX_CHARS 4000

/* A label as the user reads it: the built-in schema's translated title,
 * or else its name; the file keeps the name.
 */
static const char *
label_title (GlossaSpanRow *self,
             GlossaLabel    label)
{
  /* The row holds its schema, so the title lives on. */
  return glossa_schema_title_of (self->schema, label);
}

/* Parsing CSS for every bind would slow scrolling: only when the label
 * changes.
 */
static void
update_swatch (GlossaSpanRow *self,
               GlossaLabel    label)
{
  const GlossaSchemaLabel *entry;

  if (self->schema == NULL || label == self->swatch_label)
    return;
  entry = glossa_schema_find_label (self->schema, label);
  if (entry == NULL)
    return;
  glossa_label_swatch_set_color (self->swatch, entry);
  self->swatch_label = label;
}

/**
 * glossa_span_row_set_schema:
 * @schema: (nullable): the schema the row's spans belong to
 *
 * Rows show their label's title and colour from @schema, the built-in
 * one without.
 */
void
glossa_span_row_set_schema (GlossaSpanRow *self,
                            GlossaSchema  *schema)
{
  g_return_if_fail (GLOSSA_IS_SPAN_ROW (self));

  if (self->schema == schema)
    return;
  g_clear_pointer (&self->schema, glossa_schema_unref);
  self->schema = schema ? glossa_schema_ref (schema) : NULL;
  self->swatch_label = 0;
  /* The next glossa_span_row_set_span() fills the row again. */
  g_clear_pointer (&self->span, glossa_span_unref);
}

GtkWidget *
glossa_span_row_new (void)
{
  return g_object_new (GLOSSA_TYPE_SPAN_ROW, NULL);
}

static void
glossa_span_row_set_tooltip (GlossaSpanRow *self,
                             const char    *text)
{
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (text, TOOLTIP_MAX_CHARS + 1) > TOOLTIP_MAX_CHARS)
    {
      cut = g_utf8_substring (text, 0, TOOLTIP_MAX_CHARS);
      cut = g_strconcat (g_steal_pointer (&cut), "…", NULL);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->text_label), cut != NULL ? cut : text);
}

/* Collapsed: at most three lines beside the label, and the note as an
 * icon (its text in the tooltip). Expanded: the whole text and the note
 * below, the row's full width.
 */
static void
glossa_span_row_update_expanded (GlossaSpanRow *self)
{
  gboolean has_note = self->span != NULL && self->span->note != NULL;

  /* The detail's label is filled only when shown: most rows never are. */
  gtk_label_set_text (self->detail_label, self->expanded && self->span != NULL ? self->span->text : "");
  gtk_widget_set_visible (self->detail_box, self->expanded);
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), !self->expanded);
  gtk_widget_set_hexpand (GTK_WIDGET (self->position_label), self->expanded);
  gtk_widget_set_visible (self->note_box, has_note);
  gtk_widget_set_visible (self->note_image, !self->expanded && has_note);
}

gboolean
glossa_span_row_get_expanded (GlossaSpanRow *self)
{
  g_return_val_if_fail (GLOSSA_IS_SPAN_ROW (self), FALSE);

  return self->expanded;
}

void
glossa_span_row_set_expanded (GlossaSpanRow *self,
                              gboolean       expanded)
{
  g_return_if_fail (GLOSSA_IS_SPAN_ROW (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;
  self->expanded = expanded;
  glossa_span_row_update_expanded (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

void
glossa_span_row_set_span (GlossaSpanRow *self,
                          GlossaSpan    *span)
{
  g_autofree char *position = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (GLOSSA_IS_SPAN_ROW (self));

  /* GTK 4.8's list views rebind every row whose position moves, with the
   * same item: refilling the labels each time cost more than a millisecond
   * per edit over a screenful of rows.
   */
  if (span == self->span)
    return;
  g_clear_pointer (&self->span, glossa_span_unref);
  if (span != NULL)
    self->span = glossa_span_ref (span);

  if (self->label_class != NULL)
    gtk_widget_remove_css_class (self->swatch, self->label_class);
  g_clear_pointer (&self->label_class, g_free);

  if (span == NULL)
    return;

  self->label_class = g_strdup_printf ("label-%s", glossa_label_to_string (span->label));
  gtk_widget_add_css_class (self->swatch, self->label_class);
  update_swatch (self, span->label);

  /* Line breaks inside a span would make rows of different heights. */
  text = g_strdelimit (g_strdup (span->text), "\r\n\t", ' ');
  position = g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, span->start, span->end);
  gtk_label_set_text (self->label_label, label_title (self, span->label));
  gtk_label_set_text (self->text_label, text);
  glossa_span_row_set_tooltip (self, span->text);
  gtk_label_set_text (self->position_label, position);
  gtk_label_set_text (self->note_label, span->note != NULL ? span->note : "");
  gtk_widget_set_tooltip_text (self->note_image, span->note);
  glossa_span_row_update_expanded (self);

  if (span->note != NULL)
    description = g_strdup_printf (_("%s: “%s”, characters %s, note: %s"),
                                   label_title (self, span->label), text, position, span->note);
  else
    description = g_strdup_printf (_("%s: “%s”, characters %s"), label_title (self, span->label), text, position);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
glossa_span_row_dispose (GObject *object)
{
  GtkWidget *child;
  GlossaSpanRow *self = GLOSSA_SPAN_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSSA_TYPE_SPAN_ROW);
  /* The template's root box is not a bound child: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->label_class, g_free);
  g_clear_pointer (&self->schema, glossa_schema_unref);
  g_clear_pointer (&self->span, glossa_span_unref);

  G_OBJECT_CLASS (glossa_span_row_parent_class)->dispose (object);
}

static void
glossa_span_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlossaSpanRow *self = GLOSSA_SPAN_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      g_value_set_boolean (value, self->expanded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_span_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GlossaSpanRow *self = GLOSSA_SPAN_ROW (object);

  switch (prop_id)
    {
    case PROP_EXPANDED:
      glossa_span_row_set_expanded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_span_row_class_init (GlossaSpanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = glossa_span_row_dispose;
  object_class->get_property = glossa_span_row_get_property;
  object_class->set_property = glossa_span_row_set_property;

  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/glossa-span-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanRow, box);
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanRow, label_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanRow, position_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanRow, note_image);
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanRow, detail_box);
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanRow, note_box);
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanRow, links_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "spanrow");
}

static void
glossa_span_row_init (GlossaSpanRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * glossa_span_row_set_links:
 * @text: (nullable): the span's links ("← Vladimir Putin", "Source of 3
 *   statements") or a date's value, on a line of its own; %NULL for none
 *
 * Set on every bind and whenever the document's links change: the links
 * change without the span changing.
 */
void
glossa_span_row_set_links (GlossaSpanRow *self,
                           const char    *text)
{
  g_return_if_fail (GLOSSA_IS_SPAN_ROW (self));

  if (g_strcmp0 (gtk_label_get_text (self->links_label), text ? text : "") != 0)
    gtk_label_set_text (self->links_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->links_label), text != NULL);
}

GlossaSpan *
glossa_span_row_get_span (GlossaSpanRow *self)
{
  g_return_val_if_fail (GLOSSA_IS_SPAN_ROW (self), NULL);
  return self->span;
}

const char *
glossa_span_row_get_links (GlossaSpanRow *self)
{
  g_return_val_if_fail (GLOSSA_IS_SPAN_ROW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->links_label)) ? gtk_label_get_text (self->links_label) : NULL;
}
