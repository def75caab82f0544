#include "oncnav/storage/postgres_store.h"

namespace oncnav::storage {

// Not yet implemented: the interface is ready for it (issue 5, item 1).
Result<std::unique_ptr<PatientStore>> OpenPostgresStore(const std::string&) {
  return Error{ErrorCode::kInvalidValue, "database",
               "the PostgreSQL store is not available in this build yet; use SQLite"};
}

}  // namespace oncnav::storage
