// A plain HTTP/1.1 GET over loopback for tests of the running binary.
#pragma once

#include <string>

namespace sunlight::test_support {

// Returns the whole response (status line to body), or "" if the connection failed.
std::string HttpGet(int port, const std::string& path);

}  // namespace sunlight::test_support
