/* glossa-corpus.c: a folder or JSON Lines file of articles
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-corpus.h"
#include "glossa-corpus-private.h"
#include "glossa-error.h"
#include "glossa-format-private.h"

#define BATCH_SIZE      2000
#define BATCH_INTERVAL  (100 * G_TIME_SPAN_MILLISECOND)

struct _GlossaCorpusItem
{
  GObject            parent_instance;

  GlossaCorpusIndex *index;
  guint              position;
  GlossaStatus       status;
  guint              n_spans;
  GlossaLabelCounts  labels;
  char              *date;      /* nullable: overrides the entry's */
  GFile             *file;      /* created when first asked for */
  GError            *error;     /* nullable: why its article could not be read */
  guint              loaded : 1;
  /* Set by a save: anything the background reader says about this item
   * was read before and is older.
   */
  guint              pinned : 1;
  int                review_left;  /* -1: not in review */
};

struct _GlossaCorpus
{
  GObject            parent_instance;

  GFile             *file;
  GlossaCorpusIndex *index;
  GPtrArray         *items;
  GPtrArray         *warnings;  /* NULL-terminated */
  GMainContext      *context;
  GCancellable      *loader_cancellable;
  guint              status_counts[GLOSSA_N_STATUSES];
  guint              loading : 1;
};

static void glossa_corpus_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (GlossaCorpusItem, glossa_corpus_item, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (GlossaCorpus, glossa_corpus, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      glossa_corpus_list_model_init))

enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_NAME,
  ITEM_PROP_TITLE,
  ITEM_PROP_DATE,
  ITEM_PROP_STATUS,
  ITEM_PROP_N_SPANS,
  ITEM_PROP_LOADED,
  ITEM_PROP_POSITION,
  ITEM_PROP_ERROR,
  ITEM_PROP_REVIEW_LEFT,
  N_ITEM_PROPS
};

enum {
  PROP_0,
  PROP_FILE,
  PROP_KIND,
  PROP_WARNINGS,
  PROP_LOADING,
  PROP_N_DONE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];
static GParamSpec *properties[N_PROPS];

/* The index */

static void
entry_clear (gpointer data)
{
  glossa_label_counts_clear (&((GlossaCorpusEntry *) data)->labels);
}

static GlossaCorpusIndex *
index_new (GlossaCorpusKind  kind,
           GFile            *file)
{
  GlossaCorpusIndex *index = g_new0 (GlossaCorpusIndex, 1);

  g_atomic_ref_count_init (&index->ref_count);
  index->kind = kind;
  index->path = g_file_get_path (file);
  index->display = g_file_get_parse_name (file);
  if (kind == GLOSSA_CORPUS_JSONL)
    {
      g_autoptr(GFile) annotations = glossa_corpus_annotations_file_for_jsonl (file);

      index->annotations_path = g_file_get_path (annotations);
      index->annotations_display = g_file_get_parse_name (annotations);
    }
  index->strings = g_string_chunk_new (64 * 1024);
  index->schema = glossa_schema_get_default ();
  index->folder_schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) glossa_schema_unref);
  index->entries = g_array_new (FALSE, TRUE, sizeof (GlossaCorpusEntry));
  g_array_set_clear_func (index->entries, entry_clear);
  index->ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_mutex_init (&index->mutex);
  return index;
}

GlossaCorpusIndex *
_glossa_corpus_index_ref (GlossaCorpusIndex *index)
{
  g_atomic_ref_count_inc (&index->ref_count);
  return index;
}

void
_glossa_corpus_index_unref (GlossaCorpusIndex *index)
{
  if (!g_atomic_ref_count_dec (&index->ref_count))
    return;

  g_free (index->path);
  g_free (index->display);
  g_free (index->annotations_path);
  g_free (index->annotations_display);
  g_hash_table_unref (index->ids);
  g_array_unref (index->entries);
  g_string_chunk_free (index->strings);
  g_clear_pointer (&index->schema, glossa_schema_unref);
  g_clear_pointer (&index->folder_schemas, g_hash_table_unref);
  g_clear_pointer (&index->lines, g_hash_table_unref);
  g_mutex_clear (&index->mutex);
  g_free (index);
}

/* The schema of the article at @path (relative to the corpus folder): the
 * nearest glossa-schema.json up to the corpus root, read once per folder.
 */
GlossaSchema *
_glossa_corpus_index_schema_for (GlossaCorpusIndex  *index,
                                 const char         *path,
                                 GError            **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  GlossaSchema *schema;

  if (index->kind != GLOSSA_CORPUS_FOLDER || strcmp (folder, ".") == 0)
    return glossa_schema_ref (index->schema);

  g_mutex_lock (&index->mutex);
  schema = g_hash_table_lookup (index->folder_schemas, folder);
  if (schema == NULL)
    {
      g_autofree char *full = g_build_filename (index->path, path, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (full);
      g_autoptr(GFile) root = g_file_new_for_path (index->path);

      schema = glossa_schema_find_for (file, root, error);
      if (schema != NULL)
        g_hash_table_insert (index->folder_schemas, g_strdup (folder), schema);
    }
  g_mutex_unlock (&index->mutex);
  return schema != NULL ? glossa_schema_ref (schema) : NULL;
}

const char *
_glossa_corpus_index_intern (GlossaCorpusIndex *index,
                             const char        *str)
{
  return str ? g_string_chunk_insert (index->strings, str) : NULL;
}

void
_glossa_corpus_result_clear (gpointer data)
{
  _glossa_format_summary_clear (&((GlossaCorpusResult *) data)->summary);
}

/* Files */

gboolean
_glossa_corpus_set_errno_error (GError     **error,
                                int          errsv,
                                const char  *display)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               "%s: %s", display, g_strerror (errsv));
  return FALSE;
}

void
_glossa_corpus_add_warning (GPtrArray    *warnings,
                            const GError *error)
{
  g_ptr_array_add (warnings, g_strdup (error->message));
}

/* Items */

static void
glossa_corpus_item_finalize (GObject *object)
{
  GlossaCorpusItem *self = GLOSSA_CORPUS_ITEM (object);

  g_clear_pointer (&self->index, _glossa_corpus_index_unref);
  g_clear_pointer (&self->date, g_free);
  glossa_label_counts_clear (&self->labels);
  g_clear_object (&self->file);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (glossa_corpus_item_parent_class)->finalize (object);
}

static void
glossa_corpus_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GlossaCorpusItem *self = GLOSSA_CORPUS_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_string (value, glossa_corpus_item_get_id (self));
      break;
    case ITEM_PROP_NAME:
      g_value_set_string (value, glossa_corpus_item_get_name (self));
      break;
    case ITEM_PROP_TITLE:
      g_value_set_string (value, glossa_corpus_item_get_title (self));
      break;
    case ITEM_PROP_DATE:
      g_value_set_string (value, glossa_corpus_item_get_date (self));
      break;
    case ITEM_PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    case ITEM_PROP_N_SPANS:
      g_value_set_uint (value, self->n_spans);
      break;
    case ITEM_PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case ITEM_PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case ITEM_PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case ITEM_PROP_REVIEW_LEFT:
      g_value_set_int (value, self->review_left);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_corpus_item_class_init (GlossaCorpusItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = glossa_corpus_item_finalize;
  object_class->get_property = glossa_corpus_item_get_property;

  item_properties[ITEM_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  /* A GlossaStatus; the core registers no enum types. */
  item_properties[ITEM_PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, GLOSSA_N_STATUSES - 1, GLOSSA_STATUS_TODO, flags);
  item_properties[ITEM_PROP_N_SPANS] =
    g_param_spec_uint ("n-spans", NULL, NULL, 0, G_MAXUINT, 0, flags);
  item_properties[ITEM_PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  item_properties[ITEM_PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  item_properties[ITEM_PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, flags);
  item_properties[ITEM_PROP_REVIEW_LEFT] =
    g_param_spec_int ("review-left", NULL, NULL, -1, G_MAXINT, -1, flags);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
glossa_corpus_item_init (GlossaCorpusItem *self)
{
  self->review_left = -1;
}

static GlossaCorpusItem *
item_new (GlossaCorpusIndex *index,
          guint              position)
{
  GlossaCorpusItem *self = g_object_new (GLOSSA_TYPE_CORPUS_ITEM, NULL);
  const GlossaCorpusEntry *entry = _glossa_corpus_index_entry (index, position);

  self->index = _glossa_corpus_index_ref (index);
  self->position = position;
  self->status = entry->status;
  self->n_spans = entry->n_spans;
  glossa_label_counts_copy (&self->labels, &entry->labels);
  /* Without an annotation file there is nothing more to read. */
  self->loaded = index->kind == GLOSSA_CORPUS_FOLDER && !entry->has_sidecar;
  return self;
}

static inline const GlossaCorpusEntry *
item_entry (GlossaCorpusItem *self)
{
  return _glossa_corpus_index_entry (self->index, self->position);
}

const char *
glossa_corpus_item_get_id (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), NULL);
  return item_entry (self)->id;
}

const char *
glossa_corpus_item_get_name (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), NULL);
  return item_entry (self)->name;
}

const char *
glossa_corpus_item_get_title (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), NULL);
  return item_entry (self)->title;
}

const char *
glossa_corpus_item_get_date (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), NULL);
  return self->date ? self->date : item_entry (self)->date;
}

GlossaStatus
glossa_corpus_item_get_status (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), GLOSSA_STATUS_TODO);
  return self->status;
}

guint
glossa_corpus_item_get_n_spans (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), 0);
  return self->n_spans;
}

/* Returns: (transfer none): the item's spans per label */
const GlossaLabelCounts *
glossa_corpus_item_get_label_counts (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), NULL);
  return &self->labels;
}

guint
glossa_corpus_item_get_label_count (GlossaCorpusItem *self,
                                    GlossaLabel       label)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), 0);
  return glossa_label_counts_get (&self->labels, label);
}

gboolean
glossa_corpus_item_get_loaded (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), FALSE);
  return self->loaded;
}

guint
glossa_corpus_item_get_position (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), 0);
  return self->position;
}

const GError *
glossa_corpus_item_get_error (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), NULL);
  return self->error;
}

/* Takes @error (nullable), notifying only a change. */
static void
item_set_error (GlossaCorpusItem *self,
                GError           *error)
{
  gboolean same = (self->error == NULL && error == NULL) ||
                  (self->error != NULL && error != NULL &&
                   g_error_matches (self->error, error->domain, error->code) &&
                   g_str_equal (self->error->message, error->message));

  g_clear_error (&self->error);
  self->error = error;
  if (!same)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_ERROR]);
}

static char *
entry_article_path (GlossaCorpusIndex       *index,
                    const GlossaCorpusEntry *entry)
{
  return g_build_filename (index->path, entry->path, NULL);
}

GFile *
glossa_corpus_item_get_file (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), NULL);

  if (self->index->kind != GLOSSA_CORPUS_FOLDER)
    return NULL;
  if (self->file == NULL)
    {
      g_autofree char *path = entry_article_path (self->index, item_entry (self));
      self->file = g_file_new_for_path (path);
    }
  return self->file;
}

/* The corpus */

static gpointer
glossa_corpus_get_item (GListModel *model,
                        guint       position)
{
  GlossaCorpus *self = GLOSSA_CORPUS (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static guint
glossa_corpus_get_n_items (GListModel *model)
{
  return GLOSSA_CORPUS (model)->items->len;
}

static GType
glossa_corpus_get_item_type (GListModel *model)
{
  return GLOSSA_TYPE_CORPUS_ITEM;
}

static void
glossa_corpus_list_model_init (GListModelInterface *iface)
{
  iface->get_item = glossa_corpus_get_item;
  iface->get_n_items = glossa_corpus_get_n_items;
  iface->get_item_type = glossa_corpus_get_item_type;
}

static void
glossa_corpus_dispose (GObject *object)
{
  GlossaCorpus *self = GLOSSA_CORPUS (object);

  /* The reader of statuses holds only a weak reference: stop it. */
  if (self->loader_cancellable)
    g_cancellable_cancel (self->loader_cancellable);
  g_clear_object (&self->loader_cancellable);

  G_OBJECT_CLASS (glossa_corpus_parent_class)->dispose (object);
}

static void
glossa_corpus_finalize (GObject *object)
{
  GlossaCorpus *self = GLOSSA_CORPUS (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->index, _glossa_corpus_index_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (glossa_corpus_parent_class)->finalize (object);
}

static void
glossa_corpus_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GlossaCorpus *self = GLOSSA_CORPUS (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->index->kind);
      break;
    case PROP_WARNINGS:
      g_value_set_boxed (value, glossa_corpus_get_warnings (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->status_counts[GLOSSA_STATUS_DONE]);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_corpus_class_init (GlossaCorpusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = glossa_corpus_dispose;
  object_class->finalize = glossa_corpus_finalize;
  object_class->get_property = glossa_corpus_get_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, GLOSSA_CORPUS_JSONL,
                                             GLOSSA_CORPUS_FOLDER, flags);
  properties[PROP_WARNINGS] = g_param_spec_boxed ("warnings", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
glossa_corpus_init (GlossaCorpus *self)
{
  self->warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

GlossaCorpusKind
glossa_corpus_get_kind (GlossaCorpus *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), GLOSSA_CORPUS_FOLDER);
  return self->index->kind;
}

GFile *
glossa_corpus_get_file (GlossaCorpus *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), NULL);
  return self->file;
}

const char * const *
glossa_corpus_get_warnings (GlossaCorpus *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), NULL);
  /* An empty array may have no storage yet. */
  if (self->warnings->pdata == NULL)
    return none;
  return (const char * const *) self->warnings->pdata;
}

/**
 * glossa_corpus_get_read_only:
 *
 * Returns: whether this is a dataset exported by `glossa export` (JSONL
 *   lines with a "status"), whose documents are for reading only
 */
gboolean
glossa_corpus_get_read_only (GlossaCorpus *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), FALSE);
  return self->index->kind == GLOSSA_CORPUS_JSONL && self->index->exported;
}

gboolean
glossa_corpus_get_loading (GlossaCorpus *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), FALSE);
  return self->loading;
}

guint
glossa_corpus_count_status (GlossaCorpus *self,
                            GlossaStatus  status)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), 0);
  g_return_val_if_fail ((guint) status < GLOSSA_N_STATUSES, 0);
  return self->status_counts[status];
}

gboolean
glossa_corpus_lookup (GlossaCorpus *self,
                      const char   *id,
                      guint        *position)
{
  guint found;

  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  /* JSONL ids are registered while reading, to find duplicates; a
   * folder's only when first asked for, as `glossa stats` never does.
   */
  if (self->index->kind == GLOSSA_CORPUS_FOLDER && g_hash_table_size (self->index->ids) == 0)
    for (guint i = 0; i < self->index->entries->len; i++)
      g_hash_table_insert (self->index->ids, (gpointer) _glossa_corpus_index_entry (self->index, i)->id,
                           GUINT_TO_POINTER (i + 1));

  found = GPOINTER_TO_UINT (g_hash_table_lookup (self->index->ids, id));
  if (found == 0)
    return FALSE;
  if (position)
    *position = found - 1;
  return TRUE;
}

static void
add_warnings (GlossaCorpus *self,
              GPtrArray    *warnings)
{
  if (warnings == NULL || warnings->len == 0)
    return;
  for (guint i = 0; i < warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (g_ptr_array_index (warnings, i)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNINGS]);
}

static void
set_loading (GlossaCorpus *self,
             gboolean      loading)
{
  if (self->loading == !!loading)
    return;
  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Opening */

GFile *
glossa_corpus_annotations_file_for_jsonl (GFile *jsonl_file)
{
  g_autofree char *path = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *sidecar = NULL;

  g_return_val_if_fail (G_IS_FILE (jsonl_file), NULL);

  path = g_file_get_path (jsonl_file);
  g_return_val_if_fail (path != NULL, NULL);
  stem = g_str_has_suffix (path, ".jsonl") ? g_strndup (path, strlen (path) - strlen (".jsonl"))
                                           : g_strdup (path);
  sidecar = g_strconcat (stem, GLOSSA_ANNOTATIONS_JSONL_SUFFIX, NULL);
  return g_file_new_for_path (sidecar);
}

static GlossaCorpus *
corpus_new (GFile             *file,
            GlossaCorpusIndex *index,
            GPtrArray         *warnings,
            GMainContext      *context)
{
  GlossaCorpus *self = g_object_new (GLOSSA_TYPE_CORPUS, NULL);

  self->file = g_object_ref (file);
  self->index = _glossa_corpus_index_ref (index);
  self->context = g_main_context_ref (context);
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_free_func (self->items, g_object_unref);
  for (guint i = 0; i < index->entries->len; i++)
    {
      GlossaCorpusItem *item = item_new (index, i);

      self->status_counts[item->status]++;
      g_ptr_array_add (self->items, item);
    }

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (g_ptr_array_index (warnings, i)));
  return self;
}

static GlossaCorpus *
corpus_open (GFile         *file,
             GMainContext  *context,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GlossaCorpusIndex) index = NULL;
  g_autofree char *path = g_file_get_path (file);
  GFileType type;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: only local files and folders can be opened as a corpus"), uri);
      return NULL;
    }

  type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable);
  index = index_new (type == G_FILE_TYPE_DIRECTORY ? GLOSSA_CORPUS_FOLDER : GLOSSA_CORPUS_JSONL, file);
  /* A broken schema stops the opening: never read a corpus under the
   * wrong labels.
   */
  glossa_schema_unref (index->schema);
  index->schema = glossa_schema_find_for (file, file, error);
  if (index->schema == NULL)
    return NULL;
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      if (!_glossa_corpus_read_folder (index, warnings, cancellable, error))
        return NULL;
    }
  else
    {
      if (!_glossa_corpus_read_jsonl (index, warnings, cancellable, error))
        return NULL;
    }

  return corpus_new (file, index, warnings, context);
}

/**
 * glossa_corpus_open:
 * @file: a folder, or a JSONL file
 *
 * Reads the list of articles. The statuses are not read: call
 * glossa_corpus_load_statuses() for them.
 *
 * Returns: (transfer full): the corpus, or %NULL if @file cannot be read
 */
GlossaCorpus *
glossa_corpus_open (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GMainContext) context = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  context = g_main_context_ref_thread_default ();
  return corpus_open (file, context, cancellable, error);
}

typedef struct
{
  GFile        *file;
  GMainContext *context;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open = data;

  g_clear_object (&open->file);
  g_clear_pointer (&open->context, g_main_context_unref);
  g_free (open);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *open = task_data;
  GError *error = NULL;
  GlossaCorpus *corpus = corpus_open (open->file, open->context, cancellable, &error);

  if (corpus == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, corpus, g_object_unref);
}

void
glossa_corpus_open_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *open;

  g_return_if_fail (G_IS_FILE (file));

  open = g_new0 (OpenData, 1);
  open->file = g_object_ref (file);
  open->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, glossa_corpus_open_async);
  g_task_set_task_data (task, open, open_data_free);
  g_task_run_in_thread (task, open_thread);
}

static void start_loading (GlossaCorpus *self);

GlossaCorpus *
glossa_corpus_open_finish (GAsyncResult  *result,
                           GError       **error)
{
  GlossaCorpus *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  self = g_task_propagate_pointer (G_TASK (result), error);
  if (self != NULL)
    start_loading (self);
  return self;
}

/* Statuses */

/* What a reader found, applied on the corpus's thread. */
typedef struct
{
  GWeakRef   corpus;
  GArray    *results;    /* of GlossaCorpusResult */
  GPtrArray *warnings;
  gboolean   last;
} Batch;

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  g_weak_ref_init (&batch->corpus, NULL);
  batch->results = g_array_new (FALSE, TRUE, sizeof (GlossaCorpusResult));
  g_array_set_clear_func (batch->results, _glossa_corpus_result_clear);
  batch->warnings = g_ptr_array_new_with_free_func (g_free);
  return batch;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_weak_ref_clear (&batch->corpus);
  g_array_unref (batch->results);
  g_ptr_array_unref (batch->warnings);
  g_free (batch);
}

static void
item_set_date (GlossaCorpusItem *item,
               char             *date)
{
  if (date == NULL || g_strcmp0 (date, glossa_corpus_item_get_date (item)) == 0)
    {
      g_free (date);
      return;
    }
  g_free (item->date);
  item->date = date;
  g_object_notify_by_pspec (G_OBJECT (item), item_properties[ITEM_PROP_DATE]);
}

static void
item_set_loaded (GlossaCorpusItem *item)
{
  if (item->loaded)
    return;
  item->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (item), item_properties[ITEM_PROP_LOADED]);
}

static void
corpus_set_summary (GlossaCorpus        *self,
                    guint                position,
                    GlossaFormatSummary *summary)
{
  GlossaCorpusItem *item = g_ptr_array_index (self->items, position);
  GlossaStatus old_status = item->status;

  g_object_freeze_notify (G_OBJECT (item));

  glossa_label_counts_copy (&item->labels, &summary->labels);
  if (item->status != summary->status)
    {
      self->status_counts[item->status]--;
      self->status_counts[summary->status]++;
      item->status = summary->status;
      g_object_notify_by_pspec (G_OBJECT (item), item_properties[ITEM_PROP_STATUS]);
    }
  if (item->n_spans != summary->n_spans)
    {
      item->n_spans = summary->n_spans;
      g_object_notify_by_pspec (G_OBJECT (item), item_properties[ITEM_PROP_N_SPANS]);
    }
  item_set_date (item, g_steal_pointer (&summary->date));
  item_set_loaded (item);

  g_object_thaw_notify (G_OBJECT (item));

  if ((old_status == GLOSSA_STATUS_DONE) != (summary->status == GLOSSA_STATUS_DONE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
}

static void
corpus_apply_batch (GlossaCorpus *self,
                    Batch        *batch)
{
  guint old_done = self->status_counts[GLOSSA_STATUS_DONE];

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < batch->results->len; i++)
    {
      GlossaCorpusResult *result = &g_array_index (batch->results, GlossaCorpusResult, i);
      GlossaCorpusItem *item = g_ptr_array_index (self->items, result->position);

      if (item->pinned)
        continue;

      switch (result->kind)
        {
        case GLOSSA_CORPUS_RESULT_SUMMARY:
          corpus_set_summary (self, result->position, &result->summary);
          break;
        case GLOSSA_CORPUS_RESULT_DATE:
          item_set_date (item, g_steal_pointer (&result->summary.date));
          break;
        case GLOSSA_CORPUS_RESULT_LOADED:
          item_set_loaded (item);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  add_warnings (self, batch->warnings);
  if (batch->last)
    set_loading (self, FALSE);

  if (old_done != self->status_counts[GLOSSA_STATUS_DONE])
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Where a reader sends its batches: straight to the corpus when it runs on
 * the corpus's thread, through the corpus's main context otherwise.
 */
struct _GlossaCorpusSink
{
  GlossaCorpus *direct;      /* nullable */
  GMainContext *context;
  GWeakRef     *corpus;      /* when not direct */
  Batch        *batch;       /* being filled */
  gint64        last_sent;
};

static gboolean
apply_batch_cb (gpointer data)
{
  Batch *batch = data;
  g_autoptr(GlossaCorpus) corpus = g_weak_ref_get (&batch->corpus);

  if (corpus != NULL)
    corpus_apply_batch (corpus, batch);
  return G_SOURCE_REMOVE;
}

GlossaCorpusResult *
_glossa_corpus_sink_add (GlossaCorpusSink       *sink,
                         GlossaCorpusResultKind  kind,
                         guint                   position)
{
  GlossaCorpusResult result = { kind, position, { 0 } };

  if (sink->batch == NULL)
    sink->batch = batch_new ();
  g_array_append_val (sink->batch->results, result);
  return &g_array_index (sink->batch->results, GlossaCorpusResult, sink->batch->results->len - 1);
}

GPtrArray *
_glossa_corpus_sink_warnings (GlossaCorpusSink *sink)
{
  if (sink->batch == NULL)
    sink->batch = batch_new ();
  return sink->batch->warnings;
}

static void
sink_flush (GlossaCorpusSink *sink,
            gboolean          last)
{
  Batch *batch = sink->batch;

  if (batch == NULL)
    {
      if (!last)
        return;
      batch = batch_new ();
    }
  sink->batch = NULL;
  sink->last_sent = g_get_monotonic_time ();
  batch->last = last;

  if (sink->direct != NULL)
    {
      corpus_apply_batch (sink->direct, batch);
      batch_free (batch);
      return;
    }

  {
    g_autoptr(GlossaCorpus) corpus = g_weak_ref_get (sink->corpus);
    g_weak_ref_set (&batch->corpus, corpus);
  }
  g_main_context_invoke_full (sink->context, G_PRIORITY_DEFAULT, apply_batch_cb, batch, batch_free);
}

/* Sends the batch when it is big or old enough that the list should show
 * it: the first statuses appear at once, and 100,000 of them do not flood
 * the main loop with a callback each.
 */
void
_glossa_corpus_sink_maybe_flush (GlossaCorpusSink *sink)
{
  if (sink->batch != NULL &&
      (sink->batch->results->len >= BATCH_SIZE ||
       g_get_monotonic_time () - sink->last_sent >= BATCH_INTERVAL))
    sink_flush (sink, FALSE);
}

static void
read_statuses (GlossaCorpusIndex *index,
               GlossaCorpusSink  *sink,
               GCancellable      *cancellable)
{
  switch (index->kind)
    {
    case GLOSSA_CORPUS_FOLDER:
      _glossa_corpus_read_folder_statuses (index, sink, cancellable);
      break;
    case GLOSSA_CORPUS_JSONL:
      _glossa_corpus_read_jsonl_statuses (index, sink, cancellable);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
glossa_corpus_load_statuses (GlossaCorpus *self,
                             GCancellable *cancellable)
{
  GlossaCorpusSink sink = { 0 };

  g_return_if_fail (GLOSSA_IS_CORPUS (self));

  sink.direct = self;
  read_statuses (self->index, &sink, cancellable);
  sink_flush (&sink, TRUE);
}

void
glossa_corpus_load_dates (GlossaCorpus *self,
                          GCancellable *cancellable)
{
  GlossaCorpusSink sink = { 0 };

  g_return_if_fail (GLOSSA_IS_CORPUS (self));

  sink.direct = self;
  _glossa_corpus_read_dates (self->index, &sink, cancellable);
  sink_flush (&sink, FALSE);
}

typedef struct
{
  GlossaCorpusIndex *index;
  GMainContext      *context;
  GWeakRef           corpus;
} LoaderData;

static void
loader_data_free (gpointer data)
{
  LoaderData *loader = data;

  _glossa_corpus_index_unref (loader->index);
  g_main_context_unref (loader->context);
  g_weak_ref_clear (&loader->corpus);
  g_free (loader);
}

static void
loader_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LoaderData *loader = task_data;
  GlossaCorpusSink sink = { 0 };

  sink.context = loader->context;
  sink.corpus = &loader->corpus;
  sink.last_sent = g_get_monotonic_time ();

  read_statuses (loader->index, &sink, cancellable);
  sink_flush (&sink, FALSE);
  _glossa_corpus_read_dates (loader->index, &sink, cancellable);
  sink_flush (&sink, TRUE);
  g_task_return_boolean (task, TRUE);
}

/* Reads statuses, then dates, in a worker thread that only holds a weak
 * reference to the corpus: closing the corpus cancels it.
 */
static void
start_loading (GlossaCorpus *self)
{
  g_autoptr(GTask) task = NULL;
  LoaderData *loader;

  g_return_if_fail (self->loader_cancellable == NULL);

  self->loader_cancellable = g_cancellable_new ();
  loader = g_new0 (LoaderData, 1);
  loader->index = _glossa_corpus_index_ref (self->index);
  loader->context = g_main_context_ref (self->context);
  g_weak_ref_init (&loader->corpus, self);

  set_loading (self, TRUE);
  task = g_task_new (NULL, self->loader_cancellable, NULL, NULL);
  g_task_set_source_tag (task, start_loading);
  g_task_set_task_data (task, loader, loader_data_free);
  g_task_run_in_thread (task, loader_thread);
}

/* Documents */

/**
 * glossa_corpus_load_document:
 *
 * Returns: (transfer full): the document of item @position, or %NULL if the
 *   article cannot be read. In a folder corpus, as with
 *   glossa_document_open(), annotations that do not load leave the document
 *   read-only with its error; in a JSONL corpus they fail the load.
 */
static void follow_document (GlossaCorpus   *self,
                             guint           position,
                             GlossaDocument *document);

GlossaDocument *
glossa_corpus_load_document (GlossaCorpus  *self,
                             guint          position,
                             GCancellable  *cancellable,
                             GError       **error)
{
  GlossaDocument *document = NULL;
  GlossaCorpusIndex *index;

  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), NULL);
  g_return_val_if_fail (position < self->index->entries->len, NULL);

  index = self->index;
  switch (index->kind)
    {
    case GLOSSA_CORPUS_FOLDER:
      {
        g_autofree char *path = entry_article_path (index, _glossa_corpus_index_entry (index, position));
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(GFile) annotations = glossa_annotations_file_for_article (file);
        g_autoptr(GFile) root = g_file_new_for_path (index->path);

        document = glossa_document_open_in_corpus (file, annotations, root, cancellable, error);
      }
      break;
    case GLOSSA_CORPUS_JSONL:
      document = _glossa_corpus_load_jsonl_document (index, position, cancellable, error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (document != NULL)
    follow_document (self, position, document);
  return document;
}

static void
load_document_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  GlossaDocument *document;

  document = glossa_corpus_load_document (source_object, GPOINTER_TO_UINT (task_data),
                                          cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
glossa_corpus_load_document_async (GlossaCorpus        *self,
                                   guint                position,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GLOSSA_IS_CORPUS (self));
  g_return_if_fail (position < self->index->entries->len);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, glossa_corpus_load_document_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (position), NULL);
  g_task_run_in_thread (task, load_document_thread);
}

/* The item remembers whether its article could be read, for the list: an
 * article that cannot be read must not look like one not yet started.
 */
GlossaDocument *
glossa_corpus_load_document_finish (GlossaCorpus  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GlossaDocument *document;
  guint position;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  position = GPOINTER_TO_UINT (g_task_get_task_data (G_TASK (result)));
  document = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (position < self->items->len && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    item_set_error (g_ptr_array_index (self->items, position),
                    local_error != NULL ? g_error_copy (local_error) : NULL);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return document;
}

/* Saving */

static void
summary_from_annotations (GlossaFormatSummary     *summary,
                          const GlossaAnnotations *annotations)
{
  memset (summary, 0, sizeof *summary);
  summary->status = annotations->status;
  summary->n_spans = annotations->spans->len;
  for (guint i = 0; i < annotations->spans->len; i++)
    glossa_label_counts_add (&summary->labels, ((GlossaSpan *) g_ptr_array_index (annotations->spans, i))->label, 1);
  summary->date = g_strdup (annotations->date);
}

/* After a save, the item shows what was saved, whatever the background
 * reader may still have to say.
 */
static void
corpus_saved (GlossaCorpus            *self,
              guint                    position,
              const GlossaAnnotations *annotations)
{
  GlossaCorpusItem *item = g_ptr_array_index (self->items, position);
  GlossaFormatSummary summary;

  summary_from_annotations (&summary, annotations);
  if (self->index->kind == GLOSSA_CORPUS_JSONL)
    g_clear_pointer (&summary.date, g_free);
  corpus_set_summary (self, position, &summary);
  _glossa_format_summary_clear (&summary);
  item->pinned = TRUE;
}

/* Every save of a document of the corpus, whoever asks for it, shows in
 * its item.
 */
typedef struct
{
  GWeakRef corpus;
  guint    position;
} Follow;

static void
follow_free (gpointer  data,
             GClosure *closure)
{
  Follow *follow = data;

  g_weak_ref_clear (&follow->corpus);
  g_free (follow);
}

static void
on_document_saved (GlossaDocument          *document,
                   const GlossaAnnotations *annotations,
                   Follow                  *follow)
{
  g_autoptr(GlossaCorpus) self = g_weak_ref_get (&follow->corpus);

  if (self != NULL)
    corpus_saved (self, follow->position, annotations);
}

static void
follow_document (GlossaCorpus   *self,
                 guint           position,
                 GlossaDocument *document)
{
  Follow *follow = g_new0 (Follow, 1);

  g_weak_ref_init (&follow->corpus, self);
  follow->position = position;
  g_signal_connect_data (document, "saved", G_CALLBACK (on_document_saved), follow, follow_free, 0);
}

static gboolean
check_save (GlossaCorpus    *self,
            GlossaDocument  *document,
            GError         **error)
{
  if (self->index->kind == GLOSSA_CORPUS_JSONL && glossa_document_get_read_only (document))
    {
      g_set_error_literal (error, GLOSSA_ERROR, GLOSSA_ERROR_READ_ONLY,
                           _("This document did not load, so it is not saved"));
      return FALSE;
    }
  return TRUE;
}

/**
 * glossa_corpus_save_document:
 *
 * Saves @document, a document this corpus loaded, through its store (the
 * same as glossa_document_save(), which any caller may use instead).
 */
gboolean
glossa_corpus_save_document (GlossaCorpus    *self,
                             guint            position,
                             GlossaDocument  *document,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (position < self->items->len, FALSE);
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (document), FALSE);

  if (!check_save (self, document, error))
    return FALSE;
  return glossa_document_save (document, cancellable, error);
}

static void
save_document_done (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!glossa_document_save_finish (GLOSSA_DOCUMENT (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
glossa_corpus_save_document_async (GlossaCorpus        *self,
                                   guint                position,
                                   GlossaDocument      *document,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (GLOSSA_IS_CORPUS (self));
  g_return_if_fail (position < self->items->len);
  g_return_if_fail (GLOSSA_IS_DOCUMENT (document));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, glossa_corpus_save_document_async);

  if (!check_save (self, document, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  glossa_document_save_async (document, cancellable, save_document_done, g_steal_pointer (&task));
}

gboolean
glossa_corpus_save_document_finish (GlossaCorpus  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * glossa_corpus_item_set_review_left:
 * @left: how many disagreements of the article are left to decide in the
 *   review running, or -1 when none is
 */
void
glossa_corpus_item_set_review_left (GlossaCorpusItem *self,
                                    int               left)
{
  g_return_if_fail (GLOSSA_IS_CORPUS_ITEM (self));
  g_return_if_fail (left >= -1);

  if (self->review_left == left)
    return;
  self->review_left = left;
  g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_REVIEW_LEFT]);
}

int
glossa_corpus_item_get_review_left (GlossaCorpusItem *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_ITEM (self), -1);
  return self->review_left;
}

GlossaCorpusIndex *
_glossa_corpus_get_index (GlossaCorpus *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), NULL);
  return self->index;
}

/**
 * glossa_corpus_get_schema:
 *
 * Returns: (transfer none): the schema at the corpus root: its
 *   glossa-schema.json, or the built-in one
 */
GlossaSchema *
glossa_corpus_get_schema (GlossaCorpus *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS (self), NULL);
  return self->index->schema;
}

/**
 * glossa_corpus_find_schema:
 * @file: a folder or a JSONL file
 * @location: (out) (optional) (transfer full) (nullable): the schema file
 *
 * The schema glossa_corpus_open() would read @file with, so that a label
 * given on the command line is checked before anything else is read.
 *
 * Returns: (transfer full): the schema, or %NULL if the file is broken
 */
GlossaSchema *
glossa_corpus_find_schema (GFile   *file,
                           GFile  **location,
                           GError **error)
{
  g_autoptr(GFile) found = NULL;
  GlossaSchema *schema;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (location != NULL)
    *location = NULL;
  found = glossa_schema_locate (file, file);
  if (found == NULL)
    return glossa_schema_get_default ();
  schema = glossa_schema_load (found, NULL, error);
  if (schema != NULL && location != NULL)
    *location = g_steal_pointer (&found);
  return schema;
}

char *
glossa_corpus_describe_labels (GlossaSchema *schema,
                               const char   *where)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (schema != NULL, NULL);

  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, glossa_label_to_string (glossa_schema_get_label (schema, i)->name));
    }
  if (where == NULL)
    /* Translators: %s is a list of label names, "actor, quote, claim, date" */
    return g_strdup_printf (_("the built-in labels are %s"), names->str);
  /* Translators: "the labels of corpus/glossa-schema.json are PER, ORG" */
  return g_strdup_printf (_("the labels of %s are %s"), where, names->str);
}

/* An index of a JSONL corpus with its schema but no entries, for a reader
 * that lists only the lines it needs (glossa_search_corpus_file()).
 */
GlossaCorpusIndex *
_glossa_corpus_index_new_jsonl (GFile   *file,
                                GError **error)
{
  g_autoptr(GlossaCorpusIndex) index = index_new (GLOSSA_CORPUS_JSONL, file);

  glossa_schema_unref (index->schema);
  if (!(index->schema = glossa_schema_find_for (file, file, error)))
    return NULL;
  return g_steal_pointer (&index);
}
