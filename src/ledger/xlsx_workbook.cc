// XlsxWorkbook: package relationships -> workbook -> sheets, shared strings, styles.
#include "ledger/xlsx_workbook.h"

#include <map>
#include <pugixml.hpp>

#include "ledger/xlsx_sheet_source.h"
#include "ledger/xml_dom.h"

namespace sunlight::ledger {

namespace {

// The small parts are parsed as a DOM; real ones are kilobytes. The cap stops a zip bomb.
constexpr size_t kMaxDomPartBytes = 64 * 1024 * 1024;

struct Relationship {
  std::string type;    // e.g. ".../relationships/worksheet"
  std::string target;  // the part name, resolved
};

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The folder of a part name, with a trailing '/' ("xl/workbook.xml" -> "xl/").
std::string DirectoryOf(std::string_view part) {
  const size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// Resolves a relationship target against the folder of its source part (OPC, RFC 3986 style):
// "/xl/a.xml" is absolute, "worksheets/sheet1.xml" and "../x.xml" are relative.
std::string ResolveTarget(std::string_view base_dir, std::string_view target) {
  std::string joined = !target.empty() && target.front() == '/'
                           ? std::string(target.substr(1))
                           : std::string(base_dir) + std::string(target);
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    const std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string resolved;
  for (const std::string& segment : segments) {
    if (!resolved.empty()) resolved += '/';
    resolved += segment;
  }
  return resolved;
}

// Reads a .rels part: Id -> relationship, targets resolved against `source_dir`.
StatusOr<std::map<std::string, Relationship>> ReadRelationships(ZipArchive& archive,
                                                                const std::string& rels_part,
                                                                const std::string& source_dir) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::string xml, archive.ReadAll(rels_part, kMaxDomPartBytes));
  pugi::xml_document doc;
  SUNLIGHT_RETURN_IF_ERROR(LoadXmlDom(xml, rels_part, doc));
  std::map<std::string, Relationship> relationships;
  for (pugi::xml_node rel : ChildrenLocal(FirstChildLocal(doc, "Relationships"), "Relationship")) {
    if (std::string_view(rel.attribute("TargetMode").as_string()) == "External") continue;
    relationships[rel.attribute("Id").as_string()] =
        Relationship{rel.attribute("Type").as_string(),
                     ResolveTarget(source_dir, rel.attribute("Target").as_string())};
  }
  return relationships;
}

}  // namespace

StatusOr<std::shared_ptr<XlsxWorkbook>> XlsxWorkbook::Open(const std::filesystem::path& path) {
  std::shared_ptr<XlsxWorkbook> book(new XlsxWorkbook());
  book->display_name_ = path.filename().string();
  SUNLIGHT_ASSIGN_OR_RETURN(book->archive_, ZipArchive::Open(path, book->display_name_));

  // The package relationships name the workbook part; "xl/workbook.xml" is what everyone uses.
  std::string workbook_part = "xl/workbook.xml";
  if (book->archive_->Contains("_rels/.rels")) {
    SUNLIGHT_ASSIGN_OR_RETURN(auto package_rels,
                              ReadRelationships(*book->archive_, "_rels/.rels", ""));
    for (const auto& [id, rel] : package_rels) {
      if (EndsWith(rel.type, "/officeDocument")) workbook_part = rel.target;
    }
  }
  Status status = book->ReadPackageParts(workbook_part);
  if (!status.ok()) return status;
  return book;
}

Status XlsxWorkbook::ReadPackageParts(const std::string& workbook_part) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::string xml, archive_->ReadAll(workbook_part, kMaxDomPartBytes));
  pugi::xml_document doc;
  SUNLIGHT_RETURN_IF_ERROR(LoadXmlDom(xml, workbook_part, doc));
  const pugi::xml_node workbook = FirstChildLocal(doc, "workbook");
  const pugi::xml_attribute date1904 =
      FirstChildLocal(workbook, "workbookPr").attribute("date1904");
  date1904_ = date1904.as_bool(false);

  const std::string dir = DirectoryOf(workbook_part);
  const std::string rels_part = dir + "_rels/" + workbook_part.substr(dir.size()) + ".rels";
  SUNLIGHT_ASSIGN_OR_RETURN(auto rels, ReadRelationships(*archive_, rels_part, dir));
  for (const auto& [id, rel] : rels) {
    if (EndsWith(rel.type, "/sharedStrings")) shared_strings_part_ = rel.target;
    if (EndsWith(rel.type, "/styles")) styles_part_ = rel.target;
  }

  for (pugi::xml_node sheet : ChildrenLocal(FirstChildLocal(workbook, "sheets"), "sheet")) {
    const std::string name = sheet.attribute("name").as_string();
    const auto rel = rels.find(AttributeLocal(sheet, "id").as_string());
    if (rel == rels.end()) {
      return NotFoundError(display_name_ + "：工作表“" + name + "”缺少对应的部件（关系未定义）",
                           "xlsx_missing_part");
    }
    if (!EndsWith(rel->second.type, "/worksheet")) continue;  // chart or macro sheet
    if (!archive_->Contains(rel->second.target)) {
      return NotFoundError(
          display_name_ + "：工作表“" + name + "”的部件 " + rel->second.target + " 不存在",
          "xlsx_missing_part");
    }
    sheets_.push_back(XlsxSheet{name, rel->second.target});
  }
  return Status::Ok();
}

Status XlsxWorkbook::LoadSharedParts() {
  if (!shared_strings_.has_value()) {
    if (shared_strings_part_.empty()) {
      shared_strings_.emplace();
    } else {
      SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<ZipPart> part,
                                archive_->OpenPart(shared_strings_part_));
      XmlPullParser xml(
          [&part](char* buffer, size_t capacity) { return part->Read(buffer, capacity); });
      StatusOr<SharedStrings> table = SharedStrings::Parse(xml);
      if (!table.ok()) return table.status().WithPrefix(display_name_ + ":" + shared_strings_part_);
      shared_strings_.emplace(std::move(table).value());
    }
  }
  if (!date_styles_.has_value()) {
    if (styles_part_.empty()) {
      date_styles_.emplace();
    } else {
      SUNLIGHT_ASSIGN_OR_RETURN(std::string xml, archive_->ReadAll(styles_part_, kMaxDomPartBytes));
      StatusOr<DateStyles> styles = ParseDateStyles(xml);
      if (!styles.ok()) return styles.status().WithPrefix(display_name_);
      date_styles_.emplace(std::move(styles).value());
    }
  }
  return Status::Ok();
}

StatusOr<std::unique_ptr<TableSource>> XlsxWorkbook::OpenSheet(std::string_view sheet_name) {
  const XlsxSheet* found = nullptr;
  for (const XlsxSheet& sheet : sheets_) {
    if (sheet.name == sheet_name) {
      found = &sheet;
      break;
    }
  }
  if (found == nullptr) {
    return NotFoundError(display_name_ + "：没有名为“" + std::string(sheet_name) + "”的工作表",
                         "xlsx_no_such_sheet");
  }
  SUNLIGHT_RETURN_IF_ERROR(LoadSharedParts());
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<ZipPart> part, archive_->OpenPart(found->part));
  return std::unique_ptr<TableSource>(std::make_unique<XlsxSheetSource>(
      shared_from_this(), std::move(part), display_name_ + ":" + found->name));
}

}  // namespace sunlight::ledger
