// GET /api/v1/inspections?format=xlsx: every inspection the user's list holds (not one page),
// in its order and masking, under Chinese headers, audited as an export; another province's
// commission exports none of them; format=pdf is 400.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "api_support/api_test_fixture.h"
#include "ledger/table_source.h"
#include "ledger/xlsx_workbook.h"
#include "store/result_set.h"

namespace sunlight::http::testing {
namespace {

using nlohmann::json;

using Sheet = std::vector<std::vector<std::string>>;

class InspectionListExportTest : public ApiTest {
 protected:
  // The rows (header first) of the workbook in the response body, sheet `collection`.
  Sheet ReadSheet(const HttpResponse& response, const std::string& collection) {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() /
        ("sunlight-list-export-" + std::to_string(::getpid()) + "-" + collection + ".xlsx");
    {
      std::ofstream out(path, std::ios::binary);
      out << response.body();
    }
    Sheet rows;
    auto book = ledger::XlsxWorkbook::Open(path);
    EXPECT_TRUE(book.ok()) << book.status();
    if (book.ok()) {
      auto source = (*book)->OpenSheet(collection);
      EXPECT_TRUE(source.ok()) << source.status();
      if (source.ok()) {
        ledger::Row row;
        while (true) {
          auto more = (*source)->Next(row);
          EXPECT_TRUE(more.ok()) << more.status();
          if (!more.ok() || !*more) break;
          rows.push_back(row.cells);
        }
      }
    }
    std::filesystem::remove(path);
    return rows;
  }

  // Every item of a JSON list, page by page; `total` receives the list's total.
  std::vector<json> AllItems(ApiClient& client, const std::string& base, std::int64_t& total) {
    std::vector<json> items;
    total = -1;
    for (int page = 1; page < 100; ++page) {
      HttpResponse r = client.Get(base + "&page_size=200&page=" + std::to_string(page));
      EXPECT_EQ(r.result_int(), 200) << base << " " << r.body();
      if (r.result_int() != 200) break;
      const json body = JsonOf(r);
      total = body["total"].get<std::int64_t>();
      for (const json& item : body["items"]) items.push_back(item);
      if (body["items"].empty() || static_cast<std::int64_t>(items.size()) >= total) break;
    }
    return items;
  }

  std::int64_t AuditCount(const std::string& action, const std::string& outcome) {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    auto rs = (*conn)->Query("SELECT COUNT(*) FROM audit_log WHERE action = ? AND outcome = ?",
                             {action, outcome});
    EXPECT_TRUE(rs.ok());
    return rs.ok() ? rs->at(0, 0).AsInteger() : -1;
  }

  // Exports `base` (a list path with a query) as `login`, checks the workbook against the JSON
  // list for the same query, and returns the exported ids.
  std::set<std::string> ExportMatchesList(const std::string& login, const std::string& collection,
                                          const std::string& base) {
    ApiClient client = LoginAs(login);
    std::int64_t total = 0;
    const std::vector<json> items = AllItems(client, base, total);
    EXPECT_EQ(static_cast<std::int64_t>(items.size()), total) << base;
    const std::int64_t exports_before = AuditCount("export." + collection, "ok");

    HttpResponse r = client.Get(base + "&format=xlsx");
    EXPECT_EQ(r.result_int(), 200) << base << " " << r.body().substr(0, 300);
    if (r.result_int() != 200) return {};
    EXPECT_EQ(std::string(r[boost::beast::http::field::content_type]),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(AuditCount("export." + collection, "ok"), exports_before + 1) << "audited";
    const Sheet sheet = ReadSheet(r, collection);
    if (items.empty()) return {};
    EXPECT_EQ(static_cast<std::int64_t>(sheet.size()), total + 1)
        << login << " " << base << ": header + every matching row";
    if (sheet.empty()) return {};

    // Chinese headers: no column left under its English name.
    for (const std::string& header : sheet[0]) {
      EXPECT_NE(header.find_first_not_of(
                    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"),
                std::string::npos)
          << collection << ": " << header << " in " << json(sheet[0]).dump();
    }
    // Same rows in the same order: the id column (first key) and every string cell.
    std::vector<std::string> keys;
    for (const auto& [key, value] : items[0].items()) keys.push_back(key);
    EXPECT_EQ(sheet[0].size(), keys.size());
    std::set<std::string> ids;
    for (size_t i = 0; i < items.size() && i + 1 < sheet.size(); ++i) {
      const std::vector<std::string>& row = sheet[i + 1];
      for (size_t c = 0; c < keys.size() && c < row.size(); ++c) {
        const json& value = items[i][keys[c]];
        if (value.is_string()) {
          EXPECT_EQ(row[c], value.get<std::string>())
              << collection << " row " << i << " " << keys[c];
        } else if (value.is_number_integer()) {
          EXPECT_EQ(row[c], std::to_string(value.get<std::int64_t>()))
              << collection << " row " << i << " " << keys[c];
        }
      }
      ids.insert(items[i]["id"].dump());
    }
    // Masked as the list: no full ID number anywhere.
    const std::regex id18("[1-9][0-9]{16}[0-9Xx]");
    for (const auto& row : sheet) {
      for (const std::string& cell : row) EXPECT_FALSE(std::regex_search(cell, id18)) << cell;
    }
    return ids;
  }

  std::vector<std::string> Column(const std::string& sql) {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    std::vector<std::string> out;
    if (!conn.ok()) return out;
    auto rs = (*conn)->Query(sql, {});
    EXPECT_TRUE(rs.ok()) << sql;
    if (!rs.ok()) return out;
    for (store::Row row : *rs) out.push_back(row[0].AsText());
    return out;
  }

  // `insider` exports what its list holds (at least two rows); `outsider`'s export equals its
  // own list and lacks the insider's rows; format=pdf is 400.
  void CheckCollection(const std::string& collection, const std::string& query,
                       const std::string& insider, const std::string& outsider) {
    const std::string path = "/api/v1/" + collection;
    const std::set<std::string> in = ExportMatchesList(insider, collection, path + query);
    const std::set<std::string> out = ExportMatchesList(outsider, collection, path + query);
    EXPECT_GE(in.size(), 2u) << collection << ": seeded rows";
    for (const std::string& id : in) EXPECT_FALSE(out.contains(id)) << collection << " " << id;
    ApiClient client = LoginAs(insider);
    HttpResponse bad = client.Get(path + "?format=pdf");
    EXPECT_EQ(bad.result_int(), 400);
    EXPECT_EQ(JsonOf(bad)["error"]["code"], "invalid_format");
  }
};

TEST_F(InspectionListExportTest, ExportEqualsTheListAndStaysInTheJurisdiction) {
  const std::vector<std::string> projects = Column(
      "SELECT project_id FROM projects WHERE region_code LIKE '5205%' "
      "ORDER BY project_id LIMIT 2");
  ASSERT_EQ(projects.size(), 2u);
  json targets = json::array();
  for (const std::string& p : projects) targets.push_back({{"type", "project"}, {"ref", p}});
  ApiClient gz = LoginAs("gz_jw");
  for (const std::string title : {"2021年产业项目专项检查", "2021年易地搬迁专项检查"}) {
    HttpResponse created = gz.Post(
        "/api/v1/inspections",
        {{"kind", "special"},
         {"title", title},
         {"period_from", "2021-10-01"},
         {"period_to", "2021-10-31"},
         {"team_size", 1},
         {"members",
          {{{"id_number", "440104199001011239"}, {"name", "测试甲"}, {"org_id", "4401-JW"}},
           {{"id_number", "440104199202021234"}, {"name", "测试乙"}, {"org_id", "4401-JW"}}}},
         {"targets", targets}});
    ASSERT_EQ(created.result_int(), 201) << created.body();
  }
  const std::vector<std::string> far = Column(
      "SELECT org_id FROM organizations WHERE region_code NOT LIKE '5205%' AND "
      "region_code NOT LIKE '4401%' AND region_code NOT LIKE '52%' ORDER BY org_id LIMIT 1");
  ASSERT_EQ(far.size(), 1u);
  AddUser("far_jw", access::Role::kSupervisor, far[0]);
  CheckCollection("inspections", "?kind=special", "gz_jw", "far_jw");
}

}  // namespace
}  // namespace sunlight::http::testing
