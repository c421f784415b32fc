// SqliteDatabase: opening, the connection pool, and online backup.
#include "store/sqlite/sqlite_database.h"

#include <cassert>
#include <chrono>
#include <string>
#include <system_error>
#include <thread>

#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_errors.h"

namespace sunlight::store::sqlite {

namespace {

// Each in-memory database gets its own memdb name, shared by the handles of
// one SqliteDatabase only. A name starting with "/" is what makes memdb share
// it between connections (and lock between them, like a file).
std::string NextMemoryDbName() {
  static std::atomic<unsigned> counter{0};
  return "file:/sunlight-memory-" + std::to_string(counter.fetch_add(1)) + "?vfs=memdb";
}

Status CreateParentDirectory(const std::filesystem::path& path) {
  std::filesystem::path parent = path.parent_path();
  if (parent.empty()) return Status::Ok();
  std::error_code error;
  std::filesystem::create_directories(parent, error);
  if (error) {
    return UnavailableError("无法创建数据库目录 " + parent.string() + "：" + error.message(),
                            "cannot_create_directory");
  }
  return Status::Ok();
}

}  // namespace

SqliteDatabase::SqliteDatabase(HandleOptions handle_options, std::size_t max_idle)
    : handle_options_(std::move(handle_options)), max_idle_(max_idle) {}

StatusOr<std::unique_ptr<SqliteDatabase>> SqliteDatabase::Open(const StoreUrl& url,
                                                               const OpenOptions& options) {
  HandleOptions handle_options;
  handle_options.busy_timeout = options.busy_timeout;
  if (url.in_memory) {
    handle_options.filename = NextMemoryDbName();
    handle_options.uri = true;
    handle_options.wal = false;
  } else {
    handle_options.filename = url.path.string();
    std::error_code error;
    bool exists = std::filesystem::exists(url.path, error);
    if (!exists && !options.create_if_missing) {
      return NotFoundError("数据库文件不存在：" + url.path.string(), "database_not_found");
    }
    if (!exists) SUNLIGHT_RETURN_IF_ERROR(CreateParentDirectory(url.path));
  }
  handle_options.create = options.create_if_missing;
  auto db = std::make_unique<SqliteDatabase>(handle_options, options.max_idle_connections);

  // The first handle proves the database opens and sets WAL (which persists in
  // the file); it then waits in the pool, or keeps the memdb alive.
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<SqliteHandle> first,
                            SqliteHandle::Open(handle_options));
  if (url.in_memory) {
    db->keeper_ = std::move(first);
  } else {
    db->idle_.push_back(std::move(first));
  }
  return db;
}

SqliteDatabase::~SqliteDatabase() {
  assert(connections_out_.load() == 0 && "a Connection outlived its Database");
  idle_.clear();
  keeper_.reset();  // last: closing it frees the in-memory database
}

StatusOr<std::unique_ptr<Connection>> SqliteDatabase::Connect() {
  std::unique_ptr<SqliteHandle> handle;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      handle = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (handle == nullptr) {
    // Opened outside the lock: it touches the file and may wait for it.
    SUNLIGHT_ASSIGN_OR_RETURN(handle, SqliteHandle::Open(handle_options_));
  }
  connections_out_.fetch_add(1);
  return std::unique_ptr<Connection>(std::make_unique<SqliteConnection>(std::move(handle), *this));
}

void SqliteDatabase::Release(std::unique_ptr<SqliteHandle> handle) {
  connections_out_.fetch_sub(1);
  if (handle == nullptr || !handle->Recycle()) return;  // closed by going out of scope
  std::lock_guard<std::mutex> lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(handle));
}

Status SqliteDatabase::Backup(const std::filesystem::path& out) {
  std::error_code error;
  if (std::filesystem::exists(out, error)) {
    return AlreadyExistsError("备份文件已存在：" + out.string(), "backup_exists");
  }
  SUNLIGHT_RETURN_IF_ERROR(CreateParentDirectory(out));
  // Written beside the target and renamed at the end, so `out` is either a
  // complete copy or absent.
  std::filesystem::path partial = out;
  partial += ".partial";
  std::filesystem::remove(partial, error);

  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<Connection> source_conn, Connect());
  auto& source = static_cast<SqliteConnection&>(*source_conn);
  sqlite3* target_raw = nullptr;
  int rc =
      sqlite3_open_v2(partial.c_str(), &target_raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  DbPtr target(target_raw);
  if (rc != SQLITE_OK) {
    return UnavailableError("无法创建备份文件：" + out.string(), "cannot_create_backup");
  }

  sqlite3_backup* backup = sqlite3_backup_init(target.get(), "main", source.raw_db(), "main");
  if (backup == nullptr) return SqliteError(sqlite3_errcode(target.get()), target.get(), {});
  // Copying every page in one step reads the source within one read
  // transaction: a consistent snapshot even while others write (WAL).
  // Busy or locked means a writer is checkpointing or the target is in use;
  // wait and try again within the busy timeout.
  auto deadline = std::chrono::steady_clock::now() + handle_options_.busy_timeout;
  do {
    rc = sqlite3_backup_step(backup, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  } while (std::chrono::steady_clock::now() < deadline);
  int finish_rc = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE || finish_rc != SQLITE_OK) {
    Status status = SqliteError(rc != SQLITE_DONE ? rc : finish_rc, target.get(), {});
    target.reset();
    std::filesystem::remove(partial, error);
    return status.WithPrefix("备份失败");
  }
  target.reset();  // closes (and syncs) the copy before it takes its final name
  std::filesystem::rename(partial, out, error);
  if (error) {
    return UnavailableError("无法写入备份文件 " + out.string() + "：" + error.message(),
                            "cannot_create_backup");
  }
  return Status::Ok();
}

}  // namespace sunlight::store::sqlite
