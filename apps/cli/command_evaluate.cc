#include <cstdio>

#include "cli/commands.h"
#include "cli/session.h"
#include "oncnav/report/json_output.h"
#include "oncnav/report/text_output.h"

namespace oncnav::cli {
namespace {

void Print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

}  // namespace

int RunEvaluate(const std::vector<std::string>& argv) {
  Session s;
  int status = 0;
  if (!OpenSession(argv, s, status)) return status;
  Evaluation ev = Evaluate(s.record, s.pack, s.options);
  Print(s.format == "json" ? EvaluationToJson(ev, s.pack).dump(2) + "\n"
                           : EvaluationToText(ev, s.pack));
  return 0;
}

int RunClassify(const std::vector<std::string>& argv) {
  Session s;
  int status = 0;
  if (!OpenSession(argv, s, status)) return status;
  Evaluation ev = Evaluate(s.record, s.pack, s.options);
  if (s.format == "text") {
    Print(SubtypeToText(ev, s.pack));
    return 0;
  }
  Json j;
  j["patient_id"] = s.record.record.demographics.id;
  j["subtype"] = SubtypeToJson(ev.classification);
  j["tests_needed"] = FindingsToJson(ev.classification.tests_needed, s.pack, s.options.lang);
  j["alerts"] = FindingsToJson(ev.classification.alerts, s.pack, s.options.lang);
  j["provenance"] = ProvenanceToJson(ev.classification.rules, s.pack);
  Print(j.dump(2) + "\n");
  return 0;
}

int RunRecist(const std::vector<std::string>& argv) {
  Session s;
  int status = 0;
  if (!OpenSession(argv, s, status)) return status;
  Evaluation ev = Evaluate(s.record, s.pack, s.options);
  if (s.format == "text") {
    Print(ResponseToText(ev, s.pack));
    return 0;
  }
  std::vector<Finding> findings;
  for (const auto& f : ev.alerts) {
    if (f.code.rfind("recist.", 0) == 0) findings.push_back(f);
  }
  Json j;
  j["patient_id"] = s.record.record.demographics.id;
  j["response"] = ResponseToJson(ev.recist, ev.course.metastatic);
  j["alerts"] = FindingsToJson(findings, s.pack, s.options.lang);
  j["provenance"] = ProvenanceToJson(ev.recist.rules, s.pack);
  Print(j.dump(2) + "\n");
  return 0;
}

}  // namespace oncnav::cli
