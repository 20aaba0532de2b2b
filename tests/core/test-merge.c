/* test-merge.c: merging N annotators' spans, provenance kept and checked
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-merge.h"

/* "start end label;…", with the annotator @who on every span. */
static GPtrArray *
spans_new (const char *spec,
           const char *who)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  g_auto(GStrv) parts = g_strsplit (spec, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      GlossaLabel label;
      GlossaSpan *span;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      fields = g_strsplit (parts[i], " ", 3);
      g_assert_true (glossa_label_from_string (fields[2], &label));
      span = glossa_span_new (id, g_ascii_strtoll (fields[0], NULL, 10),
                              g_ascii_strtoll (fields[1], NULL, 10), label, "x");
      span->annotator = g_strdup (who);
      g_ptr_array_add (spans, span);
    }
  return spans;
}

/* "start-end label decision sources,…" per span, joined by "; ". */
static char *
describe (GPtrArray *spans)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);
      JsonObject *review = json_object_get_object_member (span->extra, GLOSSA_REVIEW_MEMBER);
      JsonArray *sources = json_object_get_array_member (review, "sources");

      g_string_append_printf (out, "%s%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " %s %s ",
                              i ? "; " : "", span->start, span->end,
                              glossa_label_to_string (span->label),
                              glossa_merge_span_get_decision (span));
      for (guint j = 0; j < json_array_get_length (sources); j++)
        g_string_append_printf (out, "%s%s", j ? "," : "", json_array_get_string_element (sources, j));
    }
  return g_string_free (out, FALSE);
}

static char *
merge (const char * const *specs,
       guint               min_agree)
{
  static const char * const names[] = { "ann1", "ann2", "ann3", "ann4", NULL };
  g_autoptr(GPtrArray) sides = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) merged = NULL;

  for (guint i = 0; specs[i] != NULL; i++)
    g_ptr_array_add (sides, spans_new (specs[i], names[i]));
  merged = glossa_merge_spans (sides, names, min_agree);
  return describe (merged);
}

static void
test_two_all (void)
{
  const char *specs[] = { "0 4 actor; 5 9 claim; 10 12 date", "0 4 actor; 5 9 quote", NULL };
  g_autofree char *got = merge (specs, 2);

  g_assert_cmpstr (got, ==, "0-4 actor agreed ann1,ann2");
}

static void
test_three_majority (void)
{
  const char *specs[] = { "0 4 actor; 5 9 claim; 20 30 quote",
                          "0 4 actor; 5 9 claim; 10 12 date",
                          "0 4 actor; 5 9 quote; 10 12 date; 20 30 quote", NULL };
  g_autofree char *two = merge (specs, 2);
  g_autofree char *one = merge (specs, 1);
  g_autofree char *three = merge (specs, 3);

  g_assert_cmpstr (three, ==, "0-4 actor agreed ann1,ann2,ann3");
  g_assert_cmpstr (two, ==, "0-4 actor agreed ann1,ann2,ann3; 5-9 claim merged ann1,ann2; "
                            "10-12 date merged ann2,ann3; 20-30 quote merged ann1,ann3");
  /* Spans over the same characters go in the labels' order. */
  g_assert_cmpstr (one, ==, "0-4 actor agreed ann1,ann2,ann3; 5-9 quote merged ann3; "
                            "5-9 claim merged ann1,ann2; 10-12 date merged ann2,ann3; "
                            "20-30 quote merged ann1,ann3");
}

/* Sides that tagged nothing still count: nobody agrees with them. */
static void
test_empty_side (void)
{
  const char *specs[] = { "0 4 actor", "", "0 4 actor", NULL };
  g_autofree char *got = merge (specs, 2);
  g_autofree char *all = merge (specs, 3);

  g_assert_cmpstr (got, ==, "0-4 actor merged ann1,ann3");
  g_assert_cmpstr (all, ==, "");
}

/* The first side's copy is kept whole; ids stay unique across sides. */
static void
test_provenance_and_ids (void)
{
  static const char * const names[] = { "ann1", "ann2", NULL };
  g_autoptr(GPtrArray) sides = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) merged = NULL;
  GPtrArray *a = spans_new ("0 4 actor; 6 8 date", "ann1");
  GPtrArray *b = spans_new ("6 8 date; 0 4 actor", "ann2");
  GlossaSpan *first = g_ptr_array_index (a, 0);
  GlossaSpan *span;

  first->note = g_strdup ("speaker");
  first->created = g_strdup ("2026-01-01T00:00:00Z");
  first->extra = json_object_new ();
  json_object_set_double_member (first->extra, "confidence", 0.5);
  g_ptr_array_add (sides, a);
  g_ptr_array_add (sides, b);
  merged = glossa_merge_spans (sides, names, 1);

  g_assert_cmpuint (merged->len, ==, 2);
  span = g_ptr_array_index (merged, 0);
  g_assert_cmpstr (span->note, ==, "speaker");
  g_assert_cmpstr (span->annotator, ==, "ann1");
  g_assert_cmpstr (span->created, ==, "2026-01-01T00:00:00Z");
  g_assert_cmpfloat (json_object_get_double_member (span->extra, "confidence"), ==, 0.5);
  g_assert_cmpstr (glossa_merge_span_get_decision (span), ==, "agreed");
  /* The source span is not changed by the copy. */
  g_assert_false (json_object_has_member (first->extra, GLOSSA_REVIEW_MEMBER));
  g_assert_cmpstr (((GlossaSpan *) g_ptr_array_index (merged, 0))->id, !=,
                   ((GlossaSpan *) g_ptr_array_index (merged, 1))->id);
}

static void
test_changed_keeps_sources (void)
{
  const char *sources[] = { "ann1", "ann2", NULL };
  g_autoptr(GlossaSpan) span = glossa_span_new ("s1", 0, 4, GLOSSA_LABEL_ACTOR, "x");
  g_autoptr(GlossaSpan) kept = glossa_merge_span_with_review (span, "a", sources, "rev", "2026-02-02T00:00:00Z");
  g_autoptr(GlossaSpan) changed = glossa_merge_span_changed (kept, "rev2", "2026-02-03T00:00:00Z");
  JsonObject *review = json_object_get_object_member (changed->extra, GLOSSA_REVIEW_MEMBER);

  g_assert_cmpstr (glossa_merge_span_get_decision (changed), ==, "changed");
  g_assert_cmpstr (json_object_get_string_member (review, "reviewer"), ==, "rev2");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (review, "sources")), ==, 2);
  g_assert_cmpstr (glossa_merge_span_get_decision (kept), ==, "a");
}

/* A file with provenance and decisions reads, writes back byte for byte,
 * and each broken field is named.
 */
static const char adjudicated[] =
  "{\n"
  "  \"format\": \"glossa-annotations\",\n"
  "  \"version\": 1,\n"
  "  \"document\": {\n"
  "    \"id\": \"a\",\n"
  "    \"file\": \"a.txt\",\n"
  "    \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\",\n"
  "    \"length\": 12,\n"
  "    \"date\": null\n"
  "  },\n"
  "  \"labels\": [\n"
  "    \"actor\",\n"
  "    \"quote\",\n"
  "    \"claim\",\n"
  "    \"date\"\n"
  "  ],\n"
  "  \"status\": \"done\",\n"
  "  \"annotator\": \"rev\",\n"
  "  \"spans\": [\n"
  "    {\n"
  "      \"id\": \"s1\",\n"
  "      \"start\": 0,\n"
  "      \"end\": 4,\n"
  "      \"label\": \"actor\",\n"
  "      \"text\": \"Anna\",\n"
  "      \"annotator\": \"ann1\",\n"
  "      \"review\": {\n"
  "        \"decision\": \"a\",\n"
  "        \"sources\": [\n"
  "          \"ann1\"\n"
  "        ],\n"
  "        \"reviewer\": \"rev\",\n"
  "        \"reviewed\": \"2026-03-01T10:00:00Z\"\n"
  "      }\n"
  "    }\n"
  "  ],\n"
  "  \"decisions\": [\n"
  "    {\n"
  "      \"start\": 5,\n"
  "      \"end\": 9,\n"
  "      \"options\": [\n"
  "        {\n"
  "          \"label\": \"claim\",\n"
  "          \"sources\": [\n"
  "            \"ann2\"\n"
  "          ]\n"
  "        }\n"
  "      ],\n"
  "      \"decision\": \"neither\",\n"
  "      \"kept\": [],\n"
  "      \"reviewer\": \"rev\",\n"
  "      \"reviewed\": \"2026-03-01T10:01:00Z\"\n"
  "    }\n"
  "  ]\n"
  "}\n";

static void
test_file_roundtrip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GBytes) written = NULL;

  annotations = glossa_format_read (adjudicated, strlen (adjudicated), "a.annotations.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (glossa_merge_span_get_decision (g_ptr_array_index (annotations->spans, 0)), ==, "a");
  written = glossa_format_write (annotations);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                   adjudicated, strlen (adjudicated));
}

static void
expect_refused (const char *from,
                const char *to,
                const char *message)
{
  g_autoptr(GString) data = g_string_new (adjudicated);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;

  g_assert_cmpuint (g_string_replace (data, from, to, 1), ==, 1);
  annotations = glossa_format_read (data->str, data->len, "a.annotations.json", NULL, &error);
  g_assert_null (annotations);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_file_refused (void)
{
  expect_refused ("\"decision\": \"a\"", "\"decision\": \"c\"",
                  "a.annotations.json: spans[0].review.decision: unknown value “c” (expected one of "
                  "agreed, merged, majority, a, b, both, kept, added, changed)");
  expect_refused ("\"review\": {", "\"review\": 3, \"x\": {",
                  "a.annotations.json: spans[0].review: expected an object");
  expect_refused ("\"2026-03-01T10:00:00Z\"", "\"10 o'clock\"",
                  "a.annotations.json: spans[0].review.reviewed: “10 o'clock” is not an ISO 8601 time");
  expect_refused ("\"end\": 9", "\"end\": 13",
                  "a.annotations.json: decisions[0].end: expected an offset after start and within "
                  "the article’s 12 characters");
  expect_refused ("\"kept\": []", "\"kept\": [\"date\"]",
                  "a.annotations.json: decisions[0].kept[0]: expected the label of one of the options");
  expect_refused ("\"label\": \"claim\"", "\"label\": \"person\"",
                  "a.annotations.json: decisions[0].options[0].label: expected a label");
  expect_refused ("\"ann2\"", "\"\"",
                  "a.annotations.json: decisions[0].options[0].sources[0]: expected an annotator’s name");
  expect_refused ("\"decisions\": [", "\"decisions\": 7, \"more\": [",
                  "a.annotations.json: decisions: expected a list");
}

/* Links "type from to" between the side's span ids, ";"-separated. */
static GPtrArray *
relations_new (const char *spec)
{
  GPtrArray *relations = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_relation_unref);
  g_auto(GStrv) parts = g_strsplit (spec, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *id = g_strdup_printf ("r%u", i + 1);

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      fields = g_strsplit (parts[i], " ", 3);
      g_ptr_array_add (relations, glossa_relation_new (id, fields[0], fields[1], fields[2]));
    }
  return relations;
}

static char *
describe_relations (GPtrArray *relations,
                    GPtrArray *merged)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (relations, i);
      GlossaSpan *from = NULL, *to = NULL;

      for (guint j = 0; j < merged->len; j++)
        {
          GlossaSpan *span = g_ptr_array_index (merged, j);

          from = g_strcmp0 (span->id, relation->from) == 0 ? span : from;
          to = g_strcmp0 (span->id, relation->to) == 0 ? span : to;
        }
      g_assert_nonnull (from);
      g_assert_nonnull (to);
      g_string_append_printf (out, "%s%s: %s %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " -> %"
                              G_GINT64_FORMAT "-%" G_GINT64_FORMAT, i ? "; " : "", relation->id,
                              relation->type, from->start, from->end, to->start, to->end);
    }
  return g_string_free (out, FALSE);
}

/* A link is kept when enough annotators drew it between the same two
 * spans (by characters and label, whatever their ids), and both spans are
 * kept; it then links the merged spans.
 */
static void
test_relations (void)
{
  const char *specs[] = { "0 4 actor; 10 20 quote; 30 35 claim",
                          "10 20 quote; 0 4 actor; 30 35 claim",
                          "0 4 actor; 10 20 quote; 40 45 actor", NULL };
  const char *links[] = { "source s2 s1; source s3 s1; source s3 s1",
                          "source s1 s2; source s3 s2",
                          "source s2 s1; source s2 s3", NULL };
  const char *names[] = { "ann1", "ann2", "ann3", NULL };
  g_autoptr(GPtrArray) sides = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_autofree char *who = g_strdup_printf ("ann%u", i + 1);

      g_ptr_array_add (sides, spans_new (specs[i], who));
      g_ptr_array_add (relations, relations_new (links[i]));
    }

  for (guint min_agree = 1; min_agree <= 3; min_agree++)
    {
      g_autoptr(GPtrArray) merged = glossa_merge_spans (sides, names, min_agree);
      g_autoptr(GPtrArray) kept = glossa_merge_relations (sides, relations, merged, min_agree);
      g_autofree char *got = describe_relations (kept, merged);
      static const char *expected[] = {
        NULL,
        /* Anyone's: the quote to the actor (all three), the claim to the
         * actor (two; ann1's twice counts once), the quote to ann3's
         * second actor (its merged id "m1" sorts first).
         */
        "r1: source 10-20 -> 40-45; r2: source 10-20 -> 0-4; r3: source 30-35 -> 0-4",
        "r1: source 10-20 -> 0-4; r2: source 30-35 -> 0-4",
        "r1: source 10-20 -> 0-4",
      };

      g_assert_cmpstr (got, ==, expected[min_agree]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/merge/two-all", test_two_all);
  g_test_add_func ("/core/merge/three-majority", test_three_majority);
  g_test_add_func ("/core/merge/empty-side", test_empty_side);
  g_test_add_func ("/core/merge/provenance-and-ids", test_provenance_and_ids);
  g_test_add_func ("/core/merge/changed-keeps-sources", test_changed_keeps_sources);
  g_test_add_func ("/core/merge/file-roundtrip", test_file_roundtrip);
  g_test_add_func ("/core/merge/file-refused", test_file_refused);
  g_test_add_func ("/core/merge/relations", test_relations);

  return g_test_run ();
}
