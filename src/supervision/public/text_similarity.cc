#include "supervision/public/text_similarity.h"

#include <set>
#include <string>
#include <vector>

#include "core/text.h"

namespace sunlight::supervision::public_side {
namespace {

bool IsNoise(std::string_view ch) {
  static const std::set<std::string_view> kPunctuation = {
      " ",  "\t", "\n", "\r", ",",  ".",  "!", "?", ";", ":", "\"", "'",  "(",  ")", "，",
      "。", "！", "？", "；", "：", "、", "“", "”", "‘", "’", "（", "）", "《", "》"};
  return kPunctuation.contains(ch);
}

std::set<std::string> Bigrams(std::string_view text, std::vector<std::string>& chars) {
  const std::string normal = NormalizeName(text);
  for (std::string_view ch : SplitUtf8Chars(normal)) {
    if (!IsNoise(ch)) chars.emplace_back(ch);
  }
  std::set<std::string> grams;
  for (size_t i = 0; i + 1 < chars.size(); ++i) grams.insert(chars[i] + chars[i + 1]);
  return grams;
}

}  // namespace

double TextSimilarity(std::string_view a, std::string_view b) {
  std::vector<std::string> chars_a;
  std::vector<std::string> chars_b;
  const std::set<std::string> ga = Bigrams(a, chars_a);
  const std::set<std::string> gb = Bigrams(b, chars_b);
  if (ga.empty() || gb.empty()) return chars_a == chars_b && !chars_a.empty() ? 1.0 : 0.0;
  size_t shared = 0;
  for (const std::string& g : ga) shared += gb.count(g);
  const size_t all = ga.size() + gb.size() - shared;
  return static_cast<double>(shared) / static_cast<double>(all);
}

}  // namespace sunlight::supervision::public_side
