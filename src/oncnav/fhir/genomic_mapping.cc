#include "oncnav/fhir/genomic_mapping.h"

#include <vector>

#include "oncnav/fhir/fhir_value.h"
#include "oncnav/fhir/value_parsing.h"

namespace oncnav::fhir {
namespace {

// The gene symbol: an HGNC coding's display (the code is an HGNC id such as "HGNC:1100"),
// else the concept text.
std::string_view GeneSymbol(const simdjson::dom::element& cc) {
  std::string_view symbol;
  ForEachCoding(cc, [&](std::string_view system, std::string_view, std::string_view display) {
    if (system == "http://www.genenames.org" && !display.empty()) symbol = display;
    return !symbol.empty();
  });
  return symbol.empty() ? ConceptText(cc) : symbol;
}

// "NP_004647.1:p.(Gln590Ter)" -> "p.(Gln590Ter)": the change without its reference sequence.
std::string_view HgvsChange(const FhirValue& value) {
  std::string_view text;
  if (value.kind == ValueKind::kString) {
    text = value.text;
  } else if (value.kind == ValueKind::kCodeable) {
    ForEachCoding(value.coded,
                  [&](std::string_view, std::string_view code, std::string_view display) {
                    text = code.empty() ? display : code;
                    return !text.empty();
                  });
    if (text.empty()) text = ConceptText(value.coded);
  }
  auto colon = text.rfind(':');
  return colon == std::string_view::npos ? text : text.substr(colon + 1);
}

}  // namespace

void MapGenomicVariant(const simdjson::dom::element& res, const Date& date, ImportContext& ctx) {
  std::vector<std::string_view> genes;
  std::string_view protein, dna, genomic, source, significance;
  ForEach(res, "component", [&](const simdjson::dom::element& component) {
    auto code = Member(component, "code");
    if (!code) return;
    auto kind = LookupCode(ctx.codes, CodeTable::kComponent, *code);
    if (kind.empty()) return;  // other components (reference, allele frequency) are detail
    FhirValue value = ReadValue(component);
    if (kind == "gene_studied" && value.kind == ValueKind::kCodeable) {
      auto symbol = GeneSymbol(value.coded);
      if (!symbol.empty()) genes.push_back(symbol);
    } else if (kind == "hgvs_protein") {
      protein = HgvsChange(value);
    } else if (kind == "hgvs_dna") {
      dna = HgvsChange(value);
    } else if (kind == "hgvs_genomic") {
      genomic = HgvsChange(value);
    } else if (kind == "genomic_source") {
      source = AnswerOf(value, ctx.codes);
    } else if (kind == "clinical_significance") {
      significance = AnswerOf(value, ctx.codes);
    }
  });
  if (genes.empty()) {
    ctx.Mark(ImportRule::kUnmapped);
    ctx.Warn("component", "fhir.variant-without-gene");
    return;
  }
  FhirValue value = ReadValue(res);
  auto answer = AnswerOf(value, ctx.codes);
  bool detected;
  if (answer == "present" || answer == "positive") {
    detected = true;
  } else if (answer == "absent" || answer == "negative") {
    detected = false;
  } else {
    WarnValueForm(value, ctx, "fhir.what.variant-presence");
    return;
  }
  if (source == "germline") {
    GermlineResult result = GermlineResult::kNegative;
    if (detected) {
      if (significance == "pathogenic") {
        result = GermlineResult::kPathogenic;
      } else if (significance == "likely_pathogenic") {
        result = GermlineResult::kLikelyPathogenic;
      } else if (significance == "uncertain_significance") {
        result = GermlineResult::kVus;
      } else if (significance == "benign") {
        result = GermlineResult::kNegative;
      } else {
        result = GermlineResult::kUnknown;
        ctx.Warn("component", "fhir.germline-without-significance");
      }
    }
    for (auto gene : genes) {
      ctx.out.record.germline.push_back({date, std::string(gene), result});
    }
    return;
  }
  std::string_view hgvs = !protein.empty() ? protein : !dna.empty() ? dna : genomic;
  for (auto gene : genes) {
    SomaticVariant variant;
    variant.date = date;
    variant.gene = std::string(gene);
    if (detected) variant.hgvs = std::string(hgvs);
    variant.detected = detected;
    ctx.out.record.variants.push_back(std::move(variant));
  }
}

}  // namespace oncnav::fhir
