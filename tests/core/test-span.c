/* test-span.c: tests of spans and of the label, status and origin names
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-schema.h"
#include "glossa-span.h"
#include "glossa-types.h"

static void
test_new_copy (void)
{
  g_autoptr(GlossaSpan) span = glossa_span_new ("s1", 113, 127, GLOSSA_LABEL_ACTOR, "Vladimir Putin");
  g_autoptr(GlossaSpan) copy = NULL;

  g_assert_cmpstr (span->id, ==, "s1");
  g_assert_cmpint (span->start, ==, 113);
  g_assert_cmpint (span->end, ==, 127);
  g_assert_cmpint (span->label, ==, GLOSSA_LABEL_ACTOR);
  g_assert_cmpstr (span->text, ==, "Vladimir Putin");
  g_assert_cmpint (span->origin, ==, GLOSSA_ORIGIN_NONE);
  g_assert_null (span->note);
  g_assert_null (span->annotator);
  g_assert_null (span->created);
  g_assert_null (span->modified);
  g_assert_null (span->extra);

  span->note = g_strdup ("head of state");
  span->origin = GLOSSA_ORIGIN_SUGGESTED;
  span->annotator = g_strdup ("ada");
  span->created = g_strdup ("2026-01-02T03:04:05Z");
  span->modified = g_strdup ("2026-01-02T03:04:06Z");
  span->extra = json_object_new ();
  json_object_set_int_member (span->extra, "confidence", 7);

  copy = glossa_span_copy (span);
  g_assert_true (copy != span);
  g_assert_true (glossa_span_equal (span, copy));
  g_assert_cmpstr (copy->note, ==, "head of state");
  g_assert_cmpint (copy->origin, ==, GLOSSA_ORIGIN_SUGGESTED);
  g_assert_cmpstr (copy->annotator, ==, "ada");
  g_assert_cmpstr (copy->created, ==, span->created);
  g_assert_cmpstr (copy->modified, ==, span->modified);
  g_assert_nonnull (copy->extra);
  g_assert_cmpint (json_object_get_int_member (copy->extra, "confidence"), ==, 7);

  /* A copy is independent of the original's strings. */
  g_free (copy->note);
  copy->note = g_strdup ("changed");
  g_assert_cmpstr (span->note, ==, "head of state");
  g_assert_false (glossa_span_equal (span, copy));
}

static void
test_ref (void)
{
  GlossaSpan *span = glossa_span_new ("s1", 0, 1, GLOSSA_LABEL_DATE, "x");
  GlossaSpan *ref = glossa_span_ref (span);

  g_assert_true (ref == span);
  glossa_span_unref (ref);
  g_assert_cmpstr (span->id, ==, "s1");
  glossa_span_unref (span);
}

static void
test_boxed_type (void)
{
  g_autoptr(GlossaSpan) span = glossa_span_new ("s9", 2, 4, GLOSSA_LABEL_QUOTE, "ab");
  GlossaSpan *boxed;

  g_assert_true (G_TYPE_IS_BOXED (GLOSSA_TYPE_SPAN));
  boxed = g_boxed_copy (GLOSSA_TYPE_SPAN, span);
  g_assert_true (glossa_span_equal (boxed, span));
  g_boxed_free (GLOSSA_TYPE_SPAN, boxed);
}

/* The order of the file: start, then end, then label in the order of
 * "labels" (actor, quote, claim, date).
 */
static void
test_compare (void)
{
  g_autoptr(GlossaSpan) a = glossa_span_new ("a", 0, 5, GLOSSA_LABEL_DATE, "");
  g_autoptr(GlossaSpan) b = glossa_span_new ("b", 1, 2, GLOSSA_LABEL_ACTOR, "");
  g_autoptr(GlossaSpan) c = glossa_span_new ("c", 1, 3, GLOSSA_LABEL_ACTOR, "");
  g_autoptr(GlossaSpan) d = glossa_span_new ("d", 1, 3, GLOSSA_LABEL_QUOTE, "");
  g_autoptr(GlossaSpan) e = glossa_span_new ("e", 1, 3, GLOSSA_LABEL_CLAIM, "");
  g_autoptr(GlossaSpan) f = glossa_span_new ("f", 1, 3, GLOSSA_LABEL_DATE, "");
  g_autoptr(GlossaSpan) d2 = glossa_span_new ("other-id", 1, 3, GLOSSA_LABEL_QUOTE, "other text");
  GlossaSpan *sorted[] = { a, b, c, d, e, f };

  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    for (guint j = 0; j < G_N_ELEMENTS (sorted); j++)
      {
        int cmp = glossa_span_compare (sorted[i], sorted[j]);

        if (i < j)
          g_assert_cmpint (cmp, <, 0);
        else if (i > j)
          g_assert_cmpint (cmp, >, 0);
        else
          g_assert_cmpint (cmp, ==, 0);
      }

  /* The key is (start, end, label): id and text do not count. */
  g_assert_cmpint (glossa_span_compare (d, d2), ==, 0);
  g_assert_true (glossa_span_same_key (d, d2));
  g_assert_false (glossa_span_equal (d, d2));
  g_assert_false (glossa_span_same_key (c, d));
}

static void
test_equal (void)
{
  g_autoptr(GlossaSpan) a = glossa_span_new ("s1", 3, 9, GLOSSA_LABEL_CLAIM, "sanction");
  g_autoptr(GlossaSpan) b = glossa_span_new ("s1", 3, 9, GLOSSA_LABEL_CLAIM, "sanction");

  g_assert_true (glossa_span_equal (a, b));
  b->note = g_strdup ("n");
  g_assert_false (glossa_span_equal (a, b));
  g_clear_pointer (&b->note, g_free);
  b->origin = GLOSSA_ORIGIN_IMPORTED;
  g_assert_false (glossa_span_equal (a, b));
  b->origin = GLOSSA_ORIGIN_NONE;
  b->annotator = g_strdup ("bo");
  g_assert_false (glossa_span_equal (a, b));
  g_clear_pointer (&b->annotator, g_free);
  b->modified = g_strdup ("2026-01-01T00:00:00Z");
  g_assert_false (glossa_span_equal (a, b));
}

static void
test_overlaps_contains (void)
{
  g_autoptr(GlossaSpan) claim = glossa_span_new ("c", 10, 40, GLOSSA_LABEL_CLAIM, "");
  g_autoptr(GlossaSpan) date = glossa_span_new ("d", 20, 30, GLOSSA_LABEL_DATE, "");
  g_autoptr(GlossaSpan) left = glossa_span_new ("l", 0, 10, GLOSSA_LABEL_ACTOR, "");
  g_autoptr(GlossaSpan) cross = glossa_span_new ("x", 35, 50, GLOSSA_LABEL_QUOTE, "");
  g_autoptr(GlossaSpan) after = glossa_span_new ("a", 40, 41, GLOSSA_LABEL_ACTOR, "");

  /* Nesting: a date inside a claim. */
  g_assert_true (glossa_span_overlaps (claim, date));
  g_assert_true (glossa_span_overlaps (date, claim));
  g_assert_true (glossa_span_contains (claim, date));
  g_assert_false (glossa_span_contains (date, claim));
  g_assert_true (glossa_span_contains (claim, claim));

  /* End-exclusive: touching spans do not overlap. */
  g_assert_false (glossa_span_overlaps (left, claim));
  g_assert_false (glossa_span_overlaps (claim, after));

  g_assert_true (glossa_span_overlaps (claim, cross));
  g_assert_false (glossa_span_contains (claim, cross));
}

static void
test_label_names (void)
{
  const char *names[] = { "actor", "quote", "claim", "date" };
  GlossaLabel label;

  g_autoptr(GlossaSchema) schema = glossa_schema_get_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (GLOSSA_LABEL_MAX_LENGTH + 1, 'x');

  /* The built-in schema: the four labels in their order. */
  g_assert_cmpuint (glossa_schema_get_n_labels (schema), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (glossa_label_to_string (glossa_label_builtin (i)), ==, names[i]);
      g_assert_true (glossa_label_from_string (names[i], &label));
      g_assert_cmpuint (label, ==, glossa_label_builtin (i));
      g_assert_cmpuint (glossa_schema_get_label (schema, i)->name, ==, label);
    }

  /* Labels are data: any word is a label, and equal names are equal. */
  g_assert_true (glossa_label_from_string ("PER", &label));
  g_assert_cmpstr (glossa_label_to_string (label), ==, "PER");
  g_assert_cmpint (glossa_schema_label_index (schema, label), ==, -1);
  g_assert_false (glossa_schema_check_label (schema, label, "a.json", "spans[0].label", &error));
  g_assert_nonnull (strstr (error->message, "a.json: spans[0].label: the label “PER”"));
  g_assert_cmpint (glossa_label_compare (GLOSSA_LABEL_DATE, label), <, 0);
  g_assert_cmpint (glossa_label_compare (GLOSSA_LABEL_ACTOR, GLOSSA_LABEL_QUOTE), <, 0);

  /* But not one a dataset format could not hold. */
  g_assert_false (glossa_label_from_string ("", &label));
  g_assert_false (glossa_label_from_string ("actor ", &label));
  g_assert_false (glossa_label_from_string ("B I", &label));
  g_assert_false (glossa_label_from_string ("-x", &label));
  g_assert_false (glossa_label_from_string ("a\tb", &label));
  g_assert_false (glossa_label_from_string (long_name, &label));
}

static void
test_status_names (void)
{
  const char *names[] = { "todo", "in-progress", "done" };
  GlossaStatus status;

  for (guint i = 0; i < GLOSSA_N_STATUSES; i++)
    {
      g_assert_cmpstr (glossa_status_to_string (i), ==, names[i]);
      g_assert_true (glossa_status_from_string (names[i], &status));
      g_assert_cmpint (status, ==, i);
    }
  g_assert_false (glossa_status_from_string ("in_progress", &status));
  g_assert_false (glossa_status_from_string ("finished", &status));
  g_assert_false (glossa_status_from_string ("", &status));
}

static void
test_origin_names (void)
{
  const char *names[] = { "manual", "suggested", "imported" };
  GlossaOrigin origin;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (glossa_origin_to_string (i + 1), ==, names[i]);
      g_assert_true (glossa_origin_from_string (names[i], &origin));
      g_assert_cmpint (origin, ==, i + 1);
    }
  g_assert_false (glossa_origin_from_string ("automatic", &origin));
  g_assert_false (glossa_origin_from_string ("", &origin));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/span/new-copy", test_new_copy);
  g_test_add_func ("/core/span/ref", test_ref);
  g_test_add_func ("/core/span/boxed-type", test_boxed_type);
  g_test_add_func ("/core/span/compare", test_compare);
  g_test_add_func ("/core/span/equal", test_equal);
  g_test_add_func ("/core/span/overlaps-contains", test_overlaps_contains);
  g_test_add_func ("/core/span/label-names", test_label_names);
  g_test_add_func ("/core/span/status-names", test_status_names);
  g_test_add_func ("/core/span/origin-names", test_origin_names);

  return g_test_run ();
}
