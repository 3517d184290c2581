#include "campaign/worker_pool.hpp"

#include "annealcheck/io/atomic_file.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace annealcheck::cli {
namespace {

std::string self_exe() {
  std::error_code ec;
  const auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) throw std::runtime_error("cannot find the annealcheck executable: " + ec.message());
  return p.string();
}

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Starts `exe args...`, stdout/stderr into files; dies with us.
pid_t launch(const std::string& exe, const std::vector<std::string>& args, const std::string& out, const std::string& err) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(exe.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // a killed verify takes its workers with it
    if (getppid() != parent) _exit(125);
    const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600), e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (o < 0 || e < 0 || dup2(o, STDOUT_FILENO) < 0 || dup2(e, STDERR_FILENO) < 0) _exit(126);
    execv(exe.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

}  // namespace

std::string describe_exit(int status) {
  if (WIFSIGNALED(status)) return fmt::format("worker killed by signal {}", WTERMSIG(status));
  return fmt::format("worker exited with status {}", WEXITSTATUS(status));
}

WorkerPool::WorkerPool() : exe_(self_exe()), work_(io::make_work_dir("annealcheck-verify")) {}  // a killed run's dir goes next time

WorkerPool::~WorkerPool() {
  for (const auto& [pid, id] : running_) kill(pid, SIGKILL);
  for (const auto& [pid, id] : running_) waitpid(pid, nullptr, 0);
  std::error_code ec;
  std::filesystem::remove_all(work_, ec);
}

std::string WorkerPool::base(std::size_t id) const { return (std::filesystem::path(work_) / std::to_string(id)).string(); }

void WorkerPool::start(std::size_t id, const std::vector<std::string>& args) {
  running_[launch(exe_, args, base(id) + ".out", base(id) + ".err")] = id;
}

std::optional<std::pair<std::size_t, WorkerOutput>> WorkerPool::wait(bool block) {
  while (!running_.empty()) {
    int status = 0;
    const pid_t pid = waitpid(-1, &status, block ? 0 : WNOHANG);
    if (pid == 0) return std::nullopt;  // none ended yet
    if (pid < 0) throw std::runtime_error("waitpid failed with workers running");
    const auto it = running_.find(pid);
    if (it == running_.end()) continue;  // not ours
    const std::size_t id = it->second;
    running_.erase(it);
    return std::pair{id, WorkerOutput{status, read_all(base(id) + ".out"), read_all(base(id) + ".err")}};
  }
  return std::nullopt;
}

void run_workers(const std::vector<std::vector<std::string>>& args, unsigned jobs,
                 const std::function<void(std::size_t, const WorkerOutput&)>& done) {
  WorkerPool pool;
  std::size_t next = 0;
  while (next < args.size() || pool.running()) {
    for (; next < args.size() && pool.running() < jobs; ++next) pool.start(next, args[next]);
    if (auto ended = pool.wait(true)) done(ended->first, ended->second);
  }
}

}  // namespace annealcheck::cli
