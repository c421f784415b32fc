// Composing a letter from the supervision records (problems, rectification tasks, transfers
// and their items and feedback, clues) and the ledger's organizations: who issues it, to
// whom, its title and body. Reads the tables directly; writes nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "store/connection.h"
#include "supervision/actor.h"
#include "supervision/letters/letter.h"

namespace sunlight::supervision::letters {

struct LetterRequest {
  LetterKind kind = LetterKind::kSupervisionNotice;
  // supervision_notice: one or more problem ids; rectification_order: one problem id;
  // transfer_letter and feedback_letter: one transfer id.
  std::vector<std::int64_t> source_ids;
  // 主送机关: "" for the default (the problems' responsible org; the responsible unit of the
  // problem's first open task). Ignored for transfer and feedback letters, whose recipient is
  // the other commission of the transfer.
  std::string recipient_org_id;
  // 成文日期; the number's year is its year. Default: today.
  std::optional<Date> issued_on;
  // Whether the caller may act on a record of this region; null allows every region.
  std::function<bool(std::string_view region_code)> in_jurisdiction;
};

struct LetterDraft {
  LetterKind kind = LetterKind::kSupervisionNotice;
  std::string issuing_org_id;
  std::string issuer_name;
  std::string recipient_org_id;
  std::string recipient_name;
  std::string region_code;
  std::string source_type;  // "problem" | "transfer"
  std::int64_t source_id = 0;
  std::string title;
  std::vector<std::string> paragraphs;
  std::string items_json;  // JSON array: the records listed, for integrators
  Date issued_on;
  // A transfer letter whose transfer already has its 移送函文号 keeps that number.
  std::string fixed_number;
};

// Errors: InvalidArgument (bad_letter_request) for a wrong number of source ids; NotFound
// (problem_not_found, transfer_not_found, org_not_found) for a missing record;
// PermissionDenied (outside_jurisdiction) when in_jurisdiction refuses a source's region;
// FailedPrecondition (no_open_tasks, no_feedback) when there is nothing to write.
StatusOr<LetterDraft> ComposeLetter(store::Connection& conn, const LetterRequest& request,
                                    const Actor& actor);

}  // namespace sunlight::supervision::letters
