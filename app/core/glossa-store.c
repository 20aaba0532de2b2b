/* glossa-store.c: where a document's annotations live, and the only way they are written
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "glossa-error.h"
#include "glossa-storage.h"
#include "glossa-store.h"

/* A recovery copy is an annotation file: it is never larger than one. */
#define RECOVERY_READ_LIMIT GLOSSA_STORAGE_READ_LIMIT

typedef struct
{
  GlossaSchema *schema;
} GlossaStorePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GlossaStore, glossa_store, G_TYPE_OBJECT)

static GFile *
glossa_store_real_get_file (GlossaStore *self)
{
  return NULL;
}

static void
glossa_store_finalize (GObject *object)
{
  GlossaStorePrivate *priv = glossa_store_get_instance_private (GLOSSA_STORE (object));

  g_clear_pointer (&priv->schema, glossa_schema_unref);

  G_OBJECT_CLASS (glossa_store_parent_class)->finalize (object);
}

static void
glossa_store_class_init (GlossaStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = glossa_store_finalize;
  klass->get_file = glossa_store_real_get_file;
}

static void
glossa_store_init (GlossaStore *self)
{
  GlossaStorePrivate *priv = glossa_store_get_instance_private (self);

  priv->schema = glossa_schema_get_default ();
}

/**
 * glossa_store_get_schema:
 *
 * Returns: (transfer none): the labels what is stored here may use: its
 *   corpus's schema, the built-in one unless set
 */
GlossaSchema *
glossa_store_get_schema (GlossaStore *self)
{
  GlossaStorePrivate *priv = glossa_store_get_instance_private (self);

  g_return_val_if_fail (GLOSSA_IS_STORE (self), NULL);
  return priv->schema;
}

/* Set by whoever makes the store, before anything is loaded. */
void
glossa_store_set_schema (GlossaStore  *self,
                         GlossaSchema *schema)
{
  GlossaStorePrivate *priv = glossa_store_get_instance_private (self);

  g_return_if_fail (GLOSSA_IS_STORE (self));
  g_return_if_fail (schema != NULL);

  glossa_schema_ref (schema);
  glossa_schema_unref (priv->schema);
  priv->schema = schema;
}

GlossaAnnotations *
glossa_store_load (GlossaStore    *self,
                   GlossaArticle  *article,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_return_val_if_fail (GLOSSA_IS_STORE (self), NULL);
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (article), NULL);

  return GLOSSA_STORE_GET_CLASS (self)->load (self, article, cancellable, error);
}

/**
 * glossa_store_save:
 *
 * Writes @annotations, atomically, unless what is stored is no longer what
 * this store last read or wrote: then nothing is written and the error is
 * %GLOSSA_ERROR_CONFLICT.
 */
gboolean
glossa_store_save (GlossaStore              *self,
                   const GlossaAnnotations  *annotations,
                   GCancellable             *cancellable,
                   GError                  **error)
{
  g_return_val_if_fail (GLOSSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (annotations != NULL, FALSE);

  return GLOSSA_STORE_GET_CLASS (self)->save (self, annotations, cancellable, error);
}

gboolean
glossa_store_changed_on_disk (GlossaStore *self)
{
  g_return_val_if_fail (GLOSSA_IS_STORE (self), FALSE);

  return GLOSSA_STORE_GET_CLASS (self)->changed_on_disk (self);
}

/**
 * glossa_store_set_aside_other_version:
 * @copy: (out) (optional): where the other version was kept, or %NULL if
 *   there was none
 *
 * For when the user keeps their own annotations over another program's:
 * keeps the other version in a side file, then takes it as seen, so that
 * the next save writes over it.
 */
gboolean
glossa_store_set_aside_other_version (GlossaStore  *self,
                                      GFile       **copy,
                                      GError      **error)
{
  g_return_val_if_fail (GLOSSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (copy == NULL || *copy == NULL, FALSE);

  return GLOSSA_STORE_GET_CLASS (self)->set_aside_other_version (self, copy, error);
}

char *
glossa_store_dup_identity (GlossaStore *self)
{
  g_return_val_if_fail (GLOSSA_IS_STORE (self), NULL);

  return GLOSSA_STORE_GET_CLASS (self)->dup_identity (self);
}

char *
glossa_store_dup_description (GlossaStore *self)
{
  g_return_val_if_fail (GLOSSA_IS_STORE (self), NULL);

  return GLOSSA_STORE_GET_CLASS (self)->dup_description (self);
}

/**
 * glossa_store_get_file:
 *
 * Returns: (transfer none) (nullable): the annotation file, for a store
 *   that is one whole file
 */
GFile *
glossa_store_get_file (GlossaStore *self)
{
  g_return_val_if_fail (GLOSSA_IS_STORE (self), NULL);

  return GLOSSA_STORE_GET_CLASS (self)->get_file (self);
}

/* Recovery copies */

/**
 * glossa_store_get_recovery_file:
 *
 * Returns: (transfer full): where this store's recovery copy is kept
 */
GFile *
glossa_store_get_recovery_file (GlossaStore *self)
{
  g_autofree char *identity = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (GLOSSA_IS_STORE (self), NULL);

  identity = glossa_store_dup_identity (self);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, identity, -1);
  name = g_strconcat (hash, ".json", NULL);
  return g_file_new_build_filename (g_get_user_data_dir (), "glossa", "recovery", name, NULL);
}

gboolean
glossa_store_write_recovery (GlossaStore  *self,
                             GBytes       *bytes,
                             GError      **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (GLOSSA_IS_STORE (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  file = glossa_store_get_recovery_file (self);
  folder = g_file_get_parent (file);
  /* Only the user reads their unsaved work. */
  if (g_mkdir_with_parents (g_file_peek_path (folder), 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot make the folder %s for recovery copies: %s"),
                   g_file_peek_path (folder), g_strerror (saved_errno));
      return FALSE;
    }
  return glossa_file_replace_atomic (file, bytes, NULL, error);
}

GBytes *
glossa_store_read_recovery (GlossaStore  *self,
                            GDateTime   **written,
                            GError      **error)
{
  g_autoptr(GFile) file = NULL;
  GlossaFileStamp stamp;
  char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (GLOSSA_IS_STORE (self), NULL);

  file = glossa_store_get_recovery_file (self);
  stamp = glossa_file_stamp_read (file);
  if (!stamp.exists)
    return NULL;
  if (!glossa_storage_read_file (file, RECOVERY_READ_LIMIT, &contents, &len, &stamp, NULL, error))
    return NULL;
  if (written != NULL)
    *written = g_date_time_new_from_unix_local (stamp.mtime_ns / G_GINT64_CONSTANT (1000000000));
  return g_bytes_new_take (contents, len);
}

void
glossa_store_discard_recovery (GlossaStore *self)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (GLOSSA_IS_STORE (self));

  file = glossa_store_get_recovery_file (self);
  if (g_unlink (g_file_peek_path (file)) != 0 && errno != ENOENT)
    g_warning ("Cannot remove the recovery copy %s: %s", g_file_peek_path (file), g_strerror (errno));
}

/* The sidecar kind */

struct _GlossaFileStore
{
  GlossaStore      parent_instance;

  GFile           *file;
  /* The version last read or written; load() and save() set it in a
   * worker thread while the document's thread may look.
   */
  GMutex           mutex;
  GlossaFileStamp  seen;
};

G_DEFINE_FINAL_TYPE (GlossaFileStore, glossa_file_store, GLOSSA_TYPE_STORE)

static GlossaFileStamp
get_seen (GlossaFileStore *self)
{
  GlossaFileStamp seen;

  g_mutex_lock (&self->mutex);
  seen = self->seen;
  g_mutex_unlock (&self->mutex);
  return seen;
}

static void
set_seen (GlossaFileStore       *self,
          const GlossaFileStamp *seen)
{
  g_mutex_lock (&self->mutex);
  self->seen = *seen;
  g_mutex_unlock (&self->mutex);
}

static GlossaAnnotations *
glossa_file_store_load (GlossaStore    *store,
                        GlossaArticle  *article,
                        GCancellable   *cancellable,
                        GError        **error)
{
  GlossaFileStore *self = GLOSSA_FILE_STORE (store);
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (self->file);
  GlossaFileStamp stamp = glossa_file_stamp_read (self->file);
  gsize len = 0;

  /* Whatever happens next, this is the version the document is about. */
  set_seen (self, &stamp);
  if (!stamp.exists)
    return NULL;

  if (!glossa_storage_read_file (self->file, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, &stamp,
                                 cancellable, error))
    return NULL;
  set_seen (self, &stamp);
  return glossa_format_read_with_schema (contents, len, name, article,
                                         glossa_store_get_schema (store), error);
}

static gboolean
glossa_file_store_save (GlossaStore              *store,
                        const GlossaAnnotations  *annotations,
                        GCancellable             *cancellable,
                        GError                  **error)
{
  GlossaFileStore *self = GLOSSA_FILE_STORE (store);
  GlossaFileStamp seen = get_seen (self);
  GlossaFileStamp now = glossa_file_stamp_read (self->file);
  g_autoptr(GBytes) bytes = NULL;

  if (!glossa_file_stamp_equal (&now, &seen))
    {
      g_autofree char *name = g_file_get_parse_name (self->file);

      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT,
                   _("%s was changed by another program; it was not written over"), name);
      return FALSE;
    }

  bytes = glossa_format_write (annotations);
  if (!glossa_file_replace_atomic (self->file, bytes, cancellable, error))
    return FALSE;

  now = glossa_file_stamp_read (self->file);
  set_seen (self, &now);
  return TRUE;
}

static gboolean
glossa_file_store_changed_on_disk (GlossaStore *store)
{
  GlossaFileStore *self = GLOSSA_FILE_STORE (store);
  GlossaFileStamp seen = get_seen (self);
  GlossaFileStamp now = glossa_file_stamp_read (self->file);

  return !glossa_file_stamp_equal (&now, &seen);
}

/* Copies @file to NAME.annotations.other-YYYYMMDD-HHMMSS.json beside it,
 * with -2, -3… after the time if that name is taken: never over a file.
 */
static GFile *
copy_aside (GFile   *file,
            GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%Y%m%d-%H%M%S");
  gsize stem_len = strlen (base);

  if (g_str_has_suffix (base, ".json"))
    stem_len -= strlen (".json");

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GFile) copy = NULL;
      g_autoptr(GError) local_error = NULL;

      if (n == 1)
        name = g_strdup_printf ("%.*s.other-%s.json", (int) stem_len, base, time);
      else
        name = g_strdup_printf ("%.*s.other-%s-%u.json", (int) stem_len, base, time, n);
      copy = g_file_get_child (parent, name);
      if (g_file_copy (file, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
        return g_steal_pointer (&copy);
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Cannot keep a copy of the other version of %s: "),
                                      g_file_peek_path (file));
          return NULL;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("Cannot keep a copy of the other version of %s: too many copies already"),
               g_file_peek_path (file));
  return NULL;
}

/* If the file changes again during the copy, the copy is kept and the new
 * version copied too.
 */
static gboolean
glossa_file_store_set_aside_other_version (GlossaStore  *store,
                                           GFile       **copy,
                                           GError      **error)
{
  GlossaFileStore *self = GLOSSA_FILE_STORE (store);

  for (guint tries = 0; tries < 5; tries++)
    {
      GlossaFileStamp before = glossa_file_stamp_read (self->file);
      GlossaFileStamp after;
      g_autoptr(GFile) made = NULL;

      if (before.exists && !(made = copy_aside (self->file, error)))
        return FALSE;
      after = glossa_file_stamp_read (self->file);
      if (glossa_file_stamp_equal (&before, &after))
        {
          set_seen (self, &before);
          if (copy != NULL)
            *copy = g_steal_pointer (&made);
          return TRUE;
        }
    }

  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT,
               _("%s keeps changing: another program is writing it"), g_file_peek_path (self->file));
  return FALSE;
}

static char *
glossa_file_store_dup_identity (GlossaStore *store)
{
  GlossaFileStore *self = GLOSSA_FILE_STORE (store);
  g_autofree char *uri = g_file_get_uri (self->file);

  return g_strconcat ("file-store:", uri, NULL);
}

static char *
glossa_file_store_dup_description (GlossaStore *store)
{
  return g_file_get_parse_name (GLOSSA_FILE_STORE (store)->file);
}

static GFile *
glossa_file_store_get_file (GlossaStore *store)
{
  return GLOSSA_FILE_STORE (store)->file;
}

static void
glossa_file_store_finalize (GObject *object)
{
  GlossaFileStore *self = GLOSSA_FILE_STORE (object);

  g_clear_object (&self->file);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (glossa_file_store_parent_class)->finalize (object);
}

static void
glossa_file_store_class_init (GlossaFileStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GlossaStoreClass *store_class = GLOSSA_STORE_CLASS (klass);

  object_class->finalize = glossa_file_store_finalize;
  store_class->load = glossa_file_store_load;
  store_class->save = glossa_file_store_save;
  store_class->changed_on_disk = glossa_file_store_changed_on_disk;
  store_class->set_aside_other_version = glossa_file_store_set_aside_other_version;
  store_class->dup_identity = glossa_file_store_dup_identity;
  store_class->dup_description = glossa_file_store_dup_description;
  store_class->get_file = glossa_file_store_get_file;
}

static void
glossa_file_store_init (GlossaFileStore *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * glossa_file_store_new:
 * @file: the annotation file
 *
 * Until something is loaded, the file is expected not to exist: a save
 * over a file this store never saw is a conflict.
 */
GlossaStore *
glossa_file_store_new (GFile *file)
{
  GlossaFileStore *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (GLOSSA_TYPE_FILE_STORE, NULL);
  self->file = g_object_ref (file);
  return GLOSSA_STORE (self);
}

/**
 * glossa_file_store_new_replacing:
 * @file: an annotation file the user chose to write over
 *
 * Like glossa_file_store_new(), taking the file as it is now as seen.
 */
GlossaStore *
glossa_file_store_new_replacing (GFile *file)
{
  GlossaStore *self;
  GlossaFileStamp now;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = glossa_file_store_new (file);
  now = glossa_file_stamp_read (file);
  set_seen (GLOSSA_FILE_STORE (self), &now);
  return self;
}
