/* test-document-batch.c: tests of a document's batch of edits: the file it saves, its undo and its signals
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-article.h"
#include "glossa-document.h"

#include "core-test-util.h"

/* Words of five letters and a space: word i is [6i, 6i + 5). */
#define N_WORDS 3000

typedef struct
{
  guint n_changed;
  guint n_n_spans;
  guint n_added;
  guint n_removed;
  guint n_changed_inside;  /* "changed" while in a batch: never */
} Counts;

static char *
make_text (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < N_WORDS; i++)
    g_string_append_printf (text, "w%04u ", i);
  return g_string_free (text, FALSE);
}

static GlossaDocument *
open_in (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "news.txt", NULL);
  g_autofree char *text = make_text ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GlossaDocument *document;

  ct_write_file (path, text, -1);
  document = glossa_document_open (file, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static GBytes *
save_and_read (GlossaDocument *document,
               const char     *dir)
{
  g_autofree char *path = g_build_filename (dir, "news.annotations.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (glossa_document_save (document, NULL, &error));
  g_assert_no_error (error);
  return ct_read_file (path);
}

/* Word @i as an accepted suggestion would make it: every field set, so
 * that no clock or counter tells the two paths apart.
 */
static GlossaSpan *
word_span (guint i)
{
  g_autofree char *id = g_strdup_printf ("s%u", i + 1);
  GlossaSpan *span = glossa_span_new (id, 6 * i, 6 * i + 5, i % 3 == 0 ? GLOSSA_LABEL_DATE : GLOSSA_LABEL_ACTOR,
                                      "");

  span->origin = GLOSSA_ORIGIN_SUGGESTED;
  span->annotator = g_strdup ("ann");
  span->created = g_strdup ("2026-11-30T08:00:00Z");
  span->modified = g_strdup ("2026-11-30T08:00:00Z");
  return span;
}

/* The words in an order that is not the text's (and not its reverse):
 * each lands in the middle of those already there.
 */
static GArray *
shuffled_words (guint n)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    {
      guint word = (i * 1237u) % n;

      g_array_append_val (order, word);
    }
  return order;
}

static void
add_words (GlossaDocument *document,
           GArray         *order,
           gboolean        batch)
{
  if (batch)
    glossa_document_begin_batch (document, "Accept Suggestions");
  else
    glossa_document_begin_group (document, "Accept Suggestions");
  for (guint i = 0; i < order->len; i++)
    {
      g_autoptr(GlossaSpan) span = word_span (g_array_index (order, guint, i));
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (glossa_document_add_span_copy (document, span, &error));
      g_assert_no_error (error);
    }
  if (batch)
    glossa_document_end_batch (document);
  else
    glossa_document_end_group (document);
}

/* The batch writes the file the same edits one by one wrote, byte for
 * byte.
 */
static void
test_same_file (void)
{
  g_autofree char *dir_a = ct_make_tmpdir ();
  g_autofree char *dir_b = ct_make_tmpdir ();
  g_autoptr(GlossaDocument) one_by_one = open_in (dir_a);
  g_autoptr(GlossaDocument) batched = open_in (dir_b);
  g_autoptr(GArray) order = shuffled_words (N_WORDS);
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;

  add_words (one_by_one, order, FALSE);
  add_words (batched, order, TRUE);
  g_assert_cmpuint (glossa_document_get_n_spans (batched), ==, N_WORDS);
  a = save_and_read (one_by_one, dir_a);
  b = save_and_read (batched, dir_b);
  g_assert_cmpuint (g_bytes_get_size (a), >, N_WORDS * 50);
  g_assert_true (g_bytes_equal (a, b));

  ct_remove_tree (dir_a);
  ct_remove_tree (dir_b);
}

/* One undo takes the whole batch back and the file is what it was before
 * it; a redo brings it back, the file as the batch wrote it.
 */
static void
test_undo_redo (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autoptr(GlossaDocument) document = open_in (dir);
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) order = shuffled_words (N_WORDS);
  g_autoptr(GBytes) saved_before = NULL;
  g_autoptr(GBytes) saved_batch = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  guint kept[] = { 7, 1500, 2999 };

  /* Three spans tagged before, in their own step each; the batch adds
   * them again (nothing) and the rest.
   */
  g_array_append_vals (before, kept, G_N_ELEMENTS (kept));
  for (guint i = 0; i < before->len; i++)
    {
      g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (guint));

      g_array_append_val (one, g_array_index (before, guint, i));
      add_words (document, one, FALSE);
    }
  saved_before = save_and_read (document, dir);

  add_words (document, order, TRUE);
  saved_batch = save_and_read (document, dir);
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, N_WORDS);

  g_assert_true (glossa_document_undo (document));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, G_N_ELEMENTS (kept));
  undone = save_and_read (document, dir);
  g_assert_true (g_bytes_equal (undone, saved_before));

  g_assert_true (glossa_document_redo (document));
  redone = save_and_read (document, dir);
  g_assert_true (g_bytes_equal (redone, saved_batch));

  /* The steps before it are still there, one a span. */
  g_assert_true (glossa_document_undo (document));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, G_N_ELEMENTS (kept));
  g_assert_true (glossa_document_undo (document));
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, G_N_ELEMENTS (kept) - 1);

  ct_remove_tree (dir);
}

static void
on_changed (GlossaDocument *document,
            Counts         *counts)
{
  counts->n_changed++;
  if (glossa_document_in_batch (document))
    counts->n_changed_inside++;
}

static void
on_n_spans (GlossaDocument *document,
            GParamSpec     *pspec,
            Counts         *counts)
{
  counts->n_n_spans++;
}

static void
on_added (GlossaDocument *document,
          GlossaSpan     *span,
          Counts         *counts)
{
  g_assert_true (glossa_document_in_batch (document));
  g_assert_true (glossa_document_lookup_span (document, span->id) == span);
  counts->n_added++;
}

static void
on_removed (GlossaDocument *document,
            GlossaSpan     *span,
            Counts         *counts)
{
  g_assert_true (glossa_document_in_batch (document));
  g_assert_null (glossa_document_lookup_span (document, span->id));
  counts->n_removed++;
}

/* Listeners hear each span, and "changed" and the span count once, at the
 * end of the batch, of its undo and of its redo.
 */
static void
test_signals (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autoptr(GlossaDocument) document = open_in (dir);
  g_autoptr(GArray) order = shuffled_words (500);
  Counts counts = { 0 };

  g_signal_connect (document, "changed", G_CALLBACK (on_changed), &counts);
  g_signal_connect (document, "notify::n-spans", G_CALLBACK (on_n_spans), &counts);
  g_signal_connect (document, "span-added", G_CALLBACK (on_added), &counts);
  g_signal_connect (document, "span-removed", G_CALLBACK (on_removed), &counts);
  g_assert_false (glossa_document_in_batch (document));

  add_words (document, order, TRUE);
  g_assert_false (glossa_document_in_batch (document));
  g_assert_cmpuint (counts.n_added, ==, 500);
  g_assert_cmpuint (counts.n_changed, ==, 1);
  g_assert_cmpuint (counts.n_n_spans, ==, 1);
  g_assert_true (glossa_document_get_modified (document));

  g_assert_true (glossa_document_undo (document));
  g_assert_cmpuint (counts.n_removed, ==, 500);
  g_assert_cmpuint (counts.n_changed, ==, 2);
  g_assert_cmpuint (counts.n_n_spans, ==, 2);
  g_assert_false (glossa_document_can_undo (document));

  g_assert_true (glossa_document_redo (document));
  g_assert_cmpuint (counts.n_added, ==, 1000);
  g_assert_cmpuint (counts.n_changed, ==, 3);
  g_assert_cmpuint (counts.n_n_spans, ==, 3);
  g_assert_cmpuint (counts.n_changed_inside, ==, 0);

  ct_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/document-batch/same-file", test_same_file);
  g_test_add_func ("/core/document-batch/undo-redo", test_undo_redo);
  g_test_add_func ("/core/document-batch/signals", test_signals);

  return g_test_run ();
}
