// IdNumber: GB 11643-1999 checks, in the order that gives the most useful message.
#include "core/id_number.h"

#include <fmt/format.h>

#include <ostream>

#include "core/text.h"

namespace sunlight {
namespace {

constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckChars = "10X98765432";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Province-level codes of GB/T 2260, including 71 (Taiwan), 81 (Hong Kong), 82 (Macao),
// whose residence permits carry 18-character numbers of this form.
bool IsProvinceCode(int code) {
  return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) || (code >= 31 && code <= 37) ||
         (code >= 41 && code <= 46) || (code >= 50 && code <= 54) || (code >= 61 && code <= 65) ||
         code == 71 || code == 81 || code == 82;
}

// Messages may end up in logs, so they show a number the way Masked() does.
std::string MaskForMessage(std::string_view id) {
  if (id.size() < 10) return std::string(id.size(), '*');
  return std::string(id.substr(0, 6)) + std::string(id.size() - 10, '*') +
         std::string(id.substr(id.size() - 4));
}

}  // namespace

char IdNumber::CheckDigit(std::string_view first17) {
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheckChars[sum % 11];
}

StatusOr<IdNumber> IdNumber::Parse(std::string_view text) { return Parse(text, Date::Today()); }

StatusOr<IdNumber> IdNumber::Parse(std::string_view text, Date today) {
  std::string id = TrimSpace(text);
  if (id.size() != 18) {
    const size_t chars = SplitUtf8Chars(id).size();
    if (chars == 18) {
      return InvalidArgumentError("身份证号含有全角或中文字符，应全部为半角数字（最后一位可为 X）",
                                  "id_not_digits");
    }
    return InvalidArgumentError(fmt::format("身份证号应为 18 位，现为 {} 位", chars), "id_length");
  }
  for (size_t i = 0; i < 17; ++i) {
    if (!IsDigit(id[i])) {
      return InvalidArgumentError(fmt::format("身份证号的第 {} 位不是数字", i + 1),
                                  "id_not_digits");
    }
  }
  if (id[17] == 'x') id[17] = 'X';
  if (!IsDigit(id[17]) && id[17] != 'X') {
    return InvalidArgumentError("身份证号的最后一位应为数字或 X", "id_not_digits");
  }
  const char expected = CheckDigit(id);
  if (id[17] != expected) {
    return InvalidArgumentError(
        fmt::format("身份证号 {} 校验码错误，请核对是否录错", MaskForMessage(id)),
        "bad_check_digit");
  }
  const int province = (id[0] - '0') * 10 + (id[1] - '0');
  if (!IsProvinceCode(province)) {
    return InvalidArgumentError(fmt::format("身份证号 {} 的前两位 {:02d} 不是省级行政区划代码",
                                            MaskForMessage(id), province),
                                "bad_region_prefix");
  }
  auto number = [&](size_t pos, size_t length) {
    int value = 0;
    for (size_t i = pos; i < pos + length; ++i) value = value * 10 + (id[i] - '0');
    return value;
  };
  StatusOr<Date> birth = Date::FromYmd(number(6, 4), number(10, 2), number(12, 2));
  if (!birth.ok()) {
    return InvalidArgumentError(fmt::format("身份证号 {} 中的出生日期不存在", MaskForMessage(id)),
                                "bad_birth_date");
  }
  if (*birth > today) {
    return InvalidArgumentError(fmt::format("身份证号 {} 中的出生日期晚于今天", MaskForMessage(id)),
                                "bad_birth_date");
  }
  return IdNumber(std::move(id), *birth);
}

int IdNumber::AgeOn(Date date) const {
  int age = date.year() - birth_date_.year();
  if (date.month() < birth_date_.month() ||
      (date.month() == birth_date_.month() && date.day() < birth_date_.day())) {
    --age;
  }
  return age;
}

std::string IdNumber::Masked() const { return str_.substr(0, 6) + "********" + str_.substr(14); }

std::ostream& operator<<(std::ostream& os, const IdNumber& id) { return os << id.Masked(); }

}  // namespace sunlight
