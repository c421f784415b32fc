// DecodingStreambuf: chunked UTF-8 validation and GB18030 -> UTF-8 conversion (glibc iconv).
#include "ledger/decoding_streambuf.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <string>

#include "ledger/utf8.h"

namespace sunlight::ledger {

// Owns an iconv conversion descriptor.
struct DecodingStreambuf::Iconv {
  iconv_t handle = reinterpret_cast<iconv_t>(-1);
  ~Iconv() {
    if (handle != reinterpret_cast<iconv_t>(-1)) iconv_close(handle);
  }
};

StatusOr<std::unique_ptr<DecodingStreambuf>> DecodingStreambuf::Create(std::streambuf& source,
                                                                       Encoding encoding,
                                                                       size_t chunk_size) {
  if (encoding != Encoding::kUtf8 && encoding != Encoding::kGb18030) {
    return InternalError("解码前须先确定文件编码", "encoding_not_decided");
  }
  if (chunk_size == 0) return InternalError("读取块大小不能为 0", "bad_chunk_size");
  std::unique_ptr<DecodingStreambuf> buf(new DecodingStreambuf(source, encoding, chunk_size));
  if (encoding == Encoding::kGb18030) {
    buf->iconv_ = std::make_unique<Iconv>();
    buf->iconv_->handle = iconv_open("UTF-8", "GB18030");
    if (buf->iconv_->handle == reinterpret_cast<iconv_t>(-1)) {
      return UnavailableError("系统缺少 GB18030 编码转换支持（iconv）", "iconv_unavailable");
    }
    // GB18030 -> UTF-8 grows text by at most half (2 bytes -> 3); 4-byte sequences stay 4.
    buf->out_.resize(chunk_size * 2 + 16);
  }
  return buf;
}

DecodingStreambuf::DecodingStreambuf(std::streambuf& source, Encoding encoding, size_t chunk_size)
    : source_(source), encoding_(encoding), chunk_size_(chunk_size) {}

DecodingStreambuf::~DecodingStreambuf() = default;

bool DecodingStreambuf::FillInput() {
  // Keep only the undecoded tail (at most a few bytes of a split character).
  if (in_begin_ > 0) {
    lines_before_in_ += std::count(in_.begin(), in_.begin() + in_begin_, '\n');
    in_offset_ += static_cast<int64_t>(in_begin_);
    in_.erase(in_.begin(), in_.begin() + in_begin_);
    in_begin_ = 0;
  }
  if (source_done_) return false;
  const size_t old_size = in_.size();
  in_.resize(old_size + chunk_size_);
  const std::streamsize got =
      source_.sgetn(in_.data() + old_size, static_cast<std::streamsize>(chunk_size_));
  const size_t read = got > 0 ? static_cast<size_t>(got) : 0;
  in_.resize(old_size + read);
  if (read == 0) source_done_ = true;
  return read > 0;
}

void DecodingStreambuf::FailAt(size_t index, bool truncated_at_end) {
  const int64_t offset = in_offset_ + static_cast<int64_t>(index);
  const int64_t line = 1 + lines_before_in_ + std::count(in_.begin(), in_.begin() + index, '\n');
  const std::string where =
      "第 " + std::to_string(line) + " 行（字节偏移 " + std::to_string(offset) + "）";
  std::string message;
  if (truncated_at_end) {
    message = where + "：文件在一个字符的中间结束";
  } else {
    message = where + "：不是有效的 " + std::string(EncodingName(encoding_)) +
              " 编码，请检查文件编码或使用 --encoding 指定";
  }
  pending_error_ = InvalidArgumentError(std::move(message), "bad_encoding");
}

size_t DecodingStreambuf::DecodeUtf8(char*& out) {
  const std::string_view pending(in_.data() + in_begin_, in_.size() - in_begin_);
  const Utf8Scan scan = ScanUtf8(pending);
  if (scan.result == Utf8Result::kInvalid) FailAt(in_begin_ + scan.valid_length, false);
  if (scan.result == Utf8Result::kIncomplete && source_done_) {
    FailAt(in_begin_ + scan.valid_length, true);
  }
  out = in_.data() + in_begin_;
  in_begin_ += scan.valid_length;
  return scan.valid_length;
}

size_t DecodingStreambuf::DecodeGb18030(char*& out) {
  char* in_ptr = in_.data() + in_begin_;
  size_t in_left = in_.size() - in_begin_;
  char* out_ptr = out_.data();
  size_t out_left = out_.size();
  const size_t result = iconv(iconv_->handle, &in_ptr, &in_left, &out_ptr, &out_left);
  const int error = errno;
  in_begin_ = static_cast<size_t>(in_ptr - in_.data());
  if (result == static_cast<size_t>(-1)) {
    if (error == EILSEQ) {
      FailAt(in_begin_, false);
    } else if (error == EINVAL && source_done_) {
      FailAt(in_begin_, true);
    }
    // EINVAL otherwise: a character split by the chunk end; the next chunk completes it.
    // E2BIG: the output is full; the rest waits for the next call.
  }
  out = out_.data();
  return out_.size() - out_left;
}

DecodingStreambuf::int_type DecodingStreambuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  while (status_.ok()) {
    if (!pending_error_.ok()) {
      status_ = pending_error_;
      break;
    }
    char* out = nullptr;
    const size_t ready = in_begin_ < in_.size()
                             ? (encoding_ == Encoding::kUtf8 ? DecodeUtf8(out) : DecodeGb18030(out))
                             : 0;
    if (ready > 0) {
      setg(out, out, out + ready);
      return traits_type::to_int_type(*gptr());
    }
    if (!pending_error_.ok()) continue;
    if (!FillInput()) {
      if (in_begin_ < in_.size()) continue;  // decode the tail; it fails as truncated
      break;                                 // the end of the text
    }
  }
  setg(nullptr, nullptr, nullptr);
  return traits_type::eof();
}

}  // namespace sunlight::ledger
