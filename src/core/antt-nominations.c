/* antt-nominations.c: award nominations, their caps and the committee's
 * review.
 *
 * Each rule is checked here, inside a BEGIN IMMEDIATE transaction, so that
 * the answer cannot change between the check and the write: a second
 * program waits for the write lock, then sees the slot taken. The same
 * rules are triggers in the schema (schema-v2.sql) for writers that do not
 * come through here; a trigger that fires anyway is turned into the same
 * error as the check would have given.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "antt-database-private.h"
#include "antt-date.h"
#include "antt-nominations.h"
#include "antt-text.h"

/* The tags the schema's triggers begin their messages with. */
#define TRIGGER_CAP_REACHED   "cap reached:"
#define TRIGGER_REVIEW_CLOSED "review closed:"

G_DEFINE_QUARK (antt-nomination-error-quark, antt_nomination_error)

typedef struct
{
  gint64    id;
  gint64    campaign_id;
  char     *name;       /* the review's name, or the phase's */
  char     *start;      /* ISO */
  char     *end;
  gboolean  closed;
} PhaseInfo;

static void
phase_info_clear (PhaseInfo *phase)
{
  g_clear_pointer (&phase->name, g_free);
  g_clear_pointer (&phase->start, g_free);
  g_clear_pointer (&phase->end, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PhaseInfo, phase_info_clear)

typedef struct
{
  gint64  id;
  gint64  phase_id;
  gint64  award_level_id;   /* 0: every award of the review */
  char   *held_date;
  guint   members_total;
  guint   members_present;
  int     quorum_pct;       /* -1: not yet set */
  int     approve_pct;
} MeetingInfo;

static void
meeting_info_clear (MeetingInfo *meeting)
{
  g_clear_pointer (&meeting->held_date, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MeetingInfo, meeting_info_clear)

/* Small things ------------------------------------------------------------ */

const char *
antt_nominee_kind_to_string (AnttNomineeKind kind)
{
  switch (kind)
    {
    case ANTT_NOMINEE_COLLECTIVE:
      return "collective";
    case ANTT_NOMINEE_INDIVIDUAL:
      return "individual";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
antt_nominee_kind_from_string (const char      *text,
                               AnttNomineeKind *kind)
{
  if (g_strcmp0 (text, "collective") == 0)
    *kind = ANTT_NOMINEE_COLLECTIVE;
  else if (g_strcmp0 (text, "individual") == 0)
    *kind = ANTT_NOMINEE_INDIVIDUAL;
  else
    return FALSE;
  return TRUE;
}

void
antt_slots_free (AnttSlots *slots)
{
  if (slots == NULL)
    return;
  g_free (slots->award_code);
  g_free (slots->award_name);
  g_free (slots);
}

void
antt_candidate_free (AnttCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->name);
  g_free (candidate->team_name);
  g_free (candidate->reason);
  g_free (candidate);
}

void
antt_evidence_free (AnttEvidence *evidence)
{
  if (evidence == NULL)
    return;
  g_free (evidence->date);
  g_free (evidence->title);
  g_free (evidence);
}

void
antt_vote_tally_free (AnttVoteTally *tally)
{
  if (tally == NULL)
    return;
  g_free (tally->status);
  g_free (tally);
}

void
antt_nomination_info_free (AnttNominationInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->award_name);
  g_free (info->nominee_name);
  g_free (info->team_name);
  g_free (info->status);
  g_free (info->achievement_type);
  g_free (info->summary);
  g_free (info->status_reason);
  g_free (info->decision_number);
  g_free (info->decision_date);
  g_free (info->created_date);
  g_free (info);
}

static gboolean
status_holds_slot (const char *status)
{
  return g_strcmp0 (status, "proposed") == 0 || g_strcmp0 (status, "approved") == 0;
}

static const char *
status_label (const char *status)
{
  const AnttColumn *column = antt_table_get_column (antt_table_lookup ("nominations"), "status");

  return antt_column_choice_label (column, status);
}

/* "dd/mm/yyyy" of an ISO date, for messages. */
static char *
display_date (const char *iso)
{
  char *shown = antt_date_iso_to_display (iso);

  return shown != NULL ? shown : g_strdup (iso ? iso : "?");
}

/* SQL --------------------------------------------------------------------- */


/* Steps @stmt: SQLITE_ROW or SQLITE_DONE, or -1 with @error set. */
static int
step (AnttDatabase  *db,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  antt_database_set_error (db, error, NULL);
  return -1;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
load_phase (AnttDatabase  *db,
            gint64         phase_id,
            PhaseInfo     *phase,
            GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  stmt = antt_database_prepare_bind (db, error,
                       "SELECT campaign_id, CASE WHEN review_name <> '' THEN review_name"
                       " ELSE name END, start_date, end_date, review_closed"
                       " FROM phases WHERE id = ?1",
                       "i", phase_id);
  if (stmt == NULL || (rc = step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_NOT_FOUND,
                   _("The review was not found: it may have been deleted meanwhile."));
      return FALSE;
    }

  phase->id = phase_id;
  phase->campaign_id = sqlite3_column_int64 (stmt, 0);
  phase->name = column_dup (stmt, 1);
  phase->start = column_dup (stmt, 2);
  phase->end = column_dup (stmt, 3);
  phase->closed = sqlite3_column_int (stmt, 4) != 0;
  return TRUE;
}

static void
set_closed_error (GError          **error,
                  const PhaseInfo  *phase)
{
  g_set_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_CLOSED,
               _("The review “%s” is closed: its decision has been made, so nominations "
                 "can no longer be added to it or change status."),
               phase->name);
}

/* The award's name, and the movement it belongs to. */
static char *
load_award (AnttDatabase  *db,
            gint64         award_level_id,
            gint64        *campaign_id,
            GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  stmt = antt_database_prepare_bind (db, error, "SELECT name, campaign_id FROM award_levels WHERE id = ?1",
                       "i", award_level_id);
  if (stmt == NULL || (rc = step (db, stmt, error)) < 0)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_NOT_FOUND,
                   _("The award was not found: it may have been deleted meanwhile."));
      return NULL;
    }
  if (campaign_id != NULL)
    *campaign_id = sqlite3_column_int64 (stmt, 1);
  return column_dup (stmt, 0);
}

static char *
nominee_name (AnttDatabase    *db,
              AnttNomineeKind  kind,
              gint64           nominee_id)
{
  g_autoptr(AnttStatement) stmt = NULL;

  stmt = antt_database_prepare_bind (db, NULL,
                       kind == ANTT_NOMINEE_COLLECTIVE
                         ? "SELECT name FROM teams WHERE id = ?1"
                         : "SELECT full_name FROM members WHERE id = ?1",
                       "i", nominee_id);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return column_dup (stmt, 0);
  return g_strdup ("?");
}

/* Slots ------------------------------------------------------------------- */

static gboolean
count_slots (AnttDatabase     *db,
             gint64            phase_id,
             gint64            award_level_id,
             AnttNomineeKind   kind,
             gint64            except_id,
             guint            *used,
             guint            *approved,
             int              *cap,
             GError          **error)
{
  g_autoptr(AnttStatement) stmt = NULL;

  stmt = antt_database_prepare_bind (db, error,
                       "SELECT count (CASE WHEN status IN ('proposed', 'approved') THEN 1 END),"
                       " count (CASE WHEN status = 'approved' THEN 1 END),"
                       " (SELECT max_count FROM award_caps WHERE phase_id = ?1"
                       "   AND award_level_id = ?2 AND nominee_kind = ?3)"
                       " FROM nominations WHERE phase_id = ?1 AND award_level_id = ?2"
                       " AND nominee_kind = ?3 AND id <> ?4",
                       "iisi", phase_id, award_level_id, antt_nominee_kind_to_string (kind),
                       except_id);
  if (stmt == NULL || step (db, stmt, error) != SQLITE_ROW)
    return FALSE;

  if (used != NULL)
    *used = (guint) sqlite3_column_int64 (stmt, 0);
  if (approved != NULL)
    *approved = (guint) sqlite3_column_int64 (stmt, 1);
  if (cap != NULL)
    *cap = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 2);
  return TRUE;
}

/**
 * antt_nominations_slots:
 * @used: (out) (optional): nominations proposed or approved
 * @cap: (out) (optional): the most there may be, or -1 without a cap
 *
 * The slots of one review, award and kind ("Còn 3/20 suất cá nhân" is
 * @cap - @used of @cap).
 */
gboolean
antt_nominations_slots (AnttDatabase     *db,
                        gint64            phase_id,
                        gint64            award_level_id,
                        AnttNomineeKind   kind,
                        guint            *used,
                        int              *cap,
                        GError          **error)
{
  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);

  return count_slots (db, phase_id, award_level_id, kind, 0, used, NULL, cap, error);
}

/**
 * antt_nominations_slots_summary:
 *
 * Returns: (transfer full) (element-type AnttSlots): for every award of the
 *   review's movement, in the awards' order, the collective then the
 *   individual slots; %NULL with @error set.
 */
GPtrArray *
antt_nominations_slots_summary (AnttDatabase  *db,
                                gint64         phase_id,
                                GError       **error)
{
  g_autoptr(GPtrArray) summary = g_ptr_array_new_with_free_func ((GDestroyNotify) antt_slots_free);
  g_auto(PhaseInfo) phase = { 0 };
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);

  if (!load_phase (db, phase_id, &phase, error))
    return NULL;

  stmt = antt_database_prepare_bind (db, error,
                       "SELECT l.id, l.code, l.name, k.kind,"
                       " count (CASE WHEN n.status = 'draft' THEN 1 END),"
                       " count (CASE WHEN n.status = 'proposed' THEN 1 END),"
                       " count (CASE WHEN n.status = 'approved' THEN 1 END),"
                       " count (CASE WHEN n.status = 'rejected' THEN 1 END),"
                       " count (CASE WHEN n.status = 'withdrawn' THEN 1 END),"
                       " (SELECT max_count FROM award_caps c WHERE c.phase_id = ?1"
                       "   AND c.award_level_id = l.id AND c.nominee_kind = k.kind)"
                       " FROM award_levels l"
                       " CROSS JOIN (SELECT 0 AS ord, 'collective' AS kind"
                       "             UNION ALL SELECT 1, 'individual') k"
                       " LEFT JOIN nominations n ON n.phase_id = ?1 AND n.award_level_id = l.id"
                       "  AND n.nominee_kind = k.kind"
                       " WHERE l.campaign_id = ?2"
                       " GROUP BY l.id, k.kind ORDER BY l.ordinal, l.id, k.ord",
                       "ii", phase_id, phase.campaign_id);
  if (stmt == NULL)
    return NULL;

  while ((rc = step (db, stmt, error)) == SQLITE_ROW)
    {
      AnttSlots *slots = g_new0 (AnttSlots, 1);

      slots->award_level_id = sqlite3_column_int64 (stmt, 0);
      slots->award_code = column_dup (stmt, 1);
      slots->award_name = column_dup (stmt, 2);
      antt_nominee_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &slots->kind);
      slots->draft = (guint) sqlite3_column_int64 (stmt, 4);
      slots->proposed = (guint) sqlite3_column_int64 (stmt, 5);
      slots->approved = (guint) sqlite3_column_int64 (stmt, 6);
      slots->rejected = (guint) sqlite3_column_int64 (stmt, 7);
      slots->withdrawn = (guint) sqlite3_column_int64 (stmt, 8);
      slots->used = slots->proposed + slots->approved;
      slots->cap = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 9);
      g_ptr_array_add (summary, slots);
    }
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&summary);
}

static void
set_cap_error (GError          **error,
               const char       *award_name,
               const PhaseInfo  *phase,
               AnttNomineeKind   kind,
               gboolean          approved_only,
               guint             used,
               int               cap)
{
  gboolean collective = kind == ANTT_NOMINEE_COLLECTIVE;

  /* Whole sentences for each case, for the translators. */
  g_set_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_CAP_REACHED,
               approved_only
                 ? (collective
                      ? _("No more collective nominations for “%s” can be approved in “%s”: "
                          "%u/%d are approved already.")
                      : _("No more individual nominations for “%s” can be approved in “%s”: "
                          "%u/%d are approved already."))
                 : (collective
                      ? _("No collective slot is left for “%s” in “%s”: %u/%d are proposed "
                          "or approved. Withdraw one to free a slot.")
                      : _("No individual slot is left for “%s” in “%s”: %u/%d are proposed "
                          "or approved. Withdraw one to free a slot.")),
               award_name, phase->name, used, cap);
}

/* Eligibility ------------------------------------------------------------- */

static AnttEligibility
member_eligibility (const PhaseInfo  *phase,
                    const char       *name,
                    const char       *joined,
                    const char       *left,
                    const char       *violation,
                    char            **reason)
{
  if (joined != NULL && strcmp (joined, phase->end) > 0)
    {
      g_autofree char *when = display_date (joined);
      g_autofree char *end = display_date (phase->end);

      *reason = g_strdup_printf (_("%s joined the force on %s, after the end of the phase "
                                   "on %s."), name, when, end);
      return ANTT_ELIGIBILITY_MEMBER_NOT_JOINED;
    }
  if (left != NULL && strcmp (left, phase->end) < 0)
    {
      g_autofree char *when = display_date (left);
      g_autofree char *end = display_date (phase->end);

      *reason = g_strdup_printf (_("%s left the force on %s, before the end of the phase "
                                   "on %s."), name, when, end);
      return ANTT_ELIGIBILITY_MEMBER_LEFT;
    }
  if (violation != NULL)
    {
      g_autofree char *when = display_date (violation);
      g_autofree char *start = display_date (phase->start);
      g_autofree char *end = display_date (phase->end);

      *reason = g_strdup_printf (_("%s has a violation of the law recorded on %s, within the "
                                   "phase (%s – %s)."), name, when, start, end);
      return ANTT_ELIGIBILITY_MEMBER_VIOLATION;
    }
  return ANTT_ELIGIBILITY_OK;
}

static AnttEligibility
team_eligibility (const PhaseInfo  *phase,
                  const char       *name,
                  const char       *established,
                  const char       *dissolved,
                  char            **reason)
{
  if (established != NULL && strcmp (established, phase->end) > 0)
    {
      g_autofree char *when = display_date (established);
      g_autofree char *end = display_date (phase->end);

      *reason = g_strdup_printf (_("%s was established on %s, after the end of the phase "
                                   "on %s."), name, when, end);
      return ANTT_ELIGIBILITY_TEAM_NOT_ESTABLISHED;
    }
  if (dissolved != NULL && strcmp (dissolved, phase->start) < 0)
    {
      g_autofree char *when = display_date (dissolved);
      g_autofree char *start = display_date (phase->start);

      *reason = g_strdup_printf (_("%s was dissolved on %s, before the start of the phase "
                                   "on %s."), name, when, start);
      return ANTT_ELIGIBILITY_TEAM_DISSOLVED;
    }
  return ANTT_ELIGIBILITY_OK;
}

#define MEMBER_ELIGIBILITY_SQL \
  "SELECT m.full_name, m.joined_date, m.left_date," \
  " (SELECT min (v.date) FROM member_violations v WHERE v.member_id = m.id" \
  "   AND v.date BETWEEN ?2 AND ?3)" \
  " FROM members m WHERE m.id = ?1"

#define TEAM_ELIGIBILITY_SQL \
  "SELECT name, established_date, dissolved_date FROM teams WHERE id = ?1"

/* The reason @nominee_id cannot be nominated in @phase, or OK; -1 on error. */
static int
nominee_eligibility (AnttDatabase      *db,
                     const PhaseInfo   *phase,
                     AnttNomineeKind    kind,
                     gint64             nominee_id,
                     char             **reason,
                     GError           **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  const char *name;
  int rc;

  if (phase->closed)
    {
      *reason = g_strdup_printf (_("The review “%s” is closed: its decision has been made, so "
                                   "nominations can no longer be added to it or change "
                                   "status."), phase->name);
      return ANTT_ELIGIBILITY_REVIEW_CLOSED;
    }

  if (kind == ANTT_NOMINEE_INDIVIDUAL)
    stmt = antt_database_prepare_bind (db, error, MEMBER_ELIGIBILITY_SQL, "iss",
                         nominee_id, phase->start, phase->end);
  else
    stmt = antt_database_prepare_bind (db, error, TEAM_ELIGIBILITY_SQL, "i", nominee_id);
  if (stmt == NULL || (rc = step (db, stmt, error)) < 0)
    return -1;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_NOT_FOUND,
                   kind == ANTT_NOMINEE_INDIVIDUAL
                     ? _("The member was not found: it may have been deleted meanwhile.")
                     : _("The team was not found: it may have been deleted meanwhile."));
      return -1;
    }

  name = (const char *) sqlite3_column_text (stmt, 0);
  if (kind == ANTT_NOMINEE_INDIVIDUAL)
    return member_eligibility (phase, name,
                               (const char *) sqlite3_column_text (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2),
                               (const char *) sqlite3_column_text (stmt, 3),
                               reason);
  return team_eligibility (phase, name,
                           (const char *) sqlite3_column_text (stmt, 1),
                           (const char *) sqlite3_column_text (stmt, 2),
                           reason);
}

/**
 * antt_nominations_check_eligibility:
 * @reason_code: (out) (optional): why not, or %ANTT_ELIGIBILITY_OK
 *
 * Whether @nominee_id (a team or a member, by @kind) may be nominated in the
 * review of @phase_id, whatever the award.
 *
 * Returns: %TRUE when eligible. When not, %FALSE with @error in
 *   ANTT_NOMINATION_ERROR (INELIGIBLE, or CLOSED for a closed review)
 *   carrying the reason; any other domain is a failure to read.
 */
gboolean
antt_nominations_check_eligibility (AnttDatabase     *db,
                                    gint64            phase_id,
                                    AnttNomineeKind   kind,
                                    gint64            nominee_id,
                                    AnttEligibility  *reason_code,
                                    GError          **error)
{
  g_auto(PhaseInfo) phase = { 0 };
  g_autofree char *reason = NULL;
  int code;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);

  if (reason_code != NULL)
    *reason_code = ANTT_ELIGIBILITY_OK;

  if (!load_phase (db, phase_id, &phase, error))
    return FALSE;

  code = nominee_eligibility (db, &phase, kind, nominee_id, &reason, error);
  if (code < 0)
    return FALSE;
  if (reason_code != NULL)
    *reason_code = code;
  if (code == ANTT_ELIGIBILITY_OK)
    return TRUE;

  g_set_error_literal (error, ANTT_NOMINATION_ERROR,
                       code == ANTT_ELIGIBILITY_REVIEW_CLOSED ? ANTT_NOMINATION_ERROR_CLOSED
                                                              : ANTT_NOMINATION_ERROR_INELIGIBLE,
                       reason);
  return FALSE;
}

typedef struct
{
  char          *key;
  AnttCandidate *candidate;
} CandidateKey;

static int
compare_candidate_keys (gconstpointer a,
                        gconstpointer b)
{
  const CandidateKey *ka = a;
  const CandidateKey *kb = b;
  int cmp = strcmp (ka->key, kb->key);

  if (cmp != 0)
    return cmp;
  return (ka->candidate->id > kb->candidate->id) - (ka->candidate->id < kb->candidate->id);
}

/* People by given name, the Vietnamese way; teams by name. */
static void
sort_candidates (GPtrArray *candidates)
{
  g_autofree CandidateKey *keys = g_new (CandidateKey, candidates->len + 1);

  for (guint i = 0; i < candidates->len; i++)
    {
      AnttCandidate *candidate = g_ptr_array_index (candidates, i);
      char *key = candidate->kind == ANTT_NOMINEE_INDIVIDUAL
        ? antt_text_name_collate_key (candidate->name)
        : antt_text_collate_key (candidate->name);

      keys[i].key = key != NULL ? key : g_strdup ("");
      keys[i].candidate = candidate;
    }
  qsort (keys, candidates->len, sizeof (CandidateKey), compare_candidate_keys);
  for (guint i = 0; i < candidates->len; i++)
    {
      candidates->pdata[i] = keys[i].candidate;
      g_free (keys[i].key);
    }
}

/**
 * antt_nominations_list_candidates:
 * @award_level_id: the award, to mark those already nominated for it; 0
 *   for none
 * @search: (nullable): words to find in the names, with or without
 *   diacritics
 *
 * Every team or member (by @kind), with whether it may be nominated in the
 * review and, when not, why: the wizard's second step.
 *
 * Returns: (transfer full) (element-type AnttCandidate): in Vietnamese
 *   order of names; %NULL with @error set.
 */
GPtrArray *
antt_nominations_list_candidates (AnttDatabase     *db,
                                  gint64            phase_id,
                                  gint64            award_level_id,
                                  AnttNomineeKind   kind,
                                  const char       *search,
                                  GError          **error)
{
  g_autoptr(GPtrArray) candidates =
    g_ptr_array_new_with_free_func ((GDestroyNotify) antt_candidate_free);
  g_auto(PhaseInfo) phase = { 0 };
  g_autofree char *needle = NULL;
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);

  if (!load_phase (db, phase_id, &phase, error))
    return NULL;
  if (search != NULL && *search != '\0')
    needle = antt_text_fold (search);

  if (kind == ANTT_NOMINEE_INDIVIDUAL)
    stmt = antt_database_prepare_bind (db, error,
                         "SELECT m.id, m.full_name, m.name_fold, m.team_id, t.name,"
                         " m.joined_date, m.left_date,"
                         " (SELECT min (v.date) FROM member_violations v"
                         "   WHERE v.member_id = m.id AND v.date BETWEEN ?1 AND ?2),"
                         " (SELECT n.id FROM nominations n WHERE n.phase_id = ?3"
                         "   AND n.award_level_id = ?4 AND n.member_id = m.id"
                         "   AND n.status NOT IN ('withdrawn', 'rejected') ORDER BY n.id LIMIT 1)"
                         " FROM members m JOIN teams t ON t.id = m.team_id",
                         "ssii", phase.start, phase.end, phase_id, award_level_id);
  else
    stmt = antt_database_prepare_bind (db, error,
                         "SELECT t.id, t.name, t.name_fold, t.id, NULL,"
                         " t.established_date, t.dissolved_date, NULL,"
                         " (SELECT n.id FROM nominations n WHERE n.phase_id = ?3"
                         "   AND n.award_level_id = ?4 AND n.team_id = t.id"
                         "   AND n.status NOT IN ('withdrawn', 'rejected') ORDER BY n.id LIMIT 1)"
                         " FROM teams t",
                         "ssii", phase.start, phase.end, phase_id, award_level_id);
  if (stmt == NULL)
    return NULL;

  while ((rc = step (db, stmt, error)) == SQLITE_ROW)
    {
      AnttCandidate *candidate;
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *start = (const char *) sqlite3_column_text (stmt, 5);
      const char *end = (const char *) sqlite3_column_text (stmt, 6);
      char *reason = NULL;
      AnttEligibility code;

      if (needle != NULL && !antt_text_matches ((const char *) sqlite3_column_text (stmt, 2),
                                                needle))
        continue;

      candidate = g_new0 (AnttCandidate, 1);
      candidate->kind = kind;
      candidate->id = sqlite3_column_int64 (stmt, 0);
      candidate->name = g_strdup (name);
      candidate->team_id = sqlite3_column_int64 (stmt, 3);
      candidate->team_name = column_dup (stmt, 4);
      candidate->nomination_id = sqlite3_column_int64 (stmt, 8);

      if (phase.closed)
        {
          code = ANTT_ELIGIBILITY_REVIEW_CLOSED;
          reason = g_strdup_printf (_("The review “%s” is closed: its decision has been made, "
                                      "so nominations can no longer be added to it or change "
                                      "status."), phase.name);
        }
      else if (kind == ANTT_NOMINEE_INDIVIDUAL)
        code = member_eligibility (&phase, name, start, end,
                                   (const char *) sqlite3_column_text (stmt, 7), &reason);
      else
        code = team_eligibility (&phase, name, start, end, &reason);

      if (code == ANTT_ELIGIBILITY_OK && candidate->nomination_id != 0)
        {
          code = ANTT_ELIGIBILITY_ALREADY_NOMINATED;
          reason = g_strdup_printf (_("%s is already nominated for this award in this review."),
                                    name);
        }

      candidate->eligibility = code;
      candidate->reason = reason;
      g_ptr_array_add (candidates, candidate);
    }
  if (rc < 0)
    return NULL;

  sort_candidates (candidates);
  return g_steal_pointer (&candidates);
}

/* Figures and evidence ---------------------------------------------------- */

#define MEMBER_FIGURES_SQL \
  "SELECT 0," \
  " (SELECT count (*) FROM patrol_participants pp JOIN patrols p ON p.id = pp.patrol_id" \
  "   WHERE pp.member_id = ?1 AND p.date BETWEEN ?2 AND ?3)," \
  " (SELECT count (*) FROM callout_members cm JOIN callouts c ON c.id = cm.callout_id" \
  "   WHERE cm.member_id = ?1 AND cm.present = 1 AND c.date BETWEEN ?2 AND ?3)," \
  " (SELECT count (*) FROM callout_members cm JOIN callouts c ON c.id = cm.callout_id" \
  "   WHERE cm.member_id = ?1 AND cm.present = 1 AND cm.on_time = 1" \
  "   AND c.date BETWEEN ?2 AND ?3)," \
  " (SELECT count (*) FROM tips WHERE member_id = ?1 AND via_force = 1" \
  "   AND received_date BETWEEN ?2 AND ?3)," \
  " (SELECT count (*) FROM incident_participants ip JOIN incidents i ON i.id = ip.incident_id" \
  "   WHERE ip.member_id = ?1 AND i.occurred_date BETWEEN ?2 AND ?3)," \
  " (SELECT count (*) FROM good_deeds WHERE member_id = ?1 AND kind = 'good_deed'" \
  "   AND date BETWEEN ?2 AND ?3)," \
  " (SELECT count (*) FROM good_deeds WHERE member_id = ?1 AND kind = 'commendation'" \
  "   AND date BETWEEN ?2 AND ?3)," \
  " (SELECT count (*) FROM reintegration_visits WHERE member_id = ?1" \
  "   AND date BETWEEN ?2 AND ?3)"

/* A team's events count once however many of its members were there. Its
 * members are those whose team it is now (the schema keeps no history of
 * moves between teams). */
#define TEAM_FIGURES_SQL \
  "SELECT" \
  " (SELECT count (*) FROM members WHERE team_id = ?1 AND joined_date <= ?3" \
  "   AND (left_date IS NULL OR left_date >= ?2))," \
  " (SELECT count (*) FROM patrols WHERE team_id = ?1 AND date BETWEEN ?2 AND ?3)," \
  " (SELECT count (DISTINCT c.id) FROM callouts c" \
  "   JOIN callout_members cm ON cm.callout_id = c.id JOIN members m ON m.id = cm.member_id" \
  "   WHERE m.team_id = ?1 AND cm.present = 1 AND c.date BETWEEN ?2 AND ?3)," \
  " (SELECT count (DISTINCT c.id) FROM callouts c" \
  "   JOIN callout_members cm ON cm.callout_id = c.id JOIN members m ON m.id = cm.member_id" \
  "   WHERE m.team_id = ?1 AND cm.present = 1 AND cm.on_time = 1" \
  "   AND c.date BETWEEN ?2 AND ?3)," \
  " (SELECT count (*) FROM tips t JOIN members m ON m.id = t.member_id" \
  "   WHERE m.team_id = ?1 AND t.via_force = 1 AND t.received_date BETWEEN ?2 AND ?3)," \
  " (SELECT count (DISTINCT i.id) FROM incidents i" \
  "   JOIN incident_participants ip ON ip.incident_id = i.id" \
  "   JOIN members m ON m.id = ip.member_id" \
  "   WHERE m.team_id = ?1 AND i.occurred_date BETWEEN ?2 AND ?3)," \
  " (SELECT count (*) FROM good_deeds WHERE team_id = ?1 AND kind = 'good_deed'" \
  "   AND date BETWEEN ?2 AND ?3)," \
  " (SELECT count (*) FROM good_deeds WHERE team_id = ?1 AND kind = 'commendation'" \
  "   AND date BETWEEN ?2 AND ?3)," \
  " (SELECT count (*) FROM reintegration_visits v" \
  "   JOIN reintegration_cases rc ON rc.id = v.case_id" \
  "   LEFT JOIN members m ON m.id = v.member_id" \
  "   WHERE (m.team_id = ?1 OR rc.team_id = ?1) AND v.date BETWEEN ?2 AND ?3)"

/**
 * antt_nominations_figures:
 * @figures: (out caller-allocates): the nominee's figures in the phase
 *
 * What the nominee did in the phase, from the records, for the summary of
 * achievements the wizard pre-fills.
 */
gboolean
antt_nominations_figures (AnttDatabase        *db,
                          gint64               phase_id,
                          AnttNomineeKind      kind,
                          gint64               nominee_id,
                          AnttNomineeFigures  *figures,
                          GError             **error)
{
  g_auto(PhaseInfo) phase = { 0 };
  g_autoptr(AnttStatement) stmt = NULL;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  memset (figures, 0, sizeof *figures);
  if (!load_phase (db, phase_id, &phase, error))
    return FALSE;

  stmt = antt_database_prepare_bind (db, error,
                       kind == ANTT_NOMINEE_INDIVIDUAL ? MEMBER_FIGURES_SQL : TEAM_FIGURES_SQL,
                       "iss", nominee_id, phase.start, phase.end);
  if (stmt == NULL || step (db, stmt, error) != SQLITE_ROW)
    return FALSE;

  figures->members = (guint) sqlite3_column_int64 (stmt, 0);
  figures->patrols = (guint) sqlite3_column_int64 (stmt, 1);
  figures->callouts = (guint) sqlite3_column_int64 (stmt, 2);
  figures->callouts_on_time = (guint) sqlite3_column_int64 (stmt, 3);
  figures->tips = (guint) sqlite3_column_int64 (stmt, 4);
  figures->incidents = (guint) sqlite3_column_int64 (stmt, 5);
  figures->good_deeds = (guint) sqlite3_column_int64 (stmt, 6);
  figures->commendations = (guint) sqlite3_column_int64 (stmt, 7);
  figures->reintegration_visits = (guint) sqlite3_column_int64 (stmt, 8);
  return TRUE;
}

#define MEMBER_EVIDENCE_SQL \
  "SELECT 'incidents', i.id, i.occurred_date, i.title FROM incidents i" \
  "  JOIN incident_participants ip ON ip.incident_id = i.id" \
  "  WHERE ip.member_id = ?1 AND i.occurred_date BETWEEN ?2 AND ?3" \
  " UNION ALL SELECT 'callouts', c.id, c.date, c.place FROM callouts c" \
  "  JOIN callout_members cm ON cm.callout_id = c.id" \
  "  WHERE cm.member_id = ?1 AND cm.present = 1 AND c.date BETWEEN ?2 AND ?3" \
  " UNION ALL SELECT 'patrols', p.id, p.date, p.area FROM patrols p" \
  "  JOIN patrol_participants pp ON pp.patrol_id = p.id" \
  "  WHERE pp.member_id = ?1 AND p.date BETWEEN ?2 AND ?3" \
  " UNION ALL SELECT 'good_deeds', g.id, g.date, g.description FROM good_deeds g" \
  "  WHERE g.member_id = ?1 AND g.date BETWEEN ?2 AND ?3" \
  " UNION ALL SELECT 'reintegration_visits', v.id, v.date, v.note FROM reintegration_visits v" \
  "  WHERE v.member_id = ?1 AND v.date BETWEEN ?2 AND ?3" \
  " UNION ALL SELECT 'tips', t.id, t.received_date, t.summary FROM tips t" \
  "  WHERE t.member_id = ?1 AND t.via_force = 1 AND t.received_date BETWEEN ?2 AND ?3" \
  " UNION ALL SELECT 'models', o.id, coalesce (o.recognised_date, o.started_date), o.name" \
  "  FROM models o WHERE o.member_id = ?1 AND o.started_date <= ?3" \
  " ORDER BY 3, 1, 2"

#define TEAM_EVIDENCE_SQL \
  "SELECT DISTINCT 'incidents', i.id, i.occurred_date, i.title FROM incidents i" \
  "  JOIN incident_participants ip ON ip.incident_id = i.id" \
  "  JOIN members m ON m.id = ip.member_id" \
  "  WHERE m.team_id = ?1 AND i.occurred_date BETWEEN ?2 AND ?3" \
  " UNION SELECT 'callouts', c.id, c.date, c.place FROM callouts c" \
  "  JOIN callout_members cm ON cm.callout_id = c.id JOIN members m ON m.id = cm.member_id" \
  "  WHERE m.team_id = ?1 AND cm.present = 1 AND c.date BETWEEN ?2 AND ?3" \
  " UNION SELECT 'patrols', p.id, p.date, p.area FROM patrols p" \
  "  WHERE p.team_id = ?1 AND p.date BETWEEN ?2 AND ?3" \
  " UNION SELECT 'good_deeds', g.id, g.date, g.description FROM good_deeds g" \
  "  WHERE g.team_id = ?1 AND g.date BETWEEN ?2 AND ?3" \
  " UNION SELECT 'reintegration_visits', v.id, v.date, v.note FROM reintegration_visits v" \
  "  JOIN reintegration_cases rc ON rc.id = v.case_id LEFT JOIN members m ON m.id = v.member_id" \
  "  WHERE (m.team_id = ?1 OR rc.team_id = ?1) AND v.date BETWEEN ?2 AND ?3" \
  " UNION SELECT 'tips', t.id, t.received_date, t.summary FROM tips t" \
  "  JOIN members m ON m.id = t.member_id" \
  "  WHERE m.team_id = ?1 AND t.via_force = 1 AND t.received_date BETWEEN ?2 AND ?3" \
  " UNION SELECT 'models', o.id, coalesce (o.recognised_date, o.started_date), o.name" \
  "  FROM models o LEFT JOIN members m ON m.id = o.member_id" \
  "  WHERE (o.team_id = ?1 OR m.team_id = ?1) AND o.started_date <= ?3" \
  " ORDER BY 3, 1, 2"

static const char *const evidence_tables[] = {
  "incidents", "callouts", "patrols", "good_deeds", "reintegration_visits", "tips", "models",
};

/* The rows of an evidence query: table, record id, date, title. */
static GPtrArray *
read_evidence (AnttDatabase   *db,
               AnttStatement  *stmt,
               GError        **error)
{
  g_autoptr(GPtrArray) evidence =
    g_ptr_array_new_with_free_func ((GDestroyNotify) antt_evidence_free);
  int rc;

  while ((rc = step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      AnttEvidence *item = g_new0 (AnttEvidence, 1);

      for (guint i = 0; i < G_N_ELEMENTS (evidence_tables); i++)
        if (g_strcmp0 (table, evidence_tables[i]) == 0)
          item->record_table = evidence_tables[i];
      g_assert (item->record_table != NULL);
      item->record_id = sqlite3_column_int64 (stmt, 1);
      item->date = column_dup (stmt, 2);
      item->title = column_dup (stmt, 3);
      g_ptr_array_add (evidence, item);
    }
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&evidence);
}

/**
 * antt_nominations_list_evidence:
 *
 * The records of the phase that may back a nomination of the nominee, for
 * linking as nomination_evidence: a member's own, or a team's and its
 * members'.
 *
 * Returns: (transfer full) (element-type AnttEvidence): by date; %NULL with
 *   @error set.
 */
GPtrArray *
antt_nominations_list_evidence (AnttDatabase     *db,
                                gint64            phase_id,
                                AnttNomineeKind   kind,
                                gint64            nominee_id,
                                GError          **error)
{
  g_auto(PhaseInfo) phase = { 0 };
  g_autoptr(AnttStatement) stmt = NULL;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);

  if (!load_phase (db, phase_id, &phase, error))
    return NULL;

  stmt = antt_database_prepare_bind (db, error,
                       kind == ANTT_NOMINEE_INDIVIDUAL ? MEMBER_EVIDENCE_SQL : TEAM_EVIDENCE_SQL,
                       "iss", nominee_id, phase.start, phase.end);
  if (stmt == NULL)
    return NULL;

  return read_evidence (db, stmt, error);
}

/* The rules of one nomination --------------------------------------------- */

typedef enum
{
  CHECK_NONE          = 0,
  CHECK_TAKES_SLOT    = 1 << 0, /* comes into proposed + approved */
  CHECK_APPROVES      = 1 << 1, /* comes into approved */
} CheckFlags;

/* Everything that must hold for a nomination of @nominee_id to be, or
 * become, proposed or approved. @self_id is the nomination itself (0 for a
 * new one), which neither duplicates nor takes a slot from itself. */
static gboolean
check_rules (AnttDatabase     *db,
             gint64            phase_id,
             gint64            award_level_id,
             AnttNomineeKind   kind,
             gint64            nominee_id,
             gint64            self_id,
             CheckFlags        flags,
             GError          **error)
{
  g_auto(PhaseInfo) phase = { 0 };
  g_autofree char *award_name = NULL;
  g_autofree char *reason = NULL;
  gint64 award_campaign = 0;
  int code;

  if (!load_phase (db, phase_id, &phase, error))
    return FALSE;
  if (phase.closed)
    {
      set_closed_error (error, &phase);
      return FALSE;
    }

  award_name = load_award (db, award_level_id, &award_campaign, error);
  if (award_name == NULL)
    return FALSE;
  if (award_campaign != phase.campaign_id)
    {
      g_set_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_INVALID,
                   _("The award “%s” belongs to another movement than the review “%s”. "
                     "Choose an award of this movement."), award_name, phase.name);
      return FALSE;
    }

  code = nominee_eligibility (db, &phase, kind, nominee_id, &reason, error);
  if (code < 0)
    return FALSE;
  if (code != ANTT_ELIGIBILITY_OK)
    {
      g_set_error_literal (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_INELIGIBLE,
                           reason);
      return FALSE;
    }

  /* Once per review and award: the schema's partial unique indexes say
   * the same, without a message. */
  {
    g_autoptr(AnttStatement) stmt = NULL;
    int rc;

    stmt = antt_database_prepare_bind (db, error,
                         kind == ANTT_NOMINEE_INDIVIDUAL
                           ? "SELECT status FROM nominations WHERE phase_id = ?1"
                             " AND award_level_id = ?2 AND member_id = ?3 AND id <> ?4"
                             " AND status NOT IN ('withdrawn', 'rejected')"
                           : "SELECT status FROM nominations WHERE phase_id = ?1"
                             " AND award_level_id = ?2 AND team_id = ?3 AND id <> ?4"
                             " AND status NOT IN ('withdrawn', 'rejected')",
                         "iiii", phase_id, award_level_id, nominee_id, self_id);
    if (stmt == NULL || (rc = step (db, stmt, error)) < 0)
      return FALSE;
    if (rc == SQLITE_ROW)
      {
        g_autofree char *name = nominee_name (db, kind, nominee_id);

        g_set_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_DUPLICATE,
                     _("%s is already nominated for “%s” in “%s” (%s). A nominee is "
                       "nominated only once per review and award."),
                     name, award_name, phase.name,
                     status_label ((const char *) sqlite3_column_text (stmt, 0)));
        return FALSE;
      }
  }

  if (flags & (CHECK_TAKES_SLOT | CHECK_APPROVES))
    {
      guint used = 0, approved = 0;
      int cap = -1;

      if (!count_slots (db, phase_id, award_level_id, kind, self_id, &used, &approved, &cap,
                        error))
        return FALSE;
      if ((flags & CHECK_TAKES_SLOT) && cap >= 0 && used >= (guint) cap)
        {
          set_cap_error (error, award_name, &phase, kind, FALSE, used, cap);
          return FALSE;
        }
      if ((flags & CHECK_APPROVES) && cap >= 0 && approved >= (guint) cap)
        {
          set_cap_error (error, award_name, &phase, kind, TRUE, approved, cap);
          return FALSE;
        }
    }

  return TRUE;
}

/* A write the schema refused although the checks passed: another program
 * wrote meanwhile. Says so in the words of the check. */
static void
propagate_write_error (AnttDatabase     *db,
                       GError           *local_error,
                       gint64            phase_id,
                       gint64            award_level_id,
                       AnttNomineeKind   kind,
                       GError          **error)
{
  g_auto(PhaseInfo) phase = { 0 };
  g_autofree char *award_name = NULL;

  if (g_error_matches (local_error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_CONSTRAINT) &&
      strstr (local_error->message, TRIGGER_CAP_REACHED) != NULL &&
      load_phase (db, phase_id, &phase, NULL) &&
      (award_name = load_award (db, award_level_id, NULL, NULL)) != NULL)
    {
      gboolean approved_only = strstr (local_error->message, "cap reached: approved") != NULL;
      guint used = 0, approved = 0;
      int cap = -1;

      count_slots (db, phase_id, award_level_id, kind, 0, &used, &approved, &cap, NULL);
      set_cap_error (error, award_name, &phase, kind, approved_only,
                     approved_only ? approved : used, cap);
      g_error_free (local_error);
    }
  else if (g_error_matches (local_error, ANTT_DATABASE_ERROR, ANTT_DATABASE_ERROR_CONSTRAINT) &&
           strstr (local_error->message, TRIGGER_REVIEW_CLOSED) != NULL &&
           load_phase (db, phase_id, &phase, NULL))
    {
      set_closed_error (error, &phase);
      g_error_free (local_error);
    }
  else if (g_error_matches (local_error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_DUPLICATE))
    {
      g_set_error_literal (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_DUPLICATE,
                           _("This nominee is already nominated for this award in this "
                             "review. A nominee is nominated only once per review and award."));
      g_error_free (local_error);
    }
  else
    g_propagate_error (error, local_error);
}

static gboolean
record_nominee (const AnttRecord  *nomination,
                AnttNomineeKind   *kind,
                gint64            *nominee_id)
{
  if (!antt_nominee_kind_from_string (antt_record_get_string (nomination, "nominee_kind"), kind))
    return FALSE;
  *nominee_id = antt_record_get_int (nomination,
                                     *kind == ANTT_NOMINEE_COLLECTIVE ? "team_id" : "member_id");
  return TRUE;
}

/**
 * antt_nominations_propose:
 * @nomination: a record of `nominations`: review, award, kind, team or
 *   member, achievement type and summary. Its status becomes "proposed",
 *   its votes 0 and, unless set, its date today; on success its id is set.
 *
 * Proposes a nomination, if the nominee is eligible, not nominated yet in
 * this review and award, and a slot is left. Written through the records
 * (validated and audited) inside one BEGIN IMMEDIATE transaction.
 *
 * Returns: the new nomination's id, or 0 with @error set: a field error of
 *   the records (ANTT_RECORD_ERROR), or ANTT_NOMINATION_ERROR_CAP_REACHED,
 *   _DUPLICATE, _INELIGIBLE, _CLOSED or _INVALID.
 */
gint64
antt_nominations_propose (AnttDatabase  *db,
                          AnttRecord    *nomination,
                          GError       **error)
{
  return antt_nominations_propose_with_evidence (db, nomination, NULL, error);
}

/* Each record of @evidence must be one of the nominee's in the phase. */
static gboolean
link_evidence (AnttDatabase     *db,
               gint64            nomination_id,
               gint64            phase_id,
               AnttNomineeKind   kind,
               gint64            nominee_id,
               GPtrArray        *evidence,
               GError          **error)
{
  g_autoptr(GPtrArray) allowed = NULL;
  g_autoptr(GHashTable) keys = NULL;

  if (evidence == NULL || evidence->len == 0)
    return TRUE;

  allowed = antt_nominations_list_evidence (db, phase_id, kind, nominee_id, error);
  if (allowed == NULL)
    return FALSE;
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < allowed->len; i++)
    {
      const AnttEvidence *item = g_ptr_array_index (allowed, i);
      g_hash_table_add (keys, g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                                               item->record_table, item->record_id));
    }

  for (guint i = 0; i < evidence->len; i++)
    {
      const AnttEvidence *item = g_ptr_array_index (evidence, i);
      g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                                              item->record_table, item->record_id);
      g_autoptr(AnttRecord) link = NULL;

      if (!g_hash_table_contains (keys, key))
        {
          g_set_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_INVALID,
                       _("The record “%s” is not one of the nominee's in this phase: "
                         "it cannot back the nomination."),
                       item->title != NULL ? item->title : key);
          return FALSE;
        }
      link = antt_record_new ("nomination_evidence");
      antt_record_set_int (link, "nomination_id", nomination_id);
      antt_record_set_string (link, "record_table", item->record_table);
      antt_record_set_int (link, "record_id", item->record_id);
      if (antt_records_insert (db, link, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * antt_nominations_propose_with_evidence:
 * @evidence: (nullable) (element-type AnttEvidence): records of the nominee
 *   in the phase (from antt_nominations_list_evidence()) to link
 *
 * As antt_nominations_propose(), and links @evidence to the new nomination
 * in the same transaction: all of it or nothing.
 */
gint64
antt_nominations_propose_with_evidence (AnttDatabase  *db,
                                        AnttRecord    *nomination,
                                        GPtrArray     *evidence,
                                        GError       **error)
{
  GError *local_error = NULL;
  AnttNomineeKind kind;
  gint64 nominee_id = 0;
  gint64 phase_id, award_level_id, id;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), 0);
  g_return_val_if_fail (nomination != NULL, 0);
  g_return_val_if_fail (g_str_equal (antt_record_get_table (nomination)->name, "nominations"), 0);

  antt_record_set_string (nomination, "status", "proposed");
  antt_record_set_int (nomination, "votes_for", 0);
  antt_record_set_int (nomination, "votes_against", 0);
  antt_record_set_int (nomination, "votes_abstain", 0);
  if (antt_record_is_null (nomination, "created_date"))
    {
      g_autofree char *today = antt_date_today_iso ();
      antt_record_set_string (nomination, "created_date", today);
    }

  /* The fields first, so that a missing one is named beside its field. */
  if (!antt_records_validate (db, nomination, error))
    return 0;
  if (!record_nominee (nomination, &kind, &nominee_id))
    g_return_val_if_reached (0);  /* validation checks the kind */

  phase_id = antt_record_get_int (nomination, "phase_id");
  award_level_id = antt_record_get_int (nomination, "award_level_id");

  if (!antt_database_begin_immediate (db, error))
    return 0;

  if (!check_rules (db, phase_id, award_level_id, kind, nominee_id, 0, CHECK_TAKES_SLOT, error))
    {
      antt_database_rollback (db);
      return 0;
    }

  id = antt_records_insert (db, nomination, &local_error);
  if (id == 0)
    {
      propagate_write_error (db, local_error, phase_id, award_level_id, kind, error);
      antt_database_rollback (db);
      return 0;
    }

  if (!link_evidence (db, id, phase_id, kind, nominee_id, evidence, error))
    {
      antt_database_rollback (db);
      antt_record_set_id (nomination, 0);
      return 0;
    }

  if (!antt_database_commit (db, error))
    {
      antt_database_rollback (db);
      antt_record_set_id (nomination, 0);
      return 0;
    }
  return id;
}

#define LINKED_EVIDENCE_SQL \
  "SELECT e.record_table, e.record_id, CASE e.record_table" \
  "  WHEN 'incidents' THEN (SELECT occurred_date FROM incidents WHERE id = e.record_id)" \
  "  WHEN 'callouts' THEN (SELECT date FROM callouts WHERE id = e.record_id)" \
  "  WHEN 'patrols' THEN (SELECT date FROM patrols WHERE id = e.record_id)" \
  "  WHEN 'good_deeds' THEN (SELECT date FROM good_deeds WHERE id = e.record_id)" \
  "  WHEN 'reintegration_visits' THEN (SELECT date FROM reintegration_visits" \
  "    WHERE id = e.record_id)" \
  "  WHEN 'tips' THEN (SELECT received_date FROM tips WHERE id = e.record_id)" \
  "  WHEN 'models' THEN (SELECT coalesce (recognised_date, started_date) FROM models" \
  "    WHERE id = e.record_id) END AS d," \
  " CASE e.record_table" \
  "  WHEN 'incidents' THEN (SELECT title FROM incidents WHERE id = e.record_id)" \
  "  WHEN 'callouts' THEN (SELECT place FROM callouts WHERE id = e.record_id)" \
  "  WHEN 'patrols' THEN (SELECT area FROM patrols WHERE id = e.record_id)" \
  "  WHEN 'good_deeds' THEN (SELECT description FROM good_deeds WHERE id = e.record_id)" \
  "  WHEN 'reintegration_visits' THEN (SELECT note FROM reintegration_visits" \
  "    WHERE id = e.record_id)" \
  "  WHEN 'tips' THEN (SELECT summary FROM tips WHERE id = e.record_id)" \
  "  WHEN 'models' THEN (SELECT name FROM models WHERE id = e.record_id) END" \
  " FROM nomination_evidence e WHERE e.nomination_id = ?1 ORDER BY d, 1, 2"

/**
 * antt_nominations_list_linked_evidence:
 *
 * The records linked to a nomination as its evidence, by date.
 *
 * Returns: (transfer full) (element-type AnttEvidence): %NULL with @error
 *   set.
 */
GPtrArray *
antt_nominations_list_linked_evidence (AnttDatabase  *db,
                                       gint64         nomination_id,
                                       GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);

  stmt = antt_database_prepare_bind (db, error, LINKED_EVIDENCE_SQL, "i", nomination_id);
  if (stmt == NULL)
    return NULL;

  return read_evidence (db, stmt, error);
}

/**
 * antt_nominations_list_review:
 * @award_level_id: one award, or 0 for all
 * @status: (nullable): one status, or %NULL for all
 *
 * The nominations of a review with their nominees' names: by award, kind
 * (collective first), then in the order proposed.
 *
 * Returns: (transfer full) (element-type AnttNominationInfo): %NULL with
 *   @error set.
 */
GPtrArray *
antt_nominations_list_review (AnttDatabase  *db,
                              gint64         phase_id,
                              gint64         award_level_id,
                              const char    *status,
                              GError       **error)
{
  g_autoptr(GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) antt_nomination_info_free);
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);

  stmt = antt_database_prepare_bind (db, error,
                       "SELECT n.id, n.award_level_id, l.name, n.nominee_kind,"
                       " coalesce (n.team_id, n.member_id),"
                       " CASE WHEN n.team_id IS NOT NULL THEN t.name ELSE m.full_name END,"
                       " CASE WHEN n.member_id IS NOT NULL THEN mt.name END,"
                       " n.status, n.achievement_type, n.summary, n.status_reason,"
                       " n.votes_for, n.votes_against, n.votes_abstain, n.decision_number,"
                       " n.decision_date, n.created_date,"
                       " (SELECT count (*) FROM nomination_evidence e"
                       "   WHERE e.nomination_id = n.id)"
                       " FROM nominations n JOIN award_levels l ON l.id = n.award_level_id"
                       " LEFT JOIN teams t ON t.id = n.team_id"
                       " LEFT JOIN members m ON m.id = n.member_id"
                       " LEFT JOIN teams mt ON mt.id = m.team_id"
                       " WHERE n.phase_id = ?1 AND (?2 = 0 OR n.award_level_id = ?2)"
                       " AND (?3 IS NULL OR n.status = ?3)"
                       " ORDER BY l.ordinal, l.id, n.nominee_kind, n.id",
                       "iis", phase_id, award_level_id, status);
  if (stmt == NULL)
    return NULL;

  while ((rc = step (db, stmt, error)) == SQLITE_ROW)
    {
      AnttNominationInfo *info = g_new0 (AnttNominationInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->award_level_id = sqlite3_column_int64 (stmt, 1);
      info->award_name = column_dup (stmt, 2);
      antt_nominee_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &info->kind);
      info->nominee_id = sqlite3_column_int64 (stmt, 4);
      info->nominee_name = column_dup (stmt, 5);
      info->team_name = column_dup (stmt, 6);
      info->status = column_dup (stmt, 7);
      info->achievement_type = column_dup (stmt, 8);
      info->summary = column_dup (stmt, 9);
      info->status_reason = column_dup (stmt, 10);
      info->votes_for = (guint) sqlite3_column_int64 (stmt, 11);
      info->votes_against = (guint) sqlite3_column_int64 (stmt, 12);
      info->votes_abstain = (guint) sqlite3_column_int64 (stmt, 13);
      info->decision_number = column_dup (stmt, 14);
      info->decision_date = column_dup (stmt, 15);
      info->created_date = column_dup (stmt, 16);
      info->n_evidence = (guint) sqlite3_column_int64 (stmt, 17);
      g_ptr_array_add (rows, info);
    }
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&rows);
}

/* Which status may follow which: a decision is taken on a proposal; one
 * that was withdrawn or rejected may be proposed again. */
static gboolean
transition_allowed (const char *from,
                    const char *to)
{
  static const struct {
    const char *to;
    const char *from[5];
  } allowed[] = {
    { "proposed", { "draft", "withdrawn", "rejected", "approved", NULL } },
    { "approved", { "proposed", NULL } },
    { "rejected", { "proposed", "approved", NULL } },
    { "withdrawn", { "draft", "proposed", "approved", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      if (!g_str_equal (allowed[i].to, to))
        continue;
      for (guint j = 0; allowed[i].from[j] != NULL; j++)
        if (g_strcmp0 (allowed[i].from[j], from) == 0)
          return TRUE;
    }
  return FALSE;
}

static gboolean
has_text (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;
  return FALSE;
}

static gboolean
is_settable_status (const char *status)
{
  return g_strcmp0 (status, "proposed") == 0 || g_strcmp0 (status, "approved") == 0 ||
         g_strcmp0 (status, "rejected") == 0 || g_strcmp0 (status, "withdrawn") == 0;
}

/* Changes a nomination's status (and the votes, when @votes is given),
 * within the caller's transaction. */
static gboolean
change_status (AnttDatabase  *db,
               AnttRecord    *current,
               const char    *status,
               const char    *reason,
               const guint   *votes,
               GError       **error)
{
  g_autoptr(AnttRecord) change = antt_record_new ("nominations");
  const char *old_status = antt_record_get_string (current, "status");
  gint64 phase_id = antt_record_get_int (current, "phase_id");
  gint64 award_level_id = antt_record_get_int (current, "award_level_id");
  GError *local_error = NULL;
  AnttNomineeKind kind;
  gint64 nominee_id = 0;
  CheckFlags flags = CHECK_NONE;

  if (!record_nominee (current, &kind, &nominee_id))
    g_return_val_if_reached (FALSE);

  if (!status_holds_slot (old_status) && status_holds_slot (status))
    flags |= CHECK_TAKES_SLOT;
  if (g_strcmp0 (old_status, "approved") != 0 && g_str_equal (status, "approved"))
    flags |= CHECK_APPROVES;

  if (status_holds_slot (status) &&
      !check_rules (db, phase_id, award_level_id, kind, nominee_id,
                    antt_record_get_id (current), flags, error))
    return FALSE;

  antt_record_set_id (change, antt_record_get_id (current));
  antt_record_set_string (change, "status", status);
  antt_record_set_string (change, "status_reason", reason != NULL ? reason : "");
  if (votes != NULL)
    {
      antt_record_set_int (change, "votes_for", votes[0]);
      antt_record_set_int (change, "votes_against", votes[1]);
      antt_record_set_int (change, "votes_abstain", votes[2]);
    }

  if (!antt_records_update (db, change, &local_error))
    {
      propagate_write_error (db, local_error, phase_id, award_level_id, kind, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * antt_nominations_set_status:
 * @status: "proposed", "approved", "rejected" or "withdrawn"
 * @reason: (nullable): why; required to reject
 *
 * Withdrawing or rejecting frees the nomination's slot; proposing again
 * takes one (and checks the nominee again); approving checks that the
 * approved ones stay within the cap. Nothing changes in a closed review.
 */
gboolean
antt_nominations_set_status (AnttDatabase  *db,
                             gint64         nomination_id,
                             const char    *status,
                             const char    *reason,
                             GError       **error)
{
  g_autoptr(AnttRecord) current = NULL;
  g_auto(PhaseInfo) phase = { 0 };
  const char *old_status;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (is_settable_status (status), FALSE);

  if (!antt_database_begin_immediate (db, error))
    return FALSE;

  current = antt_records_get (db, "nominations", nomination_id, error);
  if (current == NULL ||
      !load_phase (db, antt_record_get_int (current, "phase_id"), &phase, error))
    goto fail;

  if (phase.closed)
    {
      set_closed_error (error, &phase);
      goto fail;
    }

  old_status = antt_record_get_string (current, "status");
  if (g_strcmp0 (old_status, status) == 0)
    {
      antt_database_rollback (db);
      return TRUE;
    }
  if (!transition_allowed (old_status, status))
    {
      g_set_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_STATUS,
                   _("This nomination is “%s”: it cannot become “%s”."),
                   status_label (old_status), status_label (status));
      goto fail;
    }
  if (g_str_equal (status, "rejected") && !has_text (reason))
    {
      g_set_error_literal (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_INVALID,
                           _("Give the reason for rejecting the nomination."));
      goto fail;
    }

  if (!change_status (db, current, status, reason, NULL, error) ||
      !antt_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  antt_database_rollback (db);
  return FALSE;
}

/* The committee's review -------------------------------------------------- */

static gboolean
load_meeting (AnttDatabase  *db,
              gint64         meeting_id,
              MeetingInfo   *meeting,
              GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  stmt = antt_database_prepare_bind (db, error,
                       "SELECT phase_id, award_level_id, held_date, members_total,"
                       " members_present, quorum_pct, approve_pct"
                       " FROM committee_meetings WHERE id = ?1",
                       "i", meeting_id);
  if (stmt == NULL || (rc = step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ANTT_RECORD_ERROR, ANTT_RECORD_ERROR_NOT_FOUND,
                   _("The committee meeting was not found: it may have been deleted "
                     "meanwhile."));
      return FALSE;
    }

  meeting->id = meeting_id;
  meeting->phase_id = sqlite3_column_int64 (stmt, 0);
  meeting->award_level_id = sqlite3_column_int64 (stmt, 1);
  meeting->held_date = column_dup (stmt, 2);
  meeting->members_total = (guint) sqlite3_column_int64 (stmt, 3);
  meeting->members_present = (guint) sqlite3_column_int64 (stmt, 4);
  meeting->quorum_pct = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                        ? -1 : sqlite3_column_int (stmt, 5);
  meeting->approve_pct = sqlite3_column_type (stmt, 6) == SQLITE_NULL
                         ? -1 : sqlite3_column_int (stmt, 6);
  return TRUE;
}

/* The meeting's own thresholds, or the commune's settings where it has none
 * yet (the schema's defaults without a commune row). */
static gboolean
meeting_thresholds (AnttDatabase       *db,
                    const MeetingInfo  *meeting,
                    int                *quorum_pct,
                    int                *approve_pct,
                    GError            **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  int rc;

  *quorum_pct = 50;
  *approve_pct = 50;
  stmt = antt_database_prepare_bind (db, error,
                       "SELECT vote_quorum_pct, vote_approve_pct FROM commune WHERE id = 1", "");
  if (stmt == NULL || (rc = step (db, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      *quorum_pct = sqlite3_column_int (stmt, 0);
      *approve_pct = sqlite3_column_int (stmt, 1);
    }
  if (meeting->quorum_pct >= 0)
    *quorum_pct = meeting->quorum_pct;
  if (meeting->approve_pct >= 0)
    *approve_pct = meeting->approve_pct;
  return TRUE;
}

/* An audit row for the tables written here without a descriptor, in the
 * records' form: the row's columns as a JSON object (json_object of
 * SQLite's JSON functions, built in since 3.38). */
static char *
row_json (AnttDatabase  *db,
          const char    *table,
          gint64         row_id,
          GError       **error)
{
  g_autoptr(AnttStatement) stmt = NULL;
  const char *sql = NULL;
  int rc;

  if (g_str_equal (table, "meeting_votes"))
    sql = "SELECT json_object ('meeting_id', meeting_id, 'nomination_id', nomination_id,"
          " 'votes_for', votes_for, 'votes_against', votes_against,"
          " 'votes_abstain', votes_abstain) FROM meeting_votes WHERE id = ?1";
  else if (g_str_equal (table, "committee_meetings"))
    sql = "SELECT json_object ('phase_id', phase_id, 'award_level_id', award_level_id,"
          " 'held_date', held_date, 'held_time', held_time, 'ended_time', ended_time,"
          " 'place', place, 'chair', chair, 'secretary', secretary,"
          " 'members_total', members_total, 'members_present', members_present,"
          " 'absent_names', absent_names, 'vote_method', vote_method,"
          " 'quorum_pct', quorum_pct, 'approve_pct', approve_pct, 'notes', notes)"
          " FROM committee_meetings WHERE id = ?1";
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = antt_database_prepare_bind (db, error, sql, "i", row_id);
  if (stmt == NULL || (rc = step (db, stmt, error)) != SQLITE_ROW)
    return NULL;
  return column_dup (stmt, 0);
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
  return stmt != NULL && step (db, stmt, error) == SQLITE_DONE;
}

/**
 * antt_nominations_record_votes:
 *
 * Records (or corrects) the votes for a proposed nomination at a committee
 * meeting of its review. The ballots cannot be more than the members
 * present.
 */
gboolean
antt_nominations_record_votes (AnttDatabase  *db,
                               gint64         meeting_id,
                               gint64         nomination_id,
                               guint          votes_for,
                               guint          votes_against,
                               guint          votes_abstain,
                               GError       **error)
{
  g_auto(MeetingInfo) meeting = { 0 };
  g_auto(PhaseInfo) phase = { 0 };
  g_autoptr(AnttRecord) nomination = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  gint64 votes_id = 0;
  const char *status;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);

  if (!antt_database_begin_immediate (db, error))
    return FALSE;

  if (!load_meeting (db, meeting_id, &meeting, error) ||
      !load_phase (db, meeting.phase_id, &phase, error) ||
      (nomination = antt_records_get (db, "nominations", nomination_id, error)) == NULL)
    goto fail;

  if (phase.closed)
    {
      set_closed_error (error, &phase);
      goto fail;
    }
  if (antt_record_get_int (nomination, "phase_id") != meeting.phase_id ||
      (meeting.award_level_id != 0 &&
       antt_record_get_int (nomination, "award_level_id") != meeting.award_level_id))
    {
      g_set_error_literal (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_INVALID,
                           _("This nomination is not one the meeting reviews (another review "
                             "or another award)."));
      goto fail;
    }
  status = antt_record_get_string (nomination, "status");
  if (g_strcmp0 (status, "proposed") != 0)
    {
      g_set_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_STATUS,
                   _("Only proposed nominations are voted on; this one is “%s”."),
                   status_label (status));
      goto fail;
    }
  if ((guint64) votes_for + votes_against + votes_abstain > meeting.members_present)
    {
      g_set_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_INVALID,
                   _("%u votes were counted, but only %u members were present."),
                   votes_for + votes_against + votes_abstain, meeting.members_present);
      goto fail;
    }

  {
    g_autoptr(AnttStatement) stmt = NULL;
    int rc;

    stmt = antt_database_prepare_bind (db, error,
                         "SELECT id FROM meeting_votes"
                         " WHERE meeting_id = ?1 AND nomination_id = ?2",
                         "ii", meeting_id, nomination_id);
    if (stmt == NULL || (rc = step (db, stmt, error)) < 0)
      goto fail;
    if (rc == SQLITE_ROW)
      votes_id = sqlite3_column_int64 (stmt, 0);
  }
  if (votes_id != 0 && (old_json = row_json (db, "meeting_votes", votes_id, error)) == NULL)
    goto fail;

  {
    g_autoptr(AnttStatement) stmt = NULL;

    stmt = antt_database_prepare_bind (db, error,
                         "INSERT INTO meeting_votes (meeting_id, nomination_id, votes_for,"
                         " votes_against, votes_abstain) VALUES (?1, ?2, ?3, ?4, ?5)"
                         " ON CONFLICT (meeting_id, nomination_id) DO UPDATE SET"
                         " votes_for = excluded.votes_for, votes_against = excluded.votes_against,"
                         " votes_abstain = excluded.votes_abstain",
                         "iiiii", meeting_id, nomination_id, (gint64) votes_for,
                         (gint64) votes_against, (gint64) votes_abstain);
    if (stmt == NULL || step (db, stmt, error) != SQLITE_DONE)
      goto fail;
    if (votes_id == 0)
      votes_id = sqlite3_last_insert_rowid (antt_database_get_handle (db));
  }

  if ((new_json = row_json (db, "meeting_votes", votes_id, error)) == NULL ||
      !write_audit (db, "meeting_votes", votes_id, old_json ? "update" : "insert",
                    old_json, new_json, error))
    goto fail;

  antt_database_emit_changed (db, "meeting_votes");
  if (!antt_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  antt_database_rollback (db);
  return FALSE;
}

/**
 * antt_nominations_record_meeting_votes:
 * @votes: (array length=n_votes): the votes of each nomination
 * @failed_index: (out) (optional): which of @votes the core refused
 *
 * Records the votes of several nominations at a meeting in one
 * transaction, each checked as antt_nominations_record_votes() does: when
 * one is refused, none of them is stored.
 */
gboolean
antt_nominations_record_meeting_votes (AnttDatabase          *db,
                                       gint64                 meeting_id,
                                       const AnttMeetingVote *votes,
                                       guint                  n_votes,
                                       guint                 *failed_index,
                                       GError               **error)
{
  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (votes != NULL || n_votes == 0, FALSE);

  if (!antt_database_begin_immediate (db, error))
    return FALSE;

  for (guint i = 0; i < n_votes; i++)
    if (!antt_nominations_record_votes (db, meeting_id, votes[i].nomination_id,
                                        votes[i].votes_for, votes[i].votes_against,
                                        votes[i].votes_abstain, error))
      {
        if (failed_index != NULL)
          *failed_index = i;
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

static int
compare_votes (const AnttVoteTally *a,
               const AnttVoteTally *b)
{
  if (a->votes_for != b->votes_for)
    return a->votes_for > b->votes_for ? -1 : 1;
  if (a->votes_against != b->votes_against)
    return a->votes_against < b->votes_against ? -1 : 1;
  return 0;
}

/* The votes of a meeting by award and kind, best first. */
static GPtrArray *
tally_internal (AnttDatabase       *db,
                const MeetingInfo  *meeting,
                int                 approve_pct,
                GError            **error)
{
  g_autoptr(GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) antt_vote_tally_free);
  g_autoptr(AnttStatement) stmt = NULL;
  const AnttVoteTally *previous = NULL;
  guint position = 0;
  int rc;

  stmt = antt_database_prepare_bind (db, error,
                       "SELECT n.id, n.award_level_id, n.nominee_kind, n.status,"
                       " v.votes_for, v.votes_against, v.votes_abstain"
                       " FROM meeting_votes v JOIN nominations n ON n.id = v.nomination_id"
                       " JOIN award_levels l ON l.id = n.award_level_id"
                       " WHERE v.meeting_id = ?1"
                       " ORDER BY l.ordinal, l.id, n.nominee_kind, v.votes_for DESC,"
                       " v.votes_against, n.id",
                       "i", meeting->id);
  if (stmt == NULL)
    return NULL;

  while ((rc = step (db, stmt, error)) == SQLITE_ROW)
    {
      AnttVoteTally *row = g_new0 (AnttVoteTally, 1);

      row->nomination_id = sqlite3_column_int64 (stmt, 0);
      row->award_level_id = sqlite3_column_int64 (stmt, 1);
      antt_nominee_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &row->kind);
      row->status = column_dup (stmt, 3);
      row->votes_for = (guint) sqlite3_column_int64 (stmt, 4);
      row->votes_against = (guint) sqlite3_column_int64 (stmt, 5);
      row->votes_abstain = (guint) sqlite3_column_int64 (stmt, 6);
      /* Votes for over all the committee's members, not those present. */
      row->reaches_threshold = (guint64) row->votes_for * 100 >=
                               (guint64) approve_pct * meeting->members_total;

      if (previous == NULL || previous->award_level_id != row->award_level_id ||
          previous->kind != row->kind)
        position = 0;
      position++;
      if (previous != NULL && position > 1 && compare_votes (previous, row) == 0)
        row->rank = previous->rank;
      else
        row->rank = position;

      g_ptr_array_add (rows, row);
      previous = row;
    }
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&rows);
}

/**
 * antt_nominations_tally:
 *
 * The votes recorded at a meeting, ranked within each award and kind, with
 * whether each reaches the approval threshold (the meeting's, or the
 * commune's settings): what the committee sees before deciding.
 *
 * Returns: (transfer full) (element-type AnttVoteTally): %NULL with @error
 *   set.
 */
GPtrArray *
antt_nominations_tally (AnttDatabase  *db,
                        gint64         meeting_id,
                        GError       **error)
{
  g_auto(MeetingInfo) meeting = { 0 };
  int quorum_pct, approve_pct;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), NULL);

  if (!load_meeting (db, meeting_id, &meeting, error) ||
      !meeting_thresholds (db, &meeting, &quorum_pct, &approve_pct, error))
    return NULL;
  return tally_internal (db, &meeting, approve_pct, error);
}

static char *
tied_names (AnttDatabase  *db,
            GPtrArray     *passers,
            guint          first,
            guint          last)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = first; i <= last; i++)
    {
      const AnttVoteTally *row = g_ptr_array_index (passers, i);
      g_autoptr(AnttRecord) nomination =
        antt_records_get (db, "nominations", row->nomination_id, NULL);
      g_autofree char *name = NULL;
      AnttNomineeKind kind;
      gint64 nominee_id = 0;

      if (nomination != NULL && record_nominee (nomination, &kind, &nominee_id))
        name = nominee_name (db, kind, nominee_id);
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name != NULL ? name : "?");
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

typedef struct
{
  AnttVoteTally *row;
  const char    *status;
  char          *reason;
} Outcome;

static void
outcome_clear (gpointer data)
{
  Outcome *outcome = data;

  g_free (outcome->reason);
}

/* Decides one award and kind: @rows are its proposed nominations, best
 * first. Fills @outcomes. */
static gboolean
decide_group (AnttDatabase       *db,
              const MeetingInfo  *meeting,
              const PhaseInfo    *phase,
              int                 approve_pct,
              GPtrArray          *rows,
              GArray             *outcomes,
              GError            **error)
{
  g_autoptr(GPtrArray) passers = g_ptr_array_new ();
  g_autofree char *held = display_date (meeting->held_date);
  const AnttVoteTally *first = g_ptr_array_index (rows, 0);
  guint approved = 0, n_winners;
  int cap = -1;

  if (!count_slots (db, phase->id, first->award_level_id, first->kind, 0, NULL, &approved,
                    &cap, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      AnttVoteTally *row = g_ptr_array_index (rows, i);
      if (row->reaches_threshold)
        g_ptr_array_add (passers, row);
    }

  /* The best-ranked win the slots left; equal votes across the last slot
   * are for the committee to settle, not for the order of entry. */
  n_winners = passers->len;
  if (cap >= 0)
    {
      guint free_slots = (guint) cap > approved ? (guint) cap - approved : 0;

      if (n_winners > free_slots)
        {
          n_winners = free_slots;
          if (free_slots > 0 &&
              compare_votes (g_ptr_array_index (passers, free_slots - 1),
                             g_ptr_array_index (passers, free_slots)) == 0)
            {
              const AnttVoteTally *last = g_ptr_array_index (passers, free_slots - 1);
              g_autofree char *award = load_award (db, last->award_level_id, NULL, NULL);
              g_autofree char *names = NULL;
              guint from = free_slots - 1, to = free_slots;

              while (from > 0 && compare_votes (g_ptr_array_index (passers, from - 1), last) == 0)
                from--;
              while (to + 1 < passers->len &&
                     compare_votes (g_ptr_array_index (passers, to + 1), last) == 0)
                to++;
              names = tied_names (db, passers, from, to);
              g_set_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_TIE,
                           _("%s have the same votes (%u for, %u against) for the last of "
                             "the %u slots left for “%s”. Vote again between them; nothing "
                             "was decided."),
                           names, last->votes_for, last->votes_against, free_slots,
                           award ? award : "?");
              return FALSE;
            }
        }
    }

  for (guint i = 0; i < rows->len; i++)
    {
      AnttVoteTally *row = g_ptr_array_index (rows, i);
      Outcome *outcome;
      guint place = 0;

      g_array_set_size (outcomes, outcomes->len + 1);
      outcome = &g_array_index (outcomes, Outcome, outcomes->len - 1);
      outcome->row = row;
      if (g_ptr_array_find (passers, row, &place) && place < n_winners)
        {
          outcome->status = "approved";
          outcome->reason = g_strdup_printf (_("Approved at the committee meeting of %s: %u of "
                                              "the %u members voted for."),
                                            held, row->votes_for, meeting->members_total);
        }
      else if (row->reaches_threshold)
        {
          outcome->status = "rejected";
          outcome->reason = g_strdup_printf (_("Cap reached: at the committee meeting of %s it "
                                              "ranked %u with %u votes for, and the %u slots "
                                              "left went to nominees with more votes."),
                                            held, row->rank, row->votes_for, n_winners);
        }
      else
        {
          outcome->status = "rejected";
          outcome->reason = g_strdup_printf (_("Not approved at the committee meeting of %s: %u "
                                              "of the %u members voted for, %d%% were needed."),
                                            held, row->votes_for, meeting->members_total,
                                            approve_pct);
        }
    }
  return TRUE;
}

/* Keeps with the meeting the thresholds its decision applied, so that its
 * minutes say the same later whatever the settings become. */
static gboolean
keep_thresholds (AnttDatabase       *db,
                 const MeetingInfo  *meeting,
                 int                 quorum_pct,
                 int                 approve_pct,
                 GError            **error)
{
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autoptr(AnttStatement) stmt = NULL;

  if (meeting->quorum_pct == quorum_pct && meeting->approve_pct == approve_pct)
    return TRUE;

  old_json = row_json (db, "committee_meetings", meeting->id, error);
  if (old_json == NULL)
    return FALSE;
  stmt = antt_database_prepare_bind (db, error,
                       "UPDATE committee_meetings SET quorum_pct = ?2, approve_pct = ?3"
                       " WHERE id = ?1",
                       "iii", meeting->id, (gint64) quorum_pct, (gint64) approve_pct);
  if (stmt == NULL || step (db, stmt, error) != SQLITE_DONE)
    return FALSE;
  new_json = row_json (db, "committee_meetings", meeting->id, error);
  if (new_json == NULL ||
      !write_audit (db, "committee_meetings", meeting->id, "update", old_json, new_json, error))
    return FALSE;
  antt_database_emit_changed (db, "committee_meetings");
  return TRUE;
}

/**
 * antt_nominations_decide:
 * @n_approved: (out) (optional): nominations approved
 * @n_rejected: (out) (optional): nominations rejected
 *
 * The committee's decision on the proposed nominations voted on at a
 * meeting, if enough of its members were present (quorum_pct of
 * members_total): a nomination whose votes for reach approve_pct of all
 * the committee's members is approved, the others rejected. Where more pass
 * than the slots left, the most votes for (then the fewest against) win and
 * the rest are rejected as over the cap; equal votes across the last slot
 * decide nothing (ANTT_NOMINATION_ERROR_TIE). The thresholds are the
 * meeting's, or the commune's settings, which the meeting then keeps.
 *
 * All or nothing, in one transaction; only nominations (status, reason,
 * votes) and the meeting's thresholds change.
 */
gboolean
antt_nominations_decide (AnttDatabase  *db,
                         gint64         meeting_id,
                         guint         *n_approved,
                         guint         *n_rejected,
                         GError       **error)
{
  g_auto(MeetingInfo) meeting = { 0 };
  g_auto(PhaseInfo) phase = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) outcomes = g_array_new (FALSE, TRUE, sizeof (Outcome));
  int quorum_pct, approve_pct;
  guint approved = 0, rejected = 0;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);

  g_array_set_clear_func (outcomes, outcome_clear);
  if (n_approved != NULL)
    *n_approved = 0;
  if (n_rejected != NULL)
    *n_rejected = 0;

  if (!antt_database_begin_immediate (db, error))
    return FALSE;

  if (!load_meeting (db, meeting_id, &meeting, error) ||
      !load_phase (db, meeting.phase_id, &phase, error) ||
      !meeting_thresholds (db, &meeting, &quorum_pct, &approve_pct, error))
    goto fail;

  if (phase.closed)
    {
      set_closed_error (error, &phase);
      goto fail;
    }

  if ((guint64) meeting.members_present * 100 < (guint64) quorum_pct * meeting.members_total)
    {
      g_set_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_NO_QUORUM,
                   _("Only %u of the committee's %u members were present: the meeting needs "
                     "%d%% of them to decide."),
                   meeting.members_present, meeting.members_total, quorum_pct);
      goto fail;
    }

  rows = tally_internal (db, &meeting, approve_pct, error);
  if (rows == NULL)
    goto fail;

  /* One award and kind at a time, proposed nominations only: those decided
   * already keep their decision. */
  for (guint i = 0; i < rows->len;)
    {
      const AnttVoteTally *head = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) group = g_ptr_array_new ();
      guint j;

      for (j = i; j < rows->len; j++)
        {
          AnttVoteTally *row = g_ptr_array_index (rows, j);

          if (row->award_level_id != head->award_level_id || row->kind != head->kind)
            break;
          if ((guint64) row->votes_for + row->votes_against + row->votes_abstain >
              meeting.members_present)
            {
              g_set_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_INVALID,
                           _("%u votes were counted for a nomination, but only %u members "
                             "were present. Correct the votes or the members present."),
                           row->votes_for + row->votes_against + row->votes_abstain,
                           meeting.members_present);
              goto fail;
            }
          if (g_strcmp0 (row->status, "proposed") == 0)
            g_ptr_array_add (group, row);
        }
      i = j;

      if (group->len > 0 &&
          !decide_group (db, &meeting, &phase, approve_pct, group, outcomes, error))
        goto fail;
    }

  /* Rejections first: they only free slots. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < outcomes->len; i++)
      {
        Outcome *outcome = &g_array_index (outcomes, Outcome, i);
        gboolean approving = g_str_equal (outcome->status, "approved");
        g_autoptr(AnttRecord) current = NULL;
        guint votes[3];

        if (approving != (pass == 1))
          continue;
        current = antt_records_get (db, "nominations", outcome->row->nomination_id, error);
        if (current == NULL)
          goto fail;
        votes[0] = outcome->row->votes_for;
        votes[1] = outcome->row->votes_against;
        votes[2] = outcome->row->votes_abstain;
        if (!change_status (db, current, outcome->status, outcome->reason, votes, error))
          goto fail;
        if (approving)
          approved++;
        else
          rejected++;
      }

  if (!keep_thresholds (db, &meeting, quorum_pct, approve_pct, error) ||
      !antt_database_commit (db, error))
    goto fail;

  if (n_approved != NULL)
    *n_approved = approved;
  if (n_rejected != NULL)
    *n_rejected = rejected;
  return TRUE;

fail:
  antt_database_rollback (db);
  return FALSE;
}

/**
 * antt_nominations_set_decision:
 * @decision_date: ISO, or as typed (dd/mm/yyyy)
 *
 * Writes the number and date of the decision that granted an award onto
 * the review's approved nominations for it.
 */
gboolean
antt_nominations_set_decision (AnttDatabase  *db,
                               gint64         phase_id,
                               gint64         award_level_id,
                               const char    *decision_number,
                               const char    *decision_date,
                               GError       **error)
{
  g_autoptr(AnttFilter) filter = antt_filter_new ();
  g_autoptr(GPtrArray) approved = NULL;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (decision_number != NULL, FALSE);

  if (!antt_database_begin_immediate (db, error))
    return FALSE;

  antt_filter_add_equals (filter, "phase_id", phase_id);
  antt_filter_add_equals (filter, "award_level_id", award_level_id);
  antt_filter_add_equals_text (filter, "status", "approved");
  approved = antt_records_list (db, "nominations", filter, error);
  if (approved == NULL)
    goto fail;
  if (approved->len == 0)
    {
      g_set_error_literal (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_STATUS,
                           _("No nomination for this award is approved in this review yet."));
      goto fail;
    }

  for (guint i = 0; i < approved->len; i++)
    {
      AnttRecord *nomination = g_ptr_array_index (approved, i);
      g_autoptr(AnttRecord) change = antt_record_new ("nominations");

      antt_record_set_id (change, antt_record_get_id (nomination));
      antt_record_set_string (change, "decision_number", decision_number);
      antt_record_set_string (change, "decision_date", decision_date);
      if (!antt_records_update (db, change, error))
        goto fail;
    }

  if (!antt_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  antt_database_rollback (db);
  return FALSE;
}

/**
 * antt_nominations_close_review:
 *
 * Closes the review once every proposal has been decided: from then on
 * nothing is added to it and its nominations keep their status
 * (phases.review_closed, held by the schema's triggers too).
 */
gboolean
antt_nominations_close_review (AnttDatabase  *db,
                               gint64         phase_id,
                               GError       **error)
{
  g_auto(PhaseInfo) phase = { 0 };
  g_autoptr(AnttStatement) stmt = NULL;
  g_autoptr(AnttRecord) change = NULL;
  guint pending;

  g_return_val_if_fail (ANTT_IS_DATABASE (db), FALSE);

  if (!antt_database_begin_immediate (db, error))
    return FALSE;

  if (!load_phase (db, phase_id, &phase, error))
    goto fail;
  if (phase.closed)
    {
      antt_database_rollback (db);
      return TRUE;
    }

  stmt = antt_database_prepare_bind (db, error,
                       "SELECT count (*) FROM nominations WHERE phase_id = ?1"
                       " AND status = 'proposed'", "i", phase_id);
  if (stmt == NULL || step (db, stmt, error) != SQLITE_ROW)
    goto fail;
  pending = (guint) sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, antt_statement_reset);
  if (pending > 0)
    {
      g_set_error (error, ANTT_NOMINATION_ERROR, ANTT_NOMINATION_ERROR_STATUS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u nomination of “%s” still waits for the committee's "
                                "decision: approve, reject or withdraw it before closing "
                                "the review.",
                                "%u nominations of “%s” still wait for the committee's "
                                "decision: approve, reject or withdraw them before closing "
                                "the review.",
                                pending),
                   pending, phase.name);
      goto fail;
    }

  change = antt_record_new ("phases");
  antt_record_set_id (change, phase_id);
  antt_record_set_boolean (change, "review_closed", TRUE);
  if (!antt_records_update (db, change, error) ||
      !antt_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  antt_database_rollback (db);
  return FALSE;
}
