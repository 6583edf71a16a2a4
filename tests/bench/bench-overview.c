/* bench-overview.c: how long does the overview page wait, and for what?
 *
 * 1. Generates --scale communes' worth of a year into a new file through
 *    antt_demo_generate() (not timed), or opens the file given with
 *    --database (for instance /tmp/antt-targets/s300.db); see bench-util.c.
 * 2. Times, each the median of --runs runs, for the whole default movement
 *    judged a week after its end:
 *      - antt_targets_evaluate() on a connection already warm, as the
 *        benchmark of the core does;
 *      - the same on a connection opened for the run, as the page's worker
 *        thread does (open, evaluate, close);
 *      - both again on one connection only (antt_targets_set_parallel
 *        (FALSE)), without the second thread (a connection's first
 *        evaluation is on one connection anyway, so that the two "opened
 *        for it" lines measure the same);
 *      - what the worker adds: the T16 team-months
 *        (antt_targets_list_team_months(), and from the report's counts,
 *        antt_target_report_dup_team_months(), which the worker uses) and
 *        the ranking of the teams; together, antt_target_evaluation_compute()
 *        without the chart;
 *      - the page's evaluation as the page gets it, from the call of
 *        antt_target_evaluation_compute_async() to its callback in the main
 *        loop: before (each on a connection opened for it, the grid read
 *        again: open, antt_target_evaluation_compute() and
 *        antt_targets_list_team_months(), close, in this thread) and now (one
 *        worker connection kept with the page's cancellable: the first
 *        evaluation opens it, the next ones reuse it and get the core's
 *        second thread); processor time of the whole process for those;
 *      - the chart's monthly counts of tips, incidents, call-outs and
 *        patrols (4 tables × the movement's months, antt_records_count());
 *      - on the main thread, building the page's rows from a report: the
 *        sixteen items of the commune, those of every team in turn (as the
 *        team drop-down would), and the ranking and T16 rows of all teams.
 * 3. Prints the medians, whether the evaluation meets the goal (≤ 100 ms),
 *    and the page's evaluation before and now.
 *
 * Run by `meson test --benchmark` at the province scale (300) and, as a
 * quick smoke test that it still runs, at scale 1.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include "antt-records.h"
#include "antt-target-evaluation.h"
#include "antt-target-item.h"
#include "antt-target-team-item.h"
#include "antt-targets.h"
#include "bench-util.h"

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

typedef struct
{
  Measure  measure;
  Bench   *bench;
} Call;

static gboolean
call_measure (gpointer   user_data,
              GError   **error)
{
  Call *call = user_data;

  return call->measure (call->bench, error);
}

/* The median of --runs runs of @measure, in ms of the clock and (in
 * @cpu_ms) of this thread's processor time; < 0 on error. */
static double
time_median (Measure   measure,
             Bench    *bench,
             double   *cpu_ms,
             GError  **error)
{
  Call call = { measure, bench };

  return bench_time_median (call_measure, &call, opt_runs, cpu_ms, NULL, error);
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
measure_report_team_months (Bench   *bench,
                            GError **error)
{
  g_autoptr(GArray) months = antt_target_report_dup_team_months (bench->report, 0);

  return months->len > 0;
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

/* The page's evaluation ------------------------------------------------------ */

/* The processor time of the whole process, worker threads included. */
static double
process_cpu_ms (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
    return 0;
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Before: the worker opened a connection for each evaluation, and read the
 * T16 grid again on it. */
static gboolean
measure_page_before (Bench   *bench,
                     GError **error)
{
  g_autoptr(AnttDatabase) db = antt_database_open (bench->path,
                                                   ANTT_DATABASE_FLAGS_NO_CREATE |
                                                   ANTT_DATABASE_FLAGS_NO_SEED, error);
  g_autoptr(AnttTargetEvaluation) evaluation = NULL;
  g_autoptr(GArray) months = NULL;

  if (db == NULL)
    return FALSE;
  evaluation = antt_target_evaluation_compute (db, bench->campaign_id, bench->from, bench->to,
                                               bench->today, FALSE, error);
  if (evaluation == NULL)
    return FALSE;
  months = antt_targets_list_team_months (db, 0, bench->from, bench->to,
                                          antt_target_report_get_today (antt_target_evaluation_get_report (evaluation)),
                                          error);
  return months != NULL;
}

typedef struct
{
  gboolean              done;
  AnttTargetEvaluation *evaluation;
  GError               *error;
} PageResult;

static void
page_evaluated_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PageResult *page = user_data;

  page->evaluation = antt_target_evaluation_compute_finish (result, &page->error);
  page->done = TRUE;
}

/* Now: as the page asks, with its cancellable, until the callback in the
 * main loop. In @thread_ms, the evaluation's time in its thread; in
 * @connection_run, which evaluation it was on its connection. */
static gboolean
page_evaluate (Bench         *bench,
               GCancellable  *cancellable,
               double        *thread_ms,
               guint         *connection_run,
               GError       **error)
{
  PageResult page = { 0 };

  antt_target_evaluation_compute_async (bench->path, bench->campaign_id, bench->from, bench->to,
                                        bench->today, FALSE, cancellable, page_evaluated_cb,
                                        &page);
  while (!page.done)
    g_main_context_iteration (NULL, TRUE);
  if (page.evaluation == NULL)
    {
      g_propagate_error (error, page.error);
      return FALSE;
    }
  *thread_ms = antt_target_evaluation_get_seconds (page.evaluation) * 1000;
  *connection_run = antt_target_evaluation_get_connection_run (page.evaluation);
  antt_target_evaluation_unref (page.evaluation);
  return TRUE;
}

typedef struct
{
  double before_ms, before_cpu;
  double first_ms, first_cpu, first_thread_ms;
  double kept_ms, kept_cpu, kept_thread_ms;
  guint  last_run;
} PageTimes;

static gboolean
time_page (Bench      *bench,
           PageTimes  *times,
           GError    **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree double *ms = g_new (double, opt_runs);
  g_autofree double *cpu = g_new (double, opt_runs);
  g_autofree double *thread = g_new (double, opt_runs);
  gint64 start;
  double cpu_start;

  for (int i = 0; i < opt_runs; i++)
    {
      start = g_get_monotonic_time ();
      cpu_start = process_cpu_ms ();
      if (!measure_page_before (bench, error))
        return FALSE;
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[i] = process_cpu_ms () - cpu_start;
    }
  times->before_ms = bench_median (ms, opt_runs);
  times->before_cpu = bench_median (cpu, opt_runs);

  /* The first on the page's connection opens it. */
  start = g_get_monotonic_time ();
  cpu_start = process_cpu_ms ();
  if (!page_evaluate (bench, cancellable, &times->first_thread_ms, &times->last_run, error))
    return FALSE;
  times->first_ms = (g_get_monotonic_time () - start) / 1000.0;
  times->first_cpu = process_cpu_ms () - cpu_start;

  for (int i = 0; i < opt_runs; i++)
    {
      start = g_get_monotonic_time ();
      cpu_start = process_cpu_ms ();
      if (!page_evaluate (bench, cancellable, &thread[i], &times->last_run, error))
        return FALSE;
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[i] = process_cpu_ms () - cpu_start;
    }
  times->kept_ms = bench_median (ms, opt_runs);
  times->kept_cpu = bench_median (cpu, opt_runs);
  times->kept_thread_ms = bench_median (thread, opt_runs);

  /* The page goes: its connection is closed. */
  g_cancellable_cancel (cancellable);
  if (antt_target_evaluation_count_connections () != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The page's connection is still open after it went");
      return FALSE;
    }
  return TRUE;
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
  BenchData data;
  Bench bench = { 0 };
  double evaluate_ms, fresh_ms, team_months_ms, worker_ms, activity_ms;
  double single_ms, single_fresh_ms, single_cpu = 0, single_fresh_cpu = 0;
  double report_months_ms, report_months_cpu = 0;
  double commune_ms, every_team_ms, team_rows_ms;
  double cpu[8] = { 0 };
  PageTimes page = { 0 };
  guint n_teams, n_months;

  if (!bench_data_open (&data, opt_database, opt_scale, opt_seed, "bench-overview", error))
    {
      bench_data_clear (&data, FALSE);
      return EXIT_FAILURE;
    }

  bench.path = data.path;
  bench.db = data.db;
  bench.campaign_id = data.campaign_id;
  bench.from = data.from;
  bench.to = data.to;
  bench.today = data.today;

  g_print ("The whole movement, %s to %s, judged on %s; median of %d runs each.\n\n",
           data.from, data.to, data.today, opt_runs);

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
      bench_data_clear (&data, FALSE);
      return EXIT_FAILURE;
    }

  report_months_ms = time_median (measure_report_team_months, &bench, &report_months_cpu, error);
  if (report_months_ms < 0 || !time_page (&bench, &page, error))
    {
      g_clear_pointer (&bench.report, antt_target_report_unref);
      g_clear_pointer (&bench.evaluation, antt_target_evaluation_unref);
      bench_data_clear (&data, FALSE);
      return EXIT_FAILURE;
    }

  /* The same two on one connection, one thread. */
  antt_targets_set_parallel (FALSE);
  single_ms = time_median (measure_evaluate, &bench, &single_cpu, error);
  single_fresh_ms = single_ms < 0 || report_months_ms < 0 ? -1
                    : time_median (measure_evaluate_fresh, &bench, &single_fresh_cpu, error);
  antt_targets_set_parallel (TRUE);
  if (single_fresh_ms < 0)
    {
      g_clear_pointer (&bench.report, antt_target_report_unref);
      g_clear_pointer (&bench.evaluation, antt_target_evaluation_unref);
      bench_data_clear (&data, FALSE);
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
  print_row ("  the same two on one connection, one thread: warm", single_ms, single_cpu);
  print_row ("    and with a connection opened for it", single_fresh_ms, single_fresh_cpu);
  print_row ("  antt_targets_list_team_months (the T16 grid)", team_months_ms, cpu[2]);
  print_row ("    the same grid from the report's counts", report_months_ms, report_months_cpu);
  print_row ("  the page's evaluation: targets, T16 grid, ranking", worker_ms, cpu[3]);
  print_row ("  chart: monthly counts, 4 tables (+ a one-day evaluation)", activity_ms, cpu[4]);
  g_print ("The page's evaluation, from the call to the callback (processor: all threads)\n");
  print_row ("  before: a connection opened for each, grid read again", page.before_ms,
             page.before_cpu);
  print_row ("  now: the first, which opens the page's connection", page.first_ms, page.first_cpu);
  print_row ("  now: the next ones, on the connection kept", page.kept_ms, page.kept_cpu);
  g_print ("%-58s %8.1f ms\n", "    of which in the worker thread", page.kept_thread_ms);
  g_print ("On the main thread\n");
  print_row ("  rows of the commune (16 items) from a report", commune_ms, cpu[5]);
  {
    g_autofree char *what = g_strdup_printf ("  rows of each of the %u teams in turn", n_teams);

    print_row (what, every_team_ms, cpu[6]);
  }
  print_row ("  ranking and T16 rows of all teams", team_rows_ms, cpu[7]);
  g_print ("\nGoal ≤ %.0f ms for antt_targets_evaluate: %s\n", GOAL_MS,
           evaluate_ms <= GOAL_MS ? "met" : "not met");
  g_print ("The page's evaluation: %.1f ms before, %.1f ms now (evaluation %u on its "
           "connection), the core's warm evaluation %.1f ms\n",
           page.before_ms, page.kept_ms, page.last_run, evaluate_ms);

  g_clear_pointer (&bench.report, antt_target_report_unref);
  g_clear_pointer (&bench.evaluation, antt_target_evaluation_unref);
  bench_data_clear (&data, FALSE);
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
