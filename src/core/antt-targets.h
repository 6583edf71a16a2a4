/* antt-targets.h: the plan's targets (T1–T16), measured from the records.
 *
 * antt_targets_evaluate() computes every target of a movement over a period
 * (a phase, the whole movement, any range of days) at three levels: the
 * commune, each team and each village. A result carries the numerator, the
 * denominator, the value, the threshold and a state; the records behind any
 * number are listed by antt_targets_list_records().
 *
 * Periods are inclusive ISO dates. "Members" are the members active during
 * the period: joined on or before its last day and not left before its
 * first. A target with nothing to measure says "no data", never "met".
 *
 * What each target counts, at which levels, and the rules for "at risk" are
 * written at the top of antt-targets.c.
 */
#pragma once

#include "antt-database.h"

G_BEGIN_DECLS

typedef enum
{
  ANTT_TARGET_STATE_NO_DATA,
  ANTT_TARGET_STATE_MET,
  ANTT_TARGET_STATE_AT_RISK,
  ANTT_TARGET_STATE_NOT_MET,
} AnttTargetState;

typedef enum
{
  ANTT_TARGET_LEVEL_COMMUNE,
  ANTT_TARGET_LEVEL_TEAM,
  ANTT_TARGET_LEVEL_VILLAGE,
} AnttTargetLevel;

#define ANTT_TARGET_N_LEVELS 3

/* One target for one unit. A result belongs to its report: the struct and
 * its strings live as long as the report does. All fields are read only.
 *
 *   - Shares (T1–T3, T5–T7, T9, T12, T14, T16): numerator / denominator,
 *     value in per cent (0 with no data).
 *   - Counts that must stay at 0 (T8, T10, T13): numerator is the count,
 *     denominator 0; T11 and T15 give their basis as the denominator (cases
 *     supported, members). value is the count.
 *   - T4 per village: numerator and value are the examples recognised,
 *     denominator 0. Per team or commune: villages with enough examples /
 *     villages, value in per cent, and for the commune `models`.
 *
 * The explanation in words comes from antt_target_result_dup_explanation(). */
typedef struct
{
  const char      *code;        /* "T1" */
  const char      *title;       /* the plan's wording: data, in Vietnamese */
  const char      *measure;     /* of the targets table: "ratio", "count", "per_village" */
  const char      *comparison;  /* ">=", ">", "<=", "=" */
  const char      *scope;       /* the level the plan judges it at */
  AnttTargetLevel  level;
  gint64           unit_id;     /* team or village id; 0 for the commune */
  const char      *unit_name;
  gint64           numerator;
  gint64           denominator;
  double           value;
  double           threshold;
  gint64           models;      /* T4 for the commune: models built with the force */
  AnttTargetState  state;
} AnttTargetResult;

typedef struct
{
  gint64      id;
  const char *name;
} AnttTargetUnit;

/* One team and calendar month of T16. */
typedef struct
{
  gint64   team_id;
  guint    year;
  guint    month;        /* 1–12 */
  char     first[11];    /* the part of the month inside the period */
  char     last[11];
  guint    n_deeds;      /* good deeds and commendations in the month */
  gboolean counted;      /* in the denominator: over by today, or has a deed */
} AnttTeamMonth;

typedef struct _AnttTargetReport AnttTargetReport;

#define ANTT_TYPE_TARGET_REPORT (antt_target_report_get_type ())

GType                   antt_target_report_get_type      (void) G_GNUC_CONST;

AnttTargetReport       *antt_targets_evaluate            (AnttDatabase            *db,
                                                          gint64                   campaign_id,
                                                          const char              *from_iso,
                                                          const char              *to_iso,
                                                          const char              *today_iso,
                                                          GError                 **error);

AnttTargetReport       *antt_target_report_ref           (AnttTargetReport        *report);
void                    antt_target_report_unref         (AnttTargetReport        *report);
gint64                  antt_target_report_get_campaign_id (AnttTargetReport      *report);
const char             *antt_target_report_get_from      (AnttTargetReport        *report);
const char             *antt_target_report_get_to        (AnttTargetReport        *report);
const char             *antt_target_report_get_today     (AnttTargetReport        *report);
guint                   antt_target_report_get_n_targets (AnttTargetReport        *report);
const char             *antt_target_report_get_code      (AnttTargetReport        *report,
                                                          guint                    index);
const AnttTargetUnit   *antt_target_report_get_units     (AnttTargetReport        *report,
                                                          AnttTargetLevel          level,
                                                          guint                   *n_units);
const AnttTargetResult *antt_target_report_lookup        (AnttTargetReport        *report,
                                                          const char              *code,
                                                          AnttTargetLevel          level,
                                                          gint64                   unit_id);
GPtrArray              *antt_target_report_list          (AnttTargetReport        *report,
                                                          const char              *code,
                                                          AnttTargetLevel          level);
guint                   antt_target_report_count_met     (AnttTargetReport        *report,
                                                          AnttTargetLevel          level,
                                                          gint64                   unit_id,
                                                          guint                   *n_measured);
GPtrArray              *antt_target_report_list_records  (AnttTargetReport        *report,
                                                          AnttDatabase            *db,
                                                          const AnttTargetResult  *result,
                                                          gboolean                 failing_only,
                                                          GError                 **error);

char                   *antt_target_result_dup_explanation (const AnttTargetResult *result);
const char             *antt_target_state_to_string      (AnttTargetState          state);

GPtrArray              *antt_targets_list_records        (AnttDatabase            *db,
                                                          gint64                   campaign_id,
                                                          const char              *code,
                                                          AnttTargetLevel          level,
                                                          gint64                   unit_id,
                                                          const char              *from_iso,
                                                          const char              *to_iso,
                                                          gboolean                 failing_only,
                                                          GError                 **error);
GArray                 *antt_target_report_dup_team_months (AnttTargetReport      *report,
                                                          gint64                   team_id);
GArray                 *antt_targets_list_team_months    (AnttDatabase            *db,
                                                          gint64                   team_id,
                                                          const char              *from_iso,
                                                          const char              *to_iso,
                                                          const char              *today_iso,
                                                          GError                 **error);

gboolean                antt_targets_get_campaign_period (AnttDatabase            *db,
                                                          gint64                   campaign_id,
                                                          char                   **from_iso,
                                                          char                   **to_iso,
                                                          GError                 **error);
gboolean                antt_targets_get_phase_period    (AnttDatabase            *db,
                                                          gint64                   phase_id,
                                                          char                   **from_iso,
                                                          char                   **to_iso,
                                                          GError                 **error);
gint64                  antt_targets_find_phase          (AnttDatabase            *db,
                                                          gint64                   campaign_id,
                                                          const char              *date_iso,
                                                          GError                 **error);

void                    antt_targets_set_parallel        (gboolean                 parallel);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttTargetReport, antt_target_report_unref)

G_END_DECLS
