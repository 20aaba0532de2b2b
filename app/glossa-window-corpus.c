/* glossa-window-corpus.c: the window's corpus: its list, moving through it, review
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-error.h"
#include "glossa-overview-page.h"
#include "glossa-export.h"
#include "glossa-merge.h"
#include "glossa-window-private.h"

/* A corpus puts a sidebar listing its articles beside the article. The
 * document shown is always one item of it; it is saved through the corpus
 * (which keeps the item's status and counts up to date, and writes JSONL
 * corpora line by line), and the corpus remembers, per corpus, the article
 * the annotator was on.
 *
 * Review mode compares the annotations shown (A) with another annotator's
 * (B, a folder or a JSONL export) and shows, instead of A's document, the
 * adjudicated one (the result, in a folder the reviewer chose), whose
 * spans the review bar fills decision by decision. The result is an
 * ordinary document: autosaved, undoable, never written over A or B.
 */

#define POSITIONS_KEY "corpus-positions"
#define MAX_REMEMBERED 50

static char *
corpus_key (GlossaCorpus *corpus)
{
  return g_file_get_uri (glossa_corpus_get_file (corpus));
}

static void
remember_position (GlossaWindow *self)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, POSITIONS_KEY);
  g_autoptr(GlossaCorpusItem) item = NULL;
  g_autofree char *key = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *k, *v;
  guint n = 1;

  item = g_list_model_get_item (G_LIST_MODEL (self->corpus), self->corpus_position);
  if (item == NULL)
    return;

  key = corpus_key (self->corpus);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  /* Most recent first; the oldest are forgotten past MAX_REMEMBERED. */
  g_variant_builder_add (&builder, "{ss}", key, glossa_corpus_item_get_id (item));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (g_strcmp0 (k, key) != 0 && n++ < MAX_REMEMBERED)
      g_variant_builder_add (&builder, "{ss}", k, v);
  g_settings_set_value (self->settings, POSITIONS_KEY, g_variant_builder_end (&builder));
}

static guint
remembered_position (GlossaWindow *self)
{
  g_autoptr(GVariant) positions = g_settings_get_value (self->settings, POSITIONS_KEY);
  g_autofree char *key = corpus_key (self->corpus);
  const char *id = NULL;
  guint position = 0;

  if (g_variant_lookup (positions, key, "&s", &id) &&
      glossa_corpus_lookup (self->corpus, id, &position))
    return position;
  return 0;
}

/* The id that names the shown article in annotation sets: the corpus
 * item's, or the article file's name without ".txt".
 */
static char *
dup_document_id (GlossaWindow *self)
{
  GlossaArticle *article;
  g_autofree char *name = NULL;

  if (self->corpus != NULL)
    {
      g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (self->corpus),
                                                               self->corpus_position);
      if (item != NULL)
        return g_strdup (glossa_corpus_item_get_id (item));
    }

  if (self->article_document == NULL)
    return NULL;
  article = glossa_document_get_article (self->article_document);
  name = glossa_article_get_file (article) ? g_file_get_basename (glossa_article_get_file (article))
                                           : g_strdup (glossa_article_get_name (article));
  if (g_str_has_suffix (name, ".txt"))
    name[strlen (name) - 4] = '\0';
  return g_steal_pointer (&name);
}

static void show_review (GlossaWindow *self);

/* Shows @document, the annotations of the current article: as it is, or,
 * in review mode, the adjudicated set compared against it.
 */
static void
show_article_document (GlossaWindow   *self,
                       GlossaDocument *document)
{
  g_set_object (&self->article_document, document);

  if (self->review_source != NULL)
    {
      show_review (self);
      return;
    }

  self->save_to_corpus = self->corpus != NULL;
  glossa_window_set_document (self, document);
  _glossa_window_corpus_update_actions (self);
}

static void
load_document_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GlossaWindow) self = user_data;
  g_autoptr(GlossaDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = glossa_corpus_load_document_finish (GLOSSA_CORPUS (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      GLOSSA_CORPUS (object) != self->corpus)
    return;

  if (document != NULL)
    show_article_document (self, document);
  else
    {
      /* The article that cannot be read is the one shown, as its error
       * state: never the previous one, which the keys would then tag.
       */
      g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (self->corpus),
                                                               self->corpus_position);
      g_autoptr(GFile) file = NULL;

      if (item != NULL && glossa_corpus_item_get_file (item) != NULL)
        file = g_object_ref (glossa_corpus_item_get_file (item));
      else
        file = g_file_new_for_path (item ? glossa_corpus_item_get_name (item) : "");
      _glossa_window_show_load_error (self, file, error);
    }
}

/**
 * _glossa_window_replace_document:
 *
 * Shows @document in place of the current article's document (made from
 * it, e.g. by re-anchoring), saved the same way.
 */
void
_glossa_window_replace_document (GlossaWindow   *self,
                                 GlossaDocument *document)
{
  if (self->corpus != NULL)
    show_article_document (self, document);
  else
    glossa_window_set_document (self, document);
}

/**
 * _glossa_window_show_item:
 *
 * Moves to article @position of the corpus: what was shown is written
 * first, then the article is read in a worker thread.
 */
static void
show_item_then (GlossaWindow *self,
                gpointer      data)
{
  _glossa_window_show_item (self, GPOINTER_TO_UINT (data));
}

void
_glossa_window_show_item (GlossaWindow *self,
                          guint         position)
{
  g_autoptr(GlossaCorpusItem) item = NULL;

  g_return_if_fail (self->corpus != NULL);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->corpus)))
    return;

  /* Never move on from work that is not on disk without asking. */
  if (!_glossa_window_may_leave (self, show_item_then, GUINT_TO_POINTER (position)))
    return;

  g_cancellable_cancel (self->corpus_cancellable);
  g_clear_object (&self->corpus_cancellable);
  self->corpus_cancellable = g_cancellable_new ();

  self->corpus_position = position;
  glossa_corpus_sidebar_select (self->corpus_sidebar, position);
  remember_position (self);
  item = g_list_model_get_item (G_LIST_MODEL (self->corpus), position);
  _glossa_window_show_loading (self, glossa_corpus_item_get_name (item));
  glossa_corpus_load_document_async (self->corpus, position, self->corpus_cancellable,
                                     load_document_cb, g_object_ref (self));
}

static void
on_item_activated (GlossaWindow *self,
                   guint         position)
{
  /* Over the article (folded), the list has done its job once chosen. */
  if (adw_flap_get_folded (self->corpus_flap))
    adw_flap_set_reveal_flap (self->corpus_flap, FALSE);
  if (position != self->corpus_position || self->document == NULL)
    _glossa_window_show_item (self, position);
}

/* Leaves corpus mode, for a single article opened on its own. */
void
_glossa_window_close_corpus (GlossaWindow *self)
{
  if (self->corpus == NULL)
    return;

  g_cancellable_cancel (self->corpus_cancellable);
  g_clear_object (&self->corpus_cancellable);
  g_signal_handlers_disconnect_by_data (self->corpus, self);
  glossa_corpus_sidebar_set_corpus (self->corpus_sidebar, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->corpus_sidebar), FALSE);
  g_clear_object (&self->corpus);
  self->save_to_corpus = FALSE;
  _glossa_window_corpus_update_actions (self);
}

/* The sidebar is made when a corpus first opens: a window on a single
 * article never needs it, and building it costs its first frame.
 */
static void
ensure_corpus_sidebar (GlossaWindow *self)
{
  if (self->corpus_sidebar != NULL)
    return;

  self->corpus_sidebar = GLOSSA_CORPUS_SIDEBAR (glossa_corpus_sidebar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->corpus_sidebar), 260, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->corpus_sidebar), FALSE);
  /* Folded, it is drawn over the article: it needs a background. */
  gtk_widget_add_css_class (GTK_WIDGET (self->corpus_sidebar), "background");
  adw_flap_set_flap (self->corpus_flap, GTK_WIDGET (self->corpus_sidebar));
  g_signal_connect_object (self->corpus_sidebar, "item-activated",
                           G_CALLBACK (on_item_activated), self, G_CONNECT_SWAPPED);
}

/* What was refused while the user was asked about unsaved edits, kept on
 * the window until they let go of them (see glossa_window_open_file()).
 */
#define LEAVE_FOR_KEY "glossa-leave-for"
#define LEAVE_OUTPUT_KEY "glossa-leave-output"

static void
open_corpus_then (GlossaWindow *self,
                  gpointer      data)
{
  g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (self), LEAVE_FOR_KEY);

  if (file != NULL)
    _glossa_window_open_corpus (self, file);
}

static void
open_corpus_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GlossaWindow) self = user_data;
  g_autoptr(GlossaCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *warnings;

  corpus = glossa_corpus_open_finish (result, &error);
  if (corpus == NULL)
    {
      _glossa_window_show_error (self, error);
      return;
    }

  /* Asked before it was opened, but edits made meanwhile may not be
   * written either.
   */
  if (!_glossa_window_may_leave (self, open_corpus_then, NULL))
    {
      g_object_set_data_full (G_OBJECT (self), LEAVE_FOR_KEY,
                              g_object_ref (glossa_corpus_get_file (corpus)), g_object_unref);
      return;
    }

  _glossa_window_close_corpus (self);
  g_set_object (&self->corpus, corpus);
  ensure_corpus_sidebar (self);
  glossa_corpus_sidebar_set_corpus (self->corpus_sidebar, corpus);
  gtk_widget_set_visible (GTK_WIDGET (self->corpus_sidebar), TRUE);

  /* A malformed line does not stop the rest from opening, but is said. */
  warnings = glossa_corpus_get_warnings (corpus);
  if (warnings != NULL && warnings[0] != NULL)
    {
      g_autoptr(GError) warning = NULL;
      guint n = g_strv_length ((char **) warnings);

      warning = g_error_new (GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                             ngettext ("%s (%u problem in all)", "%s (first of %u problems)", n),
                             warnings[0], n);
      _glossa_window_show_error (self, warning);
    }

  if (glossa_corpus_get_read_only (corpus))
    {
      AdwToast *toast = adw_toast_new (_("An exported dataset: its annotations are shown for reading only"));

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (corpus)) == 0)
    {
      g_autoptr(GError) empty = g_error_new (GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                                             _("%s has no articles"),
                                             g_file_peek_path (glossa_corpus_get_file (corpus)));
      _glossa_window_show_error (self, empty);
      _glossa_window_corpus_update_actions (self);
      return;
    }

  _glossa_window_show_item (self, remembered_position (self));
}

void
_glossa_window_open_corpus (GlossaWindow *self,
                            GFile        *file)
{
  g_return_if_fail (GLOSSA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!_glossa_window_may_leave (self, open_corpus_then, NULL))
    {
      g_object_set_data_full (G_OBJECT (self), LEAVE_FOR_KEY, g_object_ref (file), g_object_unref);
      return;
    }

  if (g_file_peek_path (file) != NULL)
    g_settings_set_string (self->settings, "last-folder", g_file_peek_path (file));
  glossa_corpus_open_async (file, NULL, open_corpus_cb, g_object_ref (self));
}

gboolean
_glossa_window_is_corpus_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY ||
         (name != NULL && g_str_has_suffix (name, ".jsonl"));
}

/* Review */

static void start_review (GlossaWindow *self,
                          GPtrArray    *others,
                          GFile        *output);

static GPtrArray *
files_new (GFile *file)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (files, g_object_ref (file));
  return files;
}

static GPtrArray *
files_copy (GPtrArray *files)
{
  return g_ptr_array_copy (files, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
}

static void
set_leave_review (GlossaWindow *self,
                  GPtrArray    *others,
                  GFile        *output)
{
  g_object_set_data_full (G_OBJECT (self), LEAVE_FOR_KEY, files_copy (others), (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (self), LEAVE_OUTPUT_KEY, g_object_ref (output), g_object_unref);
}

static void
start_review_then (GlossaWindow *self,
                   gpointer      data)
{
  g_autoptr(GPtrArray) others = g_object_steal_data (G_OBJECT (self), LEAVE_FOR_KEY);
  g_autoptr(GFile) output = g_object_steal_data (G_OBJECT (self), LEAVE_OUTPUT_KEY);

  if (others != NULL && output != NULL)
    start_review (self, others, output);
}

/* The sides but A, as glossa_review_source_open_sides() takes them. */
static GFile **
files_strv (GPtrArray *files)
{
  GFile **strv = g_new0 (GFile *, files->len + 1);

  for (guint i = 0; i < files->len; i++)
    strv[i] = g_ptr_array_index (files, i);
  return strv;
}

/* What is left to decide, per article of the list */

#define COUNT_CANCELLABLE_KEY "glossa-review-count-cancellable"

typedef struct
{
  GFile     *corpus;
  GPtrArray *others;
  GFile     *output;
  gboolean   majority;
} CountData;

static void
count_data_free (gpointer data)
{
  CountData *count = data;

  g_clear_object (&count->corpus);
  g_clear_pointer (&count->others, g_ptr_array_unref);
  g_clear_object (&count->output);
  g_free (count);
}

/* The result of article @id in the JSONL output, as counted; NULL with
 * no error when the article has no line there yet.
 */
static GlossaAnnotations *
read_jsonl_result (GlossaCorpus  *corpus,
                   const char    *id,
                   GError       **error)
{
  g_autoptr(GlossaDocument) document = NULL;
  guint position;

  if (!glossa_corpus_lookup (corpus, id, &position) ||
      !(document = glossa_corpus_load_document (corpus, position, NULL, error)))
    return NULL;
  return glossa_review_result_from_document (document);
}

/* What is left to decide in @record (A's) against the @other sides,
 * links compared as the review bar compares them, and with @majority what
 * the bar will accept on first showing the article left out: a side that
 * cannot be read has nothing there.
 */
static guint
count_record (GlossaRecord            *record,
              GlossaReviewSource      *other,
              const GlossaAnnotations *result,
              gboolean                 majority)
{
  g_autoptr(GPtrArray) sides = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_ptr_array_add (sides, g_ptr_array_ref (record->spans));
  g_ptr_array_add (relations, record->relations ? g_ptr_array_ref (record->relations) : g_ptr_array_new ());
  for (guint s = 0; s < glossa_review_source_get_n_sides (other); s++)
    {
      g_autoptr(GlossaAnnotations) annotations =
        glossa_review_source_get_side_annotations (other, s, record->id, record->article, NULL);

      g_ptr_array_add (sides, annotations ? g_ptr_array_ref (annotations->spans) : g_ptr_array_new ());
      g_ptr_array_add (relations, annotations ? g_ptr_array_ref (annotations->relations) : g_ptr_array_new ());
    }
  return glossa_review_count_pending_with_links (sides, relations, result, majority);
}

/* Reads A, B and the result of every article in the background; an
 * article that cannot be read is left out (it shows no count).
 */
static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CountData *data = task_data;
  g_autofree char *path = g_file_get_path (data->corpus);
  const char *paths[] = { path, NULL };
  g_autoptr(GlossaRecordSource) records = NULL;
  g_autoptr(GlossaReviewSource) other = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree GFile **others = files_strv (data->others);
  g_autoptr(GlossaCorpus) output_corpus = NULL;
  GError *error = NULL;

  if (!(records = glossa_record_source_open (paths, cancellable, &error)) ||
      !(other = glossa_review_source_open_sides (others, cancellable, &error)) ||
      (glossa_review_output_is_jsonl (data->output) &&
       !(output_corpus = glossa_corpus_open (data->output, cancellable, &error))))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < glossa_record_source_get_n_records (records); i++)
    {
      g_autoptr(GlossaRecord) record = NULL;
      g_autoptr(GlossaAnnotations) result = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (!(record = glossa_record_source_load (records, i, NULL)))
        continue;
      if (output_corpus != NULL)
        result = read_jsonl_result (output_corpus, record->id, &local_error);
      else
        result = glossa_review_read_result (data->output, record->id, record->article, &local_error);
      if (local_error != NULL)
        continue;
      g_hash_table_insert (counts, g_strdup (record->id),
                           GUINT_TO_POINTER (count_record (record, other, result, data->majority)));
    }
  g_task_return_pointer (task, g_steal_pointer (&counts), (GDestroyNotify) g_hash_table_unref);
}

static void
set_review_left (GlossaWindow *self,
                 GHashTable   *counts)
{
  guint n = self->corpus ? g_list_model_get_n_items (G_LIST_MODEL (self->corpus)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (self->corpus), i);
      gpointer count;

      if (counts != NULL && i != self->corpus_position &&
          g_hash_table_lookup_extended (counts, glossa_corpus_item_get_id (item), NULL, &count))
        glossa_corpus_item_set_review_left (item, GPOINTER_TO_INT (count));
      else if (counts == NULL)
        glossa_corpus_item_set_review_left (item, -1);
    }
}

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GlossaWindow *self = GLOSSA_WINDOW (object);
  g_autoptr(GHashTable) counts = g_task_propagate_pointer (G_TASK (result), NULL);

  /* The shown article counts itself, live (update_current_left). */
  if (counts != NULL && self->review_source != NULL)
    set_review_left (self, counts);
}

static void
start_counting (GlossaWindow *self)
{
  g_autoptr(GTask) task = NULL;
  GCancellable *cancellable = g_cancellable_new ();
  CountData *data;

  if (self->corpus == NULL)
    return;

  g_object_set_data_full (G_OBJECT (self), COUNT_CANCELLABLE_KEY, cancellable, g_object_unref);
  data = g_new0 (CountData, 1);
  data->corpus = g_object_ref (glossa_corpus_get_file (self->corpus));
  data->others = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < glossa_review_source_get_n_sides (self->review_source); i++)
    g_ptr_array_add (data->others, g_object_ref (glossa_review_source_get_side_file (self->review_source, i)));
  data->output = g_object_ref (self->review_output);
  data->majority = self->review_majority;
  task = g_task_new (self, cancellable, count_cb, NULL);
  g_task_set_source_tag (task, start_counting);
  g_task_set_task_data (task, data, count_data_free);
  g_task_run_in_thread (task, count_thread);
}

static void
stop_counting (GlossaWindow *self)
{
  GCancellable *cancellable = g_object_get_data (G_OBJECT (self), COUNT_CANCELLABLE_KEY);

  if (cancellable != NULL)
    g_cancellable_cancel (cancellable);
  g_object_set_data (G_OBJECT (self), COUNT_CANCELLABLE_KEY, NULL);
  set_review_left (self, NULL);
}

static void
update_current_left (GlossaWindow *self)
{
  g_autoptr(GlossaCorpusItem) item = NULL;

  if (self->corpus == NULL || self->review_source == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->corpus), self->corpus_position);
  if (item != NULL)
    glossa_corpus_item_set_review_left (item, (int) glossa_review_bar_get_n_pending (self->review_bar));
}

/* Every other side's annotations of @id on @article (spans, links and
 * the annotator named), in side order: a side without the document, or
 * that cannot be read, has none there, and says so once.
 */
static GPtrArray *
read_sides (GlossaWindow  *self,
            const char    *id,
            GlossaArticle *article)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_annotations_free);

  for (guint i = 0; i < glossa_review_source_get_n_sides (self->review_source); i++)
    {
      g_autoptr(GError) error = NULL;
      GlossaAnnotations *annotations =
        glossa_review_source_get_side_annotations (self->review_source, i, id, article, &error);

      /* Reviewing still makes sense: the others' spans are then theirs alone. */
      if (annotations == NULL)
        {
          _glossa_window_show_error (self, error);
          annotations = glossa_annotations_new ();
        }
      g_ptr_array_add (all, annotations);
    }
  return all;
}

/* Every side's spans (or, with @links, links), A's first. */
static GPtrArray *
dup_sides (GlossaWindow *self,
           GPtrArray    *others,
           gboolean      links)
{
  GPtrArray *sides = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_ptr_array_add (sides, links ? glossa_document_dup_relations (self->article_document)
                                : glossa_document_dup_spans (self->article_document));
  for (guint i = 0; i < others->len; i++)
    {
      GlossaAnnotations *annotations = g_ptr_array_index (others, i);

      g_ptr_array_add (sides, g_ptr_array_ref (links ? annotations->relations : annotations->spans));
    }
  return sides;
}

/* Each side by the annotator its file names for this article, else the
 * one most of its spans name, else its folder's (or file's) name; a name
 * two sides share gets the folder's name added.
 */
static GStrv
dup_side_names (GlossaWindow *self,
                GPtrArray    *sides,
                GPtrArray    *others)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < sides->len; i++)
    {
      GFile *file = i > 0 ? glossa_review_source_get_side_file (self->review_source, i - 1)
                  : self->corpus ? glossa_corpus_get_file (self->corpus)
                  : glossa_document_get_file (self->article_document);
      const char *annotator = i == 0 ? glossa_document_get_annotator (self->article_document)
                            : ((GlossaAnnotations *) g_ptr_array_index (others, i - 1))->annotator;
      char *name = glossa_review_side_name (annotator, g_ptr_array_index (sides, i), file, NULL);

      if (g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        {
          g_autofree char *clash = name;

          name = glossa_review_side_name (annotator, g_ptr_array_index (sides, i), file, clash);
        }
      g_ptr_array_add (names, name);
      g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

/* Article @id's result in the JSONL output: its document there, whose
 * store is its line of OUT.annotations.jsonl. *@fresh: no line yet.
 */
static GlossaDocument *
open_jsonl_result (GlossaWindow  *self,
                   const char    *id,
                   GlossaArticle *article,
                   gboolean      *fresh)
{
  g_autoptr(GlossaDocument) result = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  if (!glossa_corpus_lookup (self->review_corpus, id, &position))
    {
      g_autofree char *name = g_file_get_parse_name (self->review_output);

      g_set_error (&error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   _("%s: article “%s” is not in the adjudicated corpus"), name, id);
    }
  else if ((result = glossa_corpus_load_document (self->review_corpus, position, NULL, &error)) &&
           g_strcmp0 (glossa_article_get_sha256 (glossa_document_get_article (result)),
                      glossa_article_get_sha256 (article)) != 0)
    {
      g_autofree char *name = g_file_get_parse_name (self->review_output);

      g_clear_object (&result);
      g_set_error (&error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   _("%s: the article “%s” there has a different text; the review skips it"), name, id);
    }
  if (result == NULL)
    {
      _glossa_window_show_error (self, error);
      return NULL;
    }
  *fresh = glossa_document_get_n_spans (result) == 0 &&
           glossa_document_get_extra_member (result, GLOSSA_DECISIONS_MEMBER) == NULL;
  return g_steal_pointer (&result);
}

static void
show_review (GlossaWindow *self)
{
  g_autoptr(GlossaDocument) result = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GPtrArray) sides = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) result_file = NULL;
  g_autofree char *id = dup_document_id (self);
  g_auto(GStrv) names = NULL;
  GlossaArticle *article;
  gboolean fresh;

  if (self->article_document == NULL || id == NULL)
    return;

  article = glossa_document_get_article (self->article_document);
  others = read_sides (self, id, article);
  sides = dup_sides (self, others, FALSE);

  if (self->review_corpus != NULL)
    result = open_jsonl_result (self, id, article, &fresh);
  else
    {
      result_file = glossa_review_output_file (self->review_output, id);
      fresh = !g_file_query_exists (result_file, NULL);
      result = glossa_document_new (article, result_file);
      if (!fresh)
        glossa_document_reload (result, NULL, NULL);
      /* The output is a corpus: the article goes beside its annotations. */
      if (!glossa_review_copy_article (self->review_output, id, article, NULL, &error))
        _glossa_window_show_error (self, error);
    }
  if (result == NULL)
    return;

  self->save_to_corpus = FALSE;
  glossa_window_set_document (self, result);

  names = dup_side_names (self, sides, others);
  glossa_review_bar_set_side_names (self->review_bar, (const char * const *) names);
  glossa_review_bar_set_view (self->review_bar, GTK_TEXT_VIEW (self->view));
  relations = dup_sides (self, others, TRUE);
  glossa_review_bar_set_sides_with_links (self->review_bar, result, sides, relations);
  if (fresh && !glossa_document_get_read_only (result))
    {
      glossa_review_bar_seed_agreements (self->review_bar);
      if (self->review_majority)
        glossa_review_bar_accept_majority (self->review_bar);
    }
  g_signal_connect_object (result, "changed", G_CALLBACK (update_current_left), self, G_CONNECT_SWAPPED);
  update_current_left (self);
  gtk_revealer_set_reveal_child (self->review_revealer, TRUE);
  _glossa_window_corpus_update_actions (self);
}

static void
open_source_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  g_autofree GFile **others = files_strv (task_data);
  GFile *output = g_object_get_data (G_OBJECT (task), "glossa-output");
  GFile *a = g_object_get_data (G_OBJECT (task), "glossa-a");
  GlossaReviewSource *source = glossa_review_source_open_sides (others, cancellable, &error);

  /* A JSONL output starts as a copy of A's articles. */
  if (source != NULL && glossa_review_output_is_jsonl (output) &&
      (a == NULL || !glossa_review_prepare_jsonl_output (output, a, cancellable, &error)))
    {
      if (a == NULL)
        g_set_error_literal (&error, GLOSSA_ERROR, GLOSSA_ERROR_USAGE,
                             _("Only a corpus can be adjudicated into a JSONL corpus; choose a folder"));
      g_clear_pointer (&source, glossa_review_source_free);
    }
  if (source == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, source, (GDestroyNotify) glossa_review_source_free);
}

static void
open_source_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GlossaWindow *self = GLOSSA_WINDOW (object);
  g_autoptr(GError) error = NULL;
  GlossaReviewSource *source;
  GFile *output = user_data;

  source = g_task_propagate_pointer (G_TASK (result), &error);
  if (source == NULL)
    {
      _glossa_window_show_error (self, error);
      g_object_unref (output);
      return;
    }

  /* Edits made while B was read: the review would leave them. */
  if (!_glossa_window_may_leave (self, start_review_then, NULL))
    {
      set_leave_review (self, g_task_get_task_data (G_TASK (result)), output);
      glossa_review_source_free (source);
      g_object_unref (output);
      return;
    }

  /* The output corpus, small beside what was read: opened here, so that
   * it belongs to this thread.
   */
  g_clear_object (&self->review_corpus);
  if (glossa_review_output_is_jsonl (output) &&
      !(self->review_corpus = glossa_corpus_open (output, NULL, &error)))
    {
      _glossa_window_show_error (self, error);
      glossa_review_source_free (source);
      g_object_unref (output);
      return;
    }

  g_clear_pointer (&self->review_source, glossa_review_source_free);
  self->review_source = source;
  g_set_object (&self->review_output, output);
  g_object_unref (output);
  if (self->article_document == NULL)
    g_set_object (&self->article_document, self->document);
  show_review (self);
  start_counting (self);
}

static void
start_review (GlossaWindow *self,
              GPtrArray    *others,
              GFile        *output)
{
  GlossaDocument *a_document = self->article_document != NULL ? self->article_document : self->document;
  GFile *a = self->corpus != NULL ? glossa_corpus_get_file (self->corpus)
           : a_document != NULL ? glossa_document_get_file (a_document) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  /* The core says which folders would put the result over A, B, C… */
  for (guint i = 0; i < others->len; i++)
    if (!glossa_review_check_output (output, i == 0 ? a : NULL, g_ptr_array_index (others, i), &error))
      {
        _glossa_window_show_error (self, error);
        return;
      }

  /* The review shows the adjudicated set instead: A's edits that are not
   * on disk would be left behind.
   */
  if (!_glossa_window_may_leave (self, start_review_then, NULL))
    {
      set_leave_review (self, others, output);
      return;
    }

  task = g_task_new (self, NULL, open_source_cb, g_object_ref (output));

  g_task_set_source_tag (task, start_review);
  g_task_set_task_data (task, files_copy (others), (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (task), "glossa-output", g_object_ref (output), g_object_unref);
  if (self->corpus != NULL)
    g_object_set_data_full (G_OBJECT (task), "glossa-a", g_object_ref (glossa_corpus_get_file (self->corpus)),
                            g_object_unref);
  g_task_run_in_thread (task, open_source_thread);
}

static void
start_review_with (GlossaWindow *self,
                   GFile        *other,
                   GFile        *output)
{
  g_autoptr(GPtrArray) others = files_new (other);

  self->review_majority = FALSE;
  start_review (self, others, output);
}

static void
on_start_response (AdwMessageDialog *dialog,
                   const char       *response,
                   GlossaWindow     *self)
{
  GPtrArray *others = g_object_get_data (G_OBJECT (dialog), "glossa-others");
  GFile *output = g_object_get_data (G_OBJECT (dialog), "glossa-output");
  GtkSwitch *majority = g_object_get_data (G_OBJECT (dialog), "glossa-majority");

  if (g_str_equal (response, "start"))
    {
      self->review_majority = gtk_switch_get_active (majority);
      start_review (self, others, output);
    }
}

/* Three or more sides: whether what most of them have is accepted is
 * the reviewer's choice, asked here (`glossa review --majority`).
 */
static void
ask_majority (GlossaWindow *self,
              GPtrArray    *others,
              GFile        *output)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/glossa-review-start-dialog.ui");
  GtkWidget *dialog = GTK_WIDGET (gtk_builder_get_object (builder, "dialog"));
  g_autofree char *body = NULL;

  body = g_strdup_printf (ngettext ("The open annotations are compared with %u other set.",
                                    "The open annotations are compared with %u other sets.", others->len),
                          others->len);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  g_object_set_data_full (G_OBJECT (dialog), "glossa-others", files_copy (others),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "glossa-output", g_object_ref (output), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "glossa-majority", gtk_builder_get_object (builder, "majority_switch"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_start_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_output_response (GtkNativeDialog *chooser,
                    int              response,
                    GlossaWindow    *self)
{
  GPtrArray *others = g_object_get_data (G_OBJECT (chooser), "glossa-others");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) output = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      _glossa_window_compare_sides (self, others, output);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_output (GlossaWindow *self,
               GPtrArray    *others)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Folder for the Adjudicated Annotations"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Adjudicate Here"), _("_Cancel"));
  g_object_set_data_full (G_OBJECT (chooser), "glossa-others", files_copy (others),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_output_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_other_response (GtkNativeDialog *chooser,
                   int              response,
                   GlossaWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);

      /* One more than the bar has keys for is refused, not cut. */
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (others, g_list_model_get_item (files, i));
      if (others->len + 1 > GLOSSA_REVIEW_BAR_MAX_SIDES)
        _glossa_window_show_message (self, _("A review compares at most nine annotators"));
      else if (others->len > 0)
        choose_output (self, others);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  gboolean folder = g_str_equal (action_name, "win.compare-folder");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Compare with Other Annotators’ Folders")
                                                : _("Compare with Exported JSONL Files"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Compare"), _("_Cancel"));
  /* Several chosen at once: a review of three or more. */
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("JSON Lines"));
      gtk_file_filter_add_suffix (filter, "jsonl");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_other_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * _glossa_window_compare:
 * @other: the other annotator's folder or JSONL export
 * @output: the folder for the adjudicated annotations
 *
 * What Compare… does once both are chosen.
 */
void
_glossa_window_compare (GlossaWindow *self,
                        GFile        *other,
                        GFile        *output)
{
  g_return_if_fail (GLOSSA_IS_WINDOW (self));

  start_review_with (self, other, output);
}

/**
 * _glossa_window_compare_sides:
 * @others: a GPtrArray of GFile, the other annotators' folders or exports
 * @output: the folder for the adjudicated annotations
 *
 * What Compare… does once the sides and the output are chosen: with
 * three sides or more, the start dialog asks about the majority first.
 */
void
_glossa_window_compare_sides (GlossaWindow *self,
                              GPtrArray    *others,
                              GFile        *output)
{
  g_return_if_fail (GLOSSA_IS_WINDOW (self));
  g_return_if_fail (others != NULL && others->len > 0);

  if (others->len > 1)
    ask_majority (self, others, output);
  else
    start_review_with (self, g_ptr_array_index (others, 0), output);
}

#define PENDING_OTHERS_KEY  "glossa-review-pending-others"
#define PENDING_OUTPUT_KEY  "glossa-review-pending-output"
#define PENDING_MAJORITY_KEY "glossa-review-pending-majority"

/**
 * _glossa_window_review_when_shown:
 * @other: the other annotator's folder or JSONL export
 * @output: the folder for the adjudicated annotations
 *
 * Starts the review as Compare… would, as soon as the window shows a
 * document: `glossa review A B -o OUT` opens A, which takes a while.
 */
void
_glossa_window_review_when_shown (GlossaWindow *self,
                                  GFile        *other,
                                  GFile        *output)
{
  g_autoptr(GPtrArray) others = files_new (other);

  g_return_if_fail (GLOSSA_IS_WINDOW (self));

  _glossa_window_review_sides_when_shown (self, others, output, FALSE);
}

void
_glossa_window_review_sides_when_shown (GlossaWindow *self,
                                        GPtrArray    *others,
                                        GFile        *output,
                                        gboolean      majority)
{
  g_return_if_fail (GLOSSA_IS_WINDOW (self));
  g_return_if_fail (others != NULL && others->len > 0);

  g_object_set_data_full (G_OBJECT (self), PENDING_OTHERS_KEY, files_copy (others),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (self), PENDING_OUTPUT_KEY, g_object_ref (output), g_object_unref);
  g_object_set_data (G_OBJECT (self), PENDING_MAJORITY_KEY, GINT_TO_POINTER (majority));
  _glossa_window_corpus_update_actions (self);
}

static gboolean
start_pending_review (gpointer data)
{
  GlossaWindow *self = data;
  g_autoptr(GPtrArray) others = g_object_steal_data (G_OBJECT (self), PENDING_OTHERS_KEY);
  g_autoptr(GFile) output = g_object_steal_data (G_OBJECT (self), PENDING_OUTPUT_KEY);
  gboolean majority = GPOINTER_TO_INT (g_object_steal_data (G_OBJECT (self), PENDING_MAJORITY_KEY));

  if (others != NULL && output != NULL && self->document != NULL && self->review_source == NULL)
    {
      self->review_majority = majority;
      start_review (self, others, output);
    }
  return G_SOURCE_REMOVE;
}

static void
stop_review_then (GlossaWindow *self,
                  gpointer      data)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.stop-review", NULL);
}

static void
stop_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaDocument) article_document = NULL;

  if (self->review_source == NULL)
    return;

  /* Decisions that could not be written are asked about, not dropped. */
  if (!_glossa_window_may_leave (self, stop_review_then, NULL))
    return;

  glossa_review_bar_clear (self->review_bar);
  gtk_revealer_set_reveal_child (self->review_revealer, FALSE);
  stop_counting (self);
  g_clear_pointer (&self->review_source, glossa_review_source_free);
  g_clear_object (&self->review_output);
  g_clear_object (&self->review_corpus);

  /* Back to A's annotations, read again: the review did not change them. */
  if (self->corpus != NULL)
    _glossa_window_show_item (self, self->corpus_position);
  else if ((article_document = g_steal_pointer (&self->article_document)))
    {
      GlossaArticle *article = glossa_document_get_article (article_document);

      if (glossa_article_get_file (article) != NULL)
        glossa_window_open_file (self, glossa_article_get_file (article));
    }
  _glossa_window_corpus_update_actions (self);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);

  if (g_str_equal (action_name, "win.review-next"))
    glossa_review_bar_move (self->review_bar, 1);
  else if (g_str_equal (action_name, "win.review-previous"))
    glossa_review_bar_move (self->review_bar, -1);
  else if (g_str_equal (action_name, "win.keep-a"))
    glossa_review_bar_accept (self->review_bar, GLOSSA_REVIEW_ACCEPT_A);
  else if (g_str_equal (action_name, "win.keep-b"))
    glossa_review_bar_accept (self->review_bar, GLOSSA_REVIEW_ACCEPT_B);
  else if (g_str_equal (action_name, "win.keep-both"))
    glossa_review_bar_accept (self->review_bar, GLOSSA_REVIEW_ACCEPT_BOTH);
  else if (g_str_equal (action_name, "win.keep-neither"))
    glossa_review_bar_accept (self->review_bar, GLOSSA_REVIEW_ACCEPT_NEITHER);
  else if (g_str_equal (action_name, "win.keep-side"))
    glossa_review_bar_keep_side (self->review_bar, (guint) MAX (g_variant_get_int32 (parameter), 0));
}

/* Moving through the corpus */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  gboolean skip_done = g_str_equal (action_name, "win.next-unfinished");
  int direction = g_str_equal (action_name, "win.previous-article") ? -1 : 1;
  guint position;

  if (self->corpus == NULL)
    return;

  if (glossa_corpus_sidebar_get_neighbor (self->corpus_sidebar, self->corpus_position,
                                          direction, skip_done, &position))
    _glossa_window_show_item (self, position);
  else if (skip_done)
    _glossa_window_show_message (self, _("Every other article is done"));
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  guint position;

  if (self->document == NULL || glossa_document_get_read_only (self->document))
    return;

  glossa_document_set_status (self->document, GLOSSA_STATUS_DONE);

  /* The status is written when the next article is shown (a flush), or by
   * the autosave if this was the last one. Past the end of the list, the
   * nearest one before that is not done: "every article is done" must be
   * true, and an article that cannot be read is not done.
   */
  if (self->corpus != NULL && self->review_source == NULL &&
      (glossa_corpus_sidebar_get_neighbor (self->corpus_sidebar, self->corpus_position, 1, TRUE, &position) ||
       glossa_corpus_sidebar_get_neighbor (self->corpus_sidebar, self->corpus_position, -1, TRUE, &position)))
    _glossa_window_show_item (self, position);
  else if (self->corpus != NULL && self->review_source == NULL)
    _glossa_window_show_message (self, _("Every article is done"));
}

/* Done can be taken back: the article is worked on again. The status is
 * saved like any other change (autosave).
 */
static void
mark_in_progress_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);

  if (self->document == NULL || glossa_document_get_read_only (self->document))
    return;

  glossa_document_set_status (self->document, GLOSSA_STATUS_IN_PROGRESS);
}

static void
clear_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Ctrl+I: the corpus overview, in a window of its own beside this one
 * (shown again, not made twice, while it shows this window's corpus).
 */
static void
overview_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  GWeakRef *ref = g_object_get_data (G_OBJECT (self), "glossa-overview-page");
  g_autoptr(GlossaOverviewPage) page = ref != NULL ? g_weak_ref_get (ref) : NULL;
  GlossaCorpus *shown = NULL;

  if (self->corpus == NULL)
    {
      _glossa_window_show_message (self, _("Open a folder or a JSONL corpus to see its overview"));
      return;
    }
  if (page != NULL)
    g_object_get (page, "corpus", &shown, NULL);
  if (page == NULL || shown != self->corpus)
    {
      /* GTK's list of windows owns a new window; this reference is ours. */
      g_clear_object (&page);
      page = g_object_ref (glossa_overview_page_new (self->corpus));
      gtk_window_set_transient_for (GTK_WINDOW (page), GTK_WINDOW (self));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (page), TRUE);
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, page);
      g_object_set_data_full (G_OBJECT (self), "glossa-overview-page", ref, clear_weak_ref);
    }
  g_clear_object (&shown);
  gtk_window_present (GTK_WINDOW (page));
}

static void
on_folder_response (GtkNativeDialog *chooser,
                    int              response,
                    GlossaWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      _glossa_window_open_corpus (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossaWindow *self = GLOSSA_WINDOW (widget);
  g_autofree char *last_folder = g_settings_get_string (self->settings, "last-folder");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Folder of Articles"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Open"), _("_Cancel"));
  if (last_folder[0] != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_path (last_folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_folder_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_glossa_window_corpus_update_actions (GlossaWindow *self)
{
  gboolean corpus = self->corpus != NULL;
  gboolean reviewing = self->review_source != NULL;
  gboolean writable = self->document != NULL && !glossa_document_get_read_only (self->document);
  guint n = corpus ? g_list_model_get_n_items (G_LIST_MODEL (self->corpus)) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-article", corpus && self->corpus_position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-article", corpus && self->corpus_position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-unfinished", corpus);
  /* In review, the adjudicated article is the one marked. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-done", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-in-progress",
                                 writable &&
                                 glossa_document_get_status (self->document) == GLOSSA_STATUS_DONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-folder", self->document != NULL && !reviewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-jsonl", self->document != NULL && !reviewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-review", reviewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-next", reviewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-previous", reviewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.keep-a", reviewing && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.keep-b", reviewing && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.keep-both", reviewing && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.keep-neither", reviewing && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.keep-side", reviewing && writable);
  gtk_widget_set_visible (GTK_WIDGET (self->corpus_buttons), corpus);

  /* Not from inside glossa_window_set_document(), which calls this. */
  if (self->document != NULL && !reviewing &&
      g_object_get_data (G_OBJECT (self), PENDING_OTHERS_KEY) != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, start_pending_review, g_object_ref (self), g_object_unref);
  _glossa_window_search_update_actions (self);
}

void
_glossa_window_corpus_init (GlossaWindow *self)
{
  _glossa_window_corpus_update_actions (self);
}

void
_glossa_window_corpus_dispose (GlossaWindow *self)
{
  GCancellable *counting = g_object_get_data (G_OBJECT (self), COUNT_CANCELLABLE_KEY);

  if (counting != NULL)
    g_cancellable_cancel (counting);
  g_cancellable_cancel (self->corpus_cancellable);
  g_clear_object (&self->corpus_cancellable);
  g_clear_pointer (&self->review_source, glossa_review_source_free);
  g_clear_object (&self->review_output);
  g_clear_object (&self->review_corpus);
  g_clear_object (&self->article_document);
  g_clear_object (&self->corpus);
}

void
_glossa_window_class_corpus_init (GtkWidgetClass *widget_class)
{
  static const char *review_actions[] = {
    "win.review-next", "win.review-previous", "win.keep-a", "win.keep-b",
    "win.keep-both", "win.keep-neither",
  };

  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.next-article", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.previous-article", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.next-unfinished", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.mark-done", NULL, mark_done_action);
  gtk_widget_class_install_action (widget_class, "win.mark-in-progress", NULL, mark_in_progress_action);
  gtk_widget_class_install_action (widget_class, "win.compare-folder", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.compare-jsonl", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.stop-review", NULL, stop_review_action);
  gtk_widget_class_install_action (widget_class, "win.overview", NULL, overview_action);
  for (guint i = 0; i < G_N_ELEMENTS (review_actions); i++)
    gtk_widget_class_install_action (widget_class, review_actions[i], NULL, review_action);
  /* Keep side N (0 for A): Ctrl+Alt+1…9, for reviews of three or more. */
  gtk_widget_class_install_action (widget_class, "win.keep-side", "i", review_action);
}
