/* glossa-application.h: the Glossa application, its app-wide actions and windows
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSSA_TYPE_APPLICATION (glossa_application_get_type ())

G_DECLARE_FINAL_TYPE (GlossaApplication, glossa_application, GLOSSA, APPLICATION, AdwApplication)

GlossaApplication *glossa_application_new           (void);
GSettings         *glossa_application_get_settings  (GlossaApplication *self);

G_END_DECLS
