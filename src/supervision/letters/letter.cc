#include "supervision/letters/letter.h"

#include <nlohmann/json.hpp>

namespace sunlight::supervision::letters {

std::string_view LetterKindName(LetterKind kind) {
  switch (kind) {
    case LetterKind::kSupervisionNotice:
      return "supervision_notice";
    case LetterKind::kRectificationOrder:
      return "rectification_order";
    case LetterKind::kTransferLetter:
      return "transfer_letter";
    case LetterKind::kFeedbackLetter:
      return "feedback_letter";
  }
  return "supervision_notice";
}

std::string_view LetterKindTitle(LetterKind kind) {
  switch (kind) {
    case LetterKind::kSupervisionNotice:
      return "监督提示函";
    case LetterKind::kRectificationOrder:
      return "整改督办函";
    case LetterKind::kTransferLetter:
      return "移送函";
    case LetterKind::kFeedbackLetter:
      return "反馈函";
  }
  return "监督提示函";
}

StatusOr<LetterKind> ParseLetterKind(std::string_view name) {
  for (LetterKind kind : {LetterKind::kSupervisionNotice, LetterKind::kRectificationOrder,
                          LetterKind::kTransferLetter, LetterKind::kFeedbackLetter}) {
    if (LetterKindName(kind) == name) return kind;
  }
  return InvalidArgumentError(
      "文书类型无效，应为 supervision_notice、rectification_order、transfer_letter 或 "
      "feedback_letter",
      "bad_letter_kind");
}

StatusOr<LetterDocument> DocumentOf(const LetterRecord& letter) {
  nlohmann::json body =
      nlohmann::json::parse(letter.body_json, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object() || !body.contains("paragraphs") ||
      !body["paragraphs"].is_array()) {
    return DataLossError("文书正文数据已损坏", "bad_letter_body");
  }
  LetterDocument doc;
  doc.issuer_name = letter.issuer_name;
  doc.number = letter.number;
  doc.title = letter.title;
  doc.recipient_name = letter.recipient_name;
  for (const auto& p : body["paragraphs"]) {
    if (!p.is_string()) return DataLossError("文书正文数据已损坏", "bad_letter_body");
    doc.paragraphs.push_back(p.get<std::string>());
  }
  SUNLIGHT_ASSIGN_OR_RETURN(doc.issued_on, Date::Parse(letter.issued_on));
  return doc;
}

std::string ChineseNumeral(int n) {
  static constexpr const char* kDigits[] = {"零", "一", "二", "三", "四",
                                            "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 100) return std::to_string(n);
  if (n < 10) return kDigits[n];
  std::string out;
  if (n / 10 > 1) out += kDigits[n / 10];
  out += "十";
  if (n % 10 != 0) out += kDigits[n % 10];
  return out;
}

}  // namespace sunlight::supervision::letters
