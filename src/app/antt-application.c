/* antt-application.c
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "antt-app-util.h"
#include "antt-application.h"
#include "antt-backup-dialog.h"
#include "antt-backup.h"
#include "antt-backups-window.h"
#include "antt-database.h"
#include "antt-restore.h"
#include "antt-window.h"

/* While the app is open, whether a day has passed since the newest
 * snapshot is looked at this often (the first time a few minutes after
 * the start, when the clerk's first edits are in). */
#define SNAPSHOT_CHECK_SECONDS  (60 * 60)
#define SNAPSHOT_FIRST_SECONDS  (5 * 60)
#define SNAPSHOT_EVERY_USEC     (G_TIME_SPAN_DAY)

struct _AnttApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;      /* NULL when the schema is not installed */
  GHashTable     *data_paths;    /* the files opened this session */
  GCancellable   *snapshot_cancellable;
  guint           snapshot_timer;
  gboolean        snapshot_running;
};

G_DEFINE_FINAL_TYPE (AnttApplication, antt_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open this data file instead of the usual one"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

static AnttWindow *
find_window_for_path (AnttApplication *self,
                      const char      *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      AnttDatabase *db;

      if (!ANTT_IS_WINDOW (l->data))
        continue;

      db = antt_window_get_database (l->data);
      if (db != NULL && g_strcmp0 (antt_database_get_path (db), path) == 0)
        return l->data;
    }

  return NULL;
}

/* The file is remembered only once it opened, so that a refused or
 * vanished file is not offered again at the next start. */
static void
remember_database (AnttApplication *self,
                   AnttWindow      *window)
{
  AnttDatabase *db = antt_window_get_database (window);
  g_autofree char *default_path = antt_database_default_path ();
  const char *path;

  if (self->settings == NULL || db == NULL)
    return;

  path = antt_database_get_path (db);
  g_settings_set_string (self->settings, "last-database",
                         g_strcmp0 (path, default_path) == 0 ? "" : path);
}

static gboolean
open_in_window (AnttApplication   *self,
                AnttWindow        *window,
                const char        *path,
                AnttDatabaseFlags  flags)
{
  gboolean opened = antt_window_open_database (window, path, flags, NULL);

  if (opened)
    remember_database (self, window);

  gtk_window_present (GTK_WINDOW (window));

  return opened;
}

/* The last file that opened, or else the default one, created with the
 * plan on first run. A remembered file that has since gone (a USB stick
 * taken out) is reported rather than silently created again. */
static void
open_usual_database (AnttApplication *self,
                     AnttWindow      *window)
{
  g_autofree char *last = NULL;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-database");

  if (last != NULL && last[0] != '\0')
    open_in_window (self, window, last, ANTT_DATABASE_FLAGS_NO_CREATE);
  else
    open_in_window (self, window, NULL, ANTT_DATABASE_FLAGS_NONE);
}

static void
file_chooser_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  AnttApplication *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      GtkWindow *parent = gtk_native_dialog_get_transient_for (dialog);
      AnttWindow *window = path ? find_window_for_path (self, path) : NULL;

      if (window != NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
        }
      else if (path != NULL)
        {
          window = ANTT_IS_WINDOW (parent) ? ANTT_WINDOW (parent) : antt_window_new (self);

          if (open_in_window (self, window, path, ANTT_DATABASE_FLAGS_NO_CREATE))
            {
              g_autofree char *name = g_file_get_basename (file);

              /* Translators: %s is the name of a data file */
              antt_window_add_toast (window, adw_toast_new_format (_("Opened “%s”"), name));
            }
        }
    }

  g_object_unref (dialog);
  g_application_release (G_APPLICATION (self));
}

static void
antt_application_open_database_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  AnttApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) data_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open Data File"),
                                        parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (data_filter, _("Thi đua ANTT data files"));
  gtk_file_filter_add_suffix (data_filter, "db");
  gtk_file_filter_add_suffix (data_filter, "sqlite");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), data_filter);

  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all_filter);

  /* Start beside the file that is open, where its copies usually are. */
  if (ANTT_IS_WINDOW (parent) && antt_window_get_database (ANTT_WINDOW (parent)) != NULL)
    {
      AnttDatabase *db = antt_window_get_database (ANTT_WINDOW (parent));
      g_autoptr(GFile) file = g_file_new_for_path (antt_database_get_path (db));
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }

  /* Keeps the app alive while no window is left, e.g. from the error page. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (native, "response", G_CALLBACK (file_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
antt_application_about_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  AnttApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", "Thi đua ANTT",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Thi đua ANTT authors"),
                        "copyright", _("© 2026 Thi đua ANTT authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Keeps the records of a commune’s security and order "
                                      "emulation movement (phong trào thi đua bảo vệ ANTT): "
                                      "members, activities, targets and award nominations, "
                                      "for the interim review (sơ kết) and the final review "
                                      "(tổng kết)."),
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
  /* GTK holds a toplevel window until it is closed. */
  // cppcheck-suppress memleak
}

/* Closing each window lets it save its state, and a window may later
 * refuse to close while it holds unsaved input. */
static void
antt_application_quit_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  AnttApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

/* Backups -------------------------------------------------------------------- */

/* The window the menu was used from: the active one, or the main window
 * under the dialog that is active. */
static AnttWindow *
main_window (AnttApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  for (GtkWindow *w = window; w != NULL; w = gtk_window_get_transient_for (w))
    if (ANTT_IS_WINDOW (w))
      return ANTT_WINDOW (w);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (ANTT_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* The window's file, or, on the error page of a file that did not open,
 * the usual one: the one a restore is most likely wanted for. */
static char *
data_path_of (AnttApplication *self,
              AnttWindow      *window)
{
  AnttDatabase *db = window ? antt_window_get_database (window) : NULL;
  g_autofree char *last = NULL;

  if (db != NULL)
    return g_strdup (antt_database_get_path (db));

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-database");
  if (last != NULL && last[0] != '\0')
    return g_steal_pointer (&last);
  return antt_database_default_path ();
}

static void
antt_application_backup_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  AnttApplication *self = user_data;
  AnttWindow *window = main_window (self);
  AnttDatabase *db = window ? antt_window_get_database (window) : NULL;
  AnttBackupDialog *dialog;

  if (db == NULL)
    {
      if (window != NULL)
        antt_window_add_toast (window, adw_toast_new (_("No data file is open: there is "
                                                        "nothing to back up.")));
      return;
    }

  dialog = antt_backup_dialog_new (GTK_WINDOW (window), antt_database_get_path (db));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
antt_application_backups_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  AnttApplication *self = user_data;
  AnttWindow *window = main_window (self);
  g_autofree char *path = NULL;

  if (window == NULL)
    return;

  path = data_path_of (self, window);
  gtk_window_present (GTK_WINDOW (antt_backups_window_new (window, path)));
}

static void
restore_chooser_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             gpointer         user_data)
{
  AnttApplication *self = user_data;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (dialog);

  if (response == GTK_RESPONSE_ACCEPT && ANTT_IS_WINDOW (parent))
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autofree char *data_path = data_path_of (self, ANTT_WINDOW (parent));

      if (path != NULL)
        {
          g_autoptr(AnttRestore) restore = antt_restore_new (ANTT_WINDOW (parent), path,
                                                             data_path);
          antt_restore_start (restore);
        }
    }

  g_object_unref (dialog);
  g_application_release (G_APPLICATION (self));
}

/* The restore flow for a backup already chosen (a path). */
static void
antt_application_restore_file_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  AnttApplication *self = user_data;
  AnttWindow *window = main_window (self);
  g_autoptr(AnttRestore) restore = NULL;
  g_autofree char *data_path = NULL;

  if (window == NULL)
    return;

  data_path = data_path_of (self, window);
  restore = antt_restore_new (window, g_variant_get_string (parameter, NULL), data_path);
  antt_restore_start (restore);
}

/* The restore's file chooser, started on @start (a USB drive, else the
 * last backup folder). */
static void
show_restore_chooser (AnttApplication *self,
                      AnttWindow      *window,
                      const char      *start)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) backup_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Restore a Backup"),
                                        GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (backup_filter, _("Thi đua ANTT backups"));
  gtk_file_filter_add_suffix (backup_filter, "anttbak");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), backup_filter);
  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all_filter);

  if (start != NULL && start[0] != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_path (start);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }

  g_application_hold (G_APPLICATION (self));
  g_signal_connect (native, "response", G_CALLBACK (restore_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Waiting for the drives (read in a worker thread) to start the chooser on
 * one; after RESTORE_DRIVES_WAIT_MS the chooser opens without them. */
typedef struct
{
  AnttApplication *self;
  AnttWindow      *window;    /* weak */
  guint            timeout_id;
  gboolean         shown;
} RestorePick;

#define RESTORE_DRIVES_WAIT_MS 1000

static void
restore_pick_show (RestorePick *pick,
                   GPtrArray   *locations)
{
  g_autofree char *start = NULL;

  if (pick->shown)
    return;
  pick->shown = TRUE;
  g_clear_handle_id (&pick->timeout_id, g_source_remove);

  if (pick->window == NULL)
    return;
  if (locations != NULL && locations->len > 0)
    start = g_strdup (antt_backup_location_get_path (g_ptr_array_index (locations, 0)));
  else if (pick->self->settings != NULL)
    start = g_settings_get_string (pick->self->settings, "last-backup-folder");
  show_restore_chooser (pick->self, pick->window, start);
}

static void
restore_pick_free (RestorePick *pick)
{
  g_clear_handle_id (&pick->timeout_id, g_source_remove);
  g_clear_weak_pointer (&pick->window);
  g_free (pick);
}

static gboolean
restore_pick_timeout_cb (gpointer user_data)
{
  RestorePick *pick = user_data;

  pick->timeout_id = 0;
  restore_pick_show (pick, NULL);
  return G_SOURCE_REMOVE;
}

static void
restore_locations_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  RestorePick *pick = user_data;
  g_autoptr(GPtrArray) locations = antt_backup_removable_locations_finish (result, NULL);

  restore_pick_show (pick, locations);
  restore_pick_free (pick);
}

static void
antt_application_restore_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  AnttApplication *self = user_data;
  AnttWindow *window = main_window (self);
  RestorePick *pick;

  if (window == NULL)
    return;

  /* Start on the USB drive, else where the last backup went. */
  pick = g_new0 (RestorePick, 1);
  /* Not held: a drive that never answers must not keep the app from
   * quitting. */
  pick->self = self;
  g_set_weak_pointer (&pick->window, window);
  pick->timeout_id = g_timeout_add (RESTORE_DRIVES_WAIT_MS, restore_pick_timeout_cb, pick);
  antt_backup_removable_locations_async (NULL, restore_locations_cb, pick);
}

/* Snapshots ------------------------------------------------------------------- */

static guint
snapshot_keep (AnttApplication *self)
{
  if (self->settings == NULL)
    return ANTT_BACKUP_DEFAULT_KEEP;
  return (guint) MAX (1, g_settings_get_int (self->settings, "snapshot-keep"));
}

static gint64
unix_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

/* When the newest automatic snapshot was made, 0 for none. */
static gint64
newest_snapshot_usec (GPtrArray *list)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      AnttBackupManifest *manifest = antt_backup_info_get_manifest (g_ptr_array_index (list, i));

      if (manifest != NULL && g_strcmp0 (antt_backup_manifest_get_kind (manifest), "snapshot") == 0)
        return unix_usec (antt_backup_manifest_get_created (manifest));
    }
  return 0;
}

static gint64
modified_usec (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) time = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || (time = g_file_info_get_modification_date_time (info)) == NULL)
    return 0;
  return unix_usec (time);
}

/* On quit, a file that has not changed since the newest snapshot gets no
 * new one: otherwise a few quick starts would push the older days out of
 * the N kept. */
static gboolean
changed_since (const char *path,
               gint64      since_usec)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return since_usec == 0 ||
         modified_usec (path) >= since_usec ||
         modified_usec (wal) >= since_usec;
}

/* On quit: the file is small and the copy fast (the core copies with
 * SQLite's backup API and checks it), so the quit waits for it rather than
 * leave the day's work without a copy; a few tenths of a second for a
 * year of a commune's records. */
static void
snapshot_on_quit (AnttApplication *self)
{
  g_autofree char *folder = antt_backup_default_snapshot_folder ();
  GHashTableIter iter;
  const char *path;

  g_hash_table_iter_init (&iter, self->data_paths);
  while (g_hash_table_iter_next (&iter, (gpointer *) &path, NULL))
    {
      g_autoptr(GPtrArray) list = antt_backup_list (folder, NULL, NULL);
      g_autoptr(AnttBackupInfo) info = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
          !changed_since (path, newest_snapshot_usec (list)))
        continue;

      info = antt_backup_snapshot (path, NULL, snapshot_keep (self), NULL, NULL, NULL, &error);
      if (info == NULL)
        g_message ("%s", error->message);
    }
}

static void
daily_snapshot_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AnttApplication *self = user_data;
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = antt_backup_snapshot_finish (result, &error);
  if (info == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("%s", error->message);
  self->snapshot_running = FALSE;
}

static void
daily_list_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AnttApplication *self = user_data;
  g_autoptr(GPtrArray) list = antt_backup_list_finish (result, NULL);
  gint64 newest = newest_snapshot_usec (list);
  AnttWindow *window = main_window (self);
  AnttDatabase *db = window ? antt_window_get_database (window) : NULL;

  if (db != NULL && !g_cancellable_is_cancelled (self->snapshot_cancellable) &&
      g_get_real_time () - newest >= SNAPSHOT_EVERY_USEC)
    {
      antt_backup_snapshot_async (antt_database_get_path (db), NULL, snapshot_keep (self),
                                  NULL, NULL, NULL, self->snapshot_cancellable,
                                  daily_snapshot_cb, self);
      return;
    }

  self->snapshot_running = FALSE;
}

static gboolean
snapshot_timer_cb (gpointer user_data)
{
  AnttApplication *self = user_data;
  g_autofree char *folder = NULL;

  self->snapshot_timer = g_timeout_add_seconds (SNAPSHOT_CHECK_SECONDS, snapshot_timer_cb, self);

  if (self->snapshot_running)
    return G_SOURCE_REMOVE;

  /* Not held: a quit meanwhile cancels it and waits for it (in shutdown),
   * then takes its own. */
  self->snapshot_running = TRUE;
  folder = antt_backup_default_snapshot_folder ();
  antt_backup_list_async (folder, self->snapshot_cancellable, daily_list_cb, self);
  return G_SOURCE_REMOVE;
}

static void
window_database_cb (AnttWindow      *window,
                    GParamSpec      *pspec,
                    AnttApplication *self)
{
  AnttDatabase *db = antt_window_get_database (window);

  if (db != NULL)
    g_hash_table_add (self->data_paths, g_strdup (antt_database_get_path (db)));
}

static void
antt_application_window_added (GtkApplication *app,
                               GtkWindow      *window)
{
  AnttApplication *self = ANTT_APPLICATION (app);

  GTK_APPLICATION_CLASS (antt_application_parent_class)->window_added (app, window);

  if (ANTT_IS_WINDOW (window))
    {
      g_signal_connect_object (window, "notify::database",
                               G_CALLBACK (window_database_cb), self, 0);
      window_database_cb (ANTT_WINDOW (window), NULL, self);
    }
}

static const GActionEntry app_actions[] = {
  { "open-database", antt_application_open_database_action },
  { "backup", antt_application_backup_action },
  { "restore", antt_application_restore_action },
  { "restore-file", antt_application_restore_file_action, "s" },
  { "backups", antt_application_backups_action },
  { "about", antt_application_about_action },
  { "quit", antt_application_quit_action },
};

static int
antt_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "thidua-antt", PACKAGE_VERSION);
      return 0;
    }

  return G_APPLICATION_CLASS (antt_application_parent_class)->handle_local_options (app, options);
}

/* ANTT_ACTION ("backup", "backups", "restore", "restore-file:FILE") runs
 * that app action once the window is up, so that screenshots and
 * end-to-end tests can show the dialogs. */
static gboolean
run_action_from_environment_cb (gpointer user_data)
{
  AnttApplication *self = user_data;
  g_auto(GStrv) parts = g_strsplit (g_getenv ("ANTT_ACTION"), ":", 2);
  g_autoptr(GVariant) parameter = parts[1] ? g_variant_ref_sink (g_variant_new_string (parts[1]))
                                           : NULL;

  if (g_action_map_lookup_action (G_ACTION_MAP (self), parts[0]) != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (self), parts[0], parameter);

  g_application_release (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static void
run_action_from_environment (AnttApplication *self)
{
  static gboolean done;

  if (done || g_getenv ("ANTT_ACTION") == NULL)
    return;
  done = TRUE;
  g_application_hold (G_APPLICATION (self));
  g_timeout_add (500, run_action_from_environment_cb, self);
}

static int
antt_application_command_line (GApplication            *app,
                               GApplicationCommandLine *command_line)
{
  AnttApplication *self = ANTT_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *database = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              database);
      g_autofree char *path = g_file_get_path (file);
      AnttWindow *window = find_window_for_path (self, path);

      if (window != NULL)
        gtk_window_present (GTK_WINDOW (window));
      else
        open_in_window (self, antt_window_new (self), path, ANTT_DATABASE_FLAGS_NONE);
    }
  else
    {
      g_application_activate (app);
    }

  run_action_from_environment (self);
  return 0;
}

static void
antt_application_activate (GApplication *app)
{
  AnttApplication *self = ANTT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  open_usual_database (self, antt_window_new (self));
}

static void
antt_application_startup (GApplication *app)
{
  AnttApplication *self = ANTT_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };

  G_APPLICATION_CLASS (antt_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open-database", open_accels);

  gtk_window_set_default_icon_name (APP_ID);

  /* ANTT_SNAPSHOT_FIRST_MS: the first look sooner, for tests. */
  if (g_getenv ("ANTT_SNAPSHOT_FIRST_MS") != NULL)
    self->snapshot_timer = g_timeout_add ((guint) g_ascii_strtoull (g_getenv ("ANTT_SNAPSHOT_FIRST_MS"),
                                                                    NULL, 10),
                                          snapshot_timer_cb, self);
  else
    self->snapshot_timer = g_timeout_add_seconds (SNAPSHOT_FIRST_SECONDS, snapshot_timer_cb, self);
}

static void
antt_application_shutdown (GApplication *app)
{
  AnttApplication *self = ANTT_APPLICATION (app);

  g_clear_handle_id (&self->snapshot_timer, g_source_remove);
  g_cancellable_cancel (self->snapshot_cancellable);
  /* The daily snapshot stops at its next check and removes its unfinished
   * file: wait for it, so that the quit's own snapshot never works on the
   * same folder (or the same name) at the same time. */
  while (self->snapshot_running)
    g_main_context_iteration (NULL, TRUE);
  snapshot_on_quit (self);

  G_APPLICATION_CLASS (antt_application_parent_class)->shutdown (app);
}

static void
antt_application_dispose (GObject *object)
{
  AnttApplication *self = ANTT_APPLICATION (object);

  g_clear_handle_id (&self->snapshot_timer, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->snapshot_cancellable);
  g_clear_pointer (&self->data_paths, g_hash_table_unref);

  G_OBJECT_CLASS (antt_application_parent_class)->dispose (object);
}

static void
antt_application_class_init (AnttApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = antt_application_dispose;

  app_class->activate = antt_application_activate;
  app_class->command_line = antt_application_command_line;
  app_class->handle_local_options = antt_application_handle_local_options;
  app_class->startup = antt_application_startup;
  app_class->shutdown = antt_application_shutdown;

  gtk_app_class->window_added = antt_application_window_added;
}

static void
antt_application_init (AnttApplication *self)
{
  self->settings = antt_app_settings_new ();
  self->data_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->snapshot_cancellable = g_cancellable_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Records, targets and awards of the security and "
                                              "order emulation movement of a commune police "
                                              "office."));
}

AnttApplication *
antt_application_new (void)
{
  return g_object_new (ANTT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/thiduaantt/ThiDuaAntt",
                       NULL);
}
