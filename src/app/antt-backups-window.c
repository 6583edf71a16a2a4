/* antt-backups-window.c
 *
 * One group per place backups are kept: the automatic snapshots in the
 * local data folder, each removable drive, and the folder the last backup
 * went to. The folders are read in worker threads (antt_backup_list_async
 * reads each file's header and manifest), so that a slow USB drive does
 * not freeze the window. An encrypted backup shows what it holds once its
 * passphrase is given to Verify.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "antt-app-util.h"
#include "antt-backup.h"
#include "antt-backups-window.h"
#include "antt-restore.h"

struct _AnttBackupsWindow
{
  AdwWindow           parent_instance;

  /* Template widgets */
  GtkButton          *refresh_button;
  GtkSpinner         *spinner;
  AdwToastOverlay    *toast_overlay;
  AdwPreferencesPage *page;

  /* Owned */
  char               *database_path;
  GSettings          *settings;       /* NULL without the schema */
  GVolumeMonitor     *monitor;
  GCancellable       *cancellable;
  GPtrArray          *groups;
  guint               generation;
  guint               pending;

  /* Borrowed */
  AnttWindow         *window;         /* weak */
};

G_DEFINE_FINAL_TYPE (AnttBackupsWindow, antt_backups_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_pending (AnttBackupsWindow *self,
             guint              pending)
{
  gboolean was_loading = self->pending > 0;

  self->pending = pending;
  gtk_spinner_set_spinning (self->spinner, pending > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), pending > 0);
  if (was_loading != (pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Rows ------------------------------------------------------------------------------ */

static GtkWidget *
detail_row (const char *title,
            const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (value, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  return row;
}

/* Title, subtitle and details of a backup's row, from what is known of it. */
static void
describe_backup (AdwExpanderRow *row,
                 AnttBackupInfo *info)
{
  AnttBackupManifest *manifest = antt_backup_info_get_manifest (info);
  const GError *problem = antt_backup_info_get_problem (info);
  const char *path = antt_backup_info_get_path (info);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *size = g_format_size (antt_backup_info_get_size (info));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GPtrArray *details = g_object_get_data (G_OBJECT (row), "antt-details");

  /* A later description (an encrypted backup, once verified) replaces
   * the rows of the first one. */
  if (details == NULL)
    {
      details = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (row), "antt-details", details,
                              (GDestroyNotify) g_ptr_array_unref);
    }
  for (guint i = 0; i < details->len; i++)
    adw_expander_row_remove (row, g_ptr_array_index (details, i));
  g_ptr_array_set_size (details, 0);

  if (manifest != NULL)
    {
      g_autofree char *made = antt_backup_describe_made (manifest);
      g_autofree char *counts = antt_backup_describe_counts (manifest);
      g_autofree char *versions = antt_backup_describe_versions (manifest);

      title = g_markup_escape_text (made, -1);
      /* Translators: the commune, the file's size, then maybe that it is encrypted */
      subtitle = g_markup_printf_escaped (_("%s · %s%s"),
                                          antt_backup_manifest_get_commune (manifest), size,
                                          antt_backup_info_get_encrypted (info)
                                          ? _(", protected by a passphrase") : "");
      g_ptr_array_add (details, detail_row (_("Records"), counts));
      g_ptr_array_add (details, detail_row (_("Written by"), versions));
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
    }
  else if (problem != NULL &&
           !g_error_matches (problem, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_NEEDS_PASSPHRASE))
    {
      title = g_markup_escape_text (name, -1);
      subtitle = g_markup_escape_text (problem->message, -1);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
    }
  else
    {
      title = g_markup_escape_text (_("Protected by a passphrase"), -1);
      /* Translators: the name of a backup file, then its size */
      subtitle = g_markup_printf_escaped (_("%s · %s. Verify asks for the passphrase, then shows "
                                            "what the backup holds."), name, size);
    }
  g_ptr_array_add (details, detail_row (_("File"), path));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (row, subtitle);
  for (guint i = 0; i < details->len; i++)
    adw_expander_row_add_row (row, g_ptr_array_index (details, i));
}

/* A label child, not the label property: GTK 4.8 would name the button
 * twice for screen readers. */
static GtkWidget *
mnemonic_button (const char *text)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
  gtk_button_set_child (GTK_BUTTON (button), label);
  return button;
}

static void
set_button_text (GtkButton  *button,
                 const char *text)
{
  gtk_label_set_text_with_mnemonic (GTK_LABEL (gtk_button_get_child (button)), text);
}

typedef struct
{
  AnttBackupsWindow *self;
  AdwExpanderRow    *row;
  GtkButton         *button;
  AnttBackupInfo    *info;
} VerifyJob;

static void
verify_job_free (VerifyJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->row);
  g_object_unref (job->button);
  antt_backup_info_unref (job->info);
  g_free (job);
}

static void verify_passphrase_cb (const char *passphrase,
                                  gpointer    user_data);

static void
verify_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  VerifyJob *job = user_data;
  AnttBackupsWindow *self = job->self;
  g_autoptr(AnttBackupInfo) verified = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = antt_backup_info_get_path (job->info);
  g_autofree char *name = g_path_get_basename (path);

  verified = antt_backup_verify_finish (result, &error);

  /* The window was closed meanwhile. */
  if (self->cancellable == NULL)
    {
      verify_job_free (job);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (job->button), TRUE);
  set_button_text (job->button, _("_Verify"));

  if (verified != NULL)
    {
      /* An encrypted backup's manifest is known now. */
      if (antt_backup_info_get_manifest (job->info) == NULL)
        describe_backup (job->row, verified);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   /* Translators: %s is the name of a backup file */
                                   adw_toast_new_format (_("“%s” is sound: it can be restored."),
                                                         name));
      verify_job_free (job);
    }
  else if (g_error_matches (error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_WRONG_PASSPHRASE))
    {
      antt_ask_passphrase (GTK_WINDOW (self), path, error->message, verify_passphrase_cb, job);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      verify_job_free (job);
    }
  else
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("The Backup Did Not Pass the Check"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      verify_job_free (job);
    }
}

static void
start_verify (VerifyJob  *job,
              const char *passphrase)
{
  gtk_widget_set_sensitive (GTK_WIDGET (job->button), FALSE);
  set_button_text (job->button, _("Verifying…"));
  antt_backup_verify_async (antt_backup_info_get_path (job->info), passphrase,
                            NULL, NULL, NULL, job->self->cancellable, verify_cb, job);
}

static void
verify_passphrase_cb (const char *passphrase,
                      gpointer    user_data)
{
  VerifyJob *job = user_data;

  if (passphrase == NULL)
    verify_job_free (job);
  else
    start_verify (job, passphrase);
}

static void
verify_clicked_cb (GtkButton         *button,
                   AnttBackupsWindow *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  AnttBackupInfo *info = g_object_get_data (G_OBJECT (row), "antt-info");
  VerifyJob *job = g_new0 (VerifyJob, 1);

  job->self = g_object_ref (self);
  job->row = g_object_ref (ADW_EXPANDER_ROW (row));
  job->button = g_object_ref (button);
  job->info = antt_backup_info_ref (info);

  if (antt_backup_info_get_encrypted (info))
    antt_ask_passphrase (GTK_WINDOW (self), antt_backup_info_get_path (info), NULL,
                         verify_passphrase_cb, job);
  else
    start_verify (job, NULL);
}

static void
restore_clicked_cb (GtkButton         *button,
                    AnttBackupsWindow *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  AnttBackupInfo *info = g_object_get_data (G_OBJECT (row), "antt-info");
  g_autoptr(AnttRestore) restore = NULL;

  if (self->window == NULL)
    return;

  restore = antt_restore_new (self->window, antt_backup_info_get_path (info),
                              self->database_path);
  antt_restore_start (restore);
}

static GtkWidget *
backup_row (AnttBackupsWindow *self,
            AnttBackupInfo    *info)
{
  GtkWidget *row = adw_expander_row_new ();
  const GError *problem = antt_backup_info_get_problem (info);
  gboolean usable = problem == NULL ||
                    g_error_matches (problem, ANTT_BACKUP_ERROR,
                                     ANTT_BACKUP_ERROR_NEEDS_PASSPHRASE);
  GtkWidget *verify = mnemonic_button (_("_Verify"));
  GtkWidget *restore = mnemonic_button (_("_Restore"));

  g_object_set_data_full (G_OBJECT (row), "antt-info", antt_backup_info_ref (info),
                          (GDestroyNotify) antt_backup_info_unref);
  describe_backup (ADW_EXPANDER_ROW (row), info);

  /* The row packs its actions from the end: Restore ends up last. */
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (restore, _("Put this backup’s data in place of the current data"));
  gtk_widget_set_sensitive (restore, usable && self->window != NULL);
  g_signal_connect_object (restore, "clicked", G_CALLBACK (restore_clicked_cb), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), restore);

  gtk_widget_set_valign (verify, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (verify, _("Read the whole backup and check it, changing nothing"));
  gtk_widget_set_sensitive (verify, usable);
  g_signal_connect_object (verify, "clicked", G_CALLBACK (verify_clicked_cb), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), verify);

  return row;
}

/* Loading ----------------------------------------------------------------------------- */

typedef struct
{
  AnttBackupsWindow   *self;
  AdwPreferencesGroup *group;
  guint                generation;
} ListJob;

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  ListJob *job = user_data;
  AnttBackupsWindow *self = job->self;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  list = antt_backup_list_finish (result, &error);

  /* Not after a reload, nor once the window is closed (its widgets gone). */
  if (job->generation == self->generation && self->cancellable != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (list == NULL)
        {
          adw_preferences_group_add (job->group, detail_row (_("Cannot read this folder"),
                                                             error->message));
        }
      else if (list->len == 0)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups here"));
          gtk_widget_add_css_class (row, "dim-label");
          adw_preferences_group_add (job->group, row);
        }
      else
        {
          for (guint i = 0; i < list->len; i++)
            adw_preferences_group_add (job->group, backup_row (self, g_ptr_array_index (list, i)));
        }
      set_pending (self, self->pending - 1);
    }

  g_object_unref (job->group);
  g_object_unref (job->self);
  g_free (job);
}

static void
add_folder (AnttBackupsWindow *self,
            const char        *title,
            const char        *description,
            const char        *folder)
{
  GtkWidget *group = adw_preferences_group_new ();
  ListJob *job = g_new0 (ListJob, 1);
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);

  job->self = g_object_ref (self);
  job->group = g_object_ref (ADW_PREFERENCES_GROUP (group));
  job->generation = self->generation;
  set_pending (self, self->pending + 1);
  antt_backup_list_async (folder, self->cancellable, list_cb, job);
}

typedef struct
{
  AnttBackupsWindow *self;
  guint              generation;
} LocationsJob;

static void
locations_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LocationsJob *job = user_data;
  g_autoptr(AnttBackupsWindow) self = job->self;
  g_autoptr(GPtrArray) locations = NULL;
  g_autofree char *snapshots = NULL;
  g_autofree char *last = NULL;
  gboolean last_seen = FALSE;

  locations = antt_backup_removable_locations_finish (result, NULL);
  /* Not after a reload, nor once the window is closed. */
  if (job->generation != self->generation || self->cancellable == NULL || locations == NULL)
    {
      g_free (job);
      return;
    }
  g_free (job);

  snapshots = antt_backup_default_snapshot_folder ();
  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-backup-folder");

  for (guint i = 0; i < locations->len; i++)
    {
      AnttBackupLocation *location = g_ptr_array_index (locations, i);
      const char *path = antt_backup_location_get_path (location);
      g_autofree char *title = NULL;

      /* Translators: %s is the name of a USB drive */
      title = g_strdup_printf (_("USB Drive “%s”"), antt_backup_location_get_name (location));
      add_folder (self, title, path, path);
      last_seen |= g_strcmp0 (path, last) == 0;
    }

  if (last != NULL && *last != '\0' && !last_seen && g_strcmp0 (last, snapshots) != 0)
    add_folder (self, _("Last Backup Folder"), last, last);

  set_pending (self, self->pending - 1);
}

static void
mounts_changed_cb (AnttBackupsWindow *self)
{
  antt_backups_window_reload (self);
}

static void
refresh_clicked_cb (AnttBackupsWindow *self)
{
  antt_backups_window_reload (self);
}

/* GObject ------------------------------------------------------------------------------ */

static void
antt_backups_window_dispose (GObject *object)
{
  AnttBackupsWindow *self = ANTT_BACKUPS_WINDOW (object);

  /* The folder reads still running end without touching the widgets. */
  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_weak_pointer (&self->window);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANTT_TYPE_BACKUPS_WINDOW);

  G_OBJECT_CLASS (antt_backups_window_parent_class)->dispose (object);
}

static void
antt_backups_window_finalize (GObject *object)
{
  AnttBackupsWindow *self = ANTT_BACKUPS_WINDOW (object);

  g_free (self->database_path);

  G_OBJECT_CLASS (antt_backups_window_parent_class)->finalize (object);
}

static void
antt_backups_window_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnttBackupsWindow *self = ANTT_BACKUPS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->pending > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
antt_backups_window_class_init (AnttBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = antt_backups_window_dispose;
  object_class->finalize = antt_backups_window_finalize;
  object_class->get_property = antt_backups_window_get_property;

  /**
   * AnttBackupsWindow:loading:
   *
   * Whether folders are still being read.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/thiduaantt/ThiDuaAntt/antt-backups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AnttBackupsWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, AnttBackupsWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnttBackupsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AnttBackupsWindow, page);
  gtk_widget_class_bind_template_callback (widget_class, refresh_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
antt_backups_window_init (AnttBackupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_ptr_array_new ();
  self->settings = antt_app_settings_new ();
  self->monitor = g_volume_monitor_get ();
  g_signal_connect_swapped (self->monitor, "mount-added", G_CALLBACK (mounts_changed_cb), self);
  g_signal_connect_swapped (self->monitor, "mount-removed", G_CALLBACK (mounts_changed_cb), self);
}

/**
 * antt_backups_window_new:
 * @window: (nullable): the main window, whose data file Restore replaces
 * @database_path: (nullable): that data file
 *
 * Returns: (transfer none): the window, owned by the toplevel list
 */
AnttBackupsWindow *
antt_backups_window_new (AnttWindow *window,
                         const char *database_path)
{
  AnttBackupsWindow *self;

  g_return_val_if_fail (window == NULL || ANTT_IS_WINDOW (window), NULL);

  self = g_object_new (ANTT_TYPE_BACKUPS_WINDOW,
                       "transient-for", window,
                       "destroy-with-parent", TRUE,
                       NULL);
  if (window != NULL && gtk_window_get_application (GTK_WINDOW (window)) != NULL)
    gtk_window_set_application (GTK_WINDOW (self),
                                gtk_window_get_application (GTK_WINDOW (window)));
  g_set_weak_pointer (&self->window, window);
  self->database_path = g_strdup (database_path);
  if (window == NULL || database_path == NULL)
    g_clear_weak_pointer (&self->window);

  antt_backups_window_reload (self);
  return self;
}

/**
 * antt_backups_window_reload:
 *
 * Reads the folders again (a drive plugged in, a backup just written).
 */
void
antt_backups_window_reload (AnttBackupsWindow *self)
{
  g_autofree char *snapshots = antt_backup_default_snapshot_folder ();
  g_autofree char *snapshot_text = NULL;
  LocationsJob *job;
  int keep = ANTT_BACKUP_DEFAULT_KEEP;

  g_return_if_fail (ANTT_IS_BACKUPS_WINDOW (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  set_pending (self, 0);

  if (self->settings != NULL)
    keep = g_settings_get_int (self->settings, "snapshot-keep");

  snapshot_text = g_strdup_printf (g_dngettext (NULL,
                                                "Taken when the app closes and once a day while "
                                                "it is open; the last %d is kept. Copies kept "
                                                "before a restore are here too.\n%s",
                                                "Taken when the app closes and once a day while "
                                                "it is open; the last %d are kept. Copies kept "
                                                "before a restore are here too.\n%s",
                                                keep),
                                   keep, snapshots);
  add_folder (self, _("Automatic Snapshots on This PC"), snapshot_text, snapshots);

  /* The drives are read in a worker thread (their free space can hang on
   * a network share); their folders follow. */
  job = g_new0 (LocationsJob, 1);
  job->self = g_object_ref (self);
  job->generation = self->generation;
  set_pending (self, self->pending + 1);
  antt_backup_removable_locations_async (self->cancellable, locations_cb, job);
}

gboolean
antt_backups_window_get_loading (AnttBackupsWindow *self)
{
  g_return_val_if_fail (ANTT_IS_BACKUPS_WINDOW (self), FALSE);

  return self->pending > 0;
}
