#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oncnav/common/result.h"

namespace oncnav::storage {

// One revision of a patient. Revisions are numbered 1, 2, ... per patient and never change once
// written; a deletion is a revision too (action "delete", no document).
struct PatientRevision {
  std::string patient_id;
  int64_t revision = 0;
  std::string action;  // create | update | delete
  std::string author;
  std::string reason;
  std::string created_at;  // UTC, ISO 8601 with milliseconds
  std::string format;      // oncnav | fhir ("" for a deletion)
  std::string document;    // the record as submitted ("" for a deletion, and in History)
};

// The newest state of a patient, as listed.
struct PatientHead {
  std::string id;
  int64_t revision = 0;
  bool deleted = false;
  std::string updated_at;
};

// A change to write. The store stamps the time and numbers the revision.
struct PatientChange {
  std::string patient_id;
  std::string author;
  std::string reason;
  std::string format;
  std::string document;
};

struct PatientQuery {
  std::string id_contains;  // "" lists every patient
  bool include_deleted = false;
  int limit = 100;
  int offset = 0;
};

enum class Role { kViewer, kClinician, kAdmin };
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

struct User {
  std::string name;
  Role role = Role::kViewer;
  std::string created_at;
};

// One line of the append-only audit log: who did what to which patient, when, with what outcome
// (the HTTP status answered).
struct AuditEntry {
  int64_t seq = 0;  // assigned by the store
  std::string at;   // assigned by the store
  std::string actor;
  std::string patient_id;
  std::string action;
  int outcome = 0;
};

// One entry of the feedback a CDS client sent about a card (schema 2), kept append-only.
struct CdsFeedbackEntry {
  int64_t seq = 0;          // assigned by the store
  std::string received_at;  // assigned by the store
  std::string client;       // the issuer of the client's JWT
  std::string service;      // the service id the card came from
  std::string card;         // the card's uuid
  std::string outcome;      // accepted | overridden
  std::string outcome_at;   // outcomeTimestamp, as sent
  std::string detail;       // the feedback entry as received (JSON text)
};

struct CdsFeedbackQuery {
  std::string card;  // "" = any
  int64_t after_seq = 0;
  int limit = 1000;
};

struct AuditQuery {
  std::string patient_id;  // "" = any
  std::string actor;       // "" = any
  int64_t after_seq = 0;
  int limit = 1000;
};

// The patient store. Every method is safe to call from many threads at once. Every write is
// one transaction: when a method returns a value the change is committed; when it returns an
// error nothing was written. Expected failures are errors from the catalogue: kNotFound,
// kGone, kConflict (revision mismatch or an existing id), kStorage (the database failed),
// kSchemaMismatch.
class PatientStore {
 public:
  virtual ~PatientStore() = default;

  virtual std::string_view Backend() const = 0;  // "sqlite" | "postgresql"

  // The version recorded in the database (0 when no migration was ever applied).
  virtual Result<int> SchemaVersion() = 0;
  // Applies every embedded migration newer than the database, each in its own transaction;
  // returns the resulting version. A database newer than this build is kSchemaMismatch.
  virtual Result<int> Upgrade() = 0;

  // Revision 1 of a new patient; kConflict when the id exists (even deleted). The audit line
  // (actor = author, action "create", outcome 201) is written in the same transaction.
  Result<PatientRevision> Create(const PatientChange& change) {
    return Write(change, "create", std::nullopt);
  }
  // A new revision when the newest is `expected_revision` (kConflict otherwise, naming the
  // current one). Updating a deleted patient restores it. Audited as "update", 200.
  Result<PatientRevision> Update(const PatientChange& change, int64_t expected_revision) {
    return Write(change, "update", expected_revision);
  }
  // Records a deletion revision (same rule for `expected_revision`); kGone when already
  // deleted. Audited as "delete", 200.
  Result<PatientRevision> Remove(const PatientChange& change, int64_t expected_revision) {
    return Write(change, "delete", expected_revision);
  }

  // The newest revision with its document; kNotFound, or kGone when the newest is a deletion.
  virtual Result<PatientRevision> Latest(std::string_view patient_id) = 0;
  // One revision with its document (a deletion has none); kNotFound when absent.
  virtual Result<PatientRevision> AtRevision(std::string_view patient_id, int64_t revision) = 0;
  // Every revision, oldest first, without documents; kNotFound for an unknown id.
  virtual Result<std::vector<PatientRevision>> History(std::string_view patient_id) = 0;
  virtual Result<std::vector<PatientHead>> List(const PatientQuery& query) = 0;

  // Users and their token hashes (the token itself is never given to the store).
  virtual Result<User> AddUser(std::string_view name, Role role, std::string_view token_hash) = 0;
  virtual Result<std::optional<User>> UserByTokenHash(std::string_view token_hash) = 0;
  virtual Result<std::vector<User>> Users() = 0;

  virtual Result<int64_t> Audit(const AuditEntry& entry) = 0;
  virtual Result<std::vector<AuditEntry>> AuditLog(const AuditQuery& query) = 0;

  // Stores the entries of one feedback request in one transaction (all or none); returns the
  // seq of the last one.
  virtual Result<int64_t> AddCdsFeedback(const std::vector<CdsFeedbackEntry>& entries) = 0;
  virtual Result<std::vector<CdsFeedbackEntry>> CdsFeedback(const CdsFeedbackQuery& query) = 0;
  // Remembers that a CDS client's JWT id was used, until `expires_at` (Unix seconds);
  // kCdsUnauthorized when the issuer already used this id (a replayed token). Ids that expired
  // before `now` are forgotten first.
  virtual Result<bool> RememberJwtId(std::string_view issuer, std::string_view jti,
                                     int64_t expires_at, int64_t now) = 0;

 protected:
  // Create, Update or Remove (`action`) as one transaction; `expected_revision` is nullopt
  // for a creation.
  virtual Result<PatientRevision> Write(const PatientChange& change, std::string_view action,
                                        std::optional<int64_t> expected_revision) = 0;
};

// Where the store lives: `database` is "" or "sqlite" (the file oncnav.db in `data_dir`),
// "sqlite:PATH", or a PostgreSQL URL ("postgresql://..." or "postgres://...").
struct StoreLocation {
  std::string data_dir = "data";
  std::string database;
};

// Opens the store. `create` lets SQLite create the data directory and an empty database file
// (for `oncnav db upgrade`); without it a missing database is kNotFound. Opening does not check
// the schema version: callers do (the server refuses a mismatch, see CheckSchema).
Result<std::unique_ptr<PatientStore>> OpenStore(const StoreLocation& location, bool create);

// kSchemaMismatch with a message naming both versions and what to run, unless the database has
// exactly the version this build needs.
Result<int> CheckSchema(PatientStore& store);

// The current time as the store records it: UTC, "2026-11-21T23:59:59.123Z".
std::string NowTimestamp();

}  // namespace oncnav::storage
