// Public reports (信访举报, spec/workflows.md "Public side"): sent without login, anonymous or
// real-name, answered by the commission whose jurisdiction holds the reported region.
//
// States (stable API values; the reporter sees the label and, once replied, the reply):
//   received 已收到 → accepted 已受理 | rejected 不予受理 (with the reply saying why)
//   accepted → clue 已转线索办理 (registered as a clue, channel petition) | concluded 已办结
//   clue → concluded;  concluded → replied 已答复 (the result, sent to the reporter)
// Deadlines in working days (the WorkCalendar of supervision/work_calendar.h through
// AddWorkingDays): acceptance_due = received_on + 15; result_due = concluded_on + 15.
//
// Repeat reports (重复举报) are linked, never merged or dropped: a new report about the same
// region whose reported person matches an earlier one (normalised name), or whose text is
// alike (TextSimilarity ≥ kRepeatSimilarity), gets repeat_of = that earlier report's root.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "store/connection.h"
#include "supervision/actor.h"
#include "supervision/clues.h"
#include "supervision/state_machine.h"

namespace sunlight::supervision::public_side {

// The n-th working day after a date (WorkCalendar::AddWorkingDays, bound by the caller).
using AddWorkingDaysFn = std::function<Date(Date from, int n)>;

// Monday–Friday only, for callers without a calendar (a fallback, not the official count).
Date AddWeekdays(Date from, int n);

inline constexpr int kAnswerWorkingDays = 15;
inline constexpr size_t kMaxContentBytes = 20000;
inline constexpr size_t kMaxAttachments = 5;
inline constexpr size_t kMaxAttachmentBytes = 2 * 1024 * 1024;

const StateMachine& PublicReportMachine();

struct ReportAttachment {
  std::string file_name;
  std::string content_type;
  std::string content;  // raw bytes
};

struct NewReport {
  std::string region_code;    // the region the matter is in (usually a village); must exist
  std::string reported_name;  // 被反映人 (may be empty: a matter, not a person)
  std::string reported_org;   // their organisation, as the reporter writes it (may be empty)
  std::string content;        // what happened
  bool anonymous = true;
  std::string informant_name;  // real-name only
  std::string informant_id_number;
  std::string informant_contact;
  std::vector<ReportAttachment> attachments;
};

struct SubmittedReport {
  std::int64_t id = 0;
  std::string query_code;  // canonical; shown once, never stored in clear
  std::string received_on;
  std::string acceptance_due;
  std::optional<std::int64_t> repeat_of;
};

// What the reporter sees by the query code: the stage and the reply, nothing else.
struct ReportStage {
  std::string state;
  std::string label;
  std::string received_on;
  std::string acceptance_due;
  std::string accepted_on;  // "" until accepted
  std::string result_due;   // "" until concluded
  std::string reply;        // "" until rejected/replied
  std::string replied_on;
};

// The commission's view of one report.
struct PublicReport {
  std::int64_t id = 0;
  std::string region_code;
  std::string region_name;
  std::string reported_name;
  std::string reported_org;
  std::string content;
  bool anonymous = true;
  std::string informant_name;
  std::string informant_id_number;
  std::string informant_contact;
  std::string state;
  std::string received_on;
  std::string acceptance_due;
  std::string accepted_on;
  std::string concluded_on;
  std::string result_due;
  std::string reply;
  std::string replied_on;
  std::optional<std::int64_t> clue_id;
  std::optional<std::int64_t> repeat_of;
  std::vector<std::int64_t> repeats;  // later reports linked to this one
  std::string handled_by;
  std::int64_t attachment_count = 0;
};

// Validates and stores a report, its attachments and its creation event in one transaction.
// InvalidArgument for an empty or oversized text, an unknown region (reason unknown_region),
// a real-name report without a name or contact; ResourceExhausted "attachment_too_large".
StatusOr<SubmittedReport> SubmitReport(store::Connection& conn, const NewReport& report, Date today,
                                       const AddWorkingDaysFn& add_working_days);

// The stage of the report with this code; NotFound "report_not_found" for a code that is
// malformed or matches no report (the same answer either way).
StatusOr<ReportStage> StageByCode(store::Connection& conn, std::string_view typed_code);

// A page of reports whose region starts with one of `region_prefixes` (empty: none), newest
// first; `state` filters when non-empty. Informant fields are filled; the caller masks them.
struct ReportPage {
  std::vector<PublicReport> items;
  std::int64_t total = 0;
};
StatusOr<ReportPage> ListReports(store::Connection& conn,
                                 const std::vector<std::string>& region_prefixes,
                                 std::string_view state, std::int64_t page, std::int64_t page_size);

// One report; NotFound "report_not_found".
StatusOr<PublicReport> GetReport(store::Connection& conn, std::int64_t id);

// Transitions; each checks the state machine (FailedPrecondition "wrong_state") and writes the
// change and its workflow event in one transaction.
Status AcceptReport(store::Connection& conn, std::int64_t id, const Actor& actor, Date today);
// `reply` is required (why it is not accepted).
Status RejectReport(store::Connection& conn, std::int64_t id, const Actor& actor, Date today,
                    std::string_view reply);
// Links the clue the caller registered (clue channel petition) to the report.
Status MarkRegisteredAsClue(store::Connection& conn, std::int64_t id, const Actor& actor,
                            std::int64_t clue_id);
// Registers an accepted report as a clue (channel petition) of the actor's commission and
// moves the report to `clue`, in one transaction: the clue carries the report's text, region
// and reported person, and for a real-name report the informant (confidential). A report in
// another state is FailedPrecondition "wrong_state" and no clue is made.
StatusOr<RegisteredClue> RegisterReportAsClue(store::Connection& conn, std::int64_t id,
                                              const Actor& actor);
Status ConcludeReport(store::Connection& conn, std::int64_t id, const Actor& actor, Date today,
                      const AddWorkingDaysFn& add_working_days);
Status ReplyToReport(store::Connection& conn, std::int64_t id, const Actor& actor, Date today,
                     std::string_view reply);

}  // namespace sunlight::supervision::public_side
