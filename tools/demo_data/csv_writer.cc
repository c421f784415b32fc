// CsvWriter: buffered RFC 4180 output (see csv_writer.h).
#include "demo_data/csv_writer.h"

#include <cassert>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <system_error>

namespace sunlight::demo {
namespace {

constexpr size_t kFlushBytes = 1 << 20;

bool NeedsQuotes(std::string_view text) {
  return text.find_first_of(",\"\r\n") != std::string_view::npos;
}

}  // namespace

StatusOr<std::unique_ptr<CsvWriter>> CsvWriter::Open(const std::filesystem::path& path,
                                                     const TableSchema& schema) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "wb"));
  if (file == nullptr) {
    return UnavailableError("无法创建文件 " + path.string() + "：" + std::strerror(errno),
                            "io_error");
  }
  std::unique_ptr<CsvWriter> writer(new CsvWriter(path, std::move(file), schema.columns.size()));
  for (std::string_view column : schema.columns) writer->Field(column);
  writer->EndRow();
  writer->rows_ = 0;  // the header is not a data row
  return writer;
}

CsvWriter::CsvWriter(std::filesystem::path path, std::unique_ptr<std::FILE, FileCloser> file,
                     size_t columns)
    : path_(std::move(path)), file_(std::move(file)), columns_(columns) {
  buffer_.reserve(kFlushBytes + 4096);
}

CsvWriter::~CsvWriter() {
  if (file_ != nullptr) Close().IgnoreError();
}

CsvWriter& CsvWriter::Field(std::string_view text) {
  if (fields_in_row_++ > 0) buffer_.push_back(',');
  if (!NeedsQuotes(text)) {
    buffer_.append(text);
    return *this;
  }
  buffer_.push_back('"');
  for (char c : text) {
    if (c == '"') buffer_.push_back('"');
    buffer_.push_back(c);
  }
  buffer_.push_back('"');
  return *this;
}

CsvWriter& CsvWriter::Field(int64_t value) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof(digits), value);
  return Field(std::string_view(digits, static_cast<size_t>(end - digits)));
}

void CsvWriter::EndRow() {
  assert(fields_in_row_ == columns_ && "row width differs from the header");
  buffer_.append("\r\n");
  fields_in_row_ = 0;
  ++rows_;
  if (buffer_.size() >= kFlushBytes) Flush();
}

void CsvWriter::Flush() {
  if (buffer_.empty() || file_ == nullptr) return;
  if (error_.ok() &&
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_.get()) != buffer_.size()) {
    error_ = UnavailableError("写入文件 " + path_.string() + " 失败：" + std::strerror(errno),
                              "io_error");
  }
  buffer_.clear();
}

Status CsvWriter::Close() {
  if (file_ == nullptr) return error_;
  Flush();
  if (std::fclose(file_.release()) != 0 && error_.ok()) {
    error_ = UnavailableError("关闭文件 " + path_.string() + " 失败：" + std::strerror(errno),
                              "io_error");
  }
  return error_;
}

StatusOr<std::unique_ptr<DatasetWriter>> DatasetWriter::Open(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return UnavailableError("无法创建目录 " + dir.string() + "：" + ec.message(), "io_error");
  }
  std::unique_ptr<DatasetWriter> dataset(new DatasetWriter());
  for (const TableSchema& schema : kSchemas) {
    SUNLIGHT_ASSIGN_OR_RETURN(dataset->writers_[static_cast<size_t>(schema.table)],
                              CsvWriter::Open(dir / schema.file_name, schema));
  }
  return dataset;
}

Status DatasetWriter::Close() {
  Status first;
  for (auto& writer : writers_) {
    if (writer == nullptr) continue;
    Status s = writer->Close();
    if (first.ok() && !s.ok()) first = s;
  }
  return first;
}

}  // namespace sunlight::demo
