#include "oncnav/report/text_output.h"

#include <cmath>
#include <cstdio>

#include "oncnav/common/text.h"
#include "oncnav/record/native_vocabulary.h"
#include "oncnav/report/bone_text.h"
#include "oncnav/report/calc_text.h"
#include "oncnav/report/json_output.h"
#include "oncnav/report/therapy_text.h"

namespace oncnav {
namespace {

class Writer {
 public:
  Writer(const KnowledgePack& pack, std::string_view lang) : pack_(pack), lang_(lang) {}
  std::string T(std::string_view key, const Texts::Params& params = {}) const {
    return pack_.texts.Render(lang_, key, params);
  }
  void Heading(std::string_view key) {
    out_ += '\n';
    out_ += T(key);
    out_ += '\n';
  }
  void Line(std::string_view label_key, const std::string& value) {
    out_ += Cat({"  ", T(label_key), ": ", value, "\n"});
  }
  void Raw(const std::string& s) { out_ += s; }
  std::string str() const { return out_; }

 private:
  const KnowledgePack& pack_;
  std::string lang_;
  std::string out_;
};

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", std::round(v * 10.0) / 10.0);
  return buf;
}

std::string Basis(const Writer& w, const PathologyReport* r) {
  if (!r) return "";
  std::string s =
      " (" + w.T("value.specimen." + std::string(NameOf(kSpecimenKindNames, r->specimen.kind)));
  if (!r->specimen.site.empty()) s += " " + r->specimen.site;
  return s + ", " + r->date.ToString() + ")";
}

void WriteSubtype(Writer& w, const Evaluation& ev) {
  const auto& c = ev.classification;
  w.Heading("label.section.subtype");
  w.Line("label.hr", w.T("value.hr." + std::string(HrName(c.hr))) + Basis(w, c.hr_report));
  w.Line("label.her2",
         w.T("value.her2." + std::string(Her2Name(c.her2))) + Basis(w, c.her2_report));
  w.Line("label.group", c.group == "unknown" ? w.T("value.unknown") : c.group);
  if (c.history.size() > 1) {
    w.Line("label.history", "");
    for (const auto& h : c.history) {
      std::string line =
          "    " + h.date.ToString() + " " +
          w.T("value.specimen." + std::string(NameOf(kSpecimenKindNames, h.specimen.kind)));
      if (!h.specimen.site.empty()) line += " " + h.specimen.site;
      if (h.call.has_hr_data) line += "  HR " + w.T("value.hr." + std::string(HrName(h.call.hr)));
      if (h.call.has_her2_data)
        line += "  HER2 " + w.T("value.her2." + std::string(Her2Name(h.call.her2)));
      w.Raw(line + "\n");
    }
  }
}

void WriteCourse(Writer& w, const Evaluation& ev, const KnowledgePack& pack) {
  const auto& c = ev.course;
  w.Heading("label.section.course");
  if (!c.metastatic) {
    w.Raw("  " + w.T("text.not-metastatic") + "\n");
    return;
  }
  if (c.metastatic_since) w.Line("label.metastatic-since", c.metastatic_since->ToString());
  w.Line("label.line", std::to_string(c.line));
  if (c.current_regimen) {
    w.Line("label.current-regimen",
           w.T("text.regimen-since", {{"regimen", RegimenParam(*c.current_regimen, pack)},
                                      {"start", c.current_regimen->start->ToString()},
                                      {"days", std::to_string(c.days_on_current.value_or(0))}}));
  } else {
    w.Line("label.current-regimen", w.T("value.none"));
  }
  w.Line("label.progression",
         w.T(c.progression ? (*c.progression ? "value.yes" : "value.no") : "value.unknown"));
  if (c.endocrine_resistance != EndocrineResistance::kNotApplicable) {
    w.Line("label.endocrine-resistance",
           w.T("value.resistance." + std::string(EndocrineResistanceName(c.endocrine_resistance))));
  }
  for (const auto& l : c.lines) {
    std::string regs;
    for (const auto* r : l.regimens)
      regs += (regs.empty() ? "" : "; ") +
              pack.texts.Regimen(ev.options.lang, RegimenParam(*r, pack).substr(7));
    w.Raw("    " +
          w.T("text.line-summary", {{"number", std::to_string(l.number)},
                                    {"start", l.start.ToString()},
                                    {"regimens", regs}}) +
          "\n");
  }
  w.Line("label.last-imaging", c.last_imaging ? c.last_imaging->ToString() : w.T("value.none"));
  if (c.next_imaging_due) w.Line("label.next-imaging", c.next_imaging_due->ToString());
}

void WriteResponse(Writer& w, const Evaluation& ev) {
  const auto& r = ev.recist;
  w.Heading("label.section.response");
  if (r.time_points.empty()) {
    w.Raw("  " + w.T(r.baseline_date ? "text.baseline-only" : "text.no-response") + "\n");
    return;
  }
  for (const auto& tp : r.time_points) {
    auto category = [&](const std::string& c) { return c == "none" ? w.T("value.none") : c; };
    std::string line = "  " + tp.date.ToString() + "  " + w.T("label.overall") + " " + tp.overall +
                       "  (" + w.T("label.target") + " " + category(tp.target) + ", " +
                       w.T("label.non-target") + " " + category(tp.non_target) + ", " +
                       w.T("label.new-lesions") + " " +
                       w.T(tp.new_lesions ? "value.yes" : "value.no") + ")";
    if (tp.sum_mm) {
      line += "  " + w.T("label.sum") + " " + Fmt(*tp.sum_mm) + " mm";
      if (tp.change_from_baseline_pct)
        line += " (" + Fmt(*tp.change_from_baseline_pct) + "% / baseline)";
    }
    w.Raw(line + "\n");
  }
}

void WriteFindings(Writer& w, std::string_view heading, const std::vector<Finding>& list,
                   const KnowledgePack& pack, std::string_view lang) {
  if (list.empty()) return;
  w.Heading(heading);
  for (const auto& f : list) {
    w.Raw("  [" + w.T("value.severity." + std::string(SeverityName(f.severity))) + "] " +
          pack.texts.Render(lang, f.code, f.params) + "  (" + f.rule + ")\n");
  }
}

std::string Header(const Writer& w, const Evaluation& ev, const KnowledgePack& pack) {
  return w.T("text.header", {{"patient", ev.input->record.demographics.id},
                             {"date", ev.options.as_of.ToString()},
                             {"region", ev.options.region},
                             {"revision", pack.manifest.revision},
                             {"version", ONCNAV_VERSION}}) +
         "\n" + w.T("text.disclaimer") + "\n";
}

}  // namespace

std::string EvaluationToText(const Evaluation& ev, const KnowledgePack& pack) {
  Writer w(pack, ev.options.lang);
  w.Raw(Header(w, ev, pack));
  WriteSubtype(w, ev);
  WriteCourse(w, ev, pack);
  WriteResponse(w, ev);
  w.Raw(TherapyToText(ev.therapy, pack, ev.options.lang));
  w.Raw(BoneToText(ev.bone, pack, ev.options.lang));
  w.Raw("\n" + RecordCalculationsToText(ev.calculations, pack, ev.options.lang));
  WriteFindings(w, "label.section.tests", ev.tests_needed, pack, ev.options.lang);
  WriteFindings(w, "label.section.alerts", ev.alerts, pack, ev.options.lang);
  if (!ev.input->warnings.empty()) {
    w.Heading("label.section.import-warnings");
    for (const auto& iw : ev.input->warnings) {
      w.Raw("  " + iw.resource + " " + iw.element + ": " +
            WarningMessage(iw, pack, ev.options.lang) + "\n");
    }
  }
  return w.str();
}

std::string SubtypeToText(const Evaluation& ev, const KnowledgePack& pack) {
  Writer w(pack, ev.options.lang);
  w.Raw(Header(w, ev, pack));
  WriteSubtype(w, ev);
  WriteFindings(w, "label.section.tests", ev.classification.tests_needed, pack, ev.options.lang);
  WriteFindings(w, "label.section.alerts", ev.classification.alerts, pack, ev.options.lang);
  return w.str();
}

std::string ResponseToText(const Evaluation& ev, const KnowledgePack& pack) {
  Writer w(pack, ev.options.lang);
  w.Raw(Header(w, ev, pack));
  WriteResponse(w, ev);
  return w.str();
}

}  // namespace oncnav
