// What every workflow route (warnings' life cycle, problems, tasks, clues, transfers, cases,
// inspections, letters, archives) shares: the session-and-connection frame, the Actor of a
// request, the duty check, and the 409 for a wrong transition with the allowed next states in
// details.allowed (spec/workflows.md: "refused (HTTP 409 with the allowed next states)").
//
//   return WithSession(ctx, request, [&](const access::Principal& who, store::Connection& conn) {
//     if (Status s = RequireDuty(who, access::Duty::kTransfers); !s.ok()) return ErrorResponse(s);
//     …
//   });
//   Status moved = machine.Check(current, "acknowledged");
//   if (!moved.ok()) return TransitionErrorResponse(moved, machine, current);
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "access/principal.h"
#include "access/roles.h"
#include "core/status.h"
#include "http/api/api_context.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "store/connection.h"
#include "supervision/actor.h"
#include "supervision/state_machine.h"

namespace sunlight::http {

// The work of an authenticated route: who asks, over one store connection.
using SessionWork = std::function<Response(const access::Principal& who, store::Connection& conn)>;

// The one frame of the authenticated API routes: the session (401 "unauthenticated"; 403
// "csrf" or "password_change_required" as ctx.authenticate decides), one store connection,
// then `work`, whose response is the answer. Route families wrap it only with what they add.
Response WithSession(const ApiContext& ctx, const Request& request, const SessionWork& work);

// The positive integer `text` spells in decimal digits (at most 18, so it fits an int64), or
// nullopt: no sign, space or other character.
std::optional<std::int64_t> ParseRecordId(std::string_view text);

// The {id} route parameter as a record id; NotFound (`message`, `reason`) for any text that is
// not one: an id that cannot exist names a record that does not exist.
StatusOr<std::int64_t> RecordIdParam(const Request& request, std::string_view message,
                                     std::string_view reason);

// The error response for a failed Status; an InvalidArgument whose reason is
// "invalid_<param>" carries details {"parameter": "<param>"} so a form can mark the field.
Response ParameterErrorResponse(const Status& status);

// The supervision Actor of a logged-in principal.
supervision::Actor ActorOf(const access::Principal& who);

// PermissionDenied (reason "duty_not_allowed", message naming the role) unless the principal's
// role has `duty` (access/roles.h).
Status RequireDuty(const access::Principal& who, access::Duty duty);

// The error response for a failed transition: for reason "wrong_state", details are
// {"state": current, "allowed": [next states]}; any other Status as ErrorResponse gives it.
Response TransitionErrorResponse(const Status& status, const supervision::StateMachine& machine,
                                 std::string_view current_state);

// A route's work with the context it was registered with.
using RouteWork = std::function<Response(const ApiContext& ctx, const access::Principal& who,
                                         const Request& request, store::Connection& conn)>;

// The router handler that answers with `work` inside WithSession:
//   router.Get("/api/v1/clues", SessionRoute(ctx, ListClues));
Router::Handler SessionRoute(const ApiContext& ctx, RouteWork work);

// One step of a workflow as a POST route: its path, its audit action, and the function that
// takes the step (`Fn`, the family's own step signature).
template <typename Fn>
struct StepRoute {
  const char* path;
  const char* action;
  Fn step;
};

// Registers each step as POST `path`, answered inside WithSession by
// run(ctx, who, request, conn, action, step): the family's frame (duty, load, ownership check,
// audit, 409) around the step.
//
//   RegisterSteps<ClueStep>(router, ctx, StepClue, {{"/api/v1/clues/{id}/propose", "clue.propose",
//                                                    ProposeStep}, …});
template <typename Fn, typename Run>
void RegisterSteps(Router& router, const ApiContext& ctx, Run run,
                   std::initializer_list<StepRoute<Fn>> steps) {
  for (const StepRoute<Fn>& s : steps) {
    router.Post(s.path, SessionRoute(ctx, [run, action = std::string(s.action), step = s.step](
                                              const ApiContext& ctx, const access::Principal& who,
                                              const Request& request, store::Connection& conn) {
                  return run(ctx, who, request, conn, action, step);
                }));
  }
}

}  // namespace sunlight::http
