/* test-by-id.c: finding annotated documents by id in folders and JSON Lines files
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core-test-util.h"
#include "glossa-by-id.h"
#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-span.h"

/* A FIFO that blocked a reader would stop the test here, not hang it. */
#define HANG_SECONDS 10

static const char article_text[] = "date 2024-05-01 Ana Lima said the bridge will reopen.";

/* A span over "Ana Lima", as exports write it (no span id). */
#define SPANS "\"spans\": [{\"start\": 16, \"end\": 24, \"label\": \"actor\", \"text\": \"Ana Lima\"}]"

typedef struct
{
  char          *dir;
  GlossaArticle *article;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = ct_make_tmpdir ();
  fixture->article = glossa_article_new_from_data (article_text, strlen (article_text), "news.txt", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ct_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->article);
}

/* Writes @dir/@relative (making its folders), the annotations of the
 * article with one span labelled @label.
 */
static void
write_sidecar (Fixture     *fixture,
               const char  *relative,
               GlossaLabel  label)
{
  g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
  g_autofree char *path = g_build_filename (fixture->dir, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  annotations->doc_id = g_strdup ("news");
  annotations->file = g_strdup ("news.txt");
  annotations->sha256 = g_strdup (glossa_article_get_sha256 (fixture->article));
  annotations->length = glossa_article_get_length (fixture->article);
  g_ptr_array_add (annotations->spans, glossa_span_new ("s1", 16, 24, label, "Ana Lima"));
  bytes = glossa_format_write (annotations);
  ct_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static GlossaById *
open_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossaById *by_id;

  alarm (HANG_SECONDS);
  by_id = glossa_by_id_open (file, NULL, error);
  alarm (0);
  return by_id;
}

static GlossaLabel
only_label (GPtrArray *spans)
{
  g_assert_nonnull (spans);
  g_assert_cmpuint (spans->len, ==, 1);
  return ((GlossaSpan *) g_ptr_array_index (spans, 0))->label;
}

static void
test_folder_without_articles (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GlossaById) by_id = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GError) error = NULL;

  /* A reviewer's copy: annotation files only, two folders down. */
  write_sidecar (fixture, "annotator-b/2021/news.annotations.json", GLOSSA_LABEL_QUOTE);

  by_id = open_path (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_false (glossa_by_id_is_jsonl (by_id));
  g_assert_cmpuint (glossa_by_id_get_n_documents (by_id), ==, 1);
  g_assert_true (glossa_by_id_has (by_id, "news"));
  g_assert_cmpuint (glossa_by_id_get_duplicates (by_id)->len, ==, 0);

  spans = glossa_by_id_get_spans (by_id, "news", fixture->article, &error);
  g_assert_no_error (error);
  g_assert_cmpint (only_label (spans), ==, GLOSSA_LABEL_QUOTE);
}

static void
test_folder_with_articles (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *article = g_build_filename (fixture->dir, "news.txt", NULL);
  g_autofree char *deep = g_build_filename (fixture->dir, "a", "b", "c", "other.txt", NULL);
  g_autoptr(GlossaById) by_id = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GError) error = NULL;

  ct_write_file (article, article_text, -1);
  write_sidecar (fixture, "news.annotations.json", GLOSSA_LABEL_ACTOR);
  write_sidecar (fixture, "a/b/c/other.annotations.json", GLOSSA_LABEL_CLAIM);
  ct_write_file (deep, article_text, -1);

  by_id = open_path (fixture->dir, &error);
  g_assert_no_error (error);
  /* Articles are not documents: only annotation files are. */
  g_assert_cmpuint (glossa_by_id_get_n_documents (by_id), ==, 2);
  g_assert_true (glossa_by_id_has (by_id, "news"));
  g_assert_true (glossa_by_id_has (by_id, "other"));
  g_assert_false (glossa_by_id_has (by_id, "news.txt"));

  spans = glossa_by_id_get_spans (by_id, "other", fixture->article, &error);
  g_assert_no_error (error);
  g_assert_cmpint (only_label (spans), ==, GLOSSA_LABEL_CLAIM);
}

static void
test_folder_loop (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *loop = g_build_filename (fixture->dir, "sub", "loop", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "sub", "again", NULL);
  g_autoptr(GlossaById) by_id = NULL;
  g_autoptr(GError) error = NULL;

  write_sidecar (fixture, "sub/news.annotations.json", GLOSSA_LABEL_ACTOR);
  g_assert_cmpint (symlink (".", loop), ==, 0);
  g_assert_cmpint (symlink ("..", again), ==, 0);

  by_id = open_path (fixture->dir, &error);
  g_assert_no_error (error);
  /* Each folder is walked once: the file is not found again through the
   * links, so it is not a duplicate of itself either.
   */
  g_assert_cmpuint (glossa_by_id_get_n_documents (by_id), ==, 1);
  g_assert_cmpuint (glossa_by_id_get_duplicates (by_id)->len, ==, 0);
}

static void
test_folder_duplicates (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GlossaById) by_id = NULL;
  g_autoptr(GError) error = NULL;
  const char *message;

  write_sidecar (fixture, "a/news.annotations.json", GLOSSA_LABEL_ACTOR);
  write_sidecar (fixture, "b/news.annotations.json", GLOSSA_LABEL_QUOTE);

  by_id = open_path (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_by_id_get_n_documents (by_id), ==, 1);
  g_assert_cmpuint (glossa_by_id_get_duplicates (by_id)->len, ==, 1);
  message = g_ptr_array_index (glossa_by_id_get_duplicates (by_id), 0);
  g_assert_nonnull (strstr (message, "“news”"));
  g_assert_nonnull (strstr (message, "/a/news.annotations.json"));
  g_assert_nonnull (strstr (message, "/b/news.annotations.json"));
}

static void
test_jsonl_with_and_without_text (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "b.jsonl", NULL);
  g_autofree char *contents = g_strdup_printf (
    "{\"id\": \"news\", \"text\": \"%s\", " SPANS "}\r\n"
    "   \n"
    "{\"id\": 7, " SPANS "}\n"
    "{\"id\": \"bare\", " SPANS "}", article_text);
  g_autoptr(GlossaById) by_id = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "news", "7", "bare" };

  ct_write_file (path, contents, -1);
  by_id = open_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (glossa_by_id_is_jsonl (by_id));
  g_assert_cmpuint (glossa_by_id_get_n_documents (by_id), ==, 3);

  /* With the article's text, without it, with an integer id (the corpus
   * reads those as their text), on a last line without a line end.
   */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GPtrArray) spans = glossa_by_id_get_spans (by_id, ids[i], fixture->article, &error);

      g_assert_no_error (error);
      g_assert_cmpint (only_label (spans), ==, GLOSSA_LABEL_ACTOR);
      /* Exports carry no span ids; the document needs them. */
      g_assert_nonnull (((GlossaSpan *) g_ptr_array_index (spans, 0))->id);
    }
}

static void
test_jsonl_duplicates (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "b.jsonl", NULL);
  g_autoptr(GlossaById) by_id = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GError) error = NULL;
  const char *message;

  ct_write_file (path,
                 "{\"id\": \"news\", \"spans\": []}\n"
                 "{\"id\": \"other\", \"spans\": []}\n"
                 "{\"id\": \"news\", " SPANS "}\n", -1);
  by_id = open_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_by_id_get_n_documents (by_id), ==, 2);
  g_assert_cmpuint (glossa_by_id_get_duplicates (by_id)->len, ==, 1);
  message = g_ptr_array_index (glossa_by_id_get_duplicates (by_id), 0);
  g_assert_nonnull (strstr (message, "“news”"));
  g_assert_nonnull (strstr (message, "b.jsonl:1"));
  g_assert_nonnull (strstr (message, "b.jsonl:3"));

  /* The later line is the one used, as the review always did. */
  spans = glossa_by_id_get_spans (by_id, "news", fixture->article, &error);
  g_assert_no_error (error);
  g_assert_cmpint (only_label (spans), ==, GLOSSA_LABEL_ACTOR);
}

static void
test_jsonl_bad_line (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "b.jsonl", NULL);
  g_autoptr(GlossaById) by_id = NULL;
  g_autoptr(GError) error = NULL;

  ct_write_file (path,
                 "{\"id\": \"news\", \"spans\": []}\n"
                 "{\"spans\": []}\n", -1);
  by_id = open_path (path, &error);
  g_assert_null (by_id);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "b.jsonl:2: id"));
}

/* The index holds offsets into the version it read: a file rewritten since
 * is refused rather than read at offsets that now mean other bytes.
 */
static void
test_jsonl_changed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "b.jsonl", NULL);
  g_autoptr(GlossaById) by_id = NULL;
  g_autoptr(GError) error = NULL;

  ct_write_file (path, "{\"id\": \"news\", " SPANS "}\n", -1);
  by_id = open_path (path, &error);
  g_assert_no_error (error);

  ct_write_file (path, "{\"id\": \"x\"}\n{\"id\": \"news\", " SPANS "}\n", -1);
  g_assert_null (glossa_by_id_get_spans (by_id, "news", fixture->article, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "b.jsonl"));
}

static void
test_fifo_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *jsonl = g_build_filename (fixture->dir, "b.jsonl", NULL);
  g_autofree char *sidecar = g_build_filename (fixture->dir, "news.annotations.json", NULL);
  g_autoptr(GlossaById) by_id = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (jsonl, 0644), ==, 0);
  g_assert_null (open_path (jsonl, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "b.jsonl"));
  g_clear_error (&error);
  g_unlink (jsonl);

  /* In a folder, the FIFO is listed and refused when it is read. */
  g_assert_cmpint (mkfifo (sidecar, 0644), ==, 0);
  by_id = open_path (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_true (glossa_by_id_has (by_id, "news"));
  alarm (HANG_SECONDS);
  g_assert_null (glossa_by_id_get_spans (by_id, "news", fixture->article, &error));
  alarm (0);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "news.annotations.json"));
}

/* Ids are looked up, never made into paths: a relative or absolute path
 * finds nothing, even where a file is at that path.
 */
static void
test_id_that_is_a_path (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *outside = g_build_filename (fixture->dir, "outside.annotations.json", NULL);
  g_autofree char *jsonl = g_build_filename (fixture->dir, "b.jsonl", NULL);
  g_autofree char *absolute = g_build_filename (fixture->dir, "outside", NULL);
  g_autoptr(GlossaById) folder = NULL;
  g_autoptr(GlossaById) lines = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder_b = g_build_filename (fixture->dir, "b", NULL);

  write_sidecar (fixture, "outside.annotations.json", GLOSSA_LABEL_ACTOR);
  write_sidecar (fixture, "b/sub/news.annotations.json", GLOSSA_LABEL_QUOTE);

  folder = open_path (folder_b, &error);
  g_assert_no_error (error);
  g_assert_true (glossa_by_id_has (folder, "news"));
  g_assert_false (glossa_by_id_has (folder, "sub/news"));
  g_assert_false (glossa_by_id_has (folder, "../outside"));
  g_assert_false (glossa_by_id_has (folder, absolute));
  g_assert_null (glossa_by_id_get_spans (folder, "../outside", fixture->article, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "“../outside”"));
  g_clear_error (&error);
  g_assert_null (glossa_by_id_get_spans (folder, absolute, fixture->article, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED);
  g_clear_error (&error);

  /* In a JSONL file such an id is just a name. */
  ct_write_file (jsonl, "{\"id\": \"../../outside\", \"spans\": []}\n", -1);
  lines = open_path (jsonl, &error);
  g_assert_no_error (error);
  g_assert_true (glossa_by_id_has (lines, "../../outside"));
  g_assert_false (glossa_by_id_has (lines, "outside"));
  spans = glossa_by_id_get_spans (lines, "../../outside", fixture->article, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 0);
  g_assert_true (g_file_test (outside, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/by-id/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("folder-without-articles", test_folder_without_articles);
  ADD ("folder-with-articles", test_folder_with_articles);
  ADD ("folder-loop", test_folder_loop);
  ADD ("folder-duplicates", test_folder_duplicates);
  ADD ("jsonl-with-and-without-text", test_jsonl_with_and_without_text);
  ADD ("jsonl-duplicates", test_jsonl_duplicates);
  ADD ("jsonl-bad-line", test_jsonl_bad_line);
  ADD ("jsonl-changed", test_jsonl_changed);
  ADD ("fifo-refused", test_fifo_refused);
  ADD ("id-that-is-a-path", test_id_that_is_a_path);

#undef ADD

  return g_test_run ();
}
