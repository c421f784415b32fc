// Router: the declared table of API routes, method + path pattern → handler.
//
//   Router router;
//   router.Get("/api/v1/warnings", ListWarnings);
//   router.Get("/api/v1/warnings/{id}", GetWarning);          // request.Param("id")
//   router.Post("/api/v1/imports", Import, {.body_limit = 200 << 20});
//   if (!router.status().ok()) ...                             // Server::Start checks too
//
// Patterns are whole paths; a segment is either literal or `{name}`, which matches one
// non-empty segment (decoded into Request::params). When several patterns match a path, the
// one with a literal segment where the others have a parameter wins ("/warnings/stats" over
// "/warnings/{id}"). A HEAD request is served by the GET route. A path that matches some
// pattern but not for this method is a 405 with an Allow header; no pattern at all, a 404.
//
// Registration mistakes (bad pattern, duplicate route) do not throw: the first one is kept in
// status(), and Server::Start() refuses to start with it, so a route table reads as a list.
//
// Thread safety: register every route before handing the Router to a Server; after that it is
// only read, and Find() may be called from any number of threads at once.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "http/request.h"
#include "http/response.h"

namespace sunlight::http {

struct RouteOptions {
  // Largest request body accepted; unset means ServerOptions::body_limit. For uploads.
  std::optional<size_t> body_limit;
  // Log the pattern ("/api/v1/public/reports/{query_code}") instead of the actual path, for
  // paths that carry a secret such as a reporter's query code.
  bool log_pattern_only = false;
};

class Router {
 public:
  // Runs on a worker thread; may block (database work). Exceptions are caught by the server
  // and become a 500.
  using Handler = std::function<Response(const Request&)>;

  struct Route {
    std::string method;
    std::string pattern;
    Handler handler;
    RouteOptions options;
    // One entry per segment: the literal text, or the parameter name when is_param.
    struct Segment {
      std::string text;
      bool is_param = false;
    };
    std::vector<Segment> segments;
  };

  struct Match {
    enum class Kind { kFound, kNotFound, kMethodNotAllowed };
    Kind kind = Kind::kNotFound;
    const Route* route = nullptr;  // kFound: points into the router, which outlives the match
    NameValueList params;          // kFound: decoded named segments
    std::string allow;             // kMethodNotAllowed: "GET, HEAD, POST"
  };

  // `method` is upper case ("GET"); `pattern` starts with '/'.
  void Add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});
  void Get(std::string pattern, Handler handler, RouteOptions options = {});
  void Post(std::string pattern, Handler handler, RouteOptions options = {});
  void Put(std::string pattern, Handler handler, RouteOptions options = {});
  void Patch(std::string pattern, Handler handler, RouteOptions options = {});
  void Delete(std::string pattern, Handler handler, RouteOptions options = {});

  // OK, or the first registration mistake.
  const Status& status() const { return status_; }
  const std::vector<Route>& routes() const { return routes_; }

  // Looks up a request path (still percent-encoded, without the query string).
  Match Find(std::string_view method, std::string_view path) const;

 private:
  std::vector<Route> routes_;
  Status status_;
};

}  // namespace sunlight::http
