#include "annealcheck/certified/filtered.hpp"

#include "annealcheck/certified/eval_report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace annealcheck::certified {

std::vector<std::string> undecided_by_filter(const engine::EvalReport& r) {
  std::vector<std::string> open;
  for (const auto& c : r.checks)
    if (c.verdict != "PASS" && c.verdict != "n/a") open.push_back(c.label);
  return open;
}

FilteredVerdict filtered_verdict(const engine::EvalReport& r, const Result* exact) {
  FilteredVerdict v;
  std::vector<std::string> premises_refuted, refuted, undecided;
  for (const auto& c : r.checks) {
    if (c.verdict == "n/a") continue;
    Decision d = Decision::Proved;
    if (c.verdict != "PASS") {
      const CheckDecision* x = exact ? exact->find(c.label) : nullptr;
      d = x ? x->decision : Decision::Undecided;
      ++v.on_exact;
    } else {
      ++v.by_filter;
    }
    if (d == Decision::Refuted) (c.premise || is_premise(c.label) ? premises_refuted : refuted).push_back(c.label);
    if (d == Decision::Tie) ++v.ties;
    if (d == Decision::Undecided) ++v.undecided, undecided.push_back(c.label);
  }
  const auto join = [](const std::vector<std::string>& xs) {
    std::string s;
    for (const auto& x : xs) s += (s.empty() ? "(" : ", (") + x + ")";
    return s;
  };
  const std::string counts = fmt::format("{} decided by the point value and its error bound, {} on the exact input ({} tie(s), {} undecided{})",
                                         v.by_filter, v.on_exact, v.ties, v.undecided, undecided.empty() ? "" : ": " + join(undecided));
  if (!premises_refuted.empty()) {
    v.exit_status = kExitDoesNotApply;
    v.summary = "Lemma 2 does not apply: " + join(premises_refuted) + " fails on the exact input; " + counts;
  } else if (!refuted.empty()) {
    v.exit_status = kExitRefuted;
    v.summary = "refuted: " + join(refuted) + " fails on the exact input (certified); " + counts;
  } else {
    v.summary = (v.undecided ? "no conclusion refuted, not all decided: " : "every check proved: ") + counts;
  }
  return v;
}

nlohmann::json filtered_json(const FilteredVerdict& v) {
  return {{"exit_status", v.exit_status}, {"summary", v.summary}, {"by_filter", v.by_filter}, {"on_exact_input", v.on_exact},
          {"ties", v.ties}, {"undecided", v.undecided}};
}

}  // namespace annealcheck::certified
