// CsvReader: a streaming RFC 4180 reader for the UTF-8 CSV files departments hand us.
//
// Ledger files run to tens of millions of rows, so the reader holds one fixed-size chunk of
// input and one record at a time; memory does not grow with the file. It validates UTF-8 as
// it goes (a GB18030 file must be transcoded first, see ledger/), strips a byte-order mark
// only at the very start of the input, and reports every problem as a Status whose Chinese
// message names the physical line and column, e.g. "第 12 行第 7 列：引号未闭合".
//
//   std::ifstream in(path, std::ios::binary);
//   CsvReader reader(in);
//   std::vector<std::string> fields;
//   while (true) {
//     SUNLIGHT_ASSIGN_OR_RETURN(bool more, reader.Next(fields));
//     if (!more) break;
//     Use(fields, reader.record_line());
//   }
//
// Dialect: fields separated by ',', records by CRLF, LF or a lone CR; a quoted field may hold
// commas, doubled quotes ("") and line breaks, which are kept verbatim. A physical line with
// nothing on it is skipped (spreadsheet exports often end with blank lines); write "" for a
// record that is one empty field. A record's fields count is not checked here: the caller
// knows its header.
//
// Reason slugs: csv_unterminated_quote, csv_bare_quote, csv_text_after_quote,
// csv_bom_in_middle, invalid_utf8, io_error; ReadCsvFile adds file_not_found.
//
// Not safe for concurrent use; one reader per stream.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sunlight {

class CsvReader {
 public:
  // Size of the chunk read from the stream at a time.
  static constexpr size_t kChunkSize = 64 * 1024;

  // The stream must outlive the reader. Open files in binary mode so that CR bytes reach us.
  explicit CsvReader(std::istream& in);

  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record into `fields` (replacing its contents; passing the same vector
  // each time lets the reader reuse its strings); returns false at end of input.
  // After an error every later call returns the same error.
  [[nodiscard]] StatusOr<bool> Next(std::vector<std::string>& fields);

  // 1-based physical line on which the last record returned by Next() starts.
  int64_t record_line() const { return record_line_; }
  // Records returned so far.
  int64_t records_read() const { return records_read_; }
  // Bytes consumed so far, counting a leading BOM (for progress reports).
  int64_t bytes_read() const { return offset_; }

 private:
  // Returns the next byte without consuming it, or -1 at end of input.
  int Peek();
  // Consumes the byte Peek() returned, keeping line, column and UTF-8 state. Returns false
  // (and sets error_) when the byte breaks UTF-8.
  bool Consume();
  bool Refill();
  // Consumes the bytes of a field up to the next byte that may end it (a quote, a line
  // break, and outside quotes a comma) or the end of the chunk, appending them to `field`.
  // Returns false (and sets error_) on invalid UTF-8.
  bool ConsumeRun(std::string& field, bool quoted);
  // Consumes a line break starting at the current byte ('\n', "\r\n" or a lone '\r').
  bool ConsumeLineBreak(std::string* keep);
  Status SyntaxError(std::string_view what, std::string reason, int64_t line, int64_t column) const;
  // Parses one record into fields[0, field_count); `fields` may hold longer leftovers.
  Status ParseRecord(std::vector<std::string>& fields, size_t& field_count, bool& got_record);

  std::istream& in_;
  std::vector<char> buf_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  bool started_ = false;

  int64_t offset_ = 0;  // byte offset of the next byte to consume
  int64_t line_ = 1;    // physical line of the next byte
  int64_t column_ = 0;  // characters consumed on the current line (1-based column of the last)

  // Incremental UTF-8 validation (Unicode Table 3-7 well-formed byte sequences).
  int utf8_needed_ = 0;
  unsigned char utf8_lo_ = 0x80;
  unsigned char utf8_hi_ = 0xBF;
  uint32_t utf8_code_point_ = 0;
  int64_t utf8_start_offset_ = 0;

  int64_t record_line_ = 0;
  int64_t records_read_ = 0;
  std::optional<Status> error_;  // sticky: set on the first error
};

// Reads the CSV file at `path` and calls `on_record` with each record and the line it starts
// on. Stops at the first error: a reading error gets the file name as a prefix; an error
// from `on_record` is returned unchanged (the callback knows the line and adds it).
[[nodiscard]] Status ReadCsvFile(
    const std::filesystem::path& path,
    const std::function<Status(const std::vector<std::string>&, int64_t line)>& on_record);

}  // namespace sunlight
