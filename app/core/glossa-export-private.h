/* glossa-export-private.h: what export and import share
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Output that appears whole or not at all: everything is written under a
 * temporary name beside @output, which is renamed to @output at the end and
 * removed on failure. A folder may only replace an empty folder, so that no
 * one's files are ever deleted by an export.
 */
char     *_glossa_output_begin  (GFile       *output,
                                 gboolean     folder,
                                 GError     **error);
gboolean  _glossa_output_commit (const char  *temp_path,
                                 GFile       *output,
                                 GError     **error);
void      _glossa_output_abort  (const char  *temp_path);

/* A relative file name, without extension, made from a document id: its
 * "/" make subfolders, no component is empty or starts with a dot, and it
 * is unique among @used (which takes a copy).
 */
char     *_glossa_output_file_name   (const char  *id,
                                      GHashTable  *used);
gboolean  _glossa_output_make_parent (const char  *path,
                                      GError     **error);

G_END_DECLS
