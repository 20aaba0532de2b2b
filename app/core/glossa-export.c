/* glossa-export.c: formatting one document for JSONL, doccano, brat and CoNLL
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "glossa-error.h"
#include "glossa-export.h"
#include "glossa-format.h"
#include "glossa-json.h"
#include "glossa-tokenizer.h"

/* CoNLL is tokenized and checked in pieces of about this many bytes of
 * text (whole paragraphs): large enough that a piece costs nothing
 * measurable, small enough that its tokens and checks stay a few MB.
 */
#define CONLL_PIECE_BYTES (256 * 1024)

static const char * const format_names[] = { "jsonl", "doccano", "brat", "conll" };
static const char * const offsets_names[] = { "codepoint", "utf16", "byte" };

gboolean
glossa_export_format_from_string (const char         *str,
                                  GlossaExportFormat *format)
{
  int value;

  if (!glossa_lookup_name (format_names, G_N_ELEMENTS (format_names), str, &value))
    return FALSE;
  *format = (GlossaExportFormat) value;
  return TRUE;
}

const char *
glossa_export_format_to_string (GlossaExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), NULL);
  return format_names[format];
}

gboolean
glossa_offsets_from_string (const char    *str,
                            GlossaOffsets *offsets)
{
  int value;

  if (!glossa_lookup_name (offsets_names, G_N_ELEMENTS (offsets_names), str, &value))
    return FALSE;
  *offsets = (GlossaOffsets) value;
  return TRUE;
}

const char *
glossa_offsets_to_string (GlossaOffsets offsets)
{
  g_return_val_if_fail ((guint) offsets < G_N_ELEMENTS (offsets_names), NULL);
  return offsets_names[offsets];
}

/* Records */

GlossaRecord *
glossa_record_new (const char    *id,
                   GlossaArticle *article)
{
  GlossaRecord *record;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (GLOSSA_IS_ARTICLE (article), NULL);

  record = g_new0 (GlossaRecord, 1);
  record->id = g_strdup (id);
  record->article = g_object_ref (article);
  record->date = g_strdup (glossa_article_get_date (article));
  record->status = GLOSSA_STATUS_TODO;
  record->annotator = g_strdup ("");
  record->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_span_unref);
  record->schema = glossa_schema_get_default ();
  record->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) glossa_relation_unref);
  return record;
}

GlossaRecord *
glossa_record_new_from_annotations (const char              *id,
                                    GlossaArticle           *article,
                                    const GlossaAnnotations *annotations)
{
  GlossaRecord *record = glossa_record_new (id, article);

  if (annotations->date != NULL)
    {
      g_free (record->date);
      record->date = g_strdup (annotations->date);
    }
  record->status = annotations->status;
  if (annotations->schema != NULL)
    {
      glossa_schema_unref (record->schema);
      record->schema = glossa_schema_ref (annotations->schema);
    }
  if (annotations->annotator != NULL)
    {
      g_free (record->annotator);
      record->annotator = g_strdup (annotations->annotator);
    }
  for (guint i = 0; i < annotations->spans->len; i++)
    g_ptr_array_add (record->spans, glossa_span_ref (g_ptr_array_index (annotations->spans, i)));
  for (guint i = 0; annotations->relations != NULL && i < annotations->relations->len; i++)
    g_ptr_array_add (record->relations, glossa_relation_ref (g_ptr_array_index (annotations->relations, i)));
  record->extra = annotations->extra != NULL ? json_object_ref (annotations->extra) : NULL;
  return record;
}

void
glossa_record_free (GlossaRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->id);
  g_clear_object (&record->article);
  g_free (record->date);
  g_free (record->annotator);
  g_clear_pointer (&record->spans, g_ptr_array_unref);
  g_clear_pointer (&record->schema, glossa_schema_unref);
  g_clear_pointer (&record->relations, g_ptr_array_unref);
  g_clear_pointer (&record->extra, json_object_unref);
  g_free (record);
}

void
glossa_record_append_article_line (GString      *out,
                                   GlossaRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, record->id);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, glossa_article_get_text (record->article));
  if (record->date != NULL)
    {
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, record->date);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  line = json_generator_to_data (generator, NULL);
  g_string_append (out, line);
  g_string_append_c (out, '\n');
}

/* Offset maps */

/* For UTF-16 we keep the unit offset of every code point: building it is
 * one pass over the text, and both directions are then a lookup or a
 * binary search. Bytes come from the article's own index.
 */
struct _GlossaOffsetMap
{
  GlossaArticle *article;
  GlossaOffsets  unit;
  guint32       *utf16;   /* length + 1 entries, or NULL */
  gint64         length;
};

GlossaOffsetMap *
glossa_offset_map_new (GlossaArticle *article,
                       GlossaOffsets  unit)
{
  GlossaOffsetMap *map;

  g_return_val_if_fail (GLOSSA_IS_ARTICLE (article), NULL);

  map = g_new0 (GlossaOffsetMap, 1);
  map->article = g_object_ref (article);
  map->unit = unit;
  map->length = glossa_article_get_length (article);

  if (unit == GLOSSA_OFFSETS_UTF16)
    {
      const char *p = glossa_article_get_text (article);
      guint32 units = 0;

      map->utf16 = g_new (guint32, map->length + 1);
      for (gint64 i = 0; i < map->length; i++)
        {
          map->utf16[i] = units;
          units += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
          p = g_utf8_next_char (p);
        }
      map->utf16[map->length] = units;
    }

  return map;
}

void
glossa_offset_map_free (GlossaOffsetMap *map)
{
  if (map == NULL)
    return;

  g_clear_object (&map->article);
  g_free (map->utf16);
  g_free (map);
}

gint64
glossa_offset_map_to_unit (GlossaOffsetMap *map,
                           gint64           offset)
{
  offset = CLAMP (offset, 0, map->length);

  switch (map->unit)
    {
    case GLOSSA_OFFSETS_CODEPOINT:
      return offset;
    case GLOSSA_OFFSETS_UTF16:
      return map->utf16[offset];
    case GLOSSA_OFFSETS_BYTE:
      return glossa_article_offset_to_byte (map->article, offset);
    default:
      g_return_val_if_reached (offset);
    }
}

static gboolean
utf16_to_offset (GlossaOffsetMap *map,
                 gint64           value,
                 gint64          *offset)
{
  gint64 lo = 0, hi = map->length;

  if (value < 0 || value > map->utf16[map->length])
    return FALSE;

  /* The first code point whose unit offset is >= value. */
  while (lo < hi)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (map->utf16[mid] < value)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (map->utf16[lo] != value)
    return FALSE;
  *offset = lo;
  return TRUE;
}

gboolean
glossa_offset_map_from_unit (GlossaOffsetMap *map,
                             gint64           value,
                             gint64          *offset)
{
  gsize n_bytes;
  gint64 result;

  switch (map->unit)
    {
    case GLOSSA_OFFSETS_CODEPOINT:
      if (value < 0 || value > map->length)
        return FALSE;
      *offset = value;
      return TRUE;
    case GLOSSA_OFFSETS_UTF16:
      return utf16_to_offset (map, value, offset);
    case GLOSSA_OFFSETS_BYTE:
      n_bytes = glossa_article_get_n_bytes (map->article);
      if (value < 0 || (guint64) value > n_bytes)
        return FALSE;
      result = glossa_article_byte_to_offset (map->article, value);
      if (glossa_article_offset_to_byte (map->article, result) != (gsize) value)
        return FALSE;
      *offset = result;
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* IOB2 */

void
glossa_iob_append_tag (GString      *out,
                       GlossaSchema *schema,
                       guint8        tag)
{
  guint index = (tag - 1) / 2;

  if (tag == GLOSSA_IOB_O || index >= glossa_schema_get_n_labels (schema))
    {
      g_return_if_fail (tag == GLOSSA_IOB_O);
      g_string_append_c (out, 'O');
      return;
    }
  g_string_append (out, tag == GLOSSA_IOB_B (index) ? "B-" : "I-");
  g_string_append (out, glossa_label_to_string (glossa_schema_get_label (schema, index)->name));
}

/* Outermost first: by start, then the longest, then by label. */
static int
compare_outermost (gconstpointer pa,
                   gconstpointer pb)
{
  const GlossaSpan *a = *(GlossaSpan * const *) pa;
  const GlossaSpan *b = *(GlossaSpan * const *) pb;

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end > b->end ? -1 : 1;
  return glossa_label_compare (a->label, b->label);
}

/* The spans IOB2 can hold: no two overlap, sorted by start. */
static GPtrArray *
outermost_spans (GPtrArray    *spans,
                 GlossaSchema *schema,
                 GlossaLabel   label,
                 guint        *n_dropped)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GPtrArray *kept = g_ptr_array_new ();
  gint64 kept_end = G_MININT64;

  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      int index = glossa_schema_label_index (schema, span->label);

      if (label != 0 && span->label != label)
        continue;
      if (index < 0 || index >= GLOSSA_IOB_MAX_LABELS)
        (*n_dropped)++;
      else
        g_ptr_array_add (sorted, span);
    }
  g_ptr_array_sort (sorted, compare_outermost);

  for (guint i = 0; i < sorted->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (sorted, i);

      if (span->start >= kept_end)
        {
          g_ptr_array_add (kept, span);
          kept_end = span->end;
        }
      else
        (*n_dropped)++;
    }

  return kept;
}

/* Invariant: the kept spans before @next end at or before the last token
 * of the pieces tagged so far, so no later piece can touch them.
 */
struct _GlossaIobTagger
{
  GPtrArray    *kept;    /* the outermost spans: disjoint, sorted by start */
  GlossaSchema *schema;  /* where tags find their label's index */
  guint8    *begun;      /* per kept span: a token of it has been tagged */
  guint      next;
  guint      n_overlapping;  /* dropped because they overlap a kept span */
};

GlossaIobTagger *
glossa_iob_tagger_new (GPtrArray    *spans,
                       GlossaSchema *schema,
                       GlossaLabel   label)
{
  GlossaIobTagger *tagger = g_new0 (GlossaIobTagger, 1);

  g_return_val_if_fail (spans != NULL && schema != NULL, tagger);

  tagger->schema = glossa_schema_ref (schema);
  tagger->kept = outermost_spans (spans, schema, label, &tagger->n_overlapping);
  tagger->begun = g_new0 (guint8, MAX (tagger->kept->len, 1));
  return tagger;
}

void
glossa_iob_tagger_free (GlossaIobTagger *tagger)
{
  if (tagger == NULL)
    return;
  g_ptr_array_unref (tagger->kept);
  glossa_schema_unref (tagger->schema);
  g_free (tagger->begun);
  g_free (tagger);
}

guint8 *
glossa_iob_tagger_tag (GlossaIobTagger  *tagger,
                       GlossaTokens     *tokens,
                       GlossaSpan      **owners)
{
  const GlossaToken *tok = (const GlossaToken *) (gpointer) tokens->tokens->data;
  guint n_tokens = tokens->tokens->len;
  guint8 *tags = g_new0 (guint8, MAX (n_tokens, 1));
  gint64 last_end;
  guint first = 0;

  g_return_val_if_fail (tagger != NULL, tags);

  if (n_tokens == 0)
    return tags;
  last_end = tok[n_tokens - 1].end;

  /* Kept spans are disjoint and sorted, so the first token that can touch
   * a span never moves backwards. A token is the span's if they overlap and
   * no earlier span took it.
   */
  for (guint i = tagger->next; i < tagger->kept->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (tagger->kept, i);
      int index = glossa_schema_label_index (tagger->schema, span->label);

      if (span->start >= last_end)
        break;
      while (first < n_tokens && tok[first].end <= span->start)
        first++;
      for (guint t = first; t < n_tokens && tok[t].start < span->end; t++)
        {
          if (tags[t] != GLOSSA_IOB_O)
            continue;
          tags[t] = tagger->begun[i] ? GLOSSA_IOB_I (index) : GLOSSA_IOB_B (index);
          if (owners != NULL)
            owners[t] = span;
          tagger->begun[i] = TRUE;
        }
    }

  while (tagger->next < tagger->kept->len &&
         ((GlossaSpan *) g_ptr_array_index (tagger->kept, tagger->next))->end <= last_end)
    tagger->next++;
  return tags;
}

/* The spans that overlap a kept one, and the kept ones left without a
 * token of their own.
 */
guint
glossa_iob_tagger_get_n_dropped (GlossaIobTagger *tagger)
{
  guint dropped;

  g_return_val_if_fail (tagger != NULL, 0);

  dropped = tagger->n_overlapping;
  for (guint i = 0; i < tagger->kept->len; i++)
    dropped += !tagger->begun[i];
  return dropped;
}

guint8 *
glossa_iob_tag (GPtrArray    *spans,
                GlossaSchema *schema,
                GlossaTokens *tokens,
                GlossaLabel   label,
                guint        *n_dropped)
{
  g_autoptr(GlossaIobTagger) tagger = NULL;
  guint8 *tags;

  g_return_val_if_fail (spans != NULL && tokens != NULL, NULL);

  tagger = glossa_iob_tagger_new (spans, schema, label);
  tags = glossa_iob_tagger_tag (tagger, tokens, NULL);
  if (n_dropped != NULL)
    *n_dropped = glossa_iob_tagger_get_n_dropped (tagger);
  return tags;
}

/* Self-check */

typedef struct
{
  gint64      start;    /* in the export's unit */
  gint64      end;
  const char *text;     /* what the export says the slice is */
  gsize       text_len;
  const char *what;     /* for messages, e.g. "spans[3]" */
  guint       index;
} Claim;

typedef struct
{
  gint64   value;  /* in the export's unit */
  gsize    byte;   /* resolved by walking the text */
  gboolean ok;     /* value is within the text, on a character boundary */
} Point;

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  gint64 va = (*(Point * const *) a)->value;
  gint64 vb = (*(Point * const *) b)->value;

  return va < vb ? -1 : va > vb;
}

/* Resolves unit offsets to bytes by decoding the text from the start,
 * independently of GlossaOffsetMap, so that a bug in one shows up in the
 * other. Every point is visited in order in a single pass.
 */
static void
resolve_points (const char    *text,
                gsize          n_bytes,
                GlossaOffsets  unit,
                GPtrArray     *points)
{
  const char *p = text;
  const char *end = text + n_bytes;
  gint64 position = 0;

  g_ptr_array_sort (points, compare_points);

  for (guint i = 0; i < points->len; i++)
    {
      Point *point = g_ptr_array_index (points, i);

      if (unit == GLOSSA_OFFSETS_BYTE)
        {
          /* A byte offset must not fall inside a character. */
          if (point->value >= 0 && (guint64) point->value <= n_bytes &&
              ((guint64) point->value == n_bytes ||
               ((guchar) text[point->value] & 0xC0) != 0x80))
            {
              point->byte = point->value;
              point->ok = TRUE;
            }
          continue;
        }

      /* Four-byte sequences are the characters beyond U+FFFF, the ones
       * UTF-16 writes as two units.
       */
      while (p < end && position < point->value)
        {
          guchar lead = (guchar) *p;

          position += (unit == GLOSSA_OFFSETS_UTF16 && lead >= 0xF0) ? 2 : 1;
          p = g_utf8_next_char (p);
        }
      if (position == point->value)
        {
          point->byte = p - text;
          point->ok = TRUE;
        }
    }
}

/* Code point offsets are the article's own, so its index resolves them
 * without the walk; what is checked is still the exported offsets and text.
 */
static void
resolve_codepoints (GlossaArticle *article,
                    GPtrArray     *points)
{
  gint64 length = glossa_article_get_length (article);

  for (guint i = 0; i < points->len; i++)
    {
      Point *point = g_ptr_array_index (points, i);

      if (point->value >= 0 && point->value <= length)
        {
          point->byte = glossa_article_offset_to_byte (article, point->value);
          point->ok = TRUE;
        }
    }
}

static gboolean
check_claims (const char     *doc_id,
              GlossaArticle  *article,
              GlossaOffsets   unit,
              GArray         *claims,
              GError        **error)
{
  const char *text = glossa_article_get_text (article);
  g_autofree Point *storage = g_new0 (Point, 2 * MAX (claims->len, 1));
  g_autoptr(GPtrArray) points = g_ptr_array_sized_new (2 * claims->len);

  for (guint i = 0; i < claims->len; i++)
    {
      Claim *claim = &g_array_index (claims, Claim, i);

      storage[2 * i].value = claim->start;
      storage[2 * i + 1].value = claim->end;
      g_ptr_array_add (points, &storage[2 * i]);
      g_ptr_array_add (points, &storage[2 * i + 1]);
    }

  if (unit == GLOSSA_OFFSETS_CODEPOINT)
    resolve_codepoints (article, points);
  else
    resolve_points (text, glossa_article_get_n_bytes (article), unit, points);

  for (guint i = 0; i < claims->len; i++)
    {
      Claim *claim = &g_array_index (claims, Claim, i);
      Point *from = &storage[2 * i];
      Point *to = &storage[2 * i + 1];

      if (!from->ok || !to->ok || to->byte < from->byte ||
          to->byte - from->byte != claim->text_len ||
          memcmp (text + from->byte, claim->text, claim->text_len) != 0)
        {
          /* brat names its spans T1, T2…; the JSON formats index arrays. */
          g_autofree char *what = strcmp (claim->what, "T") == 0
                                  ? g_strdup_printf ("T%u", claim->index)
                                  : g_strdup_printf ("%s[%u]", claim->what, claim->index);
          g_autofree char *claimed = g_strndup (claim->text, claim->text_len);

          g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED,
                       "%s: %s: the exported text “%s” is not the slice "
                       "[%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ") in %s offsets; "
                       "this is a bug in Glossa, nothing was written",
                       doc_id, what, claimed, claim->start, claim->end,
                       glossa_offsets_to_string (unit));
          return FALSE;
        }
    }

  return TRUE;
}

static void
add_claim (GArray     *claims,
           gint64      start,
           gint64      end,
           const char *text,
           gsize       text_len,
           const char *what,
           guint       index)
{
  Claim claim = { start, end, text, text_len, what, index };

  g_array_append_val (claims, claim);
}

/* Formats */

static GPtrArray *
selected_spans (GlossaRecord *record,
                GlossaLabel   label)
{
  GPtrArray *spans = g_ptr_array_new ();

  for (guint i = 0; i < record->spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (record->spans, i);

      if (label == 0 || span->label == label)
        g_ptr_array_add (spans, span);
    }
  return spans;
}

/* The links between @spans: with --label, a link to a span left out goes
 * too, so that every link read back has both its ends.
 */
static GPtrArray *
selected_relations (GlossaRecord *record,
                    GPtrArray    *spans)
{
  g_autoptr(GHashTable) ids = NULL;
  GPtrArray *relations = g_ptr_array_new ();

  /* Most documents have none: no table of their spans then. */
  if (record->relations == NULL || record->relations->len == 0)
    return relations;
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < spans->len; i++)
    g_hash_table_add (ids, ((GlossaSpan *) g_ptr_array_index (spans, i))->id);
  for (guint i = 0; record->relations != NULL && i < record->relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (record->relations, i);

      if (g_hash_table_contains (ids, relation->from) && g_hash_table_contains (ids, relation->to))
        g_ptr_array_add (relations, relation);
    }
  return relations;
}

static void
write_nullable_string (GString    *out,
                       const char *str)
{
  if (str == NULL)
    g_string_append (out, "null");
  else
    glossa_json_write_string (out, str);
}

/* printf() is a tenth of the export's time without this. */
static void
append_int (GString *out,
            gint64   value)
{
  char digits[24];
  guint n = 0;
  guint64 v = value < 0 ? - (guint64) value : (guint64) value;

  do
    digits[n++] = '0' + v % 10;
  while ((v /= 10) > 0);
  if (value < 0)
    g_string_append_c (out, '-');
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

/* A span of the JSONL export: {"id", "start", "end", "label", "text",
 * "attributes"}, and "note" and "value_source" where the span has them.
 * Every span has "attributes", empty or not, so that a table of them has
 * one shape.
 */
static void
format_jsonl_span (GlossaSpan *span,
                   gint64      start,
                   gint64      end,
                   GString    *out)
{
  g_string_append (out, "{\"id\": ");
  glossa_json_write_string (out, span->id);
  g_string_append (out, ", \"start\": ");
  append_int (out, start);
  g_string_append (out, ", \"end\": ");
  append_int (out, end);
  g_string_append (out, ", \"label\": \"");
  g_string_append (out, glossa_label_to_string (span->label));
  g_string_append (out, "\", \"text\": ");
  glossa_json_write_string (out, span->text);
  g_string_append (out, ", \"attributes\": ");
  if (span->attributes != NULL)
    glossa_format_write_attributes (out, span->attributes, -1);
  else
    g_string_append (out, "{}");
  if (span->note != NULL && *span->note != '\0')
    {
      g_string_append (out, ", \"note\": ");
      glossa_json_write_string (out, span->note);
    }
  if (span->value_source != NULL)
    {
      g_string_append (out, ", \"value_source\": ");
      glossa_json_write_string (out, span->value_source);
    }
  g_string_append_c (out, '}');
}

/* {"id", "text", "date", "status", "annotator", "spans": [{"id", "start",
 * "end", "label", "text", "attributes"}], "relations": [{"id", "type",
 * "from", "to"}]} on one line, with json.dumps's separators; links name
 * their ends by the spans' ids, as annotation files do.
 */
static void
format_jsonl (GlossaRecord    *record,
              GPtrArray       *spans,
              GlossaOffsetMap *map,
              GArray          *claims,
              GString         *out)
{
  g_autoptr(GPtrArray) relations = selected_relations (record, spans);

  g_string_append (out, "{\"id\": ");
  glossa_json_write_string (out, record->id);
  g_string_append (out, ", \"text\": ");
  glossa_json_write_string (out, glossa_article_get_text (record->article));
  g_string_append (out, ", \"date\": ");
  write_nullable_string (out, record->date);
  g_string_append_printf (out, ", \"status\": \"%s\", \"annotator\": ",
                          glossa_status_to_string (record->status));
  glossa_json_write_string (out, record->annotator);
  g_string_append (out, ", \"spans\": [");

  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);
      gint64 start = glossa_offset_map_to_unit (map, span->start);
      gint64 end = glossa_offset_map_to_unit (map, span->end);

      if (i > 0)
        g_string_append (out, ", ");
      format_jsonl_span (span, start, end, out);
      add_claim (claims, start, end, span->text, strlen (span->text), "spans", i);
    }

  g_string_append (out, "], \"relations\": [");
  for (guint i = 0; i < relations->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      glossa_format_write_relation (out, g_ptr_array_index (relations, i), -1);
    }
  g_string_append (out, "]}\n");
}

/* The number a doccano entity gets: its place among @spans, from 1. */
static GHashTable *
number_spans (GPtrArray *spans)
{
  GHashTable *numbers = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < spans->len; i++)
    g_hash_table_insert (numbers, ((GlossaSpan *) g_ptr_array_index (spans, i))->id,
                         GUINT_TO_POINTER (i + 1));
  return numbers;
}

/* doccano's relation format: {"id", "text", "entities": [{"id",
 * "start_offset", "end_offset", "label"}], "relations": [{"id", "from_id",
 * "to_id", "type"}]}, ids numbered from 1 as doccano numbers them. It
 * carries no span text, so the check compares the slice with the span's
 * own text; it has no attributes.
 */
static void
format_doccano (GlossaRecord    *record,
                GPtrArray       *spans,
                GlossaOffsetMap *map,
                GArray          *claims,
                GString         *out)
{
  g_autoptr(GPtrArray) relations = selected_relations (record, spans);
  g_autoptr(GHashTable) numbers = number_spans (spans);

  g_string_append (out, "{\"id\": ");
  glossa_json_write_string (out, record->id);
  g_string_append (out, ", \"text\": ");
  glossa_json_write_string (out, glossa_article_get_text (record->article));
  g_string_append (out, ", \"entities\": [");

  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);
      gint64 start = glossa_offset_map_to_unit (map, span->start);
      gint64 end = glossa_offset_map_to_unit (map, span->end);

      g_string_append_printf (out, "%s{\"id\": %u, \"start_offset\": %" G_GINT64_FORMAT
                              ", \"end_offset\": %" G_GINT64_FORMAT ", \"label\": \"%s\"}",
                              i > 0 ? ", " : "", i + 1, start, end, glossa_label_to_string (span->label));
      add_claim (claims, start, end, span->text, strlen (span->text), "entities", i);
    }

  g_string_append (out, "], \"relations\": [");
  for (guint i = 0; i < relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (relations, i);

      g_string_append_printf (out, "%s{\"id\": %u, \"from_id\": %u, \"to_id\": %u, \"type\": ",
                              i > 0 ? ", " : "", i + 1,
                              GPOINTER_TO_UINT (g_hash_table_lookup (numbers, relation->from)),
                              GPOINTER_TO_UINT (g_hash_table_lookup (numbers, relation->to)));
      glossa_json_write_string (out, relation->type);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
}

static gboolean
is_line_break (char c)
{
  return c == '\n' || c == '\r';
}

/* brat's text-bound annotations cannot cross a line break: a span that does
 * is written as fragments, the pieces between line breaks, and its text is
 * the pieces joined by a space, as brat itself does.
 */
static gboolean
format_brat_span (GlossaSpan        *span,
                  guint              number,
                  GlossaOffsetMap   *map,
                  GArray            *claims,
                  GlossaExportChunk *chunk)
{
  g_autoptr(GString) offsets = g_string_new (NULL);
  g_autoptr(GString) joined = g_string_new (NULL);
  const char *p = span->text;
  gint64 offset = span->start;
  guint n_fragments = 0;

  while (*p != '\0')
    {
      const char *piece = p;
      gint64 piece_start = offset;

      while (*p != '\0' && !is_line_break (*p))
        {
          p = g_utf8_next_char (p);
          offset++;
        }

      if (p > piece)
        {
          gint64 start = glossa_offset_map_to_unit (map, piece_start);
          gint64 end = glossa_offset_map_to_unit (map, offset);

          g_string_append_printf (offsets, "%s%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                  n_fragments > 0 ? ";" : "", start, end);
          if (n_fragments > 0)
            g_string_append_c (joined, ' ');
          /* Claims point into the span's text, which outlives the check. */
          add_claim (claims, start, end, piece, p - piece, "T", number);
          g_string_append_len (joined, piece, p - piece);
          n_fragments++;
        }

      while (*p != '\0' && is_line_break (*p))
        {
          p++;
          offset++;
        }
    }

  if (n_fragments == 0)
    {
      /* Nothing but line breaks: brat has no way to show it. */
      chunk->n_dropped++;
      return FALSE;
    }
  if (n_fragments > 1)
    chunk->n_fragmented++;
  chunk->n_spans++;

  g_string_append_printf (chunk->ann, "T%u\t%s %s\t%s\n", number,
                          glossa_label_to_string (span->label), offsets->str, joined->str);

  return TRUE;
}

/* A note is an AnnotatorNotes comment per line (import joins a span's
 * notes one per line again): the first takes the span's number, the
 * others are numbered after the spans, in @comments.
 */
static void
format_brat_note (GlossaSpan *span,
                  guint       number,
                  guint      *n_comments,
                  GString    *ann,
                  GString    *comments)
{
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  if (span->note == NULL || *span->note == '\0')
    return;
  lines = g_strsplit (span->note, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strdelimit (lines[i], "\t\r", ' ');
      if (lines[i][0] == '\0')
        continue;
      if (n++ == 0)
        g_string_append_printf (ann, "#%u\tAnnotatorNotes T%u\t%s\n", number, number, lines[i]);
      else
        g_string_append_printf (comments, "#%u\tAnnotatorNotes T%u\t%s\n", ++*n_comments, number, lines[i]);
    }
}

char *
glossa_export_brat_name (const char *name)
{
  char *copy = g_strdup (name);

  for (char *p = copy; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      *p = '_';
  return copy;
}

/* brat's attributes are flags (a boolean that is true) and choices ("A2\t
 * NAME T3 VALUE"); free text and date values have no brat form, so they go
 * in AnnotatorNotes comments "NAME=VALUE", which brat shows beside the
 * span and import reads back (with "value_source=auto" for a value the
 * normaliser set). Comments are numbered after the spans' own notes, which
 * take their span's number. A false flag is no line.
 */
static void
format_brat_attributes (GlossaSpan        *span,
                        guint              number,
                        GlossaSchema      *schema,
                        guint             *n_attributes,
                        guint             *n_comments,
                        GString           *attributes,
                        GString           *comments)
{
  const GlossaSchemaLabel *label = glossa_schema_find_label (schema, span->label);

  for (guint i = 0; label != NULL && span->attributes != NULL && i < label->attributes->len; i++)
    {
      const GlossaSchemaAttribute *declared = g_ptr_array_index (label->attributes, i);
      JsonNode *value = json_object_get_member (span->attributes, declared->name);
      g_autofree char *name = glossa_export_brat_name (declared->name);
      g_autofree char *text = NULL;

      if (value == NULL)
        continue;
      if (declared->type == GLOSSA_ATTRIBUTE_BOOLEAN)
        {
          if (json_node_get_boolean (value))
            g_string_append_printf (attributes, "A%u\t%s T%u\n", ++*n_attributes, name, number);
          continue;
        }
      if (declared->type == GLOSSA_ATTRIBUTE_CHOICE)
        {
          g_autofree char *choice = glossa_export_brat_name (json_node_get_string (value));

          g_string_append_printf (attributes, "A%u\t%s T%u %s\n", ++*n_attributes, name, number, choice);
          continue;
        }
      text = g_strdup (json_node_get_string (value));
      g_strdelimit (text, "\t\r\n", ' ');
      g_string_append_printf (comments, "#%u\tAnnotatorNotes T%u\t%s=%s\n", ++*n_comments, number,
                              name, text);
      if (span->value_source != NULL && g_str_equal (declared->name, "value"))
        g_string_append_printf (comments, "#%u\tAnnotatorNotes T%u\tvalue_source=%s\n", ++*n_comments,
                                number, span->value_source);
    }
}

/* "R1\tsource Arg1:T4 Arg2:T2", from the quote to its actor. */
static void
format_brat_relations (GlossaRecord *record,
                       GPtrArray    *spans,
                       GHashTable   *numbers,
                       GString      *ann)
{
  g_autoptr(GPtrArray) relations = selected_relations (record, spans);
  guint n = 0;

  for (guint i = 0; i < relations->len; i++)
    {
      GlossaRelation *relation = g_ptr_array_index (relations, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, relation->from));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, relation->to));
      g_autofree char *type = glossa_export_brat_name (relation->type);

      /* An end brat could not show (only line breaks) has no T line. */
      if (from != 0 && to != 0)
        g_string_append_printf (ann, "R%u\t%s Arg1:T%u Arg2:T%u\n", ++n, type, from, to);
    }
}

static void
format_brat (GlossaRecord      *record,
             GPtrArray         *spans,
             GlossaOffsetMap   *map,
             GArray            *claims,
             GlossaExportChunk *chunk)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) attributes = g_string_new (NULL);
  g_autoptr(GString) comments = g_string_new (NULL);
  guint n_attributes = 0, n_comments = spans->len;

  chunk->ann = g_string_new (NULL);
  g_string_append_len (chunk->text, glossa_article_get_text (record->article),
                       glossa_article_get_n_bytes (record->article));

  for (guint i = 0; i < spans->len; i++)
    {
      GlossaSpan *span = g_ptr_array_index (spans, i);

      if (!format_brat_span (span, i + 1, map, claims, chunk))
        continue;
      format_brat_note (span, i + 1, &n_comments, chunk->ann, comments);
      g_hash_table_insert (numbers, span->id, GUINT_TO_POINTER (i + 1));
      format_brat_attributes (span, i + 1, record->schema, &n_attributes, &n_comments,
                              attributes, comments);
    }
  g_string_append_len (chunk->ann, attributes->str, attributes->len);
  format_brat_relations (record, spans, numbers, chunk->ann);
  g_string_append_len (chunk->ann, comments->str, comments->len);
}

static gboolean
conll_mismatch (GlossaRecord  *record,
                GError       **error)
{
  g_set_error (error, GLOSSA_ERROR, GLOSSA_ERROR_FAILED,
               "%s: the CoNLL tags do not match the spans; "
               "this is a bug in Glossa, nothing was written", record->id);
  return FALSE;
}

/* Decodes the tags of a piece again, sentence by sentence, and checks that
 * every entity is the tokens of one span with its label; @seen collects the
 * spans that have an entity, for the check that every kept span has one.
 * The tags say what the spans said.
 */
static gboolean
check_iob (GlossaRecord  *record,
           GlossaTokens  *tokens,
           const guint8  *tags,
           GlossaSpan   **owners,
           GHashTable    *seen,
           GError       **error)
{
  for (guint s = 0; s < tokens->sentences->len; s++)
    {
      const GlossaSentence *sentence = &g_array_index (tokens->sentences, GlossaSentence, s);
      guint end = sentence->first_token + sentence->n_tokens;

      for (guint t = sentence->first_token; t < end; t++)
        {
          guint index;

          if (tags[t] == GLOSSA_IOB_O)
            {
              if (owners[t] != NULL)
                return conll_mismatch (record, error);
              continue;
            }
          index = (tags[t] - 1) / 2;
          if (tags[t] != GLOSSA_IOB_B (index) || owners[t] == NULL ||
              glossa_schema_label_index (record->schema, owners[t]->label) != (int) index)
            return conll_mismatch (record, error);
          g_hash_table_add (seen, owners[t]);
          while (t + 1 < end && tags[t + 1] == GLOSSA_IOB_I (index))
            {
              if (owners[t + 1] != owners[t])
                return conll_mismatch (record, error);
              t++;
            }
        }
    }
  return TRUE;
}

/* Where the CoNLL writer is in the text: tokens come in order, so one walk
 * finds them all.
 */
typedef struct
{
  const char *p;
  gint64      position;
} TextCursor;

/* One piece of the text: its sentences as "TOKEN TAG" lines and a blank
 * line each, checked as they are written.
 */
static gboolean
format_conll_piece (GlossaRecord       *record,
                    GlossaIobTagger    *tagger,
                    GlossaTokens       *tokens,
                    GHashTable         *seen,
                    TextCursor         *cursor,
                    GlossaExportChunk  *chunk,
                    GError            **error)
{
  const GlossaToken *tok = (const GlossaToken *) (gpointer) tokens->tokens->data;
  g_autofree GlossaSpan **owners = g_new0 (GlossaSpan *, MAX (tokens->tokens->len, 1));
  g_autofree guint8 *tags = glossa_iob_tagger_tag (tagger, tokens, owners);
  g_autoptr(GArray) claims = g_array_sized_new (FALSE, FALSE, sizeof (Claim), tokens->tokens->len);

  /* Each sentence is a sequence of its own: a span that runs on into the
   * next sentence begins again there.
   */
  for (guint s = 0; s < tokens->sentences->len; s++)
    {
      guint t = g_array_index (tokens->sentences, GlossaSentence, s).first_token;

      if (tags[t] != GLOSSA_IOB_O && tags[t] == GLOSSA_IOB_I ((tags[t] - 1) / 2))
        tags[t] = GLOSSA_IOB_B ((tags[t] - 1) / 2);
    }

  if (!check_iob (record, tokens, tags, owners, seen, error))
    return FALSE;

  for (guint s = 0; s < tokens->sentences->len; s++)
    {
      const GlossaSentence *sentence = &g_array_index (tokens->sentences, GlossaSentence, s);

      for (guint k = 0; k < sentence->n_tokens; k++)
        {
          guint t = sentence->first_token + k;
          const char *from, *to;

          from = g_utf8_offset_to_pointer (cursor->p, tok[t].start - cursor->position);
          to = g_utf8_offset_to_pointer (from, tok[t].end - tok[t].start);
          cursor->p = to;
          cursor->position = tok[t].end;

          g_string_append_len (chunk->text, from, to - from);
          g_string_append_c (chunk->text, ' ');
          glossa_iob_append_tag (chunk->text, record->schema, tags[t]);
          g_string_append_c (chunk->text, '\n');
          add_claim (claims, tok[t].start, tok[t].end, from, to - from, "tokens", t);
        }
      g_string_append_c (chunk->text, '\n');
    }

  /* CoNLL has no offsets: its tokens are checked in code points. */
  return check_claims (record->id, record->article, GLOSSA_OFFSETS_CODEPOINT, claims, error);
}

/* -DOCSTART-, then each sentence as "TOKEN TAG" lines and a blank line.
 * Tokens never hold white space, so one space separates the columns. The
 * text is tokenized, tagged and checked a piece at a time, so that what
 * this takes beyond the output is in proportion to a piece, not to the
 * article (a token and its check took about 90 bytes).
 */
static gboolean
format_conll (GlossaRecord       *record,
              GPtrArray          *spans,
              GlossaExportChunk  *chunk,
              GError            **error)
{
  const char *text = glossa_article_get_text (record->article);
  g_autoptr(GlossaIobTagger) tagger = glossa_iob_tagger_new (spans, record->schema, 0);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  TextCursor cursor = { text, 0 };
  GlossaTokenizer tokenizer;
  GlossaTokens *piece;
  guint dropped;

  g_string_append (chunk->text, "-DOCSTART- O\n\n");

  glossa_tokenizer_init (&tokenizer, text, glossa_article_get_n_bytes (record->article));
  while ((piece = glossa_tokenizer_next (&tokenizer, CONLL_PIECE_BYTES)) != NULL)
    {
      g_autoptr(GlossaTokens) tokens = piece;

      if (!format_conll_piece (record, tagger, tokens, seen, &cursor, chunk, error))
        return FALSE;
    }

  dropped = glossa_iob_tagger_get_n_dropped (tagger);
  if (g_hash_table_size (seen) != spans->len - dropped)
    return conll_mismatch (record, error);
  chunk->n_dropped += dropped;
  chunk->n_spans += spans->len - dropped;
  return TRUE;
}

void
glossa_export_chunk_clear (GlossaExportChunk *chunk)
{
  if (chunk->text != NULL)
    g_string_free (g_steal_pointer (&chunk->text), TRUE);
  if (chunk->ann != NULL)
    g_string_free (g_steal_pointer (&chunk->ann), TRUE);
  memset (chunk, 0, sizeof *chunk);
}

gboolean
glossa_export_record (GlossaRecord        *record,
                      GlossaExportFormat   format,
                      GlossaOffsets        offsets,
                      GlossaLabel          label,
                      GlossaExportChunk   *chunk,
                      GError             **error)
{
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GlossaOffsetMap) map = NULL;
  g_autoptr(GArray) claims = NULL;

  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (chunk != NULL && chunk->text == NULL, FALSE);

  spans = selected_spans (record, label);
  claims = g_array_sized_new (FALSE, FALSE, sizeof (Claim), spans->len);
  chunk->text = g_string_sized_new (2 * glossa_article_get_n_bytes (record->article) + 64 * spans->len);

  /* CoNLL has no offsets: its tokens are checked in code points. */
  if (format == GLOSSA_EXPORT_CONLL)
    offsets = GLOSSA_OFFSETS_CODEPOINT;
  map = glossa_offset_map_new (record->article, offsets);

  switch (format)
    {
    case GLOSSA_EXPORT_JSONL:
      format_jsonl (record, spans, map, claims, chunk->text);
      chunk->n_spans = spans->len;
      break;
    case GLOSSA_EXPORT_DOCCANO:
      format_doccano (record, spans, map, claims, chunk->text);
      chunk->n_spans = spans->len;
      break;
    case GLOSSA_EXPORT_BRAT:
      format_brat (record, spans, map, claims, chunk);
      break;
    case GLOSSA_EXPORT_CONLL:
      if (!format_conll (record, spans, chunk, error))
        return FALSE;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  return check_claims (record->id, record->article, offsets, claims, error);
}
