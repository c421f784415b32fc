#include "http/api/list_export.h"

#include <string>

#include "http/api/api_paging.h"
#include "http/api/workflow_http.h"
#include "http/api/xlsx_export.h"
#include "http/error_response.h"

namespace sunlight::http {
namespace {

// "?state=registered&format=xlsx": what was exported, as the audit target.
std::string_view QueryOf(const Request& request) {
  const size_t at = request.target.find('?');
  return at == std::string::npos ? std::string_view() : std::string_view(request.target).substr(at);
}

Response Export(const ApiContext& ctx, const access::Principal& who, const Request& request,
                std::string_view collection, const PageFetch& fetch) {
  const std::string action = "export." + std::string(collection);
  const std::int64_t limit = MaxExportRows();
  // A one-row probe first, so that an export over the limit is refused before its rows are
  // read; a workbook can then be fetched as one page of `limit` rows.
  StatusOr<ListPage> probe = fetch(1, 1);
  if (!probe.ok()) return ParameterErrorResponse(probe.status());
  StatusOr<ListPage> all = probe->total > limit ? std::move(probe) : fetch(1, limit);
  if (!all.ok()) return ParameterErrorResponse(all.status());
  // Checked on the full fetch too: rows may have been added between the two queries.
  if (all->total > limit) {
    if (ctx.audit) ctx.audit(who, request, action, QueryOf(request), "export_too_large");
    return ErrorResponse(ExportTooLarge(all->total));
  }
  StatusOr<std::string> bytes = WriteXlsx(collection, all->items);
  if (!bytes.ok()) return ErrorResponse(bytes.status());
  if (ctx.audit) ctx.audit(who, request, action, QueryOf(request), "ok");
  return XlsxResponse(std::move(*bytes), collection);
}

}  // namespace

Response ListOrExport(const ApiContext& ctx, const access::Principal& who, const Request& request,
                      std::string_view collection, std::string_view read_action,
                      const PageFetch& fetch) {
  const std::string_view format = request.Query("format").value_or("json");
  if (format == "xlsx") return Export(ctx, who, request, collection, fetch);
  if (format != "json") {
    return ParameterErrorResponse(
        InvalidArgumentError("参数 format 无效：须为 json 或 xlsx", "invalid_format"));
  }
  StatusOr<Paging> paging = ParsePaging(request);
  if (!paging.ok()) return ParameterErrorResponse(paging.status());
  StatusOr<ListPage> page = fetch(paging->page, paging->page_size);
  if (!page.ok()) return ParameterErrorResponse(page.status());
  if (ctx.audit && !read_action.empty()) {
    ctx.audit(who, request, read_action, request.target, "ok");
  }
  return JsonResponse(200, {{"items", std::move(page->items)},
                            {"total", page->total},
                            {"page", paging->page},
                            {"page_size", paging->page_size}});
}

}  // namespace sunlight::http
