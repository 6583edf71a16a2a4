-- Thi đua ANTT, schema version 1.
--
-- Dates are ISO text (YYYY-MM-DD), times HH:MM. Every searchable name has a
-- *_fold companion (lower case, no diacritics, đ → d) written by the core.
-- Link rows (participants, attendance) go with their parent; anything else
-- that is referenced cannot be deleted while it is (ON DELETE RESTRICT).

CREATE TABLE commune (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  commune_name     TEXT NOT NULL,
  district_name    TEXT NOT NULL DEFAULT '',
  province_name    TEXT NOT NULL DEFAULT '',
  parent_agency    TEXT NOT NULL DEFAULT '',
  agency_name      TEXT NOT NULL DEFAULT '',
  agency_code      TEXT NOT NULL DEFAULT '',
  place_name       TEXT NOT NULL DEFAULT '',
  signer_name      TEXT NOT NULL DEFAULT '',
  signer_title     TEXT NOT NULL DEFAULT '',
  signer_position  TEXT NOT NULL DEFAULT '',
  vote_quorum_pct  INTEGER NOT NULL DEFAULT 50 CHECK (vote_quorum_pct BETWEEN 0 AND 100),
  vote_approve_pct INTEGER NOT NULL DEFAULT 50 CHECK (vote_approve_pct BETWEEN 0 AND 100)
);

CREATE TABLE campaigns (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  theme       TEXT NOT NULL DEFAULT '',
  plan_number TEXT NOT NULL DEFAULT '',
  plan_date   TEXT,
  issuer      TEXT NOT NULL DEFAULT '',
  start_date  TEXT NOT NULL,
  end_date    TEXT NOT NULL,
  is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  notes       TEXT NOT NULL DEFAULT '',
  CHECK (end_date >= start_date)
);

CREATE TABLE phases (
  id              INTEGER PRIMARY KEY,
  campaign_id     INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL CHECK (ordinal >= 1),
  name            TEXT NOT NULL,
  content         TEXT NOT NULL DEFAULT '',
  start_date      TEXT NOT NULL,
  end_date        TEXT NOT NULL,
  review_kind     TEXT NOT NULL CHECK (review_kind IN ('interim', 'final')),
  review_name     TEXT NOT NULL DEFAULT '',
  report_deadline TEXT,
  legal_basis     TEXT NOT NULL DEFAULT '',
  review_closed   INTEGER NOT NULL DEFAULT 0 CHECK (review_closed IN (0, 1)),
  CHECK (end_date >= start_date),
  UNIQUE (campaign_id, ordinal)
);

CREATE TABLE targets (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  code        TEXT NOT NULL,
  ordinal     INTEGER NOT NULL,
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  measure     TEXT NOT NULL CHECK (measure IN ('ratio', 'count', 'per_village')),
  comparison  TEXT NOT NULL CHECK (comparison IN ('>=', '>', '<=', '=')),
  threshold   REAL NOT NULL,
  scope       TEXT NOT NULL DEFAULT 'commune' CHECK (scope IN ('commune', 'team', 'village')),
  UNIQUE (campaign_id, code)
);

CREATE TABLE award_levels (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  code        TEXT NOT NULL,
  ordinal     INTEGER NOT NULL,
  name        TEXT NOT NULL,
  authority   TEXT NOT NULL DEFAULT '',
  UNIQUE (campaign_id, code)
);

CREATE TABLE award_caps (
  id             INTEGER PRIMARY KEY,
  phase_id       INTEGER NOT NULL REFERENCES phases (id) ON DELETE CASCADE,
  award_level_id INTEGER NOT NULL REFERENCES award_levels (id) ON DELETE CASCADE,
  nominee_kind   TEXT NOT NULL CHECK (nominee_kind IN ('collective', 'individual')),
  max_count      INTEGER NOT NULL CHECK (max_count >= 0),
  UNIQUE (phase_id, award_level_id, nominee_kind)
);

CREATE TABLE villages (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  name_fold     TEXT NOT NULL,
  kind          TEXT NOT NULL DEFAULT 'village' CHECK (kind IN ('village', 'residential_group')),
  population    INTEGER NOT NULL DEFAULT 0 CHECK (population >= 0),
  households    INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
  disadvantaged INTEGER NOT NULL DEFAULT 0 CHECK (disadvantaged IN (0, 1)),
  notes         TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX villages_name ON villages (name_fold);

CREATE TABLE village_population (
  id               INTEGER PRIMARY KEY,
  village_id       INTEGER NOT NULL REFERENCES villages (id) ON DELETE CASCADE,
  as_of            TEXT NOT NULL,
  persons          INTEGER NOT NULL CHECK (persons >= 0),
  persons_provided INTEGER NOT NULL CHECK (persons_provided >= 0),
  CHECK (persons_provided <= persons),
  UNIQUE (village_id, as_of)
);

CREATE TABLE teams (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL,
  name_fold        TEXT NOT NULL,
  established_date TEXT,
  dissolved_date   TEXT,
  decision_number  TEXT NOT NULL DEFAULT '',
  notes            TEXT NOT NULL DEFAULT '',
  CHECK (dissolved_date IS NULL OR established_date IS NULL OR dissolved_date >= established_date)
);
CREATE UNIQUE INDEX teams_name ON teams (name_fold);

CREATE TABLE team_villages (
  id         INTEGER PRIMARY KEY,
  team_id    INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
  UNIQUE (team_id, village_id)
);
CREATE INDEX team_villages_village ON team_villages (village_id);

CREATE TABLE members (
  id                INTEGER PRIMARY KEY,
  full_name         TEXT NOT NULL,
  name_fold         TEXT NOT NULL,
  birth_date        TEXT NOT NULL,
  gender            TEXT NOT NULL CHECK (gender IN ('male', 'female')),
  id_number         TEXT NOT NULL CHECK (length (id_number) = 12),
  phone             TEXT NOT NULL DEFAULT '',
  address           TEXT NOT NULL DEFAULT '',
  village_id        INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
  team_id           INTEGER NOT NULL REFERENCES teams (id) ON DELETE RESTRICT,
  role              TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('leader', 'deputy', 'member')),
  joined_date       TEXT NOT NULL,
  decision_number   TEXT NOT NULL DEFAULT '',
  decision_date     TEXT,
  left_date         TEXT,
  left_reason       TEXT CHECK (left_reason IN ('own_request', 'health', 'failed_duties',
                                                'prosecution', 'moved', 'age', 'deceased', 'other')),
  left_note         TEXT NOT NULL DEFAULT '',
  education         TEXT NOT NULL DEFAULT 'lower_secondary'
                    CHECK (education IN ('none', 'primary', 'lower_secondary', 'upper_secondary',
                                         'vocational', 'college', 'university')),
  residence         TEXT NOT NULL DEFAULT 'permanent' CHECK (residence IN ('permanent', 'temporary', 'none')),
  health_certified  INTEGER NOT NULL DEFAULT 1 CHECK (health_certified IN (0, 1)),
  record_clear      INTEGER NOT NULL DEFAULT 1 CHECK (record_clear IN (0, 1)),
  over_age_decision TEXT NOT NULL DEFAULT '',
  prior_service     TEXT NOT NULL DEFAULT 'none' CHECK (prior_service IN ('none', 'police', 'army', 'militia')),
  notes             TEXT NOT NULL DEFAULT '',
  CHECK (left_date IS NULL OR left_date >= joined_date),
  CHECK ((left_date IS NULL) = (left_reason IS NULL))
);
CREATE UNIQUE INDEX members_id_number ON members (id_number);
CREATE INDEX members_team ON members (team_id);
CREATE INDEX members_village ON members (village_id);
CREATE INDEX members_name ON members (name_fold);

CREATE TABLE trainings (
  id    INTEGER PRIMARY KEY,
  date  TEXT NOT NULL,
  kind  TEXT NOT NULL CHECK (kind IN ('mass_mobilisation', 'fire_rescue', 'admin_order', 'other')),
  title TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX trainings_date ON trainings (date);

CREATE TABLE training_attendance (
  id          INTEGER PRIMARY KEY,
  training_id INTEGER NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
  member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  passed      INTEGER NOT NULL DEFAULT 1 CHECK (passed IN (0, 1)),
  UNIQUE (training_id, member_id)
);
CREATE INDEX training_attendance_member ON training_attendance (member_id);

CREATE TABLE political_activities (
  id    INTEGER PRIMARY KEY,
  date  TEXT NOT NULL,
  title TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX political_activities_date ON political_activities (date);

CREATE TABLE political_attendance (
  id          INTEGER PRIMARY KEY,
  activity_id INTEGER NOT NULL REFERENCES political_activities (id) ON DELETE CASCADE,
  member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  UNIQUE (activity_id, member_id)
);
CREATE INDEX political_attendance_member ON political_attendance (member_id);

CREATE TABLE tips (
  id            INTEGER PRIMARY KEY,
  received_date TEXT NOT NULL,
  village_id    INTEGER REFERENCES villages (id) ON DELETE RESTRICT,
  via_force     INTEGER NOT NULL CHECK (via_force IN (0, 1)),
  member_id     INTEGER REFERENCES members (id) ON DELETE RESTRICT,
  category      TEXT NOT NULL DEFAULT 'other'
                CHECK (category IN ('security', 'crime', 'drugs', 'social_evil', 'dispute',
                                    'traffic', 'fire', 'other')),
  summary       TEXT NOT NULL,
  summary_fold  TEXT NOT NULL,
  source        TEXT NOT NULL DEFAULT '',
  handled       INTEGER NOT NULL DEFAULT 0 CHECK (handled IN (0, 1)),
  CHECK (member_id IS NULL OR via_force = 1)
);
CREATE INDEX tips_date ON tips (received_date);
CREATE INDEX tips_member ON tips (member_id);

CREATE TABLE incidents (
  id            INTEGER PRIMARY KEY,
  occurred_date TEXT NOT NULL,
  occurred_time TEXT,
  village_id    INTEGER REFERENCES villages (id) ON DELETE RESTRICT,
  type          TEXT NOT NULL
                CHECK (type IN ('security', 'public_order', 'crime', 'traffic_accident', 'weapons',
                                'drugs', 'social_evil', 'dispute', 'other')),
  severity      TEXT NOT NULL DEFAULT 'minor'
                CHECK (severity IN ('minor', 'serious', 'very_serious', 'especially_serious')),
  weapon_kind   TEXT CHECK (weapon_kind IN ('weapon', 'explosive', 'support_tool')),
  title         TEXT NOT NULL,
  title_fold    TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  outcome       TEXT NOT NULL DEFAULT '',
  CHECK (weapon_kind IS NULL OR type = 'weapons')
);
CREATE INDEX incidents_date ON incidents (occurred_date);

CREATE TABLE incident_participants (
  id          INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  on_time     INTEGER NOT NULL DEFAULT 1 CHECK (on_time IN (0, 1)),
  UNIQUE (incident_id, member_id)
);
CREATE INDEX incident_participants_member ON incident_participants (member_id);

CREATE TABLE callouts (
  id          INTEGER PRIMARY KEY,
  date        TEXT NOT NULL,
  time        TEXT,
  village_id  INTEGER REFERENCES villages (id) ON DELETE RESTRICT,
  kind        TEXT NOT NULL CHECK (kind IN ('fire', 'rescue', 'flood', 'other')),
  place       TEXT NOT NULL,
  place_fold  TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX callouts_date ON callouts (date);

CREATE TABLE callout_members (
  id         INTEGER PRIMARY KEY,
  callout_id INTEGER NOT NULL REFERENCES callouts (id) ON DELETE CASCADE,
  member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  present    INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
  on_time    INTEGER NOT NULL DEFAULT 1 CHECK (on_time IN (0, 1)),
  CHECK (present = 1 OR on_time = 0),
  UNIQUE (callout_id, member_id)
);
CREATE INDEX callout_members_member ON callout_members (member_id);

CREATE TABLE patrols (
  id         INTEGER PRIMARY KEY,
  date       TEXT NOT NULL,
  team_id    INTEGER NOT NULL REFERENCES teams (id) ON DELETE RESTRICT,
  start_time TEXT,
  end_time   TEXT,
  area       TEXT NOT NULL,
  area_fold  TEXT NOT NULL,
  notes      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX patrols_date ON patrols (date);
CREATE INDEX patrols_team ON patrols (team_id);

CREATE TABLE patrol_participants (
  id        INTEGER PRIMARY KEY,
  patrol_id INTEGER NOT NULL REFERENCES patrols (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  UNIQUE (patrol_id, member_id)
);
CREATE INDEX patrol_participants_member ON patrol_participants (member_id);

CREATE TABLE reintegration_cases (
  id                INTEGER PRIMARY KEY,
  full_name         TEXT NOT NULL,
  name_fold         TEXT NOT NULL,
  birth_date        TEXT,
  gender            TEXT NOT NULL CHECK (gender IN ('male', 'female')),
  id_number         TEXT CHECK (id_number IS NULL OR length (id_number) = 12),
  village_id        INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
  team_id           INTEGER REFERENCES teams (id) ON DELETE RESTRICT,
  member_id         INTEGER REFERENCES members (id) ON DELETE RESTRICT,
  offence           TEXT NOT NULL DEFAULT '',
  sentence_end_date TEXT,
  start_date        TEXT NOT NULL,
  end_date          TEXT,
  reoffence_date    TEXT,
  reoffence_note    TEXT NOT NULL DEFAULT '',
  notes             TEXT NOT NULL DEFAULT '',
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX reintegration_cases_village ON reintegration_cases (village_id);

CREATE TABLE reintegration_visits (
  id        INTEGER PRIMARY KEY,
  case_id   INTEGER NOT NULL REFERENCES reintegration_cases (id) ON DELETE CASCADE,
  date      TEXT NOT NULL,
  member_id INTEGER REFERENCES members (id) ON DELETE RESTRICT,
  note      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reintegration_visits_case ON reintegration_visits (case_id);

CREATE TABLE good_deeds (
  id           INTEGER PRIMARY KEY,
  date         TEXT NOT NULL,
  team_id      INTEGER NOT NULL REFERENCES teams (id) ON DELETE RESTRICT,
  member_id    INTEGER REFERENCES members (id) ON DELETE RESTRICT,
  kind         TEXT NOT NULL CHECK (kind IN ('good_deed', 'commendation')),
  description  TEXT NOT NULL,
  commended_by TEXT NOT NULL DEFAULT '',
  CHECK (kind = 'good_deed' OR member_id IS NOT NULL)
);
CREATE INDEX good_deeds_team_date ON good_deeds (team_id, date);

CREATE TABLE models (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('model', 'example')),
  name              TEXT NOT NULL,
  name_fold         TEXT NOT NULL,
  village_id        INTEGER REFERENCES villages (id) ON DELETE RESTRICT,
  team_id           INTEGER REFERENCES teams (id) ON DELETE RESTRICT,
  member_id         INTEGER REFERENCES members (id) ON DELETE RESTRICT,
  with_force        INTEGER NOT NULL DEFAULT 1 CHECK (with_force IN (0, 1)),
  recognition_level TEXT CHECK (recognition_level IN ('commune', 'district', 'province', 'ministry', 'state')),
  recognised_date   TEXT,
  decision          TEXT NOT NULL DEFAULT '',
  started_date      TEXT NOT NULL,
  notes             TEXT NOT NULL DEFAULT ''
);

CREATE TABLE member_violations (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  date        TEXT NOT NULL,
  description TEXT NOT NULL,
  handling    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX member_violations_member ON member_violations (member_id);

CREATE TABLE business_violations (
  id            INTEGER PRIMARY KEY,
  business_name TEXT NOT NULL,
  name_fold     TEXT NOT NULL,
  trade         TEXT NOT NULL DEFAULT '',
  village_id    INTEGER REFERENCES villages (id) ON DELETE RESTRICT,
  date          TEXT NOT NULL,
  description   TEXT NOT NULL,
  handling      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE nominations (
  id               INTEGER PRIMARY KEY,
  phase_id         INTEGER NOT NULL REFERENCES phases (id) ON DELETE RESTRICT,
  award_level_id   INTEGER NOT NULL REFERENCES award_levels (id) ON DELETE RESTRICT,
  nominee_kind     TEXT NOT NULL CHECK (nominee_kind IN ('collective', 'individual')),
  team_id          INTEGER REFERENCES teams (id) ON DELETE RESTRICT,
  member_id        INTEGER REFERENCES members (id) ON DELETE RESTRICT,
  achievement_type TEXT NOT NULL CHECK (achievement_type IN ('sudden', 'excellent')),
  summary          TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'proposed', 'approved', 'rejected', 'withdrawn')),
  votes_for        INTEGER NOT NULL DEFAULT 0 CHECK (votes_for >= 0),
  votes_against    INTEGER NOT NULL DEFAULT 0 CHECK (votes_against >= 0),
  votes_abstain    INTEGER NOT NULL DEFAULT 0 CHECK (votes_abstain >= 0),
  status_reason    TEXT NOT NULL DEFAULT '',
  decision_number  TEXT NOT NULL DEFAULT '',
  decision_date    TEXT,
  created_date     TEXT NOT NULL,
  CHECK ((nominee_kind = 'collective' AND team_id IS NOT NULL AND member_id IS NULL)
      OR (nominee_kind = 'individual' AND member_id IS NOT NULL AND team_id IS NULL))
);
CREATE UNIQUE INDEX nominations_once_team
  ON nominations (phase_id, award_level_id, team_id)
  WHERE team_id IS NOT NULL AND status NOT IN ('withdrawn', 'rejected');
CREATE UNIQUE INDEX nominations_once_member
  ON nominations (phase_id, award_level_id, member_id)
  WHERE member_id IS NOT NULL AND status NOT IN ('withdrawn', 'rejected');

CREATE TABLE nomination_evidence (
  id            INTEGER PRIMARY KEY,
  nomination_id INTEGER NOT NULL REFERENCES nominations (id) ON DELETE CASCADE,
  record_table  TEXT NOT NULL
                CHECK (record_table IN ('incidents', 'callouts', 'patrols', 'good_deeds',
                                        'reintegration_visits', 'tips', 'models')),
  record_id     INTEGER NOT NULL,
  UNIQUE (nomination_id, record_table, record_id)
);

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  who        TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id     INTEGER NOT NULL,
  -- OR, not IN: SQLite 3.40 builds a temporary index per row for an IN list,
  -- and every write adds a row here.
  action     TEXT NOT NULL CHECK (action = 'insert' OR action = 'update' OR action = 'delete'),
  old_values TEXT,
  new_values TEXT
);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id);
