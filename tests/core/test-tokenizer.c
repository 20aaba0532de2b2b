/* test-tokenizer.c: tests of tokens and sentences from Pango's boundaries
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "glossa-tokenizer.h"

/* The tokens of @text as "a|b|c", sentences separated by " / ". */
static char *
describe (const char *text)
{
  g_autoptr(GlossaTokens) tokens = glossa_tokenize (text, -1);
  GString *out = g_string_new (NULL);

  for (guint s = 0; s < tokens->sentences->len; s++)
    {
      const GlossaSentence *sentence = &g_array_index (tokens->sentences, GlossaSentence, s);

      g_assert_cmpuint (sentence->n_tokens, >, 0);
      if (s > 0)
        g_string_append (out, " / ");
      for (guint k = 0; k < sentence->n_tokens; k++)
        {
          const GlossaToken *token = &g_array_index (tokens->tokens, GlossaToken,
                                                     sentence->first_token + k);
          const char *from = g_utf8_offset_to_pointer (text, token->start);
          const char *to = g_utf8_offset_to_pointer (text, token->end);

          if (k > 0)
            g_string_append_c (out, '|');
          g_string_append_len (out, from, to - from);
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_tokens (const char *text,
               const char *expected)
{
  g_autofree char *actual = describe (text);

  g_assert_cmpstr (actual, ==, expected);
}

static void
test_words (void)
{
  assert_tokens ("Putin warned Biden.", "Putin|warned|Biden|.");
  assert_tokens (" date 2021-12-31 Fifty", "date|2021|-|12|-|31|Fifty");
  assert_tokens ("don't stop, 3.5% more", "don't|stop|,|3.5|%|more");
  assert_tokens ("“Colossal mistake”", "“|Colossal|mistake|”");
}

static void
test_emoji (void)
{
  /* Skin tone, flags, a ZWJ family: one token each, never split. */
  assert_tokens ("ok 👍🏽 🇮🇹🇺🇦 👨‍👩‍👧 end", "ok|👍🏽|🇮🇹|🇺🇦|👨‍👩‍👧|end");
}

static void
test_combining (void)
{
  /* e + COMBINING ACUTE ACCENT stays inside its word. */
  assert_tokens ("Cafe\xcc\x81 owners", "Cafe\xcc\x81|owners");
  assert_tokens ("e\xcc\x81te\xcc\x81", "e\xcc\x81te\xcc\x81");
}

static void
test_scripts (void)
{
  assert_tokens ("שלום עולם, said Dana", "שלום|עולם|,|said|Dana");
  assert_tokens ("مرحبا يا صديقي", "مرحبا|يا|صديقي");
  /* Without a dictionary, UAX #29 makes each ideograph a word. */
  assert_tokens ("東京都に住む。", "東|京|都|に|住|む|。");
}

static void
test_sentences (void)
{
  assert_tokens ("One two. Three? Four!", "One|two|. / Three|? / Four|!");
  assert_tokens ("Line one\r\n\r\nLine two", "Line|one / Line|two");
  assert_tokens ("A.\nB", "A|. / B");
}

static void
test_empty (void)
{
  g_autoptr(GlossaTokens) empty = glossa_tokenize ("", 0);
  g_autoptr(GlossaTokens) blank = glossa_tokenize (" \r\n\t \n", -1);

  g_assert_cmpuint (empty->tokens->len, ==, 0);
  g_assert_cmpuint (empty->sentences->len, ==, 0);
  g_assert_cmpuint (blank->tokens->len, ==, 0);
  g_assert_cmpuint (blank->sentences->len, ==, 0);
}

/* Over a text mixing everything: tokens are in order, disjoint, hold no
 * white space, and together cover every character that is not white
 * space; sentences cover the tokens in order with none left out.
 */
static void
test_invariants (void)
{
  const char *text = " date 2023-05-04 Emoji 👍🏽 and 🇮🇹 flags.\r\nCafe\xcc\x81 in 東京都 said “hi”!\n"
                     "שלום, مرحبا —  done\u00a0now.  ";
  g_autoptr(GlossaTokens) tokens = glossa_tokenize (text, -1);
  glong n_chars = g_utf8_strlen (text, -1);
  g_autofree gboolean *covered = g_new0 (gboolean, n_chars);
  gint64 previous_end = 0;
  guint next_token = 0;

  g_assert_cmpuint (tokens->tokens->len, >, 20);

  for (guint t = 0; t < tokens->tokens->len; t++)
    {
      const GlossaToken *token = &g_array_index (tokens->tokens, GlossaToken, t);

      g_assert_cmpint (token->start, >=, previous_end);
      g_assert_cmpint (token->end, >, token->start);
      g_assert_cmpint (token->end, <=, n_chars);
      for (gint64 i = token->start; i < token->end; i++)
        {
          gunichar c = g_utf8_get_char (g_utf8_offset_to_pointer (text, i));

          g_assert_false (g_unichar_isspace (c));
          covered[i] = TRUE;
        }
      previous_end = token->end;
    }

  for (glong i = 0; i < n_chars; i++)
    {
      gunichar c = g_utf8_get_char (g_utf8_offset_to_pointer (text, i));

      if (!covered[i])
        g_assert_true (g_unichar_isspace (c));
    }

  for (guint s = 0; s < tokens->sentences->len; s++)
    {
      const GlossaSentence *sentence = &g_array_index (tokens->sentences, GlossaSentence, s);

      g_assert_cmpuint (sentence->first_token, ==, next_token);
      g_assert_cmpuint (sentence->n_tokens, >, 0);
      next_token += sentence->n_tokens;
    }
  g_assert_cmpuint (next_token, ==, tokens->tokens->len);
  g_assert_cmpuint (tokens->sentences->len, ==, 3);
}

/* @len limits the text: nothing past it is read. */
static void
test_length (void)
{
  const char *text = "alpha beta gamma";
  g_autoptr(GlossaTokens) tokens = glossa_tokenize (text, 10);

  g_assert_cmpuint (tokens->tokens->len, ==, 2);
  g_assert_cmpint (g_array_index (tokens->tokens, GlossaToken, 1).end, ==, 10);
}

/* Tokens and sentences as one string: "start-end ... / ...". */
static void
describe_tokens (GString            *out,
                 const GlossaTokens *tokens)
{
  for (guint s = 0; s < tokens->sentences->len; s++)
    {
      const GlossaSentence *sentence = &g_array_index (tokens->sentences, GlossaSentence, s);

      g_string_append (out, "/");
      for (guint k = 0; k < sentence->n_tokens; k++)
        {
          const GlossaToken *token = &g_array_index (tokens->tokens, GlossaToken, sentence->first_token + k);

          g_string_append_printf (out, " %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, token->start, token->end);
        }
      g_string_append (out, "\n");
    }
}

static void
assert_pieces_match (const char *text,
                     gsize       size)
{
  g_autoptr(GlossaTokens) whole = glossa_tokenize (text, -1);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) got = g_string_new (NULL);
  GlossaTokenizer tokenizer;
  GlossaTokens *piece;
  guint n_pieces = 0;

  describe_tokens (expected, whole);
  glossa_tokenizer_init (&tokenizer, text, -1);
  while ((piece = glossa_tokenizer_next (&tokenizer, size)) != NULL)
    {
      describe_tokens (got, piece);
      glossa_tokens_free (piece);
      n_pieces++;
    }
  g_assert_cmpstr (got->str, ==, expected->str);
  /* Pieces of one byte: every line is a piece (CR LF ends one line). */
  if (size == 1)
    {
      gsize len = strlen (text);
      guint n_lines = len > 0;

      for (gsize i = 1; i < len; i++)
        n_lines += text[i - 1] == '\n' || (text[i - 1] == '\r' && text[i] != '\n');
      g_assert_cmpuint (n_pieces, ==, n_lines);
    }
}

/* Tokenizing piece by piece (export and agree on long articles) gives what
 * the whole text gives: every line feed is a word and sentence boundary.
 */
static void
test_pieces (void)
{
  const char *texts[] = {
    " date 2023-05-04 Emoji 👍🏽 and 🇮🇹 flags.\r\nCafe\xcc\x81 in 東京都 said “hi”!\n"
    "שלום, مرحبا —  done\u00a0now.  ",
    "No full stop\nat the end of a line\r\n\r\nor \"a quote.\"\n\n\nNext. one\n",
    "Mr. Smith said.\nthe U.S. rose 3.5%\n  \n\u200d\u0301x\n",
    "Old Mac line ends\rno stop\r\rNext \"one.\"\r\nthen\r",
    "",
    "\n\n",
  };
  g_autofree char *sample_dir = g_build_filename (g_getenv ("GLOSSA_SOURCE_DIR"), "data", "samples", NULL);
  g_autoptr(GDir) dir = g_dir_open (sample_dir, 0, NULL);
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (gsize size = 1; size < 256; size = size * 3 + 1)
      assert_pieces_match (texts[i], size);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (sample_dir, name, NULL);
      g_autofree char *text = NULL;

      if (!g_str_has_suffix (name, ".txt") || !g_file_get_contents (path, &text, NULL, NULL))
        continue;
      for (gsize size = 1; size < 4096; size = size * 4 + 1)
        assert_pieces_match (text, size);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/tokenizer/words", test_words);
  g_test_add_func ("/core/tokenizer/emoji", test_emoji);
  g_test_add_func ("/core/tokenizer/combining", test_combining);
  g_test_add_func ("/core/tokenizer/scripts", test_scripts);
  g_test_add_func ("/core/tokenizer/sentences", test_sentences);
  g_test_add_func ("/core/tokenizer/empty", test_empty);
  g_test_add_func ("/core/tokenizer/invariants", test_invariants);
  g_test_add_func ("/core/tokenizer/length", test_length);
  g_test_add_func ("/core/tokenizer/pieces-match-whole", test_pieces);

  return g_test_run ();
}
