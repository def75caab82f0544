#include "oncnav/fhir/export/bundle_builder.h"

#include <cmath>
#include <cstdint>

#include "oncnav/common/text.h"

namespace oncnav::fhir {

namespace ec = exportcodes;

std::string FhirId(std::string_view text) {
  std::string id;
  for (char c : text.substr(0, 64)) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '.';
    id.push_back(ok ? c : '-');
  }
  return id.empty() ? std::string("patient") : id;
}

std::optional<Date> LatestDateOf(const PatientRecord& r) {
  std::optional<Date> latest;
  auto see = [&](const std::optional<Date>& d) {
    if (d && (!latest || *d > *latest)) latest = d;
  };
  if (r.primary) see(r.primary->diagnosis_date);
  for (const auto& x : r.metastases) see(x.date);
  for (const auto& x : r.pathology) see(x.date);
  for (const auto& x : r.pdl1) see(x.date);
  for (const auto& x : r.germline) see(x.date);
  for (const auto& x : r.variants) see(x.date);
  for (const auto& x : r.regimens) {
    see(x.start);
    see(x.stop);
  }
  for (const auto& x : r.procedures) see(x.date);
  for (const auto& x : r.imaging) see(x.date);
  for (const auto& x : r.tumor_markers) see(x.date);
  for (const auto& x : r.labs) see(x.date);
  for (const auto& x : r.adverse_events) see(x.date);
  for (const auto& x : r.performance) see(x.date);
  return latest;
}

BundleBuilder::BundleBuilder(const PatientRecord& record, const KnowledgePack& pack)
    : record_(record), pack_(pack), patient_id_(FhirId(record.demographics.id)) {}

ExportJson BundleBuilder::Subject() const { return Reference(Cat({"Patient/", patient_id_})); }

std::string BundleBuilder::AddWithId(std::string_view type, const std::string& id, ExportJson body,
                                     std::string_view profile) {
  ExportJson resource = ExportJson::object();
  resource["resourceType"] = type;
  resource["id"] = id;
  if (!profile.empty()) resource["meta"] = {{"profile", ExportJson::array({profile})}};
  for (auto it = body.begin(); it != body.end(); ++it) resource[it.key()] = std::move(it.value());
  ExportJson entry = ExportJson::object();
  entry["fullUrl"] = Cat({ec::kBaseUrl, type, "/", id});
  entry["resource"] = std::move(resource);
  entries_.push_back(std::move(entry));
  return Cat({type, "/", id});
}

std::string BundleBuilder::Add(std::string_view type, std::string_view prefix, ExportJson body,
                               std::string_view profile) {
  auto it = counters_.find(prefix);
  if (it == counters_.end()) it = counters_.emplace(std::string(prefix), 0).first;
  std::string suffix = Cat({"-", prefix, "-", std::to_string(++it->second)});
  // Ids stay within FHIR's 64 characters however long the patient id is.
  size_t room = suffix.size() < 64 ? 64 - suffix.size() : 0;
  std::string id = Cat({std::string_view(patient_id_).substr(0, room), suffix});
  return AddWithId(type, id, std::move(body), profile);
}

std::string BundleBuilder::AddObservation(std::string_view prefix, ExportJson code,
                                          const Date& date, ExportJson fields,
                                          std::string_view profile, std::string_view category) {
  ExportJson body = ExportJson::object();
  body["status"] = "final";
  ExportJson coding = ExportJson::object();
  coding["system"] = ec::kObservationCategory;
  coding["code"] = category;
  ExportJson concept_json = ExportJson::object();
  concept_json["coding"] = ExportJson::array({coding});
  body["category"] = ExportJson::array({concept_json});
  body["code"] = std::move(code);
  body["subject"] = Subject();
  body["effectiveDateTime"] = date.ToString();
  for (auto it = fields.begin(); it != fields.end(); ++it) body[it.key()] = std::move(it.value());
  return Add("Observation", prefix, std::move(body), profile);
}

ExportJson BundleBuilder::Finish() {
  ExportJson bundle = ExportJson::object();
  bundle["resourceType"] = "Bundle";
  bundle["id"] = FhirId(Cat({patient_id_.substr(0, 57), "-bundle"}));
  bundle["meta"] = {{"profile", ExportJson::array({Cat({ec::kMcode, "mcode-patient-bundle"})})}};
  bundle["type"] = "collection";
  bundle["entry"] = std::move(entries_);
  entries_.clear();
  return bundle;
}

ExportJson CodingOf(std::string_view system, const ec::Code& code) {
  ExportJson c = ExportJson::object();
  c["system"] = system;
  c["code"] = code.code;
  if (!code.display.empty()) c["display"] = code.display;
  return c;
}

ExportJson ConceptOf(std::string_view system, const ec::Code& code, std::string_view text) {
  ExportJson cc = ExportJson::object();
  cc["coding"] = ExportJson::array({CodingOf(system, code)});
  if (!text.empty()) cc["text"] = text;
  return cc;
}

ExportJson TextConcept(std::string_view text) { return {{"text", text}}; }

ExportJson Number(double value) {
  if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 1e15) {
    return static_cast<int64_t>(value);
  }
  return value;
}

ExportJson QuantityOf(double value, std::string_view ucum_unit) {
  ExportJson q = ExportJson::object();
  q["value"] = Number(value);
  q["unit"] = ucum_unit;
  q["system"] = ec::kUcum;
  q["code"] = ucum_unit;
  return q;
}

ExportJson Reference(std::string_view reference) { return {{"reference", reference}}; }

ExportJson ExtensionOf(std::string_view url, std::string_view value_key, ExportJson value) {
  ExportJson ext = ExportJson::object();
  ext["url"] = url;
  ext[std::string(value_key)] = std::move(value);
  return ext;
}

}  // namespace oncnav::fhir
