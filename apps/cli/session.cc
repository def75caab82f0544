#include "cli/session.h"

#include <cstdio>

#include "oncnav/record/load_record.h"
#include "oncnav/report/error_output.h"
#include "oncnav/report/json_output.h"

namespace oncnav::cli {
namespace {

const std::vector<std::string> kPatientOptions = {"format", "lang",      "region",
                                                  "as-of",  "knowledge", "imaging-interval-months"};

bool OneOf(const std::string& v, std::initializer_list<const char*> allowed) {
  for (const char* a : allowed) {
    if (v == a) return true;
  }
  return false;
}

}  // namespace

int ReportErrors(const std::vector<Error>& errors, const std::string& format,
                 const KnowledgePack* pack, std::string_view lang) {
  for (const auto& e : errors) {
    std::fprintf(stderr, "oncnav: error [%s] %s\n", std::string(Describe(e.code).name).c_str(),
                 ErrorLine(e, pack, lang).c_str());
  }
  if (format == "json") std::printf("%s\n", ErrorsToJson(errors, pack, lang).dump(2).c_str());
  return errors.empty() ? 0 : Describe(errors.front().code).exit_status;
}

bool LoadPack(const Args& args, KnowledgePack& pack, int& exit_status) {
  auto loaded = LoadKnowledgePack(args.Get("knowledge").value_or(DefaultKnowledgeDir()));
  if (!loaded) {
    exit_status = ReportErrors(loaded.errors(), args.Get("format").value_or("text"));
    return false;
  }
  pack = std::move(loaded).value();
  return true;
}

bool OpenSession(const std::vector<std::string>& argv, Session& s, int& exit_status) {
  auto parsed = ParseArgs(argv, kPatientOptions);
  if (!parsed) {
    exit_status = ReportErrors(parsed.errors(), "text");
    return false;
  }
  s.args = std::move(parsed).value();
  std::vector<Error> errors;
  s.format = s.args.Get("format").value_or("json");
  if (!OneOf(s.format, {"json", "text"})) {
    errors.push_back({ErrorCode::kUsage, "--format", "must be json or text"});
    s.format = "text";
  }
  s.options.lang = s.args.Get("lang").value_or("en");
  if (!OneOf(s.options.lang, {"en", "ja", "zh"})) {
    errors.push_back({ErrorCode::kUsage, "--lang", "must be en, ja or zh"});
  }
  s.options.region = s.args.Get("region").value_or("jp");
  if (!OneOf(s.options.region, {"jp", "us", "cn", "eu"})) {
    errors.push_back({ErrorCode::kUsage, "--region", "must be jp, us, cn or eu"});
  }
  s.options.as_of = Date::Today();
  if (auto as_of = s.args.Get("as-of")) {
    auto d = Date::Parse(*as_of);
    if (!d)
      errors.push_back({ErrorCode::kUsage, "--as-of", "must be a date YYYY-MM-DD"});
    else
      s.options.as_of = *d;
  }
  if (auto months = s.args.Get("imaging-interval-months")) {
    int m = 0;
    if (std::sscanf(months->c_str(), "%d", &m) != 1 || m < 1 || m > 12) {
      errors.push_back({ErrorCode::kUsage, "--imaging-interval-months", "must be 1 to 12"});
    }
    s.options.reimaging_months = m;
  }
  if (s.args.positional.size() != 1) {
    errors.push_back({ErrorCode::kUsage, "FILE", "exactly one patient file is needed"});
  }
  if (!errors.empty()) {
    exit_status = ReportErrors(errors, s.format);
    return false;
  }
  if (!LoadPack(s.args, s.pack, exit_status)) return false;
  auto record = LoadRecordFile(s.args.positional[0], s.pack, s.options.as_of);
  if (!record) {
    exit_status = ReportErrors(record.errors(), s.format, &s.pack, s.options.lang);
    return false;
  }
  s.record = std::move(record).value();
  return true;
}

}  // namespace oncnav::cli
