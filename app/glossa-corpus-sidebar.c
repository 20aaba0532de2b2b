/* glossa-corpus-sidebar.c: the list of a corpus's articles, filtered and sorted
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "glossa-corpus-row.h"
#include "glossa-corpus-sidebar.h"

/* How often counts and status filters catch up while statuses are still
 * being read in the background: often enough to look live, rarely enough
 * that 100,000 rows never cost a frame.
 */
#define REFRESH_INTERVAL_MS 300

struct _GlossaCorpusSidebar
{
  GtkWidget           parent_instance;

  GlossaCorpus       *corpus;

  /* corpus → filter_model → sort_model → selection → list_view */
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;

  char               *filter_text;   /* casefolded, nullable */
  int                 filter_status; /* -1 for every status */
  GlossaCorpusSort    sort;

  guint               n_done;
  guint               refresh_id;
  guint               selecting : 1;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *sort_dropdown;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkListView        *list_view;
  GtkStack           *stack;
};

G_DEFINE_FINAL_TYPE (GlossaCorpusSidebar, glossa_corpus_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CORPUS,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Every run of ASCII white space in @text becomes one space, in place. */
static void
fold_spaces (char *text)
{
  char *out = text;
  gboolean space = FALSE;

  for (const char *in = text; *in != '\0'; in++)
    {
      if (g_ascii_isspace (*in))
        space = TRUE;
      else
        {
          if (space && out != text)
            *out++ = ' ';
          space = FALSE;
          *out++ = *in;
        }
    }
  *out = '\0';
}

static gboolean
item_matches (gpointer object,
              gpointer user_data)
{
  GlossaCorpusSidebar *self = user_data;
  GlossaCorpusItem *item = object;

  if (self->filter_status >= 0 &&
      (int) glossa_corpus_item_get_status (item) != self->filter_status)
    return FALSE;

  if (self->filter_text != NULL)
    {
      const char *fields[] = { glossa_corpus_item_get_name (item), glossa_corpus_item_get_title (item) };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autofree char *folded = NULL;

          if (fields[i] == NULL)
            continue;
          folded = g_utf8_casefold (fields[i], -1);
          /* A title's line breaks show as spaces in its row. */
          if (i == 1)
            fold_spaces (folded);
          if (strstr (folded, self->filter_text) != NULL)
            return TRUE;
        }
      return FALSE;
    }

  return TRUE;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GlossaCorpusSidebar *self = user_data;
  GlossaCorpusItem *ia = (GlossaCorpusItem *) a;
  GlossaCorpusItem *ib = (GlossaCorpusItem *) b;
  guint pa = glossa_corpus_item_get_position (ia);
  guint pb = glossa_corpus_item_get_position (ib);
  int cmp = 0;

  switch (self->sort)
    {
    case GLOSSA_CORPUS_SORT_DATE:
      {
        const char *da = glossa_corpus_item_get_date (ia);
        const char *db = glossa_corpus_item_get_date (ib);

        /* Undated articles go last. */
        if (da == NULL || db == NULL)
          cmp = (da == NULL) - (db == NULL);
        else
          cmp = strcmp (da, db);
      }
      break;

    case GLOSSA_CORPUS_SORT_STATUS:
      cmp = (int) glossa_corpus_item_get_status (ia) - (int) glossa_corpus_item_get_status (ib);
      break;

    case GLOSSA_CORPUS_SORT_NAME:
    default:
      break;
    }

  if (cmp != 0)
    return cmp < 0 ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  /* The corpus is already in natural order of names. */
  return pa < pb ? GTK_ORDERING_SMALLER : pa > pb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
update_progress (GlossaCorpusSidebar *self)
{
  g_autofree char *text = NULL;
  guint n_items = 0, n_done = 0;

  if (self->corpus != NULL)
    {
      n_items = g_list_model_get_n_items (G_LIST_MODEL (self->corpus));
      n_done = glossa_corpus_count_status (self->corpus, GLOSSA_STATUS_DONE);
    }

  self->n_done = n_done;
  /* Translators: progress through a corpus, e.g. "312 of 1,000 done" */
  text = g_strdup_printf (_("%'u of %'u done"), n_done, n_items);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, n_items ? (double) n_done / n_items : 0.0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->progress_bar), text);
}

static gboolean
refresh_timeout (gpointer user_data)
{
  GlossaCorpusSidebar *self = user_data;

  self->refresh_id = 0;
  glossa_corpus_sidebar_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Statuses arrive in batches while the corpus is read in the background:
 * the count follows at once, a status filter or sort at most every
 * REFRESH_INTERVAL_MS, since re-filtering 100,000 rows is not free.
 */
static void
on_statuses_changed (GlossaCorpusSidebar *self)
{
  update_progress (self);
  if ((self->filter_status >= 0 || self->sort == GLOSSA_CORPUS_SORT_STATUS) && self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_INTERVAL_MS, refresh_timeout, self);
}

/**
 * glossa_corpus_sidebar_refresh:
 *
 * Recounts the statuses and re-applies a status filter or sort, after
 * statuses changed.
 */
void
glossa_corpus_sidebar_refresh (GlossaCorpusSidebar *self)
{
  g_return_if_fail (GLOSSA_IS_CORPUS_SIDEBAR (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (self->filter_status >= 0)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (self->sort == GLOSSA_CORPUS_SORT_STATUS)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  update_progress (self);
}

static void
update_empty (GlossaCorpusSidebar *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
activate_view_position (GlossaCorpusSidebar *self,
                        guint                view_position)
{
  g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), view_position);

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, glossa_corpus_item_get_position (item));
}

static void
on_selection_changed (GlossaCorpusSidebar *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (self->selecting || selected == GTK_INVALID_LIST_POSITION)
    return;
  activate_view_position (self, selected);
}

static void
on_list_activate (GlossaCorpusSidebar *self,
                  guint                view_position)
{
  activate_view_position (self, view_position);
}

static void
on_search_changed (GlossaCorpusSidebar *self)
{
  glossa_corpus_sidebar_set_filter (self, self->filter_status,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_status_selected (GlossaCorpusSidebar *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  /* Row 0 is "every status", then the statuses in their order. */
  glossa_corpus_sidebar_set_filter (self, selected == 0 ? -1 : (int) selected - 1, self->filter_text);
}

static void
on_sort_selected (GlossaCorpusSidebar *self)
{
  glossa_corpus_sidebar_set_sort (self, gtk_drop_down_get_selected (self->sort_dropdown));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, glossa_corpus_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  glossa_corpus_row_set_item (GLOSSA_CORPUS_ROW (gtk_list_item_get_child (list_item)),
                              gtk_list_item_get_item (list_item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  glossa_corpus_row_set_item (GLOSSA_CORPUS_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
glossa_corpus_sidebar_dispose (GObject *object)
{
  GlossaCorpusSidebar *self = (GlossaCorpusSidebar *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* The template's root is not a bound child: unparent it ourselves. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSSA_TYPE_CORPUS_SIDEBAR);
  g_clear_object (&self->selection);
  g_clear_object (&self->corpus);

  G_OBJECT_CLASS (glossa_corpus_sidebar_parent_class)->dispose (object);
}

static void
glossa_corpus_sidebar_finalize (GObject *object)
{
  GlossaCorpusSidebar *self = (GlossaCorpusSidebar *)object;

  g_clear_pointer (&self->filter_text, g_free);

  G_OBJECT_CLASS (glossa_corpus_sidebar_parent_class)->finalize (object);
}

static void
glossa_corpus_sidebar_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GlossaCorpusSidebar *self = GLOSSA_CORPUS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_corpus_sidebar_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GlossaCorpusSidebar *self = GLOSSA_CORPUS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      glossa_corpus_sidebar_set_corpus (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_corpus_sidebar_class_init (GlossaCorpusSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = glossa_corpus_sidebar_dispose;
  object_class->finalize = glossa_corpus_sidebar_finalize;
  object_class->get_property = glossa_corpus_sidebar_get_property;
  object_class->set_property = glossa_corpus_sidebar_set_property;

  properties[PROP_CORPUS] =
    g_param_spec_object ("corpus", NULL, NULL, GLOSSA_TYPE_CORPUS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossaCorpusSidebar::item-activated:
   * @position: the article's position in the corpus (not in the filtered list)
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/glossa-corpus-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossaCorpusSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossaCorpusSidebar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossaCorpusSidebar, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossaCorpusSidebar, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaCorpusSidebar, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossaCorpusSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossaCorpusSidebar, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, setup_row);
  gtk_widget_class_bind_template_callback (widget_class, bind_row);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "glossacorpussidebar");
}

static void
glossa_corpus_sidebar_init (GlossaCorpusSidebar *self)
{
  self->filter_status = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (item_matches, self, NULL);
  self->sorter = gtk_custom_sorter_new (compare_items, self, NULL);
  /* Not incremental: filtering or sorting 100,000 rows takes tens of
   * milliseconds, once per change of the filter or the order, and the list
   * is then exact at once, which moving to the next article relies on.
   */
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model), NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
  update_empty (self);
}

GtkWidget *
glossa_corpus_sidebar_new (void)
{
  return g_object_new (GLOSSA_TYPE_CORPUS_SIDEBAR, NULL);
}

GlossaCorpus *
glossa_corpus_sidebar_get_corpus (GlossaCorpusSidebar *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_SIDEBAR (self), NULL);
  return self->corpus;
}

void
glossa_corpus_sidebar_set_corpus (GlossaCorpusSidebar *self,
                                  GlossaCorpus        *corpus)
{
  g_return_if_fail (GLOSSA_IS_CORPUS_SIDEBAR (self));
  g_return_if_fail (!corpus || GLOSSA_IS_CORPUS (corpus));

  if (self->corpus == corpus)
    return;

  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_data (self->corpus, self);
  g_set_object (&self->corpus, corpus);
  if (corpus != NULL)
    {
      g_signal_connect_object (corpus, "notify::n-done", G_CALLBACK (on_statuses_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (corpus, "notify::loading", G_CALLBACK (on_statuses_changed),
                               self, G_CONNECT_SWAPPED);
    }

  self->selecting = TRUE;
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (corpus));
  self->selecting = FALSE;
  update_progress (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORPUS]);
}

GListModel *
glossa_corpus_sidebar_get_model (GlossaCorpusSidebar *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/* Where corpus item @position is in the filtered, sorted list. */
static gboolean
find_view_position (GlossaCorpusSidebar *self,
                    guint                position,
                    guint               *view_position)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (model, i);

      if (glossa_corpus_item_get_position (item) == position)
        {
          *view_position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * glossa_corpus_sidebar_select:
 *
 * Selects and scrolls to corpus item @position, without emitting
 * #GlossaCorpusSidebar::item-activated.
 */
void
glossa_corpus_sidebar_select (GlossaCorpusSidebar *self,
                              guint                position)
{
  guint view_position;

  g_return_if_fail (GLOSSA_IS_CORPUS_SIDEBAR (self));

  self->selecting = TRUE;
  if (find_view_position (self, position, &view_position))
    {
      gtk_single_selection_set_selected (self->selection, view_position);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", view_position);
    }
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;
}

static gboolean
is_candidate (GlossaCorpusItem *item,
              gboolean          skip_done)
{
  return !skip_done || glossa_corpus_item_get_status (item) != GLOSSA_STATUS_DONE;
}

/**
 * glossa_corpus_sidebar_get_neighbor:
 * @direction: 1 for the next article, -1 for the previous one
 * @skip_done: whether to pass over articles marked done
 *
 * Finds the article after or before corpus item @position in the order the
 * list shows; if @position is filtered out, in the corpus's own order.
 */
gboolean
glossa_corpus_sidebar_get_neighbor (GlossaCorpusSidebar *self,
                                    guint                position,
                                    int                  direction,
                                    gboolean             skip_done,
                                    guint               *neighbor)
{
  GListModel *model;
  guint start, n;

  g_return_val_if_fail (GLOSSA_IS_CORPUS_SIDEBAR (self), FALSE);
  g_return_val_if_fail (direction == 1 || direction == -1, FALSE);

  if (self->corpus == NULL)
    return FALSE;

  model = G_LIST_MODEL (self->selection);
  if (!find_view_position (self, position, &start))
    {
      model = G_LIST_MODEL (self->corpus);
      start = position;
    }

  n = g_list_model_get_n_items (model);
  for (gint64 i = (gint64) start + direction; i >= 0 && i < n; i += direction)
    {
      g_autoptr(GlossaCorpusItem) item = g_list_model_get_item (model, i);

      if (is_candidate (item, skip_done))
        {
          *neighbor = glossa_corpus_item_get_position (item);
          return TRUE;
        }
    }
  return FALSE;
}

guint
glossa_corpus_sidebar_get_n_done (GlossaCorpusSidebar *self)
{
  g_return_val_if_fail (GLOSSA_IS_CORPUS_SIDEBAR (self), 0);
  return self->n_done;
}

/**
 * glossa_corpus_sidebar_set_filter:
 * @status: a #GlossaStatus, or -1 for every status
 * @text: (nullable): text the name or title must contain, any case
 */
void
glossa_corpus_sidebar_set_filter (GlossaCorpusSidebar *self,
                                  int                  status,
                                  const char          *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (GLOSSA_IS_CORPUS_SIDEBAR (self));
  g_return_if_fail (status >= -1 && status < GLOSSA_N_STATUSES);

  if (text != NULL && *text != '\0')
    folded = g_utf8_casefold (text, -1);

  if (status == self->filter_status && g_strcmp0 (folded, self->filter_text) == 0)
    return;

  self->filter_status = status;
  g_free (self->filter_text);
  self->filter_text = g_steal_pointer (&folded);

  if ((int) gtk_drop_down_get_selected (self->status_dropdown) != status + 1)
    gtk_drop_down_set_selected (self->status_dropdown, status + 1);

  self->selecting = TRUE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->selecting = FALSE;
}

void
glossa_corpus_sidebar_set_sort (GlossaCorpusSidebar *self,
                                GlossaCorpusSort     sort)
{
  g_return_if_fail (GLOSSA_IS_CORPUS_SIDEBAR (self));

  if (self->sort == sort)
    return;

  self->sort = sort;
  if (gtk_drop_down_get_selected (self->sort_dropdown) != (guint) sort)
    gtk_drop_down_set_selected (self->sort_dropdown, sort);

  /* Sorting by name is the corpus's own order: no sorter at all. */
  self->selecting = TRUE;
  gtk_sort_list_model_set_sorter (self->sort_model,
                                  sort == GLOSSA_CORPUS_SORT_NAME ? NULL : GTK_SORTER (self->sorter));
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  self->selecting = FALSE;
}
