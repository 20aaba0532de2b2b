/* fuzz-annotations.c: libFuzzer target for the annotation file loader
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "glossa-article.h"
#include "glossa-error.h"
#include "glossa-format.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* The article the seed corpus was annotated against: a date header, CRLF,
 * combining marks, emoji, CJK and right-to-left text, so that byte and
 * character offsets differ everywhere.
 */
static const char article_text[] =
  " date 2021-12-31 Putin told Biden «no sanctions».\r\n"
  "Café e\xcc\x81t\xc3\xa9 😀👍🏽 中文 שלום.\n";

static GlossaArticle *
get_article (void)
{
  static GlossaArticle *article;

  if (article == NULL)
    {
      g_autoptr(GError) error = NULL;

      article = glossa_article_new_from_data (article_text, strlen (article_text),
                                              "fuzz.txt", &error);
      g_assert_no_error (error);
    }

  return article;
}

/* A file that loads must save to bytes that load again to the same bytes. */
static void
check_round_trip (GlossaAnnotations *annotations,
                  GlossaArticle     *article)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) written = glossa_format_write (annotations);
  g_autoptr(GlossaAnnotations) again = NULL;
  g_autoptr(GBytes) written_again = NULL;
  gsize len;
  const char *text = g_bytes_get_data (written, &len);

  again = glossa_format_read (text, len, "written", article, &error);
  if (again == NULL)
    g_error ("a saved file does not load: %s\n%.*s", error->message, (int) len, text);

  written_again = glossa_format_write (again);
  if (!g_bytes_equal (written, written_again))
    g_error ("saving is not stable");
}

static void
load (const uint8_t *data,
      size_t         size,
      GlossaArticle *article)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaAnnotations) annotations = NULL;

  annotations = glossa_format_read ((const char *) data, size, "fuzz.annotations.json",
                                    article, &error);
  if (annotations == NULL)
    {
      if (error == NULL || error->domain != GLOSSA_ERROR || *error->message == '\0')
        g_error ("a refusal without a Glossa error");
      return;
    }

  g_assert_null (error);
  check_round_trip (annotations, article);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  load (data, size, NULL);
  load (data, size, get_article ());
  return 0;
}
