/* glossa-preferences-window.h: the annotator's name and other preferences
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GLOSSA_TYPE_PREFERENCES_WINDOW (glossa_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (GlossaPreferencesWindow, glossa_preferences_window, GLOSSA, PREFERENCES_WINDOW, AdwPreferencesWindow)

GlossaPreferencesWindow *glossa_preferences_window_new (GSettings *settings);

G_END_DECLS
