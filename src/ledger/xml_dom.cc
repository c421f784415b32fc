// pugixml helpers that match names without namespace prefixes.
#include "ledger/xml_dom.h"

#include <string>

namespace sunlight::ledger {

namespace {
std::string_view StripPrefix(std::string_view name) {
  const size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}
}  // namespace

Status LoadXmlDom(std::string_view xml, std::string_view part_name, pugi::xml_document& doc) {
  const pugi::xml_parse_result result =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    return InvalidArgumentError("XML 格式错误：" + std::string(part_name) + "（" +
                                    result.description() + "，字节偏移 " +
                                    std::to_string(result.offset) + "）",
                                "xlsx_bad_xml");
  }
  return Status::Ok();
}

std::string_view LocalName(const pugi::xml_node& node) { return StripPrefix(node.name()); }

pugi::xml_node FirstChildLocal(const pugi::xml_node& parent, std::string_view local_name) {
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == local_name) return child;
  }
  return pugi::xml_node();
}

std::vector<pugi::xml_node> ChildrenLocal(const pugi::xml_node& parent,
                                          std::string_view local_name) {
  std::vector<pugi::xml_node> children;
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == local_name) {
      children.push_back(child);
    }
  }
  return children;
}

pugi::xml_attribute AttributeLocal(const pugi::xml_node& node, std::string_view local_name) {
  for (pugi::xml_attribute attr : node.attributes()) {
    if (StripPrefix(attr.name()) == local_name) return attr;
  }
  return pugi::xml_attribute();
}

}  // namespace sunlight::ledger
