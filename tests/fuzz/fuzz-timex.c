/* fuzz-timex.c: libFuzzer target for the date finder and the normaliser
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is "DCT\nTEXT": the first line is given as the document date
 * (any string: the finder must refuse a bad one, never trust it), the rest
 * is the article. Each date found is normalised again on its own.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glossa-timex.h"

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
check_found (const char *text,
             gsize       len,
             const char *dct,
             GPtrArray  *found)
{
  glong n = g_utf8_strlen (text, len);
  gint64 previous_end = 0;

  for (guint i = 0; i < found->len; i++)
    {
      const GlossaTimex *t = g_ptr_array_index (found, i);
      g_autofree char *expression = NULL;
      g_autofree char *value = NULL;

      if (t->start < previous_end || t->start >= t->end || t->end > n)
        g_error ("date %u at %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " is out of order or range",
                 i, t->start, t->end);
      if (t->value != NULL && !glossa_timex_check (t->value, NULL))
        g_error ("the value “%s” is not a TimeML value", t->value);
      previous_end = t->end;

      expression = g_utf8_substring (text, t->start, t->end);
      glossa_timex_normalize (expression, dct, GLOSSA_TIMEX_LANG_AUTO, text, &value);
      if (value != NULL && !glossa_timex_check (value, NULL))
        g_error ("normalising “%s” gave “%s”", expression, value);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean handler_set;
  const char *nl = memchr (data, '\n', size);
  g_autofree char *dct = NULL;
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gsize len;

  if (!handler_set)
    {
      g_log_set_default_handler (abort_on_log, NULL);
      handler_set = TRUE;
    }

  if (nl == NULL || memchr (data, '\0', size) != NULL)
    return 0;
  dct = g_strndup ((const char *) data, nl - (const char *) data);
  len = size - (nl + 1 - (const char *) data);
  text = g_strndup (nl + 1, len);
  if (!g_utf8_validate (text, len, NULL) || !g_utf8_validate (dct, -1, NULL))
    return 0;

  /* The document date alone, as an expression: anything goes, no crash. */
  glossa_timex_normalize (dct, NULL, GLOSSA_TIMEX_LANG_EN, NULL, &value);
  g_free (glossa_timex_describe (dct));
  g_clear_pointer (&value, g_free);

  for (int lang = GLOSSA_TIMEX_LANG_AUTO; lang <= GLOSSA_TIMEX_LANG_IT; lang++)
    {
      g_autoptr(GError) error = NULL;

      found = glossa_timex_find (text, len, dct[0] != '\0' ? dct : NULL, lang, NULL, &error);
      if (found == NULL)
        {
          if (error == NULL)
            g_error ("a refusal without an error");
          /* A bad DCT: the text must still be read without one. */
          found = glossa_timex_find (text, len, NULL, lang, NULL, NULL);
          if (found == NULL)
            g_error ("refused without a DCT");
          dct[0] = '\0';
        }
      check_found (text, len, dct[0] != '\0' ? dct : NULL, found);
      g_clear_pointer (&found, g_ptr_array_unref);
    }
  return 0;
}
