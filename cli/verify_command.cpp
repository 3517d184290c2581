// `annealcheck verify`: the main job. Runs the whole catalog — true properties
// and falsification targets — at their types, in parallel worker processes (each
// an `annealcheck check ... --format json`, cli/worker_pool.hpp; its result read
// back with properties::run_from_json), and prints one table. Every task is
// seeded by its property id, so the verdicts and margins do not depend on --jobs
// or on scheduling; rows are printed in catalog order.
#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/io/atomic_file.hpp"
#include "annealcheck/io/input_error.hpp"
#include "cli/claim_option.hpp"
#include "cli/commands.hpp"
#include "cli/junit.hpp"
#include "cli/worker_pool.hpp"
#include "cli/options.hpp"
#include "properties/registry.hpp"
#include "properties/report/counterexample_report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <thread>

namespace annealcheck::cli {
namespace {

struct Task {
  std::string id, type;
  bool refuted = false;
  std::string claim, given;  // --claims FILE: a text claim (the worker re-parses it)
};

struct Row {
  Task task;
  std::string verdict = "ERROR";  // holds / refuted as expected / FAILED / SURVIVED / ERROR
  bool ok = false;
  int cases = 0;
  std::string margin;   // smallest relative margin seen (label @ where)
  double relative_bound = 0;  // the error bound of that check, relative (lemma2/error_bounds.md); > 1e-6 is weak
  int within_rounding = 0, unrepresentable = 0;  // cases the type could not decide
  double seconds = 0;
  std::string report, detail = "worker lost";
  std::string certified;                 // --certified: "proved 20 (3 ties)", "certified refuted", ...
  std::map<std::string, int> certified_counts;  // --certified: cases per decision
};

// A worker's result, read back through RunResult's own JSON round trip
// (properties::run_from_json); the report path follows from the run.
Row interpret(const Task& t, const WorkerOutput& w, const std::string& report_dir) {
  Row row;
  row.task = t;
  properties::RunResult r;
  try {
    r = properties::run_from_json(nlohmann::json::parse(w.out));
  } catch (const std::exception&) {  // no JSON, or not a run: the worker's own words
    row.detail = describe_exit(w.status) + ": " + w.err.substr(0, 300);
    return row;
  }
  row.cases = r.cases_run;
  row.seconds = r.seconds;
  if (r.outcome == properties::Outcome::Failed && r.counterexample) row.report = report::report_paths(r, report_dir).json_path;
  row.ok = properties::run_succeeded(r);
  row.verdict = t.refuted ? (row.ok ? "refuted as expected" : "SURVIVED") : (row.ok ? "holds" : "FAILED");
  row.within_rounding = r.within_rounding;
  row.unrepresentable = r.unrepresentable;
  if (row.ok && !t.refuted && row.within_rounding) row.verdict = fmt::format("holds ({} rounding)", row.within_rounding);
  const auto& shown = r.counterexample ? r.counterexample : r.closest;
  if (shown && !shown->verdict.relation.empty()) {
    row.margin = fmt::format("{:+.3e} {} @ {}", shown->verdict.relative_margin, shown->verdict.label, shown->verdict.where);
    row.relative_bound = shown->verdict.relative_bound;
  }
  row.detail = properties::run_failure_reason(r);
  if (r.certified) row.certified = properties::certified_summary(r), row.certified_counts = r.certified_counts;
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
    std::optional<std::string> junit, claims;
    bool certified = false;
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
  cmd->add_option("--junit", o->junit, "Also write JUnit XML to this file (one testcase per property x type; written atomically)");
  cmd->add_option("--claims", o->claims, "Also run the text claims of this file (one per line: CLAIM [| C1,C2]; # comments), at double");
  cmd->add_flag("--certified", o->certified,
                "Also decide every case with MPFI from the exact case: true properties must be proved, refutations certified "
                "(default cases of a true property: at most " + std::to_string(properties::certified_default_cases()) + ")");
  return {cmd, [o] {
            for (const auto& t : o->types) engine::parse_type_id(t, "--types");  // InputError on an unknown id
            std::vector<Task> tasks;
            for (const auto& p : properties::catalog())
              for (const auto& t : p.types)
                if (o->types.empty() || std::find(o->types.begin(), o->types.end(), t) != o->types.end())
                  tasks.push_back({p.id, t, p.kind == properties::PropertyKind::Refuted, "", ""});
            if (o->claims)
              for (const ClaimLine& c : read_claims_file(*o->claims))
                if (o->types.empty() || std::find(o->types.begin(), o->types.end(), "double") != o->types.end())
                  tasks.push_back({register_claim_text(c.text, c.given), "double", false, c.text, c.given});
            if (tasks.empty()) throw InputError("--types", "a list no property is built for", "types such as double, mpfr256");

            io::prepare_output_dir(o->report_dir, "--report-dir");  // before any work: a file, read-only or full: exit 2
            std::vector<std::vector<std::string>> args;
            for (const Task& t : tasks) {
              args.push_back({"check", t.id, "--type", t.type, "--report-dir", o->report_dir, "--format", "json"});
              if (!t.claim.empty()) args.back().erase(args.back().begin() + 1), args.back().insert(args.back().end(), {"--claim", t.claim, "--given", t.given});
              if (o->cases) args.back().insert(args.back().end(), {"--cases", std::to_string(*o->cases)});
              if (o->seed) args.back().insert(args.back().end(), {"--seed", std::to_string(*o->seed)});
              if (o->certified) args.back().push_back("--certified");
            }
            const bool tty = isatty(STDERR_FILENO) != 0;
            std::vector<Row> rows(tasks.size());
            for (std::size_t i = 0; i < tasks.size(); ++i) rows[i].task = tasks[i];
            std::size_t done = 0;
            const auto t0 = std::chrono::steady_clock::now();
            run_workers(args, o->jobs, [&](std::size_t i, const WorkerOutput& w) {
              rows[i] = interpret(tasks[i], w, o->report_dir);
              ++done;
              if (tty)
                std::cerr << fmt::format("\r\033[K[{}/{}] {:.0f}s  {}@{}: {}", done, tasks.size(),
                                         std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                                         tasks[i].id, tasks[i].type, rows[i].verdict)
                          << std::flush;
            });
            if (tty) std::cerr << "\r\033[K" << std::flush;

            bool all_ok = true;
            for (const auto& r : rows) all_ok = all_ok && r.ok;
            if (o->junit) {
              std::vector<JunitCase> cases;
              for (const auto& r : rows)
                cases.push_back({r.task.id, r.task.type, r.seconds, r.ok, r.verdict, r.detail + (r.report.empty() ? "" : " (report " + r.report + ")"),
                                 fmt::format("{}; {} cases; smallest relative margin {}; relative bound {:.1e}{}", r.verdict, r.cases, r.margin,
                                             r.relative_bound, r.certified.empty() ? "" : "; certified: " + r.certified)});
              io::write_file_atomically(*o->junit, render_junit("annealcheck verify", cases,
                                                                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()),
                                        "--junit");
            }
            if (o->format == "json") {
              nlohmann::json j = nlohmann::json::array();
              for (const auto& r : rows)
                j.push_back({{"property", r.task.id}, {"type", r.task.type}, {"cases", r.cases}, {"verdict", r.verdict},
                             {"ok", r.ok}, {"smallest_margin", r.margin}, {"relative_bound", r.relative_bound},
                             {"weak", r.relative_bound > 1e-6}, {"within_rounding", r.within_rounding},
                             {"unrepresentable", r.unrepresentable}, {"seconds", r.seconds}, {"report", r.report},
                             {"detail", r.detail}});
              if (o->certified)
                for (std::size_t i = 0; i < rows.size(); ++i) j[i]["certified"] = {{"summary", rows[i].certified}, {"counts", rows[i].certified_counts}};
              std::cout << nlohmann::json{{"rows", j}, {"all_ok", all_ok}}.dump(2) << "\n";
            } else {
              std::cout << fmt::format("{:<42} {:<8} {:>6}  {:<20} {:<50} {:>10} {:>7}\n", "property", "type", "cases", "verdict",
                                       "smallest relative margin (label @ where)", "rel.bound", "time");
              for (const auto& r : rows) {
                const std::string bound = r.margin.empty() ? "" : fmt::format("{:.1e}{}", r.relative_bound, r.relative_bound > 1e-6 ? " WEAK" : "");
                std::cout << fmt::format("{:<42} {:<8} {:>6}  {:<20} {:<50} {:>10} {:>6.1f}s\n", r.task.id, r.task.type, r.cases, r.verdict,
                                         r.margin.substr(0, 50), bound, r.seconds);
                if (o->certified) std::cout << "    certified: " << (r.certified.empty() ? "-" : r.certified) << "\n";
                if (!r.ok && !r.detail.empty()) std::cout << "    " << r.detail << "\n";
                if (r.ok && r.relative_bound > 1e-6)
                  std::cout << fmt::format("    weak: the reported check's error bound is a relative {:.1e}; a wider type (--types mpfr256) or --certified decides it\n",
                                           r.relative_bound);
              }
              std::size_t reports = 0;
              for (const auto& r : rows) reports += r.report.empty() ? 0 : 1;
              if (o->certified)
                std::cout << fmt::format("\ncertified mode: every generated case decided with MPFI (128 bits doubling to 4096) from the exact case; "
                                         "a true property runs at most {} cases unless --cases\n", properties::certified_default_cases());
              std::cout << fmt::format("\n{} runs: {}; {} refutation report(s) in {}/\n", rows.size(),
                                       all_ok ? "every true property holds and every false claim is refuted" : "SOME RUNS FAILED",
                                       reports, o->report_dir);
            }
            return all_ok ? 0 : 1;
          }};
}

}  // namespace annealcheck::cli
