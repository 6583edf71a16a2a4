/* antt-record-form.c
 *
 * The form is built from the table's descriptor: a row a column, of the
 * kind the column is (text, date, choice, reference, yes/no, number), the
 * required ones marked, the sensitive ones (ID numbers, criminal history)
 * in a group of their own that stays closed until asked. Members taking
 * part (patrols, call-outs, incidents) are chosen below, and saved in the
 * same transaction as the record.
 *
 * Nothing is checked here that the core checks: Save hands the record to
 * antt_records_insert()/update(), and a refusal is shown under the field
 * the core names, with everything typed left as it was.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "antt-app-util.h"
#include "antt-date.h"
#include "antt-display.h"
#include "antt-eligibility.h"
#include "antt-record-form.h"
#include "antt-records.h"

typedef struct _Field Field;

struct _Field
{
  AnttRecordForm   *form;
  const AnttColumn *column;
  GtkWidget        *row;         /* in the list box */
  GtkWidget        *editor;      /* what holds the value: the row itself, a switch… */
  GtkWidget        *error_row;
  GtkLabel         *error_label;
  GArray           *ids;         /* REFERENCE: the id of each item */
  gboolean          has_none;    /* the first item means "none" */
};

struct _AnttRecordForm
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *message_group;
  GtkLabel             *message_label;
  AdwPreferencesGroup  *warnings_group;
  GtkListBox           *fields_list;
  AdwPreferencesGroup  *optional_group;
  GtkListBox           *optional_list;
  AdwPreferencesGroup  *sensitive_group;
  GtkToggleButton      *sensitive_button;
  GtkListBox           *sensitive_list;
  AdwPreferencesGroup  *picker_group;

  /* Owned */
  AnttDatabase         *database;
  GPtrArray            *fields;      /* Field */
  GPtrArray            *warning_rows;
  GPtrArray            *warnings;    /* the sentences shown */
  char                 *picker_date;

  /* Borrowed */
  const AnttTable      *table;
  const AnttLinkTable  *link;
  AnttMemberPicker     *picker;

  gint64                id;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (AnttRecordForm, antt_record_form, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_pointer (&field->ids, g_array_unref);
  g_free (field);
}

static Field *
find_field (AnttRecordForm *self,
            const char     *column)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (field->column->name, column) == 0)
        return field;
    }
  return NULL;
}

static const char *
column_label (const AnttColumn *column)
{
  return g_dgettext (GETTEXT_PACKAGE, column->label);
}

static gboolean
field_is_multiline (Field *field)
{
  return GTK_IS_TEXT_VIEW (field->editor);
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Reading and writing the rows ------------------------------------------- */

static guint
field_get_selected (Field *field)
{
  if (ADW_IS_COMBO_ROW (field->editor))
    return adw_combo_row_get_selected (ADW_COMBO_ROW (field->editor));
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (field->editor));
}

static void
field_set_selected (Field *field,
                    guint  position)
{
  if (ADW_IS_COMBO_ROW (field->editor))
    adw_combo_row_set_selected (ADW_COMBO_ROW (field->editor), position);
  else
    gtk_drop_down_set_selected (GTK_DROP_DOWN (field->editor), position);
}

static guint
n_choices (const AnttColumn *column)
{
  guint n = 0;

  while (column->choices[n].value != NULL)
    n++;
  return n;
}

static void
field_read (Field      *field,
            AnttRecord *record)
{
  const AnttColumn *column = field->column;
  const char *name = column->name;
  guint selected;

  switch (column->kind)
    {
    case ANTT_COLUMN_DATE:
      {
        const char *text = gtk_editable_get_text (GTK_EDITABLE (field->editor));
        g_autofree char *iso = antt_date_display_to_iso (text);
        g_autofree char *trimmed = g_strstrip (g_strdup (text));

        if (trimmed[0] == '\0')
          antt_record_set_null (record, name);
        else
          /* What cannot be read is passed on as typed: the core says why. */
          antt_record_set_string (record, name, iso ? iso : trimmed);
      }
      break;

    case ANTT_COLUMN_INTEGER:
      antt_record_set_int (record, name,
                           (gint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (field->editor)));
      break;

    case ANTT_COLUMN_REAL:
      antt_record_set_double (record, name,
                              gtk_spin_button_get_value (GTK_SPIN_BUTTON (field->editor)));
      break;

    case ANTT_COLUMN_BOOLEAN:
      antt_record_set_boolean (record, name, gtk_switch_get_active (GTK_SWITCH (field->editor)));
      break;

    case ANTT_COLUMN_CHOICE:
      selected = field_get_selected (field);
      if (selected == GTK_INVALID_LIST_POSITION || (field->has_none && selected == 0))
        antt_record_set_null (record, name);
      else
        antt_record_set_string (record, name,
                                column->choices[selected - (field->has_none ? 1 : 0)].value);
      break;

    case ANTT_COLUMN_REFERENCE:
      selected = field_get_selected (field);
      if (selected >= field->ids->len || g_array_index (field->ids, gint64, selected) == 0)
        antt_record_set_null (record, name);
      else
        antt_record_set_int (record, name, g_array_index (field->ids, gint64, selected));
      break;

    case ANTT_COLUMN_TEXT:
    case ANTT_COLUMN_TIME:
    case ANTT_COLUMN_ID_NUMBER:
    case ANTT_COLUMN_PHONE:
    default:
      if (field_is_multiline (field))
        {
          g_autofree char *text = text_view_get_text (GTK_TEXT_VIEW (field->editor));
          antt_record_set_string (record, name, text);
        }
      else
        antt_record_set_string (record, name, gtk_editable_get_text (GTK_EDITABLE (field->editor)));
      break;
    }
}

static void
field_write (Field            *field,
             const AnttRecord *record)
{
  const AnttColumn *column = field->column;
  const char *name = column->name;
  const char *text = antt_record_get_string (record, name);

  switch (column->kind)
    {
    case ANTT_COLUMN_DATE:
      {
        g_autofree char *shown = antt_date_iso_to_display (text);
        gtk_editable_set_text (GTK_EDITABLE (field->editor), shown ? shown : (text ? text : ""));
      }
      break;

    case ANTT_COLUMN_INTEGER:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->editor),
                                 (double) antt_record_get_int (record, name));
      break;

    case ANTT_COLUMN_REAL:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->editor),
                                 antt_record_get_double (record, name));
      break;

    case ANTT_COLUMN_BOOLEAN:
      gtk_switch_set_active (GTK_SWITCH (field->editor), antt_record_get_boolean (record, name));
      break;

    case ANTT_COLUMN_CHOICE:
      if (text == NULL)
        {
          if (field->has_none)
            field_set_selected (field, 0);
          break;
        }
      for (guint i = 0; column->choices[i].value != NULL; i++)
        if (g_str_equal (column->choices[i].value, text))
          field_set_selected (field, i + (field->has_none ? 1 : 0));
      break;

    case ANTT_COLUMN_REFERENCE:
      {
        gint64 id = antt_record_is_null (record, name) ? 0 : antt_record_get_int (record, name);

        for (guint i = 0; i < field->ids->len; i++)
          if (g_array_index (field->ids, gint64, i) == id)
            field_set_selected (field, i);
      }
      break;

    case ANTT_COLUMN_TEXT:
    case ANTT_COLUMN_TIME:
    case ANTT_COLUMN_ID_NUMBER:
    case ANTT_COLUMN_PHONE:
    default:
      if (field_is_multiline (field))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->editor)),
                                  text ? text : "", -1);
      else
        gtk_editable_set_text (GTK_EDITABLE (field->editor), text ? text : "");
      break;
    }
}

static AnttRecord *
collect_record (AnttRecordForm *self)
{
  AnttRecord *record = antt_record_new (self->table->name);

  antt_record_set_id (record, self->id);
  for (guint i = 0; i < self->fields->len; i++)
    field_read (g_ptr_array_index (self->fields, i), record);
  return record;
}

/* Messages --------------------------------------------------------------- */

static void
field_set_error (Field      *field,
                 const char *message)
{
  gtk_label_set_label (field->error_label, message ? message : "");
  gtk_widget_set_visible (field->error_row, message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (field->row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->editor),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field->editor),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (field->row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field->editor),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field->editor), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
set_message (AnttRecordForm *self,
             const char     *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_group), message != NULL);
}

static void
clear_errors (AnttRecordForm *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    field_set_error (g_ptr_array_index (self->fields, i), NULL);
  set_message (self, NULL);
  if (self->picker != NULL)
    antt_member_picker_set_error (self->picker, NULL);
}

static void
show_sensitive (AnttRecordForm *self,
                gboolean        show)
{
  gtk_toggle_button_set_active (self->sensitive_button, show);
}

/* Shows @error beside the field it names, and brings that field into view. */
static void
show_error (AnttRecordForm *self,
            const GError   *error,
            gboolean        from_link)
{
  const char *column = antt_record_error_get_field (error);
  Field *field = from_link ? NULL : find_field (self, column);

  if (from_link && self->picker != NULL)
    {
      antt_member_picker_set_error (self->picker, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->picker));
      return;
    }

  if (field == NULL)
    {
      set_message (self, error->message);
      return;
    }

  if (field->column->flags & ANTT_COLUMN_FLAGS_SENSITIVE)
    show_sensitive (self, TRUE);
  field_set_error (field, error->message);
  gtk_widget_grab_focus (field->editor);
}

/* Eligibility ------------------------------------------------------------- */

static void
update_warnings (AnttRecordForm *self)
{
  g_autoptr(AnttRecord) member = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  AnttEligibility warnings;
  int age = -1;

  if (!g_str_equal (self->table->name, "members") || self->loading)
    return;

  for (guint i = 0; i < self->warning_rows->len; i++)
    adw_preferences_group_remove (self->warnings_group, g_ptr_array_index (self->warning_rows, i));
  g_ptr_array_set_size (self->warning_rows, 0);
  g_ptr_array_set_size (self->warnings, 0);

  /* The core judges the member as typed so far. */
  member = collect_record (self);
  today = antt_app_today_iso ();
  warnings = antt_eligibility_check_member (self->database, member, today, &age, &error);
  if (error != NULL)
    g_ptr_array_add (self->warnings, g_strdup (error->message));
  g_ptr_array_extend_and_steal (self->warnings, antt_eligibility_messages (warnings, age));

  for (guint i = 0; i < self->warnings->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (self->warnings, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->warnings_group, row);
      g_ptr_array_add (self->warning_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), self->warnings->len > 0);
}

/* Members taking part ----------------------------------------------------- */

static char *
record_date (AnttRecordForm *self)
{
  Field *field = self->table->date_column ? find_field (self, self->table->date_column) : NULL;

  if (field == NULL)
    return NULL;
  return antt_date_display_to_iso (gtk_editable_get_text (GTK_EDITABLE (field->editor)));
}

static void
update_picker (AnttRecordForm *self)
{
  g_autofree char *date = NULL;

  if (self->picker == NULL)
    return;

  /* Typing a date passes through invalid ones: keep the last good list. */
  date = record_date (self);
  if (date == NULL || g_strcmp0 (date, self->picker_date) == 0)
    return;

  g_free (self->picker_date);
  self->picker_date = g_steal_pointer (&date);
  antt_member_picker_load (self->picker, self->database, self->picker_date);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gboolean
save_links (AnttRecordForm  *self,
            gint64           id,
            GError         **error)
{
  const AnttLinkTable *link = self->link;
  GHashTable *chosen = antt_member_picker_get_chosen (self->picker);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GList) members = NULL;

  if (self->id != 0)
    {
      g_autoptr(AnttFilter) filter = antt_filter_new ();

      antt_filter_add_equals (filter, link->parent_column, id);
      rows = antt_records_list (self->database, link->link, filter, error);
      if (rows == NULL)
        return FALSE;
    }

  /* Rows already saved: deleted when unchosen, updated when a flag changed. */
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      AnttRecord *row = g_ptr_array_index (rows, i);
      gint64 member = antt_record_get_int (row, "member_id");
      gpointer key, value;
      gboolean changed = FALSE;

      if (!g_hash_table_lookup_extended (chosen, &member, &key, &value))
        {
          if (!antt_records_delete (self->database, link->link, antt_record_get_id (row), error))
            return FALSE;
          continue;
        }

      g_hash_table_add (kept, key);
      for (guint f = 0; f < 2 && link->flags[f] != NULL; f++)
        {
          gboolean set = (GPOINTER_TO_UINT (value) >> f) & 1;

          if (set != antt_record_get_boolean (row, link->flags[f]))
            {
              antt_record_set_boolean (row, link->flags[f], set);
              changed = TRUE;
            }
        }
      if (changed && !antt_records_update (self->database, row, error))
        return FALSE;
    }

  /* Newly chosen members, in the order of their ids. */
  members = g_list_sort (g_hash_table_get_keys (chosen), compare_ids);
  for (GList *l = members; l != NULL; l = l->next)
    {
      gint64 member = *(gint64 *) l->data;
      guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (chosen, &member));
      g_autoptr(AnttRecord) row = NULL;

      if (g_hash_table_contains (kept, l->data))
        continue;

      row = antt_record_new (link->link);
      antt_record_set_int (row, link->parent_column, id);
      antt_record_set_int (row, "member_id", member);
      for (guint f = 0; f < 2 && link->flags[f] != NULL; f++)
        antt_record_set_boolean (row, link->flags[f], (flags >> f) & 1);
      if (antt_records_insert (self->database, row, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_links (AnttRecordForm  *self,
            GError         **error)
{
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) rows = NULL;

  antt_filter_add_equals (filter, self->link->parent_column, self->id);
  rows = antt_records_list (self->database, self->link->link, filter, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      AnttRecord *row = g_ptr_array_index (rows, i);
      guint flags = 0;

      for (guint f = 0; f < 2 && self->link->flags[f] != NULL; f++)
        if (antt_record_get_boolean (row, self->link->flags[f]))
          flags |= 1u << f;
      antt_member_picker_set_chosen (self->picker, antt_record_get_int (row, "member_id"),
                                     TRUE, flags);
    }
  return TRUE;
}

/* Building the rows ------------------------------------------------------- */

static void
field_changed_cb (Field *field)
{
  AnttRecordForm *self = field->form;

  if (self->loading)
    return;

  /* The message was about what is now changed. */
  if (gtk_widget_get_visible (field->error_row))
    field_set_error (field, NULL);

  update_warnings (self);
  if (self->table->date_column != NULL &&
      g_str_equal (field->column->name, self->table->date_column))
    update_picker (self);
}

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          Field       *field)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%d/%m/%Y");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (field->editor), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
calendar_show_cb (GtkCalendar *calendar,
                  Field       *field)
{
  g_autofree char *iso = antt_date_display_to_iso (gtk_editable_get_text (GTK_EDITABLE (field->editor)));
  GDate date;

  if (iso != NULL && antt_date_parse_iso (iso, &date))
    {
      g_autoptr(GDateTime) shown = g_date_time_new_local (g_date_get_year (&date),
                                                          g_date_get_month (&date),
                                                          g_date_get_day (&date), 0, 0, 0);
      gtk_calendar_select_day (calendar, shown);
    }
}

static GtkWidget *
date_button (Field *field)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  /* Translators: %s is the field, "Date of birth" */
  g_autofree char *label = g_strdup_printf (_("Choose %s"), column_label (field->column));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), field);
  g_signal_connect (calendar, "map", G_CALLBACK (calendar_show_cb), field);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

static GtkWidget *
entry_row (Field      *field,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  /* The title names the text for screen readers too. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);

  switch (field->column->kind)
    {
    case ANTT_COLUMN_DATE:
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), date_button (field));
      gtk_widget_set_tooltip_text (row, _("dd/mm/yyyy, for example 05/02/2025"));
      break;
    case ANTT_COLUMN_TIME:
      gtk_widget_set_tooltip_text (row, _("hh:mm, for example 07:30"));
      break;
    case ANTT_COLUMN_ID_NUMBER:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
      break;
    case ANTT_COLUMN_PHONE:
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_PHONE);
      break;
    case ANTT_COLUMN_TEXT:
    case ANTT_COLUMN_INTEGER:
    case ANTT_COLUMN_REAL:
    case ANTT_COLUMN_BOOLEAN:
    case ANTT_COLUMN_CHOICE:
    case ANTT_COLUMN_REFERENCE:
    default:
      break;
    }

  field->editor = row;
  g_signal_connect_swapped (row, "changed", G_CALLBACK (field_changed_cb), field);
  return row;
}

/* Summaries, descriptions and notes run to several lines: a titled box
 * to write them in, in the list like the other rows. Tab leaves it, Enter
 * starts a new line, Ctrl+S saves. */
static GtkWidget *
text_row (Field      *field,
          const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption-heading");

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);
  gtk_widget_set_tooltip_text (view, title);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 88);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "text-row");

  field->editor = view;
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (field_changed_cb), field);
  return row;
}

static GtkWidget *
action_row (Field      *field,
            const char *title,
            GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  /* The row names its activatable widget for screen readers. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  field->editor = suffix;
  return row;
}

/* A member is chosen among thousands: a drop-down that searches. */
static GtkWidget *
member_row (Field         *field,
            const char    *title,
            GtkStringList *names)
{
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), expression);
  GtkWidget *row;

  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  row = action_row (field, title, dropdown);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (field_changed_cb), field);
  return row;
}

static GtkWidget *
combo_row (Field         *field,
           const char    *title,
           GtkStringList *names)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  field->editor = row;
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (field_changed_cb), field);
  return row;
}

static GtkStringList *
reference_names (AnttRecordForm *self,
                 Field          *field)
{
  const AnttColumn *column = field->column;
  GtkStringList *names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) rows = antt_records_list (self->database, column->references, NULL, NULL);
  gint64 none = 0;

  field->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  field->has_none = !(column->flags & ANTT_COLUMN_FLAGS_REQUIRED);
  if (field->has_none)
    {
      gtk_string_list_append (names, _("None"));
      g_array_append_val (field->ids, none);
    }

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      AnttRecord *row = g_ptr_array_index (rows, i);
      g_autofree char *name = antt_display_record_name (row);
      gint64 id = antt_record_get_id (row);

      gtk_string_list_append (names, name);
      g_array_append_val (field->ids, id);
    }

  return names;
}

static void
add_field (AnttRecordForm   *self,
           const AnttColumn *column)
{
  Field *field = g_new0 (Field, 1);
  gboolean required = (column->flags & ANTT_COLUMN_FLAGS_REQUIRED) != 0;
  gboolean sensitive = (column->flags & ANTT_COLUMN_FLAGS_SENSITIVE) != 0;
  GtkListBox *list = sensitive ? self->sensitive_list :
                     required ? self->fields_list : self->optional_list;
  const char *title = column_label (column);
  GtkWidget *error_row;
  GtkWidget *label;

  field->form = self;
  field->column = column;

  switch (column->kind)
    {
    case ANTT_COLUMN_INTEGER:
    case ANTT_COLUMN_REAL:
      {
        gboolean integer = column->kind == ANTT_COLUMN_INTEGER;
        double lo = integer && column->min < column->max ? (double) column->min : 0;
        double hi = integer && column->min < column->max ? MIN ((double) column->max, 1e12) : 1e12;
        GtkWidget *spin = gtk_spin_button_new_with_range (lo, hi, 1);

        gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), integer ? 0 : 2);
        gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
        field->row = action_row (field, title, spin);
        g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (field_changed_cb), field);
      }
      break;

    case ANTT_COLUMN_BOOLEAN:
      {
        GtkWidget *toggle = gtk_switch_new ();

        field->row = action_row (field, title, toggle);
        g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (field_changed_cb), field);
      }
      break;

    case ANTT_COLUMN_CHOICE:
      {
        g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

        field->has_none = !required;
        if (field->has_none)
          gtk_string_list_append (names, _("None"));
        for (guint i = 0; i < n_choices (column); i++)
          gtk_string_list_append (names, g_dgettext (GETTEXT_PACKAGE, column->choices[i].label));
        field->row = combo_row (field, title, names);
      }
      break;

    case ANTT_COLUMN_REFERENCE:
      {
        g_autoptr(GtkStringList) names = reference_names (self, field);

        if (g_str_equal (column->references, "members"))
          field->row = member_row (field, title, names);
        else
          field->row = combo_row (field, title, names);
      }
      break;

    case ANTT_COLUMN_TEXT:
    case ANTT_COLUMN_DATE:
    case ANTT_COLUMN_TIME:
    case ANTT_COLUMN_ID_NUMBER:
    case ANTT_COLUMN_PHONE:
    default:
      if (column->kind == ANTT_COLUMN_TEXT && (column->flags & ANTT_COLUMN_FLAGS_MULTILINE))
        field->row = text_row (field, title);
      else
        field->row = entry_row (field, title);
      break;
    }

  gtk_list_box_append (list, field->row);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->editor),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, required,
                                  -1);
  if (list == self->optional_list)
    gtk_widget_set_visible (GTK_WIDGET (self->optional_group), TRUE);

  /* The core's message goes right under the row. */
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  error_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_widget_set_visible (error_row, FALSE);
  gtk_list_box_append (list, error_row);

  field->error_row = error_row;
  field->error_label = GTK_LABEL (label);
  if (sensitive)
    gtk_widget_set_visible (GTK_WIDGET (self->sensitive_group), TRUE);

  g_ptr_array_add (self->fields, field);
}

/* What a new record starts with: today for its dates, the schema's
 * defaults for its choices. */
static void
set_defaults (AnttRecordForm *self)
{
  static const struct { const char *column; const char *value; } choices[] = {
    { "role", "member" },
    { "education", "lower_secondary" },
    { "residence", "permanent" },
    { "prior_service", "none" },
    { "status", "draft" },
  };
  g_autoptr(AnttRecord) record = antt_record_new (self->table->name);
  g_autofree char *today = antt_app_today_iso ();

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      const AnttColumn *column = field->column;

      if (column->kind == ANTT_COLUMN_DATE && (column->flags & ANTT_COLUMN_FLAGS_REQUIRED) &&
          !g_str_equal (column->name, "birth_date"))
        antt_record_set_string (record, column->name, today);
      else if (column->kind == ANTT_COLUMN_BOOLEAN &&
               (g_str_equal (column->name, "health_certified") ||
                g_str_equal (column->name, "record_clear")))
        antt_record_set_boolean (record, column->name, TRUE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (antt_table_get_column (self->table, choices[i].column) != NULL)
      antt_record_set_string (record, choices[i].column, choices[i].value);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (antt_record_has (record, field->column->name))
        field_write (field, record);
    }
}

/* Actions ----------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  AnttRecordForm *self = ANTT_RECORD_FORM (widget);

  if (antt_record_form_save (self, NULL))
    gtk_window_close (GTK_WINDOW (self));
}

static void
sensitive_toggled_cb (AnttRecordForm *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sensitive_list),
                          gtk_toggle_button_get_active (self->sensitive_button));
}

/* GObject ----------------------------------------------------------------- */

static void
antt_record_form_dispose (GObject *object)
{
  AnttRecordForm *self = ANTT_RECORD_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANTT_TYPE_RECORD_FORM);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (antt_record_form_parent_class)->dispose (object);
}

static void
antt_record_form_finalize (GObject *object)
{
  AnttRecordForm *self = ANTT_RECORD_FORM (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->warning_rows, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self->picker_date);

  G_OBJECT_CLASS (antt_record_form_parent_class)->finalize (object);
}

static void
antt_record_form_class_init (AnttRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = antt_record_form_dispose;
  object_class->finalize = antt_record_form_finalize;

  /**
   * AnttRecordForm::saved:
   * @id: the record's id
   *
   * The record (and its members taking part) is saved.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/thiduaantt/ThiDuaAntt/antt-record-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AnttRecordForm, window_title);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordForm, page);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordForm, message_group);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordForm, message_label);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordForm, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordForm, fields_list);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordForm, optional_group);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordForm, optional_list);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordForm, sensitive_group);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordForm, sensitive_button);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordForm, sensitive_list);
  gtk_widget_class_bind_template_child (widget_class, AnttRecordForm, picker_group);
  gtk_widget_class_bind_template_callback (widget_class, sensitive_toggled_cb);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
antt_record_form_init (AnttRecordForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_ptr_array_new_with_free_func (field_free);
  self->warning_rows = g_ptr_array_new ();
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

/* Public API ------------------------------------------------------------- */

/**
 * antt_record_form_new:
 * @table: the table of the record
 * @id: the record to edit, or 0 for a new one
 *
 * Returns: (transfer none) (nullable): the form, not yet shown; %NULL with
 *   @error set when record @id cannot be read
 */
AnttRecordForm *
antt_record_form_new (AnttDatabase  *database,
                      const char    *table,
                      gint64         id,
                      GError       **error)
{
  g_autoptr(AnttRecord) record = NULL;
  AnttRecordForm *self;
  g_autofree char *title = NULL;
  const char *label;

  g_return_val_if_fail (ANTT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (antt_table_lookup (table) != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (id != 0)
    {
      record = antt_records_get (database, table, id, error);
      if (record == NULL)
        return NULL;
    }

  self = g_object_new (ANTT_TYPE_RECORD_FORM, NULL);
  self->database = g_object_ref (database);
  self->table = antt_table_lookup (table);
  self->link = antt_display_link_table (table);
  self->id = id;
  self->loading = TRUE;

  for (guint i = 0; i < self->table->n_columns; i++)
    add_field (self, &self->table->columns[i]);

  if (self->link != NULL)
    {
      self->picker = ANTT_MEMBER_PICKER (antt_member_picker_new (self->link));
      adw_preferences_group_add (self->picker_group, GTK_WIDGET (self->picker));
      gtk_widget_set_visible (GTK_WIDGET (self->picker_group), TRUE);
    }

  if (record != NULL)
    {
      for (guint i = 0; i < self->fields->len; i++)
        field_write (g_ptr_array_index (self->fields, i), record);
      if (self->picker != NULL && !load_links (self, error))
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
    }
  else
    {
      set_defaults (self);
      /* Nothing is on record yet to hide from onlookers. */
      show_sensitive (self, TRUE);
    }

  label = g_dgettext (GETTEXT_PACKAGE, self->table->label);
  if (g_str_equal (table, "commune"))
    title = g_strdup (_("Commune Settings"));
  else if (id == 0)
    /* Translators: the title of a form; %s is the kind of record, "member" */
    title = g_strdup_printf (_("New %s"), label);
  else
    /* Translators: the title of a form; %s is the kind of record, "member" */
    title = g_strdup_printf (_("Edit %s"), label);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  self->loading = FALSE;
  update_warnings (self);
  update_picker (self);
  if (self->picker != NULL && self->picker_date == NULL)
    antt_member_picker_load (self->picker, self->database, NULL);

  return self;
}

gint64
antt_record_form_get_id (AnttRecordForm *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_FORM (self), 0);
  return self->id;
}

/**
 * antt_record_form_set_default:
 * @id: the record @column refers to
 *
 * Starts a new record in a team, a village, a review…
 */
void
antt_record_form_set_default (AnttRecordForm *self,
                              const char     *column,
                              gint64          id)
{
  g_autoptr(AnttRecord) record = NULL;
  Field *field;

  g_return_if_fail (ANTT_IS_RECORD_FORM (self));

  field = find_field (self, column);
  if (field == NULL || field->column->kind != ANTT_COLUMN_REFERENCE)
    return;

  record = antt_record_new (self->table->name);
  antt_record_set_int (record, column, id);
  field_write (field, record);
}

/**
 * antt_record_form_save:
 *
 * Saves the record and its members taking part, in one transaction. When
 * the core refuses, its message is shown beside the field it names and
 * everything typed stays.
 *
 * Returns: whether the record is saved
 */
gboolean
antt_record_form_save (AnttRecordForm  *self,
                       GError         **error)
{
  g_autoptr(AnttRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean saving_links = FALSE;
  gint64 id = self->id;
  gboolean ok;

  g_return_val_if_fail (ANTT_IS_RECORD_FORM (self), FALSE);

  clear_errors (self);
  record = collect_record (self);

  ok = antt_database_begin_immediate (self->database, &local_error);
  if (ok)
    {
      if (self->id == 0)
        ok = (id = antt_records_insert (self->database, record, &local_error)) > 0;
      else
        ok = antt_records_update (self->database, record, &local_error);
    }
  if (ok && self->picker != NULL)
    {
      saving_links = TRUE;
      ok = save_links (self, id, &local_error);
    }
  if (ok)
    {
      saving_links = FALSE;
      ok = antt_database_commit (self->database, &local_error);
    }

  if (!ok)
    {
      if (antt_database_in_transaction (self->database))
        antt_database_rollback (self->database);
      show_error (self, local_error, saving_links);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->id = id;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  return TRUE;
}

/**
 * antt_record_form_get_row:
 *
 * Returns: (transfer none) (nullable): the row of @column
 */
GtkWidget *
antt_record_form_get_row (AnttRecordForm *self,
                          const char     *column)
{
  Field *field;

  g_return_val_if_fail (ANTT_IS_RECORD_FORM (self), NULL);

  field = find_field (self, column);
  return field ? field->row : NULL;
}

/**
 * antt_record_form_get_editor:
 *
 * Returns: (transfer none) (nullable): the widget that holds @column's
 *   value: the entry row itself, a text view, a switch, a drop-down…
 */
GtkWidget *
antt_record_form_get_editor (AnttRecordForm *self,
                             const char     *column)
{
  Field *field;

  g_return_val_if_fail (ANTT_IS_RECORD_FORM (self), NULL);

  field = find_field (self, column);
  return field ? field->editor : NULL;
}

/**
 * antt_record_form_get_error:
 *
 * Returns: (nullable): the message shown under @column's row, if any
 */
const char *
antt_record_form_get_error (AnttRecordForm *self,
                            const char     *column)
{
  Field *field;

  g_return_val_if_fail (ANTT_IS_RECORD_FORM (self), NULL);

  field = find_field (self, column);
  if (field == NULL || !gtk_widget_get_visible (field->error_row))
    return NULL;
  return gtk_label_get_label (field->error_label);
}

/**
 * antt_record_form_get_warnings:
 *
 * Returns: (transfer none) (element-type utf8): the eligibility warnings shown
 */
GPtrArray *
antt_record_form_get_warnings (AnttRecordForm *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_FORM (self), NULL);
  return self->warnings;
}

/**
 * antt_record_form_get_picker:
 *
 * Returns: (transfer none) (nullable): the members taking part
 */
AnttMemberPicker *
antt_record_form_get_picker (AnttRecordForm *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_FORM (self), NULL);
  return self->picker;
}
