#include "reports/html/html_page.hpp"

#include "annealcheck/io/atomic_file.hpp"
#include "reports/counterexample_report.hpp"
#include "reports/html/html_text.hpp"
#include "reports/html/report_dir.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

namespace annealcheck::report::html {
namespace {

constexpr const char* kStyle = R"(body{font-family:sans-serif;margin:1.5em;color:#222;max-width:1200px}
table{border-collapse:collapse;margin:.5em 0}th,td{padding:.2em .6em;text-align:left;vertical-align:middle;border-bottom:1px solid #ddd}
table.header th{width:9em;color:#555}td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.bad td.verdict{color:#b00;font-weight:bold}tr.ok td.verdict{color:#075}
pre,code{font-family:monospace;font-size:.9em}pre{background:#f6f6f6;padding:.5em;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
section{border-top:2px solid #ccc;margin-top:1.5em}.counterexample{background:#fff8f0;padding:.2em 1em;border-left:4px solid #e67e22}
.legend{color:#555;font-size:.9em})";

std::string num(double x, const char* f = "{:.3g}") { return fmt::format(fmt::runtime(f), x); }

std::string header_table(const CampaignHeader& h) {
  std::string types;
  for (const auto& t : h.types) types += (types.empty() ? "" : ", ") + t;
  std::string s = "<table class=\"header\">\n";
  s += field_row("command", h.command) + field_row("version", "annealcheck " + h.version) + field_row("catalog", h.catalog);
  s += field_row("seed", h.seed) + field_row("types", types) + field_row("cases", h.cases);
  s += field_row("wall time", fmt::format("{:.1f} s", h.wall_seconds)) + field_row("machine", h.machine);
  return s + "</table>\n";
}

std::string margin_text(const properties::RunResult& r) {
  const auto& shown = r.counterexample ? r.counterexample : r.closest;
  if (!shown || shown->verdict.relation.empty()) return "";
  return fmt::format("{:+.3e} {} @ {}", shown->verdict.relative_margin, shown->verdict.label, shown->verdict.where);
}

std::string summary_row(std::size_t i, const CampaignRun& c) {
  std::string s = fmt::format("<tr class=\"{}\"><td><a href=\"#run-{}\">{}</a></td>", c.ok ? "ok" : "bad", i, escape(c.property_id));
  s += element("td", c.type) + element("td", c.verdict, "verdict");
  if (!c.run) return s + "<td class=\"num\">-</td><td colspan=\"3\">" + escape(c.detail) + "</td></tr>\n";
  s += element("td", std::to_string(c.run->cases_run), "num") + element("td", margin_text(*c.run));
  s += fmt::format("<td><img src=\"margins-{0}.svg\" width=\"260\" height=\"80\" alt=\"relative margins of {1}\"></td>", i,
                   escape(c.property_id + " at " + c.type));
  return s + element("td", fmt::format("{:.1f} s", c.run->seconds), "num") + "</tr>\n";
}

std::string verdict_table(const properties::Verdict& v) {
  std::string s = "<table>\n" + field_row("inequality", v.label + ": " + v.statement);
  s += field_row("lhs", v.lhs) + field_row("relation", v.relation) + field_row("rhs", v.rhs) + field_row("margin (>= 0 holds)", v.margin);
  s += field_row("relative margin", num(v.relative_margin, "{:+.6e}")) + field_row("error bound (relative)", num(v.relative_bound));
  s += field_row("outcome", v.outcome) + field_row("where it broke", v.where);
  s += field_row("number type", fmt::format("{} ({} bits)", v.type_id, v.bits));
  if (!v.note.empty()) s += field_row("note", v.note);
  return s + "</table>\n";
}

std::string counterexample_section(std::size_t i, const properties::RunResult& r, bool has_trajectory, const std::string& report_path) {
  const properties::CaseReport& cx = *r.counterexample;
  const nlohmann::json rep = build_report(r, report_path.empty() ? "REPORT.json" : report_path);
  std::string s = fmt::format("<div class=\"counterexample\" id=\"cx-{}\">\n<h4>Counterexample (shrunk)</h4>\n", i);
  s += verdict_table(cx.verdict);
  const long min_bits = cx.verdict.needed_bits ? cx.verdict.needed_bits : estimated_minimal_bits(cx.verdict);
  s += "<p>minimal precision: " +
       escape(min_bits ? fmt::format("about {} bits{}", min_bits, cx.verdict.needed_bits ? "" : " (estimated from the error bound, which scales as 2^-bits)")
                       : std::string("not known (an exact type, or no error bound)")) + "</p>\n";
  if (cx.certified) s += "<p>certified: " + escape(properties::render_certified(*cx.certified)) + "</p>\n";
  s += "<p>shrunk instance (" + escape(cx.summary) + "; " + std::to_string(r.shrinks_accepted) + " shrink steps";
  if (r.original) s += fmt::format(", from d = {}", r.original->dim);
  s += "):</p>\n" + element("pre", nlohmann::json::parse(cx.case_json).dump(1)) + "\n<p>replay:</p>\n<pre>";
  for (const auto& [name, cmd] : rep["replay"].items()) {
    std::string c = cmd.get<std::string>();
    if (const auto at = c.find("INSTANCE.json"); at != std::string::npos) c.replace(at, 13, fmt::format("instance-{}.json", i));  // written beside
    s += escape(c) + "\n";
  }
  s += "</pre>\n" + fmt::format("<p>report: <a href=\"counterexample-{0}.json\">counterexample-{0}.json</a>", i);
  if (rep["replay"].contains("eval")) s += fmt::format("; the instance for <code>eval</code>: <a href=\"instance-{0}.json\">instance-{0}.json</a>", i);
  s += "</p>\n";
  if (has_trajectory)
    s += fmt::format("<p><img src=\"trajectory-{0}.svg\" width=\"720\" height=\"340\" alt=\"both sides of {1} along the trajectory\"></p>\n"
                     "<p class=\"legend\">Both sides at every GD step and GF checkpoint of the shrunk case, recomputed in its type "
                     "(for (G) and (A): eps' = Lhat(delta(t)) at each point); the red line marks the stop, where the run decided it.</p>\n", i, escape(cx.verdict.label));
  else
    s += "<p class=\"legend\">No trajectory figure: this check compares values at its stop only.</p>\n";
  return s + "</div>\n";
}

std::string run_section(std::size_t i, const CampaignRun& c, bool has_trajectory) {
  std::string s = fmt::format("<section id=\"run-{}\">\n<h3>", i) + escape(c.property_id + " @ " + c.type + ": " + c.verdict) + "</h3>\n";
  if (!c.detail.empty()) s += "<p>" + escape(c.detail) + "</p>\n";
  if (!c.run) return s + "</section>\n";
  const properties::RunResult& r = *c.run;
  const properties::MarginHistogram& h = r.margins;
  s += "<p>" + escape(c.statement) + "</p>\n<table>\n";
  s += field_row("cases run", fmt::format("{} of {} requested ({} discarded, {} within rounding, {} not representable)", r.cases_run,
                                          r.cases_requested, r.discarded, r.within_rounding, r.unrepresentable));
  s += field_row("seed", fmt::format("{} (RapidCheck {})", r.seed, r.effective_seed)) + field_row("time", fmt::format("{:.2f} s", r.seconds));
  s += field_row("margins", fmt::format("{} cases: {} exact ties, {} undecided (n/a)", h.total(), h.zero, h.undecided));
  std::string tags;
  for (const auto& [t, n] : r.tag_counts) tags += fmt::format("{}{} {}", tags.empty() ? "" : ", ", t, n);
  if (!tags.empty()) s += field_row("tags", tags);
  if (r.certified) s += field_row("certified", properties::certified_summary(r));
  s += "</table>\n" + fmt::format("<p><img src=\"margins-{}.svg\" width=\"260\" height=\"80\" alt=\"relative margins\"></p>\n", i);
  if (r.closest && !r.counterexample) s += "<h4>Closest case to failing</h4>\n" + verdict_table(r.closest->verdict) + element("pre", r.closest->case_json);
  if (r.counterexample) s += counterexample_section(i, r, has_trajectory, c.report);
  return s + "<p><a href=\"#top\">back to the table</a></p>\n</section>\n";
}

std::string runs_table(const Campaign& c) {
  std::size_t ok = 0;
  for (const auto& r : c.runs) ok += r.ok ? 1 : 0;
  std::string s = fmt::format("<h2>Results</h2>\n<p>{} runs: {} as expected, {} not.</p>\n", c.runs.size(), ok, c.runs.size() - ok);
  s += "<p class=\"legend\">Relative margins: decade bins of |margin| / max(|lhs|, |rhs|) over every generated case; "
       "blue bars up: margins &gt; 0 (held by that much); red bars down: margins &lt; 0 (within rounding when the run holds; "
       "beyond the error bound only where a case failed). Count on the vertical axis.</p>\n";
  s += "<table class=\"runs\">\n<tr><th>property</th><th>type</th><th>verdict</th><th>cases</th><th>smallest relative margin (label @ where)</th>"
       "<th>relative margins</th><th>time</th></tr>\n";
  for (std::size_t i = 0; i < c.runs.size(); ++i) s += summary_row(i, c.runs[i]);
  return s + "</table>\n";
}

std::string audit_section(const audit::AuditResult& a) {
  std::string s = "<section id=\"audit\">\n<h2>Precision audit</h2>\n<p>" + escape(a.problem_source) + "</p>\n";
  s += "<p><img src=\"audit.svg\" width=\"900\" height=\"520\" alt=\"correct digits against precision bits\"></p>\n";
  s += "<p class=\"legend\">Correct significant digits of each quantity against the MPFI reference, per rung of the ladder; "
       "the bits axis is linear, so digits growing with precision are straight lines (about 0.30 digits per bit).</p>\n";
  return s + "</section>\n";
}

}  // namespace

long estimated_minimal_bits(const properties::Verdict& v) {
  if (v.bits <= 0 || !(v.relative_bound > 0) || !(std::fabs(v.relative_margin) > 0) || !std::isfinite(v.relative_bound)) return 0;
  return std::max(1L, static_cast<long>(std::ceil(static_cast<double>(v.bits) + std::log2(v.relative_bound / std::fabs(v.relative_margin)))));
}

RenderedReport render_report(const Campaign& c) {
  RenderedReport out;
  std::string& p = out.index_html;
  p = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<link rel=\"icon\" href=\"data:,\">\n";
  p += element("title", c.header.title) + "\n<style>" + kStyle + "</style>\n</head>\n<body>\n<h1 id=\"top\">" + escape(c.header.title) + "</h1>\n";
  p += header_table(c.header);
  if (c.audit) p += "<p><a href=\"#audit\">precision audit</a></p>\n";
  if (!c.runs.empty()) p += runs_table(c) + "<h2>Details</h2>\n";
  for (std::size_t i = 0; i < c.runs.size(); ++i) {
    const CampaignRun& run = c.runs[i];
    std::optional<SideTrajectory> t;
    if (run.run) {
      out.figures.push_back(margin_histogram_figure(run.run->margins, fmt::format("margins-{}.svg", i)));
      if (run.run->counterexample) {
        t = side_trajectory(*run.run);
        if (t) out.figures.push_back(trajectory_figure(*t, fmt::format("trajectory-{}.svg", i)));
        const nlohmann::json rep = build_report(*run.run, run.report.empty() ? "REPORT.json" : run.report);
        out.files.emplace_back(fmt::format("counterexample-{}.json", i), rep.dump(2) + "\n");
        if (rep["instance_is_eval_file"].get<bool>()) out.files.emplace_back(fmt::format("instance-{}.json", i), rep["instance"].dump(2) + "\n");
      }
    }
    p += run_section(i, run, t.has_value());
  }
  if (c.audit) {
    p += audit_section(*c.audit);
    out.figures.push_back(audit_figure(*c.audit, "audit.svg"));
  }
  p += "</body>\n</html>\n";
  return out;
}

void write_html_report(const std::string& dir, const Campaign& c, const std::string& field) {
  const std::string tmp = begin_directory(dir, field);
  try {
    const RenderedReport r = render_report(c);
    write_inside(tmp, "index.html", r.index_html, field);
    for (const auto& [name, content] : r.files) write_inside(tmp, name, content, field);
    draw_figures(r.figures, tmp);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove_all(tmp, ec);
    throw;
  }
  commit_directory(tmp, dir, field);
}

}  // namespace annealcheck::report::html
