#include "cli/args.h"

#include <algorithm>

namespace oncnav::cli {

std::optional<std::string> Args::Get(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

Result<Args> ParseArgs(const std::vector<std::string>& argv,
                       const std::vector<std::string>& allowed) {
  Args args;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.rfind("--", 0) != 0 || a.size() == 2) {
      args.positional.push_back(a);
      continue;
    }
    std::string name = a.substr(2), value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    } else if (i + 1 < argv.size()) {
      value = argv[++i];
    } else {
      return Error{ErrorCode::kUsage, "--" + name, "needs a value"};
    }
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return Error{ErrorCode::kUsage, "--" + name, "is not an option of this command"};
    }
    args.options[name] = value;
  }
  return args;
}

}  // namespace oncnav::cli
