#include "oncnav/engine/classify.h"

#include <algorithm>

#include "oncnav/common/text.h"
#include "oncnav/record/native_vocabulary.h"

namespace oncnav {
namespace {

void AddRules(std::vector<std::string>& rules, const std::vector<std::string>& more) {
  for (const auto& r : more) {
    if (std::find(rules.begin(), rules.end(), r) == rules.end()) rules.push_back(r);
  }
}

// The newest entry satisfying `has`, preferring metastatic specimens.
const SpecimenHistoryEntry* Select(const std::vector<SpecimenHistoryEntry>& history,
                                   bool (*has)(const ReceptorCall&)) {
  const SpecimenHistoryEntry* any = nullptr;
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (!has(it->call)) continue;
    if (it->specimen.kind == SpecimenKind::kMetastasis) return &*it;
    if (!any) any = &*it;
  }
  return any;
}

const SpecimenHistoryEntry* LatestPrimary(const std::vector<SpecimenHistoryEntry>& history,
                                          bool (*has)(const ReceptorCall&)) {
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (it->specimen.kind == SpecimenKind::kPrimary && has(it->call)) return &*it;
  }
  return nullptr;
}

bool HasHr(const ReceptorCall& c) { return c.has_hr_data; }
bool HasHer2(const ReceptorCall& c) { return c.has_her2_data; }

// The specimen kind as a translatable value word ("@value.specimen.metastasis").
std::string SpecimenWord(const SpecimenHistoryEntry& e) {
  return Cat({"@value.specimen.", NameOf(kSpecimenKindNames, e.specimen.kind)});
}

bool HrPositiveLike(HrStatus s) { return s == HrStatus::kPositive || s == HrStatus::kLow; }

void CheckDiscordance(const SpecimenHistoryEntry* primary, const SpecimenHistoryEntry* current,
                      bool hr, Classification& out) {
  if (!primary || !current || primary == current ||
      current->specimen.kind != SpecimenKind::kMetastasis) {
    return;
  }
  Severity severity = Severity::kInfo;
  std::string before, after;
  if (hr) {
    const auto a = primary->call.hr, b = current->call.hr;
    if (a == HrStatus::kUnknown || b == HrStatus::kUnknown || a == b) return;
    // Positive <-> low is a change of degree; positive/low <-> negative changes the subtype.
    severity = HrPositiveLike(a) != HrPositiveLike(b) ? Severity::kWarning : Severity::kInfo;
    before = Cat({"@value.hr.", HrName(a)});
    after = Cat({"@value.hr.", HrName(b)});
  } else {
    const auto a = primary->call.her2, b = current->call.her2;
    if (a == Her2Status::kUnknown || b == Her2Status::kUnknown || a == b) return;
    // Only a change across positive/negative changes the subtype; a move between the
    // HER2-negative categories (0, ultralow, low) changes drug eligibility.
    bool a_pos = a == Her2Status::kPositive, b_pos = b == Her2Status::kPositive;
    if (!a_pos && !b_pos && (a == Her2Status::kNegative || b == Her2Status::kNegative)) return;
    severity = a_pos != b_pos ? Severity::kWarning : Severity::kInfo;
    before = Cat({"@value.her2.", Her2Name(a)});
    after = Cat({"@value.her2.", Her2Name(b)});
  }
  out.alerts.push_back({hr ? "alert.hr-discordance" : "alert.her2-discordance",
                        severity,
                        {{"before", before},
                         {"before_specimen", SpecimenWord(*primary)},
                         {"before_date", primary->date.ToString()},
                         {"after", after},
                         {"after_specimen", SpecimenWord(*current)},
                         {"after_date", current->date.ToString()}},
                        "DISCORDANCE"});
  AddRules(out.rules, {"DISCORDANCE"});
}

std::string Group(HrStatus hr, Her2Status her2) {
  if (her2 == Her2Status::kPositive) {
    if (HrPositiveLike(hr)) return "HR+/HER2+";
    if (hr == HrStatus::kNegative) return "HR-/HER2+";
    return "unknown";
  }
  if (IsHer2Negative(her2)) {
    if (HrPositiveLike(hr)) return "HR+/HER2-";
    if (hr == HrStatus::kNegative) return "TNBC";
  }
  return "unknown";
}

}  // namespace

Classification Classify(const PatientRecord& record, const KnowledgePack& pack, bool metastatic) {
  Classification out;
  std::vector<const PathologyReport*> reports;
  reports.reserve(record.pathology.size());
  for (const auto& p : record.pathology) reports.push_back(&p);
  std::stable_sort(reports.begin(), reports.end(),
                   [](const auto* a, const auto* b) { return a->date < b->date; });
  out.history.reserve(reports.size());
  for (const auto* p : reports) {
    out.history.push_back({p->date, p->specimen, CallReceptors(*p, pack.classification)});
  }

  const auto* hr_entry = Select(out.history, HasHr);
  const auto* her2_entry = Select(out.history, HasHer2);
  if (hr_entry) {
    out.hr = hr_entry->call.hr;
    out.er_low = hr_entry->call.er_low;
    out.hr_report = reports[static_cast<size_t>(hr_entry - out.history.data())];
    AddRules(out.rules, hr_entry->call.hr_rules);
    for (const auto& t : hr_entry->call.hr_tests) AddUnique(out.tests_needed, t);
  } else {
    AddUnique(out.tests_needed, {"test.er-pgr", Severity::kWarning, {}, "ER-1"});
  }
  if (her2_entry) {
    out.her2 = her2_entry->call.her2;
    out.her2_report = reports[static_cast<size_t>(her2_entry - out.history.data())];
    AddRules(out.rules, her2_entry->call.her2_rules);
    for (const auto& t : her2_entry->call.her2_tests) AddUnique(out.tests_needed, t);
  } else {
    AddUnique(out.tests_needed, {"test.her2", Severity::kWarning, {}, "HER2-IHC-2"});
  }

  out.group = Group(out.hr, out.her2);
  if (out.group == "TNBC") AddRules(out.rules, {"TNBC-1"});
  if (out.er_low && IsHer2Negative(out.her2)) {
    out.alerts.push_back({"alert.er-low", Severity::kWarning, {}, "ER-5"});
    AddRules(out.rules, {"ER-5"});
  }

  if (metastatic) {
    bool has_metastatic_specimen =
        std::any_of(out.history.begin(), out.history.end(), [](const auto& e) {
          return e.specimen.kind == SpecimenKind::kMetastasis &&
                 (e.call.has_hr_data || e.call.has_her2_data);
        });
    AddRules(out.rules, {"SUBTYPE-SPECIMEN"});
    if (!has_metastatic_specimen) {
      AddUnique(out.tests_needed,
                {"test.metastatic-biopsy", Severity::kWarning, {}, "SUBTYPE-SPECIMEN"});
    }
  }
  CheckDiscordance(LatestPrimary(out.history, HasHr), hr_entry, true, out);
  CheckDiscordance(LatestPrimary(out.history, HasHer2), her2_entry, false, out);
  return out;
}

}  // namespace oncnav
