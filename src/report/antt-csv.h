/* antt-csv.h: tables and lists as CSV for spreadsheets.
 *
 * UTF-8 with a byte order mark (so that Excel reads Vietnamese), RFC 4180
 * quoting (a field with a comma, a quote or a line break in quotes, its
 * quotes doubled), CRLF line ends. Values as the clerk reads them: dates
 * dd/mm/yyyy, decimal commas, yes/no, choices, headers and references by
 * their Vietnamese names, whatever the language of the session.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "antt-document.h"
#include "antt-records.h"

G_BEGIN_DECLS

typedef enum
{
  ANTT_CSV_FLAGS_NONE      = 0,
  /* ID numbers, sources of tips, criminal history (Decree 13/2023): left
   * out unless asked for, as the file leaves the PC. */
  ANTT_CSV_FLAGS_SENSITIVE = 1 << 0,
} AnttCsvFlags;

typedef struct _AnttCsvWriter AnttCsvWriter;

AnttCsvWriter *antt_csv_writer_new          (GOutputStream      *stream);
gboolean       antt_csv_writer_write_row    (AnttCsvWriter      *writer,
                                             const char *const  *fields,
                                             guint               n_fields,
                                             GError            **error);
gboolean       antt_csv_writer_close        (AnttCsvWriter      *writer,
                                             GError            **error);
void           antt_csv_writer_free         (AnttCsvWriter      *writer);

void           antt_csv_append_field        (GString            *line,
                                             const char         *field);
const char    *antt_csv_vi_label            (const char         *msgid);

gboolean       antt_csv_export_table        (AnttDatabase       *db,
                                             const char         *table,
                                             const AnttFilter   *filter,
                                             AnttCsvFlags        flags,
                                             const char         *path,
                                             GError            **error);
gboolean       antt_csv_export_doc_table    (AnttDocTable       *table,
                                             const char         *path,
                                             GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttCsvWriter, antt_csv_writer_free)

G_END_DECLS
