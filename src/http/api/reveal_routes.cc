#include "http/api/reveal_routes.h"

#include <nlohmann/json.hpp>

#include "access/access_service.h"
#include "http/error_response.h"
#include "http/response.h"

namespace sunlight::http {
namespace {

struct RevealRequest {
  std::string kind;
  std::string type;
  std::string id;
  std::string reason;
  std::string password;
};

struct PersonalValues {
  std::string region_code;
  std::string id_number;
  std::string account_no;
};

StatusOr<RevealRequest> Parse(const Request& request) {
  SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonBody(request));
  RevealRequest r;
  try {
    r.kind = body.at("kind").get<std::string>();
    r.type = body.at("record").at("type").get<std::string>();
    r.id = body.at("record").at("id").get<std::string>();
    r.reason = body.value("reason", "");
    r.password = body.value("password", "");
  } catch (const nlohmann::json::exception&) {
    return InvalidArgumentError(
        "须提供 kind、record.type、record.id（字符串），以及 reason 和 password", "bad_body");
  }
  if (r.kind != "id_number" && r.kind != "account_no") {
    return InvalidArgumentError("kind 须为 id_number 或 account_no", "bad_kind");
  }
  if (r.type != "household" && r.type != "payment") {
    return InvalidArgumentError("record.type 须为 household 或 payment", "bad_record_type");
  }
  return r;
}

StatusOr<PersonalValues> Lookup(store::Connection& conn, const RevealRequest& r) {
  store::ResultSet rs;
  if (r.type == "household") {
    SUNLIGHT_ASSIGN_OR_RETURN(
        rs, conn.Query("SELECT village_code, head_id_number, subsidy_account FROM households "
                       "WHERE household_id = ?",
                       {r.id}));
  } else {
    // A payment's region: its household's village, else the payer's region (decisions.md 15).
    SUNLIGHT_ASSIGN_OR_RETURN(
        rs, conn.Query("SELECT COALESCE(h.village_code, o.region_code), p.payee_id, "
                       "p.payee_account FROM payments p "
                       "LEFT JOIN households h ON h.household_id = p.household_id "
                       "LEFT JOIN organizations o ON o.org_id = p.payer_org_id "
                       "WHERE p.payment_id = ?",
                       {r.id}));
  }
  if (rs.empty()) return NotFoundError("记录不存在", "record_not_found");
  return PersonalValues{rs.at(0, 0).AsText(), rs.at(0, 1).AsText(), rs.at(0, 2).AsText()};
}

Response Reveal(const ApiContext& ctx, const Request& request) {
  StatusOr<access::Principal> who = ctx.authenticate(request);
  if (!who.ok()) return ErrorResponse(who.status());
  StatusOr<RevealRequest> r = Parse(request);
  if (!r.ok()) return ErrorResponse(r.status());
  const std::string action = "reveal." + r->kind;
  const std::string target = r->type + ":" + r->id;
  auto refuse = [&](const Status& status) {
    Status written =
        ctx.access->Audit(&*who, request.remote_address, action, target, status.reason(),
                          nlohmann::json{{"reason", r->reason}}.dump());
    return ErrorResponse(written.ok() ? status : written);
  };
  if (!who->scope.may_reveal_personal_data) {
    return refuse(PermissionDeniedError("当前角色无权查看完整的个人信息", "forbidden"));
  }
  StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect();
  if (!conn.ok()) return ErrorResponse(conn.status());
  StatusOr<PersonalValues> values = Lookup(**conn, *r);
  if (!values.ok()) return refuse(values.status());
  if (!who->scope.Allows(values->region_code)) {
    return refuse(PermissionDeniedError("该记录不在本单位的监督范围内", "outside_jurisdiction"));
  }
  if (r->reason.size() < 4) {
    return refuse(InvalidArgumentError("请说明查看的事由", "missing_reason"));
  }
  if (Status reauth = ctx.access->Reauthenticate(*who, r->password, request.remote_address);
      !reauth.ok()) {
    return refuse(reauth);
  }
  const std::string& value = r->kind == "id_number" ? values->id_number : values->account_no;
  if (value.empty()) return refuse(NotFoundError("该记录没有此项信息", "no_value"));
  Status written = ctx.access->Audit(&*who, request.remote_address, action, target, "ok",
                                     nlohmann::json{{"reason", r->reason}}.dump());
  // No audit record, no reveal.
  if (!written.ok()) return ErrorResponse(written);
  return JsonResponse(
      200, {{"kind", r->kind}, {"record", {{"type", r->type}, {"id", r->id}}}, {"value", value}});
}

}  // namespace

void RegisterRevealRoutes(Router& router, const ApiContext& ctx) {
  router.Post("/api/v1/reveal", [ctx](const Request& request) { return Reveal(ctx, request); });
}

}  // namespace sunlight::http
