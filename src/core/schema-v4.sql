-- Thi đua ANTT, schema version 4: indexes that the targets read alone.
--
-- antt_targets_evaluate() (antt-targets.c) counts the tips, incidents and
-- call-outs of a period per village, and the members who patrolled. With an
-- index on the date only, SQLite read each row of the table itself: the
-- tips and incidents with their summaries and descriptions, some 40 MB for
-- a province, more than the page cache holds, so that every evaluation read
-- them again from the file. These indexes carry the few columns the targets
-- need after the date (or the team, or the member), so that the index alone
-- answers (a "covering" index, a tenth of the table's size). They keep
-- their names and serve the lists sorted or filtered as before. No row
-- changes.

-- T1: tips per village, and which came through the force.
DROP INDEX tips_date;
CREATE INDEX tips_date ON tips (received_date, village_id, via_force);

-- T2, T10, T13: incidents per village, by type and severity.
DROP INDEX incidents_date;
CREATE INDEX incidents_date ON incidents (occurred_date, village_id, type, severity);

-- Members, the denominator of most targets: team and dates of each, read
-- without the rest of the member's row.
DROP INDEX members_team;
CREATE INDEX members_team ON members (team_id, joined_date, left_date);

-- T6: call-outs per village.
DROP INDEX callouts_date;
CREATE INDEX callouts_date ON callouts (date, village_id);

-- T12: each member's patrols, without reading the participants' rows.
DROP INDEX patrol_participants_member;
CREATE INDEX patrol_participants_member ON patrol_participants (member_id, patrol_id);

-- T6: the members mobilised for each call-out, in the order of the
-- call-outs, with whether they came and came on time.
CREATE INDEX callout_members_callout ON callout_members (callout_id, member_id, present, on_time);
