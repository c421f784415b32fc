// PostgresServer: a real PostgreSQL server for the tests of one test process.
//
// Started on first use: a data directory copied from a template cluster
// (initdb'd once per machine and PostgreSQL version, under a file lock, since
// ctest runs every test as its own process and initdb takes seconds), a free
// loopback port, the unix socket in the server's own temporary directory,
// fsync off. Stopped, and its directory removed, when the process exits.
// As root it runs as the `postgres` system user (the server refuses root).
//
// If the server cannot start, Get() returns the error with the server's log,
// every time it is called: tests that need PostgreSQL fail, never skip.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(PostgresServer * server, PostgresServer::Get());
//   SUNLIGHT_ASSIGN_OR_RETURN(std::string url, server->CreateDatabase());
//   // "postgresql://postgres@127.0.0.1:54xxx/t_1234_1"
//
// Environment: SUNLIGHT_PG_BIN overrides the binaries' directory
// (default /usr/lib/postgresql/15/bin).
#pragma once

#include <sys/types.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "core/status.h"

namespace sunlight::testing {

class PostgresServer {
 public:
  static StatusOr<PostgresServer*> Get();

  // A server of the caller's own on a copy of `cluster`, a data directory that Save wrote (e.g. a
  // cluster holding a prepared test database, cached across test processes).
  static StatusOr<std::unique_ptr<PostgresServer>> StartCopyOf(
      const std::filesystem::path& cluster);
  // A server of the caller's own on a copy of the empty template cluster.
  static StatusOr<std::unique_ptr<PostgresServer>> StartFresh();

  // Shuts the server down cleanly (every change on disk) and copies its data directory to
  // `target`, for StartCopyOf. The server is stopped afterwards.
  Status StopAndSave(const std::filesystem::path& target);

  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  int port() const { return port_; }
  // The URL of database `name` on this server.
  std::string Url(const std::string& name) const;
  // Creates a new, empty database and returns its URL.
  StatusOr<std::string> CreateDatabase();
  // Runs one SQL command as the superuser in database `name` (for set-up that
  // needs rights the application role should not have).
  Status RunAsSuperuser(const std::string& name, const std::string& sql);
  const std::filesystem::path& bin_dir() const { return bin_dir_; }

 private:
  PostgresServer() = default;
  // Starts on a copy of `cluster`; empty: the machine's template cluster.
  Status Start(std::filesystem::path cluster = {});
  void Stop();

  std::filesystem::path bin_dir_;
  std::filesystem::path dir_;  // the temporary directory: data/, the socket, server.log
  int port_ = 0;
  pid_t pid_ = 0;
  pid_t owner_pid_ = 0;  // only the process that started the server stops it
  std::atomic<int> next_database_{0};
};

}  // namespace sunlight::testing
