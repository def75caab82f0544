// Lesions and the imaging series of each line. Sizes are whole millimetres and every change is
// drawn clear of the RECIST 1.1 boundaries, so the record's scans say what the course says:
// stable or shrinking disease while a regimen works, progression on the scan that ends it.
#include <algorithm>
#include <array>

#include "oncnav/common/text.h"
#include "oncnav/synth/synth_state.h"

namespace oncnav::synth {
namespace {

struct SiteModel {
  std::string_view site;
  std::string_view organ;   // words in the record
  std::string_view prefix;  // lesion id prefix
  bool nodal;
  bool measured;  // false: effusion, peritoneal disease
  int min_count, max_count;
  int min_mm, max_mm;          // at diagnosis
  int new_min_mm, new_max_mm;  // a new lesion at progression
};

// Lesion counts and sizes are design values of the generator (not clinical claims).
constexpr std::array<SiteModel, 8> kSites = {{
    {"liver", "liver", "H", false, true, 1, 3, 12, 55, 10, 20},
    {"lung", "lung", "P", false, true, 1, 3, 8, 30, 8, 16},
    {"distant_lymph_node", "lymph node", "N", true, true, 1, 2, 11, 28, 12, 20},
    {"bone", "bone", "B", false, true, 1, 4, 10, 35, 10, 20},
    {"brain", "brain", "C", false, true, 1, 2, 6, 18, 5, 12},
    {"pleura", "pleura", "E", false, false, 1, 1, 0, 0, 0, 0},
    {"skin", "skin", "S", false, true, 1, 1, 10, 30, 10, 18},
    {"peritoneum", "peritoneum", "R", false, false, 1, 1, 0, 0, 0, 0},
}};

const SiteModel& ModelOf(std::string_view site) {
  for (const auto& m : kSites) {
    if (m.site == site) return m;
  }
  return kSites[0];
}

int Round(int size, int percent_kept) { return (size * percent_kept + 50) / 100; }

bool Measurable(const LesionState& l, const Date& date) {
  if (!l.measured || l.gone || l.site == "brain") return false;
  if (l.irradiated_on && *l.irradiated_on <= date) return false;
  return l.nodal ? l.size_mm >= 15 : l.size_mm >= 10;
}

bool IsTarget(const State& s, size_t index) {
  return s.series && std::find(s.series->targets.begin(), s.series->targets.end(), index) !=
                         s.series->targets.end();
}

int TargetSum(const State& s) {
  int sum = 0;
  for (size_t t : s.series->targets) sum += s.lesions[t].size_mm;
  return sum;
}

void AddMarkers(State& s, const Date& date) {
  auto value = [&](bool secretor, double base, int normal_lo, int normal_hi) {
    if (!secretor) return static_cast<double>(s.rng.Int(normal_lo, normal_hi)) / 10;
    int64_t tenths = static_cast<int64_t>(base * 10) * s.burden_percent / 100;
    tenths = std::max<int64_t>(tenths, normal_hi);
    return static_cast<double>(tenths) / 10;
  };
  if (s.ca15_3) {
    s.rec.tumor_markers.push_back(
        {date, "CA15-3", value(s.ca15_3_secretor, s.ca15_3_base, 80, 280), "U/mL"});
  }
  if (s.cea) {
    s.rec.tumor_markers.push_back({date, "CEA", value(s.cea_secretor, s.cea_base, 8, 45), "ng/mL"});
  }
}

void WriteScan(State& s, const Date& date, bool baseline,
               std::optional<size_t> unequivocal = std::nullopt) {
  s.last_scan = date;
  if (!s.write_imaging) return;
  ImagingAssessment a;
  a.date = date;
  a.baseline = baseline;
  a.slice_thickness_mm = 5;
  bool brain = false;
  for (size_t i = 0; i < s.lesions.size(); ++i) {
    const LesionState& l = s.lesions[i];
    bool target = IsTarget(s, i);
    if (l.gone && !target) continue;
    Lesion out;
    out.id = l.id;
    out.organ = l.organ;
    out.nodal = l.nodal;
    out.role = target ? LesionRole::kTarget : LesionRole::kNonTarget;
    if (l.gone) {
      out.disappeared = !l.nodal;
      out.diameter_mm = l.nodal ? l.size_mm : 0;
    } else if (l.measured) {
      out.diameter_mm = l.size_mm;
      if (l.bone != BoneLesionType::kNone) out.soft_tissue_mm = l.size_mm;
    }
    out.bone_type = l.bone;
    out.previously_irradiated = l.irradiated_on && *l.irradiated_on <= date;
    out.is_new = l.fresh;
    if (unequivocal && *unequivocal == i) out.status = NonTargetStatus::kUnequivocalProgression;
    if (out.role == LesionRole::kNonTarget && l.gone) out.status = NonTargetStatus::kAbsent;
    brain |= l.site == "brain";
    a.lesions.push_back(std::move(out));
  }
  a.modality = brain ? "CT and MRI" : "CT";
  s.rec.imaging.push_back(std::move(a));
  s.truth.series[s.series->truth].scans.push_back(date);
  AddMarkers(s, date);
}

std::string NewSite(State& s, const Date& date) {
  if (s.rng.Chance(s.p.new_site_at_progression)) {
    if (s.KnownGroup(date) == SynthGroup::kHer2Pos && !s.HasSite("brain") &&
        s.rng.Chance(s.p.brain_at_progression_her2)) {
      return "brain";
    }
    std::vector<std::string> absent;
    for (const char* site : {"liver", "lung", "bone", "distant_lymph_node", "pleura", "skin"}) {
      if (!s.HasSite(site)) absent.emplace_back(site);
    }
    if (!absent.empty()) {
      return absent[static_cast<size_t>(s.rng.Int(0, static_cast<int64_t>(absent.size()) - 1))];
    }
  }
  std::vector<std::string> present;
  for (const auto& l : s.lesions) {
    if (!l.gone && l.measured && std::find(present.begin(), present.end(), l.site) == present.end())
      present.push_back(l.site);
  }
  if (present.empty()) return s.rec.metastases.front().site;
  return present[static_cast<size_t>(s.rng.Int(0, static_cast<int64_t>(present.size()) - 1))];
}

}  // namespace

void AddLesions(State& s, const std::string& site, bool progression) {
  const SiteModel& m = ModelOf(site);
  int count = progression ? 1 : static_cast<int>(s.rng.Int(m.min_count, m.max_count));
  for (int i = 0; i < count; ++i) {
    LesionState l;
    int n = ++s.lesion_counters[std::string(m.prefix)];
    l.id = Cat({m.prefix, std::to_string(n)});
    l.organ = std::string(m.organ);
    l.site = site;
    l.nodal = m.nodal;
    l.measured = m.measured;
    l.fresh = progression;
    if (site == "bone") {
      // Lytic lesions with a soft-tissue component can be measured; blastic ones cannot.
      bool lytic = !progression && s.rng.Chance(s.p.lytic_bone_lesion);
      l.bone = lytic ? BoneLesionType::kLytic : BoneLesionType::kBlastic;
      l.measured = lytic;
    }
    if (l.measured) {
      l.size_mm = static_cast<int>(progression ? s.rng.Int(m.new_min_mm, m.new_max_mm)
                                               : s.rng.Int(m.min_mm, m.max_mm));
    }
    s.lesions.push_back(std::move(l));
  }
}

void BeginSeries(State& s, int line, const Date& start) {
  // Lesions gone at a complete response are no longer disease.
  std::erase_if(s.lesions, [](const LesionState& l) { return l.gone; });
  for (auto& l : s.lesions) l.fresh = false;
  Date date = start.AddDays(-static_cast<int>(s.rng.Int(0, 14)));
  if (s.last_scan && date <= *s.last_scan) date = s.last_scan->AddDays(1);
  if (date < s.met_date) date = s.met_date;
  if (date > start) date = start;
  Series series;
  series.line = line;
  std::map<std::string, int> per_organ;
  for (size_t i = 0; i < s.lesions.size() && series.targets.size() < 5; ++i) {
    const auto& l = s.lesions[i];
    if (!Measurable(l, date) || per_organ[l.organ] >= 2) continue;
    ++per_organ[l.organ];
    series.targets.push_back(i);
    series.target_base_mm.push_back(l.size_mm);
  }
  for (size_t i = 0; i < s.lesions.size(); ++i) {
    const auto& l = s.lesions[i];
    bool target =
        std::find(series.targets.begin(), series.targets.end(), i) != series.targets.end();
    if (!target && l.measured && !l.gone) series.others_base_mm.emplace_back(i, l.size_mm);
  }
  bool all_targets = !series.targets.empty() && series.targets.size() == s.lesions.size();
  double complete = all_targets ? s.p.response_complete : 0;
  size_t kind = s.rng.Pick(std::vector<double>{complete, s.p.response_partial,
                                               1 - s.p.response_complete - s.p.response_partial});
  series.complete = kind == 0;
  series.shrink_percent = kind == 0   ? 100
                          : kind == 1 ? static_cast<int>(s.rng.InRange(s.p.target_shrink_pr))
                                      : static_cast<int>(s.rng.InRange(s.p.target_shrink_sd));
  series.truth = s.truth.series.size();
  s.truth.series.push_back({line, {}, false});
  s.series = std::move(series);
  s.series->nadir_sum = TargetSum(s);
  s.series_burden = s.burden_percent;
  WriteScan(s, date, true);
}

std::optional<Date> NextScanDate(State& s) {
  Date next = s.last_scan->AddDays(static_cast<int>(s.rng.InRange(s.p.imaging_interval_days)));
  if (s.rng.Chance(s.p.imaging_missed_scan)) {
    next = next.AddDays(static_cast<int>(s.rng.InRange(s.p.imaging_interval_days)));
  }
  if (next > s.as_of || (s.scan_cutoff && next > *s.scan_cutoff)) return std::nullopt;
  return next;
}

void FollowUpScan(State& s, const Date& date) {
  Series& series = *s.series;
  int k = ++series.follow_ups;
  // Most of the response by the first follow-up, all of it by the second.
  int applied = k == 1 ? series.shrink_percent * 6 / 10 : series.shrink_percent;
  for (size_t t = 0; t < series.targets.size(); ++t) {
    LesionState& l = s.lesions[series.targets[t]];
    int base = series.target_base_mm[t];
    if (series.complete && k >= 2) {
      // Gone for good: a node keeps the normal size it shrank to (below 10 mm).
      if (!l.gone) l.size_mm = l.nodal ? std::min(base, static_cast<int>(s.rng.Int(5, 9))) : 0;
      l.gone = true;
      continue;
    }
    l.size_mm = Round(base, 100 - applied);
    // A node shrinks to the edge of normal (10 mm) short of a complete response.
    if (l.nodal) l.size_mm = std::max(l.size_mm, std::min(base, 10));
  }
  // Small measurement noise once the response has settled: 1 mm on one target at most, far
  // below the 20% and 5 mm over the nadir that progression needs.
  if (k >= 3 && !series.complete && !series.targets.empty() && s.rng.Chance(0.5)) {
    size_t t = series.targets[static_cast<size_t>(
        s.rng.Int(0, static_cast<int64_t>(series.targets.size()) - 1))];
    ++s.lesions[t].size_mm;
  }
  // Measured non-target lesions respond alike (their sizes never decide the response).
  for (const auto& [index, base] : series.others_base_mm) {
    LesionState& l = s.lesions[index];
    l.size_mm = std::max(l.nodal ? std::min(base, 10) : 1, Round(base, 100 - applied));
  }
  series.nadir_sum = std::min(series.nadir_sum, TargetSum(s));
  s.burden_percent = std::max(5, s.series_burden * (100 - applied) / 100);
  WriteScan(s, date, false);
}

void ProgressionScan(State& s, const Date& date) {
  Series& series = *s.series;
  bool has_targets = false;
  for (size_t t : series.targets) has_targets |= !s.lesions[t].gone;
  std::optional<size_t> unequivocal;
  // Growth needs targets big enough to grow visibly; tiny ones progress by new lesions.
  bool growable = has_targets && TargetSum(s) >= 20;
  for (size_t t : series.targets) {
    if (s.lesions[t].nodal && s.lesions[t].size_mm < 8) growable = false;
  }
  if (growable && s.rng.Chance(0.5)) {
    // Growth of the targets: at least 20% and 5 mm over the nadir, with margin.
    int growth = static_cast<int>(s.rng.InRange(s.p.pd_growth_percent));
    for (size_t t : series.targets) {
      LesionState& l = s.lesions[t];
      l.size_mm = (l.size_mm * (100 + growth) + 99) / 100;
    }
    // A node that grows is pathological again (at least 10 mm short axis).
    for (size_t t : series.targets) {
      if (s.lesions[t].nodal) s.lesions[t].size_mm = std::max(s.lesions[t].size_mm, 10);
    }
    int nadir = series.nadir_sum;
    while (TargetSum(s) * 100 < nadir * 122 || TargetSum(s) < nadir + 6) {
      size_t largest = series.targets.front();
      for (size_t t : series.targets) {
        if (s.lesions[t].size_mm > s.lesions[largest].size_mm) largest = t;
      }
      ++s.lesions[largest].size_mm;
    }
  } else {
    std::vector<size_t> non_targets;
    for (size_t i = 0; i < s.lesions.size(); ++i) {
      if (!IsTarget(s, i) && !s.lesions[i].gone) non_targets.push_back(i);
    }
    if (!has_targets && !series.complete && !non_targets.empty() && s.rng.Chance(0.3)) {
      unequivocal = non_targets[static_cast<size_t>(
          s.rng.Int(0, static_cast<int64_t>(non_targets.size()) - 1))];
    } else {
      std::string site = NewSite(s, date);
      bool new_site = !s.HasSite(site);
      AddLesions(s, site, true);
      if (new_site) {
        s.AddSite(site, date, Confirmation::kImaging);
        if (site == "brain") TreatBrain(s, date);
      }
    }
  }
  s.burden_percent = s.burden_percent * static_cast<int>(s.rng.Int(130, 180)) / 100;
  WriteScan(s, date, false, unequivocal);
  if (s.write_imaging) s.truth.series[series.truth].ends_in_progression = true;
}

void TreatBrain(State& s, const Date& date) {
  if (!s.rng.Chance(s.p.brain_radiosurgery)) return;
  Date srs = date.AddDays(static_cast<int>(s.rng.Int(7, 28)));
  if (srs > s.as_of) return;
  s.AddProcedure(srs, ProcedureKind::kRadiotherapy, "brain",
                 "stereotactic radiosurgery for brain metastases");
  for (auto& l : s.lesions) {
    if (l.site == "brain" && !l.irradiated_on) l.irradiated_on = srs;
  }
}

void MaybeIrradiateBone(State& s, const Date& date) {
  if (s.bone_radiotherapy_done || !s.rng.Chance(s.p.bone_radiotherapy)) return;
  s.bone_radiotherapy_done = true;
  for (size_t i = 0; i < s.lesions.size(); ++i) {
    LesionState& l = s.lesions[i];
    if (l.site != "bone" || l.irradiated_on || IsTarget(s, i)) continue;
    Date rt = date.AddDays(static_cast<int>(s.rng.Int(14, 120)));
    if (rt > s.as_of) return;
    static constexpr std::array<const char*, 3> kWhere = {"spine", "pelvis", "femur"};
    s.AddProcedure(rt, ProcedureKind::kRadiotherapy, kWhere[static_cast<size_t>(s.rng.Int(0, 2))],
                   "palliative radiotherapy to a painful bone metastasis");
    l.irradiated_on = rt;
    return;
  }
}

}  // namespace oncnav::synth
