// The shared-string table of an XLSX workbook (xl/sharedStrings.xml).
//
// Cells of type "s" hold an index into this table. It is read once per workbook with the
// streaming XML parser and kept in one arena (one allocation for all strings, plus an offset
// per string), because cells may refer to any entry in any order. Its memory is therefore
// proportional to the distinct text of the workbook, which is the one part of XLSX reading that
// does not stream; it is capped (reason "xlsx_too_large").
//
// Rich text (<r><t>..</t></r> runs) is concatenated; phonetic runs (<rPh>) are left out, as
// Excel does when it shows the cell.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ledger/xml_pull_parser.h"

namespace sunlight::ledger {

class SharedStrings {
 public:
  static constexpr size_t kDefaultMaxBytes = size_t{1} << 30;

  // Reads the whole table from `xml` (positioned at the start of the part).
  static StatusOr<SharedStrings> Parse(XmlPullParser& xml, size_t max_bytes = kDefaultMaxBytes);

  size_t size() const { return offsets_.size() - 1; }
  // The string at `index`, or nothing when out of range.
  std::optional<std::string_view> Get(size_t index) const {
    if (index + 1 >= offsets_.size()) return std::nullopt;
    return std::string_view(arena_).substr(offsets_[index], offsets_[index + 1] - offsets_[index]);
  }

 private:
  std::string arena_;                 // all strings, back to back
  std::vector<uint64_t> offsets_{0};  // string i is arena_[offsets_[i], offsets_[i + 1])
};

// Collects the visible text of a string item (<si> or <is>): the text of its <t> elements,
// except inside phonetic runs (<rPh>). Feed it every event between the item's start and end.
class StringItemText {
 public:
  void Reset() {
    text_.clear();
    phonetic_depth_ = 0;
    in_text_ = false;
  }
  void OnEvent(XmlPullParser::Event event, const XmlPullParser& xml);
  // The text, with OOXML `_xHHHH_` escapes decoded.
  std::string Take() const;

 private:
  std::string text_;
  int phonetic_depth_ = 0;
  bool in_text_ = false;
};

}  // namespace sunlight::ledger
