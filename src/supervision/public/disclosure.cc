#include "supervision/public/disclosure.h"

#include <map>
#include <string>
#include <vector>

#include "core/masking.h"
#include "store/result_set.h"

namespace sunlight::supervision::public_side {
namespace {

// The projects of a village: located there, or benefiting its households. Two parameters,
// both the village code.
const std::string kVillageProjects =
    "(SELECT project_id FROM projects WHERE region_code = ? "
    "UNION SELECT pb.project_id FROM project_beneficiaries pb "
    "JOIN households h ON h.household_id = pb.household_id WHERE h.village_code = ?)";

// Payments to the village's households. One parameter, the village code.
const std::string kHouseholdPayments =
    "payments p JOIN households h ON h.household_id = p.household_id "
    "WHERE h.village_code = ?";

std::string OptText(const store::Value& v) { return v.is_null() ? "" : v.AsText(); }

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

StatusOr<nlohmann::json> VillageOf(store::Connection& conn, std::string_view code) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT name, level, parent_code FROM regions WHERE code = ?", {code}));
  if (rs.empty()) {
    if (code.size() == 12 && AllDigits(code)) {
      return NotFoundError("村级区划“" + std::string(code) + "”不存在", "village_not_found");
    }
    return InvalidArgumentError(
        "“" + std::string(code) + "”不是有效的村级区划代码（应为 12 位数字）", "bad_region_code");
  }
  if (rs.at(0, 1).AsInteger() != 5) {
    return InvalidArgumentError("“" + rs.at(0, 0).AsText() + "”（" + std::string(code) +
                                    "）不是村级区划，公示按村查询，请输入 12 位村级区划代码",
                                "not_a_village");
  }
  nlohmann::json village = {{"code", std::string(code)}, {"name", rs.at(0, 0).AsText()}};
  // The full name, province first: 贵州省 毕节市 大方县 … 村.
  std::vector<std::string> path = {rs.at(0, 0).AsText()};
  std::string parent = OptText(rs.at(0, 2));
  for (int guard = 0; !parent.empty() && guard < 5; ++guard) {
    SUNLIGHT_ASSIGN_OR_RETURN(
        store::ResultSet up,
        conn.Query("SELECT name, parent_code FROM regions WHERE code = ?", {parent}));
    if (up.empty()) break;
    path.insert(path.begin(), up.at(0, 0).AsText());
    parent = OptText(up.at(0, 1));
  }
  village["path"] = path;
  return village;
}

// 钱从哪里来: per programme, what was allocated to the village or its projects and what was
// paid out to its households and projects.
StatusOr<nlohmann::json> MoneyIn(store::Connection& conn, const std::string& code) {
  struct Programme {
    std::string name;
    std::string level;
    std::int64_t allocated = 0;
    std::int64_t paid = 0;
  };
  std::map<std::string, Programme> by_id;
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet alloc,
      conn.Query("SELECT a.program_id, f.name, f.level, SUM(a.amount) FROM allocations a "
                 "JOIN fund_programs f ON f.program_id = a.program_id "
                 "WHERE a.region_code = ? OR a.project_id IN " +
                     kVillageProjects + " GROUP BY a.program_id, f.name, f.level",
                 {code, code, code}));
  for (size_t i = 0; i < alloc.size(); ++i) {
    Programme& p = by_id[alloc.at(i, 0).AsText()];
    p.name = alloc.at(i, 1).AsText();
    p.level = alloc.at(i, 2).AsText();
    p.allocated += alloc.at(i, 3).AsInteger();
  }
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet paid,
      conn.Query("SELECT x.program_id, f.name, f.level, SUM(x.amount) FROM ("
                 "SELECT p.payment_id, p.program_id, p.amount FROM " +
                     kHouseholdPayments +
                     " UNION SELECT p.payment_id, p.program_id, p.amount FROM payments p "
                     "WHERE p.project_id IN " +
                     kVillageProjects +
                     ") x JOIN fund_programs f ON f.program_id = x.program_id "
                     "GROUP BY x.program_id, f.name, f.level",
                 {code, code, code}));
  for (size_t i = 0; i < paid.size(); ++i) {
    Programme& p = by_id[paid.at(i, 0).AsText()];
    p.name = paid.at(i, 1).AsText();
    p.level = paid.at(i, 2).AsText();
    p.paid += paid.at(i, 3).AsInteger();
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [id, p] : by_id) {
    out.push_back({{"program_id", id},
                   {"name", p.name},
                   {"level", p.level},
                   {"allocated_fen", p.allocated},
                   {"paid_fen", p.paid}});
  }
  return out;
}

// 花到哪里去 (subsidies): totals per item, and each recipient's total per item, names masked.
StatusOr<nlohmann::json> Subsidies(store::Connection& conn, const std::string& code) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet items,
      conn.Query("SELECT p.item_id, i.name, f.name, i.standard_amount, i.unit, "
                 "COUNT(DISTINCT p.household_id), COUNT(*), SUM(p.amount) FROM payments p "
                 "JOIN households h ON h.household_id = p.household_id "
                 "JOIN subsidy_items i ON i.item_id = p.item_id "
                 "JOIN fund_programs f ON f.program_id = i.program_id "
                 "WHERE h.village_code = ? "
                 "GROUP BY p.item_id, i.name, f.name, i.standard_amount, i.unit "
                 "ORDER BY p.item_id",
                 {code}));
  nlohmann::json by_item = nlohmann::json::array();
  for (size_t i = 0; i < items.size(); ++i) {
    by_item.push_back({{"item_id", items.at(i, 0).AsText()},
                       {"item", items.at(i, 1).AsText()},
                       {"program", items.at(i, 2).AsText()},
                       {"standard_fen", items.at(i, 3).AsInteger()},
                       {"unit", items.at(i, 4).AsText()},
                       {"households", items.at(i, 5).AsInteger()},
                       {"payments", items.at(i, 6).AsInteger()},
                       {"total_fen", items.at(i, 7).AsInteger()}});
  }
  // Grouped by household too, so that two villagers of the same name stay two rows; the
  // household id itself is not shown.
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet people,
      conn.Query("SELECT p.payee_name, i.name, COUNT(*), SUM(p.amount), MAX(p.pay_date) "
                 "FROM payments p JOIN households h ON h.household_id = p.household_id "
                 "JOIN subsidy_items i ON i.item_id = p.item_id "
                 "WHERE h.village_code = ? "
                 "GROUP BY p.household_id, p.payee_name, i.name ORDER BY p.payee_name, i.name",
                 {code}));
  nlohmann::json recipients = nlohmann::json::array();
  for (size_t i = 0; i < people.size(); ++i) {
    recipients.push_back({{"name", MaskName(people.at(i, 0).AsText())},
                          {"item", people.at(i, 1).AsText()},
                          {"payments", people.at(i, 2).AsInteger()},
                          {"total_fen", people.at(i, 3).AsInteger()},
                          {"last_paid_on", people.at(i, 4).AsText()}});
  }
  return nlohmann::json{{"by_item", by_item}, {"recipients", recipients}};
}

// 干了什么事: the village's projects with budget, money paid, progress and dates.
StatusOr<nlohmann::json> Projects(store::Connection& conn, const std::string& code) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT j.project_id, j.name, j.category, j.budget, f.name, c.name, "
                 "j.planned_start, j.planned_completion, j.actual_start, j.actual_completion, "
                 "j.accepted_date, "
                 "(SELECT COALESCE(SUM(p.amount), 0) FROM payments p "
                 " WHERE p.project_id = j.project_id), "
                 "(SELECT COUNT(*) FROM project_beneficiaries pb JOIN households h "
                 " ON h.household_id = pb.household_id "
                 " WHERE pb.project_id = j.project_id AND h.village_code = ?) "
                 "FROM projects j LEFT JOIN fund_programs f ON f.program_id = j.program_id "
                 "LEFT JOIN companies c ON c.uscc = j.contractor_uscc "
                 "WHERE j.project_id IN " +
                     kVillageProjects + " ORDER BY j.project_id",
                 {code, code, code}));
  nlohmann::json out = nlohmann::json::array();
  for (size_t i = 0; i < rs.size(); ++i) {
    const std::string id = rs.at(i, 0).AsText();
    SUNLIGHT_ASSIGN_OR_RETURN(
        store::ResultSet progress,
        conn.Query("SELECT report_date, percent_complete FROM project_progress "
                   "WHERE project_id = ? ORDER BY report_date DESC LIMIT 1",
                   {id}));
    nlohmann::json latest = nullptr;
    if (!progress.empty()) {
      latest = {{"date", progress.at(0, 0).AsText()},
                {"percent_complete", progress.at(0, 1).AsReal()}};
    }
    auto opt = [&](size_t col) -> nlohmann::json {
      const std::string s = OptText(rs.at(i, col));
      return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
    };
    out.push_back({{"project_id", id},
                   {"name", rs.at(i, 1).AsText()},
                   {"category", rs.at(i, 2).AsText()},
                   {"budget_fen", rs.at(i, 3).AsInteger()},
                   {"program", opt(4)},
                   {"contractor", opt(5)},
                   {"planned_start", opt(6)},
                   {"planned_completion", opt(7)},
                   {"actual_start", opt(8)},
                   {"actual_completion", opt(9)},
                   {"accepted_date", opt(10)},
                   {"paid_fen", rs.at(i, 11).AsInteger()},
                   {"beneficiary_households", rs.at(i, 12).AsInteger()},
                   {"progress", latest}});
  }
  return out;
}

// 效果怎么样: households by status, how many received subsidies or benefit from a project.
StatusOr<nlohmann::json> Effect(store::Connection& conn, const std::string& code) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet status,
      conn.Query("SELECT status, COUNT(*) FROM households WHERE village_code = ? "
                 "GROUP BY status ORDER BY status",
                 {code}));
  nlohmann::json by_status = nlohmann::json::object();
  std::int64_t total = 0;
  for (size_t i = 0; i < status.size(); ++i) {
    by_status[status.at(i, 0).AsText()] = status.at(i, 1).AsInteger();
    total += status.at(i, 1).AsInteger();
  }
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet subsidised,
      conn.Query("SELECT COUNT(DISTINCT p.household_id) FROM " + kHouseholdPayments, {code}));
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet benefiting,
      conn.Query("SELECT COUNT(DISTINCT pb.household_id) FROM project_beneficiaries pb "
                 "JOIN households h ON h.household_id = pb.household_id "
                 "WHERE h.village_code = ?",
                 {code}));
  return nlohmann::json{{"households", total},
                        {"households_by_status", by_status},
                        {"households_subsidised", subsidised.at(0, 0).AsInteger()},
                        {"households_benefiting_from_projects", benefiting.at(0, 0).AsInteger()}};
}

// 有没有问题: problems confirmed in the village and their rectification, counts only.
StatusOr<nlohmann::json> Problems(store::Connection& conn, const std::string& code) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet problems,
      conn.Query("SELECT category, state, COUNT(*) FROM problems WHERE region_code = ? "
                 "GROUP BY category, state",
                 {code}));
  std::int64_t total = 0;
  std::int64_t closed = 0;
  nlohmann::json by_category = nlohmann::json::object();
  for (size_t i = 0; i < problems.size(); ++i) {
    const std::int64_t n = problems.at(i, 2).AsInteger();
    total += n;
    if (problems.at(i, 1).AsText() == "closed") closed += n;
    by_category[problems.at(i, 0).AsText()] =
        by_category.value(problems.at(i, 0).AsText(), std::int64_t{0}) + n;
  }
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet tasks,
      conn.Query("SELECT COUNT(*), COALESCE(SUM(CASE WHEN state = 'closed' THEN 1 ELSE 0 END), 0) "
                 "FROM rectification_tasks WHERE region_code = ?",
                 {code}));
  const std::int64_t task_total = tasks.at(0, 0).AsInteger();
  const std::int64_t task_closed = tasks.at(0, 1).AsInteger();
  return nlohmann::json{
      {"problems", total},
      {"problems_rectified", closed},
      {"problems_by_category", by_category},
      {"tasks", task_total},
      {"tasks_closed", task_closed},
      {"rectification_rate", task_total == 0
                                 ? nlohmann::json(nullptr)
                                 : nlohmann::json(static_cast<double>(task_closed) / task_total)}};
}

}  // namespace

StatusOr<nlohmann::json> VillageDisclosure(store::Connection& conn, std::string_view village_code) {
  const std::string code(village_code);
  SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json village, VillageOf(conn, code));
  SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json money_in, MoneyIn(conn, code));
  SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json subsidies, Subsidies(conn, code));
  SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json projects, Projects(conn, code));
  SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json effect, Effect(conn, code));
  SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json problems, Problems(conn, code));
  return nlohmann::json{{"village", village},   {"money_in", money_in}, {"subsidies", subsidies},
                        {"projects", projects}, {"effect", effect},     {"problems", problems}};
}

}  // namespace sunlight::supervision::public_side
