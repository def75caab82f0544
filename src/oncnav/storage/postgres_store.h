#pragma once

#include <memory>
#include <string>

#include "oncnav/storage/patient_store.h"

namespace oncnav::storage {

// PostgreSQL through libpq, for many users and several server processes; `url` is a libpq
// connection URI. Same contract as the SQLite store.
Result<std::unique_ptr<PatientStore>> OpenPostgresStore(const std::string& url);

}  // namespace oncnav::storage
