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
typedef struct _GlossaSchema    GlossaSchema;

/* A label is data: its name, interned as a GQuark, so spans compare labels
 * with == and any number of schemas share one name. 0 is no label. Which
 * labels a document may use, and their order, colours and keys, is its
 * schema's business (glossa-schema.h).
 */
typedef GQuark GlossaLabel;

/* The four labels of the built-in schema, in the order they appear in
 * files, menus and keyboard shortcuts (1–4).
 */
#define GLOSSA_LABEL_ACTOR (glossa_label_builtin (0))
#define GLOSSA_LABEL_QUOTE (glossa_label_builtin (1))
#define GLOSSA_LABEL_CLAIM (glossa_label_builtin (2))
#define GLOSSA_LABEL_DATE  (glossa_label_builtin (3))
#define GLOSSA_N_BUILTIN_LABELS 4

/* The longest label name, in bytes. */
#define GLOSSA_LABEL_MAX_LENGTH 64

typedef enum
{
  GLOSSA_STATUS_TODO,
  GLOSSA_STATUS_IN_PROGRESS,
  GLOSSA_STATUS_DONE,
} GlossaStatus;

#define GLOSSA_N_STATUSES 3

/* How many spans of each label: a short list, since labels are data. */
typedef struct
{
  GlossaLabel label;
  guint       count;
} GlossaLabelCount;

typedef struct
{
  GlossaLabelCount *items;
  guint             n_items;
} GlossaLabelCounts;

void        glossa_label_counts_add   (GlossaLabelCounts       *counts,
                                       GlossaLabel              label,
                                       int                      delta);
guint       glossa_label_counts_get   (const GlossaLabelCounts *counts,
                                       GlossaLabel              label);
void        glossa_label_counts_merge (GlossaLabelCounts       *dest,
                                       const GlossaLabelCounts *src);
void        glossa_label_counts_copy  (GlossaLabelCounts       *dest,
                                       const GlossaLabelCounts *src);
void        glossa_label_counts_clear (GlossaLabelCounts       *counts);

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

GlossaLabel glossa_label_builtin      (guint         index);
const char *glossa_label_to_string   (GlossaLabel   label);
gboolean    glossa_label_from_string (const char   *str,
                                      GlossaLabel  *label);
gboolean    glossa_label_name_is_valid (const char *str,
                                        GError    **error);
int         glossa_label_compare     (GlossaLabel   a,
                                      GlossaLabel   b);
const char *glossa_status_to_string  (GlossaStatus  status);
gboolean    glossa_status_from_string (const char  *str,
                                       GlossaStatus *status);
const char *glossa_origin_to_string  (GlossaOrigin  origin);
gboolean    glossa_origin_from_string (const char  *str,
                                       GlossaOrigin *origin);

G_END_DECLS
