// Number, date and string cell text for the XLSX reader.
#include "ledger/xlsx_cell_text.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "core/date.h"
#include "ledger/utf8.h"

namespace sunlight::ledger {

namespace {

Status BadNumber(std::string_view value) {
  return InvalidArgumentError("数值“" + std::string(value) + "”无法识别", "xlsx_bad_number");
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// "-0012" -> "-12", "-0" -> "0"; REQUIRES: an optional '-' then one or more digits.
std::string NormalizeInteger(std::string_view literal) {
  const bool negative = literal.front() == '-';
  std::string_view digits = negative ? literal.substr(1) : literal;
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  if (digits == "0") return "0";
  return (negative ? "-" : "") + std::string(digits);
}

bool IsIntegerLiteral(std::string_view text) {
  const std::string_view digits = !text.empty() && text.front() == '-' ? text.substr(1) : text;
  if (digits.empty()) return false;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Shortest decimal without exponent that reads back as `value`.
std::string ShortestFixed(double value) {
  std::array<char, 400> buffer;  // a fixed-notation double has at most ~330 characters
  const auto result =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed);
  return std::string(buffer.data(), result.ptr);
}

int SignificantDigits(std::string_view fixed) {
  std::string digits;
  for (char c : fixed) {
    if (c >= '0' && c <= '9') digits += c;
  }
  const size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return 0;
  const size_t last = digits.find_last_not_of('0');
  return static_cast<int>(last - first + 1);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string TwoDigits(unsigned value) {
  return std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
}

}  // namespace

StatusOr<std::string> NumberCellText(std::string_view value) {
  const std::string_view text = Trim(value);
  if (IsIntegerLiteral(text)) return NormalizeInteger(text);
  double number = 0;
  const auto parsed = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || parsed.ec != std::errc() || parsed.ptr != text.data() + text.size() ||
      !std::isfinite(number)) {
    return BadNumber(value);
  }
  if (number == 0) return std::string("0");  // also -0
  std::string shortest = ShortestFixed(number);
  if (SignificantDigits(shortest) <= 15) return shortest;
  std::array<char, 64> rounded;
  const auto result = std::to_chars(rounded.data(), rounded.data() + rounded.size(), number,
                                    std::chars_format::scientific, 14);
  double again = 0;
  std::from_chars(rounded.data(), result.ptr, again);
  return ShortestFixed(again);
}

StatusOr<std::string> DateCellText(double serial, bool date1904) {
  if (!std::isfinite(serial)) return InvalidArgumentError("日期值无效", "bad_xlsx_serial");
  double whole = std::floor(serial);
  int64_t seconds = std::llround((serial - whole) * 86400.0);
  if (seconds == 86400) {  // 23:59:59.6 rounds up to the next day
    whole += 1;
    seconds = 0;
  }
  // In the 1904 system serial 0 is 1904-01-01, which is serial 1462 in the 1900 system.
  SUNLIGHT_ASSIGN_OR_RETURN(Date date, Date::FromXlsxSerial(date1904 ? whole + 1462 : whole));
  std::string text = date.ToString();
  if (seconds != 0) {
    const auto hours = static_cast<unsigned>(seconds / 3600);
    const auto minutes = static_cast<unsigned>(seconds / 60 % 60);
    const auto secs = static_cast<unsigned>(seconds % 60);
    text += " " + TwoDigits(hours) + ":" + TwoDigits(minutes) + ":" + TwoDigits(secs);
  }
  return text;
}

std::string DecodeOoxmlEscapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == '_' && pos + 6 < text.size() && text[pos + 1] == 'x' && text[pos + 6] == '_') {
      uint32_t code = 0;
      bool hex = true;
      for (size_t i = pos + 2; i < pos + 6; ++i) {
        const int digit = HexValue(text[i]);
        if (digit < 0) hex = false;
        code = code * 16 + static_cast<uint32_t>(digit < 0 ? 0 : digit);
      }
      if (hex && !(code >= 0xD800 && code <= 0xDFFF)) {
        AppendUtf8(static_cast<char32_t>(code), out);
        pos += 7;
        continue;
      }
    }
    out += text[pos++];
  }
  return out;
}

}  // namespace sunlight::ledger
