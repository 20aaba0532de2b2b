/* glossa-format.c: reading and writing annotation files, format v1
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "glossa-article.h"
#include "glossa-error.h"
#include "glossa-format.h"
#include "glossa-format-private.h"
#include "glossa-json.h"
#include "glossa-json-private.h"
#include "glossa-merge.h"
#include "glossa-schema.h"
#include "glossa-span.h"

GlossaAnnotations *
glossa_annotations_new (void)
{
  GlossaAnnotations *annotations = g_new0 (GlossaAnnotations, 1);

  annotations->status = GLOSSA_STATUS_TODO;
  annotations->annotator = g_strdup ("");
  annotations->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  annotations->schema = glossa_schema_get_default ();
  annotations->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_relation_unref);
  return annotations;
}

void
glossa_annotations_free (GlossaAnnotations *annotations)
{
  if (annotations == NULL)
    return;

  g_free (annotations->doc_id);
  g_free (annotations->file);
  g_free (annotations->sha256);
  g_free (annotations->date);
  g_free (annotations->annotator);
  g_clear_pointer (&annotations->spans, g_ptr_array_unref);
  g_clear_pointer (&annotations->document_extra, json_object_unref);
  g_clear_pointer (&annotations->extra, json_object_unref);
  g_clear_pointer (&annotations->schema, glossa_schema_unref);
  g_clear_pointer (&annotations->relations, g_ptr_array_unref);
  g_free (annotations);
}

/* Reading */

G_GNUC_PRINTF (5, 6)
static gboolean
fail (GError     **error,
      int          code,
      const char  *name,
      const char  *field,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, GLOSSA_ERROR, code, "%s: %s: %s", name, field, message);
  return FALSE;
}

/* Translators: what a JSON value was, in "expected a string, found %s" */
static const char *
kind_text (GlossaJsonKind kind)
{
  switch (kind)
    {
    case GLOSSA_JSON_OBJECT:
      return _("an object");
    case GLOSSA_JSON_ARRAY:
      return _("an array");
    case GLOSSA_JSON_STRING:
      return _("a string");
    case GLOSSA_JSON_BOOLEAN:
      return _("a boolean");
    case GLOSSA_JSON_DOUBLE:
      return _("a number with a fraction");
    case GLOSSA_JSON_INT:
      return _("a number");
    case GLOSSA_JSON_NONE:
    case GLOSSA_JSON_NULL:
    default:
      return _("null");
    }
}

/* Describes @node (NULL for a missing member) as the pull reader would:
 * both ways of reading share the checks below.
 */
static void
value_from_node (JsonNode        *node,
                 GlossaJsonValue *value)
{
  value->str = NULL;
  value->integer = 0;

  if (node == NULL)
    value->kind = GLOSSA_JSON_NONE;
  else if (JSON_NODE_HOLDS_NULL (node))
    value->kind = GLOSSA_JSON_NULL;
  else if (JSON_NODE_HOLDS_OBJECT (node))
    value->kind = GLOSSA_JSON_OBJECT;
  else if (JSON_NODE_HOLDS_ARRAY (node))
    value->kind = GLOSSA_JSON_ARRAY;
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      value->kind = GLOSSA_JSON_STRING;
      value->str = json_node_get_string (node);
    }
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      value->kind = GLOSSA_JSON_INT;
      value->integer = json_node_get_int (node);
    }
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    value->kind = GLOSSA_JSON_DOUBLE;
  else
    value->kind = GLOSSA_JSON_BOOLEAN;
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Each required member is checked through these, which name the field when
 * it is missing or of the wrong type: "PREFIX.MEMBER", or "MEMBER".
 */
static const char *
get_string (const GlossaJsonValue  *value,
            const char             *member,
            const char             *name,
            const char             *prefix,
            GError                **error)
{
  g_autofree char *field = NULL;

  if (value->kind == GLOSSA_JSON_STRING)
    return value->str;

  field = prefix ? g_strdup_printf ("%s.%s", prefix, member) : g_strdup (member);
  if (value->kind == GLOSSA_JSON_NONE)
    fail (error, GLOSSA_ERROR_INVALID, name, field, _("missing (a string is required)"));
  else
    fail (error, GLOSSA_ERROR_INVALID, name, field, _("expected a string, found %s"),
          kind_text (value->kind));
  return NULL;
}

static gboolean
get_integer (const GlossaJsonValue  *value,
             const char             *member,
             const char             *name,
             const char             *prefix,
             gint64                 *out,
             GError                **error)
{
  g_autofree char *field = NULL;

  if (value->kind == GLOSSA_JSON_INT)
    {
      *out = value->integer;
      return TRUE;
    }

  field = prefix ? g_strdup_printf ("%s.%s", prefix, member) : g_strdup (member);
  if (value->kind == GLOSSA_JSON_NONE)
    return fail (error, GLOSSA_ERROR_INVALID, name, field, _("missing (a whole number is required)"));
  return fail (error, GLOSSA_ERROR_INVALID, name, field, _("expected a whole number, found %s"),
               kind_text (value->kind));
}

static gboolean
is_iso8601 (const char *str)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  dt = g_date_time_new_from_iso8601 (str, utc);
  return dt != NULL;
}

static gboolean
is_calendar_date (const char *str)
{
  g_autofree char *found = NULL;
  char header[16];

  if (strlen (str) != 10)
    return FALSE;
  /* glossa_article_find_date() checks the shape and the calendar for us. */
  g_snprintf (header, sizeof header, "date %s", str);
  found = glossa_article_find_date (header, 15);
  return found != NULL;
}


static void
keep_extra (JsonObject **extra,
            const char  *member,
            JsonNode    *node)
{
  if (*extra == NULL)
    *extra = json_object_new ();
  json_object_set_member (*extra, member, node);
}

/* "spans[12]" into @buf (32 bytes), as g_snprintf() would write it, without
 * its cost: it ran for each of 50,000 spans, and took a tenth of a load.
 */
static void
index_field (char       *buf,
             const char *prefix,
             guint       index)
{
  char digits[16];
  gsize n = 0, len = strlen (prefix);

  g_assert (len + sizeof digits + 2 < 32);
  do
    digits[n++] = '0' + index % 10;
  while ((index /= 10) > 0);
  memcpy (buf, prefix, len);
  buf[len++] = '[';
  while (n > 0)
    buf[len++] = digits[--n];
  buf[len++] = ']';
  buf[len] = '\0';
}

/* The members of a span, in the order of SpanMember. */
static const char * const span_members[] = {
  "id", "start", "end", "label", "text", "note", "origin", "annotator", "created", "modified", NULL
};

typedef enum
{
  SPAN_ID,
  SPAN_START,
  SPAN_END,
  SPAN_LABEL,
  SPAN_TEXT,
  SPAN_NOTE,
  SPAN_ORIGIN,
  SPAN_ANNOTATOR,
  SPAN_CREATED,
  SPAN_MODIFIED,
  N_SPAN_MEMBERS
} SpanMember;

/* A span object as read, before any check: the known members by
 * SpanMember (kind GLOSSA_JSON_NONE where missing), the others in @extra.
 * When the value was not an object at all, only @kind is set.
 */
typedef struct
{
  GlossaJsonKind   kind;
  GlossaJsonValue  members[N_SPAN_MEMBERS];
  JsonObject      *extra;
} SpanFields;

static void
span_fields_clear (SpanFields *fields)
{
  g_clear_pointer (&fields->extra, json_object_unref);
}

/* The index of @member in @known, or -1. */
static int
find_member (const char * const *known,
             const char         *member)
{
  for (guint i = 0; known[i] != NULL; i++)
    if (known[i][0] == member[0] && strcmp (known[i], member) == 0)
      return i;
  return -1;
}

static gboolean
get_optional_string (const GlossaJsonValue  *value,
                     const char             *member,
                     const char             *name,
                     const char             *field,
                     char                  **out,
                     GError                **error)
{
  if (value->kind == GLOSSA_JSON_NONE || value->kind == GLOSSA_JSON_NULL)
    return TRUE;

  if (value->kind != GLOSSA_JSON_STRING)
    {
      g_autofree char *sub = g_strdup_printf ("%s.%s", field, member);
      return fail (error, GLOSSA_ERROR_INVALID, name, sub, _("expected a string, found %s"),
                   kind_text (value->kind));
    }

  *out = g_strdup (value->str);
  return TRUE;
}

static gboolean
fail_member (GError     **error,
             const char  *name,
             const char  *field,
             const char  *member,
             const char  *message)
{
  g_autofree char *sub = g_strdup_printf ("%s.%s", field, member);

  return fail (error, GLOSSA_ERROR_INVALID, name, sub, "%s", message);
}

gboolean
glossa_format_check_id (const char  *id,
                        const char  *name,
                        const char  *field,
                        GError     **error)
{
  g_return_val_if_fail (id != NULL, FALSE);

  if (*id == '\0')
    return fail (error, GLOSSA_ERROR_INVALID, name, field, _("must not be empty"));
  return TRUE;
}

gboolean
glossa_format_check_date (const char  *date,
                          const char  *name,
                          const char  *field,
                          GError     **error)
{
  g_return_val_if_fail (date != NULL, FALSE);

  if (!is_calendar_date (date))
    return fail (error, GLOSSA_ERROR_INVALID, name, field,
                 _("“%s” is not a date as YYYY-MM-DD"), date);
  return TRUE;
}

gboolean
glossa_format_check_status (const char    *str,
                            GlossaStatus  *status,
                            const char    *name,
                            const char    *field,
                            GError       **error)
{
  g_return_val_if_fail (str != NULL, FALSE);

  if (!glossa_status_from_string (str, status))
    return fail (error, GLOSSA_ERROR_INVALID, name, field,
                 _("unknown status “%s” (expected todo, in-progress or done)"), str);
  return TRUE;
}

/* The id and offsets of a span, in the order the messages have always
 * come in: id, start, end beyond the article, end before start.
 */
static gboolean
check_span_range (const char  *id,
                  gint64       start,
                  gint64       end,
                  gint64       length,
                  const char  *name,
                  const char  *field,
                  GError     **error)
{
  g_autofree char *message = NULL;

  /* This runs for every span of every file: the field's name is made only
   * for a message.
   */
  if (*id == '\0')
    {
      g_autofree char *id_field = g_strdup_printf ("%s.id", field);

      return glossa_format_check_id (id, name, id_field, error);
    }

  if (start < 0)
    message = g_strdup_printf (_("%lld is negative"), (long long) start);
  else if (end > length)
    message = g_strdup_printf (_("%lld is beyond the article's %lld characters"),
                               (long long) end, (long long) length);
  else if (end <= start)
    message = g_strdup_printf (_("%lld is not after start %lld (a span covers at least one character)"),
                               (long long) end, (long long) start);
  else
    return TRUE;

  return fail_member (error, name, field, start < 0 ? "start" : "end", message);
}

static gboolean
check_span_text (GlossaArticle  *article,
                 gint64          start,
                 gint64          end,
                 const char     *text,
                 const char     *name,
                 const char     *field,
                 GError        **error)
{
  g_autofree char *actual = NULL;
  g_autofree char *message = NULL;

  if (glossa_article_slice_equals (article, start, end, text))
    return TRUE;

  actual = glossa_article_slice (article, start, end);
  message = g_strdup_printf (_("“%s” differs from the article's text at %lld–%lld, “%s”"),
                             text, (long long) start, (long long) end, actual);
  return fail_member (error, name, field, "text", message);
}

static gboolean
check_span_times (const GlossaSpan  *span,
                  const char        *name,
                  const char        *field,
                  GError           **error)
{
  g_autofree char *message = NULL;
  gboolean bad_created = span->created != NULL && !is_iso8601 (span->created);
  gboolean bad_modified = span->modified != NULL && !is_iso8601 (span->modified);

  if (!bad_created && !bad_modified)
    return TRUE;

  message = g_strdup_printf (_("“%s” is not an ISO 8601 date and time"),
                             bad_created ? span->created : span->modified);
  return fail_member (error, name, field, bad_created ? "created" : "modified", message);
}

gboolean
glossa_format_check_span (const GlossaSpan  *span,
                          GlossaArticle     *article,
                          gint64             length,
                          const char        *name,
                          const char        *field,
                          GError           **error)
{
  g_return_val_if_fail (span != NULL, FALSE);
  g_return_val_if_fail (span->id != NULL && span->text != NULL, FALSE);

  if (article != NULL)
    length = glossa_article_get_length (article);

  return check_span_range (span->id, span->start, span->end, length, name, field, error) &&
         (article == NULL || check_span_text (article, span->start, span->end, span->text,
                                              name, field, error)) &&
         check_span_times (span, name, field, error);
}

/* Every check of a span, for both ways of reading one; the caller adds the
 * unknown members to the result.
 */
static GlossaSpan *
span_from_fields (const SpanFields  *fields,
                  GlossaArticle     *article,
                  gint64             length,
                  const char        *name,
                  const char        *field,
                  GError           **error)
{
  const GlossaJsonValue *m = fields->members;
  g_autoptr(GlossaSpan) span = NULL;
  g_autofree char *origin = NULL;
  const char *id, *label, *text;
  gint64 start, end;
  GlossaLabel label_value;

  if (fields->kind != GLOSSA_JSON_OBJECT)
    {
      fail (error, GLOSSA_ERROR_INVALID, name, field, _("expected an object, found %s"),
            kind_text (fields->kind));
      return NULL;
    }

  if (article != NULL)
    length = glossa_article_get_length (article);

  if (!(id = get_string (&m[SPAN_ID], "id", name, field, error)) ||
      !get_integer (&m[SPAN_START], "start", name, field, &start, error) ||
      !get_integer (&m[SPAN_END], "end", name, field, &end, error) ||
      !(label = get_string (&m[SPAN_LABEL], "label", name, field, error)) ||
      !(text = get_string (&m[SPAN_TEXT], "text", name, field, error)))
    return NULL;

  if (!check_span_range (id, start, end, length, name, field, error))
    return NULL;

  if (!glossa_label_from_string (label, &label_value))
    {
      g_autofree char *sub = g_strdup_printf ("%s.label", field);
      g_autoptr(GError) why = NULL;

      glossa_label_name_is_valid (label, &why);
      fail (error, GLOSSA_ERROR_INVALID, name, sub, "%s", why->message);
      return NULL;
    }

  if (article != NULL && !check_span_text (article, start, end, text, name, field, error))
    return NULL;

  span = glossa_span_new (id, start, end, label_value, text);

  if (!get_optional_string (&m[SPAN_NOTE], "note", name, field, &span->note, error) ||
      !get_optional_string (&m[SPAN_ORIGIN], "origin", name, field, &origin, error) ||
      !get_optional_string (&m[SPAN_ANNOTATOR], "annotator", name, field, &span->annotator, error) ||
      !get_optional_string (&m[SPAN_CREATED], "created", name, field, &span->created, error) ||
      !get_optional_string (&m[SPAN_MODIFIED], "modified", name, field, &span->modified, error))
    return NULL;

  if (origin != NULL && !glossa_origin_from_string (origin, &span->origin))
    {
      g_autofree char *sub = g_strdup_printf ("%s.origin", field);
      fail (error, GLOSSA_ERROR_INVALID, name, sub,
            _("unknown origin “%s” (expected manual, suggested or imported)"), origin);
      return NULL;
    }

  if (!check_span_times (span, name, field, error))
    return NULL;

  return g_steal_pointer (&span);
}

GlossaSpan *
glossa_format_span_from_json (JsonNode       *node,
                              GlossaArticle  *article,
                              gint64          length,
                              const char     *name,
                              const char     *field,
                              GError        **error)
{
  SpanFields fields = { 0 };
  g_autoptr(GList) members = NULL;
  JsonObject *object = NULL;
  GlossaSpan *span;
  GlossaJsonValue value;

  value_from_node (node, &value);
  fields.kind = value.kind;
  if (fields.kind == GLOSSA_JSON_OBJECT)
    {
      object = json_node_get_object (node);
      for (guint i = 0; i < N_SPAN_MEMBERS; i++)
        value_from_node (json_object_get_member (object, span_members[i]), &fields.members[i]);
    }

  if (!(span = span_from_fields (&fields, article, length, name, field, error)))
    return NULL;

  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (find_member (span_members, l->data) < 0)
        keep_extra (&span->extra, l->data, json_node_copy (json_object_get_member (object, l->data)));
    }

  /* An adjudicated span's provenance (glossa-merge.h). */
  if (!glossa_merge_check_review (span->extra, name, field, error) ||
      !glossa_format_take_attributes (span, NULL, name, field, error))
    {
      glossa_span_unref (span);
      return NULL;
    }
  return span;
}


void
glossa_format_ensure_span_ids (JsonArray *spans)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = json_array_get_length (spans);
  guint next = 1;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (spans, i);
      JsonNode *id;

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          (id = json_object_get_member (json_node_get_object (node), "id")) != NULL &&
          is_string (id))
        g_hash_table_add (taken, (gpointer) json_node_get_string (id));
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (spans, i);
      JsonObject *object;
      char id[32];

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      if (json_object_has_member (object, "id"))
        continue;
      do
        g_snprintf (id, sizeof id, "s%u", next++);
      while (g_hash_table_contains (taken, id));
      json_object_set_string_member (object, "id", id);
    }
}

gboolean
glossa_format_spans_from_json (JsonNode       *node,
                               GlossaArticle  *article,
                               gint64          length,
                               const char     *name,
                               GPtrArray      *spans,
                               GError        **error)
{
  GlossaJsonValue value;
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      value_from_node (node, &value);
      return fail (error, GLOSSA_ERROR_INVALID, name, "spans", _("expected an array, found %s"),
                   kind_text (value.kind));
    }

  array = json_node_get_array (node);
  glossa_format_ensure_span_ids (array);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      char field[32];
      GlossaSpan *span;

      g_snprintf (field, sizeof field, "spans[%u]", i);
      span = glossa_format_span_from_json (json_array_get_element (array, i), article, length,
                                           name, field, error);
      if (span == NULL)
        return FALSE;
      g_ptr_array_add (spans, span);
    }
  return glossa_format_check_spans (spans, name, "spans", error);
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_span_pointers (gconstpointer a,
                       gconstpointer b)
{
  return glossa_span_compare (*(GlossaSpan * const *) a, *(GlossaSpan * const *) b);
}

gboolean
glossa_format_check_spans (GPtrArray   *spans,
                           const char  *name,
                           const char  *field,
                           GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      if (!g_hash_table_add (ids, span->id))
        {
          g_autofree char *sub = g_strdup_printf ("%s[%u].id", field, i);
          return fail (error, GLOSSA_ERROR_INVALID, name, sub,
                       _("“%s” is already the id of another span"), span->id);
        }
    }

  g_ptr_array_sort (spans, compare_span_pointers);

  for (guint i = 1; i < spans->len; i++)
    {
      GlossaSpan *a = g_ptr_array_index (spans, i - 1);
      GlossaSpan *b = g_ptr_array_index (spans, i);

      if (glossa_span_same_key (a, b))
        return fail (error, GLOSSA_ERROR_INVALID, name, field,
                     _("spans “%s” and “%s” are the same span (%s at %lld–%lld)"),
                     a->id, b->id, glossa_label_to_string (a->label),
                     (long long) a->start, (long long) a->end);
    }

  return TRUE;
}

/* The members of "document" and of the top level, in the order of their
 * enums.
 */
static const char * const document_members[] = { "id", "file", "sha256", "length", "date", NULL };

typedef enum
{
  DOC_ID,
  DOC_FILE,
  DOC_SHA256,
  DOC_LENGTH,
  DOC_DATE,
  N_DOC_MEMBERS
} DocMember;

static const char * const top_members[] = {
  "format", "version", "document", "labels", "status", "annotator", "spans", "relations", NULL
};

typedef enum
{
  TOP_FORMAT,
  TOP_VERSION,
  TOP_DOCUMENT,
  TOP_LABELS,
  TOP_STATUS,
  TOP_ANNOTATOR,
  TOP_SPANS,
  TOP_RELATIONS,
  N_TOP_MEMBERS
} TopMember;

/* An annotation file as read, before any check. The whole file is read
 * first so that a syntax error anywhere is reported before any other
 * problem, as when the file was parsed into a tree; the checks then run in
 * the order of the format's description.
 */
typedef struct
{
  GlossaJsonKind   kind;                    /* of the top-level value */
  GlossaJsonValue  members[N_TOP_MEMBERS];  /* containers: only their kind */
  GlossaJsonValue  document[N_DOC_MEMBERS];
  JsonObject      *document_extra;
  GArray          *labels;                  /* of GlossaJsonValue */
  GArray          *spans;                   /* of SpanFields */
  GArray          *relations;               /* of GlossaRelationFields */
  JsonObject      *extra;
  GStringChunk    *strings;                 /* every string above */
} FileFields;

static void
file_fields_clear (FileFields *file)
{
  g_clear_pointer (&file->document_extra, json_object_unref);
  g_clear_pointer (&file->labels, g_array_unref);
  g_clear_pointer (&file->spans, g_array_unref);
  g_clear_pointer (&file->relations, g_array_unref);
  g_clear_pointer (&file->extra, json_object_unref);
  g_clear_pointer (&file->strings, g_string_chunk_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FileFields, file_fields_clear)

/* Reads a scalar, or a container only for its kind. */
static gboolean
pull_value (GlossaJsonReader *reader,
            GStringChunk     *strings,
            GlossaJsonValue  *value)
{
  if (!_glossa_json_reader_read_value (reader, value))
    return FALSE;
  if (value->kind == GLOSSA_JSON_STRING)
    value->str = g_string_chunk_insert (strings, value->str);
  return TRUE;
}

/* A member seen twice: the reader fails on its key once its value is read,
 * and only a syntax error inside that value may come first.
 */
static gboolean
pull_duplicate (GlossaJsonReader *reader)
{
  g_autoptr(JsonNode) node = _glossa_json_reader_read_node (reader);

  return node != NULL;
}

static gboolean
pull_unknown (GlossaJsonReader  *reader,
              const char        *key,
              JsonObject       **extra)
{
  JsonNode *node = _glossa_json_reader_read_node (reader);

  if (node == NULL)
    return FALSE;
  keep_extra (extra, key, node);
  return TRUE;
}

/* Reads the object at the reader: the members named in @known into
 * @values, by their index there, the others into @extra.
 */
static gboolean
pull_object (GlossaJsonReader    *reader,
             GStringChunk        *strings,
             const char * const  *known,
             GlossaJsonValue     *values,
             JsonObject         **extra)
{
  const char *key;
  int i;

  if (!_glossa_json_reader_enter_object (reader))
    return FALSE;

  for (;;)
    {
      if (!_glossa_json_reader_next_member (reader, &key))
        return FALSE;
      if (key == NULL)
        return TRUE;

      i = find_member (known, key);
      if (i < 0)
        {
          if (!pull_unknown (reader, key, extra))
            return FALSE;
        }
      else if (values[i].kind != GLOSSA_JSON_NONE)
        {
          if (!pull_duplicate (reader))
            return FALSE;
        }
      else if (!pull_value (reader, strings, &values[i]))
        {
          return FALSE;
        }
    }
}

static gboolean
pull_labels (GlossaJsonReader *reader,
             FileFields       *file)
{
  gboolean more;

  if (!_glossa_json_reader_enter_array (reader))
    return FALSE;

  for (;;)
    {
      GlossaJsonValue value;

      if (!_glossa_json_reader_next_element (reader, &more))
        return FALSE;
      if (!more)
        return TRUE;
      if (!pull_value (reader, file->strings, &value))
        return FALSE;
      g_array_append_val (file->labels, value);
    }
}

static gboolean
pull_spans (GlossaJsonReader *reader,
            FileFields       *file)
{
  gboolean more;

  if (!_glossa_json_reader_enter_array (reader))
    return FALSE;

  for (;;)
    {
      SpanFields *fields;

      if (!_glossa_json_reader_next_element (reader, &more))
        return FALSE;
      if (!more)
        return TRUE;

      /* Zeroed: every member starts as GLOSSA_JSON_NONE, missing. */
      g_array_set_size (file->spans, file->spans->len + 1);
      fields = &g_array_index (file->spans, SpanFields, file->spans->len - 1);

      if (_glossa_json_reader_peek (reader) == GLOSSA_JSON_OBJECT)
        {
          fields->kind = GLOSSA_JSON_OBJECT;
          if (!pull_object (reader, file->strings, span_members, fields->members, &fields->extra))
            return FALSE;
        }
      else
        {
          GlossaJsonValue value;

          if (!_glossa_json_reader_read_value (reader, &value))
            return FALSE;
          fields->kind = value.kind;
        }
    }
}

/* Format v2's links are pulled like spans, not read as a tree: a tree of
 * 20,000 links, built and freed, cost more than reading the 50,000 spans.
 */
static gboolean
pull_relations (GlossaJsonReader *reader,
                FileFields       *file)
{
  gboolean more;

  if (!_glossa_json_reader_enter_array (reader))
    return FALSE;

  for (;;)
    {
      GlossaRelationFields *fields;

      if (!_glossa_json_reader_next_element (reader, &more))
        return FALSE;
      if (!more)
        return TRUE;

      g_array_set_size (file->relations, file->relations->len + 1);
      fields = &g_array_index (file->relations, GlossaRelationFields, file->relations->len - 1);

      if (_glossa_json_reader_peek (reader) == GLOSSA_JSON_OBJECT)
        {
          g_autoptr(JsonObject) ignored = NULL;

          fields->kind = GLOSSA_JSON_OBJECT;
          if (!pull_object (reader, file->strings, _glossa_relation_members, fields->members, &ignored))
            return FALSE;
        }
      else
        {
          GlossaJsonValue value;

          if (!_glossa_json_reader_read_value (reader, &value))
            return FALSE;
          fields->kind = value.kind;
        }
    }
}

/* Reads one top-level member whose key is known, at index @i. */
static gboolean
pull_top_member (GlossaJsonReader *reader,
                 FileFields       *file,
                 TopMember         i)
{
  GlossaJsonKind next = _glossa_json_reader_peek (reader);

  if (file->members[i].kind != GLOSSA_JSON_NONE)
    return pull_duplicate (reader);

  if (i == TOP_DOCUMENT && next == GLOSSA_JSON_OBJECT)
    {
      file->members[i].kind = next;
      return pull_object (reader, file->strings, document_members, file->document,
                          &file->document_extra);
    }
  if (i == TOP_LABELS && next == GLOSSA_JSON_ARRAY)
    {
      file->members[i].kind = next;
      return pull_labels (reader, file);
    }
  if (i == TOP_SPANS && next == GLOSSA_JSON_ARRAY)
    {
      file->members[i].kind = next;
      return pull_spans (reader, file);
    }
  if (i == TOP_RELATIONS && next == GLOSSA_JSON_ARRAY)
    {
      file->members[i].kind = next;
      return pull_relations (reader, file);
    }

  return pull_value (reader, file->strings, &file->members[i]);
}

static gboolean
pull_file (GlossaJsonReader *reader,
           FileFields       *file)
{
  const char *key;
  int i;

  if (!_glossa_json_reader_start (reader))
    return FALSE;

  if (_glossa_json_reader_peek (reader) != GLOSSA_JSON_OBJECT)
    {
      GlossaJsonValue root;

      if (!_glossa_json_reader_read_value (reader, &root))
        return FALSE;
      file->kind = root.kind;
      return _glossa_json_reader_finish (reader);
    }

  file->kind = GLOSSA_JSON_OBJECT;
  if (!_glossa_json_reader_enter_object (reader))
    return FALSE;

  for (;;)
    {
      if (!_glossa_json_reader_next_member (reader, &key))
        return FALSE;
      if (key == NULL)
        break;

      i = find_member (top_members, key);
      if (i < 0 ? !pull_unknown (reader, key, &file->extra)
                : !pull_top_member (reader, file, i))
        return FALSE;
    }

  return _glossa_json_reader_finish (reader);
}

static gboolean
is_sha256 (const char *str)
{
  if (strlen (str) != 64)
    return FALSE;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (str[i]) || g_ascii_isupper (str[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_document (FileFields         *file,
                GlossaAnnotations  *out,
                const char         *name,
                GlossaArticle      *article,
                GError            **error)
{
  const GlossaJsonValue *m = file->document;
  GlossaJsonKind kind = file->members[TOP_DOCUMENT].kind;
  const char *str;

  if (kind == GLOSSA_JSON_NONE)
    return fail (error, GLOSSA_ERROR_INVALID, name, "document", _("missing (an object is required)"));
  if (kind != GLOSSA_JSON_OBJECT)
    return fail (error, GLOSSA_ERROR_INVALID, name, "document", _("expected an object, found %s"),
                 kind_text (kind));

  if (!(str = get_string (&m[DOC_ID], "id", name, "document", error)))
    return FALSE;
  out->doc_id = g_strdup (str);
  if (!(str = get_string (&m[DOC_FILE], "file", name, "document", error)))
    return FALSE;
  out->file = g_strdup (str);
  if (!(str = get_string (&m[DOC_SHA256], "sha256", name, "document", error)))
    return FALSE;
  if (!is_sha256 (str))
    return fail (error, GLOSSA_ERROR_INVALID, name, "document.sha256",
                 _("“%s” is not a SHA-256 (64 lowercase hexadecimal digits)"), str);
  out->sha256 = g_strdup (str);
  if (!get_integer (&m[DOC_LENGTH], "length", name, "document", &out->length, error))
    return FALSE;
  if (out->length < 0)
    return fail (error, GLOSSA_ERROR_INVALID, name, "document.length",
                 _("%lld is negative"), (long long) out->length);

  if (m[DOC_DATE].kind != GLOSSA_JSON_NONE && m[DOC_DATE].kind != GLOSSA_JSON_NULL)
    {
      if (m[DOC_DATE].kind != GLOSSA_JSON_STRING)
        return fail (error, GLOSSA_ERROR_INVALID, name, "document.date",
                     _("expected a date as \"YYYY-MM-DD\" or null, found %s"),
                     kind_text (m[DOC_DATE].kind));
      if (!glossa_format_check_date (m[DOC_DATE].str, name, "document.date", error))
        return FALSE;
      out->date = g_strdup (m[DOC_DATE].str);
    }

  if (article != NULL)
    {
      if (strcmp (out->sha256, glossa_article_get_sha256 (article)) != 0)
        {
          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_ARTICLE_CHANGED,
                       _("%s: document.sha256: the article %s has changed since it was annotated "
                       "(its SHA-256 is now %s, the annotations were made on %s); the spans were "
                       "not moved: restore the original article or annotate it again"),
                       name, glossa_article_get_name (article),
                       glossa_article_get_sha256 (article), out->sha256);
          return FALSE;
        }
      if (out->length != glossa_article_get_length (article))
        return fail (error, GLOSSA_ERROR_INVALID, name, "document.length",
                     _("%lld but the article has %lld characters"),
                     (long long) out->length, (long long) glossa_article_get_length (article));
    }

  out->document_extra = g_steal_pointer (&file->document_extra);
  return TRUE;
}

static gboolean
check_header (const FileFields  *file,
              const char        *name,
              GError           **error)
{
  const GlossaJsonValue *format = &file->members[TOP_FORMAT];
  gint64 version;

  if (format->kind == GLOSSA_JSON_NONE)
    return fail (error, GLOSSA_ERROR_UNSUPPORTED, name, "format",
                 _("missing: this is not a Glossa annotation file (expected \"format\": \"%s\")"),
                 GLOSSA_FORMAT_NAME);
  if (format->kind != GLOSSA_JSON_STRING || strcmp (format->str, GLOSSA_FORMAT_NAME) != 0)
    return fail (error, GLOSSA_ERROR_UNSUPPORTED, name, "format",
                 _("this is not a Glossa annotation file (expected \"%s\")"), GLOSSA_FORMAT_NAME);

  if (!get_integer (&file->members[TOP_VERSION], "version", name, NULL, &version, error))
    return FALSE;
  if (version != GLOSSA_FORMAT_VERSION && version != GLOSSA_FORMAT_VERSION_2)
    return fail (error, GLOSSA_ERROR_UNSUPPORTED, name, "version",
                 _("%lld is not supported (this Glossa reads versions %d and %d)"),
                 (long long) version, GLOSSA_FORMAT_VERSION, GLOSSA_FORMAT_VERSION_2);
  return TRUE;
}

static gboolean
check_labels (const FileFields  *file,
              const char        *name,
              GlossaSchema      *schema,
              GError           **error)
{
  GlossaJsonKind kind = file->members[TOP_LABELS].kind;

  if (kind == GLOSSA_JSON_NONE)
    return fail (error, GLOSSA_ERROR_INVALID, name, "labels", _("missing (an array is required)"));
  if (kind != GLOSSA_JSON_ARRAY)
    return fail (error, GLOSSA_ERROR_INVALID, name, "labels", _("expected an array, found %s"),
                 kind_text (kind));

  for (guint i = 0; i < file->labels->len; i++)
    {
      const GlossaJsonValue *element = &g_array_index (file->labels, GlossaJsonValue, i);
      g_autofree char *field = g_strdup_printf ("labels[%u]", i);
      g_autoptr(GError) why = NULL;

      if (element->kind != GLOSSA_JSON_STRING)
        return fail (error, GLOSSA_ERROR_INVALID, name, field, _("expected a string, found %s"),
                     kind_text (element->kind));
      if (!glossa_label_name_is_valid (element->str, &why))
        return fail (error, GLOSSA_ERROR_INVALID, name, field, "%s", why->message);
      /* The file's own list of its labels: each must be the corpus's. */
      if (!glossa_schema_check_label (schema, g_quark_from_string (element->str), name, field, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_spans (FileFields         *file,
             GlossaAnnotations  *out,
             const char         *name,
             GlossaArticle      *article,
             GlossaSchema       *schema,
             GError            **error)
{
  GlossaJsonKind kind = file->members[TOP_SPANS].kind;
  gint64 length;

  if (kind != GLOSSA_JSON_ARRAY)
    return fail (error, GLOSSA_ERROR_INVALID, name, "spans",
                 kind == GLOSSA_JSON_NONE ? _("missing (an array is required)")
                                          : _("expected an array, found %s"),
                 kind_text (kind));

  length = article ? glossa_article_get_length (article) : out->length;
  g_ptr_array_set_size (out->spans, 0);
  for (guint i = 0; i < file->spans->len; i++)
    {
      SpanFields *fields = &g_array_index (file->spans, SpanFields, i);
      char field[32];
      GlossaSpan *span;

      index_field (field, "spans", i);
      span = span_from_fields (fields, article, length, name, field, error);
      if (span == NULL)
        return FALSE;
      span->extra = g_steal_pointer (&fields->extra);
      g_ptr_array_add (out->spans, span);
      if (!glossa_merge_check_review (span->extra, name, field, error))
        return FALSE;
      /* The message's field is only made for a label the schema lacks. */
      if (glossa_schema_label_index (schema, span->label) < 0)
        {
          char label_field[48];

          g_snprintf (label_field, sizeof label_field, "%s.label", field);
          if (!glossa_schema_check_label (schema, span->label, name, label_field, error))
            return FALSE;
        }
      if (!glossa_format_take_attributes (span, schema, name, field, error))
        return FALSE;
    }

  return glossa_format_check_spans (out->spans, name, "spans", error);
}

/**
 * glossa_format_read:
 *
 * Reads an annotation file of a corpus without a schema file: its spans
 * may use the built-in labels only. See glossa_format_read_with_schema().
 */
/**
 * glossa_format_check_labels:
 *
 * Whether every one of @spans has a label of @schema.
 */
gboolean
glossa_format_check_labels (GPtrArray     *spans,
                            GlossaSchema  *schema,
                            const char    *name,
                            const char    *field,
                            GError       **error)
{
  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);
      g_autofree char *sub = NULL;

      if (glossa_schema_label_index (schema, span->label) >= 0)
        continue;
      sub = g_strdup_printf ("%s[%u].label", field, i);
      return glossa_schema_check_label (schema, span->label, name, sub, error);
    }
  return TRUE;
}

GlossaAnnotations *
glossa_format_read (const char     *data,
                    gsize           len,
                    const char     *name,
                    GlossaArticle  *article,
                    GError        **error)
{
  g_autoptr(GlossaSchema) schema = glossa_schema_get_default ();

  return glossa_format_read_with_schema (data, len, name, article, schema, error);
}

/**
 * glossa_format_read_with_schema:
 * @schema: the labels its corpus has
 *
 * Reads and checks an annotation file. A span whose label @schema lacks
 * fails the whole file, with a message naming the label and the schema.
 */
GlossaAnnotations *
glossa_format_read_with_schema (const char     *data,
                                gsize           len,
                                const char     *name,
                                GlossaArticle  *article,
                                GlossaSchema   *schema,
                                GError        **error)
{
  g_autoptr(GlossaAnnotations) out = NULL;
  g_autoptr(GlossaJsonReader) reader = NULL;
  g_auto(FileFields) file = { 0 };
  const char *str;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (article == NULL || GLOSSA_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (schema != NULL, NULL);

  if (name == NULL)
    name = "annotations";

  /* Decoded strings are never longer than their JSON: one block holds all. */
  file.strings = g_string_chunk_new (MAX (len, 64));
  file.labels = g_array_new (FALSE, FALSE, sizeof (GlossaJsonValue));
  file.spans = g_array_new (FALSE, TRUE, sizeof (SpanFields));
  file.relations = g_array_new (FALSE, TRUE, sizeof (GlossaRelationFields));
  g_array_set_clear_func (file.spans, (GDestroyNotify) span_fields_clear);

  reader = _glossa_json_reader_new (data, len, name, error);
  if (!pull_file (reader, &file))
    return NULL;

  if (file.kind != GLOSSA_JSON_OBJECT)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_UNSUPPORTED,
                   _("%s: this is not a Glossa annotation file (expected a JSON object, found %s)"),
                   name, kind_text (file.kind));
      return NULL;
    }

  out = glossa_annotations_new ();
  glossa_schema_unref (out->schema);
  out->schema = glossa_schema_ref (schema);

  if (!check_header (&file, name, error) ||
      !check_document (&file, out, name, article, error) ||
      !check_labels (&file, name, schema, error))
    return NULL;

  if (!(str = get_string (&file.members[TOP_STATUS], "status", name, NULL, error)))
    return NULL;
  if (!glossa_format_check_status (str, &out->status, name, "status", error))
    return NULL;

  if (!(str = get_string (&file.members[TOP_ANNOTATOR], "annotator", name, NULL, error)))
    return NULL;
  g_free (out->annotator);
  out->annotator = g_strdup (str);

  if (!check_spans (&file, out, name, article, schema, error) ||
      !glossa_merge_check_decisions (file.extra, schema, out->length, name, error))
    return NULL;

  if (!_glossa_format_relations_from_fields (file.members[TOP_RELATIONS].kind, file.relations,
                                             out->spans, out->schema, name, out->relations, error))
    return NULL;
  out->extra = g_steal_pointer (&file.extra);
  return g_steal_pointer (&out);
}

/* Writing */

static void
write_indent (GString *out,
              int      indent)
{
  g_string_append_c (out, '\n');
  for (int i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
}

/* Writes `"key": ` preceded by the separator and the member's indentation. */
static void
write_key (GString    *out,
           gboolean   *first,
           int         indent,
           const char *key)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  if (indent >= 0)
    write_indent (out, indent);
  else if (out->len > 0 && out->str[out->len - 1] != '{')
    g_string_append_c (out, ' ');
  glossa_json_write_string (out, key);
  g_string_append (out, ": ");
}

static void
write_string_member (GString    *out,
                     gboolean   *first,
                     int         indent,
                     const char *key,
                     const char *value)
{
  write_key (out, first, indent, key);
  if (value == NULL)
    g_string_append (out, "null");
  else
    glossa_json_write_string (out, value);
}

static void
write_int_member (GString    *out,
                  gboolean   *first,
                  int         indent,
                  const char *key,
                  gint64      value)
{
  write_key (out, first, indent, key);
  g_string_append_printf (out, "%lld", (long long) value);
}

/* Writes @node as the value of a member whose line is indented by @indent
 * spaces: JSON strings hold no raw newline, so every newline of the value
 * starts a line that needs that much more indentation.
 */
static void
write_nested (GString  *out,
              JsonNode *node,
              int       indent)
{
  g_autoptr(GString) value = g_string_new (NULL);

  glossa_json_write (value, node, indent >= 0 ? 2 : -1);
  for (gsize i = 0; i < value->len; i++)
    {
      g_string_append_c (out, value->str[i]);
      if (value->str[i] == '\n')
        for (int j = 0; j < indent; j++)
          g_string_append_c (out, ' ');
    }
}

/* Unknown members come after the known ones, in the order they were read. */
static void
write_extra (GString    *out,
             gboolean   *first,
             int         indent,
             JsonObject *extra)
{
  g_autoptr(GList) members = NULL;

  if (extra == NULL)
    return;

  members = json_object_get_members (extra);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      write_key (out, first, indent, l->data);
      write_nested (out, json_object_get_member (extra, l->data), indent);
    }
}

static void
close_object (GString  *out,
              gboolean  first,
              int       indent)
{
  if (!first && indent >= 0)
    write_indent (out, indent);
  g_string_append_c (out, '}');
}

void
glossa_format_write_span (GString          *out,
                          const GlossaSpan *span,
                          int               indent)
{
  int inner = indent >= 0 ? indent + 2 : -1;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  write_string_member (out, &first, inner, "id", span->id);
  write_int_member (out, &first, inner, "start", span->start);
  write_int_member (out, &first, inner, "end", span->end);
  write_string_member (out, &first, inner, "label", glossa_label_to_string (span->label));
  write_string_member (out, &first, inner, "text", span->text);
  if (span->note != NULL)
    write_string_member (out, &first, inner, "note", span->note);
  if (span->origin != GLOSSA_ORIGIN_NONE)
    write_string_member (out, &first, inner, "origin", glossa_origin_to_string (span->origin));
  if (span->annotator != NULL)
    write_string_member (out, &first, inner, "annotator", span->annotator);
  if (span->created != NULL)
    write_string_member (out, &first, inner, "created", span->created);
  if (span->modified != NULL)
    write_string_member (out, &first, inner, "modified", span->modified);
  if (span->attributes != NULL && json_object_get_size (span->attributes) > 0)
    {
      write_key (out, &first, inner, "attributes");
      glossa_format_write_attributes (out, span->attributes, inner);
    }
  if (span->value_source != NULL)
    write_string_member (out, &first, inner, "value_source", span->value_source);
  write_extra (out, &first, inner, span->extra);
  close_object (out, first, indent);
}

/* Format v2: after the spans, and only when there are links. */
static void
write_relations (GString   *out,
                 gboolean  *first,
                 GPtrArray *relations)
{
  if (relations == NULL || relations->len == 0)
    return;

  write_key (out, first, 2, "relations");
  g_string_append_c (out, '[');
  for (guint i = 0; i < relations->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      write_indent (out, 4);
      glossa_format_write_relation (out, g_ptr_array_index (relations, i), 4);
    }
  write_indent (out, 2);
  g_string_append_c (out, ']');
}

GBytes *
glossa_format_write (const GlossaAnnotations *annotations)
{
  GString *out;
  gboolean first = TRUE;
  gboolean doc_first = TRUE;

  g_return_val_if_fail (annotations != NULL, NULL);

  /* About 200 bytes a span; growing the string is the main cost otherwise. */
  out = g_string_sized_new (1024 + annotations->spans->len * 200);

  g_string_append_c (out, '{');
  write_string_member (out, &first, 2, "format", GLOSSA_FORMAT_NAME);
  write_int_member (out, &first, 2, "version",
                    glossa_annotations_is_v2 (annotations) ? GLOSSA_FORMAT_VERSION_2
                                                           : GLOSSA_FORMAT_VERSION);

  write_key (out, &first, 2, "document");
  g_string_append_c (out, '{');
  write_string_member (out, &doc_first, 4, "id", annotations->doc_id ? annotations->doc_id : "");
  write_string_member (out, &doc_first, 4, "file", annotations->file ? annotations->file : "");
  write_string_member (out, &doc_first, 4, "sha256", annotations->sha256 ? annotations->sha256 : "");
  write_int_member (out, &doc_first, 4, "length", annotations->length);
  write_string_member (out, &doc_first, 4, "date", annotations->date);
  write_extra (out, &doc_first, 4, annotations->document_extra);
  close_object (out, doc_first, 2);

  write_key (out, &first, 2, "labels");
  g_string_append_c (out, '[');
  for (guint i = 0; i < glossa_schema_get_n_labels (annotations->schema); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      write_indent (out, 4);
      glossa_json_write_string (out, glossa_label_to_string (glossa_schema_get_label (annotations->schema, i)->name));
    }
  write_indent (out, 2);
  g_string_append_c (out, ']');

  write_string_member (out, &first, 2, "status", glossa_status_to_string (annotations->status));
  write_string_member (out, &first, 2, "annotator", annotations->annotator ? annotations->annotator : "");

  write_key (out, &first, 2, "spans");
  g_string_append_c (out, '[');
  for (guint i = 0; i < annotations->spans->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      write_indent (out, 4);
      glossa_format_write_span (out, g_ptr_array_index (annotations->spans, i), 4);
    }
  if (annotations->spans->len > 0)
    write_indent (out, 2);
  g_string_append_c (out, ']');

  write_relations (out, &first, annotations->relations);
  write_extra (out, &first, 2, annotations->extra);
  close_object (out, first, 0);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

/* Files */

GFile *
glossa_annotations_file_for_article (GFile *article_file)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (article_file), NULL);

  basename = g_file_get_basename (article_file);
  if (g_str_has_suffix (basename, ".txt"))
    basename[strlen (basename) - 4] = '\0';
  name = g_strconcat (basename, GLOSSA_ANNOTATIONS_SUFFIX, NULL);
  parent = g_file_get_parent (article_file);
  return g_file_get_child (parent, name);
}

GFile *
glossa_article_file_for_annotations (GFile *annotations_file)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (annotations_file), NULL);

  basename = g_file_get_basename (annotations_file);
  if (g_str_has_suffix (basename, GLOSSA_ANNOTATIONS_SUFFIX))
    basename[strlen (basename) - strlen (GLOSSA_ANNOTATIONS_SUFFIX)] = '\0';
  name = g_strconcat (basename, ".txt", NULL);
  parent = g_file_get_parent (annotations_file);
  return g_file_get_child (parent, name);
}

gboolean
glossa_is_annotations_file (const char *path)
{
  return path != NULL && g_str_has_suffix (path, GLOSSA_ANNOTATIONS_SUFFIX);
}

