/* bench-report.c: how long does the clerk wait for a document?
 *
 * 1. Generates --scale communes' worth of a year into a new file through
 *    antt_demo_generate() (not timed; at 300, a province, it takes minutes),
 *    or opens the file given with --database. Adds the documents' tables if
 *    the file lacks them, and --list nominations of individuals for a
 *    Giấy khen without a cap (about 10 rows a page: 300 make a list of some
 *    30 pages), as report-fixture does for the tests.
 * 2. Times, --runs times each, building and writing to PDF:
 *      - the final report (báo cáo tổng kết) of the whole movement: the
 *        figures, T1–T16 for the commune, every team ranked;
 *      - the nominee list (danh sách) of that award.
 * 3. Prints the medians (of the clock, and of this thread's processor time,
 *    which a busy machine disturbs less), the pages, and whether the goal
 *    (≤ 1 s each, by the clock) is met; and where the time goes: reading
 *    the records into the document, the layout (Pango), the PDF (Cairo).
 *
 * Run by `meson test --benchmark` at the province scale (300) and, as a
 * quick smoke test that the benchmark still runs, at scale 1.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include "antt-demo.h"
#include "antt-records.h"
#include "antt-reports.h"
#include "report-fixture.h"

#define GOAL_MS 1000.0

static int       opt_scale = 300;
static int       opt_seed = 1;
static int       opt_runs = 5;
static int       opt_list = 300;
static char     *opt_database = NULL;
static gboolean  opt_keep = FALSE;

static GOptionEntry entries[] = {
  { "scale", 'n', 0, G_OPTION_ARG_INT, &opt_scale,
    "How many communes' worth of a year to generate (default 300: a province)", "N" },
  { "seed", 's', 0, G_OPTION_ARG_INT, &opt_seed, "Seed of the generator (default 1)", "SEED" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    "Use this data file (for instance from `antt-cli demo-data`) instead of generating one",
    "FILE" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Timed runs of each document (default 5)", "N" },
  { "list", 'l', 0, G_OPTION_ARG_INT, &opt_list,
    "Nominees to add to the long list (default 300, about 30 pages)", "N" },
  { "keep", 'k', 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the generated file", NULL },
  { NULL }
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The medians of one document's runs, in ms. */
typedef struct
{
  double total;   /* by the clock */
  double cpu;     /* this thread's processor time, which other programs disturb less */
  double build;   /* reading the records into the document's blocks */
  double layout;  /* Pango: the blocks into pages */
  double write;   /* Cairo: the pages into the PDF */
} Timing;

/* Builds and writes one document --runs times, timing each step. */
static gboolean
time_document (AnttDatabase             *db,
               AnttReportKind            kind,
               const AnttReportOptions  *options,
               const char               *path,
               guint                    *pages,
               Timing                   *timing,
               GError                  **error)
{
  g_autofree double *ms = g_new (double, opt_runs);
  g_autofree double *cpu = g_new (double, opt_runs);
  g_autofree double *build = g_new (double, opt_runs);
  g_autofree double *layout = g_new (double, opt_runs);
  g_autofree double *write = g_new (double, opt_runs);

  for (int i = 0; i < opt_runs; i++)
    {
      g_autoptr(AnttDocument) doc = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();
      gint64 built, laid_out;

      doc = antt_report_build (db, kind, options, error);
      if (doc == NULL)
        return FALSE;
      built = g_get_monotonic_time ();
      *pages = antt_document_get_n_pages (doc);
      laid_out = g_get_monotonic_time ();
      if (!antt_document_write_pdf (doc, path, error))
        return FALSE;
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[i] = thread_cpu_ms () - cpu_start;
      build[i] = (built - start) / 1000.0;
      layout[i] = (laid_out - built) / 1000.0;
      write[i] = (g_get_monotonic_time () - laid_out) / 1000.0;
    }
  timing->total = median (ms, (guint) opt_runs);
  timing->cpu = median (cpu, (guint) opt_runs);
  timing->build = median (build, (guint) opt_runs);
  timing->layout = median (layout, (guint) opt_runs);
  timing->write = median (write, (guint) opt_runs);
  return TRUE;
}

static void
print_timing (const char   *name,
              const Timing *t,
              guint         pages)
{
  g_print ("  %s %8.1f ms (processor %6.1f ms), %3u pages  %s\n", name, t->total, t->cpu, pages,
           t->total <= GOAL_MS ? "goal met (≤ 1 s)" : "GOAL MISSED (> 1 s)");
  g_print ("      records %6.1f ms, layout %6.1f ms, PDF %6.1f ms\n", t->build, t->layout, t->write);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the documents");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  g_auto(ReportFixture) fixture = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *final_pdf = NULL;
  g_autofree char *list_pdf = NULL;
  AnttReportOptions options = { 0, 0, 0, 0, "2025-08-20" };
  guint final_pages = 0, list_pages = 0;
  Timing final_t = { 0 }, list_t = { 0 };
  gint64 start;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-report: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (opt_runs < 1 || opt_scale < 1)
    {
      g_printerr ("bench-report: --runs and --scale are at least 1\n");
      return EXIT_FAILURE;
    }

  dir = g_dir_make_tmp ("bench-report-XXXXXX", &error);
  if (dir == NULL)
    goto fail;
  final_pdf = g_build_filename (dir, "final.pdf", NULL);
  list_pdf = g_build_filename (dir, "list.pdf", NULL);

  if (opt_database != NULL)
    path = g_strdup (opt_database);
  else
    path = g_build_filename (dir, "bench.db", NULL);
  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
  if (db == NULL)
    goto fail;

  if (opt_database == NULL)
    {
      g_print ("Generating demo data at scale %d…\n", opt_scale);
      start = g_get_monotonic_time ();
      if (!antt_demo_generate (db, (guint) opt_scale, (guint32) opt_seed, NULL, NULL, &error))
        goto fail;
      g_print ("  generated in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
    }

  if (!report_fixture_ensure_schema (db, REPORT_SCHEMA_V3, &error))
    goto fail;
  if (antt_records_count (db, "nominations", NULL, &error) > 0)
    {
      /* A file from an earlier run (--keep): its nominations as they are. */
      fixture.phase_id = antt_report_find_phase (db, 2, &error);
      if (fixture.phase_id == 0 ||
          (fixture.award_gk = antt_report_find_award (db, fixture.phase_id, "commune_gk", &error)) == 0)
        goto fail;
    }
  else
    {
      start = g_get_monotonic_time ();
      if (!report_fixture_populate (db, 2, 3, 5, (guint) opt_list, TRUE, &fixture, &error))
        goto fail;
      g_print ("  %u nominees for the long list in %.1f s\n", fixture.gk_ids->len,
               (g_get_monotonic_time () - start) / 1e6);
    }

  if (!time_document (db, ANTT_REPORT_KIND_FINAL, &options, final_pdf, &final_pages, &final_t,
                      &error))
    goto fail;

  options.phase_id = fixture.phase_id;
  options.award_level_id = fixture.award_gk;
  if (!time_document (db, ANTT_REPORT_KIND_NOMINEES, &options, list_pdf, &list_pages, &list_t,
                      &error))
    goto fail;

  g_print ("\nScale %d, median of %d runs, building and writing the PDF:\n", opt_scale, opt_runs);
  print_timing ("final report (báo cáo tổng kết):", &final_t, final_pages);
  print_timing ("nominee list (danh sách):       ", &list_t, list_pages);

  g_clear_object (&db);
  if (opt_keep && opt_database == NULL)
    g_print ("Kept %s\n", path);
  else if (opt_database == NULL)
    g_remove (path);
  g_remove (final_pdf);
  g_remove (list_pdf);
  if (!opt_keep)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_remove (wal);
      g_remove (shm);
      g_rmdir (dir);
    }
  antt_document_release_fonts ();
  return EXIT_SUCCESS;

fail:
  g_printerr ("bench-report: %s\n", error ? error->message : "failed");
  return EXIT_FAILURE;
}
