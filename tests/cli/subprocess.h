// Runs the real `sunlight` binary in tests: fork/exec with stdout and stderr captured.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace sunlight::test_support {

struct RunResult {
  int exit_code = -1;  // or 128 + signal
  std::string out;
  std::string err;
};

// Runs `binary args…` to completion, with `input` on its standard input.
RunResult RunProcess(const std::vector<std::string>& argv, const std::string& input = {});

// A process left running (a server); reads its stdout line by line.
class Child {
 public:
  explicit Child(const std::vector<std::string>& argv);
  ~Child();  // kills it if still running
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Reads stdout until a line containing `needle` arrives (returns it) or `timeout_ms` passes
  // or the stream ends (returns empty).
  std::string WaitForLine(const std::string& needle, int timeout_ms);
  // Sends `signal` and waits for exit; returns the exit code (or 128 + signal).
  int Stop(int signal);

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::string buffer_;
};

}  // namespace sunlight::test_support
