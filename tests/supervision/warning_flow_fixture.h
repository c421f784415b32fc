// Rows the warning-flow, problem, task and D02 tests need, written straight into a fresh
// database of either engine: organisations, users, warnings as a scan would store them.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>

#include "store/connection.h"
#include "store/database.h"
#include "store/timestamp.h"
#include "supervision/actor.h"

namespace sunlight::supervision::testing {

inline void AddOrg(store::Connection& conn, const std::string& org_id, const std::string& region) {
  ASSERT_TRUE(conn.Execute("INSERT INTO organizations(org_id, name, kind, region_code, batch_id) "
                           "VALUES (?, ?, 'bureau', ?, 1)",
                           {org_id, org_id + " 单位", region})
                  .ok());
}

inline void AddUser(store::Connection& conn, const std::string& login, const std::string& org_id) {
  const std::string now = store::TimestampNow();
  ASSERT_TRUE(conn.Execute("INSERT INTO users(login, display_name, role, org_id, password_hash, "
                           "created_at, updated_at) VALUES (?, ?, 'project_owner', ?, 'x', ?, ?)",
                           {login, login, org_id, now, now})
                  .ok());
}

// A warning as `sunlight scan` stores it (state 'new'); returns its id.
inline std::int64_t AddWarning(store::Connection& conn, const std::string& rule,
                               const std::string& subject_id, const std::string& region,
                               const std::string& evidence = R"({"payments":["P1"]})") {
  auto rs = conn.Query(
      "INSERT INTO warnings(rule, subject_type, subject_id, region_code, severity, amount_fen, "
      "evidence, params, as_of, state, created_at) VALUES (?, 'payment', ?, ?, 'high', 12300, ?, "
      "'{}', '2021-12-31', 'new', ?) RETURNING id",
      {rule, subject_id, region, evidence, store::TimestampNow()});
  EXPECT_TRUE(rs.ok()) << rs.status();
  return rs.ok() ? rs->at(0, 0).AsInteger() : 0;
}

// 大方县: the county of the demo; a commission in 毕节 and two county units.
inline void AddDafang(store::Connection& conn) {
  AddOrg(conn, "5205-JW", "520500");
  AddOrg(conn, "520521-NY", "520521");
  AddOrg(conn, "520521-SJ", "520521");
  AddUser(conn, "dafang_ny", "520521-NY");
  AddUser(conn, "sj_auditor", "520521-SJ");
}

inline Actor Commission() { return Actor{"bj_jw", "5205-JW", "520500"}; }
inline Actor Owner() { return Actor{"dafang_ny", "520521-NY", "520521"}; }
inline Actor Auditor() { return Actor{"sj_auditor", "520521-SJ", "520521"}; }

}  // namespace sunlight::supervision::testing
