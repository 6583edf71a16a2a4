/* test-records.c: the record pages and forms on real data files.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "antt-database.h"
#include "antt-member-picker.h"
#include "antt-record-form.h"
#include "antt-record-page.h"
#include "antt-records.h"

typedef struct
{
  char         *dir;
  char         *path;
  AnttDatabase *db;
  gint64        village;
  gint64        team;
} Fixture;

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

static gint64
insert (AnttDatabase *db,
        AnttRecord   *record)
{
  g_autoptr(GError) error = NULL;
  gint64 id = antt_records_insert (db, record, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  antt_record_unref (record);
  return id;
}

static AnttRecord *
new_member (Fixture    *fixture,
            const char *name,
            const char *id_number)
{
  AnttRecord *member = antt_record_new ("members");

  antt_record_set_string (member, "full_name", name);
  antt_record_set_string (member, "birth_date", "1985-03-04");
  antt_record_set_string (member, "gender", "male");
  antt_record_set_string (member, "id_number", id_number);
  antt_record_set_int (member, "village_id", fixture->village);
  antt_record_set_int (member, "team_id", fixture->team);
  antt_record_set_string (member, "role", "member");
  antt_record_set_string (member, "joined_date", "2024-07-01");
  antt_record_set_string (member, "education", "upper_secondary");
  antt_record_set_string (member, "residence", "permanent");
  antt_record_set_string (member, "prior_service", "none");
  return member;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AnttRecord *record;

  g_setenv ("ANTT_TODAY", "2025-02-10", TRUE);
  fixture->dir = g_dir_make_tmp ("antt-widget-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "thidua-antt.db", NULL);
  fixture->db = antt_database_open (fixture->path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);

  record = antt_record_new ("villages");
  antt_record_set_string (record, "name", "Thôn Đồng Tâm");
  antt_record_set_string (record, "kind", "village");
  fixture->village = insert (fixture->db, record);

  record = antt_record_new ("teams");
  antt_record_set_string (record, "name", "Tổ bảo vệ ANTT thôn Đồng Tâm");
  fixture->team = insert (fixture->db, record);
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

static gint64
count (Fixture    *fixture,
       const char *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = antt_records_count (fixture->db, table, NULL, &error);

  g_assert_no_error (error);
  return n;
}

/* Runs the main loop until @done (or fails after ten seconds). */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting in %s", G_STRFUNC);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  /* And what the change set off (a re-sort, a selection). */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
page_loaded (gpointer data)
{
  return !antt_record_list_get_loading (antt_record_page_get_list (data));
}

/* A page in a window of its own, shown, with its records loaded. */
static AnttRecordPage *
show_page (Fixture    *fixture,
           const char *table,
           const char *columns,
           GtkWindow **window)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = antt_record_page_new (table, columns);

  *window = GTK_WINDOW (adw_window_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  adw_window_set_content (ADW_WINDOW (*window), overlay);
  gtk_window_set_default_size (*window, 900, 600);
  antt_record_page_set_database (ANTT_RECORD_PAGE (page), fixture->db);
  gtk_window_present (*window);
  wait_until (page_loaded, page);

  return ANTT_RECORD_PAGE (page);
}

static void
set_text (AnttRecordForm *form,
          const char     *column,
          const char     *text)
{
  GtkWidget *row = antt_record_form_get_row (form, column);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
get_text (AnttRecordForm *form,
          const char     *column)
{
  return gtk_editable_get_text (GTK_EDITABLE (antt_record_form_get_row (form, column)));
}

static void
test_refused_save_keeps_input (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AnttRecordForm *form;
  const char *message;

  form = antt_record_form_new (fixture->db, "members", 0, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (form));

  set_text (form, "full_name", "Nguyễn Văn Đức");
  set_text (form, "birth_date", "04/03/1985");
  set_text (form, "id_number", "03808501234");   /* 11 digits */
  set_text (form, "phone", "0912 345 678");

  g_assert_false (antt_record_form_save (form, &error));
  g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_ID_NUMBER);

  /* The core's message, beside the ID number and nowhere else. */
  message = antt_record_form_get_error (form, "id_number");
  g_assert_nonnull (message);
  g_assert_cmpstr (message, ==, error->message);
  g_assert_nonnull (strstr (message, "12 digits"));
  g_assert_true (gtk_widget_has_css_class (antt_record_form_get_row (form, "id_number"), "error"));
  g_assert_null (antt_record_form_get_error (form, "full_name"));
  g_assert_true (gtk_widget_get_mapped (antt_record_form_get_row (form, "id_number")));

  /* Everything typed is still there, and nothing was written. */
  g_assert_cmpstr (get_text (form, "full_name"), ==, "Nguyễn Văn Đức");
  g_assert_cmpstr (get_text (form, "birth_date"), ==, "04/03/1985");
  g_assert_cmpstr (get_text (form, "id_number"), ==, "03808501234");
  g_assert_cmpstr (get_text (form, "phone"), ==, "0912 345 678");
  g_assert_cmpint (count (fixture, "members"), ==, 0);

  /* Fixed, it saves; the message goes. */
  g_clear_error (&error);
  set_text (form, "id_number", "038085012345");
  g_assert_null (antt_record_form_get_error (form, "id_number"));
  g_assert_true (antt_record_form_save (form, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "members"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (form));
}

static GtkTextBuffer *
text_buffer (AnttRecordForm *form,
             const char     *column)
{
  GtkWidget *editor = antt_record_form_get_editor (form, column);

  g_assert_true (GTK_IS_TEXT_VIEW (editor));
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A summary runs to several lines: written in a text box, kept when the
 * save is refused, its own message shown beside it, and saved whole. */
static void
test_multiline_field (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char *summary = "Người dân báo tin: nhóm thanh niên tụ tập đua xe\n"
                               "trên đường liên thôn, khoảng 22 giờ mỗi tối thứ Bảy.";
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) tip = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *reread = NULL;
  AnttRecordForm *form;
  GtkWidget *editor;
  const char *name;
  gint64 id;

  form = antt_record_form_new (fixture->db, "tips", 0, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (form));

  /* A text view with an accessible name, in a row of the form. */
  editor = antt_record_form_get_editor (form, "summary");
  g_assert_true (GTK_IS_TEXT_VIEW (editor));
  g_assert_true (gtk_widget_is_ancestor (editor, antt_record_form_get_row (form, "summary")));
  name = gtk_widget_get_tooltip_text (editor);
  g_assert_cmpstr (name, ==, "Summary");

  /* Refused for the date: the summary typed stays. */
  gtk_text_buffer_set_text (text_buffer (form, "summary"), summary, -1);
  set_text (form, "received_date", "31/02/2025");
  g_assert_false (antt_record_form_save (form, &error));
  g_assert_nonnull (antt_record_form_get_error (form, "received_date"));
  g_assert_null (antt_record_form_get_error (form, "summary"));
  kept = buffer_text (text_buffer (form, "summary"));
  g_assert_cmpstr (kept, ==, summary);
  g_clear_error (&error);

  /* Refused for the summary itself: its message beside it. */
  set_text (form, "received_date", "08/02/2025");
  gtk_text_buffer_set_text (text_buffer (form, "summary"), "", -1);
  g_assert_false (antt_record_form_save (form, &error));
  g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_REQUIRED);
  g_assert_cmpstr (antt_record_form_get_error (form, "summary"), ==, error->message);
  g_assert_true (gtk_widget_has_css_class (antt_record_form_get_row (form, "summary"), "error"));
  g_assert_cmpint (count (fixture, "tips"), ==, 0);
  g_clear_error (&error);

  /* Typing clears the message; saved with its line break. */
  gtk_text_buffer_set_text (text_buffer (form, "summary"), summary, -1);
  g_assert_null (antt_record_form_get_error (form, "summary"));
  g_assert_true (antt_record_form_save (form, &error));
  g_assert_no_error (error);
  id = antt_record_form_get_id (form);
  gtk_window_destroy (GTK_WINDOW (form));

  tip = antt_records_get (fixture->db, "tips", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (antt_record_get_string (tip, "summary"), ==, summary);

  /* And shown back whole for editing. */
  form = antt_record_form_new (fixture->db, "tips", id, &error);
  g_assert_no_error (error);
  reread = buffer_text (text_buffer (form, "summary"));
  g_assert_cmpstr (reread, ==, summary);
  gtk_window_destroy (GTK_WINDOW (form));
}

static void
test_add_and_edit (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) member = NULL;
  AnttRecordForm *form;
  gint64 id;

  form = antt_record_form_new (fixture->db, "members", 0, &error);
  g_assert_no_error (error);
  set_text (form, "full_name", "Trần Thị Đông");
  set_text (form, "birth_date", "12/11/1990");
  set_text (form, "id_number", "038190001122");
  g_assert_true (antt_record_form_save (form, &error));
  g_assert_no_error (error);
  id = antt_record_form_get_id (form);
  gtk_window_destroy (GTK_WINDOW (form));

  member = antt_records_get (fixture->db, "members", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (antt_record_get_string (member, "full_name"), ==, "Trần Thị Đông");
  g_assert_cmpstr (antt_record_get_string (member, "birth_date"), ==, "1990-11-12");
  /* A new record starts on today, in the schema's defaults. */
  g_assert_cmpstr (antt_record_get_string (member, "joined_date"), ==, "2025-02-10");
  g_assert_cmpstr (antt_record_get_string (member, "role"), ==, "member");
  g_assert_cmpint (antt_record_get_int (member, "team_id"), ==, fixture->team);
  g_assert_true (antt_record_get_boolean (member, "health_certified"));
  g_clear_pointer (&member, antt_record_unref);

  /* Edited, with what was stored shown back as typed. */
  form = antt_record_form_new (fixture->db, "members", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (get_text (form, "birth_date"), ==, "12/11/1990");
  set_text (form, "phone", "0912345678");
  g_assert_true (antt_record_form_save (form, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (form));

  member = antt_records_get (fixture->db, "members", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (antt_record_get_string (member, "phone"), ==, "0912345678");
  g_assert_cmpstr (antt_record_get_string (member, "full_name"), ==, "Trần Thị Đông");
  g_assert_cmpint (count (fixture, "members"), ==, 1);
}

static void
test_eligibility_warnings (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AnttRecordForm *form;
  GPtrArray *warnings;

  form = antt_record_form_new (fixture->db, "members", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (antt_record_form_get_warnings (form)->len, ==, 0);

  /* 74 on 10/02/2025, and no decision of the chairman. */
  set_text (form, "full_name", "Lê Văn Cả");
  set_text (form, "birth_date", "01/01/1951");
  set_text (form, "id_number", "038051001122");
  warnings = antt_record_form_get_warnings (form);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "Aged 74"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "Article 13, Law 30/2023/QH15"));

  /* A warning, not a refusal. */
  g_assert_true (antt_record_form_save (form, &error));
  g_assert_no_error (error);

  set_text (form, "over_age_decision", "12/QĐ-UBND");
  g_assert_cmpuint (antt_record_form_get_warnings (form)->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (form));
}

typedef struct
{
  AnttRecordPage *page;
  guint           n;
} Shown;

static gboolean
page_shows (gpointer data)
{
  Shown *shown = data;

  return page_loaded (shown->page) &&
         g_list_model_get_n_items (antt_record_page_get_shown (shown->page)) == shown->n;
}

static const char *
shown_name (AnttRecordPage *page,
            guint           position)
{
  g_autoptr(AnttRecordItem) item = g_list_model_get_item (antt_record_page_get_shown (page),
                                                          position);
  static char name[256];

  g_strlcpy (name, antt_record_item_get_cell (item, 0), sizeof name);
  return name;
}

static void
test_search_folds (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *names[] = {
    "Nguyễn Văn Đức", "Nguyễn Văn Đông", "Nguyễn Thị Dung", "Trần Văn Đức Anh",
  };
  g_autofree char *count_text = NULL;
  GtkWindow *window;
  AnttRecordPage *page;
  Shown shown;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id_number = g_strdup_printf ("0380850000%02u", i);
      insert (fixture->db, new_member (fixture, names[i], id_number));
    }

  page = show_page (fixture, "members", "full_name role :age joined_date", &window);
  shown = (Shown) { page, 4 };
  wait_until (page_shows, &shown);

  gtk_editable_set_text (antt_record_page_get_search_entry (page), "nguyen van duc");
  shown.n = 1;
  wait_until (page_shows, &shown);
  g_assert_cmpstr (shown_name (page, 0), ==, "Nguyễn Văn Đức");

  /* "dong" finds "Đông"; typing on narrows. */
  gtk_editable_set_text (antt_record_page_get_search_entry (page), "dong");
  wait_until (page_shows, &shown);
  g_assert_cmpstr (shown_name (page, 0), ==, "Nguyễn Văn Đông");

  gtk_editable_set_text (antt_record_page_get_search_entry (page), "");
  shown.n = 4;
  wait_until (page_shows, &shown);
  /* Vietnamese order: by given name first (Anh, Dung, Đông, Đức). */
  g_assert_cmpstr (shown_name (page, 0), ==, "Trần Văn Đức Anh");
  g_assert_cmpstr (shown_name (page, 1), ==, "Nguyễn Thị Dung");
  g_assert_cmpstr (shown_name (page, 2), ==, "Nguyễn Văn Đông");
  g_assert_cmpstr (shown_name (page, 3), ==, "Nguyễn Văn Đức");

  gtk_window_destroy (window);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* RFC 4180, as a spreadsheet reads it: fields in quotes may hold commas,
 * line breaks and doubled quotes; records end with CRLF. */
static GPtrArray *
read_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          g_assert_true (*p == '"');
          p++;
          g_assert_true (*p == ',' || *p == '\r');
          continue;
        }
      if (*p == ',')
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          p++;
          continue;
        }
      if (*p == '\r')
        {
          /* Records end with CRLF, never a bare LF or CR. */
          g_assert_cmpint (p[1], ==, '\n');
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (records, fields);
          fields = g_ptr_array_new_with_free_func (g_free);
          p += 2;
          continue;
        }
      g_assert_cmpint (*p, !=, '\n');
      g_string_append_c (field, *p++);
    }

  /* The last record ended with its CRLF too. */
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (fields->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (fields);
  return records;
}

typedef struct
{
  GAsyncResult *result;
} Waiting;

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Waiting *waiting = user_data;

  waiting->result = g_object_ref (result);
}

static gboolean
exported (gpointer data)
{
  return ((Waiting *) data)->result != NULL;
}

/* Exports what @page shows to @path, and reads it back as records. */
static GPtrArray *
export_page (AnttRecordPage *page,
             const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Waiting waiting = { NULL };
  gint64 n;

  antt_record_page_export_csv_async (page, path, NULL, exported_cb, &waiting);
  wait_until (exported, &waiting);
  n = antt_record_page_export_csv_finish (page, waiting.result, &error);
  g_assert_no_error (error);
  g_clear_object (&waiting.result);
  g_assert_cmpint (n, ==, g_list_model_get_n_items (antt_record_page_get_shown (page)));

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  /* UTF-8 with a byte order mark, for Excel. */
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return read_csv (text + 3);
}

static const char *
field_at (GPtrArray *records,
          guint      record,
          guint      field)
{
  GPtrArray *fields = g_ptr_array_index (records, record);

  g_assert_cmpuint (field, <, fields->len);
  return g_ptr_array_index (fields, field);
}

/* The rows of the file are those of the list, in its order, cell for cell. */
static void
assert_export_matches (AnttRecordPage *page,
                       GPtrArray      *records,
                       guint           n_columns)
{
  GListModel *shown = antt_record_page_get_shown (page);

  g_assert_cmpuint (records->len, ==, g_list_model_get_n_items (shown) + 1);
  for (guint r = 1; r < records->len; r++)
    {
      GPtrArray *fields = g_ptr_array_index (records, r);
      g_autoptr(AnttRecordItem) item = g_list_model_get_item (shown, r - 1);

      g_assert_cmpuint (fields->len, ==, n_columns);
      for (guint c = 0; c < n_columns; c++)
        g_assert_cmpstr (g_ptr_array_index (fields, c), ==, antt_record_item_get_cell (item, c));
    }
}

static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *names[] = {
    "Nguyễn Văn Đức", "Nguyễn Văn Đông", "Nguyễn Thị \"Út\" Dung", "Trần Văn Đức Anh",
  };
  g_autofree char *path = g_build_filename (fixture->dir, "members.csv", NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GPtrArray *header;
  GtkToggleButton *reveal;
  GtkColumnView *view;
  GtkWindow *window;
  AnttRecordPage *page;
  AnttRecord *member;
  Shown shown;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id_number = g_strdup_printf ("0380850000%02u", i);

      member = new_member (fixture, names[i], id_number);
      insert (fixture->db, member);
    }

  page = show_page (fixture, "members", "full_name role :age joined_date id_number", &window);
  shown = (Shown) { page, 4 };
  wait_until (page_shows, &shown);

  /* Searched, and sorted by name the other way… */
  gtk_editable_set_text (antt_record_page_get_search_entry (page), "nguyen");
  shown.n = 3;
  wait_until (page_shows, &shown);
  view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (view);
  column = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
  wait_until (page_shows, &shown);

  /* …the file holds exactly the rows and columns shown: not the ID
   * numbers, hidden until asked for. */
  records = export_page (page, path);
  header = g_ptr_array_index (records, 0);
  g_assert_cmpuint (header->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (header, 0), ==, "Full name");
  g_assert_cmpstr (g_ptr_array_index (header, 3), ==, "Date joined");
  assert_export_matches (page, records, 4);
  g_assert_cmpstr (field_at (records, 1, 0), ==, "Nguyễn Văn Đức");
  g_assert_cmpstr (field_at (records, 2, 0), ==, "Nguyễn Văn Đông");
  g_assert_cmpstr (field_at (records, 3, 0), ==, "Nguyễn Thị \"Út\" Dung");
  g_assert_cmpstr (field_at (records, 1, 3), ==, "01/07/2024");
  g_clear_pointer (&records, g_ptr_array_unref);

  /* Shown on request, the ID numbers are exported too. */
  reveal = GTK_TOGGLE_BUTTON (find_widget (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON));
  g_assert_nonnull (reveal);
  gtk_toggle_button_set_active (reveal, TRUE);
  records = export_page (page, path);
  header = g_ptr_array_index (records, 0);
  g_assert_cmpuint (header->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (header, 4), ==, "ID number");
  assert_export_matches (page, records, 5);
  g_assert_cmpstr (field_at (records, 1, 4), ==, "038085000000");

  gtk_window_destroy (window);
}

static gboolean
selected (gpointer data);

/* A click on a heading sorts at once; the selected record stays selected
 * wherever it moves, and the rows shown say what they now show. */
static void
test_sort_keeps_selection (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char *names[] = { "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung" };
  static const char *births[] = { "1990-01-01", "1970-01-01", "1985-01-01", "2000-01-01" };
  g_autoptr(GtkColumnViewColumn) age = NULL;
  g_autoptr(AnttRecordItem) first = NULL;
  GListModel *shown;
  GtkColumnView *view;
  GtkWindow *window;
  AnttRecordPage *page;
  AnttRecordItem *item;
  gint64 ids[G_N_ELEMENTS (names)];
  Shown wanted;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id_number = g_strdup_printf ("0380850000%02u", i);
      AnttRecord *member = new_member (fixture, names[i], id_number);

      antt_record_set_string (member, "birth_date", births[i]);
      ids[i] = insert (fixture->db, member);
    }

  page = show_page (fixture, "members", "full_name :age", &window);
  wanted = (Shown) { page, 4 };
  wait_until (page_shows, &wanted);
  shown = antt_record_page_get_shown (page);

  /* By given name: An, Bình, Cường, Dung; Cường selected. */
  g_assert_cmpstr (shown_name (page, 2), ==, "Lê Văn Cường");
  first = g_list_model_get_item (shown, 0);
  antt_record_page_select (page, ids[2]);
  wait_until (selected, page);

  /* Oldest first: Bình (55), Cường (40), An (35), Dung (25). */
  view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  age = g_list_model_get_item (gtk_column_view_get_columns (view), 1);
  gtk_column_view_sort_by_column (view, age, GTK_SORT_DESCENDING);
  g_assert_cmpstr (shown_name (page, 0), ==, "Trần Thị Bình");
  g_assert_cmpstr (shown_name (page, 1), ==, "Lê Văn Cường");
  g_assert_cmpstr (shown_name (page, 2), ==, "Nguyễn Văn An");
  g_assert_cmpstr (shown_name (page, 3), ==, "Phạm Thị Dung");
  /* An item held from before shows what its position now shows. */
  g_assert_cmpstr (antt_record_item_get_cell (first, 0), ==, "Trần Thị Bình");
  g_assert_cmpstr (antt_record_item_get_cell (first, 1), ==, "55");

  item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown));
  g_assert_nonnull (item);
  g_assert_cmpint (antt_record_item_get_id (item), ==, ids[2]);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown)), ==, 1);

  /* Searched away and back, it is still the one selected. */
  gtk_editable_set_text (antt_record_page_get_search_entry (page), "dung");
  wanted.n = 1;
  wait_until (page_shows, &wanted);
  g_assert_null (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown)));
  gtk_editable_set_text (antt_record_page_get_search_entry (page), "");
  wanted.n = 4;
  wait_until (page_shows, &wanted);
  item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown));
  g_assert_nonnull (item);
  g_assert_cmpint (antt_record_item_get_id (item), ==, ids[2]);

  gtk_window_destroy (window);
}

/* A view keeps the items it shows across a change: those after it move
 * with it and still show the same rows, as the view believes. */
static void
test_items_follow_changes (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char *names[] = { "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Văn Dũng" };
  g_autoptr(AnttRecordItem) third = NULL;
  g_autoptr(AnttRecordItem) fourth = NULL;
  g_autoptr(AnttRecordItem) second = NULL;
  g_autoptr(AnttRecordItem) again = NULL;
  GListModel *shown;
  GtkWindow *window;
  AnttRecordPage *page;
  Shown wanted;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id_number = g_strdup_printf ("0380850000%02u", i);
      insert (fixture->db, new_member (fixture, names[i], id_number));
    }

  page = show_page (fixture, "members", "full_name", &window);
  wanted = (Shown) { page, 4 };
  wait_until (page_shows, &wanted);
  shown = antt_record_page_get_shown (page);
  second = g_list_model_get_item (shown, 1);
  third = g_list_model_get_item (shown, 2);
  fourth = g_list_model_get_item (shown, 3);
  g_assert_cmpstr (antt_record_item_get_cell (second, 0), ==, "Trần Thị Bình");

  /* "van" leaves Bình out: Cường and Dũng move up by one, as themselves. */
  gtk_editable_set_text (antt_record_page_get_search_entry (page), "van");
  wanted.n = 3;
  wait_until (page_shows, &wanted);
  g_assert_cmpstr (antt_record_item_get_cell (third, 0), ==, "Lê Văn Cường");
  g_assert_cmpstr (antt_record_item_get_cell (fourth, 0), ==, "Phạm Văn Dũng");
  again = g_list_model_get_item (shown, 1);
  g_assert_true (again == third);
  g_clear_object (&again);
  again = g_list_model_get_item (shown, 2);
  g_assert_true (again == fourth);
  g_clear_object (&again);
  /* The item of the row left out is the list's no more, and still reads. */
  g_assert_cmpstr (antt_record_item_get_cell (second, 0), ==, "Trần Thị Bình");

  gtk_window_destroy (window);
}

/* The list says which members do not meet Article 13, with the article. */
static void
test_warnings_column (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AnttRecordItem) item = NULL;
  AnttRecord *member;
  GtkWindow *window;
  AnttRecordPage *page;
  Shown wanted;

  member = new_member (fixture, "Lê Văn Cả", "038051001122");
  antt_record_set_string (member, "birth_date", "1951-01-01");
  antt_record_set_boolean (member, "health_certified", FALSE);
  insert (fixture->db, member);

  page = show_page (fixture, "members", "full_name :age :warnings", &window);
  wanted = (Shown) { page, 1 };
  wait_until (page_shows, &wanted);

  item = g_list_model_get_item (antt_record_page_get_shown (page), 0);
  g_assert_cmpstr (antt_record_item_get_cell (item, 1), ==, "74");
  g_assert_cmpstr (antt_record_item_get_cell (item, 2), ==, "Age, Health");
  g_assert_nonnull (strstr (antt_record_item_get_tooltip (item), "Aged 74"));
  g_assert_nonnull (strstr (antt_record_item_get_tooltip (item),
                            "Health not certified (Article 13, Law 30/2023/QH15)."));

  gtk_window_destroy (window);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
selected (gpointer data)
{
  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (antt_record_page_get_shown (data))) != NULL;
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) incident = NULL;
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) participants = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *window;
  AnttRecordPage *page;
  AnttRecord *record;
  gint64 member, id;
  Shown shown;

  member = insert (fixture->db, new_member (fixture, "Nguyễn Văn Đức", "038085000001"));
  record = antt_record_new ("incidents");
  antt_record_set_string (record, "occurred_date", "2025-01-20");
  antt_record_set_string (record, "type", "public_order");
  antt_record_set_string (record, "severity", "minor");
  antt_record_set_string (record, "title", "Gây rối trật tự tại chợ");
  id = insert (fixture->db, record);
  record = antt_record_new ("incident_participants");
  antt_record_set_int (record, "incident_id", id);
  antt_record_set_int (record, "member_id", member);
  antt_record_set_boolean (record, "on_time", TRUE);
  insert (fixture->db, record);

  page = show_page (fixture, "incidents", "occurred_date title type :participants", &window);
  shown = (Shown) { page, 1 };
  wait_until (page_shows, &shown);
  antt_record_page_select (page, id);
  wait_until (selected, page);

  /* Delete asks first; cancelling keeps the record. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "record.delete", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  g_assert_cmpint (count (fixture, "incidents"), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "record.delete", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  g_assert_cmpint (count (fixture, "incidents"), ==, 0);
  g_assert_cmpint (count (fixture, "incident_participants"), ==, 0);
  shown.n = 0;
  wait_until (page_shows, &shown);

  /* Undo brings it back with its id and the members who took part. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "record.undo", NULL));
  incident = antt_records_get (fixture->db, "incidents", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (antt_record_get_string (incident, "title"), ==, "Gây rối trật tự tại chợ");
  antt_filter_add_equals (filter, "incident_id", id);
  participants = antt_records_list (fixture->db, "incident_participants", filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (participants->len, ==, 1);
  g_assert_cmpint (antt_record_get_int (g_ptr_array_index (participants, 0), "member_id"), ==, member);
  g_assert_true (antt_record_get_boolean (g_ptr_array_index (participants, 0), "on_time"));

  shown.n = 1;
  wait_until (page_shows, &shown);
  wait_until (selected, page);

  gtk_window_destroy (window);
}

static gboolean
picker_shows_one (gpointer data)
{
  return g_list_model_get_n_items (antt_member_picker_get_shown (data)) == 1;
}

static void
test_participants (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) rows = NULL;
  AnttMemberPicker *picker;
  AnttRecordForm *form;
  AnttRecord *left;
  gint64 member, gone, id;

  member = insert (fixture->db, new_member (fixture, "Nguyễn Văn Đức", "038085000001"));
  left = new_member (fixture, "Phạm Văn Lâm", "038085000002");
  antt_record_set_string (left, "left_date", "2024-12-31");
  antt_record_set_string (left, "left_reason", "moved");
  gone = insert (fixture->db, left);
  insert (fixture->db, new_member (fixture, "Hoàng Thị Mai", "038085000003"));

  form = antt_record_form_new (fixture->db, "callouts", 0, &error);
  g_assert_no_error (error);
  set_text (form, "place", "Kho rơm thôn Đồng Tâm");
  set_text (form, "date", "05/02/2025");
  picker = antt_record_form_get_picker (form);
  g_assert_nonnull (picker);

  /* Only the members active on the date are offered, and search folds. */
  g_assert_cmpuint (g_list_model_get_n_items (antt_member_picker_get_shown (picker)), ==, 2);
  gtk_editable_set_text (antt_member_picker_get_search_entry (picker), "duc");
  wait_until (picker_shows_one, picker);

  antt_member_picker_set_chosen (picker, member, TRUE, 1 | 2);   /* present, on time */
  g_assert_true (antt_record_form_save (form, &error));
  g_assert_no_error (error);
  id = antt_record_form_get_id (form);

  antt_filter_add_equals (filter, "callout_id", id);
  rows = antt_records_list (fixture->db, "callout_members", filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (antt_record_get_int (g_ptr_array_index (rows, 0), "member_id"), ==, member);
  g_assert_true (antt_record_get_boolean (g_ptr_array_index (rows, 0), "present"));
  g_assert_true (antt_record_get_boolean (g_ptr_array_index (rows, 0), "on_time"));

  /* A member who had left is refused by the core, in the picker, and the
   * whole save is undone. */
  antt_member_picker_set_chosen (picker, member, FALSE, 0);
  antt_member_picker_set_chosen (picker, gone, TRUE, 1);
  g_assert_false (antt_record_form_save (form, &error));
  g_assert_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_INACTIVE_MEMBER);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = antt_records_list (fixture->db, "callout_members", filter, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (antt_record_get_int (g_ptr_array_index (rows, 0), "member_id"), ==, member);

  gtk_window_destroy (GTK_WINDOW (form));
}

static void
test_commune_settings (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) commune = NULL;
  AnttRecordForm *form;

  form = antt_record_form_new (fixture->db, "commune", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (get_text (form, "commune_name"), ==, "Bình Lương");
  set_text (form, "signer_name", "Nguyễn Văn Ký");
  g_assert_true (antt_record_form_save (form, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (form));

  commune = antt_records_get (fixture->db, "commune", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (antt_record_get_string (commune, "signer_name"), ==, "Nguyễn Văn Ký");
  g_assert_cmpstr (antt_record_get_string (commune, "commune_name"), ==, "Bình Lương");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

  ADD ("/form/refused-save-keeps-input", test_refused_save_keeps_input);
  ADD ("/form/add-and-edit", test_add_and_edit);
  ADD ("/form/multiline-field", test_multiline_field);
  ADD ("/form/eligibility-warnings", test_eligibility_warnings);
  ADD ("/form/participants", test_participants);
  ADD ("/form/commune-settings", test_commune_settings);
  ADD ("/page/search-folds", test_search_folds);
  ADD ("/page/delete-and-undo", test_delete_and_undo);
  ADD ("/page/export-csv", test_export_csv);
  ADD ("/page/sort-keeps-selection", test_sort_keeps_selection);
  ADD ("/page/warnings-column", test_warnings_column);
  ADD ("/page/items-follow-changes", test_items_follow_changes);

  return g_test_run ();
}
