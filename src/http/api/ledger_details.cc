#include "http/api/ledger_details.h"

#include <string>
#include <vector>

#include "http/api/ledger_collections.h"
#include "http/api/ledger_evidence.h"
#include "http/api/ledger_json.h"
#include "http/api/ledger_records.h"
#include "store/result_set.h"

namespace sunlight::http::ledger {
namespace {

// The payments list's columns and joins, restricted by `where` (with its parameters).
std::string PaymentsWhere(std::string_view where) {
  return "SELECT " + PaymentsSpec().select + " FROM " + std::string(PaymentsSpec().from) +
         " WHERE " + std::string(where) + " ORDER BY p.pay_date, p.payment_id";
}

// Warnings in the scope whose subject matches `subject_condition` (over alias w).
StatusOr<nlohmann::json> WarningsWhere(store::Connection& conn, const access::RecordScope& scope,
                                       std::string_view subject_condition,
                                       std::vector<store::Value> params) {
  std::vector<store::Value> scope_params;
  const std::string in_scope = ScopeCondition({"w.region_code"}, scope, "", scope_params);
  for (store::Value& v : scope_params) params.push_back(std::move(v));
  SUNLIGHT_ASSIGN_OR_RETURN(
      nlohmann::json rows,
      RelatedRows(conn,
                  "SELECT " + WarningsSpec().select + " FROM warnings w WHERE (" +
                      std::string(subject_condition) + ") AND " + in_scope + " ORDER BY w.id",
                  std::move(params), scope));
  for (nlohmann::json& row : rows) {
    // Subjects that are people or accounts are named by their numbers: mask them.
    if (row["subject_id"].is_string()) {
      row["subject_id"] =
          ShownSubjectId(row.value("subject_type", ""), row["subject_id"].get<std::string>());
    }
  }
  return rows;
}

}  // namespace

StatusOr<nlohmann::json> OrganizationDetail(const ApiContext& ctx, const access::Principal& who,
                                            const Request& request, store::Connection& conn,
                                            std::string_view id) {
  SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json org,
                            FetchRecord(ctx, who, request, conn,
                                        {OrganizationsSpec(), "o.org_id", "单位不存在", ""}, id));
  std::vector<store::Value> params{id};
  const std::string in_scope = ScopeCondition({"o.region_code"}, who.scope, "", params);
  SUNLIGHT_ASSIGN_OR_RETURN(
      org["children"],
      RelatedRows(conn,
                  "SELECT o.org_id, o.name, o.kind, o.region_code FROM organizations o "
                  "WHERE o.parent_org_id = ? AND " +
                      in_scope + " ORDER BY o.org_id",
                  params, who.scope));
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet counts,
      conn.Query("SELECT (SELECT COUNT(*) FROM officials WHERE org_id = ?) AS officials, "
                 "(SELECT COUNT(*) FROM projects WHERE owner_org_id = ?) AS projects, "
                 "(SELECT COUNT(*) FROM payments WHERE payer_org_id = ?) AS payments",
                 {id, id, id}));
  org["counts"] = RowJson(counts, 0, who.scope);
  return org;
}

StatusOr<nlohmann::json> ProjectDetail(const ApiContext& ctx, const access::Principal& who,
                                       const Request& request, store::Connection& conn,
                                       std::string_view id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      nlohmann::json project,
      FetchRecord(ctx, who, request, conn,
                  {ProjectsSpec(), "p.project_id", "项目不存在", "read.project"}, id));
  SUNLIGHT_ASSIGN_OR_RETURN(
      project["allocations"],
      RelatedRows(conn,
                  "SELECT allocation_id, program_id, region_code, amount, date FROM allocations "
                  "WHERE project_id = ? ORDER BY date, allocation_id",
                  {id}, who.scope));
  SUNLIGHT_ASSIGN_OR_RETURN(project["payments"],
                            RelatedRows(conn, PaymentsWhere("p.project_id = ?"), {id}, who.scope));
  SUNLIGHT_ASSIGN_OR_RETURN(
      project["progress"], RelatedRows(conn,
                                       "SELECT report_date, percent_complete FROM project_progress "
                                       "WHERE project_id = ? ORDER BY report_date",
                                       {id}, who.scope));
  SUNLIGHT_ASSIGN_OR_RETURN(
      project["contracts"],
      RelatedRows(conn,
                  "SELECT k.contract_id, k.supplier_uscc, c.name AS supplier_name, k.amount, "
                  "k.signed_date, k.procurement_method FROM contracts k "
                  "LEFT JOIN companies c ON c.uscc = k.supplier_uscc "
                  "WHERE k.project_id = ? ORDER BY k.signed_date, k.contract_id",
                  {id}, who.scope));
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet totals,
      conn.Query("SELECT (SELECT COALESCE(SUM(amount), 0) FROM allocations WHERE project_id = ?) "
                 "AS allocated_fen, (SELECT COALESCE(SUM(amount), 0) FROM payments "
                 "WHERE project_id = ?) AS paid_fen, (SELECT COUNT(*) FROM "
                 "project_beneficiaries WHERE project_id = ?) AS beneficiary_households",
                 {id, id, id}));
  project["totals"] = RowJson(totals, 0, who.scope);
  SUNLIGHT_ASSIGN_OR_RETURN(project["warnings"],
                            WarningsWhere(conn, who.scope,
                                          "(w.subject_type = 'project' AND w.subject_id = ?) OR "
                                          "(w.subject_type = 'payment' AND w.subject_id IN "
                                          "(SELECT payment_id FROM payments WHERE project_id = ?))",
                                          {id, id}));
  return project;
}

StatusOr<nlohmann::json> PaymentDetail(const ApiContext& ctx, const access::Principal& who,
                                       const Request& request, store::Connection& conn,
                                       std::string_view id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      nlohmann::json payment,
      FetchRecord(ctx, who, request, conn,
                  {PaymentsSpec(), "p.payment_id", "支付记录不存在", "read.payment"}, id));
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet names,
      conn.Query("SELECT f.name AS program_name, i.name AS item_name, "
                 "i.standard_amount, j.name AS project_name, b.holder_name, b.bank, "
                 "b.account_type FROM payments p "
                 "LEFT JOIN fund_programs f ON f.program_id = p.program_id "
                 "LEFT JOIN subsidy_items i ON i.item_id = p.item_id "
                 "LEFT JOIN projects j ON j.project_id = p.project_id "
                 "LEFT JOIN bank_accounts b ON b.account_no = p.payee_account "
                 "WHERE p.payment_id = ?",
                 {id}));
  if (!names.empty()) payment.update(RowJson(names, 0, who.scope));
  SUNLIGHT_ASSIGN_OR_RETURN(
      payment["warnings"],
      WarningsWhere(conn, who.scope, "w.subject_type = 'payment' AND w.subject_id = ?", {id}));
  return payment;
}

StatusOr<nlohmann::json> HouseholdDetail(const ApiContext& ctx, const access::Principal& who,
                                         const Request& request, store::Connection& conn,
                                         std::string_view id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      nlohmann::json household,
      FetchRecord(ctx, who, request, conn,
                  {HouseholdsSpec(), "h.household_id", "农户不存在", "read.household"}, id));
  SUNLIGHT_ASSIGN_OR_RETURN(
      household["members"],
      RelatedRows(conn,
                  "SELECT id_number, name AS member_name, relation FROM members "
                  "WHERE household_id = ? ORDER BY id_number",
                  {id}, who.scope));
  SUNLIGHT_ASSIGN_OR_RETURN(
      household["payments"],
      RelatedRows(conn, PaymentsWhere("p.household_id = ?"), {id}, who.scope));
  SUNLIGHT_ASSIGN_OR_RETURN(
      household["projects"],
      RelatedRows(conn,
                  "SELECT p.project_id, p.name, p.category FROM project_beneficiaries b "
                  "JOIN projects p ON p.project_id = b.project_id "
                  "WHERE b.household_id = ? ORDER BY p.project_id",
                  {id}, who.scope));
  SUNLIGHT_ASSIGN_OR_RETURN(
      household["warnings"],
      WarningsWhere(conn, who.scope,
                    "(w.subject_type = 'household' AND w.subject_id = ?) OR "
                    "(w.subject_type = 'payment' AND w.subject_id IN "
                    "(SELECT payment_id FROM payments WHERE household_id = ?)) OR "
                    "(w.subject_type = 'person' AND w.subject_id IN "
                    "(SELECT id_number FROM members WHERE household_id = ?))",
                    {id, id, id}));
  return household;
}

StatusOr<nlohmann::json> CompanyDetail(const ApiContext& ctx, const access::Principal& who,
                                       const Request& request, store::Connection& conn,
                                       std::string_view id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      nlohmann::json company,
      FetchRecord(ctx, who, request, conn,
                  {CompaniesSpec(), "c.uscc", "企业不存在", "read.company"}, id));
  SUNLIGHT_ASSIGN_OR_RETURN(
      company["officers"],
      RelatedRows(conn,
                  "SELECT id_number, role, share_pct FROM company_officers WHERE uscc = ? "
                  "ORDER BY role, id_number",
                  {id}, who.scope));
  SUNLIGHT_ASSIGN_OR_RETURN(
      company["contracts"],
      RelatedRows(conn,
                  "SELECT contract_id, project_id, amount, signed_date, procurement_method "
                  "FROM contracts WHERE supplier_uscc = ? ORDER BY signed_date, contract_id",
                  {id}, who.scope));
  SUNLIGHT_ASSIGN_OR_RETURN(
      company["projects"],
      RelatedRows(conn,
                  "SELECT project_id, name, category, region_code, budget FROM projects "
                  "WHERE contractor_uscc = ? ORDER BY project_id",
                  {id}, who.scope));
  return company;
}

StatusOr<nlohmann::json> OfficialDetail(const ApiContext& ctx, const access::Principal& who,
                                        const Request& request, store::Connection& conn,
                                        std::string_view id) {
  // One person may hold posts in several organisations: each visible post is listed.
  SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json posts, FetchRecords(ctx, who, request, conn,
                                                               {OfficialsSpec(), "f.id_number",
                                                                "公职人员不存在", "read.official",
                                                                /*personal_key=*/true},
                                                               id));
  nlohmann::json official = {{"id_number", posts.at(0).at("id_number")},
                             {"name", posts.at(0).at("name")},
                             {"posts", posts}};
  return official;
}

StatusOr<nlohmann::json> DispatchedCadreDetail(const ApiContext& ctx, const access::Principal& who,
                                               const Request& request, store::Connection& conn,
                                               std::string_view id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      nlohmann::json stints,
      FetchRecords(ctx, who, request, conn,
                   {DispatchedCadresSpec(), "d.id_number", "外派干部不存在", "read.cadre",
                    /*personal_key=*/true},
                   id));
  nlohmann::json cadre = {{"id_number", stints.at(0).at("id_number")},
                          {"name", stints.at(0).at("name")},
                          {"archive_created_date", stints.at(0).at("archive_created_date")},
                          {"archive_last_updated", stints.at(0).at("archive_last_updated")},
                          {"stints", stints}};
  return cadre;
}

StatusOr<nlohmann::json> ImportBatchDetail(const ApiContext& ctx, const access::Principal& who,
                                           const Request& request, store::Connection& conn,
                                           std::string_view id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      nlohmann::json batch,
      FetchRecord(ctx, who, request, conn,
                  {ImportBatchesSpec(), "b.id", "导入批次不存在", "", false, /*integer_key=*/true},
                  id));
  const int64_t batch_id = batch.at("id").get<int64_t>();
  SUNLIGHT_ASSIGN_OR_RETURN(
      batch["files"],
      RelatedRows(conn,
                  "SELECT file_name, sha256, size_bytes, row_count FROM import_files "
                  "WHERE batch_id = ? ORDER BY file_name",
                  {batch_id}, who.scope));
  SUNLIGHT_ASSIGN_OR_RETURN(
      batch["tables"],
      RelatedRows(conn,
                  "SELECT table_name, source, row_count, inserted, unchanged, replaced "
                  "FROM import_table_counts WHERE batch_id = ? ORDER BY table_name",
                  {batch_id}, who.scope));
  return batch;
}

}  // namespace sunlight::http::ledger
