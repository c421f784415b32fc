// DecodingStreambuf: a streaming std::streambuf that turns UTF-8 or GB18030 bytes into
// validated UTF-8.
//
// The CSV reader (core/csv_reader.h) reads UTF-8 from a std::istream. A GB18030 file is
// converted on the way with iconv, one chunk at a time, so memory stays constant however big
// the file is; a character split across two chunks is carried over to the next. A UTF-8 file is
// validated the same way (and passed through without copying), so that both encodings report a
// bad byte identically: by byte offset and line.
//
//   std::ifstream file(path, std::ios::binary);
//   SUNLIGHT_ASSIGN_OR_RETURN(auto text_buf,
//                             DecodingStreambuf::Create(*file.rdbuf(), Encoding::kGb18030));
//   std::istream text(text_buf.get());
//   ... read `text` until it ends ...
//   SUNLIGHT_RETURN_IF_ERROR(text_buf->status());  // always check: an error also ends the text
//
// Not safe for concurrent use. The source must outlive this object.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <streambuf>
#include <vector>

#include "core/status.h"
#include "ledger/encoding.h"

namespace sunlight::ledger {

class DecodingStreambuf : public std::streambuf {
 public:
  static constexpr size_t kDefaultChunkSize = 64 * 1024;

  // REQUIRES: encoding is kUtf8 or kGb18030 (detect kAuto first); chunk_size > 0 (tests use tiny
  // chunks to split characters).
  static StatusOr<std::unique_ptr<DecodingStreambuf>> Create(std::streambuf& source,
                                                             Encoding encoding,
                                                             size_t chunk_size = kDefaultChunkSize);

  ~DecodingStreambuf() override;
  DecodingStreambuf(const DecodingStreambuf&) = delete;
  DecodingStreambuf& operator=(const DecodingStreambuf&) = delete;

  // OK, or why the text ended early: reason "bad_encoding", with the byte offset (from 0) and
  // the line (from 1) of the first bad byte in the message. Text before it was delivered.
  const Status& status() const { return status_; }

 protected:
  int_type underflow() override;

 private:
  struct Iconv;  // the iconv handle, kept out of this header

  DecodingStreambuf(std::streambuf& source, Encoding encoding, size_t chunk_size);

  // Drops consumed input and reads one more chunk; returns false at the end of the source.
  bool FillInput();
  // Turns pending input into output; returns how many bytes of output are ready at `out`.
  size_t DecodeUtf8(char*& out);
  size_t DecodeGb18030(char*& out);
  // Records the error for the input byte at in_[index].
  void FailAt(size_t index, bool truncated_at_end);

  std::streambuf& source_;
  const Encoding encoding_;
  const size_t chunk_size_;
  std::unique_ptr<Iconv> iconv_;  // only for GB18030

  std::vector<char> in_;  // input bytes; [in_begin_, in_.size()) not yet decoded
  size_t in_begin_ = 0;
  int64_t in_offset_ = 0;        // source offset of in_[0]
  int64_t lines_before_in_ = 0;  // newlines in the source before in_[0]
  bool source_done_ = false;

  std::vector<char> out_;  // decoded UTF-8 (GB18030 only; UTF-8 is served from in_)
  Status status_;
  Status pending_error_;  // raised once the text before it has been read
};

}  // namespace sunlight::ledger
