// The metastatic course: lines of therapy run forward from the metastatic diagnosis until the
// as-of date. A regimen goes on until a scan shows progression (RA-01), a toxicity stops it
// (same line, LOT-4) or the history ends; each line has its own imaging series.
#include <algorithm>

#include "oncnav/synth/synth_state.h"

namespace oncnav::synth {
namespace {

struct Event {
  Date date;
  const SynthAdverseEvent* ae = nullptr;
  bool switches = false;
};

enum class LineEnd { kProgressed, kOngoing, kNothingOngoing };

struct LineOutcome {
  LineEnd end = LineEnd::kOngoing;
  Date stop;
  std::vector<std::string> drugs;  // of the regimen that progressed
};

int64_t Days(double months) { return MonthsToDays(months); }

std::vector<Event> DrawEvents(State& s, const SynthRegimenOption& o, const Date& start) {
  std::vector<Event> events;
  for (const auto& ae : o.adverse_events) {
    if (!s.rng.Chance(ae.probability)) continue;
    Event e;
    e.ae = &ae;
    e.date = start.AddDays(7 + static_cast<int>(s.rng.ExponentialDays(
                                   static_cast<double>(Days(ae.median_onset_months)))));
    using Action = SynthAdverseEvent::Action;
    e.switches = ae.action == Action::kSwitch || (ae.action == Action::kSwitchOrContinue &&
                                                  s.rng.Chance(s.p.toxicity_switch_share));
    events.push_back(e);
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const Event& a, const Event& b) { return a.date < b.date; });
  return events;
}

bool Given(const std::vector<std::string>& drugs, const std::string& drug) {
  return std::find(drugs.begin(), drugs.end(), drug) != drugs.end();
}

// Records (and removes) the adverse events that did not stop the regimen, before `until`.
void RecordContinuing(State& s, std::vector<Event>& events, const std::vector<std::string>& drugs,
                      const Date& until) {
  std::erase_if(events, [&](const Event& e) {
    if (e.switches || e.date >= until || !Given(drugs, e.ae->drug)) return false;
    s.AddAdverseEvent(e.date, e.ae->term, e.ae->grade, e.ae->drug);
    return true;
  });
}

void Fail(State& s, const std::string& drug) {
  if (std::find(s.failed_drugs.begin(), s.failed_drugs.end(), drug) == s.failed_drugs.end()) {
    s.failed_drugs.push_back(drug);
  }
}

// The best response of the line's first regimen, from the series drawn for it.
void RecordBestResponse(State& s, size_t index, bool progressed_at_first_scan) {
  if (!s.rng.Chance(s.p.best_response_recorded) || !s.write_imaging) return;
  const Series& series = *s.series;
  std::string best;
  if (progressed_at_first_scan) {
    best = "PD";
  } else if (series.follow_ups == 0) {
    return;
  } else if (series.targets.empty()) {
    best = "non-CR/non-PD";
  } else if (series.complete && series.follow_ups >= 2) {
    best = "CR";
  } else {
    int applied = series.follow_ups >= 2 ? series.shrink_percent : series.shrink_percent * 6 / 10;
    best = applied >= 35 ? "PR" : "SD";
  }
  s.rec.regimens[index].best_response = best;
}

LineOutcome RunLine(State& s, int line, Decision decision) {
  bool first_regimen = true;
  // The next scheduled scan, kept until a scan is taken: the schedule does not depend on
  // treatment changes between scans.
  std::optional<Date> next;
  bool scheduled = false;
  while (true) {
    const SynthRegimenOption& o = *decision.option;
    const Date start = decision.start;
    std::vector<std::string> drugs = decision.drugs;
    GivenRegimen given;
    given.option = o.id;
    given.line = line;
    given.drugs = drugs;
    given.start = start;
    size_t index = s.AddRegimen(std::move(given), "met");
    size_t first_index = index;
    s.truth.lines.back().regimens.push_back({o.id, start});
    int follow_ups_before = s.series->follow_ups;
    const Date progression = start.AddDays(static_cast<int>(
        std::max(static_cast<int64_t>(s.p.minimum_time_to_progression_days),
                 s.rng.ExponentialDays(static_cast<double>(Days(o.median_pfs_months))))));
    std::vector<Event> events = DrawEvents(s, o, start);
    std::optional<Date> induction_end;
    if (o.induction_weeks > 0) induction_end = start.AddDays(7 * o.induction_weeks);
    std::optional<Event> switch_event;
    for (const auto& e : events) {
      if (e.switches && !switch_event) switch_event = e;
    }
    while (true) {
      if (!scheduled) {
        next = NextScanDate(s);
        scheduled = true;
      }
      Date horizon = next ? *next : s.as_of;
      // Induction drugs stop as planned; the others go on as a new regimen of the same line.
      // When the regimen is about to end anyway (progression on the scheduled scan or a
      // toxicity stop within five weeks), everything simply goes on until then.
      if (induction_end && *induction_end <= horizon) {
        std::optional<Date> end;
        if (next && *next >= progression) end = next;
        if (switch_event && (!end || switch_event->date < *end)) end = switch_event->date;
        if (end && DaysBetween(*induction_end, *end) <= 35) induction_end.reset();
      }
      if (induction_end && *induction_end <= horizon &&
          (!switch_event || *induction_end < switch_event->date)) {
        s.StopRegimen(index, *induction_end, StopReason::kCompleted);
        std::vector<std::string> rest;
        for (const auto& d : drugs) {
          if (!Given(o.induction_drugs, d)) rest.push_back(d);
        }
        RecordContinuing(s, events, drugs, *induction_end);
        GivenRegimen maintenance;
        maintenance.option = o.id;
        maintenance.line = line;
        maintenance.drugs = rest;
        maintenance.start = *induction_end;
        index = s.AddRegimen(std::move(maintenance), "met");
        // Events of the induction drugs after it ended do not happen.
        std::erase_if(events, [&](const Event& e) {
          return e.date >= *induction_end && !Given(rest, e.ae->drug);
        });
        if (switch_event && !Given(rest, switch_event->ae->drug)) switch_event.reset();
        drugs = rest;
        induction_end.reset();
        continue;
      }
      if (switch_event && switch_event->date <= horizon) {
        const Event e = *switch_event;
        s.AddAdverseEvent(e.date, e.ae->term, e.ae->grade, e.ae->drug);
        Date stop = std::min(e.date.AddDays(static_cast<int>(s.rng.Int(0, 7))), s.as_of);
        s.StopRegimen(index, stop, StopReason::kToxicity);
        RecordContinuing(s, events, drugs, stop);
        Fail(s, e.ae->drug);
        Date planned = stop.AddDays(static_cast<int>(s.rng.InRange(s.p.toxicity_switch_gap_days)));
        if (planned > s.as_of) return {LineEnd::kNothingOngoing, stop, drugs};
        auto replacement = ChooseRegimen(s, line, planned);
        if (!replacement) return {LineEnd::kNothingOngoing, stop, drugs};
        decision = *replacement;
        first_regimen = false;
        break;  // the series goes on with the replacement
      }
      if (!next) {
        RecordContinuing(s, events, drugs, s.as_of);
        if (first_regimen) RecordBestResponse(s, first_index, false);
        return {LineEnd::kOngoing, s.as_of, drugs};
      }
      if (*next >= progression) {
        ProgressionScan(s, *next);
        Date stop = std::min(next->AddDays(static_cast<int>(s.rng.Int(0, 3))), s.as_of);
        s.StopRegimen(index, stop, StopReason::kProgression);
        RecordContinuing(s, events, drugs, stop);
        if (first_regimen) {
          RecordBestResponse(s, first_index, s.series->follow_ups == follow_ups_before);
        }
        for (const auto& d : drugs) Fail(s, d);
        s.truth.lines.back().progression = stop;
        return {LineEnd::kProgressed, stop, drugs};
      }
      FollowUpScan(s, *next);
      scheduled = false;
    }
  }
}

// Tests and events between a progression and the next line; returns the earliest next start.
Date AfterProgression(State& s, const LineOutcome& outcome) {
  const Date stop = outcome.stop;
  Date earliest = stop.AddDays(1);
  auto upto = [&](int64_t lo, int64_t hi) {
    Date d = stop.AddDays(static_cast<int>(s.rng.Int(lo, hi)));
    return d <= s.as_of ? std::optional<Date>(d) : std::nullopt;
  };
  if (s.rng.Chance(s.p.rebiopsy_at_progression)) {
    if (auto d = upto(3, 10); d && MetastaticBiopsy(s, *d)) earliest = std::max(earliest, *d);
  }
  bool endocrine = std::any_of(outcome.drugs.begin(), outcome.drugs.end(), [&](const auto& d) {
    return DrugHasClass(s, d, "endocrine") && !DrugHasClass(s, d, "ovarian_suppression");
  });
  if (endocrine && s.KnownGroup(stop) == SynthGroup::kHrPosHer2Neg) {
    // ESR1 at each progression on endocrine therapy [R12]; PIK3CA/AKT1/PTEN after it [R14].
    if (s.rng.Chance(s.p.esr1_test_at_endocrine_progression)) {
      if (auto d = upto(1, 10)) {
        AddEsr1Test(s, *d);
        earliest = std::max(earliest, *d);
      }
    }
    bool tested = std::any_of(s.rec.variants.begin(), s.rec.variants.end(),
                              [](const SomaticVariant& v) { return v.gene == "PIK3CA"; });
    if (!tested && s.rng.Chance(s.p.pi3k_test_at_endocrine_progression)) {
      if (auto d = upto(1, 10)) {
        AddPi3kTest(s, *d, s.rng.Chance(s.p.pi3k_test_plasma_share));
        earliest = std::max(earliest, *d);
      }
    }
  }
  if (s.HasSite("bone")) MaybeIrradiateBone(s, stop);
  int64_t gap = s.rng.Chance(s.p.long_gap_fraction) ? s.rng.InRange(s.p.long_gap_days)
                                                    : s.rng.InRange(s.p.line_gap_days);
  return std::max(stop.AddDays(static_cast<int>(gap)), earliest.AddDays(3));
}

}  // namespace

void GenerateMetastaticCourse(State& s) {
  Date planned = s.met_date.AddDays(static_cast<int>(s.rng.InRange(s.p.first_line_start_days)));
  int line = 0;
  std::optional<Date> last_stop;
  while (true) {
    if (planned > s.as_of) {
      s.course_stalled = false;  // the next line is planned after the end of the history
      return;
    }
    std::optional<Decision> decision;
    if (line < s.p.max_lines) decision = ChooseRegimen(s, line + 1, planned);
    if (!decision) {
      // No regimen left: a stalled course unless the progression was recent.
      s.course_stalled = !last_stop || DaysBetween(*last_stop, s.as_of) > 90;
      return;
    }
    ++line;
    s.truth.lines.push_back(
        {line, decision->start, s.KnownGroup(decision->start), std::nullopt, {}});
    BeginSeries(s, line, decision->start);
    LineOutcome outcome = RunLine(s, line, *decision);
    if (outcome.end != LineEnd::kProgressed) return;
    last_stop = outcome.stop;
    planned = AfterProgression(s, outcome);
  }
}

}  // namespace oncnav::synth
