#include "http/api/ledger_json.h"

#include <array>
#include <string>

#include "http/api/ledger_masking.h"

namespace sunlight::http::ledger {
namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool IsIdColumn(std::string_view c) {
  return c == "id_number" || EndsWith(c, "_id_number") || c == "payee_id" || c == "holder_id" ||
         c == "id_number_a" || c == "id_number_b";
}

bool IsAccountColumn(std::string_view c) { return c == "account_no" || EndsWith(c, "_account"); }

bool IsPersonNameColumn(std::string_view c) {
  return c == "payee_name" || c == "holder_name" || c == "member_name" || c == "head_name" ||
         c == "deceased_name";
}

bool IsMoneyColumn(std::string_view c) {
  static constexpr std::array<std::string_view, 4> kMoney = {"amount", "budget", "standard_amount",
                                                             "subsidy_amount"};
  for (std::string_view m : kMoney) {
    if (c == m) return true;
  }
  return false;
}

nlohmann::json ValueJson(const store::Value& value) {
  switch (value.type()) {
    case store::ValueType::kNull:
      return nullptr;
    case store::ValueType::kInteger:
      return value.integer();
    case store::ValueType::kReal:
      return value.real();
    case store::ValueType::kText:
      return value.text();
    case store::ValueType::kBlob:
      return nullptr;  // no ledger column is a blob; never send raw bytes
  }
  return nullptr;
}

}  // namespace

bool IsPersonalNumberColumn(std::string_view column) {
  return IsIdColumn(column) || IsAccountColumn(column);
}

nlohmann::json RowJson(const store::ResultSet& rows, std::size_t row_idx,
                       const access::RecordScope& scope) {
  nlohmann::json out = nlohmann::json::object();
  const std::vector<std::string>& columns = rows.columns();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::string& column = columns[i];
    const store::Value& value = rows.at(row_idx, i);
    if (column.starts_with("_")) {
      continue;  // internal (e.g. the regions a scope check reads), never sent
    } else if (value.is_null()) {
      out[IsMoneyColumn(column) ? column + "_fen" : column] = nullptr;
    } else if (IsIdColumn(column)) {
      out[column] = MaskIdNumber(value.AsText());
    } else if (IsAccountColumn(column)) {
      out[column] = MaskAccount(value.AsText());
    } else if (IsPersonNameColumn(column)) {
      out[column] = ShownPersonName(scope, value.AsText());
    } else if (IsMoneyColumn(column)) {
      out[column + "_fen"] = value.AsInteger();
    } else if (column == "evidence") {
      // Evidence names rows by raw keys (account and ID numbers): only the evidence
      // resolver (ledger_evidence.h) may turn it into JSON.
      continue;
    } else if (column == "params" && value.type() == store::ValueType::kText) {
      out[column] = nlohmann::json::parse(value.text(), nullptr, /*allow_exceptions=*/false);
    } else {
      out[column] = ValueJson(value);
    }
  }
  return out;
}

nlohmann::json RowsJson(const store::ResultSet& rows, const access::RecordScope& scope) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(RowJson(rows, i, scope));
  return out;
}

}  // namespace sunlight::http::ledger
