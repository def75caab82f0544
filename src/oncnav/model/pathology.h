#pragma once

#include <optional>
#include <string>
#include <vector>

#include "oncnav/common/date.h"

namespace oncnav {

enum class SpecimenKind { kUnknown, kPrimary, kMetastasis, kPlasma, kBlood };

struct Specimen {
  SpecimenKind kind = SpecimenKind::kUnknown;
  std::string site;  // for a metastasis: which one (e.g. "liver")
};

enum class Her2Ihc { k0, k1Plus, k2Plus, k3Plus };
enum class IshProbe { kUnknown, kDual, kSingle };
// A qualitative result when no number was reported (e.g. FHIR "Positive").
enum class Presence { kUnknown, kPositive, kNegative, kEquivocal };

// One dated pathology report on one specimen. Fields absent from the report stay empty;
// absence is meaningful ("not tested") and never filled in from a subtype label.
struct PathologyReport {
  Date date;
  Specimen specimen;
  std::optional<double> er_percent;
  std::optional<double> pgr_percent;
  Presence er_status = Presence::kUnknown;   // only when no percentage was reported
  Presence pgr_status = Presence::kUnknown;  // likewise
  std::optional<Her2Ihc> her2_ihc;
  // For IHC 0: was faint, incomplete membrane staining seen (in <=10% of cells)?
  // Empty means the report did not say, so HER2-ultralow cannot be assessed.
  std::optional<bool> her2_membrane_staining;
  std::optional<double> her2_ish_ratio;   // HER2/CEP17, dual probe
  std::optional<double> her2_ish_copies;  // mean HER2 signals per cell
  IshProbe ish_probe = IshProbe::kUnknown;
  Presence her2_status = Presence::kUnknown;  // a reported overall call with no IHC/ISH detail
  std::optional<double> ki67_percent;
  std::string source_id;  // where it came from (FHIR resource id), for provenance
};

struct PdL1Result {
  Date date;
  Specimen specimen;
  std::string assay;       // "22C3", "SP142", "SP263", "28-8", ...
  std::string score_type;  // "CPS", "IC", "TPS", "TC"
  double score = 0;
};

enum class GermlineResult { kUnknown, kPathogenic, kLikelyPathogenic, kVus, kNegative };

struct GermlineTest {
  Date date;
  std::string gene;  // "BRCA1", "BRCA2", "PALB2", ...
  GermlineResult result = GermlineResult::kUnknown;
};

struct SomaticVariant {
  Date date;
  std::string gene;    // HGNC symbol
  std::string hgvs;    // e.g. "p.H1047R"
  std::string sample;  // "tissue" | "plasma"
  std::string assay;   // e.g. "FoundationOne CDx", "Guardant360 CDx"
  Specimen specimen;
  bool detected = true;  // false records a tested-and-negative result for the gene
};

}  // namespace oncnav
