// The per-binary cache of built test worlds.
#include "test_cache.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <system_error>

namespace sunlight::testing {
namespace {

namespace fs = std::filesystem;

constexpr char kCompleteMarker[] = ".complete";

std::string Hex(std::size_t value) {
  char text[32];
  std::snprintf(text, sizeof text, "%016zx", value);
  return text;
}

// "<name>-<hash of the executable's path>-", and the executable's version (size, mtime).
StatusOr<std::pair<std::string, std::string>> KeyOf(std::string_view name) {
  std::error_code error;
  fs::path exe = fs::read_symlink("/proc/self/exe", error);
  if (error) return InternalError("cannot read /proc/self/exe: " + error.message());
  struct stat info {};
  if (stat(exe.c_str(), &info) != 0) return InternalError("cannot stat " + exe.string());
  std::string prefix = std::string(name) + "-" + Hex(std::hash<std::string>{}(exe.string())) + "-";
  std::string version = std::to_string(info.st_size) + "-" + std::to_string(info.st_mtim.tv_sec) +
                        "." + std::to_string(info.st_mtim.tv_nsec);
  return std::make_pair(prefix, version);
}

}  // namespace

StatusOr<fs::path> CachedDirectory(std::string_view name,
                                   const std::function<Status(const fs::path&)>& build) {
  SUNLIGHT_ASSIGN_OR_RETURN(auto key, KeyOf(name));
  const auto& [prefix, version] = key;
  const fs::path root =
      fs::temp_directory_path() / ("sunlight-test-cache-" + std::to_string(getuid()));
  std::error_code error;
  fs::create_directories(root, error);
  if (error) return InternalError("cannot create " + root.string() + ": " + error.message());

  const fs::path lock_path = root / (prefix + "lock");
  int lock_fd = open(lock_path.c_str(), O_RDWR | O_CREAT, 0644);
  if (lock_fd < 0) return InternalError("cannot open " + lock_path.string());
  flock(lock_fd, LOCK_EX);  // released by close, whatever happens below
  std::unique_ptr<int, void (*)(int*)> unlock(&lock_fd, [](int* fd) { close(*fd); });

  const fs::path target = root / (prefix + version);
  if (fs::exists(target / kCompleteMarker)) return target;

  // Entries of earlier builds of this binary (and a build that died midway) are of no more use.
  for (const auto& entry : fs::directory_iterator(root, error)) {
    const std::string entry_name = entry.path().filename().string();
    if (entry.is_directory() && entry_name.rfind(prefix, 0) == 0)
      fs::remove_all(entry.path(), error);
  }
  fs::path building = target;
  building += ".building";
  fs::create_directories(building, error);
  if (error) return InternalError("cannot create " + building.string() + ": " + error.message());
  Status built = build(building);
  if (!built.ok()) {
    fs::remove_all(building, error);
    return built;
  }
  std::ofstream(building / kCompleteMarker) << version << "\n";
  fs::rename(building, target, error);
  if (error) return InternalError("cannot rename " + building.string() + ": " + error.message());
  return target;
}

}  // namespace sunlight::testing
