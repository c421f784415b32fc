// The event log of workflow transitions (table workflow_events, append-only in the store):
// every state change of a warning, task, clue, transfer, case … records who, when, from which
// state, to which, and why (spec/workflows.md). Written inside the caller's transaction, so a
// transition and its event commit together or not at all.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/connection.h"
#include "supervision/actor.h"

namespace sunlight::supervision {

struct WorkflowEvent {
  std::int64_t id = 0;
  std::string entity;  // "warning", "task", "clue", "transfer", "case", …
  std::int64_t entity_id = 0;
  std::string from_state;  // "" for creation
  std::string to_state;
  std::string actor_login;
  std::string actor_org;
  std::string reason;
  std::string details;      // JSON text, "{}" when none
  std::string occurred_at;  // ISO 8601 UTC
};

// Appends one event. REQUIRES: called inside the transaction that changes the record.
Status RecordEvent(store::Connection& conn, std::string_view entity, std::int64_t entity_id,
                   std::string_view from_state, std::string_view to_state, const Actor& actor,
                   std::string_view reason, std::string_view details_json = "{}");

// The events of one record, oldest first.
StatusOr<std::vector<WorkflowEvent>> EventsOf(store::Connection& conn, std::string_view entity,
                                              std::int64_t entity_id);

}  // namespace sunlight::supervision
