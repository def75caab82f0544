-- Schema 1: patients with revisions, API users, audit log (same contract as the SQLite schema).

CREATE TABLE oncnav_schema (
  version INTEGER NOT NULL
);
INSERT INTO oncnav_schema (version) VALUES (0);

CREATE TABLE patient (
  id TEXT PRIMARY KEY,
  revision BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at TEXT NOT NULL
);

CREATE TABLE patient_revision (
  patient_id TEXT NOT NULL REFERENCES patient (id),
  revision BIGINT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  author TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  format TEXT NOT NULL,
  document TEXT,
  PRIMARY KEY (patient_id, revision)
);

CREATE TABLE api_user (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('admin', 'clinician', 'viewer')),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE audit (
  seq BIGSERIAL PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  patient_id TEXT NOT NULL,
  action TEXT NOT NULL,
  outcome INTEGER NOT NULL
);
CREATE INDEX audit_patient ON audit (patient_id, seq);

CREATE FUNCTION oncnav_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER patient_revision_append_only BEFORE UPDATE OR DELETE ON patient_revision
  FOR EACH ROW EXECUTE FUNCTION oncnav_append_only();
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION oncnav_append_only();
