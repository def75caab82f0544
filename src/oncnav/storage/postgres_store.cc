#include "oncnav/storage/postgres_store.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <mutex>
#include <utility>

#include "oncnav/common/text.h"
#include "oncnav/storage/migrations.h"

namespace oncnav::storage {
namespace {

// One query result, cleared on destruction.
class PgResult {
 public:
  explicit PgResult(PGresult* r) : r_(r) {}
  ~PgResult() { PQclear(r_); }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;

  bool Ok() const {
    auto s = PQresultStatus(r_);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
  }
  // The SQLSTATE ("23505" is a unique violation), "" when none.
  std::string State() const {
    const char* s = PQresultErrorField(r_, PG_DIAG_SQLSTATE);
    return s ? s : "";
  }
  int Rows() const { return PQntuples(r_); }
  std::string Text(int row, int col) const {
    return PQgetisnull(r_, row, col) ? std::string()
                                     : std::string(PQgetvalue(r_, row, col),
                                                   static_cast<size_t>(PQgetlength(r_, row, col)));
  }
  int64_t Int(int row, int col) const { return std::atoll(PQgetvalue(r_, row, col)); }
  bool Bool(int row, int col) const { return PQgetvalue(r_, row, col)[0] == 't'; }

 private:
  PGresult* r_;
};

// Text parameters; a nullopt is SQL NULL.
PgResult Query(PGconn* db, const char* sql, const std::vector<std::optional<std::string>>& params) {
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  return PgResult(PQexecParams(db, sql, static_cast<int>(values.size()), nullptr, values.data(),
                               nullptr, nullptr, 0));
}

Error StorageError(PGconn* db, std::string_view what) {
  std::string message = PQerrorMessage(db);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return Error{ErrorCode::kStorage, "database", Cat({what, ": ", message})};
}

Error NotFound() { return Error{ErrorCode::kNotFound, "id", "no patient has this id"}; }

class PostgresStore final : public PatientStore {
 public:
  explicit PostgresStore(std::string url) : url_(std::move(url)) {}
  ~PostgresStore() override {
    for (PGconn* c : all_) PQfinish(c);
  }

  Result<bool> Init() {
    auto c = Acquire();
    if (!c) return c.errors();
    Release(*c);
    return true;
  }

  std::string_view Backend() const override { return "postgresql"; }

  Result<int> SchemaVersion() override {
    return With<int>([](PGconn* db) -> Result<int> { return ReadVersion(db); });
  }

  Result<int> Upgrade() override {
    return With<int>([](PGconn* db) -> Result<int> {
      PgResult begin(PQexec(db, "BEGIN"));
      // Several servers may share the database: one upgrade at a time.
      PgResult lock(PQexec(db, "SELECT pg_advisory_xact_lock(7201861)"));
      if (!begin.Ok() || !lock.Ok()) return Fail(db, "cannot start a transaction");
      auto version = ReadVersion(db);
      if (!version) {
        PgResult rollback(PQexec(db, "ROLLBACK"));
        return version;
      }
      int current = *version;
      if (current > RequiredSchemaVersion("postgresql")) {
        PgResult rollback(PQexec(db, "ROLLBACK"));
        return Error{ErrorCode::kSchemaMismatch, "database",
                     Cat({"the database has schema version ", std::to_string(current),
                          ", newer than this build knows"})};
      }
      for (const auto& m : MigrationsFor("postgresql")) {
        if (m.version <= current) continue;
        std::string sql(m.sql);
        PgResult applied(PQexec(db, sql.c_str()));
        if (!applied.Ok()) return Fail(db, Cat({"migration ", m.name, " failed"}));
        PgResult set =
            Query(db, "UPDATE oncnav_schema SET version = $1", {std::to_string(m.version)});
        if (!set.Ok()) return Fail(db, Cat({"migration ", m.name, " failed"}));
        current = m.version;
      }
      PgResult commit(PQexec(db, "COMMIT"));
      if (!commit.Ok()) return Fail(db, "cannot commit the migration");
      return current;
    });
  }

  Result<PatientRevision> Latest(std::string_view id) override {
    return With<PatientRevision>([id](PGconn* db) -> Result<PatientRevision> {
      PgResult q = Query(db,
                         "SELECT r.patient_id, r.revision, r.action, r.author, r.reason, "
                         "r.created_at, r.format, r.document FROM patient p JOIN "
                         "patient_revision r ON r.patient_id = p.id AND r.revision = p.revision "
                         "WHERE p.id = $1",
                         {std::string(id)});
      if (!q.Ok()) return StorageError(db, "cannot read the patient");
      if (q.Rows() == 0) return NotFound();
      PatientRevision r = RevisionFrom(q, 0, true);
      if (r.action == "delete") {
        return Error{ErrorCode::kGone, "id",
                     Cat({"the patient was deleted at revision ", std::to_string(r.revision),
                          "; its history remains readable"})};
      }
      return r;
    });
  }

  Result<PatientRevision> AtRevision(std::string_view id, int64_t revision) override {
    return With<PatientRevision>([id, revision](PGconn* db) -> Result<PatientRevision> {
      PgResult q = Query(db,
                         "SELECT patient_id, revision, action, author, reason, created_at, "
                         "format, document FROM patient_revision WHERE patient_id = $1 AND "
                         "revision = $2",
                         {std::string(id), std::to_string(revision)});
      if (!q.Ok()) return StorageError(db, "cannot read the revision");
      if (q.Rows() == 0) {
        return Error{ErrorCode::kNotFound, "revision", "the patient has no such revision"};
      }
      return RevisionFrom(q, 0, true);
    });
  }

  Result<std::vector<PatientRevision>> History(std::string_view id) override {
    using Out = std::vector<PatientRevision>;
    return With<Out>([id](PGconn* db) -> Result<Out> {
      PgResult q = Query(db,
                         "SELECT patient_id, revision, action, author, reason, created_at, "
                         "format, NULL FROM patient_revision WHERE patient_id = $1 "
                         "ORDER BY revision",
                         {std::string(id)});
      if (!q.Ok()) return StorageError(db, "cannot read the history");
      if (q.Rows() == 0) return NotFound();
      Out out;
      for (int i = 0; i < q.Rows(); ++i) out.push_back(RevisionFrom(q, i, false));
      return out;
    });
  }

  Result<std::vector<PatientHead>> List(const PatientQuery& query) override {
    using Out = std::vector<PatientHead>;
    return With<Out>([&query](PGconn* db) -> Result<Out> {
      PgResult q = Query(db,
                         "SELECT id, revision, deleted, updated_at FROM patient "
                         "WHERE ($1 = '' OR strpos(id, $1) > 0) AND ($2 OR NOT deleted) "
                         "ORDER BY id LIMIT $3 OFFSET $4",
                         {query.id_contains, query.include_deleted ? "true" : "false",
                          std::to_string(query.limit), std::to_string(query.offset)});
      if (!q.Ok()) return StorageError(db, "cannot list patients");
      Out out;
      for (int i = 0; i < q.Rows(); ++i) {
        out.push_back({q.Text(i, 0), q.Int(i, 1), q.Bool(i, 2), q.Text(i, 3)});
      }
      return out;
    });
  }

  Result<User> AddUser(std::string_view name, Role role, std::string_view token_hash) override {
    return With<User>([&](PGconn* db) -> Result<User> {
      User user{std::string(name), role, NowTimestamp()};
      PgResult q =
          Query(db,
                "INSERT INTO api_user (name, role, token_hash, created_at) "
                "VALUES ($1, $2, $3, $4)",
                {user.name, std::string(RoleName(role)), std::string(token_hash), user.created_at});
      if (q.State() == "23505") {
        return Error{ErrorCode::kConflict, "name", "a user with this name exists"};
      }
      if (!q.Ok()) return StorageError(db, "cannot add the user");
      return user;
    });
  }

  Result<std::optional<User>> UserByTokenHash(std::string_view token_hash) override {
    using Out = std::optional<User>;
    return With<Out>([token_hash](PGconn* db) -> Result<Out> {
      PgResult q = Query(db, "SELECT name, role, created_at FROM api_user WHERE token_hash = $1",
                         {std::string(token_hash)});
      if (!q.Ok()) return StorageError(db, "cannot read users");
      if (q.Rows() == 0) return Out();
      return Out(User{q.Text(0, 0), ParseRole(q.Text(0, 1)).value_or(Role::kViewer), q.Text(0, 2)});
    });
  }

  Result<std::vector<User>> Users() override {
    using Out = std::vector<User>;
    return With<Out>([](PGconn* db) -> Result<Out> {
      PgResult q = Query(db, "SELECT name, role, created_at FROM api_user ORDER BY name", {});
      if (!q.Ok()) return StorageError(db, "cannot read users");
      Out out;
      for (int i = 0; i < q.Rows(); ++i) {
        out.push_back(
            {q.Text(i, 0), ParseRole(q.Text(i, 1)).value_or(Role::kViewer), q.Text(i, 2)});
      }
      return out;
    });
  }

  // Like SQLite's audit connection: the line of a read is committed without waiting for the
  // WAL flush (synchronous_commit off for this transaction only), so it survives a crash of
  // oncnav but a crash of PostgreSQL itself can lose the newest lines. Audit lines of changes
  // are written in the change's own, fully synchronous, transaction.
  Result<int64_t> Audit(const AuditEntry& e) override {
    return With<int64_t>([&e](PGconn* db) -> Result<int64_t> {
      PgResult begin(PQexec(db, "BEGIN; SET LOCAL synchronous_commit TO off"));
      if (!begin.Ok()) return Fail(db, "cannot start a transaction");
      PgResult q = InsertAudit(db, e.actor, e.patient_id, e.action, e.outcome, NowTimestamp());
      if (!q.Ok() || q.Rows() != 1) return Fail(db, "cannot write the audit log");
      PgResult commit(PQexec(db, "COMMIT"));
      if (!commit.Ok()) return Fail(db, "cannot commit the audit log");
      return q.Int(0, 0);
    });
  }

  Result<std::vector<AuditEntry>> AuditLog(const AuditQuery& query) override {
    using Out = std::vector<AuditEntry>;
    return With<Out>([&query](PGconn* db) -> Result<Out> {
      PgResult q = Query(db,
                         "SELECT seq, at, actor, patient_id, action, outcome FROM audit "
                         "WHERE seq > $1 AND ($2 = '' OR patient_id = $2) AND "
                         "($3 = '' OR actor = $3) ORDER BY seq LIMIT $4",
                         {std::to_string(query.after_seq), query.patient_id, query.actor,
                          std::to_string(query.limit)});
      if (!q.Ok()) return StorageError(db, "cannot read the audit log");
      Out out;
      for (int i = 0; i < q.Rows(); ++i) {
        out.push_back({q.Int(i, 0), q.Text(i, 1), q.Text(i, 2), q.Text(i, 3), q.Text(i, 4),
                       static_cast<int>(q.Int(i, 5))});
      }
      return out;
    });
  }

  Result<int64_t> AddCdsFeedback(const std::vector<CdsFeedbackEntry>& entries) override {
    return With<int64_t>([&entries](PGconn* db) -> Result<int64_t> {
      PgResult begin(PQexec(db, "BEGIN"));
      if (!begin.Ok()) return StorageError(db, "cannot start a transaction");
      std::string now = NowTimestamp();
      int64_t last = 0;
      for (const auto& e : entries) {
        PgResult q = Query(db,
                           "INSERT INTO cds_feedback (received_at, client, service, card, "
                           "outcome, outcome_at, detail) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                           "RETURNING seq",
                           {now, e.client, e.service, e.card, e.outcome, e.outcome_at, e.detail});
        if (!q.Ok() || q.Rows() != 1) return Fail(db, "cannot store the feedback");
        last = q.Int(0, 0);
      }
      PgResult commit(PQexec(db, "COMMIT"));
      if (!commit.Ok()) return Fail(db, "cannot commit the feedback");
      return last;
    });
  }

  Result<std::vector<CdsFeedbackEntry>> CdsFeedback(const CdsFeedbackQuery& query) override {
    using Out = std::vector<CdsFeedbackEntry>;
    return With<Out>([&query](PGconn* db) -> Result<Out> {
      PgResult q =
          Query(db,
                "SELECT seq, received_at, client, service, card, outcome, outcome_at, "
                "detail FROM cds_feedback WHERE seq > $1 AND ($2 = '' OR card = $2) "
                "ORDER BY seq LIMIT $3",
                {std::to_string(query.after_seq), query.card, std::to_string(query.limit)});
      if (!q.Ok()) return StorageError(db, "cannot read the feedback");
      Out out;
      for (int i = 0; i < q.Rows(); ++i) {
        out.push_back({q.Int(i, 0), q.Text(i, 1), q.Text(i, 2), q.Text(i, 3), q.Text(i, 4),
                       q.Text(i, 5), q.Text(i, 6), q.Text(i, 7)});
      }
      return out;
    });
  }

  Result<bool> RememberJwtId(std::string_view issuer, std::string_view jti, int64_t expires_at,
                             int64_t now) override {
    return With<bool>([&](PGconn* db) -> Result<bool> {
      PgResult forget =
          Query(db, "DELETE FROM cds_jwt_seen WHERE expires_at < $1", {std::to_string(now)});
      if (!forget.Ok()) return StorageError(db, "cannot read the JWT ids");
      PgResult q =
          Query(db, "INSERT INTO cds_jwt_seen (issuer, jti, expires_at) VALUES ($1, $2, $3)",
                {std::string(issuer), std::string(jti), std::to_string(expires_at)});
      if (q.State() == "23505") {
        return Error{ErrorCode::kCdsUnauthorized, "jti", "this token was used before (a replay)"};
      }
      if (!q.Ok()) return StorageError(db, "cannot record the JWT id");
      return true;
    });
  }

 private:
  Result<PGconn*> Acquire() {
    {
      std::lock_guard lock(mutex_);
      if (!free_.empty()) {
        PGconn* c = free_.back();
        free_.pop_back();
        return c;
      }
    }
    PGconn* c = PQconnectdb(url_.c_str());
    if (PQstatus(c) != CONNECTION_OK) {
      Error e = StorageError(c, "cannot connect to PostgreSQL");
      PQfinish(c);
      return e;
    }
    PgResult quiet(PQexec(c, "SET client_min_messages = warning"));
    std::lock_guard lock(mutex_);
    all_.push_back(c);
    return c;
  }

  void Release(PGconn* c) {
    // A connection broken by a server restart is dropped, not reused.
    std::lock_guard lock(mutex_);
    if (PQstatus(c) == CONNECTION_OK && PQtransactionStatus(c) == PQTRANS_IDLE) {
      free_.push_back(c);
    } else {
      std::erase(all_, c);
      PQfinish(c);
    }
  }

  template <typename T, typename Fn>
  Result<T> With(Fn fn) {
    auto c = Acquire();
    if (!c) return c.errors();
    Result<T> out = fn(*c);
    Release(*c);
    return out;
  }

  static Error Fail(PGconn* db, std::string_view what) {
    Error e = StorageError(db, what);
    PgResult rollback(PQexec(db, "ROLLBACK"));
    return e;
  }

  static Result<int> ReadVersion(PGconn* db) {
    PgResult exists(PQexec(db, "SELECT to_regclass('oncnav_schema') IS NOT NULL"));
    if (!exists.Ok()) return StorageError(db, "cannot read the schema version");
    if (!exists.Bool(0, 0)) return 0;
    PgResult q(PQexec(db, "SELECT version FROM oncnav_schema"));
    if (!q.Ok() || q.Rows() != 1) return StorageError(db, "cannot read the schema version");
    return static_cast<int>(q.Int(0, 0));
  }

  static PatientRevision RevisionFrom(const PgResult& q, int row, bool with_document) {
    PatientRevision r;
    r.patient_id = q.Text(row, 0);
    r.revision = q.Int(row, 1);
    r.action = q.Text(row, 2);
    r.author = q.Text(row, 3);
    r.reason = q.Text(row, 4);
    r.created_at = q.Text(row, 5);
    r.format = q.Text(row, 6);
    if (with_document) r.document = q.Text(row, 7);
    return r;
  }

  static PgResult InsertAudit(PGconn* db, const std::string& actor, const std::string& patient,
                              std::string_view action, int outcome, const std::string& at) {
    return Query(db,
                 "INSERT INTO audit (at, actor, patient_id, action, outcome) "
                 "VALUES ($1, $2, $3, $4, $5) RETURNING seq",
                 {at, actor, patient, std::string(action), std::to_string(outcome)});
  }

  // One transaction: lock the head row, check the revision, write head, revision and audit.
  Result<PatientRevision> Write(const PatientChange& change, std::string_view action,
                                std::optional<int64_t> expected) override {
    return With<PatientRevision>([&](PGconn* db) -> Result<PatientRevision> {
      PgResult begin(PQexec(db, "BEGIN"));
      if (!begin.Ok()) return StorageError(db, "cannot start a transaction");
      auto result = WriteInTransaction(db, change, action, expected);
      if (!result) {
        PgResult rollback(PQexec(db, "ROLLBACK"));
        return result;
      }
      PgResult commit(PQexec(db, "COMMIT"));
      if (!commit.Ok()) return Fail(db, "cannot commit");
      return result;
    });
  }

  static Result<PatientRevision> WriteInTransaction(PGconn* db, const PatientChange& change,
                                                    std::string_view action,
                                                    std::optional<int64_t> expected) {
    PgResult head = Query(db, "SELECT revision, deleted FROM patient WHERE id = $1 FOR UPDATE",
                          {change.patient_id});
    if (!head.Ok()) return StorageError(db, "cannot read the patient");
    bool exists = head.Rows() == 1;
    int64_t current = exists ? head.Int(0, 0) : 0;
    bool deleted = exists && head.Bool(0, 1);
    if (!expected && exists) {
      return Error{ErrorCode::kConflict, "id",
                   deleted ? "a deleted patient has this id: restore it with PUT and If-Match"
                           : "a patient with this id exists: change it with PUT and If-Match"};
    }
    if (expected && !exists) return NotFound();
    if (expected && *expected != current) {
      return Error{ErrorCode::kConflict, "If-Match",
                   Cat({"the patient is at revision ", std::to_string(current), ", not ",
                        std::to_string(*expected), ": read it again and reapply the change"})};
    }
    if (action == "delete" && deleted) {
      return Error{ErrorCode::kGone, "id", "the patient is already deleted"};
    }
    bool deleting = action == "delete";
    PatientRevision r;
    r.patient_id = change.patient_id;
    r.revision = current + 1;
    r.action = std::string(action);
    r.author = change.author;
    r.reason = change.reason;
    r.created_at = NowTimestamp();
    if (!deleting) {
      r.format = change.format;
      r.document = change.document;
    }
    PgResult upsert = Query(
        db,
        "INSERT INTO patient (id, revision, deleted, updated_at) "
        "VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET "
        "revision = $2, deleted = $3, updated_at = $4",
        {r.patient_id, std::to_string(r.revision), deleting ? "true" : "false", r.created_at});
    if (upsert.State() == "23505") {
      return Error{ErrorCode::kConflict, "id", "a patient with this id was just created"};
    }
    if (!upsert.Ok()) return StorageError(db, "cannot write the patient");
    PgResult insert =
        Query(db,
              "INSERT INTO patient_revision (patient_id, revision, action, author, "
              "reason, created_at, format, document) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
              {r.patient_id, std::to_string(r.revision), r.action, r.author, r.reason, r.created_at,
               r.format, deleting ? std::nullopt : std::optional<std::string>(r.document)});
    if (insert.State() == "23505") {
      return Error{ErrorCode::kConflict, "id", "a patient with this id was just created"};
    }
    if (!insert.Ok()) return StorageError(db, "cannot write the revision");
    PgResult audit = InsertAudit(db, change.author, change.patient_id, action,
                                 action == "create" ? 201 : 200, r.created_at);
    if (!audit.Ok()) return StorageError(db, "cannot write the audit log");
    return r;
  }

  std::string url_;
  std::mutex mutex_;
  std::vector<PGconn*> all_;
  std::vector<PGconn*> free_;
};

}  // namespace

Result<std::unique_ptr<PatientStore>> OpenPostgresStore(const std::string& url) {
  auto store = std::make_unique<PostgresStore>(url);
  auto ok = store->Init();
  if (!ok) return ok.errors();
  return std::unique_ptr<PatientStore>(std::move(store));
}

}  // namespace oncnav::storage
