// ZipArchive over libzip, with errors worded for people who were handed a bad file.
#include "ledger/zip_archive.h"

#include <zip.h>

#include <array>
#include <fstream>

namespace sunlight::ledger {

namespace internal {
void ZipFileCloser::operator()(zip_file* file) const { zip_fclose(file); }
void ZipDiscarder::operator()(zip* archive) const { zip_discard(archive); }  // read-only
}  // namespace internal

namespace {

// Part names in relationships may start with '/'; names inside the zip never do.
std::string EntryName(std::string_view part_name) {
  while (!part_name.empty() && part_name.front() == '/') part_name.remove_prefix(1);
  return std::string(part_name);
}

Status NotZip(const std::string& display_name, std::string_view detail) {
  return InvalidArgumentError(display_name + "：文件不是有效的 XLSX（zip）" + std::string(detail),
                              "xlsx_not_zip");
}

Status Corrupt(const std::string& display_name, const std::string& part_name) {
  return InvalidArgumentError(display_name + "：工作簿已损坏或不完整，无法解压其中的 " + part_name,
                              "xlsx_corrupt");
}

}  // namespace

StatusOr<size_t> ZipPart::Read(char* buffer, size_t capacity) {
  const zip_int64_t got = zip_fread(file_.get(), buffer, capacity);
  if (got < 0) {
    return InvalidArgumentError("工作簿已损坏或不完整，无法解压其中的 " + name_, "xlsx_corrupt");
  }
  return static_cast<size_t>(got);
}

StatusOr<std::unique_ptr<ZipArchive>> ZipArchive::Open(const std::filesystem::path& path,
                                                       std::string display_name) {
  // Look at the signature first: libzip reports "not a zip" both for a text file and for a zip
  // whose end was cut off, and people need to hear which of the two they have.
  std::array<char, 4> magic{};
  {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      return NotFoundError(display_name + "：无法打开文件", "file_unreadable");
    }
    file.read(magic.data(), magic.size());
    if (file.gcount() < static_cast<std::streamsize>(magic.size())) {
      return NotZip(display_name, "：文件过短");
    }
  }
  const std::string_view signature(magic.data(), magic.size());
  if (signature == std::string_view("\xD0\xCF\x11\xE0", 4)) {
    return NotZip(display_name, "：它是旧版 .xls 或加密的工作簿，请在 Excel 中另存为 .xlsx");
  }
  if (signature != std::string_view("PK\x03\x04", 4) &&
      signature != std::string_view("PK\x05\x06", 4)) {
    return NotZip(display_name, "");
  }

  int error_code = 0;
  zip* archive = zip_open(path.c_str(), ZIP_RDONLY, &error_code);
  if (archive == nullptr) {
    if (error_code == ZIP_ER_OPEN || error_code == ZIP_ER_NOENT) {
      return NotFoundError(display_name + "：无法打开文件", "file_unreadable");
    }
    return InvalidArgumentError(
        display_name + "：XLSX 文件不完整或已损坏（可能在复制或下载时被截断），请重新获取该文件",
        "xlsx_truncated");
  }
  return std::unique_ptr<ZipArchive>(new ZipArchive(archive, std::move(display_name)));
}

bool ZipArchive::Contains(std::string_view part_name) const {
  return zip_name_locate(archive_.get(), EntryName(part_name).c_str(), ZIP_FL_NOCASE) >= 0;
}

StatusOr<std::unique_ptr<ZipPart>> ZipArchive::OpenPart(std::string_view part_name) {
  const std::string name = EntryName(part_name);
  const zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) {
    return NotFoundError(display_name_ + "：工作簿缺少部件 " + name, "xlsx_missing_part");
  }
  zip_file* file = zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) return Corrupt(display_name_, name);
  return std::unique_ptr<ZipPart>(new ZipPart(file, name));
}

StatusOr<std::string> ZipArchive::ReadAll(std::string_view part_name, size_t max_bytes) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<ZipPart> part, OpenPart(part_name));
  std::string content;
  std::array<char, 64 * 1024> buffer;
  while (true) {
    SUNLIGHT_ASSIGN_OR_RETURN(size_t got, part->Read(buffer.data(), buffer.size()));
    if (got == 0) break;
    if (content.size() + got > max_bytes) {
      return ResourceExhaustedError(display_name_ + "：部件 " + part->name() + " 过大（超过 " +
                                        std::to_string(max_bytes / (1024 * 1024)) + " MiB）",
                                    "xlsx_part_too_large");
    }
    content.append(buffer.data(), got);
  }
  return content;
}

}  // namespace sunlight::ledger
