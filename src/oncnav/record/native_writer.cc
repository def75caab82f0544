#include "oncnav/record/native_writer.h"

#include <cmath>
#include <cstdint>

#include "oncnav/record/native_reader.h"
#include "oncnav/record/native_vocabulary.h"

namespace oncnav {
namespace {

using Json = nlohmann::ordered_json;

// A whole number as an integer, so values read from "58" are written back as "58".
Json Number(double value) {
  if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 1e15) {
    return static_cast<int64_t>(value);
  }
  return value;
}

void PutNumber(Json& obj, const char* key, const std::optional<double>& value) {
  if (value) obj[key] = Number(*value);
}

void PutString(Json& obj, const char* key, std::string_view value) {
  if (!value.empty()) obj[key] = value;
}

void PutDate(Json& obj, const char* key, const std::optional<Date>& value) {
  if (value) obj[key] = value->ToString();
}

template <typename E>
void PutEnum(Json& obj, const char* key, const Vocabulary<E>& names, E value) {
  PutString(obj, key, NameOf(names, value));
}

// The vocabulary names "unknown" for some enums; an unknown value is simply not written.
template <typename E>
void PutKnown(Json& obj, const char* key, const Vocabulary<E>& names, E value, E unknown) {
  if (value != unknown) PutEnum(obj, key, names, value);
}

void PutFlag(Json& obj, const char* key, bool value) {
  if (value) obj[key] = true;
}

Json SpecimenJson(const Specimen& s) {
  Json out = Json::object();
  out["kind"] = NameOf(kSpecimenKindNames, s.kind);
  PutString(out, "site", s.site);
  return out;
}

bool HasSpecimen(const Specimen& s) { return s.kind != SpecimenKind::kUnknown || !s.site.empty(); }

Json PatientJson(const Demographics& d) {
  Json p = Json::object();
  PutString(p, "id", d.id);
  PutKnown(p, "sex", kSexNames, d.sex, Sex::kUnknown);
  PutDate(p, "birth_date", d.birth_date);
  PutNumber(p, "weight_kg", d.weight_kg);
  PutNumber(p, "height_cm", d.height_cm);
  PutKnown(p, "menopausal_status", kMenopauseNames, d.menopausal_status,
           MenopausalStatus::kUnknown);
  return p;
}

Json PathologyJson(const PathologyReport& r) {
  Json o = Json::object();
  o["date"] = r.date.ToString();
  if (HasSpecimen(r.specimen)) o["specimen"] = SpecimenJson(r.specimen);
  PutNumber(o, "er_percent", r.er_percent);
  PutNumber(o, "pgr_percent", r.pgr_percent);
  PutKnown(o, "er_status", kPresenceNames, r.er_status, Presence::kUnknown);
  PutKnown(o, "pgr_status", kPresenceNames, r.pgr_status, Presence::kUnknown);
  if (r.her2_ihc) PutEnum(o, "her2_ihc", kHer2IhcNames, *r.her2_ihc);
  if (r.her2_membrane_staining) o["her2_membrane_staining"] = *r.her2_membrane_staining;
  if (r.ish_probe != IshProbe::kUnknown || r.her2_ish_ratio || r.her2_ish_copies) {
    Json ish = Json::object();
    if (r.ish_probe != IshProbe::kUnknown) PutEnum(ish, "probe", kProbeNames, r.ish_probe);
    PutNumber(ish, "ratio", r.her2_ish_ratio);
    PutNumber(ish, "copies", r.her2_ish_copies);
    o["her2_ish"] = std::move(ish);
  }
  PutKnown(o, "her2_status", kPresenceNames, r.her2_status, Presence::kUnknown);
  PutNumber(o, "ki67_percent", r.ki67_percent);
  PutString(o, "source_id", r.source_id);
  return o;
}

Json RegimenJson(const Regimen& r) {
  Json o = Json::object();
  PutString(o, "id", r.id);
  o["drugs"] = r.drugs;
  if (r.setting != Setting::kUnknown) PutEnum(o, "setting", kSettingNames, r.setting);
  PutDate(o, "start", r.start);
  PutDate(o, "stop", r.stop);
  PutKnown(o, "stop_reason", kStopReasonNames, r.stop_reason, StopReason::kNone);
  PutString(o, "best_response", r.best_response);
  return o;
}

Json LesionJson(const Lesion& l) {
  Json o = Json::object();
  o["id"] = l.id;
  o["organ"] = l.organ;
  PutFlag(o, "nodal", l.nodal);
  PutNumber(o, "diameter_mm", l.diameter_mm);
  PutKnown(o, "bone_type", kBoneTypeNames, l.bone_type, BoneLesionType::kNone);
  PutNumber(o, "soft_tissue_mm", l.soft_tissue_mm);
  PutEnum(o, "role", kRoleNames, l.role);
  PutFlag(o, "too_small_to_measure", l.too_small_to_measure);
  PutFlag(o, "disappeared", l.disappeared);
  PutFlag(o, "new", l.is_new);
  PutFlag(o, "equivocal", l.equivocal);
  PutFlag(o, "previously_irradiated", l.previously_irradiated);
  // The status describes non-target lesions only.
  if (l.role == LesionRole::kNonTarget) PutEnum(o, "status", kNonTargetStatusNames, l.status);
  return o;
}

Json ImagingJson(const ImagingAssessment& a) {
  Json o = Json::object();
  o["date"] = a.date.ToString();
  PutString(o, "modality", a.modality);
  PutFlag(o, "baseline", a.baseline);
  PutNumber(o, "slice_thickness_mm", a.slice_thickness_mm);
  Json lesions = Json::array();
  for (const auto& l : a.lesions) lesions.push_back(LesionJson(l));
  o["lesions"] = std::move(lesions);
  return o;
}

template <typename T, typename F>
void PutList(Json& root, const char* key, const std::vector<T>& items, F&& to_json) {
  if (items.empty()) return;
  Json list = Json::array();
  for (const auto& item : items) list.push_back(to_json(item));
  root[key] = std::move(list);
}

}  // namespace

nlohmann::ordered_json NativeRecordToJson(const PatientRecord& rec) {
  Json root = Json::object();
  root["format"] = kNativeFormatName;
  root["format_version"] = kNativeFormatVersion;
  root["patient"] = PatientJson(rec.demographics);
  if (rec.primary) {
    Json p = Json::object();
    PutDate(p, "diagnosis_date", rec.primary->diagnosis_date);
    PutString(p, "histology", rec.primary->histology);
    PutString(p, "stage", rec.primary->stage);
    PutString(p, "laterality", rec.primary->laterality);
    root["primary"] = std::move(p);
  }
  PutList(root, "metastases", rec.metastases, [](const MetastaticSite& m) {
    Json o = Json::object();
    o["site"] = m.site;
    PutDate(o, "date", m.date);
    PutKnown(o, "confirmed_by", kConfirmationNames, m.confirmed_by, Confirmation::kUnknown);
    return o;
  });
  PutList(root, "pathology", rec.pathology, PathologyJson);
  PutList(root, "pdl1", rec.pdl1, [](const PdL1Result& r) {
    Json o = Json::object();
    o["date"] = r.date.ToString();
    if (HasSpecimen(r.specimen)) o["specimen"] = SpecimenJson(r.specimen);
    o["assay"] = r.assay;
    o["score_type"] = r.score_type;
    o["score"] = Number(r.score);
    return o;
  });
  PutList(root, "germline", rec.germline, [](const GermlineTest& g) {
    Json o = Json::object();
    o["date"] = g.date.ToString();
    o["gene"] = g.gene;
    PutKnown(o, "result", kGermlineNames, g.result, GermlineResult::kUnknown);
    return o;
  });
  PutList(root, "variants", rec.variants, [](const SomaticVariant& v) {
    Json o = Json::object();
    o["date"] = v.date.ToString();
    o["gene"] = v.gene;
    PutString(o, "hgvs", v.hgvs);
    PutString(o, "sample", v.sample);
    PutString(o, "assay", v.assay);
    if (HasSpecimen(v.specimen)) o["specimen"] = SpecimenJson(v.specimen);
    if (!v.detected) o["detected"] = false;
    return o;
  });
  PutList(root, "regimens", rec.regimens, RegimenJson);
  PutList(root, "procedures", rec.procedures, [](const Procedure& p) {
    Json o = Json::object();
    PutDate(o, "date", p.date);
    o["kind"] = NameOf(kProcedureNames, p.kind);
    PutString(o, "site", p.site);
    PutString(o, "description", p.description);
    return o;
  });
  PutList(root, "imaging", rec.imaging, ImagingJson);
  PutList(root, "tumor_markers", rec.tumor_markers, [](const TumorMarker& m) {
    Json o = Json::object();
    o["date"] = m.date.ToString();
    o["marker"] = m.marker;
    o["value"] = Number(m.value);
    PutString(o, "unit", m.unit);
    return o;
  });
  PutList(root, "labs", rec.labs, [](const LabResult& l) {
    Json o = Json::object();
    o["date"] = l.date.ToString();
    o["test"] = l.test;
    // As recorded: the reader converts to the canonical unit again and keeps the original.
    bool original = !l.original_unit.empty();
    o["value"] = Number(original ? l.original_value : l.value);
    o["unit"] = original ? l.original_unit : l.unit;
    return o;
  });
  PutList(root, "adverse_events", rec.adverse_events, [](const AdverseEvent& ae) {
    Json o = Json::object();
    PutDate(o, "date", ae.date);
    o["term"] = ae.term;
    if (ae.grade > 0) o["grade"] = ae.grade;
    PutString(o, "drug", ae.drug);
    return o;
  });
  PutList(root, "performance", rec.performance, [](const PerformanceStatus& ps) {
    Json o = Json::object();
    o["date"] = ps.date.ToString();
    o["scale"] = NameOf(kScaleNames, ps.scale);
    o["value"] = ps.value;
    return o;
  });
  PutList(root, "bone_assessments", rec.bone_assessments, [](const BoneLesionAssessment& a) {
    Json o = Json::object();
    o["date"] = a.date.ToString();
    o["site"] = a.site;
    if (a.mirels) {
      Json m = Json::object();
      PutString(m, "site", a.mirels->site);
      PutString(m, "pain", a.mirels->pain);
      PutString(m, "lesion", a.mirels->lesion);
      PutString(m, "size", a.mirels->size);
      PutNumber(m, "axial_cortical_mm", a.mirels->axial_cortical_mm);
      PutNumber(m, "circumferential_percent", a.mirels->circumferential_percent);
      o["mirels"] = std::move(m);
    }
    if (a.sins) {
      Json m = Json::object();
      PutString(m, "location", a.sins->location);
      PutString(m, "level", a.sins->level);
      PutString(m, "pain", a.sins->pain);
      PutString(m, "lesion", a.sins->lesion);
      PutString(m, "alignment", a.sins->alignment);
      PutString(m, "collapse", a.sins->collapse);
      PutString(m, "posterolateral", a.sins->posterolateral);
      o["sins"] = std::move(m);
    }
    PutString(o, "bilsky", a.bilsky);
    if (a.neurological_deficit) o["neurological_deficit"] = *a.neurological_deficit;
    if (a.painful) o["painful"] = *a.painful;
    return o;
  });
  PutList(root, "skeletal_events", rec.skeletal_events, [](const SkeletalEvent& e) {
    Json o = Json::object();
    o["date"] = e.date.ToString();
    o["type"] = e.type;
    PutString(o, "site", e.site);
    PutString(o, "sre_definition", e.definition);
    return o;
  });
  PutList(root, "symptoms", rec.symptoms, [](const Symptom& s) {
    Json o = Json::object();
    o["date"] = s.date.ToString();
    o["code"] = s.code;
    PutDate(o, "resolved", s.resolved);
    PutString(o, "severity", s.severity);
    if (s.nrs) o["nrs"] = *s.nrs;
    PutString(o, "site", s.site);
    PutString(o, "notes", s.notes);
    return o;
  });
  if (!rec.goals.statement.empty() || !rec.goals.priorities.empty()) {
    Json g = Json::object();
    PutString(g, "statement", rec.goals.statement);
    if (!rec.goals.priorities.empty()) g["priorities"] = rec.goals.priorities;
    root["goals"] = std::move(g);
  }
  return root;
}

}  // namespace oncnav
