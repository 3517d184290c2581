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
  s += "\nchecks (margin >= 0 holds; allowance in units of the type's epsilon x max(|lhs|,|rhs|))\n";
  for (const auto& c : r.checks) {
    s += fmt::format("  {:<4} {:<14} {}\n", c.verdict, c.label, c.statement);
    if (!c.lhs.empty())
      s += fmt::format("       lhs {}  {}  rhs {}\n       margin {}  (relative {}, allowance {} eps)  [{}]\n", c.lhs_display,
                       c.relation, c.rhs_display, c.margin_display, c.relative_margin, c.allowance_eps, c.where);
    if (!c.note.empty()) s += fmt::format("       note: {}\n", c.note);
  }
  s += fmt::format("\npremises {}; conclusions {}\n", r.premises_hold ? "hold" : "FAIL",
                   r.conclusions_hold ? "hold" : "FAIL");
  return s;
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
      cj["allowance_eps"] = c.allowance_eps;
      cj["where"] = c.where;
    }
    if (!c.note.empty()) cj["note"] = c.note;
    j["checks"].push_back(cj);
  }
  j["premises_hold"] = r.premises_hold;
  j["conclusions_hold"] = r.conclusions_hold;
  return j;
}

}  // namespace annealcheck::engine
