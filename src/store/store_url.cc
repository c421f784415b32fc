// Parsing of database URLs.
#include "store/store_url.h"

#include <algorithm>
#include <cctype>

namespace sunlight::store {

namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

}  // namespace

StatusOr<StoreUrl> ParseStoreUrl(std::string_view url) {
  if (url.empty()) return InvalidArgumentError("未指定数据库地址", "empty_database_url");
  StoreUrl parsed;
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
    parsed.dialect = Dialect::kPostgres;
    parsed.connection_string = std::string(url);
    return parsed;
  }
  std::string_view rest = url;
  if (StartsWith(rest, "sqlite:")) {
    rest.remove_prefix(7);
    if (rest.empty())
      return InvalidArgumentError("sqlite: 之后缺少文件路径", "empty_database_path");
  } else if (std::size_t scheme_end = url.find("://"); scheme_end != std::string_view::npos) {
    // Never echo the URL: it may carry a password. The scheme is safe to show.
    return InvalidArgumentError("不支持的数据库地址类型：" + std::string(url.substr(0, scheme_end)),
                                "unsupported_database_url");
  }
  if (rest == ":memory:") {
    parsed.in_memory = true;
    return parsed;
  }
  parsed.path = std::filesystem::path(std::string(rest));
  return parsed;
}

}  // namespace sunlight::store
