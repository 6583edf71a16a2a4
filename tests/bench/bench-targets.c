/* bench-targets.c: how long does the overview wait for the sixteen targets?
 *
 * 1. Generates --scale communes' worth of a year into a new file through
 *    antt_demo_generate() (not timed; at 300, a province, it takes a
 *    minute or more), or opens the file given with --database (see
 *    bench-util.c).
 * 2. Times antt_targets_evaluate() for the whole default movement, every
 *    target for the commune, every team and every village: the median of
 *    --runs runs (7) on the same connection, as the app would repeat it,
 *    and the first of them apart (the page cache still cold, the results'
 *    memory new, and on one connection: a connection's first evaluation
 *    opens no second one). Then the same on one connection only
 *    (antt_targets_set_parallel (FALSE)), without the second thread.
 * 3. As the floor, times a few plain aggregate queries over the same tables
 *    on a connection of its own with SQLite's default settings: tips per
 *    village, members per team, patrol participations per member, incidents
 *    per village and good deeds per team. No evaluation can read these
 *    tables faster than SQLite counts them.
 * 4. Prints both medians and whether the goal (≤ 100 ms) is met.
 *
 * Run by `meson test --benchmark` at the province scale (300) and, as a
 * quick smoke test that the benchmark still runs, at scale 1.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "antt-database-private.h"
#include "antt-targets.h"
#include "bench-util.h"

#define GOAL_MS 100.0

static int       opt_scale = 300;
static int       opt_seed = 1;
static int       opt_runs = 7;
static char     *opt_database = NULL;
static int       opt_mmap_mib = 0;
static gboolean  opt_keep = FALSE;

static GOptionEntry entries[] = {
  { "scale", 'n', 0, G_OPTION_ARG_INT, &opt_scale,
    "How many communes' worth of a year to generate (default 300: a province)", "N" },
  { "seed", 's', 0, G_OPTION_ARG_INT, &opt_seed, "Seed of the generator (default 1)", "SEED" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    "Use this data file (for instance from `antt-cli demo-data`) instead of generating one",
    "FILE" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Timed runs of each side (default 7)", "N" },
  { "mmap", 0, 0, G_OPTION_ARG_INT, &opt_mmap_mib,
    "Also time the evaluation with PRAGMA mmap_size of this many MiB (default 0: no)", "MIB" },
  { "keep", 'k', 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the generated file", NULL },
  { NULL }
};

typedef struct
{
  BenchData        *data;
  AnttTargetReport *report;   /* of the last run */
} Evaluation;

static gboolean
measure_evaluation (gpointer   user_data,
                    GError   **error)
{
  Evaluation *evaluation = user_data;
  BenchData *data = evaluation->data;

  /* The last report is freed first, as the app frees the one it replaces. */
  g_clear_pointer (&evaluation->report, antt_target_report_unref);
  evaluation->report = antt_targets_evaluate (data->db, data->campaign_id, data->from, data->to,
                                              data->today, error);
  return evaluation->report != NULL;
}

/* The floor, as the issue asks: a few GROUP BY counts over the same tables,
 * written plainly and planned by SQLite. */
static const char *const group_queries[] = {
  "SELECT village_id, count (*), sum (via_force) FROM tips"
  " WHERE received_date BETWEEN ?1 AND ?2 GROUP BY village_id",
  "SELECT team_id, count (*) FROM members WHERE joined_date <= ?2"
  " AND (left_date IS NULL OR left_date >= ?1) GROUP BY team_id",
  "SELECT member_id, count (*) FROM patrol_participants GROUP BY member_id",
  "SELECT village_id, count (*) FROM incidents"
  " WHERE occurred_date BETWEEN ?1 AND ?2 GROUP BY village_id",
  "SELECT team_id, count (*) FROM good_deeds WHERE date BETWEEN ?1 AND ?2 GROUP BY team_id",
  NULL
};

/* A lower floor: each table that the evaluation reads, read once from end
 * to end without grouping; no evaluation reads its rows faster. */
static const char *const scan_queries[] = {
  "SELECT count (*), sum (via_force) FROM tips NOT INDEXED"
  " WHERE received_date BETWEEN ?1 AND ?2",
  "SELECT count (*), sum (type = 'weapons') FROM incidents NOT INDEXED"
  " WHERE occurred_date BETWEEN ?1 AND ?2",
  "SELECT count (*) FROM members WHERE joined_date <= ?2"
  " AND (left_date IS NULL OR left_date >= ?1)",
  "SELECT sum (member_id) FROM training_attendance WHERE passed = 1",
  "SELECT count (*) FROM patrols WHERE date BETWEEN ?1 AND ?2",
  "SELECT sum (member_id) FROM patrol_participants",
  "SELECT sum (member_id) FROM political_attendance",
  "SELECT sum (present) FROM callout_members",
  "SELECT count (*), sum (team_id) FROM good_deeds WHERE date BETWEEN ?1 AND ?2",
  NULL
};

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* Times @queries (NULL-terminated) together, on a connection of their own
 * with SQLite's default settings; returns the median in ms. */
static double
time_queries (const char         *path,
              const char * const *queries,
              const char         *from,
              const char         *to,
              double             *cpu_ms,
              GError            **error)
{
  g_autofree double *ms = g_new (double, opt_runs);
  g_autofree double *cpu = g_new (double, opt_runs);
  g_autoptr(GPtrArray) stmts = g_ptr_array_new_with_free_func (finalize_statement);
  sqlite3 *db = NULL;
  double result = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    goto out;
  for (guint q = 0; queries[q] != NULL; q++)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL) != SQLITE_OK)
        goto out;
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
      g_ptr_array_add (stmts, stmt);
    }

  for (int i = 0; i < opt_runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = bench_thread_cpu_ms ();

      if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        goto out;
      for (guint q = 0; q < stmts->len; q++)
        {
          sqlite3_stmt *stmt = g_ptr_array_index (stmts, q);
          int rc;

          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            ;
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            goto out;
        }
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[i] = bench_thread_cpu_ms () - cpu_start;
    }
  *cpu_ms = bench_median (cpu, (guint) opt_runs);
  result = bench_median (ms, (guint) opt_runs);

out:
  if (result < 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The floor queries failed: %s",
                 db ? sqlite3_errmsg (db) : "out of memory");
  g_clear_pointer (&stmts, g_ptr_array_unref);
  sqlite3_close (db);
  return result;
}

static void
print_commune (AnttTargetReport *report)
{
  guint n_teams, n_villages;
  guint n_results = 0;

  antt_target_report_get_units (report, ANTT_TARGET_LEVEL_TEAM, &n_teams);
  antt_target_report_get_units (report, ANTT_TARGET_LEVEL_VILLAGE, &n_villages);
  for (guint l = 0; l < ANTT_TARGET_N_LEVELS; l++)
    {
      g_autoptr(GPtrArray) results = antt_target_report_list (report, NULL, l);

      n_results += results->len;
    }

  g_print ("%u targets, %u teams, %u villages: %u results.\n\n",
           antt_target_report_get_n_targets (report), n_teams, n_villages, n_results);
  for (guint i = 0; i < antt_target_report_get_n_targets (report); i++)
    {
      const char *code = antt_target_report_get_code (report, i);
      const AnttTargetResult *result = antt_target_report_lookup (report, code,
                                                                  ANTT_TARGET_LEVEL_COMMUNE, 0);
      g_autofree char *explanation = antt_target_result_dup_explanation (result);

      g_print ("  %-4s %-8s %8.1f  %s\n", code, antt_target_state_to_string (result->state),
               result->value, explanation);
    }
  g_print ("\n");
}

static int
run (GError **error)
{
  BenchData data;
  Evaluation evaluation = { &data, NULL };
  double evaluate_ms, first_ms, group_ms, scan_ms, evaluate_cpu = 0, group_cpu = 0, scan_cpu = 0;
  double single_ms, single_cpu = 0;
  int status = EXIT_FAILURE;

  if (!bench_data_open (&data, opt_database, opt_scale, opt_seed, "bench-targets", error))
    goto out;

  g_print ("Evaluating the whole movement, %s to %s, %d runs each…\n\n", data.from, data.to,
           opt_runs);
  evaluate_ms = bench_time_median (measure_evaluation, &evaluation, opt_runs, &evaluate_cpu,
                                   &first_ms, error);
  if (evaluate_ms < 0)
    goto out;
  antt_targets_set_parallel (FALSE);
  single_ms = bench_time_median (measure_evaluation, &evaluation, opt_runs, &single_cpu, NULL,
                                 error);
  antt_targets_set_parallel (TRUE);
  if (single_ms < 0)
    goto out;
  group_ms = time_queries (data.path, group_queries, data.from, data.to, &group_cpu, error);
  if (group_ms < 0)
    goto out;
  scan_ms = time_queries (data.path, scan_queries, data.from, data.to, &scan_cpu, error);
  if (scan_ms < 0)
    goto out;

  print_commune (evaluation.report);
  {
    g_autofree char *runs = g_strdup_printf ("median of %d runs", opt_runs);

    g_print ("%-52s %10s %10s\n", runs, "clock", "processor");
  }
  g_print ("%-52s %7.1f ms %7.1f ms\n", "antt_targets_evaluate (all targets, all levels)",
           evaluate_ms, evaluate_cpu);
  g_print ("%-52s %7.1f ms %10s\n", "  its first run (cold page cache, new memory)", first_ms,
           "");
  g_print ("%-52s %7.1f ms %7.1f ms\n", "  on one connection, one thread", single_ms, single_cpu);
  g_print ("%-52s %7.1f ms %7.1f ms\n", "floor: plain GROUP BY counts, SQLite's plans",
           group_ms, group_cpu);
  g_print ("%-52s %7.1f ms %7.1f ms\n", "floor: one plain scan of each table read",
           scan_ms, scan_cpu);
  g_print ("ratio evaluate / GROUP BY floor: %.2f, / scan floor: %.2f\n",
           evaluate_ms / MAX (group_ms, 1e-3), evaluate_ms / MAX (scan_ms, 1e-3));

  if (opt_mmap_mib > 0)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA mmap_size = %" G_GINT64_FORMAT,
                                                 (gint64) opt_mmap_mib * 1024 * 1024);
      double mmap_ms, mmap_cpu;

      if (!antt_database_exec (data.db, pragma, error))
        goto out;
      mmap_ms = bench_time_median (measure_evaluation, &evaluation, opt_runs, &mmap_cpu, NULL,
                                   error);
      if (mmap_ms < 0)
        goto out;
      g_print ("%-52s %7.1f ms %7.1f ms\n", pragma, mmap_ms, mmap_cpu);
    }

  g_print ("Goal ≤ %.0f ms: %s\n", GOAL_MS, evaluate_ms <= GOAL_MS ? "met" : "not met");
  status = EXIT_SUCCESS;

out:
  g_clear_pointer (&evaluation.report, antt_target_report_unref);
  bench_data_clear (&data, opt_keep);
  return status;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— time the evaluation of every target");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-targets: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (opt_scale < 1 || opt_scale > 10000 || opt_runs < 1 || opt_runs > 1000)
    {
      g_printerr ("bench-targets: --scale must be between 1 and 10000, --runs between 1 "
                  "and 1000.\n");
      return EXIT_FAILURE;
    }

  status = run (&error);
  if (error != NULL)
    g_printerr ("bench-targets: %s\n", error->message);
  return status;
}
