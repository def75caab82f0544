#include <chrono>
#include <cstdio>
#include <ctime>

#include "oncnav/common/text.h"
#include "oncnav/storage/migrations.h"
#include "oncnav/storage/patient_store.h"

namespace oncnav::storage {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kClinician:
      return "clinician";
    case Role::kViewer:
      return "viewer";
  }
  return "viewer";
}

std::optional<Role> ParseRole(std::string_view name) {
  if (name == "admin") return Role::kAdmin;
  if (name == "clinician") return Role::kClinician;
  if (name == "viewer") return Role::kViewer;
  return std::nullopt;
}

std::string NowTimestamp() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[96];  // sized for any int the format could print (-Wformat-truncation)
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms % 1000));
  return buf;
}

Result<int> CheckSchema(PatientStore& store) {
  auto version = store.SchemaVersion();
  if (!version) return version;
  int needed = RequiredSchemaVersion(store.Backend());
  if (*version == needed) return needed;
  std::string what =
      *version < needed
          ? Cat({"the database has schema version ", std::to_string(*version),
                 " and this build needs ", std::to_string(needed),
                 ": back it up, then run `oncnav db upgrade` with the same configuration"})
          : Cat({"the database has schema version ", std::to_string(*version),
                 ", newer than this build's ", std::to_string(needed),
                 ": run a newer oncnav (a schema is never downgraded)"});
  return Error{ErrorCode::kSchemaMismatch, "database", what};
}

}  // namespace oncnav::storage
