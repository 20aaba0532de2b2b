/* fuzz-gazetteer.c: libFuzzer target for the gazetteer reader and the known-names finder
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is read as a gazetteer; when it is one, the known names it
 * gave are looked for in the input itself, case-sensitive and not.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "glossa-error.h"
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
find_in (GlossaKnownNames *names,
         const char       *text,
         gsize             size)
{
  glong n = 0;
  g_autofree gunichar *chars = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_suggestion_free);
  gint64 previous_end = 0;

  if (!g_utf8_validate_len (text, size, NULL))
    return;
  chars = g_utf8_to_ucs4_fast (text, size, &n);
  glossa_known_names_find (names, chars, n, out);
  for (guint i = 0; i < out->len; i++)
    {
      const GlossaSuggestion *s = g_ptr_array_index (out, i);

      if (s->start < previous_end || s->start >= s->end || s->end > n || s->score <= 0 || s->score > 1)
        g_error ("name %u at %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " is out of order or range",
                 i, s->start, s->end);
      previous_end = s->end;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean handler_set;

  if (!handler_set)
    {
      g_log_set_default_handler (abort_on_log, NULL);
      handler_set = TRUE;
    }
  for (int sensitive = 0; sensitive < 2; sensitive++)
    {
      g_autoptr(GlossaKnownNames) names = glossa_known_names_new (sensitive);
      g_autoptr(GError) error = NULL;

      if (!glossa_known_names_parse_gazetteer (names, (const char *) data, size, "fuzz.tsv", &error))
        {
          if (error == NULL || error->domain != GLOSSA_ERROR ||
              !g_str_has_prefix (error->message, "fuzz.tsv:"))
            g_error ("a refusal that names no line");
          continue;
        }
      find_in (names, (const char *) data, size);
    }
  return 0;
}
