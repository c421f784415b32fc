// ImportOrder: list scheduling by the longest chain of work that waits on each table.
#include "ledger/import/import_order.h"

#include <algorithm>
#include <functional>
#include <limits>

namespace sunlight::ledger {

std::vector<size_t> ImportOrder(std::span<const OrderedTable> tables) {
  const size_t count = tables.size();
  auto index_of = [&tables](const std::string& name) {
    for (size_t table_idx = 0; table_idx < tables.size(); ++table_idx) {
      if (tables[table_idx].name == name) return table_idx;
    }
    return std::numeric_limits<size_t>::max();
  };
  std::vector<std::vector<size_t>> depends_on(count);  // within the dataset
  std::vector<std::vector<size_t>> dependants(count);
  for (size_t table_idx = 0; table_idx < count; ++table_idx) {
    for (const std::string& target : tables[table_idx].refers_to) {
      const size_t target_idx = index_of(target);
      if (target_idx == std::numeric_limits<size_t>::max() || target_idx == table_idx) continue;
      depends_on[table_idx].push_back(target_idx);
      dependants[target_idx].push_back(table_idx);
    }
  }

  // rank = own work + the largest rank among dependants; a table on a cycle counts its own.
  std::vector<uint64_t> rank(count, 0);
  std::vector<int> state(count, 0);  // 0 new, 1 on the stack, 2 done
  std::function<uint64_t(size_t)> rank_of = [&](size_t table_idx) -> uint64_t {
    if (state[table_idx] == 2) return rank[table_idx];
    if (state[table_idx] == 1) return 0;
    state[table_idx] = 1;
    uint64_t after = 0;
    for (size_t dependant : dependants[table_idx]) after = std::max(after, rank_of(dependant));
    rank[table_idx] = tables[table_idx].work + after;
    state[table_idx] = 2;
    return rank[table_idx];
  };
  for (size_t table_idx = 0; table_idx < count; ++table_idx) rank_of(table_idx);

  std::vector<size_t> order;
  std::vector<bool> placed(count, false);
  while (order.size() < count) {
    size_t best = count;
    for (size_t table_idx = 0; table_idx < count; ++table_idx) {
      if (placed[table_idx]) continue;
      const bool ready = std::all_of(depends_on[table_idx].begin(), depends_on[table_idx].end(),
                                     [&placed](size_t dep) { return placed[dep]; });
      if (ready && (best == count || rank[table_idx] > rank[best])) best = table_idx;
    }
    if (best == count) {  // only a cycle is left: the first unplaced table, in dataset order
      best = static_cast<size_t>(std::find(placed.begin(), placed.end(), false) - placed.begin());
    }
    placed[best] = true;
    order.push_back(best);
  }
  return order;
}

}  // namespace sunlight::ledger
