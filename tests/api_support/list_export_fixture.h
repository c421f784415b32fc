// The export tests of the workflow lists (?format=xlsx on clues, transfers, cases, problems,
// tasks, reports, inspections, letters): the workbook must hold every row the JSON list holds
// for the same filters and user — same order, same masking — under Chinese headers, and each
// export is audited. Shared by the supervision, inspections and letters API tests.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api_support/api_test_fixture.h"
#include "api_support/export_reading.h"
#include "store/result_set.h"

namespace sunlight::http::testing {

class ListExportFixture : public ApiTest {
 protected:
  using json = nlohmann::json;

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
    const std::vector<json> items = AllListItems(client, base, &total);
    EXPECT_EQ(static_cast<std::int64_t>(items.size()), total) << base;
    const std::int64_t exports_before = AuditCount("export." + collection, "ok");

    HttpResponse r = client.Get(base + "&format=xlsx");
    EXPECT_EQ(r.result_int(), 200) << base << " " << r.body().substr(0, 300);
    if (r.result_int() != 200) return {};
    EXPECT_EQ(std::string(r[boost::beast::http::field::content_type]),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(AuditCount("export." + collection, "ok"), exports_before + 1) << "audited";
    const std::vector<std::vector<std::string>> sheet = XlsxSheetRows(r, collection);
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

}  // namespace sunlight::http::testing
