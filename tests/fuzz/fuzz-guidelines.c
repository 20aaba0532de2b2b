/* fuzz-guidelines.c: libFuzzer target for the guidelines' Markdown parser
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glossa-error.h"
#include "glossa-guidelines.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* What the pane relies on: runs of valid UTF-8, never empty, a target on
 * link runs only, adjacent runs that differ, levels in range.
 */
static void
check_block (GlossaGuidelinesBlock *block)
{
  GlossaGuidelinesRun *previous = NULL;

  if (block->kind == GLOSSA_GUIDELINES_HEADING && (block->level < 1 || block->level > 6))
    g_error ("a heading of level %u", block->level);
  if (block->kind != GLOSSA_GUIDELINES_HEADING && block->level > GLOSSA_GUIDELINES_MAX_DEPTH)
    g_error ("a block %u deep", block->level);
  if (block->kind == GLOSSA_GUIDELINES_RULE && block->runs->len > 0)
    g_error ("a rule with text");

  for (guint i = 0; i < block->runs->len; i++)
    {
      GlossaGuidelinesRun *run = g_ptr_array_index (block->runs, i);

      if (run->text[0] == '\0' || !g_utf8_validate (run->text, -1, NULL))
        g_error ("an empty run, or one that is not UTF-8");
      if (((run->style & GLOSSA_GUIDELINES_STYLE_LINK) != 0) != (run->url != NULL))
        g_error ("a link without a target, or a target without a link");
      if (run->url != NULL && !g_utf8_validate (run->url, -1, NULL))
        g_error ("a target that is not UTF-8");
      if (previous != NULL && previous->style == run->style && g_strcmp0 (previous->url, run->url) == 0)
        g_error ("two adjacent runs in the same style");
      previous = run;
    }
}

static void
check (const uint8_t *data,
       size_t         size,
       gboolean       plain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaGuidelines) guidelines = glossa_guidelines_parse ((const char *) data, size, "GUIDELINES.md",
                                                                     plain, &error);

  if (guidelines == NULL)
    {
      if (error == NULL || !g_error_matches (error, GLOSSA_ERROR, GLOSSA_ERROR_ENCODING))
        g_error ("a refusal that is not about the encoding");
      if (g_utf8_validate_len ((const char *) data, size, NULL))
        g_error ("valid UTF-8 without a NUL refused: %s", error->message);
      return;
    }
  for (guint i = 0; i < guidelines->blocks->len; i++)
    check_block (g_ptr_array_index (guidelines->blocks, i));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  check (data, size, FALSE);
  check (data, size, TRUE);
  return 0;
}
