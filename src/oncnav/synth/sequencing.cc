// Which regimen a synthetic patient gets: the options of synthetic.json whose conditions hold on
// what the record says at that date (systemic-therapy.md §4), drawn by weight.
#include <algorithm>

#include "oncnav/synth/synth_state.h"

namespace oncnav::synth {
namespace {

// Drugs continued beyond progression (anti-HER2 backbone, ovarian suppression) [S2][R38].
bool Continues(std::string_view drug) {
  return drug == "trastuzumab" || drug == "goserelin" || drug == "leuprorelin";
}

bool Failed(const State& s, const std::string& drug) {
  return !Continues(drug) &&
         std::find(s.failed_drugs.begin(), s.failed_drugs.end(), drug) != s.failed_drugs.end();
}

bool RegimenHasClass(const State& s, const GivenRegimen& g, std::string_view cls) {
  return std::any_of(g.drugs.begin(), g.drugs.end(),
                     [&](const std::string& d) { return DrugHasClass(s, d, cls); });
}

// An endocrine drug other than ovarian suppression alone.
bool IsEndocrineTherapy(const State& s, const std::string& drug) {
  return DrugHasClass(s, drug, "endocrine") && !DrugHasClass(s, drug, "ovarian_suppression");
}

bool RegimenIsEndocrine(const State& s, const GivenRegimen& g) {
  return std::any_of(g.drugs.begin(), g.drugs.end(),
                     [&](const std::string& d) { return IsEndocrineTherapy(s, d); });
}

// Metastatic lines (distinct line numbers) started before `date` with a regimen for which `f`
// holds.
template <typename F>
int LinesWith(const State& s, const Date& date, F&& f) {
  std::vector<int> lines;
  for (const auto& g : s.given) {
    if (g.setting != Setting::kMetastatic || g.line == 0 || g.start >= date || !f(g)) continue;
    if (std::find(lines.begin(), lines.end(), g.line) == lines.end()) lines.push_back(g.line);
  }
  return static_cast<int>(lines.size());
}

bool AnyGiven(const State& s, const Date& date, const std::vector<std::string>& drugs) {
  for (const auto& g : s.given) {
    if (g.start >= date) continue;
    for (const auto& d : g.drugs) {
      if (std::find(drugs.begin(), drugs.end(), d) != drugs.end()) return true;
    }
  }
  return false;
}

// DEF-1 applied to the endocrine lines given so far: the last one progressed within 6 months.
bool LastEndocrineLineShort(const State& s) {
  const SynthLineTruth* last = nullptr;
  for (const auto& lt : s.truth.lines) {
    for (const auto& g : s.given) {
      if (g.line == lt.number && g.setting == Setting::kMetastatic && RegimenIsEndocrine(s, g)) {
        last = &lt;
      }
    }
  }
  if (!last || !last->progression) return false;
  return MonthsBetween(last->start, *last->progression) <
         static_cast<int>(s.p.endocrine_primary_resistance_months);
}

bool VariantDetected(const State& s, const Date& date, std::initializer_list<const char*> genes) {
  // The latest result per gene decides (ESR1 may be re-tested).
  for (const char* gene : genes) {
    const SomaticVariant* latest = nullptr;
    for (const auto& v : s.rec.variants) {
      if (v.gene == gene && v.date <= date && (!latest || v.date >= latest->date)) latest = &v;
      // An earlier detection stays true for PIK3CA/AKT1/PTEN (a tumour does not lose it).
      if (v.gene == gene && v.date <= date && v.detected && std::string_view(gene) != "ESR1") {
        return true;
      }
    }
    if (latest && latest->detected) return true;
  }
  return false;
}

struct Context {
  Date date;
  int line = 1;
  SynthGroup group = SynthGroup::kHrPosHer2Neg;
  bool endocrine_candidate = false;
};

bool Holds(const State& s, std::string_view name, const Context& c) {
  const Date& d = c.date;
  auto months_since = [&](const std::optional<Date>& from) {
    return from ? MonthsBetween(*from, s.met_date) : 1000;
  };
  if (name == "endocrine_candidate") return c.endocrine_candidate;
  if (name == "endocrine_unsuitable") return !c.endocrine_candidate;
  if (name == "endocrine_resistant_relapse") return s.EndocrineResistantRelapse();
  if (name == "endocrine_sensitive_relapse") return !s.EndocrineResistantRelapse();
  if (name == "no_prior_cdk46") {
    // No progression on a CDK4/6 inhibitor: after one stopped for toxicity another may follow.
    return LinesWith(s, d, [&](const GivenRegimen& g) {
             return RegimenHasClass(s, g, "cdk46_inhibitor") &&
                    g.reason == StopReason::kProgression;
           }) == 0;
  }
  if (name == "prior_endocrine_metastatic") {
    return LinesWith(s, d, [&](const GivenRegimen& g) { return RegimenIsEndocrine(s, g); }) > 0;
  }
  if (name == "prior_endocrine") {
    // LOT-2 / DEF-7: a relapse on or within 12 months of adjuvant endocrine therapy counts.
    return s.EndocrineResistantRelapse() || Holds(s, "prior_endocrine_metastatic", c);
  }
  if (name == "prior_nonsteroidal_ai") return AnyGiven(s, d, {"letrozole", "anastrozole"});
  if (name == "pik3ca_mutated") return VariantDetected(s, d, {"PIK3CA"});
  if (name == "pi3k_pathway_altered") return VariantDetected(s, d, {"PIK3CA", "AKT1", "PTEN"});
  if (name == "esr1_mutated") return VariantDetected(s, d, {"ESR1"});
  if (name == "gbrca") {
    return std::any_of(s.rec.germline.begin(), s.rec.germline.end(), [&](const GermlineTest& t) {
      return t.date <= d && (t.result == GermlineResult::kPathogenic ||
                             t.result == GermlineResult::kLikelyPathogenic);
    });
  }
  if (name == "her2_low") return s.KnownHer2(d) == Her2Cat::kLow;
  if (name == "her2_low_or_ultralow") {
    auto h = s.KnownHer2(d);
    return h == Her2Cat::kLow || h == Her2Cat::kUltralow;
  }
  auto chemo_lines = [&] {
    return LinesWith(s, d,
                     [&](const GivenRegimen& g) { return RegimenHasClass(s, g, "chemotherapy"); });
  };
  if (name == "no_prior_chemo_metastatic") return chemo_lines() == 0;
  if (name == "prior_chemo_metastatic") return chemo_lines() >= 1;
  if (name == "prior_chemo_metastatic_2") return chemo_lines() >= 2;
  if (name == "prior_chemo_or_early_relapse") {
    // DEF-9: relapse during or within 6 months of adjuvant chemotherapy counts.
    return chemo_lines() >= 1 || (s.curative_chemo_end && months_since(s.curative_chemo_end) < 6);
  }
  auto pdl1 = [&](std::string_view assay, double cut) {
    return std::any_of(s.rec.pdl1.begin(), s.rec.pdl1.end(), [&](const PdL1Result& r) {
      return r.date <= d && r.assay == assay && r.score >= cut;
    });
  };
  if (name == "pdl1_cps_10") return pdl1("22C3", 10);
  if (name == "pdl1_sp142_ic_1") return pdl1("SP142", 1);
  if (name == "disease_free_6_months") return months_since(s.curative_chemo_end) >= 6;
  if (name == "treatment_free_12_months") return months_since(s.curative_chemo_end) >= 12;
  if (name == "her2_therapy_free_6_months") return months_since(s.anti_her2_end) > 6;
  if (name == "prior_anti_her2") {
    return s.anti_her2_early || LinesWith(s, d, [&](const GivenRegimen& g) {
                                  return RegimenHasClass(s, g, "anti_her2");
                                }) > 0;
  }
  return false;  // the loader only accepts names listed in SynthPredicateNames()
}

bool EndocrineCandidate(const State& s, int line, const Date& date) {
  if (s.KnownGroup(date) != SynthGroup::kHrPosHer2Neg) return false;
  if (line == 1 && s.visceral_crisis) return false;
  int endocrine_lines =
      LinesWith(s, date, [&](const GivenRegimen& g) { return RegimenIsEndocrine(s, g); });
  return endocrine_lines < s.p.max_endocrine_lines && !LastEndocrineLineShort(s);
}

// The line an option's range is compared with. HER2+ options follow the anti-HER2 lines (LOT-2:
// relapse within 6 months of (neo)adjuvant anti-HER2 therapy counts as one); HR+ options count
// an endocrine-resistant relapse as a first endocrine line (DEF-7).
int EffectiveLine(const State& s, int line, SynthGroup group, const Date& date) {
  if (group == SynthGroup::kHer2Pos) {
    return 1 + (s.anti_her2_early ? 1 : 0) + LinesWith(s, date, [&](const GivenRegimen& g) {
             return RegimenHasClass(s, g, "anti_her2");
           });
  }
  if (group == SynthGroup::kHrPosHer2Neg && s.EndocrineResistantRelapse()) return line + 1;
  return line;
}

std::vector<std::string> DrugsFor(const State& s, const SynthRegimenOption& o, const Date& start) {
  std::vector<std::string> drugs = o.drugs;
  // GP-5: women before menopause and men on these regimens also get an LHRH agonist [R38].
  if (o.ovarian_suppression) {
    if (s.sex == Sex::kMale) {
      drugs.emplace_back("leuprorelin");
    } else if (s.MenopauseAt(start) != MenopausalStatus::kPostmenopausal) {
      drugs.emplace_back("goserelin");
    }
  }
  return drugs;
}

// The previous anticancer regimen (any setting), the one the new regimen follows.
const GivenRegimen* Previous(const State& s) {
  const GivenRegimen* prev = nullptr;
  for (const auto& g : s.given) {
    bool supportive = std::all_of(g.drugs.begin(), g.drugs.end(), [&](const std::string& d) {
      return DrugHasClass(s, d, "bone_modifying_agent");
    });
    if (!supportive && (!prev || g.start >= prev->start)) prev = &g;
  }
  return prev;
}

// The start of `drugs` planned on `planned`, or nothing when a drug would join exposures that
// cannot stay apart. A drug given again within 90 days of its last stop continues the same
// exposure (in the record and in FHIR, FHIR-REGIMEN-GROUP): that is allowed only for drugs of
// the previous metastatic regimen that go on while one of its drugs stops, and then the new
// regimen starts within 28 days of the previous stop, as a continuing drug would.
std::optional<Date> StartFor(State& s, const std::vector<std::string>& drugs, const Date& planned) {
  const GivenRegimen* prev = Previous(s);
  bool shared_with_prev = false;
  for (const auto& d : drugs) {
    for (const auto& g : s.given) {
      if (std::find(g.drugs.begin(), g.drugs.end(), d) == g.drugs.end()) continue;
      bool recent = !g.stop || g.stop->AddDays(90) >= planned;
      if (!recent) continue;
      if (&g != prev || g.setting != Setting::kMetastatic) return std::nullopt;
      shared_with_prev = true;
    }
  }
  if (!shared_with_prev) return planned;
  bool one_stops = std::any_of(prev->drugs.begin(), prev->drugs.end(), [&](const std::string& d) {
    return std::find(drugs.begin(), drugs.end(), d) == drugs.end();
  });
  if (!one_stops || !prev->stop) return std::nullopt;
  // Only drugs that go on (a partner dropped for toxicity): they never paused, so the regimen
  // they form starts the day the previous one stopped.
  bool continuing_only = std::all_of(drugs.begin(), drugs.end(), [&](const std::string& d) {
    return std::find(prev->drugs.begin(), prev->drugs.end(), d) != prev->drugs.end();
  });
  if (continuing_only) return prev->stop;
  Date latest = prev->stop->AddDays(28);
  return planned > latest ? prev->stop->AddDays(static_cast<int>(s.rng.Int(7, 28))) : planned;
}

std::optional<Decision> Choose(State& s, int line, const Date& planned, bool endocrine) {
  Context c;
  c.date = planned;
  c.line = line;
  c.group = s.KnownGroup(planned);
  c.endocrine_candidate = endocrine;
  int effective = EffectiveLine(s, line, c.group, planned);
  std::vector<Decision> candidates;
  std::vector<double> weights;
  for (const auto& o : s.pack.synthetic.regimens) {
    if (std::find(o.groups.begin(), o.groups.end(), c.group) == o.groups.end()) continue;
    if (effective < o.first_line || effective > o.last_line) continue;
    if (std::any_of(o.drugs.begin(), o.drugs.end(),
                    [&](const std::string& d) { return Failed(s, d); })) {
      continue;
    }
    if (!std::all_of(o.requires_all.begin(), o.requires_all.end(),
                     [&](const std::string& p) { return Holds(s, p, c); })) {
      continue;
    }
    auto drugs = DrugsFor(s, o, planned);
    auto start = StartFor(s, drugs, planned);
    if (!start || (o.available_from && *start < *o.available_from)) continue;
    candidates.push_back({&o, *start, std::move(drugs)});
    weights.push_back(s.brain_metastases && o.brain_weight > 0 ? o.brain_weight : o.weight);
  }
  if (candidates.empty()) return std::nullopt;
  return candidates[s.rng.Pick(weights)];
}

}  // namespace

bool DrugHasClass(const State& s, const std::string& drug, std::string_view cls) {
  const Drug* d = s.pack.drugs.FindByName(drug);
  return d && d->HasClass(cls);
}

std::optional<Decision> ChooseRegimen(State& s, int line, const Date& planned) {
  bool endocrine = EndocrineCandidate(s, line, planned);
  auto decision = Choose(s, line, planned, endocrine);
  // Nothing endocrine-based left to give: treat as endocrine-unsuitable (chemotherapy, ADCs).
  if (!decision && endocrine) decision = Choose(s, line, planned, false);
  return decision;
}

}  // namespace oncnav::synth
