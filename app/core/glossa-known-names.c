/* glossa-known-names.c: texts already tagged in a corpus, found again in new text
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index is a hash of first words: each known text is stored as code
 * points under its first two words (its first word if it has one), and the
 * entries of one key are kept longest first. Finding is one pass over the
 * words of the text; at each word only the texts starting with that word
 * and the next are compared, then those of one word, so the cost grows
 * with the text and the number of texts sharing two first words (“the
 * ministry of …”), not with the size of the dictionary. A text of two
 * words or more that matches is longer than any one-word text that does,
 * so the order of the two look-ups keeps the longest first.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "glossa-error.h"
#include "glossa-storage.h"
#include "glossa-suggest.h"

typedef struct
{
  gunichar   *chars;     /* the text as matched (case-folded when insensitive) */
  gsize       n;
  char       *text;      /* as first added, for lookups and messages */
  GHashTable *counts;    /* label name → count */
  const char *best;      /* the label suggested, owned by counts */
  double      share;
  guint       total;
} Entry;

/* A first word: a slice of code points, borrowed for lookups, owned by an
 * Entry when stored.
 */
typedef struct
{
  const gunichar *chars;
  gsize           n;
} Word;

struct _GlossaKnownNames
{
  gboolean    case_sensitive;
  gboolean    dirty;         /* counts changed since the best labels were chosen */
  GHashTable *by_text;       /* Entry.text → Entry */
  GHashTable *by_word;       /* Word* → GPtrArray of Entry, longest first */
};

static gboolean
is_word_char (gunichar c)
{
  /* Most text is ASCII: no table look-up for it. */
  if (c < 128)
    return g_ascii_isalnum (c) || c == '_';
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static guint
word_hash (gconstpointer key)
{
  const Word *w = key;
  guint h = 5381;

  for (gsize i = 0; i < w->n; i++)
    h = h * 33 + w->chars[i];
  return h;
}

static gboolean
word_equal (gconstpointer a,
            gconstpointer b)
{
  const Word *x = a, *y = b;

  return x->n == y->n && memcmp (x->chars, y->chars, x->n * sizeof (gunichar)) == 0;
}

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->chars);
  g_free (e->text);
  g_hash_table_unref (e->counts);
  g_free (e);
}

GlossaKnownNames *
glossa_known_names_new (gboolean case_sensitive)
{
  GlossaKnownNames *self = g_new0 (GlossaKnownNames, 1);

  self->case_sensitive = case_sensitive;
  self->by_text = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  self->by_word = g_hash_table_new_full (word_hash, word_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  return self;
}

void
glossa_known_names_free (GlossaKnownNames *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_word);
  g_hash_table_unref (self->by_text);
  g_free (self);
}

guint
glossa_known_names_get_size (GlossaKnownNames *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->by_text);
}

/* Case-insensitive matching folds each code point on its own (not
 * g_utf8_casefold, which may change their number), so that offsets in the
 * folded text are offsets in the original.
 */
static gunichar *
to_chars (GlossaKnownNames *self,
          const char       *text,
          gsize            *n)
{
  glong len = 0;
  gunichar *chars = g_utf8_to_ucs4_fast (text, -1, &len);

  if (!self->case_sensitive)
    for (glong i = 0; i < len; i++)
      chars[i] = g_unichar_tolower (chars[i]);
  *n = len;
  return chars;
}

static gsize
first_word_length (const gunichar *chars,
                   gsize           n)
{
  gsize i = 0;

  while (i < n && is_word_char (chars[i]))
    i++;
  return i;
}

/* The length of the first two words of @chars with what is between them,
 * or 0 when there is no second word within GLOSSA_KNOWN_NAME_MAX.
 */
static gsize
two_words_length (const gunichar *chars,
                  gsize           n,
                  gsize           first)
{
  gsize j = first;

  while (j < n && j < GLOSSA_KNOWN_NAME_MAX && !is_word_char (chars[j]))
    j++;
  if (j >= n || !is_word_char (chars[j]))
    return 0;
  return j + first_word_length (chars + j, n - j);
}

static int
entry_compare_longest (gconstpointer a,
                       gconstpointer b)
{
  const Entry *x = *(Entry **) a, *y = *(Entry **) b;

  if (x->n != y->n)
    return x->n > y->n ? -1 : 1;
  return strcmp (x->text, y->text);
}

static Entry *
entry_insert (GlossaKnownNames *self,
              const char       *text)
{
  Entry *e = g_new0 (Entry, 1);
  GPtrArray *list;
  Word *word;

  e->text = g_strdup (text);
  e->chars = to_chars (self, text, &e->n);
  e->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (self->by_text, e->text, e);

  word = g_new (Word, 1);
  word->chars = e->chars;
  word->n = first_word_length (e->chars, e->n);
  word->n = MAX (word->n, two_words_length (e->chars, e->n, word->n));
  list = g_hash_table_lookup (self->by_word, word);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->by_word, word, list);
    }
  else
    g_free (word);
  g_ptr_array_add (list, e);
  g_ptr_array_sort (list, entry_compare_longest);
  return e;
}

gboolean
glossa_known_names_add (GlossaKnownNames *self,
                        const char       *text,
                        const char       *label,
                        guint             count)
{
  g_autofree char *trimmed = NULL;
  Entry *e;
  glong n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL && label != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL) || !g_utf8_validate (label, -1, NULL) ||
      *label == '\0' || count == 0)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  n = g_utf8_strlen (trimmed, -1);
  if (n == 0 || n > GLOSSA_KNOWN_NAME_MAX ||
      !is_word_char (g_utf8_get_char (trimmed)))
    return FALSE;

  e = g_hash_table_lookup (self->by_text, trimmed);
  if (e == NULL)
    e = entry_insert (self, trimmed);
  g_hash_table_insert (e->counts, g_strdup (label),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (e->counts, label)) + count));
  e->total += count;
  self->dirty = TRUE;
  return TRUE;
}

/* The most frequent label; on a tie the first by name, so that the result
 * does not depend on the order the corpus was read in.
 */
static void
entry_choose (Entry *e)
{
  GHashTableIter iter;
  gpointer key, value;
  guint best_count = 0;

  e->best = NULL;
  g_hash_table_iter_init (&iter, e->counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint count = GPOINTER_TO_UINT (value);

      if (count > best_count || (count == best_count && strcmp (key, e->best) < 0))
        {
          e->best = key;
          best_count = count;
        }
    }
  e->share = e->total == 0 ? 0 : (double) best_count / e->total;
}

static void
choose_all (GlossaKnownNames *self)
{
  GHashTableIter iter;
  gpointer value;

  if (!self->dirty)
    return;
  g_hash_table_iter_init (&iter, self->by_text);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    entry_choose (value);
  self->dirty = FALSE;
}

const char *
glossa_known_names_lookup (GlossaKnownNames *self,
                           const char       *text,
                           double           *share)
{
  Entry *e;

  g_return_val_if_fail (self != NULL && text != NULL, NULL);

  choose_all (self);
  e = g_hash_table_lookup (self->by_text, text);
  if (share != NULL)
    *share = e == NULL ? 0 : e->share;
  return e == NULL ? NULL : e->best;
}

/* ------------------------------------------------------------- gazetteer */

static gboolean
gazetteer_line (GlossaKnownNames *self,
                char             *line,
                const char       *source,
                guint             number,
                GError          **error)
{
  gsize len = strlen (line);
  char *tab;

  /* Only a CR is cut here: a tab at the end is an empty label. */
  if (len > 0 && line[len - 1] == '\r')
    line[len - 1] = '\0';
  if (line[strspn (line, " \t")] == '\0' || line[0] == '#')
    return TRUE;
  if (!g_utf8_validate (line, -1, NULL))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING,
                   _("%s:%u: the line is not valid UTF-8"), source, number);
      return FALSE;
    }
  tab = strchr (line, '\t');
  if (tab == NULL || strchr (tab + 1, '\t') != NULL)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_SYNTAX,
                   _("%s:%u: expected a text, a tab and a label"), source, number);
      return FALSE;
    }
  *tab = '\0';
  g_strstrip (tab + 1);
  if (tab[1] == '\0')
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_SYNTAX,
                   _("%s:%u: the label is empty"), source, number);
      return FALSE;
    }
  if (!glossa_known_names_add (self, line, tab + 1, 1))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   _("%s:%u: the text must start with a letter or digit and be at most %d characters long"),
                   source, number, GLOSSA_KNOWN_NAME_MAX);
      return FALSE;
    }
  return TRUE;
}

gboolean
glossa_known_names_parse_gazetteer (GlossaKnownNames *self,
                                    const char       *data,
                                    gsize             len,
                                    const char       *source,
                                    GError          **error)
{
  gsize pos = 0;
  guint number = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  while (pos < len)
    {
      const char *nl = memchr (data + pos, '\n', len - pos);
      gsize end = nl == NULL ? len : (gsize) (nl - data);
      g_autofree char *line = NULL;

      number++;
      if (memchr (data + pos, '\0', end - pos) != NULL)
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING,
                       _("%s:%u: the line holds a NUL byte"), source, number);
          return FALSE;
        }
      line = g_strndup (data + pos, end - pos);
      if (!gazetteer_line (self, line, source, number, error))
        return FALSE;
      pos = end + 1;
    }
  return TRUE;
}

gboolean
glossa_known_names_load_gazetteer (GlossaKnownNames *self,
                                   const char       *path,
                                   GError          **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  if (!glossa_storage_read_path (path, GLOSSA_GAZETTEER_MAX_BYTES, &data, &len, NULL, error))
    return FALSE;
  return glossa_known_names_parse_gazetteer (self, data, len, path, error);
}

/* ------------------------------------------------------------------ find */

static gboolean
matches_at (const Entry    *e,
            const gunichar *chars,
            gsize           n,
            gsize           at)
{
  if (at + e->n > n ||
      memcmp (chars + at, e->chars, e->n * sizeof (gunichar)) != 0)
    return FALSE;
  /* A name ending in a letter must end a word there: "Rome" is not in "Romeo". */
  return !(is_word_char (e->chars[e->n - 1]) && at + e->n < n &&
           is_word_char (chars[at + e->n]));
}

static const Entry *
longest_with_key (GlossaKnownNames *self,
                  const gunichar   *chars,
                  gsize             n,
                  gsize             at,
                  gsize             key_n)
{
  Word word = { chars + at, key_n };
  GPtrArray *list = g_hash_table_lookup (self->by_word, &word);

  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      const Entry *e = g_ptr_array_index (list, i);

      if (matches_at (e, chars, n, at))
        return e;
    }
  return NULL;
}

static const Entry *
longest_at (GlossaKnownNames *self,
            const gunichar   *chars,
            gsize             n,
            gsize             at,
            gsize             word_n)
{
  gsize two = two_words_length (chars + at, n - at, word_n);
  const Entry *e = two > 0 ? longest_with_key (self, chars, n, at, two) : NULL;

  return e != NULL ? e : longest_with_key (self, chars, n, at, word_n);
}

/* The score grows with the share of times the text got its label and,
 * more slowly, with how often it was tagged at all: a name tagged once is
 * less sure than one tagged twenty times.
 */
static double
entry_score (const Entry *e)
{
  return e->share * e->total / (e->total + 1.0);
}

void
glossa_known_names_find (GlossaKnownNames *self,
                         const gunichar   *ucs4,
                         gsize             n,
                         GPtrArray        *out)
{
  g_autofree gunichar *folded = NULL;
  const gunichar *chars = ucs4;
  gsize i = 0;

  g_return_if_fail (self != NULL && out != NULL);
  g_return_if_fail (ucs4 != NULL || n == 0);

  if (g_hash_table_size (self->by_text) == 0)
    return;
  choose_all (self);
  if (!self->case_sensitive)
    {
      folded = g_new (gunichar, n + 1);
      for (gsize k = 0; k < n; k++)
        folded[k] = g_unichar_tolower (ucs4[k]);
      chars = folded;
    }

  while (i < n)
    {
      gsize word_n;
      const Entry *e;

      if (!is_word_char (chars[i]))
        {
          i++;
          continue;
        }
      word_n = first_word_length (chars + i, n - i);
      e = longest_at (self, chars, n, i, word_n);
      if (e == NULL)
        {
          i += word_n;
          continue;
        }
      g_ptr_array_add (out, glossa_suggestion_new (i, i + e->n, e->best, entry_score (e),
                                                   GLOSSA_SUGGESTER_NAMES));
      i += e->n;
    }
}

/* For glossa-name-finder.c, which must agree on what a word is. */
gboolean
glossa_known_names_is_word_char (gunichar c)
{
  return is_word_char (c);
}
