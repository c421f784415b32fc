// BatchKeys: a sorted run of the keys that came in order, a hash index for the others.
#include "ledger/import/batch_keys.h"

#include <algorithm>

namespace sunlight::ledger {

std::optional<int64_t> BatchKeys::FirstRowOf(std::string_view key, int64_t row) {
  if (run_.empty() || run_.back().key < key) {
    run_.push_back({arena_.Copy(key), row});
    return std::nullopt;
  }
  auto kept =
      std::lower_bound(run_.begin(), run_.end(), key,
                       [](const Kept& kept, std::string_view key) { return kept.key < key; });
  if (kept != run_.end() && kept->key == key) return kept->row;
  auto [first_row, added] = others_.Emplace(key, row);
  if (!added) return first_row;
  return std::nullopt;
}

}  // namespace sunlight::ledger
