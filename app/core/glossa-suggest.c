/* glossa-suggest.c: suggestions from every suggester, in one type, merged
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each suggester appends its candidates to one array; the merge then
 * ranks them, keeps per label a set of non-overlapping winners (a bit per
 * candidate in order of start, so each check is a binary search and a few
 * word scans), drops what the article
 * already has, and last renumbers the links into the final array.
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n.h>

#include "glossa-error.h"
#include "glossa-memory-private.h"
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

/* @text (valid UTF-8) as code points, in memory asked to be huge pages:
 * see glossa-memory.c.
 */
static gunichar *
decode (const char *text,
        gsize       len,
        gsize      *n)
{
  gunichar *chars = g_new (gunichar, len + 1);
  const char *p = text, *end = text + len;
  gsize i = 0;

  _glossa_memory_advise_huge (chars, (len + 1) * sizeof (gunichar));
  while (p < end)
    {
      chars[i++] = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
    }
  chars[i] = 0;
  *n = i;
  return chars;
}

static void
run_names (const char       *text,
           gsize             len,
           GlossaKnownNames *known_names,
           GPtrArray        *out)
{
  gsize n = 0;
  g_autofree gunichar *chars = NULL;

  /* Nothing to find: the article's code points are not worth making. */
  if (glossa_known_names_get_size (known_names) == 0)
    return;
  chars = decode (text, len, &n);
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

/* The kept suggestions of one label, and the article's spans standing in
 * for them. Every candidate of the label is put in order of start once;
 * the kept ones are a bit each in that order, and a summary bit per 64 of
 * them says where any is, so the last kept one before a place is found in
 * a few word scans. (A tree of the kept ones, searched and grown per
 * candidate, took 0.1 s for the 95,000 candidates of a 5 MB article.)
 * Kept ones never overlap, so they also end in that order.
 */
typedef struct
{
  GPtrArray *members;   /* GlossaSuggestion, by start, then as added */
  guint64   *kept;      /* bit i: members[i] is kept */
  guint64   *summary;   /* bit w: kept[w] is not 0 */
} Kept;

static void
kept_free (Kept *kept)
{
  g_ptr_array_unref (kept->members);
  g_free (kept->kept);
  g_free (kept->summary);
  g_free (kept);
}

static Kept *
kept_for (GHashTable *sets,
          const char *label)
{
  Kept *kept = g_hash_table_lookup (sets, label);

  if (kept == NULL)
    {
      kept = g_new0 (Kept, 1);
      kept->members = g_ptr_array_new ();
      g_hash_table_insert (sets, g_strdup (label), kept);
    }
  return kept;
}

/* The highest set bit of @word, not 0. */
static guint
highest_bit (guint64 word)
{
  return 63 - __builtin_clzll (word);
}

/* The last kept member before position @p, or -1. */
static gint64
kept_before (const Kept *kept,
             guint       p)
{
  guint w = p / 64, sw;
  guint64 word = p % 64 ? kept->kept[w] & ((G_GUINT64_CONSTANT (1) << (p % 64)) - 1) : 0;

  if (word != 0)
    return (gint64) w * 64 + highest_bit (word);
  /* The last word before @w with a bit, found through the summary. */
  sw = w / 64;
  word = w % 64 ? kept->summary[sw] & ((G_GUINT64_CONSTANT (1) << (w % 64)) - 1) : 0;
  while (word == 0)
    {
      if (sw == 0)
        return -1;
      word = kept->summary[--sw];
    }
  w = sw * 64 + highest_bit (word);
  return (gint64) w * 64 + highest_bit (kept->kept[w]);
}

/* The kept suggestion @s overlaps, or NULL: only the last one starting
 * before @s ends can.
 */
static GlossaSuggestion *
kept_overlapping (const Kept             *kept,
                  const GlossaSuggestion *s)
{
  guint lo = 0, hi = kept->members->len;
  GlossaSuggestion *before;
  gint64 last;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((GlossaSuggestion *) g_ptr_array_index (kept->members, mid))->start < s->end)
        lo = mid + 1;
      else
        hi = mid;
    }
  last = kept_before (kept, lo);
  if (last < 0)
    return NULL;
  before = g_ptr_array_index (kept->members, last);
  return before->end > s->start ? before : NULL;
}

static void
kept_add (Kept  *kept,
          guint  position)
{
  kept->kept[position / 64] |= G_GUINT64_CONSTANT (1) << (position % 64);
  kept->summary[position / 4096] |= G_GUINT64_CONSTANT (1) << (position / 64 % 64);
}

static gboolean
label_wanted (const GlossaSuggestOptions *options,
              const char                 *label)
{
  return options->labels == NULL || g_strv_contains (options->labels, label);
}

/* Of two stand-ins (indices into @user_data), the longer, then the earlier. */
static int
compare_longest (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const GlossaSuggestion *x = g_ptr_array_index ((GPtrArray *) user_data, *(const guint *) a);
  const GlossaSuggestion *y = g_ptr_array_index ((GPtrArray *) user_data, *(const guint *) b);

  if (x->end - x->start != y->end - y->start)
    return x->end - x->start > y->end - y->start ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* The article's spans, as stand-ins that beat every suggestion of their
 * label that overlaps them.
 */
static GPtrArray *
existing_stand_ins (const GlossaSuggestOptions *options)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_suggestion_free);

  for (gsize i = 0; i < options->n_existing; i++)
    {
      const GlossaSuggestExisting *e = &options->existing[i];

      if (e->label != NULL && e->start < e->end)
        g_ptr_array_add (spans, glossa_suggestion_new (e->start, e->end, e->label, 1, 0));
    }
  return spans;
}

/* Whether @s takes part: a label asked for, and not empty. */
static gboolean
takes_part (const GlossaSuggestOptions *options,
            const GlossaSuggestion     *s)
{
  return s->start < s->end && label_wanted (options, s->label);
}

typedef struct
{
  GlossaSuggestion *s;
  guint             index;   /* in the candidates, then the stand-ins */
} Member;

static int
compare_member_start (gconstpointer a,
                      gconstpointer b)
{
  const Member *x = a, *y = b;

  if (x->s->start != y->s->start)
    return x->s->start < y->s->start ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Puts every candidate that takes part, and every stand-in, in its label's
 * set, in order of start; @position[i] is the i-th's place there and
 * @set[i] its set (NULL when it takes no part). Candidates come first in
 * the numbering, then the stand-ins.
 */
static void
kept_fill (GHashTable                 *sets,
           GPtrArray                  *all,
           GPtrArray                  *stand_ins,
           const GlossaSuggestOptions *options,
           guint                      *position,
           Kept                      **set)
{
  guint n = all->len + stand_ins->len;
  g_autoptr(GArray) members = g_array_sized_new (FALSE, FALSE, sizeof (Member), n);
  Kept *kept = NULL;
  const char *label = NULL;

  for (guint i = 0; i < n; i++)
    {
      Member m = { i < all->len ? g_ptr_array_index (all, i) : g_ptr_array_index (stand_ins, i - all->len), i };

      set[i] = NULL;
      if (i < all->len && !takes_part (options, m.s))
        continue;
      /* Candidates come in runs of one label: no look-up for most. */
      if (label == NULL || strcmp (label, m.s->label) != 0)
        kept = kept_for (sets, label = m.s->label);
      set[i] = kept;
      g_array_append_val (members, m);
    }
  g_array_sort (members, compare_member_start);
  for (guint k = 0; k < members->len; k++)
    {
      Member *m = &g_array_index (members, Member, k);

      position[m->index] = set[m->index]->members->len;
      g_ptr_array_add (set[m->index]->members, m->s);
    }
}

static void
kept_allocate (GHashTable *sets)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, sets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Kept *kept = value;

      kept->kept = g_new0 (guint64, kept->members->len / 64 + 1);
      kept->summary = g_new0 (guint64, kept->members->len / 4096 + 1);
    }
}

/* What the merge ranks candidates by, gathered once: sorting these
 * touches no suggestion.
 */
typedef struct
{
  double      score;
  gint64      length;
  gint64      start;
  const char *label;
  guint       rank;
  guint       index;
} RankKey;

static int
compare_rank_key (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const RankKey *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->length != y->length)
    return x->length > y->length ? -1 : 1;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return strcmp (x->label, y->label);
}

/* The candidates' indices in the order the merge takes them: the higher
 * score first, then the longer, the suggester listed first, the earlier,
 * the label first by name; equal ones as they come.
 */
static guint *
rank_order (GPtrArray *all)
{
  g_autofree RankKey *keys = g_new (RankKey, all->len + 1);
  guint *order = g_new (guint, all->len + 1);

  for (guint i = 0; i < all->len; i++)
    {
      const GlossaSuggestion *s = g_ptr_array_index (all, i);

      keys[i] = (RankKey) { s->score, s->end - s->start, s->start, s->label,
                            suggester_rank (s->suggester), i };
    }
  /* A stable sort, as g_qsort_with_data() is. */
  g_qsort_with_data (keys, all->len, sizeof (RankKey), compare_rank_key, NULL);
  for (guint i = 0; i < all->len; i++)
    order[i] = keys[i].index;
  return order;
}

/* The winner of each candidate: itself when kept, the kept suggestion or
 * existing span of its label that beat it, or NULL when it was left out
 * (a label not asked for). Spans of one label may overlap each other,
 * while a set keeps none that do: the longest are put in first, and one
 * inside them adds nothing, since whatever overlaps it overlaps them too.
 */
static GlossaSuggestion **
choose (GPtrArray                  *all,
        GPtrArray                  *stand_ins,
        const GlossaSuggestOptions *options)
{
  g_autoptr(GHashTable) sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) kept_free);
  guint n = all->len + stand_ins->len;
  g_autofree guint *position = g_new (guint, n + 1);
  g_autofree Kept **set = g_new (Kept *, n + 1);
  g_autofree guint *order = NULL;
  g_autofree guint *by_length = g_new (guint, stand_ins->len + 1);
  GlossaSuggestion **winner = g_new0 (GlossaSuggestion *, all->len + 1);

  kept_fill (sets, all, stand_ins, options, position, set);
  kept_allocate (sets);

  /* The stand-ins, longest first. Their numbers follow the candidates'. */
  for (guint i = 0; i < stand_ins->len; i++)
    by_length[i] = i;
  g_qsort_with_data (by_length, stand_ins->len, sizeof (guint), compare_longest, stand_ins);
  for (guint i = 0; i < stand_ins->len; i++)
    {
      guint index = all->len + by_length[i];

      if (kept_overlapping (set[index], g_ptr_array_index (stand_ins, by_length[i])) == NULL)
        kept_add (set[index], position[index]);
    }

  order = rank_order (all);
  for (guint k = 0; k < all->len; k++)
    {
      guint i = order[k];
      GlossaSuggestion *s = g_ptr_array_index (all, i);

      if (set[i] == NULL)
        continue;
      winner[i] = kept_overlapping (set[i], s);
      if (winner[i] == NULL)
        {
          kept_add (set[i], position[i]);
          winner[i] = s;
        }
    }
  return winner;
}

int
glossa_suggestion_compare_text_order (gconstpointer a,
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
  g_autoptr(GPtrArray) existing = existing_stand_ins (options);
  g_autofree GlossaSuggestion **winner = choose (all, existing, options);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_suggestion_free);

  for (guint i = 0; i < all->len; i++)
    if (winner[i] == g_ptr_array_index (all, i))
      g_ptr_array_add (result, g_ptr_array_index (all, i));
  g_ptr_array_sort (result, glossa_suggestion_compare_text_order);
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

/* ------------------------------------------------------------ rejections */

char *
glossa_suggestion_key (gint64      start,
                       gint64      end,
                       const char *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s", start, end, label);
}

static gboolean
holds (JsonObject *entry,
       const char *member,
       GType       type)
{
  JsonNode *node = json_object_get_member (entry, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

GHashTable *
glossa_suggest_read_rejected (JsonObject *extra)
{
  return glossa_suggest_read_rejected_list (extra != NULL
                                            ? json_object_get_member (extra, GLOSSA_REJECTED_SUGGESTIONS_MEMBER)
                                            : NULL);
}

GHashTable *
glossa_suggest_read_rejected_list (JsonNode *node)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return keys;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *entry;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      entry = json_node_get_object (element);
      if (!holds (entry, "start", G_TYPE_INT64) || !holds (entry, "end", G_TYPE_INT64) ||
          !holds (entry, "label", G_TYPE_STRING))
        continue;
      g_hash_table_add (keys, glossa_suggestion_key (json_object_get_int_member (entry, "start"),
                                                     json_object_get_int_member (entry, "end"),
                                                     json_object_get_string_member (entry, "label")));
    }
  return keys;
}
