#include "supervision/letters/docx_writer.h"

#include <zip.h>

#include <fmt/format.h>

#include <memory>
#include <utility>
#include <vector>

namespace sunlight::supervision::letters {
namespace {

// Word names the fonts offices have (仿宋, 方正小标宋简体) and falls back to Noto CJK where
// they are missing (LibreOffice on Linux).
constexpr std::string_view kBodyFont = "仿宋";
constexpr std::string_view kTitleFont = "方正小标宋简体";
constexpr std::string_view kFallbackSerif = "Noto Serif CJK SC";

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>)";

constexpr std::string_view kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>)";

constexpr std::string_view kDocumentRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
</Relationships>)";

constexpr std::string_view kSettings =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:defaultTabStop w:val="640"/>
<w:characterSpacingControl w:val="compressPunctuation"/>
</w:settings>)";

constexpr std::string_view kNs =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";

// Run properties: East Asian font with a Noto fallback for Latin/ASCII, size in points.
std::string RunProps(std::string_view east_asian, double points, bool bold = false,
                     std::string_view color = {}) {
  std::string out =
      fmt::format(R"(<w:rPr><w:rFonts w:ascii="{0}" w:hAnsi="{0}" w:eastAsia="{1}" w:cs="{0}"/>)",
                  kFallbackSerif, east_asian);
  if (bold) out += "<w:b/><w:bCs/>";
  if (!color.empty()) out += fmt::format(R"(<w:color w:val="{}"/>)", color);
  int half_points = static_cast<int>(points * 2 + 0.5);
  out += fmt::format(R"(<w:sz w:val="{0}"/><w:szCs w:val="{0}"/></w:rPr>)", half_points);
  return out;
}

std::string Paragraph(std::string_view para_props, std::string_view run_props,
                      std::string_view text) {
  return fmt::format(
      R"(<w:p><w:pPr>{}{}</w:pPr><w:r>{}<w:t xml:space="preserve">{}</w:t></w:r></w:p>)",
      para_props, run_props, run_props, XmlEscape(text));
}

// Body lines at a fixed 28.9 pt pitch (GB/T 9704: 22 lines in the 225 mm text block).
constexpr std::string_view kLinePitch =
    R"(<w:spacing w:before="0" w:after="0" w:line="578" w:lineRule="exact"/>)";

std::string DocumentXml(const LetterDocument& doc) {
  std::string body;
  // 版头: the issuer's name in red, centred, large 小标宋, then the number and the red line.
  body += Paragraph(R"(<w:spacing w:before="0" w:after="240"/><w:jc w:val="center"/>)",
                    RunProps(kTitleFont, 36, /*bold=*/true, "FF0000"), doc.issuer_name);
  body += Paragraph(fmt::format("<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"11\" "
                                "w:color=\"FF0000\"/></w:pBdr>{}<w:jc w:val=\"center\"/>",
                                kLinePitch),
                    RunProps(kBodyFont, 16), doc.number);
  body += Paragraph(kLinePitch, RunProps(kBodyFont, 16), "");
  body += Paragraph(
      R"(<w:spacing w:before="0" w:after="0" w:line="700" w:lineRule="exact"/><w:jc w:val="center"/>)",
      RunProps(kTitleFont, 22, /*bold=*/true), doc.title);
  body += Paragraph(kLinePitch, RunProps(kBodyFont, 16), "");
  body += Paragraph(kLinePitch, RunProps(kBodyFont, 16), doc.recipient_name + "：");
  for (const std::string& p : doc.paragraphs) {
    body += Paragraph(
        fmt::format(R"({}<w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>)",
                    kLinePitch),
        RunProps(kBodyFont, 16), p);
  }
  body += Paragraph(kLinePitch, RunProps(kBodyFont, 16), "");
  body += Paragraph(kLinePitch, RunProps(kBodyFont, 16), "");
  // 署名 and 成文日期 at the right, the date indented four characters from the right edge.
  body += Paragraph(fmt::format(R"({}<w:ind w:right="1280"/><w:jc w:val="right"/>)", kLinePitch),
                    RunProps(kBodyFont, 16), doc.issuer_name);
  body += Paragraph(fmt::format(R"({}<w:ind w:right="1280"/><w:jc w:val="right"/>)", kLinePitch),
                    RunProps(kBodyFont, 16), doc.issued_on.ToChineseString());
  // A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (twips: mm × 56.7); the
  // footer (page number) 7 mm under the text block.
  body +=
      R"(<w:sectPr><w:footerReference w:type="default" r:id="rId3"/>)"
      R"(<w:pgSz w:w="11906" w:h="16838"/>)"
      R"(<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1587" w:gutter="0"/>)"
      R"(<w:docGrid w:type="lines" w:linePitch="578"/></w:sectPr>)";
  return fmt::format(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                     "\n<w:document {}><w:body>{}</w:body></w:document>",
                     kNs, body);
}

std::string StylesXml() {
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      "\n<w:styles {}><w:docDefaults><w:rPrDefault>{}</w:rPrDefault>"
      R"(<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="578" w:lineRule="exact"/></w:pPr></w:pPrDefault>)"
      R"(</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal">)"
      R"(<w:name w:val="Normal"/><w:qFormat/></w:style></w:styles>)",
      kNs, RunProps(kBodyFont, 16));
}

// "— PAGE —" in 宋体 4号 (14 pt), centred (an editable letter leaves odd/even placement to the
// office; the PDF places them right and left).
std::string FooterXml() {
  std::string run = RunProps("宋体", 14);
  return fmt::format(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                     "\n<w:ftr {0}><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
                     R"(<w:r>{1}<w:t xml:space="preserve">— </w:t></w:r>)"
                     R"(<w:r>{1}<w:fldChar w:fldCharType="begin"/></w:r>)"
                     R"(<w:r>{1}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>)"
                     R"(<w:r>{1}<w:fldChar w:fldCharType="separate"/></w:r>)"
                     R"(<w:r>{1}<w:t>1</w:t></w:r>)"
                     R"(<w:r>{1}<w:fldChar w:fldCharType="end"/></w:r>)"
                     R"(<w:r>{1}<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>)",
                     kNs, run);
}

std::string CoreXml(const LetterDocument& doc) {
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      "\n<cp:coreProperties "
      R"(xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" )"
      R"(xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" )"
      R"(xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">)"
      R"(<dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:identifier>{}</dc:identifier>)"
      R"(<dcterms:created xsi:type="dcterms:W3CDTF">{}T00:00:00Z</dcterms:created>)"
      R"(</cp:coreProperties>)",
      XmlEscape(doc.title), XmlEscape(doc.issuer_name), XmlEscape(doc.number),
      doc.issued_on.ToString());
}

Status ZipError(std::string_view what, zip_error_t* error) {
  return InternalError(fmt::format("生成 .docx 失败（{}：{}）", what, zip_error_strerror(error)),
                       "docx_failed");
}

}  // namespace

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

StatusOr<std::string> RenderDocx(const LetterDocument& doc) {
  // The parts stay alive until zip_close, which reads them.
  const std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", std::string(kContentTypes)},
      {"_rels/.rels", std::string(kRootRels)},
      {"docProps/core.xml", CoreXml(doc)},
      {"word/document.xml", DocumentXml(doc)},
      {"word/styles.xml", StylesXml()},
      {"word/settings.xml", std::string(kSettings)},
      {"word/footer1.xml", FooterXml()},
      {"word/_rels/document.xml.rels", std::string(kDocumentRels)},
  };
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> buffer(
      zip_source_buffer_create(nullptr, 0, 0, &error), &zip_source_free);
  if (!buffer) return ZipError("buffer", &error);
  zip_source_keep(buffer.get());  // we read it after zip_close
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    Status status = ZipError("open", &error);
    zip_error_fini(&error);
    return status;
  }
  zip_error_fini(&error);
  for (const auto& [name, content] : parts) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (source == nullptr || zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
      if (source != nullptr) zip_source_free(source);
      Status status = InternalError(
          fmt::format("生成 .docx 失败（{}：{}）", name, zip_strerror(archive)), "docx_failed");
      zip_discard(archive);
      return status;
    }
  }
  if (zip_close(archive) < 0) {
    Status status =
        InternalError(fmt::format("生成 .docx 失败（{}）", zip_strerror(archive)), "docx_failed");
    zip_discard(archive);
    return status;
  }
  zip_stat_t stat;
  if (zip_source_stat(buffer.get(), &stat) < 0 || zip_source_open(buffer.get()) < 0) {
    return InternalError("生成 .docx 失败（读取压缩结果）", "docx_failed");
  }
  std::string bytes(stat.size, '\0');
  zip_int64_t got = zip_source_read(buffer.get(), bytes.data(), stat.size);
  zip_source_close(buffer.get());
  if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size) {
    return InternalError("生成 .docx 失败（读取压缩结果）", "docx_failed");
  }
  return bytes;
}

}  // namespace sunlight::supervision::letters
