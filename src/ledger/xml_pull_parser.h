// XmlPullParser: a small streaming (pull) XML reader for the big parts of an XLSX workbook.
//
// A worksheet can be hundreds of megabytes of XML; a DOM (pugixml) would hold all of it. This
// parser holds one token at a time (a tag, or the text between two tags), so memory depends on
// the largest cell, not on the sheet. It covers what OOXML producers write: elements,
// attributes in either quote, namespace prefixes (dropped: `x:row` is `row`), the five named
// entities and character references, CDATA, comments and processing instructions. A DOCTYPE is
// refused (OOXML has none; refusing it rules out entity expansion). `\r\n` in text becomes `\n`.
//
//   XmlPullParser xml([&](char* buf, size_t cap) { return part.Read(buf, cap); });
//   while (true) {
//     SUNLIGHT_ASSIGN_OR_RETURN(XmlPullParser::Event event, xml.Next());
//     if (event == XmlPullParser::Event::kEndDocument) break;
//     if (event == XmlPullParser::Event::kStartElement && xml.name() == "row") ...
//   }
//
// Errors: reason "xlsx_bad_xml" (malformed, or the part ends inside an element) and
// "xlsx_token_too_large". Not safe for concurrent use.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sunlight::ledger {

class XmlPullParser {
 public:
  // Puts up to `capacity` more bytes of the document into `buffer`; returns how many, 0 at the
  // end.
  using Source = std::function<StatusOr<size_t>(char* buffer, size_t capacity)>;

  enum class Event {
    kStartElement,  // name() and Attribute() describe it; `<a/>` gives a start and an end
    kEndElement,    // name() is the element that ends
    kText,          // text(): character data (may come in several pieces; concatenate)
    kEndDocument,
  };

  static constexpr size_t kDefaultMaxTokenBytes = 64 * 1024 * 1024;

  explicit XmlPullParser(Source source, size_t max_token_bytes = kDefaultMaxTokenBytes);

  StatusOr<Event> Next();

  // The local name (without prefix) of the element just started or ended.
  std::string_view name() const { return name_; }
  // The decoded value of the current start element's attribute with this local name.
  std::optional<std::string_view> Attribute(std::string_view local_name) const;
  // The decoded text of the current kText event.
  std::string_view text() const { return text_; }
  // Elements open around the current event (the root's start is at depth 1).
  size_t depth() const { return open_.size(); }

 private:
  struct Attr {
    std::string local_name;
    std::string value;
  };

  // Reads another chunk onto buf_; false at the end of the source.
  StatusOr<bool> Fill();
  // Index of `needle` at or after buf_[from], reading as needed; npos when the source ends.
  StatusOr<size_t> Find(size_t from, std::string_view needle);
  // Makes buf_ hold at least `count` bytes from pos_, if the source has them.
  Status Want(size_t count);
  Status ParseTag(std::string_view tag);  // the inside of `<...>`, without the brackets
  Status Bad(std::string_view what) const;

  Source source_;
  const size_t max_token_bytes_;
  std::string buf_;  // [pos_, size) not yet parsed
  size_t pos_ = 0;
  bool source_done_ = false;
  bool started_ = false;      // the BOM check has run
  bool pending_end_ = false;  // the last start element was empty (`<a/>`)

  std::string name_;
  std::string text_;
  std::vector<Attr> attrs_;  // reused between elements; the first attr_count_ are current
  size_t attr_count_ = 0;
  std::vector<std::string> open_;  // names of the open elements
};

// Decodes XML character data: entities and character references, `\r\n` -> `\n`.
// Appends to `out`; false when a reference is malformed or names a character XML forbids.
bool DecodeXmlText(std::string_view raw, std::string& out);

}  // namespace sunlight::ledger
