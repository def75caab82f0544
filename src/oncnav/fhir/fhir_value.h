#pragma once

#include <simdjson.h>

#include <optional>
#include <string_view>

#include "oncnav/knowledge/code_map.h"

// Small, allocation-free readers over simdjson DOM elements for the FHIR shapes the import
// uses (CodeableConcept, Reference, Quantity, value[x]). A missing or mistyped member reads as
// empty: the mapping code decides whether that is worth a warning.
namespace oncnav::fhir {

using simdjson::dom::element;

std::optional<element> Member(const element& obj, std::string_view key);
std::string_view Str(const element& obj, std::string_view key);
std::optional<double> Num(const element& value);

// The system, code and display of one Coding, read in one pass over its members: every
// observation, condition and medication reads its codings several times, and three keyed
// lookups (each a scan of the object) cost more than one scan. The first of duplicate keys wins,
// as with a keyed lookup; a missing or non-string member reads as empty.
struct Coding {
  std::string_view system, code, display;
};
inline Coding ReadCoding(const element& c) {
  Coding out;
  simdjson::dom::object fields;
  if (c.get_object().get(fields) != simdjson::SUCCESS) return out;
  bool seen_system = false, seen_code = false, seen_display = false;
  for (auto field : fields) {
    std::string_view key = field.key;
    std::string_view* slot = nullptr;
    bool* seen = nullptr;
    if (key == "system") {
      slot = &out.system;
      seen = &seen_system;
    } else if (key == "code") {
      slot = &out.code;
      seen = &seen_code;
    } else if (key == "display") {
      slot = &out.display;
      seen = &seen_display;
    }
    if (!slot || *seen) continue;
    *seen = true;
    if (field.value.get_string().get(*slot) != simdjson::SUCCESS) *slot = {};
  }
  return out;
}

// Calls f(system, code, display) for each coding of a CodeableConcept; stops when f returns true.
template <typename F>
bool ForEachCoding(const element& cc, F&& f) {
  simdjson::dom::array codings;
  if (cc["coding"].get_array().get(codings) != simdjson::SUCCESS) return false;
  for (element c : codings) {
    Coding coding = ReadCoding(c);
    if (f(coding.system, coding.code, coding.display)) return true;
  }
  return false;
}

// Calls f(element) for each item of an array member; missing or non-array members call nothing.
template <typename F>
void ForEach(const element& obj, std::string_view key, F&& f) {
  simdjson::dom::array items;
  if (obj[key].get_array().get(items) != simdjson::SUCCESS) return;
  for (element item : items) f(item);
}

// The concept's text, else its first coding display, else its first code.
std::string_view ConceptText(const element& cc);

// The concept name from `table` for the first coding listed in codes.json; failing that, the
// first phrase matched in a coding display or the text. Empty when nothing matches.
std::string_view LookupConcept(const CodeMap& codes, CodeTable table, const element& cc);
// The phrase part of LookupConcept: the first phrase matched in a coding display, else the text.
std::string_view MatchConceptText(const CodeMap& codes, CodeTable table, const element& cc);
// Like LookupConcept but by code only (no phrase fallback).
std::string_view LookupCode(const CodeMap& codes, CodeTable table, const element& cc);

// "Patient/123" -> "123"; "urn:uuid:abc" -> "abc"; "#contained" -> "contained".
std::string_view ReferenceId(std::string_view reference);
// The id in obj[key].reference, or empty.
std::string_view ReferenceIdOf(const element& obj, std::string_view key);

// True when meta.profile names a StructureDefinition whose canonical URL ends with `id`.
bool HasProfile(const element& res, std::string_view id);
// The first extension whose url ends with `url_suffix` (e.g. "mcode-procedure-intent").
std::optional<element> FindExtension(const element& obj, std::string_view url_suffix);
// Case-insensitive substring test without allocating (ASCII).
bool ContainsNoCase(std::string_view text, std::string_view lower_needle);

// Observation.value[x] (and component value[x]) in the forms oncnav accepts.
enum class ValueKind { kNone, kCodeable, kString, kQuantity, kInteger, kBoolean, kRatio, kOther };

struct FhirValue {
  ValueKind kind = ValueKind::kNone;
  std::string_view element_name;  // "valueQuantity", ... for warnings
  element coded;                  // kCodeable
  std::string_view text;          // kString
  double number = 0;              // kQuantity, kInteger, kRatio (numerator / denominator)
  std::string_view unit;          // kQuantity: UCUM code if present, else the unit text
  std::string_view unit_text;     // kQuantity: the human unit, tried when `unit` is not known
  bool has_number = false;
  bool boolean = false;
};

FhirValue ReadValue(const element& obj);

}  // namespace oncnav::fhir
