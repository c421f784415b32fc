// One HTTP connection: request loop, deadlines, routing, dispatch and writing.
#include "http/connection.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <exception>
#include <limits>
#include <sstream>
#include <string_view>
#include <utility>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/file_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include "http/access_log.h"
#include "http/error_response.h"
#include "http/run_on_pool.h"
#include "http/security_headers.h"

namespace sunlight::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using boost::system::error_code;
using tcp = asio::ip::tcp;

// After an error response the client may still be sending (the rest of an oversized body).
// Closing with unread input makes the kernel send a reset, which can destroy the response
// before the client reads it; so read and discard for a little while first.
constexpr std::chrono::seconds kLingerTimeout{2};
constexpr size_t kLingerMaxBytes = 1 << 20;

constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

// Beast 1.74 speaks boost::string_view; the rest of Sunlight speaks std::string_view.
std::string_view ToStd(beast::string_view text) { return {text.data(), text.size()}; }
beast::string_view ToBeast(std::string_view text) { return {text.data(), text.size()}; }

bool IsApiPath(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

bool IsBeastHttpError(const error_code& error) {
  return error.category() ==
         beast::http::make_error_code(beast::http::error::end_of_stream).category();
}

// "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110), without locale-dependent strftime names.
std::string HttpDate() {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[40];
  std::snprintf(buffer, sizeof(buffer), "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[utc.tm_wday],
                utc.tm_mday, kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                utc.tm_sec);
  return buffer;
}

// The headers every response carries.
beast::http::response_header<> BaseHeader(int status, unsigned version) {
  beast::http::response_header<> header;
  header.version(version);
  header.result(static_cast<unsigned>(status));
  header.set(beast::http::field::server, ToBeast(kServerName));
  header.set(beast::http::field::date, HttpDate());
  for (const auto& [name, value] : SecurityHeaders()) header.set(ToBeast(name), ToBeast(value));
  return header;
}

// Headers a handler may not set: the server owns framing and connection management.
bool IsReservedHeader(std::string_view name) {
  static constexpr std::array<std::string_view, 9> kReserved = {
      "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "server",
      "date",           "content-type",      "trailer"};
  return std::any_of(kReserved.begin(), kReserved.end(),
                     [&](std::string_view reserved) { return EqualsIgnoreCase(reserved, name); });
}

// Fills method, target, path, query and headers; InvalidArgument for a target that is not
// an origin-form path ("/a/b?c") or that does not decode.
Status FillRequest(const beast::http::request_header<>& header, Request& request) {
  request.method = std::string(header.method_string());
  request.target = std::string(header.target());
  std::string_view target = ToStd(header.target());
  if (target.empty() || target.front() != '/') {
    return InvalidArgumentError("请求地址格式错误", "bad_request_target");
  }
  size_t question = target.find('?');
  request.path = std::string(target.substr(0, question));
  SUNLIGHT_RETURN_IF_ERROR(PercentDecode(request.path).status());
  if (question != std::string_view::npos) {
    SUNLIGHT_ASSIGN_OR_RETURN(request.query, ParseQueryString(target.substr(question + 1)));
  }
  for (const auto& field : header) {
    request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  return Status::Ok();
}

// One handler invocation, run on a worker thread. A named type rather than a lambda: GCC 12
// miscompiles lambdas that capture a coroutine's parameters, and this is built inside one.
// Catches everything, so the worker pool never sees an exception.
struct HandlerCall {
  const Router::Route* route;  // lives in context->router
  std::shared_ptr<ServerContext> context;
  Request request;

  Response operator()() const {
    std::string what;
    try {
      Response result = route->handler(request);
      if (result.status >= 200 && result.status <= 599) return result;
      what = "invalid HTTP status " + std::to_string(result.status);
    } catch (const std::exception& error) {
      what = error.what();
    } catch (...) {
      what = "unknown exception";
    }
    WriteLogLine(context->options.log,
                 "http: handler for " + route->method + " " + route->pattern + " failed: " + what);
    return InternalErrorResponse();
  }
};

// The response a client over the connection limit gets, serialized once.
const std::string& BusyResponseBytes() {
  static const std::string kBytes = [] {
    Response response = ErrorResponse(UnavailableError("服务器繁忙，请稍后重试", "server_busy"));
    beast::http::response<beast::http::string_body> message(BaseHeader(503, 11));
    message.set(beast::http::field::content_type, response.content_type);
    message.set(beast::http::field::cache_control, "no-store");
    message.set(beast::http::field::retry_after, "5");
    message.keep_alive(false);
    message.body() = std::move(response.body);
    message.prepare_payload();
    std::ostringstream out;
    out << message;
    return out.str();
  }();
  return kBytes;
}

}  // namespace

Connection::Connection(std::shared_ptr<ServerContext> context, tcp::socket socket)
    : context_(std::move(context)),
      executor_(socket.get_executor()),
      socket_(std::move(socket)),
      deadline_(executor_) {
  error_code ec;
  tcp::endpoint remote = socket_.remote_endpoint(ec);
  if (!ec) remote_address_ = remote.address().to_string();
  // Responses go out in one gather write, but a keep-alive client must not wait on Nagle's
  // algorithm for the tail of a response split across writes (static files).
  socket_.set_option(tcp::no_delay(true), ec);
}

Connection::~Connection() {
  if (id_) context_->registry.Remove(*id_);
}

void Connection::Start() {
  // Serve() catches and logs everything itself, so nothing reaches the completion handler.
  asio::co_spawn(executor_, Serve(shared_from_this()), asio::detached);
}

void Connection::RejectBusy() {
  // Nobody else uses the socket yet. A fresh socket's send buffer takes the few hundred bytes
  // at once; if it does not, the client simply sees the connection close.
  error_code ec;
  socket_.non_blocking(true, ec);
  socket_.write_some(asio::buffer(BusyResponseBytes()), ec);
  socket_.shutdown(tcp::socket::shutdown_both, ec);
  socket_.close(ec);
}

void Connection::RequestShutdown() {
  asio::post(executor_, [self = shared_from_this()] {
    self->shutdown_requested_ = true;
    if (self->phase_ == Phase::kIdle || self->phase_ == Phase::kLingering) {
      error_code ec;
      self->socket_.cancel(ec);
    }
  });
}

void Connection::ForceClose() {
  asio::post(executor_, [self = shared_from_this()] {
    self->shutdown_requested_ = true;
    error_code ec;
    self->socket_.close(ec);
  });
}

bool Connection::KeepAlive(bool client_wants_it) const {
  return client_wants_it && !shutdown_requested_ && !context_->stopping;
}

void Connection::SetDeadline(std::chrono::steady_clock::duration timeout) {
  timed_out_ = false;
  deadline_.expires_after(timeout);  // wakes the watchdog, which re-arms for the new time
}

void Connection::ClearDeadline() {
  timed_out_ = false;
  deadline_.expires_at(std::chrono::steady_clock::time_point::max());
}

asio::awaitable<void> Connection::Watchdog([[maybe_unused]] std::shared_ptr<Connection> self) {
  while (!finished_) {
    error_code ec;
    co_await deadline_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (finished_) break;
    // Woken either by expiry or by a new deadline being set; only the former is a timeout.
    if (deadline_.expiry() <= std::chrono::steady_clock::now()) {
      timed_out_ = true;
      socket_.cancel(ec);
      deadline_.expires_at(std::chrono::steady_clock::time_point::max());
    }
  }
}

asio::awaitable<void> Connection::Serve(std::shared_ptr<Connection> self) {
  asio::co_spawn(executor_, Watchdog(self), asio::detached);
  try {
    co_await ServeLoop();
  } catch (const std::exception& error) {
    WriteLogLine(context_->options.log, std::string("http: connection failed: ") + error.what());
  } catch (...) {
    WriteLogLine(context_->options.log, "http: connection failed: unknown exception");
  }
  finished_ = true;
  deadline_.cancel();
  error_code ec;
  socket_.shutdown(tcp::socket::shutdown_both, ec);
  socket_.close(ec);
}

asio::awaitable<void> Connection::ServeLoop() {
  const ServerOptions& options = context_->options;
  // The first request must arrive, headers complete, within header_timeout of the accept, so
  // a connection that never sends anything is cut off like a slow one.
  SetDeadline(options.header_timeout);
  bool first_request = true;
  After after = After::kClose;
  while (true) {
    if (buffer_.size() == 0) {
      if (shutdown_requested_ || context_->stopping) break;
      // Idle: wait until the next request starts, without buffering anything, so that Stop()
      // can tell an idle connection (close now) from one in the middle of a request.
      phase_ = Phase::kIdle;
      if (!first_request) SetDeadline(options.idle_timeout);
      error_code ec;
      co_await socket_.async_wait(tcp::socket::wait_read,
                                  asio::redirect_error(asio::use_awaitable, ec));
      if (ec) break;  // idle timeout, Stop(), or the socket failed: close without a word
    }
    if (!first_request) SetDeadline(options.header_timeout);
    first_request = false;
    after = co_await ServeRequest();
    if (after != After::kKeepAlive) break;
  }
  if (after == After::kLingeringClose) co_await LingeringClose();
}

asio::awaitable<Connection::After> Connection::ServeRequest() {
  const ServerOptions& options = context_->options;
  Exchange exchange;
  exchange.started = std::chrono::steady_clock::now();

  beast::http::request_parser<beast::http::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(
      std::min<size_t>(options.header_limit, std::numeric_limits<std::uint32_t>::max())));
  // Beast compares Content-Length with body_limit as soon as the headers are in, but the
  // limit depends on the route, known only after that: lift it here, enforce it below.
  // (Not boost::none, which Beast 1.74 mistakes for a limit of zero.)
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());
  phase_ = Phase::kReading;
  error_code ec;
  co_await beast::http::async_read_header(socket_, buffer_, parser,
                                          asio::redirect_error(asio::use_awaitable, ec));
  if (ec) {
    After after = co_await FailRead(ec, parser.got_some() || buffer_.size() > 0, exchange);
    co_return after;
  }

  const beast::http::request_header<>& header = parser.get().base();
  const unsigned version = header.version();
  exchange.method = std::string(header.method_string());
  exchange.log_path = std::string(header.target().substr(0, header.target().find('?')));
  Request request;
  request.remote_address = remote_address_;
  if (Status filled = FillRequest(header, request); !filled.ok()) {
    exchange.status = 400;
    bool sent = co_await SendResponse(ErrorResponse(filled), version, /*head=*/false,
                                      /*keep_alive=*/false, /*is_api=*/true);
    Log(exchange);
    co_return sent ? After::kLingeringClose : After::kClose;
  }

  // Route before reading the body: the route decides how large a body may be.
  const bool is_api = IsApiPath(request.path);
  Router::Match match;
  size_t body_limit = options.body_limit;
  if (is_api) {
    match = context_->router.Find(request.method, request.path);
    if (match.kind == Router::Match::Kind::kFound) {
      body_limit = match.route->options.body_limit.value_or(options.body_limit);
      if (match.route->options.log_pattern_only) exchange.log_path = match.route->pattern;
    }
  }

  if (!parser.is_done()) {
    if (auto length = parser.content_length(); length && *length > body_limit) {
      // Refuse before reading a byte of it.
      exchange.status = 413;
      // Built in its own statement: GCC 12 miscompiles braced lists inside co_await.
      Response too_large = ErrorResponse(
          ResourceExhaustedError("请求体过大，超过上限 " + std::to_string(body_limit) + " 字节",
                                 "body_too_large"),
          nlohmann::json{{"limit_bytes", body_limit}});
      bool sent = co_await SendResponse(std::move(too_large), version, /*head=*/false,
                                        /*keep_alive=*/false, /*is_api=*/true);
      Log(exchange);
      co_return sent ? After::kLingeringClose : After::kClose;
    }
    parser.body_limit(body_limit);
    SetDeadline(options.body_timeout);
    if (beast::iequals(header[beast::http::field::expect], "100-continue")) {
      co_await asio::async_write(socket_, asio::buffer(kContinue),
                                 asio::redirect_error(asio::use_awaitable, ec));
      if (ec) co_return After::kClose;
    }
    co_await beast::http::async_read(socket_, buffer_, parser,
                                     asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      After after = co_await FailRead(ec, /*got_bytes=*/true, exchange);
      co_return after;
    }
  }
  ClearDeadline();
  request.body = std::move(parser.get().body());

  const bool head = request.method == "HEAD";
  const bool client_keep_alive = parser.get().keep_alive();
  bool keep_alive = KeepAlive(client_keep_alive);
  bool sent = false;
  if (is_api) {
    Response response;
    switch (match.kind) {
      case Router::Match::Kind::kNotFound:
        response = ErrorResponse(NotFoundError("请求的接口不存在", "route_not_found"));
        break;
      case Router::Match::Kind::kMethodNotAllowed:
        response = HttpErrorResponse(405, "method_not_allowed", "该接口不支持此请求方法");
        response.SetHeader("Allow", match.allow);
        break;
      case Router::Match::Kind::kFound:
        request.params = std::move(match.params);
        response = co_await RunHandler(*match.route, std::move(request));
        keep_alive = KeepAlive(client_keep_alive);  // Stop() may have begun meanwhile
        break;
    }
    exchange.status = response.status;
    sent = co_await SendResponse(std::move(response), version, head, keep_alive, true);
  } else if (!context_->static_files) {
    exchange.status = 404;
    sent = co_await SendResponse(ErrorResponse(NotFoundError("页面不存在", "page_not_found")),
                                 version, head, keep_alive, false);
  } else if (request.method != "GET" && !head) {
    exchange.status = 405;
    Response response = HttpErrorResponse(405, "method_not_allowed", "静态文件只支持 GET 和 HEAD");
    response.SetHeader("Allow", "GET, HEAD");
    sent = co_await SendResponse(std::move(response), version, false, keep_alive, false);
  } else {
    // File system lookups (a few stat calls) run here on the network thread: they are quick
    // and would cost more as a round trip through the worker pool.
    StaticFile file = context_->static_files->Lookup(
        request.path, request.Header("If-None-Match").value_or(std::string_view()));
    sent = co_await SendStatic(file, version, head, keep_alive, exchange);
  }
  Log(exchange);
  co_return sent&& keep_alive ? After::kKeepAlive : After::kClose;
}

asio::awaitable<Connection::After> Connection::FailRead(error_code error, bool got_bytes,
                                                        Exchange& exchange) {
  Response response;
  if (timed_out_) {
    // A client that sent nothing at all is just closed; one that started a request and did
    // not finish it in time is told why.
    if (!got_bytes) co_return After::kClose;
    response = HttpErrorResponse(408, "request_timeout", "请求超时：未在规定时间内收到完整请求");
  } else if (IsBeastHttpError(error)) {
    if (error == beast::http::error::end_of_stream ||
        error == beast::http::error::partial_message) {
      co_return After::kClose;  // the client hung up
    }
    if (error == beast::http::error::header_limit) {
      response = HttpErrorResponse(431, "headers_too_large", "请求头过大");
    } else if (error == beast::http::error::body_limit) {
      response = ErrorResponse(ResourceExhaustedError("请求体过大", "body_too_large"));
    } else {
      response = ErrorResponse(InvalidArgumentError("请求格式错误", "malformed_request"));
    }
  } else {
    co_return After::kClose;  // reset by the peer, Stop(), ...
  }
  exchange.status = response.status;
  bool sent = co_await SendResponse(std::move(response), 11, false, false, true);
  Log(exchange);
  co_return sent ? After::kLingeringClose : After::kClose;
}

asio::awaitable<Response> Connection::RunHandler(const Router::Route& route, Request request) {
  phase_ = Phase::kHandling;
  HandlerCall call{&route, context_, std::move(request)};
  Response response =
      co_await AsyncRunOnPool<Response>(context_->workers, std::move(call), asio::use_awaitable);
  co_return response;
}

asio::awaitable<bool> Connection::SendResponse(Response response, unsigned version, bool head,
                                               bool keep_alive, bool is_api) {
  beast::http::response<beast::http::string_body> message(BaseHeader(response.status, version));
  message.set(beast::http::field::content_type, response.content_type);
  for (const auto& [name, value] : response.headers) {
    if (!IsReservedHeader(name)) message.insert(name, value);
  }
  // API data is per user and often personal: never let a browser or proxy keep a copy.
  if (is_api && !response.Header("Cache-Control")) {
    message.set(beast::http::field::cache_control, "no-store");
  }
  message.keep_alive(keep_alive);
  message.body() = std::move(response.body);
  message.prepare_payload();
  bool sent = co_await Send(message, head);
  co_return sent;
}

asio::awaitable<bool> Connection::SendStatic(const StaticFile& file, unsigned version, bool head,
                                             bool keep_alive, Exchange& exchange) {
  if (file.kind == StaticFile::Kind::kNotModified) {
    beast::http::response<beast::http::empty_body> message(BaseHeader(304, version));
    message.set(beast::http::field::etag, file.etag);
    message.set(beast::http::field::cache_control, file.cache_control);
    message.keep_alive(keep_alive);
    exchange.status = 304;
    bool sent = co_await Send(message, /*head=*/false);
    co_return sent;
  }
  beast::http::file_body::value_type body;
  error_code ec;
  if (file.kind == StaticFile::Kind::kFile)
    body.open(file.file.c_str(), beast::file_mode::scan, ec);
  if (file.kind == StaticFile::Kind::kNotFound || ec) {
    exchange.status = 404;
    bool sent = co_await SendResponse(ErrorResponse(NotFoundError("页面不存在", "page_not_found")),
                                      version, head, keep_alive, false);
    co_return sent;
  }
  beast::http::response<beast::http::file_body> message(BaseHeader(200, version));
  message.set(beast::http::field::content_type, file.content_type);
  message.set(beast::http::field::etag, file.etag);
  message.set(beast::http::field::cache_control, file.cache_control);
  message.keep_alive(keep_alive);
  message.body() = std::move(body);
  message.prepare_payload();  // Content-Length from the open file's size
  exchange.status = 200;
  bool sent = co_await Send(message, head);
  co_return sent;
}

template <typename Message>
asio::awaitable<bool> Connection::Send(Message& message, bool head) {
  phase_ = Phase::kWriting;
  SetDeadline(context_->options.write_timeout);
  error_code ec;
  if (head) {
    // Same headers as GET, Content-Length included, and no body.
    beast::http::response_serializer<typename Message::body_type> serializer(message);
    co_await beast::http::async_write_header(socket_, serializer,
                                             asio::redirect_error(asio::use_awaitable, ec));
  } else {
    co_await beast::http::async_write(socket_, message,
                                      asio::redirect_error(asio::use_awaitable, ec));
  }
  ClearDeadline();
  co_return !ec;
}

asio::awaitable<void> Connection::LingeringClose() {
  phase_ = Phase::kLingering;
  error_code ec;
  socket_.shutdown(tcp::socket::shutdown_send, ec);
  SetDeadline(kLingerTimeout);
  size_t discarded = 0;
  while (discarded < kLingerMaxBytes && !shutdown_requested_) {
    size_t bytes = co_await socket_.async_read_some(buffer_.prepare(16 * 1024),
                                                    asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;
    discarded += bytes;
  }
}

void Connection::Log(const Exchange& exchange) const {
  if (!context_->options.log_requests) return;
  WriteLogLine(context_->options.log,
               FormatAccessLogLine(exchange.method, exchange.log_path, exchange.status,
                                   std::chrono::steady_clock::now() - exchange.started));
}

}  // namespace sunlight::http
