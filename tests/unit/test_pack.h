#pragma once

#include <gtest/gtest.h>

#include "oncnav/knowledge/pack.h"

namespace oncnav::testing {

// The shipped knowledge pack, loaded once per test binary. A pack that fails to load fails the
// test that asked for it (with every load error) and yields an empty pack.
inline const KnowledgePack& Pack() {
  static const KnowledgePack pack = [] {
    auto loaded = LoadKnowledgePack(DefaultKnowledgeDir());
    if (!loaded) {
      for (const auto& e : loaded.errors()) ADD_FAILURE() << e.ToString();
      return KnowledgePack{};
    }
    return std::move(loaded).value();
  }();
  return pack;
}

}  // namespace oncnav::testing
