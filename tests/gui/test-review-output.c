/* test-review-output.c: where the window's review writes the adjudicated annotations
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "glossa-export.h"
#include "glossa-format.h"
#include "glossa-merge.h"
#include "glossa-window-private.h"
#include "gui-test-util.h"

static const char text[] = "date 2024-02-01 Ana Lima opened the bridge.";

typedef struct
{
  char *dir;     /* everything the test makes */
  char *corpus;  /* A: a folder corpus */
  char *other;   /* B: another annotator's folder */
} Fixture;

static void
write_text (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_text (const char *path)
{
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

static void
annotate_named (const char *dir,
                const char *name,
                gint64      start,
                gint64      end)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = NULL;

  write_text (path, text);
  document = glossa_document_open (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glossa_document_add_span (document, start, end, GLOSSA_LABEL_ACTOR, &error));
  g_assert_true (glossa_document_save (document, NULL, &error));
}

static void
annotate (const char *dir,
          gint64      start,
          gint64      end)
{
  annotate_named (dir, "n1.txt", start, end);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("glossa-review-output-XXXXXX", &error);
  g_assert_no_error (error);
  f->corpus = g_build_filename (f->dir, "a", NULL);
  f->other = g_build_filename (f->dir, "b", NULL);
  g_assert_cmpint (g_mkdir (f->corpus, 0777), ==, 0);
  g_assert_cmpint (g_mkdir (f->other, 0777), ==, 0);
  annotate (f->corpus, 16, 24);
  annotate (f->other, 32, 42);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gui_test_remove_path (f->dir);
  g_free (f->dir);
  g_free (f->corpus);
  g_free (f->other);
}

static gboolean
is_showing (gpointer data)
{
  GlossaWindow *window = data;
  GlossaDocument *document = glossa_window_get_document (window);

  return document != NULL && !glossa_window_get_saving (window);
}

static gboolean
is_reviewing (gpointer data)
{
  GlossaWindow *window = data;

  return window->review_source != NULL && glossa_window_get_document (window) != window->article_document;
}

static GlossaWindow *
open_corpus (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossaWindow *window = gui_test_open_window (NULL);

  glossa_window_open_file (window, file);
  g_assert_true (gui_test_wait_for (is_showing, window, 5000));
  gui_test_iterate (20);
  return window;
}

/* A's own folder, or one inside it, as the output would make the result
 * file be A's annotation file: the review does not start, A's file stays.
 */
static void
test_own_folder_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *a_file = g_build_filename (f->corpus, "n1.annotations.json", NULL);
  g_autofree char *a_before = read_text (a_file);
  g_autofree char *a_after = NULL;
  g_autofree char *inside_b = g_build_filename (f->other, "adjudicated", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (f->other);
  g_autoptr(GFile) own = g_file_new_for_path (f->corpus);
  g_autoptr(GFile) in_b = g_file_new_for_path (inside_b);
  GlossaWindow *window = open_corpus (f->corpus);

  _glossa_window_compare (window, other, own);
  gui_test_iterate (300);
  g_assert_false (is_reviewing (window));
  _glossa_window_compare (window, other, in_b);
  gui_test_iterate (300);
  g_assert_false (is_reviewing (window));

  gui_test_close_window (window);
  a_after = read_text (a_file);
  g_assert_cmpstr (a_after, ==, a_before);
}

/* A JSONL corpus whose ids climb out or are absolute: the adjudicated
 * files stay inside the chosen folder.
 */
static void
test_hostile_ids (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const ids[] = { "../../../../tmp/glossa-review-escape", "/glossa-review-abs" };
  g_autofree char *output_path = g_build_filename (f->dir, "adjudicated", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (output_path);

  g_assert_cmpint (g_mkdir (output_path, 0777), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *jsonl = g_strdup_printf ("%s/c%u.jsonl", f->dir, i);
      g_autofree char *sidecar = g_strdup_printf ("%s/c%u.annotations.jsonl", f->dir, i);
      g_autofree char *b_path = g_strdup_printf ("%s/b%u.jsonl", f->dir, i);
      /* A and B agree on one span, which the result then starts with. */
      g_autofree char *line = g_strdup_printf ("{\"id\": \"%s\", \"text\": \"%s\", \"spans\": "
                                               "[{\"start\": 16, \"end\": 24, \"label\": \"actor\", \"text\": \"Ana Lima\"}]}\n",
                                               ids[i], text);
      g_autofree char *b_line = g_strdup (line);
      g_autoptr(GFile) b = g_file_new_for_path (b_path);
      g_autoptr(GError) error = NULL;
      GlossaWindow *window;
      GFile *result;

      write_text (jsonl, line);
      write_text (sidecar, "");
      write_text (b_path, b_line);
      window = open_corpus (jsonl);
      _glossa_window_compare (window, b, output);
      g_assert_true (gui_test_wait_for (is_reviewing, window, 5000));

      result = glossa_document_get_file (glossa_window_get_document (window));
      g_assert_true (g_file_has_prefix (result, output));
      g_assert_true (glossa_window_flush (window, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_query_exists (result, NULL));
      gui_test_close_window (window);
    }
  g_assert_false (g_file_test ("/tmp/glossa-review-escape.annotations.json", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("/glossa-review-abs.annotations.json", G_FILE_TEST_EXISTS));
}

static int
review_left (GlossaWindow *window,
             guint         position)
{
  g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (window->corpus), position);

  return glossa_corpus_item_get_review_left (item);
}

static gboolean
second_counted (gpointer data)
{
  return review_left (data, 1) == 1;
}

static guint
n_pending (GlossaWindow *window)
{
  return glossa_review_bar_get_n_pending (window->review_bar);
}

/* The output is a corpus (the article beside its annotations), every
 * decision is kept, "neither" survives stopping and starting again, and
 * the adjudicated article can be marked done.
 */
static void
test_output_is_corpus (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *output_path = g_build_filename (f->dir, "adjudicated", NULL);
  g_autofree char *txt = g_build_filename (output_path, "n1.txt", NULL);
  g_autofree char *json = g_build_filename (output_path, "n1.annotations.json", NULL);
  g_autofree char *copied = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) output = g_file_new_for_path (output_path);
  g_autoptr(GFile) other = g_file_new_for_path (f->other);
  g_autoptr(GFile) txt_file = g_file_new_for_path (txt);
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GlossaAnnotations) saved = NULL;
  g_autoptr(GlossaRecordSource) source = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { output_path, NULL };
  GlossaWindow *window;
  JsonArray *decisions;
  gsize len;

  annotate_named (f->corpus, "n2.txt", 16, 24);
  annotate_named (f->other, "n2.txt", 16, 24);
  annotate_named (f->other, "n2.txt", 0, 4);
  window = open_corpus (f->corpus);
  _glossa_window_compare (window, other, output);
  g_assert_true (gui_test_wait_for (is_reviewing, window, 5000));
  g_assert_cmpuint (n_pending (window), ==, 2);
  /* The list counts what is left: the shown article live, the other one
   * (A and B disagree once on n2) once read in the background.
   */
  g_assert_cmpint (review_left (window, 0), ==, 2);
  g_assert_true (gui_test_wait_for (second_counted, window, 5000));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-a", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-neither", NULL);
  g_assert_cmpuint (n_pending (window), ==, 0);
  g_assert_cmpint (review_left (window, 0), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-done", NULL);
  g_assert_cmpint (glossa_document_get_status (glossa_window_get_document (window)), ==, GLOSSA_STATUS_DONE);
  g_assert_true (glossa_window_flush (window, &error));
  g_assert_no_error (error);

  /* Stop, start again over the same folders: nothing left to decide. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-review", NULL);
  g_assert_false (is_reviewing (window));
  g_assert_cmpint (review_left (window, 0), ==, -1);
  g_assert_cmpint (review_left (window, 1), ==, -1);
  g_assert_true (gui_test_wait_for (is_showing, window, 5000));
  _glossa_window_compare (window, other, output);
  g_assert_true (gui_test_wait_for (is_reviewing, window, 5000));
  g_assert_cmpuint (n_pending (window), ==, 0);
  gui_test_close_window (window);

  copied = read_text (txt);
  g_assert_cmpstr (copied, ==, text);
  article = glossa_article_load (txt_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json, &contents, &len, NULL));
  saved = glossa_format_read (contents, len, json, article, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->status, ==, GLOSSA_STATUS_DONE);
  g_assert_cmpuint (saved->spans->len, ==, 1);
  g_assert_cmpstr (glossa_merge_span_get_decision (g_ptr_array_index (saved->spans, 0)), ==, "a");
  decisions = json_object_get_array_member (saved->extra, GLOSSA_DECISIONS_MEMBER);
  g_assert_cmpuint (json_array_get_length (decisions), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (decisions, 1), "decision"),
                   ==, "neither");

  /* What the commands read: one annotated document. */
  source = glossa_record_source_open (paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_record_source_get_n_records (source), ==, 1);
  g_assert_true (glossa_record_source_is_annotated (source, 0));
}

/*                               0         1         2         3
 *                               0123456789012345678901234567890123456789012 */
static const char link_text[] = "Jen Psaki said no comment, Ned Price said.";

/* @name (a copy of link_text) in @dir: both speakers and the quote,
 * linked to Psaki (@psaki) or Price. The file names @annotator, its
 * spans nobody (no user): as another tool, or an import, writes them.
 */
static void
annotate_link (const char *dir,
               const char *name,
               const char *annotator,
               gboolean    psaki)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  GlossaSpan *quote, *first, *second;

  write_text (path, link_text);
  document = glossa_document_open (file, NULL, &error);
  g_assert_no_error (error);
  glossa_document_set_annotator (document, annotator);
  first = glossa_document_add_span (document, 0, 9, GLOSSA_LABEL_ACTOR, &error);
  second = glossa_document_add_span (document, 27, 36, GLOSSA_LABEL_ACTOR, &error);
  quote = glossa_document_add_span (document, 15, 25, GLOSSA_LABEL_QUOTE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (glossa_document_add_relation (document, "source", quote->id,
                                                  psaki ? first->id : second->id, &error));
  g_assert_no_error (error);
  g_assert_true (glossa_document_save (document, NULL, &error));
  g_assert_no_error (error);
}

/* Whether a label shown in @widget has @needle in its text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, needle))
      return TRUE;
  return FALSE;
}

/* "source: QUOTE -> SOURCE" for each link of the saved @json. */
static char *
saved_links (const char    *json,
             GlossaArticle *article)
{
  g_autofree char *contents = NULL;
  g_autoptr(GlossaAnnotations) saved = NULL;
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  gsize len;

  g_assert_true (g_file_get_contents (json, &contents, &len, NULL));
  saved = glossa_format_read (contents, len, json, article, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < saved->relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (saved->relations, i);
      const char *ends[2] = { "?", "?" };

      for (guint j = 0; j < saved->spans->len; j++)
        {
          GlossaSpan *span = g_ptr_array_index (saved->spans, j);

          if (g_str_equal (span->id, relation->from))
            ends[0] = span->text;
          if (g_str_equal (span->id, relation->to))
            ends[1] = span->text;
        }
      g_string_append_printf (out, "%s%s: %s -> %s", i ? "; " : "", relation->type, ends[0], ends[1]);
    }
  return g_string_free (out, FALSE);
}

/* An article whose only disagreement is the quote's source counts 1 in
 * the list before it is opened, as the bar counts it once it is; the bar
 * names B by the annotator its file names (its spans name nobody), not by
 * its folder; keeping B's writes B's link.
 */
static void
test_link_counted_before_open (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *output_path = g_build_filename (f->dir, "adjudicated", NULL);
  g_autofree char *json = g_build_filename (output_path, "n2.annotations.json", NULL);
  g_autofree char *txt = g_build_filename (output_path, "n2.txt", NULL);
  g_autofree char *links = NULL;
  g_autoptr(GFile) output = g_file_new_for_path (output_path);
  g_autoptr(GFile) other = g_file_new_for_path (f->other);
  g_autoptr(GFile) txt_file = NULL;
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  GlossaWindow *window;

  annotate_link (f->corpus, "n2.txt", "ada", TRUE);
  annotate_link (f->other, "n2.txt", "bea", FALSE);
  window = open_corpus (f->corpus);
  _glossa_window_compare (window, other, output);
  g_assert_true (gui_test_wait_for (is_reviewing, window, 5000));
  g_assert_cmpuint (window->corpus_position, ==, 0);
  g_assert_true (gui_test_wait_for (second_counted, window, 5000));
  gui_test_iterate (50);
  g_assert_true (shows_text (GTK_WIDGET (window), "1 left to decide"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-article", NULL);
  g_assert_true (gui_test_wait_for (is_reviewing, window, 5000));
  gui_test_iterate (50);
  g_assert_cmpuint (n_pending (window), ==, 1);
  g_assert_cmpint (review_left (window, 1), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-next", NULL);
  gui_test_iterate (20);
  g_assert_true (shows_text (GTK_WIDGET (window->review_bar), "ada (A): Quote “no comment” ← Jen Psaki"));
  g_assert_true (shows_text (GTK_WIDGET (window->review_bar), "bea (B): Quote “no comment” ← Ned Price"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-b", NULL);
  g_assert_cmpuint (n_pending (window), ==, 0);
  g_assert_cmpint (review_left (window, 1), ==, 0);
  g_assert_true (glossa_window_flush (window, &error));
  g_assert_no_error (error);
  gui_test_close_window (window);

  txt_file = g_file_new_for_path (txt);
  article = glossa_article_load (txt_file, NULL, &error);
  g_assert_no_error (error);
  links = saved_links (json, article);
  g_assert_cmpstr (links, ==, "source: no comment -> Ned Price");
}

/* A JSON line's spans over link_text: Psaki, the quote and Price. */
#define LINK_SPANS \
  "\"spans\": [{\"id\": \"p\", \"start\": 0, \"end\": 9, \"label\": \"actor\", \"text\": \"Jen Psaki\"}, " \
  "{\"id\": \"q\", \"start\": 15, \"end\": 25, \"label\": \"quote\", \"text\": \"no comment\"}, " \
  "{\"id\": \"n\", \"start\": 27, \"end\": 36, \"label\": \"actor\", \"text\": \"Ned Price\"}]"
#define LINK_TO(to) ", \"relations\": [{\"id\": \"r\", \"type\": \"source\", \"from\": \"q\", \"to\": \"" to "\"}]"

/* JSONL on both sides: A a JSONL corpus (its links in
 * FILE.annotations.jsonl), B an export's lines; the links are compared,
 * B goes by the annotator its line names, and keeping B's writes its link.
 */
static void
test_jsonl_side_links (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *corpus = g_build_filename (f->dir, "c.jsonl", NULL);
  g_autofree char *sidecar = g_build_filename (f->dir, "c.annotations.jsonl", NULL);
  g_autofree char *b_path = g_build_filename (f->dir, "ben.jsonl", NULL);
  g_autofree char *output_path = g_build_filename (f->dir, "adjudicated", NULL);
  g_autofree char *json = g_build_filename (output_path, "n1.annotations.json", NULL);
  g_autofree char *txt = g_build_filename (output_path, "n1.txt", NULL);
  g_autofree char *links = NULL;
  g_autoptr(GFile) output = g_file_new_for_path (output_path);
  g_autoptr(GFile) b = g_file_new_for_path (b_path);
  g_autoptr(GFile) txt_file = NULL;
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  GlossaWindow *window;

  write_text (corpus, "{\"id\": \"n1\", \"text\": \"Jen Psaki said no comment, Ned Price said.\"}\n");
  write_text (sidecar, "{\"id\": \"n1\", \"status\": \"done\", \"annotator\": \"ada\", " LINK_SPANS LINK_TO ("p") "}\n");
  write_text (b_path, "{\"id\": \"n1\", \"text\": \"Jen Psaki said no comment, Ned Price said.\", "
                      "\"annotator\": \"ben\", " LINK_SPANS LINK_TO ("n") "}\n");
  window = open_corpus (corpus);
  _glossa_window_compare (window, b, output);
  g_assert_true (gui_test_wait_for (is_reviewing, window, 5000));
  gui_test_iterate (50);
  g_assert_cmpuint (n_pending (window), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review-next", NULL);
  gui_test_iterate (20);
  g_assert_true (shows_text (GTK_WIDGET (window->review_bar), "ada (A): Quote “no comment” ← Jen Psaki"));
  g_assert_true (shows_text (GTK_WIDGET (window->review_bar), "ben (B): Quote “no comment” ← Ned Price"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-b", NULL);
  g_assert_cmpuint (n_pending (window), ==, 0);
  g_assert_true (glossa_window_flush (window, &error));
  g_assert_no_error (error);
  gui_test_close_window (window);

  txt_file = g_file_new_for_path (txt);
  article = glossa_article_load (txt_file, NULL, &error);
  g_assert_no_error (error);
  links = saved_links (json, article);
  g_assert_cmpstr (links, ==, "source: no comment -> Ned Price");
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/gui/review-output/own-folder-refused", Fixture, NULL, fixture_set_up,
              test_own_folder_refused, fixture_tear_down);
  g_test_add ("/gui/review-output/hostile-ids", Fixture, NULL, fixture_set_up,
              test_hostile_ids, fixture_tear_down);
  g_test_add ("/gui/review-output/output-is-corpus", Fixture, NULL, fixture_set_up,
              test_output_is_corpus, fixture_tear_down);
  g_test_add ("/gui/review-output/link-counted-before-open", Fixture, NULL, fixture_set_up,
              test_link_counted_before_open, fixture_tear_down);
  g_test_add ("/gui/review-output/jsonl-side-links", Fixture, NULL, fixture_set_up,
              test_jsonl_side_links, fixture_tear_down);

  return g_test_run ();
}
