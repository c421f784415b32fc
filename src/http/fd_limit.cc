// RLIMIT_NOFILE handling; see fd_limit.h.
#include "http/fd_limit.h"

#include <sys/resource.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace sunlight::http {

StatusOr<uint64_t> RaiseOpenFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
    return UnavailableError(std::string("无法读取打开文件数上限：") + std::strerror(errno),
                            "getrlimit_failed");
  }
  if (limit.rlim_cur == limit.rlim_max) return static_cast<uint64_t>(limit.rlim_cur);
  rlimit raised = limit;
  // Linux caps descriptors at fs.nr_open anyway; an "unlimited" hard limit cannot be used as is.
  constexpr rlim_t kUnlimitedCap = 1 << 20;
  raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? kUnlimitedCap : limit.rlim_max;
  if (setrlimit(RLIMIT_NOFILE, &raised) != 0) {
    return UnavailableError(std::string("无法提高打开文件数上限：") + std::strerror(errno),
                            "setrlimit_failed");
  }
  return static_cast<uint64_t>(raised.rlim_cur);
}

}  // namespace sunlight::http
