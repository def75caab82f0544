#include "oncnav/server/rate_limiter.h"

namespace oncnav::server {

bool RateLimiter::Allow(const std::string& key) {
  if (per_minute_ <= 0) return true;
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  if (now - window_start_ >= std::chrono::minutes(1)) {
    window_start_ = now;
    counts_.clear();
  }
  return ++counts_[key] <= per_minute_;
}

}  // namespace oncnav::server
