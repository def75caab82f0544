#include "oncnav/fhir/import_context.h"

#include "oncnav/fhir/fhir_value.h"
#include "oncnav/fhir/text.h"

namespace oncnav::fhir {

std::string_view ImportRuleId(ImportRule rule) {
  static constexpr std::array<std::string_view, static_cast<size_t>(ImportRule::kCount)> kIds = {
      "FHIR-UNMAPPED",       "FHIR-IMPLAUSIBLE",     "FHIR-DATE",        "FHIR-ADMIN-SKIP",
      "FHIR-MARKER-CODES",   "FHIR-PATHOLOGY-GROUP", "FHIR-SITE-CODES",  "FHIR-SITE-TEXT",
      "FHIR-REGIMEN-GROUP",  "FHIR-REGIMEN-SETTING", "FHIR-STOP-REASON", "FHIR-UNITS",
      "FHIR-PROCEDURE-KIND", "LAB-PLAUSIBLE",        "LAB-UNITS",        "FHIR-SPECIMEN-KIND",
      "FHIR-IMAGING-GROUP"};
  return kIds[static_cast<size_t>(rule)];
}

void ImportContext::Begin(std::string_view type, std::string_view id, size_t entry_index) {
  type_ = type;
  id_ = id;
  entry_index_ = entry_index;
}

std::string ImportContext::ResourceName() const {
  return Cat({type_, "/", id_.empty() ? std::string_view("(no id)") : id_});
}

std::string ImportContext::FieldPath(std::string_view element) const {
  std::string index = std::to_string(entry_index_);
  if (element.empty()) return Cat({"entry[", index, "].resource"});
  return Cat({"entry[", index, "].resource.", element});
}

void ImportContext::Warn(std::string_view element, std::string message) {
  out.warnings.push_back(MakeWarning(ResourceName(), std::string(element), std::move(message)));
}

void ImportContext::Fail(ErrorCode code, std::string field, std::string reason) {
  errors.push_back({code, std::move(field), std::move(reason)});
}

std::optional<Date> ImportContext::ValidDate(std::string_view text, std::string& reason) {
  Mark(ImportRule::kDate);  // every date read is checked against as_of and birth
  auto date = Date::Parse(text, true);
  if (!date) {
    reason = Cat({"'", text, "' is not a valid FHIR date"});
  } else if (*date > as_of) {
    reason = Cat({date->ToString(), " is after the evaluation date ", as_of.ToString()});
  } else if (birth_date && *date < *birth_date) {
    reason =
        Cat({date->ToString(), " is before the patient's birth date ", birth_date->ToString()});
  } else {
    return date;
  }
  return std::nullopt;
}

std::optional<Date> ImportContext::ReadDate(const simdjson::dom::element& obj, std::string_view key,
                                            std::string_view parent) {
  return ReadDateAt(obj, key, [&] {
    return parent.empty() ? std::string(key) : Cat({parent, ".", key});
  });
}

namespace {

// "<prefix><suffix>" in `buf` without allocating; the prefixes are short element names
// ("effective", "performed", "onset").
std::string_view JoinKey(std::array<char, 48>& buf, std::string_view prefix,
                         std::string_view suffix) {
  if (prefix.size() + suffix.size() > buf.size()) return {};
  prefix.copy(buf.data(), prefix.size());
  suffix.copy(buf.data() + prefix.size(), suffix.size());
  return {buf.data(), prefix.size() + suffix.size()};
}

}  // namespace

std::optional<Date> ImportContext::ReadTiming(const simdjson::dom::element& res,
                                              std::string_view prefix) {
  std::array<char, 48> buf;
  if (auto d = ReadDate(res, JoinKey(buf, prefix, "DateTime"))) return d;
  if (auto d = ReadDate(res, JoinKey(buf, prefix, "Instant"))) return d;
  auto key = JoinKey(buf, prefix, "Period");
  if (auto period = Member(res, key)) return ReadDate(*period, "start", key);
  return std::nullopt;
}

std::optional<Date> ImportContext::ReadTimingEnd(const simdjson::dom::element& res,
                                                 std::string_view prefix) {
  std::array<char, 48> buf;
  auto key = JoinKey(buf, prefix, "Period");
  if (auto period = Member(res, key)) return ReadDate(*period, "end", key);
  return std::nullopt;
}

void ImportContext::FlushUnused() {
  for (auto& g : unused_) {
    std::string message = std::move(g.message);
    if (g.count > 1) {
      message += Cat({" (", std::to_string(g.count), " resources like this; the first is named)"});
    }
    out.warnings.push_back(
        MakeWarning(std::move(g.first_resource), std::move(g.element), std::move(message)));
  }
  unused_.clear();
}

void ImportContext::FlushRules() {
  for (unsigned i = 0; i < static_cast<unsigned>(ImportRule::kCount); ++i) {
    auto rule = static_cast<ImportRule>(i);
    if (!Marked(rule)) continue;
    auto id = ImportRuleId(rule);
    bool present = false;
    for (const auto& r : out.rules) present = present || r == id;
    if (!present) out.rules.emplace_back(id);
  }
}

}  // namespace oncnav::fhir
