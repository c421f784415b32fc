#include "http/api/ledger_collections.h"

#include <string>

namespace sunlight::http::ledger {
namespace {

using K = FilterSpec::Kind;

}  // namespace

const CollectionSpec& OrganizationsSpec() {
  static const CollectionSpec spec{
      .name = "organizations",
      .select = "o.org_id, o.name, o.kind, o.region_code, r.name AS region_name, o.parent_org_id",
      .from = "organizations o LEFT JOIN regions r ON r.code = o.region_code",
      .region_exprs = {"o.region_code"},
      .order_by_id = "o.org_id",
      .date_expr = "",
      .filters = {{"kind", "o.kind"}, {"parent", "o.parent_org_id"}},
      .sorts = {{"org_id", "o.org_id"},
                {"name", "o.name"},
                {"kind", "o.kind"},
                {"region_code", "o.region_code"}},
  };
  return spec;
}

const CollectionSpec& ProjectsSpec() {
  static const CollectionSpec spec{
      .name = "projects",
      .select = ("p.project_id, p.name, p.category, p.region_code, r.name AS region_name, "
                 "p.helper_region_code, "
                 "p.owner_org_id, o.name AS owner_org_name, p.program_id, "
                 "f.name AS program_name, p.budget, p.procurement_method, "
                 "p.contractor_uscc, p.approved_date, p.planned_start, "
                 "p.planned_completion, p.planned_acceptance, p.actual_start, "
                 "p.actual_completion, p.accepted_date, " +
                 std::string(kProjectStatus) + " AS status"),
      .from =
          "projects p LEFT JOIN organizations o ON o.org_id = p.owner_org_id "
          "LEFT JOIN fund_programs f ON f.program_id = p.program_id "
          "LEFT JOIN regions r ON r.code = p.region_code",
      .region_exprs = {"p.region_code"},
      .order_by_id = "p.project_id",
      .date_expr = "p.approved_date",
      .filters = {{"category", "p.category"},
                  {"program", "p.program_id"},
                  {"owner_org", "p.owner_org_id"},
                  {"contractor", "p.contractor_uscc"},
                  {"procurement_method", "p.procurement_method"},
                  {"status",
                   kProjectStatus,
                   K::kText,
                   {"planned", "in_progress", "completed", "accepted"}}},
      .sorts = {{"project_id", "p.project_id"},
                {"name", "p.name"},
                {"budget", "p.budget"},
                {"approved_date", "p.approved_date"},
                {"category", "p.category"},
                {"region_code", "p.region_code"}},
  };
  return spec;
}

const CollectionSpec& PaymentsSpec() {
  static const CollectionSpec spec{
      .name = "payments",
      .select = ("p.payment_id, p.program_id, p.project_id, p.item_id, p.period, "
                 "p.payer_org_id, o.name AS payer_org_name, p.payee_name, p.payee_id, "
                 "p.payee_account, p.amount, p.pay_date, p.expense_date, p.voucher_no, "
                 "p.approved_date, p.purpose_category, p.household_id, " +
                 std::string(kPaymentRegion) + " AS region_code"),
      .from =
          "payments p LEFT JOIN households h ON h.household_id = p.household_id "
          "LEFT JOIN organizations o ON o.org_id = p.payer_org_id",
      .region_exprs = {kPaymentRegion},
      .order_by_id = "p.payment_id",
      .date_expr = "p.pay_date",
      .filters = {{"program", "p.program_id"},
                  {"project", "p.project_id"},
                  {"household", "p.household_id"},
                  {"item", "p.item_id"},
                  {"payer_org", "p.payer_org_id"},
                  {"purpose_category", "p.purpose_category"},
                  {"payment_period", "p.period"}},
      .sorts = {{"payment_id", "p.payment_id"},
                {"pay_date", "p.pay_date"},
                {"amount", "p.amount"},
                {"period", "p.period"},
                {"program", "p.program_id"}},
  };
  return spec;
}

const CollectionSpec& HouseholdsSpec() {
  static const CollectionSpec spec{
      .name = "households",
      .select =
          "h.household_id, h.village_code, r.name AS village_name, h.head_id_number, "
          "(SELECT MIN(m.name) FROM members m WHERE m.household_id = h.household_id "
          "AND m.id_number = h.head_id_number) AS head_name, h.status, "
          "h.registered_year, h.exit_year, h.subsidy_account, "
          "(SELECT COUNT(*) FROM members m WHERE m.household_id = h.household_id) "
          "AS member_count",
      .from = "households h LEFT JOIN regions r ON r.code = h.village_code",
      .region_exprs = {"h.village_code"},
      .order_by_id = "h.household_id",
      .date_expr = "",
      .filters = {{"status", "h.status", K::kText, {"poor", "exited", "monitored", "none"}},
                  {"registered_year", "h.registered_year", K::kInteger},
                  {"exit_year", "h.exit_year", K::kInteger}},
      .sorts = {{"household_id", "h.household_id"},
                {"village_code", "h.village_code"},
                {"status", "h.status"},
                {"registered_year", "h.registered_year"},
                {"exit_year", "h.exit_year"}},
  };
  return spec;
}

const CollectionSpec& CompaniesSpec() {
  static const CollectionSpec spec{
      .name = "companies",
      .select = "c.uscc, c.name, c.region_code, r.name AS region_name, c.legal_rep_id_number",
      .from = "companies c LEFT JOIN regions r ON r.code = c.region_code",
      .region_exprs = {"c.region_code"},
      .order_by_id = "c.uscc",
      .date_expr = "",
      .filters = {},
      .sorts = {{"uscc", "c.uscc"}, {"name", "c.name"}, {"region_code", "c.region_code"}},
  };
  return spec;
}

const CollectionSpec& OfficialsSpec() {
  static const CollectionSpec spec{
      .name = "officials",
      .select =
          "f.id_number, f.name, f.org_id, o.name AS org_name, f.position, f.category, "
          "o.region_code",
      .from = "officials f JOIN organizations o ON o.org_id = f.org_id",
      .region_exprs = {"o.region_code"},
      .order_by_id = "f.org_id, f.id_number",
      .date_expr = "",
      .filters = {{"org", "f.org_id"},
                  {"category",
                   "f.category",
                   K::kText,
                   {"civil_servant", "public_institution", "village_cadre", "soe"}}},
      .sorts = {{"name", "f.name"}, {"org_id", "f.org_id"}, {"category", "f.category"}},
  };
  return spec;
}

const CollectionSpec& DispatchedCadresSpec() {
  static const CollectionSpec spec{
      .name = "dispatched_cadres",
      .select =
          "d.id_number, d.name, d.home_org_id, ho.name AS home_org_name, "
          "ho.region_code AS home_region_code, d.host_org_id, xo.name AS host_org_name, "
          "xo.region_code AS host_region_code, d.host_position, d.start_date, d.end_date, "
          "d.batch, ia.created_date AS archive_created_date, "
          "ia.last_updated AS archive_last_updated",
      .from =
          "dispatched_cadres d LEFT JOIN organizations ho ON ho.org_id = d.home_org_id "
          "LEFT JOIN organizations xo ON xo.org_id = d.host_org_id "
          "LEFT JOIN integrity_archives ia ON ia.id_number = d.id_number",
      // Both commissions of a pairing watch a cadre: the sending and the hosting region.
      .region_exprs = {"ho.region_code", "xo.region_code"},
      .order_by_id = "d.id_number, d.start_date",
      .date_expr = "d.start_date",
      .filters = {{"home_org", "d.home_org_id"},
                  {"host_org", "d.host_org_id"},
                  {"batch", "d.batch"}},
      .sorts = {{"name", "d.name"},
                {"start_date", "d.start_date"},
                {"end_date", "d.end_date"},
                {"archive_last_updated", "ia.last_updated"}},
  };
  return spec;
}

const CollectionSpec& ImportBatchesSpec() {
  static const CollectionSpec spec{
      .name = "imports",
      .select =
          "b.id, b.started_at, b.finished_at, b.imported_by, b.source_path, b.status, "
          "(SELECT SUM(f.row_count) FROM import_files f WHERE f.batch_id = b.id) "
          "AS row_count",
      .from = "import_batches b",
      .region_exprs = {},
      .order_by_id = "b.id",
      .date_expr = "b.started_at",
      .filters = {{"status", "b.status"}, {"imported_by", "b.imported_by"}},
      .sorts = {{"id", "b.id"}, {"started_at", "b.started_at"}},
  };
  return spec;
}

const CollectionSpec& WarningsSpec() {
  static const CollectionSpec spec{
      .name = "warnings",
      .select =
          "w.id, w.rule, w.subject_type, w.subject_id, w.region_code, w.severity, "
          "w.amount_fen, w.as_of, w.state, w.created_at",
      .from = "warnings w",
      .region_exprs = {"w.region_code"},
      .order_by_id = "w.id",
      .date_expr = "w.as_of",
      .filters = {{"rule", "w.rule"},
                  {"state", "w.state"},
                  {"severity", "w.severity", K::kText, {"high", "medium", "low"}},
                  {"subject_type", "w.subject_type"}},
      .sorts = {{"id", "w.id"},
                {"rule", "w.rule"},
                {"severity", "CASE w.severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END"},
                {"amount", "w.amount_fen"},
                {"as_of", "w.as_of"},
                {"created_at", "w.created_at"}},
  };
  return spec;
}

}  // namespace sunlight::http::ledger
