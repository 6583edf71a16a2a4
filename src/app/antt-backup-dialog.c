/* antt-backup-dialog.c
 *
 * Where to write the backup (removable drives first, with their free
 * space; the last folder used; any folder through the file chooser), an
 * optional passphrase, then the core's backup in a worker thread with its
 * progress and a Cancel. The dialog is not modal: the clerk can go on
 * working while a large file is written. Room on the drive is said before
 * anything is written, here from the sizes and again by the core.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "antt-app-util.h"
#include "antt-backup-dialog.h"
#include "antt-backup.h"
#include "antt-window.h"

/* As the core's margin: the header, the manifest and the file system's own. */
#define SPACE_MARGIN (64 * 1024)

struct _AnttBackupDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkButton           *cancel_button;
  GtkButton           *backup_button;
  GtkStack            *stack;
  GtkListBox          *destinations_list;
  AdwExpanderRow      *protect_row;
  AdwPasswordEntryRow *passphrase_row;
  AdwPasswordEntryRow *confirm_row;
  GtkLabel            *hint_label;
  GtkLabel            *error_label;
  GtkLabel            *stage_label;
  GtkProgressBar      *progress_bar;

  /* Owned */
  char                *database_path;
  char                *folder;          /* the destination chosen */
  char                *chosen_folder;   /* from the file chooser */
  GSettings           *settings;        /* NULL without the schema */
  GVolumeMonitor      *monitor;
  GCancellable        *cancellable;     /* of the backup running */
  GCancellable        *space_cancellable;
  GCancellable        *locations_cancellable;
  GPtrArray           *locations;       /* the drives; NULL until read */
  GtkCheckButton      *group;           /* never shown: makes the checks radios */
  GtkWindow           *ask;             /* weak: "Stop the backup?" while shown */
  guint64              needed;
  AnttBackupFlags      flags;
  gboolean             running;
  gboolean             close_when_done;
};

G_DEFINE_FINAL_TYPE (AnttBackupDialog, antt_backup_dialog, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Destinations ------------------------------------------------------------------ */

static const char *
row_path (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "antt-path");
}

static GtkCheckButton *
row_check (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "antt-check");
}

static gboolean
row_has_room (GtkWidget *row)
{
  return !GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "antt-no-room"));
}

static gboolean
row_is_removable (GtkWidget *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "antt-removable"));
}

static GtkWidget *
selected_row (AnttBackupDialog *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->destinations_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (row_check (row) != NULL && gtk_check_button_get_active (row_check (row)))
      return row;
  return NULL;
}

static glong
passphrase_length (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  return nfc ? g_utf8_strlen (nfc, -1) : 0;
}

static void
set_hint (AnttBackupDialog *self,
          const char       *hint)
{
  gtk_label_set_label (self->hint_label, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}

/* The Back Up button, and what stands in its way. */
static void
update_state (AnttBackupDialog *self)
{
  GtkWidget *row = selected_row (self);
  g_autofree char *hint = NULL;
  gboolean ok = row != NULL && row_has_room (row);

  if (adw_expander_row_get_enable_expansion (self->protect_row))
    {
      const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
      const char *again = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));

      if (passphrase_length (passphrase) < ANTT_BACKUP_MIN_PASSPHRASE)
        {
          hint = g_strdup_printf (g_dngettext (NULL,
                                               "The passphrase needs at least %d character.",
                                               "The passphrase needs at least %d characters.",
                                               ANTT_BACKUP_MIN_PASSPHRASE),
                                  ANTT_BACKUP_MIN_PASSPHRASE);
          ok = FALSE;
        }
      else if (*again == '\0')
        {
          hint = g_strdup (_("Type the passphrase a second time, to be sure of it."));
          ok = FALSE;
        }
      else if (!g_str_equal (passphrase, again))
        {
          hint = g_strdup (_("The two passphrases differ."));
          ok = FALSE;
        }
    }
  else if (row != NULL && row_is_removable (row))
    {
      hint = g_strdup (_("A passphrase is recommended for a USB drive."));
    }

  if (row == NULL && hint == NULL)
    hint = g_strdup (_("Choose where to put the backup."));

  set_hint (self, hint);
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), ok && !self->running);
}

static void
check_toggled_cb (GtkCheckButton   *check,
                  AnttBackupDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), GTK_TYPE_LIST_BOX_ROW);

  if (gtk_check_button_get_active (check) && row != NULL)
    {
      g_free (self->folder);
      self->folder = g_strdup (row_path (row));
    }
  update_state (self);
}

/* Free space said on the row; a row without room cannot be chosen. */
static void
describe_space (GtkWidget *row,
                gboolean   known,
                guint64    free_space,
                guint64    size,
                gboolean   read_only,
                guint64    needed)
{
  g_autofree char *subtitle = NULL;
  gboolean no_room = FALSE;

  if (read_only)
    {
      subtitle = g_strdup (_("Read-only: nothing can be written here"));
      no_room = TRUE;
    }
  else if (known && free_space < needed)
    {
      g_autofree char *want = g_format_size (needed);
      g_autofree char *have = g_format_size (free_space);

      /* Translators: sizes, e.g. "Not enough room: the backup needs 12.3 MB, 1.2 MB free" */
      subtitle = g_strdup_printf (_("Not enough room: the backup needs %s, only %s free"),
                                  want, have);
      no_room = TRUE;
    }
  else if (known && size > 0)
    {
      g_autofree char *have = g_format_size (free_space);
      g_autofree char *total = g_format_size (size);

      /* Translators: sizes, e.g. "14.2 GB free of 16.0 GB" */
      subtitle = g_strdup_printf (_("%s free of %s"), have, total);
    }
  else if (known)
    {
      g_autofree char *have = g_format_size (free_space);

      /* Translators: a size, e.g. "14.2 GB free" */
      subtitle = g_strdup_printf (_("%s free"), have);
    }

  if (subtitle != NULL)
    {
      const char *path = row_path (row);
      g_autofree char *full = NULL;

      if (!row_is_removable (row))
        full = g_strdup_printf ("%s\n%s", path, subtitle);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), full ? full : subtitle);
    }

  g_object_set_data (G_OBJECT (row), "antt-no-room", GINT_TO_POINTER (no_room));
  if (no_room)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static GtkWidget *
add_destination (AnttBackupDialog *self,
                 const char       *title,
                 const char       *path,
                 const char       *icon_name,
                 gboolean          removable)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), path);
  /* Named by the row's title: the row labels its activatable widget. */
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* Prefixes show in the reverse order: the radio comes first. */
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->group);

  g_object_set_data_full (G_OBJECT (row), "antt-path", g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (row), "antt-check", check);
  g_object_set_data (G_OBJECT (row), "antt-removable", GINT_TO_POINTER (removable));
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);

  gtk_list_box_append (self->destinations_list, row);
  return row;
}

typedef struct
{
  AnttBackupDialog *self;
  GtkWidget        *row;
} SpaceQuery;

static void
space_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SpaceQuery *query = user_data;
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_filesystem_info_finish (G_FILE (source), result, NULL);
  if (info != NULL && gtk_widget_get_parent (query->row) != NULL)
    {
      describe_space (query->row,
                      g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE),
                      g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE),
                      g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_SIZE),
                      g_file_info_get_attribute_boolean (info,
                                                         G_FILE_ATTRIBUTE_FILESYSTEM_READONLY),
                      query->self->needed);
      update_state (query->self);
    }

  g_object_unref (query->row);
  g_object_unref (query->self);
  g_free (query);
}

static GtkWidget *
add_folder_destination (AnttBackupDialog *self,
                        const char       *title,
                        const char       *path)
{
  GtkWidget *row = add_destination (self, title, path, "folder-symbolic", FALSE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SpaceQuery *query = g_new0 (SpaceQuery, 1);

  query->self = g_object_ref (self);
  query->row = g_object_ref (row);
  g_file_query_filesystem_info_async (file,
                                      G_FILE_ATTRIBUTE_FILESYSTEM_FREE ","
                                      G_FILE_ATTRIBUTE_FILESYSTEM_SIZE ","
                                      G_FILE_ATTRIBUTE_FILESYSTEM_READONLY,
                                      G_PRIORITY_DEFAULT, self->space_cancellable,
                                      space_cb, query);
  return row;
}

/* The rows from the drives known (self->locations, read off the main
 * thread: a hung network share must not freeze the window) and the
 * folders. */
static void
rebuild_destinations (AnttBackupDialog *self)
{
  GPtrArray *locations = self->locations;
  g_autofree char *last = NULL;
  GtkWidget *row;
  GtkWidget *to_select = NULL;
  GtkWidget *first_usable = NULL;
  GtkWidget *last_row = NULL;
  gboolean seen_last = FALSE;
  gboolean seen_chosen = FALSE;

  g_cancellable_cancel (self->space_cancellable);
  g_clear_object (&self->space_cancellable);
  self->space_cancellable = g_cancellable_new ();

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->destinations_list))))
    gtk_list_box_remove (self->destinations_list, row);

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-backup-folder");

  for (guint i = 0; locations != NULL && i < locations->len; i++)
    {
      AnttBackupLocation *location = g_ptr_array_index (locations, i);
      const char *path = antt_backup_location_get_path (location);

      row = add_destination (self, antt_backup_location_get_name (location), path,
                             "drive-removable-media-symbolic", TRUE);
      describe_space (row, TRUE,
                      antt_backup_location_get_free (location),
                      antt_backup_location_get_size (location),
                      antt_backup_location_get_read_only (location),
                      self->needed);
      if (first_usable == NULL && row_has_room (row))
        first_usable = row;
      if (g_strcmp0 (path, self->folder) == 0)
        to_select = row;
      seen_last |= g_strcmp0 (path, last) == 0;
      seen_chosen |= g_strcmp0 (path, self->chosen_folder) == 0;
    }

  if (locations == NULL)
    {
      GtkWidget *spinner = gtk_spinner_new ();

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Looking for USB drives…"));
      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_accessible_update_property (GTK_ACCESSIBLE (spinner),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Looking for USB drives…"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), spinner);
      gtk_widget_add_css_class (row, "dim-label");
      g_object_set_data (G_OBJECT (row), "antt-placeholder", GINT_TO_POINTER (TRUE));
      gtk_list_box_append (self->destinations_list, row);
    }
  else if (locations->len == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No USB drive found"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Plug one in and it shows here, or choose a folder."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("drive-removable-media-symbolic"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->destinations_list, row);
    }

  if (self->chosen_folder != NULL && !seen_chosen)
    {
      row = add_folder_destination (self, _("Chosen Folder"), self->chosen_folder);
      if (g_strcmp0 (self->chosen_folder, self->folder) == 0)
        to_select = row;
      seen_last |= g_strcmp0 (self->chosen_folder, last) == 0;
    }

  if (last != NULL && *last != '\0' && !seen_last && g_file_test (last, G_FILE_TEST_IS_DIR))
    {
      row = add_folder_destination (self, _("Last Used Folder"), last);
      last_row = row;
      if (g_strcmp0 (last, self->folder) == 0)
        to_select = row;
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Choose Folder…"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("folder-open-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "antt-chooser", GINT_TO_POINTER (TRUE));
  gtk_list_box_append (self->destinations_list, row);

  /* The drive (or folder) chosen before, else the first drive with room,
   * else the folder the last backup went to; nothing by itself until the
   * drives are known, so that a drive is still preferred then. */
  if (to_select == NULL && locations != NULL)
    to_select = first_usable ? first_usable : last_row;
  g_clear_pointer (&self->folder, g_free);
  if (to_select != NULL)
    gtk_check_button_set_active (row_check (to_select), TRUE);

  update_state (self);
}

static void
locations_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AnttBackupDialog) self = user_data;
  g_autoptr(GPtrArray) locations = NULL;
  g_autoptr(GError) error = NULL;

  locations = antt_backup_removable_locations_finish (result, &error);
  /* A newer read replaced this one, or the dialog was closed. */
  if (locations == NULL)
    return;

  g_clear_pointer (&self->locations, g_ptr_array_unref);
  self->locations = g_steal_pointer (&locations);
  g_clear_object (&self->locations_cancellable);
  if (!self->running && self->destinations_list != NULL)
    rebuild_destinations (self);
}

/* Reads the drives again, in a worker thread; the rows follow. */
static void
refresh_locations (AnttBackupDialog *self)
{
  if (self->locations_cancellable != NULL)
    g_cancellable_cancel (self->locations_cancellable);
  g_clear_object (&self->locations_cancellable);
  self->locations_cancellable = g_cancellable_new ();
  antt_backup_removable_locations_async (self->locations_cancellable, locations_cb,
                                         g_object_ref (self));
}

static void
mounts_changed_cb (AnttBackupDialog *self)
{
  refresh_locations (self);
}

static void
chooser_response_cb (GtkNativeDialog  *dialog,
                     int               response,
                     AnttBackupDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        antt_backup_dialog_set_folder (self, path);
    }

  g_object_unref (dialog);
}

static void
choose_folder (AnttBackupDialog *self)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Choose a Folder for the Backup"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Select"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (self->folder != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (self->folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The backup --------------------------------------------------------------------- */

static void
progress_cb (AnttBackupStage  stage,
             double           fraction,
             gpointer         user_data)
{
  AnttBackupDialog *self = user_data;

  /* Disposed while the worker ran: its widgets are gone. */
  if (self->progress_bar == NULL)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_label_set_label (self->stage_label, antt_backup_stage_describe (stage));
}

static void
set_running (AnttBackupDialog *self,
             gboolean          running)
{
  self->running = running;
  gtk_stack_set_visible_child_name (self->stack, running ? "progress" : "setup");
  update_state (self);
}

static void
create_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AnttBackupDialog) self = user_data;
  g_autoptr(AnttBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  info = antt_backup_create_finish (result, &error);
  g_clear_object (&self->cancellable);

  /* Disposed while the worker ran (it cancelled the backup): nothing to show. */
  if (self->stack == NULL)
    {
      self->running = FALSE;
      return;
    }

  /* Done before the clerk answered "Stop the backup?": no question left. */
  if (self->ask != NULL)
    gtk_window_destroy (self->ask);
  g_clear_weak_pointer (&self->ask);
  set_running (self, FALSE);

  if (info != NULL)
    {
      g_autofree char *name = g_path_get_basename (antt_backup_info_get_path (info));
      g_autofree char *folder = g_path_get_dirname (antt_backup_info_get_path (info));

      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-backup-folder", folder);
      if (ANTT_IS_WINDOW (parent))
        antt_window_add_toast (ANTT_WINDOW (parent),
                               /* Translators: %s is the name of the backup file */
                               adw_toast_new_format (_("Backed up and checked: “%s”"), name));

      g_signal_emit (self, signals[FINISHED], 0, info, NULL);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  g_signal_emit (self, signals[FINISHED], 0, NULL, error);

  if (self->close_when_done)
    {
      /* Closed mid-backup: the dialog is gone, the main window tells. */
      if (ANTT_IS_WINDOW (parent))
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            antt_window_add_toast (ANTT_WINDOW (parent),
                                   adw_toast_new (_("Backup stopped; no backup file was written")));
          else
            antt_window_add_toast (ANTT_WINDOW (parent), adw_toast_new (error->message));
        }
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_label_set_label (self->error_label, _("The backup was cancelled; no backup file was left."));
  else
    gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
backup_clicked_cb (AnttBackupDialog *self)
{
  antt_backup_dialog_start (self);
}

static void
cancel_clicked_cb (AnttBackupDialog *self)
{
  if (self->running)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
destination_activated_cb (AnttBackupDialog *self,
                          GtkListBoxRow    *row)
{
  if (g_object_get_data (G_OBJECT (row), "antt-chooser"))
    choose_folder (self);
}

static void
passphrase_changed_cb (AnttBackupDialog *self)
{
  update_state (self);
}

static void
stop_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  AnttBackupDialog *self)
{
  if (!g_str_equal (response, "stop") || !self->running)
    return;

  /* The window goes once the worker has removed its unfinished file; the
   * main window then says no backup was written. */
  self->close_when_done = TRUE;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Closing while the backup runs (Escape, the close button, a quit, a
 * restore) asks first: the clerk must not believe a backup was written. */
static gboolean
antt_backup_dialog_close_request (GtkWindow *window)
{
  AnttBackupDialog *self = ANTT_BACKUP_DIALOG (window);

  if (self->running)
    {
      GtkWidget *ask;

      if (self->close_when_done)
        return TRUE;            /* stopping already */
      if (self->ask != NULL)
        {
          gtk_window_present (self->ask);
          return TRUE;
        }

      ask = adw_message_dialog_new (window, _("Stop the Backup?"),
                                    _("The backup is not finished. If it stops now, no "
                                      "backup file is written."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (ask),
                                        "continue", _("_Keep Backing Up"),
                                        "stop", _("_Stop Backup"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (ask), "stop",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (ask), "continue");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (ask), "continue");
      gtk_window_set_destroy_with_parent (GTK_WINDOW (ask), TRUE);
      g_signal_connect_object (ask, "response", G_CALLBACK (stop_response_cb), self, 0);
      g_set_weak_pointer (&self->ask, GTK_WINDOW (ask));
      gtk_window_present (GTK_WINDOW (ask));
      return TRUE;
    }

  /* GTK 4.8 and libadwaita 1.2 send a passphrase field a focus change
   * after it is finalized when the window goes with the focus in it. */
  gtk_window_set_focus (window, NULL);

  return GTK_WINDOW_CLASS (antt_backup_dialog_parent_class)->close_request (window);
}

static void
antt_backup_dialog_dispose (GObject *object)
{
  AnttBackupDialog *self = ANTT_BACKUP_DIALOG (object);

  if (self->space_cancellable != NULL)
    g_cancellable_cancel (self->space_cancellable);
  g_clear_object (&self->space_cancellable);
  if (self->locations_cancellable != NULL)
    g_cancellable_cancel (self->locations_cancellable);
  g_clear_object (&self->locations_cancellable);
  g_clear_pointer (&self->locations, g_ptr_array_unref);
  /* A backup still running stops: nobody is left to tell of it. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->ask != NULL)
    gtk_window_destroy (self->ask);
  g_clear_weak_pointer (&self->ask);
  g_clear_object (&self->settings);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANTT_TYPE_BACKUP_DIALOG);
  g_clear_object (&self->group);

  G_OBJECT_CLASS (antt_backup_dialog_parent_class)->dispose (object);
}

static void
antt_backup_dialog_finalize (GObject *object)
{
  AnttBackupDialog *self = ANTT_BACKUP_DIALOG (object);

  g_free (self->database_path);
  g_free (self->folder);
  g_free (self->chosen_folder);

  G_OBJECT_CLASS (antt_backup_dialog_parent_class)->finalize (object);
}

static void
antt_backup_dialog_class_init (AnttBackupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = antt_backup_dialog_dispose;
  object_class->finalize = antt_backup_dialog_finalize;
  window_class->close_request = antt_backup_dialog_close_request;

  /**
   * AnttBackupDialog::finished:
   * @info: (nullable): the backup written
   * @error: (nullable): why there is none (cancelled included)
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  ANTT_TYPE_BACKUP_INFO | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/thiduaantt/ThiDuaAntt/antt-backup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnttBackupDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AnttBackupDialog, backup_button);
  gtk_widget_class_bind_template_child (widget_class, AnttBackupDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AnttBackupDialog, destinations_list);
  gtk_widget_class_bind_template_child (widget_class, AnttBackupDialog, protect_row);
  gtk_widget_class_bind_template_child (widget_class, AnttBackupDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, AnttBackupDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, AnttBackupDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, AnttBackupDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AnttBackupDialog, stage_label);
  gtk_widget_class_bind_template_child (widget_class, AnttBackupDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, backup_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, destination_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
antt_backup_dialog_init (AnttBackupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->group = GTK_CHECK_BUTTON (g_object_ref_sink (gtk_check_button_new ()));

  /* libadwaita 1.2 leaves the expander row's own switch unnamed. */
  for (GtkWidget *w = GTK_WIDGET (self->protect_row); w != NULL; )
    {
      if (GTK_IS_SWITCH (w))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (w),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Protect With a Passphrase"),
                                          -1);
          break;
        }
      /* Depth first through the row's own widgets. */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != GTK_WIDGET (self->protect_row) &&
                 gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == GTK_WIDGET (self->protect_row))
              ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  self->settings = antt_app_settings_new ();
  self->monitor = g_volume_monitor_get ();
  g_signal_connect_swapped (self->monitor, "mount-added", G_CALLBACK (mounts_changed_cb), self);
  g_signal_connect_swapped (self->monitor, "mount-removed", G_CALLBACK (mounts_changed_cb), self);
}

/* The data file and its WAL: what the copy inside the backup will take. */
static guint64
data_size (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf buf;
  guint64 size = 0;

  if (g_stat (path, &buf) == 0)
    size += (guint64) buf.st_size;
  if (g_stat (wal, &buf) == 0)
    size += (guint64) buf.st_size;
  return size;
}

/**
 * antt_backup_dialog_new:
 * @parent: the window it is for; its toast tells the backup's name
 * @database_path: the data file to back up
 *
 * Returns: (transfer none): the dialog, owned by the toplevel list
 */
AnttBackupDialog *
antt_backup_dialog_new (GtkWindow  *parent,
                        const char *database_path)
{
  AnttBackupDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (ANTT_TYPE_BACKUP_DIALOG,
                       "transient-for", parent,
                       NULL);
  /* One of the app's windows: a quit waits for the backup's cancel. */
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->database_path = g_strdup (database_path);
  self->needed = data_size (database_path) + SPACE_MARGIN;
  rebuild_destinations (self);
  refresh_locations (self);

  return self;
}

/**
 * antt_backup_dialog_set_folder:
 *
 * Offers @folder (as the file chooser does) and chooses it.
 */
void
antt_backup_dialog_set_folder (AnttBackupDialog *self,
                               const char       *folder)
{
  g_return_if_fail (ANTT_IS_BACKUP_DIALOG (self));
  g_return_if_fail (folder != NULL);

  g_free (self->chosen_folder);
  self->chosen_folder = g_strdup (folder);
  g_free (self->folder);
  self->folder = g_strdup (folder);
  rebuild_destinations (self);
}

/**
 * antt_backup_dialog_get_folder:
 *
 * Returns: (nullable): the destination chosen
 */
const char *
antt_backup_dialog_get_folder (AnttBackupDialog *self)
{
  g_return_val_if_fail (ANTT_IS_BACKUP_DIALOG (self), NULL);

  return self->folder;
}

/**
 * antt_backup_dialog_set_passphrase:
 * @passphrase: (nullable): typed twice; %NULL for none
 */
void
antt_backup_dialog_set_passphrase (AnttBackupDialog *self,
                                   const char       *passphrase)
{
  g_return_if_fail (ANTT_IS_BACKUP_DIALOG (self));

  adw_expander_row_set_enable_expansion (self->protect_row, passphrase != NULL);
  adw_expander_row_set_expanded (self->protect_row, passphrase != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), passphrase ? passphrase : "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), passphrase ? passphrase : "");
  update_state (self);
}

/**
 * antt_backup_dialog_set_flags:
 *
 * %ANTT_BACKUP_FLAGS_FAST_KDF for a PC with little memory (and tests).
 */
void
antt_backup_dialog_set_flags (AnttBackupDialog *self,
                              AnttBackupFlags   flags)
{
  g_return_if_fail (ANTT_IS_BACKUP_DIALOG (self));

  self->flags = flags;
}

/**
 * antt_backup_dialog_start:
 *
 * What the Back Up button does.
 *
 * Returns: %FALSE when the choices do not allow a backup yet (the dialog
 *   says why)
 */
gboolean
antt_backup_dialog_start (AnttBackupDialog *self)
{
  const char *passphrase = NULL;
  GtkWidget *row;

  g_return_val_if_fail (ANTT_IS_BACKUP_DIALOG (self), FALSE);

  update_state (self);
  if (self->running || !gtk_widget_get_sensitive (GTK_WIDGET (self->backup_button)))
    return FALSE;

  row = selected_row (self);
  g_assert (row != NULL);
  if (adw_expander_row_get_enable_expansion (self->protect_row))
    passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_label (self->stage_label,
                       antt_backup_stage_describe (ANTT_BACKUP_STAGE_SNAPSHOT));
  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);

  antt_backup_create_async (self->database_path, row_path (row), passphrase,
                            self->flags,
                            progress_cb, g_object_ref (self), g_object_unref,
                            self->cancellable, create_cb, g_object_ref (self));
  return TRUE;
}
