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
  nlohmann::json j{{"type", r.type_id}, {"bits", r.bits}, {"quantities", nlohmann::json::array()}, {"checks", nlohmann::json::array()}};
  for (const auto& q : r.quantities) j["quantities"].push_back({{"label", q.label}, {"name", q.name}, {"value", q.value}});
  for (const auto& c : r.checks) {
    nlohmann::json cj{{"label", c.label}, {"statement", c.statement}, {"verdict", c.verdict}, {"premise", c.premise}};
    if (!c.lhs.empty())  // nlohmann::json objects keep their keys sorted: the order here is for the reader
      cj.update({{"relation", c.relation}, {"lhs", c.lhs}, {"rhs", c.rhs}, {"margin", c.margin},
                 {"relative_margin", c.relative_margin}, {"lhs_error", c.lhs_error}, {"rhs_error", c.rhs_error},
                 {"bound", c.bound}, {"relative_bound", c.relative_bound}, {"weak", c.weak}, {"where", c.where}});
    if (!c.decide_with.empty()) cj["decide_with"] = c.decide_with;
    if (!c.note.empty()) cj["note"] = c.note;
    j["checks"].push_back(cj);
  }
  j.update({{"premises_hold", r.premises_hold}, {"conclusions_hold", r.conclusions_hold},
            {"premises_within_rounding", r.premises_within_rounding},
            {"conclusions_within_rounding", r.conclusions_within_rounding}, {"unrepresentable", r.unrepresentable},
            {"weak", r.weak}});
  return j;
}

}  // namespace annealcheck::engine
