// ZipArchive: read-only access to the parts of a zip file (an XLSX workbook), over libzip.
//
// Opening tells apart the ways a file that should be an XLSX is not one: not a zip at all
// (reason "xlsx_not_zip"; also an old .xls or a password-protected workbook, which are OLE2
// files), a zip whose end is missing (reason "xlsx_truncated"), or a part that is damaged.
// Parts are found by name, ignoring case, as OPC part names are case-insensitive.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(auto zip, ZipArchive::Open("book.xlsx"));
//   SUNLIGHT_ASSIGN_OR_RETURN(std::string xml, zip->ReadAll("xl/workbook.xml", 64 << 20));
//   SUNLIGHT_ASSIGN_OR_RETURN(auto part, zip->OpenPart("xl/worksheets/sheet1.xml"));
//   SUNLIGHT_ASSIGN_OR_RETURN(size_t n, part->Read(buffer, sizeof buffer));  // 0 at the end
//
// Not safe for concurrent use; one thread may have several parts open at once. The archive
// must outlive the parts opened from it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

struct zip;
struct zip_file;

namespace sunlight::ledger {

namespace internal {
struct ZipFileCloser {
  void operator()(zip_file* file) const;
};
struct ZipDiscarder {
  void operator()(zip* archive) const;
};
}  // namespace internal

// One part (entry) of the archive, being read from the start, decompressed.
class ZipPart {
 public:
  // Reads up to `capacity` bytes; returns how many, 0 at the end of the part. A damaged or
  // cut-off part is reason "xlsx_truncated".
  StatusOr<size_t> Read(char* buffer, size_t capacity);

  const std::string& name() const { return name_; }

 private:
  friend class ZipArchive;
  ZipPart(zip_file* file, std::string name) : file_(file), name_(std::move(name)) {}

  std::unique_ptr<zip_file, internal::ZipFileCloser> file_;
  std::string name_;
};

class ZipArchive {
 public:
  // `display_name` names the file in messages (e.g. "book.xlsx").
  static StatusOr<std::unique_ptr<ZipArchive>> Open(const std::filesystem::path& path,
                                                    std::string display_name);
  bool Contains(std::string_view part_name) const;

  // Missing part: NotFound, reason "xlsx_missing_part".
  StatusOr<std::unique_ptr<ZipPart>> OpenPart(std::string_view part_name);

  // The whole part as a string, for the small parts parsed as a DOM. A part larger than
  // `max_bytes` is reason "xlsx_part_too_large" (a guard against zip bombs).
  StatusOr<std::string> ReadAll(std::string_view part_name, size_t max_bytes);

 private:
  ZipArchive(zip* archive, std::string display_name)
      : archive_(archive), display_name_(std::move(display_name)) {}

  std::unique_ptr<zip, internal::ZipDiscarder> archive_;
  std::string display_name_;
};

}  // namespace sunlight::ledger
