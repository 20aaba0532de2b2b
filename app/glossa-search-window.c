/* glossa-search-window.c: Search the Corpus, a keyword-in-context list of every match
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "glossa-resources.h"
#include "glossa-search-item.h"
#include "glossa-schema.h"
#include "glossa-search-window.h"

/* How often hits found by the worker are moved into the list: often enough
 * that the first ones show at once, seldom enough that a search with
 * thousands of hits does not rebuild the list thousands of times.
 */
#define FLUSH_MS 40
/* Until the first hits are in the list the worker is looked at more often,
 * so that they show as soon as it has them.
 */
#define FIRST_POLL_MS 5
/* GTK 4.8's list views make rows for up to 200 items at once, each a row
 * of five labels: the first items go into the list a screenful at a time,
 * so that the first frame with hits makes only the rows it shows.
 */
#define LIST_ROWS 200
#define ROWS_CHUNK 24

/* One search, shared by the window and its worker thread. The worker only
 * appends to @pending under @mutex; everything else is the window's.
 */
typedef struct
{
  gatomicrefcount  ref_count;
  GlossaSearch    *search;
  GlossaCorpus    *corpus;
  GCancellable    *cancellable;
  GMutex           mutex;
  GPtrArray       *pending;     /* of GlossaSearchItem, guarded */
  guint            n_articles;  /* guarded */
  guint            n_unreadable; /* guarded */
} Run;

struct _GlossaSearchWindow
{
  AdwWindow        parent_instance;

  GtkSearchEntry  *entry;
  GtkToggleButton *word_toggle;
  GtkToggleButton *case_toggle;
  GtkToggleButton *regex_toggle;
  GtkLabel        *count_label;
  GtkColumnView   *list;
  GtkSingleSelection *selection;
  GtkMenuButton   *tag_button;
  GtkColumnViewColumn *before_column;
  GtkColumnViewColumn *match_column;
  GtkColumnViewColumn *after_column;
  GtkColumnViewColumn *article_column;
  GtkColumnViewColumn *label_column;

  GlossaCorpus    *corpus;
  GListStore      *store;
  Run             *run;        /* the search whose hits are shown */
  guint            flush_source;
  gboolean         searching;
  guint            n_articles;
  guint            n_unreadable;
  guint            n_untagged;
  GArray          *positions;  /* articles with untagged hits, of guint */
  GPtrArray       *backlog;    /* found, not in the list yet: of GlossaSearchItem */
  gboolean         worker_done;
  char            *error;      /* why the last search failed, or NULL */
};

G_DEFINE_FINAL_TYPE (GlossaSearchWindow, glossa_search_window, ADW_TYPE_WINDOW)

enum {
  HIT_ACTIVATED,
  TAG_ALL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Run *
run_new (GlossaSearch *search,
         GlossaCorpus *corpus)
{
  Run *run = g_new0 (Run, 1);

  g_atomic_ref_count_init (&run->ref_count);
  run->search = search;
  run->corpus = g_object_ref (corpus);
  run->cancellable = g_cancellable_new ();
  g_mutex_init (&run->mutex);
  run->pending = g_ptr_array_new_with_free_func (g_object_unref);
  return run;
}

static Run *
run_ref (Run *run)
{
  g_atomic_ref_count_inc (&run->ref_count);
  return run;
}

static void
run_unref (Run *run)
{
  if (!g_atomic_ref_count_dec (&run->ref_count))
    return;
  glossa_search_free (run->search);
  g_object_unref (run->corpus);
  g_object_unref (run->cancellable);
  g_mutex_clear (&run->mutex);
  g_ptr_array_unref (run->pending);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_unref)

/* In the worker thread. */
static gboolean
collect_result (GlossaSearchResult *result,
                gpointer            user_data)
{
  Run *run = user_data;

  g_mutex_lock (&run->mutex);
  if (result->error != NULL)
    run->n_unreadable++;
  else
    run->n_articles++;
  for (guint i = 0; i < result->hits->len; i++)
    g_ptr_array_add (run->pending, glossa_search_item_new (result->id, result->position,
                                                           g_ptr_array_index (result->hits, i)));
  g_mutex_unlock (&run->mutex);
  return !g_cancellable_is_cancelled (run->cancellable);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Run *run = task_data;
  g_autoptr(GError) error = NULL;

  if (glossa_search_corpus (run->search, run->corpus, collect_result, run, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* The cells: one label each. A factory of labels set up here costs a
 * fraction of a GtkBuilder template per cell, which made the first rows of
 * a search wait hundreds of milliseconds on a busy machine.
 */
typedef struct
{
  const char         *property;
  float               xalign;
  PangoEllipsizeMode  ellipsize;
  int                 width_chars;
  int                 max_width_chars;
  gboolean            bold;
  const char         *css_class;
} Cell;

static const Cell cells[] = {
  { "left", 1.0f, PANGO_ELLIPSIZE_START, 8, -1, FALSE, NULL },
  { "match", 0.5f, PANGO_ELLIPSIZE_MIDDLE, -1, 30, TRUE, NULL },
  { "right", 0.0f, PANGO_ELLIPSIZE_END, 8, -1, FALSE, NULL },
  { "article", 0.0f, PANGO_ELLIPSIZE_MIDDLE, 6, 18, FALSE, "dim-label" },
  { "label", 0.0f, PANGO_ELLIPSIZE_NONE, 9, -1, FALSE, "caption" },
};

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            const Cell               *cell)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), cell->xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), cell->ellipsize);
  gtk_label_set_width_chars (GTK_LABEL (label), cell->width_chars);
  gtk_label_set_max_width_chars (GTK_LABEL (label), cell->max_width_chars);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (cell->bold)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
    }
  if (cell->css_class != NULL)
    gtk_widget_add_css_class (label, cell->css_class);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           const Cell               *cell)
{
  g_autofree char *text = NULL;

  g_object_get (gtk_list_item_get_item (list_item), cell->property, &text, NULL);
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
set_up_columns (GlossaSearchWindow *self)
{
  GtkColumnViewColumn *columns[] = {
    self->before_column, self->match_column, self->after_column, self->article_column, self->label_column,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (columns) == G_N_ELEMENTS (cells));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) &cells[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) &cells[i]);
      gtk_column_view_column_set_factory (columns[i], factory);
    }
}

/* Showing what was found */

/* Tag All offers the labels of the corpus's schema, as its articles'
 * label buttons do.
 */
static void
update_tag_menu (GlossaSearchWindow *self)
{
  GlossaSchema *schema;
  g_autoptr(GMenu) menu = g_menu_new ();

  /* Not before glossa_search_window_new() has given the corpus. */
  if (self->corpus == NULL)
    return;
  schema = glossa_corpus_get_schema (self->corpus);
  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    {
      const char *name = glossa_label_to_string (glossa_schema_get_label (schema, i)->name);
      /* Translators: a menu item, e.g. "Tag All 128 as actor" */
      g_autofree char *text = g_strdup_printf (_("Tag All %u as %s"), self->n_untagged, name);
      g_autoptr(GMenuItem) item = g_menu_item_new (text, NULL);

      g_menu_item_set_action_and_target_value (item, "search.tag-all", g_variant_new_string (name));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->tag_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_button), !self->searching && self->n_untagged > 0);
}

static void
update_count (GlossaSearchWindow *self)
{
  guint n_hits = g_list_model_get_n_items (G_LIST_MODEL (self->store)) + self->backlog->len;
  g_autofree char *articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                                            self->n_articles), self->n_articles);
  g_autofree char *text = NULL;

  if (self->error != NULL)
    text = g_strdup (self->error);
  else if (self->run == NULL)
    text = g_strdup (_("Type to search every article of the corpus"));
  else if (self->searching)
    /* Translators: "Searching… 12 matches in 3 articles so far" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Searching… %u match in %s so far",
                                         "Searching… %u matches in %s so far", n_hits), n_hits, articles);
  else if (n_hits == 0)
    text = g_strdup (_("No matches"));
  else
    /* Translators: "128 matches in 40 articles" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match in %s", "%u matches in %s", n_hits),
                            n_hits, articles);
  if (self->n_unreadable > 0 && self->error == NULL)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u article could not be read)",
                                                            "%s (%u articles could not be read)",
                                                            self->n_unreadable), text, self->n_unreadable);
      g_free (text);
      text = g_steal_pointer (&more);
    }
  gtk_label_set_label (self->count_label, text);
  /* A new menu is a new popover: made once the count is final. */
  if (!self->searching)
    update_tag_menu (self);
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->tag_button), FALSE);
}

static void
note_untagged (GlossaSearchWindow *self,
               GlossaSearchItem   *item)
{
  guint position = glossa_search_item_get_position (item);

  if (glossa_search_item_get_tagged (item))
    return;
  self->n_untagged++;
  if (self->positions->len == 0 || g_array_index (self->positions, guint, self->positions->len - 1) != position)
    g_array_append_val (self->positions, position);
}

/* Takes what the worker found into the backlog, and moves the backlog
 * into the list in one change: a chunk while the list has fewer items
 * than it makes rows for, all of it after that.
 */
static void
flush_pending (GlossaSearchWindow *self)
{
  g_autoptr(GPtrArray) items = NULL;
  Run *run = self->run;
  guint n_listed = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint n;

  g_mutex_lock (&run->mutex);
  items = g_steal_pointer (&run->pending);
  run->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->n_articles = run->n_articles;
  self->n_unreadable = run->n_unreadable;
  g_mutex_unlock (&run->mutex);

  for (guint i = 0; i < items->len; i++)
    {
      note_untagged (self, g_ptr_array_index (items, i));
      g_ptr_array_add (self->backlog, g_object_ref (g_ptr_array_index (items, i)));
    }
  n = n_listed < LIST_ROWS ? MIN (self->backlog->len, ROWS_CHUNK) : self->backlog->len;
  if (n > 0)
    {
      g_list_store_splice (self->store, n_listed, 0, self->backlog->pdata, n);
      g_ptr_array_remove_range (self->backlog, 0, n);
    }
  update_count (self);
}

static gboolean flush_timeout (gpointer user_data);

static void
schedule_flush (GlossaSearchWindow *self,
                guint               interval)
{
  g_clear_handle_id (&self->flush_source, g_source_remove);
  self->flush_source = g_timeout_add (interval, flush_timeout, self);
}

/* The search is over once the worker is done and its hits are listed. */
static gboolean
flush_timeout (gpointer user_data)
{
  GlossaSearchWindow *self = user_data;
  gboolean had_none = g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0;

  flush_pending (self);
  if (self->worker_done && self->backlog->len == 0)
    {
      self->flush_source = 0;
      self->searching = FALSE;
      update_count (self);
      return G_SOURCE_REMOVE;
    }
  if (had_none && g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    {
      self->flush_source = 0;
      schedule_flush (self, FLUSH_MS);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
search_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GlossaSearchWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Run *run = g_task_get_task_data (G_TASK (result));

  /* A search replaced or stopped by another ends quietly. */
  if (run != self->run)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    self->error = g_strdup (error->message);
  self->worker_done = TRUE;
  g_clear_handle_id (&self->flush_source, g_source_remove);
  if (flush_timeout (self) == G_SOURCE_CONTINUE)
    schedule_flush (self, FLUSH_MS);
}

/* Searching */

static void
stop_search (GlossaSearchWindow *self)
{
  if (self->run != NULL)
    g_cancellable_cancel (self->run->cancellable);
  g_clear_pointer (&self->run, run_unref);
  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_clear_pointer (&self->error, g_free);
  g_list_store_remove_all (self->store);
  g_ptr_array_set_size (self->backlog, 0);
  g_array_set_size (self->positions, 0);
  self->searching = FALSE;
  self->worker_done = FALSE;
  self->n_articles = 0;
  self->n_unreadable = 0;
  self->n_untagged = 0;
}

static GlossaSearchFlags
current_flags (GlossaSearchWindow *self)
{
  return (gtk_toggle_button_get_active (self->word_toggle) ? GLOSSA_SEARCH_WHOLE_WORD : 0) |
         (gtk_toggle_button_get_active (self->case_toggle) ? GLOSSA_SEARCH_MATCH_CASE : 0) |
         (gtk_toggle_button_get_active (self->regex_toggle) ? GLOSSA_SEARCH_REGEX : 0);
}

static void
start_search (GlossaSearchWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  GlossaSearch *search;

  stop_search (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  if (*query == '\0')
    {
      update_count (self);
      return;
    }
  if (!(search = glossa_search_new (query, current_flags (self), &error)))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      self->error = g_strdup (error->message);
      update_count (self);
      return;
    }

  self->run = run_new (search, self->corpus);
  self->searching = TRUE;
  task = g_task_new (NULL, self->run->cancellable, search_done, g_object_ref (self));
  g_task_set_source_tag (task, start_search);
  g_task_set_task_data (task, run_ref (self->run), (GDestroyNotify) run_unref);
  g_task_run_in_thread (task, search_thread);
  schedule_flush (self, FIRST_POLL_MS);
  update_count (self);
}

/* search-changed comes late after glossa_search_window_set_query() has
 * started the same search: that one goes on.
 */
static void
on_query_changed (GlossaSearchWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (self->run != NULL && g_strcmp0 (glossa_search_get_query (self->run->search), query) == 0 &&
      glossa_search_get_flags (self->run->search) == current_flags (self))
    return;
  start_search (self);
}

static void
activate_position (GlossaSearchWindow *self,
                   guint               position)
{
  g_autoptr(GlossaSearchItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (item == NULL)
    return;
  g_signal_emit (self, signals[HIT_ACTIVATED], 0, glossa_search_item_get_position (item),
                 glossa_search_item_get_start (item), glossa_search_item_get_end (item));
}

static void
on_row_activated (GlossaSearchWindow *self,
                  guint               position)
{
  activate_position (self, position);
}

/* Enter in the entry opens the selected match, or the first. (The list
 * selects nothing by itself: selecting as rows arrive made the first ones
 * slower to show.)
 */
static void
on_entry_activate (GlossaSearchWindow *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  activate_position (self, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
}

static void
on_stop_search (GlossaSearchWindow *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
tag_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[TAG_ALL], 0, g_variant_get_string (parameter, NULL));
}

/* GObject */

static void
glossa_search_window_dispose (GObject *object)
{
  GlossaSearchWindow *self = GLOSSA_SEARCH_WINDOW (object);

  stop_search (self);
  G_OBJECT_CLASS (glossa_search_window_parent_class)->dispose (object);
}

static void
glossa_search_window_finalize (GObject *object)
{
  GlossaSearchWindow *self = GLOSSA_SEARCH_WINDOW (object);

  g_clear_object (&self->corpus);
  g_clear_object (&self->store);
  g_clear_pointer (&self->positions, g_array_unref);
  g_clear_pointer (&self->backlog, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (glossa_search_window_parent_class)->finalize (object);
}

static void
glossa_search_window_class_init (GlossaSearchWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = glossa_search_window_dispose;
  object_class->finalize = glossa_search_window_finalize;

  signals[HIT_ACTIVATED] = g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                         G_TYPE_UINT, G_TYPE_INT64, G_TYPE_INT64);
  signals[TAG_ALL] = g_signal_new ("tag-all", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /* The resources register themselves from their object file, which a
   * static library only links in when something refers to it.
   */
  g_assert (glossa_get_resource () != NULL);
  g_type_ensure (GLOSSA_TYPE_SEARCH_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/glossa/Glossa/glossa-search-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossaSearchWindow, entry);
  gtk_widget_class_bind_template_child (widget_class, GlossaSearchWindow, word_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossaSearchWindow, case_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossaSearchWindow, regex_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossaSearchWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlossaSearchWindow, list);
  gtk_widget_class_bind_template_child (widget_class, GlossaSearchWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, GlossaSearchWindow, tag_button);
  gtk_widget_class_bind_template_child (widget_class, GlossaSearchWindow, before_column);
  gtk_widget_class_bind_template_child (widget_class, GlossaSearchWindow, match_column);
  gtk_widget_class_bind_template_child (widget_class, GlossaSearchWindow, after_column);
  gtk_widget_class_bind_template_child (widget_class, GlossaSearchWindow, article_column);
  gtk_widget_class_bind_template_child (widget_class, GlossaSearchWindow, label_column);
  gtk_widget_class_bind_template_callback (widget_class, on_query_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_install_action (widget_class, "search.tag-all", "s", tag_all_action);
}

static void
glossa_search_window_init (GlossaSearchWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_up_columns (self);
  self->store = g_list_store_new (GLOSSA_TYPE_SEARCH_ITEM);
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  self->backlog = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->store));
  update_count (self);
}

GtkWidget *
glossa_search_window_new (GtkWindow    *parent,
                          GlossaCorpus *corpus)
{
  GlossaSearchWindow *self;

  g_return_val_if_fail (GLOSSA_IS_CORPUS (corpus), NULL);

  self = g_object_new (GLOSSA_TYPE_SEARCH_WINDOW, "transient-for", parent, NULL);
  self->corpus = g_object_ref (corpus);
  update_tag_menu (self);
  return GTK_WIDGET (self);
}

GlossaCorpus *
glossa_search_window_get_corpus (GlossaSearchWindow *self)
{
  g_return_val_if_fail (GLOSSA_IS_SEARCH_WINDOW (self), NULL);
  return self->corpus;
}

GlossaSearch *
glossa_search_window_get_search (GlossaSearchWindow *self)
{
  g_return_val_if_fail (GLOSSA_IS_SEARCH_WINDOW (self), NULL);
  return self->run ? self->run->search : NULL;
}

GArray *
glossa_search_window_dup_positions (GlossaSearchWindow *self)
{
  GArray *copy = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (GLOSSA_IS_SEARCH_WINDOW (self), copy);
  g_array_append_vals (copy, self->positions->data, self->positions->len);
  return copy;
}

guint
glossa_search_window_get_n_untagged (GlossaSearchWindow *self)
{
  g_return_val_if_fail (GLOSSA_IS_SEARCH_WINDOW (self), 0);
  return self->n_untagged;
}

gboolean
glossa_search_window_get_searching (GlossaSearchWindow *self)
{
  g_return_val_if_fail (GLOSSA_IS_SEARCH_WINDOW (self), FALSE);
  return self->searching;
}

const char *
glossa_search_window_get_status (GlossaSearchWindow *self)
{
  g_return_val_if_fail (GLOSSA_IS_SEARCH_WINDOW (self), NULL);
  return gtk_label_get_label (self->count_label);
}

GListModel *
glossa_search_window_get_hits (GlossaSearchWindow *self)
{
  g_return_val_if_fail (GLOSSA_IS_SEARCH_WINDOW (self), NULL);
  return G_LIST_MODEL (self->store);
}

void
glossa_search_window_refresh (GlossaSearchWindow *self)
{
  g_return_if_fail (GLOSSA_IS_SEARCH_WINDOW (self));
  start_search (self);
}

void
glossa_search_window_set_query (GlossaSearchWindow *self,
                                const char         *query)
{
  g_return_if_fail (GLOSSA_IS_SEARCH_WINDOW (self));
  /* search-changed is delayed; the search starts now. */
  gtk_editable_set_text (GTK_EDITABLE (self->entry), query);
  start_search (self);
}
