/* bench-suggest-quotes.c: the quote suggester and all the suggesters on a 5 MB article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Usage: bench-suggest-quotes [MEGABYTES]
 *
 * Builds one article of MEGABYTES (5) by repeating the bundled quote test
 * articles (tests/data/quotes/), blank lines between them, and times
 * glossa_suggest_quotes() on it: the median of three runs after a warm-up,
 * in wall-clock and in CPU time (the second is steadier on a busy machine).
 * The article is built of whole copies, so the suggestions must be the
 * copies' count times those of one copy: a fast wrong answer fails.
 *
 * Then the same for glossa_suggest_article(): each suggester alone and all
 * of them merged, with 10,000 known names: the article's capitalised word
 * pairs (so that many are found) and made-up names (that are not). A
 * long article's suggesters run side by side: last, the suggestions of all
 * three so must be those they find one after another, field for field.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib.h>

#include "glossa-suggest-private.h"
#include "glossa-suggest.h"

#define RUNS 3
#define N_NAMES 10000

static void
append_set (GString    *copy,
            const char *set)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "quotes", set, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_string_append (copy, g_strstrip (text));
      g_string_append (copy, "\n\n");
    }
}

static guint
count (const GString     *text,
       GlossaSuggestLang  lang)
{
  g_autoptr(GPtrArray) out = NULL;

  g_assert_true (glossa_suggest_quotes (text->str, text->len, lang, &out));
  return out->len;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Capitalised word pairs of @text, then made-up names, N_NAMES in all. */
static GlossaKnownNames *
make_names (const GString *text)
{
  GlossaKnownNames *names = glossa_known_names_new (TRUE);
  g_autoptr(GRegex) pairs = g_regex_new ("\\b\\p{Lu}\\w+ \\p{Lu}\\w+", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint i = 0;

  g_regex_match (pairs, text->str, 0, &match);
  while (g_match_info_matches (match) && glossa_known_names_get_size (names) < N_NAMES / 5)
    {
      g_autofree char *pair = g_match_info_fetch (match, 0);

      glossa_known_names_add (names, pair, "actor", 1 + i++ % 7);
      g_match_info_next (match, NULL);
    }
  for (i = 0; glossa_known_names_get_size (names) < N_NAMES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Name%u Surname%u", i % 997, i);

      glossa_known_names_add (names, name, i % 3 ? "actor" : "claim", 1 + i % 5);
    }
  return names;
}

static guint
count_all (const GString    *text,
           GlossaSuggesters  suggesters,
           GlossaKnownNames *names)
{
  GlossaSuggestOptions options = { .suggesters = suggesters };
  g_autoptr(GPtrArray) out = glossa_suggest_article (text->str, text->len, "2026-03-12",
                                                     GLOSSA_SUGGEST_LANG_EN, names, &options, NULL);

  g_assert_nonnull (out);
  return out->len;
}

static void
time_all (const char       *what,
          const GString    *text,
          GlossaSuggesters  suggesters,
          GlossaKnownNames *names)
{
  double seconds[RUNS], cpu_seconds[RUNS];
  guint total = 0;

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      clock_t cpu = clock ();

      total = count_all (text, suggesters, names);
      seconds[r] = (g_get_monotonic_time () - start) / 1e6;
      cpu_seconds[r] = (double) (clock () - cpu) / CLOCKS_PER_SEC;
    }
  qsort (seconds, RUNS, sizeof seconds[0], compare_doubles);
  qsort (cpu_seconds, RUNS, sizeof cpu_seconds[0], compare_doubles);
  g_print ("glossa_suggest_article (%s): %u suggestions, median %.3f s (min %.3f, max %.3f), "
           "CPU time median %.3f s\n", what, total, seconds[RUNS / 2], seconds[0],
           seconds[RUNS - 1], cpu_seconds[RUNS / 2]);
}

/* Every field of every suggestion of @text, one a line. */
static char *
describe_all (const GString    *text,
              GlossaKnownNames *names)
{
  g_autoptr(GPtrArray) out = glossa_suggest_article (text->str, text->len, "2026-03-12",
                                                     GLOSSA_SUGGEST_LANG_EN, names, NULL, NULL);
  GString *s = g_string_new (NULL);

  g_assert_nonnull (out);
  for (guint i = 0; i < out->len; i++)
    {
      const GlossaSuggestion *sg = g_ptr_array_index (out, i);
      const char *value = glossa_suggestion_get_attribute (sg, "value");

      g_string_append_printf (s, "%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " %s %.6f %s %s %d %s\n",
                              sg->start, sg->end, sg->label, sg->score, sg->suggester,
                              value ? value : "-", sg->link, sg->link_type ? sg->link_type : "-");
    }
  return g_string_free (s, FALSE);
}

/* The suggesters side by side (as a long article has them) find exactly
 * what they find one after another: a faster wrong answer fails.
 */
static void
check_side_by_side (const GString    *text,
                    GlossaKnownNames *names)
{
  gsize before = _glossa_suggest_set_parallel_min_bytes (G_MAXSIZE);
  g_autofree char *serial = describe_all (text, names);
  g_autofree char *parallel = NULL;

  _glossa_suggest_set_parallel_min_bytes (0);
  parallel = describe_all (text, names);
  _glossa_suggest_set_parallel_min_bytes (before);
  g_assert_cmpstr (parallel, ==, serial);
  g_print ("side by side and one after another: the same %zu bytes of suggestions\n", strlen (serial));
}

int
main (int    argc,
      char **argv)
{
  guint megabytes = argc > 1 ? (guint) atoi (argv[1]) : 5;
  GString *copy = g_string_new (NULL);
  GString *text = g_string_new (NULL);
  guint copies = 0, per_copy, total = 0;
  double seconds[RUNS], cpu_seconds[RUNS];

  g_test_init (&argc, &argv, NULL);
  append_set (copy, "articles");
  append_set (copy, "heldout");
  per_copy = count (copy, GLOSSA_SUGGEST_LANG_EN);
  while (text->len < (gsize) megabytes << 20)
    {
      g_string_append_len (text, copy->str, copy->len);
      copies++;
    }

  total = count (text, GLOSSA_SUGGEST_LANG_EN);
  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      clock_t cpu = clock ();

      total = count (text, GLOSSA_SUGGEST_LANG_EN);
      seconds[r] = (g_get_monotonic_time () - start) / 1e6;
      cpu_seconds[r] = (double) (clock () - cpu) / CLOCKS_PER_SEC;
    }
  qsort (seconds, RUNS, sizeof seconds[0], compare_doubles);
  qsort (cpu_seconds, RUNS, sizeof cpu_seconds[0], compare_doubles);

  g_print ("article: %.1f MB, %u copies of %zu bytes, %u suggestions\n",
           text->len / 1048576.0, copies, copy->len, total);
  g_print ("glossa_suggest_quotes: median %.3f s (min %.3f, max %.3f), CPU time median %.3f s\n",
           seconds[RUNS / 2], seconds[0], seconds[RUNS - 1], cpu_seconds[RUNS / 2]);
  g_assert_cmpuint (total, ==, per_copy * copies);

  {
    gint64 start = g_get_monotonic_time ();
    g_autoptr(GlossaKnownNames) names = make_names (copy);
    guint merged, per_copy_merged;

    g_print ("known names: %u, built in %.3f s\n", glossa_known_names_get_size (names),
             (g_get_monotonic_time () - start) / 1e6);
    time_all ("quotes", text, GLOSSA_SUGGESTER_QUOTES, names);
    time_all ("dates", text, GLOSSA_SUGGESTER_DATES, names);
    time_all ("names", text, GLOSSA_SUGGESTER_NAMES, names);
    time_all ("all", text, GLOSSA_SUGGESTERS_ALL, names);
    check_side_by_side (text, names);
    /* Nearly as many per copy as in one copy alone: not exactly, since a
     * relative date's or a speaker's context reaches into the copy before.
     */
    merged = count_all (text, GLOSSA_SUGGESTERS_ALL, names);
    per_copy_merged = count_all (copy, GLOSSA_SUGGESTERS_ALL, names);
    g_assert_cmpfloat (fabs ((double) merged / (per_copy_merged * copies) - 1), <, 0.01);
  }

  g_string_free (copy, TRUE);
  g_string_free (text, TRUE);
  return 0;
}
