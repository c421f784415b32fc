// RegionCode: syntax checks and zero-group canonicalisation.
#include "core/region_code.h"

#include <fmt/format.h>

#include <ostream>

#include "core/text.h"

namespace sunlight {
namespace {

constexpr int kLengths[] = {2, 4, 6, 9, 12};

int LevelOfLength(size_t length) {
  for (int level = 1; level <= 5; ++level) {
    if (static_cast<size_t>(kLengths[level - 1]) == length) return level;
  }
  return 0;
}

StatusOr<std::string> CheckSyntax(std::string_view text) {
  std::string code = TrimSpace(text);
  for (char c : code) {
    if (c < '0' || c > '9') {
      return InvalidArgumentError(fmt::format("区划代码 “{}” 只能由数字组成", code),
                                  "region_not_digits");
    }
  }
  if (LevelOfLength(code.size()) == 0) {
    return InvalidArgumentError(
        fmt::format("区划代码 “{}” 的位数应为 2、4、6、9 或 12 位，现为 {} 位", code,
                    SplitUtf8Chars(code).size()),
        "region_length");
  }
  return code;
}

}  // namespace

int RegionCode::LengthOfLevel(int level) {
  return level >= 1 && level <= 5 ? kLengths[level - 1] : 0;
}

StatusOr<RegionCode> RegionCode::Parse(std::string_view text) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::string code, CheckSyntax(text));
  std::vector<std::string> candidates = {code};
  for (int level = LevelOfLength(code.size()); level > 1; --level) {
    const size_t keep = static_cast<size_t>(kLengths[level - 2]);
    if (code.find_first_not_of('0', keep) != std::string::npos) break;
    code.resize(keep);
    candidates.push_back(code);
  }
  return RegionCode(std::move(code), std::move(candidates));
}

StatusOr<RegionCode> RegionCode::ParseExact(std::string_view text) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::string code, CheckSyntax(text));
  std::vector<std::string> candidates = {code};
  return RegionCode(std::move(code), std::move(candidates));
}

int RegionCode::level() const { return LevelOfLength(str_.size()); }

std::string RegionCode::parent() const {
  const int up = level() - 1;
  return up >= 1 ? str_.substr(0, static_cast<size_t>(LengthOfLevel(up))) : std::string();
}

bool RegionCode::IsPrefixOf(const RegionCode& other) const {
  return std::string_view(other.str_).starts_with(str_);
}

std::string RegionCode::ToFullCode() const { return str_ + std::string(12 - str_.size(), '0'); }

std::ostream& operator<<(std::ostream& os, const RegionCode& code) { return os << code.str(); }

}  // namespace sunlight
