#include "oncnav/engine/therapy/safety_check.h"

#include <algorithm>

namespace oncnav {
namespace {

// The drugs of the regimens being given on `date`.
std::vector<const Drug*> GivenOn(const PatientRecord& record, const KnowledgePack& pack,
                                 const Date& date) {
  std::vector<const Drug*> out;
  for (const auto& r : record.regimens) {
    if (!r.start || date < *r.start || (r.stop && date > *r.stop)) continue;
    for (const auto& d : r.drugs) {
      const Drug* known = pack.drugs.FindByName(d);
      if (known && std::find(out.begin(), out.end(), known) == out.end()) out.push_back(known);
    }
  }
  return out;
}

}  // namespace

bool RuleCovers(const std::vector<std::string>& drugs, const std::vector<std::string>& classes,
                const Drug& drug) {
  if (std::find(drugs.begin(), drugs.end(), drug.inn) != drugs.end()) return true;
  return std::any_of(classes.begin(), classes.end(),
                     [&](const std::string& c) { return drug.HasClass(c); });
}

std::vector<const Drug*> ResolveDrugs(const std::vector<std::string>& names,
                                      const KnowledgePack& pack) {
  std::vector<const Drug*> out;
  out.reserve(names.size());
  for (const auto& n : names) out.push_back(pack.drugs.FindByName(n));
  return out;
}

SafetyScreen::SafetyScreen(const PatientRecord& record, const KnowledgePack& pack) : pack_(pack) {
  for (const auto& e : record.adverse_events) {
    Event ev{&e, pack.therapy.EventTerm(e.term), {}};
    if (!e.drug.empty()) {
      if (const Drug* d = pack.drugs.FindByName(e.drug)) ev.held_against.push_back(d);
    } else if (e.date) {
      ev.held_against = GivenOn(record, pack, *e.date);
    }
    if (!ev.held_against.empty()) events_.push_back(std::move(ev));
  }
  // Most records have no event that any rule names: then every screening is a no-op.
  for (const auto& rule : pack.therapy.hard_stops) {
    auto& list = rule_events_.emplace_back();
    for (const auto& e : events_) {
      if (std::find(rule.events.begin(), rule.events.end(), e.term) != rule.events.end())
        list.push_back(&e);
    }
    any_ = any_ || !list.empty();
  }
}

std::vector<SafetyHit> SafetyScreen::Hits(const std::vector<std::string>& drugs) const {
  std::vector<SafetyHit> hits;
  if (!any_) return hits;
  const std::vector<const Drug*> resolved = ResolveDrugs(drugs, pack_);
  const auto& rules = pack_.therapy.hard_stops;
  for (size_t r = 0; r < rules.size(); ++r) {
    if (rule_events_[r].empty()) continue;
    const SafetyRule& rule = rules[r];
    const auto& on_drugs = rule.event_on.empty() ? rule.drugs : rule.event_on;
    const auto& on_classes = rule.event_on.empty() ? rule.classes : std::vector<std::string>{};
    for (size_t i = 0; i < drugs.size(); ++i) {
      if (!resolved[i] || !RuleCovers(rule.drugs, rule.classes, *resolved[i])) continue;
      const Event* worst = nullptr;
      const Event* repeated = nullptr;
      int recurrent = 0;
      for (const Event* e : rule_events_[r]) {
        bool attributed =
            std::any_of(e->held_against.begin(), e->held_against.end(),
                        [&](const Drug* d) { return RuleCovers(on_drugs, on_classes, *d); });
        if (!attributed) continue;
        const int grade = e->event->grade;
        if (grade >= rule.min_grade && (!worst || grade > worst->event->grade)) worst = e;
        if (rule.recurrent_grade > 0 && grade >= rule.recurrent_grade) {
          ++recurrent;
          repeated = e;
        }
      }
      if (worst) {
        hits.push_back({&rule, worst->event, drugs[i], worst->term, 1});
      } else if (recurrent >= 2) {
        hits.push_back({&rule, repeated->event, drugs[i], repeated->term, recurrent});
      }
    }
  }
  return hits;
}

}  // namespace oncnav
