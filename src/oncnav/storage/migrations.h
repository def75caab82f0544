#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oncnav::storage {

// One numbered schema change (migrations/<backend>/NNN_name.sql). Applying migration N moves
// the schema from version N-1 to N; the runner records the version in oncnav_schema.
struct Migration {
  std::string_view backend;  // "sqlite" | "postgresql"
  int version;
  std::string_view name;
  std::string_view sql;
};

// Every migration embedded in this build, ordered by backend and version.
const std::vector<Migration>& EmbeddedMigrations();

// The migrations of one backend in version order (versions 1, 2, ... without gaps: a unit test
// checks it).
std::vector<Migration> MigrationsFor(std::string_view backend);

// The schema version this build needs for `backend` (its newest migration).
int RequiredSchemaVersion(std::string_view backend);

}  // namespace oncnav::storage
