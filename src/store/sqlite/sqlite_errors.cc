// SQLite result code → Status, with messages in Chinese.
#include "store/sqlite/sqlite_errors.h"

#include <string>

#include "store/sql_text.h"

namespace sunlight::store::sqlite {

namespace {

// "UNIQUE constraint failed: regions.code, regions.name" → "regions.code, regions.name".
std::string FailedColumns(std::string_view engine_message) {
  constexpr std::string_view kMarker = "failed: ";
  std::size_t pos = engine_message.find(kMarker);
  if (pos == std::string_view::npos) return {};
  return std::string(engine_message.substr(pos + kMarker.size()));
}

}  // namespace

Status SqliteError(int rc, sqlite3* db, std::string_view sql) {
  std::string engine_message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string table = StatementTable(sql);
  std::string where = table.empty() ? std::string() : "（表 " + table + "）";
  std::string columns = FailedColumns(engine_message);
  std::string subject = columns.empty() ? where : "（" + columns + "）";

  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return AlreadyExistsError("数据重复：已存在相同键值的记录" + subject, "unique_violation");
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return FailedPreconditionError(
          "违反外键约束：引用的记录不存在，或记录仍被其他数据引用" + where,
          "foreign_key_violation");
    case SQLITE_CONSTRAINT_NOTNULL:
      return InvalidArgumentError("必填字段为空" + subject, "not_null_violation");
    case SQLITE_CONSTRAINT_CHECK:
      return InvalidArgumentError("数据不符合检查约束" + where + "：" + engine_message,
                                  "check_violation");
    case SQLITE_BUSY_SNAPSHOT:
      return AbortedError("数据在读取后已被其他连接修改，请重试", "snapshot_conflict");
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      return FailedPreconditionError("违反数据约束" + where + "：" + engine_message,
                                     "constraint_violation");
    case SQLITE_BUSY:
      return UnavailableError("数据库正忙，请稍后重试" + where, "database_busy");
    case SQLITE_LOCKED:
      return AbortedError("数据库表被其他操作锁定，请重试" + where, "database_locked");
    case SQLITE_INTERRUPT:
      return AbortedError("数据库操作被中断" + where, "interrupted");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return DataLossError("数据库文件已损坏或不是数据库文件", "database_corrupt");
    case SQLITE_FULL:
      return ResourceExhaustedError("磁盘已满，无法写入数据库", "disk_full");
    case SQLITE_NOMEM:
      return ResourceExhaustedError("内存不足", "out_of_memory");
    case SQLITE_CANTOPEN:
      return UnavailableError("无法打开数据库文件", "cannot_open_database");
    case SQLITE_IOERR:
      return UnavailableError("读写数据库文件出错" + where, "io_error");
    case SQLITE_READONLY:
      return FailedPreconditionError("数据库为只读，不能写入" + where, "database_readonly");
    default:
      return InternalError("数据库错误" + where + "：" + engine_message, "sqlite_error");
  }
}

}  // namespace sunlight::store::sqlite
