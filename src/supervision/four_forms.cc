#include "supervision/four_forms.h"

#include <string>

namespace sunlight::supervision {
namespace {

struct Category {
  std::string_view name;
  std::string_view label;
};

constexpr Category kCategories[] = {
    {"party", "党纪处分"},
    {"government", "政务处分"},
    {"organisational", "组织处理"},
    {"judicial", "移送司法机关"},
};

}  // namespace

const std::vector<MeasureInfo>& Measures() {
  // workflows.md: first form 谈话提醒, 批评教育, 诫勉 and 函询 outcomes; second 党纪轻处分
  // (警告, 严重警告), 政务 警告/记过/记大过, 组织调整; third 党纪重处分 (撤销党内职务, 留党察看,
  // 开除党籍), 政务 降级/撤职/开除, 重大职务调整; fourth 移送司法机关. Which 组织处理 measures are
  // 组织调整 (second) and which 重大职务调整 (third) the spec leaves open: 停职检查, 调整职务 and
  // 责令辞职 keep the person in the service at the same rank (second); 降职 and 免职 take the
  // rank or the post (third). Decision recorded in docs/clues-transfers-cases.md.
  static const std::vector<MeasureInfo> kMeasures = {
      {"party", "警告", 2, false},
      {"party", "严重警告", 2, false},
      {"party", "撤销党内职务", 3, false},
      {"party", "留党察看", 3, false},
      {"party", "开除党籍", 3, false},
      {"government", "警告", 2, false},
      {"government", "记过", 2, false},
      {"government", "记大过", 2, false},
      {"government", "降级", 3, false},
      {"government", "撤职", 3, false},
      {"government", "开除", 3, false},
      {"organisational", "停职检查", 2, false},
      {"organisational", "调整职务", 2, false},
      {"organisational", "责令辞职", 2, false},
      {"organisational", "降职", 3, false},
      {"organisational", "免职", 3, false},
      {"organisational", "诫勉", 1, true},
      {"organisational", "谈话提醒", 1, true},
      {"organisational", "批评教育", 1, true},
      {"organisational", "函询", 1, true},
      {"judicial", "移送司法机关", 4, false},
  };
  return kMeasures;
}

bool IsOutcomeCategory(std::string_view category) {
  return !OutcomeCategoryLabel(category).empty();
}

std::string_view OutcomeCategoryLabel(std::string_view category) {
  for (const Category& c : kCategories) {
    if (c.name == category) return c.label;
  }
  return {};
}

StatusOr<MeasureInfo> FindMeasure(std::string_view category, std::string_view measure) {
  if (!IsOutcomeCategory(category)) {
    return InvalidArgumentError("处理类别“" + std::string(category) +
                                    "”无效（应为 party、government、organisational 或 judicial）",
                                "bad_category");
  }
  std::string allowed;
  for (const MeasureInfo& m : Measures()) {
    if (m.category != category) continue;
    if (m.measure == measure) return m;
    if (!allowed.empty()) allowed += "、";
    allowed += m.measure;
  }
  return InvalidArgumentError("“" + std::string(OutcomeCategoryLabel(category)) + "”中没有“" +
                                  std::string(measure) + "”；可选：" + allowed,
                              "bad_measure");
}

StatusOr<int> FormOf(std::string_view category, std::string_view measure) {
  SUNLIGHT_ASSIGN_OR_RETURN(MeasureInfo info, FindMeasure(category, measure));
  return info.form;
}

}  // namespace sunlight::supervision
