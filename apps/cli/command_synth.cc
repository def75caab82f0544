// oncnav synth: seeded synthetic patients (native records or FHIR Bundles), NDJSON on standard
// output or one file per patient.
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/commands.h"
#include "cli/session.h"
#include "oncnav/common/text.h"
#include "oncnav/fhir/export/bundle_export.h"
#include "oncnav/record/native_writer.h"
#include "oncnav/synth/generator.h"

namespace oncnav::cli {
namespace {

namespace fs = std::filesystem;

// Enough for any test or benchmark; a larger run is almost certainly a typing error.
constexpr uint64_t kMaxCount = 1'000'000;

// A whole decimal number (digits only, no sign, no spaces).
std::optional<uint64_t> ParseUnsigned(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

struct SynthArgs {
  uint64_t count = 0;
  uint64_t seed = 0;
  bool fhir = false;
  std::optional<std::string> out;
  synth::SynthOptions options;
};

std::vector<Error> Check(const Args& args, SynthArgs& out) {
  std::vector<Error> errors;
  if (!args.positional.empty()) {
    errors.push_back({ErrorCode::kUsage, args.positional.front(),
                      "synth takes no file argument; use --count N --seed S"});
  }
  auto count = args.Get("count");
  if (!count) {
    errors.push_back({ErrorCode::kUsage, "--count",
                      "is required (how many patients, 1 to " + std::to_string(kMaxCount) + ")"});
  } else if (auto n = ParseUnsigned(*count); !n || *n == 0 || *n > kMaxCount) {
    errors.push_back({ErrorCode::kUsage, "--count",
                      Cat({"must be a whole number from 1 to ", std::to_string(kMaxCount),
                           " (got '", *count, "')"})});
  } else {
    out.count = *n;
  }
  auto seed = args.Get("seed");
  if (!seed) {
    errors.push_back(
        {ErrorCode::kUsage, "--seed", "is required: the same seed always gives the same patients"});
  } else if (auto s = ParseUnsigned(*seed); !s) {
    errors.push_back(
        {ErrorCode::kUsage, "--seed",
         Cat({"must be a whole number from 0 to 18446744073709551615 (got '", *seed, "')"})});
  } else {
    out.seed = *s;
  }
  std::string format = args.Get("output-format").value_or("native");
  if (format != "native" && format != "fhir") {
    errors.push_back({ErrorCode::kUsage, "--output-format", "must be native or fhir"});
  }
  out.fhir = format == "fhir";
  if (auto as_of = args.Get("as-of")) {
    auto d = Date::Parse(*as_of);
    if (!d) {
      errors.push_back({ErrorCode::kUsage, "--as-of", "must be a date YYYY-MM-DD"});
    } else if (*d > Date::Today()) {
      errors.push_back({ErrorCode::kUsage, "--as-of",
                        "must not be after today: records may not contain future dates"});
    } else {
      out.options.as_of = d;
    }
  }
  if (auto dir = args.Get("out")) {
    std::error_code ec;
    if (dir->empty()) {
      errors.push_back({ErrorCode::kUsage, "--out", "needs a directory"});
    } else if (fs::exists(*dir, ec) && !fs::is_directory(*dir, ec)) {
      errors.push_back({ErrorCode::kUsage, "--out", Cat({*dir, " exists and is not a directory"})});
    } else {
      out.out = *dir;
    }
  }
  return errors;
}

}  // namespace

int RunSynth(const std::vector<std::string>& argv) {
  auto parsed = ParseArgs(argv, {"count", "seed", "output-format", "out", "as-of", "knowledge"});
  if (!parsed) return ReportErrors(parsed.errors(), "text");
  SynthArgs a;
  if (auto errors = Check(*parsed, a); !errors.empty()) return ReportErrors(errors, "text");
  KnowledgePack pack;
  int status = 0;
  if (!LoadPack(*parsed, pack, status)) return status;
  if (a.out) {
    std::error_code ec;
    fs::create_directories(*a.out, ec);
    if (ec) {
      return ReportErrors(
          {{ErrorCode::kFileNotWritable, *a.out, Cat({"cannot be created: ", ec.message()})}},
          "text");
    }
  }
  for (uint64_t i = 0; i < a.count; ++i) {
    PatientRecord record = synth::GenerateSynthPatient(a.seed, i, pack, a.options).record;
    auto json = a.fhir ? ExportFhirBundle(record, pack) : NativeRecordToJson(record);
    if (!a.out) {
      std::string line = json.dump();
      line.push_back('\n');
      if (std::fwrite(line.data(), 1, line.size(), stdout) != line.size()) {
        return ReportErrors({{ErrorCode::kFileNotWritable, "stdout", "write failed"}}, "text");
      }
      continue;
    }
    fs::path path = fs::path(*a.out) / Cat({record.demographics.id, ".json"});
    std::ofstream file(path, std::ios::binary);
    file << json.dump(1) << '\n';
    if (!file) {
      return ReportErrors({{ErrorCode::kFileNotWritable, path.string(), "cannot be written"}},
                          "text");
    }
  }
  if (a.out) {
    std::fprintf(stderr, "oncnav synth: wrote %llu %s to %s\n",
                 static_cast<unsigned long long>(a.count),
                 a.fhir ? "FHIR Bundles" : "patient records", a.out->c_str());
  }
  return 0;
}

}  // namespace oncnav::cli
