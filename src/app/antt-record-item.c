/* antt-record-item.c
 *
 * The cells are computed once, in the thread that loads the list, so that
 * scrolling and searching never touch the database: each cell has its
 * text, and the row has one folded text that search matches. The texts are
 * GRefStrings: those that repeat down a column (dates, choices, team names)
 * are shared by every row that shows them.
 *
 * A list keeps its rows in an AnttRecordRows (flat arrays, no object a
 * row) and makes items only for the positions a view asks for: an item of
 * a list stands for a position and shows the row there, and when the list
 * is sorted or searched it is pointed at another row and says "changed",
 * so that the view keeps its widgets and only relabels them. An item made
 * with antt_record_item_new() holds cells of its own (the member picker).
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "antt-record-item.h"

/* Rows ------------------------------------------------------------------ */

/* The texts live in string chunks: a few large blocks rather than a small
 * allocation a text, which would leave the memory of a load's passing
 * work (its records, its keys) pinned between them after it is freed.
 * Those of the cells are kept once (dates, choices, team names repeat
 * down a column). */
struct _AnttRecordRows
{
  guint         n_columns;
  GArray       *ids;       /* gint64 */
  GArray       *cells;     /* const char *, n_columns a row */
  GArray       *search;    /* const char * */
  GArray       *tooltips;  /* const char * or NULL; empty until a row has one */
  GStringChunk *shared;    /* cells and tooltips, each text once */
  GStringChunk *texts;     /* the folded texts searched, one a row */
};

#define CHUNK_SIZE (256 * 1024)

AnttRecordRows *
antt_record_rows_new (guint n_columns)
{
  AnttRecordRows *rows = g_atomic_rc_box_new0 (AnttRecordRows);

  rows->n_columns = n_columns;
  rows->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  rows->cells = g_array_new (FALSE, FALSE, sizeof (char *));
  rows->search = g_array_new (FALSE, FALSE, sizeof (char *));
  rows->tooltips = g_array_new (FALSE, TRUE, sizeof (char *));
  rows->shared = g_string_chunk_new (CHUNK_SIZE);
  rows->texts = g_string_chunk_new (CHUNK_SIZE);
  return rows;
}

AnttRecordRows *
antt_record_rows_ref (AnttRecordRows *rows)
{
  return g_atomic_rc_box_acquire (rows);
}

static void
rows_clear (gpointer data)
{
  AnttRecordRows *rows = data;

  g_array_unref (rows->ids);
  g_array_unref (rows->cells);
  g_array_unref (rows->search);
  g_array_unref (rows->tooltips);
  g_string_chunk_free (rows->shared);
  g_string_chunk_free (rows->texts);
}

void
antt_record_rows_unref (AnttRecordRows *rows)
{
  g_atomic_rc_box_release_full (rows, rows_clear);
}

/**
 * antt_record_rows_append:
 * @cells: (array): n_columns texts, copied
 * @search: the folded text searched, copied
 * @tooltip: (nullable): copied
 */
void
antt_record_rows_append (AnttRecordRows    *rows,
                         gint64             id,
                         const char *const *cells,
                         const char        *search,
                         const char        *tooltip)
{
  guint row = rows->ids->len;
  const char *text;

  g_array_append_val (rows->ids, id);
  for (guint c = 0; c < rows->n_columns; c++)
    {
      text = g_string_chunk_insert_const (rows->shared, cells[c] ? cells[c] : "");
      g_array_append_val (rows->cells, text);
    }
  text = g_string_chunk_insert (rows->texts, search ? search : "");
  g_array_append_val (rows->search, text);
  if (tooltip != NULL)
    {
      g_array_set_size (rows->tooltips, row + 1);
      g_array_index (rows->tooltips, const char *, row) =
        g_string_chunk_insert_const (rows->shared, tooltip);
    }
}

static GArray *
trimmed (GArray *array,
         gsize   element_size)
{
  GArray *exact = g_array_sized_new (FALSE, FALSE, element_size, array->len);

  g_array_append_vals (exact, array->data, array->len);
  g_array_unref (array);
  return exact;
}

/* Gives back the room the arrays grew into while rows were added. */
void
antt_record_rows_trim (AnttRecordRows *rows)
{
  rows->ids = trimmed (rows->ids, sizeof (gint64));
  rows->cells = trimmed (rows->cells, sizeof (char *));
  rows->search = trimmed (rows->search, sizeof (char *));
  rows->tooltips = trimmed (rows->tooltips, sizeof (char *));
}

guint
antt_record_rows_get_n_rows (AnttRecordRows *rows)
{
  return rows->ids->len;
}

guint
antt_record_rows_get_n_columns (AnttRecordRows *rows)
{
  return rows->n_columns;
}

gint64
antt_record_rows_get_id (AnttRecordRows *rows,
                         guint           row)
{
  g_assert (row < rows->ids->len);
  return g_array_index (rows->ids, gint64, row);
}

const char *
antt_record_rows_get_cell (AnttRecordRows *rows,
                           guint           row,
                           guint           column)
{
  const char *text;

  g_assert (row < rows->ids->len && column < rows->n_columns);
  text = g_array_index (rows->cells, char *, (gsize) row * rows->n_columns + column);
  return text ? text : "";
}

const char *
antt_record_rows_get_search (AnttRecordRows *rows,
                             guint           row)
{
  const char *text;

  g_assert (row < rows->ids->len);
  text = g_array_index (rows->search, char *, row);
  return text ? text : "";
}

const char *
antt_record_rows_get_tooltip (AnttRecordRows *rows,
                              guint           row)
{
  g_assert (row < rows->ids->len);
  return row < rows->tooltips->len ? g_array_index (rows->tooltips, char *, row) : NULL;
}

/**
 * antt_record_rows_equal:
 *
 * Returns: whether row @row_a of @a shows the same record the same way as
 *   row @row_b of @b
 */
gboolean
antt_record_rows_equal (AnttRecordRows *a,
                        guint           row_a,
                        AnttRecordRows *b,
                        guint           row_b)
{
  if (a == b && row_a == row_b)
    return TRUE;
  if (a->n_columns != b->n_columns ||
      antt_record_rows_get_id (a, row_a) != antt_record_rows_get_id (b, row_b))
    return FALSE;
  for (guint c = 0; c < a->n_columns; c++)
    {
      const char *x = antt_record_rows_get_cell (a, row_a, c);
      const char *y = antt_record_rows_get_cell (b, row_b, c);

      if (x != y && strcmp (x, y) != 0)
        return FALSE;
    }
  return g_strcmp0 (antt_record_rows_get_tooltip (a, row_a),
                    antt_record_rows_get_tooltip (b, row_b)) == 0;
}

/* Items ----------------------------------------------------------------- */

struct _AnttRecordItem
{
  GObject         parent_instance;

  /* A row of a list */
  AnttRecordRows *rows;
  guint           row;

  /* Or cells of its own */
  gint64          id;
  guint           n_cells;
  char          **cells;    /* GRefString, n_cells */
  char           *search;   /* GRefString, folded */
  char           *tooltip;  /* GRefString, nullable */
};

G_DEFINE_FINAL_TYPE (AnttRecordItem, antt_record_item, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
antt_record_item_finalize (GObject *object)
{
  AnttRecordItem *self = ANTT_RECORD_ITEM (object);

  g_clear_pointer (&self->rows, antt_record_rows_unref);
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

  /**
   * AnttRecordItem::changed:
   *
   * The item shows another row, or its row changed: cells bound to it
   * show it anew.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
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

/**
 * antt_record_item_new_for_row:
 *
 * Returns: (transfer full): an item showing row @row of @rows
 */
AnttRecordItem *
antt_record_item_new_for_row (AnttRecordRows *rows,
                              guint           row)
{
  AnttRecordItem *self = g_object_new (ANTT_TYPE_RECORD_ITEM, NULL);

  g_return_val_if_fail (rows != NULL, NULL);

  self->rows = antt_record_rows_ref (rows);
  self->row = row;
  return self;
}

/**
 * antt_record_item_set_row:
 *
 * Points @self at row @row of @rows, saying "changed" when it then shows
 * something else.
 *
 * Returns: whether it changed
 */
gboolean
antt_record_item_set_row (AnttRecordItem *self,
                          AnttRecordRows *rows,
                          guint           row)
{
  gboolean same;

  g_return_val_if_fail (ANTT_IS_RECORD_ITEM (self), FALSE);
  g_return_val_if_fail (self->rows != NULL && rows != NULL, FALSE);

  same = antt_record_rows_equal (self->rows, self->row, rows, row);
  if (self->rows != rows)
    {
      antt_record_rows_unref (self->rows);
      self->rows = antt_record_rows_ref (rows);
    }
  self->row = row;

  if (!same)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return !same;
}

gint64
antt_record_item_get_id (AnttRecordItem *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_ITEM (self), 0);

  if (self->rows != NULL)
    return antt_record_rows_get_id (self->rows, self->row);
  return self->id;
}

guint
antt_record_item_get_n_cells (AnttRecordItem *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_ITEM (self), 0);

  if (self->rows != NULL)
    return self->rows->n_columns;
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
  g_return_val_if_fail (cell < antt_record_item_get_n_cells (self), NULL);

  if (self->rows != NULL)
    return antt_record_rows_get_cell (self->rows, self->row, cell);
  return self->cells[cell] ? self->cells[cell] : "";
}

const char *
antt_record_item_get_search (AnttRecordItem *self)
{
  if (self->rows != NULL)
    return antt_record_rows_get_search (self->rows, self->row);
  return self->search ? self->search : "";
}

const char *
antt_record_item_get_tooltip (AnttRecordItem *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_ITEM (self), NULL);

  if (self->rows != NULL)
    return antt_record_rows_get_tooltip (self->rows, self->row);
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
  g_return_if_fail (self->rows == NULL);
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
  g_return_if_fail (self->rows == NULL);

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
  g_return_if_fail (self->rows == NULL);

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
  guint n = antt_record_item_get_n_cells (a);

  if (antt_record_item_get_id (a) != antt_record_item_get_id (b) ||
      n != antt_record_item_get_n_cells (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (strcmp (antt_record_item_get_cell (a, i), antt_record_item_get_cell (b, i)) != 0)
      return FALSE;

  return g_strcmp0 (antt_record_item_get_tooltip (a), antt_record_item_get_tooltip (b)) == 0;
}
