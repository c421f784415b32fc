// The HTTP test client of tests/http/, compiled into the API test support library too (the
// http layer's test binary has its own copy; the test CMake globs one folder per binary).
#include "http/test_client.cc"  // NOLINT(bugprone-suspicious-include)
