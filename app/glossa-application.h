/* glossa-application.h: the Glossa application, its app-wide actions and windows
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "glossa-document.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_APPLICATION (glossa_application_get_type ())

G_DECLARE_FINAL_TYPE (GlossaApplication, glossa_application, GLOSSA, APPLICATION, AdwApplication)

/* The outcome of opening an article: @document, or @error if it did not
 * open at all.
 */
typedef void (*GlossaOpenedFunc) (GlossaDocument *document,
                                  const GError   *error,
                                  gpointer        user_data);

GlossaApplication *glossa_application_new           (void);
GSettings         *glossa_application_get_settings  (GlossaApplication *self);
gboolean           glossa_application_take_preload  (GlossaApplication *self,
                                                     GFile             *file,
                                                     GlossaOpenedFunc   func,
                                                     gpointer           user_data);

G_END_DECLS
