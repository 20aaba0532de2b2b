/* glossa-import-private.h: the importers' parts the tests and fuzzers reach
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "glossa-schema.h"

G_BEGIN_DECLS

/* The largest labelling config read: Label Studio's own are a few KiB. */
#define GLOSSA_IMPORT_LS_CONFIG_READ_LIMIT (G_GUINT64_CONSTANT (1) << 20)

/* Reads Label Studio's labelling config (its XML) into a new schema: the
 * <Label> children of every <Labels>, in order, with their colours and
 * keys; the <Relation> children of <Relations> as link types between any
 * labels; each <Choices perRegion="true"> as a choice attribute of every
 * label. What cannot be kept (a colour that is no colour, a key Glossa
 * uses or another label has) is dropped with a line in @warnings (of
 * char*). Errors read "NAME:LINE:COLUMN: message".
 */
GlossaSchema *_glossa_import_read_ls_config (const char  *data,
                                             gsize        len,
                                             const char  *name,
                                             GPtrArray   *warnings,
                                             GError     **error);

G_END_DECLS
