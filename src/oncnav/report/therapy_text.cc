#include "oncnav/report/therapy_text.h"

#include "oncnav/common/text.h"
#include "oncnav/report/therapy_json.h"

namespace oncnav {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

}  // namespace

std::string TherapyToText(const TherapyOptions& t, const KnowledgePack& pack,
                          std::string_view lang) {
  auto T = [&](std::string_view key, const Texts::Params& params = {}) {
    return pack.texts.Render(lang, key, params);
  };
  if (t.decision == "none") return "";
  std::string out = Cat({"\n", T("label.section.options", {{"line", std::to_string(t.line)}}),
                         "\n  ", T(Cat({"label.decision.", t.decision})), "\n"});
  for (const auto& p : t.options) {
    const auto& a = p.approval;
    std::string approval = T(Cat({"value.approval.", a.status}));
    if (a.declared && !a.declared->date.empty()) approval += " " + a.declared->date;
    out +=
        Cat({"\n  ", std::to_string(p.rank), ". ", OptionLabel(p, pack, lang), "  [",
             T(Cat({"value.option-status.", p.status})), "; ", T(Cat({"region.", a.region})), ": ",
             approval, p.standard_in_region ? Cat({"; ", T("label.standard")}) : "", "]\n"});
    if (p.timing == "at-progression") out += Cat({"     ", T("label.at-progression"), "\n"});
    out += Cat({"     ", T("label.why"), ": ", OptionRationale(p, pack, lang), "\n"});
    if (p.option) {
      for (const auto& id : p.option->trials) {
        auto it = pack.therapy.trials.find(id);
        if (it == pack.therapy.trials.end()) continue;
        const Trial& trial = it->second;
        out += Cat({"     ", T("label.evidence"), ": ", trial.id});
        if (!trial.pfs_months.empty()) out += Cat({"; ", T("label.pfs"), " ", trial.pfs_months});
        if (!trial.os_months.empty()) out += Cat({"; ", T("label.os"), " ", trial.os_months});
        out += Cat({" [", Join(trial.sources), "]\n"});
      }
    }
    for (const auto& r : p.requirements)
      out += Cat({"     ", T("label.requires"), ": ", T(r.code, r.params), "\n"});
    for (const auto* m : p.monitoring)
      out += Cat({"     ", T("label.monitoring"), ": ", T(m->text), "\n"});
    for (const auto& c : p.cautions)
      out += Cat({"     ", T("label.caution"), ": ", T(c.code, c.params), "\n"});
    if (a.declared && !a.declared->label.empty())
      out += Cat({"     ", T("label.approval-label"), ": ", a.declared->label, "\n"});
    const auto& sources = p.option ? p.option->rule.sources : pack.rule("RA-01").sources;
    out += Cat({"     ", T("label.sources"), ": ", Join(sources), "\n"});
  }
  if (!t.excluded.empty()) {
    out += Cat({"\n", T("label.section.excluded"), "\n"});
    for (const auto& e : t.excluded) {
      std::string regimen = e.option->label.empty() ? LocalizedRegimen(e.drugs, pack, lang)
                                                    : T(Cat({"regimen.", e.option->label}));
      out += Cat({"  - ", regimen, ": ", ExclusionReason(e, pack, lang), "  (", e.rule, "; ",
                  Join(e.option->rule.sources), ")\n"});
    }
  }
  return out;
}

}  // namespace oncnav
