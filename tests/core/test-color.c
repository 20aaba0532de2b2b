/* test-color.c: label colours stay readable behind the text in light and dark styles
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "glossa-color.h"
#include "glossa-schema.h"

/* The article view's text and background (GtkSourceView's Adwaita and
 * Adwaita-dark schemes), and the selected span's text on its full colour.
 */
#define LIGHT_TEXT       "#504e55"
#define LIGHT_BACKGROUND "#fcfcfc"
#define DARK_TEXT        "#c0bfbc"
#define DARK_BACKGROUND  "#262626"
#define LIGHT_SELECTED_TEXT "#ffffff"
#define DARK_SELECTED_TEXT  "#1e1e1e"

/* The opacities the view draws tints with: nesting depths 0–2, and 1 for
 * the selected span.
 */
static const double alphas[] = { 0.24, 0.30, 0.42, 0.46, 0.60, 0.62, 1.0 };

/* Twenty colours as people pick them for a big tagset, the hard ones
 * included: yellow and cyan on white, navy and black on black.
 */
static const char * const palette[] = {
  "#e01b24", "#ff7800", "#f6d32d", "#33d17a", "#3584e4", "#9141ac", "#986a44",
  "#000000", "#ffffff", "#00ffff", "#ff00ff", "#ffff00", "#000080", "#808000",
  "#1c71d8", "#26a269", "#e66100", "#c01c28", "#77767b", "#63452c",
};

static GlossaColor
parse (const char *str)
{
  GlossaColor color;

  g_assert_true (glossa_color_parse (str, &color));
  return color;
}

static void
test_parse (void)
{
  GlossaColor color = { 0.5, 0.5, 0.5 };
  GlossaColor short_form = parse ("#abc");
  GlossaColor long_form = parse ("#AABBCC");
  g_autofree char *str = glossa_color_to_string (&long_form);
  static const char * const bad[] = { "", "#", "#12345", "#1234567", "blue", "#gg0000", "1c71d8", "#12 456" };

  g_assert_cmpfloat (short_form.red, ==, long_form.red);
  g_assert_cmpfloat (short_form.blue, ==, long_form.blue);
  g_assert_cmpstr (str, ==, "#aabbcc");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (glossa_color_parse (bad[i], &color));
      /* Untouched when refused. */
      g_assert_cmpfloat (color.red, ==, 0.5);
    }
  g_assert_false (glossa_color_parse (NULL, &color));
}

static void
test_contrast (void)
{
  GlossaColor black = parse ("#000000");
  GlossaColor white = parse ("#ffffff");
  GlossaColor grey = parse ("#767676");

  g_assert_cmpfloat_with_epsilon (glossa_color_contrast (&black, &white), 21.0, 0.001);
  g_assert_cmpfloat_with_epsilon (glossa_color_contrast (&white, &black), 21.0, 0.001);
  g_assert_cmpfloat_with_epsilon (glossa_color_contrast (&grey, &grey), 1.0, 0.001);
  /* #767676 is the lightest grey with 4.5:1 on white. */
  g_assert_cmpfloat (glossa_color_contrast (&grey, &white), >=, 4.5);
  g_assert_cmpfloat (glossa_color_contrast (&grey, &white), <, 4.6);
}

static void
test_derive_dark (void)
{
  GlossaColor light = parse ("#1c71d8");
  GlossaColor dark;
  g_autofree char *str = NULL;

  glossa_color_derive_dark (&light, &dark);
  str = glossa_color_to_string (&dark);
  /* 35 % of the way to white, channel by channel. */
  g_assert_cmpstr (str, ==, "#6ba3e6");
  g_assert_cmpfloat (glossa_color_luminance (&dark), >, glossa_color_luminance (&light));
}

/* Makes @str (or @dark_str in the dark style; derived when NULL) readable
 * as the view draws it and checks the text's contrast on the result.
 * Returns whether it had to change.
 */
static gboolean
check_readable (const char *str,
                const char *dark_str,
                gboolean    dark,
                double      alpha)
{
  GlossaColor tint = parse (dark && dark_str ? dark_str : str);
  GlossaColor background = parse (dark ? DARK_BACKGROUND : LIGHT_BACKGROUND);
  GlossaColor text;
  GlossaColor seen;
  gboolean changed;

  if (dark && dark_str == NULL)
    glossa_color_derive_dark (&tint, &tint);
  if (alpha == 1.0)
    text = parse (dark ? DARK_SELECTED_TEXT : LIGHT_SELECTED_TEXT);
  else
    text = parse (dark ? DARK_TEXT : LIGHT_TEXT);
  changed = glossa_color_make_readable (&tint, alpha, &background, &text);
  glossa_color_blend (&tint, alpha, &background, &seen);
  if (glossa_color_contrast (&seen, &text) < GLOSSA_COLOR_MIN_CONTRAST)
    g_error ("%s (%s, alpha %.2f): contrast %.2f", str, dark ? "dark" : "light", alpha,
             glossa_color_contrast (&seen, &text));
  return changed;
}

static void
test_builtin_readable (void)
{
  g_autoptr(GlossaSchema) schema = glossa_schema_get_default ();
  guint changed = 0;

  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    for (guint dark = 0; dark < 2; dark++)
      for (guint a = 0; a < G_N_ELEMENTS (alphas); a++)
        changed += check_readable (glossa_schema_get_label (schema, i)->color,
                                   glossa_schema_get_label (schema, i)->color_dark, dark, alphas[a]);
  /* The built-in tints are light enough as drawn; only the selected
   * span's full colour under white text needed darkening (orange, green).
   */
  g_assert_cmpuint (changed, >, 0);
}

static void
test_palette_readable (void)
{
  guint changed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    for (guint dark = 0; dark < 2; dark++)
      for (guint a = 0; a < G_N_ELEMENTS (alphas); a++)
        changed += check_readable (palette[i], NULL, dark, alphas[a]);
  /* Black and yellow behind dark text, at least, had to change. */
  g_assert_cmpuint (changed, >=, 2);
}

/* A colour that already reads well is left as it is. */
static void
test_readable_unchanged (void)
{
  GlossaColor tint = parse ("#1c71d8");
  GlossaColor background = parse (LIGHT_BACKGROUND);
  GlossaColor text = parse (LIGHT_TEXT);
  g_autofree char *str = NULL;

  g_assert_false (glossa_color_make_readable (&tint, 0.24, &background, &text));
  str = glossa_color_to_string (&tint);
  g_assert_cmpstr (str, ==, "#1c71d8");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/color/parse", test_parse);
  g_test_add_func ("/color/contrast", test_contrast);
  g_test_add_func ("/color/derive-dark", test_derive_dark);
  g_test_add_func ("/color/readable/builtin", test_builtin_readable);
  g_test_add_func ("/color/readable/palette", test_palette_readable);
  g_test_add_func ("/color/readable/unchanged", test_readable_unchanged);

  return g_test_run ();
}
