/* fuzz-name-finder.c: libFuzzer target for a learned name found again in an article
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input's first line is the name (a span's text, as the user tagged
 * it), the rest the article. Every occurrence found must be the name, in
 * range, in order, none overlapping, starting a word.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glossa-article.h"
#include "glossa-name-finder.h"
#include "glossa-suggest.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A critical or a warning aborts, so that libFuzzer saves the input. */
static void
abort_on_log (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  g_log_default_handler (domain, level, message, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

static void
check (GlossaArticle *article,
       const char    *name,
       GPtrArray     *out)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  const char *text = glossa_article_get_text (article);
  gint64 previous_end = 0;

  for (guint i = 0; i < out->len; i++)
    {
      const GlossaSuggestion *s = g_ptr_array_index (out, i);
      g_autofree char *slice = NULL;
      gsize at;

      if (s->start < previous_end || s->start >= s->end || s->end > glossa_article_get_length (article))
        g_error ("occurrence %u at %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " is out of order or range",
                 i, s->start, s->end);
      slice = glossa_article_slice (article, s->start, s->end);
      at = glossa_article_offset_to_byte (article, s->start);
      if (strcmp (slice, trimmed) != 0)
        g_error ("occurrence %u is “%s”, not “%s”", i, slice, trimmed);
      if (at > 0 && glossa_known_names_is_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, text + at))))
        g_error ("occurrence %u starts inside a word", i);
      previous_end = s->end;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean handler_set;
  const char *newline = memchr (data, '\n', size);
  g_autofree char *name = NULL;
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_suggestion_free);
  gsize rest;

  if (!handler_set)
    {
      g_log_set_default_handler (abort_on_log, NULL);
      handler_set = TRUE;
    }
  if (newline == NULL || memchr (data, '\0', newline - (const char *) data) != NULL)
    return 0;
  name = g_strndup ((const char *) data, newline - (const char *) data);
  if (!g_utf8_validate (name, -1, NULL))
    return 0;
  rest = size - (newline + 1 - (const char *) data);
  article = glossa_article_new_from_data (newline + 1, rest, "fuzz.txt", NULL);
  if (article == NULL)
    return 0;
  glossa_name_finder_find (article, name, "actor", 0.5, out);
  if (out->len > 0 && !glossa_name_finder_accepts (name))
    g_error ("a name the finder refuses was found");
  check (article, name, out);
  return 0;
}
