#include "http/api/ledger_masking.h"

#include "core/bank_account.h"
#include "core/masking.h"

namespace sunlight::http::ledger {

std::string MaskIdNumber(std::string_view id) {
  if (id.size() < 6) return std::string(id.size(), '*');
  const size_t head = id.size() >= 14 ? 6 : 2;
  const size_t tail = id.size() >= 14 ? 4 : 2;
  return std::string(id.substr(0, head)) + std::string(id.size() - head - tail, '*') +
         std::string(id.substr(id.size() - tail));
}

std::string MaskAccount(std::string_view account) {
  StatusOr<BankAccount> parsed = BankAccount::Parse(account);
  if (parsed.ok()) return parsed->Masked();
  return MaskIdNumber(account);
}

std::string ShownPersonName(const access::RecordScope& scope, std::string_view name) {
  if (scope.may_reveal_personal_data) return std::string(name);
  return MaskName(name);
}

}  // namespace sunlight::http::ledger
