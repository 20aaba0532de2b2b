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

#include <glib/gi18n.h>

#include "glossa-error.h"
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
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, len, &n);

  glossa_known_names_find (known_names, chars, n, out);
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
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *node = extra != NULL ? json_object_get_member (extra, GLOSSA_REJECTED_SUGGESTIONS_MEMBER) : NULL;
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
