#include "access/masking.h"

#include <vector>

#include "core/masking.h"

namespace sunlight::access {
namespace {

// Splits into UTF-8 characters so that a stray multi-byte value is not cut mid-character.
std::vector<std::string_view> Characters(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i + 1;
    while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
    out.push_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string KeepEnds(std::string_view value) {
  const std::vector<std::string_view> chars = Characters(value);
  std::string out;
  if (chars.size() <= 10) return std::string(chars.size(), '*');
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (i < 6 || i + 4 >= chars.size()) {
      out.append(chars[i]);
    } else {
      out.push_back('*');
    }
  }
  return out;
}

}  // namespace

std::string MaskIdNumber(std::string_view id_number) { return KeepEnds(id_number); }
std::string MaskAccountNo(std::string_view account_no) { return KeepEnds(account_no); }
std::string MaskPersonName(std::string_view name) { return MaskName(name); }

std::string NameFor(const RecordScope& scope, std::string_view name) {
  return scope.may_see_names ? std::string(name) : MaskPersonName(name);
}

}  // namespace sunlight::access
