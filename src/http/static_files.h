// StaticFiles: serving the built web app (web/dist) from a directory.
//
// Policy (the server applies it to GET and HEAD for every path outside /api):
//   - "/" and directories serve their index.html.
//   - Refused with 404 (never with the SPA page): "..", ".", and hidden segments (".env",
//     ".git"), also when percent-encoded ("%2e%2e"); encoded separators ("%2F", "%5C") and
//     NUL; empty segments ("//etc/passwd"); anything whose real path, after resolving
//     symlinks, lies outside the root.
//   - SPA fallback: a path whose last segment has no extension ("/warnings/123") and that
//     names no file serves index.html, so the Vue router can take over; a missing
//     "/missing.js" stays a 404.
//   - Caching: files under assets/ are Vite's content-hashed output and never change under
//     their name: "public, max-age=31536000, immutable". Everything else (index.html above
//     all, which names the current hashes) is "no-cache": the browser revalidates with the
//     ETag every time and gets a cheap 304 when nothing changed.
//   - ETag: "<size>-<mtime ns>" in hex, compared weakly against If-None-Match.
//
// Thread safety: immutable after Open(); Lookup() may run on any number of threads at once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/status.h"

namespace sunlight::http {

inline constexpr std::string_view kImmutableCacheControl = "public, max-age=31536000, immutable";
inline constexpr std::string_view kRevalidateCacheControl = "no-cache";

struct StaticFile {
  enum class Kind { kFile, kNotModified, kNotFound };
  Kind kind = Kind::kNotFound;
  std::filesystem::path file;  // kFile: the file to send (canonical)
  uint64_t size = 0;           // kFile
  std::string content_type;    // kFile, kNotModified
  std::string etag;            // kFile, kNotModified
  std::string cache_control;   // kFile, kNotModified
};

class StaticFiles {
 public:
  // `root` must be an existing directory.
  static StatusOr<StaticFiles> Open(const std::filesystem::path& root);

  // `raw_path` is the request path as received (percent-encoded, no query string);
  // `if_none_match` the If-None-Match header or empty.
  StaticFile Lookup(std::string_view raw_path, std::string_view if_none_match) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

  std::filesystem::path root_;  // canonical
};

// True when an If-None-Match header value ("\"a\", W/\"b\"" or "*") matches `etag`.
bool IfNoneMatchMatches(std::string_view if_none_match, std::string_view etag);

}  // namespace sunlight::http
