/* fuzz-search.c: libFuzzer target for the search: any query, any flags, any text
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Input: one byte of flags, the query up to the first newline, the text
 * after it. Whatever the query (a regular expression included), the search
 * either refuses it with a usage error or finds matches that are whole
 * characters of the text, in order, without overlaps, never empty, with
 * contexts of at most GLOSSA_SEARCH_CONTEXT characters on one line.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "glossa-error.h"
#include "glossa-search.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_matches (GlossaSearch *search,
               const char   *text,
               gsize         len,
               GArray       *matches)
{
  glong n_chars = g_utf8_strlen (text, len);
  gint64 previous_end = 0;

  for (guint i = 0; i < matches->len; i++)
    {
      const GlossaSearchMatch *m = &g_array_index (matches, GlossaSearchMatch, i);

      if (m->start < previous_end || m->start >= m->end || m->end > n_chars)
        g_error ("match %u is [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ") after %" G_GINT64_FORMAT
                 " in %ld characters", i, m->start, m->end, previous_end, n_chars);
      if (g_utf8_pointer_to_offset (text, text + m->byte_start) != m->start ||
          g_utf8_pointer_to_offset (text, text + m->byte_end) != m->end)
        g_error ("match %u: bytes and code points disagree", i);
      if ((glossa_search_get_flags (search) & (GLOSSA_SEARCH_REGEX | GLOSSA_SEARCH_MATCH_CASE)) ==
          GLOSSA_SEARCH_MATCH_CASE &&
          (m->byte_end - m->byte_start != strlen (glossa_search_get_query (search)) ||
           memcmp (text + m->byte_start, glossa_search_get_query (search), m->byte_end - m->byte_start) != 0))
        g_error ("match %u is not the query", i);
      previous_end = m->end;
    }
}

static void
check_hits (GlossaSearch *search,
            const char   *text,
            gsize         len,
            guint         n_matches)
{
  g_autoptr(GlossaArticle) article = glossa_article_new_from_data (text, len, "fuzz.txt", NULL);
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GlossaSearchTagCounts counts;

  if (article == NULL)
    return;
  document = glossa_document_new_with_store (article, NULL, NULL);
  /* A span over the first half crosses some matches and contains others. */
  if (glossa_article_get_length (article) > 1)
    glossa_document_add_span (document, 0, glossa_article_get_length (article) / 2, GLOSSA_LABEL_CLAIM, NULL);

  hits = glossa_search_document (search, document);
  for (guint i = 0; i < hits->len; i++)
    {
      const GlossaSearchHit *hit = g_ptr_array_index (hits, i);

      if (g_utf8_strlen (hit->left, -1) > GLOSSA_SEARCH_CONTEXT || g_utf8_strlen (hit->right, -1) > GLOSSA_SEARCH_CONTEXT)
        g_error ("a context longer than %d characters", GLOSSA_SEARCH_CONTEXT);
      if (strpbrk (hit->left, "\r\n") || strpbrk (hit->match, "\r\n") || strpbrk (hit->right, "\r\n"))
        g_error ("a hit on more than one line");
    }

  if (!glossa_search_tag_document (search, document, GLOSSA_LABEL_ACTOR, TRUE, &counts, NULL, NULL))
    g_error ("tagging a writable document failed");
  if (counts.tagged + counts.already + counts.crossing != hits->len)
    g_error ("%u hits, but %u tagged, %u already, %u crossing", hits->len, counts.tagged, counts.already,
             counts.crossing);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaSearch) search = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autofree char *query = NULL;
  const char *text, *newline;
  gsize len;

  if (size < 2)
    return 0;
  newline = memchr (data + 1, '\n', size - 1);
  if (newline == NULL)
    return 0;
  query = g_strndup ((const char *) data + 1, newline - (const char *) data - 1);
  text = newline + 1;
  len = (const char *) data + size - text;
  if (!g_utf8_validate_len (text, len, NULL))
    return 0;

  search = glossa_search_new (query, data[0] & 7, &error);
  if (search == NULL)
    {
      if (!g_error_matches (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE))
        g_error ("a query refused without a usage error");
      return 0;
    }
  matches = g_array_new (FALSE, FALSE, sizeof (GlossaSearchMatch));
  glossa_search_text (search, text, len, matches);
  check_matches (search, text, len, matches);
  check_hits (search, text, len, matches->len);
  return 0;
}
