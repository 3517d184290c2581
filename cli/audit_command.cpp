// `annealcheck audit`: precision-sensitivity audit of one problem against a
// certified MPFI reference (issue 5), or of N instances drawn from a catalog
// property's own generator (--property; properties/registry.hpp).
#include "annealcheck/audit/audit.hpp"
#include "annealcheck/audit/plot.hpp"
#include "reports/html_report.hpp"
#include "reports/html/html_page.hpp"
#include "annealcheck/audit/property_audit.hpp"
#include "annealcheck/audit/render.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/limits.hpp"
#include "annealcheck/model/instance_spec.hpp"
#include "cli/claim_option.hpp"
#include "cli/commands.hpp"
#include "properties/registry.hpp"
#include "cli/options.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace annealcheck::cli {
namespace {

std::vector<std::string> audit_types(const audit::AuditResult& a) {
  std::vector<std::string> t;
  for (const auto& r : a.rungs) t.push_back(r.type_id);
  return t;
}

struct AuditCli {
  std::string instance, types, reference, format = "table", plot, html, alpha = "1e-6", eps = "1e-9", property, report_dir = "audit-reports";
  ClaimOptions claim;
  long K = 10, reference_cap = 0;
  bool prop1 = false, closed_form = false;
  double min_digits = 10;
  std::size_t checkpoints = 16, cases = 20;
  unsigned jobs = 0;
  std::uint64_t seed = 1;
};

// --property ID / --claim: N instances from the property's generator in the catalog.
int run_property_audit(const AuditCli& o, const audit::AuditOptions& opt) {
  if (o.prop1 || !o.instance.empty())
    throw InputError("--property", "\"" + o.property + "\"", "no instance file or --prop1 together with --property");
  if (!o.html.empty())
    throw InputError("--html", "\"" + o.html + "\"", "no --html with --property (audit a report's instance)");
  if (!o.plot.empty())
    throw InputError("--plot", "\"" + o.plot + "\"",
                     "no --plot with --property (one plot per instance: audit a report's instance)");
  // The instances come from the property's own generator in the catalog.
  const auto cases = properties::lemma2_instances(o.property, o.cases, o.seed);
  audit::PropertyAuditResult r = audit::audit_cases(o.property, cases, o.seed, opt, o.report_dir);
  r.source_description = "drawn from its generator in the property catalog";
  if (o.format == "json")
    std::cout << audit::render_property_json(r).dump(2) << "\n";
  else
    std::cout << audit::render_property_table(r);
  return 0;
}

// One instance file or Proposition 1's (2,1) case across the ladder.
int run_instance_audit(const AuditCli& o, const audit::AuditOptions& opt, CLI::App& cmd) {
  for (const char* flag : {"--cases", "--seed", "--report-dir"})
    if (cmd.count(flag) > 0) throw InputError(flag, "a value without --property", "--property ID");
  engine::Problem problem;
  if (o.prop1) {
    if (!o.instance.empty())
      throw InputError("instance", "\"" + o.instance + "\"", "no instance file together with --prop1");
    problem = engine::prop1_case21(o.alpha, o.eps, o.K);
  } else {
    for (const char* flag : {"--alpha", "--eps", "--K"})
      if (cmd.count(flag) > 0)
        throw InputError(flag, "a value without --prop1", "--prop1 (instance files carry their own alpha, eps, K)");
    if (o.instance.empty()) throw InputError("instance", "nothing", "an instance JSON file, --prop1, or --property ID");
    problem = model::read_instance_file(o.instance);
  }
  if (!o.html.empty()) check_html_target(o.html);
  const audit::AuditResult a = audit::run_audit(problem, opt);
  if (!o.plot.empty()) audit::write_plot(a, o.plot);
  if (!o.html.empty())
    report::html::write_html_report(o.html, {html_header("audit " + (o.prop1 ? std::string("--prop1") : o.instance),
                                                         audit_types(a), std::nullopt, std::nullopt, a.seconds),
                                             {},
                                             &a});
  if (o.format == "json")
    std::cout << audit::render_json(a).dump(2) << "\n";
  else
    std::cout << audit::render_table(a);
  return a.summary.smallest_sufficient ? 0 : 1;
}

}  // namespace

Command add_audit_command(CLI::App& app) {
  auto o = std::make_shared<AuditCli>();
  CLI::App* cmd = app.add_subcommand(
      "audit", "Audit how every quantity and verdict depends on the precision, against a certified MPFI reference (SPEC §3, §6)");
  cmd->add_option("instance", o->instance, "Instance JSON file");
  cmd->add_flag("--prop1", o->prop1, "Audit Proposition 1's (2,1) case instead of a file (SPEC §4)");
  cmd->add_option("--alpha", o->alpha, "alpha for --prop1, in (0,1)")->capture_default_str();
  cmd->add_option("--eps", o->eps, "eps for --prop1, > 0")->capture_default_str();
  cmd->add_option("--K", o->K, "GD steps for --prop1, >= 0")->capture_default_str();
  cmd->add_option("--types", o->types,
                  "Comma-separated ladder (default: float,double,long-double,float128,cpp_bin_float50,gmp_float50,"
                  "mpfr:64,mpfr128,mpfr256,mpfr:512,mpfr1024)");
  cmd->add_option("--reference", o->reference, "Starting precision of the reference, mpfi:BITS (default: twice the top rung's bits)");
  cmd->add_option("--reference-cap", o->reference_cap, "Highest reference precision in bits when raising it to decide (default: 16 x start)")
      ->check(in_range(2L, 1000000L));
  cmd->add_option("--min-digits", o->min_digits, "D: correct significant digits every counted quantity needs")
      ->check(in_range(0.0, 100000.0))
      ->capture_default_str();
  cmd->add_option("--format", o->format, "Output format")->check(one_of({"table", "json"}))->capture_default_str();
  cmd->add_option("--plot", o->plot, "Write correct digits vs bits, one line per quantity (FILE.png or FILE.svg, via gnuplot)");
  cmd->add_option("--html", o->html, "Write a static HTML report (digits vs bits on a linear bits axis) into this directory");
  cmd->add_option("--checkpoints", o->checkpoints, "GF checkpoints, geometric in train loss")
      ->check(in_range(std::size_t{1}, limits::kMaxCheckpoints))
      ->capture_default_str();
  cmd->add_flag("--closed-form", o->closed_form,
                "Also audit the closed-form (quadratic) stopping time of 2:1-rate instances (SPEC §6, hazard 4)");
  cmd->add_option("--jobs", o->jobs, "Rungs audited in parallel (default: min(2, cores))")->check(in_range(1u, 256u));
  cmd->add_option("--property", o->property, "Audit N random instances from this property's generator (see --cases)");
  add_claim_options(cmd, o->claim);  // --claim: audit the instances of a claim's generator, like --property
  cmd->add_option("--cases", o->cases, "Random instances for --property")->check(in_range(std::size_t{1}, std::size_t{100000}))->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed for --property")->capture_default_str();
  cmd->add_option("--report-dir", o->report_dir, "Where --property writes one JSON report per disagreement")->capture_default_str();
  return {cmd, [o, cmd]() {
    audit::AuditOptions opt;
    if (!o->types.empty()) opt.ladder = audit::parse_ladder(o->types);
    if (!o->reference.empty()) opt.reference_bits = audit::parse_reference(o->reference);
    opt.reference_cap_bits = o->reference_cap;
    opt.min_digits = o->min_digits;
    opt.checkpoints = o->checkpoints;
    opt.closed_form = o->closed_form;
    opt.jobs = o->jobs;
    if (o->claim.claim) o->property = resolve_property(std::nullopt, o->claim);
    if (!o->property.empty()) return run_property_audit(*o, opt);
    return run_instance_audit(*o, opt, *cmd);
  }};
}

}  // namespace annealcheck::cli
