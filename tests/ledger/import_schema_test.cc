// The declarative schema against the spec's shape and against migration 2's tables.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "import_test_fixture.h"
#include "ledger/import/cell_parser.h"
#include "ledger/import/header_mapping.h"
#include "ledger/interchange_tables.h"

namespace sunlight::ledger::testing {
namespace {

TEST(InterchangeSchemaTest, ListsTheSpecsTablesInOrderWithValidKeysAndReferences) {
  ASSERT_EQ(InterchangeSchema().size(), kInterchangeTables.size());
  for (size_t table_idx = 0; table_idx < kInterchangeTables.size(); ++table_idx) {
    const TableSpec& table = InterchangeSchema()[table_idx];
    EXPECT_EQ(table.name, kInterchangeTables[table_idx]);
    ASSERT_FALSE(table.key.empty()) << table.name;
    for (std::string_view key : table.key) {
      std::optional<size_t> column = ColumnIndex(table, key);
      ASSERT_TRUE(column) << table.name << "." << key;
      EXPECT_TRUE(table.columns[*column].required) << table.name << "." << key;
    }
    for (const ColumnSpec& column : table.columns) {
      EXPECT_EQ(column.domain != nullptr,
                column.type == ColumnType::kEnum || column.type == ColumnType::kCategoryList)
          << table.name << "." << column.name;
      if (!column.reference) continue;
      const TableSpec* target = FindTableSpec(column.reference.table);
      ASSERT_NE(target, nullptr) << column.reference.table;
      EXPECT_TRUE(ColumnIndex(*target, column.reference.column)) << column.reference.column;
      // Targets come first (or are the table itself), so one pass in order can check them.
      EXPECT_LE(*InterchangeTableIndex(column.reference.table), table_idx) << table.name;
    }
  }
}

TEST_F(ImportTest, MigrationHasEveryColumnOfTheSchema) {
  for (const TableSpec& table : InterchangeSchema()) {
    std::string columns;
    for (const ColumnSpec& column : table.columns) columns += std::string(column.name) + ", ";
    StatusOr<store::ResultSet> rs =
        conn_->Query("SELECT " + columns + "batch_id FROM " + std::string(table.name));
    EXPECT_TRUE(rs.ok()) << table.name << ": " << rs.status();
  }
}

TEST(HeaderMappingTest, AliasesCaseAndSpacesAndMissingColumns) {
  const TableSpec& households = *FindTableSpec("households");
  ErrorList errors;
  HeaderMapping mapping = MapHeader(households, {" 户编号 ", "VILLAGE_CODE", "户主身份证号"},
                                    "households.csv", 1, false, errors);
  EXPECT_EQ(mapping.column_of_cell[0], 0u);
  EXPECT_EQ(mapping.column_of_cell[1], 1u);
  EXPECT_EQ(mapping.column_of_cell[2], 2u);
  ASSERT_EQ(errors.kept().size(), 1u);
  EXPECT_EQ(errors.kept()[0].column, "status");
  EXPECT_EQ(errors.kept()[0].code, "missing_column");
}

TEST(CellParserTest, EnumsAcceptCanonicalAndChineseAndStoreCanonical) {
  const TableSpec& organizations = *FindTableSpec("organizations");
  const ColumnSpec& kind = organizations.columns[*ColumnIndex(organizations, "kind")];
  store::RegionIndex none;
  StatusOr<store::Value> chinese = ParseCell(kind, "协作办", none);
  ASSERT_TRUE(chinese.ok());
  EXPECT_EQ(chinese->text(), "cooperation_office");
  StatusOr<store::Value> upper = ParseCell(kind, "Commission", none);
  ASSERT_TRUE(upper.ok());
  EXPECT_EQ(upper->text(), "commission");
  EXPECT_EQ(ParseCell(kind, "委员会", none).status().reason(), "bad_enum_value");
  EXPECT_TRUE(ParseCell(kind, "  ", none)->is_null());
}

TEST(CellParserTest, ParseCellIntoOverwritesWhatTheValueHeld) {
  const TableSpec& payments = *FindTableSpec("payments");
  const ColumnSpec& name = payments.columns[*ColumnIndex(payments, "payee_name")];
  const ColumnSpec& account = payments.columns[*ColumnIndex(payments, "payee_account")];
  const ColumnSpec& amount = payments.columns[*ColumnIndex(payments, "amount")];
  store::RegionIndex none;
  store::Value value("一个比较长的旧值，超过短字符串的容量");
  ASSERT_TRUE(ParseCellInto(name, " 王五 ", none, value).ok());
  EXPECT_EQ(value, store::Value("王五"));
  ASSERT_TRUE(ParseCellInto(account, "6228 4841 1325 9761 481", none, value).ok());
  EXPECT_EQ(value, store::Value("6228484113259761481"));
  // Failures and empty cells leave NULL, not the value before.
  EXPECT_EQ(ParseCellInto(account, "62284841132597614AB", none, value).reason(),
            "account_not_digits");
  EXPECT_TRUE(value.is_null());
  value = store::Value("旧值");
  ASSERT_TRUE(ParseCellInto(name, "   ", none, value).ok());
  EXPECT_TRUE(value.is_null());
  ASSERT_TRUE(ParseCellInto(amount, "1.50", none, value).ok());
  EXPECT_EQ(value, store::Value(150));
  EXPECT_EQ(ParseCellInto(amount, "1.505", none, value).reason(), "too_many_decimals");
  EXPECT_TRUE(value.is_null());
}

}  // namespace
}  // namespace sunlight::ledger::testing
