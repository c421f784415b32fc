#include "api_support/export_reading.h"

#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "ledger/table_source.h"
#include "ledger/xlsx_workbook.h"

namespace sunlight::http::testing {

std::vector<std::vector<std::string>> XlsxSheetRows(const HttpResponse& response,
                                                    const std::string& sheet) {
  // The reader opens files: the body goes through a scratch file of this process.
  static std::atomic<int> counter{0};
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("sunlight-export-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".xlsx");
  {
    std::ofstream out(path, std::ios::binary);
    out << response.body();
  }
  std::vector<std::vector<std::string>> rows;
  auto book = ledger::XlsxWorkbook::Open(path);
  EXPECT_TRUE(book.ok()) << book.status();
  if (book.ok()) {
    auto source = (*book)->OpenSheet(sheet);
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
  std::error_code error;
  std::filesystem::remove(path, error);
  return rows;
}

std::vector<nlohmann::json> AllListItems(ApiClient& client, const std::string& base,
                                         std::int64_t* total) {
  std::vector<nlohmann::json> items;
  if (total != nullptr) *total = -1;
  const char joiner = base.find('?') == std::string::npos ? '?' : '&';
  for (int page = 1;; ++page) {
    HttpResponse r = client.Get(base + joiner + "page_size=200&page=" + std::to_string(page));
    EXPECT_EQ(r.result_int(), 200) << r.body();
    if (r.result_int() != 200) break;
    const nlohmann::json body = JsonOf(r);
    if (total != nullptr) *total = body["total"].get<std::int64_t>();
    for (const nlohmann::json& item : body["items"]) items.push_back(item);
    if (body["items"].empty() ||
        static_cast<std::int64_t>(items.size()) >= body["total"].get<std::int64_t>()) {
      break;
    }
  }
  return items;
}

}  // namespace sunlight::http::testing
