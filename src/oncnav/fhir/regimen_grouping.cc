#include "oncnav/fhir/regimen_grouping.h"

#include <algorithm>

#include "oncnav/fhir/text.h"

namespace oncnav::fhir {
namespace {

// One drug's continuous exposure: its resources, merged while each starts within
// kRegimenContinueDays of the end of the previous one (per-cycle administrations, renewed
// orders, a request split at a partner switch).
struct Span {
  std::string_view drug;
  Date start;
  Date end;              // the last day given (the start of a single dose)
  bool has_end = false;  // some resource stated an end (a period end)
  bool ongoing = false;
  bool completed = true;  // every resource completed
  bool palliative = false;
  StopReason reason = StopReason::kNone;
  std::optional<Date> reason_date;  // start of the resource that stated the reason

  // Stopped, as stated by a period end, before `d`.
  bool EndedBefore(const Date& d) const { return !ongoing && has_end && end < d; }
  // Still given after `d`, as stated by the record.
  bool RunningAfter(const Date& d) const { return ongoing || (has_end && end > d); }
  // Why the drug stopped: the latest stated reason, else completed when every resource was.
  StopReason Reason() const {
    if (reason != StopReason::kNone) return reason;
    return completed ? StopReason::kCompleted : StopReason::kNone;
  }
};

std::vector<Span> BuildSpans(const std::vector<DrugExposure>& sorted, bool supportive) {
  std::vector<Span> spans;
  for (const auto& e : sorted) {
    if (!e.start || e.supportive != supportive) continue;
    Span* span = nullptr;
    for (auto it = spans.rbegin(); it != spans.rend() && !span; ++it) {
      if (it->drug == e.drug &&
          (it->ongoing || *e.start <= it->end.AddDays(kRegimenContinueDays))) {
        span = &*it;
      }
    }
    Date end = e.end.value_or(*e.start);
    if (!span) {
      span = &spans.emplace_back();
      span->drug = e.drug;
      span->start = *e.start;
      span->end = end;
    } else if (end > span->end) {
      span->end = end;
    }
    span->has_end |= e.end.has_value();
    span->ongoing |= e.ongoing;
    span->completed &= e.completed;
    span->palliative |= e.intent == "palliative";
    // The latest stated reason wins: it is why the drug finally stopped.
    if (e.stop_reason != StopReason::kNone &&
        (!span->reason_date || *e.start >= *span->reason_date)) {
      span->reason = e.stop_reason;
      span->reason_date = *e.start;
    }
  }
  return spans;
}

// A regimen being built: drugs given together, as indices into the spans.
struct Building {
  std::vector<size_t> members;
  Date first;
  std::optional<Date> closed;  // stopped at a change of its drugs
  StopReason closed_reason = StopReason::kNone;
  bool after_drop = false;  // opened by dropping a partner; a replacement starts it anew
};

class Grouper {
 public:
  explicit Grouper(const std::vector<Span>& spans) : spans_(spans) {}

  std::vector<Building> Run() {
    for (size_t i = 0; i < spans_.size(); ++i) Place(i);
    if (!buildings_.empty()) SplitDrops(std::nullopt);
    return std::move(buildings_);
  }

 private:
  void Place(size_t i) {
    const Span& s = spans_[i];
    if (buildings_.empty()) return Open(i, s.start);
    SplitDrops(s.start);
    Building& cur = buildings_.back();
    bool ended = false, stated_running = false;
    for (size_t m : cur.members) {
      const Span& member = spans_[m];
      ended |= member.EndedBefore(s.start);
      stated_running |= !member.ongoing && member.has_end && member.end > s.start;
    }
    if (!ended && s.start <= cur.first.AddDays(kRegimenJoinDays)) {
      // Started together (staggered starts of one combination), or the replacement of a
      // dropped partner: the regimen starts with it.
      if (cur.after_drop) cur.first = s.start;
      cur.after_drop = false;
      cur.members.push_back(i);
      return;
    }
    // An open-ended status ("active" without an end) is often left over in the record, so only
    // a stated end after this start makes drugs carry into a new regimen with it.
    if (!stated_running) return Open(i, s.start);
    // A drug added to (or replacing a partner in) a regimen that goes on: the regimen stops
    // here and the drugs that continue carry into the new one.
    Building next;
    next.first = s.start;
    const Span* stopped = nullptr;
    for (size_t m : cur.members) {
      const Span& member = spans_[m];
      if (member.RunningAfter(s.start)) {
        next.members.push_back(m);
      } else if (member.EndedBefore(s.start) && (!stopped || member.end > stopped->end)) {
        stopped = &member;
      }
    }
    cur.closed = stopped ? stopped->end : s.start;
    cur.closed_reason = stopped ? stopped->Reason() : StopReason::kNone;
    next.members.push_back(i);
    buildings_.push_back(std::move(next));
  }

  void Open(size_t i, const Date& start) {
    Building b;
    b.members.push_back(i);
    b.first = start;
    buildings_.push_back(std::move(b));
  }

  // The regimen in progress stops when one of its drugs stops (a stated end before `until`)
  // while another goes on for more than kRegimenJoinDays; the others form a new regimen from
  // that date (e.g. chemotherapy completed, antibody maintenance continues).
  void SplitDrops(const std::optional<Date>& until) {
    while (true) {
      Building& cur = buildings_.back();
      const Span* drop = nullptr;
      for (size_t m : cur.members) {
        const Span& member = spans_[m];
        if (member.ongoing || !member.has_end || (until && member.end >= *until)) continue;
        if (member.end < cur.first || (drop && member.end >= drop->end)) continue;
        drop = &member;
      }
      if (!drop) return;
      Date limit = drop->end.AddDays(kRegimenJoinDays);
      Building next;
      next.first = drop->end;
      next.after_drop = true;
      for (size_t m : cur.members) {
        const Span& member = spans_[m];
        if (member.ongoing || member.end > limit) next.members.push_back(m);
      }
      if (next.members.empty()) return;  // the whole regimen stopped together
      cur.closed = drop->end;
      cur.closed_reason = drop->Reason();
      buildings_.push_back(std::move(next));
    }
  }

  const std::vector<Span>& spans_;
  std::vector<Building> buildings_;
};

bool HasDrug(const Regimen& r, std::string_view drug) {
  return std::find(r.drugs.begin(), r.drugs.end(), drug) != r.drugs.end();
}

// The regimen of a building: its drugs, dates, stop reason and whether it was palliative.
Regimen ToRegimen(const Building& b, const std::vector<Span>& spans, bool& palliative) {
  Regimen r;
  r.start = b.first;
  palliative = false;
  bool ongoing = false, all_completed = true;
  const Span* last = nullptr;
  for (size_t m : b.members) {
    const Span& s = spans[m];
    if (!HasDrug(r, s.drug)) r.drugs.emplace_back(s.drug);
    palliative |= s.palliative;
    ongoing |= s.ongoing;
    all_completed &= s.completed;
    // The drug that stopped last says why the regimen stopped (the first stated, on a tie).
    if (!last || s.end > last->end || (s.end == last->end && last->reason == StopReason::kNone)) {
      last = &s;
    }
  }
  if (b.closed) {
    r.stop = b.closed;
    r.stop_reason = b.closed_reason;
    return r;
  }
  if (!ongoing) r.stop = last->end;
  r.stop_reason = last->reason;
  if (r.stop_reason == StopReason::kNone && all_completed) r.stop_reason = StopReason::kCompleted;
  // An ongoing regimen has no stop reason, not even one a continuing drug brought along from
  // an earlier, stopped order.
  if (ongoing) r.stop_reason = StopReason::kNone;
  return r;
}

struct Built {
  Regimen regimen;
  bool palliative = false;
};

void AddUndated(std::vector<Built>& undated, const DrugExposure& e) {
  auto it = std::find_if(undated.begin(), undated.end(),
                         [&](const Built& b) { return HasDrug(b.regimen, e.drug); });
  if (it == undated.end()) {
    undated.emplace_back();
    it = undated.end() - 1;
    it->regimen.drugs.emplace_back(e.drug);
    it->regimen.stop_reason = e.completed ? StopReason::kCompleted : StopReason::kNone;
  } else if (!e.completed && it->regimen.stop_reason == StopReason::kCompleted) {
    it->regimen.stop_reason = StopReason::kNone;
  }
  if (e.stop_reason != StopReason::kNone) it->regimen.stop_reason = e.stop_reason;
  if (e.ongoing && it->regimen.stop_reason == StopReason::kCompleted) {
    it->regimen.stop_reason = StopReason::kNone;
  }
  it->palliative |= e.intent == "palliative";
}

}  // namespace

void BuildRegimens(ImportContext& ctx) {
  auto& exposures = ctx.exposures;
  if (exposures.empty()) return;
  ctx.Mark(ImportRule::kRegimenGroup);
  std::stable_sort(exposures.begin(), exposures.end(),
                   [](const DrugExposure& a, const DrugExposure& b) {
                     if (a.start.has_value() != b.start.has_value()) return a.start.has_value();
                     return a.start && b.start && *a.start < *b.start;
                   });
  std::vector<Built> dated;
  // Anticancer drugs and supportive care (LOT-SUPPORTIVE) are grouped apart: a bone-modifying
  // agent never joins, continues or stops an anticancer regimen.
  for (bool supportive : {false, true}) {
    auto spans = BuildSpans(exposures, supportive);
    for (const auto& b : Grouper(spans).Run()) {
      Built built;
      built.regimen = ToRegimen(b, spans, built.palliative);
      dated.push_back(std::move(built));
    }
  }
  std::stable_sort(dated.begin(), dated.end(), [](const Built& a, const Built& b) {
    return *a.regimen.start < *b.regimen.start;
  });
  // Undated exposures: one regimen without dates per drug.
  std::vector<Built> undated;
  for (const auto& e : exposures) {
    if (!e.start) AddUndated(undated, e);
  }

  std::optional<Date> first_metastasis;
  for (const auto& m : ctx.out.record.metastases) {
    if (m.date && (!first_metastasis || *m.date < *first_metastasis)) first_metastasis = m.date;
  }
  int index = 0;
  auto finish = [&](Built& b) {
    Regimen& r = b.regimen;
    r.id = Cat({"fhir-regimen-", std::to_string(++index)});
    if (r.stop_reason != StopReason::kNone) ctx.Mark(ImportRule::kStopReason);
    if ((r.start && first_metastasis && *r.start >= *first_metastasis) || b.palliative) {
      r.setting = Setting::kMetastatic;
    } else if (!r.start) {
      r.setting = Setting::kUnknown;
    } else {
      const Date first = *r.start;
      bool before_surgery = std::any_of(
          ctx.surgery_dates.begin(), ctx.surgery_dates.end(),
          [&](const Date& s) { return first < s && DaysBetween(first, s) <= kNeoadjuvantDays; });
      r.setting = before_surgery ? Setting::kNeoadjuvant : Setting::kAdjuvant;
    }
    if (r.setting != Setting::kUnknown) ctx.Mark(ImportRule::kRegimenSetting);
    ctx.out.record.regimens.push_back(std::move(r));
  };
  for (auto& b : dated) finish(b);
  for (auto& b : undated) finish(b);
  exposures.clear();
}

}  // namespace oncnav::fhir
