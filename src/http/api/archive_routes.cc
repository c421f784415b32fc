#include "http/api/archive_routes.h"

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "access/crypto.h"
#include "access/masking.h"
#include "http/api/api_paging.h"
#include "http/api/ledger_handler.h"
#include "http/api/workflow_http.h"
#include "http/api/xlsx_export.h"
#include "http/error_response.h"
#include "supervision/archives.h"

namespace sunlight::http {
namespace {

using nlohmann::json;

// The home commission and the host commission both see a cadre's archive (前后方联动): it is
// visible when any of its postings' home or host org regions is in the user's scope.
bool MaySee(const access::Principal& who, const std::vector<std::string>& regions) {
  for (const std::string& r : regions) {
    if (who.scope.Allows(r)) return true;
  }
  return false;
}

// The list's handle of an archive, so that a row can be opened although it shows the ID number
// masked: "k" + 32 hex of HMAC-SHA256(ID number) under a key drawn when the server starts. An
// unkeyed hash would be no disguise (a masked number leaves only the birth date to guess), a
// key in the store would need a migration; the cost of this one is that a key read before a
// restart no longer opens anything (404: open the list again).
std::string ArchiveKey(const std::string& id_number) {
  static const access::Bytes kSecret = access::RandomBytes(32);
  const access::Bytes mac = access::Hmac(access::HmacHash::kSha256, kSecret,
                                         access::Bytes(id_number.begin(), id_number.end()));
  return "k" + access::HexEncode(mac).substr(0, 32);
}

bool LooksLikeArchiveKey(std::string_view id) {
  if (id.size() != 33 || id[0] != 'k') return false;
  for (char c : id.substr(1)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// The cadre's ID number behind the path's {id}: the full ID number itself, or a list key.
StatusOr<std::string> IdNumberOf(store::Connection& conn, std::string_view id) {
  if (!LooksLikeArchiveKey(id)) return std::string(id);
  SUNLIGHT_ASSIGN_OR_RETURN(std::vector<supervision::ArchiveSummary> all,
                            supervision::ListArchives(conn));
  for (const supervision::ArchiveSummary& s : all) {
    if (access::ConstantTimeEquals(ArchiveKey(s.id_number), id)) return s.id_number;
  }
  return NotFoundError("档案链接已失效或不存在，请从档案列表重新打开", "archive_not_found");
}

json PostingJson(const access::Principal& who, const supervision::Posting& p) {
  (void)who;
  return {{"home_org_id", p.home_org_id},
          {"home_org_name", p.home_org_name},
          {"home_region_code", p.home_region},
          {"host_org_id", p.host_org_id},
          {"host_org_name", p.host_org_name},
          {"host_region_code", p.host_region},
          {"host_position", p.host_position},
          {"start_date", p.start_date},
          {"end_date", p.end_date.empty() ? json(nullptr) : json(p.end_date)},
          {"batch", p.batch.empty() ? json(nullptr) : json(p.batch)}};
}

// One row of the Excel export (?format=xlsx): the latest posting spread into columns, masked
// as the JSON list is; no key (it opens nothing outside this server process). Columns are
// headed by xlsx_export's ColumnHeader, which reads "name" as an org's name and knows no
// posting dates: those three columns are keyed by their Chinese header directly.
json ExportRow(const access::Principal& who, const supervision::ArchiveSummary& s) {
  const supervision::Posting& p = s.latest;
  return {{"姓名", access::NameFor(who.scope, s.name)},
          {"id_number", access::MaskIdNumber(s.id_number)},
          {"home_org_name", p.home_org_name},
          {"host_org_name", p.host_org_name},
          {"host_position", p.host_position},
          {"挂职开始日期", p.start_date},
          {"挂职结束日期", p.end_date.empty() ? json(nullptr) : json(p.end_date)},
          {"archive_last_updated", s.last_updated.empty() ? json(nullptr) : json(s.last_updated)}};
}

StatusOr<json> List(const ApiContext& ctx, const access::Principal& who, const Request& request,
                    store::Connection& conn) {
  SUNLIGHT_ASSIGN_OR_RETURN(Paging paging, ParsePaging(request));
  const std::string region(request.Query("region").value_or(""));
  const std::string format(request.Query("format").value_or("json"));
  if (format != "json" && format != "xlsx") {
    return InvalidArgumentError("参数 format 无效：须为 json 或 xlsx", "invalid_format");
  }
  // The export holds every visible row (HandleLedgerRequest writes the workbook and audits it).
  const bool export_xlsx = format == "xlsx";
  SUNLIGHT_ASSIGN_OR_RETURN(std::vector<supervision::ArchiveSummary> all,
                            supervision::ListArchives(conn));
  json items = json::array();
  std::int64_t total = 0;
  const std::int64_t first = (paging.page - 1) * paging.page_size;
  for (const supervision::ArchiveSummary& s : all) {
    if (!MaySee(who, s.regions)) continue;
    if (!region.empty()) {
      bool in_region = false;
      for (const std::string& r : s.regions) in_region = in_region || r.starts_with(region);
      if (!in_region) continue;
    }
    if (export_xlsx) {
      items.push_back(ExportRow(who, s));
    } else if (total >= first && total < first + paging.page_size) {
      items.push_back(
          {{"key", ArchiveKey(s.id_number)},
           {"id_number", access::MaskIdNumber(s.id_number)},
           {"name", access::NameFor(who.scope, s.name)},
           {"latest_posting", PostingJson(who, s.latest)},
           {"last_updated", s.last_updated.empty() ? json(nullptr) : json(s.last_updated)},
           {"has_archive", !s.last_updated.empty()}});
    }
    ++total;
  }
  if (export_xlsx) {
    if (total > MaxExportRows()) return ExportTooLarge(total);
    return json{{"items", std::move(items)}, {"total", total}, {"export", "xlsx"}};
  }
  // The list names persons: the read is audited.
  ctx.audit(who, request, "read.archives", "list", "ok");
  return json{{"items", std::move(items)},
              {"total", total},
              {"page", paging.page},
              {"page_size", paging.page_size}};
}

StatusOr<supervision::Archive> Visible(const ApiContext& ctx, const access::Principal& who,
                                       const Request& request, store::Connection& conn,
                                       std::string_view action) {
  SUNLIGHT_ASSIGN_OR_RETURN(const std::string id, IdNumberOf(conn, request.Param("id")));
  SUNLIGHT_ASSIGN_OR_RETURN(supervision::Archive archive, supervision::LoadArchive(conn, id));
  if (!MaySee(who, supervision::VisibleRegions(archive))) {
    ctx.audit(who, request, action, access::MaskIdNumber(id), "outside_jurisdiction");
    return ledger::OutsideJurisdiction();
  }
  return archive;
}

json ArchiveJson(const access::Principal& who, const supervision::Archive& a) {
  json postings = json::array();
  for (const supervision::Posting& p : a.postings) postings.push_back(PostingJson(who, p));
  json entries = json::array();
  for (const supervision::ArchiveEntry& e : a.entries) {
    entries.push_back({{"source", e.source},
                       {"id", e.id},
                       {"kind", e.kind},
                       {"kind_label", std::string(supervision::ArchiveEntryKindLabel(e.kind))},
                       {"entry_on", e.entry_on},
                       {"title", e.title},
                       {"content", e.content},
                       {"created_by", e.created_by.empty() ? json(nullptr) : json(e.created_by)}});
  }
  return {{"key", ArchiveKey(a.id_number)},
          {"id_number", access::MaskIdNumber(a.id_number)},
          {"name", access::NameFor(who.scope, a.name)},
          {"created_date", a.created_date.empty() ? json(nullptr) : json(a.created_date)},
          {"last_updated", a.last_updated.empty() ? json(nullptr) : json(a.last_updated)},
          {"postings", std::move(postings)},
          {"entries", std::move(entries)},
          {"visible_to_regions", supervision::VisibleRegions(a)}};
}

StatusOr<json> GetOne(const ApiContext& ctx, const access::Principal& who, const Request& request,
                      store::Connection& conn) {
  SUNLIGHT_ASSIGN_OR_RETURN(supervision::Archive archive,
                            Visible(ctx, who, request, conn, "read.archive"));
  ctx.audit(who, request, "read.archive", access::MaskIdNumber(archive.id_number), "ok");
  return ArchiveJson(who, archive);
}

Response AddEntry(const ApiContext& ctx, const access::Principal& who, const Request& request,
                  store::Connection& conn) {
  if (Status s = RequireDuty(who, access::Duty::kArchives); !s.ok()) return ErrorResponse(s);
  StatusOr<supervision::Archive> archive = Visible(ctx, who, request, conn, "add.archive_entry");
  if (!archive.ok()) return ErrorResponse(archive.status());
  const json body = json::parse(request.body, nullptr, false);
  if (!body.is_object())
    return ErrorResponse(InvalidArgumentError("请求体应为 JSON 对象", "bad_body"));
  supervision::EntryDraft entry;
  try {
    entry.kind = body.value("kind", "");
    entry.entry_on = body.value("entry_on", "");
    entry.title = body.value("title", "");
    entry.content = body.value("content", "");
  } catch (const json::exception&) {
    return ErrorResponse(
        InvalidArgumentError("字段 kind、entry_on、title、content 应为字符串", "bad_body"));
  }
  const std::string target = access::MaskIdNumber(archive->id_number);
  StatusOr<std::int64_t> id =
      supervision::AddArchiveEntry(conn, archive->id_number, entry, ActorOf(who));
  ctx.audit(who, request, "add.archive_entry", target, id.ok() ? "ok" : id.status().reason());
  if (!id.ok()) return ErrorResponse(id.status());
  StatusOr<supervision::Archive> after = supervision::LoadArchive(conn, archive->id_number);
  if (!after.ok()) return ErrorResponse(after.status());
  return JsonResponse(201, {{"entry_id", *id}, {"archive", ArchiveJson(who, *after)}});
}

}  // namespace

void RegisterArchiveRoutes(Router& router, const ApiContext& ctx) {
  router.Get("/api/v1/archives", [ctx](const Request& request) {
    return ledger::HandleLedgerRequest(
        ctx, request,
        [&](const access::Principal& who, const Request& req, store::Connection& conn) {
          return List(ctx, who, req, conn);
        });
  });
  router.Get("/api/v1/archives/{id}", [ctx](const Request& request) {
    return ledger::HandleLedgerRequest(
        ctx, request,
        [&](const access::Principal& who, const Request& req, store::Connection& conn) {
          return GetOne(ctx, who, req, conn);
        });
  });
  router.Post("/api/v1/archives/{id}/entries", [ctx](const Request& request) -> Response {
    if (!ctx.authenticate)
      return ErrorResponse(UnauthenticatedError("请先登录", "unauthenticated"));
    StatusOr<access::Principal> who = ctx.authenticate(request);
    if (!who.ok()) return ErrorResponse(who.status());
    StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect();
    if (!conn.ok()) return ErrorResponse(conn.status());
    return AddEntry(ctx, *who, request, **conn);
  });
}

}  // namespace sunlight::http
