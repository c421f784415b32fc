// ImportOrder: references first, then the table heading the most work.
#include "ledger/import/import_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ledger/import/interchange_schema.h"

namespace sunlight::ledger {
namespace {

std::vector<std::string> Names(const std::vector<OrderedTable>& tables,
                               const std::vector<size_t>& order) {
  std::vector<std::string> names;
  for (size_t table_idx : order) names.push_back(tables[table_idx].name);
  return names;
}

size_t Position(const std::vector<std::string>& names, const std::string& name) {
  return static_cast<size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

TEST(ImportOrderTest, TheTableWithTheMostIndexWorkGoesAsSoonAsItsTargetsAreIn) {
  // A ledger's shape: payments (large, seven indexes) needs households and projects; members
  // (large, one index) needs households only.
  std::vector<OrderedTable> tables = {
      {"organizations", {}, 10},
      {"households", {}, 300},
      {"members", {"households"}, 800 * 2},
      {"projects", {"organizations"}, 20},
      {"payments", {"projects", "households", "organizations"}, 1000 * 8},
      {"deaths", {}, 5},
  };
  std::vector<std::string> names = Names(tables, ImportOrder(tables));
  // households ranks 300 + 8000, organizations 10 + (20 + 8000): the heavier chain first.
  EXPECT_EQ(names, (std::vector<std::string>{"households", "organizations", "projects", "payments",
                                             "members", "deaths"}));
}

TEST(ImportOrderTest, EqualWorkKeepsTheDatasetOrderAndSelfReferencesAreIgnored) {
  std::vector<OrderedTable> tables = {
      {"a", {"a"}, 1}, {"b", {}, 1}, {"c", {"missing_from_dataset"}, 1}};
  EXPECT_EQ(Names(tables, ImportOrder(tables)), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(ImportOrderTest, ACycleStillPlacesEveryTableOnce) {
  std::vector<OrderedTable> tables = {{"x", {"y"}, 1}, {"y", {"x"}, 5}, {"z", {}, 0}};
  std::vector<size_t> order = ImportOrder(tables);
  std::vector<size_t> sorted = order;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<size_t>{0, 1, 2}));
}

TEST(ImportOrderTest, EveryInterchangeTableFollowsTheTablesItRefersTo) {
  // The whole schema, with the heaviest work on the tables referred to least: any order the
  // ranking picks must still put each reference's target first.
  std::vector<OrderedTable> tables;
  for (const TableSpec& spec : InterchangeSchema()) {
    OrderedTable& table = tables.emplace_back();
    table.name = std::string(spec.name);
    for (const ColumnSpec& column : spec.columns) {
      if (column.reference) table.refers_to.emplace_back(column.reference.table);
    }
    table.work = 1000 - tables.size();
  }
  std::vector<std::string> names = Names(tables, ImportOrder(tables));
  ASSERT_EQ(names.size(), tables.size());
  for (const OrderedTable& table : tables) {
    for (const std::string& target : table.refers_to) {
      if (target == table.name) continue;
      EXPECT_LT(Position(names, target), Position(names, table.name))
          << target << " must come before " << table.name;
    }
  }
}

}  // namespace
}  // namespace sunlight::ledger
