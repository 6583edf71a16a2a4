/* bench-insert.c: how much slower is the records API than SQLite itself?
 *
 * 1. Generates --scale communes' worth of records into a new file through
 *    antt_demo_generate() (the records API: validation and audit rows), and
 *    times it up to the file being closed.
 * 2. Writes every row of that file (all tables, the audit log included) as
 *    INSERT statements into a script wrapped in one transaction, after the
 *    pragmas that our connection had while generating (read from it: today
 *    foreign keys on, WAL, synchronous NORMAL and the default page cache).
 *    Writing the script is not timed.
 * 3. Creates a second file with the same schema and no rows, and times
 *    `sqlite3 FILE < script`: the same rows, as fast as SQLite takes them.
 * 4. Checks that both files now hold the same rows, and prints the times,
 *    rows per second and their ratio against the goal of 1.5.
 *
 * Both sides are timed in wall-clock seconds (the goal) and in CPU seconds
 * (user + system, of this process or of the sqlite3 child), which a busy
 * machine disturbs less. With --repeat, each side runs that many times on
 * fresh files and the best time counts.
 *
 * Run by `meson test --benchmark` at the province scale (300) and, as a quick
 * smoke test that the benchmark still runs, at scale 1.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "antt-database-private.h"
#include "antt-demo.h"

#define GOAL_RATIO 1.5
#define EXIT_SKIP 77

static int      opt_scale = 300;
static int      opt_seed = 1;
static int      opt_repeat = 1;
static char    *opt_sqlite3 = NULL;
static gboolean opt_keep = FALSE;

static GOptionEntry entries[] = {
  { "scale", 'n', 0, G_OPTION_ARG_INT, &opt_scale,
    "How many communes' worth of a year (default 300: a province)", "N" },
  { "seed", 's', 0, G_OPTION_ARG_INT, &opt_seed, "Seed of the generator (default 1)", "SEED" },
  { "repeat", 'r', 0, G_OPTION_ARG_INT, &opt_repeat,
    "Time each side this many times and keep the best (default 1)", "N" },
  { "sqlite3", 0, 0, G_OPTION_ARG_FILENAME, &opt_sqlite3,
    "The sqlite3 shell to compare with (default: from PATH)", "PROGRAM" },
  { "keep", 'k', 0, G_OPTION_ARG_NONE, &opt_keep,
    "Keep the temporary folder with both files and the script", NULL },
  { NULL }
};

typedef struct
{
  double wall;
  double cpu;
} Timing;

static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void
timing_start (Timing *t,
              int     who)
{
  t->wall = g_get_monotonic_time () / 1e6;
  t->cpu = cpu_seconds (who);
}

static void
timing_stop (Timing *t,
             int     who)
{
  t->wall = g_get_monotonic_time () / 1e6 - t->wall;
  t->cpu = cpu_seconds (who) - t->cpu;
}

static void
timing_keep_best (Timing       *best,
                  const Timing *t)
{
  if (best->wall <= 0 || t->wall < best->wall)
    best->wall = t->wall;
  if (best->cpu <= 0 || t->cpu < best->cpu)
    best->cpu = t->cpu;
}

static gboolean
set_sqlite_error (sqlite3     *db,
                  const char  *what,
                  GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", what,
               db ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

static sqlite3 *
open_read_only (const char  *path,
                GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, path, error);
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* The tables in the order they were created, which is an order that the
 * foreign keys accept. */
static GPtrArray *
list_tables (sqlite3  *db,
             GError  **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                          " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, "listing the tables", error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (db, "listing the tables", error);
      return NULL;
    }
  return g_steal_pointer (&tables);
}

static gboolean
count_rows (const char  *path,
            gint64      *n_rows,
            GError     **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  sqlite3 *db = open_read_only (path, error);
  gboolean ok = TRUE;

  if (db == NULL)
    return FALSE;
  tables = list_tables (db, error);
  *n_rows = 0;
  for (guint i = 0; ok && tables != NULL && i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"",
                                              (char *) g_ptr_array_index (tables, i));
      sqlite3_stmt *stmt = NULL;

      ok = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
           sqlite3_step (stmt) == SQLITE_ROW;
      if (ok)
        *n_rows += sqlite3_column_int64 (stmt, 0);
      else
        set_sqlite_error (db, sql, error);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return ok && tables != NULL;
}

/* The statement that makes one INSERT line per row of @table, values
 * quoted by SQLite itself so that the script gives back the same values. */
static char *
dump_query (sqlite3     *db,
            const char  *table,
            GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *info = g_strdup_printf ("PRAGMA table_info (\"%s\")", table);
  sqlite3_stmt *stmt = NULL;
  gboolean first = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (db, info, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, info, error);
      return NULL;
    }
  g_string_append_printf (sql, "SELECT 'INSERT INTO \"%s\" VALUES('", table);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append_printf (sql, " || %squote (\"%s\")", first ? "" : "',' || ",
                              (const char *) sqlite3_column_text (stmt, 1));
      first = FALSE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (db, info, error);
      return NULL;
    }
  g_string_append_printf (sql, " || ');' FROM \"%s\" ORDER BY rowid", table);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Writes the rows of @path as INSERT statements to @out (when not NULL),
 * and their SHA-256 to @digest. */
static gboolean
dump_rows (const char  *path,
           FILE        *out,
           char       **digest,
           gint64      *n_rows,
           GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = NULL;
  sqlite3 *db = open_read_only (path, error);
  gboolean ok = TRUE;

  if (db == NULL)
    return FALSE;
  tables = list_tables (db, error);
  ok = tables != NULL;
  *n_rows = 0;

  for (guint i = 0; ok && i < tables->len; i++)
    {
      g_autofree char *sql = dump_query (db, g_ptr_array_index (tables, i), error);
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sql == NULL || sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          ok = sql == NULL ? FALSE : set_sqlite_error (db, sql, error);
          break;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 0);
          int len = sqlite3_column_bytes (stmt, 0);

          g_checksum_update (checksum, (const guchar *) line, len);
          g_checksum_update (checksum, (const guchar *) "\n", 1);
          if (out != NULL && (fwrite (line, 1, len, out) != (size_t) len || fputc ('\n', out) == EOF))
            {
              int saved_errno = errno;

              g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           "Cannot write the script: %s", g_strerror (saved_errno));
              ok = FALSE;
              break;
            }
          (*n_rows)++;
        }
      if (ok && rc != SQLITE_DONE)
        ok = set_sqlite_error (db, sql, error);
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  if (ok)
    *digest = g_strdup (g_checksum_get_string (checksum));
  return ok;
}

/* The settings of our connection that decide how fast it writes, as
 * statements for the sqlite3 shell, so that both sides write the same way. */
static char *
connection_pragmas (AnttDatabase  *db,
                    GError       **error)
{
  static const char *const names[] = {
    "foreign_keys", "journal_mode", "synchronous", "cache_size",
  };
  sqlite3 *handle = antt_database_get_handle (db);
  GString *pragmas = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA %s", names[i]);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK ||
          sqlite3_step (stmt) != SQLITE_ROW)
        {
          set_sqlite_error (handle, sql, error);
          sqlite3_finalize (stmt);
          g_string_free (pragmas, TRUE);
          return NULL;
        }
      g_string_append_printf (pragmas, "PRAGMA %s = %s;\n", names[i],
                              (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  return g_string_free (pragmas, FALSE);
}

static gboolean
write_script (const char  *db_path,
              const char  *pragmas,
              const char  *script_path,
              char       **digest,
              gint64      *n_rows,
              GError     **error)
{
  FILE *out = g_fopen (script_path, "w");
  gboolean ok;

  if (out == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot create %s: %s", script_path, g_strerror (saved_errno));
      return FALSE;
    }

  fputs (pragmas, out);
  fputs ("BEGIN;\n", out);
  ok = dump_rows (db_path, out, digest, n_rows, error);
  fputs ("COMMIT;\n", out);

  if (fclose (out) != 0 && ok)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot write %s: %s", script_path, g_strerror (saved_errno));
      ok = FALSE;
    }
  return ok;
}

static void
remove_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Generates into a new file at @path, timed up to the file being closed
 * (COMMIT and the checkpoint included, as the sqlite3 shell does on exit);
 * the pragmas of the connection are returned in @pragmas. */
static gboolean
generate (const char  *path,
          gint64      *rows_before,
          char       **pragmas,
          Timing      *timing,
          GError     **error)
{
  g_autoptr(AnttDatabase) db = NULL;

  remove_database (path);
  db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, error);
  if (db == NULL || !count_rows (path, rows_before, error))
    return FALSE;

  timing_start (timing, RUSAGE_SELF);
  if (!antt_demo_generate (db, (guint) opt_scale, (guint32) opt_seed, NULL, NULL, error))
    return FALSE;
  /* Four PRAGMA reads: too cheap to distort the time. */
  *pragmas = connection_pragmas (db, error);
  g_clear_object (&db);
  timing_stop (timing, RUSAGE_SELF);
  return *pragmas != NULL;
}

static gboolean
load_with_sqlite3 (const char  *sqlite3_path,
                   const char  *db_path,
                   const char  *script_path,
                   Timing      *timing,
                   GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *errors = NULL;

  /* A file with the same schema and no rows. */
  remove_database (db_path);
  {
    g_autoptr(AnttDatabase) db = antt_database_open (db_path, ANTT_DATABASE_FLAGS_NO_SEED,
                                                     error);
    if (db == NULL)
      return FALSE;
  }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_stdin_file_path (launcher, script_path);

  timing_start (timing, RUSAGE_CHILDREN);
  process = g_subprocess_launcher_spawn (launcher, error, sqlite3_path, "-bail", db_path, NULL);
  if (process == NULL ||
      !g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &errors, error))
    return FALSE;
  timing_stop (timing, RUSAGE_CHILDREN);

  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sqlite3 failed: %s",
                   errors && *errors ? errors : "(no message)");
      return FALSE;
    }
  return TRUE;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
format_count (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static void
print_line (const char   *what,
            gint64        rows,
            const Timing *t)
{
  g_autofree char *count = format_count (rows);
  g_autofree char *rate = format_count ((gint64) (rows / MAX (t->wall, 1e-6)));

  g_print ("%-26s %12s %10.2f %10.2f %12s\n", what, count, t->wall, t->cpu, rate);
}

static int
run (GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *api_path = NULL;
  g_autofree char *sql_path = NULL;
  g_autofree char *script_path = NULL;
  g_autofree char *sqlite3_path = NULL;
  g_autofree char *pragmas = NULL;
  g_autofree char *api_digest = NULL;
  g_autofree char *sql_digest = NULL;
  gint64 rows_before = 0, rows_after = 0, rows_script = 0, rows_loaded = 0;
  Timing api = { 0 }, sql = { 0 };
  double ratio, cpu_ratio;
  int status = EXIT_FAILURE;

  sqlite3_path = opt_sqlite3 ? g_strdup (opt_sqlite3) : g_find_program_in_path ("sqlite3");
  if (sqlite3_path == NULL)
    {
      g_print ("sqlite3 not found in PATH: nothing to compare with, skipped.\n");
      return EXIT_SKIP;
    }

  dir = g_dir_make_tmp ("antt-bench-insert-XXXXXX", error);
  if (dir == NULL)
    return EXIT_FAILURE;
  api_path = g_build_filename (dir, "records-api.db", NULL);
  sql_path = g_build_filename (dir, "sqlite3.db", NULL);
  script_path = g_build_filename (dir, "inserts.sql", NULL);

  /* 1. The records API. */
  g_print ("Generating scale %d (seed %d) through the records API…\n", opt_scale, opt_seed);
  for (int i = 0; i < opt_repeat; i++)
    {
      Timing t;

      g_clear_pointer (&pragmas, g_free);
      if (!generate (api_path, &rows_before, &pragmas, &t, error))
        goto out;
      timing_keep_best (&api, &t);
    }

  /* 2. The same rows as a script (not timed). */
  if (!count_rows (api_path, &rows_after, error) ||
      !write_script (api_path, pragmas, script_path, &api_digest, &rows_script, error))
    goto out;

  /* 3. SQLite alone, into a file with the same schema and no rows. */
  g_print ("Loading the same %" G_GINT64_FORMAT " rows with %s…\n", rows_script, sqlite3_path);
  for (int i = 0; i < opt_repeat; i++)
    {
      Timing t;

      if (!load_with_sqlite3 (sqlite3_path, sql_path, script_path, &t, error))
        goto out;
      timing_keep_best (&sql, &t);
    }

  /* 4. Both files hold the same rows. */
  if (!dump_rows (sql_path, NULL, &sql_digest, &rows_loaded, error))
    goto out;
  if (rows_loaded != rows_script || g_strcmp0 (api_digest, sql_digest) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The two files differ: %" G_GINT64_FORMAT " rows (SHA-256 %s) against %"
                   G_GINT64_FORMAT " (SHA-256 %s)",
                   rows_script, api_digest, rows_loaded, sql_digest);
      goto out;
    }

  ratio = api.wall / MAX (sql.wall, 1e-6);
  cpu_ratio = api.cpu / MAX (sql.cpu, 1e-6);
  g_print ("\nScale %d, seed %d, best of %d; both files hold the same %" G_GINT64_FORMAT
           " rows\n(the %" G_GINT64_FORMAT " rows of the seeded plan are loaded by sqlite3 "
           "only).\n\n",
           opt_scale, opt_seed, opt_repeat, rows_script, rows_script - (rows_after - rows_before));
  g_print ("%-26s %12s %10s %10s %12s\n", "", "rows", "wall s", "cpu s", "rows/s");
  print_line ("records API", rows_after - rows_before, &api);
  print_line ("sqlite3 < inserts.sql", rows_script, &sql);
  g_print ("%-26s %12s %10.2f %10.2f\n", "ratio API / sqlite3", "", ratio, cpu_ratio);
  g_print ("\nGoal: ratio ≤ %.1f — %s\n", GOAL_RATIO, ratio <= GOAL_RATIO ? "met" : "not met");
  status = EXIT_SUCCESS;

out:
  if (opt_keep)
    g_print ("Files kept in %s\n", dir);
  else
    remove_tree (dir);
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

  context = g_option_context_new ("— time the records API against sqlite3");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-insert: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (opt_scale < 1 || opt_scale > 10000 || opt_repeat < 1)
    {
      g_printerr ("bench-insert: --scale must be between 1 and 10000, --repeat at least 1.\n");
      return EXIT_FAILURE;
    }

  status = run (&error);
  if (error != NULL)
    g_printerr ("bench-insert: %s\n", error->message);
  return status;
}
