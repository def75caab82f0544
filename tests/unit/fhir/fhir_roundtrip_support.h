#pragma once

// Export then import: the comparison the round-trip tests share.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fhir_test_support.h"
#include "oncnav/fhir/export/bundle_export.h"
#include "oncnav/record/native_writer.h"

namespace oncnav::testing {

// The imported record in the same normal form FhirCarriedRecord gives (regimen order and ids,
// drug order, report source ids are the importer's bookkeeping).
inline PatientRecord Normalised(PatientRecord r) {
  for (auto& reg : r.regimens) {
    reg.id.clear();
    std::sort(reg.drugs.begin(), reg.drugs.end());
  }
  std::stable_sort(r.regimens.begin(), r.regimens.end(), [](const Regimen& a, const Regimen& b) {
    if (a.start != b.start) return a.start < b.start;
    return a.drugs < b.drugs;
  });
  for (auto& p : r.pathology) p.source_id.clear();
  return r;
}

// The first differing path of two JSON documents, for a readable failure.
inline std::string FirstDifference(const nlohmann::ordered_json& a, const nlohmann::ordered_json& b,
                                   const std::string& path = "$") {
  if (a.type() != b.type()) return path + ": " + a.dump() + " vs " + b.dump();
  if (a.is_object()) {
    for (auto it = a.begin(); it != a.end(); ++it) {
      if (!b.contains(it.key())) return path + "." + it.key() + ": missing on import";
      auto d = FirstDifference(it.value(), b[it.key()], path + "." + it.key());
      if (!d.empty()) return d;
    }
    for (auto it = b.begin(); it != b.end(); ++it) {
      if (!a.contains(it.key())) return path + "." + it.key() + ": only on import";
    }
    return "";
  }
  if (a.is_array()) {
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
      auto d = FirstDifference(a[i], b[i], path + "[" + std::to_string(i) + "]");
      if (!d.empty()) return d;
    }
    if (a.size() != b.size()) {
      return path + ": " + std::to_string(a.size()) + " vs " + std::to_string(b.size()) + " items";
    }
    return "";
  }
  return a == b ? "" : path + ": " + a.dump() + " vs " + b.dump();
}

struct RoundTrip {
  nlohmann::ordered_json bundle;
  std::string expected;  // native JSON of FhirCarriedRecord(original)
  std::string imported;  // native JSON of the normalised import
  std::string difference;
  std::vector<ImportWarning> warnings;
};

inline RoundTrip RunRoundTrip(const PatientRecord& original) {
  RoundTrip out;
  out.bundle = ExportFhirBundle(original, Pack());
  auto imported = ImportText(out.bundle.dump());
  if (!imported) {
    out.difference = "import failed: " + imported.errors().front().ToString();
    return out;
  }
  out.warnings = imported->warnings;
  auto a = NativeRecordToJson(FhirCarriedRecord(original, Pack()));
  auto b = NativeRecordToJson(Normalised(imported->record));
  out.expected = a.dump();
  out.imported = b.dump();
  out.difference = FirstDifference(a, b);
  return out;
}

}  // namespace oncnav::testing
