#include "annealcheck/certified/filtered.hpp"

#include "annealcheck/certified/eval_report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace annealcheck::certified {

std::vector<std::string> undecided_by_filter(const engine::EvalReport& r) {
  std::vector<std::string> open;
  for (const auto& c : r.checks)
    if (c.verdict != "PASS" && c.verdict != "n/a") open.push_back(c.label);
  return open;
}

namespace {

// The premises a conclusion rests on, any one of which suffices (SPEC notes on the
// premises): (G) and (P2) need (C2) or its strengthening (C2′); (A), (A.1) and (P5)
// need (C1) or the basis-free (C1′). (P1), (P3), (P4) and (E3) hold unconditionally;
// G@GF checks its premises at each checkpoint itself.
std::vector<std::string> premises_of(const std::string& label) {
  if (label == "G" || label == "P2.S" || label == "P2.Sbar") return {"C2", "C2'"};
  if (label == "A" || label == "A.1" || label == "A.1@GF" || label == "P5") return {"C1", "C1'"};
  return {};
}

std::string join(const std::vector<std::string>& xs) {
  std::string s;
  for (const auto& x : xs) s += (s.empty() ? "(" : ", (") + x + ")";
  return s;
}

}  // namespace

FilteredVerdict filtered_verdict(const engine::EvalReport& r, const Result* exact) {
  FilteredVerdict v;
  std::map<std::string, Decision> decided;
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
    decided[c.label] = d;
  }
  // A conclusion is covered when one of its premises is proved on the exact input.
  const auto covered = [&](const std::string& label) {
    const auto ps = premises_of(label);
    if (ps.empty()) return true;
    for (const auto& p : ps) {
      const auto it = decided.find(p);
      if (it != decided.end() && it->second == Decision::Proved) return true;
    }
    return false;
  };
  std::vector<std::string> premises_refuted, premises_open, refuted, undecided;
  for (const auto& [label, d] : decided) {
    const bool premise = is_premise(label);
    if (!premise && !covered(label)) {
      v.not_covered.push_back(label);
      continue;
    }
    if (d == Decision::Refuted) (premise ? premises_refuted : refuted).push_back(label);
    if (premise && d != Decision::Proved && d != Decision::Refuted) premises_open.push_back(label);
    if (d == Decision::Tie) ++v.ties;
    if (d == Decision::Undecided) ++v.undecided, undecided.push_back(label);
  }
  const std::string counts = fmt::format("{} decided by the point value and its error bound, {} on the exact input ({} tie(s), {} undecided{})",
                                         v.by_filter, v.on_exact, v.ties, v.undecided, undecided.empty() ? "" : ": " + join(undecided));
  const std::string outside =
      v.not_covered.empty() ? ""
                            : fmt::format("; {} not covered: {}{}{}, so the lemma states nothing about them", join(v.not_covered),
                                          premises_refuted.empty() ? "" : join(premises_refuted) + " fails on the exact input",
                                          premises_refuted.empty() || premises_open.empty() ? "" : " and ",
                                          premises_open.empty() ? "" : join(premises_open) + " is not decided");
  if (!refuted.empty()) {
    v.exit_status = kExitRefuted;
    v.summary = "refuted: " + join(refuted) + " fails on the exact input (certified)" + outside + "; " + counts;
  } else if (!v.not_covered.empty()) {
    v.exit_status = kExitDoesNotApply;
    const auto uncovered = [&](const char* l) { return std::find(v.not_covered.begin(), v.not_covered.end(), l) != v.not_covered.end(); };
    v.summary = std::string(uncovered("G") && uncovered("A") ? "Lemma 2 does not apply" : "Lemma 2 applies only in part") +
                outside + "; " + counts;
  } else {
    const std::string alternative =
        premises_refuted.empty() ? "" : "; " + join(premises_refuted) + " fails on the exact input, the other premise of each pair holds";
    v.summary = (v.undecided ? "no conclusion refuted, not all decided" : "every conclusion proved") + alternative + ": " + counts;
  }
  return v;
}

nlohmann::json filtered_json(const FilteredVerdict& v) {
  return {{"exit_status", v.exit_status}, {"summary", v.summary}, {"by_filter", v.by_filter}, {"on_exact_input", v.on_exact},
          {"ties", v.ties}, {"undecided", v.undecided}, {"not_covered", v.not_covered}};
}

}  // namespace annealcheck::certified
