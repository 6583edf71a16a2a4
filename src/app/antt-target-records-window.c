/* antt-target-records-window.c
 *
 * The records are read in a worker thread on a connection of its own, and
 * their cells made there (references resolved to names, dates and choices
 * as shown), so that a list of thousands of members opens without the
 * window freezing. Columns that hold personal identifiers (ID numbers,
 * phones, criminal history) are left out: this list is for seeing which
 * records count, not for reading them; so are addresses and dates of
 * birth.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "antt-date.h"
#include "antt-display.h"
#include "antt-records.h"
#include "antt-target-records-window.h"
#include "antt-text.h"

#define MAX_COLUMNS 7

struct _AnttTargetRecordsWindow
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkSpinner       *spinner;
  GtkLabel         *value_label;
  GtkLabel         *explanation_label;
  GtkLabel         *failing_label;
  GtkSwitch        *failing_switch;
  GtkStack         *stack;
  GtkSpinner       *big_spinner;
  GtkColumnView    *column_view;
  AdwStatusPage    *empty_page;
  AdwStatusPage    *error_page;
  GtkLabel         *count_label;

  /* Owned */
  AnttDatabase     *database;
  AnttTargetItem   *item;
  GListStore       *records;
  GtkSortListModel *sorted;
  GCancellable     *cancellable;
  const AnttTable  *table;       /* of the columns shown; static */
  guint             generation;
  gboolean          loading;
};

G_DEFINE_FINAL_TYPE (AnttTargetRecordsWindow, antt_target_records_window, ADW_TYPE_WINDOW)

/* Items -------------------------------------------------------------------- */

struct _AnttTargetRecordItem
{
  GObject   parent_instance;

  gint64    id;
  guint     n_cells;
  char    **cells;   /* GRefString, interned: dates and names repeat */
  char    **keys;    /* GRefString */
};

G_DEFINE_FINAL_TYPE (AnttTargetRecordItem, antt_target_record_item, G_TYPE_OBJECT)

static void
antt_target_record_item_finalize (GObject *object)
{
  AnttTargetRecordItem *self = ANTT_TARGET_RECORD_ITEM (object);

  for (guint i = 0; i < self->n_cells; i++)
    {
      g_clear_pointer (&self->cells[i], g_ref_string_release);
      g_clear_pointer (&self->keys[i], g_ref_string_release);
    }
  g_free (self->cells);
  g_free (self->keys);

  G_OBJECT_CLASS (antt_target_record_item_parent_class)->finalize (object);
}

static void
antt_target_record_item_class_init (AnttTargetRecordItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = antt_target_record_item_finalize;
}

static void
antt_target_record_item_init (AnttTargetRecordItem *self)
{
}

gint64
antt_target_record_item_get_id (AnttTargetRecordItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_RECORD_ITEM (self), 0);
  return self->id;
}

guint
antt_target_record_item_get_n_cells (AnttTargetRecordItem *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_RECORD_ITEM (self), 0);
  return self->n_cells;
}

/**
 * antt_target_record_item_get_cell:
 *
 * Returns: the text shown in @cell, "" when empty
 */
const char *
antt_target_record_item_get_cell (AnttTargetRecordItem *self,
                                  guint                 cell)
{
  g_return_val_if_fail (ANTT_IS_TARGET_RECORD_ITEM (self), NULL);
  g_return_val_if_fail (cell < self->n_cells, NULL);
  return self->cells[cell];
}

/**
 * antt_target_record_item_get_key:
 *
 * Returns: the key that sorts @cell with strcmp()
 */
const char *
antt_target_record_item_get_key (AnttTargetRecordItem *self,
                                 guint                 cell)
{
  /* Called for every comparison of a sort: no type check here. */
  g_assert (cell < self->n_cells);
  return self->keys[cell];
}

enum {
  PROP_0,
  PROP_FAILING_ONLY,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Loading ------------------------------------------------------------------ */

typedef struct
{
  char                   *path;
  AnttTargetReport       *report;
  const AnttTargetResult *result;   /* of report */
  gboolean                failing_only;
  guint                   generation;

  /* Out */
  const AnttTable        *table;
  GListStore             *store;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_free (load->path);
  g_clear_pointer (&load->report, antt_target_report_unref);
  g_clear_object (&load->store);
  g_free (load);
}

static gboolean
column_is_shown (const AnttColumn *column)
{
  /* Personal details that say nothing of the target (Decree 13/2023). */
  static const char *const personal[] = { "address", "birth_date" };

  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    if (g_str_equal (column->name, personal[i]))
      return FALSE;
  return (column->flags & ANTT_COLUMN_FLAGS_SENSITIVE) == 0 &&
         column->kind != ANTT_COLUMN_ID_NUMBER &&
         column->kind != ANTT_COLUMN_PHONE;
}

/* The columns of @table that the list shows: @indexes holds MAX_COLUMNS. */
static guint
choose_columns (const AnttTable *table,
                guint           *indexes)
{
  guint n = 0;

  for (guint i = 0; i < table->n_columns && n < MAX_COLUMNS; i++)
    if (column_is_shown (&table->columns[i]))
      indexes[n++] = i;
  return n;
}

static char *
intern (const char *text)
{
  return g_ref_string_new_intern (text ? text : "");
}

/* The name of a referenced record, each one read once per load. */
static const char *
reference_name (AnttDatabase *db,
                GHashTable   *names,
                const char   *table,
                gint64        id)
{
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id);
  const char *name = g_hash_table_lookup (names, key);

  if (name == NULL)
    {
      g_autoptr(AnttRecord) record = antt_records_get (db, table, id, NULL);
      char *text = record ? antt_display_record_name (record)
                          : g_strdup_printf ("#%" G_GINT64_FORMAT, id);

      g_hash_table_insert (names, g_steal_pointer (&key), text);
      name = text;
    }
  return name;
}

static AnttTargetRecordItem *
make_item (AnttDatabase     *db,
           GHashTable       *names,
           const AnttRecord *record,
           const guint      *indexes,
           guint             n_columns)
{
  const AnttTable *table = antt_record_get_table (record);
  AnttTargetRecordItem *item = g_object_new (ANTT_TYPE_TARGET_RECORD_ITEM, NULL);

  item->id = antt_record_get_id (record);
  item->n_cells = n_columns;
  item->cells = g_new0 (char *, n_columns + 1);
  item->keys = g_new0 (char *, n_columns + 1);

  for (guint c = 0; c < n_columns; c++)
    {
      const AnttColumn *column = &table->columns[indexes[c]];
      g_autofree char *text = NULL;
      g_autofree char *key = NULL;

      if (column->kind == ANTT_COLUMN_REFERENCE)
        {
          if (!antt_record_is_null (record, column->name))
            text = g_strdup (reference_name (db, names, column->references,
                                             antt_record_get_int (record, column->name)));
          else
            text = g_strdup ("");
          key = antt_text_collate_key (text);
        }
      else
        {
          text = antt_display_value (record, column);
          key = antt_display_sort_key (record, column);
        }
      item->cells[c] = intern (text);
      item->keys[c] = intern (key);
    }
  return item;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autofree gpointer *items = NULL;
  guint indexes[MAX_COLUMNS];
  guint n_columns = 0;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  db = antt_database_open (load->path,
                           ANTT_DATABASE_FLAGS_NO_CREATE | ANTT_DATABASE_FLAGS_NO_SEED |
                           ANTT_DATABASE_FLAGS_WORKER, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  records = antt_target_report_list_records (load->report, db, load->result,
                                             load->failing_only, &error);
  if (records == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  load->store = g_list_store_new (ANTT_TYPE_TARGET_RECORD_ITEM);
  if (records->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  load->table = antt_record_get_table (g_ptr_array_index (records, 0));
  n_columns = choose_columns (load->table, indexes);
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  items = g_new (gpointer, records->len);
  for (guint i = 0; i < records->len; i++)
    {
      if (i % 1024 == 0 && g_cancellable_is_cancelled (cancellable))
        {
          for (guint j = 0; j < i; j++)
            g_object_unref (items[j]);
          g_task_return_error_if_cancelled (task);
          return;
        }
      items[i] = make_item (db, names, g_ptr_array_index (records, i), indexes, n_columns);
    }
  g_list_store_splice (load->store, 0, 0, items, records->len);
  for (guint i = 0; i < records->len; i++)
    g_object_unref (items[i]);

  g_task_return_boolean (task, TRUE);
}

static void
set_loading (AnttTargetRecordsWindow *self,
             gboolean                 loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->big_spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Columns ------------------------------------------------------------------ */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  AnttTargetRecordItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *text = antt_target_record_item_get_cell (item, GPOINTER_TO_UINT (user_data));

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text[0] ? text : NULL);
}

static char *
cell_key (AnttTargetRecordItem *item,
          gpointer              user_data)
{
  return g_strdup (antt_target_record_item_get_key (item, GPOINTER_TO_UINT (user_data)));
}

static void
set_columns (AnttTargetRecordsWindow *self,
             const AnttTable         *table)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint indexes[MAX_COLUMNS];
  guint n_columns;

  if (self->table == table)
    return;
  self->table = table;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }

  n_columns = choose_columns (table, indexes);
  for (guint c = 0; c < n_columns; c++)
    {
      const AnttColumn *column = &table->columns[indexes[c]];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      GtkExpression *expression;
      GtkSorter *sorter;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (c));

      expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                G_CALLBACK (cell_key), GUINT_TO_POINTER (c),
                                                NULL);
      sorter = GTK_SORTER (gtk_string_sorter_new (expression));
      gtk_string_sorter_set_ignore_case (GTK_STRING_SORTER (sorter), FALSE);

      view_column = gtk_column_view_column_new (_(column->label), factory);
      gtk_column_view_column_set_sorter (view_column, sorter);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_column_set_expand (view_column,
                                         (column->flags & ANTT_COLUMN_FLAGS_MULTILINE) != 0 ||
                                         column->kind == ANTT_COLUMN_TEXT);
      gtk_column_view_append_column (self->column_view, view_column);
      g_object_unref (sorter);
    }
}

static void
show_records (AnttTargetRecordsWindow *self,
              const AnttTable         *table,
              GListStore              *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autofree char *count = antt_display_records (n);

  if (table != NULL)
    set_columns (self, table);

  g_set_object (&self->records, store);
  gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (store));
  gtk_label_set_label (self->count_label, count);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    {
      adw_status_page_set_description (self->empty_page,
                                       gtk_switch_get_active (self->failing_switch)
                                       ? _("Nothing keeps this target from being met.")
                                       : _("No records count towards this number."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static void
load_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AnttTargetRecordsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Load *load = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (load->generation != self->generation)
        return;
      set_loading (self, FALSE);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_label_set_label (self->count_label, "");
      return;
    }

  if (load->generation != self->generation)
    return;
  set_loading (self, FALSE);
  show_records (self, load->table, load->store);
}

static void
reload (AnttTargetRecordsWindow *self)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;

  if (self->database == NULL || self->item == NULL ||
      antt_target_item_get_result (self->item) == NULL)
    {
      g_autoptr(GListStore) empty = g_list_store_new (ANTT_TYPE_TARGET_RECORD_ITEM);

      show_records (self, NULL, empty);
      return;
    }

  load = g_new0 (Load, 1);
  load->path = g_strdup (antt_database_get_path (self->database));
  load->report = antt_target_report_ref (antt_target_item_get_report (self->item));
  load->result = antt_target_item_get_result (self->item);
  load->failing_only = gtk_switch_get_active (self->failing_switch);
  load->generation = self->generation;

  set_loading (self, TRUE);
  /* Keep the list shown while a toggle reloads it; a first load spins. */
  if (self->records == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  task = g_task_new (NULL, self->cancellable, load_cb, g_object_ref (self));
  g_task_set_source_tag (task, reload);
  g_task_set_name (task, "[antt] records behind a target");
  g_task_set_task_data (task, load, load_free);
  g_task_run_in_thread (task, load_thread);
}

static void
failing_changed_cb (AnttTargetRecordsWindow *self)
{
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILING_ONLY]);
}

/* GObject ------------------------------------------------------------------ */

static void
antt_target_records_window_dispose (GObject *object)
{
  AnttTargetRecordsWindow *self = ANTT_TARGET_RECORDS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ANTT_TYPE_TARGET_RECORDS_WINDOW);
  g_clear_object (&self->sorted);
  g_clear_object (&self->records);
  g_clear_object (&self->item);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (antt_target_records_window_parent_class)->dispose (object);
}

static void
antt_target_records_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AnttTargetRecordsWindow *self = ANTT_TARGET_RECORDS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FAILING_ONLY:
      g_value_set_boolean (value, antt_target_records_window_get_failing_only (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
antt_target_records_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AnttTargetRecordsWindow *self = ANTT_TARGET_RECORDS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FAILING_ONLY:
      antt_target_records_window_set_failing_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
antt_target_records_window_class_init (AnttTargetRecordsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = antt_target_records_window_dispose;
  object_class->get_property = antt_target_records_window_get_property;
  object_class->set_property = antt_target_records_window_set_property;

  properties[PROP_FAILING_ONLY] =
    g_param_spec_boolean ("failing-only", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/thiduaantt/ThiDuaAntt/antt-target-records-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRecordsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRecordsWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRecordsWindow, value_label);
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRecordsWindow, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRecordsWindow, failing_label);
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRecordsWindow, failing_switch);
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRecordsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRecordsWindow, big_spinner);
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRecordsWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRecordsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRecordsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AnttTargetRecordsWindow, count_label);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
antt_target_records_window_init (AnttTargetRecordsWindow *self)
{
  GtkSelectionModel *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sorted = gtk_sort_list_model_new (NULL,
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted))));
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->failing_switch),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->failing_label, NULL,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Records"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loading the records…"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->big_spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loading the records…"),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
}

/**
 * antt_target_records_window_new:
 * @parent: (nullable): the window to stay above
 * @item: the target and the number whose records to list
 * @unit_name: (nullable): the team or village of the number, %NULL for the
 *   commune
 *
 * Opens with only the records that keep the target from being met when
 * it is not met; with all of them otherwise.
 *
 * Returns: (transfer none): the new window, presented
 */
GtkWidget *
antt_target_records_window_new (GtkWindow      *parent,
                                AnttDatabase   *database,
                                AnttTargetItem *item,
                                const char     *unit_name)
{
  AnttTargetRecordsWindow *self;
  AnttTargetReport *report;
  g_autofree char *title = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *subtitle = NULL;
  AnttTargetState state;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ANTT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (ANTT_IS_TARGET_ITEM (item), NULL);

  self = g_object_new (ANTT_TYPE_TARGET_RECORDS_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->database = g_object_ref (database);
  self->item = g_object_ref (item);

  report = antt_target_item_get_report (item);
  from = antt_date_iso_to_display (antt_target_report_get_from (report));
  to = antt_date_iso_to_display (antt_target_report_get_to (report));
  /* Translators: the window of the records behind a target; %s its code */
  title = g_strdup_printf (_("Records of %s"), antt_target_item_get_code (item));
  /* Translators: the unit and the period of a number: "Whole commune · 19/08/2024 – 03/02/2025" */
  subtitle = g_strdup_printf (_("%s · %s – %s"), unit_name ? unit_name : _("Whole commune"),
                              from ? from : "?", to ? to : "?");
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_label_set_label (self->value_label, antt_target_item_get_title (item));
  {
    g_autofree char *line = g_strdup_printf ("%s · %s — %s",
                                             antt_target_item_get_value_text (item),
                                             antt_target_item_get_state_text (item),
                                             antt_target_item_get_explanation (item));

    gtk_label_set_label (self->explanation_label, line);
  }

  state = antt_target_item_get_state (item);
  gtk_switch_set_active (self->failing_switch,
                         state == ANTT_TARGET_STATE_NOT_MET || state == ANTT_TARGET_STATE_AT_RISK);
  g_signal_connect_object (self->failing_switch, "notify::active",
                           G_CALLBACK (failing_changed_cb), self, G_CONNECT_SWAPPED);

  reload (self);
  gtk_window_present (GTK_WINDOW (self));

  return GTK_WIDGET (self);
}

/**
 * antt_target_records_window_get_item:
 *
 * Returns: (transfer none): the target whose records are listed
 */
AnttTargetItem *
antt_target_records_window_get_item (AnttTargetRecordsWindow *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_RECORDS_WINDOW (self), NULL);
  return self->item;
}

gboolean
antt_target_records_window_get_failing_only (AnttTargetRecordsWindow *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_RECORDS_WINDOW (self), FALSE);
  return gtk_switch_get_active (self->failing_switch);
}

void
antt_target_records_window_set_failing_only (AnttTargetRecordsWindow *self,
                                             gboolean                 failing_only)
{
  g_return_if_fail (ANTT_IS_TARGET_RECORDS_WINDOW (self));

  /* notify::active reloads. */
  gtk_switch_set_active (self->failing_switch, failing_only);
}

/**
 * antt_target_records_window_get_loading:
 *
 * Returns: whether the records are being read
 */
gboolean
antt_target_records_window_get_loading (AnttTargetRecordsWindow *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_RECORDS_WINDOW (self), FALSE);
  return self->loading;
}

/**
 * antt_target_records_window_get_records:
 *
 * Returns: (transfer none) (nullable): the records listed, as
 *   #AnttTargetRecordItem in the order read
 */
GListModel *
antt_target_records_window_get_records (AnttTargetRecordsWindow *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_RECORDS_WINDOW (self), NULL);
  return self->records ? G_LIST_MODEL (self->records) : NULL;
}

/**
 * antt_target_records_window_get_table:
 *
 * Returns: (nullable): the table of the records listed
 */
const char *
antt_target_records_window_get_table (AnttTargetRecordsWindow *self)
{
  g_return_val_if_fail (ANTT_IS_TARGET_RECORDS_WINDOW (self), NULL);
  return self->table ? self->table->name : NULL;
}
