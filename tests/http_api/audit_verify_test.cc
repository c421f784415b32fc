// GET /api/v1/audit/verify over a real server on the demo dataset: the demo's chain verifies;
// a record edited (or removed) behind the application's back is named; only whoever reads the
// audit log may ask.
#include <gtest/gtest.h>

#include "access/audit_log.h"
#include "api_support/api_test_fixture.h"

namespace sunlight::http::testing {
namespace {

class AuditVerifyTest : public ApiTest {
 protected:
  std::int64_t RecordCount() {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    auto rs = (*conn)->Query("SELECT COUNT(*) FROM audit_log");
    EXPECT_TRUE(rs.ok());
    return rs.ok() ? rs->at(0, 0).AsInteger() : 0;
  }
  // What an attacker with the database would do: the store refuses UPDATE and DELETE on the
  // audit log by trigger, so drop the triggers first (as tests/access/audit_log_test.cc does).
  void Tamper(const std::string& sql) {
    auto conn = db().Connect();
    ASSERT_TRUE(conn.ok());
    const bool postgres = (*conn)->dialect() == store::Dialect::kPostgres;
    const std::string on = postgres ? " ON audit_log" : "";
    ASSERT_TRUE((*conn)
                    ->ExecuteScript("DROP TRIGGER audit_log_no_update" + on +
                                    "; DROP TRIGGER audit_log_no_delete" + on + ";")
                    .ok());
    Status s = (*conn)->Execute(sql);
    ASSERT_TRUE(s.ok()) << s;
  }
};

TEST_F(AuditVerifyTest, DemoChainIsIntact) {
  ApiClient auditadmin = LoginAs("auditadmin");
  const std::int64_t before = RecordCount();
  ASSERT_GT(before, 0);
  HttpResponse r = auditadmin.Get("/api/v1/audit/verify");
  ASSERT_EQ(r.result_int(), 200) << r.body();
  nlohmann::json body = JsonOf(r);
  EXPECT_EQ(body["ok"], true);
  EXPECT_TRUE(body["first_broken"].is_null());
  // Every record there was when it ran (the check itself is recorded after it).
  EXPECT_EQ(body["records"].get<std::int64_t>(), before);
  EXPECT_EQ(RecordCount(), before + 1);
  EXPECT_FALSE(body["checked_at"].get<std::string>().empty());
}

TEST_F(AuditVerifyTest, OnlyTheAuditReaderMayVerify) {
  for (const char* login : {"admin", "secadmin", "bj_jw"}) {
    HttpResponse r = LoginAs(login).Get("/api/v1/audit/verify");
    EXPECT_EQ(r.result_int(), 403) << login;
    EXPECT_EQ(JsonOf(r)["error"]["code"], "forbidden") << login;
  }
  EXPECT_EQ(Client().Get("/api/v1/audit/verify").result_int(), 401);
}

TEST_F(AuditVerifyTest, EditedMiddleRecordIsNamed) {
  ApiClient auditadmin = LoginAs("auditadmin");
  const std::int64_t middle = RecordCount() / 2;
  ASSERT_GT(middle, 1);
  Tamper("UPDATE audit_log SET outcome = 'ok', target = 'forged' WHERE id = " +
         std::to_string(middle));
  HttpResponse r = auditadmin.Get("/api/v1/audit/verify");
  ASSERT_EQ(r.result_int(), 200) << r.body();
  nlohmann::json body = JsonOf(r);
  EXPECT_EQ(body["ok"], false);
  ASSERT_TRUE(body["first_broken"].is_object()) << body.dump();
  EXPECT_EQ(body["first_broken"]["id"], middle);
  EXPECT_EQ(body["first_broken"]["present"], true);
  EXPECT_EQ(body["first_broken"]["target"], "forged");
  EXPECT_FALSE(body["first_broken"]["problem"].get<std::string>().empty());
  // Checked up to and including the broken one.
  EXPECT_EQ(body["records"], middle);

  // The same answer as the function `sunlight verify-audit` runs.
  auto conn = db().Connect();
  ASSERT_TRUE(conn.ok());
  StatusOr<access::AuditVerification> v = access::VerifyAuditLog(**conn);
  ASSERT_TRUE(v.ok());
  ASSERT_TRUE(v->first_broken.has_value());
  EXPECT_EQ(*v->first_broken, middle);
}

TEST_F(AuditVerifyTest, RemovedRecordNamesTheGap) {
  ApiClient auditadmin = LoginAs("auditadmin");
  const std::int64_t middle = RecordCount() / 2;
  ASSERT_GT(middle, 1);
  Tamper("DELETE FROM audit_log WHERE id = " + std::to_string(middle));
  nlohmann::json body = JsonOf(auditadmin.Get("/api/v1/audit/verify"));
  EXPECT_EQ(body["ok"], false);
  ASSERT_TRUE(body["first_broken"].is_object()) << body.dump();
  // The record after the gap is the first whose id does not follow on.
  EXPECT_EQ(body["first_broken"]["id"], middle + 1);
  EXPECT_NE(body["first_broken"]["problem"].get<std::string>().find(std::to_string(middle)),
            std::string::npos);
}

}  // namespace
}  // namespace sunlight::http::testing
