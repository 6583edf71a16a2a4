/* antt-record-page.c
 *
 * One page serves every table: the table's descriptor (antt-tables.c) gives
 * the columns' headings and kinds, the filters the page offers (a period
 * where the table has dates, a team and a village where it refers to them)
 * and the form that edits a record. A page of the window is then a few
 * lines of its template: the table, the columns shown, and what to say
 * while it is empty.
 *
 * The columns are made here rather than in the template because they come
 * from the descriptor; each cell is a label bound to the item's
 * precomputed text (AnttRecordList), and each column sorts on the item's
 * precomputed key (AnttRecordSorter).
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "antt-campaign.h"
#include "antt-csv.h"
#include "antt-date.h"
#include "antt-display.h"
#include "antt-record-page.h"
#include "antt-record-sorter.h"
#include "antt-text.h"

typedef struct
{
  char *from;
  char *to;
} Period;

/* A deleted record and the link rows that went with it, for Undo. */
typedef struct
{
  AnttRecord *record;
  GPtrArray  *children;   /* AnttRecord */
} Deleted;

struct _AnttRecordPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *sensitive_button;
  GtkButton          *edit_button;
  GtkButton          *delete_button;
  GtkButton          *export_button;
  GtkButton          *new_button;
  AdwButtonContent   *new_content;
  GtkDropDown        *phase_dropdown;
  GtkStringList      *phase_names;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkDropDown        *team_dropdown;
  GtkStringList      *team_names;
  GtkDropDown        *village_dropdown;
  GtkStringList      *village_names;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  AdwStatusPage      *empty_page;
  GtkLabel           *add_first_label;

  /* Owned */
  char               *table_name;
  char               *columns;
  char               *empty_title;
  char               *empty_description;
  char               *icon_name;
  char               *add_label;
  AnttRecordList     *list;
  AnttDatabase       *database;
  gulong              changed_id;
  GArray             *periods;       /* Period, one per phase_names item */
  GArray             *team_ids;      /* gint64, one per team_names item; 0 = all */
  GArray             *village_ids;   /* gint64, one per village_names item */
  GHashTable         *fixed;         /* column → gint64*, e.g. the review shown */
  Deleted            *deleted;
  gint64              select_id;
  gint64              selected_id;   /* the record selected, wherever it moves */
  gboolean            reselecting;
  gboolean            updating_filters;
  gboolean            shown_once;    /* the list loads from the first showing on */
};

G_DEFINE_FINAL_TYPE (AnttRecordPage, antt_record_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_TABLE,
  PROP_COLUMNS,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_ICON_NAME,
  PROP_ADD_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
period_clear (gpointer data)
{
  Period *period = data;

  g_free (period->from);
  g_free (period->to);
}

static void
deleted_free (Deleted *deleted)
{
  g_clear_pointer (&deleted->record, antt_record_unref);
  g_clear_pointer (&deleted->children, g_ptr_array_unref);
  g_free (deleted);
}

static const AnttTable *
page_table (AnttRecordPage *self)
{
  return antt_record_list_get_table (self->list);
}

static const char *
table_label (AnttRecordPage *self)
{
  return g_dgettext (GETTEXT_PACKAGE, page_table (self)->label);
}

static gboolean
table_has (AnttRecordPage *self,
           const char     *column)
{
  return antt_table_get_column (page_table (self), column) != NULL;
}

static GtkWindow *
page_window (AnttRecordPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_message (AnttRecordPage *self,
              const char     *title,
              const char     *message)
{
  GtkWidget *dialog = adw_message_dialog_new (page_window (self), title, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static AnttRecordItem *
selected_item (AnttRecordPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* The view ---------------------------------------------------------------- */

/* Whether the user's choice of period, team or village leaves records out
 * (the page's fixed conditions do not count: they are what the page is). */
static gboolean
user_filtering (AnttRecordPage *self)
{
  guint period = gtk_drop_down_get_selected (self->phase_dropdown);
  guint team = gtk_drop_down_get_selected (self->team_dropdown);
  guint village = gtk_drop_down_get_selected (self->village_dropdown);

  return (period != 0 && period < self->periods->len) ||
         (team != 0 && team < self->team_ids->len) ||
         (village != 0 && village < self->village_ids->len);
}

static void
update_view (AnttRecordPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint total = antt_record_list_get_n_total (self->list);
  gboolean loading = antt_record_list_get_loading (self->list);
  gboolean searching = antt_record_list_get_search (self->list) != NULL;
  g_autofree char *count = antt_display_records (shown);
  const char *page;

  gtk_label_set_label (self->count_label, count);

  if (total == 0 && loading)
    page = "loading";
  else if (total == 0 && !searching && !user_filtering (self))
    page = "empty";
  else if (shown == 0)
    page = "no-results";
  else
    page = "list";

  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading"));
  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
update_actions (AnttRecordPage *self)
{
  gboolean selected = selected_item (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.new", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.delete", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "record.undo", self->deleted != NULL);
}

/* Selects the record saved last once the list shows it. */
static void
select_pending (AnttRecordPage *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  if (self->select_id == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnttRecordItem) item = g_list_model_get_item (model, i);

      if (antt_record_item_get_id (item) == self->select_id)
        {
          self->select_id = 0;
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->column_view),
                                      "list.scroll-to-item", "u", i);
          return;
        }
    }
}

/* The list's items stand for positions, not records: when the records
 * move (sorted, searched, reloaded), the selection follows the record. */
static void
keep_selection (AnttRecordPage *self,
                gboolean        scroll)
{
  AnttRecordItem *item = selected_item (self);
  guint position;

  if (self->selected_id == 0 ||
      (item != NULL && antt_record_item_get_id (item) == self->selected_id))
    return;

  position = antt_record_list_find (self->list, self->selected_id);
  self->reselecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->reselecting = FALSE;
  if (scroll && position != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u",
                                position);
}

static void
shown_changed_cb (AnttRecordPage *self)
{
  update_view (self);
  keep_selection (self, FALSE);
  select_pending (self);
}

static void
loading_changed_cb (AnttRecordPage *self)
{
  update_view (self);
}

static void
selection_changed_cb (AnttRecordPage *self)
{
  AnttRecordItem *item = selected_item (self);

  if (!self->reselecting)
    self->selected_id = item ? antt_record_item_get_id (item) : 0;
  update_actions (self);
}

/* The column the view sorts by, or -1. (A function of its own: inlined,
 * GCC 12 at -O3 takes the addresses passed for a dangling pointer.) */
static G_GNUC_NO_INLINE int
primary_sort_column (GtkSorter *sorter,
                     gboolean  *descending)
{
  GtkSortType order = GTK_SORT_ASCENDING;
  guint cell = 0;

  if (!antt_record_sorter_find_primary (sorter, &cell, &order))
    return -1;
  *descending = order == GTK_SORT_DESCENDING;
  return (int) cell;
}

/* The view's sorter changed (a heading was clicked): the list reorders. */
static void
sorter_changed_cb (AnttRecordPage *self)
{
  gboolean descending = FALSE;
  int column;

  /* Columns go when the view is disposed. */
  if (self->column_view == NULL || self->list == NULL)
    return;

  column = primary_sort_column (gtk_column_view_get_sorter (self->column_view), &descending);
  antt_record_list_sort (self->list, column, column >= 0 && descending);
  keep_selection (self, TRUE);
}

/* Cells ------------------------------------------------------------------- */

/* A cell's setup data: whether it is a number (aligned right). */
#define CELL_NUMERIC 0x10000u
/* …and whether it names its row for screen readers. */
#define CELL_NAMES_ROW 0x20000u

/* Columns have a fixed width, from what they hold, that the user can
 * change: measuring the cells of a long list for it would cost each
 * scroll and each search. */
#define CHAR_WIDTH 7

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  guint cell = GPOINTER_TO_UINT (user_data);
  gboolean numeric = (cell & CELL_NUMERIC) != 0;
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (label), "antt-cell",
                     GUINT_TO_POINTER (cell & ~(CELL_NUMERIC | CELL_NAMES_ROW)));
  if (cell & CELL_NAMES_ROW)
    g_object_set_data (G_OBJECT (label), "antt-names-row", GUINT_TO_POINTER (TRUE));

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

/* Shows the cell of the row the item now stands for. */
static void
show_cell (GtkListItem *list_item)
{
  AnttRecordItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  guint cell = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "antt-cell"));
  const char *text = antt_record_item_get_cell (item, cell);
  const char *tooltip = antt_record_item_get_tooltip (item);
  GtkWidget *cell_widget;
  const char *name;

  gtk_label_set_label (GTK_LABEL (label), text);

  /* Cells are named by their text (an empty one as such, not by its
   * class name), rows by their main text. The cell and row widgets are
   * GTK's own (the column view makes them): reached as the label's
   * parents. */
  name = *text != '\0' ? text : _("Empty");
  /* (A label names itself by its text whenever that changes.) */
  if (*text == '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  cell_widget = gtk_widget_get_parent (label);
  if (cell_widget != NULL &&
      (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (cell_widget)) == GTK_ACCESSIBLE_ROLE_CELL ||
       gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (cell_widget)) == GTK_ACCESSIBLE_ROLE_GRID_CELL))
    {
      GtkWidget *row = gtk_widget_get_parent (cell_widget);

      gtk_accessible_update_property (GTK_ACCESSIBLE (cell_widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      if (row != NULL && g_object_get_data (G_OBJECT (label), "antt-names-row") != NULL &&
          gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)) == GTK_ACCESSIBLE_ROLE_ROW)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
    }

  /* The warnings' sentences, with the article of the law, on hover and
   * for screen readers. Only when they change: setting a tooltip asks the
   * X server where the pointer is, which a hundred rows rebound at once
   * would wait for. */
  if (!gtk_widget_has_css_class (label, "warning") || *text == '\0')
    tooltip = NULL;
  if (g_strcmp0 (tooltip, gtk_widget_get_tooltip_text (label)) != 0)
    {
      gtk_widget_set_tooltip_text (label, tooltip);
      if (tooltip != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                        -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (label),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
item_changed_cb (AnttRecordItem *item,
                 GtkListItem    *list_item)
{
  show_cell (list_item);
}

/* An item stands for a position of the list: sorted or searched, it shows
 * another row and says so, and its cells follow. */
static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  show_cell (list_item);
  g_signal_connect (gtk_list_item_get_item (list_item), "changed",
                    G_CALLBACK (item_changed_cb), list_item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item),
                                        item_changed_cb, list_item);
}

static void
setup_warning_cell_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       gpointer                  user_data)
{
  setup_cell_cb (factory, list_item, user_data);
  gtk_widget_add_css_class (gtk_list_item_get_child (list_item), "warning");
}

/* The headings and the drop-downs' buttons are GTK's own widgets, named
 * by their class for screen readers: named here by what they show. */
static void
name_headings (GtkWidget *widget,
               GListModel *columns,
               guint      *n)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkColumnViewTitle"))
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, (*n)++);

          if (column != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            gtk_column_view_column_get_title (column),
                                            -1);
          if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_ROW)
            gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, _("Column headings"),
                                            -1);
          continue;
        }
      /* Only the heading row, not the rows of the list. */
      if (!GTK_IS_LIST_VIEW (child) && !GTK_IS_SCROLLBAR (child))
        name_headings (child, columns, n);
    }
}

static void
name_dropdown_button (GtkDropDown *dropdown)
{
  const char *name = gtk_widget_get_tooltip_text (GTK_WIDGET (dropdown));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL && name != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
}

static void
create_columns (AnttRecordPage *self)
{
  const AnttTable *table = page_table (self);
  const char *name_column = antt_display_name_column (table);
  int name_cell;
  /* Events have a date; people and teams a start and an end. */
  int date_cell = table->date_column && !table->end_column
                  ? antt_record_list_find_column (self->list, table->date_column) : -1;
  gboolean any_sensitive = FALSE;
  guint row_cell = 0;

  /* The cell that names a row: its name, else its first name-like column. */
  name_cell = name_column ? antt_record_list_find_column (self->list, name_column) : -1;
  if (name_cell >= 0)
    row_cell = (guint) name_cell;
  else
    for (guint i = antt_record_list_get_n_columns (self->list); i-- > 0;)
      if (antt_record_list_column_expands (self->list, i))
        row_cell = i;

  for (guint i = 0; i < antt_record_list_get_n_columns (self->list); i++)
    {
      const char *name = antt_record_list_get_column_name (self->list, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = antt_record_sorter_new (i);
      gboolean sensitive = antt_record_list_column_is_sensitive (self->list, i);
      gboolean expand;

      guint setup = i | (antt_record_list_column_is_numeric (self->list, i) ? CELL_NUMERIC : 0) |
                    (i == row_cell ? CELL_NAMES_ROW : 0);
      int content = antt_record_list_get_column_width (self->list, i);
      int title = (int) g_utf8_strlen (antt_record_list_get_column_title (self->list, i), -1);
      /* Wide enough for what the column holds, and for its heading unless
       * that is much longer (it is cut then: "Ngày thôi…"). */
      int chars = MAX (content, MIN (title, content + 4));
      g_signal_connect (factory, "setup",
                        G_CALLBACK (g_str_equal (name, ":warnings") ? setup_warning_cell_cb
                                                                     : setup_cell_cb),
                        GUINT_TO_POINTER (setup));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), NULL);

      column = gtk_column_view_column_new (antt_record_list_get_column_title (self->list, i),
                                           g_steal_pointer (&factory));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      /* The names and titles (the record's, its team's) take the room
       * that is left; the other columns have the width of what they hold.
       * (GTK 4.8 keeps the fixed width of a hidden column free: the
       * sensitive ones, hidden at first, size themselves.) */
      expand = antt_record_list_column_expands (self->list, i) ||
               g_strcmp0 (name, name_column) == 0 || (name_column == NULL && i == 0);
      gtk_column_view_column_set_expand (column, expand);
      if (!sensitive)
        gtk_column_view_column_set_fixed_width (column, chars * CHAR_WIDTH + 20);
      gtk_column_view_column_set_visible (column, !sensitive);
      g_object_set_data (G_OBJECT (column), "antt-sensitive", GUINT_TO_POINTER (sensitive));
      any_sensitive |= sensitive;
      gtk_column_view_append_column (self->column_view, column);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->sensitive_button), any_sensitive);
  {
    guint n = 0;

    name_headings (GTK_WIDGET (self->column_view), gtk_column_view_get_columns (self->column_view),
                   &n);
  }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);

  /* Events latest first; people by given name, the Vietnamese way. */
  if (date_cell >= 0 || name_cell >= 0)
    {
      GListModel *columns = gtk_column_view_get_columns (self->column_view);
      g_autoptr(GtkColumnViewColumn) column =
        g_list_model_get_item (columns, date_cell >= 0 ? date_cell : name_cell);

      gtk_column_view_sort_by_column (self->column_view, column,
                                      date_cell >= 0 ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
    }
}

static void
sensitive_toggled_cb (AnttRecordPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  gboolean show = gtk_toggle_button_get_active (self->sensitive_button);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_object_get_data (G_OBJECT (column), "antt-sensitive"))
        gtk_column_view_column_set_visible (column, show);
    }
}

/* Search ----------------------------------------------------------------- */

static void
search_changed_cb (AnttRecordPage *self)
{
  /* Unselected while the rows change (the selection would look for its
   * item among them all), selected again after. */
  self->reselecting = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->reselecting = FALSE;
  antt_record_list_set_search (self->list,
                               gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_view (self);
  keep_selection (self, FALSE);
}

static void
stop_search_cb (AnttRecordPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_activate_cb (AnttRecordPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  if (selected_item (self) == NULL)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Filters ---------------------------------------------------------------- */

static void
set_filter_visible (GtkWidget *filter,
                    gboolean   visible)
{
  gtk_widget_set_visible (filter, visible);
}

static void
add_period (AnttRecordPage *self,
            const char     *name,
            const char     *from,
            const char     *to)
{
  Period period = { g_strdup (from), g_strdup (to) };

  gtk_string_list_append (self->phase_names, name);
  g_array_append_val (self->periods, period);
}

static void
apply_period (AnttRecordPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->phase_dropdown);
  gboolean custom = selected != GTK_INVALID_LIST_POSITION && selected + 1 == self->periods->len;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  set_filter_visible (GTK_WIDGET (self->from_entry), custom);
  set_filter_visible (GTK_WIDGET (self->to_entry), custom);

  if (custom)
    {
      GtkEntry *entries[] = { self->from_entry, self->to_entry };
      char **dates[] = { &from, &to };

      for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
        {
          const char *text = gtk_editable_get_text (GTK_EDITABLE (entries[i]));
          gboolean empty = text[0] == '\0';

          *dates[i] = empty ? NULL : antt_date_display_to_iso (text);
          if (!empty && *dates[i] == NULL)
            gtk_widget_add_css_class (GTK_WIDGET (entries[i]), "error");
          else
            gtk_widget_remove_css_class (GTK_WIDGET (entries[i]), "error");
        }
    }
  else if (selected < self->periods->len)
    {
      const Period *period = &g_array_index (self->periods, Period, selected);

      from = g_strdup (period->from);
      to = g_strdup (period->to);
    }

  antt_record_list_set_period (self->list, from, to);
}

static void
phase_selected_cb (AnttRecordPage *self)
{
  if (!self->updating_filters)
    apply_period (self);
}

static void
range_changed_cb (AnttRecordPage *self)
{
  if (!self->updating_filters)
    apply_period (self);
}

static void
load_periods (AnttRecordPage *self)
{
  g_autoptr(AnttRecord) campaign = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  guint selected = gtk_drop_down_get_selected (self->phase_dropdown);
  guint n_old = self->periods->len;

  if (page_table (self)->date_column == NULL)
    {
      set_filter_visible (GTK_WIDGET (self->phase_dropdown), FALSE);
      return;
    }
  if (!self->shown_once && self->periods->len > 0)
    return;

  self->updating_filters = TRUE;
  g_array_set_size (self->periods, 0);
  gtk_string_list_splice (self->phase_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->phase_names)), NULL);

  add_period (self, _("All dates"), NULL, NULL);

  campaign = self->database ? antt_campaign_find_current (self->database, NULL) : NULL;
  if (campaign != NULL)
    {
      add_period (self, _("Whole movement"),
                  antt_record_get_string (campaign, "start_date"),
                  antt_record_get_string (campaign, "end_date"));

      phases = antt_campaign_list_phases (self->database, campaign, NULL);
      for (guint i = 0; phases != NULL && i < phases->len; i++)
        {
          AnttRecord *phase = g_ptr_array_index (phases, i);

          add_period (self, antt_record_get_string (phase, "name"),
                      antt_record_get_string (phase, "start_date"),
                      antt_record_get_string (phase, "end_date"));
        }
    }

  add_period (self, _("Custom dates…"), NULL, NULL);

  /* The same choice as before, when the movement still has it. */
  if (selected == GTK_INVALID_LIST_POSITION || n_old != self->periods->len)
    selected = 0;
  gtk_drop_down_set_selected (self->phase_dropdown, selected);
  self->updating_filters = FALSE;
  apply_period (self);
}

static void
load_choices (AnttRecordPage *self,
              const char     *table,
              const char     *column,
              GtkDropDown    *dropdown,
              GtkStringList  *names,
              GArray         *ids,
              const char     *all_label)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 selected_id = selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
  gint64 none = 0;

  if (!table_has (self, column) || !self->shown_once)
    return;

  rows = self->database ? antt_records_list (self->database, table, NULL, NULL) : NULL;
  labels = g_ptr_array_new ();

  self->updating_filters = TRUE;
  g_array_set_size (ids, 0);
  g_ptr_array_add (labels, (gpointer) all_label);
  g_array_append_val (ids, none);
  selected = 0;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      AnttRecord *row = g_ptr_array_index (rows, i);
      gint64 id = antt_record_get_id (row);

      if (id == selected_id)
        selected = ids->len;
      g_ptr_array_add (labels, (gpointer) antt_record_get_string (row, "name"));
      g_array_append_val (ids, id);
    }
  g_ptr_array_add (labels, NULL);

  /* In one change: a drop-down redoes its list at each. */
  gtk_string_list_splice (names, 0, g_list_model_get_n_items (G_LIST_MODEL (names)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (dropdown, selected);
  self->updating_filters = FALSE;
  antt_record_list_set_equals (self->list, column, g_array_index (ids, gint64, selected));
}

/* The periods of the movement, the teams and the villages to filter by;
 * read when the page is first shown, and again when they change. */
static void
load_filters (AnttRecordPage *self)
{
  load_periods (self);
  load_choices (self, "teams", "team_id", self->team_dropdown, self->team_names, self->team_ids,
                _("All teams"));
  load_choices (self, "villages", "village_id", self->village_dropdown, self->village_names,
                self->village_ids, _("All villages"));
}

static void
choice_selected (AnttRecordPage *self,
                 GtkDropDown    *dropdown,
                 GArray         *ids,
                 const char     *column)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_filters || selected >= ids->len)
    return;
  antt_record_list_set_equals (self->list, column, g_array_index (ids, gint64, selected));
}

static void
team_selected_cb (AnttRecordPage *self)
{
  choice_selected (self, self->team_dropdown, self->team_ids, "team_id");
}

static void
village_selected_cb (AnttRecordPage *self)
{
  choice_selected (self, self->village_dropdown, self->village_ids, "village_id");
}

static void
database_changed_cb (AnttRecordPage *self,
                     const char     *table)
{
  if (g_str_equal (table, "campaigns") || g_str_equal (table, "phases"))
    load_periods (self);
  else if (g_str_equal (table, "teams"))
    load_choices (self, "teams", "team_id", self->team_dropdown, self->team_names, self->team_ids,
                  _("All teams"));
  else if (g_str_equal (table, "villages"))
    load_choices (self, "villages", "village_id", self->village_dropdown, self->village_names,
                  self->village_ids, _("All villages"));
}

/* Forms ------------------------------------------------------------------ */

static void
form_saved_cb (AnttRecordPage *self,
               gint64          id)
{
  self->select_id = id;
  select_pending (self);
}

static AnttRecordForm *
open_form (AnttRecordPage *self,
           gint64          id)
{
  g_autoptr(GError) error = NULL;
  AnttRecordForm *form;
  GHashTableIter iter;
  gpointer key, value;

  if (self->database == NULL)
    return NULL;

  form = antt_record_form_new (self->database, page_table (self)->name, id, &error);
  if (form == NULL)
    {
      show_message (self, _("Cannot Open the Record"), error->message);
      return NULL;
    }

  if (id == 0)
    {
      guint team = gtk_drop_down_get_selected (self->team_dropdown);
      guint village = gtk_drop_down_get_selected (self->village_dropdown);

      /* A new record starts in the team and village the list shows. */
      if (team < self->team_ids->len && g_array_index (self->team_ids, gint64, team) != 0)
        antt_record_form_set_default (form, "team_id", g_array_index (self->team_ids, gint64, team));
      if (village < self->village_ids->len && g_array_index (self->village_ids, gint64, village) != 0)
        antt_record_form_set_default (form, "village_id",
                                      g_array_index (self->village_ids, gint64, village));
      g_hash_table_iter_init (&iter, self->fixed);
      while (g_hash_table_iter_next (&iter, &key, &value))
        antt_record_form_set_default (form, key, *(gint64 *) value);
    }

  gtk_window_set_transient_for (GTK_WINDOW (form), page_window (self));
  g_signal_connect_object (form, "saved", G_CALLBACK (form_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
  return form;
}

static void
column_view_activate_cb (AnttRecordPage *self,
                         guint           position)
{
  g_autoptr(AnttRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                          position);

  if (item != NULL)
    open_form (self, antt_record_item_get_id (item));
}

/* Delete and Undo -------------------------------------------------------- */

static void undo_action (GtkWidget *widget, const char *name, GVariant *param);

static void
toast_undo_cb (AnttRecordPage *self)
{
  undo_action (GTK_WIDGET (self), "record.undo", NULL);
}

/* The link rows the database deletes with @record (ON DELETE CASCADE);
 * the core audits each of them, and Undo puts them back. */
static GPtrArray *
collect_children (AnttRecordPage  *self,
                  gint64           id,
                  GError         **error)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func ((GDestroyNotify) antt_record_unref);
  const AnttTable *const *tables;
  guint n_tables;

  tables = antt_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      const AnttColumn *parent;
      g_autoptr(AnttFilter) filter = NULL;
      g_autoptr(GPtrArray) rows = NULL;

      if (tables[i]->parent_column == NULL)
        continue;
      parent = antt_table_get_column (tables[i], tables[i]->parent_column);
      if (g_strcmp0 (parent->references, page_table (self)->name) != 0)
        continue;

      filter = antt_filter_new ();
      antt_filter_add_equals (filter, tables[i]->parent_column, id);
      rows = antt_records_list (self->database, tables[i]->name, filter, error);
      if (rows == NULL)
        return NULL;
      for (guint r = 0; r < rows->len; r++)
        g_ptr_array_add (children, antt_record_ref (g_ptr_array_index (rows, r)));
    }

  return g_steal_pointer (&children);
}

static void
delete_record (AnttRecordPage *self,
               gint64          id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnttRecord) record = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autofree char *name = NULL;
  Deleted *deleted;
  AdwToast *toast;
  GtkWidget *overlay;

  record = antt_records_get (self->database, page_table (self)->name, id, &error);
  if (record != NULL)
    children = collect_children (self, id, &error);
  if (children == NULL || !antt_records_delete (self->database, page_table (self)->name, id, &error))
    {
      show_message (self, _("Cannot Delete"), error->message);
      return;
    }

  deleted = g_new0 (Deleted, 1);
  deleted->record = g_steal_pointer (&record);
  deleted->children = g_steal_pointer (&children);
  g_clear_pointer (&self->deleted, deleted_free);
  self->deleted = deleted;
  update_actions (self);

  name = antt_display_record_name (deleted->record);
  /* Translators: %s names the deleted record */
  toast = adw_toast_new_format (_("“%s” deleted"), name);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_undo_cb), self,
                           G_CONNECT_SWAPPED);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AnttRecordPage   *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "antt-id");

  if (g_str_equal (response, "delete"))
    delete_record (self, id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AnttRecordPage *self = ANTT_RECORD_PAGE (widget);
  AnttRecordItem *item = selected_item (self);
  g_autoptr(AnttRecord) record = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  gint64 id;
  GtkWidget *dialog;

  if (item == NULL || self->database == NULL)
    return;

  id = antt_record_item_get_id (item);
  record = antt_records_get (self->database, page_table (self)->name, id, NULL);
  name = record ? antt_display_record_name (record) : g_strdup (antt_record_item_get_cell (item, 0));

  /* Translators: %s is the kind of record: "member", "patrol"… */
  title = g_strdup_printf (_("Delete this %s?"), table_label (self));
  /* Translators: %s names the record */
  body = g_strdup_printf (_("“%s” will be deleted, with the members taking part in it. "
                            "You can undo this right after."), name);

  dialog = adw_message_dialog_new (page_window (self), title, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "antt-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AnttRecordPage *self = ANTT_RECORD_PAGE (widget);
  g_autoptr(GError) error = NULL;
  Deleted *deleted = g_steal_pointer (&self->deleted);
  gboolean ok;

  update_actions (self);
  if (deleted == NULL || self->database == NULL)
    {
      g_clear_pointer (&deleted, deleted_free);
      return;
    }

  /* The record comes back with its old id, so that its link rows and the
   * audit log still point at it. */
  ok = antt_database_begin_immediate (self->database, &error) &&
       antt_records_insert (self->database, deleted->record, &error) > 0;
  for (guint i = 0; ok && i < deleted->children->len; i++)
    ok = antt_records_insert (self->database, g_ptr_array_index (deleted->children, i),
                              &error) > 0;
  if (ok)
    ok = antt_database_commit (self->database, &error);
  if (!ok)
    {
      if (antt_database_in_transaction (self->database))
        antt_database_rollback (self->database);
      show_message (self, _("Cannot Undo"), error->message);
    }
  else
    {
      self->select_id = antt_record_get_id (deleted->record);
      select_pending (self);
    }

  deleted_free (deleted);
}

/* Export ---------------------------------------------------------------- */

/* What the page shows, for the worker: the arrays are never changed. */
typedef struct
{
  char           *path;
  AnttRecordRows *rows;
  GArray         *view;      /* guint32: the rows shown, in order */
  GArray         *columns;   /* guint: the cells of the columns shown */
  GPtrArray      *headings;
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  g_free (export->path);
  g_clear_pointer (&export->rows, antt_record_rows_unref);
  g_clear_pointer (&export->view, g_array_unref);
  g_clear_pointer (&export->columns, g_array_unref);
  g_clear_pointer (&export->headings, g_ptr_array_unref);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(GFile) file = g_file_new_for_path (export->path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(AnttCsvWriter) writer = NULL;
  g_autoptr(GCancellable) abandon = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree const char **fields = g_new0 (const char *, export->columns->len + 1);
  guint n = export->rows ? export->view->len : 0;
  gboolean ok;

  /* Written aside and put in place when whole: a failure leaves any
   * older file as it was. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, abandon, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 65536);
  writer = antt_csv_writer_new (buffered);

  ok = antt_csv_writer_write_row (writer, (const char *const *) export->headings->pdata,
                                  export->headings->len, &error);
  for (guint k = 0; ok && k < n; k++)
    {
      guint row = g_array_index (export->view, guint32, k);

      if ((k & 4095) == 0 && g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          ok = FALSE;
          break;
        }
      for (guint c = 0; c < export->columns->len; c++)
        fields[c] = antt_record_rows_get_cell (export->rows, row,
                                               g_array_index (export->columns, guint, c));
      ok = antt_csv_writer_write_row (writer, fields, export->columns->len, &error);
    }
  if (ok)
    ok = antt_csv_writer_close (writer, &error);
  if (!ok)
    g_cancellable_cancel (abandon);
  if (!g_output_stream_close (buffered, NULL, ok ? &error : NULL) && ok)
    ok = FALSE;

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n);
}

/**
 * antt_record_page_export_csv_async:
 * @path: the file to write (replaced when whole)
 *
 * Writes the records as the page shows them, searched, filtered and
 * sorted, with the columns shown (sensitive ones only while shown), as CSV
 * for spreadsheets (antt-csv.h), in a worker thread.
 */
void
antt_record_page_export_csv_async (AnttRecordPage      *self,
                                   const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GListModel *columns;
  Export *export;

  g_return_if_fail (ANTT_IS_RECORD_PAGE (self));
  g_return_if_fail (path != NULL);

  export = g_new0 (Export, 1);
  export->path = g_strdup (path);
  export->view = antt_record_list_dup_shown (self->list, &export->rows);
  export->columns = g_array_new (FALSE, FALSE, sizeof (guint));
  export->headings = g_ptr_array_new_with_free_func (g_free);

  /* The view's columns are the list's, one for one, in its order. */
  columns = gtk_column_view_get_columns (self->column_view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (!gtk_column_view_column_get_visible (column))
        continue;
      g_array_append_val (export->columns, i);
      g_ptr_array_add (export->headings, g_strdup (gtk_column_view_column_get_title (column)));
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, antt_record_page_export_csv_async);
  g_task_set_task_data (task, export, export_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * antt_record_page_export_csv_finish:
 *
 * Returns: how many records were written, or -1 with @error set
 */
gint64
antt_record_page_export_csv_finish (AnttRecordPage  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  return g_task_propagate_int (G_TASK (result), error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AnttRecordPage *self = ANTT_RECORD_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = user_data;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *count = NULL;
  GtkWidget *overlay;
  AdwToast *toast;
  gint64 n;

  n = antt_record_page_export_csv_finish (self, result, &error);
  if (n < 0)
    {
      show_message (self, _("Cannot Export"), error->message);
      return;
    }

  count = antt_display_records (n);
  /* Translators: "1.234 records exported to “Tuần tra.csv”" */
  toast = adw_toast_new_format (_("%s exported to “%s”"), count, name);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    AnttRecordPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          if (!g_str_has_suffix (path, ".csv"))
            {
              char *with = g_strconcat (path, ".csv", NULL);

              g_free (path);
              path = with;
            }
          antt_record_page_export_csv_async (self, path, NULL, export_done_cb,
                                             g_strdup (path));
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AnttRecordPage *self = ANTT_RECORD_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export CSV"), page_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV spreadsheets"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  {
    /* The kind of record, capitalised: "Tuần tra.csv". */
    const char *label = table_label (self);
    const char *rest = g_utf8_next_char (label);
    g_autofree char *first = g_utf8_strup (label, rest - label);

    name = g_strdup_printf ("%s%s.csv", first, rest);
  }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Actions ---------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  antt_record_page_add (ANTT_RECORD_PAGE (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AnttRecordPage *self = ANTT_RECORD_PAGE (widget);
  AnttRecordItem *item = selected_item (self);

  if (item != NULL)
    open_form (self, antt_record_item_get_id (item));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  antt_record_page_focus_search (ANTT_RECORD_PAGE (widget));
}

/* GObject ---------------------------------------------------------------- */

static void
name_button (GtkWidget  *button,
             const char *name)
{
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/* "New member", "Delete patrol": the buttons say what they act on. */
static void
set_button_names (AnttRecordPage *self)
{
  const char *label = table_label (self);
  g_autofree char *new_name = NULL;
  g_autofree char *edit_name = NULL;
  g_autofree char *delete_name = NULL;
  g_autofree char *search = NULL;
  g_autofree char *list_name = NULL;

  /* Translators: %s is the kind of record: "member", "patrol"… */
  new_name = g_strdup_printf (_("New %s"), label);
  /* Translators: %s is the kind of record: "member", "patrol"… */
  edit_name = g_strdup_printf (_("Edit %s"), label);
  /* Translators: %s is the kind of record: "member", "patrol"… */
  delete_name = g_strdup_printf (_("Delete %s"), label);
  /* Named by its text: GTK 4.8 would read an accessible label and the
   * text both. */
  adw_button_content_set_label (self->new_content, new_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_button), new_name);
  name_button (GTK_WIDGET (self->edit_button), edit_name);
  name_button (GTK_WIDGET (self->delete_button), delete_name);

  /* Translators: %s is the kind of record: "List of member records",
   * the name of the table for screen readers */
  list_name = g_strdup_printf (_("List of %s records"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, list_name,
                                  -1);
  /* And the list of rows inside it, which GTK makes. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, list_name,
                                      -1);

  /* Translators: %s is the kind of record: "Search member records" */
  search = g_strdup_printf (_("Search %s records"), label);
  g_object_set (self->search_entry, "placeholder-text", search, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, search,
                                  -1);
}

static void
antt_record_page_constructed (GObject *object)
{
  AnttRecordPage *self = ANTT_RECORD_PAGE (object);

  G_OBJECT_CLASS (antt_record_page_parent_class)->constructed (object);

  g_return_if_fail (self->table_name != NULL);

  self->list = antt_record_list_new (self->table_name, self->columns);
  g_signal_connect_object (self->list, "notify::loading", G_CALLBACK (loading_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  /* On the selection, after the view took the change. */
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (shown_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  name_dropdown_button (self->phase_dropdown);
  name_dropdown_button (self->team_dropdown);
  name_dropdown_button (self->village_dropdown);
  set_filter_visible (GTK_WIDGET (self->team_dropdown), table_has (self, "team_id"));
  set_filter_visible (GTK_WIDGET (self->village_dropdown), table_has (self, "village_id"));
  create_columns (self);
  set_button_names (self);
  load_periods (self);
  update_view (self);
  update_actions (self);
}

/* A window has many pages and shows one: each loads its records (and makes
 * the rows of its view) only once it is first shown. */
static void
antt_record_page_map (GtkWidget *widget)
{
  AnttRecordPage *self = ANTT_RECORD_PAGE (widget);

  GTK_WIDGET_CLASS (antt_record_page_parent_class)->map (widget);

  if (!self->shown_once)
    {
      self->shown_once = TRUE;
      load_filters (self);
      antt_record_list_set_database (self->list, self->database);
    }
}

static void
antt_record_page_dispose (GObject *object)
{
  AnttRecordPage *self = ANTT_RECORD_PAGE (object);
  GtkWidget *child;

  g_clear_signal_handler (&self->changed_id, self->database);
  g_clear_object (&self->database);
  if (self->list != NULL)
    antt_record_list_set_database (self->list, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANTT_TYPE_RECORD_PAGE);
  /* Unnamed template children too (GTK 4.8 only clears the bound ones). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->list);

  G_OBJECT_CLASS (antt_record_page_parent_class)->dispose (object);
}

static void
antt_record_page_finalize (GObject *object)
{
  AnttRecordPage *self = ANTT_RECORD_PAGE (object);

  g_clear_pointer (&self->deleted, deleted_free);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->village_ids, g_array_unref);
  g_clear_pointer (&self->fixed, g_hash_table_unref);
  g_free (self->table_name);
  g_free (self->columns);
  g_free (self->empty_title);
  g_free (self->empty_description);
  g_free (self->icon_name);
  g_free (self->add_label);

  G_OBJECT_CLASS (antt_record_page_parent_class)->finalize (object);
}

static void
antt_record_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnttRecordPage *self = ANTT_RECORD_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_TABLE:
      g_value_set_string (value, self->table_name);
      break;

    case PROP_COLUMNS:
      g_value_set_string (value, self->columns);
      break;

    case PROP_EMPTY_TITLE:
      g_value_set_string (value, self->empty_title);
      break;

    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, self->empty_description);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    case PROP_ADD_LABEL:
      g_value_set_string (value, self->add_label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (AnttRecordPage *self,
            char          **field,
            const GValue   *value,
            guint           prop_id)
{
  const char *text = g_value_get_string (value);

  if (g_strcmp0 (*field, text) == 0)
    return;
  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
antt_record_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AnttRecordPage *self = ANTT_RECORD_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      antt_record_page_set_database (self, g_value_get_object (value));
      break;

    case PROP_TABLE:
      self->table_name = g_value_dup_string (value);
      break;

    case PROP_COLUMNS:
      self->columns = g_value_dup_string (value);
      break;

    case PROP_EMPTY_TITLE:
      set_string (self, &self->empty_title, value, prop_id);
      adw_status_page_set_title (self->empty_page, self->empty_title);
      break;

    case PROP_EMPTY_DESCRIPTION:
      set_string (self, &self->empty_description, value, prop_id);
      adw_status_page_set_description (self->empty_page, self->empty_description);
      break;

    case PROP_ICON_NAME:
      set_string (self, &self->icon_name, value, prop_id);
      adw_status_page_set_icon_name (self->empty_page, self->icon_name);
      break;

    case PROP_ADD_LABEL:
      set_string (self, &self->add_label, value, prop_id);
      gtk_label_set_label (self->add_first_label, self->add_label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
antt_record_page_class_init (AnttRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = antt_record_page_constructed;
  object_class->dispose = antt_record_page_dispose;
  object_class->finalize = antt_record_page_finalize;
  object_class->get_property = antt_record_page_get_property;
  object_class->set_property = antt_record_page_set_property;

  widget_class->map = antt_record_page_map;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         ANTT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AnttRecordPage:table:
   *
   * The table listed, by name ("members").
   */
  properties[PROP_TABLE] =
    g_param_spec_string ("table", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AnttRecordPage:columns:
   *
   * The columns shown, by name, separated by spaces; computed ones start
   * with ':' (see AnttRecordList).
   */
  properties[PROP_COLUMNS] =
    g_param_spec_string ("columns", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ADD_LABEL] =
    g_param_spec_string ("add-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/thiduaantt/ThiDuaAntt/antt-record-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, sensitive_button);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, new_content);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, phase_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, phase_names);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, team_names);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, village_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, village_names);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, selection);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordPage, add_first_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, sensitive_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, phase_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, team_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, village_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);

  gtk_widget_class_install_action (widget_class, "record.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "record.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "record.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "record.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "record.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "record.export-csv", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "record.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "record.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "record.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "record.delete", NULL);

  gtk_widget_class_set_css_name (widget_class, "recordpage");
}

static void
antt_record_page_init (AnttRecordPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->periods = g_array_new (FALSE, TRUE, sizeof (Period));
  g_array_set_clear_func (self->periods, period_clear);
  self->team_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->village_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->fixed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Typing anywhere on the page searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

/* Public API ------------------------------------------------------------- */

GtkWidget *
antt_record_page_new (const char *table,
                      const char *columns)
{
  return g_object_new (ANTT_TYPE_RECORD_PAGE,
                       "table", table,
                       "columns", columns,
                       NULL);
}

AnttDatabase *
antt_record_page_get_database (AnttRecordPage *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_PAGE (self), NULL);
  return self->database;
}

void
antt_record_page_set_database (AnttRecordPage *self,
                               AnttDatabase   *database)
{
  g_return_if_fail (ANTT_IS_RECORD_PAGE (self));
  g_return_if_fail (database == NULL || ANTT_IS_DATABASE (database));

  if (self->database == database)
    return;

  g_clear_signal_handler (&self->changed_id, self->database);
  g_set_object (&self->database, database);
  g_clear_pointer (&self->deleted, deleted_free);

  if (database != NULL)
    self->changed_id = g_signal_connect_swapped (database, "changed",
                                                 G_CALLBACK (database_changed_cb), self);

  load_filters (self);
  if (self->shown_once || database == NULL)
    antt_record_list_set_database (self->list, database);
  update_actions (self);
  update_view (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

AnttRecordList *
antt_record_page_get_list (AnttRecordPage *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_PAGE (self), NULL);
  return self->list;
}

/**
 * antt_record_page_get_shown:
 *
 * Returns: (transfer none): the records as shown: searched and sorted
 */
GListModel *
antt_record_page_get_shown (AnttRecordPage *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_PAGE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

GtkEditable *
antt_record_page_get_search_entry (AnttRecordPage *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_PAGE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

/**
 * antt_record_page_set_fixed:
 * @id: the value @column must have; 0 lifts the condition
 *
 * Lists only the records with @id in @column (the nominations of one
 * review, say); new records get it too.
 */
void
antt_record_page_set_fixed (AnttRecordPage *self,
                            const char     *column,
                            gint64          id)
{
  g_return_if_fail (ANTT_IS_RECORD_PAGE (self));

  if (id != 0)
    g_hash_table_insert (self->fixed, g_strdup (column), g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->fixed, column);
  antt_record_list_set_equals (self->list, column, id);
}

void
antt_record_page_focus_search (AnttRecordPage *self)
{
  g_return_if_fail (ANTT_IS_RECORD_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * antt_record_page_select:
 *
 * Selects the record @id, now or as soon as the list shows it.
 */
void
antt_record_page_select (AnttRecordPage *self,
                         gint64          id)
{
  g_return_if_fail (ANTT_IS_RECORD_PAGE (self));

  self->select_id = id;
  select_pending (self);
}

/**
 * antt_record_page_add:
 *
 * Opens the form for a new record.
 *
 * Returns: (transfer none) (nullable): the form
 */
AnttRecordForm *
antt_record_page_add (AnttRecordPage *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_PAGE (self), NULL);
  return open_form (self, 0);
}

/**
 * antt_record_page_edit:
 *
 * Returns: (transfer none) (nullable): the form editing record @id
 */
AnttRecordForm *
antt_record_page_edit (AnttRecordPage *self,
                       gint64          id)
{
  g_return_val_if_fail (ANTT_IS_RECORD_PAGE (self), NULL);
  return open_form (self, id);
}
