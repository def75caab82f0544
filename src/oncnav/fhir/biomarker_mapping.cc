#include "oncnav/fhir/biomarker_mapping.h"

#include "oncnav/fhir/fhir_value.h"
#include "oncnav/fhir/text.h"
#include "oncnav/fhir/value_parsing.h"

namespace oncnav::fhir {
namespace {

// The condition a TumorMarkerTest names in its mcode-related-condition extension, or empty.
std::string_view RelatedCondition(const simdjson::dom::element& res) {
  auto ext = FindExtension(res, "/mcode-related-condition");
  if (!ext) return {};
  return ReferenceIdOf(*ext, "valueReference");
}

// The group of the observation's specimen, or of its date when it names no specimen.
PathologyGroup& GroupFor(const simdjson::dom::element& res, const Date& date, ImportContext& ctx) {
  auto specimen = ReferenceIdOf(res, "specimen");
  for (auto& g : ctx.pathology) {
    bool same =
        specimen.empty() ? g.specimen.empty() && g.date_key == date : g.specimen == specimen;
    if (same) {
      if (date < g.report.date) g.report.date = date;
      if (g.related_condition.empty()) g.related_condition = RelatedCondition(res);
      return g;
    }
  }
  PathologyGroup group;
  group.specimen = specimen;
  group.date_key = date;
  group.related_condition = RelatedCondition(res);
  group.report.date = date;
  group.report.source_id = std::string(Str(res, "id"));
  ctx.pathology.push_back(std::move(group));
  return ctx.pathology.back();
}

const CancerCondition* FindCondition(const ImportContext& ctx, std::string_view id) {
  if (id.empty()) return nullptr;
  for (const auto& c : ctx.cancer_conditions) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

// The kind of tissue a Specimen's collection.bodySite names: a metastatic site known to
// codes.json, or the breast. Both or neither leave it unknown (never guessed).
Specimen SpecimenFromBodySite(const simdjson::dom::element& specimen, const CodeMap& codes) {
  Specimen out;
  auto collection = Member(specimen, "collection");
  if (!collection) return out;
  auto site = Member(*collection, "bodySite");
  if (!site) return out;
  auto metastatic = LookupConcept(codes, CodeTable::kMetastaticSite, *site);
  if (metastatic == "ambiguous_lymph_node") metastatic = {};
  bool breast = !LookupConcept(codes, CodeTable::kBodySite, *site).empty();
  if (!metastatic.empty() && !breast) {
    out.kind = SpecimenKind::kMetastasis;
    out.site = std::string(metastatic);
  } else if (breast && metastatic.empty()) {
    out.kind = SpecimenKind::kPrimary;
  }
  return out;
}

// Rule FHIR-SPECIMEN-KIND: a test naming a SecondaryCancerCondition is on that metastasis; else
// the Specimen's collection.bodySite decides (metastatic site, or breast); else a test naming
// the PrimaryCancerCondition is on the primary. mCODE tests on metastatic tissue often name the
// primary condition too, so the body site of the specimen is preferred to that link.
Specimen SpecimenOf(const PathologyGroup& group, ImportContext& ctx) {
  const CancerCondition* condition = FindCondition(ctx, group.related_condition);
  Specimen out;
  if (condition && !condition->primary) {
    out.kind = SpecimenKind::kMetastasis;
    out.site = std::string(condition->site);
    return out;
  }
  if (!group.specimen.empty()) {
    for (const auto& [id, specimen] : ctx.specimens) {
      if (id != group.specimen) continue;
      out = SpecimenFromBodySite(specimen, ctx.codes);
      break;
    }
    if (out.kind != SpecimenKind::kUnknown) return out;
  }
  if (condition) out.kind = SpecimenKind::kPrimary;
  return out;
}

// Receptor presence codes also arrive with a percentage ("85%"); accept both.
void MapReceptor(const FhirValue& value, Presence& status, std::optional<double>& percent,
                 ImportContext& ctx, std::string_view what) {
  if (auto presence = ReadPresence(value, ctx)) {
    status = *presence;
    return;
  }
  bool numeric = value.kind == ValueKind::kQuantity || value.kind == ValueKind::kInteger ||
                 value.kind == ValueKind::kRatio;
  if (value.kind == ValueKind::kString) {
    auto text = value.text;
    while (!text.empty() && (text.back() == '%' || text.back() == ' ')) text.remove_suffix(1);
    numeric = ParseNumber(text).has_value();
  }
  if (!numeric) {
    WarnValueForm(value, ctx, what);
    return;
  }
  if (auto pct = ReadPercent(value, ctx)) percent = pct;
}

bool IsWordChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// The PD-L1 scale named as a whole word ("CPS", "TPS", "IC", "TC") in `text`.
std::string_view FindScale(std::string_view text) {
  static constexpr std::string_view kScales[] = {"CPS", "TPS", "IC", "TC"};
  for (auto scale : kScales) {
    for (size_t pos = text.find(scale); pos != std::string_view::npos;
         pos = text.find(scale, pos + 1)) {
      bool left = pos == 0 || !IsWordChar(text[pos - 1]);
      bool right = pos + scale.size() >= text.size() || !IsWordChar(text[pos + scale.size()]);
      if (left && right) return scale;
    }
  }
  return {};
}

}  // namespace

void MapPathologyMarker(const simdjson::dom::element& res, std::string_view kind, const Date& date,
                        ImportContext& ctx) {
  FhirValue value = ReadValue(res);
  auto& group = GroupFor(res, date, ctx);
  auto& report = group.report;
  if (kind == "er_presence" || kind == "er_percent") {
    MapReceptor(value, report.er_status, report.er_percent, ctx, "fhir.what.er-result");
  } else if (kind == "pgr_presence" || kind == "pgr_percent") {
    MapReceptor(value, report.pgr_status, report.pgr_percent, ctx, "fhir.what.pgr-result");
  } else if (kind == "ki67") {
    if (auto pct = ReadPercent(value, ctx)) report.ki67_percent = pct;
  } else if (kind == "her2_status" || kind == "her2_ihc") {
    // An IHC score is only taken from a score-shaped value; a bare Positive/Negative is the
    // reported overall call and never turned into a score.
    if (auto presence = ReadPresence(value, ctx)) {
      report.her2_status = *presence;
    } else if (auto score = ReadIhcScore(value, ctx.codes)) {
      report.her2_ihc = score;
    } else {
      WarnValueForm(value, ctx,
                    kind == "her2_ihc" ? "fhir.what.her2-ihc-score" : "fhir.what.her2-result");
    }
  } else if (kind == "her2_ish") {
    if (auto presence = ReadPresence(value, ctx)) {
      group.ish_presence = *presence;
    } else {
      WarnValueForm(value, ctx, "fhir.what.her2-ish-result");
    }
  } else if (kind == "her2_ish_ratio") {
    if (auto ratio = ReadQuantity(value, "ratio", ctx, true)) {
      report.her2_ish_ratio = ratio;
      report.ish_probe = IshProbe::kDual;  // a HER2/CEP17 ratio needs the CEP17 probe
    }
  } else if (kind == "her2_ish_copies") {
    if (auto copies = ReadQuantity(value, "copies", ctx, true)) report.her2_ish_copies = copies;
  }
}

void FinishPathology(ImportContext& ctx) {
  if (!ctx.pathology.empty()) ctx.Mark(ImportRule::kPathologyGroup);
  for (auto& group : ctx.pathology) {
    auto& report = group.report;
    // The model keeps a qualitative status only when no percentage was reported.
    if (report.er_percent) report.er_status = Presence::kUnknown;
    if (report.pgr_percent) report.pgr_status = Presence::kUnknown;
    if (report.her2_status == Presence::kUnknown) report.her2_status = group.ish_presence;
    report.specimen = SpecimenOf(group, ctx);
    if (report.specimen.kind != SpecimenKind::kUnknown) ctx.Mark(ImportRule::kSpecimenKind);
    ctx.out.record.pathology.push_back(std::move(report));
  }
  ctx.pathology.clear();
}

void MapPdL1(const simdjson::dom::element& res, std::string_view kind, const Date& date,
             ImportContext& ctx) {
  FhirValue value = ReadValue(res);
  if (value.kind != ValueKind::kQuantity && value.kind != ValueKind::kInteger &&
      value.kind != ValueKind::kString) {
    WarnValueForm(value, ctx, "fhir.what.pdl1-score");
    return;
  }
  // The unit of a PD-L1 score often names its scale ("CPS", "%"), so any unit is read and
  // the scale decides what the number means.
  std::optional<double> score;
  if (value.kind == ValueKind::kString) {
    auto text = value.text;
    while (!text.empty() && (text.back() == '%' || text.back() == ' ')) text.remove_suffix(1);
    score = ParseNumber(text);
  } else if (value.has_number) {
    score = value.number;
  }
  if (!score) {
    WarnValueForm(value, ctx, "fhir.what.pdl1-score");
    return;
  }
  if (*score < 0 || *score > 100) {
    ctx.Mark(ImportRule::kImplausible);
    ctx.Warn(value.element_name, "fhir.pdl1-out-of-range", {{"score", FormatNumber(*score)}});
    return;
  }
  std::string_view scale = FindScale(value.unit_text);
  if (scale.empty()) scale = FindScale(value.unit);
  if (scale.empty()) scale = FindScale(value.text);
  if (auto code = Member(res, "code"); scale.empty() && code) scale = FindScale(ConceptText(*code));
  if (auto method = Member(res, "method"); scale.empty() && method) {
    scale = FindScale(ConceptText(*method));
  }
  if (scale.empty()) {
    // CPS and TPS/IC scores are different scales with different cut-offs; never guess.
    ctx.Mark(ImportRule::kUnmapped);
    ctx.Warn(value.element_name, "fhir.pdl1-no-scale", {{"score", FormatNumber(*score)}});
    return;
  }
  PdL1Result result;
  result.date = date;
  result.assay = kind == "pdl1_sp142" ? "SP142" : "22C3";
  result.score_type = std::string(scale);
  result.score = *score;
  ctx.out.record.pdl1.push_back(std::move(result));
}

void MapSerumMarker(const simdjson::dom::element& res, std::string_view kind, const Date& date,
                    ImportContext& ctx) {
  FhirValue value = ReadValue(res);
  bool ng = kind == "cea";
  auto number = ReadQuantity(value, ng ? "marker_ng" : "marker_u", ctx, false);
  if (!number) return;
  TumorMarker marker;
  marker.date = date;
  marker.marker = kind == "ca15_3" ? "CA15-3" : kind == "ca27_29" ? "CA27-29" : "CEA";
  marker.value = *number;
  marker.unit = ng ? "ng/mL" : "U/mL";
  ctx.out.record.tumor_markers.push_back(std::move(marker));
}

}  // namespace oncnav::fhir
