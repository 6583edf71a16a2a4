/* antt-record-item.h: one row of a record list, ready to show.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The rows of one load, column after column in flat arrays (no object a
 * row): what a list of a hundred thousand records keeps. */
typedef struct _AnttRecordRows AnttRecordRows;

AnttRecordRows *antt_record_rows_new         (guint           n_columns);
AnttRecordRows *antt_record_rows_ref         (AnttRecordRows *rows);
void            antt_record_rows_unref       (AnttRecordRows *rows);
void            antt_record_rows_append      (AnttRecordRows    *rows,
                                              gint64             id,
                                              const char *const *cells,
                                              const char        *search,
                                              const char        *tooltip);
void            antt_record_rows_trim        (AnttRecordRows *rows);
guint           antt_record_rows_get_n_rows  (AnttRecordRows *rows);
guint           antt_record_rows_get_n_columns (AnttRecordRows *rows);
gint64          antt_record_rows_get_id      (AnttRecordRows *rows,
                                              guint           row);
const char     *antt_record_rows_get_cell    (AnttRecordRows *rows,
                                              guint           row,
                                              guint           column);
const char     *antt_record_rows_get_search  (AnttRecordRows *rows,
                                              guint           row);
const char     *antt_record_rows_get_tooltip (AnttRecordRows *rows,
                                              guint           row);
gboolean        antt_record_rows_equal       (AnttRecordRows *a,
                                              guint           row_a,
                                              AnttRecordRows *b,
                                              guint           row_b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttRecordRows, antt_record_rows_unref)

#define ANTT_TYPE_RECORD_ITEM (antt_record_item_get_type ())

G_DECLARE_FINAL_TYPE (AnttRecordItem, antt_record_item, ANTT, RECORD_ITEM, GObject)

AnttRecordItem *antt_record_item_new          (gint64          id,
                                               guint           n_cells);
AnttRecordItem *antt_record_item_new_for_row  (AnttRecordRows *rows,
                                               guint           row);
gboolean        antt_record_item_set_row      (AnttRecordItem *self,
                                               AnttRecordRows *rows,
                                               guint           row);
gint64          antt_record_item_get_id       (AnttRecordItem *self);
guint           antt_record_item_get_n_cells  (AnttRecordItem *self);
const char     *antt_record_item_get_cell     (AnttRecordItem *self,
                                               guint           cell);
const char     *antt_record_item_get_search   (AnttRecordItem *self);
const char     *antt_record_item_get_tooltip  (AnttRecordItem *self);
void            antt_record_item_take_cell    (AnttRecordItem *self,
                                               guint           cell,
                                               char           *text);
void            antt_record_item_take_search  (AnttRecordItem *self,
                                               char           *folded);
void            antt_record_item_take_tooltip (AnttRecordItem *self,
                                               char           *tooltip);
gboolean        antt_record_item_equal        (AnttRecordItem *a,
                                               AnttRecordItem *b);

G_END_DECLS
