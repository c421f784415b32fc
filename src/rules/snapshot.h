// A columnar, read-only copy of the ledger tables the rule kernels read.
//
// Each table is a struct of equal-length column vectors. Every string (ids, codes, names,
// enum values) is interned in one StringDictionary shared by all tables, so that a join on an
// id is an int32 comparison and the same code means the same text in every table. NULL (and
// the empty string) is kNullCode. Dates are days since the epoch (kNoDate when NULL).
//
//   SUNLIGHT_ASSIGN_OR_RETURN(Snapshot snap, LoadSnapshot(conn));
//   for (size_t row_idx = 0; row_idx < snap.payments.size(); ++row_idx) ...
//
// To give a rule a column it lacks: add the vector to its table struct and to the table's
// loader in snapshot.cc (one SELECT per table, streamed row by row).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/arena.h"
#include "core/key_index.h"
#include "core/status.h"
#include "store/connection.h"

namespace sunlight::rules {

using Code = std::int32_t;
inline constexpr Code kNullCode = -1;
inline constexpr std::int32_t kNoDate = INT32_MIN;

// Interns strings as dense int32 codes. Not thread-safe while interning; read-only use after
// loading is safe from any number of threads.
class StringDictionary {
 public:
  // The code of `text`, added if new; kNullCode for the empty string.
  Code Intern(std::string_view text);
  // Makes room for `texts` more codes, `interned` of them by Intern, so that loading does
  // not move the code → text table (16 bytes a code) and rehash the text → code table on the
  // way: that moving and the page faults of each larger copy were a third of the load.
  void Reserve(size_t texts, size_t interned);
  // Interns texts[i] into codes[i], fetching the table's slots a few texts ahead so that the
  // look-ups' cache misses overlap instead of coming one after another.
  // REQUIRES: codes.size() == texts.size().
  void InternBatch(std::span<const std::string_view> texts, std::span<Code> codes);
  // A new code for `text` without looking for an earlier one (kNullCode for the empty
  // string), for a table's own unique key that kernels only print (payments.payment_id): 1.5 M
  // texts at 400 000 households that a probe of the table would only find absent. Find does
  // not see these texts, and an equal text elsewhere has another code; compare them as text.
  Code Append(std::string_view text);
  // The code of `text` as interned, or kNullCode when it was never interned.
  Code Find(std::string_view text) const;
  // REQUIRES: code is kNullCode or was returned by Intern. kNullCode reads as "".
  std::string_view Text(Code code) const {
    return code == kNullCode ? std::string_view() : std::string_view(texts_[code]);
  }
  size_t size() const { return texts_.size(); }
  size_t MemoryBytes() const;

  // Takes every text of `other` (a dictionary filled on another thread) and returns, for each
  // code of `other`, the code of the same text here: interned texts are interned here, appended
  // ones appended (their arena moves, nothing is copied).
  std::vector<Code> Absorb(StringDictionary&& other);

 private:
  // The code of `text` (not empty) under its KeyIndex hash, added if new.
  Code InternHashed(std::string_view text, uint64_t hash);
  // A new code for `kept`, a text already in one of the arenas that Find must not see.
  Code AddAppended(std::string_view kept);

  // The texts live in the index's arena, so interning a string is one probe of a flat table
  // and freeing the dictionary is freeing a few blocks; with a node per string, the hash map
  // lookups were a third of a 400 000-household scan and its destruction another 5 %.
  KeyIndex codes_;                       // text → code, of the interned texts
  Arena appended_;                       // the texts added by Append
  std::vector<Arena> absorbed_;          // appended texts taken over by Absorb
  std::vector<std::string_view> texts_;  // code → text, views into the arenas above
  std::vector<bool> is_appended_;        // code → whether Append added it
  std::vector<uint64_t> hashes_;         // InternBatch's scratch
};

struct OrganizationColumns {
  std::vector<Code> org_id, region_code;
  size_t size() const { return org_id.size(); }
};

struct HouseholdColumns {
  std::vector<Code> household_id, village_code, status, subsidy_account;
  size_t size() const { return household_id.size(); }
  void Reserve(size_t rows);
};

struct MemberColumns {
  std::vector<Code> id_number, household_id, name_norm;
  size_t size() const { return id_number.size(); }
  void Reserve(size_t rows);
};

struct SubsidyItemColumns {
  std::vector<Code> item_id, unit;
  std::vector<std::int64_t> standard_amount;
  size_t size() const { return item_id.size(); }
};

struct PaymentColumns {
  std::vector<Code> payment_id, program_id, item_id, period, payer_org_id, payee_id, payee_account,
      household_id, project_id, purpose_category, voucher_no, payee_name_norm;
  std::vector<std::int64_t> amount;
  std::vector<std::int32_t> pay_date, approved_date, expense_date;
  size_t size() const { return payment_id.size(); }
  void Reserve(size_t rows);
};

struct FundProgramColumns {
  std::vector<Code> program_id;
  std::vector<Code> allowed_categories;                // the ';'-joined list as stored
  std::vector<std::uint8_t> restricted_to_registered;  // 0/1; NULL reads as 0
  size_t size() const { return program_id.size(); }
};

struct OfficialColumns {
  std::vector<Code> id_number, org_id, category;
  size_t size() const { return id_number.size(); }
};

struct VehicleColumns {
  std::vector<Code> id_number, plate, vehicle_type;
  std::vector<std::int32_t> registered_date;
  size_t size() const { return id_number.size(); }
};

struct PropertyColumns {
  std::vector<Code> id_number, certificate_no, kind;
  size_t size() const { return id_number.size(); }
};

struct CompanyOfficerColumns {
  std::vector<Code> uscc, id_number, role;
  size_t size() const { return uscc.size(); }
};

struct DispatchedCadreColumns {
  std::vector<Code> id_number, host_org_id;
  std::vector<std::int32_t> start_date, end_date;
  size_t size() const { return id_number.size(); }
};

struct BankAccountColumns {
  std::vector<Code> account_no, holder_id, account_type, holder_name_norm;
  size_t size() const { return account_no.size(); }
  void Reserve(size_t rows);
};

struct KinshipColumns {
  std::vector<Code> id_number_a, id_number_b;
  size_t size() const { return id_number_a.size(); }
};

struct CompanyColumns {
  std::vector<Code> uscc, legal_rep_id_number;
  size_t size() const { return uscc.size(); }
};

struct ProjectColumns {
  std::vector<Code> project_id, category, region_code, owner_org_id, program_id, procurement_method,
      contractor_uscc;
  std::vector<std::int64_t> budget;
  std::vector<std::int32_t> planned_start, planned_completion, planned_acceptance, accepted_date;
  size_t size() const { return project_id.size(); }
};

struct ProjectProgressColumns {
  std::vector<Code> project_id, report_date;  // report_date also as text: it names the row
  std::vector<std::int32_t> report_day;
  std::vector<double> percent_complete;
  size_t size() const { return project_id.size(); }
};

struct ProjectBeneficiaryColumns {
  std::vector<Code> project_id, household_id;
  size_t size() const { return project_id.size(); }
};

struct ContractColumns {
  std::vector<Code> contract_id, project_id, supplier_uscc, procurement_method;
  std::vector<std::int64_t> amount;
  std::vector<std::int32_t> signed_date;
  size_t size() const { return contract_id.size(); }
};

struct AllocationColumns {
  std::vector<Code> allocation_id, project_id;
  std::vector<std::int64_t> amount;
  std::vector<std::int32_t> date;
  size_t size() const { return allocation_id.size(); }
};

struct LoanColumns {
  std::vector<Code> loan_id, household_id, account_no;
  std::vector<std::int64_t> amount;
  std::vector<std::int32_t> issue_date;
  size_t size() const { return loan_id.size(); }
};

struct AccountTransferColumns {
  std::vector<Code> transfer_id, from_account, to_account;
  std::vector<std::int64_t> amount;
  std::vector<std::int32_t> date;
  size_t size() const { return transfer_id.size(); }
};

struct EmploymentColumns {
  std::vector<Code> id_number, region_code, start_text;  // start_date as text: it names the row
  std::vector<std::int32_t> start_date, end_date;
  std::vector<std::int64_t> subsidy_amount;  // NULL reads as 0
  size_t size() const { return id_number.size(); }
};

struct DeathColumns {
  std::vector<Code> id_number;
  std::vector<std::int32_t> death_date;
  size_t size() const { return id_number.size(); }
};

struct IntegrityArchiveColumns {
  std::vector<Code> id_number;
  std::vector<std::int32_t> last_updated;
  size_t size() const { return id_number.size(); }
};

struct Snapshot {
  StringDictionary strings;
  OrganizationColumns organizations;
  HouseholdColumns households;
  MemberColumns members;
  SubsidyItemColumns subsidy_items;
  PaymentColumns payments;
  FundProgramColumns fund_programs;
  OfficialColumns officials;  // officials.csv only (not dispatched cadres)
  VehicleColumns vehicles;
  PropertyColumns properties;
  CompanyOfficerColumns company_officers;
  DispatchedCadreColumns dispatched_cadres;
  BankAccountColumns bank_accounts;
  KinshipColumns kinship;
  CompanyColumns companies;
  ProjectColumns projects;
  ProjectProgressColumns project_progress;
  ProjectBeneficiaryColumns project_beneficiaries;
  ContractColumns contracts;
  AllocationColumns allocations;
  LoanColumns loans;
  AccountTransferColumns account_transfers;
  EmploymentColumns employment;
  DeathColumns deaths;
  IntegrityArchiveColumns integrity_archives;

  // Bytes held by the columns and the dictionary (approximate: capacity, not allocator slack).
  size_t MemoryBytes() const;
};

// Reads the ledger tables through streaming statements, on the calling thread.
[[nodiscard]] StatusOr<Snapshot> LoadSnapshot(store::Connection& conn);

// The same on two threads: a second thread reads payments (a third of the rows and most of
// the columns) through `payments_conn` while this one reads the other tables through `conn`;
// the second thread's dictionary is then absorbed into the snapshot's.
// REQUIRES: both connections read the same state (store::BeginSharedRead).
[[nodiscard]] StatusOr<Snapshot> LoadSnapshot(store::Connection& conn,
                                              store::Connection& payments_conn);

}  // namespace sunlight::rules
