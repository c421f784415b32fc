// The one place where failures become HTTP error responses.
//
// Every error the server sends, whether a handler's Status or a limit of the HTTP layer
// (413, 431, 408, ...), has the same JSON body (spec/interfaces.md):
//
//   {"error": {"code": "warning_not_found", "message": "预警不存在", "details": null}}
//
// `code` is the Status reason slug (which defaults to the code name, e.g. "not_found"),
// `message` is for people, in Chinese, and `details` is null unless the caller passes some.
//
// Status code → HTTP status (HttpStatusFor):
//   invalid_argument, out_of_range                  → 400
//   unauthenticated                                  → 401
//   permission_denied                                → 403
//   not_found                                        → 404
//   already_exists, failed_precondition, aborted     → 409
//   resource_exhausted                               → 429 (too many attempts), but
//     resource_exhausted with a reason ending in "too_large" → 413 (e.g. "file_too_large")
//   unimplemented                                    → 501
//   unavailable                                      → 503
//   deadline_exceeded                                → 504
//   internal, data_loss (and an OK status by mistake) → 500 with a generic message: the
//     Status's own message and reason may hold internals, so they are logged, not sent.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "http/response.h"

namespace sunlight::http {

// The HTTP status for a failed Status, per the table above.
int HttpStatusFor(const Status& status);

// The error response for a failed Status. REQUIRES: !status.ok() (an OK status becomes 500).
Response ErrorResponse(const Status& status, const nlohmann::json& details = nullptr);

// An error response of the HTTP layer itself, for conditions no Status code names
// (405 method_not_allowed, 408 request_timeout, 431 headers_too_large, ...).
Response HttpErrorResponse(int http_status, std::string_view code, std::string_view message,
                           const nlohmann::json& details = nullptr);

// The generic 500 response, e.g. for a handler that threw.
Response InternalErrorResponse();

}  // namespace sunlight::http
