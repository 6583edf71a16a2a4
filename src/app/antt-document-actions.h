/* antt-document-actions.h: the "doc" actions of the main window.
 *
 *   doc.preview(s)      the document in a preview window
 *   doc.export-pdf(s)   the document as a PDF file, chosen in a file dialog
 *   doc.print(s)        the document through the print dialog
 *
 * The parameter names the document: "interim", "final",
 * "nominees:<phase_id>", "minutes:<phase_id>", "proposal:<phase_id>" or
 * "dossier:<phase_id>" (see antt-document-set.h).
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "antt-database.h"

G_BEGIN_DECLS

#define ANTT_TYPE_DOCUMENT_ACTIONS (antt_document_actions_get_type ())

G_DECLARE_FINAL_TYPE (AnttDocumentActions, antt_document_actions,
                      ANTT, DOCUMENT_ACTIONS, GObject)

AnttDocumentActions *antt_document_actions_new           (GtkWindow           *window);
void                 antt_document_actions_set_database  (AnttDocumentActions *self,
                                                          AnttDatabase        *database);
void                 antt_document_actions_set_next_file (AnttDocumentActions *self,
                                                          GFile               *file);
void                 antt_document_actions_set_next_print_file (AnttDocumentActions *self,
                                                                GFile               *file);
guint                antt_document_actions_get_n_running (AnttDocumentActions *self);

G_END_DECLS
