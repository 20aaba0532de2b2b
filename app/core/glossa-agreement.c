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

GlossaAgreement *
glossa_agreement_new (void)
{
  GlossaAgreement *agreement = g_new0 (GlossaAgreement, 1);

  agreement->only_in_a = g_ptr_array_new_with_free_func (g_free);
  agreement->only_in_b = g_ptr_array_new_with_free_func (g_free);
  agreement->labels = g_array_new (FALSE, TRUE, sizeof (GlossaAgreementLabel));
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
  g_clear_pointer (&agreement->schema, glossa_schema_unref);
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
   * with A's schema, so equal labels get equal tags.
   */
  for (guint l = 0; l <= n_labels; l++)
    {
      GlossaLabel label = l < n_labels ? g_array_index (agreement->labels, GlossaAgreementLabel, l).label : 0;

      taggers_a[l] = glossa_iob_tagger_new (a->spans, agreement->schema, label);
      taggers_b[l] = glossa_iob_tagger_new (b->spans, agreement->schema, label);
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

/* Figures are kept for every label of A's schema, in its order, even one
 * nobody used; a label used by B alone is added after them, so nothing
 * either annotator tagged goes uncounted.
 */
static void
add_labels (GlossaAgreement *agreement,
            GlossaRecord    *record)
{
  if (agreement->schema == NULL)
    {
      agreement->schema = glossa_schema_ref (record->schema);
      for (guint i = 0; i < glossa_schema_get_n_labels (record->schema); i++)
        {
          GlossaAgreementLabel entry = { glossa_schema_get_label (record->schema, i)->name, { 0 } };

          g_array_append_val (agreement->labels, entry);
        }
    }

  for (guint i = 0; i < record->spans->len; i++)
    {
      GlossaLabel label = ((GlossaSpan *) g_ptr_array_index (record->spans, i))->label;
      gboolean found = FALSE;

      for (guint l = 0; l < agreement->labels->len && !found; l++)
        found = g_array_index (agreement->labels, GlossaAgreementLabel, l).label == label;
      if (!found)
        {
          GlossaAgreementLabel entry = { label, { 0 } };

          g_array_append_val (agreement->labels, entry);
        }
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
  g_string_append (out, "\nA, B: spans of each; P: precision over A's spans; R: recall over B's "
                        "(B is the reference);\n– : a zero denominator.\n");
  return g_string_free (out, FALSE);
}
