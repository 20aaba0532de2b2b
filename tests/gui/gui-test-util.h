/* gui-test-util.h: helpers shared by the GTK tests
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "glossa-document.h"
#include "glossa-format.h"
#include "glossa-window.h"

G_BEGIN_DECLS

void               gui_test_init             (int           *argc,
                                              char        ***argv);
void               gui_test_set_dark         (gboolean       dark);
GFile             *gui_test_copy_sample      (const char    *name);
GlossaWindow      *gui_test_open_window      (GFile         *article);
void               gui_test_close_window     (GlossaWindow  *window);
void               gui_test_iterate          (guint          ms);
gboolean           gui_test_wait_for         (gboolean     (*condition) (gpointer),
                                              gpointer       data,
                                              guint          timeout_ms);
void               gui_test_wait_saved       (GlossaWindow  *window);
GlossaAnnotations *gui_test_read_annotations (GlossaWindow  *window);
gint64             gui_test_find             (GlossaWindow  *window,
                                              const char    *needle);
void               gui_test_select           (GlossaWindow  *window,
                                              gint64         start,
                                              gint64         end);
void               gui_test_remove_tree      (GFile         *file);
void               gui_test_remove_path      (const char    *path);
const char        *gui_test_language         (void);
char              *gui_test_screenshot_path  (GtkWidget     *widget,
                                              const char    *stem);
void               gui_test_save_png         (GtkWidget     *widget,
                                              const char    *path);
AdwMessageDialog  *gui_test_find_message_dialog (void);

G_END_DECLS
