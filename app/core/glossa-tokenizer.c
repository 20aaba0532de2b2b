/* glossa-tokenizer.c: tokens and sentences from Pango's Unicode boundaries
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <pango/pango.h>

#include "glossa-tokenizer.h"

/* Pango computes the boundaries of UAX #29 (words) and of its sentences;
 * GtkTextView's word movements, which the window snaps selections to, come
 * from the same attributes. Pango never splits a grapheme cluster at a word
 * boundary, so flags, skin-tone and ZWJ emoji sequences and letters with
 * combining marks stay whole. The only thing we add is cutting white space
 * out: UAX #29 makes runs of spaces segments of their own, but a stray
 * combining mark or ZWJ after a space would otherwise glue the space into a
 * token, and a CoNLL line cannot hold one.
 */

static void
open_sentence (GlossaTokens *tokens)
{
  GlossaSentence sentence = { tokens->tokens->len, 0 };

  g_array_append_val (tokens->sentences, sentence);
}

static void
add_token (GlossaTokens *tokens,
           gint64        start,
           gint64        end)
{
  GlossaToken token = { start, end };

  g_array_append_val (tokens->tokens, token);
  g_array_index (tokens->sentences, GlossaSentence, tokens->sentences->len - 1).n_tokens++;
}

/**
 * glossa_tokenize:
 * @text: UTF-8 text
 * @len: its length in bytes, or -1 if it is NUL-terminated
 *
 * Splits @text into tokens and groups them into sentences. A token belongs
 * to the sentence in which it starts.
 *
 * Returns: (transfer full): the tokens and sentences
 */
GlossaTokens *
glossa_tokenize (const char *text,
                 gssize      len)
{
  GlossaTokens *tokens;
  g_autofree PangoLogAttr *attrs = NULL;
  glong n_chars;
  gint64 token_start = -1;
  gboolean sentence_pending = FALSE;
  glong i;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (text);

  tokens = g_new0 (GlossaTokens, 1);
  tokens->tokens = g_array_new (FALSE, FALSE, sizeof (GlossaToken));
  tokens->sentences = g_array_new (FALSE, FALSE, sizeof (GlossaSentence));
  if (len == 0)
    return tokens;

  n_chars = g_utf8_strlen (text, len);
  attrs = g_new0 (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (text, len, 0, pango_language_from_string ("und"),
                       attrs, n_chars + 1);

  /* Invariant: token_start >= 0 while inside a token, which then runs from
   * token_start to the current position; a sentence is only opened by its
   * first token, so none is empty.
   */
  for (i = 0; i < n_chars; i++)
    {
      if (attrs[i].is_sentence_boundary && i > 0)
        sentence_pending = TRUE;

      if (token_start >= 0 && (attrs[i].is_word_boundary || attrs[i].is_white))
        {
          add_token (tokens, token_start, i);
          token_start = -1;
        }

      if (token_start < 0 && !attrs[i].is_white)
        {
          token_start = i;
          if (sentence_pending || tokens->sentences->len == 0)
            open_sentence (tokens);
          sentence_pending = FALSE;
        }
    }

  if (token_start >= 0)
    add_token (tokens, token_start, n_chars);

  return tokens;
}

void
glossa_tokens_free (GlossaTokens *tokens)
{
  if (tokens == NULL)
    return;

  g_array_unref (tokens->tokens);
  g_array_unref (tokens->sentences);
  g_free (tokens);
}
