// Loading the columnar snapshot (see snapshot.h).
#include "rules/snapshot.h"

#include <exception>
#include <memory>
#include <string>
#include <thread>

#include "core/date.h"

namespace sunlight::rules {

Code StringDictionary::Intern(std::string_view text) {
  if (text.empty()) return kNullCode;
  std::string_view stored;
  auto [code, inserted] = codes_.Emplace(text, static_cast<int64_t>(texts_.size()), &stored);
  if (inserted) {
    texts_.push_back(stored);
    is_appended_.push_back(false);
  }
  return static_cast<Code>(code);
}

Code StringDictionary::Append(std::string_view text) {
  if (text.empty()) return kNullCode;
  texts_.push_back(appended_.Copy(text));
  is_appended_.push_back(true);
  return static_cast<Code>(texts_.size() - 1);
}

std::vector<Code> StringDictionary::Absorb(StringDictionary&& other) {
  std::vector<Code> here(other.texts_.size());
  for (size_t code = 0; code < other.texts_.size(); ++code) {
    if (other.is_appended_[code]) {
      here[code] = static_cast<Code>(texts_.size());
      texts_.push_back(other.texts_[code]);
      is_appended_.push_back(true);
    } else {
      here[code] = Intern(other.texts_[code]);
    }
  }
  absorbed_.push_back(std::move(other.appended_));
  for (Arena& arena : other.absorbed_) absorbed_.push_back(std::move(arena));
  other = StringDictionary();
  return here;
}

Code StringDictionary::Find(std::string_view text) const {
  if (text.empty()) return kNullCode;
  const int64_t* code = codes_.Find(text);
  return code == nullptr ? kNullCode : static_cast<Code>(*code);
}

size_t StringDictionary::MemoryBytes() const {
  return codes_.MemoryBytes() + appended_.MemoryBytes() +
         texts_.capacity() * sizeof(std::string_view);
}

namespace {

template <typename T>
size_t Bytes(const std::vector<T>& column) {
  return column.capacity() * sizeof(T);
}

// One row of a streamed SELECT, read column by column.
//
// Text columns are interned through a memo of the column's previous value: rows come in the
// order they were imported, so neighbouring rows mostly share their household, payee and
// account (≈85 % of payments at 400 000 households), and comparing with the previous text,
// which is in cache, saves a probe of the dictionary's table, which mostly is not.
class Row {
 public:
  Row(const store::Statement& stmt, StringDictionary& dict) : stmt_(stmt), dict_(dict) {}

  Code Text(int column_idx) {
    if (static_cast<size_t>(column_idx) >= memos_.size()) memos_.resize(column_idx + 1);
    Memo& memo = memos_[column_idx];
    const std::string_view text = stmt_.ColumnText(column_idx);
    if (text != memo.text) {
      memo.code = dict_.Intern(text);
      memo.text = dict_.Text(memo.code);
    }
    return memo.code;
  }
  // A unique key only printed by the kernels (StringDictionary::Append).
  Code Label(int column_idx) { return dict_.Append(stmt_.ColumnText(column_idx)); }
  std::int64_t Integer(int column_idx) const { return stmt_.ColumnInteger(column_idx); }
  double Real(int column_idx) const { return stmt_.ColumnReal(column_idx); }
  bool IsNull(int column_idx) const {
    return stmt_.column_type(column_idx) == store::ValueType::kNull;
  }
  // Days since the epoch, kNoDate for NULL or ''.
  StatusOr<std::int32_t> Date(int column_idx) const {
    std::string_view text = stmt_.ColumnText(column_idx);
    if (IsNull(column_idx) || text.empty()) return kNoDate;
    SUNLIGHT_ASSIGN_OR_RETURN(sunlight::Date date, sunlight::Date::Parse(text));
    return date.days_since_epoch();
  }

 private:
  struct Memo {
    std::string_view text;  // "" with kNullCode, as Intern("") gives
    Code code = kNullCode;
  };
  const store::Statement& stmt_;
  StringDictionary& dict_;
  std::vector<Memo> memos_;  // by column index
};

// Runs `sql` and calls `row_fn(row)` for each row, without materialising the result.
template <typename RowFn>
Status Stream(store::Connection& conn, StringDictionary& dict, std::string_view sql, RowFn row_fn) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Statement> stmt, conn.Prepare(sql));
  Row row(*stmt, dict);
  while (true) {
    SUNLIGHT_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
    if (!has_row) return Status::Ok();
    SUNLIGHT_RETURN_IF_ERROR(row_fn(row));
  }
}

// projects, project_progress, project_beneficiaries, contracts, allocations, companies.
Status LoadProjectTables(store::Connection& conn, Snapshot& snap) {
  StringDictionary& dict = snap.strings;
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn, dict,
      "SELECT project_id, category, region_code, owner_org_id, program_id, procurement_method, "
      "contractor_uscc, budget, planned_start, planned_completion, planned_acceptance, "
      "accepted_date FROM projects",
      [&](Row& row) -> Status {
        ProjectColumns& j = snap.projects;
        j.project_id.push_back(row.Text(0));
        j.category.push_back(row.Text(1));
        j.region_code.push_back(row.Text(2));
        j.owner_org_id.push_back(row.Text(3));
        j.program_id.push_back(row.Text(4));
        j.procurement_method.push_back(row.Text(5));
        j.contractor_uscc.push_back(row.Text(6));
        j.budget.push_back(row.Integer(7));
        for (auto [column_idx, column] :
             {std::pair{8, &j.planned_start}, std::pair{9, &j.planned_completion},
              std::pair{10, &j.planned_acceptance}, std::pair{11, &j.accepted_date}}) {
          SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, row.Date(column_idx));
          column->push_back(day);
        }
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT project_id, report_date, percent_complete FROM project_progress",
             [&](Row& row) -> Status {
               ProjectProgressColumns& r = snap.project_progress;
               r.project_id.push_back(row.Text(0));
               r.report_date.push_back(row.Text(1));
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, row.Date(1));
               r.report_day.push_back(day);
               r.percent_complete.push_back(row.Real(2));
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn, dict, "SELECT project_id, household_id FROM project_beneficiaries", [&](Row& row) {
        snap.project_beneficiaries.project_id.push_back(row.Text(0));
        snap.project_beneficiaries.household_id.push_back(row.Text(1));
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn, dict,
      "SELECT contract_id, project_id, supplier_uscc, procurement_method, amount, signed_date "
      "FROM contracts",
      [&](Row& row) -> Status {
        ContractColumns& c = snap.contracts;
        c.contract_id.push_back(row.Text(0));
        c.project_id.push_back(row.Text(1));
        c.supplier_uscc.push_back(row.Text(2));
        c.procurement_method.push_back(row.Text(3));
        c.amount.push_back(row.Integer(4));
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, row.Date(5));
        c.signed_date.push_back(day);
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(conn, dict,
                                  "SELECT allocation_id, project_id, amount, date FROM allocations",
                                  [&](Row& row) -> Status {
                                    AllocationColumns& a = snap.allocations;
                                    a.allocation_id.push_back(row.Text(0));
                                    a.project_id.push_back(row.Text(1));
                                    a.amount.push_back(row.Integer(2));
                                    SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, row.Date(3));
                                    a.date.push_back(day);
                                    return Status::Ok();
                                  }));
  return Stream(conn, dict, "SELECT uscc, legal_rep_id_number FROM companies", [&](Row& row) {
    snap.companies.uscc.push_back(row.Text(0));
    snap.companies.legal_rep_id_number.push_back(row.Text(1));
    return Status::Ok();
  });
}

// loans, account_transfers, employment, deaths, integrity_archives.
Status LoadPeopleTables(store::Connection& conn, Snapshot& snap) {
  StringDictionary& dict = snap.strings;
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT loan_id, household_id, account_no, amount, issue_date FROM loans",
             [&](Row& row) -> Status {
               LoanColumns& l = snap.loans;
               l.loan_id.push_back(row.Text(0));
               l.household_id.push_back(row.Text(1));
               l.account_no.push_back(row.Text(2));
               l.amount.push_back(row.Integer(3));
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, row.Date(4));
               l.issue_date.push_back(day);
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict,
             "SELECT transfer_id, from_account, to_account, amount, date FROM account_transfers",
             [&](Row& row) -> Status {
               AccountTransferColumns& t = snap.account_transfers;
               t.transfer_id.push_back(row.Text(0));
               t.from_account.push_back(row.Text(1));
               t.to_account.push_back(row.Text(2));
               t.amount.push_back(row.Integer(3));
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, row.Date(4));
               t.date.push_back(day);
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict,
             "SELECT id_number, region_code, start_date, end_date, subsidy_amount FROM employment",
             [&](Row& row) -> Status {
               EmploymentColumns& e = snap.employment;
               e.id_number.push_back(row.Text(0));
               e.region_code.push_back(row.Text(1));
               e.start_text.push_back(row.Text(2));
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t start, row.Date(2));
               e.start_date.push_back(start);
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t end, row.Date(3));
               e.end_date.push_back(end);
               e.subsidy_amount.push_back(row.IsNull(4) ? 0 : row.Integer(4));
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT id_number, death_date FROM deaths", [&](Row& row) -> Status {
        snap.deaths.id_number.push_back(row.Text(0));
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, row.Date(1));
        snap.deaths.death_date.push_back(day);
        return Status::Ok();
      }));
  return Stream(conn, dict, "SELECT id_number, last_updated FROM integrity_archives",
                [&](Row& row) -> Status {
                  snap.integrity_archives.id_number.push_back(row.Text(0));
                  SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, row.Date(1));
                  snap.integrity_archives.last_updated.push_back(day);
                  return Status::Ok();
                });
}

// payments, into `dict` and `p`: on its own thread in the two-connection load.
Status LoadPayments(store::Connection& conn, StringDictionary& dict, PaymentColumns& p) {
  return Stream(
      conn, dict,
      "SELECT payment_id, program_id, item_id, period, payer_org_id, payee_id, payee_account, "
      "household_id, amount, pay_date, project_id, purpose_category, voucher_no, approved_date, "
      "expense_date, payee_name_norm FROM payments",
      [&](Row& row) -> Status {
        p.payment_id.push_back(row.Label(0));
        p.program_id.push_back(row.Text(1));
        p.item_id.push_back(row.Text(2));
        p.period.push_back(row.Text(3));
        p.payer_org_id.push_back(row.Text(4));
        p.payee_id.push_back(row.Text(5));
        p.payee_account.push_back(row.Text(6));
        p.household_id.push_back(row.Text(7));
        p.amount.push_back(row.Integer(8));
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t pay_date, row.Date(9));
        p.pay_date.push_back(pay_date);
        p.project_id.push_back(row.Text(10));
        p.purpose_category.push_back(row.Text(11));
        p.voucher_no.push_back(row.Label(12));
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t approved, row.Date(13));
        p.approved_date.push_back(approved);
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t expense, row.Date(14));
        p.expense_date.push_back(expense);
        p.payee_name_norm.push_back(row.Text(15));
        return Status::Ok();
      });
}

// Every table but payments.
Status LoadOtherTables(store::Connection& conn, Snapshot& snap) {
  StringDictionary& dict = snap.strings;

  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT org_id, region_code FROM organizations", [&](Row& row) {
        snap.organizations.org_id.push_back(row.Text(0));
        snap.organizations.region_code.push_back(row.Text(1));
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn, dict, "SELECT household_id, village_code, status, subsidy_account FROM households",
      [&](Row& row) {
        HouseholdColumns& h = snap.households;
        h.household_id.push_back(row.Text(0));
        h.village_code.push_back(row.Text(1));
        h.status.push_back(row.Text(2));
        h.subsidy_account.push_back(row.Text(3));
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT id_number, household_id, name_norm FROM members", [&](Row& row) {
        snap.members.id_number.push_back(row.Text(0));
        snap.members.household_id.push_back(row.Text(1));
        snap.members.name_norm.push_back(row.Text(2));
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT item_id, unit, standard_amount FROM subsidy_items", [&](Row& row) {
        snap.subsidy_items.item_id.push_back(row.Text(0));
        snap.subsidy_items.unit.push_back(row.Text(1));
        snap.subsidy_items.standard_amount.push_back(row.Integer(2));
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict,
             "SELECT program_id, restricted_to_registered, allowed_categories FROM fund_programs",
             [&](Row& row) {
               snap.fund_programs.program_id.push_back(row.Text(0));
               snap.fund_programs.restricted_to_registered.push_back(row.Integer(1) == 1 ? 1 : 0);
               snap.fund_programs.allowed_categories.push_back(row.Text(2));
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT id_number, org_id, category FROM officials", [&](Row& row) {
        snap.officials.id_number.push_back(row.Text(0));
        snap.officials.org_id.push_back(row.Text(1));
        snap.officials.category.push_back(row.Text(2));
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT id_number, plate, vehicle_type, registered_date FROM vehicles",
             [&](Row& row) -> Status {
               snap.vehicles.id_number.push_back(row.Text(0));
               snap.vehicles.plate.push_back(row.Text(1));
               snap.vehicles.vehicle_type.push_back(row.Text(2));
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t registered, row.Date(3));
               snap.vehicles.registered_date.push_back(registered);
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT id_number, certificate_no, kind FROM properties", [&](Row& row) {
        snap.properties.id_number.push_back(row.Text(0));
        snap.properties.certificate_no.push_back(row.Text(1));
        snap.properties.kind.push_back(row.Text(2));
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT uscc, id_number, role FROM company_officers", [&](Row& row) {
        snap.company_officers.uscc.push_back(row.Text(0));
        snap.company_officers.id_number.push_back(row.Text(1));
        snap.company_officers.role.push_back(row.Text(2));
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn, dict, "SELECT id_number, host_org_id, start_date, end_date FROM dispatched_cadres",
      [&](Row& row) -> Status {
        DispatchedCadreColumns& d = snap.dispatched_cadres;
        d.id_number.push_back(row.Text(0));
        d.host_org_id.push_back(row.Text(1));
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t start, row.Date(2));
        d.start_date.push_back(start);
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t end, row.Date(3));
        d.end_date.push_back(end);
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(conn, dict,
                                  "SELECT account_no, holder_id, account_type, holder_name_norm "
                                  "FROM bank_accounts",
                                  [&](Row& row) {
                                    snap.bank_accounts.account_no.push_back(row.Text(0));
                                    snap.bank_accounts.holder_id.push_back(row.Text(1));
                                    snap.bank_accounts.account_type.push_back(row.Text(2));
                                    snap.bank_accounts.holder_name_norm.push_back(row.Text(3));
                                    return Status::Ok();
                                  }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT id_number_a, id_number_b FROM kinship", [&](Row& row) {
        snap.kinship.id_number_a.push_back(row.Text(0));
        snap.kinship.id_number_b.push_back(row.Text(1));
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(LoadProjectTables(conn, snap));
  return LoadPeopleTables(conn, snap);
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
  SUNLIGHT_RETURN_IF_ERROR(LoadOtherTables(conn, snap));
  SUNLIGHT_RETURN_IF_ERROR(LoadPayments(conn, snap.strings, snap.payments));
  return snap;
}

StatusOr<Snapshot> LoadSnapshot(store::Connection& conn, store::Connection& payments_conn) {
  Snapshot snap;
  StringDictionary payment_strings;
  Status payments_status;
  {
    std::jthread payments_thread([&] {
      try {
        payments_status = LoadPayments(payments_conn, payment_strings, snap.payments);
      } catch (const std::exception& error) {
        payments_status = InternalError(std::string("读取 payments 时出错：") + error.what(),
                                        "snapshot_payments_thread");
      }
    });
    SUNLIGHT_RETURN_IF_ERROR(LoadOtherTables(conn, snap));
  }  // joins payments_thread
  SUNLIGHT_RETURN_IF_ERROR(payments_status);
  const std::vector<Code> here = snap.strings.Absorb(std::move(payment_strings));
  PaymentColumns& p = snap.payments;
  for (std::vector<Code>* column :
       {&p.payment_id, &p.program_id, &p.item_id, &p.period, &p.payer_org_id, &p.payee_id,
        &p.payee_account, &p.household_id, &p.project_id, &p.purpose_category, &p.voucher_no,
        &p.payee_name_norm}) {
    for (Code& code : *column) {
      if (code != kNullCode) code = here[code];
    }
  }
  return snap;
}

}  // namespace sunlight::rules
