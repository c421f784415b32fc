// Opening and configuring a PostgreSQL connection; its statement cache.
#include "store/postgres/pg_handle.h"

#include "store/postgres/pg_errors.h"
#include "store/postgres/pg_statement.h"

namespace sunlight::store::postgres {

StatusOr<std::unique_ptr<PgHandle>> PgHandle::Open(const PgConnectOptions& options) {
  // Later keywords override what the URL says; a second "dbname" is taken as
  // a plain name, not expanded (libpq's documented rule).
  std::string session = "-c TimeZone=UTC -c DateStyle=ISO,YMD -c lock_timeout=" +
                        std::to_string(options.busy_timeout.count()) +
                        " -c client_min_messages=warning";
  std::vector<const char*> keywords = {"dbname", "options", "client_encoding", "application_name"};
  std::vector<const char*> values = {options.url.c_str(), session.c_str(), "UTF8", "sunlight"};
  if (!options.dbname_override.empty()) {
    keywords.push_back("dbname");
    values.push_back(options.dbname_override.c_str());
  }
  keywords.push_back(nullptr);
  values.push_back(nullptr);
  PgConnPtr conn(PQconnectdbParams(keywords.data(), values.data(), /*expand_dbname=*/1));
  if (conn == nullptr || PQstatus(conn.get()) != CONNECTION_OK) {
    return PgConnectError(conn.get());
  }
  return std::make_unique<PgHandle>(std::move(conn));
}

PgHandle::PgHandle(PgConnPtr conn) : conn_(std::move(conn)) {}

PgHandle::~PgHandle() {
  closing_ = true;  // closing the connection drops its prepared statements anyway
  cache_.clear();
}

StatusOr<PgResultPtr> PgHandle::Exec(std::string_view sql) {
  std::string text(sql);  // PQexec wants a terminated string
  PgResultPtr result(PQexec(conn_.get(), text.c_str()));
  ExecStatusType status = result != nullptr ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    return PgError(result.get(), conn_.get(), sql);
  }
  return result;
}

StatusOr<PgStatement*> PgHandle::Cached(std::string_view sql) {
  if (auto found = cache_.find(sql); found != cache_.end()) return found->second.get();
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<PgStatement> statement,
                            PgStatement::Compile(*this, sql));
  if (cache_.size() >= kMaxCachedStatements) cache_.clear();
  PgStatement* borrowed = statement.get();
  cache_.emplace(std::string(sql), std::move(statement));
  return borrowed;
}

void PgHandle::Deallocate(const std::string& name) {
  if (closing_) return;
  if (PQtransactionStatus(conn_.get()) == PQTRANS_INERROR) {
    pending_deallocate_.push_back(name);
    return;
  }
  Exec("DEALLOCATE " + name).status().IgnoreError();  // a leak at worst, gone with the session
}

bool PgHandle::Recycle() {
  if (PQstatus(conn_.get()) != CONNECTION_OK) return false;
  PGTransactionStatusType state = PQtransactionStatus(conn_.get());
  if (state == PQTRANS_ACTIVE || state == PQTRANS_UNKNOWN) return false;  // mid-COPY, or lost
  if (state != PQTRANS_IDLE && !Exec("ROLLBACK").ok()) return false;
  for (const std::string& name : pending_deallocate_)
    Exec("DEALLOCATE " + name).status().IgnoreError();
  pending_deallocate_.clear();
  return true;
}

}  // namespace sunlight::store::postgres
