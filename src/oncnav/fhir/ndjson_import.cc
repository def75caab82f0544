#include "oncnav/fhir/ndjson_import.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "oncnav/fhir/bundle_import.h"
#include "oncnav/fhir/fhir_value.h"
#include "oncnav/fhir/import_context.h"
#include "oncnav/fhir/text.h"

namespace oncnav {
namespace {

struct Line {
  size_t file = 0;
  size_t number = 0;  // 1-based
  std::string_view text;
};

struct PatientLines {
  std::string id;
  std::vector<Line> lines;
};

std::optional<std::string> ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Bulk Data names files by resource type ("Observation.000.ndjson"); other files in the
// directory (the export's own "log.ndjson") are not resources.
bool IsResourceFile(const std::filesystem::path& path) {
  auto name = path.filename().string();
  return path.extension() == ".ndjson" && !name.empty() && name[0] >= 'A' && name[0] <= 'Z';
}

// "entry[3].resource.onsetDateTime" -> "Condition.000.ndjson:12: onsetDateTime".
std::string RemapField(const std::string& field, const std::vector<Line>& lines,
                       const std::vector<std::string>& names) {
  if (field.rfind("entry[", 0) != 0) return field;
  auto close = field.find(']');
  if (close == std::string::npos) return field;
  size_t index = 0;
  try {
    index = std::stoul(field.substr(6, close - 6));
  } catch (...) {
    return field;
  }
  if (index >= lines.size()) return field;
  std::string rest = field.substr(close + 1);
  constexpr std::string_view kResource = ".resource";
  if (rest.rfind(kResource, 0) == 0) rest = rest.substr(kResource.size());
  if (!rest.empty() && rest[0] == '.') rest = rest.substr(1);
  std::string location =
      oncnav::Cat({names[lines[index].file], ":", std::to_string(lines[index].number)});
  if (rest.empty()) return location;
  return oncnav::Cat({location, ": ", rest});
}

}  // namespace

Result<std::vector<ImportedRecord>> ImportNdjsonDirectory(const std::string& dir,
                                                          const KnowledgePack& pack,
                                                          const Date& as_of) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return TranslatableError(pack.texts, ErrorCode::kFileNotFound, dir, "input.not-a-directory");
  }
  std::vector<std::filesystem::path> paths;
  for (const auto& item : std::filesystem::directory_iterator(dir, ec)) {
    if (item.is_regular_file() && IsResourceFile(item.path())) paths.push_back(item.path());
  }
  std::sort(paths.begin(), paths.end());

  std::vector<std::string> contents;
  std::vector<std::string> names;
  contents.reserve(paths.size());
  std::vector<Error> errors;
  std::vector<PatientLines> patients;
  std::unordered_map<std::string, size_t> patient_index;
  std::vector<Line> shared;  // Medication resources, referenced from any patient
  std::vector<std::pair<std::string, Line>> unattributed;  // type, first line
  simdjson::dom::parser parser;

  auto group_of = [&](std::string_view id) -> PatientLines& {
    auto [it, inserted] = patient_index.emplace(std::string(id), patients.size());
    if (inserted) patients.push_back({std::string(id), {}});
    return patients[it->second];
  };

  for (size_t f = 0; f < paths.size(); ++f) {
    auto text = ReadWholeFile(paths[f]);
    names.push_back(paths[f].filename().string());
    if (!text) {
      errors.push_back(TranslatableError(pack.texts, ErrorCode::kFileNotFound, names.back(),
                                         "input.file-unreadable"));
      contents.emplace_back();
      continue;
    }
    contents.push_back(std::move(*text));
    std::string_view all = contents.back();
    size_t number = 0;
    for (size_t pos = 0; pos < all.size();) {
      size_t end = all.find('\n', pos);
      if (end == std::string_view::npos) end = all.size();
      std::string_view line = all.substr(pos, end - pos);
      pos = end + 1;
      ++number;
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line.empty()) continue;
      simdjson::dom::element doc;
      if (parser.parse(line.data(), line.size()).get(doc) != simdjson::SUCCESS) {
        errors.push_back(TranslatableError(pack.texts, ErrorCode::kInvalidJson,
                                           oncnav::Cat({names[f], ":", std::to_string(number)}),
                                           "input.ndjson-invalid-line"));
        continue;
      }
      Line ref{f, number, line};
      auto type = fhir::Str(doc, "resourceType");
      if (type == "Patient") {
        group_of(fhir::Str(doc, "id")).lines.push_back(ref);
        continue;
      }
      if (type == "Medication") {
        shared.push_back(ref);
        continue;
      }
      std::string_view reference;
      for (std::string_view key : {"subject", "patient"}) {
        if (auto member = fhir::Member(doc, key)) {
          reference = fhir::Str(*member, "reference");
          if (!reference.empty()) break;
        }
      }
      bool is_patient_ref =
          reference.rfind("Patient/", 0) == 0 || reference.rfind("urn:uuid:", 0) == 0;
      if (is_patient_ref) {
        group_of(fhir::ReferenceId(reference)).lines.push_back(ref);
      } else if (!pack.codes.IsAdministrative(type) && !pack.codes.IsSupporting(type)) {
        bool seen = std::any_of(unattributed.begin(), unattributed.end(),
                                [&](const auto& u) { return u.first == type; });
        if (!seen) unattributed.emplace_back(std::string(type), ref);
      }
    }
  }
  if (!errors.empty()) return errors;

  std::vector<ImportedRecord> records;
  records.reserve(patients.size());
  std::string bundle;
  for (auto& patient : patients) {
    auto& lines = patient.lines;
    lines.insert(lines.end(), shared.begin(), shared.end());
    bundle.clear();
    bundle += R"({"resourceType":"Bundle","type":"collection","entry":[)";
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i) bundle += ',';
      bundle += R"({"resource":)";
      bundle += lines[i].text;
      bundle += '}';
    }
    bundle += "]}";
    simdjson::dom::element root;
    if (parser.parse(bundle).get(root) != simdjson::SUCCESS) {
      errors.push_back(TranslatableError(pack.texts, ErrorCode::kInternal,
                                         oncnav::Cat({"Patient/", patient.id}),
                                         "input.ndjson-combine-failed"));
      continue;
    }
    auto result = ImportFhirBundle(root, pack, as_of);
    if (!result) {
      for (auto e : result.errors()) {
        e.field = RemapField(e.field, lines, names);
        errors.push_back(std::move(e));
      }
      continue;
    }
    ImportedRecord record = std::move(result).value();
    if (record.record.demographics.id.empty()) {
      record.record.demographics.id = patient.id;
      record.warnings.push_back(fhir::MakeWarning(pack.texts, oncnav::Cat({"Patient/", patient.id}),
                                                  "", "fhir.ndjson-no-patient"));
    }
    for (const auto& [type, line] : unattributed) {
      record.warnings.push_back(fhir::MakeWarning(
          pack.texts, oncnav::Cat({names[line.file], ":", std::to_string(line.number)}), "subject",
          "fhir.ndjson-unattributed", {{"type", type}}));
    }
    if (!unattributed.empty()) {
      // The record's rules are final once ImportFhirBundle returns: add FHIR-UNMAPPED once.
      auto id = fhir::ImportRuleId(fhir::ImportRule::kUnmapped);
      if (std::find(record.rules.begin(), record.rules.end(), id) == record.rules.end()) {
        record.rules.emplace_back(id);
      }
    }
    records.push_back(std::move(record));
  }
  if (!errors.empty()) return errors;
  return records;
}

}  // namespace oncnav
