// The audit log: append-only in the store, and verification names the first edited or
// removed record.
#include <gtest/gtest.h>

#include "access/audit_log.h"
#include "access_test_util.h"

namespace sunlight::access::testing {
namespace {

class AuditLogTest : public AccessDbTest {
 protected:
  void AppendN(int n) {
    for (int i = 1; i <= n; ++i) {
      AuditEntry e;
      e.user_id = 7;
      e.login = "gz_jw";
      e.role = "supervisor";
      e.org_id = "4401-JW";
      e.action = "read.household";
      e.target = "H" + std::to_string(i);
      e.outcome = "ok";
      e.remote_address = "127.0.0.1";
      StatusOr<AuditEntry> appended = AppendAudit(*conn_, e);
      ASSERT_TRUE(appended.ok()) << appended.status();
      EXPECT_EQ(appended->id, i);
      EXPECT_EQ(appended->hash.size(), 64u);
    }
  }
  AuditVerification Verify() {
    StatusOr<AuditVerification> v = VerifyAuditLog(*conn_);
    EXPECT_TRUE(v.ok()) << v.status();
    return v.ok() ? *v : AuditVerification{};
  }
  // What a tamperer with the owner's rights would do first. PostgreSQL names a trigger per
  // table (DROP TRIGGER … ON table); SQLite's names are global.
  void DropGuards() {
    const std::string on = conn_->dialect() == store::Dialect::kPostgres ? " ON audit_log" : "";
    Status dropped = conn_->ExecuteScript("DROP TRIGGER audit_log_no_update" + on +
                                          "; DROP TRIGGER audit_log_no_delete" + on + ";");
    ASSERT_TRUE(dropped.ok()) << dropped;
  }
};

TEST_F(AuditLogTest, IntactChainVerifies) {
  AppendN(5);
  AuditVerification v = Verify();
  EXPECT_TRUE(v.ok()) << v.problem;
  EXPECT_EQ(v.count, 5);
  // An empty log verifies too.
}

TEST_F(AuditLogTest, StoreRefusesUpdateAndDelete) {
  AppendN(3);
  Status update = conn_->Execute("UPDATE audit_log SET outcome = 'forbidden' WHERE id = 2");
  EXPECT_FALSE(update.ok());
  Status remove = conn_->Execute("DELETE FROM audit_log WHERE id = 2");
  EXPECT_FALSE(remove.ok());
  EXPECT_TRUE(Verify().ok());
}

TEST_F(AuditLogTest, EditedMiddleRecordIsNamed) {
  AppendN(5);
  DropGuards();
  ASSERT_TRUE(conn_->Execute("UPDATE audit_log SET target = 'H99' WHERE id = 3").ok());
  AuditVerification v = Verify();
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(*v.first_broken, 3);
}

TEST_F(AuditLogTest, EditedRecordWithRecomputedHashBreaksTheNext) {
  AppendN(5);
  DropGuards();
  // A forger who recomputes record 3's own hash still breaks record 4's link.
  AuditEntry forged;
  StatusOr<store::ResultSet> rs = conn_->Query(
      "SELECT id, occurred_at, user_id, login, role, org_id, action, target, outcome, "
      "remote_address, details FROM audit_log WHERE id = 2");
  ASSERT_TRUE(rs.ok());
  StatusOr<store::ResultSet> three = conn_->Query(
      "SELECT id, occurred_at, user_id, login, role, org_id, action, target, outcome, "
      "remote_address, details FROM audit_log WHERE id = 3");
  ASSERT_TRUE(three.ok());
  StatusOr<store::ResultSet> prev = conn_->Query("SELECT hash FROM audit_log WHERE id = 2");
  ASSERT_TRUE(prev.ok());
  forged.id = 3;
  forged.occurred_at = three->at(0, 1).AsText();
  forged.user_id = 7;
  forged.login = "gz_jw";
  forged.role = "supervisor";
  forged.org_id = "4401-JW";
  forged.action = "read.household";
  forged.target = "H99";
  forged.outcome = "ok";
  forged.remote_address = "127.0.0.1";
  forged.details = "{}";
  ASSERT_TRUE(conn_
                  ->Execute("UPDATE audit_log SET target = 'H99', hash = ? WHERE id = 3",
                            {ChainHash(prev->at(0, 0).AsText(), forged)})
                  .ok());
  AuditVerification v = Verify();
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(*v.first_broken, 4);
}

TEST_F(AuditLogTest, DeletedRecordIsNamed) {
  AppendN(5);
  DropGuards();
  ASSERT_TRUE(conn_->Execute("DELETE FROM audit_log WHERE id = 2").ok());
  AuditVerification v = Verify();
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(*v.first_broken, 3);
  EXPECT_NE(v.problem.find("2"), std::string::npos) << v.problem;
}

TEST_F(AuditLogTest, DeletedLastRecordIsNoticed) {
  AppendN(4);
  DropGuards();
  ASSERT_TRUE(conn_->Execute("DELETE FROM audit_log WHERE id = 4").ok());
  AuditVerification v = Verify();
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(*v.first_broken, 4);
}

TEST_F(AuditLogTest, ListIsPagedNewestFirst) {
  AppendN(7);
  StatusOr<AuditPage> page = ListAudit(*conn_, {.page = 2, .page_size = 3});
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->total, 7);
  ASSERT_EQ(page->items.size(), 3u);
  EXPECT_EQ(page->items[0].id, 4);
  StatusOr<AuditPage> none = ListAudit(*conn_, {.action = "login"});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->total, 0);
}

}  // namespace
}  // namespace sunlight::access::testing
