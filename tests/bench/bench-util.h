/* bench-util.h: what the benchmarks share: the data file of a province
 * (opened, or generated for the run), the movement to measure, and timing
 * by the median of several runs.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "antt-database.h"

G_BEGIN_DECLS

typedef struct
{
  char         *dir;          /* the temporary folder of a generated file, or NULL */
  char         *path;
  AnttDatabase *db;
  gint64        campaign_id;  /* the default movement */
  char         *from;         /* its first and last day */
  char         *to;
  char         *today;        /* a week after its end, as at the final review */
} BenchData;

gboolean bench_data_open       (BenchData   *data,
                                const char  *database,
                                int          scale,
                                int          seed,
                                const char  *name,
                                GError     **error);
void     bench_data_clear      (BenchData   *data,
                                gboolean     keep);

double   bench_thread_cpu_ms   (void);
double   bench_median          (double      *values,
                                guint        n);

typedef gboolean (*BenchMeasure) (gpointer   user_data,
                                  GError   **error);

double   bench_time_median     (BenchMeasure  measure,
                                gpointer      user_data,
                                int           runs,
                                double       *cpu_ms,
                                double       *first_ms,
                                GError      **error);

G_END_DECLS
