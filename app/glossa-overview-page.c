/* glossa-overview-page.c: the corpus overview: charts of statuses, labels, progress and agreement
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-overview-page.h"

/* Charts are saved at least this large, so that a chart saved from a
 * narrow window is still legible in a report.
 */
#define EXPORT_MIN_WIDTH  640
#define EXPORT_MIN_HEIGHT 400

struct _GlossaOverviewPage
{
  AdwWindow        parent_instance;

  GlossaCorpus    *corpus;
  GFile           *against;
  GCancellable    *cancellable;
  GlossaChartData *data[GLOSSA_CHART_N_KINDS];
  char            *summary;
  gboolean         loading;

  AdwToastOverlay *toast_overlay;
  AdwButtonContent *against_content;
  GtkSpinner      *spinner;
  GtkSpinner      *big_spinner;
  GtkStack        *stack;
  AdwStatusPage   *error_page;
  GtkLabel        *summary_label;
  GtkLabel        *problems_label;
  GtkDrawingArea  *areas[GLOSSA_CHART_N_KINDS];
};

G_DEFINE_FINAL_TYPE (GlossaOverviewPage, glossa_overview_page, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CORPUS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Drawing */

static void
style_for (GlossaOverviewPage *self,
           GtkWidget          *widget,
           GlossaChartStyle   *style,
           gboolean            with_background)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  GdkRGBA color;

  glossa_chart_style_init (style, adw_style_manager_get_dark (manager));
  /* The text takes the widget's own colour (it follows high contrast too);
   * on screen the card's background shows through.
   */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  style->foreground = (GlossaChartColor) { color.red, color.green, color.blue, color.alpha };
  if (!with_background)
    style->background.alpha = 0;
  style->font = font != NULL ? pango_font_description_to_string (font) : NULL;
}

static GlossaChartKind
kind_of_area (GlossaOverviewPage *self,
              GtkDrawingArea     *area)
{
  for (guint k = 0; k < GLOSSA_CHART_N_KINDS; k++)
    if (self->areas[k] == area)
      return k;
  g_return_val_if_reached (GLOSSA_CHART_STATUS);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  GlossaOverviewPage *self = user_data;
  GlossaChartKind kind = kind_of_area (self, area);
  GlossaChartStyle style;

  if (self->data[kind] == NULL)
    return;
  style_for (self, GTK_WIDGET (area), &style, FALSE);
  glossa_chart_draw (cr, self->data[kind], &style, width, height);
  glossa_chart_style_clear (&style);
}

static void
queue_draw_all (GlossaOverviewPage *self)
{
  for (guint k = 0; k < GLOSSA_CHART_N_KINDS; k++)
    gtk_widget_queue_draw (GTK_WIDGET (self->areas[k]));
}

/* Reading */

static void
set_loading (GlossaOverviewPage *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_spinner_set_spinning (self->big_spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static char *
make_summary (GlossaOverview *overview)
{
  g_autofree char *documents = g_strdup_printf (ngettext ("%u document", "%u documents", overview->documents),
                                                overview->documents);
  g_autofree char *done = g_strdup_printf (_("%u done"), overview->done);
  g_autofree char *spans = g_strdup_printf (ngettext ("%u span", "%u spans", overview->spans),
                                            overview->spans);

  /* TRANSLATORS: "23 documents · 12 done · 140 spans" */
  return g_strdup_printf (_("%s · %s · %s"), documents, done, spans);
}

static void
show_problems (GlossaOverviewPage *self,
               GlossaOverview     *overview)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (overview->problems->len, 5);

  for (guint i = 0; i < shown; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (overview->problems, i));
  if (overview->problems->len > shown)
    g_string_append_printf (text, "\n%s", _("…and more: “glossa stats” lists them all"));
  gtk_label_set_text (self->problems_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), overview->problems->len > 0);
}

static void
show_overview (GlossaOverviewPage *self,
               GlossaOverview     *overview)
{
  for (guint k = 0; k < GLOSSA_CHART_N_KINDS; k++)
    {
      g_autofree char *description = NULL;

      g_clear_pointer (&self->data[k], glossa_chart_data_free);
      self->data[k] = glossa_chart_data_new (overview, k);
      /* A chart is a picture: screen readers get its figures in words. */
      description = glossa_chart_data_describe (self->data[k]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->areas[k]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  g_free (self->summary);
  self->summary = make_summary (overview);
  gtk_label_set_text (self->summary_label, self->summary);
  show_problems (self, overview);
  gtk_stack_set_visible_child_name (self->stack, "charts");
  queue_draw_all (self);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  char **paths = task_data;
  GError *error = NULL;
  GlossaOverview *overview = glossa_overview_compute (paths[0], paths[1], cancellable, &error);

  if (overview == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, overview, (GDestroyNotify) glossa_overview_free);
}

static void
compute_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GlossaOverviewPage *self = GLOSSA_OVERVIEW_PAGE (object);
  g_autoptr(GlossaOverview) overview = NULL;
  g_autoptr(GError) error = NULL;

  overview = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (overview == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_overview (self, overview);
}

void
glossa_overview_page_refresh (GlossaOverviewPage *self)
{
  g_autoptr(GTask) task = NULL;
  char **paths = g_new0 (char *, 3);

  g_return_if_fail (GLOSSA_IS_OVERVIEW_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  paths[0] = g_file_get_path (glossa_corpus_get_file (self->corpus));
  paths[1] = self->against != NULL ? g_file_get_path (self->against) : NULL;

  set_loading (self, TRUE);
  /* The charts already shown stay while they are read again. */
  if (self->data[0] == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  task = g_task_new (self, self->cancellable, compute_done, NULL);
  g_task_set_source_tag (task, glossa_overview_page_refresh);
  g_task_set_task_data (task, paths, (GDestroyNotify) g_strfreev);
  if (paths[0] == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("The corpus is not a local folder or file"));
      return;
    }
  g_task_run_in_thread (task, compute_thread);
}

void
glossa_overview_page_set_against (GlossaOverviewPage *self,
                                  GFile              *against)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GLOSSA_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (against == NULL || G_IS_FILE (against));

  g_set_object (&self->against, against);
  name = against != NULL ? g_file_get_basename (against) : NULL;
  adw_button_content_set_label (self->against_content, name != NULL ? name : _("_Compare With…"));
  glossa_overview_page_refresh (self);
}

/* Exporting */

gboolean
glossa_overview_page_export (GlossaOverviewPage *self,
                             GlossaChartKind     kind,
                             GlossaChartFormat   format,
                             GFile              *file,
                             GError            **error)
{
  GtkWidget *area;
  GlossaChartStyle style;
  gboolean saved;

  g_return_val_if_fail (GLOSSA_IS_OVERVIEW_PAGE (self), FALSE);
  g_return_val_if_fail ((guint) kind < GLOSSA_CHART_N_KINDS, FALSE);
  g_return_val_if_fail (self->data[kind] != NULL, FALSE);

  area = GTK_WIDGET (self->areas[kind]);
  style_for (self, area, &style, TRUE);
  saved = glossa_chart_save (self->data[kind], &style, format,
                             MAX (gtk_widget_get_width (area), EXPORT_MIN_WIDTH),
                             MAX (gtk_widget_get_height (area), EXPORT_MIN_HEIGHT),
                             file, error);
  glossa_chart_style_clear (&style);
  return saved;
}

typedef struct
{
  GlossaChartKind   kind;
  GlossaChartFormat format;
} ExportRequest;

static void
export_response (GtkNativeDialog *dialog,
                 int              response,
                 gpointer         user_data)
{
  GlossaOverviewPage *self = GLOSSA_OVERVIEW_PAGE (gtk_native_dialog_get_transient_for (dialog));
  g_autofree ExportRequest *request = g_object_steal_data (G_OBJECT (dialog), "request");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && request != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      !glossa_overview_page_export (self, request->kind, request->format, file, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GlossaOverviewPage *self = GLOSSA_OVERVIEW_PAGE (widget);
  const char *kind_name, *format_name;
  ExportRequest request;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  g_variant_get (parameter, "(&s&s)", &kind_name, &format_name);
  if (!glossa_chart_kind_from_string (kind_name, &request.kind) ||
      self->data[request.kind] == NULL)
    return;
  request.format = g_str_equal (format_name, "svg") ? GLOSSA_CHART_SVG : GLOSSA_CHART_PNG;
  chooser = gtk_file_chooser_native_new (_("Save Chart"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = g_strdup_printf ("%s.%s", kind_name, request.format == GLOSSA_CHART_SVG ? "svg" : "png");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "request", g_memdup2 (&request, sizeof request), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
against_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  GlossaOverviewPage *self = GLOSSA_OVERVIEW_PAGE (gtk_native_dialog_get_transient_for (dialog));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))))
    glossa_overview_page_set_against (self, file);
  g_object_unref (dialog);
}

static void
choose_against_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Second Annotator’s Folder"), GTK_WINDOW (widget),
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Compare"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (against_response), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  glossa_overview_page_refresh (GLOSSA_OVERVIEW_PAGE (widget));
}

/* Object */

const GlossaChartData *
glossa_overview_page_get_chart_data (GlossaOverviewPage *self,
                                     GlossaChartKind     kind)
{
  g_return_val_if_fail (GLOSSA_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail ((guint) kind < GLOSSA_CHART_N_KINDS, NULL);

  return self->data[kind];
}

const char *
glossa_overview_page_get_summary (GlossaOverviewPage *self)
{
  g_return_val_if_fail (GLOSSA_IS_OVERVIEW_PAGE (self), NULL);

  return self->summary;
}

gboolean
glossa_overview_page_get_loading (GlossaOverviewPage *self)
{
  g_return_val_if_fail (GLOSSA_IS_OVERVIEW_PAGE (self), FALSE);

  return self->loading;
}

GlossaOverviewPage *
glossa_overview_page_new (GlossaCorpus *corpus)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS (corpus), NULL);

  return g_object_new (GLOSSA_TYPE_OVERVIEW_PAGE, "corpus", corpus, NULL);
}

static void
glossa_overview_page_constructed (GObject *object)
{
  GlossaOverviewPage *self = GLOSSA_OVERVIEW_PAGE (object);

  G_OBJECT_CLASS (glossa_overview_page_parent_class)->constructed (object);
  glossa_overview_page_refresh (self);
}

static void
glossa_overview_page_dispose (GObject *object)
{
  GlossaOverviewPage *self = GLOSSA_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSSA_TYPE_OVERVIEW_PAGE);
  G_OBJECT_CLASS (glossa_overview_page_parent_class)->dispose (object);
}

static void
glossa_overview_page_finalize (GObject *object)
{
  GlossaOverviewPage *self = GLOSSA_OVERVIEW_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->corpus);
  g_clear_object (&self->against);
  for (guint k = 0; k < GLOSSA_CHART_N_KINDS; k++)
    g_clear_pointer (&self->data[k], glossa_chart_data_free);
  g_free (self->summary);
  G_OBJECT_CLASS (glossa_overview_page_parent_class)->finalize (object);
}

static void
glossa_overview_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GlossaOverviewPage *self = GLOSSA_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_overview_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GlossaOverviewPage *self = GLOSSA_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      self->corpus = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_overview_page_class_init (GlossaOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = glossa_overview_page_constructed;
  object_class->dispose = glossa_overview_page_dispose;
  object_class->finalize = glossa_overview_page_finalize;
  object_class->get_property = glossa_overview_page_get_property;
  object_class->set_property = glossa_overview_page_set_property;

  properties[PROP_CORPUS] =
    g_param_spec_object ("corpus", NULL, NULL, GLOSSA_TYPE_CORPUS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/glossa-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossaOverviewPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossaOverviewPage, against_content);
  gtk_widget_class_bind_template_child (widget_class, GlossaOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossaOverviewPage, big_spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossaOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossaOverviewPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, GlossaOverviewPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaOverviewPage, problems_label);
  gtk_widget_class_bind_template_child_full (widget_class, "status_area", FALSE,
                                             G_STRUCT_OFFSET (GlossaOverviewPage, areas[GLOSSA_CHART_STATUS]));
  gtk_widget_class_bind_template_child_full (widget_class, "labels_area", FALSE,
                                             G_STRUCT_OFFSET (GlossaOverviewPage, areas[GLOSSA_CHART_LABELS]));
  gtk_widget_class_bind_template_child_full (widget_class, "progress_area", FALSE,
                                             G_STRUCT_OFFSET (GlossaOverviewPage, areas[GLOSSA_CHART_PROGRESS]));
  gtk_widget_class_bind_template_child_full (widget_class, "agreement_area", FALSE,
                                             G_STRUCT_OFFSET (GlossaOverviewPage, areas[GLOSSA_CHART_AGREEMENT]));

  gtk_widget_class_install_action (widget_class, "overview.export", "(ss)", export_action);
  gtk_widget_class_install_action (widget_class, "overview.choose-against", NULL, choose_against_action);
  gtk_widget_class_install_action (widget_class, "overview.refresh", NULL, refresh_action);
}

static void
glossa_overview_page_init (GlossaOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint k = 0; k < GLOSSA_CHART_N_KINDS; k++)
    gtk_drawing_area_set_draw_func (self->areas[k], draw_chart, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (queue_draw_all), self, G_CONNECT_SWAPPED);
}
