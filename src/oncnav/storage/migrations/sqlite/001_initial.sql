-- Schema 1: patients with revisions, API users, audit log.
-- A patient record is never overwritten: every change is a new row of patient_revision, and
-- patient only points at the newest one. Triggers make revisions and the audit log append-only.

CREATE TABLE oncnav_schema (
  version INTEGER NOT NULL
);
INSERT INTO oncnav_schema (version) VALUES (0);

CREATE TABLE patient (
  id TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,            -- the newest revision
  deleted INTEGER NOT NULL DEFAULT 0,   -- 1 when the newest revision is a deletion
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE patient_revision (
  patient_id TEXT NOT NULL REFERENCES patient (id),
  revision INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  author TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  format TEXT NOT NULL,                 -- 'oncnav' | 'fhir' | '' for a deletion
  document TEXT,                        -- the record as submitted; NULL for a deletion
  PRIMARY KEY (patient_id, revision)
) WITHOUT ROWID;

CREATE TRIGGER patient_revision_no_update BEFORE UPDATE ON patient_revision
BEGIN SELECT RAISE(ABORT, 'patient revisions are never changed'); END;
CREATE TRIGGER patient_revision_no_delete BEFORE DELETE ON patient_revision
BEGIN SELECT RAISE(ABORT, 'patient revisions are never deleted'); END;

CREATE TABLE api_user (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('admin', 'clinician', 'viewer')),
  token_hash TEXT NOT NULL UNIQUE,      -- BLAKE2b-256 of the token, hex; the token is never stored
  created_at TEXT NOT NULL
);

CREATE TABLE audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,                  -- user name, or '-' when no valid token was presented
  patient_id TEXT NOT NULL,             -- '' for requests about no single patient (list)
  action TEXT NOT NULL,
  outcome INTEGER NOT NULL              -- the HTTP status answered
);
CREATE INDEX audit_patient ON audit (patient_id, seq);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
