// The clue, transfer and case API tests' helpers over the real demo server: 广州 (gz_jw,
// 4401-JW, jurisdiction 4401 and the shared 5205) and 毕节 (bj_jw, 5205-JW); a third commission
// (大方县, 520521-JW) that is party to nothing.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "access/audit_log.h"
#include "api_support/api_test_fixture.h"

namespace sunlight::http::testing {

inline std::string ErrorCodeOf(const HttpResponse& response) {
  nlohmann::json body = JsonOf(response);
  return body.contains("error") ? body["error"].value("code", "") : "";
}

class ClueApiTest : public ApiTest {
 protected:
  static nlohmann::json ClueBody(std::string region = "440106") {
    return {{"channel", "petition"},
            {"summary", "反映大方县某村干部截留产业扶贫资金"},
            {"received_on", "2026-03-02"},
            {"region_code", region},
            {"persons",
             {{{"name", "王某"},
               {"org_name", "大方县某村委会"},
               {"position", "村主任"},
               {"authority", "县管干部"}}}},
            {"informant", {{"name", "李四"}, {"contact", "13800000000"}}}};
  }

  // A clue registered by `client`; its id.
  std::int64_t NewClue(ApiClient& client, std::string region = "440106") {
    HttpResponse r = client.Post("/api/v1/clues", ClueBody(region));
    EXPECT_EQ(r.result_int(), 201) << r.body();
    nlohmann::json body = JsonOf(r);
    return body.value("id", std::int64_t{0});
  }

  std::vector<access::AuditEntry> AuditRows(const std::string& action,
                                            const std::string& login = "") {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    auto page =
        access::ListAudit(**conn, {.page = 1, .page_size = 1000, .action = action, .login = login});
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->items : std::vector<access::AuditEntry>{};
  }
};

}  // namespace sunlight::http::testing
