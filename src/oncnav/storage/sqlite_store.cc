#include "oncnav/storage/sqlite_store.h"

#include <sqlite3.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <utility>

#include "oncnav/common/text.h"
#include "oncnav/storage/migrations.h"

namespace oncnav::storage {
namespace {

Error StorageError(sqlite3* db, std::string_view what) {
  return Error{ErrorCode::kStorage, "database", Cat({what, ": ", sqlite3_errmsg(db)})};
}

// A prepared statement; binds by position (1-based) and steps.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool prepared() const { return rc_ == SQLITE_OK; }
  Statement& Bind(int i, std::string_view text) {
    // The bound text outlives the statement's use, so SQLite need not copy it (SQLITE_STATIC).
    sqlite3_bind_text(stmt_, i, text.data() ? text.data() : "", static_cast<int>(text.size()),
                      nullptr);
    return *this;
  }
  Statement& Bind(int i, int64_t value) {
    sqlite3_bind_int64(stmt_, i, value);
    return *this;
  }
  Statement& BindNull(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return prepared() ? sqlite3_step(stmt_) : rc_; }
  std::string Text(int col) const {
    auto p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
};

bool Exec(sqlite3* db, const char* sql) {
  return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

// Connections are not shared between threads: each call leases one from the pool.
class ConnectionPool {
 public:
  explicit ConnectionPool(std::string path) : path_(std::move(path)) {}
  ~ConnectionPool() {
    for (sqlite3* db : all_) sqlite3_close_v2(db);
  }

  // `durable`: synchronous=FULL, else NORMAL (see SqliteStore::Audit).
  Result<sqlite3*> Open(bool create, bool durable = true) {
    sqlite3* db = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path_.c_str(), &db, flags, nullptr) != SQLITE_OK) {
      Error e = create ? StorageError(db, Cat({"cannot open ", path_}))
                       : Error{ErrorCode::kNotFound, "database",
                               Cat({"no database at ", path_,
                                    ": create it with `oncnav db upgrade` (same configuration)"})};
      sqlite3_close_v2(db);
      return e;
    }
    sqlite3_busy_timeout(db, 10000);
    // WAL: readers proceed while one writer commits. FULL: the WAL is synced at every commit,
    // so an acknowledged change survives a crash of the process or of the machine.
    if (!Exec(db, "PRAGMA journal_mode=WAL") ||
        !Exec(db, durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL") ||
        !Exec(db, "PRAGMA foreign_keys=ON")) {
      Error e = StorageError(db, Cat({"cannot use ", path_, " as a database"}));
      sqlite3_close_v2(db);
      return e;
    }
    std::lock_guard lock(mutex_);
    all_.push_back(db);
    return db;
  }

  class Lease {
   public:
    Lease(ConnectionPool& pool, sqlite3* db) : pool_(pool), db_(db) {}
    ~Lease() { pool_.Release(db_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    sqlite3* get() const { return db_; }

   private:
    ConnectionPool& pool_;
    sqlite3* db_;
  };

  // A free connection, or a new one (the pool grows to the number of concurrent callers).
  Result<sqlite3*> Acquire() {
    {
      std::lock_guard lock(mutex_);
      if (!free_.empty()) {
        sqlite3* db = free_.back();
        free_.pop_back();
        return db;
      }
    }
    return Open(false);
  }

  void Release(sqlite3* db) {
    std::lock_guard lock(mutex_);
    free_.push_back(db);
  }

 private:
  std::string path_;
  std::mutex mutex_;
  std::vector<sqlite3*> all_;
  std::vector<sqlite3*> free_;
};

class SqliteStore final : public PatientStore {
 public:
  explicit SqliteStore(std::string path) : pool_(std::move(path)) {}

  Result<bool> Init(bool create) {
    auto db = pool_.Open(create);
    if (!db) return db.errors();
    pool_.Release(*db);
    return true;
  }

  std::string_view Backend() const override { return "sqlite"; }

  Result<int> SchemaVersion() override {
    auto lease = Lease();
    if (!lease) return lease.errors();
    return ReadVersion((*lease)->get());
  }

  Result<int> Upgrade() override {
    std::lock_guard write(write_mutex_);
    auto lease = Lease();
    if (!lease) return lease.errors();
    sqlite3* db = (*lease)->get();
    auto version = ReadVersion(db);
    if (!version) return version;
    int current = *version;
    if (current > RequiredSchemaVersion("sqlite")) {
      return Error{ErrorCode::kSchemaMismatch, "database",
                   Cat({"the database has schema version ", std::to_string(current),
                        ", newer than this build knows"})};
    }
    for (const auto& m : MigrationsFor("sqlite")) {
      if (m.version <= current) continue;
      std::string sql(m.sql);
      if (!Exec(db, "BEGIN IMMEDIATE")) return StorageError(db, "cannot start a transaction");
      if (!Exec(db, sql.c_str())) {
        Error e = StorageError(db, Cat({"migration ", m.name, " failed"}));
        Exec(db, "ROLLBACK");
        return e;
      }
      Statement set(db, "UPDATE oncnav_schema SET version = ?");
      set.Bind(1, static_cast<int64_t>(m.version));
      if (set.Step() != SQLITE_DONE || !Exec(db, "COMMIT")) {
        Error e = StorageError(db, Cat({"migration ", m.name, " failed"}));
        Exec(db, "ROLLBACK");
        return e;
      }
      current = m.version;
    }
    return current;
  }

  Result<PatientRevision> Latest(std::string_view id) override {
    auto lease = Lease();
    if (!lease) return lease.errors();
    sqlite3* db = (*lease)->get();
    // One statement, so the head and its revision are read from the same snapshot.
    Statement q(db,
                "SELECT r.patient_id, r.revision, r.action, r.author, r.reason, r.created_at, "
                "r.format, r.document FROM patient p JOIN patient_revision r "
                "ON r.patient_id = p.id AND r.revision = p.revision WHERE p.id = ?");
    q.Bind(1, id);
    int rc = q.Step();
    if (rc == SQLITE_DONE) return NotFound(id);
    if (rc != SQLITE_ROW) return StorageError(db, "cannot read the patient");
    PatientRevision r = RevisionFrom(q, true);
    if (r.action == "delete") {
      return Error{ErrorCode::kGone, "id",
                   Cat({"the patient was deleted at revision ", std::to_string(r.revision),
                        "; its history remains readable"})};
    }
    return r;
  }

  Result<PatientRevision> AtRevision(std::string_view id, int64_t revision) override {
    auto lease = Lease();
    if (!lease) return lease.errors();
    sqlite3* db = (*lease)->get();
    Statement q(db,
                "SELECT patient_id, revision, action, author, reason, created_at, format, "
                "document FROM patient_revision WHERE patient_id = ? AND revision = ?");
    q.Bind(1, id).Bind(2, revision);
    int rc = q.Step();
    if (rc == SQLITE_DONE) {
      return Error{ErrorCode::kNotFound, "revision", "the patient has no such revision"};
    }
    if (rc != SQLITE_ROW) return StorageError(db, "cannot read the revision");
    return RevisionFrom(q, true);
  }

  Result<std::vector<PatientRevision>> History(std::string_view id) override {
    auto lease = Lease();
    if (!lease) return lease.errors();
    sqlite3* db = (*lease)->get();
    Statement q(db,
                "SELECT patient_id, revision, action, author, reason, created_at, format, NULL "
                "FROM patient_revision WHERE patient_id = ? ORDER BY revision");
    q.Bind(1, id);
    std::vector<PatientRevision> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) out.push_back(RevisionFrom(q, false));
    if (rc != SQLITE_DONE) return StorageError(db, "cannot read the history");
    if (out.empty()) return NotFound(id);
    return out;
  }

  Result<std::vector<PatientHead>> List(const PatientQuery& query) override {
    auto lease = Lease();
    if (!lease) return lease.errors();
    sqlite3* db = (*lease)->get();
    Statement q(db,
                "SELECT id, revision, deleted, updated_at FROM patient "
                "WHERE (?1 = '' OR instr(id, ?1) > 0) AND (?2 = 1 OR deleted = 0) "
                "ORDER BY id LIMIT ?3 OFFSET ?4");
    q.Bind(1, query.id_contains)
        .Bind(2, int64_t{query.include_deleted ? 1 : 0})
        .Bind(3, int64_t{query.limit})
        .Bind(4, int64_t{query.offset});
    std::vector<PatientHead> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      out.push_back({q.Text(0), q.Int(1), q.Int(2) != 0, q.Text(3)});
    }
    if (rc != SQLITE_DONE) return StorageError(db, "cannot list patients");
    return out;
  }

  Result<User> AddUser(std::string_view name, Role role, std::string_view token_hash) override {
    std::lock_guard write(write_mutex_);
    auto lease = Lease();
    if (!lease) return lease.errors();
    sqlite3* db = (*lease)->get();
    User user{std::string(name), role, NowTimestamp()};
    Statement q(db, "INSERT INTO api_user (name, role, token_hash, created_at) VALUES (?,?,?,?)");
    q.Bind(1, name).Bind(2, RoleName(role)).Bind(3, token_hash).Bind(4, user.created_at);
    int rc = q.Step();
    if (rc == SQLITE_CONSTRAINT) {
      return Error{ErrorCode::kConflict, "name", "a user with this name exists"};
    }
    if (rc != SQLITE_DONE) return StorageError(db, "cannot add the user");
    return user;
  }

  Result<std::optional<User>> UserByTokenHash(std::string_view token_hash) override {
    auto lease = Lease();
    if (!lease) return lease.errors();
    sqlite3* db = (*lease)->get();
    Statement q(db, "SELECT name, role, created_at FROM api_user WHERE token_hash = ?");
    q.Bind(1, token_hash);
    int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<User>();
    if (rc != SQLITE_ROW) return StorageError(db, "cannot read users");
    return std::optional<User>(
        User{q.Text(0), ParseRole(q.Text(1)).value_or(Role::kViewer), q.Text(2)});
  }

  Result<std::vector<User>> Users() override {
    auto lease = Lease();
    if (!lease) return lease.errors();
    sqlite3* db = (*lease)->get();
    Statement q(db, "SELECT name, role, created_at FROM api_user ORDER BY name");
    std::vector<User> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      out.push_back({q.Text(0), ParseRole(q.Text(1)).value_or(Role::kViewer), q.Text(2)});
    }
    if (rc != SQLITE_DONE) return StorageError(db, "cannot read users");
    return out;
  }

  // Audit lines of reads and refusals go through one connection with synchronous=NORMAL: in WAL
  // mode a commit then survives a crash of the process (the test kills it) but is not synced to
  // the disk each time, so an audited read costs no fsync. A power cut can lose the last lines;
  // audit lines of changes are written in the change's own (FULL) transaction.
  Result<int64_t> Audit(const AuditEntry& entry) override {
    std::lock_guard write(write_mutex_);
    auto opened = AuditConnection();
    if (!opened) return opened.errors();
    sqlite3* db = *opened;
    if (!InsertAudit(db, entry.actor, entry.patient_id, entry.action, entry.outcome,
                     NowTimestamp())) {
      return StorageError(db, "cannot write the audit log");
    }
    return sqlite3_last_insert_rowid(db);
  }

  Result<std::vector<AuditEntry>> AuditLog(const AuditQuery& query) override {
    auto lease = Lease();
    if (!lease) return lease.errors();
    sqlite3* db = (*lease)->get();
    Statement q(db,
                "SELECT seq, at, actor, patient_id, action, outcome FROM audit "
                "WHERE seq > ?1 AND (?2 = '' OR patient_id = ?2) AND (?3 = '' OR actor = ?3) "
                "ORDER BY seq LIMIT ?4");
    q.Bind(1, query.after_seq)
        .Bind(2, query.patient_id)
        .Bind(3, query.actor)
        .Bind(4, int64_t{query.limit});
    std::vector<AuditEntry> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      out.push_back(
          {q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), static_cast<int>(q.Int(5))});
    }
    if (rc != SQLITE_DONE) return StorageError(db, "cannot read the audit log");
    return out;
  }

  // Feedback is kept durably (FULL), like a patient change.
  Result<int64_t> AddCdsFeedback(const std::vector<CdsFeedbackEntry>& entries) override {
    std::lock_guard write(write_mutex_);
    auto lease = Lease();
    if (!lease) return lease.errors();
    sqlite3* db = (*lease)->get();
    if (!Exec(db, "BEGIN IMMEDIATE")) return StorageError(db, "cannot start a transaction");
    std::string now = NowTimestamp();
    for (const auto& e : entries) {
      Statement q(db,
                  "INSERT INTO cds_feedback (received_at, client, service, card, outcome, "
                  "outcome_at, detail) VALUES (?,?,?,?,?,?,?)");
      q.Bind(1, now)
          .Bind(2, e.client)
          .Bind(3, e.service)
          .Bind(4, e.card)
          .Bind(5, e.outcome)
          .Bind(6, e.outcome_at)
          .Bind(7, e.detail);
      if (q.Step() != SQLITE_DONE) {
        Error failed = StorageError(db, "cannot store the feedback");
        Exec(db, "ROLLBACK");
        return failed;
      }
    }
    int64_t last = sqlite3_last_insert_rowid(db);
    if (!Exec(db, "COMMIT")) {
      Error failed = StorageError(db, "cannot commit the feedback");
      Exec(db, "ROLLBACK");
      return failed;
    }
    return last;
  }

  Result<std::vector<CdsFeedbackEntry>> CdsFeedback(const CdsFeedbackQuery& query) override {
    auto lease = Lease();
    if (!lease) return lease.errors();
    sqlite3* db = (*lease)->get();
    Statement q(db,
                "SELECT seq, received_at, client, service, card, outcome, outcome_at, detail "
                "FROM cds_feedback WHERE seq > ?1 AND (?2 = '' OR card = ?2) ORDER BY seq "
                "LIMIT ?3");
    q.Bind(1, query.after_seq).Bind(2, query.card).Bind(3, int64_t{query.limit});
    std::vector<CdsFeedbackEntry> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      out.push_back(
          {q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Text(5), q.Text(6), q.Text(7)});
    }
    if (rc != SQLITE_DONE) return StorageError(db, "cannot read the feedback");
    return out;
  }

  // On the audit connection: a process crash keeps the id; a power cut may lose the newest
  // ids, which the short lifetime of the tokens (exp) bounds.
  Result<bool> RememberJwtId(std::string_view issuer, std::string_view jti, int64_t expires_at,
                             int64_t now) override {
    std::lock_guard write(write_mutex_);
    auto opened = AuditConnection();
    if (!opened) return opened.errors();
    sqlite3* db = *opened;
    Statement forget(db, "DELETE FROM cds_jwt_seen WHERE expires_at < ?");
    forget.Bind(1, now);
    if (forget.Step() != SQLITE_DONE) return StorageError(db, "cannot read the JWT ids");
    Statement q(db, "INSERT INTO cds_jwt_seen (issuer, jti, expires_at) VALUES (?,?,?)");
    q.Bind(1, issuer).Bind(2, jti).Bind(3, expires_at);
    int rc = q.Step();
    if (rc == SQLITE_CONSTRAINT) {
      return Error{ErrorCode::kCdsUnauthorized, "jti", "this token was used before (a replay)"};
    }
    if (rc != SQLITE_DONE) return StorageError(db, "cannot record the JWT id");
    return true;
  }

 private:
  // The connection for audit lines and JWT ids (synchronous=NORMAL, see Audit); callers hold
  // write_mutex_.
  Result<sqlite3*> AuditConnection() {
    if (!audit_db_) {
      auto opened = pool_.Open(false, false);
      if (!opened) return opened.errors();
      audit_db_ = *opened;
    }
    return audit_db_;
  }

  Result<std::unique_ptr<ConnectionPool::Lease>> Lease() {
    auto db = pool_.Acquire();
    if (!db) return db.errors();
    return std::make_unique<ConnectionPool::Lease>(pool_, *db);
  }

  static Result<int> ReadVersion(sqlite3* db) {
    Statement exists(db,
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                     "name = 'oncnav_schema'");
    if (exists.Step() != SQLITE_ROW) return StorageError(db, "cannot read the schema version");
    if (exists.Int(0) == 0) return 0;
    Statement q(db, "SELECT version FROM oncnav_schema");
    if (q.Step() != SQLITE_ROW) return StorageError(db, "cannot read the schema version");
    return static_cast<int>(q.Int(0));
  }

  static Error NotFound(std::string_view) {
    return Error{ErrorCode::kNotFound, "id", "no patient has this id"};
  }

  static PatientRevision RevisionFrom(const Statement& q, bool with_document) {
    PatientRevision r;
    r.patient_id = q.Text(0);
    r.revision = q.Int(1);
    r.action = q.Text(2);
    r.author = q.Text(3);
    r.reason = q.Text(4);
    r.created_at = q.Text(5);
    r.format = q.Text(6);
    if (with_document) r.document = q.Text(7);
    return r;
  }

  static bool InsertAudit(sqlite3* db, std::string_view actor, std::string_view patient,
                          std::string_view action, int outcome, std::string_view at) {
    Statement q(db,
                "INSERT INTO audit (at, actor, patient_id, action, outcome) VALUES (?,?,?,?,?)");
    q.Bind(1, at).Bind(2, actor).Bind(3, patient).Bind(4, action).Bind(5, int64_t{outcome});
    return q.Step() == SQLITE_DONE;
  }

  // Create, update or delete as one transaction: check the head, write the head, the revision
  // and the audit line, commit. Any failure rolls everything back.
  Result<PatientRevision> Write(const PatientChange& change, std::string_view action,
                                std::optional<int64_t> expected) override {
    std::lock_guard write(write_mutex_);
    auto lease = Lease();
    if (!lease) return lease.errors();
    sqlite3* db = (*lease)->get();
    if (!Exec(db, "BEGIN IMMEDIATE")) return StorageError(db, "cannot start a transaction");
    auto result = WriteInTransaction(db, change, action, expected);
    if (!result || !Exec(db, "COMMIT")) {
      Result<PatientRevision> failed =
          result ? Result<PatientRevision>(StorageError(db, "cannot commit")) : result;
      Exec(db, "ROLLBACK");
      return failed;
    }
    return result;
  }

  Result<PatientRevision> WriteInTransaction(sqlite3* db, const PatientChange& change,
                                             std::string_view action,
                                             std::optional<int64_t> expected) {
    Statement head(db, "SELECT revision, deleted FROM patient WHERE id = ?");
    head.Bind(1, change.patient_id);
    int rc = head.Step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return StorageError(db, "cannot read the patient");
    bool exists = rc == SQLITE_ROW;
    int64_t current = exists ? head.Int(0) : 0;
    bool deleted = exists && head.Int(1) != 0;
    if (!expected && exists) {
      return Error{ErrorCode::kConflict, "id",
                   deleted ? "a deleted patient has this id: restore it with PUT and If-Match"
                           : "a patient with this id exists: change it with PUT and If-Match"};
    }
    if (expected && !exists) return NotFound(change.patient_id);
    if (expected && *expected != current) {
      return Error{ErrorCode::kConflict, "If-Match",
                   Cat({"the patient is at revision ", std::to_string(current), ", not ",
                        std::to_string(*expected), ": read it again and reapply the change"})};
    }
    if (action == "delete" && deleted) {
      return Error{ErrorCode::kGone, "id", "the patient is already deleted"};
    }
    PatientRevision r;
    r.patient_id = change.patient_id;
    r.revision = current + 1;
    r.action = std::string(action);
    r.author = change.author;
    r.reason = change.reason;
    r.created_at = NowTimestamp();
    bool deleting = action == "delete";
    if (!deleting) {
      r.format = change.format;
      r.document = change.document;
    }
    Statement upsert(db,
                     "INSERT INTO patient (id, revision, deleted, updated_at) VALUES (?1,?2,?3,?4) "
                     "ON CONFLICT (id) DO UPDATE SET revision = ?2, deleted = ?3, updated_at = ?4");
    upsert.Bind(1, r.patient_id)
        .Bind(2, r.revision)
        .Bind(3, int64_t{deleting ? 1 : 0})
        .Bind(4, r.created_at);
    if (upsert.Step() != SQLITE_DONE) return StorageError(db, "cannot write the patient");
    Statement insert(db,
                     "INSERT INTO patient_revision (patient_id, revision, action, author, reason, "
                     "created_at, format, document) VALUES (?,?,?,?,?,?,?,?)");
    insert.Bind(1, r.patient_id)
        .Bind(2, r.revision)
        .Bind(3, r.action)
        .Bind(4, r.author)
        .Bind(5, r.reason)
        .Bind(6, r.created_at)
        .Bind(7, r.format);
    if (deleting)
      insert.BindNull(8);
    else
      insert.Bind(8, r.document);
    if (insert.Step() != SQLITE_DONE) return StorageError(db, "cannot write the revision");
    if (!InsertAudit(db, change.author, change.patient_id, action, action == "create" ? 201 : 200,
                     r.created_at)) {
      return StorageError(db, "cannot write the audit log");
    }
    return r;
  }

  ConnectionPool pool_;
  sqlite3* audit_db_ = nullptr;  // owned by pool_ (closed with it), used under write_mutex_
  std::mutex write_mutex_;  // one writer at a time in this process (others wait on busy_timeout)
};

}  // namespace

Result<std::unique_ptr<PatientStore>> OpenSqliteStore(const std::string& path, bool create) {
  if (create) {
    std::error_code ec;
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) {
      return Error{ErrorCode::kFileNotWritable, "data_dir",
                   Cat({"cannot create ", parent.string(), ": ", ec.message()})};
    }
  }
  auto store = std::make_unique<SqliteStore>(path);
  auto ok = store->Init(create);
  if (!ok) return ok.errors();
  return std::unique_ptr<PatientStore>(std::move(store));
}

}  // namespace oncnav::storage
