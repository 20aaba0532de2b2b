/* test-suggest.c: GTK tests of suggestions in the window: drawn, moved through, accepted, rejected
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-window-private.h"
#include "gui-test-util.h"

/* Its suggestions, in text order: the date 2009, the actor Marta Quell,
 * her quote (with the date "today" inside), a quote of Brenn's (with "the
 * end of 2026" inside), Brenn, Monday, 18 March.
 */
#define SAMPLE "001_harbour_strike.txt"
#define QUELL_QUOTE "nobody wins a strike, but today we did not lose one."

typedef struct
{
  GFile        *article;
  GlossaWindow *window;
} Fixture;

static gboolean
has_suggestions (gpointer data)
{
  GlossaWindow *window = data;
  GArray *shown = glossa_article_view_get_suggestions (window->view, NULL);

  return shown != NULL && shown->len > 0;
}

static void
open_window (Fixture *fixture)
{
  fixture->window = gui_test_open_window (fixture->article);
  g_assert_true (gui_test_wait_for (has_suggestions, fixture->window, 10000));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GSettings *settings = g_settings_new (APP_ID);

  g_settings_set_boolean (settings, "show-suggestions", TRUE);
  g_object_unref (settings);
  fixture->article = gui_test_copy_sample (SAMPLE);
  open_window (fixture);
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
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
}

static GArray *
shown (Fixture *fixture,
       int     *current)
{
  return glossa_article_view_get_suggestions (fixture->window->view, current);
}

static char *
text_of (Fixture                           *fixture,
         const GlossaArticleViewSuggestion *s)
{
  return glossa_article_slice (glossa_document_get_article (document_of (fixture)), s->start, s->end);
}

/* The index of the shown suggestion of @label whose text is @text, or -1. */
static int
find_shown (Fixture    *fixture,
            const char *label,
            const char *text)
{
  GArray *marks = shown (fixture, NULL);

  for (guint i = 0; i < marks->len; i++)
    {
      const GlossaArticleViewSuggestion *s = &g_array_index (marks, GlossaArticleViewSuggestion, i);
      g_autofree char *slice = text_of (fixture, s);

      if (g_str_equal (glossa_label_to_string (s->label), label) && g_str_equal (slice, text))
        return i;
    }
  return -1;
}

/* Moves with ] until @text (of @label) is the current suggestion. */
static void
go_to (Fixture    *fixture,
       const char *label,
       const char *text)
{
  int target = find_shown (fixture, label, text);
  int current = -1;

  g_assert_cmpint (target, >=, 0);
  for (guint n = 0; n < 20 && current != target; n++)
    {
      activate (fixture, "win.next-suggestion");
      shown (fixture, &current);
    }
  g_assert_cmpint (current, ==, target);
}

static GlossaSpan *
span_with_text (GlossaAnnotations *annotations,
                const char        *label,
                const char        *text)
{
  for (guint i = 0; i < annotations->spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (annotations->spans, i);

      if (g_str_equal (glossa_label_to_string (span->label), label) && g_str_equal (span->text, text))
        return span;
    }
  return NULL;
}

/* Suggestions are drawn, none of them a span, and nothing is written. */
static void
test_drawn (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *base = g_strdup (g_file_peek_path (fixture->article));
  g_autofree char *sidecar = NULL;

  g_assert_cmpint (find_shown (fixture, "quote", QUELL_QUOTE), >=, 0);
  g_assert_cmpint (find_shown (fixture, "actor", "Marta Quell"), >=, 0);
  g_assert_cmpint (find_shown (fixture, "date", "2009"), >=, 0);
  g_assert_cmpint (find_shown (fixture, "date", "Monday, 18 March"), >=, 0);
  g_assert_cmpuint (glossa_document_get_n_spans (document_of (fixture)), ==, 0);
  g_assert_cmpint (_glossa_window_suggest_get_elapsed (fixture->window), >, 0);
  gui_test_iterate (500);
  *strrchr (base, '.') = '\0';
  sidecar = g_strconcat (base, ".annotations.json", NULL);
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
}

/* ] from the start goes through them in order, [ goes back, both wrap. */
static void
test_next_previous (Fixture       *fixture,
                    gconstpointer  data)
{
  guint n_marks = shown (fixture, NULL)->len;
  int current;

  activate (fixture, "win.next-suggestion");
  shown (fixture, &current);
  g_assert_cmpint (current, ==, 0);
  activate (fixture, "win.next-suggestion");
  shown (fixture, &current);
  g_assert_cmpint (current, ==, 1);
  activate (fixture, "win.previous-suggestion");
  activate (fixture, "win.previous-suggestion");
  shown (fixture, &current);
  g_assert_cmpint (current, ==, (int) n_marks - 1);
}

/* Accepting makes the span, with origin "suggested" and the annotator,
 * a date with its value, on disk.
 */
static void
test_accept (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GlossaAnnotations) annotations = NULL;
  GlossaSpan *span;
  int current;

  glossa_document_set_user (document_of (fixture), "Ada Ferri");
  go_to (fixture, "date", "Monday, 18 March");
  activate (fixture, "win.accept-suggestion");
  g_assert_cmpint (find_shown (fixture, "date", "Monday, 18 March"), ==, -1);
  /* The next one is current, wrapping around to the first. */
  shown (fixture, &current);
  g_assert_cmpint (current, ==, 0);

  gui_test_wait_saved (fixture->window);
  annotations = gui_test_read_annotations (fixture->window);
  g_assert_cmpuint (annotations->spans->len, ==, 1);
  span = span_with_text (annotations, "date", "Monday, 18 March");
  g_assert_nonnull (span);
  g_assert_cmpint (span->origin, ==, GLOSSA_ORIGIN_SUGGESTED);
  g_assert_cmpstr (span->annotator, ==, "Ada Ferri");
  g_assert_cmpstr (glossa_span_get_attribute (span, "value"), ==, "2024-03-18");
  g_assert_cmpstr (span->value_source, ==, "auto");
}

/* A quote is accepted with its speaker and its source link, in one undo
 * step; undone, both are suggested again.
 */
static void
test_accept_quote_undo (Fixture       *fixture,
                        gconstpointer  data)
{
  GlossaDocument *document = document_of (fixture);
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  GlossaRelation *relation;

  go_to (fixture, "quote", QUELL_QUOTE);
  activate (fixture, "win.accept-suggestion");
  gui_test_wait_saved (fixture->window);
  annotations = gui_test_read_annotations (fixture->window);
  g_assert_nonnull (span_with_text (annotations, "quote", QUELL_QUOTE));
  g_assert_nonnull (span_with_text (annotations, "actor", "Marta Quell"));
  g_assert_cmpint (span_with_text (annotations, "actor", "Marta Quell")->origin, ==, GLOSSA_ORIGIN_SUGGESTED);
  g_assert_cmpint (find_shown (fixture, "actor", "Marta Quell"), ==, -1);
  /* Linked: the quote's source is its speaker. */
  g_assert_nonnull (annotations->relations);
  g_assert_cmpuint (annotations->relations->len, ==, 1);
  relation = g_ptr_array_index (annotations->relations, 0);
  g_assert_cmpstr (relation->type, ==, "source");
  g_assert_cmpstr (relation->from, ==, span_with_text (annotations, "quote", QUELL_QUOTE)->id);
  g_assert_cmpstr (relation->to, ==, span_with_text (annotations, "actor", "Marta Quell")->id);

  g_assert_true (glossa_document_undo (document));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 0);
  relations = glossa_document_dup_relations (document);
  g_assert_cmpuint (relations->len, ==, 0);
  g_assert_false (glossa_document_can_undo (document));
  g_assert_cmpint (find_shown (fixture, "quote", QUELL_QUOTE), >=, 0);
  g_assert_cmpint (find_shown (fixture, "actor", "Marta Quell"), >=, 0);
}

/* Shift+Return: every suggestion of the label, one undo step. */
static void
test_accept_label (Fixture       *fixture,
                   gconstpointer  data)
{
  GlossaDocument *document = document_of (fixture);
  GArray *marks = shown (fixture, NULL);
  guint n_marks = marks->len;
  guint n_dates = 0;

  /* The view's array is replaced at each change: counted now. */
  for (guint i = 0; i < marks->len; i++)
    n_dates += g_array_index (marks, GlossaArticleViewSuggestion, i).label == GLOSSA_LABEL_DATE;
  g_assert_cmpuint (n_dates, >=, 3);

  go_to (fixture, "date", "2009");
  activate (fixture, "win.accept-label-suggestions");
  g_assert_cmpuint (glossa_document_count_label (document, GLOSSA_LABEL_DATE), ==, n_dates);
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, n_dates);
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n_marks - n_dates);
  g_assert_true (glossa_document_undo (document));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 0);
}

/* A rejected suggestion is written down, and not suggested again when the
 * article is opened again; the others are.
 */
static void
test_reject_reopen (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *sidecar = NULL;
  g_autofree char *base = g_strdup (g_file_peek_path (fixture->article));
  g_autoptr(GError) error = NULL;
  guint n_before = shown (fixture, NULL)->len;

  go_to (fixture, "actor", "Marta Quell");
  activate (fixture, "win.reject-suggestion");
  g_assert_cmpint (find_shown (fixture, "actor", "Marta Quell"), ==, -1);
  g_assert_cmpuint (glossa_document_get_n_spans (document_of (fixture)), ==, 0);
  gui_test_wait_saved (fixture->window);

  *strrchr (base, '.') = '\0';
  sidecar = g_strconcat (base, ".annotations.json", NULL);
  g_file_get_contents (sidecar, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (contents, "  \"rejected_suggestions\": [\n    {\n      \"start\": 244,\n"
                                             "      \"end\": 255,\n      \"label\": \"actor\"\n    }\n  ]\n}\n"));

  gui_test_close_window (fixture->window);
  open_window (fixture);
  g_assert_cmpint (find_shown (fixture, "actor", "Marta Quell"), ==, -1);
  g_assert_cmpint (find_shown (fixture, "quote", QUELL_QUOTE), >=, 0);
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n_before - 1);
}

/* Tagged by hand, a text's suggestions of that label go, the others
 * stay: "Monday" as a date hides "Monday, 18 March", but not Brenn.
 */
static void
test_tagged_by_hand (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 monday = gui_test_find (fixture->window, "Monday");
  guint n = shown (fixture, NULL)->len;

  gui_test_select (fixture->window, monday, monday + 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.tag", "s", "date"));
  g_assert_cmpuint (glossa_document_get_n_spans (document_of (fixture)), ==, 1);
  g_assert_cmpint (find_shown (fixture, "date", "Monday, 18 March"), ==, -1);
  g_assert_cmpint (find_shown (fixture, "actor", "Brenn"), >=, 0);
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n - 1);
}

/* Turned off, none are drawn and the keys do nothing; on, they are back. */
static void
test_setting (Fixture       *fixture,
              gconstpointer  data)
{
  guint n = shown (fixture, NULL)->len;
  int current;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-suggestions", NULL));
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-suggestion", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.accept-suggestion", NULL);
  shown (fixture, &current);
  g_assert_cmpint (current, ==, -1);
  g_assert_cmpuint (glossa_document_get_n_spans (document_of (fixture)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-suggestions", NULL));
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n);
}

/* A corpus whose schema turns the quote suggester off gets no quotes and
 * no speakers, but its dates.
 */
static void
test_schema_off (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) schema = NULL;
  g_autoptr(GError) error = NULL;
  const char *json = "{\"format\": \"glossa-schema\", \"version\": 1,\n"
                     " \"labels\": [{\"name\": \"actor\"}, {\"name\": \"quote\"}, {\"name\": \"claim\"},\n"
                     "            {\"name\": \"date\", \"attributes\": [{\"name\": \"value\", \"type\": \"timex\"}]}],\n"
                     " \"suggesters\": {\"quotes\": false}}\n";

  fixture.article = gui_test_copy_sample (SAMPLE);
  folder = g_file_get_parent (fixture.article);
  schema = g_file_get_child (folder, "glossa-schema.json");
  g_file_replace_contents (schema, json, strlen (json), NULL, FALSE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  open_window (&fixture);
  g_assert_cmpint (find_shown (&fixture, "quote", QUELL_QUOTE), ==, -1);
  g_assert_cmpint (find_shown (&fixture, "actor", "Marta Quell"), ==, -1);
  g_assert_cmpint (find_shown (&fixture, "date", "2009"), >=, 0);
  fixture_tear_down (&fixture, NULL);
}

/* A document the window lets go of while its suggestions are computed is
 * finalized then, not when the worker is done with it.
 */
static void
test_document_released (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GlossaDocument *document = glossa_document_open (fixture->article, NULL, &error);

  g_assert_no_error (error);
  glossa_window_set_document (fixture->window, document);
  glossa_window_set_document (fixture->window, NULL);
  g_assert_finalize_object (document);
  gui_test_iterate (200);
}

typedef struct
{
  GlossaWindow *window;
  const char   *label;
  const char   *text;
} Wanted;

static gboolean
shows_suggestion (gpointer data)
{
  Wanted *wanted = data;
  GlossaDocument *document = glossa_window_get_document (wanted->window);
  GArray *marks = glossa_article_view_get_suggestions (wanted->window->view, NULL);

  for (guint i = 0; document != NULL && marks != NULL && i < marks->len; i++)
    {
      const GlossaArticleViewSuggestion *s = &g_array_index (marks, GlossaArticleViewSuggestion, i);
      g_autofree char *slice = glossa_article_slice (glossa_document_get_article (document), s->start, s->end);

      if (g_str_equal (glossa_label_to_string (s->label), wanted->label) && g_str_equal (slice, wanted->text))
        return TRUE;
    }
  return FALSE;
}

/* In a corpus, a text another article tags is suggested wherever it
 * occurs: "Tomas Brenn", tagged in a.txt, in the sample (b.txt), where no
 * other suggester finds it.
 */
static void
test_corpus_names (void)
{
  g_autoptr(GFile) sample = gui_test_copy_sample (SAMPLE);
  g_autoptr(GFile) folder = g_file_get_parent (sample);
  g_autoptr(GFile) a = g_file_get_child (folder, "a.txt");
  g_autoptr(GFile) b = g_file_get_child (folder, "b.txt");
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "The minister met Tomas Brenn on Friday.\n";
  Wanted wanted = { NULL, "actor", "Tomas Brenn" };
  GlossaWindow *window;

  g_file_move (sample, b, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_replace_contents (a, text, strlen (text), NULL, FALSE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  document = glossa_document_open (a, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glossa_document_add_span (document, 17, 28, GLOSSA_LABEL_ACTOR, &error));
  g_assert_true (glossa_document_save (document, NULL, &error));
  g_assert_no_error (error);

  window = gui_test_open_window (NULL);
  glossa_window_open_file (window, folder);
  wanted.window = window;
  g_assert_true (gui_test_wait_for (shows_suggestion, &(Wanted) { window, "date", "Friday" }, 10000));
  _glossa_window_show_item (window, 1);
  g_assert_true (gui_test_wait_for (shows_suggestion, &wanted, 10000));
  gui_test_close_window (window);
  gui_test_remove_tree (folder);
}

/* Under a schema with an overlap rule, the document checks each accepted
 * span; it is made just the same, origin, annotator, value and all.
 */
static void
test_accept_overlap_rules (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) schema = NULL;
  g_autoptr(GError) error = NULL;
  GlossaSpan *span;
  const char *json = "{\"format\": \"glossa-schema\", \"version\": 1,\n"
                     " \"labels\": [{\"name\": \"actor\"}, {\"name\": \"quote\"}, {\"name\": \"claim\"},\n"
                     "            {\"name\": \"date\", \"attributes\": [{\"name\": \"value\", \"type\": \"timex\"}]}],\n"
                     " \"overlap\": {\"actor\": \"nested\"}}\n";

  fixture.article = gui_test_copy_sample (SAMPLE);
  folder = g_file_get_parent (fixture.article);
  schema = g_file_get_child (folder, "glossa-schema.json");
  g_file_replace_contents (schema, json, strlen (json), NULL, FALSE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  open_window (&fixture);
  glossa_document_set_user (document_of (&fixture), "Ada Ferri");
  go_to (&fixture, "date", "Monday, 18 March");
  activate (&fixture, "win.accept-suggestion");
  g_assert_cmpuint (glossa_document_get_n_spans (document_of (&fixture)), ==, 1);
  span = glossa_document_get_span (document_of (&fixture), 0);
  g_assert_cmpint (span->origin, ==, GLOSSA_ORIGIN_SUGGESTED);
  g_assert_cmpstr (span->annotator, ==, "Ada Ferri");
  g_assert_cmpstr (glossa_span_get_attribute (span, "value"), ==, "2024-03-18");
  g_assert_true (glossa_document_undo (document_of (&fixture)));
  g_assert_cmpuint (glossa_document_get_n_spans (document_of (&fixture)), ==, 0);
  g_assert_false (glossa_document_can_undo (document_of (&fixture)));
  fixture_tear_down (&fixture, NULL);
}

/* The annotation file as saved, or NULL when there is none. */
static char *
saved_contents (Fixture *fixture)
{
  g_autofree char *base = g_strdup (g_file_peek_path (fixture->article));
  g_autofree char *sidecar = NULL;
  char *contents = NULL;

  gui_test_wait_saved (fixture->window);
  *strrchr (base, '.') = '\0';
  sidecar = g_strconcat (base, ".annotations.json", NULL);
  if (!g_file_get_contents (sidecar, &contents, NULL, NULL))
    return NULL;
  return contents;
}

static GlossaArticleViewSuggestion *
current_mark (Fixture *fixture)
{
  int current;
  GArray *marks = shown (fixture, &current);

  return current >= 0 ? &g_array_index (marks, GlossaArticleViewSuggestion, current) : NULL;
}

/* A suggestion hidden by a span tagged over it comes back when the tag is
 * undone, and again when the span is deleted; redo hides it again.
 */
static void
test_covered_undo (Fixture       *fixture,
                   gconstpointer  data)
{
  GlossaDocument *document = document_of (fixture);
  gint64 monday = gui_test_find (fixture->window, "Monday");
  guint n = shown (fixture, NULL)->len;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GError) error = NULL;
  GlossaSpan *span;

  gui_test_select (fixture->window, monday, monday + 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.tag", "s", "date"));
  g_assert_cmpint (find_shown (fixture, "date", "Monday, 18 March"), ==, -1);
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n - 1);

  activate (fixture, "win.undo");
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 0);
  g_assert_cmpint (find_shown (fixture, "date", "Monday, 18 March"), >=, 0);
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n);
  gui_test_wait_saved (fixture->window);
  annotations = gui_test_read_annotations (fixture->window);
  g_assert_cmpuint (annotations->spans->len, ==, 0);

  activate (fixture, "win.redo");
  g_assert_cmpint (find_shown (fixture, "date", "Monday, 18 March"), ==, -1);
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n - 1);

  span = glossa_document_get_span (document, 0);
  g_assert_true (glossa_document_remove_span (document, span->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (find_shown (fixture, "date", "Monday, 18 March"), >=, 0);
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n);
}

/* Of two spans of its label over it, removing one leaves it hidden. */
static void
test_covered_twice (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossaDocument *document = document_of (fixture);
  gint64 monday = gui_test_find (fixture->window, "Monday, 18 March");
  g_autoptr(GError) error = NULL;
  GlossaSpan *first;

  first = glossa_document_add_span (document, monday, monday + 6, GLOSSA_LABEL_DATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glossa_document_add_span (document, monday + 8, monday + 16, GLOSSA_LABEL_DATE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (find_shown (fixture, "date", "Monday, 18 March"), ==, -1);
  g_assert_true (glossa_document_remove_span (document, first->id, &error));
  g_assert_cmpint (find_shown (fixture, "date", "Monday, 18 March"), ==, -1);
  activate (fixture, "win.undo");
  activate (fixture, "win.undo");
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 1);
  g_assert_cmpint (find_shown (fixture, "date", "Monday, 18 March"), ==, -1);
  activate (fixture, "win.undo");
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 0);
  g_assert_cmpint (find_shown (fixture, "date", "Monday, 18 March"), >=, 0);
}

/* A rejection is one undo step: undone, the suggestion is shown again and
 * current, and the file no longer lists it; redone, it is hidden and
 * listed again, and stays so when the article is opened again.
 */
static void
test_reject_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossaDocument *document = document_of (fixture);
  guint n = shown (fixture, NULL)->len;
  g_autofree char *rejected = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  GlossaArticleViewSuggestion *mark;
  g_autofree char *text = NULL;

  go_to (fixture, "actor", "Marta Quell");
  activate (fixture, "win.reject-suggestion");
  g_assert_cmpint (find_shown (fixture, "actor", "Marta Quell"), ==, -1);
  g_assert_true (glossa_document_can_undo (document));
  rejected = saved_contents (fixture);
  g_assert_nonnull (strstr (rejected, "\"rejected_suggestions\": [\n    {\n      \"start\": 244,\n"));

  activate (fixture, "win.undo");
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n);
  mark = current_mark (fixture);
  g_assert_nonnull (mark);
  text = text_of (fixture, mark);
  g_assert_cmpstr (text, ==, "Marta Quell");
  g_assert_true (mark->label == GLOSSA_LABEL_ACTOR);
  undone = saved_contents (fixture);
  g_assert_nonnull (undone);
  g_assert_null (strstr (undone, "rejected_suggestions"));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 0);

  activate (fixture, "win.redo");
  g_assert_cmpint (find_shown (fixture, "actor", "Marta Quell"), ==, -1);
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n - 1);
  redone = saved_contents (fixture);
  g_assert_cmpstr (redone, ==, rejected);

  gui_test_close_window (fixture->window);
  open_window (fixture);
  g_assert_cmpint (find_shown (fixture, "actor", "Marta Quell"), ==, -1);
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n - 1);
}

/* An accepted date undone is a suggestion again, and the file has no span. */
static void
test_accept_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  guint n = shown (fixture, NULL)->len;
  g_autoptr(GlossaAnnotations) annotations = NULL;

  go_to (fixture, "date", "Monday, 18 March");
  activate (fixture, "win.accept-suggestion");
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n - 1);
  activate (fixture, "win.undo");
  g_assert_cmpint (find_shown (fixture, "date", "Monday, 18 March"), >=, 0);
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n);
  gui_test_wait_saved (fixture->window);
  annotations = gui_test_read_annotations (fixture->window);
  g_assert_cmpuint (annotations->spans->len, ==, 0);
}

/* How many suggestions of @label with the text @text are shown. */
static guint
count_shown (GlossaWindow *window,
             const char   *label,
             const char   *text)
{
  GlossaDocument *document = glossa_window_get_document (window);
  GArray *marks = glossa_article_view_get_suggestions (window->view, NULL);
  guint n = 0;

  for (guint i = 0; marks != NULL && i < marks->len; i++)
    {
      const GlossaArticleViewSuggestion *s = &g_array_index (marks, GlossaArticleViewSuggestion, i);
      g_autofree char *slice = glossa_article_slice (glossa_document_get_article (document), s->start, s->end);

      n += g_str_equal (glossa_label_to_string (s->label), label) && g_str_equal (slice, text);
    }
  return n;
}

static gboolean
shows_no_suggestion (gpointer data)
{
  return !shows_suggestion (data);
}

/* Tagged by hand, a text is learned: its other untagged occurrence in the
 * article is suggested at once with that label. Undone, the suggestion is
 * withdrawn; redone, it is back; accepted, it is a span; the hand-tagged
 * span deleted, the accepted one stays.
 */
static void
test_learned_names (Fixture       *fixture,
                    gconstpointer  data)
{
  GlossaDocument *document = document_of (fixture);
  gint64 first = gui_test_find (fixture->window, "Port Alvera");
  guint n = shown (fixture, NULL)->len;
  Wanted wanted = { fixture->window, "actor", "Port Alvera" };
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GError) error = NULL;
  GlossaSpan *tagged, *accepted;
  GArray *marks;
  int index;

  g_assert_cmpuint (count_shown (fixture->window, "actor", "Port Alvera"), ==, 0);
  gui_test_select (fixture->window, first, first + 11);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.tag", "s", "actor"));
  g_assert_true (gui_test_wait_for (shows_suggestion, &wanted, 5000));
  g_assert_cmpuint (count_shown (fixture->window, "actor", "Port Alvera"), ==, 1);
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n + 1);
  marks = shown (fixture, NULL);
  index = find_shown (fixture, "actor", "Port Alvera");
  g_assert_cmpint (g_array_index (marks, GlossaArticleViewSuggestion, index).start, >, first);

  activate (fixture, "win.undo");
  g_assert_true (gui_test_wait_for (shows_no_suggestion, &wanted, 5000));
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n);
  activate (fixture, "win.redo");
  g_assert_true (gui_test_wait_for (shows_suggestion, &wanted, 5000));
  g_assert_cmpuint (shown (fixture, NULL)->len, ==, n + 1);

  go_to (fixture, "actor", "Port Alvera");
  activate (fixture, "win.accept-suggestion");
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 2);
  tagged = glossa_document_get_span (document, 0);
  accepted = glossa_document_get_span (document, 1);
  g_assert_cmpint (tagged->start, ==, first);
  g_assert_cmpint (accepted->origin, ==, GLOSSA_ORIGIN_SUGGESTED);
  g_assert_true (glossa_document_remove_span (document, tagged->id, &error));
  g_assert_no_error (error);
  gui_test_iterate (100);
  gui_test_wait_saved (fixture->window);
  annotations = gui_test_read_annotations (fixture->window);
  g_assert_cmpuint (annotations->spans->len, ==, 1);
  g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (annotations->spans, 0))->text, ==, "Port Alvera");
  g_assert_cmpint (((GlossaSpan *) g_ptr_array_index (annotations->spans, 0))->origin, ==, GLOSSA_ORIGIN_SUGGESTED);
  g_assert_cmpuint (count_shown (fixture->window, "actor", "Port Alvera"), ==, 0);
}

/* Two tags of one text: removing one keeps the name learned; removing
 * the last withdraws its suggestions.
 */
static void
test_learned_names_last_tag (Fixture       *fixture,
                             gconstpointer  data)
{
  GlossaDocument *document = document_of (fixture);
  gint64 first = gui_test_find (fixture->window, "Dock workers");
  Wanted wanted = { fixture->window, "actor", "Dock workers" };
  g_autoptr(GError) error = NULL;
  GlossaSpan *one, *two;
  g_autofree char *one_id = NULL;

  one = glossa_document_add_span (document, first, first + 12, GLOSSA_LABEL_ACTOR, &error);
  g_assert_no_error (error);
  one_id = g_strdup (one->id);
  g_assert_true (gui_test_wait_for (shows_suggestion, &wanted, 5000));
  g_assert_cmpuint (count_shown (fixture->window, "actor", "Dock workers"), ==, 1);
  /* The second occurrence tagged by hand too: its suggestion goes. */
  two = glossa_document_add_span (document, first + 49, first + 61, GLOSSA_LABEL_ACTOR, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (two->text, ==, "Dock workers");
  gui_test_iterate (100);
  g_assert_cmpuint (count_shown (fixture->window, "actor", "Dock workers"), ==, 0);
  g_assert_true (glossa_document_remove_span (document, two->id, &error));
  g_assert_true (gui_test_wait_for (shows_suggestion, &wanted, 5000));
  g_assert_true (glossa_document_remove_span (document, one_id, &error));
  g_assert_true (gui_test_wait_for (shows_no_suggestion, &wanted, 5000));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 0);
}

/* In a corpus, a name tagged in one article is suggested in the next one
 * opened, without opening the corpus again.
 */
static void
test_learned_names_corpus (void)
{
  g_autoptr(GFile) sample = gui_test_copy_sample (SAMPLE);
  g_autoptr(GFile) folder = g_file_get_parent (sample);
  g_autoptr(GFile) a = g_file_get_child (folder, "a.txt");
  g_autoptr(GFile) b = g_file_get_child (folder, "b.txt");
  g_autoptr(GError) error = NULL;
  const char *text = "The mayor of Port Alvera met the union on Friday.\n";
  GlossaWindow *window;

  g_file_move (sample, b, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_replace_contents (a, text, strlen (text), NULL, FALSE, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  window = gui_test_open_window (NULL);
  glossa_window_open_file (window, folder);
  g_assert_true (gui_test_wait_for (shows_suggestion, &(Wanted) { window, "date", "Friday" }, 10000));
  g_assert_nonnull (glossa_document_add_span (glossa_window_get_document (window), 13, 24, GLOSSA_LABEL_ACTOR, &error));
  g_assert_no_error (error);
  gui_test_iterate (200);
  _glossa_window_show_item (window, 1);
  g_assert_true (gui_test_wait_for (shows_suggestion, &(Wanted) { window, "actor", "Port Alvera" }, 10000));
  g_assert_cmpuint (count_shown (window, "actor", "Port Alvera"), ==, 2);
  gui_test_close_window (window);
  gui_test_remove_tree (folder);
}

static void
add (const char *path,
     void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  add ("/gui/suggest/drawn", test_drawn);
  add ("/gui/suggest/next-previous", test_next_previous);
  add ("/gui/suggest/accept", test_accept);
  add ("/gui/suggest/accept-quote-undo", test_accept_quote_undo);
  add ("/gui/suggest/accept-label", test_accept_label);
  add ("/gui/suggest/reject-reopen", test_reject_reopen);
  add ("/gui/suggest/setting", test_setting);
  add ("/gui/suggest/tagged-by-hand", test_tagged_by_hand);
  add ("/gui/suggest/document-released", test_document_released);
  add ("/gui/suggest/covered-undo", test_covered_undo);
  add ("/gui/suggest/covered-twice", test_covered_twice);
  add ("/gui/suggest/reject-undo", test_reject_undo);
  add ("/gui/suggest/accept-undo", test_accept_undo);
  add ("/gui/suggest/learned-names", test_learned_names);
  add ("/gui/suggest/learned-names-last-tag", test_learned_names_last_tag);
  g_test_add_func ("/gui/suggest/learned-names-corpus", test_learned_names_corpus);
  g_test_add_func ("/gui/suggest/schema-off", test_schema_off);
  g_test_add_func ("/gui/suggest/corpus-names", test_corpus_names);
  g_test_add_func ("/gui/suggest/accept-overlap-rules", test_accept_overlap_rules);

  return g_test_run ();
}
