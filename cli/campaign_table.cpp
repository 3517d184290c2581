#include "cli/campaign_table.hpp"

#include "annealcheck/io/atomic_file.hpp"
#include "reports/html_report.hpp"
#include "reports/junit.hpp"
#include "claims/precision_shrink.hpp"
#include "reports/counterexample_report.hpp"
#include "reports/html/html_page.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>
#include <map>

namespace annealcheck::cli {
namespace {

using properties::campaign::Campaign;
using properties::campaign::CampaignResult;
using properties::campaign::TaskResult;

// "3, 5, 9" (at most 10, then "... (N in all)")
std::string list_chunks(const std::vector<int>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size() && i < 10; ++i) s += (s.empty() ? "" : ", ") + std::to_string(v[i]);
  return v.size() > 10 ? s + fmt::format(", ... ({} in all)", v.size()) : s;
}

Row task_row(const Campaign& c, const CampaignResult& result, std::size_t i, const std::string& report_dir) {
  const auto& t = c.tasks[i];
  const TaskResult& tr = result.tasks[i];
  const properties::RunResult& r = tr.run;
  Row row;
  row.id = t.property;
  row.type = t.type;
  row.refuted = t.refuted;
  row.cases = r.cases_run;
  row.chunks = tr.chunks_counted;
  row.seconds = r.seconds;
  row.further_failing = tr.further_failing;
  // every report records its precision shrink (issue 14: claims::report_extra)
  if (r.outcome == properties::Outcome::Failed && r.counterexample) row.report = report::write_report(r, report_dir, claims::report_extra(r)).json_path;
  for (const auto& f : tr.further)
    if (f.counterexample) row.further_reports.push_back(report::write_report(f, report_dir, claims::report_extra(f)).json_path);
  row.ok = tr.missing.empty() && properties::run_succeeded(r);
  row.within_rounding = r.within_rounding;
  row.unrepresentable = r.unrepresentable;
  row.verdict = properties::verdict_word(r, row.ok);
  const auto& shown = r.counterexample ? r.counterexample : r.closest;
  if (shown && !shown->verdict.relation.empty()) {
    row.margin = fmt::format("{:+.3e} {} @ {}", shown->verdict.relative_margin, shown->verdict.label, shown->verdict.where);
    row.relative_bound = shown->verdict.relative_bound;
  }
  row.detail = tr.missing.empty() ? properties::run_failure_reason(r) : "";
  if (!tr.missing.empty()) {
    if (!tr.stopped_at) row.verdict = "INCOMPLETE";
    row.detail = fmt::format("missing chunk(s) {} of {}", list_chunks(tr.missing), t.chunks);
    for (const auto& [key, why] : result.errors)
      if (key.first == i) {
        row.detail += fmt::format(" (chunk {}: {})", key.second, why);
        break;
      }
  }
  if (r.certified) row.certified = properties::certified_summary(r), row.certified_counts = r.certified_counts;
  if (const auto& a = r.least_accurate) {
    row.agree_digits = a->verdict.agree_digits;
    row.tolerance_digits = a->verdict.tolerance_digits;
    row.accuracy = fmt::format("{} {}/{:.1f}", a->verdict.accuracy_label,
                               std::isinf(row.agree_digits) ? std::string("exact") : fmt::format("{:.1f}", row.agree_digits), row.tolerance_digits);
  }
  return row;
}

void print_table(const std::vector<Row>& rows, const CampaignResult& result, const Presentation& p, bool certified, bool all_ok) {
  std::cout << fmt::format("{:<42} {:<8} {:>6}  {:<31} {:<50} {:>10} {:>7}  {}\n", "property", "type", "cases", "verdict",
                           "smallest relative margin (label @ where)", "rel.bound", "time", "accuracy (digits/tolerance)");
  for (const auto& r : rows) {
    const std::string bound = r.margin.empty() ? "" : fmt::format("{:.1e}{}", r.relative_bound, r.relative_bound > 1e-6 ? " WEAK" : "");
    std::cout << fmt::format("{:<42} {:<8} {:>6}  {:<31} {:<50} {:>10} {:>6.1f}s  {}\n", r.id, r.type, r.cases, r.verdict, r.margin.substr(0, 50),
                             bound, r.seconds, r.accuracy);
    if (certified) std::cout << "    certified: " << (r.certified.empty() ? "-" : r.certified) << "\n";
    if (!r.ok && !r.detail.empty()) std::cout << "    " << r.detail << "\n";
    if (r.further_failing)
      std::cout << fmt::format("    {} later chunk(s) failed as well; reports of the lowest {}: {}\n", r.further_failing, r.further_reports.size(),
                               fmt::join(r.further_reports, " "));
    if (r.ok && r.relative_bound > 1e-6)
      std::cout << fmt::format("    weak: the reported check's error bound is a relative {:.1e}; a wider type (--types mpfr256) or --certified decides it\n",
                               r.relative_bound);
  }
  std::size_t reports = 0;
  for (const auto& r : rows) reports += (r.report.empty() ? 0 : 1) + r.further_reports.size();
  if (certified)
    std::cout << fmt::format("\ncertified mode: every generated case decided with MPFI (128 bits doubling to 4096) from the exact case; "
                             "a true property runs at most {} cases unless --cases\n", properties::certified_default_cases());
  else if (!rows.empty() && !rows.front().certified.empty())
    std::cout << "\ndecisions: a case the point value and its error bound decide is proved by them; the rest is decided on the exact case "
                 "(MPFI or exact rationals); identities are accuracy measurements; --fast shows point verdicts only\n";
  if (const std::size_t missing = result.missing_chunks())
    std::cout << fmt::format("\n{} chunk(s) missing: the campaign is incomplete (run the missing shards, or `verify --resume DIR`)\n", missing);
  std::string outcome = all_ok ? "every true property holds and every false claim is refuted" : "SOME RUNS FAILED";
  if (all_ok && !rows.empty() && !rows.front().certified.empty()) {  // decided on the exact input: say how
    std::map<std::string, int> n;
    int false_rows = 0, certified_refuted = 0;
    for (const auto& r : rows) {
      for (const auto& [k, v] : r.certified_counts) n[k] += v;
      false_rows += r.refuted;
      certified_refuted += r.refuted && r.certified == "certified refuted";
    }
    const int open = n["undecided"] + n["n/a"];
    outcome = fmt::format("every true property {} ({} cases proved, {} ties — equalities intervals cannot prove, counted per row — {} identities accurate{}), "
                          "{} of {} false-claim rows certified refuted", open ? "holds" : "proved on every case", n["proved"], n["undecided tie"],
                          n["accurate"], open ? fmt::format(", {} undecided", open) : "", certified_refuted, false_rows);
  }
  std::cout << fmt::format("\n{} runs: {}; {} refutation report(s) in {}/\n", rows.size(), outcome, reports, p.report_dir);
}

nlohmann::json rows_json(const std::vector<Row>& rows) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& r : rows) {
    j.push_back({{"property", r.id}, {"type", r.type}, {"cases", r.cases}, {"chunks", r.chunks}, {"verdict", r.verdict},
                 {"ok", r.ok}, {"smallest_margin", r.margin}, {"relative_bound", r.relative_bound},
                 {"weak", r.relative_bound > 1e-6}, {"within_rounding", r.within_rounding},
                 {"unrepresentable", r.unrepresentable}, {"seconds", r.seconds}, {"report", r.report},
                 {"further_reports", r.further_reports}, {"further_failing", r.further_failing}, {"detail", r.detail}});
    if (!r.accuracy.empty())
      j.back()["accuracy"] = {{"summary", r.accuracy}, {"agree_digits", std::isinf(r.agree_digits) ? nlohmann::json(nullptr) : nlohmann::json(r.agree_digits)},
                              {"tolerance_digits", r.tolerance_digits}};
    // Throughput to size a campaign by: cases per second of one worker (its own
    // time, summed over the chunks — so the figure does not depend on --jobs).
    j.back()["cases_per_second"] = r.seconds > 0 ? nlohmann::json(r.cases / r.seconds) : nlohmann::json(nullptr);
    if (!r.certified.empty()) j.back()["certified"] = {{"summary", r.certified}, {"counts", r.certified_counts}};
  }
  return j;
}

}  // namespace

std::vector<Row> campaign_rows(const Campaign& c, const CampaignResult& r, const std::string& report_dir) {
  std::vector<Row> rows;
  for (std::size_t i = 0; i < c.tasks.size(); ++i) rows.push_back(task_row(c, r, i, report_dir));
  return rows;
}

int present_campaign(const Campaign& c, const CampaignResult& result, const Presentation& p) {
  const std::vector<Row> rows = campaign_rows(c, result, p.report_dir);
  bool all_ok = true;
  for (const auto& r : rows) all_ok = all_ok && r.ok;
  if (p.junit) {
    std::vector<JunitCase> cases;
    for (const auto& r : rows)
      cases.push_back({r.id, r.type, r.seconds, r.ok, r.verdict, r.detail + (r.report.empty() ? "" : " (report " + r.report + ")"),
                       fmt::format("{}; {} cases; smallest relative margin {}; relative bound {:.1e}{}", r.verdict, r.cases, r.margin,
                                   r.relative_bound, r.certified.empty() ? "" : "; certified: " + r.certified)});
    io::write_file_atomically(*p.junit, render_junit(p.suite, cases, p.wall_seconds), "--junit");
  }
  if (p.html) {
    report::html::Campaign page{html_header(p.suite.substr(p.suite.rfind(' ') + 1), c.spec.types, c.spec.cases, c.spec.seed, p.wall_seconds),
                                {}, nullptr};
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Row& r = rows[i];
      page.runs.push_back({r.id, r.type, properties::property_info(r.id).statement, r.verdict, r.ok, r.detail, r.report,
                           i < result.tasks.size() && result.tasks[i].chunks_counted > 0 ? std::optional(result.tasks[i].run) : std::nullopt});
    }
    report::html::write_html_report(*p.html, page);
  }
  if (p.format == "json")
    std::cout << nlohmann::json{{"rows", rows_json(rows)}, {"all_ok", all_ok}, {"missing_chunks", result.missing_chunks()}}.dump(2)
              << "\n";
  else
    print_table(rows, result, p, c.spec.certified, all_ok);
  return all_ok ? 0 : 1;
}

}  // namespace annealcheck::cli
