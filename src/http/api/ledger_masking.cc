#include "http/api/ledger_masking.h"

#include "access/masking.h"

namespace sunlight::http::ledger {

// One masking rule for the whole API: the access layer's (access/masking.h).
std::string MaskIdNumber(std::string_view id) { return access::MaskIdNumber(id); }

std::string MaskAccount(std::string_view account) { return access::MaskAccountNo(account); }

std::string ShownPersonName(const access::RecordScope& scope, std::string_view name) {
  return access::NameFor(scope, name);
}

}  // namespace sunlight::http::ledger
