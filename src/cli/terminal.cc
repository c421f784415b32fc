#include "cli/terminal.h"

#include <unistd.h>

namespace sunlight::cli {

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }
bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

}  // namespace sunlight::cli
