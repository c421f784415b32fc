#include "supervision/tasks.h"

#include <openssl/evp.h>
#include <nlohmann/json.hpp>

#include "store/timestamp.h"
#include "store/transaction.h"
#include "supervision/list_query.h"
#include "supervision/problems.h"
#include "supervision/workflow_events.h"

namespace sunlight::supervision {
namespace {

constexpr std::string_view kEntity = "task";
constexpr std::string_view kTaskColumns =
    "id, problem_id, description, measures, deadline, responsible_org_id, responsible_login, "
    "cadence, state, region_code, assigned_on, last_report_on, closed_by, closed_at";

bool Blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

TaskRecord ReadTask(const store::ResultSet& rs, size_t row_idx) {
  const auto& row = rs.row(row_idx);
  TaskRecord t;
  t.id = row[0].AsInteger();
  t.problem_id = row[1].AsInteger();
  t.description = row[2].AsText();
  t.measures = row[3].AsText();
  t.deadline = row[4].AsText();
  t.responsible_org_id = row[5].AsText();
  t.responsible_login = row[6].AsText();
  t.cadence = row[7].AsText();
  t.state = row[8].AsText();
  t.region_code = row[9].AsText();
  t.assigned_on = row[10].AsText();
  t.last_report_on = row[11].AsText();
  t.closed_by = row[12].AsText();
  t.closed_at = row[13].AsText();
  return t;
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

Status RequireResponsible(const Actor& actor, const TaskRecord& task) {
  if (actor.login == task.responsible_login) return Status::Ok();
  return PermissionDeniedError("只有该任务的责任人（" + task.responsible_login + "）可以执行此操作",
                               "not_responsible_person");
}

StatusOr<std::int64_t> AddReport(store::Connection& conn, std::int64_t task_id,
                                 std::string_view kind, Date report_on, std::string_view text,
                                 const Actor& actor) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("INSERT INTO task_reports(task_id, kind, report_on, text, author_login, "
                 "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                 {task_id, std::string(kind), report_on.ToString(), std::string(text), actor.login,
                  store::TimestampNow()}));
  return rs.at(0, 0).AsInteger();
}

// Moves the task (checked against the table, guarded against a concurrent change), records the
// event, and lets the problem's state follow. `extra_set` adds "col = ?, " assignments whose
// values are `params`.
Status Move(store::Connection& conn, const Actor& actor, const TaskRecord& task,
            std::string_view to, std::string_view reason, const nlohmann::json& details,
            std::string_view extra_set = {}, std::vector<store::Value> params = {}) {
  SUNLIGHT_RETURN_IF_ERROR(TaskMachine().Check(task.state, to));
  params.push_back(std::string(to));
  params.push_back(store::TimestampNow());
  params.push_back(task.id);
  params.push_back(task.state);
  SUNLIGHT_RETURN_IF_ERROR(conn.Execute("UPDATE rectification_tasks SET " + std::string(extra_set) +
                                            "state = ?, updated_at = ? WHERE id = ? AND state = ?",
                                        params));
  if (conn.changes() != 1) {
    return AbortedError("任务状态已被他人修改，请刷新后重试", "concurrent_change");
  }
  SUNLIGHT_RETURN_IF_ERROR(
      RecordEvent(conn, kEntity, task.id, task.state, to, actor, reason, details.dump()));
  return SyncProblemState(conn, actor, task.problem_id);
}

// Begin, load the task, run `step`, commit.
template <typename Step>
Status InTransaction(store::Connection& conn, std::int64_t task_id, Step step) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(TaskRecord task, LoadTask(conn, task_id));
  SUNLIGHT_RETURN_IF_ERROR(step(task));
  return tx.Commit();
}

}  // namespace

const StateMachine& TaskMachine() {
  static const StateMachine kMachine("task",
                                     {{"assigned", "已交办"},
                                      {"claimed", "已认领"},
                                      {"in_progress", "整改中"},
                                      {"submitted", "申请销号"},
                                      {"closed", "已销号"},
                                      {"reopened", "回头看重启"}},
                                     {{"assigned", "claimed"},
                                      {"claimed", "in_progress"},
                                      {"in_progress", "in_progress"},
                                      {"in_progress", "submitted"},
                                      {"submitted", "closed"},
                                      {"submitted", "in_progress"},
                                      {"closed", "reopened"},
                                      {"reopened", "in_progress"}});
  return kMachine;
}

bool IsCadence(std::string_view cadence) {
  return cadence == "daily" || cadence == "weekly" || cadence == "monthly";
}

StatusOr<std::int64_t> InsertTask(store::Connection& conn, const Actor& actor,
                                  std::int64_t problem_id, const TaskDraft& draft) {
  if (Blank(draft.description))
    return InvalidArgumentError("任务内容不能为空", "description_required");
  if (Blank(draft.measures)) return InvalidArgumentError("请填写整改措施", "measures_required");
  if (draft.deadline == Date()) return InvalidArgumentError("请指定整改期限", "deadline_required");
  if (!IsCadence(draft.cadence)) {
    return InvalidArgumentError("报告频次须为 daily（一日一报）、weekly 或 monthly", "bad_cadence");
  }
  if (Blank(draft.responsible_org_id)) {
    return InvalidArgumentError("请指定责任单位", "responsible_org_required");
  }
  if (Blank(draft.responsible_login)) {
    return InvalidArgumentError("请指定责任人", "responsible_person_required");
  }
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet user,
      conn.Query("SELECT COUNT(*) FROM users WHERE login = ?", {draft.responsible_login}));
  if (user.at(0, 0).AsInteger() == 0) {
    return InvalidArgumentError("责任人账号“" + draft.responsible_login + "”不存在",
                                "unknown_user");
  }
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet org,
                            conn.Query("SELECT COUNT(*) FROM organizations WHERE org_id = ?",
                                       {draft.responsible_org_id}));
  if (org.at(0, 0).AsInteger() == 0) {
    return InvalidArgumentError("责任单位“" + draft.responsible_org_id + "”不存在", "unknown_org");
  }
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet problem,
      conn.Query("SELECT region_code FROM problems WHERE id = ?", {problem_id}));
  if (problem.size() == 0) return NotFoundError("问题不存在", "problem_not_found");
  const std::string now = store::TimestampNow();
  const Date assigned = draft.assigned_on == Date() ? Date::Today() : draft.assigned_on;
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet inserted,
      conn.Query("INSERT INTO rectification_tasks(problem_id, description, measures, deadline, "
                 "responsible_org_id, responsible_login, cadence, state, region_code, "
                 "assigned_on, created_by, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, 'assigned', ?, ?, ?, ?, ?) RETURNING id",
                 {problem_id, draft.description, draft.measures, draft.deadline.ToString(),
                  draft.responsible_org_id, draft.responsible_login, draft.cadence,
                  problem.at(0, 0).AsText(), assigned.ToString(), actor.login, now, now}));
  const std::int64_t id = inserted.at(0, 0).AsInteger();
  SUNLIGHT_RETURN_IF_ERROR(
      RecordEvent(conn, kEntity, id, "", "assigned", actor, draft.description,
                  nlohmann::json{{"responsible_login", draft.responsible_login},
                                 {"deadline", draft.deadline.ToString()}}
                      .dump()));
  return id;
}

StatusOr<std::int64_t> AddTask(store::Connection& conn, const Actor& actor, std::int64_t problem_id,
                               const TaskDraft& draft) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id, InsertTask(conn, actor, problem_id, draft));
  SUNLIGHT_RETURN_IF_ERROR(SyncProblemState(conn, actor, problem_id));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<TaskRecord> LoadTask(store::Connection& conn, std::int64_t task_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT " + std::string(kTaskColumns) + " FROM rectification_tasks WHERE id = ?",
                 {task_id}));
  if (rs.size() == 0) return NotFoundError("整改任务不存在", "task_not_found");
  return ReadTask(rs, 0);
}

StatusOr<std::vector<TaskRecord>> TasksOfProblem(store::Connection& conn, std::int64_t problem_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                            conn.Query("SELECT " + std::string(kTaskColumns) +
                                           " FROM rectification_tasks WHERE problem_id = ? "
                                           "ORDER BY id",
                                       {problem_id}));
  std::vector<TaskRecord> tasks;
  for (size_t i = 0; i < rs.size(); ++i) tasks.push_back(ReadTask(rs, i));
  return tasks;
}

StatusOr<std::vector<TaskReport>> ReportsOfTask(store::Connection& conn, std::int64_t task_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT id, kind, report_on, text, author_login, created_at FROM task_reports "
                 "WHERE task_id = ? ORDER BY id",
                 {task_id}));
  std::vector<TaskReport> reports;
  for (size_t i = 0; i < rs.size(); ++i) {
    TaskReport r;
    r.id = rs.at(i, 0).AsInteger();
    r.kind = rs.at(i, 1).AsText();
    r.report_on = rs.at(i, 2).AsText();
    r.text = rs.at(i, 3).AsText();
    r.author_login = rs.at(i, 4).AsText();
    r.created_at = rs.at(i, 5).AsText();
    SUNLIGHT_ASSIGN_OR_RETURN(
        store::ResultSet files,
        conn.Query("SELECT id FROM attachments WHERE owner_type = 'task_report' AND owner_id = ? "
                   "ORDER BY id",
                   {r.id}));
    for (size_t f = 0; f < files.size(); ++f)
      r.attachment_ids.push_back(files.at(f, 0).AsInteger());
    reports.push_back(std::move(r));
  }
  return reports;
}

StatusOr<TaskPage> ListTasks(store::Connection& conn, const TaskFilter& filter) {
  TaskPage page;
  if (filter.region_prefixes.empty()) return page;
  std::vector<store::Value> params;
  std::string where = RegionPrefixClause("region_code", filter.region_prefixes, params);
  if (!filter.region_code.empty()) {
    where += " AND region_code LIKE ?";
    params.push_back(filter.region_code + "%");
  }
  if (!filter.state.empty()) {
    where += " AND state = ?";
    params.push_back(filter.state);
  }
  if (!filter.responsible_login.empty()) {
    where += " AND responsible_login = ?";
    params.push_back(filter.responsible_login);
  }
  SUNLIGHT_ASSIGN_OR_RETURN(
      RowPage rows, QueryPage(conn, kTaskColumns, "rectification_tasks", where, std::move(params),
                              filter.page, filter.page_size));
  page.total = rows.total;
  const store::ResultSet& rs = rows.rows;
  for (size_t i = 0; i < rs.size(); ++i) page.items.push_back(ReadTask(rs, i));
  return page;
}

Status ClaimTask(store::Connection& conn, const Actor& actor, std::int64_t task_id) {
  return InTransaction(conn, task_id, [&](const TaskRecord& task) -> Status {
    SUNLIGHT_RETURN_IF_ERROR(RequireResponsible(actor, task));
    return Move(conn, actor, task, "claimed", "责任人认领", nlohmann::json::object());
  });
}

Status ReportProgress(store::Connection& conn, const Actor& actor, std::int64_t task_id,
                      Date report_on, std::string_view text) {
  if (Blank(text)) return InvalidArgumentError("进展内容不能为空", "text_required");
  const Date on = report_on == Date() ? Date::Today() : report_on;
  return InTransaction(conn, task_id, [&](const TaskRecord& task) -> Status {
    SUNLIGHT_RETURN_IF_ERROR(RequireResponsible(actor, task));
    if (task.state == "submitted") {
      // submitted → in_progress is the verifier's rejection; a report must not undo a request.
      return FailedPreconditionError("任务已申请销号，等待核验期间不能报告进展", "wrong_state");
    }
    SUNLIGHT_RETURN_IF_ERROR(TaskMachine().Check(task.state, "in_progress"));
    SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t report_id,
                              AddReport(conn, task.id, "progress", on, text, actor));
    // last_report_on only moves forward: a late-entered older report does not hide silence.
    const std::string last = task.last_report_on.empty() || task.last_report_on < on.ToString()
                                 ? on.ToString()
                                 : task.last_report_on;
    return Move(conn, actor, task, "in_progress", text,
                {{"report_id", report_id}, {"report_on", on.ToString()}}, "last_report_on = ?, ",
                {last});
  });
}

Status SubmitTask(store::Connection& conn, const Actor& actor, std::int64_t task_id,
                  std::string_view text, const std::vector<AttachmentDraft>& evidence) {
  if (evidence.empty()) {
    return InvalidArgumentError("申请销号须附整改佐证材料", "evidence_required");
  }
  for (const AttachmentDraft& file : evidence) {
    if (Blank(file.file_name) || file.content.empty()) {
      return InvalidArgumentError("佐证材料须有文件名和内容", "bad_attachment");
    }
  }
  return InTransaction(conn, task_id, [&](const TaskRecord& task) -> Status {
    SUNLIGHT_RETURN_IF_ERROR(RequireResponsible(actor, task));
    SUNLIGHT_RETURN_IF_ERROR(TaskMachine().Check(task.state, "submitted"));
    SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t report_id,
                              AddReport(conn, task.id, "submission", Date::Today(), text, actor));
    nlohmann::json ids = nlohmann::json::array();
    for (const AttachmentDraft& file : evidence) {
      store::Blob bytes(file.content.begin(), file.content.end());
      SUNLIGHT_ASSIGN_OR_RETURN(
          store::ResultSet rs,
          conn.Query("INSERT INTO attachments(owner_type, owner_id, file_name, content_type, "
                     "size_bytes, sha256, content, created_by, created_at) "
                     "VALUES ('task_report', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {report_id, file.file_name,
                      file.content_type.empty() ? std::string("application/octet-stream")
                                                : file.content_type,
                      static_cast<std::int64_t>(file.content.size()), Sha256Hex(file.content),
                      std::move(bytes), actor.login, store::TimestampNow()}));
      ids.push_back(rs.at(0, 0).AsInteger());
    }
    return Move(conn, actor, task, "submitted", text,
                {{"report_id", report_id}, {"attachment_ids", ids}});
  });
}

Status CloseTask(store::Connection& conn, const Actor& actor, std::int64_t task_id,
                 std::string_view note) {
  return InTransaction(conn, task_id, [&](const TaskRecord& task) -> Status {
    if (actor.login == task.responsible_login) {
      return PermissionDeniedError("责任人不能为自己的任务销号，须由他人核验",
                                   "verifier_is_responsible");
    }
    return Move(conn, actor, task, "closed", note, nlohmann::json::object(),
                "closed_by = ?, closed_at = ?, ", {actor.login, store::TimestampNow()});
  });
}

Status RejectTask(store::Connection& conn, const Actor& actor, std::int64_t task_id,
                  std::string_view reason) {
  if (Blank(reason)) return InvalidArgumentError("退回须说明理由", "reason_required");
  return InTransaction(conn, task_id, [&](const TaskRecord& task) -> Status {
    SUNLIGHT_RETURN_IF_ERROR(TaskMachine().Check(task.state, "in_progress"));
    if (task.state != "submitted") {
      return TaskMachine().Check(task.state, "closed");  // names the allowed steps
    }
    SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t report_id,
                              AddReport(conn, task.id, "rejection", Date::Today(), reason, actor));
    return Move(conn, actor, task, "in_progress", reason, {{"report_id", report_id}});
  });
}

Status RevisitTask(store::Connection& conn, const Actor& actor, std::int64_t task_id,
                   std::string_view reason) {
  if (Blank(reason)) return InvalidArgumentError("回头看须说明理由", "reason_required");
  return InTransaction(conn, task_id, [&](const TaskRecord& task) -> Status {
    SUNLIGHT_RETURN_IF_ERROR(TaskMachine().Check(task.state, "reopened"));
    SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t report_id,
                              AddReport(conn, task.id, "revisit", Date::Today(), reason, actor));
    return Move(conn, actor, task, "reopened", reason, {{"report_id", report_id}},
                "closed_by = NULL, closed_at = NULL, ");
  });
}

}  // namespace sunlight::supervision
