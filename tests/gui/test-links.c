/* test-links.c: linking by keyboard, the partners outlined, the span list's links, the value editor
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 12, in the window: "with a quote or claim selected, the link key
 * (S for source by default, from the schema) offers the candidate actors,
 * nearest first, in the text itself (cycle with Tab or the arrows, type to
 * filter by text, Enter to link, Escape to cancel)"; "a linked span's
 * partner is highlighted, and a key jumps between the two ends"; the span
 * list shows each link and the unattributed count; a date's value is
 * edited with a check as it is typed. The keys go through the window's
 * link key controller as GTK delivers them (real key presses are in
 * tests/e2e/test-links.py); what is checked is the file on disk.
 */

#include "config.h"

#include <string.h>

#include "glossa-span-row.h"
#include "glossa-value-editor.h"
#include "glossa-window-private.h"
#include "gui-test-util.h"

#define TEXT \
  "date 2021-12-30\n\n" \
  "Russian President Vladimir Putin said on Tuesday that the expansion of NATO was " \
  "\"a colossal mistake\" and warned the West.\n\n" \
  "White House press secretary Jen Psaki told reporters that \"diplomacy is the only way " \
  "forward\".\n\n" \
  "Analysts said the crisis could last for years.\n"

typedef struct
{
  GFile        *article;
  GlossaWindow *window;
  GlossaDocument *document;
  /* The spans' ids, made in this order: s1 … s7. */
  const char   *putin, *tuesday, *mistake, *psaki, *diplomacy, *analysts, *crisis;
} Fixture;

static gboolean
is_saved (gpointer data)
{
  GlossaWindow *window = data;

  return !glossa_window_get_saving (window) &&
         !glossa_document_get_modified (glossa_window_get_document (window));
}

/* As gui_test_wait_saved(), with room for a machine under load: what is
 * checked is what lands on disk, not how fast.
 */
static void
wait_saved (GlossaWindow *window)
{
  g_assert_true (gui_test_wait_for (is_saved, window, 10000));
}

static const char *
add_span (Fixture     *f,
          const char  *text,
          GlossaLabel  label)
{
  g_autoptr(GError) error = NULL;
  gint64 start = gui_test_find (f->window, text);
  GlossaSpan *span = glossa_document_add_span (f->document, start, start + g_utf8_strlen (text, -1),
                                               label, &error);

  g_assert_no_error (error);
  return span->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("glossa-gui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "news.txt", NULL);

  g_assert_no_error (error);
  g_file_set_contents (path, TEXT, -1, &error);
  g_assert_no_error (error);
  f->article = g_file_new_for_path (path);
  f->window = gui_test_open_window (f->article);
  f->document = glossa_window_get_document (f->window);

  f->putin = add_span (f, "Vladimir Putin", GLOSSA_LABEL_ACTOR);
  f->tuesday = add_span (f, "Tuesday", GLOSSA_LABEL_DATE);
  f->mistake = add_span (f, "a colossal mistake", GLOSSA_LABEL_QUOTE);
  f->psaki = add_span (f, "Jen Psaki", GLOSSA_LABEL_ACTOR);
  f->diplomacy = add_span (f, "diplomacy is the only way forward", GLOSSA_LABEL_QUOTE);
  f->analysts = add_span (f, "Analysts", GLOSSA_LABEL_ACTOR);
  f->crisis = add_span (f, "the crisis could last for years", GLOSSA_LABEL_CLAIM);
  g_assert_cmpstr (f->crisis, ==, "s7");
  wait_saved (f->window);
  gtk_widget_grab_focus (GTK_WIDGET (f->window->view));
  gui_test_iterate (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gui_test_close_window (f->window);
  gui_test_remove_tree (f->article);
  g_clear_object (&f->article);
}

static GtkEventController *
link_keys (GlossaWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "glossa-link-keys") == 0)
        return controller;
    }
  g_assert_not_reached ();
}

/* A key as the window's link key controller receives it; whether it was
 * taken (else it goes on to the view's keys).
 */
static gboolean
press (Fixture         *f,
       guint            keyval,
       GdkModifierType  state)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (link_keys (f->window), "key-pressed", keyval, 0, state, &handled);
  gui_test_iterate (20);
  return handled;
}

static void
type (Fixture    *f,
      const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    g_assert_true (press (f, gdk_unicode_to_keyval (g_utf8_get_char (p)), 0));
}

static const char *
current_candidate (Fixture *f)
{
  GlossaSpan *current = NULL;

  g_assert_true (_glossa_window_links_get_state (f->window, NULL, &current, NULL));
  return current ? current->id : NULL;
}

static guint
n_candidates (Fixture *f)
{
  guint n = 0;

  _glossa_window_links_get_state (f->window, NULL, NULL, &n);
  return n;
}

static const char *
status (Fixture *f)
{
  if (!gtk_revealer_get_reveal_child (f->window->link_revealer))
    return NULL;
  return gtk_label_get_text (f->window->link_status);
}

/* The links in the file on disk, as "from>to" in file order. */
static char *
links_on_disk (Fixture *f)
{
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  wait_saved (f->window);
  annotations = gui_test_read_annotations (f->window);
  for (guint i = 0; i < annotations->relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (annotations->relations, i);

      g_assert_cmpstr (relation->type, ==, "source");
      g_string_append_printf (out, "%s%s>%s", i ? " " : "", relation->from, relation->to);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
select_span (Fixture    *f,
             const char *id)
{
  glossa_window_select_span (f->window, id);
  gtk_widget_grab_focus (GTK_WIDGET (f->window->view));
  gui_test_iterate (20);
}

/* S with the quote selected: the three actors, nearest first (Putin just
 * before it, then Jen Psaki after, then Analysts); Tab, Shift+Tab and the
 * arrows cycle; Enter links; the file has it; the partner is outlined.
 */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *saved = NULL;
  GPtrArray *marks;
  GlossaSpan *current = NULL;

  select_span (f, f->mistake);
  g_assert_true (press (f, GDK_KEY_s, 0));
  g_assert_cmpuint (n_candidates (f), ==, 3);
  g_assert_cmpstr (current_candidate (f), ==, f->putin);
  g_assert_cmpstr (status (f), ==, "Source for “a colossal mistake”: 1 of 3 — Tab for the next, Enter to link");
  marks = glossa_article_view_get_link_marks (f->window->view, &current);
  g_assert_nonnull (marks);
  g_assert_cmpuint (marks->len, ==, 3);
  g_assert_cmpstr (current->id, ==, f->putin);

  g_assert_true (press (f, GDK_KEY_Tab, 0));
  g_assert_cmpstr (current_candidate (f), ==, f->psaki);
  g_assert_true (press (f, GDK_KEY_Down, 0));
  g_assert_cmpstr (current_candidate (f), ==, f->analysts);
  g_assert_true (press (f, GDK_KEY_Tab, 0));
  g_assert_cmpstr (current_candidate (f), ==, f->putin);
  g_assert_true (press (f, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_cmpstr (current_candidate (f), ==, f->analysts);
  g_assert_true (press (f, GDK_KEY_Up, 0));
  g_assert_cmpstr (current_candidate (f), ==, f->psaki);
  g_assert_cmpstr (status (f), ==, "Source for “a colossal mistake”: 2 of 3 — Tab for the next, Enter to link");

  g_assert_true (press (f, GDK_KEY_Return, 0));
  g_assert_false (_glossa_window_links_get_state (f->window, NULL, NULL, NULL));
  saved = links_on_disk (f);
  g_assert_cmpstr (saved, ==, "s3>s4");
  /* The quote stays selected, its partner outlined. */
  g_assert_cmpstr (f->window->selected_id, ==, f->mistake);
  marks = glossa_article_view_get_link_marks (f->window->view, &current);
  g_assert_nonnull (marks);
  g_assert_cmpuint (marks->len, ==, 1);
  g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (marks, 0))->id, ==, f->psaki);
  g_assert_null (current);
}

/* Escape leaves the document as it was: nothing to undo, nothing saved. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *saved = NULL;
  guint64 serial = glossa_document_get_serial (f->document);

  select_span (f, f->crisis);
  g_assert_true (press (f, GDK_KEY_S, GDK_SHIFT_MASK));
  g_assert_cmpstr (current_candidate (f), ==, f->analysts);
  g_assert_true (press (f, GDK_KEY_Escape, 0));
  g_assert_false (_glossa_window_links_get_state (f->window, NULL, NULL, NULL));
  g_assert_null (status (f));
  g_assert_cmpuint (glossa_document_get_serial (f->document), ==, serial);
  saved = links_on_disk (f);
  g_assert_cmpstr (saved, ==, "");
  /* Escape again is the view's: it unselects the span. */
  g_assert_false (press (f, GDK_KEY_Escape, 0));
}

/* Typing filters by the candidates' text, case-folded; Backspace takes a
 * letter back; with nothing matching, Enter does nothing.
 */
static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *saved = NULL;

  select_span (f, f->diplomacy);
  g_assert_true (press (f, GDK_KEY_s, 0));
  /* Nearest in characters: Analysts, four after the quote's end, then
   * Jen Psaki, twenty-two before its start.
   */
  g_assert_cmpstr (current_candidate (f), ==, f->analysts);
  g_assert_true (press (f, GDK_KEY_Tab, 0));
  g_assert_cmpstr (current_candidate (f), ==, f->psaki);
  type (f, "VLAD");
  g_assert_cmpuint (n_candidates (f), ==, 1);
  g_assert_cmpstr (current_candidate (f), ==, f->putin);
  g_assert_cmpstr (status (f), ==,
                   "Source for “diplomacy is the only way forward” matching “VLAD”: 1 of 1 — Tab for the next, Enter to link");
  type (f, "x");
  g_assert_cmpuint (n_candidates (f), ==, 0);
  g_assert_nonnull (strstr (status (f), "nothing matches “VLADx”"));
  g_assert_true (press (f, GDK_KEY_Return, 0));
  g_assert_true (press (f, GDK_KEY_BackSpace, 0));
  g_assert_cmpuint (n_candidates (f), ==, 1);
  g_assert_true (press (f, GDK_KEY_Return, 0));
  saved = links_on_disk (f);
  g_assert_cmpstr (saved, ==, "s5>s1");
}

/* The link key means nothing without a span a link starts at: with an
 * actor selected, or none, it is left to the label keys.
 */
static void
test_keys_kept (Fixture       *f,
                gconstpointer  data)
{
  select_span (f, f->putin);
  g_assert_false (press (f, GDK_KEY_s, 0));
  g_assert_false (_glossa_window_links_get_state (f->window, NULL, NULL, NULL));
  _glossa_window_clear_selection (f->window);
  g_assert_false (press (f, GDK_KEY_s, 0));
  /* A label key with a quote selected still relabels it. */
  select_span (f, f->mistake);
  g_assert_false (press (f, GDK_KEY_c, 0));
}

/* One undo takes a link away, in the file and in the span list; deleting
 * the actor drops its links, one undo brings both back.
 */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *linked = NULL, *undone = NULL, *deleted = NULL, *restored = NULL;

  g_assert_cmpuint (glossa_span_list_get_n_unattributed (f->window->span_list), ==, 3);
  select_span (f, f->mistake);
  g_assert_true (press (f, GDK_KEY_s, 0));
  g_assert_true (press (f, GDK_KEY_Return, 0));
  select_span (f, f->crisis);
  g_assert_true (press (f, GDK_KEY_s, 0));
  type (f, "put");
  g_assert_true (press (f, GDK_KEY_KP_Enter, 0));
  linked = links_on_disk (f);
  g_assert_cmpstr (linked, ==, "s3>s1 s7>s1");
  g_assert_cmpuint (glossa_span_list_get_n_unattributed (f->window->span_list), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  undone = links_on_disk (f);
  g_assert_cmpstr (undone, ==, "s3>s1");
  g_assert_cmpuint (glossa_span_list_get_n_unattributed (f->window->span_list), ==, 2);

  select_span (f, f->putin);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-span", NULL));
  deleted = links_on_disk (f);
  g_assert_cmpstr (deleted, ==, "");
  g_assert_cmpuint (glossa_span_list_get_n_unattributed (f->window->span_list), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  restored = links_on_disk (f);
  g_assert_cmpstr (restored, ==, "s3>s1");
}

/* Ctrl+J from the quote to its source however far, and back; Ctrl+Shift+J
 * to the next statement without a source.
 */
static void
test_jumps (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (glossa_document_add_relation (f->document, "source", f->crisis, f->putin, &error));
  g_assert_no_error (error);
  select_span (f, f->crisis);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-to-linked", NULL));
  g_assert_cmpstr (f->window->selected_id, ==, f->putin);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-to-linked", NULL));
  g_assert_cmpstr (f->window->selected_id, ==, f->crisis);

  select_span (f, f->putin);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-unattributed", NULL));
  g_assert_cmpstr (f->window->selected_id, ==, f->mistake);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-unattributed", NULL));
  g_assert_cmpstr (f->window->selected_id, ==, f->diplomacy);
  /* The claim has its source: round to the first quote again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-unattributed", NULL));
  g_assert_cmpstr (f->window->selected_id, ==, f->mistake);
}

/* The rows of the span list alive now, by their span's id. */
static const char *
row_links (Fixture    *f,
           const char *id)
{
  GtkWidget *widget;

  for (widget = GTK_WIDGET (f->window->span_list); widget != NULL; )
    {
      GtkWidget *next = gtk_widget_get_first_child (widget);

      if (GLOSSA_IS_SPAN_ROW (widget) && glossa_span_row_get_span (GLOSSA_SPAN_ROW (widget)) != NULL &&
          strcmp (glossa_span_row_get_span (GLOSSA_SPAN_ROW (widget))->id, id) == 0)
        return glossa_span_row_get_links (GLOSSA_SPAN_ROW (widget));
      /* Depth first through the list's widgets. */
      while (next == NULL && widget != GTK_WIDGET (f->window->span_list))
        {
          next = gtk_widget_get_next_sibling (widget);
          if (next == NULL)
            widget = gtk_widget_get_parent (widget);
        }
      widget = next;
    }
  g_assert_not_reached ();
}

static void
test_span_list (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gui_test_iterate (200);
  g_assert_cmpstr (row_links (f, f->mistake), ==, "No source");
  g_assert_null (row_links (f, f->putin));
  g_assert_cmpstr (row_links (f, f->tuesday), ==, "2021-12-28 · Tuesday 28 December 2021");

  g_assert_nonnull (glossa_document_add_relation (f->document, "source", f->mistake, f->putin, &error));
  g_assert_nonnull (glossa_document_add_relation (f->document, "source", f->crisis, f->putin, &error));
  g_assert_no_error (error);
  gui_test_iterate (100);
  g_assert_cmpstr (row_links (f, f->mistake), ==, "← Vladimir Putin");
  g_assert_cmpstr (row_links (f, f->putin), ==, "Source of 2 statements");
  g_assert_cmpuint (glossa_span_list_get_n_unattributed (f->window->span_list), ==, 1);
}

static GlossaValueEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GLOSSA_IS_VALUE_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GLOSSA_VALUE_EDITOR (window);
    }
  return NULL;
}

/* F2 on the date: the value checked as it is typed, its meaning shown,
 * Save only for a value that is well-formed; saved as the annotator's,
 * one undo step back to the normaliser's.
 */
static void
test_value_editor (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GlossaAnnotations) saved = NULL;
  GlossaValueEditor *editor;
  GlossaSpan *span;

  select_span (f, f->tuesday);
  g_assert_nonnull (strstr (status (f), "Value 2021-12-28: Tuesday 28 December 2021"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-value", NULL));
  gui_test_iterate (100);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (glossa_value_editor_get_entry (editor)), ==, "2021-12-28");
  g_assert_cmpstr (glossa_value_editor_get_meaning (editor), ==, "Tuesday 28 December 2021");

  gtk_editable_set_text (glossa_value_editor_get_entry (editor), "2021-13");
  g_assert_nonnull (strstr (glossa_value_editor_get_meaning (editor), "month"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (editor), "save"));
  gtk_editable_set_text (glossa_value_editor_get_entry (editor), "2021-W51");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (editor), "save"));
  gtk_editable_set_text (glossa_value_editor_get_entry (editor), " 2021-12-21 ");
  g_assert_cmpstr (glossa_value_editor_get_meaning (editor), ==, "Tuesday 21 December 2021");
  /* As its Save button does: the response, then the dialog closes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (editor), "save");
  gtk_window_close (GTK_WINDOW (editor));
  gui_test_iterate (100);

  span = glossa_document_lookup_span (f->document, f->tuesday);
  g_assert_cmpstr (glossa_span_get_attribute (span, "value"), ==, "2021-12-21");
  g_assert_cmpstr (span->value_source, ==, "annotator");
  wait_saved (f->window);
  saved = gui_test_read_annotations (f->window);
  for (guint i = 0; i < saved->spans->len; i++)
    {
      GlossaSpan *s = g_ptr_array_index (saved->spans, i);

      if (strcmp (s->id, f->tuesday) == 0)
        {
          g_assert_cmpstr (glossa_span_get_attribute (s, "value"), ==, "2021-12-21");
          g_assert_cmpstr (s->value_source, ==, "annotator");
        }
    }
  g_assert_nonnull (strstr (status (f), "set by hand"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  span = glossa_document_lookup_span (f->document, f->tuesday);
  g_assert_cmpstr (glossa_span_get_attribute (span, "value"), ==, "2021-12-28");
  g_assert_cmpstr (span->value_source, ==, "auto");

  /* An actor has no value to edit. */
  gui_test_iterate (200);
  g_assert_null (find_editor ());
  select_span (f, f->putin);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-value", NULL);
  gui_test_iterate (100);
  g_assert_null (find_editor ());
}

/* The captions of View → Show Links on screen, joined by "|". */
static char *
captions (Fixture *f)
{
  g_autoptr(GPtrArray) list = glossa_article_view_dup_visible_captions (f->window->view);

  g_ptr_array_add (list, NULL);
  return g_strjoinv ("|", (char **) list->pdata);
}

/* Captions follow the document 30 ms after a change, as the outlines. */
static char *
captions_later (Fixture *f)
{
  gui_test_iterate (100);
  return captions (f);
}

/* Issue 12: "links are drawn … on demand for all in view". The menu's
 * action sets the key and the view shows or hides the captions: each
 * statement's source, a warning "?" for those without one.
 */
static void
test_show_links (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hidden = NULL, *none = NULL, *linked = NULL, *off = NULL;

  g_settings_reset (settings, "show-links");
  hidden = captions_later (f);
  g_assert_cmpstr (hidden, ==, "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-links", NULL));
  g_assert_true (g_settings_get_boolean (settings, "show-links"));
  state = g_action_group_get_action_state (G_ACTION_GROUP (f->window), "show-links");
  g_assert_true (g_variant_get_boolean (state));
  none = captions (f);
  g_assert_cmpstr (none, ==, "s3 !← ?|s5 !← ?|s7 !← ?");

  glossa_document_add_relation (f->document, "source", f->diplomacy, f->psaki, &error);
  g_assert_no_error (error);
  linked = captions_later (f);
  g_assert_cmpstr (linked, ==, "s3 !← ?|s5 ← Jen Psaki|s7 !← ?");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-links", NULL));
  g_assert_false (g_settings_get_boolean (settings, "show-links"));
  off = captions (f);
  g_assert_cmpstr (off, ==, "");
}

/* A link made from the keyboard shows at once with its source shortened;
 * undo takes it back to "?", and so does deleting the source; a second
 * source is listed after the first.
 */
static void
test_captions_follow (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *linked = NULL, *undone = NULL, *two = NULL, *deleted = NULL;
  g_autofree char *resized = NULL, *relabelled = NULL;
  const char *secretary = add_span (f, "White House press secretary", GLOSSA_LABEL_ACTOR);

  g_settings_set_boolean (settings, "show-links", TRUE);
  select_span (f, f->diplomacy);
  g_assert_true (press (f, GDK_KEY_s, 0));
  type (f, "white");
  g_assert_true (press (f, GDK_KEY_Return, 0));
  linked = captions_later (f);
  g_assert_cmpstr (linked, ==, "s3 !← ?|s5 ← White House press secre…|s7 !← ?");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  undone = captions_later (f);
  g_assert_cmpstr (undone, ==, "s3 !← ?|s5 !← ?|s7 !← ?");

  glossa_document_add_relation (f->document, "source", f->crisis, f->analysts, &error);
  g_assert_no_error (error);
  glossa_document_add_relation (f->document, "source", f->crisis, secretary, &error);
  g_assert_no_error (error);
  two = captions_later (f);
  g_assert_cmpstr (two, ==, "s3 !← ?|s5 !← ?|s7 ← White House press secre…, Analysts");

  select_span (f, secretary);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-span", NULL));
  deleted = captions_later (f);
  g_assert_cmpstr (deleted, ==, "s3 !← ?|s5 !← ?|s7 ← Analysts");

  /* The source's new text, and a statement relabelled as a date, which
   * the link may not start at and which has no caption then.
   */
  glossa_document_update_span (f->document, f->analysts,
                               gui_test_find (f->window, "Analysts said"),
                               gui_test_find (f->window, "Analysts said") + 13,
                               GLOSSA_LABEL_ACTOR, NULL, &error);
  g_assert_no_error (error);
  resized = captions_later (f);
  g_assert_cmpstr (resized, ==, "s3 !← ?|s5 !← ?|s7 ← Analysts said");
  glossa_document_update_span (f->document, f->mistake, gui_test_find (f->window, "a colossal mistake"),
                               gui_test_find (f->window, "a colossal mistake") + 18,
                               GLOSSA_LABEL_DATE, NULL, &error);
  g_assert_no_error (error);
  relabelled = captions_later (f);
  g_assert_cmpstr (relabelled, ==, "s5 !← ?|s7 ← Analysts said");
  g_settings_reset (settings, "show-links");
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gui/links/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("keyboard", test_keyboard);
  ADD ("cancel", test_cancel);
  ADD ("filter", test_filter);
  ADD ("keys-kept", test_keys_kept);
  ADD ("undo", test_undo);
  ADD ("jumps", test_jumps);
  ADD ("span-list", test_span_list);
  ADD ("value-editor", test_value_editor);
  ADD ("show-links", test_show_links);
  ADD ("captions-follow", test_captions_follow);
#undef ADD
  return g_test_run ();
}
