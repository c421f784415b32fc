#include "http/api/share_routes.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "access/access_service.h"
#include "access/audit_log.h"
#include "access/roles.h"
#include "access/scope.h"
#include "http/api/api_paging.h"
#include "http/error_response.h"
#include "http/response.h"
#include "store/result_set.h"
#include "store/transaction.h"

namespace sunlight::http {
namespace {

// How a caller may manage shares: an administrator with manages_users manages every share;
// a commission's supervisor or case handler (the roles with the transfer duty, who work
// with the paired commission) grants and revokes only its own org's shares.
enum class ShareAuthority { kAdministrator, kOwnCommission };

struct OrgRow {
  std::string org_id;
  std::string name;
  std::string kind;
  std::string region_prefix;  // access::RegionPrefix of the org's region code
};

StatusOr<std::optional<OrgRow>> FindOrgRow(store::Connection& conn, std::string_view org_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT name, kind, region_code FROM organizations WHERE org_id = ?", {org_id}));
  if (rs.empty()) return std::optional<OrgRow>();
  return std::optional<OrgRow>(OrgRow{std::string(org_id), rs.at(0, 0).AsText(),
                                      rs.at(0, 1).AsText(),
                                      access::RegionPrefix(rs.at(0, 2).AsText())});
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// One region contains the other (either way round): a pairing of cities covers their
// counties' commissions, and a county pairing is covered by its city's commission.
bool Related(std::string_view a, std::string_view b) {
  return !a.empty() && !b.empty() && (StartsWith(a, b) || StartsWith(b, a));
}

// Whether the ledger's pairings link the two orgs' regions (either side may be the helper).
StatusOr<bool> ArePaired(store::Connection& conn, const OrgRow& from, const OrgRow& to) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT helper_region_code, recipient_region_code FROM pairings", {}));
  for (store::Row row : rs) {
    const std::string helper = access::RegionPrefix(row[0].AsText());
    const std::string recipient = access::RegionPrefix(row[1].AsText());
    if ((Related(from.region_prefix, helper) && Related(to.region_prefix, recipient)) ||
        (Related(from.region_prefix, recipient) && Related(to.region_prefix, helper))) {
      return true;
    }
  }
  return false;
}

Status Forbidden(const ApiContext& ctx, const access::Principal& who, const Request& request,
                 std::string_view action, std::string_view target) {
  ctx.audit(who, request, action, target, "forbidden");
  return PermissionDeniedError("只有安全管理员或纪委监委的监督检查、审查调查人员可以管理共享",
                               "forbidden");
}

// Who is asking and with what authority; 403 "forbidden" (audited) for everyone else.
StatusOr<std::pair<access::Principal, ShareAuthority>> Authorize(const ApiContext& ctx,
                                                                 const Request& request,
                                                                 store::Connection& conn,
                                                                 std::string_view action,
                                                                 std::string_view target) {
  SUNLIGHT_ASSIGN_OR_RETURN(access::Principal who, ctx.authenticate(request));
  if (access::CapabilitiesOf(who.role).manages_users) {
    return std::make_pair(std::move(who), ShareAuthority::kAdministrator);
  }
  if (!access::HasDuty(who.role, access::Duty::kTransfers)) {
    return Forbidden(ctx, who, request, action, target);
  }
  SUNLIGHT_ASSIGN_OR_RETURN(std::optional<OrgRow> org, FindOrgRow(conn, who.org_id));
  if (!org || org->kind != "commission") return Forbidden(ctx, who, request, action, target);
  return std::make_pair(std::move(who), ShareAuthority::kOwnCommission);
}

Status AuditChange(store::Connection& conn, const access::Principal& who, const Request& request,
                   std::string_view action, std::string_view target, nlohmann::json details) {
  access::AuditEntry entry;
  entry.user_id = who.user_id;
  entry.login = who.login;
  entry.role = std::string(access::RoleName(who.role));
  entry.org_id = who.org_id;
  entry.action = std::string(action);
  entry.target = std::string(target);
  entry.outcome = "ok";
  entry.remote_address = request.remote_address;
  entry.details = details.dump();
  return access::AppendAudit(conn, std::move(entry)).status();
}

constexpr std::string_view kShareColumns =
    "s.id, s.from_org_id, fo.name, s.to_org_id, tgt.name, s.region_prefix, r.name, "
    "s.created_by, s.created_at "
    "FROM shares s "
    "LEFT JOIN organizations fo ON fo.org_id = s.from_org_id "
    "LEFT JOIN organizations tgt ON tgt.org_id = s.to_org_id "
    "LEFT JOIN regions r ON r.code = s.region_prefix ";

nlohmann::json ShareJson(const store::ResultSet& rs, size_t row) {
  auto text_or_null = [&](size_t column) -> nlohmann::json {
    return rs.at(row, column).is_null() ? nlohmann::json(nullptr)
                                        : nlohmann::json(rs.at(row, column).AsText());
  };
  return {{"id", rs.at(row, 0).AsInteger()},     {"from_org_id", rs.at(row, 1).AsText()},
          {"from_org_name", text_or_null(2)},    {"to_org_id", rs.at(row, 3).AsText()},
          {"to_org_name", text_or_null(4)},      {"region_prefix", rs.at(row, 5).AsText()},
          {"region_name", text_or_null(6)},      {"created_by", rs.at(row, 7).AsText()},
          {"created_at", rs.at(row, 8).AsText()}};
}

StatusOr<nlohmann::json> ListShares(const ApiContext& ctx, const Request& request,
                                    store::Connection& conn) {
  SUNLIGHT_ASSIGN_OR_RETURN(auto authorized, Authorize(ctx, request, conn, "read.shares", ""));
  const access::Principal& who = authorized.first;
  const ShareAuthority authority = authorized.second;
  SUNLIGHT_ASSIGN_OR_RETURN(Paging paging, ParsePaging(request));
  std::string where = " WHERE 1 = 1";
  std::vector<store::Value> params;
  if (authority == ShareAuthority::kOwnCommission) {
    // A commission sees what it granted and what it received.
    where = " WHERE (s.from_org_id = ? OR s.to_org_id = ?)";
    params = {who.org_id, who.org_id};
  }
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet counted,
                            conn.Query("SELECT COUNT(*) FROM shares s" + where, params));
  std::vector<store::Value> page_params = params;
  page_params.emplace_back(paging.page_size);
  page_params.emplace_back((paging.page - 1) * paging.page_size);
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT " + std::string(kShareColumns) + where + " ORDER BY s.id LIMIT ? OFFSET ?",
                 page_params));
  nlohmann::json items = nlohmann::json::array();
  for (size_t i = 0; i < rs.size(); ++i) items.push_back(ShareJson(rs, i));
  ctx.audit(who, request, "read.shares", "", "ok");
  return nlohmann::json{{"items", std::move(items)},
                        {"total", counted.at(0, 0).AsInteger()},
                        {"page", paging.page},
                        {"page_size", paging.page_size}};
}

struct NewShare {
  std::string from_org_id;  // "" for a commission: its own org
  std::string to_org_id;
  std::string region_prefix;
};

StatusOr<NewShare> ParseNewShare(const Request& request) {
  SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonBody(request));
  if (!body.is_object()) return InvalidArgumentError("请求体须为 JSON 对象", "bad_body");
  NewShare share;
  try {
    share.to_org_id = body.at("to_org_id").get<std::string>();
    share.region_prefix = body.at("region_prefix").get<std::string>();
    share.from_org_id = body.value("from_org_id", "");
  } catch (const nlohmann::json::exception&) {
    return InvalidArgumentError("须提供字符串字段 to_org_id、region_prefix", "bad_body");
  }
  const std::string& prefix = share.region_prefix;
  if (prefix.size() < 2 || prefix.size() > 12 ||
      !std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return InvalidArgumentError("region_prefix 须为 2 至 12 位数字的区划代码前缀",
                                "bad_region_prefix");
  }
  share.region_prefix = access::RegionPrefix(prefix);
  return share;
}

Response AddShareRoute(const ApiContext& ctx, const Request& request) {
  StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect();
  if (!conn.ok()) return ErrorResponse(conn.status());
  auto authorized = Authorize(ctx, request, **conn, "share.add", "");
  if (!authorized.ok()) return ErrorResponse(authorized.status());
  const access::Principal& who = authorized->first;
  const ShareAuthority authority = authorized->second;
  StatusOr<NewShare> share = ParseNewShare(request);
  if (!share.ok()) return ErrorResponse(share.status());
  const std::string target = share->to_org_id + ":" + share->region_prefix;
  auto refuse = [&](const Status& status) {
    ctx.audit(who, request, "share.add", target, status.reason());
    return ErrorResponse(status);
  };

  // A commission grants from its own org; only an administrator names another granting org.
  if (authority == ShareAuthority::kOwnCommission) {
    if (!share->from_org_id.empty() && share->from_org_id != who.org_id) {
      return refuse(PermissionDeniedError("只能以本单位名义共享", "not_own_org"));
    }
    share->from_org_id = who.org_id;
  } else if (share->from_org_id.empty()) {
    return refuse(InvalidArgumentError("安全管理员须指明共享方单位 from_org_id", "bad_body"));
  }
  StatusOr<std::optional<OrgRow>> from = FindOrgRow(**conn, share->from_org_id);
  if (!from.ok()) return ErrorResponse(from.status());
  if (!*from) return refuse(NotFoundError("共享方单位不存在", "org_not_found"));
  StatusOr<std::optional<OrgRow>> to = FindOrgRow(**conn, share->to_org_id);
  if (!to.ok()) return ErrorResponse(to.status());
  if (!*to) return refuse(NotFoundError("接收方单位不存在", "org_not_found"));
  if (share->to_org_id == share->from_org_id) {
    return refuse(InvalidArgumentError("不能与本单位共享", "share_to_self"));
  }
  if (authority == ShareAuthority::kOwnCommission &&
      ((*from)->region_prefix.empty() ||
       !StartsWith(share->region_prefix, (*from)->region_prefix))) {
    return refuse(PermissionDeniedError("只能共享本单位辖区内的区划", "outside_jurisdiction"));
  }
  StatusOr<store::ResultSet> region = (*conn)->Query(
      "SELECT code FROM regions WHERE code LIKE ? LIMIT 1", {share->region_prefix + "%"});
  if (!region.ok()) return ErrorResponse(region.status());
  if (region->empty()) return refuse(NotFoundError("区划代码不存在", "region_not_found"));
  StatusOr<bool> paired = ArePaired(**conn, **from, **to);
  if (!paired.ok()) return ErrorResponse(paired.status());
  if (!*paired) {
    return refuse(PermissionDeniedError("接收方单位不属于与本地区结对的地区", "not_paired"));
  }

  bool created = false;
  StatusOr<store::ResultSet> stored = [&]() -> StatusOr<store::ResultSet> {
    SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, (*conn)->Begin());
    const std::string select =
        "SELECT " + std::string(kShareColumns) + " WHERE s.to_org_id = ? AND s.region_prefix = ?";
    SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet before,
                              (*conn)->Query(select, {share->to_org_id, share->region_prefix}));
    if (!before.empty()) return before;  // granted already: idempotent
    SUNLIGHT_RETURN_IF_ERROR(access::AddShare(**conn, share->from_org_id, share->to_org_id,
                                              share->region_prefix, who.login));
    SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet after,
                              (*conn)->Query(select, {share->to_org_id, share->region_prefix}));
    SUNLIGHT_RETURN_IF_ERROR(AuditChange(**conn, who, request, "share.add",
                                         std::to_string(after.at(0, 0).AsInteger()),
                                         {{"from_org_id", share->from_org_id},
                                          {"to_org_id", share->to_org_id},
                                          {"region_prefix", share->region_prefix}}));
    SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
    created = true;
    return after;
  }();
  if (!stored.ok()) return refuse(stored.status());
  return JsonResponse(created ? 201 : 200, ShareJson(*stored, 0));
}

Response DeleteShareRoute(const ApiContext& ctx, const Request& request) {
  const std::string id_text(request.Param("id"));
  StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect();
  if (!conn.ok()) return ErrorResponse(conn.status());
  auto authorized = Authorize(ctx, request, **conn, "share.delete", id_text);
  if (!authorized.ok()) return ErrorResponse(authorized.status());
  const access::Principal& who = authorized->first;
  const ShareAuthority authority = authorized->second;
  auto refuse = [&](const Status& status) {
    ctx.audit(who, request, "share.delete", id_text, status.reason());
    return ErrorResponse(status);
  };
  std::int64_t id = 0;
  if (id_text.empty() || id_text.size() > 18 ||
      !std::all_of(id_text.begin(), id_text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return refuse(NotFoundError("共享不存在", "share_not_found"));
  }
  id = std::stoll(id_text);
  Status deleted = [&]() -> Status {
    SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, (*conn)->Begin());
    SUNLIGHT_ASSIGN_OR_RETURN(
        store::ResultSet rs,
        (*conn)->Query("SELECT from_org_id, to_org_id, region_prefix FROM shares WHERE id = ?",
                       {id}));
    if (rs.empty()) return NotFoundError("共享不存在", "share_not_found");
    // Only the granting side revokes: the receiver cannot widen or keep what it was given,
    // and withdrawing is the grantor's decision.
    if (authority == ShareAuthority::kOwnCommission && rs.at(0, 0).AsText() != who.org_id) {
      return PermissionDeniedError("只能撤销本单位发起的共享", "not_own_share");
    }
    SUNLIGHT_RETURN_IF_ERROR((*conn)->Execute("DELETE FROM shares WHERE id = ?", {id}));
    SUNLIGHT_RETURN_IF_ERROR(AuditChange(**conn, who, request, "share.delete", id_text,
                                         {{"from_org_id", rs.at(0, 0).AsText()},
                                          {"to_org_id", rs.at(0, 1).AsText()},
                                          {"region_prefix", rs.at(0, 2).AsText()}}));
    return tx.Commit();
  }();
  if (!deleted.ok()) return refuse(deleted);
  return JsonResponse(200, {{"id", id}, {"deleted", true}});
}

}  // namespace

void RegisterShareRoutes(Router& router, const ApiContext& ctx) {
  router.Get("/api/v1/shares", [ctx](const Request& request) {
    StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect();
    if (!conn.ok()) return ErrorResponse(conn.status());
    StatusOr<nlohmann::json> page = ListShares(ctx, request, **conn);
    if (!page.ok()) return ErrorResponse(page.status());
    return JsonResponse(200, *page);
  });
  router.Post("/api/v1/shares",
              [ctx](const Request& request) { return AddShareRoute(ctx, request); });
  router.Delete("/api/v1/shares/{id}",
                [ctx](const Request& request) { return DeleteShareRoute(ctx, request); });
}

}  // namespace sunlight::http
