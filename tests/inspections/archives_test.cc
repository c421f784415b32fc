#include "supervision/archives.h"

#include <gtest/gtest.h>

#include "inspections/ledger_fixture.h"
#include "store/database.h"
#include "support/test_engines.h"

namespace sunlight::supervision {
namespace {

using testing::EngineTest;
using testing::Exec;

const Actor kActor{"gz_tester", "4401-JW", "4401"};

class ArchivesTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    db_ = Open();
    ASSERT_NE(db_, nullptr);
    auto conn = db_->Connect();
    ASSERT_TRUE(conn.ok()) << conn.status();
    conn_ = std::move(*conn);
    testing::LoadInspectionLedger(*conn_);
    // C1: sent from 广州 to 毕节 twice; has an archive last updated 2025-01-01.
    // C2: dispatched, no archive yet.
    Exec(*conn_,
         "INSERT INTO dispatched_cadres(id_number, name, home_org_id, host_org_id, host_position, "
         "start_date, end_date, batch, batch_id) VALUES "
         "('C1', '陈派', '4401-JW', '5205-JW', '挂职副书记', '2021-03-01', '2023-03-01', '第一批', "
         "1), "
         "('C1', '陈派', '4401-JW', '520521-NY', '挂职副局长', '2024-03-01', NULL, '第二批', 1), "
         "('C2', '林派', '4401-JW', '5205-JW', NULL, '2025-03-01', NULL, NULL, 1)");
    Exec(*conn_,
         "INSERT INTO integrity_archives(id_number, created_date, last_updated, batch_id) "
         "VALUES ('C1', '2021-03-01', '2025-01-01', 1)");
  }

  std::string LastUpdated(const std::string& id) {
    auto rs = conn_->Query("SELECT last_updated FROM integrity_archives WHERE id_number = ?", {id});
    EXPECT_TRUE(rs.ok());
    return rs.ok() && !rs->empty() ? rs->at(0, 0).AsText() : "";
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::Connection> conn_;
};

TEST_P(ArchivesTest, EntriesMoveLastUpdatedForwardOnlyWhichIsWhatD01Reads) {
  auto id = AddArchiveEntry(*conn_, "C1",
                            {"declaration", "2026-03-01", "2025年度个人有关事项报告", ""}, kActor);
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_EQ(LastUpdated("C1"), "2026-03-01");
  ASSERT_TRUE(
      AddArchiveEntry(*conn_, "C1", {"evaluation", "2025-06-01", "年度考核", "称职"}, kActor).ok());
  EXPECT_EQ(LastUpdated("C1"), "2026-03-01") << "an older entry does not make it look newer";
  // A cadre without an archive gets one.
  ASSERT_TRUE(
      AddArchiveEntry(*conn_, "C2", {"posting", "2025-03-01", "派驻毕节", ""}, kActor).ok());
  EXPECT_EQ(LastUpdated("C2"), "2025-03-01");
  // The entry and its event commit together.
  auto events = conn_->Query(
      "SELECT COUNT(*) FROM workflow_events WHERE entity = 'archive_entry' AND entity_id = ?",
      {*id});
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events->at(0, 0).AsInteger(), 1);
}

TEST_P(ArchivesTest, RefusesBadEntries) {
  EXPECT_EQ(
      AddArchiveEntry(*conn_, "NOBODY", {"other", "2026-01-01", "x", ""}, kActor).status().reason(),
      "cadre_not_found");
  EXPECT_EQ(
      AddArchiveEntry(*conn_, "C1", {"gossip", "2026-01-01", "x", ""}, kActor).status().reason(),
      "unknown_entry_kind");
  EXPECT_EQ(
      AddArchiveEntry(*conn_, "C1", {"other", "2026-13-01", "x", ""}, kActor).status().reason(),
      "bad_date");
  EXPECT_EQ(LastUpdated("C1"), "2025-01-01");
}

TEST_P(ArchivesTest, ArchiveGathersPostingsTalksCluesAndWarnings) {
  ASSERT_TRUE(
      AddArchiveEntry(*conn_, "C1", {"declaration", "2026-03-01", "申报", ""}, kActor).ok());
  Exec(*conn_,
       "INSERT INTO case_outcomes(person_name, id_number, org_id, region_code, category, measure, "
       "form, decided_on, deciding_body, created_by, created_at) VALUES "
       "('陈派', 'C1', '5205-JW', '5205', 'organisational', '谈话提醒', 1, '2026-02-01', "
       "'毕节市纪委监委', 'x', '2026-02-01T00:00:00Z')");
  Exec(*conn_,
       "INSERT INTO clues(number, channel, summary, received_on, handling_org_id, region_code, "
       "state, created_by, created_at, updated_at) VALUES ('XS-1', 'petition', '反映陈派', "
       "'2026-01-15', '5205-JW', '5205', 'registered', 'x', '2026-01-15T00:00:00Z', "
       "'2026-01-15T00:00:00Z')");
  auto clue = conn_->Query("SELECT id FROM clues WHERE number = 'XS-1'");
  ASSERT_TRUE(clue.ok());
  Exec(*conn_,
       "INSERT INTO clue_persons(clue_id, seq, name, id_number, org_name, position, authority) "
       "VALUES (?, 1, '陈派', 'C1', '大方县农业农村局', '挂职副局长', '市管')",
       {clue->at(0, 0).AsInteger()});
  Exec(*conn_,
       "INSERT INTO warnings(rule, subject_type, subject_id, region_code, severity, amount_fen, "
       "evidence, params, as_of, state, created_at) VALUES ('D01', 'person', 'C1', '520521', "
       "'medium', 0, '{}', '{}', '2025-12-31', 'new', '2026-01-01T00:00:00Z')");

  auto archive = LoadArchive(*conn_, "C1");
  ASSERT_TRUE(archive.ok()) << archive.status();
  EXPECT_EQ(archive->name, "陈派");
  ASSERT_EQ(archive->postings.size(), 2u);
  EXPECT_EQ(archive->postings[0].start_date, "2024-03-01");  // latest first
  EXPECT_EQ(archive->postings[0].host_org_name, "大方县农业农村局");
  EXPECT_EQ(archive->last_updated, "2026-03-01");
  std::vector<std::string> kinds;
  for (const ArchiveEntry& e : archive->entries) kinds.push_back(e.source + ":" + e.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"entry:declaration", "outcome:talk", "clue:clue",
                                             "warning:warning"}));
  EXPECT_EQ((VisibleRegions(*archive)), (std::vector<std::string>{"4401", "520521", "5205"}));

  auto all = ListArchives(*conn_);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(EngineName(GetParam()).empty(), false);
  for (const ArchiveSummary& s : *all) {
    if (s.id_number == "C1") {
      EXPECT_EQ(s.latest.start_date, "2024-03-01");
      EXPECT_EQ(s.regions.size(), 3u);
    } else {
      EXPECT_EQ(s.id_number, "C2");
      EXPECT_EQ(s.last_updated, "");
    }
  }
  EXPECT_EQ(LoadArchive(*conn_, "NOBODY").status().reason(), "cadre_not_found");
}

INSTANTIATE_ENGINE_TEST_SUITE(ArchivesTest);

}  // namespace
}  // namespace sunlight::supervision
