// Date-format detection from styles.xml (pugixml DOM: the part is small).
#include "ledger/xlsx_styles.h"

#include <cstdlib>
#include <map>
#include <pugixml.hpp>
#include <string>

#include "ledger/xml_dom.h"

namespace sunlight::ledger {

bool IsBuiltInDateFormat(int num_fmt_id) {
  return (num_fmt_id >= 14 && num_fmt_id <= 22) || (num_fmt_id >= 27 && num_fmt_id <= 36) ||
         (num_fmt_id >= 45 && num_fmt_id <= 47) || (num_fmt_id >= 50 && num_fmt_id <= 58);
}

bool IsDateFormatCode(std::string_view code) {
  // Only the first section (positive numbers) decides how a date cell looks.
  for (size_t pos = 0; pos < code.size(); ++pos) {
    const char c = code[pos];
    switch (c) {
      case '"': {  // literal text
        const size_t close = code.find('"', pos + 1);
        if (close == std::string_view::npos) return false;
        pos = close;
        break;
      }
      case '[': {  // [Red], [$-804], [DBNum1]; elapsed time [h] [mm] [ss] is a time
        const size_t close = code.find(']', pos + 1);
        if (close == std::string_view::npos) return false;
        const std::string_view inside = code.substr(pos + 1, close - pos - 1);
        if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) {
          return true;
        }
        pos = close;
        break;
      }
      case '\\':  // escaped character
      case '_':   // space as wide as the next character
      case '*':   // fill with the next character
        ++pos;
        break;
      case ';':  // end of the first section
        return false;
      default:
        if (std::string_view("yYmMdDhHsS").find(c) != std::string_view::npos) return true;
        break;
    }
  }
  return false;
}

StatusOr<DateStyles> ParseDateStyles(std::string_view styles_xml) {
  pugi::xml_document doc;
  SUNLIGHT_RETURN_IF_ERROR(LoadXmlDom(styles_xml, "xl/styles.xml", doc));
  const pugi::xml_node style_sheet = FirstChildLocal(doc, "styleSheet");

  std::map<long, bool> custom_is_date;  // numFmtId -> is a date format
  for (pugi::xml_node fmt : ChildrenLocal(FirstChildLocal(style_sheet, "numFmts"), "numFmt")) {
    const long id = fmt.attribute("numFmtId").as_int(-1);
    custom_is_date[id] = IsDateFormatCode(fmt.attribute("formatCode").as_string());
  }
  std::vector<bool> is_date;
  for (pugi::xml_node xf : ChildrenLocal(FirstChildLocal(style_sheet, "cellXfs"), "xf")) {
    const long id = xf.attribute("numFmtId").as_int(0);
    const auto custom = custom_is_date.find(id);
    is_date.push_back(custom != custom_is_date.end() ? custom->second
                                                     : IsBuiltInDateFormat(static_cast<int>(id)));
  }
  return DateStyles(std::move(is_date));
}

}  // namespace sunlight::ledger
