/* fuzz-review-side.c: libFuzzer target for a JSON Lines side of a review, links included
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glossa-article.h"
#include "glossa-by-id.h"
#include "glossa-error.h"
#include "glossa-review.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char *
work_file (void)
{
  static char *path;

  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *folder = g_dir_make_tmp ("glossa-fuzz-side-XXXXXX", &error);

      g_assert_no_error (error);
      path = g_build_filename (folder, "side.jsonl", NULL);
    }
  return path;
}

/* What was read holds together: every link's ends are spans of the line,
 * and the side compared with itself, links and all, agrees everywhere.
 */
static void
check_side (GlossaAnnotations *annotations)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sides = g_ptr_array_new ();
  g_autoptr(GPtrArray) relations = g_ptr_array_new ();

  for (guint i = 0; i < annotations->spans->len; i++)
    g_hash_table_add (ids, ((GlossaSpan *) g_ptr_array_index (annotations->spans, i))->id);
  for (guint i = 0; i < annotations->relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (annotations->relations, i);

      if (!g_hash_table_contains (ids, relation->from) || !g_hash_table_contains (ids, relation->to))
        g_error ("a link read leads to a span the line does not have: %s -> %s", relation->from, relation->to);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_ptr_array_add (sides, annotations->spans);
      g_ptr_array_add (relations, annotations->relations);
    }
  if (glossa_review_count_pending_with_links (sides, relations, NULL, FALSE) != 0)
    g_error ("a side compared with itself disagrees");
}

/* The input up to its first NUL byte is the article, the rest the side's
 * JSON Lines; the document looked up is "a".
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *path = work_file ();
  const char *nul = memchr (data, '\0', size);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GlossaById) side = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autoptr(GError) error = NULL;

  if (nul == NULL)
    return 0;
  article = glossa_article_new_from_data ((const char *) data, nul - (const char *) data, "a.txt", NULL);
  if (article == NULL)
    return 0;
  /* No fsync, no rename: thousands of inputs a second. */
  g_file_set_contents_full (path, nul + 1, size - (nul + 1 - (const char *) data),
                            G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);

  if (!(side = glossa_by_id_open (file, NULL, &error)))
    return 0;
  annotations = glossa_by_id_get_annotations (side, "a", article, &error);
  if (annotations == NULL)
    {
      if (error == NULL || *error->message == '\0')
        g_error ("a refusal without a message");
      return 0;
    }
  check_side (annotations);
  return 0;
}
