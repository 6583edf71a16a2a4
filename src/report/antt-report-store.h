/* antt-report-store.h: what the documents keep in the data file (schema
 * v3): the register of document numbers, the sections of a report that the
 * clerk writes, and the addressees and recipients of each kind of document.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "antt-database.h"

G_BEGIN_DECLS

#define ANTT_REPORT_ERROR (antt_report_error_quark ())

typedef enum
{
  ANTT_REPORT_ERROR_NOT_FOUND,      /* no such review, award, meeting or nomination */
  ANTT_REPORT_ERROR_AMBIGUOUS,      /* say which review or award: there are several */
  ANTT_REPORT_ERROR_NUMBER_TAKEN,   /* a number already in the register */
  ANTT_REPORT_ERROR_INVALID,        /* a bad date, section or number */
  ANTT_REPORT_ERROR_NO_SCHEMA,      /* the data file has no document tables yet */
} AnttReportError;

typedef enum
{
  ANTT_REPORT_SECTION_RESULTS,
  ANTT_REPORT_SECTION_SHORTCOMINGS,
  ANTT_REPORT_SECTION_PROPOSALS,
} AnttReportSection;

/* A number of the register: "05/BC-CAX" of 2025. */
typedef struct
{
  char *type_code;    /* "BC", "TTr", "DS", "BB" */
  int   year;
  int   number;
  char *issued_date;  /* ISO */
} AnttDocNumber;

GQuark      antt_report_error_quark             (void);

void        antt_doc_number_clear               (AnttDocNumber      *number);
char       *antt_doc_number_format              (const AnttDocNumber *number,
                                                 const char         *agency_code);

gboolean    antt_report_store_check             (AnttDatabase       *db,
                                                 GError            **error);

gboolean    antt_document_register_take         (AnttDatabase       *db,
                                                 const char         *doc_key,
                                                 const char         *type_code,
                                                 gint64              phase_id,
                                                 const char         *title,
                                                 const char         *date_iso,
                                                 AnttDocNumber      *number,
                                                 GError            **error);
gboolean    antt_document_register_lookup       (AnttDatabase       *db,
                                                 const char         *doc_key,
                                                 AnttDocNumber      *number,
                                                 GError            **error);
gboolean    antt_document_register_set_number   (AnttDatabase       *db,
                                                 const char         *doc_key,
                                                 int                 number,
                                                 GError            **error);

char       *antt_report_texts_get               (AnttDatabase       *db,
                                                 gint64              phase_id,
                                                 AnttReportSection   section,
                                                 GError            **error);
gboolean    antt_report_texts_set               (AnttDatabase       *db,
                                                 gint64              phase_id,
                                                 AnttReportSection   section,
                                                 const char         *body,
                                                 GError            **error);

gboolean    antt_document_settings_get          (AnttDatabase       *db,
                                                 const char         *doc_kind,
                                                 gint64              award_level_id,
                                                 char             ***addressees,
                                                 char             ***recipients,
                                                 GError            **error);
gboolean    antt_document_settings_set          (AnttDatabase       *db,
                                                 const char         *doc_kind,
                                                 gint64              award_level_id,
                                                 const char *const  *addressees,
                                                 const char *const  *recipients,
                                                 GError            **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnttDocNumber, antt_doc_number_clear)

G_END_DECLS
