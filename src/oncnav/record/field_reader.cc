#include "oncnav/record/field_reader.h"

#include <algorithm>
#include <cmath>

#include "oncnav/common/text.h"

namespace oncnav {

void FieldReader::Push(std::string_view key) {
  if (!path_.empty()) path_ += '.';
  path_ += key;
}

void FieldReader::Push(size_t index) {
  path_ += '[';
  path_ += std::to_string(index);
  path_ += ']';
}

std::string FieldReader::PathTo(std::string_view key) const {
  if (key.empty()) return path_;
  if (path_.empty()) return std::string(key);
  return path_ + "." + std::string(key);
}

void FieldReader::Fail(ErrorCode code, std::string_view key, std::string_view message_key,
                       Texts::Params params) {
  errors_.push_back(
      TranslatableError(texts_, code, PathTo(key), std::string(message_key), std::move(params)));
}

void FieldReader::Warn(std::string_view key, std::string_view message_key, Texts::Params params) {
  std::string message = texts_.Render("en", message_key, params);
  warnings_.push_back(
      {"record", PathTo(key), std::move(message), std::string(message_key), std::move(params)});
}

std::optional<simdjson::dom::element> FieldReader::Find(simdjson::dom::object parent,
                                                        std::string_view key, bool required) {
  simdjson::dom::element value;
  if (parent.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) {
    if (required) Fail(ErrorCode::kMissingField, key, "input.required");
    return std::nullopt;
  }
  return value;
}

std::optional<simdjson::dom::object> FieldReader::Object(simdjson::dom::object parent,
                                                         std::string_view key, bool required) {
  auto v = Find(parent, key, required);
  if (!v) return std::nullopt;
  simdjson::dom::object obj;
  if (v->get_object().get(obj) != simdjson::SUCCESS) {
    Fail(ErrorCode::kInvalidType, key, "input.must-be-object");
    return std::nullopt;
  }
  return obj;
}

std::optional<simdjson::dom::array> FieldReader::Array(simdjson::dom::object parent,
                                                       std::string_view key, bool required) {
  auto v = Find(parent, key, required);
  if (!v) return std::nullopt;
  simdjson::dom::array arr;
  if (v->get_array().get(arr) != simdjson::SUCCESS) {
    Fail(ErrorCode::kInvalidType, key, "input.must-be-array");
    return std::nullopt;
  }
  return arr;
}

std::optional<std::string_view> FieldReader::String(simdjson::dom::object parent,
                                                    std::string_view key, bool required) {
  auto v = Find(parent, key, required);
  if (!v) return std::nullopt;
  std::string_view s;
  if (v->get_string().get(s) != simdjson::SUCCESS) {
    Fail(ErrorCode::kInvalidType, key, "input.must-be-string");
    return std::nullopt;
  }
  return s;
}

std::optional<double> FieldReader::Number(simdjson::dom::object parent, std::string_view key,
                                          double min, double max, bool required) {
  auto v = Find(parent, key, required);
  if (!v) return std::nullopt;
  double d = 0;
  if (v->get_double().get(d) != simdjson::SUCCESS) {
    Fail(ErrorCode::kInvalidType, key, "input.must-be-number");
    return std::nullopt;
  }
  if (!std::isfinite(d) || d < min || d > max) {
    Fail(ErrorCode::kInvalidValue, key, "input.out-of-range",
         {{"value", FormatG(d)}, {"min", FormatG(min)}, {"max", FormatG(max)}});
    return std::nullopt;
  }
  return d;
}

std::optional<int> FieldReader::Integer(simdjson::dom::object parent, std::string_view key, int min,
                                        int max, bool required) {
  auto v = Find(parent, key, required);
  if (!v) return std::nullopt;
  int64_t i = 0;
  if (v->get_int64().get(i) != simdjson::SUCCESS) {
    Fail(ErrorCode::kInvalidType, key, "input.must-be-integer");
    return std::nullopt;
  }
  if (i < min || i > max) {
    Fail(
        ErrorCode::kInvalidValue, key, "input.out-of-range",
        {{"value", std::to_string(i)}, {"min", std::to_string(min)}, {"max", std::to_string(max)}});
    return std::nullopt;
  }
  return static_cast<int>(i);
}

std::optional<bool> FieldReader::Bool(simdjson::dom::object parent, std::string_view key,
                                      bool required) {
  auto v = Find(parent, key, required);
  if (!v) return std::nullopt;
  bool b = false;
  if (v->get_bool().get(b) != simdjson::SUCCESS) {
    Fail(ErrorCode::kInvalidType, key, "input.must-be-boolean");
    return std::nullopt;
  }
  return b;
}

std::optional<Date> FieldReader::DateField(simdjson::dom::object parent, std::string_view key,
                                           bool required) {
  auto text = String(parent, key, required);
  if (!text) return std::nullopt;
  auto d = Date::Parse(*text);
  if (!d) {
    Fail(ErrorCode::kInvalidDate, key, "input.not-a-date", {{"value", std::string(*text)}});
    return std::nullopt;
  }
  if (*d > as_of_) {
    Fail(ErrorCode::kInvalidDate, key, "input.date-in-future",
         {{"date", d->ToString()}, {"as_of", as_of_.ToString()}});
    return std::nullopt;
  }
  if (birth_date_ && *d < *birth_date_) {
    Fail(ErrorCode::kInvalidDate, key, "input.date-before-birth",
         {{"date", d->ToString()}, {"birth_date", birth_date_->ToString()}});
    return std::nullopt;
  }
  return d;
}

std::vector<std::string> FieldReader::StringList(simdjson::dom::object parent, std::string_view key,
                                                 bool required) {
  std::vector<std::string> out;
  auto arr = Array(parent, key, required);
  if (!arr) return out;
  size_t i = 0;
  for (auto item : *arr) {
    std::string_view s;
    if (item.get_string().get(s) != simdjson::SUCCESS) {
      Scope scope(*this, key);
      Scope item_scope(*this, i);
      Fail(ErrorCode::kInvalidType, "", "input.must-be-string");
    } else {
      out.emplace_back(s);
    }
    ++i;
  }
  if (required && out.empty() && arr->size() == 0) {
    Fail(ErrorCode::kInvalidValue, key, "input.must-not-be-empty");
  }
  return out;
}

void FieldReader::CheckKnownKeys(simdjson::dom::object obj,
                                 std::initializer_list<std::string_view> known) {
  for (auto field : obj) {
    if (std::find(known.begin(), known.end(), field.key) == known.end()) {
      Warn(field.key, "import.unknown-field");
    }
  }
}

}  // namespace oncnav
