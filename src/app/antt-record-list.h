/* antt-record-list.h: the records of one table as a GListModel.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "antt-database.h"
#include "antt-record-item.h"
#include "antt-records.h"

G_BEGIN_DECLS

#define ANTT_TYPE_RECORD_LIST (antt_record_list_get_type ())

G_DECLARE_FINAL_TYPE (AnttRecordList, antt_record_list, ANTT, RECORD_LIST, GObject)

AnttRecordList  *antt_record_list_new                 (const char     *table,
                                                       const char     *columns);
const AnttTable *antt_record_list_get_table           (AnttRecordList *self);
AnttDatabase    *antt_record_list_get_database        (AnttRecordList *self);
void             antt_record_list_set_database        (AnttRecordList *self,
                                                       AnttDatabase   *database);
gboolean         antt_record_list_get_loading         (AnttRecordList *self);
guint            antt_record_list_get_n_columns       (AnttRecordList *self);
const char      *antt_record_list_get_column_name     (AnttRecordList *self,
                                                       guint           column);
const char      *antt_record_list_get_column_title    (AnttRecordList *self,
                                                       guint           column);
gboolean         antt_record_list_column_is_numeric   (AnttRecordList *self,
                                                       guint           column);
int              antt_record_list_get_column_width    (AnttRecordList *self,
                                                       guint           column);
gboolean         antt_record_list_column_expands      (AnttRecordList *self,
                                                       guint           column);
gboolean         antt_record_list_column_is_sensitive (AnttRecordList *self,
                                                       guint           column);
int              antt_record_list_find_column         (AnttRecordList *self,
                                                       const char     *name);
void             antt_record_list_set_period          (AnttRecordList *self,
                                                       const char     *from_iso,
                                                       const char     *to_iso);
void             antt_record_list_set_equals          (AnttRecordList *self,
                                                       const char     *column,
                                                       gint64          id);
gboolean         antt_record_list_has_filter          (AnttRecordList *self);
void             antt_record_list_sort                (AnttRecordList *self,
                                                       int             column,
                                                       gboolean        descending);
void             antt_record_list_set_search          (AnttRecordList *self,
                                                       const char     *text);
const char      *antt_record_list_get_search          (AnttRecordList *self);
guint            antt_record_list_get_n_total         (AnttRecordList *self);
void             antt_record_list_reload              (AnttRecordList *self);
guint            antt_record_list_find                (AnttRecordList *self,
                                                       gint64          id);
GArray          *antt_record_list_dup_shown           (AnttRecordList  *self,
                                                       AnttRecordRows **rows);

G_END_DECLS
