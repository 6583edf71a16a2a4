-- Thi đua ANTT, schema version 2: the award committee's review, and the
-- rules of nominations kept by the database itself.
--
-- The core checks each rule first, inside BEGIN IMMEDIATE, and refuses with
-- a message for the clerk (antt-nominations.c). The triggers below are the
-- same rules once more, for writers that are not the core: a second program,
-- an INSERT typed into the sqlite3 shell. Their messages begin with a fixed
-- tag ("cap reached:", "review closed:") that the core recognises.
--
-- "Used" slots are the nominations proposed or approved for one review
-- (phase), award level and nominee kind; a draft does not hold a slot, and
-- rejecting or withdrawing frees one. No award_caps row means no cap.

-- The committee's meeting (biên bản họp Hội đồng Thi đua – Khen thưởng).
-- quorum_pct and approve_pct are the thresholds the meeting applied; NULL
-- until the decision, which copies the commune's settings in.
CREATE TABLE committee_meetings (
  id              INTEGER PRIMARY KEY,
  phase_id        INTEGER NOT NULL REFERENCES phases (id) ON DELETE RESTRICT,
  award_level_id  INTEGER REFERENCES award_levels (id) ON DELETE RESTRICT,
  held_date       TEXT NOT NULL,
  held_time       TEXT,
  ended_time      TEXT,
  place           TEXT NOT NULL DEFAULT '',
  chair           TEXT NOT NULL DEFAULT '',
  secretary       TEXT NOT NULL DEFAULT '',
  members_total   INTEGER NOT NULL CHECK (members_total >= 1),
  members_present INTEGER NOT NULL CHECK (members_present >= 0),
  absent_names    TEXT NOT NULL DEFAULT '',
  vote_method     TEXT NOT NULL DEFAULT 'secret_ballot'
                  CHECK (vote_method IN ('secret_ballot', 'show_of_hands')),
  quorum_pct      INTEGER CHECK (quorum_pct BETWEEN 0 AND 100),
  approve_pct     INTEGER CHECK (approve_pct BETWEEN 0 AND 100),
  notes           TEXT NOT NULL DEFAULT '',
  CHECK (members_present <= members_total)
);
CREATE INDEX committee_meetings_phase ON committee_meetings (phase_id);

CREATE TABLE meeting_votes (
  id            INTEGER PRIMARY KEY,
  meeting_id    INTEGER NOT NULL REFERENCES committee_meetings (id) ON DELETE CASCADE,
  nomination_id INTEGER NOT NULL REFERENCES nominations (id) ON DELETE RESTRICT,
  votes_for     INTEGER NOT NULL DEFAULT 0 CHECK (votes_for >= 0),
  votes_against INTEGER NOT NULL DEFAULT 0 CHECK (votes_against >= 0),
  votes_abstain INTEGER NOT NULL DEFAULT 0 CHECK (votes_abstain >= 0),
  UNIQUE (meeting_id, nomination_id)
);
CREATE INDEX meeting_votes_nomination ON meeting_votes (nomination_id);

-- Counting the slots of a review, award and kind is one index range.
CREATE INDEX nominations_slot ON nominations (phase_id, award_level_id, nominee_kind, status);

-- Caps ----------------------------------------------------------------------

CREATE TRIGGER nominations_cap_insert
BEFORE INSERT ON nominations
WHEN NEW.status IN ('proposed', 'approved')
BEGIN
  SELECT RAISE (ABORT, 'cap reached: proposed and approved nominations over award_caps.max_count')
   WHERE (SELECT count(*) FROM nominations
           WHERE phase_id = NEW.phase_id AND award_level_id = NEW.award_level_id
             AND nominee_kind = NEW.nominee_kind AND status IN ('proposed', 'approved'))
         >= (SELECT max_count FROM award_caps
              WHERE phase_id = NEW.phase_id AND award_level_id = NEW.award_level_id
                AND nominee_kind = NEW.nominee_kind);
  SELECT RAISE (ABORT, 'cap reached: approved nominations over award_caps.max_count')
   WHERE NEW.status = 'approved'
     AND (SELECT count(*) FROM nominations
           WHERE phase_id = NEW.phase_id AND award_level_id = NEW.award_level_id
             AND nominee_kind = NEW.nominee_kind AND status = 'approved')
         >= (SELECT max_count FROM award_caps
              WHERE phase_id = NEW.phase_id AND award_level_id = NEW.award_level_id
                AND nominee_kind = NEW.nominee_kind);
END;

-- A row is checked when it comes into a count (a new status, or another
-- review, award or kind), not when it stays: approving a proposed
-- nomination does not take a second slot.
CREATE TRIGGER nominations_cap_update
BEFORE UPDATE OF status, phase_id, award_level_id, nominee_kind ON nominations
WHEN NEW.status IN ('proposed', 'approved')
BEGIN
  SELECT RAISE (ABORT, 'cap reached: proposed and approved nominations over award_caps.max_count')
   WHERE (OLD.status NOT IN ('proposed', 'approved')
          OR NEW.phase_id IS NOT OLD.phase_id
          OR NEW.award_level_id IS NOT OLD.award_level_id
          OR NEW.nominee_kind IS NOT OLD.nominee_kind)
     AND (SELECT count(*) FROM nominations
           WHERE id <> NEW.id
             AND phase_id = NEW.phase_id AND award_level_id = NEW.award_level_id
             AND nominee_kind = NEW.nominee_kind AND status IN ('proposed', 'approved'))
         >= (SELECT max_count FROM award_caps
              WHERE phase_id = NEW.phase_id AND award_level_id = NEW.award_level_id
                AND nominee_kind = NEW.nominee_kind);
  SELECT RAISE (ABORT, 'cap reached: approved nominations over award_caps.max_count')
   WHERE NEW.status = 'approved'
     AND (OLD.status IS NOT 'approved'
          OR NEW.phase_id IS NOT OLD.phase_id
          OR NEW.award_level_id IS NOT OLD.award_level_id
          OR NEW.nominee_kind IS NOT OLD.nominee_kind)
     AND (SELECT count(*) FROM nominations
           WHERE id <> NEW.id
             AND phase_id = NEW.phase_id AND award_level_id = NEW.award_level_id
             AND nominee_kind = NEW.nominee_kind AND status = 'approved')
         >= (SELECT max_count FROM award_caps
              WHERE phase_id = NEW.phase_id AND award_level_id = NEW.award_level_id
                AND nominee_kind = NEW.nominee_kind);
END;

-- Nor may a cap be set below the slots already used: the nominations over
-- it would break the rule without anyone having written one.
CREATE TRIGGER award_caps_insert_not_below
BEFORE INSERT ON award_caps
BEGIN
  SELECT RAISE (ABORT, 'cap below nominations: more are proposed and approved than max_count')
   WHERE (SELECT count(*) FROM nominations
           WHERE phase_id = NEW.phase_id AND award_level_id = NEW.award_level_id
             AND nominee_kind = NEW.nominee_kind AND status IN ('proposed', 'approved'))
         > NEW.max_count;
END;

CREATE TRIGGER award_caps_update_not_below
BEFORE UPDATE OF phase_id, award_level_id, nominee_kind, max_count ON award_caps
BEGIN
  SELECT RAISE (ABORT, 'cap below nominations: more are proposed and approved than max_count')
   WHERE (SELECT count(*) FROM nominations
           WHERE phase_id = NEW.phase_id AND award_level_id = NEW.award_level_id
             AND nominee_kind = NEW.nominee_kind AND status IN ('proposed', 'approved'))
         > NEW.max_count;
END;

-- A closed review ------------------------------------------------------------

-- Once a review's decision is closed (phases.review_closed = 1), nothing is
-- added to it and no nomination of it changes status. Other fields (the
-- decision number and date, say) may still be corrected.
CREATE TRIGGER nominations_closed_insert
BEFORE INSERT ON nominations
WHEN (SELECT review_closed FROM phases WHERE id = NEW.phase_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'review closed: no nomination is added to a closed review');
END;

CREATE TRIGGER nominations_closed_update
BEFORE UPDATE OF status, phase_id ON nominations
WHEN (NEW.status IS NOT OLD.status OR NEW.phase_id IS NOT OLD.phase_id)
 AND ((SELECT review_closed FROM phases WHERE id = OLD.phase_id) = 1
      OR (SELECT review_closed FROM phases WHERE id = NEW.phase_id) = 1)
BEGIN
  SELECT RAISE (ABORT, 'review closed: the nominations of a closed review keep their status');
END;

-- Votes ------------------------------------------------------------------------

-- No more ballots than members present.
CREATE TRIGGER meeting_votes_insert_present
BEFORE INSERT ON meeting_votes
BEGIN
  SELECT RAISE (ABORT, 'votes exceed members present: for + against + abstain > members_present')
   WHERE NEW.votes_for + NEW.votes_against + NEW.votes_abstain
         > (SELECT members_present FROM committee_meetings WHERE id = NEW.meeting_id);
END;

CREATE TRIGGER meeting_votes_update_present
BEFORE UPDATE OF meeting_id, votes_for, votes_against, votes_abstain ON meeting_votes
BEGIN
  SELECT RAISE (ABORT, 'votes exceed members present: for + against + abstain > members_present')
   WHERE NEW.votes_for + NEW.votes_against + NEW.votes_abstain
         > (SELECT members_present FROM committee_meetings WHERE id = NEW.meeting_id);
END;
