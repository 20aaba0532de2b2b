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

/* Adds a span and returns its id (the record holds it). */
static const char *
add_with_id (GlossaRecord *record,
             gint64        start,
             gint64        end,
             GlossaLabel   label)
{
  add (record, start, end, label);
  for (guint i = 0; i < record->spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (record->spans, i);

      if (span->start == start && span->end == end && span->label == label)
        return span->id;
    }
  g_assert_not_reached ();
}

static void
add_link (GlossaRecord *record,
          const char   *type,
          const char   *from,
          const char   *to)
{
  g_autofree char *id = g_strdup_printf ("r%u", record->relations->len + 1);

  g_ptr_array_add (record->relations, glossa_relation_new (id, type, from, to));
}

/* A: quote "in Rome" → actor "Anna Keller", claim "on Monday" → actor
 *    "Marco Rossi" (source).
 * B: the same quote → "Anna Keller" (a match, though every id differs),
 *    the quote → "Marco Rossi" too, claim "Monday" → "Marco Rossi" (its
 *    claim has another start: no match), and a "cites" link no schema has.
 */
static void
test_relations (void)
{
  g_autoptr(GlossaRecord) a = record_new ("doc", TEXT);
  g_autoptr(GlossaRecord) b = record_new ("doc", TEXT);
  g_autoptr(GlossaAgreement) agreement = glossa_agreement_new ();
  g_autoptr(GError) error = NULL;
  const char *a_anna, *a_marco, *a_quote, *a_claim;
  const char *b_anna, *b_marco, *b_quote, *b_claim;
  const GlossaAgreementRelation *source, *cites;
  GlossaPrf scores;

  a_anna = add_with_id (a, 0, 11, GLOSSA_LABEL_ACTOR);
  a_marco = add_with_id (a, 16, 27, GLOSSA_LABEL_ACTOR);
  a_quote = add_with_id (a, 28, 35, GLOSSA_LABEL_QUOTE);
  a_claim = add_with_id (a, 36, 45, GLOSSA_LABEL_CLAIM);
  add_link (a, "source", a_quote, a_anna);
  add_link (a, "source", a_claim, a_marco);

  b_claim = add_with_id (b, 39, 45, GLOSSA_LABEL_CLAIM);
  b_quote = add_with_id (b, 28, 35, GLOSSA_LABEL_QUOTE);
  b_marco = add_with_id (b, 16, 27, GLOSSA_LABEL_ACTOR);
  b_anna = add_with_id (b, 0, 11, GLOSSA_LABEL_ACTOR);
  g_assert_cmpstr (a_anna, !=, b_anna);
  add_link (b, "source", b_claim, b_marco);
  add_link (b, "source", b_quote, b_marco);
  add_link (b, "source", b_quote, b_anna);
  add_link (b, "cites", b_quote, b_anna);

  g_assert_true (glossa_agreement_add (agreement, a, b, &error));
  g_assert_no_error (error);

  /* source: 1 of A's 2, 1 of B's 3: P 1/2, R 1/3, F1 (1/3) / (5/6). */
  source = glossa_agreement_get_relation (agreement, "source");
  g_assert_nonnull (source);
  g_assert_cmpuint (source->n_a, ==, 2);
  g_assert_cmpuint (source->n_b, ==, 3);
  g_assert_cmpuint (source->matched, ==, 1);
  glossa_agreement_relation_scores (source, &scores);
  assert_prf (&scores, 0.5, 1.0 / 3, 0.4);

  /* cites: B alone, after the schema's types; the link of the same ends
   * but another type does not match it.
   */
  g_assert_cmpuint (agreement->relations->len, ==, 2);
  cites = &g_array_index (agreement->relations, GlossaAgreementRelation, 1);
  g_assert_cmpstr (cites->type, ==, "cites");
  glossa_agreement_relation_scores (cites, &scores);
  assert_prf (&scores, NAN, 0, NAN);

  /* Overall: 1 of 2, 1 of 4: F1 = 2 · 1/8 / (3/4) = 1/3. */
  glossa_agreement_relation_scores (&agreement->relations_overall, &scores);
  assert_prf (&scores, 0.5, 0.25, 1.0 / 3);
}

static void
set_value (GlossaRecord *record,
           const char   *id,
           const char   *name,
           const char   *value)
{
  for (guint i = 0; i < record->spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (record->spans, i);

      if (strcmp (span->id, id) != 0)
        continue;
      if (span->attributes == NULL)
        span->attributes = json_object_new ();
      json_object_set_string_member (span->attributes, name, value);
      return;
    }
  g_assert_not_reached ();
}

/* Dates [0,4) and [39,45) match in both, with values that differ and
 * agree; [5,11) matches with no value on either side (not compared);
 * [12,15) is A's alone (not compared either, whatever its value). An
 * actor matches with a "role" only A gave it.
 */
static GlossaAgreement *
attribute_case (void)
{
  g_autoptr(GlossaRecord) a = record_new ("doc", TEXT);
  g_autoptr(GlossaRecord) b = record_new ("doc", TEXT);
  g_autoptr(GError) error = NULL;
  GlossaAgreement *agreement = glossa_agreement_new ();

  set_value (a, add_with_id (a, 0, 4, GLOSSA_LABEL_DATE), "value", "2021-12-01");
  set_value (a, add_with_id (a, 39, 45, GLOSSA_LABEL_DATE), "value", "2021-12-27");
  add (a, 5, 11, GLOSSA_LABEL_DATE);
  set_value (a, add_with_id (a, 12, 15, GLOSSA_LABEL_DATE), "value", "2021");
  set_value (a, add_with_id (a, 22, 27, GLOSSA_LABEL_ACTOR), "role", "minister");

  set_value (b, add_with_id (b, 39, 45, GLOSSA_LABEL_DATE), "value", "2021-12-27");
  set_value (b, add_with_id (b, 0, 4, GLOSSA_LABEL_DATE), "value", "2021-12-02");
  add (b, 5, 11, GLOSSA_LABEL_DATE);
  add (b, 22, 27, GLOSSA_LABEL_ACTOR);

  g_assert_true (glossa_agreement_add (agreement, a, b, &error));
  g_assert_no_error (error);
  return agreement;
}

static void
test_attributes (void)
{
  g_autoptr(GlossaAgreement) agreement = attribute_case ();
  const GlossaAgreementAttribute *value, *role;

  /* The schema's date.value comes first, then what the spans had. */
  g_assert_cmpuint (agreement->attributes->len, ==, 2);
  value = &g_array_index (agreement->attributes, GlossaAgreementAttribute, 0);
  g_assert_true (value->label == GLOSSA_LABEL_DATE);
  g_assert_cmpstr (value->name, ==, "value");
  g_assert_cmpuint (value->n_compared, ==, 2);
  g_assert_cmpuint (value->n_agree, ==, 1);
  assert_figure (glossa_agreement_attribute_share (value), 0.5);

  role = glossa_agreement_get_attribute (agreement, GLOSSA_LABEL_ACTOR, "role");
  g_assert_nonnull (role);
  g_assert_cmpuint (role->n_compared, ==, 1);
  g_assert_cmpuint (role->n_agree, ==, 0);
  assert_figure (glossa_agreement_attribute_share (role), 0);
  g_assert_null (glossa_agreement_get_attribute (agreement, GLOSSA_LABEL_DATE, "role"));
}

/* The JSON and the table carry links and attributes, with null for a zero
 * denominator; a corpus with neither still has both members.
 */
static void
test_json_links_attributes (void)
{
  g_autoptr(GlossaAgreement) agreement = attribute_case ();
  g_autoptr(GlossaAgreement) empty = glossa_agreement_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) empty_node = NULL;
  g_autofree char *json = glossa_agreement_to_json (agreement);
  g_autofree char *empty_json = glossa_agreement_to_json (empty);
  g_autofree char *table = glossa_agreement_to_table (agreement);
  JsonObject *root, *relations, *source, *date_value, *actor_role;

  node = glossa_json_parse (json, strlen (json), "agreement", &error);
  g_assert_no_error (error);
  root = json_node_get_object (node);
  relations = json_object_get_object_member (root, "relations");
  source = json_object_get_object_member (json_object_get_object_member (relations, "types"), "source");
  g_assert_cmpint (json_object_get_int_member (source, "a"), ==, 0);
  g_assert_true (json_object_get_null_member (source, "precision"));
  g_assert_true (json_object_get_null_member (json_object_get_object_member (relations, "overall"), "f1"));
  date_value = json_object_get_object_member (
    json_object_get_object_member (json_object_get_object_member (root, "attributes"), "date"), "value");
  g_assert_cmpint (json_object_get_int_member (date_value, "compared"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (date_value, "agree"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (date_value, "share"), ==, 0.5);
  actor_role = json_object_get_object_member (
    json_object_get_object_member (json_object_get_object_member (root, "attributes"), "actor"), "role");
  g_assert_cmpfloat (json_object_get_double_member (actor_role, "share"), ==, 0);

  ct_assert_contains (table, "source               0      0       0       –      –      –");
  ct_assert_contains (table, "date.value                     2      1   0.500");
  ct_assert_contains (table, "actor.role                     1      0   0.000");

  /* No document: no schema, so neither types nor attributes. */
  empty_node = glossa_json_parse (empty_json, strlen (empty_json), "agreement", &error);
  g_assert_no_error (error);
  root = json_node_get_object (empty_node);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (root, "attributes")), ==, 0);
  relations = json_object_get_object_member (root, "relations");
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (relations, "types")), ==, 0);
}

/* B's corpus has a schema with a label A's lacks, first used in the second
 * document: it is listed after A's labels, and its kappa counts the first
 * document's tokens (all O on both sides) as well.
 */
static void
test_other_schema (void)
{
  g_autoptr(GlossaRecord) a1 = record_new ("one", TEXT);
  g_autoptr(GlossaRecord) b1 = record_new ("one", TEXT);
  g_autoptr(GlossaRecord) a2 = record_new ("two", TEXT);
  g_autoptr(GlossaRecord) b2 = record_new ("two", TEXT);
  g_autoptr(GlossaAgreement) agreement = glossa_agreement_new ();
  g_autoptr(GError) error = NULL;
  const GlossaAgreementCounts *person_counts;
  GlossaAgreementScores scores;
  GlossaSchema *schema = glossa_schema_new (NULL);
  GlossaLabel person;

  g_assert_true (glossa_label_from_string ("person", &person));
  glossa_schema_add_label (schema, glossa_schema_label_new (person, "#1c71d8"));
  glossa_schema_unref (b1->schema);
  b1->schema = glossa_schema_ref (schema);
  glossa_schema_unref (b2->schema);
  b2->schema = schema;

  add (a2, 0, 11, GLOSSA_LABEL_ACTOR);
  add (b2, 0, 11, person);

  g_assert_true (glossa_agreement_add (agreement, a1, b1, &error));
  g_assert_true (glossa_agreement_add (agreement, a2, b2, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (agreement->labels->len, ==, GLOSSA_N_BUILTIN_LABELS + 1);
  g_assert_true (g_array_index (agreement->labels, GlossaAgreementLabel, GLOSSA_N_BUILTIN_LABELS).label == person);
  person_counts = glossa_agreement_get_label (agreement, person);
  g_assert_cmpuint (person_counts->n_a, ==, 0);
  g_assert_cmpuint (person_counts->n_b, ==, 1);
  g_assert_cmpuint (person_counts->n_tokens, ==, 20);
  /* A: 20 O. B: B-person I-person and 18 O. po = 18/20; pe = 20·18/400:
   * kappa 0, from 20 tokens, not 10.
   */
  g_assert_cmpuint (person_counts->n_agree, ==, 18);
  glossa_agreement_scores (person_counts, &scores);
  assert_prf (&scores.exact, NAN, 0, NAN);
  assert_figure (scores.kappa, 0);

  /* Overall, B's person is tagged, with the fifth label's tags. */
  g_assert_cmpuint (agreement->overall.tags_b[GLOSSA_IOB_B (GLOSSA_N_BUILTIN_LABELS)], ==, 1);
  g_assert_cmpuint (agreement->overall.tags_b[GLOSSA_IOB_I (GLOSSA_N_BUILTIN_LABELS)], ==, 1);
  g_assert_cmpuint (agreement->overall.tags_a[GLOSSA_IOB_B (0)], ==, 1);
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
  g_test_add_func ("/core/agreement/relations", test_relations);
  g_test_add_func ("/core/agreement/attributes", test_attributes);
  g_test_add_func ("/core/agreement/json-links-attributes", test_json_links_attributes);
  g_test_add_func ("/core/agreement/other-schema", test_other_schema);

  return g_test_run ();
}
