#include "oncnav/engine/therapy/condition_check.h"

#include <algorithm>
#include <cstdio>

#include "oncnav/common/text.h"
#include "oncnav/knowledge/drug_catalog.h"

namespace oncnav {
namespace {

std::string What(std::string_view cls, std::string_view drug) {
  if (!drug.empty()) return Cat({"@drug.", drug});
  return Cat({"@class.", cls == "*" ? "any" : cls});
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string Join(const std::vector<std::string>& items, std::string_view sep = "/") {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(sep)) + i;
  return out;
}

bool SameText(std::string_view a, std::string_view b) { return ToLower(a) == ToLower(b); }

bool Contains(const std::vector<std::string>& list, std::string_view item) {
  return std::any_of(list.begin(), list.end(), [&](const auto& s) { return SameText(s, item); });
}

ConditionResult NotMet(std::string reason, std::string detail, Texts::Params params,
                       std::string rule) {
  ConditionResult r;
  r.verdict = Verdict::kNotMet;
  r.reason_code = std::move(reason);
  r.detail = std::move(detail);
  r.params = std::move(params);
  r.rule = std::move(rule);
  return r;
}

ConditionResult Pending(std::string test, std::string kind, std::string rule,
                        Texts::Params params = {}) {
  ConditionResult r;
  r.verdict = Verdict::kPending;
  r.requirements.push_back({std::move(test), std::move(kind), std::move(params), rule});
  if (!rule.empty()) r.rules.push_back(std::move(rule));
  return r;
}

ConditionResult CheckPrior(const PriorCondition& c, const ConditionContext& ctx) {
  int count = ctx.history.Count(c.cls, c.drug, c.scope, c.progressed);
  // LOT-2 applies only when an early relapse actually counted.
  bool early =
      c.scope == "advanced" && count > ctx.history.Count(c.cls, c.drug, "metastatic", c.progressed);
  std::string rule = c.scope == "any" ? "LOT-3" : early ? "LOT-2" : "LOT-1";
  // The readable reason is built only when the condition fails (most options pass).
  auto params = [&] {
    return Texts::Params{{"what", What(c.cls, c.drug)},
                         {"scope", Cat({"@scope.", c.scope})},
                         {"count", std::to_string(count)}};
  };
  if (c.min && count < *c.min) {
    Texts::Params p = params();
    p.push_back({"min", std::to_string(*c.min)});
    return NotMet("prior-therapy-not-met",
                  c.progressed ? "excluded.prior-progressed-min" : "excluded.prior-min", p, rule);
  }
  if (c.max && count > *c.max) {
    Texts::Params p = params();
    p.push_back({"max", std::to_string(*c.max)});
    return NotMet("prior-therapy-not-met",
                  *c.max == 0 ? "excluded.prior-none" : "excluded.prior-max", p, rule);
  }
  ConditionResult r;
  r.rules.push_back(rule);
  return r;
}

ConditionResult CheckNotProgressedOn(const NotProgressedOnCondition& c,
                                     const ConditionContext& ctx) {
  auto check = [&](std::string_view cls, std::string_view drug) -> std::optional<ConditionResult> {
    auto line = ctx.history.ProgressedOn(cls, drug);
    if (!line) return std::nullopt;
    if (*line == 0) {
      return NotMet("progressed-on-class", "excluded.relapsed-on-class",
                    {{"what", What(cls, drug)}}, "LOT-2");
    }
    // When planning for a progression still to come, the current line is the one assumed.
    bool assumed =
        ctx.planning && !ctx.history.lines.empty() && *line == ctx.history.lines.back().number;
    return NotMet("progressed-on-class",
                  assumed ? "excluded.current-line-class" : "excluded.progressed-on-class",
                  {{"what", What(cls, drug)}, {"line", std::to_string(*line)}}, "LOT-1");
  };
  for (const auto& cls : c.classes) {
    if (auto r = check(cls, "")) return *r;
  }
  for (const auto& drug : c.drugs) {
    if (auto r = check("", drug)) return *r;
  }
  return {};
}

bool IsPlasma(const SomaticVariant& v) {
  return SameText(v.sample, "plasma") || v.specimen.kind == SpecimenKind::kPlasma;
}

ConditionResult CheckBiomarker(const BiomarkerCondition& c, const ConditionContext& ctx) {
  const auto& record = ctx.therapy.record;
  const SomaticVariant* found = nullptr;
  for (const auto& v : record.variants) {
    if (!v.detected || !Contains(c.genes, v.gene)) continue;
    if (c.cdx.empty() || Contains(c.cdx, v.assay)) {
      ConditionResult r;
      if (!c.cdx.empty()) r.rules.push_back("GEN-CDX");
      return r;
    }
    found = &v;
  }
  if (found) {
    return Pending("confirm.cdx", "confirm", "GEN-CDX",
                   {{"gene", found->gene},
                    {"assay", found->assay.empty() ? "?" : found->assay},
                    {"cdx", Join(c.cdx, ", ")}});
  }
  // Negative only when every gene was tested and each negative still counts.
  bool stale = false, plasma_only = false;
  const SomaticVariant* latest_negative = nullptr;
  for (const auto& gene : c.genes) {
    const SomaticVariant* counted = nullptr;
    bool gene_plasma_only = false;
    for (const auto& v : record.variants) {
      if (v.detected || !SameText(v.gene, gene)) continue;
      if (c.retest_after_progression && ctx.history.last_progression &&
          (ctx.planning || v.date <= *ctx.history.last_progression)) {
        stale = true;
        continue;
      }
      if (c.plasma_negative_needs_tissue && IsPlasma(v)) {
        gene_plasma_only = true;
        continue;
      }
      counted = &v;
    }
    if (!counted) {
      plasma_only |= gene_plasma_only;
      if (stale) return Pending(c.test, "test", "GEN-ESR1");
      if (plasma_only)
        return Pending("test.tissue-after-plasma", "test", "GEN-PLASMA-TISSUE", {{"gene", gene}});
      return Pending(c.test, "test", "");
    }
    if (!latest_negative || counted->date > latest_negative->date) latest_negative = counted;
  }
  return NotMet(
      "biomarker-not-met", "excluded.biomarker-not-met",
      {{"genes", Join(c.genes)},
       {"assay", latest_negative && !latest_negative->assay.empty() ? latest_negative->assay : "?"},
       {"date", latest_negative ? latest_negative->date.ToString() : ""}},
      "");
}

ConditionResult CheckGermline(const GermlineCondition& c, const ConditionContext& ctx) {
  int negative = 0;
  for (const auto& gene : c.genes) {
    bool gene_negative = false;
    for (const auto& t : ctx.therapy.record.germline) {
      if (!SameText(t.gene, gene)) continue;
      if (t.result == GermlineResult::kPathogenic || t.result == GermlineResult::kLikelyPathogenic)
        return {};
      if (t.result == GermlineResult::kNegative || t.result == GermlineResult::kVus)
        gene_negative = true;
    }
    if (gene_negative) ++negative;
  }
  if (negative == static_cast<int>(c.genes.size())) {
    return NotMet("biomarker-not-met", "excluded.germline-not-met", {{"genes", Join(c.genes)}}, "");
  }
  return Pending(c.test, "test", "");
}

ConditionResult CheckPdL1(const PdL1Condition& c, const ConditionContext& ctx) {
  const PdL1Result* latest = nullptr;
  const PdL1Result* other = nullptr;
  for (const auto& p : ctx.therapy.record.pdl1) {
    if (SameText(p.assay, c.assay) && SameText(p.score_type, c.score_type)) {
      if (!latest || p.date > latest->date) latest = &p;
    } else {
      other = &p;
    }
  }
  if (!latest) {
    if (other) {
      ConditionResult r =
          NotMet("wrong-assay", "excluded.wrong-assay",
                 {{"have", Cat({other->assay, " ", other->score_type, " ", Number(other->score)})},
                  {"assay", c.assay},
                  {"score_type", c.score_type}},
                 "PD1-1");
      r.requirements.push_back({c.test, "test", {}, "PD1-1"});
      return r;
    }
    return Pending(c.test, "test", "PD1-1");
  }
  Texts::Params params = {
      {"assay", c.assay}, {"score_type", c.score_type}, {"score", Number(latest->score)}};
  if (c.min && latest->score < *c.min) {
    params.push_back({"min", Number(*c.min)});
    return NotMet("biomarker-not-met", "excluded.pdl1-below", params, "PD1-1");
  }
  if (c.below && latest->score >= *c.below) {
    params.push_back({"below", Number(*c.below)});
    return NotMet("biomarker-not-met", "excluded.pdl1-not-below", params, "PD1-1");
  }
  ConditionResult r;
  r.rules.push_back("PD1-1");
  return r;
}

bool OnOvarianSuppression(const ConditionContext& ctx) {
  const Regimen* current = ctx.therapy.course.current_regimen;
  for (const auto& r : ctx.therapy.record.regimens) {
    if (r.stop && r.stop < ctx.therapy.as_of && &r != current) continue;
    for (const auto& d : r.drugs) {
      const Drug* drug = ctx.therapy.pack.drugs.FindByName(d);
      if (drug && drug->HasClass("ovarian_suppression")) return true;
    }
  }
  return false;
}

ConditionResult CheckMenopause(const MenopauseCondition& c, const ConditionContext& ctx) {
  const auto& demo = ctx.therapy.record.demographics;
  std::string status;
  if (demo.sex == Sex::kMale) {
    status = "male";
  } else {
    switch (demo.menopausal_status) {
      case MenopausalStatus::kPremenopausal:
        status = "premenopausal";
        break;
      case MenopausalStatus::kPerimenopausal:
        status = "perimenopausal";
        break;
      case MenopausalStatus::kPostmenopausal:
        status = "postmenopausal";
        break;
      case MenopausalStatus::kUnknown:
        break;
    }
  }
  if (status.empty()) {
    bool matters = std::any_of(c.by_status.begin(), c.by_status.end(),
                               [](const auto& kv) { return kv.second != "eligible"; });
    if (!matters) return {};
    bool can_exclude = std::any_of(c.by_status.begin(), c.by_status.end(),
                                   [](const auto& kv) { return kv.second == "not_eligible"; });
    if (can_exclude) return Pending("check.menopausal-status", "check", "GP-5");
    ConditionResult r;
    r.requirements.push_back({"check.menopausal-status", "check", {}, "GP-5"});
    r.rules.push_back("GP-5");
    return r;
  }
  auto it = c.by_status.find(status);
  std::string action = it == c.by_status.end() ? "eligible" : it->second;
  if (action == "not_eligible") {
    return NotMet("population-not-met", "excluded.menopause",
                  {{"status", Cat({"@menopause.", status})}}, "GP-5");
  }
  ConditionResult r;
  if (action == "ovarian_suppression") {
    r.rules.push_back("GP-5");
    if (!OnOvarianSuppression(ctx))
      r.requirements.push_back({"check.ovarian-suppression",
                                "check",
                                {{"status", Cat({"@menopause.", status})}},
                                "GP-5"});
  }
  return r;
}

ConditionResult CheckEndocrineResistance(const EndocrineResistanceCondition& c,
                                         const ConditionContext& ctx) {
  const auto& course = ctx.therapy.course;
  std::string name(EndocrineResistanceName(course.endocrine_resistance));
  bool in = std::find(c.in.begin(), c.in.end(), name) != c.in.end();
  bool basis = c.basis.empty() || c.basis == course.endocrine_resistance_basis;
  if (in && basis) return {};
  return NotMet("prior-therapy-not-met", "excluded.endocrine-resistance",
                {{"status", Cat({"@resistance.", name})}}, "");
}

ConditionResult CheckInterval(const IntervalCondition& c, const ConditionContext& ctx) {
  std::optional<Date> last_stop;
  bool any = false;
  for (const auto& cur : ctx.history.curative) {
    if (!cur.classes.count("chemotherapy")) continue;
    any = true;
    if (cur.stop && (!last_stop || *cur.stop > *last_stop)) last_stop = cur.stop;
  }
  ConditionResult met;
  met.rules.push_back("DEF-10");
  if (!any) return met;
  const auto& since = ctx.therapy.course.metastatic_since;
  if (!last_stop || !since) {
    return Pending("confirm.curative-interval", "confirm", "DEF-10",
                   {{"months", std::to_string(c.min_months)}});
  }
  int months = static_cast<int>(DaysBetween(*last_stop, *since) / 30.4375);
  if (months >= c.min_months) return met;
  return NotMet("prior-therapy-not-met", "excluded.curative-interval",
                {{"min", std::to_string(c.min_months)}, {"months", std::to_string(months)}},
                "DEF-10");
}

}  // namespace

ConditionResult CheckCondition(const Condition& condition, const ConditionContext& context) {
  return std::visit(
      [&](const auto& c) -> ConditionResult {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, PriorCondition>) return CheckPrior(c, context);
        if constexpr (std::is_same_v<T, NotProgressedOnCondition>)
          return CheckNotProgressedOn(c, context);
        if constexpr (std::is_same_v<T, BiomarkerCondition>) return CheckBiomarker(c, context);
        if constexpr (std::is_same_v<T, GermlineCondition>) return CheckGermline(c, context);
        if constexpr (std::is_same_v<T, PdL1Condition>) return CheckPdL1(c, context);
        if constexpr (std::is_same_v<T, MenopauseCondition>) return CheckMenopause(c, context);
        if constexpr (std::is_same_v<T, EndocrineResistanceCondition>)
          return CheckEndocrineResistance(c, context);
        if constexpr (std::is_same_v<T, IntervalCondition>) return CheckInterval(c, context);
      },
      condition);
}

}  // namespace oncnav
