// ConnectionRegistry: the live connections of one server. It enforces
// ServerOptions::max_connections and lets Server::Stop() reach every connection and wait
// until the last one is gone.
//
// Shared between threads: the acceptor adds, each connection removes itself from its
// destructor (on whichever io thread drops the last reference), and Stop() takes snapshots
// and waits. `mu_` guards every member.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

namespace sunlight::http {

class Connection;

class ConnectionRegistry {
 public:
  explicit ConnectionRegistry(size_t max_connections) : max_connections_(max_connections) {}

  // Registers a connection and returns its id, or nullopt when the server is full.
  std::optional<uint64_t> TryAdd(const std::shared_ptr<Connection>& connection);
  void Remove(uint64_t id);

  // The connections still alive.
  std::vector<std::shared_ptr<Connection>> Snapshot() const;
  // Waits until no connection is left; false on timeout.
  bool WaitUntilEmpty(std::chrono::milliseconds timeout) const;
  size_t size() const;

 private:
  const size_t max_connections_;
  mutable std::mutex mu_;
  mutable std::condition_variable empty_;  // notified when live_ becomes empty
  uint64_t next_id_ = 1;                   // guarded by mu_
  std::unordered_map<uint64_t, std::weak_ptr<Connection>> live_;  // guarded by mu_
};

}  // namespace sunlight::http
