// What every workflow route (warnings' life cycle, problems, tasks, clues, transfers, cases,
// inspections, letters, archives) shares: the Actor of a request, the duty check, and the 409
// for a wrong transition with the allowed next states in details.allowed
// (spec/workflows.md: "refused (HTTP 409 with the allowed next states)").
//
//   if (Status s = RequireDuty(who, access::Duty::kTransfers); !s.ok()) return ErrorResponse(s);
//   Status moved = machine.Check(current, "acknowledged");
//   if (!moved.ok()) return TransitionErrorResponse(moved, machine, current);
#pragma once

#include <string_view>

#include "access/principal.h"
#include "access/roles.h"
#include "core/status.h"
#include "http/response.h"
#include "supervision/actor.h"
#include "supervision/state_machine.h"

namespace sunlight::http {

// The supervision Actor of a logged-in principal.
supervision::Actor ActorOf(const access::Principal& who);

// PermissionDenied (reason "duty_not_allowed", message naming the role) unless the principal's
// role has `duty` (access/roles.h).
Status RequireDuty(const access::Principal& who, access::Duty duty);

// The error response for a failed transition: for reason "wrong_state", details are
// {"state": current, "allowed": [next states]}; any other Status as ErrorResponse gives it.
Response TransitionErrorResponse(const Status& status, const supervision::StateMachine& machine,
                                 std::string_view current_state);

}  // namespace sunlight::http
