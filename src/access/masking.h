// Masking of personal data in API responses (DESIGN.md: 身份证号、银行卡号 masked unless a role
// needs them; every reveal is logged). Every list and record the API returns passes personal
// fields through these; the full values leave the server only through POST /api/v1/reveal.
#pragma once

#include <string>
#include <string_view>

#include "access/principal.h"

namespace sunlight::access {

// First 6 and last 4 characters kept, the rest '*': "520521199001011234" →
// "520521********1234". Values of 10 characters or fewer are fully starred (keeping 6 + 4
// would show all of them). Works for ID numbers, USCCs and card numbers alike.
std::string MaskIdNumber(std::string_view id_number);
std::string MaskAccountNo(std::string_view account_no);

// "张三明" → "张*明", "张三" → "张*" (core/masking.h MaskName).
std::string MaskPersonName(std::string_view name);

// A person's name as `scope` may see it: full for roles that need names, masked otherwise.
std::string NameFor(const RecordScope& scope, std::string_view name);

}  // namespace sunlight::access
