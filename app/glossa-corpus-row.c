/* glossa-corpus-row.c: one article in the corpus sidebar
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "glossa-corpus-row.h"

struct _GlossaCorpusRow
{
  GtkWidget         parent_instance;

  GlossaCorpusItem *item;
  GSignalGroup     *item_signals;

  GtkLabel         *name_label;
  GtkLabel         *id_label;
  GtkLabel         *date_label;
  GtkLabel         *status_label;
  GtkLabel         *count_label;
};

G_DEFINE_FINAL_TYPE (GlossaCorpusRow, glossa_corpus_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
status_text (GlossaStatus status)
{
  switch (status)
    {
    case GLOSSA_STATUS_IN_PROGRESS:
      return C_("status", "In progress");
    case GLOSSA_STATUS_DONE:
      return C_("status", "Done");
    case GLOSSA_STATUS_TODO:
    default:
      return C_("status", "To do");
    }
}

static const char * const status_classes[] = { "status-todo", "status-in-progress", "status-done" };

static void
update_status (GlossaCorpusRow *self)
{
  GtkWidget *label = GTK_WIDGET (self->status_label);
  GlossaStatus status = GLOSSA_STATUS_TODO;
  const GError *error;
  g_autofree char *count = NULL;
  guint n_spans = 0;
  gboolean loaded = FALSE;

  if (self->item != NULL)
    {
      status = glossa_corpus_item_get_status (self->item);
      n_spans = glossa_corpus_item_get_n_spans (self->item);
      loaded = glossa_corpus_item_get_loaded (self->item);
    }

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (label, status_classes[i]);
  gtk_widget_remove_css_class (label, "error");

  /* An article that cannot be read has no status worth showing: "To do"
   * would promise work that cannot be done.
   */
  error = self->item ? glossa_corpus_item_get_error (self->item) : NULL;
  if (error != NULL)
    {
      gtk_widget_add_css_class (label, "error");
      gtk_label_set_text (self->status_label, C_("status", "Cannot be read"));
      gtk_widget_set_tooltip_text (label, error->message);
      gtk_label_set_text (self->count_label, "");
      return;
    }

  gtk_widget_add_css_class (label, status_classes[status]);
  gtk_label_set_text (self->status_label, loaded ? status_text (status) : "");
  gtk_widget_set_tooltip_text (label, NULL);

  count = loaded ? g_strdup_printf (ngettext ("%u span", "%u spans", n_spans), n_spans) : g_strdup ("");
  /* In review, what is left to decide matters more than A's spans. */
  if (self->item != NULL && glossa_corpus_item_get_review_left (self->item) > 0)
    {
      int left = glossa_corpus_item_get_review_left (self->item);

      g_free (count);
      count = g_strdup_printf (ngettext ("%d left to decide", "%d left to decide", left), left);
    }
  else if (self->item != NULL && glossa_corpus_item_get_review_left (self->item) == 0)
    {
      g_free (count);
      count = g_strdup (_("all decided"));
    }
  gtk_label_set_text (self->count_label, count);
}

/* A title on one line: every run of white space (line breaks included)
 * becomes one space, so that rows keep one height.
 */
static char *
one_line (const char *text)
{
  GString *line = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x2028 || c == 0x2029)
        space = line->len > 0;
      else
        {
          if (space)
            g_string_append_c (line, ' ');
          space = FALSE;
          g_string_append_unichar (line, c);
        }
    }
  return g_string_free (line, FALSE);
}

static void
update_all (GlossaCorpusRow *self)
{
  const char *title = NULL, *name = NULL, *date = NULL;
  g_autofree char *line = NULL;
  g_autofree char *tooltip = NULL;

  if (self->item != NULL)
    {
      title = glossa_corpus_item_get_title (self->item);
      name = glossa_corpus_item_get_name (self->item);
      date = glossa_corpus_item_get_date (self->item);
    }
  if (title != NULL)
    line = one_line (title);

  /* A title (JSONL) is cut at its end, its id under it; a name alone (a
   * path) is cut in the middle, where its folders meet the file name.
   */
  if (line != NULL && *line != '\0')
    {
      gtk_label_set_text (self->name_label, line);
      gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
      gtk_label_set_text (self->id_label, name ? name : "");
      gtk_widget_set_visible (GTK_WIDGET (self->id_label), name != NULL);
      tooltip = g_strdup_printf ("%s\n%s", title, name ? name : "");
    }
  else
    {
      gtk_label_set_text (self->name_label, name ? name : "");
      gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_visible (GTK_WIDGET (self->id_label), FALSE);
      tooltip = g_strdup (name);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), tooltip);
  gtk_label_set_text (self->date_label, date ? date : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), date != NULL);
  update_status (self);
}

static void
glossa_corpus_row_dispose (GObject *object)
{
  GlossaCorpusRow *self = (GlossaCorpusRow *)object;
  GtkWidget *child;

  /* The template's root is not a bound child: unparent it ourselves. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSSA_TYPE_CORPUS_ROW);
  g_clear_object (&self->item_signals);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (glossa_corpus_row_parent_class)->dispose (object);
}

static void
glossa_corpus_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GlossaCorpusRow *self = GLOSSA_CORPUS_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_corpus_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GlossaCorpusRow *self = GLOSSA_CORPUS_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      glossa_corpus_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_corpus_row_class_init (GlossaCorpusRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = glossa_corpus_row_dispose;
  object_class->get_property = glossa_corpus_row_get_property;
  object_class->set_property = glossa_corpus_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, GLOSSA_TYPE_CORPUS_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/glossa-corpus-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossaCorpusRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaCorpusRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaCorpusRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaCorpusRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaCorpusRow, count_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "glossacorpusrow");
}

static void
glossa_corpus_row_init (GlossaCorpusRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Statuses arrive in the background after the list is shown. */
  self->item_signals = g_signal_group_new (GLOSSA_TYPE_CORPUS_ITEM);
  g_signal_group_connect_object (self->item_signals, "notify::status",
                                 G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->item_signals, "notify::n-spans",
                                 G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->item_signals, "notify::loaded",
                                 G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->item_signals, "notify::error",
                                 G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->item_signals, "notify::date",
                                 G_CALLBACK (update_all), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->item_signals, "notify::review-left",
                                 G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
}

GtkWidget *
glossa_corpus_row_new (void)
{
  return g_object_new (GLOSSA_TYPE_CORPUS_ROW, NULL);
}

GlossaCorpusItem *
glossa_corpus_row_get_item (GlossaCorpusRow *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ROW (self), NULL);
  return self->item;
}

void
glossa_corpus_row_set_item (GlossaCorpusRow  *self,
                            GlossaCorpusItem *item)
{
  g_return_if_fail (GLOSSA_IS_CORPUS_ROW (self));
  g_return_if_fail (!item || GLOSSA_IS_CORPUS_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  g_signal_group_set_target (self->item_signals, item);
  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
