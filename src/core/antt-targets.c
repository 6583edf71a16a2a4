/* antt-targets.c: the plan's targets (T1–T16), measured from the records.
 *
 * What is counted. Periods are inclusive; "members" are those active during
 * the period (joined_date <= to, left_date NULL or >= from). The code of a
 * target decides how it is computed; its row in `targets` gives the
 * threshold and the comparison, so that a later movement may change them.
 *
 *   T1  tips received in the period: via the force / all.
 *   T2  incidents in the period: with at least one member taking part / all.
 *   T3, T5, T7  members who passed a training of the kind (mass
 *       mobilisation, fire and rescue, administrative order) held on or
 *       before the period's end (training before joining counts) / members.
 *   T4  examples recognised by the district police or higher
 *       (recognition_level district, province, ministry or state) on or
 *       before the period's end, per village: a village meets it with at
 *       least the threshold (1). A team or the commune: villages meeting it
 *       / villages (served by the team, or all); the commune also needs at
 *       least as many models (kind model, with the force, started on or
 *       before the period's end) as the threshold, in `models`.
 *   T6  call-outs in the period with at least one member mobilised. One is
 *       attended on time when at least one mobilised member was present and
 *       every member present came on time (a member mobilised but absent
 *       does not make it late: the force came, in time). Per team, the same
 *       over the team's own mobilised members.
 *   T8  business violations in the period (must be 0).
 *   T9  per village, the latest population count on or before the period's
 *       end: persons with information provided / persons; a team or the
 *       commune adds up its villages' counts.
 *   T10 incidents of type weapons in the period (must be 0).
 *   T11 reintegration cases that re-offended in the period, among the cases
 *       supported during it (start_date <= to, end_date NULL or >= from);
 *       the supported cases are the denominator.
 *   T12 members with a patrol in the period / members.
 *   T13 traffic accidents in the period of severity serious or worse
 *       (must be 0).
 *   T14 members who attended a political activity in the period / members.
 *   T15 members with a violation dated in the period (must be 0); the
 *       members are the denominator.
 *   T16 team-months: the calendar months that the period touches during
 *       which the team existed. A month is met when the team has a good
 *       deed or a commendation dated anywhere in that calendar month: the
 *       plan asks for one every month, and a month cut by a phase boundary
 *       (February 2025) is one month of the plan, met by a deed on 10/02
 *       for both phases. A month is judged once it is over; before that it
 *       counts only when already met.
 *
 * Levels. The commune has every target. A team has the member targets
 * through members.team_id; the targets on records that carry a village (T1,
 * T2, T4, T8, T9, T10, T13) through the villages it serves (team_villages);
 * T6 through its mobilised members; T11 through the case's assigned team;
 * T16 its own months. A village has T1, T2, T4, T6, T8, T9, T10, T11 and
 * T13. Teams are those that existed during the period; records without a
 * village count for the commune only.
 *
 * States.
 *   - No data: a share with an empty denominator (no tips, no members…);
 *     T11 with no case supported and T15 with no member in the period; a
 *     count (T8, T10, T13, T11, T15) over a period that has not started.
 *     Zero violations over a period that has started is met: there is
 *     nothing to report, and that is the target.
 *   - At risk: only while the period runs (its last day is after today).
 *     A share short of its threshold is at risk, not yet failed; so is a
 *     share that meets a threshold below 100% by less than 5 points (82%
 *     of tips against 80%), as a few new records could turn it. A count
 *     that must reach a number (T4 examples) is at risk while short of it.
 *     A count that must stay at 0 is never at risk: a case recorded cannot
 *     be undone.
 *   - Otherwise met or not met. Once the period is over there are no
 *     states but these and no data.
 *
 * Speed. No query per team or village: each group of targets is one query
 * or two (tips; incidents and those with a member taking part; members;
 * their trainings; patrols; political activities; call-outs and their
 * members; good deeds…) whose rows are added up here for the commune, every
 * team and every village at once. That avoids the temporary B-trees that
 * GROUP BY and ORDER BY would sort through. Since schema version 4 every
 * large read is of a covering index (tips, incidents and call-outs by date
 * with their village and what the targets test; patrols by member; the
 * mobilised members by call-out), a tenth of the tables' size, so that
 * what the evaluation reads stays in the page cache from one evaluation to
 * the next. The results take one block, kept from the last report for the
 * next (results_block_take ()). Where there are two processors, the
 * targets on the villages' records are read on a second connection in a
 * second thread, on the same snapshot (see "Two connections" below).
 * bench-targets times it on a province's worth of records against plain
 * SQLite queries.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "antt-database-private.h"
#include "antt-date.h"
#include "antt-records-private.h"
#include "antt-targets.h"
#include "antt-text.h"

#define AT_RISK_MARGIN 5.0
#define EPSILON 1e-9

/* SQLite has no statistics to choose how to find the members who
 * patrolled, so this share of the patrols' dates chooses for it (see
 * period_share ()). Measured on demo data of scale 300: members are asked
 * member by member for a patrol in the period (the first one found will
 * do) beyond a quarter of the patrols' dates: over a phase, 69 ms against
 * 223 ms from the patrols to their members; over a month, 153 ms against
 * 31 ms. */
#define MEMBER_BY_MEMBER_SHARE 0.25

#define EXAMPLE_RECOGNISED(x) \
  x ".kind = 'example' AND " x ".recognition_level IN ('district', 'province', 'ministry', 'state')" \
  " AND " x ".recognised_date <= ?2"

typedef enum
{
  KIND_NONE,      /* a code this version does not compute */
  KIND_RATIO,
  KIND_COUNT,
  KIND_EXAMPLES,  /* T4 */
} Kind;

#define LEVEL_BIT(level) (1u << (level))
#define L_C LEVEL_BIT (ANTT_TARGET_LEVEL_COMMUNE)
#define L_T LEVEL_BIT (ANTT_TARGET_LEVEL_TEAM)
#define L_V LEVEL_BIT (ANTT_TARGET_LEVEL_VILLAGE)

typedef struct
{
  const char *code;
  Kind        kind;
  gboolean    has_basis;   /* COUNT: no data when the denominator is 0 */
  guint       levels;
} Rule;

static const Rule rules[] = {
  { "T1", KIND_RATIO, FALSE, L_C | L_T | L_V },
  { "T2", KIND_RATIO, FALSE, L_C | L_T | L_V },
  { "T3", KIND_RATIO, FALSE, L_C | L_T },
  { "T4", KIND_EXAMPLES, FALSE, L_C | L_T | L_V },
  { "T5", KIND_RATIO, FALSE, L_C | L_T },
  { "T6", KIND_RATIO, FALSE, L_C | L_T | L_V },
  { "T7", KIND_RATIO, FALSE, L_C | L_T },
  { "T8", KIND_COUNT, FALSE, L_C | L_T | L_V },
  { "T9", KIND_RATIO, FALSE, L_C | L_T | L_V },
  { "T10", KIND_COUNT, FALSE, L_C | L_T | L_V },
  { "T11", KIND_COUNT, TRUE, L_C | L_T | L_V },
  { "T12", KIND_RATIO, FALSE, L_C | L_T },
  { "T13", KIND_COUNT, FALSE, L_C | L_T | L_V },
  { "T14", KIND_RATIO, FALSE, L_C | L_T },
  { "T15", KIND_COUNT, TRUE, L_C | L_T },
  { "T16", KIND_RATIO, FALSE, L_C | L_T },
};

typedef struct
{
  char             *code;
  char             *title;
  char             *measure;
  char             *comparison;
  char             *scope;
  double            threshold;
  const Rule       *rule;
  AnttTargetResult *results[ANTT_TARGET_N_LEVELS];
  guint             n_results[ANTT_TARGET_N_LEVELS];
} Target;

/* Row ids to small indexes (or flags): an array over the ids' range, which
 * is what rowids almost always allow, or else a hash table. The loops over
 * tens of thousands of rows look ids up here once a row. */
typedef struct
{
  gint64      min;
  gint64      len;
  gint32     *dense;
  GHashTable *sparse;   /* gint64 * (owned) → value + 1 */
} IdMap;

#define ID_MAP_DENSE_MAX (G_GINT64_CONSTANT (1) << 24)

struct _AnttTargetReport
{
  gatomicrefcount  ref_count;
  gint64           campaign_id;
  char            *from;
  char            *to;
  char            *today;
  GStringChunk    *strings;
  GArray          *units[ANTT_TARGET_N_LEVELS];       /* AnttTargetUnit */
  IdMap            unit_index[ANTT_TARGET_N_LEVELS];  /* id → index */
  Target          *targets;
  guint            n_targets;
  AnttTargetResult *results;   /* one block for the results of every target */
  gsize            n_results;

  /* T16's grid, as evaluated: the teams (Team, strings in `strings`), the
   * months and the deeds of each team in each month. */
  GArray          *t16_teams;
  GArray          *t16_months;
  guint           *t16_counts;
};

G_DEFINE_BOXED_TYPE (AnttTargetReport, antt_target_report,
                     antt_target_report_ref, antt_target_report_unref)

/* Teams of a period, with what T16 needs of them. */
typedef struct
{
  gint64      id;
  const char *name;
  const char *established;  /* NULL: since always */
  const char *dissolved;    /* NULL: still there */
} Team;

typedef struct
{
  guint year;
  guint month;
  char  first[11];      /* within the period */
  char  last[11];
  char  month_end[11];  /* of the calendar month */
} Month;

#define NO_TEAM (-1)

enum
{
  FLAG_T3  = 1 << 0,
  FLAG_T5  = 1 << 1,
  FLAG_T7  = 1 << 2,
  FLAG_T12 = 1 << 3,
  FLAG_T14 = 1 << 4,
  FLAG_T15 = 1 << 5,
};

typedef struct
{
  AnttDatabase     *db;
  AnttTargetReport *report;
  const char       *from;
  const char       *to;
  const char       *today;
  gboolean          started;   /* from <= today */
  gboolean          running;   /* to > today */

  GArray           *teams;     /* Team, in the order of the team units */
  GStringChunk     *scratch;   /* strings of the teams */

  /* The teams serving village v: village_teams[village_team_start[v] …
   * village_team_start[v + 1]). */
  guint            *village_team_start;
  guint            *village_teams;

  /* Every member, active during the period or not, by position. */
  IdMap             member_index;  /* id → position */
  guint             n_members;
  gint32           *member_team;   /* team unit index, or NO_TEAM */
  guint8           *member_active;
  guint8           *member_flags;  /* FLAG_T… */
} Eval;

/* Small helpers ----------------------------------------------------------- */

static const Rule *
rule_lookup (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_strcmp0 (rules[i].code, code) == 0)
      return &rules[i];
  return NULL;
}

static gboolean
compare (double      value,
         const char *comparison,
         double      threshold)
{
  if (g_strcmp0 (comparison, ">") == 0)
    return value > threshold + EPSILON;
  if (g_strcmp0 (comparison, "<=") == 0)
    return value <= threshold + EPSILON;
  if (g_strcmp0 (comparison, "=") == 0)
    return fabs (value - threshold) < EPSILON;
  return value >= threshold - EPSILON;
}

static gboolean
comparison_asks_more (const char *comparison)
{
  return g_strcmp0 (comparison, ">=") == 0 || g_strcmp0 (comparison, ">") == 0;
}

/* A percentage that meets its threshold, but by less than the margin. */
static gboolean
near_threshold (double      value,
                const char *comparison,
                double      threshold)
{
  if (comparison_asks_more (comparison))
    return threshold + AT_RISK_MARGIN <= 100.0 && value < threshold + AT_RISK_MARGIN;
  if (g_strcmp0 (comparison, "<=") == 0)
    return threshold - AT_RISK_MARGIN >= 0.0 && value > threshold - AT_RISK_MARGIN;
  return FALSE;
}

static gboolean
parse_date (const char *iso,
            GDate      *date)
{
  return iso != NULL && antt_date_parse_iso (iso, date);
}

static void
format_date (const GDate *date,
             char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static gboolean
check_period (const char  *from_iso,
              const char  *to_iso,
              GError     **error)
{
  GDate from, to;

  if (!parse_date (from_iso, &from) || !parse_date (to_iso, &to))
    {
      antt_record_set_field_error (error, NULL, ANTT_RECORD_ERROR_INVALID_DATE,
                                   _("The period needs a valid first and last day."));
      return FALSE;
    }
  if (g_date_compare (&from, &to) > 0)
    {
      antt_record_set_field_error (error, NULL, ANTT_RECORD_ERROR_DATE_ORDER,
                                   _("The period must end on or after its first day."));
      return FALSE;
    }
  return TRUE;
}

/* The calendar months that [from, to] touches. */
static GArray *
period_months (const char *from_iso,
               const char *to_iso)
{
  GArray *months = g_array_new (FALSE, TRUE, sizeof (Month));
  GDate from, to, month;

  if (!parse_date (from_iso, &from) || !parse_date (to_iso, &to))
    return months;

  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, g_date_get_month (&from), g_date_get_year (&from));
  while (g_date_compare (&month, &to) <= 0)
    {
      Month m = { 0 };
      GDate end = month;

      g_date_add_months (&end, 1);
      g_date_subtract_days (&end, 1);
      m.year = g_date_get_year (&month);
      m.month = g_date_get_month (&month);
      format_date (g_date_compare (&month, &from) < 0 ? &from : &month, m.first);
      format_date (g_date_compare (&end, &to) > 0 ? &to : &end, m.last);
      format_date (&end, m.month_end);
      g_array_append_val (months, m);
      g_date_add_months (&month, 1);
    }
  return months;
}

/* "YYYY-MM-DD" → months since year 0, or -1. */
static int
month_number (const char *iso)
{
  if (iso == NULL || strlen (iso) < 7 || iso[4] != '-')
    return -1;
  return atoi (iso) * 12 + atoi (iso + 5) - 1;
}

/* Id maps ------------------------------------------------------------------ */

static void
id_map_init (IdMap  *map,
             gint64  min,
             gint64  max,
             gsize   n_ids)
{
  guint64 range;

  memset (map, 0, sizeof *map);
  if (n_ids == 0 || max < min)
    return;

  range = (guint64) max - (guint64) min;
  if (range < ID_MAP_DENSE_MAX && range < 64 * (guint64) n_ids + 4096)
    {
      map->min = min;
      map->len = (gint64) range + 1;
      map->dense = g_new (gint32, map->len);
      memset (map->dense, 0xff, sizeof (gint32) * map->len);
    }
  else
    map->sparse = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_map_set (IdMap  *map,
            gint64  id,
            int     value)
{
  if (map->dense != NULL)
    {
      if (id >= map->min && (guint64) id - (guint64) map->min < (guint64) map->len)
        map->dense[(guint64) id - (guint64) map->min] = value;
    }
  else if (map->sparse != NULL)
    g_hash_table_insert (map->sparse, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (value + 1));
}

/* Returns the value of @id, or -1. */
static inline int
id_map_get (const IdMap *map,
            gint64       id)
{
  if (map->dense != NULL)
    return id >= map->min && (guint64) id - (guint64) map->min < (guint64) map->len
           ? map->dense[(guint64) id - (guint64) map->min] : -1;
  if (map->sparse != NULL)
    return GPOINTER_TO_INT (g_hash_table_lookup (map->sparse, &id)) - 1;
  return -1;
}

static void
id_map_clear (IdMap *map)
{
  g_clear_pointer (&map->dense, g_free);
  g_clear_pointer (&map->sparse, g_hash_table_unref);
}

/* A map of @ids (an array of gint64) to their positions. */
static void
id_map_init_positions (IdMap        *map,
                       const gint64 *ids,
                       gsize         stride,
                       guint         n_ids)
{
  gint64 min = G_MAXINT64, max = G_MININT64;

  for (guint i = 0; i < n_ids; i++)
    {
      gint64 id = *(const gint64 *) (const void *) ((const char *) ids + i * stride);

      min = MIN (min, id);
      max = MAX (max, id);
    }
  id_map_init (map, min, max, n_ids);
  for (guint i = 0; i < n_ids; i++)
    id_map_set (map, *(const gint64 *) (const void *) ((const char *) ids + i * stride), (int) i);
}

/* Units -------------------------------------------------------------------- */

static int
unit_index (AnttTargetReport *report,
            AnttTargetLevel   level,
            gint64            id)
{
  return id_map_get (&report->unit_index[level], id);
}

static void
index_units (AnttTargetReport *report,
             AnttTargetLevel   level)
{
  GArray *units = report->units[level];

  id_map_init_positions (&report->unit_index[level], (const gint64 *) (void *) units->data,
                         sizeof (AnttTargetUnit), units->len);
}

static gboolean
step_error (AnttDatabase  *db,
            int            rc,
            GError       **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  antt_database_set_error (db, error, NULL);
  return FALSE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Teams that existed at some time during [from, to], by id. */
static GArray *
load_teams (AnttDatabase  *db,
            GStringChunk  *strings,
            gint64         team_id,
            const char    *from,
            const char    *to,
            GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  g_autoptr(GArray) teams = g_array_new (FALSE, TRUE, sizeof (Team));
  int rc;

  stmt = antt_database_prepare (db,
                                "SELECT id, name, established_date, dissolved_date FROM teams"
                                " WHERE (established_date IS NULL OR established_date <= ?2)"
                                " AND (dissolved_date IS NULL OR dissolved_date >= ?1)"
                                " AND (?3 = 0 OR id = ?3)"
                                " ORDER BY id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, team_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Team team = { 0 };
      const char *established = column_text (stmt, 2);
      const char *dissolved = column_text (stmt, 3);

      team.id = sqlite3_column_int64 (stmt, 0);
      team.name = g_string_chunk_insert_const (strings, column_text (stmt, 1));
      team.established = established ? g_string_chunk_insert_const (strings, established) : NULL;
      team.dissolved = dissolved ? g_string_chunk_insert_const (strings, dissolved) : NULL;
      g_array_append_val (teams, team);
    }
  if (!step_error (db, rc, error))
    return NULL;
  return g_steal_pointer (&teams);
}

/* Team-months (T16) -------------------------------------------------------- */

/* The good deeds of each team (by position in @teams) in each calendar
 * month of the period: counts[team * months->len + month]. */
static guint *
count_deeds (AnttDatabase  *db,
             GArray        *teams,
             gint64         team_id,
             GArray        *months,
             GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  g_autofree guint *counts = NULL;
  IdMap index;
  char first[11];
  int base;
  int rc;

  counts = g_new0 (guint, MAX ((gsize) teams->len * months->len, 1));
  if (months->len == 0 || teams->len == 0)
    return g_steal_pointer (&counts);

  base = (int) g_array_index (months, Month, 0).year * 12 +
         (int) g_array_index (months, Month, 0).month - 1;
  g_snprintf (first, sizeof first, "%04u-%02u-01", g_array_index (months, Month, 0).year,
              g_array_index (months, Month, 0).month);

  /* SQLite reads both columns from the (team_id, date) index. */
  if (team_id == 0)
    stmt = antt_database_prepare (db, "SELECT team_id, date FROM good_deeds"
                                      " WHERE date BETWEEN ?1 AND ?2", error);
  else
    stmt = antt_database_prepare (db, "SELECT team_id, date FROM good_deeds"
                                      " WHERE team_id = ?3 AND date BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return NULL;
  id_map_init_positions (&index, (const gint64 *) (void *) teams->data, sizeof (Team), teams->len);
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, g_array_index (months, Month, months->len - 1).month_end, -1,
                     SQLITE_TRANSIENT);
  if (team_id != 0)
    sqlite3_bind_int64 (stmt, 3, team_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int t = id_map_get (&index, id);
      int m = month_number (column_text (stmt, 1)) - base;

      if (t >= 0 && m >= 0 && m < (int) months->len)
        counts[(gsize) t * months->len + (guint) m]++;
    }
  id_map_clear (&index);
  if (!step_error (db, rc, error))
    return NULL;
  return g_steal_pointer (&counts);
}

/* Whether @team existed during @month. */
static gboolean
team_in_month (const Team  *team,
               const Month *month)
{
  return (team->established == NULL || strcmp (team->established, month->last) <= 0) &&
         (team->dissolved == NULL || strcmp (team->dissolved, month->first) >= 0);
}

/* Whether the month counts in T16's denominator: over by @today, or met. */
static gboolean
month_counted (const Month *month,
               guint        n_deeds,
               const char  *today)
{
  return n_deeds > 0 || strcmp (month->month_end, today) < 0;
}

/* Appends to @out the team-months of @teams (Team) whose deeds per month
 * are @counts (see count_deeds ()); of the team @team_id only, unless 0. */
static void
team_months_build (GArray      *teams,
                   GArray      *months,
                   const guint *counts,
                   gint64       team_id,
                   const char  *today,
                   GArray      *out)
{
  for (guint t = 0; t < teams->len; t++)
    {
      const Team *team = &g_array_index (teams, Team, t);

      if (team_id != 0 && team->id != team_id)
        continue;

      for (guint m = 0; m < months->len; m++)
        {
          const Month *month = &g_array_index (months, Month, m);
          AnttTeamMonth tm = { 0 };

          if (!team_in_month (team, month))
            continue;

          tm.team_id = team->id;
          tm.year = month->year;
          tm.month = month->month;
          memcpy (tm.first, month->first, sizeof tm.first);
          memcpy (tm.last, month->last, sizeof tm.last);
          tm.n_deeds = counts[(gsize) t * months->len + m];
          tm.counted = month_counted (month, tm.n_deeds, today);
          g_array_append_val (out, tm);
        }
    }
}

static gboolean
team_months_compute (AnttDatabase  *db,
                     GArray        *teams,
                     gint64         team_id,
                     const char    *from,
                     const char    *to,
                     const char    *today,
                     GArray        *out,
                     GError       **error)
{
  g_autoptr(GArray) months = period_months (from, to);
  g_autofree guint *counts = NULL;

  if (months->len == 0 || teams->len == 0)
    return TRUE;

  counts = count_deeds (db, teams, team_id, months, error);
  if (counts == NULL)
    return FALSE;
  team_months_build (teams, months, counts, team_id, today, out);
  return TRUE;
}

/* Result blocks -------------------------------------------------------------- */

/* The results of a report take one block: some 10 MB for a province (87,000
 * results of 112 bytes). Memory that fresh costs the kernel a page fault
 * every 4 KiB, 25 ms on the benchmark's machine, more than reading all the
 * tips. The block of the last report freed is kept for the next evaluation,
 * which the overview runs again at every change of the records. */
static GMutex            spare_lock;
static AnttTargetResult *spare_results;
static gsize             spare_n_results;

static AnttTargetResult *
results_block_take (gsize n_results)
{
  AnttTargetResult *block = NULL;

  g_mutex_lock (&spare_lock);
  if (spare_results != NULL && spare_n_results >= n_results &&
      spare_n_results / 2 <= n_results)
    {
      block = g_steal_pointer (&spare_results);
      spare_n_results = 0;
    }
  g_mutex_unlock (&spare_lock);

  if (block == NULL)
    return g_new0 (AnttTargetResult, MAX (n_results, 1));
  memset (block, 0, sizeof (AnttTargetResult) * n_results);
  return block;
}

static void
results_block_give (AnttTargetResult *block,
                    gsize             n_results)
{
  g_mutex_lock (&spare_lock);
  if (spare_results == NULL || n_results > spare_n_results)
    {
      AnttTargetResult *old = g_steal_pointer (&spare_results);

      spare_results = block;
      spare_n_results = n_results;
      block = old;
    }
  g_mutex_unlock (&spare_lock);
  g_free (block);
}

/* Report ------------------------------------------------------------------- */

static void
target_clear (Target *target)
{
  g_free (target->code);
  g_free (target->title);
  g_free (target->measure);
  g_free (target->comparison);
  g_free (target->scope);
}

AnttTargetReport *
antt_target_report_ref (AnttTargetReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  g_atomic_ref_count_inc (&report->ref_count);
  return report;
}

void
antt_target_report_unref (AnttTargetReport *report)
{
  g_return_if_fail (report != NULL);

  if (!g_atomic_ref_count_dec (&report->ref_count))
    return;

  for (guint i = 0; i < report->n_targets; i++)
    target_clear (&report->targets[i]);
  g_free (report->targets);
  if (report->results != NULL)
    results_block_give (report->results, report->n_results);
  g_clear_pointer (&report->t16_teams, g_array_unref);
  g_clear_pointer (&report->t16_months, g_array_unref);
  g_clear_pointer (&report->t16_counts, g_free);
  for (guint l = 0; l < ANTT_TARGET_N_LEVELS; l++)
    {
      id_map_clear (&report->unit_index[l]);
      g_clear_pointer (&report->units[l], g_array_unref);
    }
  g_string_chunk_free (report->strings);
  g_free (report->from);
  g_free (report->to);
  g_free (report->today);
  g_free (report);
}

static Target *
report_find_target (AnttTargetReport *report,
                    const char       *code)
{
  for (guint i = 0; i < report->n_targets; i++)
    if (g_strcmp0 (report->targets[i].code, code) == 0)
      return &report->targets[i];
  return NULL;
}

static gboolean
load_targets (Eval    *e,
              GError **error)
{
  AnttTargetReport *report = e->report;
  g_autoptr(AnttStatement) stmt = NULL;
  g_autoptr(GArray) targets = g_array_new (FALSE, TRUE, sizeof (Target));
  int rc;

  stmt = antt_database_prepare (e->db,
                                "SELECT code, title, measure, comparison, threshold, scope"
                                " FROM targets WHERE campaign_id = ?1 ORDER BY ordinal, id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report->campaign_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Target target = { 0 };

      target.code = g_strdup (column_text (stmt, 0));
      target.title = g_strdup (column_text (stmt, 1));
      target.measure = g_strdup (column_text (stmt, 2));
      target.comparison = g_strdup (column_text (stmt, 3));
      target.threshold = sqlite3_column_double (stmt, 4);
      target.scope = g_strdup (column_text (stmt, 5));
      target.rule = rule_lookup (target.code);
      g_array_append_val (targets, target);
    }
  if (!step_error (e->db, rc, error))
    {
      for (guint i = 0; i < targets->len; i++)
        target_clear (&g_array_index (targets, Target, i));
      return FALSE;
    }

  report->n_targets = targets->len;
  report->targets = (Target *) (void *) g_array_free (g_steal_pointer (&targets), FALSE);
  return TRUE;
}

typedef struct
{
  guint village;
  guint team;
} Link;

static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  const Link *la = a;
  const Link *lb = b;

  if (la->village != lb->village)
    return la->village < lb->village ? -1 : 1;
  return (la->team > lb->team) - (la->team < lb->team);
}

/* The commune, the teams of the period and every village; which teams
 * serve which villages. */
static gboolean
load_units (Eval    *e,
            GError **error)
{
  AnttTargetReport *report = e->report;
  g_autoptr(AnttStatement) villages = NULL;
  g_autoptr(AnttStatement) stmt = NULL;
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (Link));
  AnttTargetUnit commune = { 0, NULL };
  guint n_villages;
  int rc;

  /* The commune, by the name its settings give. */
  stmt = antt_database_prepare (e->db, "SELECT commune_name FROM commune WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && column_text (stmt, 0) != NULL && *column_text (stmt, 0) != '\0')
    commune.name = g_string_chunk_insert_const (report->strings, column_text (stmt, 0));
  else if (rc != SQLITE_ROW && !step_error (e->db, rc, error))
    return FALSE;
  if (commune.name == NULL)
    commune.name = g_string_chunk_insert_const (report->strings, _("Commune"));
  g_clear_pointer (&stmt, antt_statement_reset);
  report->units[ANTT_TARGET_LEVEL_COMMUNE] = g_array_new (FALSE, FALSE, sizeof (AnttTargetUnit));
  g_array_append_val (report->units[ANTT_TARGET_LEVEL_COMMUNE], commune);

  e->teams = load_teams (e->db, e->scratch, 0, e->from, e->to, error);
  if (e->teams == NULL)
    return FALSE;
  report->units[ANTT_TARGET_LEVEL_TEAM] = g_array_sized_new (FALSE, FALSE, sizeof (AnttTargetUnit),
                                                             e->teams->len);
  for (guint t = 0; t < e->teams->len; t++)
    {
      const Team *team = &g_array_index (e->teams, Team, t);
      AnttTargetUnit unit = { team->id,
                              g_string_chunk_insert_const (report->strings, team->name) };

      g_array_append_val (report->units[ANTT_TARGET_LEVEL_TEAM], unit);
    }

  villages = antt_database_prepare (e->db, "SELECT id, name FROM villages ORDER BY id", error);
  if (villages == NULL)
    return FALSE;
  report->units[ANTT_TARGET_LEVEL_VILLAGE] = g_array_new (FALSE, FALSE, sizeof (AnttTargetUnit));
  while ((rc = sqlite3_step (villages)) == SQLITE_ROW)
    {
      AnttTargetUnit unit = { sqlite3_column_int64 (villages, 0),
                              g_string_chunk_insert_const (report->strings,
                                                           column_text (villages, 1)) };

      g_array_append_val (report->units[ANTT_TARGET_LEVEL_VILLAGE], unit);
    }
  if (!step_error (e->db, rc, error))
    return FALSE;

  for (guint l = 0; l < ANTT_TARGET_N_LEVELS; l++)
    index_units (report, l);

  /* Which teams serve each village. */
  stmt = antt_database_prepare (e->db, "SELECT team_id, village_id FROM team_villages", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int t = unit_index (report, ANTT_TARGET_LEVEL_TEAM, sqlite3_column_int64 (stmt, 0));
      int v = unit_index (report, ANTT_TARGET_LEVEL_VILLAGE, sqlite3_column_int64 (stmt, 1));
      Link link = { (guint) v, (guint) t };

      if (t >= 0 && v >= 0)
        g_array_append_val (links, link);
    }
  if (!step_error (e->db, rc, error))
    return FALSE;

  g_array_sort (links, compare_links);
  n_villages = report->units[ANTT_TARGET_LEVEL_VILLAGE]->len;
  e->village_team_start = g_new0 (guint, n_villages + 1);
  e->village_teams = g_new (guint, links->len + 1);
  for (guint i = 0; i < links->len; i++)
    {
      const Link *link = &g_array_index (links, Link, i);

      e->village_teams[i] = link->team;
      e->village_team_start[link->village + 1]++;
    }
  for (guint v = 0; v < n_villages; v++)
    e->village_team_start[v + 1] += e->village_team_start[v];
  return TRUE;
}

static guint
target_levels (const Target *target)
{
  return target->rule ? target->rule->levels : L_C;
}

static void
allocate_results (Eval *e)
{
  AnttTargetReport *report = e->report;
  AnttTargetResult *next;

  report->n_results = 0;
  for (guint i = 0; i < report->n_targets; i++)
    for (guint l = 0; l < ANTT_TARGET_N_LEVELS; l++)
      if (target_levels (&report->targets[i]) & LEVEL_BIT (l))
        report->n_results += report->units[l]->len;
  report->results = results_block_take (report->n_results);

  next = report->results;
  for (guint i = 0; i < report->n_targets; i++)
    {
      Target *target = &report->targets[i];
      guint levels = target_levels (target);

      for (guint l = 0; l < ANTT_TARGET_N_LEVELS; l++)
        {
          GArray *units = report->units[l];

          if (!(levels & LEVEL_BIT (l)))
            continue;
          target->n_results[l] = units->len;
          target->results[l] = next;
          next += units->len;
          for (guint u = 0; u < units->len; u++)
            {
              AnttTargetResult *result = &target->results[l][u];

              result->code = target->code;
              result->title = target->title;
              result->measure = target->measure;
              result->comparison = target->comparison;
              result->scope = target->scope;
              result->level = l;
              result->unit_id = g_array_index (units, AnttTargetUnit, u).id;
              result->unit_name = g_array_index (units, AnttTargetUnit, u).name;
              result->threshold = target->threshold;
            }
        }
    }
}

/* Tallies ------------------------------------------------------------------ */

static inline void
add (Target          *target,
     AnttTargetLevel  level,
     int              index,
     gint64           numerator,
     gint64           denominator)
{
  if (index < 0 || (guint) index >= target->n_results[level])
    return;
  target->results[level][index].numerator += numerator;
  target->results[level][index].denominator += denominator;
}

/* Adds to the commune, the village @v (-1: none) and the teams serving it. */
static void
tally_village (Eval   *e,
               Target *target,
               int     v,
               gint64  numerator,
               gint64  denominator)
{
  if (target == NULL)
    return;
  add (target, ANTT_TARGET_LEVEL_COMMUNE, 0, numerator, denominator);
  if (v < 0)
    return;
  add (target, ANTT_TARGET_LEVEL_VILLAGE, v, numerator, denominator);
  for (guint k = e->village_team_start[v]; k < e->village_team_start[v + 1]; k++)
    add (target, ANTT_TARGET_LEVEL_TEAM, (int) e->village_teams[k], numerator, denominator);
}

/* Adds to the commune and the team @t (-1: none). */
static void
tally_team (Target *target,
            int     t,
            gint64  numerator,
            gint64  denominator)
{
  if (target == NULL)
    return;
  add (target, ANTT_TARGET_LEVEL_COMMUNE, 0, numerator, denominator);
  add (target, ANTT_TARGET_LEVEL_TEAM, t, numerator, denominator);
}

static void
bind_period (sqlite3_stmt *stmt,
             const char   *from,
             const char   *to)
{
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
}

/* The share (0–1) of the days from the first to the last date of a table
 * (given by @min_max_sql) that the period covers; 0 for an empty table. */
static double
period_share (Eval       *e,
              const char *min_max_sql)
{
  g_autoptr(AnttStatement) stmt = antt_database_prepare (e->db, min_max_sql, NULL);
  const char *min, *max;
  int span, covered;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  min = column_text (stmt, 0);
  max = column_text (stmt, 1);
  if (min == NULL || max == NULL)
    return 0;

  span = antt_date_days_between (min, max) + 1;
  covered = antt_date_days_between (strcmp (min, e->from) > 0 ? min : e->from,
                                    strcmp (max, e->to) < 0 ? max : e->to) + 1;
  if (span <= 0 || covered <= 0)
    return 0;
  return (double) covered / span;
}

/* Targets -------------------------------------------------------------------- */

/* A set of row ids: bits over the ids' range, which rowids almost always
 * allow, or else a hash table. */
typedef struct
{
  gint64      min;
  guint64     n_bits;
  guint64    *bits;
  GHashTable *sparse;   /* gint64 * (owned) */
} IdSet;

#define ID_SET_BITS_MAX (G_GUINT64_CONSTANT (1) << 27)   /* 16 MiB */

static inline gboolean
id_set_contains (const IdSet *set,
                 gint64       id)
{
  if (set->bits != NULL)
    {
      guint64 bit = (guint64) id - (guint64) set->min;

      return id >= set->min && bit < set->n_bits && (set->bits[bit / 64] >> (bit % 64)) & 1;
    }
  return set->sparse != NULL && g_hash_table_contains (set->sparse, &id);
}

static void
id_set_clear (IdSet *set)
{
  g_clear_pointer (&set->bits, g_free);
  g_clear_pointer (&set->sparse, g_hash_table_unref);
}

/* Collects the ids of the first column of @sql into @set; @range_sql gives
 * their least and greatest, so that the set is sized before it is filled. */
static gboolean
collect_ids (Eval        *e,
             const char  *range_sql,
             const char  *sql,
             IdSet       *set,
             GError     **error)
{
  g_autoptr(AnttStatement) range = antt_database_prepare (e->db, range_sql, error);
  g_autoptr(AnttStatement) stmt = NULL;
  gint64 min, max;
  int rc;

  memset (set, 0, sizeof *set);
  if (range == NULL)
    return FALSE;
  if ((rc = sqlite3_step (range)) != SQLITE_ROW)
    return step_error (e->db, rc, error);
  if (sqlite3_column_type (range, 0) == SQLITE_NULL)
    return TRUE;   /* no ids */
  min = sqlite3_column_int64 (range, 0);
  max = sqlite3_column_int64 (range, 1);

  if (max >= min && (guint64) max - (guint64) min < ID_SET_BITS_MAX)
    {
      set->min = min;
      set->n_bits = (guint64) max - (guint64) min + 1;
      set->bits = g_new0 (guint64, set->n_bits / 64 + 1);
    }
  else
    set->sparse = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  stmt = antt_database_prepare (e->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, e->from, e->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (set->bits != NULL)
        {
          guint64 bit = (guint64) id - (guint64) set->min;

          if (id >= set->min && bit < set->n_bits)
            set->bits[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
        }
      else
        g_hash_table_add (set->sparse, g_memdup2 (&id, sizeof id));
    }
  return step_error (e->db, rc, error);
}

static int
village_of (Eval         *e,
            sqlite3_stmt *stmt,
            int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return -1;
  return unit_index (e->report, ANTT_TARGET_LEVEL_VILLAGE, sqlite3_column_int64 (stmt, column));
}

/* T1 */
static gboolean
eval_tips (Eval    *e,
           GError **error)
{
  Target *t1 = report_find_target (e->report, "T1");
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  if (t1 == NULL)
    return TRUE;

  stmt = antt_database_prepare (e->db,
                                "SELECT coalesce (village_id, 0), via_force FROM tips"
                                " WHERE received_date BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, e->from, e->to);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    tally_village (e, t1, unit_index (e->report, ANTT_TARGET_LEVEL_VILLAGE,
                                      sqlite3_column_int64 (stmt, 0)),
                   sqlite3_column_int (stmt, 1) != 0, 1);
  return step_error (e->db, rc, error);
}

/* T2, T10, T13. Bit 0: weapons (T10); bit 1: a traffic accident of
 * severity serious or worse (T13). */
#define INCIDENT_FLAGS \
  "(type = 'weapons') | ((type = 'traffic_accident' AND severity <> 'minor') << 1)"

static gboolean
eval_incidents (Eval    *e,
                GError **error)
{
  Target *t2 = report_find_target (e->report, "T2");
  Target *t10 = report_find_target (e->report, "T10");
  Target *t13 = report_find_target (e->report, "T13");
  g_autoptr(AnttStatement) stmt = NULL;
  IdSet attended = { 0 };
  int rc;

  if (t2 == NULL && t10 == NULL && t13 == NULL)
    return TRUE;

  /* Incidents with a member taking part, from the (incident_id, member_id)
   * index alone. */
  if (t2 != NULL &&
      !collect_ids (e, "SELECT (SELECT min (incident_id) FROM incident_participants),"
                       " (SELECT max (incident_id) FROM incident_participants)",
                    "SELECT DISTINCT incident_id FROM incident_participants", &attended, error))
    {
      id_set_clear (&attended);
      return FALSE;
    }

  stmt = antt_database_prepare (e->db,
                                "SELECT id, coalesce (village_id, 0), " INCIDENT_FLAGS
                                " FROM incidents WHERE occurred_date BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    {
      id_set_clear (&attended);
      return FALSE;
    }
  bind_period (stmt, e->from, e->to);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int v = unit_index (e->report, ANTT_TARGET_LEVEL_VILLAGE, sqlite3_column_int64 (stmt, 1));
      int flags = sqlite3_column_int (stmt, 2);

      tally_village (e, t2, v, id_set_contains (&attended, sqlite3_column_int64 (stmt, 0)), 1);
      if (flags & 1)
        tally_village (e, t10, v, 1, 0);
      if (flags & 2)
        tally_village (e, t13, v, 1, 0);
    }
  id_set_clear (&attended);
  return step_error (e->db, rc, error);
}

/* Members: who is active, and in which team. */
static gboolean
load_members (Eval    *e,
              GError **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) teams = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint8));
  int rc;

  stmt = antt_database_prepare (e->db,
                                "SELECT id, team_id, joined_date <= ?2"
                                " AND (left_date IS NULL OR left_date >= ?1) FROM members",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, e->from, e->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint32 team = unit_index (e->report, ANTT_TARGET_LEVEL_TEAM, sqlite3_column_int64 (stmt, 1));
      guint8 is_active = sqlite3_column_int (stmt, 2) != 0;

      g_array_append_val (ids, id);
      g_array_append_val (teams, team);
      g_array_append_val (active, is_active);
    }
  if (!step_error (e->db, rc, error))
    return FALSE;

  id_map_init_positions (&e->member_index, (const gint64 *) (void *) ids->data, sizeof (gint64),
                         ids->len);
  e->n_members = ids->len;
  e->member_team = (gint32 *) (void *) g_array_free (g_steal_pointer (&teams), FALSE);
  e->member_active = (guint8 *) g_array_free (g_steal_pointer (&active), FALSE);
  e->member_flags = g_new0 (guint8, e->n_members + 1);
  return TRUE;
}

/* Streams (member_id, key) rows and flags the members whose key is in
 * @keys (every member when @keys is NULL); @keys may map keys to flags. */
static gboolean
flag_members (Eval         *e,
              const char   *sql,
              const IdMap  *keys,
              guint8        flag,
              GError      **error)
{
  g_autoptr(AnttStatement) stmt = antt_database_prepare (e->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, e->from, e->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int member = id_map_get (&e->member_index, sqlite3_column_int64 (stmt, 0));
      int found = keys ? id_map_get (keys, sqlite3_column_int64 (stmt, 1)) : 1;

      if (found > 0 && member >= 0)
        e->member_flags[member] |= flag ? flag : (guint8) found;
    }
  return step_error (e->db, rc, error);
}

/* T3, T5, T7 */
static gboolean
eval_trainings (Eval    *e,
                GError **error)
{
  static const struct
  {
    const char *code;
    const char *kind;
    guint8      flag;
  } kinds[] = {
    { "T3", "mass_mobilisation", FLAG_T3 },
    { "T5", "fire_rescue", FLAG_T5 },
    { "T7", "admin_order", FLAG_T7 },
  };
  g_autoptr(AnttStatement) trainings = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) flags = g_array_new (FALSE, FALSE, sizeof (guint8));
  gint64 min = G_MAXINT64, max = G_MININT64;
  gboolean any = FALSE;
  IdMap training_flags;
  gboolean ok;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    any |= report_find_target (e->report, kinds[i].code) != NULL;
  if (!any)
    return TRUE;

  /* Trainings are few: their kinds are looked up here, not joined. */
  trainings = antt_database_prepare (e->db, "SELECT id, kind FROM trainings WHERE date <= ?2",
                                     error);
  if (trainings == NULL)
    return FALSE;
  bind_period (trainings, e->from, e->to);
  while ((rc = sqlite3_step (trainings)) == SQLITE_ROW)
    {
      const char *kind = column_text (trainings, 1);

      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (g_strcmp0 (kind, kinds[i].kind) == 0)
          {
            gint64 id = sqlite3_column_int64 (trainings, 0);

            min = MIN (min, id);
            max = MAX (max, id);
            g_array_append_val (ids, id);
            g_array_append_val (flags, kinds[i].flag);
          }
    }
  if (!step_error (e->db, rc, error))
    return FALSE;
  if (ids->len == 0)
    return TRUE;

  id_map_init (&training_flags, min, max, ids->len);
  for (guint i = 0; i < ids->len; i++)
    id_map_set (&training_flags, g_array_index (ids, gint64, i), g_array_index (flags, guint8, i));
  ok = flag_members (e, "SELECT member_id, training_id FROM training_attendance WHERE passed = 1",
                     &training_flags, 0, error);
  id_map_clear (&training_flags);
  return ok;
}

/* T12 */
static gboolean
eval_patrols (Eval    *e,
              GError **error)
{
  if (report_find_target (e->report, "T12") == NULL)
    return TRUE;

  /* Over most of the movement, nearly every member's first patrol lies in
   * the period: asking member by member stops there. Over a few weeks,
   * the few patrols of the period lead to their members. */
  if (period_share (e, "SELECT (SELECT min (date) FROM patrols),"
                       " (SELECT max (date) FROM patrols)") > MEMBER_BY_MEMBER_SHARE)
    return flag_members (e, "SELECT m.id, 0 FROM members m"
                            " WHERE m.joined_date <= ?2"
                            " AND (m.left_date IS NULL OR m.left_date >= ?1)"
                            " AND EXISTS (SELECT 1 FROM patrol_participants pp"
                            " JOIN patrols p ON p.id = pp.patrol_id"
                            " WHERE pp.member_id = m.id AND p.date BETWEEN ?1 AND ?2)",
                         NULL, FLAG_T12, error);

  return flag_members (e, "SELECT pp.member_id, 0 FROM patrols p"
                          " JOIN patrol_participants pp ON pp.patrol_id = p.id"
                          " WHERE p.date BETWEEN ?1 AND ?2",
                       NULL, FLAG_T12, error);
}

/* T14, T15 */
static gboolean
eval_political_and_violations (Eval    *e,
                               GError **error)
{
  /* Activities are few: from them to their attendance, both read from
   * covering indexes. */
  if (report_find_target (e->report, "T14") != NULL &&
      !flag_members (e, "SELECT pa.member_id, 0 FROM political_activities a"
                        " JOIN political_attendance pa ON pa.activity_id = a.id"
                        " WHERE a.date BETWEEN ?1 AND ?2",
                     NULL, FLAG_T14, error))
    return FALSE;

  if (report_find_target (e->report, "T15") != NULL &&
      !flag_members (e, "SELECT member_id, 0 FROM member_violations"
                        " WHERE date BETWEEN ?1 AND ?2", NULL, FLAG_T15, error))
    return FALSE;

  return TRUE;
}

static void
tally_members (Eval *e)
{
  static const struct
  {
    const char *code;
    guint8      flag;
  } member_targets[] = {
    { "T3", FLAG_T3 }, { "T5", FLAG_T5 }, { "T7", FLAG_T7 },
    { "T12", FLAG_T12 }, { "T14", FLAG_T14 }, { "T15", FLAG_T15 },
  };
  Target *targets[G_N_ELEMENTS (member_targets)];

  for (guint i = 0; i < G_N_ELEMENTS (member_targets); i++)
    targets[i] = report_find_target (e->report, member_targets[i].code);

  for (guint m = 0; m < e->n_members; m++)
    {
      if (!e->member_active[m])
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (member_targets); i++)
        tally_team (targets[i], e->member_team[m],
                    (e->member_flags[m] & member_targets[i].flag) != 0, 1);
    }
}

/* T4 */
static gboolean
eval_examples (Eval    *e,
               GError **error)
{
  Target *t4 = report_find_target (e->report, "T4");
  g_autoptr(AnttStatement) examples = NULL;
  g_autoptr(AnttStatement) models = NULL;
  AnttTargetResult *commune;
  int rc;

  if (t4 == NULL)
    return TRUE;

  examples = antt_database_prepare (e->db,
                                    "SELECT x.village_id, count (*) FROM models x"
                                    " WHERE " EXAMPLE_RECOGNISED ("x")
                                    " AND x.village_id IS NOT NULL GROUP BY x.village_id",
                                    error);
  if (examples == NULL)
    return FALSE;
  bind_period (examples, e->from, e->to);
  while ((rc = sqlite3_step (examples)) == SQLITE_ROW)
    add (t4, ANTT_TARGET_LEVEL_VILLAGE, village_of (e, examples, 0),
         sqlite3_column_int64 (examples, 1), 0);
  if (!step_error (e->db, rc, error))
    return FALSE;

  /* Teams and the commune: villages that meet it / villages. */
  for (guint v = 0; v < t4->n_results[ANTT_TARGET_LEVEL_VILLAGE]; v++)
    {
      const AnttTargetResult *village = &t4->results[ANTT_TARGET_LEVEL_VILLAGE][v];
      gboolean met = compare ((double) village->numerator, t4->comparison, t4->threshold);

      add (t4, ANTT_TARGET_LEVEL_COMMUNE, 0, met, 1);
      for (guint k = e->village_team_start[v]; k < e->village_team_start[v + 1]; k++)
        add (t4, ANTT_TARGET_LEVEL_TEAM, (int) e->village_teams[k], met, 1);
    }

  models = antt_database_prepare (e->db,
                                  "SELECT count (*) FROM models WHERE kind = 'model'"
                                  " AND with_force = 1 AND started_date <= ?2", error);
  if (models == NULL)
    return FALSE;
  bind_period (models, e->from, e->to);
  if ((rc = sqlite3_step (models)) != SQLITE_ROW)
    return step_error (e->db, rc, error);
  commune = &t4->results[ANTT_TARGET_LEVEL_COMMUNE][0];
  commune->models = sqlite3_column_int64 (models, 0);
  return TRUE;
}

/* T6 */

/* A team's part of a call-out: whether a member of it came, and whether
 * all who came were on time. */
typedef struct
{
  gint32   team;      /* team unit index or NO_TEAM */
  gboolean present;
  gboolean on_time;
} Part;

/* Adds the call-out whose mobilised members' parts are in @parts. */
static void
tally_callout (Target *t6,
               int     village,
               GArray *parts)
{
  gboolean any_present = FALSE, all_on_time = TRUE;

  for (guint i = 0; i < parts->len; i++)
    {
      const Part *part = &g_array_index (parts, Part, i);

      any_present |= part->present;
      all_on_time &= part->on_time;
      add (t6, ANTT_TARGET_LEVEL_TEAM, part->team, part->present && part->on_time, 1);
    }
  add (t6, ANTT_TARGET_LEVEL_COMMUNE, 0, any_present && all_on_time, 1);
  add (t6, ANTT_TARGET_LEVEL_VILLAGE, village, any_present && all_on_time, 1);
}

/* The call-outs of the period (few) are read first; then the mobilised
 * members of every call-out, in the order of the call-outs from the
 * (callout_id, member_id, present, on_time) index, are added up call-out
 * by call-out, team by team. */
static gboolean
eval_callouts (Eval    *e,
               GError **error)
{
  Target *t6 = report_find_target (e->report, "T6");
  g_autoptr(AnttStatement) callouts = NULL;
  g_autoptr(AnttStatement) members = NULL;
  g_autoptr(GArray) ids = NULL;        /* gint64 */
  g_autoptr(GArray) villages = NULL;   /* int */
  g_autoptr(GArray) parts = NULL;      /* Part, of the current call-out */
  IdMap index;
  int current = -1;
  int rc;

  if (t6 == NULL)
    return TRUE;

  callouts = antt_database_prepare (e->db, "SELECT id, coalesce (village_id, 0) FROM callouts"
                                           " WHERE date BETWEEN ?1 AND ?2", error);
  if (callouts == NULL)
    return FALSE;
  bind_period (callouts, e->from, e->to);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  villages = g_array_new (FALSE, FALSE, sizeof (int));
  while ((rc = sqlite3_step (callouts)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (callouts, 0);
      int v = unit_index (e->report, ANTT_TARGET_LEVEL_VILLAGE, sqlite3_column_int64 (callouts, 1));

      g_array_append_val (ids, id);
      g_array_append_val (villages, v);
    }
  if (!step_error (e->db, rc, error))
    return FALSE;
  if (ids->len == 0)
    return TRUE;

  members = antt_database_prepare (e->db, "SELECT callout_id, member_id, present, on_time"
                                          " FROM callout_members ORDER BY callout_id", error);
  if (members == NULL)
    return FALSE;
  id_map_init_positions (&index, (const gint64 *) (void *) ids->data, sizeof (gint64), ids->len);
  parts = g_array_new (FALSE, FALSE, sizeof (Part));
  while ((rc = sqlite3_step (members)) == SQLITE_ROW)
    {
      int c = id_map_get (&index, sqlite3_column_int64 (members, 0));
      int member;
      gboolean present, on_time;
      gint32 team;
      guint p;

      if (c < 0)
        continue;
      if (c != current)
        {
          if (current >= 0)
            tally_callout (t6, g_array_index (villages, int, current), parts);
          g_array_set_size (parts, 0);
          current = c;
        }

      member = id_map_get (&e->member_index, sqlite3_column_int64 (members, 1));
      team = member >= 0 ? e->member_team[member] : NO_TEAM;
      present = sqlite3_column_int (members, 2) != 0;
      on_time = sqlite3_column_int (members, 3) != 0;

      /* A member mobilised but absent does not make the team late. */
      for (p = 0; p < parts->len && g_array_index (parts, Part, p).team != team; p++)
        ;
      if (p == parts->len)
        {
          Part part = { team, FALSE, TRUE };

          g_array_append_val (parts, part);
        }
      g_array_index (parts, Part, p).present |= present;
      g_array_index (parts, Part, p).on_time &= on_time || !present;
    }
  if (current >= 0)
    tally_callout (t6, g_array_index (villages, int, current), parts);
  id_map_clear (&index);
  return step_error (e->db, rc, error);
}

/* T8 */
static gboolean
eval_business (Eval    *e,
               GError **error)
{
  Target *t8 = report_find_target (e->report, "T8");
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  if (t8 == NULL)
    return TRUE;

  stmt = antt_database_prepare (e->db, "SELECT village_id FROM business_violations"
                                       " WHERE date BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, e->from, e->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    tally_village (e, t8, village_of (e, stmt, 0), 1, 0);
  return step_error (e->db, rc, error);
}

/* T9 */
static gboolean
eval_population (Eval    *e,
                 GError **error)
{
  Target *t9 = report_find_target (e->report, "T9");
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  if (t9 == NULL)
    return TRUE;

  /* SQLite takes the bare columns from the row of max (as_of). */
  stmt = antt_database_prepare (e->db,
                                "SELECT village_id, persons_provided, persons, max (as_of)"
                                " FROM village_population WHERE as_of <= ?2 GROUP BY village_id",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, e->from, e->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    tally_village (e, t9, village_of (e, stmt, 0), sqlite3_column_int64 (stmt, 1),
                   sqlite3_column_int64 (stmt, 2));
  return step_error (e->db, rc, error);
}

/* T11 */
static gboolean
eval_reintegration (Eval    *e,
                    GError **error)
{
  Target *t11 = report_find_target (e->report, "T11");
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  if (t11 == NULL)
    return TRUE;

  stmt = antt_database_prepare (e->db,
                                "SELECT village_id, team_id,"
                                " coalesce (reoffence_date BETWEEN ?1 AND ?2, 0)"
                                " FROM reintegration_cases"
                                " WHERE start_date <= ?2 AND (end_date IS NULL OR end_date >= ?1)",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_period (stmt, e->from, e->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 reoffended = sqlite3_column_int (stmt, 2) != 0;
      int t = -1;

      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        t = unit_index (e->report, ANTT_TARGET_LEVEL_TEAM, sqlite3_column_int64 (stmt, 1));
      tally_team (t11, t, reoffended, 1);
      add (t11, ANTT_TARGET_LEVEL_VILLAGE, village_of (e, stmt, 0), reoffended, 1);
    }
  return step_error (e->db, rc, error);
}

/* May run on the helper's thread (see "Two connections"): once the units
 * are loaded, nothing else adds to the report's strings. */
static void
report_keep_team_months (AnttTargetReport *report,
                         GArray           *teams,
                         GArray           *months,
                         guint            *counts)
{
  report->t16_teams = g_array_sized_new (FALSE, FALSE, sizeof (Team), teams->len);
  for (guint t = 0; t < teams->len; t++)
    {
      Team team = g_array_index (teams, Team, t);

      team.name = NULL;
      if (team.established != NULL)
        team.established = g_string_chunk_insert_const (report->strings, team.established);
      if (team.dissolved != NULL)
        team.dissolved = g_string_chunk_insert_const (report->strings, team.dissolved);
      g_array_append_val (report->t16_teams, team);
    }
  report->t16_months = months;
  report->t16_counts = counts;
}

/* T16 */
static gboolean
eval_deeds (Eval    *e,
            GError **error)
{
  Target *t16 = report_find_target (e->report, "T16");
  g_autoptr(GArray) months = NULL;
  g_autofree guint *counts = NULL;

  if (t16 == NULL)
    return TRUE;

  months = period_months (e->from, e->to);
  if (months->len == 0 || e->teams->len == 0)
    return TRUE;
  counts = count_deeds (e->db, e->teams, 0, months, error);
  if (counts == NULL)
    return FALSE;

  /* The teams are in the order of the team units. */
  for (guint t = 0; t < e->teams->len; t++)
    {
      const Team *team = &g_array_index (e->teams, Team, t);

      for (guint m = 0; m < months->len; m++)
        {
          const Month *month = &g_array_index (months, Month, m);
          guint n_deeds = counts[(gsize) t * months->len + m];

          if (team_in_month (team, month) && month_counted (month, n_deeds, e->today))
            tally_team (t16, (int) t, n_deeds > 0, 1);
        }
    }

  /* Kept for antt_target_report_dup_team_months (): the teams' strings
   * move to the report's. */
  report_keep_team_months (e->report, e->teams, g_steal_pointer (&months),
                           g_steal_pointer (&counts));
  return TRUE;
}

/* States ------------------------------------------------------------------- */

static AnttTargetState
judge (const Eval   *e,
       const Target *target,
       double        value,
       gboolean      percentage)
{
  gboolean met = compare (value, target->comparison, target->threshold);

  if (!met)
    return e->running && (percentage || comparison_asks_more (target->comparison))
           ? ANTT_TARGET_STATE_AT_RISK : ANTT_TARGET_STATE_NOT_MET;
  if (percentage && e->running && near_threshold (value, target->comparison, target->threshold))
    return ANTT_TARGET_STATE_AT_RISK;
  return ANTT_TARGET_STATE_MET;
}

static void
finish_result (const Eval       *e,
               const Target     *target,
               AnttTargetResult *result)
{
  Kind kind = target->rule ? target->rule->kind : KIND_NONE;

  switch (kind)
    {
    case KIND_RATIO:
      if (result->denominator <= 0)
        {
          result->state = ANTT_TARGET_STATE_NO_DATA;
          return;
        }
      result->value = 100.0 * (double) result->numerator / (double) result->denominator;
      result->state = judge (e, target, result->value, TRUE);
      return;

    case KIND_COUNT:
      result->value = (double) result->numerator;
      if (!e->started || (target->rule->has_basis && result->denominator <= 0))
        result->state = ANTT_TARGET_STATE_NO_DATA;
      else
        result->state = judge (e, target, result->value, FALSE);
      return;

    case KIND_EXAMPLES:
      if (result->level == ANTT_TARGET_LEVEL_VILLAGE)
        {
          result->value = (double) result->numerator;
          result->state = judge (e, target, result->value, FALSE);
          return;
        }
      if (result->denominator <= 0)
        {
          result->state = ANTT_TARGET_STATE_NO_DATA;
          return;
        }
      result->value = 100.0 * (double) result->numerator / (double) result->denominator;
      if (result->numerator == result->denominator &&
          (result->level != ANTT_TARGET_LEVEL_COMMUNE ||
           compare ((double) result->models, target->comparison, target->threshold)))
        result->state = ANTT_TARGET_STATE_MET;
      else
        result->state = e->running ? ANTT_TARGET_STATE_AT_RISK : ANTT_TARGET_STATE_NOT_MET;
      return;

    case KIND_NONE:
    default:
      result->state = ANTT_TARGET_STATE_NO_DATA;
      return;
    }
}

static void
eval_clear (Eval *e)
{
  g_clear_pointer (&e->teams, g_array_unref);
  g_clear_pointer (&e->scratch, g_string_chunk_free);
  g_clear_pointer (&e->village_team_start, g_free);
  g_clear_pointer (&e->village_teams, g_free);
  id_map_clear (&e->member_index);
  g_clear_pointer (&e->member_team, g_free);
  g_clear_pointer (&e->member_active, g_free);
  g_clear_pointer (&e->member_flags, g_free);
}

static gboolean
campaign_exists (AnttDatabase  *db,
                 gint64         campaign_id,
                 GError       **error)
{
  g_autoptr(AnttStatement) stmt = antt_database_prepare (db, "SELECT 1 FROM campaigns"
                                                             " WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    antt_record_set_field_error (error, NULL, ANTT_RECORD_ERROR_NOT_FOUND,
                                 _("The movement was not found: it may have been deleted "
                                   "meanwhile."));
  else
    antt_database_set_error (db, error, NULL);
  return FALSE;
}

/* Two connections ------------------------------------------------------------ */

/* The targets on the villages' records (tips, incidents, examples,
 * businesses, population, reintegration, good deeds) and those on the
 * members (trainings, patrols, political activities, call-outs) read
 * different tables into different results: with a second connection to the
 * same file, a second thread reads the first while this one reads the
 * second. Both connections must see the same records: the helper notes
 * the file's data version before this connection begins, and again once it
 * has begun its own reading; the same number means no one wrote in
 * between, so that both read the same snapshot. Otherwise, or when the
 * helper cannot be had, this connection reads everything itself. */

#define HELPER_KEY "antt-targets-helper"
#define EVALUATED_KEY "antt-targets-evaluated"

static gint parallel_disabled;   /* atomic */

/**
 * antt_targets_set_parallel:
 * @parallel: whether antt_targets_evaluate() may read on two connections
 *
 * For tests and benchmarks: evaluate on one connection only, or again on
 * two where it can (the default).
 */
void
antt_targets_set_parallel (gboolean parallel)
{
  g_atomic_int_set (&parallel_disabled, !parallel);
}

static gboolean
read_data_version (AnttDatabase *helper,
                   gint64       *version)
{
  g_autoptr(AnttStatement) stmt = antt_database_prepare (helper, "PRAGMA data_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The helper connection kept with @db from the last evaluation, or a new
 * one; NULL when none can be had. Its data version is in @version.
 *
 * Not on a connection's first evaluation: a connection opened for one
 * evaluation (the overview's worker opens one each time) would read half
 * of the file into a second cold cache, and two threads filling their
 * caches at once wait on SQLite's lock of its page memory in turn: on the
 * benchmark's province, 200 ms of processor time instead of 120. From the
 * second evaluation on, the caches are warm. */
static AnttDatabase *
helper_take (AnttDatabase *db,
             gint64       *version)
{
  AnttDatabase *helper;

  if (g_atomic_int_get (&parallel_disabled) || g_get_num_processors () < 2 ||
      antt_database_get_path (db) == NULL || antt_database_in_transaction (db))
    return NULL;
  if (g_object_get_data (G_OBJECT (db), EVALUATED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (db), EVALUATED_KEY, GINT_TO_POINTER (TRUE));
      return NULL;
    }

  helper = g_object_steal_data (G_OBJECT (db), HELPER_KEY);
  if (helper == NULL)
    helper = antt_database_open (antt_database_get_path (db),
                                 ANTT_DATABASE_FLAGS_NO_CREATE | ANTT_DATABASE_FLAGS_NO_SEED,
                                 NULL);
  if (helper != NULL &&
      (!antt_database_is_same_file (db, helper) || antt_database_in_transaction (helper) ||
       !read_data_version (helper, version)))
    g_clear_object (&helper);
  return helper;
}

/* Keeps @helper with @db for the next evaluation: its page cache stays. */
static void
helper_give (AnttDatabase *db,
             AnttDatabase *helper)
{
  g_object_set_data_full (G_OBJECT (db), HELPER_KEY, helper, g_object_unref);
}

/* Begins the helper's reading; FALSE when it would not see what this
 * connection sees (someone wrote since @version), or on an error. */
static gboolean
helper_begin (AnttDatabase *helper,
              gint64        version)
{
  gint64 now;

  if (!antt_database_begin (helper, NULL))
    return FALSE;
  if (read_data_version (helper, &now) && now == version)
    return TRUE;
  antt_database_rollback (helper);
  return FALSE;
}

/* The targets on the villages' records. */
static gboolean
eval_villages_part (Eval    *e,
                    GError **error)
{
  return eval_tips (e, error)
    && eval_incidents (e, error)
    && eval_examples (e, error)
    && eval_business (e, error)
    && eval_population (e, error)
    && eval_reintegration (e, error)
    && eval_deeds (e, error);
}

/* The targets on the members. */
static gboolean
eval_members_part (Eval    *e,
                   GError **error)
{
  return load_members (e, error)
    && eval_trainings (e, error)
    && eval_patrols (e, error)
    && eval_political_and_violations (e, error)
    && eval_callouts (e, error);
}

typedef struct
{
  Eval     eval;     /* a copy of the evaluation's, on the helper */
  gboolean ok;
  GError  *error;
} HelperJob;

static gpointer
helper_thread (gpointer data)
{
  HelperJob *job = data;

  job->ok = eval_villages_part (&job->eval, &job->error);
  return NULL;
}

/**
 * antt_targets_evaluate:
 * @db: the data file
 * @campaign_id: the movement whose targets to evaluate
 * @from_iso: the first day of the period, "YYYY-MM-DD"
 * @to_iso: its last day
 * @today_iso: (nullable): the day to judge from (whether the period still
 *   runs, which months are over); %NULL for the current date
 * @error: return location for an error
 *
 * Evaluates every target of @campaign_id over the period, for the commune,
 * each team that existed during it and each village (see the top of
 * antt-targets.c for the rules). All reads happen in one transaction, so
 * that the numbers agree with each other.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
AnttTargetReport *
antt_targets_evaluate (AnttDatabase  *db,
                       gint64         campaign_id,
                       const char    *from_iso,
                       const char    *to_iso,
                       const char    *today_iso,
                       GError       **error)
{
  g_autoptr(AnttTargetReport) report = NULL;
  g_autofree char *today = NULL;
  AnttDatabase *helper;
  HelperJob job = { { 0 }, FALSE, NULL };
  GThread *thread = NULL;
  gint64 version = 0;
  gboolean began = FALSE;
  gboolean ok;
  Eval e = { 0 };

  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_period (from_iso, to_iso, error))
    return NULL;
  today = today_iso ? g_strdup (today_iso) : antt_date_today_iso ();

  report = g_new0 (AnttTargetReport, 1);
  g_atomic_ref_count_init (&report->ref_count);
  report->campaign_id = campaign_id;
  report->from = g_strdup (from_iso);
  report->to = g_strdup (to_iso);
  report->today = g_strdup (today);
  report->strings = g_string_chunk_new (4096);

  e.db = db;
  e.report = report;
  e.from = report->from;
  e.to = report->to;
  e.today = report->today;
  e.started = strcmp (e.from, e.today) <= 0;
  e.running = strcmp (e.to, e.today) > 0;
  e.scratch = g_string_chunk_new (4096);

  /* A second connection for half of the work, asked for its data version
   * before this one reads anything. */
  helper = helper_take (db, &version);

  /* One read transaction, unless the caller has one open already. */
  if (!antt_database_in_transaction (db))
    {
      if (!antt_database_begin (db, error))
        {
          if (helper != NULL)
            helper_give (db, helper);
          eval_clear (&e);
          return NULL;
        }
      began = TRUE;
    }

  ok = campaign_exists (db, campaign_id, error)
    && load_targets (&e, error)
    && load_units (&e, error);
  if (ok)
    allocate_results (&e);

  /* This connection's snapshot is taken: the helper's must be the same. */
  if (ok && helper != NULL && helper_begin (helper, version))
    {
      job.eval = e;
      job.eval.db = helper;
      thread = g_thread_try_new ("antt-targets", helper_thread, &job, NULL);
      if (thread == NULL)
        antt_database_rollback (helper);
    }

  ok = ok && eval_members_part (&e, error);
  if (thread != NULL)
    {
      g_thread_join (thread);
      antt_database_rollback (helper);   /* it only read */
      if (ok && !job.ok)
        {
          g_propagate_error (error, g_steal_pointer (&job.error));
          ok = FALSE;
        }
      g_clear_error (&job.error);
    }
  else
    ok = ok && eval_villages_part (&e, error);
  if (helper != NULL)
    helper_give (db, helper);
  if (ok)
    tally_members (&e);

  if (began)
    {
      if (ok)
        ok = antt_database_commit (db, error);
      else
        antt_database_rollback (db);
    }

  if (ok)
    for (guint i = 0; i < report->n_targets; i++)
      {
        Target *target = &report->targets[i];

        for (guint l = 0; l < ANTT_TARGET_N_LEVELS; l++)
          for (guint u = 0; u < target->n_results[l]; u++)
            finish_result (&e, target, &target->results[l][u]);
      }

  eval_clear (&e);
  return ok ? g_steal_pointer (&report) : NULL;
}

/* Report accessors ------------------------------------------------------------ */

gint64
antt_target_report_get_campaign_id (AnttTargetReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->campaign_id;
}

const char *
antt_target_report_get_from (AnttTargetReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->from;
}

const char *
antt_target_report_get_to (AnttTargetReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->to;
}

const char *
antt_target_report_get_today (AnttTargetReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->today;
}

guint
antt_target_report_get_n_targets (AnttTargetReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_targets;
}

/**
 * antt_target_report_get_code:
 *
 * Returns: the code of the target at @index, in the movement's order
 */
const char *
antt_target_report_get_code (AnttTargetReport *report,
                             guint             index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->n_targets, NULL);
  return report->targets[index].code;
}

/**
 * antt_target_report_get_units:
 * @n_units: (out): how many
 *
 * Returns: (array length=n_units): the commune, the teams that existed
 *   during the period, or all villages, by id
 */
const AnttTargetUnit *
antt_target_report_get_units (AnttTargetReport *report,
                              AnttTargetLevel   level,
                              guint            *n_units)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (level < ANTT_TARGET_N_LEVELS, NULL);
  g_return_val_if_fail (n_units != NULL, NULL);

  *n_units = report->units[level]->len;
  return (const AnttTargetUnit *) (void *) report->units[level]->data;
}

/**
 * antt_target_report_lookup:
 * @unit_id: the team or village; ignored for the commune
 *
 * Returns: (nullable) (transfer none): the result, or %NULL where the
 *   target is not evaluated at that level or the unit is not in the report
 */
const AnttTargetResult *
antt_target_report_lookup (AnttTargetReport *report,
                           const char       *code,
                           AnttTargetLevel   level,
                           gint64            unit_id)
{
  Target *target;
  int index;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (level < ANTT_TARGET_N_LEVELS, NULL);

  target = report_find_target (report, code);
  if (target == NULL || target->n_results[level] == 0)
    return NULL;
  index = level == ANTT_TARGET_LEVEL_COMMUNE ? 0 : unit_index (report, level, unit_id);
  if (index < 0)
    return NULL;
  return &target->results[level][index];
}

/**
 * antt_target_report_list:
 * @code: (nullable): one target, or %NULL for all
 *
 * Returns: (transfer container) (element-type AnttTargetResult): the
 *   results at @level, target by target and unit by unit; they belong to
 *   the report
 */
GPtrArray *
antt_target_report_list (AnttTargetReport *report,
                         const char       *code,
                         AnttTargetLevel   level)
{
  GPtrArray *results;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (level < ANTT_TARGET_N_LEVELS, NULL);

  results = g_ptr_array_new ();
  for (guint i = 0; i < report->n_targets; i++)
    {
      Target *target = &report->targets[i];

      if (code != NULL && g_strcmp0 (code, target->code) != 0)
        continue;
      for (guint u = 0; u < target->n_results[level]; u++)
        g_ptr_array_add (results, &target->results[level][u]);
    }
  return results;
}

/**
 * antt_target_report_count_met:
 * @n_measured: (out) (optional): the targets with data for the unit
 *
 * For ranking teams: how many targets the unit meets.
 *
 * Returns: the number of targets met
 */
guint
antt_target_report_count_met (AnttTargetReport *report,
                              AnttTargetLevel   level,
                              gint64            unit_id,
                              guint            *n_measured)
{
  guint met = 0, measured = 0;

  g_return_val_if_fail (report != NULL, 0);

  for (guint i = 0; i < report->n_targets; i++)
    {
      const AnttTargetResult *result = antt_target_report_lookup (report, report->targets[i].code,
                                                                  level, unit_id);

      if (result == NULL || result->state == ANTT_TARGET_STATE_NO_DATA)
        continue;
      measured++;
      met += result->state == ANTT_TARGET_STATE_MET;
    }
  if (n_measured != NULL)
    *n_measured = measured;
  return met;
}

const char *
antt_target_state_to_string (AnttTargetState state)
{
  switch (state)
    {
    case ANTT_TARGET_STATE_MET:
      return _("Met");
    case ANTT_TARGET_STATE_AT_RISK:
      return _("At risk");
    case ANTT_TARGET_STATE_NOT_MET:
      return _("Not met");
    case ANTT_TARGET_STATE_NO_DATA:
    default:
      return _("No data");
    }
}

/**
 * antt_target_result_dup_explanation:
 *
 * A short sentence on the numbers of @result, such as "12 of 15 tips came
 * through the force". Made on demand: a report holds a result per target
 * and team, and most are never shown.
 *
 * Returns: (transfer full): the sentence
 */
char *
antt_target_result_dup_explanation (const AnttTargetResult *result)
{
  const Rule *rule;
  int num, den;

  g_return_val_if_fail (result != NULL, NULL);

  rule = rule_lookup (result->code);
  num = (int) CLAMP (result->numerator, 0, G_MAXINT);
  den = (int) CLAMP (result->denominator, 0, G_MAXINT);

  if (rule == NULL)
    return g_strdup (_("This target is not computed from the records."));

  if (result->state == ANTT_TARGET_STATE_NO_DATA)
    {
      if (rule->kind == KIND_COUNT && !(rule->has_basis && den == 0))
        return g_strdup (_("The period has not started."));
      switch (rule->kind)
        {
        case KIND_EXAMPLES:
          return g_strdup (_("No villages recorded."));
        default:
          break;
        }
      if (g_str_equal (result->code, "T1"))
        return g_strdup (_("No tips received in the period."));
      if (g_str_equal (result->code, "T2"))
        return g_strdup (_("No incidents in the period."));
      if (g_str_equal (result->code, "T6"))
        return g_strdup (_("No call-outs with members mobilised in the period."));
      if (g_str_equal (result->code, "T9"))
        return g_strdup (_("No population count on or before the end of the period."));
      if (g_str_equal (result->code, "T11"))
        return g_strdup (_("Nobody was being helped to reintegrate during the period."));
      if (g_str_equal (result->code, "T16"))
        return g_strdup (_("No month of the period is over yet."));
      return g_strdup (_("No members during the period."));
    }

  if (g_str_equal (result->code, "T1"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d of %d tip came through the force",
                                         "%d of %d tips came through the force", den),
                            num, den);
  if (g_str_equal (result->code, "T2"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The force took part in %d of %d incident",
                                         "The force took part in %d of %d incidents", den),
                            num, den);
  if (g_str_equal (result->code, "T3"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d of %d member trained in mass mobilisation",
                                         "%d of %d members trained in mass mobilisation", den),
                            num, den);
  if (g_str_equal (result->code, "T4"))
    {
      int models = (int) CLAMP (result->models, 0, G_MAXINT);
      g_autofree char *villages = NULL;

      if (result->level == ANTT_TARGET_LEVEL_VILLAGE)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%d example recognised by the district police "
                                             "or higher",
                                             "%d examples recognised by the district police "
                                             "or higher", num),
                                num);
      villages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%d of %d village has a recognised example",
                                               "%d of %d villages have a recognised example",
                                               den),
                                  num, den);
      if (result->level == ANTT_TARGET_LEVEL_TEAM)
        return g_steal_pointer (&villages);
      /* Translators: the second %s is "%d of %d villages have a recognised example" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d model built with the force; %s",
                                           "%d models built with the force; %s", models),
                              models, villages);
    }
  if (g_str_equal (result->code, "T5"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d of %d member trained in fire prevention and rescue",
                                         "%d of %d members trained in fire prevention and rescue",
                                         den),
                            num, den);
  if (g_str_equal (result->code, "T6"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "On time at %d of %d call-out",
                                         "On time at %d of %d call-outs", den),
                            num, den);
  if (g_str_equal (result->code, "T7"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d of %d member trained in administrative management "
                                         "of social order",
                                         "%d of %d members trained in administrative management "
                                         "of social order", den),
                            num, den);
  if (g_str_equal (result->code, "T8"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d violation by a conditional business",
                                         "%d violations by conditional businesses", num),
                            num);
  if (g_str_equal (result->code, "T9"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Information provided for %d of %d person",
                                         "Information provided for %d of %d persons", den),
                            num, den);
  if (g_str_equal (result->code, "T10"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d case of weapons, explosives or support tools",
                                         "%d cases of weapons, explosives or support tools", num),
                            num);
  if (g_str_equal (result->code, "T11"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d of %d person being reintegrated re-offended",
                                         "%d of %d people being reintegrated re-offended", den),
                            num, den);
  if (g_str_equal (result->code, "T12"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d of %d member joined a patrol",
                                         "%d of %d members joined a patrol", den),
                            num, den);
  if (g_str_equal (result->code, "T13"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d serious traffic accident",
                                         "%d serious traffic accidents", num),
                            num);
  if (g_str_equal (result->code, "T14"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d of %d member attended a political activity",
                                         "%d of %d members attended a political activity", den),
                            num, den);
  if (g_str_equal (result->code, "T15"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d of %d member broke the law",
                                         "%d of %d members broke the law", den),
                            num, den);
  /* T16 */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d of %d team-month with a good deed or a commendation",
                                       "%d of %d team-months with a good deed or a commendation",
                                       den),
                          num, den);
}

/* Records behind a number ------------------------------------------------------ */

static AnttRecord *
record_from_stmt (const AnttTable *table,
                  sqlite3_stmt    *stmt)
{
  AnttRecord *record = antt_record_new (table->name);

  antt_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *name = table->columns[i].name;
      int column = (int) i + 1;

      switch (sqlite3_column_type (stmt, column))
        {
        case SQLITE_INTEGER:
          antt_record_set_int (record, name, sqlite3_column_int64 (stmt, column));
          break;
        case SQLITE_FLOAT:
          antt_record_set_double (record, name, sqlite3_column_double (stmt, column));
          break;
        case SQLITE_NULL:
          antt_record_set_null (record, name);
          break;
        default:
          antt_record_set_string (record, name, column_text (stmt, column));
          break;
        }
    }
  return record;
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
  gint64 ida = antt_record_get_id (ia->record);
  gint64 idb = antt_record_get_id (ib->record);

  if (cmp != 0)
    return cmp;
  return (ida > idb) - (ida < idb);
}

/* Lists ordered by a name follow the Vietnamese alphabet. */
static void
sort_by_name (GPtrArray  *records,
              const char *column)
{
  g_autofree SortItem *items = g_new (SortItem, records->len + 1);

  for (guint i = 0; i < records->len; i++)
    {
      const char *text;

      items[i].record = g_ptr_array_index (records, i);
      text = antt_record_get_string (items[i].record, column);
      items[i].key = antt_text_collate_key (text ? text : "");
    }
  qsort (items, records->len, sizeof (SortItem), compare_sort_items);
  for (guint i = 0; i < records->len; i++)
    {
      records->pdata[i] = items[i].record;
      g_free (items[i].key);
    }
}

typedef enum
{
  SCOPE_BY_VILLAGE,  /* x.village_id; a team through its villages */
  SCOPE_MEMBERS,     /* x.team_id, x.village_id of members */
  SCOPE_CASES,       /* x.team_id (assigned), x.village_id */
  SCOPE_VILLAGES,    /* x.id is the village */
  SCOPE_TEAMS,       /* x.id is the team */
  SCOPE_DEEDS,       /* x.team_id; a village through its teams */
  SCOPE_CALLOUTS,    /* x.village_id; a team through its mobilised members */
} Scope;

static void
append_scope (GString         *sql,
              Scope            scope,
              AnttTargetLevel  level)
{
  if (level == ANTT_TARGET_LEVEL_COMMUNE)
    return;

  switch (scope)
    {
    case SCOPE_BY_VILLAGE:
    case SCOPE_CALLOUTS:
      if (level == ANTT_TARGET_LEVEL_VILLAGE)
        g_string_append (sql, " AND x.village_id = ?4");
      else if (scope == SCOPE_BY_VILLAGE)
        g_string_append (sql, " AND x.village_id IN"
                              " (SELECT village_id FROM team_villages WHERE team_id = ?4)");
      break;
    case SCOPE_MEMBERS:
    case SCOPE_CASES:
      g_string_append (sql, level == ANTT_TARGET_LEVEL_TEAM ? " AND x.team_id = ?4"
                                                            : " AND x.village_id = ?4");
      break;
    case SCOPE_VILLAGES:
      g_string_append (sql, level == ANTT_TARGET_LEVEL_VILLAGE
                            ? " AND x.id = ?4"
                            : " AND x.id IN (SELECT village_id FROM team_villages"
                              " WHERE team_id = ?4)");
      break;
    case SCOPE_TEAMS:
      g_string_append (sql, level == ANTT_TARGET_LEVEL_TEAM
                            ? " AND x.id = ?4"
                            : " AND x.id IN (SELECT team_id FROM team_villages"
                              " WHERE village_id = ?4)");
      break;
    case SCOPE_DEEDS:
      g_string_append (sql, level == ANTT_TARGET_LEVEL_TEAM
                            ? " AND x.team_id = ?4"
                            : " AND x.team_id IN (SELECT team_id FROM team_villages"
                              " WHERE village_id = ?4)");
      break;
    default:
      g_assert_not_reached ();
    }
}

#define ACTIVE_MEMBER "x.joined_date <= ?2 AND (x.left_date IS NULL OR x.left_date >= ?1)"
#define TRAINED(kind) \
  "EXISTS (SELECT 1 FROM training_attendance ta JOIN trainings t ON t.id = ta.training_id" \
  " WHERE ta.member_id = x.id AND ta.passed = 1 AND t.kind = '" kind "' AND t.date <= ?2)"

/* Filters applied after the query, where SQL cannot say it simply. */
typedef enum
{
  POST_NONE,
  POST_T4_VILLAGES,   /* last column: examples of the village */
  POST_T9_FAILING,    /* persons_provided / persons against the threshold */
  POST_T16_TEAMS,     /* teams with an empty team-month */
} Post;

/* Builds the query of the records behind @code; FALSE for a code that is
 * not computed. */
static gboolean
build_records_query (const char       *code,
                     AnttTargetLevel   level,
                     gboolean          failing,
                     GString          *where,
                     const char      **table,
                     const char      **extra_column,
                     Post             *post)
{
  Scope scope = SCOPE_BY_VILLAGE;

  *extra_column = NULL;
  *post = POST_NONE;

  if (g_str_equal (code, "T1"))
    {
      *table = "tips";
      g_string_append (where, "x.received_date BETWEEN ?1 AND ?2");
      if (failing)
        g_string_append (where, " AND x.via_force = 0");
    }
  else if (g_str_equal (code, "T2"))
    {
      *table = "incidents";
      g_string_append (where, "x.occurred_date BETWEEN ?1 AND ?2");
      if (failing)
        g_string_append (where, " AND NOT EXISTS (SELECT 1 FROM incident_participants ip"
                                " WHERE ip.incident_id = x.id)");
    }
  else if (g_str_equal (code, "T3") || g_str_equal (code, "T5") || g_str_equal (code, "T7"))
    {
      *table = "members";
      scope = SCOPE_MEMBERS;
      g_string_append (where, ACTIVE_MEMBER);
      if (failing)
        g_string_append (where, g_str_equal (code, "T3") ? " AND NOT " TRAINED ("mass_mobilisation")
                                : g_str_equal (code, "T5") ? " AND NOT " TRAINED ("fire_rescue")
                                : " AND NOT " TRAINED ("admin_order"));
    }
  else if (g_str_equal (code, "T4"))
    {
      if (failing)
        {
          *table = "villages";
          scope = SCOPE_VILLAGES;
          *extra_column = "(SELECT count (*) FROM models e WHERE e.village_id = x.id AND "
                          EXAMPLE_RECOGNISED ("e") ")";
          *post = POST_T4_VILLAGES;
          g_string_append (where, "1");
        }
      else
        {
          *table = "models";
          g_string_append (where, "((" EXAMPLE_RECOGNISED ("x") ")");
          if (level == ANTT_TARGET_LEVEL_COMMUNE)
            g_string_append (where, " OR (x.kind = 'model' AND x.with_force = 1"
                                    " AND x.started_date <= ?2))");
          else
            g_string_append (where, ")");
        }
    }
  else if (g_str_equal (code, "T6"))
    {
      const char *team = level == ANTT_TARGET_LEVEL_TEAM
                         ? " JOIN members m ON m.id = cm.member_id AND m.team_id = ?4" : "";

      *table = "callouts";
      scope = SCOPE_CALLOUTS;
      g_string_append_printf (where,
                              "x.date BETWEEN ?1 AND ?2 AND EXISTS (SELECT 1 FROM callout_members"
                              " cm%s WHERE cm.callout_id = x.id)", team);
      if (failing)
        g_string_append_printf (where,
                                " AND NOT (EXISTS (SELECT 1 FROM callout_members cm%s"
                                " WHERE cm.callout_id = x.id AND cm.present = 1)"
                                " AND NOT EXISTS (SELECT 1 FROM callout_members cm%s"
                                " WHERE cm.callout_id = x.id AND cm.present = 1"
                                " AND cm.on_time = 0))", team, team);
    }
  else if (g_str_equal (code, "T8"))
    {
      *table = "business_violations";
      g_string_append (where, "x.date BETWEEN ?1 AND ?2");
    }
  else if (g_str_equal (code, "T9"))
    {
      *table = "village_population";
      g_string_append (where, "x.as_of = (SELECT max (p.as_of) FROM village_population p"
                              " WHERE p.village_id = x.village_id AND p.as_of <= ?2)");
      if (failing)
        *post = POST_T9_FAILING;
    }
  else if (g_str_equal (code, "T10"))
    {
      *table = "incidents";
      g_string_append (where, "x.occurred_date BETWEEN ?1 AND ?2 AND x.type = 'weapons'");
    }
  else if (g_str_equal (code, "T11"))
    {
      *table = "reintegration_cases";
      scope = SCOPE_CASES;
      g_string_append (where, "x.start_date <= ?2 AND (x.end_date IS NULL OR x.end_date >= ?1)");
      if (failing)
        g_string_append (where, " AND x.reoffence_date BETWEEN ?1 AND ?2");
    }
  else if (g_str_equal (code, "T12"))
    {
      *table = "members";
      scope = SCOPE_MEMBERS;
      g_string_append (where, ACTIVE_MEMBER);
      if (failing)
        g_string_append (where, " AND NOT EXISTS (SELECT 1 FROM patrol_participants pp"
                                " JOIN patrols p ON p.id = pp.patrol_id WHERE pp.member_id = x.id"
                                " AND p.date BETWEEN ?1 AND ?2)");
    }
  else if (g_str_equal (code, "T13"))
    {
      *table = "incidents";
      g_string_append (where, "x.occurred_date BETWEEN ?1 AND ?2 AND x.type = 'traffic_accident'"
                              " AND x.severity IN ('serious', 'very_serious',"
                              " 'especially_serious')");
    }
  else if (g_str_equal (code, "T14"))
    {
      *table = "members";
      scope = SCOPE_MEMBERS;
      g_string_append (where, ACTIVE_MEMBER);
      if (failing)
        g_string_append (where, " AND NOT EXISTS (SELECT 1 FROM political_attendance pa"
                                " JOIN political_activities a ON a.id = pa.activity_id"
                                " WHERE pa.member_id = x.id AND a.date BETWEEN ?1 AND ?2)");
    }
  else if (g_str_equal (code, "T15"))
    {
      *table = "members";
      scope = SCOPE_MEMBERS;
      g_string_append (where, ACTIVE_MEMBER);
      if (failing)
        g_string_append (where, " AND EXISTS (SELECT 1 FROM member_violations v"
                                " WHERE v.member_id = x.id AND v.date BETWEEN ?1 AND ?2)");
    }
  else if (g_str_equal (code, "T16"))
    {
      if (failing)
        {
          *table = "teams";
          scope = SCOPE_TEAMS;
          *post = POST_T16_TEAMS;
          g_string_append (where, "(x.established_date IS NULL OR x.established_date <= ?2)"
                                  " AND (x.dissolved_date IS NULL OR x.dissolved_date >= ?1)");
        }
      else
        {
          *table = "good_deeds";
          scope = SCOPE_DEEDS;
          /* ?5 and ?6: the first and last days of the months. */
          g_string_append (where, "x.date BETWEEN ?5 AND ?6");
        }
    }
  else
    return FALSE;

  append_scope (where, scope, level);
  return TRUE;
}

static gboolean
target_threshold (AnttDatabase  *db,
                  gint64         campaign_id,
                  const char    *code,
                  char         **comparison,
                  double        *threshold,
                  GError       **error)
{
  g_autoptr(AnttStatement) stmt = antt_database_prepare (db,
                                                         "SELECT comparison, threshold FROM targets"
                                                         " WHERE campaign_id = ?1 AND code = ?2",
                                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *comparison = g_strdup (column_text (stmt, 0));
      *threshold = sqlite3_column_double (stmt, 1);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      antt_record_set_field_error (error, NULL, ANTT_RECORD_ERROR_NOT_FOUND,
                                   _("The movement has no target %s."), code);
      return FALSE;
    }
  antt_database_set_error (db, error, NULL);
  return FALSE;
}

/* Teams with a counted team-month that has no deed. */
static GHashTable *
teams_with_empty_months (AnttDatabase  *db,
                         const char    *from,
                         const char    *to,
                         const char    *today,
                         GError       **error)
{
  g_autoptr(GStringChunk) strings = g_string_chunk_new (1024);
  g_autoptr(GArray) teams = load_teams (db, strings, 0, from, to, error);
  g_autoptr(GArray) months = NULL;
  g_autoptr(GHashTable) failing = NULL;

  if (teams == NULL)
    return NULL;
  months = g_array_new (FALSE, FALSE, sizeof (AnttTeamMonth));
  if (!team_months_compute (db, teams, 0, from, to, today, months, error))
    return NULL;

  failing = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < months->len; i++)
    {
      const AnttTeamMonth *tm = &g_array_index (months, AnttTeamMonth, i);

      if (tm->counted && tm->n_deeds == 0 && !g_hash_table_contains (failing, &tm->team_id))
        g_hash_table_add (failing, g_memdup2 (&tm->team_id, sizeof (gint64)));
    }
  return g_steal_pointer (&failing);
}

static GPtrArray *
list_records (AnttDatabase     *db,
              gint64            campaign_id,
              const char       *code,
              AnttTargetLevel   level,
              gint64            unit_id,
              const char       *from,
              const char       *to,
              const char       *today,
              gboolean          failing_only,
              GError          **error)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GString) sql = g_string_new ("SELECT x.id");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) antt_record_unref);
  g_autoptr(GHashTable) failing_teams = NULL;
  g_autoptr(AnttStatement) stmt = NULL;
  g_autofree char *comparison = NULL;
  g_autofree char *sort_column = NULL;
  const char *table_name = NULL;
  const char *extra_column = NULL;
  const AnttTable *table;
  double threshold = 0;
  Post post;
  int rc;

  if (!check_period (from, to, error))
    return NULL;
  if (!build_records_query (code, level, failing_only, where, &table_name, &extra_column, &post))
    return g_steal_pointer (&records);

  if ((post == POST_T4_VILLAGES || post == POST_T9_FAILING) &&
      !target_threshold (db, campaign_id, code, &comparison, &threshold, error))
    return NULL;
  if (post == POST_T16_TEAMS)
    {
      failing_teams = teams_with_empty_months (db, from, to, today, error);
      if (failing_teams == NULL)
        return NULL;
    }

  table = antt_table_lookup (table_name);
  g_assert (table != NULL);
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", x.%s", table->columns[i].name);
  if (extra_column != NULL)
    g_string_append_printf (sql, ", %s", extra_column);
  g_string_append_printf (sql, " FROM %s x WHERE %s", table_name, where->str);

  if (table->order_by != NULL && g_str_has_suffix (table->order_by, " COLLATE VI"))
    {
      sort_column = g_strndup (table->order_by, strlen (table->order_by) - strlen (" COLLATE VI"));
      g_string_append (sql, " ORDER BY x.id");
    }
  else
    g_string_append_printf (sql, " ORDER BY %s", table->order_by ? table->order_by : "id");

  stmt = antt_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_period (stmt, from, to);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_int64 (stmt, 4, unit_id);
  if (sqlite3_bind_parameter_count (stmt) >= 6)
    {
      g_autoptr(GArray) months = period_months (from, to);
      char first[11];

      g_assert (months->len > 0);
      g_snprintf (first, sizeof first, "%04u-%02u-01", g_array_index (months, Month, 0).year,
                  g_array_index (months, Month, 0).month);
      sqlite3_bind_text (stmt, 5, first, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, g_array_index (months, Month, months->len - 1).month_end, -1,
                         SQLITE_TRANSIENT);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      switch (post)
        {
        case POST_T4_VILLAGES:
          if (compare (sqlite3_column_double (stmt, (int) table->n_columns + 1),
                       comparison, threshold))
            continue;
          break;
        case POST_T9_FAILING:
          {
            gint64 persons = sqlite3_column_int64 (stmt, 3);
            gint64 provided = sqlite3_column_int64 (stmt, 4);

            g_assert (g_str_equal (table->columns[2].name, "persons"));
            if (persons <= 0 ||
                compare (100.0 * (double) provided / (double) persons, comparison, threshold))
              continue;
          }
          break;
        case POST_T16_TEAMS:
          {
            gint64 id = sqlite3_column_int64 (stmt, 0);

            if (!g_hash_table_contains (failing_teams, &id))
              continue;
          }
          break;
        case POST_NONE:
        default:
          break;
        }
      g_ptr_array_add (records, record_from_stmt (table, stmt));
    }
  if (!step_error (db, rc, error))
    return NULL;

  if (sort_column != NULL)
    sort_by_name (records, sort_column);
  return g_steal_pointer (&records);
}

/**
 * antt_targets_list_records:
 * @db: the data file
 * @campaign_id: the movement, for the thresholds of T4 and T9
 * @code: the target
 * @level: the level of the number
 * @unit_id: the team or village; ignored for the commune
 * @from_iso: the period
 * @to_iso: the period
 * @failing_only: only the records that keep the target from being met
 * @error: return location for an error
 *
 * The records behind a number, as records of their own table:
 *   - T1 tips (failing: not through the force); T2 incidents (no member
 *     took part); T6 call-outs with members mobilised (not on time);
 *   - T3, T5, T7, T12, T14, T15 the members (failing: not trained, no
 *     patrol, no political activity, with a violation);
 *   - T4 the models and recognised examples (failing: the villages short
 *     of examples); T9 the population counts in use (failing: those short
 *     of the threshold); T8, T10, T13 the cases themselves; T11 the cases
 *     supported (failing: those that re-offended);
 *   - T16 the good deeds of the period's months (failing: the teams with an
 *     empty month, judged as of today: antt_targets_list_team_months()
 *     gives the months).
 * A code that is not computed gives an empty list.
 *
 * Returns: (transfer full) (element-type AnttRecord): the records, or %NULL
 *   with @error set
 */
GPtrArray *
antt_targets_list_records (AnttDatabase     *db,
                           gint64            campaign_id,
                           const char       *code,
                           AnttTargetLevel   level,
                           gint64            unit_id,
                           const char       *from_iso,
                           const char       *to_iso,
                           gboolean          failing_only,
                           GError          **error)
{
  g_autofree char *today = antt_date_today_iso ();

  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (level < ANTT_TARGET_N_LEVELS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_records (db, campaign_id, code, level, unit_id, from_iso, to_iso, today,
                       failing_only, error);
}

/**
 * antt_target_report_list_records:
 * @result: a result of @report
 *
 * antt_targets_list_records() for the number of @result, judged as of the
 * report's today.
 *
 * Returns: (transfer full) (element-type AnttRecord): the records, or %NULL
 *   with @error set
 */
GPtrArray *
antt_target_report_list_records (AnttTargetReport        *report,
                                 AnttDatabase            *db,
                                 const AnttTargetResult  *result,
                                 gboolean                 failing_only,
                                 GError                 **error)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_records (db, report->campaign_id, result->code, result->level, result->unit_id,
                       report->from, report->to, report->today, failing_only, error);
}

/**
 * antt_targets_list_team_months:
 * @team_id: one team, or 0 for every team that existed during the period
 * @today_iso: (nullable): the day that decides which months are over;
 *   %NULL for the current date
 *
 * The T16 grid: for each team, the calendar months of the period during
 * which it existed, with the number of good deeds and commendations dated
 * in each month.
 *
 * Returns: (transfer full) (element-type AnttTeamMonth): team by team (by
 *   id), month by month; %NULL with @error set
 */
GArray *
antt_targets_list_team_months (AnttDatabase  *db,
                               gint64         team_id,
                               const char    *from_iso,
                               const char    *to_iso,
                               const char    *today_iso,
                               GError       **error)
{
  g_autoptr(GStringChunk) strings = NULL;
  g_autoptr(GArray) teams = NULL;
  g_autoptr(GArray) months = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_period (from_iso, to_iso, error))
    return NULL;
  today = today_iso ? g_strdup (today_iso) : antt_date_today_iso ();
  strings = g_string_chunk_new (1024);
  teams = load_teams (db, strings, team_id, from_iso, to_iso, error);
  if (teams == NULL)
    return NULL;
  months = g_array_new (FALSE, FALSE, sizeof (AnttTeamMonth));
  if (!team_months_compute (db, teams, team_id, from_iso, to_iso, today, months, error))
    return NULL;
  return g_steal_pointer (&months);
}

/**
 * antt_target_report_dup_team_months:
 * @team_id: one team, or 0 for every team of the report
 *
 * The T16 grid of the report's period and day, as
 * antt_targets_list_team_months() gives it, but from the good deeds that
 * the evaluation counted: read once, in the same snapshot as the targets.
 *
 * Returns: (transfer full) (element-type AnttTeamMonth): team by team (by
 *   id), month by month; empty when the movement has no target T16
 */
GArray *
antt_target_report_dup_team_months (AnttTargetReport *report,
                                    gint64            team_id)
{
  GArray *out;

  g_return_val_if_fail (report != NULL, NULL);

  out = g_array_new (FALSE, FALSE, sizeof (AnttTeamMonth));
  if (report->t16_counts != NULL)
    team_months_build (report->t16_teams, report->t16_months, report->t16_counts, team_id,
                       report->today, out);
  return out;
}

/* Periods ----------------------------------------------------------------------- */

static gboolean
read_period (AnttDatabase  *db,
             const char    *sql,
             gint64         id,
             char         **from_iso,
             char         **to_iso,
             GError       **error)
{
  g_autoptr(AnttStatement) stmt = antt_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (from_iso != NULL)
        *from_iso = g_strdup (column_text (stmt, 0));
      if (to_iso != NULL)
        *to_iso = g_strdup (column_text (stmt, 1));
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    antt_record_set_field_error (error, NULL, ANTT_RECORD_ERROR_NOT_FOUND,
                                 _("The movement or phase was not found: it may have been "
                                   "deleted meanwhile."));
  else
    antt_database_set_error (db, error, NULL);
  return FALSE;
}

/**
 * antt_targets_get_campaign_period:
 * @from_iso: (out) (optional): its first day
 * @to_iso: (out) (optional): its last day
 *
 * Returns: %TRUE with the period of the whole movement
 */
gboolean
antt_targets_get_campaign_period (AnttDatabase  *db,
                                  gint64         campaign_id,
                                  char         **from_iso,
                                  char         **to_iso,
                                  GError       **error)
{
  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);

  return read_period (db, "SELECT start_date, end_date FROM campaigns WHERE id = ?1",
                      campaign_id, from_iso, to_iso, error);
}

/**
 * antt_targets_get_phase_period:
 * @from_iso: (out) (optional): its first day
 * @to_iso: (out) (optional): its last day
 *
 * Returns: %TRUE with the period of the phase
 */
gboolean
antt_targets_get_phase_period (AnttDatabase  *db,
                               gint64         phase_id,
                               char         **from_iso,
                               char         **to_iso,
                               GError       **error)
{
  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);

  return read_period (db, "SELECT start_date, end_date FROM phases WHERE id = ?1",
                      phase_id, from_iso, to_iso, error);
}

/**
 * antt_targets_find_phase:
 * @date_iso: (nullable): a day, %NULL for today
 *
 * Returns: the phase of @campaign_id that @date_iso falls in; 0 when none
 *   does (before, between or after the phases), -1 with @error set
 */
gint64
antt_targets_find_phase (AnttDatabase  *db,
                         gint64         campaign_id,
                         const char    *date_iso,
                         GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  g_autofree char *today = NULL;
  int rc;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), -1);

  if (date_iso == NULL)
    date_iso = today = antt_date_today_iso ();
  stmt = antt_database_prepare (db, "SELECT id FROM phases WHERE campaign_id = ?1"
                                    " AND start_date <= ?2 AND end_date >= ?2"
                                    " ORDER BY ordinal LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_text (stmt, 2, date_iso, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  antt_database_set_error (db, error, NULL);
  return -1;
}
