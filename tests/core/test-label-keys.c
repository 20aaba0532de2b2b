/* test-label-keys.c: the keys that tag with a schema's labels
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "glossa-label-keys.h"
#include "glossa-schema.h"
#include "glossa-types.h"

static void
add_label (GlossaSchema *schema,
           const char   *name,
           const char   *title,
           const char   *key)
{
  GlossaSchemaLabel *label = glossa_schema_label_new (g_quark_from_string (name), "#1c71d8");

  label->title = g_strdup (title);
  label->key = g_strdup (key);
  glossa_schema_add_label (schema, label);
}

static void
assert_keys (GlossaSchema *schema,
             const char   *expected)
{
  g_autofree gunichar *keys = glossa_label_keys_assign (schema, GLOSSA_LABEL_KEYS_RESERVED);
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < glossa_schema_get_n_labels (schema); i++)
    if (keys[i] == 0)
      g_string_append_c (got, '-');
    else
      g_string_append_unichar (got, keys[i]);
  g_assert_cmpstr (got->str, ==, expected);
}

/* The built-in labels keep the keys they always had, in English. */
static void
test_default (void)
{
  g_autoptr(GlossaSchema) schema = glossa_schema_get_default ();

  assert_keys (schema, "aqcd");
}

/* Issue 14: in Italian, C tags Citazione (quote), and Affermazione
 * (claim) gets its first free letter.
 */
static void
test_italian_titles (void)
{
  g_autoptr(GlossaSchema) schema = glossa_schema_new (NULL);

  add_label (schema, "actor", "Attore", NULL);
  add_label (schema, "quote", "Citazione", NULL);
  add_label (schema, "claim", "Affermazione", NULL);
  add_label (schema, "date", "Data", NULL);
  assert_keys (schema, "acfd");
}

/* Keys the schema sets win, even over an earlier label's first letter;
 * reserved letters are skipped; a title with no free letter gets none.
 */
static void
test_schema_keys (void)
{
  g_autoptr(GlossaSchema) schema = glossa_schema_new (NULL);

  add_label (schema, "PER", "Person", NULL);
  add_label (schema, "ORG", NULL, "P");
  add_label (schema, "LOC", "Nowhere", NULL);
  add_label (schema, "MISC", "é", NULL);
  add_label (schema, "DATE", "1999", NULL);
  add_label (schema, "EVENT", "Éclair", NULL);
  /* Person: p is ORG's, e next; Nowhere: n is reserved, o;
   * é is free (case folded); 1999 has no letter; Éclair: é taken, c.
   */
  assert_keys (schema, "epoé-c");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/label-keys/default", test_default);
  g_test_add_func ("/label-keys/italian-titles", test_italian_titles);
  g_test_add_func ("/label-keys/schema-keys", test_schema_keys);

  return g_test_run ();
}
