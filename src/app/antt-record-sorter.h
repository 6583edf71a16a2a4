/* antt-record-sorter.h: a record list column's sorter, for the view's headings.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANTT_TYPE_RECORD_SORTER (antt_record_sorter_get_type ())

G_DECLARE_FINAL_TYPE (AnttRecordSorter, antt_record_sorter, ANTT, RECORD_SORTER, GtkSorter)

GtkSorter *antt_record_sorter_new          (guint        cell);
guint      antt_record_sorter_get_cell     (AnttRecordSorter *self);
gboolean   antt_record_sorter_find_primary (GtkSorter   *column_view_sorter,
                                            guint       *cell,
                                            GtkSortType *order);

G_END_DECLS
