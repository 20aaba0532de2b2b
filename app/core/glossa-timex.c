/* glossa-timex.c: finding date expressions in English and Italian news and normalising them
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tagger is a set of small recognisers over a flat list of tokens. At
 * each token every recogniser may claim a match starting there; the longest
 * wins and the scan goes on after it, so matches never overlap. Values
 * follow the TimeML guidelines: the extent leaves out a preposition before
 * the expression and keeps a determiner ("the third quarter"); relative
 * expressions are resolved against the document creation time (DCT), and
 * where the calendar alone cannot decide ("Tuesday", "in December") the
 * tense of the sentence does: a past tense picks the last one before the
 * DCT, a future the next one after it.
 *
 * Only TIMEX3 DATE values are produced. Durations ("for three weeks", "the
 * past year") and times of day ("Tuesday night", "ieri sera") are not
 * returned at all: they are recognised only so that the day inside them is
 * not tagged as a date on its own.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-error.h"
#include "glossa-memory-private.h"
#include "glossa-timex.h"
#include "glossa-timex-private.h"

typedef enum
{
  TOK_WORD,
  TOK_NUM,
  TOK_PUNCT,
} TokKind;

typedef struct
{
  gint64  cp_start;
  gint64  cp_end;
  guint32 low;      /* offset of the lower-case text in Scan.low, NUL-terminated */
  guint8  kind;
  guint8  len;      /* bytes of the lower-case text, at most 255 */
  guint8  cap;      /* starts with an upper-case letter */
  guint8  space;    /* white space before it */
  guint8  newline;  /* a line break before it */
  int     num;      /* the value of a TOK_NUM of up to 9 digits, else -1 */
} Tok;

enum { TENSE_PAST = -1, TENSE_NONE = 0, TENSE_FUTURE = 1, TENSE_UNSET = 2 };
#define MARKER_UNKNOWN 127
/* How far ahead of the DCT a day without a year stays in the DCT's year. */
#define NEAR_AHEAD_DAYS 60

typedef struct
{
  Tok             *toks;
  guint            n;
  /* Per token: whether it may take part in a date (a number or a word of
   * the trigger list), and its tense marker, computed when first needed
   * (MARKER_UNKNOWN until then).
   */
  guint8          *trigger;
  gint8           *marker;
  GString         *low;
  GlossaTimexLang  lang;
  GDate            dct;
  gboolean         has_dct;
  int              forced_tense;
  /* The last date written in full (for "two weeks later") and the last
   * year (for "the following year"): relative to them, not to the DCT.
   */
  GDate            anchor;
  gboolean         has_anchor;
  int              anchor_year;
  /* The last value found, for "the previous quarter", "l'anno successivo". */
  GlossaTimexValue last;
  gboolean         has_last;
  guint            last_end;   /* the token after it */
} Scan;

typedef struct
{
  guint     end;       /* token after the match */
  char     *value;
  gboolean  skip;      /* a duration or a time: consumed, not returned */
  gboolean  relative;  /* the value needs the DCT */
  int       year;      /* a year written out, or 0 */
  gboolean  full_date; /* day, month and year written out */
  GDate     date;
  gboolean  keeps_last; /* a comparison: the period talked about stays the last */
} Match;

typedef enum { U_NONE, U_DAY, U_WEEK, U_WEEKEND, U_MONTH, U_QUARTER, U_HALF, U_YEAR, U_DECADE } Unit;

/* ---- tokens ---- */

static const char *
w (const Scan *s,
   guint       i)
{
  return i < s->n ? s->low->str + s->toks[i].low : "";
}

/* The first byte is compared before strcmp(): most words differ there,
 * and the recognisers compare a great many.
 */
static gboolean
is (const Scan *s,
    guint       i,
    const char *word)
{
  const char *token = w (s, i);

  return i < s->n && token[0] == word[0] && strcmp (token, word) == 0;
}

static int
in_list (const Scan         *s,
         guint               i,
         const char * const *list)
{
  const char *word = w (s, i);

  if (i >= s->n)
    return -1;
  for (int k = 0; list[k] != NULL; k++)
    if (word[0] == list[k][0] && strcmp (word, list[k]) == 0)
      return k;
  return -1;
}

/* No white space between token @i and the one before it. */
static gboolean
glued (const Scan *s,
       guint       i)
{
  return i < s->n && !s->toks[i].space;
}

static int
num (const Scan *s,
     guint       i,
     guint       min_digits,
     guint       max_digits)
{
  if (i >= s->n || s->toks[i].kind != TOK_NUM)
    return -1;
  if (s->toks[i].len < min_digits || s->toks[i].len > max_digits)
    return -1;
  return s->toks[i].num;
}

static gboolean
is_apos (const Scan *s,
         guint       i)
{
  return is (s, i, "'");
}

/* g_unichar_isspace(), with ASCII (GLib's five spaces there) answered
 * without its tables.
 */
static gboolean
is_space_char (gunichar c)
{
  if (c < 128)
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  return g_unichar_isspace (c);
}

static void
push_token (Scan     *s,
            GArray   *toks,
            Tok      *t,
            gint64    cp)
{
  gsize len = s->low->len - t->low;

  if (len > 255)
    {
      g_string_truncate (s->low, t->low + 255);
      len = 255;
    }
  g_string_append_c (s->low, '\0');
  t->len = len;
  t->cp_end = cp;
  g_array_append_val (toks, *t);
}

static gunichar
fold_apostrophe (gunichar c)
{
  return c == 0x2019 || c == 0x2018 || c == '`' || c == 0x00B4 ? '\'' : c;
}

static void
tokenize (Scan       *s,
          const char *text,
          gsize       len)
{
  /* Room for a token every four bytes, as news has: growing the array
   * would copy it (and lose the huge pages asked for below).
   */
  GArray *toks = g_array_sized_new (FALSE, FALSE, sizeof (Tok), len / 4 + 16);
  const char *p = text, *end = text + len;
  gboolean space = TRUE, newline = TRUE;
  gint64 cp = 0;

  s->low = g_string_sized_new (len + len / 4 + 16);
  _glossa_memory_advise_huge (toks->data, (len / 4 + 16) * sizeof (Tok));
  _glossa_memory_advise_huge (s->low->str, len + len / 4 + 16);
  while (p < end)
    {
      /* An ASCII byte is its own character: no decoding, no tables. (A NUL
       * is not: g_utf8_get_char_validated() refuses it.)
       */
      gunichar c = *p > 0 && (guchar) *p < 128 ? (guchar) *p : g_utf8_get_char_validated (p, end - p);
      Tok t = { 0 };

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: one byte, as the rest of Glossa never sees it. */
          p++, cp++, space = TRUE;
          continue;
        }
      if (is_space_char (c))
        {
          newline |= c == '\n';
          space = TRUE;
          p = g_utf8_next_char (p), cp++;
          continue;
        }
      if (c < 128 && g_ascii_isalpha (c))
        {
          /* The common case, without Unicode tables. */
          t.cp_start = cp;
          t.space = space;
          t.newline = newline;
          t.low = s->low->len;
          t.num = -1;
          t.kind = TOK_WORD;
          t.cap = g_ascii_isupper (c);
          while (p < end && g_ascii_isalpha (*p))
            {
              g_string_append_c (s->low, g_ascii_tolower (*p));
              p++, cp++;
            }
          if (p >= end || (guchar) *p < 128)
            {
              push_token (s, toks, &t, cp);
              space = newline = FALSE;
              continue;
            }
          /* A word going on with an accented letter: the slow path. */
          g_string_truncate (s->low, t.low);
          p -= cp - t.cp_start;
          cp = t.cp_start;
        }
      t.cp_start = cp;
      t.space = space;
      t.newline = newline;
      t.low = s->low->len;
      t.num = -1;
      if (c < 128 && g_ascii_isdigit (c))
        {
          guint digits = 0;
          int value = 0;

          t.kind = TOK_NUM;
          while (p < end && g_ascii_isdigit (*p))
            {
              if (digits < 9)
                value = value * 10 + (*p - '0');
              g_string_append_c (s->low, *p);
              p++, cp++, digits++;
            }
          t.num = digits <= 9 ? value : -1;
        }
      else if (g_unichar_isalpha (c))
        {
          t.kind = TOK_WORD;
          t.cap = g_unichar_isupper (c) || g_unichar_istitle (c);
          while (p < end && ((c = g_utf8_get_char_validated (p, end - p)) != (gunichar) -1 &&
                             c != (gunichar) -2 && (g_unichar_isalpha (c) || g_unichar_ismark (c))))
            {
              g_string_append_unichar (s->low, g_unichar_tolower (c));
              p = g_utf8_next_char (p), cp++;
            }
        }
      else
        {
          t.kind = TOK_PUNCT;
          g_string_append_unichar (s->low, fold_apostrophe (c));
          p = g_utf8_next_char (p), cp++;
        }
      push_token (s, toks, &t, cp);
      space = newline = FALSE;
    }
  s->n = toks->len;
  s->toks = (Tok *) (void *) g_array_free (toks, FALSE);
}

/* Every word a recogniser looks for, in both languages. A match is tried
 * only where one of them (or a number) is within the next few tokens, so
 * that a long text costs one hash lookup per word, not twenty recognisers.
 * A word missing here makes its recogniser silent: the expression table
 * catches that.
 */
static const char * const trigger_words[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
  "sept", "oct", "nov", "dec",
  "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
  "settembre", "ottobre", "novembre", "dicembre",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
  "lunedi", "martedi", "mercoledi", "giovedi", "venerdi",
  "spring", "summer", "fall", "autumn", "winter", "primavera", "estate", "autunno", "inverno",
  "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
  "weekend", "quarter", "quarters", "half", "giorno", "giorni", "settimana", "settimane", "mese",
  "mesi", "anno", "anni", "decennio", "decenni", "trimestre", "trimestri", "semestre", "semestri",
  "metà",
  "yesterday", "today", "tomorrow", "tonight", "avantieri", "altroieri", "ieri", "oggi", "domani",
  "dopodomani", "stamattina", "stamani", "stasera", "stanotte", "stamane", "indomani",
  "now", "currently", "nowadays", "presently", "recently", "lately", "recent", "current", "past",
  "future", "present", "adesso", "attualmente", "oggigiorno", "ora", "recentemente",
  "ultimamente", "recente", "passato", "futuro",
  "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
  "venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta",
  "duemila", "century", "secolo", "seicento", "settecento", "ottocento", "novecento",
  "q", "h", "early", "mid", "late", "end", "beginning", "start", "middle", "turn", "inizio",
  "fine", "inizi", "primi", NULL
};

static GHashTable *
trigger_table (void)
{
  static GHashTable *table;
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      table = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint k = 0; trigger_words[k] != NULL; k++)
        g_hash_table_add (table, (gpointer) trigger_words[k]);
      g_once_init_leave (&ready, 1);
    }
  return table;
}

static void
mark_triggers (Scan *s)
{
  GHashTable *words = trigger_table ();

  s->trigger = g_new0 (guint8, s->n);
  for (guint i = 0; i < s->n; i++)
    s->trigger[i] = s->toks[i].kind == TOK_NUM ||
                    (s->toks[i].kind == TOK_WORD && g_hash_table_contains (words, w (s, i)));
}

/* Whether a date may start at @i: a trigger in the next four tokens. */
static gboolean
may_start (const Scan *s,
           guint       i)
{
  for (guint j = i; j < s->n && j < i + 4; j++)
    if (s->trigger[j])
      return TRUE;
  return FALSE;
}

/* ---- the language ---- */

static const char * const en_function_words[] = {
  "the", "and", "of", "to", "in", "is", "was", "said", "that", "for", "on", "with", "he",
  "she", "it", "by", "from", "have", "has", "will", "this", "are", "were", NULL
};
static const char * const it_function_words[] = {
  "il", "la", "di", "che", "e", "è", "per", "un", "una", "del", "della", "nel", "ha",
  "sono", "non", "le", "gli", "dei", "alla", "anche", "con", "si", "ai", "dal", NULL
};

static GlossaTimexLang
detect_lang (const Scan *s)
{
  guint en = 0, it = 0;

  /* The first few thousand words decide; a 5 MB text need not be read twice. */
  for (guint i = 0; i < s->n && i < 5000; i++)
    {
      if (s->toks[i].kind != TOK_WORD)
        continue;
      en += in_list (s, i, en_function_words) >= 0;
      it += in_list (s, i, it_function_words) >= 0;
    }
  return it > en ? GLOSSA_TIMEX_LANG_IT : GLOSSA_TIMEX_LANG_EN;
}

static gboolean
en (const Scan *s)
{
  return s->lang == GLOSSA_TIMEX_LANG_EN;
}

/* ---- tense ---- */

static gboolean
ends_sentence (const Scan *s,
               guint       j)
{
  static const char * const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "u", "s", "sig", "dott", NULL
  };

  if (j + 1 < s->n && s->toks[j + 1].newline)
    return TRUE;
  if (!is (s, j, ".") && !is (s, j, "!") && !is (s, j, "?"))
    return FALSE;
  if (j + 1 < s->n && !s->toks[j + 1].space)
    return FALSE;
  return !(is (s, j, ".") && j > 0 && in_list (s, j - 1, abbreviations) >= 0);
}

static gboolean
ends_with (const char *word,
           const char *suffix)
{
  gsize n = strlen (word), k = strlen (suffix);

  return n >= k && strcmp (word + n - k, suffix) == 0;
}

static int
en_marker (const Scan *s,
           guint       j)
{
  static const char * const future[] = { "will", "would", "shall", "upcoming", "scheduled", "expected", NULL };
  static const char * const future_to[] = { "going", "plans", "plan", "planning", "set", "due", "aims", NULL };
  static const char * const irregular[] = {
    "said", "was", "were", "had", "did", "told", "made", "went", "came", "took", "gave", "met",
    "left", "began", "won", "lost", "fell", "rose", "sent", "held", "spoke", "wrote", "saw",
    "became", "got", "brought", "found", "paid", "sold", "led", "ran", "struck", "broke",
    "chose", "drove", "thought", "began", "grew", "kept", "knew", "fought", "stood", "won", NULL
  };
  static const char * const not_past[] = {
    "need", "speed", "feed", "indeed", "proceed", "exceed", "succeed", "hundred", "seed",
    "bed", "red", "shed", "embed", "breed", "greed", NULL
  };
  static const char * const passive[] = {
    "be", "been", "being", "is", "are", "am", "will", "would", "to", "can", "could", "may",
    "might", "must", "should", "get", "gets", "not", NULL
  };
  const char *word = w (s, j);

  if (s->toks[j].kind != TOK_WORD)
    return TENSE_NONE;
  /* "would have cut": what did not happen, in the past. */
  if ((is (s, j, "would") || is (s, j, "could")) && is (s, j + 1, "have"))
    return TENSE_NONE;
  /* “who had expected a profit for the fourth quarter”: a past perfect. */
  if (j > 0 && is (s, j - 1, "had") && ends_with (word, "ed"))
    return TENSE_PAST;
  if (in_list (s, j, future) >= 0 || (is (s, j, "ll") && j > 0 && is_apos (s, j - 1)) ||
      (in_list (s, j, future_to) >= 0 && is (s, j + 1, "to")) ||
      (is (s, j, "won") && is_apos (s, j + 1) && is (s, j + 2, "t")))
    return TENSE_FUTURE;
  if (in_list (s, j, irregular) < 0 &&
      !(ends_with (word, "ed") && strlen (word) >= 5 && !s->toks[j].cap && in_list (s, j, not_past) < 0))
    return TENSE_NONE;
  /* "will be held", "is expected", "to be signed": not a past tense. */
  if (j > 0 && in_list (s, j - 1, passive) >= 0 && !is (s, j, "was") && !is (s, j, "were"))
    return TENSE_NONE;
  return TENSE_PAST;
}

static gboolean
it_participle (const Scan *s,
               guint       j)
{
  static const char * const endings[] = {
    "ato", "ata", "ati", "ate", "uto", "uta", "uti", "ute", "ito", "ita", "iti", "ite", NULL
  };
  static const char * const irregular[] = {
    "detto", "fatto", "messo", "preso", "scritto", "visto", "chiesto", "deciso", "perso",
    "vinto", "reso", "speso", "stato", "aperto", "chiuso", "morto", "nato", "scelto", "letto",
    "risposto", "proposto", "posto", "giunto", "raggiunto", "espresso", "ammesso", "promesso", NULL
  };
  const char *word = w (s, j);

  if (j >= s->n || s->toks[j].kind != TOK_WORD)
    return FALSE;
  if (in_list (s, j, irregular) >= 0)
    return TRUE;
  for (int k = 0; endings[k] != NULL; k++)
    if (strlen (word) >= 5 && ends_with (word, endings[k]))
      return TRUE;
  return FALSE;
}

static int
it_marker (const Scan *s,
           guint       j)
{
  static const char * const future[] = { "prossimamente", NULL };
  static const char * const expected[] = {
    "previsto", "prevista", "previsti", "previste", "atteso", "attesa", "attesi", "attese", NULL
  };
  static const char * const will_be[] = { "è", "sono", "sarà", "saranno", NULL };
  static const char * const past[] = {
    "aveva", "avevano", "avevo", "era", "erano", "fu", "furono", "stato", "stata", "stati",
    "state", NULL
  };
  static const char * const have[] = { "ha", "hanno", "ho", "abbiamo", "avete", NULL };
  static const char * const not_past[] = { "però", "perciò", "ciò", "può", "farò", NULL };
  static const char * const being[] = { "è", "sono", "siamo", "si", NULL };
  const char *word = w (s, j);
  gsize n = strlen (word);

  if (s->toks[j].kind != TOK_WORD)
    return TENSE_NONE;
  if (in_list (s, j, future) >= 0 || (in_list (s, j, expected) >= 0 && j > 0 && in_list (s, j - 1, will_be) >= 0) ||
      (n >= 4 && (ends_with (word, "rà") || ends_with (word, "rò"))) ||
      (n >= 6 && (ends_with (word, "ranno") || ends_with (word, "remo"))))
    return in_list (s, j, not_past) >= 0 ? TENSE_NONE : TENSE_FUTURE;
  /* “i capi di Stato”: the noun, not the participle. */
  if (in_list (s, j, past) >= 0 && !(s->toks[j].cap && j > 0 && !ends_sentence (s, j - 1)))
    return TENSE_PAST;
  /* "ha detto", "hanno già votato" are past; "hanno tempo" is not. */
  if (in_list (s, j, have) >= 0)
    return it_participle (s, j + 1) || it_participle (s, j + 2) ? TENSE_PAST : TENSE_NONE;
  if (n >= 6 && (ends_with (word, "ava") || ends_with (word, "avano") || ends_with (word, "eva") ||
                 ends_with (word, "evano") || ends_with (word, "ivano")))
    return TENSE_PAST;
  if (n >= 4 && ends_with (word, "ò") && in_list (s, j, not_past) < 0)
    return TENSE_PAST;
  if (j > 0 && in_list (s, j - 1, being) >= 0 && it_participle (s, j))
    return TENSE_PAST;
  return TENSE_NONE;
}

/* "said", "ha annunciato": the tense of the reporting, not of what is
 * reported; it decides only for a date right next to it ("said on
 * Tuesday", "ha detto ieri").
 */
static gboolean
is_reporting (const Scan *s,
              guint       j)
{
  static const char * const en_verbs[] = {
    "said", "told", "announced", "added", "reported", "stated", "declared", "explained",
    "claimed", "insisted", "confirmed", "warned", "wrote", NULL
  };
  static const char * const it_verbs[] = {
    "detto", "annunciato", "dichiarato", "spiegato", "affermato", "aggiunto", "riferito",
    "comunicato", "confermato", "sottolineato", "scritto", NULL
  };

  if (en (s))
    return in_list (s, j, en_verbs) >= 0;
  return in_list (s, j, it_verbs) >= 0 || in_list (s, j + 1, it_verbs) >= 0 ||
         (is (s, j + 1, "già") && in_list (s, j + 2, it_verbs) >= 0);
}

/* Token @j's tense marker, and whether it is a reporting verb. */
static int
marker_at (Scan     *s,
           guint     j,
           gboolean *reporting)
{
  int m;

  if (s->marker == NULL)
    s->marker = memset (g_new (gint8, s->n), MARKER_UNKNOWN, s->n);
  if (s->marker[j] == MARKER_UNKNOWN)
    {
      int tense = en (s) ? en_marker (s, j) : it_marker (s, j);

      /* 0 none, 1 past, 2 future; 3 and 4 the same for reporting verbs. */
      s->marker[j] = tense == TENSE_NONE ? 0 : (tense < 0 ? 1 : 2) + (is_reporting (s, j) ? 2 : 0);
    }
  m = s->marker[j];
  *reporting = m >= 3;
  return m == 0 ? TENSE_NONE : m % 2 == 1 ? TENSE_PAST : TENSE_FUTURE;
}

static gboolean
punct_between (const Scan *s,
               guint       a,
               guint       b)
{
  for (guint j = MIN (a, b) + 1; j < MAX (a, b); j++)
    if (s->toks[j].kind == TOK_PUNCT)
      return TRUE;
  return FALSE;
}

/* The tense of the verb nearest to token @i in its sentence. A reporting
 * verb counts only next to the date, or, after it ("Friday the lawyers
 * said…"), when no other verb has a tense: a date after "said that" belongs
 * to what is reported.
 */
static int
tense_at (Scan  *s,
          guint  i)
{
  guint first = i, last = i;
  int best = TENSE_NONE, reporting = TENSE_NONE;
  guint best_distance = G_MAXUINT, reporting_distance = G_MAXUINT;

  if (s->forced_tense != TENSE_UNSET)
    return s->forced_tense;
  while (first > 0 && i - first < 60 && !ends_sentence (s, first - 1))
    first--;
  while (last + 1 < s->n && last - i < 60 && !ends_sentence (s, last))
    last++;
  for (guint j = first; j <= last; j++)
    {
      gboolean reporting_verb;
      int tense = marker_at (s, j, &reporting_verb);
      guint distance = j < i ? i - j : j - i;

      if (tense == TENSE_NONE)
        continue;
      /* “a gennaio, ha spiegato un portavoce”: past a comma, the
       * reporting verb is the attribution's, not the date's.
       */
      if (reporting_verb && (distance > 2 || punct_between (s, i, j)))
        {
          if (j > i && distance < reporting_distance)
            reporting = tense, reporting_distance = distance;
        }
      else if (distance < best_distance)
        best = tense, best_distance = distance;
    }
  return best != TENSE_NONE ? best : reporting;
}

/* ---- values ---- */

static char *
v_day (const GDate *d)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (d), g_date_get_month (d),
                          g_date_get_day (d));
}

static char *
v_month (int y,
         int m)
{
  int t = y * 12 + (m - 1);

  return g_strdup_printf ("%04d-%02d", t / 12, t % 12 + 1);
}

static char *
v_year (int y)
{
  return g_strdup_printf ("%04d", y);
}

static char *
v_week (const GDate *d,
        gboolean     weekend)
{
  GDate thursday = *d;

  /* The ISO year of a week is the year of its Thursday. */
  g_date_add_days (&thursday, 4);
  g_date_subtract_days (&thursday, g_date_get_weekday (d));
  return g_strdup_printf ("%04d-W%02d%s", g_date_get_year (&thursday),
                          g_date_get_iso8601_week_of_year (d), weekend ? "-WE" : "");
}

static int
dct_year (const Scan *s)
{
  return g_date_get_year (&s->dct);
}

static int
dct_month (const Scan *s)
{
  return g_date_get_month (&s->dct);
}

static int
dct_quarter (const Scan *s)
{
  return (dct_month (s) - 1) / 3 + 1;
}

/* The season of the DCT (0 spring … 3 winter) and the year it is named by:
 * January and February belong to the winter that began in December.
 */
static int
dct_season (const Scan *s,
            int        *year)
{
  int m = dct_month (s);

  *year = dct_year (s) - (m <= 2);
  return m >= 3 && m <= 5 ? 0 : m >= 6 && m <= 8 ? 1 : m >= 9 && m <= 11 ? 2 : 3;
}

/* The year of a part of the year (a month, quarter, season…) numbered
 * @index when the DCT is in part @current of @year, as the tense reads it.
 */
static int
year_by_tense (int index,
               int current,
               int year,
               int tense)
{
  if (tense == TENSE_PAST && index > current)
    return year - 1;
  if (tense == TENSE_FUTURE && index < current)
    return year + 1;
  return year;
}

/* Sets @m and returns TRUE: the end of every recogniser. */
static gboolean
found (Match *m,
       guint  end,
       char  *value)
{
  m->end = end;
  m->value = value;
  return TRUE;
}

static gboolean
found_relative (Match *m,
                guint  end,
                char  *value)
{
  m->relative = TRUE;
  return found (m, end, value);
}

static gboolean
skipped (Match *m,
         guint  end)
{
  m->skip = TRUE;
  return found (m, end, NULL);
}

/* ---- words ---- */

static const char * const en_months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december", NULL
};
static const char * const en_month_abbr[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "sept", NULL
};
static const char * const it_months[] = {
  "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
  "settembre", "ottobre", "novembre", "dicembre", NULL
};
static const char * const en_weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};
static const char * const it_weekdays[] = {
  "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", NULL
};
static const char * const it_weekdays_plain[] = {
  "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", NULL
};
static const char * const en_day_parts[] = {
  "morning", "afternoon", "evening", "night", "noon", "midnight", "overnight", NULL
};
static const char * const it_day_parts[] = {
  "mattina", "mattino", "mattinata", "pomeriggio", "sera", "serata", "notte", "nottata", NULL
};

/* A month name at @i: its number (1-12) and the token after it, an
 * abbreviation's full stop included. English names must be capitalised
 * ("march" is a verb, "may" a modal); @alone asks for a full name.
 */
static int
month_at (const Scan *s,
          guint       i,
          gboolean    alone,
          guint      *next)
{
  int k;

  if (i >= s->n || s->toks[i].kind != TOK_WORD)
    return 0;
  *next = i + 1;
  if (!en (s))
    return (k = in_list (s, i, it_months)) >= 0 ? k + 1 : 0;
  if (!s->toks[i].cap)
    return 0;
  if ((k = in_list (s, i, en_months)) >= 0)
    return k + 1;
  if (alone || (k = in_list (s, i, en_month_abbr)) < 0)
    return 0;
  if (is (s, i + 1, ".") && glued (s, i + 1))
    *next = i + 2;
  return k == 12 ? 9 : k + 1;
}

static int
weekday_at (const Scan *s,
            guint       i)
{
  int k;

  if (i >= s->n || s->toks[i].kind != TOK_WORD)
    return 0;
  if (en (s))
    return s->toks[i].cap && (k = in_list (s, i, en_weekdays)) >= 0 ? k + 1 : 0;
  if ((k = in_list (s, i, it_weekdays)) >= 0 || (k = in_list (s, i, it_weekdays_plain)) >= 0)
    return k + 1;
  return 0;
}

/* A day of the month at @i ("28", "28th", "1°"), and the token after it. */
static int
day_at (const Scan *s,
        guint       i,
        guint      *next)
{
  static const char * const suffixes[] = { "st", "nd", "rd", "th", NULL };
  int d = num (s, i, 1, 2);

  if (d < 1 || d > 31)
    return en (s) || !is (s, i, "primo") ? 0 : (*next = i + 1, 1);
  if (i > 0 && glued (s, i) && (is (s, i - 1, "/") || is (s, i - 1, ".") || is (s, i - 1, ":") ||
                                is (s, i - 1, "-") || is (s, i - 1, ",")))
    return 0;
  *next = i + 1;
  if (glued (s, i + 1) && (in_list (s, i + 1, suffixes) >= 0 || is (s, i + 1, "°") || is (s, i + 1, "º")))
    *next = i + 2;
  if (glued (s, *next) && (is (s, *next, ":") || is (s, *next, "%") ||
                           (is (s, *next, ",") && num (s, *next + 1, 3, 3) >= 0)))
    return 0;
  return d;
}

/* A year written with four digits at @i. */
static int
year_at (const Scan *s,
         guint       i)
{
  int y = num (s, i, 4, 4);

  if (y < 1000 || y > 2199)
    return 0;
  if (glued (s, i + 1) && (is (s, i + 1, "s") || is (s, i + 1, "%") ||
                           ((is (s, i + 1, ",") || is (s, i + 1, ".")) && num (s, i + 2, 1, 9) >= 0 && glued (s, i + 2))))
    return 0;
  return y;
}

/* How many, in words or digits: -1 for "a few", "several", "pochi"; 0 if none. */
static int
count_at (const Scan *s,
          guint       i,
          guint      *next)
{
  static const char * const en_numbers[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", NULL
  };
  static const char * const it_numbers[] = {
    "zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci",
    "undici", "dodici", NULL
  };
  static const char * const en_vague[] = { "several", "some", "many", "few", NULL };
  static const char * const it_vague[] = { "pochi", "poche", "alcuni", "alcune", "qualche", "diversi", "diverse", "molti", "molte", NULL };
  int k;

  *next = i + 1;
  if ((k = num (s, i, 1, 3)) > 0)
    return k;
  if (en (s))
    {
      if (is (s, i, "a") && is (s, i + 1, "few"))
        return (*next = i + 2), -1;
      if (is (s, i, "a") || is (s, i, "an"))
        return 1;
      if ((k = in_list (s, i, en_numbers)) > 0)
        return k;
      if (is (s, i, "fifteen") || is (s, i, "twenty") || is (s, i, "thirty"))
        return is (s, i, "fifteen") ? 15 : is (s, i, "twenty") ? 20 : 30;
      return in_list (s, i, en_vague) >= 0 ? -1 : 0;
    }
  if (is (s, i, "un") || is (s, i, "una"))
    return 1;
  if ((k = in_list (s, i, it_numbers)) > 0)
    return k;
  if (is (s, i, "quindici") || is (s, i, "venti") || is (s, i, "trenta"))
    return is (s, i, "quindici") ? 15 : is (s, i, "venti") ? 20 : 30;
  return in_list (s, i, it_vague) >= 0 ? -1 : 0;
}

static Unit
unit_at (const Scan *s,
         guint       i)
{
  static const char * const en_units[] = {
    "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
    "weekend", "quarter", "quarters", NULL
  };
  static const char * const it_units[] = {
    "giorno", "giorni", "settimana", "settimane", "mese", "mesi", "anno", "anni", "decennio",
    "decenni", "weekend", "trimestre", "trimestri", "semestre", "semestri", NULL
  };
  static const Unit en_kinds[] = { U_DAY, U_DAY, U_WEEK, U_WEEK, U_MONTH, U_MONTH, U_YEAR, U_YEAR,
                                   U_DECADE, U_DECADE, U_WEEKEND, U_QUARTER, U_QUARTER };
  static const Unit it_kinds[] = { U_DAY, U_DAY, U_WEEK, U_WEEK, U_MONTH, U_MONTH, U_YEAR, U_YEAR,
                                   U_DECADE, U_DECADE, U_WEEKEND, U_QUARTER, U_QUARTER, U_HALF, U_HALF };
  int k;

  if (en (s))
    return (k = in_list (s, i, en_units)) >= 0 ? en_kinds[k] : U_NONE;
  if (is (s, i, "fine") && (is (s, i + 1, "settimana") || (is (s, i + 1, "-") && is (s, i + 2, "settimana"))))
    return U_WEEKEND;
  return (k = in_list (s, i, it_units)) >= 0 ? it_kinds[k] : U_NONE;
}

/* Tokens a unit takes: "fine settimana" is two, "fine-settimana" three. */
static guint
unit_length (const Scan *s,
             guint       i)
{
  if (is (s, i, "fine"))
    return is (s, i + 1, "-") ? 3 : 2;
  return 1;
}

/* The value of the unit containing @date, moved by @offset units. */
static char *
unit_value (Unit         unit,
            const GDate *date,
            int          offset)
{
  GDate d = *date;
  int y = g_date_get_year (date), m = g_date_get_month (date);

  switch (unit)
    {
    case U_DAY:
      if (offset >= 0)
        g_date_add_days (&d, offset);
      else
        g_date_subtract_days (&d, -offset);
      return v_day (&d);
    case U_WEEK:
    case U_WEEKEND:
      if (offset >= 0)
        g_date_add_days (&d, 7 * offset);
      else
        g_date_subtract_days (&d, -7 * offset);
      return v_week (&d, unit == U_WEEKEND);
    case U_MONTH:
      return v_month (y, m + offset);
    case U_QUARTER:
      {
        int q = y * 4 + (m - 1) / 3 + offset;
        return g_strdup_printf ("%04d-Q%d", q / 4, q % 4 + 1);
      }
    case U_HALF:
      {
        int h = y * 2 + (m - 1) / 6 + offset;
        return g_strdup_printf ("%04d-H%d", h / 2, h % 2 + 1);
      }
    case U_YEAR:
      return v_year (y + offset);
    case U_DECADE:
      return g_strdup_printf ("%03d", y / 10 + offset);
    case U_NONE:
    default:
      return NULL;
    }
}

/* ---- recognisers: each may claim a match starting at token @i ---- */

static gboolean
rec_iso (Scan  *s,
         guint  i,
         Match *m)
{
  int y = num (s, i, 4, 4), mo, d;

  if (y < 1000 || !is (s, i + 1, "-") || !glued (s, i + 1) || !glued (s, i + 2))
    return FALSE;
  mo = num (s, i + 2, 1, 2);
  if (mo < 1 || mo > 12)
    return FALSE;
  if (is (s, i + 3, "-") && glued (s, i + 3) && glued (s, i + 4))
    {
      d = num (s, i + 4, 1, 2);
      if (!g_date_valid_dmy (d, mo, y))
        return FALSE;
      g_date_set_dmy (&m->date, d, mo, y);
      m->full_date = TRUE;
      m->year = y;
      return found (m, i + 5, v_day (&m->date));
    }
  if (glued (s, i + 3) && (is (s, i + 3, "-") || is (s, i + 3, "/")))
    return FALSE;
  m->year = y;
  return found (m, i + 3, v_month (y, mo));
}

static gboolean
rec_numeric (Scan  *s,
             guint  i,
             Match *m)
{
  int a = num (s, i, 1, 2), b, y, d, mo;
  const char *sep = w (s, i + 1);

  if (a < 1 || (strcmp (sep, "/") != 0 && strcmp (sep, ".") != 0 && strcmp (sep, "-") != 0) ||
      !glued (s, i + 1) || !glued (s, i + 2) || !is (s, i + 3, sep) || !glued (s, i + 3) ||
      !glued (s, i + 4) || (i > 0 && glued (s, i) && s->toks[i - 1].kind != TOK_WORD &&
                            !is (s, i - 1, "(")))
    return FALSE;
  b = num (s, i + 2, 1, 2);
  y = num (s, i + 4, 4, 4);
  if (y < 0 && (y = num (s, i + 4, 2, 2)) >= 0)
    y += y <= (s->has_dct ? dct_year (s) % 100 + 10 : 40) ? 2000 : 1900;
  if (b < 1 || y < 1000 || (glued (s, i + 5) && num (s, i + 6, 1, 9) >= 0))
    return FALSE;
  /* Day first in Italian; in English month first (American newswire
   * writes 12/28/2021), unless the first number cannot be a month.
   */
  if (en (s) ? a > 12 : b <= 12)
    d = a, mo = b;
  else
    d = b, mo = a;
  if (mo > 12 || !g_date_valid_dmy (d, mo, y))
    return FALSE;
  g_date_set_dmy (&m->date, d, mo, y);
  m->full_date = TRUE;
  m->year = y;
  return found (m, i + 5, v_day (&m->date));
}

/* A day and month without a year: the year the tense points to, or the
 * one putting the date nearest the DCT.
 */
static char *
day_month_value (Scan  *s,
                 guint  i,
                 int    d,
                 int    mo,
                 int    tense,
                 Match *m)
{
  int y;
  GDate date;

  m->relative = TRUE;
  /* Without a DCT there is no year to choose: found, with no value. */
  if (!g_date_valid_dmy (d, mo, 2000) || !s->has_dct)
    return NULL;
  y = dct_year (s);
  g_date_clear (&date, 1);
  if (!g_date_valid_dmy (d, mo, y))
    y += tense == TENSE_FUTURE ? 4 - y % 4 : -(y % 4);   /* 29 February */
  if (!g_date_valid_dmy (d, mo, y))
    return NULL;   /* 29 February 2100 */
  g_date_set_dmy (&date, d, mo, y);
  /* Newswire writes the year of a date outside the current year, so a day
   * a few weeks ahead is this year's even when the verb nearest reads as
   * past (“has narrowed … the Aug. 18 primary”).
   */
  if (tense == TENSE_PAST && g_date_compare (&date, &s->dct) > 0 &&
      g_date_days_between (&s->dct, &date) > NEAR_AHEAD_DAYS)
    y--;
  else if (tense == TENSE_FUTURE && g_date_compare (&date, &s->dct) < 0)
    y++;
  else if (tense == TENSE_NONE && g_date_days_between (&s->dct, &date) > 183)
    y--;
  else if (tense == TENSE_NONE && g_date_days_between (&date, &s->dct) > 183)
    y++;
  if (!g_date_valid_dmy (d, mo, y))
    return NULL;
  g_date_set_dmy (&m->date, d, mo, y);
  m->full_date = TRUE;
  return v_day (&m->date);
}

static char *
full_date_value (Match *m,
                 int    d,
                 int    mo,
                 int    y)
{
  if (!g_date_valid_dmy (d, mo, y))
    return NULL;
  g_date_set_dmy (&m->date, d, mo, y);
  m->full_date = TRUE;
  m->year = y;
  return v_day (&m->date);
}

/* "Tuesday, " before a date: the tokens it takes, or 0. */
static guint
weekday_prefix (const Scan *s,
                guint       i)
{
  if (!weekday_at (s, i))
    return 0;
  return is (s, i + 1, ",") ? 2 : 1;
}

static gboolean
rec_day_month (Scan  *s,
               guint  i,
               Match *m)
{
  guint j = i + weekday_prefix (s, i), k, next;
  int d, mo, y;
  char *value;

  if (en (s) && is (s, j, "the"))
    j++;
  if (!(d = day_at (s, j, &k)))
    return FALSE;
  if (en (s) && is (s, k, "of"))
    k++;
  if (!(mo = month_at (s, k, FALSE, &next)))
    return FALSE;
  if (is (s, next, ",") && year_at (s, next + 1))
    next++;
  if ((y = year_at (s, next)))
    value = full_date_value (m, d, mo, y), next++;
  else if (!en (s) && (is (s, next, "scorso") || is (s, next, "prossimo")))
    {
      /* "il 15 maggio prossimo": the word says which one. */
      value = day_month_value (s, i, d, mo, is (s, next, "scorso") ? TENSE_PAST : TENSE_FUTURE, m);
      next++;
    }
  else
    value = day_month_value (s, i, d, mo, tense_at (s, i), m);
  return (value != NULL || (!s->has_dct && g_date_valid_dmy (d, mo, 2000))) && found (m, next, value);
}

static gboolean
rec_month_day (Scan  *s,
               guint  i,
               Match *m)
{
  guint j = i + weekday_prefix (s, i), k, next;
  int d, mo, y;
  char *value;

  if (!en (s) || !(mo = month_at (s, j, FALSE, &k)))
    return FALSE;
  if (is (s, k, "the"))
    k++;
  if (!(d = day_at (s, k, &next)) || num (s, k, 4, 4) >= 0)
    return FALSE;
  if (is (s, next, ",") && year_at (s, next + 1))
    next++;
  if ((y = year_at (s, next)))
    value = full_date_value (m, d, mo, y), next++;
  else
    value = day_month_value (s, i, d, mo, tense_at (s, i), m);
  return (value != NULL || (!s->has_dct && g_date_valid_dmy (d, mo, 2000))) && found (m, next, value);
}

static gboolean
rec_month_year (Scan  *s,
                guint  i,
                Match *m)
{
  guint next;
  int mo = month_at (s, i, FALSE, &next), y;

  if (!mo)
    return FALSE;
  if (is (s, next, "of") || is (s, next, "del") || is (s, next, "di") || is (s, next, ","))
    next++;
  if (!(y = year_at (s, next)))
    return FALSE;
  m->year = y;
  return found (m, next + 1, v_month (y, mo));
}

/* "may" and "march" are words too: alone, a month needs a word before it
 * that only goes with dates.
 */
static gboolean
month_alone_allowed (const Scan *s,
                     guint       i,
                     int         mo)
{
  static const char * const before[] = {
    "in", "of", "since", "until", "till", "by", "from", "through", "early", "mid", "late",
    "last", "next", "this", "before", "after", "during", "-", "to", "end", "and", "between", NULL
  };

  if (!en (s) || (mo != 3 && mo != 5))
    return TRUE;
  return i > 0 && in_list (s, i - 1, before) >= 0;
}

/* The token after “of the same year”, “of that year” or “dello stesso
 * anno” at @j, or @j.
 */
static guint
same_year_after (const Scan *s,
                 guint       j)
{
  if (is (s, j, "of") && (is (s, j + 1, "that") || is (s, j + 1, "the")) &&
      (is (s, j + 1, "that") ? is (s, j + 2, "year") : is (s, j + 2, "same") && is (s, j + 3, "year")))
    return j + (is (s, j + 1, "that") ? 3 : 4);
  if (is (s, j, "dello") && is (s, j + 1, "stesso") && is (s, j + 2, "anno"))
    return j + 3;
  return j;
}

static gboolean
rec_month_alone (Scan  *s,
                 guint  i,
                 Match *m)
{
  static const char * const en_mods[] = { "last", "next", "this", NULL };
  static const char * const it_before[] = { "scorso", "prossimo", NULL };
  static const char * const it_after[] = { "scorso", "prossimo", "passato", NULL };
  int mod = -1, mo, y = s->has_dct ? dct_year (s) : 2000, dm;
  guint j = i, next, after;

  if (en (s) && (mod = in_list (s, i, en_mods)) >= 0)
    j++;
  else if (!en (s) && (is (s, i, "lo") || is (s, i, "il")) && (mod = in_list (s, i + 1, it_before)) >= 0)
    mod = mod == 0 ? 0 : 1, j += 2;
  if (!(mo = month_at (s, j, TRUE, &next)) || !month_alone_allowed (s, j, mo))
    return FALSE;
  if (!en (s) && mod < 0 && (mod = in_list (s, next, it_after)) >= 0)
    mod = mod == 1 ? 1 : 0, next++;
  m->relative = TRUE;
  /* “nel giugno dello stesso anno”, “in June of that year”: the year last
   * written.
   */
  if (mod < 0 && s->anchor_year && (after = same_year_after (s, next)) > next)
    return found (m, after, v_month (s->anchor_year, mo));
  if (!s->has_dct)
    return found (m, next, NULL);
  dm = dct_month (s);
  if (mod == 0)      /* last */
    y -= mo >= dm;
  else if (mod == 1) /* next */
    y += mo <= dm;
  else if (mod != 2)
    {
      int tense = tense_at (s, i);

      /* With no tense to go by, the nearest such month. */
      if (tense == TENSE_NONE)
        y += mo - dm > 6 ? -1 : dm - mo > 6 ? 1 : 0;
      else
        y = year_by_tense (mo, dm, y, tense);
    }
  return found (m, next, v_month (y, mo));
}

static gboolean
rec_year (Scan  *s,
          guint  i,
          Match *m)
{
  static const char * const before[] = {
    "in", "since", "of", "until", "by", "from", "nel", "dal", "del", "al", "entro", "fino",
    "year", "anno", "before", "after", "during", "early", "late", "mid", "-", NULL
  };
  static const char * const quantities[] = {
    "people", "persons", "percent", "per", "euros", "euro", "dollars", "workers", "jobs",
    "tonnes", "tons", "km", "metres", "meters", "miles", "persone", "dollari", "posti",
    "lavoratori", "abitanti", "voti", "votes", "residents", "troops", "soldiers", "units",
    "pages", "homes", "cases", "deaths", "morti", "feriti", "casi", "milioni", "million",
    "billion", "miliardi", "seats", "seggi", "employees", "dipendenti", NULL
  };
  int y = year_at (s, i);

  if (!y)
    return FALSE;
  if (y < 1900 || y > 2099)
    if (i == 0 || in_list (s, i - 1, before) < 0)
      return FALSE;
  if (i > 0 && (is (s, i - 1, "$") || is (s, i - 1, "€") || is (s, i - 1, "£") || is (s, i - 1, "#") ||
                (glued (s, i) && s->toks[i - 1].kind != TOK_PUNCT)))
    return FALSE;
  if (in_list (s, i + 1, quantities) >= 0)
    return FALSE;
  if (glued (s, i + 1) && is (s, i + 1, "-") && num (s, i + 2, 2, 2) >= 0)
    return FALSE;   /* "2020-21": a season, not a year */
  m->year = y;
  return found (m, i + 1, v_year (y));
}

static int
decade_word (const Scan *s,
             guint       i)
{
  static const char * const en_decades[] = {
    "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties", NULL
  };
  static const char * const it_decades[] = {
    "venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta", NULL
  };
  int k = in_list (s, i, en (s) ? en_decades : it_decades);

  return k >= 0 ? 192 + k : 0;
}

/* A decade in digits at @i: "1990" or "90", "'90" (with @apos); 0 if none. */
static int
decade_digits (const Scan *s,
               guint       i,
               guint      *next)
{
  int y;
  guint j = i;

  if (is_apos (s, j))
    j++;
  if ((y = num (s, j, 4, 4)) >= 1000 && y % 10 == 0)
    return (*next = j + 1), y / 10;
  if ((y = num (s, j, 2, 2)) >= 0 && y % 10 == 0 && (j == i + 1 || s->toks[j].len == 2))
    return (*next = j + 1), (y >= 20 ? 190 : 200) + y / 10;
  return 0;
}

static gboolean
rec_decade (Scan  *s,
            guint  i,
            Match *m)
{
  guint j = i, next;
  int decade;

  if (en (s))
    {
      gboolean the = is (s, j, "the");

      j += the;
      if ((decade = decade_word (s, j)))
        return the && found (m, j + 1, g_strdup_printf ("%03d", decade));
      if (!(decade = decade_digits (s, j, &next)))
        return FALSE;
      if (is_apos (s, next) && glued (s, next))
        next++;
      if (!is (s, next, "s") || !glued (s, next))
        return FALSE;
      /* "90s" alone may be an age ("in their 90s"). */
      if (!the && num (s, j, 2, 2) >= 0)
        return FALSE;
      return found (m, next + 1, g_strdup_printf ("%03d", decade));
    }
  if (is (s, j, "gli"))
    j++;
  if (!is (s, j, "anni"))
    return FALSE;
  if ((decade = decade_word (s, j + 1)))
    return found (m, j + 2, g_strdup_printf ("%03d", decade));
  if (is (s, j + 1, "duemila"))
    return found (m, j + 2, g_strdup ("200"));
  if (!(decade = decade_digits (s, j + 1, &next)))
    return FALSE;
  return found (m, next, g_strdup_printf ("%03d", decade));
}

static gboolean
rec_century (Scan  *s,
             guint  i,
             Match *m)
{
  static const char * const roman[] = { "xvii", "xviii", "xix", "xx", "xxi", NULL };
  static const char * const it_names[] = { "seicento", "settecento", "ottocento", "novecento", NULL };
  static const char * const en_ordinals[] = { "eighteenth", "nineteenth", "twentieth", NULL };
  guint j = i + (is (s, i, "the") || is (s, i, "il") || is (s, i, "l"));
  int c, k;

  if (is (s, i, "l"))
    j += is_apos (s, j);
  if (en (s))
    {
      if ((c = num (s, j, 2, 2)) >= 10 && glued (s, j + 1) && (is (s, j + 1, "th") || is (s, j + 1, "st")) &&
          is (s, j + 2, "century"))
        return found (m, j + 3, g_strdup_printf ("%02d", c - 1));
      if ((k = in_list (s, j, en_ordinals)) >= 0 && is (s, j + 1, "century"))
        return found (m, j + 2, g_strdup_printf ("%02d", 17 + k));
      if (is (s, j, "twenty") && is (s, j + 1, "-") && is (s, j + 2, "first") && is (s, j + 3, "century"))
        return found (m, j + 4, g_strdup ("20"));
      return FALSE;
    }
  if ((k = in_list (s, j, roman)) >= 0 && is (s, j + 1, "secolo"))
    return found (m, j + 2, g_strdup_printf ("%02d", 16 + k));
  if ((k = in_list (s, j, it_names)) >= 0 && s->toks[j].cap)
    return found (m, j + 1, g_strdup_printf ("%02d", 16 + k));
  return FALSE;
}

/* The year after "of 2021", "of this year", "del 2021", "dell'anno": the
 * token after it in @next, and whether it was written out. 0 if none.
 */
static int
year_tail (Scan    *s,
           guint    i,
           guint   *next,
           gboolean *relative)
{
  static const char * const en_of[] = { "of", "in", NULL };
  static const char * const it_of[] = { "del", "dell", "di", "nel", "nell", NULL };
  guint j = i;
  int y;

  *relative = FALSE;
  if (in_list (s, j, en (s) ? en_of : it_of) >= 0)
    j += 1 + is_apos (s, j + 1);
  if (is (s, j, "fiscal"))
    j++;
  if ((y = year_at (s, j)))
    return (*next = j + 1), y;
  if (j == i || !s->has_dct)
    return 0;
  *relative = TRUE;
  if (en (s))
    {
      guint k = j + is (s, j, "the");
      int offset = is (s, j, "this") ? 0 : is (s, j, "last") ? -1 : is (s, j, "next") ? 1 : 99;

      if (k > j && is (s, k, "year"))
        return (*next = k + 1), dct_year (s);
      if (offset != 99 && is (s, j + 1, "year"))
        return (*next = j + 2), dct_year (s) + offset;
      return 0;
    }
  if (is (s, j, "anno") || is (s, j, "quest"))
    {
      guint k = j + (is (s, j, "quest") ? 2 : 0);

      if (!is (s, k, "anno"))
        return 0;
      if (is (s, k + 1, "scorso") || is (s, k + 1, "passato"))
        return (*next = k + 2), dct_year (s) - 1;
      if (is (s, k + 1, "prossimo"))
        return (*next = k + 2), dct_year (s) + 1;
      return (*next = k + 1), dct_year (s);
    }
  return 0;
}

static int
ordinal_at (const Scan *s,
            guint       i,
            guint      *next)
{
  static const char * const en_ordinals[] = { "first", "second", "third", "fourth", "final", NULL };
  static const char * const en_suffixes[] = { "st", "nd", "rd", "th", NULL };
  static const char * const it_ordinals[] = { "primo", "secondo", "terzo", "quarto", "ultimo", NULL };
  static const char * const it_feminine[] = { "prima", "seconda", NULL };
  int k;

  *next = i + 1;
  if (en (s))
    {
      if ((k = in_list (s, i, en_ordinals)) >= 0)
        return k == 4 ? 4 : k + 1;
      if ((k = num (s, i, 1, 1)) >= 1 && k <= 4 && in_list (s, i + 1, en_suffixes) >= 0 && glued (s, i + 1))
        return (*next = i + 2), k;
      return 0;
    }
  if ((k = in_list (s, i, it_ordinals)) >= 0)
    return k == 4 ? 4 : k + 1;
  return (k = in_list (s, i, it_feminine)) >= 0 ? k + 1 : 0;
}

/* The year of a quarter or half @index of @count in the year, when none is written. */
static char *
part_value (Scan       *s,
            guint       i,
            Unit        unit,
            int         index,
            int         y,
            gboolean    relative)
{
  if (!relative)
    return g_strdup_printf (unit == U_QUARTER ? "%04d-Q%d" : "%04d-H%d", y, index);
  if (!s->has_dct)
    return NULL;
  if (y == 0)
    {
      int current = unit == U_QUARTER ? dct_quarter (s) : (dct_month (s) - 1) / 6 + 1;

      y = year_by_tense (index, current, dct_year (s), tense_at (s, i));
    }
  return g_strdup_printf (unit == U_QUARTER ? "%04d-Q%d" : "%04d-H%d", y, index);
}

static gboolean
rec_quarter (Scan  *s,
             guint  i,
             Match *m)
{
  guint j = i, k, next;
  int index, y;
  gboolean relative = TRUE, feminine;
  Unit unit;

  if (is (s, i, "q") || is (s, i, "h"))
    {
      int n = num (s, i + 1, 1, 1);

      if (!glued (s, i + 1) || n < 1 || n > (is (s, i, "q") ? 4 : 2) || !s->toks[i].cap)
        return FALSE;
      unit = is (s, i, "q") ? U_QUARTER : U_HALF;
      k = i + 2;
      if ((y = year_at (s, k)))
        relative = FALSE, k++;
      m->relative = relative;
      return found (m, k, part_value (s, i, unit, n, relative ? 0 : y, relative));
    }
  if (is (s, j, "the") || is (s, j, "il") || is (s, j, "la") || is (s, j, "l"))
    j += 1 + is_apos (s, j + 1);
  feminine = is (s, j, "prima") || is (s, j, "seconda");
  if (!(index = ordinal_at (s, j, &k)))
    return FALSE;
  if (is (s, k, "fiscal"))
    k++;
  /* “fourth-quarter profit”: TimeML tags the adjective as the quarter. */
  if (en (s) && is (s, k, "-") && glued (s, k) && glued (s, k + 1))
    k++;
  if (is (s, k, "quarter") || is (s, k, "trimestre"))
    unit = U_QUARTER;
  else if ((is (s, k, "half") || is (s, k, "semestre") || is (s, k, "metà")) && index <= 2)
    unit = U_HALF;
  else
    return FALSE;
  if (feminine != is (s, k, "metà"))
    return FALSE;
  k++;
  if ((y = year_tail (s, k, &next, &relative)))
    k = next;
  else if (unit == U_HALF && is (s, k - 1, "metà"))
    return FALSE;   /* "la prima metà" of anything */
  else
    relative = TRUE;
  m->relative = relative;
  if (!relative)
    m->year = y;
  return found (m, k, part_value (s, i, unit, index, relative && y == 0 ? 0 : y, relative && y == 0));
}

static const char * const season_codes[] = { "SP", "SU", "FA", "WI" };
static const char * const en_seasons[] = { "spring", "summer", "fall", "winter", "autumn", NULL };
static const char * const it_seasons[] = { "primavera", "estate", "autunno", "inverno", NULL };

static gboolean
rec_season (Scan  *s,
            guint  i,
            Match *m)
{
  static const char * const en_before[] = { "in", "of", "since", "until", "by", "during", "early", "late", "mid", "-", "and", NULL };
  guint j = i, next;
  int season, mod = 99, y, cur_year, cur;
  gboolean relative;

  if (en (s))
    {
      if (is (s, j, "this") || is (s, j, "last") || is (s, j, "next") || is (s, j, "the"))
        mod = is (s, j, "this") ? 0 : is (s, j, "last") ? -1 : is (s, j, "next") ? 1 : 2, j++;
      if ((season = in_list (s, j, en_seasons)) < 0)
        return FALSE;
      season = season == 4 ? 2 : season;
    }
  else
    {
      if ((is (s, j, "la") || is (s, j, "lo") || is (s, j, "l")) && !is_apos (s, j + 1) &&
          (is (s, j + 1, "scorsa") || is (s, j + 1, "prossima") || is (s, j + 1, "scorso") || is (s, j + 1, "prossimo")))
        mod = is (s, j + 1, "scorsa") || is (s, j + 1, "scorso") ? -1 : 1, j += 2;
      else if ((is (s, j, "quest") && is_apos (s, j + 1)) || is (s, j, "questa") || is (s, j, "questo"))
        mod = 0, j += 1 + is_apos (s, j + 1);
      else if (is (s, j, "la") || (is (s, j, "l") && is_apos (s, j + 1)))
        mod = 2, j += 1 + is_apos (s, j + 1);
      if ((season = in_list (s, j, it_seasons)) < 0)
        return FALSE;
    }
  next = j + 1;
  if ((y = year_tail (s, next, &next, &relative)) && !relative)
    {
      m->year = y;
      return found (m, next, g_strdup_printf ("%04d-%s", y, season_codes[season]));
    }
  next = j + 1;
  if (!en (s) && mod == 99 && i > 0 && !is (s, i - 1, "in") && !is (s, i - 1, "di"))
    return FALSE;
  if (!en (s) && (mod == 99 || mod == 2))
    {
      if (is (s, next, "scorsa") || is (s, next, "passata") || is (s, next, "scorso"))
        mod = -1, next++;
      else if (is (s, next, "prossima") || is (s, next, "prossimo"))
        mod = 1, next++;
    }
  if (en (s) && mod == 99 && (i == 0 || in_list (s, i - 1, en_before) < 0))
    return FALSE;
  m->relative = TRUE;
  if (!s->has_dct)
    return found (m, next, NULL);
  cur = dct_season (s, &cur_year);
  if (mod == 0)
    y = cur_year;
  else if (mod == -1)
    y = season < cur ? cur_year : cur_year - 1;
  else if (mod == 1)
    y = season > cur ? cur_year : cur_year + 1;
  else
    y = year_by_tense (season, cur, cur_year, tense_at (s, i));
  return found (m, next, g_strdup_printf ("%04d-%s", y, season_codes[season]));
}

/* The day of weekday @wd (1 Monday … 7 Sunday) nearest the DCT in direction
 * @dir: -1 the last one on or before it, -2 strictly before, 1 strictly
 * after, 0 the nearest, 3 in the DCT's week.
 */
static void
resolve_weekday (const Scan *s,
                 int         wd,
                 int         dir,
                 GDate      *out)
{
  int today = g_date_get_weekday (&s->dct);
  int back = (today - wd + 7) % 7, ahead = (wd - today + 7) % 7;

  *out = s->dct;
  if (dir == -2 && back == 0)
    back = 7;
  if (dir == 1 && ahead == 0)
    ahead = 7;
  if (dir == 3)
    {
      if (wd >= today)
        g_date_add_days (out, wd - today);
      else
        g_date_subtract_days (out, today - wd);
    }
  else if (dir < 0 || (dir == 0 && back <= ahead))
    g_date_subtract_days (out, back);
  else
    g_date_add_days (out, ahead);
}

static gboolean
rec_weekday (Scan  *s,
             guint  i,
             Match *m)
{
  guint j = i;
  int wd, dir = 99, tense;
  GDate d;

  if (en (s))
    {
      if (is (s, j, "last") || is (s, j, "next") || is (s, j, "this") || is (s, j, "past") || is (s, j, "coming"))
        dir = is (s, j, "next") || is (s, j, "coming") ? 1 : is (s, j, "this") ? 3 : -2, j++;
    }
  else if ((is (s, j, "lo") || is (s, j, "la") || is (s, j, "il")) &&
           (is (s, j + 1, "scorso") || is (s, j + 1, "scorsa") || is (s, j + 1, "prossimo") || is (s, j + 1, "prossima")))
    dir = is (s, j + 1, "prossimo") || is (s, j + 1, "prossima") ? 1 : -2, j += 2;
  else if (is (s, j, "scorso") || is (s, j, "scorsa") || is (s, j, "prossimo") || is (s, j, "prossima"))
    dir = is (s, j, "prossimo") || is (s, j, "prossima") ? 1 : -2, j++;
  if (!(wd = weekday_at (s, j)))
    return FALSE;
  j++;
  if (in_list (s, j, en (s) ? en_day_parts : it_day_parts) >= 0)
    return skipped (m, j + 1);
  /* “every Tuesday”, “ogni martedì”: a SET in TimeML, not a DATE. */
  if (dir == 99 && i > 0 && (is (s, i - 1, "every") || is (s, i - 1, "each") || is (s, i - 1, "ogni")))
    return skipped (m, j);
  if (!en (s) && dir == 99 && (is (s, j, "scorso") || is (s, j, "scorsa") || is (s, j, "prossimo") || is (s, j, "prossima")))
    dir = is (s, j, "prossimo") || is (s, j, "prossima") ? 1 : -2, j++;
  m->relative = TRUE;
  if (!s->has_dct)
    return found (m, j, NULL);
  /* “uno sciopero per martedì”, “a vote set for Tuesday”: what a day is
   * for lies ahead of the report, whatever the verb's tense.
   */
  if (dir == 99 && i > 0 && (is (s, i - 1, "per") || is (s, i - 1, "for")))
    dir = 1;
  if (dir == 99)
    {
      tense = tense_at (s, i);
      dir = tense == TENSE_PAST ? -1 : tense == TENSE_FUTURE ? 1 : 0;
    }
  resolve_weekday (s, wd, dir, &d);
  return found (m, j, v_day (&d));
}

static gboolean
rec_deictic (Scan  *s,
             guint  i,
             Match *m)
{
  static const char * const en_words[] = { "yesterday", "today", "tomorrow", NULL };
  static const char * const it_words[] = { "avantieri", "altroieri", "ieri", "oggi", "domani", "dopodomani", NULL };
  static const char * const it_times[] = { "stamattina", "stamani", "stasera", "stanotte", "stamane", NULL };
  int k, offset;
  guint next = i + 1;

  if (en (s))
    {
      if (is (s, i, "tonight") || (is (s, i, "this") && in_list (s, i + 1, en_day_parts) >= 0))
        return skipped (m, i + 1 + is (s, i, "this"));
      if (is (s, i, "the") && is (s, i + 1, "day") && (is (s, i + 2, "before") || is (s, i + 2, "after")) &&
          (is (s, i + 3, "yesterday") || is (s, i + 3, "tomorrow")))
        offset = is (s, i + 3, "yesterday") ? -2 : 2, next = i + 4;
      else if ((k = in_list (s, i, en_words)) >= 0)
        offset = k - 1;
      else
        return FALSE;
    }
  else
    {
      if (in_list (s, i, it_times) >= 0)
        return skipped (m, i + 1);
      if (is (s, i, "l") && is_apos (s, i + 1) && is (s, i + 2, "altro") && is (s, i + 3, "ieri"))
        offset = -2, next = i + 4;
      else if (is (s, i, "l") && is_apos (s, i + 1) && is (s, i + 2, "altroieri"))
        offset = -2, next = i + 3;
      else if ((k = in_list (s, i, it_words)) >= 0)
        offset = k <= 1 ? -2 : k - 3;
      else
        return FALSE;
    }
  if (in_list (s, next, en (s) ? en_day_parts : it_day_parts) >= 0)
    return skipped (m, next + 1);
  m->relative = TRUE;
  return found (m, next, s->has_dct ? unit_value (U_DAY, &s->dct, offset) : NULL);
}

/* "the day before", "the next day", "il giorno dopo", "l'indomani": a day
 * next to the last date written out, or to the DCT.
 */
static gboolean
rec_next_day (Scan  *s,
              guint  i,
              Match *m)
{
  const GDate *anchor = s->has_anchor ? &s->anchor : &s->dct;
  int offset;
  guint next;

  if (en (s))
    {
      if (!is (s, i, "the"))
        return FALSE;
      if (is (s, i + 1, "day") && (is (s, i + 2, "before") || is (s, i + 2, "after")))
        offset = is (s, i + 2, "before") ? -1 : 1, next = i + 3;
      else if ((is (s, i + 1, "next") || is (s, i + 1, "following") || is (s, i + 1, "previous")) && is (s, i + 2, "day"))
        offset = is (s, i + 1, "previous") ? -1 : 1, next = i + 3;
      else
        return FALSE;
    }
  else
    {
      if (is (s, i, "l") && is_apos (s, i + 1) && is (s, i + 2, "indomani"))
        offset = 1, next = i + 3;
      else if (is (s, i, "il") && is (s, i + 1, "giorno") &&
               (is (s, i + 2, "dopo") || is (s, i + 2, "prima") || is (s, i + 2, "successivo") || is (s, i + 2, "precedente")))
        offset = is (s, i + 2, "dopo") || is (s, i + 2, "successivo") ? 1 : -1, next = i + 3;
      else
        return FALSE;
    }
  /* “the day after the primary”, “il giorno dopo il voto”: counted from an
   * event, as “a day after the vote” is; not a date of its own.
   */
  if (next < s->n && s->toks[next].kind == TOK_WORD && !s->toks[next].newline &&
      (is (s, next - 1, "after") || is (s, next - 1, "before") || is (s, next - 1, "dopo") ||
       is (s, next - 1, "prima")))
    return FALSE;
  m->relative = TRUE;
  return found (m, next, s->has_dct ? unit_value (U_DAY, anchor, offset) : NULL);
}

/* "a month earlier", "un anno prima" count back from the time the text is
 * talking about ("fell to $4.6 billion in February from $5.3 billion a
 * month earlier" is January), as TimeML reads them; "ago" and "fa" count
 * from the DCT. Only with a date of the same sentence to count from.
 */
static gboolean
anaphoric_back (const Scan *s,
                guint       u)
{
  if (!(is (s, u, "earlier") || is (s, u, "prima")) || !s->has_last)
    return FALSE;
  for (guint j = u; j > s->last_end; j--)
    if (ends_sentence (s, j - 1))
      return FALSE;
  return u >= s->last_end;
}

static char *anchored_value (Scan *s,
                             Unit  unit,
                             int   offset);

static gboolean
rec_ago (Scan  *s,
         guint  i,
         Match *m)
{
  static const char * const en_back[] = { "ago", "earlier", "before", "prior", "back", NULL };
  static const char * const en_ahead[] = { "later", "after", "hence", NULL };
  static const char * const it_back[] = { "fa", "prima", "addietro", NULL };
  static const char * const it_ahead[] = { "dopo", "più", NULL };
  static const char * const it_linked[] = {
    "di", "del", "della", "dello", "dei", "degli", "delle", "dell", "che", "il", "la", "lo", "l",
    "i", "gli", "le", NULL
  };
  guint k, u;
  int n = count_at (s, i, &k), dir;
  Unit unit;
  const GDate *anchor;

  if (n == 0 || (unit = unit_at (s, k)) == U_NONE || unit == U_WEEKEND || unit == U_QUARTER || unit == U_HALF)
    return FALSE;
  u = k + unit_length (s, k);
  if (in_list (s, u, en (s) ? en_back : it_back) >= 0)
    dir = -1;
  else if (in_list (s, u, en (s) ? en_ahead : it_ahead) >= 0 && (en (s) || !is (s, u, "più") || is (s, u + 1, "tardi")))
    dir = 1;
  else if (en (s) && is (s, u, "from") && is (s, u + 1, "now"))
    dir = 2;
  else
    return FALSE;
  /* "a day after the vote", "due giorni prima del voto": counted from an
   * event, not from a date; not a date of its own.
   */
  if (is (s, u, "after") || is (s, u, "before") || is (s, u, "dopo") || is (s, u, "prima"))
    if (u + 1 < s->n && (en (s) ? s->toks[u + 1].kind != TOK_PUNCT : in_list (s, u + 1, it_linked) >= 0))
      return FALSE;
  if (is (s, u, "più") || dir == 2)
    u++;
  /* "ago" and "earlier" count from the DCT ("up 5% from a year earlier"
   * compares with the time of the report); "two weeks later" from the last
   * date written out, which is what it follows.
   */
  anchor = dir == 1 && s->has_anchor ? &s->anchor : &s->dct;
  m->relative = TRUE;
  if (n < 0)
    return dir < 0 ? found (m, u + 1, g_strdup ("PAST_REF")) : skipped (m, u + 1);
  if (!s->has_dct)
    return found (m, u + 1, NULL);
  if (anaphoric_back (s, u))
    {
      m->keeps_last = TRUE;
      return found (m, u + 1, anchored_value (s, unit, -n));
    }
  return found (m, u + 1, unit_value (unit, anchor, dir < 0 ? -n : n));
}

/* "earlier this month", "later this year": kept whole, as TimeML does. */
static guint
early_late_prefix (const Scan *s,
                   guint       i)
{
  if ((is (s, i, "earlier") || is (s, i, "later")) &&
      (is (s, i + 1, "this") || is (s, i + 1, "last") || is (s, i + 1, "next")))
    return 1;
  return 0;
}

/* "the previous year", "il trimestre successivo": @offset units from the
 * last date of that kind mentioned, as TimeML anchors them; failing that,
 * from the last full date or year, or the DCT.
 */
static char *
anchored_value (Scan *s,
                Unit  unit,
                int   offset)
{
  const GlossaTimexValue *v = &s->last;

  if (s->has_last && v->year > 0 && v->kind >= GLOSSA_TIMEX_YEAR)
    {
      if (unit == U_YEAR)
        return v_year (v->year + offset);
      if (unit == U_QUARTER && v->kind == GLOSSA_TIMEX_QUARTER && v->part > 0)
        {
          int q = v->year * 4 + v->part - 1 + offset;
          return g_strdup_printf ("%04d-Q%d", q / 4, q % 4 + 1);
        }
      if (unit == U_HALF && v->kind == GLOSSA_TIMEX_HALF && v->part > 0)
        {
          int h = v->year * 2 + v->part - 1 + offset;
          return g_strdup_printf ("%04d-H%d", h / 2, h % 2 + 1);
        }
      if (unit == U_MONTH && v->kind == GLOSSA_TIMEX_MONTH && v->month > 0)
        return v_month (v->year, v->month + offset);
    }
  if (unit == U_YEAR && s->anchor_year)
    return v_year (s->anchor_year + offset);
  return unit_value (unit, s->has_anchor ? &s->anchor : &s->dct, offset);
}

static gboolean
rec_unit_en (Scan  *s,
             guint  i,
             Match *m)
{
  static const char * const mods[] = {
    "this", "last", "next", "past", "coming", "previous", "following", "current", "same", "latest", NULL
  };
  static const int offsets[] = { 0, -1, 1, -1, 1, -1, 1, 0, 0, -1 };
  guint j = i + early_late_prefix (s, i), k;
  gboolean the = is (s, j, "the");
  int mod, n;
  Unit unit;

  j += the;
  if ((mod = in_list (s, j, mods)) < 0)
    return FALSE;
  /* "this past week" is last week. */
  if (mod == 0 && !the && is (s, j + 1, "past") && unit_at (s, j + 2) != U_NONE)
    mod = 1, j++;
  /* "the past three years", "the last two weeks": durations. */
  if ((n = count_at (s, j + 1, &k)) != 0 && unit_at (s, k) != U_NONE && !is (s, j + 1, "a"))
    return skipped (m, k + 1);
  if ((unit = unit_at (s, j + 1)) == U_NONE)
    return FALSE;
  /* "in coming weeks", "the past months": vague spans of time. */
  if (ends_with (w (s, j + 1), "s"))
    return skipped (m, j + 2);
  if (the && (mod == 1 || mod == 2 || mod == 3 || mod == 8))
    return skipped (m, j + 2);
  if ((!the && (mod == 3 || mod == 5 || mod == 6 || mod == 7 || mod == 8)) || unit == U_DAY)
    return FALSE;
  m->relative = TRUE;
  if (!s->has_dct)
    return found (m, j + 2, NULL);
  if (the && (mod == 5 || mod == 6))
    return found (m, j + 2, anchored_value (s, unit, offsets[mod]));
  return found (m, j + 2, unit_value (unit, &s->dct, offsets[mod]));
}

/* "the weekend", "il fine settimana": the one the tense points to, or the
 * nearer one.
 */
static gboolean
rec_weekend (Scan  *s,
             guint  i,
             Match *m)
{
  int today, tense, offset;
  guint j = i + (is (s, i, "the") || is (s, i, "il") || is (s, i, "lo")), k;

  if ((en (s) && j == i) || unit_at (s, j) != U_WEEKEND)
    return FALSE;
  k = j + unit_length (s, j);
  m->relative = TRUE;
  if (!s->has_dct)
    return found (m, k, NULL);
  today = g_date_get_weekday (&s->dct);
  tense = tense_at (s, i);
  if (tense == TENSE_NONE)
    tense = today >= 4 ? TENSE_FUTURE : TENSE_PAST;
  if (tense == TENSE_PAST)
    offset = today >= 6 ? 0 : -1;
  else
    offset = today >= 6 ? 1 : 0;
  return found (m, k, unit_value (U_WEEKEND, &s->dct, offset));
}

static int
it_modifier (const Scan *s,
             guint       i)
{
  static const char * const words[] = {
    "scorso", "scorsa", "passato", "passata", "prossimo", "prossima", "corrente", "successivo",
    "successiva", "seguente", "precedente", NULL
  };
  static const int offsets[] = { -1, -1, -1, -1, 1, 1, 0, 2, 2, 2, -2 };
  int k = in_list (s, i, words);

  if (k >= 0)
    return offsets[k];
  if (is (s, i, "in") && is (s, i + 1, "corso"))
    return 0;
  return 99;
}

static gboolean
rec_unit_it (Scan  *s,
             guint  i,
             Match *m)
{
  static const char * const articles[] = { "il", "la", "lo", "l", NULL };
  static const char * const this_words[] = { "questo", "questa", "quest", NULL };
  guint j = i, k;
  int offset = 99, n;
  Unit unit;

  if (en (s))
    return FALSE;
  if (in_list (s, j, this_words) >= 0)
    offset = 0, j += 1 + is_apos (s, j + 1);
  else if (in_list (s, j, articles) >= 0)
    j += 1 + is_apos (s, j + 1);
  /* "nei giorni scorsi", "nelle settimane scorse": recently. */
  if (offset == 99 && unit_at (s, j) != U_NONE && (is (s, j + 1, "scorsi") || is (s, j + 1, "scorse")) &&
      (ends_with (w (s, j), "i") || ends_with (w (s, j), "e")))
    return found (m, j + 2, g_strdup ("PAST_REF"));
  if (offset == 99 && (is (s, j, "ultimo") || is (s, j, "ultima") || is (s, j, "ultimi") || is (s, j, "ultime")))
    {
      /* "l'ultimo anno", "gli ultimi tre mesi": durations. */
      if ((n = count_at (s, j + 1, &k)) != 0 && unit_at (s, k) != U_NONE)
        return skipped (m, k + 1);
      return unit_at (s, j + 1) != U_NONE ? skipped (m, j + 2) : FALSE;
    }
  if (offset == 99 && it_modifier (s, j) != 99 && unit_at (s, j + 1) != U_NONE)
    offset = it_modifier (s, j), j++;
  if ((unit = unit_at (s, j)) == U_NONE)
    return FALSE;
  k = j + unit_length (s, j);
  if (offset == 99)
    {
      if ((offset = it_modifier (s, k)) == 99)
        return FALSE;
      k += is (s, k, "in") ? 2 : 1;
    }
  m->relative = TRUE;
  if (!s->has_dct)
    return found (m, k, NULL);
  if (offset == 2 || offset == -2)
    return found (m, k, anchored_value (s, unit, offset / 2));
  return found (m, k, unit_value (unit, &s->dct, offset));
}

static gboolean
rec_ref (Scan  *s,
         guint  i,
         Match *m)
{
  static const char * const en_present[] = { "now", "currently", "nowadays", "presently", NULL };
  static const char * const en_past[] = { "recently", "lately", NULL };
  static const char * const it_present[] = { "adesso", "attualmente", "oggigiorno", NULL };
  static const char * const it_past[] = { "recentemente", "ultimamente", NULL };
  static const char * const en_recent[] = { "years", "months", "weeks", "decades", "days", NULL };

  if (en (s))
    {
      if (in_list (s, i, en_present) >= 0 && !(is (s, i, "now") && i > 0 && is (s, i - 1, "from")))
        return found (m, i + 1, g_strdup ("PRESENT_REF"));
      if (in_list (s, i, en_past) >= 0)
        return found (m, i + 1, g_strdup ("PAST_REF"));
      if (is (s, i, "recent") && in_list (s, i + 1, en_recent) >= 0)
        return found (m, i + 2, g_strdup ("PAST_REF"));
      if (is (s, i, "current") && i > 0 && is (s, i - 1, "the") && s->toks[i + 1 < s->n ? i + 1 : i].kind == TOK_WORD &&
          unit_at (s, i + 1) == U_NONE)
        return found (m, i + 1, g_strdup ("PRESENT_REF"));
      if (is (s, i, "the") && i > 0 && is (s, i - 1, "in") && (is (s, i + 1, "past") || is (s, i + 1, "future")) &&
          unit_at (s, i + 2) == U_NONE && count_at (s, i + 2, &(guint) { 0 }) == 0)
        return found (m, i + 2, g_strdup (is (s, i + 1, "past") ? "PAST_REF" : "FUTURE_REF"));
      if (is (s, i, "at") && is (s, i + 1, "present"))
        return found (m, i + 2, g_strdup ("PRESENT_REF"));
      /* “in the near future”, “in the distant past”: TimeML's references too. */
      if (is (s, i, "the") && i > 0 && is (s, i - 1, "in") &&
          (is (s, i + 1, "near") || is (s, i + 1, "distant") || is (s, i + 1, "recent")) &&
          (is (s, i + 2, "past") || is (s, i + 2, "future")))
        return found (m, i + 3, g_strdup (is (s, i + 2, "past") ? "PAST_REF" : "FUTURE_REF"));
      return FALSE;
    }
  if (in_list (s, i, it_present) >= 0)
    return found (m, i + 1, g_strdup ("PRESENT_REF"));
  if (is (s, i, "ora") && !(i > 0 && (is_apos (s, i - 1) || s->toks[i - 1].kind == TOK_NUM)) &&
      !is (s, i + 1, "di") && !is (s, i + 1, "legale") && !is (s, i + 1, "solare"))
    return found (m, i + 1, g_strdup ("PRESENT_REF"));
  if (in_list (s, i, it_past) >= 0 || (is (s, i, "di") && is (s, i + 1, "recente")))
    return found (m, i + 1 + is (s, i, "di"), g_strdup ("PAST_REF"));
  if ((is (s, i, "passato") || is (s, i, "futuro")) && i > 0 && is (s, i - 1, "in"))
    return found (m, i + 1, g_strdup (is (s, i, "passato") ? "PAST_REF" : "FUTURE_REF"));
  return FALSE;
}

static gboolean match_at (Scan *s, guint i, gboolean inner, Match *best);

/* "early 2022", "mid-November", "late last year", "the end of the year",
 * "a metà novembre", "all'inizio del 2022": the value of what they are part
 * of (TimeML records the part as a modifier, which Glossa does not keep).
 */
static gboolean
rec_part (Scan  *s,
          guint  i,
          Match *m)
{
  static const char * const en_edges[] = { "early", "mid", "late", NULL };
  static const char * const en_nouns[] = { "end", "beginning", "start", "middle", "turn", NULL };
  static const char * const it_nouns[] = { "metà", "inizio", "fine", "inizi", "primi", NULL };
  static const char * const it_of[] = { "del", "dell", "della", "dello", "di", "dei", "degli", NULL };
  guint j = i;

  if (en (s))
    {
      j += is (s, j, "the");
      if (in_list (s, j, en_edges) >= 0)
        j += 1 + (is (s, j + 1, "-") && glued (s, j + 1));
      else if (in_list (s, j, en_nouns) >= 0 && is (s, j + 1, "of"))
        j += 2;
      else if (is (s, j, "year") && is (s, j + 1, "-") && is (s, j + 2, "end") && s->has_dct)
        return found_relative (m, j + 3, v_year (dct_year (s)));
      else
        return FALSE;
    }
  else
    {
      if (is (s, j, "la") || is (s, j, "l"))
        j += 1 + is_apos (s, j + 1);
      if (in_list (s, j, it_nouns) < 0 || unit_at (s, j) == U_WEEKEND)
        return FALSE;
      j++;
      if (in_list (s, j, it_of) >= 0)
        j += 1 + is_apos (s, j + 1);
    }
  if (!match_at (s, j, TRUE, m) || m->skip || m->value == NULL)
    {
      g_clear_pointer (&m->value, g_free);
      return FALSE;
    }
  return TRUE;
}

/* "the year", "the month", "anno", "il mese": the DCT's, inside a part. */
static gboolean
rec_this_unit (Scan  *s,
               guint  i,
               Match *m)
{
  guint j = i;
  Unit unit;

  if (is (s, j, "the") || is (s, j, "il") || is (s, j, "la") || is (s, j, "l"))
    j += 1 + is_apos (s, j + 1);
  if (en (s) && (is (s, j, "full") || is (s, j, "whole") || is (s, j, "entire") || is (s, j, "fiscal")) &&
      is (s, j + 1, "year") && j > i)
    j++;
  if ((unit = unit_at (s, j)) == U_NONE || unit == U_QUARTER || unit == U_DAY || unit == U_HALF)
    return FALSE;
  if (is (s, j, "years") || is (s, j, "anni") || is (s, j, "mesi") || is (s, j, "months"))
    return FALSE;
  m->relative = TRUE;
  return found (m, j + unit_length (s, j), s->has_dct ? unit_value (unit, &s->dct, 0) : NULL);
}

/* "the full year", "the whole year": the DCT's, anywhere. */
static gboolean
rec_full_year (Scan  *s,
               guint  i,
               Match *m)
{
  static const char * const words[] = { "full", "whole", "entire", "fiscal", NULL };

  return en (s) && is (s, i, "the") && in_list (s, i + 1, words) >= 0 && is (s, i + 2, "year") &&
         rec_this_unit (s, i, m);
}

/* "the quarter", "the year" on their own: in news, the one last
 * mentioned (the quarter a report is about), or the DCT's.
 */
static gboolean
rec_the_period (Scan  *s,
                guint  i,
                Match *m)
{
  Unit unit;

  if (!en (s) || !is (s, i, "the") || !(is (s, i + 1, "quarter") || is (s, i + 1, "year")))
    return FALSE;
  /* "the year before", "the year's best", "the quarter-point": not this. */
  if (is (s, i + 2, "before") || is (s, i + 2, "after") || is (s, i + 2, "earlier") ||
      is (s, i + 2, "later") || is (s, i + 2, "'") || is (s, i + 2, "-") || is (s, i + 2, "of"))
    return FALSE;
  /* “the year 2000”: the year written. */
  if (is (s, i + 1, "year") && year_at (s, i + 2))
    return FALSE;
  unit = is (s, i + 1, "quarter") ? U_QUARTER : U_YEAR;
  m->relative = TRUE;
  return found (m, i + 2, s->has_dct ? anchored_value (s, unit, 0) : NULL);
}

/* "the year-earlier quarter", "the year-ago period": the period last
 * mentioned, a year before, as financial newswire compares results.
 */
static gboolean
rec_year_earlier (Scan  *s,
                  guint  i,
                  Match *m)
{
  static const char * const periods[] = { "period", "quarter", "month", "half", "year", "week", NULL };
  const GlossaTimexValue *v = &s->last;
  guint j = i + is (s, i, "the");

  if (!en (s) || !is (s, j, "year") || !is (s, j + 1, "-") || !glued (s, j + 1) ||
      !(is (s, j + 2, "earlier") || is (s, j + 2, "ago")) || in_list (s, j + 3, periods) < 0)
    return FALSE;
  m->relative = TRUE;
  m->keeps_last = TRUE;
  if (!s->has_dct)
    return found (m, j + 4, NULL);
  if (s->has_last && v->year > 1 && v->kind == GLOSSA_TIMEX_QUARTER && v->part > 0)
    return found (m, j + 4, g_strdup_printf ("%04d-Q%d", v->year - 1, v->part));
  if (s->has_last && v->year > 1 && v->kind == GLOSSA_TIMEX_HALF && v->part > 0)
    return found (m, j + 4, g_strdup_printf ("%04d-H%d", v->year - 1, v->part));
  if (s->has_last && v->year > 1 && v->kind == GLOSSA_TIMEX_MONTH && v->month > 0)
    return found (m, j + 4, v_month (v->year - 1, v->month));
  return found (m, j + 4, anchored_value (s, U_YEAR, -1));
}

typedef gboolean (*Recogniser) (Scan *s, guint i, Match *m);

static const Recogniser recognisers[] = {
  rec_iso, rec_numeric, rec_day_month, rec_month_day, rec_month_year, rec_month_alone,
  rec_year, rec_decade, rec_century, rec_quarter, rec_season, rec_weekday, rec_deictic,
  rec_next_day, rec_ago, rec_unit_en, rec_weekend, rec_unit_it, rec_ref, rec_part, rec_full_year,
  rec_the_period, rec_year_earlier,
};

/* The longest match at @i, in @best. @inner: inside a part, where "the
 * year" means the DCT's.
 */
static gboolean
match_at (Scan     *s,
          guint     i,
          gboolean  inner,
          Match    *best)
{
  memset (best, 0, sizeof *best);
  g_date_clear (&best->date, 1);
  if (i >= s->n || (s->toks[i].kind == TOK_PUNCT && !is_apos (s, i)))
    return FALSE;
  for (guint r = 0; r < G_N_ELEMENTS (recognisers) + (inner ? 1 : 0); r++)
    {
      Recogniser rec = r < G_N_ELEMENTS (recognisers) ? recognisers[r] : rec_this_unit;
      Match m = { 0 };

      g_date_clear (&m.date, 1);
      if (inner && rec == rec_part)
        continue;
      if (!rec (s, i, &m))
        continue;
      if (m.end > best->end)
        {
          g_free (best->value);
          *best = m;
        }
      else
        g_free (m.value);
    }
  return best->end > i;
}

/* ---- the API ---- */

void
glossa_timex_free (GlossaTimex *timex)
{
  if (timex == NULL)
    return;
  g_free (timex->value);
  g_free (timex);
}

gboolean
glossa_timex_lang_from_string (const char      *name,
                               GlossaTimexLang *lang)
{
  static const char * const names[] = { "auto", "en", "it" };

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    if (g_strcmp0 (name, names[k]) == 0)
      {
        *lang = k;
        return TRUE;
      }
  return FALSE;
}

const char *
glossa_timex_lang_to_string (GlossaTimexLang lang)
{
  return lang == GLOSSA_TIMEX_LANG_EN ? "en" : lang == GLOSSA_TIMEX_LANG_IT ? "it" : "auto";
}

static void
scan_clear (Scan *s)
{
  g_free (s->toks);
  g_free (s->trigger);
  g_free (s->marker);
  if (s->low != NULL)
    g_string_free (s->low, TRUE);
}

static gboolean
scan_init (Scan             *s,
           const char       *text,
           gsize             len,
           const char       *dct,
           GlossaTimexLang   lang,
           GError          **error)
{
  GlossaTimexValue v;

  memset (s, 0, sizeof *s);
  g_date_clear (&s->dct, 1);
  g_date_clear (&s->anchor, 1);
  s->forced_tense = TENSE_UNSET;
  if (dct != NULL)
    {
      if (strlen (dct) != 10 || !_glossa_timex_value_parse (dct, &v) || v.kind != GLOSSA_TIMEX_DAY ||
          v.year < 1000 || !g_date_valid_dmy (v.day, v.month, v.year))
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                       _("The document date “%s” is not a calendar date as YYYY-MM-DD"), dct);
          return FALSE;
        }
      /* Years from 1000 on: "ten years ago" stays inside GDate's range. */
      g_date_set_dmy (&s->dct, v.day, v.month, v.year);
      s->has_dct = TRUE;
    }
  tokenize (s, text, len);
  mark_triggers (s);
  s->lang = lang != GLOSSA_TIMEX_LANG_AUTO ? lang : detect_lang (s);
  return TRUE;
}

GlossaTimexLang
glossa_timex_detect_lang (const char *text,
                          gsize       len)
{
  Scan s;
  GlossaTimexLang lang;

  g_return_val_if_fail (text != NULL || len == 0, GLOSSA_TIMEX_LANG_EN);

  scan_init (&s, text, len, NULL, GLOSSA_TIMEX_LANG_AUTO, NULL);
  lang = s.lang;
  scan_clear (&s);
  return lang;
}

static void
remember_anchor (Scan        *s,
                 const Match *m)
{
  if (m->year)
    s->anchor_year = m->year;
  if (m->full_date)
    {
      s->anchor = m->date;
      s->has_anchor = TRUE;
      s->anchor_year = g_date_get_year (&m->date);
    }
}

static GPtrArray *
scan_all (Scan *s)
{
  GPtrArray *found_all = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_timex_free);
  guint i = 0;
  Match m;

  /* The "date YYYY-MM-DD" header is the DCT itself, not a date in the
   * article's text.
   */
  if (is (s, 0, "date") && s->n >= 6 && !s->toks[1].newline && rec_iso (s, 1, &m))
    {
      g_free (m.value);
      i = m.end;
    }
  while (i < s->n)
    {
      GlossaTimex *timex;

      if (!may_start (s, i) || !match_at (s, i, FALSE, &m))
        {
          i++;
          continue;
        }
      if (!m.skip)
        {
          timex = g_new0 (GlossaTimex, 1);
          timex->start = s->toks[i].cp_start;
          timex->end = s->toks[m.end - 1].cp_end;
          timex->value = (m.relative && !s->has_dct) ? NULL : g_steal_pointer (&m.value);
          g_ptr_array_add (found_all, timex);
          if (m.full_date || !m.relative)
            remember_anchor (s, &m);
          if (timex->value != NULL && !m.keeps_last)
            s->has_last = _glossa_timex_value_parse (timex->value, &s->last);
          s->last_end = m.end;
        }
      g_free (m.value);
      i = m.end;
    }
  return found_all;
}

GPtrArray *
glossa_timex_find (const char       *text,
                   gsize             len,
                   const char       *dct,
                   GlossaTimexLang   lang,
                   GlossaTimexLang  *detected,
                   GError          **error)
{
  Scan s;
  GPtrArray *result;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (!scan_init (&s, text, len, dct, lang, error))
    return NULL;
  if (detected != NULL)
    *detected = s.lang;
  result = scan_all (&s);
  scan_clear (&s);
  return result;
}

gboolean
glossa_timex_normalize (const char       *expression,
                        const char       *dct,
                        GlossaTimexLang   lang,
                        const char       *context,
                        char            **value)
{
  g_autofree char *joined = NULL;
  g_autoptr(GPtrArray) found_all = NULL;
  const char *text = expression, *at;
  gint64 start, end, best_overlap = 0;
  GlossaTimex *best = NULL;

  g_return_val_if_fail (expression != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NULL;
  /* The expression is looked at where it stands in its sentence, so that
   * the sentence's tense and the words around it count.
   */
  if (context != NULL && (at = strstr (context, expression)) != NULL)
    text = context;
  else if (context != NULL)
    {
      text = joined = g_strconcat (context, " ", expression, NULL);
      at = joined + strlen (context) + 1;
    }
  else
    at = expression;
  found_all = glossa_timex_find (text, strlen (text), dct, lang, NULL, NULL);
  if (found_all == NULL)
    return FALSE;
  start = g_utf8_pointer_to_offset (text, at);
  end = start + g_utf8_strlen (expression, -1);
  for (guint k = 0; k < found_all->len; k++)
    {
      GlossaTimex *t = g_ptr_array_index (found_all, k);
      gint64 overlap = MIN (end, t->end) - MAX (start, t->start);

      if (overlap > best_overlap && t->value != NULL)
        best = t, best_overlap = overlap;
    }
  if (best == NULL)
    return FALSE;
  *value = g_strdup (best->value);
  return TRUE;
}
