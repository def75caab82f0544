#pragma once

#include <string>
#include <vector>

namespace oncnav::cli {

// Each command takes its arguments (after the command words) and returns the exit status.
int RunEvaluate(const std::vector<std::string>& argv);
int RunClassify(const std::vector<std::string>& argv);
int RunRecist(const std::vector<std::string>& argv);
int RunKnowledge(const std::vector<std::string>& argv);
int RunErrors(const std::vector<std::string>& argv);
int RunCalc(const std::vector<std::string>& argv);
int RunSynth(const std::vector<std::string>& argv);
// The server and its store (command_server.cc).
int RunServe(const std::vector<std::string>& argv);
int RunDb(const std::vector<std::string>& argv);
int RunUser(const std::vector<std::string>& argv);

}  // namespace oncnav::cli
