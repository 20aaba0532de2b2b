/* glossa-tokenizer.h: tokens and sentences from Pango's Unicode boundaries
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A token: a run of characters between two UAX #29 word boundaries, with no
 * white space in it. Words, numbers, each punctuation mark and each emoji
 * sequence are tokens of their own. Offsets are code points, end exclusive.
 */
typedef struct
{
  gint64 start;
  gint64 end;
} GlossaToken;

/* A sentence covers the tokens [first_token, first_token + n_tokens). */
typedef struct
{
  guint first_token;
  guint n_tokens;
} GlossaSentence;

typedef struct
{
  GArray *tokens;     /* of GlossaToken, in text order */
  GArray *sentences;  /* of GlossaSentence, never empty ones */
} GlossaTokens;

GlossaTokens *glossa_tokenize     (const char   *text,
                                   gssize        len);
void          glossa_tokens_free  (GlossaTokens *tokens);

/* Tokenizes a long text a piece at a time, so that what it takes is in
 * proportion to a piece rather than to the text. Pieces end after a line
 * feed or a lone carriage return, where UAX #29 always ends a word and a
 * sentence, so they give the tokens and sentences glossa_tokenize() gives
 * for the whole text, with the same offsets (code points from the start
 * of the text). A paragraph longer than a piece is one piece.
 */
typedef struct
{
  const char *text;
  gsize       len;
  gsize       byte;        /* where the next piece starts */
  gint64      position;    /* the same in code points */
} GlossaTokenizer;

void          glossa_tokenizer_init (GlossaTokenizer *tokenizer,
                                     const char      *text,
                                     gssize           len);
/* The tokens and sentences of the next piece of about @size bytes (more to
 * reach the end of a paragraph), or NULL when the text has been read.
 */
GlossaTokens *glossa_tokenizer_next (GlossaTokenizer *tokenizer,
                                     gsize            size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaTokens, glossa_tokens_free)

G_END_DECLS
