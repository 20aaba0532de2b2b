/* test-review.c: pairing two or more annotators' spans for adjudication
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "core-test-util.h"
#include "glossa-article.h"
#include "glossa-document.h"
#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-relation.h"
#include "glossa-review.h"

static GPtrArray *
spans_new (const char *spec)
{
  /* "start end label;…" */
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  g_auto(GStrv) parts = g_strsplit (spec, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      GlossaLabel label;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      fields = g_strsplit (parts[i], " ", 3);
      g_assert_true (glossa_label_from_string (fields[2], &label));
      g_ptr_array_add (spans, glossa_span_new (id, g_ascii_strtoll (fields[0], NULL, 10),
                                               g_ascii_strtoll (fields[1], NULL, 10), label, "x"));
    }
  return spans;
}

/* Renders the items as "kind start-end" lines, the form the cases below
 * are written in by hand.
 */
static char *
describe (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      GlossaReviewItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (out, "%s%s %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " %s/%s",
                              i ? "; " : "", glossa_review_kind_to_string (item->kind),
                              item->start, item->end,
                              item->a ? glossa_label_to_string (item->a->label) : "-",
                              item->b ? glossa_label_to_string (item->b->label) : "-");
    }
  return g_string_free (out, FALSE);
}

static void
check (const char *a,
       const char *b,
       const char *expected)
{
  g_autoptr(GPtrArray) sa = spans_new (a);
  g_autoptr(GPtrArray) sb = spans_new (b);
  g_autoptr(GPtrArray) items = glossa_review_compare (sa, sb);
  g_autofree char *got = describe (items);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_review_agree (void)
{
  check ("0 5 actor;10 20 claim", "10 20 claim;0 5 actor",
         "agree 0-5 actor/actor; agree 10-20 claim/claim");
}

static void
test_review_only (void)
{
  check ("0 5 actor", "6 9 date",
         "only-a 0-5 actor/-; only-b 6-9 -/date");
  check ("", "6 9 date", "only-b 6-9 -/date");
  check ("6 9 date", "", "only-a 6-9 date/-");
  check ("", "", "");
}

static void
test_review_label_conflict (void)
{
  check ("0 5 actor", "0 5 quote", "label-conflict 0-5 actor/quote");
  /* Equal labels agree first; the rest pair up in label order. */
  check ("0 5 actor;0 5 claim;0 5 date", "0 5 claim;0 5 quote",
         "agree 0-5 claim/claim; label-conflict 0-5 actor/quote; only-a 0-5 date/-");
}

static void
test_review_overlap_is_not_agreement (void)
{
  /* Overlapping but different ranges are two disagreements, not one. */
  check ("0 10 claim", "0 9 claim", "only-b 0-9 -/claim; only-a 0-10 claim/-");
  check ("2 4 actor;0 10 quote", "0 10 quote;2 4 date",
         "agree 0-10 quote/quote; label-conflict 2-4 actor/date");
}

/* Three or more sides: "kind start-end label/label/-/… majority". */
static char *
describe_n (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      GlossaReviewItem *item = g_ptr_array_index (items, i);
      GlossaLabel majority = glossa_review_item_get_majority (item);

      g_string_append_printf (out, "%s%s %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " ",
                              i ? "; " : "", glossa_review_kind_to_string (item->kind),
                              item->start, item->end);
      for (guint s = 0; s < item->n_sides; s++)
        g_string_append_printf (out, "%s%s", s ? "/" : "",
                                item->sides[s] ? glossa_label_to_string (item->sides[s]->label) : "-");
      g_string_append_printf (out, " %s", majority ? glossa_label_to_string (majority) : "none");
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
sides_new (const char * const *specs)
{
  GPtrArray *sides = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; specs[i] != NULL; i++)
    g_ptr_array_add (sides, spans_new (specs[i]));
  return sides;
}

static void
check_n (const char * const *specs,
         const char         *expected)
{
  g_autoptr(GPtrArray) sides = sides_new (specs);
  g_autoptr(GPtrArray) items = glossa_review_compare_n (sides);
  g_autofree char *got = describe_n (items);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_review_three_sides (void)
{
  const char *all[] = { "0 5 actor", "0 5 actor", "0 5 actor", NULL };
  const char *two_one[] = { "0 5 actor", "0 5 claim", "0 5 actor", NULL };
  const char *missing[] = { "0 5 actor", "", "0 5 actor", NULL };
  const char *lonely[] = { "", "", "6 9 date", NULL };
  const char *three_ways[] = { "0 5 actor", "0 5 claim", "0 5 date", NULL };
  const char *mixed[] = { "0 5 actor;10 12 quote", "0 5 actor;0 5 claim", "0 5 claim;10 12 quote", NULL };

  check_n (all, "agree 0-5 actor/actor/actor actor");
  check_n (two_one, "label-conflict 0-5 actor/claim/actor actor");
  check_n (missing, "partial 0-5 actor/-/actor actor");
  check_n (lonely, "partial 6-9 -/-/date none");
  check_n (three_ways, "label-conflict 0-5 actor/claim/date none");
  /* The label most sides have is paired first; what is left over those
   * characters makes another item.
   */
  check_n (mixed, "label-conflict 0-5 actor/actor/claim actor; partial 0-5 -/claim/- none; "
                  "partial 10-12 quote/-/quote quote");
}

/* A strict majority: more than half, so two of four is none. */
static void
test_review_majority_is_strict (void)
{
  const char *halves[] = { "0 5 actor", "0 5 actor", "0 5 claim", "0 5 claim", NULL };
  const char *three_of_four[] = { "0 5 actor", "0 5 actor", "0 5 claim", "0 5 actor", NULL };
  const char *two[] = { "0 5 actor", "", NULL };

  check_n (halves, "label-conflict 0-5 actor/actor/claim/claim none");
  check_n (three_of_four, "label-conflict 0-5 actor/actor/claim/actor actor");
  check_n (two, "only-a 0-5 actor/- none");
}

static void
set_value (GPtrArray  *spans,
           guint       index,
           const char *value)
{
  GlossaSpan *span = g_ptr_array_index (spans, index);

  g_clear_pointer (&span->attributes, json_object_unref);
  span->attributes = json_object_new ();
  json_object_set_string_member (span->attributes, "value", value);
}

/* A date's value is part of what is agreed on: the same date with
 * another value is a disagreement, and a majority needs the same value.
 */
static void
test_review_value_conflict (void)
{
  const char *specs[] = { "0 5 date;6 9 actor", "0 5 date;6 9 actor", "0 5 date;6 9 actor", NULL };
  g_autoptr(GPtrArray) sides = sides_new (specs);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) two = g_ptr_array_new ();
  g_autoptr(GPtrArray) two_items = NULL;
  g_autofree char *got = NULL;
  g_autofree char *got_two = NULL;
  GlossaReviewItem *item;

  set_value (g_ptr_array_index (sides, 0), 0, "2024-05-01");
  set_value (g_ptr_array_index (sides, 1), 0, "2024-05-02");
  set_value (g_ptr_array_index (sides, 2), 0, "2024-05-01");
  items = glossa_review_compare_n (sides);
  got = describe_n (items);
  g_assert_cmpstr (got, ==, "value-conflict 0-5 date/date/date date; agree 6-9 actor/actor/actor actor");
  /* The majority's copy is the first side with the majority's value. */
  item = g_ptr_array_index (items, 0);
  g_assert_true (glossa_review_item_is_disagreement (item));
  g_assert_cmpint (glossa_review_item_get_majority_side (item), ==, 0);

  /* Two sides, other values: no majority; the same values agree. */
  g_ptr_array_add (two, g_ptr_array_index (sides, 0));
  g_ptr_array_add (two, g_ptr_array_index (sides, 1));
  two_items = glossa_review_compare_n (two);
  got_two = describe_n (two_items);
  g_assert_cmpstr (got_two, ==, "value-conflict 0-5 date/date none; agree 6-9 actor/actor actor");
  set_value (g_ptr_array_index (sides, 1), 0, "2024-05-01");
  g_clear_pointer (&two_items, g_ptr_array_unref);
  two_items = glossa_review_compare_n (two);
  g_clear_pointer (&got_two, g_free);
  got_two = describe_n (two_items);
  g_assert_cmpstr (got_two, ==, "agree 0-5 date/date date; agree 6-9 actor/actor actor");
}

/* A decision names the item's labels once each, whoever had them. */
static void
test_review_decision_matches_options (void)
{
  const char *specs[] = { "0 5 actor", "0 5 claim", "0 5 actor", NULL };
  g_autoptr(GPtrArray) sides = sides_new (specs);
  g_autoptr(GPtrArray) items = glossa_review_compare_n (sides);
  g_autoptr(JsonNode) both = json_from_string ("{\"start\": 0, \"end\": 5, \"options\": ["
                                               "{\"label\": \"claim\", \"sources\": [\"b\"]},"
                                               "{\"label\": \"actor\", \"sources\": [\"a\", \"c\"]}]}", NULL);
  g_autoptr(JsonNode) one = json_from_string ("{\"start\": 0, \"end\": 5, \"options\": ["
                                              "{\"label\": \"actor\", \"sources\": [\"a\", \"c\"]}]}", NULL);
  g_autoptr(JsonNode) elsewhere = json_from_string ("{\"start\": 1, \"end\": 5, \"options\": ["
                                                    "{\"label\": \"claim\", \"sources\": [\"b\"]},"
                                                    "{\"label\": \"actor\", \"sources\": [\"a\", \"c\"]}]}", NULL);

  g_assert_cmpuint (items->len, ==, 1);
  g_assert_true (glossa_review_decision_matches (both, g_ptr_array_index (items, 0)));
  g_assert_false (glossa_review_decision_matches (one, g_ptr_array_index (items, 0)));
  g_assert_false (glossa_review_decision_matches (elsewhere, g_ptr_array_index (items, 0)));
}

static const char article_text[] = "date 2024-05-01 Ana Lima said the bridge will reopen.";

static GlossaArticle *
make_article (void)
{
  g_autoptr(GError) error = NULL;
  GlossaArticle *article = glossa_article_new_from_data (article_text, strlen (article_text), "news.txt", &error);

  g_assert_no_error (error);
  return article;
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static void
test_review_source_folder (void)
{
  g_autoptr(GlossaArticle) article = make_article ();
  g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
  g_autoptr(GlossaReviewSource) source = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("glossa-review-XXXXXX", &error);
  g_autofree char *sub = g_build_filename (dir, "annotator-b", NULL);
  GlossaSpan *span;

  g_assert_no_error (error);
  g_mkdir (sub, 0755);

  annotations->doc_id = g_strdup ("news");
  annotations->file = g_strdup ("news.txt");
  annotations->sha256 = g_strdup (glossa_article_get_sha256 (article));
  annotations->length = glossa_article_get_length (article);
  span = glossa_span_new ("s1", 16, 24, GLOSSA_LABEL_ACTOR, "Ana Lima");
  g_ptr_array_add (annotations->spans, span);
  bytes = glossa_format_write (annotations);
  /* Below the folder, without the article beside it: a reviewer's copy. */
  write_file (sub, "news.annotations.json", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  folder = g_file_new_for_path (dir);
  source = glossa_review_source_open (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_review_source_get_n_documents (source), ==, 1);
  g_assert_true (glossa_review_source_has (source, "news"));

  spans = glossa_review_source_get_spans (source, "news", article, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (spans, 0))->text, ==, "Ana Lima");

  g_assert_null (glossa_review_source_get_spans (source, "other", article, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "“other”"));
  ct_remove_tree (dir);
}

static void
test_review_source_jsonl (void)
{
  g_autoptr(GlossaArticle) article = make_article ();
  g_autoptr(GlossaReviewSource) source = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("glossa-review-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "b.jsonl", NULL);

  g_assert_no_error (error);
  write_file (dir, "b.jsonl",
              "{\"id\": \"news\", \"spans\": [{\"start\": 16, \"end\": 24, \"label\": \"quote\", \"text\": \"Ana Lima\", \"id\": \"x\"}]}\n"
              "\n"
              "{\"id\": \"bad\", \"spans\": [{\"start\": 16, \"end\": 24, \"label\": \"quote\", \"text\": \"Ana Lime\", \"id\": \"x\"}]}\n",
              -1);
  file = g_file_new_for_path (path);
  source = glossa_review_source_open (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (glossa_review_source_get_n_documents (source), ==, 2);

  spans = glossa_review_source_get_spans (source, "news", article, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpint (((GlossaSpan *) g_ptr_array_index (spans, 0))->label, ==, GLOSSA_LABEL_QUOTE);

  /* A span that does not match the article is named by file and line. */
  g_assert_null (glossa_review_source_get_spans (source, "bad", article, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "b.jsonl:3: spans[0].text"));
  ct_remove_tree (dir);
}

/* The output is a corpus: the article lands beside where its annotations
 * go, byte for byte; again is fine; another article there is refused.
 */
static void
test_review_copy_article (void)
{
  g_autoptr(GlossaArticle) article = make_article ();
  g_autoptr(GlossaArticle) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("glossa-review-XXXXXX", &error);
  g_autofree char *txt = g_build_filename (dir, "2021", "news.txt", NULL);
  g_autofree char *outside = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) output = g_file_new_for_path (dir);
  g_autoptr(GFile) annotations = NULL;
  gsize len;

  g_assert_no_error (error);
  g_assert_true (glossa_review_copy_article (output, "2021/news", article, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (txt, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, glossa_article_get_text (article), glossa_article_get_n_bytes (article));
  annotations = glossa_review_output_file (output, "2021/news");
  g_assert_true (g_str_has_suffix (g_file_peek_path (annotations), "/2021/news.annotations.json"));

  g_assert_true (glossa_review_copy_article (output, "2021/news", article, NULL, &error));
  g_assert_no_error (error);

  other = glossa_article_new_from_data ("Something else.", 15, "other.txt", &error);
  g_assert_no_error (error);
  g_assert_false (glossa_review_copy_article (output, "2021/news", other, NULL, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2021/news.txt: another article is already there"));
  g_clear_error (&error);

  /* An id that climbs is kept inside the output. */
  g_assert_true (glossa_review_copy_article (output, "../escape", article, NULL, &error));
  g_assert_no_error (error);
  outside = g_build_filename (dir, "..", "escape.txt", NULL);
  g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));

  ct_remove_tree (dir);
}

static void
test_review_side_name (void)
{
  g_autoptr(GPtrArray) spans = spans_new ("0 4 actor; 5 9 claim; 10 12 date");
  g_autoptr(GFile) file = g_file_new_for_path ("/data/annB");
  g_autofree char *from_file = NULL;
  g_autofree char *from_spans = NULL;
  g_autofree char *from_folder = NULL;
  g_autofree char *clash = NULL;

  ((GlossaSpan *) g_ptr_array_index (spans, 0))->annotator = g_strdup ("bea");
  ((GlossaSpan *) g_ptr_array_index (spans, 1))->annotator = g_strdup ("carl");
  ((GlossaSpan *) g_ptr_array_index (spans, 2))->annotator = g_strdup ("carl");
  from_file = glossa_review_side_name ("ada", spans, file, NULL);
  from_spans = glossa_review_side_name ("", spans, file, NULL);
  from_folder = glossa_review_side_name (NULL, NULL, file, NULL);
  clash = glossa_review_side_name ("ada", NULL, file, "ada");
  g_assert_cmpstr (from_file, ==, "ada");
  g_assert_cmpstr (from_spans, ==, "carl");
  g_assert_cmpstr (from_folder, ==, "annB");
  g_assert_cmpstr (clash, ==, "ada (annB)");
}

/* Left to decide: neither side's span in the result, and no "neither"
 * recorded for it.
 */
static void
test_review_count_pending (void)
{
  g_autoptr(GPtrArray) a = spans_new ("0 4 actor; 5 9 claim; 20 30 date");
  g_autoptr(GPtrArray) b = spans_new ("0 4 actor; 5 9 quote; 12 15 actor");
  g_autoptr(GlossaAnnotations) result = glossa_annotations_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (glossa_review_count_pending (a, b, NULL), ==, 3);
  g_assert_cmpuint (glossa_review_count_pending (a, b, result), ==, 3);
  /* B's quote kept: the conflict is decided. */
  g_ptr_array_add (result->spans, glossa_span_ref (g_ptr_array_index (b, 1)));
  g_assert_cmpuint (glossa_review_count_pending (a, b, result), ==, 2);
  /* "neither" for A's date; a record for other labels decides nothing. */
  json_parser_load_from_data (parser,
                              "{\"decisions\": ["
                              "{\"start\": 20, \"end\": 30, \"options\": [{\"label\": \"date\", \"sources\": [\"a\"]}],"
                              " \"decision\": \"neither\", \"kept\": []},"
                              "{\"start\": 12, \"end\": 15, \"options\": [{\"label\": \"quote\", \"sources\": [\"b\"]}],"
                              " \"decision\": \"neither\", \"kept\": []}]}", -1, &error);
  g_assert_no_error (error);
  result->extra = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  g_assert_cmpuint (glossa_review_count_pending (a, b, result), ==, 1);
}

/* Three sides: a conflict is decided by any side's span in the result,
 * the majority's included.
 */
static void
test_review_count_pending_three (void)
{
  const char *specs[] = { "0 4 actor; 5 9 claim", "0 4 actor; 5 9 quote", "0 4 claim; 5 9 date", NULL };
  g_autoptr(GPtrArray) sides = sides_new (specs);
  g_autoptr(GlossaAnnotations) result = glossa_annotations_new ();
  g_autoptr(GlossaAnnotations) other = glossa_annotations_new ();

  g_assert_cmpuint (glossa_review_count_pending_n (sides, NULL), ==, 2);
  /* With --majority, what the review will accept on first showing the
   * article is not left: the actor at 0-4 (two of three), not 5-9. Once
   * anything is adjudicated (a span, here one of none of the sides), the
   * majority was offered already.
   */
  g_assert_cmpuint (glossa_review_count_pending_with_links (sides, NULL, NULL, TRUE), ==, 1);
  g_assert_cmpuint (glossa_review_count_pending_with_links (sides, NULL, result, TRUE), ==, 1);
  g_ptr_array_add (other->spans, glossa_span_new ("x", 20, 30, GLOSSA_LABEL_DATE, "x"));
  g_assert_cmpuint (glossa_review_count_pending_with_links (sides, NULL, other, TRUE), ==, 2);
  g_ptr_array_add (result->spans, glossa_span_ref (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (sides, 1), 0)));
  g_assert_cmpuint (glossa_review_count_pending_n (sides, result), ==, 1);
  g_ptr_array_add (result->spans, glossa_span_ref (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (sides, 2), 1)));
  g_assert_cmpuint (glossa_review_count_pending_n (sides, result), ==, 0);
}

/* Links: a quote's source */

#define LINK_TEXT "Jen Psaki said no comment, Ned Price said."

/* One side: Jen Psaki (s1), Ned Price (s2), the quote "no comment" (s3)
 * and its source link to @source ("s1", "s2" or NULL: none). The ids are
 * the side's own: two sides may number their spans differently.
 */
static GPtrArray *
link_side_new (const char *source,
               gboolean    swap_ids,
               GPtrArray  *relations)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  const char *psaki = swap_ids ? "s2" : "s1", *price = swap_ids ? "s1" : "s2";

  g_ptr_array_add (spans, glossa_span_new (psaki, 0, 9, GLOSSA_LABEL_ACTOR, "Jen Psaki"));
  g_ptr_array_add (spans, glossa_span_new (price, 27, 36, GLOSSA_LABEL_ACTOR, "Ned Price"));
  g_ptr_array_add (spans, glossa_span_new ("s3", 15, 25, GLOSSA_LABEL_QUOTE, "no comment"));
  if (source != NULL)
    g_ptr_array_add (relations, glossa_relation_new ("r1", "source", "s3",
                                                     g_str_equal (source, "s1") ? psaki : price));
  return spans;
}

/* Compares sides whose quote's source is each of @sources ("s1" Psaki,
 * "s2" Price, "" none); side 1 numbers its actors the other way round.
 */
static GPtrArray *
compare_links (const char * const *sources)
{
  g_autoptr(GPtrArray) sides = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *items;

  for (guint i = 0; sources[i] != NULL; i++)
    {
      GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_relation_unref);

      g_ptr_array_add (sides, link_side_new (*sources[i] ? sources[i] : NULL, i == 1, links));
      g_ptr_array_add (relations, links);
    }
  items = glossa_review_compare_n (sides);
  glossa_review_compare_links (items, sides, relations);
  return items;
}

static char *
describe_links (const char * const *sources)
{
  g_autoptr(GPtrArray) items = compare_links (sources);

  return describe_n (items);
}

/* The same source (by characters and label, whatever the ids) agrees; a
 * different one, or none on one side, is a disagreement to decide.
 */
static void
test_review_link_conflict (void)
{
  const char *same[] = { "s1", "s1", NULL };
  const char *other[] = { "s1", "s2", NULL };
  const char *missing[] = { "s1", "", NULL };
  const char *none[] = { "", "", NULL };
  const char *three_same[] = { "s2", "s2", "s2", NULL };
  const char *two_one[] = { "s1", "s2", "s1", NULL };
  const char *three_ways[] = { "s1", "s2", "", NULL };
  struct { const char * const *sources; const char *expected; } cases[] = {
    { same, "agree 0-9 actor/actor actor; agree 15-25 quote/quote quote; agree 27-36 actor/actor actor" },
    { other, "agree 0-9 actor/actor actor; link-conflict 15-25 quote/quote none; agree 27-36 actor/actor actor" },
    { missing, "agree 0-9 actor/actor actor; link-conflict 15-25 quote/quote none; agree 27-36 actor/actor actor" },
    { none, "agree 0-9 actor/actor actor; agree 15-25 quote/quote quote; agree 27-36 actor/actor actor" },
    { three_same, "agree 0-9 actor/actor/actor actor; agree 15-25 quote/quote/quote quote; "
                  "agree 27-36 actor/actor/actor actor" },
    /* Two of three link the same: that is a majority, the first of them. */
    { two_one, "agree 0-9 actor/actor/actor actor; link-conflict 15-25 quote/quote/quote quote; "
               "agree 27-36 actor/actor/actor actor" },
    { three_ways, "agree 0-9 actor/actor/actor actor; link-conflict 15-25 quote/quote/quote none; "
                  "agree 27-36 actor/actor/actor actor" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = describe_links (cases[i].sources);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

/* The side whose link is kept, what each side links to. */
static void
test_review_link_targets (void)
{
  const char *other[] = { "s1", "s2", "", NULL };
  g_autoptr(GPtrArray) items = compare_links (other);
  GlossaReviewItem *item = g_ptr_array_index (items, 1);

  g_assert_cmpint (item->kind, ==, GLOSSA_REVIEW_LINK_CONFLICT);
  g_assert_cmpstr (item->targets[0]->text, ==, "Jen Psaki");
  g_assert_cmpstr (item->targets[1]->text, ==, "Ned Price");
  g_assert_null (item->targets[2]);
  g_assert_cmpstr (item->link_types[1], ==, "source");
  g_assert_cmpint (glossa_review_item_get_majority_side (item), ==, -1);
}

/* The saved result's relations as "from-text -> to-text (decision)". */
static char *
describe_saved_links (const char *path)
{
  g_autoptr(GBytes) contents = ct_read_file (path);
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (contents, NULL), NULL);
  JsonObject *object = json_node_get_object (root);
  JsonArray *spans = json_object_get_array_member (object, "spans");
  JsonArray *relations = json_object_get_array_member (object, "relations");
  GString *out = g_string_new (NULL);

  for (guint i = 0; relations != NULL && i < json_array_get_length (relations); i++)
    {
      JsonObject *relation = json_array_get_object_element (relations, i);
      const char *ends[2] = { json_object_get_string_member (relation, "from"),
                              json_object_get_string_member (relation, "to") };

      g_string_append_printf (out, "%s%s:", i ? "; " : "", json_object_get_string_member (relation, "type"));
      for (guint e = 0; e < 2; e++)
        for (guint j = 0; j < json_array_get_length (spans); j++)
          {
            JsonObject *span = json_array_get_object_element (spans, j);
            JsonObject *review = json_object_has_member (span, "review")
                                 ? json_object_get_object_member (span, "review") : NULL;

            if (!g_str_equal (json_object_get_string_member (span, "id"), ends[e]))
              continue;
            g_string_append_printf (out, " %s%s (%s)", e ? "-> " : "",
                                    json_object_get_string_member (span, "text"),
                                    review ? json_object_get_string_member (review, "decision") : "-");
          }
    }
  return g_string_free (out, FALSE);
}

/* Keeping side B's link puts it in the output file, and B's source span
 * with it when the output did not have it yet; keeping A then moves the
 * link to A's source.
 */
static void
test_review_keep_link (void)
{
  const char *sources[] = { "s1", "s2", NULL };
  const char *names[] = { "Bea", NULL };
  g_autoptr(GPtrArray) items = compare_links (sources);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "news.annotations.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossaArticle) article = glossa_article_new_from_data (LINK_TEXT, strlen (LINK_TEXT), "news.txt", &error);
  GlossaDocument *result;
  GlossaReviewItem *item = g_ptr_array_index (items, 1);
  g_autofree char *got_b = NULL;
  g_autofree char *got_a = NULL;

  g_assert_no_error (error);
  result = glossa_document_new (article, file);
  /* What seeding leaves: the quote and Psaki, not Price. */
  g_assert_nonnull (glossa_document_add_span_copy (result, item->sides[0], &error));
  g_assert_nonnull (glossa_document_add_span_copy (result, ((GlossaReviewItem *) g_ptr_array_index (items, 0))->sides[0],
                                                   &error));
  g_assert_no_error (error);

  g_assert_true (glossa_review_keep_link (result, item, 1, "b", names, "2026-11-30T06:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_true (glossa_document_save (result, NULL, &error));
  g_assert_no_error (error);
  got_b = describe_saved_links (path);
  g_assert_cmpstr (got_b, ==, "source: no comment (-) -> Ned Price (b)");

  g_assert_true (glossa_review_keep_link (result, item, 0, "a", names, "2026-11-30T06:00:00Z", &error));
  g_assert_true (glossa_document_save (result, NULL, &error));
  g_assert_no_error (error);
  got_a = describe_saved_links (path);
  g_assert_cmpstr (got_a, ==, "source: no comment (-) -> Jen Psaki (-)");

  g_assert_finalize_object (result);
  ct_remove_tree (dir);
}

/* Sides whose quote's source is each of @sources, as compare_links()
 * makes them, with their links in *@relations.
 */
static GPtrArray *
link_sides_new (const char * const  *sources,
                GPtrArray          **relations)
{
  GPtrArray *sides = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  *relations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; sources[i] != NULL; i++)
    {
      GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_relation_unref);

      g_ptr_array_add (sides, link_side_new (*sources[i] ? sources[i] : NULL, i == 1, links));
      g_ptr_array_add (*relations, links);
    }
  return sides;
}

/* The count of what is left (the corpus list's, before an article is
 * opened) sees a link conflict as the review bar does: one to decide,
 * decided once the result has the quote.
 */
static void
test_review_count_pending_links (void)
{
  const char *other[] = { "s1", "s2", NULL };
  const char *same[] = { "s1", "s1", NULL };
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) same_relations = NULL;
  g_autoptr(GPtrArray) sides = link_sides_new (other, &relations);
  g_autoptr(GPtrArray) same_sides = link_sides_new (same, &same_relations);
  g_autoptr(GPtrArray) items = glossa_review_compare_sides (sides, relations);
  g_autoptr(GlossaAnnotations) result = glossa_annotations_new ();
  GPtrArray *b = g_ptr_array_index (sides, 1);

  g_assert_cmpuint (glossa_review_count_pending_n (sides, NULL), ==, 0);
  g_assert_cmpuint (glossa_review_count_pending_with_links (sides, relations, NULL, FALSE), ==, 1);
  g_assert_cmpuint (glossa_review_count_pending_with_links (same_sides, same_relations, NULL, FALSE), ==, 0);
  g_assert_cmpint (((GlossaReviewItem *) g_ptr_array_index (items, 1))->kind, ==, GLOSSA_REVIEW_LINK_CONFLICT);

  g_ptr_array_add (result->spans, glossa_span_ref (g_ptr_array_index (b, 0)));
  g_assert_cmpuint (glossa_review_count_pending_with_links (sides, relations, result, FALSE), ==, 1);
  g_ptr_array_add (result->spans, glossa_span_ref (g_ptr_array_index (b, 2)));
  g_assert_cmpuint (glossa_review_count_pending_with_links (sides, relations, result, FALSE), ==, 0);
}

#define LINK_SPANS(psaki, price) \
  "\"spans\": [{\"id\": \"" psaki "\", \"start\": 0, \"end\": 9, \"label\": \"actor\", \"text\": \"Jen Psaki\"}, " \
  "{\"id\": \"q\", \"start\": 15, \"end\": 25, \"label\": \"quote\", \"text\": \"no comment\"}, " \
  "{\"id\": \"" price "\", \"start\": 27, \"end\": 36, \"label\": \"actor\", \"text\": \"Ned Price\"}]"

/* JSONL sides' links are compared: an export's line (ben.jsonl, links
 * in the line) and a JSONL corpus's FILE.annotations.jsonl (cleo) each
 * link the quote to another source; the annotator each line names is
 * read too; a link to a span the line lacks names the file and line.
 */
static void
test_review_jsonl_side_links (void)
{
  const char *none[] = { "", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *ben_path = g_build_filename (dir, "ben.jsonl", NULL);
  g_autofree char *cleo_path = g_build_filename (dir, "cleo.jsonl", NULL);
  g_autoptr(GFile) ben = g_file_new_for_path (ben_path);
  g_autoptr(GFile) cleo = g_file_new_for_path (cleo_path);
  GFile *files[] = { ben, cleo, NULL };
  g_autoptr(GlossaArticle) article = glossa_article_new_from_data (LINK_TEXT, strlen (LINK_TEXT), "news.txt", &error);
  g_autoptr(GlossaReviewSource) source = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) sides = link_sides_new (none, &relations);
  g_autoptr(GPtrArray) items = NULL;
  GlossaReviewItem *item;

  g_assert_no_error (error);
  write_file (dir, "ben.jsonl",
              "{\"id\": \"news\", \"text\": \"" LINK_TEXT "\", \"annotator\": \"ben\", " LINK_SPANS ("a1", "a2")
              ", \"relations\": [{\"id\": \"r1\", \"type\": \"source\", \"from\": \"q\", \"to\": \"a2\"}]}\n"
              "{\"id\": \"broken\", \"annotator\": \"ben\", " LINK_SPANS ("a1", "a2")
              ", \"relations\": [{\"id\": \"r1\", \"type\": \"source\", \"from\": \"q\", \"to\": \"a9\"}]}\n", -1);
  write_file (dir, "cleo.jsonl", "{\"id\": \"news\", \"text\": \"" LINK_TEXT "\"}\n", -1);
  write_file (dir, "cleo.annotations.jsonl",
              "{\"id\": \"news\", \"status\": \"done\", \"annotator\": \"cleo\", " LINK_SPANS ("p", "n")
              ", \"relations\": [{\"id\": \"l\", \"type\": \"source\", \"from\": \"q\", \"to\": \"p\"}]}\n", -1);
  source = glossa_review_source_open_sides (files, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GlossaAnnotations) annotations =
        glossa_review_source_get_side_annotations (source, i, "news", article, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (annotations->annotator, ==, i == 0 ? "ben" : "cleo");
      g_assert_cmpuint (annotations->relations->len, ==, 1);
      g_ptr_array_add (sides, g_ptr_array_ref (annotations->spans));
      g_ptr_array_add (relations, g_ptr_array_ref (annotations->relations));
    }
  items = glossa_review_compare_sides (sides, relations);
  item = g_ptr_array_index (items, 1);
  g_assert_cmpint (item->kind, ==, GLOSSA_REVIEW_LINK_CONFLICT);
  g_assert_null (item->targets[0]);
  g_assert_cmpstr (item->targets[1]->text, ==, "Ned Price");
  g_assert_cmpstr (item->targets[2]->text, ==, "Jen Psaki");
  g_assert_cmpuint (glossa_review_count_pending_with_links (sides, relations, NULL, FALSE), ==, 1);

  g_assert_null (glossa_review_source_get_side_relations (source, 0, "broken", article, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ben.jsonl:2: relations[0].to"));
  ct_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/review/agree", test_review_agree);
  g_test_add_func ("/core/review/only-one-side", test_review_only);
  g_test_add_func ("/core/review/label-conflict", test_review_label_conflict);
  g_test_add_func ("/core/review/overlap-is-not-agreement", test_review_overlap_is_not_agreement);

  g_test_add_func ("/core/review/source-folder", test_review_source_folder);
  g_test_add_func ("/core/review/source-jsonl", test_review_source_jsonl);
  g_test_add_func ("/core/review/copy-article", test_review_copy_article);
  g_test_add_func ("/core/review/side-name", test_review_side_name);
  g_test_add_func ("/core/review/count-pending", test_review_count_pending);
  g_test_add_func ("/core/review/three-sides", test_review_three_sides);
  g_test_add_func ("/core/review/majority-is-strict", test_review_majority_is_strict);
  g_test_add_func ("/core/review/decision-matches-options", test_review_decision_matches_options);
  g_test_add_func ("/core/review/count-pending-three", test_review_count_pending_three);
  g_test_add_func ("/core/review/value-conflict", test_review_value_conflict);
  g_test_add_func ("/core/review/link-conflict", test_review_link_conflict);
  g_test_add_func ("/core/review/link-targets", test_review_link_targets);
  g_test_add_func ("/core/review/keep-link", test_review_keep_link);
  g_test_add_func ("/core/review/count-pending-links", test_review_count_pending_links);
  g_test_add_func ("/core/review/jsonl-side-links", test_review_jsonl_side_links);

  return g_test_run ();
}
