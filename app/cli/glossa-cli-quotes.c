/* glossa-cli-quotes.c: `glossa quotes`, the quotations and speakers suggested in articles
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-article.h"
#include "glossa-cli-private.h"
#include "glossa-json.h"
#include "glossa-storage.h"
#include "glossa-suggest-quotes.h"

static gboolean as_json;
static char *lang_name;

static const GOptionEntry entries[] = {
  { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_name, N_("The articles’ language: en, it or auto (the default)"), N_("LANG") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print one JSON object per article"), NULL },
  { NULL }
};

/* The article's text from @start to @end, or "" for an absent span. Tabs
 * and line breaks become spaces so that each suggestion stays one line.
 */
static char *
slice_one_line (GlossaArticle *article,
                gint64         start,
                gint64         end)
{
  char *text;

  if (start < 0)
    return g_strdup ("");
  text = glossa_article_slice (article, start, end);
  g_strdelimit (text, "\t\r\n", ' ');
  return text;
}

static void
print_offsets (GString *line,
               gint64   start,
               gint64   end)
{
  if (start < 0)
    g_string_append (line, "\t-\t-");
  else
    g_string_append_printf (line, "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT, start, end);
}

static void
print_text (const char    *path,
            GlossaArticle *article,
            GPtrArray     *suggestions)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      const GlossaQuoteSuggestion *s = g_ptr_array_index (suggestions, i);
      g_autoptr(GString) line = g_string_new (path);
      g_autofree char *quote = slice_one_line (article, s->start, s->end);
      g_autofree char *speaker = slice_one_line (article, s->speaker_start, s->speaker_end);
      g_autofree char *resolved = slice_one_line (article, s->resolved_start, s->resolved_end);
      g_autofree char *cue = slice_one_line (article, s->cue_start, s->cue_end);

      print_offsets (line, s->start, s->end);
      g_string_append_printf (line, "\t%s", quote);
      print_offsets (line, s->speaker_start, s->speaker_end);
      g_string_append_printf (line, "\t%s\t%s\t%s\t%s\t%.2f", speaker, resolved, cue,
                              glossa_quote_rule_to_string (s->rule), s->score);
      g_print ("%s\n", line->str);
    }
}

static void
add_span (JsonBuilder   *builder,
          const char    *member,
          GlossaArticle *article,
          gint64         start,
          gint64         end)
{
  g_autofree char *text = NULL;

  json_builder_set_member_name (builder, member);
  if (start < 0)
    {
      json_builder_add_null_value (builder);
      return;
    }
  text = glossa_article_slice (article, start, end);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, end);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
}

static void
print_json (const char        *path,
            GlossaArticle     *article,
            GlossaSuggestLang  lang,
            GPtrArray         *suggestions)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "lang");
  json_builder_add_string_value (builder, glossa_suggest_lang_to_string (lang));
  json_builder_set_member_name (builder, "quotes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const GlossaQuoteSuggestion *s = g_ptr_array_index (suggestions, i);

      json_builder_begin_object (builder);
      add_span (builder, "quote", article, s->start, s->end);
      add_span (builder, "speaker", article, s->speaker_start, s->speaker_end);
      add_span (builder, "resolved", article, s->resolved_start, s->resolved_end);
      add_span (builder, "cue", article, s->cue_start, s->cue_end);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, glossa_quote_rule_to_string (s->rule));
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, s->score);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  glossa_json_write (out, root, -1);
  g_print ("%s\n", out->str);
}

/* Reads @path with the storage layer's bounds (a FIFO or a device is
 * refused without blocking) and prints its suggestions.
 */
static gboolean
suggest_file (const char        *path,
              GlossaSuggestLang  lang)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  const char *text;
  gsize len;

  if (!glossa_storage_read_path (path, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL, &error) ||
      !(article = glossa_article_new_from_data (contents, len, path, &error)))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  text = glossa_article_get_text (article);
  len = glossa_article_get_n_bytes (article);
  if (lang == GLOSSA_SUGGEST_LANG_AUTO)
    lang = glossa_suggest_detect_lang (text, len);
  if (!glossa_suggest_quotes (text, len, lang, &suggestions))
    {
      g_printerr (_("%s: the article is not valid UTF-8\n"), path);
      return FALSE;
    }
  if (as_json)
    print_json (path, article, lang, suggestions);
  else
    print_text (path, article, suggestions);
  return TRUE;
}

int
_glossa_cli_quotes (int    argc,
                    char **argv)
{
  GlossaSuggestLang lang = GLOSSA_SUGGEST_LANG_AUTO;
  int exit_code = GLOSSA_EXIT_OK;

  if (!_glossa_cli_parse_options (&argc, &argv, _("FILE…"),
                                  _("Suggests the quotations in each article (NAME.txt) with their\n"
                                    "speakers. Each suggestion is one line of tab-separated fields:\n"
                                    "file, quote start and end, quote, speaker start and end, speaker,\n"
                                    "the named speaker a pronoun stands for, cue, rule and score.\n"
                                    "Offsets are code points; the quote excludes its quotation marks;\n"
                                    "“-” marks an absent speaker. --json prints one object per article.\n\n"
                                    "Exit status: 0 when every file was read, 1 when any could not be,\n"
                                    "2 for usage errors."),
                                  entries, &exit_code))
    return exit_code;

  if (lang_name != NULL && !glossa_suggest_lang_from_string (lang_name, &lang))
    {
      g_printerr (_("%s: unknown language “%s” (expected en, it or auto)\n"), g_get_prgname (), lang_name);
      return GLOSSA_EXIT_USAGE;
    }
  if (argc < 2)
    {
      g_printerr (_("%s: no file given\n"), g_get_prgname ());
      g_printerr (_("Run “%s --help” for usage.\n"), g_get_prgname ());
      return GLOSSA_EXIT_USAGE;
    }

  for (int i = 1; i < argc; i++)
    if (!suggest_file (argv[i], lang))
      exit_code = GLOSSA_EXIT_INVALID;
  return exit_code;
}
