/* fuzz-label-rename.c: libFuzzer target for renaming a label across a corpus
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "glossa-format.h"
#include "glossa-json.h"
#include "glossa-label-rename.h"
#include "glossa-schema.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The input is an annotation file (first byte even) or the lines of a
 * JSONL corpus's FILE.annotations.jsonl (odd), in a corpus whose schema has
 * PER, ORG and a relation between them. PER is renamed to person. What must
 * hold: a rename that is planned writes; a file that read under the old
 * schema reads under the new one; JSONL lines that do not name PER are kept
 * byte for byte, and every line that parsed still parses.
 */
#define SCHEMA \
  "{\"format\": \"glossa-schema\", \"version\": 1,\n" \
  " \"labels\": [{\"name\": \"PER\", \"key\": \"p\", \"color\": \"#1c71d8\"},\n" \
  "            {\"name\": \"ORG\", \"key\": \"o\", \"color\": \"#26a269\"}],\n" \
  " \"relations\": [{\"name\": \"member\", \"from\": [\"PER\"], \"to\": [\"ORG\"]}],\n" \
  " \"overlap\": {\"PER\": \"nested\"}}\n"

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("glossa-fuzz-rename-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

static void
write_file (const char *path,
            const char *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  /* No fsync: thousands of inputs a second. */
  g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

static GlossaSchema *
load_schema (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, GLOSSA_SCHEMA_FILE_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return glossa_schema_load (file, NULL, NULL);
}

static gboolean
reads_under (const char   *data,
             gsize         len,
             GlossaSchema *schema)
{
  g_autoptr(GlossaAnnotations) annotations =
    glossa_format_read_with_schema (data, len, "fuzz", NULL, schema, NULL);

  return annotations != NULL;
}

static void
rename_folder (const char *folder,
               const char *input,
               gsize       len)
{
  g_autofree char *path = g_build_filename (folder, "a.annotations.json", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (folder);
  g_autoptr(GlossaSchema) before = load_schema (folder);
  g_autoptr(GlossaSchema) after = NULL;
  g_autoptr(GlossaLabelRename) rename = NULL;
  g_autofree char *written = NULL;
  gsize written_len;
  gboolean read_before = reads_under (input, len, before);

  write_file (path, input, len);
  rename = glossa_label_rename_new (root, "PER", "person", NULL, NULL);
  if (rename == NULL)
    {
      g_assert_false (read_before);
      return;
    }
  g_assert_true (glossa_label_rename_apply (rename, NULL, NULL));
  after = load_schema (folder);
  g_assert_nonnull (after);
  g_assert_true (g_file_get_contents (path, &written, &written_len, NULL));
  if (read_before)
    g_assert_true (reads_under (written, written_len, after));
}

static void
rename_jsonl (const char *folder,
              const char *input,
              gsize       len)
{
  g_autofree char *corpus = g_build_filename (folder, "c.jsonl", NULL);
  g_autofree char *path = g_build_filename (folder, "c.annotations.jsonl", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (corpus);
  g_autoptr(GlossaLabelRename) rename = NULL;
  g_autofree char *written = NULL;
  g_auto(GStrv) lines_before = NULL;
  g_auto(GStrv) lines_after = NULL;
  gsize written_len;

  write_file (corpus, "", 0);
  write_file (path, input, len);
  rename = glossa_label_rename_new (root, "PER", "person", NULL, NULL);
  g_assert_nonnull (rename);
  g_assert_true (glossa_label_rename_apply (rename, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &written, &written_len, NULL));
  if (memchr (input, '\0', len) != NULL)
    return;
  lines_before = g_strsplit (input, "\n", -1);
  lines_after = g_strsplit (written, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines_before), ==, g_strv_length (lines_after));
  for (guint i = 0; lines_before[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = glossa_json_parse_line (lines_before[i], strlen (lines_before[i]),
                                                         "fuzz", i + 1, NULL);
      g_autoptr(JsonNode) again = NULL;

      if (strstr (lines_before[i], "PER") == NULL)
        g_assert_cmpstr (lines_before[i], ==, lines_after[i]);
      if (node == NULL)
        continue;
      again = glossa_json_parse_line (lines_after[i], strlen (lines_after[i]), "fuzz", i + 1, NULL);
      g_assert_nonnull (again);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *folder = NULL;
  g_autofree char *schema_path = NULL;
  g_autofree char *input = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (size < 1 || size > 64 * 1024)
    return 0;
  folder = make_folder ();
  schema_path = g_build_filename (folder, GLOSSA_SCHEMA_FILE_NAME, NULL);
  write_file (schema_path, SCHEMA, strlen (SCHEMA));
  input = g_strndup ((const char *) data + 1, size - 1);
  if (data[0] % 2 == 0)
    rename_folder (folder, (const char *) data + 1, size - 1);
  else
    rename_jsonl (folder, input, size - 1);

  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
  return 0;
}
