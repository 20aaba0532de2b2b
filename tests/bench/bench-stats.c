/* bench-stats.c: `glossa stats` and corpus opening on 100,000 articles
 *
 * Copyright 2026 The Glossa authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Usage: bench-stats GLOSSA [N]
 *
 * Generates N (100,000) articles of about 2 KB in a temporary folder, one
 * in ten with an annotation file written by the core's writer, and the same
 * articles as an N-line JSONL corpus with its FILE.annotations.jsonl. Then
 * times, each the median of three runs after a warm-up:
 *
 *   glossa stats FOLDER     against  find FOLDER -name '*.json' | xargs cat
 *                                    (reading every annotation file: the floor)
 *   glossa stats FILE.jsonl
 *
 * and, in a child process each so that peak memory is the corpus's own,
 * glossa_corpus_open() + glossa_corpus_load_statuses() (+ load_dates() for
 * the folder) with the peak resident memory (getrusage).
 *
 * The stats output is checked against what was generated, so a fast wrong
 * answer fails the benchmark. GLOSSA_BENCH_KEEP=1 keeps the corpora.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "glossa-corpus.h"
#include "glossa-json.h"

#define RUNS 3

/* The generator: sentences put together from small word lists, so each
 * article differs and the names, days and claims sit at known offsets.
 */
static const char * const first_names[] = {
  "Marta", "Jonas", "Aiko", "Samuel", "Ingrid", "Tomasz", "Leila", "Oren", "Priya", "Dmitri",
  "Camille", "Kwame", "Sofia", "Henrik", "Yusuf", "Elena",
};
static const char * const last_names[] = {
  "Varga", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Kowalski", "Brennan",
  "Silva", "Novak", "Achebe", "Larsen",
};
static const char * const roles[] = {
  "the port authority's director", "a city councillor", "the union's spokesperson",
  "the regional health minister", "an economist at the central bank", "the mayor",
  "a local teacher", "the opposition leader",
};
static const char * const days[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};
static const char * const claims[] = {
  "the new ferry timetable will cut waiting times by half",
  "rents in the old town have doubled in five years",
  "the bridge repairs will be finished before winter",
  "most of the budget goes to road maintenance",
  "the river is cleaner than at any time in the last decade",
  "the strike has cost local firms millions",
  "fewer young people are leaving the valley",
  "the hospital needs two hundred more nurses",
};
static const char * const fillers[] = {
  "Officials did not say when the plan would be put to a vote.",
  "The figures could not be independently confirmed.",
  "Residents gathered outside the town hall for most of the afternoon.",
  "Several shops on the main square stayed closed.",
  "The proposal has divided opinion across the district.",
  "Talks are expected to resume later this month.",
  "Weather forecasters warned of heavy rain along the coast.",
  "A public consultation will run until the end of the season.",
};

typedef struct
{
  gint64      start;
  gint64      end;
  GlossaLabel label;
} GenSpan;

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

/* Appends one article of about 2 KB to @text (ASCII, so byte offsets are
 * code point offsets) and its first spans to @spans.
 */
static void
generate_article (GRand   *rand,
                  guint    n,
                  GString *text,
                  GArray  *spans,
                  char    *date)
{
  g_snprintf (date, 11, "20%02d-%02d-%02d", g_rand_int_range (rand, 10, 25),
              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  g_string_append_printf (text, " date %s Report %u from the harbour district\n\n", date, n);

  while (text->len < 1950)
    {
      GenSpan actor, day, claim;

      actor.start = text->len;
      g_string_append_printf (text, "%s %s", PICK (rand, first_names), PICK (rand, last_names));
      actor.end = text->len;
      actor.label = GLOSSA_LABEL_ACTOR;
      g_string_append_printf (text, ", %s, said on ", PICK (rand, roles));
      day.start = text->len;
      g_string_append (text, PICK (rand, days));
      day.end = text->len;
      day.label = GLOSSA_LABEL_DATE;
      g_string_append (text, " that ");
      claim.start = text->len;
      g_string_append (text, PICK (rand, claims));
      claim.end = text->len;
      claim.label = GLOSSA_LABEL_CLAIM;
      g_string_append_printf (text, ". %s %s\n\n", PICK (rand, fillers), PICK (rand, fillers));

      if (spans->len < 9)
        {
          g_array_append_val (spans, actor);
          g_array_append_val (spans, day);
          g_array_append_val (spans, claim);
        }
    }
}

static GlossaAnnotations *
make_annotations (const char *id,
                  const char *text,
                  const char *date,
                  GArray     *spans,
                  guint       n)
{
  GlossaAnnotations *annotations = glossa_annotations_new ();

  annotations->doc_id = g_strdup (id);
  annotations->file = g_strconcat (id, ".txt", NULL);
  annotations->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  annotations->length = strlen (text);
  annotations->date = g_strdup (date);
  annotations->status = n % 20 == 0 ? GLOSSA_STATUS_DONE : GLOSSA_STATUS_IN_PROGRESS;
  for (guint i = 0; i < spans->len; i++)
    {
      GenSpan *s = &g_array_index (spans, GenSpan, i);
      g_autofree char *span_id = g_strdup_printf ("s%u", i + 1);
      g_autofree char *slice = g_strndup (text + s->start, s->end - s->start);

      g_ptr_array_add (annotations->spans, glossa_span_new (span_id, s->start, s->end, s->label, slice));
    }
  g_ptr_array_sort (annotations->spans, (GCompareFunc) glossa_span_compare);
  return annotations;
}

static void
write_or_die (const char *path,
              const char *data,
              gsize       len)
{
  FILE *f = fopen (path, "wb");

  if (f == NULL || fwrite (data, 1, len, f) != len || fclose (f) != 0)
    g_error ("cannot write %s", path);
}

typedef struct
{
  guint n;
  guint annotated;
  guint done;
  guint spans;
} Expected;

/* Spans are sorted by glossa_span_compare() when written: the JSONL line is
 * written with the same order.
 */
static void
generate (const char *folder,
          const char *jsonl,
          guint       count,
          Expected   *expected)
{
  g_autofree char *annotations_jsonl = g_strdup_printf ("%.*s.annotations.jsonl",
                                                        (int) (strlen (jsonl) - 6), jsonl);
  GRand *rand = g_rand_new_with_seed (20260101);
  GString *text = g_string_new (NULL);
  GString *line = g_string_new (NULL);
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (GenSpan));
  FILE *corpus = fopen (jsonl, "wb");
  FILE *sidecar = fopen (annotations_jsonl, "wb");

  g_assert_nonnull (corpus);
  g_assert_nonnull (sidecar);
  memset (expected, 0, sizeof *expected);
  expected->n = count;

  for (guint i = 0; i < count; i++)
    {
      char id[32], date[16], subdir[16];
      g_autofree char *dir = NULL;
      g_autofree char *path = NULL;

      /* 100 articles a folder, like a corpus sorted by batch. */
      g_snprintf (subdir, sizeof subdir, "batch-%u", i / 100);
      g_snprintf (id, sizeof id, "article-%u", i);
      g_string_truncate (text, 0);
      g_array_set_size (spans, 0);
      generate_article (rand, i, text, spans, date);

      dir = g_build_filename (folder, subdir, NULL);
      if (i % 100 == 0)
        g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
      path = g_strdup_printf ("%s/%s.txt", dir, id);
      write_or_die (path, text->str, text->len);

      g_string_assign (line, "{\"id\": ");
      glossa_json_write_string (line, id);
      g_string_append (line, ", \"title\": ");
      glossa_json_write_string (line, "Report from the harbour district");
      g_string_append (line, ", \"date\": ");
      glossa_json_write_string (line, date);
      g_string_append (line, ", \"text\": ");
      glossa_json_write_string (line, text->str);
      g_string_append (line, "}\n");
      fwrite (line->str, 1, line->len, corpus);

      if (i % 10 == 0)
        {
          g_autoptr(GlossaAnnotations) annotations = make_annotations (id, text->str, date, spans, i);
          g_autoptr(GBytes) bytes = glossa_format_write (annotations);
          g_autofree char *sidecar_path = g_strdup_printf ("%s/%s.annotations.json", dir, id);

          write_or_die (sidecar_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

          g_string_assign (line, "{\"id\": ");
          glossa_json_write_string (line, id);
          g_string_append_printf (line, ", \"status\": \"%s\", \"annotator\": \"bench\", \"spans\": [",
                                  glossa_status_to_string (annotations->status));
          for (guint s = 0; s < annotations->spans->len; s++)
            {
              if (s > 0)
                g_string_append (line, ", ");
              glossa_format_write_span (line, g_ptr_array_index (annotations->spans, s), -1);
            }
          g_string_append (line, "]}\n");
          fwrite (line->str, 1, line->len, sidecar);

          expected->annotated++;
          expected->done += annotations->status == GLOSSA_STATUS_DONE;
          expected->spans += annotations->spans->len;
        }
    }

  g_assert_cmpint (fclose (corpus), ==, 0);
  g_assert_cmpint (fclose (sidecar), ==, 0);
  g_array_unref (spans);
  g_string_free (line, TRUE);
  g_string_free (text, TRUE);
  g_rand_free (rand);
}

/* Runs @argv, returns its wall time in seconds; its standard output goes to
 * @out if not NULL.
 */
static double
time_command (char **argv,
              char **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  GSpawnFlags flags = G_SPAWN_SEARCH_PATH | (out ? 0 : G_SPAWN_STDOUT_TO_DEV_NULL);
  gint64 start;
  int status;

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, argv, NULL, flags, NULL, NULL, out, &err, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return (g_get_monotonic_time () - start) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median_time (char **argv)
{
  double times[RUNS];

  time_command (argv, NULL);  /* warm-up: the page cache, like a second run */
  for (guint i = 0; i < RUNS; i++)
    times[i] = time_command (argv, NULL);
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  return times[RUNS / 2];
}

static void
check_stats (const char     *glossa,
             const char     *path,
             const Expected *expected)
{
  char *argv[] = { (char *) glossa, (char *) "stats", (char *) "--json", (char *) path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *status;

  time_command (argv, &out);
  root = glossa_json_parse (out, strlen (out), "stats", &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  status = json_object_get_object_member (object, "status");
  g_assert_cmpint (json_object_get_int_member (object, "documents"), ==, expected->n);
  g_assert_cmpint (json_object_get_int_member (status, "todo"), ==, expected->n - expected->annotated);
  g_assert_cmpint (json_object_get_int_member (status, "done"), ==, expected->done);
  g_assert_cmpint (json_object_get_int_member (object, "spans"), ==, expected->spans);
}

/* The child: opens @path as a corpus and prints
 * "OPEN_S STATUSES_S DATES_S MAXRSS_KB N_ITEMS N_DONE".
 */
static int
measure_open (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossaCorpus) corpus = NULL;
  gint64 t0, t1, t2, t3;
  struct rusage usage;

  t0 = g_get_monotonic_time ();
  corpus = glossa_corpus_open (file, NULL, &error);
  g_assert_no_error (error);
  t1 = g_get_monotonic_time ();
  glossa_corpus_load_statuses (corpus, NULL);
  t2 = g_get_monotonic_time ();
  glossa_corpus_load_dates (corpus, NULL);
  t3 = g_get_monotonic_time ();
  getrusage (RUSAGE_SELF, &usage);

  printf ("%f %f %f %ld %u %u\n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
          usage.ru_maxrss, g_list_model_get_n_items (G_LIST_MODEL (corpus)),
          glossa_corpus_count_status (corpus, GLOSSA_STATUS_DONE));
  return 0;
}

static void
report_open (const char     *self,
             const char     *label,
             const char     *path,
             const Expected *expected)
{
  char *argv[] = { (char *) self, (char *) "--open", (char *) path, NULL };
  g_autofree char *out = NULL;
  double open_s, statuses_s, dates_s;
  long rss_kb;
  guint n_items, n_done;

  time_command (argv, NULL);
  time_command (argv, &out);
  if (sscanf (out, "%lf %lf %lf %ld %u %u", &open_s, &statuses_s, &dates_s, &rss_kb,
              &n_items, &n_done) != 6)
    g_error ("unexpected output from --open: %s", out);
  g_assert_cmpuint (n_items, ==, expected->n);
  g_assert_cmpuint (n_done, ==, expected->done);

  printf ("  %-28s open %6.3f s, + statuses %6.3f s, + dates %6.3f s; peak RSS %5.1f MB\n",
          label, open_s, statuses_s, dates_s, rss_kb / 1024.0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *tmp = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *jsonl = NULL;
  g_autofree char *floor_cmd = NULL;
  g_autoptr(GError) error = NULL;
  const char *glossa;
  Expected expected;
  guint count = 100000;
  gint64 start;
  double stats_folder, floor_folder, stats_jsonl;

  if (argc == 3 && g_str_equal (argv[1], "--open"))
    return measure_open (argv[2]);

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s GLOSSA [N]\n", argv[0]);
      return 2;
    }
  setvbuf (stdout, NULL, _IOLBF, 0);
  glossa = argv[1];
  if (argc > 2)
    count = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  tmp = g_dir_make_tmp ("glossa-bench-stats-XXXXXX", &error);
  g_assert_no_error (error);
  folder = g_build_filename (tmp, "corpus", NULL);
  jsonl = g_build_filename (tmp, "corpus.jsonl", NULL);

  start = g_get_monotonic_time ();
  generate (folder, jsonl, count, &expected);
  printf ("# bench-stats: %u articles of about 2 KB, %u with annotations (%u done, %u spans)\n",
          count, expected.annotated, expected.done, expected.spans);
  printf ("  generated in %.1f s in %s\n", (g_get_monotonic_time () - start) / 1e6, tmp);

  check_stats (glossa, folder, &expected);
  check_stats (glossa, jsonl, &expected);

  {
    char *stats_argv[] = { (char *) glossa, (char *) "stats", folder, NULL };
    char *jsonl_argv[] = { (char *) glossa, (char *) "stats", jsonl, NULL };
    char *floor_argv[] = { (char *) "/bin/sh", (char *) "-c", NULL, NULL };
    g_autofree char *quoted = g_shell_quote (folder);

    floor_cmd = g_strdup_printf ("find %s -name '*.json' | xargs cat > /dev/null", quoted);
    floor_argv[2] = floor_cmd;

    stats_folder = median_time (stats_argv);
    floor_folder = median_time (floor_argv);
    stats_jsonl = median_time (jsonl_argv);
  }

  printf ("  %-52s %7.3f s\n", "glossa stats FOLDER", stats_folder);
  printf ("  %-52s %7.3f s\n", "find FOLDER -name '*.json' | xargs cat (I/O floor)", floor_folder);
  printf ("  %-52s %7.2fx\n", "ratio", stats_folder / floor_folder);
  printf ("  %-52s %7.3f s\n", "glossa stats FILE.jsonl", stats_jsonl);

  report_open (argv[0], "corpus folder:", folder, &expected);
  report_open (argv[0], "corpus JSONL:", jsonl, &expected);

  if (g_getenv ("GLOSSA_BENCH_KEEP") == NULL)
    {
      char *rm_argv[] = { (char *) "rm", (char *) "-rf", tmp, NULL };
      time_command (rm_argv, NULL);
    }
  return 0;
}
