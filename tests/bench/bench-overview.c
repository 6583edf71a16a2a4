/* bench-overview.c: how long does the overview page wait, and for what?
 *
 * 1. Generates --scale communes' worth of a year into a new file through
 *    antt_demo_generate() (not timed), or opens the file given with
 *    --database (for instance /tmp/antt-targets/s300.db).
 * 2. Times, each the median of --runs runs, for the whole default movement
 *    judged a week after its end:
 *      - antt_targets_evaluate() on a connection already warm, as the
 *        benchmark of the core does;
 *      - the same on a connection opened for the run, as the page's worker
 *        thread does (open, evaluate, close);
 *      - what the worker adds: the T16 team-months
 *        (antt_targets_list_team_months()) and the ranking of the teams;
 *        together, antt_target_evaluation_compute() without the chart;
 *      - the chart's monthly counts of tips, incidents, call-outs and
 *        patrols (4 tables × the movement's months, antt_records_count());
 *      - on the main thread, building the page's rows from a report: the
 *        sixteen items of the commune, those of every team in turn (as the
 *        team drop-down would), and the ranking and T16 rows of all teams.
 * 3. Prints the medians and whether the evaluation meets the goal (≤ 100 ms).
 *
 * Run by `meson test --benchmark` at the province scale (300) and, as a
 * quick smoke test that it still runs, at scale 1.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "antt-date.h"
#include "antt-demo.h"
#include "antt-records.h"
#include "antt-target-evaluation.h"
#include "antt-target-item.h"
#include "antt-target-team-item.h"
#include "antt-targets.h"

#define GOAL_MS 100.0

static int       opt_scale = 300;
static int       opt_seed = 1;
static int       opt_runs = 7;
static char     *opt_database = NULL;

static GOptionEntry entries[] = {
  { "scale", 'n', 0, G_OPTION_ARG_INT, &opt_scale,
    "How many communes' worth of a year to generate (default 300: a province)", "N" },
  { "seed", 's', 0, G_OPTION_ARG_INT, &opt_seed, "Seed of the generator (default 1)", "SEED" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    "Use this data file (for instance from `antt-cli demo-data`) instead of generating one",
    "FILE" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Timed runs of each measure (default 7)", "N" },
  { NULL }
};

typedef struct
{
  const char       *path;
  AnttDatabase     *db;
  gint64            campaign_id;
  const char       *from;
  const char       *to;
  const char       *today;
  AnttTargetReport *report;
  AnttTargetEvaluation *evaluation;
} Bench;

typedef gboolean (*Measure) (Bench   *bench,
                             GError **error);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
median (double *values)
{
  qsort (values, (gsize) opt_runs, sizeof (double), compare_doubles);
  return opt_runs % 2 ? values[opt_runs / 2]
                      : (values[opt_runs / 2 - 1] + values[opt_runs / 2]) / 2;
}

/* The median of --runs runs of @measure, in ms of the clock and (in
 * @cpu_ms) of this thread's processor time, which other programs on the
 * machine disturb less; < 0 on error. */
static double
time_median (Measure   measure,
             Bench    *bench,
             double   *cpu_ms,
             GError  **error)
{
  g_autofree double *ms = g_new (double, opt_runs);
  g_autofree double *cpu = g_new (double, opt_runs);

  for (int i = 0; i < opt_runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();

      if (!measure (bench, error))
        return -1;
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[i] = thread_cpu_ms () - cpu_start;
    }
  *cpu_ms = median (cpu);
  return median (ms);
}

static gboolean
measure_evaluate (Bench   *bench,
                  GError **error)
{
  AnttTargetReport *report = antt_targets_evaluate (bench->db, bench->campaign_id, bench->from,
                                                    bench->to, bench->today, error);

  if (report == NULL)
    return FALSE;
  g_clear_pointer (&bench->report, antt_target_report_unref);
  bench->report = report;
  return TRUE;
}

static gboolean
measure_evaluate_fresh (Bench   *bench,
                        GError **error)
{
  g_autoptr(AnttDatabase) db = antt_database_open (bench->path,
                                                   ANTT_DATABASE_FLAGS_NO_CREATE |
                                                   ANTT_DATABASE_FLAGS_NO_SEED, error);
  g_autoptr(AnttTargetReport) report = NULL;

  if (db == NULL)
    return FALSE;
  report = antt_targets_evaluate (db, bench->campaign_id, bench->from, bench->to, bench->today,
                                  error);
  return report != NULL;
}

static gboolean
measure_worker (Bench   *bench,
                GError **error)
{
  AnttTargetEvaluation *evaluation;

  evaluation = antt_target_evaluation_compute (bench->db, bench->campaign_id, bench->from,
                                               bench->to, bench->today, FALSE, error);
  if (evaluation == NULL)
    return FALSE;
  g_clear_pointer (&bench->evaluation, antt_target_evaluation_unref);
  bench->evaluation = evaluation;
  return TRUE;
}

static gboolean
measure_team_months (Bench   *bench,
                     GError **error)
{
  g_autoptr(GArray) months = antt_targets_list_team_months (bench->db, 0, bench->from, bench->to,
                                                            bench->today, error);

  return months != NULL;
}

static gboolean
measure_activity (Bench   *bench,
                  GError **error)
{
  g_autoptr(AnttTargetEvaluation) evaluation = NULL;

  /* The targets of one day, so that the chart's counts dominate. */
  evaluation = antt_target_evaluation_compute (bench->db, bench->campaign_id, bench->from,
                                               bench->from, bench->today, TRUE, error);
  return evaluation != NULL;
}

static gboolean
measure_rows_commune (Bench   *bench,
                      GError **error)
{
  g_autoptr(GListStore) items = antt_target_items_new (bench->report,
                                                       ANTT_TARGET_LEVEL_COMMUNE, 0);

  return g_list_model_get_n_items (G_LIST_MODEL (items)) > 0;
}

static gboolean
measure_rows_every_team (Bench   *bench,
                         GError **error)
{
  const AnttTargetUnit *teams;
  guint n_teams;

  teams = antt_target_report_get_units (bench->report, ANTT_TARGET_LEVEL_TEAM, &n_teams);
  for (guint t = 0; t < n_teams; t++)
    {
      g_autoptr(GListStore) items = antt_target_items_new (bench->report,
                                                           ANTT_TARGET_LEVEL_TEAM,
                                                           teams[t].id);
    }
  return TRUE;
}

static gboolean
measure_team_rows (Bench   *bench,
                   GError **error)
{
  g_autoptr(GArray) months = NULL;
  g_autoptr(GListStore) teams = antt_target_team_items_new (bench->evaluation, 0, &months);

  return teams != NULL;
}

static gint64
default_campaign (AnttDatabase  *db,
                  GError       **error)
{
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) campaigns = NULL;

  antt_filter_add_equals (filter, "is_default", 1);
  campaigns = antt_records_list (db, "campaigns", filter, error);
  if (campaigns == NULL)
    return 0;
  if (campaigns->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "The file holds no default movement");
      return 0;
    }
  return antt_record_get_id (g_ptr_array_index (campaigns, 0));
}

static void
print_row (const char *what,
           double      ms,
           double      cpu_ms)
{
  g_print ("%-58s %8.1f ms %8.1f ms\n", what, ms, cpu_ms);
}

static int
run (GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *today = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  Bench bench = { 0 };
  double evaluate_ms, fresh_ms, team_months_ms, worker_ms, activity_ms;
  double commune_ms, every_team_ms, team_rows_ms;
  double cpu[8] = { 0 };
  guint n_teams, n_months;
  GDate day;

  if (opt_database != NULL)
    {
      path = g_strdup (opt_database);
      db = antt_database_open (path, ANTT_DATABASE_FLAGS_NO_CREATE, error);
      if (db == NULL)
        return EXIT_FAILURE;
      g_print ("Using %s.\n", path);
    }
  else
    {
      gint64 start;

      dir = g_dir_make_tmp ("antt-bench-overview-XXXXXX", error);
      if (dir == NULL)
        return EXIT_FAILURE;
      path = g_build_filename (dir, "demo.db", NULL);
      db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, error);
      if (db == NULL)
        return EXIT_FAILURE;
      g_print ("Generating scale %d (seed %d)…\n", opt_scale, opt_seed);
      start = g_get_monotonic_time ();
      if (!antt_demo_generate (db, (guint) opt_scale, (guint32) opt_seed, NULL, NULL, error))
        return EXIT_FAILURE;
      g_print ("Generated in %.1f s.\n", (g_get_monotonic_time () - start) / 1e6);
      g_clear_object (&db);
      db = antt_database_open (path, ANTT_DATABASE_FLAGS_NO_CREATE, error);
      if (db == NULL)
        return EXIT_FAILURE;
    }

  bench.campaign_id = default_campaign (db, error);
  if (bench.campaign_id == 0 ||
      !antt_targets_get_campaign_period (db, bench.campaign_id, &from, &to, error))
    return EXIT_FAILURE;

  /* Judged a week after the movement's end, as at the final review. */
  if (!antt_date_parse_iso (to, &day))
    g_assert_not_reached ();
  g_date_add_days (&day, 7);
  today = antt_date_format_iso (&day);

  bench.path = path;
  bench.db = db;
  bench.from = from;
  bench.to = to;
  bench.today = today;

  g_print ("The whole movement, %s to %s, judged on %s; median of %d runs each.\n\n",
           from, to, today, opt_runs);

  if ((evaluate_ms = time_median (measure_evaluate, &bench, &cpu[0], error)) < 0 ||
      (fresh_ms = time_median (measure_evaluate_fresh, &bench, &cpu[1], error)) < 0 ||
      (team_months_ms = time_median (measure_team_months, &bench, &cpu[2], error)) < 0 ||
      (worker_ms = time_median (measure_worker, &bench, &cpu[3], error)) < 0 ||
      (activity_ms = time_median (measure_activity, &bench, &cpu[4], error)) < 0 ||
      (commune_ms = time_median (measure_rows_commune, &bench, &cpu[5], error)) < 0 ||
      (every_team_ms = time_median (measure_rows_every_team, &bench, &cpu[6], error)) < 0 ||
      (team_rows_ms = time_median (measure_team_rows, &bench, &cpu[7], error)) < 0)
    {
      g_clear_pointer (&bench.report, antt_target_report_unref);
      g_clear_pointer (&bench.evaluation, antt_target_evaluation_unref);
      return EXIT_FAILURE;
    }

  antt_target_report_get_units (bench.report, ANTT_TARGET_LEVEL_TEAM, &n_teams);
  antt_target_evaluation_get_team_months (bench.evaluation, &n_months);
  g_print ("%u targets, %u teams, %u team-months.\n\n",
           antt_target_report_get_n_targets (bench.report), n_teams, n_months);

  g_print ("%-58s %11s %11s\n", "", "clock", "processor");
  g_print ("In the worker thread\n");
  print_row ("  antt_targets_evaluate, warm connection", evaluate_ms, cpu[0]);
  print_row ("  antt_targets_evaluate, connection opened for it", fresh_ms, cpu[1]);
  print_row ("  antt_targets_list_team_months (the T16 grid)", team_months_ms, cpu[2]);
  print_row ("  the page's evaluation: targets, T16 grid, ranking", worker_ms, cpu[3]);
  print_row ("  chart: monthly counts, 4 tables (+ a one-day evaluation)", activity_ms, cpu[4]);
  g_print ("On the main thread\n");
  print_row ("  rows of the commune (16 items) from a report", commune_ms, cpu[5]);
  {
    g_autofree char *what = g_strdup_printf ("  rows of each of the %u teams in turn", n_teams);

    print_row (what, every_team_ms, cpu[6]);
  }
  print_row ("  ranking and T16 rows of all teams", team_rows_ms, cpu[7]);
  g_print ("\nGoal ≤ %.0f ms for antt_targets_evaluate: %s\n", GOAL_MS,
           evaluate_ms <= GOAL_MS ? "met" : "not met");

  g_clear_pointer (&bench.report, antt_target_report_unref);
  g_clear_pointer (&bench.evaluation, antt_target_evaluation_unref);
  g_clear_object (&db);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return EXIT_SUCCESS;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— time what the overview page waits for");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (opt_runs < 1)
    opt_runs = 1;

  status = run (&error);
  if (error != NULL)
    g_printerr ("bench-overview: %s\n", error->message);
  return status;
}
