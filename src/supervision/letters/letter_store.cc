#include "supervision/letters/letter_store.h"

#include <openssl/evp.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/timestamp.h"
#include "store/transaction.h"
#include "supervision/letters/docx_writer.h"
#include "supervision/letters/letter_numbering.h"
#include "supervision/letters/pdf_writer.h"
#include "supervision/list_query.h"
#include "supervision/workflow_events.h"

namespace sunlight::supervision::letters {
namespace {

constexpr std::string_view kColumns =
    "l.id, l.kind, l.number, l.year, l.seq, l.issuing_org_id, l.issuer_name, l.recipient_org_id, "
    "l.recipient_name, l.region_code, l.source_type, l.source_id, l.title, l.body, l.issued_on, "
    "l.created_by, l.created_at, "
    "(SELECT MAX(a.id) FROM attachments a WHERE a.owner_type = 'letter' AND a.owner_id = l.id "
    "AND a.content_type = 'application/pdf') AS pdf_id";

StatusOr<LetterRecord> FromRow(const store::Row& row) {
  LetterRecord l;
  l.id = row[0].AsInteger();
  SUNLIGHT_ASSIGN_OR_RETURN(l.kind, ParseLetterKind(row[1].AsText()));
  l.number = row[2].AsText();
  l.year = static_cast<int>(row[3].AsInteger());
  l.seq = row[4].AsInteger();
  l.issuing_org_id = row[5].AsText();
  l.issuer_name = row[6].AsText();
  l.recipient_org_id = row[7].AsText();
  l.recipient_name = row[8].AsText();
  l.region_code = row[9].AsText();
  l.source_type = row[10].AsText();
  l.source_id = row[11].AsInteger();
  l.title = row[12].AsText();
  l.body_json = row[13].AsText();
  l.issued_on = row[14].AsText();
  l.created_by = row[15].AsText();
  l.created_at = row[16].AsText();
  if (!row[17].is_null()) l.pdf_attachment_id = row[17].AsInteger();
  return l;
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

StatusOr<LetterRecord> FindByNumber(store::Connection& conn, std::string_view number) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query(fmt::format("SELECT {} FROM letters l WHERE l.number = ?", kColumns),
                 {std::string(number)}));
  if (rs.empty()) return NotFoundError("文书不存在", "letter_not_found");
  return FromRow(rs.row(0));
}

}  // namespace

StatusOr<LetterRecord> IssueLetter(store::Connection& conn, const LetterRequest& request,
                                   const Actor& actor) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin(store::TransactionKind::kWrite));
  SUNLIGHT_ASSIGN_OR_RETURN(LetterDraft draft, ComposeLetter(conn, request, actor));
  const int year = draft.issued_on.year();
  LetterNumber number;
  if (!draft.fixed_number.empty()) {
    StatusOr<LetterRecord> existing = FindByNumber(conn, draft.fixed_number);
    if (existing.ok()) {
      if (existing->kind == LetterKind::kTransferLetter && existing->source_type == "transfer" &&
          existing->source_id == draft.source_id) {
        return existing;  // re-issued: the same letter (the transaction rolls back, unchanged)
      }
      return AlreadyExistsError(fmt::format("文号 {} 已被其他文书使用", draft.fixed_number),
                                "letter_number_taken");
    }
    if (existing.status().code() != StatusCode::kNotFound) return existing.status();
    number.text = draft.fixed_number;
  } else {
    SUNLIGHT_ASSIGN_OR_RETURN(number, NextLetterNumber(conn, draft.issuing_org_id, year));
  }

  nlohmann::json body = {
      {"paragraphs", draft.paragraphs},
      {"items",
       nlohmann::json::parse(draft.items_json.empty() ? std::string("[]") : draft.items_json)},
      {"issued_on", draft.issued_on.ToString()}};
  const std::string now = store::TimestampNow();
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet inserted,
      conn.Query("INSERT INTO letters(kind, number, year, seq, issuing_org_id, issuer_name, "
                 "recipient_org_id, recipient_name, region_code, source_type, source_id, title, "
                 "body, issued_on, created_by, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {std::string(LetterKindName(draft.kind)), number.text, year, number.seq,
                  draft.issuing_org_id, draft.issuer_name, draft.recipient_org_id,
                  draft.recipient_name, draft.region_code, draft.source_type, draft.source_id,
                  draft.title, body.dump(), draft.issued_on.ToString(), actor.login, now}));
  if (inserted.empty()) return InternalError("保存文书失败", "letter_insert_failed");
  const std::int64_t id = inserted.at(0, 0).AsInteger();

  LetterDocument doc{draft.issuer_name,    number.text,      draft.title,
                     draft.recipient_name, draft.paragraphs, draft.issued_on};
  SUNLIGHT_ASSIGN_OR_RETURN(std::string pdf, RenderPdf(doc));
  store::Blob content(pdf.begin(), pdf.end());
  SUNLIGHT_RETURN_IF_ERROR(conn.Execute(
      "INSERT INTO attachments(owner_type, owner_id, file_name, content_type, size_bytes, sha256, "
      "content, created_by, created_at) VALUES ('letter', ?, ?, 'application/pdf', ?, ?, ?, ?, ?)",
      {id, number.text + ".pdf", static_cast<std::int64_t>(pdf.size()), Sha256Hex(pdf),
       std::move(content), actor.login, now}));
  nlohmann::json details = {{"kind", LetterKindName(draft.kind)},
                            {"number", number.text},
                            {"source_type", draft.source_type},
                            {"source_id", draft.source_id}};
  SUNLIGHT_RETURN_IF_ERROR(
      RecordEvent(conn, "letter", id, "", "issued", actor, "issued", details.dump()));
  SUNLIGHT_ASSIGN_OR_RETURN(LetterRecord record, GetLetter(conn, id));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return record;
}

StatusOr<LetterRecord> GetLetter(store::Connection& conn, std::int64_t id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query(fmt::format("SELECT {} FROM letters l WHERE l.id = ?", kColumns), {id}));
  if (rs.empty()) return NotFoundError(fmt::format("文书 {} 不存在", id), "letter_not_found");
  return FromRow(rs.row(0));
}

StatusOr<LetterPage> ListLetters(store::Connection& conn, const LetterFilter& filter) {
  std::string where = "1 = 1";
  std::vector<store::Value> params;
  if (!filter.region_prefixes.empty()) {
    where += " AND " + RegionPrefixClause("l.region_code", filter.region_prefixes, params);
  }
  if (!filter.kind.empty()) {
    where += " AND l.kind = ?";
    params.emplace_back(filter.kind);
  }
  if (filter.source_id != 0) {
    where += " AND l.source_type = ? AND l.source_id = ?";
    params.emplace_back(filter.source_type);
    params.emplace_back(filter.source_id);
  }
  SUNLIGHT_ASSIGN_OR_RETURN(RowPage rows, QueryPage(conn, {.columns = std::string(kColumns),
                                                           .from = "letters l",
                                                           .where = where,
                                                           .params = std::move(params),
                                                           .order_by = "l.id DESC",
                                                           .offset = filter.offset,
                                                           .limit = filter.limit}));
  LetterPage page;
  page.total = rows.total;
  for (store::Row row : rows.rows) {
    SUNLIGHT_ASSIGN_OR_RETURN(LetterRecord l, FromRow(row));
    page.letters.push_back(std::move(l));
  }
  return page;
}

StatusOr<std::string> LetterPdf(store::Connection& conn, const LetterRecord& letter) {
  if (!letter.pdf_attachment_id) {
    return NotFoundError("文书的 PDF 存档不存在", "letter_pdf_missing");
  }
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT content FROM attachments WHERE id = ?", {*letter.pdf_attachment_id}));
  if (rs.empty()) return NotFoundError("文书的 PDF 存档不存在", "letter_pdf_missing");
  const store::Value& v = rs.at(0, 0);
  if (v.type() == store::ValueType::kBlob) {
    return std::string(v.blob().begin(), v.blob().end());
  }
  return v.AsText();
}

StatusOr<std::string> LetterDocx(const LetterRecord& letter) {
  SUNLIGHT_ASSIGN_OR_RETURN(LetterDocument doc, DocumentOf(letter));
  return RenderDocx(doc);
}

}  // namespace sunlight::supervision::letters
