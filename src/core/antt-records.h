/* antt-records.h: create, read, update, delete and list every kind of record.
 *
 * Each table of the schema is described once (AnttTable, antt-tables.c): its
 * columns, their kinds and labels, and the rules that a record must keep.
 * AnttRecord holds one row's values by column name. Writes validate first and
 * refuse with an ANTT_RECORD_ERROR that names the field at fault, so that a
 * form can show the message beside it; every write leaves an audit row.
 */
#pragma once

#include "antt-database.h"

G_BEGIN_DECLS

#define ANTT_RECORD_ERROR (antt_record_error_quark ())

typedef enum
{
  ANTT_RECORD_ERROR_REQUIRED,
  ANTT_RECORD_ERROR_INVALID,
  ANTT_RECORD_ERROR_INVALID_DATE,
  ANTT_RECORD_ERROR_DATE_ORDER,
  ANTT_RECORD_ERROR_ID_NUMBER,
  ANTT_RECORD_ERROR_PHONE,
  ANTT_RECORD_ERROR_DUPLICATE,
  ANTT_RECORD_ERROR_MISSING_REFERENCE,
  ANTT_RECORD_ERROR_INACTIVE_MEMBER,
  ANTT_RECORD_ERROR_NOT_FOUND,
  ANTT_RECORD_ERROR_IN_USE,
  ANTT_RECORD_ERROR_CHANGED,
} AnttRecordError;

typedef enum
{
  ANTT_COLUMN_TEXT,
  ANTT_COLUMN_INTEGER,
  ANTT_COLUMN_REAL,
  ANTT_COLUMN_BOOLEAN,
  ANTT_COLUMN_DATE,
  ANTT_COLUMN_TIME,
  ANTT_COLUMN_CHOICE,
  ANTT_COLUMN_REFERENCE,
  ANTT_COLUMN_ID_NUMBER,
  ANTT_COLUMN_PHONE,
} AnttColumnKind;

typedef enum
{
  ANTT_COLUMN_FLAGS_NONE      = 0,
  ANTT_COLUMN_FLAGS_REQUIRED  = 1 << 0,
  ANTT_COLUMN_FLAGS_FOLDED    = 1 << 1, /* has a <fold_column> search key */
  ANTT_COLUMN_FLAGS_UNIQUE    = 1 << 2,
  ANTT_COLUMN_FLAGS_SENSITIVE = 1 << 3, /* ID numbers, criminal history */
  ANTT_COLUMN_FLAGS_MULTILINE = 1 << 4,
} AnttColumnFlags;

typedef struct
{
  const char *value;  /* stored */
  const char *label;  /* shown, translatable (N_) */
} AnttChoice;

typedef struct _AnttRecord AnttRecord;
typedef struct _AnttTable  AnttTable;

typedef gboolean (*AnttValidateFunc) (AnttDatabase     *db,
                                      const AnttRecord *record,
                                      GError          **error);

typedef struct
{
  const char       *name;
  const char       *label;        /* translatable (N_) */
  AnttColumnKind    kind;
  AnttColumnFlags   flags;
  const char       *references;   /* REFERENCE: the table */
  const AnttChoice *choices;      /* CHOICE: NULL-terminated */
  const char       *fold_column;  /* FOLDED: the column holding the key */
  gint64            min;          /* INTEGER: range, when min < max */
  gint64            max;
} AnttColumn;

struct _AnttTable
{
  const char       *name;
  const char       *label;        /* translatable (N_), singular */
  const AnttColumn *columns;
  guint             n_columns;
  const char       *date_column;  /* filtered by period; the start for ranges */
  const char       *end_column;   /* ranges (members): the end, may be NULL */
  const char       *order_by;     /* SQL ORDER BY of lists */
  const char       *parent_column;/* link rows: the column of the parent */
  const char       *member_column;/* link rows: a member who must be active */
  AnttValidateFunc  validate;
};

/* Tables */
const AnttTable  *antt_table_lookup            (const char      *name);
const AnttTable *const *antt_tables            (guint           *n_tables);
const AnttColumn *antt_table_get_column        (const AnttTable *table,
                                                const char      *column);
const char       *antt_column_choice_label     (const AnttColumn *column,
                                                const char       *value);

/* Records */
#define ANTT_TYPE_RECORD (antt_record_get_type ())

GType             antt_record_get_type         (void) G_GNUC_CONST;
GQuark            antt_record_error_quark      (void);
const char       *antt_record_error_get_field  (const GError     *error);
AnttRecord       *antt_record_new              (const char       *table);
AnttRecord       *antt_record_copy             (const AnttRecord *record);
AnttRecord       *antt_record_ref              (AnttRecord       *record);
void              antt_record_unref            (AnttRecord       *record);
const AnttTable  *antt_record_get_table        (const AnttRecord *record);
gint64            antt_record_get_id           (const AnttRecord *record);
void              antt_record_set_id           (AnttRecord       *record,
                                                gint64            id);
gboolean          antt_record_has              (const AnttRecord *record,
                                                const char       *column);
gboolean          antt_record_is_null          (const AnttRecord *record,
                                                const char       *column);
const char       *antt_record_get_string       (const AnttRecord *record,
                                                const char       *column);
gint64            antt_record_get_int          (const AnttRecord *record,
                                                const char       *column);
double            antt_record_get_double       (const AnttRecord *record,
                                                const char       *column);
gboolean          antt_record_get_boolean      (const AnttRecord *record,
                                                const char       *column);
void              antt_record_set_string       (AnttRecord       *record,
                                                const char       *column,
                                                const char       *value);
void              antt_record_set_int          (AnttRecord       *record,
                                                const char       *column,
                                                gint64            value);
void              antt_record_set_double       (AnttRecord       *record,
                                                const char       *column,
                                                double            value);
void              antt_record_set_boolean      (AnttRecord       *record,
                                                const char       *column,
                                                gboolean          value);
void              antt_record_set_null         (AnttRecord       *record,
                                                const char       *column);
void              antt_record_unset            (AnttRecord       *record,
                                                const char       *column);
char             *antt_record_to_json          (const AnttRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttRecord, antt_record_unref)

/* Filters for lists */
typedef struct _AnttFilter AnttFilter;

AnttFilter       *antt_filter_new              (void);
void              antt_filter_free             (AnttFilter       *filter);
void              antt_filter_set_search       (AnttFilter       *filter,
                                                const char       *text);
void              antt_filter_set_period       (AnttFilter       *filter,
                                                const char       *from_iso,
                                                const char       *to_iso);
void              antt_filter_add_equals       (AnttFilter       *filter,
                                                const char       *column,
                                                gint64            value);
void              antt_filter_add_equals_text  (AnttFilter       *filter,
                                                const char       *column,
                                                const char       *value);
void              antt_filter_set_limit        (AnttFilter       *filter,
                                                guint             limit,
                                                guint             offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttFilter, antt_filter_free)

/* Reading and writing */
gint64            antt_records_insert          (AnttDatabase     *db,
                                                AnttRecord       *record,
                                                GError          **error);
gboolean          antt_records_update          (AnttDatabase     *db,
                                                AnttRecord       *record,
                                                GError          **error);
gboolean          antt_records_delete          (AnttDatabase     *db,
                                                const char       *table,
                                                gint64            id,
                                                GError          **error);
AnttRecord       *antt_records_get             (AnttDatabase     *db,
                                                const char       *table,
                                                gint64            id,
                                                GError          **error);
GPtrArray        *antt_records_list            (AnttDatabase     *db,
                                                const char       *table,
                                                const AnttFilter *filter,
                                                GError          **error);
gint64            antt_records_count           (AnttDatabase     *db,
                                                const char       *table,
                                                const AnttFilter *filter,
                                                GError          **error);
gboolean          antt_records_validate        (AnttDatabase     *db,
                                                const AnttRecord *record,
                                                GError          **error);
gboolean          antt_member_is_active_on     (AnttDatabase     *db,
                                                gint64            member_id,
                                                const char       *date_iso,
                                                GError          **error);

G_END_DECLS
