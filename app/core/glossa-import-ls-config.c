/* glossa-import-ls-config.c: Label Studio's labelling config as a schema
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <pango/pango.h>

#include "glossa-error.h"
#include "glossa-import-private.h"

typedef struct
{
  GMarkupParseContext *context;
  const char          *name;
  GlossaSchema        *schema;
  GPtrArray           *warnings;
  GHashTable          *keys;     /* case-folded key -> label name */
  GHashTable          *labels;   /* case-folded label name -> label name */
  GHashTable          *relations;  /* names, to find repeats at once */
  GPtrArray           *attributes; /* of GlossaSchemaAttribute, for every label */
  GlossaSchemaAttribute *choices;  /* nullable: the <Choices> being read */
  GStrvBuilder        *values;     /* its <Choice> values */
  GHashTable          *values_seen;
} ConfigReader;

/* Bounds on per-region choices: a hostile config cannot make every label
 * carry thousands of them.
 */
#define MAX_ATTRIBUTES 32
#define MAX_CHOICES 100

/* Far more link types than anyone picks from a list: a bound, so that a
 * hostile config cannot make a schema whose every lookup is slow.
 */
#define MAX_RELATIONS 1024

static char *
where (ConfigReader *reader)
{
  int line, column;

  g_markup_parse_context_get_position (reader->context, &line, &column);
  return g_strdup_printf ("%s:%d:%d", reader->name, line, column);
}

static void G_GNUC_PRINTF (2, 3)
warn (ConfigReader *reader,
      const char   *format,
      ...)
{
  g_autofree char *place = where (reader);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (reader->warnings, g_strdup_printf ("%s: %s", place, message));
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], wanted) == 0)
      return values[i];
  return NULL;
}

/* The CSS colour names whose X11 colour (Pango's table) differs: the
 * config is written for a browser, so these must read as CSS reads them.
 */
static const struct
{
  const char *name;
  const char *color;
} css_only[] = {
  { "gray", "#808080" },
  { "grey", "#808080" },
  { "green", "#008000" },
  { "maroon", "#800000" },
  { "purple", "#800080" },
  { "rebeccapurple", "#663399" },
};

/* "#rgb", "#rrggbb" or a colour name, as lower-case "#rrggbb"; NULL for
 * anything else (rgb(), alpha, names with spaces a browser would not take).
 */
static char *
parse_color (const char *str)
{
  g_autofree char *lower = g_ascii_strdown (str, -1);
  gsize len = strlen (lower);
  PangoColor color;

  if (lower[0] == '#')
    {
      if (len != 4 && len != 7)
        return NULL;
      for (gsize i = 1; i < len; i++)
        if (!g_ascii_isxdigit (lower[i]))
          return NULL;
      if (len == 7)
        return g_steal_pointer (&lower);
      return g_strdup_printf ("#%c%c%c%c%c%c", lower[1], lower[1], lower[2], lower[2], lower[3], lower[3]);
    }
  if (len == 0)
    return NULL;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalpha (lower[i]))
      return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (css_only); i++)
    if (strcmp (lower, css_only[i].name) == 0)
      return g_strdup (css_only[i].color);
  if (!pango_color_parse (&color, lower))
    return NULL;
  return g_strdup_printf ("#%02x%02x%02x", color.red >> 8, color.green >> 8, color.blue >> 8);
}

static void
set_color (ConfigReader      *reader,
           GlossaSchemaLabel *label,
           const char        *background)
{
  g_autofree char *color = background != NULL ? parse_color (background) : NULL;

  if (color == NULL && background != NULL)
    warn (reader, _("the label “%s”: “%s” is not a color Glossa reads (#rrggbb, #rgb or a name); "
                    "it gets one of Glossa’s"), glossa_label_to_string (label->name), background);
  if (color != NULL)
    {
      g_free (label->color);
      label->color = g_steal_pointer (&color);
    }
}

/* A key is kept only where the window can use it: one visible character,
 * none of the window's own, none another label took first (in any case,
 * as Shift may be held).
 */
static void
set_key (ConfigReader      *reader,
         GlossaSchemaLabel *label,
         const char        *hotkey)
{
  const char *label_name = glossa_label_to_string (label->name);
  g_autofree char *folded = NULL;
  const char *owner;

  if (hotkey == NULL)
    return;
  if (g_utf8_strlen (hotkey, -1) != 1 || !g_unichar_isgraph (g_utf8_get_char (hotkey)))
    {
      warn (reader, _("the label “%s”: the key “%s” is not one visible character; left out"),
            label_name, hotkey);
      return;
    }
  if (glossa_schema_key_is_reserved (hotkey))
    {
      warn (reader, _("the label “%s”: the key “%s” is one of Glossa’s own (the digits tag by "
                      "position, n adds a note); left out"), label_name, hotkey);
      return;
    }
  folded = g_utf8_casefold (hotkey, -1);
  owner = g_hash_table_lookup (reader->keys, folded);
  if (owner != NULL)
    {
      warn (reader, _("the label “%s”: the key “%s” is already used by “%s”; left out"),
            label_name, hotkey, owner);
      return;
    }
  g_hash_table_insert (reader->keys, g_steal_pointer (&folded), g_strdup (label_name));
  label->key = g_strdup (hotkey);
}

static gboolean
fail (ConfigReader  *reader,
      GError       **error,
      const char    *message)
{
  g_autofree char *place = where (reader);

  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID, "%s: %s", place, message);
  return FALSE;
}

static gboolean
read_label (ConfigReader  *reader,
            const char   **names,
            const char   **values,
            GError       **error)
{
  const char *value = attribute (names, values, "value");
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *folded = NULL;
  const char *same;
  GlossaSchemaLabel *label;
  GlossaLabel name;

  if (value == NULL)
    return fail (reader, error, _("a <Label> without a value"));
  if (!glossa_label_name_is_valid (value, &local_error))
    return fail (reader, error, local_error->message);
  folded = g_utf8_casefold (value, -1);
  same = g_hash_table_lookup (reader->labels, folded);
  /* The schema reader takes "PER" and "per" for one label. */
  if (same != NULL && strcmp (same, value) != 0)
    {
      message = g_strdup_printf (_("the label “%s” differs from “%s” only in case; a schema cannot have both"),
                                 value, same);
      return fail (reader, error, message);
    }
  if (same != NULL)
    {
      warn (reader, _("the label “%s” is listed again; the first is kept"), value);
      return TRUE;
    }
  if (glossa_schema_get_n_labels (reader->schema) >= GLOSSA_SCHEMA_MAX_LABELS)
    {
      message = g_strdup_printf (_("more labels than a corpus may have (%d)"), GLOSSA_SCHEMA_MAX_LABELS);
      return fail (reader, error, message);
    }

  glossa_label_from_string (value, &name);
  g_hash_table_insert (reader->labels, g_steal_pointer (&folded), g_strdup (value));
  label = glossa_schema_label_new (name, glossa_schema_palette_color (glossa_schema_get_n_labels (reader->schema)));
  glossa_schema_add_label (reader->schema, label);
  set_color (reader, label, attribute (names, values, "background"));
  set_key (reader, label, attribute (names, values, "hotkey"));
  return TRUE;
}

static gboolean
read_relation (ConfigReader  *reader,
               const char   **names,
               const char   **values,
               GError       **error)
{
  const char *value = attribute (names, values, "value");

  if (value == NULL || *value == '\0')
    return fail (reader, error, _("a <Relation> without a value"));
  if (g_hash_table_contains (reader->relations, value))
    {
      warn (reader, _("the relation “%s” is listed again; the first is kept"), value);
      return TRUE;
    }
  if (g_hash_table_size (reader->relations) >= MAX_RELATIONS)
    {
      g_autofree char *message = g_strdup_printf (_("more than %d relations"), MAX_RELATIONS);

      return fail (reader, error, message);
    }
  g_hash_table_add (reader->relations, g_strdup (value));
  glossa_schema_add_relation (reader->schema, glossa_schema_relation_new (value));
  return TRUE;
}

/* <Choices perRegion="true"> asks a value of each region: a choice
 * attribute of every label. Glossa's choice holds one value, so
 * choice="multiple" cannot be kept.
 */
static gboolean
start_choices (ConfigReader  *reader,
               const char   **names,
               const char   **values,
               GError       **error)
{
  const char *name = attribute (names, values, "name");

  if (g_strcmp0 (attribute (names, values, "perRegion"), "true") != 0)
    return TRUE;
  if (name == NULL || *name == '\0')
    return fail (reader, error, _("a <Choices> without a name"));
  if (g_strcmp0 (attribute (names, values, "choice"), "multiple") == 0)
    {
      warn (reader, _("the choices “%s” allow several values, a Glossa attribute one; left out"), name);
      return TRUE;
    }
  if (reader->attributes->len >= MAX_ATTRIBUTES)
    {
      g_autofree char *message = g_strdup_printf (_("more than %d <Choices> per region"), MAX_ATTRIBUTES);

      return fail (reader, error, message);
    }
  reader->choices = glossa_schema_attribute_new (name, GLOSSA_ATTRIBUTE_CHOICE);
  reader->values = g_strv_builder_new ();
  reader->values_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return TRUE;
}

static gboolean
read_choice (ConfigReader  *reader,
             const char   **names,
             const char   **values,
             GError       **error)
{
  const char *value = attribute (names, values, "value");

  if (reader->choices == NULL)
    return TRUE;
  if (value == NULL || *value == '\0')
    return fail (reader, error, _("a <Choice> without a value"));
  if (g_hash_table_size (reader->values_seen) >= MAX_CHOICES)
    {
      g_autofree char *message = g_strdup_printf (_("more than %d values of “%s”"), MAX_CHOICES,
                                                  reader->choices->name);

      return fail (reader, error, message);
    }
  if (g_hash_table_add (reader->values_seen, g_strdup (value)))
    g_strv_builder_add (reader->values, value);
  return TRUE;
}

static void
clear_choices (ConfigReader *reader)
{
  g_clear_pointer (&reader->choices, glossa_schema_attribute_free);
  g_clear_pointer (&reader->values, g_strv_builder_unref);
  g_clear_pointer (&reader->values_seen, g_hash_table_unref);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  ConfigReader *reader = user_data;

  if (strcmp (element, "Choices") != 0 || reader->choices == NULL)
    return;
  if (g_hash_table_size (reader->values_seen) == 0)
    warn (reader, _("the choices “%s” have no <Choice>; left out"), reader->choices->name);
  else
    {
      reader->choices->choices = g_strv_builder_end (reader->values);
      g_ptr_array_add (reader->attributes, g_steal_pointer (&reader->choices));
    }
  clear_choices (reader);
}

static void
add_attributes (ConfigReader *reader)
{
  for (guint i = 0; i < glossa_schema_get_n_labels (reader->schema); i++)
    {
      const GlossaSchemaLabel *label = glossa_schema_get_label (reader->schema, i);

      for (guint k = 0; k < reader->attributes->len; k++)
        {
          const GlossaSchemaAttribute *attribute = g_ptr_array_index (reader->attributes, k);
          GlossaSchemaAttribute *copy = glossa_schema_attribute_new (attribute->name, attribute->type);

          copy->choices = g_strdupv (attribute->choices);
          g_ptr_array_add (label->attributes, copy);
        }
    }
}

/* Only what text spans use: <Label> under <Labels> (not under the image
 * or audio kinds, whose regions Glossa cannot have), <Relation> under
 * <Relations>, <Choice> under <Choices perRegion="true">. Everything
 * else (the data tags, layout) is left.
 */
static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  ConfigReader *reader = user_data;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  const char *parent = stack->next != NULL ? stack->next->data : NULL;

  if (strcmp (element, "Label") == 0 && g_strcmp0 (parent, "Labels") == 0)
    read_label (reader, names, values, error);
  else if (strcmp (element, "Relation") == 0 && g_strcmp0 (parent, "Relations") == 0)
    read_relation (reader, names, values, error);
  else if (strcmp (element, "Choices") == 0 && reader->choices == NULL)
    start_choices (reader, names, values, error);
  else if (strcmp (element, "Choice") == 0 && g_strcmp0 (parent, "Choices") == 0)
    read_choice (reader, names, values, error);
}

/* GMarkup's own messages start "Error on line L char C: " or "Error on
 * line L: " (in GLib's translation): the position is said once, as FILE:LINE:COLUMN, like
 * every other of Glossa's.
 */
static void
locate_markup_error (ConfigReader  *reader,
                     GError       **error)
{
  g_autofree char *own = NULL;
  g_autofree char *own_line = NULL;
  const char *message;
  GError *markup;
  int line, column;

  if (error == NULL || *error == NULL || (*error)->domain != G_MARKUP_ERROR)
    return;
  markup = *error;
  g_markup_parse_context_get_position (reader->context, &line, &column);
  own = g_strdup_printf (g_dgettext ("glib20", "Error on line %d char %d: "), line, column);
  own_line = g_strdup_printf (g_dgettext ("glib20", "Error on line %d: "), line);
  message = markup->message;
  if (g_str_has_prefix (message, own))
    message += strlen (own);
  else if (g_str_has_prefix (message, own_line))
    message += strlen (own_line);
  *error = g_error_new (GLOSSA_ERROR, GLOSSA_ERROR_INVALID, "%s:%d:%d: %s", reader->name, line, column, message);
  g_error_free (markup);
}

GlossaSchema *
_glossa_import_read_ls_config (const char  *data,
                               gsize        len,
                               const char  *name,
                               GPtrArray   *warnings,
                               GError     **error)
{
  static const GMarkupParser parser = { start_element, end_element, NULL, NULL, NULL };
  g_autoptr(GlossaSchema) schema = glossa_schema_new (GLOSSA_SCHEMA_FILE_NAME);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_schema_attribute_free);
  ConfigReader reader = { NULL, name, schema, warnings, keys, labels, relations, attributes, NULL, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (name != NULL && warnings != NULL, NULL);

  context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  reader.context = context;
  ok = g_markup_parse_context_parse (context, data ? data : "", len, error) &&
       g_markup_parse_context_end_parse (context, error);
  clear_choices (&reader);
  if (!ok)
    {
      locate_markup_error (&reader, error);
      return NULL;
    }
  if (glossa_schema_get_n_labels (schema) == 0)
    {
      g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_INVALID,
                   _("%s: no <Label> inside a <Labels>: not a labeling config for text spans"), name);
      return NULL;
    }
  add_attributes (&reader);
  return g_steal_pointer (&schema);
}
