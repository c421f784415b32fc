// Loading the columnar snapshot (see snapshot.h).
#include "rules/snapshot.h"

#include <algorithm>
#include <exception>
#include <memory>
#include <string>
#include <thread>

#include "core/date.h"
#include "store/row_estimate.h"

namespace sunlight::rules {

Code StringDictionary::Intern(std::string_view text) {
  return text.empty() ? kNullCode : InternHashed(text, KeyIndex::HashOf(text));
}

Code StringDictionary::InternHashed(std::string_view text, uint64_t hash) {
  std::string_view stored;
  auto [code, inserted] =
      codes_.EmplaceHashed(text, hash, static_cast<int64_t>(texts_.size()), &stored);
  if (inserted) {
    texts_.push_back(stored);
    is_appended_.push_back(false);
  }
  return static_cast<Code>(code);
}

Code StringDictionary::AddAppended(std::string_view kept) {
  texts_.push_back(kept);
  is_appended_.push_back(true);
  return static_cast<Code>(texts_.size() - 1);
}

void StringDictionary::Reserve(size_t texts, size_t interned) {
  texts_.reserve(texts_.size() + texts);
  is_appended_.reserve(texts_.size() + texts);
  codes_.Reserve(codes_.size() + interned);
}

void StringDictionary::InternBatch(std::span<const std::string_view> texts, std::span<Code> codes) {
  // How far ahead to fetch: enough misses in flight to cover the memory's latency, few enough
  // that the fetched slots are still in cache when their turn comes.
  constexpr size_t kAhead = 16;
  hashes_.resize(texts.size());
  for (size_t idx = 0; idx < texts.size(); ++idx) hashes_[idx] = KeyIndex::HashOf(texts[idx]);
  for (size_t idx = 0; idx < std::min(kAhead, texts.size()); ++idx) codes_.Prefetch(hashes_[idx]);
  for (size_t idx = 0; idx < texts.size(); ++idx) {
    if (idx + kAhead < texts.size()) codes_.Prefetch(hashes_[idx + kAhead]);
    codes[idx] = texts[idx].empty() ? kNullCode : InternHashed(texts[idx], hashes_[idx]);
  }
}

Code StringDictionary::Append(std::string_view text) {
  return text.empty() ? kNullCode : AddAppended(appended_.Copy(text));
}

std::vector<Code> StringDictionary::Absorb(StringDictionary&& other) {
  std::vector<Code> here(other.texts_.size());
  texts_.reserve(texts_.size() + other.texts_.size());
  // The interned texts go through InternBatch in chunks; appended ones only get a code.
  constexpr size_t kChunk = 4096;
  std::vector<std::string_view> chunk_texts;
  std::vector<size_t> chunk_codes;  // their codes in `other`
  std::vector<Code> chunk_here(kChunk);
  auto flush = [&] {
    InternBatch(chunk_texts, std::span<Code>(chunk_here.data(), chunk_texts.size()));
    for (size_t idx = 0; idx < chunk_texts.size(); ++idx) here[chunk_codes[idx]] = chunk_here[idx];
    chunk_texts.clear();
    chunk_codes.clear();
  };
  for (size_t code = 0; code < other.texts_.size(); ++code) {
    if (other.is_appended_[code]) {
      here[code] = AddAppended(other.texts_[code]);
      continue;
    }
    chunk_texts.push_back(other.texts_[code]);
    chunk_codes.push_back(code);
    if (chunk_texts.size() == kChunk) flush();
  }
  flush();
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

template <typename... Columns>
void ReserveAll(size_t rows, Columns&... columns) {
  (columns.reserve(rows), ...);
}

// One row of a streamed SELECT, read column by column; its text columns are interned a batch
// of rows at a time.
//
// Interning a text is a probe of the dictionary's table, mostly a cache miss. Two things cut
// their cost:
//  - a memo of each column's previous text: rows come in the order they were imported, so
//    neighbouring rows mostly share their household, payee and account (≈85 % of payments at
//    400 000 households), and a repeat costs a comparison;
//  - the other texts of kBatchRows rows are copied aside and interned together
//    (StringDictionary::InternBatch), so that their misses overlap; the codes are written into
//    the columns when the batch is interned.
class Row {
 public:
  static constexpr size_t kBatchRows = 256;

  Row(const store::Statement& stmt, StringDictionary& dict) : stmt_(stmt), dict_(dict) {}

  // Appends the code of text column `column_idx` to `column`. The code may be written later,
  // when the batch is interned: read `column` only after Stream returns.
  void TextTo(int column_idx, std::vector<Code>& column) {
    if (static_cast<size_t>(column_idx) >= memos_.size()) memos_.resize(column_idx + 1);
    Memo& memo = memos_[column_idx];
    const std::string_view text = stmt_.ColumnText(column_idx);
    if (memo.pending < 0 ? text == memo.text : text == PendingText(memo.pending)) {
      if (memo.pending >= 0) patches_.push_back({&column, column.size(), memo.pending});
      column.push_back(memo.code);
      return;
    }
    if (text.empty()) {
      memo = Memo();
      column.push_back(kNullCode);
      return;
    }
    memo.pending = static_cast<std::int32_t>(pending_.size());
    memo.code = kNullCode;  // until the batch is interned
    pending_.push_back({buffer_.size(), text.size()});
    buffer_.append(text);
    patches_.push_back({&column, column.size(), memo.pending});
    column.push_back(kNullCode);
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

  // Called by Stream after each row: interns the batch once it is full.
  void EndRow() {
    if (++rows_ == kBatchRows) Flush();
  }
  // Interns the pending texts and writes their codes into the columns.
  void Flush() {
    texts_.clear();
    for (const Pending& pending : pending_) texts_.push_back(Text(pending));
    codes_.resize(texts_.size());
    dict_.InternBatch(texts_, codes_);
    for (const Patch& patch : patches_) (*patch.column)[patch.row] = codes_[patch.pending];
    for (Memo& memo : memos_) {
      if (memo.pending < 0) continue;
      memo.code = codes_[memo.pending];
      memo.text = dict_.Text(memo.code);
      memo.pending = -1;
    }
    pending_.clear();
    patches_.clear();
    buffer_.clear();
    rows_ = 0;
  }

 private:
  struct Memo {
    std::string_view text;  // when not pending: the dictionary's copy; "" with kNullCode
    Code code = kNullCode;
    std::int32_t pending = -1;  // else its index in pending_
  };
  struct Pending {
    size_t offset, size;  // in buffer_, which may move while the batch grows
  };
  struct Patch {
    std::vector<Code>* column;
    size_t row;
    std::int32_t pending;
  };
  std::string_view Text(const Pending& pending) const {
    return std::string_view(buffer_).substr(pending.offset, pending.size);
  }
  std::string_view PendingText(std::int32_t pending) const { return Text(pending_[pending]); }

  const store::Statement& stmt_;
  StringDictionary& dict_;
  std::vector<Memo> memos_;  // by column index
  size_t rows_ = 0;          // in the batch
  std::string buffer_;       // the batch's texts
  std::vector<Pending> pending_;
  std::vector<Patch> patches_;
  std::vector<std::string_view> texts_;  // Flush's scratch
  std::vector<Code> codes_;
};

// Runs `sql` and calls `row_fn(row)` for each row, without materialising the result.
template <typename RowFn>
Status Stream(store::Connection& conn, StringDictionary& dict, std::string_view sql, RowFn row_fn) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Statement> stmt, conn.Prepare(sql));
  Row row(*stmt, dict);
  while (true) {
    SUNLIGHT_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
    if (!has_row) break;
    SUNLIGHT_RETURN_IF_ERROR(row_fn(row));
    row.EndRow();
  }
  row.Flush();
  return Status::Ok();
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
        row.TextTo(0, j.project_id);
        row.TextTo(1, j.category);
        row.TextTo(2, j.region_code);
        row.TextTo(3, j.owner_org_id);
        row.TextTo(4, j.program_id);
        row.TextTo(5, j.procurement_method);
        row.TextTo(6, j.contractor_uscc);
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
               row.TextTo(0, r.project_id);
               row.TextTo(1, r.report_date);
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, row.Date(1));
               r.report_day.push_back(day);
               r.percent_complete.push_back(row.Real(2));
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn, dict, "SELECT project_id, household_id FROM project_beneficiaries", [&](Row& row) {
        row.TextTo(0, snap.project_beneficiaries.project_id);
        row.TextTo(1, snap.project_beneficiaries.household_id);
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn, dict,
      "SELECT contract_id, project_id, supplier_uscc, procurement_method, amount, signed_date "
      "FROM contracts",
      [&](Row& row) -> Status {
        ContractColumns& c = snap.contracts;
        row.TextTo(0, c.contract_id);
        row.TextTo(1, c.project_id);
        row.TextTo(2, c.supplier_uscc);
        row.TextTo(3, c.procurement_method);
        c.amount.push_back(row.Integer(4));
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, row.Date(5));
        c.signed_date.push_back(day);
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(conn, dict,
                                  "SELECT allocation_id, project_id, amount, date FROM allocations",
                                  [&](Row& row) -> Status {
                                    AllocationColumns& a = snap.allocations;
                                    row.TextTo(0, a.allocation_id);
                                    row.TextTo(1, a.project_id);
                                    a.amount.push_back(row.Integer(2));
                                    SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, row.Date(3));
                                    a.date.push_back(day);
                                    return Status::Ok();
                                  }));
  return Stream(conn, dict, "SELECT uscc, legal_rep_id_number FROM companies", [&](Row& row) {
    row.TextTo(0, snap.companies.uscc);
    row.TextTo(1, snap.companies.legal_rep_id_number);
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
               row.TextTo(0, l.loan_id);
               row.TextTo(1, l.household_id);
               row.TextTo(2, l.account_no);
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
               row.TextTo(0, t.transfer_id);
               row.TextTo(1, t.from_account);
               row.TextTo(2, t.to_account);
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
               row.TextTo(0, e.id_number);
               row.TextTo(1, e.region_code);
               row.TextTo(2, e.start_text);
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t start, row.Date(2));
               e.start_date.push_back(start);
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t end, row.Date(3));
               e.end_date.push_back(end);
               e.subsidy_amount.push_back(row.IsNull(4) ? 0 : row.Integer(4));
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT id_number, death_date FROM deaths", [&](Row& row) -> Status {
        row.TextTo(0, snap.deaths.id_number);
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, row.Date(1));
        snap.deaths.death_date.push_back(day);
        return Status::Ok();
      }));
  return Stream(conn, dict, "SELECT id_number, last_updated FROM integrity_archives",
                [&](Row& row) -> Status {
                  row.TextTo(0, snap.integrity_archives.id_number);
                  SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t day, row.Date(1));
                  snap.integrity_archives.last_updated.push_back(day);
                  return Status::Ok();
                });
}

// payments, into `dict` and `p`: on its own thread in the two-connection load.
Status LoadPayments(store::Connection& conn, StringDictionary& dict, PaymentColumns& p) {
  SUNLIGHT_ASSIGN_OR_RETURN(size_t rows, store::EstimateRows(conn, "payments"));
  p.Reserve(rows);
  // Each payment appends its payment_id and voucher_no; its other texts mostly repeat (≈0.45
  // new ones a payment at 400 000 households).
  dict.Reserve(rows * 5 / 2, rows / 2);
  return Stream(
      conn, dict,
      "SELECT payment_id, program_id, item_id, period, payer_org_id, payee_id, payee_account, "
      "household_id, amount, pay_date, project_id, purpose_category, voucher_no, approved_date, "
      "expense_date, payee_name_norm FROM payments",
      [&](Row& row) -> Status {
        p.payment_id.push_back(row.Label(0));
        row.TextTo(1, p.program_id);
        row.TextTo(2, p.item_id);
        row.TextTo(3, p.period);
        row.TextTo(4, p.payer_org_id);
        row.TextTo(5, p.payee_id);
        row.TextTo(6, p.payee_account);
        row.TextTo(7, p.household_id);
        p.amount.push_back(row.Integer(8));
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t pay_date, row.Date(9));
        p.pay_date.push_back(pay_date);
        row.TextTo(10, p.project_id);
        row.TextTo(11, p.purpose_category);
        p.voucher_no.push_back(row.Label(12));
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t approved, row.Date(13));
        p.approved_date.push_back(approved);
        SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t expense, row.Date(14));
        p.expense_date.push_back(expense);
        row.TextTo(15, p.payee_name_norm);
        return Status::Ok();
      });
}

// Every table but payments.
Status LoadOtherTables(store::Connection& conn, Snapshot& snap) {
  StringDictionary& dict = snap.strings;
  SUNLIGHT_ASSIGN_OR_RETURN(size_t households, store::EstimateRows(conn, "households"));
  SUNLIGHT_ASSIGN_OR_RETURN(size_t members, store::EstimateRows(conn, "members"));
  SUNLIGHT_ASSIGN_OR_RETURN(size_t bank_accounts, store::EstimateRows(conn, "bank_accounts"));
  snap.households.Reserve(households);
  snap.members.Reserve(members);
  snap.bank_accounts.Reserve(bank_accounts);
  // Members' ids, households' ids and accounts are most of these tables' distinct texts.
  const size_t distinct = members + households + bank_accounts + households / 4;
  dict.Reserve(distinct, distinct);

  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT org_id, region_code FROM organizations", [&](Row& row) {
        row.TextTo(0, snap.organizations.org_id);
        row.TextTo(1, snap.organizations.region_code);
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn, dict, "SELECT household_id, village_code, status, subsidy_account FROM households",
      [&](Row& row) {
        HouseholdColumns& h = snap.households;
        row.TextTo(0, h.household_id);
        row.TextTo(1, h.village_code);
        row.TextTo(2, h.status);
        row.TextTo(3, h.subsidy_account);
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT id_number, household_id, name_norm FROM members", [&](Row& row) {
        row.TextTo(0, snap.members.id_number);
        row.TextTo(1, snap.members.household_id);
        row.TextTo(2, snap.members.name_norm);
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT item_id, unit, standard_amount FROM subsidy_items", [&](Row& row) {
        row.TextTo(0, snap.subsidy_items.item_id);
        row.TextTo(1, snap.subsidy_items.unit);
        snap.subsidy_items.standard_amount.push_back(row.Integer(2));
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict,
             "SELECT program_id, restricted_to_registered, allowed_categories FROM fund_programs",
             [&](Row& row) {
               row.TextTo(0, snap.fund_programs.program_id);
               snap.fund_programs.restricted_to_registered.push_back(row.Integer(1) == 1 ? 1 : 0);
               row.TextTo(2, snap.fund_programs.allowed_categories);
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT id_number, org_id, category FROM officials", [&](Row& row) {
        row.TextTo(0, snap.officials.id_number);
        row.TextTo(1, snap.officials.org_id);
        row.TextTo(2, snap.officials.category);
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT id_number, plate, vehicle_type, registered_date FROM vehicles",
             [&](Row& row) -> Status {
               row.TextTo(0, snap.vehicles.id_number);
               row.TextTo(1, snap.vehicles.plate);
               row.TextTo(2, snap.vehicles.vehicle_type);
               SUNLIGHT_ASSIGN_OR_RETURN(std::int32_t registered, row.Date(3));
               snap.vehicles.registered_date.push_back(registered);
               return Status::Ok();
             }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT id_number, certificate_no, kind FROM properties", [&](Row& row) {
        row.TextTo(0, snap.properties.id_number);
        row.TextTo(1, snap.properties.certificate_no);
        row.TextTo(2, snap.properties.kind);
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT uscc, id_number, role FROM company_officers", [&](Row& row) {
        row.TextTo(0, snap.company_officers.uscc);
        row.TextTo(1, snap.company_officers.id_number);
        row.TextTo(2, snap.company_officers.role);
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn, dict, "SELECT id_number, host_org_id, start_date, end_date FROM dispatched_cadres",
      [&](Row& row) -> Status {
        DispatchedCadreColumns& d = snap.dispatched_cadres;
        row.TextTo(0, d.id_number);
        row.TextTo(1, d.host_org_id);
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
                                    row.TextTo(0, snap.bank_accounts.account_no);
                                    row.TextTo(1, snap.bank_accounts.holder_id);
                                    row.TextTo(2, snap.bank_accounts.account_type);
                                    row.TextTo(3, snap.bank_accounts.holder_name_norm);
                                    return Status::Ok();
                                  }));
  SUNLIGHT_RETURN_IF_ERROR(
      Stream(conn, dict, "SELECT id_number_a, id_number_b FROM kinship", [&](Row& row) {
        row.TextTo(0, snap.kinship.id_number_a);
        row.TextTo(1, snap.kinship.id_number_b);
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(LoadProjectTables(conn, snap));
  return LoadPeopleTables(conn, snap);
}

}  // namespace

void HouseholdColumns::Reserve(size_t rows) {
  ReserveAll(rows, household_id, village_code, status, subsidy_account);
}

void MemberColumns::Reserve(size_t rows) { ReserveAll(rows, id_number, household_id, name_norm); }

void PaymentColumns::Reserve(size_t rows) {
  ReserveAll(rows, payment_id, program_id, item_id, period, payer_org_id, payee_id, payee_account,
             household_id, project_id, purpose_category, voucher_no, payee_name_norm, amount,
             pay_date, approved_date, expense_date);
}

void BankAccountColumns::Reserve(size_t rows) {
  ReserveAll(rows, account_no, holder_id, account_type, holder_name_norm);
}

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
