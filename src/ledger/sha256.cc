// Sha256OfFile with OpenSSL's EVP interface.
#include "ledger/sha256.h"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <memory>

namespace sunlight::ledger {

namespace {
struct EvpContextFree {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
}  // namespace

StatusOr<std::string> Sha256OfFile(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file.is_open()) {
    return NotFoundError(path.filename().string() + "：无法打开文件", "file_unreadable");
  }
  std::unique_ptr<EVP_MD_CTX, EvpContextFree> context(EVP_MD_CTX_new());
  if (context == nullptr || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1) {
    return InternalError("无法初始化 SHA-256 计算", "sha256_failed");
  }
  std::array<char, 64 * 1024> buffer;
  while (file) {
    file.read(buffer.data(), buffer.size());
    const std::streamsize got = file.gcount();
    if (got > 0 && EVP_DigestUpdate(context.get(), buffer.data(), static_cast<size_t>(got)) != 1) {
      return InternalError("SHA-256 计算失败", "sha256_failed");
    }
  }
  if (file.bad()) {
    return UnavailableError(path.filename().string() + "：读取文件失败", "file_unreadable");
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest;
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context.get(), digest.data(), &length) != 1) {
    return InternalError("SHA-256 计算失败", "sha256_failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0x0F];
  }
  return hex;
}

}  // namespace sunlight::ledger
