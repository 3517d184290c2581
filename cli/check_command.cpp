// `annealcheck check ID`: one property through RapidCheck; on failure a shrunk
// counterexample report on disk (reports/counterexample_report.hpp).
#include "annealcheck/io/input_error.hpp"
#include "reports/counterexample_report.hpp"
#include "cli/claim_option.hpp"
#include "claims/precision_shrink.hpp"
#include "cli/commands.hpp"
#include "reports/html_report.hpp"
#include "cli/options.hpp"
#include "properties/registry.hpp"
#include "reports/html/html_page.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace annealcheck::cli {

namespace {

struct CheckOptions {
  std::optional<std::string> id;
  ClaimOptions claim;
  std::string type = "double", report_dir = "reports", format = "text";
  std::optional<int> cases;
  std::optional<std::uint64_t> seed;
  std::optional<std::size_t> max_dim;
  std::optional<std::string> html;
  bool certified = false, fast = false;
};

// The run's result as text or one JSON object, with the report and replay lines.
void print_check(const CheckOptions& o, const properties::PropertyInfo& info, const properties::RunResult& r,
                 const std::optional<report::WrittenReport>& written, const std::optional<claims::PrecisionShrink>& precision) {
  if (o.format == "json") {
    nlohmann::json j = properties::run_to_json(r);
    j["succeeded"] = properties::run_succeeded(r);
    j["failure_reason"] = properties::run_failure_reason(r);
    if (written) j["report"] = written->json_path;
    if (precision) j["precision"] = claims::to_json(*precision);
    std::cout << j.dump() << "\n";
  } else {
    std::cout << properties::render_run(r);
    if (precision) std::cout << "  precision: " << precision->statement << "\n";
    if (written)
      std::cout << fmt::format("\nreport: {}\n        {}\nreplay: annealcheck replay {}\n", written->json_path,
                               written->markdown_path, written->json_path);
    if (info.kind == properties::PropertyKind::Refuted)
      std::cout << (properties::run_succeeded(r) ? "\nrefuted as expected (a known-false claim)\n"
                                                 : "\nNOT refuted as expected: " + properties::run_failure_reason(r) + "\n");
  }
}

int run_check(const CheckOptions& o) {
  const std::string id = resolve_property(o.id, o.claim);
  const properties::PropertyInfo& info = properties::property_info(id);  // InputError when unknown
  properties::require_type(info, o.type);
  if (o.html) check_html_target(*o.html);
  properties::RunOptions ro;
  ro.type = o.type;
  ro.cases = o.cases;
  ro.seed = o.seed;
  ro.max_dim = o.max_dim;
  ro.certified = o.certified;
  ro.fast = o.fast;
  const properties::RunResult r = properties::run_property(id, ro);
  std::optional<report::WrittenReport> written;
  std::optional<claims::PrecisionShrink> precision;
  if (r.outcome == properties::Outcome::Failed && r.counterexample) {
    precision = claims::shrink_precision(r);
    nlohmann::json extra = nlohmann::json::object();
    if (precision) extra["precision"] = claims::to_json(*precision);
    written = report::write_report(r, o.report_dir, extra);
  }
  if (o.html)
    report::html::write_html_report(*o.html, {html_header("check " + id, {o.type}, o.cases, o.seed, r.seconds),
                                               {report::html::campaign_run(r, written ? written->json_path : "")}, nullptr});
  print_check(o, info, r, written, precision);
  if (r.certified && info.kind == properties::PropertyKind::Holds && !properties::run_succeeded(r)) {
    const auto& cx = r.counterexample;  // a claim stated as true and refuted: say whether the refutation is certified
    if (o.format == "json") {
    } else if (r.outcome == properties::Outcome::Failed && cx && cx->certified && cx->certified->decision == "refuted") {
      std::cout << "\nrefuted: " << properties::certified_statement(*cx->certified) << "\n";
    } else {
      std::cout << "\nNOT certified: " << properties::run_failure_reason(r) << "\n";
    }
    return 1;
  }
  return r.outcome == properties::Outcome::Passed ? 0 : 1;
}

}  // namespace

Command add_check_command(CLI::App& app) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Run one property through RapidCheck; on failure write a shrunk counterexample report");
  cmd->add_option("id", o->id, "Property id (see `annealcheck list`), or --claim");
  add_claim_options(cmd, o->claim);
  cmd->add_option("--cases", o->cases, "Cases to generate (default: the property's, x ANNEALCHECK_THOROUGH; RC_PARAMS max_success=)")
      ->check(in_range(1, 10'000'000));
  cmd->add_option("--seed", o->seed, "RapidCheck seed (default: RC_PARAMS seed=, else 2005073600)");
  cmd->add_option("--type", o->type, "Number type id (one the property is built for)")->capture_default_str();
  cmd->add_option("--max-dim", o->max_dim, "Largest dimension generated")->check(in_range(std::size_t{1}, std::size_t{64}));
  cmd->add_option("--report-dir", o->report_dir, "Where a failure's report goes")->capture_default_str();
  cmd->add_option("--format", o->format, "text, or json (one object: the run and the report path)")
      ->check(one_of({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--html", o->html, "Also write a static HTML report of the run into this directory (written atomically)");
  cmd->add_flag("--certified", o->certified,
                "Also decide every generated case and the shrunk counterexample with MPFI from the exact case "
                "(default cases of a true property: at most " + std::to_string(properties::certified_default_cases()) + "); a true property must be proved on every case");
  cmd->add_flag("--fast", o->fast,
                "Point verdicts only (default: cases the point value and its error bound leave open are decided on the exact case)");
  return {cmd, [o] { return run_check(*o); }};
}

}  // namespace annealcheck::cli
