/* antt-record-item.h: one row of a record list, ready to show.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ANTT_TYPE_RECORD_ITEM (antt_record_item_get_type ())

G_DECLARE_FINAL_TYPE (AnttRecordItem, antt_record_item, ANTT, RECORD_ITEM, GObject)

AnttRecordItem *antt_record_item_new         (gint64          id,
                                              guint           n_cells);
gint64          antt_record_item_get_id      (AnttRecordItem *self);
guint           antt_record_item_get_n_cells (AnttRecordItem *self);
const char     *antt_record_item_get_cell    (AnttRecordItem *self,
                                              guint           cell);
const char     *antt_record_item_get_search  (AnttRecordItem *self);
const char     *antt_record_item_get_tooltip (AnttRecordItem *self);
void            antt_record_item_take_cell   (AnttRecordItem *self,
                                              guint           cell,
                                              char           *text);
void            antt_record_item_take_search (AnttRecordItem *self,
                                              char           *folded);
void            antt_record_item_take_tooltip (AnttRecordItem *self,
                                               char           *tooltip);
gboolean        antt_record_item_equal       (AnttRecordItem *a,
                                              AnttRecordItem *b);

G_END_DECLS
