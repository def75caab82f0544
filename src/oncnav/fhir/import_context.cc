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

void ImportContext::Warn(std::string_view element, std::string_view key, Texts::Params params) {
  out.warnings.push_back(
      MakeWarning(pack.texts, ResourceName(), std::string(element), key, std::move(params)));
}

void ImportContext::Fail(ErrorCode code, std::string field, std::string_view key,
                         Texts::Params params) {
  errors.push_back(
      TranslatableError(pack.texts, code, std::move(field), std::string(key), std::move(params)));
}

std::optional<Date> ImportContext::ValidDate(std::string_view text, std::string_view& key,
                                             Texts::Params& params) {
  Mark(ImportRule::kDate);  // every date read is checked against as_of and birth
  auto date = Date::Parse(text, true);
  if (!date) {
    key = "input.fhir-invalid-date";
    params = {{"value", std::string(text)}};
  } else if (*date > as_of) {
    key = "input.fhir-date-after-as-of";
    params = {{"date", date->ToString()}, {"as_of", as_of.ToString()}};
  } else if (birth_date && *date < *birth_date) {
    key = "input.date-before-birth";
    params = {{"date", date->ToString()}, {"birth_date", birth_date->ToString()}};
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
    std::string_view key = g.text_key;
    if (g.count > 1) {
      // The grouped form wraps the first resource's message ("@key" renders it, same params).
      g.params.emplace_back("message", Cat({"@", g.text_key}));
      g.params.emplace_back("count", std::to_string(g.count));
      key = g.many_key;
    }
    out.warnings.push_back(MakeWarning(pack.texts, std::move(g.first_resource),
                                       std::move(g.element), key, std::move(g.params)));
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
