#include "http/api/api_paging.h"

#include <charconv>
#include <optional>
#include <string_view>

namespace sunlight::http {
namespace {

std::optional<std::int64_t> ParsePositive(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

}  // namespace

StatusOr<Paging> ParsePaging(const Request& request, std::int64_t max_page_size) {
  Paging paging;
  if (std::optional<std::string_view> page = request.Query("page")) {
    std::optional<std::int64_t> value = ParsePositive(*page);
    if (!value || *value > 1'000'000'000) {
      return InvalidArgumentError("page 须为正整数", "bad_paging");
    }
    paging.page = *value;
  }
  if (std::optional<std::string_view> size = request.Query("page_size")) {
    std::optional<std::int64_t> value = ParsePositive(*size);
    if (!value || *value > max_page_size) {
      return InvalidArgumentError(
          "page_size 须为 1 至 " + std::to_string(max_page_size) + " 的整数", "bad_paging");
    }
    paging.page_size = *value;
  }
  return paging;
}

}  // namespace sunlight::http
