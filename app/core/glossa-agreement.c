/* glossa-agreement.c: how much two annotators agree
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "glossa-agreement.h"
#include "glossa-error.h"
#include "glossa-json.h"
#include "glossa-tokenizer.h"

/* Kappa's tokens are made and tagged in pieces of about this many bytes of
 * text (whole paragraphs).
 */
#define AGREE_PIECE_BYTES (256 * 1024)

static void
clear_relation (gpointer data)
{
  g_free (((GlossaAgreementRelation *) data)->type);
}

static void
clear_attribute (gpointer data)
{
  g_free (((GlossaAgreementAttribute *) data)->name);
}

GlossaAgreement *
glossa_agreement_new (void)
{
  GlossaAgreement *agreement = g_new0 (GlossaAgreement, 1);

  agreement->only_in_a = g_ptr_array_new_with_free_func (g_free);
  agreement->only_in_b = g_ptr_array_new_with_free_func (g_free);
  agreement->labels = g_array_new (FALSE, TRUE, sizeof (GlossaAgreementLabel));
  agreement->relations = g_array_new (FALSE, TRUE, sizeof (GlossaAgreementRelation));
  g_array_set_clear_func (agreement->relations, clear_relation);
  agreement->attributes = g_array_new (FALSE, TRUE, sizeof (GlossaAgreementAttribute));
  g_array_set_clear_func (agreement->attributes, clear_attribute);
  return agreement;
}

void
glossa_agreement_free (GlossaAgreement *agreement)
{
  if (agreement == NULL)
    return;

  g_ptr_array_unref (agreement->only_in_a);
  g_ptr_array_unref (agreement->only_in_b);
  g_array_unref (agreement->labels);
  g_array_unref (agreement->relations);
  g_array_unref (agreement->attributes);
  g_clear_pointer (&agreement->schema, glossa_schema_unref);
  g_clear_pointer (&agreement->tag_schema, glossa_schema_unref);
  g_free (agreement);
}

/* The spans of @label, in the record's order (by start, then end). */
static GPtrArray *
spans_of (GPtrArray   *spans,
          GlossaLabel  label)
{
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      if (span->label == label)
        g_ptr_array_add (result, span);
    }
  return result;
}

/* How many of @spans overlap one of @others. With @others sorted by start,
 * those starting before a span's end are a prefix, and one of them overlaps
 * it exactly when the largest end in that prefix is after its start.
 */
static guint
count_overlapping (GPtrArray *spans,
                   GPtrArray *others)
{
  g_autofree gint64 *max_end = g_new (gint64, others->len + 1);
  guint count = 0;

  max_end[0] = G_MININT64;
  for (guint i = 0; i < others->len; i++)
    max_end[i + 1] = MAX (max_end[i], ((GlossaSpan *) g_ptr_array_index (others, i))->end);

  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);
      guint lo = 0, hi = others->len;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (((GlossaSpan *) g_ptr_array_index (others, mid))->start < span->end)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (max_end[lo] > span->start)
        count++;
    }
  return count;
}

/* Spans of one record are unique by (start, end, label) and sorted that
 * way, so a merge finds the exact matches.
 */
static guint
count_exact (GPtrArray *a,
             GPtrArray *b)
{
  guint i = 0, j = 0, count = 0;

  while (i < a->len && j < b->len)
    {
      int cmp = glossa_span_compare (g_ptr_array_index (a, i), g_ptr_array_index (b, j));

      if (cmp == 0)
        count++;
      if (cmp <= 0)
        i++;
      if (cmp >= 0)
        j++;
    }
  return count;
}

static void
add_tags (GlossaAgreementCounts *counts,
          GlossaIobTagger       *tagger_a,
          GlossaIobTagger       *tagger_b,
          GlossaTokens          *tokens)
{
  g_autofree guint8 *tags_a = glossa_iob_tagger_tag (tagger_a, tokens, NULL);
  g_autofree guint8 *tags_b = glossa_iob_tagger_tag (tagger_b, tokens, NULL);

  for (guint t = 0; t < tokens->tokens->len; t++)
    {
      counts->tags_a[tags_a[t]]++;
      counts->tags_b[tags_b[t]]++;
      if (tags_a[t] == tags_b[t])
        counts->n_agree++;
    }
  counts->n_tokens += tokens->tokens->len;
}

/* The article is tokenized a piece at a time, each piece tagged for every
 * label and overall, so that memory stays in proportion to a piece rather
 * than to the article (tokens and tags took 26 bytes a token).
 */
static void
add_all_tags (GlossaAgreement *agreement,
              GlossaRecord    *a,
              GlossaRecord    *b)
{
  guint n_labels = agreement->labels->len;
  g_autofree GlossaIobTagger **taggers_a = g_new0 (GlossaIobTagger *, n_labels + 1);
  g_autofree GlossaIobTagger **taggers_b = g_new0 (GlossaIobTagger *, n_labels + 1);
  GlossaTokenizer tokenizer;
  GlossaTokens *piece;

  /* Index n_labels is overall: every label, outermost kept. Both sides tag
   * with A's labels (then B's own), so equal labels get equal tags.
   */
  for (guint l = 0; l <= n_labels; l++)
    {
      GlossaLabel label = l < n_labels ? g_array_index (agreement->labels, GlossaAgreementLabel, l).label : 0;

      taggers_a[l] = glossa_iob_tagger_new (a->spans, agreement->tag_schema, label);
      taggers_b[l] = glossa_iob_tagger_new (b->spans, agreement->tag_schema, label);
    }

  glossa_tokenizer_init (&tokenizer, glossa_article_get_text (a->article),
                         glossa_article_get_n_bytes (a->article));
  while ((piece = glossa_tokenizer_next (&tokenizer, AGREE_PIECE_BYTES)) != NULL)
    {
      g_autoptr(GlossaTokens) tokens = piece;

      for (guint l = 0; l < n_labels; l++)
        add_tags (&g_array_index (agreement->labels, GlossaAgreementLabel, l).counts,
                  taggers_a[l], taggers_b[l], tokens);
      add_tags (&agreement->overall, taggers_a[n_labels], taggers_b[n_labels], tokens);
    }

  for (guint l = 0; l <= n_labels; l++)
    {
      glossa_iob_tagger_free (taggers_a[l]);
      glossa_iob_tagger_free (taggers_b[l]);
    }
}

/* A label first seen in a later document (one only B has) had no span on
 * either side in the documents before: their tokens were all O for it on
 * both sides, which its kappa must count as agreement too.
 */
static void
append_label (GlossaAgreement *agreement,
              GlossaLabel      label,
              const char      *color)
{
  GlossaAgreementLabel entry = { label, { 0 } };
  guint64 n_tokens = agreement->overall.n_tokens;

  entry.counts.n_tokens = n_tokens;
  entry.counts.n_agree = n_tokens;
  entry.counts.tags_a[GLOSSA_IOB_O] = n_tokens;
  entry.counts.tags_b[GLOSSA_IOB_O] = n_tokens;
  g_array_append_val (agreement->labels, entry);
  /* IOB2 tags hold that many labels; past them a label gets no kappa. */
  if (glossa_schema_get_n_labels (agreement->tag_schema) < GLOSSA_IOB_MAX_LABELS)
    glossa_schema_add_label (agreement->tag_schema, glossa_schema_label_new (label, color));
}

static void
append_attribute (GlossaAgreement *agreement,
                  GlossaLabel      label,
                  const char      *name)
{
  GlossaAgreementAttribute entry = { label, g_strdup (name), 0, 0 };

  g_array_append_val (agreement->attributes, entry);
}

static void
append_relation (GlossaAgreement *agreement,
                 const char      *type)
{
  GlossaAgreementRelation entry = { g_strdup (type), 0, 0, 0 };

  g_array_append_val (agreement->relations, entry);
}

/* Figures start with A's schema: its labels, the attributes each declares
 * and its link types, in its order, even those nobody used.
 */
static void
start_from_schema (GlossaAgreement *agreement,
                   GlossaSchema    *schema)
{
  agreement->schema = glossa_schema_ref (schema);
  agreement->tag_schema = glossa_schema_new (NULL);
  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    {
      const GlossaSchemaLabel *label = glossa_schema_get_label (schema, i);

      append_label (agreement, label->name, label->color);
      for (guint k = 0; label->attributes != NULL && k < label->attributes->len; k++)
        append_attribute (agreement, label->name,
                          ((GlossaSchemaAttribute *) g_ptr_array_index (label->attributes, k))->name);
    }
  for (guint i = 0; i < glossa_schema_get_n_relations (schema); i++)
    append_relation (agreement, glossa_schema_get_relation (schema, i)->name);
}

/* A label used by B alone is added after A's, so that nothing either
 * annotator tagged goes uncounted; so are link types and attributes.
 */
static void
add_labels (GlossaAgreement *agreement,
            GlossaRecord    *record)
{
  if (agreement->schema == NULL)
    start_from_schema (agreement, record->schema);

  for (guint i = 0; i < record->spans->len; i++)
    {
      GlossaLabel label = ((GlossaSpan *) g_ptr_array_index (record->spans, i))->label;

      if (glossa_agreement_get_label (agreement, label) == NULL)
        {
          const GlossaSchemaLabel *entry = glossa_schema_find_label (record->schema, label);

          append_label (agreement, label, entry != NULL ? entry->color : "#000000");
        }
    }
  for (guint i = 0; i < record->relations->len; i++)
    {
      const char *type = ((GlossaRelation *) g_ptr_array_index (record->relations, i))->type;

      if (glossa_agreement_get_relation (agreement, type) == NULL)
        append_relation (agreement, type);
    }
}

/* The key of a link: its type and both ends' start, end and label. */
static char *
relation_key (GlossaRelation *relation,
              GHashTable     *spans_by_id)
{
  GlossaSpan *from = g_hash_table_lookup (spans_by_id, relation->from);
  GlossaSpan *to = g_hash_table_lookup (spans_by_id, relation->to);

  /* A record's links are checked when read: both ends are there. */
  if (from == NULL || to == NULL)
    return NULL;
  return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%"
                          G_GINT64_FORMAT "\x1f%" G_GINT64_FORMAT "\x1f%s",
                          relation->type, from->start, from->end, glossa_label_to_string (from->label),
                          to->start, to->end, glossa_label_to_string (to->label));
}

static GHashTable *
index_spans (GPtrArray *spans)
{
  GHashTable *by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      g_hash_table_insert (by_id, span->id, span);
    }
  return by_id;
}

static GlossaAgreementRelation *
relation_entry (GlossaAgreement *agreement,
                const char      *type)
{
  return (GlossaAgreementRelation *) glossa_agreement_get_relation (agreement, type);
}

/* Links are unique in a record by type and ends, and spans by start, end
 * and label, so the keys of each side are a set and matches their
 * intersection.
 */
static void
add_relations (GlossaAgreement *agreement,
               GlossaRecord    *a,
               GlossaRecord    *b)
{
  g_autoptr(GHashTable) spans_a = index_spans (a->spans);
  g_autoptr(GHashTable) spans_b = index_spans (b->spans);
  g_autoptr(GHashTable) keys_b = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < b->relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (b->relations, i);
      char *key = relation_key (relation, spans_b);

      if (key == NULL)
        continue;
      g_hash_table_add (keys_b, key);
      relation_entry (agreement, relation->type)->n_b++;
      agreement->relations_overall.n_b++;
    }
  for (guint i = 0; i < a->relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (a->relations, i);
      g_autofree char *key = relation_key (relation, spans_a);
      GlossaAgreementRelation *entry = relation_entry (agreement, relation->type);

      if (key == NULL)
        continue;
      entry->n_a++;
      agreement->relations_overall.n_a++;
      if (g_hash_table_contains (keys_b, key))
        {
          entry->matched++;
          agreement->relations_overall.matched++;
        }
    }
}

static void
compare_attribute (GlossaAgreement  *agreement,
                   const GlossaSpan *a,
                   const GlossaSpan *b,
                   const char       *name)
{
  GlossaAgreementAttribute *entry;
  const char *value_a = glossa_span_get_attribute (a, name);
  const char *value_b = glossa_span_get_attribute (b, name);

  entry = (GlossaAgreementAttribute *) glossa_agreement_get_attribute (agreement, a->label, name);
  if (entry == NULL)
    {
      append_attribute (agreement, a->label, name);
      entry = &g_array_index (agreement->attributes, GlossaAgreementAttribute,
                              agreement->attributes->len - 1);
    }
  entry->n_compared++;
  if (g_strcmp0 (value_a, value_b) == 0)
    entry->n_agree++;
}

/* Every attribute either span of an exactly matching pair has: those of A
 * first, then those B alone has.
 */
static void
compare_attributes (GlossaAgreement  *agreement,
                    const GlossaSpan *a,
                    const GlossaSpan *b)
{
  g_autoptr(GList) names_a = a->attributes != NULL ? json_object_get_members (a->attributes) : NULL;
  g_autoptr(GList) names_b = b->attributes != NULL ? json_object_get_members (b->attributes) : NULL;

  for (const GList *l = names_a; l != NULL; l = l->next)
    compare_attribute (agreement, a, b, l->data);
  for (const GList *l = names_b; l != NULL; l = l->next)
    if (glossa_span_get_attribute (a, l->data) == NULL)
      compare_attribute (agreement, a, b, l->data);
}

/* The same merge as count_exact(), over all labels at once. */
static void
add_attributes (GlossaAgreement *agreement,
                GlossaRecord    *a,
                GlossaRecord    *b)
{
  guint i = 0, j = 0;

  while (i < a->spans->len && j < b->spans->len)
    {
      GlossaSpan *span_a = g_ptr_array_index (a->spans, i);
      GlossaSpan *span_b = g_ptr_array_index (b->spans, j);
      int cmp = glossa_span_compare (span_a, span_b);

      if (cmp == 0)
        compare_attributes (agreement, span_a, span_b);
      if (cmp <= 0)
        i++;
      if (cmp >= 0)
        j++;
    }
}

gboolean
glossa_agreement_add (GlossaAgreement  *agreement,
                      GlossaRecord     *a,
                      GlossaRecord     *b,
                      GError          **error)
{
  g_return_val_if_fail (agreement != NULL, FALSE);
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (strcmp (glossa_article_get_sha256 (a->article), glossa_article_get_sha256 (b->article)) != 0)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   "%s: the two annotators' copies of the article differ, so their spans cannot be compared",
                   a->id);
      return FALSE;
    }

  add_labels (agreement, a);
  add_labels (agreement, b);

  for (guint l = 0; l < agreement->labels->len; l++)
    {
      GlossaLabel label = g_array_index (agreement->labels, GlossaAgreementLabel, l).label;
      GlossaAgreementCounts *counts = &g_array_index (agreement->labels, GlossaAgreementLabel, l).counts;
      g_autoptr(GPtrArray) spans_a = spans_of (a->spans, label);
      g_autoptr(GPtrArray) spans_b = spans_of (b->spans, label);
      guint exact = count_exact (spans_a, spans_b);
      guint overlap_a = count_overlapping (spans_a, spans_b);
      guint overlap_b = count_overlapping (spans_b, spans_a);

      counts->n_a += spans_a->len;
      counts->n_b += spans_b->len;
      counts->exact += exact;
      counts->overlap_a += overlap_a;
      counts->overlap_b += overlap_b;

      /* Micro-averaging: the overall figures are computed from the sums. */
      agreement->overall.n_a += spans_a->len;
      agreement->overall.n_b += spans_b->len;
      agreement->overall.exact += exact;
      agreement->overall.overlap_a += overlap_a;
      agreement->overall.overlap_b += overlap_b;
    }

  add_all_tags (agreement, a, b);
  add_relations (agreement, a, b);
  add_attributes (agreement, a, b);

  agreement->n_documents++;
  return TRUE;
}

GlossaAgreement *
glossa_agreement_compare (GlossaRecordSource  *a,
                          GlossaRecordSource  *b,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_autoptr(GlossaAgreement) agreement = glossa_agreement_new ();
  g_autoptr(GHashTable) ids_a = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ids_b = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_a = glossa_record_source_get_n_records (a);
  guint n_b = glossa_record_source_get_n_records (b);

  /* A document is an annotator's when they annotated it: an article
   * without an annotation file in their folder is not compared.
   */
  for (guint i = 0; i < n_a; i++)
    if (glossa_record_source_is_annotated (a, i))
      g_hash_table_insert (ids_a, (gpointer) glossa_record_source_get_id (a, i), GUINT_TO_POINTER (i));
  for (guint i = 0; i < n_b; i++)
    if (glossa_record_source_is_annotated (b, i))
      g_hash_table_insert (ids_b, (gpointer) glossa_record_source_get_id (b, i), GUINT_TO_POINTER (i));

  for (guint i = 0; i < n_b; i++)
    {
      const char *id = glossa_record_source_get_id (b, i);

      if (glossa_record_source_is_annotated (b, i) && !g_hash_table_contains (ids_a, id))
        g_ptr_array_add (agreement->only_in_b, g_strdup (id));
    }

  for (guint i = 0; i < n_a; i++)
    {
      const char *id = glossa_record_source_get_id (a, i);
      g_autoptr(GlossaRecord) record_a = NULL;
      g_autoptr(GlossaRecord) record_b = NULL;
      gpointer index_b;

      if (!glossa_record_source_is_annotated (a, i))
        continue;
      if (!g_hash_table_lookup_extended (ids_b, id, NULL, &index_b))
        {
          g_ptr_array_add (agreement->only_in_a, g_strdup (id));
          continue;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      record_a = glossa_record_source_load (a, i, error);
      if (record_a == NULL)
        return NULL;
      record_b = glossa_record_source_load (b, GPOINTER_TO_UINT (index_b), error);
      if (record_b == NULL)
        return NULL;
      if (!glossa_agreement_add (agreement, record_a, record_b, error))
        return NULL;
    }

  return g_steal_pointer (&agreement);
}

/* Returns: (nullable): the figures of @label, if either side had it */
const GlossaAgreementCounts *
glossa_agreement_get_label (GlossaAgreement *agreement,
                            GlossaLabel      label)
{
  g_return_val_if_fail (agreement != NULL, NULL);

  for (guint l = 0; l < agreement->labels->len; l++)
    if (g_array_index (agreement->labels, GlossaAgreementLabel, l).label == label)
      return &g_array_index (agreement->labels, GlossaAgreementLabel, l).counts;
  return NULL;
}

/* Returns: (nullable): the figures of links of @type, if either side had one
 * or A's schema declares it
 */
const GlossaAgreementRelation *
glossa_agreement_get_relation (GlossaAgreement *agreement,
                               const char      *type)
{
  g_return_val_if_fail (agreement != NULL, NULL);
  g_return_val_if_fail (type != NULL, NULL);

  for (guint i = 0; i < agreement->relations->len; i++)
    if (strcmp (g_array_index (agreement->relations, GlossaAgreementRelation, i).type, type) == 0)
      return &g_array_index (agreement->relations, GlossaAgreementRelation, i);
  return NULL;
}

/* Returns: (nullable): the figures of attribute @name of @label */
const GlossaAgreementAttribute *
glossa_agreement_get_attribute (GlossaAgreement *agreement,
                                GlossaLabel      label,
                                const char      *name)
{
  g_return_val_if_fail (agreement != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < agreement->attributes->len; i++)
    {
      const GlossaAgreementAttribute *entry = &g_array_index (agreement->attributes,
                                                              GlossaAgreementAttribute, i);

      if (entry->label == label && strcmp (entry->name, name) == 0)
        return entry;
    }
  return NULL;
}

static double
ratio (guint64 numerator,
       guint64 denominator)
{
  return denominator == 0 ? NAN : (double) numerator / (double) denominator;
}

/* F1 is the harmonic mean 2PR / (P + R): null when either is null, and
 * when both are 0, since its denominator is then 0 too.
 */
static GlossaPrf
prf (guint matches_a,
     guint n_a,
     guint matches_b,
     guint n_b)
{
  GlossaPrf result;

  result.precision = ratio (matches_a, n_a);
  result.recall = ratio (matches_b, n_b);
  if (isnan (result.precision) || isnan (result.recall) || result.precision + result.recall == 0)
    result.f1 = NAN;
  else
    result.f1 = 2 * result.precision * result.recall / (result.precision + result.recall);
  return result;
}

/* Cohen's kappa = (po - pe) / (1 - pe), with po the share of tokens whose
 * tags agree and pe the agreement expected by chance from each annotator's
 * tag frequencies. 1 - pe is 0 when both gave every token the same tag.
 */
static double
kappa (const GlossaAgreementCounts *counts)
{
  double n = (double) counts->n_tokens;
  double expected = 0;
  double po, pe;

  if (counts->n_tokens == 0)
    return NAN;

  for (guint t = 0; t < GLOSSA_IOB_N_TAGS; t++)
    expected += (double) counts->tags_a[t] * (double) counts->tags_b[t];

  if (expected == n * n)
    return NAN;

  po = counts->n_agree / n;
  pe = expected / (n * n);
  return (po - pe) / (1 - pe);
}

void
glossa_agreement_scores (const GlossaAgreementCounts *counts,
                         GlossaAgreementScores       *scores)
{
  g_return_if_fail (counts != NULL && scores != NULL);

  /* Exact matches are pairs, so they count alike on both sides. */
  scores->exact = prf (counts->exact, counts->n_a, counts->exact, counts->n_b);
  scores->overlap = prf (counts->overlap_a, counts->n_a, counts->overlap_b, counts->n_b);
  scores->kappa = kappa (counts);
}

void
glossa_agreement_relation_scores (const GlossaAgreementRelation *relation,
                                  GlossaPrf                     *scores)
{
  g_return_if_fail (relation != NULL && scores != NULL);

  *scores = prf (relation->matched, relation->n_a, relation->matched, relation->n_b);
}

double
glossa_agreement_attribute_share (const GlossaAgreementAttribute *attribute)
{
  g_return_val_if_fail (attribute != NULL, NAN);

  return ratio (attribute->n_agree, attribute->n_compared);
}

/* JSON */

static void
write_number (GString *out,
              double   value)
{
  if (isnan (value))
    g_string_append (out, "null");
  else
    glossa_json_write_double (out, value);
}

static void
write_prf (GString         *out,
           const char      *name,
           const GlossaPrf *prf_value,
           const char      *indent)
{
  g_string_append_printf (out, "%s\"%s\": {\n%s  \"precision\": ", indent, name, indent);
  write_number (out, prf_value->precision);
  g_string_append_printf (out, ",\n%s  \"recall\": ", indent);
  write_number (out, prf_value->recall);
  g_string_append_printf (out, ",\n%s  \"f1\": ", indent);
  write_number (out, prf_value->f1);
  g_string_append_printf (out, "\n%s},\n", indent);
}

static void
write_scores (GString                     *out,
              const GlossaAgreementCounts *counts,
              const char                  *indent)
{
  GlossaAgreementScores scores;

  glossa_agreement_scores (counts, &scores);
  g_string_append (out, "{\n");
  {
    g_autofree char *inner = g_strconcat (indent, "  ", NULL);

    write_prf (out, "exact", &scores.exact, inner);
    write_prf (out, "overlap", &scores.overlap, inner);
    g_string_append_printf (out, "%s\"kappa\": ", inner);
  }
  write_number (out, scores.kappa);
  g_string_append_printf (out, "\n%s}", indent);
}

static void
write_ids (GString   *out,
           GPtrArray *ids)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < ids->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      glossa_json_write_string (out, g_ptr_array_index (ids, i));
    }
  g_string_append_c (out, ']');
}

static void
write_relation (GString                       *out,
                const GlossaAgreementRelation *relation,
                const char                    *indent)
{
  GlossaPrf scores;

  glossa_agreement_relation_scores (relation, &scores);
  g_string_append_printf (out, "{\n%s  \"a\": %u,\n%s  \"b\": %u,\n%s  \"matched\": %u,\n",
                          indent, relation->n_a, indent, relation->n_b, indent, relation->matched);
  g_string_append_printf (out, "%s  \"precision\": ", indent);
  write_number (out, scores.precision);
  g_string_append_printf (out, ",\n%s  \"recall\": ", indent);
  write_number (out, scores.recall);
  g_string_append_printf (out, ",\n%s  \"f1\": ", indent);
  write_number (out, scores.f1);
  g_string_append_printf (out, "\n%s}", indent);
}

static void
write_relations (GString         *out,
                 GlossaAgreement *agreement)
{
  g_string_append (out, "  \"relations\": {\n    \"types\": {");
  for (guint i = 0; i < agreement->relations->len; i++)
    {
      const GlossaAgreementRelation *entry = &g_array_index (agreement->relations,
                                                             GlossaAgreementRelation, i);

      g_string_append (out, i > 0 ? ",\n      " : "\n      ");
      glossa_json_write_string (out, entry->type);
      g_string_append (out, ": ");
      write_relation (out, entry, "      ");
    }
  g_string_append (out, agreement->relations->len > 0 ? "\n    },\n" : "},\n");
  g_string_append (out, "    \"overall\": ");
  write_relation (out, &agreement->relations_overall, "    ");
  g_string_append (out, "\n  }");
}

static void
write_attribute (GString                        *out,
                 const GlossaAgreementAttribute *entry)
{
  g_string_append (out, "      ");
  glossa_json_write_string (out, entry->name);
  g_string_append_printf (out, ": {\n        \"compared\": %u,\n        \"agree\": %u,\n"
                               "        \"share\": ", entry->n_compared, entry->n_agree);
  write_number (out, glossa_agreement_attribute_share (entry));
  g_string_append (out, "\n      }");
}

/* Grouped by label, in the order of the labels. */
static void
write_attributes (GString         *out,
                  GlossaAgreement *agreement)
{
  gboolean first_label = TRUE;

  g_string_append (out, "  \"attributes\": {");
  for (guint l = 0; l < agreement->labels->len; l++)
    {
      GlossaLabel label = g_array_index (agreement->labels, GlossaAgreementLabel, l).label;
      gboolean first = TRUE;

      for (guint i = 0; i < agreement->attributes->len; i++)
        {
          const GlossaAgreementAttribute *entry = &g_array_index (agreement->attributes,
                                                                  GlossaAgreementAttribute, i);

          if (entry->label != label)
            continue;
          if (first)
            {
              g_string_append (out, first_label ? "\n    " : "\n    },\n    ");
              glossa_json_write_string (out, glossa_label_to_string (label));
              g_string_append (out, ": {\n");
              first_label = FALSE;
            }
          else
            g_string_append (out, ",\n");
          write_attribute (out, entry);
          first = FALSE;
        }
    }
  g_string_append (out, first_label ? "}" : "\n    }\n  }");
}

char *
glossa_agreement_to_json (GlossaAgreement *agreement)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (agreement != NULL, NULL);

  g_string_append_printf (out, "{\n  \"documents\": %u,\n  \"only_in_a\": ", agreement->n_documents);
  write_ids (out, agreement->only_in_a);
  g_string_append (out, ",\n  \"only_in_b\": ");
  write_ids (out, agreement->only_in_b);
  g_string_append (out, ",\n  \"labels\": {\n");
  for (guint l = 0; l < agreement->labels->len; l++)
    {
      const GlossaAgreementLabel *entry = &g_array_index (agreement->labels, GlossaAgreementLabel, l);

      g_string_append (out, "    ");
      glossa_json_write_string (out, glossa_label_to_string (entry->label));
      g_string_append (out, ": ");
      write_scores (out, &entry->counts, "    ");
      g_string_append (out, l + 1 < agreement->labels->len ? ",\n" : "\n");
    }
  g_string_append (out, "  },\n  \"overall\": ");
  write_scores (out, &agreement->overall, "  ");
  g_string_append (out, ",\n");
  write_relations (out, agreement);
  g_string_append (out, ",\n");
  write_attributes (out, agreement);
  g_string_append (out, "\n}\n");
  return g_string_free (out, FALSE);
}

/* A table for people */

static void
append_figure (GString *out,
               double   value)
{
  if (isnan (value))
    g_string_append (out, "      –");  /* %7s would count the dash's 3 bytes */
  else
    g_string_append_printf (out, " %6.3f", value);
}

static void
append_row (GString                     *out,
            const char                  *name,
            const GlossaAgreementCounts *counts)
{
  GlossaAgreementScores scores;

  glossa_agreement_scores (counts, &scores);
  g_string_append_printf (out, "%-8s %6u %6u ", name, counts->n_a, counts->n_b);
  append_figure (out, scores.exact.precision);
  append_figure (out, scores.exact.recall);
  append_figure (out, scores.exact.f1);
  g_string_append_c (out, ' ');
  append_figure (out, scores.overlap.precision);
  append_figure (out, scores.overlap.recall);
  append_figure (out, scores.overlap.f1);
  g_string_append_c (out, ' ');
  append_figure (out, scores.kappa);
  g_string_append_c (out, '\n');
}

static void
append_ids (GString    *out,
            const char *what,
            GPtrArray  *ids)
{
  if (ids->len == 0)
    return;
  g_string_append_printf (out, "%s:", what);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, " %s", (const char *) g_ptr_array_index (ids, i));
  g_string_append_c (out, '\n');
}

static void
append_relation_row (GString                       *out,
                     const char                    *name,
                     const GlossaAgreementRelation *relation)
{
  GlossaPrf scores;

  glossa_agreement_relation_scores (relation, &scores);
  g_string_append_printf (out, "%-15s %6u %6u %7u ", name, relation->n_a, relation->n_b, relation->matched);
  append_figure (out, scores.precision);
  append_figure (out, scores.recall);
  append_figure (out, scores.f1);
  g_string_append_c (out, '\n');
}

/* Links and attributes, after the labels: only what the corpora have or
 * A's schema declares, so a corpus without them gets no empty section.
 */
static void
append_links_and_attributes (GString         *out,
                             GlossaAgreement *agreement)
{
  if (agreement->relations->len > 0)
    {
      g_string_append_printf (out, "\n%-15s %6s %6s %7s  %6s %6s %6s\n",
                              "link", "A", "B", "matched", "P", "R", "F1");
      for (guint i = 0; i < agreement->relations->len; i++)
        {
          const GlossaAgreementRelation *entry = &g_array_index (agreement->relations,
                                                                 GlossaAgreementRelation, i);

          append_relation_row (out, entry->type, entry);
        }
      append_relation_row (out, "overall", &agreement->relations_overall);
    }
  if (agreement->attributes->len > 0)
    {
      g_string_append_printf (out, "\n%-23s %8s %6s  %6s\n", "attribute", "compared", "agree", "share");
      for (guint i = 0; i < agreement->attributes->len; i++)
        {
          const GlossaAgreementAttribute *entry = &g_array_index (agreement->attributes,
                                                                  GlossaAgreementAttribute, i);
          g_autofree char *name = g_strdup_printf ("%s.%s", glossa_label_to_string (entry->label),
                                                   entry->name);

          g_string_append_printf (out, "%-23s %8u %6u ", name, entry->n_compared, entry->n_agree);
          append_figure (out, glossa_agreement_attribute_share (entry));
          g_string_append_c (out, '\n');
        }
    }
}

char *
glossa_agreement_to_table (GlossaAgreement *agreement)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (agreement != NULL, NULL);

  g_string_append_printf (out, "Documents compared: %u (%u only in A, %u only in B)\n",
                          agreement->n_documents, agreement->only_in_a->len, agreement->only_in_b->len);
  append_ids (out, "Only in A", agreement->only_in_a);
  append_ids (out, "Only in B", agreement->only_in_b);
  /* The same widths as append_row(): 23 columns, then groups of 7. */
  g_string_append_printf (out, "\n%-23s %-21s  %-21s\n", "", "------- exact -------", "------ overlap ------");
  g_string_append_printf (out, "%-8s %6s %6s  %6s %6s %6s  %6s %6s %6s  %6s\n",
                          "label", "A", "B", "P", "R", "F1", "P", "R", "F1", "kappa");
  for (guint l = 0; l < agreement->labels->len; l++)
    {
      const GlossaAgreementLabel *entry = &g_array_index (agreement->labels, GlossaAgreementLabel, l);

      append_row (out, glossa_label_to_string (entry->label), &entry->counts);
    }
  append_row (out, "overall", &agreement->overall);
  append_links_and_attributes (out, agreement);
  g_string_append (out, "\nA, B: spans (or links) of each; P: precision over A's, R: recall over B's "
                        "(B is the reference);\na link matches when its type and both ends (start, "
                        "end, label) are equal; an attribute is\ncompared on the spans that match "
                        "exactly where either has a value;\n– : a zero denominator.\n");
  return g_string_free (out, FALSE);
}
