// Letters (文书, spec/workflows.md "Letters"): the four kinds, the laid-out document that the
// .docx and PDF writers render, and the stored letter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace sunlight::supervision::letters {

enum class LetterKind {
  kSupervisionNotice,   // 监督提示函: to a commission or org, listing problems
  kRectificationOrder,  // 整改督办函: to a responsible unit, listing tasks and deadlines
  kTransferLetter,      // 移送函: with a transfer, listing its items
  kFeedbackLetter,      // 反馈函: a transfer's feedback, to the sending commission
};

// "supervision_notice", "rectification_order", "transfer_letter", "feedback_letter".
std::string_view LetterKindName(LetterKind kind);
// "监督提示函", …
std::string_view LetterKindTitle(LetterKind kind);
// InvalidArgument (reason "bad_letter_kind") for anything else.
StatusOr<LetterKind> ParseLetterKind(std::string_view name);

// What the writers lay out in the GB/T 9704 order: 版头 (issuer), 发文字号, title, 主送机关,
// body paragraphs, 署名 and date.
struct LetterDocument {
  std::string issuer_name;              // 发文机关标志 and 署名, e.g. 广州市纪委监委
  std::string number;                   // 发文字号, e.g. 穗纪协〔2026〕3号
  std::string title;                    // 标题
  std::string recipient_name;           // 主送机关 (without the colon)
  std::vector<std::string> paragraphs;  // 正文, each indented two characters
  Date issued_on;                       // 成文日期
};

// A stored letter (table letters).
struct LetterRecord {
  std::int64_t id = 0;
  LetterKind kind = LetterKind::kSupervisionNotice;
  std::string number;
  int year = 0;
  std::int64_t seq = 0;  // 0 when the number came from the transfer (移送函文号)
  std::string issuing_org_id;
  std::string issuer_name;
  std::string recipient_org_id;
  std::string recipient_name;
  std::string region_code;  // of the source record: decides jurisdiction
  std::string source_type;  // "problem" | "transfer"
  std::int64_t source_id = 0;
  std::string title;
  std::string body_json;  // {"paragraphs": [...], "items": [...], "issued_on": "YYYY-MM-DD"}
  std::string issued_on;  // YYYY-MM-DD
  std::string created_by;
  std::string created_at;
  std::optional<std::int64_t> pdf_attachment_id;
};

// The document of a stored letter, rebuilt from its columns and body JSON.
StatusOr<LetterDocument> DocumentOf(const LetterRecord& letter);

// "一", "二", … "九十九" (item numbers in the body: 一、二、).
std::string ChineseNumeral(int n);

}  // namespace sunlight::supervision::letters
