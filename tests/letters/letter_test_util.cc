#include "letters/letter_test_util.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

namespace sunlight::letters_test {
namespace {

void Exec(store::Connection& conn, std::string_view sql, const std::vector<store::Value>& params) {
  Status s = conn.Execute(sql, params);
  ASSERT_TRUE(s.ok()) << s << " in " << sql;
}

std::int64_t InsertReturningId(store::Connection& conn, std::string_view sql,
                               const std::vector<store::Value>& params) {
  StatusOr<store::ResultSet> rs = conn.Query(std::string(sql) + " RETURNING id", params);
  EXPECT_TRUE(rs.ok()) << rs.status() << " in " << sql;
  if (!rs.ok() || rs->empty()) return 0;
  return rs->at(0, 0).AsInteger();
}

constexpr const char* kNow = "2026-11-20T08:00:00Z";

}  // namespace

void SeedOrganizations(store::Connection& conn) {
  for (auto [id, name, kind, region] :
       {std::array<const char*, 4>{"4401-JW", "广州市纪委监委", "commission", "4401"},
        std::array<const char*, 4>{"5205-JW", "毕节市纪委监委", "commission", "5205"},
        std::array<const char*, 4>{"520521-NY", "大方县农业农村局", "rural_revitalization",
                                   "520521"},
        std::array<const char*, 4>{"520521-CZ", "大方县财政局", "finance", "520521"}}) {
    Exec(conn,
         "INSERT INTO organizations(org_id, name, kind, region_code, parent_org_id, batch_id) "
         "VALUES (?, ?, ?, ?, NULL, 0)",
         {id, name, kind, region});
  }
  Exec(conn,
       "INSERT INTO users(login, display_name, role, org_id, password_hash, created_at, "
       "updated_at) VALUES ('dafang_ny', '王大方', 'project_owner', '520521-NY', 'x', ?, ?)",
       {kNow, kNow});
}

std::int64_t InsertProblem(store::Connection& conn, std::string_view title,
                           std::string_view description, std::int64_t amount_fen,
                           std::string_view responsible_org) {
  return InsertReturningId(
      conn,
      "INSERT INTO problems(source, category, behaviour, title, description, region_code, "
      "responsible_org_id, owner_org_id, state, amount_fen, created_by, created_at, updated_at) "
      "VALUES ('inspection', 'fund_management', 'late_payment', ?, ?, '520521', ?, '4401-JW', "
      "'open', ?, 'gz_jw', ?, ?)",
      {std::string(title), std::string(description), std::string(responsible_org), amount_fen, kNow,
       kNow});
}

std::int64_t InsertTask(store::Connection& conn, std::int64_t problem_id,
                        std::string_view description, std::string_view measures,
                        std::string_view deadline, std::string_view org, std::string_view state) {
  return InsertReturningId(
      conn,
      "INSERT INTO rectification_tasks(problem_id, description, measures, deadline, "
      "responsible_org_id, responsible_login, cadence, state, region_code, created_by, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'dafang_ny', 'weekly', ?, '520521', "
      "'gz_jw', ?, ?)",
      {problem_id, std::string(description), std::string(measures), std::string(deadline),
       std::string(org), std::string(state), kNow, kNow});
}

std::int64_t InsertTransfer(store::Connection& conn, std::string_view letter_no,
                            std::string_view key, std::string_view result) {
  return InsertReturningId(
      conn,
      "INSERT INTO transfers(letter_no, from_org_id, to_org_id, from_region, to_region, state, "
      "feedback_due, note, result, request_key, sent_at, created_by) VALUES (?, '4401-JW', "
      "'5205-JW', '4401', '5205', ?, '2026-12-31', '', ?, ?, ?, 'gz_jw')",
      {std::string(letter_no), result.empty() ? "sent" : "concluded",
       result.empty() ? store::Value() : store::Value(std::string(result)), std::string(key),
       kNow});
}

std::int64_t InsertClue(store::Connection& conn, std::string_view number, std::string_view summary,
                        std::string_view person) {
  std::int64_t id = InsertReturningId(
      conn,
      "INSERT INTO clues(number, channel, summary, received_on, handling_org_id, region_code, "
      "state, created_by, created_at, updated_at) VALUES (?, 'petition', ?, '2026-10-01', "
      "'4401-JW', '4401', 'registered', 'gz_jw', ?, ?)",
      {std::string(number), std::string(summary), kNow, kNow});
  Exec(conn,
       "INSERT INTO clue_persons(clue_id, seq, name, org_name, position, authority) "
       "VALUES (?, 1, ?, '大方县农业农村局', '副局长', '县管干部')",
       {id, std::string(person)});
  return id;
}

void AddTransferItem(store::Connection& conn, std::int64_t transfer_id, std::string_view type,
                     std::int64_t item_id) {
  Exec(conn, "INSERT INTO transfer_items(transfer_id, item_type, item_id) VALUES (?, ?, ?)",
       {transfer_id, std::string(type), item_id});
}

void AddFeedback(store::Connection& conn, std::int64_t transfer_id, std::string_view text,
                 std::string_view at) {
  Exec(conn,
       "INSERT INTO transfer_feedback(transfer_id, text, author_login, author_org, created_at) "
       "VALUES (?, ?, 'bj_jw', '5205-JW', ?)",
       {transfer_id, std::string(text), std::string(at)});
}

std::string ZipEntry(const std::string& zip_bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &error);
  if (source == nullptr) return "";
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    ADD_FAILURE() << "not a zip archive";
    return "";
  }
  std::string out;
  zip_stat_t stat;
  if (zip_stat(archive, name.c_str(), 0, &stat) == 0) {
    zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
    if (file != nullptr) {
      out.resize(stat.size);
      zip_int64_t got = zip_fread(file, out.data(), stat.size);
      if (got < 0) out.clear();
      zip_fclose(file);
    }
  }
  zip_close(archive);
  return out;
}

std::string DocxText(const std::string& docx_bytes) {
  std::string xml = ZipEntry(docx_bytes, "word/document.xml");
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t p_end = xml.find("</w:p>", pos);
    size_t t = xml.find("<w:t", pos);
    if (t == std::string::npos) break;
    if (p_end != std::string::npos && p_end < t) {
      out += '\n';
      pos = p_end + 6;
      continue;
    }
    size_t open_end = xml.find('>', t);
    // <w:tab/>, <w:tbl> … are not text runs.
    if (xml.compare(t, 5, "<w:t>") != 0 && xml.compare(t, 5, "<w:t ") != 0) {
      pos = open_end;
      continue;
    }
    size_t close = xml.find("</w:t>", open_end);
    std::string run = xml.substr(open_end + 1, close - open_end - 1);
    for (auto [entity, ch] : {std::pair<std::string_view, std::string_view>{"&lt;", "<"},
                              {"&gt;", ">"},
                              {"&quot;", "\""},
                              {"&amp;", "&"}}) {
      for (size_t at = run.find(entity); at != std::string::npos; at = run.find(entity, at + 1)) {
        run.replace(at, entity.size(), ch);
      }
    }
    out += run;
    pos = close + 6;
  }
  return out;
}

std::string PdfText(const std::string& pdf_bytes) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("sunlight-letter-" + std::to_string(::getpid()) + "-" +
       std::to_string(reinterpret_cast<std::uintptr_t>(&pdf_bytes)) + ".pdf");
  {
    std::ofstream out(path, std::ios::binary);
    out.write(pdf_bytes.data(), static_cast<std::streamsize>(pdf_bytes.size()));
  }
  std::string command = "pdftotext -enc UTF-8 '" + path.string() + "' - 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), &pclose);
  std::string text;
  if (pipe) {
    std::array<char, 4096> buffer;
    size_t got;
    while ((got = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0)
      text.append(buffer.data(), got);
  }
  std::filesystem::remove(path);
  return text;
}

std::string Squeeze(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f') out += c;
  }
  return out;
}

}  // namespace sunlight::letters_test
