// A fresh database (both engines) with three commissions and a county project owner, the
// actors who work there, and helpers to make clues: the setting of the clue, transfer, case
// and D03 tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/date.h"
#include "store/connection.h"
#include "store/database.h"
#include "supervision/actor.h"
#include "supervision/clues.h"
#include "supervision/work_calendar.h"
#include "support/test_engines.h"

namespace sunlight::supervision {

inline Date Day(std::string_view text) { return *Date::Parse(text); }

class ClueEngineTest : public sunlight::testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    db_ = Open();
    ASSERT_NE(db_, nullptr);
    auto conn = db_->Connect();
    ASSERT_TRUE(conn.ok()) << conn.status();
    conn_ = std::move(*conn);
    const char* orgs[][4] = {
        {"4401-JW", "广州市纪委监委", "commission", "4401"},
        {"5205-JW", "毕节市纪委监委", "commission", "5205"},
        {"5202-JW", "六盘水市纪委监委", "commission", "5202"},
        {"520521-NY", "大方县农业农村局", "department", "520521"},
    };
    for (const auto& org : orgs) {
      ASSERT_TRUE(conn_
                      ->Execute("INSERT INTO organizations(org_id, name, kind, region_code, "
                                "batch_id) VALUES (?, ?, ?, ?, 0)",
                                {org[0], org[1], org[2], org[3]})
                      .ok());
    }
    auto cal = WorkCalendar::LoadDefault();
    ASSERT_TRUE(cal.ok()) << cal.status();
    calendar_ = *cal;
  }

  store::Connection& conn() { return *conn_; }

  NewClue Draft(std::string org = "4401-JW", std::string region = "440106") {
    NewClue c;
    c.channel = "petition";
    c.summary = "反映大方县某村干部截留产业扶贫资金";
    c.received_on = Day("2026-03-02");
    c.handling_org_id = std::move(org);
    c.region_code = std::move(region);
    c.persons.push_back({"王某", "", "大方县某村委会", "村主任", "县管干部"});
    c.informant_name = "李四";
    c.informant_contact = "13800000000";
    return c;
  }

  std::int64_t MakeClue(const NewClue& draft, const Actor& actor) {
    auto made = RegisterClue(conn(), actor, draft);
    EXPECT_TRUE(made.ok()) << made.status();
    return made.ok() ? made->id : 0;
  }

  std::string StateOf(std::string_view table, std::int64_t id) {
    auto rs = conn().Query("SELECT state FROM " + std::string(table) + " WHERE id = ?", {id});
    EXPECT_TRUE(rs.ok() && !rs->empty());
    return rs.ok() && !rs->empty() ? rs->at(0, 0).AsText() : "";
  }

  std::int64_t EventCount(std::string_view entity, std::int64_t id) {
    auto rs = conn().Query(
        "SELECT COUNT(*) FROM workflow_events WHERE entity = ? AND "
        "entity_id = ?",
        {entity, id});
    return rs.ok() ? rs->at(0, 0).AsInteger() : -1;
  }

  const Actor gz_{"gz_jw", "4401-JW", "4401"};
  const Actor bj_{"bj_jw", "5205-JW", "5205"};
  const Actor lps_{"lps_jw", "5202-JW", "5202"};
  WorkCalendar calendar_;

 private:
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::Connection> conn_;
};

}  // namespace sunlight::supervision
