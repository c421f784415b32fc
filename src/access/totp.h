// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), the optional second factor.
// Authenticator apps use HMAC-SHA1, 30-second steps and 6 digits; SHA-256/512 and 8 digits are
// here for the RFC's test vectors.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "access/crypto.h"

namespace sunlight::access {

struct TotpParams {
  HmacHash hash = HmacHash::kSha1;
  int digits = 6;
  std::int64_t step_seconds = 30;
};

// The code for Unix time `unix_seconds`, zero-padded to params.digits.
std::string TotpCode(const Bytes& key, std::int64_t unix_seconds, const TotpParams& params = {});

// Whether `code` is the code of the current step or of one step either side (clock drift).
bool VerifyTotp(const Bytes& key, std::string_view code, std::int64_t unix_seconds,
                const TotpParams& params = {});

// A new 160-bit secret, base32 (what `otpauth://` URIs carry).
std::string NewTotpSecret();

}  // namespace sunlight::access
