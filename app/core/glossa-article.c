/* glossa-article.c: the text of a news article, with code point offsets
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-article.h"
#include "glossa-error.h"
#include "glossa-storage.h"

/* Offsets in files are code points; the text is UTF-8. To convert quickly in
 * a 5 MB article we keep the byte position of every STRIDE-th code point and
 * walk at most STRIDE - 1 characters from there. A pure ASCII text needs no
 * table at all.
 */
#define STRIDE 64

/* The header "date YYYY-MM-DD" must appear this close to the start. */
#define DATE_SEARCH_BYTES 256

struct _GlossaArticle
{
  GObject  parent_instance;

  GFile   *file;
  char    *name;
  char    *text;      /* NUL-terminated, BOM removed */
  gsize    n_bytes;
  gint64   length;    /* in code points */
  char    *sha256;
  char    *date;      /* nullable, YYYY-MM-DD */
  gsize   *index;     /* byte of code point i * STRIDE; NULL if ASCII */
  gsize    index_len;
  guint    had_bom : 1;
};

G_DEFINE_FINAL_TYPE (GlossaArticle, glossa_article, G_TYPE_OBJECT)

static void
glossa_article_finalize (GObject *object)
{
  GlossaArticle *self = (GlossaArticle *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->index, g_free);

  G_OBJECT_CLASS (glossa_article_parent_class)->finalize (object);
}

static void
glossa_article_class_init (GlossaArticleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = glossa_article_finalize;
}

static void
glossa_article_init (GlossaArticle *self)
{
}

static gboolean
is_date_char_boundary (const char *text,
                       gsize       len,
                       gsize       pos)
{
  return pos >= len || g_ascii_isspace (text[pos]) || g_ascii_ispunct (text[pos]);
}

/**
 * glossa_article_find_date:
 *
 * Looks for a "date YYYY-MM-DD" header near the start of @text.
 *
 * Returns: (nullable): the date as "YYYY-MM-DD", or %NULL if there is no
 *   header or it is not a real calendar date.
 */
char *
glossa_article_find_date (const char *text,
                          gsize       len)
{
  gsize limit = MIN (len, DATE_SEARCH_BYTES);

  for (gsize i = 0; i + 15 <= len && i < limit; i++)
    {
      const char *p = text + i;
      guint year, month, day;

      if (memcmp (p, "date ", 5) != 0)
        continue;
      if (i > 0 && !g_ascii_isspace (text[i - 1]))
        continue;
      p += 5;
      if (!(g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
            g_ascii_isdigit (p[3]) && p[4] == '-' && g_ascii_isdigit (p[5]) &&
            g_ascii_isdigit (p[6]) && p[7] == '-' && g_ascii_isdigit (p[8]) &&
            g_ascii_isdigit (p[9])))
        continue;
      if (!is_date_char_boundary (text, len, i + 15))
        continue;

      year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
      month = (p[5] - '0') * 10 + (p[6] - '0');
      day = (p[8] - '0') * 10 + (p[9] - '0');
      if (year == 0 || !g_date_valid_dmy (day, month, year))
        return NULL;
      return g_strndup (p, 10);
    }

  return NULL;
}

static void
build_index (GlossaArticle *self)
{
  const char *p = self->text;
  const char *end = self->text + self->n_bytes;
  gboolean ascii = TRUE;
  gint64 count = 0;
  gsize n_alloc;

  for (gsize i = 0; i < self->n_bytes; i++)
    {
      if ((guchar) self->text[i] >= 0x80)
        {
          ascii = FALSE;
          break;
        }
    }

  if (ascii)
    {
      self->length = self->n_bytes;
      return;
    }

  n_alloc = self->n_bytes / STRIDE + 2;
  self->index = g_new (gsize, n_alloc);
  self->index_len = 0;

  while (p < end)
    {
      if (count % STRIDE == 0)
        self->index[self->index_len++] = p - self->text;
      p = g_utf8_next_char (p);
      count++;
    }
  if (count % STRIDE == 0)
    self->index[self->index_len++] = self->n_bytes;
  self->length = count;
}

GlossaArticle *
glossa_article_new_from_data (const char  *data,
                              gsize        len,
                              const char  *name,
                              GError     **error)
{
  g_autoptr(GlossaArticle) self = NULL;
  const char *invalid = NULL;
  gsize offset = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (name == NULL)
    name = "article";

  self = g_object_new (GLOSSA_TYPE_ARTICLE, NULL);
  self->name = g_strdup (name);

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      self->had_bom = TRUE;
      offset = 3;
    }

  if (!g_utf8_validate_len (data + offset, len - offset, &invalid))
    {
      gsize at = invalid - data;

      if (*invalid == '\0')
        g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING,
                     _("%s: the article contains a NUL byte at byte %zu, it is not a text file"), name, at);
      else
        g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING,
                     _("%s: the article is not valid UTF-8 at byte %zu (0x%02X)"), name, at, (guint) (guchar) *invalid);
      return NULL;
    }

  self->n_bytes = len - offset;
  self->text = g_malloc (self->n_bytes + 1);
  if (self->n_bytes > 0)
    memcpy (self->text, data + offset, self->n_bytes);
  self->text[self->n_bytes] = '\0';

  self->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                              (const guchar *) self->text,
                                              self->n_bytes);
  self->date = glossa_article_find_date (self->text, self->n_bytes);
  build_index (self);

  return g_steal_pointer (&self);
}

GlossaArticle *
glossa_article_load (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  GlossaArticle *self;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if (!glossa_storage_read_file (file, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL,
                                 cancellable, &local_error))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  self = glossa_article_new_from_data (contents, len, name, error);
  if (self != NULL)
    self->file = g_object_ref (file);
  return self;
}

GFile *
glossa_article_get_file (GlossaArticle *self)
{
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (self), NULL);
  return self->file;
}

const char *
glossa_article_get_name (GlossaArticle *self)
{
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (self), NULL);
  return self->name;
}

const char *
glossa_article_get_text (GlossaArticle *self)
{
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (self), NULL);
  return self->text;
}

gsize
glossa_article_get_n_bytes (GlossaArticle *self)
{
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (self), 0);
  return self->n_bytes;
}

gint64
glossa_article_get_length (GlossaArticle *self)
{
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (self), 0);
  return self->length;
}

const char *
glossa_article_get_sha256 (GlossaArticle *self)
{
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (self), NULL);
  return self->sha256;
}

const char *
glossa_article_get_date (GlossaArticle *self)
{
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (self), NULL);
  return self->date;
}

gboolean
glossa_article_had_bom (GlossaArticle *self)
{
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (self), FALSE);
  return self->had_bom;
}

/* Offsets outside [0, length] are clamped. */
gsize
glossa_article_offset_to_byte (GlossaArticle *self,
                               gint64         offset)
{
  const char *p;

  g_return_val_if_fail (GLOSSA_IS_ARTICLE (self), 0);

  if (offset <= 0)
    return 0;
  if (offset >= self->length)
    return self->n_bytes;
  if (self->index == NULL)
    return (gsize) offset;

  p = self->text + self->index[offset / STRIDE];
  for (gint64 i = offset % STRIDE; i > 0; i--)
    p = g_utf8_next_char (p);
  return p - self->text;
}

/* A byte inside a character counts as that character's offset. */
gint64
glossa_article_byte_to_offset (GlossaArticle *self,
                               gsize          byte)
{
  gsize lo, hi;
  gint64 offset;
  const char *p, *target;

  g_return_val_if_fail (GLOSSA_IS_ARTICLE (self), 0);

  if (byte >= self->n_bytes)
    return self->length;
  if (self->index == NULL)
    return (gint64) byte;

  /* The last index entry at or before @byte. */
  lo = 0;
  hi = self->index_len;
  while (hi - lo > 1)
    {
      gsize mid = (lo + hi) / 2;
      if (self->index[mid] <= byte)
        lo = mid;
      else
        hi = mid;
    }

  offset = (gint64) lo * STRIDE;
  p = self->text + self->index[lo];
  target = self->text + byte;
  while (p < target)
    {
      const char *next = g_utf8_next_char (p);
      if (next > target)
        break;
      p = next;
      offset++;
    }
  return offset;
}

char *
glossa_article_slice (GlossaArticle *self,
                      gint64         start,
                      gint64         end)
{
  gsize from, to;

  g_return_val_if_fail (GLOSSA_IS_ARTICLE (self), NULL);

  from = glossa_article_offset_to_byte (self, start);
  to = glossa_article_offset_to_byte (self, MAX (start, end));
  return g_strndup (self->text + from, to - from);
}

gboolean
glossa_article_slice_equals (GlossaArticle *self,
                             gint64         start,
                             gint64         end,
                             const char    *text)
{
  gsize from, to, len;

  g_return_val_if_fail (GLOSSA_IS_ARTICLE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (start < 0 || end < start || end > self->length)
    return FALSE;

  from = glossa_article_offset_to_byte (self, start);
  to = glossa_article_offset_to_byte (self, end);
  len = strlen (text);
  return len == to - from && memcmp (self->text + from, text, len) == 0;
}
