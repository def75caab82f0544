#pragma once

#include <string>
#include <vector>

#include "cli/args.h"
#include "oncnav/engine/evaluate.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav::cli {

// What every patient command needs: the options, the validated pack and the loaded record.
struct Session {
  Args args;
  std::string format = "json";
  EvaluateOptions options;
  KnowledgePack pack;
  ImportedRecord record;
};

// Parses the common options, loads the pack and the FILE argument. On failure prints the
// errors (text on stderr; JSON on stdout when --format json) and returns their exit status
// through `exit_status`.
bool OpenSession(const std::vector<std::string>& argv, Session& session, int& exit_status);

// Prints errors and returns the catalogue's exit status for the first one. With a pack, errors
// that carry a text key are printed in `lang` (JSON keeps the English `reason` as well).
int ReportErrors(const std::vector<Error>& errors, const std::string& format,
                 const KnowledgePack* pack = nullptr, std::string_view lang = "en");

// Loads the knowledge pack from --knowledge or the default; prints errors on failure.
bool LoadPack(const Args& args, KnowledgePack& pack, int& exit_status);

}  // namespace oncnav::cli
