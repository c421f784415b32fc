#include "ledger/decoding_streambuf.h"

#include <gtest/gtest.h>

#include <istream>
#include <iterator>
#include <sstream>
#include <string>

#include "ledger_test_util.h"

namespace sunlight::ledger {
namespace {

using testing::ToGb18030;

struct Decoded {
  std::string text;
  Status status;
};

Decoded Decode(const std::string& bytes, Encoding encoding, size_t chunk_size) {
  std::stringbuf source(bytes);
  auto buf = DecodingStreambuf::Create(source, encoding, chunk_size);
  EXPECT_TRUE(buf.ok()) << buf.status();
  if (!buf.ok()) return {};
  std::istream in(buf->get());
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return {text, (*buf)->status()};
}

// Two-byte (张, 中), four-byte BMP (㐀 U+3400), four-byte supplementary (𠀀 U+20000) and the
// rare surname 䶮, with ASCII between them so that every chunk size splits some character.
const std::string kUtf8Text =
    "household_id,户主姓名\r\nH001,张三\nH002,㐀𠀀\nH003,䶮\n\"中,文\",𠀀𠀀𠀀\n";

TEST(DecodingStreambufTest, ConvertsGb18030AtEveryChunkSize) {
  const std::string gb = ToGb18030(kUtf8Text);
  ASSERT_NE(gb, kUtf8Text);
  for (size_t chunk : {1, 2, 3, 4, 5, 7, 13, 64, 65536}) {
    const Decoded decoded = Decode(gb, Encoding::kGb18030, chunk);
    EXPECT_TRUE(decoded.status.ok()) << "chunk " << chunk << ": " << decoded.status;
    EXPECT_EQ(decoded.text, kUtf8Text) << "chunk " << chunk;
  }
}

TEST(DecodingStreambufTest, PassesValidUtf8ThroughAtEveryChunkSize) {
  for (size_t chunk : {1, 2, 3, 5, 64, 65536}) {
    const Decoded decoded = Decode("\xEF\xBB\xBF" + kUtf8Text, Encoding::kUtf8, chunk);
    EXPECT_TRUE(decoded.status.ok()) << "chunk " << chunk << ": " << decoded.status;
    EXPECT_EQ(decoded.text, "\xEF\xBB\xBF" + kUtf8Text) << "chunk " << chunk;
  }
}

TEST(DecodingStreambufTest, ReportsOffsetAndLineOfBadUtf8) {
  // Forced UTF-8 on a GB18030 file: 张 is D5 C5, not UTF-8.
  const std::string bytes = "a,b\nc," + ToGb18030("张") + "\n";
  for (size_t chunk : {1, 3, 65536}) {
    const Decoded decoded = Decode(bytes, Encoding::kUtf8, chunk);
    ASSERT_FALSE(decoded.status.ok());
    EXPECT_EQ(decoded.status.reason(), "bad_encoding");
    EXPECT_NE(decoded.status.message().find("第 2 行（字节偏移 6）"), std::string::npos)
        << decoded.status;
    EXPECT_EQ(decoded.text, "a,b\nc,") << "the text before the bad byte is delivered";
  }
}

TEST(DecodingStreambufTest, ReportsOffsetOfBadGb18030) {
  // Forced GB18030 on UTF-8: 中 is E4 B8 AD; E4 B8 pairs up, then AD ',' is invalid.
  const std::string bytes = "x\n中,y\n";
  for (size_t chunk : {1, 2, 65536}) {
    const Decoded decoded = Decode(bytes, Encoding::kGb18030, chunk);
    ASSERT_FALSE(decoded.status.ok()) << "chunk " << chunk;
    EXPECT_EQ(decoded.status.reason(), "bad_encoding");
    EXPECT_NE(decoded.status.message().find("第 2 行（字节偏移 4）"), std::string::npos)
        << decoded.status;
    EXPECT_NE(decoded.status.message().find("gb18030"), std::string::npos);
  }
  // 0x80 and 0xFF are never valid in GB18030.
  const Decoded ff = Decode("ab\xFF", Encoding::kGb18030, 65536);
  EXPECT_EQ(ff.status.reason(), "bad_encoding");
  EXPECT_NE(ff.status.message().find("字节偏移 2"), std::string::npos) << ff.status;
}

TEST(DecodingStreambufTest, ReportsACharacterCutByTheEndOfTheFile) {
  const std::string gb = ToGb18030("张𠀀");
  const Decoded gb_cut = Decode(gb.substr(0, gb.size() - 1), Encoding::kGb18030, 3);
  EXPECT_EQ(gb_cut.status.reason(), "bad_encoding");
  EXPECT_NE(gb_cut.status.message().find("字节偏移 2"), std::string::npos) << gb_cut.status;
  EXPECT_EQ(gb_cut.text, "张");

  const Decoded utf8_cut = Decode("ab\xE4\xB8", Encoding::kUtf8, 65536);
  EXPECT_EQ(utf8_cut.status.reason(), "bad_encoding");
  EXPECT_NE(utf8_cut.status.message().find("字节偏移 2"), std::string::npos) << utf8_cut.status;
}

TEST(DecodingStreambufTest, EmptyInputIsEmptyText) {
  EXPECT_TRUE(Decode("", Encoding::kGb18030, 4).status.ok());
  EXPECT_EQ(Decode("", Encoding::kUtf8, 4).text, "");
}

TEST(DecodingStreambufTest, RefusesAutoAsAnEncoding) {
  std::stringbuf source("x");
  EXPECT_FALSE(DecodingStreambuf::Create(source, Encoding::kAuto).ok());
}

}  // namespace
}  // namespace sunlight::ledger
