/* glossa-span-list.c: the side panel listing a document's spans in text order
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "glossa-label-swatch.h"
#include "glossa-relation.h"
#include "glossa-schema.h"
#include "glossa-timex.h"
#include "glossa-span-item.h"
#include "glossa-span-list.h"
#include "glossa-span-row.h"

/* The store mirrors the document's spans, sorted as the document sorts them
 * (glossa_span_compare), one GlossaSpanItem per span. A GtkListView only
 * creates rows for what is visible, so 50,000 spans cost little.
 */
struct _GlossaSpanList
{
  GtkWidget           parent_instance;

  GtkDropDown        *filter_drop_down;
  GtkListView        *list_view;
  GtkWidget          *counts_box;
  GtkButton          *unattributed_button;
  /* The labels of the document's schema: the filter's choices after
   * "All Labels", and a count each (glossa_span_list_set_labels()).
   */
  GlossaSchema       *schema;
  GPtrArray          *count_labels;  /* of GtkLabel, one per label */
  GtkStack           *stack;

  GlossaDocument     *document;
  GSignalGroup       *document_signals;
  GListStore         *store;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GlossaLabel         filter_label;  /* 0: every label */

  /* The store is filled shortly after a document is set, so that 50,000
   * rows never delay the article's first frame; until then it ignores the
   * document's signals. A timeout, not an idle: when frames take longer
   * than the frame interval (software rendering), an idle below the
   * redraw priority would wait for as long as the cursor blinks.
   */
  guint               reload_source;
  /* Edits of a batch seen so far, and whether the list stopped following
   * them one by one to be reloaded once on "changed" (see in_batch()).
   */
  guint               n_batch_edits;
  gboolean            batch_reload;

  /* The links by span (glossa_span_list_update_links()): outgoing, id →
   * GPtrArray of GlossaRelation; incoming, id → the number of links.
   * Rebuilt after every change; the rows alive (a screenful, each the
   * child of one of the list view's children) are told.
   */
  GHashTable         *outgoing;
  GHashTable         *incoming;
  guint               n_unattributed;
  /* The links are indexed shortly after a change, not in it: with 20,000
   * links the index costs milliseconds that tagging need not wait for.
   */
  guint               links_source;
};

G_DEFINE_FINAL_TYPE (GlossaSpanList, glossa_span_list, GTK_TYPE_WIDGET)

enum {
  SPAN_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
glossa_span_list_new (void)
{
  return g_object_new (GLOSSA_TYPE_SPAN_LIST, NULL);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return glossa_span_compare (glossa_span_item_get_span ((GlossaSpanItem *) a),
                              glossa_span_item_get_span ((GlossaSpanItem *) b));
}

/* Position in @model (the store, or the filtered list: both keep the
 * document's order) of the item holding @span (same id), or G_MAXUINT.
 */
static guint
find_in_model (GListModel *model,
               GlossaSpan *span)
{
  guint lo = 0;
  guint hi = g_list_model_get_n_items (model);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(GlossaSpanItem) item = g_list_model_get_item (model, mid);
      GlossaSpan *other = glossa_span_item_get_span (item);
      int cmp = glossa_span_compare (other, span);

      if (cmp == 0)
        return g_strcmp0 (other->id, span->id) == 0 ? mid : G_MAXUINT;
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return G_MAXUINT;
}

static guint
glossa_span_list_find (GlossaSpanList *self,
                       GlossaSpan     *span)
{
  return find_in_model (G_LIST_MODEL (self->store), span);
}

/* Past a few edits of one batch (accepting every date, undoing it) the
 * list stops inserting items one by one, each a change GTK's list models
 * and view take in on their own, and is reloaded in one splice once the
 * document says it changed.
 */
#define BATCH_EDITS_ONE_BY_ONE 64

static gboolean
in_batch (GlossaSpanList *self)
{
  if (self->batch_reload)
    return TRUE;
  if (!glossa_document_in_batch (self->document))
    return FALSE;
  self->batch_reload = ++self->n_batch_edits > BATCH_EDITS_ONE_BY_ONE;
  return self->batch_reload;
}

static void
on_span_added (GlossaSpanList *self,
               GlossaSpan     *span)
{
  g_autoptr(GlossaSpanItem) item = NULL;

  if (self->reload_source != 0 || in_batch (self))
    return;

  item = glossa_span_item_new (span);
  if (glossa_span_list_find (self, span) != G_MAXUINT)
    return;
  g_list_store_insert_sorted (self->store, item, compare_items, NULL);
}

static void
on_span_removed (GlossaSpanList *self,
                 GlossaSpan     *span)
{
  guint position;

  if (self->reload_source != 0 || in_batch (self))
    return;

  position = glossa_span_list_find (self, span);
  if (position != G_MAXUINT)
    g_list_store_remove (self->store, position);
}

static void glossa_span_list_update_links (GlossaSpanList *self);

#define LINKS_DELAY_MS 30

static gboolean
links_cb (gpointer user_data)
{
  GlossaSpanList *self = user_data;

  self->links_source = 0;
  glossa_span_list_update_links (self);
  return G_SOURCE_REMOVE;
}

static void
glossa_span_list_update_counts (GlossaSpanList *self)
{
  for (guint i = 0; self->schema != NULL && i < self->count_labels->len; i++)
    {
      GlossaLabel label = glossa_schema_get_label (self->schema, i)->name;
      guint count = self->document ? glossa_document_count_label (self->document, label) : 0;
      g_autofree char *text = g_strdup_printf ("%u", count);

      gtk_label_set_text (g_ptr_array_index (self->count_labels, i), text);
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0 ? "list" : "empty");
  if (self->links_source == 0)
    self->links_source = g_timeout_add (LINKS_DELAY_MS, links_cb, self);
}

/* The end of a batch (or any edit): a list that stopped following the
 * batch's edits is reloaded.
 */
static void
on_document_changed (GlossaSpanList *self)
{
  gboolean reload = self->batch_reload && self->reload_source == 0;
  GlossaSpanItem *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *selected_id = NULL;

  self->n_batch_edits = 0;
  self->batch_reload = FALSE;
  if (!reload)
    {
      glossa_span_list_update_counts (self);
      return;
    }
  /* The new items are new rows: the selected span's is selected again. */
  if (selected != NULL)
    selected_id = g_strdup (glossa_span_item_get_span (selected)->id);
  glossa_span_list_reload (self);
  if (selected_id != NULL)
    glossa_span_list_select_span (self, selected_id);
}

void
glossa_span_list_reload (GlossaSpanList *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_spans;

  g_return_if_fail (GLOSSA_IS_SPAN_LIST (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  n_spans = self->document ? glossa_document_get_n_spans (self->document) : 0;
  for (guint i = 0; i < n_spans; i++)
    g_ptr_array_add (items, glossa_span_item_new (glossa_document_get_span (self->document, i)));

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  glossa_span_list_update_counts (self);
}

#define RELOAD_DELAY_MS 50

static gboolean
reload_cb (gpointer user_data)
{
  GlossaSpanList *self = user_data;

  self->reload_source = 0;
  glossa_span_list_reload (self);

  return G_SOURCE_REMOVE;
}

GlossaDocument *
glossa_span_list_get_document (GlossaSpanList *self)
{
  g_return_val_if_fail (GLOSSA_IS_SPAN_LIST (self), NULL);

  return self->document;
}

static GtkWidget *
count_new (GlossaSpanList          *self,
           const GlossaSchemaLabel *label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *count = gtk_label_new ("0");
  /* Translators: the tooltip of a label's span count, e.g. "Quote spans". */
  g_autofree char *name = g_strdup_printf (_("%s spans"), glossa_schema_label_title (label));

  gtk_widget_set_tooltip_text (box, name);
  gtk_widget_add_css_class (count, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (count), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_box_append (GTK_BOX (box), glossa_label_swatch_new (label));
  gtk_box_append (GTK_BOX (box), count);
  g_ptr_array_add (self->count_labels, count);
  return box;
}

/* The filter's choices and the counts follow the document's schema: a
 * corpus of PER/ORG/LOC/MISC lists those, not the built-in four.
 */
static void
glossa_span_list_set_labels (GlossaSpanList *self,
                             GlossaSchema   *schema)
{
  g_autoptr(GlossaSchema) builtin = glossa_schema_get_default ();
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkWidget *child;

  if (schema == NULL)
    schema = builtin;
  if (self->schema == schema)
    return;
  g_clear_pointer (&self->schema, glossa_schema_unref);
  self->schema = glossa_schema_ref (schema);

  while ((child = gtk_widget_get_first_child (self->counts_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->counts_box), child);
  g_ptr_array_set_size (self->count_labels, 0);
  gtk_string_list_append (choices, _("All Labels"));
  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    {
      const GlossaSchemaLabel *label = glossa_schema_get_label (schema, i);

      gtk_string_list_append (choices, glossa_schema_label_title (label));
      gtk_box_append (GTK_BOX (self->counts_box), count_new (self, label));
    }
  /* A new model selects its first item: every label. */
  gtk_drop_down_set_model (self->filter_drop_down, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->filter_drop_down, 0);
}

void
glossa_span_list_set_document (GlossaSpanList *self,
                               GlossaDocument *document)
{
  g_return_if_fail (GLOSSA_IS_SPAN_LIST (self));
  g_return_if_fail (!document || GLOSSA_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  self->n_batch_edits = 0;
  self->batch_reload = FALSE;
  g_list_store_remove_all (self->store);
  glossa_span_list_set_labels (self, document ? glossa_document_get_schema (document) : NULL);
  glossa_span_list_update_counts (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (document != NULL)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
}

GListModel *
glossa_span_list_get_model (GlossaSpanList *self)
{
  g_return_val_if_fail (GLOSSA_IS_SPAN_LIST (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  GlossaSpanList *self = user_data;

  return self->filter_label == 0
      || glossa_span_item_get_span (item)->label == self->filter_label;
}

/* The filter's choices: every label, then the labels in order. */
static GlossaLabel
filter_choice_label (GlossaSpanList *self,
                     guint           choice)
{
  if (self->schema == NULL || choice == 0 || choice > glossa_schema_get_n_labels (self->schema))
    return 0;
  return glossa_schema_get_label (self->schema, choice - 1)->name;
}

/* @label: a label, or 0 for every label */
void
glossa_span_list_set_filter (GlossaSpanList *self,
                             GlossaLabel     label)
{
  g_return_if_fail (GLOSSA_IS_SPAN_LIST (self));

  for (guint choice = 0; self->schema != NULL && choice <= glossa_schema_get_n_labels (self->schema); choice++)
    if (filter_choice_label (self, choice) == label)
      gtk_drop_down_set_selected (self->filter_drop_down, choice);
}

/* With every label shown the model has no filter at all: a filter that
 * keeps everything still makes GtkFilterListModel shift its bitset of
 * 50,000 matches on every insertion and removal, about a millisecond each.
 */
static void
glossa_span_list_apply_filter (GlossaSpanList *self)
{
  GtkFilter *current = gtk_filter_list_model_get_filter (self->filtered);

  if (self->filter_label == 0)
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (current == NULL)
    gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_filter_selected (GlossaSpanList *self)
{
  GlossaLabel label = filter_choice_label (self, gtk_drop_down_get_selected (self->filter_drop_down));

  if (label == self->filter_label)
    return;
  self->filter_label = label;
  glossa_span_list_apply_filter (self);
}

/* Shows which span the window has selected: its row is selected and
 * scrolled to, or no row with @id NULL.
 */
void
glossa_span_list_select_span (GlossaSpanList *self,
                              const char     *id)
{
  GlossaSpan *span = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (GLOSSA_IS_SPAN_LIST (self));

  if (id != NULL && self->document != NULL && self->reload_source == 0)
    span = glossa_document_lookup_span (self->document, id);
  if (span != NULL)
    position = find_in_model (G_LIST_MODEL (self->filtered), span);
  if (position == G_MAXUINT)
    position = GTK_INVALID_LIST_POSITION;

  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

void
glossa_span_list_activate (GlossaSpanList *self,
                           guint           position)
{
  g_autoptr(GlossaSpanItem) item = NULL;

  g_return_if_fail (GLOSSA_IS_SPAN_LIST (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (item != NULL)
    g_signal_emit (self, signals[SPAN_ACTIVATED], 0, glossa_span_item_get_span (item)->id);
}

static void
on_list_activate (GlossaSpanList *self,
                  guint           position)
{
  glossa_span_list_activate (self, position);
}

static gboolean
may_start_link (GlossaSchema *schema,
                GlossaLabel   label)
{
  for (guint i = 0; i < glossa_schema_get_n_relations (schema); i++)
    {
      GArray *from = glossa_schema_get_relation (schema, i)->from;

      for (guint j = 0; from != NULL && j < from->len; j++)
        if (g_array_index (from, GlossaLabel, j) == label)
          return TRUE;
    }
  return FALSE;
}

/* A row's second line: "← Vladimir Putin" for a statement (or "No
 * source"), "Source of 3 statements" for an actor, a date's value and
 * what it means.
 */
static char *
describe_links (GlossaSpanList *self,
                GlossaSpan     *span)
{
  GPtrArray *out = g_hash_table_lookup (self->outgoing, span->id);
  guint in = GPOINTER_TO_UINT (g_hash_table_lookup (self->incoming, span->id));
  const char *value = glossa_span_get_attribute (span, "value");
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; out != NULL && i < out->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (out, i);
      GlossaSpan *to = glossa_document_lookup_span (self->document, relation->to);
      g_autofree char *flat = g_strdelimit (g_strdup (to ? to->text : relation->to), "\r\n\t", ' ');

      g_string_append_printf (text, "%s← %s", i > 0 ? ", " : "", flat);
    }
  if (out == NULL && may_start_link (self->schema, span->label))
    g_string_append (text, _("No source"));
  if (in > 0)
    /* Translators: an actor's row: how many statements it is the source of */
    g_string_append_printf (text, ngettext ("Source of %u statement", "Source of %u statements", in), in);
  if (value != NULL)
    {
      g_autofree char *meaning = glossa_timex_describe (value);

      g_string_append (text, value);
      if (meaning != NULL)
        g_string_append_printf (text, " · %s", meaning);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
update_row_links (GlossaSpanList *self,
                  GlossaSpanRow  *row)
{
  GlossaSpan *span = glossa_span_row_get_span (row);
  g_autofree char *text = NULL;

  if (span != NULL && self->document != NULL && self->schema != NULL)
    text = describe_links (self, span);
  glossa_span_row_set_links (row, text);
}

/* Indexes the live links by span, counts the statements without one
 * (spans a link may start at, less those that start one) and refreshes
 * the rows alive. A few milliseconds for 20,000 links.
 */
static void
glossa_span_list_update_links (GlossaSpanList *self)
{
  g_autoptr(GPtrArray) relations = NULL;
  guint n_statements = 0, n_unattributed;

  g_clear_handle_id (&self->links_source, g_source_remove);
  g_hash_table_remove_all (self->outgoing);
  g_hash_table_remove_all (self->incoming);
  if (self->document != NULL && self->reload_source == 0)
    relations = glossa_document_dup_relations (self->document);
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (relations, i);
      GPtrArray *out = g_hash_table_lookup (self->outgoing, relation->from);
      guint in = GPOINTER_TO_UINT (g_hash_table_lookup (self->incoming, relation->to));

      if (out == NULL)
        {
          out = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_relation_unref);
          g_hash_table_insert (self->outgoing, g_strdup (relation->from), out);
        }
      g_ptr_array_add (out, glossa_relation_ref (relation));
      g_hash_table_insert (self->incoming, g_strdup (relation->to), GUINT_TO_POINTER (in + 1));
    }

  for (guint i = 0; self->document != NULL && self->schema != NULL && i < glossa_schema_get_n_labels (self->schema); i++)
    {
      GlossaLabel label = glossa_schema_get_label (self->schema, i)->name;

      if (may_start_link (self->schema, label))
        n_statements += glossa_document_count_label (self->document, label);
    }
  n_unattributed = n_statements - MIN (n_statements, g_hash_table_size (self->outgoing));
  self->n_unattributed = n_unattributed;
  if (n_unattributed > 0)
    {
      /* Translators: the span list's header: statements without a source */
      g_autofree char *label = g_strdup_printf (ngettext ("%u without source", "%u without source", n_unattributed),
                                                n_unattributed);

      gtk_button_set_label (self->unattributed_button, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->unattributed_button),
                                   _("Go to the next quote or claim without a source (Ctrl+Shift+J)"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unattributed_button), n_unattributed > 0);

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (GLOSSA_IS_SPAN_ROW (row))
        update_row_links (self, GLOSSA_SPAN_ROW (row));
    }
}

/**
 * glossa_span_list_get_n_unattributed:
 *
 * Returns: how many quotes and claims (spans a link may start at) have
 *   no link, as the header shows
 */
guint
glossa_span_list_get_n_unattributed (GlossaSpanList *self)
{
  g_return_val_if_fail (GLOSSA_IS_SPAN_LIST (self), 0);

  if (self->links_source != 0)
    glossa_span_list_update_links (self);
  return self->n_unattributed;
}

/* The selected row grows to show its span whole, with its note. */
static void
setup_row (GtkListItemFactory *factory,
           GtkListItem        *list_item,
           gpointer            user_data)
{
  GtkWidget *row = glossa_span_row_new ();

  gtk_list_item_set_child (list_item, row);
  g_object_bind_property (list_item, "selected", row, "expanded", G_BINDING_SYNC_CREATE);
}

static void
bind_row (GtkListItemFactory *factory,
          GtkListItem        *list_item,
          gpointer            user_data)
{
  GlossaSpanList *self = user_data;
  GlossaSpanItem *item = gtk_list_item_get_item (list_item);

  glossa_span_row_set_schema (GLOSSA_SPAN_ROW (gtk_list_item_get_child (list_item)), self->schema);
  glossa_span_row_set_span (GLOSSA_SPAN_ROW (gtk_list_item_get_child (list_item)),
                            glossa_span_item_get_span (item));
  update_row_links (self, GLOSSA_SPAN_ROW (gtk_list_item_get_child (list_item)));
}


static void
glossa_span_list_dispose (GObject *object)
{
  GtkWidget *child;
  GlossaSpanList *self = GLOSSA_SPAN_LIST (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->links_source, g_source_remove);
  g_signal_group_set_target (self->document_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSSA_TYPE_SPAN_LIST);
  /* The template's root box is not a bound child: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);
  g_clear_pointer (&self->schema, glossa_schema_unref);
  g_clear_pointer (&self->count_labels, g_ptr_array_unref);
  g_clear_pointer (&self->outgoing, g_hash_table_unref);
  g_clear_pointer (&self->incoming, g_hash_table_unref);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (glossa_span_list_parent_class)->dispose (object);
}

static void
glossa_span_list_class_init (GlossaSpanListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = glossa_span_list_dispose;

  /**
   * GlossaSpanList::span-activated:
   * @id: the id of the span
   *
   * A row was clicked or activated with the keyboard.
   */
  signals[SPAN_ACTIVATED] =
    g_signal_new ("span-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/glossa-span-list.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanList, filter_drop_down);
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanList, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanList, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanList, counts_box);
  gtk_widget_class_bind_template_child (widget_class, GlossaSpanList, unattributed_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "spanlist");
}

static void
glossa_span_list_init (GlossaSpanList *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->filter_label = 0;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (GLOSSA_TYPE_SPAN_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->store), NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  self->outgoing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->incoming = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  /* No "unbind": a row keeps its span until it is bound to another, so
   * that rebinding it to the same span costs nothing (see
   * glossa_span_row_set_span()).
   */
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->document_signals = g_signal_group_new (GLOSSA_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "span-added",
                                  G_CALLBACK (on_span_added), self);
  g_signal_group_connect_swapped (self->document_signals, "span-removed",
                                  G_CALLBACK (on_span_removed), self);
  g_signal_group_connect_swapped (self->document_signals, "changed",
                                  G_CALLBACK (on_document_changed), self);
  self->count_labels = g_ptr_array_new ();
  glossa_span_list_set_labels (self, NULL);
  glossa_span_list_update_counts (self);
}
