#include "supervision/letters/letter_numbering.h"

#include <fmt/format.h>

#include <utility>

#include "store/timestamp.h"

namespace sunlight::supervision::letters {
namespace {

// The customary abbreviations (简称) of the regions that pair in 东西部协作 and of the
// provinces; a region not listed falls back to the first character of its name.
constexpr std::pair<std::string_view, std::string_view> kAbbreviations[] = {
    {"4401", "穗"}, {"4403", "深"}, {"4404", "珠"}, {"4406", "佛"},     {"4419", "莞"},
    {"4420", "中"}, {"5201", "筑"}, {"5205", "毕"}, {"5226", "黔东南"}, {"11", "京"},
    {"12", "津"},   {"31", "沪"},   {"32", "苏"},   {"33", "浙"},       {"35", "闽"},
    {"37", "鲁"},   {"44", "粤"},   {"45", "桂"},   {"50", "渝"},       {"51", "川"},
    {"52", "黔"},   {"53", "滇"},   {"62", "甘"},   {"63", "青"},       {"64", "宁"},
    {"65", "新"},   {"22", "吉"},   {"15", "蒙"},   {"54", "藏"},       {"43", "湘"},
};

// The first UTF-8 character of `text` ("" for empty text).
std::string_view FirstCharacter(std::string_view text) {
  if (text.empty()) return {};
  auto lead = static_cast<unsigned char>(text[0]);
  size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return text.substr(0, std::min(len, text.size()));
}

}  // namespace

std::string DefaultLetterPrefix(std::string_view region_code, std::string_view region_name,
                                std::string_view org_name, std::string_view org_kind) {
  std::string prefix;
  for (const auto& [code, abbr] : kAbbreviations) {
    if (code == region_code) prefix = abbr;
  }
  if (prefix.empty()) prefix = FirstCharacter(region_name.empty() ? org_name : region_name);
  if (org_kind == "commission") {
    prefix += "纪";
  } else {
    std::string_view rest = org_name;
    if (!region_name.empty() && rest.starts_with(region_name))
      rest.remove_prefix(region_name.size());
    prefix += FirstCharacter(rest);
  }
  prefix += "协";
  return prefix;
}

StatusOr<std::string> LetterPrefixFor(store::Connection& conn, std::string_view org_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet configured,
      conn.Query("SELECT prefix FROM letter_prefixes WHERE org_id = ?", {std::string(org_id)}));
  if (!configured.empty()) return configured.at(0, 0).AsText();
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet org,
      conn.Query("SELECT o.name, o.kind, o.region_code, r.name FROM organizations o "
                 "LEFT JOIN regions r ON r.code = o.region_code WHERE o.org_id = ?",
                 {std::string(org_id)}));
  if (org.empty()) {
    return NotFoundError(fmt::format("单位 {} 不存在", org_id), "org_not_found");
  }
  return DefaultLetterPrefix(org.at(0, 2).AsText(), org.at(0, 3).AsText(), org.at(0, 0).AsText(),
                             org.at(0, 1).AsText());
}

Status SetLetterPrefix(store::Connection& conn, std::string_view org_id, std::string_view prefix,
                       std::string_view updated_by) {
  if (prefix.empty() || prefix.size() > 48) {
    return InvalidArgumentError("发文字号前缀不能为空且不超过16个字", "bad_letter_prefix");
  }
  return conn.Execute(
      "INSERT INTO letter_prefixes(org_id, prefix, updated_by, updated_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (org_id) DO UPDATE SET prefix = excluded.prefix, "
      "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
      {std::string(org_id), std::string(prefix), std::string(updated_by), store::TimestampNow()});
}

std::string FormatLetterNumber(std::string_view prefix, int year, std::int64_t seq) {
  return fmt::format("{}〔{}〕{}号", prefix, year, seq);
}

StatusOr<LetterNumber> NextLetterNumber(store::Connection& conn, std::string_view org_id,
                                        int year) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::string prefix, LetterPrefixFor(conn, org_id));
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query(
          "INSERT INTO letter_sequences(org_id, year, last_seq) VALUES (?, ?, 1) "
          "ON CONFLICT (org_id, year) DO UPDATE SET last_seq = letter_sequences.last_seq + 1 "
          "RETURNING last_seq",
          {std::string(org_id), year}));
  if (rs.empty()) return InternalError("未能分配发文字号", "letter_sequence_failed");
  LetterNumber number;
  number.seq = rs.at(0, 0).AsInteger();
  number.text = FormatLetterNumber(prefix, year, number.seq);
  return number;
}

}  // namespace sunlight::supervision::letters
