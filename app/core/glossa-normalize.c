/* glossa-normalize.c: filling in the missing values of a corpus's dates
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "glossa-error.h"
#include "glossa-normalize.h"
#include "glossa-schema.h"
#include "glossa-store.h"

/* How much text on each side of a date stands in for its sentence, whose
 * tense decides which "Tuesday" it is: as much as a new span in the window
 * gets, so that both give one date the same value.
 */
#define CONTEXT_CODE_POINTS 120

static void
miss_free (GlossaNormalizeMiss *miss)
{
  g_free (miss->name);
  g_free (miss->text);
  g_free (miss->reason);
  g_free (miss);
}

void
glossa_normalize_report_init (GlossaNormalizeReport *report)
{
  g_return_if_fail (report != NULL);

  memset (report, 0, sizeof *report);
  report->missed = g_ptr_array_new_with_free_func ((GDestroyNotify) miss_free);
}

void
glossa_normalize_report_clear (GlossaNormalizeReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->missed, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}

static gboolean
is_calendar_date (const char *date)
{
  return date != NULL && strlen (date) == 10 && glossa_timex_check (date, NULL);
}

char *
glossa_normalize_record_dct (GlossaRecord *record)
{
  GlossaArticle *article;

  g_return_val_if_fail (record != NULL, NULL);

  article = record->article;
  if (is_calendar_date (record->date))
    return g_strdup (record->date);
  return glossa_article_find_date (glossa_article_get_text (article),
                                   glossa_article_get_n_bytes (article));
}

/* Whether spans of @label carry a date value: the schema declares the
 * attribute "value" of type timex for it, as the built-in date does.
 */
static gboolean
has_timex_value (GlossaSchema *schema,
                 GlossaLabel   label)
{
  const GlossaSchemaLabel *entry = glossa_schema_find_label (schema, label);

  for (guint i = 0; entry != NULL && entry->attributes != NULL && i < entry->attributes->len; i++)
    {
      const GlossaSchemaAttribute *attribute = g_ptr_array_index (entry->attributes, i);

      if (attribute->type == GLOSSA_ATTRIBUTE_TIMEX && strcmp (attribute->name, "value") == 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_miss (GlossaNormalizeReport *report,
          const char            *name,
          const GlossaSpan      *span,
          const char            *reason)
{
  GlossaNormalizeMiss *miss = g_new0 (GlossaNormalizeMiss, 1);

  miss->name = g_strdup (name);
  miss->start = span->start;
  miss->text = g_strdup (span->text);
  /* A date may run over a line break, and an article may hold terminal
   * escapes: the report has one plain line a date.
   */
  for (char *p = miss->text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  miss->reason = g_strdup (reason);
  g_ptr_array_add (report->missed, miss);
}

/* A copy of @attributes (nullable) with "value" set: a copied span shares
 * its attributes object with the original, which must not change.
 */
static JsonObject *
attributes_with_value (JsonObject *attributes,
                       const char *value)
{
  JsonObject *result = json_object_new ();
  g_autoptr(GList) names = attributes != NULL ? json_object_get_members (attributes) : NULL;

  for (const GList *l = names; l != NULL; l = l->next)
    json_object_set_member (result, l->data, json_node_copy (json_object_get_member (attributes, l->data)));
  json_object_set_string_member (result, "value", value);
  return result;
}

/* The normaliser's value for @span, or NULL with *reason set. */
static char *
normalize_span (GlossaArticle    *article,
                const GlossaSpan *span,
                const char       *dct,
                GlossaTimexLang   lang,
                const char      **reason)
{
  gint64 length = glossa_article_get_length (article);
  g_autofree char *context = glossa_article_slice (article,
                                                   MAX (0, span->start - CONTEXT_CODE_POINTS),
                                                   MIN (length, span->end + CONTEXT_CODE_POINTS));
  g_autofree char *value = NULL;

  if (!glossa_timex_normalize (span->text, dct, lang, context, &value))
    {
      /* Without the article's date only absolute dates have a value. */
      *reason = dct == NULL ? _("no value without the article’s date (a “date YYYY-MM-DD” line)")
                            : _("not a date expression the normalizer knows");
      return NULL;
    }
  /* The file must load again: a value is written only if it is well-formed. */
  if (!glossa_timex_check (value, NULL))
    {
      *reason = _("the normalizer gave no well-formed value");
      return NULL;
    }
  return g_steal_pointer (&value);
}

/* Fills the missing values among @spans (an array that owns them) and
 * returns how many; misses and kept values go to @report.
 */
static guint
normalize_spans (GPtrArray             *spans,
                 GlossaSchema          *schema,
                 GlossaArticle         *article,
                 const char            *dct,
                 const char            *name,
                 GlossaTimexLang        lang,
                 GlossaNormalizeReport *report)
{
  guint n_filled = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);
      g_autofree char *value = NULL;
      const char *reason = NULL;
      GlossaSpan *filled;

      if (!has_timex_value (schema, span->label))
        continue;
      if (glossa_span_get_attribute (span, "value") != NULL)
        {
          report->n_kept++;
          continue;
        }
      if (lang == GLOSSA_TIMEX_LANG_AUTO)
        lang = glossa_timex_detect_lang (glossa_article_get_text (article),
                                         glossa_article_get_n_bytes (article));
      if (!(value = normalize_span (article, span, dct, lang, &reason)))
        {
          add_miss (report, name, span, reason);
          continue;
        }

      filled = glossa_span_copy (span);
      g_clear_pointer (&filled->attributes, json_object_unref);
      filled->attributes = attributes_with_value (span->attributes, value);
      g_free (filled->value_source);
      filled->value_source = g_strdup ("auto");
      /* The array owns its spans: this drops the old one. */
      g_ptr_array_index (spans, i) = filled;
      glossa_span_unref (span);
      n_filled++;
    }
  return n_filled;
}

static const char *
article_name (GlossaArticle *article,
              const char    *fallback)
{
  const char *name = glossa_article_get_name (article);

  return name != NULL ? name : fallback;
}

void
glossa_normalize_record (GlossaRecord          *record,
                         GlossaTimexLang        lang,
                         GlossaNormalizeReport *report)
{
  g_autofree char *dct = NULL;

  g_return_if_fail (record != NULL);
  g_return_if_fail (report != NULL && report->missed != NULL);

  dct = glossa_normalize_record_dct (record);
  report->n_filled += normalize_spans (record->spans, record->schema, record->article, dct,
                                       article_name (record->article, record->id), lang, report);
}

gboolean
glossa_normalize_document (GlossaDocument         *document,
                           const char             *date,
                           GlossaTimexLang         lang,
                           GlossaNormalizeReport  *report,
                           GCancellable           *cancellable,
                           GError                **error)
{
  GlossaArticle *article;
  GlossaStore *store;
  g_autoptr(GlossaAnnotations) annotations = NULL;
  g_autofree char *dct = NULL;
  guint n_filled;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (report != NULL && report->missed != NULL, FALSE);

  article = glossa_document_get_article (document);
  store = glossa_document_get_store (document);
  if (glossa_document_get_error (document) != NULL)
    {
      g_propagate_error (error, g_error_copy (glossa_document_get_error (document)));
      return FALSE;
    }
  if (store == NULL)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED, _("%s: the document has nowhere to be saved"),
                   article_name (article, "?"));
      return FALSE;
    }

  annotations = glossa_document_snapshot (document);
  /* As for a record: the annotations' date, the corpus's (a JSONL line's
   * "date"), the article's own, then its date line.
   */
  if (is_calendar_date (annotations->date))
    dct = g_strdup (annotations->date);
  else if (is_calendar_date (date))
    dct = g_strdup (date);
  else if (is_calendar_date (glossa_article_get_date (article)))
    dct = g_strdup (glossa_article_get_date (article));
  else
    dct = glossa_article_find_date (glossa_article_get_text (article), glossa_article_get_n_bytes (article));
  n_filled = normalize_spans (annotations->spans, annotations->schema, article, dct,
                              article_name (article, "?"), lang, report);
  /* A document with nothing to fill is not written: its file stays as it was. */
  if (n_filled == 0)
    return TRUE;
  if (!glossa_store_save (store, annotations, cancellable, error))
    return FALSE;
  report->n_filled += n_filled;
  return TRUE;
}
