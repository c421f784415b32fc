// CsvTableSource: a CSV file of a dataset as a TableSource, in UTF-8 or GB18030.
//
// The encoding is detected (encoding.h) or forced; GB18030 is converted to UTF-8 on the fly
// (decoding_streambuf.h) and core's CsvReader splits the records. Memory stays constant
// whatever the file's size: one input chunk, one converted chunk, one record.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(auto source,
//                             CsvTableSource::Open("data/households.csv", Encoding::kAuto));
//   Row row;
//   while (true) {
//     SUNLIGHT_ASSIGN_OR_RETURN(bool more, source->Next(row));
//     if (!more) break;
//     ...
//   }
//
// Not safe for concurrent use.
#pragma once

#include <filesystem>
#include <fstream>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "core/csv_reader.h"
#include "core/status.h"
#include "ledger/decoding_streambuf.h"
#include "ledger/encoding.h"
#include "ledger/table_source.h"

namespace sunlight::ledger {

class CsvTableSource : public TableSource {
 public:
  // Opens `path`; with Encoding::kAuto, detects its encoding from its first bytes.
  // `display_name` names the file in messages (default: its file name).
  // Errors: "file_unreadable", "unknown_encoding", "encoding_mismatch" (gb18030 forced on a
  // file that starts with a UTF-8 byte-order mark).
  static StatusOr<std::unique_ptr<CsvTableSource>> Open(const std::filesystem::path& path,
                                                        Encoding encoding,
                                                        std::string display_name = {});

  CsvTableSource(const CsvTableSource&) = delete;
  CsvTableSource& operator=(const CsvTableSource&) = delete;

  // Errors: those of CsvReader (csv_*, invalid_utf8) and "bad_encoding" (a byte sequence that
  // is not valid in the file's encoding, with its byte offset and line).
  StatusOr<bool> Next(Row& row) override;
  std::string_view name() const override { return name_; }

  // The encoding the file is read in: the forced one, or the one detected.
  Encoding encoding() const { return encoding_; }

 private:
  CsvTableSource() = default;

  std::string name_;
  Encoding encoding_ = Encoding::kUtf8;
  // Each reads from the one above it; declared in that order so that they are destroyed in
  // the reverse.
  std::ifstream file_;
  std::unique_ptr<DecodingStreambuf> decoder_;
  std::unique_ptr<std::istream> text_;
  std::unique_ptr<CsvReader> reader_;
  bool failed_ = false;
};

}  // namespace sunlight::ledger
