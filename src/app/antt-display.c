/* antt-display.c
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "antt-date.h"
#include "antt-display.h"
#include "antt-text.h"

static const AnttLinkTable link_tables[] = {
  { "incidents", "incident_participants", "incident_id", { "on_time", NULL } },
  { "callouts", "callout_members", "callout_id", { "present", "on_time" } },
  { "patrols", "patrol_participants", "patrol_id", { NULL, NULL } },
};

/**
 * antt_display_link_table:
 *
 * Returns: (nullable): the members taking part in records of @parent
 */
const AnttLinkTable *
antt_display_link_table (const char *parent)
{
  for (guint i = 0; i < G_N_ELEMENTS (link_tables); i++)
    if (g_strcmp0 (link_tables[i].parent, parent) == 0)
      return &link_tables[i];
  return NULL;
}

static gboolean
language_is_vietnamese (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "vi");
}

/**
 * antt_display_count:
 *
 * Returns: @n with its thousands grouped: "1.234" in Vietnamese,
 *   "1,234" otherwise
 */
char *
antt_display_count (gint64 n)
{
  char separator = language_is_vietnamese () ? '.' : ',';
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n < 0 ? -n : n);
  GString *out = g_string_new (n < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * antt_display_records:
 *
 * Returns: "1.234 records"
 */
char *
antt_display_records (gint64 n)
{
  g_autofree char *count = antt_display_count (n);

  /* Translators: %s is a number, already grouped ("1.234") */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s record", "%s records",
                                       (gulong) CLAMP (n, 0, G_MAXINT)),
                          count);
}

/**
 * antt_display_name_column:
 *
 * Returns: (nullable): the column that names a record of @table in lists
 *   and choosers ("full_name", "name", "title"…)
 */
const char *
antt_display_name_column (const AnttTable *table)
{
  static const char *candidates[] = {
    "full_name", "name", "title", "business_name", "area", "place", "code", "summary",
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (antt_table_get_column (table, candidates[i]) != NULL)
      return candidates[i];
  return NULL;
}

/**
 * antt_display_record_name:
 *
 * Returns: how @record is named where another record refers to it. Patrols
 *   and the like, named by their place, take their date in front.
 */
char *
antt_display_record_name (const AnttRecord *record)
{
  const AnttTable *table = antt_record_get_table (record);
  const char *column = antt_display_name_column (table);
  const char *name = column ? antt_record_get_string (record, column) : NULL;
  g_autofree char *date = NULL;

  if (name == NULL)
    return g_strdup_printf ("#%" G_GINT64_FORMAT, antt_record_get_id (record));

  if (table->date_column != NULL && table->end_column == NULL &&
      (g_strcmp0 (column, "area") == 0 || g_strcmp0 (column, "place") == 0))
    date = antt_date_iso_to_display (antt_record_get_string (record, table->date_column));

  if (date != NULL)
    /* Translators: a record named by its date and its place */
    return g_strdup_printf (_("%s, %s"), date, name);

  return g_strdup (name);
}

/* The first line of a multi-line text, for a list cell. */
static char *
first_line (const char *text)
{
  const char *end = strchr (text, '\n');

  if (end == NULL)
    return g_strdup (text);
  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

/**
 * antt_display_value:
 *
 * References are shown by id here: lists and forms look their names up.
 *
 * Returns: the value of @column in @record as a user reads it; "" when empty
 */
char *
antt_display_value (const AnttRecord *record,
                     const AnttColumn *column)
{
  const char *text;

  if (antt_record_is_null (record, column->name))
    return g_strdup ("");

  switch (column->kind)
    {
    case ANTT_COLUMN_DATE:
      text = antt_record_get_string (record, column->name);
      {
        char *shown = antt_date_iso_to_display (text);
        return shown ? shown : g_strdup (text ? text : "");
      }

    case ANTT_COLUMN_CHOICE:
      text = antt_column_choice_label (column, antt_record_get_string (record, column->name));
      return g_strdup (text ? text : "");

    case ANTT_COLUMN_BOOLEAN:
      return g_strdup (antt_record_get_boolean (record, column->name) ? _("Yes") : _("No"));

    case ANTT_COLUMN_INTEGER:
      return antt_display_count (antt_record_get_int (record, column->name));

    case ANTT_COLUMN_REAL:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_formatd (buf, sizeof buf, "%.10g", antt_record_get_double (record, column->name));
        if (language_is_vietnamese ())
          g_strdelimit (buf, ".", ',');
        return g_strdup (buf);
      }

    case ANTT_COLUMN_REFERENCE:
      return g_strdup_printf ("%" G_GINT64_FORMAT, antt_record_get_int (record, column->name));

    case ANTT_COLUMN_TEXT:
    case ANTT_COLUMN_TIME:
    case ANTT_COLUMN_ID_NUMBER:
    case ANTT_COLUMN_PHONE:
    default:
      text = antt_record_get_string (record, column->name);
      if (text == NULL)
        return g_strdup ("");
      return (column->flags & ANTT_COLUMN_FLAGS_MULTILINE) ? first_line (text) : g_strdup (text);
    }
}

/**
 * antt_display_number_key:
 *
 * Returns: a key that sorts @n among other numbers with strcmp()
 */
char *
antt_display_number_key (gint64 n)
{
  /* Offset so that negative numbers sort first too. */
  return g_strdup_printf ("%020" G_GUINT64_FORMAT, (guint64) n + ((guint64) 1 << 63));
}

/**
 * antt_display_sort_key:
 *
 * Returns: a key that sorts @column's value with strcmp(): Vietnamese order
 *   for text (given name first for full names), ISO for dates, numbers by
 *   value. Empty values sort first. References are sorted by the lists
 *   that know their names.
 */
char *
antt_display_sort_key (const AnttRecord *record,
                       const AnttColumn *column)
{
  const char *text;

  if (antt_record_is_null (record, column->name))
    return g_strdup ("");

  switch (column->kind)
    {
    case ANTT_COLUMN_INTEGER:
    case ANTT_COLUMN_BOOLEAN:
    case ANTT_COLUMN_REFERENCE:
      return antt_display_number_key (antt_record_get_int (record, column->name));

    case ANTT_COLUMN_REAL:
      return g_strdup_printf ("%030.10f", antt_record_get_double (record, column->name) + 1e15);

    case ANTT_COLUMN_CHOICE:
      text = antt_column_choice_label (column, antt_record_get_string (record, column->name));
      return antt_text_collate_key (text ? text : "");

    case ANTT_COLUMN_DATE:
    case ANTT_COLUMN_TIME:
    case ANTT_COLUMN_ID_NUMBER:
    case ANTT_COLUMN_PHONE:
      text = antt_record_get_string (record, column->name);
      return g_strdup (text ? text : "");

    case ANTT_COLUMN_TEXT:
    default:
      {
        char *key;

        text = antt_record_get_string (record, column->name);
        if (g_strcmp0 (column->name, "full_name") == 0)
          key = antt_text_name_collate_key (text ? text : "");
        else
          key = antt_text_collate_key (text ? text : "");
        return key ? key : g_strdup ("");
      }
    }
}
