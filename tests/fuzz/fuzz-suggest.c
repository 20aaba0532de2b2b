/* fuzz-suggest.c: libFuzzer target for the quote suggester and the merged suggesters
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is an article. Every word of its first line is a known name
 * (so the names suggester has something to find), and the quote suggester
 * also runs alone. Checked: offsets within the text and in order, links
 * that point where they say, no two kept suggestions of one label
 * overlapping, and the same result on a second run.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glossa-suggest.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A critical or a warning aborts, so that libFuzzer saves the input (a
 * fatal log stops the process with SIGTRAP, which it does not catch).
 */
static void
abort_on_log (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  g_log_default_handler (domain, level, message, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

static void
check_quotes (const char *text,
              gsize       len,
              glong       n)
{
  g_autoptr(GPtrArray) quotes = NULL;

  if (!glossa_suggest_quotes (text, len, GLOSSA_SUGGEST_LANG_AUTO, &quotes))
    g_error ("valid UTF-8 refused");
  for (guint i = 0; i < quotes->len; i++)
    {
      const GlossaQuoteSuggestion *q = g_ptr_array_index (quotes, i);

      if (q->start >= q->end || q->end > n || (q->speaker_start >= 0 && q->speaker_end > n) ||
          (q->speaker_start < 0) != (q->speaker_end < 0) || q->score <= 0 || q->score > 1)
        g_error ("quote %u is out of range", i);
    }
}

static char *
describe (GPtrArray *out,
          glong      n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < out->len; i++)
    {
      const GlossaSuggestion *a = g_ptr_array_index (out, i);

      if (a->start >= a->end || a->end > n)
        g_error ("suggestion %u is out of range", i);
      if (a->link >= (int) out->len ||
          (a->link >= 0 && (((GlossaSuggestion *) out->pdata[a->link])->start != a->link_start ||
                            ((GlossaSuggestion *) out->pdata[a->link])->end != a->link_end)))
        g_error ("suggestion %u links to the wrong place", i);
      for (guint k = i + 1; k < out->len; k++)
        {
          const GlossaSuggestion *b = g_ptr_array_index (out, k);

          if (b->start >= a->end)
            break;
          if (strcmp (a->label, b->label) == 0)
            g_error ("suggestions %u and %u of one label overlap", i, k);
        }
      g_string_append_printf (s, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s:%d;",
                              a->start, a->end, a->label, a->link);
    }
  return g_string_free (s, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean handler_set;
  const char *text = (const char *) data;
  const char *nl;
  g_autoptr(GlossaKnownNames) names = glossa_known_names_new (TRUE);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *line = NULL;
  glong n;

  if (!handler_set)
    {
      g_log_set_default_handler (abort_on_log, NULL);
      handler_set = TRUE;
    }

  if (!g_utf8_validate_len (text, size, NULL))
    return 0;
  n = g_utf8_strlen (text, size);
  check_quotes (text, size, n);

  nl = memchr (text, '\n', size);
  line = g_strndup (text, nl != NULL ? (gsize) (nl - text) : size);
  words = g_strsplit (line, " ", 64);
  for (guint i = 0; words[i] != NULL; i++)
    glossa_known_names_add (names, words[i], i % 2 ? "actor" : "claim", i + 1);

  first = glossa_suggest_article (text, size, NULL, GLOSSA_SUGGEST_LANG_AUTO, names, NULL, NULL);
  second = glossa_suggest_article (text, size, NULL, GLOSSA_SUGGEST_LANG_AUTO, names, NULL, NULL);
  if (first == NULL || second == NULL)
    g_error ("valid UTF-8 refused");
  a = describe (first, n);
  b = describe (second, n);
  if (strcmp (a, b) != 0)
    g_error ("two runs differ");
  return 0;
}
