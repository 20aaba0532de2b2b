/* glossa-window.c: the annotation window, one article at a time
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-application.h"
#include "glossa-error.h"
#include "glossa-resources.h"
#include "glossa-schema.h"
#include "glossa-storage.h"
#include "glossa-window-private.h"

G_DEFINE_FINAL_TYPE (GlossaWindow, glossa_window, ADW_TYPE_APPLICATION_WINDOW)

/* Every change is written by the document's saver (the core's autosave,
 * bound to auto-save-delay), on closing, and at once on Ctrl+S. A save
 * that fails is kept: the document stays modified, the save bar says so
 * until a save succeeds, the edits go to a recovery copy, and closing
 * asks. A document that failed to load is read-only and never written.
 */

GlossaDocument *
glossa_window_get_document (GlossaWindow *self)
{
  g_return_val_if_fail (GLOSSA_IS_WINDOW (self), NULL);

  return self->document;
}

const char *
glossa_window_get_selected_span (GlossaWindow *self)
{
  g_return_val_if_fail (GLOSSA_IS_WINDOW (self), NULL);

  return self->selected_id;
}

static gboolean
can_write (GlossaWindow *self)
{
  return self->document != NULL
      && !glossa_document_get_read_only (self->document)
      && !self->conflict;
}

/**
 * glossa_window_get_saving:
 *
 * Returns: whether a change is waiting to be written or being written; a
 *   change that failed to be written is not waiting (see the save bar).
 */
gboolean
glossa_window_get_saving (GlossaWindow *self)
{
  g_return_val_if_fail (GLOSSA_IS_WINDOW (self), FALSE);

  if (self->saver == NULL)
    return FALSE;
  return glossa_saver_get_saving (self->saver)
      || (can_write (self) && glossa_saver_get_modified (self->saver)
          && glossa_saver_get_error (self->saver) == NULL);
}

/* Shows plain @text as a toast. Toast titles are Pango markup in
 * libadwaita 1.2, and messages hold file names and the file's own text.
 */
void
_glossa_window_show_message (GlossaWindow *self,
                             const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

void
_glossa_window_show_error (GlossaWindow *self,
                           const GError *error)
{
  _glossa_window_show_message (self, error->message);
}

/* Starts a write of the document's current state (Ctrl+S, Retry). */
void
_glossa_window_save_now (GlossaWindow *self)
{
  if (self->saver != NULL && can_write (self))
    glossa_saver_save_now (self->saver);
}

/* Writes any pending change synchronously: used when the window closes or
 * switches documents, where waiting for a timeout could lose it. On
 * failure the edits are still in the document and its recovery copy.
 */
gboolean
glossa_window_flush (GlossaWindow  *self,
                     GError       **error)
{
  g_return_val_if_fail (GLOSSA_IS_WINDOW (self), FALSE);

  if (self->saver == NULL || !can_write (self))
    return TRUE;
  return glossa_saver_flush (self->saver, error);
}

static void check_on_disk (GlossaWindow *self);

/* The save bar shows for as long as saving fails; a conflict has its own
 * dialog instead.
 */
static void
glossa_window_update_save_bar (GlossaWindow *self)
{
  const GError *error = self->saver ? glossa_saver_get_error (self->saver) : NULL;
  gboolean failing = error != NULL && !g_error_matches (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT);

  if (failing)
    {
      g_autofree char *text = g_strdup_printf (_("Could not save: %s\nYour edits are kept in a recovery copy, and saving is tried again."),
                                               error->message);

      gtk_label_set_text (self->save_label, text);
    }
  gtk_revealer_set_reveal_child (self->save_revealer, failing);
}

static void
on_save_error (GlossaWindow *self)
{
  const GError *error = glossa_saver_get_error (self->saver);

  if (g_error_matches (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT))
    check_on_disk (self);
  glossa_window_update_save_bar (self);
}

static void
glossa_window_update_banner (GlossaWindow *self)
{
  const GError *error = self->document ? glossa_document_get_error (self->document) : NULL;

  /* The error page says that one. */
  if (_glossa_window_shows_article_changed (self))
    error = NULL;
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%s\nThe annotations are shown read-only and will not be saved."), error->message);

      gtk_label_set_text (self->banner_label, text);
    }
  gtk_revealer_set_reveal_child (self->banner_revealer, error != NULL);
}

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

/* "2021-12-31 · Done · Ana": what the header knows of the document, so that
 * a done article is seen to be done, and whose annotations these are.
 */
static char *
dup_subtitle (GlossaDocument *document,
              const char     *date)
{
  const char *annotator = glossa_document_get_annotator (document);
  GString *subtitle = g_string_new (date);

  if (subtitle->len > 0)
    g_string_append (subtitle, " · ");
  g_string_append (subtitle, status_text (glossa_document_get_status (document)));
  if (annotator != NULL && *annotator != '\0')
    g_string_append_printf (subtitle, " · %s", annotator);
  return g_string_free (subtitle, FALSE);
}

static void
glossa_window_update_title (GlossaWindow *self)
{
  GlossaArticle *article;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  const char *date;

  if (self->document == NULL && self->load_error_file != NULL)
    {
      name = g_file_get_basename (self->load_error_file);
      adw_window_title_set_title (self->window_title, name);
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), name);
      return;
    }
  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Glossa"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Glossa"));
      return;
    }

  article = glossa_document_get_article (self->document);
  if (glossa_article_get_file (article) != NULL)
    name = g_file_get_basename (glossa_article_get_file (article));
  else
    name = g_strdup (glossa_article_get_name (article));
  date = glossa_document_get_date (self->document);
  subtitle = dup_subtitle (self->document, date);
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), name);
}

static void
on_status_changed (GlossaWindow *self)
{
  glossa_window_update_title (self);
  _glossa_window_corpus_update_actions (self);
}

static void
on_document_changed (GlossaWindow *self)
{
  if (self->selected_id != NULL && glossa_document_lookup_span (self->document, self->selected_id) == NULL)
    _glossa_window_clear_selection (self);

  _glossa_window_update_actions (self);
}

/* The name recorded on new spans: the one set in Preferences, or else the
 * account's real name (never a blocking prompt).
 */
static char *
dup_annotator (GSettings *settings)
{
  g_autofree char *name = g_strstrip (g_settings_get_string (settings, "annotator"));
  const char *real_name;

  if (name[0] != '\0')
    return g_steal_pointer (&name);

  /* GLib answers "Unknown" when the account has no real name. */
  real_name = g_get_real_name ();
  return g_strdup (g_strcmp0 (real_name, "Unknown") == 0 ? g_get_user_name () : real_name);
}

static void
glossa_window_update_annotator (GlossaWindow *self)
{
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;

  name = dup_annotator (self->settings);
  glossa_document_set_user (self->document, name);
}

static void glossa_window_update_main_page (GlossaWindow *self);

/* Reloads after another program changed the annotation file. */
static void
glossa_window_reload (GlossaWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->conflict = FALSE;

  /* A reload that fails leaves the document read-only with its error,
   * which the banner then shows.
   */
  if (!glossa_document_reload (self->document, NULL, &error) && error != NULL)
    g_debug ("Reload failed: %s", error->message);

  /* What is shown is what is stored again: nothing failed to be saved. */
  glossa_saver_reset (self->saver);

  _glossa_window_clear_selection (self);
  glossa_article_view_reload_spans (self->view);
  glossa_span_list_reload (self->span_list);
  glossa_window_update_banner (self);
  glossa_window_update_main_page (self);
  _glossa_window_update_actions (self);
  _glossa_window_corpus_update_actions (self);
}

/* Keeping ours is the user's choice (and Escape's), but the other version
 * is not lost: the core copies it beside the file, takes the file on disk
 * as seen, and the next save writes over it, keeping the spans and the
 * undo history. If the copy cannot be made, nothing is written.
 */
static void
glossa_window_keep_mine (GlossaWindow *self)
{
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (!glossa_document_set_aside_disk_version (self->document, &copy, &error))
    {
      _glossa_window_show_error (self, error);
      return;
    }

  self->conflict = FALSE;
  _glossa_window_save_now (self);
  glossa_window_update_banner (self);
  _glossa_window_update_actions (self);
  if (copy != NULL)
    {
      g_autofree char *name = g_file_get_basename (copy);
      g_autofree char *text = g_strdup_printf (_("The other version is kept as “%s”"), name);
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 10);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* What the dialogs call the place the annotations are saved: the file's
 * name, or for a line of a JSONL corpus, the file and the article.
 */
static char *
dup_storage_name (GlossaDocument *document)
{
  GFile *file = glossa_document_get_file (document);

  if (file != NULL)
    return g_file_get_basename (file);
  return glossa_store_dup_description (glossa_document_get_store (document));
}

static void
on_changed_on_disk_response (AdwMessageDialog *dialog,
                             const char       *response,
                             GlossaWindow     *self)
{
  if (g_strcmp0 (response, "reload") == 0)
    glossa_window_reload (self);
  else
    glossa_window_keep_mine (self);
}

static void
glossa_window_present_reload_dialog (GlossaWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *dialog;
  g_autofree char *basename = NULL;

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/glossa-reload-dialog.ui");
  dialog = GTK_WIDGET (gtk_builder_get_object (builder, "dialog"));
  basename = dup_storage_name (self->document);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Another program changed “%s” while it was open. Reload it, or keep the annotations shown here? Keeping them saves a copy of the other version beside the file."),
                                  basename);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_changed_on_disk_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The dialog waits until the keyboard has been quiet for a moment: keys
 * meant for the article (arrows, Enter) must not land in it and choose
 * for the annotator.
 */
#define QUIET_BEFORE_DIALOG_US (800 * G_TIME_SPAN_MILLISECOND)

static gboolean
reload_dialog_timeout_cb (gpointer user_data)
{
  GlossaWindow *self = user_data;
  gint64 quiet = g_get_monotonic_time () - self->last_key_time;

  if (quiet < QUIET_BEFORE_DIALOG_US)
    {
      self->dialog_source = g_timeout_add ((QUIET_BEFORE_DIALOG_US - quiet) / 1000 + 1,
                                           reload_dialog_timeout_cb, self);
      return G_SOURCE_REMOVE;
    }

  self->dialog_source = 0;
  if (self->document != NULL && self->conflict)
    glossa_window_present_reload_dialog (self);

  return G_SOURCE_REMOVE;
}

/* From here until the annotator answers, nothing is written. */
static void
glossa_window_offer_reload (GlossaWindow *self)
{
  if (self->conflict)
    return;
  self->conflict = TRUE;

  g_clear_handle_id (&self->dialog_source, g_source_remove);
  reload_dialog_timeout_cb (self);
}

static gboolean
on_key_pressed (GlossaWindow *self)
{
  self->last_key_time = g_get_monotonic_time ();
  return GDK_EVENT_PROPAGATE;
}

static void
check_on_disk (GlossaWindow *self)
{
  if (self->document == NULL)
    return;

  /* Reading the annotations against the article shown, which is no longer
   * the one on disk, would mean nothing: the bar's Reload reads both. The
   * document says no while its own save is being written.
   */
  if (self->article_changed || !glossa_document_changed_on_disk (self->document))
    return;

  /* A document that failed to load shows nothing of ours to keep: the
   * fixed file is simply read.
   */
  if (glossa_document_get_error (self->document) != NULL)
    glossa_window_reload (self);
  else
    glossa_window_offer_reload (self);
}

static gboolean
monitor_timeout_cb (gpointer user_data)
{
  GlossaWindow *self = user_data;

  self->monitor_source = 0;
  check_on_disk (self);

  return G_SOURCE_REMOVE;
}

/* Events come in bursts (a rename is a delete and a create): look once
 * they settle. Our own writes also land here; the core tells them apart.
 */
static void
on_monitor_changed (GlossaWindow      *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  g_clear_handle_id (&self->monitor_source, g_source_remove);
  self->monitor_source = g_timeout_add (100, monitor_timeout_cb, self);
}

/* The error state */

/* What to do about an article that cannot be read, by what is wrong. */
static const char *
unreadable_advice (const GError *error)
{
  if (g_error_matches (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING))
    return _("Glossa reads articles in UTF-8. Opening it as Latin-1 or Windows-1252 writes a UTF-8 copy beside it (NAME.utf-8.txt) and opens the copy; the original is not changed.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("It may have been moved, renamed or deleted.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("Make it readable for your account, then try again.");
  return _("Fix or replace the file, then try again. The other articles can still be annotated.");
}

static void
show_unreadable_page (GlossaWindow *self)
{
  g_autofree char *name = g_file_get_basename (self->load_error_file);
  g_autofree char *title = g_strdup_printf (_("Cannot Read “%s”"), name);
  g_autofree char *message = g_markup_escape_text (self->load_error->message, -1);
  g_autofree char *description = g_strdup_printf ("%s\n\n%s", message, unreadable_advice (self->load_error));
  gboolean encoding = g_error_matches (self->load_error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING);

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_widget_set_visible (self->retry_button, TRUE);
  gtk_widget_set_visible (self->reanchor_button, FALSE);
  gtk_widget_set_visible (self->start_over_button, FALSE);
  gtk_widget_set_visible (self->latin1_button, encoding);
  gtk_widget_set_visible (self->cp1252_button, encoding);
}

/* NAME.txt → NAME.utf-8.txt, beside it. */
static GFile *
utf8_copy_file (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  const char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base)
    name = g_strdup_printf ("%.*s.utf-8%s", (int) (dot - base), base, dot);
  else
    name = g_strconcat (base, ".utf-8", NULL);
  return g_file_get_child (dir, name);
}

/* Annotating a converted view of the original would record offsets and a
 * hash of text that is not on disk: the converted text is written as a
 * UTF-8 copy beside the original (never over anything, and the original
 * is never changed), and the copy is what is opened and annotated.
 */
static gboolean
write_utf8_copy (GFile       *file,
                 const char  *charset,
                 GFile       *copy,
                 GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *existing = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len, converted_len, existing_len;

  if (!glossa_storage_read_file (file, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL, NULL, error))
    return FALSE;
  converted = g_convert (contents, len, "UTF-8", charset, NULL, &converted_len, &local_error);
  if (converted == NULL)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING,
                   _("%s cannot be read as %s: %s"), g_file_peek_path (file), charset, local_error->message);
      return FALSE;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&converted), converted_len);
  if (glossa_file_create_new (copy, bytes, NULL, &local_error))
    return TRUE;

  /* Made before, from the same bytes: that copy is the one to open. */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) &&
      glossa_storage_read_file (copy, GLOSSA_STORAGE_READ_LIMIT, &existing, &existing_len, NULL, NULL, NULL) &&
      existing_len == g_bytes_get_size (bytes) &&
      memcmp (existing, g_bytes_get_data (bytes, NULL), existing_len) == 0)
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
open_converted_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  const char *charset = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->load_error_file == NULL ||
      !g_error_matches (self->load_error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING))
    return;

  file = g_object_ref (self->load_error_file);
  copy = utf8_copy_file (file);
  if (!write_utf8_copy (file, charset, copy, &error))
    {
      _glossa_window_show_error (self, error);
      return;
    }
  glossa_window_open_file (self, copy);
}

/* Re-anchoring is worked out when the page is shown, so that its button
 * can say how many spans there are; nothing is written until it is chosen.
 */
static void
show_article_changed_page (GlossaWindow *self)
{
  GlossaArticle *article = glossa_document_get_article (self->document);
  g_autofree char *name = g_file_get_basename (glossa_document_get_file (self->document));
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;

  g_clear_error (&self->reanchor_error);
  self->reanchor = glossa_reanchor_file (glossa_document_get_file (self->document), article,
                                         NULL, &self->reanchor_error);

  if (self->reanchor != NULL)
    {
      guint n = self->reanchor->n_unchanged + self->reanchor->n_moved + self->reanchor->lost->len;
      g_autofree char *label = g_strdup_printf (ngettext ("_Re-anchor %u Span", "_Re-anchor %u Spans", n), n);

      gtk_button_set_label (GTK_BUTTON (self->reanchor_button), label);
      description = g_strdup_printf (_("The spans in “%s” were made on another version of this article. "
                                       "Re-anchor them by finding each span’s text near its old place, "
                                       "or start over. Either way the annotation file as it is now is "
                                       "first kept beside it."), name);
    }
  else
    description = g_strdup_printf (_("The spans in “%s” were made on another version of this article, "
                                     "and cannot be re-anchored: %s. Start over, or restore the original article."),
                                   name, self->reanchor_error->message);

  escaped = g_markup_escape_text (description, -1);
  adw_status_page_set_title (self->error_page, _("The Article Changed"));
  adw_status_page_set_description (self->error_page, escaped);
  gtk_widget_set_visible (self->retry_button, FALSE);
  gtk_widget_set_visible (self->reanchor_button, self->reanchor != NULL);
  gtk_widget_set_visible (self->start_over_button, TRUE);
}

/* Review mode shows the adjudicated annotations, which are not re-anchored
 * here: their error stays in the banner.
 */
gboolean
_glossa_window_shows_article_changed (GlossaWindow *self)
{
  return self->document != NULL && self->review_source == NULL &&
         glossa_document_get_file (self->document) != NULL &&
         g_error_matches (glossa_document_get_error (self->document), GLOSSA_ERROR, GLOSSA_ERROR_ARTICLE_CHANGED);
}

/* The main pane shows exactly one of: nothing open, the article, or the
 * current article's error state; never another article.
 */
static void
glossa_window_update_main_page (GlossaWindow *self)
{
  const char *page = self->document != NULL ? "document" : "empty";

  g_clear_pointer (&self->reanchor, glossa_reanchor_free);
  if (self->load_error != NULL)
    {
      show_unreadable_page (self);
      page = "error";
    }
  else if (_glossa_window_shows_article_changed (self))
    {
      show_article_changed_page (self);
      page = "error";
    }

  gtk_stack_set_visible_child_name (self->main_stack, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reanchor", self->reanchor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-over", _glossa_window_shows_article_changed (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload-article",
                                 self->load_error != NULL || self->document != NULL);
}

/**
 * _glossa_window_show_loading:
 *
 * Lets go of the document shown while the next one, @name, is read:
 * nothing of it stays on screen to be tagged in the meantime.
 */
void
_glossa_window_show_loading (GlossaWindow *self,
                             const char   *name)
{
  glossa_window_set_document (self, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  adw_window_title_set_title (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), name);
}

/**
 * _glossa_window_show_load_error:
 * @file: the article that could not be read
 *
 * Shows the error state of an article that could not be read, in place of
 * whatever was shown: nothing can be tagged there.
 */
static void glossa_window_update_guidelines (GlossaWindow *self);

void
_glossa_window_show_load_error (GlossaWindow *self,
                                GFile        *file,
                                const GError *error)
{
  g_return_if_fail (GLOSSA_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  glossa_window_set_document (self, NULL);
  self->load_error = g_error_copy (error);
  g_set_object (&self->load_error_file, file);
  glossa_window_update_title (self);
  glossa_window_update_main_page (self);
  _glossa_window_corpus_update_actions (self);
  glossa_window_update_guidelines (self);
}

static GFile *
dup_article_file (GlossaWindow *self)
{
  GFile *file;

  if (self->load_error_file != NULL)
    return g_object_ref (self->load_error_file);
  if (self->document == NULL)
    return NULL;
  file = glossa_article_get_file (glossa_document_get_article (self->document));
  return file ? g_object_ref (file) : NULL;
}

/* The guidelines pane looks beside the article shown, then up to the root
 * of a folder corpus; for a JSONL corpus, beside the corpus file.
 */
static void
glossa_window_update_guidelines (GlossaWindow *self)
{
  g_autoptr(GFile) article = dup_article_file (self);
  g_autoptr(GFile) folder = article != NULL ? g_file_get_parent (article) : NULL;
  g_autoptr(GFile) jsonl_folder = NULL;
  GFile *root = NULL;

  if (self->corpus != NULL && glossa_corpus_get_kind (self->corpus) == GLOSSA_CORPUS_FOLDER)
    root = glossa_corpus_get_file (self->corpus);
  else if (self->corpus != NULL)
    {
      jsonl_folder = g_file_get_parent (glossa_corpus_get_file (self->corpus));
      g_set_object (&folder, jsonl_folder);
    }
  if (folder == NULL && root != NULL)
    folder = g_object_ref (root);
  glossa_guidelines_pane_set_location (self->guidelines_pane, folder, root);
}

/* Reads the article again: after it changed, or was fixed. */
static void
reload_article_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  g_autoptr(GFile) file = dup_article_file (self);

  if (self->corpus != NULL)
    _glossa_window_show_item (self, self->corpus_position);
  else if (file != NULL)
    glossa_window_open_file (self, file);
}

/* Spans listed in full could be whole paragraphs. */
#define MAX_UNPLACED_CHARS 60

/* A label as the window names it: its title in the document's schema. */
static const char *
label_title (GlossaWindow *self,
             GlossaLabel   label)
{
  const GlossaSchemaLabel *entry = NULL;

  if (self->document != NULL)
    entry = glossa_schema_find_label (glossa_document_get_schema (self->document), label);
  return entry ? glossa_schema_label_title (entry) : glossa_label_to_string (label);
}

static void
show_unplaced (GlossaWindow   *self,
               GlossaReanchor *reanchor,
               GFile          *copy)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *copy_name = copy ? g_file_get_basename (copy) : NULL;
  AdwMessageDialog *dialog;
  guint shown = MIN (reanchor->lost->len, 20);

  for (guint i = 0; i < shown; i++)
    {
      GlossaSpan *span = g_ptr_array_index (reanchor->lost, i);
      g_autofree char *text = g_utf8_substring (span->text, 0, MAX_UNPLACED_CHARS);
      const char *more = g_utf8_strlen (span->text, -1) > MAX_UNPLACED_CHARS ? "…" : "";

      /* Translators: a span that could not be placed: its label, its text and where it was. */
      g_string_append_printf (body, _("%s “%s%s” (was at %lld)\n"), label_title (self, span->label),
                              text, more, (long long) span->start);
    }
  if (shown < reanchor->lost->len)
    g_string_append_printf (body, ngettext ("and %u more\n", "and %u more\n", reanchor->lost->len - shown),
                            reanchor->lost->len - shown);
  if (copy_name != NULL)
    g_string_append_printf (body, _("\nThey are still in “%s”, the annotations as they were."), copy_name);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_format_heading (dialog, ngettext ("%u Span Could Not Be Placed",
                                                       "%u Spans Could Not Be Placed", reanchor->lost->len),
                                     reanchor->lost->len);
  adw_message_dialog_set_body (dialog, body->str);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows @document, made from the one in error, and has it saved. The file
 * on disk is first copied aside (the conflict copy), so that what it held
 * stays whatever happens next; if that fails, nothing changes.
 */
static gboolean
take_over_document (GlossaWindow    *self,
                    GlossaDocument  *document,
                    GFile          **copy)
{
  g_autoptr(GError) error = NULL;

  if (!glossa_document_set_aside_disk_version (document, copy, &error))
    {
      _glossa_window_show_error (self, error);
      return FALSE;
    }

  _glossa_window_replace_document (self, document);
  _glossa_window_save_now (self);
  return TRUE;
}

static void
reanchor_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  g_autoptr(GlossaReanchor) reanchor = g_steal_pointer (&self->reanchor);
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autofree char *text = NULL;

  if (reanchor == NULL || !_glossa_window_shows_article_changed (self))
    return;

  document = glossa_document_new_with_annotations (glossa_document_get_article (self->document),
                                                   glossa_document_get_file (self->document),
                                                   reanchor->annotations);
  if (!take_over_document (self, document, &copy))
    return;

  /* Translators: the three counts of re-anchoring; the plural follows the first. */
  text = g_strdup_printf (ngettext ("%u span kept, %u moved, %u could not be placed",
                                    "%u spans kept, %u moved, %u could not be placed",
                                    reanchor->n_unchanged),
                          reanchor->n_unchanged, reanchor->n_moved, reanchor->lost->len);
  _glossa_window_show_message (self, text);
  if (reanchor->lost->len > 0)
    show_unplaced (self, reanchor, copy);
}

static void
on_start_over_response (AdwMessageDialog *dialog,
                        const char       *response,
                        GlossaWindow     *self)
{
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GFile) copy = NULL;

  if (g_strcmp0 (response, "start-over") != 0 || !_glossa_window_shows_article_changed (self))
    return;

  document = glossa_document_new (glossa_document_get_article (self->document),
                                  glossa_document_get_file (self->document));
  if (take_over_document (self, document, &copy) && copy != NULL)
    {
      g_autofree char *name = g_file_get_basename (copy);
      g_autofree char *text = g_strdup_printf (_("The old annotations are kept as “%s”"), name);

      _glossa_window_show_message (self, text);
    }
}

static void
start_over_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  if (!_glossa_window_shows_article_changed (self))
    return;

  name = g_file_get_basename (glossa_document_get_file (self->document));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Start Over?"), NULL));
  adw_message_dialog_format_body (dialog, _("The article is annotated again from nothing. “%s” is first "
                                            "kept beside it under another name, not deleted."), name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "start-over", _("_Start Over"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "start-over", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_start_over_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The article changed on disk */

/* Edits made so far were made on the article as it was, and the file
 * records that article's hash: they are written. From here on nothing is,
 * until the article is read again.
 */
static void
stop_editing_changed_article (GlossaWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->article_changed || self->document == NULL)
    return;

  if (!glossa_window_flush (self, &error))
    _glossa_window_show_error (self, error);

  self->article_changed = TRUE;
  glossa_document_set_read_only (self->document, TRUE);
  gtk_revealer_set_reveal_child (self->article_bar_revealer, TRUE);
  _glossa_window_update_actions (self);
  _glossa_window_corpus_update_actions (self);
}

static void
check_article_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GlossaWindow) self = user_data;
  g_autoptr(GlossaArticle) now = NULL;
  g_autoptr(GError) error = NULL;
  GlossaArticle *shown;

  now = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->document == NULL)
    return;

  /* Touched or written again with the same text is no change; gone or
   * unreadable is.
   */
  shown = glossa_document_get_article (self->document);
  if (now == NULL || g_strcmp0 (glossa_article_get_sha256 (now), glossa_article_get_sha256 (shown)) != 0)
    stop_editing_changed_article (self);
}

static void
check_article_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  GlossaArticle *article = glossa_article_load (task_data, cancellable, &error);

  if (article == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, article, g_object_unref);
}

static gboolean
article_monitor_timeout_cb (gpointer user_data)
{
  GlossaWindow *self = user_data;
  g_autoptr(GTask) task = NULL;
  GFile *file;

  self->article_monitor_source = 0;
  if (self->document == NULL || self->article_changed)
    return G_SOURCE_REMOVE;

  file = glossa_article_get_file (glossa_document_get_article (self->document));
  task = g_task_new (NULL, self->cancellable, check_article_cb, g_object_ref (self));
  g_task_set_source_tag (task, article_monitor_timeout_cb);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, check_article_thread);
  return G_SOURCE_REMOVE;
}

static void
on_article_monitor_changed (GlossaWindow      *self,
                            GFile             *file,
                            GFile             *other_file,
                            GFileMonitorEvent  event)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  g_clear_handle_id (&self->article_monitor_source, g_source_remove);
  self->article_monitor_source = g_timeout_add (100, article_monitor_timeout_cb, self);
}

static void
follow_article (GlossaWindow   *self,
                GlossaDocument *document)
{
  GFile *file = glossa_article_get_file (glossa_document_get_article (document));
  g_autoptr(GError) error = NULL;

  /* A JSONL corpus's articles are lines of it, not files. */
  if (file == NULL)
    return;

  self->article_monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->article_monitor != NULL)
    g_signal_connect_object (self->article_monitor, "changed",
                             G_CALLBACK (on_article_monitor_changed), self, G_CONNECT_SWAPPED);
  else
    g_warning ("Cannot watch %s: %s", g_file_peek_path (file), error->message);
}

static void
glossa_window_stop_following (GlossaWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;

  /* Callers that may not lose edits flush and ask first; what still fails
   * here is kept in the recovery copy, offered on the next open.
   */
  if (!glossa_window_flush (self, &error))
    g_debug ("Leaving unsaved edits in the recovery copy: %s", error->message);
  if (self->saver != NULL)
    g_signal_handlers_disconnect_by_data (self->saver, self);
  g_clear_object (&self->saver);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->monitor_source, g_source_remove);
  g_clear_handle_id (&self->dialog_source, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_handle_id (&self->article_monitor_source, g_source_remove);
  if (self->article_monitor != NULL)
    g_file_monitor_cancel (self->article_monitor);
  g_clear_object (&self->article_monitor);
  self->article_changed = FALSE;
  gtk_revealer_set_reveal_child (self->article_bar_revealer, FALSE);
  g_clear_object (&self->search);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->clicked_id, g_free);
  self->conflict = FALSE;
}

/* The document's saver writes it; the window binds the setting to it and
 * shows what it says.
 */
static void
glossa_window_follow_saver (GlossaWindow   *self,
                            GlossaDocument *document)
{
  self->saver = glossa_saver_new (document);
  g_settings_bind (self->settings, "auto-save-delay", self->saver, "delay", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->saver, "notify::error", G_CALLBACK (on_save_error),
                           self, G_CONNECT_SWAPPED);
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      GlossaWindow     *self)
{
  g_autoptr(GError) error = NULL;
  GlossaDocument *document = g_object_get_data (G_OBJECT (dialog), "document");

  /* The window moved on meanwhile: the copy waits for the next open. */
  if (document != self->document)
    return;

  if (g_strcmp0 (response, "restore") == 0)
    {
      if (!glossa_document_restore_recovery (document, &error))
        _glossa_window_show_error (self, error);
      glossa_article_view_reload_spans (self->view);
      glossa_span_list_reload (self->span_list);
      _glossa_window_update_actions (self);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    glossa_document_discard_recovery (document);
}

/* Edits that could not be written last time are offered back. Escape
 * decides nothing: the copy is offered again next time.
 */
static void
glossa_window_offer_recovery (GlossaWindow *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  if (!can_write (self) || !(date = glossa_document_dup_recovery_date (self->document)))
    return;

  when = g_date_time_format (date, "%x %X");
  name = dup_storage_name (self->document);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Unsaved Annotations Recovered"), NULL));
  adw_message_dialog_format_body (dialog, _("Recovered unsaved annotations of “%s” from %s: restore them over the ones on disk, or discard them?"),
                                  name, when);
  adw_message_dialog_add_responses (dialog, "discard", _("_Discard"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "later");
  g_object_set_data_full (G_OBJECT (dialog), "document", g_object_ref (self->document), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
glossa_window_set_document (GlossaWindow   *self,
                            GlossaDocument *document)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (GLOSSA_IS_WINDOW (self));
  g_return_if_fail (!document || GLOSSA_IS_DOCUMENT (document));

  if (self->document == document && self->load_error == NULL)
    return;

  glossa_window_stop_following (self);
  g_clear_error (&self->load_error);
  g_clear_object (&self->load_error_file);
  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);

  glossa_article_view_set_document (self->view, document);
  glossa_span_list_set_document (self->span_list, document);
  _glossa_window_labels_set_schema (self, document ? glossa_document_get_schema (document) : NULL);
  _glossa_window_links_set_document (self);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  self->search = gtk_source_search_context_new (GTK_SOURCE_BUFFER (buffer), NULL);
  gtk_source_search_settings_set_wrap_around (gtk_source_search_context_get_settings (self->search), TRUE);
  g_object_bind_property (self->search_entry, "text",
                          gtk_source_search_context_get_settings (self->search), "search-text",
                          G_BINDING_SYNC_CREATE);

  if (document != NULL)
    {
      g_autoptr(GError) error = NULL;

      GFile *file = glossa_document_get_file (document);

      self->cancellable = g_cancellable_new ();
      /* A JSONL corpus's documents have no file of their own. */
      if (file != NULL)
        self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
      if (self->monitor != NULL)
        g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_monitor_changed), self, G_CONNECT_SWAPPED);
      else if (file != NULL)
        g_warning ("Cannot watch %s: %s", g_file_peek_path (file), error->message);
      follow_article (self, document);
      glossa_window_update_annotator (self);
      glossa_window_follow_saver (self, document);
    }
  glossa_window_update_save_bar (self);
  glossa_window_update_guidelines (self);

  glossa_window_update_main_page (self);
  glossa_window_update_title (self);
  glossa_window_update_banner (self);
  _glossa_window_update_actions (self);
  _glossa_window_corpus_update_actions (self);
  if (document != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "document") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
  if (document != NULL)
    glossa_window_offer_recovery (self);
}

/* An article opened on its own that cannot be read: in an empty window,
 * its error state (with Try Again); over an article being annotated, a
 * toast, and that article stays.
 */
static void
glossa_window_opened (GlossaWindow   *self,
                      GFile          *file,
                      GlossaDocument *document,
                      const GError   *error)
{
  /* Closed while the article was being read. */
  if (self->view == NULL)
    return;

  if (document != NULL)
    glossa_window_set_document (self, document);
  else if (self->document == NULL && self->corpus == NULL)
    _glossa_window_show_load_error (self, file, error);
  else
    _glossa_window_show_error (self, error);
}

typedef struct
{
  GlossaWindow *self;
  GFile        *file;
} Opening;

static Opening *
opening_new (GlossaWindow *self,
             GFile        *file)
{
  Opening *opening = g_new (Opening, 1);

  opening->self = g_object_ref (self);
  opening->file = g_object_ref (file);
  return opening;
}

static void
opening_free (Opening *opening)
{
  g_object_unref (opening->self);
  g_object_unref (opening->file);
  g_free (opening);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Opening, opening_free)

static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Opening) opening = user_data;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = glossa_document_open_finish (result, &error);
  glossa_window_opened (opening->self, opening->file, document, error);
}

static void
preload_cb (GlossaDocument *document,
            const GError   *error,
            gpointer        user_data)
{
  g_autoptr(Opening) opening = user_data;

  glossa_window_opened (opening->self, opening->file, document, error);
}

/* What was refused while the user was asked about unsaved edits is kept
 * on the window (the dialog's data is a bare pointer), and asked for again
 * once they let go of the edits.
 */
#define LEAVE_FOR_KEY "glossa-leave-for"

static void
open_file_then (GlossaWindow *self,
                gpointer      data)
{
  g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (self), LEAVE_FOR_KEY);

  if (file != NULL)
    glossa_window_open_file (self, file);
}

void
glossa_window_open_file (GlossaWindow *self,
                         GFile        *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFileInfo) info = NULL;
  GtkApplication *app;

  g_return_if_fail (GLOSSA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Ctrl+O, a drop and the command line of a running instance all come
   * here: edits that are not on disk are never left without asking.
   */
  if (!_glossa_window_may_leave (self, open_file_then, NULL))
    {
      g_object_set_data_full (G_OBJECT (self), LEAVE_FOR_KEY, g_object_ref (file), g_object_unref);
      return;
    }

  if (_glossa_window_is_corpus_file (file))
    {
      _glossa_window_open_corpus (self, file);
      return;
    }
  /* A single article leaves the corpus, if one was open. */
  _glossa_window_close_corpus (self);

  parent = g_file_get_parent (file);
  if (parent != NULL && g_file_peek_path (parent) != NULL)
    g_settings_set_string (self->settings, "last-folder", g_file_peek_path (parent));

  /* Named on the command line, it is being read since start-up. */
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (GLOSSA_IS_APPLICATION (app))
    {
      Opening *opening = opening_new (self, file);

      if (glossa_application_take_preload (GLOSSA_APPLICATION (app), file, preload_cb, opening))
        return;
      opening_free (opening);
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) <= GLOSSA_WINDOW_SYNC_OPEN_MAX_BYTES)
    {
      g_autoptr(GlossaDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = glossa_document_open (file, NULL, &error);
      glossa_window_opened (self, file, document, error);
      return;
    }

  glossa_document_open_async (file, NULL, open_cb, opening_new (self, file));
}

static gboolean
on_drop (GlossaWindow  *self,
         const GValue  *value,
         double         x,
         double         y)
{
  g_autoptr(GSList) files = gdk_file_list_get_files (g_value_get_boxed (value));

  if (files == NULL)
    return FALSE;

  glossa_window_open_file (self, files->data);
  return TRUE;
}

static void
on_mark_set (GlossaWindow  *self,
             GtkTextIter   *location,
             GtkTextMark   *mark,
             GtkTextBuffer *buffer)
{
  GlossaSpan *span;
  gint64 start, end;

  if (self->selecting || self->selected_id == NULL || self->document == NULL)
    return;
  if (mark != gtk_text_buffer_get_insert (buffer) && mark != gtk_text_buffer_get_selection_bound (buffer))
    return;

  /* Moving the selection away from the selected span unselects it. */
  span = glossa_document_lookup_span (self->document, self->selected_id);
  glossa_article_view_get_selection (self->view, &start, &end);
  if (span == NULL || start != span->start || end != span->end)
    _glossa_window_clear_selection (self);
}

static void
on_span_activated (GlossaWindow *self,
                   const char   *id)
{
  glossa_window_select_span (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
on_search_stopped (GlossaWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* Enter selects the next match as the text selection: closing the bar then
 * leaves it ready to be tagged.
 */
static void
on_search_activate (GlossaWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  GtkTextIter from, match_start, match_end;

  if (self->search == NULL)
    return;

  gtk_text_buffer_get_selection_bounds (buffer, NULL, &from);
  if (gtk_source_search_context_forward (self->search, &from, &match_start, &match_end, NULL))
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &match_start, 0.1, FALSE, 0, 0);
    }
  else
    gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
}

static void
on_search_mode_changed (GlossaWindow *self)
{
  gboolean active = gtk_search_bar_get_search_mode (self->search_bar);

  if (self->search != NULL)
    gtk_source_search_context_set_highlight (self->search, active);
}

/* The user let go of the edits that could not be written (discarded, or
 * saved elsewhere): the document no longer holds anything unsaved, and
 * what was asked for goes on.
 */
static void
glossa_window_let_go (GlossaWindow     *self,
                      GlossaWindowThen  then,
                      gpointer          data)
{
  if (self->document != NULL)
    {
      glossa_document_discard_recovery (self->document);
      glossa_document_mark_saved (self->document, glossa_document_get_serial (self->document));
      self->conflict = FALSE;
    }
  if (self->saver != NULL)
    glossa_saver_reset (self->saver);
  glossa_window_update_save_bar (self);
  then (self, data);
}

static void
save_elsewhere_cb (GtkNativeDialog *chooser,
                   int              response,
                   GlossaWindow    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GlossaWindowThen then = g_object_get_data (G_OBJECT (chooser), "then");

  if (response != GTK_RESPONSE_ACCEPT || self->document == NULL)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (!glossa_document_save_copy (self->document, file, &error))
    {
      _glossa_window_show_error (self, error);
      return;
    }

  if (then != NULL)
    glossa_window_let_go (self, then, g_object_get_data (G_OBJECT (chooser), "then-data"));
  else
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *text = g_strdup_printf (_("A copy of the annotations is saved as “%s”"), name);

      _glossa_window_show_message (self, text);
    }
}

/* Writes the annotations to a file the user chooses, through a sidecar
 * store of its own, for when the document's own store cannot be written;
 * then, if @then is given, lets go of them and calls it.
 */
static void
glossa_window_save_elsewhere (GlossaWindow     *self,
                              GlossaWindowThen  then,
                              gpointer          data)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  GFile *file;

  if (self->document == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Annotations As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  file = glossa_document_get_file (self->document);
  if (file != NULL)
    name = g_file_get_basename (file);
  else
    name = g_strconcat (glossa_article_get_name (glossa_document_get_article (self->document)),
                        ".annotations.json", NULL);
  /* An id is not a path: only its last part names the file. */
  g_strdelimit (name, "/\\", '_');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "then", then);
  g_object_set_data (G_OBJECT (chooser), "then-data", data);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_elsewhere_cb), self, 0);
  g_signal_connect (chooser, "response", G_CALLBACK (g_object_unref), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_elsewhere_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  glossa_window_save_elsewhere (GLOSSA_WINDOW (widget), NULL, NULL);
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     GlossaWindow     *self)
{
  GlossaWindowThen then = g_object_get_data (G_OBJECT (dialog), "then");
  gpointer data = g_object_get_data (G_OBJECT (dialog), "then-data");

  if (g_strcmp0 (response, "save") == 0)
    glossa_window_save_elsewhere (self, then, data);
  else if (g_strcmp0 (response, "discard") == 0)
    glossa_window_let_go (self, then, data);
}

/* Asked when the window closes, the application quits or the window moves
 * to another article, with edits that could not be written. Cancel is the
 * default and Escape's answer.
 */
static void
glossa_window_ask_unsaved (GlossaWindow     *self,
                           const GError     *error,
                           GlossaWindowThen  then,
                           gpointer          data)
{
  g_autofree char *name = dup_storage_name (self->document);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Annotations Not Saved"), NULL));
  adw_message_dialog_format_body (dialog, _("The changes to “%s” could not be saved: %s\n\nSave them elsewhere, or discard them?"),
                                  name, error->message);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save Elsewhere…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "then", then);
  g_object_set_data (G_OBJECT (dialog), "then-data", data);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _glossa_window_may_leave:
 * @then: what to do once the user let go of edits that could not be
 *   written (typically, ask again for what was refused)
 *
 * Whether the window may leave the document shown (close, quit, another
 * article): every edit is written, or there is none. Otherwise asks, and
 * returns %FALSE.
 */
gboolean
_glossa_window_may_leave (GlossaWindow     *self,
                          GlossaWindowThen  then,
                          gpointer          data)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || self->saver == NULL)
    return TRUE;
  if (glossa_window_flush (self, &error))
    {
      if (glossa_saver_get_unsaved (self->saver))
        error = g_error_copy (glossa_saver_get_error (self->saver));
      /* Edits made after another program changed the file wait for an
       * answer to the reload dialog: they are not on disk either.
       */
      else if (self->conflict && glossa_document_get_modified (self->document))
        error = g_error_new_literal (GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT,
                                     _("another program changed them while they were open"));
      else
        return TRUE;
    }

  gtk_window_present (GTK_WINDOW (self));
  glossa_window_ask_unsaved (self, error, then, data);
  return FALSE;
}

static void
close_then (GlossaWindow *self,
            gpointer      data)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
glossa_window_close_request (GtkWindow *window)
{
  GlossaWindow *self = GLOSSA_WINDOW (window);
  int width, height;

  if (!_glossa_window_may_leave (self, close_then, NULL))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  glossa_window_set_document (self, NULL);

  return GTK_WINDOW_CLASS (glossa_window_parent_class)->close_request (window);
}

/* Text size, as a percentage of the default, in steps of ZOOM_STEP; the
 * settings key's range bounds it. The article view alone is scaled.
 */
#define ZOOM_STEP 10
/* The article's text size in ui/style.css, at 100 %. */
#define ARTICLE_FONT_PT 13

static void
glossa_window_apply_zoom (GlossaWindow *self)
{
  int zoom = g_settings_get_int (self->settings, "text-zoom");
  char size[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;
  GtkCssProvider *provider = g_object_get_data (G_OBJECT (self->view), "glossa-zoom");

  /* A percentage would be of the parent's size, not of the article's own
   * (ARTICLE_FONT_PT, ui/style.css): the size is given in full.
   */
  g_ascii_formatd (size, sizeof size, "%.2f", ARTICLE_FONT_PT * zoom / 100.0);
  css = g_strdup_printf ("textview.article { font-size: %spt; }", size);

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      /* The widget's own context: deprecated in GTK 4.10, the only way on
       * 4.8 to style one widget without a class of its own in the display.
       */
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->view)),
                                      GTK_STYLE_PROVIDER (provider),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      G_GNUC_END_IGNORE_DEPRECATIONS
      g_object_set_data_full (G_OBJECT (self->view), "glossa-zoom", provider, g_object_unref);
    }
  gtk_css_provider_load_from_data (provider, css, -1);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) bounds = NULL;
  int zoom = g_settings_get_int (self->settings, "text-zoom");
  int low, high;

  if (g_str_equal (action_name, "win.zoom-in"))
    zoom += ZOOM_STEP;
  else if (g_str_equal (action_name, "win.zoom-out"))
    zoom -= ZOOM_STEP;
  else
    zoom = 100;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "text-zoom");
  range = g_settings_schema_key_get_range (key);
  g_variant_get_child (range, 1, "v", &bounds);
  g_variant_get (bounds, "(ii)", &low, &high);
  g_settings_set_int (self->settings, "text-zoom", CLAMP (zoom, low, high));
}

/* The span list is locked (AdwFlap never shows or hides it on its own):
 * folded, it is hidden and comes back over the article with F9; unfolded,
 * it is as the user last left it beside the article.
 */
static void
on_span_flap_folded (GlossaWindow *self)
{
  if (adw_flap_get_folded (self->span_flap))
    adw_flap_set_reveal_flap (self->span_flap, FALSE);
  else
    adw_flap_set_reveal_flap (self->span_flap, g_settings_get_boolean (self->settings, "show-side-panel"));
}

static void
on_span_flap_revealed (GlossaWindow *self)
{
  /* Shown over the article for a moment is not a preference. */
  if (!adw_flap_get_folded (self->span_flap))
    g_settings_set_boolean (self->settings, "show-side-panel", adw_flap_get_reveal_flap (self->span_flap));
}

/* The guidelines are shown when asked for (F1), beside the rest when there
 * is room and over it when not; folding hides them.
 */
static void
on_guide_flap_folded (GlossaWindow *self)
{
  if (adw_flap_get_folded (self->guide_flap))
    adw_flap_set_reveal_flap (self->guide_flap, FALSE);
}

static void
glossa_window_constructed (GObject *object)
{
  GlossaWindow *self = GLOSSA_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GAction) side_panel = NULL;
  g_autoptr(GAction) corpus_list = NULL;
  g_autoptr(GAction) guidelines = NULL;

  G_OBJECT_CLASS (glossa_window_parent_class)->constructed (object);

  if (GLOSSA_IS_APPLICATION (app))
    self->settings = g_object_ref (glossa_application_get_settings (GLOSSA_APPLICATION (app)));
  else
    self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  _glossa_window_labels_init (self);
  _glossa_window_suggest_init (self);
  _glossa_window_links_constructed (self);
  glossa_window_apply_zoom (self);
  g_signal_connect_object (self->settings, "changed::text-zoom",
                           G_CALLBACK (glossa_window_apply_zoom), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->corpus_buttons, "visible", self->corpus_list_button, "visible", G_BINDING_SYNC_CREATE);

  /* F9 and Shift+F9 show the panels beside the article, or over it when
   * the window is too narrow for them (folded).
   */
  side_panel = G_ACTION (g_property_action_new ("show-side-panel", self->span_flap, "reveal-flap"));
  g_action_map_add_action (G_ACTION_MAP (self), side_panel);
  corpus_list = G_ACTION (g_property_action_new ("show-corpus-list", self->corpus_flap, "reveal-flap"));
  g_action_map_add_action (G_ACTION_MAP (self), corpus_list);
  adw_flap_set_reveal_flap (self->span_flap, g_settings_get_boolean (self->settings, "show-side-panel"));
  g_signal_connect_object (self->span_flap, "notify::folded",
                           G_CALLBACK (on_span_flap_folded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->span_flap, "notify::reveal-flap",
                           G_CALLBACK (on_span_flap_revealed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::annotator",
                           G_CALLBACK (glossa_window_update_annotator), self, G_CONNECT_SWAPPED);
  guidelines = G_ACTION (g_property_action_new ("show-guidelines", self->guide_flap, "reveal-flap"));
  g_action_map_add_action (G_ACTION_MAP (self), guidelines);
  g_signal_connect_object (self->guide_flap, "notify::folded",
                           G_CALLBACK (on_guide_flap_folded), self, G_CONNECT_SWAPPED);

  glossa_window_update_title (self);
  glossa_window_update_main_page (self);
  _glossa_window_update_actions (self);
}

static void
glossa_window_dispose (GObject *object)
{
  GlossaWindow *self = GLOSSA_WINDOW (object);

  /* Each holds its flap, which would outlive the window and keep the
   * widgets inside it (and their documents) alive.
   */
  g_action_map_remove_action (G_ACTION_MAP (self), "show-side-panel");
  g_action_map_remove_action (G_ACTION_MAP (self), "show-corpus-list");
  g_action_map_remove_action (G_ACTION_MAP (self), "show-guidelines");
  glossa_window_stop_following (self);
  g_signal_group_set_target (self->document_signals, NULL);
  g_clear_object (&self->document);
  g_clear_error (&self->load_error);
  g_clear_object (&self->load_error_file);
  g_clear_pointer (&self->reanchor, glossa_reanchor_free);
  g_clear_error (&self->reanchor_error);
  _glossa_window_corpus_dispose (self);
  _glossa_window_search_dispose (self);
  _glossa_window_labels_dispose (self);
  _glossa_window_suggest_dispose (self);
  _glossa_window_links_dispose (self);
  if (self->help_overlay != NULL)
    gtk_window_destroy (self->help_overlay);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSSA_TYPE_WINDOW);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->buffer_signals);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (glossa_window_parent_class)->dispose (object);
}

static void
glossa_window_class_init (GlossaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = glossa_window_constructed;
  object_class->dispose = glossa_window_dispose;
  window_class->close_request = glossa_window_close_request;

  /* The resources register themselves from a constructor in their object
   * file, which a static library only links in when something refers to it.
   */
  g_assert (glossa_get_resource () != NULL);

  g_type_ensure (GLOSSA_TYPE_ARTICLE_VIEW);
  g_type_ensure (GLOSSA_TYPE_SPAN_LIST);
  g_type_ensure (GLOSSA_TYPE_REVIEW_BAR);
  g_type_ensure (GLOSSA_TYPE_GUIDELINES_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/glossa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, save_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, save_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, span_flap);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, view);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, span_list);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, corpus_flap);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, label_squeezer);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, label_buttons);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, corpus_buttons);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, corpus_list_button);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, review_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, review_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, reanchor_button);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, start_over_button);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, latin1_button);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, cp1252_button);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, article_bar_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, guide_flap);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, guidelines_pane);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, link_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossaWindow, link_status);
  gtk_widget_class_bind_template_callback (widget_class, _glossa_window_on_offset_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_span_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stopped);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);

  gtk_widget_class_install_action (widget_class, "win.save-elsewhere", NULL, save_elsewhere_action);
  gtk_widget_class_install_action (widget_class, "win.open-converted", "s", open_converted_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.reload-article", NULL, reload_article_action);
  gtk_widget_class_install_action (widget_class, "win.reanchor", NULL, reanchor_action);
  gtk_widget_class_install_action (widget_class, "win.start-over", NULL, start_over_action);

  _glossa_window_class_actions_init (widget_class);
  _glossa_window_class_corpus_init (widget_class);
  _glossa_window_class_search_init (widget_class);
  _glossa_window_class_schema_init (widget_class);
  _glossa_window_class_suggest_init (widget_class);
  _glossa_window_class_links_init (widget_class);
}

/* The primary menu's popover is made when the menu first opens (a click or
 * F10), not with the window, whose first frame it would only delay.
 */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  GlossaWindow *self = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* A GtkRevealer measures its child even while it shows nothing of it, and
 * the bars' wrapping labels make that costly (a search over widths, at
 * every size request: some 6 % of the start-up's instructions). A bar is
 * hidden while it is folded away, and shown as soon as it is to slide in.
 */
static void
on_bar_revealer_changed (GtkRevealer *revealer)
{
  gtk_widget_set_visible (GTK_WIDGET (revealer),
                          gtk_revealer_get_reveal_child (revealer)
                          || gtk_revealer_get_child_revealed (revealer));
}

static void
glossa_window_hide_folded_bar (GtkRevealer *revealer)
{
  g_signal_connect (revealer, "notify::reveal-child", G_CALLBACK (on_bar_revealer_changed), NULL);
  g_signal_connect (revealer, "notify::child-revealed", G_CALLBACK (on_bar_revealer_changed), NULL);
  on_bar_revealer_changed (revealer);
}

static void
glossa_window_init (GlossaWindow *self)
{
  GtkEventController *keys;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);
  glossa_window_hide_folded_bar (self->banner_revealer);
  glossa_window_hide_folded_bar (self->save_revealer);
  glossa_window_hide_folded_bar (self->article_bar_revealer);
  /* Not the review bar: its width is part of what folds the span list
   * away in a narrow window.
   */

  self->document_signals = g_signal_group_new (GLOSSA_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed",
                                  G_CALLBACK (on_document_changed), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::status",
                                  G_CALLBACK (on_status_changed), self);

  /* The view gets a new buffer with each document. */
  self->buffer_signals = g_signal_group_new (GTK_TYPE_TEXT_BUFFER);
  g_signal_group_connect_swapped (self->buffer_signals, "mark-set", G_CALLBACK (on_mark_set), self);
  g_object_bind_property (self->view, "buffer", self->buffer_signals, "target", G_BINDING_SYNC_CREATE);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  _glossa_window_corpus_init (self);
  _glossa_window_search_init (self);
  _glossa_window_links_init (self);

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}
