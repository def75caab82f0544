#include "oncnav/calc/performance_status.h"

#include <algorithm>
#include <cmath>

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

const PerformancePair* ByEcog(const PerformanceMap& map, int ecog) {
  for (const auto& p : map.pairs) {
    if (p.ecog == ecog) return &p;
  }
  return nullptr;
}

const PerformancePair* ByKarnofsky(const PerformanceMap& map, int kps) {
  for (const auto& p : map.pairs) {
    if (std::find(p.karnofsky.begin(), p.karnofsky.end(), kps) != p.karnofsky.end()) return &p;
  }
  return nullptr;
}

bool Whole(double v) { return std::isfinite(v) && v == std::floor(v); }

}  // namespace

Result<PerformanceStatusResult> ConvertPerformanceStatus(const PerformanceStatusInput& in,
                                                         const KnowledgePack& pack) {
  const PerformanceMap& map = pack.calculators.performance;
  std::vector<Error> errors;
  if (!in.ecog && !in.karnofsky) {
    return Error{ErrorCode::kMissingField, "ecog", "give ecog (0-5) or kps (0-100), or both"};
  }
  if (in.ecog && !(Whole(*in.ecog) && *in.ecog >= 0 && *in.ecog <= 5)) {
    errors.push_back({ErrorCode::kInvalidValue, "ecog", "must be a whole number from 0 to 5"});
  }
  if (in.karnofsky && !(Whole(*in.karnofsky) && *in.karnofsky >= 0 && *in.karnofsky <= 100 &&
                        static_cast<int>(*in.karnofsky) % 10 == 0)) {
    errors.push_back(
        {ErrorCode::kInvalidValue, "kps", "must be a Karnofsky score from 0 to 100 in tens"});
  }
  if (!errors.empty()) return errors;
  PerformanceStatusResult out;
  out.trace.Use(map.rule);
  if (in.ecog) out.ecog_given = static_cast<int>(*in.ecog);
  if (in.karnofsky) out.karnofsky_given = static_cast<int>(*in.karnofsky);
  const PerformancePair* from_kps =
      out.karnofsky_given ? ByKarnofsky(map, *out.karnofsky_given) : nullptr;
  const PerformancePair* from_ecog = out.ecog_given ? ByEcog(map, *out.ecog_given) : nullptr;
  if ((out.karnofsky_given && !from_kps) || (out.ecog_given && !from_ecog)) {
    return Error{ErrorCode::kInternal, "ecog", "the pack's ECOG-Karnofsky pairing is incomplete"};
  }
  out.ecog = out.ecog_given ? *out.ecog_given : from_kps->ecog;
  if (out.karnofsky_given) {
    out.karnofsky = {*out.karnofsky_given};
  } else {
    out.karnofsky = from_ecog->karnofsky;
  }
  if (from_kps && from_ecog && from_kps != from_ecog) {
    out.consistent = false;
    out.trace.Note("calc.note.ps-mismatch", Severity::kInfo,
                   {{"ecog", std::to_string(*out.ecog_given)},
                    {"kps", std::to_string(*out.karnofsky_given)},
                    {"paired", std::to_string(from_kps->ecog)}},
                   map.rule);
  }
  out.trace.Note("calc.note.ps-approximate", Severity::kInfo, {}, map.rule);
  return out;
}

}  // namespace oncnav
