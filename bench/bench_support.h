#pragma once

#include <cstdlib>

#include "oncnav/common/date.h"
#include "oncnav/knowledge/pack.h"

// What every benchmark needs: the bundled pack, loaded once, and a fixed evaluation date.
namespace oncnav::bench {

inline const KnowledgePack& Pack() {
  static const KnowledgePack pack = [] {
    auto p = LoadKnowledgePack(DefaultKnowledgeDir());
    if (!p) std::abort();
    return std::move(p).value();
  }();
  return pack;
}

inline const Date kAsOf = Date::FromYmd(2026, 11, 21);

}  // namespace oncnav::bench
