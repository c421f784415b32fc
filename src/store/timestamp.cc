// ISO 8601 UTC timestamps.
#include "store/timestamp.h"

namespace sunlight::store {

std::string FormatTimestamp(std::time_t seconds_since_epoch) {
  std::tm utc{};
  gmtime_r(&seconds_since_epoch, &utc);
  char text[32];
  std::size_t size = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return std::string(text, size);
}

std::string TimestampNow() { return FormatTimestamp(std::time(nullptr)); }

}  // namespace sunlight::store
