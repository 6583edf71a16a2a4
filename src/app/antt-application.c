/* antt-application.c
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "antt-app-util.h"
#include "antt-application.h"
#include "antt-database.h"
#include "antt-window.h"

struct _AnttApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;   /* NULL when the schema is not installed */
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

static const GActionEntry app_actions[] = {
  { "open-database", antt_application_open_database_action },
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
}

static void
antt_application_dispose (GObject *object)
{
  AnttApplication *self = ANTT_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (antt_application_parent_class)->dispose (object);
}

static void
antt_application_class_init (AnttApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = antt_application_dispose;

  app_class->activate = antt_application_activate;
  app_class->command_line = antt_application_command_line;
  app_class->handle_local_options = antt_application_handle_local_options;
  app_class->startup = antt_application_startup;
}

static void
antt_application_init (AnttApplication *self)
{
  self->settings = antt_app_settings_new ();

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
