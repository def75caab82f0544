-- Schema 2: CDS Hooks feedback and remembered JWT ids (same contract as the SQLite schema).

CREATE TABLE cds_feedback (
  seq BIGSERIAL PRIMARY KEY,
  received_at TEXT NOT NULL,
  client TEXT NOT NULL,
  service TEXT NOT NULL,
  card TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
  outcome_at TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX cds_feedback_card ON cds_feedback (card);

CREATE TRIGGER cds_feedback_append_only BEFORE UPDATE OR DELETE ON cds_feedback
  FOR EACH ROW EXECUTE FUNCTION oncnav_append_only();

CREATE TABLE cds_jwt_seen (
  issuer TEXT NOT NULL,
  jti TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (issuer, jti)
);
CREATE INDEX cds_jwt_seen_expiry ON cds_jwt_seen (expires_at);
