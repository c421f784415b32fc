#include "access/audit_log.h"

#include <nlohmann/json.hpp>

#include "access/crypto.h"
#include "store/timestamp.h"
#include "store/transaction.h"

namespace sunlight::access {
namespace {

constexpr char kColumns[] =
    "id, occurred_at, user_id, login, role, org_id, action, target, outcome, remote_address, "
    "details, hash";

AuditEntry FromRow(const store::Row& row) {
  AuditEntry e;
  e.id = row[0].AsInteger();
  e.occurred_at = row[1].AsText();
  e.user_id = row[2].AsInteger();
  e.login = row[3].AsText();
  e.role = row[4].AsText();
  e.org_id = row[5].AsText();
  e.action = row[6].AsText();
  e.target = row[7].AsText();
  e.outcome = row[8].AsText();
  e.remote_address = row[9].AsText();
  e.details = row[10].AsText();
  e.hash = row[11].AsText();
  return e;
}

Status AppendInTransaction(store::Connection& conn, AuditEntry& entry) {
  // Taking audit_head's row first serialises concurrent writers (PostgreSQL row lock; SQLite
  // already holds the database write lock).
  SUNLIGHT_RETURN_IF_ERROR(conn.Execute("UPDATE audit_head SET last_id = last_id WHERE id = 1"));
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet head,
                            conn.Query("SELECT last_id, last_hash FROM audit_head WHERE id = 1"));
  if (head.empty()) return DataLossError("审计日志头记录缺失", "audit_head_missing");
  entry.id = head.at(0, 0).AsInteger() + 1;
  entry.hash = ChainHash(head.at(0, 1).AsText(), entry);
  SUNLIGHT_RETURN_IF_ERROR(
      conn.Execute(std::string("INSERT INTO audit_log(") + kColumns +
                       ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {entry.id, entry.occurred_at, entry.user_id, entry.login, entry.role,
                    entry.org_id, entry.action, entry.target, entry.outcome, entry.remote_address,
                    entry.details, entry.hash}));
  return conn.Execute("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1",
                      {entry.id, entry.hash});
}

}  // namespace

std::string CanonicalAuditContent(const AuditEntry& e) {
  const nlohmann::json content = {e.id,      e.occurred_at,    e.user_id, e.login,
                                  e.role,    e.org_id,         e.action,  e.target,
                                  e.outcome, e.remote_address, e.details};
  return content.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ChainHash(const std::string& previous_hash, const AuditEntry& entry) {
  return Sha256Hex(previous_hash + "\n" + CanonicalAuditContent(entry));
}

StatusOr<AuditEntry> AppendAudit(store::Connection& conn, AuditEntry entry) {
  if (entry.occurred_at.empty()) entry.occurred_at = store::TimestampNow();
  if (entry.details.empty()) entry.details = "{}";
  if (conn.in_transaction()) {
    SUNLIGHT_RETURN_IF_ERROR(AppendInTransaction(conn, entry));
    return entry;
  }
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_RETURN_IF_ERROR(AppendInTransaction(conn, entry));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return entry;
}

StatusOr<AuditVerification> VerifyAuditLog(store::Connection& conn) {
  AuditVerification result;
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin(store::TransactionKind::kRead));
  SUNLIGHT_ASSIGN_OR_RETURN(
      std::unique_ptr<store::Statement> stmt,
      conn.Prepare(std::string("SELECT ") + kColumns + " FROM audit_log ORDER BY id"));
  std::string previous_hash;
  std::int64_t previous_id = 0;
  while (true) {
    SUNLIGHT_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
    if (!has_row) break;
    AuditEntry e;
    e.id = stmt->ColumnInteger(0);
    e.occurred_at = std::string(stmt->ColumnText(1));
    e.user_id = stmt->ColumnInteger(2);
    e.login = std::string(stmt->ColumnText(3));
    e.role = std::string(stmt->ColumnText(4));
    e.org_id = std::string(stmt->ColumnText(5));
    e.action = std::string(stmt->ColumnText(6));
    e.target = std::string(stmt->ColumnText(7));
    e.outcome = std::string(stmt->ColumnText(8));
    e.remote_address = std::string(stmt->ColumnText(9));
    e.details = std::string(stmt->ColumnText(10));
    e.hash = std::string(stmt->ColumnText(11));
    ++result.count;
    if (e.id != previous_id + 1) {
      result.first_broken = e.id;
      result.problem = "记录 " + std::to_string(previous_id + 1) + " 至 " +
                       std::to_string(e.id - 1) + " 缺失（被删除）";
      return result;
    }
    const std::string expected = ChainHash(previous_hash, e);
    if (!ConstantTimeEquals(expected, e.hash)) {
      result.first_broken = e.id;
      result.problem = "记录内容与哈希链不符（被修改，或之前的记录被修改）";
      return result;
    }
    previous_hash = e.hash;
    previous_id = e.id;
  }
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet head,
                            conn.Query("SELECT last_id, last_hash FROM audit_head WHERE id = 1"));
  if (head.empty() || head.at(0, 0).AsInteger() != previous_id ||
      head.at(0, 1).AsText() != previous_hash) {
    const std::int64_t last = head.empty() ? previous_id + 1 : head.at(0, 0).AsInteger();
    result.first_broken = last > previous_id ? previous_id + 1 : last;
    result.problem =
        "日志末尾的记录缺失，或头记录与日志不符（最后一条应为 " + std::to_string(last) + "）";
  }
  return result;
}

StatusOr<AuditPage> ListAudit(store::Connection& conn, const AuditQuery& query) {
  std::string where = " WHERE 1 = 1";
  std::vector<store::Value> params;
  if (!query.action.empty()) {
    where += " AND action = ?";
    params.emplace_back(query.action);
  }
  if (!query.login.empty()) {
    where += " AND login = ?";
    params.emplace_back(query.login);
  }
  AuditPage page;
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet count,
                            conn.Query("SELECT COUNT(*) FROM audit_log" + where, params));
  page.total = count.at(0, 0).AsInteger();
  params.emplace_back(query.page_size);
  params.emplace_back((query.page - 1) * query.page_size);
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rows,
                            conn.Query(std::string("SELECT ") + kColumns + " FROM audit_log" +
                                           where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                                       params));
  for (store::Row row : rows) page.items.push_back(FromRow(row));
  return page;
}

}  // namespace sunlight::access
