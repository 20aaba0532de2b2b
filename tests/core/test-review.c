/* test-review.c: pairing two annotators' spans for adjudication
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/review/agree", test_review_agree);
  g_test_add_func ("/core/review/only-one-side", test_review_only);
  g_test_add_func ("/core/review/label-conflict", test_review_label_conflict);
  g_test_add_func ("/core/review/overlap-is-not-agreement", test_review_overlap_is_not_agreement);

  return g_test_run ();
}
