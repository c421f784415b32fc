// SqliteStatement: binding, stepping and reading through the SQLite C API.
#include "store/sqlite/sqlite_statement.h"

#include <cctype>
#include <string>

#include "store/sqlite/sqlite_errors.h"

namespace sunlight::store::sqlite {

namespace {

// True when `rest` holds only whitespace, `;` and comments.
bool OnlyTrivia(std::string_view rest) {
  std::size_t pos = 0;
  while (pos < rest.size()) {
    char c = rest[pos];
    if (std::isspace(static_cast<unsigned char>(c)) || c == ';') {
      ++pos;
    } else if (rest.substr(pos, 2) == "--") {
      std::size_t end = rest.find('\n', pos);
      pos = end == std::string_view::npos ? rest.size() : end;
    } else if (rest.substr(pos, 2) == "/*") {
      std::size_t end = rest.find("*/", pos + 2);
      pos = end == std::string_view::npos ? rest.size() : end + 2;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

StatusOr<std::unique_ptr<SqliteStatement>> SqliteStatement::Compile(sqlite3* db,
                                                                    std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &raw, &tail);
  StmtPtr stmt(raw);
  if (rc != SQLITE_OK) return SqliteError(rc, db, sql);
  if (stmt == nullptr) {
    return InternalError("SQL 语句为空", "empty_statement");
  }
  if (tail != nullptr && !OnlyTrivia(std::string_view(tail, sql.data() + sql.size() - tail))) {
    return InternalError("一次只能执行一条 SQL 语句", "multiple_statements");
  }
  return std::make_unique<SqliteStatement>(std::move(stmt));
}

Status SqliteStatement::BindResult(int rc) const {
  if (rc == SQLITE_OK) return Status::Ok();
  if (rc == SQLITE_RANGE) {
    return InternalError("SQL 参数序号超出范围", "parameter_out_of_range");
  }
  return SqliteError(rc, sqlite3_db_handle(stmt_.get()), sqlite3_sql(stmt_.get()));
}

Status SqliteStatement::BindNull(int index) {
  return BindResult(sqlite3_bind_null(stmt_.get(), index));
}

Status SqliteStatement::BindInteger(int index, std::int64_t value) {
  return BindResult(sqlite3_bind_int64(stmt_.get(), index, value));
}

Status SqliteStatement::BindReal(int index, double value) {
  return BindResult(sqlite3_bind_double(stmt_.get(), index, value));
}

Status SqliteStatement::BindText(int index, std::string_view value) {
  return BindTextAs(index, value, SQLITE_TRANSIENT);
}

Status SqliteStatement::BindBlob(int index, const Blob& value) {
  return BindBlobAs(index, value, SQLITE_TRANSIENT);
}

Status SqliteStatement::BindTextAs(int index, std::string_view value,
                                   sqlite3_destructor_type destructor) {
  return BindResult(BindTextCode(index, value, destructor));
}

int SqliteStatement::BindTextCode(int index, std::string_view value,
                                  sqlite3_destructor_type destructor) {
  return sqlite3_bind_text64(stmt_.get(), index, value.data(), value.size(), destructor,
                             SQLITE_UTF8);
}

Status SqliteStatement::BindBlobAs(int index, const Blob& value,
                                   sqlite3_destructor_type destructor) {
  return BindResult(BindBlobCode(index, value, destructor));
}

int SqliteStatement::BindBlobCode(int index, const Blob& value,
                                  sqlite3_destructor_type destructor) {
  // An empty vector's data() may be null, which SQLite would store as NULL; a
  // zero-length blob must stay a blob.
  static const std::uint8_t kEmpty = 0;
  const void* data = value.empty() ? &kEmpty : value.data();
  return sqlite3_bind_blob64(stmt_.get(), index, data, value.size(), destructor);
}

Status SqliteStatement::BindRowBorrowed(const std::vector<Value>& values) {
  sqlite3_stmt* stmt = stmt_.get();
  int rc = SQLITE_OK;
  for (std::size_t value_idx = 0; value_idx < values.size() && rc == SQLITE_OK; ++value_idx) {
    const Value& value = values[value_idx];
    const int index = static_cast<int>(value_idx) + 1;
    switch (value.type()) {
      case ValueType::kNull:
        rc = sqlite3_bind_null(stmt, index);
        break;
      case ValueType::kInteger:
        rc = sqlite3_bind_int64(stmt, index, value.integer());
        break;
      case ValueType::kReal:
        rc = sqlite3_bind_double(stmt, index, value.real());
        break;
      case ValueType::kText:
        rc = BindTextCode(index, value.text(), SQLITE_STATIC);
        break;
      case ValueType::kBlob:
        rc = BindBlobCode(index, value.blob(), SQLITE_STATIC);
        break;
    }
  }
  return BindResult(rc);
}

StatusOr<bool> SqliteStatement::Step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(rc, sqlite3_db_handle(stmt_.get()), sqlite3_sql(stmt_.get()));
}

Status SqliteStatement::Reset() {
  // sqlite3_reset repeats the last Step's error, which the caller has already
  // had; resetting itself does not fail.
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
  return Status::Ok();
}

std::string_view SqliteStatement::column_name(int column_idx) const {
  const char* name = sqlite3_column_name(stmt_.get(), column_idx);
  return name != nullptr ? std::string_view(name) : std::string_view();
}

ValueType SqliteStatement::column_type(int column_idx) const {
  switch (sqlite3_column_type(stmt_.get(), column_idx)) {
    case SQLITE_INTEGER:
      return ValueType::kInteger;
    case SQLITE_FLOAT:
      return ValueType::kReal;
    case SQLITE_TEXT:
      return ValueType::kText;
    case SQLITE_BLOB:
      return ValueType::kBlob;
    default:
      return ValueType::kNull;
  }
}

std::int64_t SqliteStatement::ColumnInteger(int column_idx) const {
  return sqlite3_column_int64(stmt_.get(), column_idx);
}

double SqliteStatement::ColumnReal(int column_idx) const {
  return sqlite3_column_double(stmt_.get(), column_idx);
}

std::string_view SqliteStatement::ColumnText(int column_idx) const {
  const unsigned char* text = sqlite3_column_text(stmt_.get(), column_idx);
  if (text == nullptr) return {};
  int size = sqlite3_column_bytes(stmt_.get(), column_idx);
  return std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

Blob SqliteStatement::ColumnBlob(int column_idx) const {
  const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_.get(), column_idx));
  int size = sqlite3_column_bytes(stmt_.get(), column_idx);
  if (data == nullptr || size <= 0) return {};
  return Blob(data, data + size);
}

}  // namespace sunlight::store::sqlite
