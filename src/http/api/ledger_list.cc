#include "http/api/ledger_list.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "core/date.h"
#include "core/period.h"
#include "http/api/ledger_json.h"
#include "http/api/xlsx_export.h"
#include "store/result_set.h"

namespace sunlight::http::ledger {
namespace {

constexpr size_t kMaxFilterLength = 64;

Status BadParameter(std::string_view param, std::string message) {
  return InvalidArgumentError("参数 " + std::string(param) + " 无效：" + message,
                              "invalid_" + std::string(param));
}

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

StatusOr<int64_t> ParseInteger(std::string_view param, std::string_view text, int64_t min,
                               int64_t max, std::string_view expected) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < min ||
      value > max) {
    return BadParameter(param, std::string(expected));
  }
  return value;
}

// The later of two optional lower bounds, the earlier of two upper bounds.
void Narrow(std::optional<std::string>& bound, const std::string& value, bool keep_larger) {
  if (!bound || (keep_larger ? value > *bound : value < *bound)) bound = value;
}

std::string Join(const std::vector<std::string_view>& values) {
  std::string out;
  for (std::string_view v : values) {
    if (!out.empty()) out += "、";
    out += v;
  }
  return out;
}

}  // namespace

StatusOr<ListRequest> ParseListRequest(const Request& request, const CollectionSpec& spec) {
  ListRequest list;
  std::set<std::string_view> seen;
  for (const auto& [name, value] : request.query) {
    if (!seen.insert(name).second) return BadParameter(name, "不能重复出现");
    if (name == "page") {
      SUNLIGHT_ASSIGN_OR_RETURN(int64_t page,
                                ParseInteger(name, value, 1, 1'000'000, "须为不小于 1 的整数"));
      list.page = static_cast<int>(page);
    } else if (name == "page_size") {
      SUNLIGHT_ASSIGN_OR_RETURN(int64_t size,
                                ParseInteger(name, value, 1, kMaxPageSize, "须为 1 至 200 的整数"));
      list.page_size = static_cast<int>(size);
    } else if (name == "sort") {
      auto it = std::find_if(spec.sorts.begin(), spec.sorts.end(),
                             [&](const SortSpec& s) { return s.field == value; });
      if (it == spec.sorts.end()) {
        std::vector<std::string_view> fields;
        for (const SortSpec& s : spec.sorts) fields.push_back(s.field);
        return BadParameter(name, "可排序的字段为 " + Join(fields));
      }
      list.sort_expr = std::string(it->expr);
    } else if (name == "format") {
      if (value != "json" && value != "xlsx") return BadParameter(name, "须为 json 或 xlsx");
      list.export_xlsx = value == "xlsx";
    } else if (name == "order") {
      if (value != "asc" && value != "desc") return BadParameter(name, "须为 asc 或 desc");
      list.descending = value == "desc";
    } else if (name == "region") {
      if (spec.region_exprs.empty()) return BadParameter(name, "该列表不按区划筛选");
      if (!AllDigits(value) || value.size() < 2 || value.size() > 12) {
        return BadParameter(name, "须为 2 至 12 位数字的区划代码前缀");
      }
      list.region_prefix = value;
    } else if (name == "period" || name == "from" || name == "to") {
      if (spec.date_expr.empty()) return BadParameter(name, "该列表没有可筛选的日期");
      if (name == "period") {
        StatusOr<Period> period = Period::Parse(value);
        if (!period.ok()) return BadParameter(name, "须为 YYYY、YYYY-Qn 或 YYYY-MM");
        Narrow(list.date_min, period->start().ToString(), true);
        Narrow(list.date_end, period->end().AddDays(1).ToString(), false);
      } else {
        StatusOr<Date> date = Date::Parse(value);
        if (!date.ok()) return BadParameter(name, "须为 YYYY-MM-DD 格式的日期");
        if (name == "from") {
          Narrow(list.date_min, date->ToString(), true);
        } else {
          Narrow(list.date_end, date->AddDays(1).ToString(), false);
        }
      }
    } else {
      auto it = std::find_if(spec.filters.begin(), spec.filters.end(),
                             [&](const FilterSpec& f) { return f.param == name; });
      if (it == spec.filters.end()) return BadParameter(name, "不是该列表的参数");
      if (value.empty() || value.size() > kMaxFilterLength) {
        return BadParameter(name, "须为 1 至 64 个字符");
      }
      if (!it->allowed.empty() &&
          std::find(it->allowed.begin(), it->allowed.end(), value) == it->allowed.end()) {
        return BadParameter(name, "可选值为 " + Join(it->allowed));
      }
      if (it->kind == FilterSpec::Kind::kInteger) {
        SUNLIGHT_ASSIGN_OR_RETURN(int64_t number,
                                  ParseInteger(name, value, INT64_MIN, INT64_MAX, "须为整数"));
        list.equals.emplace_back(std::string(it->expr), store::Value(number));
      } else {
        list.equals.emplace_back(std::string(it->expr), store::Value(value));
      }
    }
  }
  return list;
}

std::string ScopeCondition(const std::vector<std::string_view>& region_exprs,
                           const access::RecordScope& scope, std::string_view region_prefix,
                           std::vector<store::Value>& params) {
  // Only digit prefixes reach LIKE, so no prefix can carry a wildcard.
  std::vector<std::string> prefixes;
  for (const std::string& prefix : scope.region_prefixes) {
    if (AllDigits(prefix)) prefixes.push_back(prefix);
  }
  if (prefixes.empty()) return "1 = 0";
  if (region_exprs.empty()) return "1 = 1";
  std::string any_expr;
  for (std::string_view expr : region_exprs) {
    std::string one = "(";
    for (size_t i = 0; i < prefixes.size(); ++i) {
      if (i > 0) one += " OR ";
      one += std::string(expr) + " LIKE ?";
      params.emplace_back(prefixes[i] + "%");
    }
    one += ")";
    if (!region_prefix.empty()) {
      one += " AND " + std::string(expr) + " LIKE ?";
      params.emplace_back(std::string(region_prefix) + "%");
    }
    if (!any_expr.empty()) any_expr += " OR ";
    any_expr += "(" + one + ")";
  }
  return "(" + any_expr + ")";
}

StatusOr<nlohmann::json> RunList(store::Connection& conn, const CollectionSpec& spec,
                                 const ListRequest& list, const access::RecordScope& scope) {
  std::vector<store::Value> params;
  std::string where = ScopeCondition(spec.region_exprs, scope, list.region_prefix, params);
  if (list.date_min) {
    where += " AND " + std::string(spec.date_expr) + " >= ?";
    params.emplace_back(*list.date_min);
  }
  if (list.date_end) {
    where += " AND " + std::string(spec.date_expr) + " < ?";
    params.emplace_back(*list.date_end);
  }
  for (const auto& [expr, value] : list.equals) {
    where += " AND " + expr + " = ?";
    params.push_back(value);
  }
  const std::string from = " FROM " + std::string(spec.from) + " WHERE " + where;

  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet count,
                            conn.Query("SELECT COUNT(*) AS n" + from, params));
  const int64_t total = count.at(0, 0).AsInteger();
  if (list.export_xlsx && total > MaxExportRows()) return ExportTooLarge(total);

  // Rows without the sorted value come last in both engines (SQLite puts NULL first,
  // PostgreSQL last); the id breaks ties, so pages never overlap.
  std::string order = " ORDER BY ";
  if (!list.sort_expr.empty()) {
    order += "(" + list.sort_expr + ") IS NULL, " + list.sort_expr +
             (list.descending ? " DESC, " : " ASC, ") + std::string(spec.order_by_id);
  } else if (list.descending) {
    std::string id_desc(spec.order_by_id);
    for (size_t at = id_desc.find(','); at != std::string::npos; at = id_desc.find(',', at + 6)) {
      id_desc.insert(at, " DESC");
    }
    order += id_desc + " DESC";
  } else {
    order += std::string(spec.order_by_id);
  }
  if (list.export_xlsx) {
    // The export: every matching row, masked like a page (RowsJson), in the list's order.
    SUNLIGHT_ASSIGN_OR_RETURN(
        store::ResultSet all,
        conn.Query("SELECT " + std::string(spec.select) + from + order, params));
    return nlohmann::json{{"items", RowsJson(all, scope)}, {"total", total}, {"export", "xlsx"}};
  }
  params.emplace_back(int64_t{list.page_size});
  params.emplace_back(int64_t{list.page - 1} * list.page_size);
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rows,
      conn.Query("SELECT " + std::string(spec.select) + from + order + " LIMIT ? OFFSET ?",
                 params));
  return nlohmann::json{{"items", RowsJson(rows, scope)},
                        {"total", total},
                        {"page", list.page},
                        {"page_size", list.page_size}};
}

}  // namespace sunlight::http::ledger
