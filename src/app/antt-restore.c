/* antt-restore.c
 *
 * The restore flow: read the backup's manifest (asking the passphrase of
 * an encrypted one), show what it holds and ask before anything changes,
 * then close the windows on the data file, have the core replace it in a
 * worker thread, and open it again in a new window.
 *
 * The core refuses to replace a file that anything has open, and the
 * window's pages keep the AnttDatabase (and their worker threads open
 * connections of their own): so the windows on the file are closed, the
 * database objects are waited for, and a restore refused as "locked" is
 * tried again for a few seconds while the last worker threads finish.
 * Any other error, and a cancel, leave the data as it was; the file is
 * opened again either way.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "antt-restore.h"

#define LOCKED_RETRY_MS   250
#define LOCKED_RETRIES    24    /* six seconds */
#define CLOSE_WAIT_MS     3000

struct _AnttRestore
{
  GObject          parent_instance;

  /* Owned */
  AnttWindow      *window;          /* until it is closed */
  GtkApplication  *application;     /* NULL in tests */
  char            *backup_path;
  char            *database_path;
  char            *passphrase;
  AnttBackupInfo  *info;
  GtkWindow       *progress_window;
  GtkProgressBar  *progress_bar;
  GtkLabel        *stage_label;
  GCancellable    *cancellable;
  AnttWindow      *new_window;
  GError          *error;
  GPtrArray       *databases;       /* weak: those still open */
  guint            wait_id;
  guint            retry_id;
  guint            attempts;
  gboolean         restoring;
  gboolean         running;
};

G_DEFINE_FINAL_TYPE (AnttRestore, antt_restore, G_TYPE_OBJECT)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Descriptions, shared with the Backups window ------------------------------ */

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "snapshot") == 0)
    return _("automatic snapshot");
  if (g_strcmp0 (kind, "safety") == 0)
    return _("copy kept before a restore");
  return _("backup");
}

/**
 * antt_backup_describe_made:
 *
 * Returns: (transfer full): "05/02/2025 16:30, automatic snapshot"
 */
char *
antt_backup_describe_made (AnttBackupManifest *manifest)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (antt_backup_manifest_get_created (manifest));
  g_autofree char *created = g_date_time_format (local, "%d/%m/%Y %H:%M");

  /* Translators: a date and time, then what kind of copy it is */
  return g_strdup_printf (_("%s, %s"), created,
                          kind_label (antt_backup_manifest_get_kind (manifest)));
}

/**
 * antt_backup_describe_versions:
 *
 * Returns: (transfer full): the program and data versions that wrote it
 */
char *
antt_backup_describe_versions (AnttBackupManifest *manifest)
{
  return g_strdup_printf (_("Thi đua ANTT %s, data version %d"),
                          antt_backup_manifest_get_app_version (manifest),
                          antt_backup_manifest_get_schema_version (manifest));
}

/* Whether the table is in the backup, with ", " before all but the first. */
static gboolean
start_count (GString *text,
             gint64   count)
{
  if (count < 0)
    return FALSE;
  if (text->len > 0)
    g_string_append (text, ", ");
  return TRUE;
}

/**
 * antt_backup_describe_counts:
 *
 * The tables a clerk recognises, then all the records: enough to tell
 * one year's data from another's before restoring it.
 *
 * Returns: (transfer full): "5 teams, 120 members, …; 2345 records in all"
 */
char *
antt_backup_describe_counts (AnttBackupManifest *manifest)
{
  GString *text = g_string_new (NULL);
  gint64 n;

  n = antt_backup_manifest_get_row_count (manifest, "teams");
  if (start_count (text, n))
    g_string_append_printf (text, g_dngettext (NULL, "%d team", "%d teams", n), (int) n);
  n = antt_backup_manifest_get_row_count (manifest, "members");
  if (start_count (text, n))
    g_string_append_printf (text, g_dngettext (NULL, "%d member", "%d members", n), (int) n);
  n = antt_backup_manifest_get_row_count (manifest, "incidents");
  if (start_count (text, n))
    g_string_append_printf (text, g_dngettext (NULL, "%d incident", "%d incidents", n),
                            (int) n);
  n = antt_backup_manifest_get_row_count (manifest, "patrols");
  if (start_count (text, n))
    g_string_append_printf (text, g_dngettext (NULL, "%d patrol", "%d patrols", n), (int) n);
  n = antt_backup_manifest_get_row_count (manifest, "nominations");
  if (start_count (text, n))
    g_string_append_printf (text, g_dngettext (NULL, "%d award nomination",
                                               "%d award nominations", n), (int) n);

  n = antt_backup_manifest_get_total_rows (manifest);
  if (text->len > 0)
    g_string_append (text, "; ");
  g_string_append_printf (text, g_dngettext (NULL, "%d record in all",
                                             "%d records in all", MAX (n, 0)),
                          (int) n);

  return g_string_free (text, FALSE);
}

/* The passphrase dialog ------------------------------------------------------ */

typedef struct
{
  GtkEditable        *entry;
  AnttPassphraseFunc  func;
  gpointer            user_data;
} PassphraseRequest;

static void
passphrase_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        PassphraseRequest *request)
{
  /* GTK 4.8 and libadwaita 1.2 send the text field a focus change after
   * it is finalized when its window goes with the focus in it: the
   * focus leaves it first. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);

  if (g_str_equal (response, "unlock"))
    request->func (gtk_editable_get_text (request->entry), request->user_data);
  else
    request->func (NULL, request->user_data);
}

/**
 * antt_ask_passphrase:
 * @problem: (nullable): why it is asked again (a wrong passphrase)
 * @func: called once, with the passphrase, or %NULL when cancelled
 *
 * Asks the passphrase of an encrypted backup, in a dialog over @parent.
 */
void
antt_ask_passphrase (GtkWindow          *parent,
                     const char         *backup_path,
                     const char         *problem,
                     AnttPassphraseFunc  func,
                     gpointer            user_data)
{
  g_autofree char *name = g_path_get_basename (backup_path);
  PassphraseRequest *request = g_new0 (PassphraseRequest, 1);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (parent, _("Passphrase Needed"), NULL);
  /* Translators: %s is the name of a backup file */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” is protected by a passphrase. Type it to see what "
                                    "the backup holds."), name);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  entry = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Passphrase"));
  /* Enter is the Unlock button, the default response. */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  gtk_box_append (GTK_BOX (box), list);
  if (problem != NULL)
    {
      GtkWidget *label = gtk_label_new (problem);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (box), label);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "unlock", _("_Unlock"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unlock",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "unlock");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  request->entry = GTK_EDITABLE (entry);
  request->func = func;
  request->user_data = user_data;
  g_signal_connect_data (dialog, "response", G_CALLBACK (passphrase_response_cb),
                         request, (GClosureNotify) (void (*) (void)) g_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Steps ------------------------------------------------------------------------ */

static GtkWindow *
parent_window (AnttRestore *self)
{
  if (self->window != NULL)
    return GTK_WINDOW (self->window);
  return GTK_WINDOW (self->new_window);
}

static void
finish (AnttRestore *self,
        gboolean     restored)
{
  if (!self->running)
    return;
  self->running = FALSE;

  if (self->progress_window != NULL)
    {
      gtk_window_destroy (self->progress_window);
      g_clear_object (&self->progress_window);
    }

  g_signal_emit (self, signals[FINISHED], 0, restored);

  if (self->application != NULL)
    g_application_release (G_APPLICATION (self->application));
  g_object_unref (self);
}

static void
show_error (AnttRestore  *self,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent_window (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fail (AnttRestore *self,
      GError      *error)
{
  g_clear_error (&self->error);
  self->error = error;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("Cannot Restore the Backup"), error);
  finish (self, FALSE);
}

static void read_manifest (AnttRestore *self);

static void
passphrase_cb (const char *passphrase,
               gpointer    user_data)
{
  AnttRestore *self = user_data;

  if (passphrase == NULL)
    {
      fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                       _("The restore was cancelled.")));
      return;
    }

  antt_backup_passphrase_free (self->passphrase);
  self->passphrase = g_strdup (passphrase);
  read_manifest (self);
}

static GtkWidget *
fact_row (const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

static void begin_replace (AnttRestore *self);

static gboolean
begin_replace_cb (gpointer user_data)
{
  AnttRestore *self = user_data;

  self->wait_id = 0;
  begin_replace (self);
  return G_SOURCE_REMOVE;
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     AnttRestore      *self)
{
  /* Once the dialog is gone: the windows under it are closed then. */
  if (g_str_equal (response, "restore"))
    self->wait_id = g_idle_add (begin_replace_cb, self);
  else
    fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                     _("The restore was cancelled.")));
}

/* What the backup holds, before anything changes. */
static void
confirm (AnttRestore *self)
{
  AnttBackupManifest *manifest = antt_backup_info_get_manifest (self->info);
  g_autofree char *name = g_path_get_basename (self->backup_path);
  g_autofree char *data_name = g_path_get_basename (self->database_path);
  g_autofree char *made = antt_backup_describe_made (manifest);
  g_autofree char *counts = antt_backup_describe_counts (manifest);
  g_autofree char *versions = antt_backup_describe_versions (manifest);
  GtkWidget *dialog;
  GtkWidget *list;

  dialog = adw_message_dialog_new (parent_window (self), _("Restore This Backup?"), NULL);
  /* Translators: %s is the name of the data file */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The data in “%s” will be replaced by the backup’s. "
                                    "The current data is kept first as a copy in the "
                                    "snapshots folder, and can be restored from there."),
                                  data_name);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list),
                       fact_row (_("Commune"), antt_backup_manifest_get_commune (manifest)));
  gtk_list_box_append (GTK_LIST_BOX (list), fact_row (_("Made"), made));
  gtk_list_box_append (GTK_LIST_BOX (list), fact_row (_("Records"), counts));
  gtk_list_box_append (GTK_LIST_BOX (list), fact_row (_("Written by"), versions));
  gtk_list_box_append (GTK_LIST_BOX (list), fact_row (_("File"), name));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AnttRestore *self = source_object;
  GError *error = NULL;
  AnttBackupInfo *info;

  info = antt_backup_read (self->backup_path, self->passphrase, cancellable, &error);
  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) antt_backup_info_unref);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnttRestore *self = ANTT_RESTORE (source);
  GError *error = NULL;
  AnttBackupInfo *info;

  info = g_task_propagate_pointer (G_TASK (result), &error);
  /* Read without its passphrase, an encrypted backup tells nothing more. */
  if (info != NULL && antt_backup_info_get_manifest (info) == NULL)
    {
      antt_backup_info_unref (info);
      antt_ask_passphrase (parent_window (self), self->backup_path, NULL, passphrase_cb, self);
    }
  else if (info != NULL)
    {
      g_clear_pointer (&self->info, antt_backup_info_unref);
      g_clear_error (&self->error);
      self->info = info;
      confirm (self);
    }
  else if (g_error_matches (error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_NEEDS_PASSPHRASE))
    {
      g_error_free (error);
      antt_ask_passphrase (parent_window (self), self->backup_path, NULL, passphrase_cb, self);
    }
  else if (g_error_matches (error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_WRONG_PASSPHRASE))
    {
      /* Kept, so that a test or a caller sees why; asked again meanwhile. */
      g_clear_error (&self->error);
      self->error = error;
      antt_ask_passphrase (parent_window (self), self->backup_path, error->message,
                           passphrase_cb, self);
    }
  else
    {
      fail (self, error);
    }
}

static void
read_manifest (AnttRestore *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, read_cb, NULL);

  g_task_set_source_tag (task, read_manifest);
  g_task_set_name (task, "[antt] read backup");
  g_task_run_in_thread (task, read_thread);
}

/* Replacing --------------------------------------------------------------------- */

static void
progress_cb (AnttBackupStage  stage,
             double           fraction,
             gpointer         user_data)
{
  AnttRestore *self = user_data;

  if (self->progress_bar != NULL)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, fraction);
      gtk_label_set_label (self->stage_label, antt_backup_stage_describe (stage));
    }
}

static void
reopen (AnttRestore *self,
        GError      *error)
{
  g_autoptr(GError) open_error = NULL;
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  self->new_window = g_object_ref (antt_window_new (ANTT_APPLICATION (self->application)));
  antt_window_open_database (self->new_window, self->database_path,
                             ANTT_DATABASE_FLAGS_NONE, &open_error);
  gtk_window_present (GTK_WINDOW (self->new_window));

  if (error == NULL)
    {
      AnttBackupManifest *manifest = antt_backup_info_get_manifest (self->info);
      g_autofree char *made = antt_backup_describe_made (manifest);

      antt_window_add_toast (self->new_window,
                             /* Translators: %s is a date and time and what kind of copy it was */
                             adw_toast_new_format (_("Restored the backup of %s. The data as it "
                                                     "was before is kept in the snapshots."),
                                                   made));
      finish (self, TRUE);
    }
  else if (cancelled)
    {
      antt_window_add_toast (self->new_window,
                             adw_toast_new (_("The restore was cancelled; nothing was changed.")));
      fail (self, error);
    }
  else
    {
      fail (self, error);
    }
}

static void start_restore (AnttRestore *self);

static gboolean
retry_cb (gpointer user_data)
{
  AnttRestore *self = user_data;

  self->retry_id = 0;
  start_restore (self);
  return G_SOURCE_REMOVE;
}

static void
restore_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AnttRestore) self = user_data;
  g_autoptr(AnttBackupInfo) safety = NULL;
  GError *error = NULL;

  if (antt_backup_restore_finish (result, &safety, &error))
    {
      reopen (self, NULL);
      return;
    }

  /* Worker threads of the closed window may still hold a connection. */
  if (g_error_matches (error, ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_LOCKED) &&
      self->attempts < LOCKED_RETRIES && !g_cancellable_is_cancelled (self->cancellable))
    {
      g_error_free (error);
      self->retry_id = g_timeout_add (LOCKED_RETRY_MS, retry_cb, self);
      return;
    }

  reopen (self, error);
}

static void
start_restore (AnttRestore *self)
{
  self->attempts++;
  antt_backup_restore_async (self->backup_path, self->passphrase, self->database_path, NULL,
                             progress_cb, g_object_ref (self), g_object_unref,
                             self->cancellable, restore_cb, g_object_ref (self));
}

static gboolean
close_wait_cb (gpointer user_data)
{
  AnttRestore *self = user_data;

  self->wait_id = 0;
  if (!self->restoring)
    {
      self->restoring = TRUE;
      start_restore (self);
    }
  return G_SOURCE_REMOVE;
}

static void
database_gone_cb (gpointer  user_data,
                  GObject  *where_the_object_was)
{
  AnttRestore *self = user_data;

  g_ptr_array_remove (self->databases, where_the_object_was);
  if (self->databases->len == 0 && !self->restoring)
    {
      g_clear_handle_id (&self->wait_id, g_source_remove);
      self->wait_id = g_idle_add (close_wait_cb, self);
    }
}

static void
cancel_clicked_cb (GtkButton   *button,
                   AnttRestore *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  g_cancellable_cancel (self->cancellable);
}

static gboolean
progress_close_request_cb (GtkWindow   *window,
                           AnttRestore *self)
{
  g_cancellable_cancel (self->cancellable);
  return TRUE;  /* closed when the job is over */
}

static void
show_progress_window (AnttRestore *self)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("Restoring the Backup…"));
  GtkWidget *button = gtk_button_new ();
  GtkWidget *button_label = gtk_label_new_with_mnemonic (_("_Cancel"));
  GtkWidget *handle = gtk_window_handle_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Restoring the Backup"));
  gtk_window_set_default_size (GTK_WINDOW (window), 420, -1);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  if (self->application != NULL)
    gtk_window_set_application (GTK_WINDOW (window), self->application);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_box_append (GTK_BOX (box), heading);

  self->stage_label = GTK_LABEL (gtk_label_new (_("Closing the data file")));
  gtk_widget_add_css_class (GTK_WIDGET (self->stage_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stage_label));

  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress of the restore"),
                                  -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_bar));

  /* A label child: GTK 4.8 names a button with a mnemonic label twice. */
  gtk_label_set_mnemonic_widget (GTK_LABEL (button_label), button);
  gtk_button_set_child (GTK_BUTTON (button), button_label);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  g_signal_connect_object (button, "clicked", G_CALLBACK (cancel_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  gtk_window_handle_set_child (GTK_WINDOW_HANDLE (handle), box);
  adw_window_set_content (ADW_WINDOW (window), handle);
  g_signal_connect_object (window, "close-request", G_CALLBACK (progress_close_request_cb),
                           self, 0);

  self->progress_window = g_object_ref (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
is_transient_for (GtkWindow *window,
                  GtkWindow *ancestor)
{
  for (GtkWindow *w = gtk_window_get_transient_for (window); w != NULL;
       w = gtk_window_get_transient_for (w))
    if (w == ancestor)
      return TRUE;
  return FALSE;
}

/* The windows on the data file, and the dialogs and forms over them. */
static GPtrArray *
windows_to_close (AnttRestore *self)
{
  g_autoptr(GPtrArray) mains = g_ptr_array_new ();
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_ptr_array_add (mains, self->window);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      AnttDatabase *db;

      if (!ANTT_IS_WINDOW (window) || window == GTK_WINDOW (self->window))
        continue;
      db = antt_window_get_database (ANTT_WINDOW (window));
      if (db != NULL && g_strcmp0 (antt_database_get_path (db), self->database_path) == 0)
        g_ptr_array_add (mains, window);
    }

  /* Dialogs first, then their windows. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      for (guint j = 0; j < mains->len; j++)
        if (is_transient_for (window, g_ptr_array_index (mains, j)))
          {
            g_ptr_array_add (all, g_object_ref (window));
            break;
          }
    }
  for (guint j = 0; j < mains->len; j++)
    g_ptr_array_add (all, g_object_ref (g_ptr_array_index (mains, j)));

  return all;
}

static gboolean
is_toplevel (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i);

      if (other == window)
        return TRUE;
    }
  return FALSE;
}

static void
begin_replace (AnttRestore *self)
{
  g_autoptr(GPtrArray) windows = windows_to_close (self);

  /* The forms and dialogs over the data first: any one that will not
   * close, whatever its type (a record form, the nomination wizard or the
   * committee window asking about unsaved input, the backup dialog asking
   * to stop its backup), stops the restore before any window on the data
   * goes. */
  for (guint i = 0; i < windows->len; i++)
    if (!ANTT_IS_WINDOW (g_ptr_array_index (windows, i)))
      gtk_window_close (g_ptr_array_index (windows, i));
  for (guint i = 0; i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);

      if (!ANTT_IS_WINDOW (window) && is_toplevel (window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          fail (self, g_error_new_literal (ANTT_BACKUP_ERROR, ANTT_BACKUP_ERROR_LOCKED,
                                           _("A form is still open with unsaved changes. "
                                             "Save or close it, then restore again; "
                                             "nothing was changed.")));
          return;
        }
    }

  show_progress_window (self);

  for (guint i = 0; i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);

      if (ANTT_IS_WINDOW (window) && antt_window_get_database (ANTT_WINDOW (window)) != NULL)
        {
          AnttDatabase *db = antt_window_get_database (ANTT_WINDOW (window));

          g_ptr_array_add (self->databases, db);
          g_object_weak_ref (G_OBJECT (db), database_gone_cb, self);
        }
    }

  for (guint i = 0; i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);

      if (ANTT_IS_WINDOW (window))
        gtk_window_close (window);
      /* A window that refused to close (unsaved input) goes on holding
       * the file: the restore will say it is in use. Destroyed windows
       * are dropped from the toplevels, and this reference goes with the
       * array. */
    }
  g_clear_object (&self->window);

  if (self->databases->len == 0)
    self->wait_id = g_idle_add (close_wait_cb, self);
  else
    self->wait_id = g_timeout_add (CLOSE_WAIT_MS, close_wait_cb, self);
}

/* GObject ------------------------------------------------------------------------- */

static void
antt_restore_dispose (GObject *object)
{
  AnttRestore *self = ANTT_RESTORE (object);

  g_clear_handle_id (&self->wait_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  for (guint i = 0; i < self->databases->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->databases, i), database_gone_cb, self);
  g_ptr_array_set_size (self->databases, 0);
  g_clear_object (&self->window);
  g_clear_object (&self->new_window);
  g_clear_object (&self->application);
  g_clear_object (&self->progress_window);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (antt_restore_parent_class)->dispose (object);
}

static void
antt_restore_finalize (GObject *object)
{
  AnttRestore *self = ANTT_RESTORE (object);

  g_free (self->backup_path);
  g_free (self->database_path);
  antt_backup_passphrase_free (self->passphrase);
  g_clear_pointer (&self->info, antt_backup_info_unref);
  g_clear_error (&self->error);
  g_ptr_array_unref (self->databases);

  G_OBJECT_CLASS (antt_restore_parent_class)->finalize (object);
}

static void
antt_restore_class_init (AnttRestoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = antt_restore_dispose;
  object_class->finalize = antt_restore_finalize;

  /**
   * AnttRestore::finished:
   * @restored: whether the data file now holds the backup's data
   *
   * Emitted once, when the flow is over: restored, refused, failed or
   * cancelled. antt_restore_get_window() is then the window showing the
   * data file (a new one), or %NULL when nothing was closed.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
antt_restore_init (AnttRestore *self)
{
  self->cancellable = g_cancellable_new ();
  self->databases = g_ptr_array_new ();
}

/**
 * antt_restore_new:
 * @window: the window whose data file is to be replaced
 * @backup_path: the backup
 * @database_path: the data file (the window's, or the one it could not open)
 *
 * Returns: (transfer full): the flow, started with antt_restore_start()
 */
AnttRestore *
antt_restore_new (AnttWindow *window,
                  const char *backup_path,
                  const char *database_path)
{
  AnttRestore *self;
  GtkApplication *application;

  g_return_val_if_fail (ANTT_IS_WINDOW (window), NULL);
  g_return_val_if_fail (backup_path != NULL, NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (ANTT_TYPE_RESTORE, NULL);
  self->window = g_object_ref (window);
  application = gtk_window_get_application (GTK_WINDOW (window));
  if (application != NULL)
    self->application = g_object_ref (application);
  self->backup_path = g_strdup (backup_path);
  self->database_path = g_strdup (database_path);

  return self;
}

/**
 * antt_restore_start:
 *
 * Runs the flow; the flow keeps itself alive (and the application) until
 * #AnttRestore::finished.
 */
void
antt_restore_start (AnttRestore *self)
{
  g_return_if_fail (ANTT_IS_RESTORE (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  g_object_ref (self);
  if (self->application != NULL)
    g_application_hold (G_APPLICATION (self->application));

  read_manifest (self);
}

/**
 * antt_restore_get_window:
 *
 * Returns: (transfer none) (nullable): the window opened on the data file
 *   once the flow is over, or %NULL if the old one was never closed
 */
AnttWindow *
antt_restore_get_window (AnttRestore *self)
{
  g_return_val_if_fail (ANTT_IS_RESTORE (self), NULL);

  return self->new_window;
}

/**
 * antt_restore_get_error:
 *
 * Returns: (transfer none) (nullable): why the flow stopped, or the last
 *   wrong passphrase while it asks again
 */
const GError *
antt_restore_get_error (AnttRestore *self)
{
  g_return_val_if_fail (ANTT_IS_RESTORE (self), NULL);

  return self->error;
}
