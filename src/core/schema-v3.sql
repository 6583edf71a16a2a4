-- Thi đua ANTT, schema version 3: what the official documents keep.

-- The document register (sổ đăng ký văn bản đi): one sequence of numbers per
-- document type (BC, TTr, DS, BB, QĐ…) and calendar year, as Decree 30 asks.
-- A document takes its number once and keeps it: doc_key names it
-- ("interim_report/phase=1", "proposal/phase=2/award=3", "minutes/meeting=4"),
-- so that printing the dossier again gives the same numbers and dates. The
-- clerk may set a number taken by hand in the office's paper register.
CREATE TABLE document_register (
  id          INTEGER PRIMARY KEY,
  type_code   TEXT NOT NULL CHECK (length (type_code) BETWEEN 1 AND 8),
  year        INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
  number      INTEGER NOT NULL CHECK (number >= 1),
  issued_date TEXT NOT NULL,
  doc_key     TEXT NOT NULL,
  phase_id    INTEGER REFERENCES phases (id) ON DELETE SET NULL,
  title       TEXT NOT NULL DEFAULT '',
  CHECK (CAST (substr (issued_date, 1, 4) AS INTEGER) = year),
  UNIQUE (type_code, year, number),
  UNIQUE (doc_key)
);

-- The sections of a report that the clerk writes (results, shortcomings,
-- proposals), kept with the review's report and shown again next time.
CREATE TABLE report_texts (
  id         INTEGER PRIMARY KEY,
  phase_id   INTEGER NOT NULL REFERENCES phases (id) ON DELETE CASCADE,
  section    TEXT NOT NULL CHECK (section IN ('results', 'shortcomings', 'proposals')),
  body       TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  UNIQUE (phase_id, section)
);

-- Addressees ("Kính gửi", one a line) and recipients ("Nơi nhận", one a
-- line, without "- " and without the final "Lưu: VT, …", which the
-- commune's agency code gives) of each kind of document; for a proposal
-- (tờ trình) also per award level. A kind without a row uses the defaults
-- written in src/report (the plan's list; the award's authority).
CREATE TABLE document_settings (
  id             INTEGER PRIMARY KEY,
  doc_kind       TEXT NOT NULL
                 CHECK (doc_kind IN ('interim_report', 'final_report', 'nominees', 'minutes',
                                     'proposal', 'achievement')),
  award_level_id INTEGER REFERENCES award_levels (id) ON DELETE CASCADE,
  addressees     TEXT NOT NULL DEFAULT '',
  recipients     TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX document_settings_kind ON document_settings (doc_kind, ifnull (award_level_id, 0));
