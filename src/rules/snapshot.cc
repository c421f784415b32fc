// Loading the columnar snapshot (see snapshot.h).
#include "rules/snapshot.h"

#include <memory>

#include "core/date.h"

namespace sunlight::rules {

Code StringDictionary::Intern(std::string_view text) {
  if (text.empty()) return kNullCode;
  std::string_view stored;
  auto [code, inserted] = codes_.Emplace(text, static_cast<int64_t>(texts_.size()), &stored);
  if (inserted) texts_.push_back(stored);
  return static_cast<Code>(code);
}

Code StringDictionary::Find(std::string_view text) const {
  if (text.empty()) return kNullCode;
  const int64_t* code = codes_.Find(text);
  return code == nullptr ? kNullCode : static_cast<Code>(*code);
}

size_t StringDictionary::MemoryBytes() const {
  return codes_.MemoryBytes() + texts_.capacity() * sizeof(std::string_view);
}

namespace {

template <typename T>
size_t Bytes(const std::vector<T>& column) {
  return column.capacity() * sizeof(T);
}

// Runs `sql` and calls `row(stmt)` for each row, without materialising the result.
template <typename RowFn>
Status Stream(store::Connection& conn, std::string_view sql, RowFn row) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Statement> stmt, conn.Prepare(sql));
  while (true) {
    SUNLIGHT_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
    if (!has_row) return Status::Ok();
    SUNLIGHT_RETURN_IF_ERROR(row(*stmt));
  }
}

StatusOr<std::int32_t> DateColumn(const store::Statement& stmt, int column_idx) {
  std::string_view text = stmt.ColumnText(column_idx);
  if (stmt.column_type(column_idx) == store::ValueType::kNull || text.empty()) return kNoDate;
  SUNLIGHT_ASSIGN_OR_RETURN(Date date, Date::Parse(text));
  return date.days_since_epoch();
}

// projects, project_progress, project_beneficiaries, contracts, allocations, companies.
Status LoadProjectTables(store::Connection& conn, Snapshot& snap) {
  StringDictionary& dict = snap.strings;
  auto text = [&dict](const store::Statement& stmt, int column_idx) {
    return dict.Intern(stmt.ColumnText(column_idx));
  };
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn,
      "SELECT project_id, category, region_code, owner_org_id, program_id, procurement_method, "
      "contractor_uscc, budget, planned_start, planned_completion, planned_acceptance, "
      "accepted_date FROM projects",
      [&](const store::Statement& stmt) -> Status {
        ProjectColumns& j = snap.projects;
        j.project_id.push_back(text(stmt, 0));
        j.category.push_back(text(stmt, 1));
        j.region_code.push_back(text(stmt, 2));
        j.owner_org_id.push_back(text(stmt, 3));
        j.program_id.push_back(text(stmt, 4));
        j.procurement_method.push_back(text(stmt, 5));
        j.contractor_uscc.push_back(text(stmt, 6));
        j.budget.push_back(stmt.ColumnInteger(7));
        for (auto [column_idx, column] :
             {std::pair{8, &j.planned_start}, std::pair{9, &j.planned_completion},
              std::pair{10, &j.planned_acceptance}, std::pair{11, &j.accepted_date}}) {
          SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, DateColumn(stmt, column_idx));
          column->push_back(day);
        }
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, "SELECT project_id, report_date, percent_complete FROM project_progress",
             [&](const store::Statement& stmt) -> Status {
               ProjectProgressColumns& r = snap.project_progress;
               r.project_id.push_back(text(stmt, 0));
               r.report_date.push_back(text(stmt, 1));
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, DateColumn(stmt, 1));
               r.report_day.push_back(day);
               r.percent_complete.push_back(stmt.ColumnReal(2));
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, "SELECT project_id, household_id FROM project_beneficiaries",
             [&](const store::Statement& stmt) {
               snap.project_beneficiaries.project_id.push_back(text(stmt, 0));
               snap.project_beneficiaries.household_id.push_back(text(stmt, 1));
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn,
      "SELECT contract_id, project_id, supplier_uscc, procurement_method, amount, signed_date "
      "FROM contracts",
      [&](const store::Statement& stmt) -> Status {
        ContractColumns& c = snap.contracts;
        c.contract_id.push_back(text(stmt, 0));
        c.project_id.push_back(text(stmt, 1));
        c.supplier_uscc.push_back(text(stmt, 2));
        c.procurement_method.push_back(text(stmt, 3));
        c.amount.push_back(stmt.ColumnInteger(4));
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, DateColumn(stmt, 5));
        c.signed_date.push_back(day);
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, "SELECT allocation_id, project_id, amount, date FROM allocations",
             [&](const store::Statement& stmt) -> Status {
               AllocationColumns& a = snap.allocations;
               a.allocation_id.push_back(text(stmt, 0));
               a.project_id.push_back(text(stmt, 1));
               a.amount.push_back(stmt.ColumnInteger(2));
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, DateColumn(stmt, 3));
               a.date.push_back(day);
               return Status::Ok();
             }));
  return Stream(conn, "SELECT uscc, legal_rep_id_number FROM companies",
                [&](const store::Statement& stmt) {
                  snap.companies.uscc.push_back(text(stmt, 0));
                  snap.companies.legal_rep_id_number.push_back(text(stmt, 1));
                  return Status::Ok();
                });
}

// loans, account_transfers, employment, deaths, integrity_archives.
Status LoadPeopleTables(store::Connection& conn, Snapshot& snap) {
  StringDictionary& dict = snap.strings;
  auto text = [&dict](const store::Statement& stmt, int column_idx) {
    return dict.Intern(stmt.ColumnText(column_idx));
  };
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, "SELECT loan_id, household_id, account_no, amount, issue_date FROM loans",
             [&](const store::Statement& stmt) -> Status {
               LoanColumns& l = snap.loans;
               l.loan_id.push_back(text(stmt, 0));
               l.household_id.push_back(text(stmt, 1));
               l.account_no.push_back(text(stmt, 2));
               l.amount.push_back(stmt.ColumnInteger(3));
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, DateColumn(stmt, 4));
               l.issue_date.push_back(day);
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn, "SELECT transfer_id, from_account, to_account, amount, date FROM account_transfers",
      [&](const store::Statement& stmt) -> Status {
        AccountTransferColumns& t = snap.account_transfers;
        t.transfer_id.push_back(text(stmt, 0));
        t.from_account.push_back(text(stmt, 1));
        t.to_account.push_back(text(stmt, 2));
        t.amount.push_back(stmt.ColumnInteger(3));
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, DateColumn(stmt, 4));
        t.date.push_back(day);
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn, "SELECT id_number, region_code, start_date, end_date, subsidy_amount FROM employment",
      [&](const store::Statement& stmt) -> Status {
        EmploymentColumns& e = snap.employment;
        e.id_number.push_back(text(stmt, 0));
        e.region_code.push_back(text(stmt, 1));
        e.start_text.push_back(text(stmt, 2));
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t start, DateColumn(stmt, 2));
        e.start_date.push_back(start);
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t end, DateColumn(stmt, 3));
        e.end_date.push_back(end);
        e.subsidy_amount.push_back(
            stmt.column_type(4) == store::ValueType::kNull ? 0 : stmt.ColumnInteger(4));
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(conn, "SELECT id_number, death_date FROM deaths",
                                  [&](const store::Statement& stmt) -> Status {
                                    snap.deaths.id_number.push_back(text(stmt, 0));
                                    SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day,
                                                              DateColumn(stmt, 1));
                                    snap.deaths.death_date.push_back(day);
                                    return Status::Ok();
                                  }));
  return Stream(conn, "SELECT id_number, last_updated FROM integrity_archives",
                [&](const store::Statement& stmt) -> Status {
                  snap.integrity_archives.id_number.push_back(text(stmt, 0));
                  SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, DateColumn(stmt, 1));
                  snap.integrity_archives.last_updated.push_back(day);
                  return Status::Ok();
                });
}

}  // namespace

size_t Snapshot::MemoryBytes() const {
  size_t bytes = strings.MemoryBytes();
  auto add = [&bytes](const auto&... columns) { ((bytes += Bytes(columns)), ...); };
  add(organizations.org_id, organizations.region_code);
  add(households.household_id, households.village_code, households.status,
      households.subsidy_account);
  add(members.id_number, members.household_id, members.name_norm);
  add(subsidy_items.item_id, subsidy_items.unit, subsidy_items.standard_amount);
  const PaymentColumns& p = payments;
  add(p.payment_id, p.program_id, p.item_id, p.period, p.payer_org_id, p.payee_id, p.payee_account,
      p.household_id, p.project_id, p.purpose_category, p.voucher_no, p.payee_name_norm, p.amount,
      p.pay_date, p.approved_date, p.expense_date);
  add(fund_programs.program_id, fund_programs.allowed_categories,
      fund_programs.restricted_to_registered);
  add(officials.id_number, officials.org_id, officials.category);
  add(vehicles.id_number, vehicles.plate, vehicles.vehicle_type, vehicles.registered_date);
  add(properties.id_number, properties.certificate_no, properties.kind);
  add(company_officers.uscc, company_officers.id_number, company_officers.role);
  add(dispatched_cadres.id_number, dispatched_cadres.host_org_id, dispatched_cadres.start_date,
      dispatched_cadres.end_date);
  add(bank_accounts.account_no, bank_accounts.holder_id, bank_accounts.account_type,
      bank_accounts.holder_name_norm);
  add(kinship.id_number_a, kinship.id_number_b);
  add(companies.uscc, companies.legal_rep_id_number);
  const ProjectColumns& j = projects;
  add(j.project_id, j.category, j.region_code, j.owner_org_id, j.program_id, j.procurement_method,
      j.contractor_uscc, j.budget, j.planned_start, j.planned_completion, j.planned_acceptance,
      j.accepted_date);
  add(project_progress.project_id, project_progress.report_date, project_progress.report_day,
      project_progress.percent_complete);
  add(project_beneficiaries.project_id, project_beneficiaries.household_id);
  add(contracts.contract_id, contracts.project_id, contracts.supplier_uscc,
      contracts.procurement_method, contracts.amount, contracts.signed_date);
  add(allocations.allocation_id, allocations.project_id, allocations.amount, allocations.date);
  add(loans.loan_id, loans.household_id, loans.account_no, loans.amount, loans.issue_date);
  add(account_transfers.transfer_id, account_transfers.from_account, account_transfers.to_account,
      account_transfers.amount, account_transfers.date);
  add(employment.id_number, employment.region_code, employment.start_text, employment.start_date,
      employment.end_date, employment.subsidy_amount);
  add(deaths.id_number, deaths.death_date);
  add(integrity_archives.id_number, integrity_archives.last_updated);
  return bytes;
}

StatusOr<Snapshot> LoadSnapshot(store::Connection& conn) {
  Snapshot snap;
  StringDictionary& dict = snap.strings;
  auto text = [&dict](const store::Statement& stmt, int column_idx) {
    return dict.Intern(stmt.ColumnText(column_idx));
  };

  SUNLIGHT_RETURN_IF_ERROR(Stream(conn, "SELECT org_id, region_code FROM organizations",
                                  [&](const store::Statement& stmt) {
                                    snap.organizations.org_id.push_back(text(stmt, 0));
                                    snap.organizations.region_code.push_back(text(stmt, 1));
                                    return Status::Ok();
                                  }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, "SELECT household_id, village_code, status, subsidy_account FROM households",
             [&](const store::Statement& stmt) {
               HouseholdColumns& h = snap.households;
               h.household_id.push_back(text(stmt, 0));
               h.village_code.push_back(text(stmt, 1));
               h.status.push_back(text(stmt, 2));
               h.subsidy_account.push_back(text(stmt, 3));
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(conn, "SELECT id_number, household_id, name_norm FROM members",
                                  [&](const store::Statement& stmt) {
                                    snap.members.id_number.push_back(text(stmt, 0));
                                    snap.members.household_id.push_back(text(stmt, 1));
                                    snap.members.name_norm.push_back(text(stmt, 2));
                                    return Status::Ok();
                                  }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(conn, "SELECT item_id, unit, standard_amount FROM subsidy_items",
                                  [&](const store::Statement& stmt) {
                                    snap.subsidy_items.item_id.push_back(text(stmt, 0));
                                    snap.subsidy_items.unit.push_back(text(stmt, 1));
                                    snap.subsidy_items.standard_amount.push_back(
                                        stmt.ColumnInteger(2));
                                    return Status::Ok();
                                  }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn,
      "SELECT payment_id, program_id, item_id, period, payer_org_id, payee_id, payee_account, "
      "household_id, amount, pay_date, project_id, purpose_category, voucher_no, approved_date, "
      "expense_date, payee_name_norm FROM payments",
      [&](const store::Statement& stmt) -> Status {
        PaymentColumns& p = snap.payments;
        p.payment_id.push_back(text(stmt, 0));
        p.program_id.push_back(text(stmt, 1));
        p.item_id.push_back(text(stmt, 2));
        p.period.push_back(text(stmt, 3));
        p.payer_org_id.push_back(text(stmt, 4));
        p.payee_id.push_back(text(stmt, 5));
        p.payee_account.push_back(text(stmt, 6));
        p.household_id.push_back(text(stmt, 7));
        p.amount.push_back(stmt.ColumnInteger(8));
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t pay_date, DateColumn(stmt, 9));
        p.pay_date.push_back(pay_date);
        p.project_id.push_back(text(stmt, 10));
        p.purpose_category.push_back(text(stmt, 11));
        p.voucher_no.push_back(text(stmt, 12));
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t approved, DateColumn(stmt, 13));
        p.approved_date.push_back(approved);
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t expense, DateColumn(stmt, 14));
        p.expense_date.push_back(expense);
        p.payee_name_norm.push_back(text(stmt, 15));
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn, "SELECT program_id, restricted_to_registered, allowed_categories FROM fund_programs",
      [&](const store::Statement& stmt) {
        snap.fund_programs.program_id.push_back(text(stmt, 0));
        snap.fund_programs.restricted_to_registered.push_back(stmt.ColumnInteger(1) == 1 ? 1 : 0);
        snap.fund_programs.allowed_categories.push_back(text(stmt, 2));
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(conn, "SELECT id_number, org_id, category FROM officials",
                                  [&](const store::Statement& stmt) {
                                    snap.officials.id_number.push_back(text(stmt, 0));
                                    snap.officials.org_id.push_back(text(stmt, 1));
                                    snap.officials.category.push_back(text(stmt, 2));
                                    return Status::Ok();
                                  }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, "SELECT id_number, plate, vehicle_type, registered_date FROM vehicles",
             [&](const store::Statement& stmt) -> Status {
               snap.vehicles.id_number.push_back(text(stmt, 0));
               snap.vehicles.plate.push_back(text(stmt, 1));
               snap.vehicles.vehicle_type.push_back(text(stmt, 2));
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t registered, DateColumn(stmt, 3));
               snap.vehicles.registered_date.push_back(registered);
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(conn, "SELECT id_number, certificate_no, kind FROM properties",
                                  [&](const store::Statement& stmt) {
                                    snap.properties.id_number.push_back(text(stmt, 0));
                                    snap.properties.certificate_no.push_back(text(stmt, 1));
                                    snap.properties.kind.push_back(text(stmt, 2));
                                    return Status::Ok();
                                  }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(conn, "SELECT uscc, id_number, role FROM company_officers",
                                  [&](const store::Statement& stmt) {
                                    snap.company_officers.uscc.push_back(text(stmt, 0));
                                    snap.company_officers.id_number.push_back(text(stmt, 1));
                                    snap.company_officers.role.push_back(text(stmt, 2));
                                    return Status::Ok();
                                  }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, "SELECT id_number, host_org_id, start_date, end_date FROM dispatched_cadres",
             [&](const store::Statement& stmt) -> Status {
               DispatchedCadreColumns& d = snap.dispatched_cadres;
               d.id_number.push_back(text(stmt, 0));
               d.host_org_id.push_back(text(stmt, 1));
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t start, DateColumn(stmt, 2));
               d.start_date.push_back(start);
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t end, DateColumn(stmt, 3));
               d.end_date.push_back(end);
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(conn,
                                  "SELECT account_no, holder_id, account_type, holder_name_norm "
                                  "FROM bank_accounts",
                                  [&](const store::Statement& stmt) {
                                    snap.bank_accounts.account_no.push_back(text(stmt, 0));
                                    snap.bank_accounts.holder_id.push_back(text(stmt, 1));
                                    snap.bank_accounts.account_type.push_back(text(stmt, 2));
                                    snap.bank_accounts.holder_name_norm.push_back(text(stmt, 3));
                                    return Status::Ok();
                                  }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(conn, "SELECT id_number_a, id_number_b FROM kinship",
                                  [&](const store::Statement& stmt) {
                                    snap.kinship.id_number_a.push_back(text(stmt, 0));
                                    snap.kinship.id_number_b.push_back(text(stmt, 1));
                                    return Status::Ok();
                                  }));
  SUNLIGHT_RETURN_IF_ERROR(LoadProjectTables(conn, snap));
  SUNLIGHT_RETURN_IF_ERROR(LoadPeopleTables(conn, snap));
  return snap;
}

}  // namespace sunlight::rules
