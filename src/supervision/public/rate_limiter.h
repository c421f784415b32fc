// A sliding-window limit on attempts per key (a client address, an ID number's hash), for
// the public routes that need no login and so could be abused: at most `max_attempts` in
// any `window_seconds`. Kept in memory, per server process: a restart forgets the counts,
// which is acceptable for a limit meant to slow enumeration down, not to keep a record (the
// audit log keeps that). Thread-safe.
//
//   RateLimiter limiter(5, 600);
//   if (!limiter.Allow("addr:" + ip, now)) return 429;
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sunlight::supervision::public_side {

class RateLimiter {
 public:
  RateLimiter(int max_attempts, std::int64_t window_seconds)
      : max_attempts_(max_attempts), window_seconds_(window_seconds) {}

  // Counts an attempt for `key` at `now` (seconds) and says whether it is within the limit.
  // A refused attempt is not counted, so waiting out the window always helps.
  bool Allow(std::string_view key, std::int64_t now);

  // Seconds until `key` may try again (0 when it may now), for Retry-After.
  std::int64_t RetryAfter(std::string_view key, std::int64_t now);

 private:
  void Expire(std::deque<std::int64_t>& times, std::int64_t now) const;

  const int max_attempts_;
  const std::int64_t window_seconds_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<std::int64_t>> attempts_;
};

}  // namespace sunlight::supervision::public_side
