// 发文字号 of letters: "<prefix>〔<year>〕<seq>号", e.g. 穗纪协〔2026〕12号, one sequence per
// issuing org and year (tables letter_prefixes and letter_sequences, migration 9).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "store/connection.h"

namespace sunlight::supervision::letters {

// The prefix an org gets when letter_prefixes has no row for it: the customary one-character
// abbreviation of its city or province (广州 穗, 毕节 毕, 贵州 黔, …; else the first character of
// the region's name), then 纪 for a commission (kind 'commission') or the first character of
// the org's own name after the region name, then 协 (东西部协作). E.g. 4401-JW → 穗纪协.
std::string DefaultLetterPrefix(std::string_view region_code, std::string_view region_name,
                                std::string_view org_name, std::string_view org_kind);

// The configured prefix of `org_id`, or its default. NotFound (reason "org_not_found") for an
// org that the ledger does not know.
StatusOr<std::string> LetterPrefixFor(store::Connection& conn, std::string_view org_id);

// Configures the prefix of `org_id` (upsert). InvalidArgument (reason "bad_letter_prefix") for
// an empty prefix or one longer than 16 characters' worth of bytes (48).
Status SetLetterPrefix(store::Connection& conn, std::string_view org_id, std::string_view prefix,
                       std::string_view updated_by);

struct LetterNumber {
  std::int64_t seq = 0;
  std::string text;  // 穗纪协〔2026〕12号
};

// "穗纪协〔2026〕12号".
std::string FormatLetterNumber(std::string_view prefix, int year, std::int64_t seq);

// Takes the next number of (org_id, year): 1 for the first letter of the year. One upsert
// (INSERT … ON CONFLICT DO UPDATE … RETURNING), so that concurrent callers are serialised by
// the engine's row lock and never get the same number.
// REQUIRES: inside the write transaction that stores the letter (a rollback returns the
// number).
StatusOr<LetterNumber> NextLetterNumber(store::Connection& conn, std::string_view org_id, int year);

}  // namespace sunlight::supervision::letters
