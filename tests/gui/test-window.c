/* test-window.c: GTK tests of tagging in the annotation window
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "glossa-error.h"
#include "glossa-preferences-window.h"
#include "glossa-window-private.h"
#include "gui-test-util.h"

#define SAMPLE "000_5c30643a3adee991.txt"

typedef struct
{
  GFile        *article;
  GlossaWindow *window;
  GtkTextBuffer *buffer;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->article = gui_test_copy_sample (SAMPLE);
  fixture->window = gui_test_open_window (fixture->article);
  fixture->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->window->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gui_test_close_window (fixture->window);
  gui_test_remove_tree (fixture->article);
  g_clear_object (&fixture->article);
}

static GlossaDocument *
document_of (Fixture *fixture)
{
  return glossa_window_get_document (fixture->window);
}

static void
activate (Fixture    *fixture,
          const char *action,
          const char *label)
{
  gboolean ok;

  if (label != NULL)
    ok = gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, "s", label);
  else
    ok = gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL);
  g_assert_true (ok);
}

/* Whether every character of [start, end) has the tag of @label at @depth,
 * and the characters just outside do not.
 */
static void
assert_tagged (Fixture     *fixture,
               gint64       start,
               gint64       end,
               GlossaLabel  label,
               guint        depth)
{
  GtkTextTag *tag = glossa_article_view_get_tag (fixture->window->view, label, depth);
  GtkTextIter iter;

  for (gint64 i = start; i < end; i++)
    {
      gtk_text_buffer_get_iter_at_offset (fixture->buffer, &iter, i);
      g_assert_true (gtk_text_iter_has_tag (&iter, tag));
    }
  gtk_text_buffer_get_iter_at_offset (fixture->buffer, &iter, end);
  g_assert_false (gtk_text_iter_has_tag (&iter, tag));
  if (start > 0)
    {
      gtk_text_buffer_get_iter_at_offset (fixture->buffer, &iter, start - 1);
      g_assert_false (gtk_text_iter_has_tag (&iter, tag));
    }
}

static void
assert_untagged (Fixture *fixture,
                 gint64   start,
                 gint64   end)
{
  for (gint64 i = start; i < end; i++)
    {
      GtkTextIter iter;
      GSList *tags;

      gtk_text_buffer_get_iter_at_offset (fixture->buffer, &iter, i);
      tags = gtk_text_iter_get_tags (&iter);
      for (GSList *l = tags; l != NULL; l = l->next)
        {
          g_autofree char *name = NULL;

          g_object_get (l->data, "name", &name, NULL);
          g_assert_false (name != NULL && g_str_has_prefix (name, "glossa-"));
        }
      g_slist_free (tags);
    }
}

/* The file on disk, once autosaved, holds exactly @n spans; returns the
 * first one with @text.
 */
static GlossaSpan *
saved_span (Fixture    *fixture,
            guint       n,
            const char *text)
{
  g_autoptr(GlossaAnnotations) annotations = NULL;

  gui_test_wait_saved (fixture->window);
  annotations = gui_test_read_annotations (fixture->window);
  g_assert_cmpuint (annotations->spans->len, ==, n);

  for (guint i = 0; i < annotations->spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (annotations->spans, i);

      if (g_strcmp0 (span->text, text) == 0)
        return glossa_span_ref (span);
    }

  return NULL;
}

static GlossaSpan *
tag_text (Fixture     *fixture,
          const char  *text,
          const char  *label)
{
  gint64 start = gui_test_find (fixture->window, text);

  gui_test_select (fixture->window, start, start + g_utf8_strlen (text, -1));
  activate (fixture, "win.tag", label);

  return glossa_document_lookup_span (document_of (fixture), glossa_window_get_selected_span (fixture->window));
}

static void
test_tag_selection (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 start = gui_test_find (fixture->window, "Vladimir Putin");
  g_autoptr(GlossaSpan) saved = NULL;
  GlossaSpan *span;

  /* "adimir Pu" snaps outward to the whole words. */
  gui_test_select (fixture->window, start + 2, start + 11);
  activate (fixture, "win.tag", "actor");

  g_assert_cmpuint (glossa_document_get_n_spans (document_of (fixture)), ==, 1);
  span = glossa_document_get_span (document_of (fixture), 0);
  g_assert_cmpstr (span->text, ==, "Vladimir Putin");
  g_assert_cmpint (span->label, ==, GLOSSA_LABEL_ACTOR);
  assert_tagged (fixture, start, start + 14, GLOSSA_LABEL_ACTOR, 0);
  g_assert_cmpstr (glossa_window_get_selected_span (fixture->window), ==, span->id);

  saved = saved_span (fixture, 1, "Vladimir Putin");
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->start, ==, start);
  g_assert_cmpint (saved->label, ==, GLOSSA_LABEL_ACTOR);
}

static void
test_tag_trim (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 start = gui_test_find (fixture->window, " Joe Biden ");
  g_autoptr(GlossaSpan) saved = NULL;

  gui_test_select (fixture->window, start, start + 11);
  activate (fixture, "win.tag", "actor");

  saved = saved_span (fixture, 1, "Joe Biden");
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->start, ==, start + 1);
}

static void
test_tag_exact (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 start = gui_test_find (fixture->window, "Vladimir Putin");
  g_autoptr(GlossaSpan) saved = NULL;

  gui_test_select (fixture->window, start + 2, start + 11);
  activate (fixture, "win.tag-exact", "actor");

  saved = saved_span (fixture, 1, "adimir Pu");
  g_assert_nonnull (saved);
  assert_tagged (fixture, start + 2, start + 11, GLOSSA_LABEL_ACTOR, 0);
}

static void
test_tag_caret (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 start = gui_test_find (fixture->window, "Moscow");
  g_autoptr(GlossaSpan) saved = NULL;

  gui_test_select (fixture->window, start + 3, start + 3);
  activate (fixture, "win.tag", "actor");

  saved = saved_span (fixture, 1, "Moscow");
  g_assert_nonnull (saved);
  assert_tagged (fixture, start, start + 6, GLOSSA_LABEL_ACTOR, 0);
}

static void
test_tag_relabel (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossaSpan *span = tag_text (fixture, "Joe Biden", "actor");
  g_autofree char *id = g_strdup (span->id);
  gint64 start = span->start;
  g_autoptr(GlossaSpan) saved = NULL;

  /* The new span is selected: a label key relabels it. */
  activate (fixture, "win.tag", "quote");

  g_assert_cmpuint (glossa_document_get_n_spans (document_of (fixture)), ==, 1);
  span = glossa_document_get_span (document_of (fixture), 0);
  g_assert_cmpstr (span->id, ==, id);
  g_assert_cmpint (span->label, ==, GLOSSA_LABEL_QUOTE);
  assert_tagged (fixture, start, start + 9, GLOSSA_LABEL_QUOTE, 0);
  assert_untagged (fixture, start - 1, start);

  saved = saved_span (fixture, 1, "Joe Biden");
  g_assert_cmpint (saved->label, ==, GLOSSA_LABEL_QUOTE);
  g_assert_cmpstr (saved->id, ==, id);
}

static void
test_tag_delete (Fixture       *fixture,
                 gconstpointer  data)
{
  GlossaSpan *span = tag_text (fixture, "Joe Biden", "actor");
  gint64 start = span->start;
  g_autoptr(GlossaSpan) saved = NULL;

  tag_text (fixture, "Moscow", "actor");
  gui_test_wait_saved (fixture->window);

  /* Select the first span again, as a click on it would. */
  _glossa_window_on_offset_clicked (fixture->window, start + 2);
  g_assert_nonnull (glossa_window_get_selected_span (fixture->window));
  activate (fixture, "win.delete-span", NULL);

  g_assert_null (glossa_window_get_selected_span (fixture->window));
  g_assert_cmpuint (glossa_document_get_n_spans (document_of (fixture)), ==, 1);
  assert_untagged (fixture, start, start + 9);

  saved = saved_span (fixture, 1, "Joe Biden");
  g_assert_null (saved);
}

static void
test_tag_grow_shrink (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 start = gui_test_find (fixture->window, "US counterpart Joe Biden");
  GlossaSpan *span = tag_text (fixture, "counterpart", "actor");
  g_autoptr(GlossaSpan) saved = NULL;

  g_assert_nonnull (span);
  activate (fixture, "win.grow-end", NULL);
  activate (fixture, "win.grow-end", NULL);
  span = glossa_document_get_span (document_of (fixture), 0);
  g_assert_cmpstr (span->text, ==, "counterpart Joe Biden");

  activate (fixture, "win.grow-start", NULL);
  span = glossa_document_get_span (document_of (fixture), 0);
  g_assert_cmpstr (span->text, ==, "US counterpart Joe Biden");
  assert_tagged (fixture, start, start + 24, GLOSSA_LABEL_ACTOR, 0);

  activate (fixture, "win.shrink-start", NULL);
  activate (fixture, "win.shrink-end", NULL);
  span = glossa_document_get_span (document_of (fixture), 0);
  g_assert_cmpstr (span->text, ==, "counterpart Joe");
  assert_tagged (fixture, start + 3, start + 18, GLOSSA_LABEL_ACTOR, 0);
  assert_untagged (fixture, start, start + 3);
  assert_untagged (fixture, start + 18, start + 24);

  /* Undo brings back each size in turn. */
  activate (fixture, "win.undo", NULL);
  span = glossa_document_get_span (document_of (fixture), 0);
  g_assert_cmpstr (span->text, ==, "counterpart Joe Biden");

  saved = saved_span (fixture, 1, "counterpart Joe Biden");
  g_assert_nonnull (saved);
}

static void
test_tag_nested (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *claim_text = "Vladimir Putin warned his US counterpart Joe Biden";
  gint64 claim_start = gui_test_find (fixture->window, claim_text);
  gint64 claim_end = claim_start + g_utf8_strlen (claim_text, -1);
  GlossaSpan *claim = tag_text (fixture, claim_text, "claim");
  g_autofree char *claim_id = g_strdup (claim->id);
  GlossaSpan *actor;
  g_autofree char *actor_id = NULL;

  /* The inner span, tagged after the outer one, is drawn deeper. */
  actor = tag_text (fixture, "Vladimir Putin", "actor");
  actor_id = g_strdup (actor->id);
  assert_tagged (fixture, claim_start, claim_start + 14, GLOSSA_LABEL_ACTOR, 1);
  assert_tagged (fixture, claim_start, claim_end, GLOSSA_LABEL_CLAIM, 0);

  /* Clicking selects the innermost span, clicking again the one around it. */
  activate (fixture, "win.unselect-span", NULL);
  _glossa_window_on_offset_clicked (fixture->window, claim_start + 3);
  g_assert_cmpstr (glossa_window_get_selected_span (fixture->window), ==, actor_id);
  _glossa_window_on_offset_clicked (fixture->window, claim_start + 3);
  g_assert_cmpstr (glossa_window_get_selected_span (fixture->window), ==, claim_id);
  _glossa_window_on_offset_clicked (fixture->window, claim_start + 3);
  g_assert_cmpstr (glossa_window_get_selected_span (fixture->window), ==, actor_id);

  /* A relabel keeps the span's id, and the cycle goes on from it, even
   * though the press of the next click unselects it first.
   */
  activate (fixture, "win.tag", "date");
  activate (fixture, "win.unselect-span", NULL);
  _glossa_window_on_offset_clicked (fixture->window, claim_start + 3);
  g_assert_cmpstr (glossa_window_get_selected_span (fixture->window), ==, claim_id);
  activate (fixture, "win.undo", NULL);
  activate (fixture, "win.unselect-span", NULL);
  g_clear_pointer (&fixture->window->clicked_id, g_free);

  /* Deleting the outer span makes the inner one top level again. */
  _glossa_window_on_offset_clicked (fixture->window, claim_end - 2);
  g_assert_cmpstr (glossa_window_get_selected_span (fixture->window), ==, claim_id);
  activate (fixture, "win.delete-span", NULL);
  assert_tagged (fixture, claim_start, claim_start + 14, GLOSSA_LABEL_ACTOR, 0);
  assert_untagged (fixture, claim_start + 14, claim_end);

  /* Undo restores the outer span and the inner one's depth. */
  activate (fixture, "win.undo", NULL);
  assert_tagged (fixture, claim_start, claim_start + 14, GLOSSA_LABEL_ACTOR, 1);
  assert_tagged (fixture, claim_start, claim_end, GLOSSA_LABEL_CLAIM, 0);

  g_clear_pointer (&claim_id, g_free);
  glossa_span_unref (saved_span (fixture, 2, "Vladimir Putin"));
}

static void
test_tag_tab (Fixture       *fixture,
              gconstpointer  data)
{
  GlossaSpan *first = tag_text (fixture, "Vladimir Putin", "actor");
  g_autofree char *first_id = g_strdup (first->id);
  GlossaSpan *second = tag_text (fixture, "Joe Biden", "actor");
  g_autofree char *second_id = g_strdup (second->id);

  activate (fixture, "win.next-span", NULL);
  g_assert_cmpstr (glossa_window_get_selected_span (fixture->window), ==, first_id);
  activate (fixture, "win.next-span", NULL);
  g_assert_cmpstr (glossa_window_get_selected_span (fixture->window), ==, second_id);
  activate (fixture, "win.previous-span", NULL);
  g_assert_cmpstr (glossa_window_get_selected_span (fixture->window), ==, first_id);

  /* Escape leaves the span; Tab from the caret finds the next one. */
  activate (fixture, "win.unselect-span", NULL);
  g_assert_null (glossa_window_get_selected_span (fixture->window));
  gui_test_select (fixture->window, 0, 0);
  activate (fixture, "win.next-span", NULL);
  g_assert_cmpstr (glossa_window_get_selected_span (fixture->window), ==, first_id);
}

static void
test_tag_note (Fixture       *fixture,
               gconstpointer  data)
{
  GlossaSpan *span = tag_text (fixture, "Joe Biden", "actor");
  g_autofree char *id = g_strdup (span->id);
  g_autoptr(GlossaSpan) saved = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  activate (fixture, "win.edit-note", NULL);
  gui_test_iterate (50);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = ADW_MESSAGE_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "the US president");
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));

  span = glossa_document_lookup_span (document_of (fixture), id);
  g_assert_cmpstr (span->note, ==, "the US president");
  saved = saved_span (fixture, 1, "Joe Biden");
  g_assert_cmpstr (saved->note, ==, "the US president");
}

static void
test_history_undo_redo (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 start = gui_test_find (fixture->window, "Moscow");
  g_autoptr(GlossaSpan) saved = NULL;

  tag_text (fixture, "Moscow", "actor");
  activate (fixture, "win.tag", "date");
  g_assert_cmpint (glossa_document_get_span (document_of (fixture), 0)->label, ==, GLOSSA_LABEL_DATE);

  activate (fixture, "win.undo", NULL);
  g_assert_cmpint (glossa_document_get_span (document_of (fixture), 0)->label, ==, GLOSSA_LABEL_ACTOR);
  assert_tagged (fixture, start, start + 6, GLOSSA_LABEL_ACTOR, 0);

  activate (fixture, "win.undo", NULL);
  g_assert_cmpuint (glossa_document_get_n_spans (document_of (fixture)), ==, 0);
  assert_untagged (fixture, start, start + 6);
  g_assert_null (saved_span (fixture, 0, "Moscow"));

  activate (fixture, "win.redo", NULL);
  activate (fixture, "win.redo", NULL);
  assert_tagged (fixture, start, start + 6, GLOSSA_LABEL_DATE, 0);
  saved = saved_span (fixture, 1, "Moscow");
  g_assert_cmpint (saved->label, ==, GLOSSA_LABEL_DATE);
}

static void
test_find_then_tag (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 start = gui_test_find (fixture->window, "Yuri Ushakov");
  g_autoptr(GlossaSpan) saved = NULL;
  gint64 s, e;

  activate (fixture, "win.find", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (fixture->window->search_bar));
  gtk_editable_set_text (GTK_EDITABLE (fixture->window->search_entry), "Yuri Ushakov");
  gui_test_iterate (100);
  g_signal_emit_by_name (fixture->window->search_entry, "activate");
  glossa_article_view_get_selection (fixture->window->view, &s, &e);
  g_assert_cmpint (s, ==, start);
  g_assert_cmpint (e, ==, start + 12);

  /* Escape closes the bar, keeps the selection and returns to the article. */
  g_signal_emit_by_name (fixture->window->search_entry, "stop-search");
  gui_test_iterate (50);
  g_assert_false (gtk_search_bar_get_search_mode (fixture->window->search_bar));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->window->view)));
  glossa_article_view_get_selection (fixture->window->view, &s, &e);
  g_assert_cmpint (s, ==, start);

  activate (fixture, "win.tag", "actor");
  saved = saved_span (fixture, 1, "Yuri Ushakov");
  g_assert_nonnull (saved);
}

static void
test_list_filter_activate (Fixture       *fixture,
                           gconstpointer  data)
{
  GListModel *model = glossa_span_list_get_model (fixture->window->span_list);
  GlossaSpan *span;

  tag_text (fixture, "Vladimir Putin", "actor");
  tag_text (fixture, "Joe Biden", "actor");
  tag_text (fixture, "colossal mistake", "quote");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  glossa_span_list_set_filter (fixture->window->span_list, GLOSSA_LABEL_QUOTE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  glossa_span_list_set_filter (fixture->window->span_list, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Rows are in text order; activating one selects its span. */
  activate (fixture, "win.unselect-span", NULL);
  glossa_span_list_activate (fixture->window->span_list, 1);
  span = glossa_document_lookup_span (document_of (fixture), glossa_window_get_selected_span (fixture->window));
  g_assert_cmpstr (span->text, ==, "Joe Biden");

  activate (fixture, "win.delete-span", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
}

static void
test_file_close_saves (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) annotations = glossa_annotations_file_for_article (fixture->article);
  g_autofree char *contents = NULL;

  g_settings_set_uint (fixture->window->settings, "auto-save-delay", 1000);
  tag_text (fixture, "Joe Biden", "actor");
  gui_test_close_window (fixture->window);
  fixture->window = NULL;

  g_assert_true (g_file_load_contents (annotations, NULL, &contents, NULL, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"Joe Biden\""));
}

static void
test_file_save_now (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GlossaSpan) saved = NULL;

  g_settings_set_uint (fixture->window->settings, "auto-save-delay", 1000);
  tag_text (fixture, "Joe Biden", "actor");
  activate (fixture, "win.save", NULL);
  g_assert_true (glossa_saver_get_saving (fixture->window->saver));
  saved = saved_span (fixture, 1, "Joe Biden");
  g_assert_nonnull (saved);
  g_settings_reset (fixture->window->settings, "auto-save-delay");
}

static void
test_file_read_only (void)
{
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  g_autoptr(GFile) annotations = glossa_annotations_file_for_article (article);
  const char *broken = "{\"format\": \"glossa-annotations\", \"version\": 1,\n  oops\n";
  g_autofree char *after = NULL;
  GlossaWindow *window;
  const char *message;

  g_assert_true (g_file_set_contents (g_file_peek_path (annotations), broken, -1, NULL));
  window = gui_test_open_window (article);

  g_assert_true (glossa_document_get_read_only (glossa_window_get_document (window)));
  g_assert_true (gtk_revealer_get_reveal_child (window->banner_revealer));
  message = glossa_document_get_error (glossa_window_get_document (window))->message;
  g_assert_nonnull (strstr (gtk_label_get_text (window->banner_label), message));
  gui_test_select (window, 0, 10);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "actor");
  g_assert_cmpuint (glossa_document_get_n_spans (glossa_window_get_document (window)), ==, 0);

  gui_test_close_window (window);
  g_assert_true (g_file_get_contents (g_file_peek_path (annotations), &after, NULL, NULL));
  g_assert_cmpstr (after, ==, broken);
  gui_test_remove_tree (article);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

static void
test_file_changed_on_disk (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GlossaDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GlossaSpan *span;

  tag_text (fixture, "Joe Biden", "actor");
  gui_test_wait_saved (fixture->window);

  /* Another program (here, a second document) writes the file. */
  other = glossa_document_open (fixture->article, NULL, &error);
  g_assert_no_error (error);
  glossa_document_add_span (other, gui_test_find (fixture->window, "Moscow"),
                            gui_test_find (fixture->window, "Moscow") + 6, GLOSSA_LABEL_ACTOR, &error);
  g_assert_no_error (error);
  glossa_document_save (other, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (gui_test_wait_for (has_dialog, NULL, 5000));
  dialog = find_dialog ();

  /* Nothing is written over the other program's version meanwhile. */
  tag_text (fixture, "Vladimir Putin", "actor");
  gui_test_iterate (500);
  g_assert_false (glossa_document_changed_on_disk (other));

  adw_message_dialog_response (dialog, "reload");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpuint (glossa_document_get_n_spans (document_of (fixture)), ==, 2);
  span = glossa_document_get_span (document_of (fixture), 1);
  g_assert_cmpstr (span->text, ==, "Moscow");
  assert_tagged (fixture, span->start, span->end, GLOSSA_LABEL_ACTOR, 0);
}

/* The copies of other versions kept beside @article's annotation file. */
static GPtrArray *
other_versions (GFile *article)
{
  g_autoptr(GFile) dir = g_file_get_parent (article);
  g_autofree char *base = g_file_get_basename (article);
  g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".txt"));
  g_autofree char *prefix = g_strconcat (stem, ".annotations.other-", NULL);
  g_autoptr(GDir) listing = g_dir_open (g_file_peek_path (dir), 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (found, g_build_filename (g_file_peek_path (dir), name, NULL));
  return found;
}

/* "Keep Mine" (also what Escape answers) keeps a copy of the other version
 * beside the file, writes the window's spans over it, and later changes are
 * saved as usual.
 */
static void
test_file_keep_mine (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GlossaDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gint64 moscow = gui_test_find (fixture->window, "Moscow");
  g_autoptr(GPtrArray) copies = NULL;

  tag_text (fixture, "Joe Biden", "actor");
  gui_test_wait_saved (fixture->window);

  other = glossa_document_open (fixture->article, NULL, &error);
  g_assert_no_error (error);
  glossa_document_add_span (other, moscow, moscow + 6, GLOSSA_LABEL_ACTOR, &error);
  g_assert_no_error (error);
  glossa_document_save (other, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (gui_test_wait_for (has_dialog, NULL, 5000));
  dialog = find_dialog ();
  tag_text (fixture, "Vladimir Putin", "actor");
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_false (glossa_document_get_read_only (document_of (fixture)));
  g_assert_cmpuint (glossa_document_get_n_spans (document_of (fixture)), ==, 2);
  g_assert_null (saved_span (fixture, 2, "Moscow"));

  /* The other program's version, Moscow and all, is in the copy. */
  copies = other_versions (fixture->article);
  g_assert_cmpuint (copies->len, ==, 1);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (g_ptr_array_index (copies, 0), &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "\"text\": \"Moscow\""));
    g_assert_null (strstr (contents, "Vladimir Putin"));
  }

  tag_text (fixture, "Washington", "actor");
  glossa_span_unref (saved_span (fixture, 3, "Washington"));
}

static void
test_prefs_annotator (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GlossaSpan) saved = NULL;

  g_settings_set_string (fixture->window->settings, "annotator", "Ada Lovelace");
  tag_text (fixture, "Joe Biden", "actor");
  saved = saved_span (fixture, 1, "Joe Biden");
  g_assert_cmpstr (saved->annotator, ==, "Ada Lovelace");
  g_settings_reset (fixture->window->settings, "annotator");
}

/* Offsets stay code points through emoji, combining marks, CJK and CRLF:
 * the buffer's offsets and the core's must agree.
 */
static void
test_tag_unicode (void)
{
  const char *text = "Caf\xc3\xa9 \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd nai\xcc\x88ve\r\n"
                     "\xf0\x9f\x87\xae\xf0\x9f\x87\xb9 Zu\xcc\x88rich \xe6\x9d\xb1\xe4\xba\xac said\r\n";
  g_autofree char *dir = g_dir_make_tmp ("glossa-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "unicode.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  g_autoptr(GlossaAnnotations) annotations = NULL;
  GlossaWindow *window;
  gint64 start;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  window = gui_test_open_window (article);

  start = gui_test_find (window, "Zu\xcc\x88rich");
  gui_test_select (window, start + 1, start + 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "actor");
  start = gui_test_find (window, "\xe6\x9d\xb1");
  gui_test_select (window, start, start + 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-exact", "s", "claim");

  gui_test_wait_saved (window);
  annotations = gui_test_read_annotations (window);
  g_assert_cmpuint (annotations->spans->len, ==, 2);
  g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (annotations->spans, 0))->text, ==, "Zu\xcc\x88rich");
  g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (annotations->spans, 1))->text, ==, "\xe6\x9d\xb1\xe4\xba\xac");

  gui_test_close_window (window);
  gui_test_remove_tree (article);
}

static void
test_empty_state (void)
{
  GlossaWindow *window = gui_test_open_window (NULL);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "empty");
  /* Tagging with nothing open is a no-op, not a crash. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", "actor");
  gui_test_close_window (window);
}

static void
test_file_drop (void)
{
  g_autoptr(GFile) article = gui_test_copy_sample (SAMPLE);
  GlossaWindow *window = gui_test_open_window (NULL);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GSList) list = g_slist_prepend (NULL, article);
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *drop = NULL;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        drop = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (drop);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &handled);
  g_assert_true (handled);

  g_assert_nonnull (glossa_window_get_document (window));
  g_assert_true (g_file_equal (glossa_article_get_file (glossa_document_get_article (glossa_window_get_document (window))), article));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "document");

  g_clear_object (&controllers);
  gui_test_close_window (window);
  gui_test_remove_tree (article);
}

static void
test_prefs_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GlossaPreferencesWindow *prefs = glossa_preferences_window_new (settings);
  AdwEntryRow *row = NULL;
  g_autofree char *stored = NULL;

  /* The empty key shows the account's real name. */
  g_settings_reset (settings, "annotator");
  gtk_window_present (GTK_WINDOW (prefs));
  row = ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (prefs), GLOSSA_TYPE_PREFERENCES_WINDOW, "annotator_row"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, g_get_real_name ());

  gtk_editable_set_text (GTK_EDITABLE (row), "Grace Hopper");
  stored = g_settings_get_string (settings, "annotator");
  g_assert_cmpstr (stored, ==, "Grace Hopper");

  g_settings_reset (settings, "annotator");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Whether @model, its sections or its submenus have an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      GMenuModel *linked;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
      while (g_menu_link_iter_get_next (links, NULL, &linked))
        {
          gboolean found = menu_has_action (linked, action);

          g_object_unref (linked);
          if (found)
            return TRUE;
        }
    }

  return FALSE;
}

/* The primary menu's popover is made when the menu first opens, with the
 * menu's items; it is made once.
 */
static void
test_primary_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkMenuButton *button = fixture->window->menu_button;
  GtkPopover *popover;
  GMenuModel *model;

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_assert_null (gtk_menu_button_get_popover (button));

  gtk_menu_button_popup (button);
  gui_test_iterate (50);
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_true (model == fixture->window->primary_menu);
  g_assert_true (menu_has_action (model, "win.show-help-overlay"));
  g_assert_true (menu_has_action (model, "win.open"));

  gtk_menu_button_popdown (button);
  gui_test_iterate (50);
  gtk_menu_button_popup (button);
  gui_test_iterate (50);
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  gtk_menu_button_popdown (button);
}

/* The shortcuts windows among the toplevels, and how many there are. */
static GtkWindow *
find_shortcuts_window (guint *n_found)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  *n_found = 0;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window))
        {
          found = window;
          (*n_found)++;
        }
    }

  return found;
}

/* Keyboard Shortcuts (Ctrl+?) opens one shortcuts window over the window,
 * built when first asked for, not with every window; closing it hides it,
 * and it goes with its window.
 */
static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWindow *overlay;
  guint n_found;

  g_assert_null (find_shortcuts_window (&n_found));

  activate (fixture, "win.show-help-overlay", NULL);
  gui_test_iterate (50);
  overlay = find_shortcuts_window (&n_found);
  g_assert_nonnull (overlay);
  g_assert_cmpuint (n_found, ==, 1);
  g_assert_true (gtk_window_get_transient_for (overlay) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  gtk_window_close (overlay);
  gui_test_iterate (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  activate (fixture, "win.show-help-overlay", NULL);
  gui_test_iterate (50);
  g_assert_true (find_shortcuts_window (&n_found) == overlay);
  g_assert_cmpuint (n_found, ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  gui_test_close_window (fixture->window);
  fixture->window = NULL;
  g_assert_null (find_shortcuts_window (&n_found));
}

static void
add (const char *path,
     void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  add ("/gui/tag/selection", test_tag_selection);
  add ("/gui/tag/trim", test_tag_trim);
  add ("/gui/tag/exact", test_tag_exact);
  add ("/gui/tag/caret", test_tag_caret);
  add ("/gui/tag/relabel", test_tag_relabel);
  add ("/gui/tag/delete", test_tag_delete);
  add ("/gui/tag/grow-shrink", test_tag_grow_shrink);
  add ("/gui/tag/nested", test_tag_nested);
  add ("/gui/tag/tab", test_tag_tab);
  add ("/gui/tag/note", test_tag_note);
  add ("/gui/history/undo-redo", test_history_undo_redo);
  add ("/gui/find/then-tag", test_find_then_tag);
  add ("/gui/list/filter-activate", test_list_filter_activate);
  add ("/gui/file/close-saves", test_file_close_saves);
  add ("/gui/file/save-now", test_file_save_now);
  add ("/gui/file/changed-on-disk", test_file_changed_on_disk);
  add ("/gui/file/keep-mine", test_file_keep_mine);
  add ("/gui/prefs/annotator", test_prefs_annotator);
  g_test_add_func ("/gui/tag/unicode", test_tag_unicode);
  g_test_add_func ("/gui/file/read-only", test_file_read_only);
  g_test_add_func ("/gui/empty-state", test_empty_state);
  g_test_add_func ("/gui/file/drop", test_file_drop);
  g_test_add_func ("/gui/prefs/window", test_prefs_window);
  add ("/gui/shortcuts-window", test_shortcuts_window);
  add ("/gui/primary-menu", test_primary_menu);

  return g_test_run ();
}
