// Request: what a route handler sees of one HTTP request.
//
// The server parses the wire format (Boost.Beast) and hands handlers this plain value, so
// handler code and its tests need neither Beast nor Asio:
//
//   Response GetWarning(const Request& request) {
//     std::string_view id = request.Param("id");           // from "/api/v1/warnings/{id}"
//     auto page = request.Query("page");                    // decoded "?page=2"
//     ...
//   }
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace sunlight::http {

using NameValueList = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // as sent, e.g. "GET"
  std::string target;  // the raw request-target, e.g. "/api/v1/warnings?page=2"
  // The path part of the target, still percent-encoded as received (so "%2F" inside a
  // segment stays distinguishable from "/"). Route parameters are decoded; see Param().
  std::string path;
  NameValueList query;    // decoded query parameters, in order, repeats kept
  NameValueList headers;  // as received; look up with Header()
  std::string body;
  NameValueList params;        // named segments of the matched route pattern, decoded
  std::string remote_address;  // the peer's IP address, e.g. "127.0.0.1"

  // The first header with this name (case-insensitive), if any.
  std::optional<std::string_view> Header(std::string_view name) const;
  // The first query parameter with this name, if any.
  std::optional<std::string_view> Query(std::string_view name) const;
  // Every value of a repeated query parameter ("?region=1&region=2").
  std::vector<std::string_view> QueryAll(std::string_view name) const;
  // A named segment of the route pattern; empty if the pattern has no such name.
  std::string_view Param(std::string_view name) const;
};

// Decodes %XX escapes. With `plus_is_space` (query strings, HTML forms) '+' becomes ' '.
// Fails on a malformed escape ("%zz", a lone '%').
StatusOr<std::string> PercentDecode(std::string_view text, bool plus_is_space = false);

// Splits "a=1&b=x%20y&c" into decoded pairs ({"c", ""} for a bare name); skips empty parts.
StatusOr<NameValueList> ParseQueryString(std::string_view query);

// Case-insensitive ASCII comparison, for header and method names.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace sunlight::http
