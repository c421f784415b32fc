// The query code (查询码) a reporter gets for a public report, and how it is kept: never in
// clear. A code is 16 characters from an alphabet without look-alikes (no 0/O, 1/I/L), drawn
// from the operating system's CSPRNG (OpenSSL RAND_bytes): 31^16 ≈ 2^79 codes. The store
// keeps the first 4 characters (the locator, so a lookup reads a handful of rows instead of
// hashing every report) and SHA-256(salt || code) with a random 16-byte salt per record; the
// 12 secret characters (≈ 2^59) are what an attacker would have to guess.
//
//   QueryCode code = NewQueryCode();               // "7KQX-M4PA-…" shown once
//   StoredCode kept = HashQueryCode(code.text);    // locator, salt, hash into the row
//   if (CodeMatches(typed, kept)) …                // constant-time comparison
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sunlight::supervision::public_side {

inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr size_t kCodeLength = 16;
inline constexpr size_t kLocatorLength = 4;

struct StoredCode {
  std::string locator;  // first kLocatorLength characters of the canonical code
  std::string salt;     // 32 hex digits
  std::string hash;     // SHA-256(salt || canonical code), 64 hex digits
};

// A fresh code in canonical form (16 characters, no separators).
std::string NewQueryCode();

// "7kqx-m4pa mzzt-…" → "7KQXM4PAMZZT…": upper case, separators (-, space) dropped. nullopt
// when the result is not kCodeLength characters of the alphabet.
std::optional<std::string> CanonicalQueryCode(std::string_view typed);

// "7KQX-M4PA-MZZT-9RWE": how the code is shown to the reporter.
std::string DisplayQueryCode(std::string_view canonical);

// A new salt and the hash of `canonical` with it.
StoredCode HashQueryCode(std::string_view canonical);

// Whether `canonical` hashes to `stored.hash` with `stored.salt` (constant-time compare).
bool CodeMatches(std::string_view canonical, const StoredCode& stored);

// Lower-case hex SHA-256 of `data`; and `n` random bytes as hex (CSPRNG).
std::string Sha256HexOf(std::string_view data);
std::string RandomHex(size_t n_bytes);

}  // namespace sunlight::supervision::public_side
