/* antt-target-records-window.h: the records behind a target's number.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "antt-database.h"
#include "antt-target-item.h"

G_BEGIN_DECLS

/* One record of the list, its cells made in the loading thread. */
#define ANTT_TYPE_TARGET_RECORD_ITEM (antt_target_record_item_get_type ())

G_DECLARE_FINAL_TYPE (AnttTargetRecordItem, antt_target_record_item,
                      ANTT, TARGET_RECORD_ITEM, GObject)

gint64          antt_target_record_item_get_id      (AnttTargetRecordItem *self);
guint           antt_target_record_item_get_n_cells (AnttTargetRecordItem *self);
const char     *antt_target_record_item_get_cell    (AnttTargetRecordItem *self,
                                                     guint                 cell);
const char     *antt_target_record_item_get_key     (AnttTargetRecordItem *self,
                                                     guint                 cell);

#define ANTT_TYPE_TARGET_RECORDS_WINDOW (antt_target_records_window_get_type ())

G_DECLARE_FINAL_TYPE (AnttTargetRecordsWindow, antt_target_records_window,
                      ANTT, TARGET_RECORDS_WINDOW, AdwWindow)

GtkWidget      *antt_target_records_window_new              (GtkWindow               *parent,
                                                             AnttDatabase            *database,
                                                             AnttTargetItem          *item,
                                                             const char              *unit_name);
AnttTargetItem *antt_target_records_window_get_item         (AnttTargetRecordsWindow *self);
gboolean        antt_target_records_window_get_failing_only (AnttTargetRecordsWindow *self);
void            antt_target_records_window_set_failing_only (AnttTargetRecordsWindow *self,
                                                             gboolean                 failing_only);
gboolean        antt_target_records_window_get_loading      (AnttTargetRecordsWindow *self);
GListModel     *antt_target_records_window_get_records      (AnttTargetRecordsWindow *self);
const char     *antt_target_records_window_get_table        (AnttTargetRecordsWindow *self);

G_END_DECLS
