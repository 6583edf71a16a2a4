/* antt-record-page.h: the records of one table, to search, add, edit and delete.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "antt-database.h"
#include "antt-record-form.h"
#include "antt-record-list.h"

G_BEGIN_DECLS

#define ANTT_TYPE_RECORD_PAGE (antt_record_page_get_type ())

G_DECLARE_FINAL_TYPE (AnttRecordPage, antt_record_page, ANTT, RECORD_PAGE, GtkWidget)

GtkWidget      *antt_record_page_new              (const char     *table,
                                                   const char     *columns);
AnttDatabase   *antt_record_page_get_database     (AnttRecordPage *self);
void            antt_record_page_set_database     (AnttRecordPage *self,
                                                   AnttDatabase   *database);
AnttRecordList *antt_record_page_get_list         (AnttRecordPage *self);
GListModel     *antt_record_page_get_shown        (AnttRecordPage *self);
GtkEditable    *antt_record_page_get_search_entry (AnttRecordPage *self);
void            antt_record_page_set_fixed        (AnttRecordPage *self,
                                                   const char     *column,
                                                   gint64          id);
void            antt_record_page_focus_search     (AnttRecordPage *self);
void            antt_record_page_select           (AnttRecordPage *self,
                                                   gint64          id);
AnttRecordForm *antt_record_page_add              (AnttRecordPage *self);
AnttRecordForm *antt_record_page_edit             (AnttRecordPage *self,
                                                   gint64          id);
void            antt_record_page_export_csv_async (AnttRecordPage      *self,
                                                   const char          *path,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gint64          antt_record_page_export_csv_finish (AnttRecordPage *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);

G_END_DECLS
