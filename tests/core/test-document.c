/* test-document.c: tests of the document: editing, ids, status, signals, loading and saving
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-article.h"
#include "glossa-document.h"
#include "glossa-error.h"
#include "glossa-format.h"

#include "core-test-util.h"

/* Word offsets: "Vladimir" 0–8, "Putin" 9–14, "warned" 15–21, "Joe" 22–25,
 * "Biden" 26–31, "on" 32–34, "Tuesday" 35–42.
 */
#define TEXT "Vladimir Putin warned Joe Biden on Tuesday."

typedef struct
{
  char           *dir;
  char           *article_path;
  char           *annotations_path;
  GFile          *article_file;
  GlossaDocument *document;
  GString        *log;    /* "+ID" added, "-ID" removed, "C" changed */
} Fixture;

static void
on_span_added (GlossaDocument *document,
               GlossaSpan     *span,
               Fixture        *f)
{
  g_assert_nonnull (glossa_document_lookup_span (document, span->id));
  g_string_append_printf (f->log, "+%s ", span->id);
}

static void
on_span_removed (GlossaDocument *document,
                 GlossaSpan     *span,
                 Fixture        *f)
{
  g_assert_true (glossa_document_lookup_span (document, span->id) != span);
  g_string_append_printf (f->log, "-%s ", span->id);
}

static void
on_changed (GlossaDocument *document,
            Fixture        *f)
{
  g_string_append (f->log, "C ");
}

static void
watch (Fixture *f)
{
  g_signal_connect (f->document, "span-added", G_CALLBACK (on_span_added), f);
  g_signal_connect (f->document, "span-removed", G_CALLBACK (on_span_removed), f);
  g_signal_connect (f->document, "changed", G_CALLBACK (on_changed), f);
}

/* Returns the events since the last call, and forgets them. */
static char *
take_log (Fixture *f)
{
  char *log = g_strdup (g_strchomp (f->log->str));

  g_string_truncate (f->log, 0);
  return log;
}

#define assert_log(f, expected)                     \
  G_STMT_START {                                    \
    g_autofree char *assert_log_got = take_log (f); \
    g_assert_cmpstr (assert_log_got, ==, expected); \
  } G_STMT_END

static GlossaDocument *
open_document (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GlossaDocument *document = glossa_document_open (f->article_file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *text = data ? data : TEXT;

  f->dir = ct_make_tmpdir ();
  f->article_path = g_build_filename (f->dir, "news.txt", NULL);
  f->annotations_path = g_build_filename (f->dir, "news.annotations.json", NULL);
  f->article_file = g_file_new_for_path (f->article_path);
  f->log = g_string_new (NULL);
  ct_write_file (f->article_path, text, -1);
  f->document = open_document (f);
  watch (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->document != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->document));
  g_clear_object (&f->article_file);
  ct_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->article_path);
  g_free (f->annotations_path);
  g_string_free (f->log, TRUE);
}

static GlossaSpan *
add (Fixture     *f,
     gint64       start,
     gint64       end,
     GlossaLabel  label)
{
  g_autoptr(GError) error = NULL;
  GlossaSpan *span = glossa_document_add_span (f->document, start, end, label, &error);

  g_assert_no_error (error);
  g_assert_nonnull (span);
  return span;
}

static void
save (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (glossa_document_save (f->document, NULL, &error));
  g_assert_no_error (error);
}

/* A new document */

static void
test_new (Fixture       *f,
          gconstpointer  data)
{
  GlossaDocument *d = f->document;

  g_assert_cmpuint (glossa_document_get_n_spans (d), ==, 0);
  g_assert_cmpint (glossa_document_get_status (d), ==, GLOSSA_STATUS_TODO);
  g_assert_cmpstr (glossa_document_get_annotator (d), ==, "");
  g_assert_null (glossa_document_get_error (d));
  g_assert_false (glossa_document_get_read_only (d));
  g_assert_false (glossa_document_get_modified (d));
  g_assert_false (glossa_document_can_undo (d));
  g_assert_false (glossa_document_can_redo (d));
  g_assert_null (glossa_document_get_date (d));
  g_assert_cmpint (glossa_article_get_length (glossa_document_get_article (d)), ==, 43);
  g_assert_false (g_file_test (f->annotations_path, G_FILE_TEST_EXISTS));
}

static void
test_new_file_fields (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GlossaAnnotations) snapshot = NULL;
  g_autoptr(GFile) expected = g_file_new_for_path (f->annotations_path);
  GlossaArticle *article = glossa_document_get_article (f->document);

  g_assert_true (g_file_equal (glossa_document_get_file (f->document), expected));

  add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  snapshot = glossa_document_snapshot (f->document);
  g_assert_cmpstr (snapshot->doc_id, ==, "news");
  g_assert_cmpstr (snapshot->file, ==, "news.txt");
  g_assert_cmpstr (snapshot->sha256, ==, glossa_article_get_sha256 (article));
  g_assert_cmpint (snapshot->length, ==, glossa_article_get_length (article));
  g_assert_cmpuint (snapshot->spans->len, ==, 1);

  save (f);
  ct_check_with_python (f->annotations_path, f->article_path);
}

static void
test_date_from_article (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "dated.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GlossaAnnotations) snapshot = NULL;

  ct_write_file (path, " date 2021-12-31 Fifty minutes of telephone conversation", -1);
  document = glossa_document_open (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (glossa_document_get_date (document), ==, "2021-12-31");
  snapshot = glossa_document_snapshot (document);
  g_assert_cmpstr (snapshot->date, ==, "2021-12-31");

  g_assert_finalize_object (g_steal_pointer (&document));
  ct_remove_tree (dir);
}

/* Editing */

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  GlossaSpan *putin, *biden, *date;

  putin = add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  g_assert_cmpstr (putin->text, ==, "Vladimir Putin");
  g_assert_cmpint (putin->start, ==, 0);
  g_assert_cmpint (putin->end, ==, 14);
  g_assert_cmpint (putin->label, ==, GLOSSA_LABEL_ACTOR);
  g_assert_nonnull (putin->id);
  g_assert_cmpint (putin->origin, ==, GLOSSA_ORIGIN_MANUAL);
  g_assert_nonnull (putin->created);

  date = add (f, 35, 42, GLOSSA_LABEL_DATE);
  biden = add (f, 22, 31, GLOSSA_LABEL_ACTOR);
  g_assert_cmpstr (biden->text, ==, "Joe Biden");
  g_assert_cmpstr (date->text, ==, "Tuesday");

  /* Kept sorted by (start, end, label). */
  g_assert_cmpuint (glossa_document_get_n_spans (f->document), ==, 3);
  g_assert_true (glossa_document_get_span (f->document, 0) == putin);
  g_assert_true (glossa_document_get_span (f->document, 1) == biden);
  g_assert_true (glossa_document_get_span (f->document, 2) == date);
  g_assert_true (glossa_document_lookup_span (f->document, biden->id) == biden);
  g_assert_cmpuint (glossa_document_count_label (f->document, GLOSSA_LABEL_ACTOR), ==, 2);
  g_assert_cmpuint (glossa_document_count_label (f->document, GLOSSA_LABEL_DATE), ==, 1);
  g_assert_cmpuint (glossa_document_count_label (f->document, GLOSSA_LABEL_QUOTE), ==, 0);
  g_assert_true (glossa_document_get_modified (f->document));
  g_assert_true (glossa_document_can_undo (f->document));
}

static void
test_add_same_twice (Fixture       *f,
                     gconstpointer  data)
{
  GlossaSpan *first = add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  g_autofree char *id = g_strdup (first->id);
  GlossaSpan *second;

  g_assert_cmpuint (f->log->len, >, 0);
  g_string_truncate (f->log, 0);
  second = add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  g_assert_true (second == first);
  g_assert_cmpstr (second->id, ==, id);
  g_assert_cmpuint (glossa_document_get_n_spans (f->document), ==, 1);
  /* Nothing happened, so nothing is announced and nothing is undone. */
  assert_log (f, "");
  g_assert_true (glossa_document_undo (f->document));
  g_assert_cmpuint (glossa_document_get_n_spans (f->document), ==, 0);
  g_assert_false (glossa_document_can_undo (f->document));

  /* The same range with another label is another span. */
  add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  add (f, 0, 14, GLOSSA_LABEL_QUOTE);
  g_assert_cmpuint (glossa_document_get_n_spans (f->document), ==, 2);
}

static void
test_add_bad_range (Fixture       *f,
                    gconstpointer  data)
{
  struct { gint64 start, end; } cases[] = { { 5, 5 }, { 6, 5 }, { -1, 3 }, { 40, 44 }, { 0, 1000 } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GlossaSpan *span = glossa_document_add_span (f->document, cases[i].start, cases[i].end,
                                                   GLOSSA_LABEL_CLAIM, &error);
      g_assert_null (span);
      g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
    }
  g_assert_cmpuint (glossa_document_get_n_spans (f->document), ==, 0);
  g_assert_false (glossa_document_get_modified (f->document));
  assert_log (f, "");

  /* The last character is fine. */
  add (f, 42, 43, GLOSSA_LABEL_CLAIM);
}

static void
test_overlapping_and_nested (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) at = NULL;

  add (f, 0, 43, GLOSSA_LABEL_CLAIM);
  add (f, 35, 42, GLOSSA_LABEL_DATE);
  add (f, 9, 25, GLOSSA_LABEL_QUOTE);
  add (f, 9, 14, GLOSSA_LABEL_ACTOR);
  g_assert_cmpuint (glossa_document_get_n_spans (f->document), ==, 4);

  /* Innermost first. */
  at = glossa_document_spans_at (f->document, 10);
  g_assert_cmpuint (at->len, ==, 3);
  g_assert_cmpint (((GlossaSpan *) g_ptr_array_index (at, 0))->label, ==, GLOSSA_LABEL_ACTOR);
  g_assert_cmpint (((GlossaSpan *) g_ptr_array_index (at, 1))->label, ==, GLOSSA_LABEL_QUOTE);
  g_assert_cmpint (((GlossaSpan *) g_ptr_array_index (at, 2))->label, ==, GLOSSA_LABEL_CLAIM);
  g_clear_pointer (&at, g_ptr_array_unref);

  at = glossa_document_spans_at (f->document, 42);
  g_assert_cmpuint (at->len, ==, 1);
}

static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = g_strdup (add (f, 22, 31, GLOSSA_LABEL_ACTOR)->id);
  g_autoptr(GError) error = NULL;

  add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  g_assert_true (glossa_document_remove_span (f->document, id, &error));
  g_assert_no_error (error);
  g_assert_null (glossa_document_lookup_span (f->document, id));
  g_assert_cmpuint (glossa_document_get_n_spans (f->document), ==, 1);
  g_assert_cmpuint (glossa_document_count_label (f->document, GLOSSA_LABEL_ACTOR), ==, 1);

  g_assert_false (glossa_document_remove_span (f->document, id, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  GlossaSpan *span = add (f, 0, 8, GLOSSA_LABEL_ACTOR);
  g_autofree char *id = g_strdup (span->id);
  g_autofree char *created = g_strdup (span->created);
  g_autoptr(GError) error = NULL;
  GlossaSpan *updated;

  /* Resize: the text follows. */
  updated = glossa_document_update_span (f->document, id, 0, 14, GLOSSA_LABEL_ACTOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (updated->id, ==, id);
  g_assert_cmpstr (updated->text, ==, "Vladimir Putin");
  g_assert_cmpstr (updated->created, ==, created);
  g_assert_nonnull (updated->modified);
  g_assert_true (glossa_document_lookup_span (f->document, id) == updated);

  /* Relabel. */
  updated = glossa_document_update_span (f->document, id, 0, 14, GLOSSA_LABEL_QUOTE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (updated->label, ==, GLOSSA_LABEL_QUOTE);
  g_assert_cmpuint (glossa_document_count_label (f->document, GLOSSA_LABEL_ACTOR), ==, 0);
  g_assert_cmpuint (glossa_document_count_label (f->document, GLOSSA_LABEL_QUOTE), ==, 1);

  /* A note, then none. */
  updated = glossa_document_update_span (f->document, id, 0, 14, GLOSSA_LABEL_QUOTE, "the president", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (updated->note, ==, "the president");
  g_assert_cmpstr (updated->text, ==, "Vladimir Putin");
  updated = glossa_document_update_span (f->document, id, 0, 14, GLOSSA_LABEL_QUOTE, "", &error);
  g_assert_no_error (error);
  g_assert_null (updated->note);

  /* Moving onto another span's (start, end, label) is refused. */
  add (f, 22, 31, GLOSSA_LABEL_ACTOR);
  g_assert_null (glossa_document_update_span (f->document, id, 22, 31, GLOSSA_LABEL_ACTOR, NULL, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_clear_error (&error);

  /* And so is a bad range or an unknown id. */
  g_assert_null (glossa_document_update_span (f->document, id, 10, 100, GLOSSA_LABEL_QUOTE, NULL, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (glossa_document_update_span (f->document, "nope", 0, 3, GLOSSA_LABEL_QUOTE, NULL, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (glossa_document_get_n_spans (f->document), ==, 2);
  g_assert_cmpstr (glossa_document_lookup_span (f->document, id)->text, ==, "Vladimir Putin");
}

/* Ids */

static void
test_ids_unique (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *removed = NULL;

  for (gint64 i = 0; i < 43; i++)
    {
      GlossaSpan *span = add (f, i, i + 1, GLOSSA_LABEL_ACTOR);
      g_assert_true (g_hash_table_add (seen, g_strdup (span->id)));
    }
  removed = g_strdup (glossa_document_get_span (f->document, 10)->id);
  g_assert_true (glossa_document_remove_span (f->document, removed, NULL));
  for (gint64 i = 0; i < 43; i++)
    {
      GlossaSpan *span = add (f, i, i + 1, GLOSSA_LABEL_DATE);

      /* A new id is new, except perhaps for the one that was removed. */
      g_assert_true (glossa_document_lookup_span (f->document, span->id) == span);
      if (g_strcmp0 (span->id, removed) != 0)
        g_assert_true (g_hash_table_add (seen, g_strdup (span->id)));
    }
  g_assert_cmpuint (glossa_document_get_n_spans (f->document), ==, 85);
}

static void
test_ids_stable_across_save (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GlossaDocument) reopened = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  GlossaSpan *span;

  add (f, 22, 31, GLOSSA_LABEL_ACTOR);
  add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  add (f, 0, 43, GLOSSA_LABEL_CLAIM);
  span = add (f, 35, 42, GLOSSA_LABEL_DATE);
  glossa_document_update_span (f->document, span->id, 35, 42, GLOSSA_LABEL_DATE, "weekday", NULL);
  save (f);
  g_assert_false (glossa_document_get_modified (f->document));
  before = glossa_document_dup_spans (f->document);
  first = ct_read_file (f->annotations_path);
  ct_check_with_python (f->annotations_path, f->article_path);

  reopened = open_document (f);
  g_assert_null (glossa_document_get_error (reopened));
  g_assert_cmpuint (glossa_document_get_n_spans (reopened), ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (glossa_span_equal (g_ptr_array_index (before, i),
                                      glossa_document_get_span (reopened, i)));
  g_assert_cmpint (glossa_document_get_status (reopened), ==, GLOSSA_STATUS_IN_PROGRESS);

  /* A span added after reloading gets an id of its own. */
  for (guint i = 0; i < before->len; i++)
    g_hash_table_add (ids, ((GlossaSpan *) g_ptr_array_index (before, i))->id);
  span = glossa_document_add_span (reopened, 26, 31, GLOSSA_LABEL_ACTOR, NULL);
  g_assert_nonnull (span);
  g_assert_false (g_hash_table_contains (ids, span->id));
  g_assert_true (glossa_document_remove_span (reopened, span->id, NULL));

  /* Unchanged, it saves the same bytes. */
  g_assert_true (glossa_document_save (reopened, NULL, NULL));
  second = ct_read_file (f->annotations_path);
  g_assert_true (g_bytes_equal (first, second));

  g_assert_finalize_object (g_steal_pointer (&reopened));
}

/* Unknown members survive an edit and a save. */
static void
test_unknown_members_kept (Fixture       *f,
                           gconstpointer  data)
{
  GlossaArticle *article = glossa_document_get_article (f->document);
  g_autofree char *contents = g_strdup_printf (
    "{\n"
    "  \"format\": \"glossa-annotations\",\n"
    "  \"version\": 1,\n"
    "  \"document\": {\"id\": \"news\", \"file\": \"news.txt\", \"sha256\": \"%s\", \"length\": 43,\n"
    "               \"date\": null, \"source\": \"wire\"},\n"
    "  \"labels\": [\"actor\", \"quote\", \"claim\", \"date\"],\n"
    "  \"status\": \"done\",\n"
    "  \"annotator\": \"ada\",\n"
    "  \"spans\": [{\"id\": \"p1\", \"start\": 0, \"end\": 14, \"label\": \"actor\", \"text\": \"Vladimir Putin\",\n"
    "             \"score\": 0.5, \"tags\": [\"x\"]}],\n"
    "  \"review\": {\"by\": \"bo\"}\n"
    "}\n", glossa_article_get_sha256 (article));
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  ct_write_file (f->annotations_path, contents, -1);
  document = open_document (f);
  g_assert_null (glossa_document_get_error (document));
  g_assert_cmpint (glossa_document_get_status (document), ==, GLOSSA_STATUS_DONE);
  g_assert_cmpstr (glossa_document_get_annotator (document), ==, "ada");
  g_assert_cmpstr (glossa_document_get_span (document, 0)->id, ==, "p1");

  g_assert_nonnull (glossa_document_add_span (document, 22, 31, GLOSSA_LABEL_ACTOR, NULL));
  /* A done document stays done when edited. */
  g_assert_cmpint (glossa_document_get_status (document), ==, GLOSSA_STATUS_DONE);
  g_assert_true (glossa_document_save (document, NULL, NULL));

  bytes = ct_read_file (f->annotations_path);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  ct_assert_contains (text, "\n    \"source\": \"wire\"\n  },\n");
  ct_assert_contains (text, "\"text\": \"Vladimir Putin\",\n      \"score\": 0.5,\n      \"tags\": [\n        \"x\"\n      ]\n    },\n");
  ct_assert_contains (text, "\n  \"review\": {\n    \"by\": \"bo\"\n  }\n}\n");
  ct_check_with_python (f->annotations_path, f->article_path);

  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Status */

static void
test_status_in_progress (Fixture       *f,
                         gconstpointer  data)
{
  g_assert_cmpint (glossa_document_get_status (f->document), ==, GLOSSA_STATUS_TODO);
  add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  g_assert_cmpint (glossa_document_get_status (f->document), ==, GLOSSA_STATUS_IN_PROGRESS);

  glossa_document_set_status (f->document, GLOSSA_STATUS_DONE);
  g_assert_cmpint (glossa_document_get_status (f->document), ==, GLOSSA_STATUS_DONE);
  add (f, 22, 31, GLOSSA_LABEL_ACTOR);
  g_assert_cmpint (glossa_document_get_status (f->document), ==, GLOSSA_STATUS_DONE);

  save (f);
  g_assert_finalize_object (g_steal_pointer (&f->document));
  f->document = open_document (f);
  g_assert_cmpint (glossa_document_get_status (f->document), ==, GLOSSA_STATUS_DONE);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_status_signals (Fixture       *f,
                     gconstpointer  data)
{
  guint notified = 0;

  g_signal_connect (f->document, "notify::status", G_CALLBACK (count_notify), &notified);

  glossa_document_set_status (f->document, GLOSSA_STATUS_DONE);
  g_assert_cmpuint (notified, ==, 1);
  assert_log (f, "C");
  g_assert_true (glossa_document_get_modified (f->document));

  /* Setting the same status again is no change. */
  glossa_document_set_status (f->document, GLOSSA_STATUS_DONE);
  g_assert_cmpuint (notified, ==, 1);
  assert_log (f, "");

  g_object_set (f->document, "status", GLOSSA_STATUS_TODO, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpint (glossa_document_get_status (f->document), ==, GLOSSA_STATUS_TODO);

  /* The first span moves todo to in-progress, notified. */
  add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  g_assert_cmpuint (notified, ==, 3);
}

/* The user: the annotator of what they create or change, and of the
 * document if it has none yet.
 */
static void
test_user (Fixture       *f,
           gconstpointer  data)
{
  GlossaSpan *span;
  g_autofree char *id = NULL;

  glossa_document_set_user (f->document, "ada");
  g_assert_cmpstr (glossa_document_get_user (f->document), ==, "ada");
  span = add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  id = g_strdup (span->id);
  g_assert_cmpstr (span->annotator, ==, "ada");
  g_assert_cmpstr (glossa_document_get_annotator (f->document), ==, "ada");

  glossa_document_set_user (f->document, "bo");
  span = glossa_document_update_span (f->document, id, 0, 14, GLOSSA_LABEL_QUOTE, NULL, NULL);
  g_assert_cmpstr (span->annotator, ==, "bo");
  /* The document keeps its first annotator. */
  g_assert_cmpstr (glossa_document_get_annotator (f->document), ==, "ada");

  save (f);
  g_assert_finalize_object (g_steal_pointer (&f->document));
  f->document = open_document (f);
  g_assert_cmpstr (glossa_document_get_annotator (f->document), ==, "ada");
  g_assert_cmpstr (glossa_document_lookup_span (f->document, id)->annotator, ==, "bo");
  g_assert_null (glossa_document_get_user (f->document));
}

/* Signals */

static void
test_signals (Fixture       *f,
              gconstpointer  data)
{
  GlossaSpan *span;
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;

  span = add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  id = g_strdup (span->id);
  expected = g_strdup_printf ("+%s C", id);
  assert_log (f, expected);

  /* An update is a removal then an addition with the same id. */
  g_assert_nonnull (glossa_document_update_span (f->document, id, 0, 14, GLOSSA_LABEL_QUOTE, NULL, NULL));
  g_free (expected);
  expected = g_strdup_printf ("-%s +%s C", id, id);
  assert_log (f, expected);

  /* No change, no signal. */
  g_assert_nonnull (glossa_document_update_span (f->document, id, 0, 14, GLOSSA_LABEL_QUOTE, NULL, NULL));
  assert_log (f, "");

  g_assert_true (glossa_document_remove_span (f->document, id, NULL));
  g_free (expected);
  expected = g_strdup_printf ("-%s C", id);
  assert_log (f, expected);

  g_assert_true (glossa_document_undo (f->document));
  g_free (expected);
  expected = g_strdup_printf ("+%s C", id);
  assert_log (f, expected);

  g_assert_true (glossa_document_redo (f->document));
  g_free (expected);
  expected = g_strdup_printf ("-%s C", id);
  assert_log (f, expected);

  /* Failed edits say nothing. */
  g_assert_null (glossa_document_add_span (f->document, 3, 2, GLOSSA_LABEL_ACTOR, NULL));
  g_assert_false (glossa_document_remove_span (f->document, "nope", NULL));
  assert_log (f, "");
}

/* Two edits in a group are two additions and one "changed" when undone. */
static void
test_signals_group (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *expected = NULL;

  glossa_document_begin_group (f->document, "Tag two");
  a = g_strdup (add (f, 0, 14, GLOSSA_LABEL_ACTOR)->id);
  b = g_strdup (add (f, 22, 31, GLOSSA_LABEL_ACTOR)->id);
  glossa_document_end_group (f->document);
  g_string_truncate (f->log, 0);

  g_assert_true (glossa_document_undo (f->document));
  /* Undone in reverse order, one "changed" at the end. */
  expected = g_strdup_printf ("-%s -%s C", b, a);
  assert_log (f, expected);
  g_assert_cmpuint (glossa_document_get_n_spans (f->document), ==, 0);

  g_assert_true (glossa_document_redo (f->document));
  g_free (expected);
  expected = g_strdup_printf ("+%s +%s C", a, b);
  assert_log (f, expected);
  g_assert_cmpuint (glossa_document_get_n_spans (f->document), ==, 2);
}

static void
test_property_notifications (Fixture       *f,
                             gconstpointer  data)
{
  guint n_spans = 0, modified = 0, can_undo = 0, can_redo = 0;

  g_signal_connect (f->document, "notify::n-spans", G_CALLBACK (count_notify), &n_spans);
  g_signal_connect (f->document, "notify::modified", G_CALLBACK (count_notify), &modified);
  g_signal_connect (f->document, "notify::can-undo", G_CALLBACK (count_notify), &can_undo);
  g_signal_connect (f->document, "notify::can-redo", G_CALLBACK (count_notify), &can_redo);

  add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  g_assert_cmpuint (n_spans, >=, 1);
  g_assert_cmpuint (modified, ==, 1);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (can_redo, ==, 0);

  /* Still modified, still undoable: notified only on real changes. */
  add (f, 22, 31, GLOSSA_LABEL_ACTOR);
  g_assert_cmpuint (modified, ==, 1);
  g_assert_cmpuint (can_undo, ==, 1);

  save (f);
  g_assert_cmpuint (modified, ==, 2);
  g_assert_false (glossa_document_get_modified (f->document));

  g_assert_true (glossa_document_undo (f->document));
  g_assert_cmpuint (can_redo, ==, 1);
  g_assert_true (glossa_document_get_modified (f->document));
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (add (f, 0, 14, GLOSSA_LABEL_ACTOR)->id);

  save (f);
  g_string_truncate (f->log, 0);
  glossa_document_set_read_only (f->document, TRUE);
  g_assert_true (glossa_document_get_read_only (f->document));

  g_assert_null (glossa_document_add_span (f->document, 22, 31, GLOSSA_LABEL_ACTOR, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (glossa_document_remove_span (f->document, id, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (glossa_document_update_span (f->document, id, 0, 8, GLOSSA_LABEL_ACTOR, NULL, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (glossa_document_can_undo (f->document));
  g_assert_false (glossa_document_undo (f->document));
  g_assert_false (glossa_document_save (f->document, NULL, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY);
  g_clear_error (&error);
  assert_log (f, "");
  g_assert_cmpuint (glossa_document_get_n_spans (f->document), ==, 1);

  glossa_document_set_read_only (f->document, FALSE);
  g_assert_true (glossa_document_undo (f->document));
  g_assert_cmpuint (glossa_document_get_n_spans (f->document), ==, 0);
}

/* Reloading replaces the spans, announced one by one, and forgets the
 * undo history.
 */
static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GlossaDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = g_strdup (add (f, 0, 14, GLOSSA_LABEL_ACTOR)->id);
  g_autofree char *expected = NULL;
  GlossaSpan *theirs;

  save (f);
  other = open_document (f);
  theirs = glossa_document_add_span (other, 22, 31, GLOSSA_LABEL_ACTOR, NULL);
  g_assert_nonnull (theirs);
  expected = g_strdup_printf ("-%s +%s +%s C", mine, mine, theirs->id);
  g_assert_true (glossa_document_save (other, NULL, NULL));

  g_string_truncate (f->log, 0);
  g_assert_true (glossa_document_reload (f->document, NULL, &error));
  g_assert_no_error (error);
  assert_log (f, expected);
  g_assert_cmpuint (glossa_document_get_n_spans (f->document), ==, 2);
  g_assert_false (glossa_document_can_undo (f->document));
  g_assert_false (glossa_document_get_modified (f->document));
  g_assert_finalize_object (g_steal_pointer (&other));
}

/* Loading and saving */

static void
test_open_missing_annotations (Fixture       *f,
                               gconstpointer  data)
{
  add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  save (f);
  g_assert_true (g_file_test (f->annotations_path, G_FILE_TEST_EXISTS));
  ct_check_with_python (f->annotations_path, f->article_path);
}

static void
test_open_bad_annotations (Fixture       *f,
                           gconstpointer  data)
{
  const char *bad = "{ \"format\": \"glossa-annotations\", // not JSON\n";
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const GError *load_error;

  ct_write_file (f->annotations_path, bad, -1);
  before = ct_read_file (f->annotations_path);

  document = glossa_document_open (f->article_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  load_error = glossa_document_get_error (document);
  g_assert_nonnull (load_error);
  g_assert_true (load_error->domain == GLOSSA_ERROR);
  ct_assert_contains (load_error->message, "news.annotations.json:1:");
  g_assert_true (glossa_document_get_read_only (document));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 0);

  /* Nothing can change it … */
  g_assert_null (glossa_document_add_span (document, 0, 14, GLOSSA_LABEL_ACTOR, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY);
  g_clear_error (&error);
  glossa_document_set_status (document, GLOSSA_STATUS_DONE);
  g_assert_cmpint (glossa_document_get_status (document), ==, GLOSSA_STATUS_TODO);
  g_assert_false (glossa_document_get_modified (document));

  /* … and it is never written over. */
  g_assert_false (glossa_document_save (document, NULL, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Not even when asked to stop being read-only. */
  glossa_document_set_read_only (document, FALSE);
  g_assert_false (glossa_document_save (document, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  after = ct_read_file (f->annotations_path);
  g_assert_true (g_bytes_equal (before, after));

  g_assert_finalize_object (g_steal_pointer (&document));
}

/* An annotation file made for another version of the article. */
static void
test_open_article_changed (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  add (f, 22, 31, GLOSSA_LABEL_ACTOR);
  save (f);
  before = ct_read_file (f->annotations_path);
  ct_write_file (f->article_path, "BREAKING: " TEXT, -1);

  document = open_document (f);
  g_assert_nonnull (glossa_document_get_error (document));
  g_assert_error ((GError *) glossa_document_get_error (document), GLOSSA_ERROR, GLOSSA_ERROR_ARTICLE_CHANGED);
  ct_assert_contains (glossa_document_get_error (document)->message, "changed since it was annotated");
  g_assert_true (glossa_document_get_read_only (document));
  g_assert_false (glossa_document_save (document, NULL, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY);

  after = ct_read_file (f->annotations_path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_open_bad_article (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bad.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = NULL;

  ct_write_file (path, "ok \xC3\x28 not", -1);
  document = glossa_document_open (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING);
  ct_assert_contains (error->message, "byte 3");
  ct_remove_tree (dir);
}

static void
test_changed_on_disk (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (glossa_document_changed_on_disk (f->document));
  add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  save (f);
  g_assert_false (glossa_document_changed_on_disk (f->document));

  /* Another program writes the file, keeping its size. */
  saved = ct_read_file (f->annotations_path);
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
    char *status = strstr (text, "\"in-progress\"");

    g_assert_nonnull (status);
    memcpy (status, "\"in-progres_\"", 13);
    ct_write_file (f->annotations_path, text, -1);
  }
  theirs = ct_read_file (f->annotations_path);
  g_assert_true (glossa_document_changed_on_disk (f->document));

  /* Saving over it is refused, the other program's bytes stay. */
  add (f, 22, 31, GLOSSA_LABEL_ACTOR);
  g_assert_false (glossa_document_save (f->document, NULL, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT);
  g_clear_error (&error);
  now = ct_read_file (f->annotations_path);
  g_assert_true (g_bytes_equal (now, theirs));

  /* Put back a valid file and reload: in step again. */
  ct_write_file (f->annotations_path, g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_assert_true (glossa_document_reload (f->document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (glossa_document_changed_on_disk (f->document));
  g_assert_cmpuint (glossa_document_get_n_spans (f->document), ==, 1);
  g_assert_false (glossa_document_can_undo (f->document));
}

static void
test_changed_on_disk_deleted (Fixture       *f,
                              gconstpointer  data)
{
  add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  save (f);
  g_assert_cmpint (g_unlink (f->annotations_path), ==, 0);
  g_assert_true (glossa_document_changed_on_disk (f->document));
}

/* Writes another program's version of the annotation file: the saved one
 * with its status changed. Returns its bytes.
 */
static GBytes *
write_theirs (Fixture    *f,
              const char *status)
{
  g_autoptr(GBytes) saved = ct_read_file (f->annotations_path);
  g_autofree char *text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_autofree char *replaced = NULL;
  char *at = strstr (text, "\"in-progress\"");

  g_assert_nonnull (at);
  *at = '\0';
  replaced = g_strconcat (text, "\"", status, "\"", at + strlen ("\"in-progress\""), NULL);
  ct_write_file (f->annotations_path, replaced, -1);
  return ct_read_file (f->annotations_path);
}

/* Keeping one's own spans over another program's version copies that
 * version beside the file first, under a name of its own (a second copy
 * within the same second gets another), and the next save writes over the
 * file.
 */
static void
test_set_aside_disk_version (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) theirs_again = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(GBytes) copied = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) reopened = NULL;
  g_autofree char *name = NULL;
  g_autofree char *second_name = NULL;

  add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  save (f);
  theirs = write_theirs (f, "done");
  add (f, 22, 31, GLOSSA_LABEL_ACTOR);
  g_assert_true (glossa_document_changed_on_disk (f->document));

  g_assert_true (glossa_document_set_aside_disk_version (f->document, &copy, &error));
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  name = g_file_get_basename (copy);
  g_assert_true (g_str_has_prefix (name, "news.annotations.other-"));
  g_assert_true (g_str_has_suffix (name, ".json"));
  g_assert_false (glossa_is_annotations_file (g_file_peek_path (copy)));
  copied = ct_read_file (g_file_peek_path (copy));
  g_assert_true (g_bytes_equal (copied, theirs));
  g_assert_false (glossa_document_changed_on_disk (f->document));
  g_assert_true (glossa_document_get_modified (f->document));

  /* Ours is written over theirs; the copy stays. */
  save (f);
  reopened = open_document (f);
  g_assert_cmpuint (glossa_document_get_n_spans (reopened), ==, 2);
  g_clear_pointer (&copied, g_bytes_unref);
  copied = ct_read_file (g_file_peek_path (copy));
  g_assert_true (g_bytes_equal (copied, theirs));

  /* Again at once: a second copy, never over the first. */
  theirs_again = write_theirs (f, "todo");
  g_assert_true (glossa_document_set_aside_disk_version (f->document, &second, &error));
  g_assert_no_error (error);
  second_name = g_file_get_basename (second);
  g_assert_cmpstr (second_name, !=, name);
  g_clear_pointer (&copied, g_bytes_unref);
  copied = ct_read_file (g_file_peek_path (second));
  g_assert_true (g_bytes_equal (copied, theirs_again));
  g_clear_pointer (&copied, g_bytes_unref);
  copied = ct_read_file (g_file_peek_path (copy));
  g_assert_true (g_bytes_equal (copied, theirs));
}

/* With the file gone there is nothing to copy: the next save writes it. */
static void
test_set_aside_deleted (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) reopened = NULL;

  add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  save (f);
  g_assert_cmpint (g_unlink (f->annotations_path), ==, 0);

  g_assert_true (glossa_document_set_aside_disk_version (f->document, &copy, &error));
  g_assert_no_error (error);
  g_assert_null (copy);
  save (f);
  reopened = open_document (f);
  g_assert_cmpuint (glossa_document_get_n_spans (reopened), ==, 1);
}

/* If the copy cannot be made (here, another program put a folder where the
 * file was), the file stays changed on disk and saves are still refused.
 */
static void
test_set_aside_fails (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;

  add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  save (f);
  g_assert_cmpint (g_unlink (f->annotations_path), ==, 0);
  g_assert_cmpint (g_mkdir (f->annotations_path, 0755), ==, 0);

  g_assert_false (glossa_document_set_aside_disk_version (f->document, &copy, &error));
  g_assert_nonnull (error);
  ct_assert_contains (error->message, "news.annotations.json");
  g_assert_null (copy);
  g_clear_error (&error);
  g_assert_true (glossa_document_changed_on_disk (f->document));
  g_assert_false (glossa_document_save (f->document, NULL, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT);
  g_assert_true (g_file_test (f->annotations_path, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (g_rmdir (f->annotations_path), ==, 0);
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  glossa_document_save_finish (GLOSSA_DOCUMENT (object), result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* The async save writes what the document held when it was asked, in
 * Python's layout.
 */
static void
test_save_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) result = NULL;
  g_autoptr(GlossaDocument) reopened = NULL;

  add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  add (f, 35, 42, GLOSSA_LABEL_DATE);
  glossa_document_save_async (f->document, NULL, on_saved, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* on_saved() turns success into G_IO_ERROR_EXISTS "done". */
  g_assert_error (result, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_false (glossa_document_get_modified (f->document));
  g_assert_false (glossa_document_changed_on_disk (f->document));
  ct_check_with_python (f->annotations_path, f->article_path);

  reopened = open_document (f);
  g_assert_cmpuint (glossa_document_get_n_spans (reopened), ==, 2);
  g_assert_finalize_object (g_steal_pointer (&reopened));
}

static void
count_saved (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  guint *n_done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (glossa_document_save_finish (GLOSSA_DOCUMENT (object), result, &error));
  g_assert_no_error (error);
  (*n_done)++;
}

/* Saves asked for while one runs wait for it and then write the state of
 * their own moment: the file ends with the last edit, and the document is
 * not modified.
 */
static void
test_save_async_queued (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GlossaDocument) reopened = NULL;
  guint n_done = 0;

  add (f, 0, 14, GLOSSA_LABEL_ACTOR);
  glossa_document_save_async (f->document, NULL, count_saved, &n_done);
  add (f, 22, 31, GLOSSA_LABEL_ACTOR);
  glossa_document_save_async (f->document, NULL, count_saved, &n_done);
  add (f, 35, 42, GLOSSA_LABEL_DATE);
  glossa_document_save_async (f->document, NULL, count_saved, &n_done);
  while (n_done < 3)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (glossa_document_get_modified (f->document));
  g_assert_false (glossa_document_changed_on_disk (f->document));
  reopened = open_document (f);
  g_assert_cmpuint (glossa_document_get_n_spans (reopened), ==, 3);
  ct_check_with_python (f->annotations_path, f->article_path);
  g_assert_finalize_object (g_steal_pointer (&reopened));
}

static void
on_opened (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_open_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = g_strdup (add (f, 0, 14, GLOSSA_LABEL_ACTOR)->id);
  save (f);
  glossa_document_open_async (f->article_file, NULL, on_opened, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  document = glossa_document_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 1);
  g_assert_nonnull (glossa_document_lookup_span (document, id));
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&document));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/document/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("new", test_new);
  ADD ("new-file-fields", test_new_file_fields);
  g_test_add_func ("/core/document/date-from-article", test_date_from_article);
  ADD ("add", test_add);
  ADD ("add-same-twice", test_add_same_twice);
  ADD ("add-bad-range", test_add_bad_range);
  ADD ("overlapping-and-nested", test_overlapping_and_nested);
  ADD ("remove", test_remove);
  ADD ("update", test_update);
  ADD ("ids-unique", test_ids_unique);
  ADD ("ids-stable-across-save", test_ids_stable_across_save);
  ADD ("unknown-members-kept", test_unknown_members_kept);
  ADD ("status-in-progress", test_status_in_progress);
  ADD ("status-signals", test_status_signals);
  ADD ("user", test_user);
  ADD ("signals", test_signals);
  ADD ("signals-group", test_signals_group);
  ADD ("property-notifications", test_property_notifications);
  ADD ("read-only", test_read_only);
  ADD ("reload", test_reload);
  ADD ("open-missing-annotations", test_open_missing_annotations);
  ADD ("open-bad-annotations", test_open_bad_annotations);
  ADD ("open-article-changed", test_open_article_changed);
  g_test_add_func ("/core/document/open-bad-article", test_open_bad_article);
  ADD ("changed-on-disk", test_changed_on_disk);
  ADD ("changed-on-disk-deleted", test_changed_on_disk_deleted);
  ADD ("set-aside-disk-version", test_set_aside_disk_version);
  ADD ("set-aside-deleted", test_set_aside_deleted);
  ADD ("set-aside-fails", test_set_aside_fails);
  ADD ("save-async", test_save_async);
  ADD ("save-async-queued", test_save_async_queued);
  ADD ("open-async", test_open_async);

#undef ADD

  return g_test_run ();
}
