#include "http/api/letter_routes.h"

#include <fmt/format.h>

#include <cctype>
#include <memory>
#include <string>

#include "http/api/api_paging.h"
#include "http/api/list_export.h"
#include "http/api/workflow_http.h"
#include "http/error_response.h"
#include "supervision/letters/letter_store.h"

namespace sunlight::http {
namespace {

namespace letters = supervision::letters;

nlohmann::json LetterJson(const letters::LetterRecord& l) {
  nlohmann::json body = nlohmann::json::parse(l.body_json, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) body = nullptr;
  const std::string base = fmt::format("/api/v1/letters/{}", l.id);
  return {{"id", l.id},
          {"kind", letters::LetterKindName(l.kind)},
          {"kind_name", letters::LetterKindTitle(l.kind)},
          {"number", l.number},
          {"year", l.year},
          {"seq", l.seq},
          {"issuing_org_id", l.issuing_org_id},
          {"issuer_name", l.issuer_name},
          {"recipient_org_id", l.recipient_org_id},
          {"recipient_name", l.recipient_name},
          {"region_code", l.region_code},
          {"source_type", l.source_type},
          {"source_id", l.source_id},
          {"title", l.title},
          {"body", body},
          {"issued_on", l.issued_on},
          {"created_by", l.created_by},
          {"created_at", l.created_at},
          {"pdf_attachment_id",
           l.pdf_attachment_id ? nlohmann::json(*l.pdf_attachment_id) : nlohmann::json(nullptr)},
          {"files", {{"docx", base + "/docx"}, {"pdf", base + "/pdf"}}}};
}

// RFC 5987 / 6266: an ASCII fallback name and the UTF-8 number, percent-encoded.
std::string ContentDisposition(const letters::LetterRecord& l, std::string_view ext) {
  std::string encoded;
  for (unsigned char c : l.number + "." + std::string(ext)) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      encoded += fmt::format("%{:02X}", c);
    }
  }
  return fmt::format("attachment; filename=\"letter-{}.{}\"; filename*=UTF-8''{}", l.id, ext,
                     encoded);
}

// WithSession, plus what the letter routes add: their work may fail with a Status (written
// with SUNLIGHT_ASSIGN_OR_RETURN), answered as the error body.
template <typename Work>
Response Handle(const ApiContext& ctx, const Request& request, Work work) {
  return WithSession(ctx, request, [&work](const access::Principal& who, store::Connection& conn) {
    StatusOr<Response> response = work(who, conn);
    if (!response.ok()) return ErrorResponse(response.status());
    return std::move(*response);
  });
}

void Audit(const ApiContext& ctx, const access::Principal& who, const Request& request,
           std::string_view action, std::string_view target, std::string_view outcome) {
  if (ctx.audit) ctx.audit(who, request, action, target, outcome);
}

StatusOr<letters::LetterRequest> ParseIssueRequest(const Request& request,
                                                   const access::Principal& who) {
  SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonBody(request));
  if (!body.is_object()) return InvalidArgumentError("请求体应为 JSON 对象", "bad_letter_request");
  letters::LetterRequest out;
  if (!body.contains("kind") || !body["kind"].is_string()) {
    return InvalidArgumentError("缺少文书类型 kind", "bad_letter_kind");
  }
  SUNLIGHT_ASSIGN_OR_RETURN(out.kind, letters::ParseLetterKind(body["kind"].get<std::string>()));
  if (body.contains("source_id")) {
    if (!body["source_id"].is_number_integer()) {
      return InvalidArgumentError("source_id 应为整数", "bad_letter_request");
    }
    out.source_ids.push_back(body["source_id"].get<std::int64_t>());
  }
  if (body.contains("source_ids")) {
    if (!body["source_ids"].is_array()) {
      return InvalidArgumentError("source_ids 应为整数数组", "bad_letter_request");
    }
    for (const auto& id : body["source_ids"]) {
      if (!id.is_number_integer()) {
        return InvalidArgumentError("source_ids 应为整数数组", "bad_letter_request");
      }
      out.source_ids.push_back(id.get<std::int64_t>());
    }
  }
  if (body.contains("recipient_org_id") && body["recipient_org_id"].is_string()) {
    out.recipient_org_id = body["recipient_org_id"].get<std::string>();
  }
  if (body.contains("issued_on") && body["issued_on"].is_string()) {
    SUNLIGHT_ASSIGN_OR_RETURN(out.issued_on, Date::Parse(body["issued_on"].get<std::string>()));
  }
  access::RecordScope scope = who.scope;
  out.in_jurisdiction = [scope](std::string_view region) { return scope.Allows(region); };
  return out;
}

StatusOr<letters::LetterRecord> LoadInScope(const ApiContext& ctx, const access::Principal& who,
                                            const Request& request, store::Connection& conn,
                                            std::string_view action) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id,
                            RecordIdParam(request, "文书不存在", "letter_not_found"));
  SUNLIGHT_ASSIGN_OR_RETURN(letters::LetterRecord letter, letters::GetLetter(conn, id));
  if (!who.scope.Allows(letter.region_code)) {
    Audit(ctx, who, request, action, std::to_string(id), "outside_jurisdiction");
    return PermissionDeniedError("该文书不在您的管辖范围内", "outside_jurisdiction");
  }
  return letter;
}

}  // namespace

void RegisterLetterRoutes(Router& router, const ApiContext& ctx) {
  router.Post("/api/v1/letters", [ctx](const Request& request) {
    return Handle(
        ctx, request,
        [&](const access::Principal& who, store::Connection& conn) -> StatusOr<Response> {
          SUNLIGHT_RETURN_IF_ERROR(RequireDuty(who, access::Duty::kLetters));
          SUNLIGHT_ASSIGN_OR_RETURN(letters::LetterRequest issue, ParseIssueRequest(request, who));
          StatusOr<letters::LetterRecord> letter = letters::IssueLetter(conn, issue, ActorOf(who));
          if (!letter.ok()) {
            if (letter.status().reason() == "outside_jurisdiction") {
              Audit(ctx, who, request, "issue.letter", "", "outside_jurisdiction");
            }
            return letter.status();
          }
          Audit(ctx, who, request, "issue.letter", std::to_string(letter->id), "ok");
          return JsonResponse(201, LetterJson(*letter));
        });
  });
  router.Get("/api/v1/letters", [ctx](const Request& request) {
    return Handle(ctx, request,
                  [&](const access::Principal& who, store::Connection& conn) -> StatusOr<Response> {
                    letters::LetterFilter filter;
                    filter.region_prefixes = who.scope.region_prefixes;
                    if (auto kind = request.Query("kind"); kind && !kind->empty()) {
                      SUNLIGHT_RETURN_IF_ERROR(letters::ParseLetterKind(*kind).status());
                      filter.kind = std::string(*kind);
                    }
                    if (auto type = request.Query("source_type"); type) filter.source_type = *type;
                    if (auto source = request.Query("source_id"); source) {
                      std::optional<std::int64_t> id = ParseRecordId(*source);
                      if (!id)
                        return InvalidArgumentError("source_id 应为正整数", "invalid_source_id");
                      filter.source_id = *id;
                    }
                    return ListOrExport(
                        ctx, who, request, "letters", /*read_action=*/"",
                        [&](std::int64_t page, std::int64_t page_size) -> StatusOr<ListPage> {
                          ListPage out;
                          // Deny by default: a role without jurisdiction (administrators) sees no
                          // letters.
                          if (filter.region_prefixes.empty()) return out;
                          filter.limit = static_cast<int>(page_size);
                          filter.offset = static_cast<int>((page - 1) * page_size);
                          SUNLIGHT_ASSIGN_OR_RETURN(letters::LetterPage rows,
                                                    letters::ListLetters(conn, filter));
                          out.total = rows.total;
                          for (const auto& l : rows.letters) {
                            nlohmann::json item = LetterJson(l);
                            item.erase("body");  // lists show the header; GET one for the text
                            out.items.push_back(std::move(item));
                          }
                          return out;
                        });
                  });
  });
  router.Get("/api/v1/letters/{id}", [ctx](const Request& request) {
    return Handle(ctx, request,
                  [&](const access::Principal& who, store::Connection& conn) -> StatusOr<Response> {
                    SUNLIGHT_ASSIGN_OR_RETURN(letters::LetterRecord letter,
                                              LoadInScope(ctx, who, request, conn, "read.letter"));
                    // The body may name persons (被反映人): the read is audited.
                    Audit(ctx, who, request, "read.letter", std::to_string(letter.id), "ok");
                    return JsonResponse(200, LetterJson(letter));
                  });
  });
  for (std::string_view ext : {"docx", "pdf"}) {
    router.Get(fmt::format("/api/v1/letters/{{id}}/{}", ext), [ctx, ext](const Request& request) {
      return Handle(
          ctx, request,
          [&](const access::Principal& who, store::Connection& conn) -> StatusOr<Response> {
            SUNLIGHT_ASSIGN_OR_RETURN(letters::LetterRecord letter,
                                      LoadInScope(ctx, who, request, conn, "download.letter"));
            StatusOr<std::string> bytes =
                ext == "pdf" ? letters::LetterPdf(conn, letter) : letters::LetterDocx(letter);
            if (!bytes.ok()) return bytes.status();
            Audit(ctx, who, request, "download.letter", fmt::format("{}.{}", letter.id, ext), "ok");
            Response response;
            response.status = 200;
            response.content_type =
                ext == "pdf"
                    ? "application/pdf"
                    : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            response.SetHeader("Content-Disposition", ContentDisposition(letter, ext));
            response.body = std::move(*bytes);
            return response;
          });
    });
  }
}

}  // namespace sunlight::http
