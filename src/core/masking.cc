// MaskName: character-aware masking built on SplitUtf8Chars.
#include "core/masking.h"

#include <vector>

#include "core/text.h"

namespace sunlight {

std::string MaskName(std::string_view name) {
  const std::string trimmed = TrimSpace(name);
  const std::vector<std::string_view> chars = SplitUtf8Chars(trimmed);
  if (chars.size() <= 1) return trimmed;
  std::string out(chars.front());
  if (chars.size() == 2) return out + "*";
  out.append(chars.size() - 2, '*');
  out += chars.back();
  return out;
}

}  // namespace sunlight
