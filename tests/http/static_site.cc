// Builds the test web-app directory.
#include "static_site.h"

#include <stdlib.h>

#include <fstream>
#include <stdexcept>

namespace sunlight::http::testing {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& path, const std::string& content) {
  if (path.string().find("sunlight-static-") == std::string::npos) {
    throw std::runtime_error("refusing to write outside the test directory: " + path.string());
  }
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

StaticSite::StaticSite() {
  std::string pattern = (fs::temp_directory_path() / "sunlight-static-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  base_ = pattern;
  root_ = base_ / "dist";

  Write(root_ / "index.html", kIndexHtml);
  Write(root_ / (kHashedJs + 1), "console.log('阳光');");
  Write(root_ / "assets/index-77aa.css", "body{margin:0}");
  Write(root_ / "assets/logo-1a2b.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
  Write(root_ / "assets/font-9c.woff2", std::string("wOF2\0\0", 6));
  Write(root_ / "assets/font-9c.woff", std::string("wOFF\0\0", 6));
  Write(root_ / "assets/font-9c.ttf", std::string("\0\1\0\0", 4));
  Write(root_ / "assets/worker-5.mjs", "export {}");
  Write(root_ / "assets/index-3f9a1c2b.js.map", "{}");
  Write(root_ / "assets/engine-1.wasm", std::string("\0asm", 4));
  Write(root_ / "img/photo.png", std::string("\x89PNG\r\n", 6));
  Write(root_ / "img/photo.jpg", std::string("\xff\xd8\xff", 3));
  Write(root_ / "favicon.ico", std::string("\0\0\1\0", 4));
  Write(root_ / "robots.txt", "User-agent: *\n");
  Write(root_ / "config.json", R"({"title":"阳光"})");
  Write(root_ / "docs/index.html", "<p>docs</p>");
  Write(root_ / ".env", "SECRET=1");
  Write(base_ / "outside/secret.txt", kSecret);
  Write(base_ / "outside/passwd", kSecret);
  fs::create_directory_symlink(base_ / "outside", root_ / "escape");
  fs::create_symlink(base_ / "outside/secret.txt", root_ / "escape.txt");
  fs::create_symlink(root_ / "robots.txt", root_ / "robots-link.txt");  // stays inside: allowed

  big_file_content.resize(3 * 1024 * 1024 + 123);
  for (size_t byte_idx = 0; byte_idx < big_file_content.size(); ++byte_idx) {
    big_file_content[byte_idx] = static_cast<char>('a' + (byte_idx * 7919) % 26);
  }
  Write(root_ / "big.bin", big_file_content);
}

StaticSite::~StaticSite() {
  std::error_code ignored;
  fs::remove_all(base_, ignored);
}

}  // namespace sunlight::http::testing
