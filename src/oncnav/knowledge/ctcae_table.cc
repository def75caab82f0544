#include "oncnav/knowledge/ctcae_table.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace oncnav {
namespace {

CtcaeGradeRow LoadRow(const nlohmann::json& g, const std::string& path, bool below,
                      PackReader& reader) {
  CtcaeGradeRow row;
  auto grade = reader.Number(g, path, "grade");
  if (grade && *grade >= 1 && *grade <= 4 && *grade == static_cast<int>(*grade)) {
    row.grade = static_cast<int>(*grade);
  } else if (grade) {
    reader.Fail(path + ".grade", "must be 1 to 4");
  }
  for (const auto& text : reader.StringList(g, path, "when")) {
    auto c = CtcaeCondition::Parse(text);
    if (!c) {
      reader.Fail(path + ".when",
                  "'" + text + "' is not '< N', '> N', '< LLN', '> ULN' or '> N x ULN|baseline'");
      continue;
    }
    if (c->below != below) reader.Fail(path + ".when", "mixes '<' and '>' within one scale");
    row.any_of.push_back(*c);
  }
  if (row.any_of.empty()) reader.Fail(path + ".when", "must hold at least one condition");
  return row;
}

CtcaeScale LoadScale(const nlohmann::json& s, const std::string& path, PackReader& reader) {
  CtcaeScale scale;
  scale.basis = reader.String(s, path, "basis").value_or("");
  scale.lab = reader.String(s, path, "lab").value_or("");
  scale.unit = reader.String(s, path, "unit").value_or("");
  const auto* grades = reader.Member(s, path, "grades");
  if (!grades || !grades->is_array() || grades->empty()) {
    if (grades) reader.Fail(path + ".grades", "must be a non-empty array");
    return scale;
  }
  // The direction of the scale is that of its first condition.
  bool below = true;
  if (const auto* first = reader.Member((*grades)[0], path + ".grades[0]", "when", false)) {
    if (first->is_array() && !first->empty() && (*first)[0].is_string()) {
      auto c = CtcaeCondition::Parse((*first)[0].get<std::string>());
      if (c) below = c->below;
    }
  }
  for (size_t i = 0; i < grades->size(); ++i) {
    std::string gpath = path + ".grades[" + std::to_string(i) + "]";
    CtcaeGradeRow row = LoadRow((*grades)[i], gpath, below, reader);
    if (!scale.grades.empty() && row.grade != scale.grades.back().grade - 1) {
      reader.Fail(gpath + ".grade", "grades must run from the most severe down, one by one");
    }
    for (const auto& c : row.any_of) {
      if (c.reference == CtcaeCondition::Reference::kAbsolute && scale.unit.empty()) {
        reader.Fail(gpath + ".when", "an absolute threshold needs the scale's unit");
      }
    }
    scale.grades.push_back(std::move(row));
  }
  if (!scale.grades.empty() && scale.grades.back().grade != 1) {
    reader.Fail(path + ".grades", "must end with grade 1");
  }
  return scale;
}

}  // namespace

std::optional<CtcaeCondition> CtcaeCondition::Parse(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::string op, a, x, ref;
  in >> op >> a;
  if (op != "<" && op != ">") return std::nullopt;
  CtcaeCondition c;
  c.below = op == "<";
  auto reference = [](const std::string& word) -> std::optional<Reference> {
    if (word == "LLN") return Reference::kLln;
    if (word == "ULN") return Reference::kUln;
    if (word == "baseline") return Reference::kBaseline;
    return std::nullopt;
  };
  if (auto r = reference(a)) {
    c.reference = *r;
  } else {
    char* end = nullptr;
    c.factor = std::strtod(a.c_str(), &end);
    if (a.empty() || *end != '\0' || !(c.factor > 0)) return std::nullopt;
    if (in >> x) {
      if (x != "x" || !(in >> ref)) return std::nullopt;
      auto multiple_of = reference(ref);
      if (!multiple_of) return std::nullopt;
      c.reference = *multiple_of;
    }
  }
  std::string rest;
  if (in >> rest) return std::nullopt;
  return c;
}

std::string CtcaeCondition::ToString() const {
  char buf[64];
  const char* op = below ? "<" : ">";
  const char* ref = reference == Reference::kLln   ? "LLN"
                    : reference == Reference::kUln ? "ULN"
                                                   : "baseline";
  if (reference == Reference::kAbsolute) {
    std::snprintf(buf, sizeof buf, "%s %g", op, factor);
  } else if (factor == 1) {
    std::snprintf(buf, sizeof buf, "%s %s", op, ref);
  } else {
    std::snprintf(buf, sizeof buf, "%s %g x %s", op, factor, ref);
  }
  return buf;
}

const CtcaeTerm* CtcaeTable::Term(std::string_view id) const {
  for (const auto& t : terms) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

CtcaeTable CtcaeTable::Load(const nlohmann::json& obj, const std::string& path,
                            PackReader& reader) {
  CtcaeTable table;
  table.version = reader.String(obj, path, "version").value_or("");
  table.lab_grade_rule = reader.String(obj, path, "lab_grade_rule").value_or("");
  table.no_baseline_rule = reader.String(obj, path, "no_baseline_rule").value_or("");
  table.calcium_basis_rule = reader.String(obj, path, "calcium_basis_rule").value_or("");
  const auto* terms = reader.Member(obj, path, "terms");
  if (!terms || !terms->is_array()) {
    if (terms) reader.Fail(path + ".terms", "must be an array");
    return table;
  }
  for (size_t i = 0; i < terms->size(); ++i) {
    const auto& t = (*terms)[i];
    std::string tpath = path + ".terms[" + std::to_string(i) + "]";
    CtcaeTerm term;
    term.id = reader.String(t, tpath, "id").value_or("");
    term.rule = reader.String(t, tpath, "rule").value_or("");
    const auto* scales = reader.Member(t, tpath, "scales");
    if (!scales || !scales->is_array() || scales->empty()) {
      if (scales) reader.Fail(tpath + ".scales", "must be a non-empty array");
      continue;
    }
    for (size_t j = 0; j < scales->size(); ++j) {
      term.scales.push_back(
          LoadScale((*scales)[j], tpath + ".scales[" + std::to_string(j) + "]", reader));
    }
    table.terms.push_back(std::move(term));
  }
  return table;
}

}  // namespace oncnav
