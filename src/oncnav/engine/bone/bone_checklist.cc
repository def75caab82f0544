#include "oncnav/engine/bone/bone_checklist.h"

#include <algorithm>

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

bool Applies(const ChecklistItemDef& item, const std::vector<std::string>& agents) {
  for (const auto& a : agents) {
    if (std::find(item.agents.begin(), item.agents.end(), a) != item.agents.end()) return true;
  }
  return false;
}

bool InWindow(const Date& d, const Date& reference, int window_days) {
  return d <= reference && DaysBetween(d, reference) <= window_days;
}

ChecklistEntry LabItem(const BoneContext& ctx, const ChecklistItemDef& item, const Date& ref) {
  ChecklistEntry e{&item, "done", std::nullopt, ""};
  const int window = ctx.pack.bone.checklist_window_days;
  for (const auto& test : item.tests) {
    std::optional<Date> latest;
    for (const auto& lab : ctx.record.labs) {
      if (lab.test == test && InWindow(lab.date, ref, window) && (!latest || lab.date > *latest)) {
        latest = lab.date;
      }
    }
    if (!latest) {
      e.status = "pending";
      e.date.reset();
      return e;
    }
    if (!e.date || *latest < *e.date) e.date = latest;  // the oldest of the tests needed
  }
  return e;
}

ChecklistEntry ProcedureItem(const BoneContext& ctx, const ChecklistItemDef& item,
                             const Date& ref) {
  ChecklistEntry e{&item, "pending", std::nullopt, ""};
  // A dental examination counts from the window before the bone metastasis was found.
  Date from = ref.AddDays(-ctx.pack.bone.checklist_window_days);
  for (const auto& m : ctx.record.metastases) {
    if (m.site == ctx.pack.bone.bone_site && m.date) {
      from = std::min(from, m.date->AddDays(-ctx.pack.bone.checklist_window_days));
    }
  }
  for (const auto& p : ctx.record.procedures) {
    if (p.kind != ProcedureKind::kDentalExamination || !p.date) continue;
    if (*p.date >= from && *p.date <= ref && (!e.date || *p.date > *e.date)) {
      e.status = "done";
      e.date = p.date;
    }
  }
  return e;
}

}  // namespace

std::vector<ChecklistEntry> AssessChecklist(const BoneContext& ctx,
                                            const std::vector<std::string>& agents,
                                            const Date& reference, BonePlan& plan) {
  std::vector<ChecklistEntry> out;
  for (const auto& item : ctx.pack.bone.checklist) {
    if (!Applies(item, agents)) continue;
    plan.Use(item.rule);
    if (item.kind == "lab") {
      plan.Use(ctx.pack.bone.checklist_window_rule);
      out.push_back(LabItem(ctx, item, reference));
    } else if (item.kind == "procedure") {
      plan.Use(ctx.pack.bone.checklist_window_rule);
      out.push_back(ProcedureItem(ctx, item, reference));
    } else if (item.kind == "duplicate") {
      ChecklistEntry e{&item, "done", std::nullopt, ""};
      if (plan.current.size() > 1) {
        e.status = "problem";
        for (const auto& d : plan.current)
          e.detail = Cat({e.detail, e.detail.empty() ? "" : " + ", d});
      }
      out.push_back(e);
    } else {
      out.push_back({&item, "to_confirm", std::nullopt, ""});
    }
  }
  return out;
}

}  // namespace oncnav
