/* glossa-overview.c: a corpus's figures at a glance: statuses, labels, progress, agreement
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "glossa-agreement.h"
#include "glossa-export.h"
#include "glossa-overview-private.h"

/* What the reading gathers before it becomes a GlossaOverview. */
typedef struct
{
  GlossaOverview *overview;
  GHashTable     *labels;  /* name -> GlossaOverviewLabel*, owned by overview->labels */
  GHashTable     *days;    /* day -> GlossaOverviewDay*, owned */
} Tally;

static void
overview_label_free (gpointer data)
{
  GlossaOverviewLabel *label = data;

  g_free (label->name);
  g_free (label);
}

static void
overview_day_free (gpointer data)
{
  GlossaOverviewDay *day = data;

  g_free (day->day);
  g_free (day);
}

void
glossa_overview_free (GlossaOverview *overview)
{
  if (overview == NULL)
    return;
  g_ptr_array_unref (overview->labels);
  g_ptr_array_unref (overview->days);
  g_ptr_array_unref (overview->problems);
  g_free (overview);
}

GlossaOverviewLabel *
glossa_overview_lookup_label (GlossaOverview *overview,
                              const char     *name)
{
  g_return_val_if_fail (overview != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < overview->labels->len; i++)
    {
      GlossaOverviewLabel *label = g_ptr_array_index (overview->labels, i);

      if (strcmp (label->name, name) == 0)
        return label;
    }
  return NULL;
}

static GlossaOverviewLabel *
tally_label (Tally      *tally,
             const char *name)
{
  GlossaOverviewLabel *label = g_hash_table_lookup (tally->labels, name);

  if (label == NULL)
    {
      label = g_new0 (GlossaOverviewLabel, 1);
      label->name = g_strdup (name);
      label->f1_exact = label->f1_overlap = label->kappa = NAN;
      g_ptr_array_add (tally->overview->labels, label);
      g_hash_table_insert (tally->labels, label->name, label);
    }
  return label;
}

static GlossaOverviewDay *
tally_day (Tally      *tally,
           const char *day_str)
{
  GlossaOverviewDay *day = g_hash_table_lookup (tally->days, day_str);

  if (day == NULL)
    {
      day = g_new0 (GlossaOverviewDay, 1);
      day->day = g_strdup (day_str);
      g_hash_table_insert (tally->days, day->day, day);
    }
  return day;
}

static void
tally_init (Tally *tally)
{
  /* The default labels show even when no span has them yet: an empty bar
   * says more than a missing one.
   */
  const GlossaLabel defaults[] = {
    GLOSSA_LABEL_ACTOR, GLOSSA_LABEL_QUOTE, GLOSSA_LABEL_CLAIM, GLOSSA_LABEL_DATE,
  };

  tally->overview = g_new0 (GlossaOverview, 1);
  tally->overview->labels = g_ptr_array_new_with_free_func (overview_label_free);
  tally->overview->days = g_ptr_array_new_with_free_func (overview_day_free);
  tally->overview->problems = g_ptr_array_new_with_free_func (g_free);
  tally->overview->f1_exact = tally->overview->f1_overlap = tally->overview->kappa = NAN;
  tally->labels = g_hash_table_new (g_str_hash, g_str_equal);
  tally->days = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, overview_day_free);
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    tally_label (tally, glossa_label_to_string (defaults[i]));
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  const GlossaOverviewDay *day_a = *(GlossaOverviewDay * const *) a;
  const GlossaOverviewDay *day_b = *(GlossaOverviewDay * const *) b;

  return strcmp (day_a->day, day_b->day);
}

static GlossaOverview *
tally_finish (Tally *tally)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, tally->days);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (tally->overview->days, value);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (tally->overview->days, compare_days);
  g_hash_table_unref (tally->days);
  g_hash_table_unref (tally->labels);
  return tally->overview;
}

static void
tally_clear (Tally *tally)
{
  if (tally->overview == NULL)
    return;
  g_clear_pointer (&tally->days, g_hash_table_unref);
  g_clear_pointer (&tally->labels, g_hash_table_unref);
  g_clear_pointer (&tally->overview, glossa_overview_free);
}

/* A span time as seconds since 1970, or FALSE if it is missing or not a
 * time. The loader checked the times already; a time without a zone would
 * be taken as UTC.
 */
static gboolean
parse_time (const char *iso,
            gint64     *seconds)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) time = NULL;

  if (iso == NULL)
    return FALSE;
  utc = g_time_zone_new_utc ();
  if (!(time = g_date_time_new_from_iso8601 (iso, utc)))
    return FALSE;
  *seconds = g_date_time_to_unix (time);
  return TRUE;
}

static char *
day_of (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_format (time, "%Y-%m-%d");
}

static void
tally_status (GlossaOverview *overview,
              GlossaStatus    status)
{
  if (status == GLOSSA_STATUS_DONE)
    overview->done++;
  else if (status == GLOSSA_STATUS_IN_PROGRESS)
    overview->in_progress++;
  else
    overview->todo++;
}

/* The latest time of @span, modified or else created; FALSE if neither. */
static gboolean
span_latest (const GlossaSpan *span,
             gint64           *seconds)
{
  return parse_time (span->modified, seconds) || parse_time (span->created, seconds);
}

static void
tally_record (Tally        *tally,
              GlossaRecord *record)
{
  gboolean touched = FALSE;
  gint64 last = 0;

  tally->overview->documents++;
  tally_status (tally->overview, record->status);
  for (guint i = 0; i < record->spans->len; i++)
    {
      const GlossaSpan *span = g_ptr_array_index (record->spans, i);
      gint64 when;

      tally->overview->spans++;
      tally_label (tally, glossa_label_to_string (span->label))->spans++;
      if (parse_time (span->created, &when))
        {
          g_autofree char *day = day_of (when);

          tally_day (tally, day)->spans_created++;
        }
      else
        tally->overview->spans_undated++;
      if (span_latest (span, &when) && (!touched || when > last))
        {
          last = when;
          touched = TRUE;
        }
    }

  if (record->status != GLOSSA_STATUS_DONE)
    return;
  if (touched)
    {
      g_autofree char *day = day_of (last);

      tally_day (tally, day)->documents_done++;
    }
  else
    tally->overview->done_undated++;
}

static void
tally_unreadable (Tally  *tally,
                  GError *error)
{
  tally->overview->documents++;
  tally->overview->unreadable++;
  g_ptr_array_add (tally->overview->problems, g_strdup (error->message));
}

/* Documents are read by several threads at once, each over a contiguous
 * range of them with a tally of its own; the tallies are then added up in
 * range order, so that labels keep the order they were first seen in and
 * problems the corpus's order, whatever the threads' timing.
 */
#define MAX_THREADS      4
#define MIN_PER_THREAD 256

typedef struct
{
  GlossaRecordSource *source;
  guint               first;
  guint               end;
  GCancellable       *cancellable;
  Tally               tally;
  GError             *error;
} Range;

static gpointer
tally_range (gpointer data)
{
  Range *range = data;

  tally_init (&range->tally);
  for (guint i = range->first; i < range->end; i++)
    {
      g_autoptr(GlossaRecord) record = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (range->cancellable, &range->error))
        return NULL;
      if ((record = glossa_record_source_load (range->source, i, &local_error)))
        tally_record (&range->tally, record);
      else
        tally_unreadable (&range->tally, local_error);
    }
  return NULL;
}

/* Adds @from's figures to @into's and frees @from. */
static void
tally_merge (Tally *into,
             Tally *from)
{
  GlossaOverview *a = into->overview, *b = from->overview;
  GHashTableIter iter;
  gpointer value;

  a->documents += b->documents;
  a->todo += b->todo;
  a->in_progress += b->in_progress;
  a->done += b->done;
  a->unreadable += b->unreadable;
  a->spans += b->spans;
  a->spans_undated += b->spans_undated;
  a->done_undated += b->done_undated;
  for (guint i = 0; i < b->labels->len; i++)
    {
      GlossaOverviewLabel *label = g_ptr_array_index (b->labels, i);

      tally_label (into, label->name)->spans += label->spans;
    }
  g_hash_table_iter_init (&iter, from->days);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GlossaOverviewDay *day = value, *sum = tally_day (into, day->day);

      sum->spans_created += day->spans_created;
      sum->documents_done += day->documents_done;
    }
  for (guint i = 0; i < b->problems->len; i++)
    g_ptr_array_add (a->problems, g_steal_pointer (&b->problems->pdata[i]));
  tally_clear (from);
}

static gboolean
tally_source (Tally              *tally,
              GlossaRecordSource *source,
              guint               n_threads,
              GCancellable       *cancellable,
              GError            **error)
{
  guint n = glossa_record_source_get_n_records (source);
  Range ranges[MAX_THREADS] = { { NULL } };
  GThread *threads[MAX_THREADS] = { NULL };
  gboolean ok = TRUE;

  /* One core is left to the window that waits for the figures. */
  if (n_threads == 0)
    n_threads = MIN (g_get_num_processors () - 1, n / MIN_PER_THREAD);
  n_threads = CLAMP (MIN (n_threads, n), 1, MAX_THREADS);

  for (guint t = 0; t < n_threads; t++)
    {
      ranges[t] = (Range) { source, (guint64) n * t / n_threads, (guint64) n * (t + 1) / n_threads,
                            cancellable, { NULL }, NULL };
      if (t > 0)
        threads[t] = g_thread_new ("glossa-overview", tally_range, &ranges[t]);
    }
  tally_range (&ranges[0]);
  for (guint t = 0; t < n_threads; t++)
    {
      if (threads[t] != NULL)
        g_thread_join (threads[t]);
      if (ranges[t].error != NULL && ok)
        {
          g_propagate_error (error, g_steal_pointer (&ranges[t].error));
          ok = FALSE;
        }
      g_clear_error (&ranges[t].error);
      if (ok)
        tally_merge (tally, &ranges[t].tally);
      else
        tally_clear (&ranges[t].tally);
    }
  return ok;
}

static double
json_figure (JsonObject *object,
             const char *member,
             const char *inner)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && inner != NULL && JSON_NODE_HOLDS_OBJECT (node))
    node = json_object_get_member (json_node_get_object (node), inner);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return NAN;
  return json_node_get_double (node);
}

/* The figures are taken from glossa_agreement_to_json(), which names each
 * label, so that nothing here depends on how the agreement stores them.
 */
static void
tally_agreement (Tally           *tally,
                 GlossaAgreement *agreement)
{
  g_autofree char *text = glossa_agreement_to_json (agreement);
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  JsonObject *object;
  JsonObject *labels;
  g_autoptr(GList) names = NULL;

  g_return_if_fail (root != NULL && JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  tally->overview->compared = TRUE;
  tally->overview->compared_documents = agreement->n_documents;
  if (json_object_has_member (object, "overall"))
    {
      JsonObject *overall = json_object_get_object_member (object, "overall");

      tally->overview->f1_exact = json_figure (overall, "exact", "f1");
      tally->overview->f1_overlap = json_figure (overall, "overlap", "f1");
      tally->overview->kappa = json_figure (overall, "kappa", NULL);
    }
  labels = json_object_get_object_member (object, "labels");
  names = labels != NULL ? json_object_get_members (labels) : NULL;
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *scores = json_object_get_object_member (labels, l->data);
      GlossaOverviewLabel *label = tally_label (tally, l->data);

      label->f1_exact = json_figure (scores, "exact", "f1");
      label->f1_overlap = json_figure (scores, "overlap", "f1");
      label->kappa = json_figure (scores, "kappa", NULL);
    }
}

static GlossaRecordSource *
open_source (const char    *path,
             GCancellable  *cancellable,
             GError       **error)
{
  const char *paths[] = { path, NULL };

  return glossa_record_source_open_keeping_problems (paths, cancellable, error);
}

static GlossaOverview *compute (const char    *path,
                                const char    *against,
                                guint          n_threads,
                                GCancellable  *cancellable,
                                GError       **error);

GlossaOverview *
glossa_overview_compute (const char    *path,
                         const char    *against,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return _glossa_overview_compute_threads (path, against, 0, cancellable, error);
}

GlossaOverview *
_glossa_overview_compute_threads (const char    *path,
                                  const char    *against,
                                  guint          n_threads,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(GMainContext) context = NULL;
  GlossaOverview *overview;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A corpus belongs to the main context of the thread that opens it
   * (glossa-corpus.h), and a worker without a context of its own would
   * give it the window's: whatever the corpus opened here sends there
   * would run on the window's thread. A private context, never run, keeps
   * it here; nothing read here waits on it.
   */
  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  overview = compute (path, against, n_threads, cancellable, error);
  g_main_context_pop_thread_default (context);
  return overview;
}

static GlossaOverview *
compute (const char    *path,
         const char    *against,
         guint          n_threads,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GlossaRecordSource) source = NULL;
  Tally tally = { NULL };

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !(source = open_source (path, cancellable, error)))
    return NULL;
  tally_init (&tally);
  if (!tally_source (&tally, source, n_threads, cancellable, error))
    {
      tally_clear (&tally);
      return NULL;
    }
  if (against != NULL)
    {
      g_autoptr(GlossaRecordSource) other = NULL;
      g_autoptr(GlossaAgreement) agreement = NULL;
      const char *paths[] = { against, NULL };

      if (!(other = glossa_record_source_open (paths, cancellable, error)) ||
          !(agreement = glossa_agreement_compare (source, other, cancellable, error)))
        {
          tally_clear (&tally);
          return NULL;
        }
      tally_agreement (&tally, agreement);
    }
  return tally_finish (&tally);
}

GlossaOverview *
glossa_overview_compute_for_corpus (GlossaCorpus  *corpus,
                                    const char    *against,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (GLOSSA_IS_CORPUS (corpus), NULL);

  path = g_file_get_path (glossa_corpus_get_file (corpus));
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (glossa_corpus_get_file (corpus));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: not a local corpus"), uri);
      return NULL;
    }
  return glossa_overview_compute (path, against, cancellable, error);
}
