/* bench-format.c: loading and saving 50,000 spans over a 5 MB article, against json-glib's floor
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "glossa-article.h"
#include "glossa-document.h"
#include "glossa-format.h"
#include "glossa-json.h"
#include "glossa-span.h"
#include "glossa-storage.h"

#define ARTICLE_BYTES (5 * 1000 * 1000)
#define N_SPANS       50000

/* Loading and validating may cost at most this much more than json-glib
 * parsing the same file and building its tree, which is the floor for any
 * loader built on json-glib.
 */
#define READ_BUDGET   1.3

/* English with some accented, Cyrillic, CJK and emoji words, so that
 * character offsets and byte offsets part ways early and often.
 */
static const char *words[] = {
  "the", "president", "said", "on", "Tuesday", "that", "sanctions", "would",
  "lead", "to", "a", "complete", "break", "in", "relations", "between",
  "Moscow", "and", "Washington", "according", "officials", "who", "spoke",
  "anonymously", "about", "talks", "with", "Kyiv", "ministers", "of",
  "café", "naïve", "Zürich", "señor", "Москва", "Украина", "北京", "中文",
  "😀", "👍🏽", "🇮🇹", "שלום", "e\xcc\x81", "Ελλάδα", "déjà", "vu",
};

typedef struct
{
  GArray *starts;   /* gint64 code point offset of each word */
  GArray *ends;
} WordIndex;

static char *
make_article (WordIndex *index,
              gsize     *len)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (31122021);
  GString *text = g_string_sized_new (ARTICLE_BYTES + 64);
  gint64 chars;
  guint in_sentence = 0;

  g_string_append (text, " date 2021-12-31 ");
  chars = g_utf8_strlen (text->str, -1);

  while (text->len < ARTICLE_BYTES)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
      gint64 n = g_utf8_strlen (word, -1);

      g_array_append_val (index->starts, chars);
      g_string_append (text, word);
      chars += n;
      g_array_append_val (index->ends, chars);

      if (++in_sentence > 8 && g_rand_int_range (rand, 0, 6) == 0)
        {
          in_sentence = 0;
          if (g_rand_int_range (rand, 0, 5) == 0)
            {
              g_string_append (text, ".\n\n");
              chars += 3;
            }
          else
            {
              g_string_append (text, ". ");
              chars += 2;
            }
        }
      else
        {
          g_string_append_c (text, ' ');
          chars += 1;
        }
    }

  *len = text->len;
  return g_string_free (text, FALSE);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return glossa_span_compare (*(GlossaSpan **) a, *(GlossaSpan **) b);
}

/* N_SPANS spans of one to four words spread over the article; every fifth
 * one nests inside the one before with another label, as a date in a claim.
 */
static GlossaAnnotations *
make_annotations (GlossaArticle *article,
                  WordIndex     *index)
{
  GlossaAnnotations *annotations = glossa_annotations_new ();
  guint n_words = index->starts->len;
  guint stride = (n_words - 8) / N_SPANS;
  gint64 outer_start = 0;
  gint64 outer_end = 0;
  guint outer_word = 0;

  annotations->doc_id = g_strdup ("bench");
  annotations->file = g_strdup ("bench.txt");
  annotations->sha256 = g_strdup (glossa_article_get_sha256 (article));
  annotations->length = glossa_article_get_length (article);
  annotations->date = g_strdup (glossa_article_get_date (article));
  annotations->status = GLOSSA_STATUS_IN_PROGRESS;

  for (guint i = 0; i < N_SPANS; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      g_autofree char *text = NULL;
      gint64 start, end;
      guint label_index = i % GLOSSA_N_BUILTIN_LABELS;

      if (i % 5 == 4)
        {
          /* The first word of the previous span (which has two or more). */
          start = outer_start;
          end = g_array_index (index->ends, gint64, outer_word);
          label_index = (label_index + 1) % GLOSSA_N_BUILTIN_LABELS;
        }
      else
        {
          outer_word = i * stride;
          outer_start = start = g_array_index (index->starts, gint64, outer_word);
          outer_end = end = g_array_index (index->ends, gint64, outer_word + 1 + i % 3);
        }
      g_assert (end <= outer_end);

      text = glossa_article_slice (article, start, end);
      g_ptr_array_add (annotations->spans, glossa_span_new (id, start, end, glossa_label_builtin (label_index), text));
    }

  g_ptr_array_sort (annotations->spans, compare_spans);
  return annotations;
}

/* Format v2: up to @n_links source links, each quote or claim to the
 * nearest actor before it, and every date span's value.
 */
static void
add_links (GlossaAnnotations *annotations,
           guint              n_links)
{
  GlossaSpan *actor = NULL;

  for (guint i = 0; i < annotations->spans->len && annotations->relations->len < n_links; i++)
    {
      GlossaSpan *span = g_ptr_array_index (annotations->spans, i);

      if (span->label == GLOSSA_LABEL_ACTOR)
        actor = span;
      else if ((span->label == GLOSSA_LABEL_QUOTE || span->label == GLOSSA_LABEL_CLAIM) && actor != NULL)
        {
          g_autofree char *id = g_strdup_printf ("r%u", annotations->relations->len + 1);

          g_ptr_array_add (annotations->relations,
                           glossa_relation_new (id, "source", span->id, actor->id));
        }
      else if (span->label == GLOSSA_LABEL_DATE && n_links > 0)
        {
          span->attributes = json_object_new ();
          json_object_set_string_member (span->attributes, "value", "2021-12-31");
        }
    }
  g_assert_cmpuint (annotations->relations->len, ==, n_links);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

typedef struct
{
  double floor;       /* json-glib: parse and build the tree */
  double parse;       /* glossa_json_parse alone */
  double read;        /* glossa_format_read with the article */
  double serialize;   /* glossa_format_write */
  double save;        /* glossa_file_replace_atomic */
} Figures;

static void
measure_round (GlossaArticle *article,
               GBytes        *file_bytes,
               GFile         *target,
               Figures       *best)
{
  const char *data = g_bytes_get_data (file_bytes, NULL);
  gsize len = g_bytes_get_size (file_bytes);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GBytes) written = NULL;
  double t;

  {
    JsonParser *parser;

    t = now_ms ();
    parser = json_parser_new ();
    if (!json_parser_load_from_data (parser, data, len, &error))
      g_error ("json-glib refused the file: %s", error->message);
    g_object_unref (parser);
    best->floor = MIN (best->floor, now_ms () - t);
  }

  {
    JsonNode *root;

    t = now_ms ();
    root = glossa_json_parse (data, len, "bench.annotations.json", &error);
    if (root == NULL)
      g_error ("%s", error->message);
    json_node_unref (root);
    best->parse = MIN (best->parse, now_ms () - t);
  }

  t = now_ms ();
  annotations = glossa_format_read (data, len, "bench.annotations.json", article, &error);
  best->read = MIN (best->read, now_ms () - t);
  if (annotations == NULL)
    g_error ("%s", error->message);
  g_assert_cmpuint (annotations->spans->len, ==, N_SPANS);

  t = now_ms ();
  written = glossa_format_write (annotations);
  best->serialize = MIN (best->serialize, now_ms () - t);
  if (!g_bytes_equal (written, file_bytes))
    g_error ("writing what was read did not give the same bytes");

  t = now_ms ();
  if (!glossa_file_replace_atomic (target, written, NULL, &error))
    g_error ("%s", error->message);
  best->save = MIN (best->save, now_ms () - t);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Tagging in the core, as the window's tag key does it but without
 * drawing: a claim added over one to three words somewhere in the document
 * and deleted again, each pair timed; then the document's save (a snapshot
 * that keeps the links whose ends are there, and its serialization).
 */
static void
measure_tagging (GlossaArticle     *article,
                 GlossaAnnotations *annotations,
                 WordIndex         *index,
                 guint              n_ops,
                 double            *median,
                 double            *p99,
                 double            *save)
{
  g_autoptr(GlossaDocument) document = glossa_document_new_with_annotations (article, NULL, annotations);
  g_autoptr(GRand) rand = g_rand_new_with_seed (28122021);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GlossaAnnotations) snapshot = NULL;
  g_autoptr(GBytes) bytes = NULL;
  double t;

  while (times->len < n_ops)
    {
      guint word = g_rand_int_range (rand, 0, index->starts->len - 3);
      gint64 start = g_array_index (index->starts, gint64, word);
      gint64 end = g_array_index (index->ends, gint64, word + g_rand_int_range (rand, 0, 3));
      GlossaSpan *span;
      g_autofree char *id = NULL;

      t = now_ms ();
      span = glossa_document_add_span (document, start, end, GLOSSA_LABEL_CLAIM, NULL);
      if (span == NULL || glossa_document_get_n_spans (document) != N_SPANS + 1)
        continue;  /* a claim already there, or one the overlap rules refuse */
      id = g_strdup (span->id);
      if (!glossa_document_remove_span (document, id, NULL))
        g_error ("the span just added could not be deleted");
      t = now_ms () - t;
      g_array_append_val (times, t);
    }
  g_array_sort (times, compare_doubles);
  *median = g_array_index (times, double, times->len / 2);
  *p99 = g_array_index (times, double, times->len * 99 / 100);

  t = now_ms ();
  snapshot = glossa_document_snapshot (document);
  bytes = glossa_format_write (snapshot);
  *save = now_ms () - t;
  g_assert_cmpuint (snapshot->relations->len, ==, annotations->relations->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GBytes) file_bytes = NULL;
  g_autoptr(GFile) target = NULL;
  WordIndex index;
  Figures best = { G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };
  int rounds = argc > 1 ? atoi (argv[1]) : 5;
  /* bench-format 5 20000: the same spans with 20,000 links (format v2). */
  guint n_links = argc > 2 ? (guint) atoi (argv[2]) : 0;
  double read_ratio;
  double tag_median, tag_p99, document_save;
  gsize len;

  index.starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  index.ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  text = make_article (&index, &len);
  article = glossa_article_new_from_data (text, len, "bench.txt", &error);
  g_assert_no_error (error);
  annotations = make_annotations (article, &index);
  add_links (annotations, n_links);
  /* The loader sorts the links as a file must have them. */
  {
    g_autoptr(GlossaAnnotations) sorted = NULL;
    g_autoptr(GBytes) unsorted = glossa_format_write (annotations);

    sorted = glossa_format_read (g_bytes_get_data (unsorted, NULL), g_bytes_get_size (unsorted),
                                 "bench", article, &error);
    g_assert_no_error (error);
    g_clear_pointer (&annotations, glossa_annotations_free);
    annotations = g_steal_pointer (&sorted);
  }
  file_bytes = glossa_format_write (annotations);

  dir = g_dir_make_tmp ("glossa-bench-XXXXXX", &error);
  g_assert_no_error (error);
  target = g_file_new_build_filename (dir, "bench.annotations.json", NULL);

  g_print ("article: %.2f MB, %" G_GINT64_FORMAT " characters, date %s\n",
           len / 1e6, glossa_article_get_length (article), glossa_article_get_date (article));
  g_print ("annotations: %u spans, %u links, %.2f MB; best of %d rounds\n",
           annotations->spans->len, annotations->relations->len,
           g_bytes_get_size (file_bytes) / 1e6, rounds);

  /* Interleaved, so that a busy machine slows every figure alike. */
  for (int i = 0; i < MAX (rounds, 1); i++)
    measure_round (article, file_bytes, target, &best);

  g_file_delete (target, NULL, NULL);
  g_rmdir (dir);

  measure_tagging (article, annotations, &index, 200, &tag_median, &tag_p99, &document_save);
  g_array_unref (index.starts);
  g_array_unref (index.ends);

  read_ratio = best.read / best.floor;
  g_print ("(a) json-glib parse (the floor)     %8.1f ms\n", best.floor);
  g_print ("    glossa_json_parse               %8.1f ms  %.2f x a\n", best.parse, best.parse / best.floor);
  g_print ("(b) load + validate (format_read)   %8.1f ms  %.2f x a (budget %.1f)\n",
           best.read, read_ratio, READ_BUDGET);
  g_print ("(c) serialize (format_write)        %8.1f ms  %.2f x a\n",
           best.serialize, best.serialize / best.floor);
  g_print ("    save (file_replace_atomic)      %8.1f ms  %.2f x a\n", best.save, best.save / best.floor);
  g_print ("    serialize + save                %8.1f ms  %.2f x a\n",
           best.serialize + best.save, (best.serialize + best.save) / best.floor);

  g_print ("    tag + delete a span (core; median / p99) %5.2f / %.2f ms (the window's budget: 5 / 16 each)\n",
           tag_median, tag_p99);
  g_print ("    the document's save (snapshot + serialize, once) %5.1f ms\n", document_save);

  if (read_ratio > READ_BUDGET)
    {
      g_printerr ("load + validate is %.2f× json-glib's parse, over the %.1f× budget\n",
                  read_ratio, READ_BUDGET);
      return 1;
    }

  return 0;
}
