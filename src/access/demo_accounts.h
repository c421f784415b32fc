// The demo accounts `sunlight demo` creates (interfaces.md "Demo accounts"), over the org ids
// of the demo generator (tools/demo_data): one per administrator duty, both paired
// commissions, a county project owner and an auditor — all with kDemoPassword, not temporary,
// so the web app's browser tests can log in. Also shares Bijie's region with Guangzhou's
// commission (the pairing GZ-BJ), so the helper side sees the recipient's ledger.
#pragma once

#include <string_view>
#include <vector>

#include "access/password.h"
#include "access/principal.h"
#include "core/status.h"
#include "store/database.h"

namespace sunlight::access {

inline constexpr std::string_view kDemoPassword = "Sunlight-Demo-2026";

struct DemoAccount {
  std::string_view login;
  std::string_view display_name;
  Role role;
  std::string_view org_id;
  std::string_view what;  // printed at start, in Chinese
};

const std::vector<DemoAccount>& DemoAccounts();

// Creates the accounts that do not exist yet (a second run keeps the first run's), and the
// share; audited as done by "demo". Returns how many accounts were created.
StatusOr<int> EnsureDemoAccounts(store::Database& db, const Argon2Params& params = {});

}  // namespace sunlight::access
