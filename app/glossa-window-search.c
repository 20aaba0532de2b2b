/* glossa-window-search.c: the window's part in Search the Corpus: opening a match, tagging all
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-search-window.h"
#include "glossa-window-private.h"

/* The match to select once its article is shown. */
struct _GlossaWindowSearch
{
  GlossaSearchWindow *dialog;
  gboolean            pending;
  guint               position;
  gint64              start;
  gint64              end;
  guint               idle;
};

/* What a Tag All run did, summed over the articles (in a worker). */
typedef struct
{
  GlossaSearch          *search;
  GlossaCorpus          *corpus;
  GlossaLabel            label;
  GlossaSchema          *schema;  /* for the label's title; NULL: built-in */
  GArray                *positions;
  GlossaSearchTagCounts  counts;
  guint                  n_failed;
  char                  *first_error;
} TagRun;

static GlossaWindowSearch *
ensure_state (GlossaWindow *self)
{
  if (self->search_state == NULL)
    self->search_state = g_new0 (GlossaWindowSearch, 1);
  return self->search_state;
}

static void
select_pending (GlossaWindow *self)
{
  GlossaWindowSearch *state = self->search_state;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));

  if (!state->pending || self->document == NULL || self->corpus_position != state->position)
    return;
  state->pending = FALSE;
  glossa_article_view_select_range (self->view, state->start, state->end);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0, 0);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static gboolean
select_pending_idle (gpointer user_data)
{
  GlossaWindow *self = user_data;

  self->search_state->idle = 0;
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->find_bar == NULL)
    return G_SOURCE_REMOVE;
  glossa_search_bar_set_context (self->find_bar, self->search, self->document, GTK_TEXT_VIEW (self->view));
  select_pending (self);
  return G_SOURCE_REMOVE;
}

/* The document's signals are bound before the view takes the document and
 * the window makes the article's search context: the find bar follows, and
 * a match waiting for its article is selected, from the main loop.
 */
static void
on_document_bound (GlossaWindow *self)
{
  GlossaWindowSearch *state;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  state = ensure_state (self);
  if (state->idle == 0)
    state->idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, select_pending_idle, g_object_ref (self), g_object_unref);
}

static void
on_hit_activated (GlossaWindow       *self,
                  guint               position,
                  gint64              start,
                  gint64              end,
                  GlossaSearchWindow *dialog)
{
  GlossaWindowSearch *state = ensure_state (self);

  if (self->corpus != glossa_search_window_get_corpus (dialog))
    return;
  state->pending = TRUE;
  state->position = position;
  state->start = start;
  state->end = end;
  if (self->document != NULL && self->corpus_position == position)
    select_pending (self);
  else
    _glossa_window_show_item (self, position);
}

/* Tagging every match */

static void
tag_run_free (TagRun *run)
{
  glossa_search_free (run->search);
  g_object_unref (run->corpus);
  g_clear_pointer (&run->schema, glossa_schema_unref);
  g_array_unref (run->positions);
  g_free (run->first_error);
  g_free (run);
}

static void
add_counts (GlossaSearchTagCounts       *sum,
            const GlossaSearchTagCounts *counts)
{
  sum->tagged += counts->tagged;
  sum->already += counts->already;
  sum->crossing += counts->crossing;
}

static void
note_failure (TagRun       *run,
              const GError *error)
{
  run->n_failed++;
  if (run->first_error == NULL)
    run->first_error = g_strdup (error->message);
}

/* Each article is read, tagged as one step and written through the corpus,
 * as the window itself would save it.
 */
static void
tag_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  TagRun *run = task_data;

  for (guint i = 0; i < run->positions->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      guint position = g_array_index (run->positions, guint, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossaDocument) document = glossa_corpus_load_document (run->corpus, position, cancellable, &error);
      GlossaSearchTagCounts counts;

      if (document != NULL && glossa_document_get_error (document) != NULL)
        {
          note_failure (run, glossa_document_get_error (document));
          continue;
        }
      glossa_document_set_user (document, g_get_user_name ());
      if (document == NULL ||
          !glossa_search_tag_document (run->search, document, run->label, TRUE, &counts, NULL, &error) ||
          (counts.tagged > 0 && !glossa_corpus_save_document (run->corpus, position, document, cancellable, &error)))
        {
          note_failure (run, error);
          continue;
        }
      add_counts (&run->counts, &counts);
    }
  g_task_return_boolean (task, TRUE);
}

static void
tag_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GlossaWindow) self = user_data;
  TagRun *run = g_task_get_task_data (G_TASK (result));
  g_autofree char *message = NULL;

  message = glossa_search_describe_tagged (run->counts.tagged,
                                           glossa_schema_title_of (run->schema, run->label),
                                           run->counts.crossing, run->n_failed, run->first_error);
  _glossa_window_show_message (self, message);
  if (self->search_state != NULL && self->search_state->dialog != NULL)
    glossa_search_window_refresh (self->search_state->dialog);
}

/* The article shown is tagged in its live document, so that one undo takes
 * the step back; the others in a worker thread.
 */
static void
tag_all (GlossaWindow       *self,
         GlossaSearchWindow *dialog,
         GlossaLabel         label)
{
  GlossaSearch *shown = glossa_search_window_get_search (dialog);
  TagRun *run = g_new0 (TagRun, 1);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  guint current = G_MAXUINT;

  run->search = glossa_search_new (glossa_search_get_query (shown), glossa_search_get_flags (shown), NULL);
  run->corpus = g_object_ref (glossa_search_window_get_corpus (dialog));
  run->label = label;
  if (self->document != NULL)
    run->schema = glossa_schema_ref (glossa_document_get_schema (self->document));
  run->positions = glossa_search_window_dup_positions (dialog);

  if (self->document != NULL && self->corpus == run->corpus && self->save_to_corpus)
    current = self->corpus_position;
  for (guint i = 0; i < run->positions->len; i++)
    if (g_array_index (run->positions, guint, i) == current)
      {
        GlossaSearchTagCounts counts = { 0, 0, 0 };

        g_array_remove_index (run->positions, i);
        if (glossa_search_tag_document (run->search, self->document, label, TRUE, &counts, NULL, &error))
          add_counts (&run->counts, &counts);
        else
          note_failure (run, error);
        break;
      }

  task = g_task_new (NULL, NULL, tag_done, g_object_ref (self));
  g_task_set_source_tag (task, tag_all);
  g_task_set_task_data (task, run, (GDestroyNotify) tag_run_free);
  g_task_run_in_thread (task, tag_thread);
}

static void
on_tag_response (AdwMessageDialog *message,
                 const char       *response,
                 GlossaWindow     *self)
{
  GlossaSearchWindow *dialog = self->search_state ? self->search_state->dialog : NULL;
  GlossaLabel label;

  if (g_strcmp0 (response, "tag") != 0 || dialog == NULL || glossa_search_window_get_search (dialog) == NULL)
    return;
  if (glossa_label_from_string (g_object_get_data (G_OBJECT (message), "label"), &label))
    tag_all (self, dialog, label);
}

/* Asks first, with the count. */
static void
on_tag_all (GlossaWindow       *self,
            const char         *label_name,
            GlossaSearchWindow *dialog)
{
  guint n = glossa_search_window_get_n_untagged (dialog);
  g_autoptr(GArray) positions = glossa_search_window_dup_positions (dialog);
  AdwMessageDialog *message;

  message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (dialog), NULL, NULL));
  /* Translators: "Tag All 128 Matches as actor?" */
  adw_message_dialog_format_heading (message, g_dngettext (GETTEXT_PACKAGE, "Tag %u Match as %s?",
                                                           "Tag All %u Matches as %s?", n), n, label_name);
  adw_message_dialog_format_body (message, g_dngettext (GETTEXT_PACKAGE,
                                                        "The matches without a span in %u article get one. "
                                                        "A match that crosses the edge of a span is skipped.",
                                                        "The matches without a span in %u articles get one each. "
                                                        "A match that crosses the edge of a span is skipped.",
                                                        positions->len), positions->len);
  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "tag", _("_Tag All"), NULL);
  adw_message_dialog_set_response_appearance (message, "tag", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message, "tag");
  adw_message_dialog_set_close_response (message, "cancel");
  g_object_set_data_full (G_OBJECT (message), "label", g_strdup (label_name), g_free);
  g_signal_connect_object (message, "response", G_CALLBACK (on_tag_response), self, 0);
  gtk_window_present (GTK_WINDOW (message));
}

static void
on_dialog_destroyed (GlossaWindow *self)
{
  if (self->search_state != NULL)
    self->search_state->dialog = NULL;
}

/* Ctrl+Shift+F */
static void
search_corpus_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  GlossaWindowSearch *state = ensure_state (self);

  if (self->corpus == NULL)
    return;
  if (state->dialog != NULL && glossa_search_window_get_corpus (state->dialog) != self->corpus)
    gtk_window_destroy (GTK_WINDOW (state->dialog));
  if (state->dialog == NULL)
    {
      state->dialog = GLOSSA_SEARCH_WINDOW (glossa_search_window_new (GTK_WINDOW (self), self->corpus));
      g_signal_connect_object (state->dialog, "hit-activated", G_CALLBACK (on_hit_activated), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (state->dialog, "tag-all", G_CALLBACK (on_tag_all), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (state->dialog, "destroy", G_CALLBACK (on_dialog_destroyed), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (state->dialog));
}

/* Ctrl+G, Ctrl+Shift+G, and Shift+Enter in the entry */
static void
find_move_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);

  glossa_search_bar_move (self->find_bar, g_str_equal (action_name, "win.find-next"));
}

static gboolean
find_previous (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  GlossaWindow *self = GLOSSA_WINDOW (gtk_widget_get_root (widget));

  glossa_search_bar_move (self->find_bar, FALSE);
  return TRUE;
}

static void
on_find_message (GlossaWindow *self,
                 const char   *message)
{
  _glossa_window_show_message (self, message);
}

void
_glossa_window_class_search_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (GLOSSA_TYPE_SEARCH_BAR);
  gtk_widget_class_bind_template_child_full (widget_class, "find_bar", FALSE,
                                             G_STRUCT_OFFSET (GlossaWindow, find_bar));
  gtk_widget_class_install_action (widget_class, "win.search-corpus", NULL, search_corpus_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_move_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_move_action);
}

void
_glossa_window_search_init (GlossaWindow *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_SHIFT_MASK),
                                                          gtk_callback_action_new (find_previous, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  /* The entry is not the search bar's own child, so it is introduced. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->find_bar, "message", G_CALLBACK (on_find_message), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_signals, "bind", G_CALLBACK (on_document_bound), self,
                           G_CONNECT_SWAPPED);
}

void
_glossa_window_search_update_actions (GlossaWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search-corpus", self->corpus != NULL);
}

void
_glossa_window_search_dispose (GlossaWindow *self)
{
  GlossaWindowSearch *state = self->search_state;

  if (state == NULL)
    return;
  g_clear_handle_id (&state->idle, g_source_remove);
  if (self->find_bar != NULL)
    glossa_search_bar_set_context (self->find_bar, NULL, NULL, NULL);
  if (state->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (state->dialog));
  g_clear_pointer (&self->search_state, g_free);
}

/* For tests: the search window, once Ctrl+Shift+F has made it. */
GtkWidget *
_glossa_window_get_search_window (GlossaWindow *self)
{
  return self->search_state ? GTK_WIDGET (self->search_state->dialog) : NULL;
}
