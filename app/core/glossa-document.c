/* glossa-document.c: an article and its annotations, editable and undoable
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "glossa-document.h"
#include "glossa-error.h"
#include "glossa-merge.h"
#include "glossa-relation.h"
#include "glossa-storage.h"
#include "glossa-store.h"
#include "glossa-undo-stack.h"
#include "glossa-schema.h"
#include "glossa-timex.h"

struct _GlossaDocument
{
  GObject            parent_instance;

  GlossaArticle     *article;
  /* Where the annotations live: the only thing that writes them. */
  GlossaStore       *store;
  GFile             *construct_file;
  GError            *error;

  /* Everything but the spans mirrors the file; annotations->spans is the
   * live set, sorted by glossa_span_compare() and unique by key and id.
   */
  GlossaAnnotations *annotations;
  GHashTable        *by_id;
  GlossaLabelCounts  label_counts;
  guint64            next_id;
  guint64            next_relation_id;

  GlossaUndoStack   *undo;
  char              *user;

  guint64            serial;
  guint64            saved_serial;

  /* Saves run one at a time; callers that ask meanwhile wait for the next. */
  GPtrArray         *pending_saves;
  guint              saving : 1;

  guint              read_only : 1;
  guint              mark_added : 1;  /* an adjudicated set: see set_mark_added() */

  /* Inside a batch (see begin_batch()) "changed" and notify::n-spans wait
   * for its end: listeners redo their work once, not once a span.
   */
  guint              batch_depth;
  guint              held_changed : 1;
  guint              held_n_spans : 1;
};

G_DEFINE_FINAL_TYPE (GlossaDocument, glossa_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_FILE,
  PROP_STORE,
  PROP_ERROR,
  PROP_READ_ONLY,
  PROP_MODIFIED,
  PROP_STATUS,
  PROP_ANNOTATOR,
  PROP_USER,
  PROP_N_SPANS,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  SPAN_ADDED,
  SPAN_REMOVED,
  RELATION_ADDED,
  RELATION_REMOVED,
  CHANGED,
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* g_set_str() is GLib 2.76. */
static gboolean
replace_str (char       **str,
             const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;
  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
set_modified (GlossaDocument *self,
              guint64         serial)
{
  gboolean was_modified = glossa_document_get_modified (self);

  self->serial = serial;
  if (was_modified != glossa_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
emit_changed (GlossaDocument *self)
{
  if (self->batch_depth > 0)
    self->held_changed = TRUE;
  else
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
mark_changed (GlossaDocument *self)
{
  set_modified (self, self->serial + 1);
  emit_changed (self);
}

static void
notify_n_spans (GlossaDocument *self)
{
  if (self->batch_depth > 0)
    self->held_n_spans = TRUE;
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SPANS]);
}

/* The number of an id "s12" (spans) or "r12" (links, @prefix 'r'); 0 for
 * any other id.
 */
static guint64
id_number_with_prefix (const char *id,
                       char        prefix)
{
  guint64 n = 0;

  if (id[0] != prefix || id[1] == '\0')
    return 0;
  for (const char *p = id + 1; *p; p++)
    {
      if (!g_ascii_isdigit (*p) || n > G_MAXUINT64 / 10 - 10)
        return 0;
      n = n * 10 + (*p - '0');
    }
  return n;
}

static guint64
id_number (const char *id)
{
  return id_number_with_prefix (id, 's');
}

/* Binary search for @span's key; returns where it is or would be. */
static guint
search_position (GlossaDocument   *self,
                 const GlossaSpan *span,
                 gboolean         *found)
{
  GPtrArray *spans = self->annotations->spans;
  guint lo = 0, hi = spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = glossa_span_compare (g_ptr_array_index (spans, mid), span);

      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  *found = lo < spans->len && glossa_span_compare (g_ptr_array_index (spans, lo), span) == 0;
  return lo;
}

static void
insert_span (GlossaDocument *self,
             GlossaSpan     *span)
{
  gboolean found;
  guint position = search_position (self, span, &found);

  g_assert (!found);
  g_assert (!g_hash_table_contains (self->by_id, span->id));

  g_ptr_array_insert (self->annotations->spans, position, glossa_span_ref (span));
  g_hash_table_insert (self->by_id, span->id, span);
  glossa_label_counts_add (&self->label_counts, span->label, 1);
  self->next_id = MAX (self->next_id, id_number (span->id) + 1);

  g_signal_emit (self, signals[SPAN_ADDED], 0, span);
  notify_n_spans (self);
}

static void
delete_span (GlossaDocument *self,
             GlossaSpan     *span)
{
  g_autoptr(GlossaSpan) held = glossa_span_ref (span);
  gboolean found;
  guint position = search_position (self, span, &found);

  g_assert (found);

  g_hash_table_remove (self->by_id, span->id);
  g_ptr_array_remove_index (self->annotations->spans, position);
  glossa_label_counts_add (&self->label_counts, span->label, -1);

  g_signal_emit (self, signals[SPAN_REMOVED], 0, held);
  notify_n_spans (self);
}

static int
compare_span_pointers (gconstpointer a,
                       gconstpointer b)
{
  return glossa_span_compare (*(GlossaSpan * const *) a, *(GlossaSpan * const *) b);
}

/* Fills an empty document with @spans, unique by key and id as a loaded
 * file's are, in one pass: a document opened to be exported or counted
 * has nobody listening, and inserting 50,000 spans one by one would sort,
 * signal and notify 50,000 times.
 */
static void
fill_spans (GlossaDocument *self,
            GPtrArray      *spans)
{
  GPtrArray *live = self->annotations->spans;
  gboolean listening = g_signal_has_handler_pending (self, signals[SPAN_ADDED], 0, FALSE);

  g_assert (live->len == 0);

  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      g_ptr_array_add (live, glossa_span_ref (span));
      g_hash_table_insert (self->by_id, span->id, span);
      glossa_label_counts_add (&self->label_counts, span->label, 1);
      self->next_id = MAX (self->next_id, id_number (span->id) + 1);
    }
  g_ptr_array_sort (live, compare_span_pointers);

  if (listening)
    for (guint i = 0; i < live->len; i++)
      g_signal_emit (self, signals[SPAN_ADDED], 0, g_ptr_array_index (live, i));
  if (spans->len > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SPANS]);
}

static void
set_spans (GlossaDocument *self,
           GPtrArray      *spans)
{
  g_autoptr(GPtrArray) old = glossa_document_dup_spans (self);

  for (guint i = old->len; i > 0; i--)
    delete_span (self, g_ptr_array_index (old, i - 1));
  fill_spans (self, spans);
}

static void
glossa_document_dispose (GObject *object)
{
  GlossaDocument *self = (GlossaDocument *)object;

  g_clear_object (&self->undo);

  G_OBJECT_CLASS (glossa_document_parent_class)->dispose (object);
}

static void
glossa_document_finalize (GObject *object)
{
  GlossaDocument *self = (GlossaDocument *)object;

  g_clear_object (&self->article);
  g_clear_object (&self->store);
  g_clear_object (&self->construct_file);
  g_clear_error (&self->error);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->annotations, glossa_annotations_free);
  glossa_label_counts_clear (&self->label_counts);
  g_clear_pointer (&self->pending_saves, g_ptr_array_unref);
  g_clear_pointer (&self->user, g_free);

  G_OBJECT_CLASS (glossa_document_parent_class)->finalize (object);
}

static void
glossa_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlossaDocument *self = GLOSSA_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_FILE:
      g_value_set_object (value, glossa_document_get_file (self));
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, glossa_document_get_modified (self));
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->annotations->status);
      break;

    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotations->annotator);
      break;

    case PROP_USER:
      g_value_set_string (value, self->user);
      break;

    case PROP_N_SPANS:
      g_value_set_uint (value, self->annotations->spans->len);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, glossa_document_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, glossa_document_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_document_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GlossaDocument *self = GLOSSA_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      self->article = g_value_dup_object (value);
      break;

    case PROP_FILE:
      self->construct_file = g_value_dup_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      if (self->store != NULL)
        {
          glossa_schema_unref (self->annotations->schema);
          self->annotations->schema = glossa_schema_ref (glossa_store_get_schema (self->store));
        }
      break;

    case PROP_STATUS:
      glossa_document_set_status (self, g_value_get_int (value));
      break;

    case PROP_ANNOTATOR:
      glossa_document_set_annotator (self, g_value_get_string (value));
      break;

    case PROP_USER:
      glossa_document_set_user (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
forward_undo_notify (GlossaDocument *self,
                     GParamSpec     *pspec,
                     GlossaUndoStack *undo)
{
  if (g_strcmp0 (pspec->name, "can-undo") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
glossa_document_constructed (GObject *object)
{
  GlossaDocument *self = (GlossaDocument *)object;
  g_autofree char *basename = NULL;

  G_OBJECT_CLASS (glossa_document_parent_class)->constructed (object);

  g_assert (GLOSSA_IS_ARTICLE (self->article));
  /* A file given alone is a sidecar store. */
  if (self->store == NULL && self->construct_file != NULL)
    self->store = glossa_file_store_new (self->construct_file);
  g_clear_object (&self->construct_file);

  basename = g_strdup (glossa_article_get_name (self->article));
  if (glossa_article_get_file (self->article) != NULL)
    {
      g_free (basename);
      basename = g_file_get_basename (glossa_article_get_file (self->article));
    }
  self->annotations->file = g_strdup (basename);
  if (g_str_has_suffix (basename, ".txt"))
    basename[strlen (basename) - 4] = '\0';
  self->annotations->doc_id = g_strdup (basename);
  self->annotations->date = g_strdup (glossa_article_get_date (self->article));
}

static void
glossa_document_class_init (GlossaDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = glossa_document_constructed;
  object_class->dispose = glossa_document_dispose;
  object_class->finalize = glossa_document_finalize;
  object_class->get_property = glossa_document_get_property;
  object_class->set_property = glossa_document_set_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, GLOSSA_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GLOSSA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, GLOSSA_N_STATUSES - 1, GLOSSA_STATUS_TODO,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SPANS] =
    g_param_spec_uint ("n-spans", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossaDocument::span-added:
   * @span: the span, already in the document
   */
  signals[SPAN_ADDED] =
    g_signal_new ("span-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  GLOSSA_TYPE_SPAN | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * GlossaDocument::span-removed:
   * @span: the span, no longer in the document
   */
  signals[SPAN_REMOVED] =
    g_signal_new ("span-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  GLOSSA_TYPE_SPAN | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * GlossaDocument::relation-added:
   * @relation: the link, already in the document
   *
   * Emitted when a link is added, or comes back by undo or redo. A link
   * whose end is deleted (or relabelled to a label it does not allow)
   * stops being live without a signal: views follow "span-removed".
   */
  signals[RELATION_ADDED] =
    g_signal_new ("relation-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  GLOSSA_TYPE_RELATION | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * GlossaDocument::relation-removed:
   * @relation: the link, no longer in the document
   */
  signals[RELATION_REMOVED] =
    g_signal_new ("relation-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  GLOSSA_TYPE_RELATION | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * GlossaDocument::changed:
   *
   * Emitted once after every edit, undo, redo or status change: the
   * moment to schedule a save.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * GlossaDocument::saved:
   * @annotations: (type gpointer): the GlossaAnnotations written, valid
   *   during the emission
   *
   * Emitted on the document's thread after its store wrote it, whoever
   * asked for the save: a corpus's list follows its documents this way.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void put_extra_member (GlossaDocument *self,
                              const char     *member,
                              JsonNode       *value);

/* Undo and redo of glossa_document_set_extra_member_undoable(). */
static void
apply_member_change (const char *member,
                     JsonNode   *value,
                     gpointer    user_data)
{
  put_extra_member (user_data, member, value != NULL ? json_node_ref (value) : NULL);
}

static void
glossa_document_init (GlossaDocument *self)
{
  self->annotations = glossa_annotations_new ();
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->next_id = 1;
  self->next_relation_id = 1;
  self->undo = glossa_undo_stack_new ();
  glossa_undo_stack_set_apply_member (self->undo, apply_member_change, self);
  self->pending_saves = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (self->undo, "notify", G_CALLBACK (forward_undo_notify),
                           self, G_CONNECT_SWAPPED);
}

/**
 * glossa_document_new:
 * @article: the article
 * @annotations_file: (nullable): where the annotations are saved
 *
 * Creates a document with no spans. Nothing is read from disk.
 */
GlossaDocument *
glossa_document_new (GlossaArticle *article,
                     GFile         *annotations_file)
{
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (!annotations_file || G_IS_FILE (annotations_file), NULL);

  return g_object_new (GLOSSA_TYPE_DOCUMENT,
                       "article", article,
                       "file", annotations_file,
                       NULL);
}

static void adopt_annotations (GlossaDocument    *self,
                               GlossaAnnotations *annotations);

/**
 * glossa_document_new_with_annotations:
 * @annotations_file: (nullable): where the annotations are saved, if the
 *   document saves itself (not in a JSONL corpus, which saves its lines)
 * @annotations: annotations read elsewhere, already checked against
 *   @article; copied, spans shared
 *
 * Creates a document holding @annotations as they are: ids, origins, notes
 * and unknown members kept, no undo history, not modified.
 */
GlossaDocument *
glossa_document_new_with_annotations (GlossaArticle     *article,
                                      GFile             *annotations_file,
                                      GlossaAnnotations *annotations)
{
  g_autoptr(GlossaStore) store = NULL;

  g_return_val_if_fail (GLOSSA_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (!annotations_file || G_IS_FILE (annotations_file), NULL);
  g_return_val_if_fail (annotations != NULL, NULL);

  if (annotations_file != NULL)
    store = glossa_file_store_new (annotations_file);
  return glossa_document_new_with_store (article, store, annotations);
}

/**
 * glossa_document_new_with_store:
 * @store: (nullable): where the annotations are saved, already holding
 *   what was read from it (see glossa_store_load())
 * @annotations: (nullable): annotations read from @store, already checked
 *   against @article; copied, spans shared
 *
 * Like glossa_document_new_with_annotations(), for any kind of store.
 */
GlossaDocument *
glossa_document_new_with_store (GlossaArticle     *article,
                                GlossaStore       *store,
                                GlossaAnnotations *annotations)
{
  GlossaDocument *self;
  GlossaAnnotations *copy;

  g_return_val_if_fail (GLOSSA_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (!store || GLOSSA_IS_STORE (store), NULL);

  self = g_object_new (GLOSSA_TYPE_DOCUMENT, "article", article, "store", store, NULL);
  if (annotations == NULL)
    return self;
  copy = glossa_annotations_new ();
  copy->doc_id = g_strdup (annotations->doc_id ? annotations->doc_id : self->annotations->doc_id);
  copy->file = g_strdup (annotations->file ? annotations->file : self->annotations->file);
  copy->sha256 = g_strdup (annotations->sha256);
  copy->length = annotations->length;
  copy->date = g_strdup (annotations->date);
  copy->status = annotations->status;
  g_free (copy->annotator);
  copy->annotator = g_strdup (annotations->annotator ? annotations->annotator : "");
  for (guint i = 0; i < annotations->spans->len; i++)
    g_ptr_array_add (copy->spans, glossa_span_ref (g_ptr_array_index (annotations->spans, i)));
  copy->document_extra = annotations->document_extra ? json_object_ref (annotations->document_extra) : NULL;
  copy->extra = annotations->extra ? json_object_ref (annotations->extra) : NULL;
  glossa_schema_unref (copy->schema);
  copy->schema = glossa_schema_ref (annotations->schema);
  for (guint i = 0; i < annotations->relations->len; i++)
    g_ptr_array_add (copy->relations, glossa_relation_ref (g_ptr_array_index (annotations->relations, i)));
  adopt_annotations (self, copy);
  return self;
}

static void
set_error (GlossaDocument *self,
           GError         *error)
{
  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  if (self->read_only != (error != NULL))
    {
      self->read_only = error != NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
}

static void
adopt_annotations (GlossaDocument    *self,
                   GlossaAnnotations *annotations)
{
  GlossaStatus old_status = self->annotations->status;
  g_autofree char *old_annotator = g_strdup (self->annotations->annotator);
  g_autoptr(GPtrArray) spans = g_ptr_array_ref (annotations->spans);

  /* Keep our own live span array; take everything else from the file. */
  g_ptr_array_unref (annotations->spans);
  annotations->spans = g_steal_pointer (&self->annotations->spans);
  glossa_annotations_free (self->annotations);
  self->annotations = annotations;
  if (self->annotations->date == NULL)
    self->annotations->date = g_strdup (glossa_article_get_date (self->article));

  set_spans (self, spans);
  for (guint i = 0; i < annotations->relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (annotations->relations, i);
      self->next_relation_id = MAX (self->next_relation_id,
                                    id_number_with_prefix (relation->id, 'r') + 1);
    }

  if (old_status != annotations->status)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (g_strcmp0 (old_annotator, annotations->annotator) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR]);
}

/* Reads the annotation file, if there is one. A failure is kept in the
 * document (which becomes read-only) rather than returned: the article is
 * still worth showing.
 */
static void
load_annotations (GlossaDocument *self,
                  GCancellable   *cancellable)
{
  g_autoptr(GError) error = NULL;
  GlossaAnnotations *annotations;

  if (self->store == NULL)
    return;

  annotations = glossa_store_load (self->store, self->article, cancellable, &error);
  if (annotations != NULL)
    adopt_annotations (self, annotations);
  else if (error != NULL)
    set_error (self, g_steal_pointer (&error));
}

/**
 * glossa_document_open:
 * @article_file: the article (NAME.txt)
 *
 * Reads the article and, if it exists, NAME.annotations.json beside it.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL if the
 *   article itself cannot be read. A bad annotation file does not make this
 *   fail: see #GlossaDocument:error.
 */
GlossaDocument *
glossa_document_open (GFile         *article_file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFile) annotations_file = NULL;

  g_return_val_if_fail (G_IS_FILE (article_file), NULL);

  annotations_file = glossa_annotations_file_for_article (article_file);
  return glossa_document_open_full (article_file, annotations_file, cancellable, error);
}

/**
 * glossa_document_open_full:
 * @annotations_file: where the annotations are, e.g. in a reviewer's
 *   folder rather than beside the article
 *
 * Like glossa_document_open(), with the annotation file given.
 */
GlossaDocument *
glossa_document_open_full (GFile         *article_file,
                           GFile         *annotations_file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return glossa_document_open_in_corpus (article_file, annotations_file, NULL, cancellable, error);
}

/**
 * glossa_document_open_in_corpus:
 * @corpus_root: (nullable): the corpus folder, or %NULL for the article's
 *
 * Like glossa_document_open_full(), under the glossa-schema.json nearest
 * the article up to @corpus_root. A broken schema, like a broken
 * annotation file, leaves the document read-only with its error.
 */
GlossaDocument *
glossa_document_open_in_corpus (GFile         *article_file,
                                GFile         *annotations_file,
                                GFile         *corpus_root,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GlossaArticle) article = NULL;
  g_autoptr(GlossaSchema) schema = NULL;
  GError *schema_error = NULL;
  GlossaDocument *self;

  g_return_val_if_fail (G_IS_FILE (article_file), NULL);
  g_return_val_if_fail (G_IS_FILE (annotations_file), NULL);

  if (!(article = glossa_article_load (article_file, cancellable, error)))
    return NULL;

  self = glossa_document_new (article, annotations_file);
  schema = glossa_schema_find_for (article_file, corpus_root, &schema_error);
  if (schema == NULL)
    {
      set_error (self, schema_error);
      return self;
    }
  glossa_store_set_schema (self->store, schema);
  glossa_schema_unref (self->annotations->schema);
  self->annotations->schema = glossa_schema_ref (schema);
  load_annotations (self, cancellable);
  return self;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GlossaDocument *document = glossa_document_open (task_data, cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
glossa_document_open_async (GFile               *article_file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (article_file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, glossa_document_open_async);
  g_task_set_task_data (task, g_object_ref (article_file), g_object_unref);
  g_task_run_in_thread (task, open_thread);
}

GlossaDocument *
glossa_document_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * glossa_document_reload:
 *
 * Throws away the spans and the undo history and reads the annotation file
 * again, for when another program changed it. On failure the document keeps
 * the error and becomes read-only, as after a failed open.
 */
gboolean
glossa_document_reload (GlossaDocument  *self,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);

  if (self->error != NULL)
    set_error (self, NULL);
  glossa_undo_stack_clear (self->undo);
  set_spans (self, none);

  load_annotations (self, cancellable);
  /* What is shown is what is on disk again. */
  self->saved_serial = self->serial + 1;
  set_modified (self, self->serial + 1);
  g_signal_emit (self, signals[CHANGED], 0);

  if (self->error != NULL)
    {
      g_set_error_literal (error, self->error->domain, self->error->code, self->error->message);
      return FALSE;
    }
  return TRUE;
}

GlossaArticle *
glossa_document_get_article (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);
  return self->article;
}

/**
 * glossa_document_get_file:
 *
 * Returns: (transfer none) (nullable): the annotation file, if the document
 *   is stored in one whole file (not a line of a JSONL corpus)
 */
GFile *
glossa_document_get_file (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);
  return self->store ? glossa_store_get_file (self->store) : NULL;
}

/**
 * glossa_document_get_store:
 *
 * Returns: (transfer none) (nullable): where the annotations are saved
 */
GlossaStore *
glossa_document_get_store (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);
  return self->store;
}

const GError *
glossa_document_get_error (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);
  return self->error;
}

gboolean
glossa_document_get_read_only (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), TRUE);
  return self->read_only;
}

/**
 * glossa_document_set_read_only:
 *
 * Makes a document browse-only, e.g. an exported dataset opened for
 * reading. A document whose annotations failed to load stays read-only
 * whatever is asked here.
 */
void
glossa_document_set_read_only (GlossaDocument *self,
                               gboolean        read_only)
{
  g_return_if_fail (GLOSSA_IS_DOCUMENT (self));

  read_only = !!read_only || self->error != NULL;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

gboolean
glossa_document_get_modified (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);
  return self->serial != self->saved_serial;
}

GlossaStatus
glossa_document_get_status (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), GLOSSA_STATUS_TODO);
  return self->annotations->status;
}

void
glossa_document_set_status (GlossaDocument *self,
                            GlossaStatus    status)
{
  g_return_if_fail (GLOSSA_IS_DOCUMENT (self));
  g_return_if_fail ((guint) status < GLOSSA_N_STATUSES);

  if (self->read_only || self->annotations->status == status)
    return;

  self->annotations->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  mark_changed (self);
}

const char *
glossa_document_get_annotator (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);
  return self->annotations->annotator;
}

void
glossa_document_set_annotator (GlossaDocument *self,
                               const char     *annotator)
{
  g_return_if_fail (GLOSSA_IS_DOCUMENT (self));

  if (annotator == NULL)
    annotator = "";
  if (self->read_only || g_strcmp0 (self->annotations->annotator, annotator) == 0)
    return;

  g_free (self->annotations->annotator);
  self->annotations->annotator = g_strdup (annotator);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR]);
  mark_changed (self);
}

/**
 * glossa_document_get_user:
 *
 * The person editing now: recorded as the annotator of the spans they
 * create or change, and of the document if it has none yet.
 */
const char *
glossa_document_get_user (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);
  return self->user;
}

void
glossa_document_set_user (GlossaDocument *self,
                          const char     *user)
{
  g_return_if_fail (GLOSSA_IS_DOCUMENT (self));

  if (user != NULL && *user == '\0')
    user = NULL;
  if (replace_str (&self->user, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

const char *
glossa_document_get_date (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);
  return self->annotations->date;
}

guint
glossa_document_get_n_spans (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), 0);
  return self->annotations->spans->len;
}

GlossaSpan *
glossa_document_get_span (GlossaDocument *self,
                          guint           index)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->annotations->spans->len, NULL);
  return g_ptr_array_index (self->annotations->spans, index);
}

GlossaSpan *
glossa_document_lookup_span (GlossaDocument *self,
                             const char     *id)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);
  return id ? g_hash_table_lookup (self->by_id, id) : NULL;
}

gboolean
glossa_document_find_span (GlossaDocument *self,
                           GlossaSpan     *span,
                           guint          *index)
{
  gboolean found;
  guint position;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (span != NULL, FALSE);

  position = search_position (self, span, &found);
  if (found && index != NULL)
    *index = position;
  return found;
}

/**
 * glossa_document_dup_spans:
 *
 * Returns: (transfer full): a snapshot of the spans in order, holding a
 *   reference to each.
 */
GPtrArray *
glossa_document_dup_spans (GlossaDocument *self)
{
  GPtrArray *spans;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);

  spans = g_ptr_array_new_full (self->annotations->spans->len, (GDestroyNotify) glossa_span_unref);
  for (guint i = 0; i < self->annotations->spans->len; i++)
    g_ptr_array_add (spans, glossa_span_ref (g_ptr_array_index (self->annotations->spans, i)));
  return spans;
}

static int
compare_by_length (gconstpointer a,
                   gconstpointer b)
{
  const GlossaSpan *sa = *(GlossaSpan * const *) a;
  const GlossaSpan *sb = *(GlossaSpan * const *) b;
  gint64 la = sa->end - sa->start, lb = sb->end - sb->start;

  if (la != lb)
    return la < lb ? -1 : 1;
  return glossa_span_compare (sa, sb);
}

/**
 * glossa_document_spans_at:
 *
 * Returns: (transfer full): the spans covering @offset, innermost (shortest)
 *   first: the order in which clicking there cycles through them.
 */
GPtrArray *
glossa_document_spans_at (GlossaDocument *self,
                          gint64          offset)
{
  GPtrArray *spans = self->annotations->spans;
  GPtrArray *result;
  guint lo = 0, hi;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);

  /* Only spans starting at or before @offset can cover it. */
  hi = spans->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (((GlossaSpan *) g_ptr_array_index (spans, mid))->start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = 0; i < lo; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);
      if (span->end > offset)
        g_ptr_array_add (result, glossa_span_ref (span));
    }

  g_ptr_array_sort (result, compare_by_length);
  return result;
}

/**
 * glossa_document_get_schema:
 *
 * Returns: (transfer none): the labels the document may use
 */
GlossaSchema *
glossa_document_get_schema (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);
  return self->annotations->schema;
}

guint
glossa_document_count_label (GlossaDocument *self,
                             GlossaLabel     label)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), 0);
  return glossa_label_counts_get (&self->label_counts, label);
}

/* Editing */

static gboolean
check_writable (GlossaDocument  *self,
                GError         **error)
{
  if (!self->read_only)
    return TRUE;
  if (self->error != NULL)
    g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY,
                 _("The annotations did not load, so they cannot be changed: %s"),
                 self->error->message);
  else
    g_set_error_literal (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY,
                         _("These annotations are open for reading only"));
  return FALSE;
}

static gboolean
check_range (GlossaDocument  *self,
             gint64           start,
             gint64           end,
             GError         **error)
{
  gint64 length = glossa_article_get_length (self->article);

  if (start >= 0 && start < end && end <= length)
    return TRUE;
  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
               _("A span must cover characters of the article: %lld–%lld"
               " is not within 0–%lld"), (long long) start, (long long) end, (long long) length);
  return FALSE;
}

static gboolean
check_label (GlossaDocument  *self,
             GlossaLabel      label,
             GError         **error)
{
  GlossaSchema *schema = self->annotations->schema;

  if (glossa_schema_label_index (schema, label) >= 0)
    return TRUE;
  if (glossa_schema_get_path (schema) != NULL)
    g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                 _("There is no label “%s” in %s"), glossa_label_to_string (label),
                 glossa_schema_get_path (schema));
  else
    g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                 _("There is no label “%s”: the labels are actor, quote, claim and date"),
                 glossa_label_to_string (label));
  return FALSE;
}

/* Whether a span of @label over [@start, @end) may join the document's
 * spans (but @replaced, which it replaces) under the schema's overlap
 * rules. With every rule "any" (the built-in schema) there is nothing to
 * look at.
 */
static gboolean
check_overlap (GlossaDocument  *self,
               GlossaSpan      *replaced,
               gint64           start,
               gint64           end,
               GlossaLabel      label,
               GError         **error)
{
  GlossaSchema *schema = self->annotations->schema;
  GPtrArray *spans = self->annotations->spans;
  GlossaSpan probe = { .start = start, .end = end, .label = label };
  gboolean strict = glossa_schema_get_overlap (schema, label) != GLOSSA_OVERLAP_ANY;

  for (guint i = 0; !strict && i < glossa_schema_get_n_labels (schema); i++)
    strict = glossa_schema_get_label (schema, i)->overlap != GLOSSA_OVERLAP_ANY;
  if (!strict)
    return TRUE;

  /* Spans are sorted by start: those from @end on cannot overlap. */
  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      if (span->start >= end)
        break;
      if (span == replaced || glossa_schema_allows (schema, &probe, span))
        continue;
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   glossa_span_contains (&probe, span) || glossa_span_contains (span, &probe)
                   ? _("A “%s” span cannot be nested with the “%s” span over “%s”")
                   : _("A “%s” span cannot cross the “%s” span over “%s”"),
                   glossa_label_to_string (label), glossa_label_to_string (span->label), span->text);
      return FALSE;
    }
  return TRUE;
}

static char *
next_span_id (GlossaDocument *self)
{
  for (;;)
    {
      char *id = g_strdup_printf ("s%" G_GUINT64_FORMAT, self->next_id++);
      if (!g_hash_table_contains (self->by_id, id))
        return id;
      g_free (id);
    }
}

static GlossaSpan *
find_same_key (GlossaDocument *self,
               gint64          start,
               gint64          end,
               GlossaLabel     label)
{
  GlossaSpan key = { .start = start, .end = end, .label = label };
  gboolean found;
  guint position = search_position (self, &key, &found);

  return found ? g_ptr_array_index (self->annotations->spans, position) : NULL;
}

static void
after_edit (GlossaDocument *self)
{
  /* A document is in progress from its first span on. */
  if (self->annotations->status == GLOSSA_STATUS_TODO && self->annotations->spans->len > 0)
    {
      self->annotations->status = GLOSSA_STATUS_IN_PROGRESS;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (self->user != NULL && self->annotations->annotator[0] == '\0')
    {
      g_free (self->annotations->annotator);
      self->annotations->annotator = g_strdup (self->user);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR]);
    }
  mark_changed (self);
}

/**
 * glossa_document_add_span:
 *
 * Adds a span over [@start, @end) of the article. Adding a span that is
 * already there (same start, end and label) changes nothing and returns it.
 *
 * Returns: (transfer none) (nullable): the span, or %NULL on error
 */
/* A new span whose label has a timex attribute "value" gets that value from
 * the date normaliser, against the article's date, marked "auto" so that a
 * later run may redo it while a value a person set is left alone. The text
 * around the span stands in for its sentence: the normaliser reads its tense.
 */
static void
fill_date_value (GlossaDocument *self,
                 GlossaSpan     *span)
{
  const GlossaSchemaLabel *label = glossa_schema_find_label (self->annotations->schema, span->label);
  gint64 length = glossa_article_get_length (self->article);
  g_autofree char *context = NULL;
  g_autofree char *value = NULL;
  gboolean has_timex = FALSE;

  for (guint i = 0; label != NULL && label->attributes != NULL && i < label->attributes->len; i++)
    {
      const GlossaSchemaAttribute *a = g_ptr_array_index (label->attributes, i);

      if (a->type == GLOSSA_ATTRIBUTE_TIMEX && strcmp (a->name, "value") == 0)
        has_timex = TRUE;
    }
  if (!has_timex || glossa_article_get_date (self->article) == NULL)
    return;

  context = glossa_article_slice (self->article, MAX (0, span->start - 120),
                                  MIN (length, span->end + 120));
  if (!glossa_timex_normalize (span->text, glossa_article_get_date (self->article),
                               GLOSSA_TIMEX_LANG_AUTO, context, &value))
    return;
  span->attributes = json_object_new ();
  json_object_set_string_member (span->attributes, "value", value);
  span->value_source = g_strdup ("auto");
}

GlossaSpan *
glossa_document_add_span (GlossaDocument  *self,
                          gint64           start,
                          gint64           end,
                          GlossaLabel      label,
                          GError         **error)
{
  g_autoptr(GlossaSpan) span = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  GlossaSpan *existing;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (label != 0, NULL);

  if (!check_writable (self, error) || !check_range (self, start, end, error) ||
      !check_label (self, label, error))
    return NULL;

  if ((existing = find_same_key (self, start, end, label)))
    return existing;
  if (!check_overlap (self, NULL, start, end, label, error))
    return NULL;

  id = next_span_id (self);
  text = glossa_article_slice (self->article, start, end);
  span = glossa_span_new (id, start, end, label, text);
  span->origin = GLOSSA_ORIGIN_MANUAL;
  span->annotator = g_strdup (self->user);
  span->created = now_iso8601 ();
  span->modified = g_strdup (span->created);
  fill_date_value (self, span);
  if (self->mark_added)
    {
      GlossaSpan *added = glossa_merge_span_with_review (span, "added", NULL, self->user, span->created);

      glossa_span_unref (span);
      span = added;
    }

  glossa_undo_stack_record (self->undo, NULL, span);
  insert_span (self, span);
  after_edit (self);
  return span;
}

gboolean
glossa_document_remove_span (GlossaDocument  *self,
                             const char      *id,
                             GError         **error)
{
  GlossaSpan *span;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (!(span = glossa_document_lookup_span (self, id)))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID, _("There is no span “%s”"), id);
      return FALSE;
    }

  glossa_undo_stack_record (self->undo, span, NULL);
  delete_span (self, span);
  mark_changed (self);
  return TRUE;
}

/**
 * glossa_document_update_span:
 * @note: (nullable): the new note; %NULL or "" removes it
 *
 * Replaces span @id by one with the given range, label and note, keeping its
 * id. Fails if another span already has that range and label.
 *
 * Returns: (transfer none) (nullable): the new span, or %NULL on error
 */
/* A relabelled span keeps only the attributes its new label declares, so
 * that the file it is saved to loads again (a date made an actor loses its
 * value; undo brings the old span, value and all, back).
 */
static void
keep_declared_attributes (GlossaDocument *self,
                          GlossaSpan     *span)
{
  g_autoptr(JsonObject) kept = json_object_new ();
  g_autoptr(GList) names = NULL;

  if (span->attributes == NULL)
    return;
  names = json_object_get_members (span->attributes);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (span->attributes, l->data);

      if (glossa_format_check_attribute (self->annotations->schema, span->label, l->data,
                                         value, "", "", NULL))
        json_object_set_member (kept, l->data, json_node_copy (value));
    }
  g_clear_pointer (&span->attributes, json_object_unref);
  if (json_object_get_size (kept) > 0)
    span->attributes = g_steal_pointer (&kept);
  if (glossa_span_get_attribute (span, "value") == NULL)
    g_clear_pointer (&span->value_source, g_free);
}

GlossaSpan *
glossa_document_update_span (GlossaDocument  *self,
                             const char      *id,
                             gint64           start,
                             gint64           end,
                             GlossaLabel      label,
                             const char      *note,
                             GError         **error)
{
  g_autoptr(GlossaSpan) span = NULL;
  GlossaSpan *old, *existing;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (label != 0, NULL);

  if (!check_writable (self, error) || !check_range (self, start, end, error) ||
      !check_label (self, label, error))
    return NULL;

  if (!(old = glossa_document_lookup_span (self, id)))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID, _("There is no span “%s”"), id);
      return NULL;
    }

  if (note != NULL && *note == '\0')
    note = NULL;

  if (old->start == start && old->end == end && old->label == label &&
      g_strcmp0 (old->note, note) == 0)
    return old;

  existing = find_same_key (self, start, end, label);
  if (existing != NULL && existing != old)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   _("There is already a “%s” span over “%s”"),
                   glossa_label_to_string (label), existing->text);
      return NULL;
    }
  if (!check_overlap (self, old, start, end, label, error))
    return NULL;

  span = glossa_span_copy (old);
  span->start = start;
  span->end = end;
  span->label = label;
  if (label != old->label)
    keep_declared_attributes (self, span);
  if (start != old->start || end != old->end)
    {
      g_free (span->text);
      span->text = glossa_article_slice (self->article, start, end);
    }
  g_free (span->note);
  span->note = g_strdup (note);
  if (self->user != NULL)
    replace_str (&span->annotator, self->user);
  g_free (span->modified);
  span->modified = now_iso8601 ();
  /* An adjudicated span the reviewer changes says so (glossa-merge.h). */
  if (glossa_merge_span_get_decision (span) != NULL)
    {
      GlossaSpan *changed = glossa_merge_span_changed (span, self->user, span->modified);

      glossa_span_unref (span);
      span = changed;
    }

  glossa_undo_stack_record (self->undo, old, span);
  delete_span (self, old);
  insert_span (self, span);
  after_edit (self);
  return span;
}

void
glossa_document_begin_group (GlossaDocument *self,
                             const char     *description)
{
  g_return_if_fail (GLOSSA_IS_DOCUMENT (self));
  glossa_undo_stack_begin_group (self->undo, description);
}

void
glossa_document_end_group (GlossaDocument *self)
{
  g_return_if_fail (GLOSSA_IS_DOCUMENT (self));
  glossa_undo_stack_end_group (self->undo);
  /* Only now can the group be undone: views that enable Undo on "changed"
   * saw every edit inside it while it could not.
   */
  emit_changed (self);
}

/**
 * glossa_document_begin_batch:
 *
 * Opens an undo group (see begin_group()) whose "changed" signal and
 * notify::n-spans are held until glossa_document_end_batch(): accepting
 * 12,801 dates emitted both 12,801 times, and each listener redid its
 * work (counts, tags, the list) as often. "span-added" and "span-removed"
 * still come one by one; listeners that would pay for each may ask
 * glossa_document_in_batch() and catch up on "changed".
 */
void
glossa_document_begin_batch (GlossaDocument *self,
                             const char     *description)
{
  g_return_if_fail (GLOSSA_IS_DOCUMENT (self));
  self->batch_depth++;
  glossa_undo_stack_begin_group (self->undo, description);
}

static void
release_held (GlossaDocument *self)
{
  if (self->batch_depth > 0)
    return;
  if (self->held_n_spans)
    {
      self->held_n_spans = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SPANS]);
    }
  if (self->held_changed)
    {
      self->held_changed = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

void
glossa_document_end_batch (GlossaDocument *self)
{
  g_return_if_fail (GLOSSA_IS_DOCUMENT (self));
  g_return_if_fail (self->batch_depth > 0);
  glossa_undo_stack_end_group (self->undo);
  self->batch_depth--;
  self->held_changed = TRUE;
  release_held (self);
}

/* Whether the edits signalled now are part of a batch or of an undo or a
 * redo: "changed" comes once at its end.
 */
gboolean
glossa_document_in_batch (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);
  return self->batch_depth > 0;
}

gboolean
glossa_document_can_undo (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);
  return !self->read_only && glossa_undo_stack_can_undo (self->undo);
}

gboolean
glossa_document_can_redo (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);
  return !self->read_only && glossa_undo_stack_can_redo (self->undo);
}

static void insert_relation (GlossaDocument *self,
                             GlossaRelation *relation);
static void delete_relation (GlossaDocument *self,
                             GlossaRelation *relation);

static void
apply_relation_change (GlossaRelation *remove,
                       GlossaRelation *add,
                       gpointer        user_data)
{
  GlossaDocument *self = user_data;

  if (remove != NULL)
    delete_relation (self, remove);
  if (add != NULL)
    insert_relation (self, add);
}

static void
apply_change (GlossaSpan *remove,
              GlossaSpan *add,
              gpointer    user_data)
{
  GlossaDocument *self = user_data;

  if (remove != NULL)
    delete_span (self, remove);
  if (add != NULL)
    insert_span (self, add);
}

gboolean
glossa_document_undo (GlossaDocument *self)
{
  gboolean done;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);

  if (self->read_only)
    return FALSE;
  /* A step may be a batch of thousands: undone as one. */
  self->batch_depth++;
  done = glossa_undo_stack_undo_full (self->undo, apply_change, apply_relation_change, self);
  self->batch_depth--;
  release_held (self);
  if (done)
    mark_changed (self);
  return done;
}

gboolean
glossa_document_redo (GlossaDocument *self)
{
  gboolean done;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);

  if (self->read_only)
    return FALSE;
  self->batch_depth++;
  done = glossa_undo_stack_redo_full (self->undo, apply_change, apply_relation_change, self);
  self->batch_depth--;
  release_held (self);
  if (done)
    after_edit (self);
  return done;
}

/* Saving */

/* The document keeps every link it was given; a link is saved only while
 * both its ends exist and the schema allows it (their labels). Deleting a
 * span therefore drops its links from the file, and undoing the delete,
 * which brings the span back, brings them back too: one undo restores both.
 * Relabelling a span to a label a link does not allow drops the link the
 * same way, and undoing the relabel restores it.
 */
static gboolean
relation_is_live (GlossaDocument       *self,
                  const GlossaRelation *relation)
{
  /* by_id maps span ids to the live spans, as the check wants. */
  return glossa_format_check_relation (relation, self->by_id, self->annotations->schema,
                                       "", "", NULL);
}

static void
copy_live_relations (GlossaDocument    *self,
                     GlossaAnnotations *copy)
{
  for (guint i = 0; i < self->annotations->relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (self->annotations->relations, i);

      if (relation_is_live (self, relation))
        g_ptr_array_add (copy->relations, glossa_relation_ref (relation));
    }
}

/**
 * glossa_document_get_relations_of:
 * @span_id: the id of one of the document's spans
 *
 * Returns: (transfer container): the saved links that start or end at
 *   @span_id, in file order.
 */
GPtrArray *
glossa_document_get_relations_of (GlossaDocument *self,
                                  const char     *span_id)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_relation_unref);

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), out);
  g_return_val_if_fail (span_id != NULL, out);

  for (guint i = 0; i < self->annotations->relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (self->annotations->relations, i);

      if ((strcmp (relation->from, span_id) == 0 || strcmp (relation->to, span_id) == 0) &&
          relation_is_live (self, relation))
        g_ptr_array_add (out, glossa_relation_ref (relation));
    }
  return out;
}

/* Links and attributes */

/* annotations->relations stays sorted by glossa_relation_compare(), as
 * files keep them, so that saves and glossa_document_dup_relations() need
 * no sort.
 */
static guint
relation_position (GlossaDocument       *self,
                   const GlossaRelation *relation,
                   gboolean             *found)
{
  GPtrArray *relations = self->annotations->relations;
  guint lo = 0, hi = relations->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (glossa_relation_compare (g_ptr_array_index (relations, mid), relation) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* Ids are unique, so compare() is 0 for the link itself only. */
  *found = lo < relations->len &&
           glossa_relation_compare (g_ptr_array_index (relations, lo), relation) == 0;
  return lo;
}

static void
insert_relation (GlossaDocument *self,
                 GlossaRelation *relation)
{
  gboolean found;
  guint position = relation_position (self, relation, &found);

  g_assert (!found);
  g_ptr_array_insert (self->annotations->relations, position, glossa_relation_ref (relation));
  self->next_relation_id = MAX (self->next_relation_id,
                                id_number_with_prefix (relation->id, 'r') + 1);
  g_signal_emit (self, signals[RELATION_ADDED], 0, relation);
}

static void
delete_relation (GlossaDocument *self,
                 GlossaRelation *relation)
{
  g_autoptr(GlossaRelation) held = glossa_relation_ref (relation);
  gboolean found;
  guint position = relation_position (self, relation, &found);

  g_assert (found);
  g_ptr_array_remove_index (self->annotations->relations, position);
  g_signal_emit (self, signals[RELATION_REMOVED], 0, held);
}

static GlossaRelation *
lookup_relation (GlossaDocument *self,
                 const char     *relation_id)
{
  for (guint i = 0; i < self->annotations->relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (self->annotations->relations, i);

      if (strcmp (relation->id, relation_id) == 0)
        return relation;
    }
  return NULL;
}

static char *
next_relation_id (GlossaDocument *self)
{
  for (;;)
    {
      char *id = g_strdup_printf ("r%" G_GUINT64_FORMAT, self->next_relation_id++);
      if (lookup_relation (self, id) == NULL)
        return id;
      g_free (id);
    }
}

static GlossaSpan *
lookup_end (GlossaDocument  *self,
            const char      *span_id,
            GError         **error)
{
  GlossaSpan *span = glossa_document_lookup_span (self, span_id);

  if (span == NULL)
    g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID, _("There is no span “%s”"), span_id);
  return span;
}

static gboolean
end_allowed (GArray      *labels,
             GlossaLabel  label)
{
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    if (g_array_index (labels, GlossaLabel, i) == label)
      return TRUE;
  return labels == NULL || labels->len == 0;
}

/* The schema's rules for a new link, in words that name the spans by their
 * text: the window shows these messages as they are.
 */
static gboolean
check_new_relation (GlossaDocument  *self,
                    const char      *type,
                    GlossaSpan      *from,
                    GlossaSpan      *to,
                    GError         **error)
{
  const GlossaSchemaRelation *declared = glossa_schema_find_relation (self->annotations->schema, type);

  if (declared == NULL)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   _("There is no link type “%s” in the labels of this document"), type);
      return FALSE;
    }
  if (from == to)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   _("A span cannot be linked to itself (“%s”)"), from->text);
      return FALSE;
    }
  if (!end_allowed (declared->from, from->label))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   _("A %s link cannot start at “%s”, a %s span"),
                   type, from->text, glossa_label_to_string (from->label));
      return FALSE;
    }
  if (!end_allowed (declared->to, to->label))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   _("A %s link cannot end at “%s”, a %s span"),
                   type, to->text, glossa_label_to_string (to->label));
      return FALSE;
    }
  return TRUE;
}

static GlossaRelation *
find_live_relation (GlossaDocument *self,
                    const char     *type,
                    const char     *from_id,
                    const char     *to_id)
{
  for (guint i = 0; i < self->annotations->relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (self->annotations->relations, i);

      if (strcmp (relation->type, type) == 0 && strcmp (relation->from, from_id) == 0 &&
          strcmp (relation->to, to_id) == 0 && relation_is_live (self, relation))
        return relation;
    }
  return NULL;
}

/**
 * glossa_document_add_relation:
 * @type: a link type of the document's schema, e.g. "source"
 * @from_id: the id of the span the link starts at (the quote or claim)
 * @to_id: the id of the span it ends at (the actor)
 *
 * Adds a link as one undoable step. Both ends must exist and have labels
 * the schema allows for @type, and differ; the same link twice is refused.
 *
 * Returns: (transfer none) (nullable): the link, or %NULL on error
 */
GlossaRelation *
glossa_document_add_relation (GlossaDocument  *self,
                              const char      *type,
                              const char      *from_id,
                              const char      *to_id,
                              GError         **error)
{
  g_autoptr(GlossaRelation) relation = NULL;
  g_autofree char *id = NULL;
  GlossaSpan *from, *to;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (type != NULL && from_id != NULL && to_id != NULL, NULL);

  if (!check_writable (self, error) ||
      !(from = lookup_end (self, from_id, error)) ||
      !(to = lookup_end (self, to_id, error)) ||
      !check_new_relation (self, type, from, to, error))
    return NULL;
  if (find_live_relation (self, type, from_id, to_id) != NULL)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   _("“%s” is already linked to “%s” (%s)"), from->text, to->text, type);
      return NULL;
    }

  id = next_relation_id (self);
  relation = glossa_relation_new (id, type, from_id, to_id);
  glossa_undo_stack_record_relation (self->undo, NULL, relation);
  insert_relation (self, relation);
  after_edit (self);
  return relation;
}

/**
 * glossa_document_remove_relation:
 * @relation_id: the id of one of the document's links
 *
 * Removes a link as one undoable step.
 */
gboolean
glossa_document_remove_relation (GlossaDocument  *self,
                                 const char      *relation_id,
                                 GError         **error)
{
  GlossaRelation *relation;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (relation_id != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  relation = lookup_relation (self, relation_id);
  if (relation == NULL || !relation_is_live (self, relation))
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID, _("There is no link “%s”"), relation_id);
      return FALSE;
    }

  glossa_undo_stack_record_relation (self->undo, relation, NULL);
  delete_relation (self, relation);
  mark_changed (self);
  return TRUE;
}

/**
 * glossa_document_dup_relations:
 *
 * Returns: (transfer container): the links that would be saved now (both
 *   ends exist and are allowed), sorted as in files.
 */
GPtrArray *
glossa_document_dup_relations (GlossaDocument *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_relation_unref);

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), out);

  for (guint i = 0; i < self->annotations->relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (self->annotations->relations, i);

      if (relation_is_live (self, relation))
        g_ptr_array_add (out, glossa_relation_ref (relation));
    }
  return out;
}

static gboolean
same_value (JsonNode *a,
            JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

/* A copy of @span with attribute @name set to @value (NULL: removed). The
 * attribute object is shared between spans, so it is copied, never changed.
 */
static GlossaSpan *
span_with_attribute (GlossaSpan *span,
                     const char *name,
                     JsonNode   *value)
{
  GlossaSpan *copy = glossa_span_copy (span);
  JsonObject *attributes = json_object_new ();

  if (span->attributes != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (span->attributes);

      for (const GList *l = names; l != NULL; l = l->next)
        if (strcmp (l->data, name) != 0)
          json_object_set_member (attributes, l->data,
                                  json_node_copy (json_object_get_member (span->attributes, l->data)));
    }
  if (value != NULL)
    json_object_set_member (attributes, name, json_node_copy (value));

  g_clear_pointer (&copy->attributes, json_object_unref);
  if (json_object_get_size (attributes) > 0)
    copy->attributes = json_object_ref (attributes);
  json_object_unref (attributes);
  return copy;
}

/**
 * glossa_document_set_attribute:
 * @span_id: the id of one of the document's spans
 * @name: an attribute the schema declares for the span's label
 * @value: (nullable): its new value, a string or a boolean as declared;
 *   %NULL removes it
 *
 * Sets an attribute as one undoable step: the span is replaced by one with
 * the same id ("span-removed" then "span-added"). A "value" set this way
 * is the annotator's (value_source "annotator"), which the date
 * normaliser never overwrites.
 */
gboolean
glossa_document_set_attribute (GlossaDocument  *self,
                               const char      *span_id,
                               const char      *name,
                               JsonNode        *value,
                               GError         **error)
{
  g_autoptr(GlossaSpan) span = NULL;
  g_autofree char *where = NULL;
  GlossaSpan *old;
  JsonNode *current;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (span_id != NULL && name != NULL, FALSE);

  if (!check_writable (self, error) || !(old = lookup_end (self, span_id, error)))
    return FALSE;
  where = g_strdup_printf ("“%s”", old->text);
  if (value != NULL &&
      !glossa_format_check_attribute (self->annotations->schema, old->label, name, value,
                                      where, name, error))
    return FALSE;

  current = old->attributes ? json_object_get_member (old->attributes, name) : NULL;
  if (same_value (current, value) &&
      (strcmp (name, "value") != 0 || value == NULL ||
       g_strcmp0 (old->value_source, "annotator") == 0))
    return TRUE;

  span = span_with_attribute (old, name, value);
  if (strcmp (name, "value") == 0)
    {
      g_free (span->value_source);
      span->value_source = value != NULL ? g_strdup ("annotator") : NULL;
    }
  if (self->user != NULL)
    replace_str (&span->annotator, self->user);
  g_free (span->modified);
  span->modified = now_iso8601 ();

  glossa_undo_stack_record (self->undo, old, span);
  delete_span (self, old);
  insert_span (self, span);
  after_edit (self);
  return TRUE;
}

/**
 * glossa_document_snapshot:
 *
 * Returns: (transfer full): the annotations as they would be saved now. The
 *   spans are shared, not copied (they are immutable), so this is cheap.
 */
GlossaAnnotations *
glossa_document_snapshot (GlossaDocument *self)
{
  GlossaAnnotations *copy;
  const GlossaAnnotations *a;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);

  a = self->annotations;
  copy = glossa_annotations_new ();
  copy->doc_id = g_strdup (a->doc_id);
  copy->file = g_strdup (a->file);
  copy->sha256 = g_strdup (glossa_article_get_sha256 (self->article));
  copy->length = glossa_article_get_length (self->article);
  copy->date = g_strdup (a->date);
  copy->status = a->status;
  g_free (copy->annotator);
  copy->annotator = g_strdup (a->annotator);
  g_ptr_array_unref (copy->spans);
  copy->spans = glossa_document_dup_spans (self);
  glossa_schema_unref (copy->schema);
  copy->schema = glossa_schema_ref (a->schema);
  copy->document_extra = a->document_extra ? json_object_ref (a->document_extra) : NULL;
  copy->extra = a->extra ? json_object_ref (a->extra) : NULL;
  copy_live_relations (self, copy);
  return copy;
}

GBytes *
glossa_document_serialize (GlossaDocument *self)
{
  g_autoptr(GlossaAnnotations) snapshot = NULL;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);

  snapshot = glossa_document_snapshot (self);
  return glossa_format_write (snapshot);
}

typedef struct
{
  GlossaStore       *store;
  GlossaAnnotations *snapshot;
  guint64            serial;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->store);
  g_clear_pointer (&save->snapshot, glossa_annotations_free);
  g_free (save);
}

static gboolean
check_savable (GlossaDocument  *self,
               GError         **error)
{
  if (self->error != NULL)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY,
                   _("The annotation file did not load, so it is not written over: %s"),
                   self->error->message);
      return FALSE;
    }
  if (self->read_only)
    return check_writable (self, error);
  if (self->store == NULL)
    {
      g_set_error_literal (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED,
                           _("This document has no annotation file to save to"));
      return FALSE;
    }
  return TRUE;
}

static SaveData *
save_data_new (GlossaDocument *self)
{
  SaveData *save = g_new0 (SaveData, 1);

  save->store = g_object_ref (self->store);
  save->snapshot = glossa_document_snapshot (self);
  save->serial = self->serial;
  return save;
}

/* Runs in any thread: touches only @save. */
static gboolean
save_data_run (SaveData      *save,
               GCancellable  *cancellable,
               GError       **error)
{
  return glossa_store_save (save->store, save->snapshot, cancellable, error);
}

static void
save_data_commit (GlossaDocument *self,
                  SaveData       *save)
{
  gboolean was_modified = glossa_document_get_modified (self);

  self->saved_serial = save->serial;
  if (was_modified != glossa_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_signal_emit (self, signals[SAVED], 0, save->snapshot);
}

/**
 * glossa_document_save:
 *
 * Writes the annotations as they are now through the document's store,
 * blocking. Fails with %GLOSSA_ERROR_CONFLICT, writing nothing, if another
 * program changed what is stored since it was read or last saved.
 */
gboolean
glossa_document_save (GlossaDocument  *self,
                      GCancellable    *cancellable,
                      GError         **error)
{
  SaveData *save;
  gboolean ok;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);

  if (!check_savable (self, error))
    return FALSE;

  save = save_data_new (self);
  ok = save_data_run (save, cancellable, error);
  if (ok)
    save_data_commit (self, save);
  save_data_free (save);
  return ok;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_data_run (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void start_save (GlossaDocument *self, GTask *task);

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GlossaDocument *self = GLOSSA_DOCUMENT (object);
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiting = NULL;

  self->saving = FALSE;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    save_data_commit (self, g_task_get_task_data (G_TASK (result)));

  /* Those who asked while we were writing get a save of the newer state. */
  if (self->pending_saves->len > 0)
    {
      waiting = g_steal_pointer (&self->pending_saves);
      self->pending_saves = g_ptr_array_new_with_free_func (g_object_unref);
      start_save (self, g_object_ref (g_ptr_array_index (waiting, 0)));
      for (guint i = 1; i < waiting->len; i++)
        g_ptr_array_add (self->pending_saves, g_object_ref (g_ptr_array_index (waiting, i)));
    }

  if (error != NULL)
    g_task_return_error (outer, g_steal_pointer (&error));
  else
    g_task_return_boolean (outer, TRUE);
}

static void
start_save (GlossaDocument *self,
            GTask          *outer)
{
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;

  if (!check_savable (self, &error))
    {
      g_task_return_error (outer, error);
      g_object_unref (outer);
      return;
    }

  self->saving = TRUE;
  inner = g_task_new (self, g_task_get_cancellable (outer), save_done, outer);
  g_task_set_source_tag (inner, start_save);
  g_task_set_task_data (inner, save_data_new (self), save_data_free);
  g_task_run_in_thread (inner, save_thread);
}

/**
 * glossa_document_save_async:
 *
 * Writes the annotations as they are now through the document's store, in
 * a worker thread. Saves never overlap: one asked for while another runs
 * starts when it ends, with the state of that moment. Fails with
 * %GLOSSA_ERROR_CONFLICT, writing nothing, if another program changed what
 * is stored since it was read or last saved.
 */
void
glossa_document_save_async (GlossaDocument      *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GLOSSA_IS_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, glossa_document_save_async);

  if (self->saving)
    g_ptr_array_add (self->pending_saves, task);
  else
    start_save (self, task);
}

gboolean
glossa_document_save_finish (GlossaDocument  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * glossa_document_get_saving:
 *
 * Returns: whether a save is being written now
 */
gboolean
glossa_document_get_saving (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);
  return self->saving;
}

/**
 * glossa_document_save_copy:
 * @file: an annotation file chosen by the user
 *
 * Writes the annotations as they are now to @file, through a sidecar store
 * of its own (atomically; a folder, a FIFO or a device is refused), for
 * when the document's own store cannot be written. The document stays
 * modified: its own store still holds the older version.
 */
gboolean
glossa_document_save_copy (GlossaDocument  *self,
                           GFile           *file,
                           GError         **error)
{
  g_autoptr(GlossaStore) store = NULL;
  g_autoptr(GlossaAnnotations) snapshot = NULL;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The user chose to replace whatever is there. */
  store = glossa_file_store_new_replacing (file);
  snapshot = glossa_document_snapshot (self);
  return glossa_store_save (store, snapshot, NULL, error);
}

/**
 * glossa_document_set_aside_disk_version:
 * @copy: (out) (optional): where the other version was kept, or %NULL if
 *   there was none
 *
 * For when another program changed what is stored and the user keeps
 * their own spans: the store keeps the other version in a side file (for
 * an annotation file, NAME.annotations.other-YYYYMMDD-HHMMSS.json beside
 * it) so that nothing of it is lost, then takes it as seen, so that the
 * next save writes over it.
 *
 * Returns: whether the other version is safe; on failure what is stored is
 *   still taken as changed on disk, and saves are refused
 */
gboolean
glossa_document_set_aside_disk_version (GlossaDocument  *self,
                                        GFile          **copy,
                                        GError         **error)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (copy == NULL || *copy == NULL, FALSE);

  if (self->store == NULL)
    return TRUE;
  if (!glossa_store_set_aside_other_version (self->store, copy, error))
    return FALSE;
  /* What is stored is not what is shown: it must be written. */
  set_modified (self, self->serial + 1);
  return TRUE;
}

/**
 * glossa_document_get_serial:
 *
 * Returns: a number that grows with every change, to tell later which
 *   state a save wrote (see glossa_document_mark_saved())
 */
guint64
glossa_document_get_serial (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), 0);
  return self->serial;
}

/**
 * glossa_document_mark_saved:
 * @serial: what glossa_document_get_serial() returned when the saved
 *   snapshot was taken
 *
 * The state of @serial is stored (after a copy was written elsewhere and
 * the user chose to keep it). Changes made since keep the document
 * modified.
 */
void
glossa_document_mark_saved (GlossaDocument *self,
                            guint64         serial)
{
  gboolean was_modified;

  g_return_if_fail (GLOSSA_IS_DOCUMENT (self));
  g_return_if_fail (serial <= self->serial);

  was_modified = glossa_document_get_modified (self);
  self->saved_serial = serial;
  if (was_modified != glossa_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * glossa_document_changed_on_disk:
 *
 * Returns: whether what is stored is no longer what this document read or
 *   last wrote: another program changed, created or deleted it.
 */
gboolean
glossa_document_changed_on_disk (GlossaDocument *self)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);

  if (self->store == NULL || self->saving)
    return FALSE;
  return glossa_store_changed_on_disk (self->store);
}

/* Recovery copies */

/**
 * glossa_document_write_recovery:
 *
 * Keeps the annotations as they are now in the store's recovery copy, for
 * when they cannot be written where they belong.
 */
gboolean
glossa_document_write_recovery (GlossaDocument  *self,
                                GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);

  if (self->store == NULL)
    return TRUE;
  bytes = glossa_document_serialize (self);
  return glossa_store_write_recovery (self->store, bytes, error);
}

/* Reads the recovery copy, checked against the article as strictly as an
 * annotation file. NULL without an error when there is none.
 */
static GlossaAnnotations *
read_recovery (GlossaDocument  *self,
               GDateTime      **written,
               GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  gsize len;
  const char *data;

  if (self->store == NULL || self->error != NULL)
    return NULL;
  if (!(bytes = glossa_store_read_recovery (self->store, written, error)))
    return NULL;
  file = glossa_store_get_recovery_file (self->store);
  name = g_file_get_parse_name (file);
  data = g_bytes_get_data (bytes, &len);
  return glossa_format_read_with_schema (data, len, name, self->article, self->annotations->schema, error);
}

/**
 * glossa_document_dup_recovery_date:
 *
 * Returns: (transfer full) (nullable): when the recovery copy of this
 *   document's unsaved edits was written, if there is one that differs
 *   from what is shown and fits the article
 */
GDateTime *
glossa_document_dup_recovery_date (GlossaDocument *self)
{
  g_autoptr(GlossaAnnotations) recovered = NULL;
  g_autoptr(GDateTime) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) shown = NULL;
  g_autoptr(GBytes) kept = NULL;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);

  if (!(recovered = read_recovery (self, &written, &error)))
    {
      if (error != NULL)
        g_warning ("Ignoring the recovery copy of %s: %s",
                   glossa_article_get_name (self->article), error->message);
      return NULL;
    }
  kept = glossa_format_write (recovered);
  shown = glossa_document_serialize (self);
  if (g_bytes_equal (kept, shown))
    return NULL;
  return g_steal_pointer (&written);
}

/**
 * glossa_document_restore_recovery:
 *
 * Replaces the spans, status and annotator with those of the recovery
 * copy, as an edit to be saved (the undo history starts again). The copy
 * stays until a save succeeds.
 */
gboolean
glossa_document_restore_recovery (GlossaDocument  *self,
                                  GError         **error)
{
  g_autoptr(GlossaAnnotations) recovered = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (!(recovered = read_recovery (self, NULL, &local_error)))
    {
      if (local_error == NULL)
        local_error = g_error_new_literal (GLOSSA_ERROR, GLOSSA_ERROR_FAILED,
                                           _("There is no recovery copy to restore"));
      g_propagate_error (error, local_error);
      return FALSE;
    }

  glossa_undo_stack_clear (self->undo);
  set_spans (self, recovered->spans);
  glossa_document_set_annotator (self, recovered->annotator);
  glossa_document_set_status (self, recovered->status);
  mark_changed (self);
  return TRUE;
}

void
glossa_document_discard_recovery (GlossaDocument *self)
{
  g_return_if_fail (GLOSSA_IS_DOCUMENT (self));

  if (self->store != NULL)
    glossa_store_discard_recovery (self->store);
}

/**
 * glossa_document_add_span_copy:
 * @span: a span from another annotation set of the same article
 *
 * Adds @span as it is: its annotator, origin, times, note and unknown
 * members stay (review keeps where a span came from). Its id is kept
 * unless this document has it already; its text is the article's own
 * slice. Adding a span that is already there (same start, end and label)
 * changes nothing and returns it.
 *
 * Returns: (transfer none) (nullable): the span, or %NULL on error
 */
GlossaSpan *
glossa_document_add_span_copy (GlossaDocument    *self,
                               const GlossaSpan  *span,
                               GError           **error)
{
  g_autoptr(GlossaSpan) copy = NULL;
  GlossaSpan *existing;

  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (span != NULL, NULL);

  if (!check_writable (self, error) || !check_range (self, span->start, span->end, error))
    return NULL;
  if ((existing = find_same_key (self, span->start, span->end, span->label)))
    return existing;

  copy = glossa_span_copy (span);
  g_free (copy->text);
  copy->text = glossa_article_slice (self->article, span->start, span->end);
  if (g_hash_table_contains (self->by_id, copy->id))
    {
      g_free (copy->id);
      copy->id = next_span_id (self);
    }

  glossa_undo_stack_record (self->undo, NULL, copy);
  insert_span (self, copy);
  after_edit (self);
  return copy;
}

/**
 * glossa_document_get_extra_member:
 * @member: a top-level member of the annotation file that Glossa does not
 *   read itself, e.g. the adjudicated file's "decisions"
 *
 * Returns: (transfer none) (nullable): its value as last read or set
 */
JsonNode *
glossa_document_get_extra_member (GlossaDocument *self,
                                  const char     *member)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (member != NULL, NULL);

  if (self->annotations->extra == NULL)
    return NULL;
  return json_object_get_member (self->annotations->extra, member);
}

/**
 * glossa_document_set_extra_member:
 * @value: (transfer full): the new value
 *
 * Sets a top-level member kept as it is, and saves it like any change.
 * It is not an undoable step: it is a record kept beside the spans.
 */
void
glossa_document_set_extra_member (GlossaDocument *self,
                                  const char     *member,
                                  JsonNode       *value)
{
  g_return_if_fail (GLOSSA_IS_DOCUMENT (self));
  g_return_if_fail (member != NULL && value != NULL);

  if (self->read_only)
    {
      json_node_unref (value);
      return;
    }
  put_extra_member (self, member, value);
  mark_changed (self);
}

/* Sets @member to @value (transfer full), or removes it with NULL. */
static void
put_extra_member (GlossaDocument *self,
                  const char     *member,
                  JsonNode       *value)
{
  /* Snapshots share the object: a new one, so that a save running
   * in another thread never sees it change.
   */
  if (self->annotations->extra != NULL)
    {
      JsonObject *copy = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (self->annotations->extra);

      for (const GList *l = members; l != NULL; l = l->next)
        json_object_set_member (copy, l->data,
                                json_node_copy (json_object_get_member (self->annotations->extra, l->data)));
      json_object_unref (self->annotations->extra);
      self->annotations->extra = copy;
    }
  else
    self->annotations->extra = json_object_new ();
  if (value != NULL)
    json_object_set_member (self->annotations->extra, member, value);
  else
    json_object_remove_member (self->annotations->extra, member);
}

/**
 * glossa_document_set_extra_member_undoable:
 * @value: (transfer full): the new value, which must not change afterwards
 *   (the undo history shares it)
 * @description: what Undo calls the step
 *
 * As glossa_document_set_extra_member(), as one undoable step (or part of
 * the group open): undo gives the member its value before, or removes it
 * if it had none. Rejecting a suggestion is undone so.
 */
void
glossa_document_set_extra_member_undoable (GlossaDocument *self,
                                           const char     *member,
                                           JsonNode       *value,
                                           const char     *description)
{
  g_return_if_fail (GLOSSA_IS_DOCUMENT (self));
  g_return_if_fail (member != NULL && value != NULL);

  if (self->read_only)
    {
      json_node_unref (value);
      return;
    }
  glossa_undo_stack_begin_group (self->undo, description);
  glossa_undo_stack_record_member (self->undo, member, glossa_document_get_extra_member (self, member), value);
  put_extra_member (self, member, value);
  glossa_undo_stack_end_group (self->undo);
  /* An edit like any other: the user becomes the annotator, as redo does. */
  after_edit (self);
}

/**
 * glossa_document_set_mark_added:
 * @mark_added: whether spans added from now on are the reviewer's own
 *
 * In an adjudicated set, a span the reviewer tags by hand says so: it gets
 * the "review" member {"decision": "added"} (glossa-merge.h).
 */
void
glossa_document_set_mark_added (GlossaDocument *self,
                                gboolean        mark_added)
{
  g_return_if_fail (GLOSSA_IS_DOCUMENT (self));
  self->mark_added = !!mark_added;
}
