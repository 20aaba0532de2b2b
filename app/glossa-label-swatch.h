/* glossa-label-swatch.h: a small square in a label's colour, for buttons, counts and rows
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "glossa-schema.h"

G_BEGIN_DECLS

GtkWidget *glossa_label_swatch_new       (const GlossaSchemaLabel *label);
void       glossa_label_swatch_set_color (GtkWidget               *swatch,
                                          const GlossaSchemaLabel *label);

G_END_DECLS
