#include "cli/not_yet_available.h"

#include <iostream>

#include "cli/app.h"

namespace sunlight::cli {

int NotYetAvailable(std::string_view name, std::string_view what) {
  std::cerr << "「sunlight " << name << "」尚未提供：" << what
            << "将在后续版本中实现。(not yet available)\n";
  return kExitFailure;
}

}  // namespace sunlight::cli
