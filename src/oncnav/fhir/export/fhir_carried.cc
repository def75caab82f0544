// What a FHIR round trip keeps of a record (docs/fhir-mapping.md, "What the export cannot
// carry"). Each reduction names the import rule or the missing FHIR element behind it.
#include <algorithm>

#include "oncnav/fhir/export/bundle_builder.h"
#include "oncnav/fhir/export/bundle_export.h"

namespace oncnav {
namespace {

bool Carried(const PathologyReport& r) {
  return r.er_percent || r.pgr_percent || r.ki67_percent || r.er_status != Presence::kUnknown ||
         r.pgr_status != Presence::kUnknown || r.her2_status != Presence::kUnknown || r.her2_ihc ||
         r.her2_ish_ratio || r.her2_ish_copies;
}

// FHIR-SPECIMEN-KIND as the import applies it to the exported Specimen: the linked secondary
// cancer condition (when the import keeps it), else the words of the specimen's body site.
Specimen ImportedSpecimen(const Specimen& s, const PatientRecord& r, const KnowledgePack& pack) {
  auto kept_site = [&](std::string_view site) {
    return site != "distant_lymph_node" &&
           std::any_of(r.metastases.begin(), r.metastases.end(),
                       [&](const MetastaticSite& m) { return m.site == site; });
  };
  switch (s.kind) {
    case SpecimenKind::kPrimary:
      return {SpecimenKind::kPrimary, ""};
    case SpecimenKind::kMetastasis: {
      std::string_view site = s.site;
      std::string_view first = site.substr(0, site.find(' '));
      for (std::string_view candidate : {site, first}) {
        bool linked = std::any_of(r.metastases.begin(), r.metastases.end(),
                                  [&](const MetastaticSite& m) { return m.site == candidate; });
        if (linked) {
          if (kept_site(candidate)) return {SpecimenKind::kMetastasis, std::string(candidate)};
          break;  // linked to a condition the import drops: the body site decides
        }
      }
      break;
    }
    default:
      break;
  }
  // The body-site words the export wrote (see export_pathology.cc).
  std::string words = s.kind == SpecimenKind::kMetastasis ? s.site
                      : s.kind == SpecimenKind::kPlasma   ? "plasma"
                      : s.kind == SpecimenKind::kBlood    ? "blood"
                                                          : s.site;
  for (char& c : words) c = c == '_' ? ' ' : c;
  auto site = pack.codes.MatchText(CodeTable::kMetastaticSite, words);
  bool breast = !pack.codes.MatchText(CodeTable::kBodySite, words).empty();
  if (!site.empty() && site != "ambiguous_lymph_node" && !breast) {
    return {SpecimenKind::kMetastasis, std::string(site)};
  }
  if (breast && site.empty()) return {SpecimenKind::kPrimary, ""};
  return {};
}

ProcedureKind ImportedKind(const Procedure& p, const std::string& text, const KnowledgePack& pack) {
  if (p.kind == ProcedureKind::kSurgery || p.kind == ProcedureKind::kRadiotherapy) return p.kind;
  auto kind = pack.codes.MatchText(CodeTable::kProcedure, text);
  if (kind == "surgery") return ProcedureKind::kSurgery;
  if (kind == "biopsy") return ProcedureKind::kBiopsy;
  if (kind == "radiotherapy") return ProcedureKind::kRadiotherapy;
  if (kind == "dental_examination") return ProcedureKind::kDentalExamination;
  return ProcedureKind::kOther;
}

void CarryImaging(PatientRecord& r) {
  std::vector<ImagingAssessment> out;
  for (const auto& scan : r.imaging) {
    for (const auto& lesion : scan.lesions) {
      std::optional<double> diameter = lesion.diameter_mm;
      if (!diameter && lesion.disappeared) diameter = 0;
      if (!diameter) continue;  // no TumorSize observation without a measurement
      // FHIR-IMAGING-GROUP: sizes of one date and method form one assessment.
      ImagingAssessment* target = nullptr;
      for (auto it = out.rbegin(); it != out.rend() && !target; ++it) {
        if (it->date == scan.date &&
            (it->modality.empty() || scan.modality.empty() || it->modality == scan.modality)) {
          target = &*it;
        }
      }
      if (!target) {
        out.emplace_back();
        target = &out.back();
        target->date = scan.date;
      }
      if (target->modality.empty()) target->modality = scan.modality;
      bool duplicate = std::any_of(target->lesions.begin(), target->lesions.end(),
                                   [&](const Lesion& l) { return l.id == lesion.id; });
      if (duplicate) continue;
      Lesion carried;  // roles, flags, bone type and status have no place in TumorSize
      carried.id = lesion.id;
      carried.organ = lesion.organ;
      carried.diameter_mm = diameter;
      target->lesions.push_back(std::move(carried));
    }
  }
  r.imaging = std::move(out);
}

void CarryRegimens(PatientRecord& r, const KnowledgePack& pack) {
  std::vector<Regimen> out;
  for (auto reg : r.regimens) {
    reg.id.clear();             // the import numbers the regimens it rebuilds
    reg.best_response.clear();  // no mCODE element for a RECIST category
    std::erase_if(reg.drugs, [&](const std::string& d) { return !pack.drugs.FindByName(d); });
    if (reg.drugs.empty()) continue;
    std::sort(reg.drugs.begin(), reg.drugs.end());
    if (reg.stop && reg.stop_reason == StopReason::kNone) reg.stop_reason = StopReason::kOther;
    out.push_back(std::move(reg));
  }
  std::stable_sort(out.begin(), out.end(), [](const Regimen& a, const Regimen& b) {
    if (a.start != b.start) return a.start < b.start;
    return a.drugs < b.drugs;
  });
  r.regimens = std::move(out);
}

}  // namespace

PatientRecord FhirCarriedRecord(const PatientRecord& in, const KnowledgePack& pack) {
  PatientRecord r = in;
  auto& d = r.demographics;
  d.id = fhir::FhirId(d.id);
  d.menopausal_status = MenopausalStatus::kUnknown;  // no code in the shared mCODE material
  if (!fhir::LatestDateOf(in)) {
    d.weight_kg.reset();
    d.height_cm.reset();
  }
  // C77.9 (lymph nodes) does not say regional or distant: the import drops it.
  std::erase_if(r.metastases,
                [](const MetastaticSite& m) { return m.site == "distant_lymph_node"; });
  std::vector<PathologyReport> pathology;
  for (auto p : in.pathology) {
    p.her2_membrane_staining.reset();  // no LOINC code in the shared material
    p.ish_probe = p.her2_ish_ratio ? IshProbe::kDual : IshProbe::kUnknown;
    p.source_id.clear();
    if (p.er_percent) p.er_status = Presence::kUnknown;
    if (p.pgr_percent) p.pgr_status = Presence::kUnknown;
    p.specimen = ImportedSpecimen(p.specimen, in, pack);
    if (Carried(p)) pathology.push_back(std::move(p));
  }
  r.pathology = std::move(pathology);
  std::erase_if(r.pdl1, [](const PdL1Result& p) {
    bool assay = p.assay == "22C3" || p.assay == "SP142";
    bool scale = p.score_type == "CPS" || p.score_type == "TPS" || p.score_type == "IC" ||
                 p.score_type == "TC";
    return !assay || !scale;
  });
  for (auto& p : r.pdl1) p.specimen = {};  // PD-L1 results are not grouped by specimen
  for (auto& v : r.variants) {
    v.sample.clear();  // written as method text, not read back
    v.assay.clear();
    v.specimen = {};
    if (!v.detected) v.hgvs.clear();
  }
  CarryRegimens(r, pack);
  for (auto& p : r.procedures) {
    p.description = ExportedProcedureText(p);
    p.kind = ImportedKind(p, p.description, pack);
  }
  CarryImaging(r);
  std::vector<TumorMarker> markers;
  for (auto m : in.tumor_markers) {
    bool ng = m.marker == "CEA";
    if (m.marker != "CA15-3" && m.marker != "CA27-29" && !ng) continue;
    const QuantitySpec* spec = pack.codes.Quantity(ng ? "marker_ng" : "marker_u");
    std::string unit = m.unit.empty() ? (ng ? "ng/mL" : "U/mL") : m.unit;
    auto value = spec ? CodeMap::ToCanonical(*spec, m.value, unit) : std::nullopt;
    if (!value) continue;
    m.value = *value;
    m.unit = ng ? "ng/mL" : "U/mL";
    markers.push_back(std::move(m));
  }
  r.tumor_markers = std::move(markers);
  for (auto& ae : r.adverse_events) {
    const Drug* drug = pack.drugs.FindByName(ae.drug);
    ae.drug = drug ? drug->inn : "";
  }
  r.goals = {};  // no mCODE profile
  return r;
}

}  // namespace oncnav
