// The measures a commission or a party organisation decides about a person (处分/处理,
// spec/workflows.md "Case and outcomes"), and the form of the four forms (四种形态) each counts
// in. One table, so that statistics, the API and the checks on input all agree.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(int form, FormOf("party", "严重警告"));   // 2
//
// Categories: party 党纪处分, government 政务处分, organisational 组织处理, judicial 移送司法机关.
// Reasons: bad_category, bad_measure.
#pragma once

#include <string_view>
#include <vector>

#include "core/status.h"

namespace sunlight::supervision {

struct MeasureInfo {
  std::string_view category;  // "party"
  std::string_view measure;   // "严重警告": the stable value is the Chinese term itself
  int form = 0;               // 1–4
  bool outside_case = false;  // may be decided without a case (诫勉, 谈话提醒, 批评教育, 函询)
};

// Every measure, in the order of workflows.md.
const std::vector<MeasureInfo>& Measures();

bool IsOutcomeCategory(std::string_view category);
// "党纪处分" for "party"; "" for an unknown category.
std::string_view OutcomeCategoryLabel(std::string_view category);

// The measure's row; InvalidArgument bad_category / bad_measure (naming the allowed ones).
StatusOr<MeasureInfo> FindMeasure(std::string_view category, std::string_view measure);
// The form (1–4) of a measure.
StatusOr<int> FormOf(std::string_view category, std::string_view measure);

}  // namespace sunlight::supervision
