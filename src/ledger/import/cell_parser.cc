// Cell parsing: each column type delegates to its core value type, so that the import accepts
// exactly what the rest of Sunlight understands.
#include "ledger/import/cell_parser.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include "core/bank_account.h"
#include "core/date.h"
#include "core/id_number.h"
#include "core/money.h"
#include "core/period.h"
#include "core/text.h"
#include "core/uscc.h"

namespace sunlight::ledger {
namespace {

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string AllowedValues(const EnumDomain& domain) {
  std::string out;
  for (const EnumValue& value : domain.values) {
    if (!out.empty()) out += "、";
    out += value.canonical;
    if (!value.chinese.empty()) out += "/" + std::string(value.chinese);
  }
  return out;
}

StatusOr<std::string_view> ParseEnum(const ColumnSpec& column, std::string_view text) {
  const EnumValue* value = FindEnumValue(*column.domain, text);
  if (value == nullptr) {
    return InvalidArgumentError(
        "取值“" + std::string(text) + "”不在允许范围内（" + AllowedValues(*column.domain) + "）",
        "bad_enum_value");
  }
  return std::string_view(value->canonical);
}

StatusOr<store::Value> ParseCategoryList(const ColumnSpec& column, std::string_view text) {
  std::string joined;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string_view::npos) end = text.size();
    std::string part = TrimSpace(text.substr(start, end - start));
    if (!part.empty()) {
      const EnumValue* value = FindEnumValue(*column.domain, part);
      if (value == nullptr) {
        return InvalidArgumentError(
            "用途“" + part + "”不在允许范围内（" + AllowedValues(*column.domain) + "）",
            "bad_enum_value");
      }
      if (!joined.empty()) joined += ';';
      joined += value->canonical;
    }
    start = end + 1;
  }
  if (joined.empty()) return InvalidArgumentError("用途列表为空", "empty_category_list");
  return store::Value(std::move(joined));
}

StatusOr<store::Value> ParseInt(std::string_view text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return InvalidArgumentError("“" + std::string(text) + "”不是整数", "bad_integer");
  }
  return store::Value(value);
}

StatusOr<store::Value> ParseDecimal(std::string_view text) {
  // Digits with at most one point and an optional sign; no exponent, no letters: "12.5", "-3".
  bool digits = false;
  bool point = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c == '.' && !point) {
      point = true;
    } else if (!(c == '-' && i == 0)) {
      digits = false;
      break;
    }
  }
  double value = 0;
  if (digits) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    digits = ec == std::errc() && end == text.data() + text.size() && std::isfinite(value);
  }
  if (!digits) return InvalidArgumentError("“" + std::string(text) + "”不是数字", "bad_decimal");
  return store::Value(value);
}

StatusOr<store::Value> ParseBool(std::string_view text) {
  for (std::string_view yes : {"true", "1", "yes", "y", "是"}) {
    if (EqualsIgnoringAsciiCase(text, yes)) return store::Value(1);
  }
  for (std::string_view no : {"false", "0", "no", "n", "否"}) {
    if (EqualsIgnoringAsciiCase(text, no)) return store::Value(0);
  }
  return InvalidArgumentError("“" + std::string(text) + "”不是是/否值（true/false、是/否、1/0）",
                              "bad_bool");
}

}  // namespace

const EnumValue* FindEnumValue(const EnumDomain& domain, std::string_view text) {
  for (const EnumValue& value : domain.values) {
    if (EqualsIgnoringAsciiCase(text, value.canonical) ||
        (!value.chinese.empty() && text == value.chinese)) {
      return &value;
    }
  }
  return nullptr;
}

namespace {

// `text` is trimmed and not empty. Text results are set with Value::SetText, so a value that
// held text before keeps its buffer; on failure `out` may hold anything.
Status ParseNonEmpty(const ColumnSpec& column, std::string_view text,
                     const store::RegionIndex& regions, store::Value& out) {
  switch (column.type) {
    case ColumnType::kText:
      out.SetText(text);
      return Status::Ok();
    case ColumnType::kIdNumber: {
      SUNLIGHT_ASSIGN_OR_RETURN(IdNumber id, IdNumber::Parse(text));
      out.SetText(id.str());
      return Status::Ok();
    }
    case ColumnType::kUscc: {
      SUNLIGHT_ASSIGN_OR_RETURN(Uscc code, Uscc::Parse(text));
      out.SetText(code.str());
      return Status::Ok();
    }
    case ColumnType::kBankAccount: {
      SUNLIGHT_ASSIGN_OR_RETURN(BankAccount account, BankAccount::Parse(text));
      out.SetText(account.digits());
      return Status::Ok();
    }
    case ColumnType::kMoney: {
      SUNLIGHT_ASSIGN_OR_RETURN(Money money, Money::Parse(text));
      out = store::Value(money.fen());
      return Status::Ok();
    }
    case ColumnType::kDate: {
      SUNLIGHT_ASSIGN_OR_RETURN(Date date, Date::Parse(text));
      out.SetText(date.ToString());
      return Status::Ok();
    }
    case ColumnType::kPeriod: {
      SUNLIGHT_ASSIGN_OR_RETURN(Period period, Period::Parse(text));
      out.SetText(period.ToString());
      return Status::Ok();
    }
    case ColumnType::kRegionCode: {
      StatusOr<store::Region> region = regions.Resolve(text);
      if (!region.ok()) {
        return Status(StatusCode::kInvalidArgument, region.status().message(),
                      std::string(region.status().reason()));
      }
      out.SetText(region->code);
      return Status::Ok();
    }
    case ColumnType::kEnum: {
      SUNLIGHT_ASSIGN_OR_RETURN(std::string_view canonical, ParseEnum(column, text));
      out.SetText(canonical);
      return Status::Ok();
    }
    case ColumnType::kCategoryList: {
      SUNLIGHT_ASSIGN_OR_RETURN(out, ParseCategoryList(column, text));
      return Status::Ok();
    }
    case ColumnType::kInt: {
      SUNLIGHT_ASSIGN_OR_RETURN(out, ParseInt(text));
      return Status::Ok();
    }
    case ColumnType::kDecimal: {
      SUNLIGHT_ASSIGN_OR_RETURN(out, ParseDecimal(text));
      return Status::Ok();
    }
    case ColumnType::kBool: {
      SUNLIGHT_ASSIGN_OR_RETURN(out, ParseBool(text));
      return Status::Ok();
    }
  }
  return InternalError("未知的列类型", "unknown_column_type");
}

}  // namespace

Status ParseCellInto(const ColumnSpec& column, std::string_view raw,
                     const store::RegionIndex& regions, store::Value& out) {
  // A view: only a text column keeps the cell's bytes, every other type parses them.
  const std::string_view text = TrimSpaceView(raw);
  if (text.empty()) {
    out = store::Value();
    return Status::Ok();
  }
  Status parsed = ParseNonEmpty(column, text, regions, out);
  if (!parsed.ok()) out = store::Value();
  return parsed;
}

StatusOr<store::Value> ParseCell(const ColumnSpec& column, std::string_view raw,
                                 const store::RegionIndex& regions) {
  store::Value value;
  SUNLIGHT_RETURN_IF_ERROR(ParseCellInto(column, raw, regions, value));
  return value;
}

}  // namespace sunlight::ledger
