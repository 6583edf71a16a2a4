/* bench-util.c: what the benchmarks share (see bench-util.h).
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "antt-date.h"
#include "antt-demo.h"
#include "antt-records.h"
#include "antt-targets.h"
#include "bench-util.h"

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

/**
 * bench_data_open:
 * @database: (nullable): a data file to use (for instance from `antt-cli
 *   demo-data`); %NULL to generate one
 * @scale: how many communes' worth of a year to generate
 * @seed: the generator's seed
 * @name: the benchmark's name, for the temporary folder
 *
 * Opens @database, or generates @scale communes' worth of records into a
 * new file in a temporary folder (not timed; at 300, a province, it takes
 * a minute or more), and reopens it checkpointed, as the app finds it.
 * Then finds the default movement, its period and the day to judge from.
 */
gboolean
bench_data_open (BenchData   *data,
                 const char  *database,
                 int          scale,
                 int          seed,
                 const char  *name,
                 GError     **error)
{
  GDate day;

  memset (data, 0, sizeof *data);
  if (database != NULL)
    {
      data->path = g_strdup (database);
      data->db = antt_database_open (data->path, ANTT_DATABASE_FLAGS_NO_CREATE, error);
      if (data->db == NULL)
        return FALSE;
      g_print ("Using %s.\n", data->path);
    }
  else
    {
      g_autofree char *template = g_strdup_printf ("antt-%s-XXXXXX", name);
      gint64 start;

      data->dir = g_dir_make_tmp (template, error);
      if (data->dir == NULL)
        return FALSE;
      data->path = g_build_filename (data->dir, "demo.db", NULL);
      data->db = antt_database_open (data->path, ANTT_DATABASE_FLAGS_NONE, error);
      if (data->db == NULL)
        return FALSE;
      g_print ("Generating scale %d (seed %d)…\n", scale, seed);
      start = g_get_monotonic_time ();
      if (!antt_demo_generate (data->db, (guint) scale, (guint32) seed, NULL, NULL, error))
        return FALSE;
      g_print ("Generated in %.1f s.\n", (g_get_monotonic_time () - start) / 1e6);
      /* Start from a checkpointed file, as the app finds it when opened. */
      g_clear_object (&data->db);
      data->db = antt_database_open (data->path, ANTT_DATABASE_FLAGS_NO_CREATE, error);
      if (data->db == NULL)
        return FALSE;
    }

  data->campaign_id = default_campaign (data->db, error);
  if (data->campaign_id == 0 ||
      !antt_targets_get_campaign_period (data->db, data->campaign_id, &data->from, &data->to,
                                         error))
    return FALSE;

  /* Judged a week after the movement's end, as at the final review. */
  if (!antt_date_parse_iso (data->to, &day))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The movement ends on “%s”",
                   data->to);
      return FALSE;
    }
  g_date_add_days (&day, 7);
  data->today = antt_date_format_iso (&day);
  return TRUE;
}

/* Closes the file; removes it and its folder if it was generated, unless
 * @keep. */
void
bench_data_clear (BenchData *data,
                  gboolean   keep)
{
  g_clear_object (&data->db);
  if (data->dir != NULL)
    {
      if (keep)
        g_print ("File kept: %s\n", data->path);
      else
        {
          g_autofree char *wal = g_strconcat (data->path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (data->path, "-shm", NULL);

          g_unlink (data->path);
          g_unlink (wal);
          g_unlink (shm);
          g_rmdir (data->dir);
        }
    }
  g_clear_pointer (&data->dir, g_free);
  g_clear_pointer (&data->path, g_free);
  g_clear_pointer (&data->from, g_free);
  g_clear_pointer (&data->to, g_free);
  g_clear_pointer (&data->today, g_free);
}

/* This thread's processor time, which other programs running on the
 * machine disturb less than the clock. */
double
bench_thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

/* Sorts @values. */
double
bench_median (double *values,
              guint   n)
{
  g_return_val_if_fail (n > 0, 0);

  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/**
 * bench_time_median:
 * @cpu_ms: (out): the median of this thread's processor time
 * @first_ms: (out) (optional): the clock time of the first run
 *
 * Runs @measure @runs times.
 *
 * Returns: the median of the clock in ms, or -1 with @error set when a run
 *   failed
 */
double
bench_time_median (BenchMeasure   measure,
                   gpointer       user_data,
                   int            runs,
                   double        *cpu_ms,
                   double        *first_ms,
                   GError       **error)
{
  g_autofree double *ms = g_new (double, MAX (runs, 1));
  g_autofree double *cpu = g_new (double, MAX (runs, 1));

  g_return_val_if_fail (runs > 0, -1);

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = bench_thread_cpu_ms ();

      if (!measure (user_data, error))
        return -1;
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[i] = bench_thread_cpu_ms () - cpu_start;
    }
  if (first_ms != NULL)
    *first_ms = ms[0];
  *cpu_ms = bench_median (cpu, (guint) runs);
  return bench_median (ms, (guint) runs);
}
