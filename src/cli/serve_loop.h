// Running the HTTP server in the foreground until SIGINT or SIGTERM, then stopping it
// gracefully. Shared by `sunlight serve` and `sunlight demo`.
#pragma once

#include <functional>
#include <string>

#include "access/access_service.h"
#include "http/router.h"
#include "http/server_options.h"
#include "store/database.h"

namespace sunlight::cli {

struct ServeSettings {
  std::string listen = "127.0.0.1:8080";
  std::string static_dir;        // empty: web/dist when it exists
  access::AccessOptions access;  // lockout, idle timeout (docs/access.md)
};

// Builds the route table over `db`, starts the server, prints the address (and calls
// `on_started`, e.g. to print demo accounts), waits for a signal, stops. Returns the exit code.
int ServeUntilSignal(store::Database& db, const ServeSettings& settings,
                     const std::function<void(const std::string& url)>& on_started = {});

}  // namespace sunlight::cli
