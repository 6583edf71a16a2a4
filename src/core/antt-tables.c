/* antt-tables.c: each table of the schema, described once.
 *
 * The columns here match schema-v1.sql one for one (less `id` and the *_fold
 * search keys, which the records code writes); test-schema checks that.
 *
 * Copyright 2026 The Thi đua ANTT authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "antt-date.h"
#include "antt-records-private.h"

#define REQ  ANTT_COLUMN_FLAGS_REQUIRED
#define FOLD ANTT_COLUMN_FLAGS_FOLDED
#define UNIQ ANTT_COLUMN_FLAGS_UNIQUE
#define SENS ANTT_COLUMN_FLAGS_SENSITIVE
#define MULTI ANTT_COLUMN_FLAGS_MULTILINE

#define TEXT(n, l, f)          { n, l, ANTT_COLUMN_TEXT, f, NULL, NULL, NULL, 0, 0 }
#define FOLDED(n, l, fc)       { n, l, ANTT_COLUMN_TEXT, REQ | FOLD, NULL, NULL, fc, 0, 0 }
#define UNIQUE_NAME(n, l, fc)  { n, l, ANTT_COLUMN_TEXT, REQ | FOLD | UNIQ, NULL, NULL, fc, 0, 0 }
#define INT(n, l, f, lo, hi)   { n, l, ANTT_COLUMN_INTEGER, f, NULL, NULL, NULL, lo, hi }
#define REAL(n, l, f)          { n, l, ANTT_COLUMN_REAL, f, NULL, NULL, NULL, 0, 0 }
#define BOOL(n, l)             { n, l, ANTT_COLUMN_BOOLEAN, 0, NULL, NULL, NULL, 0, 0 }
#define DATE(n, l, f)          { n, l, ANTT_COLUMN_DATE, f, NULL, NULL, NULL, 0, 0 }
#define TIME(n, l)             { n, l, ANTT_COLUMN_TIME, 0, NULL, NULL, NULL, 0, 0 }
#define CHOICE(n, l, f, c)     { n, l, ANTT_COLUMN_CHOICE, f, NULL, c, NULL, 0, 0 }
#define REF(n, l, f, t)        { n, l, ANTT_COLUMN_REFERENCE, f, t, NULL, NULL, 0, 0 }

/* Choices ----------------------------------------------------------------- */

static const AnttChoice review_kinds[] = {
  { "interim", N_("Interim review (sơ kết)") },
  { "final", N_("Final review (tổng kết)") },
  { NULL, NULL }
};

static const AnttChoice target_measures[] = {
  { "ratio", N_("Share of records") },
  { "count", N_("Number of cases") },
  { "per_village", N_("Number per village") },
  { NULL, NULL }
};

static const AnttChoice comparisons[] = {
  { ">=", N_("at least") },
  { ">", N_("more than") },
  { "<=", N_("at most") },
  { "=", N_("exactly") },
  { NULL, NULL }
};

static const AnttChoice target_scopes[] = {
  { "commune", N_("Commune") },
  { "team", N_("Each team") },
  { "village", N_("Each village") },
  { NULL, NULL }
};

static const AnttChoice nominee_kinds[] = {
  { "collective", N_("Collective") },
  { "individual", N_("Individual") },
  { NULL, NULL }
};

static const AnttChoice village_kinds[] = {
  { "village", N_("Village (thôn)") },
  { "residential_group", N_("Residential group (tổ dân phố)") },
  { NULL, NULL }
};

static const AnttChoice genders[] = {
  { "male", N_("Male") },
  { "female", N_("Female") },
  { NULL, NULL }
};

static const AnttChoice roles[] = {
  { "leader", N_("Team leader (Tổ trưởng)") },
  { "deputy", N_("Deputy leader (Tổ phó)") },
  { "member", N_("Member (Tổ viên)") },
  { NULL, NULL }
};

static const AnttChoice left_reasons[] = {
  { "own_request", N_("At own request") },
  { "health", N_("Poor health") },
  { "failed_duties", N_("Failed duties twice in a row") },
  { "prosecution", N_("Prosecuted or sentenced") },
  { "moved", N_("Moved away") },
  { "age", N_("Reached the age limit") },
  { "deceased", N_("Deceased") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const AnttChoice educations[] = {
  { "none", N_("None") },
  { "primary", N_("Primary school") },
  { "lower_secondary", N_("Lower secondary school") },
  { "upper_secondary", N_("Upper secondary school") },
  { "vocational", N_("Vocational") },
  { "college", N_("College") },
  { "university", N_("University") },
  { NULL, NULL }
};

static const AnttChoice residences[] = {
  { "permanent", N_("Permanent residence") },
  { "temporary", N_("Temporary residence") },
  { "none", N_("No residence in the area") },
  { NULL, NULL }
};

static const AnttChoice prior_services[] = {
  { "none", N_("None") },
  { "police", N_("Police") },
  { "army", N_("Army") },
  { "militia", N_("Militia") },
  { NULL, NULL }
};

static const AnttChoice training_kinds[] = {
  { "mass_mobilisation", N_("Mass mobilisation (dân vận)") },
  { "fire_rescue", N_("Fire prevention and rescue (PCCC, CNCH)") },
  { "admin_order", N_("Administrative management of social order") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const AnttChoice tip_categories[] = {
  { "security", N_("National security") },
  { "crime", N_("Crime") },
  { "drugs", N_("Drugs") },
  { "social_evil", N_("Social evils") },
  { "dispute", N_("Dispute") },
  { "traffic", N_("Traffic") },
  { "fire", N_("Fire") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const AnttChoice incident_types[] = {
  { "security", N_("National security") },
  { "public_order", N_("Public order") },
  { "crime", N_("Crime") },
  { "traffic_accident", N_("Traffic accident") },
  { "weapons", N_("Weapons, explosives, support tools") },
  { "drugs", N_("Drugs") },
  { "social_evil", N_("Social evils") },
  { "dispute", N_("Dispute") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const AnttChoice severities[] = {
  { "minor", N_("Minor") },
  { "serious", N_("Serious") },
  { "very_serious", N_("Very serious") },
  { "especially_serious", N_("Especially serious") },
  { NULL, NULL }
};

static const AnttChoice weapon_kinds[] = {
  { "weapon", N_("Weapon") },
  { "explosive", N_("Explosive") },
  { "support_tool", N_("Support tool") },
  { NULL, NULL }
};

static const AnttChoice callout_kinds[] = {
  { "fire", N_("Fire") },
  { "rescue", N_("Rescue") },
  { "flood", N_("Flood or storm") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const AnttChoice deed_kinds[] = {
  { "good_deed", N_("Good deed") },
  { "commendation", N_("Commendation") },
  { NULL, NULL }
};

static const AnttChoice model_kinds[] = {
  { "model", N_("Model (mô hình)") },
  { "example", N_("Advanced example (điển hình tiên tiến)") },
  { NULL, NULL }
};

static const AnttChoice recognition_levels[] = {
  { "commune", N_("Commune") },
  { "district", N_("District police") },
  { "province", N_("Province") },
  { "ministry", N_("Ministry of Public Security") },
  { "state", N_("State") },
  { NULL, NULL }
};

static const AnttChoice achievement_types[] = {
  { "sudden", N_("Sudden achievement (đột xuất)") },
  { "excellent", N_("Excellent over the phase (xuất sắc)") },
  { NULL, NULL }
};

static const AnttChoice nomination_statuses[] = {
  { "draft", N_("Draft") },
  { "proposed", N_("Proposed") },
  { "approved", N_("Approved") },
  { "rejected", N_("Rejected") },
  { "withdrawn", N_("Withdrawn") },
  { NULL, NULL }
};

static const AnttChoice evidence_tables[] = {
  { "incidents", N_("Incident") },
  { "callouts", N_("Call-out") },
  { "patrols", N_("Patrol") },
  { "good_deeds", N_("Good deed") },
  { "reintegration_visits", N_("Reintegration visit") },
  { "tips", N_("Tip") },
  { "models", N_("Model or example") },
  { NULL, NULL }
};

static const AnttChoice vote_methods[] = {
  { "secret_ballot", N_("Secret ballot") },
  { "show_of_hands", N_("Show of hands") },
  { NULL, NULL }
};

static const AnttChoice report_sections[] = {
  { "results", N_("Results") },
  { "shortcomings", N_("Shortcomings") },
  { "proposals", N_("Proposals") },
  { NULL, NULL }
};

static const AnttChoice document_kinds[] = {
  { "interim_report", N_("Interim report") },
  { "final_report", N_("Final report") },
  { "nominees", N_("List of nominees") },
  { "minutes", N_("Minutes of the committee") },
  { "proposal", N_("Proposal for awards") },
  { "achievement", N_("Achievement report") },
  { NULL, NULL }
};

/* Rules shared by tables -------------------------------------------------- */

static gboolean
check_date_order (const AnttRecord  *record,
                  const char        *start_column,
                  const char        *end_column,
                  GError           **error)
{
  const char *start = antt_record_get_string (record, start_column);
  const char *end = antt_record_get_string (record, end_column);
  const AnttColumn *start_col;
  const AnttColumn *end_col;

  if (start == NULL || end == NULL || strcmp (end, start) >= 0)
    return TRUE;

  start_col = antt_table_get_column (antt_record_get_table (record), start_column);
  end_col = antt_table_get_column (antt_record_get_table (record), end_column);
  antt_record_set_field_error (error, end_column, ANTT_RECORD_ERROR_DATE_ORDER,
                               _("%s cannot be before %s."),
                               g_dgettext (GETTEXT_PACKAGE, end_col->label),
                               g_dgettext (GETTEXT_PACKAGE, start_col->label));
  return FALSE;
}

static gboolean
validate_campaign (AnttDatabase      *db,
                   const AnttRecord  *record,
                   GError           **error)
{
  return check_date_order (record, "start_date", "end_date", error);
}

static gboolean
validate_phase (AnttDatabase      *db,
                const AnttRecord  *record,
                GError           **error)
{
  g_autoptr(AnttRecord) campaign = NULL;
  const char *start = antt_record_get_string (record, "start_date");
  const char *end = antt_record_get_string (record, "end_date");

  if (!check_date_order (record, "start_date", "end_date", error) ||
      !check_date_order (record, "start_date", "report_deadline", error))
    return FALSE;

  campaign = antt_records_get (db, "campaigns", antt_record_get_int (record, "campaign_id"), error);
  if (campaign == NULL)
    return FALSE;

  if (strcmp (start, antt_record_get_string (campaign, "start_date")) < 0 ||
      strcmp (end, antt_record_get_string (campaign, "end_date")) > 0)
    {
      g_autofree char *from = antt_date_iso_to_display (antt_record_get_string (campaign, "start_date"));
      g_autofree char *to = antt_date_iso_to_display (antt_record_get_string (campaign, "end_date"));

      antt_record_set_field_error (error, "start_date", ANTT_RECORD_ERROR_DATE_ORDER,
                                   _("A phase must lie within its movement, from %s to %s."),
                                   from, to);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_team (AnttDatabase      *db,
               const AnttRecord  *record,
               GError           **error)
{
  return check_date_order (record, "established_date", "dissolved_date", error);
}

static gboolean
validate_member (AnttDatabase      *db,
                 const AnttRecord  *record,
                 GError           **error)
{
  const char *birth = antt_record_get_string (record, "birth_date");
  const char *joined = antt_record_get_string (record, "joined_date");
  const char *left = antt_record_get_string (record, "left_date");
  const char *reason = antt_record_get_string (record, "left_reason");

  if (!check_date_order (record, "joined_date", "left_date", error) ||
      !check_date_order (record, "birth_date", "joined_date", error))
    return FALSE;

  if (birth != NULL && joined != NULL && antt_date_age_on (birth, joined) < 15)
    {
      antt_record_set_field_error (error, "birth_date", ANTT_RECORD_ERROR_INVALID_DATE,
                                   _("The date of birth makes this person younger than 15 "
                                     "when joining. Check the date of birth."));
      return FALSE;
    }

  if (left != NULL && reason == NULL)
    {
      antt_record_set_field_error (error, "left_reason", ANTT_RECORD_ERROR_REQUIRED,
                                   _("Give the reason for leaving the force (Article 17.3 of "
                                     "Law 30/2023/QH15)."));
      return FALSE;
    }
  if (left == NULL && reason != NULL)
    {
      antt_record_set_field_error (error, "left_date", ANTT_RECORD_ERROR_REQUIRED,
                                   _("A reason for leaving is given: enter the date left too, "
                                     "or clear the reason."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_population (AnttDatabase      *db,
                     const AnttRecord  *record,
                     GError           **error)
{
  if (antt_record_get_int (record, "persons_provided") > antt_record_get_int (record, "persons"))
    {
      antt_record_set_field_error (error, "persons_provided", ANTT_RECORD_ERROR_INVALID,
                                   _("The persons whose information was provided cannot be "
                                     "more than the persons in the village."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_tip (AnttDatabase      *db,
              const AnttRecord  *record,
              GError           **error)
{
  if (!antt_record_is_null (record, "member_id") && !antt_record_get_boolean (record, "via_force"))
    {
      antt_record_set_field_error (error, "via_force", ANTT_RECORD_ERROR_INVALID,
                                   _("A tip received by a member of the force came through "
                                     "the force: tick “Through the force” or clear the member."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_incident (AnttDatabase      *db,
                   const AnttRecord  *record,
                   GError           **error)
{
  const char *type = antt_record_get_string (record, "type");

  if (!antt_record_is_null (record, "weapon_kind") && g_strcmp0 (type, "weapons") != 0)
    {
      antt_record_set_field_error (error, "weapon_kind", ANTT_RECORD_ERROR_INVALID,
                                   _("The kind of weapon applies only to incidents of the type "
                                     "“Weapons, explosives, support tools”."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_callout_member (AnttDatabase      *db,
                         const AnttRecord  *record,
                         GError           **error)
{
  if (!antt_record_get_boolean (record, "present") && antt_record_get_boolean (record, "on_time"))
    {
      antt_record_set_field_error (error, "on_time", ANTT_RECORD_ERROR_INVALID,
                                   _("A member who was not present cannot have come on time."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_patrol (AnttDatabase      *db,
                 const AnttRecord  *record,
                 GError           **error)
{
  return TRUE;
}

static gboolean
validate_reintegration (AnttDatabase      *db,
                        const AnttRecord  *record,
                        GError           **error)
{
  return check_date_order (record, "start_date", "end_date", error) &&
         check_date_order (record, "start_date", "reoffence_date", error);
}

static gboolean
validate_good_deed (AnttDatabase      *db,
                    const AnttRecord  *record,
                    GError           **error)
{
  if (g_strcmp0 (antt_record_get_string (record, "kind"), "commendation") == 0 &&
      antt_record_is_null (record, "member_id"))
    {
      antt_record_set_field_error (error, "member_id", ANTT_RECORD_ERROR_REQUIRED,
                                   _("A commendation is of a member: choose the member."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_nomination (AnttDatabase      *db,
                     const AnttRecord  *record,
                     GError           **error)
{
  gboolean collective = g_strcmp0 (antt_record_get_string (record, "nominee_kind"), "collective") == 0;

  if (collective && antt_record_is_null (record, "team_id"))
    {
      antt_record_set_field_error (error, "team_id", ANTT_RECORD_ERROR_REQUIRED,
                                   _("A collective nomination needs a team."));
      return FALSE;
    }
  if (!collective && antt_record_is_null (record, "member_id"))
    {
      antt_record_set_field_error (error, "member_id", ANTT_RECORD_ERROR_REQUIRED,
                                   _("An individual nomination needs a member."));
      return FALSE;
    }
  if ((collective && !antt_record_is_null (record, "member_id")) ||
      (!collective && !antt_record_is_null (record, "team_id")))
    {
      antt_record_set_field_error (error, "nominee_kind", ANTT_RECORD_ERROR_INVALID,
                                   _("A nomination is either of a team or of a member, "
                                     "not both."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_meeting (AnttDatabase      *db,
                  const AnttRecord  *record,
                  GError           **error)
{
  if (antt_record_get_int (record, "members_present") > antt_record_get_int (record, "members_total"))
    {
      antt_record_set_field_error (error, "members_present", ANTT_RECORD_ERROR_INVALID,
                                   _("The members present cannot be more than the members "
                                     "of the committee."));
      return FALSE;
    }
  return check_date_order (record, "held_time", "ended_time", error);
}

/* Tables ------------------------------------------------------------------ */

#define TABLE(n, l, cols, date, end, order, parent, member, fn) \
  { n, l, cols, G_N_ELEMENTS (cols), date, end, order, parent, member, fn }

static const AnttColumn commune_columns[] = {
  TEXT ("commune_name", N_("Commune"), REQ),
  TEXT ("district_name", N_("District"), 0),
  TEXT ("province_name", N_("Province"), 0),
  TEXT ("parent_agency", N_("Parent agency"), 0),
  TEXT ("agency_name", N_("Agency"), 0),
  TEXT ("agency_code", N_("Agency code in document numbers"), 0),
  TEXT ("place_name", N_("Place name in document dates"), 0),
  TEXT ("signer_name", N_("Signer"), 0),
  TEXT ("signer_title", N_("Signer's title"), 0),
  TEXT ("signer_position", N_("Signer's position"), 0),
  INT ("vote_quorum_pct", N_("Quorum of the award committee (%)"), 0, 0, 100),
  INT ("vote_approve_pct", N_("Votes needed to approve (%)"), 0, 0, 100),
};

static const AnttColumn campaign_columns[] = {
  TEXT ("name", N_("Name"), REQ),
  TEXT ("theme", N_("Theme"), MULTI),
  TEXT ("plan_number", N_("Plan number"), 0),
  DATE ("plan_date", N_("Plan date"), 0),
  TEXT ("issuer", N_("Issued by"), 0),
  DATE ("start_date", N_("Start date"), REQ),
  DATE ("end_date", N_("End date"), REQ),
  BOOL ("is_default", N_("Default movement")),
  TEXT ("notes", N_("Notes"), MULTI),
};

static const AnttColumn phase_columns[] = {
  REF ("campaign_id", N_("Movement"), REQ, "campaigns"),
  INT ("ordinal", N_("Number"), REQ, 1, 99),
  TEXT ("name", N_("Name"), REQ),
  TEXT ("content", N_("Content"), MULTI),
  DATE ("start_date", N_("Start date"), REQ),
  DATE ("end_date", N_("End date"), REQ),
  CHOICE ("review_kind", N_("Review"), REQ, review_kinds),
  TEXT ("review_name", N_("Name of the review"), 0),
  DATE ("report_deadline", N_("Report deadline"), 0),
  TEXT ("legal_basis", N_("Legal basis"), MULTI),
  BOOL ("review_closed", N_("Review decided and closed")),
};

static const AnttColumn target_columns[] = {
  REF ("campaign_id", N_("Movement"), REQ, "campaigns"),
  TEXT ("code", N_("Code"), REQ),
  INT ("ordinal", N_("Number"), REQ, 1, 999),
  TEXT ("title", N_("Target"), REQ),
  TEXT ("description", N_("How it is measured"), MULTI),
  CHOICE ("measure", N_("Measure"), REQ, target_measures),
  CHOICE ("comparison", N_("Comparison"), REQ, comparisons),
  REAL ("threshold", N_("Threshold"), REQ),
  CHOICE ("scope", N_("Scope"), REQ, target_scopes),
};

static const AnttColumn award_level_columns[] = {
  REF ("campaign_id", N_("Movement"), REQ, "campaigns"),
  TEXT ("code", N_("Code"), REQ),
  INT ("ordinal", N_("Number"), REQ, 1, 999),
  TEXT ("name", N_("Award"), REQ),
  TEXT ("authority", N_("Awarded by"), 0),
};

static const AnttColumn award_cap_columns[] = {
  REF ("phase_id", N_("Review"), REQ, "phases"),
  REF ("award_level_id", N_("Award"), REQ, "award_levels"),
  CHOICE ("nominee_kind", N_("Nominee kind"), REQ, nominee_kinds),
  INT ("max_count", N_("At most"), REQ, 0, 100000),
};

static const AnttColumn village_columns[] = {
  UNIQUE_NAME ("name", N_("Name"), "name_fold"),
  CHOICE ("kind", N_("Kind"), REQ, village_kinds),
  INT ("population", N_("Population"), 0, 0, 10000000),
  INT ("households", N_("Households"), 0, 0, 10000000),
  BOOL ("disadvantaged", N_("Disadvantaged area")),
  TEXT ("notes", N_("Notes"), MULTI),
};

static const AnttColumn population_columns[] = {
  REF ("village_id", N_("Village"), REQ, "villages"),
  DATE ("as_of", N_("As of"), REQ),
  INT ("persons", N_("Persons"), REQ, 0, 10000000),
  INT ("persons_provided", N_("Persons whose information was provided"), REQ, 0, 10000000),
};

static const AnttColumn team_columns[] = {
  UNIQUE_NAME ("name", N_("Name"), "name_fold"),
  DATE ("established_date", N_("Date established"), 0),
  DATE ("dissolved_date", N_("Date dissolved"), 0),
  TEXT ("decision_number", N_("Decision number"), 0),
  TEXT ("notes", N_("Notes"), MULTI),
};

static const AnttColumn team_village_columns[] = {
  REF ("team_id", N_("Team"), REQ, "teams"),
  REF ("village_id", N_("Village"), REQ, "villages"),
};

static const AnttColumn member_columns[] = {
  FOLDED ("full_name", N_("Full name"), "name_fold"),
  DATE ("birth_date", N_("Date of birth"), REQ),
  CHOICE ("gender", N_("Gender"), REQ, genders),
  { "id_number", N_("ID number"), ANTT_COLUMN_ID_NUMBER, REQ | UNIQ | SENS, NULL, NULL, NULL, 0, 0 },
  { "phone", N_("Phone"), ANTT_COLUMN_PHONE, 0, NULL, NULL, NULL, 0, 0 },
  TEXT ("address", N_("Address"), 0),
  REF ("village_id", N_("Village"), REQ, "villages"),
  REF ("team_id", N_("Team"), REQ, "teams"),
  CHOICE ("role", N_("Role"), REQ, roles),
  DATE ("joined_date", N_("Date joined"), REQ),
  TEXT ("decision_number", N_("Recognition decision number"), 0),
  DATE ("decision_date", N_("Recognition decision date"), 0),
  DATE ("left_date", N_("Date left"), 0),
  CHOICE ("left_reason", N_("Reason for leaving"), 0, left_reasons),
  TEXT ("left_note", N_("Note on leaving"), 0),
  CHOICE ("education", N_("Education"), REQ, educations),
  CHOICE ("residence", N_("Residence"), REQ, residences),
  BOOL ("health_certified", N_("Health certified")),
  BOOL ("record_clear", N_("Clear criminal record")),
  TEXT ("over_age_decision", N_("Chairman's decision for members over 70"), 0),
  CHOICE ("prior_service", N_("Prior service"), REQ, prior_services),
  TEXT ("notes", N_("Notes"), MULTI),
};

static const AnttColumn training_columns[] = {
  DATE ("date", N_("Date"), REQ),
  CHOICE ("kind", N_("Kind"), REQ, training_kinds),
  TEXT ("title", N_("Title"), REQ),
  TEXT ("place", N_("Place"), 0),
  TEXT ("notes", N_("Notes"), MULTI),
};

/* No "active on the date" rule here: training taken before joining the
 * force still counts toward T3, T5 and T7. */
static const AnttColumn training_attendance_columns[] = {
  REF ("training_id", N_("Training"), REQ, "trainings"),
  REF ("member_id", N_("Member"), REQ, "members"),
  BOOL ("passed", N_("Completed")),
};

static const AnttColumn political_columns[] = {
  DATE ("date", N_("Date"), REQ),
  TEXT ("title", N_("Title"), REQ),
  TEXT ("place", N_("Place"), 0),
  TEXT ("notes", N_("Notes"), MULTI),
};

static const AnttColumn political_attendance_columns[] = {
  REF ("activity_id", N_("Political activity"), REQ, "political_activities"),
  REF ("member_id", N_("Member"), REQ, "members"),
};

static const AnttColumn tip_columns[] = {
  DATE ("received_date", N_("Date received"), REQ),
  REF ("village_id", N_("Village"), 0, "villages"),
  BOOL ("via_force", N_("Through the force")),
  REF ("member_id", N_("Received by"), 0, "members"),
  CHOICE ("category", N_("Category"), REQ, tip_categories),
  { "summary", N_("Summary"), ANTT_COLUMN_TEXT, REQ | FOLD | MULTI, NULL, NULL, "summary_fold", 0, 0 },
  TEXT ("source", N_("Source"), SENS),
  BOOL ("handled", N_("Handled")),
};

static const AnttColumn incident_columns[] = {
  DATE ("occurred_date", N_("Date"), REQ),
  TIME ("occurred_time", N_("Time")),
  REF ("village_id", N_("Village"), 0, "villages"),
  CHOICE ("type", N_("Type"), REQ, incident_types),
  CHOICE ("severity", N_("Severity"), REQ, severities),
  CHOICE ("weapon_kind", N_("Kind of weapon"), 0, weapon_kinds),
  FOLDED ("title", N_("Title"), "title_fold"),
  TEXT ("description", N_("Description"), MULTI),
  TEXT ("outcome", N_("Outcome"), MULTI),
};

static const AnttColumn incident_participant_columns[] = {
  REF ("incident_id", N_("Incident"), REQ, "incidents"),
  REF ("member_id", N_("Member"), REQ, "members"),
  BOOL ("on_time", N_("On time")),
};

static const AnttColumn callout_columns[] = {
  DATE ("date", N_("Date"), REQ),
  TIME ("time", N_("Time")),
  REF ("village_id", N_("Village"), 0, "villages"),
  CHOICE ("kind", N_("Kind"), REQ, callout_kinds),
  FOLDED ("place", N_("Place"), "place_fold"),
  TEXT ("description", N_("Description"), MULTI),
};

static const AnttColumn callout_member_columns[] = {
  REF ("callout_id", N_("Call-out"), REQ, "callouts"),
  REF ("member_id", N_("Member"), REQ, "members"),
  BOOL ("present", N_("Present")),
  BOOL ("on_time", N_("On time")),
};

static const AnttColumn patrol_columns[] = {
  DATE ("date", N_("Date"), REQ),
  REF ("team_id", N_("Team"), REQ, "teams"),
  TIME ("start_time", N_("From")),
  TIME ("end_time", N_("To")),
  FOLDED ("area", N_("Area"), "area_fold"),
  TEXT ("notes", N_("Notes"), MULTI),
};

static const AnttColumn patrol_participant_columns[] = {
  REF ("patrol_id", N_("Patrol"), REQ, "patrols"),
  REF ("member_id", N_("Member"), REQ, "members"),
};

static const AnttColumn reintegration_columns[] = {
  FOLDED ("full_name", N_("Full name"), "name_fold"),
  DATE ("birth_date", N_("Date of birth"), 0),
  CHOICE ("gender", N_("Gender"), REQ, genders),
  { "id_number", N_("ID number"), ANTT_COLUMN_ID_NUMBER, SENS, NULL, NULL, NULL, 0, 0 },
  REF ("village_id", N_("Village"), REQ, "villages"),
  REF ("team_id", N_("Assigned team"), 0, "teams"),
  REF ("member_id", N_("Assigned member"), 0, "members"),
  TEXT ("offence", N_("Criminal history"), SENS | MULTI),
  DATE ("sentence_end_date", N_("Sentence served on"), 0),
  DATE ("start_date", N_("Support from"), REQ),
  DATE ("end_date", N_("Support until"), 0),
  DATE ("reoffence_date", N_("Re-offended on"), 0),
  TEXT ("reoffence_note", N_("Re-offence"), SENS | MULTI),
  TEXT ("notes", N_("Notes"), MULTI),
};

static const AnttColumn reintegration_visit_columns[] = {
  REF ("case_id", N_("Reintegration case"), REQ, "reintegration_cases"),
  DATE ("date", N_("Date"), REQ),
  REF ("member_id", N_("Member"), 0, "members"),
  TEXT ("note", N_("Note"), MULTI),
};

static const AnttColumn good_deed_columns[] = {
  DATE ("date", N_("Date"), REQ),
  REF ("team_id", N_("Team"), REQ, "teams"),
  REF ("member_id", N_("Member"), 0, "members"),
  CHOICE ("kind", N_("Kind"), REQ, deed_kinds),
  TEXT ("description", N_("Description"), REQ | MULTI),
  TEXT ("commended_by", N_("Commended by"), 0),
};

static const AnttColumn model_columns[] = {
  CHOICE ("kind", N_("Kind"), REQ, model_kinds),
  FOLDED ("name", N_("Name"), "name_fold"),
  REF ("village_id", N_("Village"), 0, "villages"),
  REF ("team_id", N_("Team"), 0, "teams"),
  REF ("member_id", N_("Member"), 0, "members"),
  BOOL ("with_force", N_("Built with the force")),
  CHOICE ("recognition_level", N_("Recognised by"), 0, recognition_levels),
  DATE ("recognised_date", N_("Date recognised"), 0),
  TEXT ("decision", N_("Recognition decision"), 0),
  DATE ("started_date", N_("Date started"), REQ),
  TEXT ("notes", N_("Notes"), MULTI),
};

static const AnttColumn member_violation_columns[] = {
  REF ("member_id", N_("Member"), REQ, "members"),
  DATE ("date", N_("Date"), REQ),
  TEXT ("description", N_("Violation"), REQ | MULTI),
  TEXT ("handling", N_("Handling"), MULTI),
};

static const AnttColumn business_violation_columns[] = {
  FOLDED ("business_name", N_("Business"), "name_fold"),
  TEXT ("trade", N_("Trade"), 0),
  REF ("village_id", N_("Village"), 0, "villages"),
  DATE ("date", N_("Date"), REQ),
  TEXT ("description", N_("Violation"), REQ | MULTI),
  TEXT ("handling", N_("Handling"), MULTI),
};

static const AnttColumn nomination_columns[] = {
  REF ("phase_id", N_("Review"), REQ, "phases"),
  REF ("award_level_id", N_("Award"), REQ, "award_levels"),
  CHOICE ("nominee_kind", N_("Nominee kind"), REQ, nominee_kinds),
  REF ("team_id", N_("Team"), 0, "teams"),
  REF ("member_id", N_("Member"), 0, "members"),
  CHOICE ("achievement_type", N_("Achievement"), REQ, achievement_types),
  TEXT ("summary", N_("Summary of achievements"), MULTI),
  CHOICE ("status", N_("Status"), REQ, nomination_statuses),
  INT ("votes_for", N_("Votes for"), 0, 0, 1000),
  INT ("votes_against", N_("Votes against"), 0, 0, 1000),
  INT ("votes_abstain", N_("Abstentions"), 0, 0, 1000),
  TEXT ("status_reason", N_("Reason"), MULTI),
  TEXT ("decision_number", N_("Decision number"), 0),
  DATE ("decision_date", N_("Decision date"), 0),
  DATE ("created_date", N_("Date proposed"), REQ),
};

static const AnttColumn nomination_evidence_columns[] = {
  REF ("nomination_id", N_("Nomination"), REQ, "nominations"),
  CHOICE ("record_table", N_("Kind of record"), REQ, evidence_tables),
  INT ("record_id", N_("Record number"), REQ, 1, G_MAXINT64),
};

static const AnttColumn committee_meeting_columns[] = {
  REF ("phase_id", N_("Review"), REQ, "phases"),
  REF ("award_level_id", N_("Award"), 0, "award_levels"),
  DATE ("held_date", N_("Date of the meeting"), REQ),
  TIME ("held_time", N_("Started at")),
  TIME ("ended_time", N_("Ended at")),
  TEXT ("place", N_("Place"), 0),
  TEXT ("chair", N_("Chaired by"), 0),
  TEXT ("secretary", N_("Secretary"), 0),
  INT ("members_total", N_("Members of the committee"), REQ, 1, 1000),
  INT ("members_present", N_("Members present"), REQ, 0, 1000),
  TEXT ("absent_names", N_("Members absent"), MULTI),
  CHOICE ("vote_method", N_("Voting"), REQ, vote_methods),
  INT ("quorum_pct", N_("Quorum applied (%)"), 0, 0, 100),
  INT ("approve_pct", N_("Votes needed to approve, applied (%)"), 0, 0, 100),
  TEXT ("notes", N_("Notes"), MULTI),
};

static const AnttColumn meeting_vote_columns[] = {
  REF ("meeting_id", N_("Committee meeting"), REQ, "committee_meetings"),
  REF ("nomination_id", N_("Nomination"), REQ, "nominations"),
  INT ("votes_for", N_("Votes for"), 0, 0, 1000),
  INT ("votes_against", N_("Votes against"), 0, 0, 1000),
  INT ("votes_abstain", N_("Abstentions"), 0, 0, 1000),
};

static const AnttColumn document_register_columns[] = {
  TEXT ("type_code", N_("Document type"), REQ),
  INT ("year", N_("Year"), REQ, 1900, 9999),
  INT ("number", N_("Number"), REQ, 1, 1000000),
  DATE ("issued_date", N_("Date issued"), REQ),
  { "doc_key", N_("Document"), ANTT_COLUMN_TEXT, REQ | UNIQ, NULL, NULL, NULL, 0, 0 },
  REF ("phase_id", N_("Phase"), 0, "phases"),
  TEXT ("title", N_("Title"), 0),
};

static const AnttColumn report_text_columns[] = {
  REF ("phase_id", N_("Phase"), REQ, "phases"),
  CHOICE ("section", N_("Section"), REQ, report_sections),
  TEXT ("body", N_("Text"), MULTI),
  TEXT ("updated_at", N_("Last changed"), REQ),
};

static const AnttColumn document_setting_columns[] = {
  CHOICE ("doc_kind", N_("Document"), REQ, document_kinds),
  REF ("award_level_id", N_("Award"), 0, "award_levels"),
  TEXT ("addressees", N_("Addressed to"), MULTI),
  TEXT ("recipients", N_("Recipients"), MULTI),
};

static const AnttTable tables[] = {
  TABLE ("commune", N_("commune settings"), commune_columns,
         NULL, NULL, NULL, NULL, NULL, NULL),
  TABLE ("campaigns", N_("movement"), campaign_columns,
         "start_date", "end_date", "start_date, id", NULL, NULL, validate_campaign),
  TABLE ("phases", N_("phase"), phase_columns,
         "start_date", "end_date", "campaign_id, ordinal", NULL, NULL, validate_phase),
  TABLE ("targets", N_("target"), target_columns,
         NULL, NULL, "campaign_id, ordinal", NULL, NULL, NULL),
  TABLE ("award_levels", N_("award"), award_level_columns,
         NULL, NULL, "campaign_id, ordinal", NULL, NULL, NULL),
  TABLE ("award_caps", N_("award cap"), award_cap_columns,
         NULL, NULL, "phase_id, award_level_id, nominee_kind", NULL, NULL, NULL),
  TABLE ("villages", N_("village"), village_columns,
         NULL, NULL, "name COLLATE VI", NULL, NULL, NULL),
  TABLE ("village_population", N_("population count"), population_columns,
         "as_of", NULL, "village_id, as_of", "village_id", NULL, validate_population),
  TABLE ("teams", N_("team"), team_columns,
         "established_date", "dissolved_date", "name COLLATE VI", NULL, NULL, validate_team),
  TABLE ("team_villages", N_("village served"), team_village_columns,
         NULL, NULL, "team_id, village_id", "team_id", NULL, NULL),
  TABLE ("members", N_("member"), member_columns,
         "joined_date", "left_date", "full_name COLLATE VI", NULL, NULL, validate_member),
  TABLE ("trainings", N_("training"), training_columns,
         "date", NULL, "date, id", NULL, NULL, NULL),
  TABLE ("training_attendance", N_("training attendance"), training_attendance_columns,
         NULL, NULL, "training_id, member_id", "training_id", NULL, NULL),
  TABLE ("political_activities", N_("political activity"), political_columns,
         "date", NULL, "date, id", NULL, NULL, NULL),
  TABLE ("political_attendance", N_("political activity attendance"), political_attendance_columns,
         NULL, NULL, "activity_id, member_id", "activity_id", "member_id", NULL),
  TABLE ("tips", N_("tip"), tip_columns,
         "received_date", NULL, "received_date, id", NULL, "member_id", validate_tip),
  TABLE ("incidents", N_("incident"), incident_columns,
         "occurred_date", NULL, "occurred_date, occurred_time, id", NULL, NULL, validate_incident),
  TABLE ("incident_participants", N_("incident participant"), incident_participant_columns,
         NULL, NULL, "incident_id, member_id", "incident_id", "member_id", NULL),
  TABLE ("callouts", N_("call-out"), callout_columns,
         "date", NULL, "date, time, id", NULL, NULL, NULL),
  TABLE ("callout_members", N_("call-out member"), callout_member_columns,
         NULL, NULL, "callout_id, member_id", "callout_id", "member_id", validate_callout_member),
  TABLE ("patrols", N_("patrol"), patrol_columns,
         "date", NULL, "date, id", NULL, NULL, validate_patrol),
  TABLE ("patrol_participants", N_("patrol participant"), patrol_participant_columns,
         NULL, NULL, "patrol_id, member_id", "patrol_id", "member_id", NULL),
  TABLE ("reintegration_cases", N_("reintegration case"), reintegration_columns,
         "start_date", "end_date", "full_name COLLATE VI", NULL, NULL, validate_reintegration),
  TABLE ("reintegration_visits", N_("follow-up visit"), reintegration_visit_columns,
         "date", NULL, "case_id, date", "case_id", "member_id", NULL),
  TABLE ("good_deeds", N_("good deed"), good_deed_columns,
         "date", NULL, "date, id", NULL, "member_id", validate_good_deed),
  TABLE ("models", N_("model or example"), model_columns,
         "started_date", NULL, "name COLLATE VI", NULL, NULL, NULL),
  TABLE ("member_violations", N_("member violation"), member_violation_columns,
         "date", NULL, "date, id", NULL, "member_id", NULL),
  TABLE ("business_violations", N_("business violation"), business_violation_columns,
         "date", NULL, "date, id", NULL, NULL, NULL),
  TABLE ("nominations", N_("nomination"), nomination_columns,
         NULL, NULL, "phase_id, award_level_id, nominee_kind, id", NULL, NULL, validate_nomination),
  TABLE ("nomination_evidence", N_("evidence"), nomination_evidence_columns,
         NULL, NULL, "nomination_id, record_table, record_id", "nomination_id", NULL, NULL),
  TABLE ("committee_meetings", N_("committee meeting"), committee_meeting_columns,
         "held_date", NULL, "held_date, id", NULL, NULL, validate_meeting),
  TABLE ("meeting_votes", N_("votes of a nominee"), meeting_vote_columns,
         NULL, NULL, "meeting_id, nomination_id", "meeting_id", NULL, NULL),
  TABLE ("document_register", N_("document number"), document_register_columns,
         "issued_date", NULL, "year, type_code, number", NULL, NULL, NULL),
  TABLE ("report_texts", N_("report text"), report_text_columns,
         NULL, NULL, "phase_id, section", NULL, NULL, NULL),
  TABLE ("document_settings", N_("document settings"), document_setting_columns,
         NULL, NULL, "doc_kind, award_level_id", NULL, NULL, NULL),
};

static const AnttTable *table_pointers[G_N_ELEMENTS (tables)];

const AnttTable *const *
antt_tables (guint *n_tables)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        table_pointers[i] = &tables[i];
      g_once_init_leave (&initialized, 1);
    }

  if (n_tables != NULL)
    *n_tables = G_N_ELEMENTS (tables);
  return table_pointers;
}

const AnttTable *
antt_table_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strcmp (tables[i].name, name) == 0)
      return &tables[i];
  return NULL;
}

const AnttColumn *
antt_table_get_column (const AnttTable *table,
                       const char      *column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  for (guint i = 0; i < table->n_columns; i++)
    if (strcmp (table->columns[i].name, column) == 0)
      return &table->columns[i];
  return NULL;
}
