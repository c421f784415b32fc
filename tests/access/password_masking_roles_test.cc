// Password rules and Argon2id, masking, and the role table's separation of duties.
#include <gtest/gtest.h>

#include "access/masking.h"
#include "access/password.h"
#include "access/roles.h"

namespace sunlight::access {
namespace {

TEST(PasswordTest, Rules) {
  EXPECT_TRUE(CheckPasswordRules("Sunlight-Demo-2026", "gz_jw").ok());
  EXPECT_EQ(CheckPasswordRules("Short-1234", "x").reason(), "weak_password");
  // Twelve characters, counted as characters: 12 Chinese characters pass.
  EXPECT_TRUE(CheckPasswordRules("阳光监督扶贫资金精准可查依规", "x").ok());
  EXPECT_FALSE(CheckPasswordRules("阳光监督扶贫", "x").ok());
  EXPECT_EQ(CheckPasswordRules("1qaz2wsx3edc4rfv", "x").reason(), "weak_password");
  EXPECT_EQ(CheckPasswordRules("Password1234", "x").reason(), "weak_password");  // any case
  EXPECT_EQ(CheckPasswordRules("my-gz_jw-password", "gz_jw").reason(), "weak_password");
  EXPECT_TRUE(IsCommonPassword("woaini1314520"));
}

TEST(PasswordTest, Argon2idHashVerifies) {
  StatusOr<std::string> hash = HashPassword("Sunlight-Demo-2026");
  ASSERT_TRUE(hash.ok()) << hash.status();
  EXPECT_EQ(hash->rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword("Sunlight-Demo-2026", *hash));
  EXPECT_FALSE(VerifyPassword("Sunlight-Demo-2027", *hash));
  EXPECT_FALSE(VerifyPassword("x", "not a hash"));
  // A fresh salt every time.
  EXPECT_NE(*hash, *HashPassword("Sunlight-Demo-2026"));
  // Below the floor is refused.
  EXPECT_FALSE(HashPassword("Sunlight-Demo-2026", {.memory_kib = 4096, .passes = 2}).ok());
  EXPECT_FALSE(HashPassword("Sunlight-Demo-2026", {.memory_kib = 19456, .passes = 1}).ok());
}

TEST(MaskingTest, IdAndCardNumbersKeepFirstSixAndLastFour) {
  EXPECT_EQ(MaskIdNumber("52052119900101123X"), "520521********123X");
  EXPECT_EQ(MaskAccountNo("6228480012345678901"), "622848*********8901");
  EXPECT_EQ(MaskAccountNo("1234567890"), "**********");  // too short to show 6 + 4
  EXPECT_EQ(MaskIdNumber(""), "");
}

TEST(MaskingTest, NamesMaskedUnlessTheRoleNeedsThem) {
  EXPECT_EQ(MaskPersonName("张三明"), "张*明");
  EXPECT_EQ(MaskPersonName("欧阳娜娜"), "欧**娜");
  RecordScope scope;
  EXPECT_EQ(NameFor(scope, "张三明"), "张*明");
  scope.may_see_names = true;
  EXPECT_EQ(NameFor(scope, "张三明"), "张三明");
}

TEST(RolesTest, EveryRoleHasOneRowAndNamesRoundTrip) {
  EXPECT_EQ(RoleTable().size(), 11u);
  for (const RoleCapabilities& row : RoleTable()) {
    EXPECT_EQ(ParseRole(row.name), row.role) << row.name;
    EXPECT_EQ(RoleName(row.role), row.name);
  }
  EXPECT_FALSE(ParseRole("root").has_value());
}

TEST(RolesTest, ThreeSeparateAdministratorDuties) {
  EXPECT_TRUE(CapabilitiesOf(Role::kSysadmin).manages_users);
  EXPECT_FALSE(CapabilitiesOf(Role::kSysadmin).reads_audit);
  EXPECT_TRUE(CapabilitiesOf(Role::kAuditadmin).reads_audit);
  EXPECT_FALSE(CapabilitiesOf(Role::kAuditadmin).manages_users);
  for (Role admin : {Role::kSysadmin, Role::kSecadmin, Role::kAuditadmin}) {
    EXPECT_FALSE(CapabilitiesOf(admin).reads_ledger);
    EXPECT_FALSE(CapabilitiesOf(admin).may_reveal);
  }
  EXPECT_TRUE(CapabilitiesOf(Role::kSupervisor).may_reveal);
  EXPECT_FALSE(CapabilitiesOf(Role::kProjectOwner).may_reveal);
}

}  // namespace
}  // namespace sunlight::access
