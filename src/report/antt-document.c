/* antt-document.c: blocks laid out into Decree 30 pages with Pango, drawn
 * with Cairo.
 *
 * Layout runs once, the first time the pages are asked for: every block's
 * text becomes a PangoLayout (a "box") at its final width, then the flow
 * places boxes on pages line by line. A page is a list of operations
 * (lines of a box at a position, rules), so that drawing a page, on a PDF
 * surface or a printer's cairo_t, is a short walk that lays nothing out.
 *
 * Layouts come from a context at 72 units per inch with hinting off and
 * unrounded glyph positions: the same text breaks the same way on every
 * surface, and a page drawn for the printer is the page of the PDF.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "antt-document.h"

#define CONTENT_LEFT   ANTT_MARGIN_LEFT
#define CONTENT_RIGHT  (ANTT_PAGE_WIDTH - ANTT_MARGIN_RIGHT)
#define CONTENT_TOP    ANTT_MARGIN_TOP
#define CONTENT_BOTTOM (ANTT_PAGE_HEIGHT - ANTT_MARGIN_BOTTOM)
#define CONTENT_WIDTH  (CONTENT_RIGHT - CONTENT_LEFT)

#define LINE_SPACING      1.15
#define PARAGRAPH_SPACE   6.0   /* after a body paragraph (Decree 30: at least 6 pt) */
#define HEADER_SIZE       13.0  /* agency names and the national title */
#define MOTTO_SIZE        14.0
#define TABLE_SIZE        13.0
#define CELL_PAD_X        3.0
#define CELL_PAD_Y        2.0
#define RULE_WIDTH        0.6
#define TABLE_RULE_WIDTH  0.5
#define SIGNATURE_SPACE   72.0  /* room for the signature and the seal */
#define PAGE_NUMBER_SIZE  13.0
#define PAGE_NUMBER_BASE  ANTT_MM (13)
#define EPSILON           0.01

/* These two lines are the Decree's fixed text, not interface strings: every
 * document carries them in Vietnamese whatever the user's language. */
#define NATIONAL_TITLE "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define NATIONAL_MOTTO "Độc lập - Tự do - Hạnh phúc"

G_DEFINE_QUARK (antt-document-error-quark, antt_document_error)

/* Model ------------------------------------------------------------------- */

typedef enum
{
  BLOCK_PARAGRAPH,
  BLOCK_TITLE,
  BLOCK_ADDRESSEE,
  BLOCK_TABLE,
  BLOCK_CLOSING,
  BLOCK_SPACE,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  char *caption;
  char *position;
  char *title;
  char *note;
  char *name;
} Signature;

typedef struct _Box Box;

typedef struct
{
  char     **cells;   /* n_columns strings; one for a group row */
  gboolean   group;
  Box      **boxes;   /* laid out */
  double     height;
} TableRow;

struct _AnttDocTable
{
  guint      n_columns;
  double    *widths;    /* points, once laid out; relative until then */
  AnttAlign *aligns;
  double     size;
  GPtrArray *header;    /* TableRow */
  GPtrArray *rows;      /* TableRow */
  double     header_height;
};

typedef struct
{
  BlockKind      kind;
  char          *text;
  char          *subtitle;
  AnttParaFlags  flags;
  AnttAlign      align;
  double         size;
  double         space_before;
  double         space_after;
  double         points;
  char         **lines;       /* addressees, recipients */
  Signature     *left;
  Signature     *right;
  AnttDocTable  *table;

  /* laid out */
  Box           *box;
  Box           *box2;        /* title: the subtitle; closing: left signature's name */
  Box           *box3;        /* closing: the right signature */
  Box           *box4;        /* closing: the right signature's name */
  double         rule_width;  /* title: the rule under the subtitle */
  double         column;      /* closing: x of the right column */
} Block;

struct _Box
{
  PangoLayout      *layout;
  PangoLayoutLine **lines;
  guint             n_lines;
  double           *top;
  double           *bottom;
  double           *baseline;
  double           *x;
  double            width;    /* the widest line */
  double            height;
};

typedef enum
{
  OP_TEXT,
  OP_RULE,
} OpKind;

typedef struct
{
  OpKind  kind;
  Box    *box;
  guint   first;
  guint   last;     /* exclusive */
  double  x;
  double  y;        /* OP_TEXT: where the top of line `first` goes */
  double  x2;
  double  y2;
  double  width;
} Op;

struct _AnttDocument
{
  char          *title;
  char          *author;
  char          *subject;
  AnttDocHeader  header;
  gboolean       has_header;
  GPtrArray     *blocks;   /* Block */

  /* laid out */
  PangoFontMap  *fontmap;  /* kept: the layouts outlive a worker thread's default */
  PangoContext  *context;
  GPtrArray     *boxes;    /* Box, owned */
  GHashTable    *shared_boxes;  /* style and text → Box of boxes */
  PangoFontDescription *fonts[2][2];  /* [bold][italic], at 1 pt */
  GPtrArray     *pages;    /* GArray of Op */
  Box           *header_boxes[6];
  double         header_rules[2][3];  /* x1, x2, y of the two rules */
};

static void
box_free (Box *box)
{
  g_clear_object (&box->layout);
  g_free (box->lines);
  g_free (box->top);
  g_free (box->bottom);
  g_free (box->baseline);
  g_free (box->x);
  g_free (box);
}

static void
signature_free (Signature *sig)
{
  if (sig == NULL)
    return;
  g_free (sig->caption);
  g_free (sig->position);
  g_free (sig->title);
  g_free (sig->note);
  g_free (sig->name);
  g_free (sig);
}

static Signature *
signature_copy (const AnttSignature *sig)
{
  Signature *copy;

  if (sig == NULL)
    return NULL;
  copy = g_new0 (Signature, 1);
  copy->caption = g_strdup (sig->caption);
  copy->position = g_strdup (sig->position);
  copy->title = g_strdup (sig->title);
  copy->note = g_strdup (sig->note);
  copy->name = g_strdup (sig->name);
  return copy;
}

static void
table_row_free (TableRow *row)
{
  g_strfreev (row->cells);
  g_free (row->boxes);   /* the boxes belong to the document */
  g_free (row);
}

static void
doc_table_free (AnttDocTable *table)
{
  if (table == NULL)
    return;
  g_free (table->widths);
  g_free (table->aligns);
  g_ptr_array_unref (table->header);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
block_free (Block *block)
{
  g_free (block->text);
  g_free (block->subtitle);
  g_strfreev (block->lines);
  signature_free (block->left);
  signature_free (block->right);
  doc_table_free (block->table);
  g_free (block);
}

static void
clear_layout (AnttDocument *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->shared_boxes, g_hash_table_unref);
  g_clear_pointer (&self->boxes, g_ptr_array_unref);
  for (guint b = 0; b < 2; b++)
    for (guint i = 0; i < 2; i++)
      g_clear_pointer (&self->fonts[b][i], pango_font_description_free);
  g_clear_object (&self->context);
  g_clear_object (&self->fontmap);
  memset (self->header_boxes, 0, sizeof self->header_boxes);
}

/**
 * antt_document_new:
 * @title: the title in the PDF's metadata ("Báo cáo sơ kết …")
 */
AnttDocument *
antt_document_new (const char *title)
{
  AnttDocument *self = g_new0 (AnttDocument, 1);

  self->title = g_strdup (title ? title : "");
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  return self;
}

void
antt_document_free (AnttDocument *self)
{
  if (self == NULL)
    return;
  clear_layout (self);
  g_ptr_array_unref (self->blocks);
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free ((char *) self->header.parent_agency);
  g_free ((char *) self->header.agency_name);
  g_free ((char *) self->header.number);
  g_free ((char *) self->header.place);
  g_free ((char *) self->header.date_iso);
  g_free (self);
}

void
antt_document_set_author (AnttDocument *self,
                          const char   *author)
{
  g_return_if_fail (self != NULL);
  g_free (self->author);
  self->author = g_strdup (author);
}

void
antt_document_set_subject (AnttDocument *self,
                           const char   *subject)
{
  g_return_if_fail (self != NULL);
  g_free (self->subject);
  self->subject = g_strdup (subject);
}

const char *
antt_document_get_title (AnttDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

const char *
antt_document_get_author (AnttDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->author;
}

/**
 * antt_document_get_date:
 *
 * Returns: (nullable): the date of the header ("2025-02-05"), %NULL
 *   without one
 */
const char *
antt_document_get_date (AnttDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->header.date_iso;
}

static Block *
add_block (AnttDocument *self,
           BlockKind     kind)
{
  Block *block = g_new0 (Block, 1);

  g_return_val_if_fail (self->pages == NULL, block);  /* no change once laid out */
  block->kind = kind;
  block->size = ANTT_BODY_SIZE;
  g_ptr_array_add (self->blocks, block);
  return block;
}

void
antt_document_set_header (AnttDocument        *self,
                          const AnttDocHeader *header)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (header != NULL);

  g_free ((char *) self->header.parent_agency);
  g_free ((char *) self->header.agency_name);
  g_free ((char *) self->header.number);
  g_free ((char *) self->header.place);
  g_free ((char *) self->header.date_iso);
  self->header.parent_agency = g_strdup (header->parent_agency);
  self->header.agency_name = g_strdup (header->agency_name);
  self->header.number = g_strdup (header->number);
  self->header.place = g_strdup (header->place);
  self->header.date_iso = g_strdup (header->date_iso);
  self->has_header = TRUE;
}

/**
 * antt_document_add_title:
 * @title: the kind of document, in capitals ("BÁO CÁO")
 * @subtitle: (nullable): what it is about ("Sơ kết Đợt thi đua thứ Nhất …");
 *   lines may be separated by "\n"
 *
 * The title, bold and centred, and under the subtitle a short rule.
 */
void
antt_document_add_title (AnttDocument *self,
                         const char   *title,
                         const char   *subtitle)
{
  Block *block;

  g_return_if_fail (self != NULL);
  g_return_if_fail (title != NULL);

  block = add_block (self, BLOCK_TITLE);
  block->text = g_strdup (title);
  block->subtitle = g_strdup (subtitle);
}

void
antt_document_add_paragraph (AnttDocument  *self,
                             AnttParaFlags  flags,
                             AnttAlign      align,
                             double         size,
                             const char    *text)
{
  Block *block;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  block = add_block (self, BLOCK_PARAGRAPH);
  block->text = g_strdup (text);
  block->flags = flags;
  block->align = align;
  block->size = size > 0 ? size : ANTT_BODY_SIZE;
  block->space_after = PARAGRAPH_SPACE;
}

/**
 * antt_document_add_body:
 * @text: plain text; each line ("\n") is a paragraph of its own
 *
 * Body text: 14 pt, justified, the first line indented.
 */
void
antt_document_add_body (AnttDocument *self,
                        const char   *text)
{
  g_auto(GStrv) paragraphs = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  paragraphs = g_strsplit (text, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (paragraphs[i][0] == '\0')
        continue;
      antt_document_add_paragraph (self, ANTT_PARA_INDENT, ANTT_ALIGN_JUSTIFY,
                                   ANTT_BODY_SIZE, paragraphs[i]);
    }
}

void
antt_document_add_bodyf (AnttDocument *self,
                         const char   *format,
                         ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  antt_document_add_body (self, text);
}

/**
 * antt_document_add_heading:
 * @text: "I. KẾT QUẢ THỰC HIỆN" or "1. Kết quả hoạt động"
 *
 * A bold heading, indented like the body, that never ends a page.
 */
void
antt_document_add_heading (AnttDocument *self,
                           const char   *text)
{
  Block *block;

  g_return_if_fail (self != NULL);
  antt_document_add_paragraph (self, ANTT_PARA_BOLD | ANTT_PARA_INDENT | ANTT_PARA_KEEP_WITH_NEXT,
                               ANTT_ALIGN_JUSTIFY, ANTT_BODY_SIZE, text);
  block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  block->space_before = 3.0;
}

/**
 * antt_document_add_addressee:
 * @addressees: the recipients of a proposal, without "Kính gửi:"
 *
 * "Kính gửi: …": one addressee on one centred line; several as a list.
 */
void
antt_document_add_addressee (AnttDocument      *self,
                             const char *const *addressees)
{
  Block *block;

  g_return_if_fail (self != NULL);
  if (addressees == NULL || addressees[0] == NULL)
    return;

  block = add_block (self, BLOCK_ADDRESSEE);
  block->lines = g_strdupv ((char **) addressees);
  block->space_before = 6.0;
  block->space_after = 12.0;
}

void
antt_document_add_space (AnttDocument *self,
                         double        points)
{
  Block *block;

  g_return_if_fail (self != NULL);
  block = add_block (self, BLOCK_SPACE);
  block->points = points;
}

void
antt_document_add_page_break (AnttDocument *self)
{
  g_return_if_fail (self != NULL);
  add_block (self, BLOCK_PAGE_BREAK);
}

/**
 * antt_document_add_table:
 * @n_columns: how many columns
 * @widths: (array length=n_columns) (nullable): their relative widths;
 *   %NULL for equal columns
 *
 * A table as wide as the text, with borders. Fill it with
 * antt_doc_table_add_header() and antt_doc_table_add_row().
 *
 * Returns: (transfer none): the table, owned by the document
 */
AnttDocTable *
antt_document_add_table (AnttDocument *self,
                         guint         n_columns,
                         const double *widths)
{
  AnttDocTable *table;
  Block *block;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  table = g_new0 (AnttDocTable, 1);
  table->n_columns = n_columns;
  table->widths = g_new (double, n_columns);
  table->aligns = g_new (AnttAlign, n_columns);
  table->size = TABLE_SIZE;
  table->header = g_ptr_array_new_with_free_func ((GDestroyNotify) table_row_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) table_row_free);
  for (guint i = 0; i < n_columns; i++)
    {
      table->widths[i] = widths != NULL && widths[i] > 0 ? widths[i] : 1.0;
      table->aligns[i] = ANTT_ALIGN_LEFT;
    }

  block = add_block (self, BLOCK_TABLE);
  block->table = table;
  block->space_before = 3.0;
  block->space_after = PARAGRAPH_SPACE + 3.0;
  return table;
}

/**
 * antt_document_add_closing:
 * @recipients: (nullable): the "Nơi nhận" list, each item without "- " and
 *   including the last, "Lưu: VT, CAX."; %NULL for none
 * @left: (nullable): a signature in the left column, when there is no list
 *   of recipients (minutes: the secretary)
 * @right: (nullable): the signature on the right
 *
 * The end of the document: "Nơi nhận:" in bold italic 12 pt with its list
 * in 11 pt on the left, the signature on the right, kept on one page.
 */
void
antt_document_add_closing (AnttDocument        *self,
                           const char *const   *recipients,
                           const AnttSignature *left,
                           const AnttSignature *right)
{
  Block *block;

  g_return_if_fail (self != NULL);

  block = add_block (self, BLOCK_CLOSING);
  block->lines = recipients ? g_strdupv ((char **) recipients) : NULL;
  block->left = signature_copy (left);
  block->right = signature_copy (right);
  block->space_before = 12.0;
}

/**
 * antt_document_release_fonts:
 *
 * For a program that is about to exit (the CLI), once every document is
 * freed: drops the thread's font map and the font caches of cairo and
 * fontconfig, so that a memory checker sees nothing left behind. Documents
 * made afterwards load the fonts again.
 */
void
antt_document_release_fonts (void)
{
  /* Only the font map: cairo_debug_reset_static_data() and FcFini() assert
   * when any scaled font is still referenced (seen in a release build), and
   * what they free is still reachable, never lost. */
  pango_cairo_font_map_set_default (NULL);
}

guint
antt_document_get_n_tables (AnttDocument *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->blocks->len; i++)
    n += ((Block *) g_ptr_array_index (self->blocks, i))->kind == BLOCK_TABLE;
  return n;
}

/**
 * antt_document_get_table:
 * @index: from 0, in reading order
 *
 * Returns: (transfer none) (nullable): the table, for a CSV of what is printed
 */
AnttDocTable *
antt_document_get_table (AnttDocument *self,
                         guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      if (block->kind == BLOCK_TABLE && index-- == 0)
        return block->table;
    }
  return NULL;
}

/* Tables ------------------------------------------------------------------ */

void
antt_doc_table_set_font_size (AnttDocTable *table,
                              double        size)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (size > 0);
  table->size = size;
}

void
antt_doc_table_set_align (AnttDocTable *table,
                          guint         column,
                          AnttAlign     align)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);
  table->aligns[column] = align;
}

static TableRow *
table_row_new (AnttDocTable      *table,
               const char *const *cells,
               gboolean           group)
{
  TableRow *row = g_new0 (TableRow, 1);
  guint n = group ? 1 : table->n_columns;
  gboolean ended = FALSE;

  row->group = group;
  row->cells = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      if (cells == NULL || cells[i] == NULL)
        ended = TRUE;
      row->cells[i] = g_strdup (ended ? "" : cells[i]);
    }
  row->boxes = g_new0 (Box *, n);
  return row;
}

/**
 * antt_doc_table_add_header:
 * @cells: (array zero-terminated=1): one text per column
 *
 * A header row, bold and centred, repeated at the top of every page the
 * table spans.
 */
void
antt_doc_table_add_header (AnttDocTable      *table,
                           const char *const *cells)
{
  g_return_if_fail (table != NULL);
  g_ptr_array_add (table->header, table_row_new (table, cells, FALSE));
}

/**
 * antt_doc_table_add_row:
 * @cells: (array zero-terminated=1): one text per column; missing ones are empty
 */
void
antt_doc_table_add_row (AnttDocTable      *table,
                        const char *const *cells)
{
  g_return_if_fail (table != NULL);
  g_ptr_array_add (table->rows, table_row_new (table, cells, FALSE));
}

/**
 * antt_doc_table_add_group:
 * @text: "I. TẬP THỂ"
 *
 * A row across all the columns, in bold, that starts a group of rows.
 */
void
antt_doc_table_add_group (AnttDocTable *table,
                          const char   *text)
{
  const char *cells[] = { text, NULL };

  g_return_if_fail (table != NULL);
  g_ptr_array_add (table->rows, table_row_new (table, cells, TRUE));
}

guint
antt_doc_table_get_n_columns (AnttDocTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_columns;
}

guint
antt_doc_table_get_n_rows (AnttDocTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

guint
antt_doc_table_get_n_header_rows (AnttDocTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->header->len;
}

gboolean
antt_doc_table_row_is_group (AnttDocTable *table,
                             guint         row)
{
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (row < table->rows->len, FALSE);
  return ((TableRow *) g_ptr_array_index (table->rows, row))->group;
}

/* A group row has its text in column 0 and "" elsewhere. */
const char *
antt_doc_table_get_cell (AnttDocTable *table,
                         guint         row,
                         guint         column)
{
  TableRow *r;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  r = g_ptr_array_index (table->rows, row);
  if (r->group)
    return column == 0 ? r->cells[0] : "";
  return r->cells[column];
}

const char *
antt_doc_table_get_header_cell (AnttDocTable *table,
                                guint         row,
                                guint         column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->header->len, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);
  return ((TableRow *) g_ptr_array_index (table->header, row))->cells[column];
}

/* Boxes ------------------------------------------------------------------- */

static PangoContext *
create_context (PangoFontMap *fontmap)
{
  PangoContext *context;
  cairo_font_options_t *options;

  context = pango_font_map_create_context (fontmap);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("vi"));

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

typedef struct
{
  double    size;
  gboolean  bold;
  gboolean  italic;
  gboolean  markup;
  AnttAlign align;
  double    width;
  double    indent;
  double    spacing;   /* line spacing factor, 0 for the font's own */
} BoxStyle;

static Box *
box_layout (AnttDocument   *self,
            const char     *text,
            const BoxStyle *style)
{
  Box *box = g_new0 (Box, 1);
  PangoFontDescription *desc;
  PangoLayoutIter *iter;
  PangoRectangle logical;
  GSList *lines;
  guint i = 0;

  box->layout = pango_layout_new (self->context);

  desc = self->fonts[style->bold != 0][style->italic != 0];
  if (desc == NULL)
    {
      desc = pango_font_description_new ();
      pango_font_description_set_family_static (desc, ANTT_FONT_FAMILY);
      pango_font_description_set_weight (desc, style->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      pango_font_description_set_style (desc, style->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
      self->fonts[style->bold != 0][style->italic != 0] = desc;
    }
  pango_font_description_set_size (desc, (int) (style->size * PANGO_SCALE + 0.5));
  pango_layout_set_font_description (box->layout, desc);

  if (style->width > 0)
    {
      pango_layout_set_width (box->layout, (int) (style->width * PANGO_SCALE));
      pango_layout_set_wrap (box->layout, PANGO_WRAP_WORD_CHAR);
    }
  switch (style->align)
    {
    case ANTT_ALIGN_CENTER:
      pango_layout_set_alignment (box->layout, PANGO_ALIGN_CENTER);
      break;
    case ANTT_ALIGN_RIGHT:
      pango_layout_set_alignment (box->layout, PANGO_ALIGN_RIGHT);
      break;
    case ANTT_ALIGN_JUSTIFY:
      pango_layout_set_justify (box->layout, TRUE);
      G_GNUC_FALLTHROUGH;
    case ANTT_ALIGN_LEFT:
    default:
      pango_layout_set_alignment (box->layout, PANGO_ALIGN_LEFT);
      break;
    }
  if (style->indent != 0)
    pango_layout_set_indent (box->layout, (int) (style->indent * PANGO_SCALE));
  if (style->spacing > 0)
    pango_layout_set_line_spacing (box->layout, (float) style->spacing);

  if (style->markup)
    pango_layout_set_markup (box->layout, text, -1);
  else
    pango_layout_set_text (box->layout, text, -1);

  box->n_lines = (guint) pango_layout_get_line_count (box->layout);
  box->lines = g_new (PangoLayoutLine *, box->n_lines);
  box->top = g_new (double, box->n_lines);
  box->bottom = g_new (double, box->n_lines);
  box->baseline = g_new (double, box->n_lines);
  box->x = g_new (double, box->n_lines);

  lines = pango_layout_get_lines_readonly (box->layout);
  iter = pango_layout_get_iter (box->layout);
  do
    {
      g_assert (i < box->n_lines && lines != NULL);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      box->lines[i] = lines->data;
      box->top[i] = (double) logical.y / PANGO_SCALE;
      box->bottom[i] = (double) (logical.y + logical.height) / PANGO_SCALE;
      box->baseline[i] = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      box->x[i] = (double) logical.x / PANGO_SCALE;
      box->width = MAX (box->width, (double) logical.width / PANGO_SCALE);
      lines = lines->next;
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  box->n_lines = i;
  box->height = box->n_lines > 0 ? box->bottom[box->n_lines - 1] - box->top[0] : 0;
  g_ptr_array_add (self->boxes, box);
  return box;
}

/* Short texts repeat in tables ("Đạt", "14/16", "03"): a box is never
 * changed once laid out, so the same text in the same style and width is
 * laid out once and placed as often as it occurs. The key is the style's
 * bytes and the text: no formatting of numbers for each of the thousands
 * of cells of a long table. */
#define SHARED_BOX_MAX_TEXT 48

typedef struct
{
  BoxStyle style;   /* zeroed first, flags as 0 or 1: compared as bytes */
  char     text[];
} SharedKey;

static guint
shared_key_hash (gconstpointer data)
{
  const SharedKey *key = data;
  const guchar *p = (const guchar *) &key->style;
  guint hash = g_str_hash (key->text);

  for (gsize i = 0; i < sizeof key->style; i++)
    hash = hash * 31 + p[i];
  return hash;
}

static gboolean
shared_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const SharedKey *ka = a;
  const SharedKey *kb = b;

  return memcmp (&ka->style, &kb->style, sizeof ka->style) == 0 &&
         strcmp (ka->text, kb->text) == 0;
}

static Box *
box_new (AnttDocument   *self,
         const char     *text,
         const BoxStyle *style)
{
  SharedKey *key;
  gsize length = strlen (text);
  Box *box;

  if (length > SHARED_BOX_MAX_TEXT)
    return box_layout (self, text, style);

  key = g_malloc0 (sizeof (SharedKey) + length + 1);
  key->style.size = style->size;
  key->style.bold = style->bold != 0;
  key->style.italic = style->italic != 0;
  key->style.markup = style->markup != 0;
  key->style.align = style->align;
  key->style.width = style->width;
  key->style.indent = style->indent;
  key->style.spacing = style->spacing;
  memcpy (key->text, text, length + 1);

  box = g_hash_table_lookup (self->shared_boxes, key);
  if (box == NULL)
    {
      box = box_layout (self, text, style);
      g_hash_table_insert (self->shared_boxes, key, box);
    }
  else
    g_free (key);
  return box;
}

static Box *
simple_box (AnttDocument *self,
            const char   *text,
            double        size,
            gboolean      bold,
            gboolean      italic,
            AnttAlign     align,
            double        width)
{
  BoxStyle style = { size, bold, italic, FALSE, align, width, 0, 0 };

  return box_new (self, text, &style);
}

/* The height that lines [first, last) take when placed. */
static double
box_span (const Box *box,
          guint      first,
          guint      last)
{
  g_assert (first < last && last <= box->n_lines);
  return box->bottom[last - 1] - box->top[first];
}

/* How far the next thing goes below lines [first, last): to the next line
 * of the box, or below the last. */
static double
box_advance (const Box *box,
             guint      first,
             guint      last)
{
  if (last < box->n_lines)
    return box->top[last] - box->top[first];
  return box_span (box, first, last);
}

/* Laying out blocks ------------------------------------------------------- */

/**
 * antt_document_format_place_date:
 * @place: (nullable): "Bình Lương"
 * @date_iso: "2025-02-05"
 *
 * The place and date line of Decree 30: "Bình Lương, ngày 05 tháng 02 năm
 * 2025". Days below 10 and the months 1 and 2 take a leading 0, so that no
 * digit can be added in front of them.
 *
 * Returns: (transfer full): the line; @date_iso itself if it is no date
 */
char *
antt_document_format_place_date (const char *place,
                                 const char *date_iso)
{
  int year, month, day;
  char tail;

  g_return_val_if_fail (date_iso != NULL, NULL);

  if (sscanf (date_iso, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 ||
      month < 1 || month > 12 || day < 1 || day > 31)
    return g_strdup (date_iso);
  return g_strdup_printf ("%s%sngày %02d tháng %s%d năm %d",
                          place ? place : "", place && place[0] ? ", " : "",
                          day, month <= 2 ? "0" : "", month, year);
}

static void
prepare_header (AnttDocument *self)
{
  const AnttDocHeader *h = &self->header;
  Box *national, *motto, *parent = NULL, *agency = NULL, *number = NULL, *date = NULL;
  double right_width, left_width, left_x, right_x, y_left, y_right;

  national = simple_box (self, NATIONAL_TITLE, HEADER_SIZE, TRUE, FALSE, ANTT_ALIGN_LEFT, -1);
  motto = simple_box (self, NATIONAL_MOTTO, MOTTO_SIZE, TRUE, FALSE, ANTT_ALIGN_LEFT, -1);

  /* The right column fits the national title; the agency gets the rest. */
  right_width = MAX (national->width, motto->width) + 12.0;
  left_width = CONTENT_WIDTH - right_width;
  left_x = CONTENT_LEFT;
  right_x = CONTENT_LEFT + left_width;

  /* Centred in their columns: re-lay them out at the column's width. */
  national = simple_box (self, NATIONAL_TITLE, HEADER_SIZE, TRUE, FALSE, ANTT_ALIGN_CENTER, right_width);
  motto = simple_box (self, NATIONAL_MOTTO, MOTTO_SIZE, TRUE, FALSE, ANTT_ALIGN_CENTER, right_width);

  if (h->parent_agency != NULL && h->parent_agency[0] != '\0')
    parent = simple_box (self, h->parent_agency, HEADER_SIZE, FALSE, FALSE, ANTT_ALIGN_CENTER, left_width);
  if (h->agency_name != NULL && h->agency_name[0] != '\0')
    agency = simple_box (self, h->agency_name, HEADER_SIZE, TRUE, FALSE, ANTT_ALIGN_CENTER, left_width);
  if (h->number != NULL)
    {
      g_autofree char *text = g_strdup_printf ("Số: %s", h->number);
      number = simple_box (self, text, HEADER_SIZE, FALSE, FALSE, ANTT_ALIGN_CENTER, left_width);
    }
  if (h->date_iso != NULL)
    {
      g_autofree char *text = antt_document_format_place_date (h->place, h->date_iso);

      date = simple_box (self, text, MOTTO_SIZE, FALSE, TRUE, ANTT_ALIGN_CENTER, right_width);
    }

  self->header_boxes[0] = parent;
  self->header_boxes[1] = agency;
  self->header_boxes[2] = number;
  self->header_boxes[3] = national;
  self->header_boxes[4] = motto;
  self->header_boxes[5] = date;

  /* Positions: stored in the boxes' use by flow_header (). */
  y_left = CONTENT_TOP;
  if (parent)
    y_left += parent->height;
  if (agency)
    {
      double w = agency->width * 0.4;
      double cx = left_x + left_width / 2;

      y_left += agency->height + 2.0;
      self->header_rules[0][0] = cx - w / 2;
      self->header_rules[0][1] = cx + w / 2;
      self->header_rules[0][2] = y_left;
    }
  y_right = CONTENT_TOP + national->height + motto->height + 1.5;
  (void) y_left;
  {
    PangoRectangle ink, logical;
    double cx = right_x + right_width / 2;

    pango_layout_line_get_extents (motto->lines[0], &ink, &logical);
    self->header_rules[1][0] = cx - (double) logical.width / PANGO_SCALE / 2;
    self->header_rules[1][1] = cx + (double) logical.width / PANGO_SCALE / 2;
    self->header_rules[1][2] = y_right;
  }
}

static void
prepare_block (AnttDocument *self,
               Block        *block)
{
  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
      {
        BoxStyle style = { block->size, block->flags & ANTT_PARA_BOLD, block->flags & ANTT_PARA_ITALIC,
                           block->flags & ANTT_PARA_MARKUP, block->align, CONTENT_WIDTH,
                           block->flags & ANTT_PARA_INDENT ? ANTT_FIRST_LINE_INDENT : 0,
                           LINE_SPACING };
        block->box = box_new (self, block->text, &style);
      }
      break;

    case BLOCK_TITLE:
      {
        BoxStyle style = { ANTT_BODY_SIZE, TRUE, FALSE, FALSE, ANTT_ALIGN_CENTER, CONTENT_WIDTH, 0,
                           LINE_SPACING };

        block->box = box_new (self, block->text, &style);
        if (block->subtitle != NULL && block->subtitle[0] != '\0')
          {
            double widest = CONTENT_WIDTH * 0.85;

            /* The subject is narrower than the page, as in the Decree's
             * samples, and its lines balanced: the narrowest width that
             * needs no more lines, rather than a last word alone. */
            style.width = widest;
            block->box2 = box_new (self, block->subtitle, &style);
            if (block->box2->n_lines > 1)
              {
                g_autoptr(PangoLayout) probe = pango_layout_copy (block->box2->layout);
                double best = widest;

                for (double w = widest - 8.0; w > widest * 0.5; w -= 8.0)
                  {
                    pango_layout_set_width (probe, (int) (w * PANGO_SCALE));
                    if ((guint) pango_layout_get_line_count (probe) > block->box2->n_lines)
                      break;
                    best = w;
                  }
                if (best < widest)
                  {
                    style.width = best;
                    block->box2 = box_new (self, block->subtitle, &style);
                  }
              }
            block->column = CONTENT_LEFT + (CONTENT_WIDTH - style.width) / 2;
            block->rule_width = CLAMP (block->box2->width * 0.35, 60.0, 160.0);
          }
        else
          block->rule_width = 0;
      }
      break;

    case BLOCK_ADDRESSEE:
      {
        g_autoptr(GString) text = g_string_new (NULL);
        guint n = g_strv_length (block->lines);

        if (n == 1)
          {
            g_string_append_printf (text, "Kính gửi: %s", block->lines[0]);
            block->box = simple_box (self, text->str, ANTT_BODY_SIZE, FALSE, FALSE,
                                     ANTT_ALIGN_CENTER, CONTENT_WIDTH);
          }
        else
          {
            Box *label = simple_box (self, "Kính gửi: ", ANTT_BODY_SIZE, FALSE, FALSE,
                                     ANTT_ALIGN_LEFT, -1);
            PangoTabArray *tabs = pango_tab_array_new (1, FALSE);
            BoxStyle style = { ANTT_BODY_SIZE, FALSE, FALSE, FALSE, ANTT_ALIGN_LEFT,
                               CONTENT_WIDTH - ANTT_MM (25), -label->width, LINE_SPACING };

            for (guint i = 0; i < n; i++)
              g_string_append_printf (text, "%s- %s%s", i == 0 ? "Kính gửi:\t" : "\n\t",
                                      block->lines[i], i + 1 < n ? ";" : ".");
            block->box = box_layout (self, text->str, &style);  /* changed below: not shared */
            pango_tab_array_set_tab (tabs, 0, PANGO_TAB_LEFT, (int) (label->width * PANGO_SCALE));
            pango_layout_set_tabs (block->box->layout, tabs);
            pango_tab_array_free (tabs);
            /* The tabs change the lines: measure again. */
            {
              PangoLayoutIter *iter = pango_layout_get_iter (block->box->layout);
              guint i = 0;
              do
                {
                  PangoRectangle logical;

                  pango_layout_iter_get_line_extents (iter, NULL, &logical);
                  block->box->x[i] = (double) logical.x / PANGO_SCALE;
                  i++;
                }
              while (i < block->box->n_lines && pango_layout_iter_next_line (iter));
              pango_layout_iter_free (iter);
            }
            block->column = CONTENT_LEFT + ANTT_MM (25);
          }
      }
      break;

    case BLOCK_TABLE:
      {
        AnttDocTable *t = block->table;
        double sum = 0;

        for (guint i = 0; i < t->n_columns; i++)
          sum += t->widths[i];
        for (guint i = 0; i < t->n_columns; i++)
          t->widths[i] = t->widths[i] / sum * CONTENT_WIDTH;

        t->header_height = 0;
        for (guint pass = 0; pass < 2; pass++)
          {
            GPtrArray *rows = pass == 0 ? t->header : t->rows;

            for (guint r = 0; r < rows->len; r++)
              {
                TableRow *row = g_ptr_array_index (rows, r);
                guint n = row->group ? 1 : t->n_columns;

                row->height = 0;
                for (guint c = 0; c < n; c++)
                  {
                    BoxStyle style = { t->size, pass == 0 || row->group, FALSE, FALSE,
                                       pass == 0 ? ANTT_ALIGN_CENTER
                                       : row->group ? ANTT_ALIGN_LEFT : t->aligns[c],
                                       (row->group ? CONTENT_WIDTH : t->widths[c]) - 2 * CELL_PAD_X,
                                       0, 0 };

                    row->boxes[c] = box_new (self, row->cells[c], &style);
                    row->height = MAX (row->height, row->boxes[c]->height);
                  }
                row->height += 2 * CELL_PAD_Y;
                if (pass == 0)
                  t->header_height += row->height;
              }
          }
      }
      break;

    case BLOCK_CLOSING:
      {
        double left_width, right_width;

        if (block->lines != NULL)
          {
            g_autoptr(GString) markup = g_string_new ("<b><i>Nơi nhận:</i></b>");

            g_string_append_printf (markup, "\n<span size=\"%d\">", 11 * PANGO_SCALE);
            for (guint i = 0; block->lines[i] != NULL; i++)
              {
                g_autofree char *item = g_markup_escape_text (block->lines[i], -1);
                g_string_append_printf (markup, "%s- %s", i ? "\n" : "", item);
              }
            g_string_append (markup, "</span>");
            left_width = CONTENT_WIDTH * 0.45;
            {
              BoxStyle style = { 12.0, FALSE, FALSE, TRUE, ANTT_ALIGN_LEFT, left_width, 0, 0 };
              block->box = box_new (self, markup->str, &style);
            }
          }
        else
          left_width = CONTENT_WIDTH * 0.5;
        right_width = CONTENT_WIDTH - left_width;
        block->column = CONTENT_LEFT + left_width;

        for (guint side = 0; side < 2; side++)
          {
            Signature *sig = side == 0 ? block->left : block->right;
            g_autoptr(GString) markup = g_string_new (NULL);
            double width = side == 0 ? left_width : right_width;
            const char *fields[] = { sig ? sig->caption : NULL, sig ? sig->position : NULL,
                                     sig ? sig->title : NULL };
            BoxStyle style = { ANTT_BODY_SIZE, FALSE, FALSE, TRUE, ANTT_ALIGN_CENTER, width, 0, 0 };
            Box *upper, *name = NULL;

            if (sig == NULL || (side == 0 && block->lines != NULL))
              continue;
            for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
              {
                g_autofree char *escaped = NULL;

                if (fields[i] == NULL || fields[i][0] == '\0')
                  continue;
                escaped = g_markup_escape_text (fields[i], -1);
                g_string_append_printf (markup, "%s<b>%s</b>", markup->len ? "\n" : "", escaped);
              }
            if (sig->note != NULL && sig->note[0] != '\0')
              {
                g_autofree char *escaped = g_markup_escape_text (sig->note, -1);
                g_string_append_printf (markup, "%s<i>%s</i>", markup->len ? "\n" : "", escaped);
              }
            upper = box_new (self, markup->len ? markup->str : " ", &style);
            if (sig->name != NULL && sig->name[0] != '\0')
              name = simple_box (self, sig->name, ANTT_BODY_SIZE, TRUE, FALSE, ANTT_ALIGN_CENTER, width);
            if (side == 0)
              {
                block->box = upper;
                block->box2 = name;
              }
            else
              {
                block->box3 = upper;
                block->box4 = name;
              }
          }
      }
      break;

    case BLOCK_SPACE:
    case BLOCK_PAGE_BREAK:
    default:
      break;
    }
}

/* Flow -------------------------------------------------------------------- */

typedef struct
{
  AnttDocument *doc;
  GArray       *page;
  double        y;
} Flow;

static void
flow_new_page (Flow *flow)
{
  flow->page = g_array_new (FALSE, FALSE, sizeof (Op));
  g_ptr_array_add (flow->doc->pages, flow->page);
  flow->y = CONTENT_TOP;
}

static gboolean
flow_at_top (Flow *flow)
{
  return flow->y <= CONTENT_TOP + EPSILON;
}

static double
flow_room (Flow *flow)
{
  return CONTENT_BOTTOM - flow->y;
}

static void
emit_text (Flow   *flow,
           Box    *box,
           guint   first,
           guint   last,
           double  x,
           double  y)
{
  Op op = { OP_TEXT, box, first, last, x, y, 0, 0, 0 };

  if (box == NULL || first >= last)
    return;
  g_array_append_val (flow->page, op);
}

static void
emit_box (Flow   *flow,
          Box    *box,
          double  x,
          double  y)
{
  if (box != NULL)
    emit_text (flow, box, 0, box->n_lines, x, y);
}

static void
emit_rule (Flow   *flow,
           double  x1,
           double  y1,
           double  x2,
           double  y2,
           double  width)
{
  Op op = { OP_RULE, NULL, 0, 0, x1, y1, x2, y2, width };

  g_array_append_val (flow->page, op);
}

/* Places a box's lines from the current position on, breaking to new pages
 * between lines, never leaving a single first or last line alone. */
static void
flow_box (Flow   *flow,
          Box    *box,
          double  x)
{
  guint first = 0;

  while (first < box->n_lines)
    {
      double room = flow_room (flow);
      guint last = first;

      while (last < box->n_lines && box_span (box, first, last + 1) <= room + EPSILON)
        last++;

      if (last < box->n_lines)
        {
          if (first == 0 && last == 1 && box->n_lines > 1)
            last = first;                   /* an orphan: all to the next page */
          else if (box->n_lines - last == 1 && last - first > 2)
            last--;                         /* a widow: take a line with it */
        }

      if (last == first)
        {
          if (!flow_at_top (flow))
            {
              flow_new_page (flow);
              continue;
            }
          last = first + 1;                 /* a line taller than a page */
        }

      emit_text (flow, box, first, last, x, flow->y);
      flow->y += box_advance (box, first, last);
      first = last;
      if (first < box->n_lines)
        flow_new_page (flow);
    }
}

static double
table_row_min_height (AnttDocTable *t,
                      TableRow     *row)
{
  guint n = row->group ? 1 : t->n_columns;
  double h = 0;

  /* The first two lines of each cell. */
  for (guint c = 0; c < n; c++)
    {
      Box *box = row->boxes[c];
      h = MAX (h, box_span (box, 0, MIN (2u, box->n_lines)));
    }
  return h + 2 * CELL_PAD_Y;
}

/* The least of a row that a page must hold for the row to start there: all
 * of it, since rows move whole to the next page, unless it is taller than
 * a page and splits anyway. */
static double
table_row_start_height (AnttDocTable *t,
                        TableRow     *row)
{
  double page_room = CONTENT_BOTTOM - CONTENT_TOP - t->header_height;

  return row->height <= page_room ? row->height : table_row_min_height (t, row);
}

/* The height the next block needs at least on the page where a heading is,
 * so that the heading does not end a page. */
static double
block_min_height (Block *block)
{
  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
      return block->space_before + box_span (block->box, 0, MIN (2u, block->box->n_lines));
    case BLOCK_TABLE:
      {
        AnttDocTable *t = block->table;
        double h = block->space_before + t->header_height;

        if (t->rows->len > 0)
          h += table_row_start_height (t, g_ptr_array_index (t->rows, 0));
        return h;
      }
    case BLOCK_ADDRESSEE:
    case BLOCK_TITLE:
      return block->box->height;
    case BLOCK_CLOSING:
    case BLOCK_SPACE:
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

/* Draws the part of a row between the lines starts[c] and ends[c] of each
 * cell, as a slice of @height, with its borders. */
static void
flow_row_slice (Flow         *flow,
                AnttDocTable *t,
                TableRow     *row,
                const guint  *starts,
                const guint  *ends,
                double        height)
{
  double half = TABLE_RULE_WIDTH / 2;
  double left = CONTENT_LEFT + half;
  double right = CONTENT_RIGHT - half;
  double x = CONTENT_LEFT;
  guint n = row->group ? 1 : t->n_columns;
  double top = flow->y, bottom = flow->y + height;

  for (guint c = 0; c < n; c++)
    {
      double width = row->group ? CONTENT_WIDTH : t->widths[c];

      emit_text (flow, row->boxes[c], starts[c], ends[c], x + CELL_PAD_X, top + CELL_PAD_Y);
      x += width;
    }

  emit_rule (flow, left - half, top, right + half, top, TABLE_RULE_WIDTH);
  emit_rule (flow, left - half, bottom, right + half, bottom, TABLE_RULE_WIDTH);
  emit_rule (flow, left, top, left, bottom, TABLE_RULE_WIDTH);
  emit_rule (flow, right, top, right, bottom, TABLE_RULE_WIDTH);
  if (!row->group)
    {
      x = CONTENT_LEFT;
      for (guint c = 0; c + 1 < t->n_columns; c++)
        {
          x += t->widths[c];
          emit_rule (flow, x, top, x, bottom, TABLE_RULE_WIDTH);
        }
    }
  flow->y = bottom;
}

static void
flow_whole_row (Flow         *flow,
                AnttDocTable *t,
                TableRow     *row)
{
  guint starts[64] = { 0 }, ends[64];
  guint n = row->group ? 1 : t->n_columns;

  g_assert (n <= G_N_ELEMENTS (starts));
  for (guint c = 0; c < n; c++)
    ends[c] = row->boxes[c]->n_lines;
  flow_row_slice (flow, t, row, starts, ends, row->height);
}

static void
flow_table_header (Flow         *flow,
                   AnttDocTable *t)
{
  for (guint r = 0; r < t->header->len; r++)
    flow_whole_row (flow, t, g_ptr_array_index (t->header, r));
}

static void
flow_table (Flow         *flow,
            AnttDocTable *t)
{
  double page_room = CONTENT_BOTTOM - CONTENT_TOP - t->header_height;

  g_assert (t->n_columns <= 64);

  if (t->rows->len > 0 &&
      flow_room (flow) < t->header_height + table_row_start_height (t, g_ptr_array_index (t->rows, 0)) &&
      !flow_at_top (flow))
    flow_new_page (flow);
  flow_table_header (flow, t);

  for (guint r = 0; r < t->rows->len; r++)
    {
      TableRow *row = g_ptr_array_index (t->rows, r);
      guint n = row->group ? 1 : t->n_columns;
      guint starts[64] = { 0 }, ends[64];
      gboolean done = FALSE;

      /* A group row is kept with the row after it. */
      if (row->group && r + 1 < t->rows->len)
        {
          TableRow *next = g_ptr_array_index (t->rows, r + 1);
          double need = row->height + table_row_start_height (t, next);

          if (need > flow_room (flow) + EPSILON && need <= page_room)
            {
              flow_new_page (flow);
              flow_table_header (flow, t);
            }
        }

      if (row->height <= flow_room (flow) + EPSILON)
        {
          flow_whole_row (flow, t, row);
          continue;
        }
      if (row->height <= page_room + EPSILON)
        {
          flow_new_page (flow);
          flow_table_header (flow, t);
          flow_whole_row (flow, t, row);
          continue;
        }

      /* Taller than a page: split between lines, each cell on its own. */
      while (!done)
        {
          double room = flow_room (flow) - 2 * CELL_PAD_Y;
          double height = 0;
          gboolean any = FALSE;

          done = TRUE;
          for (guint c = 0; c < n; c++)
            {
              Box *box = row->boxes[c];

              ends[c] = starts[c];
              while (ends[c] < box->n_lines && box_span (box, starts[c], ends[c] + 1) <= room + EPSILON)
                ends[c]++;
              if (ends[c] > starts[c])
                {
                  any = TRUE;
                  height = MAX (height, box_span (box, starts[c], ends[c]));
                }
              if (ends[c] < box->n_lines)
                done = FALSE;
            }
          if (!any && !done)
            {
              flow_new_page (flow);
              flow_table_header (flow, t);
              continue;
            }
          /* A slice that goes on fills the page, so that the border meets
           * the bottom of the text area. */
          flow_row_slice (flow, t, row, starts, ends,
                          done ? height + 2 * CELL_PAD_Y : flow_room (flow));
          for (guint c = 0; c < n; c++)
            starts[c] = ends[c];
          if (!done)
            {
              flow_new_page (flow);
              flow_table_header (flow, t);
            }
        }
    }
}

static void
flow_header (Flow         *flow,
             AnttDocument *self)
{
  Box **b = self->header_boxes;
  double right_width = (double) pango_layout_get_width (b[3]->layout) / PANGO_SCALE;
  double left_width = CONTENT_WIDTH - right_width;
  double right_x = CONTENT_LEFT + left_width;

  /* No issuing agency (a person's achievement report): centred, as in the
   * forms of the decrees on emulation and commendation. */
  if (b[0] == NULL && b[1] == NULL && b[2] == NULL)
    right_x = CONTENT_LEFT + left_width / 2;
  double y_left = CONTENT_TOP, y_right = CONTENT_TOP, y_line;

  if (b[0])
    {
      emit_box (flow, b[0], CONTENT_LEFT, y_left);
      y_left += b[0]->height;
    }
  if (b[1])
    {
      emit_box (flow, b[1], CONTENT_LEFT, y_left);
      y_left += b[1]->height + 2.0;
      emit_rule (flow, self->header_rules[0][0], y_left, self->header_rules[0][1], y_left, RULE_WIDTH);
    }

  emit_box (flow, b[3], right_x, y_right);
  y_right += b[3]->height;
  emit_box (flow, b[4], right_x, y_right);
  y_right += b[4]->height + 1.5;
  {
    /* As wide as the motto, centred under it. */
    double cx = right_x + right_width / 2;
    double half = (self->header_rules[1][1] - self->header_rules[1][0]) / 2;

    emit_rule (flow, cx - half, y_right, cx + half, y_right, RULE_WIDTH);
  }

  /* The number and the date on one line, under the rules. */
  y_line = MAX (y_left, y_right) + 6.0;
  if (b[2])
    emit_box (flow, b[2], CONTENT_LEFT, y_line);
  if (b[5])
    emit_box (flow, b[5], right_x, y_line);
  flow->y = y_line + MAX (b[2] ? b[2]->height : 0, b[5] ? b[5]->height : 0) + 18.0;
}

static void
flow_block (Flow   *flow,
            Block  *block,
            Block  *next)
{
  switch (block->kind)
    {
    case BLOCK_PAGE_BREAK:
      flow_new_page (flow);
      break;

    case BLOCK_SPACE:
      if (!flow_at_top (flow))
        flow->y = MIN (flow->y + block->points, CONTENT_BOTTOM);
      break;

    case BLOCK_PARAGRAPH:
      if (!flow_at_top (flow))
        flow->y += block->space_before;
      if ((block->flags & ANTT_PARA_KEEP_WITH_NEXT) && next != NULL && !flow_at_top (flow))
        {
          double need = block->box->height + block->space_after + block_min_height (next);

          if (need > flow_room (flow) + EPSILON && need <= CONTENT_BOTTOM - CONTENT_TOP)
            flow_new_page (flow);
        }
      flow_box (flow, block->box, CONTENT_LEFT);
      flow->y += block->space_after;
      break;

    case BLOCK_TITLE:
      {
        double need = block->box->height + (block->box2 ? block->box2->height + 6.0 : 0) + 12.0;

        if (next != NULL)
          need += block_min_height (next);
        if (need > flow_room (flow) + EPSILON && !flow_at_top (flow))
          flow_new_page (flow);
        emit_box (flow, block->box, CONTENT_LEFT, flow->y);
        flow->y += block->box->height;
        if (block->box2)
          {
            double cx = CONTENT_LEFT + CONTENT_WIDTH / 2;

            emit_box (flow, block->box2, block->column, flow->y);
            flow->y += block->box2->height + 4.0;
            emit_rule (flow, cx - block->rule_width / 2, flow->y, cx + block->rule_width / 2,
                       flow->y, RULE_WIDTH);
          }
        flow->y += 14.0;
      }
      break;

    case BLOCK_ADDRESSEE:
      if (!flow_at_top (flow))
        flow->y += block->space_before;
      if (block->box->height > flow_room (flow) && !flow_at_top (flow))
        flow_new_page (flow);
      flow_box (flow, block->box, block->column > 0 ? block->column : CONTENT_LEFT);
      flow->y += block->space_after;
      break;

    case BLOCK_TABLE:
      if (!flow_at_top (flow))
        flow->y += block->space_before;
      flow_table (flow, block->table);
      flow->y += block->space_after;
      break;

    case BLOCK_CLOSING:
      {
        double left_h = 0, right_h = 0, need;
        double right_width = CONTENT_RIGHT - block->column;
        double y;

        double upper = 0;

        /* Two signatures: the names on one line, under the taller block. */
        if (block->box2 != NULL || block->box4 != NULL)
          upper = MAX (block->box2 ? block->box->height : 0, block->box4 ? block->box3->height : 0);
        if (block->box)
          left_h = block->box2 ? upper + SIGNATURE_SPACE + block->box2->height : block->box->height;
        if (block->box3)
          right_h = block->box4 ? upper + SIGNATURE_SPACE + block->box4->height : block->box3->height;
        need = MAX (left_h, right_h);
        if (!flow_at_top (flow))
          flow->y += block->space_before;
        if (need > flow_room (flow) + EPSILON && !flow_at_top (flow))
          flow_new_page (flow);
        y = flow->y;

        /* "Nơi nhận" starts level with the signer's position. */
        if (block->box)
          {
            emit_box (flow, block->box, CONTENT_LEFT, y);
            if (block->box2)
              emit_box (flow, block->box2, CONTENT_LEFT, y + upper + SIGNATURE_SPACE);
          }
        if (block->box3)
          {
            emit_box (flow, block->box3, block->column, y);
            if (block->box4)
              emit_box (flow, block->box4, block->column, y + upper + SIGNATURE_SPACE);
          }
        (void) right_width;
        flow->y = y + need;
      }
      break;

    default:
      break;
    }
}

static int
compare_rules (gconstpointer a,
               gconstpointer b)
{
  const Op *ra = a;
  const Op *rb = b;
  gboolean va = ra->x == ra->x2, vb = rb->x == rb->x2;

  /* Vertical ones by x then top, horizontal ones by y then left. */
  if (va != vb)
    return va ? -1 : 1;
  if (ra->width != rb->width)
    return ra->width < rb->width ? -1 : 1;
  if (va)
    {
      if (ra->x != rb->x)
        return ra->x < rb->x ? -1 : 1;
      return (ra->y > rb->y) - (ra->y < rb->y);
    }
  if (ra->y != rb->y)
    return ra->y < rb->y ? -1 : 1;
  return (ra->x > rb->x) - (ra->x < rb->x);
}

/* A table draws each row's borders: the bottom of a row is the top of the
 * next, and the column rules of the rows continue one another. Joined into
 * one line each (butt caps: the same ink), a page of a long table has a
 * few dozen lines to draw instead of thousands, which the PDF writes,
 * analyses and compresses faster. */
static void
merge_rules (GArray *page)
{
  g_autoptr(GArray) rules = g_array_new (FALSE, FALSE, sizeof (Op));
  guint kept = 0;

  for (guint i = 0; i < page->len; i++)
    {
      Op op = g_array_index (page, Op, i);

      if (op.kind == OP_RULE && (op.x == op.x2 || op.y == op.y2))
        {
          /* From top to bottom, from left to right. */
          if (op.y2 < op.y || op.x2 < op.x)
            {
              double x = op.x, y = op.y;

              op.x = op.x2, op.y = op.y2;
              op.x2 = x, op.y2 = y;
            }
          g_array_append_val (rules, op);
        }
      else
        g_array_index (page, Op, kept++) = op;
    }
  g_array_set_size (page, kept);
  g_array_sort (rules, compare_rules);

  for (guint i = 0; i < rules->len; i++)
    {
      Op op = g_array_index (rules, Op, i);
      gboolean vertical = op.x == op.x2;

      while (i + 1 < rules->len)
        {
          const Op *next = &g_array_index (rules, Op, i + 1);

          if ((next->x == next->x2) != vertical || next->width != op.width)
            break;
          if (vertical && (next->x != op.x || next->y > op.y2 + EPSILON))
            break;
          if (!vertical && (next->y != op.y || next->x > op.x2 + EPSILON))
            break;
          if (vertical)
            op.y2 = MAX (op.y2, next->y2);
          else
            op.x2 = MAX (op.x2, next->x2);
          i++;
        }
      g_array_append_val (page, op);
    }
}

static void
ensure_layout (AnttDocument *self)
{
  Flow flow = { self, NULL, 0 };

  if (self->pages != NULL)
    return;

  /* The thread's own font map (documents may be laid out off the main
   * thread), held for as long as the pages may be drawn. */
  self->fontmap = g_object_ref (pango_cairo_font_map_get_default ());
  self->context = create_context (self->fontmap);
  self->boxes = g_ptr_array_new_with_free_func ((GDestroyNotify) box_free);
  self->shared_boxes = g_hash_table_new_full (shared_key_hash, shared_key_equal, g_free, NULL);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  if (self->has_header)
    prepare_header (self);
  for (guint i = 0; i < self->blocks->len; i++)
    prepare_block (self, g_ptr_array_index (self->blocks, i));

  flow_new_page (&flow);
  if (self->has_header)
    flow_header (&flow, self);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      Block *next = i + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 1) : NULL;

      /* A page break right after a page that just began adds no page. */
      if (block->kind == BLOCK_PAGE_BREAK && flow_at_top (&flow) && flow.page->len == 0)
        continue;
      flow_block (&flow, block, next);
    }

  /* A trailing break leaves an empty page: drop it. */
  if (self->pages->len > 1 &&
      ((GArray *) g_ptr_array_index (self->pages, self->pages->len - 1))->len == 0)
    g_ptr_array_remove_index (self->pages, self->pages->len - 1);
  for (guint i = 0; i < self->pages->len; i++)
    merge_rules (g_ptr_array_index (self->pages, i));
}

/* Output ------------------------------------------------------------------ */

guint
antt_document_get_n_pages (AnttDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  ensure_layout (self);
  return self->pages->len;
}

static void
draw_page_number (AnttDocument *self,
                  cairo_t      *cr,
                  guint         page)
{
  g_autofree char *text = g_strdup_printf ("%u", page + 1);
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_new ();
  PangoRectangle logical;
  int baseline;

  pango_font_description_set_family_static (desc, ANTT_FONT_FAMILY);
  pango_font_description_set_size (desc, (int) (PAGE_NUMBER_SIZE * PANGO_SCALE));
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  baseline = pango_layout_get_baseline (layout);

  cairo_move_to (cr, ANTT_MARGIN_LEFT + CONTENT_WIDTH / 2 - (double) logical.width / PANGO_SCALE / 2,
                 PAGE_NUMBER_BASE - (double) baseline / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

/**
 * antt_document_render_page:
 * @cr: a context in points, its origin at the top left corner of an A4
 *   page (for GtkPrintOperation: use the full page and scale the print
 *   context's cairo_t to points)
 * @page: from 0
 *
 * Draws one page: its text, rules, and from the second page on its number.
 */
void
antt_document_render_page (AnttDocument *self,
                           cairo_t      *cr,
                           guint         page)
{
  GArray *ops;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  ensure_layout (self);
  g_return_if_fail (page < self->pages->len);

  ops = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* The text first, then the rules: uninterrupted text keeps one text
   * object in the PDF, and the rules of a width are one path, stroked
   * once, instead of thousands (a table's borders). */
  for (guint i = 0; i < ops->len; i++)
    {
      const Op *op = &g_array_index (ops, Op, i);

      if (op->kind != OP_TEXT)
        continue;
      for (guint l = op->first; l < op->last; l++)
        {
          const Box *box = op->box;

          cairo_move_to (cr, op->x + box->x[l], op->y + box->baseline[l] - box->top[op->first]);
          pango_cairo_show_layout_line (cr, box->lines[l]);
        }
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      double width = pass == 0 ? TABLE_RULE_WIDTH : RULE_WIDTH;
      gboolean any = FALSE;

      cairo_new_path (cr);
      for (guint i = 0; i < ops->len; i++)
        {
          const Op *op = &g_array_index (ops, Op, i);

          if (op->kind != OP_RULE || (op->width == TABLE_RULE_WIDTH) != (pass == 0))
            continue;
          width = op->width;
          cairo_move_to (cr, op->x, op->y);
          cairo_line_to (cr, op->x2, op->y2);
          any = TRUE;
        }
      if (any)
        {
          cairo_set_line_width (cr, width);
          cairo_stroke (cr);
        }
    }

  if (page > 0)
    draw_page_number (self, cr, page);
  cairo_restore (cr);
}

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *wc = closure;

  if (wc->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (wc->stream, data, length, NULL, NULL, &wc->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/**
 * antt_documents_write_pdf:
 * @documents: (array length=n_documents): documents, each starting on a
 *   new page with its own page numbers (a dossier)
 * @title: (nullable): the file's title; %NULL for the first document's
 * @author: (nullable): the file's author; %NULL for the first document's
 * @path: the PDF to write; replaced only once the whole file is written
 *
 * Writes the documents into one PDF, with a bookmark for each.
 */
gboolean
antt_documents_write_pdf (AnttDocument *const *documents,
                          guint                n_documents,
                          const char          *title,
                          const char          *author,
                          const char          *path,
                          GError             **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  WriteClosure wc = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint page_number = 1;

  g_return_val_if_fail (documents != NULL && n_documents > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  for (guint i = 0; i < n_documents; i++)
    ensure_layout (documents[i]);

  file = g_file_new_for_path (path);
  cancellable = g_cancellable_new ();
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (stream == NULL)
    return FALSE;
  wc.stream = G_OUTPUT_STREAM (stream);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &wc, ANTT_PAGE_WIDTH, ANTT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  title ? title : documents[0]->title);
  if (author != NULL || documents[0]->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    author ? author : documents[0]->author);
  if (documents[0]->subject != NULL && n_documents == 1)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, documents[0]->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Thi đua ANTT");

  cr = cairo_create (surface);
  for (guint i = 0; i < n_documents; i++)
    {
      AnttDocument *doc = documents[i];

      if (n_documents > 1)
        {
          g_autofree char *link = g_strdup_printf ("page=%u", page_number);
          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, doc->title, link, 0);
        }
      for (guint p = 0; p < doc->pages->len; p++)
        {
          antt_document_render_page (doc, cr, p);
          cairo_show_page (cr);
          page_number++;
        }
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (wc.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      /* Cancelled, the replacement is dropped and the old file stays. */
      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      if (wc.error != NULL)
        {
          g_propagate_prefixed_error (error, wc.error, _("Cannot write “%s”: "), path);
          return FALSE;
        }
      g_set_error (error, ANTT_DOCUMENT_ERROR, ANTT_DOCUMENT_ERROR_RENDER,
                   _("Cannot draw the document: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    {
      g_prefix_error (error, _("Cannot write “%s”: "), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
antt_document_write_pdf (AnttDocument  *self,
                         const char    *path,
                         GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return antt_documents_write_pdf (&self, 1, NULL, NULL, path, error);
}
