/* antt-document-set.h: the official documents of a "doc.*" action, built
 * off the main thread, shown, written to PDF and printed.
 *
 * A document is named as the "doc" actions' parameter names it:
 *
 *   "interim", "final"        the interim and final reports (of the
 *                             movement's review, or "interim:<phase_id>");
 *   "nominees:<phase_id>"     the list of nominees of a review, one per
 *                             award with nominations;
 *   "proposal:<phase_id>"     the proposal (tờ trình), one per award;
 *   "minutes:<phase_id>"      the committee's minutes (its latest meeting);
 *   "dossier:<phase_id>"      all of these and every achievement report.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "antt-database.h"
#include "antt-reports.h"

G_BEGIN_DECLS

#define ANTT_N_REPORT_SECTIONS 3

gboolean         antt_document_spec_parse          (const char           *spec,
                                                    AnttReportKind       *kind,
                                                    gboolean             *dossier,
                                                    gint64               *phase_id);
gboolean         antt_document_spec_has_texts      (const char           *spec);

#define ANTT_TYPE_DOCUMENT_SET (antt_document_set_get_type ())

typedef struct _AnttDocumentSet AnttDocumentSet;

/* Called in the main thread while a job runs: @fraction from 0 to 1, or
 * negative while it cannot tell. */
typedef void (*AnttDocumentProgressFunc) (GObject  *source_object,
                                          double    fraction,
                                          gpointer  user_data);

GType            antt_document_set_get_type        (void) G_GNUC_CONST;
AnttDocumentSet *antt_document_set_ref             (AnttDocumentSet      *self);
void             antt_document_set_unref           (AnttDocumentSet      *self);

void             antt_document_set_build_async     (gpointer              source_object,
                                                    AnttDatabase         *database,
                                                    const char           *spec,
                                                    const char *const    *texts,
                                                    GFile                *pdf,
                                                    GCancellable         *cancellable,
                                                    AnttDocumentProgressFunc progress,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
AnttDocumentSet *antt_document_set_build_finish    (GAsyncResult         *result,
                                                    GError              **error);
void             antt_document_set_write_async     (AnttDocumentSet      *self,
                                                    gpointer              source_object,
                                                    GFile                *pdf,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         antt_document_set_write_finish    (GAsyncResult         *result,
                                                    GError              **error);
gboolean         antt_document_texts_save          (AnttDatabase         *database,
                                                    const char           *spec,
                                                    const char *const    *texts,
                                                    GError              **error);

const char      *antt_document_set_get_spec        (AnttDocumentSet      *self);
const char      *antt_document_set_get_title       (AnttDocumentSet      *self);
const char      *antt_document_set_get_file_name   (AnttDocumentSet      *self);
guint            antt_document_set_get_n_documents (AnttDocumentSet      *self);
guint            antt_document_set_get_n_pages     (AnttDocumentSet      *self);
const char      *antt_document_set_get_text        (AnttDocumentSet      *self,
                                                    AnttReportSection     section);
void             antt_document_set_render_page     (AnttDocumentSet      *self,
                                                    cairo_t              *cr,
                                                    guint                 page);
GtkFileChooserNative *antt_document_set_new_export_chooser (AnttDocumentSet *self,
                                                           GtkWindow       *parent);
GtkPrintOperation *antt_document_set_new_print_operation (AnttDocumentSet *self);
void             antt_document_set_print_async     (AnttDocumentSet      *self,
                                                    gpointer              source_object,
                                                    GtkWindow            *parent,
                                                    GFile                *export_file,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         antt_document_set_print_finish    (GAsyncResult         *result,
                                                    GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttDocumentSet, antt_document_set_unref)

G_END_DECLS
