// Request accessors and the URL decoding the server applies to request targets.
#include "http/request.h"

#include <cctype>

namespace sunlight::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string_view> FindFirst(const NameValueList& list, std::string_view name,
                                          bool ignore_case) {
  for (const auto& [key, value] : list) {
    if (ignore_case ? EqualsIgnoreCase(key, name) : key == name) return std::string_view(value);
  }
  return std::nullopt;
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t char_idx = 0; char_idx < a.size(); ++char_idx) {
    if (std::tolower(static_cast<unsigned char>(a[char_idx])) !=
        std::tolower(static_cast<unsigned char>(b[char_idx]))) {
      return false;
    }
  }
  return true;
}

std::optional<std::string_view> Request::Header(std::string_view name) const {
  return FindFirst(headers, name, /*ignore_case=*/true);
}

std::optional<std::string_view> Request::Query(std::string_view name) const {
  return FindFirst(query, name, /*ignore_case=*/false);
}

std::vector<std::string_view> Request::QueryAll(std::string_view name) const {
  std::vector<std::string_view> values;
  for (const auto& [key, value] : query) {
    if (key == name) values.emplace_back(value);
  }
  return values;
}

std::string_view Request::Param(std::string_view name) const {
  return FindFirst(params, name, /*ignore_case=*/false).value_or(std::string_view());
}

StatusOr<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size(); ++pos) {
    char c = text[pos];
    if (c == '%') {
      // A complete escape needs two more characters.
      int high = pos + 2 < text.size() ? HexValue(text[pos + 1]) : -1;
      int low = pos + 2 < text.size() ? HexValue(text[pos + 2]) : -1;
      if (high < 0 || low < 0) {
        return InvalidArgumentError("请求地址中的百分号编码无效", "bad_percent_encoding");
      }
      out.push_back(static_cast<char>(high * 16 + low));
      pos += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

StatusOr<NameValueList> ParseQueryString(std::string_view query) {
  NameValueList out;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::string_view raw_name = part.substr(0, eq);
    std::string_view raw_value =
        eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1);
    SUNLIGHT_ASSIGN_OR_RETURN(std::string name, PercentDecode(raw_name, /*plus_is_space=*/true));
    SUNLIGHT_ASSIGN_OR_RETURN(std::string value, PercentDecode(raw_value, /*plus_is_space=*/true));
    out.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

}  // namespace sunlight::http
