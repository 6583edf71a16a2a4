/* test-backups.c: the backup dialog, the Backups window, the restore flow
 * and the snapshot on quit, on real data files and real backup files.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "antt-application.h"
#include "antt-backup-dialog.h"
#include "antt-backup.h"
#include "antt-backups-window.h"
#include "antt-database.h"
#include "antt-demo.h"
#include "antt-record-form.h"
#include "antt-records.h"
#include "antt-restore.h"
#include "antt-window.h"

#define FIRST_TEAM   "Tổ bảo vệ ANTT thôn Đồng Tâm"
#define SECOND_TEAM  "Tổ bảo vệ ANTT thôn Tân Tiến"
#define PASSPHRASE   "Công an xã Bình Lương 2025"
#define WAIT_SECONDS 120

static char *data_home;   /* XDG_DATA_HOME of the whole run */

typedef struct
{
  char *dir;
  char *path;      /* the data file */
  char *usb;       /* a folder standing for the USB drive */
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
add_team (AnttDatabase *db,
          const char   *name)
{
  g_autoptr(GError) error = NULL;
  AnttRecord *record = antt_record_new ("teams");

  antt_record_set_string (record, "name", name);
  g_assert_cmpint (antt_records_insert (db, record, &error), >, 0);
  g_assert_no_error (error);
  antt_record_unref (record);
}

static gint64
count_teams (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = antt_database_open (path, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  gint64 n;

  g_assert_no_error (error);
  n = antt_records_count (db, "teams", NULL, &error);
  g_assert_no_error (error);
  return n;
}

static char *
snapshot_folder (void)
{
  return g_build_filename (data_home, "thidua-antt", "snapshots", NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  g_autofree char *snapshots = snapshot_folder ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_setenv ("ANTT_TODAY", "2025-02-10", TRUE);
  g_setenv ("ANTT_PAGE", "teams/teams", TRUE);
  g_settings_reset (settings, "last-backup-folder");
  g_settings_reset (settings, "snapshot-keep");
  remove_tree (snapshots);

  fixture->dir = g_dir_make_tmp ("antt-backups-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "thidua-antt.db", NULL);
  fixture->usb = g_build_filename (fixture->dir, "usb", NULL);
  g_assert_cmpint (g_mkdir (fixture->usb, 0700), ==, 0);

  db = antt_database_open (fixture->path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  add_team (db, FIRST_TEAM);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->usb, g_free);
  g_clear_pointer (&fixture->dir, g_free);
  g_unsetenv ("ANTT_TODAY");
  g_unsetenv ("ANTT_PAGE");
}

/* Runs the main loop until *flag, failing after WAIT_SECONDS. */
static void
wait_for_flag (gboolean *flag)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!*flag)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Widgets ------------------------------------------------------------------------------- */

static gboolean
text_has (const char *text,
          const char *needle)
{
  return text != NULL && strstr (text, needle) != NULL;
}

/* Whether a label, or a row's title or subtitle, under @root says @needle. */
static gboolean
shows_text (GtkWidget  *root,
            const char *needle)
{
  if (GTK_IS_LABEL (root) && text_has (gtk_label_get_text (GTK_LABEL (root)), needle))
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (root) &&
      text_has (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), needle))
    return TRUE;
  if (ADW_IS_ACTION_ROW (root) &&
      text_has (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)), needle))
    return TRUE;
  if (ADW_IS_EXPANDER_ROW (root) &&
      text_has (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (root)), needle))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, needle))
      return TRUE;

  return FALSE;
}

static void
wait_for_text (GtkWidget  *root,
               const char *needle)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!shows_text (root, needle))
    {
      if (g_get_monotonic_time () > end)
        g_error ("“%s” never showed", needle);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The message dialog with that heading, once it is shown. */
static AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  for (;;)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
              g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                         heading) == 0)
            return ADW_MESSAGE_DIALOG (window);
        }

      if (g_get_monotonic_time () > end)
        g_error ("no dialog “%s”", heading);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (root));

      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0 ||
          (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), label) == 0))
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A click on the dialog's button with that label. */
static void
respond (AdwMessageDialog *dialog,
         const char       *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static AnttWindow *
open_window (const char *path)
{
  g_autoptr(GError) error = NULL;
  AnttWindow *window = antt_window_new (NULL);

  g_assert_true (antt_window_open_database (window, path, ANTT_DATABASE_FLAGS_NO_CREATE,
                                            &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* The backup dialog ------------------------------------------------------------------ */

typedef struct
{
  gboolean  done;
  char     *path;
  GError   *error;
} BackupResult;

static void
backup_finished_cb (AnttBackupDialog *dialog,
                    AnttBackupInfo   *info,
                    const GError     *error,
                    BackupResult     *result)
{
  result->done = TRUE;
  if (info != NULL)
    result->path = g_strdup (antt_backup_info_get_path (info));
  if (error != NULL)
    result->error = g_error_copy (error);
}

/* Through the dialog, as the clerk does: folder, passphrase, Back Up. */
static char *
backup_through_dialog (AnttWindow *window,
                       const char *path,
                       const char *folder,
                       const char *passphrase)
{
  AnttBackupDialog *dialog = antt_backup_dialog_new (GTK_WINDOW (window), path);
  BackupResult result = { 0 };

  gtk_window_present (GTK_WINDOW (dialog));
  antt_backup_dialog_set_folder (dialog, folder);
  g_assert_cmpstr (antt_backup_dialog_get_folder (dialog), ==, folder);
  antt_backup_dialog_set_passphrase (dialog, passphrase);
  /* Argon2id at its lighter limits: the test asks for it five times. */
  antt_backup_dialog_set_flags (dialog, ANTT_BACKUP_FLAGS_FAST_KDF);
  g_signal_connect (dialog, "finished", G_CALLBACK (backup_finished_cb), &result);

  g_assert_true (antt_backup_dialog_start (dialog));
  /* The progress page, with the stage, while the worker runs. */
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Backing Up…"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Copying the data"));
  wait_for_flag (&result.done);
  g_assert_no_error (result.error);
  g_assert_nonnull (result.path);

  return result.path;
}

static void
test_dialog_backup (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(AnttBackupInfo) verified = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *name = NULL;
  g_autofree char *last = NULL;
  AnttBackupsWindow *backups;
  AnttBackupDialog *dialog;
  AnttBackupManifest *manifest;
  AnttWindow *window;
  const char *entry;
  guint n_files = 0;

  window = open_window (fixture->path);

  /* A passphrase too short, or typed differently twice, stops it, said why. */
  dialog = antt_backup_dialog_new (GTK_WINDOW (window), fixture->path);
  antt_backup_dialog_set_folder (dialog, fixture->usb);
  antt_backup_dialog_set_passphrase (dialog, "ngắn");
  g_assert_false (antt_backup_dialog_start (dialog));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "at least 8 characters"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  backup = backup_through_dialog (window, fixture->path, fixture->usb, NULL);

  /* One whole file, with the final name, that the core verifies. */
  name = g_path_get_basename (backup);
  g_assert_true (g_str_has_prefix (name, "thidua-antt-"));
  g_assert_true (g_str_has_suffix (name, ANTT_BACKUP_SUFFIX));
  dir = g_dir_open (fixture->usb, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)))
    {
      g_assert_cmpstr (entry, ==, name);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 1);

  verified = antt_backup_verify (backup, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  manifest = antt_backup_info_get_manifest (verified);
  g_assert_cmpint (antt_backup_manifest_get_row_count (manifest, "teams"), ==, 1);
  g_assert_false (antt_backup_info_get_encrypted (verified));

  /* The folder is remembered, and the Backups window lists the backup
   * there with what it holds. */
  last = g_settings_get_string (settings, "last-backup-folder");
  g_assert_cmpstr (last, ==, fixture->usb);

  backups = antt_backups_window_new (window, fixture->path);
  gtk_window_present (GTK_WINDOW (backups));
  while (antt_backups_window_get_loading (backups))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (shows_text (GTK_WIDGET (backups), "Last Backup Folder"));
  g_assert_true (shows_text (GTK_WIDGET (backups), backup));
  g_assert_true (shows_text (GTK_WIDGET (backups), antt_backup_manifest_get_commune (manifest)));
  g_assert_true (shows_text (GTK_WIDGET (backups), "1 team"));
  g_assert_true (shows_text (GTK_WIDGET (backups), "data version"));
  g_assert_true (shows_text (GTK_WIDGET (backups), "Automatic Snapshots on This PC"));

  gtk_window_destroy (GTK_WINDOW (backups));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The drives are read off the main thread: the dialog opens at once with
 * a placeholder, then lists them (or says there is none). A destination
 * is chosen by itself only once they are known, so that a drive is still
 * preferred to the last folder. */
static void
test_dialog_drives_later (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) locations = antt_backup_removable_locations ();
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  AnttBackupDialog *dialog;
  AnttWindow *window;

  g_settings_set_string (settings, "last-backup-folder", fixture->usb);
  window = open_window (fixture->path);
  dialog = antt_backup_dialog_new (GTK_WINDOW (window), fixture->path);
  gtk_window_present (GTK_WINDOW (dialog));

  g_assert_true (shows_text (GTK_WIDGET (dialog), "Looking for USB drives"));
  g_assert_false (shows_text (GTK_WIDGET (dialog), "No USB drive found"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Last Used Folder"));
  g_assert_null (antt_backup_dialog_get_folder (dialog));

  while (shows_text (GTK_WIDGET (dialog), "Looking for USB drives"))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  if (locations->len == 0)
    g_assert_true (shows_text (GTK_WIDGET (dialog), "No USB drive found"));
  for (guint i = 0; i < locations->len; i++)
    g_assert_true (shows_text (GTK_WIDGET (dialog),
                               antt_backup_location_get_name (g_ptr_array_index (locations, i))));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Last Used Folder"));
  g_assert_nonnull (antt_backup_dialog_get_folder (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Closing the dialog while it backs up asks first. Kept going, the backup
 * is written; stopped, the dialog goes, nothing is left in the folder (no
 * unfinished file either) and the main window says no file was written. */
static void
test_dialog_close_running (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *keep_folder = g_build_filename (fixture->usb, "giữ", NULL);
  g_autofree char *stop_folder = g_build_filename (fixture->usb, "dừng", NULL);
  BackupResult kept = { 0 };
  BackupResult stopped = { 0 };
  AnttBackupDialog *dialog;
  AdwMessageDialog *ask;
  AnttWindow *window;

  g_assert_cmpint (g_mkdir (keep_folder, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (stop_folder, 0700), ==, 0);
  window = open_window (fixture->path);

  dialog = antt_backup_dialog_new (GTK_WINDOW (window), fixture->path);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  antt_backup_dialog_set_folder (dialog, keep_folder);
  antt_backup_dialog_set_flags (dialog, ANTT_BACKUP_FLAGS_FAST_KDF);
  g_signal_connect (dialog, "finished", G_CALLBACK (backup_finished_cb), &kept);
  g_assert_true (antt_backup_dialog_start (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  /* Asked at once, before the worker could have finished. */
  ask = wait_for_dialog ("Stop the Backup?");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  respond (ask, "_Keep Backing Up");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  wait_for_flag (&kept.done);
  g_assert_no_error (kept.error);
  g_assert_true (g_file_test (kept.path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_files (keep_folder), ==, 1);
  /* Written, the dialog closes itself. */
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);

  /* Argon2id at its usual limits (most of a second): the answer comes
   * long before the backup could end. */
  dialog = antt_backup_dialog_new (GTK_WINDOW (window), fixture->path);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  antt_backup_dialog_set_folder (dialog, stop_folder);
  antt_backup_dialog_set_passphrase (dialog, PASSPHRASE);
  g_signal_connect (dialog, "finished", G_CALLBACK (backup_finished_cb), &stopped);
  g_assert_true (antt_backup_dialog_start (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  ask = wait_for_dialog ("Stop the Backup?");
  respond (ask, "_Stop Backup");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  wait_for_flag (&stopped.done);
  g_assert_error (stopped.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (stopped.path);
  g_assert_cmpuint (count_files (stop_folder), ==, 0);
  wait_for_text (GTK_WIDGET (window), "no backup file was written");
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);

  /* Disposed mid-backup (its last reference dropped by whatever held it):
   * the backup is cancelled, and its late progress and result leave the
   * widgets gone alone (criticals, fatal here, else). */
  {
    g_autofree char *gone_folder = g_build_filename (fixture->usb, "bỏ", NULL);
    AnttBackupDialog *held;
    gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

    g_assert_cmpint (g_mkdir (gone_folder, 0700), ==, 0);
    held = g_object_ref (antt_backup_dialog_new (GTK_WINDOW (window), fixture->path));
    gtk_window_present (GTK_WINDOW (held));
    antt_backup_dialog_set_folder (held, gone_folder);
    antt_backup_dialog_set_passphrase (held, PASSPHRASE);
    g_assert_true (antt_backup_dialog_start (held));
    /* Out of the toplevels (no question asked), then disposed. */
    gtk_window_destroy (GTK_WINDOW (held));
    g_object_run_dispose (G_OBJECT (held));
    /* The worker holds the dialog until its result is in. */
    while (g_atomic_int_get ((int *) &G_OBJECT (held)->ref_count) > 1)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, end);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    g_object_unref (held);
    g_assert_cmpuint (count_files (gone_folder), ==, 0);
  }

  g_free (kept.path);
  g_clear_error (&stopped.error);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A destination that is gone (a drive pulled out): the core's message,
 * and nothing written. */
static void
test_dialog_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *gone = g_build_filename (fixture->usb, "rút ra", NULL);
  AnttBackupDialog *dialog;
  BackupResult result = { 0 };
  AnttWindow *window;

  window = open_window (fixture->path);
  dialog = antt_backup_dialog_new (GTK_WINDOW (window), fixture->path);
  gtk_window_present (GTK_WINDOW (dialog));
  antt_backup_dialog_set_folder (dialog, gone);
  g_signal_connect (dialog, "finished", G_CALLBACK (backup_finished_cb), &result);

  g_assert_true (antt_backup_dialog_start (dialog));
  wait_for_flag (&result.done);
  g_assert_null (result.path);
  g_assert_error (result.error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_NOT_FOUND);
  g_assert_true (shows_text (GTK_WIDGET (dialog), result.error->message));
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));

  g_clear_error (&result.error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An encrypted backup in the Backups window: Verify asks the passphrase,
 * then the row tells what the backup holds; Restore starts the flow. */
static void
test_backups_window_verify (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *backup = NULL;
  AnttBackupsWindow *backups;
  AdwMessageDialog *ask;
  GtkWidget *row;
  AnttWindow *window;

  window = open_window (fixture->path);
  backup = backup_through_dialog (window, fixture->path, fixture->usb, PASSPHRASE);

  backups = antt_backups_window_new (window, fixture->path);
  gtk_window_present (GTK_WINDOW (backups));
  while (antt_backups_window_get_loading (backups))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (shows_text (GTK_WIDGET (backups), "Protected by a passphrase"));
  g_assert_false (shows_text (GTK_WIDGET (backups), "1 team"));
  row = find_of_type (GTK_WIDGET (backups), ADW_TYPE_EXPANDER_ROW);
  /* The snapshots folder is empty: the first backup row is this one. */
  g_assert_nonnull (row);
  g_assert_true (shows_text (row, backup));

  g_signal_emit_by_name (find_button (row, "_Verify"), "clicked");
  ask = wait_for_dialog ("Passphrase Needed");
  gtk_editable_set_text (GTK_EDITABLE (find_of_type (GTK_WIDGET (ask), ADW_TYPE_PASSWORD_ENTRY_ROW)),
                         PASSPHRASE);
  respond (ask, "_Unlock");
  wait_for_text (row, "1 team");
  g_assert_true (shows_text (row, "data version"));

  /* Restore from the row: the flow asks the passphrase first; cancelled,
   * nothing changes. */
  g_signal_emit_by_name (find_button (row, "_Restore"), "clicked");
  respond (wait_for_dialog ("Passphrase Needed"), "_Cancel");
  spin (50);
  g_assert_nonnull (antt_window_get_database (window));
  g_assert_cmpint (count_teams (fixture->path), ==, 1);

  gtk_window_destroy (GTK_WINDOW (backups));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closed and disposed while its folders are still being read: the reads
 * end without touching the widgets gone (a critical, fatal here, before).
 * The reads hold the window: it is finalized once the last one returned. */
static void
test_backups_window_close_loading (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AnttBackupsWindow *backups;
  AnttWindow *window;
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  window = open_window (fixture->path);
  g_settings_set_string (settings, "last-backup-folder", fixture->usb);

  backups = g_object_ref (antt_backups_window_new (window, fixture->path));
  gtk_window_present (GTK_WINDOW (backups));
  g_assert_true (antt_backups_window_get_loading (backups));
  /* Closing alone leaves the window alive until the reads return (they
   * hold it); disposed at once, as anything holding the last other
   * reference may do, its widgets are gone before they return. */
  gtk_window_close (GTK_WINDOW (backups));
  g_object_run_dispose (G_OBJECT (backups));

  /* Each read holds a reference until its callback has run. */
  while (g_atomic_int_get ((int *) &G_OBJECT (backups)->ref_count) > 1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_object_unref (backups);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The restore flow ------------------------------------------------------------------ */

typedef struct
{
  gboolean done;
  gboolean restored;
} RestoreResult;

static void
restore_finished_cb (AnttRestore   *restore,
                     gboolean       restored,
                     RestoreResult *result)
{
  result->done = TRUE;
  result->restored = restored;
}

static guint
count_kind (const char *folder,
            const char *kind)
{
  g_autoptr(GPtrArray) list = antt_backup_list (folder, NULL, NULL);
  guint n = 0;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      AnttBackupManifest *manifest = antt_backup_info_get_manifest (g_ptr_array_index (list, i));

      if (manifest != NULL && g_strcmp0 (antt_backup_manifest_get_kind (manifest), kind) == 0)
        n++;
    }
  return n;
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *backup = NULL;
  g_autofree char *snapshots = snapshot_folder ();
  g_autoptr(AnttRestore) restore = NULL;
  g_autoptr(GError) error = NULL;
  RestoreResult result = { 0 };
  AdwMessageDialog *confirm;
  AnttWindow *window;
  AnttWindow *old_window = NULL;
  AnttRecordForm *form;
  AnttRecordForm *old_form = NULL;
  AnttWindow *restored;

  window = open_window (fixture->path);
  backup = backup_through_dialog (window, fixture->path, fixture->usb, NULL);

  /* Work after the backup, shown on the teams page. */
  add_team (antt_window_get_database (window), SECOND_TEAM);
  wait_for_text (GTK_WIDGET (window), SECOND_TEAM);

  /* A form over the window holds the data file too. */
  form = antt_record_form_new (antt_window_get_database (window), "teams", 0, &error);
  g_assert_no_error (error);
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (form));
  g_set_weak_pointer (&old_form, form);

  restore = antt_restore_new (window, backup, fixture->path);
  g_signal_connect (restore, "finished", G_CALLBACK (restore_finished_cb), &result);
  g_set_weak_pointer (&old_window, window);
  antt_restore_start (restore);

  /* What the backup holds is shown before anything changes. */
  confirm = wait_for_dialog ("Restore This Backup?");
  g_assert_true (shows_text (GTK_WIDGET (confirm), "1 team"));
  g_assert_true (shows_text (GTK_WIDGET (confirm), "automatic snapshot") ||
                 shows_text (GTK_WIDGET (confirm), "backup"));
  g_assert_cmpint (count_teams (fixture->path), ==, 2);
  respond (confirm, "_Restore");

  wait_for_flag (&result.done);
  g_assert_null (antt_restore_get_error (restore));
  g_assert_true (result.restored);

  /* The data file holds the backup's data, a new window shows it, and
   * the data as it was is kept as a safety copy. */
  g_assert_cmpint (count_teams (fixture->path), ==, 1);
  restored = antt_restore_get_window (restore);
  g_assert_nonnull (restored);
  g_assert_null (old_window);
  g_assert_null (old_form);
  g_assert_cmpstr (antt_database_get_path (antt_window_get_database (restored)), ==,
                   fixture->path);
  wait_for_text (GTK_WIDGET (restored), FIRST_TEAM);
  g_assert_false (shows_text (GTK_WIDGET (restored), SECOND_TEAM));
  g_assert_cmpuint (count_kind (snapshots, "safety"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (restored));
}

static gboolean
refuse_close_cb (GtkWindow *window,
                 guint     *asked)
{
  (*asked)++;
  return TRUE;
}

/* Any window over the main window that will not close (here a plain
 * window, as the wizard or the committee window holding unsaved input)
 * stops the restore before anything changes: the clerk is told why, the
 * window and the data stay as they were. */
static void
test_restore_refused_close (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *backup = NULL;
  g_autofree char *snapshots = snapshot_folder ();
  g_autoptr(AnttRestore) restore = NULL;
  RestoreResult result = { 0 };
  const GError *error;
  AdwMessageDialog *failed;
  AnttWindow *window;
  GtkWidget *refuser;
  guint asked = 0;
  gulong id;

  window = open_window (fixture->path);
  backup = backup_through_dialog (window, fixture->path, fixture->usb, NULL);
  add_team (antt_window_get_database (window), SECOND_TEAM);

  refuser = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (refuser), "Unsaved input");
  gtk_window_set_transient_for (GTK_WINDOW (refuser), GTK_WINDOW (window));
  id = g_signal_connect (refuser, "close-request", G_CALLBACK (refuse_close_cb), &asked);
  gtk_window_present (GTK_WINDOW (refuser));

  restore = antt_restore_new (window, backup, fixture->path);
  g_signal_connect (restore, "finished", G_CALLBACK (restore_finished_cb), &result);
  antt_restore_start (restore);
  respond (wait_for_dialog ("Restore This Backup?"), "_Restore");

  wait_for_flag (&result.done);
  g_assert_false (result.restored);
  error = antt_restore_get_error (restore);
  g_assert_error (error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_LOCKED);
  g_assert_true (strstr (error->message, "still open") != NULL);
  failed = wait_for_dialog ("Cannot Restore the Backup");
  g_assert_true (shows_text (GTK_WIDGET (failed), "still open"));

  /* Asked to close, it stayed; nothing else went or changed. */
  g_assert_cmpuint (asked, >=, 1);
  g_assert_true (gtk_widget_get_visible (refuser));
  g_assert_nonnull (antt_window_get_database (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpint (count_teams (fixture->path), ==, 2);
  g_assert_cmpuint (count_kind (snapshots, "safety"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (failed));
  g_signal_handler_disconnect (refuser, id);
  gtk_window_destroy (GTK_WINDOW (refuser));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_restore_wrong_passphrase (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *backup = NULL;
  g_autofree char *snapshots = snapshot_folder ();
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autoptr(AnttRestore) restore = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  RestoreResult result = { 0 };
  AdwMessageDialog *ask;
  const GError *wrong;
  AnttWindow *window;

  window = open_window (fixture->path);
  backup = backup_through_dialog (window, fixture->path, fixture->usb, PASSPHRASE);
  info = antt_backup_read (backup, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (antt_backup_info_get_encrypted (info));
  g_assert_null (antt_backup_info_get_manifest (info));

  add_team (antt_window_get_database (window), SECOND_TEAM);
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_length, NULL));

  restore = antt_restore_new (window, backup, fixture->path);
  g_signal_connect (restore, "finished", G_CALLBACK (restore_finished_cb), &result);
  antt_restore_start (restore);

  ask = wait_for_dialog ("Passphrase Needed");
  gtk_editable_set_text (GTK_EDITABLE (find_of_type (GTK_WIDGET (ask), ADW_TYPE_PASSWORD_ENTRY_ROW)),
                         "not the passphrase");
  respond (ask, "_Unlock");

  /* Asked again, with the core's message; nothing closed or changed. */
  ask = wait_for_dialog ("Passphrase Needed");
  wrong = antt_restore_get_error (restore);
  g_assert_error ((GError *) wrong, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_assert_true (shows_text (GTK_WIDGET (ask), wrong->message));
  g_assert_false (result.done);
  g_assert_nonnull (antt_window_get_database (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  respond (ask, "_Cancel");

  wait_for_flag (&result.done);
  g_assert_false (result.restored);
  g_assert_null (antt_restore_get_window (restore));
  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_cmpint (count_teams (fixture->path), ==, 2);
  g_assert_cmpuint (count_kind (snapshots, "safety"), ==, 0);

  /* The right passphrase restores it. */
  g_clear_object (&restore);
  result.done = FALSE;
  restore = antt_restore_new (window, backup, fixture->path);
  g_signal_connect (restore, "finished", G_CALLBACK (restore_finished_cb), &result);
  antt_restore_start (restore);
  ask = wait_for_dialog ("Passphrase Needed");
  gtk_editable_set_text (GTK_EDITABLE (find_of_type (GTK_WIDGET (ask), ADW_TYPE_PASSWORD_ENTRY_ROW)),
                         PASSPHRASE);
  respond (ask, "_Unlock");
  respond (wait_for_dialog ("Restore This Backup?"), "_Restore");
  wait_for_flag (&result.done);
  g_assert_true (result.restored);
  g_assert_cmpint (count_teams (fixture->path), ==, 1);

  gtk_window_destroy (GTK_WINDOW (antt_restore_get_window (restore)));
}

/* Snapshots ------------------------------------------------------------------------- */

static gint64 quit_time;

static gboolean
quit_cb (gpointer user_data)
{
  quit_time = g_get_real_time ();
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_REMOVE;
}

/* The real application, started on the file and quit from its menu
 * after @open_ms. */
static void
run_app (const char *path,
         guint       open_ms)
{
  g_autoptr(AnttApplication) app = antt_application_new ();
  char *argv[] = { (char *) "thidua-antt", (char *) "--database", (char *) path, NULL };

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (open_ms, quit_cb, app);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
}

static gint64
created_usec (const char *backup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttBackupInfo) info = antt_backup_read (backup, NULL, NULL, &error);
  GDateTime *created;

  g_assert_no_error (error);
  created = antt_backup_manifest_get_created (antt_backup_info_get_manifest (info));
  return g_date_time_to_unix (created) * G_USEC_PER_SEC + g_date_time_get_microsecond (created);
}

static char *
newest_snapshot (const char *folder)
{
  g_autoptr(GPtrArray) list = antt_backup_list (folder, NULL, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      AnttBackupInfo *info = g_ptr_array_index (list, i);
      AnttBackupManifest *manifest = antt_backup_info_get_manifest (info);

      if (manifest != NULL && g_strcmp0 (antt_backup_manifest_get_kind (manifest), "snapshot") == 0)
        return g_strdup (antt_backup_info_get_path (info));
    }
  return NULL;
}

static void
test_snapshot_on_quit (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *snapshots = snapshot_folder ();
  g_autofree char *newest = NULL;
  g_autofree char *newest_again = NULL;
  g_autoptr(GError) error = NULL;

  g_settings_set_int (settings, "snapshot-keep", 3);

  /* The first quit keeps a snapshot. */
  run_app (fixture->path, 200);
  g_assert_cmpuint (count_kind (snapshots, "snapshot"), ==, 1);

  /* Older snapshots, then a change: the quit adds one and keeps three. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AnttBackupInfo) info = antt_backup_snapshot (fixture->path, NULL, 10,
                                                             NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (count_kind (snapshots, "snapshot"), ==, 4);
  spin (20);
  {
    g_autoptr(AnttDatabase) db = antt_database_open (fixture->path,
                                                     ANTT_DATABASE_FLAGS_NO_CREATE, &error);
    g_assert_no_error (error);
    add_team (db, SECOND_TEAM);
  }

  run_app (fixture->path, 200);
  g_assert_cmpuint (count_kind (snapshots, "snapshot"), ==, 3);
  newest = newest_snapshot (snapshots);
  g_assert_nonnull (newest);
  {
    g_autoptr(AnttBackupInfo) info = antt_backup_verify (newest, NULL, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (antt_backup_manifest_get_row_count (antt_backup_info_get_manifest (info),
                                                         "teams"), ==, 2);
  }

  /* Nothing changed since: no new snapshot pushes the older days out. */
  run_app (fixture->path, 200);
  g_assert_cmpuint (count_kind (snapshots, "snapshot"), ==, 3);
  newest_again = newest_snapshot (snapshots);
  g_assert_cmpstr (newest_again, ==, newest);
}

/* While open: a snapshot when none is a day old, taken before the quit;
 * the quit then takes none of the same data. */
static void
test_snapshot_daily (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *snapshots = snapshot_folder ();
  g_autofree char *newest = NULL;
  g_autofree char *newest_again = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("ANTT_SNAPSHOT_FIRST_MS", "100", TRUE);

  run_app (fixture->path, 2500);
  g_assert_cmpuint (count_kind (snapshots, "snapshot"), ==, 1);
  newest = newest_snapshot (snapshots);
  g_assert_cmpint (created_usec (newest), <, quit_time);

  /* A snapshot of today: the daily look takes none, the quit one (the
   * data changed). */
  {
    g_autoptr(AnttDatabase) db = antt_database_open (fixture->path,
                                                     ANTT_DATABASE_FLAGS_NO_CREATE, &error);
    g_assert_no_error (error);
    add_team (db, SECOND_TEAM);
  }
  run_app (fixture->path, 2500);
  g_assert_cmpuint (count_kind (snapshots, "snapshot"), ==, 2);
  newest_again = newest_snapshot (snapshots);
  g_assert_cmpint (created_usec (newest_again), >=, quit_time);

  g_unsetenv ("ANTT_SNAPSHOT_FIRST_MS");
}

static gboolean
has_entry (const char *folder,
           const char *prefix,
           const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, suffix))
      return TRUE;
  return FALSE;
}

/* Quits the application once its daily snapshot is at work: its copy of
 * the data in the work folder, or its unfinished file. */
static gboolean seen_snapshotting;

static gboolean
quit_when_snapshotting_cb (gpointer user_data)
{
  g_autofree char *work = g_build_filename (data_home, "thidua-antt", "tmp", NULL);
  g_autofree char *snapshots = snapshot_folder ();

  seen_snapshotting = has_entry (work, "job-", ".db") || has_entry (snapshots, "", ".partial");
  /* On a fast machine the daily snapshot of a small file can end between
   * two looks: then quit at once, and the end state is checked all the same. */
  if (!seen_snapshotting && !has_entry (snapshots, "", ANTT_BACKUP_SUFFIX) &&
      g_get_real_time () - quit_time < WAIT_SECONDS * G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;

  quit_cb (user_data);
  return G_SOURCE_REMOVE;
}

/* A quit while the daily snapshot is being written: the quit waits for it
 * to stop, then takes its own. One whole snapshot of the data is left,
 * with nothing unfinished beside it, and nothing runs on after the quit. */
static void
test_snapshot_quit_during_daily (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *snapshots = snapshot_folder ();
  g_autofree char *work = g_build_filename (data_home, "thidua-antt", "tmp", NULL);
  g_autofree char *newest = NULL;
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autoptr(AnttApplication) app = antt_application_new ();
  g_autoptr(GError) error = NULL;
  char *argv[] = { (char *) "thidua-antt", (char *) "--database", fixture->path, NULL };
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 teams;

  /* A commune's year of records: the snapshot takes long enough to be seen. */
  {
    g_autoptr(AnttDatabase) db = antt_database_open (fixture->path,
                                                     ANTT_DATABASE_FLAGS_NO_CREATE, &error);
    g_assert_no_error (error);
    g_assert_true (antt_demo_generate (db, 1, 7, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  teams = count_teams (fixture->path);

  g_setenv ("ANTT_SNAPSHOT_FIRST_MS", "50", TRUE);
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  seen_snapshotting = FALSE;
  quit_time = g_get_real_time ();
  g_timeout_add (1, quit_when_snapshotting_cb, app);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  /* It quit with the daily snapshot at work, or just after it ended. */
  if (!seen_snapshotting)
    g_test_message ("the daily snapshot ended before the quit came; "
                    "the quit's own wait was not exercised this time");
  g_assert_cmpuint (count_kind (snapshots, "snapshot"), >=, 1);
  g_unsetenv ("ANTT_SNAPSHOT_FIRST_MS");

  before = antt_backup_list (snapshots, NULL, NULL);
  g_assert_false (has_entry (snapshots, "", ".partial"));
  g_assert_false (has_entry (work, "job-", ".db"));
  g_assert_cmpuint (count_kind (snapshots, "snapshot"), ==, 1);
  newest = newest_snapshot (snapshots);
  info = antt_backup_verify (newest, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (antt_backup_manifest_get_row_count (antt_backup_info_get_manifest (info),
                                                       "teams"), ==, teams);

  /* Nothing still writes there once the application is gone. */
  spin (300);
  after = antt_backup_list (snapshots, NULL, NULL);
  g_assert_cmpuint (before->len, ==, after->len);
  g_assert_false (has_entry (snapshots, "", ".partial"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything reads it: the snapshots go into this run's folder. */
  data_home = g_dir_make_tmp ("antt-backups-home-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/backups/dialog-backup", Fixture, NULL,
              fixture_set_up, test_dialog_backup, fixture_tear_down);
  g_test_add ("/backups/dialog-drives-later", Fixture, NULL,
              fixture_set_up, test_dialog_drives_later, fixture_tear_down);
  g_test_add ("/backups/dialog-close-running", Fixture, NULL,
              fixture_set_up, test_dialog_close_running, fixture_tear_down);
  g_test_add ("/backups/dialog-error", Fixture, NULL,
              fixture_set_up, test_dialog_error, fixture_tear_down);
  g_test_add ("/backups/window-verify", Fixture, NULL,
              fixture_set_up, test_backups_window_verify, fixture_tear_down);
  g_test_add ("/backups/window-close-loading", Fixture, NULL,
              fixture_set_up, test_backups_window_close_loading, fixture_tear_down);
  g_test_add ("/backups/restore", Fixture, NULL,
              fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/backups/restore-refused-close", Fixture, NULL,
              fixture_set_up, test_restore_refused_close, fixture_tear_down);
  g_test_add ("/backups/restore-wrong-passphrase", Fixture, NULL,
              fixture_set_up, test_restore_wrong_passphrase, fixture_tear_down);
  g_test_add ("/backups/snapshot-on-quit", Fixture, NULL,
              fixture_set_up, test_snapshot_on_quit, fixture_tear_down);
  g_test_add ("/backups/snapshot-daily", Fixture, NULL,
              fixture_set_up, test_snapshot_daily, fixture_tear_down);
  g_test_add ("/backups/snapshot-quit-during-daily", Fixture, NULL,
              fixture_set_up, test_snapshot_quit_during_daily, fixture_tear_down);

  status = g_test_run ();
  remove_tree (data_home);
  g_free (data_home);
  return status;
}
