#include "oncnav/engine/recist.h"

#include <algorithm>

#include "oncnav/engine/recist_baseline.h"
#include "oncnav/engine/recist_detail.h"
#include "oncnav/engine/recist_new_lesions.h"
#include "oncnav/engine/recist_overall.h"

namespace oncnav {
namespace {

using namespace recist;  // NOLINT: the engine's own internals

// Index of the baseline in `order` (assessments sorted by date).
size_t PickBaseline(const std::vector<ImagingAssessment>& assessments,
                    const std::vector<size_t>& order, std::optional<Date> course_start,
                    bool& inferred) {
  inferred = false;
  for (size_t i = order.size(); i-- > 0;) {
    if (assessments[order[i]].baseline) return i;
  }
  inferred = true;
  if (course_start) {
    for (size_t i = order.size(); i-- > 0;) {
      if (assessments[order[i]].date <= *course_start) return i;
    }
  }
  return 0;
}

// Follow-up lesions that match nothing at baseline and are not marked new cannot be placed.
void FlagUnknownLesions(const ImagingAssessment& baseline, const ImagingAssessment& follow_up,
                        std::vector<RecistFinding>& findings, std::vector<std::string>& rules) {
  for (const auto& lesion : follow_up.lesions) {
    if (lesion.is_new || FindLesion(baseline, lesion.id)) continue;
    AddRule(rules, "RECIST-TRACK");
    AddFinding(findings, "recist.lesion-not-at-baseline", "warning", "RECIST-TRACK",
               {{"lesion", lesion.id}, {"date", follow_up.date.ToString()}});
  }
}

std::string JoinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += ", ";
    out += id;
  }
  return out;
}

void NoteBaselineScope(const Baseline& baseline, RecistResult& result) {
  if (result.has_target_disease) return;
  if (baseline.non_targets.empty()) {
    AddRule(result.rules, "RECIST-BASELINE");
    AddFinding(result.findings, "recist.no-baseline-disease", "warning", "RECIST-BASELINE",
               {{"date", result.baseline_date->ToString()}});
  } else if (baseline.all_bone) {
    // interop B.6: bone-only disease is usually non-measurable; say what RECIST cannot do.
    AddRule(result.rules, "RECIST-BONE-ONLY");
    AddFinding(result.findings, "recist.bone-only-non-measurable", "info", "RECIST-BONE-ONLY", {});
  } else {
    AddRule(result.rules, "RECIST-NONTARGET-ONLY");
    AddFinding(result.findings, "recist.non-target-only", "info", "RECIST-NONTARGET-ONLY", {});
  }
}

// Everything one follow-up adds: categories, sums and the cautions tied to them.
class FollowUpAssessor {
 public:
  FollowUpAssessor(const ImagingAssessment& baseline_scan, const Baseline& baseline,
                   const RecistConfig& config, RecistResult& result)
      : baseline_scan_(baseline_scan),
        baseline_(baseline),
        config_(config),
        result_(result),
        nadir_mm_(baseline.sum_mm) {}

  void Assess(const ImagingAssessment& scan) {
    non_target_missing_.clear();
    RecistTimePoint tp;
    tp.date = scan.date;
    tp.rules.reserve(8);
    auto& findings = result_.findings;
    FlagUnknownLesions(baseline_scan_, scan, findings, tp.rules);

    TargetCategory target = TargetCategory::kNone;
    tp.target = TargetName(target);
    if (result_.has_target_disease) target = AssessTargets(scan, tp);

    auto non_target = ClassifyNonTargets(baseline_, scan, config_, non_target_missing_);
    tp.non_target = NonTargetName(non_target);
    AddNonTargetRule(non_target, tp.rules);
    if (non_target == NonTargetCategory::kCR) {
      // Non-target CR also needs normal tumour markers, which this module never reads.
      AddFinding(findings, "recist.non-target-cr-markers", "info", "RECIST-NT-CR",
                 {{"date", scan.date.ToString()}});
    }

    auto fresh = AssessNewLesions(scan, config_, equivocal_, findings, tp.rules);
    tp.new_lesions = fresh.unequivocal;

    auto overall = result_.has_target_disease
                       ? CombineWithTargets(target, non_target, fresh.unequivocal)
                       : CombineNonTargetOnly(non_target, fresh.unequivocal);
    tp.overall = overall.overall;
    AddRule(tp.rules, overall.rule);
    if (result_.has_target_disease)
      AddRule(tp.rules, "RECIST-OVERALL");
    else if (!baseline_.non_targets.empty())
      AddRule(tp.rules, "RECIST-NONTARGET-ONLY");
    AddCautions(overall, target, non_target, fresh, tp);
    result_.time_points.push_back(std::move(tp));
  }

 private:
  TargetCategory AssessTargets(const ImagingAssessment& scan, RecistTimePoint& tp) {
    auto m = MeasureTargets(baseline_, scan, config_);
    if (m.used_too_small) AddRule(tp.rules, "RECIST-TSTM");
    if (m.used_gone) AddRule(tp.rules, "RECIST-GONE");
    if (m.node_below_normal) AddRule(tp.rules, "RECIST-NODE-SA");
    auto call = ClassifyTargets(m, baseline_.sum_mm, nadir_mm_, held_, config_);
    tp.target = TargetName(call.category);
    AddRule(tp.rules, call.rule);
    if (m.complete) {
      tp.sum_mm = m.sum_mm;
      if (baseline_.sum_mm > 0) {
        tp.change_from_baseline_pct = (m.sum_mm - baseline_.sum_mm) * 100 / baseline_.sum_mm;
      }
      if (nadir_mm_ > 0) tp.change_from_nadir_pct = (m.sum_mm - nadir_mm_) * 100 / nadir_mm_;
      nadir_mm_ = std::min(nadir_mm_, m.sum_mm);  // RM-04: the nadir includes baseline
    }
    tp.missing_targets = std::move(m.missing);
    if (call.nadir_zero) {
      AddRule(tp.rules, "RECIST-NADIR-ZERO");
      AddFinding(result_.findings, "recist.reappearance-after-zero-nadir", "warning",
                 "RECIST-NADIR-ZERO",
                 {{"date", tp.date.ToString()},
                  {"sum", FormatNumber(m.sum_mm)},
                  {"category", std::string(TargetName(call.category))}});
    }
    if (call.category == TargetCategory::kCR || call.category == TargetCategory::kPR) held_ = true;
    if (call.category == TargetCategory::kPD) held_ = false;
    return call.category;
  }

  static void AddNonTargetRule(NonTargetCategory c, std::vector<std::string>& rules) {
    switch (c) {
      case NonTargetCategory::kCR:
        AddRule(rules, "RECIST-NT-CR");
        break;
      case NonTargetCategory::kNonCrNonPd:
        AddRule(rules, "RECIST-NT-NONCR");
        break;
      case NonTargetCategory::kPD:
        AddRule(rules, "RECIST-NT-PD");
        break;
      case NonTargetCategory::kNE:
        AddRule(rules, "RECIST-NE");
        break;
      case NonTargetCategory::kNone:
        break;
    }
  }

  void AddCautions(const OverallCall& overall, TargetCategory target, NonTargetCategory non_target,
                   const NewLesionCall& fresh, RecistTimePoint& tp) {
    auto& findings = result_.findings;
    // Formatted only when a caution is raised: most time points raise none.
    auto date = [&tp] { return tp.date.ToString(); };
    if (overall.unverified_row && overall.rule == "RECIST-NE") {
      std::string missing = JoinIds(tp.missing_targets);
      if (missing.empty()) missing = JoinIds(non_target_missing_);
      AddFinding(findings, "recist.not-evaluable", "warning", "RECIST-NE",
                 {{"date", date()}, {"lesions", missing.empty() ? "-" : missing}});
    } else if (overall.unverified_row && overall.rule == "RECIST-CR-NT-NE") {
      AddFinding(findings, "recist.cr-with-non-target-not-evaluated", "warning", "RECIST-CR-NT-NE",
                 {{"date", date()}});
    }
    // RN-05: a new small node as the only evidence of PD deserves a second look.
    bool other_pd = target == TargetCategory::kPD || non_target == NonTargetCategory::kPD;
    if (fresh.unequivocal && fresh.only_small_nodes && !other_pd) {
      for (const auto* node : fresh.small_nodes) {
        auto size = Measure(*node);
        AddFinding(
            findings, "recist.new-node-only-progression", "warning", "RECIST-NEW-NODE",
            {{"lesion", node->id}, {"size", size ? FormatNumber(*size) : "?"}, {"date", date()}});
      }
    }
  }

  const ImagingAssessment& baseline_scan_;
  const Baseline& baseline_;
  const RecistConfig& config_;
  RecistResult& result_;
  double nadir_mm_;
  bool held_ = false;  // PR or CR reached and not lost to PD since
  std::vector<EquivocalSighting> equivocal_;
  std::vector<std::string> non_target_missing_;  // reused across follow-ups
};

}  // namespace

RecistResult AssessRecist(const std::vector<ImagingAssessment>& assessments,
                          const RecistConfig& config, std::optional<Date> course_start) {
  RecistResult result;
  if (assessments.empty()) return result;
  std::vector<size_t> order(assessments.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return assessments[a].date < assessments[b].date; });

  bool inferred = false;
  size_t base_pos = PickBaseline(assessments, order, course_start, inferred);
  const ImagingAssessment& scan = assessments[order[base_pos]];
  result.baseline_date = scan.date;
  if (inferred) {
    AddRule(result.rules, "RECIST-BASELINE");
    AddFinding(result.findings, "recist.baseline-inferred", "info", "RECIST-BASELINE",
               {{"date", scan.date.ToString()}});
  }
  Baseline baseline = BuildBaseline(scan, config, result.findings, result.rules);
  result.has_target_disease = !baseline.targets.empty();
  if (result.has_target_disease) {
    result.baseline_sum_mm = baseline.sum_mm;
    result.nadir_sum_mm = baseline.sum_mm;
  }
  NoteBaselineScope(baseline, result);

  FollowUpAssessor assessor(scan, baseline, config, result);
  for (size_t i = base_pos + 1; i < order.size(); ++i) {
    const auto& follow_up = assessments[order[i]];
    if (follow_up.date <= scan.date) continue;  // same-day scans are part of the baseline
    assessor.Assess(follow_up);
  }
  for (const auto& tp : result.time_points) {
    for (const auto& id : tp.rules) AddRule(result.rules, id);
    if (tp.sum_mm && result.nadir_sum_mm) {
      result.nadir_sum_mm = std::min(*result.nadir_sum_mm, *tp.sum_mm);
    }
  }
  // Markers were not consulted: the category rests on imaging alone (§1.6).
  if (!result.time_points.empty()) AddRule(result.rules, "RECIST-MARKERS");
  return result;
}

}  // namespace oncnav
