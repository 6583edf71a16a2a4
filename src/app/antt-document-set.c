/* antt-document-set.c
 *
 * Building a document reads across many tables (the final report at a
 * province's scale evaluates every target of every team), and laying it
 * out shapes thousands of table cells: both run in a worker thread, on a
 * connection of the thread's own, as the overview's evaluation does. The
 * set comes back laid out, so that the main thread only draws its pages.
 *
 * Each job lays out with a font map of its own: Pango's font maps are not
 * shared between threads, and a thread's default one would be, between
 * the documents a pool thread built before (drawn in the main thread) and
 * the ones it builds next.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "antt-document-set.h"

struct _AnttDocumentSet
{
  gatomicrefcount  ref_count;
  char            *spec;
  char            *title;
  char            *file_name;
  GPtrArray       *documents;   /* AnttDocument, laid out */
  guint           *page_counts;
  guint            n_pages;
  char            *texts[ANTT_N_REPORT_SECTIONS];  /* interim and final only */
};

G_DEFINE_BOXED_TYPE (AnttDocumentSet, antt_document_set,
                     antt_document_set_ref, antt_document_set_unref)

static const struct
{
  const char     *name;
  AnttReportKind  kind;
  gboolean        dossier;
  const char     *file_stem;   /* a Vietnamese file name, without its year */
} spec_kinds[] = {
  { "interim", ANTT_REPORT_KIND_INTERIM, FALSE, "bao-cao-so-ket" },
  { "final", ANTT_REPORT_KIND_FINAL, FALSE, "bao-cao-tong-ket" },
  { "nominees", ANTT_REPORT_KIND_NOMINEES, FALSE, "danh-sach-de-nghi-khen-thuong" },
  { "minutes", ANTT_REPORT_KIND_MINUTES, FALSE, "bien-ban-hop-hoi-dong-thi-dua-khen-thuong" },
  { "proposal", ANTT_REPORT_KIND_PROPOSAL, FALSE, "to-trinh-de-nghi-khen-thuong" },
  { "dossier", ANTT_REPORT_KIND_NOMINEES, TRUE, "ho-so-de-nghi-khen-thuong" },
};

static int
find_spec_kind (const char *spec,
                gint64     *phase_id)
{
  const char *colon;
  gsize length;

  if (spec == NULL)
    return -1;

  colon = strchr (spec, ':');
  length = colon ? (gsize) (colon - spec) : strlen (spec);
  *phase_id = 0;
  if (colon != NULL)
    {
      guint64 id;

      if (!g_ascii_string_to_unsigned (colon + 1, 10, 1, G_MAXINT64, &id, NULL))
        return -1;
      *phase_id = (gint64) id;
    }

  for (guint i = 0; i < G_N_ELEMENTS (spec_kinds); i++)
    if (strlen (spec_kinds[i].name) == length && strncmp (spec, spec_kinds[i].name, length) == 0)
      return (int) i;
  return -1;
}

/**
 * antt_document_spec_parse:
 * @spec: "final", "nominees:2"…
 * @kind: (out) (optional): the kind of document (a dossier: nominees)
 * @dossier: (out) (optional): whether it is the whole dossier
 * @phase_id: (out) (optional): the review named, 0 for none
 *
 * Returns: whether @spec names a document
 */
gboolean
antt_document_spec_parse (const char     *spec,
                          AnttReportKind *kind,
                          gboolean       *dossier,
                          gint64         *phase_id)
{
  gint64 id = 0;
  int index = find_spec_kind (spec, &id);

  if (index < 0)
    return FALSE;
  if (kind != NULL)
    *kind = spec_kinds[index].kind;
  if (dossier != NULL)
    *dossier = spec_kinds[index].dossier;
  if (phase_id != NULL)
    *phase_id = id;
  return TRUE;
}

/**
 * antt_document_spec_has_texts:
 *
 * Returns: whether the document has sections that the clerk writes (the
 *   interim and final reports)
 */
gboolean
antt_document_spec_has_texts (const char *spec)
{
  AnttReportKind kind;
  gboolean dossier;

  return antt_document_spec_parse (spec, &kind, &dossier, NULL) && !dossier &&
         (kind == ANTT_REPORT_KIND_INTERIM || kind == ANTT_REPORT_KIND_FINAL);
}

/* The set ------------------------------------------------------------------ */

AnttDocumentSet *
antt_document_set_ref (AnttDocumentSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
antt_document_set_unref (AnttDocumentSet *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->documents, g_ptr_array_unref);
  for (guint i = 0; i < ANTT_N_REPORT_SECTIONS; i++)
    g_free (self->texts[i]);
  g_free (self->page_counts);
  g_free (self->spec);
  g_free (self->title);
  g_free (self->file_name);
  g_free (self);
}

const char *
antt_document_set_get_spec (AnttDocumentSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->spec;
}

/**
 * antt_document_set_get_title:
 *
 * Returns: the title of the document, or of the dossier (in Vietnamese:
 *   the documents' own words)
 */
const char *
antt_document_set_get_title (AnttDocumentSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

/**
 * antt_document_set_get_file_name:
 *
 * Returns: the name to offer when saving, "bao-cao-so-ket-2025.pdf"
 */
const char *
antt_document_set_get_file_name (AnttDocumentSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->file_name;
}

guint
antt_document_set_get_n_documents (AnttDocumentSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->documents->len;
}

/**
 * antt_document_set_get_n_pages:
 *
 * Returns: the pages of every document of the set
 */
guint
antt_document_set_get_n_pages (AnttDocumentSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

/**
 * antt_document_set_get_text:
 *
 * Returns: (nullable): the clerk's section as the report was built with
 *   it; %NULL for documents without such sections
 */
const char *
antt_document_set_get_text (AnttDocumentSet   *self,
                            AnttReportSection  section)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (section < ANTT_N_REPORT_SECTIONS, NULL);
  return self->texts[section];
}

/**
 * antt_document_set_render_page:
 * @cr: a context in points, its origin at the top left corner of the page
 * @page: from 0, counted across the documents of the set
 *
 * Draws a page. The set must not be in use by another thread (being
 * written to PDF).
 */
void
antt_document_set_render_page (AnttDocumentSet *self,
                               cairo_t         *cr,
                               guint            page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->n_pages);

  for (guint i = 0; i < self->documents->len; i++)
    {
      if (page < self->page_counts[i])
        {
          antt_document_render_page (g_ptr_array_index (self->documents, i), cr, page);
          return;
        }
      page -= self->page_counts[i];
    }
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              AnttDocumentSet   *self)
{
  if (page >= 0 && (guint) page < self->n_pages)
    antt_document_set_render_page (self, gtk_print_context_get_cairo_context (context),
                                   (guint) page);
}

/**
 * antt_document_set_new_print_operation:
 *
 * A print operation on A4 in points, over the whole page, whose pages are
 * the set's; the set is kept for as long as the operation.
 *
 * Returns: (transfer full): the operation, to run
 */
GtkPrintOperation *
antt_document_set_new_print_operation (AnttDocumentSet *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPrintOperation *operation;

  g_return_val_if_fail (self != NULL, NULL);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, self->title);
  gtk_print_operation_set_n_pages (operation, (int) self->n_pages);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         antt_document_set_ref (self),
                         (GClosureNotify) (void (*) (void)) antt_document_set_unref, 0);
  return operation;
}

/* Export ------------------------------------------------------------------- */

/**
 * antt_document_set_new_export_chooser:
 * @parent: (nullable): the window the dialog belongs to
 *
 * The "Export PDF" file dialog, modal, showing PDF files, in the user's
 * Documents folder, with the set's file name: for the preview and the
 * "doc" actions alike.
 *
 * Returns: (transfer full): the dialog, to connect to "response" and show
 */
GtkFileChooserNative *
antt_document_set_new_export_chooser (AnttDocumentSet *self,
                                      GtkWindow       *parent)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  chooser = gtk_file_chooser_native_new (_("Export PDF"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), self->file_name);
  return chooser;
}

/* Printing ----------------------------------------------------------------- */

/* Kept from one printing to the next, as the office's printer is: one for
 * the preview and the "doc" actions alike. */
static GtkPrintSettings *print_settings = NULL;

static void
print_return (GTask                   *task,
              GtkPrintOperation       *operation,
              GtkPrintOperationResult  result,
              GError                  *error)
{
  gboolean exporting = GPOINTER_TO_INT (g_task_get_task_data (task));

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_APPLY:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
      if (!exporting && gtk_print_operation_get_print_settings (operation) != NULL)
        g_set_object (&print_settings, gtk_print_operation_get_print_settings (operation));
      g_clear_error (&error);
      g_task_return_boolean (task, TRUE);
      break;

    case GTK_PRINT_OPERATION_RESULT_CANCEL:
      g_clear_error (&error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      break;

    case GTK_PRINT_OPERATION_RESULT_ERROR:
    default:
      if (error == NULL)
        gtk_print_operation_get_error (operation, &error);
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot print."));
      g_task_return_error (task, error);
      break;
    }
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  g_autoptr(GTask) task = user_data;   /* the handler's reference */

  /* Once only: antt_document_set_print_async() answers if this never came. */
  g_signal_handlers_disconnect_by_func (operation, print_done_cb, task);
  print_return (task, operation, result, NULL);
}

/**
 * antt_document_set_print_async:
 * @source_object: (nullable) (type GObject): kept until the print is done
 * @parent: (nullable): the window the print dialog belongs to
 * @export_file: (nullable): for tests, export the pages to this PDF file
 *   through the same print operation, without a dialog
 *
 * Prints the set through the print dialog, with the settings of the last
 * print. The pages are drawn in the main thread from the laid-out set,
 * which the operation keeps.
 */
void
antt_document_set_print_async (AnttDocumentSet     *self,
                               gpointer             source_object,
                               GtkWindow           *parent,
                               GFile               *export_file,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GTask) task = NULL;
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
  GtkPrintOperationResult result;
  GError *error = NULL;
  gulong handler;

  g_return_if_fail (self != NULL);
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (export_file == NULL || G_IS_FILE (export_file));

  task = g_task_new (source_object, NULL, callback, user_data);
  g_task_set_source_tag (task, antt_document_set_print_async);
  g_task_set_name (task, "[antt] print documents");
  g_task_set_task_data (task, GINT_TO_POINTER (export_file != NULL), NULL);

  operation = antt_document_set_new_print_operation (self);
  if (print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, print_settings);
  if (export_file != NULL)
    {
      g_autofree char *path = g_file_get_path (export_file);

      gtk_print_operation_set_export_filename (operation, path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  handler = g_signal_connect (operation, "done", G_CALLBACK (print_done_cb),
                              g_object_ref (task));
  result = gtk_print_operation_run (operation, action, parent, &error);

  /* Failed or cancelled at once, without "done": answered here. */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS &&
      g_signal_handler_is_connected (operation, handler))
    {
      g_signal_handler_disconnect (operation, handler);
      g_object_unref (task);   /* the handler's */
      print_return (task, operation, result, error);
    }
  else
    {
      g_clear_error (&error);
    }
}

/**
 * antt_document_set_print_finish:
 *
 * Returns: %TRUE once printed (or sent to the printer), %FALSE with
 *   %G_IO_ERROR_CANCELLED if the dialog was cancelled, or the error
 */
gboolean
antt_document_set_print_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == antt_document_set_print_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Jobs --------------------------------------------------------------------- */

typedef struct
{
  char                     *path;
  char                     *spec;
  char                    **texts;      /* to save before building, or NULL */
  char                     *pdf;        /* to write, or NULL */
  AnttDocumentSet          *set;        /* write: the set to write */
  AnttDocumentProgressFunc  progress;
  gpointer                  progress_data;
  GTask                    *outer;      /* the caller's, main thread only */
  int                       per_mille;  /* atomic; -1: unknown */
  int                       shown;      /* the main thread's last */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_free (job->spec);
  g_strfreev (job->texts);
  g_free (job->pdf);
  g_clear_pointer (&job->set, antt_document_set_unref);
  g_free (job);
}

static gboolean
progress_idle (gpointer data)
{
  GTask *task = data;
  Job *job = g_task_get_task_data (task);
  int per_mille = g_atomic_int_get (&job->per_mille);

  if (per_mille != job->shown && !g_task_get_completed (task))
    {
      job->shown = per_mille;
      job->progress (g_task_get_source_object (job->outer),
                     per_mille < 0 ? -1.0 : per_mille / 1000.0, job->progress_data);
    }
  return G_SOURCE_REMOVE;
}

/* In the worker: tells the main thread, at most once a change of 1%. */
static void
report_progress (GTask  *task,
                 double  fraction)
{
  Job *job = g_task_get_task_data (task);
  int per_mille = fraction < 0 ? -1 : (int) (CLAMP (fraction, 0.0, 1.0) * 1000);
  int old = g_atomic_int_get (&job->per_mille);

  if (job->progress == NULL || (per_mille >= 0 && old >= 0 && per_mille - old < 10 &&
                                per_mille != 1000))
    return;
  g_atomic_int_set (&job->per_mille, per_mille);
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, progress_idle,
                              g_object_ref (task), g_object_unref);
}

static AnttDatabase *
open_database (Job     *job,
               GError **error)
{
  /* A connection of this thread's own, closed with it. */
  return antt_database_open (job->path,
                             ANTT_DATABASE_FLAGS_NO_CREATE | ANTT_DATABASE_FLAGS_NO_SEED,
                             error);
}

static gboolean
save_texts (AnttDatabase       *db,
            gint64              phase_id,
            const char *const  *texts,
            GError            **error)
{
  if (!antt_database_begin_immediate (db, error))
    return FALSE;
  for (guint i = 0; i < ANTT_N_REPORT_SECTIONS && texts[i] != NULL; i++)
    {
      if (!antt_report_texts_set (db, phase_id, (AnttReportSection) i, texts[i], error))
        {
          antt_database_rollback (db);
          return FALSE;
        }
    }
  return antt_database_commit (db, error);
}

static char *
make_file_name (int                 index,
                AnttDocument       *first)
{
  const char *date = first ? antt_document_get_date (first) : NULL;
  int year = 0;

  if (date == NULL || sscanf (date, "%4d", &year) != 1)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      year = g_date_time_get_year (now);
    }
  return g_strdup_printf ("%s-%d.pdf", spec_kinds[index].file_stem, year);
}

static gboolean
add_document (GPtrArray    *documents,
              AnttDocument *document)
{
  if (document == NULL)
    return FALSE;
  g_ptr_array_add (documents, document);
  return TRUE;
}

/* In the worker: the documents of the job's spec, laid out. */
static AnttDocumentSet *
build_set (GTask    *task,
           Job      *job,
           GError  **error)
{
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(AnttDocumentSet) set = NULL;
  AnttReportOptions options = { 0 };
  AnttReportKind kind;
  gboolean dossier;
  gint64 phase_id;
  int index;

  index = find_spec_kind (job->spec, &phase_id);
  g_assert (index >= 0);
  kind = spec_kinds[index].kind;
  dossier = spec_kinds[index].dossier;

  if ((db = open_database (job, error)) == NULL)
    return NULL;

  report_progress (task, -1);
  if ((options.phase_id = antt_report_find_review (db, kind, phase_id, error)) == 0)
    return NULL;

  set = g_new0 (AnttDocumentSet, 1);
  g_atomic_ref_count_init (&set->ref_count);
  set->spec = g_strdup (job->spec);
  set->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) antt_document_free);

  if (antt_document_spec_has_texts (job->spec))
    {
      if (job->texts != NULL &&
          !save_texts (db, options.phase_id, (const char *const *) job->texts, error))
        return NULL;
      for (guint i = 0; i < ANTT_N_REPORT_SECTIONS; i++)
        if ((set->texts[i] = antt_report_texts_get (db, options.phase_id,
                                                    (AnttReportSection) i, error)) == NULL)
          return NULL;
    }

  if (dossier)
    {
      g_autoptr(GPtrArray) documents = antt_report_build_dossier (db, &options, error);

      if (documents == NULL)
        return NULL;
      g_ptr_array_extend_and_steal (set->documents, g_steal_pointer (&documents));
    }
  else if (kind == ANTT_REPORT_KIND_NOMINEES || kind == ANTT_REPORT_KIND_PROPOSAL)
    {
      /* One for each award with nominations in the review. */
      g_autoptr(GArray) awards = antt_report_list_awards (db, options.phase_id, error);

      if (awards == NULL)
        return NULL;
      if (awards->len == 0 &&
          !add_document (set->documents, antt_report_build (db, kind, &options, error)))
        return NULL;   /* the core says why: no nomination yet */
      for (guint i = 0; i < awards->len; i++)
        {
          options.award_level_id = g_array_index (awards, gint64, i);
          if (!add_document (set->documents, antt_report_build (db, kind, &options, error)))
            return NULL;
        }
    }
  else if (!add_document (set->documents, antt_report_build (db, kind, &options, error)))
    return NULL;

  /* The layout: the slow part, document by document. */
  set->page_counts = g_new0 (guint, set->documents->len);
  for (guint i = 0; i < set->documents->len; i++)
    {
      set->page_counts[i] = antt_document_get_n_pages (g_ptr_array_index (set->documents, i));
      set->n_pages += set->page_counts[i];
      report_progress (task, (i + 1.0) / set->documents->len * (job->pdf ? 0.7 : 1.0));
    }

  if (dossier)
    set->title = g_strdup_printf ("Hồ sơ đề nghị khen thưởng – %s",
                                  antt_document_get_title (g_ptr_array_index (set->documents, 0)));
  else
    set->title = g_strdup (antt_document_get_title (g_ptr_array_index (set->documents, 0)));
  set->file_name = make_file_name (index, g_ptr_array_index (set->documents, 0));
  return g_steal_pointer (&set);
}

static gboolean
write_set (AnttDocumentSet  *set,
           const char       *path,
           GError          **error)
{
  AnttDocument *first = g_ptr_array_index (set->documents, 0);

  return antt_documents_write_pdf ((AnttDocument *const *) set->documents->pdata,
                                   set->documents->len, set->title,
                                   antt_document_get_author (first), path, error);
}

/* In the main thread: the worker's task is over, the caller's returns. */
static void
inner_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GTask *inner = G_TASK (result);
  GError *error = NULL;

  if (g_task_get_source_tag (outer) == antt_document_set_build_async)
    {
      AnttDocumentSet *set = g_task_propagate_pointer (inner, &error);

      if (set != NULL)
        g_task_return_pointer (outer, set, (GDestroyNotify) antt_document_set_unref);
      else
        g_task_return_error (outer, error);
    }
  else if (g_task_propagate_boolean (inner, &error))
    {
      g_task_return_boolean (outer, TRUE);
    }
  else
    {
      g_task_return_error (outer, error);
    }
}

/* Runs @func in a worker on a task of its own, without the source object:
 * the worker may drop the last reference to its task, and the source (a
 * window, the "doc" actions) must not go in that thread. @outer, the
 * caller's, keeps the source and returns in the main thread. */
static void
run_in_thread (GTask           *outer,
               Job             *job,
               GTaskThreadFunc  func)
{
  g_autoptr(GTask) inner = g_task_new (NULL, g_task_get_cancellable (outer), inner_done_cb,
                                       g_object_ref (outer));

  g_task_set_name (inner, g_task_get_name (outer));
  job->outer = outer;
  g_task_set_task_data (inner, job, job_free);
  g_task_run_in_thread (inner, func);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(PangoFontMap) fontmap = NULL;
  g_autoptr(AnttDocumentSet) set = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  fontmap = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (fontmap));
  set = build_set (task, job, &error);
  /* The documents hold the font map; the thread forgets it. */
  pango_cairo_font_map_set_default (NULL);

  if (set != NULL && job->pdf != NULL && !write_set (set, job->pdf, &error))
    g_clear_pointer (&set, antt_document_set_unref);

  if (set == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&set), (GDestroyNotify) antt_document_set_unref);
}

/**
 * antt_document_set_build_async:
 * @source_object: (nullable) (type GObject): kept until the job is done,
 *   and given to @progress
 * @database: the data file, opened anew in the worker thread
 * @spec: the documents, as the "doc" actions name them
 * @texts: (nullable) (array fixed-size=3): for the interim and final
 *   reports, the clerk's sections to store (by #AnttReportSection) before
 *   building; %NULL to build with those stored
 * @pdf: (nullable): also write the documents to this PDF file
 * @progress: (nullable) (scope notified): told in the main thread how far
 *   the job is, with @user_data
 *
 * Builds and lays out the documents of @spec in a worker thread. They may
 * take a number from the register the first time: the file must be
 * writable.
 */
void
antt_document_set_build_async (gpointer                  source_object,
                               AnttDatabase             *database,
                               const char               *spec,
                               const char *const        *texts,
                               GFile                    *pdf,
                               GCancellable             *cancellable,
                               AnttDocumentProgressFunc  progress,
                               GAsyncReadyCallback       callback,
                               gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (source_object == NULL || G_IS_OBJECT (source_object));
  g_return_if_fail (ANTT_IS_DATABASE (database));
  g_return_if_fail (pdf == NULL || G_IS_FILE (pdf));

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, antt_document_set_build_async);
  g_task_set_name (task, "[antt] build documents");

  if (!antt_document_spec_parse (spec, NULL, NULL, NULL))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("There is no document “%s”."), spec ? spec : "");
      return;
    }
  if (pdf != NULL && g_file_peek_path (pdf) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Documents can only be saved to a folder of this computer."));
      return;
    }

  job = g_new0 (Job, 1);
  job->path = g_strdup (antt_database_get_path (database));
  job->spec = g_strdup (spec);
  if (texts != NULL)
    {
      job->texts = g_new0 (char *, ANTT_N_REPORT_SECTIONS + 1);
      for (guint i = 0; i < ANTT_N_REPORT_SECTIONS; i++)
        job->texts[i] = g_strdup (texts[i] ? texts[i] : "");
    }
  job->pdf = pdf ? g_file_get_path (pdf) : NULL;
  job->progress = progress;
  job->progress_data = user_data;
  job->per_mille = job->shown = G_MININT;
  run_in_thread (task, job, build_thread);
}

/**
 * antt_document_set_build_finish:
 *
 * Returns: (transfer full): the documents, laid out; %NULL with @error set
 */
AnttDocumentSet *
antt_document_set_build_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == antt_document_set_build_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!write_set (job->set, job->pdf, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * antt_document_set_write_async:
 * @source_object: (nullable) (type GObject): kept until the job is done
 * @pdf: the file to write
 *
 * Writes the set to PDF in a worker thread. Until @callback is called, the
 * set is the worker's: draw none of its pages meanwhile.
 */
void
antt_document_set_write_async (AnttDocumentSet     *self,
                               gpointer             source_object,
                               GFile               *pdf,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_FILE (pdf));

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, antt_document_set_write_async);
  g_task_set_name (task, "[antt] write documents");
  if (g_file_peek_path (pdf) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Documents can only be saved to a folder of this computer."));
      return;
    }

  job = g_new0 (Job, 1);
  job->set = antt_document_set_ref (self);
  job->pdf = g_file_get_path (pdf);
  run_in_thread (task, job, write_thread);
}

gboolean
antt_document_set_write_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == antt_document_set_write_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * antt_document_texts_save:
 * @database: the connection to store them on (the caller's)
 * @spec: "interim" or "final" (or with a phase)
 * @texts: (array fixed-size=3): the clerk's sections, by #AnttReportSection
 *
 * Stores the sections at once, in one transaction (three small updates):
 * for a window that closes with changes it has not built the report with,
 * and must know they are kept before it goes.
 *
 * Returns: %TRUE if stored
 */
gboolean
antt_document_texts_save (AnttDatabase       *database,
                          const char         *spec,
                          const char *const  *texts,
                          GError            **error)
{
  AnttReportKind kind;
  gint64 phase_id;

  g_return_val_if_fail (ANTT_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (antt_document_spec_has_texts (spec), FALSE);
  g_return_val_if_fail (texts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  antt_document_spec_parse (spec, &kind, NULL, &phase_id);
  if ((phase_id = antt_report_find_review (database, kind, phase_id, error)) == 0)
    return FALSE;
  return save_texts (database, phase_id, texts, error);
}
