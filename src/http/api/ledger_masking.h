// How personal data of the ledger appears in API responses: the one place that decides.
//
// ID numbers and account numbers are always masked (first 6 + last 4; spec: never a full
// number in a list; a full value is for the audited reveal endpoint only). Names of people
// who receive money (household members, payees, account holders) are shown in full only to
// a scope that may reveal personal data, otherwise masked like 张*三.
#pragma once

#include <string>
#include <string_view>

#include "access/principal.h"

namespace sunlight::http::ledger {

// An ID number (or any identifier held in an *_id_number / payee_id / holder_id column, which
// may be a USCC): first 6 + '*' for each hidden character + last 4; shorter than 14
// characters: first 2 + last 2, so that at least 4 stay hidden. Never returns the input.
std::string MaskIdNumber(std::string_view id);

// A bank account or card number: as BankAccount::Masked() (first 6 + last 4 for 14 digits or
// more); text that is not an account number is masked like an ID number.
std::string MaskAccount(std::string_view account);

// A person's name as this scope may see it: full with may_reveal_personal_data, else
// MaskName ("张三明" → "张*明").
std::string ShownPersonName(const access::RecordScope& scope, std::string_view name);

}  // namespace sunlight::http::ledger
