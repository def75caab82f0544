#pragma once

// Builders shared by the recist_*_test.cc files.

#include <algorithm>
#include <string>
#include <vector>

#include "oncnav/engine/recist.h"

namespace oncnav::recist_test {

inline Date D(const char* text) { return *Date::Parse(text); }

inline Lesion Target(std::string id, std::string organ, double mm, bool nodal = false) {
  Lesion l;
  l.id = std::move(id);
  l.organ = std::move(organ);
  l.diameter_mm = mm;
  l.nodal = nodal;
  l.role = LesionRole::kTarget;
  return l;
}

inline Lesion NonTarget(std::string id, std::string organ,
                        NonTargetStatus status = NonTargetStatus::kPresent) {
  Lesion l;
  l.id = std::move(id);
  l.organ = std::move(organ);
  l.role = LesionRole::kNonTarget;
  l.status = status;
  return l;
}

inline Lesion Gone(std::string id, std::string organ) {
  Lesion l = Target(std::move(id), std::move(organ), 0);
  l.diameter_mm.reset();
  l.disappeared = true;
  return l;
}

inline Lesion New(std::string id, std::string organ, bool equivocal = false) {
  Lesion l;
  l.id = std::move(id);
  l.organ = std::move(organ);
  l.is_new = true;
  l.equivocal = equivocal;
  return l;
}

inline ImagingAssessment Scan(const char* date, std::vector<Lesion> lesions,
                              bool baseline = false) {
  ImagingAssessment a;
  a.date = D(date);
  a.modality = "CT";
  a.baseline = baseline;
  a.slice_thickness_mm = 5;
  a.lesions = std::move(lesions);
  return a;
}

// One liver target whose diameter is the sum, plus an unchanged non-target: enough to
// replay the spec's sum-of-diameters test vectors.
inline std::vector<ImagingAssessment> SumSeries(const std::vector<double>& sums) {
  std::vector<ImagingAssessment> scans;
  const char* dates[] = {"2025-01-10", "2025-03-10", "2025-05-10", "2025-07-10",
                         "2025-09-10", "2025-11-10", "2026-01-10", "2026-03-10"};
  for (size_t i = 0; i < sums.size() && i < 8; ++i) {
    scans.push_back(
        Scan(dates[i], {Target("L1", "liver", sums[i]), NonTarget("P1", "pleura")}, i == 0));
  }
  return scans;
}

inline bool Has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

inline bool HasFinding(const RecistResult& r, const std::string& code) {
  return std::any_of(r.findings.begin(), r.findings.end(),
                     [&](const RecistFinding& f) { return f.code == code; });
}

inline const RecistFinding* FindingFor(const RecistResult& r, const std::string& code) {
  for (const auto& f : r.findings) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

inline std::string Param(const RecistFinding& f, const std::string& key) {
  for (const auto& [k, v] : f.params) {
    if (k == key) return v;
  }
  return "<none>";
}

}  // namespace oncnav::recist_test
