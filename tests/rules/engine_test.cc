// The catalogue's shape, choosing rules by code, and storing warnings without duplicates.
#include <gtest/gtest.h>

#include <set>

#include "rules_test_util.h"

namespace sunlight::rules::testing {
namespace {

TEST(RuleCatalogueTest, CodesUniqueOrderedAndComplete) {
  std::set<std::string_view> codes;
  std::string_view previous;
  for (const Rule& rule : RuleCatalogue()) {
    EXPECT_TRUE(codes.insert(rule.code).second) << rule.code;
    EXPECT_LT(previous, rule.code);
    previous = rule.code;
    EXPECT_FALSE(rule.name_zh.empty()) << rule.code;
    EXPECT_FALSE(rule.name_en.empty()) << rule.code;
    EXPECT_FALSE(rule.subject_type.empty()) << rule.code;
    if (rule.implemented()) {
      EXPECT_FALSE(rule.evidence_fields.empty()) << rule.code;
      for (std::string_view arg : rule.sql_args) {
        EXPECT_TRUE(arg == kAsOfArg || rule.DefaultParams().count(std::string(arg)) == 1)
            << rule.code << " binds unknown argument " << arg;
      }
    }
  }
  EXPECT_EQ(codes.size(), 29u);  // spec/rules.md, version 1
  // Every rule over the ledger; D02 and D03 read the supervision tables.
  for (std::string_view code : {"A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09",
                                "A10", "A11", "A12", "B01", "B02", "B03", "B04", "B05", "B06",
                                "B07", "B08", "B09", "B10", "B11", "B12", "C01", "C02", "D01"}) {
    ASSERT_NE(FindRule(code), nullptr) << code;
    EXPECT_TRUE(FindRule(code)->implemented()) << code;
  }
}

TEST(SelectRulesTest, ByCodeInCatalogueOrder) {
  StatusOr<std::vector<const Rule*>> rules = SelectRules("A07, A01");
  ASSERT_TRUE(rules.ok()) << rules.status();
  ASSERT_EQ(rules->size(), 2u);
  EXPECT_EQ((*rules)[0]->code, "A01");
  EXPECT_EQ((*rules)[1]->code, "A07");
}

TEST(SelectRulesTest, EmptyMeansEveryImplementedRule) {
  StatusOr<std::vector<const Rule*>> rules = SelectRules("");
  ASSERT_TRUE(rules.ok()) << rules.status();
  EXPECT_GE(rules->size(), 4u);
  for (const Rule* rule : *rules) EXPECT_TRUE(rule->implemented()) << rule->code;
}

TEST(SelectRulesTest, UnknownAndUnimplementedCodesAreErrorsNamingThem) {
  StatusOr<std::vector<const Rule*>> unknown = SelectRules("A01,Z99");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("Z99"), std::string::npos) << unknown.status();
  StatusOr<std::vector<const Rule*>> later = SelectRules("D03");  // not yet implemented
  ASSERT_FALSE(later.ok());
  EXPECT_NE(later.status().message().find("D03"), std::string::npos) << later.status();
}

TEST(WarningJsonTest, OneLineInContractOrder) {
  Warning w{"A01",
            "bank_account",
            "6222",
            "520102001001",
            "high",
            123400,
            Evidence{{"households", {"H2", "H1"}}},
            nlohmann::json{{"min_households", 2}}};
  EXPECT_EQ(WarningJsonLine(w),
            R"({"rule":"A01","subject_type":"bank_account","subject_id":"6222",)"
            R"("region_code":"520102001001","severity":"high","amount_fen":123400,)"
            R"("evidence":{"households":["H1","H2"]},"params":{"min_households":2}})");
}

}  // namespace
}  // namespace sunlight::rules::testing
