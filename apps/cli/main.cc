// oncnav: command-line front end. Thin by design: every decision is made in the core library.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>&);
};

const Command kCommands[] = {
    {"evaluate",
     "FILE  evaluate a patient record or FHIR Bundle (subtype, course, response, alerts)",
     oncnav::cli::RunEvaluate},
    {"classify", "FILE  HR, HER2 and subtype with their history and missing tests",
     oncnav::cli::RunClassify},
    {"recist", "FILE  RECIST 1.1 response over the record's imaging series",
     oncnav::cli::RunRecist},
    {"calc", "NAME --field value ...  clinical calculators and grades (list: calc list)",
     oncnav::cli::RunCalc},
    {"knowledge", "check|sources  validate the knowledge pack or list its sources",
     oncnav::cli::RunKnowledge},
    {"errors", "       print the error catalogue (codes, HTTP and exit statuses)",
     oncnav::cli::RunErrors},
    {"synth",
     "--count N --seed S [--output-format native|fhir] [--out DIR]  synthetic patients "
     "(NDJSON on stdout, or one file each)",
     oncnav::cli::RunSynth},
    {"serve", "[--config FILE] [--port N] [--data-dir DIR]  the REST API (docs/server.md)",
     oncnav::cli::RunServe},
    {"db", "upgrade|status|load FILE...  the patient store: migrations, demo data",
     oncnav::cli::RunDb},
    {"user", "add NAME --role admin|clinician|viewer | list  API users and tokens",
     oncnav::cli::RunUser},
};

void Usage(FILE* out) {
  std::fprintf(
      out,
      "oncnav %s: decision support for metastatic breast cancer.\n"
      "It proposes and explains; it never orders anything.\n\nUsage: oncnav COMMAND ...\n\n",
      ONCNAV_VERSION);
  for (const auto& c : kCommands) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(
      out,
      "\nCommon options: --format json|text  --lang en|ja|zh  --region jp|us|cn|eu\n"
      "                --as-of YYYY-MM-DD  --knowledge DIR  --imaging-interval-months N\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    Usage(stderr);
    return 2;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    Usage(stdout);
    return 0;
  }
  if (name == "--version" || name == "version") {
    std::printf("oncnav %s\n", ONCNAV_VERSION);
    return 0;
  }
  std::vector<std::string> rest(argv + 2, argv + argc);
  for (const auto& c : kCommands) {
    if (name == c.name) return c.run(rest);
  }
  std::fprintf(stderr, "oncnav: unknown command '%s'\n\n", name.c_str());
  Usage(stderr);
  return 2;
}
