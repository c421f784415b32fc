// Whether a person is watching: progress and hints go to a terminal, never into pipes or logs.
#pragma once

namespace sunlight::cli {

bool StdoutIsTerminal();
bool StderrIsTerminal();

}  // namespace sunlight::cli
