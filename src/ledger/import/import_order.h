// ImportOrder: the order in which the importer reads a dataset's tables.
//
// Every table comes after the tables it refers to, so that its references resolve against
// rows already read. Within that, the table heading the most work still to come goes first:
// a table's own work is what follows its last row — its file's bytes times (1 + the secondary
// indexes built again after it) — and its rank adds the largest rank among the tables that
// refer to it. Payments, with seven indexes to build, then comes as soon as households,
// projects and programmes are in, and its index builds run on the writer thread while members
// and bank accounts are read, instead of after everything else with one core idle.
//
//   std::vector<size_t> order = ImportOrder(tables, work);   // indexes into `tables`
//
// Ties keep the dataset's order (the interchange order).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace sunlight::ledger {

struct OrderedTable {
  std::string name;                    // "payments"
  std::vector<std::string> refers_to;  // tables its references point to (itself excluded)
  uint64_t work = 0;                   // bytes × (1 + indexes to build), or any like measure
};

// Indexes into `tables`, in reading order. References to tables not in `tables` are ignored
// (they resolve against the store). A cycle cannot come from the static schema; should one
// appear, its tables keep their dataset order.
std::vector<size_t> ImportOrder(std::span<const OrderedTable> tables);

}  // namespace sunlight::ledger
