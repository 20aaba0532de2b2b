/* test-reanchor.c: tests of moving spans onto a changed article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "glossa-article.h"
#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-reanchor.h"
#include "glossa-span.h"

#include "core-test-util.h"

static GlossaArticle *
article_new (const char *text)
{
  g_autoptr(GError) error = NULL;
  GlossaArticle *article = glossa_article_new_from_data (text, strlen (text), "article.txt", &error);

  g_assert_no_error (error);
  return article;
}

/* Annotations made on @article: one span per (start, end, label) triple
 * of @spans, ended by a negative start, with the article's own text.
 */
static GlossaAnnotations *
annotations_on (GlossaArticle *article,
                const gint64  *spans)
{
  GlossaAnnotations *annotations = glossa_annotations_new ();

  annotations->doc_id = g_strdup ("article");
  annotations->file = g_strdup ("article.txt");
  annotations->sha256 = g_strdup (glossa_article_get_sha256 (article));
  annotations->length = glossa_article_get_length (article);
  annotations->status = GLOSSA_STATUS_IN_PROGRESS;
  for (guint i = 0; spans[i * 3] >= 0; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      g_autofree char *text = glossa_article_slice (article, spans[i * 3], spans[i * 3 + 1]);

      g_ptr_array_add (annotations->spans,
                       glossa_span_new (id, spans[i * 3], spans[i * 3 + 1],
                                        (GlossaLabel) spans[i * 3 + 2], text));
    }
  return annotations;
}

static GlossaSpan *
find_id (GPtrArray  *spans,
         const char *id)
{
  for (guint i = 0; i < spans->len; i++)
    if (g_str_equal (((GlossaSpan *) g_ptr_array_index (spans, i))->id, id))
      return g_ptr_array_index (spans, i);
  return NULL;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return glossa_span_compare (*(GlossaSpan * const *) a, *(GlossaSpan * const *) b);
}

/* Every span placed covers its own text in @article; the spans are sorted
 * and no two have the same (start, end, label).
 */
static void
assert_placed_on (GlossaReanchor *reanchor,
                  GlossaArticle  *article)
{
  GPtrArray *spans = reanchor->annotations->spans;

  g_assert_cmpstr (reanchor->annotations->sha256, ==, glossa_article_get_sha256 (article));
  g_assert_cmpint (reanchor->annotations->length, ==, glossa_article_get_length (article));
  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      g_assert_true (glossa_article_slice_equals (article, span->start, span->end, span->text));
      if (i > 0)
        g_assert_cmpint (glossa_span_compare (g_ptr_array_index (spans, i - 1), span), <, 0);
    }
}

static void
test_same_place (void)
{
  g_autoptr(GlossaArticle) old = article_new ("Alice met Bob.");
  g_autoptr(GlossaArticle) new = article_new ("Alice met Bob!");
  const gint64 spans[] = { 0, 5, GLOSSA_LABEL_ACTOR, 10, 13, GLOSSA_LABEL_ACTOR, -1 };
  g_autoptr(GlossaAnnotations) annotations = annotations_on (old, spans);
  g_autoptr(GlossaReanchor) reanchor = glossa_reanchor (annotations, new);

  g_assert_cmpuint (reanchor->n_unchanged, ==, 2);
  g_assert_cmpuint (reanchor->n_moved, ==, 0);
  g_assert_cmpuint (reanchor->lost->len, ==, 0);
  g_assert_cmpint (find_id (reanchor->annotations->spans, "s2")->start, ==, 10);
  g_assert_cmpstr (reanchor->annotations->doc_id, ==, "article");
  g_assert_cmpint (reanchor->annotations->status, ==, GLOSSA_STATUS_IN_PROGRESS);
  assert_placed_on (reanchor, new);
}

static void
test_moved_by_insertion (void)
{
  g_autoptr(GlossaArticle) old = article_new ("Alice met Bob. Carol left.");
  g_autoptr(GlossaArticle) new = article_new ("Yesterday, Alice met Bob. Then Carol left.");
  const gint64 spans[] = { 0, 5, GLOSSA_LABEL_ACTOR, 10, 13, GLOSSA_LABEL_ACTOR,
                           15, 20, GLOSSA_LABEL_ACTOR, 15, 25, GLOSSA_LABEL_CLAIM, -1 };
  g_autoptr(GlossaAnnotations) annotations = annotations_on (old, spans);
  g_autoptr(GlossaReanchor) reanchor = glossa_reanchor (annotations, new);
  GPtrArray *placed = reanchor->annotations->spans;

  g_assert_cmpuint (reanchor->n_unchanged, ==, 0);
  g_assert_cmpuint (reanchor->n_moved, ==, 4);
  g_assert_cmpuint (reanchor->lost->len, ==, 0);
  g_assert_cmpint (find_id (placed, "s1")->start, ==, 11);
  g_assert_cmpint (find_id (placed, "s2")->start, ==, 21);
  g_assert_cmpint (find_id (placed, "s3")->start, ==, 31);
  g_assert_cmpint (find_id (placed, "s4")->end, ==, 41);
  assert_placed_on (reanchor, new);
}

static void
test_duplicates_nearest (void)
{
  /* The second "beta" (17) moved by 6; the first (6) is 11 away. */
  g_autoptr(GlossaArticle) old = article_new ("alpha beta gamma beta");
  g_autoptr(GlossaArticle) new = article_new ("alpha beta gamma delta beta");
  const gint64 spans[] = { 17, 21, GLOSSA_LABEL_ACTOR, -1 };
  g_autoptr(GlossaAnnotations) annotations = annotations_on (old, spans);
  g_autoptr(GlossaReanchor) reanchor = glossa_reanchor (annotations, new);

  g_assert_cmpuint (reanchor->n_moved, ==, 1);
  g_assert_cmpint (find_id (reanchor->annotations->spans, "s1")->start, ==, 23);

  /* Moved further than the other one is away: still the nearer one. */
  {
    g_autoptr(GlossaArticle) other = article_new ("beta alpha gamma delta epsilon beta");
    g_autoptr(GlossaReanchor) again = glossa_reanchor (annotations, other);

    g_assert_cmpint (find_id (again->annotations->spans, "s1")->start, ==, 31);
  }
  /* The earlier occurrence is the nearer one. */
  {
    g_autoptr(GlossaArticle) other = article_new ("alpha beta gamma delta epsilon zeta eta theta beta");
    g_autoptr(GlossaReanchor) again = glossa_reanchor (annotations, other);

    g_assert_cmpint (find_id (again->annotations->spans, "s1")->start, ==, 6);
  }
}

static void
test_removed_lost (void)
{
  g_autoptr(GlossaArticle) old = article_new ("Alice met Bob and Bob met Carol.");
  g_autoptr(GlossaArticle) new = article_new ("Alice met Bob and Dan met Carol.");
  /* The second Bob is gone; the first is taken by s2 already, so s3 may
   * not land on it: it is lost, and so is nothing else.
   */
  const gint64 spans[] = { 0, 5, GLOSSA_LABEL_ACTOR, 10, 13, GLOSSA_LABEL_ACTOR,
                           18, 21, GLOSSA_LABEL_ACTOR, 26, 31, GLOSSA_LABEL_ACTOR, -1 };
  g_autoptr(GlossaAnnotations) annotations = annotations_on (old, spans);
  g_autoptr(GlossaReanchor) reanchor = glossa_reanchor (annotations, new);
  GlossaSpan *lost;

  g_assert_cmpuint (reanchor->n_unchanged, ==, 3);
  g_assert_cmpuint (reanchor->n_moved, ==, 0);
  g_assert_cmpuint (reanchor->lost->len, ==, 1);
  lost = g_ptr_array_index (reanchor->lost, 0);
  g_assert_cmpstr (lost->id, ==, "s3");
  g_assert_cmpint (lost->start, ==, 18);
  g_assert_cmpstr (lost->text, ==, "Bob");
  g_assert_null (find_id (reanchor->annotations->spans, "s3"));
  assert_placed_on (reanchor, new);
}

static void
test_code_points (void)
{
  /* Offsets count code points: an emoji is one, CR and LF are two. */
  g_autoptr(GlossaArticle) old = article_new ("Hi \xF0\x9F\x98\x80\r\nBob said \xC3\xA9t\xC3\xA9");
  g_autoptr(GlossaArticle) new = article_new ("\xF0\x9F\x98\x80\xF0\x9F\x98\x80\r\nHi \xF0\x9F\x98\x80\r\nBob said \xC3\xA9t\xC3\xA9");
  const gint64 spans[] = { 3, 9, GLOSSA_LABEL_QUOTE, 15, 18, GLOSSA_LABEL_DATE, -1 };
  g_autoptr(GlossaAnnotations) annotations = annotations_on (old, spans);
  g_autoptr(GlossaReanchor) reanchor = glossa_reanchor (annotations, new);
  GPtrArray *placed = reanchor->annotations->spans;

  g_assert_cmpstr (find_id (annotations->spans, "s1")->text, ==, "\xF0\x9F\x98\x80\r\nBob");
  g_assert_cmpstr (find_id (annotations->spans, "s2")->text, ==, "\xC3\xA9t\xC3\xA9");
  g_assert_cmpuint (reanchor->n_moved, ==, 2);
  g_assert_cmpint (find_id (placed, "s1")->start, ==, 7);
  g_assert_cmpint (find_id (placed, "s1")->end, ==, 13);
  g_assert_cmpint (find_id (placed, "s2")->start, ==, 19);
  assert_placed_on (reanchor, new);
}

/* A long article of repeated words (numbered now and then, so that most
 * twelve characters are found once), many spans, and an insertion in the
 * middle that shifts the second half: the result is the same each time,
 * every span of the unchanged text is placed where it moved to, and it is
 * fast.
 */
static char *
long_text (guint n_words,
           guint seed)
{
  static const char *words[] = { "the", "minister", "said", "élan", "on", "Tuesday", "😀", "“no”" };
  GString *out = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n_words; i++)
    {
      g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_c (out, i % 17 == 16 ? '\n' : ' ');
      if (i % 3 == 0)
        g_string_append_printf (out, "%u ", i);
    }
  g_rand_free (rand);
  return g_string_free (out, FALSE);
}

static void
test_deterministic_and_fast (void)
{
  guint n_words = g_test_slow () ? 800000 : 200000;
  g_autofree char *old_text = long_text (n_words, 7);
  g_autoptr(GString) new_text = g_string_new (old_text);
  g_autoptr(GlossaArticle) old = NULL;
  g_autoptr(GlossaArticle) new = NULL;
  g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
  g_autoptr(GlossaReanchor) first = NULL;
  g_autoptr(GlossaReanchor) second = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  gsize middle = strlen (old_text) / 2;
  const char *inserted = "A new paragraph of 😀 forty-one characters.\n";
  gint64 middle_offset, shift;
  guint n_spans = n_words / 16;
  gint64 t0;

  while (old_text[middle] != ' ')
    middle++;
  g_string_insert (new_text, middle + 1, inserted);
  old = article_new (old_text);
  new = article_new (new_text->str);
  middle_offset = glossa_article_byte_to_offset (old, middle + 1);
  shift = g_utf8_strlen (inserted, -1);

  annotations->sha256 = g_strdup (glossa_article_get_sha256 (old));
  annotations->length = glossa_article_get_length (old);
  for (guint i = 0; i < n_spans; i++)
    {
      gint64 start = glossa_article_get_length (old) / n_spans * i;
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      g_autofree char *text = glossa_article_slice (old, start, start + 12);

      g_ptr_array_add (annotations->spans, glossa_span_new (id, start, start + 12, GLOSSA_LABEL_CLAIM, text));
    }

  t0 = g_get_monotonic_time ();
  first = glossa_reanchor (annotations, new);
  g_test_message ("%u spans in %zu bytes: %.3f s", n_spans, strlen (new_text->str),
                  (g_get_monotonic_time () - t0) / 1e6);
  second = glossa_reanchor (annotations, new);

  first_bytes = glossa_format_write (first->annotations);
  second_bytes = glossa_format_write (second->annotations);
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));
  g_assert_cmpuint (first->n_unchanged, ==, second->n_unchanged);
  g_assert_cmpuint (first->n_moved, ==, second->n_moved);
  assert_placed_on (first, new);

  /* A span that straddles the insertion is the only one that can be lost. */
  g_assert_cmpuint (first->lost->len, <=, 1);
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < first->annotations->spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (first->annotations->spans, i);

      g_hash_table_insert (by_id, span->id, span);
    }
  for (guint i = 0; i < n_spans; i++)
    {
      GlossaSpan *span = g_ptr_array_index (annotations->spans, i);
      GlossaSpan *placed = g_hash_table_lookup (by_id, span->id);

      if (span->end <= middle_offset)
        g_assert_cmpint (placed->start, ==, span->start);
      else if (span->start >= middle_offset)
        g_assert_cmpint (placed->start, ==, span->start + shift);
    }

  /* The worst case: another article, where most spans are searched for in
   * vain. The budget keeps it bounded.
   */
  {
    g_autofree char *other_text = long_text (n_words, 8);
    g_autoptr(GlossaArticle) other = article_new (other_text);
    g_autoptr(GlossaReanchor) lost = NULL;

    t0 = g_get_monotonic_time ();
    lost = glossa_reanchor (annotations, other);
    g_test_message ("another article: %u placed, %u lost in %.3f s",
                    lost->n_unchanged + lost->n_moved, lost->lost->len,
                    (g_get_monotonic_time () - t0) / 1e6);
    g_assert_cmpuint (lost->n_unchanged + lost->n_moved + lost->lost->len, ==, n_spans);
    assert_placed_on (lost, other);
  }
}


/* Random articles from a few characters (ASCII, two-byte, four-byte, CR
 * LF), random spans, one random edit: whatever happens, every span placed
 * covers its own text, none is placed twice, and every span is counted once.
 */
static void
test_random_edits (void)
{
  static const char *pieces[] = { "a", "b", " ", "é", "😀", "\r\n", "ab", "ba " };
  GRand *rand = g_rand_new_with_seed (20261129);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) edited = NULL;
      g_autoptr(GlossaArticle) old = NULL;
      g_autoptr(GlossaArticle) new = NULL;
      g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
      g_autoptr(GlossaReanchor) reanchor = NULL;
      g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      guint n_pieces = g_rand_int_range (rand, 1, 80);
      gint64 length, at, cut;

      for (guint i = 0; i < n_pieces; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      old = article_new (text->str);
      length = glossa_article_get_length (old);
      annotations->sha256 = g_strdup (glossa_article_get_sha256 (old));
      annotations->length = length;
      for (guint i = 0; i < 6; i++)
        {
          gint64 start = g_rand_int_range (rand, 0, length);
          gint64 end = g_rand_int_range (rand, start + 1, length + 1);
          GlossaLabel label = glossa_label_builtin (g_rand_int_range (rand, 0, GLOSSA_N_BUILTIN_LABELS));
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d", start, end, label);
          g_autofree char *id = g_strdup_printf ("s%u", i + 1);
          g_autofree char *slice = glossa_article_slice (old, start, end);

          if (g_hash_table_add (keys, g_steal_pointer (&key)))
            g_ptr_array_add (annotations->spans, glossa_span_new (id, start, end, label, slice));
        }
      g_ptr_array_sort (annotations->spans, compare_spans);

      /* One edit: insert, delete or replace a run of characters. */
      at = glossa_article_offset_to_byte (old, g_rand_int_range (rand, 0, length + 1));
      cut = glossa_article_offset_to_byte (old, MIN (length, glossa_article_byte_to_offset (old, at)
                                                              + g_rand_int_range (rand, 0, 4)));
      edited = g_string_new_len (text->str, at);
      if (g_rand_boolean (rand))
        g_string_append (edited, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      g_string_append (edited, text->str + (g_rand_boolean (rand) ? cut : at));
      if (edited->len == 0)
        g_string_append (edited, "a");
      new = article_new (edited->str);

      reanchor = glossa_reanchor (annotations, new);
      g_assert_cmpuint (reanchor->n_unchanged + reanchor->n_moved + reanchor->lost->len, ==,
                        annotations->spans->len);
      g_assert_cmpuint (reanchor->annotations->spans->len, ==, reanchor->n_unchanged + reanchor->n_moved);
      assert_placed_on (reanchor, new);
    }
  g_rand_free (rand);
}

static void
test_file (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "article.annotations.json", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.annotations.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GlossaArticle) old = article_new ("Alice met Bob.");
  g_autoptr(GlossaArticle) new = article_new ("Today Alice met Bob.");
  const gint64 spans[] = { 10, 13, GLOSSA_LABEL_ACTOR, -1 };
  g_autoptr(GlossaAnnotations) annotations = annotations_on (old, spans);
  g_autoptr(GBytes) bytes = glossa_format_write (annotations);
  g_autoptr(GlossaReanchor) reanchor = NULL;
  g_autoptr(GError) error = NULL;

  ct_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  reanchor = glossa_reanchor_file (file, new, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_id (reanchor->annotations->spans, "s1")->start, ==, 16);
  assert_placed_on (reanchor, new);

  /* Never blocks on a FIFO named like an annotation file. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_clear_pointer (&reanchor, glossa_reanchor_free);
  reanchor = glossa_reanchor_file (fifo_file, new, NULL, &error);
  g_assert_null (reanchor);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "fifo.annotations.json"));
  ct_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/reanchor/same-place", test_same_place);
  g_test_add_func ("/core/reanchor/moved-by-insertion", test_moved_by_insertion);
  g_test_add_func ("/core/reanchor/duplicates-nearest", test_duplicates_nearest);
  g_test_add_func ("/core/reanchor/removed-lost", test_removed_lost);
  g_test_add_func ("/core/reanchor/code-points", test_code_points);
  g_test_add_func ("/core/reanchor/deterministic-and-fast", test_deterministic_and_fast);
  g_test_add_func ("/core/reanchor/random-edits", test_random_edits);
  g_test_add_func ("/core/reanchor/file", test_file);

  return g_test_run ();
}
