/* glossa-search.c: finding a text, a word or a pattern in an article or a whole corpus
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem() */
#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "glossa-corpus-private.h"
#include "glossa-error.h"
#include "glossa-format-private.h"
#include "glossa-json.h"
#include "glossa-search.h"
#include "glossa-search-private.h"
#include "glossa-storage.h"

struct _GlossaSearch
{
  char              *query;
  GlossaSearchFlags  flags;
  /* Plain queries: the query, case-folded unless MATCH_CASE. */
  char              *needle;
  gsize              needle_len;
  GRegex            *regex;
  /* The needle's byte least likely in text, which the scans look for
   * first (see find_needle()).
   */
  gsize              rare;
  /* Whether an article's raw bytes can rule it out before it is decoded:
   * see raw_may_match().
   */
  gboolean           prefilter;
  /* The needle has no character a JSON writer escapes (quote, backslash,
   * solidus, controls), so a JSON line holds it verbatim unless some of
   * its characters were written as \u escapes.
   */
  gboolean           json_safe;
};

/* Code point offsets for byte offsets that only grow. */
typedef struct
{
  gsize  byte;
  gint64 offset;
} Cursor;

#define HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)

/* Code points in @len bytes of UTF-8: the bytes that do not continue a
 * character (10xxxxxx), eight at a time: a common word's million matches
 * are counted up to over the whole corpus.
 */
static inline gint64
count_chars (const char *text,
             gsize       len)
{
  gint64 n = 0;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 word;

      memcpy (&word, text + i, 8);
      /* A 1 in each byte that has bit 7 set and bit 6 clear, summed into
       * the top byte by the multiplication.
       */
      n += 8 - ((((word & ~(word << 1) & HIGH_BITS) >> 7) * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
    }
  for (; i < len; i++)
    n += ((guchar) text[i] & 0xC0) != 0x80;
  return n;
}

static gint64
cursor_advance (Cursor     *cursor,
                const char *text,
                gsize       byte)
{
  g_assert (byte >= cursor->byte);
  cursor->offset += count_chars (text + cursor->byte, byte - cursor->byte);
  cursor->byte = byte;
  return cursor->offset;
}

/* Compiling a query */

static gboolean
needle_is_json_safe (const char *needle)
{
  for (const guchar *p = (const guchar *) needle; *p; p++)
    if (*p < 0x20 || *p == 0x7F || *p == '"' || *p == '\\' || *p == '/')
      return FALSE;
  return TRUE;
}

static gboolean
is_ascii (const char *str)
{
  for (const guchar *p = (const guchar *) str; *p; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

/* How common a byte is in news text, roughly: letters by their English
 * frequency, space the most common; anything else (digits, punctuation,
 * UTF-8) counts as rare.
 */
static int
byte_rank (guchar c)
{
  static const char common[] = " etaoinsrhldcumfpgwybvkxjqz";
  const char *at = c != '\0' ? strchr (common, g_ascii_tolower (c)) : NULL;

  return at != NULL ? (int) (sizeof common - (at - common)) : 0;
}

static gsize
rarest_byte (const char *needle,
             gsize       len)
{
  gsize rare = 0;

  for (gsize i = 1; i < len; i++)
    if (byte_rank (needle[i]) < byte_rank (needle[rare]))
      rare = i;
  return rare;
}

/* The longest run of characters every match of @pattern must have, for
 * the raw-line prefilter; NULL when there is none (of two bytes or more)
 * or the pattern is beyond this simple reading: an alternation, an option
 * set inside it, \Q quoting. A run ends at anything but a plain character
 * or an escaped punctuation mark; a character made optional by ?, * or {
 * leaves it, one repeated by + ends it.
 */
static char *
regex_literal (const char *pattern)
{
  g_autoptr(GString) run = g_string_new (NULL);
  g_autofree char *best = NULL;
  gsize best_len = 0;

  /* A group made optional would need its nesting read: no prefilter. */
  if (strchr (pattern, '|') || strstr (pattern, "(?") || strstr (pattern, "\\Q") ||
      strstr (pattern, ")?") || strstr (pattern, ")*") || strstr (pattern, "){"))
    return NULL;
  for (const char *p = pattern; ; )
    {
      const char *start = p;
      gboolean literal;

      if (*p == '[')
        {
          /* A class is one character of several: skipped whole. */
          p++;
          if (*p == '^')
            p++;
          if (*p == ']')
            p++;
          while (*p != '\0' && *p != ']')
            p += *p == '\\' && p[1] != '\0' ? 2 : 1;
          if (*p == '\0')
            return NULL;
          literal = FALSE;
        }
      else if (*p == '\\' && p[1] != '\0' && strchr ("xcopPNgk0123456789", p[1]))
        return NULL;  /* an escape with more after it: \x41, \p{L}, \1 */
      else if (*p == '\\' && p[1] != '\0' && g_ascii_ispunct (p[1]))
        p += 2, literal = TRUE;
      else if (*p != '\0' && !strchr ("\\.[]()^$?*+{}", *p))
        p = g_utf8_next_char (p), literal = TRUE;
      else
        literal = FALSE;
      if (literal && (*p == '?' || *p == '*' || *p == '{'))
        literal = FALSE;
      if (literal)
        g_string_append_len (run, *start == '\\' ? start + 1 : start, *start == '\\' ? 1 : p - start);
      if (!literal || *p == '+')
        {
          if (run->len > best_len)
            {
              g_free (best);
              best_len = run->len;
              best = g_strdup (run->str);
            }
          g_string_truncate (run, 0);
        }
      if (*p == '\0')
        break;
      if (!literal)
        p = *p == '\\' && p[1] != '\0' ? p + 2 : p + 1;
    }
  return best_len >= 2 ? g_steal_pointer (&best) : NULL;
}

static gboolean
compile_regex (GlossaSearch  *self,
               GError       **error)
{
  g_autoptr(GError) regex_error = NULL;
  GRegexCompileFlags compile = G_REGEX_OPTIMIZE | G_REGEX_MULTILINE;

  if (!(self->flags & GLOSSA_SEARCH_MATCH_CASE))
    compile |= G_REGEX_CASELESS;
  self->regex = g_regex_new (self->query, compile, 0, &regex_error);
  if (self->regex == NULL)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                   _("The regular expression is not valid: %s"), regex_error->message);
      return FALSE;
    }
  return TRUE;
}

GlossaSearch *
glossa_search_new (const char         *query,
                   GlossaSearchFlags   flags,
                   GError            **error)
{
  g_autoptr(GlossaSearch) self = NULL;

  g_return_val_if_fail (query != NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE, _("The search text is not valid UTF-8"));
      return NULL;
    }
  if (*query == '\0')
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE, _("The search text is empty"));
      return NULL;
    }

  self = g_new0 (GlossaSearch, 1);
  self->query = g_strdup (query);
  self->flags = flags;
  if (flags & GLOSSA_SEARCH_REGEX)
    {
      if (!compile_regex (self, error))
        return NULL;
      /* Not for matching: a run of text every match has rules lines out. */
      self->needle = regex_literal (query);
      if (self->needle != NULL && !(flags & GLOSSA_SEARCH_MATCH_CASE))
        {
          char *lower = g_ascii_strdown (self->needle, -1);

          g_free (self->needle);
          self->needle = lower;
        }
      if (self->needle != NULL)
        {
          self->needle_len = strlen (self->needle);
          self->rare = rarest_byte (self->needle, self->needle_len);
          self->json_safe = needle_is_json_safe (self->needle);
          self->prefilter = (flags & GLOSSA_SEARCH_MATCH_CASE) || is_ascii (self->needle);
        }
      return g_steal_pointer (&self);
    }

  self->needle = flags & GLOSSA_SEARCH_MATCH_CASE ? g_strdup (query) : g_utf8_casefold (query, -1);
  self->needle_len = strlen (self->needle);
  self->rare = rarest_byte (self->needle, self->needle_len);
  self->json_safe = needle_is_json_safe (self->needle);
  /* A folded needle can only rule out raw bytes when it is ASCII: then
   * ASCII bytes compare without case, and any other character that folds
   * to ASCII (the Kelvin sign, ſ, ﬁ…) is a non-ASCII byte in the raw text.
   */
  self->prefilter = (flags & GLOSSA_SEARCH_MATCH_CASE) || is_ascii (self->needle);
  return g_steal_pointer (&self);
}

void
glossa_search_free (GlossaSearch *self)
{
  if (self == NULL)
    return;
  g_free (self->query);
  g_free (self->needle);
  g_clear_pointer (&self->regex, g_regex_unref);
  g_free (self);
}

const char *
glossa_search_get_query (GlossaSearch *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->query;
}

GlossaSearchFlags
glossa_search_get_flags (GlossaSearch *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->flags;
}

/* Whole words */

/* Letters, digits and combining marks continue a word, so "caf" is not a
 * whole word of "café", written precomposed or with a combining accent.
 * An apostrophe or a hyphen ends one: "Psaki" is found in "Psaki's".
 */
static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

/* Whether the characters either side of @at are both word characters:
 * ASCII neighbours are read as bytes, others decoded.
 */
static gboolean
joins_words (const char *text,
             gsize       at)
{
  guchar before = text[at - 1];
  guchar after = text[at];

  if (before < 0x80 && after < 0x80)
    return (g_ascii_isalnum (before) || before == '_') && (g_ascii_isalnum (after) || after == '_');
  return is_word_char (g_utf8_get_char (text + at)) &&
         is_word_char (g_utf8_get_char (g_utf8_prev_char (text + at)));
}

static gboolean
is_whole_word (const char *text,
               gsize       len,
               gsize       start,
               gsize       end)
{
  return !(start > 0 && joins_words (text, start)) && !(end < len && joins_words (text, end));
}

static gboolean
accept (GlossaSearch *self,
        const char   *text,
        gsize         len,
        gsize         start,
        gsize         end)
{
  return !(self->flags & GLOSSA_SEARCH_WHOLE_WORD) || is_whole_word (text, len, start, end);
}

/* @matches NULL: the match is only counted, and its code points (the
 * count of every character before it) are not worked out.
 */
static void
add_match (GArray     *matches,
           Cursor     *cursor,
           const char *text,
           gsize       start,
           gsize       end)
{
  GlossaSearchMatch match;

  if (matches == NULL)
    return;

  match.start = cursor_advance (cursor, text, start);
  match.end = cursor_advance (cursor, text, end);
  match.byte_start = start;
  match.byte_end = end;
  g_array_append_val (matches, match);
}

/* Matching */

static inline guchar
ascii_lower (guchar c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* The first place @needle (@n bytes) is in @data, without ASCII case when
 * @fold (the needle is then lower case). memchr() finds the needle's
 * rarest byte, @rare, and the rest is compared there: glibc's memchr() is
 * vectorised, and a rare byte stops it seldom, where memmem() reads every
 * byte of a line.
 */
static const char *
find_needle (const char *data,
             gsize       len,
             const char *needle,
             gsize       n,
             gsize       rare,
             gboolean    fold)
{
  guchar lower = needle[rare];
  guchar upper = fold ? g_ascii_toupper (lower) : lower;
  const char *p, *end;

  if (len < n)
    return NULL;
  p = data + rare;
  end = data + len - (n - 1 - rare);
  while (p < end)
    {
      const char *at = memchr (p, lower, end - p);
      const char *start;

      if (upper != lower)
        {
          const char *other = memchr (p, upper, (at != NULL ? at : end) - p);

          if (other != NULL)
            at = other;
        }
      if (at == NULL)
        return NULL;
      start = at - rare;
      /* The ends first, inline: most places with the rare byte fail there. */
      if (fold ? ascii_lower (start[0]) == (guchar) needle[0] &&
                 ascii_lower (start[n - 1]) == (guchar) needle[n - 1] &&
                 g_ascii_strncasecmp (start, needle, n) == 0
               : start[0] == needle[0] && start[n - 1] == needle[n - 1] &&
                 memcmp (start, needle, n) == 0)
        return start;
      p = at + 1;
    }
  return NULL;
}

/* The needle found in @text as it is: exactly, or with @ascii_caseless
 * in ASCII text, whose case folding is ASCII lower case byte for byte
 * (most news is searched in place that way, without a folded copy).
 */
static guint
search_in_place (GlossaSearch *self,
                 const char   *text,
                 gsize         len,
                 gboolean      ascii_caseless,
                 GArray       *matches)
{
  Cursor cursor = { 0, 0 };
  gsize at = 0;
  guint n = 0;
  const char *hit;

  /* UTF-8 is self-synchronising: a valid needle found in valid text
   * starts and ends on character boundaries.
   */
  while (at < len && (hit = find_needle (text + at, len - at, self->needle, self->needle_len, self->rare,
                                         ascii_caseless)))
    {
      gsize start = hit - text;
      gsize end = start + self->needle_len;

      if (accept (self, text, len, start, end))
        {
          add_match (matches, &cursor, text, start, end);
          n++;
          at = end;
        }
      else
        at = g_utf8_next_char (hit) - text;
    }
  return n;
}

/* The case-folded text, and for each of its bytes the byte of the original
 * character it comes from, with one more entry for the end. A character
 * may fold to several ("ß" to "ss", "ﬁ" to "fi"): a match must then take
 * all of them or none, so that it maps back to whole characters.
 */
typedef struct
{
  char    *folded;
  gsize    len;
  guint32 *source;    /* GLOSSA_STORAGE_READ_LIMIT < 4 GiB */
  gsize    capacity;  /* of both */
} Folded;

static void
folded_reserve (Folded *out,
                gsize   more)
{
  if (out->len + more + 1 <= out->capacity)
    return;
  out->capacity = MAX (out->capacity * 2, out->len + more + 1);
  out->folded = g_realloc (out->folded, out->capacity);
  out->source = g_realloc_n (out->source, out->capacity, sizeof (guint32));
}

/* ASCII, nearly all of most news, is folded a byte at a time without a
 * call; other characters through g_utf8_casefold().
 */
static void
fold_text (const char *text,
           gsize       len,
           Folded     *out)
{
  const char *p = text;

  memset (out, 0, sizeof *out);
  folded_reserve (out, len);
  while (p < text + len)
    {
      guint32 byte = p - text;

      if ((guchar) *p < 0x80)
        {
          out->folded[out->len] = ascii_lower (*p);
          out->source[out->len++] = byte;
          p++;
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          g_autofree char *fold = g_utf8_casefold (p, next - p);
          gsize n = strlen (fold);

          folded_reserve (out, n + (text + len - next));
          memcpy (out->folded + out->len, fold, n);
          for (gsize i = 0; i < n; i++)
            out->source[out->len + i] = byte;
          out->len += n;
          p = next;
        }
    }
  out->folded[out->len] = '\0';
  out->source[out->len] = len;
}

static void
folded_clear (Folded *folded)
{
  g_free (folded->folded);
  g_free (folded->source);
}

static gboolean
on_fold_boundary (const Folded *folded,
                  gsize         at)
{
  return at == 0 || at == folded->len || folded->source[at - 1] != folded->source[at];
}

static gboolean
is_ascii_text (const char *text,
               gsize       len)
{
  guint64 any = 0;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 word;

      memcpy (&word, text + i, 8);
      any |= word;
    }
  for (; i < len; i++)
    any |= (guchar) text[i];
  return (any & G_GUINT64_CONSTANT (0x8080808080808080)) == 0;
}

static guint
search_folded (GlossaSearch *self,
               const char   *text,
               gsize         len,
               GArray       *matches)
{
  Cursor cursor = { 0, 0 };
  Folded folded;
  const guint32 *source;
  const char *haystack, *hit;
  gsize at = 0, flen;
  guint n = 0;

  fold_text (text, len, &folded);
  haystack = folded.folded;
  flen = folded.len;
  source = folded.source;

  while (at < flen && (hit = find_needle (haystack + at, flen - at, self->needle, self->needle_len, self->rare, FALSE)))
    {
      gsize fstart = hit - haystack;
      gsize fend = fstart + self->needle_len;

      if (on_fold_boundary (&folded, fstart) && on_fold_boundary (&folded, fend) &&
          accept (self, text, len, source[fstart], source[fend]))
        {
          add_match (matches, &cursor, text, source[fstart], source[fend]);
          n++;
          at = fend;
        }
      else
        at = g_utf8_next_char (hit) - haystack;
    }
  folded_clear (&folded);
  return n;
}

/* One GMatchInfo for a text: g_match_info_next() goes on from the end of
 * the last match with the same options. A match that is not a whole word
 * starts a new one a character further on.
 */
static guint
search_regex (GlossaSearch *self,
              const char   *text,
              gsize         len,
              GArray       *matches)
{
  g_autoptr(GMatchInfo) info = NULL;
  Cursor cursor = { 0, 0 };
  gsize at = 0;
  guint n = 0;

  /* GRegex takes int offsets; the read limit keeps articles below 2 GiB. */
  g_assert (len < G_MAXINT);
  while (at < len)
    {
      int start, end;
      gboolean found;

      /* NOTEMPTY: an empty match cannot be tagged nor shown. A match that
       * fails (too much backtracking) ends the search of this text.
       */
      if (info == NULL)
        found = g_regex_match_full (self->regex, text, len, at, G_REGEX_MATCH_NOTEMPTY, &info, NULL);
      else
        found = g_match_info_next (info, NULL);
      if (!found || !g_match_info_fetch_pos (info, 0, &start, &end))
        break;
      if (accept (self, text, len, start, end))
        {
          add_match (matches, &cursor, text, start, end);
          n++;
          at = end;
        }
      else
        {
          at = g_utf8_next_char (text + start) - text;
          g_clear_pointer (&info, g_match_info_free);
        }
    }
  return n;
}

static guint
search_text (GlossaSearch *self,
             const char   *text,
             gsize         len,
             GArray       *matches)
{
  if (self->regex != NULL)
    return search_regex (self, text, len, matches);
  if (self->flags & GLOSSA_SEARCH_MATCH_CASE)
    return search_in_place (self, text, len, FALSE, matches);
  if (is_ascii_text (text, len))
    return search_in_place (self, text, len, TRUE, matches);
  return search_folded (self, text, len, matches);
}

guint
glossa_search_text (GlossaSearch *self,
                    const char   *text,
                    gsize         len,
                    GArray       *matches)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (text != NULL || len == 0, 0);
  g_return_val_if_fail (matches != NULL, 0);

  return search_text (self, text, len, matches);
}

/* Skimming a JSON line without parsing it */

/* An article's own text, as GlossaArticle reads it: without a byte-order mark. */
static void
skip_bom (const char **text,
          gsize       *len)
{
  if (*len >= 3 && memcmp (*text, "\xEF\xBB\xBF", 3) == 0)
    {
      *text += 3;
      *len -= 3;
    }
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  return p;
}

/* The closing quote of the string opening at @p, or NULL. @escaped says
 * whether the string has a backslash.
 */
static const char *
skip_string (const char *p,
             const char *end,
             gboolean   *escaped)
{
  const char *q = p + 1;

  for (;;)
    {
      const char *quote = memchr (q, '"', end - q);
      const char *back;

      if (quote == NULL)
        return NULL;
      back = quote;
      while (back > p + 1 && back[-1] == '\\')
        back--;
      /* Any backslash, not only one before a quote: "a\u0062" is "ab". */
      if ((quote - back) % 2 == 0)
        {
          *escaped = memchr (p + 1, '\\', quote - (p + 1)) != NULL;
          return quote;
        }
      q = quote + 1;
    }
}

/* The raw bytes of the string value of the top-level member @key (given
 * with its quotes, "\"id\""), between its quotes, when the line is an
 * object whose top-level keys up to @key have no escapes and @key's value
 * is a string: then, if the line is valid at all, they are the member's
 * value as written. @escaped says whether they have a backslash. FALSE
 * when unsure.
 *
 * The rest of the line is not read: a line that turns out not to be
 * valid (a second @key, say) is never listed, whatever was skimmed from
 * it, and an article's "text" is the most of its line.
 */
static gboolean
skim_member (const char  *line,
             gsize        len,
             const char  *key,
             const char **value,
             gsize       *value_len,
             gboolean    *escaped)
{
  const char *p = skip_space (line, line + len);
  const char *end = line + len;
  gsize key_len = strlen (key);
  gboolean want_key = TRUE;
  int depth = 1;

  *value = NULL;
  if (p == end || *p++ != '{')
    return FALSE;
  while ((p = skip_space (p, end)) < end && depth > 0)
    {
      gboolean string_escaped;
      const char *close;

      if (*p == '"')
        {
          gboolean is_key = depth == 1 && want_key;

          if (!(close = skip_string (p, end, &string_escaped)) || (is_key && string_escaped))
            return FALSE;
          if (is_key && (gsize) (close + 1 - p) == key_len && memcmp (p, key, key_len) == 0)
            {
              p = skip_space (close + 1, end);
              if (p == end || *p != ':')
                return FALSE;
              p = skip_space (p + 1, end);
              if (p == end || *p != '"' || !(close = skip_string (p, end, escaped)))
                return FALSE;
              *value = p + 1;
              *value_len = close - p - 1;
              return TRUE;
            }
          want_key = FALSE;
          p = close + 1;
          continue;
        }
      if (*p == '{' || *p == '[')
        depth++;
      else if (*p == '}' || *p == ']')
        depth--;
      else if (*p == ',' && depth == 1)
        want_key = TRUE;
      p++;
    }
  return FALSE;
}

/* The top-level "id" of a line, when it is a string without escapes in an
 * object whose top-level keys before it have none either: then, if the
 * line is valid at all, it is the article's id. FALSE when unsure (the
 * line must then be parsed for its id).
 */
static gboolean
skim_id (const char  *line,
         gsize        len,
         const char **id,
         gsize       *id_len)
{
  gboolean escaped;

  return skim_member (line, len, "\"id\"", id, id_len, &escaped) && !escaped;
}

/* The text of a JSON string written as @raw (between its quotes), in
 * @out, for strings whose only escapes are the one-letter ones; FALSE at
 * a \u escape or one that is not valid.
 */
static gboolean
unescape_simple (const char *raw,
                 gsize       len,
                 GString    *out)
{
  const char *end = raw + len;
  const char *p = raw;

  g_string_truncate (out, 0);
  for (;;)
    {
      const char *back = memchr (p, '\\', end - p);
      static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
      const char *which;

      g_string_append_len (out, p, (back != NULL ? back : end) - p);
      if (back == NULL)
        return TRUE;
      if (back + 1 == end || back[1] == '\0' || !(which = strchr (from, back[1])))
        return FALSE;
      g_string_append_c (out, to[which - from]);
      p = back + 2;
    }
}

/* FALSE only when the "text" of a JSON line, decoded without parsing the
 * line, has no match of the regular expression: then the line need not be
 * parsed nor listed. A JSONL line with a word of the pattern's literal
 * often still has no match ("river talks" for "harbou?r talks"), and
 * matching its text costs a tenth of parsing it.
 */
static gboolean
text_may_match (GlossaSearch *self,
                const char   *line,
                gsize         len,
                GString      *scratch)
{
  g_autoptr(GError) error = NULL;
  const char *raw, *text;
  gsize raw_len, text_len;
  gboolean escaped;

  if (self->regex == NULL || !skim_member (line, len, "\"text\"", &raw, &raw_len, &escaped))
    return TRUE;
  if (escaped && !unescape_simple (raw, raw_len, scratch))
    return TRUE;
  text = escaped ? scratch->str : raw;
  text_len = escaped ? scratch->len : raw_len;
  skip_bom (&text, &text_len);
  /* An error (text that is not UTF-8, too much backtracking) is left to
   * the search proper, which reports or stops as it always does.
   */
  return g_regex_match_full (self->regex, text, text_len, 0, G_REGEX_MATCH_NOTEMPTY, NULL, &error) ||
         error != NULL;
}

/* Whether raw bytes without the needle may still match */

/* Characters other than ASCII whose case folding has ASCII in it (ß, ſ,
 * the Kelvin sign, ﬁ…), in UTF-8: only through them can a folded ASCII
 * needle match text that does not have it in some ASCII case. The list is
 * checked against GLib's case folding by the tests.
 */
static const char *const folds_to_ascii[] = {
  "\xC3\x9F", "\xC4\xB0", "\xC5\x89", "\xC5\xBF", "\xC7\xB0",
  "\xE1\xBA\x96", "\xE1\xBA\x97", "\xE1\xBA\x98", "\xE1\xBA\x99", "\xE1\xBA\x9A", "\xE1\xBA\x9E",
  "\xE2\x84\xAA",
  "\xEF\xAC\x80", "\xEF\xAC\x81", "\xEF\xAC\x82", "\xEF\xAC\x83", "\xEF\xAC\x84", "\xEF\xAC\x85",
  "\xEF\xAC\x86",
};

const char *const *
_glossa_search_folds_to_ascii (guint *n)
{
  *n = G_N_ELEMENTS (folds_to_ascii);
  return folds_to_ascii;
}

static gboolean
has_fold_to_ascii (const char *data,
                   gsize       len)
{
  const guchar *p = (const guchar *) data;
  gsize i = 0;

  while (i < len)
    {
      guint64 word;

      /* Eight bytes at a time while they are all ASCII. */
      if (i + 8 <= len)
        {
          memcpy (&word, p + i, 8);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              i += 8;
              continue;
            }
        }
      if (p[i] >= 0xC3)
        for (guint k = 0; k < G_N_ELEMENTS (folds_to_ascii); k++)
          {
            gsize n = strlen (folds_to_ascii[k]);

            if (i + n <= len && memcmp (p + i, folds_to_ascii[k], n) == 0)
              return TRUE;
          }
      i++;
    }
  return FALSE;
}

/* Whether a JSON line has a \u escape. A line has few backslashes, and
 * memchr() skips to them faster than memmem() looks for two bytes.
 */
static gboolean
has_unicode_escape (const char *data,
                    gsize       len)
{
  const char *end = data + len;

  for (const char *p = data; (p = memchr (p, '\\', end - p)) != NULL && p + 1 < end; p += 2)
    if (p[1] == 'u')
      return TRUE;
  return FALSE;
}

/* FALSE only when @data, an article's raw bytes (@json: a JSON line that
 * holds it), cannot have a match, so that it need not be decoded.
 */
static gboolean
raw_may_match (GlossaSearch *self,
               const char   *data,
               gsize         len,
               gboolean      json)
{
  gboolean fold = !(self->flags & GLOSSA_SEARCH_MATCH_CASE);

  if (!self->prefilter || (json && !self->json_safe))
    return TRUE;
  if (find_needle (data, len, self->needle, self->needle_len, self->rare, fold) != NULL)
    return TRUE;
  if (json && has_unicode_escape (data, len))
    return TRUE;
  return fold && has_fold_to_ascii (data, len);
}

/* Hits: contexts and covering spans */

/* Copies text[start, end) to @out on one line: controls and line or
 * paragraph separators (U+0085, U+2028, U+2029) become single spaces.
 * Byte by byte, since a search may have hundreds of thousands of hits to
 * show. Returns where the copy's terminating NUL is.
 */
/* Whether all eight bytes of @word are printable ASCII, 0x20 to 0x7E:
 * none has its high bit, none is below 0x20, none is 0x7F. (A byte below
 * n is found by subtracting n from each: only such a byte borrows into
 * its high bit.)
 */
static inline gboolean
is_printable8 (guint64 word)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  guint64 del = word ^ (ones * 0x7F);

  return ((word | ((word - ones * 0x20) & ~word) | ((del - ones) & ~del)) & HIGH_BITS) == 0;
}

static char *
one_line (const char *text,
          gsize       start,
          gsize       end,
          char       *out)
{
  const guchar *p = (const guchar *) text + start;
  const guchar *stop = (const guchar *) text + end;
  char *q = out;

  while (p < stop)
    {
      guint64 word;

      if (stop - p >= 8 && (memcpy (&word, p, 8), is_printable8 (word)))
        {
          memcpy (q, &word, 8);
          p += 8;
          q += 8;
        }
      else if (*p < 0x20 || *p == 0x7F)
        {
          *q++ = ' ';
          p++;
        }
      else if (p + 1 < stop && p[0] == 0xC2 && p[1] == 0x85)
        {
          *q++ = ' ';
          p += 2;
        }
      else if (p + 2 < stop && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
        {
          *q++ = ' ';
          p += 3;
        }
      else
        *q++ = *p++;
    }
  *q = '\0';
  return q;
}

static void
cover_hit (GlossaSearchHit *hit,
           GPtrArray       *spans,
           guint            from)
{
  gint64 inner = G_MAXINT64;

  hit->cover = GLOSSA_SEARCH_COVER_NONE;
  /* Spans are sorted by start: those that can contain the hit come first. */
  for (guint i = from; i < spans->len; i++)
    {
      const GlossaSpan *span = g_ptr_array_index (spans, i);

      if (span->start > hit->start)
        break;
      if (span->end < hit->end)
        continue;
      if (span->start == hit->start && span->end == hit->end)
        {
          hit->cover = GLOSSA_SEARCH_COVER_EXACT;
          hit->label = span->label;
          return;
        }
      if (span->end - span->start < inner)
        {
          inner = span->end - span->start;
          hit->cover = GLOSSA_SEARCH_COVER_INSIDE;
          hit->label = span->label;
        }
    }
}

/* Where cover_hit() starts for each hit of an article: the spans before
 * the first whose end, or an earlier span's, reaches the hit's end cannot
 * contain it. Hits come in text order, their ends growing, so the cursor
 * only moves on: a common word's thousand hits in an article of a
 * thousand spans are not a million comparisons.
 */
typedef struct
{
  GPtrArray *spans;
  gint64    *max_end;  /* the largest end of spans[0..i] */
  guint      at;
  gint64     last_end;
} CoverCursor;

static void
cover_cursor_init (CoverCursor *cc,
                   GPtrArray   *spans)
{
  gint64 max = G_MININT64;

  cc->spans = spans;
  cc->at = 0;
  cc->last_end = G_MININT64;
  cc->max_end = g_new (gint64, spans->len + 1);
  for (guint i = 0; i < spans->len; i++)
    cc->max_end[i] = max = MAX (max, ((const GlossaSpan *) g_ptr_array_index (spans, i))->end);
}

static guint
cover_cursor_seek (CoverCursor *cc,
                   gint64       end)
{
  if (end < cc->last_end)
    cc->at = 0;
  cc->last_end = end;
  while (cc->at < cc->spans->len && cc->max_end[cc->at] < end)
    cc->at++;
  return cc->at;
}

/* The hits of @matches in @text, whose spans (nullable) are @spans. */
static GPtrArray *
make_hits (const char *text,
           gsize       len,
           GArray     *matches,
           GPtrArray  *spans)
{
  GPtrArray *hits = g_ptr_array_new_full (matches->len, (GDestroyNotify) glossa_search_hit_free);
  CoverCursor cover = { NULL, NULL, 0, 0 };

  if (spans != NULL)
    cover_cursor_init (&cover, spans);

  for (guint i = 0; i < matches->len; i++)
    {
      const GlossaSearchMatch *match = &g_array_index (matches, GlossaSearchMatch, i);
      const char *start = text + match->byte_start;
      const char *end = text + match->byte_end;
      const char *left = start;
      const char *right = end;
      GlossaSearchHit *hit;

      /* Valid UTF-8: a character is a lead byte and its continuations,
       * and in ASCII a byte.
       */
      if (left - text >= GLOSSA_SEARCH_CONTEXT && is_ascii_text (left - GLOSSA_SEARCH_CONTEXT, GLOSSA_SEARCH_CONTEXT))
        left -= GLOSSA_SEARCH_CONTEXT;
      else
        for (int k = 0; k < GLOSSA_SEARCH_CONTEXT && left > text; k++)
          while (--left > text && ((guchar) *left & 0xC0) == 0x80)
            ;
      if (text + len - right >= GLOSSA_SEARCH_CONTEXT && is_ascii_text (right, GLOSSA_SEARCH_CONTEXT))
        right += GLOSSA_SEARCH_CONTEXT;
      else
        for (int k = 0; k < GLOSSA_SEARCH_CONTEXT && right < text + len; k++)
          while (++right < text + len && ((guchar) *right & 0xC0) == 0x80)
            ;

      /* One block: the hit and its three texts after it. */
      hit = g_malloc0 (sizeof *hit + (right - left) + 3);
      hit->start = match->start;
      hit->end = match->end;
      hit->left = (char *) (hit + 1);
      hit->match = one_line (text, left - text, start - text, hit->left) + 1;
      hit->right = one_line (text, start - text, end - text, hit->match) + 1;
      one_line (text, end - text, right - text, hit->right);
      if (spans != NULL)
        cover_hit (hit, spans, cover_cursor_seek (&cover, hit->end));
      g_ptr_array_add (hits, hit);
    }
  g_free (cover.max_end);
  return hits;
}

void
glossa_search_hit_free (GlossaSearchHit *hit)
{
  g_free (hit);
}

GPtrArray *
glossa_search_document (GlossaSearch   *self,
                        GlossaDocument *document)
{
  GlossaArticle *article;
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (GlossaSearchMatch));
  g_autoptr(GPtrArray) spans = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (document), NULL);

  article = glossa_document_get_article (document);
  glossa_search_text (self, glossa_article_get_text (article), glossa_article_get_n_bytes (article), matches);
  spans = glossa_document_dup_spans (document);
  return make_hits (glossa_article_get_text (article), glossa_article_get_n_bytes (article), matches, spans);
}

/* Searching a corpus */

typedef struct
{
  GlossaSearch     *search;
  GlossaCorpus     *corpus;
  GlossaCorpusIndex *index;
  GlossaSearchFunc  func;
  gpointer          user_data;
  GCancellable     *cancellable;
  gboolean          stopped;
  GString          *scratch;  /* for text_may_match() */
} CorpusSearch;

static void
report_count (CorpusSearch *cs,
              guint         position,
              GPtrArray    *hits,
              guint         n_matches,
              const GError *error)
{
  g_autoptr(GPtrArray) owned = hits;
  GlossaSearchResult result;

  result.id = _glossa_corpus_index_entry (cs->index, position)->id;
  /* A file searched without listing it first has no corpus positions. */
  result.position = cs->corpus != NULL ? position : G_MAXUINT;
  result.hits = owned ? owned : g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_search_hit_free);
  result.error = error;
  result.n_matches = owned ? owned->len : n_matches;
  if (!cs->func (&result, cs->user_data))
    cs->stopped = TRUE;
  if (owned == NULL)
    g_ptr_array_unref (result.hits);
}

static void
report (CorpusSearch *cs,
        guint         position,
        GPtrArray    *hits,
        const GError *error)
{
  report_count (cs, position, hits, 0, error);
}

/* @text has matches: the hits, with the labels of the article's spans
 * when @with_spans (which needs the document, read again).
 */
static void
report_hits (CorpusSearch *cs,
             guint         position,
             const char   *text,
             gsize         len,
             GArray       *matches,
             gboolean      with_spans)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) document = NULL;

  if (!with_spans)
    {
      report (cs, position, make_hits (text, len, matches, NULL), NULL);
      return;
    }
  if (cs->corpus != NULL)
    document = glossa_corpus_load_document (cs->corpus, position, cs->cancellable, &error);
  else
    document = _glossa_corpus_load_jsonl_document (cs->index, position, cs->cancellable, &error);
  if (document == NULL)
    report (cs, position, NULL, error);
  else
    report (cs, position, glossa_search_document (cs->search, document), NULL);
}

static gboolean
is_blank_line (const char *line,
               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

static void
search_folder_article (CorpusSearch *cs,
                       guint         position,
                       GArray       *matches)
{
  const GlossaCorpusEntry *entry = _glossa_corpus_index_entry (cs->index, position);
  g_autofree char *path = g_build_filename (cs->index->path, entry->path, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *text;
  gsize len;

  if (!glossa_storage_read_path (path, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL, &error))
    {
      report (cs, position, NULL, error);
      return;
    }
  if (!raw_may_match (cs->search, contents, len, FALSE))
    return;
  text = contents;
  skip_bom (&text, &len);
  if (!g_utf8_validate_len (text, len, NULL))
    {
      g_autoptr(GlossaArticle) article = glossa_article_new_from_data (contents, len, path, &error);
      report (cs, position, NULL, error);
      return;
    }
  g_array_set_size (matches, 0);
  /* A folder article's spans are in its sidecar, which may have been
   * written since the corpus was opened: the document is read for hits.
   */
  if (glossa_search_text (cs->search, text, len, matches) > 0)
    report_hits (cs, position, text, len, matches, TRUE);
}

static gboolean
search_folder (CorpusSearch  *cs,
               GError       **error)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (GlossaSearchMatch));

  for (guint i = 0; i < cs->index->entries->len && !cs->stopped; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cs->cancellable, error))
        return FALSE;
      search_folder_article (cs, i, matches);
    }
  return TRUE;
}

/* The listed line @position of a JSONL corpus, parsed as @root: its
 * "text" searched.
 */
static void
search_jsonl_root (CorpusSearch *cs,
                   guint         position,
                   JsonNode     *root,
                   gboolean      annotated,
                   GArray       *matches)
{
  const GlossaCorpusEntry *entry = _glossa_corpus_index_entry (cs->index, position);
  g_autoptr(GError) error = NULL;
  JsonNode *member;
  const char *text;
  gsize text_len;
  gboolean with_spans;

  member = JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "text") : NULL;
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
    {
      g_set_error (&error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT,
                   _("%s was changed by another program; open it again"), cs->index->display);
      report (cs, position, NULL, error);
      return;
    }
  text = json_node_get_string (member);
  text_len = strlen (text);
  skip_bom (&text, &text_len);
  with_spans = annotated || entry->n_spans > 0;
  /* Only counting, neither the contexts nor the code point offsets are
   * made. Where there are spans the article is still read as for its
   * lines, so that one whose annotations cannot be read is named and left
   * out of the count just the same.
   */
  if (!with_spans && (glossa_search_get_flags (cs->search) & GLOSSA_SEARCH_COUNT_ONLY))
    {
      guint n = search_text (cs->search, text, text_len, NULL);

      if (n > 0)
        report_count (cs, position, NULL, n, NULL);
      return;
    }
  g_array_set_size (matches, 0);
  if (glossa_search_text (cs->search, text, text_len, matches) > 0)
    report_hits (cs, position, text, text_len, matches, with_spans);
}

/* One listed line of a JSONL corpus: its "text" decoded if the raw line may
 * match, then searched.
 */
static void
search_jsonl_line (CorpusSearch *cs,
                   guint         position,
                   const char   *line,
                   gsize         len,
                   gboolean      annotated,
                   GArray       *matches)
{
  const GlossaCorpusEntry *entry = _glossa_corpus_index_entry (cs->index, position);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (!raw_may_match (cs->search, line, len, TRUE) || !text_may_match (cs->search, line, len, cs->scratch))
    return;
  if (!(root = glossa_json_parse_line (line, len, cs->index->display, entry->line_no, &error)))
    report (cs, position, NULL, error);
  else
    search_jsonl_root (cs, position, root, annotated, matches);
}

/* Reads the JSONL file line by line beside the index, whose entries are
 * its listed lines in file order: a line that is not listed (blank, or
 * refused when the corpus opened) has no entry at its offset.
 */
static gboolean
search_jsonl (CorpusSearch  *cs,
              GError       **error)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (GlossaSearchMatch));
  GArray *entries = cs->index->entries;
  gboolean annotated = glossa_storage_is_regular (cs->index->annotations_path);
  GlossaLineReader reader;
  const char *line;
  gsize len;
  gint64 offset;
  guint next = 0;
  int fd;

  if ((fd = glossa_storage_open_regular (cs->index->path, NULL, error)) < 0)
    return FALSE;
  cs->scratch = g_string_new (NULL);
  _glossa_line_reader_init (&reader, fd);
  while (next < entries->len && !cs->stopped &&
         _glossa_line_reader_next (&reader, &line, &len, &offset, cs->index->display, error))
    {
      if (reader.line_no % 256 == 0 && g_cancellable_set_error_if_cancelled (cs->cancellable, error))
        break;
      while (next < entries->len && _glossa_corpus_index_entry (cs->index, next)->offset < offset)
        next++;
      if (next < entries->len && _glossa_corpus_index_entry (cs->index, next)->offset == offset)
        search_jsonl_line (cs, next++, line, len, annotated, matches);
    }
  _glossa_line_reader_clear (&reader);
  g_string_free (g_steal_pointer (&cs->scratch), TRUE);
  close (fd);
  return error == NULL || *error == NULL;
}

gboolean
glossa_search_corpus (GlossaSearch      *self,
                      GlossaCorpus      *corpus,
                      GlossaSearchFunc   func,
                      gpointer           user_data,
                      GCancellable      *cancellable,
                      GError           **error)
{
  CorpusSearch cs = { self, corpus, NULL, func, user_data, cancellable, FALSE, NULL };
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GLOSSA_IS_CORPUS (corpus), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  cs.index = _glossa_corpus_get_index (corpus);
  if (cs.index->kind == GLOSSA_CORPUS_FOLDER)
    ok = search_folder (&cs, &local_error);
  else
    ok = search_jsonl (&cs, &local_error);
  if (!ok && local_error == NULL)
    g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: the search failed"), cs.index->display);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

/* Searching a JSONL file without listing it first */

/* `glossa search` reads a corpus once: listing every line of a JSONL file
 * first (parsing each one) cost more than the search itself. Instead only
 * the lines that may match are listed, as opening the corpus would list
 * them. What a line's listing depends on beyond itself is whether an
 * earlier listed line has its id: so every other line's id is skimmed
 * from its raw bytes and kept as a claim, and the claims on an id are
 * listed (in file order) only when a line that may match has that id.
 */

typedef struct
{
  gint64 offset;
  guint  length;
  guint  line_no;
  int    previous;  /* the claim before it on the same id, or -1 */
} Claim;

typedef struct
{
  CorpusSearch  *cs;
  int            fd;
  GArray        *claims;   /* of Claim */
  GHashTable    *last;     /* id -> its last claim + 1 */
  GStringChunk  *ids;
  GArray        *matches;
} Stream;

static void
claim (Stream     *st,
       const char *id,
       gsize       id_len,
       gint64      offset,
       gsize       len,
       guint       line_no)
{
  char *key = g_string_chunk_insert_len (st->ids, id, id_len);
  Claim c = { offset, len, line_no, GPOINTER_TO_INT (g_hash_table_lookup (st->last, key)) - 1 };

  g_array_append_val (st->claims, c);
  g_hash_table_insert (st->last, key, GINT_TO_POINTER (st->claims->len));
}

static char *
read_claim (Stream      *st,
            const Claim *c)
{
  g_autofree char *buf = g_malloc (c->length + 1);
  gsize done = 0;

  while (done < c->length)
    {
      gssize n = pread (st->fd, buf + done, c->length - done, c->offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return NULL;
      done += n;
    }
  return g_steal_pointer (&buf);
}

/* Lists the lines that claimed @id, in file order: the first valid one has
 * it, so that a later line with that id is not listed.
 */
static void
settle (Stream     *st,
        const char *id)
{
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (int));
  int at = GPOINTER_TO_INT (g_hash_table_lookup (st->last, id)) - 1;

  if (at < 0)
    return;
  g_hash_table_remove (st->last, id);
  for (; at >= 0; at = g_array_index (st->claims, Claim, at).previous)
    g_array_prepend_val (chain, at);
  for (guint i = 0; i < chain->len && !g_hash_table_contains (st->cs->index->ids, id); i++)
    {
      const Claim *c = &g_array_index (st->claims, Claim, g_array_index (chain, int, i));
      g_autofree char *line = read_claim (st, c);

      if (line != NULL)
        _glossa_corpus_list_jsonl_line (st->cs->index, line, c->length, c->offset, c->line_no, NULL, NULL);
    }
}

/* The id a line has if it is valid, parsed when it cannot be skimmed. */
static char *
line_id (Stream     *st,
         const char *line,
         gsize       len,
         guint       line_no)
{
  g_autoptr(JsonNode) root = NULL;
  const char *id;
  gsize id_len;

  if (skim_id (line, len, &id, &id_len))
    return g_strndup (id, id_len);
  root = glossa_json_parse_line (line, len, st->cs->index->display, line_no, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return _glossa_format_dup_id (json_node_get_object (root), "", NULL);
}

/* A line that may match: listed (after the earlier claims on its id) and,
 * if it is, searched.
 */
static void
stream_candidate (Stream     *st,
                  const char *line,
                  gsize       len,
                  gint64      offset,
                  guint       line_no)
{
  GlossaCorpusIndex *index = st->cs->index;
  g_autofree char *id = line_id (st, line, len, line_no);
  g_autoptr(JsonNode) root = NULL;

  if (id == NULL || g_hash_table_contains (index->ids, id))
    return;
  settle (st, id);
  if (_glossa_corpus_list_jsonl_line (index, line, len, offset, line_no, &root, NULL))
    search_jsonl_root (st->cs, index->entries->len - 1, root, FALSE, st->matches);
}

/* A line that cannot match: only its id matters, to later lines. */
static void
stream_other (Stream     *st,
              const char *line,
              gsize       len,
              gint64      offset,
              guint       line_no)
{
  GlossaCorpusIndex *index = st->cs->index;
  const char *id;
  gsize id_len;

  if (skim_id (line, len, &id, &id_len))
    {
      /* A line whose id is listed already is never listed. */
      g_autofree char *key = g_strndup (id, id_len);

      if (!g_hash_table_contains (index->ids, key))
        claim (st, id, id_len, offset, len, line_no);
    }
  else
    {
      g_autofree char *parsed = line_id (st, line, len, line_no);

      if (parsed != NULL && !g_hash_table_contains (index->ids, parsed))
        {
          settle (st, parsed);
          _glossa_corpus_list_jsonl_line (index, line, len, offset, line_no, NULL, NULL);
        }
    }
}

static gboolean
stream_jsonl (CorpusSearch  *cs,
              GError       **error)
{
  Stream st = { cs, -1, NULL, NULL, NULL, NULL };
  GlossaLineReader reader;
  const char *line;
  gsize len;
  gint64 offset;

  if ((st.fd = glossa_storage_open_regular (cs->index->path, NULL, error)) < 0)
    return FALSE;
  st.claims = g_array_new (FALSE, FALSE, sizeof (Claim));
  st.last = g_hash_table_new (g_str_hash, g_str_equal);
  st.ids = g_string_chunk_new (64 * 1024);
  st.matches = g_array_new (FALSE, FALSE, sizeof (GlossaSearchMatch));
  cs->scratch = g_string_new (NULL);
  _glossa_line_reader_init (&reader, st.fd);
  while (!cs->stopped && _glossa_line_reader_next (&reader, &line, &len, &offset, cs->index->display, error))
    {
      if (reader.line_no % 256 == 0 && g_cancellable_set_error_if_cancelled (cs->cancellable, error))
        break;
      if (is_blank_line (line, len))
        continue;
      if (raw_may_match (cs->search, line, len, TRUE) && text_may_match (cs->search, line, len, cs->scratch))
        stream_candidate (&st, line, len, offset, reader.line_no);
      else
        stream_other (&st, line, len, offset, reader.line_no);
    }
  _glossa_line_reader_clear (&reader);
  close (st.fd);
  g_array_unref (st.claims);
  g_hash_table_unref (st.last);
  g_string_chunk_free (st.ids);
  g_array_unref (st.matches);
  g_string_free (g_steal_pointer (&cs->scratch), TRUE);
  return error == NULL || *error == NULL;
}

gboolean
glossa_search_corpus_file (GlossaSearch      *self,
                           GFile             *file,
                           GlossaSearchFunc   func,
                           gpointer           user_data,
                           GCancellable      *cancellable,
                           GError           **error)
{
  CorpusSearch cs = { self, NULL, NULL, func, user_data, cancellable, FALSE, NULL };
  g_autoptr(GlossaCorpusIndex) index = NULL;
  g_autoptr(GlossaCorpus) corpus = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* A folder, or annotations beside the file (whose lines are found by
   * the articles' positions): the corpus is opened as usual.
   */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY ||
      g_file_peek_path (file) == NULL ||
      !(index = _glossa_corpus_index_new_jsonl (file, error)) ||
      glossa_storage_is_regular (index->annotations_path))
    {
      if (index == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (!(corpus = glossa_corpus_open (file, cancellable, error)))
        return FALSE;
      return glossa_search_corpus (self, corpus, func, user_data, cancellable, error);
    }
  cs.index = index;
  return stream_jsonl (&cs, error);
}

/* Tagging every match */

static gboolean
crosses (const GlossaSpan       *span,
         const GlossaSearchMatch *match)
{
  gboolean overlap = span->start < match->end && match->start < span->end;
  gboolean nested = (span->start <= match->start && match->end <= span->end) ||
                    (match->start <= span->start && span->end <= match->end);

  return overlap && !nested;
}

typedef enum
{
  MATCH_UNTAGGED,
  MATCH_ALREADY,
  MATCH_CROSSING,
} MatchState;

static MatchState
classify (const GlossaSearchMatch *match,
          GPtrArray               *spans)
{
  MatchState state = MATCH_UNTAGGED;

  for (guint i = 0; i < spans->len; i++)
    {
      const GlossaSpan *span = g_ptr_array_index (spans, i);

      if (span->start >= match->end)
        break;
      if (span->start == match->start && span->end == match->end)
        return MATCH_ALREADY;
      if (crosses (span, match))
        state = MATCH_CROSSING;
    }
  return state;
}

gboolean
glossa_search_tag_document (GlossaSearch          *self,
                            GlossaDocument        *document,
                            GlossaLabel            label,
                            gboolean               apply,
                            GlossaSearchTagCounts *counts,
                            GArray                *tagged,
                            GError               **error)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (GlossaSearchMatch));
  g_autoptr(GArray) todo = g_array_new (FALSE, FALSE, sizeof (GlossaSearchMatch));
  g_autoptr(GPtrArray) spans = NULL;
  g_autofree char *description = NULL;
  GlossaArticle *article;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  if (glossa_document_get_read_only (document))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY, _("%s cannot be changed: it is read-only"),
                   glossa_article_get_name (glossa_document_get_article (document)));
      return FALSE;
    }

  article = glossa_document_get_article (document);
  glossa_search_text (self, glossa_article_get_text (article), glossa_article_get_n_bytes (article), matches);
  spans = glossa_document_dup_spans (document);
  for (guint i = 0; i < matches->len; i++)
    {
      const GlossaSearchMatch *match = &g_array_index (matches, GlossaSearchMatch, i);

      switch (classify (match, spans))
        {
        case MATCH_ALREADY: counts->already++; break;
        case MATCH_CROSSING: counts->crossing++; break;
        case MATCH_UNTAGGED: g_array_append_val (todo, *match); break;
        default: g_assert_not_reached ();
        }
    }
  counts->tagged = todo->len;
  if (tagged != NULL && todo->len > 0)
    g_array_append_vals (tagged, todo->data, todo->len);
  if (!apply || todo->len == 0)
    return TRUE;

  /* Translators: the undo step of tagging every match of a search. */
  description = g_strdup_printf (_("Tag All as %s"), glossa_label_to_string (label));
  glossa_document_begin_batch (document, description);
  for (guint i = 0; i < todo->len && ok; i++)
    {
      const GlossaSearchMatch *match = &g_array_index (todo, GlossaSearchMatch, i);
      ok = glossa_document_add_span (document, match->start, match->end, label, error) != NULL;
    }
  glossa_document_end_batch (document);
  return ok;
}

char *
glossa_search_describe_tagged (guint       tagged,
                               const char *title,
                               guint       crossing,
                               guint       n_failed,
                               const char *first_error)
{
  GString *message = g_string_new (NULL);

  /* Translators: "Tagged 12 matches as Actor" */
  g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE, "Tagged %u match as %s",
                                                 "Tagged %u matches as %s", tagged),
                          tagged, title);
  if (crossing > 0)
    /* Translators: follows "Tagged 12 matches as Actor" */
    g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE,
                                                   "; %u crosses the edge of a span and was skipped",
                                                   "; %u cross the edge of a span and were skipped",
                                                   crossing),
                            crossing);
  if (n_failed > 0)
    /* Translators: follows "Tagged 12 matches as Actor"; the last %s is the reason */
    g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE,
                                                   "; %u article could not be tagged: %s",
                                                   "; %u articles could not be tagged: %s",
                                                   n_failed),
                            n_failed, first_error != NULL ? first_error : "");
  return g_string_free (message, FALSE);
}
