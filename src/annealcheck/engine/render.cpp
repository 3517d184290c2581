// Text and JSON renderings of an EvalReport.
#include "annealcheck/engine/report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>

namespace annealcheck::engine {

std::string render_table(const EvalReport& r) {
  std::string s = fmt::format("type {} ({})\n\nquantities\n", r.type_id, r.bits ? std::to_string(r.bits) + " bits" : "exact");
  std::size_t w = 0;
  for (const auto& q : r.quantities) w = std::max(w, q.name.size());
  for (const auto& q : r.quantities) s += fmt::format("  {:<7} {:<{}}  {}\n", q.label, q.name, w, q.display);
  s += "\nchecks (PASS/FAIL: decided beyond the error bound of both sides; ROUNDING: |margin| <= bound, this type\n"
       "cannot decide; UNREPR: a side overflows in this type; bound relative to max(|lhs|,|rhs|), error_bounds.md)\n";
  for (const auto& c : r.checks) {
    s += fmt::format("  {:<8} {:<14} {}\n", c.verdict, c.label, c.statement);
    if (!c.lhs.empty())
      s += fmt::format("           lhs {}  {}  rhs {}\n           margin {}  (relative {}, bound relative {:.3g}{})  [{}]\n",
                       c.lhs_display, c.relation, c.rhs_display, c.margin_display, c.relative_margin, c.relative_bound,
                       c.weak ? ", WEAK" : "", c.where);
    if (!c.decide_with.empty()) s += fmt::format("           to decide: {}\n", c.decide_with);
    if (!c.note.empty()) s += fmt::format("           note: {}\n", c.note);
  }
  const auto status = [](bool hold, int within, const char* what) {
    if (!hold) return fmt::format("{} FAIL", what);
    if (within) return fmt::format("{} hold up to {} within-rounding check(s)", what, within);
    return fmt::format("{} hold", what);
  };
  s += fmt::format("\n{}; {}", status(r.premises_hold, r.premises_within_rounding, "premises"),
                   status(r.conclusions_hold, r.conclusions_within_rounding, "conclusions"));
  if (r.unrepresentable) s += fmt::format("; {} check(s) not representable in {}", r.unrepresentable, r.type_id);
  if (r.weak) s += fmt::format("; {} weak check(s) (relative bound > 1e-6)", r.weak);
  return s + "\n";
}

nlohmann::json render_json(const EvalReport& r) {
  nlohmann::json j;
  j["type"] = r.type_id;
  j["bits"] = r.bits;
  j["quantities"] = nlohmann::json::array();
  for (const auto& q : r.quantities) j["quantities"].push_back({{"label", q.label}, {"name", q.name}, {"value", q.value}});
  j["checks"] = nlohmann::json::array();
  for (const auto& c : r.checks) {
    nlohmann::json cj{{"label", c.label}, {"statement", c.statement}, {"verdict", c.verdict}, {"premise", c.premise}};
    if (!c.lhs.empty()) {
      cj["relation"] = c.relation;
      cj["lhs"] = c.lhs;
      cj["rhs"] = c.rhs;
      cj["margin"] = c.margin;
      cj["relative_margin"] = c.relative_margin;
      cj["lhs_error"] = c.lhs_error;
      cj["rhs_error"] = c.rhs_error;
      cj["bound"] = c.bound;
      cj["relative_bound"] = c.relative_bound;
      cj["weak"] = c.weak;
      cj["where"] = c.where;
    }
    if (!c.decide_with.empty()) cj["decide_with"] = c.decide_with;
    if (!c.note.empty()) cj["note"] = c.note;
    j["checks"].push_back(cj);
  }
  j["premises_hold"] = r.premises_hold;
  j["conclusions_hold"] = r.conclusions_hold;
  j["premises_within_rounding"] = r.premises_within_rounding;
  j["conclusions_within_rounding"] = r.conclusions_within_rounding;
  j["unrepresentable"] = r.unrepresentable;
  j["weak"] = r.weak;
  return j;
}

}  // namespace annealcheck::engine
