/* antt-window.h
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "antt-application.h"
#include "antt-database.h"
#include "antt-document-actions.h"

G_BEGIN_DECLS

#define ANTT_TYPE_WINDOW (antt_window_get_type ())

G_DECLARE_FINAL_TYPE (AnttWindow, antt_window, ANTT, WINDOW, AdwApplicationWindow)

AnttWindow   *antt_window_new           (AnttApplication    *application);
AnttDatabase *antt_window_get_database  (AnttWindow         *self);
gboolean      antt_window_open_database (AnttWindow         *self,
                                         const char         *path,
                                         AnttDatabaseFlags   flags,
                                         GError            **error);
void          antt_window_add_toast     (AnttWindow         *self,
                                         AdwToast           *toast);
AnttDocumentActions *antt_window_get_document_actions (AnttWindow *self);

G_END_DECLS
