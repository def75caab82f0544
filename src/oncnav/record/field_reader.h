#pragma once

#include <simdjson.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "oncnav/common/date.h"
#include "oncnav/common/error.h"
#include "oncnav/knowledge/texts.h"
#include "oncnav/model/patient.h"

namespace oncnav {

// Typed, validating access to a simdjson DOM with the JSON path of every value at hand, so
// each problem is reported as "pathology[2].er_percent: must be between 0 and 100". Errors
// and warnings accumulate; the reader never stops at the first problem. The path is kept as
// one growing string (pushed and popped by Scope) so the happy path does not allocate.
class FieldReader {
 public:
  FieldReader(std::vector<Error>& errors, std::vector<ImportWarning>& warnings, Date as_of,
              const Texts& texts)
      : errors_(errors), warnings_(warnings), as_of_(as_of), texts_(texts) {}

  // Enters "key" or "key[index]" for the lifetime of the scope.
  class Scope {
   public:
    Scope(FieldReader& r, std::string_view key) : r_(r), size_(r.path_.size()) { r.Push(key); }
    Scope(FieldReader& r, size_t index) : r_(r), size_(r.path_.size()) { r.Push(index); }
    ~Scope() { r_.path_.resize(size_); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    FieldReader& r_;
    size_t size_;
  };

  // An error at `key` whose reason is the text `message_key` (texts: input.*) with `params`:
  // the English reason is rendered from the pack, the key travels for translation.
  void Fail(ErrorCode code, std::string_view key, std::string_view message_key,
            Texts::Params params = {});
  // A warning at `key` with the text `message_key` (texts: import.*), likewise.
  void Warn(std::string_view key, std::string_view message_key, Texts::Params params = {});
  std::string PathTo(std::string_view key) const;

  // Each accessor returns nullopt when the key is absent (an error if `required`) or invalid.
  std::optional<simdjson::dom::object> Object(simdjson::dom::object parent, std::string_view key,
                                              bool required = false);
  std::optional<simdjson::dom::array> Array(simdjson::dom::object parent, std::string_view key,
                                            bool required = false);
  std::optional<std::string_view> String(simdjson::dom::object parent, std::string_view key,
                                         bool required = false);
  std::optional<double> Number(simdjson::dom::object parent, std::string_view key, double min,
                               double max, bool required = false);
  std::optional<int> Integer(simdjson::dom::object parent, std::string_view key, int min, int max,
                             bool required = false);
  std::optional<bool> Bool(simdjson::dom::object parent, std::string_view key,
                           bool required = false);
  // A calendar date, not after as_of and (once known) not before the birth date.
  std::optional<Date> DateField(simdjson::dom::object parent, std::string_view key,
                                bool required = false);
  // One of `choices` (pairs of text and value); anything else is an error listing them.
  template <typename E>
  std::optional<E> Enum(simdjson::dom::object parent, std::string_view key,
                        const std::vector<std::pair<std::string_view, E>>& choices,
                        bool required = false);
  std::vector<std::string> StringList(simdjson::dom::object parent, std::string_view key,
                                      bool required = false);
  // Warns about keys not in `known`, so a misspelt field is never silently ignored.
  static bool HasKey(simdjson::dom::object obj, std::string_view key) {
    return obj.at_key(key).error() == simdjson::SUCCESS;
  }
  void CheckKnownKeys(simdjson::dom::object obj, std::initializer_list<std::string_view> known);

  void set_birth_date(std::optional<Date> d) { birth_date_ = d; }
  const Date& as_of() const { return as_of_; }

 private:
  void Push(std::string_view key);
  void Push(size_t index);
  std::optional<simdjson::dom::element> Find(simdjson::dom::object parent, std::string_view key,
                                             bool required);

  std::vector<Error>& errors_;
  std::vector<ImportWarning>& warnings_;
  Date as_of_;
  const Texts& texts_;
  std::optional<Date> birth_date_;
  std::string path_;
};

template <typename E>
std::optional<E> FieldReader::Enum(simdjson::dom::object parent, std::string_view key,
                                   const std::vector<std::pair<std::string_view, E>>& choices,
                                   bool required) {
  auto text = String(parent, key, required);
  if (!text) return std::nullopt;
  for (const auto& [name, value] : choices) {
    if (name == *text) return value;
  }
  std::string allowed;
  for (const auto& [name, value] : choices) {
    if (!allowed.empty()) allowed += ", ";
    allowed += name;
  }
  Fail(ErrorCode::kInvalidValue, key, "input.not-one-of",
       {{"value", std::string(*text)}, {"allowed", std::move(allowed)}});
  return std::nullopt;
}

// Calls `fn(item_object)` for each object in the array at `key`, inside its path scope; an item
// that is not an object is an error naming it.
template <typename Fn>
void ForEachObject(FieldReader& r, simdjson::dom::object parent, std::string_view key, Fn&& fn) {
  auto arr = r.Array(parent, key);
  if (!arr) return;
  FieldReader::Scope list(r, key);
  size_t i = 0;
  for (auto item : *arr) {
    FieldReader::Scope entry(r, i++);
    simdjson::dom::object obj;
    if (item.get_object().get(obj) != simdjson::SUCCESS) {
      r.Fail(ErrorCode::kInvalidType, "", "input.must-be-object");
      continue;
    }
    fn(obj);
  }
}

}  // namespace oncnav
