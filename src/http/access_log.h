// The request log: one line per request on standard error (or ServerOptions::log).
//
//   2024-05-01T08:00:00.123Z GET /api/v1/warnings/W123 200 3.2ms
//
// Deliberately left out: query strings (they carry search terms about people), headers
// (cookies, CSRF tokens), bodies, and the client address: the public portal takes reports from
// villagers, and a log must not undo a reporter's anonymity.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "http/server_options.h"

namespace sunlight::http {

// `path` must already be without its query string. Control characters and quotes become '?'
// and long paths are cut, so a client cannot forge or flood log lines.
std::string FormatAccessLogLine(std::string_view method, std::string_view path, int status,
                                std::chrono::steady_clock::duration duration);

// Sends a line to `sink`, or to standard error when the sink is unset. Thread-safe.
void WriteLogLine(const LogSink& sink, std::string_view line);

}  // namespace sunlight::http
