/* glossa-reanchor.c: moving spans onto a changed article by finding their text
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem() */
#define _GNU_SOURCE 1

#include "config.h"

#include <string.h>

#include "glossa-reanchor.h"
#include "glossa-span.h"
#include "glossa-storage.h"

/* Spans are placed in their old order (by start). Each one placed tells
 * how far the text around it moved (the shift), so after an insertion the
 * next span is found at once where the shift puts it; only a span whose
 * text moved differently from its predecessor's needs a search, which
 * costs about the distance it moved. Spans whose text is gone cost a full
 * window each, so all searching shares one budget proportional to the
 * article: past it, spans are only tried at their old place and where the
 * shift puts them. Nothing depends on anything but the input, so the same
 * input always gives the same result.
 */

#define BUDGET_PER_BYTE 16
#define BUDGET_CONSTANT (16 << 20)

typedef struct
{
  GlossaArticle *article;
  const char    *text;
  gsize          n_bytes;
  gint64         length;
  gint64         shift;     /* code points: where the last span placed moved */
  guint64        budget;    /* bytes that searching may still look at */
  GHashTable    *taken;     /* "start:end:label" of every span placed */
} Placer;

void
glossa_reanchor_free (GlossaReanchor *reanchor)
{
  if (reanchor == NULL)
    return;

  g_clear_pointer (&reanchor->annotations, glossa_annotations_free);
  g_clear_pointer (&reanchor->lost, g_ptr_array_unref);
  g_free (reanchor);
}

/* Whether @t (@len bytes) is the article's text from code point @start. */
static gboolean
text_at (Placer     *p,
         gint64      start,
         const char *t,
         gsize       len)
{
  gsize byte;

  if (start < 0 || start >= p->length)
    return FALSE;
  byte = glossa_article_offset_to_byte (p->article, start);
  return byte + len <= p->n_bytes && memcmp (p->text + byte, t, len) == 0;
}

static gboolean
spend (Placer *p,
       gsize   bytes)
{
  if (p->budget < bytes)
    return FALSE;
  p->budget -= bytes;
  return TRUE;
}

/* The last occurrence of @t starting in [from, before), or NULL. */
static const char *
last_before (Placer     *p,
             gsize       from,
             gsize       before,
             const char *t,
             gsize       len)
{
  const char *last = NULL;
  const char *q = p->text + from;
  const char *end = p->text + MIN (p->n_bytes, before - 1 + len);

  while (q < end && (q = memmem (q, end - q, t, len)) != NULL && q < p->text + before)
    last = q++;
  return last;
}

/* The occurrence of @t nearest to code point @center (in code points; a
 * tie goes to the earlier one), within GLOSSA_REANCHOR_WINDOW bytes.
 * A match of valid UTF-8 cannot start or end inside a character.
 */
static gboolean
find_nearest (Placer     *p,
              gint64      center,
              const char *t,
              gsize       len,
              gint64     *found)
{
  gsize c = glossa_article_offset_to_byte (p->article, CLAMP (center, 0, p->length));
  gsize lo = c > GLOSSA_REANCHOR_WINDOW ? c - GLOSSA_REANCHOR_WINDOW : 0;
  gsize hi = MIN (p->n_bytes, c + GLOSSA_REANCHOR_WINDOW + len);
  const char *after = NULL, *before = NULL;
  gsize from = lo;

  if (!spend (p, hi - lo))
    return FALSE;

  if (c < hi)
    after = memmem (p->text + c, hi - c, t, len);
  /* A character is at most 4 bytes: an earlier match nearer in code
   * points is at most 4 times as far in bytes.
   */
  if (after != NULL)
    {
      gsize distance = (gsize) (after - (p->text + c));

      if (distance * 4 < c - lo)
        from = c - distance * 4;
    }
  if (c > from)
    before = last_before (p, from, c, t, len);

  if (before == NULL && after == NULL)
    return FALSE;
  if (before != NULL && after != NULL)
    {
      gint64 b = glossa_article_byte_to_offset (p->article, before - p->text);
      gint64 a = glossa_article_byte_to_offset (p->article, after - p->text);

      *found = center - b <= a - center ? b : a;
    }
  else
    *found = glossa_article_byte_to_offset (p->article, (before ? before : after) - p->text);
  return TRUE;
}

/* Where @span goes in the new article, or -1. */
static gint64
place (Placer           *p,
       const GlossaSpan *span)
{
  gsize len = strlen (span->text);
  gint64 expected = span->start + p->shift;
  gint64 found;

  if (len == 0)
    return -1;
  /* Where the spans before it went first: in repetitive text, a span's
   * words may well be at its old offsets by chance after an insertion.
   */
  if (text_at (p, expected, span->text, len))
    return expected;
  if (p->shift != 0 && text_at (p, span->start, span->text, len))
    return span->start;
  if (find_nearest (p, expected, span->text, len, &found))
    return found;
  return -1;
}

/* Takes the place (start, end, label) unless a span placed before has it:
 * two spans of one label found at one place would be one span.
 */
static gboolean
take (Placer      *p,
      gint64       start,
      gint64       end,
      GlossaLabel  label)
{
  char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d", start, end, (int) label);

  if (g_hash_table_contains (p->taken, key))
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_add (p->taken, key);
  return TRUE;
}

static GlossaAnnotations *
annotations_for_article (const GlossaAnnotations *old,
                         GlossaArticle           *article)
{
  GlossaAnnotations *annotations = glossa_annotations_new ();

  annotations->doc_id = g_strdup (old->doc_id);
  annotations->file = g_strdup (old->file);
  annotations->sha256 = g_strdup (glossa_article_get_sha256 (article));
  annotations->length = glossa_article_get_length (article);
  annotations->date = g_strdup (old->date);
  annotations->status = old->status;
  g_free (annotations->annotator);
  annotations->annotator = g_strdup (old->annotator);
  if (old->document_extra != NULL)
    annotations->document_extra = json_object_ref (old->document_extra);
  if (old->extra != NULL)
    annotations->extra = json_object_ref (old->extra);
  return annotations;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return glossa_span_compare (*(GlossaSpan * const *) a, *(GlossaSpan * const *) b);
}

GlossaReanchor *
glossa_reanchor (const GlossaAnnotations *old,
                 GlossaArticle           *article)
{
  GlossaReanchor *reanchor;
  Placer p = { 0 };

  g_return_val_if_fail (old != NULL, NULL);
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (article), NULL);

  p.article = article;
  p.text = glossa_article_get_text (article);
  p.n_bytes = glossa_article_get_n_bytes (article);
  p.length = glossa_article_get_length (article);
  p.budget = (guint64) p.n_bytes * BUDGET_PER_BYTE + BUDGET_CONSTANT;
  p.taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  reanchor = g_new0 (GlossaReanchor, 1);
  reanchor->annotations = annotations_for_article (old, article);
  reanchor->lost = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);

  for (guint i = 0; i < old->spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (old->spans, i);
      gint64 start = place (&p, span);
      gint64 end = start + (span->end - span->start);
      GlossaSpan *placed;

      if (start < 0 || !take (&p, start, end, span->label))
        {
          g_ptr_array_add (reanchor->lost, glossa_span_ref (span));
          continue;
        }

      p.shift = start - span->start;
      if (start == span->start)
        {
          placed = glossa_span_ref (span);
          reanchor->n_unchanged++;
        }
      else
        {
          placed = glossa_span_copy (span);
          placed->start = start;
          placed->end = end;
          reanchor->n_moved++;
        }
      g_ptr_array_add (reanchor->annotations->spans, placed);
    }

  /* Spans moved by different shifts may have changed order. */
  g_ptr_array_sort (reanchor->annotations->spans, compare_spans);
  g_hash_table_unref (p.taken);
  return reanchor;
}

GlossaReanchor *
glossa_reanchor_file (GFile         *annotations_file,
                      GlossaArticle *article,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GlossaAnnotations) old = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (annotations_file), NULL);
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (article), NULL);

  if (!glossa_storage_read_file (annotations_file, GLOSSA_STORAGE_READ_LIMIT, &contents, &len,
                                 NULL, cancellable, error))
    return NULL;

  name = g_file_get_parse_name (annotations_file);
  if (!(old = glossa_format_read (contents, len, name, NULL, error)))
    return NULL;
  return glossa_reanchor (old, article);
}
