#include <filesystem>

#include "oncnav/common/text.h"
#include "oncnav/storage/patient_store.h"
#include "oncnav/storage/postgres_store.h"
#include "oncnav/storage/sqlite_store.h"

namespace oncnav::storage {

Result<std::unique_ptr<PatientStore>> OpenStore(const StoreLocation& location, bool create) {
  const std::string& url = location.database;
  if (url.empty() || url == "sqlite") {
    return OpenSqliteStore((std::filesystem::path(location.data_dir) / "oncnav.db").string(),
                           create);
  }
  if (url.rfind("sqlite:", 0) == 0) return OpenSqliteStore(url.substr(7), create);
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return OpenPostgresStore(url);
  }
  return Error{ErrorCode::kInvalidValue, "database",
               "must be empty, \"sqlite\", \"sqlite:PATH\" or a postgresql:// URL"};
}

}  // namespace oncnav::storage
