/* glossa-suggest-quotes.h: quotations and their speakers, found by rule
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GLOSSA_SUGGEST_LANG_AUTO,
  GLOSSA_SUGGEST_LANG_EN,
  GLOSSA_SUGGEST_LANG_IT,
} GlossaSuggestLang;

/* Which rule gave a quote its speaker; the order is the order they are
 * tried in, from the most to the least reliable.
 */
typedef enum
{
  GLOSSA_QUOTE_RULE_CUE_AFTER,       /* “…,” said Jen Psaki / “…,” Psaki said */
  GLOSSA_QUOTE_RULE_CUE_BEFORE,      /* Psaki said: “…” / ha detto il ministro: «…» */
  GLOSSA_QUOTE_RULE_ACCORDING_TO,    /* according to X / secondo X, in the same sentence */
  GLOSSA_QUOTE_RULE_NEXT_SENTENCE,   /* “….” Psaki said. */
  GLOSSA_QUOTE_RULE_PREVIOUS,        /* the previous sentence or quote names the speaker */
  GLOSSA_QUOTE_RULE_NO_SOURCE,       /* a quotation whose speaker was not found */
  GLOSSA_QUOTE_N_RULES
} GlossaQuoteRule;

/* One suggested quotation. Offsets are code points into the text, 0-based
 * and end-exclusive, as Glossa's spans count them; -1 when absent.
 *
 * The quote span is what lies between the quotation marks, the marks
 * excluded (as the sample annotations, PARC 3.0's content spans and
 * Quotebank's quotations do); punctuation inside the marks is kept. A
 * quotation that runs over paragraphs, with its opening mark repeated at
 * each paragraph start, is one span from after the first opening mark to
 * before the one closing mark. A quotation broken by its attribution
 * (“We will not stop,” she said. “Never.”) is two quotes with the same
 * speaker, since a span is one stretch of text.
 *
 * Marks: “…”, "…", «…», ‹…›, „…“ and „…”, 「…」 and 『…』, and ‘…’ when it
 * opens a word and closes before a non-letter; a single mark nested in a
 * double one is part of the outer quotation. A straight ' never opens one
 * (l'anno, dell'Italia, '90s), nor does a ‘ before a digit (‘90s). A
 * quotation of one to three words is a scare quote, and not suggested,
 * unless its sentence has a reporting cue (then it is a partial quotation,
 * as PARC 3.0 annotates them: said it was a “colossal mistake”) or it is a
 * sentence of its own; a short capitalised one is a name or a title.
 *
 * The speaker is the shortest stretch that names the source: a person's
 * name without the title around it (“said Jen Psaki, White House Press
 * Secretary” gives “Jen Psaki”), a pronoun as written (“he”), or a noun
 * phrase with its article (“the ministry”). For a pronoun, or an Italian
 * verb without a subject, @resolved is the nearest named speaker before it.
 */
typedef struct
{
  gint64          start;
  gint64          end;
  gint64          speaker_start;
  gint64          speaker_end;
  gint64          resolved_start;
  gint64          resolved_end;
  gint64          cue_start;
  gint64          cue_end;
  double          score;
  GlossaQuoteRule rule;
} GlossaQuoteSuggestion;

const char       *glossa_quote_rule_to_string   (GlossaQuoteRule    rule);
const char       *glossa_suggest_lang_to_string (GlossaSuggestLang  lang);
gboolean          glossa_suggest_lang_from_string (const char        *name,
                                                   GlossaSuggestLang *lang);

/* The language of @text by its commonest function words: English unless
 * Italian ones outnumber them.
 */
GlossaSuggestLang glossa_suggest_detect_lang    (const char        *text,
                                                 gsize              len);

/* Finds the quotations in @text (@len bytes of UTF-8). @out is set to a new array of GlossaQuoteSuggestion*
 * (freed with the array) in text order. Returns FALSE, setting @out to
 * NULL, when @text is not valid UTF-8. The result depends only on the
 * text and @lang.
 */
gboolean          glossa_suggest_quotes         (const char        *text,
                                                 gsize              len,
                                                 GlossaSuggestLang  lang,
                                                 GPtrArray        **out);

G_END_DECLS
