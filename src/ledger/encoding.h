// Text encodings of CSV files: names, and detection of UTF-8 versus GB18030.
//
// Departments export ledgers from Excel and from old systems; on a Chinese Windows machine
// "CSV" often means GBK. The interchange format (spec/interchange.md) accepts UTF-8 (with or
// without BOM) and GB18030/GBK, detected or forced with `--encoding`.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(Encoding forced, ParseEncodingName(flag));  // "gbk" -> kGb18030
//   SUNLIGHT_ASSIGN_OR_RETURN(Encoding found, DetectEncoding(*file.rdbuf()));
#pragma once

#include <streambuf>
#include <string_view>

#include "core/status.h"

namespace sunlight::ledger {

enum class Encoding {
  kAuto,     // detect from the bytes (only as an option; never the result of detection)
  kUtf8,     // UTF-8, with or without a byte-order mark
  kGb18030,  // GB18030, which contains GBK and GB2312
};

// Parses an `--encoding` value, ignoring case: "auto", "utf-8"/"utf8", "gb18030",
// "gbk"/"gb2312"/"cp936". GBK and GB2312 are decoded as GB18030, their superset.
// Error reason "unknown_encoding_name".
StatusOr<Encoding> ParseEncodingName(std::string_view name);

// "auto", "utf-8" or "gb18030".
std::string_view EncodingName(Encoding encoding);

// How much of a file detection looks at once it meets the first non-ASCII byte.
inline constexpr size_t kDetectionWindow = 64 * 1024;
// How far detection skips over pure ASCII looking for that byte; a file that is ASCII that far
// is taken as UTF-8 (a later GB18030 byte then fails decoding with its offset, reason
// "bad_encoding", rather than being guessed at).
inline constexpr size_t kDetectionAsciiLimit = 16 * 1024 * 1024;

// Decides the encoding of a text sample. `at_end` says the sample reaches the end of the file
// (otherwise a multibyte character cut at its end is not held against it). A sample that is
// valid UTF-8 is UTF-8 (GB18030 text of any length is almost never valid UTF-8); else one that
// is well-formed GB18030 is GB18030; anything else, and any NUL byte (binary data, UTF-16), is
// error reason "unknown_encoding".
StatusOr<Encoding> DetectSampleEncoding(std::string_view sample, bool at_end);

// Reads from `source` (from its current position; the caller rewinds afterwards) up to the
// first non-ASCII byte, at most kDetectionAsciiLimit bytes, then kDetectionWindow bytes from
// there, and decides as DetectSampleEncoding does.
StatusOr<Encoding> DetectEncoding(std::streambuf& source);

}  // namespace sunlight::ledger
