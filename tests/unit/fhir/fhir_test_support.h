#pragma once

#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>

#include "../test_pack.h"
#include "oncnav/fhir/bundle_import.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav::testing {

inline Date AsOf() { return Date::FromYmd(2026, 11, 21); }

inline std::string McodeExample(const std::string& name) {
  return std::string(ONCNAV_SHARED_DATA_DIR) + "/mcode-stu4/package/example/" + name;
}

// Parses `json` and imports it; the parser lives as long as the call.
inline Result<ImportedRecord> ImportText(const std::string& json) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json).get(root) != simdjson::SUCCESS) {
    return Error{ErrorCode::kInvalidJson, "", "test input is not JSON"};
  }
  return ImportFhirBundle(root, Pack(), AsOf());
}

// A collection Bundle around the given resources (comma-separated JSON objects).
inline std::string BundleOf(const std::string& resources) {
  return R"({"resourceType":"Bundle","type":"collection","entry":[)" + resources + "]}";
}

inline std::string Entry(const std::string& resource) { return R"({"resource":)" + resource + "}"; }

inline const ImportWarning* FindWarning(const ImportedRecord& record, const std::string& resource,
                                        const std::string& element = "") {
  for (const auto& w : record.warnings) {
    if (w.resource == resource && (element.empty() || w.element == element)) return &w;
  }
  return nullptr;
}

}  // namespace oncnav::testing
