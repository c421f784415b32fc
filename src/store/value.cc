// Value conversions and rendering.
#include "store/value.h"

#include <cmath>
#include <string>

namespace sunlight::store {

std::string_view ValueTypeName(ValueType type) {
  switch (type) {
    case ValueType::kNull:
      return "null";
    case ValueType::kInteger:
      return "integer";
    case ValueType::kReal:
      return "real";
    case ValueType::kText:
      return "text";
    case ValueType::kBlob:
      return "blob";
  }
  return "unknown";
}

std::int64_t Value::AsInteger(std::int64_t fallback) const {
  switch (type()) {
    case ValueType::kInteger:
      return integer();
    case ValueType::kReal:
      return static_cast<std::int64_t>(std::llround(real()));
    default:
      return fallback;
  }
}

double Value::AsReal(double fallback) const {
  switch (type()) {
    case ValueType::kInteger:
      return static_cast<double>(integer());
    case ValueType::kReal:
      return real();
    default:
      return fallback;
  }
}

std::string Value::AsText(std::string_view fallback) const {
  switch (type()) {
    case ValueType::kNull:
      return std::string(fallback);
    case ValueType::kInteger:
      return std::to_string(integer());
    case ValueType::kReal:
      return std::to_string(real());
    case ValueType::kText:
      return text();
    case ValueType::kBlob:
      return std::string(blob().begin(), blob().end());
  }
  return std::string(fallback);
}

std::string Value::DebugString() const {
  switch (type()) {
    case ValueType::kNull:
      return "NULL";
    case ValueType::kInteger:
      return std::to_string(integer());
    case ValueType::kReal:
      return std::to_string(real());
    case ValueType::kText:
      return "'" + text() + "'";
    case ValueType::kBlob:
      return "blob[" + std::to_string(blob().size()) + "]";
  }
  return "?";
}

}  // namespace sunlight::store
