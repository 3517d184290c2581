#include "reports/counterexample_report.hpp"
#include "reports/report_schema.hpp"

#include "annealcheck/io/atomic_file.hpp"
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/model/instance_spec.hpp"
#include "annealcheck/numeric/rational.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace annealcheck::report {

using nlohmann::json;

namespace {

json verdict_json(const properties::Verdict& v) {
  json j{{"label", v.label}, {"statement", v.statement}, {"relation", v.relation}, {"lhs", v.lhs}, {"rhs", v.rhs},
         {"margin", v.margin}, {"relative_margin", v.relative_margin}, {"relative_bound", v.relative_bound},
         {"outcome", v.outcome}, {"where", v.where}, {"holds", v.holds}};
  if (!v.note.empty()) j["note"] = v.note;
  return j;
}

// Whether the case reads as an instance file for `eval` (Lemma 2 properties).
bool is_instance(const json& c) {
  try {
    model::instance_from_json(io::parse_exact_json(c.dump(), "case"), "case");
    return true;
  } catch (const InputError&) {
    return false;
  }
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char ch : s) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

}  // namespace

std::string report_stem(const properties::RunResult& r) {
  return io::file_name_safe(r.property_id) + "-" + io::file_name_safe(r.type_id) + "-" + std::to_string(r.seed);
}

WrittenReport report_paths(const properties::RunResult& r, const std::string& dir) {
  const std::string stem = (std::filesystem::path(dir) / report_stem(r)).string();
  return {stem + ".json", stem + ".md"};
}

json build_report(const properties::RunResult& r, const std::string& json_path) {
  const properties::PropertyInfo& info = properties::property_info(r.property_id);
  const properties::CaseReport& c = *r.counterexample;
  const json the_case = io::parse_exact_json(c.case_json, "case");
  json j;
  j["schema"] = kReportSchema;
  j["property"] = {{"id", info.id},
                   {"statement", info.statement},
                   {"expected", info.kind == properties::PropertyKind::Holds ? "holds" : "refuted"}};
  if (!info.claim.empty()) j["property"]["claim"] = {{"text", info.claim}, {"given", info.claim_given}};  // replay re-parses it
  j["type"] = {{"id", r.type_id}, {"bits", r.bits}};
  j["instance"] = the_case;
  j["instance_is_eval_file"] = is_instance(the_case);
  j["instance_summary"] = c.summary;
  j["violation"] = verdict_json(c.verdict);
  if (c.certified) j["certified"] = properties::certified_report_json(*c.certified);
  json size{{"dim", c.dim}};
  if (c.K) size["K"] = *c.K;
  j["shrunk_size"] = size;
  if (r.original) {
    json o{{"dim", r.original->dim}};
    if (r.original->K) o["K"] = *r.original->K;
    j["original_size"] = o;
  }
  j["shrink"] = {{"steps", r.shrinks_accepted}, {"evaluations", r.shrink_evaluations}, {"budget_exhausted", r.shrink_budget_exhausted}};
  if (r.reduction_steps) j["shrink"]["reduction"] = {{"coordinates_removed", r.reduction_steps}, {"from_dim", r.reduced_from_dim}};
  j["rapidcheck"] = {{"seed", r.seed}, {"effective_seed", r.effective_seed}, {"reproduce", r.reproduce}, {"cases_run", r.cases_run}};
  const std::string reproduce = r.reproduce.rfind("reproduce=", 0) == 0 ? r.reproduce : "reproduce=" + r.reproduce;
  const std::string what = info.claim.empty() ? r.property_id
                                              : "--claim " + shell_quote(info.claim) + (info.claim_given.empty() ? "" : " --given " + shell_quote(info.claim_given));
  j["replay"] = {{"report", "annealcheck replay " + shell_quote(json_path)},
                 {"rapidcheck", "RC_PARAMS=" + shell_quote(reproduce) + " annealcheck check " + what +
                                    " --type " + r.type_id + " --seed " + std::to_string(r.seed)}};
  if (j["instance_is_eval_file"].get<bool>()) j["replay"]["eval"] = "annealcheck eval INSTANCE.json --type " + r.type_id;
  return j;
}

namespace {

// What the violation is, said from its verdict (issue 21): "fails beyond the error
// bound" only of a margin beyond it, and "certified" only of a certified decision.
std::string violation_sentence(const json& v, const std::string& certified) {
  std::string s = v.value("outcome", "") == "fails"
                      ? "In this type it fails by more than the error bound of both sides (lemma2/error_bounds.md)"
                      : "In this type it is " + v.value("outcome", std::string("undecided")) + ": the type alone does not decide it";
  if (certified == "refuted") s += "; on the exact input the violation is certified (below)";
  else if (!certified.empty()) s += "; on the exact input it is " + certified + " (below): NOT a certified violation";
  return s + ".\n\n";
}

}  // namespace

std::string render_markdown(const json& j) {
  const json& v = j["violation"];
  std::string s = fmt::format("# Counterexample: `{}`\n\n", j["property"]["id"].get<std::string>());
  s += fmt::format("**Claim** ({}): {}\n\n", j["property"]["expected"] == "holds" ? "expected to hold" : "known false, expected to be refuted",
                   j["property"]["statement"].get<std::string>());
  s += fmt::format("**Number type**: `{}` ({} bits)\n\n", j["type"]["id"].get<std::string>(), j["type"]["bits"].get<long>());
  s += "## The inequality that broke\n\n";
  s += violation_sentence(v, j.contains("certified") ? j["certified"].value("decision", "") : "");
  s += fmt::format("`{}`: {}\n\n", v["label"].get<std::string>(), v["statement"].get<std::string>());
  s += fmt::format("| | value |\n|---|---|\n| lhs | `{}` |\n| relation | `{}` |\n| rhs | `{}` |\n| margin (≥ 0 holds) | `{}` |\n| relative margin | {:.6e} |\n| error bound (relative, both sides) | {:.3g} |\n| where | {} |\n\n",
                   v["lhs"].get<std::string>(), v["relation"].get<std::string>(), v["rhs"].get<std::string>(),
                   v["margin"].get<std::string>(), v["relative_margin"].get<double>(), v["relative_bound"].get<double>(),
                   v["where"].get<std::string>());
  if (v.contains("note")) s += "Note: " + v["note"].get<std::string>() + "\n\n";
  if (j.contains("certified")) s += "**Certified**: " + j["certified"]["statement"].get<std::string>() + "\n\n";
  if (j.contains("precision") && j["precision"].contains("statement"))
    s += "**Precision**: " + j["precision"]["statement"].get<std::string>() + "\n\n";
  s += "## The shrunk instance\n\n";
  s += fmt::format("{}; shrunk in {} steps ({} evaluations) from ", j["instance_summary"].get<std::string>(),
                   j["shrink"]["steps"].get<int>(), j["shrink"]["evaluations"].get<int>());
  s += j.contains("original_size") ? fmt::format("an original case of dimension {}{}.\n\n", j["original_size"]["dim"].get<std::size_t>(),
                                                 j["original_size"].contains("K") ? fmt::format(", K = {}", j["original_size"]["K"].get<long>()) : "")
                                   : "the first failing case.\n\n";
  if (j["shrink"].contains("reduction"))
    s += fmt::format("After RapidCheck's shrink (to d = {}), {} coordinate(s) were removed while the claim still failed by the same rule.\n\n",
                     j["shrink"]["reduction"]["from_dim"].get<std::size_t>(), j["shrink"]["reduction"]["coordinates_removed"].get<int>());
  s += "```json\n" + j["instance"].dump(2) + "\n```\n\n";
  s += "## Replay\n\n";
  s += fmt::format("```sh\n{}\n{}\n```\n\n", j["replay"]["report"].get<std::string>(), j["replay"]["rapidcheck"].get<std::string>());
  s += fmt::format("RapidCheck seed {} (effective {}), {} cases run; reproduce string `{}`.\n",
                   j["rapidcheck"]["seed"].get<std::uint64_t>(), j["rapidcheck"]["effective_seed"].get<std::uint64_t>(),
                   j["rapidcheck"]["cases_run"].get<int>(), j["rapidcheck"]["reproduce"].get<std::string>());
  return s;
}

WrittenReport write_report(const properties::RunResult& r, const std::string& dir, const json& extra) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw InputError("--report-dir", "\"" + dir + "\"", "a directory that can be created (" + ec.message() + ")");
  const WrittenReport w = report_paths(r, dir);
  json j = build_report(r, w.json_path);
  for (const auto& [key, value] : extra.items()) j[key] = value;
  io::write_file_atomically(w.json_path, j.dump(2) + "\n", "--report-dir");
  io::write_file_atomically(w.markdown_path, render_markdown(j), "--report-dir");
  return w;
}

json read_report(const std::string& path) {
  return parse_report(io::read_text_file(path, "REPORT", "a report file written by `annealcheck check` or `verify`"), path);
}

}  // namespace annealcheck::report
