/* glossa-merge.c: merging N annotators' spans, and the provenance an adjudicated span keeps
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-article.h"
#include "glossa-error.h"
#include "glossa-corpus.h"
#include "glossa-export.h"
#include "glossa-format-private.h"
#include "glossa-merge.h"
#include "glossa-output.h"
#include "glossa-review.h"
#include "glossa-storage.h"

/* Provenance */

static gboolean is_string (JsonNode *node);

static JsonArray *
string_array (const char * const *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);
  return array;
}

GlossaSpan *
glossa_merge_span_with_review (const GlossaSpan   *span,
                               const char         *decision,
                               const char * const *sources,
                               const char         *reviewer,
                               const char         *reviewed)
{
  GlossaSpan *copy;
  JsonObject *review = json_object_new ();
  JsonObject *extra = json_object_new ();

  g_return_val_if_fail (span != NULL, NULL);
  g_return_val_if_fail (decision != NULL, NULL);

  /* The span's own unknown members stay, in their order; a "review" it
   * had (it came from an earlier adjudication) is replaced by this one.
   */
  if (span->extra != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (span->extra);

      for (const GList *l = members; l != NULL; l = l->next)
        if (!g_str_equal (l->data, GLOSSA_REVIEW_MEMBER))
          json_object_set_member (extra, l->data,
                                  json_node_copy (json_object_get_member (span->extra, l->data)));
    }

  json_object_set_string_member (review, "decision", decision);
  json_object_set_array_member (review, "sources", string_array (sources));
  if (reviewer != NULL)
    json_object_set_string_member (review, "reviewer", reviewer);
  if (reviewed != NULL)
    json_object_set_string_member (review, "reviewed", reviewed);
  json_object_set_object_member (extra, GLOSSA_REVIEW_MEMBER, review);

  copy = glossa_span_copy (span);
  g_clear_pointer (&copy->extra, json_object_unref);
  copy->extra = extra;
  return copy;
}

GlossaSpan *
glossa_merge_span_changed (const GlossaSpan *span,
                           const char       *reviewer,
                           const char       *reviewed)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  JsonObject *review;
  JsonNode *node;

  g_return_val_if_fail (glossa_merge_span_get_decision (span) != NULL, NULL);

  review = json_object_get_object_member (span->extra, GLOSSA_REVIEW_MEMBER);
  node = json_object_get_member (review, "sources");
  for (guint i = 0; node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
                    i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);

      if (is_string (element))
        g_ptr_array_add (sources, (gpointer) json_node_get_string (element));
    }
  g_ptr_array_add (sources, NULL);
  return glossa_merge_span_with_review (span, "changed", (const char * const *) sources->pdata,
                                        reviewer, reviewed);
}

const char *
glossa_merge_span_get_decision (const GlossaSpan *span)
{
  JsonNode *node;
  JsonObject *review;

  g_return_val_if_fail (span != NULL, NULL);

  if (span->extra == NULL ||
      !(node = json_object_get_member (span->extra, GLOSSA_REVIEW_MEMBER)) ||
      !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  review = json_node_get_object (node);
  node = json_object_get_member (review, "decision");
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

/* Checks */

G_GNUC_PRINTF (5, 6)
static gboolean
fail (GError     **error,
      const char  *name,
      const char  *field,
      const char  *member,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID, "%s: %s%s%s: %s",
               name, field, member ? "." : "", member ? member : "", message);
  return FALSE;
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
is_time (const char *str)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (str, NULL);

  return time != NULL;
}

/* An optional string member; @time: it must be an ISO 8601 time. */
static gboolean
check_optional_string (JsonObject  *object,
                       const char  *member,
                       gboolean     time,
                       const char  *name,
                       const char  *field,
                       GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!is_string (node))
    return fail (error, name, field, member, _("expected a string"));
  if (time && !is_time (json_node_get_string (node)))
    return fail (error, name, field, member, _("“%s” is not an ISO 8601 time"),
                 json_node_get_string (node));
  return TRUE;
}

/* A list of annotators' names, non-empty strings. */
static gboolean
check_sources (JsonObject  *object,
               const char  *name,
               const char  *field,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, "sources");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, name, field, "sources", _("expected a list of annotators’ names"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!is_string (element) || json_node_get_string (element)[0] == '\0')
        {
          g_autofree char *sub = g_strdup_printf ("sources[%u]", i);
          return fail (error, name, field, sub, _("expected an annotator’s name"));
        }
    }
  return TRUE;
}

static gboolean
check_one_of (JsonObject          *object,
              const char          *member,
              const char * const  *allowed,
              const char          *name,
              const char          *field,
              GError             **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *list = NULL;

  if (is_string (node) && g_strv_contains (allowed, json_node_get_string (node)))
    return TRUE;
  list = g_strjoinv (", ", (char **) allowed);
  if (!is_string (node))
    return fail (error, name, field, member, _("expected one of %s"), list);
  return fail (error, name, field, member, _("unknown value “%s” (expected one of %s)"),
               json_node_get_string (node), list);
}

gboolean
glossa_merge_check_review (JsonObject  *extra,
                           const char  *name,
                           const char  *field,
                           GError     **error)
{
  static const char * const decisions[] = {
    "agreed", "merged", "majority", "a", "b", "both", "kept", "added", "changed", NULL
  };
  g_autofree char *sub = NULL;
  JsonNode *node;
  JsonObject *review;

  if (extra == NULL || !(node = json_object_get_member (extra, GLOSSA_REVIEW_MEMBER)))
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, name, field, GLOSSA_REVIEW_MEMBER, _("expected an object"));

  review = json_node_get_object (node);
  sub = g_strdup_printf ("%s.%s", field, GLOSSA_REVIEW_MEMBER);
  return check_one_of (review, "decision", decisions, name, sub, error) &&
         check_sources (review, name, sub, error) &&
         check_optional_string (review, "reviewer", FALSE, name, sub, error) &&
         check_optional_string (review, "reviewed", TRUE, name, sub, error);
}

/* One of a decision's options: {"label", "sources"}. */
static gboolean
check_option (JsonNode     *node,
              GlossaSchema *schema,
              const char   *name,
              const char   *field,
              GError      **error)
{
  JsonObject *option;
  JsonNode *label;
  GlossaLabel value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, name, field, NULL, _("expected an object"));
  option = json_node_get_object (node);
  label = json_object_get_member (option, "label");
  if (!is_string (label) || !glossa_label_from_string (json_node_get_string (label), &value) ||
      glossa_schema_label_index (schema, value) < 0)
    return fail (error, name, field, "label", _("expected a label"));
  return check_sources (option, name, field, error);
}

/* "kept" lists labels among the options'. */
static gboolean
check_kept (JsonObject  *decision,
            JsonArray   *options,
            const char  *name,
            const char  *field,
            GError     **error)
{
  JsonNode *node = json_object_get_member (decision, "kept");
  JsonArray *kept;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, name, field, "kept", _("expected a list of labels"));
  kept = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (kept); i++)
    {
      JsonNode *element = json_array_get_element (kept, i);
      gboolean found = FALSE;

      for (guint j = 0; is_string (element) && j < json_array_get_length (options); j++)
        {
          JsonObject *option = json_array_get_object_element (options, j);

          found |= g_strcmp0 (json_object_get_string_member (option, "label"),
                              json_node_get_string (element)) == 0;
        }
      if (!found)
        {
          g_autofree char *sub = g_strdup_printf ("kept[%u]", i);
          return fail (error, name, field, sub, _("expected the label of one of the options"));
        }
    }
  return TRUE;
}

static gboolean
check_decision (JsonNode     *node,
                GlossaSchema *schema,
                gint64        length,
                const char  *name,
                const char  *field,
                GError     **error)
{
  static const char * const decisions[] = { "a", "b", "both", "neither", "kept", "majority", NULL };
  JsonObject *decision;
  JsonNode *start, *end, *options;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, name, field, NULL, _("expected an object"));
  decision = json_node_get_object (node);
  start = json_object_get_member (decision, "start");
  end = json_object_get_member (decision, "end");
  if (!is_integer (start) || json_node_get_int (start) < 0)
    return fail (error, name, field, "start", _("expected an offset"));
  if (!is_integer (end) || json_node_get_int (end) <= json_node_get_int (start) ||
      (length >= 0 && json_node_get_int (end) > length))
    return fail (error, name, field, "end",
                 _("expected an offset after start and within the article’s %lld characters"),
                 (long long) length);

  options = json_object_get_member (decision, "options");
  if (options == NULL || !JSON_NODE_HOLDS_ARRAY (options) ||
      json_array_get_length (json_node_get_array (options)) == 0)
    return fail (error, name, field, "options", _("expected a list of the spans decided between"));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (options)); i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s.options[%u]", field, i);

      if (!check_option (json_array_get_element (json_node_get_array (options), i), schema, name, sub, error))
        return FALSE;
    }

  return check_optional_string (decision, "text", FALSE, name, field, error) &&
         check_one_of (decision, "decision", decisions, name, field, error) &&
         check_kept (decision, json_node_get_array (options), name, field, error) &&
         check_optional_string (decision, "reviewer", FALSE, name, field, error) &&
         check_optional_string (decision, "reviewed", TRUE, name, field, error);
}

gboolean
glossa_merge_check_decisions (JsonObject   *extra,
                              GlossaSchema *schema,
                              gint64        length,
                              const char  *name,
                              GError     **error)
{
  JsonNode *node;
  JsonArray *decisions;

  if (extra == NULL || !(node = json_object_get_member (extra, GLOSSA_DECISIONS_MEMBER)))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, name, GLOSSA_DECISIONS_MEMBER, NULL, _("expected a list"));

  decisions = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (decisions); i++)
    {
      g_autofree char *field = g_strdup_printf ("%s[%u]", GLOSSA_DECISIONS_MEMBER, i);

      if (!check_decision (json_array_get_element (decisions, i), schema, length, name, field, error))
        return FALSE;
    }
  return TRUE;
}

/* Merging */

/* One (start, end, label) and the annotators who have it. */
typedef struct
{
  GlossaSpan *span;     /* the first side's */
  GPtrArray  *sources;  /* of const char*, NULL-terminated */
} Agreement;

static void
agreement_free (gpointer data)
{
  Agreement *agreement = data;

  glossa_span_unref (agreement->span);
  g_ptr_array_unref (agreement->sources);
  g_free (agreement);
}

static char *
span_key (const GlossaSpan *span)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                          span->start, span->end, glossa_label_to_string (span->label));
}

static void
add_source (Agreement  *agreement,
            const char *name)
{
  /* Kept NULL-terminated, so that it is a strv for the review member. */
  g_ptr_array_index (agreement->sources, agreement->sources->len - 1) = (gpointer) name;
  g_ptr_array_add (agreement->sources, NULL);
}

static GPtrArray *
collect_agreements (GPtrArray          *sides,
                    const char * const *names)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *agreements = g_ptr_array_new_with_free_func (agreement_free);

  for (guint i = 0; i < sides->len; i++)
    {
      GPtrArray *spans = g_ptr_array_index (sides, i);

      for (guint j = 0; spans != NULL && j < spans->len; j++)
        {
          GlossaSpan *span = g_ptr_array_index (spans, j);
          char *key = span_key (span);
          Agreement *agreement = g_hash_table_lookup (by_key, key);

          if (agreement == NULL)
            {
              agreement = g_new0 (Agreement, 1);
              agreement->span = glossa_span_ref (span);
              agreement->sources = g_ptr_array_new ();
              g_ptr_array_add (agreement->sources, NULL);
              g_ptr_array_add (agreements, agreement);
              g_hash_table_insert (by_key, key, agreement);
            }
          else
            g_free (key);
          add_source (agreement, names[i]);
        }
    }
  return agreements;
}

static int
compare_span_pointers (gconstpointer a,
                       gconstpointer b)
{
  return glossa_span_compare (*(GlossaSpan * const *) a, *(GlossaSpan * const *) b);
}

/* Spans from different annotators may share an id ("s1"): a repeated id
 * becomes "mN", the first N not taken.
 */
static void
make_ids_unique (GPtrArray *spans)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) repeated = g_ptr_array_new ();
  guint n = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      if (!g_hash_table_add (taken, span->id))
        g_ptr_array_add (repeated, span);
    }
  for (guint i = 0; i < repeated->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (repeated, i);
      char *id = NULL;

      do
        {
          g_free (id);
          id = g_strdup_printf ("m%u", ++n);
        }
      while (g_hash_table_contains (taken, id));
      g_free (span->id);
      span->id = id;
      g_hash_table_add (taken, span->id);
    }
}

GPtrArray *
glossa_merge_spans (GPtrArray          *sides,
                    const char * const *names,
                    guint               min_agree)
{
  g_autoptr(GPtrArray) agreements = NULL;
  GPtrArray *merged;

  g_return_val_if_fail (sides != NULL, NULL);
  g_return_val_if_fail (names != NULL, NULL);

  agreements = collect_agreements (sides, names);
  merged = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  for (guint i = 0; i < agreements->len; i++)
    {
      Agreement *agreement = g_ptr_array_index (agreements, i);
      guint n = agreement->sources->len - 1;

      if (n >= MAX (min_agree, 1))
        g_ptr_array_add (merged,
                         glossa_merge_span_with_review (agreement->span,
                                                        n == sides->len ? "agreed" : "merged",
                                                        (const char * const *) agreement->sources->pdata,
                                                        NULL, NULL));
    }
  g_ptr_array_sort (merged, compare_span_pointers);
  make_ids_unique (merged);
  return merged;
}

/* Merging links */

/* "TYPE\nFROM-KEY\nTO-KEY", or NULL when an end is not among @by_id. */
static char *
relation_key (GHashTable           *by_id,
              const GlossaRelation *relation)
{
  GlossaSpan *from = g_hash_table_lookup (by_id, relation->from);
  GlossaSpan *to = g_hash_table_lookup (by_id, relation->to);
  g_autofree char *from_key = NULL;
  g_autofree char *to_key = NULL;

  if (from == NULL || to == NULL)
    return NULL;
  from_key = span_key (from);
  to_key = span_key (to);
  return g_strdup_printf ("%s\n%s\n%s", relation->type, from_key, to_key);
}

static GHashTable *
spans_by_id (GPtrArray *spans)
{
  GHashTable *by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      g_hash_table_insert (by_id, span->id, span);
    }
  return by_id;
}

/* How many sides have each link, a side counted once per link. */
static GHashTable *
count_relations (GPtrArray *sides,
                 GPtrArray *relations)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < relations->len && i < sides->len; i++)
    {
      GPtrArray *side_relations = g_ptr_array_index (relations, i);
      g_autoptr(GHashTable) by_id = spans_by_id (g_ptr_array_index (sides, i));
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint j = 0; side_relations != NULL && j < side_relations->len; j++)
        {
          char *key = relation_key (by_id, g_ptr_array_index (side_relations, j));

          if (key == NULL || !g_hash_table_add (seen, key))
            continue;
          g_hash_table_insert (counts, g_strdup (key),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
        }
    }
  return counts;
}

static int
compare_relation_pointers (gconstpointer a,
                           gconstpointer b)
{
  return glossa_relation_compare (*(GlossaRelation * const *) a, *(GlossaRelation * const *) b);
}

GPtrArray *
glossa_merge_relations (GPtrArray *sides,
                        GPtrArray *relations,
                        GPtrArray *merged,
                        guint      min_agree)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) merged_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_relation_unref);
  GHashTableIter iter;
  gpointer key, count;

  g_return_val_if_fail (sides != NULL && relations != NULL && merged != NULL, result);

  for (guint i = 0; i < merged->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (merged, i);

      g_hash_table_insert (merged_ids, span_key (span), span->id);
    }
  counts = count_relations (sides, relations);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &count))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\n", 3);
      const char *from = g_hash_table_lookup (merged_ids, parts[1]);
      const char *to = g_hash_table_lookup (merged_ids, parts[2]);

      if (GPOINTER_TO_UINT (count) >= MAX (min_agree, 1) && from != NULL && to != NULL)
        g_ptr_array_add (result, glossa_relation_new ("r", parts[0], from, to));
    }
  g_ptr_array_sort (result, compare_relation_pointers);
  /* Numbered in file order, so that the same input gives the same ids. */
  for (guint i = 0; i < result->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (result, i);

      g_free (relation->id);
      relation->id = g_strdup_printf ("r%u", i + 1);
    }
  return result;
}

/* Merging corpora */

typedef struct
{
  const char * const  *inputs;
  GlossaRecordSource **sources;
  GHashTable         **indexes;  /* per input: id -> record index + 1 */
  guint                n;
} Inputs;

static void
inputs_clear (Inputs *in)
{
  for (guint i = 0; in->sources != NULL && i < in->n; i++)
    {
      g_clear_pointer (&in->sources[i], glossa_record_source_free);
      g_clear_pointer (&in->indexes[i], g_hash_table_unref);
    }
  g_free (in->sources);
  g_free (in->indexes);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Inputs, inputs_clear)

/* Opens every input and lists its annotated documents by id; @ids gets
 * every id once, in the order the inputs give them.
 */
static gboolean
open_inputs (Inputs        *in,
             GPtrArray     *ids,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  in->sources = g_new0 (GlossaRecordSource *, in->n);
  in->indexes = g_new0 (GHashTable *, in->n);
  for (guint i = 0; i < in->n; i++)
    {
      const char *paths[] = { in->inputs[i], NULL };

      if (!(in->sources[i] = glossa_record_source_open (paths, cancellable, error)))
        return FALSE;
      in->indexes[i] = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint r = 0; r < glossa_record_source_get_n_records (in->sources[i]); r++)
        {
          const char *id = glossa_record_source_get_id (in->sources[i], r);

          if (!glossa_record_source_is_annotated (in->sources[i], r))
            continue;
          g_hash_table_insert (in->indexes[i], (gpointer) id, GUINT_TO_POINTER (r + 1));
          if (g_hash_table_add (seen, (gpointer) id))
            g_ptr_array_add (ids, (gpointer) id);
        }
    }
  return TRUE;
}

/* The name a side goes by in "sources", as in the review
 * (glossa_review_side_name()): its file's annotator, else the one most of
 * its spans name, else the input's name ("ben.jsonl" is "ben"); a name
 * another side has gets the input's name added, then a number.
 */
static char *
side_name (GPtrArray    *names,
           GlossaRecord *record,
           const char   *input)
{
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autofree char *own = glossa_review_side_name (record->annotator, record->spans, file, NULL);
  g_autofree char *told_apart = NULL;
  char *name;

  if (!g_ptr_array_find_with_equal_func (names, own, g_str_equal, NULL))
    return g_steal_pointer (&own);
  told_apart = glossa_review_side_name (record->annotator, record->spans, file, own);
  name = g_strdup (told_apart);
  for (guint n = 2; g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s %u", told_apart, n);
    }
  return name;
}

/* The merged record of document @id, or NULL with *@skipped set when fewer
 * than @min_agree inputs annotated it.
 */
static GlossaRecord *
merge_document (Inputs      *in,
                const char  *id,
                guint        min_agree,
                gboolean    *skipped,
                GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_record_free);
  g_autoptr(GPtrArray) sides = g_ptr_array_new ();
  g_autoptr(GPtrArray) side_relations = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  GlossaRecord *first = NULL, *merged;

  for (guint i = 0; i < in->n; i++)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (in->indexes[i], id));
      GlossaRecord *record;

      if (index == 0)
        continue;
      if (!(record = glossa_record_source_load (in->sources[i], index - 1, error)))
        return NULL;
      g_ptr_array_add (records, record);
      if (first == NULL)
        first = record;
      else if (g_strcmp0 (glossa_article_get_sha256 (record->article),
                          glossa_article_get_sha256 (first->article)) != 0)
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                       _("%s: document “%s”: its article is not the one in %s"),
                       in->inputs[i], id, in->inputs[0]);
          return NULL;
        }
      g_ptr_array_add (sides, record->spans);
      g_ptr_array_add (side_relations, record->relations);
      g_ptr_array_add (names, side_name (names, record, in->inputs[i]));
    }

  *skipped = records->len < min_agree;
  if (*skipped)
    return NULL;

  g_ptr_array_add (names, NULL);
  spans = glossa_merge_spans (sides, (const char * const *) names->pdata, min_agree);
  /* A link is kept where enough annotators drew it and both its ends
   * were kept: a link to a span the merge dropped would not load. */
  relations = glossa_merge_relations (sides, side_relations, spans, min_agree);
  merged = glossa_record_new (id, first->article);
  merged->status = GLOSSA_STATUS_IN_PROGRESS;
  g_free (merged->annotator);
  merged->annotator = g_strjoinv (" + ", (char **) names->pdata);
  g_ptr_array_extend_and_steal (merged->spans, g_steal_pointer (&spans));
  g_ptr_array_extend_and_steal (merged->relations, g_steal_pointer (&relations));
  return merged;
}

/* Writing the merged corpus */

static GlossaAnnotations *
record_annotations (GlossaRecord *record,
                    const char   *doc_id,
                    const char   *file)
{
  GlossaAnnotations *annotations = glossa_annotations_new ();

  annotations->doc_id = g_strdup (doc_id);
  annotations->file = g_strdup (file);
  annotations->sha256 = g_strdup (glossa_article_get_sha256 (record->article));
  annotations->length = glossa_article_get_length (record->article);
  annotations->date = g_strdup (record->date);
  annotations->status = record->status;
  if (record->schema != NULL)
    {
      g_clear_pointer (&annotations->schema, glossa_schema_unref);
      annotations->schema = glossa_schema_ref (record->schema);
    }
  g_free (annotations->annotator);
  annotations->annotator = g_strdup (record->annotator);
  for (guint i = 0; i < record->spans->len; i++)
    g_ptr_array_add (annotations->spans, glossa_span_ref (g_ptr_array_index (record->spans, i)));
  for (guint i = 0; record->relations != NULL && i < record->relations->len; i++)
    g_ptr_array_add (annotations->relations, glossa_relation_ref (g_ptr_array_index (record->relations, i)));
  return annotations;
}

static GlossaSchema *
records_schema (GPtrArray *records)
{
  GlossaSchema *schema = records->len > 0 ? ((GlossaRecord *) g_ptr_array_index (records, 0))->schema : NULL;

  return schema != NULL && !glossa_schema_is_default (schema) ? schema : NULL;
}

/* One article: NAME.txt and NAME.annotations.json, NAME the id made safe. */
static gboolean
write_folder_record (GlossaOutput       *out,
                     GlossaOutputNames  *names,
                     GlossaRecord       *record,
                     GError            **error)
{
  g_autofree char *name = glossa_output_names_add (names, record->id,
                                                   glossa_article_get_name (record->article), NULL);
  g_autofree char *base = g_path_get_basename (name);
  g_autofree char *txt = g_strconcat (name, ".txt", NULL);
  g_autofree char *file = g_strconcat (base, ".txt", NULL);
  g_autofree char *ann = g_strconcat (name, GLOSSA_ANNOTATIONS_SUFFIX, NULL);
  g_autoptr(GlossaAnnotations) annotations = record_annotations (record, base, file);
  g_autoptr(GBytes) text = g_bytes_new (glossa_article_get_text (record->article),
                                        glossa_article_get_n_bytes (record->article));
  g_autoptr(GBytes) json = glossa_format_write (annotations);

  return glossa_output_write (out, txt, text, error) &&
         glossa_output_write (out, ann, json, error);
}

/* A folder corpus. The files are flushed once, at the commit, not one by
 * one (glossa_output_write()): the guarantee is the same, nothing at
 * @output until every file is on disk.
 */
static gboolean
write_folder (GPtrArray     *records,
              GFile         *output,
              GPtrArray     *inputs,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GlossaOutput) out = glossa_output_begin (output, GLOSSA_OUTPUT_FOLDER, inputs, error);
  g_autoptr(GlossaOutputNames) names = glossa_output_names_new ();
  GlossaSchema *schema = records_schema (records);
  g_autoptr(GBytes) schema_bytes = schema ? glossa_schema_to_bytes (schema) : NULL;
  gboolean ok;

  if (out == NULL)
    return FALSE;
  ok = schema == NULL || glossa_output_write (out, GLOSSA_SCHEMA_FILE_NAME, schema_bytes, error);
  for (guint i = 0; ok && i < records->len; i++)
    ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         write_folder_record (out, names, g_ptr_array_index (records, i), error);
  if (!ok)
    {
      if (error != NULL)
        glossa_output_name_error (out, *error);
      return FALSE;
    }
  return glossa_output_commit (out, error);
}

/* A JSONL corpus reads its labels from glossa-schema.json in its folder:
 * one is written there if there is none, and one there must be the same.
 */
static gboolean
check_jsonl_schema (GPtrArray     *records,
                    GFile         *output,
                    GCancellable  *cancellable,
                    GError       **error)
{
  GlossaSchema *schema = records_schema (records);
  g_autoptr(GFile) folder = g_file_get_parent (output);
  g_autoptr(GFile) file = g_file_get_child (folder, GLOSSA_SCHEMA_FILE_NAME);
  g_autoptr(GBytes) wanted = NULL;
  g_autoptr(GBytes) there = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  if (schema == NULL)
    return TRUE;
  wanted = glossa_schema_to_bytes (schema);
  if (glossa_file_create_new (file, wanted, cancellable, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  there = g_file_load_bytes (file, cancellable, NULL, NULL);
  if (there != NULL && g_bytes_equal (there, wanted))
    return TRUE;
  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
               _("%s: another schema is already there; the merged corpus’s labels need their own folder"), name);
  return FALSE;
}

/* Fills the temporary file of @out with @contents. */
static gboolean
fill (GlossaOutput  *out,
      GString       *contents,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (glossa_output_get_path (out));
  g_autoptr(GBytes) bytes = g_bytes_new_static (contents->str, contents->len);

  if (glossa_file_replace_atomic (file, bytes, cancellable, error))
    return TRUE;
  if (error != NULL)
    glossa_output_name_error (out, *error);
  return FALSE;
}

/* A JSONL corpus: OUT.jsonl with the articles, OUT.annotations.jsonl
 * beside it with their annotations, each written atomically. The
 * annotations are written first, so that the corpus is never there
 * without them.
 */
static gboolean
write_jsonl (GPtrArray     *records,
             GFile         *output,
             GPtrArray     *inputs,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) annotations_file = glossa_corpus_annotations_file_for_jsonl (output);
  g_autoptr(GlossaOutput) articles = NULL;
  g_autoptr(GString) article_lines = g_string_new (NULL);
  g_autoptr(GString) annotation_lines = g_string_new (NULL);
  g_autoptr(GBytes) annotation_bytes = NULL;

  for (guint i = 0; i < inputs->len; i++)
    if (g_file_equal (annotations_file, g_ptr_array_index (inputs, i)))
      {
        g_autofree char *name = g_file_get_parse_name (annotations_file);

        g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                     _("Will not write “%s”: it is one of the inputs"), name);
        return FALSE;
      }
  /* A link there could lead to anyone's file, an input's annotations too. */
  if (g_file_query_file_type (annotations_file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable)
        == G_FILE_TYPE_SYMBOLIC_LINK)
    {
      g_autofree char *name = g_file_get_parse_name (annotations_file);

      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                   _("Will not write “%s”: it is a symbolic link"), name);
      return FALSE;
    }
  if (!(articles = glossa_output_begin (output, GLOSSA_OUTPUT_FILE, inputs, error)) ||
      !check_jsonl_schema (records, output, cancellable, error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      GlossaRecord *record = g_ptr_array_index (records, i);
      g_autoptr(GlossaAnnotations) one = record_annotations (record, NULL, NULL);
      g_autoptr(GBytes) line = _glossa_format_write_annotation_line (record->id, one);

      glossa_record_append_article_line (article_lines, record);
      g_string_append_len (annotation_lines, g_bytes_get_data (line, NULL), g_bytes_get_size (line));
    }
  annotation_bytes = g_bytes_new_static (annotation_lines->str, annotation_lines->len);
  return fill (articles, article_lines, cancellable, error) &&
         glossa_file_replace_atomic (annotations_file, annotation_bytes, cancellable, error) &&
         glossa_output_commit (articles, error);
}

static gboolean
is_jsonl_output (GFile *output)
{
  g_autofree char *name = g_file_get_basename (output);

  return name != NULL && g_str_has_suffix (name, ".jsonl");
}

gboolean
glossa_merge_corpus (const char * const *inputs,
                     guint               min_agree,
                     GFile              *output,
                     GlossaMergeReport  *report,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_auto(Inputs) in = { inputs, NULL, NULL, 0 };
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_record_free);
  GlossaMergeReport counts = { 0 };

  g_return_val_if_fail (inputs != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  in.n = g_strv_length ((char **) inputs);
  for (guint i = 0; i < in.n; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (inputs[i]));
  /* Checked before anything is read, so that a wrong output costs nothing. */
  if (!glossa_output_check (output, is_jsonl_output (output) ? GLOSSA_OUTPUT_FILE : GLOSSA_OUTPUT_FOLDER,
                            files, error) ||
      !open_inputs (&in, ids, cancellable, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gboolean skipped = FALSE;
      GlossaRecord *record = merge_document (&in, g_ptr_array_index (ids, i), min_agree, &skipped, error);

      if (record == NULL && !skipped)
        return FALSE;
      if (record == NULL)
        {
          counts.n_skipped++;
          continue;
        }
      counts.n_spans += record->spans->len;
      g_ptr_array_add (records, record);
    }
  counts.n_documents = records->len;

  if (!(is_jsonl_output (output) ? write_jsonl (records, output, files, cancellable, error)
                                  : write_folder (records, output, files, cancellable, error)))
    return FALSE;
  if (report != NULL)
    *report = counts;
  return TRUE;
}
