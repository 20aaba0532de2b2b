/* test-suggest.c: tests of the common suggestion type, the known names and the merge
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "glossa-article.h"
#include "glossa-document.h"
#include "glossa-error.h"
#include "glossa-name-finder.h"
#include "glossa-suggest.h"

/* ---------------------------------------------------------------- helpers */

/* The suggestions for @text, one per line: "label:text:suggester", with
 * "=value" for a date's value and "->text" for a link's target.
 */
static char *
describe_all (GPtrArray  *out,
              const char *text)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < out->len; i++)
    {
      const GlossaSuggestion *sg = g_ptr_array_index (out, i);
      g_autofree char *slice = g_utf8_substring (text, sg->start, sg->end);
      const char *value = glossa_suggestion_get_attribute (sg, "value");

      g_assert_true (sg->score > 0 && sg->score <= 1);
      if (i > 0)
        g_string_append_c (s, '\n');
      g_string_append_printf (s, "%s:%s:%s", sg->label, slice, sg->suggester);
      if (value != NULL)
        g_string_append_printf (s, "=%s", value);
      if (sg->link_type != NULL)
        {
          g_autofree char *target = g_utf8_substring (text, sg->link_start, sg->link_end);

          g_string_append_printf (s, "->%s%s:%s", sg->link >= 0 ? "" : "existing ",
                                  sg->link_type, target);
          if (sg->link >= 0)
            {
              const GlossaSuggestion *t = g_ptr_array_index (out, sg->link);

              g_assert_cmpint (t->start, ==, sg->link_start);
              g_assert_cmpint (t->end, ==, sg->link_end);
            }
        }
    }
  return g_string_free (s, FALSE);
}

static char *
suggest (const char                 *text,
         const char                 *dct,
         GlossaKnownNames           *names,
         const GlossaSuggestOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) out = glossa_suggest_article (text, strlen (text), dct,
                                                     GLOSSA_SUGGEST_LANG_AUTO, names,
                                                     options, &error);

  g_assert_no_error (error);
  return describe_all (out, text);
}

#define assert_suggest(text, dct, names, options, expected) \
  G_STMT_START { \
    g_autofree char *got__ = suggest ((text), (dct), (names), (options)); \
    g_assert_cmpstr (got__, ==, (expected)); \
  } G_STMT_END

static char *
find_names (GlossaKnownNames *names,
            const char       *text)
{
  glong n = 0;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, &n);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_suggestion_free);

  glossa_known_names_find (names, chars, n, out);
  return describe_all (out, text);
}

#define assert_names(names, text, expected) \
  G_STMT_START { \
    g_autofree char *got__ = find_names ((names), (text)); \
    g_assert_cmpstr (got__, ==, (expected)); \
  } G_STMT_END

/* ------------------------------------------------------------ known names */

static void
test_names_longest (void)
{
  g_autoptr(GlossaKnownNames) names = glossa_known_names_new (TRUE);

  glossa_known_names_add (names, "Giorgia Meloni", "actor", 3);
  glossa_known_names_add (names, "Meloni", "actor", 2);
  glossa_known_names_add (names, "Giorgia", "actor", 1);
  glossa_known_names_add (names, "Roma", "actor", 1);
  assert_names (names, "Giorgia Meloni e Meloni, non Giorgia Melonis: Roma, Romagna, ARoma.",
                "actor:Giorgia Meloni:names\n"
                "actor:Meloni:names\n"
                "actor:Giorgia:names\n"
                "actor:Roma:names");
}

static void
test_names_case (void)
{
  g_autoptr(GlossaKnownNames) sensitive = glossa_known_names_new (TRUE);
  g_autoptr(GlossaKnownNames) insensitive = glossa_known_names_new (FALSE);
  const char *text = "Unite and unite, UNITE; Über über.";

  glossa_known_names_add (sensitive, "Unite", "actor", 1);
  glossa_known_names_add (sensitive, "Über", "actor", 1);
  glossa_known_names_add (insensitive, "Unite", "actor", 1);
  glossa_known_names_add (insensitive, "Über", "actor", 1);
  assert_names (sensitive, text, "actor:Unite:names\nactor:Über:names");
  assert_names (insensitive, text,
                "actor:Unite:names\nactor:unite:names\nactor:UNITE:names\n"
                "actor:Über:names\nactor:über:names");
}

static void
test_names_labels (void)
{
  g_autoptr(GlossaKnownNames) names = glossa_known_names_new (TRUE);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_suggestion_free);
  g_autofree gunichar *chars = NULL;
  double share = 0;
  glong n;

  /* Tagged as a claim twice and as an actor three times: an actor, 3/5. */
  glossa_known_names_add (names, "Green Deal", "claim", 2);
  glossa_known_names_add (names, "Green Deal", "actor", 3);
  glossa_known_names_add (names, "  Unite\n", "actor", 20);
  glossa_known_names_add (names, "Tie", "b", 1);
  glossa_known_names_add (names, "Tie", "a", 1);
  g_assert_cmpstr (glossa_known_names_lookup (names, "Green Deal", &share), ==, "actor");
  g_assert_cmpfloat_with_epsilon (share, 0.6, 1e-9);
  g_assert_cmpstr (glossa_known_names_lookup (names, "Tie", NULL), ==, "a");
  g_assert_cmpstr (glossa_known_names_lookup (names, "Unite", &share), ==, "actor");
  g_assert_cmpfloat (share, ==, 1.0);
  g_assert_null (glossa_known_names_lookup (names, "Nobody", NULL));

  /* Not names: empty, punctuation first, too long, invalid UTF-8. */
  g_assert_false (glossa_known_names_add (names, " ", "actor", 1));
  g_assert_false (glossa_known_names_add (names, "“Quoted”", "quote", 1));
  g_assert_false (glossa_known_names_add (names, "\xff", "actor", 1));
  {
    g_autofree char *long_text = g_strnfill (GLOSSA_KNOWN_NAME_MAX + 1, 'a');

    g_assert_false (glossa_known_names_add (names, long_text, "actor", 1));
  }
  g_assert_cmpuint (glossa_known_names_get_size (names), ==, 3);

  /* The name tagged twenty times scores above the one tagged five times
   * with a split vote.
   */
  chars = g_utf8_to_ucs4_fast ("Unite and the Green Deal", -1, &n);
  glossa_known_names_find (names, chars, n, out);
  g_assert_cmpuint (out->len, ==, 2);
  g_assert_cmpfloat (((GlossaSuggestion *) out->pdata[0])->score, >,
                     ((GlossaSuggestion *) out->pdata[1])->score);
}

static void
test_names_order_free (void)
{
  const char *entries[][2] = {
    { "Ursula von der Leyen", "actor" }, { "von der Leyen", "actor" },
    { "Leyen", "claim" }, { "Merz", "actor" }, { "Merz", "claim" }, { "der", "date" },
  };
  const char *text = "Ursula von der Leyen met Merz; von der Leyen and der Leyen.";
  g_autoptr(GlossaKnownNames) forward = glossa_known_names_new (TRUE);
  g_autoptr(GlossaKnownNames) backward = glossa_known_names_new (TRUE);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    glossa_known_names_add (forward, entries[i][0], entries[i][1], 1);
  for (guint i = G_N_ELEMENTS (entries); i-- > 0;)
    glossa_known_names_add (backward, entries[i][0], entries[i][1], 1);
  a = find_names (forward, text);
  b = find_names (backward, text);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==,
                   "actor:Ursula von der Leyen:names\n"
                   "actor:Merz:names\n"
                   "actor:von der Leyen:names\n"
                   "date:der:names\n"
                   "claim:Leyen:names");
}

/* -------------------------------------------------------------- gazetteer */

static void
test_gazetteer (void)
{
  g_autoptr(GlossaKnownNames) names = glossa_known_names_new (TRUE);
  const char *good = "# people\nAntónio Guterres\tactor\n\nUnhcr\tactor\r\n#end";
  struct { const char *data; const char *message; } bad[] = {
    { "Guterres actor\n", "g.tsv:1: expected a text, a tab and a label" },
    { "# c\nGuterres\tactor\tx\n", "g.tsv:2: expected a text, a tab and a label" },
    { "A\tactor\nB\t \n", "g.tsv:2: the label is empty" },
    { "\n\n“Quoted”\tquote\n", "g.tsv:3: the text must start with a letter or digit and be at most 200 characters long" },
    { "A\tactor\n\xff\tactor\n", "g.tsv:2: the line is not valid UTF-8" },
  };

  g_assert_true (glossa_known_names_parse_gazetteer (names, good, strlen (good), "g.tsv", NULL));
  g_assert_cmpuint (glossa_known_names_get_size (names), ==, 2);
  assert_names (names, "Secondo l'Unhcr e António Guterres.",
                "actor:Unhcr:names\nactor:António Guterres:names");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GlossaKnownNames) other = glossa_known_names_new (TRUE);
      g_autoptr(GError) error = NULL;

      g_assert_false (glossa_known_names_parse_gazetteer (other, bad[i].data, strlen (bad[i].data),
                                                          "g.tsv", &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, bad[i].message);
    }

  /* A NUL byte inside a line is refused with its line. */
  {
    g_autoptr(GlossaKnownNames) other = glossa_known_names_new (TRUE);
    g_autoptr(GError) error = NULL;

    g_assert_false (glossa_known_names_parse_gazetteer (other, "A\tactor\nB\0\tactor\n", 17,
                                                        "g.tsv", &error));
    g_assert_cmpstr (error->message, ==, "g.tsv:2: the line holds a NUL byte");
  }
}

static void
test_gazetteer_file (void)
{
  g_autoptr(GlossaKnownNames) names = glossa_known_names_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("glossa-gazetteer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, GLOSSA_GAZETTEER_NAME, NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.tsv", NULL);

  g_assert_true (g_file_set_contents (path, "Merz\tactor\n", -1, NULL));
  g_assert_true (glossa_known_names_load_gazetteer (names, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (glossa_known_names_lookup (names, "Merz", NULL), ==, "actor");

  /* A FIFO is refused at once, without blocking; a missing file names itself. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (glossa_known_names_load_gazetteer (names, fifo, &error));
  g_assert_nonnull (strstr (error->message, "fifo.tsv"));
  g_clear_error (&error);
  g_remove (fifo);
  g_remove (path);
  g_assert_false (glossa_known_names_load_gazetteer (names, path, &error));
  g_assert_nonnull (strstr (error->message, GLOSSA_GAZETTEER_NAME));
  g_rmdir (dir);
}

/* ------------------------------------------------------------ suggesters */

static void
test_quotes_linked (void)
{
  GlossaSuggestOptions quotes_only = { .suggesters = GLOSSA_SUGGESTER_QUOTES };

  assert_suggest ("“We are ready,” said Jen Psaki. “Really.”", NULL, NULL, &quotes_only,
                  "quote:We are ready,:quotes->source:Jen Psaki\n"
                  "actor:Jen Psaki:quotes\n"
                  "quote:Really.:quotes->source:Jen Psaki");
}

static void
test_dates_valued (void)
{
  GlossaSuggestOptions dates_only = { .suggesters = GLOSSA_SUGGESTER_DATES };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) out = NULL;

  assert_suggest ("The talks resume on Tuesday, not on 4 March 2025.", "2026-11-30", NULL,
                  &dates_only,
                  "date:Tuesday:dates=2026-12-01\ndate:4 March 2025:dates=2025-03-04");
  /* Without a date for the article, a relative date has no value. */
  assert_suggest ("The talks resume on Tuesday.", NULL, NULL, &dates_only, "date:Tuesday:dates");

  out = glossa_suggest_article ("Tuesday", 7, "2026-02-30", GLOSSA_SUGGEST_LANG_EN, NULL,
                                &dates_only, &error);
  g_assert_null (out);
  g_assert_nonnull (error);
  g_clear_error (&error);
  out = glossa_suggest_article ("\xff", 1, NULL, GLOSSA_SUGGEST_LANG_EN, NULL, NULL, &error);
  g_assert_null (out);
  g_assert_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING);
}

/* ----------------------------------------------------------------- merge */

static void
test_merge_overlaps (void)
{
  g_autoptr(GlossaKnownNames) names = glossa_known_names_new (TRUE);
  const char *text = "«Siamo pronti», ha detto Piantedosi il 3 marzo 2026. Matteo Piantedosi non c'era.";

  /* The name tagged often outranks the quote's speaker, which it
   * contains; the quote's link follows the winner.
   */
  glossa_known_names_add (names, "ha detto Piantedosi", "actor", 40);
  glossa_known_names_add (names, "Matteo Piantedosi", "actor", 40);
  glossa_known_names_add (names, "marzo 2026", "claim", 1);
  assert_suggest (text, "2026-11-30", names, NULL,
                  "quote:Siamo pronti:quotes->source:ha detto Piantedosi\n"
                  "actor:ha detto Piantedosi:names\n"
                  "date:3 marzo 2026:dates=2026-03-03\n"
                  "claim:marzo 2026:names\n"
                  "actor:Matteo Piantedosi:names");

  /* Tagged once, the same name loses to the quote's speaker (higher
   * score), and a date of one label does not block a claim of another.
   */
  {
    g_autoptr(GlossaKnownNames) weak = glossa_known_names_new (TRUE);

    glossa_known_names_add (weak, "ha detto Piantedosi", "actor", 1);
    assert_suggest (text, "2026-11-30", weak, NULL,
                    "quote:Siamo pronti:quotes->source:Piantedosi\n"
                    "actor:Piantedosi:quotes\n"
                    "date:3 marzo 2026:dates=2026-03-03");
  }
}

static void
test_merge_existing (void)
{
  const char *text = "“We are ready,” said Jen Psaki on Tuesday.";
  GlossaSuggestExisting spans[] = {
    { 21, 30, "actor" },       /* Jen Psaki */
    { 34, 41, "claim" },       /* Tuesday, with another label */
  };
  GlossaSuggestOptions options = { .existing = spans, .n_existing = G_N_ELEMENTS (spans) };
  const char *const only_quotes[] = { "quote", NULL };
  GlossaSuggestOptions only = { .labels = only_quotes };

  /* The speaker is already tagged: no actor suggested, and the quote links
   * to the existing span.
   */
  assert_suggest (text, "2026-11-30", NULL, &options,
                  "quote:We are ready,:quotes->existing source:Jen Psaki\n"
                  "date:Tuesday:dates=2026-12-01");
  /* An actor already tagged inside the speaker beats it, and takes the link. */
  {
    GlossaSuggestExisting surname[] = { { 25, 30, "actor" } };
    GlossaSuggestOptions inside = { .existing = surname, .n_existing = 1 };

    assert_suggest (text, "2026-11-30", NULL, &inside,
                    "quote:We are ready,:quotes->existing source:Psaki\n"
                    "date:Tuesday:dates=2026-12-01");
  }
  /* Only quotes: the speaker is not suggested, so there is no link. */
  assert_suggest (text, "2026-11-30", NULL, &only, "quote:We are ready,:quotes");
}

/* The same arguments give the same suggestions, whatever ran before. */
static void
test_deterministic (void)
{
  g_autoptr(GlossaKnownNames) names = glossa_known_names_new (TRUE);
  const char *text = "“We will not stop,” she said on Monday. Psaki said: “We act now.” Psaki left.";
  g_autofree char *first = NULL;
  g_autofree char *other = NULL;
  g_autofree char *again = NULL;

  glossa_known_names_add (names, "Psaki", "actor", 2);
  glossa_known_names_add (names, "Monday", "date", 2);
  first = suggest (text, "2026-11-30", names, NULL);
  other = suggest ("«Siamo pronti», ha detto il ministro lunedì.", "2026-11-30", names, NULL);
  again = suggest (text, "2026-11-30", names, NULL);
  g_assert_cmpstr (first, ==, again);
}

/* ---------------------------------------------------- figures on test sets */

static double
ratio (guint a,
       guint b)
{
  return b == 0 ? 1.0 : (double) a / b;
}

static GPtrArray *
list_files (const char *folder,
            const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (names, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  return names;
}

typedef struct
{
  gint64 start;
  gint64 end;
  char  *label;
  gboolean tagged;
} Marked;

static void
marked_free (gpointer data)
{
  Marked *m = data;

  g_free (m->label);
  g_free (m);
}

/* Strips the marks of a .marked file (see tests/data/suggest/README.md),
 * returning the text and its marked spans.
 */
static char *
parse_marked (const char *data,
              GPtrArray  *spans)
{
  GString *text = g_string_new (NULL);
  gint64 cp = 0;

  for (const char *p = data; *p != '\0';)
    {
      if ((*p == '[' || *p == '{') && strchr (p, ':') != NULL)
        {
          char close = *p == '[' ? ']' : '}';
          const char *colon = strchr (p, ':');
          const char *end = strchr (colon, close);
          Marked *m = g_new0 (Marked, 1);

          g_assert_nonnull (end);
          m->tagged = *p == '[';
          m->label = g_strndup (p + 1, colon - p - 1);
          m->start = cp;
          g_string_append_len (text, colon + 1, end - colon - 1);
          cp += g_utf8_strlen (colon + 1, end - colon - 1);
          m->end = cp;
          g_ptr_array_add (spans, m);
          p = end + 1;
          continue;
        }
      g_string_append_c (text, *p);
      if ((*p & 0xc0) != 0x80)
        cp++;
      p++;
    }
  return g_string_free (text, FALSE);
}

static void
test_figures_names (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "suggest", "names", NULL);
  g_autoptr(GPtrArray) files = list_files (folder, ".marked");
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) all_spans = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GlossaKnownNames) names = glossa_known_names_new (TRUE);
  GlossaSuggestOptions options = { .suggesters = GLOSSA_SUGGESTER_NAMES };
  guint suggested = 0, right = 0, gold = 0, found = 0, gold_known = 0, found_known = 0;

  g_assert_cmpuint (files->len, >=, 4);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *data = NULL;
      GPtrArray *spans = g_ptr_array_new_with_free_func (marked_free);
      char *text;

      g_assert_true (g_file_get_contents (g_ptr_array_index (files, i), &data, NULL, NULL));
      text = parse_marked (data, spans);
      for (guint k = 0; k < spans->len; k++)
        {
          Marked *m = g_ptr_array_index (spans, k);
          g_autofree char *slice = g_utf8_substring (text, m->start, m->end);

          if (m->tagged)
            glossa_known_names_add (names, slice, m->label, 1);
        }
      g_ptr_array_add (texts, text);
      g_ptr_array_add (all_spans, spans);
    }

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      GPtrArray *spans = g_ptr_array_index (all_spans, i);
      g_autoptr(GArray) existing = g_array_new (FALSE, FALSE, sizeof (GlossaSuggestExisting));
      g_autoptr(GPtrArray) out = NULL;

      for (guint k = 0; k < spans->len; k++)
        {
          Marked *m = g_ptr_array_index (spans, k);
          GlossaSuggestExisting e = { m->start, m->end, m->label };

          if (m->tagged)
            g_array_append_val (existing, e);
          else
            gold++;
        }
      options.existing = (GlossaSuggestExisting *) existing->data;
      options.n_existing = existing->len;
      out = glossa_suggest_article (text, strlen (text), NULL, GLOSSA_SUGGEST_LANG_AUTO, names,
                                    &options, NULL);
      g_assert_nonnull (out);
      suggested += out->len;
      for (guint k = 0; k < spans->len; k++)
        {
          Marked *m = g_ptr_array_index (spans, k);
          gboolean hit = FALSE;

          g_autofree char *slice = g_utf8_substring (text, m->start, m->end);
          gboolean known = glossa_known_names_lookup (names, slice, NULL) != NULL;

          if (m->tagged)
            continue;
          for (guint j = 0; j < out->len; j++)
            {
              GlossaSuggestion *s = g_ptr_array_index (out, j);

              hit |= s->start == m->start && s->end == m->end && strcmp (s->label, m->label) == 0;
            }
          found += hit;
          gold_known += known;
          found_known += known && hit;
          if (!hit)
            g_test_message ("names: missed %s%s", slice, known ? "" : " (never tagged)");
        }
      for (guint j = 0; j < out->len; j++)
        {
          GlossaSuggestion *s = g_ptr_array_index (out, j);
          gboolean hit = FALSE;

          for (guint k = 0; k < spans->len; k++)
            {
              Marked *m = g_ptr_array_index (spans, k);

              hit |= !m->tagged && s->start == m->start && s->end == m->end &&
                     strcmp (s->label, m->label) == 0;
            }
          right += hit;
          if (!hit)
            {
              g_autofree char *slice = g_utf8_substring (text, s->start, s->end);

              g_test_message ("names: suggested, not gold: %s %s", s->label, slice);
            }
        }
    }
  /* Recall over all the untagged names, and over those whose text was
   * tagged somewhere: a surname alone is not found from a full name.
   */
  g_test_message ("names: %u articles, %u gold untagged (%u with a text tagged elsewhere), "
                  "%u suggested: precision %.3f, recall %.3f (%.3f of those with a known text)",
                  texts->len, gold, gold_known, suggested, ratio (right, suggested),
                  ratio (found, gold), ratio (found_known, gold_known));
  g_assert_cmpfloat (ratio (right, suggested), >=, 0.9);
  g_assert_cmpfloat (ratio (found, gold), >=, 0.3);
  g_assert_cmpfloat (ratio (found_known, gold_known), >=, 0.95);
}

/* Dates through the merge, scored as the date tagger's own test does:
 * found when a suggestion overlaps the gold one, valued when its value is
 * the gold value too.
 */
static void
score_dates (const char *set,
             double      f1_floor,
             double      valued_floor)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "timex", set, NULL);
  g_autoptr(GPtrArray) files = list_files (folder, ".txt");
  GlossaSuggestOptions options = { .suggesters = GLOSSA_SUGGESTER_DATES };
  guint suggested = 0, right = 0, gold = 0, found = 0, valued = 0;
  double precision, recall, f1;

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *stem = g_strndup (path, strlen (path) - 4);
      g_autofree char *gold_path = g_strconcat (stem, ".gold.tsv", NULL);
      g_autofree char *text = NULL;
      g_autofree char *tsv = NULL;
      g_autofree char *dct = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GPtrArray) out = NULL;
      g_autofree gboolean *matched = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &text, &len, NULL));
      g_assert_true (g_file_get_contents (gold_path, &tsv, NULL, NULL));
      dct = glossa_article_find_date (text, len);
      out = glossa_suggest_article (text, len, dct, GLOSSA_SUGGEST_LANG_AUTO, NULL, &options, NULL);
      g_assert_nonnull (out);
      matched = g_new0 (gboolean, out->len + 1);
      suggested += out->len;
      lines = g_strsplit (tsv, "\n", -1);
      for (char **l = lines; *l != NULL; l++)
        {
          g_auto(GStrv) f = NULL;
          gint64 start, end;
          gboolean hit = FALSE, same = FALSE;

          if (**l == '#' || **l == '\0')
            continue;
          f = g_strsplit (*l, "\t", -1);
          g_assert_cmpuint (g_strv_length (f), >=, 4);
          start = g_ascii_strtoll (f[0], NULL, 10);
          end = g_ascii_strtoll (f[1], NULL, 10);
          gold++;
          for (guint j = 0; j < out->len; j++)
            {
              GlossaSuggestion *s = g_ptr_array_index (out, j);

              if (s->start < end && start < s->end)
                {
                  hit = matched[j] = TRUE;
                  same |= g_strcmp0 (glossa_suggestion_get_attribute (s, "value"), f[3]) == 0;
                }
            }
          found += hit;
          valued += same;
        }
      for (guint j = 0; j < out->len; j++)
        right += matched[j];
    }
  precision = ratio (right, suggested);
  recall = ratio (found, gold);
  f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  g_test_message ("dates/%s: %u gold, %u suggested: precision %.3f, recall %.3f, F1 %.3f, "
                  "right value for %.3f of all gold dates",
                  set, gold, suggested, precision, recall, f1, ratio (valued, gold));
  g_assert_cmpfloat (f1, >=, f1_floor);
  g_assert_cmpfloat (ratio (valued, gold), >=, valued_floor);
}

static void
test_figures_dates (void)
{
  score_dates ("articles", 0.9, 0.8);
  score_dates ("heldout", 0.85, 0.75);
}

/* Quotes and their sources through the merge, on the quote suggester's
 * test sets, scored as test-suggest-quotes scores the suggester itself: a
 * quote is right when it overlaps a gold quotation, a direct quotation is
 * found when a quote has its exact extent, and the source is right when
 * the quote's link lands on one of the gold speaker's mentions.
 */
typedef struct
{
  guint suggested, right, direct, direct_found, found, source_right;
} QuoteScore;

static gboolean
overlap (gint64 a, gint64 b, gint64 c, gint64 d)
{
  return a < d && c < b;
}

static gboolean
link_right (const GlossaSuggestion *quote,
            JsonObject             *gold)
{
  JsonArray *speakers = json_object_get_array_member (gold, "speakers");

  for (guint i = 0; quote->link_type != NULL && i < json_array_get_length (speakers); i++)
    {
      JsonObject *m = json_array_get_object_element (speakers, i);

      if (overlap (quote->link_start, quote->link_end, json_object_get_int_member (m, "start"),
                   json_object_get_int_member (m, "end")))
        return TRUE;
    }
  return FALSE;
}

static void
score_quotes (QuoteScore *score,
              GPtrArray  *out,
              JsonArray  *gold)
{
  for (guint j = 0; j < out->len; j++)
    {
      const GlossaSuggestion *s = g_ptr_array_index (out, j);
      gboolean hit = FALSE;

      if (strcmp (s->label, "quote") != 0)
        continue;
      score->suggested++;
      for (guint g = 0; g < json_array_get_length (gold); g++)
        {
          JsonObject *q = json_array_get_object_element (gold, g);

          hit |= overlap (s->start, s->end, json_object_get_int_member (q, "start"),
                          json_object_get_int_member (q, "end"));
        }
      score->right += hit;
    }
  for (guint g = 0; g < json_array_get_length (gold); g++)
    {
      JsonObject *q = json_array_get_object_element (gold, g);
      gint64 start = json_object_get_int_member (q, "start"), end = json_object_get_int_member (q, "end");
      gboolean direct = strcmp (json_object_get_string_member (q, "kind"), "direct") == 0;
      const GlossaSuggestion *first = NULL;
      gboolean exact = FALSE;

      for (guint j = 0; j < out->len; j++)
        {
          const GlossaSuggestion *s = g_ptr_array_index (out, j);

          if (strcmp (s->label, "quote") != 0 || !overlap (s->start, s->end, start, end))
            continue;
          first = first != NULL ? first : s;
          exact |= s->start == start && s->end == end;
        }
      score->direct += direct;
      score->direct_found += direct && exact;
      score->found += first != NULL;
      score->source_right += first != NULL && link_right (first, q);
    }
}

static void
test_figures_quotes (void)
{
  const char *sets[] = { "articles", "heldout", "heldout2", "heldout3" };
  const char *langs[] = { "en", "it" };
  GlossaSuggestOptions options = { .suggesters = GLOSSA_SUGGESTER_QUOTES };

  for (guint k = 0; k < G_N_ELEMENTS (sets); k++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "quotes", sets[k], NULL);
        g_autoptr(GPtrArray) files = list_files (folder, ".txt");
        QuoteScore score = { 0 };

        for (guint i = 0; i < files->len; i++)
          {
            const char *path = g_ptr_array_index (files, i);
            g_autofree char *base = g_path_get_basename (path);
            g_autofree char *stem = g_strndup (path, strlen (path) - 4);
            g_autofree char *gold_path = g_strconcat (stem, ".gold.json", NULL);
            g_autoptr(JsonParser) parser = json_parser_new ();
            g_autofree char *text = NULL;
            g_autoptr(GPtrArray) out = NULL;
            gsize len;

            if (!g_str_has_prefix (base, langs[l]))
              continue;
            g_assert_true (g_file_get_contents (path, &text, &len, NULL));
            g_assert_true (json_parser_load_from_file (parser, gold_path, NULL));
            out = glossa_suggest_article (text, len, NULL, GLOSSA_SUGGEST_LANG_AUTO, NULL, &options, NULL);
            g_assert_nonnull (out);
            score_quotes (&score, out,
                          json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                        "quotes"));
          }
        g_test_message ("quotes/%s/%s: %u suggested: precision %.3f, direct recall %.3f, "
                        "right source (by the link) for %.3f of the quotations found",
                        sets[k], langs[l], score.suggested, ratio (score.right, score.suggested),
                        ratio (score.direct_found, score.direct), ratio (score.source_right, score.found));
        g_assert_cmpuint (score.suggested, >, 0);
        g_assert_cmpfloat (ratio (score.right, score.suggested), >=, 0.95);
        g_assert_cmpfloat (ratio (score.direct_found, score.direct), >=, 0.95);
        g_assert_cmpfloat (ratio (score.source_right, score.found), >=, 0.8);
      }
}

/* ------------------------------------------------------------ rejections */

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Only whole entries count: integer offsets and a string label. */
static void
test_read_rejected (void)
{
  g_autoptr(JsonObject) extra = parse_object (
    "{\"rejected_suggestions\": [{\"start\": 3, \"end\": 9, \"label\": \"actor\"},"
    " {\"start\": \"3\", \"end\": 9, \"label\": \"date\"}, {\"start\": 1, \"end\": 2},"
    " {\"start\": 1.5, \"end\": 2, \"label\": \"date\"}, {\"start\": 1, \"end\": 2, \"label\": 7},"
    " \"junk\", null, [1, 2, \"quote\"], {\"start\": 10, \"end\": 20, \"label\": \"quote\", \"x\": 1}],"
    " \"other\": 1}");
  g_autoptr(JsonObject) not_list = parse_object ("{\"rejected_suggestions\": {\"start\": 3, \"end\": 9, \"label\": \"actor\"}}");
  g_autoptr(GHashTable) keys = glossa_suggest_read_rejected (extra);
  g_autoptr(GHashTable) none = glossa_suggest_read_rejected (not_list);
  g_autoptr(GHashTable) null = glossa_suggest_read_rejected (NULL);
  g_autofree char *key = glossa_suggestion_key (3, 9, "actor");

  g_assert_cmpstr (key, ==, "3:9:actor");
  g_assert_cmpuint (g_hash_table_size (keys), ==, 2);
  g_assert_true (g_hash_table_contains (keys, "3:9:actor"));
  g_assert_true (g_hash_table_contains (keys, "10:20:quote"));
  g_assert_cmpuint (g_hash_table_size (none), ==, 0);
  g_assert_cmpuint (g_hash_table_size (null), ==, 0);
}

static char *
serialized (GlossaDocument *document)
{
  g_autoptr(GBytes) bytes = glossa_document_serialize (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A member set as an undoable step: undo takes it back (removed when it
 * was not there), redo sets it again, and the file says so each time.
 */
static void
test_rejection_undo (void)
{
  const char *text = "Anna Rossi said so.";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaArticle) article = glossa_article_new_from_data (text, strlen (text), "a.txt", &error);
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(JsonObject) first = parse_object ("{\"v\": [{\"start\": 0, \"end\": 10, \"label\": \"actor\"}]}");
  g_autoptr(JsonObject) second = parse_object ("{\"v\": [{\"start\": 0, \"end\": 10, \"label\": \"actor\"},"
                                               " {\"start\": 11, \"end\": 15, \"label\": \"date\"}]}");
  g_autofree char *before = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  document = glossa_document_new (article, NULL);
  glossa_document_set_user (document, "Ada");
  before = serialized (document);
  g_assert_null (strstr (before, "rejected_suggestions"));
  glossa_document_set_extra_member_undoable (document, GLOSSA_REJECTED_SUGGESTIONS_MEMBER,
                                             json_node_copy (json_object_get_member (first, "v")), "Reject");
  one = serialized (document);
  g_assert_nonnull (strstr (one, "\"rejected_suggestions\": [\n    {\n      \"start\": 0,\n      \"end\": 10,"));
  g_assert_nonnull (strstr (one, "\"annotator\": \"Ada\""));
  glossa_document_set_extra_member_undoable (document, GLOSSA_REJECTED_SUGGESTIONS_MEMBER,
                                             json_node_copy (json_object_get_member (second, "v")), "Reject");
  two = serialized (document);
  g_assert_nonnull (strstr (two, "\"start\": 11"));

  g_assert_true (glossa_document_undo (document));
  again = serialized (document);
  g_assert_cmpstr (again, ==, one);
  g_assert_true (glossa_document_undo (document));
  g_assert_null (glossa_document_get_extra_member (document, GLOSSA_REJECTED_SUGGESTIONS_MEMBER));
  g_free (again);
  again = serialized (document);
  g_assert_null (strstr (again, "rejected_suggestions"));
  g_assert_false (glossa_document_can_undo (document));
  g_assert_true (glossa_document_redo (document));
  g_assert_true (glossa_document_redo (document));
  g_free (again);
  again = serialized (document);
  g_assert_cmpstr (again, ==, two);
  g_assert_cmpuint (glossa_document_get_n_spans (document), ==, 0);
}

/* One name found again: whole words only, code-point offsets past
 * multi-byte text, letter case as given, none overlapping.
 */
static void
test_name_finder (void)
{
  const char *text = "Città: Anna Rossi, Anna Rossini, ANNA ROSSI, Anna Rossi.\nAnna Rossi";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaArticle) article = glossa_article_new_from_data (text, strlen (text), "a.txt", &error);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_suggestion_free);
  g_autoptr(GString) got = g_string_new (NULL);

  g_assert_no_error (error);
  glossa_name_finder_find (article, "  Anna Rossi ", "actor", 0.5, out);
  for (guint i = 0; i < out->len; i++)
    {
      GlossaSuggestion *s = g_ptr_array_index (out, i);
      g_autofree char *slice = glossa_article_slice (article, s->start, s->end);

      g_assert_cmpstr (slice, ==, "Anna Rossi");
      g_assert_cmpstr (s->label, ==, "actor");
      g_assert_cmpstr (s->suggester, ==, "names");
      g_string_append_printf (got, "%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " ", s->start, s->end);
    }
  g_assert_cmpstr (got->str, ==, "7-17 45-55 57-67 ");

  g_ptr_array_set_size (out, 0);
  glossa_name_finder_find (article, "tà", "actor", 0.5, out);
  glossa_name_finder_find (article, "ossi", "actor", 0.5, out);
  glossa_name_finder_find (article, ", Anna", "actor", 0.5, out);
  g_assert_cmpuint (out->len, ==, 0);
  g_assert_false (glossa_name_finder_accepts (""));
  g_assert_false (glossa_name_finder_accepts ("“Anna”"));
  g_assert_true (glossa_name_finder_accepts ("Città"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/suggest/names/longest", test_names_longest);
  g_test_add_func ("/core/suggest/names/case", test_names_case);
  g_test_add_func ("/core/suggest/names/labels", test_names_labels);
  g_test_add_func ("/core/suggest/names/order-free", test_names_order_free);
  g_test_add_func ("/core/suggest/gazetteer/parse", test_gazetteer);
  g_test_add_func ("/core/suggest/gazetteer/file", test_gazetteer_file);
  g_test_add_func ("/core/suggest/quotes-linked", test_quotes_linked);
  g_test_add_func ("/core/suggest/dates-valued", test_dates_valued);
  g_test_add_func ("/core/suggest/merge/overlaps", test_merge_overlaps);
  g_test_add_func ("/core/suggest/merge/existing", test_merge_existing);
  g_test_add_func ("/core/suggest/deterministic", test_deterministic);
  g_test_add_func ("/core/suggest/figures/names", test_figures_names);
  g_test_add_func ("/core/suggest/figures/dates", test_figures_dates);
  g_test_add_func ("/core/suggest/figures/quotes", test_figures_quotes);
  g_test_add_func ("/core/suggest/read-rejected", test_read_rejected);
  g_test_add_func ("/core/suggest/rejection-undo", test_rejection_undo);
  g_test_add_func ("/core/suggest/name-finder", test_name_finder);

  return g_test_run ();
}
