/* glossa-suggest.c: suggestions from every suggester, in one type, merged
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each suggester appends its candidates to one array; the merge then
 * ranks them, keeps per label a set of non-overlapping winners (a tree by
 * start, so each check is a logarithmic look-up), drops what the article
 * already has, and last renumbers the links into the final array.
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n.h>

#include "glossa-error.h"
#include "glossa-suggest-private.h"
#include "glossa-suggest.h"
#include "glossa-timex.h"

/* Ordered as the merge prefers them when all else is equal. */
static const char *const suggester_names[] = { "quotes", "dates", "names" };

const char *
glossa_suggester_to_string (GlossaSuggesters suggester)
{
  for (guint i = 0; i < G_N_ELEMENTS (suggester_names); i++)
    if (suggester == (1u << i))
      return suggester_names[i];
  return NULL;
}

static guint
suggester_rank (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (suggester_names); i++)
    if (name == suggester_names[i])
      return i;
  return G_N_ELEMENTS (suggester_names);
}

GlossaSuggestion *
glossa_suggestion_new (gint64            start,
                       gint64            end,
                       const char       *label,
                       double            score,
                       GlossaSuggesters  suggester)
{
  GlossaSuggestion *s = g_new0 (GlossaSuggestion, 1);

  g_return_val_if_fail (label != NULL, NULL);

  s->start = start;
  s->end = end;
  s->label = g_strdup (label);
  s->score = score;
  s->suggester = glossa_suggester_to_string (suggester);
  s->link = -1;
  s->link_start = s->link_end = -1;
  return s;
}

void
glossa_suggestion_free (GlossaSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->label);
  g_clear_pointer (&suggestion->attributes, g_hash_table_unref);
  g_free (suggestion);
}

const char *
glossa_suggestion_get_attribute (const GlossaSuggestion *suggestion,
                                 const char             *name)
{
  g_return_val_if_fail (suggestion != NULL && name != NULL, NULL);

  if (suggestion->attributes == NULL)
    return NULL;
  return g_hash_table_lookup (suggestion->attributes, name);
}

void
glossa_suggestion_set_attribute (GlossaSuggestion *suggestion,
                                 const char       *name,
                                 const char       *value)
{
  g_return_if_fail (suggestion != NULL && name != NULL && value != NULL);

  if (suggestion->attributes == NULL)
    suggestion->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (suggestion->attributes, g_strdup (name), g_strdup (value));
}

/* ------------------------------------------------------------ suggesters */

/* A candidate's link before the merge: the index of its target among the
 * candidates, kept in GlossaSuggestion.link until renumbered.
 */
static void
run_quotes (const char        *text,
            gsize              len,
            GlossaSuggestLang  lang,
            GPtrArray         *out)
{
  g_autoptr(GPtrArray) quotes = NULL;

  if (!glossa_suggest_quotes (text, len, lang, &quotes))
    return;
  for (guint i = 0; i < quotes->len; i++)
    {
      const GlossaQuoteSuggestion *q = g_ptr_array_index (quotes, i);
      GlossaSuggestion *quote = glossa_suggestion_new (q->start, q->end, "quote", q->score,
                                                       GLOSSA_SUGGESTER_QUOTES);

      g_ptr_array_add (out, quote);
      if (q->speaker_start < 0)
        continue;
      quote->link = out->len;
      quote->link_type = "source";
      quote->link_start = q->speaker_start;
      quote->link_end = q->speaker_end;
      g_ptr_array_add (out, glossa_suggestion_new (q->speaker_start, q->speaker_end, "actor",
                                                   q->score, GLOSSA_SUGGESTER_QUOTES));
    }
}

/* Dates the normaliser knows are sure; one it cannot give a value (a
 * relative date in an article without a date) less so.
 */
#define DATE_SCORE          0.9
#define DATE_NO_VALUE_SCORE 0.6

static gboolean
run_dates (const char        *text,
           gsize              len,
           const char        *dct,
           GlossaSuggestLang  lang,
           GPtrArray         *out,
           GError           **error)
{
  GlossaTimexLang timex_lang = lang == GLOSSA_SUGGEST_LANG_IT ? GLOSSA_TIMEX_LANG_IT
                             : lang == GLOSSA_SUGGEST_LANG_EN ? GLOSSA_TIMEX_LANG_EN
                             : GLOSSA_TIMEX_LANG_AUTO;
  g_autoptr(GPtrArray) dates = glossa_timex_find (text, len, dct, timex_lang, NULL, error);

  if (dates == NULL)
    return FALSE;
  for (guint i = 0; i < dates->len; i++)
    {
      const GlossaTimex *t = g_ptr_array_index (dates, i);
      GlossaSuggestion *s = glossa_suggestion_new (t->start, t->end, "date",
                                                   t->value != NULL ? DATE_SCORE : DATE_NO_VALUE_SCORE,
                                                   GLOSSA_SUGGESTER_DATES);

      if (t->value != NULL)
        glossa_suggestion_set_attribute (s, "value", t->value);
      g_ptr_array_add (out, s);
    }
  return TRUE;
}

static void
run_names (const char       *text,
           gsize             len,
           GlossaKnownNames *known_names,
           GPtrArray        *out)
{
  glong n = 0;
  g_autofree gunichar *chars = NULL;

  /* Nothing to find: the article's code points are not worth making. */
  if (glossa_known_names_get_size (known_names) == 0)
    return;
  chars = g_utf8_to_ucs4_fast (text, len, &n);
  glossa_known_names_find (known_names, chars, n, out);
}

/* A long article has its suggesters run side by side, dates and names
 * each in a thread of its own while quotes are found in the caller's;
 * their candidates are then joined in the order the suggesters run one
 * after another would have found them, so the merge sees the same array
 * and the result is the same. Below this, threads cost more than they save.
 */
#define PARALLEL_MIN_BYTES (256 * 1024)

static gsize parallel_min_bytes = PARALLEL_MIN_BYTES;

gsize
_glossa_suggest_set_parallel_min_bytes (gsize bytes)
{
  gsize before = parallel_min_bytes;

  parallel_min_bytes = bytes;
  return before;
}

typedef struct
{
  const char        *text;
  gsize              len;
  const char        *dct;
  GlossaSuggestLang  lang;
  GlossaKnownNames  *known_names;  /* NULL: dates */
  GPtrArray         *out;
  GError            *error;
  gboolean           ok;
} SuggesterRun;

/* The CPU time the side threads took, in µs, for benchmarks. */
static gssize helper_cpu_time;

static gint64
thread_cpu_time (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

gint64
_glossa_suggest_get_helper_cpu_time (void)
{
  return g_atomic_pointer_get (&helper_cpu_time);
}

static gpointer
suggester_run_thread (gpointer data)
{
  SuggesterRun *run = data;
  gint64 cpu = thread_cpu_time ();

  if (run->known_names != NULL)
    run_names (run->text, run->len, run->known_names, run->out);
  else
    run->ok = run_dates (run->text, run->len, run->dct, run->lang, run->out, &run->error);
  g_atomic_pointer_add (&helper_cpu_time, thread_cpu_time () - cpu);
  return NULL;
}

/* Runs @run in a new thread, or here when none can be made. */
static GThread *
suggester_run_start (SuggesterRun *run)
{
  GThread *thread = g_thread_try_new ("glossa-suggest", suggester_run_thread, run, NULL);

  if (thread == NULL)
    suggester_run_thread (run);
  return thread;
}

/* Moves @part's candidates to the end of @all, their links (indices into
 * @part) renumbered.
 */
static void
append_candidates (GPtrArray *all,
                   GPtrArray *part)
{
  guint base = all->len;

  for (guint i = 0; i < part->len; i++)
    {
      GlossaSuggestion *s = g_ptr_array_index (part, i);

      if (s->link >= 0)
        s->link += base;
      g_ptr_array_add (all, s);
    }
  g_ptr_array_set_free_func (part, NULL);
  g_ptr_array_set_size (part, 0);
}

static gboolean
run_side_by_side (const char         *text,
                  gsize               len,
                  const char         *dct,
                  GlossaSuggestLang   lang,
                  GlossaSuggesters    enabled,
                  GlossaKnownNames   *known_names,
                  GPtrArray          *all,
                  GError            **error)
{
  SuggesterRun dates = { text, len, dct, lang, NULL, NULL, NULL, TRUE };
  SuggesterRun names = { text, len, dct, lang, known_names, NULL, NULL, TRUE };
  g_autoptr(GPtrArray) dates_out = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_suggestion_free);
  g_autoptr(GPtrArray) names_out = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_suggestion_free);
  GThread *dates_thread = NULL, *names_thread = NULL;

  dates.out = dates_out;
  names.out = names_out;
  if (enabled & GLOSSA_SUGGESTER_DATES)
    dates_thread = suggester_run_start (&dates);
  if ((enabled & GLOSSA_SUGGESTER_NAMES) && known_names != NULL &&
      glossa_known_names_get_size (known_names) > 0)
    names_thread = suggester_run_start (&names);
  if (enabled & GLOSSA_SUGGESTER_QUOTES)
    run_quotes (text, len, lang, all);
  if (dates_thread != NULL)
    g_thread_join (dates_thread);
  if (names_thread != NULL)
    g_thread_join (names_thread);
  if (!dates.ok)
    {
      g_propagate_error (error, dates.error);
      return FALSE;
    }
  append_candidates (all, dates_out);
  append_candidates (all, names_out);
  return TRUE;
}

/* ----------------------------------------------------------------- merge */

static int
compare_rank (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  GPtrArray *all = user_data;
  const GlossaSuggestion *x = g_ptr_array_index (all, *(const guint *) a);
  const GlossaSuggestion *y = g_ptr_array_index (all, *(const guint *) b);
  guint rx = suggester_rank (x->suggester), ry = suggester_rank (y->suggester);

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->end - x->start != y->end - y->start)
    return x->end - x->start > y->end - y->start ? -1 : 1;
  if (rx != ry)
    return rx < ry ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return strcmp (x->label, y->label);
}

static int
compare_start (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const GlossaSuggestion *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* Whether @s overlaps one of the kept suggestions in @kept, a tree of
 * non-overlapping suggestions by start: only the last one starting before
 * @s ends can.
 */
static GlossaSuggestion *
overlapping (GTree                  *kept,
             const GlossaSuggestion *s)
{
  GlossaSuggestion probe = { .start = s->end };
  GTreeNode *node = g_tree_lower_bound (kept, &probe);
  GlossaSuggestion *before;

  node = node == NULL ? g_tree_node_last (kept) : g_tree_node_previous (node);
  if (node == NULL)
    return NULL;
  before = g_tree_node_value (node);
  return before->end > s->start ? before : NULL;
}

static gboolean
label_wanted (const GlossaSuggestOptions *options,
              const char                 *label)
{
  return options->labels == NULL || g_strv_contains (options->labels, label);
}

static GTree *
tree_for (GHashTable *trees,
          const char *label)
{
  GTree *tree = g_hash_table_lookup (trees, label);

  if (tree == NULL)
    {
      tree = g_tree_new_full (compare_start, NULL, NULL, NULL);
      g_hash_table_insert (trees, g_strdup (label), tree);
    }
  return tree;
}

static int
compare_longest (gconstpointer a,
                 gconstpointer b)
{
  const GlossaSuggestion *x = *(GlossaSuggestion **) a, *y = *(GlossaSuggestion **) b;

  if (x->end - x->start != y->end - y->start)
    return x->end - x->start > y->end - y->start ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* The article's spans, as stand-ins that beat every suggestion of their
 * label that overlaps them. Spans of one label may overlap each other,
 * while a tree holds none that do: the longest are put in, and one inside
 * them adds nothing, since whatever overlaps it overlaps them too.
 */
static GPtrArray *
existing_stand_ins (const GlossaSuggestOptions *options,
                    GHashTable                 *trees)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_suggestion_free);

  for (gsize i = 0; i < options->n_existing; i++)
    {
      const GlossaSuggestExisting *e = &options->existing[i];

      if (e->label != NULL && e->start < e->end)
        g_ptr_array_add (spans, glossa_suggestion_new (e->start, e->end, e->label, 1, 0));
    }
  g_ptr_array_sort (spans, compare_longest);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSuggestion *span = g_ptr_array_index (spans, i);
      GTree *tree = tree_for (trees, span->label);

      if (overlapping (tree, span) == NULL)
        g_tree_insert (tree, span, span);
    }
  return spans;
}

/* The winner of each candidate: itself when kept, the kept suggestion or
 * existing span of its label that beat it, or NULL when it was left out
 * (a label not asked for).
 */
static GlossaSuggestion **
choose (GPtrArray                  *all,
        const GlossaSuggestOptions *options,
        GHashTable                 *trees)
{
  g_autofree guint *order = g_new (guint, all->len + 1);
  GlossaSuggestion **winner = g_new0 (GlossaSuggestion *, all->len + 1);

  for (guint i = 0; i < all->len; i++)
    order[i] = i;
  g_qsort_with_data (order, all->len, sizeof (guint), compare_rank, all);

  for (guint k = 0; k < all->len; k++)
    {
      GlossaSuggestion *s = g_ptr_array_index (all, order[k]);
      GTree *kept;

      if (!label_wanted (options, s->label) || s->start >= s->end)
        continue;
      kept = tree_for (trees, s->label);
      winner[order[k]] = overlapping (kept, s);
      if (winner[order[k]] == NULL)
        {
          g_tree_insert (kept, s, s);
          winner[order[k]] = s;
        }
    }
  return winner;
}

static int
compare_text_order (gconstpointer a,
                    gconstpointer b)
{
  const GlossaSuggestion *x = *(GlossaSuggestion **) a, *y = *(GlossaSuggestion **) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return strcmp (x->label, y->label);
}

/* Points each kept suggestion's link at its target's winner: the target
 * itself, the suggestion of its label that replaced it, or the article's
 * own span that did (index -1). A link whose target was left out goes.
 */
static void
relink (GlossaSuggestion **winner,
        GPtrArray         *result)
{
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < result->len; i++)
    g_hash_table_insert (index, g_ptr_array_index (result, i), GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < result->len; i++)
    {
      GlossaSuggestion *s = g_ptr_array_index (result, i);
      GlossaSuggestion *target;

      if (s->link < 0)
        continue;
      target = winner[s->link];
      if (target == NULL)
        {
          s->link_type = NULL;
          s->link_start = s->link_end = -1;
        }
      else
        {
          s->link_start = target->start;
          s->link_end = target->end;
        }
      s->link = target == NULL ? -1 : (int) GPOINTER_TO_UINT (g_hash_table_lookup (index, target)) - 1;
    }
}

static GPtrArray *
merge (GPtrArray                  *all,
       const GlossaSuggestOptions *options)
{
  g_autoptr(GHashTable) trees = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_tree_destroy);
  g_autoptr(GPtrArray) existing = existing_stand_ins (options, trees);
  g_autofree GlossaSuggestion **winner = choose (all, options, trees);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_suggestion_free);

  for (guint i = 0; i < all->len; i++)
    if (winner[i] == g_ptr_array_index (all, i))
      g_ptr_array_add (result, g_ptr_array_index (all, i));
  g_ptr_array_sort (result, compare_text_order);
  relink (winner, result);

  /* The kept ones now belong to @result; free the others. */
  for (guint i = 0; i < all->len; i++)
    if (winner[i] != g_ptr_array_index (all, i))
      glossa_suggestion_free (g_ptr_array_index (all, i));
  g_ptr_array_set_free_func (all, NULL);
  return result;
}

GPtrArray *
glossa_suggest_article (const char                 *text,
                        gsize                       len,
                        const char                 *dct,
                        GlossaSuggestLang           lang,
                        GlossaKnownNames           *known_names,
                        const GlossaSuggestOptions *options,
                        GError                    **error)
{
  static const GlossaSuggestOptions defaults = { 0 };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_suggestion_free);
  GlossaSuggesters enabled;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;
  enabled = options->suggesters == 0 ? GLOSSA_SUGGESTERS_ALL : options->suggesters;
  if (!g_utf8_validate_len (text, len, NULL))
    {
      g_set_error_literal (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING,
                           _("The article is not valid UTF-8"));
      return NULL;
    }
  if (lang == GLOSSA_SUGGEST_LANG_AUTO)
    lang = glossa_suggest_detect_lang (text, len);

  if (len >= parallel_min_bytes)
    {
      if (!run_side_by_side (text, len, dct, lang, enabled, known_names, all, error))
        return NULL;
      return merge (all, options);
    }
  if (enabled & GLOSSA_SUGGESTER_QUOTES)
    run_quotes (text, len, lang, all);
  if ((enabled & GLOSSA_SUGGESTER_DATES) && !run_dates (text, len, dct, lang, all, error))
    return NULL;
  if ((enabled & GLOSSA_SUGGESTER_NAMES) && known_names != NULL)
    run_names (text, len, known_names, all);
  return merge (all, options);
}
