// Region: one row of the administrative division table, as the store returns it.
#pragma once

#include <string>

namespace sunlight::store {

struct Region {
  std::string code;         // 2, 4, 6, 9 or 12 digits by level, e.g. "520521"
  std::string name;         // e.g. "大方县"
  int level = 0;            // 1 province, 2 city, 3 county, 4 township, 5 village
  std::string parent_code;  // one level up; empty for a province

  friend bool operator==(const Region& a, const Region& b) = default;
};

}  // namespace sunlight::store
