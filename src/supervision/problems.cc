#include "supervision/problems.h"

#include <nlohmann/json.hpp>

#include "core/date.h"

#include "store/timestamp.h"
#include "store/transaction.h"
#include "supervision/list_query.h"
#include "supervision/workflow_events.h"

namespace sunlight::supervision {
namespace {

bool Blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

ProblemRecord ReadProblem(const store::ResultSet& rs, size_t row_idx) {
  const auto& row = rs.row(row_idx);
  ProblemRecord p;
  p.id = row[0].AsInteger();
  p.source = row[1].AsText();
  p.category = row[2].AsText();
  p.behaviour = row[3].AsText();
  p.title = row[4].AsText();
  p.description = row[5].AsText();
  p.region_code = row[6].AsText();
  p.responsible_org_id = row[7].AsText();
  p.owner_org_id = row[8].AsText();
  if (!row[9].is_null()) p.warning_id = row[9].AsInteger();
  p.state = row[10].AsText();
  p.amount_fen = row[11].AsInteger();
  p.created_by = row[12].AsText();
  p.created_at = row[13].AsText();
  return p;
}

constexpr std::string_view kProblemColumns =
    "id, source, category, behaviour, title, description, region_code, responsible_org_id, "
    "owner_org_id, warning_id, state, amount_fen, created_by, created_at";

}  // namespace

const StateMachine& ProblemMachine() {
  static const StateMachine kMachine(
      "problem", {{"open", "整改中"}, {"closed", "已整改"}, {"reopened", "回头看重启"}},
      {{"open", "closed"}, {"closed", "reopened"}, {"reopened", "closed"}});
  return kMachine;
}

bool IsProblemSource(std::string_view source) {
  for (std::string_view s :
       {"inspection", "tour", "audit", "warning", "petition", "transfer", "other"}) {
    if (s == source) return true;
  }
  return false;
}

bool IsProblemCategory(std::string_view category) {
  return category == "fund_management" || category == "project_construction" ||
         category == "work_implementation";
}

std::string_view ProblemCategoryLabel(std::string_view category) {
  if (category == "fund_management") return "资金管理";
  if (category == "project_construction") return "项目建设";
  if (category == "work_implementation") return "工作落实";
  return category;
}

StatusOr<std::int64_t> InsertProblem(store::Connection& conn, const Actor& actor,
                                     const ProblemDraft& draft) {
  if (!IsProblemSource(draft.source)) {
    return InvalidArgumentError("问题来源“" + draft.source + "”无效", "bad_source");
  }
  if (!IsProblemCategory(draft.category)) {
    return InvalidArgumentError(
        "问题类别须为 fund_management（资金管理）、project_construction（项目建设）或 "
        "work_implementation（工作落实）",
        "bad_category");
  }
  if (Blank(draft.behaviour))
    return InvalidArgumentError("请填写具体问题表现", "behaviour_required");
  if (Blank(draft.title)) return InvalidArgumentError("问题标题不能为空", "title_required");
  if (Blank(draft.region_code))
    return InvalidArgumentError("请指定问题所在区划", "region_required");
  if (Blank(draft.responsible_org_id)) {
    return InvalidArgumentError("请指定责任单位", "responsible_org_required");
  }
  if (draft.amount_fen < 0) return InvalidArgumentError("涉及金额不能为负", "bad_amount");
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet org,
                            conn.Query("SELECT COUNT(*) FROM organizations WHERE org_id = ?",
                                       {draft.responsible_org_id}));
  if (org.at(0, 0).AsInteger() == 0) {
    return InvalidArgumentError("责任单位“" + draft.responsible_org_id + "”不存在", "unknown_org");
  }
  const std::string now = store::TimestampNow();
  store::Value warning = nullptr;
  if (draft.warning_id) warning = *draft.warning_id;
  store::Value inspection = nullptr;
  if (draft.inspection_id) inspection = *draft.inspection_id;
  const std::string& owner = draft.owner_org_id.empty() ? actor.org_id : draft.owner_org_id;
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet inserted,
      conn.Query("INSERT INTO problems(source, category, behaviour, title, description, "
                 "region_code, responsible_org_id, owner_org_id, warning_id, inspection_id, "
                 "state, amount_fen, created_by, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?) RETURNING id",
                 {draft.source, draft.category, draft.behaviour, draft.title, draft.description,
                  draft.region_code, draft.responsible_org_id, owner, warning, inspection,
                  draft.amount_fen, actor.login, now, now}));
  const std::int64_t id = inserted.at(0, 0).AsInteger();
  for (const EvidenceLink& link : draft.evidence) {
    if (Blank(link.kind) || Blank(link.ref)) {
      return InvalidArgumentError("证据链接须有类型和编号", "bad_evidence");
    }
    SUNLIGHT_RETURN_IF_ERROR(conn.Execute(
        "INSERT INTO problem_evidence(problem_id, kind, ref, note) VALUES (?, ?, ?, ?)",
        {id, link.kind, link.ref, link.note}));
  }
  nlohmann::json details = {{"source", draft.source}};
  if (draft.inspection_id) details["inspection_id"] = *draft.inspection_id;
  SUNLIGHT_RETURN_IF_ERROR(
      RecordEvent(conn, "problem", id, "", "open", actor, draft.title, details.dump()));
  return id;
}

StatusOr<std::int64_t> CreateProblem(store::Connection& conn, const Actor& actor,
                                     const ProblemDraft& draft) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id, InsertProblem(conn, actor, draft));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return id;
}

StatusOr<ProblemRecord> LoadProblem(store::Connection& conn, std::int64_t problem_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT " + std::string(kProblemColumns) + " FROM problems WHERE id = ?",
                 {problem_id}));
  if (rs.size() == 0) return NotFoundError("问题不存在", "problem_not_found");
  ProblemRecord p = ReadProblem(rs, 0);
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet ev,
      conn.Query("SELECT kind, ref, note FROM problem_evidence WHERE problem_id = ? "
                 "ORDER BY kind, ref",
                 {problem_id}));
  for (size_t i = 0; i < ev.size(); ++i) {
    p.evidence.push_back({ev.at(i, 0).AsText(), ev.at(i, 1).AsText(), ev.at(i, 2).AsText()});
  }
  return p;
}

StatusOr<ProblemPage> ListProblems(store::Connection& conn, const ProblemFilter& filter) {
  ProblemPage page;
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
  SUNLIGHT_ASSIGN_OR_RETURN(RowPage rows,
                            QueryPage(conn, kProblemColumns, "problems", where, std::move(params),
                                      filter.page, filter.page_size));
  page.total = rows.total;
  const store::ResultSet& rs = rows.rows;
  for (size_t i = 0; i < rs.size(); ++i) page.items.push_back(ReadProblem(rs, i));
  return page;
}

Status SyncProblemState(store::Connection& conn, const Actor& actor, std::int64_t problem_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT p.state, COUNT(t.id), "
                 "SUM(CASE WHEN t.state = 'closed' THEN 1 ELSE 0 END), "
                 "SUM(CASE WHEN t.state = 'reopened' THEN 1 ELSE 0 END) "
                 "FROM problems p LEFT JOIN rectification_tasks t ON t.problem_id = p.id "
                 "WHERE p.id = ? GROUP BY p.state",
                 {problem_id}));
  if (rs.size() == 0) return NotFoundError("问题不存在", "problem_not_found");
  const std::string current = rs.at(0, 0).AsText();
  const std::int64_t tasks = rs.at(0, 1).AsInteger();
  const std::int64_t closed = rs.at(0, 2).AsInteger();
  std::string target = current;
  if (tasks > 0 && closed == tasks) {
    target = "closed";
  } else if (current == "closed") {
    // A task reopened by a revisit, or a new task added: the problem is being worked again.
    target = "reopened";
  }
  if (target == current) return Status::Ok();
  SUNLIGHT_RETURN_IF_ERROR(ProblemMachine().Check(current, target));
  SUNLIGHT_RETURN_IF_ERROR(
      conn.Execute("UPDATE problems SET state = ?, updated_at = ? WHERE id = ?",
                   {target, store::TimestampNow(), problem_id}));
  return RecordEvent(conn, "problem", problem_id, current, target, actor,
                     target == "closed" ? "全部任务已销号" : "任务回头看重启");
}

StatusOr<std::string> RecoverySourceRegion(store::Connection& conn, std::string_view source_type,
                                           std::int64_t source_id) {
  std::string sql;
  if (source_type == "warning") {
    sql = "SELECT region_code FROM warnings WHERE id = ?";
  } else if (source_type == "problem") {
    sql = "SELECT region_code FROM problems WHERE id = ?";
  } else {
    return InvalidArgumentError("追缴来源须为 warning（预警）或 problem（问题）",
                                "bad_source_type");
  }
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs, conn.Query(sql, {source_id}));
  if (rs.size() == 0) return NotFoundError("追缴来源记录不存在", "source_not_found");
  return rs.at(0, 0).AsText();
}

StatusOr<std::int64_t> RecordRecovery(store::Connection& conn, const Actor& actor,
                                      const RecoveryDraft& draft) {
  if (draft.kind != "refund" && draft.kind != "recovery") {
    return InvalidArgumentError("类型须为 refund（清退）或 recovery（追缴）", "bad_kind");
  }
  if (draft.amount_fen <= 0) return InvalidArgumentError("金额须大于零", "bad_amount");
  SUNLIGHT_ASSIGN_OR_RETURN(Date on, Date::Parse(draft.recovered_on));
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(std::string region,
                            RecoverySourceRegion(conn, draft.source_type, draft.source_id));
  (void)region;
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet inserted,
      conn.Query("INSERT INTO recoveries(source_type, source_id, kind, amount_fen, recovered_on, "
                 "note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {draft.source_type, draft.source_id, draft.kind, draft.amount_fen, on.ToString(),
                  draft.note, actor.login, store::TimestampNow()}));
  const std::int64_t id = inserted.at(0, 0).AsInteger();
  // Not a state change: the event keeps the money in the source record's history.
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet state,
      conn.Query(draft.source_type == "warning" ? "SELECT state FROM warnings WHERE id = ?"
                                                : "SELECT state FROM problems WHERE id = ?",
                 {draft.source_id}));
  const std::string current = state.at(0, 0).AsText();
  SUNLIGHT_RETURN_IF_ERROR(RecordEvent(
      conn, draft.source_type, draft.source_id, current, current, actor, draft.note,
      nlohmann::json{{"recovery_id", id}, {"kind", draft.kind}, {"amount_fen", draft.amount_fen}}
          .dump()));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return id;
}

}  // namespace sunlight::supervision
