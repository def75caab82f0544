#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "oncnav/common/error.h"

namespace oncnav {

// Reads one knowledge file and collects every problem with its file, JSON path and reason,
// so `oncnav knowledge check` can list them all at once. Each typed section of the pack
// (classification, labs, drugs, codes, RECIST, ...) has a loader that takes a PackReader.
class PackReader {
 public:
  PackReader(std::string file, std::vector<Error>& errors)
      : file_(std::move(file)), errors_(errors) {}

  const std::string& file() const { return file_; }
  void Fail(const std::string& path, const std::string& reason);
  bool failed() const { return failed_; }

  // Typed accessors: on a missing or mistyped member they record an error naming
  // "<file>: <path>.<key>" and return nullopt / an empty value.
  const nlohmann::json* Member(const nlohmann::json& obj, const std::string& path,
                               const std::string& key, bool required = true);
  std::optional<std::string> String(const nlohmann::json& obj, const std::string& path,
                                    const std::string& key, bool required = true);
  std::optional<double> Number(const nlohmann::json& obj, const std::string& path,
                               const std::string& key, bool required = true);
  std::vector<std::string> StringList(const nlohmann::json& obj, const std::string& path,
                                      const std::string& key, bool required = true);

 private:
  std::string file_;
  std::vector<Error>& errors_;
  bool failed_ = false;
};

// Parses a JSON file; on failure records an error for `file` and returns nullopt.
std::optional<nlohmann::json> ReadJsonFile(const std::string& dir, const std::string& file,
                                           std::vector<Error>& errors);

}  // namespace oncnav
