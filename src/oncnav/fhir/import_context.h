#pragma once

#include <simdjson.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oncnav/common/date.h"
#include "oncnav/common/error.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav::fhir {

// One medication resource reduced to what regimen grouping needs (medication_mapping.h).
struct DrugExposure {
  // INN from the drug catalogue: a view into the pack, which outlives the import; copied only
  // into the regimen that keeps it.
  std::string_view drug;
  std::optional<Date> start;
  std::optional<Date> end;
  bool ongoing = false;    // status active / in-progress / on-hold / intended with no end
  bool completed = false;  // status completed
  StopReason stop_reason = StopReason::kNone;
  std::string_view intent;  // concept from the intent table, may be empty
  // Supportive care (a drug class in course.json non_line_classes, or procedure intent
  // supportive): grouped only with other supportive exposures (FHIR-REGIMEN-GROUP).
  bool supportive = false;
};

// A cancer condition a tumour-marker test may name (mcode-related-condition), by resource id.
struct CancerCondition {
  std::string_view id;    // a view into the parsed document
  bool primary = false;   // PrimaryCancerCondition (breast) or SecondaryCancerCondition
  std::string_view site;  // metastatic site concept (a view into the pack); empty for a primary
};

// Tumour-marker results of one specimen (or one date) while they are being collected.
struct PathologyGroup {
  std::string_view specimen;  // the specimen id (a view into the parsed document), or empty
  Date date_key;              // the effective date, when no specimen is named
  // The condition named by the first mcode-related-condition extension of the group's tests.
  std::string_view related_condition;
  PathologyReport report;
  Presence ish_presence = Presence::kUnknown;
};

// The pack rules the import applies (codes.json FHIR-*, labs.json LAB-*), in the order their ids
// are reported. Kept as bits so that marking a rule on every resource costs nothing; the ids
// are written to ImportedRecord::rules once, at the end of the import.
enum class ImportRule : uint8_t {
  kUnmapped,        // FHIR-UNMAPPED
  kImplausible,     // FHIR-IMPLAUSIBLE
  kDate,            // FHIR-DATE
  kAdminSkip,       // FHIR-ADMIN-SKIP
  kMarkerCodes,     // FHIR-MARKER-CODES
  kPathologyGroup,  // FHIR-PATHOLOGY-GROUP
  kSiteCodes,       // FHIR-SITE-CODES
  kSiteText,        // FHIR-SITE-TEXT
  kRegimenGroup,    // FHIR-REGIMEN-GROUP
  kRegimenSetting,  // FHIR-REGIMEN-SETTING
  kStopReason,      // FHIR-STOP-REASON
  kUnits,           // FHIR-UNITS
  kProcedureKind,   // FHIR-PROCEDURE-KIND
  kLabPlausible,    // LAB-PLAUSIBLE
  kLabUnits,        // LAB-UNITS
  kSpecimenKind,    // FHIR-SPECIMEN-KIND
  kImagingGroup,    // FHIR-IMAGING-GROUP
  kCount,
};

// The rule id of `rule` as it appears in the pack.
std::string_view ImportRuleId(ImportRule rule);

// What groups unused resources for one warning: a kind ("Observation", "type", ...) and up to
// three pieces of the resource (system, code, text). The pieces are views into the parsed
// document, which outlives the import, so grouping a repeat builds no string.
struct UnusedKey {
  UnusedKey(std::string_view k, std::string_view x = {}, std::string_view y = {},
            std::string_view z = {})
      : kind(k), a(x), b(y), c(z) {}
  bool operator==(const UnusedKey&) const = default;

  std::string_view kind;
  std::string_view a, b, c;
};

// Everything one import accumulates. Mapping functions read the resource they are given and
// write here; bundle_import.cc runs them and then the whole-record steps (regimens, pathology).
class ImportContext {
 public:
  ImportContext(const KnowledgePack& knowledge, const Date& evaluation_date)
      : pack(knowledge), codes(knowledge.codes), as_of(evaluation_date) {}

  // Sets the resource being mapped (for warning and error locations).
  void Begin(std::string_view type, std::string_view id, size_t entry_index);
  std::string ResourceName() const;                       // "Observation/<id>"
  std::string_view ResourceId() const { return id_; }     // the id of the resource being mapped
  std::string FieldPath(std::string_view element) const;  // "entry[3].resource.<element>"

  // A warning on the current resource with the text `key` (texts: fhir.*) and its params; the
  // English message is rendered from the pack and the key travels for translation.
  void Warn(std::string_view element, std::string_view key, Texts::Params params = {});
  // An input error whose reason is the text `key` (texts: input.*), likewise.
  void Fail(ErrorCode code, std::string field, std::string_view key, Texts::Params params = {});

  // Reads a FHIR date/dateTime member. Malformed, future and before-birth dates are errors
  // naming the field `parent.key` (or `key` when there is no parent); a missing member is
  // nullopt without error. The field path is only built for an error.
  std::optional<Date> ReadDate(const simdjson::dom::element& obj, std::string_view key,
                               std::string_view parent = {});
  // ReadDate with the field path of an error built by `path()` (only called for an error).
  template <typename PathFn>
  std::optional<Date> ReadDateAt(const simdjson::dom::element& obj, std::string_view key,
                                 PathFn&& path) {
    simdjson::dom::element member;
    if (obj[key].get(member) != simdjson::SUCCESS) return std::nullopt;
    std::string_view text;
    if (member.get_string().get(text) != simdjson::SUCCESS) {
      Mark(ImportRule::kDate);
      Fail(ErrorCode::kInvalidDate, FieldPath(path()), "input.fhir-date-not-string");
      return std::nullopt;
    }
    return CheckDate(text, path);
  }
  // The same checks for a date string already read.
  template <typename PathFn>
  std::optional<Date> CheckDate(std::string_view text, PathFn&& path) {
    std::string_view key;
    Texts::Params params;
    auto date = ValidDate(text, key, params);
    if (!date) Fail(ErrorCode::kInvalidDate, FieldPath(path()), key, std::move(params));
    return date;
  }
  // effective[x] / performed[x] / onset[x]: <prefix>DateTime, <prefix>Period.start, ...
  std::optional<Date> ReadTiming(const simdjson::dom::element& res, std::string_view prefix);
  std::optional<Date> ReadTimingEnd(const simdjson::dom::element& res, std::string_view prefix);

  // Counts a resource that is not used for one reason; reported once per key at the end,
  // so a Synthea export with hundreds of unrelated conditions yields a handful of warnings.
  // The warning is the text `text_key` (texts: fhir.*) with the params `params()` returns, or
  // for several resources `many_key`, which adds {count} to it ({message} renders `text_key`);
  // `params()` is only called for the first resource of a key (rule FHIR-UNMAPPED).
  template <typename ParamsFn>
  void Unused(const UnusedKey& key, std::string_view element, std::string_view text_key,
              std::string_view many_key, ParamsFn&& params) {
    Mark(ImportRule::kUnmapped);
    for (auto& g : unused_) {
      if (g.key == key) {
        ++g.count;
        return;
      }
    }
    unused_.push_back({key, ResourceName(), std::string(element), std::string(text_key),
                       std::string(many_key), params(), 1});
  }
  void FlushUnused();

  void Mark(ImportRule rule) { rules_ |= uint32_t{1} << static_cast<unsigned>(rule); }
  bool Marked(ImportRule rule) const {
    return (rules_ & (uint32_t{1} << static_cast<unsigned>(rule))) != 0;
  }
  // Appends the ids of the marked rules to out.rules (each once).
  void FlushRules();

  const KnowledgePack& pack;
  const CodeMap& codes;
  Date as_of;
  std::optional<Date> birth_date;
  std::string patient_id;
  std::string patient_full_url;

  ImportedRecord out;
  std::vector<Error> errors;

  std::vector<PathologyGroup> pathology;
  std::vector<CancerCondition> cancer_conditions;
  // Supporting resources read through references (views into the parsed document).
  std::vector<std::pair<std::string_view, simdjson::dom::element>> specimens;
  std::vector<std::pair<std::string_view, simdjson::dom::element>> body_structures;
  std::vector<DrugExposure> exposures;
  std::string stage_from_observation;
  std::vector<Date> surgery_dates;
  std::optional<Date> weight_date;  // date of the weight kept (the latest)
  std::optional<Date> height_date;

 private:
  struct UnusedGroup {
    UnusedKey key;
    std::string first_resource;
    std::string element;
    std::string text_key;
    std::string many_key;
    Texts::Params params;
    int count = 0;
  };

  // The date in `text` when it is well formed, not after as_of and not before birth;
  // otherwise nullopt and the reason's text key and params.
  std::optional<Date> ValidDate(std::string_view text, std::string_view& key,
                                Texts::Params& params);

  std::string_view type_;
  std::string_view id_;
  size_t entry_index_ = 0;
  std::vector<UnusedGroup> unused_;
  uint32_t rules_ = 0;
  static_assert(static_cast<unsigned>(ImportRule::kCount) <= 32);
};

}  // namespace oncnav::fhir
