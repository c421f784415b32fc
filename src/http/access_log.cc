// Formatting and writing of log lines.
#include "http/access_log.h"

#include <cstdio>
#include <ctime>

namespace sunlight::http {
namespace {

constexpr size_t kMaxLoggedPathBytes = 256;

void AppendSanitized(std::string& out, std::string_view text, size_t max_bytes) {
  size_t taken = 0;
  for (char c : text) {
    if (taken++ == max_bytes) {
      out += "...";
      return;
    }
    auto byte = static_cast<unsigned char>(c);
    out.push_back(byte < 0x20 || byte == 0x7f || c == '"' || c == ' ' ? '?' : c);
  }
}

std::string UtcTimestamp() {
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(millis.count()));
  return buffer;
}

}  // namespace

std::string FormatAccessLogLine(std::string_view method, std::string_view path, int status,
                                std::chrono::steady_clock::duration duration) {
  std::string line = UtcTimestamp();
  line += ' ';
  AppendSanitized(line, method.empty() ? "-" : method, 16);
  line += ' ';
  AppendSanitized(line, path.empty() ? "-" : path, kMaxLoggedPathBytes);
  char tail[48];
  double millis = std::chrono::duration<double, std::milli>(duration).count();
  std::snprintf(tail, sizeof(tail), " %d %.1fms", status, millis);
  line += tail;
  return line;
}

void WriteLogLine(const LogSink& sink, std::string_view line) {
  if (sink) {
    sink(line);
    return;
  }
  // One fwrite per line: stdio locks the stream per call, so lines from threads do not mix.
  std::string with_newline(line);
  with_newline += '\n';
  std::fwrite(with_newline.data(), 1, with_newline.size(), stderr);
}

}  // namespace sunlight::http
