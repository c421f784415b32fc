// Uscc: GB 32100-2015 validation.
#include "core/uscc.h"

#include <fmt/format.h>

#include <ostream>

#include "core/text.h"

namespace sunlight {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
// Registration authorities listed in GB 32100-2015 and its amendments.
constexpr std::string_view kAuthorities = "123456789ANY";

Status LengthError(size_t expected, size_t actual) {
  return InvalidArgumentError(
      fmt::format("统一社会信用代码应为 {} 位，现为 {} 位", expected, actual), "uscc_length");
}

// Checks that every character of `text` is in the alphabet.
Status CheckAlphabet(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (kAlphabet.find(text[i]) == std::string_view::npos) {
      return InvalidArgumentError(
          fmt::format("统一社会信用代码的第 {} 位 “{}” 不是有效字符（不使用 I、O、Z、S、V）", i + 1,
                      text[i]),
          "uscc_bad_char");
    }
  }
  return Status::Ok();
}

}  // namespace

StatusOr<char> Uscc::CheckCharacter(std::string_view first17) {
  if (first17.size() != 17) return LengthError(17, first17.size());
  SUNLIGHT_RETURN_IF_ERROR(CheckAlphabet(first17));
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    sum += static_cast<int>(kAlphabet.find(first17[i])) * kWeights[i];
  }
  return kAlphabet[(31 - sum % 31) % 31];
}

StatusOr<Uscc> Uscc::Parse(std::string_view text) {
  std::string code = TrimSpace(text);
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (code.size() != 18) {
    const size_t chars = SplitUtf8Chars(code).size();
    if (chars == 18) {
      return InvalidArgumentError("统一社会信用代码含有全角或中文字符，应全部为半角字母和数字",
                                  "uscc_bad_char");
    }
    return LengthError(18, chars);
  }
  SUNLIGHT_RETURN_IF_ERROR(CheckAlphabet(code));
  if (kAuthorities.find(code[0]) == std::string_view::npos) {
    return InvalidArgumentError(
        fmt::format("统一社会信用代码 {} 的第 1 位（登记管理部门）“{}” 无效", code, code[0]),
        "uscc_bad_authority");
  }
  for (size_t i = 2; i < 8; ++i) {
    if (code[i] < '0' || code[i] > '9') {
      return InvalidArgumentError(
          fmt::format("统一社会信用代码 {} 的第 3–8 位应为行政区划代码（数字）", code),
          "uscc_bad_region");
    }
  }
  SUNLIGHT_ASSIGN_OR_RETURN(const char expected,
                            CheckCharacter(std::string_view(code).substr(0, 17)));
  if (code[17] != expected) {
    return InvalidArgumentError(fmt::format("统一社会信用代码 {} 校验码错误，请核对是否录错", code),
                                "bad_check_character");
  }
  return Uscc(std::move(code));
}

std::ostream& operator<<(std::ostream& os, const Uscc& code) { return os << code.str(); }

}  // namespace sunlight
