// Strict UTF-8 scanning (RFC 3629, table 3-7 of the Unicode standard).
#include "ledger/utf8.h"

#include <cstdint>

namespace sunlight::ledger {

namespace {

// Length of the sequence a lead byte announces, or 0 when it cannot start one.
int SequenceLength(uint8_t lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;  // continuation byte, C0/C1 (overlong), F5..FF
}

// The allowed range of the second byte depends on the lead (this is what excludes overlong
// forms, surrogates and code points above U+10FFFF); later bytes are always 80..BF.
bool SecondByteOk(uint8_t lead, uint8_t second) {
  switch (lead) {
    case 0xE0:
      return second >= 0xA0 && second <= 0xBF;
    case 0xED:
      return second >= 0x80 && second <= 0x9F;
    case 0xF0:
      return second >= 0x90 && second <= 0xBF;
    case 0xF4:
      return second >= 0x80 && second <= 0x8F;
    default:
      return second >= 0x80 && second <= 0xBF;
  }
}

}  // namespace

Utf8Scan ScanUtf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t size = bytes.size();
  size_t pos = 0;
  while (pos < size) {
    // ASCII dominates ledger text (digits, codes, separators): test for it first.
    if (data[pos] < 0x80) {
      ++pos;
      continue;
    }
    const int length = SequenceLength(data[pos]);
    if (length == 0) return {Utf8Result::kInvalid, pos};
    for (int i = 1; i < length; ++i) {
      if (pos + i >= size) return {Utf8Result::kIncomplete, pos};
      const uint8_t byte = data[pos + i];
      const bool ok = i == 1 ? SecondByteOk(data[pos], byte) : (byte >= 0x80 && byte <= 0xBF);
      if (!ok) return {Utf8Result::kInvalid, pos};
    }
    pos += length;
  }
  return {Utf8Result::kValid, pos};
}

void AppendUtf8(char32_t code_point, std::string& out) {
  const auto cp = static_cast<uint32_t>(code_point);
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace sunlight::ledger
