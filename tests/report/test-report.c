/* test-report.c: the documents as the office relies on them.
 *
 *   - the Decree's date line and document numbers;
 *   - the register gives each document one number, keeps it when the
 *     document is printed again, starts again each year, and refuses a
 *     number taken;
 *   - the clerk's sections and the recipients are kept;
 *   - CSV quoting (RFC 4180) and Vietnamese labels (that every label has
 *     its Vietnamese is po-complete's check on vi.po, where they come from);
 *   - the layout: long tables over several pages, a row taller than a page;
 *   - every document and the dossier on a year of demo data, agreeing with
 *     one another.
 *
 * Real SQLite files in a temporary folder; PDFs written there too.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "antt-csv.h"
#include "antt-database-private.h"
#include "antt-demo.h"
#include "antt-document.h"
#include "antt-nominations.h"
#include "antt-report-store.h"
#include "antt-reports.h"
#include "report-fixture.h"

/* Helpers ----------------------------------------------------------------- */

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

typedef struct
{
  char         *dir;
  AnttDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fx->dir = g_dir_make_tmp ("test-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "antt.db", NULL);
  fx->db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (report_fixture_ensure_schema (fx->db, REPORT_SCHEMA_V3, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->db);
  remove_tree (fx->dir);
  g_free (fx->dir);
}

static gint64
count_rows (AnttDatabase *db,
            const char   *sql)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (antt_database_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Dates and numbers ------------------------------------------------------- */

static void
test_place_date (void)
{
  struct { const char *iso, *expected; } cases[] = {
    { "2025-02-05", "Bình Lương, ngày 05 tháng 02 năm 2025" },
    { "2025-08-25", "Bình Lương, ngày 25 tháng 8 năm 2025" },
    { "2024-12-01", "Bình Lương, ngày 01 tháng 12 năm 2024" },
    { "2025-01-15", "Bình Lương, ngày 15 tháng 01 năm 2025" },
    { "2025-10-09", "Bình Lương, ngày 09 tháng 10 năm 2025" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = antt_document_format_place_date ("Bình Lương", cases[i].iso);
      g_assert_cmpstr (line, ==, cases[i].expected);
    }
}

static void
test_number_format (void)
{
  AnttDocNumber n = { (char *) "BC", 2025, 5, (char *) "2025-02-05" };
  g_autofree char *a = antt_doc_number_format (&n, "CAX");
  g_autofree char *b = NULL;

  g_assert_cmpstr (a, ==, "05/BC-CAX");
  n.type_code = (char *) "TTr";
  n.number = 12;
  b = antt_doc_number_format (&n, "CAX");
  g_assert_cmpstr (b, ==, "12/TTr-CAX");
}

/* The register -------------------------------------------------------------- */

static int
take (AnttDatabase *db,
      const char   *key,
      const char   *type,
      const char   *date,
      char        **issued)
{
  g_autoptr(GError) error = NULL;
  g_auto(AnttDocNumber) number = { 0 };

  g_assert_true (antt_document_register_take (db, key, type, 0, "thử", date, &number, &error));
  g_assert_no_error (error);
  if (issued != NULL)
    *issued = g_strdup (number.issued_date);
  return number.number;
}

static void
test_register (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *issued = NULL;
  g_auto(AnttDocNumber) found = { 0 };

  /* One sequence per type and year. */
  g_assert_cmpint (take (fx->db, "a", "BC", "2025-02-05", NULL), ==, 1);
  g_assert_cmpint (take (fx->db, "b", "BC", "2025-03-01", NULL), ==, 2);
  g_assert_cmpint (take (fx->db, "c", "TTr", "2025-03-01", NULL), ==, 1);

  /* Printed again: the same number and date. */
  g_assert_cmpint (take (fx->db, "a", "BC", NULL, &issued), ==, 1);
  g_assert_cmpstr (issued, ==, "2025-02-05");
  g_assert_cmpint (take (fx->db, "a", "BC", "2025-02-07", NULL), ==, 1);

  /* Dated in another year: the first number of that year. */
  g_assert_cmpint (take (fx->db, "a", "BC", "2026-01-05", NULL), ==, 1);
  g_assert_true (antt_document_register_lookup (fx->db, "a", &found, &error));
  g_assert_cmpint (found.year, ==, 2026);

  /* A number set by hand, and one that is taken. */
  g_assert_true (antt_document_register_set_number (fx->db, "b", 7, &error));
  g_assert_no_error (error);
  g_assert_cmpint (take (fx->db, "d", "BC", "2025-04-01", NULL), ==, 8);
  g_assert_false (antt_document_register_set_number (fx->db, "d", 7, &error));
  g_assert_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NUMBER_TAKEN);
  g_clear_error (&error);

  antt_doc_number_clear (&found);  /* an out parameter: filled afresh */
  g_assert_false (antt_document_register_take (fx->db, "e", "BC", 0, NULL, "05/02/2025", &found,
                                               &error));
  g_assert_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_INVALID);
  g_clear_error (&error);

  /* Every change audited. */
  g_assert_cmpint (count_rows (fx->db, "SELECT count(*) FROM audit_log"
                                       " WHERE table_name = 'document_register'"), ==, 7);
}

static void
test_texts_and_settings (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) to = NULL;
  g_auto(GStrv) cc = NULL;
  const char *addressees[] = { "Chủ tịch UBND tỉnh Thanh Hóa", NULL };
  const char *recipients[] = { "Như trên", "Công an huyện (b/c)", NULL };
  gint64 phase = antt_report_find_phase (fx->db, 1, &error);

  g_assert_no_error (error);
  empty = antt_report_texts_get (fx->db, phase, ANTT_REPORT_SECTION_RESULTS, &error);
  g_assert_cmpstr (empty, ==, "");

  /* Stored NFC, whatever the keyboard sent ("Hòa" with a combining grave). */
  g_assert_true (antt_report_texts_set (fx->db, phase, ANTT_REPORT_SECTION_RESULTS,
                                        "Ho\xcc\x80" "a thuận", &error));
  g_assert_true (antt_report_texts_set (fx->db, phase, ANTT_REPORT_SECTION_RESULTS,
                                        "Hòa thuận, đoàn kết", &error));
  g_assert_no_error (error);
  text = antt_report_texts_get (fx->db, phase, ANTT_REPORT_SECTION_RESULTS, &error);
  g_assert_cmpstr (text, ==, "Hòa thuận, đoàn kết");

  g_assert_true (antt_document_settings_get (fx->db, "proposal", 3, &to, &cc, &error));
  g_assert_null (to);
  g_assert_true (antt_document_settings_set (fx->db, "proposal", 3, addressees, recipients, &error));
  g_assert_no_error (error);
  g_assert_true (antt_document_settings_get (fx->db, "proposal", 3, &to, &cc, &error));
  g_assert_cmpstrv (to, addressees);
  g_assert_cmpstrv (cc, recipients);
  g_clear_pointer (&to, g_strfreev);
  g_clear_pointer (&cc, g_strfreev);

  /* Another award has no row, nor does the kind as a whole. */
  g_assert_true (antt_document_settings_get (fx->db, "proposal", 4, &to, &cc, &error));
  g_assert_null (to);
  g_assert_null (cc);
}

/* CSV ------------------------------------------------------------------------- */

static void
test_csv_quoting (void)
{
  struct { const char *field, *expected; } cases[] = {
    { "Nguyễn Văn Đức", "Nguyễn Văn Đức" },
    { "a,b", "\"a,b\"" },
    { "gọi là \"bạn\"", "\"gọi là \"\"bạn\"\"\"" },
    { "dòng 1\ndòng 2", "\"dòng 1\ndòng 2\"" },
    { "=1+1", "'=1+1" },
    { "-5", "-5" },
    { "- Tham gia", "'- Tham gia" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      antt_csv_append_field (line, cases[i].field);
      g_assert_cmpstr (line->str, ==, cases[i].expected);
    }
}

static void
test_csv_writer (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(AnttCsvWriter) writer = antt_csv_writer_new (memory);
  const char *row1[] = { "STT", "Họ và tên" };
  const char *row2[] = { "1", "Trần Thị Ánh, \"Tổ trưởng\"" };
  const char *expected = "\xEF\xBB\xBFSTT,Họ và tên\r\n1,\"Trần Thị Ánh, \"\"Tổ trưởng\"\"\"\r\n";

  g_assert_true (antt_csv_writer_write_row (writer, row1, 2, &error));
  g_assert_true (antt_csv_writer_write_row (writer, row2, 2, &error));
  g_assert_true (antt_csv_writer_close (writer, &error));
  g_assert_true (g_output_stream_close (memory, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)),
                   expected, strlen (expected));
}

static void
test_vi_labels (void)
{
  g_assert_cmpstr (antt_csv_vi_label ("Full name"), ==, "Họ và tên");
  g_assert_cmpstr (antt_csv_vi_label ("Team leader (Tổ trưởng)"), ==, "Tổ trưởng");
  g_assert_cmpstr (antt_csv_vi_label ("Male"), ==, "Nam");
  g_assert_cmpstr (antt_csv_vi_label ("no such label"), ==, "no such label");
}

/* Layout ---------------------------------------------------------------------- */

static AnttDocument *
long_document (guint   rows,
               gboolean tall)
{
  AnttDocument *doc = antt_document_new ("Thử");
  AnttDocHeader header = { "BCĐ ANTT XÃ BÌNH LƯƠNG", "CÔNG AN XÃ BÌNH LƯƠNG", "01/DS-CAX",
                           "Bình Lương", "2025-02-05" };
  AnttSignature sig = { NULL, "TRƯỞNG BAN", "CHỦ TỊCH UBND XÃ", NULL, "Lê Đức Tuấn" };
  const char *recipients[] = { "Lưu: VT, CAX.", NULL };
  const char *head[] = { "STT", "Tên", "Tóm tắt thành tích", NULL };
  AnttDocTable *table;

  antt_document_set_header (doc, &header);
  antt_document_add_title (doc, "DANH SÁCH", "Thử");
  table = antt_document_add_table (doc, 3, (const double[]) { 1, 3, 5 });
  antt_doc_table_add_header (table, head);
  for (guint i = 0; i < rows; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", i + 1);
      g_autoptr(GString) text = g_string_new ("Tham gia tuần tra bảo đảm an ninh, trật tự.");

      if (tall && i == 1)
        for (guint k = 0; k < 400; k++)
          g_string_append (text, " Tham gia tuần tra bảo đảm an ninh, trật tự.");
      ADD_ROW (table, n, "Nguyễn Văn Đức", text->str);
    }
  antt_document_add_closing (doc, recipients, NULL, &sig);
  return doc;
}

static void
test_layout_long_table (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDocument) doc = long_document (150, FALSE);
  g_autofree char *pdf = g_build_filename (fx->dir, "long.pdf", NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint pages = antt_document_get_n_pages (doc);

  g_assert_cmpuint (pages, >=, 4);
  g_assert_cmpuint (antt_doc_table_get_n_rows (antt_document_get_table (doc, 0)), ==, 150);

  /* Any cairo_t will do, as for printing. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  for (guint p = 0; p < pages; p++)
    antt_document_render_page (doc, cr, p);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (antt_document_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
}

static void
test_layout_tall_row (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDocument) doc = long_document (3, TRUE);
  g_autofree char *pdf = g_build_filename (fx->dir, "tall.pdf", NULL);

  /* About 5 pages of one cell: split between its lines. */
  g_assert_cmpuint (antt_document_get_n_pages (doc), >=, 4);
  g_assert_true (antt_document_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);
}

static void
test_write_refused (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDocument) doc = long_document (2, FALSE);
  g_autofree char *pdf = g_build_filename (fx->dir, "no-such-folder", "x.pdf", NULL);

  g_assert_false (antt_document_write_pdf (doc, pdf, &error));
  g_assert_nonnull (error);
}

/* Documents on demo data -------------------------------------------------- */

static void
test_documents (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(ReportFixture) rf = { 0 };
  g_auto(AnttDocNumber) proposal = { 0 };
  g_autofree char *proposal_key = NULL;
  g_autofree char *dossier_pdf = g_build_filename (fx->dir, "dossier.pdf", NULL);
  g_autofree char *dossier_dir = g_build_filename (fx->dir, "dossier", NULL);
  AnttReportOptions options = { 0, 0, 0, 0, "2025-02-10" };
  const AnttReportKind kinds[] = { ANTT_REPORT_KIND_NOMINEES, ANTT_REPORT_KIND_PROPOSAL,
                                   ANTT_REPORT_KIND_MINUTES, ANTT_REPORT_KIND_INTERIM,
                                   ANTT_REPORT_KIND_FINAL, ANTT_REPORT_KIND_ACHIEVEMENT };
  gint64 registered;
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0;

  g_assert_true (antt_demo_generate (fx->db, 1, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (report_fixture_populate (fx->db, 1, 3, 5, 0, TRUE, &rf, &error));
  g_assert_no_error (error);

  options.phase_id = rf.phase_id;
  options.award_level_id = rf.award_bk;
  options.nomination_id = g_array_index (rf.bk_ids, gint64, 0);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(AnttDocument) doc = NULL;
      g_autofree char *name = g_strdup_printf ("%s.pdf", antt_report_kind_to_string (kinds[i]));
      g_autofree char *path = g_build_filename (fx->dir, name, NULL);

      if (kinds[i] == ANTT_REPORT_KIND_FINAL)
        options.phase_id = 0;   /* the movement's final review */
      doc = antt_report_build (fx->db, kinds[i], &options, &error);
      g_assert_no_error (error);
      g_assert_nonnull (doc);
      g_assert_cmpuint (antt_document_get_n_pages (doc), >=, 1);
      g_assert_true (antt_document_write_pdf (doc, path, &error));
      g_assert_no_error (error);
      options.phase_id = rf.phase_id;
    }

  /* The list took the proposal's number before the proposal was built:
   * both say 01/TTr, dated as asked. */
  proposal_key = g_strdup_printf ("proposal/phase=%" G_GINT64_FORMAT "/award=%" G_GINT64_FORMAT,
                                  rf.phase_id, rf.award_bk);
  g_assert_true (antt_document_register_lookup (fx->db, proposal_key, &proposal, &error));
  g_assert_cmpint (proposal.number, ==, 1);
  g_assert_cmpstr (proposal.issued_date, ==, "2025-02-10");

  /* The minutes are dated on the meeting's day, whatever the date asked. */
  g_assert_cmpint (count_rows (fx->db, "SELECT count(*) FROM document_register WHERE type_code = 'BB'"
                                       " AND issued_date = '2025-02-05'"), ==, 1);

  /* The nominee list holds those proposed or approved: not the rejected one. */
  {
    g_autoptr(AnttDocument) list = antt_report_build (fx->db, ANTT_REPORT_KIND_NOMINEES, &options, &error);
    AnttDocTable *table = antt_document_get_table (list, 0);
    guint rows = 0;

    g_assert_no_error (error);
    for (guint r = 0; r < antt_doc_table_get_n_rows (table); r++)
      rows += !antt_doc_table_row_is_group (table, r);
    g_assert_cmpuint (rows, ==, rf.bk_ids->len - 1);
  }

  /* The dossier again, in one PDF and in a folder: no new numbers. */
  registered = count_rows (fx->db, "SELECT count(*) FROM document_register");
  g_assert_true (antt_report_write_dossier (fx->db, &options, dossier_pdf, &error));
  g_assert_no_error (error);
  g_assert_true (antt_report_write_dossier (fx->db, &options, dossier_dir, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fx->db, "SELECT count(*) FROM document_register"), ==, registered);

  /* Proposal, list, minutes, and the 7 nominees still proposed or approved. */
  dir = g_dir_open (dossier_dir, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 3 + rf.bk_ids->len - 1);
}

static void
test_refusals (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDocument) doc = NULL;
  g_auto(ReportFixture) rf = { 0 };
  AnttReportOptions options = { 0 };

  /* Nothing proposed yet. */
  doc = antt_report_build (fx->db, ANTT_REPORT_KIND_NOMINEES, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Two awards with nominations: say which. */
  g_assert_true (antt_demo_generate (fx->db, 1, 1, NULL, NULL, &error));
  g_assert_true (report_fixture_populate (fx->db, 1, 1, 1, 2, FALSE, &rf, &error));
  g_assert_no_error (error);
  doc = antt_report_build (fx->db, ANTT_REPORT_KIND_PROPOSAL, &options, &error);
  g_assert_null (doc);
  g_assert_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_AMBIGUOUS);
  g_clear_error (&error);

  doc = antt_report_build (fx->db, ANTT_REPORT_KIND_ACHIEVEMENT, &options, &error);
  g_assert_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_INVALID);
  g_clear_error (&error);

  options.meeting_id = 999;
  doc = antt_report_build (fx->db, ANTT_REPORT_KIND_MINUTES, &options, &error);
  g_assert_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND);
}

static void
test_no_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-report-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(AnttDatabase) db = antt_database_open (path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_autoptr(AnttDocument) doc = NULL;

  g_assert_no_error (error);
  if (antt_report_store_check (db, NULL))
    {
      g_test_skip ("the core's schema has the documents' tables already");
      g_clear_object (&db);
      remove_tree (dir);
      return;
    }
  doc = antt_report_build (db, ANTT_REPORT_KIND_INTERIM, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NO_SCHEMA);
  g_clear_object (&db);
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/place-date", test_place_date);
  g_test_add_func ("/report/number-format", test_number_format);
  g_test_add ("/report/register", Fixture, NULL, fixture_set_up, test_register, fixture_tear_down);
  g_test_add ("/report/texts-and-settings", Fixture, NULL, fixture_set_up, test_texts_and_settings,
              fixture_tear_down);
  g_test_add_func ("/report/csv/quoting", test_csv_quoting);
  g_test_add ("/report/csv/writer", Fixture, NULL, fixture_set_up, test_csv_writer, fixture_tear_down);
  g_test_add_func ("/report/csv/vi-labels", test_vi_labels);
  g_test_add ("/report/layout/long-table", Fixture, NULL, fixture_set_up, test_layout_long_table,
              fixture_tear_down);
  g_test_add ("/report/layout/tall-row", Fixture, NULL, fixture_set_up, test_layout_tall_row,
              fixture_tear_down);
  g_test_add ("/report/layout/write-refused", Fixture, NULL, fixture_set_up, test_write_refused,
              fixture_tear_down);
  g_test_add ("/report/documents", Fixture, NULL, fixture_set_up, test_documents, fixture_tear_down);
  g_test_add ("/report/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add_func ("/report/no-schema", test_no_schema);

  status = g_test_run ();
  antt_document_release_fonts ();
  return status;
}
