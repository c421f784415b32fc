// The registry of live connections; see connection_registry.h.
#include "http/connection_registry.h"

namespace sunlight::http {

std::optional<uint64_t> ConnectionRegistry::TryAdd(const std::shared_ptr<Connection>& connection) {
  std::lock_guard lock(mu_);
  if (live_.size() >= max_connections_) return std::nullopt;
  uint64_t id = next_id_++;
  live_.emplace(id, connection);
  return id;
}

void ConnectionRegistry::Remove(uint64_t id) {
  std::lock_guard lock(mu_);
  live_.erase(id);
  if (live_.empty()) empty_.notify_all();
}

std::vector<std::shared_ptr<Connection>> ConnectionRegistry::Snapshot() const {
  std::vector<std::shared_ptr<Connection>> connections;
  std::lock_guard lock(mu_);
  connections.reserve(live_.size());
  for (const auto& [id, weak] : live_) {
    if (auto connection = weak.lock()) connections.push_back(std::move(connection));
  }
  return connections;
}

bool ConnectionRegistry::WaitUntilEmpty(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mu_);
  return empty_.wait_for(lock, timeout, [this] { return live_.empty(); });
}

size_t ConnectionRegistry::size() const {
  std::lock_guard lock(mu_);
  return live_.size();
}

}  // namespace sunlight::http
