// How personal data of the ledger appears in API responses: the one place that decides.
//
// ID numbers and account numbers are always masked (first 6 + last 4; spec: never a full
// number in a list; a full value is for the audited reveal endpoint only). Names of people
// who receive money (household members, payees, account holders) are shown in full only to
// a scope that may see names (RecordScope::may_see_names), otherwise masked like 张*三.
#pragma once

#include <string>
#include <string_view>

#include "access/principal.h"

namespace sunlight::http::ledger {

// The access layer's masking (access/masking.h), named for the ledger's columns, so that the
// API has one rule: first 6 + last 4 characters kept, '*' between; 10 characters or fewer all
// starred. Never returns a full number.
std::string MaskIdNumber(std::string_view id);
std::string MaskAccount(std::string_view account);

// A person's name as this scope may see it: full with may_see_names, else "张*明"
// (access::NameFor).
std::string ShownPersonName(const access::RecordScope& scope, std::string_view name);

}  // namespace sunlight::http::ledger
