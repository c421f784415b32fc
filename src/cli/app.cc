#include "cli/app.h"

#include <iostream>

namespace sunlight::cli {

int Main(int, char**) {
  std::cout << "sunlight\n";
  return kExitOk;
}

}  // namespace sunlight::cli
