#include "oncnav/server/evaluation_cache.h"

#include "oncnav/common/text.h"

namespace oncnav::server {

std::string EvaluationCache::Key(const std::string& patient_id, int64_t revision,
                                 const std::string& region, const std::string& lang,
                                 const std::string& as_of) {
  // Patient ids are [A-Za-z0-9._-], so a space cannot be part of any component.
  return Cat({patient_id, " ", std::to_string(revision), " ", region, " ", lang, " ", as_of});
}

std::shared_ptr<const std::string> EvaluationCache::Find(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->second;
}

void EvaluationCache::Insert(const std::string& key, std::shared_ptr<const std::string> document) {
  size_t size = key.size() + document->size();
  if (size > max_bytes_) return;
  std::lock_guard lock(mutex_);
  if (index_.count(key)) return;  // another thread rendered the same document meanwhile
  order_.emplace_front(key, std::move(document));
  index_[key] = order_.begin();
  bytes_ += size;
  while (bytes_ > max_bytes_) {
    const Entry& last = order_.back();
    bytes_ -= last.first.size() + last.second->size();
    index_.erase(last.first);
    order_.pop_back();
  }
}

}  // namespace oncnav::server
