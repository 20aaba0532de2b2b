/* glossa-name-finder.c: one known name found again in an article, as the known-name suggester would
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window learns a name when the user tags it, and suggests it at once
 * wherever else the article has it: one name, so a byte search of the
 * text as it is (memmem) rather than the suggester's pass over every word.
 */

/* memmem() */
#define _GNU_SOURCE 1

#include "config.h"

#include <string.h>

#include "glossa-name-finder.h"
#include "glossa-suggest.h"

gboolean
glossa_name_finder_accepts (const char *name)
{
  g_autofree char *trimmed = NULL;
  glong n;

  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_utf8_validate (name, -1, NULL))
    return FALSE;
  trimmed = g_strstrip (g_strdup (name));
  n = g_utf8_strlen (trimmed, -1);
  return n > 0 && n <= GLOSSA_KNOWN_NAME_MAX && glossa_known_names_is_word_char (g_utf8_get_char (trimmed));
}

/* Whether the match @hit–@hit+@n of a name starting with a letter or
 * digit starts a word and, if the name ends in one, ends a word too:
 * "Rome" is not in "Romeo" nor in "Jerome".
 */
static gboolean
on_word_boundaries (const char *text,
                    gsize       len,
                    const char *hit,
                    gsize       n,
                    gboolean    ends_in_word)
{
  if (hit > text && glossa_known_names_is_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, hit))))
    return FALSE;
  return !ends_in_word || hit + n == text + len ||
         !glossa_known_names_is_word_char (g_utf8_get_char (hit + n));
}

void
glossa_name_finder_find (GlossaArticle *article,
                         const char    *name,
                         const char    *label,
                         double         score,
                         GPtrArray     *out)
{
  const char *text, *end, *p, *hit;
  g_autofree char *trimmed = NULL;
  gboolean ends_in_word;
  gsize n;

  g_return_if_fail (GLOSSA_IS_ARTICLE (article));
  g_return_if_fail (name != NULL && label != NULL && out != NULL);

  if (!glossa_name_finder_accepts (name))
    return;
  trimmed = g_strstrip (g_strdup (name));
  n = strlen (trimmed);
  ends_in_word = glossa_known_names_is_word_char (g_utf8_get_char (g_utf8_find_prev_char (trimmed, trimmed + n)));
  text = glossa_article_get_text (article);
  end = text + glossa_article_get_n_bytes (article);
  for (p = text; p < end && (hit = memmem (p, end - p, trimmed, n)) != NULL;)
    {
      if (!on_word_boundaries (text, end - text, hit, n, ends_in_word))
        {
          /* The next match may start inside this one ("Anna Annan"). */
          p = g_utf8_next_char (hit);
          continue;
        }
      g_ptr_array_add (out, glossa_suggestion_new (glossa_article_byte_to_offset (article, hit - text),
                                                   glossa_article_byte_to_offset (article, hit + n - text),
                                                   label, score, GLOSSA_SUGGESTER_NAMES));
      p = hit + n;
    }
}
