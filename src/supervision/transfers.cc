#include "supervision/transfers.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/timestamp.h"
#include "store/transaction.h"
#include "supervision/clues.h"
#include "supervision/list_query.h"
#include "supervision/workflow_events.h"

namespace sunlight::supervision {
namespace {

bool Blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

constexpr std::string_view kTransferColumns =
    "id, letter_no, from_org_id, to_org_id, from_region, to_region, state, sent_on, "
    "feedback_due, batch_quarter, note, result, return_reason, sent_at, acknowledged_at, "
    "concluded_at, created_by";

TransferRecord ReadTransfer(const store::Row& row) {
  TransferRecord t;
  t.id = row[0].AsInteger();
  t.letter_no = row[1].AsText();
  t.from_org_id = row[2].AsText();
  t.to_org_id = row[3].AsText();
  t.from_region = row[4].AsText();
  t.to_region = row[5].AsText();
  t.state = row[6].AsText();
  t.sent_on = row[7].AsText();
  t.feedback_due = row[8].AsText();
  t.batch_quarter = row[9].AsText();
  t.note = row[10].AsText();
  t.result = row[11].AsText();
  t.return_reason = row[12].AsText();
  t.sent_at = row[13].AsText();
  t.acknowledged_at = row[14].AsText();
  t.concluded_at = row[15].AsText();
  t.created_by = row[16].AsText();
  return t;
}

Status LoadItems(store::Connection& conn, TransferRecord& t) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT item_type, item_id FROM transfer_items WHERE transfer_id = ? "
                 "ORDER BY item_type, item_id",
                 {t.id}));
  for (store::Row row : rs) t.items.push_back({row[0].AsText(), row[1].AsInteger()});
  return Status::Ok();
}

// The request key as stored: scoped by the sending org, so that two commissions choosing the
// same key never meet each other's transfer.
std::string StoredKey(const Actor& actor, std::string_view key) {
  return actor.org_id + ":" + std::string(key);
}

StatusOr<std::optional<std::int64_t>> FindByKey(store::Connection& conn,
                                                const std::string& stored_key) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT id FROM transfers WHERE request_key = ?", {stored_key}));
  if (rs.empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rs.at(0, 0).AsInteger());
}

Status Validate(const NewTransfer& t, const Actor& actor) {
  if (Blank(t.request_key)) {
    return InvalidArgumentError("缺少请求标识（request_key），无法保证重发不重复",
                                "request_key_required");
  }
  if (Blank(t.letter_no)) return InvalidArgumentError("请填写移送函文号", "letter_no_required");
  if (Blank(t.to_org_id)) return InvalidArgumentError("请指定接收的纪委监委", "receiver_required");
  if (t.to_org_id == actor.org_id) {
    return InvalidArgumentError("不能移送给本机关", "same_org");
  }
  if (t.items.empty()) {
    return InvalidArgumentError("移送须至少包含一条线索或一个问题", "items_required");
  }
  for (const TransferItem& item : t.items) {
    if (item.type != "clue" && item.type != "problem") {
      return InvalidArgumentError(
          fmt::format("移送事项类型“{}”无效（应为 clue 或 problem）", item.type), "bad_item_type");
    }
  }
  if (!t.batch_quarter.empty() && !IsBatchQuarter(t.batch_quarter)) {
    return InvalidArgumentError(fmt::format("季度批次“{}”无效，应形如 2026Q3", t.batch_quarter),
                                "bad_batch_quarter");
  }
  return Status::Ok();
}

// The receiver's region, after checking it is a commission.
StatusOr<std::string> CommissionRegion(store::Connection& conn, std::string_view org_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT kind, region_code FROM organizations WHERE org_id = ?", {org_id}));
  if (rs.empty()) {
    return NotFoundError(fmt::format("机构“{}”不存在", org_id), "unknown_org");
  }
  if (rs.at(0, 0).AsText() != "commission") {
    return InvalidArgumentError(fmt::format("机构“{}”不是纪委监委，不能接收移送", org_id),
                                "not_a_commission");
  }
  return rs.at(0, 1).AsText();
}

// Attaches one item, in the send's transaction.
Status CarryItem(store::Connection& conn, const Actor& actor, std::int64_t transfer_id,
                 const TransferItem& item) {
  if (item.type == "clue") {
    SUNLIGHT_ASSIGN_OR_RETURN(
        store::ResultSet rs,
        conn.Query("SELECT handling_org_id FROM clues WHERE id = ?", {item.id}));
    if (rs.empty()) {
      return NotFoundError(fmt::format("线索 {} 不存在", item.id), "item_not_found");
    }
    if (rs.at(0, 0).AsText() != actor.org_id) {
      return PermissionDeniedError(fmt::format("线索 {} 不由本机关承办，不能移送", item.id),
                                   "item_not_owned");
    }
    SUNLIGHT_RETURN_IF_ERROR(MarkClueTransferred(conn, actor, item.id, transfer_id));
  } else {
    SUNLIGHT_ASSIGN_OR_RETURN(
        store::ResultSet rs,
        conn.Query("SELECT owner_org_id FROM problems WHERE id = ?", {item.id}));
    if (rs.empty()) {
      return NotFoundError(fmt::format("问题 {} 不存在", item.id), "item_not_found");
    }
    if (rs.at(0, 0).AsText() != actor.org_id) {
      return PermissionDeniedError(fmt::format("问题 {} 不由本机关登记，不能移送", item.id),
                                   "item_not_owned");
    }
    SUNLIGHT_RETURN_IF_ERROR(
        conn.Execute("UPDATE problems SET transfer_id = ?, updated_at = ? WHERE id = ?",
                     {transfer_id, store::TimestampNow(), item.id}));
  }
  return conn.Execute(
      "INSERT INTO transfer_items(transfer_id, item_type, item_id) VALUES (?, ?, ?)",
      {transfer_id, item.type, item.id});
}

StatusOr<std::int64_t> InsertTransfer(store::Connection& conn, const Actor& actor,
                                      const WorkCalendar& calendar, const NewTransfer& t,
                                      const std::string& stored_key) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::string to_region, CommissionRegion(conn, t.to_org_id));
  const Date due = t.feedback_due ? *t.feedback_due
                                  : calendar.AddWorkingDays(t.sent_on, t.feedback_working_days);
  if (due < t.sent_on) {
    return InvalidArgumentError("反馈期限不能早于移送日期", "bad_feedback_due");
  }
  const std::string now = store::TimestampNow();
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query(
          "INSERT INTO transfers(letter_no, from_org_id, to_org_id, from_region, "
          "to_region, state, feedback_due, batch_quarter, note, request_key, sent_at, "
          "created_by, sent_on) VALUES (?, ?, ?, ?, ?, 'sent', ?, ?, ?, ?, ?, ?, ?) "
          "RETURNING id",
          {t.letter_no, actor.org_id, t.to_org_id, actor.region_code, to_region, due.ToString(),
           t.batch_quarter.empty() ? store::Value(nullptr) : store::Value(t.batch_quarter), t.note,
           stored_key, now, actor.login, t.sent_on.ToString()}));
  const std::int64_t id = rs.at(0, 0).AsInteger();
  nlohmann::json items = nlohmann::json::array();
  for (const TransferItem& item : t.items) {
    SUNLIGHT_RETURN_IF_ERROR(CarryItem(conn, actor, id, item));
    items.push_back({{"type", item.type}, {"id", item.id}});
  }
  const nlohmann::json details = {{"letter_no", t.letter_no},
                                  {"to_org_id", t.to_org_id},
                                  {"feedback_due", due.ToString()},
                                  {"items", items}};
  SUNLIGHT_RETURN_IF_ERROR(
      RecordEvent(conn, "transfer", id, "", "sent", actor, "移送", details.dump()));
  return id;
}

// Loads the transfer's state and parties for a step by the receiver.
struct Parties {
  std::string state;
  std::string to_org_id;
};

StatusOr<Parties> ReceiverStep(store::Connection& conn, const Actor& actor,
                               std::int64_t transfer_id, std::string_view to) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT state, to_org_id FROM transfers WHERE id = ?", {transfer_id}));
  if (rs.empty()) return NotFoundError("移送不存在", "transfer_not_found");
  Parties p{rs.at(0, 0).AsText(), rs.at(0, 1).AsText()};
  if (p.to_org_id != actor.org_id) {
    return PermissionDeniedError("只有接收移送的纪委监委才能办理此步骤", "not_receiver");
  }
  SUNLIGHT_RETURN_IF_ERROR(TransferMachine().Check(p.state, to));
  return p;
}

}  // namespace

const StateMachine& TransferMachine() {
  static const StateMachine kMachine("transfer",
                                     {{"sent", "已移送"},
                                      {"acknowledged", "已签收"},
                                      {"in_progress", "办理中"},
                                      {"concluded", "已办结"},
                                      {"returned", "已退回"}},
                                     {{"sent", "acknowledged"},
                                      {"sent", "returned"},
                                      {"acknowledged", "in_progress"},
                                      {"acknowledged", "returned"},
                                      {"in_progress", "in_progress"},
                                      {"in_progress", "concluded"},
                                      {"in_progress", "returned"}});
  return kMachine;
}

bool IsBatchQuarter(std::string_view text) {
  if (text.size() != 6 || text[4] != 'Q' || text[5] < '1' || text[5] > '4') return false;
  for (int i = 0; i < 4; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

StatusOr<SentTransfer> SendTransfer(store::Connection& conn, const Actor& actor,
                                    const WorkCalendar& calendar, const NewTransfer& transfer) {
  SUNLIGHT_RETURN_IF_ERROR(Validate(transfer, actor));
  const std::string stored_key = StoredKey(actor, transfer.request_key);
  {
    SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
    SUNLIGHT_ASSIGN_OR_RETURN(std::optional<std::int64_t> existing, FindByKey(conn, stored_key));
    if (existing) return SentTransfer{*existing, false};
    StatusOr<std::int64_t> id = InsertTransfer(conn, actor, calendar, transfer, stored_key);
    if (id.ok()) {
      Status committed = tx.Commit();
      if (committed.ok()) return SentTransfer{*id, true};
      id = committed;
    }
    // A concurrent retry with the same key may have won the race on the UNIQUE key (the
    // write lock makes that impossible in SQLite, not in PostgreSQL): roll back and look.
    tx.Rollback().IgnoreError();
    SUNLIGHT_ASSIGN_OR_RETURN(std::optional<std::int64_t> raced, FindByKey(conn, stored_key));
    if (raced) return SentTransfer{*raced, false};
    return id.status();
  }
}

StatusOr<TransferRecord> LoadTransfer(store::Connection& conn, std::int64_t transfer_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT " + std::string(kTransferColumns) + " FROM transfers WHERE id = ?",
                 {transfer_id}));
  if (rs.empty()) return NotFoundError("移送不存在", "transfer_not_found");
  TransferRecord t = ReadTransfer(rs.row(0));
  SUNLIGHT_RETURN_IF_ERROR(LoadItems(conn, t));
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet fb,
      conn.Query("SELECT id, text, reported_on, author_login, author_org, created_at "
                 "FROM transfer_feedback WHERE transfer_id = ? ORDER BY id",
                 {transfer_id}));
  for (store::Row row : fb) {
    t.feedback.push_back({row[0].AsInteger(), row[1].AsText(), row[2].AsText(), row[3].AsText(),
                          row[4].AsText(), row[5].AsText()});
  }
  return t;
}

StatusOr<TransferPage> ListTransfers(store::Connection& conn, const TransferFilter& filter) {
  TransferPage page;
  if (filter.org_id.empty()) return page;
  std::vector<store::Value> params;
  std::string where;
  if (filter.box == "sent") {
    where = "from_org_id = ?";
    params.push_back(filter.org_id);
  } else if (filter.box == "received") {
    where = "to_org_id = ?";
    params.push_back(filter.org_id);
  } else {
    where = "(from_org_id = ? OR to_org_id = ?)";
    params.push_back(filter.org_id);
    params.push_back(filter.org_id);
  }
  if (!filter.state.empty()) {
    where += " AND state = ?";
    params.push_back(filter.state);
  }
  if (!filter.batch_quarter.empty()) {
    where += " AND batch_quarter = ?";
    params.push_back(filter.batch_quarter);
  }
  SUNLIGHT_ASSIGN_OR_RETURN(RowPage rows,
                            QueryPage(conn, kTransferColumns, "transfers", where, std::move(params),
                                      filter.page, filter.page_size));
  page.total = rows.total;
  const store::ResultSet& rs = rows.rows;
  for (store::Row row : rs) {
    page.items.push_back(ReadTransfer(row));
    SUNLIGHT_RETURN_IF_ERROR(LoadItems(conn, page.items.back()));
  }
  return page;
}

Status AcknowledgeTransfer(store::Connection& conn, const Actor& actor, std::int64_t transfer_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(Parties p, ReceiverStep(conn, actor, transfer_id, "acknowledged"));
  const std::string now = store::TimestampNow();
  SUNLIGHT_RETURN_IF_ERROR(
      conn.Execute("UPDATE transfers SET state = 'acknowledged', acknowledged_at = ? WHERE id = ?",
                   {now, transfer_id}));
  SUNLIGHT_RETURN_IF_ERROR(
      RecordEvent(conn, "transfer", transfer_id, p.state, "acknowledged", actor, "签收"));
  return tx.Commit();
}

StatusOr<std::int64_t> AddTransferFeedback(store::Connection& conn, const Actor& actor,
                                           std::int64_t transfer_id, std::string_view text,
                                           Date reported_on) {
  if (Blank(text)) return InvalidArgumentError("请填写反馈内容", "text_required");
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(Parties p, ReceiverStep(conn, actor, transfer_id, "in_progress"));
  const std::string now = store::TimestampNow();
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("INSERT INTO transfer_feedback(transfer_id, text, author_login, author_org, "
                 "created_at, reported_on) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                 {transfer_id, text, actor.login, actor.org_id, now, reported_on.ToString()}));
  const std::int64_t feedback_id = rs.at(0, 0).AsInteger();
  SUNLIGHT_RETURN_IF_ERROR(
      conn.Execute("UPDATE transfers SET state = 'in_progress' WHERE id = ?", {transfer_id}));
  const nlohmann::json details = {{"feedback_id", feedback_id},
                                  {"reported_on", reported_on.ToString()}};
  SUNLIGHT_RETURN_IF_ERROR(RecordEvent(conn, "transfer", transfer_id, p.state, "in_progress", actor,
                                       "反馈办理进展", details.dump()));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return feedback_id;
}

Status ConcludeTransfer(store::Connection& conn, const Actor& actor, std::int64_t transfer_id,
                        std::string_view result) {
  if (Blank(result)) return InvalidArgumentError("请填写办理结果", "result_required");
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(Parties p, ReceiverStep(conn, actor, transfer_id, "concluded"));
  SUNLIGHT_RETURN_IF_ERROR(conn.Execute(
      "UPDATE transfers SET state = 'concluded', result = ?, concluded_at = ? WHERE id = ?",
      {result, store::TimestampNow(), transfer_id}));
  SUNLIGHT_RETURN_IF_ERROR(
      RecordEvent(conn, "transfer", transfer_id, p.state, "concluded", actor, result));
  return tx.Commit();
}

Status ReturnTransfer(store::Connection& conn, const Actor& actor, std::int64_t transfer_id,
                      std::string_view reason) {
  if (Blank(reason)) return InvalidArgumentError("请填写退回理由", "reason_required");
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(Parties p, ReceiverStep(conn, actor, transfer_id, "returned"));
  SUNLIGHT_RETURN_IF_ERROR(conn.Execute(
      "UPDATE transfers SET state = 'returned', return_reason = ?, concluded_at = ? WHERE id = ?",
      {reason, store::TimestampNow(), transfer_id}));
  SUNLIGHT_RETURN_IF_ERROR(
      RecordEvent(conn, "transfer", transfer_id, p.state, "returned", actor, reason));
  // The carried clues are the sender's again.
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet clues,
      conn.Query("SELECT i.item_id FROM transfer_items i JOIN clues c ON c.id = i.item_id "
                 "WHERE i.transfer_id = ? AND i.item_type = 'clue' AND c.state = 'transferred'",
                 {transfer_id}));
  for (store::Row row : clues) {
    SUNLIGHT_RETURN_IF_ERROR(MarkClueReturned(conn, actor, row[0].AsInteger(), transfer_id,
                                              "移送被退回：" + std::string(reason)));
  }
  return tx.Commit();
}

}  // namespace sunlight::supervision

namespace sunlight::supervision {

Status SeedDemoCluesTransfers(store::Connection& conn, const WorkCalendar& calendar) {
  const Actor gz{"gz_jw", "4401-JW", "4401"};
  const Actor bj{"bj_jw", "5205-JW", "5205"};
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet seeded,
      conn.Query("SELECT COUNT(*) FROM transfers WHERE request_key = ?", {"4401-JW:demo-seed-1"}));
  if (seeded.at(0, 0).AsInteger() > 0) return Status::Ok();
  const Date today = Date::Today();
  NewClue clue;
  clue.channel = "petition";
  clue.received_on = calendar.AddWorkingDays(today, -12);
  clue.handling_org_id = "4401-JW";
  clue.region_code = "520521";
  clue.summary = "群众来信反映大方县某村村干部在产业扶贫项目中虚报冒领补助资金";
  clue.persons.push_back({"王某某", "", "大方县某村村民委员会", "村委会主任", "县管干部"});
  clue.informant_name = "（匿名）";
  SUNLIGHT_ASSIGN_OR_RETURN(RegisteredClue first, RegisterClue(conn, gz, clue));
  clue.summary = "审计发现大方县某合作社以劳务费名义将项目资金转入个人账户";
  clue.channel = "audit";
  clue.informant_name.clear();
  clue.persons = {{"张某", "", "大方县某农民专业合作社", "理事长", "非管理对象"}};
  SUNLIGHT_ASSIGN_OR_RETURN(RegisteredClue second, RegisterClue(conn, gz, clue));

  NewTransfer waiting;
  waiting.request_key = "demo-seed-1";
  waiting.letter_no = "穗纪协移〔" + std::to_string(today.year()) + "〕1号";
  waiting.to_org_id = "5205-JW";
  waiting.items = {{"clue", first.id}};
  waiting.sent_on = calendar.AddWorkingDays(today, -7);
  waiting.note = "被反映人系大方县管理干部，按干部管理权限移送";
  SUNLIGHT_RETURN_IF_ERROR(SendTransfer(conn, gz, calendar, waiting).status());

  NewTransfer answered = waiting;
  answered.request_key = "demo-seed-2";
  answered.letter_no = "穗纪协移〔" + std::to_string(today.year()) + "〕2号";
  answered.items = {{"clue", second.id}};
  answered.sent_on = calendar.AddWorkingDays(today, -10);
  SUNLIGHT_ASSIGN_OR_RETURN(SentTransfer sent, SendTransfer(conn, gz, calendar, answered));
  SUNLIGHT_RETURN_IF_ERROR(AcknowledgeTransfer(conn, bj, sent.id));
  return AddTransferFeedback(conn, bj, sent.id, "已签收并成立核查组，正在调取合作社账目",
                             calendar.AddWorkingDays(today, -3))
      .status();
}

}  // namespace sunlight::supervision
