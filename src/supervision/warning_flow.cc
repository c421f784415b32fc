#include "supervision/warning_flow.h"

#include <nlohmann/json.hpp>

#include "store/timestamp.h"
#include "store/transaction.h"
#include "supervision/clues.h"
#include "supervision/workflow_events.h"

namespace sunlight::supervision {
namespace {

constexpr std::string_view kEntity = "warning";

std::optional<std::int64_t> OptionalId(const store::Value& value) {
  if (value.is_null()) return std::nullopt;
  return value.AsInteger();
}

Status RequireText(std::string_view text, std::string message, std::string reason) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return InvalidArgumentError(std::move(message), std::move(reason));
  }
  return Status::Ok();
}

Status RequireOrg(store::Connection& conn, std::string_view org_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT COUNT(*) FROM organizations WHERE org_id = ?", {std::string(org_id)}));
  if (rs.at(0, 0).AsInteger() == 0) {
    return InvalidArgumentError("单位“" + std::string(org_id) + "”不存在", "unknown_org");
  }
  return Status::Ok();
}

// Moves the warning from its current state to `to` inside the open transaction: checks the
// table, runs `update` (an UPDATE … WHERE id = ? AND state = ? given the current state, so a
// concurrent change is caught), and records the event.
Status Move(store::Connection& conn, const Actor& actor, const WarningRecord& warning,
            std::string_view to, std::string_view sql, std::vector<store::Value> params,
            std::string_view reason, const nlohmann::json& details) {
  SUNLIGHT_RETURN_IF_ERROR(WarningMachine().Check(warning.state, to));
  params.push_back(store::TimestampNow());
  params.push_back(warning.id);
  params.push_back(warning.state);
  SUNLIGHT_RETURN_IF_ERROR(conn.Execute(std::string(sql) + ", state = '" + std::string(to) +
                                            "', updated_at = ? WHERE id = ? AND state = ?",
                                        params));
  if (conn.changes() != 1) {
    return AbortedError("预警状态已被他人修改，请刷新后重试", "concurrent_change");
  }
  return RecordEvent(conn, kEntity, warning.id, warning.state, to, actor, reason, details.dump());
}

// The common frame of a simple transition: begin, load, move, commit.
Status Step(store::Connection& conn, const Actor& actor, std::int64_t warning_id,
            std::string_view to, std::string_view sql, std::vector<store::Value> params,
            std::string_view reason, const nlohmann::json& details) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(WarningRecord warning, LoadWarning(conn, warning_id));
  SUNLIGHT_RETURN_IF_ERROR(Move(conn, actor, warning, to, sql, std::move(params), reason, details));
  return tx.Commit();
}

}  // namespace

const StateMachine& WarningMachine() {
  static const StateMachine kMachine("warning",
                                     {{"new", "新预警"},
                                      {"explanation_requested", "已要求说明"},
                                      {"explained", "已说明"},
                                      {"dismissed", "已排除"},
                                      {"data_corrected", "数据纠错"},
                                      {"problem", "督促整改"},
                                      {"clue", "线索移交"}},
                                     {{"new", "explanation_requested"},
                                      {"new", "dismissed"},
                                      {"new", "data_corrected"},
                                      {"new", "problem"},
                                      {"new", "clue"},
                                      {"explanation_requested", "explained"},
                                      {"explained", "dismissed"},
                                      {"explained", "data_corrected"},
                                      {"explained", "problem"},
                                      {"explained", "clue"}});
  return kMachine;
}

bool IsWarningOutcome(std::string_view state) {
  return state == "dismissed" || state == "data_corrected" || state == "problem" || state == "clue";
}

StatusOr<WarningRecord> LoadWarning(store::Connection& conn, std::int64_t warning_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT id, rule, subject_type, subject_id, region_code, severity, amount_fen, "
                 "state, responsible_org_id, explanation_due, explanation, outcome_reason, "
                 "correcting_batch_id, problem_id, clue_id, escalation_level "
                 "FROM warnings WHERE id = ?",
                 {warning_id}));
  if (rs.size() == 0) return NotFoundError("预警不存在", "warning_not_found");
  const auto& row = rs.row(0);
  WarningRecord w;
  w.id = row[0].AsInteger();
  w.rule = row[1].AsText();
  w.subject_type = row[2].AsText();
  w.subject_id = row[3].AsText();
  w.region_code = row[4].AsText();
  w.severity = row[5].AsText();
  w.amount_fen = row[6].AsInteger();
  w.state = row[7].AsText();
  w.responsible_org_id = row[8].AsText();
  w.explanation_due = row[9].AsText();
  w.explanation = row[10].AsText();
  w.outcome_reason = row[11].AsText();
  w.correcting_batch_id = OptionalId(row[12]);
  w.problem_id = OptionalId(row[13]);
  w.clue_id = OptionalId(row[14]);
  w.escalation_level = static_cast<int>(row[15].AsInteger());
  return w;
}

Status RequestExplanation(store::Connection& conn, const Actor& actor, std::int64_t warning_id,
                          std::string_view org_id, Date due, std::string_view note) {
  SUNLIGHT_RETURN_IF_ERROR(RequireText(org_id, "请指定说明单位", "org_required"));
  if (due == Date()) return InvalidArgumentError("请指定说明期限", "due_required");
  SUNLIGHT_RETURN_IF_ERROR(RequireOrg(conn, org_id));
  return Step(conn, actor, warning_id, "explanation_requested",
              "UPDATE warnings SET responsible_org_id = ?, explanation_due = ?",
              {std::string(org_id), due.ToString()}, note,
              {{"responsible_org_id", std::string(org_id)}, {"due", due.ToString()}});
}

Status Explain(store::Connection& conn, const Actor& actor, std::int64_t warning_id,
               std::string_view text) {
  SUNLIGHT_RETURN_IF_ERROR(RequireText(text, "说明内容不能为空", "explanation_required"));
  return Step(conn, actor, warning_id, "explained", "UPDATE warnings SET explanation = ?",
              {std::string(text)}, text, nlohmann::json::object());
}

Status Dismiss(store::Connection& conn, const Actor& actor, std::int64_t warning_id,
               std::string_view reason) {
  SUNLIGHT_RETURN_IF_ERROR(RequireText(reason, "排除预警须说明理由", "reason_required"));
  return Step(conn, actor, warning_id, "dismissed", "UPDATE warnings SET outcome_reason = ?",
              {std::string(reason)}, reason, nlohmann::json::object());
}

Status MarkDataCorrected(store::Connection& conn, const Actor& actor, std::int64_t warning_id,
                         std::int64_t batch_id, std::string_view reason) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT COUNT(*) FROM import_batches WHERE id = ?", {batch_id}));
  if (rs.at(0, 0).AsInteger() == 0) {
    return InvalidArgumentError("纠错导入批次 " + std::to_string(batch_id) + " 不存在",
                                "unknown_batch");
  }
  return Step(conn, actor, warning_id, "data_corrected",
              "UPDATE warnings SET correcting_batch_id = ?, outcome_reason = ?",
              {batch_id, std::string(reason)}, reason, {{"batch_id", batch_id}});
}

StatusOr<std::int64_t> ToProblem(store::Connection& conn, const Actor& actor,
                                 std::int64_t warning_id, ProblemDraft problem,
                                 const std::optional<TaskDraft>& first_task) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(WarningRecord warning, LoadWarning(conn, warning_id));
  // Check the state before creating anything, so a wrong step leaves no problem behind even
  // before the rollback.
  SUNLIGHT_RETURN_IF_ERROR(WarningMachine().Check(warning.state, "problem"));
  problem.source = "warning";
  problem.warning_id = warning.id;
  if (problem.region_code.empty()) problem.region_code = warning.region_code;
  if (problem.responsible_org_id.empty()) problem.responsible_org_id = warning.responsible_org_id;
  if (problem.amount_fen == 0) problem.amount_fen = warning.amount_fen;
  problem.evidence.push_back({"warning", std::to_string(warning.id), warning.rule});
  SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t problem_id, InsertProblem(conn, actor, problem));
  nlohmann::json details = {{"problem_id", problem_id}};
  if (first_task) {
    SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t task_id,
                              InsertTask(conn, actor, problem_id, *first_task));
    details["task_id"] = task_id;
  }
  SUNLIGHT_RETURN_IF_ERROR(Move(conn, actor, warning, "problem",
                                "UPDATE warnings SET problem_id = ?, outcome_reason = ?",
                                {problem_id, problem.title}, problem.title, details));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return problem_id;
}

StatusOr<std::int64_t> ToClue(store::Connection& conn, const Actor& actor, std::int64_t warning_id,
                              const ClueDraftFromWarning& clue) {
  SUNLIGHT_RETURN_IF_ERROR(RequireText(clue.summary, "线索摘要不能为空", "summary_required"));
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(WarningRecord warning, LoadWarning(conn, warning_id));
  SUNLIGHT_RETURN_IF_ERROR(WarningMachine().Check(warning.state, "clue"));
  const std::string handling_org =
      clue.handling_org_id.empty() ? actor.org_id : clue.handling_org_id;
  const Date received = clue.received_on == Date() ? Date::Today() : clue.received_on;
  NewClue draft;
  draft.channel = "warning";
  draft.summary = clue.summary;
  draft.received_on = received;
  draft.handling_org_id = handling_org;
  draft.region_code = warning.region_code;
  draft.warning_id = warning.id;
  // clues.h (helper B) numbers the clue, records its persons (none known yet) and its
  // creation event, inside this transaction.
  SUNLIGHT_ASSIGN_OR_RETURN(RegisteredClue made, InsertClue(conn, actor, draft));
  const std::int64_t clue_id = made.id;
  SUNLIGHT_RETURN_IF_ERROR(Move(conn, actor, warning, "clue",
                                "UPDATE warnings SET clue_id = ?, outcome_reason = ?",
                                {clue_id, clue.summary}, clue.summary, {{"clue_id", clue_id}}));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return clue_id;
}

}  // namespace sunlight::supervision
