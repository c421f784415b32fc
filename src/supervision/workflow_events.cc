#include "supervision/workflow_events.h"

#include "store/timestamp.h"

namespace sunlight::supervision {

Status RecordEvent(store::Connection& conn, std::string_view entity, std::int64_t entity_id,
                   std::string_view from_state, std::string_view to_state, const Actor& actor,
                   std::string_view reason, std::string_view details_json) {
  return conn.Execute(
      "INSERT INTO workflow_events(entity, entity_id, from_state, to_state, actor_login, "
      "actor_org, reason, details, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {std::string(entity), entity_id, std::string(from_state), std::string(to_state), actor.login,
       actor.org_id, std::string(reason), std::string(details_json), store::TimestampNow()});
}

StatusOr<std::vector<WorkflowEvent>> EventsOf(store::Connection& conn, std::string_view entity,
                                              std::int64_t entity_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT id, entity, entity_id, from_state, to_state, actor_login, actor_org, "
                 "reason, details, occurred_at FROM workflow_events "
                 "WHERE entity = ? AND entity_id = ? ORDER BY id",
                 {std::string(entity), entity_id}));
  std::vector<WorkflowEvent> events;
  for (size_t i = 0; i < rs.size(); ++i) {
    const auto& row = rs.row(i);
    WorkflowEvent e;
    e.id = row[0].AsInteger();
    e.entity = row[1].AsText();
    e.entity_id = row[2].AsInteger();
    e.from_state = row[3].AsText();
    e.to_state = row[4].AsText();
    e.actor_login = row[5].AsText();
    e.actor_org = row[6].AsText();
    e.reason = row[7].AsText();
    e.details = row[8].AsText();
    e.occurred_at = row[9].AsText();
    events.push_back(std::move(e));
  }
  return events;
}

}  // namespace sunlight::supervision
