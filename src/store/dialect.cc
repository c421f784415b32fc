// Dialect names and token expansion.
#include "store/dialect.h"

#include <algorithm>
#include <array>
#include <utility>

namespace sunlight::store {

namespace {

constexpr std::array<std::pair<std::string_view, SqlToken>, 4> kTokens = {{
    {"ID", SqlToken::kId},
    {"BLOB", SqlToken::kBlob},
    {"TIMESTAMP", SqlToken::kTimestamp},
    {"APPEND_ONLY", SqlToken::kAppendOnly},
}};

constexpr std::string_view kTableMark = "@TABLE@";

bool TakesArgument(SqlToken token) { return token == SqlToken::kAppendOnly; }

bool IsIdentifier(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::string ReplaceAll(std::string_view text, std::string_view mark, std::string_view with) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    std::size_t found = text.find(mark, pos);
    if (found == std::string_view::npos) break;
    out.append(text.substr(pos, found - pos));
    out.append(with);
    pos = found + mark.size();
  }
  out.append(text.substr(pos));
  return out;
}

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
    std::string_view whole = sql.substr(open + 2, close - open - 2);
    std::string_view name = whole;
    std::string_view argument;
    bool has_argument = false;
    if (std::size_t paren = whole.find('('); paren != std::string_view::npos) {
      if (whole.back() != ')') {
        return InternalError("SQL 模板标记 {{" + std::string(whole) + "}} 的括号不完整",
                             "bad_sql_token_argument");
      }
      name = whole.substr(0, paren);
      argument = whole.substr(paren + 1, whole.size() - paren - 2);
      has_argument = true;
    }
    const auto* found = std::find_if(kTokens.begin(), kTokens.end(),
                                     [&](const auto& entry) { return entry.first == name; });
    if (found == kTokens.end()) {
      return InternalError("SQL 模板中有未知的标记 {{" + std::string(whole) + "}}",
                           "unknown_sql_token");
    }
    if (has_argument != TakesArgument(found->second) || (has_argument && !IsIdentifier(argument))) {
      return InternalError("SQL 模板标记 {{" + std::string(whole) + "}} 的参数不正确",
                           "bad_sql_token_argument");
    }
    out.append(sql.substr(pos, open - pos));
    std::string_view spelt = spelling(found->second);
    out.append(has_argument ? ReplaceAll(spelt, kTableMark, argument) : std::string(spelt));
    pos = close + 2;
  }
  out.append(sql.substr(pos));
  return out;
}

}  // namespace sunlight::store
