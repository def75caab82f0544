#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "oncnav/common/result.h"

namespace oncnav::cli {

// Parsed command line: positionals plus --name value / --name=value options.
struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;

  std::optional<std::string> Get(const std::string& name) const;
};

// `allowed` lists the option names a command accepts; anything else is a usage error.
Result<Args> ParseArgs(const std::vector<std::string>& argv,
                       const std::vector<std::string>& allowed);

}  // namespace oncnav::cli
