#pragma once

#include <memory>
#include <string>

#include "oncnav/storage/patient_store.h"

namespace oncnav::storage {

// The embedded default: one SQLite file in WAL mode (readers never wait for the writer), a
// busy timeout, synchronous=FULL (a change is on disk before it is acknowledged), foreign
// keys on. Writes are serialised in the process and each is one BEGIN IMMEDIATE transaction.
Result<std::unique_ptr<PatientStore>> OpenSqliteStore(const std::string& path, bool create);

}  // namespace oncnav::storage
