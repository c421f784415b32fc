// SQLSTATE → Status, with messages in Chinese.
#include "store/postgres/pg_errors.h"

#include <string>

#include "store/sql_text.h"

namespace sunlight::store::postgres {

namespace {

std::string Field(const PGresult* result, int field) {
  const char* value = result != nullptr ? PQresultErrorField(result, field) : nullptr;
  return value != nullptr ? std::string(value) : std::string();
}

std::string TrimmedMessage(const char* message) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

Status PgError(const PGresult* result, const PGconn* conn, std::string_view sql) {
  std::string state = Field(result, PG_DIAG_SQLSTATE);
  std::string primary = result != nullptr ? Field(result, PG_DIAG_MESSAGE_PRIMARY)
                                          : TrimmedMessage(PQerrorMessage(conn));
  std::string table = Field(result, PG_DIAG_TABLE_NAME);
  if (table.empty()) table = StatementTable(sql);
  std::string column = Field(result, PG_DIAG_COLUMN_NAME);
  std::string constraint = Field(result, PG_DIAG_CONSTRAINT_NAME);
  std::string where = table.empty() ? std::string() : "（表 " + table + "）";
  std::string subject = where;
  if (!table.empty() && !column.empty()) subject = "（" + table + "." + column + "）";
  if (!table.empty() && !constraint.empty()) {
    subject = "（表 " + table + "，约束 " + constraint + "）";
  }

  if (state.empty()) {  // no SQLSTATE: the connection itself failed
    return UnavailableError("与 PostgreSQL 服务器的连接出错：" + primary, "connection_lost");
  }
  if (state == "23505") {
    return AlreadyExistsError("数据重复：已存在相同键值的记录" + subject, "unique_violation");
  }
  if (state == "23503") {
    return FailedPreconditionError("违反外键约束：引用的记录不存在，或记录仍被其他数据引用" + where,
                                   "foreign_key_violation");
  }
  if (state == "23502") {
    return InvalidArgumentError("必填字段为空" + subject, "not_null_violation");
  }
  if (state == "23514") {
    return InvalidArgumentError("数据不符合检查约束" + subject, "check_violation");
  }
  if (state.starts_with("23")) {
    return FailedPreconditionError("违反数据约束" + where + "：" + primary, "constraint_violation");
  }
  // RAISE EXCEPTION in a trigger (e.g. the append-only audit log): our own
  // message, like SQLite's RAISE(ABORT, …), which it maps the same way.
  if (state == "P0001") {
    return FailedPreconditionError("违反数据约束" + where + "：" + primary, "constraint_violation");
  }
  if (state == "40001") {
    return AbortedError("数据在读取后已被其他连接修改，请重试", "snapshot_conflict");
  }
  if (state == "40P01") return AbortedError("数据库检测到死锁，请重试" + where, "deadlock");
  if (state == "55P03" || state == "57014") {
    return UnavailableError("数据库正忙，请稍后重试" + where, "database_busy");
  }
  if (state == "25P02") {
    return FailedPreconditionError("事务中先前的语句已失败，事务必须回滚", "transaction_aborted");
  }
  if (state == "25006") {
    return FailedPreconditionError("只读事务中不能写入" + where, "database_readonly");
  }
  if (state == "42601" && primary.find("multiple commands") != std::string::npos) {
    return InternalError("一次只能执行一条 SQL 语句", "multiple_statements");
  }
  if (state == "42501") {
    return PermissionDeniedError("数据库账号无权执行该操作" + where + "：" + primary,
                                 "insufficient_privilege");
  }
  if (state == "3D000") {
    return NotFoundError("PostgreSQL 数据库不存在", "database_not_found");
  }
  if (state == "53100") return ResourceExhaustedError("磁盘已满，无法写入数据库", "disk_full");
  if (state == "53200") return ResourceExhaustedError("内存不足", "out_of_memory");
  if (state.starts_with("53")) {
    return UnavailableError("数据库资源不足（" + state + "），请稍后重试", "database_busy");
  }
  if (state.starts_with("08") || state.starts_with("57P")) {
    return UnavailableError("与 PostgreSQL 服务器的连接中断：" + primary, "connection_lost");
  }
  if (state.starts_with("XX")) {
    return DataLossError("数据库报告内部错误或数据损坏（" + state + "）", "database_corrupt");
  }
  if (state.starts_with("22")) {
    // The primary message may quote the input ("invalid input syntax … "张三"").
    return InvalidArgumentError("数据格式不正确" + where + "（SQLSTATE " + state + "）",
                                "data_exception");
  }
  return InternalError("数据库错误" + where + "：" + primary + "（SQLSTATE " + state + "）",
                       "postgres_error");
}

Status PgConnectError(const PGconn* conn) {
  std::string message = conn != nullptr ? TrimmedMessage(PQerrorMessage(conn)) : "内存不足";
  if (message.find("does not exist") != std::string::npos &&
      message.find("database") != std::string::npos) {
    return NotFoundError("PostgreSQL 数据库不存在：" + message, "database_not_found");
  }
  if (message.find("authentication") != std::string::npos ||
      message.find("password") != std::string::npos) {
    return UnauthenticatedError("PostgreSQL 身份验证失败：" + message, "database_auth_failed");
  }
  return UnavailableError("无法连接 PostgreSQL 服务器：" + message, "cannot_open_database");
}

}  // namespace sunlight::store::postgres
