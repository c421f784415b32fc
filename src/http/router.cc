// Route registration and matching. Tables hold tens of routes, so matching is a linear scan.
#include "http/router.h"

#include <algorithm>
#include <set>

namespace sunlight::http {
namespace {

// "/a/b/" → {"a", "b", ""}; the leading '/' is not a segment.
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool IsParamNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Returns true when `a` is more specific than `b` (a literal where b has a parameter first).
bool MoreSpecific(const Router::Route& a, const Router::Route& b) {
  for (size_t seg_idx = 0; seg_idx < a.segments.size(); ++seg_idx) {
    bool a_param = a.segments[seg_idx].is_param;
    bool b_param = b.segments[seg_idx].is_param;
    if (a_param != b_param) return !a_param;
  }
  return false;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  auto fail = [&](std::string message) {
    if (status_.ok()) {
      status_ =
          InvalidArgumentError(std::move(message) + "：" + method + " " + pattern, "bad_route");
    }
  };
  if (method.empty() || !handler) return fail("路由缺少方法或处理函数");
  if (pattern.empty() || pattern.front() != '/') return fail("路由路径必须以 / 开头");

  Route route;
  std::set<std::string_view> names;
  for (std::string_view segment : SplitPath(pattern)) {
    Route::Segment parsed;
    if (segment.size() >= 2 && segment.front() == '{' && segment.back() == '}') {
      std::string_view name = segment.substr(1, segment.size() - 2);
      if (name.empty() || !std::all_of(name.begin(), name.end(), IsParamNameChar)) {
        return fail("路由参数名无效");
      }
      if (!names.insert(name).second) return fail("路由参数名重复");
      parsed.text = std::string(name);
      parsed.is_param = true;
    } else {
      if (segment.find_first_of("{}%?#") != std::string_view::npos) {
        return fail("路由路径含有非法字符");
      }
      parsed.text = std::string(segment);
    }
    route.segments.push_back(std::move(parsed));
  }

  for (const Route& existing : routes_) {
    if (existing.method != method || existing.segments.size() != route.segments.size()) continue;
    bool same_shape = true;
    for (size_t seg_idx = 0; seg_idx < route.segments.size(); ++seg_idx) {
      const auto& a = existing.segments[seg_idx];
      const auto& b = route.segments[seg_idx];
      if (a.is_param != b.is_param || (!a.is_param && a.text != b.text)) same_shape = false;
    }
    if (same_shape) return fail("路由重复");
  }

  route.method = std::move(method);
  route.pattern = std::move(pattern);
  route.handler = std::move(handler);
  route.options = options;
  routes_.push_back(std::move(route));
}

void Router::Get(std::string pattern, Handler handler, RouteOptions options) {
  Add("GET", std::move(pattern), std::move(handler), options);
}
void Router::Post(std::string pattern, Handler handler, RouteOptions options) {
  Add("POST", std::move(pattern), std::move(handler), options);
}
void Router::Put(std::string pattern, Handler handler, RouteOptions options) {
  Add("PUT", std::move(pattern), std::move(handler), options);
}
void Router::Patch(std::string pattern, Handler handler, RouteOptions options) {
  Add("PATCH", std::move(pattern), std::move(handler), options);
}
void Router::Delete(std::string pattern, Handler handler, RouteOptions options) {
  Add("DELETE", std::move(pattern), std::move(handler), options);
}

Router::Match Router::Find(std::string_view method, std::string_view path) const {
  std::vector<std::string_view> raw_segments = SplitPath(path);
  std::vector<std::string> segments;
  segments.reserve(raw_segments.size());
  for (std::string_view raw : raw_segments) {
    StatusOr<std::string> decoded = PercentDecode(raw);
    if (!decoded.ok()) return Match{};  // the server rejects such paths before routing
    segments.push_back(*std::move(decoded));
  }

  // HEAD is answered by the GET route unless a HEAD route is declared.
  const bool is_head = method == "HEAD";
  const Route* best = nullptr;
  const Route* best_get_for_head = nullptr;
  std::set<std::string> allowed;
  for (const Route& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    bool matches = true;
    for (size_t seg_idx = 0; seg_idx < segments.size() && matches; ++seg_idx) {
      const Route::Segment& segment = route.segments[seg_idx];
      matches = segment.is_param ? !segments[seg_idx].empty() : segment.text == segments[seg_idx];
    }
    if (!matches) continue;
    allowed.insert(route.method);
    if (route.method == "GET") allowed.insert("HEAD");
    if (route.method == method) {
      if (best == nullptr || MoreSpecific(route, *best)) best = &route;
    } else if (is_head && route.method == "GET") {
      if (best_get_for_head == nullptr || MoreSpecific(route, *best_get_for_head)) {
        best_get_for_head = &route;
      }
    }
  }
  if (best == nullptr) best = best_get_for_head;

  Match match;
  if (best != nullptr) {
    match.kind = Match::Kind::kFound;
    match.route = best;
    for (size_t seg_idx = 0; seg_idx < segments.size(); ++seg_idx) {
      if (best->segments[seg_idx].is_param) {
        match.params.emplace_back(best->segments[seg_idx].text, std::move(segments[seg_idx]));
      }
    }
  } else if (!allowed.empty()) {
    match.kind = Match::Kind::kMethodNotAllowed;
    for (const std::string& allowed_method : allowed) {
      if (!match.allow.empty()) match.allow += ", ";
      match.allow += allowed_method;
    }
  }
  return match;
}

}  // namespace sunlight::http
