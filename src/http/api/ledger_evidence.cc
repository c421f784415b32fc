#include "http/api/ledger_evidence.h"

#include <string>

#include "http/api/ledger_collections.h"
#include "http/api/ledger_json.h"
#include "http/api/ledger_masking.h"
#include "store/result_set.h"

namespace sunlight::http::ledger {
namespace {

enum class IdKind { kPlain, kIdNumber, kAccount };

struct EvidenceKind {
  std::string_view kind;
  IdKind id_kind;
  // Queries with one `?` (the id); each adds its rows, tagged with "table".
  std::vector<std::pair<std::string_view, std::string>> queries;
  // The id is the second half of a key whose first half is the warning's subject (a
  // project's report_date, a person's employment start_date): the queries then take two
  // `?`, the subject and the id.
  bool keyed_by_subject = false;
};

const std::vector<EvidenceKind>& Kinds() {
  static const std::vector<EvidenceKind> kinds = {
      {"households",
       IdKind::kPlain,
       {{"households", "SELECT " + HouseholdsSpec().select + " FROM " +
                           std::string(HouseholdsSpec().from) + " WHERE h.household_id = ?"}}},
      {"payments",
       IdKind::kPlain,
       {{"payments", "SELECT " + PaymentsSpec().select + " FROM " +
                         std::string(PaymentsSpec().from) + " WHERE p.payment_id = ?"}}},
      {"projects",
       IdKind::kPlain,
       {{"projects", "SELECT " + ProjectsSpec().select + " FROM " +
                         std::string(ProjectsSpec().from) + " WHERE p.project_id = ?"}}},
      {"subsidy_items",
       IdKind::kPlain,
       {{"subsidy_items",
         "SELECT item_id, program_id, name, standard_amount, unit, period_kind "
         "FROM subsidy_items WHERE item_id = ?"}}},
      {"fund_programs",
       IdKind::kPlain,
       {{"fund_programs",
         "SELECT program_id, name, level, allowed_categories, restricted_to_registered "
         "FROM fund_programs WHERE program_id = ?"}}},
      {"bank_accounts",
       IdKind::kAccount,
       {{"bank_accounts",
         "SELECT account_no, holder_name, holder_id, bank, account_type FROM bank_accounts "
         "WHERE account_no = ?"},
        // An invented card number (A03) is in no bank's register: the households that give
        // it as their subsidy account are what names it.
        {"households",
         "SELECT household_id, village_code, subsidy_account FROM households "
         "WHERE subsidy_account = ? ORDER BY household_id"}}},
      // "An official is anyone in officials.csv or dispatched_cadres.csv" (rules.md).
      {"officials",
       IdKind::kIdNumber,
       {{"officials", "SELECT " + OfficialsSpec().select + " FROM " +
                          std::string(OfficialsSpec().from) +
                          " WHERE f.id_number = ? ORDER BY f.org_id"},
        {"dispatched_cadres", "SELECT " + DispatchedCadresSpec().select + " FROM " +
                                  std::string(DispatchedCadresSpec().from) +
                                  " WHERE d.id_number = ? ORDER BY d.start_date"}}},
      {"members",
       IdKind::kIdNumber,
       {{"members",
         "SELECT m.household_id, h.village_code, m.id_number, m.name AS member_name, "
         "m.relation FROM members m LEFT JOIN households h ON h.household_id = m.household_id "
         "WHERE m.id_number = ? ORDER BY m.household_id"}}},
      {"vehicles",
       IdKind::kPlain,
       {{"vehicles",
         "SELECT id_number, plate, vehicle_type, registered_date FROM vehicles "
         "WHERE plate = ? ORDER BY id_number"}}},
      {"properties",
       IdKind::kPlain,
       {{"properties",
         "SELECT id_number, certificate_no, kind, area_sqm, region_code, registered_date "
         "FROM properties WHERE certificate_no = ? ORDER BY id_number"}}},
      {"company_officers",
       IdKind::kPlain,
       {{"company_officers",
         "SELECT o.uscc, c.name AS company_name, c.region_code, o.id_number, o.role, "
         "o.share_pct FROM company_officers o LEFT JOIN companies c ON c.uscc = o.uscc "
         "WHERE o.uscc = ? ORDER BY o.role, o.id_number"}}},
      {"deaths",
       IdKind::kIdNumber,
       {{"deaths",
         "SELECT id_number, name AS deceased_name, death_date, source FROM deaths "
         "WHERE id_number = ?"}}},
      {"integrity_archives",
       IdKind::kIdNumber,
       {{"integrity_archives",
         "SELECT id_number, created_date, last_updated FROM integrity_archives "
         "WHERE id_number = ?"}}},
      {"officers",
       IdKind::kIdNumber,
       {{"company_officers",
         "SELECT o.uscc, c.name AS company_name, o.id_number, o.role, o.share_pct "
         "FROM company_officers o LEFT JOIN companies c ON c.uscc = o.uscc "
         "WHERE o.id_number = ? ORDER BY o.uscc, o.role"}}},
      {"companies",
       IdKind::kPlain,
       {{"companies", "SELECT " + CompaniesSpec().select + " FROM " +
                          std::string(CompaniesSpec().from) + " WHERE c.uscc = ?"}}},
      {"contracts",
       IdKind::kPlain,
       {{"contracts",
         "SELECT k.contract_id, k.project_id, k.supplier_uscc, c.name AS supplier_name, "
         "k.amount, k.signed_date, k.procurement_method FROM contracts k "
         "LEFT JOIN companies c ON c.uscc = k.supplier_uscc WHERE k.contract_id = ?"}}},
      {"allocations",
       IdKind::kPlain,
       {{"allocations",
         "SELECT allocation_id, program_id, project_id, region_code, amount, date "
         "FROM allocations WHERE allocation_id = ?"}}},
      {"account_transfers",
       IdKind::kPlain,
       {{"account_transfers",
         "SELECT transfer_id, from_account, to_account, amount, date FROM account_transfers "
         "WHERE transfer_id = ?"}}},
      {"project_progress",
       IdKind::kPlain,
       {{"project_progress",
         "SELECT project_id, report_date, percent_complete FROM project_progress "
         "WHERE project_id = ? AND report_date = ?"}},
       /*keyed_by_subject=*/true},
      {"employment",
       IdKind::kPlain,
       {{"employment",
         "SELECT id_number, employer_uscc, region_code, start_date, end_date, kind, "
         "subsidy_amount FROM employment WHERE id_number = ? AND start_date = ?"}},
       /*keyed_by_subject=*/true},
      {"dispatched_cadres",
       IdKind::kPlain,
       {{"dispatched_cadres", "SELECT " + DispatchedCadresSpec().select + " FROM " +
                                  std::string(DispatchedCadresSpec().from) +
                                  " WHERE d.id_number = ? AND d.start_date = ?"}},
       /*keyed_by_subject=*/true},
  };
  return kinds;
}

std::string ShownId(IdKind kind, std::string_view id) {
  switch (kind) {
    case IdKind::kPlain:
      return std::string(id);
    case IdKind::kIdNumber:
      return MaskIdNumber(id);
    case IdKind::kAccount:
      return MaskAccount(id);
  }
  return MaskIdNumber(id);
}

}  // namespace

std::string ShownSubjectId(std::string_view subject_type, std::string_view subject_id) {
  if (subject_type == "bank_account") return MaskAccount(subject_id);
  if (subject_type == "person") return MaskIdNumber(subject_id);
  return std::string(subject_id);
}

StatusOr<nlohmann::json> ResolveEvidence(store::Connection& conn, const nlohmann::json& evidence,
                                         std::string_view subject_id,
                                         const access::RecordScope& scope) {
  nlohmann::json out = nlohmann::json::object();
  if (!evidence.is_object()) return out;
  for (const auto& [kind_name, ids] : evidence.items()) {
    const EvidenceKind* kind = nullptr;
    for (const EvidenceKind& k : Kinds()) {
      if (k.kind == kind_name) kind = &k;
    }
    nlohmann::json entries = nlohmann::json::array();
    if (!ids.is_array()) {
      out[kind_name] = std::move(entries);
      continue;
    }
    size_t resolved = 0;
    for (const nlohmann::json& id_json : ids) {
      if (!id_json.is_string()) continue;
      const std::string id = id_json.get<std::string>();
      // An unknown kind is named in no query: its ids are masked as if personal.
      nlohmann::json entry = {{"id", kind ? ShownId(kind->id_kind, id) : MaskIdNumber(id)},
                              {"rows", nlohmann::json::array()}};
      if (kind != nullptr && resolved < kMaxResolvedEvidence) {
        ++resolved;
        for (const auto& [table, sql] : kind->queries) {
          std::vector<store::Value> params;
          if (kind->keyed_by_subject) params.emplace_back(subject_id);
          params.emplace_back(id);
          SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rows, conn.Query(sql, params));
          for (size_t r = 0; r < rows.size(); ++r) {
            nlohmann::json row = RowJson(rows, r, scope);
            row["table"] = table;
            entry["rows"].push_back(std::move(row));
          }
        }
      }
      entries.push_back(std::move(entry));
    }
    out[kind_name] = std::move(entries);
  }
  return out;
}

}  // namespace sunlight::http::ledger
