#include "core/status.h"

namespace sunlight {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kAlreadyExists: return "already_exists";
    case StatusCode::kPermissionDenied: return "permission_denied";
    case StatusCode::kUnauthenticated: return "unauthenticated";
    case StatusCode::kFailedPrecondition: return "failed_precondition";
    case StatusCode::kAborted: return "aborted";
    case StatusCode::kOutOfRange: return "out_of_range";
    case StatusCode::kResourceExhausted: return "resource_exhausted";
    case StatusCode::kDeadlineExceeded: return "deadline_exceeded";
    case StatusCode::kUnimplemented: return "unimplemented";
    case StatusCode::kUnavailable: return "unavailable";
    case StatusCode::kDataLoss: return "data_loss";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

Status::Status(StatusCode code, std::string message, std::string reason)
    : code_(code), message_(std::move(message)), reason_(std::move(reason)) {
  if (code_ == StatusCode::kOk) {
    message_.clear();
    reason_.clear();
  }
}

std::string_view Status::reason() const {
  return reason_.empty() ? StatusCodeName(code_) : std::string_view(reason_);
}

Status Status::WithPrefix(std::string_view prefix) const {
  if (ok()) return *this;
  std::string message(prefix);
  message += ": ";
  message += message_;
  return Status(code_, std::move(message), reason_);
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out(StatusCodeName(code_));
  if (!reason_.empty()) {
    out += '(';
    out += reason_;
    out += ')';
  }
  out += ": ";
  out += message_;
  return out;
}

std::ostream& operator<<(std::ostream& os, const Status& s) { return os << s.ToString(); }

#define SUNLIGHT_DEFINE_ERROR(Name, Code)                       \
  Status Name(std::string message, std::string reason) {        \
    return Status(StatusCode::Code, std::move(message), std::move(reason)); \
  }
SUNLIGHT_DEFINE_ERROR(InvalidArgumentError, kInvalidArgument)
SUNLIGHT_DEFINE_ERROR(NotFoundError, kNotFound)
SUNLIGHT_DEFINE_ERROR(AlreadyExistsError, kAlreadyExists)
SUNLIGHT_DEFINE_ERROR(PermissionDeniedError, kPermissionDenied)
SUNLIGHT_DEFINE_ERROR(UnauthenticatedError, kUnauthenticated)
SUNLIGHT_DEFINE_ERROR(FailedPreconditionError, kFailedPrecondition)
SUNLIGHT_DEFINE_ERROR(AbortedError, kAborted)
SUNLIGHT_DEFINE_ERROR(OutOfRangeError, kOutOfRange)
SUNLIGHT_DEFINE_ERROR(ResourceExhaustedError, kResourceExhausted)
SUNLIGHT_DEFINE_ERROR(DeadlineExceededError, kDeadlineExceeded)
SUNLIGHT_DEFINE_ERROR(UnimplementedError, kUnimplemented)
SUNLIGHT_DEFINE_ERROR(UnavailableError, kUnavailable)
SUNLIGHT_DEFINE_ERROR(DataLossError, kDataLoss)
SUNLIGHT_DEFINE_ERROR(InternalError, kInternal)
#undef SUNLIGHT_DEFINE_ERROR

}  // namespace sunlight
