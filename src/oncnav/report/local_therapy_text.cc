#include "oncnav/report/local_therapy_text.h"

#include "oncnav/calc/calc_common.h"
#include "oncnav/common/text.h"
#include "oncnav/report/indented_text.h"

namespace oncnav {
namespace {

using Out = IndentedText;

void Lesions(Out& o, const LocalTherapyReview& r) {
  for (const auto& l : r.lesions) {
    std::string head = o.T("lt.label.lesion",
                           {{"site", l.assessment->site}, {"date", l.assessment->date.ToString()}});
    std::string scores;
    if (l.mirels) scores += Cat({" Mirels ", std::to_string(*l.mirels)});
    if (l.sins) scores += Cat({" SINS ", std::to_string(*l.sins)});
    if (!l.assessment->bilsky.empty()) scores += Cat({" Bilsky ", l.assessment->bilsky});
    o.Line(2, Cat({head, scores}));
    o.Findings(4, l.prompts);
  }
  if (!r.rt_schedules.empty()) {
    std::string list;
    for (const auto* s : r.rt_schedules) {
      list += Cat({list.empty() ? "" : ", ", FormatNumber(s->dose_gy, 0), " Gy / ",
                   std::to_string(s->fractions)});
    }
    o.Line(2, Cat({o.T("lt.label.schedules"), ": ", list}));
  }
}

void Events(Out& o, const LocalTherapyReview& r, const KnowledgePack& pack) {
  if (r.events.empty()) return;
  auto count = r.sre_counts.find(pack.local_therapy.sre_default);
  o.Line(2, o.T("lt.label.events",
                {{"definition", pack.local_therapy.sre_default},
                 {"count", std::to_string(count == r.sre_counts.end() ? 0 : count->second)}}));
  for (const auto& e : r.events) {
    std::string by;
    for (const auto& d : e.counted_by) by += Cat({by.empty() ? "" : ", ", d});
    o.Line(4, Cat({"- ",
                   o.T("lt.label.event", {{"date", e.event->date.ToString()},
                                          {"type", Cat({"@lt.event.", e.event->type})},
                                          {"site", e.event->site}}),
                   " [", e.definition, "] (", by, ")"}));
  }
}

void Symptoms(Out& o, const SymptomReview& s) {
  if (!s.checklists.empty()) o.Line(2, Cat({o.T("lt.label.symptoms"), ":"}));
  for (const auto& c : s.checklists) {
    o.Line(4, Cat({"- ", o.T(c.site->prompt), "  (", c.site->rule, ")"}));
    if (c.present.empty()) continue;
    std::string present;
    for (const Symptom* p : c.present) {
      present += Cat({present.empty() ? "" : ", ", o.T(Cat({"sym.code.", p->code})), " (",
                      p->date.ToString(), ")"});
    }
    o.Line(6, Cat({o.T("lt.label.present"), ": ", present}));
  }
  if (!s.markers.empty()) o.Line(2, Cat({o.T("lt.label.markers"), ":"}));
  for (const auto& m : s.markers) {
    o.Line(4, Cat({"- ", o.T("lt.label.marker", {{"marker", m.marker},
                                                 {"first", FormatNumber(m.first.value, 1)},
                                                 {"first_date", m.first.date.ToString()},
                                                 {"nadir", FormatNumber(m.nadir.value, 1)},
                                                 {"nadir_date", m.nadir.date.ToString()},
                                                 {"latest", FormatNumber(m.latest.value, 1)},
                                                 {"latest_date", m.latest.date.ToString()}})}));
    o.Findings(6, m.notes);
  }
  if (s.analgesia) {
    o.Line(2, Cat({o.T("lt.label.analgesia"), ":"}));
    o.Findings(4, s.analgesia->notes);
  }
}

}  // namespace

std::string LocalTherapyToText(const BonePlan& plan, const KnowledgePack& pack,
                               std::string_view lang) {
  const LocalTherapyReview& r = plan.local;
  const SymptomReview& s = plan.symptoms;
  if (r.lesions.empty() && r.events.empty() && r.prompts.empty() && s.checklists.empty() &&
      s.markers.empty() && !s.analgesia) {
    return "";
  }
  Out o(pack, lang);
  o.Line(0, "");
  o.Line(0, o.T("lt.label.section"));
  Lesions(o, r);
  Events(o, r, pack);
  o.Findings(2, r.prompts);
  Symptoms(o, s);
  return o.str();
}

}  // namespace oncnav
