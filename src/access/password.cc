#include "access/password.h"

#include <argon2.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "access/common_passwords.h"
#include "access/crypto.h"

namespace sunlight::access {
namespace {

constexpr std::uint32_t kMinMemoryKib = 19 * 1024;
constexpr std::uint32_t kMinPasses = 2;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

std::size_t CountCharacters(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool IsCommonPassword(std::string_view password) {
  const std::string lower = AsciiLower(password);
  for (std::string_view common : CommonPasswords()) {
    if (lower == common) return true;
  }
  return false;
}

Status CheckPasswordRules(std::string_view password, std::string_view login) {
  if (CountCharacters(password) < kMinPasswordLength) {
    return InvalidArgumentError("密码至少需要 " + std::to_string(kMinPasswordLength) + " 个字符",
                                "weak_password");
  }
  if (!login.empty() && AsciiLower(password).find(AsciiLower(login)) != std::string::npos) {
    return InvalidArgumentError("密码不能包含登录名", "weak_password");
  }
  if (IsCommonPassword(password)) {
    return InvalidArgumentError("密码过于常见，请换一个不易猜到的密码", "weak_password");
  }
  return Status::Ok();
}

StatusOr<std::string> HashPassword(std::string_view password, const Argon2Params& params) {
  if (params.memory_kib < kMinMemoryKib || params.passes < kMinPasses || params.lanes < 1) {
    return InvalidArgumentError("Argon2id 参数低于下限（m ≥ 19 MiB，t ≥ 2）", "weak_argon2");
  }
  const Bytes salt = RandomBytes(kSaltBytes);
  const std::size_t length = argon2_encodedlen(params.passes, params.memory_kib, params.lanes,
                                               kSaltBytes, kHashBytes, Argon2_id);
  std::vector<char> encoded(length);
  int rc = argon2id_hash_encoded(params.passes, params.memory_kib, params.lanes, password.data(),
                                 password.size(), salt.data(), salt.size(), kHashBytes,
                                 encoded.data(), encoded.size());
  if (rc != ARGON2_OK) {
    return InternalError(std::string("密码散列失败：") + argon2_error_message(rc), "argon2");
  }
  return std::string(encoded.data());
}

bool VerifyPassword(std::string_view password, const std::string& encoded_hash) {
  if (encoded_hash.rfind("$argon2id$", 0) != 0) return false;
  return argon2id_verify(encoded_hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

}  // namespace sunlight::access
