/* antt-document-preview.h: a document's pages before it is saved or
 * printed, and for the interim and final reports the sections the office
 * writes itself.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "antt-database.h"
#include "antt-document-set.h"

G_BEGIN_DECLS

#define ANTT_TYPE_DOCUMENT_PREVIEW (antt_document_preview_get_type ())

G_DECLARE_FINAL_TYPE (AnttDocumentPreview, antt_document_preview,
                      ANTT, DOCUMENT_PREVIEW, AdwWindow)

GtkWidget       *antt_document_preview_new            (GtkWindow           *parent,
                                                       AnttDatabase        *database,
                                                       const char          *spec);
const char      *antt_document_preview_get_spec       (AnttDocumentPreview *self);
gboolean         antt_document_preview_get_busy       (AnttDocumentPreview *self);
AnttDocumentSet *antt_document_preview_get_documents  (AnttDocumentPreview *self);
guint            antt_document_preview_get_n_pages    (AnttDocumentPreview *self);
GtkTextBuffer   *antt_document_preview_get_text_buffer (AnttDocumentPreview *self,
                                                       AnttReportSection    section);
void             antt_document_preview_update         (AnttDocumentPreview *self);
void             antt_document_preview_export         (AnttDocumentPreview *self,
                                                       GFile               *file);
void             antt_document_preview_print          (AnttDocumentPreview *self,
                                                       GFile               *export_file);

G_END_DECLS
