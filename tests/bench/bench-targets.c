/* bench-targets.c: how long does the overview wait for the sixteen targets?
 *
 * 1. Generates --scale communes' worth of a year into a new file through
 *    antt_demo_generate() (not timed; at 300, a province, it takes minutes),
 *    or opens the file given with --database.
 * 2. Times antt_targets_evaluate() for the whole default movement, every
 *    target for the commune, every team and every village: the median of
 *    --runs runs (7) on the same connection, as the app would repeat it.
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

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "antt-database-private.h"
#include "antt-date.h"
#include "antt-demo.h"
#include "antt-records.h"
#include "antt-targets.h"

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

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Runs the evaluation --runs times; returns the median in ms, of the clock
 * and (in @cpu_ms) of this thread's processor time, which other programs
 * running on the machine disturb less. */
static double
time_evaluation (AnttDatabase       *db,
                 gint64              campaign_id,
                 const char         *from,
                 const char         *to,
                 const char         *today,
                 double             *cpu_ms,
                 AnttTargetReport  **last,
                 GError            **error)
{
  g_autofree double *ms = g_new (double, opt_runs);
  g_autofree double *cpu = g_new (double, opt_runs);

  for (int i = 0; i < opt_runs; i++)
    {
      g_autoptr(AnttTargetReport) report = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = thread_cpu_ms ();

      report = antt_targets_evaluate (db, campaign_id, from, to, today, error);
      if (report == NULL)
        return -1;
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[i] = thread_cpu_ms () - cpu_start;
      if (i == opt_runs - 1 && last != NULL)
        *last = g_steal_pointer (&report);
    }
  *cpu_ms = median (cpu, (guint) opt_runs);
  return median (ms, (guint) opt_runs);
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
      double cpu_start = thread_cpu_ms ();

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
      cpu[i] = thread_cpu_ms () - cpu_start;
    }
  *cpu_ms = median (cpu, (guint) opt_runs);
  result = median (ms, (guint) opt_runs);

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
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *today = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(AnttTargetReport) report = NULL;
  gint64 campaign_id;
  double evaluate_ms, group_ms, scan_ms, evaluate_cpu = 0, group_cpu = 0, scan_cpu = 0;
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

      dir = g_dir_make_tmp ("antt-bench-targets-XXXXXX", error);
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
      /* Start from a checkpointed file, as the app finds it when opened. */
      g_clear_object (&db);
      db = antt_database_open (path, ANTT_DATABASE_FLAGS_NO_CREATE, error);
      if (db == NULL)
        return EXIT_FAILURE;
    }

  campaign_id = default_campaign (db, error);
  if (campaign_id == 0 ||
      !antt_targets_get_campaign_period (db, campaign_id, &from, &to, error))
    return EXIT_FAILURE;

  /* Judged a week after the movement's end, as at the final review. */
  if (!antt_date_parse_iso (to, &day))
    g_assert_not_reached ();
  g_date_add_days (&day, 7);
  today = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day),
                           (guint) g_date_get_month (&day), (guint) g_date_get_day (&day));

  g_print ("Evaluating the whole movement, %s to %s, %d runs each…\n\n", from, to, opt_runs);
  evaluate_ms = time_evaluation (db, campaign_id, from, to, today, &evaluate_cpu, &report, error);
  if (evaluate_ms < 0)
    return EXIT_FAILURE;
  group_ms = time_queries (path, group_queries, from, to, &group_cpu, error);
  if (group_ms < 0)
    return EXIT_FAILURE;
  scan_ms = time_queries (path, scan_queries, from, to, &scan_cpu, error);
  if (scan_ms < 0)
    return EXIT_FAILURE;

  print_commune (report);
  {
    g_autofree char *runs = g_strdup_printf ("median of %d runs", opt_runs);

    g_print ("%-52s %10s %10s\n", runs, "clock", "processor");
  }
  g_print ("%-52s %7.1f ms %7.1f ms\n", "antt_targets_evaluate (all targets, all levels)",
           evaluate_ms, evaluate_cpu);
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

      if (!antt_database_exec (db, pragma, error))
        return EXIT_FAILURE;
      mmap_ms = time_evaluation (db, campaign_id, from, to, today, &mmap_cpu, NULL, error);
      if (mmap_ms < 0)
        return EXIT_FAILURE;
      g_print ("%-52s %7.1f ms %7.1f ms\n", pragma, mmap_ms, mmap_cpu);
    }

  g_print ("Goal ≤ %.0f ms: %s\n", GOAL_MS, evaluate_ms <= GOAL_MS ? "met" : "not met");

  g_clear_object (&db);
  if (dir != NULL)
    {
      if (opt_keep)
        g_print ("File kept: %s\n", path);
      else
        {
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          g_unlink (path);
          g_unlink (wal);
          g_unlink (shm);
          g_rmdir (dir);
        }
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
