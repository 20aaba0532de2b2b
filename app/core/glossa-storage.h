/* glossa-storage.h: every byte Glossa reads or writes: bounded reads, atomic writes
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sys/stat.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest file any reader accepts: articles, annotation files, corpora
 * and the files that commands import. Larger ones are refused with a message
 * that names the file and both sizes, before anything is read.
 */
#define GLOSSA_STORAGE_READ_LIMIT (G_GUINT64_CONSTANT (1) << 30)

/* What identifies one version of a file: an atomic save replaces the inode,
 * any other write changes the size or the modification time.
 */
typedef struct
{
  gboolean exists;
  dev_t    dev;
  ino_t    ino;
  gint64   size;
  gint64   mtime_ns;
} GlossaFileStamp;

GlossaFileStamp glossa_file_stamp_from_stat (const struct stat     *st);
/* The stamp of @file now; exists is FALSE when it cannot be stat()ed. */
GlossaFileStamp glossa_file_stamp_read      (GFile                 *file);
gboolean        glossa_file_stamp_equal     (const GlossaFileStamp *a,
                                             const GlossaFileStamp *b);

/* Reads @file whole, as a NUL-terminated buffer. Only regular files are
 * read: a FIFO, a device, a socket or a folder is refused at once, without
 * blocking, with a message naming the file (so is a file larger than @limit
 * bytes, or one that grows past it while it is read). Symbolic links to a
 * regular file are followed. @stamp, if not NULL, is the version read.
 */
gboolean        glossa_storage_read_file    (GFile                 *file,
                                             guint64                limit,
                                             char                 **contents,
                                             gsize                 *length,
                                             GlossaFileStamp       *stamp,
                                             GCancellable          *cancellable,
                                             GError               **error);
/* The same for a local path. */
gboolean        glossa_storage_read_path    (const char            *path,
                                             guint64                limit,
                                             char                 **contents,
                                             gsize                 *length,
                                             GlossaFileStamp       *stamp,
                                             GError               **error);
/* Opens @path for reading if it is a regular file (following links), at
 * once: a FIFO, a device or a folder is refused without blocking, with a
 * message naming it (G_IO_ERROR_NOT_FOUND when it does not exist). Returns
 * the descriptor, or -1. @st, if not NULL, is the file's status. For
 * readers that stream a file rather than read it whole.
 */
int             glossa_storage_open_regular (const char            *path,
                                             struct stat           *st,
                                             GError               **error);
/* Whether @path names a regular file (following links), without opening it. */
gboolean        glossa_storage_is_regular   (const char            *path);

/* Walks of folders that follow symbolic links to folders remember each
 * folder they enter by device and inode, so that a link to an enclosing
 * folder (`loop -> .`) is not walked again: entering a folder already in
 * @visited (or one that cannot be stat()ed) returns FALSE.
 */
GHashTable     *glossa_storage_visited_new  (void);
gboolean        glossa_storage_enter_folder (GHashTable            *visited,
                                             const char            *path);

/* Replaces @file's contents atomically: a temporary file beside the target,
 * flushed to disk, then renamed over it. Symbolic links are followed (the
 * link stays a link) and the target's permissions are kept. A target that
 * exists and is not a regular file (a FIFO, a device, a folder) is refused.
 */
gboolean        glossa_file_replace_atomic  (GFile                 *file,
                                             GBytes                *bytes,
                                             GCancellable          *cancellable,
                                             GError               **error);

/* Writes @bytes to @file, a name that must not be taken: a temporary file
 * beside it, flushed to disk, then linked to the name. link() refuses a name
 * that is taken, even by a file that appeared meanwhile or by a symbolic
 * link (dangling or not), so nothing is ever written over
 * (G_IO_ERROR_EXISTS).
 */
gboolean        glossa_file_create_new      (GFile                 *file,
                                             GBytes                *bytes,
                                             GCancellable          *cancellable,
                                             GError               **error);

G_END_DECLS
