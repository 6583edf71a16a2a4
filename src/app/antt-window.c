/* antt-window.c
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "antt-app-util.h"
#include "antt-awards-page.h"
#include "antt-campaign.h"
#include "antt-document-actions.h"
#include "antt-overview-page.h"
#include "antt-record-form.h"
#include "antt-record-page.h"
#include "antt-window.h"

struct _AnttWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *error_page;

  /* Owned */
  AnttDatabase         *database;
  GSettings            *settings;    /* NULL when the schema is not installed */
  AnttDocumentActions  *document_actions;  /* the "doc" group */
};

G_DEFINE_FINAL_TYPE (AnttWindow, antt_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_switcher (AnttWindow *self)
{
  gboolean has_content = self->database != NULL;

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, has_content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.commune-settings", has_content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.movement-settings", has_content);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    has_content &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
}

/* ANTT_PAGE ("teams/members") opens the window on that page, so that
 * screenshots and tests can show any page without clicking to it. */
static void
show_page_from_environment (AnttWindow *self)
{
  const char *path = g_getenv ("ANTT_PAGE");
  g_auto(GStrv) names = NULL;
  GtkWidget *page;

  if (path == NULL || *path == '\0')
    return;

  names = g_strsplit (path, "/", 2);
  adw_view_stack_set_visible_child_name (self->view_stack, names[0]);
  page = adw_view_stack_get_visible_child (self->view_stack);
  if (names[1] != NULL && GTK_IS_BOX (page) &&
      GTK_IS_STACK (gtk_widget_get_last_child (page)))
    gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_last_child (page)), names[1]);
}

/* ANTT_DOCUMENT ("final", "dossier:1"…) opens that document's preview,
 * for screenshots and demonstrations. */
static gboolean
show_document_cb (gpointer data)
{
  AnttWindow *self = data;

  if (self->database != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "doc.preview", "s", g_getenv ("ANTT_DOCUMENT"));
  return G_SOURCE_REMOVE;
}

static void
show_document_from_environment (AnttWindow *self)
{
  const char *spec = g_getenv ("ANTT_DOCUMENT");

  /* Once the window is up, so that the preview goes over it. */
  if (spec != NULL && *spec != '\0')
    g_timeout_add_full (G_PRIORITY_DEFAULT, 300, show_document_cb, g_object_ref (self),
                        g_object_unref);
}

static void
set_database (AnttWindow   *self,
              AnttDatabase *database)
{
  if (!g_set_object (&self->database, database))
    return;

  antt_document_actions_set_database (self->document_actions, database);

  if (database != NULL)
    {
      g_autofree char *name = g_path_get_basename (antt_database_get_path (database));

      adw_view_switcher_title_set_subtitle (self->switcher_title, name);
      gtk_stack_set_visible_child_name (self->main_stack, "content");
      show_page_from_environment (self);
      show_document_from_environment (self);
    }
  else
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
    }

  update_switcher (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

static void
show_error (AnttWindow   *self,
            const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  update_switcher (self);
}

/* With a file open, a refused one must not take its place: say why in a
 * dialog and keep working on the current file. */
static void
show_error_dialog (AnttWindow   *self,
                   const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Cannot Open the Data File"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
switcher_title_visible_cb (AnttWindow *self)
{
  update_switcher (self);
}

/* The record page the user sees, inside the tabs of the page shown. */
static AnttRecordPage *
find_shown_record_page (GtkWidget *root)
{
  if (ANTT_IS_RECORD_PAGE (root))
    return ANTT_RECORD_PAGE (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AnttRecordPage *found;

      if (!gtk_widget_get_child_visible (child) || !gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_STACK (root) && gtk_stack_get_visible_child (GTK_STACK (root)) != child)
        continue;

      found = find_shown_record_page (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static AnttRecordPage *
shown_record_page (AnttWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);

  if (self->database == NULL || page == NULL)
    return NULL;
  return find_shown_record_page (page);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AnttRecordPage *page = shown_record_page (ANTT_WINDOW (widget));

  if (page != NULL)
    antt_record_page_focus_search (page);
}

static void
new_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  AnttWindow *self = ANTT_WINDOW (widget);
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);
  AnttRecordPage *page;

  /* A nomination is made through the wizard, which holds the caps. */
  if (self->database != NULL && ANTT_IS_AWARDS_PAGE (visible))
    {
      gtk_widget_activate_action (visible, "awards.new-nomination", NULL);
      return;
    }

  page = shown_record_page (self);
  if (page != NULL)
    antt_record_page_add (page);
}

static void
present_form (AnttWindow *self,
              const char *table,
              gint64      id)
{
  g_autoptr(GError) error = NULL;
  AnttRecordForm *form;

  form = antt_record_form_new (self->database, table, id, &error);
  if (form == NULL)
    {
      show_error_dialog (self, error);
      return;
    }

  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (form));
}

/* The commune's names and signer, used by every report: its one row. */
static void
commune_settings_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  AnttWindow *self = ANTT_WINDOW (widget);

  if (self->database != NULL)
    present_form (self, "commune", 1);
}

/* The plan itself (its number, date, issuer and dates), which the reports
 * quote as their legal basis. */
static void
movement_settings_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  AnttWindow *self = ANTT_WINDOW (widget);
  g_autoptr(AnttRecord) campaign = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;

  campaign = antt_campaign_find_current (self->database, &error);
  if (error != NULL)
    {
      show_error_dialog (self, error);
      return;
    }

  present_form (self, "campaigns", campaign != NULL ? antt_record_get_id (campaign) : 0);
}

static void
save_window_state (AnttWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static void
restore_window_state (AnttWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
antt_window_close_request (GtkWindow *window)
{
  save_window_state (ANTT_WINDOW (window));

  return GTK_WINDOW_CLASS (antt_window_parent_class)->close_request (window);
}

static void
antt_window_dispose (GObject *object)
{
  AnttWindow *self = ANTT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANTT_TYPE_WINDOW);

  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  if (self->document_actions != NULL)
    {
      gtk_widget_insert_action_group (GTK_WIDGET (self), "doc", NULL);
      g_clear_object (&self->document_actions);
    }

  G_OBJECT_CLASS (antt_window_parent_class)->dispose (object);
}

static void
antt_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AnttWindow *self = ANTT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
antt_window_class_init (AnttWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = antt_window_dispose;
  object_class->get_property = antt_window_get_property;

  window_class->close_request = antt_window_close_request;

  /**
   * AnttWindow:database:
   *
   * The open data file, or %NULL while none could be opened. Pages bind
   * their own "database" property to it in the template.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         ANTT_TYPE_DATABASE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANTT_TYPE_OVERVIEW_PAGE);
  g_type_ensure (ANTT_TYPE_RECORD_PAGE);
  g_type_ensure (ANTT_TYPE_AWARDS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/thiduaantt/ThiDuaAntt/antt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AnttWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AnttWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, AnttWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AnttWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AnttWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AnttWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, switcher_title_visible_cb);

  gtk_widget_class_install_action (widget_class, "window.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "window.new-record", NULL, new_record_action);
  gtk_widget_class_install_action (widget_class, "window.commune-settings", NULL,
                                   commune_settings_action);
  gtk_widget_class_install_action (widget_class, "window.movement-settings", NULL,
                                   movement_settings_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  /* The pages take these themselves when they have the focus; from the
   * header or the tabs they go to the page shown. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "window.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "window.new-record", NULL);
}

static void
antt_window_init (AnttWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* doc.preview, doc.export-pdf and doc.print, for the pages' menus. */
  self->document_actions = antt_document_actions_new (GTK_WINDOW (self));

  self->settings = antt_app_settings_new ();
  restore_window_state (self);
  update_switcher (self);
}

/**
 * antt_window_new:
 * @application: (nullable): the application, %NULL in tests
 *
 * Returns: (transfer none): a new window, owned by its toplevel list
 */
AnttWindow *
antt_window_new (AnttApplication *application)
{
  g_return_val_if_fail (application == NULL || ANTT_IS_APPLICATION (application), NULL);

  return g_object_new (ANTT_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * antt_window_get_database:
 *
 * Returns: (transfer none) (nullable): the open data file
 */
AnttDatabase *
antt_window_get_database (AnttWindow *self)
{
  g_return_val_if_fail (ANTT_IS_WINDOW (self), NULL);

  return self->database;
}

/**
 * antt_window_open_database:
 * @path: (nullable): the file, %NULL for the default one
 * @flags: passed to antt_database_open()
 *
 * Opens @path in this window. When the core refuses the file (not a
 * database, another program's, newer, locked…), its message is shown:
 * on the error page while nothing is open, otherwise in a dialog over
 * the file that stays open. A refused file is never changed or replaced.
 *
 * Returns: %TRUE if @path is now the window's database
 */
gboolean
antt_window_open_database (AnttWindow         *self,
                           const char         *path,
                           AnttDatabaseFlags   flags,
                           GError            **error)
{
  g_autoptr(AnttDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ANTT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  database = antt_database_open (path, flags, &local_error);
  if (database == NULL)
    {
      if (self->database != NULL)
        show_error_dialog (self, local_error);
      else
        show_error (self, local_error);

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_database (self, database);
  return TRUE;
}

/**
 * antt_window_add_toast:
 * @toast: (transfer full): the toast
 */
void
antt_window_add_toast (AnttWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (ANTT_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * antt_window_get_document_actions:
 *
 * Returns: (transfer none): the "doc" actions of the window
 */
AnttDocumentActions *
antt_window_get_document_actions (AnttWindow *self)
{
  g_return_val_if_fail (ANTT_IS_WINDOW (self), NULL);

  return self->document_actions;
}
