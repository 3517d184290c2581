#include "annealcheck/audit/property_audit.hpp"

#include "annealcheck/audit/render.hpp"
#include "annealcheck/io/atomic_file.hpp"
#include "annealcheck/io/input_error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>

namespace annealcheck::audit {

using nlohmann::json;

PropertyAuditResult audit_cases(const std::string& property, const std::vector<model::InstanceSpec>& cases, std::uint64_t seed,
                                const AuditOptions& opt, const std::string& report_dir) {
  const auto t0 = std::chrono::steady_clock::now();
  PropertyAuditResult out;
  out.property = property;
  out.seed = seed;
  out.cases = cases.size();
  out.min_digits = opt.min_digits;
  bool dir_ready = false;
  for (std::size_t ci = 0; ci < cases.size(); ++ci) {
    const AuditResult a = run_audit(cases[ci], opt);
    if (out.rungs.empty())
      for (const auto& r : a.rungs) {
        PropertyRungStats st;
        st.type_id = r.type_id;
        st.bits = r.bits;
        out.rungs.push_back(st);
      }
    json full;  // rendered once, only if some rung disagrees
    for (std::size_t k = 0; k < a.rungs.size(); ++k) {
      const RungAudit& r = a.rungs[k];
      PropertyRungStats& st = out.rungs[k];
      ++st.cases;
      if (!r.error.empty()) {
        ++st.errors;
        st.error_cases.push_back({ci, r.error});
        continue;
      }
      const double lost = static_cast<double>(r.bits) * std::log10(2.0) - r.min_counted_digits;
      if (lost > st.worst_digits_lost || st.cases == 1) st.worst_digits_lost = lost, st.worst_case = ci, st.worst_what = r.min_counted_what;
      json disagreeing = json::array();
      for (const auto& c : r.checks)
        if (c.agrees && !*c.agrees)
          disagreeing.push_back({{"label", c.label}, {"statement", c.statement}, {"verdict", c.verdict},
                                 {"reference_verdict", certainty_name(c.reference)},
                                 {"decided_at_bits", c.decided_at_bits ? json(*c.decided_at_bits) : json(nullptr)}, {"where", c.where},
                                 {"lhs", c.lhs.value ? json(c.lhs.value->str()) : json(nullptr)},
                                 {"rhs", c.rhs.value ? json(c.rhs.value->str()) : json(nullptr)},
                                 {"margin", c.margin.value ? json(c.margin.value->str()) : json(nullptr)}});
      if (disagreeing.empty()) continue;
      ++st.disagreements;
      if (!dir_ready) {
        std::error_code ec;
        std::filesystem::create_directories(report_dir, ec);
        if (ec) throw InputError("--report-dir", "\"" + report_dir + "\" (" + ec.message() + ")", "a directory that can be created and written");
        dir_ready = true;
      }
      if (full.is_null()) full = render_json(a);
      json report{{"format", "annealcheck-audit-disagreement/1"},
                  {"property", property},
                  {"seed", seed},
                  {"case", ci},
                  {"type", r.type_id},
                  {"bits", r.bits},
                  {"instance", model::instance_to_json(cases[ci])},
                  {"disagreements", disagreeing},
                  {"replay", fmt::format("annealcheck audit INSTANCE.json --types {}   (the instance above, saved to a file)", r.type_id)},
                  {"audit", full}};
      const std::string path = report_dir + "/" + io::file_name_safe(property) + "-" + std::to_string(seed) + "-case" + std::to_string(ci) + "-" + io::file_name_safe(r.type_id) + ".json";
      io::write_file_atomically(path, report.dump(2) + "\n");
      out.reports.push_back(path);
    }
  }
  for (auto& st : out.rungs) st.disagreement_fraction = st.cases ? static_cast<double>(st.disagreements) / static_cast<double>(st.cases) : 0;
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

std::string render_property_table(const PropertyAuditResult& r) {
  std::string s = fmt::format("audit of property {} over {} random instances (seed {}){}\n\n", r.property, r.cases, r.seed,
                              r.source_description.empty() ? "" : ": " + r.source_description);
  s += fmt::format("{:<18} {:>6} {:>9} {:>14} {:>8} {:>18}  {}\n", "type", "bits", "cases", "disagreements", "errors", "worst digits lost", "(case: what)");
  for (const auto& st : r.rungs)
    s += fmt::format("{:<18} {:>6} {:>9} {:>8} ({:>4.0f}%) {:>8} {:>18.1f}  (case {}: {})\n", st.type_id, st.bits, st.cases, st.disagreements,
                     100 * st.disagreement_fraction, st.errors, st.worst_digits_lost, st.worst_case, st.worst_what);
  bool any_error = false;
  for (const auto& st : r.rungs)
    for (const auto& e : st.error_cases) {
      if (!any_error) s += "\nerrors (the rung could not be audited on the case):\n";
      any_error = true;
      s += fmt::format("  {} case {}: {}\n", st.type_id, e.case_index, e.text);
    }
  s += fmt::format("\n{} disagreement report(s){}\n", r.reports.size(), r.reports.empty() ? "" : ":");
  for (const auto& p : r.reports) s += "  " + p + "\n";
  s += fmt::format("({:.1f} s)\n", r.seconds);
  return s;
}

json render_property_json(const PropertyAuditResult& r) {
  json rungs = json::array();
  for (const auto& st : r.rungs) {
    json errors = json::array();
    for (const auto& e : st.error_cases) errors.push_back({{"case", e.case_index}, {"error", e.text}});
    rungs.push_back({{"type", st.type_id}, {"bits", st.bits}, {"cases", st.cases}, {"disagreements", st.disagreements}, {"errors", st.errors},
                     {"error_cases", errors}, {"disagreement_fraction", st.disagreement_fraction},
                     {"worst_digits_lost", st.worst_digits_lost}, {"worst_case", st.worst_case}, {"worst_what", st.worst_what}});
  }
  return {{"format", "annealcheck-property-audit/1"}, {"property", r.property}, {"source", r.source_description}, {"seed", r.seed},
          {"cases", r.cases}, {"min_digits", r.min_digits}, {"rungs", rungs}, {"reports", r.reports}, {"seconds", r.seconds}};
}

}  // namespace annealcheck::audit
