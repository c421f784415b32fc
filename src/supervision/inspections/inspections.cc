#include "supervision/inspections/inspections.h"

#include <algorithm>

#include "core/date.h"
#include "store/result_set.h"
#include "store/timestamp.h"
#include "store/transaction.h"
#include "supervision/inspections/ties.h"
#include "supervision/problems.h"
#include "supervision/workflow_events.h"

namespace sunlight::supervision::inspections {
namespace {

struct KindInfo {
  std::string_view name;
  std::string_view label;
};

constexpr KindInfo kKinds[] = {
    {"routine", "日常监督"}, {"special", "专项检查"}, {"joint", "联合检查"},
    {"tour", "巡察"},        {"cross", "交叉监督"},
};

constexpr std::string_view kCategories[] = {"fund_management", "project_construction",
                                            "work_implementation"};

std::string RegionOfOrg(store::Connection& conn, const std::string& org_id, Status& status) {
  auto rs = conn.Query("SELECT region_code FROM organizations WHERE org_id = ?", {org_id});
  if (!rs.ok()) {
    status = rs.status();
    return "";
  }
  return rs->empty() ? "" : rs->at(0, 0).AsText();
}

// Resolves a target against the ledger: its region, org and label.
StatusOr<TieTarget> ResolveTarget(store::Connection& conn, const TargetDraft& draft) {
  TieTarget target;
  target.type = draft.type;
  target.ref = draft.ref;
  store::ResultSet rs;
  if (draft.type == "project") {
    SUNLIGHT_ASSIGN_OR_RETURN(
        rs, conn.Query("SELECT name, region_code, owner_org_id FROM projects WHERE project_id = ?",
                       {draft.ref}));
    if (!rs.empty()) {
      target.label = rs.at(0, 0).AsText();
      target.region_code = rs.at(0, 1).AsText();
      target.org_id = rs.at(0, 2).AsText();
    }
  } else if (draft.type == "village") {
    SUNLIGHT_ASSIGN_OR_RETURN(
        rs, conn.Query("SELECT name, code FROM regions WHERE code = ?", {draft.ref}));
    if (!rs.empty()) {
      target.label = rs.at(0, 0).AsText();
      target.region_code = rs.at(0, 1).AsText();
    }
  } else if (draft.type == "org") {
    SUNLIGHT_ASSIGN_OR_RETURN(
        rs, conn.Query("SELECT name, region_code, org_id FROM organizations WHERE org_id = ?",
                       {draft.ref}));
    if (!rs.empty()) {
      target.label = rs.at(0, 0).AsText();
      target.region_code = rs.at(0, 1).AsText();
      target.org_id = rs.at(0, 2).AsText();
    }
  } else {
    return InvalidArgumentError(
        "检查对象类型“" + draft.type + "”无效（应为 project、village 或 org）",
        "unknown_target_type");
  }
  if (rs.empty()) {
    return InvalidArgumentError("检查对象“" + draft.ref + "”在台账中不存在", "unknown_target");
  }
  return target;
}

Status CheckDate(const std::string& text, std::string_view field) {
  if (!Date::Parse(text).ok() || text.size() != 10) {
    return InvalidArgumentError(std::string(field) + " 应为 YYYY-MM-DD 格式的日期", "bad_date");
  }
  return Status::Ok();
}

std::vector<TieMember> TieMembersOf(const Inspection& in) {
  std::vector<TieMember> out;
  for (const InspectionMember& m : in.members) out.push_back({m.id_number, m.name, m.org_id});
  return out;
}

std::vector<TieTarget> TieTargetsOf(store::Connection& conn, const Inspection& in) {
  std::vector<TieTarget> out;
  for (const InspectionTarget& t : in.targets) {
    auto resolved = ResolveTarget(conn, {t.type, t.ref});
    if (!resolved.ok()) {
      // A target removed from the ledger since: keep what was stored.
      out.push_back({t.type, t.ref, t.region_code, "", t.label});
      continue;
    }
    out.push_back(*resolved);
  }
  return out;
}

}  // namespace

const StateMachine& InspectionMachine() {
  static const StateMachine machine("inspection",
                                    {{"planned", "已计划"},
                                     {"in_progress", "检查中"},
                                     {"completed", "已完成"},
                                     {"cancelled", "已撤销"}},
                                    {{"planned", "in_progress"},
                                     {"in_progress", "completed"},
                                     {"planned", "cancelled"},
                                     {"in_progress", "cancelled"}});
  return machine;
}

std::string_view KindLabel(std::string_view kind) {
  for (const KindInfo& k : kKinds) {
    if (k.name == kind) return k.label;
  }
  return "";
}

StatusOr<std::int64_t> CreateInspection(store::Connection& conn, const InspectionDraft& draft,
                                        const Actor& actor) {
  if (KindLabel(draft.kind).empty()) {
    return InvalidArgumentError(
        "检查类型“" + draft.kind + "”无效（应为 routine、special、joint、tour 或 cross）",
        "unknown_kind");
  }
  if (draft.title.empty()) return InvalidArgumentError("请填写检查名称", "title_required");
  SUNLIGHT_RETURN_IF_ERROR(CheckDate(draft.period_from, "period_from"));
  SUNLIGHT_RETURN_IF_ERROR(CheckDate(draft.period_to, "period_to"));
  if (draft.period_to < draft.period_from) {
    return InvalidArgumentError("检查结束日期早于开始日期", "bad_period");
  }
  if (draft.team_size < 1 || draft.team_size > 20) {
    return InvalidArgumentError("每个检查对象的成员人数应在 1 至 20 之间", "bad_team_size");
  }
  if (draft.members.empty())
    return InvalidArgumentError("请至少添加一名检查成员", "members_required");
  if (draft.targets.empty())
    return InvalidArgumentError("请至少添加一个检查对象", "targets_required");

  std::vector<std::string> member_regions;
  for (const MemberDraft& m : draft.members) {
    if (m.id_number.empty() || m.name.empty()) {
      return InvalidArgumentError("检查成员须有姓名和身份证号", "member_incomplete");
    }
    Status status;
    const std::string region = RegionOfOrg(conn, m.org_id, status);
    SUNLIGHT_RETURN_IF_ERROR(status);
    if (region.empty()) {
      return InvalidArgumentError("检查成员“" + m.name + "”的单位“" + m.org_id + "”在台账中不存在",
                                  "unknown_member_org");
    }
    member_regions.push_back(region);
  }
  for (size_t i = 0; i < draft.members.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (draft.members[i].id_number == draft.members[j].id_number) {
        return InvalidArgumentError("检查成员“" + draft.members[i].name + "”重复",
                                    "duplicate_member");
      }
    }
  }
  std::vector<TieTarget> targets;
  for (const TargetDraft& t : draft.targets) {
    SUNLIGHT_ASSIGN_OR_RETURN(TieTarget resolved, ResolveTarget(conn, t));
    for (const TieTarget& seen : targets) {
      if (seen.type == resolved.type && seen.ref == resolved.ref) {
        return InvalidArgumentError("检查对象“" + t.ref + "”重复", "duplicate_target");
      }
    }
    targets.push_back(std::move(resolved));
  }
  if (draft.kind == "joint") {
    // 联合检查: members from both sides of one pairing (helper and recipient region).
    SUNLIGHT_ASSIGN_OR_RETURN(
        store::ResultSet pairings,
        conn.Query("SELECT helper_region_code, recipient_region_code FROM pairings"));
    bool both = false;
    for (store::Row row : pairings) {
      const std::string helper = row[0].AsText();
      const std::string recipient = row[1].AsText();
      bool has_helper = false, has_recipient = false;
      for (const std::string& r : member_regions) {
        has_helper = has_helper || r.starts_with(helper);
        has_recipient = has_recipient || r.starts_with(recipient);
      }
      both = both || (has_helper && has_recipient);
    }
    if (!both) {
      return InvalidArgumentError("联合检查的成员须来自结对双方地区（东部协作方和西部受援方）",
                                  "joint_needs_both_regions");
    }
  }

  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  const std::string now = store::TimestampNow();
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet inserted,
      conn.Query("INSERT INTO inspections(kind, title, org_id, region_code, period_from, "
                 "period_to, team_size, state, created_by, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?, ?) RETURNING id",
                 {draft.kind, draft.title, actor.org_id, actor.region_code, draft.period_from,
                  draft.period_to, draft.team_size, actor.login, now, now}));
  const std::int64_t id = inserted.at(0, 0).AsInteger();
  for (size_t i = 0; i < draft.members.size(); ++i) {
    const MemberDraft& m = draft.members[i];
    SUNLIGHT_RETURN_IF_ERROR(conn.Execute(
        "INSERT INTO inspection_members(inspection_id, seq, id_number, name, org_id, login) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {id, static_cast<std::int64_t>(i + 1), m.id_number, m.name, m.org_id,
         m.login.empty() ? store::Value() : store::Value(m.login)}));
  }
  for (size_t i = 0; i < targets.size(); ++i) {
    const TieTarget& t = targets[i];
    SUNLIGHT_RETURN_IF_ERROR(conn.Execute(
        "INSERT INTO inspection_targets(inspection_id, seq, target_type, target_ref, region_code, "
        "label) VALUES (?, ?, ?, ?, ?, ?)",
        {id, static_cast<std::int64_t>(i + 1), t.type, t.ref, t.region_code, t.label}));
  }
  SUNLIGHT_RETURN_IF_ERROR(
      RecordEvent(conn, "inspection", id, "", "planned", actor, "创建检查计划"));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return id;
}

namespace {

Inspection FromRow(store::Row row) {
  Inspection in;
  in.id = row[0].AsInteger();
  in.kind = row[1].AsText();
  in.title = row[2].AsText();
  in.org_id = row[3].AsText();
  in.region_code = row[4].AsText();
  in.period_from = row[5].AsText();
  in.period_to = row[6].AsText();
  in.team_size = static_cast<int>(row[7].AsInteger(1));
  in.state = row[8].AsText();
  in.created_by = row[9].AsText();
  in.created_at = row[10].AsText();
  in.updated_at = row[11].AsText();
  in.findings = row[12].AsInteger();
  return in;
}

constexpr std::string_view kSelect =
    "SELECT i.id, i.kind, i.title, i.org_id, i.region_code, i.period_from, i.period_to, "
    "i.team_size, i.state, i.created_by, i.created_at, i.updated_at, "
    "(SELECT COUNT(*) FROM problems p WHERE p.inspection_id = i.id) FROM inspections i ";

}  // namespace

StatusOr<Inspection> LoadInspection(store::Connection& conn, std::int64_t id) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                            conn.Query(std::string(kSelect) + "WHERE i.id = ?", {id}));
  if (rs.empty()) return NotFoundError("检查不存在", "inspection_not_found");
  Inspection in = FromRow(rs.row(0));
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet members,
      conn.Query("SELECT seq, id_number, name, org_id, login FROM inspection_members "
                 "WHERE inspection_id = ? ORDER BY seq",
                 {id}));
  for (store::Row row : members) {
    in.members.push_back({static_cast<int>(row[0].AsInteger()), row[1].AsText(), row[2].AsText(),
                          row[3].AsText(), row[4].AsText()});
  }
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet targets,
      conn.Query("SELECT seq, target_type, target_ref, region_code, label FROM inspection_targets "
                 "WHERE inspection_id = ? ORDER BY seq",
                 {id}));
  for (store::Row row : targets) {
    in.targets.push_back({static_cast<int>(row[0].AsInteger()),
                          row[1].AsText(),
                          row[2].AsText(),
                          row[3].AsText(),
                          row[4].AsText(),
                          {}});
  }
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet assigned,
                            conn.Query("SELECT target_seq, member_seq FROM inspection_assignments "
                                       "WHERE inspection_id = ? ORDER BY target_seq, member_seq",
                                       {id}));
  for (store::Row row : assigned) {
    const int t = static_cast<int>(row[0].AsInteger());
    if (t >= 1 && t <= static_cast<int>(in.targets.size())) {
      in.targets[t - 1].members.push_back(static_cast<int>(row[1].AsInteger()));
    }
  }
  return in;
}

StatusOr<std::vector<Inspection>> ListInspections(store::Connection& conn) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                            conn.Query(std::string(kSelect) + "ORDER BY i.id DESC"));
  std::vector<Inspection> out;
  for (store::Row row : rs) out.push_back(FromRow(row));
  return out;
}

StatusOr<PlanProposal> PlanInspection(store::Connection& conn, std::int64_t id, const Actor& actor,
                                      int max_load) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(Inspection in, LoadInspection(conn, id));
  if (in.state != "planned") {
    return FailedPreconditionError("检查状态为“" +
                                       std::string(InspectionMachine().Label(in.state)) +
                                       "”，只有“已计划”的检查可以分配成员",
                                   "wrong_state");
  }
  const std::vector<TieTarget> targets = TieTargetsOf(conn, in);
  PlanProposal proposal;
  SUNLIGHT_ASSIGN_OR_RETURN(proposal.ties,
                            FindTies(conn, TieMembersOf(in), targets, in.kind == "cross"));
  PlanInput input;
  for (const InspectionMember& m : in.members) input.members.push_back(m.name);
  for (const InspectionTarget& t : in.targets) input.targets.push_back(t.label);
  input.team_size = in.team_size;
  input.max_load = max_load;
  input.ties = proposal.ties;
  proposal.result = Plan(input);
  if (!proposal.result.feasible) return proposal;  // nothing stored; the caller reports why

  SUNLIGHT_RETURN_IF_ERROR(
      conn.Execute("DELETE FROM inspection_assignments WHERE inspection_id = ?", {id}));
  for (size_t t = 0; t < proposal.result.teams.size(); ++t) {
    for (int m : proposal.result.teams[t]) {
      SUNLIGHT_RETURN_IF_ERROR(
          conn.Execute("INSERT INTO inspection_assignments(inspection_id, target_seq, member_seq) "
                       "VALUES (?, ?, ?)",
                       {id, in.targets[t].seq, in.members[m].seq}));
    }
  }
  SUNLIGHT_RETURN_IF_ERROR(conn.Execute("UPDATE inspections SET updated_at = ? WHERE id = ?",
                                        {store::TimestampNow(), id}));
  SUNLIGHT_RETURN_IF_ERROR(
      RecordEvent(conn, "inspection", id, "planned", "planned", actor, "生成无利害关系的分配方案",
                  "{\"max_load\":" + std::to_string(proposal.result.max_load) + "}"));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return proposal;
}

Status MoveInspection(store::Connection& conn, std::int64_t id, std::string_view to,
                      const Actor& actor, std::string_view reason) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                            conn.Query("SELECT state FROM inspections WHERE id = ?", {id}));
  if (rs.empty()) return NotFoundError("检查不存在", "inspection_not_found");
  const std::string from = rs.at(0, 0).AsText();
  SUNLIGHT_RETURN_IF_ERROR(InspectionMachine().Check(from, to));
  if (to == "in_progress") {
    SUNLIGHT_ASSIGN_OR_RETURN(
        store::ResultSet plan,
        conn.Query("SELECT COUNT(*) FROM inspection_assignments WHERE inspection_id = ?", {id}));
    if (plan.at(0, 0).AsInteger() == 0) {
      return FailedPreconditionError("请先生成成员分配方案，再开始检查", "plan_missing");
    }
  }
  if (to == "cancelled" && reason.empty()) {
    return InvalidArgumentError("撤销检查须说明理由", "reason_required");
  }
  SUNLIGHT_RETURN_IF_ERROR(
      conn.Execute("UPDATE inspections SET state = ?, updated_at = ? WHERE id = ?",
                   {std::string(to), store::TimestampNow(), id}));
  SUNLIGHT_RETURN_IF_ERROR(RecordEvent(conn, "inspection", id, from, to, actor, reason));
  return tx.Commit();
}

StatusOr<std::int64_t> AddFinding(store::Connection& conn, std::int64_t inspection_id,
                                  const FindingDraft& finding, const Actor& actor) {
  if (std::find(std::begin(kCategories), std::end(kCategories), finding.category) ==
      std::end(kCategories)) {
    return InvalidArgumentError(
        "问题类别无效（应为 fund_management、project_construction 或 work_implementation）",
        "unknown_category");
  }
  if (finding.title.empty()) return InvalidArgumentError("请填写问题标题", "title_required");
  if (finding.amount_fen < 0) return InvalidArgumentError("涉及金额不能为负数", "bad_amount");
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(Inspection in, LoadInspection(conn, inspection_id));
  if (in.state != "in_progress") {
    return FailedPreconditionError("检查状态为“" +
                                       std::string(InspectionMachine().Label(in.state)) +
                                       "”，只有“检查中”的检查可以登记发现的问题",
                                   "wrong_state");
  }
  std::string region = finding.region_code;
  std::string responsible = finding.responsible_org_id;
  if (finding.target_seq != 0) {
    if (finding.target_seq < 1 || finding.target_seq > static_cast<int>(in.targets.size())) {
      return InvalidArgumentError("检查对象序号无效", "unknown_target");
    }
    const InspectionTarget& t = in.targets[finding.target_seq - 1];
    if (region.empty()) region = t.region_code;
    if (responsible.empty()) {
      SUNLIGHT_ASSIGN_OR_RETURN(TieTarget resolved, ResolveTarget(conn, {t.type, t.ref}));
      responsible = resolved.org_id;
    }
  }
  if (region.empty())
    return InvalidArgumentError("请填写问题所在地区或检查对象", "region_required");
  if (responsible.empty()) {
    return InvalidArgumentError("请填写问题的责任单位", "responsible_org_required");
  }
  // The finding is a problem like any other (problems.h), owned by the inspecting commission.
  ProblemDraft problem;
  problem.source = in.kind == "tour" ? "tour" : "inspection";
  problem.category = finding.category;
  problem.behaviour = finding.behaviour;
  problem.title = finding.title;
  problem.description = finding.description;
  problem.region_code = region;
  problem.responsible_org_id = responsible;
  problem.amount_fen = finding.amount_fen;
  problem.inspection_id = inspection_id;
  problem.owner_org_id = in.org_id;
  SUNLIGHT_ASSIGN_OR_RETURN(const std::int64_t problem_id, InsertProblem(conn, actor, problem));
  const std::string now = store::TimestampNow();
  SUNLIGHT_RETURN_IF_ERROR(
      conn.Execute("UPDATE inspections SET updated_at = ? WHERE id = ?", {now, inspection_id}));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return problem_id;
}

}  // namespace sunlight::supervision::inspections
