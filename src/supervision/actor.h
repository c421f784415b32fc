// Who performs a workflow step, as supervision/ needs to know it. The HTTP layer builds it from
// the logged-in access::Principal (supervision/ sits below access/ in DESIGN.md and never sees
// sessions or roles); the CLI and the demo set-up build it for their own users.
#pragma once

#include <string>

namespace sunlight::supervision {

struct Actor {
  std::string login;        // users.login
  std::string org_id;       // the actor's organisation (organizations.org_id)
  std::string region_code;  // that organisation's region
};

}  // namespace sunlight::supervision
