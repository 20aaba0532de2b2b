/* glossa-output.h: where commands and the review write: refused targets, atomic outputs, safe names
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  GLOSSA_OUTPUT_FILE,
  GLOSSA_OUTPUT_FOLDER,
} GlossaOutputKind;

/* Whether @output may be written, given the files and folders the command
 * reads (@inputs, of GFile, nullable). Refused, with a GLOSSA_ERROR_USAGE
 * message naming the path and the reason: a path that is not local; an
 * annotation file name (*.annotations.json, *.annotations.jsonl); anything
 * that exists and is neither a regular file nor a folder (a FIFO, a device,
 * a socket); a folder where a file is wanted, or a file or a non-empty
 * folder where a folder is wanted; an input itself (the same path or the
 * same inode through links); a path inside an input folder.
 */
gboolean      glossa_output_check       (GFile             *output,
                                         GlossaOutputKind   kind,
                                         GPtrArray         *inputs,
                                         GError           **error);
/* Whether @file is @folder (the same inode), or is inside it, or would be
 * if it does not exist yet; links and bind mounts are seen through.
 */
gboolean      glossa_output_is_inside   (GFile             *file,
                                         GFile             *folder);

/* Output that appears whole or not at all. glossa_output_begin() checks
 * @output as above, removes what killed runs to the same place left
 * behind, and makes a temporary file or folder beside it, named
 * ".glossa-partial-NAME.XXXXXX" and locked with flock() for as long as the
 * GlossaOutput lives. glossa_output_commit() renames it to @output (a folder
 * only replaces an empty folder, so no one's files are ever deleted);
 * glossa_output_free() removes it unless it was committed.
 *
 * A leftover is removed only when all of these hold: its name is exactly
 * the pattern above for this NAME, it is a regular file or a folder (not a
 * link) owned by the current user, and no process holds its lock (a live
 * run always does, a killed one never does).
 */
typedef struct _GlossaOutput GlossaOutput;

#define GLOSSA_OUTPUT_PARTIAL_PREFIX ".glossa-partial-"

GlossaOutput *glossa_output_begin       (GFile             *output,
                                         GlossaOutputKind   kind,
                                         GPtrArray         *inputs,
                                         GError           **error);
/* The temporary path to write to: a file, or a folder to fill. */
const char   *glossa_output_get_path    (GlossaOutput      *self);
gboolean      glossa_output_commit      (GlossaOutput      *self,
                                         GError           **error);
void          glossa_output_free        (GlossaOutput      *self);
/* Makes @error, from writing below the temporary path, name the path the
 * user gave instead: "out/doc.ann: No space left on device".
 */
void          glossa_output_name_error  (GlossaOutput      *self,
                                         GError            *error);
/* Writes @bytes as the new file @relative (a path made by
 * glossa_output_names_add()) inside a folder output, its folders made.
 * Files written so are not flushed one by one: glossa_output_commit()
 * flushes them all (syncfs) before the output takes its name, so a crash
 * before leaves only the partial folder, and after it every file is on
 * disk. Errors name the temporary path (glossa_output_name_error()).
 */
gboolean      glossa_output_write       (GlossaOutput      *self,
                                         const char        *relative,
                                         GBytes            *bytes,
                                         GError           **error);
/* Makes the folders above @path, a file to be written in an output folder. */
gboolean      glossa_output_make_parent (const char        *path,
                                         GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaOutput, glossa_output_free)

/* Safe names. A document id becomes a relative path without extension:
 * its "/" make subfolders (ids of folder corpora are relative paths, and
 * stay so, so that a corpus exported and imported again keeps its ids).
 * Empty, "." and ".." components are dropped; control characters and "\"
 * become "_"; a component starting with a dot gets a "_" before it; a component longer than GLOSSA_OUTPUT_NAME_MAX bytes is cut on a
 * character boundary. When anything changed, the last component ends with
 * "-" and 12 hex digits of the id's SHA-256, so that two ids never meet
 * in one name and the same id always gives the same name.
 *
 * The result never is absolute, never climbs out of the folder it is
 * written in, never hides, and each component leaves room for an
 * extension within the usual 255-byte limit.
 */
#define GLOSSA_OUTPUT_NAME_MAX 200

char         *glossa_output_safe_name   (const char        *id,
                                         gboolean          *changed);

/* The names given out to one output folder: unique ignoring letter case,
 * since outputs are copied to file systems that ignore it (FAT, NTFS,
 * APFS) where two names differing only in case would be one file.
 */
typedef struct _GlossaOutputNames GlossaOutputNames;

GlossaOutputNames *glossa_output_names_new  (void);
void               glossa_output_names_free (GlossaOutputNames *names);
/* A safe, unused name for @id. When it is not @id itself, *@warning (if
 * not NULL) is set to a message naming @source (the file and line the id
 * came from), the id and the name used.
 */
char              *glossa_output_names_add  (GlossaOutputNames *names,
                                             const char        *id,
                                             const char        *source,
                                             char             **warning);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossaOutputNames, glossa_output_names_free)

G_END_DECLS
