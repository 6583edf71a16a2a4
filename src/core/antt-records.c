/* antt-records.c: records of every table, validated and audited.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "antt-database-private.h"
#include "antt-date.h"
#include "antt-records-private.h"
#include "antt-text.h"

typedef enum
{
  VALUE_UNSET,
  VALUE_NULL,
  VALUE_INT,
  VALUE_DOUBLE,
  VALUE_TEXT,
} ValueState;

typedef struct
{
  ValueState state;
  union {
    gint64  i;
    double  d;
    char   *s;
  };
} Value;

struct _AnttRecord
{
  gatomicrefcount  ref_count;
  const AnttTable *table;
  gint64           id;
  Value           *values;   /* one per column of the table */
};

struct _AnttFilter
{
  char      *search_fold;
  char      *from;
  char      *to;
  GPtrArray *equals;   /* EqualsClause */
  guint      limit;
  guint      offset;
};

typedef struct
{
  char   *column;
  gint64  value;
  char   *text;
} EqualsClause;

/* Errors ------------------------------------------------------------------ */

typedef struct
{
  char *field;
} AnttRecordErrorPrivate;

static void
antt_record_error_private_init (AnttRecordErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
antt_record_error_private_copy (const AnttRecordErrorPrivate *src,
                                AnttRecordErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
antt_record_error_private_clear (AnttRecordErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (AnttRecordError, antt_record_error)

/**
 * antt_record_error_get_field:
 *
 * Returns: (nullable): the column at fault, for a form to show the message
 *   beside its field.
 */
const char *
antt_record_error_get_field (const GError *error)
{
  AnttRecordErrorPrivate *priv;

  if (error == NULL || error->domain != ANTT_RECORD_ERROR)
    return NULL;
  priv = antt_record_error_get_private (error);
  return priv ? priv->field : NULL;
}

void
antt_record_set_field_error (GError          **error,
                             const char       *field,
                             AnttRecordError   code,
                             const char       *format,
                             ...)
{
  va_list args;
  GError *new_error;

  if (error == NULL)
    return;

  va_start (args, format);
  new_error = g_error_new_valist (ANTT_RECORD_ERROR, code, format, args);
  va_end (args);

  if (field != NULL)
    antt_record_error_get_private (new_error)->field = g_strdup (field);

  g_propagate_error (error, new_error);
}

/* Values ------------------------------------------------------------------ */

static void
value_clear (Value *v)
{
  if (v->state == VALUE_TEXT)
    g_free (v->s);
  v->state = VALUE_UNSET;
  v->i = 0;
}

static void
value_copy (const Value *src,
            Value       *dest)
{
  *dest = *src;
  if (src->state == VALUE_TEXT)
    dest->s = g_strdup (src->s);
}

G_DEFINE_BOXED_TYPE (AnttRecord, antt_record, antt_record_ref, antt_record_unref)

static int
column_index (const AnttTable *table,
              const char      *column)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (strcmp (table->columns[i].name, column) == 0)
      return (int) i;
  return -1;
}

static Value *
lookup_value (const AnttRecord *record,
              const char       *column)
{
  int idx = column_index (record->table, column);

  if (idx < 0)
    {
      g_critical ("Table “%s” has no column “%s”", record->table->name, column);
      return NULL;
    }
  return &record->values[idx];
}

AnttRecord *
antt_record_new (const char *table)
{
  const AnttTable *t;
  AnttRecord *record;

  g_return_val_if_fail (table != NULL, NULL);

  t = antt_table_lookup (table);
  g_return_val_if_fail (t != NULL, NULL);

  record = g_new0 (AnttRecord, 1);
  g_atomic_ref_count_init (&record->ref_count);
  record->table = t;
  record->values = g_new0 (Value, t->n_columns);
  return record;
}

AnttRecord *
antt_record_copy (const AnttRecord *record)
{
  AnttRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = antt_record_new (record->table->name);
  copy->id = record->id;
  for (guint i = 0; i < record->table->n_columns; i++)
    value_copy (&record->values[i], &copy->values[i]);
  return copy;
}

AnttRecord *
antt_record_ref (AnttRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);

  g_atomic_ref_count_inc (&record->ref_count);
  return record;
}

void
antt_record_unref (AnttRecord *record)
{
  g_return_if_fail (record != NULL);

  if (!g_atomic_ref_count_dec (&record->ref_count))
    return;

  for (guint i = 0; i < record->table->n_columns; i++)
    value_clear (&record->values[i]);
  g_free (record->values);
  g_free (record);
}

const AnttTable *
antt_record_get_table (const AnttRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);
  return record->table;
}

gint64
antt_record_get_id (const AnttRecord *record)
{
  g_return_val_if_fail (record != NULL, 0);
  return record->id;
}

void
antt_record_set_id (AnttRecord *record,
                    gint64      id)
{
  g_return_if_fail (record != NULL);
  record->id = id;
}

gboolean
antt_record_has (const AnttRecord *record,
                 const char       *column)
{
  Value *v = lookup_value (record, column);
  return v != NULL && v->state != VALUE_UNSET;
}

gboolean
antt_record_is_null (const AnttRecord *record,
                     const char       *column)
{
  Value *v = lookup_value (record, column);
  return v == NULL || v->state == VALUE_UNSET || v->state == VALUE_NULL;
}

/**
 * antt_record_get_string:
 *
 * Returns: (nullable): the text of @column, or %NULL when it is empty or not
 *   text. Integers are not converted: use antt_record_get_int().
 */
const char *
antt_record_get_string (const AnttRecord *record,
                        const char       *column)
{
  Value *v = lookup_value (record, column);
  return (v != NULL && v->state == VALUE_TEXT) ? v->s : NULL;
}

gint64
antt_record_get_int (const AnttRecord *record,
                     const char       *column)
{
  Value *v = lookup_value (record, column);

  if (v == NULL)
    return 0;
  switch (v->state)
    {
    case VALUE_INT:
      return v->i;
    case VALUE_DOUBLE:
      return (gint64) v->d;
    case VALUE_TEXT:
      return g_ascii_strtoll (v->s, NULL, 10);
    case VALUE_UNSET:
    case VALUE_NULL:
    default:
      return 0;
    }
}

double
antt_record_get_double (const AnttRecord *record,
                        const char       *column)
{
  Value *v = lookup_value (record, column);

  if (v == NULL)
    return 0;
  switch (v->state)
    {
    case VALUE_INT:
      return (double) v->i;
    case VALUE_DOUBLE:
      return v->d;
    case VALUE_TEXT:
      return g_ascii_strtod (v->s, NULL);
    case VALUE_UNSET:
    case VALUE_NULL:
    default:
      return 0;
    }
}

gboolean
antt_record_get_boolean (const AnttRecord *record,
                         const char       *column)
{
  return antt_record_get_int (record, column) != 0;
}

void
antt_record_set_string (AnttRecord *record,
                        const char *column,
                        const char *value)
{
  Value *v = lookup_value (record, column);

  if (v == NULL)
    return;
  value_clear (v);
  if (value == NULL)
    v->state = VALUE_NULL;
  else
    {
      v->state = VALUE_TEXT;
      v->s = g_strdup (value);
    }
}

void
antt_record_set_int (AnttRecord *record,
                     const char *column,
                     gint64      value)
{
  Value *v = lookup_value (record, column);

  if (v == NULL)
    return;
  value_clear (v);
  v->state = VALUE_INT;
  v->i = value;
}

void
antt_record_set_double (AnttRecord *record,
                        const char *column,
                        double      value)
{
  Value *v = lookup_value (record, column);

  if (v == NULL)
    return;
  value_clear (v);
  v->state = VALUE_DOUBLE;
  v->d = value;
}

void
antt_record_set_boolean (AnttRecord *record,
                         const char *column,
                         gboolean    value)
{
  antt_record_set_int (record, column, value ? 1 : 0);
}

void
antt_record_set_null (AnttRecord *record,
                      const char *column)
{
  Value *v = lookup_value (record, column);

  if (v == NULL)
    return;
  value_clear (v);
  v->state = VALUE_NULL;
}

void
antt_record_unset (AnttRecord *record,
                   const char *column)
{
  Value *v = lookup_value (record, column);

  if (v != NULL)
    value_clear (v);
}

static void
append_json_string (GString    *out,
                    const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/**
 * antt_record_to_json:
 *
 * Returns: the set values of @record as a JSON object, the form the audit
 *   log keeps them in.
 */
char *
antt_record_to_json (const AnttRecord *record)
{
  GString *out = g_string_new ("{");
  gboolean first = TRUE;

  for (guint i = 0; i < record->table->n_columns; i++)
    {
      const Value *v = &record->values[i];

      if (v->state == VALUE_UNSET)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      append_json_string (out, record->table->columns[i].name);
      g_string_append_c (out, ':');
      switch (v->state)
        {
        case VALUE_NULL:
          g_string_append (out, "null");
          break;
        case VALUE_INT:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, v->i);
          break;
        case VALUE_DOUBLE:
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            g_string_append (out, g_ascii_dtostr (buf, sizeof buf, v->d));
          }
          break;
        case VALUE_TEXT:
          append_json_string (out, v->s);
          break;
        case VALUE_UNSET:
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* Filters ----------------------------------------------------------------- */

static void
equals_clause_free (gpointer data)
{
  EqualsClause *clause = data;

  g_free (clause->column);
  g_free (clause->text);
  g_free (clause);
}

AnttFilter *
antt_filter_new (void)
{
  AnttFilter *filter = g_new0 (AnttFilter, 1);

  filter->equals = g_ptr_array_new_with_free_func (equals_clause_free);
  return filter;
}

void
antt_filter_free (AnttFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->search_fold);
  g_free (filter->from);
  g_free (filter->to);
  g_ptr_array_unref (filter->equals);
  g_free (filter);
}

void
antt_filter_set_search (AnttFilter *filter,
                        const char *text)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->search_fold, g_free);
  if (text != NULL && *text != '\0')
    filter->search_fold = antt_text_fold (text);
}

void
antt_filter_set_period (AnttFilter *filter,
                        const char *from_iso,
                        const char *to_iso)
{
  g_return_if_fail (filter != NULL);

  g_free (filter->from);
  g_free (filter->to);
  filter->from = g_strdup (from_iso);
  filter->to = g_strdup (to_iso);
}

void
antt_filter_add_equals (AnttFilter *filter,
                        const char *column,
                        gint64      value)
{
  EqualsClause *clause = g_new0 (EqualsClause, 1);

  clause->column = g_strdup (column);
  clause->value = value;
  g_ptr_array_add (filter->equals, clause);
}

void
antt_filter_add_equals_text (AnttFilter *filter,
                             const char *column,
                             const char *value)
{
  EqualsClause *clause = g_new0 (EqualsClause, 1);

  clause->column = g_strdup (column);
  clause->text = g_strdup (value);
  g_ptr_array_add (filter->equals, clause);
}

void
antt_filter_set_limit (AnttFilter *filter,
                       guint       limit,
                       guint       offset)
{
  filter->limit = limit;
  filter->offset = offset;
}

/* SQL helpers ------------------------------------------------------------- */

static void
bind_value (sqlite3_stmt *stmt,
            int           idx,
            const Value  *v)
{
  switch (v->state)
    {
    case VALUE_INT:
      sqlite3_bind_int64 (stmt, idx, v->i);
      break;
    case VALUE_DOUBLE:
      sqlite3_bind_double (stmt, idx, v->d);
      break;
    case VALUE_TEXT:
      sqlite3_bind_text (stmt, idx, v->s, -1, SQLITE_TRANSIENT);
      break;
    case VALUE_UNSET:
    case VALUE_NULL:
    default:
      sqlite3_bind_null (stmt, idx);
      break;
    }
}

static void
read_value (sqlite3_stmt *stmt,
            int           idx,
            Value        *v)
{
  value_clear (v);
  switch (sqlite3_column_type (stmt, idx))
    {
    case SQLITE_INTEGER:
      v->state = VALUE_INT;
      v->i = sqlite3_column_int64 (stmt, idx);
      break;
    case SQLITE_FLOAT:
      v->state = VALUE_DOUBLE;
      v->d = sqlite3_column_double (stmt, idx);
      break;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      v->state = VALUE_TEXT;
      v->s = g_strdup ((const char *) sqlite3_column_text (stmt, idx));
      break;
    case SQLITE_NULL:
    default:
      v->state = VALUE_NULL;
      break;
    }
}

static void
append_column_list (GString         *sql,
                    const AnttTable *table)
{
  g_string_append (sql, "id");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", %s", table->columns[i].name);
}

static AnttRecord *
record_from_row (const AnttTable *table,
                 sqlite3_stmt    *stmt)
{
  AnttRecord *record = antt_record_new (table->name);

  record->id = sqlite3_column_int64 (stmt, 0);
  for (guint i = 0; i < table->n_columns; i++)
    read_value (stmt, (int) i + 1, &record->values[i]);
  return record;
}

/* Runs a query of one integer; -1 on error. */
static gint64
query_int (AnttDatabase  *db,
           const char    *sql,
           gint64         a,
           const char    *b_text,
           gint64         b,
           GError       **error)
{
  g_autoptr(AnttStatement) stmt = antt_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    {
      if (b_text != NULL)
        sqlite3_bind_text (stmt, 2, b_text, -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (stmt, 2, b);
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;

  antt_database_set_error (db, error, NULL);
  return -1;
}

static gboolean
row_exists (AnttDatabase  *db,
            const char    *table,
            gint64         id,
            GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  gint64 found = query_int (db, sql, id, NULL, 0, error);

  return found == 1;
}

gboolean
antt_member_is_active_on (AnttDatabase  *db,
                          gint64         member_id,
                          const char    *date_iso,
                          GError       **error)
{
  gint64 found;

  found = query_int (db,
                     "SELECT 1 FROM members WHERE id = ?1 AND joined_date <= ?2"
                     " AND (left_date IS NULL OR left_date >= ?2)",
                     member_id, date_iso, 0, error);
  return found == 1;
}

/* Validation -------------------------------------------------------------- */

static const char *
column_label (const AnttColumn *column)
{
  return g_dgettext (GETTEXT_PACKAGE, column->label);
}

/* Brings text to its stored form: NFC, trimmed, and the canonical form of
 * IDs, phones and dates typed as dd/mm/yyyy. */
static gboolean
normalize_value (const AnttColumn  *column,
                 Value             *v,
                 GError           **error)
{
  g_autofree char *text = NULL;

  if (v->state != VALUE_TEXT)
    return TRUE;

  if (!g_utf8_validate (v->s, -1, NULL))
    {
      antt_record_set_field_error (error, column->name, ANTT_RECORD_ERROR_INVALID,
                                   _("%s contains characters that are not valid text."),
                                   column_label (column));
      return FALSE;
    }

  if (column->flags & ANTT_COLUMN_FLAGS_MULTILINE)
    {
      g_autofree char *nfc = antt_text_nfc (v->s);
      text = g_strdup (g_strstrip (nfc));
    }
  else
    text = antt_text_normalize (v->s);

  switch (column->kind)
    {
    case ANTT_COLUMN_ID_NUMBER:
      {
        GString *digits = g_string_new (NULL);
        for (const char *p = text; *p; p++)
          if (*p != ' ' && *p != '.' && *p != '-')
            g_string_append_c (digits, *p);
        g_free (text);
        text = g_string_free (digits, FALSE);
      }
      break;

    case ANTT_COLUMN_PHONE:
      if (*text != '\0')
        {
          char *phone = antt_phone_normalize (text);
          if (phone == NULL)
            {
              antt_record_set_field_error (error, column->name, ANTT_RECORD_ERROR_PHONE,
                                           _("“%s” is not a phone number. Enter 10 digits "
                                             "starting with 0, for example 0912 345 678."),
                                           text);
              return FALSE;
            }
          g_free (text);
          text = phone;
        }
      break;

    case ANTT_COLUMN_DATE:
      if (*text != '\0' && !antt_date_parse_iso (text, NULL))
        {
          char *iso = antt_date_display_to_iso (text);
          if (iso != NULL)
            {
              g_free (text);
              text = iso;
            }
        }
      break;

    case ANTT_COLUMN_TEXT:
    case ANTT_COLUMN_INTEGER:
    case ANTT_COLUMN_REAL:
    case ANTT_COLUMN_BOOLEAN:
    case ANTT_COLUMN_TIME:
    case ANTT_COLUMN_CHOICE:
    case ANTT_COLUMN_REFERENCE:
    default:
      break;
    }

  /* Optional text is '' in the schema (NOT NULL DEFAULT ''); empty dates,
   * choices and references are NULL. */
  if (*text == '\0' && column->kind != ANTT_COLUMN_TEXT && column->kind != ANTT_COLUMN_PHONE)
    {
      value_clear (v);
      v->state = VALUE_NULL;
    }
  else
    {
      g_free (v->s);
      v->s = g_steal_pointer (&text);
    }
  return TRUE;
}

static gboolean
choice_is_valid (const AnttColumn *column,
                 const char       *value)
{
  for (const AnttChoice *c = column->choices; c && c->value; c++)
    if (strcmp (c->value, value) == 0)
      return TRUE;
  return FALSE;
}

const char *
antt_column_choice_label (const AnttColumn *column,
                          const char       *value)
{
  g_return_val_if_fail (column != NULL, NULL);

  if (value == NULL)
    return NULL;
  for (const AnttChoice *c = column->choices; c && c->value; c++)
    if (strcmp (c->value, value) == 0)
      return g_dgettext (GETTEXT_PACKAGE, c->label);
  return value;
}

/* Text columns that are NOT NULL in the schema take '' for "empty"; only
 * required ones refuse it, and that is said before the database would. */
static gboolean
value_is_empty (const Value *v)
{
  return v->state == VALUE_UNSET || v->state == VALUE_NULL ||
         (v->state == VALUE_TEXT && v->s[0] == '\0');
}

static gboolean
validate_column (AnttDatabase      *db,
                 const AnttRecord  *record,
                 const AnttColumn  *column,
                 const Value       *v,
                 gboolean           check_references,
                 GError           **error)
{
  const char *label = column_label (column);

  if (value_is_empty (v))
    {
      if (column->flags & ANTT_COLUMN_FLAGS_REQUIRED)
        {
          antt_record_set_field_error (error, column->name, ANTT_RECORD_ERROR_REQUIRED,
                                       _("%s is required."), label);
          return FALSE;
        }
      return TRUE;
    }

  switch (column->kind)
    {
    case ANTT_COLUMN_DATE:
      if (v->state != VALUE_TEXT || !antt_date_parse_iso (v->s, NULL))
        {
          antt_record_set_field_error (error, column->name, ANTT_RECORD_ERROR_INVALID_DATE,
                                       _("%s: “%s” is not a real date. Enter it as "
                                         "dd/mm/yyyy, for example 05/02/2025."),
                                       label, v->state == VALUE_TEXT ? v->s : "?");
          return FALSE;
        }
      break;

    case ANTT_COLUMN_TIME:
      if (v->state != VALUE_TEXT || !antt_time_parse (v->s, NULL, NULL))
        {
          antt_record_set_field_error (error, column->name, ANTT_RECORD_ERROR_INVALID,
                                       _("%s: “%s” is not a time. Enter it as hh:mm, "
                                         "for example 07:30."),
                                       label, v->state == VALUE_TEXT ? v->s : "?");
          return FALSE;
        }
      break;

    case ANTT_COLUMN_ID_NUMBER:
      if (v->state != VALUE_TEXT || !antt_id_number_is_valid (v->s))
        {
          antt_record_set_field_error (error, column->name, ANTT_RECORD_ERROR_ID_NUMBER,
                                       _("%s must have exactly 12 digits (the number on the "
                                         "citizen identity card)."), label);
          return FALSE;
        }
      break;

    case ANTT_COLUMN_CHOICE:
      if (v->state != VALUE_TEXT || !choice_is_valid (column, v->s))
        {
          antt_record_set_field_error (error, column->name, ANTT_RECORD_ERROR_INVALID,
                                       _("%s: choose one of the values in the list."), label);
          return FALSE;
        }
      break;

    case ANTT_COLUMN_BOOLEAN:
      if (v->state != VALUE_INT || (v->i != 0 && v->i != 1))
        {
          antt_record_set_field_error (error, column->name, ANTT_RECORD_ERROR_INVALID,
                                       _("%s must be yes or no."), label);
          return FALSE;
        }
      break;

    case ANTT_COLUMN_INTEGER:
      if (v->state != VALUE_INT)
        {
          antt_record_set_field_error (error, column->name, ANTT_RECORD_ERROR_INVALID,
                                       _("%s must be a whole number."), label);
          return FALSE;
        }
      if (column->min < column->max && (v->i < column->min || v->i > column->max))
        {
          /* Bounds as text: a G_GINT64_FORMAT inside _() hides the string
           * from xgettext. */
          g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, column->min);
          g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, column->max);

          antt_record_set_field_error (error, column->name, ANTT_RECORD_ERROR_INVALID,
                                       _("%s must be between %s and %s."), label, min, max);
          return FALSE;
        }
      break;

    case ANTT_COLUMN_REAL:
      if (v->state != VALUE_INT && v->state != VALUE_DOUBLE)
        {
          antt_record_set_field_error (error, column->name, ANTT_RECORD_ERROR_INVALID,
                                       _("%s must be a number."), label);
          return FALSE;
        }
      break;

    case ANTT_COLUMN_REFERENCE:
      if (!check_references && v->state == VALUE_INT)
        break;
      {
        g_autoptr(GError) local_error = NULL;
        const AnttTable *target = antt_table_lookup (column->references);

        if (v->state != VALUE_INT || !row_exists (db, column->references, v->i, &local_error))
          {
            if (local_error != NULL)
              {
                g_propagate_error (error, g_steal_pointer (&local_error));
                return FALSE;
              }
            antt_record_set_field_error (error, column->name,
                                         ANTT_RECORD_ERROR_MISSING_REFERENCE,
                                         _("%s: the chosen %s does not exist (it may have "
                                           "been deleted). Choose another."),
                                         label, g_dgettext (GETTEXT_PACKAGE, target->label));
            return FALSE;
          }
      }
      break;

    case ANTT_COLUMN_TEXT:
    case ANTT_COLUMN_PHONE:
    default:
      break;
    }

  if ((column->flags & ANTT_COLUMN_FLAGS_UNIQUE) && v->state == VALUE_TEXT)
    {
      /* Folded names are unique as folded: "Thôn Đồng Tâm" is "thon dong tam". */
      gboolean folded = (column->flags & ANTT_COLUMN_FLAGS_FOLDED) != 0;
      g_autofree char *key = folded ? antt_text_fold (v->s) : NULL;
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?2 AND id != ?1",
                                              record->table->name,
                                              folded ? column->fold_column : column->name);
      gint64 other = query_int (db, sql, record->id, folded ? key : v->s, 0, error);

      if (other < 0)
        return FALSE;
      if (other > 0)
        {
          antt_record_set_field_error (error, column->name, ANTT_RECORD_ERROR_DUPLICATE,
                                       _("%s “%s” is already recorded for another %s. "
                                         "Check the number, or edit that record instead."),
                                       label, v->s,
                                       g_dgettext (GETTEXT_PACKAGE, record->table->label));
          return FALSE;
        }
    }

  return TRUE;
}

/* The date a record happens on: its own, or its parent's for link rows. */
static char *
record_event_date (AnttDatabase      *db,
                   const AnttRecord  *record,
                   GError           **error)
{
  const AnttTable *table = record->table;
  const AnttColumn *parent_column;
  const AnttTable *parent;
  g_autofree char *sql = NULL;
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  if (table->date_column != NULL)
    return g_strdup (antt_record_get_string (record, table->date_column));

  if (table->parent_column == NULL)
    return NULL;

  parent_column = antt_table_get_column (table, table->parent_column);
  parent = antt_table_lookup (parent_column->references);
  if (parent->date_column == NULL)
    return NULL;

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", parent->date_column, parent->name);
  stmt = antt_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, antt_record_get_int (record, table->parent_column));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    antt_database_set_error (db, error, NULL);
  return NULL;
}

static gboolean
validate_member_active (AnttDatabase      *db,
                        const AnttRecord  *record,
                        GError           **error)
{
  const char *column = record->table->member_column;
  g_autofree char *date = NULL;
  GError *local_error = NULL;
  gint64 member_id;

  if (column == NULL || antt_record_is_null (record, column))
    return TRUE;

  date = record_event_date (db, record, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (date == NULL)
    return TRUE;

  member_id = antt_record_get_int (record, column);
  if (!antt_member_is_active_on (db, member_id, date, &local_error))
    {
      g_autoptr(AnttRecord) member = NULL;
      g_autofree char *shown = antt_date_iso_to_display (date);

      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      member = antt_records_get (db, "members", member_id, NULL);
      if (member == NULL)
        {
          const AnttColumn *col = antt_table_get_column (record->table, column);

          antt_record_set_field_error (error, column, ANTT_RECORD_ERROR_MISSING_REFERENCE,
                                       _("%s: the chosen %s does not exist (it may have "
                                         "been deleted). Choose another."),
                                       column_label (col),
                                       g_dgettext (GETTEXT_PACKAGE,
                                                   antt_table_lookup ("members")->label));
          return FALSE;
        }
      antt_record_set_field_error (error, column, ANTT_RECORD_ERROR_INACTIVE_MEMBER,
                                   _("%s was not a member of the force on %s (check the dates "
                                     "joined and left). Choose a member active on that date."),
                                   member ? antt_record_get_string (member, "full_name") : "?",
                                   shown ? shown : date);
      return FALSE;
    }

  return TRUE;
}

/* Writes leave the existence of references to the foreign keys, which
 * check it anyway: checking twice cost a query per reference per row. A
 * foreign key that fails is then traced to its field (check_references). */
static gboolean
validate_internal (AnttDatabase  *db,
                   AnttRecord    *record,
                   gboolean       check_references,
                   GError       **error)
{
  const AnttTable *table = record->table;

  for (guint i = 0; i < table->n_columns; i++)
    if (!normalize_value (&table->columns[i], &record->values[i], error))
      return FALSE;

  for (guint i = 0; i < table->n_columns; i++)
    if (!validate_column (db, record, &table->columns[i], &record->values[i],
                          check_references, error))
      return FALSE;

  if (!validate_member_active (db, record, error))
    return FALSE;

  if (table->validate != NULL && !table->validate (db, record, error))
    return FALSE;

  return TRUE;
}

/**
 * antt_records_validate:
 *
 * Checks @record as a write would, without writing. A form calls it to show
 * a message before the user presses Save.
 */
gboolean
antt_records_validate (AnttDatabase      *db,
                       const AnttRecord  *record,
                       GError           **error)
{
  g_autoptr(AnttRecord) copy = NULL;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  copy = antt_record_copy (record);
  return validate_internal (db, copy, TRUE, error);
}

/* Audit ------------------------------------------------------------------- */

static gboolean
write_audit (AnttDatabase      *db,
             const char        *table,
             gint64             row_id,
             const char        *action,
             const AnttRecord  *old_record,
             const AnttRecord  *new_record,
             GError           **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  const char *at = antt_database_get_timestamp (db);
  g_autofree char *old_json = old_record ? antt_record_to_json (old_record) : NULL;
  g_autofree char *new_json = new_record ? antt_record_to_json (new_record) : NULL;

  stmt = antt_database_prepare (db,
                                "INSERT INTO audit_log (at, who, table_name, row_id, action,"
                                " old_values, new_values) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, antt_database_get_user (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, row_id);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, old_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, new_json, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      antt_database_set_error (db, error, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Writes ------------------------------------------------------------------ */

/* Turns a constraint the schema caught (a second program, say) into the
 * message a user can act on. */
static void
set_write_error (AnttDatabase     *db,
                 const AnttRecord *record,
                 GError          **error)
{
  int rc = sqlite3_extended_errcode (antt_database_get_handle (db));

  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    antt_record_set_field_error (error, NULL, ANTT_RECORD_ERROR_DUPLICATE,
                                 _("This %s is already recorded (%s)."),
                                 g_dgettext (GETTEXT_PACKAGE, record->table->label),
                                 sqlite3_errmsg (antt_database_get_handle (db)));
  else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      const AnttTable *table = record->table;
      GError *local_error = NULL;

      /* Which reference is missing: the checks that writes skip. */
      for (guint i = 0; i < table->n_columns && local_error == NULL; i++)
        if (table->columns[i].kind == ANTT_COLUMN_REFERENCE)
          validate_column (db, record, &table->columns[i], &record->values[i], TRUE,
                           &local_error);

      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        antt_record_set_field_error (error, NULL, ANTT_RECORD_ERROR_MISSING_REFERENCE,
                                     _("This %s refers to a record that no longer exists."),
                                     g_dgettext (GETTEXT_PACKAGE, record->table->label));
    }
  else if (rc == SQLITE_CONSTRAINT_CHECK || rc == SQLITE_CONSTRAINT_NOTNULL)
    antt_record_set_field_error (error, NULL, ANTT_RECORD_ERROR_INVALID,
                                 _("This %s breaks a rule of the records (%s)."),
                                 g_dgettext (GETTEXT_PACKAGE, record->table->label),
                                 sqlite3_errmsg (antt_database_get_handle (db)));
  else
    antt_database_set_error (db, error, NULL);
}

static void
fill_folds (AnttRecord  *record,
            char       **folds)
{
  const AnttTable *table = record->table;

  for (guint i = 0; i < table->n_columns; i++)
    {
      const AnttColumn *column = &table->columns[i];
      const Value *v = &record->values[i];

      if (column->flags & ANTT_COLUMN_FLAGS_FOLDED)
        folds[i] = antt_text_fold (v->state == VALUE_TEXT ? v->s : "");
    }
}

static gint64
insert_row (AnttDatabase  *db,
            AnttRecord    *record,
            GError       **error)
{
  const AnttTable *table = record->table;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autofree char **folds = g_new0 (char *, table->n_columns);
  g_autoptr(AnttStatement) stmt = NULL;
  int n = 0;

  g_string_append_printf (sql, "INSERT INTO %s (", table->name);
  if (record->id > 0)
    {
      g_string_append (sql, "id");
      g_string_append_printf (params, "?%d", ++n);
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      const AnttColumn *column = &table->columns[i];

      if (record->values[i].state == VALUE_UNSET)
        continue;
      g_string_append_printf (sql, "%s%s", n > 0 ? ", " : "", column->name);
      g_string_append_printf (params, "%s?%d", n > 0 ? ", " : "", n + 1);
      n++;
      if (column->flags & ANTT_COLUMN_FLAGS_FOLDED)
        {
          g_string_append_printf (sql, ", %s", column->fold_column);
          g_string_append_printf (params, ", ?%d", ++n);
        }
    }
  if (n == 0)
    g_string_append_printf (sql, ") DEFAULT VALUES");
  else
    g_string_append_printf (sql, ") VALUES (%s)", params->str);

  stmt = antt_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return 0;

  fill_folds (record, folds);
  n = 0;
  if (record->id > 0)
    sqlite3_bind_int64 (stmt, ++n, record->id);
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (record->values[i].state == VALUE_UNSET)
        continue;
      bind_value (stmt, ++n, &record->values[i]);
      if (folds[i] != NULL)
        sqlite3_bind_text (stmt, ++n, folds[i], -1, g_free);
    }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (db, record, error);
      return 0;
    }

  return sqlite3_last_insert_rowid (antt_database_get_handle (db));
}

/**
 * antt_records_insert:
 * @record: the new record; its text is brought to the stored form, and its id
 *   set. A record with an id already set is inserted with that id (Undo).
 *
 * Returns: the id of the new row, or 0 with @error set.
 */
gint64
antt_records_insert (AnttDatabase  *db,
                     AnttRecord    *record,
                     GError       **error)
{
  gint64 id;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), 0);
  g_return_val_if_fail (record != NULL, 0);

  if (!antt_database_begin_immediate (db, error))
    return 0;

  if (!validate_internal (db, record, FALSE, error) ||
      (id = insert_row (db, record, error)) == 0 ||
      !write_audit (db, record->table->name, id, "insert", NULL, record, error))
    {
      antt_database_rollback (db);
      return 0;
    }

  if (!antt_database_commit (db, error))
    {
      antt_database_rollback (db);
      return 0;
    }

  record->id = id;
  antt_database_emit_changed (db, record->table->name);
  return id;
}

static gboolean
update_row (AnttDatabase      *db,
            const AnttRecord  *old_record,
            AnttRecord        *record,
            GError           **error)
{
  const AnttTable *table = record->table;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char **folds = g_new0 (char *, table->n_columns);
  g_autoptr(AnttStatement) stmt = NULL;
  int n = 1;

  g_string_append_printf (sql, "UPDATE %s SET ", table->name);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const AnttColumn *column = &table->columns[i];

      g_string_append_printf (sql, "%s%s = ?%d", i > 0 ? ", " : "", column->name, ++n);
      if (column->flags & ANTT_COLUMN_FLAGS_FOLDED)
        g_string_append_printf (sql, ", %s = ?%d", column->fold_column, ++n);
    }
  g_string_append (sql, " WHERE id = ?1");

  stmt = antt_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  fill_folds (record, folds);
  n = 1;
  sqlite3_bind_int64 (stmt, 1, record->id);
  for (guint i = 0; i < table->n_columns; i++)
    {
      bind_value (stmt, ++n, &record->values[i]);
      if (folds[i] != NULL)
        sqlite3_bind_text (stmt, ++n, folds[i], -1, g_free);
    }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (db, record, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * antt_records_update:
 * @record: the changed values; columns left unset keep their stored value.
 *   On return it holds the whole row as stored.
 */
gboolean
antt_records_update (AnttDatabase  *db,
                     AnttRecord    *record,
                     GError       **error)
{
  g_autoptr(AnttRecord) old_record = NULL;
  g_autoptr(AnttRecord) merged = NULL;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (record->id > 0, FALSE);

  if (!antt_database_begin_immediate (db, error))
    return FALSE;

  old_record = antt_records_get (db, record->table->name, record->id, error);
  if (old_record == NULL)
    {
      antt_database_rollback (db);
      return FALSE;
    }

  merged = antt_record_copy (old_record);
  for (guint i = 0; i < record->table->n_columns; i++)
    if (record->values[i].state != VALUE_UNSET)
      {
        value_clear (&merged->values[i]);
        value_copy (&record->values[i], &merged->values[i]);
      }

  if (!validate_internal (db, merged, FALSE, error) ||
      !update_row (db, old_record, merged, error) ||
      !write_audit (db, record->table->name, record->id, "update", old_record, merged, error) ||
      !antt_database_commit (db, error))
    {
      antt_database_rollback (db);
      return FALSE;
    }

  for (guint i = 0; i < record->table->n_columns; i++)
    {
      value_clear (&record->values[i]);
      value_copy (&merged->values[i], &record->values[i]);
    }
  antt_database_emit_changed (db, record->table->name);
  return TRUE;
}

/* Link rows (participants, attendance) go with their parent; each leaves its
 * own audit row so that the log, and an Undo, know what went with it. */
static gboolean
audit_cascaded_children (AnttDatabase     *db,
                         const AnttTable  *parent,
                         gint64            parent_id,
                         GError          **error)
{
  const AnttTable *const *tables;
  guint n_tables;

  tables = antt_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      const AnttTable *child = tables[i];
      const AnttColumn *column;
      g_autoptr(AnttFilter) filter = NULL;
      g_autoptr(GPtrArray) rows = NULL;

      if (child->parent_column == NULL)
        continue;
      column = antt_table_get_column (child, child->parent_column);
      if (g_strcmp0 (column->references, parent->name) != 0)
        continue;

      filter = antt_filter_new ();
      antt_filter_add_equals (filter, child->parent_column, parent_id);
      rows = antt_records_list (db, child->name, filter, error);
      if (rows == NULL)
        return FALSE;

      for (guint j = 0; j < rows->len; j++)
        {
          AnttRecord *row = g_ptr_array_index (rows, j);

          if (!write_audit (db, child->name, row->id, "delete", row, NULL, error))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
antt_records_delete (AnttDatabase  *db,
                     const char    *table,
                     gint64         id,
                     GError       **error)
{
  g_autoptr(AnttRecord) old_record = NULL;
  g_autoptr(AnttStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  const AnttTable *t;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  t = antt_table_lookup (table);
  g_return_val_if_fail (t != NULL, FALSE);

  if (!antt_database_begin_immediate (db, error))
    return FALSE;

  old_record = antt_records_get (db, table, id, error);
  if (old_record == NULL)
    {
      antt_database_rollback (db);
      return FALSE;
    }

  if (!audit_cascaded_children (db, t, id, error))
    {
      antt_database_rollback (db);
      return FALSE;
    }

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  stmt = antt_database_prepare (db, sql, error);
  if (stmt == NULL)
    {
      antt_database_rollback (db);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      int rc = sqlite3_extended_errcode (antt_database_get_handle (db));

      /* ON DELETE RESTRICT reports itself as a trigger constraint. */
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY || rc == SQLITE_CONSTRAINT_TRIGGER)
        antt_record_set_field_error (error, NULL, ANTT_RECORD_ERROR_IN_USE,
                                     _("This %s cannot be deleted: other records refer to it. "
                                       "Delete or change those records first."),
                                     g_dgettext (GETTEXT_PACKAGE, t->label));
      else
        antt_database_set_error (db, error, NULL);
      g_clear_pointer (&stmt, antt_statement_reset);
      antt_database_rollback (db);
      return FALSE;
    }
  g_clear_pointer (&stmt, antt_statement_reset);

  if (!write_audit (db, table, id, "delete", old_record, NULL, error) ||
      !antt_database_commit (db, error))
    {
      antt_database_rollback (db);
      return FALSE;
    }

  antt_database_emit_changed (db, table);
  return TRUE;
}

/* Reads ------------------------------------------------------------------- */

AnttRecord *
antt_records_get (AnttDatabase  *db,
                  const char    *table,
                  gint64         id,
                  GError       **error)
{
  const AnttTable *t;
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);
  t = antt_table_lookup (table);
  g_return_val_if_fail (t != NULL, NULL);

  append_column_list (sql, t);
  g_string_append_printf (sql, " FROM %s WHERE id = ?1", table);

  stmt = antt_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return record_from_row (t, stmt);

  if (rc == SQLITE_DONE)
    antt_record_set_field_error (error, NULL, ANTT_RECORD_ERROR_NOT_FOUND,
                                 _("The %s was not found: it may have been deleted meanwhile."),
                                 g_dgettext (GETTEXT_PACKAGE, t->label));
  else
    antt_database_set_error (db, error, NULL);
  return NULL;
}

/* Builds the WHERE clause of a filter; parameters are bound in order. */
static gboolean
append_filter (GString           *sql,
               const AnttTable   *table,
               const AnttFilter  *filter,
               GPtrArray         *binds,
               GError           **error)
{
  const char *glue = " WHERE ";

  if (filter == NULL)
    return TRUE;

  if (filter->search_fold != NULL && *filter->search_fold != '\0')
    {
      g_auto(GStrv) words = g_strsplit (filter->search_fold, " ", -1);

      for (guint w = 0; words[w]; w++)
        {
          gboolean any = FALSE;

          if (*words[w] == '\0')
            continue;
          g_string_append_printf (sql, "%s(", glue);
          for (guint i = 0; i < table->n_columns; i++)
            {
              const AnttColumn *column = &table->columns[i];

              if (!(column->flags & ANTT_COLUMN_FLAGS_FOLDED))
                continue;
              g_string_append_printf (sql, "%sinstr (%s, ?) > 0", any ? " OR " : "",
                                      column->fold_column);
              g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (words[w])));
              any = TRUE;
            }
          if (!any)
            g_string_append (sql, "0");
          g_string_append (sql, ")");
          glue = " AND ";
        }
    }

  if ((filter->from != NULL || filter->to != NULL) && table->date_column != NULL)
    {
      const char *end = table->end_column ? table->end_column : table->date_column;

      if (filter->to != NULL)
        {
          g_string_append_printf (sql, "%s%s <= ?", glue, table->date_column);
          g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (filter->to)));
          glue = " AND ";
        }
      if (filter->from != NULL)
        {
          if (table->end_column != NULL)
            g_string_append_printf (sql, "%s(%s IS NULL OR %s >= ?)", glue, end, end);
          else
            g_string_append_printf (sql, "%s%s >= ?", glue, end);
          g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (filter->from)));
          glue = " AND ";
        }
    }

  for (guint i = 0; i < filter->equals->len; i++)
    {
      const EqualsClause *clause = g_ptr_array_index (filter->equals, i);

      if (antt_table_get_column (table, clause->column) == NULL &&
          g_strcmp0 (clause->column, "id") != 0)
        {
          g_set_error (error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_FAILED,
                       "Table %s has no column %s", table->name, clause->column);
          return FALSE;
        }
      g_string_append_printf (sql, "%s%s = ?", glue, clause->column);
      g_ptr_array_add (binds, g_variant_ref_sink (clause->text ? g_variant_new_string (clause->text)
                                                               : g_variant_new_int64 (clause->value)));
      glue = " AND ";
    }

  return TRUE;
}

static void
bind_filter (sqlite3_stmt *stmt,
             GPtrArray    *binds)
{
  for (guint i = 0; i < binds->len; i++)
    {
      GVariant *bind = g_ptr_array_index (binds, i);

      if (g_variant_is_of_type (bind, G_VARIANT_TYPE_INT64))
        sqlite3_bind_int64 (stmt, (int) i + 1, g_variant_get_int64 (bind));
      else
        sqlite3_bind_text (stmt, (int) i + 1, g_variant_get_string (bind, NULL), -1,
                           SQLITE_TRANSIENT);
    }
}

/* "name COLLATE VI" → "name": lists the core sorts itself. */
static char *
vietnamese_sort_column (const AnttTable *table)
{
  const char *suffix = " COLLATE VI";

  if (table->order_by == NULL || !g_str_has_suffix (table->order_by, suffix) ||
      strchr (table->order_by, ',') != NULL)
    return NULL;
  return g_strndup (table->order_by, strlen (table->order_by) - strlen (suffix));
}

typedef struct
{
  char       *key;
  AnttRecord *record;
} SortItem;

static int
compare_sort_items (gconstpointer a,
                    gconstpointer b)
{
  const SortItem *ia = a;
  const SortItem *ib = b;
  int cmp = strcmp (ia->key, ib->key);

  if (cmp != 0)
    return cmp;
  return (ia->record->id > ib->record->id) - (ia->record->id < ib->record->id);
}

static void
sort_vietnamese (GPtrArray  *rows,
                 const char *column)
{
  g_autofree SortItem *items = g_new (SortItem, rows->len + 1);

  for (guint i = 0; i < rows->len; i++)
    {
      const char *text;

      items[i].record = g_ptr_array_index (rows, i);
      text = antt_record_get_string (items[i].record, column);
      items[i].key = antt_text_collate_key (text ? text : "");
    }

  qsort (items, rows->len, sizeof (SortItem), compare_sort_items);

  for (guint i = 0; i < rows->len; i++)
    {
      rows->pdata[i] = items[i].record;
      g_free (items[i].key);
    }
}

/**
 * antt_records_list:
 * @filter: (nullable): search words (matched without diacritics), a period
 *   on the table's date, equalities, a limit
 *
 * Returns: (transfer full) (element-type AnttRecord): the rows, in the
 *   table's order.
 */
GPtrArray *
antt_records_list (AnttDatabase      *db,
                   const char        *table,
                   const AnttFilter  *filter,
                   GError           **error)
{
  const AnttTable *t;
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) antt_record_unref);
  g_autofree char *sort_column = NULL;
  gboolean limited;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);
  t = antt_table_lookup (table);
  g_return_val_if_fail (t != NULL, NULL);

  append_column_list (sql, t);
  g_string_append_printf (sql, " FROM %s", table);
  if (!append_filter (sql, t, filter, binds, error))
    return NULL;
  /* A whole list in Vietnamese order is sorted here on keys made once a row:
   * SQLite's collation callback would make two keys per comparison. */
  sort_column = vietnamese_sort_column (t);
  limited = filter != NULL && filter->limit > 0;
  if (sort_column != NULL && !limited)
    g_string_append (sql, " ORDER BY id");
  else
    g_string_append_printf (sql, " ORDER BY %s", t->order_by ? t->order_by : "id");
  if (limited)
    g_string_append_printf (sql, " LIMIT %u OFFSET %u", filter->limit, filter->offset);

  /* Searches make many shapes of SQL: prepare these once, not into the cache. */
  if (sqlite3_prepare_v2 (antt_database_get_handle (db), sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      antt_database_set_error (db, error, NULL);
      return NULL;
    }
  bind_filter (stmt, binds);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, record_from_row (t, stmt));

  if (rc != SQLITE_DONE)
    {
      antt_database_set_error (db, error, NULL);
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);

  if (sort_column != NULL && !limited)
    sort_vietnamese (rows, sort_column);

  return g_steal_pointer (&rows);
}

gint64
antt_records_count (AnttDatabase      *db,
                    const char        *table,
                    const AnttFilter  *filter,
                    GError           **error)
{
  const AnttTable *t;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), -1);
  t = antt_table_lookup (table);
  g_return_val_if_fail (t != NULL, -1);

  g_string_append_printf (sql, "SELECT count(*) FROM %s", table);
  if (!append_filter (sql, t, filter, binds, error))
    return -1;

  if (sqlite3_prepare_v2 (antt_database_get_handle (db), sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      antt_database_set_error (db, error, NULL);
      return -1;
    }
  bind_filter (stmt, binds);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    antt_database_set_error (db, error, NULL);
  sqlite3_finalize (stmt);
  return count;
}
