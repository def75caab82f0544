#pragma once

// Reads the calculator cases (tests/calc_cases/*.json, see README.md) and checks an output
// against a case's expectations. Shared by the library run (tests/unit/calc/calc_cases_test.cc)
// and the command-line run (tests/cli/calc_cli_test.cc); needs only nlohmann::json and gtest.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace oncnav::calc_cases {

struct CalcCase {
  std::string file;
  std::string calculator;  // "record" for record cases
  nlohmann::json spec;     // the case itself
  std::string Where() const { return file + ": " + spec.value("title", "?"); }
};

inline std::vector<CalcCase> ReadCases(const std::string& source_dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(source_dir) / "tests/calc_cases")) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<CalcCase> out;
  for (const auto& f : files) {
    std::ifstream in(f);
    auto doc = nlohmann::json::parse(in);
    for (const auto& c : doc["cases"]) {
      out.push_back(
          {f.filename().string(), c.value("calculator", doc["calculator"].get<std::string>()), c});
    }
  }
  return out;
}

// Follows "a.b[2].c" into `doc`; nullptr when the path does not exist.
inline const nlohmann::json* At(const nlohmann::json& doc, const std::string& path) {
  const nlohmann::json* cur = &doc;
  size_t i = 0;
  while (i < path.size()) {
    size_t end = path.find_first_of(".[", i);
    std::string key = path.substr(i, end == std::string::npos ? std::string::npos : end - i);
    if (!key.empty()) {
      if (!cur->is_object() || !cur->contains(key)) return nullptr;
      cur = &(*cur)[key];
    }
    if (end == std::string::npos) break;
    if (path[end] == '[') {
      size_t close = path.find(']', end);
      size_t index = std::stoul(path.substr(end + 1, close - end - 1));
      if (!cur->is_array() || index >= cur->size()) return nullptr;
      cur = &(*cur)[index];
      i = close + 1;
      if (i < path.size() && path[i] == '.') ++i;
    } else {
      i = end + 1;
    }
  }
  return cur;
}

inline bool Same(const nlohmann::json& a, const nlohmann::json& b) {
  if (a.is_number() && b.is_number()) return std::fabs(a.get<double>() - b.get<double>()) < 0.0005;
  if (a.is_array() && b.is_array() && a.size() == b.size()) {
    for (size_t i = 0; i < a.size(); ++i) {
      if (!Same(a[i], b[i])) return false;
    }
    return true;
  }
  return a == b;
}

inline void CheckSet(const std::string& what, const nlohmann::json& list, const char* field,
                     const nlohmann::json& expect, const std::string& where) {
  std::set<std::string> have;
  if (list.is_array()) {
    for (const auto& item : list) have.insert(item[field].get<std::string>());
  }
  for (const auto& c : expect.value("includes", nlohmann::json::array())) {
    EXPECT_TRUE(have.count(c)) << where << ": " << what << " should include " << c;
  }
  for (const auto& c : expect.value("excludes", nlohmann::json::array())) {
    EXPECT_FALSE(have.count(c)) << where << ": " << what << " should not include " << c;
  }
}

// `output` is the JSON the CLI prints (with "provenance").
inline void CheckExpectations(const nlohmann::json& output, const CalcCase& c) {
  for (const auto& [key, want] : c.spec["expect"].items()) {
    if (key == "rules") {
      CheckSet("rules", output["provenance"]["rules"], "id", want, c.Where());
    } else if (key == "notes") {
      CheckSet("notes", output["notes"], "code", want, c.Where());
    } else {
      const nlohmann::json* got = At(output, key);
      if (!got) {
        ADD_FAILURE() << c.Where() << ": output has no " << key << "\n" << output.dump(1);
      } else {
        EXPECT_TRUE(Same(*got, want))
            << c.Where() << ": " << key << " is " << got->dump() << ", expected " << want.dump();
      }
    }
  }
}

}  // namespace oncnav::calc_cases
