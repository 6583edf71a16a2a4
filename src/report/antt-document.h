/* antt-document.h: an official document in the layout of Decree
 * 30/2020/NĐ-CP (Appendix I), laid out with Pango and drawn with Cairo.
 *
 * A document is a list of blocks (the header of page 1, the title,
 * paragraphs, tables, the closing with "Nơi nhận" and the signatures) that
 * is laid out once, on first use, into A4 portrait pages:
 *
 *   - margins: top 20 mm, bottom 20 mm, left 30 mm, right 15 mm;
 *   - "Times New Roman, Liberation Serif" (Liberation Serif has the metrics
 *     of Times New Roman and every Vietnamese glyph), body 14 pt, justified,
 *     first line indented 1.27 cm, lines at 1.15;
 *   - tables with borders that break across pages, their header rows
 *     repeated on every page, a row that is taller than a page split
 *     between lines;
 *   - page numbers centred at the top from page 2.
 *
 * Units are points (1/72 in), with the origin at the top left corner of
 * the page. antt_document_render_page() draws one page on any cairo_t in
 * those units (a PDF surface, or GtkPrintContext's cairo_t once it is
 * scaled to points); antt_document_write_pdf() writes the whole document
 * through cairo's PDF surface, which embeds the fonts it uses.
 *
 * Text given to the document is plain text unless a function says markup.
 *
 * Threads: a document is used by one thread at a time. Laying it out (the
 * first antt_document_get_n_pages ()) is the slow part and may run in a
 * worker (GTask); the pages may then be drawn in the main thread, for
 * GtkPrintOperation: use_full_page TRUE, unit GTK_UNIT_POINTS, n_pages from
 * antt_document_get_n_pages (), and in draw-page
 * antt_document_render_page (doc, gtk_print_context_get_cairo_context (), n).
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define ANTT_DOCUMENT_ERROR (antt_document_error_quark ())

typedef enum
{
  ANTT_DOCUMENT_ERROR_WRITE,    /* the file could not be written */
  ANTT_DOCUMENT_ERROR_RENDER,   /* cairo refused (out of memory…) */
} AnttDocumentError;

#define ANTT_MM(mm)            ((mm) * 72.0 / 25.4)
#define ANTT_PAGE_WIDTH        595.276
#define ANTT_PAGE_HEIGHT       841.890
#define ANTT_MARGIN_TOP        ANTT_MM (20)
#define ANTT_MARGIN_BOTTOM     ANTT_MM (20)
#define ANTT_MARGIN_LEFT       ANTT_MM (30)
#define ANTT_MARGIN_RIGHT      ANTT_MM (15)
#define ANTT_FONT_FAMILY       "Times New Roman, Liberation Serif"
#define ANTT_BODY_SIZE         14.0
#define ANTT_FIRST_LINE_INDENT ANTT_MM (12.7)

typedef enum
{
  ANTT_ALIGN_LEFT,
  ANTT_ALIGN_CENTER,
  ANTT_ALIGN_RIGHT,
  ANTT_ALIGN_JUSTIFY,
} AnttAlign;

typedef enum
{
  ANTT_PARA_NONE           = 0,
  ANTT_PARA_BOLD           = 1 << 0,
  ANTT_PARA_ITALIC         = 1 << 1,
  ANTT_PARA_INDENT         = 1 << 2, /* the first line by 1.27 cm */
  ANTT_PARA_KEEP_WITH_NEXT = 1 << 3, /* headings: never last on a page */
  ANTT_PARA_MARKUP         = 1 << 4, /* the text is Pango markup */
} AnttParaFlags;

/* The header of page 1: the issuing agency on the left, the national
 * title and the motto on the right, the number under the agency, the place
 * and date under the motto. The strings are copied. */
typedef struct
{
  const char *parent_agency;  /* "BCĐ ANTT XÃ BÌNH LƯƠNG", not bold; may be NULL */
  const char *agency_name;    /* "CÔNG AN XÃ BÌNH LƯƠNG", bold */
  const char *number;         /* "05/BC-CAX", shown as "Số: 05/BC-CAX"; NULL: none */
  const char *place;          /* "Bình Lương" */
  const char *date_iso;       /* "2025-02-05"; NULL: no date line */
} AnttDocHeader;

/* A signature block, centred in its column. Every field may be NULL. */
typedef struct
{
  const char *caption;   /* "TM. BAN CHỈ ĐẠO", bold */
  const char *position;  /* "TRƯỞNG BAN", bold */
  const char *title;     /* "CHỦ TỊCH UBND XÃ", bold */
  const char *note;      /* "(Ký, ghi rõ họ tên)", italic */
  const char *name;      /* "Lê Đức Tuấn", bold, under the space for the signature */
} AnttSignature;

typedef struct _AnttDocument AnttDocument;
typedef struct _AnttDocTable AnttDocTable;

GQuark        antt_document_error_quark     (void);
char         *antt_document_format_place_date (const char        *place,
                                             const char          *date_iso);

AnttDocument *antt_document_new             (const char          *title);
void          antt_document_free            (AnttDocument        *self);
void          antt_document_set_author      (AnttDocument        *self,
                                             const char          *author);
void          antt_document_set_subject     (AnttDocument        *self,
                                             const char          *subject);
const char   *antt_document_get_title       (AnttDocument        *self);
const char   *antt_document_get_author      (AnttDocument        *self);
const char   *antt_document_get_date        (AnttDocument        *self);

/* Blocks, in reading order */
void          antt_document_set_header      (AnttDocument        *self,
                                             const AnttDocHeader *header);
void          antt_document_add_title       (AnttDocument        *self,
                                             const char          *title,
                                             const char          *subtitle);
void          antt_document_add_paragraph   (AnttDocument        *self,
                                             AnttParaFlags        flags,
                                             AnttAlign            align,
                                             double               size,
                                             const char          *text);
void          antt_document_add_body        (AnttDocument        *self,
                                             const char          *text);
void          antt_document_add_bodyf       (AnttDocument        *self,
                                             const char          *format,
                                             ...) G_GNUC_PRINTF (2, 3);
void          antt_document_add_heading     (AnttDocument        *self,
                                             const char          *text);
void          antt_document_add_addressee   (AnttDocument        *self,
                                             const char *const   *addressees);
void          antt_document_add_space       (AnttDocument        *self,
                                             double               points);
void          antt_document_add_page_break  (AnttDocument        *self);
AnttDocTable *antt_document_add_table       (AnttDocument        *self,
                                             guint                n_columns,
                                             const double        *widths);
void          antt_document_add_closing     (AnttDocument        *self,
                                             const char *const   *recipients,
                                             const AnttSignature *left,
                                             const AnttSignature *right);

guint         antt_document_get_n_tables    (AnttDocument        *self);
AnttDocTable *antt_document_get_table       (AnttDocument        *self,
                                             guint                index);

/* Tables: the document owns them. ADD_ROW (table, "1", "Nguyễn Văn Đức")
 * adds a row of literal cells. */
#define ADD_ROW(table, ...) \
  antt_doc_table_add_row ((table), (const char *const[]) { __VA_ARGS__, NULL })

void          antt_doc_table_set_font_size  (AnttDocTable        *table,
                                             double               size);
void          antt_doc_table_set_align      (AnttDocTable        *table,
                                             guint                column,
                                             AnttAlign            align);
void          antt_doc_table_add_header     (AnttDocTable        *table,
                                             const char *const   *cells);
void          antt_doc_table_add_row        (AnttDocTable        *table,
                                             const char *const   *cells);
void          antt_doc_table_add_group      (AnttDocTable        *table,
                                             const char          *text);
guint         antt_doc_table_get_n_columns  (AnttDocTable        *table);
guint         antt_doc_table_get_n_rows     (AnttDocTable        *table);
guint         antt_doc_table_get_n_header_rows (AnttDocTable     *table);
gboolean      antt_doc_table_row_is_group   (AnttDocTable        *table,
                                             guint                row);
const char   *antt_doc_table_get_cell       (AnttDocTable        *table,
                                             guint                row,
                                             guint                column);
const char   *antt_doc_table_get_header_cell (AnttDocTable       *table,
                                             guint                row,
                                             guint                column);

/* Output */
guint         antt_document_get_n_pages     (AnttDocument        *self);
void          antt_document_render_page     (AnttDocument        *self,
                                             cairo_t             *cr,
                                             guint                page);
gboolean      antt_document_write_pdf       (AnttDocument        *self,
                                             const char          *path,
                                             GError             **error);
gboolean      antt_documents_write_pdf      (AnttDocument *const *documents,
                                             guint                n_documents,
                                             const char          *title,
                                             const char          *author,
                                             const char          *path,
                                             GError             **error);
void          antt_document_release_fonts   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttDocument, antt_document_free)

G_END_DECLS
