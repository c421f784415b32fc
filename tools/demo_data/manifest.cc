// Manifest (see manifest.h).
#include "demo_data/manifest.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace sunlight::demo {

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof(escaped), "\\u%04x", c);
          out += escaped;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
  return out;
}

void Manifest::Expect(std::string_view rule, std::string_view subject_type,
                      std::string_view subject_id) {
  expected_.emplace(std::string(rule), std::string(subject_id), std::string(subject_type));
}

void Manifest::NearMiss(std::string_view rule, std::string_view subject_type,
                        std::string_view subject_id, std::string_view why) {
  near_misses_.emplace_back(std::string(rule), std::string(subject_id), std::string(subject_type),
                            std::string(why));
}

Status Manifest::Write(const std::filesystem::path& dir) const {
  {
    std::ofstream out(dir / "expected_warnings.jsonl", std::ios::binary | std::ios::trunc);
    for (const auto& [rule, subject_id, subject_type] : expected_) {
      out << "{\"rule\":" << JsonString(rule) << ",\"subject_type\":" << JsonString(subject_type)
          << ",\"subject_id\":" << JsonString(subject_id) << "}\n";
    }
    if (!out) return UnavailableError("写入 expected_warnings.jsonl 失败", "io_error");
  }
  auto sorted = near_misses_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
  });
  std::ofstream out(dir / "near_misses.jsonl", std::ios::binary | std::ios::trunc);
  for (const auto& [rule, subject_id, subject_type, why] : sorted) {
    out << "{\"rule\":" << JsonString(rule) << ",\"subject_type\":" << JsonString(subject_type)
        << ",\"subject_id\":" << JsonString(subject_id) << ",\"why\":" << JsonString(why) << "}\n";
  }
  if (!out) return UnavailableError("写入 near_misses.jsonl 失败", "io_error");
  return Status::Ok();
}

std::map<std::string, int> Manifest::ExpectedPerRule() const {
  std::map<std::string, int> counts;
  for (const auto& entry : expected_) ++counts[std::get<0>(entry)];
  return counts;
}

std::map<std::string, int> Manifest::NearMissesPerRule() const {
  std::map<std::string, int> counts;
  for (const auto& entry : near_misses_) ++counts[std::get<0>(entry)];
  return counts;
}

}  // namespace sunlight::demo
