#pragma once

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "oncnav/common/date.h"
#include "oncnav/common/error.h"
#include "oncnav/knowledge/pack_reader.h"
#include "oncnav/knowledge/rule.h"

namespace oncnav {

class DrugCatalog;
struct Source;

// The three subtype groups the synthetic generator draws (systemic-therapy.md §2.5): HR+/HER2-,
// HER2+ (HR+ or HR-) and triple-negative.
enum class SynthGroup { kHrPosHer2Neg = 0, kHer2Pos = 1, kTnbc = 2 };
inline constexpr std::array<std::string_view, 3> kSynthGroupNames = {"hr_pos_her2_neg", "her2_pos",
                                                                     "tnbc"};

// One number per subtype group.
struct ByGroup {
  std::array<double, 3> values{};
  double operator[](SynthGroup g) const { return values[static_cast<size_t>(g)]; }
};

// Inclusive bounds, e.g. days from one event to the next.
struct SynthRange {
  double min = 0;
  double max = 0;
};

// A bell-shaped draw (sum of uniform draws) around `mean`, clamped to [min, max].
struct SynthBell {
  double mean = 0;
  double spread = 0;
  double min = 0;
  double max = 0;
};

// Named alternatives with relative weights, in file order (the order is part of determinism).
using SynthWeights = std::vector<std::pair<std::string, double>>;

// Where a parameter's number comes from (every entry of synthetic.json carries it).
struct SynthProvenance {
  std::string id;
  std::vector<std::string> sources;
  Evidence evidence = Evidence::kDesign;
  std::string basis;
};

// An adverse event a regimen option may cause in the generator.
struct SynthAdverseEvent {
  enum class Action { kContinue, kSwitch, kSwitchOrContinue };
  std::string term;  // snake_case, e.g. "interstitial_lung_disease"
  std::string drug;  // INN of the drug it is attributed to (one of the option's drugs)
  double probability = 0;
  int grade = 1;
  Action action = Action::kContinue;
  double median_onset_months = 1;
  SynthProvenance provenance;
};

// A regimen the generator may give, with the conditions of systemic-therapy.md §4 as named
// predicates (the vocabulary is fixed in code and checked at load).
struct SynthRegimenOption {
  std::string id;
  std::vector<SynthGroup> groups;
  int first_line = 1;
  int last_line = 1;
  std::vector<std::string> drugs;  // INNs known to drugs.json
  double weight = 1;
  double brain_weight = 0;  // weight when brain metastases are present; 0 = `weight`
  std::vector<std::string> requires_all;
  bool ovarian_suppression = false;  // add an LHRH agonist for pre/perimenopausal women and men
  std::optional<Date> available_from;
  std::vector<std::string> availability_sources;
  double median_pfs_months = 6;
  std::vector<std::string> pfs_sources;
  Evidence pfs_evidence = Evidence::kDesign;
  std::vector<std::string> sources;
  std::vector<std::string> induction_drugs;  // stopped (completed) after `induction_weeks`
  int induction_weeks = 0;
  std::vector<SynthAdverseEvent> adverse_events;
};

// Typed parameters of synthetic.json. Every field is required; the loader names the entry and
// the reason for anything missing, mistyped or out of range.
struct SynthParameters {
  Date reference_date;
  SynthWeights group_mix;  // keys: kSynthGroupNames
  double her2_pos_hr_positive = 0;
  double de_novo_fraction = 0;
  ByGroup os_median_months;
  double max_years_metastatic = 0;
  ByGroup dfi_median_years;
  double min_dfi_months = 0;
  SynthBell age_at_metastasis;
  double male_fraction = 0;
  double perimenopausal_from = 0;
  double postmenopausal_from = 0;
  SynthBell height_cm;
  SynthBell bmi;
  SynthWeights laterality;
  SynthWeights histology;
  SynthWeights early_stage;

  double er_low_fraction = 0;
  double pgr_only_fraction = 0;
  double pgr_negative_fraction = 0;
  SynthWeights her2_negative_categories;  // zero, ultralow, low_1plus, low_2plus
  double her2_positive_by_ish = 0;
  double ish_also_for_ihc3 = 0;
  double ish_other_groups = 0;
  double membrane_staining_not_stated = 0;
  double ki67_reported = 0;
  double metastatic_biopsy = 0;
  double rebiopsy_at_progression = 0;
  double her2_discordance = 0;
  double her2_gain_share_of_discordance = 0;
  double hr_loss_at_metastasis = 0;
  SynthWeights biopsy_site_weights;

  double pdl1_tested = 0;
  SynthWeights pdl1_assays;  // 22C3, SP142, both
  double pdl1_cps_10_fraction = 0;
  std::map<std::string, double> sp142_positive_by_site;  // site or "primary"; "other"
  double gbrca_tested = 0;
  ByGroup gbrca_pathogenic;
  ByGroup brca1_share;
  double pi3k_pathway_altered = 0;
  SynthWeights pi3k_pathway_genes;
  std::map<std::string, double> plasma_positive_agreement;
  double esr1_after_aromatase_inhibitor = 0;
  double esr1_without_aromatase_inhibitor = 0;
  double esr1_test_at_endocrine_progression = 0;
  double pi3k_test_at_endocrine_progression = 0;
  double pi3k_test_at_resistant_relapse = 0;
  double pi3k_test_plasma_share = 0;
  double tissue_after_negative_plasma = 0;
  std::map<std::string, std::vector<std::string>> variant_names;

  ByGroup neoadjuvant_fraction;
  ByGroup adjuvant_chemo_fraction;
  std::map<std::string, std::vector<std::string>> early_regimens;
  double anti_her2_total_months = 0;
  double adjuvant_endocrine_fraction = 0;
  double adjuvant_endocrine_years = 0;
  double adjuvant_endocrine_early_stop = 0;
  double lumpectomy_fraction = 0;

  SynthRange first_line_start_days;
  SynthRange line_gap_days;
  double long_gap_fraction = 0;
  SynthRange long_gap_days;
  SynthRange toxicity_switch_gap_days;
  SynthRange imaging_interval_days;
  double imaging_missed_scan = 0;
  double imaging_overdue = 0;
  double no_imaging_since_metastasis = 0;
  double visceral_crisis_first_line = 0;
  int max_endocrine_lines = 0;
  double endocrine_primary_resistance_months = 0;
  int max_lines = 0;
  double survival_per_progression = 0;
  double minimum_time_to_progression_days = 0;

  std::array<SynthWeights, 3> sites_at_diagnosis;  // per group: site -> probability
  double bone_only_hr_positive = 0;
  double lytic_bone_lesion = 0;
  double new_site_at_progression = 0;
  double brain_at_progression_her2 = 0;
  double brain_radiosurgery = 0;
  double bone_radiotherapy = 0;
  double response_complete = 0;
  double response_partial = 0;
  SynthRange target_shrink_pr;   // percent
  SynthRange target_shrink_sd;   // percent
  SynthRange pd_growth_percent;  // percent over the nadir
  double best_response_recorded = 0;

  double bma_fraction = 0;
  SynthWeights bma_agents;  // INN -> weight
  SynthRange bma_start_days;
  double dental_examination_before_bma = 0;
  double bma_osteonecrosis = 0;
  double bma_hypocalcemia = 0;

  double labs_si_units = 0;
  std::map<std::string, SynthRange> lab_ranges;  // canonical units
  double hypercalcemia_with_bone = 0;
  double low_albumin_late_line = 0;
  double diabetes = 0;
  double lvef_drop_on_trastuzumab = 0;
  double missing_recent_labs = 0;
  double lvef_interval_days = 0;
  double ca15_3_measured = 0;
  double ca15_3_secretor = 0;
  double cea_measured = 0;
  double cea_secretor = 0;
  double karnofsky_instead = 0;
  SynthWeights ecog_first_line;  // "0", "1", "2"
  double ecog_worsen_per_line = 0;

  double missing_weight_height = 0;
  double missing_menopausal_status = 0;
  double missing_stage = 0;
  double missing_histology = 0;
  double missing_er_status_only = 0;
  double missing_her2_status_only = 0;
  double missing_metastatic_her2 = 0;
  double missing_ish_pending = 0;
  double toxicity_switch_share = 0;
};

// knowledge/breast/synthetic.json: the parameters of the synthetic patient generator, each with
// its provenance, and the regimen options it sequences (docs/synthetic-data.md).
struct SyntheticConfig {
  SynthParameters params;
  std::vector<SynthProvenance> provenance;  // one per parameter, in file order
  std::vector<SynthRegimenOption> regimens;

  static SyntheticConfig Load(const nlohmann::json& doc, PackReader& reader);
};

// The predicates a regimen option may require (fixed vocabulary, see synth/sequencing.cc).
const std::vector<std::string_view>& SynthPredicateNames();

// Cross-checks against the rest of the pack: every cited source is in the manifest and every
// regimen drug (and every early-regimen drug and bone-modifying agent) is in drugs.json.
void CheckSyntheticReferences(const SyntheticConfig& config,
                              const std::map<std::string, Source, std::less<>>& sources,
                              const DrugCatalog& drugs, std::vector<Error>& errors);

}  // namespace oncnav
