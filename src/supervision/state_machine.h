// A workflow's states and allowed transitions (spec/workflows.md), as one table per record
// type, so that a wrong transition is refused the same way everywhere: FailedPrecondition
// (HTTP 409), reason "wrong_state", a Chinese message naming the current state and the
// allowed next ones, which the API also returns as details.allowed (http/api/workflow_http.h).
//
//   const StateMachine& m = TransferMachine();
//   SUNLIGHT_RETURN_IF_ERROR(m.Check(current, "acknowledged"));
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sunlight::supervision {

struct StateInfo {
  std::string_view name;   // stable API value: "acknowledged"
  std::string_view label;  // what the UI shows: "已签收"
};

struct Transition {
  std::string_view from;
  std::string_view to;
};

class StateMachine {
 public:
  StateMachine(std::string_view entity, std::vector<StateInfo> states,
               std::vector<Transition> transitions)
      : entity_(entity), states_(std::move(states)), transitions_(std::move(transitions)) {}

  // "transfer": the entity name used in workflow_events and audit targets.
  std::string_view entity() const { return entity_; }
  const std::vector<StateInfo>& states() const { return states_; }

  bool IsState(std::string_view state) const;
  // The Chinese label of `state`, or `state` itself if unknown.
  std::string_view Label(std::string_view state) const;
  // The states reachable from `from` in one step, in table order.
  std::vector<std::string_view> AllowedNext(std::string_view from) const;
  // OK if from → to is in the table; otherwise FailedPrecondition "wrong_state" (or
  // InvalidArgument "unknown_state" when `to` is no state of this machine).
  Status Check(std::string_view from, std::string_view to) const;

 private:
  std::string_view entity_;
  std::vector<StateInfo> states_;
  std::vector<Transition> transitions_;
};

}  // namespace sunlight::supervision
