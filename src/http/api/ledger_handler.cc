#include "http/api/ledger_handler.h"

#include <algorithm>
#include <string>

#include "http/api/workflow_http.h"
#include "http/api/xlsx_export.h"
#include "http/error_response.h"

namespace sunlight::http::ledger {
namespace {

// The collection of a list export: the path segment after /api/v1/ ("payments").
std::string ExportCollection(const Request& request) {
  std::string_view path = request.path;
  path.remove_prefix(std::min(path.size(), std::string_view("/api/v1/").size()));
  return std::string(path.substr(0, path.find('/')));
}

// "?region=52&format=xlsx": what was exported, as the audit target.
std::string_view QueryOf(const Request& request) {
  const size_t at = request.target.find('?');
  return at == std::string::npos ? std::string_view() : std::string_view(request.target).substr(at);
}

}  // namespace

Response HandleLedgerRequest(const ApiContext& ctx, const Request& request,
                             const LedgerWork& work) {
  return WithSession(ctx, request, [&](const access::Principal& who, store::Connection& conn) {
    StatusOr<nlohmann::json> body = work(who, request, conn);
    if (!body.ok()) {
      const Status& status = body.status();
      if (status.reason() == "export_too_large" && ctx.audit) {
        ctx.audit(who, request, "export." + ExportCollection(request), QueryOf(request),
                  "export_too_large");
      }
      return ParameterErrorResponse(status);
    }
    if (body->is_object() && body->value("export", "") == "xlsx") {
      // ?format=xlsx of a list (ledger_list.h): the rows, already masked, as a workbook.
      const std::string collection = ExportCollection(request);
      StatusOr<std::string> bytes = WriteXlsx(collection, (*body)["items"]);
      if (!bytes.ok()) return ErrorResponse(bytes.status());
      if (ctx.audit) ctx.audit(who, request, "export." + collection, QueryOf(request), "ok");
      return XlsxResponse(std::move(*bytes), collection);
    }
    return JsonResponse(200, *body);
  });
}

Status OutsideJurisdiction() {
  return PermissionDeniedError("该记录不在您的管辖范围内", "outside_jurisdiction");
}

Status CheckRecordScope(const ApiContext& ctx, const access::Principal& who, const Request& request,
                        std::string_view action, std::string_view target,
                        std::initializer_list<std::string_view> regions) {
  for (std::string_view region : regions) {
    if (who.scope.Allows(region)) return Status::Ok();
  }
  if (ctx.audit) ctx.audit(who, request, action, target, "outside_jurisdiction");
  return OutsideJurisdiction();
}

}  // namespace sunlight::http::ledger
