// Status and StatusOr<T>: how Sunlight reports expected failures.
//
// Bad cells, missing records, wrong workflow states and denied access are not
// exceptional; they are values a caller must look at. A Status carries:
//   - a canonical code (the kind of failure; maps to an HTTP status and an exit code),
//   - a message for people, in Simplified Chinese (it reaches users verbatim),
//   - a reason: a short stable English slug ("bad_check_digit") for programs,
//     reports and tests, so nobody has to match on the Chinese text.
//
//   Status s = ParseThing(text);
//   if (!s.ok()) return s;
//
//   StatusOr<Money> m = Money::Parse("1,234.50");
//   if (!m.ok()) return m.status();
//   int64_t fen = m->fen();
#pragma once

#include <cassert>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace sunlight {

// The canonical codes (after absl::StatusCode), limited to those Sunlight uses.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // bad input: a cell, a parameter, a request body
  kNotFound,            // no such record
  kAlreadyExists,       // a duplicate key
  kPermissionDenied,    // outside jurisdiction or role
  kUnauthenticated,     // not logged in
  kFailedPrecondition,  // wrong state for this transition
  kAborted,             // a conflict; retrying may succeed
  kOutOfRange,          // a value outside what the type can hold
  kResourceExhausted,   // too large, too many attempts
  kDeadlineExceeded,    // a timeout
  kUnimplemented,       // not available in this version
  kUnavailable,         // a dependency (database, file) cannot be reached now
  kDataLoss,            // stored data is corrupt or tampered with
  kInternal,            // a bug or an invariant broken
};

// English name of a code, e.g. "invalid_argument".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  // An OK status.
  Status() = default;
  Status(StatusCode code, std::string message, std::string reason = {});

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // For people, in Chinese.
  const std::string& message() const { return message_; }
  // For programs: a stable English slug; defaults to the code's name.
  std::string_view reason() const;

  // Returns a copy whose message is "prefix: message" (for adding where: a file, a column).
  Status WithPrefix(std::string_view prefix) const;

  // "invalid_argument(bad_check_digit): 校验码错误".
  std::string ToString() const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_ && a.reason_ == b.reason_;
  }

  // Does nothing: for the rare place where a failure really is of no interest.
  void IgnoreError() const {}

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string reason_;
};

std::ostream& operator<<(std::ostream& os, const Status& s);

// Shorthands for the common codes.
Status InvalidArgumentError(std::string message, std::string reason = {});
Status NotFoundError(std::string message, std::string reason = {});
Status AlreadyExistsError(std::string message, std::string reason = {});
Status PermissionDeniedError(std::string message, std::string reason = {});
Status UnauthenticatedError(std::string message, std::string reason = {});
Status FailedPreconditionError(std::string message, std::string reason = {});
Status AbortedError(std::string message, std::string reason = {});
Status OutOfRangeError(std::string message, std::string reason = {});
Status ResourceExhaustedError(std::string message, std::string reason = {});
Status DeadlineExceededError(std::string message, std::string reason = {});
Status UnimplementedError(std::string message, std::string reason = {});
Status UnavailableError(std::string message, std::string reason = {});
Status DataLossError(std::string message, std::string reason = {});
Status InternalError(std::string message, std::string reason = {});

// A value or the Status saying why there is none.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  // REQUIRES: !status.ok() (an OK status without a value is a bug; it becomes kInternal).
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    if (status_.ok()) status_ = InternalError("StatusOr 构造时缺少值", "statusor_without_value");
  }
  StatusOr(const T& value) : value_(value) {}        // NOLINT: implicit by design
  StatusOr(T&& value) : value_(std::move(value)) {}  // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok().
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T& value() & {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  template <typename U>
  T value_or(U&& fallback) const& {
    return ok() ? *value_ : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  Status status_;  // OK exactly when value_ holds a value.
  std::optional<T> value_;
};

}  // namespace sunlight

// Returns early with the status when `expr` (a Status) is not OK.
#define SUNLIGHT_RETURN_IF_ERROR(expr)                   \
  do {                                                   \
    ::sunlight::Status sunlight_status_ = (expr);        \
    if (!sunlight_status_.ok()) return sunlight_status_; \
  } while (0)

#define SUNLIGHT_CONCAT_INNER(a, b) a##b
#define SUNLIGHT_CONCAT(a, b) SUNLIGHT_CONCAT_INNER(a, b)

// `SUNLIGHT_ASSIGN_OR_RETURN(auto x, MakeX());` declares x from a StatusOr or returns its status.
#define SUNLIGHT_ASSIGN_OR_RETURN(lhs, expr) \
  SUNLIGHT_ASSIGN_OR_RETURN_IMPL(SUNLIGHT_CONCAT(sunlight_statusor_, __LINE__), lhs, expr)
#define SUNLIGHT_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()
