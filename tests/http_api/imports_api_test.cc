// POST /api/v1/imports over a real server: a dataset uploaded as a zip of CSV files or an
// .xlsx workbook goes through the ledger importer (same validation, same error report, nothing
// written on rejection), with a role check, CSRF, a size limit and an audit record.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api_support/api_test_fixture.h"
#include "http/api/import_routes.h"
#include "store/result_set.h"

namespace sunlight::http::testing {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kXlsx =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view kNewOrg = "520521-HTTPTEST";
const std::string kNewOrgCsv =
    "org_id,name,kind,region_code,parent_org_id\n520521-HTTPTEST,大方县接口测试单位,other,520521,"
    "\n";

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

fs::path ScratchPath(std::string_view name) {
  return fs::temp_directory_path() /
         ("sunlight-imports-test-" + std::to_string(::getpid()) + "-" + std::string(name));
}

// A zip archive holding `files` (name → content, stored uncompressed), as bytes.
std::string ZipOf(const std::vector<std::pair<std::string, std::string>>& files) {
  const fs::path path = ScratchPath("upload.zip");
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr);
  for (const auto& [name, content] : files) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    EXPECT_GE(index, 0);
    // Stored, not deflated: the size of the upload is what a test of the limit needs.
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  EXPECT_EQ(zip_close(archive), 0);
  std::string bytes = ReadAll(path);
  fs::remove(path);
  return bytes;
}

int64_t CountOf(store::Database& db, const std::string& sql,
                std::vector<store::Value> params = {}) {
  auto conn = db.Connect();
  EXPECT_TRUE(conn.ok());
  auto rs = (*conn)->Query(sql, params);
  EXPECT_TRUE(rs.ok()) << rs.status().message();
  return rs->at(0, 0).AsInteger();
}

// The first officials.csv data row of the demo dataset with its ID's check character changed:
// every other character there makes the GB 11643 check fail.
std::string OfficialsWithBadCheckDigit() {
  std::ifstream in(DemoDatasetDir() / "officials.csv");
  std::string header;
  std::string row;
  std::getline(in, header);
  std::getline(in, row);
  const size_t check = row.find(',') - 1;
  row[check] = row[check] == '0' ? '1' : '0';
  return header + "\n" + row + "\n";
}

// Points TMPDIR (where the import route unpacks uploads) at a directory of this test alone, so
// that uploads of tests running beside it (ctest -j) do not count; restored at the end. Set
// while the test's server is idle (no request in flight reads the variable).
class PrivateTempDir {
 public:
  PrivateTempDir() {
    const char* old = std::getenv("TMPDIR");
    if (old != nullptr) old_ = old;
    dir_ = fs::temp_directory_path() / ("sunlight-imports-test-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    ::setenv("TMPDIR", dir_.c_str(), 1);
  }
  ~PrivateTempDir() {
    if (old_) {
      ::setenv("TMPDIR", old_->c_str(), 1);
    } else {
      ::unsetenv("TMPDIR");
    }
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

 private:
  fs::path dir_;
  std::optional<std::string> old_;
};

size_t UploadDirsLeft() {
  size_t count = 0;
  for (const auto& entry : fs::directory_iterator(fs::temp_directory_path())) {
    if (entry.path().filename().string().rfind("sunlight-upload-", 0) == 0) ++count;
  }
  return count;
}

std::string ErrorCode(const HttpResponse& response) {
  nlohmann::json body = JsonOf(response);
  return body.contains("error") ? body["error"].value("code", "") : "";
}

class ImportsApiTest : public ApiTest {
 protected:
  HttpResponse Upload(ApiClient& client, std::string_view target, const std::string& body,
                      std::string_view type = "application/zip") {
    return client.Send("POST", target, body, {{"Content-Type", std::string(type)}});
  }
};

TEST_F(ImportsApiTest, AValidZipIsImportedRecordedAndListed) {
  PrivateTempDir private_tmp;
  const size_t dirs_before = UploadDirsLeft();
  const std::string pairings = ReadAll(DemoDatasetDir() / "pairings.csv");
  const int64_t pairing_rows = CountOf(db(), "SELECT COUNT(*) FROM pairings");
  ASSERT_GT(pairing_rows, 0);
  ApiClient owner = LoginAs("dafang_ny");
  // A zip made from a folder: entries under "ledger/", and a stray file that is not CSV.
  HttpResponse r = Upload(owner, "/api/v1/imports?name=ledger.zip",
                          ZipOf({{"ledger/organizations.csv", kNewOrgCsv},
                                 {"ledger/pairings.csv", pairings},
                                 {"ledger/readme.txt", "not a table"}}));
  ASSERT_EQ(r.result_int(), 201) << r.body();
  nlohmann::json batch = JsonOf(r);
  const int64_t id = batch["id"].get<int64_t>();
  EXPECT_GT(id, 0);
  EXPECT_EQ(batch["source_path"], "upload:ledger.zip");
  EXPECT_EQ(batch["total_rows"].get<int64_t>(), 1 + pairing_rows);
  bool saw_orgs = false;
  bool saw_pairings = false;
  for (const nlohmann::json& table : batch["tables"]) {
    if (table["table"] == "organizations") {
      saw_orgs = true;
      EXPECT_EQ(table["inserted"], 1);
    }
    if (table["table"] == "pairings") {
      saw_pairings = true;
      EXPECT_EQ(table["inserted"], 0);
      EXPECT_EQ(table["unchanged"].get<int64_t>(), pairing_rows);  // already in the store
    }
  }
  EXPECT_TRUE(saw_orgs && saw_pairings) << batch.dump();
  EXPECT_EQ(CountOf(db(), "SELECT COUNT(*) FROM organizations WHERE org_id = ? AND batch_id = ?",
                    {std::string(kNewOrg), id}),
            1);
  EXPECT_EQ(UploadDirsLeft(), dirs_before);  // the upload is not kept

  HttpResponse listed = owner.Get("/api/v1/imports?imported_by=dafang_ny");
  ASSERT_EQ(listed.result_int(), 200) << listed.body();
  nlohmann::json page = JsonOf(listed);
  ASSERT_EQ(page["total"], 1) << page.dump();
  EXPECT_EQ(page["items"][0]["id"], id);
  EXPECT_EQ(page["items"][0]["source_path"], "upload:ledger.zip");
  EXPECT_EQ(page["items"][0]["row_count"].get<int64_t>(), 1 + pairing_rows);

  EXPECT_EQ(CountOf(db(),
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'import.dataset' AND "
                    "login = 'dafang_ny' AND outcome = 'ok' AND target = ?",
                    {std::to_string(id)}),
            1);
}

TEST_F(ImportsApiTest, AnXlsxWorkbookIsImported) {
  const fs::path path = ScratchPath("book.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "organizations");
  const std::vector<std::string> header = {"单位编码", "单位名称", "类型", "区划代码"};
  const std::vector<std::string> row = {std::string(kNewOrg), "大方县接口测试单位", "其他",
                                        "520521"};
  for (size_t c = 0; c < header.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), nullptr);
    worksheet_write_string(sheet, 1, static_cast<lxw_col_t>(c), row[c].c_str(), nullptr);
  }
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  const std::string bytes = ReadAll(path);
  fs::remove(path);

  ApiClient supervisor = LoginAs("bj_jw");  // a supervisor may import too
  HttpResponse r = Upload(
      supervisor, "/api/v1/imports?name=%E5%8F%B0%E8%B4%A6.xlsx" /* 台账.xlsx */, bytes, kXlsx);
  ASSERT_EQ(r.result_int(), 201) << r.body();
  EXPECT_EQ(JsonOf(r)["source_path"], "upload:台账.xlsx");
  EXPECT_EQ(JsonOf(r)["tables"][0]["source"], "台账.xlsx:organizations");
  EXPECT_EQ(
      CountOf(db(), "SELECT COUNT(*) FROM organizations WHERE org_id = ?", {std::string(kNewOrg)}),
      1);
  EXPECT_EQ(CountOf(db(), "SELECT COUNT(*) FROM import_batches WHERE imported_by = 'bj_jw'"), 1);
}

TEST_F(ImportsApiTest, ABadIdCheckDigitRejectsTheWholeDatasetWithTheReport) {
  const int64_t batches = CountOf(db(), "SELECT COUNT(*) FROM import_batches");
  const int64_t officials = CountOf(db(), "SELECT COUNT(*) FROM officials");
  const std::string upload =
      ZipOf({{"organizations.csv", kNewOrgCsv}, {"officials.csv", OfficialsWithBadCheckDigit()}});
  ApiClient owner = LoginAs("dafang_ny");
  HttpResponse r = Upload(owner, "/api/v1/imports", upload);
  ASSERT_EQ(r.result_int(), 422) << r.body();
  nlohmann::json error = JsonOf(r)["error"];
  EXPECT_EQ(error["code"], "dataset_rejected");
  ASSERT_GE(error["details"]["errors"].size(), 1u) << error.dump();
  bool named = false;
  for (const nlohmann::json& row : error["details"]["errors"]) {
    if (row["file"] == "officials.csv" && row["row"] == 2 && row["column"] == "id_number") {
      named = true;
      EXPECT_FALSE(row["code"].get<std::string>().empty());
      EXPECT_FALSE(row["reason"].get<std::string>().empty());
    }
  }
  EXPECT_TRUE(named) << error.dump();
  EXPECT_EQ(error["details"]["total"].get<size_t>(), error["details"]["errors"].size());

  // Nothing written: no batch, no org from the valid file, no official.
  EXPECT_EQ(CountOf(db(), "SELECT COUNT(*) FROM import_batches"), batches);
  EXPECT_EQ(CountOf(db(), "SELECT COUNT(*) FROM officials"), officials);
  EXPECT_EQ(
      CountOf(db(), "SELECT COUNT(*) FROM organizations WHERE org_id = ?", {std::string(kNewOrg)}),
      0);
  EXPECT_EQ(CountOf(db(),
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'import.dataset' AND "
                    "outcome = 'rejected'"),
            1);

  HttpResponse csv = Upload(owner, "/api/v1/imports?report=csv", upload);
  ASSERT_EQ(csv.result_int(), 422);
  EXPECT_NE(std::string(csv[boost::beast::http::field::content_type]).find("text/csv"),
            std::string::npos);
  EXPECT_NE(csv.body().find("officials.csv,2,id_number,"), std::string::npos) << csv.body();
  EXPECT_EQ(CountOf(db(), "SELECT COUNT(*) FROM import_batches"), batches);
}

TEST_F(ImportsApiTest, RolesWithoutTheRightAndMissingCsrfAre403) {
  const std::string upload = ZipOf({{"organizations.csv", kNewOrgCsv}});
  for (const char* login : {"sj_auditor", "secadmin", "admin"}) {
    ApiClient client = LoginAs(login);
    HttpResponse r = Upload(client, "/api/v1/imports", upload);
    EXPECT_EQ(r.result_int(), 403) << login;
    EXPECT_EQ(ErrorCode(r), "forbidden") << login;
  }
  ApiClient owner = LoginAs("dafang_ny");
  HttpResponse no_csrf = owner.Send("POST", "/api/v1/imports", upload,
                                    {{"Content-Type", "application/zip"}, {"X-CSRF-Token", ""}});
  EXPECT_EQ(no_csrf.result_int(), 403);
  EXPECT_EQ(ErrorCode(no_csrf), "csrf");
  EXPECT_EQ(Client()
                .Send("POST", "/api/v1/imports", upload, {{"Content-Type", "application/zip"}})
                .result_int(),
            401);
  EXPECT_EQ(
      CountOf(db(), "SELECT COUNT(*) FROM organizations WHERE org_id = ?", {std::string(kNewOrg)}),
      0);
}

TEST_F(ImportsApiTest, WrongTypesAndBrokenZipsAre400) {
  ApiClient owner = LoginAs("dafang_ny");
  HttpResponse json = owner.Post("/api/v1/imports", nlohmann::json{{"a", 1}});
  EXPECT_EQ(json.result_int(), 400);
  EXPECT_EQ(ErrorCode(json), "unsupported_media_type");
  HttpResponse broken = Upload(owner, "/api/v1/imports", "this is not a zip");
  EXPECT_EQ(broken.result_int(), 400);
  EXPECT_EQ(ErrorCode(broken), "bad_zip");
  HttpResponse no_csv = Upload(owner, "/api/v1/imports", ZipOf({{"readme.txt", "x"}}));
  EXPECT_EQ(no_csv.result_int(), 400);
  EXPECT_EQ(ErrorCode(no_csv), "zip_without_csv");
  // Not a workbook: the importer's own verdict, as a rejected dataset.
  HttpResponse not_xlsx = Upload(owner, "/api/v1/imports", "plain text", kXlsx);
  EXPECT_EQ(not_xlsx.result_int(), 422) << not_xlsx.body();
}

TEST_F(ImportsApiTest, UploadsAboveTheLimitAre413AndBetweenServerAndRouteLimitPass) {
  // Refused on the Content-Length alone, before any body is sent.
  TestConnection connection(port());
  ASSERT_TRUE(connection.connected());
  ASSERT_TRUE(
      connection.Send("POST /api/v1/imports HTTP/1.1\r\nHost: test\r\n"
                      "Content-Type: application/zip\r\nContent-Length: " +
                      std::to_string(kMaxUploadBytes + 1) + "\r\n\r\n"));
  std::optional<HttpResponse> r = connection.ReadResponse();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->result_int(), 413);
  EXPECT_EQ(JsonOf(*r)["error"]["details"]["limit_bytes"].get<size_t>(), kMaxUploadBytes);

  // 2 MiB, above the server's default 1 MiB: the route's own limit applies.
  std::string padding(2 << 20, 'x');
  ApiClient owner = LoginAs("dafang_ny");
  HttpResponse big = Upload(owner, "/api/v1/imports",
                            ZipOf({{"organizations.csv", kNewOrgCsv}, {"padding.bin", padding}}));
  EXPECT_EQ(big.result_int(), 201) << big.body();
}

}  // namespace
}  // namespace sunlight::http::testing
