#include "oncnav/calc/bilsky.h"

#include <cctype>

#include "oncnav/common/text.h"

namespace oncnav {

Result<BilskyResult> BilskyGrade(const std::string& grade, const KnowledgePack& pack) {
  const BilskyConfig& cfg = pack.calculators.bilsky;
  std::string norm;
  for (char c : grade) {
    if (!std::isspace(static_cast<unsigned char>(c)))
      norm += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::string all;
  for (const auto& g : cfg.grades) all += (all.empty() ? "" : ", ") + g.id;
  if (norm.empty()) {
    return Error{ErrorCode::kMissingField, "grade", Cat({"is required (", all, ")"})};
  }
  for (const auto& g : cfg.grades) {
    if (g.id != norm) continue;
    BilskyResult out;
    out.grade = g.id;
    out.category = g.category;
    out.trace.Note(Cat({"calc.advice.bilsky.", g.category}),
                   g.category == "high" ? Severity::kWarning : Severity::kInfo, {}, cfg.rule);
    return out;
  }
  return Error{ErrorCode::kInvalidValue, "grade",
               Cat({"'", grade, "' is not a Bilsky grade (", all, ")"})};
}

}  // namespace oncnav
