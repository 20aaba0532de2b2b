/* glossa-search-bar.c: beside Find in the article, "3 of 12", previous, next and Tag All in Article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-search-bar.h"
#include "glossa-schema.h"
#include "glossa-search.h"

struct _GlossaSearchBar
{
  GtkWidget               parent_instance;

  GtkLabel               *count_label;
  GtkMenuButton          *tag_button;

  GtkSourceSearchContext *context;
  GlossaDocument         *document;
  GtkTextBuffer          *buffer;
  GtkTextView            *view;     /* weak */
  gulong                  count_handler;
  gulong                  mark_handler;
};

G_DEFINE_FINAL_TYPE (GlossaSearchBar, glossa_search_bar, GTK_TYPE_WIDGET)

enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Tag All in Article offers the labels of the document's schema (those its
 * label buttons show), the built-in ones while there is no document.
 */
static void
update_tag_menu (GlossaSearchBar *self)
{
  g_autoptr(GlossaSchema) schema = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();

  schema = self->document != NULL ? glossa_schema_ref (glossa_document_get_schema (self->document))
                                  : glossa_schema_get_default ();
  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    {
      const char *name = glossa_label_to_string (glossa_schema_get_label (schema, i)->name);
      /* Translators: a menu item, e.g. "Tag All in Article as actor" */
      g_autofree char *text = g_strdup_printf (_("Tag All in Article as %s"), name);
      g_autoptr(GMenuItem) item = g_menu_item_new (text, NULL);

      g_menu_item_set_action_and_target_value (item, "search-bar.tag-all", g_variant_new_string (name));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->tag_button, G_MENU_MODEL (menu));
}

static void
update_count (GlossaSearchBar *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  int count, position;

  if (self->context == NULL ||
      gtk_source_search_settings_get_search_text (gtk_source_search_context_get_settings (self->context)) == NULL)
    {
      gtk_label_set_label (self->count_label, "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->tag_button), FALSE);
      return;
    }

  /* -1 while the context is still counting: it says so again when done. */
  count = gtk_source_search_context_get_occurrences_count (self->context);
  gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end);
  position = gtk_source_search_context_get_occurrence_position (self->context, &start, &end);
  if (count < 0)
    text = g_strdup ("");
  else if (count == 0)
    text = g_strdup (_("No matches"));
  else if (position > 0)
    /* Translators: "3 of 12": the selected match and how many there are. */
    text = g_strdup_printf (_("%d of %d"), position, count);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d match", "%d matches", count), count);
  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_button),
                            count > 0 && self->document != NULL && !glossa_document_get_read_only (self->document));
}

static void
on_mark_set (GlossaSearchBar *self,
             GtkTextIter     *location,
             GtkTextMark     *mark)
{
  if (mark == gtk_text_buffer_get_insert (self->buffer) ||
      mark == gtk_text_buffer_get_selection_bound (self->buffer))
    update_count (self);
}

static void
disconnect (GlossaSearchBar *self)
{
  if (self->context != NULL)
    g_clear_signal_handler (&self->count_handler, self->context);
  if (self->buffer != NULL)
    g_clear_signal_handler (&self->mark_handler, self->buffer);
  g_clear_object (&self->context);
  g_clear_object (&self->buffer);
  g_clear_object (&self->document);
  g_clear_weak_pointer (&self->view);
}

void
glossa_search_bar_set_context (GlossaSearchBar        *self,
                               GtkSourceSearchContext *context,
                               GlossaDocument         *document,
                               GtkTextView            *view)
{
  g_return_if_fail (GLOSSA_IS_SEARCH_BAR (self));
  g_return_if_fail (context == NULL || GTK_SOURCE_IS_SEARCH_CONTEXT (context));

  disconnect (self);
  if (context != NULL)
    {
      self->context = g_object_ref (context);
      self->buffer = g_object_ref (GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (context)));
      self->count_handler = g_signal_connect_swapped (context, "notify::occurrences-count",
                                                      G_CALLBACK (update_count), self);
      self->mark_handler = g_signal_connect_swapped (self->buffer, "mark-set", G_CALLBACK (on_mark_set), self);
    }
  g_set_object (&self->document, document);
  g_set_weak_pointer (&self->view, view);
  update_tag_menu (self);
  update_count (self);
}

void
glossa_search_bar_move (GlossaSearchBar *self,
                        gboolean         forward)
{
  GtkTextIter start, end, match_start, match_end;
  gboolean found;

  g_return_if_fail (GLOSSA_IS_SEARCH_BAR (self));

  if (self->context == NULL)
    return;
  gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end);
  if (forward)
    found = gtk_source_search_context_forward (self->context, &end, &match_start, &match_end, NULL);
  else
    found = gtk_source_search_context_backward (self->context, &start, &match_start, &match_end, NULL);
  if (!found)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  gtk_text_buffer_select_range (self->buffer, &match_start, &match_end);
  if (self->view != NULL)
    gtk_text_view_scroll_to_mark (self->view, gtk_text_buffer_get_insert (self->buffer), 0.1, FALSE, 0, 0);
}

const char *
glossa_search_bar_get_count (GlossaSearchBar *self)
{
  g_return_val_if_fail (GLOSSA_IS_SEARCH_BAR (self), NULL);
  return gtk_label_get_label (self->count_label);
}

/* The core's query for what the article's search context looks for, so
 * that Tag All tags what is highlighted.
 */
static GlossaSearch *
search_from_settings (GtkSourceSearchSettings  *settings,
                      GError                  **error)
{
  GlossaSearchFlags flags = GLOSSA_SEARCH_DEFAULT;

  if (gtk_source_search_settings_get_case_sensitive (settings))
    flags |= GLOSSA_SEARCH_MATCH_CASE;
  if (gtk_source_search_settings_get_at_word_boundaries (settings))
    flags |= GLOSSA_SEARCH_WHOLE_WORD;
  if (gtk_source_search_settings_get_regex_enabled (settings))
    flags |= GLOSSA_SEARCH_REGEX;
  return glossa_search_new (gtk_source_search_settings_get_search_text (settings), flags, error);
}

static void
tag_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlossaSearchBar *self = GLOSSA_SEARCH_BAR (widget);
  g_autoptr(GlossaSearch) search = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GlossaSearchTagCounts counts;
  GlossaLabel label;

  if (self->context == NULL || self->document == NULL ||
      !glossa_label_from_string (g_variant_get_string (parameter, NULL), &label))
    return;
  if (!(search = search_from_settings (gtk_source_search_context_get_settings (self->context), &error)) ||
      !glossa_search_tag_document (search, self->document, label, TRUE, &counts, NULL, &error))
    {
      g_signal_emit (self, signals[MESSAGE], 0, error->message);
      return;
    }
  message = glossa_search_describe_tagged (counts.tagged, glossa_schema_title_of (self->document != NULL ? glossa_document_get_schema (self->document) : NULL, label),
                                           counts.crossing, 0, NULL);
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  glossa_search_bar_move (GLOSSA_SEARCH_BAR (widget), g_str_equal (action_name, "search-bar.next"));
}

static void
glossa_search_bar_dispose (GObject *object)
{
  GlossaSearchBar *self = GLOSSA_SEARCH_BAR (object);
  GtkWidget *child;

  disconnect (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSSA_TYPE_SEARCH_BAR);
  /* The box holding them is not bound, so it is let go of here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (glossa_search_bar_parent_class)->dispose (object);
}

static void
glossa_search_bar_class_init (GlossaSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = glossa_search_bar_dispose;

  /* A message for the window to show, e.g. how many were tagged. */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/glossa/Glossa/glossa-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossaSearchBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaSearchBar, tag_button);
  gtk_widget_class_install_action (widget_class, "search-bar.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "search-bar.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "search-bar.tag-all", "s", tag_all_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
glossa_search_bar_init (GlossaSearchBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_tag_menu (self);
  update_count (self);
}
