#include "supervision/public/rate_limiter.h"

#include <iterator>

namespace sunlight::supervision::public_side {

void RateLimiter::Expire(std::deque<std::int64_t>& times, std::int64_t now) const {
  while (!times.empty() && times.front() <= now - window_seconds_) times.pop_front();
}

bool RateLimiter::Allow(std::string_view key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  // Forget idle keys now and then, so that a flood of distinct keys cannot grow memory
  // without bound.
  if (attempts_.size() > 100000) {
    for (auto it = attempts_.begin(); it != attempts_.end();) {
      Expire(it->second, now);
      it = it->second.empty() ? attempts_.erase(it) : std::next(it);
    }
  }
  std::deque<std::int64_t>& times = attempts_[std::string(key)];
  Expire(times, now);
  if (static_cast<int>(times.size()) >= max_attempts_) return false;
  times.push_back(now);
  return true;
}

std::int64_t RateLimiter::RetryAfter(std::string_view key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = attempts_.find(std::string(key));
  if (it == attempts_.end()) return 0;
  Expire(it->second, now);
  if (static_cast<int>(it->second.size()) < max_attempts_) return 0;
  return it->second.front() + window_seconds_ - now;
}

}  // namespace sunlight::supervision::public_side
