/* antt-csv.c: tables and lists as CSV for spreadsheets.
 *
 * A field that a spreadsheet would run as a formula (one that starts with
 * "=", "+", "@", a tab, or "-" not followed by a digit) gets a leading
 * apostrophe: the file leaves the PC and is opened by other people, and a
 * summary that starts with "- " would otherwise show as #NAME?.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "antt-csv.h"
#include "antt-date.h"
#include "antt-report-private.h"
#include "antt-vi-labels.h"

struct _AnttCsvWriter
{
  GOutputStream *stream;
  GString       *line;
  gboolean       started;
};

static int
compare_label (const void *key,
               const void *item)
{
  return strcmp (key, *(const char *const *) item);
}

/**
 * antt_csv_vi_label:
 * @msgid: a translatable label of the code, in English ("Full name")
 *
 * Returns: its Vietnamese translation from vi.po ("Họ và tên"), or @msgid
 *   if it has none
 */
const char *
antt_csv_vi_label (const char *msgid)
{
  const char *const *found;

  if (msgid == NULL)
    return NULL;
  found = bsearch (msgid, antt_vi_labels, G_N_ELEMENTS (antt_vi_labels),
                   sizeof antt_vi_labels[0], compare_label);
  return found != NULL ? found[1] : msgid;
}

static gboolean
looks_like_formula (const char *field)
{
  switch (field[0])
    {
    case '=':
    case '+':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    case '-':
      return !g_ascii_isdigit (field[1]) && field[1] != '\0';
    default:
      return FALSE;
    }
}

/**
 * antt_csv_append_field:
 * @line: the line so far; a comma is added first unless it is empty
 * @field: (nullable): the value; %NULL is an empty field
 *
 * Appends one field, quoted as RFC 4180 asks.
 */
void
antt_csv_append_field (GString    *line,
                       const char *field)
{
  gboolean quote;

  g_return_if_fail (line != NULL);

  if (field == NULL)
    field = "";
  quote = strpbrk (field, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (line, '"');
  if (looks_like_formula (field))
    g_string_append_c (line, '\'');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  if (quote)
    g_string_append_c (line, '"');
}

AnttCsvWriter *
antt_csv_writer_new (GOutputStream *stream)
{
  AnttCsvWriter *writer;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  writer = g_new0 (AnttCsvWriter, 1);
  writer->stream = g_object_ref (stream);
  writer->line = g_string_sized_new (256);
  return writer;
}

void
antt_csv_writer_free (AnttCsvWriter *writer)
{
  if (writer == NULL)
    return;
  g_clear_object (&writer->stream);
  g_string_free (writer->line, TRUE);
  g_free (writer);
}

/**
 * antt_csv_writer_write_row:
 * @fields: (array length=n_fields): the values; %NULL ones are empty
 *
 * Writes one row, ending in CRLF; the first row is preceded by the UTF-8
 * byte order mark.
 */
gboolean
antt_csv_writer_write_row (AnttCsvWriter      *writer,
                           const char *const  *fields,
                           guint               n_fields,
                           GError            **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);

  g_string_truncate (writer->line, 0);
  if (!writer->started)
    {
      g_string_append (writer->line, "\xEF\xBB\xBF");
      writer->started = TRUE;
    }
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (writer->line, ',');
      antt_csv_append_field (writer->line, fields[i]);
    }
  g_string_append (writer->line, "\r\n");
  return g_output_stream_write_all (writer->stream, writer->line->str, writer->line->len,
                                    NULL, NULL, error);
}

/* An empty file still gets its byte order mark. */
gboolean
antt_csv_writer_close (AnttCsvWriter  *writer,
                       GError        **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);

  if (!writer->started)
    {
      writer->started = TRUE;
      if (!g_output_stream_write_all (writer->stream, "\xEF\xBB\xBF", 3, NULL, NULL, error))
        return FALSE;
    }
  return g_output_stream_flush (writer->stream, NULL, error);
}

/* Files ------------------------------------------------------------------- */

typedef struct
{
  GFileOutputStream *file_stream;
  GOutputStream     *buffered;
  GCancellable      *cancellable;
  AnttCsvWriter     *writer;
} CsvFile;

static gboolean
csv_file_open (CsvFile     *file,
               const char  *path,
               GError     **error)
{
  g_autoptr(GFile) gfile = g_file_new_for_path (path);

  memset (file, 0, sizeof *file);
  file->cancellable = g_cancellable_new ();
  file->file_stream = g_file_replace (gfile, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                      file->cancellable, error);
  if (file->file_stream == NULL)
    {
      g_prefix_error (error, _("Cannot write “%s”: "), path);
      g_clear_object (&file->cancellable);
      return FALSE;
    }
  file->buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file->file_stream), 65536);
  file->writer = antt_csv_writer_new (file->buffered);
  return TRUE;
}

/* Commits the file if @ok; otherwise the old file, if any, stays. */
static gboolean
csv_file_close (CsvFile     *file,
                gboolean     ok,
                const char  *path,
                GError     **error)
{
  if (ok && !antt_csv_writer_close (file->writer, error))
    ok = FALSE;
  if (!ok)
    g_cancellable_cancel (file->cancellable);
  if (!g_output_stream_close (file->buffered, NULL, ok ? error : NULL) && ok)
    {
      g_prefix_error (error, _("Cannot write “%s”: "), path);
      ok = FALSE;
    }
  g_clear_pointer (&file->writer, antt_csv_writer_free);
  g_clear_object (&file->buffered);
  g_clear_object (&file->file_stream);
  g_clear_object (&file->cancellable);
  return ok;
}

/**
 * antt_csv_export_doc_table:
 *
 * Writes a document's table (a nominee list, the targets) as it is printed:
 * its header rows, then its rows; a group row ("I. TẬP THỂ") has its text in
 * the first field.
 */
gboolean
antt_csv_export_doc_table (AnttDocTable  *table,
                           const char    *path,
                           GError       **error)
{
  guint n_columns, n_header;
  g_autofree const char **fields = NULL;
  CsvFile file;
  gboolean ok = TRUE;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n_columns = antt_doc_table_get_n_columns (table);
  n_header = antt_doc_table_get_n_header_rows (table);
  fields = g_new0 (const char *, n_columns);
  if (!csv_file_open (&file, path, error))
    return FALSE;

  for (guint r = 0; ok && r < n_header; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        fields[c] = antt_doc_table_get_header_cell (table, r, c);
      ok = antt_csv_writer_write_row (file.writer, fields, n_columns, error);
    }
  for (guint r = 0; ok && r < antt_doc_table_get_n_rows (table); r++)
    {
      for (guint c = 0; c < n_columns; c++)
        fields[c] = antt_doc_table_get_cell (table, r, c);
      ok = antt_csv_writer_write_row (file.writer, fields, n_columns, error);
    }
  return csv_file_close (&file, ok, path, ok ? error : NULL);
}

/* Records ----------------------------------------------------------------- */

/* The column that names a row of @table in another table's export. */
static const char *
name_column (const AnttTable *table)
{
  static const char *const preferred[] = { "full_name", "name", "title", "business_name", "place",
                                           "area", "code", "held_date", "date" };

  for (guint p = 0; p < G_N_ELEMENTS (preferred); p++)
    {
      const AnttColumn *column = antt_table_get_column (table, preferred[p]);

      if (column != NULL && !(column->flags & ANTT_COLUMN_FLAGS_SENSITIVE))
        return column->name;
    }
  return NULL;
}

/* id → name of every row of a referenced table, read once. */
static GHashTable *
load_names (AnttDatabase  *db,
            const char    *table_name,
            GError       **error)
{
  const AnttTable *table = antt_table_lookup (table_name);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  const char *column;
  int rc;

  column = table != NULL ? name_column (table) : NULL;
  if (column == NULL)
    return g_steal_pointer (&names);

  /* Both names come from the static table descriptions, never from input. */
  sql = g_strdup_printf ("SELECT id, %s FROM %s", column, table->name);
  if (sqlite3_prepare_v2 (antt_database_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      antt_database_set_error (db, error, NULL);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      const char *text = antt_report_text (stmt, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      if (g_str_equal (column, "held_date") || g_str_equal (column, "date"))
        g_hash_table_insert (names, id, antt_date_iso_to_display (text));
      else
        g_hash_table_insert (names, id, g_strdup (text));
    }
  if (rc != SQLITE_DONE)
    {
      antt_database_set_error (db, error, NULL);
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&names);
}

static char *
format_real (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text, *dot;

  g_ascii_formatd (buffer, sizeof buffer, "%.6g", value);
  text = g_strdup (buffer);
  dot = strchr (text, '.');
  if (dot != NULL)
    *dot = ',';   /* Vietnamese decimal comma */
  return text;
}

static char *
format_value (const AnttColumn *column,
              AnttRecord       *record,
              GHashTable       *names)
{
  if (antt_record_is_null (record, column->name))
    return g_strdup ("");

  switch (column->kind)
    {
    case ANTT_COLUMN_BOOLEAN:
      return g_strdup (antt_record_get_boolean (record, column->name) ? "Có" : "Không");
    case ANTT_COLUMN_DATE:
      {
        char *shown = antt_date_iso_to_display (antt_record_get_string (record, column->name));
        return shown ? shown : g_strdup (antt_record_get_string (record, column->name));
      }
    case ANTT_COLUMN_CHOICE:
      {
        const char *value = antt_record_get_string (record, column->name);

        for (const AnttChoice *c = column->choices; c != NULL && c->value != NULL; c++)
          if (g_strcmp0 (c->value, value) == 0)
            return g_strdup (antt_csv_vi_label (c->label));
        return g_strdup (value);
      }
    case ANTT_COLUMN_REFERENCE:
      {
        gint64 id = antt_record_get_int (record, column->name);
        const char *name = names != NULL ? g_hash_table_lookup (names, &id) : NULL;

        return name != NULL ? g_strdup (name) : g_strdup_printf ("%" G_GINT64_FORMAT, id);
      }
    case ANTT_COLUMN_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, antt_record_get_int (record, column->name));
    case ANTT_COLUMN_REAL:
      return format_real (antt_record_get_double (record, column->name));
    case ANTT_COLUMN_TEXT:
    case ANTT_COLUMN_TIME:
    case ANTT_COLUMN_ID_NUMBER:
    case ANTT_COLUMN_PHONE:
    default:
      return g_strdup (antt_record_get_string (record, column->name));
    }
}

/**
 * antt_csv_export_table:
 * @table: a table of the schema ("members", "tips"…)
 * @filter: (nullable): which rows, as in the app's lists
 * @flags: %ANTT_CSV_FLAGS_SENSITIVE to include ID numbers and the like
 *
 * Writes the rows of a table as the app lists them: a header of the
 * columns' Vietnamese names ("Mã" first, the row's id), then one row each,
 * references by the name of what they point to.
 */
gboolean
antt_csv_export_table (AnttDatabase      *db,
                       const char        *table_name,
                       const AnttFilter  *filter,
                       AnttCsvFlags       flags,
                       const char        *path,
                       GError           **error)
{
  const AnttTable *table;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GPtrArray) name_maps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) by_table = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **fields = NULL;
  CsvFile file;
  gboolean ok;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (table_name != NULL && path != NULL, FALSE);

  table = antt_table_lookup (table_name);
  if (table == NULL)
    {
      g_set_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_NOT_FOUND,
                   _("There is no table “%s”."), table_name);
      return FALSE;
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      const AnttColumn *column = &table->columns[i];

      if ((column->flags & ANTT_COLUMN_FLAGS_SENSITIVE) && !(flags & ANTT_CSV_FLAGS_SENSITIVE))
        continue;
      g_ptr_array_add (columns, (gpointer) column);
      if (column->kind == ANTT_COLUMN_REFERENCE &&
          !g_hash_table_contains (by_table, column->references))
        {
          GHashTable *names = load_names (db, column->references, error);

          if (names == NULL)
            return FALSE;
          g_ptr_array_add (name_maps, names);
          g_hash_table_insert (by_table, (gpointer) column->references, names);
        }
    }

  rows = antt_records_list (db, table_name, filter, error);
  if (rows == NULL)
    return FALSE;

  fields = g_new0 (const char *, columns->len + 1);
  if (!csv_file_open (&file, path, error))
    return FALSE;

  fields[0] = "Mã";
  for (guint i = 0; i < columns->len; i++)
    fields[i + 1] = antt_csv_vi_label (((const AnttColumn *) g_ptr_array_index (columns, i))->label);
  ok = antt_csv_writer_write_row (file.writer, fields, columns->len + 1, error);

  for (guint r = 0; ok && r < rows->len; r++)
    {
      AnttRecord *record = g_ptr_array_index (rows, r);

      g_ptr_array_set_size (values, 0);
      g_ptr_array_add (values, g_strdup_printf ("%" G_GINT64_FORMAT, antt_record_get_id (record)));
      for (guint i = 0; i < columns->len; i++)
        {
          const AnttColumn *column = g_ptr_array_index (columns, i);
          GHashTable *names = column->kind == ANTT_COLUMN_REFERENCE
                              ? g_hash_table_lookup (by_table, column->references) : NULL;

          g_ptr_array_add (values, format_value (column, record, names));
        }
      ok = antt_csv_writer_write_row (file.writer, (const char *const *) values->pdata,
                                      values->len, error);
    }

  return csv_file_close (&file, ok, path, ok ? error : NULL);
}
