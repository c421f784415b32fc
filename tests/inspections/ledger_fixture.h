// A small hand-made ledger for the inspection, archive and statistics tests: two paired
// commissions (广州 4401 helps 毕节 5205), a county bureau in 大方县 (520521), a Beijing org
// without a pairing, projects, a village, officials, households and kin, each row placed to
// make exactly one tie (see inspections_test.cc for which).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "store/connection.h"

namespace sunlight::testing {

inline void Exec(store::Connection& conn, const std::string& sql,
                 const std::vector<store::Value>& params = {}) {
  const Status s = conn.Execute(sql, params);
  ASSERT_TRUE(s.ok()) << sql << ": " << s;
}

inline void LoadInspectionLedger(store::Connection& conn) {
  for (const auto& [id, name, kind, region] :
       std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
           {"4401-JW", "广州市纪委监委", "commission", "4401"},
           {"5205-JW", "毕节市纪委监委", "commission", "5205"},
           {"520521-NY", "大方县农业农村局", "bureau", "520521"},
           {"110101-X", "东城区某局", "bureau", "110101"}}) {
    Exec(conn,
         "INSERT INTO organizations(org_id, name, kind, region_code, batch_id) "
         "VALUES (?, ?, ?, ?, 1)",
         {id, name, kind, region});
  }
  Exec(conn,
       "INSERT INTO pairings(pairing_id, helper_region_code, recipient_region_code, start_date, "
       "batch_id) VALUES ('GZ-BJ', '4401', '5205', '2021-01-01', 1)");
  Exec(conn,
       "INSERT INTO regions(code, name, level, parent_code) "
       "VALUES ('520521999998', '测试村', 5, NULL)");
  for (const auto& [id, name, region, owner] :
       std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
           {"PRJ1", "大方县产业路", "520521001001", "520521-NY"},
           {"PRJ2", "东城区项目", "110101001001", "110101-X"}}) {
    Exec(conn,
         "INSERT INTO projects(project_id, name, category, region_code, owner_org_id, program_id, "
         "budget, batch_id) VALUES (?, ?, 'infrastructure', ?, ?, 'FP01', 100000, 1)",
         {id, name, region, owner});
  }
  // ID1 worked at the 大方县 bureau.
  Exec(conn,
       "INSERT INTO officials(id_number, name, org_id, position, category, batch_id) "
       "VALUES ('ID1', '张一', '520521-NY', '科员', 'staff', 1)");
  // ID2 is registered in 测试村.
  Exec(conn,
       "INSERT INTO households(household_id, village_code, head_id_number, status, batch_id) "
       "VALUES ('H1', '520521999998', 'ID2', 'registered', 1)");
  Exec(conn,
       "INSERT INTO members(id_number, name, household_id, relation, batch_id) "
       "VALUES ('ID2', '李二', 'H1', '户主', 1)");
  // ID3's brother K3 is registered in PRJ1's village.
  Exec(conn,
       "INSERT INTO households(household_id, village_code, head_id_number, status, batch_id) "
       "VALUES ('H3', '520521001001', 'K3', 'registered', 1)");
  Exec(conn,
       "INSERT INTO members(id_number, name, household_id, relation, batch_id) "
       "VALUES ('K3', '王兄', 'H3', '户主', 1)");
  Exec(conn,
       "INSERT INTO kinship(id_number_a, id_number_b, relation, batch_id) "
       "VALUES ('K3', 'ID3', '兄弟', 1)");
  // ID4's spouse K4 holds a post at the 大方县 bureau.
  Exec(conn,
       "INSERT INTO kinship(id_number_a, id_number_b, relation, batch_id) "
       "VALUES ('ID4', 'K4', '配偶', 1)");
  Exec(conn,
       "INSERT INTO officials(id_number, name, org_id, position, category, batch_id) "
       "VALUES ('K4', '赵配', '520521-NY', '副局长', 'leader', 1)");
}

}  // namespace sunlight::testing
