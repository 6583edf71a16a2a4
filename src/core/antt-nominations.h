/* antt-nominations.h: award nominations and the committee's review, the
 * rules in one place.
 *
 * A nomination is of a team (collective) or a member (individual), for one
 * review (a phase: the interim review of phase 1, the final review) and one
 * award level. The rules, each refused with an ANTT_NOMINATION_ERROR whose
 * message the user can act on:
 *
 *  - proposed + approved nominations of a review, award and kind never
 *    exceed the cap (award_caps; no row, no cap), and approved ones alone
 *    never exceed it either; rejecting or withdrawing frees a slot;
 *  - a nominee is nominated at most once per review and award;
 *  - a member who left the force before the end of the phase, or joined
 *    after it, or with a violation in the phase, is not eligible; nor is a
 *    team that did not exist during the phase;
 *  - nothing is added to a closed review, and its nominations keep their
 *    status.
 *
 * Every write runs inside BEGIN IMMEDIATE, and the schema's triggers hold
 * the caps and the closed review against writers that are not the core.
 * The review changes nominations (and its own meetings and votes), nothing
 * else.
 */
#pragma once

#include "antt-records.h"

G_BEGIN_DECLS

#define ANTT_NOMINATION_ERROR (antt_nomination_error_quark ())

typedef enum
{
  ANTT_NOMINATION_ERROR_CAP_REACHED,  /* the message says "used/cap" */
  ANTT_NOMINATION_ERROR_DUPLICATE,    /* already nominated in this review and award */
  ANTT_NOMINATION_ERROR_INELIGIBLE,
  ANTT_NOMINATION_ERROR_CLOSED,       /* the review's decision is closed */
  ANTT_NOMINATION_ERROR_STATUS,       /* a change of status that is not allowed */
  ANTT_NOMINATION_ERROR_NO_QUORUM,
  ANTT_NOMINATION_ERROR_TIE,          /* equal votes for the last slot */
  ANTT_NOMINATION_ERROR_INVALID,      /* votes, an award of another movement… */
} AnttNominationError;

typedef enum
{
  ANTT_NOMINEE_COLLECTIVE, /* a team */
  ANTT_NOMINEE_INDIVIDUAL, /* a member */
} AnttNomineeKind;

typedef enum
{
  ANTT_ELIGIBILITY_OK,
  ANTT_ELIGIBILITY_REVIEW_CLOSED,
  ANTT_ELIGIBILITY_MEMBER_LEFT,          /* left before the end of the phase */
  ANTT_ELIGIBILITY_MEMBER_NOT_JOINED,    /* joined after the end of the phase */
  ANTT_ELIGIBILITY_MEMBER_VIOLATION,     /* a violation dated within the phase */
  ANTT_ELIGIBILITY_TEAM_NOT_ESTABLISHED, /* established after the end of the phase */
  ANTT_ELIGIBILITY_TEAM_DISSOLVED,       /* dissolved before the start of the phase */
  ANTT_ELIGIBILITY_ALREADY_NOMINATED,    /* candidates only: in this review and award */
} AnttEligibility;

/* The slots of one award and kind in a review. */
typedef struct
{
  gint64           award_level_id;
  char            *award_code;
  char            *award_name;
  AnttNomineeKind  kind;
  guint            draft;
  guint            proposed;
  guint            approved;
  guint            rejected;
  guint            withdrawn;
  guint            used;      /* proposed + approved */
  int              cap;       /* -1: no cap */
} AnttSlots;

/* A team or member the wizard may offer. */
typedef struct
{
  AnttNomineeKind  kind;
  gint64           id;             /* teams.id or members.id */
  char            *name;
  gint64           team_id;        /* the member's team; the team itself */
  char            *team_name;      /* a member's team; NULL for a team */
  AnttEligibility  eligibility;
  char            *reason;         /* why not, translated; NULL when eligible */
  gint64           nomination_id;  /* its nomination in this review and award, or 0 */
} AnttCandidate;

/* A nominee's record in a phase, for the summary of achievements. A team's
 * figures count each event once, however many of its members took part. */
typedef struct
{
  guint members;              /* collective: members active in the phase */
  guint patrols;              /* member: patrols joined; team: its patrols */
  guint callouts;             /* PCCC/rescue call-outs attended */
  guint callouts_on_time;
  guint tips;                 /* tips received through the force */
  guint incidents;            /* incidents taken part in */
  guint good_deeds;
  guint commendations;
  guint reintegration_visits; /* follow-up visits (Điều 11) */
} AnttNomineeFigures;

/* A record that may back a nomination (nomination_evidence). */
typedef struct
{
  const char *record_table;   /* "incidents", "callouts", "patrols", … (static) */
  gint64      record_id;
  char       *date;           /* ISO */
  char       *title;
} AnttEvidence;

/* One nominee's votes at a meeting, ranked within its award and kind. */
typedef struct
{
  gint64           nomination_id;
  gint64           award_level_id;
  AnttNomineeKind  kind;
  char            *status;
  guint            votes_for;
  guint            votes_against;
  guint            votes_abstain;
  guint            rank;               /* 1 = most votes for; equal votes, equal rank */
  gboolean         reaches_threshold;
} AnttVoteTally;

/* The votes counted for one nomination at a meeting. */
typedef struct
{
  gint64           nomination_id;
  guint            votes_for;
  guint            votes_against;
  guint            votes_abstain;
} AnttMeetingVote;

/* A nomination of a review with what the committee and the wizard show of
 * it. */
typedef struct
{
  gint64           id;
  gint64           award_level_id;
  char            *award_name;
  AnttNomineeKind  kind;
  gint64           nominee_id;
  char            *nominee_name;
  char            *team_name;         /* a member's team; NULL for a team */
  char            *status;
  char            *achievement_type;
  char            *summary;
  char            *status_reason;
  guint            votes_for;
  guint            votes_against;
  guint            votes_abstain;
  char            *decision_number;
  char            *decision_date;     /* ISO, or NULL */
  char            *created_date;      /* ISO */
  guint            n_evidence;
} AnttNominationInfo;

GQuark       antt_nomination_error_quark       (void);

const char  *antt_nominee_kind_to_string       (AnttNomineeKind      kind);
gboolean     antt_nominee_kind_from_string     (const char          *text,
                                                AnttNomineeKind     *kind);

void         antt_slots_free                   (AnttSlots           *slots);
void         antt_candidate_free               (AnttCandidate       *candidate);
void         antt_evidence_free                (AnttEvidence        *evidence);
void         antt_vote_tally_free              (AnttVoteTally       *tally);
void         antt_nomination_info_free         (AnttNominationInfo  *info);

/* Slots */
gboolean     antt_nominations_slots            (AnttDatabase        *db,
                                                gint64               phase_id,
                                                gint64               award_level_id,
                                                AnttNomineeKind      kind,
                                                guint               *used,
                                                int                 *cap,
                                                GError             **error);
GPtrArray   *antt_nominations_slots_summary    (AnttDatabase        *db,
                                                gint64               phase_id,
                                                GError             **error);

/* Eligibility and the wizard's steps */
gboolean     antt_nominations_check_eligibility (AnttDatabase       *db,
                                                 gint64              phase_id,
                                                 AnttNomineeKind     kind,
                                                 gint64              nominee_id,
                                                 AnttEligibility    *reason_code,
                                                 GError            **error);
GPtrArray   *antt_nominations_list_candidates  (AnttDatabase        *db,
                                                gint64               phase_id,
                                                gint64               award_level_id,
                                                AnttNomineeKind      kind,
                                                const char          *search,
                                                GError             **error);
gboolean     antt_nominations_figures          (AnttDatabase        *db,
                                                gint64               phase_id,
                                                AnttNomineeKind      kind,
                                                gint64               nominee_id,
                                                AnttNomineeFigures  *figures,
                                                GError             **error);
GPtrArray   *antt_nominations_list_evidence    (AnttDatabase        *db,
                                                gint64               phase_id,
                                                AnttNomineeKind      kind,
                                                gint64               nominee_id,
                                                GError             **error);

/* Nominations */
gint64       antt_nominations_propose          (AnttDatabase        *db,
                                                AnttRecord          *nomination,
                                                GError             **error);
gint64       antt_nominations_propose_with_evidence (AnttDatabase   *db,
                                                AnttRecord          *nomination,
                                                GPtrArray           *evidence,
                                                GError             **error);
GPtrArray   *antt_nominations_list_review      (AnttDatabase        *db,
                                                gint64               phase_id,
                                                gint64               award_level_id,
                                                const char          *status,
                                                GError             **error);
GPtrArray   *antt_nominations_list_linked_evidence (AnttDatabase    *db,
                                                gint64               nomination_id,
                                                GError             **error);
gboolean     antt_nominations_set_status       (AnttDatabase        *db,
                                                gint64               nomination_id,
                                                const char          *status,
                                                const char          *reason,
                                                GError             **error);

/* The committee's review */
gboolean     antt_nominations_record_votes     (AnttDatabase        *db,
                                                gint64               meeting_id,
                                                gint64               nomination_id,
                                                guint                votes_for,
                                                guint                votes_against,
                                                guint                votes_abstain,
                                                GError             **error);
gboolean     antt_nominations_record_meeting_votes (AnttDatabase  *db,
                                                gint64               meeting_id,
                                                const AnttMeetingVote *votes,
                                                guint                n_votes,
                                                guint               *failed_index,
                                                GError             **error);
GPtrArray   *antt_nominations_tally            (AnttDatabase        *db,
                                                gint64               meeting_id,
                                                GError             **error);
gboolean     antt_nominations_decide           (AnttDatabase        *db,
                                                gint64               meeting_id,
                                                guint               *n_approved,
                                                guint               *n_rejected,
                                                GError             **error);
gboolean     antt_nominations_set_decision     (AnttDatabase        *db,
                                                gint64               phase_id,
                                                gint64               award_level_id,
                                                const char          *decision_number,
                                                const char          *decision_date,
                                                GError             **error);
gboolean     antt_nominations_close_review     (AnttDatabase        *db,
                                                gint64               phase_id,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttSlots, antt_slots_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttCandidate, antt_candidate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttEvidence, antt_evidence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttVoteTally, antt_vote_tally_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnttNominationInfo, antt_nomination_info_free)

G_END_DECLS
