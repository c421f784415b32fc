// ImportError formatting and the capped ErrorList.
#include "ledger/import/import_error.h"

#include <utility>

namespace sunlight::ledger {

std::string ImportError::ToString() const {
  return file + ":" + std::to_string(row) + ":" + column + ": " + message + " (" + code + ")";
}

void ErrorList::Add(ImportError error) {
  ++total_;
  if (kept_.size() < kMaxErrors) kept_.push_back(std::move(error));
}

}  // namespace sunlight::ledger
