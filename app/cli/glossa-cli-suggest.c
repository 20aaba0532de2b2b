/* glossa-cli-suggest.c: `glossa suggest`, a corpus pre-annotated by the suggesters
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "glossa-cli-private.h"
#include "glossa-corpus.h"
#include "glossa-schema.h"
#include "glossa-error.h"
#include "glossa-export.h"
#include "glossa-format.h"
#include "glossa-import.h"
#include "glossa-output.h"
#include "glossa-suggest.h"
#include "glossa-timex.h"

typedef struct
{
  GlossaSuggestLang   lang;
  GStrv               labels;        /* --only, or NULL */
  GlossaSuggesters    suggesters;
  GlossaKnownNames   *known_names;
  GHashTable         *per_suggester; /* "quotes" → count */
  GHashTable         *per_label;     /* "quote" → count */
  guint               n_suggested;
  guint               n_unknown;     /* suggestions of a label the corpus cannot hold */
  guint               n_links;       /* links written from suggestions */
  guint               n_rejected;    /* suggestions an annotator rejected before */
  /* Why each suggester does not run (GLOSSA_SUGGESTER_x → reason), or NULL. */
  char               *off[3];
} Run;

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  g_printerr (_("Run “%s --help” for usage.\n"), g_get_prgname ());
  return GLOSSA_EXIT_USAGE;
}

/* --only quote,date,actor: label names; the suggesters that cannot give
 * any of them are not run.
 */
static gboolean
parse_only (const char  *only,
            const char  *corpus,
            Run         *run,
            GError     **error)
{
  g_auto(GStrv) names = g_strsplit (only, ",", -1);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (char **n = names; *n != NULL; n++)
    {
      GlossaLabel label;

      g_strstrip (*n);
      /* The labels of the schema the corpus is read with. */
      if (!_glossa_cli_corpus_label (corpus, *n, &label, error))
        {
          g_prefix_error (error, "--only: ");
          return FALSE;
        }
      g_ptr_array_add (labels, g_strdup (glossa_label_to_string (label)));
    }
  g_ptr_array_add (labels, NULL);
  run->labels = (GStrv) g_ptr_array_free (g_steal_pointer (&labels), FALSE);
  run->suggesters = GLOSSA_SUGGESTER_NAMES;
  if (g_strv_contains ((const char * const *) run->labels, "quote") ||
      g_strv_contains ((const char * const *) run->labels, "actor"))
    run->suggesters |= GLOSSA_SUGGESTER_QUOTES;
  if (g_strv_contains ((const char * const *) run->labels, "date"))
    run->suggesters |= GLOSSA_SUGGESTER_DATES;
  return TRUE;
}

/* --suggesters quotes,dates: which suggesters run at all. */
static gboolean
parse_suggesters (const char        *list,
                  GlossaSuggesters  *suggesters,
                  GError           **error)
{
  g_auto(GStrv) names = g_strsplit (list, ",", -1);

  *suggesters = 0;
  for (char **n = names; *n != NULL; n++)
    {
      guint bit;

      g_strstrip (*n);
      for (bit = GLOSSA_SUGGESTER_QUOTES; bit <= GLOSSA_SUGGESTER_NAMES; bit <<= 1)
        if (g_strcmp0 (glossa_suggester_to_string (bit), *n) == 0)
          break;
      if (bit > GLOSSA_SUGGESTER_NAMES)
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                       _("--suggesters: “%s” is not quotes, dates or names"), *n);
          return FALSE;
        }
      *suggesters |= bit;
    }
  return TRUE;
}

/* Records why the suggesters in @bits do not run, unless already known. */
static void
note_off (Run              *run,
          GlossaSuggesters  bits,
          const char       *reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (run->off); i++)
    if ((bits & (1u << i)) && run->off[i] == NULL)
      run->off[i] = g_strdup (reason);
}

/* Without --suggesters, the corpus's schema says which suggesters run:
 * one it turns off is off here as in the window. Naming it in
 * --suggesters is asking for it, and runs it.
 */
static gboolean
apply_schema (Run         *run,
              const char  *corpus,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (corpus);
  g_autoptr(GFile) location = NULL;
  g_autoptr(GlossaSchema) schema = glossa_corpus_find_schema (file, &location, error);

  if (schema == NULL)
    return FALSE;
  for (guint bit = GLOSSA_SUGGESTER_QUOTES; bit <= GLOSSA_SUGGESTER_NAMES; bit <<= 1)
    {
      const char *name = glossa_suggester_to_string (bit);
      g_autofree char *where = NULL;
      g_autofree char *reason = NULL;

      if (!(run->suggesters & bit) || glossa_schema_get_suggester (schema, name))
        continue;
      where = location != NULL ? _glossa_cli_display_path (location) : g_strdup ("glossa-schema.json");
      /* Translators: "corpus/glossa-schema.json turns it off (--suggesters names runs it)" */
      reason = g_strdup_printf (_("%s turns it off (--suggesters %s runs it)"), where, name);
      note_off (run, bit, reason);
      run->suggesters &= ~bit;
    }
  return TRUE;
}

static void
count (GHashTable *table,
       const char *key)
{
  g_hash_table_insert (table, (gpointer) key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) + 1));
}

static GPtrArray *
load_records (GlossaRecordSource  *source,
              GError             **error)
{
  guint n = glossa_record_source_get_n_records (source);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_record_free);

  for (guint i = 0; i < n; i++)
    {
      GlossaRecord *record = glossa_record_source_load (source, i, error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }
  return g_steal_pointer (&records);
}

/* A suggestion nobody accepted yet: a silver span, not the corpus's own. */
static gboolean
is_unreviewed (const GlossaSpan *span)
{
  return span->origin == GLOSSA_ORIGIN_SUGGESTED && (span->annotator == NULL || *span->annotator == '\0');
}

/* Every span text of the corpus, counted per label, but for suggestions
 * nobody accepted: learning from those would make a second run repeat the
 * first one's mistakes everywhere.
 */
static void
learn_names (GlossaKnownNames *names,
             GPtrArray        *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      GlossaRecord *record = g_ptr_array_index (records, i);

      for (guint k = 0; k < record->spans->len; k++)
        {
          GlossaSpan *span = g_ptr_array_index (record->spans, k);

          if (!is_unreviewed (span))
            glossa_known_names_add (names, span->text, glossa_label_to_string (span->label), 1);
        }
    }
}

/* The gazetteer given, or glossa-gazetteer.tsv beside the articles (in a
 * folder corpus) or beside the JSONL file, if there is one.
 */
static gboolean
load_gazetteer (GlossaKnownNames  *names,
                const char        *corpus,
                const char        *given,
                GError           **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local = NULL;

  if (given != NULL)
    return glossa_known_names_load_gazetteer (names, given, error);
  folder = g_file_test (corpus, G_FILE_TEST_IS_DIR) ? g_strdup (corpus) : g_path_get_dirname (corpus);
  path = g_build_filename (folder, GLOSSA_GAZETTEER_NAME, NULL);
  if (glossa_known_names_load_gazetteer (names, path, &local))
    return TRUE;
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* The article's own date if it is one, else its “date YYYY-MM-DD” header. */
static char *
article_dct (GlossaRecord *record)
{
  GlossaArticle *article = record->article;

  if (record->date != NULL && strlen (record->date) == 10 && glossa_timex_check (record->date, NULL))
    return g_strdup (record->date);
  return glossa_article_find_date (glossa_article_get_text (article),
                                   glossa_article_get_n_bytes (article));
}

static char *
next_id (GHashTable *ids,
         guint      *counter)
{
  for (;;)
    {
      char *id = g_strdup_printf ("s%u", ++*counter);

      if (!g_hash_table_contains (ids, id))
        return id;
      g_free (id);
    }
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return glossa_span_compare (*(GlossaSpan * const *) a, *(GlossaSpan * const *) b);
}

/* The suggestion's attributes that the schema declares for its label, as
 * strings (a date's "value"); one the schema would refuse is left out, so
 * that the file written loads again. A value is the normaliser's: "auto".
 */
static void
set_attributes (GlossaSchema           *schema,
                GlossaSpan             *span,
                const GlossaSuggestion *suggestion)
{
  g_autoptr(JsonObject) attributes = json_object_new ();
  GHashTableIter iter;
  gpointer name, value;

  if (suggestion->attributes == NULL)
    return;
  g_hash_table_iter_init (&iter, suggestion->attributes);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);

      if (glossa_format_check_attribute (schema, span->label, name, node, "", "", NULL))
        json_object_set_member (attributes, name, g_steal_pointer (&node));
    }
  if (json_object_get_size (attributes) == 0)
    return;
  span->attributes = g_steal_pointer (&attributes);
  if (glossa_span_get_attribute (span, "value") != NULL)
    span->value_source = g_strdup ("auto");
}

static char *
next_relation_id (GlossaRecord *record,
                  guint        *counter)
{
  for (;;)
    {
      char *id = g_strdup_printf ("r%u", ++*counter);
      gboolean used = FALSE;

      for (guint k = 0; k < record->relations->len && !used; k++)
        used = strcmp (((GlossaRelation *) g_ptr_array_index (record->relations, k))->id, id) == 0;
      if (!used)
        return id;
      g_free (id);
    }
}

/* Adds @relation unless it is not allowed (by the schema, or a span linked
 * to itself) or the record already has that link. Returns whether it did.
 */
static gboolean
add_relation (GlossaRecord   *record,
              GHashTable     *spans_by_id,
              GlossaRelation *relation)
{
  if (!glossa_format_check_relation (relation, spans_by_id, record->schema, "", "", NULL))
    return FALSE;
  for (guint k = 0; k < record->relations->len; k++)
    if (glossa_relation_same_key (g_ptr_array_index (record->relations, k), relation))
      return FALSE;
  g_ptr_array_add (record->relations, glossa_relation_ref (relation));
  return TRUE;
}

static gboolean
try_link (Run          *run,
          GlossaRecord *record,
          GHashTable   *spans_by_id,
          const char   *type,
          GlossaSpan   *from,
          GlossaSpan   *to,
          guint        *counter)
{
  g_autofree char *id = next_relation_id (record, counter);
  g_autoptr(GlossaRelation) relation = glossa_relation_new (id, type, from->id, to->id);

  if (!add_relation (record, spans_by_id, relation))
    {
      (*counter)--;  /* the id was not used after all */
      return FALSE;
    }
  run->n_links++;
  return TRUE;
}

/* A suggestion's link goes to the span made from its target suggestion, or
 * to a span the article already had with the target's extent (a speaker
 * already tagged): of several there, the first the schema lets it reach.
 */
static void
add_link (Run                    *run,
          GlossaRecord           *record,
          GHashTable             *spans_by_id,
          const GlossaSuggestion *suggestion,
          GlossaSpan             *from,
          GlossaSpan             *target,
          guint                  *counter)
{
  if (target != NULL)
    {
      try_link (run, record, spans_by_id, suggestion->link_type, from, target, counter);
      return;
    }
  for (guint k = 0; k < record->spans->len; k++)
    {
      GlossaSpan *to = g_ptr_array_index (record->spans, k);

      if (to->start == suggestion->link_start && to->end == suggestion->link_end &&
          try_link (run, record, spans_by_id, suggestion->link_type, from, to, counter))
        return;
    }
}

static int
compare_relations (gconstpointer a,
                   gconstpointer b)
{
  return glossa_relation_compare (*(GlossaRelation * const *) a, *(GlossaRelation * const *) b);
}

static void
add_links (Run          *run,
           GlossaRecord *record,
           GPtrArray    *suggestions,
           GlossaSpan  **made)
{
  g_autoptr(GHashTable) spans_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  guint counter = 0;

  for (guint k = 0; k < record->spans->len; k++)
    {
      GlossaSpan *span = g_ptr_array_index (record->spans, k);

      g_hash_table_insert (spans_by_id, span->id, span);
    }
  for (guint i = 0; i < suggestions->len; i++)
    {
      const GlossaSuggestion *s = g_ptr_array_index (suggestions, i);

      if (made[i] == NULL || s->link_type == NULL)
        continue;
      /* A target suggestion left out (a label the corpus lacks) takes its link along. */
      if (s->link >= 0 && made[s->link] == NULL)
        continue;
      add_link (run, record, spans_by_id, s, made[i], s->link >= 0 ? made[s->link] : NULL, &counter);
    }
  g_ptr_array_sort (record->relations, compare_relations);
}

static gboolean
is_rejected (GHashTable             *rejected,
             const GlossaSuggestion *s)
{
  g_autofree char *key = NULL;

  if (g_hash_table_size (rejected) == 0)
    return FALSE;
  key = glossa_suggestion_key (s->start, s->end, s->label);
  return g_hash_table_contains (rejected, key);
}

static void
add_suggestions (Run          *run,
                 GlossaRecord *record,
                 GPtrArray    *suggestions)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) rejected = glossa_suggest_read_rejected (record->extra);
  g_autofree GlossaSpan **made = g_new0 (GlossaSpan *, suggestions->len + 1);
  guint counter = 0;

  for (guint k = 0; k < record->spans->len; k++)
    g_hash_table_add (ids, ((GlossaSpan *) g_ptr_array_index (record->spans, k))->id);

  for (guint i = 0; i < suggestions->len; i++)
    {
      const GlossaSuggestion *s = g_ptr_array_index (suggestions, i);
      g_autofree char *text = NULL;
      GlossaLabel label;
      GlossaSpan *span;
      char *id;

      /* A gazetteer may name labels its corpus does not have. */
      if (!glossa_label_from_string (s->label, &label) ||
          glossa_schema_label_index (record->schema, label) < 0)
        {
          run->n_unknown++;
          continue;
        }
      /* As in the window: a link to it goes with it (see add_links()). */
      if (is_rejected (rejected, s))
        {
          run->n_rejected++;
          continue;
        }
      text = glossa_article_slice (record->article, s->start, s->end);
      id = next_id (ids, &counter);
      span = glossa_span_new (id, s->start, s->end, label, text);
      span->origin = GLOSSA_ORIGIN_SUGGESTED;
      set_attributes (record->schema, span, s);
      g_ptr_array_add (record->spans, span);
      g_hash_table_add (ids, span->id);
      made[i] = span;
      g_free (id);
      count (run->per_suggester, s->suggester);
      count (run->per_label, glossa_label_to_string (label));
      run->n_suggested++;
    }
  g_ptr_array_sort (record->spans, compare_spans);
  add_links (run, record, suggestions, made);
}

static gboolean
suggest_record (Run           *run,
                GlossaRecord  *record,
                GError       **error)
{
  GlossaArticle *article = record->article;
  g_autofree char *dct = article_dct (record);
  g_autofree GlossaSuggestExisting *existing = g_new0 (GlossaSuggestExisting, record->spans->len + 1);
  GlossaSuggestOptions options = { run->suggesters, (const char * const *) run->labels,
                                   existing, record->spans->len };
  g_autoptr(GPtrArray) suggestions = NULL;

  /* The schema turned every one off: 0 would mean all of them below. */
  if (run->suggesters == 0)
    return TRUE;
  for (guint k = 0; k < record->spans->len; k++)
    {
      GlossaSpan *span = g_ptr_array_index (record->spans, k);

      existing[k].start = span->start;
      existing[k].end = span->end;
      existing[k].label = glossa_label_to_string (span->label);
    }
  suggestions = glossa_suggest_article (glossa_article_get_text (article),
                                        glossa_article_get_n_bytes (article), dct, run->lang,
                                        run->known_names, &options, error);
  if (suggestions == NULL)
    {
      g_prefix_error (error, "%s: ", record->id);
      return FALSE;
    }
  add_suggestions (run, record, suggestions);
  return TRUE;
}

static void
print_counts (const char *title,
              GHashTable *table)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (table), (GCompareFunc) g_strcmp0);

  for (GList *l = keys; l != NULL; l = l->next)
    g_printerr ("%s: %s %s: %u\n", g_get_prgname (), title, (const char *) l->data,
                GPOINTER_TO_UINT (g_hash_table_lookup (table, l->data)));
}

/* The suggesters that did not run, and why. */
static void
print_off (Run *run)
{
  for (guint i = 0; i < G_N_ELEMENTS (run->off); i++)
    if (run->off[i] != NULL)
      /* Translators: "glossa: the names suggester was off: corpus/glossa-schema.json turns it off" */
      g_printerr (_("%s: the %s suggester was off: %s\n"), g_get_prgname (),
                  glossa_suggester_to_string (1u << i), run->off[i]);
}

static void
print_report (Run        *run,
              GPtrArray  *records,
              const char *output)
{
  g_printerr (ngettext ("%s: %u document, %u suggested spans written to %s\n",
                        "%s: %u documents, %u suggested spans written to %s\n", records->len),
              g_get_prgname (), records->len, run->n_suggested, output);
  if (run->n_links > 0)
    g_printerr (ngettext ("%s: %u link from a suggestion written\n",
                          "%s: %u links from suggestions written\n", run->n_links),
                g_get_prgname (), run->n_links);
  print_counts (_("suggester"), run->per_suggester);
  print_counts (_("label"), run->per_label);
  if (run->n_unknown > 0)
    g_printerr (ngettext ("%s: %u suggestion of a label the corpus does not have left out\n",
                          "%s: %u suggestions of labels the corpus does not have left out\n",
                          run->n_unknown),
                g_get_prgname (), run->n_unknown);
  if (run->n_rejected > 0)
    g_printerr (ngettext ("%s: %u left out: rejected before\n",
                          "%s: %u left out: rejected before\n", run->n_rejected),
                g_get_prgname (), run->n_rejected);
  print_off (run);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->labels, g_strfreev);
  g_clear_pointer (&run->known_names, glossa_known_names_free);
  g_clear_pointer (&run->per_suggester, g_hash_table_unref);
  g_clear_pointer (&run->per_label, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (run->off); i++)
    g_clear_pointer (&run->off[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static int
failed (GError *error)
{
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  return g_error_matches (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE) ? GLOSSA_EXIT_USAGE
                                                                    : GLOSSA_EXIT_INVALID;
}

int
_glossa_cli_suggest (int    argc,
                     char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *only = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *gazetteer = NULL;
  g_autofree char *suggesters = NULL;
  gboolean ignore_case = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The corpus folder to create"), N_("CORPUS") },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      N_("Suggest only these labels, comma-separated (quote,date,actor)"), N_("LABELS") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("The articles' language: en, it or auto (the default, per article)"), N_("LANG") },
    { "gazetteer", 0, 0, G_OPTION_ARG_FILENAME, &gazetteer,
      N_("A file of known names, TEXT<TAB>LABEL a line (default: glossa-gazetteer.tsv beside the articles, if any)"),
      N_("FILE") },
    { "suggesters", 0, 0, G_OPTION_ARG_STRING, &suggesters,
      N_("Run only these suggesters, comma-separated (quotes,dates,names)"), N_("LIST") },
    { "ignore-case", 0, 0, G_OPTION_ARG_NONE, &ignore_case,
      N_("Find known names whatever their letter case"), NULL },
    { NULL }
  };
  g_auto(Run) run = { 0 };
  g_autoptr(GlossaRecordSource) source = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) inputs = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) corpus = NULL;
  g_autoptr(GError) error = NULL;
  GlossaImportReport report = { 0 };
  const char *paths[2] = { NULL, NULL };
  int exit_code = GLOSSA_EXIT_OK;

  if (!_glossa_cli_parse_options (&argc, &argv, _("CORPUS"),
                                  _("Writes a new corpus folder with each article's spans plus the\n"
                                    "suggestions of the quote, date and known-name suggesters (origin\n"
                                    "\"suggested\"). Known names are the texts the corpus already tags,\n"
                                    "found again wherever they occur, plus the gazetteer's. The\n"
                                    "counts per suggester and per label go to standard error.\n\n"
                                    "Exit status: 0 on success, 1 on bad input, 2 for usage errors."),
                                  entries, &exit_code))
    return exit_code;

  if (argc != 2)
    return usage_error (_("give one corpus"));
  if (output == NULL)
    return usage_error (_("no output given (-o CORPUS)"));
  run.suggesters = GLOSSA_SUGGESTERS_ALL;
  if (only != NULL && !parse_only (only, argv[1], &run, &error))
    return g_error_matches (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE) ? usage_error (error->message) : failed (error);
  note_off (&run, GLOSSA_SUGGESTERS_ALL & ~run.suggesters, _("--only asks for no label it gives"));
  if (suggesters == NULL && !apply_schema (&run, argv[1], &error))
    return failed (error);
  if (suggesters != NULL)
    {
      GlossaSuggesters chosen;

      if (!parse_suggesters (suggesters, &chosen, &error))
        return usage_error (error->message);
      note_off (&run, GLOSSA_SUGGESTERS_ALL & ~chosen, _("--suggesters does not name it"));
      run.suggesters &= chosen;
      /* 0 would mean all of them to glossa_suggest_article(). */
      if (run.suggesters == 0)
        return usage_error (_("--only and --suggesters leave no suggester to run"));
    }
  if (lang != NULL && !glossa_suggest_lang_from_string (lang, &run.lang))
    return usage_error (_("--lang must be en, it or auto"));

  input = g_file_new_for_commandline_arg (argv[1]);
  corpus = g_file_new_for_commandline_arg (output);
  inputs = g_ptr_array_new ();
  g_ptr_array_add (inputs, input);
  if (!glossa_output_check (corpus, GLOSSA_OUTPUT_FOLDER, inputs, &error))
    return usage_error (error->message);

  paths[0] = argv[1];
  source = glossa_record_source_open (paths, NULL, &error);
  if (source == NULL || !(records = load_records (source, &error)))
    return failed (error);

  run.known_names = glossa_known_names_new (!ignore_case);
  run.per_suggester = g_hash_table_new (g_str_hash, g_str_equal);
  run.per_label = g_hash_table_new (g_str_hash, g_str_equal);
  learn_names (run.known_names, records);
  if (!load_gazetteer (run.known_names, argv[1], gazetteer, &error))
    return failed (error);

  for (guint i = 0; i < records->len; i++)
    if (!suggest_record (&run, g_ptr_array_index (records, i), &error))
      return failed (error);

  if (!glossa_import_write_corpus (records, corpus, &report, NULL, &error))
    {
      glossa_import_report_clear (&report);
      return failed (error);
    }
  for (guint i = 0; report.warnings != NULL && i < report.warnings->len; i++)
    g_printerr (_("%s: warning: %s\n"), g_get_prgname (), (const char *) g_ptr_array_index (report.warnings, i));
  glossa_import_report_clear (&report);
  print_report (&run, records, output);
  return GLOSSA_EXIT_OK;
}
