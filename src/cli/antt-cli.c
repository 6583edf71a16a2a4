/* antt-cli.c: the jobs that need no window, on the same core as the app.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "antt-backup.h"
#include "antt-database.h"
#include "antt-date.h"
#include "antt-cli-report.h"
#include "antt-demo.h"
#include "antt-records.h"

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

static char *database_path;

static GOptionEntry global_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path,
    N_("The data file (default: the app's own)"), N_("FILE") },
  { NULL }
};

static int
fail (GError *error)
{
  g_printerr ("antt-cli: %s\n", error->message);
  g_error_free (error);
  return EXIT_FAILURE;
}

static gboolean
parse_options (const char    *command,
               const char    *summary,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               GError       **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *parameter = g_strdup_printf ("%s", command);

  context = g_option_context_new (parameter);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

static AnttDatabase *
open_database (AnttDatabaseFlags   flags,
               GError            **error)
{
  return antt_database_open (database_path, flags, error);
}

static int
cmd_init (int    argc,
          char **argv)
{
  g_autoptr(AnttDatabase) db = NULL;
  GError *error = NULL;

  if (!parse_options ("init", _("Create the data file with the default plan, "
                                "or check an existing one."),
                      NULL, &argc, &argv, &error))
    return fail (error);

  db = open_database (ANTT_DATABASE_FLAGS_NONE, &error);
  if (db == NULL)
    return fail (error);

  g_print (_("Data file ready: %s (data version %d)\n"),
           antt_database_get_path (db), antt_database_get_schema_version (db));
  return EXIT_SUCCESS;
}

static void
print_date_line (const char *label,
                 const char *iso)
{
  g_autofree char *shown = antt_date_iso_to_display (iso);
  glong width = g_utf8_strlen (label, -1);

  /* Pad by characters, not bytes: Vietnamese letters take two or three. */
  g_print ("  %s%*s %s\n", label, (int) MAX (0, 22 - width), "", shown ? shown : "—");
}

/* "còn 12 ngày" / "quá hạn 3 ngày" from today to the deadline. */
static void
print_deadline (const char *iso)
{
  g_autofree char *today = antt_date_today_iso ();
  g_autofree char *shown = antt_date_iso_to_display (iso);
  int days = antt_date_days_between (today, iso);

  if (days >= 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "  Report due before %s: %d day left\n",
                          "  Report due before %s: %d days left\n", days),
             shown, days);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "  Report due before %s: overdue by %d day\n",
                          "  Report due before %s: overdue by %d days\n", -days),
             shown, -days);
}

static int
cmd_info (int    argc,
          char **argv)
{
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  GError *error = NULL;
  guint n_tables;
  const AnttTable *const *tables;

  if (!parse_options ("info", _("Show the movement, its phases and how many records "
                                "each table holds."),
                      NULL, &argc, &argv, &error))
    return fail (error);

  db = open_database (ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  if (db == NULL)
    return fail (error);

  g_print (_("Data file: %s\n"), antt_database_get_path (db));
  g_print (_("Data version: %d\n"), antt_database_get_schema_version (db));

  campaigns = antt_records_list (db, "campaigns", NULL, &error);
  if (campaigns == NULL)
    return fail (error);

  for (guint i = 0; i < campaigns->len; i++)
    {
      AnttRecord *campaign = g_ptr_array_index (campaigns, i);
      g_autoptr(AnttFilter) filter = antt_filter_new ();
      g_autoptr(GPtrArray) phases = NULL;

      g_print ("\n%s\n", antt_record_get_string (campaign, "name"));
      g_print (_("Theme: “%s”\n"), antt_record_get_string (campaign, "theme"));
      print_date_line (_("From:"), antt_record_get_string (campaign, "start_date"));
      print_date_line (_("To:"), antt_record_get_string (campaign, "end_date"));

      antt_filter_add_equals (filter, "campaign_id", antt_record_get_id (campaign));
      phases = antt_records_list (db, "phases", filter, &error);
      if (phases == NULL)
        return fail (error);

      for (guint j = 0; j < phases->len; j++)
        {
          AnttRecord *phase = g_ptr_array_index (phases, j);
          g_autofree char *from = antt_date_iso_to_display (antt_record_get_string (phase, "start_date"));
          g_autofree char *to = antt_date_iso_to_display (antt_record_get_string (phase, "end_date"));

          g_print ("\n%s: %s – %s (%s)\n", antt_record_get_string (phase, "name"), from, to,
                   antt_record_get_string (phase, "review_name"));
          if (!antt_record_is_null (phase, "report_deadline"))
            print_deadline (antt_record_get_string (phase, "report_deadline"));
        }
    }

  g_print ("\n%s\n", _("Records:"));
  tables = antt_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      gint64 count = antt_records_count (db, tables[i]->name, NULL, &error);

      if (count < 0)
        return fail (error);
      g_print ("  %-24s %" G_GINT64_FORMAT "\n", tables[i]->name, count);
    }

  return EXIT_SUCCESS;
}

static void
demo_progress (double   fraction,
               gpointer user_data)
{
  if (isatty (2))
    g_printerr ("\r%3.0f%%", fraction * 100.0);
}

static int
cmd_demo_data (int    argc,
               char **argv)
{
  g_autoptr(AnttDatabase) db = NULL;
  GError *error = NULL;
  int scale = 1;
  int seed = 1;
  GOptionEntry entries[] = {
    { "scale", 'n', 0, G_OPTION_ARG_INT, &scale,
      N_("How many communes' worth of a year (1: one commune; 300: a province)"), "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed,
      N_("Seed of the generator: the same seed gives the same records"), "SEED" },
    { NULL }
  };
  gint64 start;

  if (!parse_options ("demo-data", _("Fill the data file with realistic generated records."),
                      entries, &argc, &argv, &error))
    return fail (error);

  if (scale < 1 || scale > 10000)
    {
      g_printerr ("antt-cli: %s\n", _("--scale must be between 1 and 10000."));
      return EXIT_FAILURE;
    }

  db = open_database (ANTT_DATABASE_FLAGS_NONE, &error);
  if (db == NULL)
    return fail (error);

  start = g_get_monotonic_time ();
  if (!antt_demo_generate (db, (guint) scale, (guint32) seed, demo_progress, NULL, &error))
    return fail (error);

  if (isatty (2))
    g_printerr ("\r");
  g_print (_("Generated demo records at scale %d in %.1f s.\n"), scale,
           (g_get_monotonic_time () - start) / 1e6);
  return EXIT_SUCCESS;
}

/* Backups ------------------------------------------------------------------ */

static char *
data_file_path (void)
{
  return database_path ? g_strdup (database_path) : antt_database_default_path ();
}

/* One line of standard input, without its line break; NULL at the end. */
static char *
read_stdin_line (void)
{
  GString *line = g_string_new (NULL);
  int c;

  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (line, (char) c);
  if (c == EOF && line->len == 0)
    {
      g_string_free (line, TRUE);
      return NULL;
    }
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  return g_string_free (line, FALSE);
}

static void
free_passphrase (char *passphrase)
{
  if (passphrase != NULL)
    {
      memset (passphrase, 0, strlen (passphrase));
      g_free (passphrase);
    }
}

/* The passphrase comes from a file or from standard input, never from the
 * command line, where other users of the PC could read it. NULL with no
 * error: none was asked for. */
static gboolean
read_passphrase (const char  *file,
                 gboolean     from_stdin,
                 char       **passphrase,
                 GError     **error)
{
  *passphrase = NULL;

  if (file != NULL && from_stdin)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Give the passphrase either with --passphrase-file or with "
                             "--passphrase-stdin, not both."));
      return FALSE;
    }

  if (file != NULL)
    {
      char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (file, &contents, &length, error))
        return FALSE;
      /* The first line: a file written with echo or an editor ends in a
       * line break that is not part of the passphrase. */
      contents[strcspn (contents, "\r\n")] = '\0';
      *passphrase = contents;
    }
  else if (from_stdin)
    *passphrase = read_stdin_line ();
  else
    return TRUE;

  if (*passphrase == NULL || (*passphrase)[0] == '\0')
    {
      free_passphrase (*passphrase);
      *passphrase = NULL;
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("The passphrase is empty. Put it on the first line of the file "
                             "(or of the standard input)."));
      return FALSE;
    }
  return TRUE;
}

static void
backup_progress (AnttBackupStage  stage,
                 double           fraction,
                 gpointer         user_data)
{
  if (isatty (2))
    g_printerr ("\r%3.0f%% %-40s", fraction * 100.0, antt_backup_stage_describe (stage));
}

static void
end_progress (void)
{
  if (isatty (2))
    g_printerr ("\r%50s\r", "");
}

static int
fail_backup (GError *error)
{
  end_progress ();
  if (g_error_matches (error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_NEEDS_PASSPHRASE))
    {
      g_printerr ("antt-cli: %s %s\n", error->message,
                  _("Use --passphrase-file FILE or --passphrase-stdin."));
      g_error_free (error);
      return EXIT_FAILURE;
    }
  return fail (error);
}

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "snapshot") == 0)
    return _("automatic snapshot");
  if (g_strcmp0 (kind, "safety") == 0)
    return _("copy kept before a restore");
  return _("backup");
}

static void
print_label (const char *label)
{
  glong width = g_utf8_strlen (label, -1);

  /* Pad by characters, not bytes: Vietnamese letters take two or three. */
  g_print ("  %s%*s ", label, (int) MAX (0, 16 - width), "");
}

static void
print_backup (AnttBackupInfo *info,
              gboolean        with_tables)
{
  AnttBackupManifest *manifest = antt_backup_info_get_manifest (info);
  g_autofree char *size = g_format_size (antt_backup_info_get_size (info));

  g_print ("%s\n", antt_backup_info_get_path (info));
  print_label (_("Size:"));
  g_print ("%s%s\n", size, antt_backup_info_get_encrypted (info)
                           ? _(", protected by a passphrase") : "");
  if (manifest == NULL)
    return;

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (antt_backup_manifest_get_created (manifest));
    g_autofree char *created = g_date_time_format (local, "%d/%m/%Y %H:%M");

    print_label (_("Commune:"));
    g_print ("%s\n", antt_backup_manifest_get_commune (manifest));
    print_label (_("Made:"));
    g_print (_("%s (%s, Thi đua ANTT %s, data version %d)\n"), created,
             kind_label (antt_backup_manifest_get_kind (manifest)),
             antt_backup_manifest_get_app_version (manifest),
             antt_backup_manifest_get_schema_version (manifest));
    print_label (_("Records:"));
    g_print ("%" G_GINT64_FORMAT "\n", antt_backup_manifest_get_total_rows (manifest));
  }

  if (with_tables)
    {
      const char *const *tables = antt_backup_manifest_get_tables (manifest);

      for (guint i = 0; tables[i] != NULL; i++)
        g_print ("    %-24s %" G_GINT64_FORMAT "\n", tables[i],
                 antt_backup_manifest_get_row_count (manifest, tables[i]));
    }
}

/* The first removable drive with room for the data, for a backup without
 * --to: what the clerk would pick in the app. */
static char *
pick_removable_folder (const char  *data_file,
                       GError     **error)
{
  g_autoptr(GPtrArray) locations = antt_backup_removable_locations ();
  g_autoptr(GFile) file = g_file_new_for_path (data_file);
  g_autoptr(GFileInfo) file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                      G_FILE_QUERY_INFO_NONE, NULL, NULL);
  guint64 needed = file_info ? (guint64) g_file_info_get_size (file_info) : 0;

  for (guint i = 0; i < locations->len; i++)
    {
      AnttBackupLocation *location = g_ptr_array_index (locations, i);

      if (!antt_backup_location_get_read_only (location) &&
          antt_backup_location_get_free (location) > needed)
        return g_strdup (antt_backup_location_get_path (location));
    }

  g_set_error_literal (error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_NOT_FOUND,
                       locations->len == 0
                       ? _("No USB drive found. Plug one in, or give a folder with --to FOLDER.")
                       : _("No USB drive has room for the backup. Free some space, or give "
                           "a folder with --to FOLDER."));
  return NULL;
}

static int
cmd_backup (int    argc,
            char **argv)
{
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autofree char *path = NULL;
  g_autofree char *to = NULL;
  g_autofree char *passphrase_file = NULL;
  char *passphrase = NULL;
  gboolean passphrase_stdin = FALSE;
  gboolean low_memory = FALSE;
  GError *error = NULL;
  GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_FILENAME, &to,
      N_("The folder to write to (default: the first USB drive with room)"), N_("FOLDER") },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Protect the backup with the passphrase on the first line of FILE"), N_("FILE") },
    { "passphrase-stdin", 0, 0, G_OPTION_ARG_NONE, &passphrase_stdin,
      N_("Protect the backup with the passphrase read from standard input"), NULL },
    { "low-memory", 0, 0, G_OPTION_ARG_NONE, &low_memory,
      N_("Use less memory (64 MiB instead of 256) to protect the backup"), NULL },
    { NULL }
  };
  gint64 start;
  int status;

  if (!parse_options ("backup", _("Write a verified backup of the data file to a USB drive "
                                  "or a folder."),
                      entries, &argc, &argv, &error))
    return fail (error);
  path = data_file_path ();
  if (argc > 1)
    {
      g_printerr (_("antt-cli: unexpected argument “%s”.\n"), argv[1]);
      return EXIT_FAILURE;
    }
  if (!read_passphrase (passphrase_file, passphrase_stdin, &passphrase, &error))
    return fail (error);
  if (to == NULL && (to = pick_removable_folder (path, &error)) == NULL)
    {
      free_passphrase (passphrase);
      return fail (error);
    }

  start = g_get_monotonic_time ();
  info = antt_backup_create (path, to, passphrase,
                             low_memory ? ANTT_BACKUP_FLAGS_FAST_KDF : ANTT_BACKUP_FLAGS_NONE,
                             backup_progress, NULL, NULL, &error);
  status = info ? EXIT_SUCCESS : EXIT_FAILURE;
  if (info == NULL)
    {
      free_passphrase (passphrase);
      return fail_backup (error);
    }
  end_progress ();

  g_print (_("Backup written and verified in %.1f s:\n"), (g_get_monotonic_time () - start) / 1e6);
  print_backup (info, FALSE);
  if (passphrase != NULL)
    g_print ("%s\n", _("Keep the passphrase safe: without it this backup cannot be opened, "
                       "and a forgotten passphrase cannot be recovered."));
  free_passphrase (passphrase);
  return status;
}

static int
cmd_verify (int    argc,
            char **argv)
{
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autofree char *passphrase_file = NULL;
  char *passphrase = NULL;
  gboolean passphrase_stdin = FALSE;
  GError *error = NULL;
  GOptionEntry entries[] = {
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("The passphrase of a protected backup, on the first line of FILE"), N_("FILE") },
    { "passphrase-stdin", 0, 0, G_OPTION_ARG_NONE, &passphrase_stdin,
      N_("Read the passphrase from standard input"), NULL },
    { NULL }
  };

  if (!parse_options ("verify FILE", _("Check a backup completely without restoring it."),
                      entries, &argc, &argv, &error))
    return fail (error);
  if (argc != 2)
    {
      g_printerr ("antt-cli: %s\n", _("Give the backup file to check: antt-cli verify FILE"));
      return EXIT_FAILURE;
    }
  if (!read_passphrase (passphrase_file, passphrase_stdin, &passphrase, &error))
    return fail (error);

  info = antt_backup_verify (argv[1], passphrase, backup_progress, NULL, NULL, &error);
  free_passphrase (passphrase);
  if (info == NULL)
    return fail_backup (error);
  end_progress ();

  g_print ("%s\n", _("The backup is whole and can be restored:"));
  print_backup (info, TRUE);
  return EXIT_SUCCESS;
}

static gboolean
confirmed (const char *answer)
{
  g_autofree char *folded = answer ? g_utf8_casefold (g_strstrip ((char *) answer), -1) : NULL;

  return folded != NULL &&
         (g_str_equal (folded, "y") || g_str_equal (folded, "yes") ||
          g_str_equal (folded, "c") || g_str_equal (folded, "co") ||
          g_str_equal (folded, "có") || g_str_equal (folded, _("yes")));
}

static int
cmd_restore (int    argc,
             char **argv)
{
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autoptr(AnttBackupInfo) safety = NULL;
  g_autofree char *path = NULL;
  g_autofree char *passphrase_file = NULL;
  char *passphrase = NULL;
  gboolean passphrase_stdin = FALSE;
  gboolean yes = FALSE;
  GError *error = NULL;
  GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes,
      N_("Do not ask before replacing the data"), NULL },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("The passphrase of a protected backup, on the first line of FILE"), N_("FILE") },
    { "passphrase-stdin", 0, 0, G_OPTION_ARG_NONE, &passphrase_stdin,
      N_("Read the passphrase from the first line of standard input"), NULL },
    { NULL }
  };

  if (!parse_options ("restore FILE", _("Replace the data file with the contents of a "
                                        "backup, after checking it. The current data is "
                                        "kept as a snapshot first."),
                      entries, &argc, &argv, &error))
    return fail (error);
  path = data_file_path ();
  if (argc != 2)
    {
      g_printerr ("antt-cli: %s\n", _("Give the backup file to restore: antt-cli restore FILE"));
      return EXIT_FAILURE;
    }
  if (!read_passphrase (passphrase_file, passphrase_stdin, &passphrase, &error))
    return fail (error);

  /* What it holds, before anything changes. */
  info = antt_backup_read (argv[1], passphrase, NULL, &error);
  if (info == NULL || antt_backup_info_get_manifest (info) == NULL)
    {
      free_passphrase (passphrase);
      if (error == NULL)
        g_set_error (&error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_NEEDS_PASSPHRASE,
                     _("“%s” is protected by a passphrase. Give the passphrase to open it."),
                     argv[1]);
      return fail_backup (error);
    }
  g_print ("%s\n", _("The backup holds:"));
  print_backup (info, TRUE);

  if (!yes)
    {
      g_autofree char *answer = NULL;

      g_print (_("Replace the data in “%s” with this backup? The current data is kept as a "
                 "snapshot. [y/N] "), path);
      fflush (stdout);
      answer = read_stdin_line ();
      if (!confirmed (answer))
        {
          free_passphrase (passphrase);
          g_printerr ("antt-cli: %s\n", _("Not restored; nothing was changed."));
          return EXIT_FAILURE;
        }
    }

  if (!antt_backup_restore (argv[1], passphrase, path, NULL, &safety, backup_progress, NULL,
                            NULL, &error))
    {
      free_passphrase (passphrase);
      return fail_backup (error);
    }
  free_passphrase (passphrase);
  end_progress ();

  g_print (_("Restored into %s.\n"), path);
  if (safety != NULL)
    g_print (_("The data it replaced was kept in %s.\n"), antt_backup_info_get_path (safety));
  return EXIT_SUCCESS;
}

static int
cmd_snapshot (int    argc,
              char **argv)
{
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  int keep = ANTT_BACKUP_DEFAULT_KEEP;
  GError *error = NULL;
  GOptionEntry entries[] = {
    { "keep", 'k', 0, G_OPTION_ARG_INT, &keep,
      N_("How many automatic snapshots to keep (default 14)"), "N" },
    { "folder", 'f', 0, G_OPTION_ARG_FILENAME, &folder,
      N_("The snapshot folder (default: in the app's data folder)"), N_("FOLDER") },
    { NULL }
  };

  if (!parse_options ("snapshot", _("Keep a snapshot of the data file on this PC, and only "
                                    "the newest ones."),
                      entries, &argc, &argv, &error))
    return fail (error);
  path = data_file_path ();
  if (keep < 1 || keep > 10000)
    {
      g_printerr ("antt-cli: %s\n", _("--keep must be between 1 and 10000."));
      return EXIT_FAILURE;
    }

  info = antt_backup_snapshot (path, folder, (guint) keep, backup_progress, NULL, NULL, &error);
  if (info == NULL)
    return fail_backup (error);
  end_progress ();

  g_print ("%s\n", _("Snapshot written:"));
  print_backup (info, FALSE);
  return EXIT_SUCCESS;
}

static int
cmd_list_backups (int    argc,
                  char **argv)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *folder = NULL;
  GError *error = NULL;

  if (!parse_options ("list-backups [FOLDER]",
                      _("List the backups in a folder (default: the snapshots on this PC) "
                        "with what they hold."),
                      NULL, &argc, &argv, &error))
    return fail (error);
  if (argc > 2)
    {
      g_printerr (_("antt-cli: unexpected argument “%s”.\n"), argv[2]);
      return EXIT_FAILURE;
    }

  folder = argc == 2 ? g_strdup (argv[1]) : antt_backup_default_snapshot_folder ();
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_printerr (_("antt-cli: “%s” is not a folder.\n"), folder);
      return EXIT_FAILURE;
    }
  list = antt_backup_list (folder, NULL, &error);
  if (list == NULL)
    return fail (error);

  if (list->len == 0)
    g_print (_("No backups in %s.\n"), folder);
  for (guint i = 0; i < list->len; i++)
    {
      AnttBackupInfo *info = g_ptr_array_index (list, i);
      const GError *problem = antt_backup_info_get_problem (info);

      if (i > 0)
        g_print ("\n");
      print_backup (info, FALSE);
      if (problem != NULL)
        {
          print_label (_("Problem:"));
          g_print ("%s\n", problem->message);
        }
    }
  return EXIT_SUCCESS;
}

static const Command commands[] = {
  { "init", N_("Create the data file, or check it"), cmd_init },
  { "info", N_("Show the movement, phases and record counts"), cmd_info },
  { "demo-data", N_("Fill the data file with generated records"), cmd_demo_data },
  { "backup", N_("Write a verified backup to a USB drive or a folder"), cmd_backup },
  { "verify", N_("Check a backup without restoring it"), cmd_verify },
  { "restore", N_("Replace the data with a backup, keeping a copy"), cmd_restore },
  { "snapshot", N_("Keep a snapshot of the data on this PC"), cmd_snapshot },
  { "list-backups", N_("List the backups in a folder"), cmd_list_backups },
  { "report", N_("Write a report, list, minutes or dossier as PDF"), antt_cli_report },
  { "export-csv", N_("Write a table or list as CSV for spreadsheets"), antt_cli_export_csv },
};

static void
print_usage (void)
{
  g_print ("%s\n\n", _("Usage: antt-cli [--database FILE] COMMAND [OPTIONS]"));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Run “antt-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  const char *name = NULL;
  int cmd_index = 0;

  setlocale (LC_ALL, "");
  /* Tests and the uninstalled build point this at the build's catalogs. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ANTT_LOCALEDIR") ? g_getenv ("ANTT_LOCALEDIR")
                                                               : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The command is the first argument that is not an option or its value. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--database") || g_str_equal (argv[i], "-d"))
        {
          i++;
          continue;
        }
      if (argv[i][0] != '-')
        {
          name = argv[i];
          cmd_index = i;
          break;
        }
    }

  if (name == NULL)
    {
      print_usage ();
      return argc > 1 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
             ? EXIT_SUCCESS : EXIT_FAILURE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i].name, name))
        {
          /* Drop the command word so that GOption sees only options. */
          for (int j = cmd_index; j < argc - 1; j++)
            argv[j] = argv[j + 1];
          argc--;
          return commands[i].run (argc, argv);
        }
    }

  g_printerr (_("antt-cli: unknown command “%s”.\n"), name);
  print_usage ();
  return EXIT_FAILURE;
}
