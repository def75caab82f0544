#include "oncnav/storage/migrations.h"

#include <algorithm>

namespace oncnav::storage {

std::vector<Migration> MigrationsFor(std::string_view backend) {
  std::vector<Migration> out;
  for (const auto& m : EmbeddedMigrations()) {
    if (m.backend == backend) out.push_back(m);
  }
  std::sort(out.begin(), out.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return out;
}

int RequiredSchemaVersion(std::string_view backend) {
  auto all = MigrationsFor(backend);
  return all.empty() ? 0 : all.back().version;
}

}  // namespace oncnav::storage
