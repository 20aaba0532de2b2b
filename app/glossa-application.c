/* glossa-application.c: the Glossa application, its app-wide actions and windows
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "glossa-application.h"
#include "glossa-format.h"
#include "glossa-preferences-window.h"
#include "glossa-window.h"

struct _GlossaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (GlossaApplication, glossa_application, ADW_TYPE_APPLICATION)

/* Keys with a modifier live here, application-wide. The bare keys (1–4,
 * A/Q/C/D, Delete, Tab…) are bound on the article view only, in
 * glossa-window.ui, so that typing in the search entry never tags anything.
 */
static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.show-side-panel", { "F9", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.open-folder", { "<Control><Shift>o", NULL } },
  { "win.next-article", { "<Control>Page_Down", NULL } },
  { "win.previous-article", { "<Control>Page_Up", NULL } },
  { "win.next-unfinished", { "<Control><Shift>Page_Down", NULL } },
  { "win.mark-done", { "<Control>Return", "<Control>KP_Enter", NULL } },
  { "win.review-next", { "F8", NULL } },
  { "win.review-previous", { "<Shift>F8", NULL } },
  { "win.keep-a", { "<Control>1", NULL } },
  { "win.keep-b", { "<Control>2", NULL } },
  { "win.keep-both", { "<Control>3", NULL } },
  { "win.keep-neither", { "<Control>0", NULL } },
};

GlossaApplication *
glossa_application_new (void)
{
  return g_object_new (GLOSSA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PREFIX,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}

GSettings *
glossa_application_get_settings (GlossaApplication *self)
{
  g_return_val_if_fail (GLOSSA_IS_APPLICATION (self), NULL);

  return self->settings;
}

static GlossaWindow *
glossa_application_new_window (GlossaApplication *self)
{
  return g_object_new (GLOSSA_TYPE_WINDOW, "application", self, NULL);
}

static void
glossa_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (glossa_application_new_window (GLOSSA_APPLICATION (app)));

  gtk_window_present (window);
}

/* Each article opens in its own window; a window still showing the empty
 * state is reused for the first one.
 */
static void
glossa_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  GlossaApplication *self = GLOSSA_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
      GlossaWindow *window;

      if (active != NULL && glossa_window_get_document (GLOSSA_WINDOW (active)) == NULL)
        window = GLOSSA_WINDOW (active);
      else
        window = glossa_application_new_window (self);

      /* An annotation file stands for its article. */
      if (g_file_peek_path (files[i]) != NULL && glossa_is_annotations_file (g_file_peek_path (files[i])))
        {
          g_autoptr(GFile) article = glossa_article_file_for_annotations (files[i]);

          glossa_window_open_file (window, article);
        }
      else
        glossa_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
glossa_application_startup (GApplication *app)
{
  GlossaApplication *self = GLOSSA_APPLICATION (app);

  G_APPLICATION_CLASS (glossa_application_parent_class)->startup (app);

  gtk_source_init ();
  self->settings = g_settings_new (APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
glossa_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  GlossaApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing each window saves it: quitting never loses a tag. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
glossa_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  static const char *developers[] = { "The Glossa authors", NULL };
  GlossaApplication *self = user_data;

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Glossa"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Glossa authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Annotate news articles: actors, quotes, claims and dates"),
                         "developers", developers,
                         "copyright", "© 2026 The Glossa authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
glossa_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  GlossaApplication *self = user_data;
  GtkWindow *window = GTK_WINDOW (glossa_preferences_window_new (self->settings));

  gtk_window_set_transient_for (window, gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (window);
}

static const GActionEntry app_actions[] = {
  { "quit", glossa_application_quit_action },
  { "about", glossa_application_about_action },
  { "preferences", glossa_application_preferences_action },
};

static void
glossa_application_dispose (GObject *object)
{
  GlossaApplication *self = GLOSSA_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (glossa_application_parent_class)->dispose (object);
}

static void
glossa_application_class_init (GlossaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = glossa_application_dispose;
  app_class->activate = glossa_application_activate;
  app_class->open = glossa_application_open;
  app_class->startup = glossa_application_startup;
}

static void
glossa_application_init (GlossaApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
}
