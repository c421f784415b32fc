// Logins, lockout, sessions (fixation, idle timeout, logout), password change, TOTP, scope.
#include <gtest/gtest.h>

#include "access/access_service.h"
#include "access/audit_log.h"
#include "access/crypto.h"
#include "access/scope.h"
#include "access/totp.h"
#include "access/users.h"
#include "access_test_util.h"

namespace sunlight::access::testing {
namespace {

constexpr char kPassword[] = "Correct-Horse-2026";

class AccessServiceTest : public AccessDbTest {
 protected:
  void SetUp() override {
    AccessDbTest::SetUp();
    AccessOptions options;
    options.max_failed_logins = 3;
    options.lock_seconds = 600;
    options.idle_timeout_seconds = 1800;
    options.now = [this] { return now_; };
    service_ = std::make_unique<AccessService>(*db_, options);
    Add("dafang", Role::kSupervisor, "520521-JW");
  }
  void Add(const std::string& login, Role role, const std::string& org, bool temporary = false,
           std::string totp = "") {
    NewUser user{login, "", role, org, kPassword, temporary, std::move(totp)};
    StatusOr<std::int64_t> id = CreateUser(*conn_, user);
    ASSERT_TRUE(id.ok()) << id.status();
  }
  StatusOr<Session> Login(const std::string& login, const std::string& password,
                          const std::string& previous = "", const std::string& totp = "") {
    return service_->Login({login, password, totp, "10.0.0.1", previous});
  }
  std::int64_t CountAudit(const std::string& outcome) {
    auto rs = conn_->Query("SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND outcome = ?",
                           {outcome});
    return rs.ok() ? rs->at(0, 0).AsInteger() : -1;
  }

  std::int64_t now_ = 1'800'000'000;
  std::unique_ptr<AccessService> service_;
};

TEST_F(AccessServiceTest, LoginGivesSessionWithScopeAndAuditsIt) {
  StatusOr<Session> s = Login("dafang", kPassword);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->id.size(), 64u);  // 256 bits, hex
  EXPECT_EQ(s->csrf_token, AccessService::CsrfTokenFor(s->id));
  EXPECT_EQ(s->principal.org_name, "大方县纪委监委");
  EXPECT_EQ(s->principal.region_code, "520521");
  EXPECT_TRUE(s->principal.scope.Allows("520521104201"));
  EXPECT_FALSE(s->principal.scope.Allows("520581100001"));
  EXPECT_EQ(CountAudit("ok"), 1);
  // The store holds only the hash of the id.
  auto rs = conn_->Query("SELECT COUNT(*) FROM sessions WHERE id_hash = ?", {Sha256Hex(s->id)});
  ASSERT_TRUE(rs.ok());
  EXPECT_EQ(rs->at(0, 0).AsInteger(), 1);
  auto raw = conn_->Query("SELECT COUNT(*) FROM sessions WHERE id_hash = ?", {s->id});
  EXPECT_EQ(raw->at(0, 0).AsInteger(), 0);
}

TEST_F(AccessServiceTest, WrongPasswordAndUnknownLoginLookTheSame) {
  StatusOr<Session> wrong = Login("dafang", "Wrong-Password-1");
  StatusOr<Session> unknown = Login("nobody", kPassword);
  EXPECT_EQ(wrong.status().reason(), "bad_credentials");
  EXPECT_EQ(unknown.status().reason(), "bad_credentials");
  EXPECT_EQ(wrong.status().message(), unknown.status().message());
  EXPECT_EQ(CountAudit("bad_credentials"), 1);
  EXPECT_EQ(CountAudit("unknown_login"), 1);
}

TEST_F(AccessServiceTest, RepeatedFailuresLockTheAccountForAPeriod) {
  EXPECT_EQ(Login("dafang", "Wrong-Password-1").status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(Login("dafang", "Wrong-Password-2").status().code(), StatusCode::kUnauthenticated);
  StatusOr<Session> third = Login("dafang", "Wrong-Password-3");
  EXPECT_EQ(third.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(third.status().reason(), "too_many_attempts");
  // Locked: even the right password is refused, without being checked.
  EXPECT_EQ(Login("dafang", kPassword).status().reason(), "too_many_attempts");
  EXPECT_EQ(CountAudit("locked"), 1);
  now_ += 601;
  EXPECT_TRUE(Login("dafang", kPassword).ok());
}

TEST_F(AccessServiceTest, SuccessResetsTheFailureCount) {
  EXPECT_FALSE(Login("dafang", "Wrong-Password-1").ok());
  EXPECT_FALSE(Login("dafang", "Wrong-Password-2").ok());
  EXPECT_TRUE(Login("dafang", kPassword).ok());
  EXPECT_EQ(Login("dafang", "Wrong-Password-3").status().reason(), "bad_credentials");
}

TEST_F(AccessServiceTest, PreLoginSessionIsDeadAfterLogin) {
  StatusOr<Session> first = Login("dafang", kPassword);
  ASSERT_TRUE(first.ok());
  StatusOr<Session> second = Login("dafang", kPassword, first->id);
  ASSERT_TRUE(second.ok());
  EXPECT_NE(first->id, second->id);
  EXPECT_NE(first->csrf_token, second->csrf_token);
  EXPECT_EQ(service_->Resume(first->id).status().code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(service_->Resume(second->id).ok());
}

TEST_F(AccessServiceTest, IdleSessionExpiresAndLogoutEndsIt) {
  StatusOr<Session> s = Login("dafang", kPassword);
  ASSERT_TRUE(s.ok());
  now_ += 1700;
  EXPECT_TRUE(service_->Resume(s->id).ok());  // touches the session
  now_ += 1700;
  EXPECT_TRUE(service_->Resume(s->id).ok());
  now_ += 1801;
  EXPECT_NE(service_->Resume(s->id).status().message().find("超时"), std::string::npos);
  EXPECT_EQ(service_->Resume(s->id).status().reason(), "unauthenticated");

  StatusOr<Session> again = Login("dafang", kPassword);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(service_->Logout(again->id, "10.0.0.1").ok());
  EXPECT_FALSE(service_->Resume(again->id).ok());
  EXPECT_FALSE(service_->Resume("not-a-session").ok());
}

TEST_F(AccessServiceTest, TemporaryPasswordMustBeChanged) {
  Add("newcomer", Role::kSupervisor, "520521-JW", /*temporary=*/true);
  StatusOr<Session> s = Login("newcomer", kPassword);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->principal.must_change_password);
  StatusOr<Session> other = Login("newcomer", kPassword);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(
      service_
          ->ChangePassword(s->principal, s->id, "Wrong-Old-Pass", "Another-Good-2026", "10.0.0.1")
          .reason(),
      "bad_password");
  EXPECT_EQ(service_->ChangePassword(s->principal, s->id, kPassword, "short", "10.0.0.1").reason(),
            "weak_password");
  EXPECT_EQ(
      service_->ChangePassword(s->principal, s->id, kPassword, kPassword, "10.0.0.1").reason(),
      "weak_password");
  ASSERT_TRUE(
      service_->ChangePassword(s->principal, s->id, kPassword, "Another-Good-2026", "10.0.0.1")
          .ok());
  StatusOr<Session> resumed = service_->Resume(s->id);
  ASSERT_TRUE(resumed.ok());
  EXPECT_FALSE(resumed->principal.must_change_password);
  EXPECT_FALSE(service_->Resume(other->id).ok());  // other sessions end
  EXPECT_FALSE(Login("newcomer", kPassword).ok());
  EXPECT_TRUE(Login("newcomer", "Another-Good-2026").ok());
}

TEST_F(AccessServiceTest, TotpSecondFactor) {
  const std::string secret = NewTotpSecret();
  Add("twofactor", Role::kSupervisor, "520521-JW", false, secret);
  EXPECT_EQ(Login("twofactor", kPassword).status().reason(), "totp_required");
  const std::string stale = TotpCode(*Base32Decode(secret), now_ - 3600);
  EXPECT_EQ(Login("twofactor", kPassword, "", stale).status().reason(), "bad_totp");
  const std::string code = TotpCode(*Base32Decode(secret), now_);
  EXPECT_TRUE(Login("twofactor", kPassword, "", code).ok());
  // A right code with a wrong password is still a wrong password.
  EXPECT_EQ(Login("twofactor", "Wrong-Password-1", "", code).status().reason(), "bad_credentials");
}

TEST_F(AccessServiceTest, ScopeIsOrgSubtreePlusSharesAndAdminsHaveNone) {
  ASSERT_TRUE(AddShare(*conn_, "5205-JW", "4401-JW", "520500000000", "test").ok());
  ASSERT_TRUE(AddShare(*conn_, "5205-JW", "4401-JW", "5205", "test").ok());  // idempotent
  StatusOr<RecordScope> gz = ScopeFor(*conn_, Role::kSupervisor, "4401-JW", "4401");
  ASSERT_TRUE(gz.ok());
  EXPECT_EQ(gz->region_prefixes, (std::vector<std::string>{"4401", "5205"}));
  EXPECT_TRUE(gz->Allows("520521104201"));
  EXPECT_FALSE(gz->Allows("520600000000"));
  EXPECT_FALSE(gz->Allows(""));
  StatusOr<RecordScope> admin = ScopeFor(*conn_, Role::kSysadmin, "4401-JW", "4401");
  ASSERT_TRUE(admin.ok());
  EXPECT_TRUE(admin->region_prefixes.empty());
  EXPECT_EQ(RegionPrefix("440100000000"), "4401");
  EXPECT_EQ(RegionPrefix("520521104201"), "520521104201");
  EXPECT_EQ(RegionPrefix("520521000000"), "520521");
}

TEST_F(AccessServiceTest, CreateUserChecks) {
  NewUser dup{"dafang", "", Role::kSupervisor, "520521-JW", kPassword, false, ""};
  EXPECT_EQ(CreateUser(*conn_, dup).status().reason(), "login_taken");
  NewUser bad_org{"someone", "", Role::kSupervisor, "NO-SUCH", kPassword, false, ""};
  EXPECT_EQ(CreateUser(*conn_, bad_org).status().reason(), "unknown_org");
  NewUser admin{"root1", "", Role::kSysadmin, "PLATFORM", kPassword, false, ""};
  EXPECT_TRUE(CreateUser(*conn_, admin).ok());  // administrators need no ledger org
  NewUser weak{"weakling", "", Role::kSupervisor, "520521-JW", "password1234", false, ""};
  EXPECT_EQ(CreateUser(*conn_, weak).status().reason(), "weak_password");
  NewUser bad_login{"a b", "", Role::kSupervisor, "520521-JW", kPassword, false, ""};
  EXPECT_EQ(CreateUser(*conn_, bad_login).status().reason(), "bad_login");
}

}  // namespace
}  // namespace sunlight::access::testing
