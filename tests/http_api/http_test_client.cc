// The HTTP test client of tests/http/, compiled into this test binary too (the test CMake
// globs one folder per binary).
#include "http/test_client.cc"  // NOLINT(bugprone-suspicious-include)
