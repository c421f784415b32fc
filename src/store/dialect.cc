// Dialect names and token expansion.
#include "store/dialect.h"

#include <algorithm>
#include <array>
#include <utility>

namespace sunlight::store {

namespace {

constexpr std::array<std::pair<std::string_view, SqlToken>, 3> kTokens = {{
    {"ID", SqlToken::kId},
    {"BLOB", SqlToken::kBlob},
    {"TIMESTAMP", SqlToken::kTimestamp},
}};

}  // namespace

std::string_view DialectName(Dialect dialect) {
  switch (dialect) {
    case Dialect::kSqlite:
      return "sqlite";
    case Dialect::kPostgres:
      return "postgresql";
  }
  return "unknown";
}

std::string_view SqlTokenName(SqlToken token) {
  for (const auto& [name, value] : kTokens) {
    if (value == token) return name;
  }
  return "?";
}

StatusOr<std::string> ExpandSqlTokens(std::string_view sql,
                                      const std::function<std::string_view(SqlToken)>& spelling) {
  std::string out;
  out.reserve(sql.size());
  std::size_t pos = 0;
  while (pos < sql.size()) {
    std::size_t open = sql.find("{{", pos);
    if (open == std::string_view::npos) break;
    std::size_t close = sql.find("}}", open + 2);
    if (close == std::string_view::npos) {
      return InternalError("SQL 模板中的 {{ 没有闭合", "unclosed_sql_token");
    }
    std::string_view name = sql.substr(open + 2, close - open - 2);
    const auto* found = std::find_if(kTokens.begin(), kTokens.end(),
                                     [&](const auto& entry) { return entry.first == name; });
    if (found == kTokens.end()) {
      return InternalError("SQL 模板中有未知的标记 {{" + std::string(name) + "}}",
                           "unknown_sql_token");
    }
    out.append(sql.substr(pos, open - pos));
    out.append(spelling(found->second));
    pos = close + 2;
  }
  out.append(sql.substr(pos));
  return out;
}

}  // namespace sunlight::store
