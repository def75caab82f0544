// `oncnav calc`: the clinical calculators, one at a time from command-line fields, or all that
// a patient record allows (`oncnav calc record FILE`).
#include <cstdio>

#include "cli/commands.h"
#include "cli/session.h"
#include "oncnav/calc/calc_request.h"
#include "oncnav/calc/from_record.h"
#include "oncnav/common/text.h"
#include "oncnav/report/calc_json.h"
#include "oncnav/report/calc_text.h"

namespace oncnav::cli {
namespace {

const std::vector<std::string> kCommonOptions = {"format", "lang", "knowledge"};

void Print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

int List() {
  std::printf("Calculators (oncnav calc NAME --field value ...):\n");
  for (const auto& c : Calculators()) {
    std::string fields;
    for (const auto& f : c.fields) fields += Cat({fields.empty() ? "" : " ", "--", f});
    std::printf("  %-20s %s\n", c.name.c_str(), fields.c_str());
  }
  std::printf("  %-20s FILE [--as-of YYYY-MM-DD]  everything a patient record allows\n", "record");
  std::printf("\nCommon options: --format json|text  --lang en|ja|zh  --knowledge DIR\n");
  return 0;
}

int RunRecord(const std::vector<std::string>& argv) {
  Session s;
  int status = 0;
  if (!OpenSession(argv, s, status)) return status;
  RecordCalculations calcs = CalculatorsFromRecord(s.record.record, s.pack, s.options.as_of);
  if (s.format == "text") {
    Print(RecordCalculationsToText(calcs, s.pack, s.options.lang));
    return 0;
  }
  Json j;
  j["patient_id"] = s.record.record.demographics.id;
  j["lang"] = s.options.lang;
  j["calculators"] = RecordCalculationsToJson(calcs, s.pack, s.options.lang);
  j["provenance"] = ProvenanceToJson(calcs.rules, s.pack);
  Print(j.dump(2) + "\n");
  return 0;
}

}  // namespace

int RunCalc(const std::vector<std::string>& argv) {
  if (argv.empty() || argv[0] == "list" || argv[0] == "--help") {
    if (argv.empty()) {
      std::fprintf(stderr, "oncnav calc: name a calculator\n\n");
      List();
      return 2;
    }
    return List();
  }
  const std::string name = argv[0];
  std::vector<std::string> rest(argv.begin() + 1, argv.end());
  if (name == "record") return RunRecord(rest);
  const CalculatorInfo* info = FindCalculator(name);
  if (!info) {
    std::string names;
    for (const auto& c : Calculators()) names += Cat({names.empty() ? "" : ", ", c.name});
    return ReportErrors({{ErrorCode::kUsage, "calculator",
                          Cat({"'", name, "' is not a calculator (", names, ")"})}},
                        "text");
  }
  std::vector<std::string> allowed = info->fields;
  allowed.insert(allowed.end(), kCommonOptions.begin(), kCommonOptions.end());
  auto parsed = ParseArgs(rest, allowed);
  if (!parsed) return ReportErrors(parsed.errors(), "text");
  const Args& args = *parsed;
  std::string format = args.Get("format").value_or("json");
  std::string lang = args.Get("lang").value_or("en");
  std::vector<Error> errors;
  if (format != "json" && format != "text") {
    errors.push_back({ErrorCode::kUsage, "--format", "must be json or text"});
    format = "text";
  }
  if (lang != "en" && lang != "ja" && lang != "zh") {
    errors.push_back({ErrorCode::kUsage, "--lang", "must be en, ja or zh"});
  }
  if (!args.positional.empty()) {
    errors.push_back({ErrorCode::kUsage, args.positional[0],
                      "is not expected: give every input as --field value"});
  }
  if (!errors.empty()) return ReportErrors(errors, format);
  KnowledgePack pack;
  int status = 0;
  if (!LoadPack(args, pack, status)) return status;
  CalcFields fields;
  for (const auto& [key, value] : args.options) {
    if (key != "format" && key != "lang" && key != "knowledge") fields[key] = value;
  }
  auto output = RunCalculator(name, fields, pack);
  if (!output) return ReportErrors(output.errors(), format);
  if (format == "text") {
    Print(CalcOutputToText(*output, pack, lang));
    return 0;
  }
  Json j = CalcOutputToJson(*output, pack, lang);
  j["lang"] = lang;
  j["provenance"] = ProvenanceToJson(TraceOf(output->report).rules, pack);
  Print(j.dump(2) + "\n");
  return 0;
}

}  // namespace oncnav::cli
