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

static GlossaTokens *
tokens_new (void)
{
  GlossaTokens *tokens = g_new0 (GlossaTokens, 1);

  tokens->tokens = g_array_new (FALSE, FALSE, sizeof (GlossaToken));
  tokens->sentences = g_array_new (FALSE, FALSE, sizeof (GlossaSentence));
  return tokens;
}

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

/* Adds the tokens of @text, @n_chars code points that start at code point
 * @base of the whole text, to @tokens. A piece's first token opens a
 * sentence: a piece starts the text or follows a line feed.
 */
static void
tokenize_piece (GlossaTokens *tokens,
                const char   *text,
                gsize         len,
                glong         n_chars,
                gint64        base)
{
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n_chars + 1);
  gint64 token_start = -1;
  gboolean sentence_pending = FALSE;

  pango_get_log_attrs (text, len, 0, pango_language_from_string ("und"),
                       attrs, n_chars + 1);

  /* Invariant: token_start >= 0 while inside a token, which then runs from
   * token_start to the current position; a sentence is only opened by its
   * first token, so none is empty.
   */
  for (glong i = 0; i < n_chars; i++)
    {
      if (attrs[i].is_sentence_boundary && i > 0)
        sentence_pending = TRUE;

      if (token_start >= 0 && (attrs[i].is_word_boundary || attrs[i].is_white))
        {
          add_token (tokens, base + token_start, base + i);
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
    add_token (tokens, base + token_start, base + n_chars);
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

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (text);

  tokens = tokens_new ();
  if (len > 0)
    tokenize_piece (tokens, text, len, g_utf8_strlen (text, len), 0);
  return tokens;
}

void
glossa_tokenizer_init (GlossaTokenizer *tokenizer,
                       const char      *text,
                       gssize           len)
{
  g_return_if_fail (tokenizer != NULL);
  g_return_if_fail (text != NULL || len == 0);

  memset (tokenizer, 0, sizeof *tokenizer);
  tokenizer->text = text;
  tokenizer->len = len < 0 ? strlen (text) : (gsize) len;
}

/* Whether a piece may end at byte @i, inside the text: after a line feed,
 * or after a carriage return that is not the first half of a CR LF.
 */
static gboolean
is_cut (const char *text,
        gsize       i)
{
  return text[i - 1] == '\n' || (text[i - 1] == '\r' && text[i] != '\n');
}

/* The end of the piece that starts at @from: the last line end within
 * @size bytes, or else the first one beyond, or the end of the text.
 */
static gsize
piece_end (const char *text,
           gsize       len,
           gsize       from,
           gsize       size)
{
  gsize window = MIN (size, len - from);

  if (window == len - from)
    return len;
  for (gsize i = from + window; i > from; i--)
    {
      if (is_cut (text, i))
        return i;
    }
  for (gsize i = from + window + 1; i < len; i++)
    {
      if (is_cut (text, i))
        return i;
    }
  return len;
}

GlossaTokens *
glossa_tokenizer_next (GlossaTokenizer *tokenizer,
                       gsize            size)
{
  GlossaTokens *tokens;
  gsize end;
  glong n_chars;

  g_return_val_if_fail (tokenizer != NULL, NULL);

  if (tokenizer->byte >= tokenizer->len)
    return NULL;

  end = piece_end (tokenizer->text, tokenizer->len, tokenizer->byte, MAX (size, 1));
  n_chars = g_utf8_strlen (tokenizer->text + tokenizer->byte, end - tokenizer->byte);
  tokens = tokens_new ();
  tokenize_piece (tokens, tokenizer->text + tokenizer->byte, end - tokenizer->byte, n_chars,
                  tokenizer->position);

  tokenizer->byte = end;
  tokenizer->position += n_chars;
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
