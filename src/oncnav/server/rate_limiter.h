#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace oncnav::server {

// At most `per_minute` requests per client key in each one-minute window (0 = no limit).
// Keys of windows that ended are dropped, so memory stays bounded by the active clients.
class RateLimiter {
 public:
  explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}
  bool Allow(const std::string& key);

 private:
  int per_minute_;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point window_start_ = std::chrono::steady_clock::now();
  std::unordered_map<std::string, int> counts_;
};

}  // namespace oncnav::server
