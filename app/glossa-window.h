/* glossa-window.h: the annotation window, one article at a time
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "glossa-document.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_WINDOW (glossa_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossaWindow, glossa_window, GLOSSA, WINDOW, AdwApplicationWindow)

/* Articles are opened in a worker thread, except small ones: reading a few
 * kilobytes is quicker than a round trip through a thread, and the window's
 * first frame then shows the article rather than the empty state. A read
 * started at start-up is waited for up to the same size.
 */
#define GLOSSA_WINDOW_SYNC_OPEN_MAX_BYTES (256 * 1024)

GlossaDocument *glossa_window_get_document      (GlossaWindow   *self);
void            glossa_window_set_document      (GlossaWindow   *self,
                                                 GlossaDocument *document);
void            glossa_window_open_file         (GlossaWindow   *self,
                                                 GFile          *file);
const char     *glossa_window_get_selected_span (GlossaWindow   *self);
void            glossa_window_select_span       (GlossaWindow   *self,
                                                 const char     *id);
gboolean        glossa_window_flush             (GlossaWindow   *self,
                                                 GError        **error);
gboolean        glossa_window_get_saving        (GlossaWindow   *self);

G_END_DECLS
