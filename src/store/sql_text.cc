// Lexical scans of SQL text: the statement's table, and placeholder numbering.
#include "store/sql_text.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace sunlight::store {

namespace {

// A word of the statement outside literals and comments, or a punctuation mark.
struct Token {
  std::string text;
  bool quoted = false;  // a "quoted" or `quoted` identifier: never a keyword
};

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Length of the literal, quoted identifier or comment starting at sql[pos], or
// 0 when none starts there. An unterminated one runs to the end.
std::size_t SkippableLength(std::string_view sql, std::size_t pos) {
  char c = sql[pos];
  if (c == '\'' || c == '"' || c == '`') {
    std::size_t end = pos + 1;
    while (end < sql.size()) {
      if (sql[end] == c) {
        if (end + 1 < sql.size() && sql[end + 1] == c) {  // doubled quote: an escaped one
          end += 2;
          continue;
        }
        return end + 1 - pos;
      }
      ++end;
    }
    return sql.size() - pos;
  }
  if (sql.substr(pos, 2) == "--") {
    std::size_t end = sql.find('\n', pos);
    return (end == std::string_view::npos ? sql.size() : end) - pos;
  }
  if (sql.substr(pos, 2) == "/*") {
    std::size_t end = sql.find("*/", pos + 2);
    return (end == std::string_view::npos ? sql.size() : end + 2) - pos;
  }
  return 0;
}

std::vector<Token> Tokenize(std::string_view sql) {
  std::vector<Token> tokens;
  std::size_t pos = 0;
  while (pos < sql.size()) {
    char c = sql[pos];
    if (std::size_t skip = SkippableLength(sql, pos); skip > 0) {
      if (c == '"' || c == '`') {  // a quoted identifier is a word; a string literal is not
        std::string_view inner = sql.substr(pos + 1, skip >= 2 ? skip - 2 : 0);
        tokens.push_back({std::string(inner), true});
      } else if (c == '\'') {
        tokens.push_back({"'", false});  // a literal is a value: keep its place, not its text
      }
      pos += skip;
    } else if (IsWordChar(c)) {
      std::size_t end = pos;
      while (end < sql.size() && IsWordChar(sql[end])) ++end;
      tokens.push_back({std::string(sql.substr(pos, end - pos)), false});
      pos = end;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++pos;
    } else {
      tokens.push_back({std::string(1, c), false});
      ++pos;
    }
  }
  return tokens;
}

bool IsKeyword(const Token& token, std::string_view keyword) {
  if (token.quoted || token.text.size() != keyword.size()) return false;
  return std::equal(token.text.begin(), token.text.end(), keyword.begin(), [](char a, char b) {
    return std::toupper(static_cast<unsigned char>(a)) == b;
  });
}

bool IsName(const Token& token) {
  if (token.quoted) return !token.text.empty();
  if (token.text.empty()) return false;
  unsigned char first = static_cast<unsigned char>(token.text[0]);
  return std::isalpha(first) || first == '_' || first >= 0x80;
}

// The first name after tokens[from], skipping the given keywords.
std::string NameAfter(const std::vector<Token>& tokens, std::size_t from,
                      std::initializer_list<std::string_view> skip) {
  for (std::size_t token_idx = from + 1; token_idx < tokens.size(); ++token_idx) {
    const Token& token = tokens[token_idx];
    bool skipped = std::any_of(skip.begin(), skip.end(),
                               [&](std::string_view keyword) { return IsKeyword(token, keyword); });
    if (skipped) continue;
    return IsName(token) ? token.text : std::string();
  }
  return {};
}

}  // namespace

std::string StatementTable(std::string_view sql) {
  std::vector<Token> tokens = Tokenize(sql);
  // Statements that write name their table after a fixed keyword; look for those first, so
  // that `INSERT INTO t SELECT … FROM u` names t.
  for (std::size_t token_idx = 0; token_idx < tokens.size(); ++token_idx) {
    const Token& token = tokens[token_idx];
    if (IsKeyword(token, "INTO")) return NameAfter(tokens, token_idx, {});
    if (IsKeyword(token, "UPDATE")) {
      return NameAfter(tokens, token_idx, {"OR", "ROLLBACK", "ABORT", "REPLACE", "FAIL", "IGNORE"});
    }
    if (IsKeyword(token, "DELETE")) return NameAfter(tokens, token_idx, {"FROM"});
    if (IsKeyword(token, "TABLE")) return NameAfter(tokens, token_idx, {"IF", "NOT", "EXISTS"});
    if (IsKeyword(token, "INDEX")) {
      for (std::size_t on_idx = token_idx + 1; on_idx < tokens.size(); ++on_idx) {
        if (IsKeyword(tokens[on_idx], "ON")) return NameAfter(tokens, on_idx, {});
      }
      return {};
    }
  }
  for (std::size_t token_idx = 0; token_idx < tokens.size(); ++token_idx) {
    if (IsKeyword(tokens[token_idx], "FROM")) return NameAfter(tokens, token_idx, {});
  }
  return {};
}

std::string NumberPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next_number = 1;
  std::size_t pos = 0;
  while (pos < sql.size()) {
    if (std::size_t skip = SkippableLength(sql, pos); skip > 0) {
      out.append(sql.substr(pos, skip));
      pos += skip;
    } else if (sql[pos] == '?') {
      out += '$';
      out += std::to_string(next_number++);
      ++pos;
    } else {
      out += sql[pos++];
    }
  }
  return out;
}

}  // namespace sunlight::store
