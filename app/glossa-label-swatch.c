/* glossa-label-swatch.c: a small square in a label's colour, for buttons, counts and rows
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "glossa-color.h"
#include "glossa-label-swatch.h"

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* The swatch's colour, from a provider of its own: schemas have any
 * number of labels with any names, so no fixed CSS class could name them.
 */
/**
 * glossa_label_swatch_set_color:
 * @swatch: a widget with the "swatch" style class
 *
 * Colours @swatch as @label, replacing the colour it had.
 */
void
glossa_label_swatch_set_color (GtkWidget               *swatch,
                               const GlossaSchemaLabel *label)
{
  GtkCssProvider *provider = g_object_get_data (G_OBJECT (swatch), "glossa-swatch-provider");
  g_autofree char *css = NULL;
  GlossaColor color;
  const char *str = is_dark () && label->color_dark ? label->color_dark : label->color;

  if (!glossa_color_parse (str, &color))
    glossa_color_parse ("#77767b", &color);
  else if (is_dark () && label->color_dark == NULL)
    glossa_color_derive_dark (&color, &color);
  css = g_strdup_printf (".swatch { background-color: rgb(%d, %d, %d); }",
                         (int) (color.red * 255 + 0.5), (int) (color.green * 255 + 0.5),
                         (int) (color.blue * 255 + 0.5));
  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      g_object_set_data_full (G_OBJECT (swatch), "glossa-swatch-provider", provider, g_object_unref);
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_add_provider (gtk_widget_get_style_context (swatch), GTK_STYLE_PROVIDER (provider),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
  gtk_css_provider_load_from_data (provider, css, -1);
}

GtkWidget *
glossa_label_swatch_new (const GlossaSchemaLabel *label)
{
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  glossa_label_swatch_set_color (swatch, label);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (swatch, "swatch");
  return swatch;
}
