#include "oncnav/engine/course.h"

#include <algorithm>
#include <cstdio>

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

void AddRule(std::vector<std::string>& rules, std::string_view id) {
  if (std::find(rules.begin(), rules.end(), id) == rules.end()) rules.emplace_back(id);
}

// True when every drug of the regimen is supportive care (LOT-SUPPORTIVE), e.g. denosumab.
bool SupportiveOnly(const Regimen& r, const KnowledgePack& pack) {
  for (const auto& name : r.drugs) {
    const Drug* d = pack.drugs.FindByName(name);
    if (!d) return false;
    bool supportive = false;
    for (const auto& cls : pack.course.non_line_classes) supportive |= d->HasClass(cls);
    if (!supportive) return false;
  }
  return !r.drugs.empty();
}

// Anticancer regimens of one setting, in start order (supportive-only regimens left out).
std::vector<const Regimen*> SortedRegimens(const PatientRecord& record, const KnowledgePack& pack,
                                           bool metastatic) {
  std::vector<const Regimen*> out;
  for (const auto& r : record.regimens) {
    if (!r.start || SupportiveOnly(r, pack)) continue;
    if ((r.setting == Setting::kMetastatic) == metastatic) out.push_back(&r);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto* a, const auto* b) { return *a->start < *b->start; });
  return out;
}

bool Ongoing(const Regimen& r, const Date& as_of) { return !r.stop || *r.stop > as_of; }

bool HasClass(const Regimen& r, const KnowledgePack& pack, std::string_view cls) {
  for (const auto& name : r.drugs) {
    if (const Drug* d = pack.drugs.FindByName(name); d && d->HasClass(cls)) return true;
  }
  return false;
}

// LOT-1/LOT-4: a new line opens only when a regimen starts after the previous line progressed.
std::vector<LineOfTherapy> BuildLines(const std::vector<const Regimen*>& regimens) {
  std::vector<LineOfTherapy> lines;
  for (const Regimen* r : regimens) {
    bool new_line = lines.empty() ||
                    (lines.back().progression_date && *r->start >= *lines.back().progression_date);
    if (new_line) {
      lines.push_back({static_cast<int>(lines.size()) + 1, {}, *r->start, std::nullopt});
    }
    auto& line = lines.back();
    line.regimens.push_back(r);
    if (r->stop_reason == StopReason::kProgression && r->stop &&
        (!line.progression_date || *r->stop < *line.progression_date)) {
      line.progression_date = r->stop;
    }
  }
  return lines;
}

void AddExposure(std::vector<Exposure>& out, const std::string& cls, const std::string& drug,
                 const Regimen& r, bool early_relapse) {
  auto it =
      std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.drug_class == cls; });
  if (it == out.end()) {
    out.push_back({cls, {}, false, false, false});
    it = out.end() - 1;
  }
  if (std::find(it->drugs.begin(), it->drugs.end(), drug) == it->drugs.end()) {
    it->drugs.push_back(drug);
  }
  if (r.setting == Setting::kMetastatic) it->metastatic = true;
  if (r.setting == Setting::kAdjuvant || r.setting == Setting::kNeoadjuvant) it->adjuvant = true;
  it->early_relapse |= early_relapse;
}

// LOT-2: relapse during, or within the class's window after, (neo)adjuvant therapy.
bool EarlyRelapse(const Regimen& r, const std::string& cls, const KnowledgePack& pack,
                  const std::optional<Date>& relapse) {
  auto window = pack.course.early_relapse_months.find(cls);
  if (!relapse || window == pack.course.early_relapse_months.end()) return false;
  if (r.setting != Setting::kAdjuvant && r.setting != Setting::kNeoadjuvant) return false;
  if (*relapse < *r.start) return false;
  return !r.stop || *relapse <= r.stop->AddMonths(window->second);
}

void AssessExposures(const PatientRecord& record, const KnowledgePack& pack, Course& course) {
  for (const auto& r : record.regimens) {
    if (!r.start) continue;
    for (const auto& name : r.drugs) {
      const Drug* d = pack.drugs.FindByName(name);
      if (!d) continue;
      AddRule(course.rules, "DRUG-CLASS");
      for (const auto& cls : d->classes) {
        bool early = course.metastatic && EarlyRelapse(r, cls, pack, course.metastatic_since);
        if (early) AddRule(course.rules, "LOT-2");
        AddExposure(course.exposures, cls, d->inn, r, early);
      }
    }
  }
}

void AssessEndocrineResistance(const PatientRecord& record, const KnowledgePack& pack,
                               const CourseOptions& options,
                               const std::optional<ImagingVerdict>& imaging, Course& course) {
  if (!options.hormone_receptor_positive || !course.metastatic) return;
  const auto& cfg = pack.course;
  // First-line endocrine therapy for advanced disease that progressed: DEF-1 within 6 months.
  if (!course.lines.empty()) {
    const auto& first = course.lines.front();
    for (const Regimen* r : first.regimens) {
      if (!HasClass(*r, pack, "endocrine")) continue;
      std::optional<Date> progressed;
      if (r->stop_reason == StopReason::kProgression) progressed = r->stop;
      // Still on it, but imaging after its start shows progression.
      if (!progressed && Ongoing(*r, options.as_of) && course.lines.size() == 1 && imaging &&
          imaging->progression && imaging->date >= *r->start) {
        progressed = imaging->date;
      }
      if (!progressed) continue;
      bool primary =
          MonthsBetween(*r->start, *progressed) < cfg.primary_resistance_first_line_months;
      course.endocrine_resistance =
          primary ? EndocrineResistance::kPrimary : EndocrineResistance::kSecondary;
      course.endocrine_resistance_basis = "first_line";
      AddRule(course.rules, primary ? "DEF-1" : "DEF-2");
      return;
    }
  }
  // Otherwise by the relation of relapse to adjuvant endocrine therapy.
  const Regimen* adjuvant = nullptr;
  for (const Regimen* r : SortedRegimens(record, pack, false)) {
    if (HasClass(*r, pack, "endocrine")) adjuvant = r;  // the latest one
  }
  const auto& relapse = course.metastatic_since;
  if (!adjuvant || !relapse) {
    course.endocrine_resistance = EndocrineResistance::kSensitive;
    course.endocrine_resistance_basis = "no_adjuvant_endocrine";
    AddRule(course.rules, "DEF-3");
    return;
  }
  course.endocrine_resistance_basis = "adjuvant";
  bool on_therapy = !adjuvant->stop || *relapse <= *adjuvant->stop;
  if (on_therapy) {
    bool primary =
        MonthsBetween(*adjuvant->start, *relapse) < cfg.primary_resistance_adjuvant_months;
    course.endocrine_resistance =
        primary ? EndocrineResistance::kPrimary : EndocrineResistance::kSecondary;
    AddRule(course.rules, primary ? "DEF-1" : "DEF-2");
  } else if (MonthsBetween(*adjuvant->stop, *relapse) <
             cfg.secondary_resistance_after_adjuvant_months) {
    course.endocrine_resistance = EndocrineResistance::kSecondary;
    AddRule(course.rules, "DEF-2");
  } else {
    course.endocrine_resistance = EndocrineResistance::kSensitive;
    AddRule(course.rules, "DEF-3");
  }
}

void AssessImagingSchedule(const PatientRecord& record, const KnowledgePack& pack,
                           const CourseOptions& options, Course& course) {
  for (const auto& a : record.imaging) {
    if (!course.last_imaging || a.date > *course.last_imaging) course.last_imaging = a.date;
  }
  AddRule(course.rules, "RA-02");
  if (!course.last_imaging ||
      (course.metastatic_since && *course.last_imaging < *course.metastatic_since)) {
    course.tests_needed.push_back({"test.staging-imaging", Severity::kWarning, {}, "RA-3"});
    AddRule(course.rules, "RA-3");
    if (!course.last_imaging) return;
  }
  int months = options.reimaging_months > 0 ? options.reimaging_months
                                            : pack.course.reimaging_default_months;
  course.next_imaging_due = course.last_imaging->AddMonths(months);
  course.next_imaging_window_start =
      course.last_imaging->AddMonths(std::min(months, pack.course.reimaging_min_months));
  if (options.as_of > *course.next_imaging_due) {
    course.imaging_overdue = true;
    course.alerts.push_back(
        {"alert.imaging-overdue",
         Severity::kWarning,
         {{"last", course.last_imaging->ToString()},
          {"due", course.next_imaging_due->ToString()},
          {"days", std::to_string(DaysBetween(*course.next_imaging_due, options.as_of))}},
         "RA-02"});
  }
}

void AssessProgression(const KnowledgePack& pack, const CourseOptions& options,
                       const std::optional<ImagingVerdict>& imaging, Course& course) {
  AddRule(course.rules, "LOT-1");
  if (course.lines.empty()) {
    course.line = 1;
    return;
  }
  const auto& line = course.lines.back();
  bool any_ongoing = std::any_of(line.regimens.begin(), line.regimens.end(),
                                 [&](const Regimen* r) { return Ongoing(*r, options.as_of); });
  if (line.progression_date && !any_ongoing) {
    course.progression = true;
  } else if (imaging && imaging->date >= line.start && imaging->overall != "NE") {
    // An NE time point says nothing either way: progression stays unknown.
    course.progression = imaging->progression;
  }
  if (course.lines.size() > 1 || line.regimens.size() > 1) AddRule(course.rules, "LOT-4");
  course.line = line.number + (course.progression.value_or(false) ? 1 : 0);
  const Regimen* shown = course.current_regimen ? course.current_regimen : line.regimens.back();
  if (course.progression) AddRule(course.rules, "RA-01");
  if (course.progression == true) {
    course.alerts.push_back(
        {"alert.progression",
         Severity::kWarning,
         {{"regimen", RegimenParam(*shown, pack)}, {"line", std::to_string(course.line)}},
         "RA-01"});
  } else if (course.progression == false && course.current_regimen) {
    course.alerts.push_back({"alert.continue-current",
                             Severity::kInfo,
                             {{"regimen", RegimenParam(*course.current_regimen, pack)},
                              {"response", imaging ? imaging->overall : ""},
                              {"date", imaging ? imaging->date.ToString() : ""}},
                             "RA-01"});
  }
  if (course.progression) return;
  if (!course.current_regimen) {
    course.alerts.push_back({"alert.no-current-regimen",
                             Severity::kInfo,
                             {{"regimen", RegimenParam(*shown, pack)}},
                             "LOT-4"});
  }
}

// RA-05: markers are an aid to imaging; they are listed, never used to decide.
void AssessMarkers(const PatientRecord& record, Course& course) {
  if (record.tumor_markers.empty()) return;
  std::vector<const TumorMarker*> latest;  // newest per marker, first-seen order
  for (const auto& m : record.tumor_markers) {
    auto it = std::find_if(latest.begin(), latest.end(),
                           [&](const TumorMarker* l) { return l->marker == m.marker; });
    if (it == latest.end())
      latest.push_back(&m);
    else if (m.date > (*it)->date)
      *it = &m;
  }
  std::string list;
  for (const TumorMarker* m : latest) {
    char value[32];
    std::snprintf(value, sizeof value, "%g", m->value);
    list += (list.empty() ? "" : "; ") + m->marker + " " + value +
            (m->unit.empty() ? "" : " " + m->unit) + " (" + m->date.ToString() + ")";
  }
  course.alerts.push_back({"alert.markers-adjunct", Severity::kInfo, {{"markers", list}}, "RA-05"});
  AddRule(course.rules, "RA-05");
}

}  // namespace

std::string RegimenParam(const Regimen& r, const KnowledgePack& pack) {
  std::string label = "@drugs:";
  for (size_t i = 0; i < r.drugs.size(); ++i) {
    const Drug* d = pack.drugs.FindByName(r.drugs[i]);
    label += Cat({i ? " + " : "", d ? std::string_view(d->inn) : std::string_view(r.drugs[i])});
  }
  return label;
}

std::string RegimenLabel(const Regimen& r) {
  std::string label;
  for (const auto& d : r.drugs) label += (label.empty() ? "" : " + ") + d;
  return label;
}

std::string_view EndocrineResistanceName(EndocrineResistance r) {
  switch (r) {
    case EndocrineResistance::kPrimary:
      return "primary";
    case EndocrineResistance::kSecondary:
      return "secondary";
    case EndocrineResistance::kSensitive:
      return "sensitive";
    case EndocrineResistance::kNotApplicable:
      break;
  }
  return "not_applicable";
}

std::optional<Date> CurrentLineStart(const PatientRecord& record, const KnowledgePack& pack) {
  auto lines = BuildLines(SortedRegimens(record, pack, true));
  if (lines.empty()) return std::nullopt;
  return lines.back().start;
}

Course AssessCourse(const PatientRecord& record, const KnowledgePack& pack,
                    const CourseOptions& options, const std::optional<ImagingVerdict>& imaging) {
  Course course;
  course.metastatic = !record.metastases.empty();
  for (const auto& m : record.metastases) {
    if (m.date && (!course.metastatic_since || *m.date < *course.metastatic_since)) {
      course.metastatic_since = m.date;
    }
  }
  auto metastatic_regimens = SortedRegimens(record, pack, true);
  for (const auto& r : record.regimens) {
    if (SupportiveOnly(r, pack)) AddRule(course.rules, "LOT-SUPPORTIVE");
  }
  if (!course.metastatic) {
    AssessExposures(record, pack, course);
    course.alerts.push_back({"alert.no-metastatic-disease", Severity::kInfo, {}, "LOT-1"});
    if (!metastatic_regimens.empty()) {
      course.alerts.push_back(
          {"alert.metastatic-regimen-without-site", Severity::kWarning, {}, "LOT-1"});
    }
    return course;
  }
  if (!course.metastatic_since && !metastatic_regimens.empty()) {
    course.metastatic_since = metastatic_regimens.front()->start;
  }
  course.lines = BuildLines(metastatic_regimens);
  for (const Regimen* r : metastatic_regimens) {
    if (Ongoing(*r, options.as_of)) course.current_regimen = r;  // latest started wins
  }
  if (course.current_regimen) {
    course.days_on_current = DaysBetween(*course.current_regimen->start, options.as_of);
  }
  AssessExposures(record, pack, course);
  AssessProgression(pack, options, imaging, course);
  AssessEndocrineResistance(record, pack, options, imaging, course);
  AssessImagingSchedule(record, pack, options, course);
  AssessMarkers(record, course);
  return course;
}

}  // namespace oncnav
