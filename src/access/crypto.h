// The few cryptographic primitives access/ needs, over OpenSSL: random bytes, SHA-256, HMAC,
// hex and base32, and a constant-time comparison.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sunlight::access {

using Bytes = std::vector<std::uint8_t>;

// `n` bytes from the operating system's CSPRNG (OpenSSL RAND_bytes). Aborts the process when
// the generator fails: handing out a guessable session id is worse than stopping.
Bytes RandomBytes(std::size_t n);

std::string HexEncode(const Bytes& bytes);
std::string HexEncode(std::string_view bytes);

// SHA-256 of `data`, lower-case hex.
std::string Sha256Hex(std::string_view data);

enum class HmacHash { kSha1, kSha256, kSha512 };
Bytes Hmac(HmacHash hash, const Bytes& key, const Bytes& message);

// RFC 4648 base32 without padding (authenticator apps' secret format), and back (case- and
// padding-insensitive; spaces ignored).
std::string Base32Encode(const Bytes& bytes);
StatusOr<Bytes> Base32Decode(std::string_view text);

// Equal contents, in time independent of where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace sunlight::access
