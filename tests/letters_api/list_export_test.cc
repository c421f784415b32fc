// GET /api/v1/letters?format=xlsx: every letter the user's list holds (not one page), in its
// order, under Chinese headers, audited as an export; 毕节 exports none of 广州's own letters;
// format=pdf is 400.
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

class LetterListExportTest : public ListExportFixture {};

TEST_F(LetterListExportTest, ExportEqualsTheListAndStaysInTheJurisdiction) {
  ApiClient gz = LoginAs("gz_jw");
  for (const std::string title : {"广州的问题一", "广州的问题二"}) {
    auto rows = Column(
        "INSERT INTO problems(source, category, behaviour, title, description, region_code, "
        "responsible_org_id, owner_org_id, state, amount_fen, created_by, created_at, "
        "updated_at) VALUES ('inspection', 'fund_management', 'late_payment', '" +
        title +
        "', '资金滞留', '440103', '520521-NY', '4401-JW', 'open', 0, 'gz_jw', "
        "'2026-11-20T08:00:00Z', '2026-11-20T08:00:00Z') RETURNING id");
    ASSERT_EQ(rows.size(), 1u);
    HttpResponse issued = gz.Post(
        "/api/v1/letters", {{"kind", "supervision_notice"}, {"source_id", std::stoll(rows[0])}});
    ASSERT_EQ(issued.result_int(), 201) << issued.body();
  }
  CheckCollection("letters", "?kind=supervision_notice", "gz_jw", "bj_jw");
}

}  // namespace
}  // namespace sunlight::http::testing
