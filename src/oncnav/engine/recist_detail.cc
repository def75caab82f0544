#include "oncnav/engine/recist_detail.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace oncnav::recist {

void AddRule(std::vector<std::string>& rules, std::string_view id) {
  if (std::find(rules.begin(), rules.end(), id) == rules.end()) rules.emplace_back(id);
}

void AddFinding(std::vector<RecistFinding>& findings, std::string_view code,
                std::string_view severity, std::string_view rule, Texts::Params params) {
  findings.push_back(
      {std::string(code), std::string(severity), std::move(params), std::string(rule)});
}

std::string FormatNumber(double value) {
  double rounded = std::round(value * 10) / 10;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed, 1);
  if (ec != std::errc{}) return "?";
  std::string_view text(buf, static_cast<size_t>(end - buf));
  if (text.size() > 2 && text.substr(text.size() - 2) == ".0") text.remove_suffix(2);
  return std::string(text);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool IsBone(const Lesion& lesion) {
  if (lesion.bone_type != BoneLesionType::kNone) return true;
  // Organ names are short; scan for a 'b' before comparing the whole word.
  std::string_view organ = lesion.organ;
  for (size_t i = 0; i + 4 <= organ.size(); ++i) {
    if ((organ[i] == 'b' || organ[i] == 'B') && EqualsIgnoreCase(organ.substr(i, 4), "bone")) {
      return true;
    }
  }
  return false;
}

std::optional<double> Measure(const Lesion& lesion) {
  if (IsBone(lesion) && lesion.soft_tissue_mm) return lesion.soft_tissue_mm;
  return lesion.diameter_mm;
}

const Lesion* FindLesion(const ImagingAssessment& assessment, std::string_view id) {
  for (const auto& lesion : assessment.lesions) {
    if (lesion.id == id) return &lesion;
  }
  return nullptr;
}

}  // namespace oncnav::recist
