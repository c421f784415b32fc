// The list of common passwords a new password may not be (lower case). Shipped in the
// repository (common_passwords.cc) so that an offline deployment checks the same list.
#pragma once

#include <span>
#include <string_view>

namespace sunlight::access {

std::span<const std::string_view> CommonPasswords();

}  // namespace sunlight::access
