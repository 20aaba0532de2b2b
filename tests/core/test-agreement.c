/* test-agreement.c: tests of inter-annotator agreement on hand-computed cases
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "core-test-util.h"
#include "glossa-agreement.h"
#include "glossa-error.h"
#include "glossa-json.h"

/* Ten tokens: Anna Keller met Marco Rossi in Rome on Monday . */
#define TEXT "Anna Keller met Marco Rossi in Rome on Monday."

static GlossaRecord *
record_new (const char *id,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaArticle) article = glossa_article_new_from_data (text, strlen (text), id, &error);

  g_assert_no_error (error);
  return glossa_record_new (id, article);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return glossa_span_compare (*(GlossaSpan * const *) a, *(GlossaSpan * const *) b);
}

static void
add (GlossaRecord *record,
     gint64        start,
     gint64        end,
     GlossaLabel   label)
{
  g_autofree char *text = glossa_article_slice (record->article, start, end);
  g_autofree char *id = g_strdup_printf ("s%u", record->spans->len + 1);

  g_ptr_array_add (record->spans, glossa_span_new (id, start, end, label, text));
  g_ptr_array_sort (record->spans, compare_spans);
}

#define assert_figure(value, expected)                                    \
  G_STMT_START {                                                          \
    double v_ = (value), e_ = (expected);                                 \
    if (isnan (e_))                                                       \
      g_assert_true (isnan (v_));                                         \
    else                                                                  \
      g_assert_cmpfloat_with_epsilon (v_, e_, 1e-9);                      \
  } G_STMT_END

static void
assert_prf (const GlossaPrf *prf,
            double           precision,
            double           recall,
            double           f1)
{
  assert_figure (prf->precision, precision);
  assert_figure (prf->recall, recall);
  assert_figure (prf->f1, f1);
}

/* A: actor "Anna Keller", actor "Marco", claim "met Marco Rossi", date
 *    "Monday".
 * B: actor "Anna Keller", actor "Marco Rossi", quote "Rome", date
 *    "on Monday".
 */
static GlossaAgreement *
hand_case (void)
{
  g_autoptr(GlossaRecord) a = record_new ("doc", TEXT);
  g_autoptr(GlossaRecord) b = record_new ("doc", TEXT);
  g_autoptr(GError) error = NULL;
  GlossaAgreement *agreement = glossa_agreement_new ();

  add (a, 0, 11, GLOSSA_LABEL_ACTOR);
  add (a, 16, 21, GLOSSA_LABEL_ACTOR);
  add (a, 12, 27, GLOSSA_LABEL_CLAIM);
  add (a, 39, 45, GLOSSA_LABEL_DATE);

  add (b, 0, 11, GLOSSA_LABEL_ACTOR);
  add (b, 16, 27, GLOSSA_LABEL_ACTOR);
  add (b, 31, 35, GLOSSA_LABEL_QUOTE);
  add (b, 36, 45, GLOSSA_LABEL_DATE);

  g_assert_true (glossa_agreement_add (agreement, a, b, &error));
  g_assert_no_error (error);
  return agreement;
}

static void
test_exact_and_overlap (void)
{
  g_autoptr(GlossaAgreement) agreement = hand_case ();
  GlossaAgreementScores scores;

  g_assert_cmpuint (agreement->n_documents, ==, 1);

  /* actor: one of two equal each way; both overlap each way. */
  glossa_agreement_scores (glossa_agreement_get_label (agreement, GLOSSA_LABEL_ACTOR), &scores);
  assert_prf (&scores.exact, 0.5, 0.5, 0.5);
  assert_prf (&scores.overlap, 1, 1, 1);

  /* quote: none in A, so precision is 0/0; recall 0/1; F1 has no P. */
  glossa_agreement_scores (glossa_agreement_get_label (agreement, GLOSSA_LABEL_QUOTE), &scores);
  assert_prf (&scores.exact, NAN, 0, NAN);
  assert_prf (&scores.overlap, NAN, 0, NAN);

  /* claim: none in B. */
  glossa_agreement_scores (glossa_agreement_get_label (agreement, GLOSSA_LABEL_CLAIM), &scores);
  assert_prf (&scores.exact, 0, NAN, NAN);
  assert_prf (&scores.overlap, 0, NAN, NAN);

  /* date: no exact match (P = R = 0, so 2PR/(P+R) is 0/0), but they
   * overlap both ways.
   */
  glossa_agreement_scores (glossa_agreement_get_label (agreement, GLOSSA_LABEL_DATE), &scores);
  assert_prf (&scores.exact, 0, 0, NAN);
  assert_prf (&scores.overlap, 1, 1, 1);

  /* Micro-averaged: 1 exact of 4 and 4; 3 of 4 overlap each way. */
  glossa_agreement_scores (&agreement->overall, &scores);
  assert_prf (&scores.exact, 0.25, 0.25, 0.25);
  assert_prf (&scores.overlap, 0.75, 0.75, 0.75);
}

static void
test_kappa (void)
{
  g_autoptr(GlossaAgreement) agreement = hand_case ();
  GlossaAgreementScores scores;

  g_assert_cmpuint (agreement->overall.n_tokens, ==, 10);

  /* actor tags, A: B I O B O O O O O O; B: B I O B I O O O O O.
   * po = 9/10; pe = (2·2 + 1·2 + 7·6) / 100 = 0.48.
   */
  glossa_agreement_scores (glossa_agreement_get_label (agreement, GLOSSA_LABEL_ACTOR), &scores);
  assert_figure (scores.kappa, (0.9 - 0.48) / (1 - 0.48));

  /* quote: A all O; B one B-quote. po = 0.9 = pe: kappa 0. */
  glossa_agreement_scores (glossa_agreement_get_label (agreement, GLOSSA_LABEL_QUOTE), &scores);
  assert_figure (scores.kappa, 0);

  /* date, A: Monday B; B: on B, Monday I. po = 0.8;
   * pe = (1·1 + 9·8) / 100 = 0.73.
   */
  glossa_agreement_scores (glossa_agreement_get_label (agreement, GLOSSA_LABEL_DATE), &scores);
  assert_figure (scores.kappa, (0.8 - 0.73) / (1 - 0.73));

  /* All labels, outermost kept: A drops the actor "Marco" inside its
   * claim. A: B-a I-a B-c I-c I-c O O O B-d O;
   *       B: B-a I-a O B-a I-a O B-q B-d I-d O.
   * po = 4/10; pe = (B-a 1·2 + I-a 1·2 + B-d 1·1 + O 4·3) / 100 = 0.17.
   */
  glossa_agreement_scores (&agreement->overall, &scores);
  assert_figure (scores.kappa, (0.4 - 0.17) / (1 - 0.17));
}

/* Nobody used any label: every figure has a zero denominator. */
static void
test_empty_labels (void)
{
  g_autoptr(GlossaRecord) a = record_new ("doc", TEXT);
  g_autoptr(GlossaRecord) b = record_new ("doc", TEXT);
  g_autoptr(GlossaAgreement) agreement = glossa_agreement_new ();
  g_autoptr(GError) error = NULL;
  GlossaAgreementScores scores;

  g_assert_true (glossa_agreement_add (agreement, a, b, &error));
  g_assert_cmpuint (agreement->labels->len, ==, GLOSSA_N_BUILTIN_LABELS);
  for (guint label = 0; label < GLOSSA_N_BUILTIN_LABELS; label++)
    {
      glossa_agreement_scores (glossa_agreement_get_label (agreement, glossa_label_builtin (label)), &scores);
      assert_prf (&scores.exact, NAN, NAN, NAN);
      assert_prf (&scores.overlap, NAN, NAN, NAN);
      /* Both tagged every token O: pe = 1. */
      assert_figure (scores.kappa, NAN);
    }
  glossa_agreement_scores (&agreement->overall, &scores);
  assert_prf (&scores.exact, NAN, NAN, NAN);
  assert_figure (scores.kappa, NAN);
}

/* No documents at all: no tokens either. */
static void
test_nothing (void)
{
  g_autoptr(GlossaAgreement) agreement = glossa_agreement_new ();
  GlossaAgreementScores scores;

  glossa_agreement_scores (&agreement->overall, &scores);
  assert_prf (&scores.overlap, NAN, NAN, NAN);
  assert_figure (scores.kappa, NAN);
}

static void
test_identical (void)
{
  g_autoptr(GlossaRecord) a = record_new ("doc", TEXT);
  g_autoptr(GlossaAgreement) agreement = glossa_agreement_new ();
  g_autoptr(GError) error = NULL;
  GlossaAgreementScores scores;

  add (a, 0, 11, GLOSSA_LABEL_ACTOR);
  add (a, 12, 27, GLOSSA_LABEL_CLAIM);
  add (a, 16, 27, GLOSSA_LABEL_ACTOR);
  g_assert_true (glossa_agreement_add (agreement, a, a, &error));

  glossa_agreement_scores (glossa_agreement_get_label (agreement, GLOSSA_LABEL_ACTOR), &scores);
  assert_prf (&scores.exact, 1, 1, 1);
  assert_figure (scores.kappa, 1);
  glossa_agreement_scores (&agreement->overall, &scores);
  assert_prf (&scores.exact, 1, 1, 1);
  assert_prf (&scores.overlap, 1, 1, 1);
  assert_figure (scores.kappa, 1);
}

/* Overlap is per span: one long span of B overlapping three short ones
 * of A counts three for precision and one for recall.
 */
static void
test_overlap_counts (void)
{
  g_autoptr(GlossaRecord) a = record_new ("doc", TEXT);
  g_autoptr(GlossaRecord) b = record_new ("doc", TEXT);
  g_autoptr(GlossaAgreement) agreement = glossa_agreement_new ();
  g_autoptr(GError) error = NULL;
  GlossaAgreementScores scores;

  add (a, 0, 4, GLOSSA_LABEL_CLAIM);
  add (a, 5, 11, GLOSSA_LABEL_CLAIM);
  add (a, 12, 15, GLOSSA_LABEL_CLAIM);
  add (a, 39, 45, GLOSSA_LABEL_CLAIM);
  add (b, 0, 15, GLOSSA_LABEL_CLAIM);
  add (b, 36, 38, GLOSSA_LABEL_CLAIM);
  /* Touching is not overlapping: [36, 38) and [39, 45) share nothing,
   * and neither do spans of different labels.
   */
  add (b, 39, 45, GLOSSA_LABEL_DATE);
  g_assert_true (glossa_agreement_add (agreement, a, b, &error));

  glossa_agreement_scores (glossa_agreement_get_label (agreement, GLOSSA_LABEL_CLAIM), &scores);
  assert_prf (&scores.exact, 0, 0, NAN);
  assert_prf (&scores.overlap, 3.0 / 4, 1.0 / 2, 2 * (0.75 * 0.5) / (0.75 + 0.5));
}

static void
test_text_differs (void)
{
  g_autoptr(GlossaRecord) a = record_new ("doc", TEXT);
  g_autoptr(GlossaRecord) b = record_new ("doc", "Anna Keller met Marco Rossi in Rome on Tuesday.");
  g_autoptr(GlossaAgreement) agreement = glossa_agreement_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (glossa_agreement_add (agreement, a, b, &error));
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  ct_assert_contains (error->message, "doc:");
}

static void
write_export (const char *path,
              const char *ids)
{
  g_auto(GStrv) names = g_strsplit (ids, ",", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (out, "{\"id\": \"%s\", \"text\": \"" TEXT "\", \"spans\": "
                                 "[{\"start\": 0, \"end\": 11, \"label\": \"actor\", \"text\": \"Anna Keller\"}]}\n",
                            names[i]);
  ct_write_file (path, out->str, out->len);
}

/* Two JSONL exports matched by id; the JSON report. */
static void
test_compare_sources (void)
{
  g_autofree char *dir = ct_make_tmpdir ();
  g_autofree char *path_a = g_build_filename (dir, "a.jsonl", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.jsonl", NULL);
  const char *paths_a[] = { path_a, NULL };
  const char *paths_b[] = { path_b, NULL };
  g_autoptr(GlossaRecordSource) a = NULL;
  g_autoptr(GlossaRecordSource) b = NULL;
  g_autoptr(GlossaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autofree char *table = NULL;
  JsonObject *root, *quote, *actor;

  write_export (path_a, "x,y,w");
  write_export (path_b, "z,y,v,w");
  a = glossa_record_source_open (paths_a, NULL, &error);
  g_assert_no_error (error);
  b = glossa_record_source_open (paths_b, NULL, &error);
  g_assert_no_error (error);

  agreement = glossa_agreement_compare (a, b, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agreement->n_documents, ==, 2);
  g_assert_cmpuint (agreement->only_in_a->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (agreement->only_in_a, 0), ==, "x");
  g_assert_cmpuint (agreement->only_in_b->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (agreement->only_in_b, 0), ==, "z");
  g_assert_cmpstr (g_ptr_array_index (agreement->only_in_b, 1), ==, "v");

  json = glossa_agreement_to_json (agreement);
  node = glossa_json_parse (json, strlen (json), "agreement", &error);
  g_assert_no_error (error);
  root = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (root, "documents"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "only_in_b")), ==, 2);
  actor = json_object_get_object_member (json_object_get_object_member (root, "labels"), "actor");
  quote = json_object_get_object_member (json_object_get_object_member (root, "labels"), "quote");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (actor, "exact"), "f1"), ==, 1.0);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (quote, "exact"), "precision"));
  g_assert_true (json_object_get_null_member (quote, "kappa"));
  g_assert_true (json_object_has_member (root, "overall"));

  table = glossa_agreement_to_table (agreement);
  ct_assert_contains (table, "Only in A: x");
  ct_assert_contains (table, "Only in B: z v");
  ct_assert_contains (table, "actor         2      2   1.000  1.000  1.000");

  ct_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/agreement/exact-and-overlap", test_exact_and_overlap);
  g_test_add_func ("/core/agreement/kappa", test_kappa);
  g_test_add_func ("/core/agreement/empty-labels", test_empty_labels);
  g_test_add_func ("/core/agreement/nothing", test_nothing);
  g_test_add_func ("/core/agreement/identical", test_identical);
  g_test_add_func ("/core/agreement/overlap-counts", test_overlap_counts);
  g_test_add_func ("/core/agreement/text-differs", test_text_differs);
  g_test_add_func ("/core/agreement/compare-sources", test_compare_sources);

  return g_test_run ();
}
