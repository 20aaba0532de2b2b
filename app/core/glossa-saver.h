/* glossa-saver.h: autosave as model state: when a document is written, and what failed
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "glossa-document.h"

G_BEGIN_DECLS

#define GLOSSA_TYPE_SAVER (glossa_saver_get_type ())

G_DECLARE_FINAL_TYPE (GlossaSaver, glossa_saver, GLOSSA, SAVER, GObject)

/* The first retry after a failed save waits this long; each later one
 * waits longer, up to GLOSSA_SAVER_MAX_BACKOFF_MS.
 */
#define GLOSSA_SAVER_FIRST_BACKOFF_MS 300
#define GLOSSA_SAVER_MAX_BACKOFF_MS   30000

/* A saver writes its document through the document's store "delay"
 * milliseconds after a change (a change made while waiting does not
 * restart the wait). Views bind to its properties: "saving", "modified",
 * and "error", the last save's error, notified only when it changes.
 *
 * A save that fails is never dropped: the document stays modified, the
 * edits are kept in the store's recovery copy, and the save is tried again
 * after 0.3 s, 1 s, 2 s, 4 s… up to 30 s, with one warning per kind of
 * failure rather than per try. A conflict (another program changed what is
 * stored) is not retried: it waits for glossa_saver_save_now() once the
 * user has chosen (see glossa_document_set_aside_disk_version()), or for
 * glossa_saver_reset() after a reload.
 */
GlossaSaver    *glossa_saver_new             (GlossaDocument *document);
GlossaDocument *glossa_saver_get_document    (GlossaSaver    *self);
guint           glossa_saver_get_delay       (GlossaSaver    *self);
void            glossa_saver_set_delay       (GlossaSaver    *self,
                                              guint           delay);
gboolean        glossa_saver_get_saving      (GlossaSaver    *self);
gboolean        glossa_saver_get_modified    (GlossaSaver    *self);
const GError   *glossa_saver_get_error       (GlossaSaver    *self);
guint           glossa_saver_get_n_failures  (GlossaSaver    *self);
/* How long the saver waits now before its next try, 0 if none is due. */
guint           glossa_saver_get_retry_delay (GlossaSaver    *self);
/* Whether there are edits that could not be written: modified, and the
 * last save failed.
 */
gboolean        glossa_saver_get_unsaved     (GlossaSaver    *self);
/* Starts a save now (Ctrl+S, "Retry", after a conflict was answered). */
void            glossa_saver_save_now        (GlossaSaver    *self);
/* Writes any change before returning (closing, switching articles): waits
 * for a save in flight, then saves synchronously if still modified.
 */
gboolean        glossa_saver_flush           (GlossaSaver    *self,
                                              GError        **error);
/* Forgets failures and pending saves, after a reload or a discard. */
void            glossa_saver_reset           (GlossaSaver    *self);

G_END_DECLS
