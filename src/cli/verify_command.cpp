// `annealcheck verify`: the main job. Runs the whole catalog — true properties
// and falsification targets — at their types, in parallel worker processes (each
// an `annealcheck check ... --format json`), and prints one table. Every task is
// seeded by its property id, so the verdicts and margins do not depend on --jobs
// or on scheduling; rows are printed in catalog order.
#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/io/atomic_file.hpp"
#include "annealcheck/io/input_error.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "properties/registry.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <thread>

namespace annealcheck::cli {
namespace {

struct Task {
  std::string id, type;
  bool refuted = false;
};

struct Row {
  Task task;
  std::string verdict;  // holds / refuted as expected / FAILED / SURVIVED / ERROR
  bool ok = false;
  int cases = 0;
  std::string margin;   // smallest relative margin seen (label @ where)
  double seconds = 0;
  std::string report, detail;
};

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

// Starts `exe check ...` for one task, stdout/stderr into files; dies with us.
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

Row interpret(const Task& t, int status, const std::string& out, const std::string& err) {
  Row row;
  row.task = t;
  row.verdict = "ERROR";
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(out);
  } catch (const nlohmann::json::exception&) {
    row.detail = WIFSIGNALED(status) ? fmt::format("worker killed by signal {}", WTERMSIG(status))
                                     : "worker printed no result: " + err.substr(0, 300);
    return row;
  }
  row.cases = j.value("cases_run", 0);
  row.seconds = j.value("seconds", 0.0);
  row.report = j.value("report", "");
  const bool succeeded = j.value("succeeded", false);
  row.ok = succeeded;
  row.verdict = t.refuted ? (succeeded ? "refuted as expected" : "SURVIVED") : (succeeded ? "holds" : "FAILED");
  const char* which = j.contains("counterexample") && !j["counterexample"].is_null() ? "counterexample" : "closest";
  if (j.contains(which) && !j[which].is_null()) {
    const auto& v = j[which]["verdict"];
    if (!v.value("relation", std::string()).empty())
      row.margin = fmt::format("{:+.3e} {} @ {}", v.value("relative_margin", 0.0), v.value("label", std::string()), v.value("where", std::string()));
  }
  if (!succeeded) row.detail = j.value("failure_reason", std::string());
  return row;
}

}  // namespace

Command add_verify_command(CLI::App& app) {
  struct Options {
    std::optional<int> cases;
    std::optional<std::uint64_t> seed;
    std::vector<std::string> types;
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    std::string report_dir = "reports", format = "table";
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("verify", "Run the whole catalog (true properties and known-false claims) and print one table; the main job");
  cmd->add_option("--cases", o->cases, "Cases per property and type (default: each property's own)")->check(in_range(1, 10'000'000));
  cmd->add_option("--seed", o->seed, "RapidCheck seed for every run (default 2005073600)");
  cmd->add_option("--types", o->types, "Only these types (comma-separated), among each property's own")->delimiter(',');
  cmd->add_option("--jobs", o->jobs, "Worker processes (default: all cores); results do not depend on it")
      ->check(in_range(1u, 256u))
      ->capture_default_str();
  cmd->add_option("--report-dir", o->report_dir, "Where refutation reports go")->capture_default_str();
  cmd->add_option("--format", o->format, "table or json")->check(one_of({"table", "json"}))->capture_default_str();
  return {cmd, [o] {
            for (const auto& t : o->types) engine::parse_type_id(t, "--types");  // InputError on an unknown id
            std::vector<Task> tasks;
            for (const auto& p : properties::catalog())
              for (const auto& t : p.types)
                if (o->types.empty() || std::find(o->types.begin(), o->types.end(), t) != o->types.end())
                  tasks.push_back({p.id, t, p.kind == properties::PropertyKind::Refuted});
            if (tasks.empty()) throw InputError("--types", "a list no property is built for", "types such as double, mpfr256");

            io::prepare_output_dir(o->report_dir, "--report-dir");  // before any work: a file, read-only or full: exit 2
            const std::string exe = self_exe();
            const std::filesystem::path work(io::make_work_dir("annealcheck-verify"));  // a killed run's dir goes next time
            const bool tty = isatty(STDERR_FILENO) != 0;
            std::vector<Row> rows(tasks.size());
            std::map<pid_t, std::size_t> running;
            std::size_t next = 0, done = 0;
            const auto t0 = std::chrono::steady_clock::now();
            while (done < tasks.size()) {
              while (next < tasks.size() && running.size() < o->jobs) {
                std::vector<std::string> args{"check", tasks[next].id, "--type", tasks[next].type, "--report-dir", o->report_dir, "--format", "json"};
                if (o->cases) args.insert(args.end(), {"--cases", std::to_string(*o->cases)});
                if (o->seed) args.insert(args.end(), {"--seed", std::to_string(*o->seed)});
                const std::string base = (work / std::to_string(next)).string();
                running[launch(exe, args, base + ".out", base + ".err")] = next;
                ++next;
              }
              int status = 0;
              const pid_t pid = waitpid(-1, &status, 0);
              if (pid < 0) break;
              const auto it = running.find(pid);
              if (it == running.end()) continue;
              const std::size_t i = it->second;
              running.erase(it);
              const std::string base = (work / std::to_string(i)).string();
              rows[i] = interpret(tasks[i], status, read_all(base + ".out"), read_all(base + ".err"));
              ++done;
              if (tty)
                std::cerr << fmt::format("\r\033[K[{}/{}] {:.0f}s  {}@{}: {}", done, tasks.size(),
                                         std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                                         tasks[i].id, tasks[i].type, rows[i].verdict)
                          << std::flush;
            }
            if (tty) std::cerr << "\r\033[K" << std::flush;
            std::filesystem::remove_all(work);

            bool all_ok = true;
            for (const auto& r : rows) all_ok = all_ok && r.ok;
            if (o->format == "json") {
              nlohmann::json j = nlohmann::json::array();
              for (const auto& r : rows)
                j.push_back({{"property", r.task.id}, {"type", r.task.type}, {"cases", r.cases}, {"verdict", r.verdict},
                             {"ok", r.ok}, {"smallest_margin", r.margin}, {"seconds", r.seconds}, {"report", r.report},
                             {"detail", r.detail}});
              std::cout << nlohmann::json{{"rows", j}, {"all_ok", all_ok}}.dump(2) << "\n";
            } else {
              std::cout << fmt::format("{:<42} {:<8} {:>6}  {:<20} {:<50} {:>7}\n", "property", "type", "cases", "verdict",
                                       "smallest relative margin (label @ where)", "time");
              for (const auto& r : rows) {
                std::cout << fmt::format("{:<42} {:<8} {:>6}  {:<20} {:<50} {:>6.1f}s\n", r.task.id, r.task.type, r.cases, r.verdict,
                                         r.margin.substr(0, 50), r.seconds);
                if (!r.ok && !r.detail.empty()) std::cout << "    " << r.detail << "\n";
              }
              std::size_t reports = 0;
              for (const auto& r : rows) reports += r.report.empty() ? 0 : 1;
              std::cout << fmt::format("\n{} runs: {}; {} refutation report(s) in {}/\n", rows.size(),
                                       all_ok ? "every true property holds and every false claim is refuted" : "SOME RUNS FAILED",
                                       reports, o->report_dir);
            }
            return all_ok ? 0 : 1;
          }};
}

}  // namespace annealcheck::cli
