#include "oncnav/knowledge/synthetic_config.h"

#include <algorithm>
#include <functional>
#include <set>

#include "oncnav/common/text.h"
#include "oncnav/knowledge/drug_catalog.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {
namespace {

using nlohmann::json;

std::string Sub(const std::string& path, std::string_view key) { return Cat({path, ".", key}); }
std::string Index(const std::string& path, size_t i) {
  return Cat({path, "[", std::to_string(i), "]"});
}

// Typed reads of parameter values; each records an error naming the path on a bad value and
// returns a neutral value so every problem of the file is reported in one pass.
class ValueReader {
 public:
  explicit ValueReader(PackReader& r) : r_(r) {}

  double Number(const json& v, const std::string& path, double min, double max) {
    if (!v.is_number()) {
      r_.Fail(path, "must be a number");
      return min;
    }
    double d = v.get<double>();
    if (d < min || d > max) {
      r_.Fail(path, Cat({"must be between ", Format(min), " and ", Format(max)}));
      return min;
    }
    return d;
  }
  double Probability(const json& v, const std::string& path) { return Number(v, path, 0, 1); }

  const json* Field(const json& obj, const std::string& path, std::string_view key) {
    if (!obj.is_object()) {
      r_.Fail(path, "must be an object");
      return nullptr;
    }
    auto it = obj.find(std::string(key));
    if (it == obj.end()) {
      r_.Fail(Sub(path, key), "is required");
      return nullptr;
    }
    return &*it;
  }
  double FieldNumber(const json& obj, const std::string& path, std::string_view key, double min,
                     double max) {
    const json* v = Field(obj, path, key);
    return v ? Number(*v, Sub(path, key), min, max) : min;
  }
  double FieldProbability(const json& obj, const std::string& path, std::string_view key) {
    return FieldNumber(obj, path, key, 0, 1);
  }

  SynthRange Range(const json& v, const std::string& path, double min, double max) {
    SynthRange out;
    if (!v.is_array() || v.size() != 2) {
      r_.Fail(path, "must be [low, high]");
      return out;
    }
    out.min = Number(v[0], Index(path, 0), min, max);
    out.max = Number(v[1], Index(path, 1), min, max);
    if (out.max < out.min) r_.Fail(path, "low must not exceed high");
    return out;
  }

  SynthBell Bell(const json& v, const std::string& path, double min, double max) {
    SynthBell b;
    b.mean = FieldNumber(v, path, "mean", min, max);
    b.spread = FieldNumber(v, path, "spread", 0, max);
    b.min = FieldNumber(v, path, "min", min, max);
    b.max = FieldNumber(v, path, "max", min, max);
    if (b.min > b.mean || b.mean > b.max) r_.Fail(path, "needs min <= mean <= max");
    return b;
  }

  // An object of non-negative weights; `keys`, when given, lists exactly the keys required.
  SynthWeights Weights(const json& v, const std::string& path,
                       const std::vector<std::string_view>& keys = {}) {
    SynthWeights out;
    if (!v.is_object() || v.empty()) {
      r_.Fail(path, "must be an object of weights");
      return out;
    }
    double total = 0;
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (!keys.empty() && std::find(keys.begin(), keys.end(), it.key()) == keys.end()) {
        r_.Fail(Sub(path, it.key()), Cat({"is not one of: ", Join(keys)}));
        continue;
      }
      double w = Number(it.value(), Sub(path, it.key()), 0, 1e6);
      total += w;
      out.emplace_back(it.key(), w);
    }
    for (auto key : keys) {
      if (!v.contains(std::string(key))) r_.Fail(Sub(path, key), "is required");
    }
    if (total <= 0) r_.Fail(path, "needs at least one weight above 0");
    return out;
  }

  ByGroup Groups(const json& v, const std::string& path, double min, double max) {
    ByGroup out;
    for (size_t g = 0; g < kSynthGroupNames.size(); ++g) {
      out.values[g] = FieldNumber(v, path, kSynthGroupNames[g], min, max);
    }
    return out;
  }

  std::map<std::string, double> Probabilities(const json& v, const std::string& path) {
    std::map<std::string, double> out;
    if (!v.is_object()) {
      r_.Fail(path, "must be an object");
      return out;
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
      out[it.key()] = Probability(it.value(), Sub(path, it.key()));
    }
    return out;
  }

  std::map<std::string, std::vector<std::string>> StringLists(const json& v,
                                                              const std::string& path) {
    std::map<std::string, std::vector<std::string>> out;
    if (!v.is_object()) {
      r_.Fail(path, "must be an object of string arrays");
      return out;
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
      auto& list = out[it.key()];
      const json& items = it.value();
      if (!items.is_array() || items.empty()) {
        r_.Fail(Sub(path, it.key()), "must be a non-empty array of strings");
        continue;
      }
      for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].is_string()) {
          list.push_back(items[i].get<std::string>());
        } else {
          r_.Fail(Index(Sub(path, it.key()), i), "must be a string");
        }
      }
    }
    return out;
  }

  Date DateValue(const json& v, const std::string& path) {
    std::optional<Date> d;
    if (v.is_string()) d = Date::Parse(v.get<std::string>());
    if (!d) {
      r_.Fail(path, "must be a date YYYY-MM-DD");
      return Date::FromYmd(2000, 1, 1);
    }
    return *d;
  }

  PackReader& reader() { return r_; }

 private:
  static std::string Format(double d) {
    std::string s = std::to_string(d);
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  }
  static std::string Join(const std::vector<std::string_view>& keys) {
    std::string out;
    for (auto k : keys) {
      if (!out.empty()) out += ", ";
      out += k;
    }
    return out;
  }

  PackReader& r_;
};

using Handler = std::function<void(const json& value, const std::string& path)>;

// Every parameter id the generator reads, with how its value is read into `p`.
std::vector<std::pair<std::string_view, Handler>> Handlers(SynthParameters& p, ValueReader& v) {
  auto prob = [&v](double& field) {
    return [&v, &field](const json& x, const std::string& path) { field = v.Probability(x, path); };
  };
  auto num = [&v](double& field, double min, double max) {
    return [&v, &field, min, max](const json& x, const std::string& path) {
      field = v.Number(x, path, min, max);
    };
  };
  auto groups = [&v](ByGroup& field, double min, double max) {
    return [&v, &field, min, max](const json& x, const std::string& path) {
      field = v.Groups(x, path, min, max);
    };
  };
  auto range = [&v](SynthRange& field, double min, double max) {
    return [&v, &field, min, max](const json& x, const std::string& path) {
      field = v.Range(x, path, min, max);
    };
  };
  auto weights = [&v](SynthWeights& field, std::vector<std::string_view> keys = {}) {
    return [&v, &field, keys](const json& x, const std::string& path) {
      field = v.Weights(x, path, keys);
    };
  };
  const std::vector<std::string_view> group_keys(kSynthGroupNames.begin(), kSynthGroupNames.end());
  return {
      {"reference_date",
       [&](const json& x, const std::string& path) { p.reference_date = v.DateValue(x, path); }},
      {"group_mix", weights(p.group_mix, group_keys)},
      {"her2_pos_hr_positive", prob(p.her2_pos_hr_positive)},
      {"de_novo_fraction", prob(p.de_novo_fraction)},
      {"os_median_months", groups(p.os_median_months, 1, 600)},
      {"max_years_metastatic", num(p.max_years_metastatic, 1, 30)},
      {"dfi_median_years", groups(p.dfi_median_years, 0.1, 30)},
      {"min_dfi_months", num(p.min_dfi_months, 1, 60)},
      {"age_at_metastasis",
       [&](const json& x, const std::string& path) {
         p.age_at_metastasis = v.Bell(x, path, 18, 100);
       }},
      {"male_fraction", prob(p.male_fraction)},
      {"menopause_age",
       [&](const json& x, const std::string& path) {
         p.perimenopausal_from = v.FieldNumber(x, path, "perimenopausal_from", 20, 80);
         p.postmenopausal_from = v.FieldNumber(x, path, "postmenopausal_from", 20, 80);
       }},
      {"height_cm",
       [&](const json& x, const std::string& path) { p.height_cm = v.Bell(x, path, 120, 210); }},
      {"bmi", [&](const json& x, const std::string& path) { p.bmi = v.Bell(x, path, 12, 60); }},
      {"laterality", weights(p.laterality, {"left", "right", "bilateral"})},
      {"histology", weights(p.histology)},
      {"early_stage", weights(p.early_stage)},
      {"er_percent_hr_positive",
       [&](const json& x, const std::string& path) {
         p.er_low_fraction = v.FieldProbability(x, path, "low_1_to_10");
         p.pgr_only_fraction = v.FieldProbability(x, path, "pgr_only");
       }},
      {"pgr_negative_fraction", prob(p.pgr_negative_fraction)},
      {"her2_negative_categories",
       weights(p.her2_negative_categories, {"zero", "ultralow", "low_1plus", "low_2plus"})},
      {"her2_positive_by_ish", prob(p.her2_positive_by_ish)},
      {"ish_also_for_ihc3", prob(p.ish_also_for_ihc3)},
      {"ish_other_groups", prob(p.ish_other_groups)},
      {"membrane_staining_not_stated", prob(p.membrane_staining_not_stated)},
      {"ki67_reported", prob(p.ki67_reported)},
      {"metastatic_biopsy", prob(p.metastatic_biopsy)},
      {"rebiopsy_at_progression", prob(p.rebiopsy_at_progression)},
      {"her2_discordance", prob(p.her2_discordance)},
      {"her2_gain_share_of_discordance", prob(p.her2_gain_share_of_discordance)},
      {"hr_loss_at_metastasis", prob(p.hr_loss_at_metastasis)},
      {"biopsy_site_weights", weights(p.biopsy_site_weights)},
      {"pdl1_tested", prob(p.pdl1_tested)},
      {"pdl1_assays", weights(p.pdl1_assays, {"22C3", "SP142", "both"})},
      {"pdl1_cps_10_fraction", prob(p.pdl1_cps_10_fraction)},
      {"sp142_positive_by_site",
       [&](const json& x, const std::string& path) {
         p.sp142_positive_by_site = v.Probabilities(x, path);
         if (!p.sp142_positive_by_site.count("other")) {
           v.reader().Fail(Sub(path, "other"), "is required (sites not listed)");
         }
       }},
      {"gbrca_tested", prob(p.gbrca_tested)},
      {"gbrca_pathogenic", groups(p.gbrca_pathogenic, 0, 1)},
      {"brca1_share", groups(p.brca1_share, 0, 1)},
      {"pi3k_pathway_altered", prob(p.pi3k_pathway_altered)},
      {"pi3k_pathway_genes", weights(p.pi3k_pathway_genes, {"PIK3CA", "AKT1", "PTEN"})},
      {"plasma_positive_agreement",
       [&](const json& x, const std::string& path) {
         p.plasma_positive_agreement = v.Probabilities(x, path);
         for (const char* gene : {"PIK3CA", "AKT1", "PTEN"}) {
           if (!p.plasma_positive_agreement.count(gene)) {
             v.reader().Fail(Sub(path, gene), "is required");
           }
         }
       }},
      {"esr1_after_aromatase_inhibitor", prob(p.esr1_after_aromatase_inhibitor)},
      {"esr1_without_aromatase_inhibitor", prob(p.esr1_without_aromatase_inhibitor)},
      {"esr1_test_at_endocrine_progression", prob(p.esr1_test_at_endocrine_progression)},
      {"pi3k_test_at_endocrine_progression", prob(p.pi3k_test_at_endocrine_progression)},
      {"pi3k_test_at_resistant_relapse", prob(p.pi3k_test_at_resistant_relapse)},
      {"pi3k_test_plasma_share", prob(p.pi3k_test_plasma_share)},
      {"tissue_after_negative_plasma", prob(p.tissue_after_negative_plasma)},
      {"variant_names",
       [&](const json& x, const std::string& path) {
         p.variant_names = v.StringLists(x, path);
         for (const char* gene : {"PIK3CA", "AKT1", "PTEN", "ESR1"}) {
           if (!p.variant_names.count(gene)) v.reader().Fail(Sub(path, gene), "is required");
         }
       }},
      {"neoadjuvant_fraction", groups(p.neoadjuvant_fraction, 0, 1)},
      {"adjuvant_chemo_fraction", groups(p.adjuvant_chemo_fraction, 0, 1)},
      {"early_regimens",
       [&](const json& x, const std::string& path) {
         p.early_regimens = v.StringLists(x, path);
         for (const char* key : {"anthracycline", "taxane", "her2_neoadjuvant", "her2_taxane",
                                 "her2_maintenance", "her2_post_neoadjuvant", "tnbc_platinum"}) {
           if (!p.early_regimens.count(key)) v.reader().Fail(Sub(path, key), "is required");
         }
       }},
      {"anti_her2_total_months", num(p.anti_her2_total_months, 1, 36)},
      {"adjuvant_endocrine_fraction", prob(p.adjuvant_endocrine_fraction)},
      {"adjuvant_endocrine_years", num(p.adjuvant_endocrine_years, 1, 10)},
      {"adjuvant_endocrine_early_stop", prob(p.adjuvant_endocrine_early_stop)},
      {"lumpectomy_fraction", prob(p.lumpectomy_fraction)},
      {"first_line_start_days", range(p.first_line_start_days, 1, 365)},
      {"line_gap_days", range(p.line_gap_days, 1, 365)},
      {"long_gap",
       [&](const json& x, const std::string& path) {
         p.long_gap_fraction = v.FieldProbability(x, path, "fraction");
         p.long_gap_days.min = v.FieldNumber(x, path, "min_days", 1, 720);
         p.long_gap_days.max = v.FieldNumber(x, path, "max_days", p.long_gap_days.min, 720);
       }},
      {"toxicity_switch_gap_days", range(p.toxicity_switch_gap_days, 1, 28)},
      {"imaging_interval_days", range(p.imaging_interval_days, 28, 180)},
      {"imaging_missed_scan", prob(p.imaging_missed_scan)},
      {"imaging_overdue", prob(p.imaging_overdue)},
      {"no_imaging_since_metastasis", prob(p.no_imaging_since_metastasis)},
      {"visceral_crisis_first_line", prob(p.visceral_crisis_first_line)},
      {"max_endocrine_lines",
       [&](const json& x, const std::string& path) {
         p.max_endocrine_lines = static_cast<int>(v.Number(x, path, 1, 10));
       }},
      {"endocrine_primary_resistance_months", num(p.endocrine_primary_resistance_months, 1, 24)},
      {"max_lines",
       [&](const json& x, const std::string& path) {
         p.max_lines = static_cast<int>(v.Number(x, path, 1, 20));
       }},
      {"survival_per_progression", prob(p.survival_per_progression)},
      {"minimum_time_to_progression_days", num(p.minimum_time_to_progression_days, 7, 365)},
      {"sites_at_diagnosis",
       [&](const json& x, const std::string& path) {
         for (size_t g = 0; g < kSynthGroupNames.size(); ++g) {
           const json* sites = v.Field(x, path, kSynthGroupNames[g]);
           if (!sites) continue;
           std::string sub = Sub(path, kSynthGroupNames[g]);
           p.sites_at_diagnosis[g] = v.Weights(*sites, sub,
                                               {"bone", "liver", "lung", "distant_lymph_node",
                                                "pleura", "skin", "brain", "peritoneum"});
           for (const auto& [site, chance] : p.sites_at_diagnosis[g]) {
             if (chance > 1) v.reader().Fail(Sub(sub, site), "is a probability (0 to 1)");
           }
         }
       }},
      {"bone_only_hr_positive", prob(p.bone_only_hr_positive)},
      {"lytic_bone_lesion", prob(p.lytic_bone_lesion)},
      {"new_site_at_progression", prob(p.new_site_at_progression)},
      {"brain_at_progression_her2", prob(p.brain_at_progression_her2)},
      {"brain_radiosurgery", prob(p.brain_radiosurgery)},
      {"bone_radiotherapy", prob(p.bone_radiotherapy)},
      {"response",
       [&](const json& x, const std::string& path) {
         p.response_complete = v.FieldProbability(x, path, "complete");
         p.response_partial = v.FieldProbability(x, path, "partial");
         if (p.response_complete + p.response_partial > 1) {
           v.reader().Fail(path, "complete + partial must not exceed 1");
         }
         // The drawn ranges must stay clear of the RECIST boundaries (PR at 30% shrinkage, PD
         // at 20% growth), so a drawn change is never a borderline call.
         if (const json* r = v.Field(x, path, "target_shrink_pr")) {
           p.target_shrink_pr = v.Range(*r, Sub(path, "target_shrink_pr"), 31, 95);
         }
         if (const json* r = v.Field(x, path, "target_shrink_sd")) {
           p.target_shrink_sd = v.Range(*r, Sub(path, "target_shrink_sd"), 0, 29);
         }
         if (const json* r = v.Field(x, path, "pd_growth_percent")) {
           p.pd_growth_percent = v.Range(*r, Sub(path, "pd_growth_percent"), 21, 300);
         }
       }},
      {"best_response_recorded", prob(p.best_response_recorded)},
      {"bone_modifying_agent",
       [&](const json& x, const std::string& path) {
         p.bma_fraction = v.FieldProbability(x, path, "fraction");
         p.bma_agents.clear();
         for (const char* agent : {"denosumab", "zoledronic acid"}) {
           p.bma_agents.emplace_back(agent, v.FieldProbability(x, path, agent));
         }
         if (const json* r = v.Field(x, path, "start_days")) {
           p.bma_start_days = v.Range(*r, Sub(path, "start_days"), 0, 365);
         }
       }},
      {"dental_examination_before_bma", prob(p.dental_examination_before_bma)},
      {"bma_toxicity",
       [&](const json& x, const std::string& path) {
         p.bma_osteonecrosis = v.FieldProbability(x, path, "osteonecrosis_of_jaw");
         p.bma_hypocalcemia = v.FieldProbability(x, path, "hypocalcemia");
       }},
      {"labs_si_units", prob(p.labs_si_units)},
      {"lab_ranges",
       [&](const json& x, const std::string& path) {
         p.lab_ranges.clear();
         for (const char* test : {"creatinine", "calcium", "albumin", "phosphate", "magnesium",
                                  "hba1c", "fasting_glucose", "neutrophils", "platelets",
                                  "hemoglobin", "alkaline_phosphatase", "lvef"}) {
           if (const json* r = v.Field(x, path, test)) {
             p.lab_ranges[test] = v.Range(*r, Sub(path, test), 0, 10000);
           }
         }
       }},
      {"lab_abnormal",
       [&](const json& x, const std::string& path) {
         p.hypercalcemia_with_bone = v.FieldProbability(x, path, "hypercalcemia_with_bone");
         p.low_albumin_late_line = v.FieldProbability(x, path, "low_albumin_late_line");
         p.diabetes = v.FieldProbability(x, path, "diabetes");
         p.lvef_drop_on_trastuzumab = v.FieldProbability(x, path, "lvef_drop_on_trastuzumab");
       }},
      {"missing_recent_labs", prob(p.missing_recent_labs)},
      {"lvef_interval_days", num(p.lvef_interval_days, 7, 365)},
      {"tumor_markers",
       [&](const json& x, const std::string& path) {
         p.ca15_3_measured = v.FieldProbability(x, path, "ca15_3_measured");
         p.ca15_3_secretor = v.FieldProbability(x, path, "ca15_3_secretor");
         p.cea_measured = v.FieldProbability(x, path, "cea_measured");
         p.cea_secretor = v.FieldProbability(x, path, "cea_secretor");
       }},
      {"performance",
       [&](const json& x, const std::string& path) {
         p.karnofsky_instead = v.FieldProbability(x, path, "karnofsky_instead");
         if (const json* w = v.Field(x, path, "ecog_first_line")) {
           p.ecog_first_line = v.Weights(*w, Sub(path, "ecog_first_line"), {"0", "1", "2"});
         }
         p.ecog_worsen_per_line = v.FieldProbability(x, path, "worsen_per_line");
       }},
      {"missing_data",
       [&](const json& x, const std::string& path) {
         p.missing_weight_height = v.FieldProbability(x, path, "weight_height");
         p.missing_menopausal_status = v.FieldProbability(x, path, "menopausal_status");
         p.missing_stage = v.FieldProbability(x, path, "stage");
         p.missing_histology = v.FieldProbability(x, path, "histology");
         p.missing_er_status_only = v.FieldProbability(x, path, "er_status_only");
         p.missing_her2_status_only = v.FieldProbability(x, path, "her2_status_only");
         p.missing_metastatic_her2 = v.FieldProbability(x, path, "metastatic_her2_not_tested");
         p.missing_ish_pending = v.FieldProbability(x, path, "ish_pending");
       }},
      {"toxicity_switch_share", prob(p.toxicity_switch_share)},
  };
}

std::optional<SynthGroup> ParseGroup(std::string_view name) {
  for (size_t g = 0; g < kSynthGroupNames.size(); ++g) {
    if (kSynthGroupNames[g] == name) return static_cast<SynthGroup>(g);
  }
  return std::nullopt;
}

Evidence ReadEvidence(PackReader& r, const json& obj, const std::string& path,
                      const std::string& key) {
  Evidence e = Evidence::kDesign;
  auto text = r.String(obj, path, key);
  if (text && !ParseEvidence(*text, e)) {
    r.Fail(Sub(path, key),
           "must be one of verified, seed, derived, partially-verified, design, unverified");
  }
  return e;
}

SynthProvenance ReadProvenance(PackReader& r, const json& obj, const std::string& path) {
  SynthProvenance p;
  p.sources = r.StringList(obj, path, "sources");
  if (p.sources.empty()) r.Fail(Sub(path, "sources"), "must name at least one source");
  p.evidence = ReadEvidence(r, obj, path, "evidence");
  p.basis = r.String(obj, path, "basis").value_or("");
  if (p.basis.empty()) r.Fail(Sub(path, "basis"), "must say where the number comes from");
  return p;
}

SynthAdverseEvent ReadAdverseEvent(ValueReader& v, const json& obj, const std::string& path,
                                   const SynthRegimenOption& option) {
  PackReader& r = v.reader();
  SynthAdverseEvent ae;
  ae.term = r.String(obj, path, "term").value_or("");
  ae.drug = r.String(obj, path, "drug").value_or("");
  if (std::find(option.drugs.begin(), option.drugs.end(), ae.drug) == option.drugs.end()) {
    r.Fail(Sub(path, "drug"), Cat({"'", ae.drug, "' is not a drug of regimen ", option.id}));
  }
  ae.probability = v.FieldProbability(obj, path, "probability");
  ae.grade = static_cast<int>(v.FieldNumber(obj, path, "grade", 1, 5));
  auto action = r.String(obj, path, "action").value_or("");
  if (action == "continue") {
    ae.action = SynthAdverseEvent::Action::kContinue;
  } else if (action == "switch") {
    ae.action = SynthAdverseEvent::Action::kSwitch;
  } else if (action == "switch_or_continue") {
    ae.action = SynthAdverseEvent::Action::kSwitchOrContinue;
  } else {
    r.Fail(Sub(path, "action"), "must be continue, switch or switch_or_continue");
  }
  ae.median_onset_months = v.FieldNumber(obj, path, "median_onset_months", 0.1, 60);
  ae.provenance = ReadProvenance(r, obj, path);
  ae.provenance.id = Cat({option.id, "/", ae.term});
  return ae;
}

SynthRegimenOption ReadRegimen(ValueReader& v, const json& obj, const std::string& path) {
  PackReader& r = v.reader();
  SynthRegimenOption o;
  o.id = r.String(obj, path, "id").value_or("");
  for (const auto& g : r.StringList(obj, path, "groups")) {
    if (auto group = ParseGroup(g)) {
      o.groups.push_back(*group);
    } else {
      r.Fail(Sub(path, "groups"), Cat({"'", g, "' is not a subtype group"}));
    }
  }
  if (o.groups.empty()) r.Fail(Sub(path, "groups"), "must name at least one group");
  if (const json* lines = v.Field(obj, path, "lines")) {
    auto range = v.Range(*lines, Sub(path, "lines"), 1, 20);
    o.first_line = static_cast<int>(range.min);
    o.last_line = static_cast<int>(range.max);
  }
  o.drugs = r.StringList(obj, path, "drugs");
  if (o.drugs.empty()) r.Fail(Sub(path, "drugs"), "must name at least one drug");
  o.weight = v.FieldNumber(obj, path, "weight", 0.001, 1000);
  if (obj.contains("brain_weight")) {
    o.brain_weight = v.Number(obj["brain_weight"], Sub(path, "brain_weight"), 0.001, 1000);
  }
  o.requires_all = r.StringList(obj, path, "requires");
  const auto& names = SynthPredicateNames();
  for (const auto& name : o.requires_all) {
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      r.Fail(Sub(path, "requires"), Cat({"'", name, "' is not a predicate the generator knows"}));
    }
  }
  if (obj.contains("ovarian_suppression")) {
    if (obj["ovarian_suppression"].is_boolean()) {
      o.ovarian_suppression = obj["ovarian_suppression"].get<bool>();
    } else {
      r.Fail(Sub(path, "ovarian_suppression"), "must be true or false");
    }
  }
  if (obj.contains("available_from")) {
    o.available_from = v.DateValue(obj["available_from"], Sub(path, "available_from"));
    o.availability_sources = r.StringList(obj, path, "availability_sources");
  }
  o.median_pfs_months = v.FieldNumber(obj, path, "median_pfs_months", 0.5, 120);
  o.pfs_sources = r.StringList(obj, path, "pfs_sources");
  o.pfs_evidence = ReadEvidence(r, obj, path, "pfs_evidence");
  o.sources = r.StringList(obj, path, "sources");
  if (obj.contains("induction")) {
    const json& ind = obj["induction"];
    std::string sub = Sub(path, "induction");
    o.induction_drugs = r.StringList(ind, sub, "drugs");
    o.induction_weeks = static_cast<int>(v.FieldNumber(ind, sub, "weeks", 1, 104));
    for (const auto& d : o.induction_drugs) {
      if (std::find(o.drugs.begin(), o.drugs.end(), d) == o.drugs.end()) {
        r.Fail(Sub(sub, "drugs"), Cat({"'", d, "' is not a drug of the regimen"}));
      }
    }
    if (o.induction_drugs.size() >= o.drugs.size()) {
      r.Fail(Sub(sub, "drugs"), "must leave at least one drug to continue");
    }
  }
  if (obj.contains("adverse_events")) {
    const json& list = obj["adverse_events"];
    std::string sub = Sub(path, "adverse_events");
    if (!list.is_array()) {
      r.Fail(sub, "must be an array");
    } else {
      for (size_t i = 0; i < list.size(); ++i) {
        o.adverse_events.push_back(ReadAdverseEvent(v, list[i], Index(sub, i), o));
      }
    }
  }
  return o;
}

void CheckSources(const std::vector<std::string>& refs, const std::string& where,
                  const std::map<std::string, Source, std::less<>>& sources,
                  std::vector<Error>& errors) {
  for (const auto& id : refs) {
    if (!sources.count(id)) {
      errors.push_back({ErrorCode::kKnowledgeInvalid, Cat({"synthetic.json: ", where}),
                        Cat({"cites source '", id, "', which manifest.json does not list"})});
    }
  }
}

void CheckDrug(const std::string& inn, const std::string& where, const DrugCatalog& drugs,
               std::vector<Error>& errors) {
  const Drug* d = drugs.FindByName(inn);
  if (!d || d->inn != inn) {
    errors.push_back({ErrorCode::kKnowledgeInvalid, Cat({"synthetic.json: ", where}),
                      Cat({"'", inn, "' is not the INN of a drug in drugs.json"})});
  }
}

}  // namespace

const std::vector<std::string_view>& SynthPredicateNames() {
  static const std::vector<std::string_view> names = {"endocrine_candidate",
                                                      "endocrine_unsuitable",
                                                      "endocrine_sensitive_relapse",
                                                      "endocrine_resistant_relapse",
                                                      "no_prior_cdk46",
                                                      "prior_endocrine",
                                                      "prior_endocrine_metastatic",
                                                      "prior_nonsteroidal_ai",
                                                      "pik3ca_mutated",
                                                      "pi3k_pathway_altered",
                                                      "esr1_mutated",
                                                      "gbrca",
                                                      "her2_low",
                                                      "her2_low_or_ultralow",
                                                      "no_prior_chemo_metastatic",
                                                      "prior_chemo_metastatic",
                                                      "prior_chemo_metastatic_2",
                                                      "prior_chemo_or_early_relapse",
                                                      "pdl1_cps_10",
                                                      "pdl1_sp142_ic_1",
                                                      "disease_free_6_months",
                                                      "treatment_free_12_months",
                                                      "her2_therapy_free_6_months",
                                                      "prior_anti_her2"};
  return names;
}

SyntheticConfig SyntheticConfig::Load(const nlohmann::json& doc, PackReader& reader) {
  SyntheticConfig out;
  ValueReader v(reader);
  auto handlers = Handlers(out.params, v);
  std::set<std::string> seen;
  const auto* params = reader.Member(doc, "$", "parameters");
  if (params && !params->is_array()) reader.Fail("$.parameters", "must be an array");
  if (params && params->is_array()) {
    for (size_t i = 0; i < params->size(); ++i) {
      const json& entry = (*params)[i];
      std::string path = Index("$.parameters", i);
      auto id = reader.String(entry, path, "id").value_or("");
      if (id.empty()) continue;
      auto handler = std::find_if(handlers.begin(), handlers.end(),
                                  [&](const auto& h) { return h.first == id; });
      if (handler == handlers.end()) {
        reader.Fail(Sub(path, "id"), Cat({"'", id, "' is not a parameter the generator reads"}));
        continue;
      }
      if (!seen.insert(id).second) {
        reader.Fail(Sub(path, "id"), Cat({"'", id, "' is defined twice"}));
        continue;
      }
      SynthProvenance provenance = ReadProvenance(reader, entry, path);
      provenance.id = id;
      out.provenance.push_back(std::move(provenance));
      if (const auto* value = reader.Member(entry, path, "value")) {
        handler->second(*value, Sub(path, "value"));
      }
    }
  }
  for (const auto& [id, handler] : handlers) {
    if (!seen.count(std::string(id))) {
      reader.Fail("$.parameters", Cat({"parameter '", id, "' is missing"}));
    }
  }
  const auto* regimens = reader.Member(doc, "$", "regimens");
  if (regimens && !regimens->is_array()) reader.Fail("$.regimens", "must be an array");
  if (regimens && regimens->is_array()) {
    std::set<std::string> ids;
    for (size_t i = 0; i < regimens->size(); ++i) {
      std::string path = Index("$.regimens", i);
      auto option = ReadRegimen(v, (*regimens)[i], path);
      if (!ids.insert(option.id).second) {
        reader.Fail(Sub(path, "id"), Cat({"'", option.id, "' is defined twice"}));
      }
      out.regimens.push_back(std::move(option));
    }
  }
  return out;
}

void CheckSyntheticReferences(const SyntheticConfig& config,
                              const std::map<std::string, Source, std::less<>>& sources,
                              const DrugCatalog& drugs, std::vector<Error>& errors) {
  for (const auto& p : config.provenance) {
    CheckSources(p.sources, Cat({"parameter ", p.id}), sources, errors);
  }
  for (const auto& [key, list] : config.params.early_regimens) {
    for (const auto& inn : list) CheckDrug(inn, Cat({"early_regimens.", key}), drugs, errors);
  }
  for (const auto& [inn, weight] : config.params.bma_agents) {
    CheckDrug(inn, "bone_modifying_agent", drugs, errors);
  }
  for (const auto& o : config.regimens) {
    std::string where = Cat({"regimen ", o.id});
    CheckSources(o.sources, where, sources, errors);
    CheckSources(o.pfs_sources, where, sources, errors);
    CheckSources(o.availability_sources, where, sources, errors);
    for (const auto& inn : o.drugs) CheckDrug(inn, where, drugs, errors);
    for (const auto& ae : o.adverse_events) {
      CheckSources(ae.provenance.sources, Cat({where, " adverse event ", ae.term}), sources,
                   errors);
    }
  }
}

}  // namespace oncnav
