#include "supervision/public/query_code.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

namespace sunlight::supervision::public_side {
namespace {

std::vector<unsigned char> RandomBytes(size_t n) {
  std::vector<unsigned char> out(n);
  // Without randomness a code could be guessed; refusing to run is the only safe answer.
  if (n > 0 && RAND_bytes(out.data(), static_cast<int>(n)) != 1) std::abort();
  return out;
}

std::string Hex(const unsigned char* data, size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kDigits[data[i] >> 4]);
    out.push_back(kDigits[data[i] & 0x0f]);
  }
  return out;
}

}  // namespace

std::string Sha256HexOf(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  return Hex(digest, length);
}

std::string RandomHex(size_t n_bytes) {
  const std::vector<unsigned char> bytes = RandomBytes(n_bytes);
  return Hex(bytes.data(), bytes.size());
}

std::string NewQueryCode() {
  std::string code;
  code.reserve(kCodeLength);
  const size_t n = kCodeAlphabet.size();
  // Rejection sampling: bytes ≥ the largest multiple of n are redrawn, so every character is
  // equally likely (a plain modulo would favour the first characters).
  const unsigned limit = 256 - (256 % n);
  while (code.size() < kCodeLength) {
    for (unsigned char b : RandomBytes(kCodeLength)) {
      if (b >= limit) continue;
      code.push_back(kCodeAlphabet[b % n]);
      if (code.size() == kCodeLength) break;
    }
  }
  return code;
}

std::optional<std::string> CanonicalQueryCode(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (kCodeAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    out.push_back(c);
    if (out.size() > kCodeLength) return std::nullopt;
  }
  if (out.size() != kCodeLength) return std::nullopt;
  return out;
}

std::string DisplayQueryCode(std::string_view canonical) {
  std::string out;
  for (size_t i = 0; i < canonical.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back('-');
    out.push_back(canonical[i]);
  }
  return out;
}

StoredCode HashQueryCode(std::string_view canonical) {
  StoredCode stored;
  stored.locator = std::string(canonical.substr(0, kLocatorLength));
  stored.salt = RandomHex(16);
  stored.hash = Sha256HexOf(stored.salt + std::string(canonical));
  return stored;
}

bool CodeMatches(std::string_view canonical, const StoredCode& stored) {
  const std::string hash = Sha256HexOf(stored.salt + std::string(canonical));
  return hash.size() == stored.hash.size() &&
         CRYPTO_memcmp(hash.data(), stored.hash.data(), hash.size()) == 0;
}

}  // namespace sunlight::supervision::public_side
