/* glossa-window-schema.c: the window's Labels… editor: opening it, and following what it saves
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-schema-editor.h"
#include "glossa-window-private.h"

/* The editor writes glossa-schema.json (and, to rename, the corpus's
 * annotation files) through the core; the window then opens the corpus or
 * the article again, which reads the new labels everywhere at once:
 * buttons, keys, colours, the list's counts and the shortcuts.
 */

/* Before a rename, every edit of the article shown must be on disk. */
static gboolean
on_editor_prepare (GlossaSchemaEditor *editor,
                   GlossaWindow       *self)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (self->document == NULL || self->saver == NULL)
    return TRUE;
  if (glossa_window_flush (self, &error) && !glossa_saver_get_unsaved (self->saver))
    return TRUE;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (editor), _("Label Not Renamed"), NULL));
  adw_message_dialog_format_body (dialog, _("The open article’s annotations could not be saved first: %s"),
                                  error ? error->message : glossa_saver_get_error (self->saver)->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/* The file of the article shown, or NULL (an article of no file). */
static GFile *
dup_article_file (GlossaWindow *self)
{
  GFile *file;

  if (self->document == NULL)
    return NULL;
  file = glossa_article_get_file (glossa_document_get_article (self->document));
  return file != NULL ? g_object_ref (file) : NULL;
}

static void
on_editor_saved (GlossaSchemaEditor *editor,
                 GlossaWindow       *self)
{
  g_autoptr(GFile) article = NULL;

  if (self->corpus != NULL)
    {
      g_autoptr(GFile) root = g_object_ref (glossa_corpus_get_file (self->corpus));

      _glossa_window_open_corpus (self, root);
      return;
    }
  if ((article = dup_article_file (self)) != NULL)
    glossa_window_open_file (self, article);
}

/* The corpus's labels, or those of the folder of an article opened alone. */
static GlossaSchemaEditor *
editor_new (GlossaWindow *self)
{
  g_autoptr(GFile) article = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->corpus != NULL)
    return glossa_schema_editor_new (glossa_corpus_get_file (self->corpus), FALSE);
  if ((article = dup_article_file (self)) == NULL || (folder = g_file_get_parent (article)) == NULL)
    return NULL;
  return glossa_schema_editor_new (folder, TRUE);
}

static void
edit_labels_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  GlossaSchemaEditor *editor;

  /* Saving opens the corpus again, which would end the review. */
  if (self->review_source != NULL)
    {
      _glossa_window_show_message (self, _("Stop reviewing to edit the labels"));
      return;
    }
  editor = editor_new (self);
  if (editor == NULL)
    {
      _glossa_window_show_message (self, _("Open an article or a corpus to edit its labels"));
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (editor), TRUE);
  g_signal_connect_object (editor, "prepare", G_CALLBACK (on_editor_prepare), self, 0);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

void
_glossa_window_class_schema_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.edit-labels", NULL, edit_labels_action);
}
