/* glossa-saver.c: autosave as model state: when a document is written, and what failed
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "glossa-error.h"
#include "glossa-saver.h"

#define DEFAULT_DELAY_MS 300

struct _GlossaSaver
{
  GObject         parent_instance;

  GlossaDocument *document;
  GCancellable   *cancellable;
  guint           delay;
  guint           source;
  /* The wait of the source when it is a retry after a failure. */
  guint           retry_delay;
  GError         *error;
  guint           n_failures;
  /* The kind of failure last warned about, so a retry that fails the same
   * way stays quiet.
   */
  GQuark          warned_domain;
  int             warned_code;
  /* The document's state the recovery copy holds, to write it once per
   * state rather than once per try.
   */
  guint64         recovery_serial;
  guint           saving : 1;
  guint           again : 1;
  guint           has_recovery : 1;
  guint           warned_recovery : 1;
};

G_DEFINE_FINAL_TYPE (GlossaSaver, glossa_saver, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_DELAY,
  PROP_SAVING,
  PROP_MODIFIED,
  PROP_ERROR,
  PROP_N_FAILURES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_save (GlossaSaver *self);

static gboolean
can_save (GlossaSaver *self)
{
  return glossa_document_get_store (self->document) != NULL
      && !glossa_document_get_read_only (self->document);
}

static gboolean
is_conflict (const GError *error)
{
  return g_error_matches (error, GLOSSA_ERROR, GLOSSA_ERROR_CONFLICT);
}

static void
set_saving (GlossaSaver *self,
            gboolean     saving)
{
  if (self->saving == !!saving)
    return;
  self->saving = !!saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static gboolean
same_error (const GError *a,
            const GError *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->domain == b->domain && a->code == b->code && g_strcmp0 (a->message, b->message) == 0;
}

/* Takes @error. */
static void
set_error (GlossaSaver *self,
           GError      *error)
{
  if (same_error (self->error, error))
    {
      g_clear_error (&error);
      return;
    }
  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_n_failures (GlossaSaver *self,
                guint        n_failures)
{
  if (self->n_failures == n_failures)
    return;
  self->n_failures = n_failures;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FAILURES]);
}

static gboolean
timeout_cb (gpointer user_data)
{
  GlossaSaver *self = user_data;

  self->source = 0;
  self->retry_delay = 0;
  start_save (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (GlossaSaver *self,
          guint        delay,
          gboolean     retry)
{
  if (self->source != 0)
    return;
  self->retry_delay = retry ? delay : 0;
  self->source = g_timeout_add (delay, timeout_cb, self);
}

/* 0.3 s after the first failure, then 1 s, 2 s, 4 s… */
static guint
backoff (guint n_failures)
{
  guint64 delay;

  if (n_failures <= 1)
    return GLOSSA_SAVER_FIRST_BACKOFF_MS;
  delay = G_GUINT64_CONSTANT (1000) << MIN (n_failures - 2, 16);
  return MIN (delay, GLOSSA_SAVER_MAX_BACKOFF_MS);
}

/* Edits that cannot be written where they belong are kept under the user's
 * data folder, so that neither a crash nor a closed window loses them.
 */
static void
keep_recovery_copy (GlossaSaver *self)
{
  g_autoptr(GError) error = NULL;
  guint64 serial = glossa_document_get_serial (self->document);

  if (self->has_recovery && self->recovery_serial == serial)
    return;
  if (!glossa_document_write_recovery (self->document, &error))
    {
      if (!self->warned_recovery)
        g_warning ("Cannot keep a recovery copy of %s: %s",
                   glossa_article_get_name (glossa_document_get_article (self->document)), error->message);
      self->warned_recovery = TRUE;
      return;
    }
  self->has_recovery = TRUE;
  self->recovery_serial = serial;
}

static void
save_failed (GlossaSaver *self,
             GError      *error)
{
  if (!is_conflict (error) &&
      (error->domain != self->warned_domain || error->code != self->warned_code))
    {
      g_warning ("Could not save: %s", error->message);
      self->warned_domain = error->domain;
      self->warned_code = error->code;
    }

  set_n_failures (self, self->n_failures + 1);
  if (is_conflict (error))
    {
      /* Nothing is written until the user chooses. */
      set_error (self, error);
      return;
    }
  keep_recovery_copy (self);
  set_error (self, error);
  schedule (self, backoff (self->n_failures), TRUE);
}

static void
save_succeeded (GlossaSaver *self)
{
  set_error (self, NULL);
  set_n_failures (self, 0);
  self->warned_domain = 0;
  self->warned_code = 0;
  /* A recovery copy from this run or an earlier one is now out of date. */
  glossa_document_discard_recovery (self->document);
  self->has_recovery = FALSE;
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GlossaSaver) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean again;

  set_saving (self, FALSE);
  if (!glossa_document_save_finish (GLOSSA_DOCUMENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      save_failed (self, g_steal_pointer (&error));
      return;
    }

  save_succeeded (self);
  again = self->again;
  self->again = FALSE;
  /* Changes made while writing wait their turn; an explicit ask does not. */
  if (glossa_document_get_modified (self->document))
    schedule (self, again ? 0 : self->delay, FALSE);
}

static void
start_save (GlossaSaver *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
  self->retry_delay = 0;

  if (!can_save (self))
    return;
  if (self->saving)
    {
      self->again = TRUE;
      return;
    }

  set_saving (self, TRUE);
  glossa_document_save_async (self->document, self->cancellable, save_cb, g_object_ref (self));
}

static void
on_document_changed (GlossaSaver *self)
{
  if (!glossa_document_get_modified (self->document) || !can_save (self))
    return;
  /* A conflict waits for the user, a failure for its retry; meanwhile
   * each edit goes to the recovery copy at once, so a crash loses none.
   */
  if (self->error != NULL)
    {
      keep_recovery_copy (self);
      return;
    }
  if (self->saving)
    self->again = TRUE;
  else
    schedule (self, self->delay, FALSE);
}

static void
on_document_modified (GlossaSaver *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
glossa_saver_constructed (GObject *object)
{
  GlossaSaver *self = GLOSSA_SAVER (object);

  G_OBJECT_CLASS (glossa_saver_parent_class)->constructed (object);

  g_assert (GLOSSA_IS_DOCUMENT (self->document));
  g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::modified", G_CALLBACK (on_document_modified),
                           self, G_CONNECT_SWAPPED);
  on_document_changed (self);
}

static void
glossa_saver_dispose (GObject *object)
{
  GlossaSaver *self = GLOSSA_SAVER (object);

  g_clear_handle_id (&self->source, g_source_remove);
  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (glossa_saver_parent_class)->dispose (object);
}

static void
glossa_saver_finalize (GObject *object)
{
  GlossaSaver *self = GLOSSA_SAVER (object);

  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (glossa_saver_parent_class)->finalize (object);
}

static void
glossa_saver_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossaSaver *self = GLOSSA_SAVER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;

    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, glossa_saver_get_modified (self));
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case PROP_N_FAILURES:
      g_value_set_uint (value, self->n_failures);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_saver_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GlossaSaver *self = GLOSSA_SAVER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_DELAY:
      glossa_saver_set_delay (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
glossa_saver_class_init (GlossaSaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = glossa_saver_constructed;
  object_class->dispose = glossa_saver_dispose;
  object_class->finalize = glossa_saver_finalize;
  object_class->get_property = glossa_saver_get_property;
  object_class->set_property = glossa_saver_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSSA_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Milliseconds; the window binds it to the auto-save-delay setting. */
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, G_MAXINT, DEFAULT_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_FAILURES] =
    g_param_spec_uint ("n-failures", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
glossa_saver_init (GlossaSaver *self)
{
  self->delay = DEFAULT_DELAY_MS;
  self->cancellable = g_cancellable_new ();
}

GlossaSaver *
glossa_saver_new (GlossaDocument *document)
{
  g_return_val_if_fail (GLOSSA_IS_DOCUMENT (document), NULL);

  return g_object_new (GLOSSA_TYPE_SAVER, "document", document, NULL);
}

GlossaDocument *
glossa_saver_get_document (GlossaSaver *self)
{
  g_return_val_if_fail (GLOSSA_IS_SAVER (self), NULL);
  return self->document;
}

guint
glossa_saver_get_delay (GlossaSaver *self)
{
  g_return_val_if_fail (GLOSSA_IS_SAVER (self), 0);
  return self->delay;
}

/* A save already waiting keeps its time: the new delay counts from the
 * next change.
 */
void
glossa_saver_set_delay (GlossaSaver *self,
                        guint        delay)
{
  g_return_if_fail (GLOSSA_IS_SAVER (self));

  if (self->delay == delay)
    return;
  self->delay = delay;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

gboolean
glossa_saver_get_saving (GlossaSaver *self)
{
  g_return_val_if_fail (GLOSSA_IS_SAVER (self), FALSE);
  return self->saving;
}

gboolean
glossa_saver_get_modified (GlossaSaver *self)
{
  g_return_val_if_fail (GLOSSA_IS_SAVER (self), FALSE);
  return glossa_document_get_modified (self->document);
}

const GError *
glossa_saver_get_error (GlossaSaver *self)
{
  g_return_val_if_fail (GLOSSA_IS_SAVER (self), NULL);
  return self->error;
}

guint
glossa_saver_get_n_failures (GlossaSaver *self)
{
  g_return_val_if_fail (GLOSSA_IS_SAVER (self), 0);
  return self->n_failures;
}

guint
glossa_saver_get_retry_delay (GlossaSaver *self)
{
  g_return_val_if_fail (GLOSSA_IS_SAVER (self), 0);
  return self->retry_delay;
}

gboolean
glossa_saver_get_unsaved (GlossaSaver *self)
{
  g_return_val_if_fail (GLOSSA_IS_SAVER (self), FALSE);
  return self->error != NULL && glossa_document_get_modified (self->document);
}

void
glossa_saver_save_now (GlossaSaver *self)
{
  g_return_if_fail (GLOSSA_IS_SAVER (self));
  start_save (self);
}

gboolean
glossa_saver_flush (GlossaSaver  *self,
                    GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GLOSSA_IS_SAVER (self), FALSE);

  g_clear_handle_id (&self->source, g_source_remove);
  self->retry_delay = 0;
  /* A synchronous save racing a write in flight could be overtaken by the
   * older snapshot, or refused as a conflict: let that write finish first.
   */
  while (self->saving)
    g_main_context_iteration (NULL, TRUE);
  g_clear_handle_id (&self->source, g_source_remove);
  self->again = FALSE;

  if (!can_save (self) || !glossa_document_get_modified (self->document))
    return TRUE;

  if (!glossa_document_save (self->document, NULL, &local_error))
    {
      if (error != NULL)
        *error = g_error_copy (local_error);
      /* Kept, and tried again later, as any failed save. */
      save_failed (self, g_steal_pointer (&local_error));
      return FALSE;
    }
  save_succeeded (self);
  return TRUE;
}

void
glossa_saver_reset (GlossaSaver *self)
{
  g_return_if_fail (GLOSSA_IS_SAVER (self));

  g_clear_handle_id (&self->source, g_source_remove);
  self->retry_delay = 0;
  self->again = FALSE;
  set_error (self, NULL);
  set_n_failures (self, 0);
  self->warned_domain = 0;
  self->warned_code = 0;
}
