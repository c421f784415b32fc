// ?format=xlsx on the ledger lists and /api/v1/warnings: the workbook holds every matching row
// (not one page), under Chinese headers, masked exactly as the JSON list; exports are audited
// and refused with 413 above the limit. The workbook is read back with the ledger's reader.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "api_support/api_test_fixture.h"
#include "api_support/list_export_fixture.h"
#include "http/api/xlsx_export.h"
#include "ledger/table_source.h"
#include "ledger/xlsx_workbook.h"
#include "store/result_set.h"

namespace sunlight::http::testing {
namespace {

using nlohmann::json;

class XlsxExportTest : public ListExportFixture {
 protected:
  // Text cells of the export equal the JSON list's strings, row by row and column by column.
  void ExpectSameRows(const std::string& collection,
                      const std::vector<std::vector<std::string>>& sheet,
                      const std::vector<json>& items) {
    ASSERT_FALSE(items.empty());
    ASSERT_EQ(sheet.size(), items.size() + 1) << "header + every matching row";
    std::vector<std::string> keys;
    for (const auto& [key, value] : items[0].items()) keys.push_back(key);
    std::vector<std::string> headers;
    for (const std::string& key : keys) headers.push_back(ColumnHeader(collection, key));
    EXPECT_EQ(sheet[0], headers);
    for (size_t r = 0; r < items.size(); ++r) {
      for (size_t c = 0; c < keys.size(); ++c) {
        const json& value = items[r][keys[c]];
        if (!value.is_string()) continue;
        const std::string cell = c < sheet[r + 1].size() ? sheet[r + 1][c] : "";
        EXPECT_EQ(cell, value.get<std::string>()) << collection << " row " << r << " " << keys[c];
      }
    }
  }
};

TEST_F(XlsxExportTest, HouseholdsExportHasEveryRowMaskedUnderChineseHeaders) {
  ApiClient gz = LoginAs("gz_jw");
  HttpResponse r = gz.Get("/api/v1/households?region=5205&format=xlsx");
  ASSERT_EQ(r.result_int(), 200) << r.body().substr(0, 300);
  EXPECT_EQ(std::string(r[boost::beast::http::field::content_type]),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const auto sheet = XlsxSheetRows(r, "households");
  const std::vector<json> items = AllListItems(gz, "/api/v1/households?region=5205");
  ASSERT_GT(items.size(), 20u) << "more than one default page";
  ExpectSameRows("households", sheet, items);
  // Columns follow the JSON object's (sorted) keys; the key column has its Chinese header.
  EXPECT_NE(std::find(sheet[0].begin(), sheet[0].end(), ColumnHeader("households", "household_id")),
            sheet[0].end());
  EXPECT_EQ(std::find(sheet[0].begin(), sheet[0].end(), "household_id"), sheet[0].end())
      << "a Chinese header, not the column name";
  // No full 18-character ID number anywhere in the workbook.
  const std::regex id18("[0-9]{17}[0-9Xx]");
  for (const auto& row : sheet) {
    for (const std::string& cell : row) EXPECT_FALSE(std::regex_search(cell, id18)) << cell;
  }
  EXPECT_EQ(AuditCount("export.households", "ok"), 1);
}

TEST_F(XlsxExportTest, WarningsExportMasksSubjectsLikeTheList) {
  ApiClient gz = LoginAs("gz_jw");
  HttpResponse r = gz.Get("/api/v1/warnings?rule=A01&format=xlsx");
  ASSERT_EQ(r.result_int(), 200) << r.body().substr(0, 300);
  const auto sheet = XlsxSheetRows(r, "warnings");
  const std::vector<json> items = AllListItems(gz, "/api/v1/warnings?rule=A01");
  ExpectSameRows("warnings", sheet, items);
  EXPECT_EQ(AuditCount("export.warnings", "ok"), 1);
}

TEST_F(XlsxExportTest, AboveTheLimitIs413AndAudited) {
  ApiClient gz = LoginAs("gz_jw");
  ::setenv("SUNLIGHT_EXPORT_MAX_ROWS", "5", 1);
  HttpResponse r = gz.Get("/api/v1/households?region=5205&format=xlsx");
  ::unsetenv("SUNLIGHT_EXPORT_MAX_ROWS");
  EXPECT_EQ(r.result_int(), 413) << r.body();
  EXPECT_EQ(JsonOf(r)["error"]["code"], "export_too_large");
  EXPECT_EQ(AuditCount("export.households", "export_too_large"), 1);
  EXPECT_EQ(gz.Get("/api/v1/households?format=csv").result_int(), 400);
}

}  // namespace
}  // namespace sunlight::http::testing
