// Streaming read of xl/sharedStrings.xml into an arena.
#include "ledger/xlsx_shared_strings.h"

#include "ledger/xlsx_cell_text.h"

namespace sunlight::ledger {

void StringItemText::OnEvent(XmlPullParser::Event event, const XmlPullParser& xml) {
  switch (event) {
    case XmlPullParser::Event::kStartElement:
      if (xml.name() == "rPh") ++phonetic_depth_;
      if (xml.name() == "t") in_text_ = phonetic_depth_ == 0;
      break;
    case XmlPullParser::Event::kEndElement:
      if (xml.name() == "rPh") --phonetic_depth_;
      if (xml.name() == "t") in_text_ = false;
      break;
    case XmlPullParser::Event::kText:
      if (in_text_) text_ += xml.text();
      break;
    case XmlPullParser::Event::kEndDocument:
      break;
  }
}

std::string StringItemText::Take() const { return DecodeOoxmlEscapes(text_); }

StatusOr<SharedStrings> SharedStrings::Parse(XmlPullParser& xml, size_t max_bytes) {
  SharedStrings table;
  StringItemText item;
  bool in_item = false;
  while (true) {
    SUNLIGHT_ASSIGN_OR_RETURN(XmlPullParser::Event event, xml.Next());
    if (event == XmlPullParser::Event::kEndDocument) break;
    const bool is_si = (event == XmlPullParser::Event::kStartElement ||
                        event == XmlPullParser::Event::kEndElement) &&
                       xml.name() == "si";
    if (is_si && event == XmlPullParser::Event::kStartElement) {
      item.Reset();
      in_item = true;
    } else if (is_si) {
      in_item = false;
      table.arena_ += item.Take();
      if (table.arena_.size() > max_bytes) {
        return ResourceExhaustedError("工作簿的共享字符串表过大（超过 " +
                                          std::to_string(max_bytes / (1024 * 1024)) + " MiB）",
                                      "xlsx_too_large");
      }
      table.offsets_.push_back(table.arena_.size());
    } else if (in_item) {
      item.OnEvent(event, xml);
    }
  }
  table.arena_.shrink_to_fit();
  table.offsets_.shrink_to_fit();
  return table;
}

}  // namespace sunlight::ledger
