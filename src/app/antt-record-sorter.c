/* antt-record-sorter.c
 *
 * A record list sorts itself (AnttRecordList keeps, with each load, the
 * order of its items by every column, made in the worker), so that a click
 * on a heading of a hundred thousand rows reads an order out instead of
 * sorting on the main thread. The column view still shows which column
 * sorts and which way: each column gets one of these sorters, and the page
 * asks the view's sorter which of them comes first.
 *
 * GTK 4.8 does not say which column a GtkColumnViewSorter sorts by (4.10
 * has gtk_column_view_sorter_get_primary_sort_column()): it is found by
 * comparing two probe items, which only the first sorter in the view's
 * chain sees, as every sorter here decides.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "antt-record-item.h"
#include "antt-record-sorter.h"

struct _AnttRecordSorter
{
  GtkSorter parent_instance;

  guint     cell;
};

G_DEFINE_FINAL_TYPE (AnttRecordSorter, antt_record_sorter, GTK_TYPE_SORTER)

/* The probes, and the sorter that last compared them. */
static AnttRecordItem   *probe_first;
static AnttRecordItem   *probe_second;
static AnttRecordSorter *probed;

/* Items are in order already (the list sorted them): only their ids break
 * ties, and a comparison of the probes says who was asked. */
static GtkOrdering
antt_record_sorter_compare (GtkSorter *sorter,
                            gpointer   item1,
                            gpointer   item2)
{
  gint64 a, b;

  if (item1 == probe_first && item2 == probe_second)
    {
      probed = ANTT_RECORD_SORTER (sorter);
      return GTK_ORDERING_SMALLER;
    }

  a = antt_record_item_get_id (item1);
  b = antt_record_item_get_id (item2);
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkSorterOrder
antt_record_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_TOTAL;
}

static void
antt_record_sorter_class_init (AnttRecordSorterClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  sorter_class->compare = antt_record_sorter_compare;
  sorter_class->get_order = antt_record_sorter_get_order;
}

static void
antt_record_sorter_init (AnttRecordSorter *self)
{
}

/**
 * antt_record_sorter_new:
 * @cell: the column of the record list it stands for
 */
GtkSorter *
antt_record_sorter_new (guint cell)
{
  AnttRecordSorter *self = g_object_new (ANTT_TYPE_RECORD_SORTER, NULL);

  self->cell = cell;
  return GTK_SORTER (self);
}

guint
antt_record_sorter_get_cell (AnttRecordSorter *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_SORTER (self), 0);
  return self->cell;
}

/**
 * antt_record_sorter_find_primary:
 * @column_view_sorter: the sorter of a column view whose columns have
 *   AnttRecordSorters
 * @cell: (out): the column the view sorts by first
 * @order: (out): which way
 *
 * Must be called on the main thread.
 *
 * Returns: %FALSE when the view sorts by no column
 */
gboolean
antt_record_sorter_find_primary (GtkSorter   *column_view_sorter,
                                 guint       *cell,
                                 GtkSortType *order)
{
  GtkOrdering ordering;

  g_return_val_if_fail (GTK_IS_SORTER (column_view_sorter), FALSE);

  if (probe_first == NULL)
    {
      probe_first = antt_record_item_new (0, 0);
      probe_second = antt_record_item_new (0, 0);
    }

  probed = NULL;
  ordering = gtk_sorter_compare (column_view_sorter, probe_first, probe_second);
  if (probed == NULL || ordering == GTK_ORDERING_EQUAL)
    return FALSE;

  *cell = probed->cell;
  *order = ordering == GTK_ORDERING_SMALLER ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING;
  probed = NULL;
  return TRUE;
}
