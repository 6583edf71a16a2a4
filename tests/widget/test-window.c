/* test-window.c: the main window and the overview page on real data files.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "antt-campaign.h"
#include "antt-database.h"
#include "antt-nomination-wizard.h"
#include "antt-overview-page.h"
#include "antt-record-form.h"
#include "antt-record-page.h"
#include "antt-records.h"
#include "antt-window.h"

typedef struct
{
  char         *dir;
  char         *path;
  AnttDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("antt-widget-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "thidua-antt.db", NULL);
  fixture->db = antt_database_open (fixture->path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  remove_dir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
  g_unsetenv ("ANTT_TODAY");
}

/* The first GtkLabel under @root, in tree order, whose text contains every
 * one of the NULL-terminated strings. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *first,
            ...)
{
  GtkLabel *found = NULL;
  g_autoptr(GPtrArray) needles = g_ptr_array_new ();
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_ptr_array_add (needles, (gpointer) s);
  va_end (args);

  /* Depth first, in the order the widgets are shown. */
  g_ptr_array_add (queue, root);
  while (queue->len > 0 && found == NULL)
    {
      GtkWidget *widget = g_ptr_array_steal_index (queue, queue->len - 1);
      g_autoptr(GPtrArray) children = g_ptr_array_new ();

      if (GTK_IS_LABEL (widget))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (widget));
          gboolean all = TRUE;

          for (guint i = 0; i < needles->len && all; i++)
            all = strstr (text, g_ptr_array_index (needles, i)) != NULL;
          if (all)
            found = GTK_LABEL (widget);
        }

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (children, child);
      for (guint i = children->len; i > 0; i--)
        g_ptr_array_add (queue, g_ptr_array_index (children, i - 1));
    }

  return found;
}

static GtkWidget *
find_widget_of_type (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The page a GtkStack under @root shows, among those of @type. */
static GtkWidget *
find_shown_of_type (GtkWidget *root,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      GtkWidget *parent = gtk_widget_get_parent (root);

      if (!GTK_IS_STACK (parent) || gtk_stack_get_visible_child (GTK_STACK (parent)) == root)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_STACK (root) && gtk_stack_get_visible_child (GTK_STACK (root)) != child)
        continue;

      found = find_shown_of_type (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
new_overview (AnttDatabase *db)
{
  GtkWidget *page = antt_overview_page_new ();

  g_object_ref_sink (page);
  antt_overview_page_set_database (ANTT_OVERVIEW_PAGE (page), db);

  return page;
}

static void
test_overview_before_deadline (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GtkWidget) page = NULL;
  GtkLabel *label;

  g_setenv ("ANTT_TODAY", "2025-02-10", TRUE);
  page = new_overview (fixture->db);

  g_assert_nonnull (find_label (page, "Lực lượng mới, khí thế mới, thi đua bảo đảm an ninh",
                                NULL));
  g_assert_nonnull (find_label (page, "19/08/2024", "03/02/2025", NULL));

  /* Phase 1's report is due on 15/02/2025: five days on. */
  label = find_label (page, "15/02/2025", NULL);
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (label), "5 days left"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "warning"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));

  /* Phase 2 is the current one; its report is months away. */
  label = find_label (page, "25/08/2025", NULL);
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (label), "196 days left"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (label), "warning"));

  label = find_label (page, "In progress —", NULL);
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (label), "190 days left"));
}

static void
test_overview_overdue (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GtkWidget) page = NULL;
  GtkLabel *label;

  g_setenv ("ANTT_TODAY", "2025-03-01", TRUE);
  page = new_overview (fixture->db);

  label = find_label (page, "15/02/2025", NULL);
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (label), "14 days overdue"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (label), "warning"));
}

static void
test_overview_ended (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GtkWidget) page = NULL;

  g_setenv ("ANTT_TODAY", "2026-12-31", TRUE);
  page = new_overview (fixture->db);

  g_assert_nonnull (find_label (page, "Ended", NULL));
  g_assert_nonnull (find_label (page, "25/08/2025", "493 days overdue", NULL));
}

static void
test_overview_follows_changes (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GtkWidget) page = NULL;
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) phases = NULL;
  g_autoptr(GError) error = NULL;
  AnttRecord *phase;

  g_setenv ("ANTT_TODAY", "2025-02-10", TRUE);
  page = new_overview (fixture->db);

  antt_filter_add_equals (filter, "ordinal", 1);
  phases = antt_records_list (fixture->db, "phases", filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (phases->len, ==, 1);
  phase = g_ptr_array_index (phases, 0);

  antt_record_set_string (phase, "report_deadline", "2025-03-31");
  g_assert_true (antt_records_update (fixture->db, phase, &error));
  g_assert_no_error (error);

  g_assert_null (find_label (page, "15/02/2025", NULL));
  g_assert_nonnull (find_label (page, "31/03/2025", "49 days left", NULL));
}

static void
test_window_shows_database (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AnttWindow *window;
  GtkWidget *page;

  g_setenv ("ANTT_TODAY", "2025-02-10", TRUE);
  window = antt_window_new (NULL);
  g_assert_true (antt_window_open_database (window, fixture->path,
                                            ANTT_DATABASE_FLAGS_NO_CREATE, &error));
  g_assert_no_error (error);
  g_assert_nonnull (antt_window_get_database (window));

  /* The page gets the window's file through the template's binding. */
  page = find_widget_of_type (GTK_WIDGET (window), ANTT_TYPE_OVERVIEW_PAGE);
  g_assert_nonnull (page);
  g_assert_true (antt_overview_page_get_database (ANTT_OVERVIEW_PAGE (page)) ==
                 antt_window_get_database (window));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "15/02/2025", "5 days left", NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

static AnttRecordForm *
find_form (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ANTT_IS_RECORD_FORM (window))
        return ANTT_RECORD_FORM (window);
    }
  return NULL;
}

/* Ctrl+F and Ctrl+N act on the page shown, wherever the focus is. */
static void
test_window_shortcuts (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AnttWindow *window;
  AnttRecordForm *form;
  GtkWidget *page;
  GtkWidget *focus;

  g_setenv ("ANTT_PAGE", "teams/members", TRUE);
  window = antt_window_new (NULL);
  g_assert_true (antt_window_open_database (window, fixture->path,
                                            ANTT_DATABASE_FLAGS_NO_CREATE, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  g_unsetenv ("ANTT_PAGE");

  page = find_shown_of_type (GTK_WIDGET (window), ANTT_TYPE_RECORD_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpstr (antt_record_list_get_table (antt_record_page_get_list (ANTT_RECORD_PAGE (page)))->name,
                   ==, "members");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.find", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (antt_record_page_get_search_entry (ANTT_RECORD_PAGE (page)))));

  g_assert_null (find_form ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.new-record", NULL));
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (form)), ==, "New member");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (form)) == GTK_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (form));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }
  return NULL;
}

/* On Khen thưởng, Ctrl+N opens the wizard, which holds the caps, never the
 * plain form that would let a nomination skip them. */
static void
test_window_new_nomination (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AnttWindow *window;
  GtkWindow *wizard;

  g_setenv ("ANTT_PAGE", "awards", TRUE);
  window = antt_window_new (NULL);
  g_assert_true (antt_window_open_database (window, fixture->path,
                                            ANTT_DATABASE_FLAGS_NO_CREATE, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  g_unsetenv ("ANTT_PAGE");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.new-record", NULL));
  wizard = find_toplevel_of_type (ANTT_TYPE_NOMINATION_WIZARD);
  g_assert_nonnull (wizard);
  g_assert_null (find_form ());
  g_assert_true (gtk_window_get_transient_for (wizard) == GTK_WINDOW (window));

  gtk_window_destroy (wizard);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Movement Plan edits the plan the reports quote: its number is kept. */
static void
test_window_movement_settings (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) campaign = NULL;
  AnttWindow *window;
  AnttRecordForm *form;
  GtkWidget *editor;

  window = antt_window_new (NULL);
  g_assert_true (antt_window_open_database (window, fixture->path,
                                            ANTT_DATABASE_FLAGS_NO_CREATE, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.movement-settings", NULL));
  form = find_form ();
  g_assert_nonnull (form);
  campaign = antt_campaign_find_current (antt_window_get_database (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (antt_record_form_get_id (form), ==, antt_record_get_id (campaign));

  editor = antt_record_form_get_editor (form, "plan_number");
  g_assert_true (GTK_IS_EDITABLE (editor));
  gtk_editable_set_text (GTK_EDITABLE (editor), "12/KH-BCĐ");
  g_assert_true (antt_record_form_save (form, &error));
  g_assert_no_error (error);

  g_clear_pointer (&campaign, antt_record_unref);
  campaign = antt_campaign_find_current (antt_window_get_database (window), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (antt_record_get_string (campaign, "plan_number"), ==, "12/KH-BCĐ");

  if (find_form () != NULL)
    gtk_window_destroy (GTK_WINDOW (find_form ()));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_refused_file (void)
{
  static const char text[] = "Danh sách tổ viên\nNguyễn Văn A, thôn 1\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("antt-widget-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "members.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *after = NULL;
  gsize length = 0;
  AnttWindow *window;
  AdwStatusPage *status;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, &error));

  window = antt_window_new (NULL);
  g_assert_false (antt_window_open_database (window, path, ANTT_DATABASE_FLAGS_NONE, &error));
  g_assert_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_NOT_DATABASE);
  g_assert_null (antt_window_get_database (window));

  gtk_window_present (GTK_WINDOW (window));

  /* The error page is the one shown, with the core's own message. */
  status = ADW_STATUS_PAGE (find_shown_of_type (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Cannot Open the Data File");
  g_assert_nonnull (strstr (adw_status_page_get_description (status), error->message));
  g_assert_nonnull (find_label (GTK_WIDGET (status), "Open Another File", NULL));
  g_assert_nonnull (find_label (GTK_WIDGET (status), "Quit", NULL));

  /* The refused file is left exactly as it was, with nothing beside it. */
  g_assert_true (g_file_get_contents (path, &after, &length, NULL));
  g_assert_cmpmem (after, length, text, strlen (text));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

static void
test_window_saves_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AnttWindow *window;
  int width, height;

  window = antt_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  /* Only a realized window takes close requests. */
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens at that size. */
  window = antt_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* Run under Xvfb (see meson.build): X11 and the software renderer,
   * whatever session the tests were started from. */
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/overview/before-deadline", Fixture, NULL,
              fixture_set_up, test_overview_before_deadline, fixture_tear_down);
  g_test_add ("/overview/overdue", Fixture, NULL,
              fixture_set_up, test_overview_overdue, fixture_tear_down);
  g_test_add ("/overview/ended", Fixture, NULL,
              fixture_set_up, test_overview_ended, fixture_tear_down);
  g_test_add ("/overview/follows-changes", Fixture, NULL,
              fixture_set_up, test_overview_follows_changes, fixture_tear_down);
  g_test_add ("/window/shows-database", Fixture, NULL,
              fixture_set_up, test_window_shows_database, fixture_tear_down);
  g_test_add ("/window/new-nomination", Fixture, NULL,
              fixture_set_up, test_window_new_nomination, fixture_tear_down);
  g_test_add ("/window/movement-settings", Fixture, NULL,
              fixture_set_up, test_window_movement_settings, fixture_tear_down);
  g_test_add ("/window/shortcuts", Fixture, NULL,
              fixture_set_up, test_window_shortcuts, fixture_tear_down);
  g_test_add_func ("/window/refused-file", test_window_refused_file);
  g_test_add_func ("/window/saves-size", test_window_saves_size);

  return g_test_run ();
}
