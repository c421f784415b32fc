// PgDatabase::Backup: a pg_dump archive, written beside the target and renamed.
//
// pg_dump runs as a child process. The password (if the URL has one) goes to
// it through PGPASSWORD in its environment, never on its command line, where
// any local user could read it.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "store/postgres/pg_database.h"

extern char** environ;

namespace sunlight::store::postgres {

namespace {

// The URL as keyword=value pairs without the password, and the password.
struct DumpTarget {
  std::string conninfo;
  std::string password;
};

StatusOr<DumpTarget> SplitPassword(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  PQfreemem(error);
  if (options == nullptr) {
    return InvalidArgumentError("PostgreSQL 数据库地址格式不正确", "bad_database_url");
  }
  DumpTarget target;
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    std::string_view keyword = option->keyword;
    if (keyword == "password") {
      target.password = option->val;
      continue;
    }
    std::string value;
    for (char c : std::string_view(option->val)) {
      if (c == '\\' || c == '\'') value += '\\';
      value += c;
    }
    target.conninfo += std::string(keyword) + "='" + value + "' ";
  }
  PQconninfoFree(options);
  return target;
}

std::string FindPgDump(int server_version) {
  if (const char* configured = std::getenv("SUNLIGHT_PG_DUMP"); configured != nullptr) {
    return configured;
  }
  std::error_code error;
  std::string debian =
      "/usr/lib/postgresql/" + std::to_string(server_version / 10000) + "/bin/pg_dump";
  if (std::filesystem::exists(debian, error)) return debian;
  return "pg_dump";
}

std::string ReadTail(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::string all = text.str();
  while (!all.empty() && (all.back() == '\n' || all.back() == ' ')) all.pop_back();
  return all.size() > 2000 ? all.substr(all.size() - 2000) : all;
}

}  // namespace

Status PgDatabase::Backup(const std::filesystem::path& out) {
  std::error_code error;
  if (std::filesystem::exists(out, error)) {
    return AlreadyExistsError("备份文件已存在：" + out.string(), "backup_exists");
  }
  if (!out.parent_path().empty()) std::filesystem::create_directories(out.parent_path(), error);
  std::filesystem::path partial = out;
  partial += ".partial";
  std::filesystem::path log = out;
  log += ".log";
  std::filesystem::remove(partial, error);

  SUNLIGHT_ASSIGN_OR_RETURN(DumpTarget target, SplitPassword(connect_options_.url));
  std::string program = FindPgDump(server_version_);
  std::vector<std::string> args = {program, "--format=custom", "--no-password",
                                   "--file=" + partial.string(), "--dbname=" + target.conninfo};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    if (std::string_view(*entry).starts_with("PGPASSWORD=")) continue;
    env_strings.emplace_back(*entry);
  }
  if (!target.password.empty()) env_strings.push_back("PGPASSWORD=" + target.password);
  std::vector<char*> envp;
  for (std::string& entry : env_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    std::filesystem::remove(log, error);
    return UnavailableError(
        "无法运行 pg_dump（" + program + "）：" + std::generic_category().message(spawned),
        "pg_dump_unavailable");
  }
  int wait_status = 0;
  while (waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
  }
  std::string messages = ReadTail(log);
  std::filesystem::remove(log, error);
  if (!WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0) {
    std::filesystem::remove(partial, error);
    return UnavailableError("备份失败：pg_dump 报告 " + messages, "backup_failed");
  }
  std::filesystem::rename(partial, out, error);
  if (error) {
    return UnavailableError("无法写入备份文件 " + out.string() + "：" + error.message(),
                            "cannot_create_backup");
  }
  return Status::Ok();
}

}  // namespace sunlight::store::postgres
