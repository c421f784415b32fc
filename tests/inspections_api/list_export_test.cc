// GET /api/v1/inspections?format=xlsx: every inspection the user's list holds (not one page),
// in its order and masking, under Chinese headers, audited as an export; another province's
// commission exports none of them; format=pdf is 400.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "api_support/list_export_fixture.h"
#include "store/result_set.h"

namespace sunlight::http::testing {
namespace {

using nlohmann::json;

class InspectionListExportTest : public ListExportFixture {};

TEST_F(InspectionListExportTest, ExportEqualsTheListAndStaysInTheJurisdiction) {
  const std::vector<std::string> projects = Column(
      "SELECT project_id FROM projects WHERE region_code LIKE '5205%' "
      "ORDER BY project_id LIMIT 2");
  ASSERT_EQ(projects.size(), 2u);
  json targets = json::array();
  for (const std::string& p : projects) targets.push_back({{"type", "project"}, {"ref", p}});
  ApiClient gz = LoginAs("gz_jw");
  for (const std::string title : {"2021年产业项目专项检查", "2021年易地搬迁专项检查"}) {
    HttpResponse created = gz.Post(
        "/api/v1/inspections",
        {{"kind", "special"},
         {"title", title},
         {"period_from", "2021-10-01"},
         {"period_to", "2021-10-31"},
         {"team_size", 1},
         {"members",
          {{{"id_number", "440104199001011239"}, {"name", "测试甲"}, {"org_id", "4401-JW"}},
           {{"id_number", "440104199202021234"}, {"name", "测试乙"}, {"org_id", "4401-JW"}}}},
         {"targets", targets}});
    ASSERT_EQ(created.result_int(), 201) << created.body();
  }
  const std::vector<std::string> far = Column(
      "SELECT org_id FROM organizations WHERE region_code NOT LIKE '5205%' AND "
      "region_code NOT LIKE '4401%' AND region_code NOT LIKE '52%' ORDER BY org_id LIMIT 1");
  ASSERT_EQ(far.size(), 1u);
  AddUser("far_jw", access::Role::kSupervisor, far[0]);
  CheckCollection("inspections", "?kind=special", "gz_jw", "far_jw");
}

}  // namespace
}  // namespace sunlight::http::testing
