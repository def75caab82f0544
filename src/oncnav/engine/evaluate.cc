#include "oncnav/engine/evaluate.h"

#include <algorithm>

namespace oncnav {
namespace {

void Merge(std::vector<std::string>& into, const std::vector<std::string>& from) {
  for (const auto& r : from) {
    if (std::find(into.begin(), into.end(), r) == into.end()) into.push_back(r);
  }
}

void Merge(std::vector<Finding>& into, const std::vector<Finding>& from) {
  for (const auto& f : from) AddUnique(into, f);
}

void SortBySeverity(std::vector<Finding>& list) {
  std::stable_sort(list.begin(), list.end(), [](const Finding& a, const Finding& b) {
    return static_cast<int>(a.severity) > static_cast<int>(b.severity);
  });
}

std::optional<ImagingVerdict> LatestVerdict(const RecistResult& recist) {
  if (recist.time_points.empty()) return std::nullopt;
  const auto& tp = recist.time_points.back();
  return ImagingVerdict{tp.date, tp.overall == "PD", tp.overall};
}

}  // namespace

Evaluation Evaluate(const ImportedRecord& input, const KnowledgePack& pack,
                    const EvaluateOptions& options) {
  Evaluation ev;
  ev.input = &input;
  ev.options = options;
  const PatientRecord& record = input.record;
  const bool metastatic = !record.metastases.empty();

  ev.classification = Classify(record, pack, metastatic);
  ev.recist = AssessRecist(record.imaging, pack.recist, CurrentLineStart(record, pack));

  CourseOptions course_options;
  course_options.as_of = options.as_of;
  course_options.reimaging_months = options.reimaging_months;
  course_options.hormone_receptor_positive =
      ev.classification.hr == HrStatus::kPositive || ev.classification.hr == HrStatus::kLow;
  ev.course = AssessCourse(record, pack, course_options,
                           metastatic ? LatestVerdict(ev.recist) : std::nullopt);

  ev.therapy = AssessTherapyOptions(
      {record, pack, ev.classification, ev.course, options.as_of, options.region});

  ev.calculations = CalculatorsFromRecord(record, pack, options.as_of);
  ev.bone = AssessBone({record, pack, ev.calculations, options.as_of, options.region});

  Merge(ev.rules, input.rules);
  Merge(ev.rules, ev.classification.rules);
  Merge(ev.rules, ev.recist.rules);
  Merge(ev.rules, ev.course.rules);
  Merge(ev.rules, ev.therapy.rules);
  Merge(ev.rules, ev.calculations.rules);
  Merge(ev.rules, ev.bone.rules);
  Merge(ev.alerts, ev.classification.alerts);
  for (const auto& f : ev.recist.findings) {
    Severity s = f.severity == "critical"  ? Severity::kCritical
                 : f.severity == "warning" ? Severity::kWarning
                                           : Severity::kInfo;
    AddUnique(ev.alerts, {f.code, s, f.params, f.rule});
  }
  Merge(ev.alerts, ev.course.alerts);
  Merge(ev.alerts, ev.therapy.alerts);
  Merge(ev.alerts, ev.bone.alerts);
  Merge(ev.tests_needed, ev.classification.tests_needed);
  Merge(ev.tests_needed, ev.course.tests_needed);
  Merge(ev.tests_needed, ev.therapy.tests_needed);
  Merge(ev.tests_needed, ev.bone.tests_needed);
  SortBySeverity(ev.alerts);
  SortBySeverity(ev.tests_needed);
  return ev;
}

}  // namespace oncnav
