// Text-format conversions for the PostgreSQL engine.
#include "store/postgres/pg_values.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace sunlight::store::postgres {

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

ValueType KindOf(Oid type, std::string_view text) {
  switch (type) {
    case kBoolOid:
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid:
      return ValueType::kInteger;
    case kFloat4Oid:
    case kFloat8Oid:
      return ValueType::kReal;
    case kByteaOid:
      return ValueType::kBlob;
    case kNumericOid: {
      std::int64_t parsed = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
      bool integral = error == std::errc() && end == text.data() + text.size();
      return integral ? ValueType::kInteger : ValueType::kReal;
    }
    default:
      return ValueType::kText;
  }
}

std::string TimestampToIso(std::string_view text) {
  // Only the UTC form the session asks for is rewritten; anything else
  // ("infinity", another zone) is passed through unchanged.
  if (text.size() < 22 || text[10] != ' ' || text.substr(text.size() - 3) != "+00") {
    return std::string(text);
  }
  std::string iso(text.substr(0, text.size() - 3));
  iso[10] = 'T';
  iso += 'Z';
  return iso;
}

Blob DecodeBytea(std::string_view text) {
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x') {
    return Blob(text.begin(), text.end());
  }
  Blob bytes;
  bytes.reserve((text.size() - 2) / 2);
  for (std::size_t pos = 2; pos + 1 < text.size(); pos += 2) {
    int high = HexDigit(text[pos]);
    int low = HexDigit(text[pos + 1]);
    if (high < 0 || low < 0) break;
    bytes.push_back(static_cast<std::uint8_t>(high * 16 + low));
  }
  return bytes;
}

std::string FormatReal(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

void AppendCopyField(std::string& out, const Value& value) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (value.type()) {
    case ValueType::kNull:
      out += "\\N";
      return;
    case ValueType::kInteger:
      out += std::to_string(value.integer());
      return;
    case ValueType::kReal:
      out += FormatReal(value.real());
      return;
    case ValueType::kText:
      for (char c : value.text()) {
        switch (c) {
          case '\\':
            out += "\\\\";
            break;
          case '\t':
            out += "\\t";
            break;
          case '\n':
            out += "\\n";
            break;
          case '\r':
            out += "\\r";
            break;
          default:
            out += c;
        }
      }
      return;
    case ValueType::kBlob:
      // bytea's hex input "\x…", its backslash escaped for COPY.
      out += "\\\\x";
      for (std::uint8_t byte : value.blob()) {
        out += kHex[byte >> 4];
        out += kHex[byte & 0xf];
      }
      return;
  }
}

}  // namespace sunlight::store::postgres
