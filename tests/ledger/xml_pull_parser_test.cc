#include "ledger/xml_pull_parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace sunlight::ledger {
namespace {

using Event = XmlPullParser::Event;

// A source that hands out `document` at most `step` bytes at a time.
XmlPullParser::Source FromString(std::string document, size_t step) {
  auto pos = std::make_shared<size_t>(0);
  auto text = std::make_shared<std::string>(std::move(document));
  return [pos, text, step](char* buffer, size_t capacity) -> StatusOr<size_t> {
    const size_t count = std::min({capacity, step, text->size() - *pos});
    std::memcpy(buffer, text->data() + *pos, count);
    *pos += count;
    return count;
  };
}

// Renders the events compactly: <name a=v> </name> "text" (whitespace-only text left out).
StatusOr<std::string> Trace(const std::string& document, size_t step, bool with_attr = true) {
  XmlPullParser xml(FromString(document, step));
  std::string trace;
  while (true) {
    SUNLIGHT_ASSIGN_OR_RETURN(Event event, xml.Next());
    switch (event) {
      case Event::kStartElement:
        trace += "<" + std::string(xml.name());
        if (with_attr) {
          for (const char* attr : {"r", "t", "id"}) {
            if (auto value = xml.Attribute(attr))
              trace += " " + std::string(attr) + "=" + std::string(*value);
          }
        }
        trace += ">";
        break;
      case Event::kEndElement:
        trace += "</" + std::string(xml.name()) + ">";
        break;
      case Event::kText:
        if (xml.text().find_first_not_of(" \n\t") != std::string_view::npos) {
          trace += "\"" + std::string(xml.text()) + "\"";
        }
        break;
      case Event::kEndDocument:
        return trace;
    }
  }
}

const std::string kSheet =
    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- a comment with <row> inside -->"
    "<x:worksheet xmlns:x=\"urn:x\"><x:sheetData>"
    "<x:row r='1'><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>A &amp; B &lt;&#20013;&#x6587;&gt;</x:t>"
    "</x:is></x:c><x:c r=\"B1\" t='s' id=\"a&quot;b>c\"/></x:row>"
    "<x:row r=\"2\"><x:c r=\"A2\"><x:v><![CDATA[1<2]]></x:v></x:c></x:row>"
    "</x:sheetData></x:worksheet>\n";

const std::string kTrace =
    "<worksheet><sheetData><row r=1><c r=A1 t=inlineStr><is><t>\"A & B <中文>\"</t></is></c>"
    "<c r=B1 t=s id=a\"b>c></c></row><row r=2><c r=A2><v>\"1<2\"</v></c></row></sheetData>"
    "</worksheet>";

TEST(XmlPullParserTest, ParsesElementsAttributesEntitiesCdataAndPrefixes) {
  auto trace = Trace(kSheet, 1 << 20);
  ASSERT_TRUE(trace.ok()) << trace.status();
  EXPECT_EQ(*trace, kTrace);
}

TEST(XmlPullParserTest, SameEventsWhateverTheChunking) {
  for (size_t step : {1, 2, 3, 7, 10}) {
    auto trace = Trace(kSheet, step);
    ASSERT_TRUE(trace.ok()) << "step " << step << ": " << trace.status();
    EXPECT_EQ(*trace, kTrace) << "step " << step;
  }
}

TEST(XmlPullParserTest, NormalizesLineEndsInText) {
  auto trace = Trace("<t>a\r\nb\rc&#13;</t>", 2);
  ASSERT_TRUE(trace.ok()) << trace.status();
  EXPECT_EQ(*trace, "<t>\"a\nb\nc\r\"</t>");
}

TEST(XmlPullParserTest, RefusesMalformedDocuments) {
  for (const std::string& bad : {
           std::string("<a><b></a>"),      // mismatched end tag
           std::string("<a><b>"),          // ends inside elements
           std::string("<a x=1/>"),        // unquoted attribute
           std::string("<a>&bogus;</a>"),  // unknown entity
           std::string("<a>&#0;</a>"),     // forbidden character
           std::string("<a>\xFF</a>"),     // not UTF-8
           std::string("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>"),
           std::string("<a"),  // tag never closed
       }) {
    auto trace = Trace(bad, 3);
    ASSERT_FALSE(trace.ok()) << bad;
    EXPECT_EQ(trace.status().reason(), "xlsx_bad_xml") << bad;
  }
}

TEST(XmlPullParserTest, LimitsTheSizeOfOneToken) {
  XmlPullParser xml(FromString("<a>" + std::string(5000, 'x') + "</a>", 100), 1000);
  Status status;
  while (status.ok()) {
    auto event = xml.Next();
    if (!event.ok())
      status = event.status();
    else if (*event == Event::kEndDocument)
      break;
  }
  EXPECT_EQ(status.reason(), "xlsx_token_too_large");
}

TEST(XmlPullParserTest, PassesSourceErrorsOn) {
  XmlPullParser xml([](char*, size_t) -> StatusOr<size_t> {
    return InvalidArgumentError("坏了", "xlsx_corrupt");
  });
  EXPECT_EQ(xml.Next().status().reason(), "xlsx_corrupt");
}

}  // namespace
}  // namespace sunlight::ledger
