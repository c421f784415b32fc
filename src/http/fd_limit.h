// Raising the open-file limit for a server that holds many connections.
//
// Each keep-alive connection is a file descriptor, and browsers keep up to six per user open
// for the 75 s idle timeout. The usual default soft limit (1024) would make accept() fail with
// EMFILE somewhere past a thousand connections, well below ServerOptions::max_connections,
// while the hard limit set by the administrator is usually far higher. A process may raise
// its own soft limit up to the hard limit without privileges, so the server does that.
#pragma once

#include <cstdint>

#include "core/status.h"

namespace sunlight::http {

// Raises RLIMIT_NOFILE's soft limit to its hard limit; returns the soft limit in force after.
StatusOr<uint64_t> RaiseOpenFileLimit();

}  // namespace sunlight::http
