#pragma once

// Shared by the tests/unit/calc/*_test.cc files: the bundled pack, loaded once.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "oncnav/knowledge/pack.h"

namespace oncnav::calc_test {

inline const KnowledgePack& Pack() {
  static const KnowledgePack pack = [] {
    auto p = LoadKnowledgePack(DefaultKnowledgeDir());
    if (!p) {
      for (const auto& e : p.errors()) ADD_FAILURE() << e.ToString();
      std::abort();
    }
    return std::move(p).value();
  }();
  return pack;
}

// Whether any error names `field` and its reason contains `words`.
inline bool HasError(const std::vector<Error>& errors, const std::string& field,
                     const std::string& words = "") {
  return std::any_of(errors.begin(), errors.end(), [&](const Error& e) {
    return e.field == field && e.reason.find(words) != std::string::npos;
  });
}

inline std::string Describe(const std::vector<Error>& errors) {
  std::string out;
  for (const auto& e : errors) out += e.ToString() + "\n";
  return out;
}

inline bool HasRule(const std::vector<std::string>& rules, const std::string& id) {
  return std::find(rules.begin(), rules.end(), id) != rules.end();
}

}  // namespace oncnav::calc_test
