// PgDatabase: opening (and creating), the session pool, migrations under a lock.
#include "store/postgres/pg_database.h"

#include <cassert>
#include <string>

#include "store/migrations.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_errors.h"

namespace sunlight::store::postgres {

namespace {

// The advisory-lock key migrations run under ("SLMIGRAT").
constexpr std::int64_t kMigrationLockKey = 0x534c4d4947524154;

// The database name the URL gives, or empty.
std::string DatabaseName(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  PQfreemem(error);
  std::string name;
  if (options == nullptr) return name;
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (std::string_view(option->keyword) == "dbname" && option->val != nullptr) {
      name = option->val;
    }
  }
  PQconninfoFree(options);
  return name;
}

Status CreateDatabase(const PgConnectOptions& options, const std::string& name) {
  PgConnectOptions maintenance = options;
  maintenance.dbname_override = "postgres";
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<PgHandle> admin, PgHandle::Open(maintenance));
  char* quoted = PQescapeIdentifier(admin->conn(), name.data(), name.size());
  if (quoted == nullptr) return InternalError("数据库名称无法转义", "bad_database_name");
  std::string sql =
      "CREATE DATABASE " + std::string(quoted) + " ENCODING 'UTF8' TEMPLATE template0";
  PQfreemem(quoted);
  StatusOr<PgResultPtr> created = admin->Exec(sql);
  // Another process may have created it meanwhile (42P04 duplicate_database).
  if (!created.ok() && created.status().message().find("42P04") == std::string::npos) {
    return created.status().WithPrefix("无法创建 PostgreSQL 数据库");
  }
  return Status::Ok();
}

}  // namespace

PgDatabase::PgDatabase(PgConnectOptions connect_options, std::size_t max_idle)
    : connect_options_(std::move(connect_options)), max_idle_(max_idle) {}

StatusOr<std::unique_ptr<PgDatabase>> PgDatabase::Open(const StoreUrl& url,
                                                       const OpenOptions& options) {
  PgConnectOptions connect_options;
  connect_options.url = url.connection_string;
  connect_options.busy_timeout = options.busy_timeout;
  StatusOr<std::unique_ptr<PgHandle>> first = PgHandle::Open(connect_options);
  if (!first.ok() && first.status().code() == StatusCode::kNotFound && options.create_if_missing) {
    std::string name = DatabaseName(connect_options.url);
    if (name.empty()) return first.status();
    SUNLIGHT_RETURN_IF_ERROR(CreateDatabase(connect_options, name));
    first = PgHandle::Open(connect_options);
  }
  if (!first.ok()) return first.status();
  auto db = std::make_unique<PgDatabase>(connect_options, options.max_idle_connections);
  db->server_version_ = PQserverVersion((*first)->conn());
  db->idle_.push_back(std::move(first).value());
  return db;
}

PgDatabase::~PgDatabase() {
  assert(connections_out_.load() == 0 && "a Connection outlived its Database");
}

StatusOr<std::unique_ptr<Connection>> PgDatabase::Connect() {
  std::unique_ptr<PgHandle> handle;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      handle = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (handle == nullptr) {
    // Opened outside the lock: it is a network round trip or several.
    SUNLIGHT_ASSIGN_OR_RETURN(handle, PgHandle::Open(connect_options_));
  }
  connections_out_.fetch_add(1);
  return std::unique_ptr<Connection>(std::make_unique<PgConnection>(std::move(handle), *this));
}

void PgDatabase::Release(std::unique_ptr<PgHandle> handle) {
  connections_out_.fetch_sub(1);
  if (handle == nullptr || !handle->Recycle()) return;  // closed by going out of scope
  std::lock_guard<std::mutex> lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(handle));
}

Status ApplyMigrationsExclusively(Connection& conn) {
  auto& pg = static_cast<PgConnection&>(conn);
  const std::string key = std::to_string(kMigrationLockKey);
  SUNLIGHT_ASSIGN_OR_RETURN(PgResultPtr locked,
                            pg.handle().Exec("SELECT pg_advisory_lock(" + key + ")"));
  Status applied = ApplyMigrations(conn);
  Status unlocked = pg.handle().Exec("SELECT pg_advisory_unlock(" + key + ")").status();
  if (!applied.ok()) return applied;
  return unlocked;
}

}  // namespace sunlight::store::postgres
