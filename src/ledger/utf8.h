// UTF-8 validation shared by the CSV and XLSX readers.
//
// Every cell the ledger readers hand out is valid UTF-8: downstream code (JSON, SQLite, the web
// app) relies on it. The check is strict (RFC 3629): no overlong forms, no surrogates, nothing
// above U+10FFFF.
//
//   Utf8Scan scan = ScanUtf8(chunk);
//   if (scan.result == Utf8Result::kInvalid) { ... chunk[scan.valid_length] is the bad byte ... }
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sunlight::ledger {

enum class Utf8Result {
  kValid,       // the whole input is valid UTF-8
  kIncomplete,  // valid, except that it ends inside a multibyte sequence
  kInvalid,     // an invalid byte sequence starts at valid_length
};

struct Utf8Scan {
  Utf8Result result = Utf8Result::kValid;
  // Length of the longest prefix made of complete, valid characters.
  size_t valid_length = 0;
};

Utf8Scan ScanUtf8(std::string_view bytes);

inline bool IsValidUtf8(std::string_view bytes) {
  return ScanUtf8(bytes).result == Utf8Result::kValid;
}

// Appends the UTF-8 encoding of `code_point`.
// REQUIRES: code_point is a Unicode scalar value (<= 0x10FFFF, not a surrogate).
void AppendUtf8(char32_t code_point, std::string& out);

}  // namespace sunlight::ledger
