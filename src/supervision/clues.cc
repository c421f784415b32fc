#include "supervision/clues.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/timestamp.h"
#include "store/transaction.h"
#include "supervision/list_query.h"
#include "supervision/workflow_events.h"

namespace sunlight::supervision {
namespace {

bool Blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

struct Named {
  std::string_view name;
  std::string_view label;
};

constexpr Named kChannels[] = {
    {"petition", "信访举报"},   {"tour", "巡视巡察"},    {"audit", "审计移送"},
    {"inspection", "监督检查"}, {"warning", "系统预警"}, {"transfer", "其他机关移送"},
    {"other", "其他"},
};

constexpr Named kDisposals[] = {
    {"talk_inquiry", "谈话函询"},
    {"preliminary_verification", "初步核实"},
    {"held", "暂存待查"},
    {"closed_out", "予以了结"},
};

template <size_t N>
std::string_view LabelIn(const Named (&table)[N], std::string_view name) {
  for (const Named& n : table) {
    if (n.name == name) return n.label;
  }
  return {};
}

constexpr std::string_view kClueColumns =
    "id, number, channel, summary, received_on, handling_org_id, region_code, state, proposal, "
    "approval, approved_on, disposal, result, warning_id, problem_id, case_id, "
    "informant_confidential, informant_name, informant_contact, created_by, created_at, "
    "updated_at";

std::optional<std::int64_t> OptionalId(const store::Value& v) {
  if (v.is_null()) return std::nullopt;
  return v.AsInteger();
}

ClueRecord ReadClue(const store::Row& row) {
  ClueRecord c;
  c.id = row[0].AsInteger();
  c.number = row[1].AsText();
  c.channel = row[2].AsText();
  c.summary = row[3].AsText();
  c.received_on = row[4].AsText();
  c.handling_org_id = row[5].AsText();
  c.region_code = row[6].AsText();
  c.state = row[7].AsText();
  c.proposal = row[8].AsText();
  c.approval = row[9].AsText();
  c.approved_on = row[10].AsText();
  c.disposal = row[11].AsText();
  c.result = row[12].AsText();
  c.warning_id = OptionalId(row[13]);
  c.problem_id = OptionalId(row[14]);
  c.case_id = OptionalId(row[15]);
  c.informant_confidential = row[16].AsInteger() != 0;
  c.informant_name = row[17].AsText();
  c.informant_contact = row[18].AsText();
  c.created_by = row[19].AsText();
  c.created_at = row[20].AsText();
  c.updated_at = row[21].AsText();
  return c;
}

Status LoadPersons(store::Connection& conn, ClueRecord& clue) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT name, id_number, org_name, position, authority FROM clue_persons "
                 "WHERE clue_id = ? ORDER BY seq",
                 {clue.id}));
  for (store::Row row : rs) {
    clue.persons.push_back(
        {row[0].AsText(), row[1].AsText(), row[2].AsText(), row[3].AsText(), row[4].AsText()});
  }
  return Status::Ok();
}

// Checks and applies one state change with its event, in the caller's transaction.
Status MoveClue(store::Connection& conn, const Actor& actor, std::int64_t clue_id,
                std::string_view to, std::string_view reason, const std::string& set_sql,
                std::vector<store::Value> set_params, std::string_view details = "{}") {
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                            conn.Query("SELECT state FROM clues WHERE id = ?", {clue_id}));
  if (rs.empty()) return NotFoundError("线索不存在", "clue_not_found");
  const std::string from = rs.at(0, 0).AsText();
  SUNLIGHT_RETURN_IF_ERROR(ClueMachine().Check(from, to));
  std::vector<store::Value> params = {std::string(to), store::TimestampNow()};
  for (store::Value& v : set_params) params.push_back(std::move(v));
  params.push_back(clue_id);
  SUNLIGHT_RETURN_IF_ERROR(conn.Execute(
      "UPDATE clues SET state = ?, updated_at = ?" + set_sql + " WHERE id = ?", params));
  return RecordEvent(conn, "clue", clue_id, from, to, actor, reason, details);
}

// Runs `work` in a write transaction of its own.
template <typename Work>
Status InTransaction(store::Connection& conn, Work work) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_RETURN_IF_ERROR(work());
  return tx.Commit();
}

}  // namespace

const StateMachine& ClueMachine() {
  static const StateMachine kMachine("clue",
                                     {{"registered", "已登记"},
                                      {"proposed", "已拟办"},
                                      {"disposing", "处置中"},
                                      {"concluded", "已办结"},
                                      {"case", "已立案"},
                                      {"transferred", "已移送"}},
                                     {{"registered", "proposed"},
                                      {"registered", "transferred"},
                                      {"proposed", "disposing"},
                                      {"proposed", "transferred"},
                                      {"transferred", "registered"},
                                      {"disposing", "concluded"},
                                      {"disposing", "case"}});
  return kMachine;
}

bool IsClueChannel(std::string_view channel) { return !LabelIn(kChannels, channel).empty(); }
std::string_view ClueChannelLabel(std::string_view channel) { return LabelIn(kChannels, channel); }
bool IsDisposal(std::string_view disposal) { return !LabelIn(kDisposals, disposal).empty(); }
std::string_view DisposalLabel(std::string_view disposal) { return LabelIn(kDisposals, disposal); }

StatusOr<std::int64_t> NextRecordNumber(store::Connection& conn, std::string_view kind,
                                        std::string_view org_id, int year) {
  // UPDATE first: in PostgreSQL it locks the counter row, so two registrations in parallel
  // get consecutive numbers; SQLite's write transaction is already exclusive.
  SUNLIGHT_RETURN_IF_ERROR(
      conn.Execute("UPDATE clue_case_numbers SET last_no = last_no + 1 "
                   "WHERE kind = ? AND org_id = ? AND year = ?",
                   {kind, org_id, year}));
  if (conn.changes() == 0) {
    SUNLIGHT_RETURN_IF_ERROR(
        conn.Execute("INSERT INTO clue_case_numbers(kind, org_id, year, last_no) "
                     "VALUES (?, ?, ?, 1)",
                     {kind, org_id, year}));
    return 1;
  }
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT last_no FROM clue_case_numbers WHERE kind = ? AND org_id = ? AND "
                 "year = ?",
                 {kind, org_id, year}));
  return rs.at(0, 0).AsInteger();
}

StatusOr<RegisteredClue> InsertClue(store::Connection& conn, const Actor& actor,
                                    const NewClue& clue) {
  if (!IsClueChannel(clue.channel)) {
    return InvalidArgumentError(fmt::format("线索来源“{}”无效", clue.channel), "bad_channel");
  }
  if (Blank(clue.summary)) return InvalidArgumentError("请填写线索摘要", "summary_required");
  if (Blank(clue.handling_org_id)) {
    return InvalidArgumentError("请指定承办的纪委监委", "handling_org_required");
  }
  if (Blank(clue.region_code)) return InvalidArgumentError("请指定线索所涉地区", "region_required");
  for (const CluePerson& p : clue.persons) {
    if (Blank(p.name)) return InvalidArgumentError("被反映人姓名不能为空", "person_name_required");
  }
  SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t seq, NextRecordNumber(conn, "clue", clue.handling_org_id,
                                                               clue.received_on.year()));
  RegisteredClue made;
  made.number = fmt::format("{}-XS-{}-{:04d}", clue.handling_org_id, clue.received_on.year(), seq);
  const std::string now = store::TimestampNow();
  auto optional_id = [](const std::optional<std::int64_t>& id) -> store::Value {
    return id ? store::Value(*id) : store::Value(nullptr);
  };
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("INSERT INTO clues(number, channel, summary, received_on, handling_org_id, "
                 "region_code, state, warning_id, problem_id, informant_confidential, "
                 "informant_name, informant_contact, created_by, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, 'registered', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {made.number, clue.channel, clue.summary, clue.received_on.ToString(),
                  clue.handling_org_id, clue.region_code, optional_id(clue.warning_id),
                  optional_id(clue.problem_id), clue.informant_confidential ? 1 : 0,
                  clue.informant_name, clue.informant_contact, actor.login, now, now}));
  made.id = rs.at(0, 0).AsInteger();
  int seq_no = 0;
  for (const CluePerson& p : clue.persons) {
    SUNLIGHT_RETURN_IF_ERROR(conn.Execute(
        "INSERT INTO clue_persons(clue_id, seq, name, id_number, org_name, "
        "position, authority) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {made.id, ++seq_no, p.name, p.id_number, p.org_name, p.position, p.authority}));
  }
  const nlohmann::json details = {{"number", made.number}, {"channel", clue.channel}};
  SUNLIGHT_RETURN_IF_ERROR(
      RecordEvent(conn, "clue", made.id, "", "registered", actor, "登记线索", details.dump()));
  return made;
}

StatusOr<RegisteredClue> RegisterClue(store::Connection& conn, const Actor& actor,
                                      const NewClue& clue) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(RegisteredClue made, InsertClue(conn, actor, clue));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return made;
}

StatusOr<ClueRecord> LoadClue(store::Connection& conn, std::int64_t clue_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT " + std::string(kClueColumns) + " FROM clues WHERE id = ?", {clue_id}));
  if (rs.empty()) return NotFoundError("线索不存在", "clue_not_found");
  ClueRecord clue = ReadClue(rs.row(0));
  SUNLIGHT_RETURN_IF_ERROR(LoadPersons(conn, clue));
  return clue;
}

StatusOr<CluePage> ListClues(store::Connection& conn, const ClueFilter& filter) {
  CluePage page;
  if (filter.region_prefixes.empty() && filter.also_org_id.empty()) return page;
  std::vector<store::Value> params;
  std::string who;
  for (const std::string& prefix : filter.region_prefixes) {
    if (!who.empty()) who += " OR ";
    who += "region_code LIKE ?";
    params.push_back(prefix + "%");
  }
  if (!filter.also_org_id.empty()) {
    if (!who.empty()) who += " OR ";
    who +=
        "id IN (SELECT i.item_id FROM transfer_items i JOIN transfers t ON t.id = i.transfer_id "
        "WHERE i.item_type = 'clue' AND t.to_org_id = ? AND t.state <> 'returned')";
    params.push_back(filter.also_org_id);
  }
  std::string where = "(" + who + ")";
  if (!filter.state.empty()) {
    where += " AND state = ?";
    params.push_back(filter.state);
  }
  if (!filter.channel.empty()) {
    where += " AND channel = ?";
    params.push_back(filter.channel);
  }
  SUNLIGHT_ASSIGN_OR_RETURN(
      RowPage rows, QueryPage(conn, kClueColumns, "clues", where, std::move(params), filter.page,
                              filter.page_size));
  page.total = rows.total;
  const store::ResultSet& rs = rows.rows;
  for (store::Row row : rs) {
    page.items.push_back(ReadClue(row));
    SUNLIGHT_RETURN_IF_ERROR(LoadPersons(conn, page.items.back()));
  }
  return page;
}

StatusOr<bool> ClueTransferredTo(store::Connection& conn, std::int64_t clue_id,
                                 std::string_view org_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT COUNT(*) FROM transfer_items i JOIN transfers t ON t.id = i.transfer_id "
                 "WHERE i.item_type = 'clue' AND i.item_id = ? AND t.to_org_id = ? AND "
                 "t.state <> 'returned'",
                 {clue_id, org_id}));
  return rs.at(0, 0).AsInteger() > 0;
}

Status ProposeClue(store::Connection& conn, const Actor& actor, std::int64_t clue_id,
                   std::string_view proposal) {
  if (Blank(proposal)) return InvalidArgumentError("请填写拟办意见", "proposal_required");
  return InTransaction(conn, [&] {
    return MoveClue(conn, actor, clue_id, "proposed", proposal, ", proposal = ?",
                    {std::string(proposal)});
  });
}

Status ApproveClueProposal(store::Connection& conn, const Actor& actor, std::int64_t clue_id,
                           std::string_view approval, Date approved_on) {
  if (Blank(approval)) return InvalidArgumentError("请填写集体研究意见", "approval_required");
  return InTransaction(conn, [&]() -> Status {
    SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                              conn.Query("SELECT state FROM clues WHERE id = ?", {clue_id}));
    if (rs.empty()) return NotFoundError("线索不存在", "clue_not_found");
    const std::string state = rs.at(0, 0).AsText();
    if (state != "proposed") {
      // Not a transition, but only a proposal can be approved: the same 409 as a wrong step.
      return FailedPreconditionError(
          fmt::format("当前状态为“{}”，只有已拟办的线索才能记录集体研究意见",
                      ClueMachine().Label(state)),
          "wrong_state");
    }
    SUNLIGHT_RETURN_IF_ERROR(
        conn.Execute("UPDATE clues SET approval = ?, approved_on = ?, updated_at = ? WHERE id = ?",
                     {approval, approved_on.ToString(), store::TimestampNow(), clue_id}));
    const nlohmann::json details = {{"approved_on", approved_on.ToString()}};
    return RecordEvent(conn, "clue", clue_id, state, state, actor, approval, details.dump());
  });
}

Status DisposeClue(store::Connection& conn, const Actor& actor, std::int64_t clue_id,
                   std::string_view disposal) {
  if (!IsDisposal(disposal)) {
    return InvalidArgumentError(fmt::format("处置方式“{}”无效", disposal), "bad_disposal");
  }
  return InTransaction(conn, [&]() -> Status {
    SUNLIGHT_ASSIGN_OR_RETURN(
        store::ResultSet rs,
        conn.Query("SELECT state, approval FROM clues WHERE id = ?", {clue_id}));
    if (rs.empty()) return NotFoundError("线索不存在", "clue_not_found");
    // The state check comes first so a wrong step is a 409 whatever the approval.
    SUNLIGHT_RETURN_IF_ERROR(ClueMachine().Check(rs.at(0, 0).AsText(), "disposing"));
    if (Blank(rs.at(0, 1).AsText())) {
      return FailedPreconditionError("拟办意见尚未经集体研究，不能处置", "approval_required");
    }
    const nlohmann::json details = {{"disposal", disposal}};
    return MoveClue(conn, actor, clue_id, "disposing", DisposalLabel(disposal), ", disposal = ?",
                    {std::string(disposal)}, details.dump());
  });
}

Status ConcludeClue(store::Connection& conn, const Actor& actor, std::int64_t clue_id,
                    std::string_view result) {
  if (Blank(result)) return InvalidArgumentError("请填写办结结果", "result_required");
  return InTransaction(conn, [&] {
    return MoveClue(conn, actor, clue_id, "concluded", result, ", result = ?",
                    {std::string(result)});
  });
}

Status MarkClueCase(store::Connection& conn, const Actor& actor, std::int64_t clue_id,
                    std::int64_t case_id) {
  const nlohmann::json details = {{"case_id", case_id}};
  return MoveClue(conn, actor, clue_id, "case", "立案审查调查", ", case_id = ?", {case_id},
                  details.dump());
}

Status MarkClueTransferred(store::Connection& conn, const Actor& actor, std::int64_t clue_id,
                           std::int64_t transfer_id) {
  const nlohmann::json details = {{"transfer_id", transfer_id}};
  return MoveClue(conn, actor, clue_id, "transferred", "不属本机关管辖，移送", "", {},
                  details.dump());
}

Status MarkClueReturned(store::Connection& conn, const Actor& actor, std::int64_t clue_id,
                        std::int64_t transfer_id, std::string_view reason) {
  const nlohmann::json details = {{"transfer_id", transfer_id}};
  return MoveClue(conn, actor, clue_id, "registered", reason, "", {}, details.dump());
}

}  // namespace sunlight::supervision
