/* test-suggest-parallel.c: suggesters run side by side find what they find one after another
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "glossa-error.h"
#include "glossa-suggest-private.h"
#include "glossa-suggest.h"

/* Every article of tests/data/SET/FOLDER, blank lines between them. */
static void
append_folder (GString    *text,
               const char *set,
               const char *folder)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", set, folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (g_ptr_array_index (names, i), &contents, NULL, NULL));
      g_string_append (text, contents);
      g_string_append (text, "\n\n");
    }
}

/* The quote and date test articles, in English and Italian, repeated
 * past @bytes.
 */
static GString *
test_articles (gsize bytes)
{
  g_autoptr(GString) copy = g_string_new (NULL);
  GString *text = g_string_new (NULL);

  append_folder (copy, "quotes", "articles");
  append_folder (copy, "quotes", "heldout");
  append_folder (copy, "timex", "articles");
  append_folder (copy, "timex", "heldout");
  g_assert_cmpuint (copy->len, >, 0);
  while (text->len < bytes)
    g_string_append_len (text, copy->str, copy->len);
  return text;
}

/* Every field of every suggestion, one a line. */
static char *
describe (GPtrArray *out)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < out->len; i++)
    {
      const GlossaSuggestion *sg = g_ptr_array_index (out, i);
      const char *value = glossa_suggestion_get_attribute (sg, "value");

      g_string_append_printf (s, "%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " %s %.6f %s value=%s "
                              "link=%d %s %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "\n",
                              sg->start, sg->end, sg->label, sg->score, sg->suggester,
                              value ? value : "-", sg->link, sg->link_type ? sg->link_type : "-",
                              sg->link_start, sg->link_end);
    }
  return g_string_free (s, FALSE);
}

/* Names that the articles hold (so that some are found and compete with
 * quotes' speakers) and spans the article already has.
 */
static GlossaKnownNames *
some_names (void)
{
  static const char *const names[][2] = {
    { "Jen Psaki", "actor" }, { "Biden", "actor" }, { "Giorgia Meloni", "actor" },
    { "the union", "actor" }, { "March", "date" }, { "Rome", "location" },
  };
  GlossaKnownNames *known = glossa_known_names_new (TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    glossa_known_names_add (known, names[i][0], names[i][1], 1 + i);
  return known;
}

static char *
suggest (const GString *text,
         gsize          parallel_from,
         const char    *dct,
         GError       **error)
{
  const GlossaSuggestExisting existing[] = { { 10, 30, "actor" }, { 500, 520, "date" }, { 2000, 2400, "quote" } };
  GlossaSuggestOptions options = { GLOSSA_SUGGESTERS_ALL, NULL, existing, G_N_ELEMENTS (existing) };
  g_autoptr(GlossaKnownNames) names = some_names ();
  gsize before = _glossa_suggest_set_parallel_min_bytes (parallel_from);
  g_autoptr(GPtrArray) out = glossa_suggest_article (text->str, text->len, dct, GLOSSA_SUGGEST_LANG_AUTO,
                                                     names, &options, error);

  _glossa_suggest_set_parallel_min_bytes (before);
  return out != NULL ? describe (out) : NULL;
}

/* Side by side and one after another: the same suggestions, links and
 * values, in the same order.
 */
static void
test_same (void)
{
  g_autoptr(GString) text = test_articles (300 * 1024);
  g_autofree char *serial = suggest (text, G_MAXSIZE, "2026-03-12", NULL);
  g_autofree char *parallel = suggest (text, 0, "2026-03-12", NULL);

  g_assert_nonnull (serial);
  /* Each suggester found something: quotes with links, valued dates, names. */
  g_assert_nonnull (strstr (serial, " quotes value=- link="));
  g_assert_nonnull (strstr (serial, " source "));
  g_assert_nonnull (strstr (serial, " dates value=2026"));
  g_assert_nonnull (strstr (serial, " names value=-"));
  g_assert_cmpstr (parallel, ==, serial);
}

/* A date the dates suggester refuses fails the whole, either way. */
static void
test_error (void)
{
  g_autoptr(GString) text = test_articles (300 * 1024);
  g_autoptr(GError) serial_error = NULL;
  g_autoptr(GError) parallel_error = NULL;
  g_autofree char *serial = suggest (text, G_MAXSIZE, "2026-13-45", &serial_error);
  g_autofree char *parallel = suggest (text, 0, "2026-13-45", &parallel_error);

  g_assert_null (serial);
  g_assert_null (parallel);
  g_assert_error (parallel_error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE);
  g_assert_cmpstr (parallel_error->message, ==, serial_error->message);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/suggest-parallel/same", test_same);
  g_test_add_func ("/core/suggest-parallel/error", test_error);
  return g_test_run ();
}
