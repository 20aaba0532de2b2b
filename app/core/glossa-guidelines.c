/* glossa-guidelines.c: a corpus's annotation guidelines, found, read and parsed from a Markdown subset
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "glossa-error.h"
#include "glossa-guidelines.h"
#include "glossa-storage.h"

const char * const glossa_guidelines_names[] = { "GUIDELINES.md", "GUIDELINES.txt", NULL };

/* An autolink's target longer than this is not one (it bounds the scan). */
#define MAX_AUTOLINK 2048

static void
run_free (gpointer data)
{
  GlossaGuidelinesRun *run = data;

  g_free (run->text);
  g_free (run->url);
  g_free (run);
}

static void
block_free (gpointer data)
{
  GlossaGuidelinesBlock *block = data;

  g_ptr_array_unref (block->runs);
  g_free (block);
}

void
glossa_guidelines_free (GlossaGuidelines *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->blocks);
  g_free (self);
}

/* Appends @len bytes of @text in @style to @runs (callers join adjacent
 * text of the same style first, so runs are never merged here).
 */
static void
add_run (GPtrArray             *runs,
         const char            *text,
         gsize                  len,
         GlossaGuidelinesStyle  style,
         const char            *url)
{
  GlossaGuidelinesRun *run;

  if (len == 0)
    return;
  run = g_new0 (GlossaGuidelinesRun, 1);
  run->text = g_strndup (text, len);
  run->style = style;
  run->url = g_strdup (url);
  g_ptr_array_add (runs, run);
}

/* Inline parsing. The text is cut into pieces: plain text, code spans,
 * delimiter runs (*, **, ***, and the same with _) and link boundaries.
 * Delimiters are then paired, each closer with the nearest opener of the
 * same kind (CommonMark's rule, simplified: a closer pairs only with an
 * opener of its own length), and the openers between a pair are dropped,
 * so that pairs nest. Whatever is not paired is shown as written.
 * Everything is linear in the text's length: a 1 MB line of delimiters
 * is parsed as fast as a 1 MB line of words.
 */
typedef enum
{
  PIECE_TEXT,
  PIECE_DELIMITER,
  PIECE_LINK_OPEN,
  PIECE_LINK_CLOSE,
} PieceKind;

typedef struct
{
  PieceKind              kind;
  char                  *text;   /* the text, or the delimiter as written */
  char                  *url;    /* PIECE_LINK_OPEN */
  GlossaGuidelinesStyle  style;  /* PIECE_TEXT: CODE for a code span */
  guint                  stack;  /* PIECE_DELIMITER: which stack, see stack_of() */
  guint                  opens : 1;
  guint                  closes : 1;
} Piece;

#define N_STACKS 6

typedef struct
{
  const char *text;
  gsize       len;
  GArray     *pieces;
  GString    *literal;
  /* Indices of the unpaired openers, one stack per delimiter kind. */
  GArray     *stacks[N_STACKS];
  /* The open link's piece, or -1; its ] and the ) after its target. */
  gssize      link_piece;
  gsize       link_end;
  gsize       link_after;
  /* Backtick runs: their starts and lengths, and for each the next run
   * of the same length (or -1), found in one pass.
   */
  GArray     *tick_start;
  GArray     *tick_len;
  GArray     *tick_next;
  guint       tick_cursor;
  /* The last scans for brackets and parentheses: scans only go forward. */
  gsize       bracket_from;
  gssize      bracket_at;
  gsize       paren_from;
  gssize      paren_at;
} Inline;

static void
piece_clear (gpointer data)
{
  Piece *piece = data;

  g_free (piece->text);
  g_free (piece->url);
}

static void
flush_literal (Inline *in)
{
  Piece piece = { PIECE_TEXT, NULL, NULL, 0, 0, 0, 0 };

  if (in->literal->len == 0)
    return;
  piece.text = g_strndup (in->literal->str, in->literal->len);
  g_array_append_val (in->pieces, piece);
  g_string_truncate (in->literal, 0);
}

static void
add_piece (Inline     *in,
           PieceKind   kind,
           const char *text,
           gsize       len)
{
  Piece piece = { kind, g_strndup (text, len), NULL, 0, 0, 0, 0 };

  flush_literal (in);
  g_array_append_val (in->pieces, piece);
}

/* The character before @at (a space at the start), and at @at. */
static gunichar
char_before (Inline *in,
             gsize   at)
{
  const char *prev;

  if (at == 0)
    return ' ';
  prev = g_utf8_find_prev_char (in->text, in->text + at);
  return prev != NULL ? g_utf8_get_char (prev) : ' ';
}

static gunichar
char_at (Inline *in,
         gsize   at)
{
  return at < in->len ? g_utf8_get_char (in->text + at) : ' ';
}

static gboolean
is_punct (gunichar c)
{
  return c < 128 ? g_ascii_ispunct (c) : g_unichar_ispunct (c);
}

static guint
stack_of (char  delimiter,
          gsize count)
{
  return (delimiter == '*' ? 0 : 3) + (guint) count - 1;
}

/* Drops the openers after piece @after from every stack: a pair around
 * them means they can no longer be closed inside it.
 */
static void
drop_openers_after (Inline *in,
                    gssize  after)
{
  for (guint i = 0; i < N_STACKS; i++)
    while (in->stacks[i]->len > 0
           && (gssize) g_array_index (in->stacks[i], guint, in->stacks[i]->len - 1) > after)
      g_array_set_size (in->stacks[i], in->stacks[i]->len - 1);
}

static void
add_delimiter (Inline *in,
               gsize   at,
               gsize   count)
{
  char c = in->text[at];
  gunichar before = char_before (in, at);
  gunichar after = char_at (in, at + count);
  gboolean left = !g_unichar_isspace (after) && (!is_punct (after) || g_unichar_isspace (before) || is_punct (before));
  gboolean right = !g_unichar_isspace (before) && (!is_punct (before) || g_unichar_isspace (after) || is_punct (after));
  gboolean can_open = c == '*' ? left : left && (!right || is_punct (before));
  gboolean can_close = c == '*' ? right : right && (!left || is_punct (after));
  guint index;
  GArray *stack;

  add_piece (in, PIECE_DELIMITER, in->text + at, count);
  if (count > 3)
    return;
  index = in->pieces->len - 1;
  g_array_index (in->pieces, Piece, index).stack = stack_of (c, count);
  stack = in->stacks[stack_of (c, count)];

  if (can_close && stack->len > 0)
    {
      guint opener = g_array_index (stack, guint, stack->len - 1);

      /* Never pair across a link's boundary. */
      if ((gssize) opener > in->link_piece)
        {
          g_array_index (in->pieces, Piece, opener).opens = TRUE;
          g_array_index (in->pieces, Piece, index).closes = TRUE;
          drop_openers_after (in, (gssize) opener - 1);
          return;
        }
    }
  if (can_open)
    g_array_append_val (stack, index);
}

/* Backtick runs, found once, so that finding a code span's end never scans
 * the rest of the text again.
 */
static void
find_tick_runs (Inline *in)
{
  g_autoptr(GHashTable) next_of_length = g_hash_table_new (NULL, NULL);

  for (gsize i = 0; i < in->len; i++)
    if (in->text[i] == '`')
      {
        gsize start = i;

        while (i + 1 < in->len && in->text[i + 1] == '`')
          i++;
        g_array_append_val (in->tick_start, start);
        start = i - start + 1;
        g_array_append_val (in->tick_len, start);
      }

  g_array_set_size (in->tick_next, in->tick_start->len);
  for (guint k = in->tick_start->len; k-- > 0;)
    {
      gsize length = g_array_index (in->tick_len, gsize, k);
      gpointer next;
      gssize found = -1;

      if (g_hash_table_lookup_extended (next_of_length, GSIZE_TO_POINTER (length), NULL, &next))
        found = GPOINTER_TO_SIZE (next);
      g_array_index (in->tick_next, gssize, k) = found;
      g_hash_table_insert (next_of_length, GSIZE_TO_POINTER (length), GSIZE_TO_POINTER (k));
    }
}

/* At a backtick run starting at @at: a code span up to the next run of the
 * same length, or the run as written. Returns where to go on.
 */
static gsize
add_code_span (Inline *in,
               gsize   at)
{
  gsize limit = in->link_piece >= 0 ? in->link_end : in->len;
  gsize length, content, end;
  gssize next;
  Piece piece = { PIECE_TEXT, NULL, NULL, GLOSSA_GUIDELINES_STYLE_CODE, 0, 0, 0 };

  while (in->tick_cursor < in->tick_start->len
         && g_array_index (in->tick_start, gsize, in->tick_cursor) < at)
    in->tick_cursor++;
  /* Runs are consumed whole, so @at starts one; if not, it is text. */
  if (in->tick_cursor >= in->tick_start->len
      || g_array_index (in->tick_start, gsize, in->tick_cursor) != at)
    {
      g_string_append_c (in->literal, '`');
      return at + 1;
    }
  length = g_array_index (in->tick_len, gsize, in->tick_cursor);
  next = g_array_index (in->tick_next, gssize, in->tick_cursor);
  if (next < 0 || g_array_index (in->tick_start, gsize, next) >= limit)
    {
      g_string_append_len (in->literal, in->text + at, length);
      return at + length;
    }

  content = at + length;
  end = g_array_index (in->tick_start, gsize, next);
  /* One space on both sides is padding (`` `x` ``). */
  if (end - content >= 2 && in->text[content] == ' ' && in->text[end - 1] == ' ')
    content++, end--;
  flush_literal (in);
  piece.text = g_strndup (in->text + content, end - content);
  g_array_append_val (in->pieces, piece);
  return g_array_index (in->tick_start, gsize, next) + length;
}

/* The next [ or ] at or after @from, or -1. */
static gssize
next_bracket (Inline *in,
              gsize   from)
{
  if (in->bracket_at >= (gssize) from && from >= in->bracket_from)
    return in->bracket_at;
  in->bracket_from = from;
  for (gsize i = from; i < in->len; i++)
    if (in->text[i] == '[' || in->text[i] == ']')
      return in->bracket_at = i;
  in->bracket_at = in->len;
  return in->len;
}

static gssize
next_paren (Inline *in,
            gsize   from)
{
  if (in->paren_at >= (gssize) from && from >= in->paren_from)
    return in->paren_at;
  in->paren_from = from;
  for (gsize i = from; i < in->len; i++)
    if (in->text[i] == ')')
      return in->paren_at = i;
  in->paren_at = in->len;
  return in->len;
}

/* At a [: a link [text](target) opens, or the [ is text. */
static gboolean
open_link (Inline *in,
           gsize   at)
{
  gsize close = next_bracket (in, at + 1);
  gsize paren;
  Piece piece = { PIECE_LINK_OPEN, NULL, NULL, 0, 0, 0, 0 };

  if (close >= in->len || in->text[close] != ']' || close + 1 >= in->len || in->text[close + 1] != '(')
    return FALSE;
  paren = next_paren (in, close + 2);
  if (paren >= in->len)
    return FALSE;
  for (gsize i = close + 2; i < paren; i++)
    if (g_ascii_isspace (in->text[i]))
      return FALSE;

  flush_literal (in);
  piece.url = g_strndup (in->text + close + 2, paren - close - 2);
  g_array_append_val (in->pieces, piece);
  in->link_piece = in->pieces->len - 1;
  in->link_end = close;
  in->link_after = paren + 1;
  return TRUE;
}

static gsize
close_link (Inline *in)
{
  gsize after = in->link_after;

  add_piece (in, PIECE_LINK_CLOSE, "", 0);
  drop_openers_after (in, in->link_piece);
  in->link_piece = -1;
  return after;
}

/* <https://…>: a link shown as its target. Returns where to go on, or @at. */
static gsize
add_autolink (Inline *in,
              gsize   at)
{
  static const char * const schemes[] = { "http://", "https://", "mailto:", NULL };
  const char *start = in->text + at + 1;
  gboolean known = FALSE;
  Piece piece = { PIECE_LINK_OPEN, NULL, NULL, 0, 0, 0, 0 };
  gsize end;

  for (guint i = 0; schemes[i] != NULL; i++)
    known |= g_ascii_strncasecmp (start, schemes[i], strlen (schemes[i])) == 0;
  if (!known || in->link_piece >= 0)
    return at;
  for (end = at + 1; end < in->len && end - at < MAX_AUTOLINK; end++)
    if (in->text[end] == '>' || in->text[end] == '<' || g_ascii_isspace (in->text[end]))
      break;
  if (end >= in->len || in->text[end] != '>')
    return at;

  flush_literal (in);
  piece.url = g_strndup (start, end - at - 1);
  g_array_append_val (in->pieces, piece);
  g_string_append (in->literal, piece.url);
  add_piece (in, PIECE_LINK_CLOSE, "", 0);
  return end + 1;
}

static void
scan_inline (Inline *in)
{
  gsize i = 0;

  while (i < in->len)
    {
      char c = in->text[i];
      gsize next;

      if (in->link_piece >= 0 && i >= in->link_end)
        i = close_link (in);
      else if (c == '\\' && i + 1 < in->len && in->text[i + 1] == '`')
        {
          /* An escaped backtick makes its whole run plain text. */
          gsize end = i + 1;

          while (end < in->len && in->text[end] == '`')
            end++;
          g_string_append_len (in->literal, in->text + i + 1, end - i - 1);
          i = end;
        }
      else if (c == '\\' && i + 1 < in->len && g_ascii_ispunct (in->text[i + 1])
               && !(in->link_piece >= 0 && i + 1 == in->link_end))
        g_string_append_c (in->literal, in->text[i + 1]), i += 2;
      else if (c == '`')
        i = add_code_span (in, i);
      else if (c == '*' || c == '_')
        {
          gsize end = i;

          while (end < in->len && in->text[end] == c)
            end++;
          add_delimiter (in, i, end - i);
          i = end;
        }
      else if (c == '[' && in->link_piece < 0 && open_link (in, i))
        i++;
      else if (c == '!' && i + 1 < in->len && in->text[i + 1] == '[' && in->link_piece < 0 && open_link (in, i + 1))
        i += 2;
      else if (c == '<' && (next = add_autolink (in, i)) != i)
        i = next;
      else
        g_string_append_c (in->literal, c), i++;
    }
  flush_literal (in);
}

/* Walks the pieces with the styles the paired delimiters turn on and off,
 * gathering text until the style or the link changes.
 */
static void
emit_runs (Inline    *in,
           GPtrArray *runs)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GlossaGuidelinesStyle current = 0;
  const char *current_url = NULL;
  guint bold = 0, emphasis = 0;
  const char *url = NULL;

  for (guint i = 0; i < in->pieces->len; i++)
    {
      Piece *piece = &g_array_index (in->pieces, Piece, i);
      gsize count = piece->text != NULL ? strlen (piece->text) : 0;
      GlossaGuidelinesStyle style = piece->style;

      if (piece->kind == PIECE_LINK_OPEN)
        url = piece->url;
      else if (piece->kind == PIECE_LINK_CLOSE)
        url = NULL;
      else if (piece->kind == PIECE_DELIMITER && (piece->opens || piece->closes))
        {
          int step = piece->opens ? 1 : -1;

          if (count != 2)
            emphasis += step;
          if (count != 1)
            bold += step;
        }
      else if (count > 0)
        {
          style |= (bold > 0 ? GLOSSA_GUIDELINES_STYLE_BOLD : 0)
                 | (emphasis > 0 ? GLOSSA_GUIDELINES_STYLE_EMPHASIS : 0)
                 | (url != NULL ? GLOSSA_GUIDELINES_STYLE_LINK : 0);
          if (style != current || g_strcmp0 (url, current_url) != 0)
            {
              add_run (runs, text->str, text->len, current, current_url);
              g_string_truncate (text, 0);
              current = style;
              current_url = url;
            }
          g_string_append_len (text, piece->text, count);
        }
    }
  add_run (runs, text->str, text->len, current, current_url);
}

/* The runs of @len bytes of @text (valid UTF-8). */
static GPtrArray *
parse_inline (const char *text,
              gsize       len)
{
  GPtrArray *runs = g_ptr_array_new_with_free_func (run_free);
  Inline in = { text, len, NULL, NULL, { NULL }, -1, 0, 0, NULL, NULL, NULL, 0, 0, -1, 0, -1 };

  in.pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_array_set_clear_func (in.pieces, piece_clear);
  in.literal = g_string_new (NULL);
  for (guint i = 0; i < N_STACKS; i++)
    in.stacks[i] = g_array_new (FALSE, FALSE, sizeof (guint));
  in.tick_start = g_array_new (FALSE, FALSE, sizeof (gsize));
  in.tick_len = g_array_new (FALSE, FALSE, sizeof (gsize));
  in.tick_next = g_array_new (FALSE, FALSE, sizeof (gssize));
  if (memchr (text, '`', len) != NULL)
    find_tick_runs (&in);

  scan_inline (&in);
  emit_runs (&in, runs);

  g_array_unref (in.pieces);
  g_string_free (in.literal, TRUE);
  for (guint i = 0; i < N_STACKS; i++)
    g_array_unref (in.stacks[i]);
  g_array_unref (in.tick_start);
  g_array_unref (in.tick_len);
  g_array_unref (in.tick_next);
  return runs;
}

/* Block parsing, a line at a time. The open block's text gathers in
 * pending until a blank line or another block's start closes it.
 */
typedef struct
{
  GlossaGuidelines          *result;
  gboolean                   plain;
  gboolean                   open;
  GlossaGuidelinesBlockKind  kind;
  guint                      level;
  guint                      number;
  GString                   *pending;
  /* The indents of the open lists' levels, outermost first. */
  GArray                    *list_indents;
  gboolean                   in_fence;
  char                       fence;
} Blocks;

static GlossaGuidelinesBlock *
add_block (Blocks                    *b,
           GlossaGuidelinesBlockKind  kind,
           guint                      level,
           guint                      number)
{
  GlossaGuidelinesBlock *block = g_new0 (GlossaGuidelinesBlock, 1);

  block->kind = kind;
  block->level = level;
  block->number = number;
  block->runs = g_ptr_array_new_with_free_func (run_free);
  g_ptr_array_add (b->result->blocks, block);
  return block;
}

static void
close_block (Blocks *b)
{
  GlossaGuidelinesBlock *block;

  if (!b->open)
    return;
  b->open = FALSE;
  block = add_block (b, b->kind, b->level, b->number);
  if (b->plain)
    add_run (block->runs, b->pending->str, b->pending->len, 0, NULL);
  else
    {
      g_ptr_array_unref (block->runs);
      block->runs = parse_inline (b->pending->str, b->pending->len);
    }
  g_string_truncate (b->pending, 0);
}

static void
open_block (Blocks                    *b,
            GlossaGuidelinesBlockKind  kind,
            guint                      level,
            guint                      number)
{
  close_block (b);
  b->open = TRUE;
  b->kind = kind;
  b->level = level;
  b->number = number;
}

/* Adds a line's text to the open block: lines are joined with a space,
 * or a line break after a line ending in two spaces or a backslash.
 */
static void
append_text (Blocks     *b,
             const char *text,
             gsize       len)
{
  while (len > 0 && (*text == ' ' || *text == '\t'))
    text++, len--;
  if (b->pending->len > 0)
    {
      gsize n = b->pending->len;
      const char *s = b->pending->str;
      gboolean hard = (n >= 2 && s[n - 1] == ' ' && s[n - 2] == ' ') || s[n - 1] == '\\';

      while (b->pending->len > 0 && (b->pending->str[b->pending->len - 1] == ' '
                                     || b->pending->str[b->pending->len - 1] == '\t'
                                     || (hard && b->pending->str[b->pending->len - 1] == '\\')))
        g_string_truncate (b->pending, b->pending->len - 1);
      g_string_append_c (b->pending, hard ? '\n' : ' ');
    }
  g_string_append_len (b->pending, text, len);
}

/* Leading white space as columns (a tab is 4); sets *@skip to its bytes. */
static gsize
indent_of (const char *line,
           gsize       len,
           gsize      *skip)
{
  gsize cols = 0, i = 0;

  for (; i < len && (line[i] == ' ' || line[i] == '\t'); i++)
    cols += line[i] == '\t' ? 4 : 1;
  *skip = i;
  return cols;
}

static gboolean
is_blank (const char *line,
          gsize       len)
{
  gsize skip;

  indent_of (line, len, &skip);
  return skip == len;
}

/* ---, ***, ___ (three or more, spaces allowed between). */
static gboolean
is_rule (const char *s,
         gsize       len)
{
  guint count = 0;

  if (len == 0 || (s[0] != '-' && s[0] != '*' && s[0] != '_'))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == s[0])
        count++;
      else if (s[i] != ' ' && s[i] != '\t')
        return FALSE;
    }
  return count >= 3;
}

static gboolean
is_fence (const char *s,
          gsize       len,
          char        fence)
{
  return len >= 3 && (fence == 0 ? (s[0] == '`' || s[0] == '~') : s[0] == fence)
      && s[1] == s[0] && s[2] == s[0];
}

/* The depth of a list item indented @cols columns. */
static guint
list_depth (Blocks *b,
            gsize   cols)
{
  GArray *indents = b->list_indents;

  while (indents->len > 0 && g_array_index (indents, gsize, indents->len - 1) > cols)
    g_array_set_size (indents, indents->len - 1);
  if (indents->len == 0 || g_array_index (indents, gsize, indents->len - 1) < cols)
    g_array_append_val (indents, cols);
  return MIN (indents->len - 1, GLOSSA_GUIDELINES_MAX_DEPTH);
}

static gboolean
parse_heading (Blocks     *b,
               const char *s,
               gsize       len)
{
  guint level = 0;
  GlossaGuidelinesBlock *block;
  gsize end;

  while (level < len && s[level] == '#')
    level++;
  if (level == 0 || level > 6 || (level < len && s[level] != ' ' && s[level] != '\t'))
    return FALSE;

  close_block (b);
  g_array_set_size (b->list_indents, 0);
  s += level, len -= level;
  while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
    len--;
  /* A closing run of # after a space is not part of the title. */
  end = len;
  while (end > 0 && s[end - 1] == '#')
    end--;
  if (end == 0 || s[end - 1] == ' ' || s[end - 1] == '\t')
    len = end;
  while (len > 0 && (*s == ' ' || *s == '\t'))
    s++, len--;
  while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
    len--;
  block = add_block (b, GLOSSA_GUIDELINES_HEADING, level, 0);
  g_ptr_array_unref (block->runs);
  block->runs = parse_inline (s, len);
  return TRUE;
}

static gboolean
parse_quote (Blocks     *b,
             const char *s,
             gsize       len)
{
  guint depth = 0;

  if (len == 0 || s[0] != '>')
    return FALSE;
  while (len > 0 && (*s == '>' || *s == ' ' || *s == '\t'))
    depth += *s == '>', s++, len--;
  depth = MIN (depth, GLOSSA_GUIDELINES_MAX_DEPTH);
  g_array_set_size (b->list_indents, 0);

  if (len == 0)
    close_block (b);
  else
    {
      if (!b->open || b->kind != GLOSSA_GUIDELINES_QUOTE || b->level != depth)
        open_block (b, GLOSSA_GUIDELINES_QUOTE, depth, 0);
      append_text (b, s, len);
    }
  return TRUE;
}

static gboolean
parse_item (Blocks     *b,
            gsize       cols,
            const char *s,
            gsize       len)
{
  gsize digits = 0;
  guint64 number = 0;

  if (len >= 1 && (s[0] == '-' || s[0] == '*' || s[0] == '+')
      && (len == 1 || s[1] == ' ' || s[1] == '\t'))
    {
      open_block (b, GLOSSA_GUIDELINES_BULLET, list_depth (b, cols), 0);
      append_text (b, s + 1, len - 1);
      return TRUE;
    }

  while (digits < len && digits < 9 && g_ascii_isdigit (s[digits]))
    number = number * 10 + (guint64) (s[digits++] - '0');
  if (digits == 0 || digits >= len || (s[digits] != '.' && s[digits] != ')')
      || (digits + 1 < len && s[digits + 1] != ' ' && s[digits + 1] != '\t'))
    return FALSE;
  open_block (b, GLOSSA_GUIDELINES_NUMBERED, list_depth (b, cols), (guint) number);
  append_text (b, s + digits + 1, len - digits - 1);
  return TRUE;
}

static void
parse_fenced (Blocks     *b,
              const char *line,
              gsize       len)
{
  gsize skip;

  indent_of (line, len, &skip);
  if (is_fence (line + skip, len - skip, b->fence))
    {
      GlossaGuidelinesBlock *block = add_block (b, GLOSSA_GUIDELINES_CODE, 0, 0);

      if (b->pending->len > 0)
        g_string_truncate (b->pending, b->pending->len - 1);
      add_run (block->runs, b->pending->str, b->pending->len, GLOSSA_GUIDELINES_STYLE_CODE, NULL);
      g_string_truncate (b->pending, 0);
      b->in_fence = FALSE;
      return;
    }
  g_string_append_len (b->pending, line, len);
  g_string_append_c (b->pending, '\n');
}

static void
parse_line (Blocks     *b,
            const char *line,
            gsize       len)
{
  gsize skip;
  gsize cols = indent_of (line, len, &skip);
  const char *s = line + skip;
  gsize rest = len - skip;

  if (b->in_fence)
    {
      parse_fenced (b, line, len);
      return;
    }
  if (is_blank (line, len))
    {
      close_block (b);
      return;
    }
  if (b->plain)
    {
      if (!b->open)
        open_block (b, GLOSSA_GUIDELINES_PARAGRAPH, 0, 0);
      else
        g_string_append_c (b->pending, '\n');
      g_string_append_len (b->pending, line, len);
      return;
    }

  if (cols < 4 && is_fence (s, rest, 0))
    {
      close_block (b);
      b->in_fence = TRUE;
      b->fence = s[0];
      return;
    }
  if (cols < 4 && parse_heading (b, s, rest))
    return;
  if (cols < 4 && is_rule (s, rest))
    {
      close_block (b);
      g_array_set_size (b->list_indents, 0);
      add_block (b, GLOSSA_GUIDELINES_RULE, 0, 0);
      return;
    }
  if (cols < 4 && parse_quote (b, s, rest))
    return;
  if (parse_item (b, cols, s, rest))
    return;

  /* Any other line goes on the open block, or starts a paragraph. */
  if (!b->open)
    {
      if (cols == 0)
        g_array_set_size (b->list_indents, 0);
      open_block (b, GLOSSA_GUIDELINES_PARAGRAPH, 0, 0);
    }
  append_text (b, s, rest);
}

/* Refuses text that is not UTF-8 or holds a NUL, naming line and byte.
 * @offset is where @text starts in the file (after a byte-order mark).
 */
static gboolean
check_text (const char  *text,
            gsize        length,
            gsize        offset,
            const char  *name,
            GError     **error)
{
  const char *end;
  gsize at;
  guint line = 1;

  if (g_utf8_validate_len (text, length, &end))
    return TRUE;

  at = end - text;
  for (const char *p = text; p < end; p++)
    line += *p == '\n';
  if (*end == '\0')
    g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING,
                 _("%s:%u: a NUL byte at byte %zu: the guidelines must be plain text"),
                 name, line, at + offset);
  else
    g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING,
                 _("%s:%u: the guidelines are not valid UTF-8 at byte %zu (0x%02X)"),
                 name, line, at + offset, (guint) (guchar) *end);
  return FALSE;
}

GlossaGuidelines *
glossa_guidelines_parse (const char  *text,
                         gsize        length,
                         const char  *name,
                         gboolean     plain,
                         GError     **error)
{
  Blocks b = { NULL, plain, FALSE, 0, 0, 0, NULL, NULL, FALSE, 0 };
  gsize offset = 0;
  const char *end;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    offset = 3;
  if (!check_text (text + offset, length - offset, offset, name, error))
    return NULL;

  b.result = g_new0 (GlossaGuidelines, 1);
  b.result->blocks = g_ptr_array_new_with_free_func (block_free);
  b.pending = g_string_new (NULL);
  b.list_indents = g_array_new (FALSE, FALSE, sizeof (gsize));

  end = text + length;
  for (const char *line = text + offset; line < end;)
    {
      const char *nl = memchr (line, '\n', end - line);
      gsize len = (nl != NULL ? nl : end) - line;

      parse_line (&b, line, len > 0 && line[len - 1] == '\r' ? len - 1 : len);
      line += len + (nl != NULL);
    }
  /* An unclosed fence runs to the end, as in CommonMark. */
  if (b.in_fence)
    {
      char fence[3] = { b.fence, b.fence, b.fence };

      parse_fenced (&b, fence, sizeof fence);
    }
  close_block (&b);

  g_string_free (b.pending, TRUE);
  g_array_unref (b.list_indents);
  return b.result;
}

GPtrArray *
glossa_guidelines_search_path (GFile *folder,
                               GFile *root)
{
  GPtrArray *path = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) dir = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  dir = g_object_ref (folder);
  /* Above @folder only while inside @root: a @root that does not hold
   * @folder gives @folder alone.
   */
  while (dir != NULL)
    {
      GFile *parent;

      g_ptr_array_add (path, g_object_ref (dir));
      if (root == NULL || g_file_equal (dir, root) || !g_file_has_prefix (dir, root))
        break;
      parent = g_file_get_parent (dir);
      g_set_object (&dir, parent);
      g_clear_object (&parent);
    }
  return path;
}

GFile *
glossa_guidelines_find (GFile *folder,
                        GFile *root)
{
  g_autoptr(GPtrArray) path = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  path = glossa_guidelines_search_path (folder, root);
  for (guint i = 0; i < path->len; i++)
    for (guint n = 0; glossa_guidelines_names[n] != NULL; n++)
      {
        g_autoptr(GFile) file = g_file_get_child (g_ptr_array_index (path, i), glossa_guidelines_names[n]);
        GStatBuf st;

        /* lstat: a dangling link or a loop is found, and its read says why. */
        if (g_file_peek_path (file) != NULL && g_lstat (g_file_peek_path (file), &st) == 0)
          return g_steal_pointer (&file);
      }
  return NULL;
}

GlossaGuidelines *
glossa_guidelines_load (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!glossa_storage_read_file (file, GLOSSA_GUIDELINES_MAX_SIZE, &contents, &length, NULL, cancellable, error))
    return NULL;
  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);
  return glossa_guidelines_parse (contents, length, name, g_str_has_suffix (basename, ".txt"), error);
}

typedef struct
{
  GFile            *folder;
  GFile            *root;
  GFile            *found;
  GlossaGuidelines *guidelines;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->folder);
  g_clear_object (&load->root);
  g_clear_object (&load->found);
  g_clear_pointer (&load->guidelines, glossa_guidelines_free);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  GError *error = NULL;

  load->found = glossa_guidelines_find (load->folder, load->root);
  if (load->found == NULL)
    {
      g_autofree char *where = g_file_get_parse_name (load->folder);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There is no GUIDELINES.md or GUIDELINES.txt in “%s” or above it"), where);
      return;
    }
  load->guidelines = glossa_guidelines_load (load->found, cancellable, &error);
  if (load->guidelines == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
glossa_guidelines_load_async (GFile               *folder,
                              GFile               *root,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (root == NULL || G_IS_FILE (root));

  load = g_new0 (LoadData, 1);
  load->folder = g_object_ref (folder);
  load->root = root != NULL ? g_object_ref (root) : NULL;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, glossa_guidelines_load_async);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

GlossaGuidelines *
glossa_guidelines_load_finish (GAsyncResult  *result,
                               GFile        **file,
                               GError       **error)
{
  LoadData *load;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  load = g_task_get_task_data (G_TASK (result));
  if (file != NULL)
    *file = load->found != NULL ? g_object_ref (load->found) : NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_steal_pointer (&load->guidelines);
}
