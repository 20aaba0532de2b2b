/* test-screenshot.c: screenshots of the window and its shortcuts, in English and Italian, light and dark, into the build folder
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 14: screenshots at 700 and 1400 px wide, light and dark, English
 * and Italian, named screenshot-WIDTH-STYLE-LANGUAGE.png in the build
 * folder, to be looked at. The translations are the build's own (po/ in
 * the build folder), as the binary run from the build folder uses them.
 *
 * The Keyboard Shortcuts window shows keys by the names GTK gives them in
 * the language (gtk_accelerator_get_label()): never a keysym's raw name
 * such as "Page_Down".
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "glossa-window-private.h"
#include "gui-test-util.h"

#define SAMPLE "000_5c30643a3adee991.txt"

/* A few spans of each label, one nested in another, and one selected, so
 * the screenshot shows what annotators see.
 */
static const struct {
  const char *text;
  const char *label;
} spans[] = {
  { "2021-12-31", "date" },
  { "Vladimir Putin warned his US counterpart Joe Biden that imposing new sanctions on Moscow "
    "for the crisis in Ukraine could lead to a complete break in relations between Moscow and Washington",
    "claim" },
  { "Vladimir Putin", "actor" },
  { "Joe Biden", "actor" },
  { "BBC", "actor" },
  { "such sanctions would be a “colossal mistake”", "quote" },
  { "this month", "date" },
  { "the troops are there for exercises", "claim" },
};

typedef struct {
  const char *language;
  gboolean    dark;
  int         width;
} Variant;

static const Variant variants[] = {
  { "en", FALSE, 1400 }, { "en", TRUE, 1400 }, { "en", FALSE, 700 }, { "en", TRUE, 700 },
  { "it", FALSE, 1400 }, { "it", TRUE, 1400 }, { "it", FALSE, 700 }, { "it", TRUE, 700 },
};

/* The language of the strings made from now on: the build's catalogues,
 * and a locale other than plain C, in which gettext ignores LANGUAGE
 * (gtk_test_init() asks for en_US.UTF-8, which may not be installed).
 * Only a change of locale drops the translations gettext has cached (GTK's
 * key names among them), hence the detour through C.
 */
static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "C"));
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
}

static char *
screenshot_path (const char    *what,
                 const Variant *variant)
{
  g_autofree char *name = g_strdup_printf ("%s-%d-%s-%s.png", what, variant->width,
                                           variant->dark ? "dark" : "light", variant->language);

  return g_build_filename (GLOSSA_BUILD_ROOT, name, NULL);
}

static void
save_screenshot (GtkWidget     *window,
                 const char    *what,
                 const Variant *variant)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = screenshot_path (what, variant);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int width = 0;
  int height = 0;

  /* On a loaded machine the window may not have been laid out and drawn
   * yet (a paintable of an undrawn widget gives no node): let the main
   * loop run until it has, rather than fail on the machine's speed.
   */
  while (node == NULL && g_get_monotonic_time () < deadline)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      width = gtk_widget_get_width (GTK_WIDGET (window));
      height = gtk_widget_get_height (GTK_WIDGET (window));
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      for (int i = 0; node == NULL && i < 10; i++)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (5000);
        }
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

/* Whether a label under WIDGET reads TEXT. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static void
add_spans (GlossaWindow *window)
{
  GlossaDocument *document = glossa_window_get_document (window);
  const char *text = glossa_article_get_text (glossa_document_get_article (document));

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *found = strstr (text, spans[i].text);
      GlossaLabel label;
      gint64 start;

      g_assert_nonnull (found);
      g_assert_true (glossa_label_from_string (spans[i].label, &label));
      start = g_utf8_pointer_to_offset (text, found);
      glossa_document_add_span (document, start, start + g_utf8_strlen (spans[i].text, -1),
                                label, &error);
      g_assert_no_error (error);
    }
}

static void
test_screenshot (gconstpointer data)
{
  const Variant *variant = data;
  g_autoptr(GFile) article = NULL;
  GlossaWindow *window;

  use_language (variant->language);
  article = gui_test_copy_sample (SAMPLE);
  gui_test_set_dark (variant->dark);
  window = gui_test_open_window (article);
  gtk_window_set_default_size (GTK_WINDOW (window), variant->width, 760);
  add_spans (window);
  _glossa_window_on_offset_clicked (window, gui_test_find (window, "Joe Biden") + 1);
  gui_test_iterate (500);

  /* The header's label buttons speak the language, at 1400 px where they
   * show their names: the catalogue of the build folder was used.
   */
  if (variant->width == 1400)
    {
      const char *claim = dgettext (GETTEXT_PACKAGE, "Claim");

      if (g_str_equal (variant->language, "it"))
        g_assert_cmpstr (claim, ==, "Affermazione");
      g_assert_true (shows_label (GTK_WIDGET (window), claim));
    }

  save_screenshot (GTK_WIDGET (window), "screenshot", variant);

  gui_test_wait_saved (window);
  gui_test_close_window (window);
  gui_test_remove_tree (article);
  gui_test_set_dark (FALSE);
}

/* The shortcut under WIDGET for ACCELERATOR, or NULL. */
static GtkShortcutsShortcut *
find_shortcut (GtkWidget  *widget,
               const char *accelerator)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accel = NULL;

      g_object_get (widget, "accelerator", &accel, NULL);
      if (g_strcmp0 (accel, accelerator) == 0)
        return GTK_SHORTCUTS_SHORTCUT (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkShortcutsShortcut *found = find_shortcut (child, accelerator);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every label inside a GtkShortcutLabel under WIDGET, into CAPS. */
static void
collect_key_caps (GtkWidget *widget,
                  gboolean   in_shortcut_label,
                  GPtrArray *caps)
{
  in_shortcut_label = in_shortcut_label || GTK_IS_SHORTCUT_LABEL (widget);
  if (in_shortcut_label && GTK_IS_LABEL (widget))
    g_ptr_array_add (caps, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_key_caps (child, in_shortcut_label, caps);
}

static gboolean
has_cap (GPtrArray  *caps,
         const char *text)
{
  for (guint i = 0; i < caps->len; i++)
    if (g_str_equal (g_ptr_array_index (caps, i), text))
      return TRUE;
  return FALSE;
}

/* The shortcut for ACCELERATOR shows KEYVAL's cap as GTK names the key. */
static void
assert_key_cap (GtkWidget  *overlay,
                const char *accelerator,
                guint       keyval)
{
  GtkShortcutsShortcut *shortcut = find_shortcut (overlay, accelerator);
  g_autoptr(GPtrArray) caps = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = gtk_accelerator_get_label (keyval, 0);

  g_assert_nonnull (shortcut);
  collect_key_caps (GTK_WIDGET (shortcut), FALSE, caps);
  if (!has_cap (caps, name))
    g_error ("the shortcut %s shows no “%s” key cap", accelerator, name);
}

static void
test_shortcuts (gconstpointer data)
{
  const Variant *variant = data;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GPtrArray) caps = g_ptr_array_new_with_free_func (g_free);
  GlossaWindow *window;
  GtkWidget *overlay;

  use_language (variant->language);
  article = gui_test_copy_sample (SAMPLE);
  gui_test_set_dark (variant->dark);
  window = gui_test_open_window (article);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  gui_test_iterate (500);
  overlay = GTK_WIDGET (window->help_overlay);
  g_assert_nonnull (overlay);

  /* No cap is a keysym's own name ("Page_Down", "BackSpace" is one word). */
  collect_key_caps (overlay, FALSE, caps);
  g_assert_cmpuint (caps->len, >, 40);
  for (guint i = 0; i < caps->len; i++)
    if (strchr (g_ptr_array_index (caps, i), '_') != NULL)
      g_error ("a key cap of the shortcuts window reads “%s”", (char *) g_ptr_array_index (caps, i));

  assert_key_cap (overlay, "<Control>Page_Down", GDK_KEY_Page_Down);
  assert_key_cap (overlay, "<Control>Page_Up", GDK_KEY_Page_Up);
  assert_key_cap (overlay, "<Control><Shift>Page_Down", GDK_KEY_Page_Down);
  assert_key_cap (overlay, "<Control>f", GDK_KEY_f);

  /* The labels' keys are the document's, in the UI language: the claim
   * is Affermazione in Italian, tagged with F, since C is Citazione's.
   */
  if (g_str_equal (variant->language, "it"))
    assert_key_cap (overlay, "3 f", GDK_KEY_f);
  else
    assert_key_cap (overlay, "3 c", GDK_KEY_c);

  save_screenshot (overlay, "shortcuts", variant);

  gtk_window_destroy (GTK_WINDOW (overlay));
  gui_test_wait_saved (window);
  gui_test_close_window (window);
  gui_test_remove_tree (article);
  gui_test_set_dark (FALSE);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      const Variant *v = &variants[i];
      g_autofree char *shot = g_strdup_printf ("/gui/screenshot/%s/%s/%d", v->language,
                                               v->dark ? "dark" : "light", v->width);
      g_autofree char *keys = g_strdup_printf ("/gui/shortcuts/%s/%s/%d", v->language,
                                               v->dark ? "dark" : "light", v->width);

      g_test_add_data_func (shot, v, test_screenshot);
      if (v->width == 1400)
        g_test_add_data_func (keys, v, test_shortcuts);
    }

  return g_test_run ();
}
