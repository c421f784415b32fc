// ImportError formatting and the capped ErrorList.
#include "ledger/import/import_error.h"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace sunlight::ledger {

std::string ImportError::ToString() const {
  return file + ":" + std::to_string(row) + ":" + column + ": " + message + " (" + code + ")";
}

void ErrorList::Add(ImportError error) {
  ++total_;
  if (kept_.size() < kMaxErrors) kept_.push_back(std::move(error));
}

void ErrorList::SortByFile(const std::vector<std::string>& files) {
  auto position = [&files](const ImportError& error) -> std::ptrdiff_t {
    auto found = std::find(files.begin(), files.end(), error.file);
    return found == files.end() ? -1 : found - files.begin();
  };
  std::stable_sort(kept_.begin(), kept_.end(), [&](const ImportError& a, const ImportError& b) {
    return position(a) < position(b);
  });
}

}  // namespace sunlight::ledger
