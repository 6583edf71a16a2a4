/* antt-report-store.c: the register of document numbers, the clerk's
 * sections of the reports, and who receives each kind of document.
 *
 * These are the tables of schema v3 (src/core/schema-v3.sql). Every write
 * runs inside BEGIN IMMEDIATE, unless the caller holds a transaction, and
 * leaves an audit row as the records do.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "antt-date.h"
#include "antt-report-private.h"
#include "antt-report-store.h"

G_DEFINE_QUARK (antt-report-error-quark, antt_report_error)

static const char *const section_names[] = { "results", "shortcomings", "proposals" };

/* SQL helpers ------------------------------------------------------------- */


/* SQLITE_ROW or SQLITE_DONE, or -1 with @error set. */
int
antt_report_step (AnttDatabase  *db,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  antt_database_set_error (db, error, NULL);
  return -1;
}

char *
antt_report_column (sqlite3_stmt *stmt,
                    int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

/* The column's text, or "" for NULL; valid until the next step. */
const char *
antt_report_text (sqlite3_stmt *stmt,
                  int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? (const char *) text : "";
}

static gboolean
exec_done (AnttDatabase  *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  return stmt != NULL && antt_report_step (db, stmt, error) == SQLITE_DONE;
}

static gboolean
write_audit (AnttDatabase  *db,
             const char    *table,
             gint64         row_id,
             const char    *action,
             const char    *old_json,
             const char    *new_json,
             GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  g_autoptr(AnttStatement) stmt = NULL;

  stmt = antt_database_prepare_bind (db, error,
                              "INSERT INTO audit_log (at, who, table_name, row_id, action,"
                              " old_values, new_values) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              "sssisss", at, antt_database_get_user (db), table, row_id, action,
                              old_json, new_json);
  return exec_done (db, stmt, error);
}

static char *
row_json (AnttDatabase  *db,
          const char    *table,
          gint64         row_id,
          GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  const char *sql;

  if (g_str_equal (table, "document_register"))
    sql = "SELECT json_object ('type_code', type_code, 'year', year, 'number', number,"
          " 'issued_date', issued_date, 'doc_key', doc_key, 'phase_id', phase_id, 'title', title)"
          " FROM document_register WHERE id = ?1";
  else if (g_str_equal (table, "report_texts"))
    sql = "SELECT json_object ('phase_id', phase_id, 'section', section, 'body', body,"
          " 'updated_at', updated_at) FROM report_texts WHERE id = ?1";
  else
    sql = "SELECT json_object ('doc_kind', doc_kind, 'award_level_id', award_level_id,"
          " 'addressees', addressees, 'recipients', recipients)"
          " FROM document_settings WHERE id = ?1";

  stmt = antt_database_prepare_bind (db, error, sql, "i", row_id);
  if (stmt == NULL || antt_report_step (db, stmt, error) != SQLITE_ROW)
    return NULL;
  return antt_report_column (stmt, 0);
}

/* NFC, CRLF → LF, trimmed: unlike antt_text_normalize (), which makes one
 * line of a name, the lines and paragraphs of a text are kept. */
static char *
normalize_lines (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_auto(GStrv) lines = g_strsplit (nfc ? nfc : "", "\n", -1);
  g_autofree char *joined = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    g_strchomp (lines[i]);   /* also the \r of CRLF */
  joined = g_strjoinv ("\n", lines);
  return g_strdup (g_strstrip (joined));
}

/* Opens a write transaction unless the caller has one. */
static gboolean
begin_write (AnttDatabase  *db,
             gboolean      *own,
             GError       **error)
{
  *own = !antt_database_in_transaction (db);
  return !*own || antt_database_begin_immediate (db, error);
}

static gboolean
end_write (AnttDatabase  *db,
           gboolean       own,
           gboolean       ok,
           GError       **error)
{
  if (!own)
    return ok;
  if (!ok)
    {
      antt_database_rollback (db);
      return FALSE;
    }
  if (!antt_database_commit (db, error))
    {
      antt_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/**
 * antt_report_store_check:
 *
 * Fails with ANTT_REPORT_ERROR_NO_SCHEMA unless the data file has the
 * tables of the documents (schema v3).
 */
gboolean
antt_report_store_check (AnttDatabase  *db,
                         GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);

  stmt = antt_database_prepare_bind (db, error,
                              "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN"
                              " ('document_register', 'report_texts', 'document_settings')", "");
  if (stmt == NULL || antt_report_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  if (sqlite3_column_int (stmt, 0) != 3)
    {
      g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NO_SCHEMA,
                   _("This data file has no register of documents yet: open it once with "
                     "this version of the application to update it."));
      return FALSE;
    }
  return TRUE;
}

/* Numbers ----------------------------------------------------------------- */

void
antt_doc_number_clear (AnttDocNumber *number)
{
  if (number == NULL)
    return;
  g_clear_pointer (&number->type_code, g_free);
  g_clear_pointer (&number->issued_date, g_free);
  number->year = 0;
  number->number = 0;
}

/**
 * antt_doc_number_format:
 * @agency_code: the issuing agency's code ("CAX")
 *
 * Returns: (transfer full): "05/BC-CAX": numbers below 10 take a 0
 */
char *
antt_doc_number_format (const AnttDocNumber *number,
                        const char          *agency_code)
{
  g_return_val_if_fail (number != NULL, NULL);

  if (agency_code == NULL || agency_code[0] == '\0')
    return g_strdup_printf ("%02d/%s", number->number, number->type_code);
  return g_strdup_printf ("%02d/%s-%s", number->number, number->type_code, agency_code);
}

static int
year_of (const char *iso)
{
  return (int) g_ascii_strtoll (iso, NULL, 10);
}

static int
next_number (AnttDatabase  *db,
             const char    *type_code,
             int            year,
             GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;

  stmt = antt_database_prepare_bind (db, error,
                              "SELECT coalesce (max (number), 0) + 1 FROM document_register"
                              " WHERE type_code = ?1 AND year = ?2",
                              "si", type_code, (gint64) year);
  if (stmt == NULL || antt_report_step (db, stmt, error) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

static int
lookup_row (AnttDatabase   *db,
            const char     *doc_key,
            gint64         *id,
            AnttDocNumber  *number,
            GError        **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  stmt = antt_database_prepare_bind (db, error,
                              "SELECT id, type_code, year, number, issued_date FROM document_register"
                              " WHERE doc_key = ?1", "s", doc_key);
  if (stmt == NULL || (rc = antt_report_step (db, stmt, error)) < 0)
    return -1;
  if (rc == SQLITE_DONE)
    return 0;
  *id = sqlite3_column_int64 (stmt, 0);
  antt_doc_number_clear (number);
  number->type_code = antt_report_column (stmt, 1);
  number->year = sqlite3_column_int (stmt, 2);
  number->number = sqlite3_column_int (stmt, 3);
  number->issued_date = antt_report_column (stmt, 4);
  return 1;
}

static gboolean
take_locked (AnttDatabase   *db,
             const char     *doc_key,
             const char     *type_code,
             gint64          phase_id,
             const char     *title,
             const char     *date_iso,
             const char     *date,
             AnttDocNumber  *number,
             GError        **error)
{
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  gint64 id = 0;
  int found, year = year_of (date);

  found = lookup_row (db, doc_key, &id, number, error);
  if (found < 0)
    return FALSE;

  if (found > 0)
    {
      g_autoptr(AnttStatement) stmt = NULL;
      int n = number->number;

      /* Kept, unless the caller dates it again. */
      if (date_iso == NULL || g_str_equal (number->issued_date, date_iso))
        return TRUE;

      /* Another year is another sequence. */
      if (year != number->year && (n = next_number (db, number->type_code, year, error)) == 0)
        return FALSE;
      if ((old_json = row_json (db, "document_register", id, error)) == NULL)
        return FALSE;
      stmt = antt_database_prepare_bind (db, error,
                                  "UPDATE document_register SET year = ?2, number = ?3,"
                                  " issued_date = ?4 WHERE id = ?1",
                                  "iiis", id, (gint64) year, (gint64) n, date);
      if (!exec_done (db, stmt, error))
        return FALSE;
      if ((new_json = row_json (db, "document_register", id, error)) == NULL ||
          !write_audit (db, "document_register", id, "update", old_json, new_json, error))
        return FALSE;
      number->year = year;
      number->number = n;
      g_free (number->issued_date);
      number->issued_date = g_strdup (date);
      return TRUE;
    }
  else
    {
      g_autoptr(AnttStatement) stmt = NULL;
      int n = next_number (db, type_code, year, error);

      if (n == 0)
        return FALSE;
      stmt = antt_database_prepare_bind (db, error,
                                  "INSERT INTO document_register (type_code, year, number,"
                                  " issued_date, doc_key, phase_id, title)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, nullif (?6, 0), ?7)",
                                  "siissis", type_code, (gint64) year, (gint64) n, date, doc_key,
                                  phase_id, title ? title : "");
      if (!exec_done (db, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (antt_database_get_handle (db));
      if ((new_json = row_json (db, "document_register", id, error)) == NULL ||
          !write_audit (db, "document_register", id, "insert", NULL, new_json, error))
        return FALSE;
      antt_doc_number_clear (number);
      number->type_code = g_strdup (type_code);
      number->year = year;
      number->number = n;
      number->issued_date = g_strdup (date);
      return TRUE;
    }
}

/**
 * antt_document_register_take:
 * @doc_key: names the document ("proposal/phase=2/award=3")
 * @type_code: "BC", "TTr", "DS", "BB"…
 * @phase_id: the review it belongs to, or 0
 * @title: (nullable): what it is, for the register
 * @date_iso: (nullable): the document's date; %NULL keeps the registered
 *   date, or takes today for a new document
 * @number: (out caller-allocates): its number; clear with antt_doc_number_clear()
 *
 * Gives a document its number: the next of its type and year the first
 * time, the same ever after. Dated again in another year, it takes the
 * next number of that year.
 */
gboolean
antt_document_register_take (AnttDatabase   *db,
                             const char     *doc_key,
                             const char     *type_code,
                             gint64          phase_id,
                             const char     *title,
                             const char     *date_iso,
                             AnttDocNumber  *number,
                             GError        **error)
{
  g_autofree char *today = NULL;
  const char *date = date_iso;
  gboolean own, ok;
  GDate check;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (doc_key != NULL && type_code != NULL, FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  memset (number, 0, sizeof *number);
  if (date == NULL)
    date = today = antt_date_today_iso ();
  if (!antt_date_parse_iso (date, &check))
    {
      g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_INVALID,
                   _("“%s” is not a date."), date);
      return FALSE;
    }

  if (!begin_write (db, &own, error))
    return FALSE;
  ok = take_locked (db, doc_key, type_code, phase_id, title, date_iso, date, number, error);
  if (!end_write (db, own, ok, error))
    {
      antt_doc_number_clear (number);
      return FALSE;
    }
  return TRUE;
}

/**
 * antt_document_register_lookup:
 *
 * Returns: %TRUE with @number filled if the document has a number; %FALSE
 *   without @error if it has none yet
 */
gboolean
antt_document_register_lookup (AnttDatabase   *db,
                               const char     *doc_key,
                               AnttDocNumber  *number,
                               GError        **error)
{
  gint64 id;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  memset (number, 0, sizeof *number);
  return lookup_row (db, doc_key, &id, number, error) > 0;
}

/**
 * antt_document_register_set_number:
 *
 * Sets the number of a registered document by hand (the office's paper
 * register gave another), refused if another document of its type and
 * year has it.
 */
gboolean
antt_document_register_set_number (AnttDatabase  *db,
                                   const char    *doc_key,
                                   int            number,
                                   GError       **error)
{
  g_auto(AnttDocNumber) current = { 0 };
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  gint64 id = 0;
  gboolean own, ok = FALSE;
  int found;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);

  if (number < 1)
    {
      g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_INVALID,
                   _("A document number is 1 or more."));
      return FALSE;
    }
  if (!begin_write (db, &own, error))
    return FALSE;

  found = lookup_row (db, doc_key, &id, &current, error);
  if (found == 0)
    g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NOT_FOUND,
                 _("The document has no number yet."));
  if (found > 0 && current.number == number)
    ok = TRUE;
  else if (found > 0)
    {
      g_autoptr(AnttStatement) taken = NULL;

      taken = antt_database_prepare_bind (db, error,
                                   "SELECT count(*) FROM document_register"
                                   " WHERE type_code = ?1 AND year = ?2 AND number = ?3",
                                   "sii", current.type_code, (gint64) current.year, (gint64) number);
      if (taken != NULL && antt_report_step (db, taken, error) == SQLITE_ROW)
        {
          if (sqlite3_column_int (taken, 0) > 0)
            g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_NUMBER_TAKEN,
                         _("Number %02d/%s of %d is already taken by another document."),
                         number, current.type_code, current.year);
          else if ((old_json = row_json (db, "document_register", id, error)) != NULL)
            {
              g_autoptr(AnttStatement) stmt = NULL;

              stmt = antt_database_prepare_bind (db, error,
                                          "UPDATE document_register SET number = ?2 WHERE id = ?1",
                                          "ii", id, (gint64) number);
              ok = exec_done (db, stmt, error) &&
                   (new_json = row_json (db, "document_register", id, error)) != NULL &&
                   write_audit (db, "document_register", id, "update", old_json, new_json, error);
            }
        }
    }
  return end_write (db, own, ok, error);
}

/* The clerk's sections ---------------------------------------------------- */

/**
 * antt_report_texts_get:
 *
 * Returns: (transfer full): the section as last saved for the review's
 *   report, "" if never; %NULL with @error set
 */
char *
antt_report_texts_get (AnttDatabase       *db,
                       gint64              phase_id,
                       AnttReportSection   section,
                       GError            **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (section <= ANTT_REPORT_SECTION_PROPOSALS, NULL);

  stmt = antt_database_prepare_bind (db, error,
                              "SELECT body FROM report_texts WHERE phase_id = ?1 AND section = ?2",
                              "is", phase_id, section_names[section]);
  if (stmt == NULL || (rc = antt_report_step (db, stmt, error)) < 0)
    return NULL;
  return g_strdup (rc == SQLITE_ROW ? antt_report_text (stmt, 0) : "");
}

gboolean
antt_report_texts_set (AnttDatabase       *db,
                       gint64              phase_id,
                       AnttReportSection   section,
                       const char         *body,
                       GError            **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *text = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autoptr(AnttStatement) find = NULL;
  gboolean own, ok = FALSE;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (section <= ANTT_REPORT_SECTION_PROPOSALS, FALSE);

  if (body == NULL || !g_utf8_validate (body, -1, NULL))
    {
      g_set_error (error, ANTT_REPORT_ERROR, ANTT_REPORT_ERROR_INVALID,
                   _("The text is not valid UTF-8."));
      return FALSE;
    }
  text = normalize_lines (body);

  if (!begin_write (db, &own, error))
    return FALSE;

  find = antt_database_prepare_bind (db, error,
                              "SELECT id FROM report_texts WHERE phase_id = ?1 AND section = ?2",
                              "is", phase_id, section_names[section]);
  if (find != NULL && (rc = antt_report_step (db, find, error)) >= 0)
    {
      g_autoptr(AnttStatement) stmt = NULL;

      if (rc == SQLITE_ROW)
        {
          id = sqlite3_column_int64 (find, 0);
          old_json = row_json (db, "report_texts", id, error);
          stmt = antt_database_prepare_bind (db, error,
                                      "UPDATE report_texts SET body = ?2, updated_at = ?3 WHERE id = ?1",
                                      "iss", id, text, at);
          ok = old_json != NULL && exec_done (db, stmt, error);
        }
      else
        {
          stmt = antt_database_prepare_bind (db, error,
                                      "INSERT INTO report_texts (phase_id, section, body, updated_at)"
                                      " VALUES (?1, ?2, ?3, ?4)",
                                      "isss", phase_id, section_names[section], text, at);
          ok = exec_done (db, stmt, error);
          if (ok)
            id = sqlite3_last_insert_rowid (antt_database_get_handle (db));
        }
      ok = ok && (new_json = row_json (db, "report_texts", id, error)) != NULL &&
           write_audit (db, "report_texts", id, old_json ? "update" : "insert",
                        old_json, new_json, error);
    }
  return end_write (db, own, ok, error);
}

/* Addressees and recipients ----------------------------------------------- */

static char **
split_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] != '\0')
        g_ptr_array_add (kept, g_strdup (line));
    }
  if (kept->len == 0)
    return NULL;
  g_ptr_array_add (kept, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&kept), FALSE);
}

/**
 * antt_document_settings_get:
 * @award_level_id: an award level, or 0: the row of that award if there is
 *   one, else the row of the kind
 * @addressees: (out) (transfer full) (nullable): the lines, %NULL when unset
 * @recipients: (out) (transfer full) (nullable): the lines, %NULL when unset
 */
gboolean
antt_document_settings_get (AnttDatabase   *db,
                            const char     *doc_kind,
                            gint64          award_level_id,
                            char         ***addressees,
                            char         ***recipients,
                            GError        **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (doc_kind != NULL, FALSE);

  *addressees = NULL;
  *recipients = NULL;
  stmt = antt_database_prepare_bind (db, error,
                              "SELECT addressees, recipients FROM document_settings"
                              " WHERE doc_kind = ?1 AND ifnull (award_level_id, 0) IN (?2, 0)"
                              " ORDER BY ifnull (award_level_id, 0) DESC LIMIT 1",
                              "si", doc_kind, award_level_id);
  if (stmt == NULL || (rc = antt_report_step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      *addressees = split_lines (antt_report_text (stmt, 0));
      *recipients = split_lines (antt_report_text (stmt, 1));
    }
  return TRUE;
}

gboolean
antt_document_settings_set (AnttDatabase       *db,
                            const char         *doc_kind,
                            gint64              award_level_id,
                            const char *const  *addressees,
                            const char *const  *recipients,
                            GError            **error)
{
  g_autofree char *to = addressees ? g_strjoinv ("\n", (char **) addressees) : g_strdup ("");
  g_autofree char *cc = recipients ? g_strjoinv ("\n", (char **) recipients) : g_strdup ("");
  g_autofree char *to_nfc = normalize_lines (to);
  g_autofree char *cc_nfc = normalize_lines (cc);
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autoptr(AnttStatement) find = NULL;
  gboolean own, ok = FALSE;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (doc_kind != NULL, FALSE);

  if (!begin_write (db, &own, error))
    return FALSE;

  find = antt_database_prepare_bind (db, error,
                              "SELECT id FROM document_settings"
                              " WHERE doc_kind = ?1 AND ifnull (award_level_id, 0) = ?2",
                              "si", doc_kind, award_level_id);
  if (find != NULL && (rc = antt_report_step (db, find, error)) >= 0)
    {
      g_autoptr(AnttStatement) stmt = NULL;

      if (rc == SQLITE_ROW)
        {
          id = sqlite3_column_int64 (find, 0);
          old_json = row_json (db, "document_settings", id, error);
          stmt = antt_database_prepare_bind (db, error,
                                      "UPDATE document_settings SET addressees = ?2, recipients = ?3"
                                      " WHERE id = ?1", "iss", id, to_nfc, cc_nfc);
          ok = old_json != NULL && exec_done (db, stmt, error);
        }
      else
        {
          stmt = antt_database_prepare_bind (db, error,
                                      "INSERT INTO document_settings (doc_kind, award_level_id,"
                                      " addressees, recipients) VALUES (?1, nullif (?2, 0), ?3, ?4)",
                                      "siss", doc_kind, award_level_id, to_nfc, cc_nfc);
          ok = exec_done (db, stmt, error);
          if (ok)
            id = sqlite3_last_insert_rowid (antt_database_get_handle (db));
        }
      ok = ok && (new_json = row_json (db, "document_settings", id, error)) != NULL &&
           write_audit (db, "document_settings", id, old_json ? "update" : "insert",
                        old_json, new_json, error);
    }
  return end_write (db, own, ok, error);
}
