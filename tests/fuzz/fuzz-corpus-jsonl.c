/* fuzz-corpus-jsonl.c: libFuzzer target for the JSONL corpus reader
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "glossa-article.h"
#include "glossa-corpus.h"
#include "glossa-document.h"
#include "glossa-error.h"
#include "glossa-format.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char *
work_folder (void)
{
  static char *folder;

  if (folder == NULL)
    {
      g_autoptr(GError) error = NULL;

      folder = g_dir_make_tmp ("glossa-fuzz-jsonl-XXXXXX", &error);
      g_assert_no_error (error);
    }
  return folder;
}

static void
write_file (const char *path,
            const char *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  /* No fsync, no rename: thousands of inputs a second, and a crash
   * leaves the reproducer in libFuzzer's hands anyway.
   */
  g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

/* A document that opened must save to a file that loads again. */
static void
check_saves (GlossaDocument *document)
{
  g_autoptr(GlossaAnnotations) annotations = glossa_document_snapshot (document);
  g_autoptr(GlossaAnnotations) again = NULL;
  g_autoptr(GBytes) json = glossa_format_write (annotations);
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize len;

  text = g_bytes_get_data (json, &len);
  again = glossa_format_read (text, len, "saved.annotations.json",
                              glossa_document_get_article (document), &error);
  if (again == NULL)
    g_error ("a document of the corpus does not save to a file that loads: %s\n%.*s",
             error->message, (int) len, text);
}

/* What the list shows was checked where it entered: a date is one the
 * loader accepts, and an article listed without annotations of its own
 * (@annotations FALSE) opens with the spans its line came with.
 */
static void
check_item (GlossaCorpus *corpus,
            guint         position,
            gboolean      annotations)
{
  g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (corpus), position);
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *date = glossa_corpus_item_get_date (item);

  if (date != NULL && !glossa_format_check_date (date, "item", "date", &error))
    g_error ("the list shows a date the loader refuses: %s", error->message);

  document = glossa_corpus_load_document (corpus, position, NULL, &error);
  if (document == NULL || glossa_document_get_error (document) != NULL)
    {
      if (!annotations)
        g_error ("a line the reader listed does not open: %s",
                 error ? error->message : glossa_document_get_error (document)->message);
      return;
    }
  check_saves (document);
}

/* The input up to its first NUL byte is corpus.jsonl, the rest (if there
 * is a NUL) corpus.annotations.jsonl.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *folder = work_folder ();
  g_autofree char *path = g_build_filename (folder, "corpus.jsonl", NULL);
  g_autofree char *annotations_path = g_build_filename (folder, "corpus.annotations.jsonl", NULL);
  const char *nul = memchr (data, '\0', size);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;

  write_file (path, (const char *) data, nul != NULL ? (gsize) (nul - (const char *) data) : size);
  if (nul != NULL)
    write_file (annotations_path, nul + 1, size - (nul + 1 - (const char *) data));
  else
    g_unlink (annotations_path);

  corpus = glossa_corpus_open (file, NULL, &error);
  if (corpus == NULL)
    {
      if (error == NULL || error->domain != GLOSSA_ERROR || *error->message == '\0')
        g_error ("a refusal without a Glossa error: %s", error ? error->message : "none");
      return 0;
    }

  glossa_corpus_load_statuses (corpus, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (corpus)); i++)
    check_item (corpus, i, nul != NULL);
  return 0;
}
