/* antt-record-item.c
 *
 * The cells are computed once, in the thread that loads the list, so that
 * scrolling and searching never touch the database: each cell has its
 * text, and the row has one folded text that search matches. The texts are
 * GRefStrings: those that repeat down a column (dates, choices, team names)
 * are shared by every row that shows them. (The sort keys stay with the
 * list, which orders its items when it loads them.)
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "antt-record-item.h"

struct _AnttRecordItem
{
  GObject  parent_instance;

  gint64   id;
  guint    n_cells;
  char   **cells;    /* GRefString, n_cells */
  char    *search;   /* GRefString, folded */
  char    *tooltip;  /* GRefString, nullable */
};

G_DEFINE_FINAL_TYPE (AnttRecordItem, antt_record_item, G_TYPE_OBJECT)

static void
antt_record_item_finalize (GObject *object)
{
  AnttRecordItem *self = ANTT_RECORD_ITEM (object);

  for (guint i = 0; i < self->n_cells; i++)
    g_clear_pointer (&self->cells[i], g_ref_string_release);
  g_free (self->cells);
  g_clear_pointer (&self->search, g_ref_string_release);
  g_clear_pointer (&self->tooltip, g_ref_string_release);

  G_OBJECT_CLASS (antt_record_item_parent_class)->finalize (object);
}

static void
antt_record_item_class_init (AnttRecordItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = antt_record_item_finalize;
}

static void
antt_record_item_init (AnttRecordItem *self)
{
}

AnttRecordItem *
antt_record_item_new (gint64 id,
                      guint  n_cells)
{
  AnttRecordItem *self = g_object_new (ANTT_TYPE_RECORD_ITEM, NULL);

  self->id = id;
  self->n_cells = n_cells;
  self->cells = g_new0 (char *, n_cells + 1);
  return self;
}

gint64
antt_record_item_get_id (AnttRecordItem *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_ITEM (self), 0);
  return self->id;
}

guint
antt_record_item_get_n_cells (AnttRecordItem *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_ITEM (self), 0);
  return self->n_cells;
}

/**
 * antt_record_item_get_cell:
 *
 * Returns: the text shown in @cell, "" when empty
 */
const char *
antt_record_item_get_cell (AnttRecordItem *self,
                           guint           cell)
{
  g_return_val_if_fail (ANTT_IS_RECORD_ITEM (self), NULL);
  g_return_val_if_fail (cell < self->n_cells, NULL);
  return self->cells[cell] ? self->cells[cell] : "";
}

const char *
antt_record_item_get_search (AnttRecordItem *self)
{
  return self->search ? self->search : "";
}

const char *
antt_record_item_get_tooltip (AnttRecordItem *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_ITEM (self), NULL);
  return self->tooltip;
}

/**
 * antt_record_item_take_cell:
 * @text: (transfer full): a GRefString
 */
void
antt_record_item_take_cell (AnttRecordItem *self,
                            guint           cell,
                            char           *text)
{
  g_return_if_fail (ANTT_IS_RECORD_ITEM (self));
  g_return_if_fail (cell < self->n_cells);

  g_clear_pointer (&self->cells[cell], g_ref_string_release);
  self->cells[cell] = text;
}

/**
 * antt_record_item_take_search:
 * @folded: (transfer full): a GRefString
 */
void
antt_record_item_take_search (AnttRecordItem *self,
                              char           *folded)
{
  g_return_if_fail (ANTT_IS_RECORD_ITEM (self));

  g_clear_pointer (&self->search, g_ref_string_release);
  self->search = folded;
}

/**
 * antt_record_item_take_tooltip:
 * @tooltip: (transfer full) (nullable): a GRefString
 */
void
antt_record_item_take_tooltip (AnttRecordItem *self,
                               char           *tooltip)
{
  g_return_if_fail (ANTT_IS_RECORD_ITEM (self));

  g_clear_pointer (&self->tooltip, g_ref_string_release);
  self->tooltip = tooltip;
}

/**
 * antt_record_item_equal:
 *
 * Returns: whether @a and @b show the same row the same way
 */
gboolean
antt_record_item_equal (AnttRecordItem *a,
                        AnttRecordItem *b)
{
  if (a->id != b->id || a->n_cells != b->n_cells)
    return FALSE;

  for (guint i = 0; i < a->n_cells; i++)
    if (g_strcmp0 (a->cells[i], b->cells[i]) != 0)
      return FALSE;

  return g_strcmp0 (a->tooltip, b->tooltip) == 0;
}
