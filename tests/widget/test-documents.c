/* test-documents.c: the official documents in the app (issue 8): the
 * "doc" actions of the main window, the preview window with its pages and
 * the report texts, export to PDF and printing, on a year of demo data
 * (scale 1) with nominations (report-fixture.c).
 *
 * Every PDF is read back with poppler-utils (pdftotext, pdfinfo).
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "antt-database.h"
#include "antt-demo.h"
#include "antt-document-actions.h"
#include "antt-document-preview.h"
#include "antt-document-set.h"
#include "antt-reports.h"
#include "antt-window.h"
#include "report-fixture.h"

#define TIMEOUT_S 60

typedef struct
{
  char          *dir;
  char          *path;
  AnttDatabase  *db;       /* the test's own connection */
  AnttWindow    *window;
  ReportFixture  fixture;  /* nominations in phase 1 */
} Fixture;

static char *template_path = NULL;   /* demo data made once, copied each test */

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done says so, or fails the test. */
static void
wait_for (gboolean (*done) (gpointer),
          gpointer   data)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;
  guint source = g_timeout_add (20, wake_cb, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("timed out after %d s", TIMEOUT_S);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (source);
}

static char *
run (const char *const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

/* The PDF's text on one line: pdftotext breaks lines where the page does. */
static char *
pdf_text (const char *path)
{
  g_autofree char *text = run ((const char *const[]) { "pdftotext", "-enc", "UTF-8", path, "-",
                                                       NULL });
  g_auto(GStrv) words = g_strsplit_set (text, " \n\f\t", -1);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (joined, "%s%s", joined->len ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static char *
pdf_info (const char *path,
          const char *field)
{
  g_autofree char *info = run ((const char *const[]) { "pdfinfo", path, NULL });
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s:", field);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  return NULL;
}

static void
make_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttDatabase) db = NULL;
  g_auto(ReportFixture) fixture = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("test-documents-XXXXXX", &error);

  g_assert_no_error (error);
  template_path = g_build_filename (dir, "template.db", NULL);
  db = antt_database_open (template_path, ANTT_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  antt_demo_generate (db, 1, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  /* Nominations, a meeting and its votes in the interim review (phase 1). */
  report_fixture_populate (db, 1, 3, 5, 0, TRUE, &fixture, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-documents-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "data.db", NULL);
  copy_file (template_path, fixture->path);

  fixture->db = antt_database_open (fixture->path, ANTT_DATABASE_FLAGS_NO_CREATE, &error);
  g_assert_no_error (error);
  fixture->fixture.phase_id = antt_report_find_phase (fixture->db, 1, &error);
  g_assert_no_error (error);

  fixture->window = antt_window_new (NULL);
  antt_window_open_database (fixture->window, fixture->path, ANTT_DATABASE_FLAGS_NO_CREATE,
                             &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
close_toplevels (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  close_toplevels ();
  g_clear_object (&fixture->db);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);
      g_remove (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* The document built apart, on the test's own connection, as the CLI
 * would: what the app must show and write. */
static AnttDocument *
build_apart (Fixture        *fixture,
             AnttReportKind  kind)
{
  g_autoptr(GError) error = NULL;
  AnttReportOptions options = { 0 };
  AnttDocument *doc;

  doc = antt_report_build (fixture->db, kind, &options, &error);
  g_assert_no_error (error);
  return doc;
}

/* Actions ------------------------------------------------------------------ */

typedef struct
{
  gboolean  done;
  char     *action;
  char     *spec;
  GError   *error;
} Finished;

static void
finished_cb (AnttDocumentActions *actions,
             const char          *action,
             const char          *spec,
             const GError        *error,
             Finished            *finished)
{
  finished->done = TRUE;
  finished->action = g_strdup (action);
  finished->spec = g_strdup (spec);
  finished->error = error ? g_error_copy (error) : NULL;
}

static void
finished_clear (Finished *finished)
{
  g_free (finished->action);
  g_free (finished->spec);
  g_clear_error (&finished->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Finished, finished_clear)

static gboolean
finished_done (gpointer data)
{
  return ((Finished *) data)->done;
}

/* Activates doc.export-pdf(spec) with the file given beforehand, and waits. */
static void
export_with_action (Fixture    *fixture,
                    const char *spec,
                    const char *path,
                    Finished   *finished)
{
  AnttDocumentActions *actions = antt_window_get_document_actions (fixture->window);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gulong handler;

  antt_document_actions_set_next_file (actions, file);
  handler = g_signal_connect (actions, "finished", G_CALLBACK (finished_cb), finished);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.export-pdf",
                                             "s", spec));
  g_assert_cmpuint (antt_document_actions_get_n_running (actions), ==, 1);
  wait_for (finished_done, finished);
  g_signal_handler_disconnect (actions, handler);
  g_assert_cmpuint (antt_document_actions_get_n_running (actions), ==, 0);
  g_assert_cmpstr (finished->action, ==, "export-pdf");
  g_assert_cmpstr (finished->spec, ==, spec);
}

static void
test_export_action (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "tong-ket.pdf", NULL);
  g_auto(Finished) finished = { 0 };
  g_autoptr(AnttDocument) apart = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *n_apart = NULL;

  export_with_action (fixture, "final", path, &finished);
  g_assert_no_error (finished.error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The same document as built apart (its number is registered now). */
  apart = build_apart (fixture, ANTT_REPORT_KIND_FINAL);
  title = pdf_info (path, "Title");
  g_assert_cmpstr (title, ==, antt_document_get_title (apart));
  g_assert_true (g_str_has_prefix (title, "Báo cáo tổng kết"));
  pages = pdf_info (path, "Pages");
  n_apart = g_strdup_printf ("%u", antt_document_get_n_pages (apart));
  g_assert_cmpstr (pages, ==, n_apart);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  g_assert_nonnull (strstr (text, "Độc lập - Tự do - Hạnh phúc"));
  g_assert_nonnull (strstr (text, "BÁO CÁO"));
  g_assert_nonnull (strstr (text, "Tổng kết"));
}

static void
test_export_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "danh-sach.pdf", NULL);
  g_autofree char *spec = NULL;
  g_auto(Finished) finished = { 0 };
  g_autoptr(GList) windows = NULL;
  gboolean dialog = FALSE;
  gint64 phase2;
  g_autoptr(GError) error = NULL;

  /* Phase 2 has no nomination: the core's message, and no file. */
  phase2 = antt_report_find_phase (fixture->db, 2, &error);
  g_assert_no_error (error);
  spec = g_strdup_printf ("nominees:%" G_GINT64_FORMAT, phase2);
  export_with_action (fixture, spec, path, &finished);
  g_assert_error (finished.error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* … told in a dialog over the window. */
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        g_strcmp0 (adw_message_dialog_get_body (l->data), finished.error->message) == 0)
      dialog = TRUE;
  g_assert_true (dialog);

  /* A name that is no document does nothing. */
  g_assert_false (antt_document_spec_parse ("annual", NULL, NULL, NULL));
  g_assert_false (antt_document_spec_parse ("nominees:x", NULL, NULL, NULL));
}

/* Preview ------------------------------------------------------------------ */

static AnttDocumentPreview *
find_preview (const char *spec)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ANTT_IS_DOCUMENT_PREVIEW (l->data) &&
        g_str_equal (antt_document_preview_get_spec (l->data), spec))
      return l->data;
  return NULL;
}

static gboolean
preview_ready (gpointer data)
{
  AnttDocumentPreview *preview = data;

  return !antt_document_preview_get_busy (preview) &&
         antt_document_preview_get_documents (preview) != NULL;
}

static gboolean
preview_idle (gpointer data)
{
  return !antt_document_preview_get_busy (data);
}

static AnttDocumentPreview *
open_preview (Fixture    *fixture,
              const char *spec)
{
  AnttDocumentPreview *preview;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.preview",
                                             "s", spec));
  preview = find_preview (spec);
  g_assert_nonnull (preview);
  /* Built in a worker: the window is there at once, busy. */
  g_assert_true (antt_document_preview_get_busy (preview));
  wait_for (preview_ready, preview);
  return preview;
}

static void
test_preview_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  AnttDocumentPreview *preview = open_preview (fixture, "interim");
  AnttDocumentSet *set = antt_document_preview_get_documents (preview);
  g_autoptr(AnttDocument) apart = build_apart (fixture, ANTT_REPORT_KIND_INTERIM);
  guint n_pages = antt_document_get_n_pages (apart);

  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpuint (antt_document_set_get_n_pages (set), ==, n_pages);
  /* One drawing of a page each. */
  g_assert_cmpuint (antt_document_preview_get_n_pages (preview), ==, n_pages);
  g_assert_cmpstr (antt_document_set_get_title (set), ==, antt_document_get_title (apart));
  g_assert_true (g_str_has_prefix (antt_document_set_get_file_name (set), "bao-cao-so-ket-"));
  g_assert_true (g_str_has_suffix (antt_document_set_get_file_name (set), ".pdf"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (preview)));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static void
set_text (AnttDocumentPreview *preview,
          AnttReportSection    section,
          const char          *text)
{
  gtk_text_buffer_set_text (antt_document_preview_get_text_buffer (preview, section), text, -1);
}

static char *
get_text (AnttDocumentPreview *preview,
          AnttReportSection    section)
{
  GtkTextBuffer *buffer = antt_document_preview_get_text_buffer (preview, section);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

#define RESULTS      "Lực lượng tuần tra đêm Tết Nguyên đán, bảo đảm tuyệt đối an toàn."
#define SHORTCOMINGS "Một số Tổ chưa ghi chép sổ sách đầy đủ."
#define PROPOSALS    "Đề nghị Công an huyện hỗ trợ đèn pin và áo phản quang."

static void
test_preview_texts (Fixture       *fixture,
                    gconstpointer  data)
{
  AnttDocumentPreview *preview = open_preview (fixture, "final");
  g_autofree char *path = g_build_filename (fixture->dir, "sua.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 final_phase;
  guint before = antt_document_set_get_n_pages (antt_document_preview_get_documents (preview));

  set_text (preview, ANTT_REPORT_SECTION_RESULTS, RESULTS);
  set_text (preview, ANTT_REPORT_SECTION_SHORTCOMINGS, SHORTCOMINGS);
  set_text (preview, ANTT_REPORT_SECTION_PROPOSALS, PROPOSALS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.update", NULL));
  g_assert_true (antt_document_preview_get_busy (preview));
  wait_for (preview_idle, preview);

  /* Stored with the report… */
  final_phase = antt_report_find_review (fixture->db, ANTT_REPORT_KIND_FINAL, 0, &error);
  g_assert_no_error (error);
  stored = antt_report_texts_get (fixture->db, final_phase, ANTT_REPORT_SECTION_RESULTS, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, RESULTS);
  g_clear_pointer (&stored, g_free);
  stored = antt_report_texts_get (fixture->db, final_phase, ANTT_REPORT_SECTION_PROPOSALS, &error);
  g_assert_cmpstr (stored, ==, PROPOSALS);

  /* … shown: the pages are those of the report with the texts … */
  g_assert_cmpuint (antt_document_preview_get_n_pages (preview), ==,
                    antt_document_set_get_n_pages (antt_document_preview_get_documents (preview)));
  g_assert_cmpuint (antt_document_preview_get_n_pages (preview), >=, before);

  /* … and in the PDF written from the preview. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    antt_document_preview_export (preview, file);
    g_assert_true (antt_document_preview_get_busy (preview));
    wait_for (preview_idle, preview);
  }
  g_assert_true (file_exists (path));
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, RESULTS));
  g_assert_nonnull (strstr (text, SHORTCOMINGS));
  g_assert_nonnull (strstr (text, PROPOSALS));
  g_assert_nonnull (strstr (text, "TỒN TẠI, HẠN CHẾ"));

  /* Kept for next time: a new preview starts from them. */
  gtk_window_close (GTK_WINDOW (preview));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  preview = open_preview (fixture, "final");
  {
    g_autofree char *results = get_text (preview, ANTT_REPORT_SECTION_RESULTS);
    g_autofree char *shortcomings = get_text (preview, ANTT_REPORT_SECTION_SHORTCOMINGS);

    g_assert_cmpstr (results, ==, RESULTS);
    g_assert_cmpstr (shortcomings, ==, SHORTCOMINGS);
  }
}

typedef struct
{
  AnttDatabase *db;
  gint64        phase_id;
} SavedProbe;

static gboolean
text_saved (gpointer data)
{
  SavedProbe *probe = data;
  g_autofree char *text = antt_report_texts_get (probe->db, probe->phase_id,
                                                 ANTT_REPORT_SECTION_SHORTCOMINGS, NULL);

  return g_strcmp0 (text, SHORTCOMINGS) == 0;
}

/* Closing with changes not yet built stores them all the same. */
static void
test_preview_close_saves (Fixture       *fixture,
                          gconstpointer  data)
{
  AnttDocumentPreview *preview = open_preview (fixture, "interim");
  g_autoptr(GError) error = NULL;
  SavedProbe probe = { fixture->db, 0 };

  probe.phase_id = antt_report_find_review (fixture->db, ANTT_REPORT_KIND_INTERIM, 0, &error);
  g_assert_no_error (error);
  g_assert_false (text_saved (&probe));
  set_text (preview, ANTT_REPORT_SECTION_SHORTCOMINGS, SHORTCOMINGS);
  gtk_window_close (GTK_WINDOW (preview));
  /* Stored before the window went, not some time after. */
  g_assert_null (find_preview ("interim"));
  g_assert_true (text_saved (&probe));
}

static AdwMessageDialog *
find_dialog (GtkWindow *parent)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        gtk_window_get_transient_for (l->data) == parent &&
        gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* As a click on a button of the dialog does. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The texts cannot be stored on close (another connection holds the
 * write lock past the busy timeout): the window says so and stays, with
 * the texts; closed again once the file is free, they are stored. Or the
 * clerk closes without them. */
static void
test_preview_close_save_fails (Fixture       *fixture,
                               gconstpointer  data)
{
  AnttDocumentPreview *preview = open_preview (fixture, "interim");
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SavedProbe probe = { fixture->db, 0 };

  probe.phase_id = antt_report_find_review (fixture->db, ANTT_REPORT_KIND_INTERIM, 0, &error);
  g_assert_no_error (error);
  set_text (preview, ANTT_REPORT_SECTION_SHORTCOMINGS, SHORTCOMINGS);

  g_assert_true (antt_database_begin_immediate (fixture->db, &error));
  g_assert_no_error (error);
  gtk_window_close (GTK_WINDOW (preview));
  g_assert_true (find_preview ("interim") == preview);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (preview)));
  dialog = find_dialog (GTK_WINDOW (preview));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Save the Report Texts");
  g_assert_nonnull (adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  /* Closing again while it is up only shows it again. */
  gtk_window_close (GTK_WINDOW (preview));
  g_assert_true (find_preview ("interim") == preview);
  antt_database_rollback (fixture->db);
  g_assert_false (text_saved (&probe));

  /* Keep editing: the window and the text stay. */
  respond (dialog, "keep");
  g_assert_null (find_dialog (GTK_WINDOW (preview)));
  g_assert_true (find_preview ("interim") == preview);
  text = get_text (preview, ANTT_REPORT_SECTION_SHORTCOMINGS);
  g_assert_cmpstr (text, ==, SHORTCOMINGS);

  /* The file is free again: closing stores them. */
  gtk_window_close (GTK_WINDOW (preview));
  g_assert_null (find_preview ("interim"));
  g_assert_true (text_saved (&probe));

  /* Again, and this time closed without the change. */
  preview = open_preview (fixture, "interim");
  set_text (preview, ANTT_REPORT_SECTION_SHORTCOMINGS, "Không lưu được.");
  g_assert_true (antt_database_begin_immediate (fixture->db, &error));
  g_assert_no_error (error);
  gtk_window_close (GTK_WINDOW (preview));
  antt_database_rollback (fixture->db);
  dialog = find_dialog (GTK_WINDOW (preview));
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  while (find_preview ("interim") != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (text_saved (&probe));
}

/* What the print dialog prints: GtkPrintOperation drawing the same pages,
 * exported to PDF without a dialog. */
static void
test_print_operation (Fixture       *fixture,
                      gconstpointer  data)
{
  AnttDocumentPreview *preview = open_preview (fixture, "interim");
  AnttDocumentSet *set = antt_document_preview_get_documents (preview);
  g_autoptr(GtkPrintOperation) operation = antt_document_set_new_print_operation (set);
  g_autofree char *path = g_build_filename (fixture->dir, "in.pdf", NULL);
  g_autofree char *pages = NULL;
  g_autofree char *n_pages = g_strdup_printf ("%u", antt_document_set_get_n_pages (set));
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  pages = pdf_info (path, "Pages");
  g_assert_cmpstr (pages, ==, n_pages);
  {
    g_autofree char *size = pdf_info (path, "Page size");
    g_assert_nonnull (strstr (size, "595."));
  }
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  g_assert_nonnull (strstr (text, "BÁO CÁO"));
}

/* Closing the main window while a print runs: the actions outlive the
 * window until the print is done (GtkPrintOperation exporting to a file,
 * its pages drawn from idles of a nested main loop), then go. */
typedef struct
{
  GtkWindow *window;
  char      *path;
} Closer;

static gboolean
close_when_printing_cb (gpointer data)
{
  Closer *closer = data;

  /* The PDF surface is made before the first page is drawn. */
  if (!g_file_test (closer->path, G_FILE_TEST_EXISTS))
    return G_SOURCE_CONTINUE;
  gtk_window_destroy (closer->window);
  closer->window = NULL;
  return G_SOURCE_REMOVE;
}

static gboolean
pointer_cleared (gpointer data)
{
  return g_atomic_pointer_get ((gpointer *) data) == NULL;
}

static void
test_print_close_window (Fixture       *fixture,
                         gconstpointer  data)
{
  AnttDocumentActions *actions = antt_window_get_document_actions (fixture->window);
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AnttDocument) apart = build_apart (fixture, ANTT_REPORT_KIND_INTERIM);
  g_autofree char *n_pages = g_strdup_printf ("%u", antt_document_get_n_pages (apart));
  g_autofree char *pages = NULL;
  g_auto(Finished) finished = { 0 };
  Closer closer = { GTK_WINDOW (fixture->window), path };
  gpointer weak = actions;

  g_object_add_weak_pointer (G_OBJECT (actions), &weak);
  antt_document_actions_set_next_print_file (actions, file);
  g_signal_connect (actions, "finished", G_CALLBACK (finished_cb), &finished);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.print",
                                             "s", "interim"));
  g_timeout_add (1, close_when_printing_cb, &closer);
  wait_for (finished_done, &finished);
  fixture->window = NULL;

  g_assert_null (closer.window);
  g_assert_no_error (finished.error);
  g_assert_cmpstr (finished.action, ==, "print");
  pages = pdf_info (path, "Pages");
  g_assert_cmpstr (pages, ==, n_pages);
  /* Gone with its last job. */
  wait_for (pointer_cleared, &weak);
}

/* "Print…" in the preview goes through the same print operation as the
 * "doc" actions (antt_document_set_print_async), here exported to a file;
 * closing the preview mid-print is quiet. */
static void
test_preview_print (Fixture       *fixture,
                    gconstpointer  data)
{
  AnttDocumentPreview *preview = open_preview (fixture, "interim");
  g_autofree char *path = g_build_filename (fixture->dir, "preview.pdf", NULL);
  g_autofree char *path2 = g_build_filename (fixture->dir, "preview2.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) file2 = g_file_new_for_path (path2);
  g_autofree char *n_pages = g_strdup_printf ("%u", antt_document_preview_get_n_pages (preview));
  g_autofree char *pages = NULL;
  g_autofree char *text = NULL;
  Closer closer = { GTK_WINDOW (preview), path2 };
  gpointer weak = preview;

  antt_document_preview_print (preview, file);
  wait_for (preview_idle, preview);
  pages = pdf_info (path, "Pages");
  g_assert_cmpstr (pages, ==, n_pages);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "BÁO CÁO"));

  g_object_add_weak_pointer (G_OBJECT (preview), &weak);
  g_timeout_add (1, close_when_printing_cb, &closer);
  antt_document_preview_print (preview, file2);
  while (closer.window != NULL || weak != NULL)
    g_main_context_iteration (NULL, TRUE);
  pages = (g_free (pages), pdf_info (path2, "Pages"));
  g_assert_cmpstr (pages, ==, n_pages);
}

/* The print dialog is up (asynchronous: the build's callback is long
 * over) when the main window is closed; then it is cancelled. */
static GtkWindow *
find_print_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (g_str_equal (G_OBJECT_TYPE_NAME (l->data), "GtkPrintUnixDialog") &&
        gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
print_dialog_shown (gpointer data)
{
  return find_print_dialog () != NULL;
}

static void
test_print_dialog_close_window (Fixture       *fixture,
                                gconstpointer  data)
{
  AnttDocumentActions *actions = antt_window_get_document_actions (fixture->window);
  g_auto(Finished) finished = { 0 };
  gpointer weak = actions;
  GtkWindow *dialog;

  g_object_add_weak_pointer (G_OBJECT (actions), &weak);
  g_signal_connect (actions, "finished", G_CALLBACK (finished_cb), &finished);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.print",
                                             "s", "interim"));
  wait_for (print_dialog_shown, NULL);
  dialog = find_print_dialog ();
  g_assert_false (finished.done);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* Kept by the print under way. */
  g_assert_nonnull (weak);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  wait_for (finished_done, &finished);
  g_assert_cmpstr (finished.action, ==, "print");
  g_assert_error (finished.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  while (weak != NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* The same while the document is still being built in the worker. */
static void
test_export_close_window (Fixture       *fixture,
                          gconstpointer  data)
{
  AnttDocumentActions *actions = antt_window_get_document_actions (fixture->window);
  g_autofree char *path = g_build_filename (fixture->dir, "exported.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(Finished) finished = { 0 };
  gpointer weak = actions;

  g_object_add_weak_pointer (G_OBJECT (actions), &weak);
  antt_document_actions_set_next_file (actions, file);
  g_signal_connect (actions, "finished", G_CALLBACK (finished_cb), &finished);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "doc.export-pdf",
                                             "s", "interim"));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  g_assert_nonnull (weak);
  wait_for (finished_done, &finished);
  g_assert_cmpstr (finished.action, ==, "export-pdf");
  /* Gone in the main thread, with the job: not later in the worker, when
   * it drops its task. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (weak);
}

/* The dossier of the interim review, as the Khen thưởng page asks for it:
 * every document of the set, page for page. */
static void
test_preview_dossier (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *spec = g_strdup_printf ("dossier:%" G_GINT64_FORMAT, fixture->fixture.phase_id);
  AnttDocumentPreview *preview = open_preview (fixture, spec);
  AnttDocumentSet *set = antt_document_preview_get_documents (preview);
  AnttReportOptions options = { fixture->fixture.phase_id };
  g_autoptr(GPtrArray) apart = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  apart = antt_report_build_dossier (fixture->db, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < apart->len; i++)
    n_pages += antt_document_get_n_pages (g_ptr_array_index (apart, i));

  g_assert_cmpuint (antt_document_set_get_n_documents (set), ==, apart->len);
  g_assert_cmpuint (antt_document_set_get_n_pages (set), ==, n_pages);
  g_assert_cmpuint (antt_document_preview_get_n_pages (preview), ==, n_pages);
  g_assert_true (g_str_has_prefix (antt_document_set_get_title (set), "Hồ sơ đề nghị khen thưởng"));
  g_assert_true (g_str_has_prefix (antt_document_set_get_file_name (set),
                                   "ho-so-de-nghi-khen-thuong-"));
}

static GtkMenuButton *
find_reports_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    {
      GMenuModel *model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));

      if (model != NULL && g_menu_model_get_n_items (model) == 2)
        {
          g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, 0, G_MENU_LINK_SECTION);
          g_autofree char *action = NULL;

          if (section != NULL &&
              g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
              g_str_equal (action, "doc.preview"))
            return GTK_MENU_BUTTON (widget);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_reports_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The overview's Reports menu: the interim and the final report, each to
 * preview, export and print, through the window's doc actions. */
static void
test_overview_menu (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkMenuButton *button = find_reports_button (GTK_WIDGET (fixture->window));
  GMenuModel *model;
  const char *expected[2] = { "interim", "final" };
  const char *actions[3] = { "doc.preview", "doc.export-pdf", "doc.print" };
  AnttDocumentPreview *preview;

  g_assert_nonnull (button);
  model = gtk_menu_button_get_menu_model (button);
  for (int s = 0; s < 2; s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, s, G_MENU_LINK_SECTION);

      g_assert_cmpint (g_menu_model_get_n_items (section), ==, 3);
      for (int i = 0; i < 3; i++)
        {
          g_autofree char *action = NULL;
          g_autofree char *target = NULL;

          g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION,
                                                          "s", &action));
          g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_TARGET,
                                                          "s", &target));
          g_assert_cmpstr (action, ==, actions[i]);
          g_assert_cmpstr (target, ==, expected[s]);
        }
    }

  /* Reached from the button, as the menu activates them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "doc.preview", "s", "final"));
  preview = find_preview ("final");
  g_assert_nonnull (preview);
  wait_for (preview_ready, preview);
  g_assert_cmpuint (antt_document_preview_get_n_pages (preview), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_unsetenv ("LANGUAGE");
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  /* The print dialog lists the "Print to File" printer only. */
  g_setenv ("GTK_PRINT_BACKENDS", "file", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  make_template ();

  g_test_add ("/documents/export-action", Fixture, NULL,
              fixture_set_up, test_export_action, fixture_tear_down);
  g_test_add ("/documents/export-error", Fixture, NULL,
              fixture_set_up, test_export_error, fixture_tear_down);
  g_test_add ("/documents/preview-pages", Fixture, NULL,
              fixture_set_up, test_preview_pages, fixture_tear_down);
  g_test_add ("/documents/preview-texts", Fixture, NULL,
              fixture_set_up, test_preview_texts, fixture_tear_down);
  g_test_add ("/documents/preview-close-saves", Fixture, NULL,
              fixture_set_up, test_preview_close_saves, fixture_tear_down);
  g_test_add ("/documents/preview-close-save-fails", Fixture, NULL,
              fixture_set_up, test_preview_close_save_fails, fixture_tear_down);
  g_test_add ("/documents/print-operation", Fixture, NULL,
              fixture_set_up, test_print_operation, fixture_tear_down);
  g_test_add ("/documents/print-close-window", Fixture, NULL,
              fixture_set_up, test_print_close_window, fixture_tear_down);
  g_test_add ("/documents/print-dialog-close-window", Fixture, NULL,
              fixture_set_up, test_print_dialog_close_window, fixture_tear_down);
  g_test_add ("/documents/export-close-window", Fixture, NULL,
              fixture_set_up, test_export_close_window, fixture_tear_down);
  g_test_add ("/documents/preview-print", Fixture, NULL,
              fixture_set_up, test_preview_print, fixture_tear_down);
  g_test_add ("/documents/overview-menu", Fixture, NULL,
              fixture_set_up, test_overview_menu, fixture_tear_down);
  g_test_add ("/documents/preview-dossier", Fixture, NULL,
              fixture_set_up, test_preview_dossier, fixture_tear_down);

  status = g_test_run ();

  {
    g_autofree char *dir = g_path_get_dirname (template_path);
    g_autofree char *wal = g_strconcat (template_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (template_path, "-shm", NULL);

    g_remove (template_path);
    g_remove (wal);
    g_remove (shm);
    g_rmdir (dir);
    g_free (template_path);
  }
  return status;
}
