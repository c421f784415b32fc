// Encoding names and detection (see encoding.h for the rules).
#include "ledger/encoding.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "ledger/utf8.h"

namespace sunlight::ledger {

namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

Status UnknownEncoding() {
  return InvalidArgumentError("无法识别文件编码，请另存为 UTF-8 或使用 --encoding",
                              "unknown_encoding");
}

bool InRange(uint8_t byte, uint8_t low, uint8_t high) { return byte >= low && byte <= high; }

// Is `bytes` well-formed GB18030 (one byte 00..7F; two bytes 81..FE + 40..7E|80..FE; four bytes
// 81..FE + 30..39 + 81..FE + 30..39)? A sequence cut by the end of the sample is accepted unless
// `at_end`. This checks structure only; the decoder (iconv) later rejects the few well-formed
// four-byte sequences that map to nothing, with their offset.
bool IsWellFormedGb18030(std::string_view bytes, bool at_end) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t size = bytes.size();
  size_t pos = 0;
  while (pos < size) {
    const uint8_t lead = data[pos];
    if (lead < 0x80) {
      ++pos;
      continue;
    }
    if (!InRange(lead, 0x81, 0xFE)) return false;
    if (pos + 1 >= size) return !at_end;
    const uint8_t second = data[pos + 1];
    if (InRange(second, 0x40, 0x7E) || InRange(second, 0x80, 0xFE)) {
      pos += 2;
      continue;
    }
    if (!InRange(second, 0x30, 0x39)) return false;
    if (pos + 2 >= size) return !at_end;
    if (!InRange(data[pos + 2], 0x81, 0xFE)) return false;
    if (pos + 3 >= size) return !at_end;
    if (!InRange(data[pos + 3], 0x30, 0x39)) return false;
    pos += 4;
  }
  return true;
}

// Reads up to `count` bytes from `source` and appends them to `out`; returns how many.
size_t ReadAppend(std::streambuf& source, size_t count, std::string& out) {
  const size_t old_size = out.size();
  out.resize(old_size + count);
  const std::streamsize got =
      source.sgetn(out.data() + old_size, static_cast<std::streamsize>(count));
  const size_t read = got > 0 ? static_cast<size_t>(got) : 0;
  out.resize(old_size + read);
  return read;
}

}  // namespace

StatusOr<Encoding> ParseEncodingName(std::string_view name) {
  const std::string lower = Lower(name);
  if (lower == "auto") return Encoding::kAuto;
  if (lower == "utf-8" || lower == "utf8") return Encoding::kUtf8;
  if (lower == "gb18030" || lower == "gbk" || lower == "gb2312" || lower == "cp936") {
    return Encoding::kGb18030;
  }
  return InvalidArgumentError(
      "不支持的编码“" + std::string(name) + "”，可用：utf-8、gb18030、gbk、auto",
      "unknown_encoding_name");
}

std::string_view EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kAuto:
      return "auto";
    case Encoding::kUtf8:
      return "utf-8";
    case Encoding::kGb18030:
      return "gb18030";
  }
  return "unknown";
}

StatusOr<Encoding> DetectSampleEncoding(std::string_view sample, bool at_end) {
  if (sample.find('\0') != std::string_view::npos) return UnknownEncoding();
  const Utf8Scan utf8 = ScanUtf8(sample);
  if (utf8.result == Utf8Result::kValid) return Encoding::kUtf8;
  if (utf8.result == Utf8Result::kIncomplete && !at_end) return Encoding::kUtf8;
  if (IsWellFormedGb18030(sample, at_end)) return Encoding::kGb18030;
  return UnknownEncoding();
}

StatusOr<Encoding> DetectEncoding(std::streambuf& source) {
  constexpr size_t kChunk = 64 * 1024;
  std::string buffer;
  size_t ascii_seen = 0;
  // Skip pure ASCII, one chunk at a time, keeping only the chunk being looked at.
  while (true) {
    buffer.clear();
    const size_t read = ReadAppend(source, kChunk, buffer);
    if (read == 0) return Encoding::kUtf8;  // empty, or ASCII to the end
    const auto first_high = std::find_if(buffer.begin(), buffer.end(), [](char c) {
      return static_cast<uint8_t>(c) >= 0x80 || c == '\0';
    });
    if (first_high != buffer.end()) {
      buffer.erase(buffer.begin(), first_high);
      break;
    }
    ascii_seen += read;
    if (ascii_seen >= kDetectionAsciiLimit) return Encoding::kUtf8;
  }
  // `buffer` now starts at the first non-ASCII (or NUL) byte; a preceding ASCII byte means it
  // is a character boundary in either encoding. Fill the window and decide.
  bool at_end = false;
  while (buffer.size() < kDetectionWindow && !at_end) {
    at_end = ReadAppend(source, kDetectionWindow - buffer.size(), buffer) == 0;
  }
  return DetectSampleEncoding(buffer, at_end);
}

}  // namespace sunlight::ledger
