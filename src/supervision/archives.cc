#include "supervision/archives.h"

#include <algorithm>
#include <map>

#include "core/date.h"
#include "store/result_set.h"
#include "store/timestamp.h"
#include "store/transaction.h"
#include "supervision/workflow_events.h"

namespace sunlight::supervision {
namespace {

struct KindInfo {
  std::string_view name;
  std::string_view label;
};

constexpr KindInfo kEntryKinds[] = {
    {"posting", "派驻任职"}, {"declaration", "个人有关事项报告"},
    {"talk", "谈话提醒"},    {"evaluation", "考核评价"},
    {"other", "其他"},
};

constexpr std::string_view kPostingSelect =
    "SELECT d.id_number, d.name, d.home_org_id, COALESCE(ho.name, ''), COALESCE(ho.region_code, "
    "''), "
    "d.host_org_id, COALESCE(so.name, ''), COALESCE(so.region_code, ''), "
    "COALESCE(d.host_position, ''), d.start_date, COALESCE(d.end_date, ''), COALESCE(d.batch, '') "
    "FROM dispatched_cadres d "
    "LEFT JOIN organizations ho ON ho.org_id = d.home_org_id "
    "LEFT JOIN organizations so ON so.org_id = d.host_org_id ";

Posting PostingOf(store::Row row) {
  return {row[2].AsText(), row[3].AsText(), row[4].AsText(), row[5].AsText(),  row[6].AsText(),
          row[7].AsText(), row[8].AsText(), row[9].AsText(), row[10].AsText(), row[11].AsText()};
}

void AddRegions(const Posting& p, std::vector<std::string>& regions) {
  for (const std::string& r : {p.home_region, p.host_region}) {
    if (!r.empty() && std::find(regions.begin(), regions.end(), r) == regions.end()) {
      regions.push_back(r);
    }
  }
}

}  // namespace

std::string_view ArchiveEntryKindLabel(std::string_view kind) {
  for (const KindInfo& k : kEntryKinds) {
    if (k.name == kind) return k.label;
  }
  return "";
}

StatusOr<Archive> LoadArchive(store::Connection& conn, const std::string& id_number) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query(std::string(kPostingSelect) + "WHERE d.id_number = ? ORDER BY d.start_date DESC",
                 {id_number}));
  if (rs.empty()) return NotFoundError("该身份证号不是派驻干部", "cadre_not_found");
  Archive archive;
  archive.id_number = id_number;
  archive.name = rs.at(0, 1).AsText();
  for (store::Row row : rs) archive.postings.push_back(PostingOf(row));

  SUNLIGHT_ASSIGN_OR_RETURN(
      rs,
      conn.Query("SELECT created_date, last_updated FROM integrity_archives WHERE id_number = ?",
                 {id_number}));
  if (!rs.empty()) {
    archive.created_date = rs.at(0, 0).AsText();
    archive.last_updated = rs.at(0, 1).AsText();
  }

  SUNLIGHT_ASSIGN_OR_RETURN(rs, conn.Query("SELECT id, kind, entry_on, title, content, created_by "
                                           "FROM integrity_archive_entries WHERE id_number = ?",
                                           {id_number}));
  for (store::Row row : rs) {
    archive.entries.push_back({row[0].AsInteger(), "entry", row[1].AsText(), row[2].AsText(),
                               row[3].AsText(), row[4].AsText(), row[5].AsText()});
  }
  // Talks, reminders and other outcomes naming the cadre.
  SUNLIGHT_ASSIGN_OR_RETURN(
      rs, conn.Query("SELECT id, measure, decided_on, deciding_body, category FROM case_outcomes "
                     "WHERE id_number = ?",
                     {id_number}));
  for (store::Row row : rs) {
    const std::string measure = row[1].AsText();
    const bool talk = measure == "谈话提醒" || measure == "诫勉" || measure == "批评教育";
    archive.entries.push_back({row[0].AsInteger(), "outcome", talk ? "talk" : "outcome",
                               row[2].AsText(), measure, row[3].AsText(), ""});
  }
  // Clues naming the cadre (被反映人).
  SUNLIGHT_ASSIGN_OR_RETURN(
      rs, conn.Query("SELECT DISTINCT c.id, c.number, c.received_on, c.summary FROM clue_persons p "
                     "JOIN clues c ON c.id = p.clue_id WHERE p.id_number = ?",
                     {id_number}));
  for (store::Row row : rs) {
    archive.entries.push_back({row[0].AsInteger(), "clue", "clue", row[2].AsText(),
                               "问题线索 " + row[1].AsText(), row[3].AsText(), ""});
  }
  // Warnings whose subject is the cadre (e.g. D01 itself, or person rules).
  SUNLIGHT_ASSIGN_OR_RETURN(
      rs,
      conn.Query("SELECT id, rule, as_of, state FROM warnings WHERE subject_id = ?", {id_number}));
  for (store::Row row : rs) {
    archive.entries.push_back({row[0].AsInteger(), "warning", "warning", row[2].AsText(),
                               "预警 " + row[1].AsText(), row[3].AsText(), ""});
  }
  std::stable_sort(archive.entries.begin(), archive.entries.end(),
                   [](const ArchiveEntry& a, const ArchiveEntry& b) {
                     if (a.entry_on != b.entry_on) return a.entry_on > b.entry_on;
                     if (a.source != b.source) return a.source < b.source;
                     return a.id > b.id;
                   });
  return archive;
}

std::vector<std::string> VisibleRegions(const Archive& archive) {
  std::vector<std::string> regions;
  for (const Posting& p : archive.postings) AddRegions(p, regions);
  return regions;
}

StatusOr<std::vector<ArchiveSummary>> ListArchives(store::Connection& conn) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query(std::string(kPostingSelect) + "ORDER BY d.name, d.id_number, d.start_date DESC"));
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet archives,
                            conn.Query("SELECT id_number, last_updated FROM integrity_archives"));
  std::map<std::string, std::string> updated;
  for (store::Row row : archives) updated[row[0].AsText()] = row[1].AsText();
  std::vector<ArchiveSummary> out;
  for (store::Row row : rs) {
    const std::string id = row[0].AsText();
    if (out.empty() || out.back().id_number != id) {
      ArchiveSummary s;
      s.id_number = id;
      s.name = row[1].AsText();
      s.latest = PostingOf(row);  // rows of one cadre come latest first
      auto it = updated.find(id);
      if (it != updated.end()) s.last_updated = it->second;
      out.push_back(std::move(s));
    }
    AddRegions(PostingOf(row), out.back().regions);
  }
  return out;
}

StatusOr<std::int64_t> AddArchiveEntry(store::Connection& conn, const std::string& id_number,
                                       const EntryDraft& entry, const Actor& actor) {
  if (ArchiveEntryKindLabel(entry.kind).empty()) {
    return InvalidArgumentError("档案条目类型“" + entry.kind +
                                    "”无效（应为 posting、declaration、talk、evaluation 或 other）",
                                "unknown_entry_kind");
  }
  if (entry.entry_on.size() != 10 || !Date::Parse(entry.entry_on).ok()) {
    return InvalidArgumentError("entry_on 应为 YYYY-MM-DD 格式的日期", "bad_date");
  }
  if (entry.title.empty()) return InvalidArgumentError("请填写档案条目标题", "title_required");
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet cadre,
      conn.Query("SELECT COUNT(*) FROM dispatched_cadres WHERE id_number = ?", {id_number}));
  if (cadre.at(0, 0).AsInteger() == 0) {
    return NotFoundError("该身份证号不是派驻干部", "cadre_not_found");
  }
  const std::string now = store::TimestampNow();
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet inserted,
      conn.Query(
          "INSERT INTO integrity_archive_entries(id_number, kind, entry_on, title, content, "
          "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {id_number, entry.kind, entry.entry_on, entry.title, entry.content, actor.login, now}));
  const std::int64_t id = inserted.at(0, 0).AsInteger();
  // D01 reads last_updated: move it forward (never back), or open the archive.
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet existing,
      conn.Query("SELECT last_updated FROM integrity_archives WHERE id_number = ?", {id_number}));
  if (existing.empty()) {
    // batch_id 0: the row was made by the application, not by an import batch.
    SUNLIGHT_RETURN_IF_ERROR(conn.Execute(
        "INSERT INTO integrity_archives(id_number, created_date, last_updated, batch_id) "
        "VALUES (?, ?, ?, 0)",
        {id_number, entry.entry_on, entry.entry_on}));
  } else if (existing.at(0, 0).AsText() < entry.entry_on) {
    SUNLIGHT_RETURN_IF_ERROR(
        conn.Execute("UPDATE integrity_archives SET last_updated = ? WHERE id_number = ?",
                     {entry.entry_on, id_number}));
  }
  SUNLIGHT_RETURN_IF_ERROR(RecordEvent(conn, "archive_entry", id, "", "recorded", actor,
                                       std::string(ArchiveEntryKindLabel(entry.kind)), "{}"));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return id;
}

}  // namespace sunlight::supervision
