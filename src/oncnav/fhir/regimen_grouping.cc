#include "oncnav/fhir/regimen_grouping.h"

#include <algorithm>

#include "oncnav/fhir/text.h"

namespace oncnav::fhir {
namespace {

struct Building {
  Regimen regimen;
  Date first;
  Date last;
  bool ongoing = false;
  bool all_completed = true;
  bool palliative = false;
  StopReason reason = StopReason::kNone;
  std::optional<Date> reason_date;
};

bool HasDrug(const Regimen& r, std::string_view drug) {
  return std::find(r.drugs.begin(), r.drugs.end(), drug) != r.drugs.end();
}

void Add(Building& b, const DrugExposure& e) {
  if (!HasDrug(b.regimen, e.drug)) b.regimen.drugs.emplace_back(e.drug);
  Date start = e.start.value_or(b.first);
  Date last = e.end.value_or(start);
  if (last > b.last) b.last = last;
  b.ongoing |= e.ongoing;
  b.all_completed &= e.completed;
  b.palliative |= e.intent == "palliative";
  // The latest stated reason wins: it is why the regimen finally stopped.
  if (e.stop_reason != StopReason::kNone && (!b.reason_date || start >= *b.reason_date)) {
    b.reason = e.stop_reason;
    b.reason_date = start;
  }
}

Building Open(const DrugExposure& e) {
  Building b;
  b.first = e.start.value_or(Date());
  b.last = b.first;
  Add(b, e);
  return b;
}

}  // namespace

void BuildRegimens(ImportContext& ctx) {
  auto& exposures = ctx.exposures;
  if (exposures.empty()) return;
  ctx.Mark(ImportRule::kRegimenGroup);
  // Undated exposures sort last and each forms its own regimen without dates.
  std::stable_sort(exposures.begin(), exposures.end(),
                   [](const DrugExposure& a, const DrugExposure& b) {
                     if (a.start.has_value() != b.start.has_value()) return a.start.has_value();
                     return a.start && b.start && *a.start < *b.start;
                   });
  std::vector<Building> built;
  std::vector<Building> undated;
  for (const auto& e : exposures) {
    if (!e.start) {
      auto it = std::find_if(undated.begin(), undated.end(),
                             [&](const Building& b) { return HasDrug(b.regimen, e.drug); });
      if (it == undated.end()) {
        undated.push_back(Open(e));
      } else {
        Add(*it, e);
      }
      continue;
    }
    Building* target = nullptr;
    for (auto it = built.rbegin(); it != built.rend() && !target; ++it) {
      if (HasDrug(it->regimen, e.drug) && *e.start <= it->last.AddDays(kRegimenContinueDays)) {
        target = &*it;
      }
    }
    if (!target && !built.empty() && *e.start <= built.back().first.AddDays(kRegimenJoinDays)) {
      target = &built.back();
    }
    if (target) {
      Add(*target, e);
    } else {
      built.push_back(Open(e));
    }
  }

  std::optional<Date> first_metastasis;
  for (const auto& m : ctx.out.record.metastases) {
    if (m.date && (!first_metastasis || *m.date < *first_metastasis)) first_metastasis = m.date;
  }
  int index = 0;
  auto finish = [&](Building& b, bool dated) {
    Regimen& r = b.regimen;
    r.id = Cat({"fhir-regimen-", std::to_string(++index)});
    if (dated) {
      r.start = b.first;
      if (!b.ongoing) r.stop = b.last;
    }
    if (b.reason != StopReason::kNone) {
      r.stop_reason = b.reason;
    } else if (b.all_completed) {
      r.stop_reason = StopReason::kCompleted;
    }
    if (b.ongoing && r.stop_reason == StopReason::kCompleted) r.stop_reason = StopReason::kNone;
    if (r.stop_reason != StopReason::kNone) ctx.Mark(ImportRule::kStopReason);
    if ((dated && first_metastasis && b.first >= *first_metastasis) || b.palliative) {
      r.setting = Setting::kMetastatic;
    } else if (!dated) {
      r.setting = Setting::kUnknown;
    } else {
      bool before_surgery =
          std::any_of(ctx.surgery_dates.begin(), ctx.surgery_dates.end(), [&](const Date& s) {
            return b.first < s && DaysBetween(b.first, s) <= kNeoadjuvantDays;
          });
      r.setting = before_surgery ? Setting::kNeoadjuvant : Setting::kAdjuvant;
    }
    if (r.setting != Setting::kUnknown) ctx.Mark(ImportRule::kRegimenSetting);
    ctx.out.record.regimens.push_back(std::move(r));
  };
  for (auto& b : built) finish(b, true);
  for (auto& b : undated) finish(b, false);
  exposures.clear();
}

}  // namespace oncnav::fhir
