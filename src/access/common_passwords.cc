// Common passwords, lower case: the usual leaked-password top lists' long entries, keyboard
// walks, and Chinese favourites (woaini1314, 5201314, pinyin names and cities), plus this
// system's own name. Passwords shorter than 12 characters are refused by length first.
#include "access/common_passwords.h"

#include <array>

namespace sunlight::access {
namespace {

constexpr std::array<std::string_view, 125> kCommon = {
    "!qaz2wsx#edc",   "!qaz@wsx#edc",     "$rfv%tgb^yhn",    "000000000000",
    "111111111111",   "112233445566",     "121212121212",    "123123123123",
    "123412341234",   "123456654321",     "123456789000",    "123456789012",
    "1234567890123",  "12345678901234",   "1234567890abc",   "1234567890qw",
    "123456789abc",   "123456abcdef",     "1234qwerasdf",    "1234qwerasdfzxcv",
    "147258369147",   "1q2w3e4r5t6y",     "1q2w3e4r5t6y7u",  "1q2w3e4r5t6y7u8i",
    "1qaz2wsx3edc",   "1qaz2wsx3edc4rfv", "5201314520131",   "52013145201314",
    "987654321098",   "a1b2c3d4e5f6",     "aa1234567890",    "abc123456789",
    "abcd12345678",   "abcd1234abcd",     "abcdef123456",    "abcdefghijkl",
    "admin1234567",   "admin@123456",     "admin@admin.com", "administrator",
    "administrator1", "administrator123", "asdfasdfasdf",    "asdfghjkl123",
    "asdfghjkl;'",    "baseball1234",     "beijing12345",    "beijing123456",
    "changeme1234",   "china1234567",     "china12345678",   "dragon123456",
    "football1234",   "fupin1234567",     "fupin12345678",   "gov123456789",
    "guangzhou123",   "guangzhou1234",    "guest1234567",    "iloveyou1234",
    "iloveyou123456", "iloveyou5201314",  "jijian123456",    "jiwei1234567",
    "jiwei123456789", "letmein12345",     "liuyang12345",    "master123456",
    "michael12345",   "mima12345678",     "monkey123456",    "p@55w0rd1234",
    "p@ssw0rd1234",   "p@ssword1234",     "passw0rd!234",    "passw0rd1234",
    "password!123",   "password1234",     "password12345",   "password123456",
    "password@123",   "passwordpassword", "princess1234",    "qazwsxedcrfv",
    "qq1234567890",   "qq123456789012",   "qwer1234qwer",    "qwerty123456",
    "qwerty1234567",  "qwertyqwerty",     "qwertyuiop12",    "qwertyuiop123",
    "qwertyuiopasdf", "qwertyuiopasdfgh", "root12345678",    "shanghai1234",
    "shenzhen1234",   "starwars1234",     "sunlight1234",    "sunlight12345",
    "sunlight123456", "sunshine1234",     "superman1234",    "test12345678",
    "testpassword",   "testtest1234",     "trustno11234",    "user12345678",
    "wangwei12345",   "welcome12345",     "welcome@1234",    "woaini123456",
    "woaini131452",   "woaini1314520",    "woaini5201314",   "wodemima1234",
    "yangguang123",   "yangguang1234",    "yangguang2026",   "zaq12wsxcde3",
    "zhangwei1234",   "zhongguo1234",     "zhongguo12345",   "zxcvbnm12345",
    "zxcvzxcvzxcv",
};

}  // namespace

std::span<const std::string_view> CommonPasswords() { return kCommon; }

}  // namespace sunlight::access
