// Parsing of listen addresses for ServerOptions.
#include "http/server_options.h"

#include <charconv>

namespace sunlight::http {

StatusOr<std::pair<std::string, uint16_t>> ParseListenAddress(std::string_view text) {
  auto bad = [&] {
    return InvalidArgumentError(
        "监听地址格式应为 地址:端口，例如 127.0.0.1:8080：" + std::string(text),
        "bad_listen_address");
  };
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) return bad();
  std::string_view host = text.substr(0, colon);
  std::string_view port_text = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    return bad();  // an IPv6 address must be bracketed
  }
  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || ec != std::errc() || end != port_text.data() + port_text.size() ||
      port > 65535) {
    return bad();
  }
  std::string address = host.empty()          ? "0.0.0.0"
                        : host == "localhost" ? "127.0.0.1"
                                              : std::string(host);
  return std::make_pair(std::move(address), static_cast<uint16_t>(port));
}

}  // namespace sunlight::http
