// Passwords: Argon2id hashing (libargon2) and the rules a new password must meet.
//
// Rules (等级保护 level 3 identification): at least 12 characters, not the login, not in the
// common-password list shipped in the repository (common_passwords.cc), compared
// case-insensitively. Hashes are the PHC string argon2 writes ("$argon2id$v=19$m=…"), so the
// parameters travel with each hash and can be raised later without breaking old ones.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace sunlight::access {

struct Argon2Params {
  // Memory in KiB and passes. OWASP's floor for Argon2id is m = 19 MiB, t = 2; raising them is
  // allowed, lowering them is refused by HashPassword.
  std::uint32_t memory_kib = 19 * 1024;
  std::uint32_t passes = 2;
  std::uint32_t lanes = 1;
};

inline constexpr std::size_t kMinPasswordLength = 12;  // characters, not bytes

// InvalidArgument (reason "weak_password") naming the rule broken, or OK.
Status CheckPasswordRules(std::string_view password, std::string_view login);

// The PHC-format Argon2id hash with a fresh random salt.
StatusOr<std::string> HashPassword(std::string_view password, const Argon2Params& params = {});

// Whether `password` matches `encoded_hash`. A malformed hash is simply a mismatch.
bool VerifyPassword(std::string_view password, const std::string& encoded_hash);

// Whether `password` (lower-cased) is on the shipped list of common passwords.
bool IsCommonPassword(std::string_view password);

}  // namespace sunlight::access
