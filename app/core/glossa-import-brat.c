/* glossa-import-brat.c: reading brat standoff (NAME.txt, NAME.ann, annotation.conf) for import
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "glossa-export.h"
#include "glossa-import-private.h"
#include "glossa-storage.h"

/* brat standoff: NAME.txt and NAME.ann. Only text-bound annotations (T)
 * become spans; AnnotatorNotes on them become notes.
 */
static gboolean
parse_brat_offsets (const char  *str,
                    gint64      *start,
                    gint64      *end,
                    guint       *n_fragments)
{
  g_auto(GStrv) fragments = g_strsplit (str, ";", -1);
  gboolean reversed = FALSE;

  *n_fragments = 0;
  for (guint i = 0; fragments[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_strstrip (fragments[i]), " ", -1);
      guint64 a, b;

      if (g_strv_length (pair) != 2 ||
          !g_ascii_string_to_unsigned (pair[0], 10, 0, G_MAXINT64, &a, NULL) ||
          !g_ascii_string_to_unsigned (pair[1], 10, 0, G_MAXINT64, &b, NULL))
        return FALSE;
      /* brat writes fragments in text order, but nothing says they are:
       * the span runs from the smallest start to the largest end.
       */
      if (i == 0 || (gint64) a < *start)
        *start = a;
      if (i == 0 || (gint64) b > *end)
        *end = b;
      reversed |= b < a;
      (*n_fragments)++;
    }
  /* One reversed pair is reported as such by the span checks; among
   * several it would vanish into the others.
   */
  return *n_fragments > 0 && !(reversed && *n_fragments > 1);
}

static gboolean
read_brat_text_bound (GlossaRawDoc       *doc,
                      GHashTable         *by_id,
                      char              **fields,
                      const char         *where,
                      GlossaImportReport *report,
                      GError            **error)
{
  g_auto(GStrv) type_offsets = NULL;
  const char *space;
  gint64 start = 0, end = 0;
  guint n_fragments;
  guint index;
  const char *text;

  if (fields[1] == NULL || (space = strchr (fields[1], ' ')) == NULL)
    return _glossa_import_fail (error, where, "expected “ID<TAB>TYPE START END<TAB>TEXT”");
  type_offsets = g_new0 (char *, 3);
  type_offsets[0] = g_strndup (fields[1], space - fields[1]);
  type_offsets[1] = g_strdup (space + 1);
  if (!parse_brat_offsets (type_offsets[1], &start, &end, &n_fragments))
    return _glossa_import_fail (error, where, "“%s” are not offsets (“START END” or “S1 E1;S2 E2”)",
                                type_offsets[1]);

  /* A fragmented span's text is its pieces joined by spaces: it cannot be
   * compared with the one slice it becomes.
   */
  text = fields[2];
  if (n_fragments > 1)
    {
      report->n_fragmented++;
      _glossa_import_warn (report, "%s: %s has %u fragments; imported as one span from %" G_GINT64_FORMAT
                           " to %" G_GINT64_FORMAT, where, fields[0], n_fragments, start, end);
      text = NULL;
    }

  /* Notes and relations name spans by id: with two spans of one id, which
   * one a note belongs to is a guess.
   */
  if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, fields[0]))) != 0)
    return _glossa_import_fail (error, where, _("%s is already the id of the span on %s; ids must be unique in a file"),
                                fields[0], g_array_index (doc->spans, GlossaRawSpan, index - 1).where);

  _glossa_raw_doc_add_span (doc, start, end, type_offsets[0], text, NULL, g_strdup (where));
  _glossa_raw_doc_last_span (doc)->id = g_strdup (fields[0]);
  g_hash_table_insert (by_id, g_strdup (fields[0]), GUINT_TO_POINTER (doc->spans->len));
  return TRUE;
}

/* "ROLE:ID" into its two halves; FALSE if it is not one. */
static gboolean
split_argument (const char  *argument,
                char       **role,
                char       **id)
{
  const char *colon = strchr (argument, ':');

  if (colon == NULL || colon == argument || colon[1] == '\0')
    return FALSE;
  *role = g_strndup (argument, colon - argument);
  *id = g_strdup (colon + 1);
  return TRUE;
}

/* "R1<TAB>TYPE Arg1:T4 Arg2:T2": a link from Arg1 to Arg2. */
static gboolean
read_brat_relation (GlossaRawDoc *doc,
                    char        **fields,
                    const char   *where,
                    GError      **error)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *role1 = NULL, *id1 = NULL, *role2 = NULL, *id2 = NULL;
  gboolean swap;

  if (fields[1] != NULL)
    words = g_strsplit (g_strstrip (fields[1]), " ", -1);
  if (words == NULL || g_strv_length (words) != 3 || words[0][0] == '\0' ||
      !split_argument (words[1], &role1, &id1) || !split_argument (words[2], &role2, &id2))
    return _glossa_import_fail (error, where, "expected “ID<TAB>TYPE Arg1:ID Arg2:ID”");
  /* brat writes Arg1 first, but the roles say which is which. */
  swap = g_str_equal (role1, "Arg2") && g_str_equal (role2, "Arg1");
  _glossa_raw_doc_add_link (doc, words[0], swap ? id2 : id1, swap ? id1 : id2, where, fields[0]);
  return TRUE;
}

/* Whether @role is @wanted, or @wanted numbered ("Content2"), as brat
 * names a repeated argument.
 */
static gboolean
role_matches (const char *role,
              const char *wanted)
{
  gsize len = strlen (wanted);

  if (strncmp (role, wanted, len) != 0)
    return FALSE;
  for (const char *p = role + len; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* "E1<TAB>TYPE:TRIGGER ROLE:ID …": each --map-link FROM>TO rule links every
 * argument of role FROM to every argument of role TO (PARC's attribution
 * events: Content>Source). FALSE with no error when no rule applies.
 */
#define MAX_EVENT_ARGUMENTS 64

static gboolean
read_brat_event (GlossaRawDoc              *doc,
                 char                     **fields,
                 const char                *where,
                 const GlossaImportOptions *options,
                 gboolean                  *used,
                 GError                   **error)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree gpointer *rules = NULL;
  guint n_rules = 0;

  *used = FALSE;
  if (fields[1] != NULL)
    words = g_strsplit (g_strstrip (fields[1]), " ", -1);
  if (words == NULL || words[0] == NULL || strchr (words[0], ':') == NULL)
    return _glossa_import_fail (error, where, "expected “ID<TAB>TYPE:TRIGGER ROLE:ID …”");
  /* brat events have a handful of arguments; a line of thousands would
   * make millions of links.
   */
  if (g_strv_length (words) > MAX_EVENT_ARGUMENTS + 1)
    return _glossa_import_fail (error, where, "an event of more than %d arguments", MAX_EVENT_ARGUMENTS);
  for (guint i = 1; words[i] != NULL; i++)
    {
      char *role, *id;

      if (!split_argument (words[i], &role, &id))
        return _glossa_import_fail (error, where, "“%s” is not ROLE:ID", words[i]);
      g_ptr_array_add (roles, role);
      g_ptr_array_add (ids, id);
    }

  if (options->link_map != NULL)
    rules = g_hash_table_get_keys_as_array (options->link_map, &n_rules);
  if (n_rules > 1)
    qsort (rules, n_rules, sizeof (gpointer), _glossa_import_compare_strings);
  for (guint r = 0; r < n_rules; r++)
    {
      const char *gt = strchr (rules[r], '>');
      g_autofree char *from_role = gt != NULL ? g_strndup (rules[r], gt - (const char *) rules[r]) : NULL;

      for (guint i = 0; gt != NULL && i < roles->len; i++)
        for (guint k = 0; k < roles->len; k++)
          {
            if (i == k || !role_matches (roles->pdata[i], from_role) ||
                !role_matches (roles->pdata[k], gt + 1))
              continue;
            _glossa_raw_doc_add_link (doc, rules[r], ids->pdata[i], ids->pdata[k], where, fields[0]);
            *used = TRUE;
          }
    }
  return TRUE;
}

/* "A1<TAB>NAME T3 VALUE" (a choice) or "A1<TAB>NAME T3" (a flag, true). */
static gboolean
read_brat_attribute (GlossaRawDoc *doc,
                     char        **fields,
                     const char   *where,
                     GError      **error)
{
  g_auto(GStrv) words = NULL;
  guint n;
  JsonNode *value;

  if (fields[1] != NULL)
    words = g_strsplit (g_strstrip (fields[1]), " ", -1);
  n = words != NULL ? g_strv_length (words) : 0;
  if (n < 2 || n > 3 || words[0][0] == '\0' || words[1][0] == '\0')
    return _glossa_import_fail (error, where, "expected “ID<TAB>NAME SPAN [VALUE]”");
  value = json_node_new (JSON_NODE_VALUE);
  if (n == 3)
    json_node_set_string (value, words[2]);
  else
    json_node_set_boolean (value, TRUE);
  _glossa_raw_doc_add_attribute (doc, words[1], words[0], value, where, FALSE);
  return TRUE;
}

/* "NAME=VALUE", as export writes text and date values into notes: a name
 * of no white space. A note that only looks so stays a note (see
 * take_note_attribute()).
 */
static gboolean
looks_like_attribute (const char *note)
{
  const char *p = note;

  while (*p != '\0' && *p != '=' && !g_ascii_isspace (*p))
    p++;
  return p > note && *p == '=' && p[1] != '\0';
}

static gboolean
read_brat_note (GlossaRawDoc       *doc,
                GHashTable         *by_id,
                char              **fields,
                const char         *where,
                GlossaImportReport *report)
{
  const char *target;
  guint index;

  if (fields[1] == NULL || !g_str_has_prefix (fields[1], "AnnotatorNotes ") || fields[2] == NULL)
    return FALSE;
  target = fields[1] + strlen ("AnnotatorNotes ");
  index = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, target));
  if (index == 0)
    return FALSE;

  if (looks_like_attribute (fields[2]))
    {
      const char *eq = strchr (fields[2], '=');
      g_autofree char *name = g_strndup (fields[2], eq - fields[2]);
      JsonNode *value = json_node_new (JSON_NODE_VALUE);

      json_node_set_string (value, eq + 1);
      _glossa_raw_doc_add_attribute (doc, target, name, value, where, TRUE);
      return TRUE;
    }
  _glossa_import_append_note (&g_array_index (doc->spans, GlossaRawSpan, index - 1).note, fields[2]);
  report->n_notes++;
  return TRUE;
}

/* An event or relation may have attributes, and an event may be another
 * event's argument: what points at one is left out, not an error.
 */
static void
add_not_span (GlossaRawDoc *doc,
              const char   *id)
{
  if (doc->not_spans == NULL)
    doc->not_spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (doc->not_spans, g_strdup (id));
}

static gboolean
read_brat_ann (GlossaRawDoc              *doc,
               const char                *path,
               const GlossaImportOptions *options,
               GlossaImportReport        *report,
               GError                   **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) note_lines = g_ptr_array_new_with_free_func (g_free);

  if (!glossa_storage_read_path (path, GLOSSA_STORAGE_READ_LIMIT, &data, NULL, NULL, error))
    return FALSE;
  if (!g_utf8_validate (data, -1, NULL))
    return _glossa_import_fail (error, path, "not valid UTF-8");

  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s:%u", path, i + 1);
      g_auto(GStrv) fields = NULL;
      gsize len = strlen (lines[i]);
      gboolean used = TRUE;

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
      if (lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", 3);
      switch (lines[i][0])
        {
        case 'T':
          if (!read_brat_text_bound (doc, by_id, fields, where, report, error))
            return FALSE;
          break;
        case 'R':
          if (!read_brat_relation (doc, fields, where, error))
            return FALSE;
          add_not_span (doc, fields[0]);
          break;
        case 'E':
          if (!read_brat_event (doc, fields, where, options, &used, error))
            return FALSE;
          report->n_skipped += !used;
          add_not_span (doc, fields[0]);
          break;
        case 'A':
        case 'M':
          if (!read_brat_attribute (doc, fields, where, error))
            return FALSE;
          break;
        case '#':
          /* Notes may come before the span they are about. */
          g_ptr_array_add (notes, g_steal_pointer (&fields));
          g_ptr_array_add (note_lines, g_steal_pointer (&where));
          break;
        default:
          /* N and * lines: normalizations and equivalences have no place
           * in Glossa's format.
           */
          report->n_skipped++;
          break;
        }
    }

  for (guint i = 0; i < notes->len; i++)
    {
      if (!read_brat_note (doc, by_id, g_ptr_array_index (notes, i), g_ptr_array_index (note_lines, i), report))
        report->n_skipped++;
    }
  return TRUE;
}

/* Links to folders are followed, each folder once (@visited): two
 * `loop -> .` links would otherwise make the walk exponential.
 */
static void
find_ann_files (const char *folder,
                GHashTable *visited,
                GPtrArray  *paths)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!glossa_storage_enter_folder (visited, folder))
    return;

  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (name[0] == '.')
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        find_ann_files (path, visited, paths);
      else if (g_str_has_suffix (name, ".ann"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

gboolean
_glossa_import_read_brat (GFile                      *input,
                          const GlossaImportOptions  *options,
                          GPtrArray                  *docs,
                          GlossaImportReport         *report,
                          GError                    **error)
{
  g_autofree char *folder = g_file_get_path (input);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) visited = glossa_storage_visited_new ();

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    return _glossa_import_fail (error, g_file_peek_path (input),
                                "brat input must be a folder of .txt and .ann files");

  find_ann_files (folder, visited, paths);
  g_ptr_array_sort (paths, _glossa_import_compare_strings);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *ann = g_ptr_array_index (paths, i);
      g_autofree char *stem = g_strndup (ann, strlen (ann) - 4);
      g_autofree char *txt = g_strconcat (stem, ".txt", NULL);
      g_autoptr(GError) local_error = NULL;
      GlossaRawDoc *doc = _glossa_raw_doc_new (txt);

      g_ptr_array_add (docs, doc);
      doc->id = g_path_get_basename (stem);
      if (!glossa_storage_read_path (txt, GLOSSA_STORAGE_READ_LIMIT, &doc->text, &doc->len, NULL, &local_error))
        return _glossa_import_fail (error, ann, "no article beside it: %s", local_error->message);
      if (!read_brat_ann (doc, ann, options, report, error))
        return FALSE;
    }
  return TRUE;
}

void
_glossa_brat_conf_clear (GlossaBratConf *conf)
{
  g_clear_pointer (&conf->labels, g_ptr_array_unref);
  g_clear_pointer (&conf->relations, g_ptr_array_unref);
  g_clear_pointer (&conf->attributes, g_ptr_array_unref);
  g_clear_pointer (&conf->attribute_labels, g_ptr_array_unref);
}

void
_glossa_brat_conf_init (GlossaBratConf *conf)
{
  conf->labels = g_ptr_array_new_with_free_func (g_free);
  conf->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_schema_relation_free);
  conf->attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_schema_attribute_free);
  conf->attribute_labels = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* The value of "KEY:A|B" among a line's comma-separated arguments. */
static GStrv
conf_argument (const char *args,
               const char *key)
{
  g_auto(GStrv) parts = g_strsplit (args, ",", -1);
  gsize len = strlen (key);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);

      if (strncmp (part, key, len) == 0 && part[len] == ':')
        return g_strsplit (part + len + 1, "|", -1);
    }
  return NULL;
}

/* brat's "<ENTITY>" (or any other type it does not list as an entity)
 * stands for every label: an empty list.
 */
static void
add_conf_labels (GArray      *to,
                 char       **names,
                 GPtrArray   *labels)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      GlossaLabel label;

      if (g_ptr_array_find_with_equal_func (labels, names[i], g_str_equal, NULL) &&
          glossa_label_from_string (names[i], &label))
        g_array_append_val (to, label);
    }
}

static void
read_conf_line (GlossaBratConf *conf,
                const char     *section,
                char           *line)
{
  char *args = line + strcspn (line, " \t");

  if (*args != '\0')
    *args++ = '\0';
  if (g_str_equal (section, "[entities]"))
    {
      if (line[0] != '!')
        g_ptr_array_add (conf->labels, g_strdup (line));
    }
  else if (g_str_equal (section, "[relations]") && line[0] != '<' && line[0] != '!')
    {
      GlossaSchemaRelation *relation = glossa_schema_relation_new (line);
      g_auto(GStrv) from = conf_argument (args, "Arg1");
      g_auto(GStrv) to = conf_argument (args, "Arg2");

      add_conf_labels (relation->from, from, conf->labels);
      add_conf_labels (relation->to, to, conf->labels);
      g_ptr_array_add (conf->relations, relation);
    }
  else if (g_str_equal (section, "[attributes]") && line[0] != '<' && line[0] != '!')
    {
      g_auto(GStrv) values = conf_argument (args, "Value");
      g_auto(GStrv) type = conf_argument (args, "Type");
      GlossaAttributeType type_value = values != NULL ? GLOSSA_ATTRIBUTE_CHOICE : GLOSSA_ATTRIBUTE_BOOLEAN;
      GlossaSchemaAttribute *attribute;

      /* Only Glossa's comments have a Type (text or timex). */
      if (type != NULL && (type[0] == NULL || type[1] != NULL ||
                           !glossa_attribute_type_from_string (type[0], &type_value) ||
                           type_value == GLOSSA_ATTRIBUTE_CHOICE))
        return;
      attribute = glossa_schema_attribute_new (line, type_value);
      attribute->choices = type_value == GLOSSA_ATTRIBUTE_CHOICE ? g_steal_pointer (&values) : NULL;
      g_ptr_array_add (conf->attributes, attribute);
      g_ptr_array_add (conf->attribute_labels, conf_argument (args, "Arg"));
    }
}

/* Lines are a name, indented for brat's type hierarchy, then arguments;
 * "!" marks an abstract type, which no span may have; "<…>" are brat's
 * macros and built-in rules.
 */
gboolean
_glossa_import_read_brat_conf (GFile          *input,
                               GlossaBratConf *conf,
                               GError        **error)
{
  g_autofree char *path = g_build_filename (g_file_peek_path (input), "annotation.conf", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  const char *section = "";
  gsize len;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!glossa_storage_read_path (path, GLOSSA_STORAGE_READ_LIMIT, &contents, &len, NULL, error))
    return FALSE;
  if (memchr (contents, '\0', len) != NULL || !g_utf8_validate (contents, len, NULL))
    return _glossa_import_fail (error, path, "not UTF-8 text");

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      /* Glossa's own declarations of what brat cannot declare. */
      if (g_str_equal (section, "[attributes]") && g_str_has_prefix (line, BRAT_CONF_GLOSSA_PREFIX))
        line += strlen (BRAT_CONF_GLOSSA_PREFIX);
      if (line[0] == '[')
        section = line;
      else if (line[0] != '\0' && line[0] != '#')
        {
          /* This cuts @line after its name. */
          read_conf_line (conf, section, line);
          if (g_str_equal (section, "[entities]") && line[0] != '!' &&
              !glossa_label_from_string (line, NULL))
            return _glossa_import_fail (error, path, "line %u: “%s” cannot be a Glossa label", i + 1, line);
        }
    }
  return TRUE;
}
