/* glossa-application.c: the Glossa application, its app-wide actions and windows
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "glossa-application.h"
#include "glossa-document.h"
#include "glossa-format.h"
#include "glossa-preferences-window.h"
#include "glossa-window.h"
#include "glossa-window-private.h"

/* An article named on the command line, read in a worker thread from the
 * moment the program starts, while GTK connects to the display and the
 * window is built; the window then takes the document rather than read the
 * files itself (glossa_application_take_preload()).
 *
 * The thread fills in `document` or `error` under the lock. The task's
 * callback, back on the main thread, hands them to the window waiting for
 * them if there is one, and frees the preload unless it is still to be
 * claimed: a preload is freed by whichever of the callback and the claim
 * (or the drop of unclaimed ones) comes last.
 */
typedef struct
{
  GFile            *file;
  GCancellable     *cancellable;
  gboolean          small;

  GMutex            lock;
  GCond             cond;
  gboolean          done;
  GlossaDocument   *document;
  GError           *error;

  /* Main thread only. */
  GlossaOpenedFunc  func;
  gpointer          user_data;
  gboolean          task_over;
  gboolean          released;
} Preload;

/* More files than this open windows slowly anyway: the rest are read as
 * their windows ask.
 */
#define MAX_PRELOADS 8

struct _GlossaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GPtrArray      *preloads;
};

G_DEFINE_FINAL_TYPE (GlossaApplication, glossa_application, ADW_TYPE_APPLICATION)

/* Keys with a modifier live here, application-wide. The bare keys (1–4,
 * A/Q/C/D, Delete, Tab…) are bound on the article view only, in
 * glossa-window.ui, so that typing in the search entry never tags anything.
 */
static const struct {
  const char *action;
  const char *accels[4];
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
  { "win.show-corpus-list", { "<Shift>F9", NULL } },
  { "win.show-guidelines", { "F1", NULL } },
  { "win.show-label-names", { "<Control><Shift>l", NULL } },
  { "win.show-links", { "<Control><Shift>k", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
  { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "win.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.open-folder", { "<Control><Shift>o", NULL } },
  { "win.next-article", { "<Control>Page_Down", NULL } },
  { "win.previous-article", { "<Control>Page_Up", NULL } },
  { "win.next-unfinished", { "<Control><Shift>Page_Down", NULL } },
  { "win.mark-done", { "<Control>Return", "<Control>KP_Enter", NULL } },
  { "win.overview", { "<Control>i", NULL } },
  { "win.review-next", { "F8", NULL } },
  { "win.review-previous", { "<Shift>F8", NULL } },
  { "win.keep-a", { "<Control>1", NULL } },
  { "win.keep-b", { "<Control>2", NULL } },
  { "win.keep-both", { "<Control>3", NULL } },
  { "win.keep-neither", { "<Control>4", NULL } },
  { "win.keep-side(0)", { "<Control><Alt>1", NULL } },
  { "win.keep-side(1)", { "<Control><Alt>2", NULL } },
  { "win.keep-side(2)", { "<Control><Alt>3", NULL } },
  { "win.keep-side(3)", { "<Control><Alt>4", NULL } },
  { "win.keep-side(4)", { "<Control><Alt>5", NULL } },
  { "win.keep-side(5)", { "<Control><Alt>6", NULL } },
  { "win.keep-side(6)", { "<Control><Alt>7", NULL } },
  { "win.keep-side(7)", { "<Control><Alt>8", NULL } },
  { "win.keep-side(8)", { "<Control><Alt>9", NULL } },
  { "win.search-corpus", { "<Control><Shift>f", NULL } },
  { "win.find-next", { "<Control>g", NULL } },
  { "win.find-previous", { "<Control><Shift>g", NULL } },
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

static void
preload_free (Preload *preload)
{
  g_clear_object (&preload->file);
  g_clear_object (&preload->cancellable);
  g_clear_object (&preload->document);
  g_clear_error (&preload->error);
  g_mutex_clear (&preload->lock);
  g_cond_clear (&preload->cond);
  g_free (preload);
}

static void
preload_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Preload *preload = task_data;
  GError *error = NULL;
  GlossaDocument *document = glossa_document_open (preload->file, cancellable, &error);

  g_mutex_lock (&preload->lock);
  preload->document = document;
  preload->error = error;
  preload->done = TRUE;
  g_cond_broadcast (&preload->cond);
  g_mutex_unlock (&preload->lock);

  g_task_return_boolean (task, TRUE);
}

/* Hands the document (or the error) over to the window that asked. */
static void
preload_deliver (Preload *preload)
{
  g_autoptr(GlossaDocument) document = g_steal_pointer (&preload->document);
  g_autoptr(GError) error = g_steal_pointer (&preload->error);

  preload->func (document, error, preload->user_data);
  preload->func = NULL;
}

static void
preload_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Preload *preload = user_data;

  preload->task_over = TRUE;
  if (preload->func != NULL)
    preload_deliver (preload);
  if (preload->released)
    preload_free (preload);
}

/* Claimed, delivered or dropped: the main thread is done with it. */
static void
preload_release (Preload *preload)
{
  preload->released = TRUE;
  if (preload->task_over)
    preload_free (preload);
}

/* What a file on the command line opens: an annotation file stands for its
 * article.
 */
static GFile *
file_to_open (GFile *file)
{
  if (g_file_peek_path (file) != NULL && glossa_is_annotations_file (g_file_peek_path (file)))
    return glossa_article_file_for_annotations (file);

  return g_object_ref (file);
}

/* Only what the window would read as an article: not a folder or a JSONL
 * corpus.
 */
static void
glossa_application_preload (GlossaApplication  *self,
                            const char         *arg)
{
  g_autoptr(GFile) arg_file = g_file_new_for_commandline_arg (arg);
  g_autoptr(GFile) file = file_to_open (arg_file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GTask) task = NULL;
  Preload *preload;

  if (g_file_peek_path (file) == NULL || g_str_has_suffix (g_file_peek_path (file), ".jsonl"))
    return;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return;

  preload = g_new0 (Preload, 1);
  preload->file = g_steal_pointer (&file);
  preload->cancellable = g_cancellable_new ();
  preload->small = g_file_info_get_size (info) <= GLOSSA_WINDOW_SYNC_OPEN_MAX_BYTES;
  g_mutex_init (&preload->lock);
  g_cond_init (&preload->cond);
  g_ptr_array_add (self->preloads, preload);

  task = g_task_new (NULL, preload->cancellable, preload_done_cb, preload);
  g_task_set_source_tag (task, glossa_application_preload);
  g_task_set_task_data (task, preload, NULL);
  g_task_run_in_thread (task, preload_thread);
}

/* Lets go of the preloads no window claimed. */
static void
glossa_application_drop_preloads (GlossaApplication *self)
{
  for (guint i = 0; i < self->preloads->len; i++)
    {
      Preload *preload = g_ptr_array_index (self->preloads, i);

      g_cancellable_cancel (preload->cancellable);
      preload_release (preload);
    }
  g_ptr_array_set_size (self->preloads, 0);
}

/**
 * glossa_application_take_preload:
 * @func: called with the document, or the error that kept it from opening
 *
 * If @file, an article, was named on the command line and is being read
 * already, takes over that reading: @func is called with its outcome, from
 * within this call if the read is done (or the article is small enough to
 * wait for), otherwise from the main loop when it is done.
 *
 * Returns: whether @func will be called
 */
gboolean
glossa_application_take_preload (GlossaApplication *self,
                                 GFile             *file,
                                 GlossaOpenedFunc   func,
                                 gpointer           user_data)
{
  g_return_val_if_fail (GLOSSA_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  for (guint i = 0; i < self->preloads->len; i++)
    {
      Preload *preload = g_ptr_array_index (self->preloads, i);
      gboolean done;

      if (!g_file_equal (preload->file, file))
        continue;

      g_ptr_array_remove_index (self->preloads, i);
      preload->func = func;
      preload->user_data = user_data;

      g_mutex_lock (&preload->lock);
      while (preload->small && !preload->done)
        g_cond_wait (&preload->cond, &preload->lock);
      done = preload->done;
      g_mutex_unlock (&preload->lock);

      /* Otherwise preload_done_cb() delivers it. */
      if (done)
        preload_deliver (preload);
      preload_release (preload);
      return TRUE;
    }

  return FALSE;
}

static int
review_usage_error (const char *message)
{
  g_printerr ("%s review: %s\n", g_get_prgname (), message);
  return 2;
}

/* `glossa review A B [C…] -o OUT [--majority]`: the window opens A and
 * goes straight into review against B, C…, as Compare… does, so that
 * scripts and tests can drive it. What would make Compare… refuse is
 * refused here, with exit status 2.
 */
static int
review_command_line (GlossaApplication  *self,
                     char              **argv)
{
  g_autofree char *output = NULL;
  g_auto(GStrv) rest = NULL;
  g_auto(GStrv) args = g_strdupv (argv + 1);
  gboolean majority = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The folder for the adjudicated annotations"), N_("FOLDER") },
    { "majority", 0, 0, G_OPTION_ARG_NONE, &majority,
      N_("Accept the spans more than half of the annotators agree on; leave the rest to decide"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("A B [C…]"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) a = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;
  GList *windows;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Opens the window on A and reviews it against B, C… (folders or\n"
                                           "JSONL exports); the adjudicated annotations and their articles\n"
                                           "go to the folder given with -o."));
  if (!g_option_context_parse_strv (context, &args, &error))
    return review_usage_error (error->message);
  n = rest != NULL ? g_strv_length (rest) : 0;
  if (n < 2)
    return review_usage_error (_("give two corpora or more: A B [C…]"));
  if (n > GLOSSA_REVIEW_BAR_MAX_SIDES)
    return review_usage_error (_("the window compares at most nine annotators; "
                                 "“glossa merge” takes any number"));
  if (output == NULL)
    return review_usage_error (_("no output given (-o FOLDER)"));

  out = g_file_new_for_commandline_arg (output);
  for (guint i = 0; i < n; i++)
    {
      GFile *file = g_file_new_for_commandline_arg (rest[i]);

      if (i == 0)
        a = file;
      else
        g_ptr_array_add (others, file);
      if (!g_file_query_exists (file, NULL))
        {
          g_printerr (_("%s review: %s: No such file or folder\n"), g_get_prgname (), rest[i]);
          return 1;
        }
      if (!glossa_review_check_output (out, file, NULL, &error))
        return review_usage_error (error->message);
    }

  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 1;
    }
  g_application_open (G_APPLICATION (self), &a, 1, "");
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  if (windows != NULL)
    _glossa_window_review_sides_when_shown (GLOSSA_WINDOW (windows->data), others, out, majority);
  return 0;
}

static gboolean
glossa_application_local_command_line (GApplication   *app,
                                       char         ***arguments,
                                       int            *exit_status)
{
  GlossaApplication *self = GLOSSA_APPLICATION (app);
  char **argv = *arguments;
  gboolean plain = TRUE;

  if (argv[1] != NULL && g_str_equal (argv[1], "review"))
    {
      *exit_status = review_command_line (self, argv);
      return TRUE;
    }

  for (guint i = 1; argv[i] != NULL; i++)
    plain = plain && argv[i][0] != '-';
  for (guint i = 1; plain && argv[i] != NULL && i <= MAX_PRELOADS; i++)
    glossa_application_preload (self, argv[i]);

  return G_APPLICATION_CLASS (glossa_application_parent_class)->local_command_line (app, arguments, exit_status);
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
      g_autoptr(GFile) file = file_to_open (files[i]);
      GlossaWindow *window;

      if (active != NULL && glossa_window_get_document (GLOSSA_WINDOW (active)) == NULL)
        window = GLOSSA_WINDOW (active);
      else
        window = glossa_application_new_window (self);

      glossa_window_open_file (window, file);
      gtk_window_present (GTK_WINDOW (window));
    }

  glossa_application_drop_preloads (self);
}

static void
read_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  gtk_icon_theme_has_icon (GTK_ICON_THEME (source_object), "open-menu-symbolic");
  g_task_return_boolean (task, TRUE);
}

/* GtkIconTheme starts reading the icon themes in a thread when it is
 * created, but each resource path added since (GtkApplication's,
 * libadwaita's, GtkSourceView's) makes it start over, and the first icon
 * the window draws then reads them on the main thread (about 10 ms). Once
 * the theme is set up, lookups may come from any thread: one here reads the
 * themes while the window is being built.
 */
static void
glossa_application_read_icon_theme (GlossaApplication *self)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GTask) task = g_task_new (theme, NULL, NULL, NULL);

  g_task_set_source_tag (task, glossa_application_read_icon_theme);
  g_task_run_in_thread (task, read_icon_theme_thread);
}

static void
glossa_application_startup (GApplication *app)
{
  GlossaApplication *self = GLOSSA_APPLICATION (app);

  G_APPLICATION_CLASS (glossa_application_parent_class)->startup (app);

  gtk_source_init ();
  glossa_application_read_icon_theme (self);
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

  /* Closing each window saves it: quitting never loses a tag. A window
   * whose edits could not be written asks first and stays open.
   */
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
  if (self->preloads != NULL)
    glossa_application_drop_preloads (self);
  g_clear_pointer (&self->preloads, g_ptr_array_unref);

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
  app_class->local_command_line = glossa_application_local_command_line;
  app_class->startup = glossa_application_startup;
}

static void
glossa_application_init (GlossaApplication *self)
{
  self->preloads = g_ptr_array_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
}
