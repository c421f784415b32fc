// Integrity archives (廉政档案, spec/workflows.md "Integrity archive"): one archive per
// dispatched cadre (一人一档), keyed by the cadre's ID number. An archive shows the postings
// (ledger dispatched_cadres), the entries kept here (declarations 个人有关事项, evaluations,
// postings, talks recorded by hand), and — read from their own tables, not copied — the
// outcomes naming the cadre (谈话提醒/诫勉 and others, case_outcomes.id_number), the clues
// naming them (clue_persons.id_number) and the warnings whose subject they are.
//
// Adding an entry moves the ledger's integrity_archives.last_updated forward to the entry's
// date (creating the row when the cadre had none), because rule D01 reads that column: an
// archive that is kept up to date no longer raises D01.
//
// Jurisdiction (前后方联动) is decided by the HTTP layer from VisibleRegions(): the regions of
// the home org and of every host org of the cadre's postings.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/connection.h"
#include "supervision/actor.h"

namespace sunlight::supervision {

struct Posting {
  std::string home_org_id;
  std::string home_org_name;
  std::string home_region;
  std::string host_org_id;
  std::string host_org_name;
  std::string host_region;
  std::string host_position;
  std::string start_date;
  std::string end_date;  // "" while in post
  std::string batch;     // 派驻批次
};

struct ArchiveEntry {
  std::int64_t id = 0;  // for source "entry"; else the id of the source row (0 if textual)
  std::string source;   // entry | outcome | clue | warning
  std::string kind;     // posting|declaration|talk|evaluation|other, outcome, clue, warning
  std::string entry_on;
  std::string title;
  std::string content;
  std::string created_by;  // for source "entry"
};

struct Archive {
  std::string id_number;
  std::string name;
  std::vector<Posting> postings;  // latest first
  std::string created_date;       // integrity_archives; "" when the cadre has no archive yet
  std::string last_updated;
  std::vector<ArchiveEntry> entries;  // by date, latest first
};

// "个人有关事项报告" for "declaration"; "" for an unknown kind.
std::string_view ArchiveEntryKindLabel(std::string_view kind);

// NotFound "cadre_not_found" when the ID number is no dispatched cadre.
StatusOr<Archive> LoadArchive(store::Connection& conn, const std::string& id_number);

// The regions from which the archive is visible: home and host orgs' regions.
std::vector<std::string> VisibleRegions(const Archive& archive);

struct ArchiveSummary {
  std::string id_number;
  std::string name;
  Posting latest;                    // the latest posting
  std::vector<std::string> regions;  // VisibleRegions over every posting
  std::string last_updated;          // "" when no archive
};

// Every dispatched cadre, by name then ID number.
StatusOr<std::vector<ArchiveSummary>> ListArchives(store::Connection& conn);

struct EntryDraft {
  std::string kind;      // posting|declaration|talk|evaluation|other
  std::string entry_on;  // YYYY-MM-DD
  std::string title;
  std::string content;
};

// Adds an entry and moves integrity_archives.last_updated forward, in one transaction with a
// workflow event (entity "archive_entry"). Returns the entry id.
StatusOr<std::int64_t> AddArchiveEntry(store::Connection& conn, const std::string& id_number,
                                       const EntryDraft& entry, const Actor& actor);

}  // namespace sunlight::supervision
