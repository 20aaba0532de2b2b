/* glossa-storage.c: every byte Glossa reads or writes: bounded reads, atomic writes
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "glossa-storage.h"

GlossaFileStamp
glossa_file_stamp_from_stat (const struct stat *st)
{
  GlossaFileStamp stamp = { TRUE, st->st_dev, st->st_ino, st->st_size, 0 };

  stamp.mtime_ns = (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
  return stamp;
}

GlossaFileStamp
glossa_file_stamp_read (GFile *file)
{
  GlossaFileStamp stamp = { 0 };
  g_autofree char *path = g_file_get_path (file);
  struct stat st;

  if (path != NULL && g_stat (path, &st) == 0)
    stamp = glossa_file_stamp_from_stat (&st);
  return stamp;
}

gboolean
glossa_file_stamp_equal (const GlossaFileStamp *a,
                         const GlossaFileStamp *b)
{
  if (!a->exists || !b->exists)
    return a->exists == b->exists;
  return a->dev == b->dev && a->ino == b->ino &&
         a->size == b->size && a->mtime_ns == b->mtime_ns;
}

/* What a file that is not a regular file is, for the message. */
static const char *
describe_kind (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe (FIFO)");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("not a regular file");
}

/* Messages are UTF-8 whatever the file name's encoding. */
static gboolean
read_error (GError    **error,
            int         saved_errno,
            const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not read “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
too_large (GError    **error,
           const char *path,
           guint64     size,
           guint64     limit)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *have = g_format_size (size);
  g_autofree char *max = g_format_size (limit);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
               _("Could not read “%s”: it is too large (%s; the limit is %s)"), display, have, max);
  return FALSE;
}

/* Reads all of @fd, a regular file of @expected bytes, allowing it to have
 * changed size since; never more than @limit bytes.
 */
static gboolean
read_fd (int          fd,
         const char  *path,
         guint64      expected,
         guint64      limit,
         char       **contents,
         gsize       *length,
         GError     **error)
{
  gsize cap = (gsize) expected + 1, len = 0;
  g_autofree char *buf = g_malloc (cap + 1);

  for (;;)
    {
      gssize n;

      if (len == cap)
        {
          if (cap > limit)
            return too_large (error, path, cap, limit);
          cap = MIN (cap * 2, (gsize) limit + 1);
          buf = g_realloc (buf, cap + 1);
        }
      n = read (fd, buf + len, cap - len);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return read_error (error, errno, path);
        }
      if (n == 0)
        break;
      len += n;
      if (len > limit)
        return too_large (error, path, len, limit);
    }

  buf[len] = '\0';
  *contents = g_steal_pointer (&buf);
  if (length != NULL)
    *length = len;
  return TRUE;
}

/* Opens @path if it is a regular file; the descriptor keeps O_NONBLOCK,
 * which changes nothing for a regular file.
 */
static int
open_regular (const char   *path,
              struct stat  *st,
              GError      **error)
{
  int fd;

  /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    return read_error (error, errno, path), -1;

  if (fstat (fd, st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return read_error (error, saved_errno, path), -1;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      close (fd);
      g_set_error (error, G_IO_ERROR, S_ISDIR (st->st_mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not read “%s”: it is %s, not a regular file"), display, describe_kind (st->st_mode));
      return -1;
    }
  return fd;
}

int
glossa_storage_open_regular (const char   *path,
                             struct stat  *st,
                             GError      **error)
{
  struct stat local;
  int fd;

  g_return_val_if_fail (path != NULL, -1);

  fd = open_regular (path, st != NULL ? st : &local, error);
  /* Callers get a plain blocking descriptor, whatever they do with it;
   * reading the whole file (below) does not need the two system calls.
   */
  if (fd >= 0)
    fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

gboolean
glossa_storage_read_path (const char       *path,
                          guint64           limit,
                          char            **contents,
                          gsize            *length,
                          GlossaFileStamp  *stamp,
                          GError          **error)
{
  struct stat st;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  if ((fd = open_regular (path, &st, error)) < 0)
    return FALSE;
  if ((guint64) st.st_size > limit)
    {
      close (fd);
      return too_large (error, path, st.st_size, limit);
    }

  if (stamp != NULL)
    *stamp = glossa_file_stamp_from_stat (&st);
  ok = read_fd (fd, path, st.st_size, limit, contents, length, error);
  close (fd);
  return ok;
}

gboolean
glossa_storage_read_file (GFile            *file,
                          guint64           limit,
                          char            **contents,
                          gsize            *length,
                          GlossaFileStamp  *stamp,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not read “%s”: only local files can be read"), uri);
      return FALSE;
    }
  return glossa_storage_read_path (path, limit, contents, length, stamp, error);
}

gboolean
glossa_storage_is_regular (const char *path)
{
  struct stat st;

  return path != NULL && g_stat (path, &st) == 0 && S_ISREG (st.st_mode);
}

typedef struct
{
  dev_t dev;
  ino_t ino;
} FolderKey;

static guint
folder_key_hash (gconstpointer data)
{
  const FolderKey *key = data;

  return (guint) key->ino ^ (guint) (key->ino >> 32) ^ (guint) key->dev;
}

static gboolean
folder_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const FolderKey *ka = a, *kb = b;

  return ka->dev == kb->dev && ka->ino == kb->ino;
}

GHashTable *
glossa_storage_visited_new (void)
{
  return g_hash_table_new_full (folder_key_hash, folder_key_equal, g_free, NULL);
}

gboolean
glossa_storage_enter_folder (GHashTable *visited,
                             const char *path)
{
  FolderKey *key;
  struct stat st;

  g_return_val_if_fail (visited != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0 || !S_ISDIR (st.st_mode))
    return FALSE;

  key = g_new (FolderKey, 1);
  key->dev = st.st_dev;
  key->ino = st.st_ino;
  return g_hash_table_add (visited, key);
}

static gboolean
set_io_error (GError    **error,
              int         saved_errno,
              const char *path,
              const char *what)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s: %s"), path, what, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

/* The local path @file is saved to, or NULL with an error: only local
 * files can be written atomically.
 */
static char *
path_to_save (GFile   *file,
              GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save “%s”: only local files can be saved"), uri);
    }
  return path;
}

/* Flushes folder @dir, so that a name just made or replaced in it survives
 * a crash.
 */
static void
sync_folder (const char *dir)
{
  int dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
}

/* Follows @path through symbolic links, also to a target that does not
 * exist yet, so that saving through a link writes the file it points to.
 * Gives up after a few links (a loop) and returns @path itself.
 */
static char *
resolve_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint depth = 0; depth < 16; depth++)
    {
      g_autofree char *target = NULL;
      g_autofree char *dir = NULL;
      struct stat st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      if (!(target = g_file_read_link (current, NULL)))
        return g_steal_pointer (&current);

      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
      else
        {
          dir = g_path_get_dirname (current);
          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }
    }
  return g_strdup (path);
}

/* An unnamed file in @dir (O_TMPFILE): if we are killed before it is linked,
 * nothing is left behind. Returns -1 where the file system cannot do that.
 */
static int
open_unnamed (const char *dir,
              mode_t      mode)
{
#ifdef O_TMPFILE
  return open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
#else
  errno = EOPNOTSUPP;
  return -1;
#endif
}

/* Gives the unnamed file @fd the name @tmp, next to the target. */
static gboolean
link_unnamed (int         fd,
              const char *tmp)
{
  char proc_path[64];

  g_snprintf (proc_path, sizeof proc_path, "/proc/self/fd/%d", fd);
  return linkat (AT_FDCWD, proc_path, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0;
}

/* The new contents go to a temporary file beside the target so that
 * rename() is atomic; it is flushed before the rename so that after a crash
 * the name points at either the old or the new complete contents, and the
 * folder is flushed after it so that the rename itself survives. The
 * temporary file has no name until it is complete, so a save killed
 * half-way leaves nothing behind.
 */
gboolean
glossa_file_replace_atomic (GFile         *file,
                            GBytes        *bytes,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  const guint8 *data;
  gsize len;
  mode_t mode = 0644;
  gboolean named;
  struct stat st;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!(path = path_to_save (file, error)))
    return FALSE;

  /* Write through a symbolic link, so that the link stays a link. */
  target = resolve_links (path);

  if (g_stat (target, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("Could not save “%s”: it is %s, not a regular file"), path, describe_kind (st.st_mode));
          return FALSE;
        }
      mode = st.st_mode & 07777;
    }
  else
    {
      /* A new file gets the usual permissions, as the umask allows. */
      mode_t mask = umask (0);

      umask (mask);
      mode = 0666 & ~mask;
    }

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);

  fd = open_unnamed (dir, mode);
  named = fd < 0;
  if (named)
    {
      tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
      fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, mode);
      if (fd < 0)
        return set_io_error (error, errno, path, _("cannot create a temporary file"));
    }

  /* The umask applied at creation: give the file its exact mode. */
  if (fchmod (fd, mode) != 0)
    g_debug ("Could not keep the permissions of %s: %s", target, g_strerror (errno));

  data = g_bytes_get_data (bytes, &len);
  if (!write_all (fd, data, len) || fsync (fd) != 0)
    {
      int saved_errno = errno;
      close (fd);
      if (named)
        g_unlink (tmp);
      return set_io_error (error, saved_errno, path, _("cannot write"));
    }

  if (!named)
    {
      /* A name only for the instant between linking and renaming. */
      for (guint attempt = 0; !named && attempt < 100; attempt++)
        {
          g_free (tmp);
          tmp = g_strdup_printf ("%s/.%s.%08x", dir, base, g_random_int ());
          named = link_unnamed (fd, tmp);
          if (!named && errno != EEXIST)
            break;
        }
      if (!named)
        {
          int saved_errno = errno;
          close (fd);
          return set_io_error (error, saved_errno, path, _("cannot create a temporary file"));
        }
    }

  if (close (fd) != 0 || g_rename (tmp, target) != 0)
    {
      int saved_errno = errno;
      g_unlink (tmp);
      return set_io_error (error, saved_errno, path, _("cannot replace the file"));
    }

  sync_folder (dir);

  return TRUE;
}

gboolean
glossa_file_create_new (GFile         *file,
                        GBytes        *bytes,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  const guint8 *data;
  gsize len;
  mode_t mask, mode;
  int fd, saved_errno;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!(path = path_to_save (file, error)))
    return FALSE;

  mask = umask (0);
  umask (mask);
  mode = 0666 & ~mask;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, mode);
  if (fd < 0)
    return set_io_error (error, errno, path, _("cannot create a temporary file"));
  if (fchmod (fd, mode) != 0)
    g_debug ("Could not set the permissions of %s: %s", tmp, g_strerror (errno));

  data = g_bytes_get_data (bytes, &len);
  if (!write_all (fd, data, len) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (tmp);
      return set_io_error (error, saved_errno, path, _("cannot write"));
    }
  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      return set_io_error (error, saved_errno, path, _("cannot write"));
    }

  /* The one step that names the file, and it never replaces one. */
  if (link (tmp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      if (saved_errno == EEXIST)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("Could not save “%s”: a file of that name exists, and is not written over"), path);
          return FALSE;
        }
      return set_io_error (error, saved_errno, path, _("cannot create the file"));
    }
  g_unlink (tmp);

  sync_folder (dir);
  return TRUE;
}
