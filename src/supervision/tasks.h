// Rectification tasks (任务清单 + 责任清单): measures, a deadline, the responsible unit and
// person, a report cadence. States (spec/workflows.md):
//   assigned → claimed (the responsible person only) → in_progress (progress reports; every
//   report sets last_report_on) → submitted (with evidence attachments) → closed (a verifier
//   who is not the responsible person) | back to in_progress (rejected, with reason);
//   closed → reopened (a revisit 回头看) → in_progress.
// Every step is one transaction with its workflow_events row and, for reports, submissions,
// rejections and revisits, a task_reports row; the problem's state follows (problems.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "store/connection.h"
#include "supervision/actor.h"
#include "supervision/state_machine.h"

namespace sunlight::supervision {

// assigned, claimed, in_progress, submitted, closed, reopened.
const StateMachine& TaskMachine();

// daily 一日一报, weekly 一周一报, monthly 一月一报.
bool IsCadence(std::string_view cadence);

struct TaskDraft {
  std::string description;
  std::string measures;
  Date deadline;
  std::string responsible_org_id;  // 责任单位
  std::string responsible_login;   // 责任人 (users.login)
  std::string cadence = "weekly";
  Date assigned_on;  // default (an unset Date): today; silence (D02) is counted from here
};

struct TaskRecord {
  std::int64_t id = 0;
  std::int64_t problem_id = 0;
  std::string description;
  std::string measures;
  std::string deadline;
  std::string responsible_org_id;
  std::string responsible_login;
  std::string cadence;
  std::string state;
  std::string region_code;
  std::string assigned_on;
  std::string last_report_on;  // "" when none
  std::string closed_by;
  std::string closed_at;
};

struct TaskReport {
  std::int64_t id = 0;
  std::string kind;  // progress, submission, rejection, revisit
  std::string report_on;
  std::string text;
  std::string author_login;
  std::string created_at;
  std::vector<std::int64_t> attachment_ids;
};

struct AttachmentDraft {
  std::string file_name;
  std::string content_type;
  std::string content;  // the bytes
};

// REQUIRES: inside the caller's write transaction. The task's region is the problem's.
StatusOr<std::int64_t> InsertTask(store::Connection& conn, const Actor& actor,
                                  std::int64_t problem_id, const TaskDraft& draft);
// The same in its own transaction (and the problem reopens if it was closed).
StatusOr<std::int64_t> AddTask(store::Connection& conn, const Actor& actor, std::int64_t problem_id,
                               const TaskDraft& draft);

// NotFound "task_not_found".
StatusOr<TaskRecord> LoadTask(store::Connection& conn, std::int64_t task_id);
StatusOr<std::vector<TaskRecord>> TasksOfProblem(store::Connection& conn, std::int64_t problem_id);
StatusOr<std::vector<TaskReport>> ReportsOfTask(store::Connection& conn, std::int64_t task_id);

struct TaskFilter {
  std::vector<std::string> region_prefixes;  // jurisdiction; empty: nothing
  std::string region_code;
  std::string state;
  std::string responsible_login;
  std::int64_t page = 1;
  std::int64_t page_size = 50;
};
struct TaskPage {
  std::vector<TaskRecord> items;
  std::int64_t total = 0;
};
StatusOr<TaskPage> ListTasks(store::Connection& conn, const TaskFilter& filter);

// assigned → claimed. PermissionDenied "not_responsible_person" unless actor is the task's
// responsible person.
Status ClaimTask(store::Connection& conn, const Actor& actor, std::int64_t task_id);
// claimed | in_progress | reopened → in_progress, with a progress report dated `report_on`.
// Responsible person only.
Status ReportProgress(store::Connection& conn, const Actor& actor, std::int64_t task_id,
                      Date report_on, std::string_view text);
// in_progress → submitted, with at least one evidence attachment (reason "evidence_required").
// Responsible person only.
Status SubmitTask(store::Connection& conn, const Actor& actor, std::int64_t task_id,
                  std::string_view text, const std::vector<AttachmentDraft>& evidence);
// submitted → closed. PermissionDenied "verifier_is_responsible" when the actor is the
// responsible person.
Status CloseTask(store::Connection& conn, const Actor& actor, std::int64_t task_id,
                 std::string_view note);
// submitted → in_progress; reason required.
Status RejectTask(store::Connection& conn, const Actor& actor, std::int64_t task_id,
                  std::string_view reason);
// closed → reopened (回头看); reason required.
Status RevisitTask(store::Connection& conn, const Actor& actor, std::int64_t task_id,
                   std::string_view reason);

}  // namespace sunlight::supervision
