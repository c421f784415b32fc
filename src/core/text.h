// Text normalisation for names and cells that people typed: Chinese input methods leave
// full-width letters and ideographic spaces, and ledgers from Hong Kong, Macao, Taiwan or
// old systems hold Traditional characters. Two spellings of one name must compare equal
// before rules compare people ("　張三豐 " and "张三丰").
//
//   std::string name = NormalizeName(cell);  // trim, half-width, T→S, single spaces
//
// All functions take and return UTF-8. Invalid UTF-8 bytes are passed through unchanged by
// the functions that return std::string; check IsValidUtf8 first where it matters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sunlight {

// Removes leading and trailing ASCII whitespace, U+3000 (ideographic space) and U+00A0.
[[nodiscard]] std::string TrimSpace(std::string_view text);
// The same, as a view into `text`: for parsers that only read the trimmed cell.
[[nodiscard]] std::string_view TrimSpaceView(std::string_view text);

// Maps U+FF01–U+FF5E (full-width ASCII) to ASCII and U+3000 to an ASCII space.
[[nodiscard]] std::string ToHalfWidth(std::string_view text);

// Converts Traditional Chinese to Simplified with OpenCC's "t2s.json" (looked up in
// OpenCC's data directory, /usr/share/opencc on Debian). The converter is built once, on
// first use; safe for concurrent use. Unavailable (reason "opencc_unavailable") when the
// configuration cannot be loaded; InvalidArgument ("invalid_utf8") on invalid input.
[[nodiscard]] StatusOr<std::string> TraditionalToSimplified(std::string_view text);

// The form under which names are compared and stored: ToHalfWidth, TrimSpace, Traditional
// to Simplified, and runs of inner ASCII whitespace collapsed to one space. If OpenCC is
// unavailable or the text is not UTF-8, the T→S step is skipped (the rest still applies).
[[nodiscard]] std::string NormalizeName(std::string_view text);

// True if `text` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
[[nodiscard]] bool IsValidUtf8(std::string_view text);

// Splits `text` into characters (code points), each a view into `text`. An invalid byte
// becomes a one-byte element of its own, so the pieces always concatenate back to `text`.
[[nodiscard]] std::vector<std::string_view> SplitUtf8Chars(std::string_view text);

}  // namespace sunlight
