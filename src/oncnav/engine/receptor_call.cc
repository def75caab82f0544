#include "oncnav/engine/receptor_call.h"

namespace oncnav {
namespace {

std::string_view IhcText(Her2Ihc ihc) {
  switch (ihc) {
    case Her2Ihc::k0:
      return "0";
    case Her2Ihc::k1Plus:
      return "1+";
    case Her2Ihc::k2Plus:
      return "2+";
    case Her2Ihc::k3Plus:
      return "3+";
  }
  return "";
}

bool InRange(double v, const std::optional<double>& min, const std::optional<double>& max) {
  return (!min || v >= *min) && (!max || v < *max);
}

// ER or PgR from one report: positive/negative by percentage, else by the reported call.
std::optional<bool> ReceptorPositive(std::optional<double> percent, Presence status,
                                     double threshold) {
  if (percent) return *percent >= threshold;
  if (status == Presence::kPositive) return true;
  if (status == Presence::kNegative) return false;
  return std::nullopt;
}

void CallHr(const PathologyReport& p, const ClassificationConfig& c, ReceptorCall& out) {
  auto er = ReceptorPositive(p.er_percent, p.er_status, c.er_positive_min_percent);
  auto pgr = ReceptorPositive(p.pgr_percent, p.pgr_status, c.pgr_positive_min_percent);
  out.has_hr_data = er.has_value() || pgr.has_value();
  if (!out.has_hr_data) return;
  if (er) out.hr_rules.push_back(*er ? "ER-1" : "ER-3");
  if (pgr) out.hr_rules.push_back("PR-1");
  if (er && *er && p.er_percent && *p.er_percent <= c.er_low_max_percent) {
    out.er_low = true;
    out.hr = HrStatus::kLow;
    out.hr_rules.push_back("ER-2");
    out.hr_rules.push_back("HR-1");
    return;
  }
  if ((er && *er) || (pgr && *pgr)) {
    out.hr = HrStatus::kPositive;
    out.hr_rules.push_back("HR-1");
    if (er && *er && !p.er_percent) {
      out.hr_tests.push_back({"test.er-percent", Severity::kInfo, {}, "ER-2"});
    }
    return;
  }
  if (er && !*er && pgr && !*pgr) {
    out.hr = HrStatus::kNegative;
    out.hr_rules.push_back("HR-1");
    return;
  }
  // One receptor negative, the other not reported: HR status stays open.
  out.hr_tests.push_back({er ? "test.pgr" : "test.er", Severity::kWarning, {}, "HR-1"});
}

// The ASCO/CAP binary call: true positive, false negative, nullopt unsettled.
std::optional<bool> CallHer2Binary(const PathologyReport& p, const ClassificationConfig& c,
                                   ReceptorCall& out) {
  if (p.ish_probe == IshProbe::kDual && p.her2_ish_ratio && p.her2_ish_copies) {
    for (const auto& g : c.dual_probe_groups) {
      if (!InRange(*p.her2_ish_ratio, g.ratio_min, g.ratio_max) ||
          !InRange(*p.her2_ish_copies, g.copies_min, g.copies_max)) {
        continue;
      }
      out.ish_group = g.group;
      out.her2_rules.push_back(g.rule);
      if (!g.call.empty()) return g.call == "positive";
      if (!p.her2_ihc) {
        out.her2_tests.push_back({"test.her2-ihc-for-ish-group",
                                  Severity::kWarning,
                                  {{"group", std::to_string(g.group)}},
                                  g.rule});
        return std::nullopt;
      }
      auto it = g.with_ihc.find(std::string(IhcText(*p.her2_ihc)));
      if (it == g.with_ihc.end()) return std::nullopt;
      return it->second == "positive";
    }
    return std::nullopt;  // groups cover every value; unreachable with a valid pack
  }
  if (p.ish_probe == IshProbe::kSingle && p.her2_ish_copies) {
    out.her2_rules.push_back("HER2-SP");
    if (*p.her2_ish_copies >= c.single_probe_positive_min_copies) return true;
    if (*p.her2_ish_copies < c.single_probe_negative_max_copies) return false;
    if (p.her2_ihc == Her2Ihc::k3Plus) return true;
    out.her2_tests.push_back({"test.her2-dual-probe", Severity::kWarning, {}, "HER2-SP"});
    return std::nullopt;
  }
  if (p.her2_ihc) {
    switch (*p.her2_ihc) {
      case Her2Ihc::k3Plus:
        out.her2_rules.push_back("HER2-IHC-3");
        return true;
      case Her2Ihc::k2Plus:
        out.her2_rules.push_back("HER2-IHC-2");
        out.her2_tests.push_back({"test.her2-ish", Severity::kWarning, {}, "HER2-IHC-2"});
        return std::nullopt;
      case Her2Ihc::k1Plus:
        out.her2_rules.push_back("HER2-IHC-1");
        return false;
      case Her2Ihc::k0:
        out.her2_rules.push_back("HER2-IHC-0");
        return false;
    }
  }
  if (p.her2_status == Presence::kPositive) return true;
  if (p.her2_status == Presence::kNegative) return false;
  if (p.her2_status == Presence::kEquivocal) {
    out.her2_tests.push_back({"test.her2-ish", Severity::kWarning, {}, "HER2-IHC-2"});
  }
  return std::nullopt;
}

// Places a HER2-negative result in the regulatory categories (low, ultralow, 0).
Her2Status CategoriseNegative(const PathologyReport& p, ReceptorCall& out) {
  if (!p.her2_ihc) {
    out.her2_tests.push_back({"test.her2-ihc-score", Severity::kWarning, {}, "HER2-LOW"});
    return Her2Status::kNegative;
  }
  switch (*p.her2_ihc) {
    case Her2Ihc::k1Plus:
    case Her2Ihc::k2Plus:
      out.her2_rules.push_back("HER2-LOW");
      return Her2Status::kLow;
    case Her2Ihc::k0:
      if (!p.her2_membrane_staining) {
        out.her2_tests.push_back(
            {"test.her2-membrane-staining", Severity::kInfo, {}, "HER2-ULTRALOW"});
        return Her2Status::kNegative;
      }
      out.her2_rules.push_back(*p.her2_membrane_staining ? "HER2-ULTRALOW" : "HER2-ZERO");
      return *p.her2_membrane_staining ? Her2Status::kUltralow : Her2Status::kZero;
    case Her2Ihc::k3Plus:
      break;  // IHC 3+ with a negative ISH work-up: not a low category
  }
  return Her2Status::kNegative;
}

void CallHer2(const PathologyReport& p, const ClassificationConfig& c, ReceptorCall& out) {
  out.has_her2_data =
      p.her2_ihc || p.her2_ish_ratio || p.her2_ish_copies || p.her2_status != Presence::kUnknown;
  if (!out.has_her2_data) return;
  auto binary = CallHer2Binary(p, c, out);
  if (!binary) {
    out.her2 = Her2Status::kUnknown;
  } else if (*binary) {
    out.her2 = Her2Status::kPositive;
  } else {
    out.her2 = CategoriseNegative(p, out);
  }
}

}  // namespace

std::string_view HrName(HrStatus s) {
  switch (s) {
    case HrStatus::kPositive:
      return "positive";
    case HrStatus::kLow:
      return "low";
    case HrStatus::kNegative:
      return "negative";
    case HrStatus::kUnknown:
      break;
  }
  return "unknown";
}

std::string_view Her2Name(Her2Status s) {
  switch (s) {
    case Her2Status::kPositive:
      return "positive";
    case Her2Status::kLow:
      return "low";
    case Her2Status::kUltralow:
      return "ultralow";
    case Her2Status::kZero:
      return "zero";
    case Her2Status::kNegative:
      return "negative";
    case Her2Status::kUnknown:
      break;
  }
  return "unknown";
}

bool IsHer2Negative(Her2Status s) {
  return s == Her2Status::kLow || s == Her2Status::kUltralow || s == Her2Status::kZero ||
         s == Her2Status::kNegative;
}

ReceptorCall CallReceptors(const PathologyReport& report, const ClassificationConfig& config) {
  ReceptorCall out;
  CallHr(report, config, out);
  CallHer2(report, config, out);
  return out;
}

}  // namespace oncnav
