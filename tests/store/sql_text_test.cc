// Engine-neutral SQL text helpers, dialect tokens, URLs, and Value/ResultSet.
#include "store/sql_text.h"

#include <gtest/gtest.h>

#include "store/dialect.h"
#include "store/result_set.h"
#include "store/store_url.h"
#include "store/value.h"

namespace sunlight::store {
namespace {

TEST(StatementTableTest, NamesTheTableOfEachKindOfStatement) {
  EXPECT_EQ(StatementTable("INSERT INTO regions(code) VALUES (?)"), "regions");
  EXPECT_EQ(StatementTable("insert or ignore into meta values (?, ?)"), "meta");
  EXPECT_EQ(StatementTable("UPDATE OR ROLLBACK payments SET x = 1"), "payments");
  EXPECT_EQ(StatementTable("DELETE FROM households WHERE id = ?"), "households");
  EXPECT_EQ(StatementTable("SELECT a FROM (SELECT 1) AS t"), "");
  EXPECT_EQ(StatementTable("SELECT name FROM regions WHERE code = 'INTO x'"), "regions");
  EXPECT_EQ(StatementTable("CREATE TABLE IF NOT EXISTS schema_migrations (v INTEGER)"),
            "schema_migrations");
  EXPECT_EQ(StatementTable("CREATE INDEX i ON regions(parent_code)"), "regions");
  EXPECT_EQ(StatementTable("INSERT INTO \"引号表\" VALUES (1)"), "引号表");
  EXPECT_EQ(StatementTable("SELECT 1"), "");
}

TEST(StatementTableTest, NeverReturnsALiteral) {
  EXPECT_EQ(StatementTable("SELECT * FROM 'secret'"), "");
  EXPECT_EQ(StatementTable("-- INSERT INTO commented\nDELETE FROM real_one"), "real_one");
}

TEST(NumberPlaceholdersTest, NumbersOnlyRealPlaceholders) {
  EXPECT_EQ(NumberPlaceholders("SELECT ? , ?"), "SELECT $1 , $2");
  EXPECT_EQ(NumberPlaceholders("SELECT '?', \"?\", ? /* ? */ -- ?\n, ?"),
            "SELECT '?', \"?\", $1 /* ? */ -- ?\n, $2");
  EXPECT_EQ(NumberPlaceholders("SELECT 'it''s ?', ?"), "SELECT 'it''s ?', $1");
}

TEST(ExpandSqlTokensTest, SubstitutesKnownTokensAndRefusesOthers) {
  auto spelling = [](SqlToken token) -> std::string_view {
    return token == SqlToken::kBlob ? "BYTEA" : "X";
  };
  StatusOr<std::string> sql = ExpandSqlTokens("a {{BLOB}} b {{ID}}", spelling);
  ASSERT_TRUE(sql.ok());
  EXPECT_EQ(*sql, "a BYTEA b X");
  EXPECT_EQ(ExpandSqlTokens("{{NOPE}}", spelling).status().reason(), "unknown_sql_token");
  EXPECT_EQ(ExpandSqlTokens("{{BLOB", spelling).status().reason(), "unclosed_sql_token");
  EXPECT_EQ(SqlTokenName(SqlToken::kTimestamp), "TIMESTAMP");
}

TEST(StoreUrlTest, AcceptsTheDocumentedForms) {
  StatusOr<StoreUrl> path = ParseStoreUrl("data/sunlight.db");
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(path->dialect, Dialect::kSqlite);
  EXPECT_EQ(path->path, "data/sunlight.db");
  EXPECT_FALSE(path->in_memory);

  StatusOr<StoreUrl> prefixed = ParseStoreUrl("sqlite:/var/lib/sunlight/s.db");
  ASSERT_TRUE(prefixed.ok());
  EXPECT_EQ(prefixed->path, "/var/lib/sunlight/s.db");

  EXPECT_TRUE(ParseStoreUrl(":memory:")->in_memory);
  EXPECT_TRUE(ParseStoreUrl("sqlite::memory:")->in_memory);

  StatusOr<StoreUrl> postgres = ParseStoreUrl("postgres://u:p@h/db");
  ASSERT_TRUE(postgres.ok());
  EXPECT_EQ(postgres->dialect, Dialect::kPostgres);
}

TEST(StoreUrlTest, RefusesUnknownSchemesWithoutEchoingThem) {
  StatusOr<StoreUrl> url = ParseStoreUrl("mysql://root:hunter2@h/db");
  ASSERT_FALSE(url.ok());
  EXPECT_EQ(url.status().reason(), "unsupported_database_url");
  EXPECT_EQ(url.status().message().find("hunter2"), std::string::npos);
  EXPECT_EQ(ParseStoreUrl("").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseStoreUrl("sqlite:").status().code(), StatusCode::kInvalidArgument);
}

TEST(ValueTest, KindsAndConversions) {
  EXPECT_TRUE(Value().is_null());
  EXPECT_EQ(Value(7).type(), ValueType::kInteger);
  EXPECT_EQ(Value(7u).integer(), 7);
  EXPECT_EQ(Value(2.5).type(), ValueType::kReal);
  EXPECT_EQ(Value("村").type(), ValueType::kText);
  EXPECT_EQ(Value(std::string_view("村")).text(), "村");
  EXPECT_EQ(Value(Blob{1}).type(), ValueType::kBlob);
  EXPECT_EQ(Value(2.6).AsInteger(), 3);
  EXPECT_EQ(Value(3).AsReal(), 3.0);
  EXPECT_EQ(Value().AsInteger(-1), -1);
  EXPECT_EQ(Value(12).AsText(), "12");
  EXPECT_NE(Value(1), Value(1.0));  // kinds differ
}

TEST(ValueTest, SetTextKeepsTheBufferOfTextItHolds) {
  Value value = Value(7);
  value.SetText("中华人民共和国财政部专项资金");  // longer than a short string's room
  EXPECT_EQ(value.text(), "中华人民共和国财政部专项资金");
  const char* buffer = value.text().data();
  value.SetText("农业农村局");
  EXPECT_EQ(value.text(), "农业农村局");
  EXPECT_EQ(value.text().data(), buffer) << "the held string's buffer is reused";
  value.SetText("");
  EXPECT_EQ(value.type(), ValueType::kText);
  EXPECT_EQ(value.text(), "");
  value = Value();
  value.SetText("村");
  EXPECT_EQ(value, Value("村"));
}

TEST(ResultSetTest, RowsByIndexAndName) {
  ResultSet rs({"code", "name"});
  rs.Append("52");
  rs.Append("贵州省");
  rs.Append("44");
  rs.Append("广东省");
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs.ColumnIndex("name"), 1u);
  EXPECT_FALSE(rs.ColumnIndex("level").has_value());
  std::vector<std::string> names;
  for (Row row : rs) names.push_back(row["name"].text());
  EXPECT_EQ(names, (std::vector<std::string>{"贵州省", "广东省"}));
  EXPECT_EQ(rs.row(1)[0].text(), "44");
}

}  // namespace
}  // namespace sunlight::store
