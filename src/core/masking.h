// Masking of personal names for public disclosure (村务公开, the public portal): enough is
// shown for a villager to recognise a household, not enough to identify a stranger.
// ID numbers and bank accounts mask themselves (IdNumber::Masked, BankAccount::Masked).
#pragma once

#include <string>
#include <string_view>

namespace sunlight {

// Keeps the first and the last character of a name and replaces each character between
// with '*': "张三明" → "张*明", "欧阳娜娜" → "欧**娜"; a two-character name keeps the first:
// "张三" → "张*"; a single character is unchanged. Counts characters, not bytes; surrounding
// spaces are trimmed first.
[[nodiscard]] std::string MaskName(std::string_view name);

}  // namespace sunlight
