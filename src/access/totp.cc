#include "access/totp.h"

namespace sunlight::access {

std::string TotpCode(const Bytes& key, std::int64_t unix_seconds, const TotpParams& params) {
  const auto counter = static_cast<std::uint64_t>(unix_seconds / params.step_seconds);
  Bytes message(8);
  for (int i = 7; i >= 0; --i)
    message[static_cast<std::size_t>(7 - i)] =
        static_cast<std::uint8_t>((counter >> (i * 8)) & 0xff);
  const Bytes mac = Hmac(params.hash, key, message);
  // RFC 4226 §5.3 dynamic truncation.
  const std::size_t offset = mac.back() & 0x0f;
  const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                               (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                               static_cast<std::uint32_t>(mac[offset + 3]);
  std::uint32_t modulus = 1;
  for (int i = 0; i < params.digits; ++i) modulus *= 10;
  std::string code = std::to_string(binary % modulus);
  return std::string(static_cast<std::size_t>(params.digits) - code.size(), '0') + code;
}

bool VerifyTotp(const Bytes& key, std::string_view code, std::int64_t unix_seconds,
                const TotpParams& params) {
  if (code.size() != static_cast<std::size_t>(params.digits)) return false;
  bool match = false;
  for (int drift = -1; drift <= 1; ++drift) {
    const std::string expected = TotpCode(key, unix_seconds + drift * params.step_seconds, params);
    match |= ConstantTimeEquals(expected, code);
  }
  return match;
}

std::string NewTotpSecret() { return Base32Encode(RandomBytes(20)); }

}  // namespace sunlight::access
