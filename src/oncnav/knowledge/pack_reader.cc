#include "oncnav/knowledge/pack_reader.h"

#include <fstream>
#include <sstream>

namespace oncnav {

void PackReader::Fail(const std::string& path, const std::string& reason) {
  failed_ = true;
  errors_.push_back({ErrorCode::kKnowledgeInvalid, file_ + ": " + path, reason});
}

const nlohmann::json* PackReader::Member(const nlohmann::json& obj, const std::string& path,
                                         const std::string& key, bool required) {
  if (!obj.is_object()) {
    Fail(path, "must be an object");
    return nullptr;
  }
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) Fail(path + "." + key, "is required");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> PackReader::String(const nlohmann::json& obj, const std::string& path,
                                              const std::string& key, bool required) {
  const auto* v = Member(obj, path, key, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    Fail(path + "." + key, "must be a string");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<double> PackReader::Number(const nlohmann::json& obj, const std::string& path,
                                         const std::string& key, bool required) {
  const auto* v = Member(obj, path, key, required);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    Fail(path + "." + key, "must be a number");
    return std::nullopt;
  }
  return v->get<double>();
}

std::vector<std::string> PackReader::StringList(const nlohmann::json& obj, const std::string& path,
                                                const std::string& key, bool required) {
  std::vector<std::string> out;
  const auto* v = Member(obj, path, key, required);
  if (!v) return out;
  if (!v->is_array()) {
    Fail(path + "." + key, "must be an array of strings");
    return out;
  }
  for (size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_string()) {
      Fail(path + "." + key + "[" + std::to_string(i) + "]", "must be a string");
      continue;
    }
    out.push_back((*v)[i].get<std::string>());
  }
  return out;
}

std::optional<nlohmann::json> ReadJsonFile(const std::string& dir, const std::string& file,
                                           std::vector<Error>& errors) {
  std::ifstream in(dir + "/" + file, std::ios::binary);
  if (!in) {
    errors.push_back({ErrorCode::kKnowledgeInvalid, file, "cannot be read from " + dir});
    return std::nullopt;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  try {
    return nlohmann::json::parse(buf.str());
  } catch (const nlohmann::json::parse_error& e) {
    errors.push_back(
        {ErrorCode::kKnowledgeInvalid, file, std::string("is not valid JSON (") + e.what() + ")"});
    return std::nullopt;
  }
}

}  // namespace oncnav
