// Value: one SQL value as it crosses the store interface, in either direction.
//
// Five kinds, the intersection of what SQLite stores and what the PostgreSQL
// engine will map to: NULL, a 64-bit integer, a double, UTF-8 text, and a blob.
// Booleans are deliberately not a kind (SQLite has none); store 0/1.
//
//   Value v = "贵州省";            // text
//   Value n = int64_t{42};         // integer (any integral type but bool)
//   Value b = Blob{0x00, 0xff};    // blob
//   Value none;                    // NULL
//   if (v.type() == ValueType::kText) Use(v.text());
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace sunlight::store {

using Blob = std::vector<std::uint8_t>;

enum class ValueType { kNull, kInteger, kReal, kText, kBlob };

// "null", "integer", "real", "text", "blob".
std::string_view ValueTypeName(ValueType type);

class Value {
 public:
  // NULL.
  Value() = default;
  Value(std::nullptr_t) {}  // NOLINT: implicit by design, so `{nullptr, 1, "a"}` binds
  template <std::integral T>
  requires(!std::same_as<T, bool>) Value(T v) : data_(static_cast<std::int64_t>(v)) {}  // NOLINT
  Value(double v) : data_(v) {}                                                         // NOLINT
  Value(std::string v) : data_(std::move(v)) {}                                         // NOLINT
  Value(std::string_view v) : data_(std::string(v)) {}                                  // NOLINT
  Value(const char* v) : data_(std::string(v)) {}                                       // NOLINT
  Value(Blob v) : data_(std::move(v)) {}                                                // NOLINT

  // Makes this value the text `text`. A value that holds text already keeps its buffer: the
  // importer refills the same row of values for each of a file's rows, and a fresh string per
  // cell was a fifth of its reading thread's time.
  void SetText(std::string_view text) {
    if (std::string* held = std::get_if<std::string>(&data_)) {
      held->assign(text.data(), text.size());
    } else {
      data_.emplace<std::string>(text);
    }
  }

  ValueType type() const { return static_cast<ValueType>(data_.index()); }
  bool is_null() const { return type() == ValueType::kNull; }

  // Accessors REQUIRE the matching type(); use the As* forms to convert.
  std::int64_t integer() const { return std::get<std::int64_t>(data_); }
  double real() const { return std::get<double>(data_); }
  const std::string& text() const { return std::get<std::string>(data_); }
  const Blob& blob() const { return std::get<Blob>(data_); }

  // Lenient reads for result columns whose declared type the engine may have
  // loosened (SQLite returns a NUMERIC column as integer or real): integer and
  // real convert to each other, NULL gives the fallback, text and blob give the
  // fallback too (no parsing: a text column read as a number is a bug to see).
  std::int64_t AsInteger(std::int64_t fallback = 0) const;
  double AsReal(double fallback = 0.0) const;
  // Text as is, a blob's bytes, a number in decimal, NULL as the fallback.
  std::string AsText(std::string_view fallback = {}) const;

  // A short rendering for logs and test failures. Text is shown in full, so
  // never log a Value that may hold personal data.
  std::string DebugString() const;

  friend bool operator==(const Value& a, const Value& b) = default;

 private:
  // The index order matches ValueType.
  std::variant<std::monostate, std::int64_t, double, std::string, Blob> data_;
};

}  // namespace sunlight::store
