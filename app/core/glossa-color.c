/* glossa-color.c: label colours: parsing, dark tints and readable contrast
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "glossa-color.h"

static int
hex_digit (char c)
{
  return g_ascii_isxdigit (c) ? g_ascii_xdigit_value (c) : -1;
}

/**
 * glossa_color_parse:
 * @str: "#rrggbb" or "#rgb", as a schema writes colours
 *
 * Returns: whether @str is such a colour; @color is set only if it is.
 */
gboolean
glossa_color_parse (const char  *str,
                    GlossaColor *color)
{
  double channels[3];
  gsize len;
  guint width;

  g_return_val_if_fail (color != NULL, FALSE);

  if (str == NULL || str[0] != '#')
    return FALSE;
  len = strlen (str + 1);
  if (len != 3 && len != 6)
    return FALSE;
  width = len / 3;
  for (guint i = 0; i < 3; i++)
    {
      int high = hex_digit (str[1 + i * width]);
      int low = hex_digit (str[1 + i * width + width - 1]);

      if (high < 0 || low < 0)
        return FALSE;
      channels[i] = (high * 16 + low) / 255.0;
    }
  color->red = channels[0];
  color->green = channels[1];
  color->blue = channels[2];
  return TRUE;
}

static guint
to_byte (double channel)
{
  return (guint) CLAMP (round (channel * 255.0), 0, 255);
}

char *
glossa_color_to_string (const GlossaColor *color)
{
  return g_strdup_printf ("#%02x%02x%02x", to_byte (color->red), to_byte (color->green), to_byte (color->blue));
}

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

/* WCAG 2's relative luminance. */
double
glossa_color_luminance (const GlossaColor *color)
{
  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) + 0.0722 * linear (color->blue);
}

/* WCAG 2's contrast ratio, from 1 (none) to 21 (black on white). */
double
glossa_color_contrast (const GlossaColor *a,
                       const GlossaColor *b)
{
  double la = glossa_color_luminance (a);
  double lb = glossa_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* What the eye sees of @over drawn at @alpha on @under. */
void
glossa_color_blend (const GlossaColor *over,
                    double             alpha,
                    const GlossaColor *under,
                    GlossaColor       *result)
{
  result->red = over->red * alpha + under->red * (1 - alpha);
  result->green = over->green * alpha + under->green * (1 - alpha);
  result->blue = over->blue * alpha + under->blue * (1 - alpha);
}

/* A label's colour for the dark style when its schema gives none: the
 * light one lightened towards white, as GNOME's palette goes from its
 * shade 3 to its shade 1.
 */
void
glossa_color_derive_dark (const GlossaColor *light,
                          GlossaColor       *dark)
{
  dark->red = light->red + (1 - light->red) * 0.35;
  dark->green = light->green + (1 - light->green) * 0.35;
  dark->blue = light->blue + (1 - light->blue) * 0.35;
}

/**
 * glossa_color_make_readable:
 * @tint: the label's colour, changed in place
 * @alpha: how opaque the tint is drawn
 * @background: what the tint is drawn on
 * @text: the colour of the text drawn over the tint
 *
 * Schemas come with any colours, and a saturated one behind the text can
 * make it unreadable. This moves @tint away from @text (towards white
 * behind dark text, towards black behind light text) in small steps, so
 * that the hue stays recognisable, until the text keeps
 * %GLOSSA_COLOR_MIN_CONTRAST on the tint as drawn.
 *
 * Returns: whether @tint had to change.
 */
gboolean
glossa_color_make_readable (GlossaColor       *tint,
                            double             alpha,
                            const GlossaColor *background,
                            const GlossaColor *text)
{
  GlossaColor toward = { 0, 0, 0 };
  GlossaColor original = *tint;
  gboolean changed = FALSE;

  if (glossa_color_luminance (text) < 0.5)
    toward = (GlossaColor) { 1, 1, 1 };

  /* 20 steps of 5 % end at white or black itself. */
  for (guint step = 1; step <= 20; step++)
    {
      GlossaColor seen;

      glossa_color_blend (tint, alpha, background, &seen);
      if (glossa_color_contrast (&seen, text) >= GLOSSA_COLOR_MIN_CONTRAST)
        break;
      glossa_color_blend (&toward, step * 0.05, &original, tint);
      changed = TRUE;
    }

  return changed;
}
