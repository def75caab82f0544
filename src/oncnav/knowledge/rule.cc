#include "oncnav/knowledge/rule.h"

#include <array>
#include <utility>

namespace oncnav {
namespace {
constexpr std::array<std::pair<Evidence, std::string_view>, 6> kNames = {{
    {Evidence::kVerified, "verified"},
    {Evidence::kSeed, "seed"},
    {Evidence::kDerived, "derived"},
    {Evidence::kPartiallyVerified, "partially-verified"},
    {Evidence::kDesign, "design"},
    {Evidence::kUnverified, "unverified"},
}};
}  // namespace

std::string_view EvidenceName(Evidence e) {
  for (const auto& [value, name] : kNames) {
    if (value == e) return name;
  }
  return "unverified";
}

bool ParseEvidence(std::string_view text, Evidence& out) {
  for (const auto& [value, name] : kNames) {
    if (name == text) {
      out = value;
      return true;
    }
  }
  return false;
}

}  // namespace oncnav
