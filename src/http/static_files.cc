// Path resolution and cache validators for static files; see static_files.h for the policy.
#include "http/static_files.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

#include "http/mime_types.h"
#include "http/request.h"

namespace sunlight::http {
namespace {

namespace fs = std::filesystem;

struct FileInfo {
  fs::path path;  // canonical
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

enum class Resolution { kFile, kMissing, kRefused };

bool IsInside(const fs::path& path, const fs::path& root) {
  auto [root_end, path_pos] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end();
}

// Resolves `candidate` to a regular file inside `root`, following a directory to its
// index.html. Symlinks are allowed as long as their target stays inside the root.
Resolution Resolve(const fs::path& root, const fs::path& candidate, FileInfo& info) {
  std::error_code ec;
  fs::path real = fs::canonical(candidate, ec);
  if (ec) return Resolution::kMissing;
  if (!IsInside(real, root)) return Resolution::kRefused;
  struct stat st {};
  if (::stat(real.c_str(), &st) != 0) return Resolution::kMissing;
  if (S_ISDIR(st.st_mode)) {
    real = fs::canonical(real / "index.html", ec);
    if (ec) return Resolution::kMissing;
    if (!IsInside(real, root)) return Resolution::kRefused;
    if (::stat(real.c_str(), &st) != 0) return Resolution::kMissing;
  }
  if (!S_ISREG(st.st_mode)) return Resolution::kRefused;  // devices, sockets, fifos
  info.path = std::move(real);
  info.size = static_cast<uint64_t>(st.st_size);
  info.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  return Resolution::kFile;
}

std::string MakeEtag(const FileInfo& info) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "\"%llx-%llx\"", static_cast<unsigned long long>(info.size),
                static_cast<unsigned long long>(info.mtime_ns));
  return buffer;
}

// Splits and decodes the path into file-name segments; nullopt when the path is refused.
// A trailing '/' leaves an empty last segment (a directory request).
std::optional<std::vector<std::string>> SafeSegments(std::string_view raw_path) {
  if (raw_path.empty() || raw_path.front() != '/') return std::nullopt;
  raw_path.remove_prefix(1);
  std::vector<std::string> segments;
  while (true) {
    size_t slash = raw_path.find('/');
    std::string_view raw = raw_path.substr(0, slash);
    bool last = slash == std::string_view::npos;
    if (raw.empty()) {
      if (!last) return std::nullopt;  // "//": an absolute path smuggled into a relative one
      break;
    }
    StatusOr<std::string> decoded = PercentDecode(raw);
    if (!decoded.ok()) return std::nullopt;
    const std::string& name = *decoded;
    if (name.front() == '.') return std::nullopt;  // ".", "..", ".env", ".git"
    if (name.find_first_of(std::string_view("/\\\0", 3)) != std::string::npos) return std::nullopt;
    segments.push_back(name);
    if (last) break;
    raw_path.remove_prefix(slash + 1);
  }
  return segments;
}

}  // namespace

StatusOr<StaticFiles> StaticFiles::Open(const std::filesystem::path& root) {
  std::error_code ec;
  fs::path real = fs::canonical(root, ec);
  if (ec || !fs::is_directory(real, ec)) {
    return NotFoundError("静态文件目录不存在：" + root.string(), "static_dir_missing");
  }
  return StaticFiles(std::move(real));
}

StaticFile StaticFiles::Lookup(std::string_view raw_path, std::string_view if_none_match) const {
  StaticFile result;
  std::optional<std::vector<std::string>> segments = SafeSegments(raw_path);
  if (!segments) return result;

  fs::path candidate = root_;
  for (const std::string& segment : *segments) candidate /= segment;

  FileInfo info;
  switch (Resolve(root_, candidate, info)) {
    case Resolution::kFile:
      break;
    case Resolution::kRefused:
      return result;
    case Resolution::kMissing: {
      // SPA fallback: "/warnings/123" is a route of the web app, not a file.
      bool looks_like_route = segments->empty() || segments->back().find('.') == std::string::npos;
      if (!looks_like_route) return result;
      if (Resolve(root_, root_ / "index.html", info) != Resolution::kFile) return result;
      segments->clear();  // index.html is never under assets/
      break;
    }
  }

  bool hashed_asset = segments->size() > 1 && segments->front() == "assets";
  result.content_type = std::string(MimeTypeForPath(info.path.filename().string()));
  result.etag = MakeEtag(info);
  result.cache_control =
      std::string(hashed_asset ? kImmutableCacheControl : kRevalidateCacheControl);
  if (!if_none_match.empty() && IfNoneMatchMatches(if_none_match, result.etag)) {
    result.kind = StaticFile::Kind::kNotModified;
    return result;
  }
  result.kind = StaticFile::Kind::kFile;
  result.file = std::move(info.path);
  result.size = info.size;
  return result;
}

bool IfNoneMatchMatches(std::string_view if_none_match, std::string_view etag) {
  auto strip_weak = [](std::string_view tag) {
    if (tag.size() >= 2 && tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    return tag;
  };
  etag = strip_weak(etag);
  while (!if_none_match.empty()) {
    size_t comma = if_none_match.find(',');
    std::string_view tag = if_none_match.substr(0, comma);
    if_none_match =
        comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag == "*" || strip_weak(tag) == etag) return true;
  }
  return false;
}

}  // namespace sunlight::http
