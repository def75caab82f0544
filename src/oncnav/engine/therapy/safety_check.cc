#include "oncnav/engine/therapy/safety_check.h"

#include <algorithm>

namespace oncnav {
namespace {

bool GivenDuring(const PatientRecord& record, const KnowledgePack& pack, std::string_view drug,
                 const Date& date) {
  for (const auto& r : record.regimens) {
    if (!r.start || date < *r.start || (r.stop && date > *r.stop)) continue;
    for (const auto& d : r.drugs) {
      const Drug* known = pack.drugs.FindByName(d);
      if (known && known->inn == drug) return true;
    }
  }
  return false;
}

// Whether the event counts against a drug covered by (drugs, classes).
bool AttributedTo(const AdverseEvent& e, const std::vector<std::string>& drugs,
                  const std::vector<std::string>& classes, const PatientRecord& record,
                  const KnowledgePack& pack) {
  if (!e.drug.empty()) {
    const Drug* d = pack.drugs.FindByName(e.drug);
    return d && RuleCovers(drugs, classes, d->inn, pack);
  }
  if (!e.date) return false;
  for (const auto& r : record.regimens) {
    for (const auto& name : r.drugs) {
      const Drug* d = pack.drugs.FindByName(name);
      if (d && RuleCovers(drugs, classes, d->inn, pack) &&
          GivenDuring(record, pack, d->inn, *e.date))
        return true;
    }
  }
  return false;
}

}  // namespace

bool RuleCovers(const std::vector<std::string>& drugs, const std::vector<std::string>& classes,
                std::string_view drug, const KnowledgePack& pack) {
  if (std::find(drugs.begin(), drugs.end(), drug) != drugs.end()) return true;
  const Drug* d = pack.drugs.FindByName(drug);
  if (!d) return false;
  return std::any_of(classes.begin(), classes.end(),
                     [&](const std::string& c) { return d->HasClass(c); });
}

std::vector<SafetyHit> FindSafetyHits(const std::vector<std::string>& drugs,
                                      const PatientRecord& record, const KnowledgePack& pack) {
  std::vector<SafetyHit> hits;
  const auto& catalog = pack.therapy;
  for (const auto& rule : catalog.hard_stops) {
    for (const auto& drug : drugs) {
      if (!RuleCovers(rule.drugs, rule.classes, drug, pack)) continue;
      const auto& on_drugs = rule.event_on.empty() ? rule.drugs : rule.event_on;
      const auto& on_classes = rule.event_on.empty() ? rule.classes : std::vector<std::string>{};
      const AdverseEvent* worst = nullptr;
      const AdverseEvent* repeated = nullptr;
      int recurrent = 0;
      std::string term, repeated_term;
      for (const auto& e : record.adverse_events) {
        std::string t = catalog.EventTerm(e.term);
        if (std::find(rule.events.begin(), rule.events.end(), t) == rule.events.end()) continue;
        if (!AttributedTo(e, on_drugs, on_classes, record, pack)) continue;
        if (e.grade >= rule.min_grade && (!worst || e.grade > worst->grade)) {
          worst = &e;
          term = t;
        }
        if (rule.recurrent_grade > 0 && e.grade >= rule.recurrent_grade) {
          ++recurrent;
          repeated = &e;
          repeated_term = t;
        }
      }
      if (worst) {
        hits.push_back({&rule, worst, drug, term, 1});
      } else if (recurrent >= 2) {
        hits.push_back({&rule, repeated, drug, repeated_term, recurrent});
      }
    }
  }
  return hits;
}

}  // namespace oncnav
