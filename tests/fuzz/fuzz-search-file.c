/* fuzz-search-file.c: libFuzzer target for searching a JSONL file without opening it first
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Input: one byte of flags, the query up to the first newline, then the
 * bytes of a JSONL corpus. glossa_search_corpus_file() reads the file once,
 * listing only the lines that may match; it must find exactly what the
 * opened corpus's articles have, each searched whole with no prefilter.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>
#include <glib/gstdio.h>

#include "glossa-corpus.h"
#include "glossa-error.h"
#include "glossa-search.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static gboolean
collect (GlossaSearchResult *result,
         gpointer            user_data)
{
  GString *out = user_data;

  if (result->error != NULL)
    return TRUE;
  for (guint i = 0; i < result->hits->len; i++)
    {
      const GlossaSearchHit *hit = g_ptr_array_index (result->hits, i);

      g_string_append_printf (out, "%s %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "\n", result->id,
                              hit->start, hit->end);
    }
  return TRUE;
}

/* What each listed article's whole text has, in corpus order. */
static void
search_each (GlossaSearch *search,
             GlossaCorpus *corpus,
             GString      *out)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (GlossaSearchMatch));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (corpus)); i++)
    {
      g_autoptr(GlossaDocument) document = glossa_corpus_load_document (corpus, i, NULL, NULL);
      g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (corpus), i);
      GlossaArticle *article;

      if (document == NULL)
        continue;
      article = glossa_document_get_article (document);
      g_array_set_size (matches, 0);
      glossa_search_text (search, glossa_article_get_text (article), glossa_article_get_n_bytes (article), matches);
      for (guint k = 0; k < matches->len; k++)
        {
          const GlossaSearchMatch *m = &g_array_index (matches, GlossaSearchMatch, k);

          g_string_append_printf (out, "%s %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "\n",
                                  glossa_corpus_item_get_id (item), m->start, m->end);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *dir;
  g_autofree char *path = NULL;
  g_autofree char *query = NULL;
  g_autoptr(GlossaSearch) search = NULL;
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GString) streamed = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  const char *newline;

  if (size < 2 || !(newline = memchr (data + 1, '\n', size - 1)))
    return 0;
  query = g_strndup ((const char *) data + 1, newline - (const char *) data - 1);
  if (!(search = glossa_search_new (query, data[0] & 7, NULL)))
    return 0;
  if (dir == NULL)
    dir = g_dir_make_tmp ("fuzz-search-file-XXXXXX", NULL);
  path = g_build_filename (dir, "corpus.jsonl", NULL);
  if (!g_file_set_contents (path, newline + 1, (const char *) data + size - newline - 1, NULL))
    return 0;
  file = g_file_new_for_path (path);

  if (glossa_search_corpus_file (search, file, collect, streamed, NULL, NULL) &&
      (corpus = glossa_corpus_open (file, NULL, NULL)) != NULL)
    {
      search_each (search, corpus, expected);
      if (strcmp (streamed->str, expected->str) != 0)
        g_error ("the file search found\n%s\nits articles have\n%s", streamed->str, expected->str);
    }
  g_unlink (path);
  return 0;
}
