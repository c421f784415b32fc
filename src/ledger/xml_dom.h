// Helpers for the small XLSX parts read as a pugixml DOM (workbook, relationships, styles).
//
// pugixml does not know namespaces, and producers differ in prefixes (`<sheet>` from Excel,
// `<x:sheet>` from some .NET libraries), so elements are matched by local name.
#pragma once

#include <pugixml.hpp>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sunlight::ledger {

// Parses `xml` into `doc`. Malformed XML is reason "xlsx_bad_xml", naming `part_name`.
Status LoadXmlDom(std::string_view xml, std::string_view part_name, pugi::xml_document& doc);

// The element's name without its namespace prefix.
std::string_view LocalName(const pugi::xml_node& node);

// The first child element with this local name (an empty node when there is none).
pugi::xml_node FirstChildLocal(const pugi::xml_node& parent, std::string_view local_name);

// All child elements with this local name, in document order.
std::vector<pugi::xml_node> ChildrenLocal(const pugi::xml_node& parent,
                                          std::string_view local_name);

// The attribute with this local name (`r:id` matches "id"); empty when absent.
pugi::xml_attribute AttributeLocal(const pugi::xml_node& node, std::string_view local_name);

}  // namespace sunlight::ledger
