/* glossa-json.c: a strict JSON reader and a deterministic JSON writer
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "glossa-error.h"
#include "glossa-json.h"
#include "glossa-json-private.h"

/* Deep enough for any real file, shallow enough that the recursive descent
 * below cannot exhaust a thread's stack on hostile input.
 */
#define MAX_DEPTH 512

/* Longest excerpt of the input (a number, a word) quoted in a message. */
#define MAX_QUOTED 40

/* Bytes that can be copied as they are inside a string: printable ASCII
 * other than the quote and the backslash. Everything else takes the slow
 * path (escapes, control characters, UTF-8 sequences to validate).
 */
static const guint8 plain_in_string[256] = {
  [0x20 ... 0x21] = 1,
  [0x23 ... 0x5b] = 1,
  [0x5d ... 0x7f] = 1,
};

/* Bytes the writer copies unescaped: the same, plus UTF-8 as it is
 * (ensure_ascii=False).
 */
static const guint8 plain_in_output[256] = {
  [0x20 ... 0x21] = 1,
  [0x23 ... 0x5b] = 1,
  [0x5d ... 0xff] = 1,
};

typedef struct
{
  const guchar *data;        /* the caller's buffer, for byte offsets */
  const guchar *start;       /* after the BOM: line 1, column 1 */
  const guchar *p;
  const guchar *end;
  const char   *name;
  guint         first_line;
  GError      **error;

  /* Scratch space for decoded strings, used as a stack: the key of each
   * object member being parsed stays on it while its value is parsed, and
   * string values are decoded on top and copied out at once.
   */
  char         *buf;
  gsize         buf_len;
  gsize         buf_size;
} Parser;

static JsonNode *parse_value (Parser *self,
                              guint   depth);

static void parser_fail (Parser       *self,
                         const guchar *at,
                         const char   *format,
                         ...) G_GNUC_PRINTF (3, 4);

/* Errors are rare, so the position is worked out only then, by counting
 * from the start; the parser itself never tracks lines.
 */
static void
parser_fail (Parser       *self,
             const guchar *at,
             const char   *format,
             ...)
{
  g_autofree char *message = NULL;
  guint64 line = self->first_line;
  guint64 column = 1;
  va_list args;

  for (const guchar *q = self->start; q < at; q++)
    {
      if (*q == '\n')
        {
          line++;
          column = 1;
        }
      else if ((*q & 0xc0) != 0x80)
        {
          column++;
        }
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (self->name != NULL)
    g_set_error (self->error, GLOSSA_ERROR, GLOSSA_ERROR_SYNTAX,
                 "%s:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ": %s",
                 self->name, line, column, message);
  else
    g_set_error (self->error, GLOSSA_ERROR, GLOSSA_ERROR_SYNTAX,
                 "%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ": %s",
                 line, column, message);
}

static inline void
skip_whitespace (Parser *self)
{
  const guchar *p = self->p;
  const guchar *end = self->end;

  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;

  self->p = p;
}

/* Returns the length of the well-formed UTF-8 sequence at @p (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or 0.
 */
static inline guint
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  gsize avail = end - p;
  guchar c = p[0];

  if (c >= 0xc2 && c <= 0xdf)
    return avail >= 2 && (p[1] & 0xc0) == 0x80 ? 2 : 0;

  if (c >= 0xe0 && c <= 0xef)
    {
      if (avail < 3 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
        return 0;
      if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] >= 0xa0))
        return 0;
      return 3;
    }

  if (c >= 0xf0 && c <= 0xf4)
    {
      if (avail < 4 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80 ||
          (p[3] & 0xc0) != 0x80)
        return 0;
      if ((c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] >= 0x90))
        return 0;
      return 4;
    }

  return 0;
}

static void
fail_invalid_utf8 (Parser       *self,
                   const guchar *at)
{
  parser_fail (self, at, _("invalid UTF-8 at byte %llu"),
               (unsigned long long) (at - self->data));
}

/* Handles the unexpected bytes that deserve their own message: a comment,
 * a single quote, broken UTF-8. Returns FALSE if @at is none of those.
 */
static gboolean
fail_special (Parser       *self,
              const guchar *at)
{
  if (*at == '/')
    parser_fail (self, at, _("comments are not allowed in JSON"));
  else if (*at == '\'')
    parser_fail (self, at, _("strings must be in double quotes, not single quotes"));
  else if (*at >= 0x80 && utf8_sequence_length (at, self->end) == 0)
    fail_invalid_utf8 (self, at);
  else
    return FALSE;

  return TRUE;
}

/* Writes a printable description of the character at @at, which is valid
 * UTF-8 (fail_special() has seen it), into @desc.
 */
static void
describe_char (const guchar *at,
               const guchar *end,
               char          desc[32])
{
  if (*at < 0x20 || *at == 0x7f)
    {
      g_snprintf (desc, 32, _("character U+%04X"), *at);
    }
  else
    {
      guint n = *at < 0x80 ? 1 : utf8_sequence_length (at, end);

      g_snprintf (desc, 32, "“%.*s”", (int) n, (const char *) at);
    }
}

/* Grows the scratch buffer so that @extra more bytes and a NUL fit. */
static inline void
buf_reserve (Parser *self,
             gsize   extra)
{
  if (G_UNLIKELY (self->buf_len + extra + 1 > self->buf_size))
    {
      gsize size = MAX (self->buf_size * 2, self->buf_len + extra + 1);

      self->buf = g_realloc (self->buf, size);
      self->buf_size = size;
    }
}

static inline void
buf_append (Parser       *self,
            const guchar *bytes,
            gsize         len)
{
  buf_reserve (self, len);
  memcpy (self->buf + self->buf_len, bytes, len);
  self->buf_len += len;
}

static inline int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The code unit of the "\uXXXX" escape at @p, or -1. */
static int
read_u_escape (const guchar *p,
               const guchar *end)
{
  int value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;

  for (guint i = 2; i < 6; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

static void
buf_append_unichar (Parser   *self,
                    gunichar  c)
{
  buf_reserve (self, 4);
  self->buf_len += g_unichar_to_utf8 (c, self->buf + self->buf_len);
}

/* What the one-character escapes stand for; 0 for the others. */
static const char simple_escapes[256] = {
  ['"'] = '"', ['\\'] = '\\', ['/'] = '/',
  ['b'] = '\b', ['f'] = '\f', ['n'] = '\n', ['r'] = '\r', ['t'] = '\t',
};

/* Decodes the "\uXXXX" escape at self->p, or the surrogate pair of two that
 * starts there, onto the scratch buffer and moves past it.
 */
static gboolean
parse_u_escape (Parser *self)
{
  const guchar *p = self->p;
  int unit = read_u_escape (p, self->end);
  int low;

  if (unit < 0)
    {
      parser_fail (self, p, _("“\\u” must be followed by four hexadecimal digits"));
      return FALSE;
    }

  if (unit == 0)
    {
      /* json-glib strings end at the first NUL: accepting it would
       * silently cut the string short.
       */
      parser_fail (self, p, _("“\\u0000” (the NUL character) is not supported in strings"));
      return FALSE;
    }

  if (unit < 0xd800 || unit > 0xdfff)
    {
      buf_append_unichar (self, unit);
      self->p = p + 6;
      return TRUE;
    }

  low = unit <= 0xdbff ? read_u_escape (p + 6, self->end) : -1;
  if (low < 0xdc00 || low > 0xdfff)
    {
      parser_fail (self, p, _("unpaired surrogate “%.6s” in string"), (const char *) p);
      return FALSE;
    }

  buf_append_unichar (self, 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00));
  self->p = p + 12;
  return TRUE;
}

/* Decodes the escape at self->p (on its backslash) onto the scratch buffer
 * and moves past it.
 */
static gboolean
parse_escape (Parser *self)
{
  const guchar *p = self->p;
  char desc[32];

  if (self->end - p < 2)
    {
      parser_fail (self, self->end, _("unexpected end of input in a string"));
      return FALSE;
    }

  if (simple_escapes[p[1]] != 0)
    {
      buf_append (self, (const guchar *) &simple_escapes[p[1]], 1);
      self->p = p + 2;
      return TRUE;
    }

  if (p[1] == 'u')
    return parse_u_escape (self);

  if (p[1] >= 0x80 && utf8_sequence_length (&p[1], self->end) == 0)
    {
      fail_invalid_utf8 (self, &p[1]);
      return FALSE;
    }

  describe_char (&p[1], self->end, desc);
  parser_fail (self, p, _("invalid escape: backslash followed by %s"), desc);
  return FALSE;
}

/* Past the bytes of @p that plain_in_string[] has, eight at a time while
 * none of the eight is a quote, a backslash, a control character or UTF-8:
 * article texts are long strings, and this loop is most of reading them.
 */
static inline const guchar *
skip_plain (const guchar *p,
            const guchar *end)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

  while (end - p >= 8)
    {
      guint64 w, quote, backslash;

      memcpy (&w, p, 8);
      quote = w ^ (ones * '"');
      backslash = w ^ (ones * '\\');
      /* A byte of 0x80 or more; below 0x20; equal to either. */
      if ((w & highs) != 0 ||
          ((w - ones * 0x20) & ~w & highs) != 0 ||
          ((quote - ones) & ~quote & highs) != 0 ||
          ((backslash - ones) & ~backslash & highs) != 0)
        break;
      p += 8;
    }
  while (p < end && plain_in_string[*p])
    p++;
  return p;
}

/* Decodes the string at self->p (on its opening quote) onto the top of the
 * scratch buffer, NUL-terminated, without moving buf_len: the decoded text
 * is at buf + buf_len. Returns its length, or -1.
 */
static gssize
parse_string (Parser *self)
{
  const guchar *open = self->p;
  const guchar *end = self->end;
  const guchar *p = open + 1;
  const guchar *run = p;
  gsize base = self->buf_len;
  gsize len;

  for (;;)
    {
      p = skip_plain (p, end);

      if (G_UNLIKELY (p == end))
        {
          parser_fail (self, open, _("unterminated string"));
          goto fail;
        }

      if (*p >= 0x80)
        {
          guint n = utf8_sequence_length (p, end);

          if (n == 0)
            {
              fail_invalid_utf8 (self, p);
              goto fail;
            }
          p += n;
          continue;
        }

      buf_append (self, run, p - run);

      if (*p == '"')
        break;

      if (*p != '\\')
        {
          parser_fail (self, p,
                       _("control character U+%04X must be escaped in strings"), *p);
          goto fail;
        }

      self->p = p;
      if (!parse_escape (self))
        goto fail;
      p = run = self->p;
    }

  self->p = p + 1;
  len = self->buf_len - base;
  buf_reserve (self, 0);
  self->buf[self->buf_len] = '\0';
  self->buf_len = base;
  return len;

fail:
  self->buf_len = base;
  return -1;
}

/* A number as read: a double if it had a fraction or an exponent. */
typedef struct
{
  gboolean is_double;
  gint64   integer;
  double   real;
} Number;

/* Converts the number at [@start, self->p), which is well formed, refusing
 * what would not fit.
 */
static gboolean
number_finish (Parser       *self,
               const guchar *start,
               gboolean      is_double,
               gboolean      negative,
               gboolean      overflow,
               guint64       magnitude,
               Number       *number)
{
  int n = self->p - start;

  number->is_double = is_double;
  if (is_double)
    {
      g_autofree char *text = g_strndup ((const char *) start, n);

      number->real = g_ascii_strtod (text, NULL);
      if (!isinf (number->real))
        return TRUE;

      parser_fail (self, start, _("number %.*s%s is too large"),
                   MIN (n, MAX_QUOTED), text, n > MAX_QUOTED ? "…" : "");
      return FALSE;
    }

  if (!overflow && magnitude <= (guint64) G_MAXINT64 + (negative ? 1 : 0))
    {
      number->integer = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;
      return TRUE;
    }

  /* json-glib would store -1 here without a word: refuse instead. */
  if (negative)
    parser_fail (self, start, _("integer %.*s%s is too small"),
                 MIN (n, MAX_QUOTED), (const char *) start, n > MAX_QUOTED ? "…" : "");
  else
    parser_fail (self, start, _("integer %.*s%s is too large"),
                 MIN (n, MAX_QUOTED), (const char *) start, n > MAX_QUOTED ? "…" : "");
  return FALSE;
}

static inline gboolean
is_digit_at (const guchar *p,
             const guchar *end)
{
  return p < end && *p >= '0' && *p <= '9';
}

static gboolean
scan_number (Parser *self,
             Number *number)
{
  const guchar *start = self->p;
  const guchar *end = self->end;
  const guchar *p = start;
  gboolean negative = FALSE;
  gboolean overflow = FALSE;
  gboolean is_double = FALSE;
  guint64 magnitude = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
      if (end - p >= 8 && memcmp (p, "Infinity", 8) == 0)
        {
          parser_fail (self, start, _("-Infinity is not allowed in JSON"));
          return FALSE;
        }
      if (!is_digit_at (p, end))
        {
          parser_fail (self, p, _("expected a digit after “-”"));
          return FALSE;
        }
    }

  if (*p == '0' && is_digit_at (p + 1, end))
    {
      parser_fail (self, p, _("leading zeros are not allowed in numbers"));
      return FALSE;
    }

  for (; is_digit_at (p, end); p++)
    {
      /* Past this the value is beyond any gint64 anyway. */
      if (G_UNLIKELY (magnitude > (G_MAXUINT64 - 9) / 10))
        overflow = TRUE;
      else
        magnitude = magnitude * 10 + (*p - '0');
    }

  if (p < end && *p == '.')
    {
      if (!is_digit_at (++p, end))
        {
          parser_fail (self, p, _("expected a digit after the decimal point"));
          return FALSE;
        }
      while (is_digit_at (p, end))
        p++;
      is_double = TRUE;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (!is_digit_at (p, end))
        {
          parser_fail (self, p, _("expected a digit in the exponent"));
          return FALSE;
        }
      while (is_digit_at (p, end))
        p++;
      is_double = TRUE;
    }

  self->p = p;
  return number_finish (self, start, is_double, negative, overflow, magnitude, number);
}

static JsonNode *
parse_number (Parser *self)
{
  Number number;

  if (!scan_number (self, &number))
    return NULL;
  if (number.is_double)
    return json_node_init_double (json_node_alloc (), number.real);
  return json_node_init_int (json_node_alloc (), number.integer);
}

static inline gboolean
is_word_char (guchar c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

/* true, false, null, and helpful messages for the words other dialects of
 * JSON (JavaScript, Python) accept.
 */
static JsonNode *
parse_word (Parser *self)
{
  const guchar *start = self->p;
  const guchar *p = start;
  gsize len;

  while (p < self->end && is_word_char (*p))
    p++;
  len = p - start;

  if (len == 4 && memcmp (start, "true", 4) == 0)
    {
      self->p = p;
      return json_node_init_boolean (json_node_alloc (), TRUE);
    }
  if (len == 5 && memcmp (start, "false", 5) == 0)
    {
      self->p = p;
      return json_node_init_boolean (json_node_alloc (), FALSE);
    }
  if (len == 4 && memcmp (start, "null", 4) == 0)
    {
      self->p = p;
      return json_node_init_null (json_node_alloc ());
    }

  if (len == 3 && memcmp (start, "NaN", 3) == 0)
    parser_fail (self, start, _("NaN is not allowed in JSON"));
  else if (len == 8 && memcmp (start, "Infinity", 8) == 0)
    parser_fail (self, start, _("Infinity is not allowed in JSON"));
  else
    parser_fail (self, start, _("unexpected “%.*s%s”, expected a value"),
                 (int) MIN (len, MAX_QUOTED), (const char *) start,
                 len > MAX_QUOTED ? "…" : "");

  return NULL;
}

/* What the parser was looking for when it met something else. */
typedef enum
{
  EXPECT_VALUE,
  EXPECT_ELEMENT_OR_CLOSE,   /* after "[" */
  EXPECT_KEY,                /* after "," in an object */
  EXPECT_KEY_OR_CLOSE,       /* after "{" */
  EXPECT_COLON,
  EXPECT_OBJECT_NEXT,        /* "," or "}" after a member */
  EXPECT_ARRAY_NEXT,         /* "," or "]" after an element */
  EXPECT_END,                /* nothing after the top-level value */
} Expect;

static void
fail_end_of_input (Parser *self,
                   Expect  expect)
{
  switch (expect)
    {
    case EXPECT_KEY:
      parser_fail (self, self->p, _("unexpected end of input, expected a key"));
      break;
    case EXPECT_KEY_OR_CLOSE:
    case EXPECT_OBJECT_NEXT:
      parser_fail (self, self->p, _("unexpected end of input, expected “}”"));
      break;
    case EXPECT_ELEMENT_OR_CLOSE:
    case EXPECT_ARRAY_NEXT:
      parser_fail (self, self->p, _("unexpected end of input, expected “]”"));
      break;
    case EXPECT_COLON:
      parser_fail (self, self->p, _("unexpected end of input, expected “:”"));
      break;
    case EXPECT_VALUE:
    case EXPECT_END:
    default:
      parser_fail (self, self->p, _("unexpected end of input, expected a value"));
      break;
    }
}

/* Fails on whatever is at self->p, knowing that it is not @expect. */
static void
fail_unexpected (Parser *self,
                 Expect  expect)
{
  const guchar *at = self->p;
  char desc[32];

  if (at == self->end)
    {
      fail_end_of_input (self, expect);
      return;
    }
  if (fail_special (self, at))
    return;

  describe_char (at, self->end, desc);
  switch (expect)
    {
    case EXPECT_KEY:
    case EXPECT_KEY_OR_CLOSE:
      parser_fail (self, at, _("expected a key in double quotes, found %s"), desc);
      break;
    case EXPECT_COLON:
      parser_fail (self, at, _("expected “:” after the key, found %s"), desc);
      break;
    case EXPECT_OBJECT_NEXT:
      parser_fail (self, at, _("expected “,” or “}”, found %s"), desc);
      break;
    case EXPECT_ARRAY_NEXT:
      parser_fail (self, at, _("expected “,” or “]”, found %s"), desc);
      break;
    case EXPECT_END:
      parser_fail (self, at, _("unexpected %s after the end of the JSON value"), desc);
      break;
    case EXPECT_VALUE:
    case EXPECT_ELEMENT_OR_CLOSE:
    default:
      parser_fail (self, at, _("unexpected %s, expected a value"), desc);
      break;
    }
}

static gboolean
check_depth (Parser *self,
             guint   depth)
{
  if (G_LIKELY (depth <= MAX_DEPTH))
    return TRUE;

  parser_fail (self, self->p, _("nesting is deeper than %d levels"), MAX_DEPTH);
  return FALSE;
}

/* Parses one "key": value member at self->p (on the key's quote) into
 * @object, whose node is @node.
 */
static gboolean
parse_member (Parser     *self,
              JsonNode   *node,
              JsonObject *object,
              guint       depth)
{
  const guchar *key_at = self->p;
  gssize key_len = parse_string (self);
  gsize key_offset = self->buf_len;
  JsonNode *value;
  guint size;

  if (key_len < 0)
    return FALSE;

  skip_whitespace (self);
  if (G_UNLIKELY (self->p == self->end || *self->p != ':'))
    {
      fail_unexpected (self, EXPECT_COLON);
      return FALSE;
    }
  self->p++;

  /* Keep the key on the scratch stack while the value is parsed. */
  self->buf_len += key_len + 1;
  value = parse_value (self, depth);
  self->buf_len = key_offset;
  if (value == NULL)
    return FALSE;

  /* json_object_set_member() replaces a member of the same name: a
   * duplicate shows as a size that did not grow, which spares a lookup
   * for every member that is not one.
   */
  json_node_set_parent (value, node);
  size = json_object_get_size (object);
  json_object_set_member (object, self->buf + key_offset, value);
  if (G_UNLIKELY (json_object_get_size (object) == size))
    {
      parser_fail (self, key_at, _("duplicate key “%s” in object"), self->buf + key_offset);
      return FALSE;
    }

  return TRUE;
}

static JsonNode *
parse_object (Parser *self,
              guint   depth)
{
  const guchar *comma = NULL;
  JsonObject *object;
  JsonNode *node;

  if (!check_depth (self, depth))
    return NULL;

  self->p++;
  object = json_object_new ();
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  skip_whitespace (self);
  if (self->p < self->end && *self->p == '}')
    {
      self->p++;
      return node;
    }

  for (;;)
    {
      skip_whitespace (self);
      if (G_UNLIKELY (self->p == self->end || *self->p != '"'))
        {
          if (self->p < self->end && *self->p == '}' && comma != NULL)
            parser_fail (self, comma, _("trailing comma before “}”"));
          else
            fail_unexpected (self, comma != NULL ? EXPECT_KEY : EXPECT_KEY_OR_CLOSE);
          break;
        }

      if (!parse_member (self, node, object, depth))
        break;

      skip_whitespace (self);
      if (G_LIKELY (self->p < self->end && *self->p == ','))
        {
          comma = self->p++;
          continue;
        }
      if (G_LIKELY (self->p < self->end && *self->p == '}'))
        {
          self->p++;
          return node;
        }

      fail_unexpected (self, EXPECT_OBJECT_NEXT);
      break;
    }

  json_node_unref (node);
  return NULL;
}

static JsonNode *
parse_array (Parser *self,
             guint   depth)
{
  const guchar *comma = NULL;
  JsonArray *array;
  JsonNode *node;

  if (!check_depth (self, depth))
    return NULL;

  self->p++;
  array = json_array_new ();
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);

  for (;;)
    {
      JsonNode *value;

      skip_whitespace (self);
      if (G_UNLIKELY (self->p == self->end))
        {
          fail_unexpected (self, comma != NULL ? EXPECT_VALUE : EXPECT_ELEMENT_OR_CLOSE);
          break;
        }

      if (*self->p == ']')
        {
          if (comma != NULL)
            {
              parser_fail (self, comma, _("trailing comma before “]”"));
              break;
            }
          self->p++;
          return node;
        }

      value = parse_value (self, depth);
      if (value == NULL)
        break;
      json_node_set_parent (value, node);
      json_array_add_element (array, value);

      skip_whitespace (self);
      if (G_LIKELY (self->p < self->end && *self->p == ','))
        {
          comma = self->p++;
          continue;
        }
      if (G_LIKELY (self->p < self->end && *self->p == ']'))
        {
          self->p++;
          return node;
        }

      fail_unexpected (self, EXPECT_ARRAY_NEXT);
      break;
    }

  json_node_unref (node);
  return NULL;
}

/* Parses the value at self->p, after any whitespace. @depth counts the
 * containers around it.
 */
static JsonNode *
parse_value (Parser *self,
             guint   depth)
{
  skip_whitespace (self);
  if (G_UNLIKELY (self->p == self->end))
    {
      fail_unexpected (self, EXPECT_VALUE);
      return NULL;
    }

  switch (*self->p)
    {
    case '{':
      return parse_object (self, depth + 1);

    case '[':
      return parse_array (self, depth + 1);

    case '"':
      if (parse_string (self) < 0)
        return NULL;
      return json_node_init_string (json_node_alloc (), self->buf + self->buf_len);

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return parse_number (self);

    default:
      break;
    }

  if (is_word_char (*self->p))
    return parse_word (self);

  fail_unexpected (self, EXPECT_VALUE);
  return NULL;
}

static JsonNode *
parse_document (const char  *data,
                gsize        len,
                const char  *name,
                guint        first_line,
                gboolean     is_line,
                GError     **error)
{
  Parser self = { 0 };
  JsonNode *root;

  self.data = (const guchar *) data;
  self.start = self.data;
  self.end = self.data + len;
  self.name = name;
  self.first_line = first_line;
  self.error = error;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    self.start += 3;
  self.p = self.start;

  skip_whitespace (&self);
  if (self.p == self.end)
    {
      if (is_line)
        parser_fail (&self, self.p, _("the line is empty, expected a JSON value"));
      else
        parser_fail (&self, self.p, _("the input is empty, expected a JSON value"));
      return NULL;
    }

  self.buf_size = 1024;
  self.buf = g_malloc (self.buf_size);
  root = parse_value (&self, 0);
  g_free (self.buf);

  if (root != NULL)
    {
      skip_whitespace (&self);
      if (self.p < self.end)
        {
          fail_unexpected (&self, EXPECT_END);
          g_clear_pointer (&root, json_node_unref);
        }
    }

  return root;
}

JsonNode *
glossa_json_parse (const char  *data,
                   gsize        len,
                   const char  *name,
                   GError     **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse_document (data, len, name, 1, FALSE, error);
}

JsonNode *
glossa_json_parse_line (const char  *data,
                        gsize        len,
                        const char  *name,
                        guint        line_no,
                        GError     **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse_document (data, len, name, line_no, TRUE, error);
}

/* The pull reader */

/* Objects this small are checked for duplicate keys by comparing with each
 * earlier key; annotation objects have ten members or fewer, for which
 * that beats hashing. Bigger objects get a hash table.
 */
#define LINEAR_KEYS 16

typedef struct
{
  gboolean      is_object;
  guint         count;       /* members or elements begun so far */
  const guchar *comma;       /* the last separator read, for messages */
  guint         first_key;   /* this object's first entry in keys */
  GHashTable   *key_set;     /* nullable: every key, once count > LINEAR_KEYS */
} Frame;

typedef struct
{
  gsize         offset;      /* into key_text */
  gsize         len;         /* compared first: most keys differ in length */
  const guchar *at;          /* the key's opening quote */
} Key;

struct _GlossaJsonReader
{
  Parser   parser;
  GArray  *frames;           /* of Frame: the containers entered */
  GArray  *keys;             /* of Key: those of every object entered */
  GString *key_text;         /* the keys, each NUL-terminated */
};

GlossaJsonReader *
_glossa_json_reader_new (const char  *data,
                         gsize        len,
                         const char  *name,
                         GError     **error)
{
  GlossaJsonReader *reader;
  Parser *self;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  reader = g_new0 (GlossaJsonReader, 1);
  self = &reader->parser;

  self->data = (const guchar *) data;
  self->start = self->data;
  self->end = self->data + len;
  self->name = name;
  self->first_line = 1;
  self->error = error;
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    self->start += 3;
  self->p = self->start;
  self->buf_size = 1024;
  self->buf = g_malloc (self->buf_size);

  reader->frames = g_array_sized_new (FALSE, FALSE, sizeof (Frame), 8);
  reader->keys = g_array_sized_new (FALSE, FALSE, sizeof (Key), 32);
  reader->key_text = g_string_sized_new (256);
  return reader;
}

/* Leaves the innermost container, forgetting its keys. */
static void
pop_frame (GlossaJsonReader *reader)
{
  Frame *frame = &g_array_index (reader->frames, Frame, reader->frames->len - 1);

  if (frame->is_object && frame->first_key < reader->keys->len)
    {
      g_string_truncate (reader->key_text,
                         g_array_index (reader->keys, Key, frame->first_key).offset);
      g_array_set_size (reader->keys, frame->first_key);
    }
  g_clear_pointer (&frame->key_set, g_hash_table_unref);
  g_array_set_size (reader->frames, reader->frames->len - 1);
}

void
_glossa_json_reader_free (GlossaJsonReader *reader)
{
  if (reader == NULL)
    return;

  while (reader->frames->len > 0)
    pop_frame (reader);
  g_array_unref (reader->frames);
  g_array_unref (reader->keys);
  g_string_free (reader->key_text, TRUE);
  g_free (reader->parser.buf);
  g_free (reader);
}

gboolean
_glossa_json_reader_start (GlossaJsonReader *reader)
{
  Parser *self = &reader->parser;

  skip_whitespace (self);
  if (self->p < self->end)
    return TRUE;

  parser_fail (self, self->p, _("the input is empty, expected a JSON value"));
  return FALSE;
}

gboolean
_glossa_json_reader_finish (GlossaJsonReader *reader)
{
  Parser *self = &reader->parser;

  skip_whitespace (self);
  if (self->p == self->end)
    return TRUE;

  fail_unexpected (self, EXPECT_END);
  return FALSE;
}

GlossaJsonKind
_glossa_json_reader_peek (GlossaJsonReader *reader)
{
  Parser *self = &reader->parser;

  skip_whitespace (self);
  if (self->p < self->end && *self->p == '{')
    return GLOSSA_JSON_OBJECT;
  if (self->p < self->end && *self->p == '[')
    return GLOSSA_JSON_ARRAY;
  return GLOSSA_JSON_NONE;
}

static gboolean
push_frame (GlossaJsonReader *reader,
            gboolean          is_object)
{
  Parser *self = &reader->parser;
  Frame frame = { 0 };

  skip_whitespace (self);
  g_assert (self->p < self->end && *self->p == (is_object ? '{' : '['));

  /* The depth parse_value() would give this container. */
  if (!check_depth (self, reader->frames->len + 1))
    return FALSE;

  self->p++;
  frame.is_object = is_object;
  frame.first_key = reader->keys->len;
  g_array_append_val (reader->frames, frame);
  return TRUE;
}

gboolean
_glossa_json_reader_enter_object (GlossaJsonReader *reader)
{
  return push_frame (reader, TRUE);
}

gboolean
_glossa_json_reader_enter_array (GlossaJsonReader *reader)
{
  return push_frame (reader, FALSE);
}

static inline Frame *
top_frame (GlossaJsonReader *reader)
{
  g_assert (reader->frames->len > 0);
  return &g_array_index (reader->frames, Frame, reader->frames->len - 1);
}

static inline const char *
key_string (GlossaJsonReader *reader,
            guint             i)
{
  return reader->key_text->str + g_array_index (reader->keys, Key, i).offset;
}

/* Checks the object's last key against its earlier ones. */
static gboolean
check_last_key (GlossaJsonReader *reader,
                Frame            *frame)
{
  guint last = reader->keys->len - 1;
  const char *key = key_string (reader, last);
  gsize len = g_array_index (reader->keys, Key, last).len;
  gboolean duplicate = FALSE;

  if (frame->count <= LINEAR_KEYS)
    {
      for (guint i = frame->first_key; i < last && !duplicate; i++)
        duplicate = g_array_index (reader->keys, Key, i).len == len &&
                    memcmp (key_string (reader, i), key, len) == 0;
    }
  else
    {
      if (frame->key_set == NULL)
        {
          frame->key_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint i = frame->first_key; i < last; i++)
            g_hash_table_add (frame->key_set, g_strdup (key_string (reader, i)));
        }
      duplicate = !g_hash_table_add (frame->key_set, g_strdup (key));
    }

  if (G_LIKELY (!duplicate))
    return TRUE;

  parser_fail (&reader->parser, g_array_index (reader->keys, Key, last).at,
               _("duplicate key “%s” in object"), key);
  return FALSE;
}

typedef enum
{
  ITEM_FAILED,
  ITEM_CLOSED,
  ITEM_NEXT,
} ItemEnd;

/* After a member or an element: a comma (remembered, for the trailing
 * comma message), or @close, which leaves the object or array.
 */
static ItemEnd
reader_after_item (GlossaJsonReader *reader,
                   Frame            *frame,
                   char              close,
                   Expect            expect)
{
  Parser *self = &reader->parser;

  skip_whitespace (self);
  if (G_LIKELY (self->p < self->end && *self->p == ','))
    {
      frame->comma = self->p++;
      return ITEM_NEXT;
    }
  if (G_LIKELY (self->p < self->end && *self->p == close))
    {
      self->p++;
      pop_frame (reader);
      return ITEM_CLOSED;
    }

  fail_unexpected (self, expect);
  return ITEM_FAILED;
}

gboolean
_glossa_json_reader_next_member (GlossaJsonReader  *reader,
                                 const char       **key)
{
  Parser *self = &reader->parser;
  Frame *frame = top_frame (reader);
  const guchar *key_at;
  gssize key_len;
  Key entry;

  *key = NULL;
  g_assert (frame->is_object);

  if (frame->count > 0)
    {
      if (!check_last_key (reader, frame))
        return FALSE;

      switch (reader_after_item (reader, frame, '}', EXPECT_OBJECT_NEXT))
        {
        case ITEM_FAILED:
          return FALSE;
        case ITEM_CLOSED:
          return TRUE;
        case ITEM_NEXT:
        default:
          break;
        }
    }
  else
    {
      skip_whitespace (self);
      if (self->p < self->end && *self->p == '}')
        {
          self->p++;
          pop_frame (reader);
          return TRUE;
        }
    }

  skip_whitespace (self);
  if (G_UNLIKELY (self->p == self->end || *self->p != '"'))
    {
      if (self->p < self->end && *self->p == '}' && frame->comma != NULL)
        parser_fail (self, frame->comma, _("trailing comma before “}”"));
      else
        fail_unexpected (self, frame->comma != NULL ? EXPECT_KEY : EXPECT_KEY_OR_CLOSE);
      return FALSE;
    }

  key_at = self->p;
  key_len = parse_string (self);
  if (key_len < 0)
    return FALSE;

  skip_whitespace (self);
  if (G_UNLIKELY (self->p == self->end || *self->p != ':'))
    {
      fail_unexpected (self, EXPECT_COLON);
      return FALSE;
    }
  self->p++;

  entry.offset = reader->key_text->len;
  entry.len = key_len;
  entry.at = key_at;
  g_string_append_len (reader->key_text, self->buf + self->buf_len, key_len + 1);
  g_array_append_val (reader->keys, entry);
  frame->count++;

  *key = reader->key_text->str + entry.offset;
  return TRUE;
}

gboolean
_glossa_json_reader_next_element (GlossaJsonReader *reader,
                                  gboolean         *more)
{
  Parser *self = &reader->parser;
  Frame *frame = top_frame (reader);

  *more = FALSE;
  g_assert (!frame->is_object);

  if (frame->count > 0)
    {
      switch (reader_after_item (reader, frame, ']', EXPECT_ARRAY_NEXT))
        {
        case ITEM_FAILED:
          return FALSE;
        case ITEM_CLOSED:
          return TRUE;
        case ITEM_NEXT:
        default:
          break;
        }
    }

  skip_whitespace (self);
  if (G_UNLIKELY (self->p == self->end))
    {
      fail_unexpected (self, frame->comma != NULL ? EXPECT_VALUE : EXPECT_ELEMENT_OR_CLOSE);
      return FALSE;
    }

  if (*self->p == ']')
    {
      if (frame->comma != NULL)
        {
          parser_fail (self, frame->comma, _("trailing comma before “]”"));
          return FALSE;
        }
      self->p++;
      pop_frame (reader);
      return TRUE;
    }

  frame->count++;
  *more = TRUE;
  return TRUE;
}

JsonNode *
_glossa_json_reader_read_node (GlossaJsonReader *reader)
{
  return parse_value (&reader->parser, reader->frames->len);
}

gboolean
_glossa_json_reader_read_value (GlossaJsonReader *reader,
                                GlossaJsonValue  *value)
{
  Parser *self = &reader->parser;
  g_autoptr(JsonNode) node = NULL;
  Number number;

  value->str = NULL;
  value->integer = 0;

  skip_whitespace (self);
  if (G_LIKELY (self->p < self->end && *self->p == '"'))
    {
      if (parse_string (self) < 0)
        return FALSE;
      value->kind = GLOSSA_JSON_STRING;
      value->str = self->buf + self->buf_len;
      return TRUE;
    }

  if (G_LIKELY (self->p < self->end && (*self->p == '-' || (*self->p >= '0' && *self->p <= '9'))))
    {
      if (!scan_number (self, &number))
        return FALSE;
      value->kind = number.is_double ? GLOSSA_JSON_DOUBLE : GLOSSA_JSON_INT;
      value->integer = number.is_double ? 0 : number.integer;
      return TRUE;
    }

  /* Containers, words and errors: rare in the places this is used. */
  if (!(node = _glossa_json_reader_read_node (reader)))
    return FALSE;

  if (JSON_NODE_HOLDS_OBJECT (node))
    value->kind = GLOSSA_JSON_OBJECT;
  else if (JSON_NODE_HOLDS_ARRAY (node))
    value->kind = GLOSSA_JSON_ARRAY;
  else if (JSON_NODE_HOLDS_NULL (node))
    value->kind = GLOSSA_JSON_NULL;
  else
    {
      value->kind = GLOSSA_JSON_BOOLEAN;
      value->integer = json_node_get_boolean (node);
    }
  return TRUE;
}

/* Writing */

static void
write_newline (GString *out,
               int      indent,
               guint    level)
{
  static const char spaces[] = "                                                                ";
  gsize n = (gsize) indent * level;

  g_string_append_c (out, '\n');
  while (n > 0)
    {
      gsize chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (out, spaces, chunk);
      n -= chunk;
    }
}

/* printf() is slow enough to matter when a file has 100,000 offsets. */
static void
write_int (GString *out,
           gint64   value)
{
  char digits[24];
  char *p = digits + sizeof digits;
  guint64 magnitude = value < 0 ? 0 - (guint64) value : (guint64) value;

  do
    {
      *--p = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude > 0);

  if (value < 0)
    *--p = '-';

  g_string_append_len (out, p, digits + sizeof digits - p);
}

void
glossa_json_write_string (GString    *out,
                          const char *str)
{
  const guchar *p = (const guchar *) str;
  const guchar *run;

  g_return_if_fail (out != NULL);
  g_return_if_fail (str != NULL);

  g_string_append_c (out, '"');

  for (;;)
    {
      run = p;
      while (plain_in_output[*p])
        p++;
      g_string_append_len (out, (const char *) run, p - run);

      switch (*p)
        {
        case '\0':
          g_string_append_c (out, '"');
          return;
        case '"':
          g_string_append_len (out, "\\\"", 2);
          break;
        case '\\':
          g_string_append_len (out, "\\\\", 2);
          break;
        case '\n':
          g_string_append_len (out, "\\n", 2);
          break;
        case '\r':
          g_string_append_len (out, "\\r", 2);
          break;
        case '\t':
          g_string_append_len (out, "\\t", 2);
          break;
        case '\b':
          g_string_append_len (out, "\\b", 2);
          break;
        case '\f':
          g_string_append_len (out, "\\f", 2);
          break;
        default:
          /* Python writes the other control characters in lower case hex. */
          g_string_append_printf (out, "\\u%04x", *p);
          break;
        }
      p++;
    }
}

/* The digits of @value (positive, finite) formatted with %.*e at
 * @precision significant digits, and its decimal exponent.
 */
static void
format_digits (double  value,
               int     precision,
               char   *digits,
               int    *exponent)
{
  char buf[40];
  char *q = digits;

  /* printf() writes the locale's decimal separator (a comma in many
   * languages the window runs in): keep only the digits.
   */
  g_snprintf (buf, sizeof buf, "%.*e", precision - 1, value);
  for (const char *p = buf; *p != 'e'; p++)
    if (g_ascii_isdigit (*p))
      *q++ = *p;
  *q = '\0';
  *exponent = atoi (strchr (buf, 'e') + 1);
}

static gboolean
digits_round_trip (const char *digits,
                   int         exponent,
                   double      value)
{
  char buf[48];

  g_snprintf (buf, sizeof buf, "%se%d", digits, exponent - (int) strlen (digits) + 1);
  return g_ascii_strtod (buf, NULL) == value;
}

/* Adds @delta (±1) to the last digit of @digits, carrying; the exponent
 * follows when the number of digits changes ("999" + 1 = "100" × 10).
 */
static void
step_digits (char *digits,
             int  *exponent,
             int   delta)
{
  int n = strlen (digits);
  int i;

  for (i = n - 1; i >= 0; i--)
    {
      int d = digits[i] - '0' + delta;

      if (d >= 0 && d <= 9)
        {
          digits[i] = '0' + d;
          break;
        }
      digits[i] = delta > 0 ? '0' : '9';
    }

  if (i < 0 && delta > 0)
    {
      memmove (digits + 1, digits, n + 1);
      digits[0] = '1';
      digits[n] = '\0';
      *exponent += 1;
    }
  else if (digits[0] == '0' && n > 1)
    {
      memmove (digits, digits + 1, n);
      *exponent -= 1;
    }
}

/* The shortest digits that read back as @value, as Python's repr() finds
 * them. The correctly rounded candidate at each precision almost always
 * decides; at a power of two the interval that rounds to @value is
 * lopsided, and the neighbour on the wide side may round-trip where the
 * nearest does not.
 */
static void
shortest_digits (double  value,
                 char   *digits,
                 int    *exponent)
{
  for (int precision = 1; precision < 17; precision++)
    {
      char neighbour[24];
      int neighbour_exponent;

      format_digits (value, precision, digits, exponent);
      if (digits_round_trip (digits, *exponent, value))
        return;

      for (int delta = -1; delta <= 1; delta += 2)
        {
          strcpy (neighbour, digits);
          neighbour_exponent = *exponent;
          step_digits (neighbour, &neighbour_exponent, delta);
          if (digits_round_trip (neighbour, neighbour_exponent, value))
            {
              strcpy (digits, neighbour);
              *exponent = neighbour_exponent;
              return;
            }
        }
    }

  format_digits (value, 17, digits, exponent);
}

void
glossa_json_write_double (GString *out,
                          double   value)
{
  char digits[24];
  int exponent;
  int n;
  int point;

  g_return_if_fail (out != NULL);

  /* What json.dumps() writes (allow_nan=True); the reader refuses it. */
  if (isnan (value))
    {
      g_string_append (out, "NaN");
      return;
    }
  if (isinf (value))
    {
      g_string_append (out, value > 0 ? "Infinity" : "-Infinity");
      return;
    }

  if (signbit (value))
    g_string_append_c (out, '-');
  value = fabs (value);

  if (value == 0)
    {
      g_string_append (out, "0.0");
      return;
    }

  shortest_digits (value, digits, &exponent);
  n = strlen (digits);
  while (n > 1 && digits[n - 1] == '0')
    digits[--n] = '\0';

  /* repr() switches to exponent notation outside 1e-4 <= |x| < 1e16. */
  point = exponent + 1;
  if (point <= -4 || point > 16)
    {
      g_string_append_c (out, digits[0]);
      if (n > 1)
        {
          g_string_append_c (out, '.');
          g_string_append (out, digits + 1);
        }
      g_string_append_printf (out, "e%c%02d", exponent < 0 ? '-' : '+', ABS (exponent));
    }
  else if (point <= 0)
    {
      g_string_append (out, "0.");
      for (int i = point; i < 0; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
  else if (point < n)
    {
      g_string_append_len (out, digits, point);
      g_string_append_c (out, '.');
      g_string_append (out, digits + point);
    }
  else
    {
      g_string_append (out, digits);
      for (int i = n; i < point; i++)
        g_string_append_c (out, '0');
      g_string_append (out, ".0");
    }
}

static void write_node (GString  *out,
                        JsonNode *node,
                        int       indent,
                        guint     level);

static void
write_object (GString    *out,
              JsonObject *object,
              int         indent,
              guint       level)
{
  g_autoptr(GList) members = json_object_get_members (object);

  if (members == NULL)
    {
      g_string_append_len (out, "{}", 2);
      return;
    }

  g_string_append_c (out, '{');
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (l != members)
        g_string_append_c (out, ',');
      if (indent >= 0)
        write_newline (out, indent, level + 1);
      else if (l != members)
        g_string_append_c (out, ' ');

      glossa_json_write_string (out, l->data);
      g_string_append_len (out, ": ", 2);
      write_node (out, json_object_get_member (object, l->data), indent, level + 1);
    }
  if (indent >= 0)
    write_newline (out, indent, level);
  g_string_append_c (out, '}');
}

static void
write_array (GString   *out,
             JsonArray *array,
             int        indent,
             guint      level)
{
  guint n = json_array_get_length (array);

  if (n == 0)
    {
      g_string_append_len (out, "[]", 2);
      return;
    }

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      if (indent >= 0)
        write_newline (out, indent, level + 1);
      else if (i > 0)
        g_string_append_c (out, ' ');

      write_node (out, json_array_get_element (array, i), indent, level + 1);
    }
  if (indent >= 0)
    write_newline (out, indent, level);
  g_string_append_c (out, ']');
}

static void
write_value (GString  *out,
             JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_INT64)
    write_int (out, json_node_get_int (node));
  else if (type == G_TYPE_STRING && json_node_get_string (node) != NULL)
    glossa_json_write_string (out, json_node_get_string (node));
  else if (type == G_TYPE_DOUBLE)
    glossa_json_write_double (out, json_node_get_double (node));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else
    g_string_append (out, "null");
}

static void
write_node (GString  *out,
            JsonNode *node,
            int       indent,
            guint     level)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      write_object (out, json_node_get_object (node), indent, level);
      break;

    case JSON_NODE_ARRAY:
      write_array (out, json_node_get_array (node), indent, level);
      break;

    case JSON_NODE_VALUE:
      write_value (out, node);
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append_len (out, "null", 4);
      break;
    }
}

void
glossa_json_write (GString  *out,
                   JsonNode *node,
                   int       indent)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (node != NULL);

  write_node (out, node, indent, 0);
}
