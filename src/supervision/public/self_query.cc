#include "supervision/public/self_query.h"

#include <string>

#include "core/masking.h"
#include "core/text.h"
#include "store/result_set.h"

namespace sunlight::supervision::public_side {

std::string MaskedIdForLog(std::string_view id_number) {
  if (id_number.size() <= 8) return std::string(id_number.size(), '*');
  return std::string(id_number.substr(0, 4)) + std::string(id_number.size() - 8, '*') +
         std::string(id_number.substr(id_number.size() - 4));
}

StatusOr<nlohmann::json> SelfQuery(store::Connection& conn, std::string_view name,
                                   std::string_view id_number) {
  const std::string wanted = NormalizeName(name);
  if (wanted.empty()) return InvalidArgumentError("请输入姓名", "name_required");
  // The shape only (18 characters, digits and a final X): a stored number with a wrong check
  // digit still belongs to a villager who must be able to look it up.
  std::string canonical = TrimSpace(id_number);
  if (!canonical.empty() && canonical.back() == 'x') canonical.back() = 'X';
  bool shape = canonical.size() == 18;
  for (size_t i = 0; shape && i < canonical.size(); ++i) {
    const char c = canonical[i];
    shape = (c >= '0' && c <= '9') || (i == 17 && c == 'X');
  }
  if (!shape) return InvalidArgumentError("身份证号格式不正确（应为 18 位）", "bad_id_number");

  nlohmann::json none = {{"found", false},
                         {"items", nlohmann::json::array()},
                         {"total_fen", 0},
                         {"message", "未查询到相关记录"}};
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet members,
      conn.Query("SELECT name, household_id FROM members WHERE id_number = ?", {canonical}));
  std::vector<std::string> households;
  for (size_t i = 0; i < members.size(); ++i) {
    if (NormalizeName(members.at(i, 0).AsText()) == wanted) {
      households.push_back(members.at(i, 1).AsText());
    }
  }
  if (households.empty()) return none;

  std::string in = "(";
  std::vector<store::Value> params = {canonical};
  for (size_t i = 0; i < households.size(); ++i) {
    in += i ? ", ?" : "?";
    params.push_back(households[i]);
  }
  in += ")";
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT p.payee_id, p.payee_name, f.name, i.name, p.period, p.amount, "
                 "p.pay_date, o.name, j.name FROM payments p "
                 "LEFT JOIN fund_programs f ON f.program_id = p.program_id "
                 "LEFT JOIN subsidy_items i ON i.item_id = p.item_id "
                 "LEFT JOIN organizations o ON o.org_id = p.payer_org_id "
                 "LEFT JOIN projects j ON j.project_id = p.project_id "
                 "WHERE p.payee_id = ? OR p.household_id IN " +
                     in + " ORDER BY p.pay_date DESC, p.payment_id",
                 params));
  if (rs.empty()) return none;
  nlohmann::json items = nlohmann::json::array();
  std::int64_t total = 0;
  auto opt = [&](size_t row, size_t col) -> nlohmann::json {
    if (rs.at(row, col).is_null()) return nullptr;
    return rs.at(row, col).AsText();
  };
  for (size_t i = 0; i < rs.size(); ++i) {
    const bool self = !rs.at(i, 0).is_null() && rs.at(i, 0).AsText() == canonical;
    total += rs.at(i, 5).AsInteger();
    items.push_back({{"recipient", self ? "本人" : "家庭成员"},
                     {"payee", MaskName(rs.at(i, 1).AsText())},
                     {"program", opt(i, 2)},
                     {"item", opt(i, 3)},
                     {"period", opt(i, 4)},
                     {"amount_fen", rs.at(i, 5).AsInteger()},
                     {"pay_date", rs.at(i, 6).AsText()},
                     {"payer", opt(i, 7)},
                     {"project", opt(i, 8)}});
  }
  return nlohmann::json{{"found", true},
                        {"items", items},
                        {"total_fen", total},
                        {"message", "共 " + std::to_string(items.size()) + " 笔"}};
}

}  // namespace sunlight::supervision::public_side
