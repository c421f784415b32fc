// GET /api/v1/archives?format=xlsx: every archive the user sees (not one page), in the list's
// order, masked as the list is, under Chinese headers; audited as an export. The workbook is
// read back with the ledger's reader.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

#include "api_support/api_test_fixture.h"
#include "api_support/export_reading.h"

namespace sunlight::http::testing {
namespace {

class ArchiveExportTest : public ApiTest {
 protected:
  std::int64_t AuditCount(const std::string& action) {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    auto rs = (*conn)->Query("SELECT COUNT(*) FROM audit_log WHERE action = ? AND outcome = 'ok'",
                             {action});
    EXPECT_TRUE(rs.ok());
    return rs.ok() ? rs->at(0, 0).AsInteger() : -1;
  }
};

TEST_F(ArchiveExportTest, WorkbookHoldsEveryVisibleArchiveMasked) {
  ApiClient bj = LoginAs("bj_jw");
  HttpResponse list = bj.Get("/api/v1/archives?page_size=200");
  ASSERT_EQ(list.result_int(), 200);
  const nlohmann::json items = JsonOf(list)["items"];
  ASSERT_EQ(JsonOf(list)["total"].get<std::size_t>(), items.size()) << "one page holds them all";
  ASSERT_GT(items.size(), 1u);
  const std::int64_t reads_before = AuditCount("read.archives");

  HttpResponse r = bj.Get("/api/v1/archives?format=xlsx");
  ASSERT_EQ(r.result_int(), 200) << r.body().substr(0, 300);
  EXPECT_EQ(std::string(r[boost::beast::http::field::content_type]),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const auto sheet = XlsxSheetRows(r, "archives");
  ASSERT_EQ(sheet.size(), items.size() + 1) << "header + every archive, not the default page";
  // Chinese headers only (no column's English name left), the cadre's name under 姓名 (not
  // an org's 单位名称).
  EXPECT_NE(std::find(sheet[0].begin(), sheet[0].end(), "姓名"), sheet[0].end());
  EXPECT_EQ(std::find(sheet[0].begin(), sheet[0].end(), "单位名称"), sheet[0].end());
  for (const std::string& header : sheet[0]) {
    EXPECT_TRUE(header.find_first_not_of(
                    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789") !=
                std::string::npos)
        << header << " in " << nlohmann::json(sheet[0]).dump();
  }
  // Rows in the list's order: the masked number and the name of each list row.
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::vector<std::string>& row = sheet[i + 1];
    EXPECT_NE(std::find(row.begin(), row.end(), items[i]["id_number"].get<std::string>()),
              row.end())
        << "row " << i;
    EXPECT_NE(std::find(row.begin(), row.end(), items[i]["name"].get<std::string>()), row.end())
        << "row " << i;
  }
  const std::regex id18("[0-9]{17}[0-9Xx]");
  for (const auto& row : sheet) {
    for (const std::string& cell : row) EXPECT_FALSE(std::regex_search(cell, id18)) << cell;
  }
  EXPECT_EQ(AuditCount("export.archives"), 1);
  EXPECT_EQ(AuditCount("read.archives"), reads_before);

  HttpResponse bad = bj.Get("/api/v1/archives?format=pdf");
  EXPECT_EQ(bad.result_int(), 400);
  EXPECT_EQ(JsonOf(bad)["error"]["code"], "invalid_format");
}

}  // namespace
}  // namespace sunlight::http::testing
