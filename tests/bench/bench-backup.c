/* bench-backup.c: how much slower is our backup than the standard tools?
 *
 * On one demo database (--scale communes' worth, generated through
 * antt_demo_generate() into a temporary folder, or --database FILE), in one
 * run, timing each side on the same disk:
 *
 *   backup, standard:  sqlite3 SRC ".backup DST"; sync; sha256sum DST;
 *                      sqlite3 DST "PRAGMA quick_check"
 *   backup, ours:      antt_backup_create(), plain and with a passphrase
 *                      (snapshot, integrity check, SHA-256, manifest, write,
 *                      fsync, read-back comparison, rename)
 *   restore, standard: sqlite3 TARGET ".restore DST"; sync; sha256sum DST;
 *                      sqlite3 TARGET "PRAGMA quick_check"
 *   restore, ours:     antt_backup_restore() over a copy of the data, plain
 *                      and with the passphrase (verification, integrity
 *                      check, row counts, safety copy of the current data,
 *                      fsync, atomic rename)
 *
 * and prints the times and their ratios against the goals: 1.2 plain, 2
 * encrypted. The passphrase costs Argon2id at libsodium's "moderate" limits
 * (256 MiB), as a user gets it. Wall-clock seconds are the goal; CPU
 * seconds (user + system, of this process or of the children) are printed
 * beside them. With --repeat, each side runs that many times and the best
 * time counts.
 *
 * Run by `meson test --benchmark` at the province scale (300) and, as a quick
 * smoke test that the benchmark still runs, at scale 1.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "antt-backup.h"
#include "antt-database.h"
#include "antt-demo.h"

#define GOAL_PLAIN      1.2
#define GOAL_ENCRYPTED  2.0
#define PASSPHRASE      "cây đa giếng nước sân đình"
#define EXIT_SKIP       77

static int      opt_scale = 300;
static int      opt_seed = 1;
static int      opt_repeat = 1;
static char    *opt_database = NULL;
static char    *opt_sqlite3 = NULL;
static gboolean opt_keep = FALSE;

static GOptionEntry entries[] = {
  { "scale", 'n', 0, G_OPTION_ARG_INT, &opt_scale,
    "How many communes' worth of a year (default 300: a province)", "N" },
  { "seed", 's', 0, G_OPTION_ARG_INT, &opt_seed, "Seed of the generator (default 1)", "SEED" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    "Use this data file instead of generating one (it is only read)", "FILE" },
  { "repeat", 'r', 0, G_OPTION_ARG_INT, &opt_repeat,
    "Time each side this many times and keep the best (default 1)", "N" },
  { "sqlite3", 0, 0, G_OPTION_ARG_FILENAME, &opt_sqlite3,
    "The sqlite3 shell to compare with (default: from PATH)", "PROGRAM" },
  { "keep", 'k', 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the temporary folder", NULL },
  { NULL }
};

typedef struct
{
  double wall;
  double cpu;
} Timing;

static double
cpu_seconds (void)
{
  struct rusage self, children;

  getrusage (RUSAGE_SELF, &self);
  getrusage (RUSAGE_CHILDREN, &children);
  return self.ru_utime.tv_sec + self.ru_utime.tv_usec / 1e6 +
         self.ru_stime.tv_sec + self.ru_stime.tv_usec / 1e6 +
         children.ru_utime.tv_sec + children.ru_utime.tv_usec / 1e6 +
         children.ru_stime.tv_sec + children.ru_stime.tv_usec / 1e6;
}

static void
timing_start (Timing *t)
{
  t->wall = g_get_monotonic_time () / 1e6;
  t->cpu = cpu_seconds ();
}

static void
timing_stop (Timing *t)
{
  t->wall = g_get_monotonic_time () / 1e6 - t->wall;
  t->cpu = cpu_seconds () - t->cpu;
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
run (char      **out,
     GError    **error,
     const char *first,
     ...) G_GNUC_NULL_TERMINATED;

/* Runs a program to its end; its output is kept in out (or dropped). */
static gboolean
run (char      **out,
     GError    **error,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               error);
  if (process == NULL ||
      !g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, &stderr_text, error))
    return FALSE;
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed: %s", first,
                   stderr_text ? stderr_text : "");
      return FALSE;
    }
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  return TRUE;
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);

  return g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

static gboolean
quick_check (const char  *sqlite3_path,
             const char  *db,
             GError     **error)
{
  g_autofree char *out = NULL;

  if (!run (&out, error, sqlite3_path, db, "PRAGMA quick_check", NULL))
    return FALSE;
  if (!g_str_has_prefix (out, "ok"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "quick_check of %s: %s", db, out);
      return FALSE;
    }
  return TRUE;
}

static gboolean
standard_backup (const char  *sqlite3_path,
                 const char  *source,
                 const char  *dest,
                 Timing      *t,
                 GError     **error)
{
  g_autofree char *command = g_strdup_printf (".backup '%s'", dest);

  g_remove (dest);
  timing_start (t);
  if (!run (NULL, error, sqlite3_path, source, command, NULL) ||
      !run (NULL, error, "sync", NULL) ||
      !run (NULL, error, "sha256sum", dest, NULL) ||
      !quick_check (sqlite3_path, dest, error))
    return FALSE;
  timing_stop (t);
  return TRUE;
}

static gboolean
standard_restore (const char  *sqlite3_path,
                  const char  *backup,
                  const char  *source,
                  const char  *target,
                  Timing      *t,
                  GError     **error)
{
  g_autofree char *command = g_strdup_printf (".restore '%s'", backup);

  if (!copy_file (source, target, error))
    return FALSE;
  timing_start (t);
  if (!run (NULL, error, sqlite3_path, target, command, NULL) ||
      !run (NULL, error, "sync", NULL) ||
      !run (NULL, error, "sha256sum", backup, NULL) ||
      !quick_check (sqlite3_path, target, error))
    return FALSE;
  timing_stop (t);
  return TRUE;
}

static AnttBackupInfo *
our_backup (const char  *source,
            const char  *folder,
            const char  *passphrase,
            Timing      *t,
            GError     **error)
{
  AnttBackupInfo *info;

  remove_tree (folder);
  g_mkdir_with_parents (folder, 0700);
  timing_start (t);
  info = antt_backup_create (source, folder, passphrase, ANTT_BACKUP_FLAGS_NONE, NULL, NULL,
                             NULL, error);
  timing_stop (t);
  return info;
}

static gboolean
our_restore (AnttBackupInfo  *backup,
             const char      *passphrase,
             const char      *source,
             const char      *target,
             const char      *snapshots,
             Timing          *t,
             GError         **error)
{
  g_autoptr(AnttBackupInfo) safety = NULL;
  gboolean ok;

  /* Over existing data, as in the office: its safety copy is part of it. */
  if (!copy_file (source, target, error))
    return FALSE;
  remove_tree (snapshots);
  timing_start (t);
  ok = antt_backup_restore (antt_backup_info_get_path (backup), passphrase, target, snapshots,
                            &safety, NULL, NULL, NULL, error);
  timing_stop (t);
  return ok;
}

static void
print_line (const char   *what,
            const Timing *t,
            const Timing *standard,
            double        goal)
{
  if (standard == NULL)
    {
      g_print ("  %-30s %7.2f s wall %7.2f s CPU\n", what, t->wall, t->cpu);
      return;
    }
  g_print ("  %-30s %7.2f s wall %7.2f s CPU   ratio %.2f (goal ≤ %.1f: %s), CPU ratio %.2f\n",
           what, t->wall, t->cpu, t->wall / standard->wall, goal,
           t->wall / standard->wall <= goal ? "met" : "NOT met", t->cpu / standard->cpu);
}

static gboolean
run_benchmark (const char  *sqlite3_path,
               const char  *dir,
               GError     **error)
{
  g_autofree char *source = opt_database ? g_strdup (opt_database)
                                         : g_build_filename (dir, "demo.db", NULL);
  g_autofree char *std_backup = g_build_filename (dir, "standard-backup.db", NULL);
  g_autofree char *std_target = g_build_filename (dir, "standard-target.db", NULL);
  g_autofree char *our_target = g_build_filename (dir, "our-target.db", NULL);
  g_autofree char *plain_folder = g_build_filename (dir, "stick-plain", NULL);
  g_autofree char *encrypted_folder = g_build_filename (dir, "stick-encrypted", NULL);
  g_autofree char *snapshots = g_build_filename (dir, "snapshots", NULL);
  g_autofree char *size = NULL;
  g_autoptr(AnttBackupInfo) plain = NULL;
  g_autoptr(AnttBackupInfo) encrypted = NULL;
  Timing best_std_backup = { 0 }, best_plain = { 0 }, best_encrypted = { 0 };
  Timing best_std_restore = { 0 }, best_restore_plain = { 0 }, best_restore_encrypted = { 0 };

  if (opt_database == NULL)
    {
      g_autoptr(AnttDatabase) db = antt_database_open (source, ANTT_DATABASE_FLAGS_NONE, error);
      gint64 start = g_get_monotonic_time ();

      if (db == NULL || !antt_demo_generate (db, (guint) opt_scale, (guint32) opt_seed, NULL,
                                             NULL, error))
        return FALSE;
      g_print ("Generated the demo data at scale %d in %.1f s.\n", opt_scale,
               (g_get_monotonic_time () - start) / 1e6);
    }
  {
    GStatBuf st;

    if (g_stat (source, &st) != 0)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s does not exist", source);
        return FALSE;
      }
    size = g_format_size ((guint64) st.st_size);
  }
  g_print ("Data file: %s (%s)\n", source, size);

  for (int i = 0; i < MAX (opt_repeat, 1); i++)
    {
      Timing t;

      if (!standard_backup (sqlite3_path, source, std_backup, &t, error))
        return FALSE;
      timing_keep_best (&best_std_backup, &t);

      g_clear_pointer (&plain, antt_backup_info_unref);
      plain = our_backup (source, plain_folder, NULL, &t, error);
      if (plain == NULL)
        return FALSE;
      timing_keep_best (&best_plain, &t);

      g_clear_pointer (&encrypted, antt_backup_info_unref);
      encrypted = our_backup (source, encrypted_folder, PASSPHRASE, &t, error);
      if (encrypted == NULL)
        return FALSE;
      timing_keep_best (&best_encrypted, &t);

      if (!standard_restore (sqlite3_path, std_backup, source, std_target, &t, error))
        return FALSE;
      timing_keep_best (&best_std_restore, &t);

      if (!our_restore (plain, NULL, source, our_target, snapshots, &t, error))
        return FALSE;
      timing_keep_best (&best_restore_plain, &t);

      if (!our_restore (encrypted, PASSPHRASE, source, our_target, snapshots, &t, error))
        return FALSE;
      timing_keep_best (&best_restore_encrypted, &t);
    }

  g_print ("\nBackup, verification included%s:\n",
           opt_repeat > 1 ? " (best of the runs)" : "");
  print_line ("sqlite3 + sync + sha256sum", &best_std_backup, NULL, 0);
  print_line ("antt_backup_create", &best_plain, &best_std_backup, GOAL_PLAIN);
  print_line ("antt_backup_create, passphrase", &best_encrypted, &best_std_backup, GOAL_ENCRYPTED);
  g_print ("\nRestore, verification included:\n");
  print_line ("sqlite3 + sync + sha256sum", &best_std_restore, NULL, 0);
  print_line ("antt_backup_restore", &best_restore_plain, &best_std_restore, GOAL_PLAIN);
  print_line ("antt_backup_restore, passphrase", &best_restore_encrypted, &best_std_restore,
              GOAL_ENCRYPTED);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sqlite3_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data_home = NULL;
  gboolean ok;

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- time backups against the standard tools");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  sqlite3_path = opt_sqlite3 ? g_strdup (opt_sqlite3) : g_find_program_in_path ("sqlite3");
  if (sqlite3_path == NULL || g_find_program_in_path ("sha256sum") == NULL)
    {
      g_print ("sqlite3 or sha256sum not found in PATH: nothing to compare with, skipped.\n");
      return EXIT_SKIP;
    }

  dir = g_dir_make_tmp ("antt-bench-backup-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  /* Our work files go to the data folder: on the same disk as the others. */
  data_home = g_build_filename (dir, "xdg-data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  ok = run_benchmark (sqlite3_path, dir, &error);
  if (!ok)
    g_printerr ("bench-backup: %s\n", error->message);

  if (opt_keep)
    g_print ("Kept %s\n", dir);
  else
    remove_tree (dir);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
