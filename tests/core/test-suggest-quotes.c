/* test-suggest-quotes.c: tests of the quotation and speaker suggester
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "glossa-article.h"
#include "glossa-suggest-quotes.h"

/* ---------------------------------------------------------------- helpers */

static char *
slice (const char *text,
       gint64      start,
       gint64      end)
{
  if (start < 0)
    return g_strdup ("-");
  return g_utf8_substring (text, start, end);
}

/* The suggestions for @text, one per line: "quote|speaker|cue|rule", with
 * “=resolved” after a speaker that resolves to a name.
 */
static char *
describe (const char        *text,
          GlossaSuggestLang  lang)
{
  g_autoptr(GPtrArray) out = NULL;
  GString *s = g_string_new (NULL);

  g_assert_true (glossa_suggest_quotes (text, strlen (text), lang, &out));
  for (guint i = 0; i < out->len; i++)
    {
      const GlossaQuoteSuggestion *q = g_ptr_array_index (out, i);
      g_autofree char *quote = slice (text, q->start, q->end);
      g_autofree char *speaker = slice (text, q->speaker_start, q->speaker_end);
      g_autofree char *cue = slice (text, q->cue_start, q->cue_end);

      g_assert_cmpint (q->start, <, q->end);
      g_assert_cmpint (q->speaker_start < 0, ==, q->speaker_end < 0);
      g_assert_true (q->score > 0 && q->score <= 1);
      if (i > 0)
        g_string_append_c (s, '\n');
      g_string_append_printf (s, "%s|%s", quote, speaker);
      if (q->resolved_start >= 0)
        {
          g_autofree char *resolved = slice (text, q->resolved_start, q->resolved_end);
          g_string_append_printf (s, "=%s", resolved);
        }
      g_string_append_printf (s, "|%s|%s", cue, glossa_quote_rule_to_string (q->rule));
    }
  return g_string_free (s, FALSE);
}

#define assert_quotes(text, lang, expected) \
  G_STMT_START { \
    g_autofree char *got__ = describe ((text), (lang)); \
    g_assert_cmpstr (got__, ==, (expected)); \
  } G_STMT_END

static const GlossaSuggestLang EN = GLOSSA_SUGGEST_LANG_EN;
static const GlossaSuggestLang IT = GLOSSA_SUGGEST_LANG_IT;

/* ------------------------------------------------------------------ marks */

static void
test_marks (void)
{
  assert_quotes ("“We are ready,” Psaki said.", EN, "We are ready,|Psaki|said|cue-after");
  assert_quotes ("\"We are ready,\" Psaki said.", EN, "We are ready,|Psaki|said|cue-after");
  assert_quotes ("Psaki said:\"We are ready.\" He is 5'10\" tall.", EN,
                 "We are ready.|Psaki|said|cue-before");
  assert_quotes ("«Siamo pronti», ha detto Conte.", IT, "Siamo pronti|Conte|ha detto|cue-after");
  assert_quotes ("‹Siamo pronti›, ha detto Conte.", IT, "Siamo pronti|Conte|ha detto|cue-after");
  assert_quotes ("„Wir sind bereit“, said Scholz.", EN, "Wir sind bereit|Scholz|said|cue-after");
  assert_quotes ("„Wir sind bereit”, said Scholz.", EN, "Wir sind bereit|Scholz|said|cue-after");
  assert_quotes ("「準備はできている」, said Kishida.", EN, "準備はできている|Kishida|said|cue-after");
  assert_quotes ("‘We are ready,’ Psaki said.", EN, "We are ready,|Psaki|said|cue-after");
  /* TeX and Penn Treebank text; spaces inside the marks are not quoted. */
  assert_quotes ("``We are ready to talk ,'' said Jen Psaki .", EN,
                 "We are ready to talk ,|Jen Psaki|said|cue-after");
  assert_quotes ("« Siamo pronti », ha detto Conte.", IT, "Siamo pronti|Conte|ha detto|cue-after");
}

static void
test_nested (void)
{
  /* The inner quotation is part of the outer one, not a quote of its own. */
  assert_quotes ("“He told me ‘we are done’ and left,” Psaki said.", EN,
                 "He told me ‘we are done’ and left,|Psaki|said|cue-after");
  assert_quotes ("«Mi ha detto “basta” e se n'è andato», ha spiegato Conte.", IT,
                 "Mi ha detto “basta” e se n'è andato|Conte|ha spiegato|cue-after");
}

static void
test_split (void)
{
  assert_quotes ("“We will not stop,” she said. “Never.”", EN,
                 "We will not stop,|she|said|cue-after\n"
                 "Never.|she|-|previous");
  assert_quotes ("“We will not stop,” she said, “and we never will.”", EN,
                 "We will not stop,|she|said|cue-after\n"
                 "and we never will.|she|said|cue-before");
  assert_quotes ("«Non ci fermeremo», ha detto Landini, «mai».", IT,
                 "Non ci fermeremo|Landini|ha detto|cue-after\n"
                 "mai|Landini|ha detto|cue-before");
}

static void
test_paragraphs (void)
{
  const char *curly = "Cheng wrote to staff:\n\n“The weeks were hard.\n\n“We start again today.”\n\nThe end.";
  const char *guillemets = "Landini ha detto:\n\n«Oggi scioperiamo.\n\n«Domani trattiamo».\n";
  const char *unclosed = "“The weeks were hard.\n\nThe talks resume on Monday,” he said.";

  assert_quotes (curly, EN,
                 "The weeks were hard.\n\n“We start again today.|Cheng|wrote|previous");
  assert_quotes (guillemets, IT, "Oggi scioperiamo.\n\n«Domani trattiamo|Landini|ha detto|previous");
  /* Without the opening mark repeated, a paragraph ends the quotation:
   * nothing is suggested rather than the wrong stretch.
   */
  assert_quotes (unclosed, EN, "");
  /* One paragraph a line: a line break ends a paragraph too. */
  assert_quotes ("Psaki said:\n“One.\n“Two, three and four.”\n", EN,
                 "One.\n“Two, three and four.|Psaki|said|previous");
}

static void
test_apostrophes (void)
{
  assert_quotes ("Don't say it's over: l'anno dell'Italia, the '90s and the ’90s.", EN, "");
  assert_quotes ("L'anno scorso dell'Italia, l’ha detto lui: un po’ di più, dall’‘82 a oggi.", IT, "");
  /* An apostrophe inside a single-quoted quotation does not close it. */
  assert_quotes ("‘We don’t give up,’ Psaki said.", EN, "We don’t give up,|Psaki|said|cue-after");
}

static void
test_scare (void)
{
  /* Short phrases in marks with no reporting verb are scare quotes or names. */
  assert_quotes ("The law calls them gatekeepers and bans “self-preferencing” by them.", EN, "");
  assert_quotes ("Mosca continua a chiamarla «operazione militare speciale».", IT, "");
  assert_quotes ("The so-called “peace plan for everyone in Europe” failed.", EN, "");
  assert_quotes ("He went to see “The Lord Of The Rings” again.", EN, "");
  /* With a reporting verb in the sentence, a short quote is a partial one. */
  assert_quotes ("Putin said the sanctions would be a “colossal mistake”.", EN,
                 "colossal mistake|Putin|said|cue-before");
  assert_quotes ("Giorgetti ha spiegato che il quadro resta «complicato».", IT,
                 "complicato|Giorgetti|ha spiegato|cue-before");
  /* A short quotation that is a sentence of its own is a quote. */
  assert_quotes ("“Never.” Psaki said.", EN, "Never.|Psaki|said|next-sentence");
}

/* --------------------------------------------------------------- speakers */

static void
test_speakers_english (void)
{
  assert_quotes ("“We act now,” said Jen Psaki.", EN, "We act now,|Jen Psaki|said|cue-after");
  assert_quotes ("“We act now,” Psaki said.", EN, "We act now,|Psaki|said|cue-after");
  assert_quotes ("“We act now,” Jen Psaki, the press secretary, said.", EN,
                 "We act now,|Jen Psaki|said|cue-after");
  assert_quotes ("“We act now,” said White House Press Secretary Jen Psaki.", EN,
                 "We act now,|Jen Psaki|said|cue-after");
  assert_quotes ("“We act now,” said Jen Psaki, White House Press Secretary.", EN,
                 "We act now,|Jen Psaki|said|cue-after");
  assert_quotes ("“We act now,” said Jen Psaki. “He made it clear,” he added.", EN,
                 "We act now,|Jen Psaki|said|cue-after\n"
                 "He made it clear,|he=Jen Psaki|added|cue-after");
  assert_quotes ("“Prices will fall,” the minister said in a statement.", EN,
                 "Prices will fall,|the minister|said|cue-after");
  assert_quotes ("“Prices will fall,” Ushakov told reporters.", EN,
                 "Prices will fall,|Ushakov|told|cue-after");
  assert_quotes ("According to the ministry, “prices will fall this year.”", EN,
                 "prices will fall this year.|the ministry|According to|according-to");
  assert_quotes ("Prices will fall, according to the ministry, “by a third at least.”", EN,
                 "by a third at least.|the ministry|according to|according-to");
  assert_quotes ("Psaki said: “We act now.”", EN, "We act now.|Psaki|said|cue-before");
  assert_quotes ("A senior US official, who spoke on condition of anonymity, said the tone had "
                 "been “serious and substantive”.", EN,
                 "serious and substantive|A senior US official|said|cue-before");
  assert_quotes ("Russian adviser Yuri Ushakov told reporters that Putin was “satisfied”, adding "
                 "that it created a “good backdrop” for talks.", EN,
                 "satisfied|Yuri Ushakov|told|cue-before\n"
                 "good backdrop|Yuri Ushakov|told|cue-before");
  assert_quotes ("The company's chief executive, Clemence Cheng, wrote: “We start today.”", EN,
                 "We start today.|Clemence Cheng|wrote|cue-before");
  assert_quotes ("“Why now?” asked Psaki.", EN, "Why now?|Psaki|asked|cue-after");
  assert_quotes ("“We will win” — Psaki said.", EN, "We will win|Psaki|said|cue-after");
  assert_quotes ("“It is over,” Johnson, 58, told the BBC.", EN, "It is over,|Johnson|told|cue-after");
  /* The one spoken to is not the speaker. */
  assert_quotes ("Lisa Moran told the BBC: “We will hire drivers.”", EN,
                 "We will hire drivers.|Lisa Moran|told|cue-before");
  /* A colon after any verb: the sentence's subject. */
  assert_quotes ("Dr. Jones disagreed: “It is only the beginning.”", EN,
                 "It is only the beginning.|Jones|-|cue-before");
  /* Asides between dashes, and passive verbs that are no cue. */
  assert_quotes ("The minister – speaking in Rome – said the reform was “a historic step”.", EN,
                 "a historic step|The minister|said|cue-before");
  assert_quotes ("Breton wrote that they had been warned “many times”.", EN,
                 "many times|Breton|wrote|cue-before");
}

/* The rules added after the second held-out set, each on a sentence of
 * its own (none taken from the articles).
 */
static void
test_speakers_rules (void)
{
  /* “Per X” running into the quotation, without a comma. */
  assert_quotes ("Per il segretario della Lega Mario Rossi «il piano non regge».", IT,
                 "il piano non regge|Mario Rossi|Per|according-to");
  assert_quotes ("Per Rossi serve «un piano per il Sud».", IT,
                 "un piano per il Sud|Rossi|Per|according-to");
  /* Someone named after the previous quotation takes over. */
  assert_quotes ("«Non firmeremo nulla», ha detto Anna Neri. Il ministro Paolo Verdi ha replicato in serata. "
                 "«Il testo è pronto», si legge nella nota.", IT,
                 "Non firmeremo nulla|Anna Neri|ha detto|cue-after\n"
                 "Il testo è pronto|Paolo Verdi|-|previous");
  /* A place or body, then the person. */
  assert_quotes ("Il sindaco di Bari Vito Leccese ha detto: «Siamo pronti a tutto».", IT,
                 "Siamo pronti a tutto|Vito Leccese|ha detto|cue-before");
  assert_quotes ("«Siamo pronti a tutto», ha detto il segretario della Fiom Michele De Palma all'uscita.", IT,
                 "Siamo pronti a tutto|Michele De Palma|ha detto|cue-after");
  /* An apposition after the name, and a verb whose object is named. */
  assert_quotes ("Lo scrittore Marco Bianchi, autore di tre romanzi, ha definito il libro di Calvino "
                 "«una lezione di stile».", IT,
                 "una lezione di stile|Marco Bianchi|ha definito|cue-before");
  /* A capitalised first word is not the name when a full name follows. */
  assert_quotes ("Più cauto Luca Verdi, di Azione: «Aspettiamo i numeri».", IT,
                 "Aspettiamo i numeri|Luca Verdi|-|cue-before");
  /* A body's person, and a title between two names. */
  assert_quotes ("“We will appeal the ruling,” said Acme’s chief executive, Jane Doe.", EN,
                 "We will appeal the ruling,|Jane Doe|said|cue-after");
  assert_quotes ("“Prices will rise again,” said Oxford economist Ann Lee.", EN,
                 "Prices will rise again,|Ann Lee|said|cue-after");
}

static void
test_speakers_italian (void)
{
  assert_quotes ("«Siamo pronti», ha detto il ministro.", IT,
                 "Siamo pronti|il ministro|ha detto|cue-after");
  assert_quotes ("«Siamo pronti», ha dichiarato Giorgia Meloni.", IT,
                 "Siamo pronti|Giorgia Meloni|ha dichiarato|cue-after");
  assert_quotes ("Il ministro degli Esteri Luigi Di Maio ha affermato: «Siamo pronti».", IT,
                 "Siamo pronti|Luigi Di Maio|ha affermato|cue-before");
  assert_quotes ("«Siamo pronti», ha spiegato il ministro degli Esteri Luigi Di Maio.", IT,
                 "Siamo pronti|Luigi Di Maio|ha spiegato|cue-after");
  assert_quotes ("Il ministro Giancarlo Giorgetti ha parlato a lungo. «Abbiamo scelto», ha aggiunto.", IT,
                 "Abbiamo scelto|Giancarlo Giorgetti|ha aggiunto|previous");
  assert_quotes ("Secondo il sindaco, «la città è pronta».", IT,
                 "la città è pronta|il sindaco|Secondo|according-to");
  assert_quotes ("«La città è pronta», spiega il sindaco.", IT,
                 "La città è pronta|il sindaco|spiega|cue-after");
  assert_quotes ("«La città è pronta», dice Anna Rossi, dirigente scolastica.", IT,
                 "La città è pronta|Anna Rossi|dice|cue-after");
  assert_quotes ("«La città è pronta», afferma il sindaco.", IT,
                 "La città è pronta|il sindaco|afferma|cue-after");
  assert_quotes ("«La città è pronta», ha sottolineato il sindaco Filippo Mannino.", IT,
                 "La città è pronta|Filippo Mannino|ha sottolineato|cue-after");
  assert_quotes ("«La città è pronta», ha precisato Di Maio.", IT,
                 "La città è pronta|Di Maio|ha precisato|cue-after");
  assert_quotes ("Ucraina, Mattarella: «Pace e libertà non sono scontate»", IT,
                 "Pace e libertà non sono scontate|Mattarella|-|cue-before");
  assert_quotes ("Il sindaco è netto: «Non chiuderemo la scuola».", IT,
                 "Non chiuderemo la scuola|Il sindaco|-|cue-before");
  assert_quotes ("Il ministro Orazio Schillaci ha spiegato a Repubblica: «Vogliamo tempi certi».", IT,
                 "Vogliamo tempi certi|Orazio Schillaci|ha spiegato|cue-before");
  assert_quotes ("«Raccoglieremo le firme», fa sapere la Cgil in una nota.", IT,
                 "Raccoglieremo le firme|la Cgil|fa sapere|cue-after");
  assert_quotes ("Il presidente Vincenzo De Luca, che parla di «un colpo mortale».", IT,
                 "un colpo mortale|Vincenzo De Luca|parla|cue-before");
  assert_quotes ("La premier Giorgia Meloni ha lasciato il G7 di Hiroshima. "
                 "«Non possiamo lasciarla sola», ha scritto sui social.", IT,
                 "Non possiamo lasciarla sola|Giorgia Meloni|ha scritto|previous");
  /* “secondo” after an article is an ordinal, not “according to”. */
  assert_quotes ("Il secondo turno, «per tutti noi decisivo», si vota domenica.", IT,
                 "per tutti noi decisivo|-|-|no-source");
}

/* The shapes of long political news that heldout4/'s first run missed,
 * each in sentences of its own.
 */
static void
test_speakers_news (void)
{
  /* A dateline is no speaker; a party in brackets sits between name and verb. */
  assert_quotes ("WASHINGTON (AP) — “We will not blink,” Sen. Ann Lowe (R-Utah) said.", EN,
                 "We will not blink,|Ann Lowe|said|cue-after");
  assert_quotes ("Rep. Joe Park (D-Calif.), who chairs the panel, said the bill was “dead on arrival.”", EN,
                 "dead on arrival.|Joe Park|said|cue-before");
  assert_quotes ("Representative Lee Chan, Democrat of Texas, said the plan was “a fraud.”", EN,
                 "a fraud.|Lee Chan|said|cue-before");
  /* The clause after the quotation is the reporter's. */
  assert_quotes ("The union called the offer “an insult,” while the company said it was final.", EN,
                 "an insult,|The union|called|cue-before");
  /* AP's “D-N.Y.” ends no sentence; “accused … of” reports. */
  assert_quotes ("Schumer (D-N.Y.) accused Republicans of “hiding the ball.”", EN,
                 "hiding the ball.|Schumer|accused|cue-before");
  assert_quotes ("Sanders, I-Vt., said he would stay. “We’re in this to win,” he said.", EN,
                 "We’re in this to win,|he=Sanders|said|cue-after");
  /* A one-word answer after its cue; a show's name after “on”; a surname
   * with a relative clause opening the sentence before.
   */
  assert_quotes ("“We will see,” Trump said, before adding: “Maybe.”", EN,
                 "We will see,|Trump|said|cue-after\nMaybe.|Trump|said|cue-before");
  assert_quotes ("Kelly, who had been at the meeting, disputed that account. “That never happened,” "
                 "she told CNN's Jake Tapper on “State of the Union.”", EN,
                 "That never happened,|she=Kelly|told|cue-after");
  /* Nor does a pronoun stand for a dateline or a byline. */
  assert_quotes ("NEW YORK (Reuters) — “We will not sell,” he said.", EN,
                 "We will not sell,|he|said|cue-after");
  assert_quotes ("By JOHN SMITH and MARY LEE\n\n“It is over,” she said.", EN,
                 "It is over,|she|said|cue-after");
  /* Whoever is in the complement clause is not the speaker. */
  assert_quotes ("Tax experts who said the cut would “pay for itself” were few.", EN,
                 "pay for itself|Tax experts|said|cue-before");
  assert_quotes ("Ms. Ortiz said her aide had called it “a mistake.”", EN,
                 "a mistake.|Ortiz|said|cue-before");
  /* One capitalised word with a cue right after is a quotation, not a title. */
  assert_quotes ("Sen. Tom Hale left early. Hale was blunt. “No,” he said.", EN,
                 "No,|he=Hale|said|cue-after");
  /* “said” long after a long quotation, past a relative clause. */
  assert_quotes ("“We will rebuild the bridge, the school and every road the water took from us,” "
                 "the governor, who had not slept for two days, said at the end.", EN,
                 "We will rebuild the bridge, the school and every road the water took from us,|"
                 "the governor|said|cue-after");
  /* The speaker introduced in a paragraph of their own before. */
  assert_quotes ("“Yes,” said Sen. Mary Jones.\n\nMinority leader Tom Hale spoke next.\n\n"
                 "“This is theatre,” he said.", EN,
                 "Yes,|Mary Jones|said|cue-after\nThis is theatre,|he=Tom Hale|said|cue-after");
  /* A quotation inside a quotation is part of it. */
  assert_quotes ("“When I told him, ‘We need the money now,’ he laughed,” Hale said.", EN,
                 "When I told him, ‘We need the money now,’ he laughed,|Hale|said|cue-after");
  /* Italian: an insert between dashes, a title alone, a surname alone. */
  assert_quotes ("«Il piano è pronto — ha detto il ministro Carlo Neri — e partirà a marzo».", IT,
                 "Il piano è pronto|Carlo Neri|detto|cue-after\n"
                 "e partirà a marzo|Carlo Neri|detto|cue-after");
  assert_quotes ("In serata ha parlato anche il premier. «Andiamo avanti», ha scritto sui social.", IT,
                 "Andiamo avanti|il premier|ha scritto|previous");
  assert_quotes ("La sindaca Paola Gatti ha incontrato i residenti. Gatti ha poi visitato il cantiere. "
                 "«Finiremo entro l'estate», ha assicurato.", IT,
                 "Finiremo entro l'estate|Gatti|ha assicurato|previous");
  /* Dashes that make no insert leave the quotation whole. */
  assert_quotes ("«Pronti — ha detto»", IT, "Pronti — ha detto|-|-|no-source");
  assert_quotes ("«A — ha detto Rossi — »", IT, "A — ha detto Rossi —|-|-|no-source");
  assert_quotes ("«Siamo pronti — tutti — e andiamo», ha detto Rossi.", IT,
                 "Siamo pronti — tutti — e andiamo|Rossi|ha detto|cue-after");
}

/* ---------------------------------------------------------------- offsets */

static void
test_code_points (void)
{
  /* A family emoji (5 code points), a flag (2), e + combining acute (2). */
  const char *text = "👨‍👩‍👧 🇮🇹 Jose\xcc\x81 said: “Hola, amigos.”";
  g_autoptr(GPtrArray) out = NULL;
  const GlossaQuoteSuggestion *q;

  g_assert_true (glossa_suggest_quotes (text, strlen (text), EN, &out));
  g_assert_cmpuint (out->len, ==, 1);
  q = g_ptr_array_index (out, 0);
  g_assert_cmpint (q->start, ==, 22);
  g_assert_cmpint (q->end, ==, 35);
  g_assert_cmpint (q->speaker_start, ==, 9);
  g_assert_cmpint (q->speaker_end, ==, 14);
  g_assert_cmpint (q->cue_start, ==, 15);
  g_assert_cmpint (q->cue_end, ==, 19);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GPtrArray) out = (GPtrArray *) 0x1;

  g_assert_false (glossa_suggest_quotes ("“ab\xff”, he said", 13, EN, &out));
  g_assert_null (out);
}

static void
test_detect_lang (void)
{
  const char *en = "The minister said that the plan was ready and that it would start on Monday.";
  const char *it = "Il ministro ha detto che il piano è pronto e che partirà lunedì con una riunione.";

  g_assert_cmpint (glossa_suggest_detect_lang (en, strlen (en)), ==, GLOSSA_SUGGEST_LANG_EN);
  g_assert_cmpint (glossa_suggest_detect_lang (it, strlen (it)), ==, GLOSSA_SUGGEST_LANG_IT);
  g_assert_cmpint (glossa_suggest_detect_lang ("", 0), ==, GLOSSA_SUGGEST_LANG_EN);
}

/* Stray marks by the thousand must not make the pairing quadratic: with
 * it, this takes minutes and the test times out.
 */
static void
test_stray_marks (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GPtrArray) out = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "a “b \"c «d ‘e ");
  g_string_append (text, "“We are ready,” Psaki said.");
  g_assert_true (glossa_suggest_quotes (text->str, text->len, EN, &out));
  g_assert_cmpuint (out->len, ==, 1);
  g_string_free (text, TRUE);
}

/* Sentences of one capitalised word before quotations whose speaker is a
 * pronoun: each looks for a surname a bounded stretch back, so this stays
 * linear (unbounded, it takes minutes and the test times out).
 */
static void
test_surname_runs (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GPtrArray) out = NULL;

  for (guint i = 0; i < 50000; i++)
    g_string_append (text, "Hale. Ward. “Yes,” he said. ");
  g_assert_true (glossa_suggest_quotes (text->str, text->len, EN, &out));
  g_assert_cmpuint (out->len, ==, 50000);
  g_string_free (text, TRUE);
}

/* Long runs of names, particles and reporting verbs in one sentence, with
 * quotations among them: every rule reads a bounded stretch around each
 * quotation, so this stays linear too.
 */
static void
test_long_runs (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GPtrArray) out = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, i % 50 == 0 ? "“said de Psaki,” " : "de Van said Psaki told ");
  g_assert_true (glossa_suggest_quotes (text->str, text->len, EN, &out));
  g_assert_cmpuint (out->len, ==, 2000);
  g_string_free (text, TRUE);
}

/* ------------------------------------------------------------- evaluation */

typedef struct
{
  guint gold, gold_direct, suggested;
  guint found_exact, found_overlap, direct_exact, direct_overlap;
  guint right_exact, right_overlap;
  guint source_right;
} Score;

static gboolean
overlaps (gint64 a0, gint64 a1, gint64 b0, gint64 b1)
{
  return a0 >= 0 && b0 >= 0 && a0 < b1 && b0 < a1;
}

static JsonArray *
gold_quotes (JsonParser *parser,
             const char *path)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                       "quotes");
}

static gboolean
speaker_right (const GlossaQuoteSuggestion *s,
               JsonObject                  *gold)
{
  JsonArray *speakers = json_object_get_array_member (gold, "speakers");

  for (guint i = 0; i < json_array_get_length (speakers); i++)
    {
      JsonObject *m = json_array_get_object_element (speakers, i);

      if (overlaps (s->speaker_start, s->speaker_end, json_object_get_int_member (m, "start"),
                    json_object_get_int_member (m, "end")))
        return TRUE;
    }
  return FALSE;
}

static void
score_article (Score      *score,
               const char *text_path,
               const char *gold_path,
               GString    *misses)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = g_path_get_basename (text_path);
  JsonArray *gold = gold_quotes (parser, gold_path);
  const char *text;
  gsize len;

  g_file_get_contents (text_path, &data, &len, &error);
  g_assert_no_error (error);
  article = glossa_article_new_from_data (data, len, text_path, &error);
  g_assert_no_error (error);
  text = glossa_article_get_text (article);
  g_assert_true (glossa_suggest_quotes (text, glossa_article_get_n_bytes (article),
                                        GLOSSA_SUGGEST_LANG_AUTO, &out));

  score->suggested += out->len;
  for (guint i = 0; i < out->len; i++)
    {
      const GlossaQuoteSuggestion *s = g_ptr_array_index (out, i);
      gboolean exact = FALSE, overlap = FALSE;

      for (guint g = 0; g < json_array_get_length (gold); g++)
        {
          JsonObject *q = json_array_get_object_element (gold, g);
          gint64 start = json_object_get_int_member (q, "start");
          gint64 end = json_object_get_int_member (q, "end");

          exact |= s->start == start && s->end == end;
          overlap |= overlaps (s->start, s->end, start, end);
        }
      score->right_exact += exact;
      score->right_overlap += overlap;
      if (!overlap)
        {
          g_autofree char *quote = g_utf8_substring (text, s->start, s->end);
          g_string_append_printf (misses, "%s: suggested, not gold: %s\n", name, quote);
        }
    }

  for (guint g = 0; g < json_array_get_length (gold); g++)
    {
      JsonObject *q = json_array_get_object_element (gold, g);
      gint64 start = json_object_get_int_member (q, "start");
      gint64 end = json_object_get_int_member (q, "end");
      gboolean direct = g_strcmp0 (json_object_get_string_member (q, "kind"), "direct") == 0;
      const GlossaQuoteSuggestion *found = NULL;
      gboolean exact = FALSE;

      for (guint i = 0; i < out->len; i++)
        {
          const GlossaQuoteSuggestion *s = g_ptr_array_index (out, i);

          if (found == NULL && overlaps (s->start, s->end, start, end))
            found = s;
          exact |= s->start == start && s->end == end;
        }
      score->gold++;
      score->gold_direct += direct;
      score->found_exact += exact;
      score->found_overlap += found != NULL;
      score->direct_exact += direct && exact;
      score->direct_overlap += direct && found != NULL;
      if (found != NULL && speaker_right (found, q))
        score->source_right++;
      else
        {
          const char *why = found == NULL ? "missed" : "wrong speaker for";
          g_string_append_printf (misses, "%s: %s: %s\n", name, why,
                                  json_object_get_string_member (q, "text"));
        }
    }
}

static double
ratio (guint a, guint b)
{
  return b == 0 ? 1.0 : (double) a / b;
}

static Score
evaluate (const char *set,
          const char *prefix)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "quotes", set, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) misses = g_string_new (NULL);
  Score score = { 0 };
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >=, 2);

  for (guint i = 0; i < names->len; i++)
    {
      const char *txt = g_ptr_array_index (names, i);
      g_autofree char *stem = g_strndup (txt, strlen (txt) - 4);
      g_autofree char *gold = g_strconcat (stem, ".gold.json", NULL);
      g_autofree char *text_path = g_build_filename (folder, txt, NULL);
      g_autofree char *gold_path = g_build_filename (folder, gold, NULL);

      score_article (&score, text_path, gold_path, misses);
    }

  g_test_message ("%s/%s: %u articles, %u gold quotations (%u direct), %u suggested",
                  set, prefix, names->len, score.gold, score.gold_direct, score.suggested);
  g_test_message ("%s/%s: precision %.3f exact, %.3f overlap", set, prefix,
                  ratio (score.right_exact, score.suggested),
                  ratio (score.right_overlap, score.suggested));
  g_test_message ("%s/%s: recall (all) %.3f exact, %.3f overlap; recall (direct) %.3f exact, %.3f overlap",
                  set, prefix, ratio (score.found_exact, score.gold), ratio (score.found_overlap, score.gold),
                  ratio (score.direct_exact, score.gold_direct),
                  ratio (score.direct_overlap, score.gold_direct));
  g_test_message ("%s/%s: right source for %.3f of the quotations found", set, prefix,
                  ratio (score.source_right, score.found_overlap));
  if (misses->len > 0)
    g_test_message ("%s", misses->str);
  return score;
}

/* The floors sit a little below what the suggester reaches on the bundled
 * articles (see the figures this test prints), so that a change that makes
 * it worse fails here.
 */
static void
assert_floors (const Score *score,
               double       precision,
               double       direct_recall,
               double       source)
{
  g_assert_cmpfloat (ratio (score->right_overlap, score->suggested), >=, precision);
  g_assert_cmpfloat (ratio (score->direct_exact, score->gold_direct), >=, direct_recall);
  g_assert_cmpfloat (ratio (score->source_right, score->found_overlap), >=, source);
}

/* articles/ is the set the rules were tuned on; heldout/ was written
 * after the tuning and never tuned on, so its figures are the honest ones.
 */
static void
test_evaluation_english (void)
{
  Score score = evaluate ("articles", "en");

  assert_floors (&score, 0.95, 0.95, 0.93);
}

static void
test_evaluation_italian (void)
{
  Score score = evaluate ("articles", "it");

  assert_floors (&score, 0.95, 0.95, 0.95);
}

static void
test_heldout_english (void)
{
  Score score = evaluate ("heldout", "en");

  assert_floors (&score, 0.95, 0.95, 0.95);
}

static void
test_heldout_italian (void)
{
  Score score = evaluate ("heldout", "it");

  assert_floors (&score, 0.95, 0.95, 0.85);
}

/* heldout2/ was written, gold included, before the suggester ran on it;
 * its first figures are in tests/data/quotes/README.md. The rules were
 * then changed while looking at its misses, so these floors guard the
 * second round, not an unseen set.
 */
static void
test_heldout2_english (void)
{
  Score score = evaluate ("heldout2", "en");

  assert_floors (&score, 0.95, 0.95, 0.95);
}

static void
test_heldout2_italian (void)
{
  Score score = evaluate ("heldout2", "it");

  assert_floors (&score, 0.95, 0.95, 0.92);
}

/* heldout3/ was written, gold included, after that third round, and its
 * figures are the first run's: it has not been tuned on.
 */
static void
test_heldout3_english (void)
{
  Score score = evaluate ("heldout3", "en");

  assert_floors (&score, 0.95, 0.95, 0.95);
}

static void
test_heldout3_italian (void)
{
  Score score = evaluate ("heldout3", "it");

  assert_floors (&score, 0.95, 0.95, 0.8);
}

/* The same text gives the same suggestions, whatever ran before. */
static void
test_deterministic (void)
{
  const char *text = "“We will not stop,” she said. “Never.” Psaki said: “We act now.”";
  g_autofree char *first = describe (text, EN);
  g_autofree char *auto_lang = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other = NULL;

  other = describe ("«Siamo pronti», ha detto il ministro.", IT);
  again = describe (text, EN);
  auto_lang = describe (text, GLOSSA_SUGGEST_LANG_AUTO);
  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (first, ==, auto_lang);
}

/* heldout4/ is long US political news (and three Italian articles),
 * written with its gold before the suggester first ran on it. Its first
 * run gave sources right for 0.86 (English) and 0.67 (Italian); the rules
 * were then changed while reading its misses, so these floors guard the
 * tuned figures, not an honest estimate.
 */
static void
test_heldout4_english (void)
{
  Score score = evaluate ("heldout4", "en");

  assert_floors (&score, 0.95, 0.95, 0.95);
}

static void
test_heldout4_italian (void)
{
  Score score = evaluate ("heldout4", "it");

  assert_floors (&score, 0.95, 0.95, 0.9);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/suggest-quotes/marks", test_marks);
  g_test_add_func ("/core/suggest-quotes/nested", test_nested);
  g_test_add_func ("/core/suggest-quotes/split", test_split);
  g_test_add_func ("/core/suggest-quotes/paragraphs", test_paragraphs);
  g_test_add_func ("/core/suggest-quotes/apostrophes", test_apostrophes);
  g_test_add_func ("/core/suggest-quotes/scare", test_scare);
  g_test_add_func ("/core/suggest-quotes/speakers-english", test_speakers_english);
  g_test_add_func ("/core/suggest-quotes/speakers-italian", test_speakers_italian);
  g_test_add_func ("/core/suggest-quotes/speakers-rules", test_speakers_rules);
  g_test_add_func ("/core/suggest-quotes/speakers-news", test_speakers_news);
  g_test_add_func ("/core/suggest-quotes/code-points", test_code_points);
  g_test_add_func ("/core/suggest-quotes/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/core/suggest-quotes/detect-lang", test_detect_lang);
  g_test_add_func ("/core/suggest-quotes/stray-marks", test_stray_marks);
  g_test_add_func ("/core/suggest-quotes/long-runs", test_long_runs);
  g_test_add_func ("/core/suggest-quotes/surname-runs", test_surname_runs);
  g_test_add_func ("/core/suggest-quotes/deterministic", test_deterministic);
  g_test_add_func ("/core/suggest-quotes/evaluation-english", test_evaluation_english);
  g_test_add_func ("/core/suggest-quotes/evaluation-italian", test_evaluation_italian);
  g_test_add_func ("/core/suggest-quotes/heldout-english", test_heldout_english);
  g_test_add_func ("/core/suggest-quotes/heldout-italian", test_heldout_italian);
  g_test_add_func ("/core/suggest-quotes/heldout2-english", test_heldout2_english);
  g_test_add_func ("/core/suggest-quotes/heldout2-italian", test_heldout2_italian);
  g_test_add_func ("/core/suggest-quotes/heldout3-english", test_heldout3_english);
  g_test_add_func ("/core/suggest-quotes/heldout3-italian", test_heldout3_italian);
  g_test_add_func ("/core/suggest-quotes/heldout4-english", test_heldout4_english);
  g_test_add_func ("/core/suggest-quotes/heldout4-italian", test_heldout4_italian);

  return g_test_run ();
}
