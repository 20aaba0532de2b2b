/* glossa-cli-search.c: `glossa search`, keyword in context over a corpus, and tagging every match
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "glossa-cli-private.h"
#include "glossa-corpus.h"
#include "glossa-error.h"
#include "glossa-json.h"
#include "glossa-search.h"

static gboolean whole_word;
static gboolean match_case;
static gboolean use_regex;
static gboolean as_json;
static gboolean dry_run;
static gboolean count_only;
static char *tag_name;

static const GOptionEntry entries[] = {
  { "word", 0, 0, G_OPTION_ARG_NONE, &whole_word, N_("Match whole words only"), NULL },
  { "case", 0, 0, G_OPTION_ARG_NONE, &match_case, N_("Match case (by default case is ignored)"), NULL },
  { "regex", 0, 0, G_OPTION_ARG_NONE, &use_regex, N_("The query is a regular expression (PCRE)"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print one JSON object per match"), NULL },
  { "count", 0, 0, G_OPTION_ARG_NONE, &count_only, N_("Print only the number of matches and of articles"), NULL },
  { "tag", 0, 0, G_OPTION_ARG_STRING, &tag_name, N_("Tag every untagged match as LABEL in the annotation files"), N_("LABEL") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("With --tag: print what would be tagged, write nothing"), NULL },
  { NULL }
};

typedef struct
{
  const char *given;
  guint       n_hits;
  guint       n_articles;
  guint       n_unreadable;
  GArray     *positions;   /* --tag: the articles with hits */
} Search;

/* g_print() flushes stdout on every call, which costs a system call per
 * match; stdio's own buffer is enough (g_print() writes to the same stdout,
 * so the order stays).
 */
static void
write_line (GString *line)
{
  g_string_append_c (line, '\n');
  fwrite (line->str, 1, line->len, stdout);
}

/* Characters in valid UTF-8: the bytes that do not continue one. */
static glong
utf8_length (const char *str,
             gsize      *bytes)
{
  glong n = 0;
  gsize i;

  for (i = 0; str[i] != '\0'; i++)
    n += ((guchar) str[i] & 0xC0) != 0x80;
  *bytes = i;
  return n;
}

/* @str padded with spaces to @width characters, on the left if @right. */
static void
append_padded (GString    *out,
               const char *str,
               guint       width,
               gboolean    right)
{
  static const char spaces[GLOSSA_SEARCH_CONTEXT + 1] = { [0 ... GLOSSA_SEARCH_CONTEXT - 1] = ' ' };
  gsize bytes;
  glong len = utf8_length (str, &bytes);
  gsize pad = len < width ? width - len : 0;

  /* A context has at most GLOSSA_SEARCH_CONTEXT characters. */
  g_assert (width <= GLOSSA_SEARCH_CONTEXT);
  if (right)
    g_string_append_len (out, spaces, pad);
  g_string_append_len (out, str, bytes);
  if (!right)
    g_string_append_len (out, spaces, pad);
}

static void
append_int (GString *out,
            gint64   value)
{
  char digits[24];
  int n = 0;
  guint64 v = value < 0 ? -(guint64) value : (guint64) value;

  do
    digits[n++] = '0' + v % 10;
  while ((v /= 10) > 0);
  if (value < 0)
    g_string_append_c (out, '-');
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

static const char *
cover_to_string (GlossaSearchCover cover)
{
  switch (cover)
    {
    case GLOSSA_SEARCH_COVER_EXACT: return "exact";
    case GLOSSA_SEARCH_COVER_INSIDE: return "inside";
    case GLOSSA_SEARCH_COVER_NONE: return "none";
    default: g_assert_not_reached ();
    }
}

/* LEFT (right-aligned)  MATCH  RIGHT  ID:START-END [LABEL], appended to
 * @line with its line end: without printf(), into one buffer an article's
 * lines share, since a search may print a million of them.
 */
static void
append_kwic (GString               *line,
             const char            *id,
             const GlossaSearchHit *hit)
{
  append_padded (line, hit->left, GLOSSA_SEARCH_CONTEXT, TRUE);
  g_string_append (line, "  ");
  g_string_append (line, hit->match);
  g_string_append (line, "  ");
  append_padded (line, hit->right, GLOSSA_SEARCH_CONTEXT, FALSE);
  g_string_append (line, "  ");
  g_string_append (line, id);
  g_string_append_c (line, ':');
  append_int (line, hit->start);
  g_string_append_c (line, '-');
  append_int (line, hit->end);
  if (hit->cover == GLOSSA_SEARCH_COVER_EXACT)
    g_string_append_printf (line, "  [%s]", glossa_label_to_string (hit->label));
  else if (hit->cover == GLOSSA_SEARCH_COVER_INSIDE)
    /* Translators: the match lies inside a span with this label. */
    g_string_append_printf (line, "  [%s %s]", _("inside"), glossa_label_to_string (hit->label));
  g_string_append_c (line, '\n');
}

/* An article's lines, written a block of up to 64 KiB at a time. */
static void
print_kwic_block (const char *id,
                  GPtrArray  *hits)
{
  static GString *block;

  if (block == NULL)
    block = g_string_sized_new (72 * 1024);
  g_string_truncate (block, 0);
  for (guint i = 0; i < hits->len; i++)
    {
      append_kwic (block, id, g_ptr_array_index (hits, i));
      if (block->len >= 64 * 1024 || i + 1 == hits->len)
        {
          fwrite (block->str, 1, block->len, stdout);
          g_string_truncate (block, 0);
        }
    }
}

static void
print_json (const char            *id,
            const GlossaSearchHit *hit)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, hit->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, hit->end);
  json_builder_set_member_name (builder, "left");
  json_builder_add_string_value (builder, hit->left);
  json_builder_set_member_name (builder, "match");
  json_builder_add_string_value (builder, hit->match);
  json_builder_set_member_name (builder, "right");
  json_builder_add_string_value (builder, hit->right);
  json_builder_set_member_name (builder, "label");
  if (hit->cover == GLOSSA_SEARCH_COVER_NONE)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, glossa_label_to_string (hit->label));
  json_builder_set_member_name (builder, "cover");
  json_builder_add_string_value (builder, cover_to_string (hit->cover));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  glossa_json_write (out, root, -1);
  write_line (out);
}

static void
print_error (Search       *search,
             const GError *error)
{
  g_autofree char *message = _glossa_cli_as_given (error->message, search->given);

  g_printerr ("%s\n", message);
}

static gboolean
on_result (GlossaSearchResult *result,
           gpointer            user_data)
{
  Search *search = user_data;

  if (result->error != NULL)
    {
      search->n_unreadable++;
      print_error (search, result->error);
      return TRUE;
    }
  search->n_hits += result->n_matches;
  search->n_articles++;
  if (search->positions != NULL)
    {
      g_array_append_val (search->positions, result->position);
      return TRUE;
    }
  if (count_only)
    return TRUE;
  if (!as_json)
    print_kwic_block (result->id, result->hits);
  else
    for (guint i = 0; i < result->hits->len; i++)
      print_json (result->id, g_ptr_array_index (result->hits, i));
  return TRUE;
}

static void
print_count (guint n_hits,
             guint n_articles)
{
  g_autofree char *articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n_articles),
                                               n_articles);

  /* Translators: "128 matches in 40 articles" */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u match in %s\n", "%u matches in %s\n", n_hits), n_hits, articles);
}

/* --count --json: {"matches": N, "articles": M} */
static void
print_count_json (guint n_hits,
                  guint n_articles)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "matches");
  json_builder_add_int_value (builder, n_hits);
  json_builder_set_member_name (builder, "articles");
  json_builder_add_int_value (builder, n_articles);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  glossa_json_write (out, root, -1);
  write_line (out);
}

/* Tagging */

typedef struct
{
  GlossaSearchTagCounts totals;
  guint                 n_articles;
  guint                 n_failed;
} TagPlan;

/* --dry-run: the KWIC lines of the matches that would be tagged. */
static void
print_planned (GlossaSearch   *query,
               GlossaDocument *document,
               const char     *id,
               GArray         *planned)
{
  g_autoptr(GPtrArray) hits = glossa_search_document (query, document);
  g_autoptr(GString) line = g_string_new (NULL);
  guint next = 0;

  for (guint i = 0; i < hits->len && next < planned->len; i++)
    {
      const GlossaSearchHit *hit = g_ptr_array_index (hits, i);
      const GlossaSearchMatch *match = &g_array_index (planned, GlossaSearchMatch, next);

      if (hit->start == match->start && hit->end == match->end)
        {
          g_string_truncate (line, 0);
          append_kwic (line, id, hit);
          fwrite (line->str, 1, line->len, stdout);
          next++;
        }
    }
}

/* Counts what tagging @position would do, or does it and saves. */
static gboolean
tag_article (Search        *search,
             GlossaSearch  *query,
             GlossaCorpus  *corpus,
             guint          position,
             GlossaLabel    label,
             gboolean       apply,
             TagPlan       *plan)
{
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (corpus), position);
  g_autoptr(GArray) planned = g_array_new (FALSE, FALSE, sizeof (GlossaSearchMatch));
  g_autoptr(GError) error = NULL;
  GlossaSearchTagCounts counts;

  document = glossa_corpus_load_document (corpus, position, NULL, &error);
  /* Annotations that do not load are never written over. */
  if (document != NULL && glossa_document_get_error (document) != NULL)
    {
      error = g_error_copy (glossa_document_get_error (document));
      g_clear_object (&document);
    }
  if (document != NULL)
    glossa_document_set_user (document, g_get_user_name ());
  if (document == NULL ||
      !glossa_search_tag_document (query, document, label, apply, &counts, planned, &error) ||
      (apply && counts.tagged > 0 && !glossa_corpus_save_document (corpus, position, document, NULL, &error)))
    {
      print_error (search, error);
      plan->n_failed++;
      return FALSE;
    }
  if (dry_run)
    print_planned (query, document, glossa_corpus_item_get_id (item), planned);
  plan->totals.tagged += counts.tagged;
  plan->totals.already += counts.already;
  plan->totals.crossing += counts.crossing;
  if (counts.tagged > 0)
    plan->n_articles++;
  return TRUE;
}

static void
print_plan (const TagPlan *plan,
            GlossaLabel    label)
{
  g_autofree char *articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                                            plan->n_articles), plan->n_articles);

  if (dry_run)
    /* Translators: "Would tag 12 matches in 3 articles as actor" */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Would tag %u match in %s as %s\n",
                          "Would tag %u matches in %s as %s\n", plan->totals.tagged),
             plan->totals.tagged, articles, glossa_label_to_string (label));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Tagging %u match in %s as %s\n",
                          "Tagging %u matches in %s as %s\n", plan->totals.tagged),
             plan->totals.tagged, articles, glossa_label_to_string (label));
  if (plan->totals.already > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Skipped %u match: a span already has its text\n",
                          "Skipped %u matches: a span already has their text\n", plan->totals.already),
             plan->totals.already);
  if (plan->totals.crossing > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Skipped %u match: it crosses the edge of a span\n",
                          "Skipped %u matches: they cross the edge of a span\n", plan->totals.crossing),
             plan->totals.crossing);
}

/* Counts first, so that the user sees what will be written (and --dry-run
 * stops there); then each article is tagged and saved on its own, through
 * its store, atomically.
 */
static int
tag_corpus (Search       *search,
            GlossaSearch *query,
            GlossaCorpus *corpus,
            GlossaLabel   label)
{
  TagPlan plan = { { 0, 0, 0 }, 0, 0 };
  TagPlan done = { { 0, 0, 0 }, 0, 0 };

  for (guint i = 0; i < search->positions->len; i++)
    tag_article (search, query, corpus, g_array_index (search->positions, guint, i), label, FALSE, &plan);
  print_plan (&plan, label);
  if (dry_run)
    return plan.n_failed > 0 || search->n_unreadable > 0 ? GLOSSA_EXIT_INVALID : GLOSSA_EXIT_OK;

  for (guint i = 0; i < search->positions->len; i++)
    tag_article (search, query, corpus, g_array_index (search->positions, guint, i), label, TRUE, &done);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Tagged %u match\n", "Tagged %u matches\n", done.totals.tagged),
           done.totals.tagged);
  return done.n_failed > 0 || search->n_unreadable > 0 ? GLOSSA_EXIT_INVALID : GLOSSA_EXIT_OK;
}

static gboolean
check_usage (int argc)
{
  if (argc != 3)
    {
      g_printerr (argc < 3 ? _("%s: expected a corpus and a query\n") : _("%s: too many arguments\n"),
                  g_get_prgname ());
      return FALSE;
    }
  if (tag_name == NULL && dry_run)
    {
      g_printerr (_("%s: --dry-run goes with --tag\n"), g_get_prgname ());
      return FALSE;
    }
  if (tag_name != NULL && as_json)
    {
      g_printerr (_("%s: --json does not go with --tag\n"), g_get_prgname ());
      return FALSE;
    }
  if (tag_name != NULL && count_only)
    {
      g_printerr (_("%s: --count does not go with --tag\n"), g_get_prgname ());
      return FALSE;
    }
  return TRUE;
}

/* Without --tag the corpus is read once, as it is searched. */
static int
search_only (Search       *search,
             GlossaSearch *query,
             GFile        *file)
{
  static char buffer[256 * 1024];
  g_autoptr(GError) error = NULL;

  /* A million lines to a pipe cost more in write() calls of stdio's
   * default 4 KiB than in finding them; a terminal keeps its lines.
   */
  if (!isatty (fileno (stdout)))
    setvbuf (stdout, buffer, _IOFBF, sizeof buffer);

  if (!glossa_search_corpus_file (query, file, on_result, search, NULL, &error))
    {
      fflush (stdout);
      print_error (search, error);
      return GLOSSA_EXIT_INVALID;
    }
  if (count_only && as_json)
    print_count_json (search->n_hits, search->n_articles);
  else if (!as_json)
    print_count (search->n_hits, search->n_articles);
  return search->n_unreadable > 0 ? GLOSSA_EXIT_INVALID : GLOSSA_EXIT_OK;
}

static GlossaSearchFlags
flags_from_options (void)
{
  return (whole_word ? GLOSSA_SEARCH_WHOLE_WORD : 0) |
         (match_case ? GLOSSA_SEARCH_MATCH_CASE : 0) |
         (use_regex ? GLOSSA_SEARCH_REGEX : 0) |
         (count_only ? GLOSSA_SEARCH_COUNT_ONLY : 0);
}

int
_glossa_cli_search (int    argc,
                    char **argv)
{
  g_autoptr(GlossaSearch) query = NULL;
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) positions = NULL;
  Search search = { NULL, 0, 0, 0, NULL };
  GlossaLabel label = GLOSSA_LABEL_ACTOR;
  int exit_code = GLOSSA_EXIT_OK;

  if (!_glossa_cli_parse_options (&argc, &argv, _("CORPUS QUERY"),
                                  _("Finds QUERY in every article of CORPUS (a folder or a JSONL file)\n"
                                    "and prints each match in its context: the 40 characters before it\n"
                                    "(right-aligned), the match, the 40 after it, the article’s id with\n"
                                    "the match’s code point offsets, and the label of a span that has\n"
                                    "exactly its text or contains it. The last line is the count.\n"
                                    "--json prints one JSON object per match instead, and no count.\n"
                                    "--count prints only the count (with --json as one JSON object).\n\n"
                                    "--tag LABEL tags every match that no span has exactly and that\n"
                                    "crosses no span, saving each article's annotations atomically;\n"
                                    "the counts are printed first.\n\n"
                                    "Exit status: 0 when the search ran (with or without matches), 1 when\n"
                                    "an article or annotation file could not be read or written, 2 for\n"
                                    "usage errors (an invalid regular expression is one)."),
                                  entries, &exit_code))
    return exit_code;
  if (!check_usage (argc))
    {
      g_printerr (_("Run “%s --help” for usage.\n"), g_get_prgname ());
      return GLOSSA_EXIT_USAGE;
    }
  if (!(query = glossa_search_new (argv[2], flags_from_options (), &error)))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return GLOSSA_EXIT_USAGE;
    }
  /* A typo is better caught before anything is read: the label is one of
   * the schema the corpus is read with.
   */
  if (tag_name != NULL && !_glossa_cli_corpus_label (argv[1], tag_name, &label, &error))
    {
      g_printerr ("%s: --tag: %s\n", g_get_prgname (), error->message);
      return g_error_matches (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE) ? GLOSSA_EXIT_USAGE : GLOSSA_EXIT_INVALID;
    }

  search.given = argv[1];
  file = g_file_new_for_commandline_arg (argv[1]);
  if (tag_name == NULL)
    return search_only (&search, query, file);
  if (!(corpus = glossa_corpus_open (file, NULL, &error)))
    {
      print_error (&search, error);
      return GLOSSA_EXIT_INVALID;
    }
  if (glossa_corpus_get_read_only (corpus))
    {
      g_printerr (_("%s: this is an exported dataset, for reading only; nothing was tagged\n"), argv[1]);
      return GLOSSA_EXIT_INVALID;
    }
  search.positions = positions = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!glossa_search_corpus (query, corpus, on_result, &search, NULL, &error))
    {
      print_error (&search, error);
      return GLOSSA_EXIT_INVALID;
    }
  return tag_corpus (&search, query, corpus, label);
}
