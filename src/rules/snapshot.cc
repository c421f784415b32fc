// Loading the columnar snapshot (see snapshot.h).
#include "rules/snapshot.h"

#include <memory>

#include "core/date.h"

namespace sunlight::rules {

Code StringDictionary::Intern(std::string_view text) {
  if (text.empty()) return kNullCode;
  auto found = codes_.find(text);
  if (found != codes_.end()) return found->second;
  const Code code = static_cast<Code>(texts_.size());
  texts_.emplace_back(text);
  codes_.emplace(texts_.back(), code);
  return code;
}

Code StringDictionary::Find(std::string_view text) const {
  auto found = codes_.find(text);
  return found == codes_.end() ? kNullCode : found->second;
}

size_t StringDictionary::MemoryBytes() const {
  size_t bytes = texts_.size() * sizeof(std::string);
  for (const std::string& text : texts_) {
    if (text.capacity() > 15) bytes += text.capacity() + 1;
  }
  // Node-based hash map: a node (key view + code + next pointer) per entry, plus buckets.
  bytes += codes_.size() * (sizeof(std::string_view) + sizeof(Code) + 2 * sizeof(void*));
  bytes += codes_.bucket_count() * sizeof(void*);
  return bytes;
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

}  // namespace

size_t Snapshot::MemoryBytes() const {
  size_t bytes = strings.MemoryBytes();
  bytes += Bytes(organizations.org_id) + Bytes(organizations.region_code);
  bytes += Bytes(households.household_id) + Bytes(households.village_code) +
           Bytes(households.status) + Bytes(households.subsidy_account);
  bytes += Bytes(members.id_number) + Bytes(members.household_id);
  bytes += Bytes(subsidy_items.item_id) + Bytes(subsidy_items.unit) +
           Bytes(subsidy_items.standard_amount);
  const PaymentColumns& p = payments;
  for (const auto* column :
       {&p.payment_id, &p.program_id, &p.item_id, &p.period, &p.payer_org_id, &p.payee_id,
        &p.payee_account, &p.household_id, &p.project_id, &p.purpose_category, &p.voucher_no}) {
    bytes += Bytes(*column);
  }
  bytes += Bytes(p.amount) + Bytes(p.pay_date) + Bytes(p.approved_date);
  bytes += Bytes(fund_programs.program_id) + Bytes(fund_programs.restricted_to_registered);
  bytes += Bytes(officials.id_number) + Bytes(officials.org_id) + Bytes(officials.category);
  bytes += Bytes(vehicles.id_number) + Bytes(vehicles.plate) + Bytes(vehicles.vehicle_type) +
           Bytes(vehicles.registered_date);
  bytes += Bytes(properties.id_number) + Bytes(properties.certificate_no) + Bytes(properties.kind);
  bytes += Bytes(company_officers.uscc) + Bytes(company_officers.id_number) +
           Bytes(company_officers.role);
  bytes += Bytes(dispatched_cadres.id_number) + Bytes(dispatched_cadres.host_org_id);
  bytes += Bytes(bank_accounts.account_no) + Bytes(bank_accounts.holder_id) +
           Bytes(bank_accounts.account_type);
  bytes += Bytes(kinship.id_number_a) + Bytes(kinship.id_number_b);
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
  SUNLIGHT_RETURN_IF_ERROR(Stream(conn, "SELECT id_number, household_id FROM members",
                                  [&](const store::Statement& stmt) {
                                    snap.members.id_number.push_back(text(stmt, 0));
                                    snap.members.household_id.push_back(text(stmt, 1));
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
      "household_id, amount, pay_date, project_id, purpose_category, voucher_no, approved_date "
      "FROM payments",
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
        return Status::Ok();
      }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(
      conn, "SELECT program_id, restricted_to_registered FROM fund_programs",
      [&](const store::Statement& stmt) {
        snap.fund_programs.program_id.push_back(text(stmt, 0));
        snap.fund_programs.restricted_to_registered.push_back(stmt.ColumnInteger(1) == 1 ? 1 : 0);
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
  SUNLIGHT_RETURN_IF_ERROR(Stream(conn, "SELECT id_number, host_org_id FROM dispatched_cadres",
                                  [&](const store::Statement& stmt) {
                                    snap.dispatched_cadres.id_number.push_back(text(stmt, 0));
                                    snap.dispatched_cadres.host_org_id.push_back(text(stmt, 1));
                                    return Status::Ok();
                                  }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(conn,
                                  "SELECT account_no, holder_id, account_type FROM bank_accounts",
                                  [&](const store::Statement& stmt) {
                                    snap.bank_accounts.account_no.push_back(text(stmt, 0));
                                    snap.bank_accounts.holder_id.push_back(text(stmt, 1));
                                    snap.bank_accounts.account_type.push_back(text(stmt, 2));
                                    return Status::Ok();
                                  }));
  SUNLIGHT_RETURN_IF_ERROR(Stream(conn, "SELECT id_number_a, id_number_b FROM kinship",
                                  [&](const store::Statement& stmt) {
                                    snap.kinship.id_number_a.push_back(text(stmt, 0));
                                    snap.kinship.id_number_b.push_back(text(stmt, 1));
                                    return Status::Ok();
                                  }));
  return snap;
}

}  // namespace sunlight::rules
