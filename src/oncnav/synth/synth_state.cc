#include "oncnav/synth/synth_state.h"

#include <algorithm>
#include <cmath>

#include "oncnav/common/text.h"

namespace oncnav::synth {

int64_t MonthsToDays(double months) {
  // 30.4375 days per month (365.25 / 12); one multiplication, rounded: the same everywhere.
  return static_cast<int64_t>(std::llround(months * 30.4375));
}

bool State::EndocrineResistantRelapse() const {
  if (de_novo || !adjuvant_endocrine_stop) return false;
  return relapse_on_adjuvant_endocrine || met_date <= adjuvant_endocrine_stop->AddMonths(12);
}

int State::AgeAt(const Date& d) const {
  auto b = birth.ymd();
  auto x = d.ymd();
  int age = static_cast<int>(x.year()) - static_cast<int>(b.year());
  if (x.month() < b.month() || (x.month() == b.month() && x.day() < b.day())) --age;
  return age;
}

MenopausalStatus State::MenopauseAt(const Date& d) const {
  if (sex != Sex::kFemale) return MenopausalStatus::kUnknown;
  int age = AgeAt(d);
  if (age >= p.postmenopausal_from) return MenopausalStatus::kPostmenopausal;
  if (age >= p.perimenopausal_from) return MenopausalStatus::kPerimenopausal;
  return MenopausalStatus::kPremenopausal;
}

bool State::HasSite(std::string_view site) const {
  return std::any_of(rec.metastases.begin(), rec.metastases.end(),
                     [&](const MetastaticSite& m) { return m.site == site; });
}

void State::AddSite(const std::string& site, const Date& date, Confirmation how) {
  if (HasSite(site)) return;
  rec.metastases.push_back({site, date, how});
  if (site == "brain") brain_metastases = true;
}

std::optional<bool> State::KnownHrPositive(const Date& d) const {
  const KnownSpecimen* best = nullptr;
  for (const auto& k : specimens) {
    if (k.date > d || !k.hr_positive) continue;
    if (!best || (k.metastatic && !best->metastatic) ||
        (k.metastatic == best->metastatic && k.date >= best->date)) {
      best = &k;
    }
  }
  if (!best) return std::nullopt;
  return best->hr_positive;
}

Her2Cat State::KnownHer2(const Date& d) const {
  const KnownSpecimen* best = nullptr;
  for (const auto& k : specimens) {
    if (k.date > d || !k.her2_data) continue;
    if (!best || (k.metastatic && !best->metastatic) ||
        (k.metastatic == best->metastatic && k.date >= best->date)) {
      best = &k;
    }
  }
  return best ? best->her2 : Her2Cat::kUnknown;
}

SynthGroup State::KnownGroup(const Date& d) const {
  if (KnownHer2(d) == Her2Cat::kPositive) return SynthGroup::kHer2Pos;
  bool hr = KnownHrPositive(d).value_or(hr_positive);
  return hr ? SynthGroup::kHrPosHer2Neg : SynthGroup::kTnbc;
}

size_t State::AddRegimen(GivenRegimen regimen, const std::string& id_prefix) {
  Regimen r;
  r.id = Cat({id_prefix, "-", std::to_string(++regimen_counters[id_prefix])});
  r.drugs = regimen.drugs;
  r.setting = regimen.setting;
  r.start = regimen.start;
  r.stop = regimen.stop;
  r.stop_reason = regimen.reason;
  rec.regimens.push_back(std::move(r));
  given.push_back(std::move(regimen));
  return given.size() - 1;
}

void State::StopRegimen(size_t index, const Date& stop, StopReason reason) {
  given[index].stop = stop;
  given[index].reason = reason;
  // rec.regimens and given are appended together, so the indices match.
  rec.regimens[index].stop = stop;
  rec.regimens[index].stop_reason = reason;
}

void State::AddAdverseEvent(const Date& date, const std::string& term, int grade,
                            const std::string& drug) {
  AdverseEvent ae;
  ae.date = date;
  ae.term = term;
  ae.grade = grade;
  ae.drug = drug;
  rec.adverse_events.push_back(std::move(ae));
}

void State::AddProcedure(const Date& date, ProcedureKind kind, const std::string& site,
                         const std::string& description) {
  Procedure proc;
  proc.date = date;
  proc.kind = kind;
  proc.site = site;
  proc.description = description;
  rec.procedures.push_back(std::move(proc));
}

}  // namespace oncnav::synth
