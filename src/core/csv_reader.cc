// CsvReader: a byte-at-a-time state machine over a fixed 64 KiB chunk of input. UTF-8 is
// validated per byte as it is consumed, so an error can name the exact line and column.
#include "core/csv_reader.h"

#include <fmt/format.h>

#include <fstream>

namespace sunlight {

CsvReader::CsvReader(std::istream& in) : in_(in), buf_(kChunkSize) {}

bool CsvReader::Refill() {
  if (eof_) return false;
  in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  std::streamsize got = in_.gcount();
  if (in_.bad()) {
    error_ = UnavailableError(fmt::format("读取 CSV 数据失败（第 {} 行附近）", line_), "io_error");
    eof_ = true;
    return false;
  }
  pos_ = 0;
  end_ = static_cast<size_t>(got);
  if (got < static_cast<std::streamsize>(buf_.size())) eof_ = true;
  if (!started_) {
    started_ = true;
    // A BOM only marks the encoding when it opens the input; anywhere else it is an error.
    if (end_ >= 3 && static_cast<unsigned char>(buf_[0]) == 0xEF &&
        static_cast<unsigned char>(buf_[1]) == 0xBB &&
        static_cast<unsigned char>(buf_[2]) == 0xBF) {
      pos_ = 3;
      offset_ = 3;
    }
  }
  return pos_ < end_;
}

int CsvReader::Peek() {
  if (pos_ == end_ && !Refill()) {
    if (!error_ && utf8_needed_ > 0) {
      error_ = InvalidArgumentError(
          fmt::format("第 {} 行第 {} 列（字节偏移 {}）：文件在一个 UTF-8 字符中间结束", line_,
                      column_, utf8_start_offset_),
          "invalid_utf8");
    }
    return -1;
  }
  return static_cast<unsigned char>(buf_[pos_]);
}

bool CsvReader::Consume() {
  const auto byte = static_cast<unsigned char>(buf_[pos_]);
  const int64_t byte_offset = offset_;
  ++pos_;
  ++offset_;
  if (utf8_needed_ == 0) {
    ++column_;
    utf8_start_offset_ = byte_offset;
    if (byte < 0x80) return true;
    utf8_lo_ = 0x80;
    utf8_hi_ = 0xBF;
    if (byte >= 0xC2 && byte <= 0xDF) {
      utf8_needed_ = 1;
      utf8_code_point_ = byte & 0x1F;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      utf8_needed_ = 2;
      utf8_code_point_ = byte & 0x0F;
      if (byte == 0xE0) utf8_lo_ = 0xA0;  // no overlong forms
      if (byte == 0xED) utf8_hi_ = 0x9F;  // no surrogates
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      utf8_needed_ = 3;
      utf8_code_point_ = byte & 0x07;
      if (byte == 0xF0) utf8_lo_ = 0x90;
      if (byte == 0xF4) utf8_hi_ = 0x8F;  // nothing above U+10FFFF
    } else {
      error_ = InvalidArgumentError(
          fmt::format("第 {} 行第 {} 列（字节偏移 {}）：不是有效的 UTF-8 编码"
                      "（文件可能是 GBK/GB18030 编码，请转换为 UTF-8 或指定编码）",
                      line_, column_, byte_offset),
          "invalid_utf8");
      return false;
    }
    return true;
  }
  if (byte < utf8_lo_ || byte > utf8_hi_) {
    error_ = InvalidArgumentError(
        fmt::format("第 {} 行第 {} 列（字节偏移 {}）：不是有效的 UTF-8 编码"
                    "（文件可能是 GBK/GB18030 编码，请转换为 UTF-8 或指定编码）",
                    line_, column_, byte_offset),
        "invalid_utf8");
    return false;
  }
  utf8_lo_ = 0x80;
  utf8_hi_ = 0xBF;
  utf8_code_point_ = (utf8_code_point_ << 6) | (byte & 0x3F);
  if (--utf8_needed_ == 0 && utf8_code_point_ == 0xFEFF) {
    error_ = InvalidArgumentError(fmt::format("第 {} 行第 {} 列：文件中间出现字节顺序标记（BOM），"
                                              "可能是把几个文件直接拼接在了一起",
                                              line_, column_),
                                  "csv_bom_in_middle");
    return false;
  }
  return true;
}

bool CsvReader::ConsumeRun(std::string& field, bool quoted) {
  // The hot loop of the reader. Between characters, ASCII bytes that cannot end the field and
  // well-formed three-byte UTF-8 sequences (most Chinese text: leads E1–EC and EE; E0, ED and
  // EF have narrower rules or may start a BOM) are passed over with the position in a local,
  // which the compiler keeps in a register; anything else goes through Consume(). The run is
  // appended to the field in one piece.
  const char* const data = buf_.data();
  const size_t run_start = pos_;
  bool ok = true;
  while (pos_ < end_) {
    if (utf8_needed_ == 0) {
      size_t pos = pos_;
      int64_t characters = 0;
      while (pos < end_) {
        const auto byte = static_cast<unsigned char>(data[pos]);
        if (byte < 0x80) {
          if (byte == '"' || byte == '\n' || byte == '\r' || (byte == ',' && !quoted)) break;
          ++pos;
          ++characters;
          continue;
        }
        const bool three_byte_lead = (byte >= 0xE1 && byte <= 0xEC) || byte == 0xEE;
        if (!three_byte_lead || pos + 2 >= end_) break;
        const auto second = static_cast<unsigned char>(data[pos + 1]);
        const auto third = static_cast<unsigned char>(data[pos + 2]);
        if ((second & 0xC0) != 0x80 || (third & 0xC0) != 0x80) break;
        pos += 3;
        ++characters;
      }
      offset_ += static_cast<int64_t>(pos - pos_);
      column_ += characters;
      pos_ = pos;
      if (pos_ == end_) break;
      if (static_cast<unsigned char>(data[pos_]) < 0x80) break;  // a byte that ends the run
    }
    if (!Consume()) {
      ok = false;
      break;
    }
  }
  field.append(data + run_start, pos_ - run_start);
  return ok;
}

bool CsvReader::ConsumeLineBreak(std::string* keep) {
  const int first = Peek();
  if (keep != nullptr) keep->push_back(static_cast<char>(first));
  if (!Consume()) return false;
  if (first == '\r' && Peek() == '\n') {
    if (keep != nullptr) keep->push_back('\n');
    if (!Consume()) return false;
  }
  if (error_) return false;
  ++line_;
  column_ = 0;
  return true;
}

Status CsvReader::SyntaxError(std::string_view what, std::string reason, int64_t line,
                              int64_t column) const {
  return InvalidArgumentError(fmt::format("第 {} 行第 {} 列：{}", line, column, what),
                              std::move(reason));
}

Status CsvReader::ParseRecord(std::vector<std::string>& fields, size_t& field_count,
                              bool& got_record) {
  got_record = false;
  field_count = 0;
  // Skip blank physical lines.
  while (true) {
    const int c = Peek();
    if (c < 0) return error_ ? *error_ : Status::Ok();
    if (c != '\r' && c != '\n') break;
    if (!ConsumeLineBreak(nullptr)) return *error_;
  }
  record_line_ = line_;
  got_record = true;
  while (true) {  // one iteration per field
    // Reuse the strings of the previous record (and their capacity) where there are any.
    if (field_count == fields.size()) fields.emplace_back();
    std::string& field = fields[field_count++];
    field.clear();
    int c = Peek();
    if (c == '"') {
      const int64_t quote_line = line_;
      const int64_t quote_column = column_ + 1;
      if (!Consume()) return *error_;
      while (true) {
        if (!ConsumeRun(field, /*quoted=*/true)) return *error_;
        c = Peek();
        if (c < 0) {
          if (error_) return *error_;
          return SyntaxError("引号未闭合（到文件末尾也没有找到与之配对的引号）",
                             "csv_unterminated_quote", quote_line, quote_column);
        }
        if (c == '"') {
          if (!Consume()) return *error_;
          if (Peek() == '"') {
            if (!Consume()) return *error_;
            field.push_back('"');
            continue;
          }
          break;
        }
        if (c == '\r' || c == '\n') {
          if (!ConsumeLineBreak(&field)) return *error_;
        }
        // Otherwise a new chunk was read: go on with the run.
      }
      c = Peek();
      if (c < 0) return error_ ? *error_ : Status::Ok();
      if (c == ',') {
        if (!Consume()) return *error_;
        continue;
      }
      if (c == '\r' || c == '\n') {
        return ConsumeLineBreak(nullptr) ? Status::Ok() : *error_;
      }
      return SyntaxError("右引号之后还有其他字符（字段内的引号需要写成两个引号 \"\"）",
                         "csv_text_after_quote", line_, column_ + 1);
    }
    while (true) {  // an unquoted field
      if (!ConsumeRun(field, /*quoted=*/false)) return *error_;
      c = Peek();
      if (c < 0) return error_ ? *error_ : Status::Ok();
      if (c == ',') {
        if (!Consume()) return *error_;
        break;
      }
      if (c == '\r' || c == '\n') {
        return ConsumeLineBreak(nullptr) ? Status::Ok() : *error_;
      }
      if (c == '"') {
        return SyntaxError(
            "未加引号的字段中出现引号（含引号的字段需整体用引号括起，内部引号写成 \"\"）",
            "csv_bare_quote", line_, column_ + 1);
      }
      // Otherwise a new chunk was read: go on with the run.
    }
  }
}

StatusOr<bool> CsvReader::Next(std::vector<std::string>& fields) {
  if (error_) {
    fields.clear();
    return *error_;
  }
  bool got_record = false;
  size_t field_count = 0;
  Status status = ParseRecord(fields, field_count, got_record);
  fields.resize(field_count);
  if (!status.ok()) {
    error_ = status;
    fields.clear();
    return status;
  }
  if (got_record) ++records_read_;
  return got_record;
}

Status ReadCsvFile(
    const std::filesystem::path& path,
    const std::function<Status(const std::vector<std::string>&, int64_t line)>& on_record) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return NotFoundError(fmt::format("无法打开文件 {}", path.string()), "file_not_found");
  }
  CsvReader reader(in);
  std::vector<std::string> fields;
  while (true) {
    StatusOr<bool> more = reader.Next(fields);
    if (!more.ok()) return more.status().WithPrefix(path.string());
    if (!*more) return Status::Ok();
    SUNLIGHT_RETURN_IF_ERROR(on_record(fields, reader.record_line()));
  }
}

}  // namespace sunlight
