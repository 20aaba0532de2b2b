/* glossa-window-private.h: what the parts of GlossaWindow share
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "glossa-article-view.h"
#include "glossa-corpus-sidebar.h"
#include "glossa-guidelines-pane.h"
#include "glossa-reanchor.h"
#include "glossa-review-bar.h"
#include "glossa-saver.h"
#include "glossa-search-bar.h"
#include "glossa-span-list.h"
#include "glossa-window.h"

G_BEGIN_DECLS

typedef struct _GlossaWindowSearch GlossaWindowSearch;
typedef struct _GlossaWindowSuggest GlossaWindowSuggest;
typedef struct _GlossaWindowLinks GlossaWindowLinks;

struct _GlossaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwSqueezer          *label_squeezer;
  GtkWidget            *label_buttons;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkRevealer          *save_revealer;
  GtkLabel             *save_label;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwFlap              *span_flap;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GlossaArticleView    *view;
  GlossaSpanList       *span_list;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  AdwFlap              *corpus_flap;
  /* Made when a corpus first opens (see _glossa_window_open_corpus()). */
  GlossaCorpusSidebar  *corpus_sidebar;
  GtkWidget            *corpus_buttons;
  GtkWidget            *corpus_list_button;
  GtkRevealer          *review_revealer;
  GlossaReviewBar      *review_bar;
  AdwStatusPage        *error_page;
  GtkWidget            *reanchor_button;
  GtkWidget            *start_over_button;
  GtkWidget            *retry_button;
  GtkWidget            *latin1_button;
  GtkWidget            *cp1252_button;
  GtkRevealer          *article_bar_revealer;
  /* The guidelines pane (F1), on the right of everything. */
  AdwFlap              *guide_flap;
  GlossaGuidelinesPane *guidelines_pane;

  GSettings            *settings;
  /* Built when first asked for (see show_help_overlay_action()). */
  GtkWindow            *help_overlay;

  /* The document shown, and everything that follows it. */
  GlossaDocument       *document;
  GSignalGroup         *document_signals;
  GSignalGroup         *buffer_signals;
  GFileMonitor         *monitor;
  GCancellable         *cancellable;
  GtkSourceSearchContext *search;
  char                 *selected_id;
  /* The span the last click selected: a press collapses the selection
   * (unselecting the span) before the click is reported, so cycling
   * outward on the next click remembers it here.
   */
  char                 *clicked_id;

  /* Saving is the saver's (the core's autosave of the document shown);
   * the window only shows its state and asks before closing on edits it
   * could not write.
   */
  GlossaSaver          *saver;
  guint                 monitor_source;
  guint                 dialog_source;
  gint64                last_key_time;
  guint                 conflict : 1;
  guint                 selecting : 1;

  /* The main pane shows the document, or instead its error state: the
   * article could not be read (load_error, no document), or its annotations
   * were made on another version of it (the document's error is
   * ARTICLE_CHANGED; reanchor is what re-anchoring would give).
   */
  GError               *load_error;
  GFile                *load_error_file;
  GlossaReanchor       *reanchor;
  GError               *reanchor_error;
  /* The article file, watched: once it changes, nothing more is edited. */
  GFileMonitor         *article_monitor;
  guint                 article_monitor_source;
  guint                 article_changed : 1;

  /* A corpus, when one is open (glossa-window-corpus.c): the document shown
   * is item corpus_position, saved through the corpus unless reviewing.
   */
  GlossaCorpus         *corpus;
  GCancellable         *corpus_cancellable;
  guint                 corpus_position;
  guint                 save_to_corpus : 1;

  /* Review: the annotations of the current article (A) compared with
   * another annotator's (the source, B); the document shown is then the
   * adjudicated one, saved in review_output.
   */
  GlossaDocument       *article_document;
  GlossaReviewSource   *review_source;   /* B, C…: every side but A */
  GFile                *review_output;
  gboolean              review_majority; /* what most sides have is accepted */
  GlossaCorpus         *review_corpus;   /* the output, when it is a JSONL corpus */

  /* Search the Corpus (glossa-window-search.c), made when first used,
   * and the count and buttons beside Find in the article.
   */
  GlossaWindowSearch   *search_state;
  GlossaSearchBar      *find_bar;
  /* The label buttons and keys (glossa-window-labels.c) */
  GlossaSchema         *label_schema;
  GtkWidget            *compact_labels;
  GtkEventController   *label_keys;
  /* Suggestions (glossa-window-suggest.c) */
  GlossaWindowSuggest  *suggest_state;
  /* Links and date values (glossa-window-links.c) */
  GlossaWindowLinks    *links;
  GtkRevealer          *link_revealer;
  GtkLabel             *link_status;
};

void     _glossa_window_class_actions_init (GtkWidgetClass *widget_class);
void     _glossa_window_update_actions     (GlossaWindow   *self);
void     _glossa_window_select_span        (GlossaWindow   *self,
                                            GlossaSpan     *span);
void     _glossa_window_clear_selection    (GlossaWindow   *self);
void     _glossa_window_show_message       (GlossaWindow   *self,
                                            const char     *text);
void     _glossa_window_show_error         (GlossaWindow   *self,
                                            const GError   *error);
void     _glossa_window_on_offset_clicked  (GlossaWindow   *self,
                                            gint64          offset);
void     _glossa_window_save_now           (GlossaWindow   *self);
typedef void (*GlossaWindowThen) (GlossaWindow *self,
                                  gpointer      data);
gboolean _glossa_window_may_leave          (GlossaWindow     *self,
                                            GlossaWindowThen  then,
                                            gpointer          data);
void     _glossa_window_show_loading       (GlossaWindow   *self,
                                            const char     *name);
gboolean _glossa_window_shows_article_changed (GlossaWindow *self);
void     _glossa_window_show_load_error    (GlossaWindow   *self,
                                            GFile          *file,
                                            const GError   *error);

void     _glossa_window_class_corpus_init  (GtkWidgetClass *widget_class);
void     _glossa_window_corpus_init        (GlossaWindow   *self);
void     _glossa_window_corpus_dispose     (GlossaWindow   *self);
void     _glossa_window_corpus_update_actions (GlossaWindow *self);
gboolean _glossa_window_is_corpus_file     (GFile          *file);
void     _glossa_window_open_corpus        (GlossaWindow   *self,
                                            GFile          *file);
void     _glossa_window_close_corpus       (GlossaWindow   *self);
void     _glossa_window_show_item          (GlossaWindow   *self,
                                            guint           position);
void     _glossa_window_replace_document   (GlossaWindow   *self,
                                            GlossaDocument *document);
void     _glossa_window_compare            (GlossaWindow   *self,
                                            GFile          *other,
                                            GFile          *output);
void     _glossa_window_review_when_shown  (GlossaWindow   *self,
                                            GFile          *other,
                                            GFile          *output);
/* @others: a GPtrArray of GFile, B, C…; @majority: pre-accept what a
 * strict majority of the sides agree on.
 */
void     _glossa_window_compare_sides      (GlossaWindow   *self,
                                            GPtrArray      *others,
                                            GFile          *output);
void     _glossa_window_review_sides_when_shown (GlossaWindow *self,
                                                 GPtrArray    *others,
                                                 GFile        *output,
                                                 gboolean      majority);

void     _glossa_window_class_search_init  (GtkWidgetClass *widget_class);
void     _glossa_window_search_init        (GlossaWindow   *self);
void     _glossa_window_search_dispose     (GlossaWindow   *self);
void     _glossa_window_search_update_actions (GlossaWindow *self);
GtkWidget *_glossa_window_get_search_window (GlossaWindow  *self);

void     _glossa_window_labels_init        (GlossaWindow   *self);
void     _glossa_window_labels_dispose     (GlossaWindow   *self);
void     _glossa_window_labels_fill_shortcuts (GlossaWindow *self,
                                               GPtrArray    *slots);
void     _glossa_window_labels_set_schema  (GlossaWindow   *self,
                                            GlossaSchema   *schema);

void     _glossa_window_class_schema_init  (GtkWidgetClass *widget_class);
void     _glossa_window_class_suggest_init (GtkWidgetClass *widget_class);
void     _glossa_window_suggest_init       (GlossaWindow   *self);
void     _glossa_window_suggest_dispose    (GlossaWindow   *self);
void     _glossa_window_suggest_update_actions (GlossaWindow *self);
gint64   _glossa_window_suggest_get_elapsed (GlossaWindow  *self);
gint64   _glossa_window_suggest_get_elapsed_complete (GlossaWindow *self);
/* Where the time went, in µs from when computing was asked for. */
typedef struct
{
  gint64 queued;       /* until the worker ran */
  gint64 first_found;  /* until the article's beginning's were found */
  gint64 whole_found;  /* until the whole article's were */
  gint64 worker_cpu;   /* CPU time of the worker's thread and those it started */
  gint64 install;      /* the main thread's hand-over of the whole article's */
} GlossaWindowSuggestTimings;
void     _glossa_window_suggest_get_timings (GlossaWindow               *self,
                                             GlossaWindowSuggestTimings *timings);
void     _glossa_window_class_links_init   (GtkWidgetClass *widget_class);
void     _glossa_window_links_init         (GlossaWindow   *self);
void     _glossa_window_links_dispose      (GlossaWindow   *self);
void     _glossa_window_links_set_document (GlossaWindow   *self);
void     _glossa_window_links_constructed  (GlossaWindow   *self);
void     _glossa_window_links_selection_changed (GlossaWindow *self);
void     _glossa_window_links_update_actions (GlossaWindow *self);
gboolean _glossa_window_links_get_state    (GlossaWindow   *self,
                                            const char    **type,
                                            GlossaSpan    **current,
                                            guint          *n_candidates);

G_END_DECLS
