-- Schema 2: CDS Hooks. Feedback that CDS clients send about oncnav's cards is kept (append-only,
-- like the audit log), and the ids of the JWTs that authenticated CDS calls are remembered
-- until they expire so that a replayed token is refused.

CREATE TABLE cds_feedback (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  received_at TEXT NOT NULL,
  client TEXT NOT NULL,                 -- the JWT issuer of the CDS client that sent it
  service TEXT NOT NULL,                -- the service id the feedback is about
  card TEXT NOT NULL,                   -- the card's uuid
  outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
  outcome_at TEXT NOT NULL,             -- outcomeTimestamp, as sent
  detail TEXT NOT NULL                  -- the feedback entry as received (JSON)
);
CREATE INDEX cds_feedback_card ON cds_feedback (card);

CREATE TRIGGER cds_feedback_no_update BEFORE UPDATE ON cds_feedback
BEGIN SELECT RAISE(ABORT, 'CDS feedback is append-only'); END;
CREATE TRIGGER cds_feedback_no_delete BEFORE DELETE ON cds_feedback
BEGIN SELECT RAISE(ABORT, 'CDS feedback is append-only'); END;

CREATE TABLE cds_jwt_seen (
  issuer TEXT NOT NULL,
  jti TEXT NOT NULL,
  expires_at INTEGER NOT NULL,          -- Unix seconds; the row may be dropped after this
  PRIMARY KEY (issuer, jti)
) WITHOUT ROWID;
CREATE INDEX cds_jwt_seen_expiry ON cds_jwt_seen (expires_at);
