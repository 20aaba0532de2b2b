/* glossa-window-suggest.c: the window's suggestions: computed, drawn, accepted, rejected
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n.h>

#include "glossa-export.h"
#include "glossa-name-finder.h"
#include "glossa-schema.h"
#include "glossa-suggest-private.h"
#include "glossa-suggest.h"
#include "glossa-window-private.h"

/* The annotation file's member that lists the rejected suggestions, each
 * {"start", "end", "label"}: a record kept beside the spans, so that a
 * suggestion rejected once does not come back when the article is opened
 * again, on any machine the file goes to.
 */
#define REJECTED_MEMBER "rejected_suggestions"

/* Per suggestion, what became of it. */
enum
{
  SHOWN,
  ACCEPTED,
  REJECTED,
  COVERED,     /* a span of its label tagged over it since */
  WITHDRAWN,   /* learned from a tag that is gone again */
};

/* The suggestions of the document shown. They never change once computed
 * (a quote's link is an index into them); what the user did with each is
 * in fate. The view is given the shown ones, shown[i] being the index of
 * its i-th in suggestions.
 */
struct _GlossaWindowSuggest
{
  GlossaDocument *document;      /* the one they were computed for */
  GPtrArray      *suggestions;   /* GlossaSuggestion, in text order */
  GByteArray     *fate;
  GArray         *shown;         /* guint */
  int             current;       /* an index into suggestions, or -1 */
  GCancellable   *cancellable;
  gint64          started;       /* monotonic µs, when computing began */
  gint64          elapsed;       /* µs until the first were drawn */
  gint64          elapsed_complete; /* µs until all were */
  gboolean        complete;      /* the whole article's, not its beginning's */
  GlossaWindowSuggestTimings timings;  /* the last whole article's */
  GtkWidget      *popover;
  /* A click's menu waits out the double-click time (see on_offset_clicked()). */
  guint           popup_source;
  gint64          popup_offset;
  /* While accepting: the spans it replaces are briefly gone. */
  gboolean        accepting;
  /* What the corpus open tags, learned once in a worker: NameCount,
   * shared with the jobs (never changed once made).
   */
  char           *names_path;    /* the corpus file they are (being) learned from */
  GPtrArray      *corpus_names;
  GCancellable   *names_cancellable;
  /* The document's rejected_suggestions as last seen (a reference, so
   * that a new value is never mistaken for it): see on_rejections_changed().
   */
  JsonNode       *rejected_seen;
  gboolean        rejecting;     /* the window's own rejection: nothing to follow */
  /* Names learned from the spans tagged by hand in this window since its
   * corpus was opened: "label\ttext" → how many such spans there are now.
   * Each is suggested wherever the article shown has it (see
   * apply_learned()), and in every article shown later.
   */
  GHashTable     *learned;
  GHashTable     *learn_pending;  /* "label\ttext" → net change, not yet applied */
  guint           learn_source;
  /* Of the suggestions, those made from learned names (a set): they are
   * withdrawn when their name is no longer learned.
   */
  GHashTable     *live;
  /* Spans added or removed in a batch (a Tag All, an undo of thousands),
   * looked at together when it ends: see on_batch_changed().
   */
  GPtrArray      *batch_added;
  GPtrArray      *batch_removed;
};

/* A text the corpus tags with a label, and how often. */
typedef struct
{
  char  *text;
  char  *label;
  guint  count;
} NameCount;

static void
name_count_free (NameCount *name)
{
  g_free (name->text);
  g_free (name->label);
  g_free (name);
}

/* What the worker needs: nothing it shares with the main thread but
 * immutable things (the article, the spans, which are never changed once
 * made).
 */
typedef struct
{
  GlossaArticle    *article;
  GPtrArray        *spans;       /* GlossaSpan */
  GlossaSuggesters  suggesters;
  GStrv             labels;      /* those the document's schema has */
  GHashTable       *rejected;    /* "start:end:label" */
  GPtrArray        *corpus_names; /* nullable: NameCount */
  char             *gazetteer;   /* nullable */
  char             *warning;     /* set by the worker */
  /* Weak: the last reference to a widget must not go in the worker. */
  GWeakRef          window;      /* to post the beginning's back */
  GWeakRef          document;    /* to compare it with the one shown */
  gint64            started;     /* monotonic µs, when computing was asked for */
  GlossaWindowSuggestTimings timings;  /* set by the worker */
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->article);
  g_ptr_array_unref (job->spans);
  g_strfreev (job->labels);
  g_hash_table_unref (job->rejected);
  g_clear_pointer (&job->corpus_names, g_ptr_array_unref);
  g_free (job->gazetteer);
  g_free (job->warning);
  g_weak_ref_clear (&job->window);
  g_weak_ref_clear (&job->document);
  g_free (job);
}

/* glossa_suggestion_key()'s key, written in @key: no allocation per suggestion. */
static const char *
rejection_key_in (GString    *key,
                  gint64      start,
                  gint64      end,
                  const char *label)
{
  g_string_printf (key, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s", start, end, label);
  return key->str;
}

/* The valid entries of the file's list; others are kept in the file but
 * mean nothing here.
 */
static GHashTable *
read_rejected (GlossaDocument *document)
{
  return glossa_suggest_read_rejected_list (glossa_document_get_extra_member (document, REJECTED_MEMBER));
}

/* Known names: what the corpus tags (once learned), the document's own
 * spans (not suggestions nobody accepted) and the gazetteer beside the
 * corpus or article, if there is one.
 */
static GlossaKnownNames *
job_known_names (Job *job)
{
  g_autoptr(GlossaKnownNames) names = glossa_known_names_new (TRUE);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; job->corpus_names != NULL && i < job->corpus_names->len; i++)
    {
      NameCount *name = g_ptr_array_index (job->corpus_names, i);

      glossa_known_names_add (names, name->text, name->label, name->count);
    }
  for (guint i = 0; i < job->spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (job->spans, i);

      if (span->origin != GLOSSA_ORIGIN_SUGGESTED || (span->annotator != NULL && *span->annotator != '\0'))
        glossa_known_names_add (names, span->text, glossa_label_to_string (span->label), 1);
    }
  if (job->gazetteer != NULL && !glossa_known_names_load_gazetteer (names, job->gazetteer, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    job->warning = g_strdup (error->message);
  return g_steal_pointer (&names);
}

/* Drops what the document cannot hold and what was rejected before. A
 * link to a dropped suggestion is dropped with it.
 */
static GPtrArray *
job_filter (Job       *job,
            GPtrArray *found)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_suggestion_free);
  g_autofree int *index = g_new (int, found->len);
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean any_rejected = g_hash_table_size (job->rejected) > 0;

  /* @found gives its suggestions away or frees them here. */
  g_ptr_array_set_free_func (found, NULL);
  for (guint i = 0; i < found->len; i++)
    {
      GlossaSuggestion *s = g_ptr_array_index (found, i);

      index[i] = -1;
      if (!g_strv_contains ((const char * const *) job->labels, s->label) ||
          (any_rejected && g_hash_table_contains (job->rejected,
                                                  rejection_key_in (key, s->start, s->end, s->label))))
        {
          glossa_suggestion_free (s);
          continue;
        }
      index[i] = kept->len;
      g_ptr_array_add (kept, s);
    }
  for (guint i = 0; i < kept->len; i++)
    {
      GlossaSuggestion *s = g_ptr_array_index (kept, i);

      if (s->link < 0)
        continue;
      s->link = index[s->link];
      if (s->link < 0)
        s->link_type = NULL;
    }
  return g_steal_pointer (&kept);
}

/* A long article's beginning is done first, and shown while the rest is:
 * what is on screen when it opens is outlined at once, whatever the
 * article's length. The beginning ends at a paragraph break, where no
 * quote or date crosses.
 */
#define FIRST_PART_BYTES (64 * 1024)

static gsize
first_part_length (GlossaArticle *article)
{
  const char *text = glossa_article_get_text (article);
  gsize len = glossa_article_get_n_bytes (article);
  const char *cut;

  if (len <= 4 * FIRST_PART_BYTES)
    return len;
  cut = g_strstr_len (text + FIRST_PART_BYTES, len - FIRST_PART_BYTES, "\n\n");
  return cut != NULL ? (gsize) (cut - text) : len;
}

/* The CPU time of the calling thread, in µs. */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static GPtrArray *
job_run (Job                        *job,
         gsize                       len,
         const char                 *dct,
         GlossaKnownNames           *names,
         const GlossaSuggestOptions *options,
         GError                    **error)
{
  GPtrArray *found = glossa_suggest_article (glossa_article_get_text (job->article), len, dct,
                                             GLOSSA_SUGGEST_LANG_AUTO, names, options, error);

  return found != NULL ? job_filter (job, g_steal_pointer (&found)) : NULL;
}

typedef struct
{
  GlossaWindow *window;
  GPtrArray    *suggestions;
  GlossaDocument *document;
} Partial;

static void install (GlossaWindow   *self,
                     GlossaDocument *document,
                     GPtrArray      *suggestions,
                     gboolean        partial);

static gboolean
partial_ready (gpointer data)
{
  Partial *partial = data;

  if (partial->window != NULL && partial->document != NULL)
    install (partial->window, partial->document, g_steal_pointer (&partial->suggestions), TRUE);
  g_clear_pointer (&partial->suggestions, g_ptr_array_unref);
  g_clear_object (&partial->window);
  g_clear_object (&partial->document);
  g_free (partial);
  return G_SOURCE_REMOVE;
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Job *job = task_data;
  GlossaArticle *article = job->article;
  g_autoptr(GlossaKnownNames) names = job_known_names (job);
  g_autofree GlossaSuggestExisting *existing = g_new0 (GlossaSuggestExisting, job->spans->len + 1);
  GlossaSuggestOptions options = { job->suggesters, NULL, existing, job->spans->len };
  gsize first = first_part_length (article);
  g_autofree char *dct = NULL;
  GPtrArray *found;
  GError *error = NULL;
  gint64 cpu = thread_cpu_time (), helper_cpu = _glossa_suggest_get_helper_cpu_time ();

  job->timings.queued = g_get_monotonic_time () - job->started;

  for (guint i = 0; i < job->spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (job->spans, i);

      existing[i] = (GlossaSuggestExisting) { span->start, span->end, glossa_label_to_string (span->label) };
    }
  if (glossa_article_get_date (article) != NULL)
    dct = g_strdup (glossa_article_get_date (article));
  else
    dct = glossa_article_find_date (glossa_article_get_text (article), glossa_article_get_n_bytes (article));

  if (first < glossa_article_get_n_bytes (article) &&
      (found = job_run (job, first, dct, names, &options, NULL)) != NULL)
    {
      Partial *partial = g_new0 (Partial, 1);

      /* Released in partial_ready(), on the main thread. Not through
       * g_main_context_invoke(): it runs the function right here, in
       * the worker, whenever no thread holds the main context (between
       * two iterations of a loop that is not g_application_run()'s).
       */
      partial->window = g_weak_ref_get (&job->window);
      partial->document = g_weak_ref_get (&job->document);
      partial->suggestions = found;
      g_idle_add_full (G_PRIORITY_DEFAULT, partial_ready, partial, NULL);
    }
  job->timings.first_found = g_get_monotonic_time () - job->started;
  if (g_task_return_error_if_cancelled (task))
    return;
  found = job_run (job, glossa_article_get_n_bytes (article), dct, names, &options, &error);
  job->timings.whole_found = g_get_monotonic_time () - job->started;
  job->timings.worker_cpu = thread_cpu_time () - cpu + _glossa_suggest_get_helper_cpu_time () - helper_cpu;
  if (found == NULL)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

/* Showing them */

static GlossaSpan *find_span (GlossaDocument *document,
                              gint64          start,
                              gint64          end,
                              GlossaLabel     label);

static GlossaWindowSuggest *
ensure_state (GlossaWindow *self)
{
  if (self->suggest_state == NULL)
    {
      self->suggest_state = g_new0 (GlossaWindowSuggest, 1);
      self->suggest_state->current = -1;
      self->suggest_state->learned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      self->suggest_state->learn_pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  return self->suggest_state;
}

/* The suggestions are let go of: none is live any more. */
static void
forget_live (GlossaWindowSuggest *state)
{
  g_clear_pointer (&state->live, g_hash_table_unref);
}

static void apply_all_learned (GlossaWindow *self);

static GlossaSuggestion *
suggestion_at (GlossaWindowSuggest *state,
               int                  index)
{
  return g_ptr_array_index (state->suggestions, index);
}

static int
view_index_of (GlossaWindowSuggest *state,
               int                  index)
{
  for (guint i = 0; state->shown != NULL && i < state->shown->len; i++)
    if (g_array_index (state->shown, guint, i) == (guint) index)
      return i;
  return -1;
}

/* Gives the view the suggestions still shown. */
static void
update_view (GlossaWindow *self)
{
  GlossaWindowSuggest *state = self->suggest_state;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (GlossaArticleViewSuggestion));

  g_clear_pointer (&state->shown, g_array_unref);
  state->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; state->suggestions != NULL && i < state->suggestions->len; i++)
    {
      GlossaSuggestion *s = suggestion_at (state, i);
      GlossaArticleViewSuggestion mark = { s->start, s->end, g_quark_from_string (s->label) };

      if (state->fate->data[i] != SHOWN)
        continue;
      g_array_append_val (marks, mark);
      g_array_append_val (state->shown, i);
    }
  if (!g_settings_get_boolean (self->settings, "show-suggestions"))
    g_array_set_size (marks, 0);
  glossa_article_view_set_suggestions (self->view, marks);
  glossa_article_view_set_current_suggestion (self->view, view_index_of (state, state->current));
  _glossa_window_suggest_update_actions (self);
}

static void
forget (GlossaWindowSuggest *state)
{
  g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  g_clear_object (&state->document);
  g_clear_pointer (&state->suggestions, g_ptr_array_unref);
  g_clear_pointer (&state->fate, g_byte_array_unref);
  g_clear_pointer (&state->shown, g_array_unref);
  g_clear_pointer (&state->rejected_seen, json_node_unref);
  forget_live (state);
  state->current = -1;
  state->complete = FALSE;
  state->elapsed = state->elapsed_complete = 0;
  if (state->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (state->popover));
}

/* Whether a span from the @k-th of @document on (those starting where
 * @s does come first) has @s's extent and label.
 */
static gboolean
has_span_from (GlossaDocument         *document,
               guint                   k,
               const GlossaSuggestion *s)
{
  for (guint n = glossa_document_get_n_spans (document); k < n; k++)
    {
      GlossaSpan *span = glossa_document_get_span (document, k);

      if (span->start != s->start)
        return FALSE;
      if (span->end == s->end && g_str_equal (glossa_label_to_string (span->label), s->label))
        return TRUE;
    }
  return FALSE;
}

/* Marks what the user did since the suggestions were computed: one with
 * the extent and label of a span is accepted, a remembered one rejected.
 * Spans and suggestions are both in order of start, so one walk through
 * the spans finds them: this runs on the main thread with the whole
 * article's suggestions, and a look-up per suggestion would stall it.
 */
static void
reconcile (GlossaWindow *self)
{
  GlossaWindowSuggest *state = self->suggest_state;
  g_autoptr(GHashTable) rejected = read_rejected (self->document);
  g_autoptr(GString) key = g_string_new (NULL);
  guint n_spans = glossa_document_get_n_spans (self->document);
  gboolean any_rejected = g_hash_table_size (rejected) > 0;
  guint k = 0;

  for (guint i = 0; i < state->suggestions->len; i++)
    {
      GlossaSuggestion *s = suggestion_at (state, i);

      while (k < n_spans && glossa_document_get_span (self->document, k)->start < s->start)
        k++;
      if (has_span_from (self->document, k, s))
        state->fate->data[i] = ACCEPTED;
      else if (any_rejected && g_hash_table_contains (rejected, rejection_key_in (key, s->start, s->end, s->label)))
        state->fate->data[i] = REJECTED;
    }
}

/* The index of the shown suggestion @start–@end of @label, or -1. */
static int
find_same (GlossaWindowSuggest *state,
           gint64               start,
           gint64               end,
           const char          *label)
{
  for (guint i = 0; i < state->suggestions->len; i++)
    {
      GlossaSuggestion *s = suggestion_at (state, i);

      if (s->start == start && s->end == end && g_str_equal (s->label, label) && state->fate->data[i] == SHOWN)
        return i;
    }
  return -1;
}

/* Takes @suggestions for @document, the beginning's (@partial) or the
 * whole article's; the current one stays current.
 */
static void
install (GlossaWindow   *self,
         GlossaDocument *document,
         GPtrArray      *suggestions,
         gboolean        partial)
{
  GlossaWindowSuggest *state = self->suggest_state;
  g_autoptr(GPtrArray) old = NULL;
  g_autofree char *current_label = NULL;
  gint64 current_start = 0, current_end = 0;

  if (state == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)) || state->document != document ||
      self->document != document || (partial && state->complete))
    {
      g_ptr_array_unref (suggestions);
      return;
    }
  if (state->current >= 0)
    {
      GlossaSuggestion *s = suggestion_at (state, state->current);

      current_start = s->start;
      current_end = s->end;
      current_label = g_strdup (s->label);
    }
  old = g_steal_pointer (&state->suggestions);
  g_clear_pointer (&state->fate, g_byte_array_unref);
  state->suggestions = suggestions;
  state->fate = g_byte_array_sized_new (suggestions->len);
  g_byte_array_set_size (state->fate, suggestions->len);
  memset (state->fate->data, SHOWN, suggestions->len);
  state->complete = !partial;
  reconcile (self);
  state->current = current_label != NULL ? find_same (state, current_start, current_end, current_label) : -1;
  /* After the current one is an index into the new ones. */
  forget_live (state);
  apply_all_learned (self);
  update_view (self);
  if (state->elapsed == 0)
    state->elapsed = g_get_monotonic_time () - state->started;
  if (state->complete)
    state->elapsed_complete = g_get_monotonic_time () - state->started;
}

static void
on_computed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GlossaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *suggestions = g_task_propagate_pointer (G_TASK (result), &error);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GlossaDocument) document = g_weak_ref_get (&job->document);
  gint64 handed;

  if (suggestions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->suggest_state != NULL &&
          document != NULL && self->suggest_state->document == document)
        _glossa_window_show_error (self, error);
      return;
    }
  if (document == NULL)
    {
      g_ptr_array_unref (suggestions);
      return;
    }
  handed = g_get_monotonic_time ();
  if (self->suggest_state != NULL)
    self->suggest_state->timings = job->timings;
  install (self, document, suggestions, FALSE);
  if (self->suggest_state != NULL)
    self->suggest_state->timings.install = g_get_monotonic_time () - handed;
  if (job->warning != NULL && self->suggest_state != NULL && self->suggest_state->complete)
    _glossa_window_show_message (self, job->warning);
}

static char *
gazetteer_path (GlossaWindow *self)
{
  GFile *file = self->corpus != NULL ? glossa_corpus_get_file (self->corpus)
                                     : glossa_article_get_file (glossa_document_get_article (self->document));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *folder = NULL;

  if (path == NULL)
    return NULL;
  folder = self->corpus != NULL && g_file_test (path, G_FILE_TEST_IS_DIR) ? g_strdup (path) : g_path_get_dirname (path);
  return g_build_filename (folder, GLOSSA_GAZETTEER_NAME, NULL);
}

/* The suggesters the corpus's schema leaves on. */
static GlossaSuggesters
schema_suggesters (GlossaSchema *schema)
{
  GlossaSuggesters on = 0;

  for (guint bit = GLOSSA_SUGGESTER_QUOTES; bit <= GLOSSA_SUGGESTER_NAMES; bit <<= 1)
    if (glossa_schema_get_suggester (schema, glossa_suggester_to_string (bit)))
      on |= bit;
  return on;
}

static GStrv
schema_labels (GlossaSchema *schema)
{
  GStrv labels = g_new0 (char *, glossa_schema_get_n_labels (schema) + 1);

  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    labels[i] = g_strdup (glossa_label_to_string (glossa_schema_get_label (schema, i)->name));
  return labels;
}

/* Learning the corpus's names */

static gboolean
is_unreviewed (const GlossaSpan *span)
{
  return span->origin == GLOSSA_ORIGIN_SUGGESTED && (span->annotator == NULL || *span->annotator == '\0');
}

/* Every span text of the corpus's annotated documents, counted per label,
 * but for suggestions nobody accepted. A document that does not load is
 * passed over: it has nothing to teach.
 */
static void
learn_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  const char *paths[2] = { task_data, NULL };
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GlossaRecordSource) source = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) name_count_free);
  GHashTableIter iter;
  gpointer key, value;
  GError *error = NULL;

  if (!(source = glossa_record_source_open (paths, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < glossa_record_source_get_n_records (source) && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr(GlossaRecord) record = NULL;

      if (!glossa_record_source_is_annotated (source, i) || !(record = glossa_record_source_load (source, i, NULL)))
        continue;
      for (guint k = 0; k < record->spans->len; k++)
        {
          GlossaSpan *span = g_ptr_array_index (record->spans, k);
          char *name;

          if (is_unreviewed (span))
            continue;
          /* Label names hold no tab: the key splits back there. */
          name = g_strconcat (glossa_label_to_string (span->label), "\t", span->text, NULL);
          g_hash_table_insert (counts, name, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1));
        }
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      NameCount *name = g_new0 (NameCount, 1);
      const char *tab = strchr (key, '\t');

      name->label = g_strndup (key, tab - (const char *) key);
      name->text = g_strdup (tab + 1);
      name->count = GPOINTER_TO_UINT (value);
      g_ptr_array_add (names, name);
    }
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&names), (GDestroyNotify) g_ptr_array_unref);
}

static void start_computing (GlossaWindow *self);

static const char *
corpus_path (GlossaWindow *self)
{
  GFile *file = self->corpus != NULL ? glossa_corpus_get_file (self->corpus) : NULL;

  return file != NULL ? g_file_peek_path (file) : NULL;
}

/* Whether the names learned (or being learned) are the open corpus's. */
static gboolean
is_learned_corpus (GlossaWindow *self)
{
  return corpus_path (self) != NULL && g_strcmp0 (self->suggest_state->names_path, corpus_path (self)) == 0;
}

static void
on_learned (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GlossaWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *names = g_task_propagate_pointer (G_TASK (result), &error);
  GlossaWindowSuggest *state = self->suggest_state;

  if (names == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("the corpus's names not learned: %s", error->message);
      return;
    }
  if (state == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)) || !is_learned_corpus (self))
    {
      g_ptr_array_unref (names);
      return;
    }
  g_clear_object (&state->names_cancellable);
  state->corpus_names = names;
  /* The document shown is suggested again, knowing the corpus. */
  if (names->len > 0 && self->document != NULL)
    start_computing (self);
}

/* Starts learning the names of the corpus open, once per corpus. */
static void
learn_corpus (GlossaWindow *self)
{
  GlossaWindowSuggest *state = self->suggest_state;
  g_autoptr(GTask) task = NULL;

  if (corpus_path (self) == NULL || is_learned_corpus (self))
    return;
  g_cancellable_cancel (state->names_cancellable);
  g_clear_object (&state->names_cancellable);
  g_clear_pointer (&state->corpus_names, g_ptr_array_unref);
  g_free (state->names_path);
  state->names_path = g_strdup (corpus_path (self));
  /* What was learned belongs to the corpus it was learned in. */
  g_hash_table_remove_all (state->learned);
  state->names_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, state->names_cancellable, on_learned, g_object_ref (self));
  g_task_set_source_tag (task, learn_corpus);
  g_task_set_task_data (task, g_strdup (state->names_path), g_free);
  g_task_run_in_thread (task, learn_in_thread);
}

static void
start_computing (GlossaWindow *self)
{
  GlossaWindowSuggest *state;
  GlossaSchema *schema;
  g_autoptr(GTask) task = NULL;
  Job *job;

  /* The document's signals are let go of while the window goes. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->view == NULL)
    return;
  state = ensure_state (self);
  forget (state);
  glossa_article_view_set_suggestions (self->view, NULL);
  /* A review decides between two annotators' spans: no third voice. */
  if (self->document == NULL || glossa_document_get_read_only (self->document) ||
      self->review_source != NULL || !g_settings_get_boolean (self->settings, "show-suggestions"))
    return;
  schema = glossa_document_get_schema (self->document);
  job = g_new0 (Job, 1);
  job->suggesters = schema_suggesters (schema);
  if (job->suggesters == 0)
    {
      g_free (job);
      return;
    }
  job->article = g_object_ref (glossa_document_get_article (self->document));
  job->spans = glossa_document_dup_spans (self->document);
  job->labels = schema_labels (schema);
  /* Rejected ones are computed too, and hidden by reconcile(): undoing a
   * rejection shows one again.
   */
  job->rejected = g_hash_table_new (g_str_hash, g_str_equal);
  job->gazetteer = gazetteer_path (self);
  if (state->corpus_names != NULL && is_learned_corpus (self))
    job->corpus_names = g_ptr_array_ref (state->corpus_names);
  else if (self->corpus != NULL)
    learn_corpus (self);

  g_weak_ref_init (&job->window, self);
  g_weak_ref_init (&job->document, self->document);
  state->document = g_object_ref (self->document);
  state->cancellable = g_cancellable_new ();
  state->started = job->started = g_get_monotonic_time ();
  task = g_task_new (NULL, state->cancellable, on_computed, g_object_ref (self));
  g_task_set_source_tag (task, start_computing);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, compute_in_thread);
}

/* Moving between them */

/* The next shown suggestion after @index (or after the caret, with -1),
 * wrapping around; -1 when none is shown.
 */
static int
find_shown (GlossaWindow *self,
            int           index,
            gboolean      forward)
{
  GlossaWindowSuggest *state = self->suggest_state;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  GtkTextIter caret;
  int n = state->shown->len;
  int from;

  if (n == 0)
    return -1;
  if (index < 0)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &caret, gtk_text_buffer_get_insert (buffer));
      for (from = 0; from < n; from++)
        if (suggestion_at (state, g_array_index (state->shown, guint, from))->start >= gtk_text_iter_get_offset (&caret))
          break;
      from = forward ? from : from - 1;
    }
  else
    {
      for (from = 0; from < n && (int) g_array_index (state->shown, guint, from) <= index; from++)
        ;
      /* from is the first shown after @index. */
      if (!forward)
        from -= (from > 0 && (int) g_array_index (state->shown, guint, from - 1) == index) ? 2 : 1;
    }
  return g_array_index (state->shown, guint, ((from % n) + n) % n);
}

static void
set_current (GlossaWindow *self,
             int           index)
{
  GlossaWindowSuggest *state = self->suggest_state;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  GtkTextIter iter;

  state->current = index;
  glossa_article_view_set_current_suggestion (self->view, view_index_of (state, index));
  _glossa_window_suggest_update_actions (self);
  if (index < 0)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, suggestion_at (state, index)->start);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &iter, 0.1, FALSE, 0, 0);
}

static gboolean
has_suggestions (GlossaWindow *self)
{
  GlossaWindowSuggest *state = self->suggest_state;

  return state != NULL && state->shown != NULL && state->shown->len > 0 && self->document != NULL &&
         state->document == self->document && g_settings_get_boolean (self->settings, "show-suggestions");
}

static gboolean
has_current (GlossaWindow *self)
{
  return has_suggestions (self) && self->suggest_state->current >= 0 &&
         self->suggest_state->fate->data[self->suggest_state->current] == SHOWN;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);

  if (!has_suggestions (self))
    return;
  set_current (self, find_shown (self, self->suggest_state->current,
                                 g_str_equal (action_name, "win.next-suggestion")));
}

/* Accepting */

/* The document's span @start–@end of @label, by binary search: it is
 * looked for per accepted suggestion on every change of the document,
 * and glossa_document_spans_at() scans the spans before it (after
 * thousands of dates accepted at once, each edit took that many scans).
 */
static GlossaSpan *
find_exact_span (GlossaDocument *document,
                 gint64          start,
                 gint64          end,
                 GlossaLabel     label)
{
  GlossaSpan key = { 0 };
  guint index;

  key.start = start;
  key.end = end;
  key.label = label;
  return glossa_document_find_span (document, &key, &index) ? glossa_document_get_span (document, index) : NULL;
}

static GlossaSpan *
find_span (GlossaDocument *document,
           gint64          start,
           gint64          end,
           GlossaLabel     label)
{
  g_autoptr(GPtrArray) spans = NULL;

  if (label != 0)
    return find_exact_span (document, start, end, label);
  spans = glossa_document_spans_at (document, start);

  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      if (span->start == start && span->end == end && (label == 0 || span->label == label))
        return span;
    }
  return NULL;
}

static gboolean
label_has_value (GlossaSchema *schema,
                 GlossaLabel   label)
{
  const GlossaSchemaLabel *entry = glossa_schema_find_label (schema, label);

  for (guint i = 0; entry != NULL && entry->attributes != NULL && i < entry->attributes->len; i++)
    {
      const GlossaSchemaAttribute *a = g_ptr_array_index (entry->attributes, i);

      if (a->type == GLOSSA_ATTRIBUTE_TIMEX && g_str_equal (a->name, "value"))
        return TRUE;
    }
  return FALSE;
}

/* Whether any label of @schema restricts overlaps: then only the
 * document can tell whether a new span is allowed.
 */
static gboolean
has_overlap_rules (GlossaSchema *schema)
{
  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    if (glossa_schema_get_label (schema, i)->overlap != GLOSSA_OVERLAP_ANY)
      return TRUE;
  return FALSE;
}

/* An id like the document's own, "s" and a number, that no span has. */
static char *
fresh_id (GlossaDocument *document)
{
  for (guint64 n = glossa_document_get_n_spans (document) + 1;; n++)
    {
      char *id = g_strdup_printf ("s%" G_GUINT64_FORMAT, n);

      if (glossa_document_lookup_span (document, id) == NULL)
        return id;
      g_free (id);
    }
}

static void
set_value (GlossaSpan             *span,
           const GlossaSuggestion *s)
{
  g_clear_pointer (&span->attributes, json_object_unref);
  span->attributes = json_object_new ();
  json_object_set_string_member (span->attributes, "value", glossa_suggestion_get_attribute (s, "value"));
  g_free (span->value_source);
  span->value_source = g_strdup ("auto");
}

/* Without overlap rules, a span of a label the schema has, in range, is
 * always allowed: made here as glossa_document_add_span() would, in one
 * edit rather than three (accepting every date of a long article makes
 * thousands).
 */
static GlossaSpan *
add_allowed (GlossaDocument          *document,
             const GlossaSuggestion  *s,
             GlossaLabel              label,
             gboolean                 value,
             GError                 **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *id = fresh_id (document);
  g_autoptr(GlossaSpan) span = glossa_span_new (id, s->start, s->end, label, "");

  span->origin = GLOSSA_ORIGIN_SUGGESTED;
  span->annotator = g_strdup (glossa_document_get_user (document));
  span->created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  span->modified = g_strdup (span->created);
  if (value)
    set_value (span, s);
  return glossa_document_add_span_copy (document, span, error);
}

/* The span of @s, as the annotator's (the document checks its range,
 * label and overlap rule, and records the user) but with origin
 * "suggested", and a date's value as the suggester found it. A span the
 * document has already is returned as it is.
 */
static GlossaSpan *
add_suggested (GlossaDocument          *document,
               const GlossaSuggestion  *s,
               GError                 **error)
{
  GlossaSchema *schema = glossa_document_get_schema (document);
  GlossaLabel label = g_quark_from_string (s->label);
  gboolean value = glossa_suggestion_get_attribute (s, "value") != NULL && label_has_value (schema, label);
  g_autoptr(GlossaSpan) copy = NULL;
  GlossaSpan *span;

  if ((span = find_span (document, s->start, s->end, label)) != NULL)
    return span;
  if (glossa_schema_find_label (schema, label) != NULL && !has_overlap_rules (schema))
    return add_allowed (document, s, label, value, error);
  if (!(span = glossa_document_add_span (document, s->start, s->end, label, error)))
    return NULL;
  copy = glossa_span_copy (span);
  copy->origin = GLOSSA_ORIGIN_SUGGESTED;
  if (value)
    set_value (copy, s);
  if (!glossa_document_remove_span (document, span->id, error))
    return NULL;
  return glossa_document_add_span_copy (document, copy, error);
}

/* A quote's speaker: the suggested one (accepted with it) or the span the
 * article already has there.
 */
static GlossaSpan *
add_link_target (GlossaWindow            *self,
                 const GlossaSuggestion  *s,
                 GError                 **error)
{
  GlossaWindowSuggest *state = self->suggest_state;
  GlossaSpan *target;

  if (s->link_type == NULL)
    return NULL;
  if (s->link < 0)
    return find_span (self->document, s->link_start, s->link_end, 0);
  /* The user said this speaker is not one. */
  if (state->fate->data[s->link] == REJECTED)
    return NULL;
  if (!(target = add_suggested (self->document, suggestion_at (state, s->link), error)))
    return NULL;
  state->fate->data[s->link] = ACCEPTED;
  return target;
}

static gboolean
accept_one (GlossaWindow  *self,
            int            index,
            GError       **error)
{
  GlossaWindowSuggest *state = self->suggest_state;
  const GlossaSuggestion *s = suggestion_at (state, index);
  GlossaSpan *span, *target = NULL;
  g_autoptr(GError) local = NULL;

  state->accepting = TRUE;
  if ((span = add_suggested (self->document, s, error)) != NULL)
    {
      g_autofree char *id = g_strdup (span->id);

      state->fate->data[index] = ACCEPTED;
      /* A speaker that cannot be tagged or linked (the schema has no
       * such link) leaves the quote accepted without.
       */
      target = add_link_target (self, s, &local);
      if (target != NULL)
        glossa_document_add_relation (self->document, s->link_type, id, target->id, &local);
    }
  state->accepting = FALSE;
  if (local != NULL)
    g_debug ("the %s link of %s %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " not made: %s",
             s->link_type, s->label, s->start, s->end, local->message);
  return span != NULL;
}

/* After an accept or a reject, the next one is current. */
static void
after_decision (GlossaWindow *self,
                int           index)
{
  int next;

  update_view (self);
  next = find_shown (self, index, TRUE);
  if (next >= 0)
    set_current (self, next);
  else
    set_current (self, -1);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  int index;
  g_autoptr(GError) error = NULL;

  if (!has_current (self))
    return;
  index = self->suggest_state->current;
  glossa_document_begin_group (self->document, _("Accept Suggestion"));
  if (!accept_one (self, index, &error))
    _glossa_window_show_error (self, error);
  glossa_document_end_group (self->document);
  after_decision (self, index);
}

/* Every shown suggestion of the current one's label, in one step. */
static void
accept_label_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  GlossaWindowSuggest *state = self->suggest_state;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  guint n_accepted = 0, n_failed = 0;
  int index;

  if (!has_current (self))
    return;
  index = state->current;
  label = g_strdup (suggestion_at (state, index)->label);
  /* A batch: the window's views take in thousands of spans once. */
  glossa_document_begin_batch (self->document, _("Accept Suggestions"));
  for (guint i = 0; i < state->suggestions->len; i++)
    {
      if (state->fate->data[i] != SHOWN || !g_str_equal (suggestion_at (state, i)->label, label))
        continue;
      if (accept_one (self, i, NULL))
        n_accepted++;
      else
        n_failed++;
    }
  glossa_document_end_batch (self->document);
  after_decision (self, index);
  message = n_failed == 0 ? g_strdup_printf (ngettext ("%u suggestion accepted", "%u suggestions accepted", n_accepted), n_accepted)
                          : g_strdup_printf (ngettext ("%u suggestion accepted, %u not allowed here",
                                                       "%u suggestions accepted, %u not allowed here", n_accepted),
                                             n_accepted, n_failed);
  _glossa_window_show_message (self, message);
}

/* Rejecting */

static void
remember_rejection (GlossaDocument         *document,
                    const GlossaSuggestion *s)
{
  JsonNode *old = glossa_document_get_extra_member (document, REJECTED_MEMBER);
  g_autoptr(JsonArray) array = json_array_new ();
  JsonObject *entry = json_object_new ();

  /* A member that is not a list was not written by us: it is replaced. */
  if (old != NULL && JSON_NODE_HOLDS_ARRAY (old))
    {
      JsonArray *old_array = json_node_get_array (old);

      /* Shared, not copied: the undo history keeps every list, and a
       * session of many rejections would keep as many copies.
       */
      for (guint i = 0; i < json_array_get_length (old_array); i++)
        json_array_add_element (array, json_node_ref (json_array_get_element (old_array, i)));
    }
  json_object_set_int_member (entry, "start", s->start);
  json_object_set_int_member (entry, "end", s->end);
  json_object_set_string_member (entry, "label", s->label);
  json_array_add_object_element (array, entry);
  glossa_document_set_extra_member_undoable (document, REJECTED_MEMBER,
                                             json_node_init_array (json_node_alloc (), array),
                                             _("Reject Suggestion"));
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  int index;

  if (!has_current (self))
    return;
  index = self->suggest_state->current;
  self->suggest_state->fate->data[index] = REJECTED;
  self->suggest_state->rejecting = TRUE;
  remember_rejection (self->document, suggestion_at (self->suggest_state, index));
  self->suggest_state->rejecting = FALSE;
  after_decision (self, index);
}

/* An accepted suggestion whose span is gone again (undone, deleted) is
 * shown again.
 */
static void
on_document_changed (GlossaWindow *self)
{
  GlossaWindowSuggest *state = self->suggest_state;
  gboolean again = FALSE;

  if (state == NULL || state->suggestions == NULL || state->document != self->document || state->accepting)
    return;
  for (guint i = 0; i < state->suggestions->len; i++)
    {
      GlossaSuggestion *s = suggestion_at (state, i);

      if (state->fate->data[i] == ACCEPTED &&
          !find_span (self->document, s->start, s->end, g_quark_from_string (s->label)))
        {
          state->fate->data[i] = SHOWN;
          again = TRUE;
        }
    }
  if (again)
    update_view (self);
}

/* Each span of a batch would scan the suggestions before it: 9,000 spans
 * of a Tag All times 58,000 suggestions. They are kept for its end.
 */
static gboolean
defer_to_batch_end (GlossaDocument  *document,
                    GPtrArray      **pending,
                    GlossaSpan      *span)
{
  if (!glossa_document_in_batch (document))
    return FALSE;
  if (*pending == NULL)
    *pending = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  g_ptr_array_add (*pending, glossa_span_ref (span));
  return TRUE;
}

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  const GlossaSpan *x = *(GlossaSpan * const *) a, *y = *(GlossaSpan * const *) b;

  return (x->start > y->start) - (x->start < y->start);
}

/* Whether a span of @spans (sorted by start, none longer than
 * @longest) has @label and overlaps @start–@end.
 */
static gboolean
pending_overlaps (GPtrArray   *spans,
                  gint64       longest,
                  gint64       start,
                  gint64       end,
                  GlossaLabel  label)
{
  guint lo = 0, hi = spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((GlossaSpan *) g_ptr_array_index (spans, mid))->start < start - longest)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      if (span->start >= end)
        break;
      if (span->end > start && span->label == label)
        return TRUE;
    }
  return FALSE;
}

static gint64
sort_pending (GPtrArray *spans)
{
  gint64 longest = 0;

  g_ptr_array_sort (spans, compare_starts);
  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      longest = MAX (longest, span->end - span->start);
    }
  return longest;
}

static gboolean label_overlaps (GlossaDocument *document,
                                gint64          start,
                                gint64          end,
                                GlossaLabel     label);

/* The end of a batch: what on_span_added() and on_span_removed() would
 * have done for each of its spans, in one pass over the suggestions.
 */
static void
on_batch_changed (GlossaWindow *self)
{
  GlossaWindowSuggest *state = self->suggest_state;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  gint64 added_longest, removed_longest;
  gboolean changed = FALSE;

  if (state == NULL || glossa_document_in_batch (self->document))
    return;
  added = g_steal_pointer (&state->batch_added);
  removed = g_steal_pointer (&state->batch_removed);
  if ((added == NULL && removed == NULL) || state->suggestions == NULL || state->document != self->document)
    return;
  added_longest = added != NULL ? sort_pending (added) : 0;
  removed_longest = removed != NULL ? sort_pending (removed) : 0;
  for (guint i = 0; i < state->suggestions->len; i++)
    {
      GlossaSuggestion *s = suggestion_at (state, i);
      GlossaLabel label = g_quark_from_string (s->label);

      if (added != NULL && state->fate->data[i] == SHOWN &&
          pending_overlaps (added, added_longest, s->start, s->end, label))
        {
          state->fate->data[i] = COVERED;
          changed = TRUE;
        }
      else if (removed != NULL && state->fate->data[i] == COVERED &&
               pending_overlaps (removed, removed_longest, s->start, s->end, label) &&
               !label_overlaps (self->document, s->start, s->end, label))
        {
          state->fate->data[i] = SHOWN;
          changed = TRUE;
        }
    }
  if (changed)
    update_view (self);
}

/* A span tagged by hand beats the suggestions of its label it overlaps,
 * as it would have had it been there when they were made.
 */
static void
on_span_added (GlossaWindow *self,
               GlossaSpan   *span)
{
  GlossaWindowSuggest *state = self->suggest_state;
  const char *label = glossa_label_to_string (span->label);
  gboolean covered = FALSE;

  if (state == NULL || state->suggestions == NULL || state->document != self->document || state->accepting)
    return;
  if (defer_to_batch_end (self->document, &state->batch_added, span))
    return;
  for (guint i = 0; i < state->suggestions->len; i++)
    {
      GlossaSuggestion *s = suggestion_at (state, i);

      if (s->start >= span->end)
        break;
      if (state->fate->data[i] == SHOWN && s->end > span->start && g_str_equal (s->label, label))
        {
          state->fate->data[i] = COVERED;
          covered = TRUE;
        }
    }
  if (covered)
    update_view (self);
}

/* Whether a span of @label overlaps @start–@end. */
static gboolean
label_overlaps (GlossaDocument *document,
                gint64          start,
                gint64          end,
                GlossaLabel     label)
{
  g_autoptr(GPtrArray) at = glossa_document_spans_at (document, start);
  guint n = glossa_document_get_n_spans (document);
  guint lo = 0, hi = n;

  for (guint i = 0; i < at->len; i++)
    if (((GlossaSpan *) g_ptr_array_index (at, i))->label == label)
      return TRUE;
  /* Those starting inside: spans are sorted by start. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (glossa_document_get_span (document, mid)->start <= start)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < n && glossa_document_get_span (document, i)->start < end; i++)
    if (glossa_document_get_span (document, i)->label == label)
      return TRUE;
  return FALSE;
}

/* A suggestion a span of its label hid is shown again once no span of its
 * label overlaps it: the span tagged over it was undone or deleted.
 */
static void
on_span_removed (GlossaWindow *self,
                 GlossaSpan   *span)
{
  GlossaWindowSuggest *state = self->suggest_state;
  const char *label = glossa_label_to_string (span->label);
  gboolean again = FALSE;

  if (state == NULL || state->suggestions == NULL || state->document != self->document || state->accepting)
    return;
  if (defer_to_batch_end (self->document, &state->batch_removed, span))
    return;
  for (guint i = 0; i < state->suggestions->len; i++)
    {
      GlossaSuggestion *s = suggestion_at (state, i);

      if (s->start >= span->end)
        break;
      if (state->fate->data[i] == COVERED && s->end > span->start && g_str_equal (s->label, label) &&
          !label_overlaps (self->document, s->start, s->end, span->label))
        {
          state->fate->data[i] = SHOWN;
          again = TRUE;
        }
    }
  if (again)
    update_view (self);
}

/* Sets each suggestion's fate from @rejected: one no longer there (its
 * rejection undone) is shown, one there again (redone) hidden. Returns
 * the one shown again if it is the only one, else -1.
 */
static int
follow_rejections (GlossaWindowSuggest *state,
                   GHashTable          *rejected,
                   gboolean            *changed)
{
  int restored = -1;
  guint n_restored = 0;

  for (guint i = 0; i < state->suggestions->len; i++)
    {
      GlossaSuggestion *s = suggestion_at (state, i);
      g_autofree char *key = NULL;
      gboolean listed;

      if (state->fate->data[i] != SHOWN && state->fate->data[i] != REJECTED)
        continue;
      key = glossa_suggestion_key (s->start, s->end, s->label);
      listed = g_hash_table_contains (rejected, key);
      if (listed == (state->fate->data[i] == REJECTED))
        continue;
      state->fate->data[i] = listed ? REJECTED : SHOWN;
      *changed = TRUE;
      if (!listed)
        {
          restored = i;
          n_restored++;
        }
    }
  return n_restored == 1 ? restored : -1;
}

/* The file's list of rejections changed: by the window's own rejection
 * (nothing to do), or by undo or redo of one. A rejection undone shows
 * its suggestion again, current, so that it can be decided again.
 */
static void
on_rejections_changed (GlossaWindow *self)
{
  GlossaWindowSuggest *state = self->suggest_state;
  g_autoptr(GHashTable) rejected = NULL;
  JsonNode *node;
  gboolean changed = FALSE;
  int restored;

  if (state == NULL || state->suggestions == NULL || state->document != self->document)
    return;
  node = glossa_document_get_extra_member (self->document, REJECTED_MEMBER);
  if (node == state->rejected_seen)
    return;
  g_clear_pointer (&state->rejected_seen, json_node_unref);
  state->rejected_seen = node != NULL ? json_node_ref (node) : NULL;
  if (state->rejecting)
    return;
  rejected = read_rejected (self->document);
  restored = follow_rejections (state, rejected, &changed);
  if (!changed)
    return;
  update_view (self);
  if (restored >= 0)
    set_current (self, restored);
  else if (state->current >= 0 && state->fate->data[state->current] != SHOWN)
    set_current (self, find_shown (self, state->current, TRUE));
}

/* Learning names as the user tags */

/* More names than this changed at once is not someone tagging (the file
 * read again from disk, a draft restored): nothing is learned from it.
 */
#define LEARN_BATCH_MAX 16
/* The known-name suggester's score for a text tagged once. */
#define LEARNED_SCORE 0.5

/* "label\ttext" for a span tagged by hand whose text can be a known name,
 * else NULL. Accepted suggestions teach nothing new: the suggesters knew.
 */
static char *
learned_key (GlossaSpan *span)
{
  g_autofree char *trimmed = NULL;

  if (span->origin == GLOSSA_ORIGIN_SUGGESTED || span->text == NULL || !glossa_name_finder_accepts (span->text))
    return NULL;
  trimmed = g_strstrip (g_strdup (span->text));
  return g_strconcat (glossa_label_to_string (span->label), "\t", trimmed, NULL);
}

/* Merges @fresh (taken) into the suggestions, which stay in text order;
 * links, fates and the current one follow their suggestions.
 */
static void
insert_suggestions (GlossaWindowSuggest *state,
                    GPtrArray           *fresh)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&state->suggestions);
  g_autoptr(GByteArray) old_fate = g_steal_pointer (&state->fate);
  g_autofree int *map = g_new (int, old->len + 1);
  guint i = 0, j = 0;

  g_ptr_array_sort (fresh, glossa_suggestion_compare_text_order);
  state->suggestions = g_ptr_array_new_full (old->len + fresh->len, (GDestroyNotify) glossa_suggestion_free);
  state->fate = g_byte_array_sized_new (old->len + fresh->len);
  while (i < old->len || j < fresh->len)
    {
      gboolean from_old = j >= fresh->len ||
                          (i < old->len && glossa_suggestion_compare_text_order (&old->pdata[i], &fresh->pdata[j]) <= 0);
      guint8 fate = from_old ? old_fate->data[i] : SHOWN;

      if (from_old)
        map[i] = state->suggestions->len;
      g_ptr_array_add (state->suggestions, from_old ? old->pdata[i++] : fresh->pdata[j++]);
      g_byte_array_append (state->fate, &fate, 1);
    }
  for (guint k = 0; k < state->suggestions->len; k++)
    {
      GlossaSuggestion *s = suggestion_at (state, k);

      if (s->link >= 0 && !g_hash_table_contains (state->live, s))
        s->link = map[s->link];
    }
  if (state->current >= 0)
    state->current = map[state->current];
  /* The suggestions now belong to the new array. */
  g_ptr_array_set_free_func (old, NULL);
}

/* The longest suggestion of each label, in code points. */
static GHashTable *
longest_per_label (GlossaWindowSuggest *state)
{
  GHashTable *longest = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < state->suggestions->len; i++)
    {
      GlossaSuggestion *s = suggestion_at (state, i);
      gint64 n = s->end - s->start;

      if (n > GPOINTER_TO_SIZE (g_hash_table_lookup (longest, s->label)))
        g_hash_table_insert (longest, s->label, GSIZE_TO_POINTER (n));
    }
  return longest;
}

/* The index of a suggestion of @f's label that overlaps @f, or -1: only
 * those starting less than the label's longest before it can.
 */
static int
overlapping_suggestion (GlossaWindowSuggest    *state,
                        const GlossaSuggestion *f,
                        GHashTable             *longest)
{
  gint64 reach = GPOINTER_TO_SIZE (g_hash_table_lookup (longest, f->label));
  guint lo = 0, hi = state->suggestions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (suggestion_at (state, mid)->start < f->end)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i > 0 && suggestion_at (state, i - 1)->start + reach > f->start; i--)
    {
      GlossaSuggestion *s = suggestion_at (state, i - 1);

      if (s->end > f->start && g_str_equal (s->label, f->label))
        return i - 1;
    }
  return -1;
}

/* Per label, its spans' starts in order, each with the largest end of a
 * span of the label starting there or before: whether a span of a label
 * overlaps an extent is then one binary search.
 */
typedef struct
{
  gint64 start;
  gint64 reach;
} Reach;

static GHashTable *
span_reaches (GlossaDocument *document)
{
  GHashTable *reaches = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < glossa_document_get_n_spans (document); i++)
    {
      GlossaSpan *span = glossa_document_get_span (document, i);
      GArray *list = g_hash_table_lookup (reaches, GUINT_TO_POINTER (span->label));
      Reach reach = { span->start, span->end };

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (Reach));
          g_hash_table_insert (reaches, GUINT_TO_POINTER (span->label), list);
        }
      if (list->len > 0)
        reach.reach = MAX (reach.reach, g_array_index (list, Reach, list->len - 1).reach);
      g_array_append_val (list, reach);
    }
  return reaches;
}

static gboolean
reaches_over (GHashTable *reaches,
              GlossaLabel label,
              gint64      start,
              gint64      end)
{
  GArray *list = g_hash_table_lookup (reaches, GUINT_TO_POINTER (label));
  guint lo = 0, hi = list != NULL ? list->len : 0;

  /* The last span starting before @end. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (list, Reach, mid).start < end)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 && g_array_index (list, Reach, lo - 1).reach > start;
}

/* Whether @f is to be suggested: nothing of its label tagged or suggested
 * over it, not rejected. A live one withdrawn at its place is shown again.
 */
static gboolean
wanted_learned (GlossaWindow           *self,
                const GlossaSuggestion *f,
                GHashTable             *rejected,
                GHashTable             *longest,
                GHashTable             *reaches,
                gboolean               *again)
{
  GlossaWindowSuggest *state = self->suggest_state;
  g_autofree char *key = glossa_suggestion_key (f->start, f->end, f->label);
  int i;

  if (reaches_over (reaches, g_quark_from_string (f->label), f->start, f->end) ||
      g_hash_table_contains (rejected, key))
    return FALSE;
  if ((i = overlapping_suggestion (state, f, longest)) < 0)
    return TRUE;
  if (state->fate->data[i] == WITHDRAWN && g_hash_table_contains (state->live, suggestion_at (state, i)))
    {
      state->fate->data[i] = SHOWN;
      *again = TRUE;
    }
  return FALSE;
}

/* Keeps of @found (taken, in text order) those wanted, none overlapping
 * another of its label, in @fresh.
 */
static void
choose_learned (GlossaWindow *self,
                GPtrArray    *found,
                GPtrArray    *fresh,
                gboolean     *again)
{
  g_autoptr(GHashTable) rejected = read_rejected (self->document);
  g_autoptr(GHashTable) longest = longest_per_label (self->suggest_state);
  g_autoptr(GHashTable) reached = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) reaches = span_reaches (self->document);

  g_ptr_array_sort (found, glossa_suggestion_compare_text_order);
  for (guint i = 0; i < found->len; i++)
    {
      GlossaSuggestion *f = g_ptr_array_index (found, i);
      gint64 end = GPOINTER_TO_SIZE (g_hash_table_lookup (reached, f->label));

      if (f->start < end || !wanted_learned (self, f, rejected, longest, reaches, again))
        {
          glossa_suggestion_free (f);
          continue;
        }
      g_hash_table_insert (reached, f->label, GSIZE_TO_POINTER (f->end));
      g_ptr_array_add (fresh, f);
    }
}

/* Suggests the names @keys ("label\ttext") wherever the article shown has
 * them: a search of its text per name, and one merge, not a run of the
 * suggesters.
 */
static void
apply_learned (GlossaWindow *self,
               GPtrArray    *keys)
{
  GlossaWindowSuggest *state = self->suggest_state;
  GlossaSchema *schema;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  gboolean again = FALSE;

  if (state->suggestions == NULL || state->document != self->document || keys->len == 0)
    return;
  schema = glossa_document_get_schema (self->document);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      g_autofree char *label = g_strndup (key, strchr (key, '\t') - key);

      if (glossa_schema_find_label (schema, g_quark_from_string (label)) != NULL)
        glossa_name_finder_find (glossa_document_get_article (self->document), strchr (key, '\t') + 1,
                                 label, LEARNED_SCORE, found);
    }
  if (state->live == NULL)
    state->live = g_hash_table_new (NULL, NULL);
  choose_learned (self, found, fresh, &again);
  for (guint i = 0; i < fresh->len; i++)
    g_hash_table_add (state->live, g_ptr_array_index (fresh, i));
  if (fresh->len > 0)
    insert_suggestions (state, fresh);
  if (fresh->len > 0 || again)
    update_view (self);
}

static void
apply_all_learned (GlossaWindow *self)
{
  GlossaWindowSuggest *state = self->suggest_state;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, state->learned);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  apply_learned (self, keys);
}

/* Hides the live suggestions of the names @lost no longer learned. */
static void
withdraw_learned (GlossaWindow *self,
                  GHashTable   *lost)
{
  GlossaWindowSuggest *state = self->suggest_state;
  GlossaArticle *article;
  gboolean changed = FALSE;

  if (state->live == NULL || state->suggestions == NULL || state->document != self->document ||
      g_hash_table_size (lost) == 0)
    return;
  article = glossa_document_get_article (self->document);
  for (guint i = 0; i < state->suggestions->len; i++)
    {
      GlossaSuggestion *s = suggestion_at (state, i);
      g_autofree char *text = NULL;
      g_autofree char *key = NULL;

      if (state->fate->data[i] != SHOWN || !g_hash_table_contains (state->live, s))
        continue;
      text = glossa_article_slice (article, s->start, s->end);
      key = g_strconcat (s->label, "\t", text, NULL);
      if (g_hash_table_contains (lost, key))
        {
          state->fate->data[i] = WITHDRAWN;
          changed = TRUE;
        }
    }
  if (!changed)
    return;
  update_view (self);
  if (state->current >= 0 && state->fate->data[state->current] != SHOWN)
    set_current (self, -1);
}

/* Applies the pending changes to what is learned: a name tagged for the
 * first time is suggested, one whose last tag went is withdrawn.
 */
static gboolean
learn_idle (gpointer data)
{
  GlossaWindow *self = data;
  GlossaWindowSuggest *state = self->suggest_state;
  g_autoptr(GPtrArray) gained = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) lost = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  state->learn_source = 0;
  g_hash_table_iter_init (&iter, state->learn_pending);
  while (g_hash_table_size (state->learn_pending) <= LEARN_BATCH_MAX &&
         g_hash_table_iter_next (&iter, &key, &value))
    {
      int before = GPOINTER_TO_INT (g_hash_table_lookup (state->learned, key));
      int after = MAX (before + GPOINTER_TO_INT (value), 0);

      if (after > 0)
        g_hash_table_insert (state->learned, g_strdup (key), GINT_TO_POINTER (after));
      else
        g_hash_table_remove (state->learned, key);
      if (before == 0 && after > 0)
        g_ptr_array_add (gained, g_strdup (key));
      else if (before > 0 && after == 0)
        g_hash_table_add (lost, g_strdup (key));
    }
  g_hash_table_remove_all (state->learn_pending);
  withdraw_learned (self, lost);
  apply_learned (self, gained);
  return G_SOURCE_REMOVE;
}

/* A span tagged (@delta 1) or removed (-1) by hand, whatever the way
 * (the tag key, undo, redo, a relabel), counted once the main loop is
 * idle: a burst of edits is looked at together.
 */
static void
note_learning (GlossaWindow *self,
               GlossaSpan   *span,
               int           delta)
{
  GlossaWindowSuggest *state = self->suggest_state;
  char *key;

  if (state == NULL || state->accepting || !(key = learned_key (span)))
    return;
  delta += GPOINTER_TO_INT (g_hash_table_lookup (state->learn_pending, key));
  g_hash_table_insert (state->learn_pending, key, GINT_TO_POINTER (delta));
  /* Before the text view's own idle work (laying out a long article),
   * which would keep a default idle waiting for seconds.
   */
  if (state->learn_source == 0)
    state->learn_source = g_idle_add_full (G_PRIORITY_DEFAULT, learn_idle, self, NULL);
}

static void
on_span_learned (GlossaWindow *self,
                 GlossaSpan   *span)
{
  note_learning (self, span, 1);
}

static void
on_span_unlearned (GlossaWindow *self,
                   GlossaSpan   *span)
{
  note_learning (self, span, -1);
}

/* The mouse */

static int
shown_at (GlossaWindowSuggest *state,
          gint64               offset)
{
  int best = -1;

  for (guint i = 0; state->shown != NULL && i < state->shown->len; i++)
    {
      int index = g_array_index (state->shown, guint, i);
      GlossaSuggestion *s = suggestion_at (state, index);

      if (s->start > offset)
        break;
      if (offset < s->end && (best < 0 || s->end - s->start < suggestion_at (state, best)->end - suggestion_at (state, best)->start))
        best = index;
    }
  return best;
}

static GMenuModel *
popover_menu (GlossaWindow           *self,
              const GlossaSuggestion *s)
{
  GlossaSchema *schema = glossa_document_get_schema (self->document);
  const GlossaSchemaLabel *entry = glossa_schema_find_label (schema, g_quark_from_string (s->label));
  const char *title = entry != NULL ? glossa_schema_label_title (entry) : s->label;
  g_autofree char *accept = g_strdup_printf (_("_Accept as %s"), title);
  g_autofree char *accept_all = g_strdup_printf (_("Accept All “%s” Suggestions"), title);
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, accept, "win.accept-suggestion");
  g_menu_append (menu, _("_Reject"), "win.reject-suggestion");
  g_menu_append (menu, accept_all, "win.accept-label-suggestions");
  return G_MENU_MODEL (menu);
}

static void
popup_menu (GlossaWindow *self,
            int           index,
            gint64        offset)
{
  GlossaWindowSuggest *state = self->suggest_state;
  g_autoptr(GMenuModel) menu = popover_menu (self, suggestion_at (state, index));
  GtkTextIter iter;
  GdkRectangle where;

  if (state->popover == NULL)
    {
      state->popover = gtk_popover_menu_new_from_model (menu);
      gtk_widget_set_parent (state->popover, GTK_WIDGET (self->view));
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (state->popover), menu);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)), &iter, offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self->view), &iter, &where);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self->view), GTK_TEXT_WINDOW_WIDGET,
                                         where.x, where.y, &where.x, &where.y);
  gtk_popover_set_pointing_to (GTK_POPOVER (state->popover), &where);
  gtk_popover_popup (GTK_POPOVER (state->popover));
}

static gboolean
popup_cb (gpointer user_data)
{
  GlossaWindow *self = user_data;
  GlossaWindowSuggest *state = self->suggest_state;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  int index;

  state->popup_source = 0;
  /* A double click selected a word to tag by hand: no menu over it. */
  if (gtk_text_buffer_get_has_selection (buffer) || !has_suggestions (self) ||
      (index = shown_at (state, state->popup_offset)) < 0)
    return G_SOURCE_REMOVE;
  popup_menu (self, index, state->popup_offset);
  return G_SOURCE_REMOVE;
}

static void
on_offset_clicked (GlossaWindow *self,
                   gint64        offset)
{
  GlossaWindowSuggest *state = self->suggest_state;
  int double_click_time = 400;
  int index;

  if (!has_suggestions (self))
    return;
  /* A click elsewhere leaves no suggestion for Return to accept unseen. */
  if ((index = shown_at (state, offset)) < 0)
    {
      set_current (self, -1);
      return;
    }
  set_current (self, index);
  /* The menu would take the second click of a double click, which selects
   * a word to tag by hand: it opens once that time is past, and only if
   * no selection was made meanwhile.
   */
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-double-click-time", &double_click_time, NULL);
  g_clear_handle_id (&state->popup_source, g_source_remove);
  state->popup_offset = offset;
  state->popup_source = g_timeout_add (MAX (double_click_time, 1), popup_cb, self);
}

/* Keys: they act only when there is something to act on, so that Return
 * and x keep any other meaning they have.
 */
static gboolean
key_cb (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  GlossaWindow *self = GLOSSA_WINDOW (gtk_widget_get_root (widget));
  const char *action = user_data;
  gboolean moving = g_str_has_suffix (action, "next-suggestion") || g_str_has_suffix (action, "previous-suggestion");

  if (!(moving ? has_suggestions (self) : has_current (self)))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

static void
add_key (GtkShortcutController *keys,
         const char            *trigger,
         const char            *action)
{
  gtk_shortcut_controller_add_shortcut (keys,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_callback_action_new (key_cb, (gpointer) action, NULL)));
}

/* Computed once per document shown, however often it is bound again. */
static void
on_document_bound (GlossaWindow *self)
{
  GlossaWindowSuggest *state = self->suggest_state;

  if (state != NULL && self->document != NULL && state->document == self->document)
    return;
  start_computing (self);
}

static void
on_settings_changed (GlossaWindow *self)
{
  GlossaWindowSuggest *state = ensure_state (self);

  /* Turned on: computed if they were not; off: hidden, kept. */
  if (state->document != self->document || (state->suggestions == NULL && state->cancellable == NULL))
    start_computing (self);
  else
    update_view (self);
}

void
_glossa_window_class_suggest_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.next-suggestion", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.previous-suggestion", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.accept-suggestion", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "win.reject-suggestion", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "win.accept-label-suggestions", NULL, accept_label_action);
}

void
_glossa_window_suggest_init (GlossaWindow *self)
{
  g_autoptr(GAction) show = g_settings_create_action (self->settings, "show-suggestions");
  GtkEventController *keys = gtk_shortcut_controller_new ();

  ensure_state (self);
  g_action_map_add_action (G_ACTION_MAP (self), show);
  g_signal_connect_object (self->settings, "changed::show-suggestions",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_signals, "bind", G_CALLBACK (on_document_bound), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_signals, "unbind", G_CALLBACK (on_document_bound), self,
                           G_CONNECT_SWAPPED);
  g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (on_document_changed), self);
  g_signal_group_connect_swapped (self->document_signals, "span-added", G_CALLBACK (on_span_added), self);
  g_signal_group_connect_swapped (self->document_signals, "span-removed", G_CALLBACK (on_span_removed), self);
  g_signal_group_connect_swapped (self->document_signals, "span-added", G_CALLBACK (on_span_learned), self);
  g_signal_group_connect_swapped (self->document_signals, "span-removed", G_CALLBACK (on_span_unlearned), self);
  g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (on_rejections_changed), self);
  g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (on_batch_changed), self);
  g_signal_connect_object (self->view, "offset-clicked", G_CALLBACK (on_offset_clicked), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  add_key (GTK_SHORTCUT_CONTROLLER (keys), "bracketright", "win.next-suggestion");
  add_key (GTK_SHORTCUT_CONTROLLER (keys), "bracketleft", "win.previous-suggestion");
  add_key (GTK_SHORTCUT_CONTROLLER (keys), "Return|KP_Enter", "win.accept-suggestion");
  add_key (GTK_SHORTCUT_CONTROLLER (keys), "<Shift>Return|<Shift>KP_Enter", "win.accept-label-suggestions");
  add_key (GTK_SHORTCUT_CONTROLLER (keys), "x", "win.reject-suggestion");
  gtk_widget_add_controller (GTK_WIDGET (self->view), keys);
}

void
_glossa_window_suggest_update_actions (GlossaWindow *self)
{
  gboolean any = has_suggestions (self);
  gboolean current = has_current (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-suggestion", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-suggestion", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.accept-suggestion", current);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reject-suggestion", current);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.accept-label-suggestions", current);
}

void
_glossa_window_suggest_dispose (GlossaWindow *self)
{
  GlossaWindowSuggest *state = self->suggest_state;

  if (state == NULL)
    return;
  forget (state);
  g_cancellable_cancel (state->names_cancellable);
  g_clear_object (&state->names_cancellable);
  g_clear_pointer (&state->corpus_names, g_ptr_array_unref);
  g_clear_pointer (&state->names_path, g_free);
  g_clear_handle_id (&state->learn_source, g_source_remove);
  g_clear_pointer (&state->learned, g_hash_table_unref);
  g_clear_pointer (&state->learn_pending, g_hash_table_unref);
  g_clear_pointer (&state->batch_added, g_ptr_array_unref);
  g_clear_pointer (&state->batch_removed, g_ptr_array_unref);
  g_clear_handle_id (&state->popup_source, g_source_remove);
  g_clear_pointer (&state->popover, gtk_widget_unparent);
  g_clear_pointer (&self->suggest_state, g_free);
}

/* For tests and the benchmark: how long the last suggestions took to be
 * drawn after the document was shown, in µs; 0 until they are.
 */
gint64
_glossa_window_suggest_get_elapsed (GlossaWindow *self)
{
  GlossaWindowSuggest *state = self->suggest_state;

  return state != NULL && state->suggestions != NULL ? state->elapsed : 0;
}

/* The same, until the whole article's are drawn. */
gint64
_glossa_window_suggest_get_elapsed_complete (GlossaWindow *self)
{
  GlossaWindowSuggest *state = self->suggest_state;

  return state != NULL && state->complete ? state->elapsed_complete : 0;
}

/* For the benchmark: where the time went until the whole article's
 * suggestions were drawn. Zeros until they are.
 */
void
_glossa_window_suggest_get_timings (GlossaWindow               *self,
                                    GlossaWindowSuggestTimings *timings)
{
  GlossaWindowSuggest *state = self->suggest_state;

  *timings = (GlossaWindowSuggestTimings) { 0 };
  if (state != NULL && state->complete)
    *timings = state->timings;
}
