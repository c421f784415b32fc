// TOTP against the test vectors of RFC 6238 appendix B, and the base32 codec.
#include <gtest/gtest.h>

#include "access/crypto.h"
#include "access/totp.h"

namespace sunlight::access {
namespace {

Bytes Ascii(std::string_view text) { return Bytes(text.begin(), text.end()); }

struct Vector {
  std::int64_t time;
  const char* sha1;
  const char* sha256;
  const char* sha512;
};

TEST(TotpTest, Rfc6238AppendixB) {
  // The RFC's seeds: "12345678901234567890" repeated to the hash's block of key bytes.
  const Bytes seed1 = Ascii("12345678901234567890");
  const Bytes seed256 = Ascii("12345678901234567890123456789012");
  const Bytes seed512 = Ascii("1234567890123456789012345678901234567890123456789012345678901234");
  const Vector vectors[] = {
      {59, "94287082", "46119246", "90693936"},
      {1111111109, "07081804", "68084774", "25091201"},
      {1111111111, "14050471", "67062674", "99943326"},
      {1234567890, "89005924", "91819424", "93441116"},
      {2000000000, "69279037", "90698825", "38618901"},
      {20000000000, "65353130", "77737706", "47863826"},
  };
  for (const Vector& v : vectors) {
    EXPECT_EQ(TotpCode(seed1, v.time, {HmacHash::kSha1, 8, 30}), v.sha1) << v.time;
    EXPECT_EQ(TotpCode(seed256, v.time, {HmacHash::kSha256, 8, 30}), v.sha256) << v.time;
    EXPECT_EQ(TotpCode(seed512, v.time, {HmacHash::kSha512, 8, 30}), v.sha512) << v.time;
  }
}

TEST(TotpTest, VerifyAcceptsOneStepOfDriftOnly) {
  const Bytes key = Ascii("12345678901234567890");
  const std::string code = TotpCode(key, 1'000'000'000);
  EXPECT_EQ(code.size(), 6u);
  EXPECT_TRUE(VerifyTotp(key, code, 1'000'000'000));
  EXPECT_TRUE(VerifyTotp(key, code, 1'000'000'000 + 30));
  EXPECT_FALSE(VerifyTotp(key, code, 1'000'000'000 + 90));
  EXPECT_FALSE(VerifyTotp(key, "12345", 1'000'000'000));
}

TEST(Base32Test, RoundTripsAndRfc4648Vector) {
  EXPECT_EQ(Base32Encode(Ascii("foobar")), "MZXW6YTBOI");
  StatusOr<Bytes> decoded = Base32Decode("mzxw6ytboi======");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, Ascii("foobar"));
  EXPECT_FALSE(Base32Decode("not base32!").ok());
  StatusOr<Bytes> secret = Base32Decode(NewTotpSecret());
  ASSERT_TRUE(secret.ok());
  EXPECT_EQ(secret->size(), 20u);
}

TEST(CryptoTest, Sha256AndRandom) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_NE(RandomBytes(32), RandomBytes(32));
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
}

}  // namespace
}  // namespace sunlight::access
