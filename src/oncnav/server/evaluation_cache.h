#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace oncnav::server {

// Rendered evaluations, most recently used first, bounded in bytes. An evaluation is a pure
// function of the record, the knowledge pack, region, lang and as_of; a revision never changes
// and the pack is fixed for the life of the process, so a key naming the patient, revision,
// region, lang and as_of always maps to the same document and needs no invalidation. Safe to
// use from many threads.
class EvaluationCache {
 public:
  explicit EvaluationCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  static std::string Key(const std::string& patient_id, int64_t revision, const std::string& region,
                         const std::string& lang, const std::string& as_of);

  // The cached document, or null.
  std::shared_ptr<const std::string> Find(const std::string& key);
  // Keeps `document` (unless it alone exceeds the bound), dropping the least recently used.
  void Insert(const std::string& key, std::shared_ptr<const std::string> document);

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const std::string>>;
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::mutex mutex_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace oncnav::server
