#include "cli/worker_pool.hpp"

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

void run_workers(const std::vector<std::vector<std::string>>& args, unsigned jobs,
                 const std::function<void(std::size_t, const WorkerOutput&)>& done) {
  const std::string exe = self_exe();
  const std::filesystem::path work(io::make_work_dir("annealcheck-verify"));  // a killed run's dir goes next time
  const auto base = [&](std::size_t i) { return (work / std::to_string(i)).string(); };
  std::map<pid_t, std::size_t> running;
  std::size_t next = 0, finished = 0;
  while (finished < args.size()) {
    for (; next < args.size() && running.size() < jobs; ++next) running[launch(exe, args[next], base(next) + ".out", base(next) + ".err")] = next;
    int status = 0;
    const pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) break;
    const auto it = running.find(pid);
    if (it == running.end()) continue;
    const std::size_t i = it->second;
    running.erase(it);
    ++finished;
    done(i, WorkerOutput{status, read_all(base(i) + ".out"), read_all(base(i) + ".err")});
  }
  std::filesystem::remove_all(work);
}

}  // namespace annealcheck::cli
