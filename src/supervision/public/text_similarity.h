// How alike two reports' texts are, to link a repeat report (重复举报) to the earlier one
// instead of opening a second, unrelated file. Character bigrams suit Chinese (no word
// boundaries): the Jaccard index of the two texts' bigram sets, after NormalizeName-style
// normalisation and dropping whitespace and punctuation.
#pragma once

#include <string_view>

namespace sunlight::supervision::public_side {

// 0.0 (nothing shared) … 1.0 (same bigrams). Texts of fewer than two characters compare by
// equality.
double TextSimilarity(std::string_view a, std::string_view b);

// The threshold above which two reports about the same region count as the same matter.
inline constexpr double kRepeatSimilarity = 0.5;

}  // namespace sunlight::supervision::public_side
