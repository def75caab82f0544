#include "oncnav/fhir/import_context.h"

#include "oncnav/fhir/fhir_value.h"

namespace oncnav::fhir {

void ImportContext::Begin(std::string_view type, std::string_view id, size_t entry_index) {
  type_ = type;
  id_ = id;
  entry_index_ = entry_index;
}

std::string ImportContext::ResourceName() const {
  std::string name(type_);
  name += '/';
  name += id_.empty() ? std::string_view("(no id)") : id_;
  return name;
}

std::string ImportContext::FieldPath(std::string_view element) const {
  std::string path = "entry[" + std::to_string(entry_index_) + "].resource";
  if (!element.empty()) {
    path += '.';
    path += element;
  }
  return path;
}

void ImportContext::Warn(std::string_view element, std::string message) {
  out.warnings.push_back({ResourceName(), std::string(element), std::move(message)});
}

void ImportContext::Fail(ErrorCode code, std::string field, std::string reason) {
  errors.push_back({code, std::move(field), std::move(reason)});
}

std::optional<Date> ImportContext::ReadDate(const simdjson::dom::element& obj, std::string_view key,
                                            std::string_view path) {
  auto member = Member(obj, key);
  if (!member) return std::nullopt;
  std::string_view text;
  std::string field = FieldPath(path);
  if (member->get_string().get(text) != simdjson::SUCCESS) {
    Fail(ErrorCode::kInvalidDate, field, "must be a FHIR date string");
    return std::nullopt;
  }
  auto date = Date::Parse(text, true);
  if (!date) {
    Fail(ErrorCode::kInvalidDate, field, "'" + std::string(text) + "' is not a valid FHIR date");
    return std::nullopt;
  }
  if (*date > as_of) {
    Fail(ErrorCode::kInvalidDate, field,
         date->ToString() + " is after the evaluation date " + as_of.ToString());
    return std::nullopt;
  }
  if (birth_date && *date < *birth_date) {
    Fail(ErrorCode::kInvalidDate, field,
         date->ToString() + " is before the patient's birth date " + birth_date->ToString());
    return std::nullopt;
  }
  return date;
}

std::optional<Date> ImportContext::ReadTiming(const simdjson::dom::element& res,
                                              std::string_view prefix) {
  std::string key(prefix);
  key += "DateTime";
  if (auto d = ReadDate(res, key, key)) return d;
  key.resize(prefix.size());
  key += "Instant";
  if (auto d = ReadDate(res, key, key)) return d;
  key.resize(prefix.size());
  key += "Period";
  if (auto period = Member(res, key)) return ReadDate(*period, "start", key + ".start");
  return std::nullopt;
}

std::optional<Date> ImportContext::ReadTimingEnd(const simdjson::dom::element& res,
                                                 std::string_view prefix) {
  std::string key(prefix);
  key += "Period";
  if (auto period = Member(res, key)) return ReadDate(*period, "end", key + ".end");
  return std::nullopt;
}

void ImportContext::Unused(std::string key, std::string element, std::string message) {
  for (auto& g : unused_) {
    if (g.key == key) {
      ++g.count;
      return;
    }
  }
  unused_.push_back({std::move(key), ResourceName(), std::move(element), std::move(message), 1});
}

void ImportContext::FlushUnused() {
  for (auto& g : unused_) {
    std::string message = std::move(g.message);
    if (g.count > 1) {
      message += " (" + std::to_string(g.count) + " resources like this; the first is named)";
    }
    out.warnings.push_back({std::move(g.first_resource), std::move(g.element), std::move(message)});
  }
  unused_.clear();
}

}  // namespace oncnav::fhir
