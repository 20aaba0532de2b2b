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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaTokens, glossa_tokens_free)

G_END_DECLS
