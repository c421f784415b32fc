// Starting and stopping the tests' PostgreSQL server.
#include "postgres_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include <libpq-fe.h>

namespace sunlight::testing {

namespace {

namespace fs = std::filesystem;

constexpr int kMajorVersion = 15;

struct RunAs {
  bool switch_user = false;
  uid_t uid = 0;
  gid_t gid = 0;
};

StatusOr<RunAs> ServerUser() {
  RunAs run_as;
  run_as.uid = geteuid();
  run_as.gid = getegid();
  if (run_as.uid != 0) return run_as;
  // PostgreSQL refuses to run as root; the Debian package's system user will do.
  const passwd* user = getpwnam("postgres");
  if (user == nullptr) user = getpwnam("nobody");
  if (user == nullptr) {
    return FailedPreconditionError(
        "以 root 运行测试时需要 postgres 或 nobody 系统用户来运行 PostgreSQL");
  }
  run_as.switch_user = true;
  run_as.uid = user->pw_uid;
  run_as.gid = user->pw_gid;
  return run_as;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Status ChownTree(const fs::path& root, const RunAs& run_as) {
  if (!run_as.switch_user) return Status::Ok();
  if (lchown(root.c_str(), run_as.uid, run_as.gid) != 0) {
    return InternalError("chown " + root.string() + " failed");
  }
  if (!fs::is_directory(root)) return Status::Ok();
  std::error_code error;
  for (const auto& entry : fs::recursive_directory_iterator(root, error)) {
    if (lchown(entry.path().c_str(), run_as.uid, run_as.gid) != 0) {
      return InternalError("chown " + entry.path().string() + " failed");
    }
  }
  return Status::Ok();
}

// Runs `argv` as the server user with stdout and stderr to `log`; the child's pid.
StatusOr<pid_t> Spawn(const std::vector<std::string>& argv, const RunAs& run_as,
                      const fs::path& log, bool die_with_parent) {
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) return InternalError("fork failed");
  if (pid == 0) {
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
      close(fd);
    }
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) dup2(null_fd, STDIN_FILENO);
    setsid();  // ctest's or the terminal's signals are for the test, not the server
    if (run_as.switch_user) {
      if (setgroups(0, nullptr) != 0 || setgid(run_as.gid) != 0 || setuid(run_as.uid) != 0) {
        _exit(126);
      }
    }
    // After setuid (which clears it): if the test process dies, so does the server.
    if (die_with_parent) {
      prctl(PR_SET_PDEATHSIG, SIGQUIT);
      if (getppid() != parent) _exit(1);
    }
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

StatusOr<int> WaitFor(pid_t pid) {
  int wait_status = 0;
  while (waitpid(pid, &wait_status, 0) < 0) {
    if (errno != EINTR) return InternalError("waitpid failed");
  }
  return WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
}

// A template cluster, initdb'd once and then copied for every server.
StatusOr<fs::path> TemplateCluster(const fs::path& bin_dir, const RunAs& run_as) {
  fs::path root = fs::temp_directory_path() / ("sunlight-pg" + std::to_string(kMajorVersion) +
                                               "-template-" + std::to_string(run_as.uid));
  fs::path lock_path = root;
  lock_path += ".lock";
  int lock_fd = open(lock_path.c_str(), O_RDWR | O_CREAT, 0644);
  if (lock_fd < 0) return InternalError("cannot open " + lock_path.string());
  flock(lock_fd, LOCK_EX);  // released by close, whatever happens below
  std::unique_ptr<int, void (*)(int*)> unlock(&lock_fd, [](int* fd) { close(*fd); });
  if (fs::exists(root / "PG_VERSION")) return root;

  std::error_code error;
  fs::path building = root;
  building += ".building";
  fs::remove_all(building, error);
  fs::create_directories(building, error);
  SUNLIGHT_RETURN_IF_ERROR(ChownTree(building, run_as));
  fs::path log = building.string() + ".log";
  fs::remove(log, error);
  // -k: data checksums, as production (docs/deploy.md); -N: no fsync, it is a template.
  SUNLIGHT_ASSIGN_OR_RETURN(
      pid_t pid, Spawn({(bin_dir / "initdb").string(), "-D", building.string(), "-U", "postgres",
                        "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "-k", "-N"},
                       run_as, log, /*die_with_parent=*/false));
  SUNLIGHT_ASSIGN_OR_RETURN(int exit_code, WaitFor(pid));
  if (exit_code != 0) {
    return FailedPreconditionError("initdb failed (exit " + std::to_string(exit_code) + "):\n" +
                                   ReadFile(log));
  }
  fs::rename(building, root, error);
  if (error) return InternalError("cannot rename the template cluster: " + error.message());
  return root;
}

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t size = sizeof address;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  return port;
}

struct ConnDeleter {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};

}  // namespace

StatusOr<PostgresServer*> PostgresServer::Get() {
  static std::mutex mutex;
  static std::unique_ptr<PostgresServer> server;
  static Status failure;
  std::lock_guard<std::mutex> lock(mutex);
  if (!failure.ok()) return failure;
  if (server == nullptr) {
    auto started = std::unique_ptr<PostgresServer>(new PostgresServer());
    Status status = started->Start();
    if (!status.ok()) {
      failure = status.WithPrefix("测试用 PostgreSQL 服务器无法启动");
      return failure;
    }
    server = std::move(started);
  }
  return server.get();
}

StatusOr<std::unique_ptr<PostgresServer>> PostgresServer::StartCopyOf(const fs::path& cluster) {
  if (!fs::exists(cluster / "PG_VERSION")) {
    return FailedPreconditionError(cluster.string() + " 不是 PostgreSQL 数据目录");
  }
  auto server = std::unique_ptr<PostgresServer>(new PostgresServer());
  SUNLIGHT_RETURN_IF_ERROR(server->Start(cluster).WithPrefix("测试用 PostgreSQL 服务器无法启动"));
  return server;
}

StatusOr<std::unique_ptr<PostgresServer>> PostgresServer::StartFresh() {
  auto server = std::unique_ptr<PostgresServer>(new PostgresServer());
  SUNLIGHT_RETURN_IF_ERROR(server->Start().WithPrefix("测试用 PostgreSQL 服务器无法启动"));
  return server;
}

Status PostgresServer::StopAndSave(const fs::path& target) {
  if (pid_ == 0) return FailedPreconditionError("the server is not running");
  // SIGINT: "fast" shutdown, which checkpoints, so that the copy needs no recovery.
  kill(pid_, SIGINT);
  SUNLIGHT_ASSIGN_OR_RETURN(int exit_code, WaitFor(pid_));
  pid_ = 0;
  if (exit_code != 0) {
    return InternalError("PostgreSQL did not shut down cleanly (exit " + std::to_string(exit_code) +
                         "):\n" + ReadFile(dir_ / "server.log"));
  }
  std::error_code error;
  fs::remove_all(target, error);
  fs::copy(dir_ / "data", target, fs::copy_options::recursive, error);
  if (error)
    return InternalError("cannot copy the cluster to " + target.string() + ": " + error.message());
  // Not needed by a copy: the previous run's pid file and server options.
  fs::remove(target / "postmaster.pid", error);
  fs::remove(target / "postmaster.opts", error);
  return Status::Ok();
}

Status PostgresServer::Start(fs::path cluster) {
  owner_pid_ = getpid();
  const char* configured = std::getenv("SUNLIGHT_PG_BIN");
  bin_dir_ = configured != nullptr
                 ? fs::path(configured)
                 : fs::path("/usr/lib/postgresql/" + std::to_string(kMajorVersion) + "/bin");
  if (!fs::exists(bin_dir_ / "postgres") || !fs::exists(bin_dir_ / "initdb")) {
    return FailedPreconditionError("找不到 PostgreSQL " + std::to_string(kMajorVersion) + "：" +
                                   bin_dir_.string() +
                                   " 下没有 postgres/initdb（安装 Debian 的 postgresql-15，"
                                   "make test 会自动安装；或设置 SUNLIGHT_PG_BIN）");
  }
  SUNLIGHT_ASSIGN_OR_RETURN(RunAs run_as, ServerUser());
  fs::path template_dir = std::move(cluster);
  if (template_dir.empty()) {
    SUNLIGHT_ASSIGN_OR_RETURN(template_dir, TemplateCluster(bin_dir_, run_as));
  }

  std::string pattern = (fs::temp_directory_path() / "sunlight-pg-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return InternalError("mkdtemp failed");
  dir_ = pattern;
  std::error_code error;
  fs::copy(template_dir, dir_ / "data", fs::copy_options::recursive, error);
  if (error) return InternalError("cannot copy the template cluster: " + error.message());
  fs::permissions(dir_ / "data", fs::perms::owner_all, error);
  SUNLIGHT_RETURN_IF_ERROR(ChownTree(dir_, run_as));

  fs::path log = dir_ / "server.log";
  for (int attempt = 0; attempt < 3; ++attempt) {
    port_ = FreePort();
    SUNLIGHT_ASSIGN_OR_RETURN(pid_, Spawn({(bin_dir_ / "postgres").string(),
                                           "-D",
                                           (dir_ / "data").string(),
                                           "-p",
                                           std::to_string(port_),
                                           "-k",
                                           dir_.string(),
                                           "-c",
                                           "listen_addresses=127.0.0.1",
                                           "-c",
                                           "fsync=off",
                                           "-c",
                                           "synchronous_commit=off",
                                           "-c",
                                           "full_page_writes=off",
                                           "-c",
                                           "shared_buffers=32MB",
                                           "-c",
                                           "max_connections=60",
                                           "-c",
                                           "max_wal_size=1GB",
                                           "-c",
                                           "log_min_messages=warning"},
                                          run_as, log, /*die_with_parent=*/true));
    std::string ping = "host=127.0.0.1 port=" + std::to_string(port_) +
                       " dbname=postgres user=postgres connect_timeout=2";
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
      if (PQping(ping.c_str()) == PQPING_OK) return Status::Ok();
      int wait_status = 0;
      if (waitpid(pid_, &wait_status, WNOHANG) == pid_) {
        pid_ = 0;
        break;  // exited: perhaps the port was taken meanwhile; try another
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (pid_ != 0) {
      Stop();
      return UnavailableError("PostgreSQL 60 秒内未就绪。服务器日志：\n" + ReadFile(log));
    }
  }
  std::string server_log = ReadFile(log);
  fs::remove_all(dir_, error);
  return UnavailableError("PostgreSQL 启动失败。服务器日志：\n" + server_log);
}

void PostgresServer::Stop() {
  if (pid_ == 0) return;
  kill(pid_, SIGQUIT);  // immediate shutdown: the data is thrown away anyway
  WaitFor(pid_).status().IgnoreError();
  pid_ = 0;
}

PostgresServer::~PostgresServer() {
  if (getpid() != owner_pid_) return;  // a forked child (death test) leaves it alone
  Stop();
  std::error_code error;
  fs::remove_all(dir_, error);
}

std::string PostgresServer::Url(const std::string& name) const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + name;
}

Status PostgresServer::RunAsSuperuser(const std::string& name, const std::string& sql) {
  std::string conninfo =
      "host=127.0.0.1 port=" + std::to_string(port_) + " user=postgres dbname=" + name;
  std::unique_ptr<PGconn, ConnDeleter> conn(PQconnectdb(conninfo.c_str()));
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    return UnavailableError(std::string("cannot connect: ") + PQerrorMessage(conn.get()));
  }
  std::unique_ptr<PGresult, ResultDeleter> result(PQexec(conn.get(), sql.c_str()));
  ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return InternalError(sql + ": " + PQerrorMessage(conn.get()));
  }
  return Status::Ok();
}

StatusOr<std::string> PostgresServer::CreateDatabase() {
  std::string name = "t_" + std::to_string(getpid()) + "_" + std::to_string(++next_database_);
  SUNLIGHT_RETURN_IF_ERROR(RunAsSuperuser(
      "postgres", "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'"));
  return Url(name);
}

}  // namespace sunlight::testing
