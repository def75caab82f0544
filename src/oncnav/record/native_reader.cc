#include "oncnav/record/native_reader.h"

#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/record/field_reader.h"
#include "oncnav/record/native_bone_reader.h"
#include "oncnav/record/native_vocabulary.h"

namespace oncnav {
namespace {

using simdjson::dom::object;
using Scope = FieldReader::Scope;

void ReadDemographics(FieldReader& r, object root, Demographics& d) {
  auto p = r.Object(root, "patient", true);
  if (!p) return;
  Scope s(r, "patient");
  r.CheckKnownKeys(*p, {"id", "sex", "birth_date", "weight_kg", "height_cm", "menopausal_status"});
  d.id = std::string(r.String(*p, "id", true).value_or(""));
  d.sex = r.Enum(*p, "sex", kSexNames).value_or(Sex::kUnknown);
  d.birth_date = r.DateField(*p, "birth_date");
  r.set_birth_date(d.birth_date);
  // A weight of 0 or a height of 3 m cannot be a person's; they are entry errors.
  d.weight_kg = r.Number(*p, "weight_kg", 0.5, 400);
  d.height_cm = r.Number(*p, "height_cm", 30, 250);
  d.menopausal_status =
      r.Enum(*p, "menopausal_status", kMenopauseNames).value_or(MenopausalStatus::kUnknown);
}

std::optional<Specimen> ReadSpecimen(FieldReader& r, object parent) {
  auto obj = r.Object(parent, "specimen");
  if (!obj) return std::nullopt;
  Scope s(r, "specimen");
  r.CheckKnownKeys(*obj, {"kind", "site"});
  Specimen sp;
  sp.kind = r.Enum(*obj, "kind", kSpecimenKindNames, true).value_or(SpecimenKind::kUnknown);
  sp.site = std::string(r.String(*obj, "site").value_or(""));
  return sp;
}

void ReadPathology(FieldReader& r, object root, PatientRecord& rec) {
  ForEachObject(r, root, "pathology", [&](object o) {
    r.CheckKnownKeys(
        o, {"date", "specimen", "er_percent", "pgr_percent", "er_status", "pgr_status", "her2_ihc",
            "her2_membrane_staining", "her2_ish", "her2_status", "ki67_percent", "source_id"});
    PathologyReport p;
    auto date = r.DateField(o, "date", true);
    p.specimen = ReadSpecimen(r, o).value_or(Specimen{});
    p.er_percent = r.Number(o, "er_percent", 0, 100);
    p.pgr_percent = r.Number(o, "pgr_percent", 0, 100);
    p.er_status = r.Enum(o, "er_status", kPresenceNames).value_or(Presence::kUnknown);
    p.pgr_status = r.Enum(o, "pgr_status", kPresenceNames).value_or(Presence::kUnknown);
    p.her2_ihc = r.Enum(o, "her2_ihc", kHer2IhcNames);
    p.her2_membrane_staining = r.Bool(o, "her2_membrane_staining");
    p.her2_status = r.Enum(o, "her2_status", kPresenceNames).value_or(Presence::kUnknown);
    p.ki67_percent = r.Number(o, "ki67_percent", 0, 100);
    p.source_id = std::string(r.String(o, "source_id").value_or(""));
    if (auto ish = r.Object(o, "her2_ish")) {
      Scope s(r, "her2_ish");
      r.CheckKnownKeys(*ish, {"probe", "ratio", "copies"});
      p.ish_probe = r.Enum(*ish, "probe", kProbeNames, true).value_or(IshProbe::kUnknown);
      p.her2_ish_ratio = r.Number(*ish, "ratio", 0, 100);
      p.her2_ish_copies = r.Number(*ish, "copies", 0, 200);
      if (p.ish_probe == IshProbe::kDual) {
        // A dual-probe group needs both numbers; report each one that is absent.
        if (!p.her2_ish_ratio && !r.HasKey(*ish, "ratio")) {
          r.Fail(ErrorCode::kMissingField, "ratio", "input.dual-probe-needs-ratio");
        }
        if (!p.her2_ish_copies && !r.HasKey(*ish, "copies")) {
          r.Fail(ErrorCode::kMissingField, "copies", "input.dual-probe-needs-copies");
        }
      }
      if (p.ish_probe == IshProbe::kSingle && !p.her2_ish_copies && !r.HasKey(*ish, "copies")) {
        r.Fail(ErrorCode::kMissingField, "copies", "input.single-probe-needs-copies");
      }
    }
    if (p.her2_membrane_staining && p.her2_ihc && *p.her2_ihc != Her2Ihc::k0) {
      r.Warn("her2_membrane_staining", "import.membrane-staining-not-ihc0");
      p.her2_membrane_staining.reset();
    }
    if (date) {
      p.date = *date;
      rec.pathology.push_back(std::move(p));
    }
  });
}

void ReadBiomarkers(FieldReader& r, object root, PatientRecord& rec) {
  ForEachObject(r, root, "pdl1", [&](object o) {
    r.CheckKnownKeys(o, {"date", "specimen", "assay", "score_type", "score"});
    PdL1Result p;
    auto date = r.DateField(o, "date", true);
    p.specimen = ReadSpecimen(r, o).value_or(Specimen{});
    p.assay = std::string(r.String(o, "assay", true).value_or(""));
    p.score_type = std::string(r.String(o, "score_type", true).value_or(""));
    auto score = r.Number(o, "score", 0, 100, true);
    if (date && score) {
      p.date = *date;
      p.score = *score;
      rec.pdl1.push_back(std::move(p));
    }
  });
  ForEachObject(r, root, "germline", [&](object o) {
    r.CheckKnownKeys(o, {"date", "gene", "result"});
    GermlineTest g;
    auto date = r.DateField(o, "date", true);
    g.gene = std::string(r.String(o, "gene", true).value_or(""));
    g.result = r.Enum(o, "result", kGermlineNames, true).value_or(GermlineResult::kUnknown);
    if (date) {
      g.date = *date;
      rec.germline.push_back(std::move(g));
    }
  });
  ForEachObject(r, root, "variants", [&](object o) {
    r.CheckKnownKeys(o, {"date", "gene", "hgvs", "sample", "assay", "specimen", "detected"});
    SomaticVariant v;
    auto date = r.DateField(o, "date", true);
    v.gene = std::string(r.String(o, "gene", true).value_or(""));
    v.hgvs = std::string(r.String(o, "hgvs").value_or(""));
    v.sample = std::string(r.Enum(o, "sample", kSampleNames).value_or(""));
    v.assay = std::string(r.String(o, "assay").value_or(""));
    v.specimen = ReadSpecimen(r, o).value_or(Specimen{});
    v.detected = r.Bool(o, "detected").value_or(true);
    if (date) {
      v.date = *date;
      rec.variants.push_back(std::move(v));
    }
  });
}

void ReadRegimens(FieldReader& r, object root, const KnowledgePack& pack, PatientRecord& rec) {
  ForEachObject(r, root, "regimens", [&](object o) {
    r.CheckKnownKeys(o,
                     {"id", "drugs", "setting", "start", "stop", "stop_reason", "best_response"});
    Regimen reg;
    reg.id = std::string(r.String(o, "id").value_or(""));
    reg.drugs = r.StringList(o, "drugs", true);
    {
      Scope s(r, "drugs");
      for (size_t i = 0; i < reg.drugs.size(); ++i) {
        if (const Drug* d = pack.drugs.FindByName(reg.drugs[i])) {
          reg.drugs[i] = d->inn;
        } else {
          Scope item(r, i);
          r.Warn("", "import.unknown-drug", {{"drug", reg.drugs[i]}});
          reg.drugs[i] = ToLower(reg.drugs[i]);
        }
      }
    }
    reg.setting = r.Enum(o, "setting", kSettingNames, true).value_or(Setting::kUnknown);
    reg.start = r.DateField(o, "start", true);
    reg.stop = r.DateField(o, "stop");
    reg.stop_reason = r.Enum(o, "stop_reason", kStopReasonNames).value_or(StopReason::kNone);
    reg.best_response = std::string(r.Enum(o, "best_response", kResponseNames).value_or(""));
    if (reg.start && reg.stop && *reg.stop < *reg.start) {
      r.Fail(ErrorCode::kInvalidDate, "stop", "input.stop-before-start",
             {{"start", reg.start->ToString()}});
    }
    if (reg.stop && reg.stop_reason == StopReason::kNone) {
      r.Warn("stop_reason", "import.stop-reason-missing");
    }
    if (!reg.stop && reg.stop_reason != StopReason::kNone) {
      r.Fail(ErrorCode::kMissingField, "stop", "input.stop-required");
    }
    rec.regimens.push_back(std::move(reg));
  });
}

void ReadLesion(FieldReader& r, object o, Lesion& l) {
  r.CheckKnownKeys(o, {"id", "organ", "nodal", "diameter_mm", "bone_type", "soft_tissue_mm", "role",
                       "too_small_to_measure", "disappeared", "new", "equivocal",
                       "previously_irradiated", "status"});
  l.id = std::string(r.String(o, "id", true).value_or(""));
  l.organ = std::string(r.String(o, "organ", true).value_or(""));
  l.nodal = r.Bool(o, "nodal").value_or(false);
  l.diameter_mm = r.Number(o, "diameter_mm", 0, 1000);
  l.bone_type = r.Enum(o, "bone_type", kBoneTypeNames).value_or(BoneLesionType::kNone);
  l.soft_tissue_mm = r.Number(o, "soft_tissue_mm", 0, 1000);
  l.role = r.Enum(o, "role", kRoleNames).value_or(LesionRole::kNonTarget);
  l.too_small_to_measure = r.Bool(o, "too_small_to_measure").value_or(false);
  l.disappeared = r.Bool(o, "disappeared").value_or(false);
  l.is_new = r.Bool(o, "new").value_or(false);
  l.equivocal = r.Bool(o, "equivocal").value_or(false);
  l.previously_irradiated = r.Bool(o, "previously_irradiated").value_or(false);
  l.status = r.Enum(o, "status", kNonTargetStatusNames).value_or(NonTargetStatus::kPresent);
  if (l.disappeared && l.diameter_mm && *l.diameter_mm > 0 && !l.nodal) {
    r.Fail(ErrorCode::kInvalidValue, "disappeared", "input.disappeared-but-measured",
           {{"mm", std::to_string(static_cast<int>(*l.diameter_mm))}});
  }
}

void ReadImaging(FieldReader& r, object root, PatientRecord& rec) {
  ForEachObject(r, root, "imaging", [&](object o) {
    r.CheckKnownKeys(o, {"date", "modality", "baseline", "slice_thickness_mm", "lesions"});
    ImagingAssessment a;
    auto date = r.DateField(o, "date", true);
    a.modality = std::string(r.String(o, "modality").value_or(""));
    a.baseline = r.Bool(o, "baseline").value_or(false);
    a.slice_thickness_mm = r.Number(o, "slice_thickness_mm", 0.1, 50);
    ForEachObject(r, o, "lesions", [&](object lo) {
      Lesion l;
      ReadLesion(r, lo, l);
      a.lesions.push_back(std::move(l));
    });
    if (date) {
      a.date = *date;
      rec.imaging.push_back(std::move(a));
    }
  });
}

void MarkRule(std::vector<std::string>& rules, const char* id) {
  if (std::find(rules.begin(), rules.end(), id) == rules.end()) rules.emplace_back(id);
}

void ReadObservations(FieldReader& r, object root, const KnowledgePack& pack, PatientRecord& rec,
                      std::vector<std::string>& imported_rules) {
  ForEachObject(r, root, "tumor_markers", [&](object o) {
    r.CheckKnownKeys(o, {"date", "marker", "value", "unit"});
    TumorMarker m;
    auto date = r.DateField(o, "date", true);
    m.marker = std::string(r.String(o, "marker", true).value_or(""));
    auto value = r.Number(o, "value", 0, 1e7, true);
    m.unit = std::string(r.String(o, "unit").value_or(""));
    if (date && value) {
      m.date = *date;
      m.value = *value;
      rec.tumor_markers.push_back(std::move(m));
    }
  });
  ForEachObject(r, root, "labs", [&](object o) {
    r.CheckKnownKeys(o, {"date", "test", "value", "unit"});
    auto date = r.DateField(o, "date", true);
    auto test_id = r.String(o, "test", true);
    auto value = r.Number(o, "value", -1e9, 1e9, true);
    auto unit = r.String(o, "unit", true);
    if (!date || !test_id || !value || !unit) return;
    const LabTest* test = pack.labs.Find(*test_id);
    if (!test) {
      r.Warn("test", "import.unknown-lab", {{"test", std::string(*test_id)}});
      return;
    }
    auto canonical = pack.labs.ToCanonical(*test, *value, *unit);
    if (!canonical) {
      std::string accepted;
      for (const auto& u : test->units) accepted += (accepted.empty() ? "" : ", ") + u.unit;
      r.Fail(ErrorCode::kInvalidValue, "unit", "input.lab-unit-not-accepted",
             {{"unit", std::string(*unit)}, {"test", test->id}, {"accepted", accepted}});
      return;
    }
    MarkRule(imported_rules, "LAB-PLAUSIBLE");  // the range check below is applied to every lab
    if (*canonical < test->plausible_min || *canonical > test->plausible_max) {
      r.Fail(ErrorCode::kInvalidValue, "value", "input.lab-implausible",
             {{"value", FormatG(*value)},
              {"unit", std::string(*unit)},
              {"test", test->id},
              {"min", FormatG(test->plausible_min)},
              {"max", FormatG(test->plausible_max)},
              {"canonical", test->canonical_unit}});
      return;
    }
    if (*unit != test->canonical_unit) MarkRule(imported_rules, "LAB-UNITS");
    rec.labs.push_back(
        {*date, test->id, *canonical, test->canonical_unit, *value, std::string(*unit)});
  });
  ForEachObject(r, root, "performance", [&](object o) {
    r.CheckKnownKeys(o, {"date", "scale", "value"});
    PerformanceStatus ps;
    auto date = r.DateField(o, "date", true);
    ps.scale = r.Enum(o, "scale", kScaleNames, true).value_or(PerformanceScale::kEcog);
    auto value = ps.scale == PerformanceScale::kEcog ? r.Integer(o, "value", 0, 5, true)
                                                     : r.Integer(o, "value", 0, 100, true);
    if (value && ps.scale == PerformanceScale::kKarnofsky && *value % 10 != 0) {
      r.Fail(ErrorCode::kInvalidValue, "value", "input.karnofsky-multiple-of-10");
      value.reset();
    }
    if (date && value) {
      ps.date = *date;
      ps.value = *value;
      rec.performance.push_back(ps);
    }
  });
}

void ReadEvents(FieldReader& r, object root, const KnowledgePack& pack, PatientRecord& rec) {
  ForEachObject(r, root, "adverse_events", [&](object o) {
    r.CheckKnownKeys(o, {"date", "term", "grade", "drug"});
    AdverseEvent ae;
    ae.date = r.DateField(o, "date", true);
    ae.term = std::string(r.String(o, "term", true).value_or(""));
    ae.grade = r.Integer(o, "grade", 1, 5, true).value_or(0);
    ae.drug = std::string(r.String(o, "drug").value_or(""));
    if (const Drug* d = pack.drugs.FindByName(ae.drug)) ae.drug = d->inn;
    rec.adverse_events.push_back(std::move(ae));
  });
  ForEachObject(r, root, "procedures", [&](object o) {
    r.CheckKnownKeys(o, {"date", "kind", "site", "description"});
    Procedure p;
    p.date = r.DateField(o, "date", true);
    p.kind = r.Enum(o, "kind", kProcedureNames, true).value_or(ProcedureKind::kOther);
    p.site = std::string(r.String(o, "site").value_or(""));
    p.description = std::string(r.String(o, "description").value_or(""));
    rec.procedures.push_back(std::move(p));
  });
}

void ReadCancer(FieldReader& r, object root, PatientRecord& rec) {
  if (auto p = r.Object(root, "primary")) {
    Scope s(r, "primary");
    r.CheckKnownKeys(*p, {"diagnosis_date", "histology", "stage", "laterality"});
    PrimaryCancer pc;
    pc.diagnosis_date = r.DateField(*p, "diagnosis_date");
    pc.histology = std::string(r.String(*p, "histology").value_or(""));
    pc.stage = std::string(r.String(*p, "stage").value_or(""));
    pc.laterality = std::string(r.Enum(*p, "laterality", kLateralityNames).value_or(""));
    rec.primary = std::move(pc);
  }
  ForEachObject(r, root, "metastases", [&](object o) {
    r.CheckKnownKeys(o, {"site", "date", "confirmed_by"});
    MetastaticSite m;
    m.site = std::string(r.Enum(o, "site", kSiteNames, true).value_or(""));
    m.date = r.DateField(o, "date");
    m.confirmed_by = r.Enum(o, "confirmed_by", kConfirmationNames).value_or(Confirmation::kUnknown);
    if (!m.site.empty()) rec.metastases.push_back(std::move(m));
  });
}

void ReadClinicalStatus(FieldReader& r, object root, PatientRecord& rec) {
  auto c = r.Object(root, "clinical_status");
  if (!c) return;
  Scope s(r, "clinical_status");
  r.CheckKnownKeys(*c, {"date", "visceral_crisis", "oligometastatic"});
  rec.clinical_status.date = r.DateField(*c, "date");
  rec.clinical_status.visceral_crisis = r.Bool(*c, "visceral_crisis").value_or(false);
  rec.clinical_status.oligometastatic = r.Bool(*c, "oligometastatic").value_or(false);
}

void ReadGoals(FieldReader& r, object root, PatientRecord& rec) {
  auto g = r.Object(root, "goals");
  if (!g) return;
  Scope s(r, "goals");
  r.CheckKnownKeys(*g, {"statement", "priorities"});
  rec.goals.statement = std::string(r.String(*g, "statement").value_or(""));
  rec.goals.priorities = r.StringList(*g, "priorities");
}

}  // namespace

Result<ImportedRecord> ReadNativeRecord(const simdjson::dom::element& root,
                                        const KnowledgePack& pack, const Date& as_of) {
  std::vector<Error> errors;
  ImportedRecord out;
  out.format = "oncnav";
  FieldReader r(errors, out.warnings, as_of, pack.texts);
  object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) {
    return TranslatableError(pack.texts, ErrorCode::kInvalidType, "$", "input.record-not-object");
  }
  auto format = r.String(obj, "format", true);
  if (format && *format != kNativeFormatName) {
    r.Fail(ErrorCode::kUnknownFormat, "format", "input.wrong-format",
           {{"format", std::string(*format)}, {"expected", std::string(kNativeFormatName)}});
  }
  auto version = r.Integer(obj, "format_version", 1, 1000, true);
  if (version && *version != kNativeFormatVersion) {
    r.Fail(ErrorCode::kUnsupportedVersion, "format_version", "input.unsupported-version",
           {{"version", std::to_string(*version)},
            {"supported", std::to_string(kNativeFormatVersion)}});
  }
  if (!errors.empty()) return errors;
  r.CheckKnownKeys(
      obj, {"format",          "format_version", "patient", "primary",          "metastases",
            "clinical_status", "pathology",      "pdl1",    "germline",         "variants",
            "regimens",        "procedures",     "imaging", "tumor_markers",    "labs",
            "adverse_events",  "performance",    "goals",   "bone_assessments", "skeletal_events",
            "symptoms"});
  PatientRecord& rec = out.record;
  ReadDemographics(r, obj, rec.demographics);
  ReadCancer(r, obj, rec);
  ReadPathology(r, obj, rec);
  ReadBiomarkers(r, obj, rec);
  ReadRegimens(r, obj, pack, rec);
  ReadImaging(r, obj, rec);
  ReadObservations(r, obj, pack, rec, out.rules);
  ReadEvents(r, obj, pack, rec);
  ReadClinicalStatus(r, obj, rec);
  ReadGoals(r, obj, rec);
  ReadBoneCare(r, obj, pack, rec);
  if (!errors.empty()) return errors;
  return out;
}

}  // namespace oncnav
