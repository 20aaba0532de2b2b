/* glossa-types.h: forward declarations and small enums of the core
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _GlossaArticle   GlossaArticle;
typedef struct _GlossaDocument  GlossaDocument;
typedef struct _GlossaSpan      GlossaSpan;
typedef struct _GlossaUndoStack GlossaUndoStack;

/* The four labels of format v1, in the order they appear in files, menus
 * and keyboard shortcuts (1–4).
 */
typedef enum
{
  GLOSSA_LABEL_ACTOR,
  GLOSSA_LABEL_QUOTE,
  GLOSSA_LABEL_CLAIM,
  GLOSSA_LABEL_DATE,
} GlossaLabel;

#define GLOSSA_N_LABELS 4

typedef enum
{
  GLOSSA_STATUS_TODO,
  GLOSSA_STATUS_IN_PROGRESS,
  GLOSSA_STATUS_DONE,
} GlossaStatus;

#define GLOSSA_N_STATUSES 3

/* Where a span came from; NONE means the file did not say. */
typedef enum
{
  GLOSSA_ORIGIN_NONE,
  GLOSSA_ORIGIN_MANUAL,
  GLOSSA_ORIGIN_SUGGESTED,
  GLOSSA_ORIGIN_IMPORTED,
} GlossaOrigin;

/* The index of @str in @names (which may hold NULL entries), for the
 * enums that files and command lines name by string.
 */
gboolean    glossa_lookup_name       (const char * const *names,
                                      guint               n_names,
                                      const char         *str,
                                      int                *value);

const char *glossa_label_to_string   (GlossaLabel   label);
gboolean    glossa_label_from_string (const char   *str,
                                      GlossaLabel  *label);
const char *glossa_status_to_string  (GlossaStatus  status);
gboolean    glossa_status_from_string (const char  *str,
                                       GlossaStatus *status);
const char *glossa_origin_to_string  (GlossaOrigin  origin);
gboolean    glossa_origin_from_string (const char  *str,
                                       GlossaOrigin *origin);

G_END_DECLS
