// Text normalisation: hand-written UTF-8 handling plus OpenCC for Traditional→Simplified.
#include "core/text.h"

#include <opencc/opencc.h>

#include <memory>
#include <optional>

namespace sunlight {
namespace {

// Length of the well-formed UTF-8 sequence starting at text[pos], or 0 if there is none
// (Unicode Table 3-7).
size_t SequenceLength(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  size_t needed = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 2;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 3;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (pos + needed >= text.size()) return 0;  // truncated at the end
  for (size_t i = 1; i <= needed; ++i) {
    const unsigned char next = byte(pos + i);
    if (next < lo || next > hi) return 0;
    lo = 0x80;
    hi = 0xBF;
  }
  return needed + 1;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Length of the whitespace character at the start of `text`, or 0.
size_t LeadingSpaceLength(std::string_view text) {
  if (text.empty()) return 0;
  if (IsAsciiSpace(text[0])) return 1;
  if (text.starts_with("\u3000")) return 3;
  if (text.starts_with("\u00A0")) return 2;
  return 0;
}

// Length of the whitespace character at the end of `text`, or 0.
size_t TrailingSpaceLength(std::string_view text) {
  if (text.empty()) return 0;
  if (IsAsciiSpace(text.back())) return 1;
  if (text.ends_with("\u3000")) return 3;
  if (text.ends_with("\u00A0")) return 2;
  return 0;
}

// OpenCC's converter, loaded once. OpenCC reports failures by throwing; they stop here.
struct T2sConverter {
  std::unique_ptr<opencc::SimpleConverter> converter;
  std::optional<Status> error;
};

const T2sConverter& GetT2sConverter() {
  // A function-local static is initialised exactly once, even under concurrent first calls.
  static const T2sConverter kConverter = [] {
    T2sConverter result;
    try {
      result.converter = std::make_unique<opencc::SimpleConverter>("t2s.json");
    } catch (const std::exception& e) {
      result.error =
          UnavailableError(std::string("无法加载繁简转换配置 t2s.json（OpenCC）：") + e.what(),
                           "opencc_unavailable");
    } catch (...) {
      result.error =
          UnavailableError("无法加载繁简转换配置 t2s.json（OpenCC）", "opencc_unavailable");
    }
    return result;
  }();
  return kConverter;
}

}  // namespace

std::string_view TrimSpaceView(std::string_view text) {
  while (size_t n = LeadingSpaceLength(text)) text.remove_prefix(n);
  while (size_t n = TrailingSpaceLength(text)) text.remove_suffix(n);
  return text;
}

std::string TrimSpace(std::string_view text) { return std::string(TrimSpaceView(text)); }

std::string ToHalfWidth(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    // U+FF01..U+FF5E are EF BC 81..EF BC BF and EF BD 80..EF BD 9E.
    if (pos + 2 < text.size() && static_cast<unsigned char>(text[pos]) == 0xEF) {
      const auto b1 = static_cast<unsigned char>(text[pos + 1]);
      const auto b2 = static_cast<unsigned char>(text[pos + 2]);
      if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) {
        out.push_back(static_cast<char>(b2 - 0x81 + 0x21));
        pos += 3;
        continue;
      }
      if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) {
        out.push_back(static_cast<char>(b2 - 0x80 + 0x60));
        pos += 3;
        continue;
      }
    }
    if (text.substr(pos).starts_with("\u3000")) {
      out.push_back(' ');
      pos += 3;
      continue;
    }
    out.push_back(text[pos]);
    ++pos;
  }
  return out;
}

StatusOr<std::string> TraditionalToSimplified(std::string_view text) {
  if (!IsValidUtf8(text)) {
    return InvalidArgumentError("繁简转换的输入不是有效的 UTF-8 文本", "invalid_utf8");
  }
  if (text.empty()) return std::string();
  const T2sConverter& t2s = GetT2sConverter();
  if (t2s.error) return *t2s.error;
  try {
    return t2s.converter->Convert(text.data(), text.size());
  } catch (const std::exception& e) {
    return InternalError(std::string("繁简转换失败：") + e.what(), "opencc_failed");
  } catch (...) {
    return InternalError("繁简转换失败", "opencc_failed");
  }
}

std::string NormalizeName(std::string_view text) {
  std::string name = TrimSpace(ToHalfWidth(text));
  if (StatusOr<std::string> simplified = TraditionalToSimplified(name); simplified.ok()) {
    name = std::move(simplified).value();
  }
  std::string out;
  out.reserve(name.size());
  bool in_space = false;
  for (char c : name) {
    if (IsAsciiSpace(c)) {
      in_space = true;
      continue;
    }
    if (in_space && !out.empty()) out.push_back(' ');
    in_space = false;
    out.push_back(c);
  }
  return out;
}

bool IsValidUtf8(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const size_t n = SequenceLength(text, pos);
    if (n == 0) return false;
    pos += n;
  }
  return true;
}

std::vector<std::string_view> SplitUtf8Chars(std::string_view text) {
  std::vector<std::string_view> chars;
  for (size_t pos = 0; pos < text.size();) {
    size_t n = SequenceLength(text, pos);
    if (n == 0) n = 1;
    chars.push_back(text.substr(pos, n));
    pos += n;
  }
  return chars;
}

}  // namespace sunlight
