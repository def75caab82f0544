#include "oncnav/report/bone_text.h"

#include "oncnav/calc/calc_common.h"
#include "oncnav/common/text.h"
#include "oncnav/report/indented_text.h"
#include "oncnav/report/local_therapy_text.h"

namespace oncnav {
namespace {

using Out = IndentedText;

std::string Interval(const Out& o, const BoneAgentDef& a) {
  std::string out;
  for (const auto& i : a.intervals) {
    if (!out.empty()) out += o.T("bone.interval.or");
    out += i.min_weeks == i.max_weeks
               ? o.T("bone.interval.one", {{"weeks", std::to_string(i.min_weeks)}})
               : o.T("bone.interval.range",
                     {{"min", std::to_string(i.min_weeks)}, {"max", std::to_string(i.max_weeks)}});
  }
  return out;
}

void Findings(Out& o, int indent, const std::vector<Finding>& list, bool with_rule = true) {
  for (const auto& f : list) {
    std::string line = Cat({"- ", o.T(f.code, f.params)});
    if (with_rule) line += Cat({"  (", f.rule, ")"});
    o.Line(indent, line);
  }
}

std::string OptionLine(const Out& o, const BoneOption& opt) {
  const BoneAgentDef& a = *opt.agent;
  std::string status = o.T(Cat({"bone.status.", opt.status}));
  if (opt.current) status = Cat({o.T("bone.status.current"), ", ", status});
  return o.T("bone.text.option", {{"drug", Cat({"@drug.", a.drug})},
                                  {"dose", opt.dose_mg ? FormatNumber(*opt.dose_mg, 1) : "?"},
                                  {"route", Cat({"@bone.route.", a.route})},
                                  {"interval", Interval(o, a)},
                                  {"status", status}});
}

void Options(Out& o, const BonePlan& plan) {
  if (plan.options.empty()) return;
  o.Line(2, Cat({o.T("bone.label.options"), ":"}));
  for (const auto& opt : plan.options) {
    o.Line(4, OptionLine(o, opt));
    Findings(o, 6, opt.reasons);
    Findings(o, 6, opt.cautions);
  }
}

void Checklist(Out& o, const BonePlan& plan) {
  if (plan.checklist.empty()) return;
  o.Line(2,
         Cat({o.T("bone.label.checklist", {{"date", plan.checklist_reference->ToString()}}), ":"}));
  std::string pending;
  for (const auto& c : plan.checklist) {
    std::string line = Cat({"[", o.T(Cat({"bone.check-status.", c.status})), "] ",
                            o.T(Cat({"bone.check.", c.item->id}))});
    if (c.date) line += Cat({" (", c.date->ToString(), ")"});
    if (!c.detail.empty()) line += Cat({": ", c.detail});
    o.Line(4, line);
    if (c.status != "done") {
      pending += Cat({pending.empty() ? "" : "; ", o.T(Cat({"bone.check.", c.item->id}))});
    }
  }
  if (!pending.empty()) o.Line(2, Cat({o.T("bone.label.pending"), ": ", pending}));
}

void Advice(Out& o, std::string_view label, const std::vector<AgentAdvice>& list) {
  for (const auto& a : list) {
    if (a.items.empty()) continue;
    o.Line(2, Cat({o.T(label, {{"drug", Cat({"@drug.", a.drug})}}), ":"}));
    Findings(o, 4, a.items, false);
  }
}

}  // namespace

std::string BoneOptionLine(const BoneOption& option, const KnowledgePack& pack,
                           std::string_view lang) {
  return OptionLine(Out(pack, lang), option);
}

std::string BoneToText(const BonePlan& plan, const KnowledgePack& pack, std::string_view lang) {
  std::string local = LocalTherapyToText(plan, pack, lang);
  if (!plan.bone_metastasis && plan.uses.empty()) return local;
  Out o(pack, lang);
  o.Line(0, "");
  o.Line(0, o.T("bone.section"));
  if (!plan.bone_metastasis) {
    o.Line(2, o.T("bone.text.no-bone"));
  } else if (!plan.confirmed) {
    o.Line(2, o.T("bone.text.unconfirmed"));
  } else if (plan.recommended) {
    o.Line(2, o.T("bone.text.indicated", {{"since", plan.since ? plan.since->ToString() : "-"}}));
  } else {
    o.Line(2, o.T("bone.text.none-proposed"));
  }
  Options(o, plan);
  if (!plan.excluded.empty()) {
    o.Line(2, Cat({o.T("bone.label.excluded"), ":"}));
    for (const auto& e : plan.excluded) {
      o.Line(4, Cat({"- ", o.T(e.reason.code, e.reason.params), "  (", e.reason.rule, ")"}));
    }
  }
  const auto& z = plan.za_renal;
  if (z.crcl_ml_min) {
    o.Line(
        2,
        Cat({o.T("bone.label.renal"), ": ",
             o.T("bone.text.renal",
                 {{"crcl", FormatNumber(*z.crcl_ml_min, 1)},
                  {"basis", Cat({"@bone.crcl-basis.", z.crcl_basis})},
                  {"date", z.crcl_date ? z.crcl_date->ToString() : "-"},
                  {"latest",
                   z.latest_creatinine_mg_dl ? FormatNumber(*z.latest_creatinine_mg_dl, 2) : "-"},
                  {"latest_date", z.latest_date ? z.latest_date->ToString() : "-"}})}));
  }
  if (plan.hypercalcemia) {
    o.Line(2, Cat({o.T("bone.label.calcium"), ": ",
                   o.T("bone.text.calcium",
                       {{"value", FormatNumber(plan.hypercalcemia->corrected_mg_dl, 1)},
                        {"date", plan.hypercalcemia->date.ToString()},
                        {"band", Cat({"@bone.hcm-band.", plan.hypercalcemia->band->id})}})}));
  }
  if (plan.hypocalcemia_grade) {
    o.Line(2, Cat({o.T("bone.label.calcium"), ": ",
                   o.T("bone.text.hypocalcemia",
                       {{"grade", std::to_string(*plan.hypocalcemia_grade)}})}));
  }
  Checklist(o, plan);
  Advice(o, "bone.label.monitoring", plan.monitoring);
  Advice(o, "bone.label.guidance", plan.guidance);
  return o.str() + local;
}

}  // namespace oncnav
