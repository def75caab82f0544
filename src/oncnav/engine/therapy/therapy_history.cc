#include "oncnav/engine/therapy/therapy_history.h"

namespace oncnav {
namespace {

template <typename Set>
bool Holds(const Set& classes, const Set& drugs, std::string_view cls, std::string_view drug) {
  if (!drug.empty()) return drugs.count(drug) > 0;
  if (cls == "*") return !classes.empty();
  return classes.count(cls) > 0;
}

void AddDrug(const KnowledgePack& pack, const std::string& name,
             std::set<std::string, std::less<>>& classes,
             std::set<std::string, std::less<>>& drugs) {
  const Drug* d = pack.drugs.FindByName(name);
  if (!d) return;
  // Supportive agents are not anticancer therapy (LOT-SUPPORTIVE).
  bool supportive = true;
  for (const auto& cls : d->classes) {
    const auto& skip = pack.course.non_line_classes;
    if (std::find(skip.begin(), skip.end(), cls) == skip.end()) supportive = false;
  }
  if (supportive) return;
  drugs.insert(d->inn);
  classes.insert(d->classes.begin(), d->classes.end());
}

}  // namespace

int TherapyHistory::Count(std::string_view cls, std::string_view drug, std::string_view scope,
                          bool progressed) const {
  int n = 0;
  for (const auto& line : lines) {
    if ((!progressed || line.progressed) && Holds(line.classes, line.drugs, cls, drug)) ++n;
  }
  if (scope == "advanced") {
    bool early = cls == "*" ? !early_relapse_classes.empty() : early_relapse_classes.count(cls);
    if (drug.empty() && early) ++n;
  } else if (scope == "any" && !progressed) {
    for (const auto& c : curative) {
      if (Holds(c.classes, c.drugs, cls, drug)) ++n;
    }
  }
  return n;
}

std::optional<int> TherapyHistory::ProgressedOn(std::string_view cls, std::string_view drug) const {
  for (const auto& line : lines) {
    if (line.progressed && Holds(line.classes, line.drugs, cls, drug)) return line.number;
  }
  if (drug.empty() && early_relapse_classes.count(cls)) return 0;
  return std::nullopt;
}

TherapyHistory BuildTherapyHistory(const PatientRecord& record, const KnowledgePack& pack,
                                   const Course& course, bool assume_current_progressed,
                                   Date as_of) {
  TherapyHistory h;
  for (const auto& line : course.lines) {
    TherapyHistory::Line l;
    l.number = line.number;
    for (const Regimen* r : line.regimens) {
      for (const auto& d : r->drugs) AddDrug(pack, d, l.classes, l.drugs);
    }
    l.progressed = line.progression_date.has_value();
    if (line.progression_date) h.last_progression = line.progression_date;
    h.lines.push_back(std::move(l));
  }
  // LOT-4: a decision within a line that has not progressed (a switch for toxicity) does not
  // count that line as prior therapy.
  if (!h.lines.empty() && !assume_current_progressed && course.progression != true &&
      !h.lines.back().progressed) {
    h.lines.pop_back();
  } else if (!h.lines.empty()) {
    auto& last = h.lines.back();
    if (course.progression == true) last.progressed = true;
    if (assume_current_progressed && !last.progressed) {
      last.progressed = true;
      h.last_progression = as_of;
    } else if (course.progression == true && !course.lines.back().progression_date) {
      h.last_progression = course.last_imaging;  // progression seen on imaging, regimen ongoing
    }
  }
  for (const auto& r : record.regimens) {
    if (r.setting != Setting::kAdjuvant && r.setting != Setting::kNeoadjuvant) continue;
    TherapyHistory::Curative c;
    for (const auto& d : r.drugs) AddDrug(pack, d, c.classes, c.drugs);
    c.stop = r.stop;
    if (!c.drugs.empty()) h.curative.push_back(std::move(c));
  }
  for (const auto& e : course.exposures) {
    if (e.early_relapse) h.early_relapse_classes.insert(e.drug_class);
  }
  return h;
}

}  // namespace oncnav
