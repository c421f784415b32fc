// A throwaway web-app directory for the static-file tests: a Vite-like dist/ with index.html,
// hashed assets, one file of each type, a hidden file, and symlinks that escape the root
// towards a secret that must never be served.
#pragma once

#include <filesystem>
#include <string>

namespace sunlight::http::testing {

class StaticSite {
 public:
  StaticSite();   // creates the files under a fresh temporary directory
  ~StaticSite();  // removes them
  StaticSite(const StaticSite&) = delete;
  StaticSite& operator=(const StaticSite&) = delete;

  const std::filesystem::path& root() const { return root_; }

  static constexpr const char* kIndexHtml = "<!doctype html><title>阳光</title><div id=app></div>";
  static constexpr const char* kSecret = "TOP-SECRET-OUTSIDE-THE-ROOT";
  static constexpr const char* kHashedJs = "/assets/index-3f9a1c2b.js";
  std::string big_file_content;  // /big.bin, a few MB

 private:
  std::filesystem::path base_;  // holds root_ and the outside directory
  std::filesystem::path root_;
};

}  // namespace sunlight::http::testing
