/* glossa-suggest-quotes.c: quotations and their speakers, found by rule
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three passes over the text as code points: the quotations are paired
 * first (so that marks inside one never open another), then the text
 * outside them is cut into tokens in which each quotation is one token,
 * and last each quotation looks for a reporting verb and its subject in
 * its own sentence, then in the sentences next to it. Every scan is
 * bounded, so the whole is linear in the length of the text.
 */

#include "config.h"

#include <string.h>

#include "glossa-memory-private.h"
#include "glossa-suggest-quotes.h"

/* How far (in tokens) a sentence, a subject or a cue is looked for. */
#define SENTENCE_REACH 150
#define CUE_REACH      12
#define SUBJECT_REACH  8
#define NAME_WORDS_MAX  4
#define SURNAME_REACH  400

typedef enum
{
  W_VERB      = 1 << 0,   /* a reporting verb: said, ha detto */
  W_AUX       = 1 << 1,   /* skipped between a subject and its verb: has, ha, also */
  W_PRONOUN   = 1 << 2,
  W_DET       = 1 << 3,   /* starts a noun phrase: the, il */
  W_TITLE     = 1 << 4,   /* stripped from names: President, ministro */
  W_STOP      = 1 << 5,   /* ends a noun phrase read forwards: in, on, nel */
  W_FUNC      = 1 << 6,   /* never part of a name, even capitalised */
  W_PARTICLE  = 1 << 7,   /* inside names: Di Maio, van der Leyen */
  W_ACCORDING = 1 << 8,   /* according (to), secondo */
  W_SCARE     = 1 << 9,   /* so-called, cosiddetto */
  W_REL       = 1 << 10,  /* opens an apposition: who, which, che */
  W_OF        = 1 << 11,  /* inside noun phrases: the head of the union */
  W_PASSIVE   = 1 << 12,  /* before a participle that is then no cue: was told */
  W_LEAD      = 1 << 13,  /* “Per il ministro, …” at a sentence's start */
  W_TITLE_LINK = 1 << 14, /* after a title, inside a noun phrase: minister for */
  W_NAMING    = 1 << 15,  /* its object is named, not the speaker: called X “…” */
} WordFlags;

typedef struct
{
  const char *words;
  WordFlags   flags;
} WordList;

/* The inflections are listed rather than stemmed: a stemmer would also
 * match the nouns (a claim, the notes) that make reporting verbs ambiguous.
 */
static const WordList english[] = {
  { "say says said saying tell tells told telling add adds added adding warn warns warned "
    "warning insist insists insisted insisting noted noting argue argues argued arguing "
    "claimed claiming explain explains explained explaining stressed stressing write writes "
    "wrote writing asked replied replies declared declares announced announces tweeted "
    "tweets stated acknowledged admitted admits recalled recalls continued observed "
    "remarked confirmed denied responded answered concluded insisted complained predicted "
    "suggested suggests added promised vowed urged told called calling described "
    "describing testified testifies testify countered counters praised hailed accused accuses "
    "accusing blasted slammed criticized criticised contended contends asserted asserts conceded "
    "concedes pledged boasted joked quipped mused emphasized emphasised reiterated", W_VERB },
  { "has have had also later then again once previously earlier recently further simply "
    "just only has would will himself herself themselves itself could should might must can",
    W_AUX },
  { "be been being was were is are", W_PASSIVE },
  { "of", W_OF },
  { "for of", W_PARTICLE },
  { "he she they we it i", W_PRONOUN },
  { "the a an his her its their our", W_DET },
  { "in on at during after before when while that and but as from for with to by "
    "about whether if because", W_STOP },
  { "the a an and but or of in on at to for with by from as that this these those it its "
    "he she they we i his her their our when while after before if though although yet so "
    "then also there here what which who whose whom how why where not no yes however "
    "meanwhile still even", W_FUNC },
  { "who which whose whom", W_REL },
  { "according", W_ACCORDING },
  { "so-called", W_SCARE },
  { "called calling described describing dubbed", W_NAMING },
};

static const WordList italian[] = {
  { "detto dichiarato affermato spiegato aggiunto sottolineato precisato ribadito "
    "osservato commentato annunciato scritto twittato risposto replicato chiesto avvertito "
    "ammesso raccontato concluso denunciato assicurato evidenziato rimarcato insistito "
    "confermato ricordato incalzato tuonato puntualizzato attaccato "
    "dice dicono dichiara dichiarano afferma affermano spiega spiegano aggiunge aggiungono "
    "sottolinea precisa ribadisce osserva commenta annuncia scrive risponde replica chiede "
    "avverte ammette racconta conclude denuncia assicura conferma ricorda insiste incalza "
    "tuona puntualizza attacca dicendo dichiarando affermando spiegando aggiungendo "
    "sottolineando precisando ribadendo definito definisce definiscono parlato parla "
    "parlando sapere sostiene sostengono sostenuto", W_VERB },
  { "ha hanno aveva avevano avrebbe avrebbero abbia poi anche già inoltre lo gli ci si "
    "le l' mi ieri oggi invece stesso stessa stessi stesse fa fanno fatto", W_AUX },
  { "è stato stata stati state sono era viene vengono essere", W_PASSIVE },
  { "di del della dello dei degli delle dell'", W_OF },
  { "per", W_LEAD },
  { "lui lei loro egli ella essa esso", W_PRONOUN },
  { "il lo la i gli le un uno una l' suo sua suoi sue questo questa", W_DET },
  { "in nel nella nei negli nelle a al alla ai agli alle con durante dopo prima mentre "
    "quando che e ma per su sul sulla sui sugli sulle sullo da dal dalla dai dagli dalle "
    "dallo nello tra fra coi perché se come", W_STOP },
  { "il lo la i gli le un uno una e ed o ma di a da in con su per tra fra che chi cui "
    "non se come quando mentre dopo prima anche poi del della dei degli delle al alla ai "
    "agli nel nella nei sul sulla dal dalla questo questa quello quella lui lei loro "
    "secondo però invece intanto ieri oggi", W_FUNC },
  { "che chi cui quale", W_REL },
  { "secondo", W_ACCORDING },
  { "cosiddetto cosiddetta cosiddetti cosiddette", W_SCARE },
  { "definito definita definiti definite definisce definiscono definendo", W_NAMING },
  { "all' dall' nell' sull' coll'", W_STOP },
};

/* Shared by both languages: titles before names, name particles. */
static const WordList common[] = {
  { "president vice prime minister secretary press spokesman spokeswoman spokesperson "
    "senator sen. rep. representative gov. governor mayor general gen. chancellor chief "
    "director ambassador mr. mrs. ms. dr. prof. pope king queen prince judge justice ceo "
    "chairman chairwoman commissioner leader house white foreign defence defense interior "
    "affairs state deputy adviser advisor officer head attorney speaker regione "
    "presidente ministro ministra segretario segretaria portavoce premier sindaco "
    "governatore senatore senatrice deputato deputata onorevole on. sig. dott. avv. "
    "leader capogruppo sottosegretario viceministro vicepremier commissario consiglio "
    "esteri interno difesa economia giustizia salute sanità lavoro papa generale "
    "economist analyst professor researcher scientist lawyer expert activist campaigner "
    "economista analista professore professoressa ricercatore ricercatrice esperto esperta "
    "avvocato avvocata",
    W_TITLE },
  { "di de da del della van von der den du dos bin al el ibn", W_PARTICLE },
  { "for per", W_TITLE_LINK },
};

typedef struct
{
  GHashTable *words;   /* lower-case word → WordFlags */
} Lexicon;

static void
lexicon_add (GHashTable     *table,
             const WordList *lists,
             gsize           n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_auto(GStrv) words = g_strsplit (lists[i].words, " ", -1);

      for (char **w = words; *w != NULL; w++)
        {
          guint flags;

          if (**w == '\0')
            continue;
          flags = GPOINTER_TO_UINT (g_hash_table_lookup (table, *w));
          g_hash_table_insert (table, g_strdup (*w), GUINT_TO_POINTER (flags | lists[i].flags));
        }
    }
}

static const Lexicon *
lexicon_get (GlossaSuggestLang lang)
{
  static Lexicon lexicons[2];
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      for (guint l = 0; l < 2; l++)
        {
          lexicons[l].words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          if (l == 0)
            lexicon_add (lexicons[l].words, english, G_N_ELEMENTS (english));
          else
            lexicon_add (lexicons[l].words, italian, G_N_ELEMENTS (italian));
          lexicon_add (lexicons[l].words, common, G_N_ELEMENTS (common));
        }
      g_once_init_leave (&initialised, 1);
    }
  return &lexicons[lang == GLOSSA_SUGGEST_LANG_IT ? 1 : 0];
}

/* The marks that open a quotation, each with the marks that close it. */
typedef enum
{
  MARK_CURLY,      /* “…” */
  MARK_LOW,        /* „…“ and „…” */
  MARK_GUILLEMET,  /* «…» */
  MARK_ANGLE,      /* ‹…› */
  MARK_STRAIGHT,   /* "…" */
  MARK_SINGLE,     /* ‘…’ at the top level; apostrophes never open */
  MARK_CORNER,     /* 「…」 */
  MARK_WHITE_CORNER, /* 『…』 */
  MARK_BACKTICKS,  /* ``…'' as in TeX and the Penn Treebank's text */
  N_MARKS
} MarkKind;

typedef struct
{
  gint64   open;        /* the opening mark */
  gint64   start;       /* the content: [start, end) */
  gint64   end;         /* the content's end */
  gint64   after;       /* just after the closing mark */
  guint    n_words;
  gboolean title_case;  /* every word capitalised, as in a title */
} Quote;

typedef enum
{
  TOK_WORD,
  TOK_PUNCT,
  TOK_QUOTE,
  TOK_PARA,
} TokenKind;

typedef struct
{
  gint64    start;
  gint64    end;
  TokenKind kind;
  gunichar  ch;       /* TOK_PUNCT: the character */
  guint     quote;    /* TOK_QUOTE: index into quotes */
} Token;

typedef struct
{
  gint64 start;
  gint64 end;
} Range;

typedef struct
{
  const gunichar *cp;
  gint64          n;
  const Lexicon  *lexicon;
  gboolean        blank_line_paragraphs;
  GArray         *quotes;    /* Quote */
  GArray         *tokens;    /* Token */
  guint          *flags;     /* token index → WordFlags | FLAGS_KNOWN, filled as asked */
  guint          *quote_token;   /* quote index → token index */
  GPtrArray      *out;
  /* The last suggestion with a speaker, and the last named speaker:
   * pronouns and subjectless verbs resolve to them.
   */
  const GlossaQuoteSuggestion *previous;
  guint           previous_token;
  Range           last_named;
} Scan;

static const Range no_range = { -1, -1 };

/* ---------------------------------------------------------------- marks */

/* ASCII, most of the text, is answered without GLib's Unicode tables:
 * the same answers, at a fifth of the cost in a 5 MB article. (GLib's
 * spaces in ASCII are these five; not \v.)
 */
static gboolean
is_space (gunichar c)
{
  if (c < 128)
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F;
}

static gboolean
is_wordish (gunichar c)
{
  if (c < 128)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static int
opener_kind (gunichar c)
{
  switch (c)
    {
    case 0x201C: return MARK_CURLY;
    case 0x201E: return MARK_LOW;
    case 0x00AB: return MARK_GUILLEMET;
    case 0x2039: return MARK_ANGLE;
    case '"':    return MARK_STRAIGHT;
    case 0x2018: return MARK_SINGLE;
    case 0x300C: return MARK_CORNER;
    case 0x300E: return MARK_WHITE_CORNER;
    default:     return -1;
    }
}

static gunichar
char_at (const Scan *scan,
         gint64      i)
{
  return i >= 0 && i < scan->n ? scan->cp[i] : 0;
}

/* The kind of mark that could open a quotation at @i, or -1. */
static int
mark_at (const Scan *scan,
         gint64      i)
{
  if (scan->cp[i] == '`')
    return char_at (scan, i + 1) == '`' ? MARK_BACKTICKS : -1;
  return opener_kind (scan->cp[i]);
}

static gint64
mark_length (MarkKind kind)
{
  return kind == MARK_BACKTICKS ? 2 : 1;
}

/* Straight and single marks are also inch signs and apostrophes: they open
 * only at the start of a word, after a space, a dash, an opening bracket
 * or a colon (said:"We…").
 */
static gboolean
can_open (const Scan *scan,
          gint64      i,
          MarkKind    kind)
{
  gunichar before = char_at (scan, i - 1);
  gunichar after = char_at (scan, i + mark_length (kind));
  gboolean at_word_start = i == 0 || is_space (before) ||
                           (before < 128 && strchr ("([{/-:", (int) before) != NULL) ||
                           before == 0x2014 || before == 0x2013 || opener_kind (before) >= 0;

  if (kind == MARK_STRAIGHT)
    return at_word_start && after != 0 && !is_space (after);
  if (kind == MARK_SINGLE)
    return at_word_start && g_unichar_isalpha (after);
  return after != 0;
}

static gboolean
closes (const Scan *scan,
        gint64      i,
        MarkKind    kind)
{
  gunichar c = scan->cp[i];

  switch (kind)
    {
    case MARK_CURLY:        return c == 0x201D;
    case MARK_LOW:          return c == 0x201C || c == 0x201D;
    case MARK_GUILLEMET:    return c == 0x00BB;
    case MARK_ANGLE:        return c == 0x203A;
    case MARK_STRAIGHT:     return c == '"' && !is_space (char_at (scan, i - 1));
    case MARK_SINGLE:       return c == 0x2019 && !is_space (char_at (scan, i - 1)) &&
                                   !is_wordish (char_at (scan, i + 1));
    case MARK_CORNER:       return c == 0x300D;
    case MARK_WHITE_CORNER: return c == 0x300F;
    case MARK_BACKTICKS:    return c == '\'' && char_at (scan, i + 1) == '\'';
    case N_MARKS:
    default:                g_assert_not_reached ();
    }
}

/* If a paragraph ends at the line break @i, the position of the next
 * paragraph's first character; otherwise -1. With blank lines between
 * paragraphs a single line break is only a wrapped line.
 */
static gint64
paragraph_break (const Scan *scan,
                 gint64      i)
{
  gint64 j = i + 1;
  gboolean blank = FALSE;

  g_assert (scan->cp[i] == '\n');
  while (j < scan->n && is_space (scan->cp[j]))
    {
      if (scan->cp[j] == '\n')
        blank = TRUE;
      j++;
    }
  if (scan->blank_line_paragraphs && !blank)
    return -1;
  return j;
}

/* The closing mark of the quotation opened at @open, or -1. A quotation
 * goes on into the next paragraph only when that paragraph opens with the
 * same mark (news style); @fail is set to where the search gave up.
 */
static gint64
find_closer (const Scan *scan,
             gint64      open,
             MarkKind    kind,
             gint64     *fail)
{
  for (gint64 i = open + mark_length (kind); i < scan->n; i++)
    {
      gunichar c = scan->cp[i];

      if (c == '\n')
        {
          gint64 next = paragraph_break (scan, i);

          if (next < 0)
            continue;
          if (next < scan->n && mark_at (scan, next) == (int) kind)
            {
              i = next + mark_length (kind) - 1;
              continue;
            }
          *fail = next;
          return -1;
        }
      if (closes (scan, i, kind))
        return i;
      /* A straight mark that can only open means the last one never closed. */
      if (kind == MARK_STRAIGHT && c == '"')
        {
          *fail = i;
          return -1;
        }
    }
  *fail = scan->n;
  return -1;
}

static void
count_words (const Scan *scan,
             Quote      *quote)
{
  gboolean in_word = FALSE;

  quote->n_words = 0;
  quote->title_case = TRUE;
  for (gint64 i = quote->start; i < quote->end; i++)
    {
      gboolean w = is_wordish (scan->cp[i]);

      if (w && !in_word)
        {
          quote->n_words++;
          if (!g_unichar_isupper (scan->cp[i]) && !g_unichar_isdigit (scan->cp[i]))
            quote->title_case = FALSE;
        }
      in_word = w;
    }
}

static void
find_quotes (Scan *scan)
{
  gint64 no_closer_before[N_MARKS];

  for (guint k = 0; k < N_MARKS; k++)
    no_closer_before[k] = -1;

  for (gint64 i = 0; i < scan->n; i++)
    {
      int kind = mark_at (scan, i);
      gint64 close, fail = -1;
      Quote quote;

      if (kind < 0 || i < no_closer_before[kind] || !can_open (scan, i, kind))
        continue;
      close = find_closer (scan, i, kind, &fail);
      if (close < 0)
        {
          /* Every later opener of this kind before @fail fails there too:
           * remembering it keeps a text full of stray marks linear.
           */
          no_closer_before[kind] = fail;
          continue;
        }
      quote.open = i;
      quote.start = i + mark_length (kind);
      quote.end = close;
      quote.after = close + mark_length (kind);
      /* Spaces inside the marks are not quoted: « French », `` PTB ''. */
      while (quote.start < quote.end && is_space (scan->cp[quote.start]))
        quote.start++;
      while (quote.end > quote.start && is_space (scan->cp[quote.end - 1]))
        quote.end--;
      count_words (scan, &quote);
      if (quote.n_words > 0)
        g_array_append_val (scan->quotes, quote);
      i = quote.after - 1;
    }
}

/* --------------------------------------------------------------- tokens */

static gboolean
word_lower (const Scan  *scan,
            const Token *token,
            char        *buf,
            gsize        size)
{
  gsize used = 0;

  for (gint64 i = token->start; i < token->end; i++)
    {
      gunichar c = scan->cp[i] < 128 ? (gunichar) g_ascii_tolower (scan->cp[i]) : g_unichar_tolower (scan->cp[i]);

      if (c == 0x2019)
        c = '\'';
      if (used + 6 >= size)
        return FALSE;
      used += g_unichar_to_utf8 (c, buf + used);
    }
  buf[used] = '\0';
  return TRUE;
}

/* A word's flags are looked up once: the rules ask for them many times. */
#define FLAGS_KNOWN (1u << 31)

static guint
token_flags (const Scan *scan,
             gint64      t)
{
  const Token *token;
  char buf[64];
  guint flags = 0;

  if (t < 0 || t >= scan->tokens->len)
    return 0;
  if (scan->flags[t] & FLAGS_KNOWN)
    return scan->flags[t] & ~FLAGS_KNOWN;
  token = &g_array_index (scan->tokens, Token, t);
  if (token->kind == TOK_WORD && word_lower (scan, token, buf, sizeof buf))
    {
      char *apostrophe = strchr (buf, '\'');

      flags = GPOINTER_TO_UINT (g_hash_table_lookup (scan->lexicon->words, buf));
      /* “all'uscita”, “dell'Interno” are one token: their elided
       * preposition still ends or links a noun phrase.
       */
      if (flags == 0 && apostrophe != NULL && apostrophe[1] != '\0')
        {
          apostrophe[1] = '\0';
          flags = GPOINTER_TO_UINT (g_hash_table_lookup (scan->lexicon->words, buf)) & (W_STOP | W_OF);
        }
    }
  scan->flags[t] = flags | FLAGS_KNOWN;
  return flags;
}

static gboolean
is_abbreviation (const Scan *scan,
                 gint64      start,
                 gint64      end)
{
  Token token = { start, end + 1, TOK_WORD, 0, 0 };
  char buf[64];

  if (end - start == 1 && g_unichar_isupper (scan->cp[start]))
    return TRUE;
  return word_lower (scan, &token, buf, sizeof buf) &&
         (GPOINTER_TO_UINT (g_hash_table_lookup (scan->lexicon->words, buf)) & W_TITLE) != 0;
}

static gint64
word_end (const Scan *scan,
          gint64      i)
{
  while (i < scan->n)
    {
      gunichar c = scan->cp[i];

      if (is_wordish (c))
        i++;
      else if ((c == '\'' || c == 0x2019 || c == '-' || c == '.' || c == ',') &&
               is_wordish (char_at (scan, i + 1)) && i + 1 < scan->n &&
               ((c != '.' && c != ',') || g_unichar_isdigit (scan->cp[i + 1])))
        i++;
      else
        break;
    }
  return i;
}

static void
push_token (Scan     *scan,
            gint64    start,
            gint64    end,
            TokenKind kind,
            gunichar  ch,
            guint     quote)
{
  Token token = { start, end, kind, ch, quote };

  g_array_append_val (scan->tokens, token);
}

static void
tokenize (Scan *scan)
{
  guint q = 0;
  gint64 i = 0;

  scan->quote_token = g_new0 (guint, scan->quotes->len + 1);
  while (i < scan->n)
    {
      gunichar c = scan->cp[i];

      /* No token swallows an opening mark, so none is skipped. */
      g_assert (q >= scan->quotes->len || g_array_index (scan->quotes, Quote, q).open >= i);
      if (q < scan->quotes->len && g_array_index (scan->quotes, Quote, q).open == i)
        {
          const Quote *quote = &g_array_index (scan->quotes, Quote, q);

          scan->quote_token[q] = scan->tokens->len;
          push_token (scan, quote->start, quote->end, TOK_QUOTE, 0, q);
          i = quote->after;
          q++;
        }
      else if (c == '\n' && paragraph_break (scan, i) >= 0)
        {
          push_token (scan, i, i + 1, TOK_PARA, 0, 0);
          i = paragraph_break (scan, i);
        }
      else if (is_space (c))
        i++;
      else if (is_wordish (c))
        {
          gint64 end = word_end (scan, i);

          /* Mr. and J. keep their full stop, which then ends no sentence. */
          if (char_at (scan, end) == '.' && is_abbreviation (scan, i, end))
            end++;
          push_token (scan, i, end, TOK_WORD, 0, 0);
          i = end;
        }
      else
        {
          push_token (scan, i, i + 1, TOK_PUNCT, c, 0);
          i++;
        }
    }
}

/* ------------------------------------------------------------ sentences */

static const Token *
tok (const Scan *scan,
     guint       t)
{
  return &g_array_index (scan->tokens, Token, t);
}

static gboolean
is_kind (const Scan *scan,
         gint64      t,
         TokenKind   kind)
{
  return t >= 0 && t < scan->tokens->len && tok (scan, t)->kind == kind;
}

static gboolean
is_punct (const Scan *scan,
          gint64      t,
          const char *chars)
{
  return is_kind (scan, t, TOK_PUNCT) && tok (scan, t)->ch < 128 &&
         strchr (chars, (int) tok (scan, t)->ch) != NULL;
}

static gboolean
is_capitalised (const Scan *scan,
                gint64      t)
{
  gunichar c;

  if (!is_kind (scan, t, TOK_WORD))
    return FALSE;
  c = scan->cp[tok (scan, t)->start];
  return g_unichar_isupper (c) || g_unichar_istitle (c);
}

static gboolean
quote_ends_sentence (const Scan *scan,
                     const Token *token)
{
  for (gint64 i = token->end - 1; i >= token->start; i--)
    {
      gunichar c = scan->cp[i];

      if (is_space (c) || opener_kind (c) >= 0 || c == 0x2019 || c == 0x201D || c == 0xBB)
        continue;
      return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002;
    }
  return FALSE;
}

/* Whether a sentence ends after token @t. A full stop before a small letter
 * ends none (an abbreviation we do not know); a quotation that ends with
 * one ends its sentence when a capital or a new quotation follows.
 */
static gboolean
ends_sentence (const Scan *scan,
               gint64      t)
{
  const Token *token = tok (scan, t);
  gint64 next = t + 1;

  if (token->kind == TOK_PARA)
    return TRUE;
  if (next >= scan->tokens->len)
    return TRUE;
  /* “Whitfield (D-Ore.) said”: a full stop inside brackets ends no sentence,
   * nor does one before an initial: “Schumer (D-N.Y.) said”.
   */
  if (token->kind == TOK_PUNCT && token->ch == '.' &&
      (is_punct (scan, next, ")") ||
       (is_kind (scan, next, TOK_WORD) && tok (scan, next)->end - tok (scan, next)->start == 2 &&
        scan->cp[tok (scan, next)->start + 1] == '.' && g_unichar_isupper (scan->cp[tok (scan, next)->start]))))
    return FALSE;
  if (token->kind == TOK_PUNCT && (token->ch == '.' || token->ch == '!' || token->ch == '?' ||
                                   token->ch == 0x2026 || token->ch == 0x3002))
    return !is_kind (scan, next, TOK_WORD) || !g_unichar_islower (scan->cp[tok (scan, next)->start]);
  if (token->kind == TOK_QUOTE && quote_ends_sentence (scan, token))
    return is_capitalised (scan, next) || is_kind (scan, next, TOK_QUOTE) ||
           is_kind (scan, next, TOK_PARA);
  return FALSE;
}

static void
sentence_of (const Scan *scan,
             guint       t,
             gint64     *first,
             gint64     *last)
{
  gint64 a = t, b = t;

  while (a > 0 && t - a < SENTENCE_REACH && !ends_sentence (scan, a - 1))
    a--;
  while (b + 1 < scan->tokens->len && b - t < SENTENCE_REACH && !ends_sentence (scan, b))
    b++;
  *first = a;
  *last = b;
}

/* ------------------------------------------------------------- speakers */

static Range
token_range (const Scan *scan,
             gint64      from,
             gint64      to)
{
  Range r = { tok (scan, from)->start, tok (scan, to)->end };

  return r;
}

static gboolean
is_name_word (const Scan *scan,
              gint64      t)
{
  guint flags = token_flags (scan, t);

  if (!is_capitalised (scan, t))
    return FALSE;
  /* “Di Maio”, “De Luca”: a capitalised particle before a name. */
  if ((flags & W_PARTICLE) && is_capitalised (scan, t + 1) &&
      !(token_flags (scan, t + 1) & (W_FUNC | W_VERB)))
    return TRUE;
  return !(flags & (W_FUNC | W_VERB));
}

/* The name in the capitalised words [from, to]: the titles before it cut
 * off (“White House Press Secretary Jen Psaki” → “Jen Psaki”), and at most
 * NAME_WORDS_MAX words kept from the end.
 */
static Range
name_in_run (const Scan *scan,
             gint64      from,
             gint64      to)
{
  gint64 first = from;

  for (gint64 t = from; t < to; t++)
    if (token_flags (scan, t) & W_TITLE)
      first = t + 1;
  /* “Valentina Brinis di Open Arms”: the person, not the organisation. */
  for (gint64 t = first + 2; t < to && to - first + 1 > NAME_WORDS_MAX; t++)
    if ((token_flags (scan, t) & W_PARTICLE) && !is_capitalised (scan, t))
      to = t - 1;
  /* “il sindaco di Lampedusa Filippo Mannino”, “del Movimento 5 Stelle
   * Giuseppe Conte”: after “of” or a number, three capitalised words or
   * more are a place or body and then a person, who has the last two
   * (three with a particle: Michele De Palma).
   */
  if (to - first >= 2 && first > 0 &&
      ((token_flags (scan, first - 1) & W_OF) ||
       (is_kind (scan, first - 1, TOK_WORD) && g_unichar_isdigit (scan->cp[tok (scan, first - 1)->start]))))
    {
      first = to - 1;
      if ((token_flags (scan, first) & W_PARTICLE) && first - 1 >= from)
        first--;
    }
  while (to - first + 1 > NAME_WORDS_MAX)
    first++;
  while (first < to && (token_flags (scan, first) & W_PARTICLE) && !is_capitalised (scan, first))
    first++;
  return token_range (scan, first, to);
}

static gboolean
run_continues (const Scan *scan,
               gint64      t,
               gint64      step)
{
  if (is_name_word (scan, t))
    return TRUE;
  /* Lower-case particles only between capitalised words: Ursula von der
   * Leyen, Department for Transport. Two at most, so that a text of
   * nothing but particles is not walked again for every word.
   */
  for (guint n = 0; n < 2 && (token_flags (scan, t) & W_PARTICLE); n++)
    t += step;
  return is_name_word (scan, t) && (token_flags (scan, t - step) & W_PARTICLE);
}

static gboolean
np_continues (const Scan *scan,
              gint64      t)
{
  guint flags = token_flags (scan, t);

  if (!is_kind (scan, t, TOK_WORD) || (flags & (W_VERB | W_PRONOUN | W_PASSIVE)))
    return FALSE;
  /* “said his party had offered “…””: an auxiliary starts the clause the
   * noun phrase is the subject of; it is not the speaker.
   */
  if ((flags & W_AUX) && !(flags & (W_DET | W_OF | W_PARTICLE)))
    return FALSE;
  /* “il ministro per gli Affari regionali”, “the minister for Europe” */
  if ((flags & W_TITLE_LINK) && (token_flags (scan, t - 1) & W_TITLE))
    return TRUE;
  if (flags & W_STOP)
    return FALSE;
  return !(flags & W_FUNC) || (flags & (W_PARTICLE | W_DET | W_OF));
}

static gboolean
is_possessive (const Scan *scan,
               gint64      t)
{
  const Token *token;

  if (!is_kind (scan, t, TOK_WORD))
    return FALSE;
  token = tok (scan, t);
  return token->end - token->start > 2 && scan->cp[token->end - 1] == 's' &&
         (scan->cp[token->end - 2] == '\'' || scan->cp[token->end - 2] == 0x2019);
}

static Range speaker_phrase (const Scan *scan,
                             gint64      k,
                             gint64      limit,
                             gint64     *last);

static Range
speaker_forward (const Scan *scan,
                 gint64      k,
                 gint64      limit,
                 gint64     *last)
{
  gint64 end;
  guint flags;
  gint64 dummy;

  if (last == NULL)
    last = &dummy;
  *last = k;
  if (k > limit || !is_kind (scan, k, TOK_WORD))
    return no_range;
  flags = token_flags (scan, k);
  if (flags & W_PRONOUN)
    return token_range (scan, k, k);
  if (is_name_word (scan, k))
    {
      for (end = k; end + 1 <= limit && run_continues (scan, end + 1, 1); end++)
        ;
      /* “said Ofwat’s chief executive, David Black”: the body's person. */
      if (is_possessive (scan, end) && end + 1 <= limit &&
          !(token_flags (scan, end + 1) & (W_STOP | W_VERB | W_FUNC)))
        {
          Range person = speaker_phrase (scan, end + 1, limit, last);

          if (person.start >= 0 && g_unichar_isupper (scan->cp[person.start]))
            return person;
        }
      /* “said Kiel economist Stefan Kooths”: a title between two names. */
      while (end + 2 <= limit && (token_flags (scan, end + 1) & W_TITLE) &&
             !is_capitalised (scan, end + 1) && is_name_word (scan, end + 2))
        for (k = end = end + 2; end + 1 <= limit && run_continues (scan, end + 1, 1); end++)
          ;
      *last = end;
      return name_in_run (scan, k, end);
    }
  if (flags & (W_STOP | W_VERB | W_FUNC) && !(flags & W_DET))
    return no_range;
  return speaker_phrase (scan, k, limit, last);
}

/* A noun phrase, up to a preposition or punctuation; a name at its end
 * (“il ministro degli Esteri Luigi Di Maio”) is the speaker.
 */
static Range
speaker_phrase (const Scan *scan,
                gint64      k,
                gint64      limit,
                gint64     *last)
{
  gint64 end, np_end, cap_start;
  guint flags = token_flags (scan, k);

  for (np_end = k; np_end + 1 <= limit && np_end - k < SUBJECT_REACH &&
       np_continues (scan, np_end + 1); np_end++)
    ;
  *last = np_end;
  /* “said the county's fire chief, Kevin Ruiz.” */
  if (np_end + 2 <= limit && is_punct (scan, np_end + 1, ",") && is_name_word (scan, np_end + 2))
    {
      for (end = np_end + 2; end + 1 <= limit && run_continues (scan, end + 1, 1); end++)
        ;
      if (end + 1 > limit || !is_kind (scan, end + 1, TOK_WORD))
        {
          *last = end;
          return name_in_run (scan, np_end + 2, end);
        }
    }
  /* “Il padrone di casa, il governatore della Campania Antonio Russo, ha”:
   * the name ending an apposition.
   */
  if (np_end + 3 <= limit && is_punct (scan, np_end + 1, ",") && (token_flags (scan, np_end + 2) & W_DET))
    {
      gint64 inner = np_end + 2;

      while (inner + 1 <= limit && inner - np_end < SUBJECT_REACH && np_continues (scan, inner + 1))
        inner++;
      if (is_name_word (scan, inner) && inner + 1 <= limit && is_punct (scan, inner + 1, ","))
        {
          for (cap_start = inner; cap_start > np_end + 2 && run_continues (scan, cap_start - 1, -1); cap_start--)
            ;
          *last = inner;
          return name_in_run (scan, cap_start, inner);
        }
    }
  for (cap_start = np_end; cap_start > k && run_continues (scan, cap_start, -1); cap_start--)
    ;
  if (cap_start < np_end && !is_name_word (scan, cap_start) &&
      !(token_flags (scan, cap_start) & W_DET))
    return name_in_run (scan, cap_start + 1, np_end);
  if ((flags & W_DET) && np_end == k)
    return no_range;
  return token_range (scan, k, np_end);
}

static gboolean
is_dash (const Scan *scan,
         gint64      t)
{
  return is_kind (scan, t, TOK_PUNCT) && (tok (scan, t)->ch == 0x2013 || tok (scan, t)->ch == 0x2014);
}

/* Skips an aside between dashes or brackets ending at @t (“The minister –
 * speaking in Rome – said”), returning the token before it, or -1.
 */
static gint64
skip_aside (const Scan *scan,
            gint64      t,
            gint64      limit)
{
  gboolean bracket = is_punct (scan, t, ")");

  for (gint64 c = t - 1; c > limit && t - c <= 20; c--)
    {
      if (is_kind (scan, c, TOK_QUOTE) || is_punct (scan, c, bracket ? ";:!?" : ".;:!?"))
        return -1;
      if (bracket ? is_punct (scan, c, "(") : is_dash (scan, c))
        return c - 1;
    }
  return -1;
}

/* The closing bracket of the one opening at @t, within a few words, or -1:
 * “Whitfield (D-Ore.) said”.
 */
static gint64
bracket_end (const Scan *scan,
             gint64      t,
             gint64      last)
{
  for (gint64 c = t + 1; c <= last && c - t <= 8; c++)
    {
      if (is_kind (scan, c, TOK_QUOTE) || is_kind (scan, c, TOK_PARA) || is_punct (scan, c, "("))
        return -1;
      if (is_punct (scan, c, ")"))
        return c;
    }
  return -1;
}

/* Whether a lower-case “of” is among the tokens [from, to): “Democrat of
 * California” describes someone, it does not name them.
 */
static gboolean
has_lower_of (const Scan *scan,
              gint64      from,
              gint64      to)
{
  for (gint64 c = from; c < to; c++)
    if ((token_flags (scan, c) & W_OF) && is_kind (scan, c, TOK_WORD) &&
        g_unichar_islower (scan->cp[tok (scan, c)->start]))
      return TRUE;
  return FALSE;
}

/* Skips an apposition ending at the comma @t (“Psaki, the press secretary,
 * said”), returning the token before it, or -1.
 */
static gint64
skip_apposition (const Scan *scan,
                 gint64      t,
                 gint64      limit)
{
  for (gint64 c = t - 1; c > limit && t - c <= 16; c--)
    {
      if (is_kind (scan, c, TOK_QUOTE) || is_punct (scan, c, ".;:!?"))
        return -1;
      if (is_punct (scan, c, ","))
        {
          guint first = token_flags (scan, c + 1);

          /* “Psaki, the press secretary,”, “Shah, 34,”, “Ruiz, who …,”,
           * and after a name anything: “Marco Lodoli, autore di tre libri,”.
           */
          if (c + 1 < t && ((first & (W_REL | W_DET | W_TITLE)) ||
                            (is_kind (scan, c + 1, TOK_WORD) &&
                             g_unichar_isdigit (scan->cp[tok (scan, c + 1)->start])) ||
                            (is_name_word (scan, c - 1) && !is_capitalised (scan, c + 1)) ||
                            ((is_name_word (scan, c - 1) || is_punct (scan, c - 1, ")")) &&
                             has_lower_of (scan, c + 1, t))))
            return c - 1;
          return -1;
        }
    }
  return -1;
}

/* “The company's chief executive, Clemence Cheng, wrote”: the name
 * between the commas ending at @t, if that is all there is between them.
 */
static Range
name_apposition (const Scan *scan,
                 gint64      t,
                 gint64      limit)
{
  gint64 first = t - 1;

  if (!is_name_word (scan, t - 1))
    return no_range;
  while (first - 1 >= limit && run_continues (scan, first - 1, -1))
    first--;
  if (has_lower_of (scan, first, t))
    return no_range;
  if (first - 1 > limit && is_punct (scan, first - 1, ","))
    return name_in_run (scan, first, t - 1);
  return no_range;
}

/* Conjunctions among the words that end a noun phrase: the subject after
 * them is a subject (“that a senior official had said”), not the object of
 * a preposition.
 */
static gboolean
is_conjunction (const Scan *scan,
                gint64      t)
{
  static const char * const words[] = {
    "that", "when", "while", "and", "but", "as", "whether", "if", "because",
    "mentre", "quando", "e", "ma", "perché", "se", "come",
  };
  char buf[64];

  if (!is_kind (scan, t, TOK_WORD) || !word_lower (scan, tok (scan, t), buf, sizeof buf))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (buf, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The subject of the verb at @v, read backwards no further than @limit. */
static Range
subject_backward (const Scan *scan,
                  gint64      v,
                  gint64      limit)
{
  gint64 i = v - 1, first;
  gboolean relative = FALSE;

  while (i >= limit && (token_flags (scan, i) & W_AUX) && !(token_flags (scan, i) & W_PRONOUN))
    i--;
  if (i >= limit && is_punct (scan, i, ","))
    {
      Range name = name_apposition (scan, i, limit);

      if (name.start >= 0)
        return name;
      i = skip_apposition (scan, i, limit);
    }
  else if (i >= limit && (is_dash (scan, i) || is_punct (scan, i, ")")))
    i = skip_aside (scan, i, limit);
  /* “Vincenzo De Luca, che parla di …”: the antecedent speaks. */
  else if (i - 2 >= limit && (token_flags (scan, i) & W_REL) && is_punct (scan, i - 1, ","))
    i -= 2;
  /* “business groups who said”: a bare noun before “who” is its subject. */
  else if (i - 1 >= limit && (token_flags (scan, i) & W_REL) && is_kind (scan, i - 1, TOK_WORD) &&
           !(token_flags (scan, i - 1) & (W_FUNC | W_VERB | W_STOP | W_AUX)))
    {
      i--;
      relative = TRUE;
    }
  /* “Sen. Rebecca Solano (D-Ariz.), who is leading the talks, said” */
  if (i >= limit && is_punct (scan, i, ")"))
    i = skip_aside (scan, i, limit);
  if (i < limit || !is_kind (scan, i, TOK_WORD))
    return no_range;
  if (token_flags (scan, i) & W_PRONOUN)
    return token_range (scan, i, i);
  if (token_flags (scan, i) & (W_FUNC | W_VERB | W_STOP))
    return no_range;
  if (is_name_word (scan, i))
    {
      for (first = i; first - 1 >= limit && run_continues (scan, first - 1, -1); first--)
        ;
      /* A name after a lower-case title is the name; a capitalised noun
       * after an article is a noun phrase: “the Kremlin”.
       */
      if (!(first - 1 >= limit && (token_flags (scan, first - 1) & W_DET)))
        return name_in_run (scan, first, i);
      return token_range (scan, first - 1, i);
    }
  for (first = i; first - 1 >= limit && i - first < SUBJECT_REACH; first--)
    {
      guint flags = token_flags (scan, first - 1);

      if (!is_kind (scan, first - 1, TOK_WORD) || (flags & (W_VERB | W_PRONOUN)))
        break;
      /* “…, che in una nota ha replicato”: a noun after a preposition is
       * not the subject; the one before the preposition may be.
       */
      if ((flags & W_DET) && first - 2 > limit && (token_flags (scan, first - 2) & W_STOP) &&
          !(token_flags (scan, first - 2) & (W_OF | W_REL | W_DET)) && !is_conjunction (scan, first - 2))
        return subject_backward (scan, first - 2, limit);
      if (flags & W_DET)
        return token_range (scan, first - 1, i);
      if ((flags & (W_FUNC | W_STOP)) && !(flags & (W_PARTICLE | W_OF)))
        break;
    }
  if (relative || first - 1 < limit || !is_kind (scan, first - 1, TOK_WORD))
    return token_range (scan, first, i);
  return no_range;
}

/* A reporting verb, unless passive: in “had been warned” the subject is
 * not the one who warned.
 */
static gboolean
is_cue (const Scan *scan,
        gint64      t)
{
  gint64 before = t - 1;

  if (!(token_flags (scan, t) & W_VERB))
    return FALSE;
  while (before >= 0 && (token_flags (scan, before) & W_AUX) && !(token_flags (scan, before) & W_PASSIVE))
    before--;
  return !(before >= 0 && (token_flags (scan, before) & W_PASSIVE));
}

/* A reporting verb with its auxiliary: “has said”, “ha detto”. */
static Range
cue_range (const Scan *scan,
           gint64      v)
{
  gint64 first = v;

  if (v > 0 && (token_flags (scan, v - 1) & W_AUX) && !(token_flags (scan, v - 1) & W_PRONOUN) &&
      !(token_flags (scan, v - 1) & W_FUNC))
    first = v - 1;
  return token_range (scan, first, v);
}

typedef struct
{
  Range           speaker;
  Range           cue;
  GlossaQuoteRule rule;
  gboolean        found_cue;
  gboolean        cue_in_sentence;   /* the quotation's own sentence has a cue */
} Attribution;

static gboolean
according_at (const Scan *scan,
              gint64      t,
              gint64     *speaker_from)
{
  char buf[64];

  if (!(token_flags (scan, t) & W_ACCORDING))
    return FALSE;
  word_lower (scan, tok (scan, t), buf, sizeof buf);
  if (strcmp (buf, "according") == 0)
    {
      Token const *next = is_kind (scan, t + 1, TOK_WORD) ? tok (scan, t + 1) : NULL;
      char to[8];

      if (next == NULL || !word_lower (scan, next, to, sizeof to) || strcmp (to, "to") != 0)
        return FALSE;
      *speaker_from = t + 2;
      return TRUE;
    }
  /* “il secondo turno” is an ordinal. */
  if (t > 0 && (token_flags (scan, t - 1) & W_DET))
    return FALSE;
  *speaker_from = t + 1;
  return TRUE;
}

/* “Per il ministro, il piano è «pronto»”: Italian's “for X” is “according
 * to X” when it opens the sentence with a name or phrase and a comma, or
 * runs straight into the quotation.
 */
static gboolean
lead_according (const Scan  *scan,
                gint64       j,
                gint64       q,
                Attribution *a)
{
  gint64 end;
  Range speaker = speaker_forward (scan, j + 1, q - 1, &end);

  if (speaker.start < 0)
    return FALSE;
  while (end + 1 < q && !is_punct (scan, end + 1, ",") && is_kind (scan, end + 1, TOK_WORD) &&
         end - j < SUBJECT_REACH)
    end++;
  /* “Per Valditara serve «…»”, “Per la segretaria Elly Schlein «…»”:
   * without a comma, when nothing but words lead to the quotation.
   */
  if (!is_punct (scan, end + 1, ",") && end + 1 != q)
    return FALSE;
  a->speaker = speaker;
  a->cue = token_range (scan, j, j);
  a->rule = GLOSSA_QUOTE_RULE_ACCORDING_TO;
  a->found_cue = TRUE;
  return TRUE;
}

/* Whether the words after a quotation at @k go on with the reporter's own
 * clause rather than its attribution: “…,” while the chamber warned; “…,”
 * leaving out portions that he said.
 */
static gboolean
starts_other_clause (const Scan *scan,
                     gint64      k)
{
  const Token *word = tok (scan, k);
  guint flags = token_flags (scan, k);

  if (word->kind != TOK_WORD || (flags & (W_VERB | W_ACCORDING)))
    return FALSE;
  if ((flags & W_STOP) && !(flags & (W_DET | W_PARTICLE | W_OF | W_TITLE_LINK)))
    return TRUE;
  return word->end - word->start > 4 && g_unichar_islower (scan->cp[word->start]) &&
         scan->cp[word->end - 3] == 'i' && scan->cp[word->end - 2] == 'n' &&
         scan->cp[word->end - 1] == 'g';
}

/* The comma closing a clause opened at @t, within a sentence's reach. */
static gint64
next_comma (const Scan *scan,
            gint64      t,
            gint64      last)
{
  for (gint64 c = t; c <= last && c - t < 20; c++)
    {
      if (is_punct (scan, c, ","))
        return c;
      if (!is_kind (scan, c, TOK_WORD))
        return -1;
    }
  return -1;
}

/* Whether the tokens [from, to) are all words. */
static gboolean
words_only (const Scan *scan,
            gint64      from,
            gint64      to)
{
  for (gint64 c = from; c < to; c++)
    if (!is_kind (scan, c, TOK_WORD))
      return FALSE;
  return to > from;
}

/* “…,” said Jen Psaki / “…,” Psaki said / «…», ha aggiunto: the cue right
 * after the quotation, before anything else happens in the sentence.
 */
static gboolean
cue_after (const Scan  *scan,
           gint64       from,
           gint64       last,
           Attribution *a)
{
  gint64 k = from, skipped = 0;

  while (k <= last && is_punct (scan, k, ",-:"))
    k++;
  while (k <= last && is_kind (scan, k, TOK_PUNCT) && (tok (scan, k)->ch == 0x2014 ||
                                                       tok (scan, k)->ch == 0x2013))
    k++;
  if (k <= last && starts_other_clause (scan, k))
    return FALSE;
  for (gint64 j = k; j <= last && j - k - skipped < CUE_REACH; j++)
    {
      gint64 sfrom, close;

      if (j > k && is_punct (scan, j, "(") && (j = bracket_end (scan, j, last)) >= 0)
        continue;
      /* “…,” the governor, who had not slept for two days, said: the
       * relative clause does not count against the reach.
       */
      if (j > k && is_punct (scan, j, ",") && (token_flags (scan, j + 1) & W_REL) &&
          (close = next_comma (scan, j + 1, last)) >= 0)
        {
          skipped += close - j;
          j = close;
          continue;
        }
      if (j < 0 || (!is_kind (scan, j, TOK_WORD) && !is_punct (scan, j, ",")))
        return FALSE;
      if (according_at (scan, j, &sfrom) && j == k)
        {
          a->cue = token_range (scan, j, sfrom - 1);
          a->speaker = speaker_forward (scan, sfrom, last, NULL);
          a->rule = GLOSSA_QUOTE_RULE_ACCORDING_TO;
          a->found_cue = TRUE;
          return TRUE;
        }
      if (is_cue (scan, j))
        {
          gboolean only_aux = TRUE;

          for (gint64 x = k; x < j; x++)
            if (!(token_flags (scan, x) & W_AUX) || (token_flags (scan, x) & W_PRONOUN))
              only_aux = FALSE;
          a->cue = cue_range (scan, j);
          a->found_cue = TRUE;
          a->rule = GLOSSA_QUOTE_RULE_CUE_AFTER;
          a->speaker = only_aux ? speaker_forward (scan, j + 1, last, NULL)
                                : subject_backward (scan, j, k);
          /* “…,” a Democratic strategist involved in Senate races said. */
          if (a->speaker.start < 0 && !only_aux && (token_flags (scan, k) & W_DET) &&
              words_only (scan, k, j))
            a->speaker = token_range (scan, k, j - 1);
          return TRUE;
        }
    }
  return FALSE;
}

static Range first_full_name (const Scan *scan,
                              gint64      from,
                              gint64      to);
static gboolean all_titles (const Scan *scan,
                            gint64      from,
                            gint64      to);
static gboolean all_capitals (const Scan *scan,
                              gint64      from,
                              gint64      to);

/* Whether @r starts with “his”, “her”, “their”: someone's someone. */
static gboolean
starts_possessive (const Scan *scan,
                   Range       r)
{
  static const char * const words[] = { "his", "her", "their", "its", "our", "my" };
  Token probe = { r.start, r.start, TOK_WORD, 0, 0 };
  char buf[16];

  while (probe.end < r.end && is_wordish (scan->cp[probe.end]))
    probe.end++;
  if (!word_lower (scan, &probe, buf, sizeof buf))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (buf, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Psaki said: “…” / Il ministro ha detto che è «inaccettabile»: the
 * nearest reporting verb before the quotation in its sentence. A verb
 * without a subject of its own (“…, adding that”) hands over to the one
 * before it.
 */
static gboolean
cue_before (const Scan  *scan,
            gint64       first,
            gint64       q,
            Attribution *a)
{
  Range fallback = no_range, fallback_cue = no_range;

  /* Headlines: “Ucraina, Mattarella: «Pace e libertà non sono scontate»”. */
  if (q - 2 >= first && is_punct (scan, q - 1, ":") && is_name_word (scan, q - 2))
    {
      gint64 from = q - 2;

      while (from - 1 >= first && run_continues (scan, from - 1, -1))
        from--;
      /* Not the one spoken to: “told the BBC:”, “ha spiegato a Repubblica:”. */
      if (from == first || is_punct (scan, from - 1, ","))
        {
          a->speaker = name_in_run (scan, from, q - 2);
          a->rule = GLOSSA_QUOTE_RULE_CUE_BEFORE;
          a->found_cue = TRUE;
          return TRUE;
        }
    }
  for (gint64 j = q - 1; j >= first; j--)
    {
      gint64 sfrom;

      if (according_at (scan, j, &sfrom))
        {
          a->cue = token_range (scan, j, sfrom - 1);
          a->speaker = speaker_forward (scan, sfrom, q - 1, NULL);
          a->rule = GLOSSA_QUOTE_RULE_ACCORDING_TO;
          a->found_cue = TRUE;
          return TRUE;
        }
      if (j == first && (token_flags (scan, j) & W_LEAD) && lead_according (scan, j, q, a))
        return TRUE;
      if (!is_cue (scan, j))
        continue;
      if (!a->found_cue)
        a->cue = cue_range (scan, j);
      a->found_cue = TRUE;
      a->rule = GLOSSA_QUOTE_RULE_CUE_BEFORE;
      a->speaker = subject_backward (scan, j, first);
      if (a->speaker.start < 0)
        {
          gint64 end;

          /* A subject after the verb only right before the quotation,
           * and not a pronoun, which is the object there: “said Psaki:
           * “…”” but not “adding that it was a “…”” or “calling it “…””.
           */
          a->speaker = speaker_forward (scan, j + 1, q - 1, &end);
          /* Nor after a verb that names its object: “ha definito la
           * scelta di Pasolini «coraggiosa»”.
           */
          if ((end + 1 < q && !(end + 2 == q && is_punct (scan, end + 1, ",:"))) ||
              (token_flags (scan, j + 1) & W_PRONOUN) || (token_flags (scan, j) & W_NAMING))
            a->speaker = no_range;
        }
      /* “Mercer said his client had testified and “…””: the client is
       * reported; an earlier cue in the sentence has the speaker.
       */
      if (a->speaker.start >= 0 && starts_possessive (scan, a->speaker) && fallback.start < 0)
        {
          fallback = a->speaker;
          fallback_cue = cue_range (scan, j);
          continue;
        }
      if (a->speaker.start >= 0)
        {
          a->cue = cue_range (scan, j);
          return TRUE;
        }
    }
  if (fallback.start >= 0)
    {
      a->speaker = fallback;
      a->cue = fallback_cue;
      a->rule = GLOSSA_QUOTE_RULE_CUE_BEFORE;
      return TRUE;
    }
  /* “Dr. Jones disagreed: “…””, “Il sindaco è netto: «…»”: a colon
   * introduces the quotation, and the sentence's subject says it.
   */
  if (!a->found_cue && q - 2 >= first && is_punct (scan, q - 1, ":"))
    {
      a->speaker = speaker_forward (scan, first, q - 2, NULL);
      /* “Più duro Angelo Bonelli, di Avs: «…»”: a capitalised first word
       * alone is the sentence's capital, not a name, when a full name follows.
       */
      if (a->speaker.start == tok (scan, first)->start && a->speaker.end == tok (scan, first)->end)
        {
          Range full = first_full_name (scan, first + 1, q - 1);

          if (full.start >= 0)
            a->speaker = full;
        }
      if (a->speaker.start >= 0)
        {
          a->rule = GLOSSA_QUOTE_RULE_CUE_BEFORE;
          a->found_cue = TRUE;
          return TRUE;
        }
    }
  return a->found_cue;
}

static gboolean
attribute_in_sentence (const Scan  *scan,
                       guint        q,
                       gint64       first,
                       gint64       last,
                       Attribution *a)
{
  if (!(cue_after (scan, q + 1, last, a) && a->speaker.start >= 0))
    cue_before (scan, first, q, a);
  a->cue_in_sentence = a->found_cue;
  return a->found_cue;
}

/* “….” Psaki said. — a short sentence after the quotation that is only its
 * attribution.
 */
static gboolean
attribute_next_sentence (const Scan  *scan,
                         gint64       last,
                         Attribution *a)
{
  gint64 first = last + 1, end;
  Attribution next = { no_range, no_range, GLOSSA_QUOTE_RULE_NEXT_SENTENCE, FALSE, FALSE };

  if (first >= scan->tokens->len || !is_kind (scan, first, TOK_WORD))
    return FALSE;
  sentence_of (scan, first, &first, &end);
  for (gint64 t = first; t <= end; t++)
    if (is_kind (scan, t, TOK_QUOTE))
      return FALSE;
  if (!cue_after (scan, first, end, &next) || next.speaker.start < 0)
    return FALSE;
  *a = next;
  a->rule = GLOSSA_QUOTE_RULE_NEXT_SENTENCE;
  return TRUE;
}

/* The paragraph before ends with “Psaki said:”. */
static gboolean
attribute_colon_before (const Scan  *scan,
                        gint64       first,
                        Attribution *a)
{
  gint64 colon = first - 1, start, end;

  while (colon >= 0 && is_kind (scan, colon, TOK_PARA))
    colon--;
  if (!is_punct (scan, colon, ":"))
    return FALSE;
  sentence_of (scan, colon, &start, &end);
  if (!cue_before (scan, start, colon, a) || a->speaker.start < 0)
    return FALSE;
  a->rule = GLOSSA_QUOTE_RULE_PREVIOUS;
  return TRUE;
}

/* The first name of two words or more in the sentence from @from to
 * before @to, or no_range.
 */
static Range
first_full_name (const Scan *scan,
                 gint64      from,
                 gint64      to)
{
  for (gint64 i = from; i < to; i++)
    {
      gint64 end = i;

      if (!is_name_word (scan, i))
        continue;
      while (end + 1 < to && run_continues (scan, end + 1, 1))
        end++;
      /* “White House press secretary Karine Dallas”: the person. */
      /* “NEW YORK (Reuters) —”, “By JOHN SMITH”: datelines and bylines. */
      if (end > i && !all_titles (scan, i, end) && !all_capitals (scan, i, end) &&
          !(end + 1 < to && (token_flags (scan, end + 1) & W_TITLE) && !is_capitalised (scan, end + 1)))
        return name_in_run (scan, i, end);
      i = end;
    }
  return no_range;
}

/* “I-Vt.”, “D-N.Y.”: a party and a state after a name, not a name. */
static gboolean
party_tag (const Scan *scan,
           gint64      t)
{
  const Token *word;
  gunichar party;

  if (!is_kind (scan, t, TOK_WORD))
    return FALSE;
  word = tok (scan, t);
  party = scan->cp[word->start];
  return word->end - word->start >= 3 && scan->cp[word->start + 1] == '-' &&
         (party == 'D' || party == 'R' || party == 'I');
}

/* Whether the words [from, to] are written in capitals only. */
static gboolean
all_capitals (const Scan *scan,
              gint64      from,
              gint64      to)
{
  for (gint64 t = from; t <= to; t++)
    for (gint64 c = tok (scan, t)->start; c < tok (scan, t)->end; c++)
      if (g_unichar_islower (scan->cp[c]))
        return FALSE;
  return TRUE;
}

/* Whether the tokens [from, to] are all titles: “White House”. */
static gboolean
all_titles (const Scan *scan,
            gint64      from,
            gint64      to)
{
  for (gint64 t = from; t <= to; t++)
    if (!(token_flags (scan, t) & W_TITLE))
      return FALSE;
  return TRUE;
}

static gboolean
same_word (const Scan *scan,
           gint64      a,
           gint64      b)
{
  const Token *x = tok (scan, a), *y = tok (scan, b);

  return x->end - x->start == y->end - y->start &&
         memcmp (scan->cp + x->start, scan->cp + y->start, (x->end - x->start) * sizeof (gunichar)) == 0;
}

/* “Russo ha poi ricordato …”, “Brandt was more cautious.”: one capitalised
 * word opening a sentence is a person when it ended a full name a little
 * earlier (“Antonio Russo”).
 */
static Range
known_surname_at (const Scan *scan,
                  gint64      t)
{
  if (!is_name_word (scan, t) || is_name_word (scan, t + 1))
    return no_range;
  for (gint64 e = t - 1; e >= 1 && t - e < SURNAME_REACH; e--)
    if (is_kind (scan, e, TOK_WORD) && same_word (scan, e, t) && is_name_word (scan, e - 1) &&
        !(token_flags (scan, e - 1) & W_TITLE))
      return token_range (scan, t, t);
  return no_range;
}

/* “In serata è intervenuta anche la premier.”: an article and a title. */
static Range
titled_phrase (const Scan *scan,
               gint64      from,
               gint64      to)
{
  for (gint64 i = from; i + 1 < to; i++)
    if ((token_flags (scan, i) & W_DET) && !(token_flags (scan, i) & W_PRONOUN) &&
        (token_flags (scan, i + 1) & W_TITLE) && !is_capitalised (scan, i + 1) &&
        !(token_flags (scan, i + 2) & (W_TITLE | W_OF | W_TITLE_LINK)) && !is_name_word (scan, i + 2))
      return token_range (scan, i, i + 1);
  return no_range;
}

/* Who a verb without a subject (Italian drops it: «…», ha aggiunto) or a
 * pronoun stands for: the first full name of the nearest sentence in the
 * paragraph that has one, which is most often its subject (“La premier
 * Giorgia Meloni ha lasciato il G7 di Hiroshima.”); failing that, the
 * nearest single capitalised word that does not start a sentence.
 */
/* Whether the paragraph ending at the break @p has no quotation in it. */
static gboolean
quiet_paragraph_before (const Scan *scan,
                        gint64      p)
{
  for (gint64 i = p - 1; i >= 0 && p - i < SENTENCE_REACH; i--)
    {
      if (is_kind (scan, i, TOK_PARA))
        return TRUE;
      if (is_kind (scan, i, TOK_QUOTE))
        return FALSE;
    }
  return p > 0;
}

static Range
nearest_name_before (const Scan *scan,
                     gint64      t)
{
  gint64 end = t;
  gboolean crossed = FALSE;
  /* Looking a surname up reads SURNAME_REACH tokens back: only for the
   * nearest few sentences, so that a text of one-word sentences stays linear.
   */
  guint surname_budget = 3;

  while (end > 0 && t - end < SENTENCE_REACH)
    {
      gint64 first, last;
      Range name;

      /* “Minority leader Tom Hale spoke next.” alone in the paragraph
       * before: a paragraph without quotations introduces the speaker.
       */
      if (is_kind (scan, end - 1, TOK_PARA))
        {
          if (crossed || !quiet_paragraph_before (scan, end - 1))
            break;
          crossed = TRUE;
          end--;
          continue;
        }
      sentence_of (scan, end - 1, &first, &last);
      name = first_full_name (scan, first, end);
      if (name.start < 0 && surname_budget > 0 && is_name_word (scan, first))
        {
          surname_budget--;
          name = known_surname_at (scan, first);
        }
      /* Not the quotation's own sentence: there the title is often the
       * one spoken to or about.
       */
      if (name.start < 0 && last < t)
        name = titled_phrase (scan, first, end);
      if (name.start >= 0)
        return name;
      end = first;
    }
  for (gint64 i = t - 1; i >= 0 && t - i < SENTENCE_REACH && !is_kind (scan, i, TOK_PARA); i--)
    if (is_name_word (scan, i) && i > 0 && !ends_sentence (scan, i - 1) &&
        !(is_punct (scan, i - 1, "(") && is_punct (scan, i + 1, ")")) &&  /* “(Reuters)” */
        !all_capitals (scan, i, i) &&                                      /* “NEW YORK” */
        !party_tag (scan, i))
      return token_range (scan, i, i);
  /* “Sanders, I-Vt., said he …”, “Kelly, who had been there, disputed
   * it”: a surname alone opening a sentence.
   */
  for (gint64 i = t - 1; i >= 0 && t - i < SENTENCE_REACH && !is_kind (scan, i, TOK_PARA); i--)
    if (is_name_word (scan, i) && (i == 0 || ends_sentence (scan, i - 1)) &&
        (is_cue (scan, i + 1) ||
         (is_punct (scan, i + 1, ",") && (party_tag (scan, i + 2) || (token_flags (scan, i + 2) & W_REL)))))
      return token_range (scan, i, i);
  return no_range;
}

static gboolean
near_previous (const Scan *scan,
               guint       t)
{
  guint paragraphs = 0;

  if (scan->previous == NULL || t - scan->previous_token > 80)
    return FALSE;
  for (guint i = scan->previous_token; i < t; i++)
    if (tok (scan, i)->kind == TOK_PARA)
      paragraphs++;
  return paragraphs <= 1;
}

/* The speaker of the previous quotation, unless a sentence after that
 * quotation's names someone else (“Il ministro Adolfo Urso ha replicato.
 * «…», si legge nella nota”): the report has moved on to them.
 */
static void
inherit_previous (const Scan  *scan,
                  Attribution *a,
                  guint        t)
{
  Range named = nearest_name_before (scan, t);
  gint64 first, last;

  sentence_of (scan, scan->previous_token, &first, &last);
  a->rule = GLOSSA_QUOTE_RULE_PREVIOUS;
  if (named.start >= tok (scan, last)->end)
    {
      a->speaker = named;
      return;
    }
  a->speaker.start = scan->previous->speaker_start;
  a->speaker.end = scan->previous->speaker_end;
}

/* “No,” he said: a quotation ending in punctuation is a sentence of
 * someone's, not a title.
 */
static gboolean
ends_with_stop (const Scan  *scan,
                const Quote *quote)
{
  gint64 i = quote->end - 1;

  while (i > quote->start && is_space (scan->cp[i]))
    i--;
  return i >= quote->start && scan->cp[i] != 0 && scan->cp[i] < 128 &&
         strchr (",.!?", (int) scan->cp[i]) != NULL;
}

static guint flags_of_span (const Scan *scan,
                            gint64      start,
                            gint64      end);

/* Whether every word of the quotation but the small ones (“of”, “the”) is
 * capitalised, as in “State of the Union”, and there are two at least.
 */
static gboolean
title_with_small_words (const Scan  *scan,
                        const Quote *quote)
{
  guint capitalised = 0;

  for (gint64 i = quote->start; i < quote->end; )
    {
      gint64 w = i;

      while (w < quote->end && is_wordish (scan->cp[w]))
        w++;
      if (w > i && g_unichar_isupper (scan->cp[i]))
        capitalised++;
      else if (w > i && !(flags_of_span (scan, i, w) & W_FUNC))
        return FALSE;
      i = w > i ? w : i + 1;
    }
  return capitalised >= 2;
}

static gboolean
is_scare (const Scan        *scan,
          const Quote       *quote,
          gint64             first,
          guint              t,
          const Attribution *a)
{
  gboolean alone = first == t && (quote_ends_sentence (scan, tok (scan, t)) ||
                                  is_punct (scan, t + 1, ".!?") || t + 1 >= scan->tokens->len ||
                                  is_kind (scan, t + 1, TOK_PARA));

  if (t > 0 && (token_flags (scan, t - 1) & W_SCARE))
    return TRUE;
  /* “she told CNN on “State of the Union.””: after a preposition, words in
   * title case are the name of a show or a book.
   */
  if (t > 0 && (token_flags (scan, t - 1) & W_STOP) && is_kind (scan, t - 1, TOK_WORD) &&
      title_with_small_words (scan, quote))
    return TRUE;
  /* Short and capitalised is a name or a title: the plan “Elective Recovery”;
   * but not a sentence of its own right after or before its cue (“No,” he
   * said; before adding: “Maybe.”).
   */
  if (quote->n_words <= 3 && quote->title_case && !alone &&
      !(ends_with_stop (scan, quote) &&
        (a->rule == GLOSSA_QUOTE_RULE_CUE_AFTER ||
         (a->rule == GLOSSA_QUOTE_RULE_CUE_BEFORE && is_punct (scan, t - 1, ":,") && is_cue (scan, t - 2)))))
    return TRUE;
  if (quote->n_words <= 3)
    return !alone && !a->cue_in_sentence;
  return a->speaker.start < 0 && !a->found_cue && quote->title_case;
}

static double
score_of (const Quote       *quote,
          const Attribution *a)
{
  static const double by_rule[] = { 0.95, 0.9, 0.85, 0.8, 0.7, 0.4 };
  double score = by_rule[a->rule];

  if (quote->n_words <= 3)
    score -= 0.1;
  if (a->speaker.start < 0)
    score = MIN (score, 0.4);
  return score;
}

/* Finds the speaker of the quotation at token @t, trying the rules from
 * the most reliable to the least. Returns FALSE for a scare quote.
 */
static gboolean
attribute (const Scan  *scan,
           const Quote *quote,
           guint        t,
           Attribution *a)
{
  gint64 first, last;

  sentence_of (scan, t, &first, &last);
  if (!attribute_in_sentence (scan, t, first, last, a) &&
      !(last == t && attribute_next_sentence (scan, last, a)))
    attribute_colon_before (scan, first, a);
  if (a->speaker.start < 0 && a->found_cue)
    {
      a->speaker = nearest_name_before (scan, t);
      a->rule = GLOSSA_QUOTE_RULE_PREVIOUS;
    }
  if (a->speaker.start < 0 && near_previous (scan, t))
    inherit_previous (scan, a, t);
  if (a->speaker.start < 0)
    a->rule = GLOSSA_QUOTE_RULE_NO_SOURCE;
  return !is_scare (scan, quote, first, t, a);
}

static gboolean
is_pronoun (const Scan *scan,
            Range       r)
{
  Token probe = { r.start, r.end, TOK_WORD, 0, 0 };
  char buf[64];

  return r.start >= 0 && word_lower (scan, &probe, buf, sizeof buf) &&
         (GPOINTER_TO_UINT (g_hash_table_lookup (scan->lexicon->words, buf)) & W_PRONOUN);
}

/* Adds the suggestion for the quotation's text [start, end). */
static void
emit (Scan              *scan,
      const Quote       *quote,
      guint              t,
      const Attribution *a,
      gint64             start,
      gint64             end)
{
  GlossaQuoteSuggestion *s = g_new0 (GlossaQuoteSuggestion, 1);

  s->start = start;
  s->end = end;
  s->speaker_start = a->speaker.start;
  s->speaker_end = a->speaker.end;
  s->cue_start = a->cue.start;
  s->cue_end = a->cue.end;
  s->resolved_start = s->resolved_end = -1;
  s->rule = a->rule;
  s->score = score_of (quote, a);

  if (is_pronoun (scan, a->speaker))
    {
      Range named = nearest_name_before (scan, t);

      if (named.start < 0)
        named = scan->last_named;
      s->resolved_start = named.start;
      s->resolved_end = named.end;
    }
  else if (a->speaker.start >= 0 && g_unichar_isupper (scan->cp[a->speaker.start]))
    scan->last_named = a->speaker;

  if (a->speaker.start >= 0)
    {
      scan->previous = s;
      scan->previous_token = t;
    }
  g_ptr_array_add (scan->out, s);
}

/* The lexicon's flags for the word at [start, end) of the text. */
static guint
flags_of_span (const Scan *scan,
               gint64      start,
               gint64      end)
{
  Token probe = { start, end, TOK_WORD, 0, 0 };
  char buf[64];

  if (!word_lower (scan, &probe, buf, sizeof buf))
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (scan->lexicon->words, buf));
}

static gboolean
is_insert_dash (const Scan *scan,
                gint64      i)
{
  return (scan->cp[i] == 0x2014 || scan->cp[i] == 0x2013) && is_space (scan->cp[i - 1]) &&
         is_space (scan->cp[i + 1]);
}

/* Who an insert names after its verb, [from, to): “Massimo Riva” in “il
 * capogruppo al Senato Massimo Riva”, else the whole phrase (“il
 * ministro”), or no_range when the verb has no subject after it.
 */
static Range
insert_speaker (const Scan *scan,
                gint64      from,
                gint64      to)
{
  Range r = { from, to };
  gint64 run = to, words = 0;

  while (r.start < r.end && is_space (scan->cp[r.start]))
    r.start++;
  while (r.end > r.start && is_space (scan->cp[r.end - 1]))
    r.end--;
  if (r.start >= r.end)
    return no_range;
  /* Back over the capitalised words at the end, two at most. */
  for (gint64 i = r.end; i > r.start && words < 2; )
    {
      gint64 w = i;

      while (w > r.start && is_wordish (scan->cp[w - 1]))
        w--;
      if (w == i || !g_unichar_isupper (scan->cp[w]) || (flags_of_span (scan, w, i) & W_TITLE))
        break;
      run = w;
      words++;
      for (i = w; i > r.start && is_space (scan->cp[i - 1]); i--)
        ;
    }
  if (run < r.end)
    r.start = run;
  return r;
}

/* «Siamo d'accordo — ha aggiunto Massimo Riva — ma …»: an attribution
 * between dashes inside the marks, which splits the quotation in two as
 * one broken by its attribution is. Sets the dashes' positions and, when
 * the insert names someone, @a's speaker and cue.
 */
static gboolean
dashed_insert (const Scan  *scan,
               const Quote *quote,
               gint64      *dash1,
               gint64      *dash2,
               Attribution *a)
{
  gint64 i = quote->start + 1, verb_end = -1;

  while (i + 1 < quote->end && !is_insert_dash (scan, i))
    i++;
  if (i + 1 >= quote->end)
    return FALSE;
  *dash1 = i;
  for (gint64 j = i + 1, words = 0; j + 1 < quote->end && words < 12; words++)
    {
      gint64 w;

      while (j < quote->end && is_space (scan->cp[j]))
        j++;
      if (j + 1 < quote->end && is_insert_dash (scan, j))
        {
          Range speaker;

          if (verb_end < 0 || j + 2 >= quote->end)
            return FALSE;
          speaker = insert_speaker (scan, verb_end, j);
          *dash2 = j;
          if (speaker.start >= 0)
            {
              a->speaker = speaker;
              a->rule = GLOSSA_QUOTE_RULE_CUE_AFTER;
            }
          return TRUE;
        }
      for (w = j; w < quote->end && (is_wordish (scan->cp[w]) || scan->cp[w] == '\'' ||
                                     scan->cp[w] == 0x2019); w++)
        ;
      if (w == j)
        return FALSE;
      /* Auxiliaries, then the reporting verb, open the insert. */
      if (verb_end < 0 && (flags_of_span (scan, j, w) & W_VERB))
        {
          verb_end = w;
          a->cue.start = j;
          a->cue.end = w;
        }
      else if (verb_end < 0 && !(flags_of_span (scan, j, w) & W_AUX))
        return FALSE;
      j = w;
    }
  return FALSE;
}

static void
suggest_one (Scan *scan,
             guint q)
{
  const Quote *quote = &g_array_index (scan->quotes, Quote, q);
  guint t = scan->quote_token[q];
  Attribution a = { no_range, no_range, GLOSSA_QUOTE_RULE_NO_SOURCE, FALSE, FALSE };
  Attribution inserted;
  gint64 dash1 = -1, dash2 = -1;

  if (!attribute (scan, quote, t, &a))
    return;
  inserted = a;
  if (dashed_insert (scan, quote, &dash1, &dash2, &inserted))
    {
      while (dash1 > quote->start && is_space (scan->cp[dash1 - 1]))
        dash1--;
      for (dash2++; dash2 < quote->end && is_space (scan->cp[dash2]); dash2++)
        ;
    }
  else
    dash1 = dash2 = -1;
  if (dash1 > quote->start && dash2 >= 0 && dash2 < quote->end)
    {
      emit (scan, quote, t, &inserted, quote->start, dash1);
      emit (scan, quote, t, &inserted, dash2, quote->end);
    }
  else
    emit (scan, quote, t, &a, quote->start, quote->end);
}

/* --------------------------------------------------------------- public */

const char *
glossa_quote_rule_to_string (GlossaQuoteRule rule)
{
  static const char *names[] = {
    "cue-after", "cue-before", "according-to", "next-sentence", "previous", "no-source",
  };

  g_return_val_if_fail (rule < GLOSSA_QUOTE_N_RULES, NULL);
  return names[rule];
}

const char *
glossa_suggest_lang_to_string (GlossaSuggestLang lang)
{
  switch (lang)
    {
    case GLOSSA_SUGGEST_LANG_EN:   return "en";
    case GLOSSA_SUGGEST_LANG_IT:   return "it";
    case GLOSSA_SUGGEST_LANG_AUTO: return "auto";
    default:                       g_return_val_if_reached (NULL);
    }
}

gboolean
glossa_suggest_lang_from_string (const char        *name,
                                 GlossaSuggestLang *lang)
{
  for (GlossaSuggestLang l = GLOSSA_SUGGEST_LANG_AUTO; l <= GLOSSA_SUGGEST_LANG_IT; l++)
    if (g_strcmp0 (name, glossa_suggest_lang_to_string (l)) == 0)
      {
        *lang = l;
        return TRUE;
      }
  return FALSE;
}

/* Words frequent in one language and rare in the other. */
static const char *const english_markers[] = {
  "the", "and", "of", "to", "is", "was", "that", "with", "for", "said", "he", "she", "it", "on",
};
static const char *const italian_markers[] = {
  "il", "di", "che", "è", "per", "una", "del", "della", "non", "ha", "con", "gli", "nel", "sono",
};

static gboolean
in_list (const char        *word,
         const char *const *list,
         gsize              n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

GlossaSuggestLang
glossa_suggest_detect_lang (const char *text,
                            gsize       len)
{
  gsize english_count = 0, italian_count = 0, i = 0;
  /* The first 64 KiB decide: an article does not change language. */
  gsize limit = MIN (len, 65536);

  g_return_val_if_fail (text != NULL || len == 0, GLOSSA_SUGGEST_LANG_EN);

  while (i < limit)
    {
      char word[8];
      gsize w = 0;

      while (i < limit && (g_ascii_isalpha (text[i]) || (guchar) text[i] >= 0x80))
        {
          if (w + 1 < sizeof word)
            word[w] = g_ascii_tolower (text[i]);
          w++;
          i++;
        }
      if (w > 0 && w < sizeof word)
        {
          word[w] = '\0';
          english_count += in_list (word, english_markers, G_N_ELEMENTS (english_markers));
          italian_count += in_list (word, italian_markers, G_N_ELEMENTS (italian_markers));
        }
      if (w == 0)
        i++;
    }
  return italian_count > english_count ? GLOSSA_SUGGEST_LANG_IT : GLOSSA_SUGGEST_LANG_EN;
}

static gboolean
has_blank_line (const gunichar *cp,
                gint64          n)
{
  for (gint64 i = 0; i < n; i++)
    if (cp[i] == '\n')
      {
        gint64 j = i + 1;

        while (j < n && cp[j] != '\n' && is_space (cp[j]))
          j++;
        if (j < n && cp[j] == '\n')
          return TRUE;
      }
  return FALSE;
}

/* @text as code points, in one pass: it has been validated, and
 * g_utf8_to_ucs4_fast() counts before it converts.
 */
static gunichar *
decode (const char *text,
        gsize       len,
        glong      *n)
{
  gunichar *cp = g_new (gunichar, len + 1);
  const char *p = text, *end = text + len;
  glong i = 0;

  _glossa_memory_advise_huge (cp, (len + 1) * sizeof (gunichar));
  while (p < end)
    {
      if ((guchar) *p < 0x80)
        cp[i++] = (guchar) *p++;
      else
        {
          cp[i++] = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
    }
  *n = i;
  return cp;
}

gboolean
glossa_suggest_quotes (const char         *text,
                       gsize               len,
                       GlossaSuggestLang   lang,
                       GPtrArray         **out)
{
  g_autofree gunichar *cp = NULL;
  glong n = 0;
  Scan scan = { 0 };

  g_return_val_if_fail (text != NULL || len == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (!g_utf8_validate_len (text, len, NULL))
    return FALSE;
  if (lang == GLOSSA_SUGGEST_LANG_AUTO)
    lang = glossa_suggest_detect_lang (text, len);

  cp = decode (text, len, &n);
  scan.cp = cp;
  scan.n = n;
  scan.lexicon = lexicon_get (lang);
  scan.blank_line_paragraphs = has_blank_line (cp, n);
  scan.quotes = g_array_new (FALSE, FALSE, sizeof (Quote));
  /* News text has a token every five or six code points. */
  scan.tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), n / 4 + 16);
  _glossa_memory_advise_huge (scan.tokens->data, (n / 4 + 16) * sizeof (Token));
  scan.out = g_ptr_array_new_with_free_func (g_free);
  scan.last_named = no_range;

  find_quotes (&scan);
  tokenize (&scan);
  scan.flags = g_new0 (guint, scan.tokens->len + 1);
  for (guint q = 0; q < scan.quotes->len; q++)
    suggest_one (&scan, q);

  g_array_unref (scan.quotes);
  g_array_unref (scan.tokens);
  g_free (scan.quote_token);
  g_free (scan.flags);
  *out = scan.out;
  return TRUE;
}
