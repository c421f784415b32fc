// CsvTableSource: file -> DecodingStreambuf (UTF-8 check or GB18030 conversion) -> CsvReader.
#include "ledger/csv_table_source.h"

#include <exception>
#include <string_view>

namespace sunlight::ledger {

StatusOr<std::unique_ptr<CsvTableSource>> CsvTableSource::Open(const std::filesystem::path& path,
                                                               Encoding encoding,
                                                               std::string display_name) {
  std::unique_ptr<CsvTableSource> source(new CsvTableSource());
  source->name_ = display_name.empty() ? path.filename().string() : std::move(display_name);
  source->file_.open(path, std::ios::binary);
  if (!source->file_.is_open()) {
    return NotFoundError(source->name_ + "：无法打开文件", "file_unreadable");
  }
  if (encoding == Encoding::kAuto) {
    StatusOr<Encoding> detected = DetectEncoding(*source->file_.rdbuf());
    if (!detected.ok()) return detected.status().WithPrefix(source->name_);
    encoding = *detected;
    if (source->file_.rdbuf()->pubseekpos(0, std::ios::in) != std::streampos(0)) {
      return UnavailableError(source->name_ + "：无法回到文件开头重新读取", "file_unreadable");
    }
  }
  if (encoding == Encoding::kGb18030) {
    // A UTF-8 byte-order mark says plainly that --encoding gb18030 is wrong; without this
    // check the file would mostly decode, as nonsense characters.
    char head[3] = {};
    const std::streamsize got = source->file_.rdbuf()->sgetn(head, sizeof head);
    if (got == 3 && std::string_view(head, 3) == "\xEF\xBB\xBF") {
      return InvalidArgumentError(
          source->name_ + "：文件带有 UTF-8 字节顺序标记（BOM），与指定的编码 gb18030 不符",
          "encoding_mismatch");
    }
    if (source->file_.rdbuf()->pubseekpos(0, std::ios::in) != std::streampos(0)) {
      return UnavailableError(source->name_ + "：无法回到文件开头重新读取", "file_unreadable");
    }
  }
  source->encoding_ = encoding;
  SUNLIGHT_ASSIGN_OR_RETURN(source->decoder_,
                            DecodingStreambuf::Create(*source->file_.rdbuf(), encoding));
  source->text_ = std::make_unique<std::istream>(source->decoder_.get());
  source->reader_ = std::make_unique<CsvReader>(*source->text_);
  return source;
}

StatusOr<bool> CsvTableSource::Next(Row& row) {
  if (failed_) return InternalError(name_ + "：读取出错后不能继续读取", "read_after_error");
  StatusOr<bool> more = false;
  // Nothing here throws by design; an allocation failure still must not cross the API.
  try {
    more = reader_->Next(row.cells);
  } catch (const std::exception& e) {
    failed_ = true;
    return InternalError(name_ + "：读取时出现内部错误（" + e.what() + "）", "internal_exception");
  }
  // A decoding error ends the text early, which the CSV reader may take for the end of the file
  // or for an unclosed quote: the decoder's account of it comes first.
  if (!decoder_->status().ok()) {
    failed_ = true;
    return decoder_->status().WithPrefix(name_);
  }
  if (!more.ok()) {
    failed_ = true;
    return more.status().WithPrefix(name_);
  }
  if (*more) row.number = reader_->record_line();
  return more;
}

}  // namespace sunlight::ledger
