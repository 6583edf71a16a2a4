/* antt-record-list.c
 *
 * Loading runs in a worker thread on a connection of its own, opened for
 * the load and closed after it (an SQLite connection is not shared between
 * threads), and builds every cell there: references by their names, computed columns (a team's villages, a
 * member's age and warnings, a patrol's participants) from the link rows.
 * The window only swaps the finished array in, announcing the smallest
 * change, so that an edit does not lose the selection or the scroll.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "antt-app-util.h"
#include "antt-date.h"
#include "antt-display.h"
#include "antt-eligibility.h"
#include "antt-record-list.h"
#include "antt-text.h"

typedef enum
{
  COMPUTED_VILLAGES,
  COMPUTED_MEMBERS,
  COMPUTED_AGE,
  COMPUTED_TRAININGS,
  COMPUTED_WARNINGS,
  COMPUTED_INFORMATION,
  COMPUTED_PARTICIPANTS,
  COMPUTED_PRESENT,
  COMPUTED_ON_TIME,
  COMPUTED_VISITS,
  COMPUTED_NOMINEE,
} ComputedKind;

/* Columns that are not stored: "name :villages" in a page's column list. */
typedef struct
{
  const char   *name;
  ComputedKind  kind;
  const char   *title;
  gboolean      numeric;
  const char   *depends[3];  /* tables whose changes change the cell */
} Computed;

static const Computed computed_columns[] = {
  { ":villages", COMPUTED_VILLAGES, N_("Villages served"), FALSE, { "team_villages", "villages" } },
  { ":members", COMPUTED_MEMBERS, N_("Members"), TRUE, { "members" } },
  { ":age", COMPUTED_AGE, N_("Age"), TRUE, { NULL } },
  { ":trainings", COMPUTED_TRAININGS, N_("Trainings done"), FALSE,
    { "training_attendance", "trainings" } },
  { ":warnings", COMPUTED_WARNINGS, N_("Warnings"), FALSE, { "villages" } },
  { ":information", COMPUTED_INFORMATION, N_("Information provided"), FALSE,
    { "village_population" } },
  { ":participants", COMPUTED_PARTICIPANTS, N_("Taking part"), TRUE,
    { "incident_participants", "callout_members", "patrol_participants" } },
  { ":present", COMPUTED_PRESENT, N_("Present"), TRUE, { "callout_members" } },
  { ":on_time", COMPUTED_ON_TIME, N_("On time"), TRUE,
    { "incident_participants", "callout_members" } },
  { ":visits", COMPUTED_VISITS, N_("Visits"), TRUE, { "reintegration_visits" } },
  { ":nominee", COMPUTED_NOMINEE, N_("Nominee"), FALSE, { "teams", "members" } },
};

typedef struct
{
  char             *name;
  const AnttColumn *column;    /* NULL for a computed one */
  const Computed   *computed;
} ListColumn;

typedef struct
{
  char   *column;
  gint64  id;
} Equals;

struct _AnttRecordList
{
  GObject          parent_instance;

  const AnttTable *table;
  GArray          *columns;      /* ListColumn */
  GArray          *view;         /* guint32: the rows of the snapshot shown, in order */
  GHashTable      *proxies;      /* position → AnttRecordItem (weak): the items made */
  struct _Snapshot *snapshot;    /* the last load */
  int              sort_column;  /* -1: the table's order */
  char            *search;       /* folded words, or NULL */
  gboolean         sort_descending;
  GHashTable      *depends;      /* table names that reload the list */

  AnttDatabase    *database;
  gulong           changed_id;
  GCancellable    *cancellable;
  guint            reload_source;
  gboolean         loading;

  char            *from;
  char            *to;
  GArray          *equals;       /* Equals */
};

static void list_model_iface_init (GListModelInterface *iface);
static void proxy_finalized_cb    (gpointer data, GObject *where_the_object_was);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnttRecordList, antt_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Loading, in the worker ------------------------------------------------- */

typedef struct
{
  char   *path;
  char   *from;
  char   *to;
  GArray *equals;
  char   *today;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_free (load->path);
  g_free (load->from);
  g_free (load->to);
  g_array_unref (load->equals);
  g_free (load->today);
  g_free (load);
}

typedef struct
{
  char *text;  /* GRefString */
  char *key;   /* GRefString */
} Name;

static void
name_free (gpointer data)
{
  Name *name = data;

  g_ref_string_release (name->text);
  g_ref_string_release (name->key);
  g_free (name);
}

typedef struct
{
  gint64 n;
  gint64 flags[2];
} Counts;

/* What the cells of one load need besides the rows themselves. */
typedef struct
{
  GHashTable      *strings;       /* every text of the load, once (GRefString) */
  AnttDatabase    *db;
  const AnttTable *table;
  const char      *today;
  GHashTable      *names;         /* table → (id → Name) */
  GHashTable      *counts;        /* id → Counts: link rows, members, visits */
  GHashTable      *texts;         /* id → char*: villages served */
  GHashTable      *trainings;     /* member id → bits of the training kinds done */
  GHashTable      *disadvantaged; /* village ids of disadvantaged areas */
  GHashTable      *population;    /* village id → AnttRecord, the latest count */
} Context;

static void
context_clear (Context *ctx)
{
  g_clear_pointer (&ctx->strings, g_hash_table_unref);
  g_clear_pointer (&ctx->names, g_hash_table_unref);
  g_clear_pointer (&ctx->counts, g_hash_table_unref);
  g_clear_pointer (&ctx->texts, g_hash_table_unref);
  g_clear_pointer (&ctx->trainings, g_hash_table_unref);
  g_clear_pointer (&ctx->disadvantaged, g_hash_table_unref);
  g_clear_pointer (&ctx->population, g_hash_table_unref);
}

/* The texts of a column repeat (dates, choices, a patrol's area, a team's
 * name): each is kept once, and shared by the cells that show it. */
static char *
intern (Context    *ctx,
        const char *text)
{
  char *shared = g_hash_table_lookup (ctx->strings, text);

  if (shared == NULL)
    {
      shared = g_ref_string_new (text);
      g_hash_table_add (ctx->strings, shared);
    }
  return g_ref_string_acquire (shared);
}

/* Lists the rows of @table a slice at a time, so that a hundred thousand
 * of them are never all in memory at once as records. */
#define SLICE_ROWS 32768

typedef gboolean (*RowFunc) (gpointer          data,
                             const AnttRecord *row,
                             GError          **error);

static gboolean
for_each_row (AnttDatabase      *db,
              const char        *table,
              AnttFilter        *filter,
              RowFunc            func,
              gpointer           data,
              GCancellable      *cancellable,
              GError           **error)
{
  const AnttTable *t = antt_table_lookup (table);
  /* Tables in Vietnamese name order are sorted by the core on keys made
   * once a row, which a slice (LIMIT) would make SQLite do per comparison. */
  gboolean sliced = t->order_by == NULL || strstr (t->order_by, "COLLATE") == NULL;

  for (guint offset = 0; ; offset += SLICE_ROWS)
    {
      g_autoptr(GPtrArray) rows = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (sliced)
        antt_filter_set_limit (filter, SLICE_ROWS, offset);
      rows = antt_records_list (db, table, filter, error);
      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        if (!func (data, g_ptr_array_index (rows, i), error))
          return FALSE;
      if (!sliced || rows->len < SLICE_ROWS)
        return TRUE;
    }
}

static GHashTable *
id_table_new (GDestroyNotify value_free)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, value_free);
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static GHashTable *
load_names (Context     *ctx,
            const char  *table,
            GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GHashTable *names = g_hash_table_lookup (ctx->names, table);
  gboolean person;

  if (names != NULL)
    return names;

  rows = antt_records_list (ctx->db, table, NULL, error);
  if (rows == NULL)
    return NULL;

  person = g_strcmp0 (antt_display_name_column (antt_table_lookup (table)), "full_name") == 0;
  names = id_table_new (name_free);
  for (guint i = 0; i < rows->len; i++)
    {
      AnttRecord *row = g_ptr_array_index (rows, i);
      g_autofree char *text = antt_display_record_name (row);
      g_autofree char *key = person ? antt_text_name_collate_key (text)
                                    : antt_text_collate_key (text);
      Name *name = g_new0 (Name, 1);

      name->text = intern (ctx, text);
      name->key = intern (ctx, key ? key : "");
      g_hash_table_insert (names, id_key (antt_record_get_id (row)), name);
    }

  g_hash_table_insert (ctx->names, g_strdup (table), names);
  return names;
}

static Counts *
counts_for (GHashTable *counts,
            gint64      id)
{
  Counts *c = g_hash_table_lookup (counts, &id);

  if (c == NULL)
    {
      c = g_new0 (Counts, 1);
      g_hash_table_insert (counts, id_key (id), c);
    }
  return c;
}

typedef struct
{
  GHashTable        *counts;
  const char        *by;
  const char *const *flags;
} CountData;

static gboolean
count_row (gpointer          data,
           const AnttRecord *row,
           GError          **error)
{
  CountData *count = data;
  Counts *c = counts_for (count->counts, antt_record_get_int (row, count->by));

  c->n++;
  for (guint f = 0; f < 2 && count->flags != NULL && count->flags[f] != NULL; f++)
    if (antt_record_get_boolean (row, count->flags[f]))
      c->flags[f]++;
  return TRUE;
}

/* Counts the rows of @table by @by, and those of them with each flag set. */
static gboolean
count_rows (Context           *ctx,
            const char        *table,
            const char        *by,
            const char *const *flags,
            AnttFilter        *filter,
            GError           **error)
{
  g_autoptr(AnttFilter) all = NULL;
  CountData count = { id_table_new (g_free), by, flags };

  ctx->counts = count.counts;
  if (filter == NULL)
    filter = all = antt_filter_new ();
  return for_each_row (ctx->db, table, filter, count_row, &count, NULL, error);
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return antt_text_collate (*(const char **) a, *(const char **) b);
}

static gboolean
load_villages_served (Context  *ctx,
                      GError  **error)
{
  g_autoptr(GPtrArray) rows = antt_records_list (ctx->db, "team_villages", NULL, error);
  g_autoptr(GHashTable) lists = NULL;
  GHashTable *villages;
  GHashTableIter iter;
  gpointer key, value;

  if (rows == NULL || (villages = load_names (ctx, "villages", error)) == NULL)
    return FALSE;

  lists = id_table_new ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      AnttRecord *row = g_ptr_array_index (rows, i);
      gint64 team = antt_record_get_int (row, "team_id");
      gint64 village = antt_record_get_int (row, "village_id");
      Name *name = g_hash_table_lookup (villages, &village);
      GPtrArray *list = g_hash_table_lookup (lists, &team);

      if (name == NULL)
        continue;
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (lists, id_key (team), list);
        }
      g_ptr_array_add (list, name->text);
    }

  ctx->texts = id_table_new (g_free);
  g_hash_table_iter_init (&iter, lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list = value;

      g_ptr_array_sort (list, compare_collated);
      g_ptr_array_add (list, NULL);
      g_hash_table_insert (ctx->texts, id_key (*(gint64 *) key),
                           g_strjoinv (_(", "), (char **) list->pdata));
    }
  return TRUE;
}

static gboolean
load_trainings (Context  *ctx,
                GError  **error)
{
  g_autoptr(GPtrArray) trainings = antt_records_list (ctx->db, "trainings", NULL, error);
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GHashTable) kinds = NULL;

  if (trainings == NULL)
    return FALSE;
  attendance = antt_records_list (ctx->db, "training_attendance", NULL, error);
  if (attendance == NULL)
    return FALSE;

  kinds = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < trainings->len; i++)
    {
      AnttRecord *row = g_ptr_array_index (trainings, i);
      const char *kind = antt_record_get_string (row, "kind");
      gint64 bit = g_strcmp0 (kind, "mass_mobilisation") == 0 ? 1 :
                   g_strcmp0 (kind, "fire_rescue") == 0 ? 2 :
                   g_strcmp0 (kind, "admin_order") == 0 ? 4 : 0;

      g_hash_table_insert (kinds, id_key (antt_record_get_id (row)), GSIZE_TO_POINTER (bit));
    }

  ctx->trainings = id_table_new (NULL);
  for (guint i = 0; i < attendance->len; i++)
    {
      AnttRecord *row = g_ptr_array_index (attendance, i);
      gint64 training = antt_record_get_int (row, "training_id");
      gint64 member = antt_record_get_int (row, "member_id");
      gsize bits;

      if (!antt_record_get_boolean (row, "passed"))
        continue;
      bits = GPOINTER_TO_SIZE (g_hash_table_lookup (ctx->trainings, &member));
      bits |= GPOINTER_TO_SIZE (g_hash_table_lookup (kinds, &training));
      g_hash_table_insert (ctx->trainings, id_key (member), GSIZE_TO_POINTER (bits));
    }
  return TRUE;
}

static gboolean
load_disadvantaged (Context  *ctx,
                    GError  **error)
{
  g_autoptr(GPtrArray) villages = antt_records_list (ctx->db, "villages", NULL, error);

  if (villages == NULL)
    return FALSE;

  ctx->disadvantaged = id_table_new (NULL);
  for (guint i = 0; i < villages->len; i++)
    {
      AnttRecord *row = g_ptr_array_index (villages, i);

      if (antt_record_get_boolean (row, "disadvantaged"))
        g_hash_table_insert (ctx->disadvantaged, id_key (antt_record_get_id (row)),
                             GSIZE_TO_POINTER (1));
    }
  return TRUE;
}

static gboolean
load_population (Context  *ctx,
                 GError  **error)
{
  g_autoptr(GPtrArray) rows = antt_records_list (ctx->db, "village_population", NULL, error);

  if (rows == NULL)
    return FALSE;

  ctx->population = id_table_new ((GDestroyNotify) antt_record_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      AnttRecord *row = g_ptr_array_index (rows, i);
      gint64 village = antt_record_get_int (row, "village_id");
      AnttRecord *latest = g_hash_table_lookup (ctx->population, &village);

      if (latest == NULL || g_strcmp0 (antt_record_get_string (row, "as_of"),
                                       antt_record_get_string (latest, "as_of")) > 0)
        g_hash_table_insert (ctx->population, id_key (village), antt_record_ref (row));
    }
  return TRUE;
}

static gboolean
context_prepare (Context         *ctx,
                 const ListColumn *column,
                 GError         **error)
{
  const AnttLinkTable *link;

  if (column->column != NULL)
    return column->column->kind != ANTT_COLUMN_REFERENCE ||
           load_names (ctx, column->column->references, error) != NULL;

  switch (column->computed->kind)
    {
    case COMPUTED_VILLAGES:
      return ctx->texts != NULL || load_villages_served (ctx, error);

    case COMPUTED_MEMBERS:
      if (ctx->counts == NULL)
        {
          g_autoptr(AnttFilter) filter = antt_filter_new ();

          antt_filter_set_period (filter, ctx->today, ctx->today);
          return count_rows (ctx, "members", "team_id", NULL, filter, error);
        }
      return TRUE;

    case COMPUTED_TRAININGS:
      return ctx->trainings != NULL || load_trainings (ctx, error);

    case COMPUTED_WARNINGS:
      return ctx->disadvantaged != NULL || load_disadvantaged (ctx, error);

    case COMPUTED_INFORMATION:
      return ctx->population != NULL || load_population (ctx, error);

    case COMPUTED_PARTICIPANTS:
    case COMPUTED_PRESENT:
    case COMPUTED_ON_TIME:
      link = antt_display_link_table (ctx->table->name);
      if (link == NULL || ctx->counts != NULL)
        return TRUE;
      return count_rows (ctx, link->link, link->parent_column, link->flags, NULL, error);

    case COMPUTED_VISITS:
      return ctx->counts != NULL ||
             count_rows (ctx, "reintegration_visits", "case_id", NULL, NULL, error);

    case COMPUTED_NOMINEE:
      return load_names (ctx, "teams", error) != NULL &&
             load_names (ctx, "members", error) != NULL;

    case COMPUTED_AGE:
    default:
      return TRUE;
    }
}

static int
link_flag_index (const AnttTable *table,
                 const char      *flag)
{
  const AnttLinkTable *link = antt_display_link_table (table->name);

  for (guint f = 0; link != NULL && f < 2; f++)
    if (g_strcmp0 (link->flags[f], flag) == 0)
      return (int) f;
  return -1;
}

static guint
count_bits (gsize bits)
{
  guint n = 0;

  for (; bits != 0; bits &= bits - 1)
    n++;
  return n;
}

static void
number_cell (Context  *ctx,
             gint64    n,
             char    **text,
             char    **key)
{
  g_autofree char *shown = antt_display_count (n);
  g_autofree char *sort = antt_display_number_key (n);

  *text = intern (ctx, shown);
  *key = intern (ctx, sort);
}

/* "2 of 3", sorted by the share. */
static void
share_cell (Context  *ctx,
            gint64    part,
            gint64    whole,
            char    **text,
            char    **key)
{
  g_autofree char *a = antt_display_count (part);
  g_autofree char *b = antt_display_count (whole);
  /* Translators: "2 of 3" members, say */
  g_autofree char *shown = whole > 0 ? g_strdup_printf (_("%s of %s"), a, b) : g_strdup ("");
  g_autofree char *sort = antt_display_number_key (whole > 0 ? part * 10000 / whole : -1);

  *text = intern (ctx, shown);
  *key = intern (ctx, sort);
}

static void
computed_cell (Context          *ctx,
               const Computed   *computed,
               const AnttRecord *row,
               char            **text,
               char            **key,
               char            **tooltip)
{
  gint64 id = antt_record_get_id (row);
  Counts *counts;

  switch (computed->kind)
    {
    case COMPUTED_VILLAGES:
      {
        const char *names = g_hash_table_lookup (ctx->texts, &id);
        g_autofree char *sort = antt_text_collate_key (names ? names : "");

        *text = intern (ctx, names ? names : "");
        *key = intern (ctx, sort ? sort : "");
      }
      break;

    case COMPUTED_MEMBERS:
    case COMPUTED_PARTICIPANTS:
    case COMPUTED_VISITS:
      counts = ctx->counts ? g_hash_table_lookup (ctx->counts, &id) : NULL;
      number_cell (ctx, counts ? counts->n : 0, text, key);
      break;

    case COMPUTED_PRESENT:
    case COMPUTED_ON_TIME:
      {
        int f = link_flag_index (ctx->table, computed->kind == COMPUTED_PRESENT ? "present"
                                                                                : "on_time");

        counts = ctx->counts ? g_hash_table_lookup (ctx->counts, &id) : NULL;
        share_cell (ctx, counts && f >= 0 ? counts->flags[f] : 0, counts ? counts->n : 0, text, key);
      }
      break;

    case COMPUTED_AGE:
      {
        const char *left = antt_record_has (row, "left_date") ?
                           antt_record_get_string (row, "left_date") : NULL;
        int age = antt_date_age_on (antt_record_get_string (row, "birth_date"),
                                    left ? left : ctx->today);

        if (age < 0)
          {
            *text = intern (ctx, "");
            *key = intern (ctx, "");
          }
        else
          number_cell (ctx, age, text, key);
      }
      break;

    case COMPUTED_TRAININGS:
      {
        gsize bits = GPOINTER_TO_SIZE (g_hash_table_lookup (ctx->trainings, &id));
        g_autoptr(GPtrArray) words = g_ptr_array_new ();
        g_autofree char *shown = NULL;
        g_autofree char *sort = antt_display_number_key (count_bits (bits));

        /* Short names of the trainings that targets T3, T5 and T7 count. */
        if (bits & 1)
          g_ptr_array_add (words, _("Mass mobilisation"));
        if (bits & 2)
          g_ptr_array_add (words, _("Fire & rescue"));
        if (bits & 4)
          g_ptr_array_add (words, _("Social order"));
        g_ptr_array_add (words, NULL);
        shown = g_strjoinv (_(", "), (char **) words->pdata);

        *text = intern (ctx, shown);
        *key = intern (ctx, sort);
      }
      break;

    case COMPUTED_WARNINGS:
      {
        gint64 village = antt_record_get_int (row, "village_id");
        int age = -1;
        AnttEligibility warnings;
        g_autofree char *shown = NULL;
        g_autofree char *sort = NULL;

        /* The core decides; the cell shows its words, the tooltip its
         * sentences with the article of the law. */
        warnings = antt_eligibility_check (row, g_hash_table_contains (ctx->disadvantaged, &village),
                                           antt_eligibility_on_date (row, ctx->today), &age);
        shown = antt_eligibility_summary (warnings);
        sort = antt_display_number_key (antt_eligibility_count (warnings));
        *text = intern (ctx, shown);
        *key = intern (ctx, sort);

        if (warnings != ANTT_ELIGIBILITY_OK)
          {
            g_autoptr(GPtrArray) messages = antt_eligibility_messages (warnings, age);
            g_autofree char *joined = NULL;

            g_ptr_array_add (messages, NULL);
            joined = g_strjoinv ("\n", (char **) messages->pdata);
            *tooltip = intern (ctx, joined);
          }
      }
      break;

    case COMPUTED_INFORMATION:
      {
        AnttRecord *latest = g_hash_table_lookup (ctx->population, &id);

        if (latest == NULL)
          {
            *text = intern (ctx, "");
            *key = intern (ctx, "");
          }
        else
          {
            gint64 persons = antt_record_get_int (latest, "persons");
            gint64 provided = antt_record_get_int (latest, "persons_provided");
            g_autofree char *a = antt_display_count (provided);
            g_autofree char *b = antt_display_count (persons);
            g_autofree char *shown = NULL;
            g_autofree char *sort = NULL;

            /* Translators: persons whose information was provided, of all,
             * with the share: "812 of 900 (90%)" */
            shown = g_strdup_printf (_("%s of %s (%d%%)"), a, b,
                                     persons > 0 ? (int) (provided * 100 / persons) : 0);
            sort = antt_display_number_key (persons > 0 ? provided * 10000 / persons : 0);
            *text = intern (ctx, shown);
            *key = intern (ctx, sort);
          }
      }
      break;

    case COMPUTED_NOMINEE:
      {
        gboolean team = !antt_record_is_null (row, "team_id");
        gint64 ref = antt_record_get_int (row, team ? "team_id" : "member_id");
        GHashTable *names = g_hash_table_lookup (ctx->names, team ? "teams" : "members");
        Name *name = names ? g_hash_table_lookup (names, &ref) : NULL;

        *text = name ? g_ref_string_acquire (name->text) : intern (ctx, "");
        *key = name ? g_ref_string_acquire (name->key) : intern (ctx, "");
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
column_is_searched (const ListColumn *column)
{
  if (column->column == NULL)
    return !column->computed->numeric;
  if (column->column->flags & ANTT_COLUMN_FLAGS_SENSITIVE)
    return FALSE;
  return column->column->kind != ANTT_COLUMN_INTEGER &&
         column->column->kind != ANTT_COLUMN_REAL &&
         column->column->kind != ANTT_COLUMN_BOOLEAN;
}

/* Adds @row to @rows; its sort keys go to @keys, one a column. */
static void
build_item (Context          *ctx,
            GArray           *columns,
            const AnttRecord *row,
            AnttRecordRows   *rows,
            char            **cells,
            char            **keys)
{
  g_autoptr(GString) search = g_string_new (NULL);
  g_autofree char *folded = NULL;
  char *tooltip = NULL;

  for (guint i = 0; i < columns->len; i++)
    {
      const ListColumn *lc = &g_array_index (columns, ListColumn, i);
      char *text = NULL;
      char *key = NULL;

      if (lc->computed != NULL)
        {
          computed_cell (ctx, lc->computed, row, &text, &key, &tooltip);
        }
      else if (lc->column->kind == ANTT_COLUMN_REFERENCE)
        {
          GHashTable *names = g_hash_table_lookup (ctx->names, lc->column->references);
          gint64 ref = antt_record_get_int (row, lc->name);
          Name *name = antt_record_is_null (row, lc->name) ? NULL
                                                           : g_hash_table_lookup (names, &ref);

          text = name ? g_ref_string_acquire (name->text) : intern (ctx, "");
          key = name ? g_ref_string_acquire (name->key) : intern (ctx, "");
        }
      else
        {
          g_autofree char *shown = antt_display_value (row, lc->column);
          g_autofree char *sort = antt_display_sort_key (row, lc->column);

          text = intern (ctx, shown);
          key = intern (ctx, sort);
        }

      if (column_is_searched (lc) && *text != '\0')
        {
          g_string_append (search, text);
          g_string_append_c (search, ' ');
        }
      cells[i] = text;
      keys[i] = key;
    }

  /* Searched names that are not shown are still found. */
  for (guint i = 0; i < ctx->table->n_columns; i++)
    {
      const AnttColumn *column = &ctx->table->columns[i];
      const char *text;

      if (!(column->flags & ANTT_COLUMN_FLAGS_FOLDED))
        continue;
      text = antt_record_get_string (row, column->name);
      if (text != NULL && strstr (search->str, text) == NULL)
        {
          g_string_append (search, text);
          g_string_append_c (search, ' ');
        }
    }

  /* The rows keep their own copies; the texts interned here go with the
   * load's other passing work. */
  folded = antt_text_fold (search->str);
  antt_record_rows_append (rows, antt_record_get_id (row), (const char *const *) cells,
                           folded ? folded : "", tooltip);
  for (guint i = 0; i < columns->len; i++)
    g_clear_pointer (&cells[i], g_ref_string_release);
  g_clear_pointer (&tooltip, g_ref_string_release);
}

/* The items of a load, and their orders: one a column, ascending, made in
 * the worker so that a click on a heading only reads one out. */
typedef struct _Snapshot
{
  AnttRecordRows *rows; /* in the order of the table */
  guint32   *orders;     /* n_columns × items->len: positions in items */
  guint      n_columns;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->rows, antt_record_rows_unref);
  g_free (snapshot->orders);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The order of @n items by their key in @column: the keys repeat (dates,
 * teams), and equal keys are the same interned string, so the distinct
 * keys are sorted and the items counted into place, keeping the table's
 * order among equals. */
static void
order_by_keys (char    **keys,
               guint     n,
               guint     n_columns,
               guint     column,
               guint32  *order)
{
  g_autoptr(GHashTable) ranks = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) distinct = g_ptr_array_new ();
  g_autofree guint32 *starts = NULL;

  for (guint k = 0; k < n; k++)
    {
      char *key = keys[(gsize) k * n_columns + column];

      if (!g_hash_table_contains (ranks, key))
        {
          g_hash_table_insert (ranks, key, NULL);
          g_ptr_array_add (distinct, key);
        }
    }

  g_ptr_array_sort (distinct, compare_keys);
  starts = g_new0 (guint32, distinct->len + 1);
  for (guint r = 0; r < distinct->len; r++)
    g_hash_table_insert (ranks, g_ptr_array_index (distinct, r), GUINT_TO_POINTER (r));

  for (guint k = 0; k < n; k++)
    {
      guint r = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, keys[(gsize) k * n_columns + column]));
      starts[r + 1]++;
    }
  for (guint r = 0; r < distinct->len; r++)
    starts[r + 1] += starts[r];
  for (guint k = 0; k < n; k++)
    {
      guint r = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, keys[(gsize) k * n_columns + column]));
      order[starts[r]++] = k;
    }
}

typedef struct
{
  Context      *ctx;
  GArray       *columns;
  AnttRecordRows *rows;
  char        **cells;    /* n_columns, the row being built */
  GPtrArray    *keys;     /* GRefString, n_columns an item */
} BuildData;

static gboolean
build_row (gpointer          data,
           const AnttRecord *row,
           GError          **error)
{
  BuildData *build = data;
  guint first = build->keys->len;

  g_ptr_array_set_size (build->keys, first + build->columns->len);
  build_item (build->ctx, build->columns, row, build->rows, build->cells,
              (char **) build->keys->pdata + first);
  return TRUE;
}

/* Opening reads the file's header before the connection has a busy
 * timeout: lists that open at the same time could find it locked. */
static GMutex open_lock;

static AnttDatabase *
open_for_worker (const char  *path,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  AnttDatabase *db = NULL;

  g_mutex_lock (&open_lock);
  for (guint attempt = 0; db == NULL; attempt++)
    {
      g_clear_error (&local_error);
      db = antt_database_open (path,
                               ANTT_DATABASE_FLAGS_NO_CREATE | ANTT_DATABASE_FLAGS_NO_SEED |
                               ANTT_DATABASE_FLAGS_WORKER,
                               &local_error);
      if (db != NULL || attempt >= 100 ||
          !g_error_matches (local_error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_BUSY))
        break;
      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }
  g_mutex_unlock (&open_lock);

  if (db == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return db;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AnttRecordList *self = source_object;
  LoadData *data = task_data;
  g_autoptr(AnttDatabase) db = NULL;
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GError) error = NULL;
  Snapshot *snapshot = NULL;
  BuildData build = { 0 };
  Context ctx = { 0 };

  /* Only the table and the columns of @self are read here: they never
   * change after construction. The connection is this load's own, and is
   * closed with it, its page cache with it: a worker's few MiB (the rows
   * are read once, in order), not the 64 MiB of a long-lived connection,
   * which would grow to the size of the table read (30 MB more at the
   * peak on a province's patrols). */
  if (g_task_return_error_if_cancelled (task))
    return;
  db = open_for_worker (data->path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->from != NULL || data->to != NULL)
    antt_filter_set_period (filter, data->from, data->to);
  for (guint i = 0; i < data->equals->len; i++)
    {
      const Equals *eq = &g_array_index (data->equals, Equals, i);
      antt_filter_add_equals (filter, eq->column, eq->id);
    }

  ctx.strings = g_hash_table_new_full (g_str_hash, g_str_equal,
                                       (GDestroyNotify) g_ref_string_release, NULL);
  ctx.db = db;
  ctx.table = self->table;
  ctx.today = data->today;
  ctx.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_hash_table_unref);
  for (guint i = 0; i < self->columns->len; i++)
    if (!context_prepare (&ctx, &g_array_index (self->columns, ListColumn, i), &error))
      break;

  build.ctx = &ctx;
  build.columns = self->columns;
  build.rows = antt_record_rows_new (self->columns->len);
  build.cells = g_new0 (char *, self->columns->len + 1);
  build.keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ref_string_release);
  if (error == NULL)
    for_each_row (db, self->table->name, filter, build_row, &build, cancellable, &error);
  g_clear_object (&db);

  if (error == NULL)
    {
      guint n = antt_record_rows_get_n_rows (build.rows);

      snapshot = g_new0 (Snapshot, 1);
      snapshot->n_columns = self->columns->len;
      snapshot->orders = g_new (guint32, (gsize) n * snapshot->n_columns + 1);
      for (guint c = 0; c < snapshot->n_columns; c++)
        order_by_keys ((char **) build.keys->pdata, n, snapshot->n_columns, c,
                       snapshot->orders + (gsize) c * n);
      antt_record_rows_trim (build.rows);
      snapshot->rows = g_steal_pointer (&build.rows);
    }

  g_clear_pointer (&build.rows, antt_record_rows_unref);
  g_free (build.cells);
  g_clear_pointer (&build.keys, g_ptr_array_unref);
  context_clear (&ctx);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&snapshot), (GDestroyNotify) snapshot_free);
}

/* Back in the main thread ----------------------------------------------- */

static void
set_loading (AnttRecordList *self,
             gboolean        loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static AnttRecordRows *
snapshot_rows (Snapshot *snapshot)
{
  return snapshot ? snapshot->rows : NULL;
}

/* Points the items made so far at the rows they now stand for; those past
 * the end keep what they showed, and are the view's no more. */
static void
update_proxies (AnttRecordList *self)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key, value;

  /* First settle which items stay, then tell them: what their "changed"
   * sets off must find the table whole. */
  g_hash_table_iter_init (&iter, self->proxies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint position = GPOINTER_TO_UINT (key);

      if (position < self->view->len && self->snapshot != NULL)
        {
          g_ptr_array_add (moved, g_object_ref (value));
          g_array_append_val (positions, position);
        }
      else
        {
          g_object_weak_unref (value, proxy_finalized_cb, self);
          g_hash_table_iter_remove (&iter);
        }
    }

  for (guint i = 0; i < moved->len; i++)
    antt_record_item_set_row (g_ptr_array_index (moved, i), self->snapshot->rows,
                              g_array_index (self->view, guint32,
                                             g_array_index (positions, guint, i)));
}

/* The items after a change move with it, as the view that holds them
 * understands it (the rows they show are the same); those of the rows
 * removed are the list's no more. */
static void
move_proxies (AnttRecordList *self,
              guint           position,
              guint           removed,
              guint           added)
{
  g_autoptr(GHashTable) moved = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->proxies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint at = GPOINTER_TO_UINT (key);

      if (at < position)
        g_hash_table_insert (moved, key, value);
      else if (at >= position + removed)
        g_hash_table_insert (moved, GUINT_TO_POINTER (at - removed + added), value);
      else
        g_object_weak_unref (value, proxy_finalized_cb, self);
    }

  g_hash_table_remove_all (self->proxies);
  g_hash_table_iter_init (&iter, moved);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->proxies, key, value);
}

/* Shows @view (rows of the snapshot), announcing only the rows between the
 * first and the last that changed, so that views keep theirs. @old_rows
 * are the rows the old view pointed into. */
static void
show_view (AnttRecordList *self,
           GArray         *view,
           AnttRecordRows *old_rows)
{
  AnttRecordRows *new_rows = snapshot_rows (self->snapshot);
  const guint32 *old_view = (const guint32 *) self->view->data;
  const guint32 *new_view = (const guint32 *) view->data;
  guint old_len = old_rows ? self->view->len : 0;
  guint new_len = new_rows ? view->len : 0;
  guint prefix = 0;
  guint suffix = 0;

  if (old_rows == new_rows)
    {
      while (prefix < old_len && prefix < new_len && old_view[prefix] == new_view[prefix])
        prefix++;
      while (suffix < old_len - prefix && suffix < new_len - prefix &&
             old_view[old_len - 1 - suffix] == new_view[new_len - 1 - suffix])
        suffix++;
    }
  else if (old_rows != NULL && new_rows != NULL)
    {
      while (prefix < old_len && prefix < new_len &&
             antt_record_rows_equal (old_rows, old_view[prefix], new_rows, new_view[prefix]))
        prefix++;
      while (suffix < old_len - prefix && suffix < new_len - prefix &&
             antt_record_rows_equal (old_rows, old_view[old_len - 1 - suffix],
                                     new_rows, new_view[new_len - 1 - suffix]))
        suffix++;
    }

  if (prefix != old_len || prefix != new_len)
    move_proxies (self, prefix, old_len - prefix - suffix, new_len - prefix - suffix);
  g_array_unref (self->view);
  self->view = g_array_ref (view);
  if (new_rows == NULL)
    g_array_set_size (self->view, 0);
  update_proxies (self);

  if (prefix == old_len && prefix == new_len)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_len - prefix - suffix,
                              new_len - prefix - suffix);
}

/* The rows that match the search, from @from (a view of the snapshot) or,
 * when %NULL, from the whole snapshot in the order the user chose. A tight
 * loop over precomputed folded texts: a keystroke on a hundred thousand
 * rows stays within a frame. */
static GArray *
make_view (AnttRecordList *self,
           GArray         *from)
{
  Snapshot *snapshot = self->snapshot;
  AnttRecordRows *rows = snapshot_rows (snapshot);
  guint n = rows == NULL ? 0 : from ? from->len : antt_record_rows_get_n_rows (rows);
  GArray *view = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);
  const guint32 *order = NULL;

  if (from == NULL && rows != NULL && self->sort_column >= 0 &&
      (guint) self->sort_column < snapshot->n_columns)
    order = snapshot->orders + (gsize) self->sort_column * n;

  for (guint k = 0; k < n; k++)
    {
      guint32 row;

      if (from != NULL)
        row = g_array_index (from, guint32, k);
      else if (order != NULL)
        row = order[self->sort_descending ? n - 1 - k : k];
      else
        row = k;

      if (self->search == NULL ||
          antt_text_matches (antt_record_rows_get_search (rows, row), self->search))
        g_array_append_val (view, row);
    }
  return view;
}

static void
apply_snapshot (AnttRecordList *self,
                Snapshot       *snapshot)
{
  g_autoptr(GArray) view = NULL;
  Snapshot *old = g_steal_pointer (&self->snapshot);

  /* The old rows are compared with the new ones before they go. */
  self->snapshot = snapshot;
  view = make_view (self, NULL);
  show_view (self, view, snapshot_rows (old));
  g_clear_pointer (&old, snapshot_free);
}

#if defined(__GLIBC__)
static void
trim_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  malloc_trim (0);
  g_task_return_boolean (task, TRUE);
}
#endif

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AnttRecordList *self = ANTT_RECORD_LIST (object);
  Snapshot *snapshot = NULL;
  g_autoptr(GError) error = NULL;

  snapshot = g_task_propagate_pointer (G_TASK (result), &error);
  if (snapshot == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Cannot list %s: %s", self->table->name, error->message);
          set_loading (self, FALSE);
        }
      return;
    }

  /* A newer load replaced this one: its result would be stale. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      snapshot_free (snapshot);
      return;
    }

  g_clear_object (&self->cancellable);
  apply_snapshot (self, snapshot);
  set_loading (self, FALSE);

#if defined(__GLIBC__)
  /* A large load leaves the worker's memory (its records, its keys, its
   * connection's page cache) free but held by the C library: give it back,
   * in a thread, as walking the C library's arenas takes a while. */
  if (antt_record_list_get_n_total (self) > 10000)
    {
      g_autoptr(GTask) trim = g_task_new (NULL, NULL, NULL, NULL);

      g_task_set_source_tag (trim, load_cb);
      g_task_run_in_thread (trim, trim_thread);
    }
#endif
}

static void
start_load (AnttRecordList *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->database == NULL)
    {
      apply_snapshot (self, NULL);
      set_loading (self, FALSE);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (antt_database_get_path (self->database));
  data->from = g_strdup (self->from);
  data->to = g_strdup (self->to);
  data->equals = g_array_ref (self->equals);
  data->today = antt_app_today_iso ();

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, data, load_data_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, load_thread);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  AnttRecordList *self = user_data;

  self->reload_source = 0;
  start_load (self);
  return G_SOURCE_REMOVE;
}

/* Several tables change in one save (a patrol and its participants): one
 * reload after them all. */
static void
database_changed_cb (AnttRecordList *self,
                     const char     *table)
{
  if (!g_hash_table_contains (self->depends, table))
    return;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

/* GListModel ------------------------------------------------------------- */

static GType
antt_record_list_get_item_type (GListModel *model)
{
  return ANTT_TYPE_RECORD_ITEM;
}

static guint
antt_record_list_get_n_items (GListModel *model)
{
  return ANTT_RECORD_LIST (model)->view->len;
}

static void
proxy_finalized_cb (gpointer  data,
                    GObject  *where_the_object_was)
{
  AnttRecordList *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->proxies);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer) where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        return;
      }
}

/* Items are made when asked for, one a position, and kept while a view
 * holds them: the same position gives the same item, pointed at another
 * row when the list is sorted or searched. */
static gpointer
antt_record_list_get_item (GListModel *model,
                           guint       position)
{
  AnttRecordList *self = ANTT_RECORD_LIST (model);
  AnttRecordItem *item;

  if (position >= self->view->len || self->snapshot == NULL)
    return NULL;

  item = g_hash_table_lookup (self->proxies, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);

  item = antt_record_item_new_for_row (self->snapshot->rows,
                                       g_array_index (self->view, guint32, position));
  g_object_weak_ref (G_OBJECT (item), proxy_finalized_cb, self);
  g_hash_table_insert (self->proxies, GUINT_TO_POINTER (position), item);
  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = antt_record_list_get_item_type;
  iface->get_n_items = antt_record_list_get_n_items;
  iface->get_item = antt_record_list_get_item;
}

/* GObject ---------------------------------------------------------------- */

static void
list_column_clear (gpointer data)
{
  ListColumn *column = data;

  g_free (column->name);
}

static void
equals_clear (gpointer data)
{
  Equals *eq = data;

  g_free (eq->column);
}

static void
antt_record_list_dispose (GObject *object)
{
  AnttRecordList *self = ANTT_RECORD_LIST (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_signal_handler (&self->changed_id, self->database);
  g_clear_object (&self->database);

  /* Items still held elsewhere outlive the list, showing what they did. */
  if (self->proxies != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->proxies);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, proxy_finalized_cb, self);
      g_hash_table_remove_all (self->proxies);
    }

  G_OBJECT_CLASS (antt_record_list_parent_class)->dispose (object);
}

static void
antt_record_list_finalize (GObject *object)
{
  AnttRecordList *self = ANTT_RECORD_LIST (object);

  g_clear_pointer (&self->view, g_array_unref);
  g_clear_pointer (&self->proxies, g_hash_table_unref);
  g_clear_pointer (&self->snapshot, snapshot_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->depends, g_hash_table_unref);
  g_clear_pointer (&self->equals, g_array_unref);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);

  G_OBJECT_CLASS (antt_record_list_parent_class)->finalize (object);
}

static void
antt_record_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnttRecordList *self = ANTT_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
antt_record_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AnttRecordList *self = ANTT_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      antt_record_list_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
antt_record_list_class_init (AnttRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = antt_record_list_dispose;
  object_class->finalize = antt_record_list_finalize;
  object_class->get_property = antt_record_list_get_property;
  object_class->set_property = antt_record_list_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         ANTT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AnttRecordList:loading:
   *
   * Whether a load is under way; the items are those of the last one.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
antt_record_list_init (AnttRecordList *self)
{
  self->view = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->proxies = g_hash_table_new (NULL, NULL);
  self->sort_column = -1;
  self->columns = g_array_new (FALSE, TRUE, sizeof (ListColumn));
  g_array_set_clear_func (self->columns, list_column_clear);
  self->depends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->equals = g_array_new (FALSE, TRUE, sizeof (Equals));
  g_array_set_clear_func (self->equals, equals_clear);
}

/* Public API ------------------------------------------------------------- */

/**
 * antt_record_list_new:
 * @table: the table listed
 * @columns: the columns shown, by name, separated by spaces; computed ones
 *   start with ':' (":age", ":participants"…)
 */
AnttRecordList *
antt_record_list_new (const char *table,
                      const char *columns)
{
  AnttRecordList *self;
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (antt_table_lookup (table) != NULL, NULL);

  self = g_object_new (ANTT_TYPE_RECORD_LIST, NULL);
  self->table = antt_table_lookup (table);
  g_hash_table_add (self->depends, g_strdup (table));

  names = g_strsplit_set (columns ? columns : "", " \n\t", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      ListColumn column = { 0 };

      if (*names[i] == '\0')
        continue;

      if (*names[i] == ':')
        {
          for (guint c = 0; c < G_N_ELEMENTS (computed_columns); c++)
            if (strcmp (computed_columns[c].name, names[i]) == 0)
              column.computed = &computed_columns[c];
          if (column.computed == NULL)
            {
              g_critical ("No computed column %s", names[i]);
              continue;
            }
          for (guint d = 0; d < G_N_ELEMENTS (column.computed->depends); d++)
            if (column.computed->depends[d] != NULL)
              g_hash_table_add (self->depends, g_strdup (column.computed->depends[d]));
        }
      else
        {
          column.column = antt_table_get_column (self->table, names[i]);
          if (column.column == NULL)
            {
              g_critical ("Table %s has no column %s", table, names[i]);
              continue;
            }
          if (column.column->kind == ANTT_COLUMN_REFERENCE)
            g_hash_table_add (self->depends, g_strdup (column.column->references));
        }

      /* The array owns the name from here: its clear function frees it. */
      column.name = g_strdup (names[i]);
      g_array_append_val (self->columns, column);
      // cppcheck-suppress memleak
    }

  return self;
}

const AnttTable *
antt_record_list_get_table (AnttRecordList *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), NULL);
  return self->table;
}

AnttDatabase *
antt_record_list_get_database (AnttRecordList *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), NULL);
  return self->database;
}

/**
 * antt_record_list_set_database:
 * @database: (nullable): the open file; the list loads from it, and
 *   reloads whenever it changes one of the tables shown
 */
void
antt_record_list_set_database (AnttRecordList *self,
                               AnttDatabase   *database)
{
  g_return_if_fail (ANTT_IS_RECORD_LIST (self));
  g_return_if_fail (database == NULL || ANTT_IS_DATABASE (database));

  if (self->database == database)
    return;

  g_clear_signal_handler (&self->changed_id, self->database);
  g_set_object (&self->database, database);
  if (database != NULL)
    self->changed_id = g_signal_connect_swapped (database, "changed",
                                                 G_CALLBACK (database_changed_cb), self);

  start_load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

gboolean
antt_record_list_get_loading (AnttRecordList *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), FALSE);
  return self->loading;
}

guint
antt_record_list_get_n_columns (AnttRecordList *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), 0);
  return self->columns->len;
}

const char *
antt_record_list_get_column_name (AnttRecordList *self,
                                  guint           column)
{
  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->columns, ListColumn, column).name;
}

/**
 * antt_record_list_get_column_title:
 *
 * Returns: the translated heading of @column
 */
const char *
antt_record_list_get_column_title (AnttRecordList *self,
                                   guint           column)
{
  const ListColumn *lc;

  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  lc = &g_array_index (self->columns, ListColumn, column);
  if (lc->computed != NULL)
    return _(lc->computed->title);
  return g_dgettext (GETTEXT_PACKAGE, lc->column->label);
}

gboolean
antt_record_list_column_is_numeric (AnttRecordList *self,
                                    guint           column)
{
  const ListColumn *lc;

  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);

  lc = &g_array_index (self->columns, ListColumn, column);
  if (lc->computed != NULL)
    return lc->computed->numeric;
  return lc->column->kind == ANTT_COLUMN_INTEGER || lc->column->kind == ANTT_COLUMN_REAL;
}

/**
 * antt_record_list_get_column_width:
 *
 * Returns: how many characters @column needs at least to be read
 */
int
antt_record_list_get_column_width (AnttRecordList *self,
                                   guint           column)
{
  const ListColumn *lc;

  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), 0);
  g_return_val_if_fail (column < self->columns->len, 0);

  lc = &g_array_index (self->columns, ListColumn, column);
  if (lc->computed != NULL)
    switch (lc->computed->kind)
      {
      case COMPUTED_PRESENT:
      case COMPUTED_ON_TIME:
        return 9;     /* "12 of 20" */
      case COMPUTED_VILLAGES:
      case COMPUTED_NOMINEE:
        return 22;
      case COMPUTED_TRAININGS:
      case COMPUTED_INFORMATION:
        return 18;
      case COMPUTED_WARNINGS:
        return 14;
      case COMPUTED_MEMBERS:
      case COMPUTED_AGE:
      case COMPUTED_PARTICIPANTS:
      case COMPUTED_VISITS:
      default:
        return 6;
      }

  switch (lc->column->kind)
    {
    case ANTT_COLUMN_DATE:
      return 10;
    case ANTT_COLUMN_ID_NUMBER:
    case ANTT_COLUMN_PHONE:
      return 12;
    case ANTT_COLUMN_TIME:
    case ANTT_COLUMN_BOOLEAN:
      return 6;
    case ANTT_COLUMN_INTEGER:
    case ANTT_COLUMN_REAL:
      return 7;
    case ANTT_COLUMN_CHOICE:
      return 14;
    case ANTT_COLUMN_REFERENCE:
      return 18;
    case ANTT_COLUMN_TEXT:
    default:
      return (lc->column->flags & (ANTT_COLUMN_FLAGS_FOLDED | ANTT_COLUMN_FLAGS_MULTILINE)) ? 22 : 16;
    }
}

/**
 * antt_record_list_column_expands:
 *
 * Returns: whether @column holds names or titles (the record's, its
 *   team's, a summary): those take the room the other columns leave
 */
gboolean
antt_record_list_column_expands (AnttRecordList *self,
                                 guint           column)
{
  const ListColumn *lc;

  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);

  lc = &g_array_index (self->columns, ListColumn, column);
  if (lc->computed != NULL)
    return lc->computed->kind == COMPUTED_NOMINEE || lc->computed->kind == COMPUTED_VILLAGES;
  if (lc->column->kind == ANTT_COLUMN_REFERENCE)
    return g_str_equal (lc->column->references, "teams") ||
           g_str_equal (lc->column->references, "reintegration_cases");
  return lc->column->kind == ANTT_COLUMN_TEXT &&
         (lc->column->flags & (ANTT_COLUMN_FLAGS_FOLDED | ANTT_COLUMN_FLAGS_MULTILINE) ||
          g_str_equal (lc->column->name, "title"));
}

gboolean
antt_record_list_column_is_sensitive (AnttRecordList *self,
                                      guint           column)
{
  const ListColumn *lc;

  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);

  lc = &g_array_index (self->columns, ListColumn, column);
  return lc->column != NULL && (lc->column->flags & ANTT_COLUMN_FLAGS_SENSITIVE) != 0;
}

/**
 * antt_record_list_find_column:
 *
 * Returns: the index of the column named @name, or -1
 */
int
antt_record_list_find_column (AnttRecordList *self,
                              const char     *name)
{
  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), -1);

  for (guint i = 0; i < self->columns->len; i++)
    if (g_strcmp0 (g_array_index (self->columns, ListColumn, i).name, name) == 0)
      return (int) i;
  return -1;
}

/**
 * antt_record_list_set_period:
 * @from_iso: (nullable): the first day, or %NULL
 * @to_iso: (nullable): the last day, or %NULL
 *
 * Lists only the records of the period (members: those active in it).
 */
void
antt_record_list_set_period (AnttRecordList *self,
                             const char     *from_iso,
                             const char     *to_iso)
{
  g_return_if_fail (ANTT_IS_RECORD_LIST (self));

  if (g_strcmp0 (self->from, from_iso) == 0 && g_strcmp0 (self->to, to_iso) == 0)
    return;

  g_free (self->from);
  g_free (self->to);
  self->from = g_strdup (from_iso);
  self->to = g_strdup (to_iso);
  start_load (self);
}

/**
 * antt_record_list_set_equals:
 * @id: the id @column must have; 0 lists every value
 */
void
antt_record_list_set_equals (AnttRecordList *self,
                             const char     *column,
                             gint64          id)
{
  g_autoptr(GArray) equals = NULL;
  gboolean changed = id != 0;

  g_return_if_fail (ANTT_IS_RECORD_LIST (self));
  g_return_if_fail (antt_table_get_column (self->table, column) != NULL);

  /* A load in the worker holds the old array: make a new one. */
  equals = g_array_new (FALSE, TRUE, sizeof (Equals));
  g_array_set_clear_func (equals, equals_clear);
  for (guint i = 0; i < self->equals->len; i++)
    {
      const Equals *eq = &g_array_index (self->equals, Equals, i);
      Equals copy = { g_strdup (eq->column), eq->id };

      if (strcmp (eq->column, column) == 0)
        {
          changed = eq->id != id;
          g_free (copy.column);
          continue;
        }
      g_array_append_val (equals, copy);
    }
  if (id != 0)
    {
      Equals added = { g_strdup (column), id };
      g_array_append_val (equals, added);
    }

  if (!changed)
    return;

  g_array_unref (self->equals);
  self->equals = g_steal_pointer (&equals);
  start_load (self);
}

/**
 * antt_record_list_has_filter:
 *
 * Returns: whether a period or an equality leaves records out
 */
gboolean
antt_record_list_has_filter (AnttRecordList *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), FALSE);
  return self->from != NULL || self->to != NULL || self->equals->len > 0;
}

/**
 * antt_record_list_sort:
 * @column: the column to sort by, or -1 for the table's own order
 *
 * Orders the items by @column, at once: the orders are made with each load.
 */
void
antt_record_list_sort (AnttRecordList *self,
                       int             column,
                       gboolean        descending)
{
  g_autoptr(GArray) view = NULL;

  g_return_if_fail (ANTT_IS_RECORD_LIST (self));

  if (column == self->sort_column && descending == self->sort_descending)
    return;

  self->sort_column = column;
  self->sort_descending = descending;

  /* The same rows in another order: the items shown are pointed at their
   * new rows and relabel their cells; the view keeps its widgets, which
   * it would otherwise make anew for every row in sight. */
  view = make_view (self, NULL);
  g_assert (view->len == self->view->len);
  g_array_unref (self->view);
  self->view = g_steal_pointer (&view);
  update_proxies (self);
}

/**
 * antt_record_list_set_search:
 * @text: (nullable): words to find, in any case and with or without
 *   diacritics ("nguyen van duc" finds "Nguyễn Văn Đức")
 *
 * Shows only the items whose cells hold every word.
 */
void
antt_record_list_set_search (AnttRecordList *self,
                             const char     *text)
{
  g_autofree char *folded = NULL;
  g_autoptr(GArray) view = NULL;
  gboolean narrower;

  g_return_if_fail (ANTT_IS_RECORD_LIST (self));

  if (text != NULL)
    {
      folded = antt_text_fold (text);
      g_strstrip (folded);
      if (folded[0] == '\0')
        g_clear_pointer (&folded, g_free);
    }

  if (g_strcmp0 (folded, self->search) == 0)
    return;

  /* Typing on only narrows: only the items shown need looking at. */
  narrower = folded != NULL && self->search != NULL && strstr (folded, self->search) != NULL;
  g_free (self->search);
  self->search = g_steal_pointer (&folded);

  view = make_view (self, narrower ? self->view : NULL);
  show_view (self, view, snapshot_rows (self->snapshot));
}

const char *
antt_record_list_get_search (AnttRecordList *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), NULL);
  return self->search;
}

/**
 * antt_record_list_get_n_total:
 *
 * Returns: how many records the last load found, searched for or not
 */
guint
antt_record_list_get_n_total (AnttRecordList *self)
{
  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), 0);
  return self->snapshot ? antt_record_rows_get_n_rows (self->snapshot->rows) : 0;
}

void
antt_record_list_reload (AnttRecordList *self)
{
  g_return_if_fail (ANTT_IS_RECORD_LIST (self));
  start_load (self);
}

/**
 * antt_record_list_find:
 *
 * Returns: the position of the record @id, or %GTK_INVALID_LIST_POSITION
 */
guint
antt_record_list_find (AnttRecordList *self,
                       gint64          id)
{
  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), G_MAXUINT);

  if (self->snapshot == NULL)
    return G_MAXUINT;
  for (guint i = 0; i < self->view->len; i++)
    if (antt_record_rows_get_id (self->snapshot->rows, g_array_index (self->view, guint32, i)) == id)
      return i;
  return G_MAXUINT;
}

/**
 * antt_record_list_dup_shown:
 * @rows: (out) (transfer full) (nullable): the rows the positions point into
 *
 * What the list shows, searched and sorted, to read in another thread: the
 * arrays are never changed once made.
 *
 * Returns: (transfer full) (element-type guint32): the row of each position
 */
GArray *
antt_record_list_dup_shown (AnttRecordList  *self,
                            AnttRecordRows **rows)
{
  g_return_val_if_fail (ANTT_IS_RECORD_LIST (self), NULL);
  g_return_val_if_fail (rows != NULL, NULL);

  *rows = self->snapshot ? antt_record_rows_ref (self->snapshot->rows) : NULL;
  if (*rows == NULL)
    return g_array_new (FALSE, FALSE, sizeof (guint32));
  return g_array_ref (self->view);
}
