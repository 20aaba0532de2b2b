/* glossa-color.h: label colours: parsing, dark tints and readable contrast
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* WCAG 2's minimum contrast for body text (level AA). */
#define GLOSSA_COLOR_MIN_CONTRAST 4.5

/* An opaque sRGB colour, each channel in [0, 1]. */
typedef struct
{
  double red;
  double green;
  double blue;
} GlossaColor;

gboolean  glossa_color_parse         (const char        *str,
                                      GlossaColor       *color);
char     *glossa_color_to_string     (const GlossaColor *color);
double    glossa_color_luminance     (const GlossaColor *color);
double    glossa_color_contrast      (const GlossaColor *a,
                                      const GlossaColor *b);
void      glossa_color_blend         (const GlossaColor *over,
                                      double             alpha,
                                      const GlossaColor *under,
                                      GlossaColor       *result);
void      glossa_color_derive_dark   (const GlossaColor *light,
                                      GlossaColor       *dark);
gboolean  glossa_color_make_readable (GlossaColor       *tint,
                                      double             alpha,
                                      const GlossaColor *background,
                                      const GlossaColor *text);

G_END_DECLS
