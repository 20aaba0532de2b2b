/* glossa-cli-timex.c: `glossa timex`, the dates in articles with their TimeML values
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "glossa-article.h"
#include "glossa-cli-private.h"
#include "glossa-storage.h"
#include "glossa-timex.h"

static char *lang_name;
static char *dct_option;
static gboolean as_json;

static const GOptionEntry entries[] = {
  { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_name,
    N_("The articles’ language: en, it or auto (the default: guessed for each article)"), N_("LANG") },
  { "dct", 0, 0, G_OPTION_ARG_STRING, &dct_option,
    N_("The date relative dates count from (default: each article’s date header)"), N_("YYYY-MM-DD") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the dates as JSON"), NULL },
  { NULL }
};

/* Where code point @offset is: dates come in text order, so the cursor
 * only moves forward and a 5 MB article is walked once, not once a date.
 */
typedef struct
{
  const char *at;
  gint64      offset;
} Cursor;

static const char *
cursor_seek (Cursor *cursor,
             gint64  offset)
{
  g_assert (offset >= cursor->offset);
  cursor->at = g_utf8_offset_to_pointer (cursor->at, offset - cursor->offset);
  cursor->offset = offset;
  return cursor->at;
}

/* The expression's text on one line: a date may run over a line break. */
static char *
slice_one_line (Cursor      *cursor,
                GlossaTimex *timex)
{
  const char *from = cursor_seek (cursor, timex->start);
  const char *to = g_utf8_offset_to_pointer (from, timex->end - timex->start);
  char *slice = g_strndup (from, to - from);

  for (char *p = slice; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return slice;
}

static void
print_tsv (const char *path,
           const char *text,
           GPtrArray  *dates)
{
  Cursor cursor = { text, 0 };

  for (guint k = 0; k < dates->len; k++)
    {
      GlossaTimex *timex = g_ptr_array_index (dates, k);
      g_autofree char *slice = slice_one_line (&cursor, timex);

      g_print ("%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\n", path, timex->start,
               timex->end, timex->value != NULL ? timex->value : "", slice);
    }
}

static void
add_json (JsonBuilder     *builder,
          const char      *path,
          const char      *text,
          const char      *dct,
          GlossaTimexLang  lang,
          GPtrArray       *dates)
{
  Cursor cursor = { text, 0 };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "lang");
  json_builder_add_string_value (builder, glossa_timex_lang_to_string (lang));
  json_builder_set_member_name (builder, "dct");
  if (dct != NULL)
    json_builder_add_string_value (builder, dct);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "dates");
  json_builder_begin_array (builder);
  for (guint k = 0; k < dates->len; k++)
    {
      GlossaTimex *timex = g_ptr_array_index (dates, k);
      g_autofree char *slice = slice_one_line (&cursor, timex);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, timex->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, timex->end);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, slice);
      json_builder_set_member_name (builder, "value");
      if (timex->value != NULL)
        json_builder_add_string_value (builder, timex->value);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static gboolean
tag_file (const char      *path,
          GlossaTimexLang  lang,
          JsonBuilder     *builder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  g_autofree char *text = NULL;
  g_autofree char *header_date = NULL;
  const char *dct = dct_option;
  GlossaTimexLang used;
  gsize len;

  if (!glossa_storage_read_path (path, GLOSSA_STORAGE_READ_LIMIT, &text, &len, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  if (!g_utf8_validate_len (text, len, NULL))
    {
      g_printerr (_("%s: the article is not valid UTF-8\n"), path);
      return FALSE;
    }
  if (dct == NULL)
    dct = header_date = glossa_article_find_date (text, len);
  if (!(dates = glossa_timex_find (text, len, dct, lang, &used, &error)))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return FALSE;
    }
  if (dct == NULL && !as_json)
    g_printerr (_("%s: no “date YYYY-MM-DD” header and no --dct: relative dates have no value\n"), path);
  if (builder != NULL)
    add_json (builder, path, text, dct, used, dates);
  else
    print_tsv (path, text, dates);
  return TRUE;
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *data = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, NULL);
  g_print ("%s\n", data);
}

int
_glossa_cli_timex (int    argc,
                   char **argv)
{
  g_autoptr(JsonBuilder) builder = NULL;
  GlossaTimexLang lang = GLOSSA_TIMEX_LANG_AUTO;
  gboolean ok = TRUE;
  int exit_code;

  if (!_glossa_cli_parse_options (&argc, &argv, _("FILE…"),
                                  _("Print the date expressions in articles, with their code-point "
                                    "offsets and TimeML values."),
                                  entries, &exit_code))
    return exit_code;
  if (argc < 2 || (lang_name != NULL && !glossa_timex_lang_from_string (lang_name, &lang)) ||
      (dct_option != NULL && !glossa_timex_check (dct_option, NULL)) ||
      (dct_option != NULL && strlen (dct_option) != 10))
    {
      if (argc < 2)
        g_printerr (_("%s: no FILE given\n"), g_get_prgname ());
      else if (lang_name != NULL && !glossa_timex_lang_from_string (lang_name, &lang))
        g_printerr (_("%s: --lang must be en, it or auto, not “%s”\n"), g_get_prgname (), lang_name);
      else
        g_printerr (_("%s: --dct must be a date as YYYY-MM-DD, not “%s”\n"), g_get_prgname (), dct_option);
      return GLOSSA_EXIT_USAGE;
    }

  if (as_json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  for (int k = 1; k < argc; k++)
    ok &= tag_file (argv[k], lang, builder);
  if (as_json)
    {
      json_builder_end_array (builder);
      print_json (builder);
    }
  return ok ? GLOSSA_EXIT_OK : GLOSSA_EXIT_INVALID;
}
