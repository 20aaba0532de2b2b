/* fuzz-import.c: libFuzzer target for one importer, chosen by FUZZ_IMPORT_FORMAT
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
#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-import.h"

#ifndef FUZZ_IMPORT_FORMAT
#error "FUZZ_IMPORT_FORMAT must name a GlossaImportFormat"
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* One folder for the whole run: each input overwrites the same files. */
static const char *
work_folder (void)
{
  static char *folder;

  if (folder == NULL)
    {
      g_autoptr(GError) error = NULL;

      folder = g_dir_make_tmp ("glossa-fuzz-import-XXXXXX", &error);
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

/* brat reads a folder: the input up to its first NUL byte is a.txt, the
 * rest a.ann (without a NUL, the whole input is a.ann over an empty text)
 * up to a second NUL, after which comes annotation.conf. The other formats
 * read the input as one file.
 */
static GFile *
write_input (const uint8_t *data,
             size_t         size)
{
  const char *folder = work_folder ();
  g_autofree char *path = NULL;

  if (FUZZ_IMPORT_FORMAT == GLOSSA_IMPORT_BRAT)
    {
      const char *nul = memchr (data, '\0', size);
      g_autofree char *txt = g_build_filename (folder, "a.txt", NULL);
      g_autofree char *ann = g_build_filename (folder, "a.ann", NULL);
      gsize txt_len = nul != NULL ? (gsize) (nul - (const char *) data) : 0;
      const char *ann_data = nul != NULL ? nul + 1 : (const char *) data;

      g_autofree char *conf = g_build_filename (folder, "annotation.conf", NULL);
      gsize rest = size - (ann_data - (const char *) data);
      const char *conf_nul = nul != NULL ? memchr (ann_data, '\0', rest) : NULL;

      write_file (txt, (const char *) data, txt_len);
      write_file (ann, ann_data, conf_nul != NULL ? (gsize) (conf_nul - ann_data) : rest);
      if (conf_nul != NULL)
        write_file (conf, conf_nul + 1, rest - (conf_nul + 1 - ann_data));
      else
        g_unlink (conf);
      return g_file_new_for_path (folder);
    }

  path = g_build_filename (folder, "input", NULL);
  write_file (path, (const char *) data, size);
  return g_file_new_for_path (path);
}

/* What import returns is what import writes: it must be an annotation file
 * the loader accepts, checked against its article.
 */
static void
check_loads (GlossaRecord *record)
{
  g_autoptr(GlossaAnnotations) annotations = glossa_annotations_new ();
  g_autoptr(GlossaAnnotations) again = NULL;
  g_autoptr(GlossaSchema) schema_again = NULL;
  g_autoptr(GBytes) schema_json = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize len;

  annotations->doc_id = g_strdup (record->id);
  annotations->file = g_strdup_printf ("%s.txt", record->id);
  annotations->sha256 = g_strdup (glossa_article_get_sha256 (record->article));
  annotations->length = glossa_article_get_length (record->article);
  annotations->date = g_strdup (record->date);
  annotations->status = record->status;
  g_free (annotations->annotator);
  annotations->annotator = g_strdup (record->annotator);
  for (guint i = 0; i < record->spans->len; i++)
    g_ptr_array_add (annotations->spans, glossa_span_ref (g_ptr_array_index (record->spans, i)));
  /* Links and attributes are checked by the loader like spans. */
  for (guint i = 0; i < record->relations->len; i++)
    g_ptr_array_add (annotations->relations, glossa_relation_ref (g_ptr_array_index (record->relations, i)));

  /* Kept labels come with their schema, which import writes too. */
  g_clear_pointer (&annotations->schema, glossa_schema_unref);
  annotations->schema = glossa_schema_ref (record->schema);
  schema_json = glossa_schema_to_bytes (record->schema);
  text = g_bytes_get_data (schema_json, &len);
  schema_again = glossa_schema_parse (text, len, "glossa-schema.json", &error);
  if (schema_again == NULL)
    g_error ("an imported schema does not load: %s\n%.*s", error->message, (int) len, text);

  json = glossa_format_write (annotations);
  text = g_bytes_get_data (json, &len);
  again = glossa_format_read_with_schema (text, len, "imported.annotations.json", record->article,
                                          schema_again, &error);
  if (again == NULL)
    g_error ("an imported document does not load: %s\n%.*s", error->message, (int) len, text);
}

/* Without @use_map, the source's labels are kept. The link map is always
 * given: brat's events become links only through it.
 */
static void
import (GFile    *input,
        gboolean  use_map,
        gboolean  drop_unmapped)
{
  static GHashTable *map;
  static GHashTable *link_map;
  GlossaImportOptions options = { FUZZ_IMPORT_FORMAT, FALSE, 0, NULL, drop_unmapped, NULL };
  GlossaImportReport report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  if (map == NULL)
    {
      map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_assert_true (glossa_import_add_mapping (map, "PER=actor", NULL));
      g_assert_true (glossa_import_add_mapping (map, "Person=actor", NULL));
      g_assert_true (glossa_import_add_mapping (map, "QUOTE=quote", NULL));
      g_assert_true (glossa_import_add_mapping (map, "Date=date", NULL));
      link_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_assert_true (glossa_import_add_link_mapping (link_map, "Said=source", NULL));
      g_assert_true (glossa_import_add_link_mapping (link_map, "Content>Source=source", NULL));
    }
  options.map = use_map ? map : NULL;
  options.link_map = link_map;

  records = glossa_import_read (input, &options, &report, NULL, &error);
  glossa_import_report_clear (&report);
  if (records == NULL)
    {
      if (error == NULL || error->domain != GLOSSA_ERROR || *error->message == '\0')
        g_error ("a refusal without a Glossa error");
      return;
    }

  g_assert_null (error);
  for (guint i = 0; i < records->len; i++)
    check_loads (g_ptr_array_index (records, i));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) input = write_input (data, size);

  import (input, TRUE, FALSE);
  import (input, TRUE, TRUE);
  import (input, FALSE, FALSE);
  return 0;
}
