// InterchangeSchema: spec/interchange.md (version 1) as one declarative table — every file, its
// columns (canonical name, Chinese alias, type, required), its key, and where its references
// point. The importer, the header matcher, the cell parser and the tests all read this table;
// the store's tables (migration 2, store/migrations.cc) mirror it column for column, and a test
// holds the two equal.
//
//   const TableSpec* payments = FindTableSpec("payments");
//   for (const ColumnSpec& column : payments->columns) ...
//
// Immutable static data: safe to read from any thread.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace sunlight::ledger {

// How a cell is validated and stored (see cell_parser.h for the stored forms).
enum class ColumnType {
  kText,          // free text, trimmed; TEXT
  kIdNumber,      // GB 11643, 18 characters, check digit; TEXT upper-case X
  kUscc,          // GB 32100 unified social credit code; TEXT
  kBankAccount,   // 8–32 digits, spaces allowed; TEXT digits only
  kMoney,         // yuan, ≤ 2 decimals; BIGINT fen
  kDate,          // YYYY-MM-DD, YYYY/M/D, YYYY年M月D日; TEXT 'YYYY-MM-DD'
  kPeriod,        // YYYY-MM, YYYY-Qn, YYYY; TEXT canonical
  kRegionCode,    // must exist in the region table; TEXT canonical code
  kEnum,          // one of a domain's canonical or Chinese values; TEXT canonical
  kInt,           // integer; BIGINT
  kDecimal,       // decimal number; DOUBLE PRECISION
  kBool,          // true/false, 1/0, 是/否; INTEGER 1/0
  kCategoryList,  // `;`-separated categories; TEXT canonical values joined by ';'
};

// "text", "id_number", … (for messages and tests).
std::string_view ColumnTypeName(ColumnType type);

struct EnumValue {
  std::string_view canonical;  // stored
  std::string_view chinese;    // accepted too; empty when the spec lists none
};

struct EnumDomain {
  std::string_view name;  // e.g. "organizations.kind"
  std::span<const EnumValue> values;
};

// Where a column's value must resolve: another file's row (in the batch or the store).
struct Reference {
  std::string_view table;   // empty: no reference
  std::string_view column;  // the target column (the target's key, or an identifying column)
  explicit constexpr operator bool() const { return !table.empty(); }
};

struct ColumnSpec {
  std::string_view name;   // canonical, also the store column's name
  std::string_view alias;  // the Chinese header the spec lists; empty when none
  ColumnType type = ColumnType::kText;
  bool required = false;
  const EnumDomain* domain = nullptr;  // kEnum and kCategoryList only; static, not owned
  Reference reference = {};
};

// A store column that no file carries: the importer derives it from a column of the row.
// Today every derived column is NormalizeName (core/text.h) of a name column, stored so that
// rules compare 張三 and 张三 as one name (migration 4).
struct DerivedColumn {
  std::string_view name;    // the store column: "name_norm"
  std::string_view source;  // the spec column it is computed from: "name"
};

struct TableSpec {
  std::string_view name;  // "payments": the file is payments.csv, the store table payments
  std::string_view noun;  // what one row is, in Chinese, for messages: "支付记录"
  std::span<const ColumnSpec> columns;
  std::span<const std::string_view> key;        // the natural key (the store's primary key)
  std::span<const DerivedColumn> derived = {};  // written after `columns`, in this order
};

// Every table, in the order of spec/interchange.md (and of kInterchangeTables), which is also
// an order in which referenced tables come before the tables that reference them.
std::span<const TableSpec> InterchangeSchema();

// The table called `name` (an interchange name, lowercase), or nullptr.
const TableSpec* FindTableSpec(std::string_view name);

// The position of `column` in `table.columns`, or nothing.
std::optional<size_t> ColumnIndex(const TableSpec& table, std::string_view column);

// The domain of all project/payment categories (industry, infrastructure, …).
const EnumDomain& CategoryDomain();

}  // namespace sunlight::ledger
