// The outcome of `eval` in text form, independent of the number type: quantities
// with their SPEC labels and every inequality with both sides, margin and verdict.
#pragma once

#include "annealcheck/engine/problem.hpp"
#include "annealcheck/engine/type_id.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace annealcheck::engine {

struct QuantityRow {
  std::string label;  // SPEC label, e.g. "E4", "G"
  std::string name;   // e.g. "T (GF stopping time)"
  std::string value;    // full precision: reads back to the same value in the type
  std::string display;  // EvalOptions::digits significant digits
};

// What every report of a Lemma 2 check says, whatever form its sides take (eval's
// text here, the audit's exact binaries in audit/rung.hpp); made once, by
// check_head (engine/evaluate_typed.hpp). Verdict PASS (holds beyond its error
// bound), FAIL (fails beyond it), ROUNDING (|margin| ≤ bound: this type cannot
// decide), UNREPR (a side overflows in this type), n/a.
struct CheckHead {
  std::string label, statement, relation, where, note;
  std::string verdict;        // PASS, FAIL, ROUNDING, UNREPR, n/a (lemma2::verdict_name)
  bool premise = false;       // where == "premise"
  bool has_sides = false;     // not n/a: lhs, rhs and margin were evaluated
  double relative_bound = 0;  // bound / max(|lhs|, |rhs|): the check's strength (0 when exact or n/a, +inf when not finite)
};

// One check in text form, for `eval`.
struct CheckRow : CheckHead {
  std::string lhs, rhs, margin, relative_margin;
  std::string lhs_display, rhs_display, margin_display;
  std::string lhs_error, rhs_error, bound;  // absolute error bounds (full precision)
  bool weak = false;          // relative_bound > lemma2::weak_relative_bound (1e-6)
  std::string decide_with;    // ROUNDING/UNREPR/weak: the rung that would decide it, or "--certified"
};

struct EvalReport {
  std::string type_id;
  long bits = 0;
  std::vector<QuantityRow> quantities;
  std::vector<CheckRow> checks;
  bool conclusions_hold = true;  // no non-premise check FAILed
  bool premises_hold = true;     // no premise FAILed
  int premises_within_rounding = 0, conclusions_within_rounding = 0, unrepresentable = 0, weak = 0;
};

struct EvalOptions {
  std::size_t checkpoints = 16;  // GF checkpoints, geometric in train loss
  int digits = 20;               // significant digits in tables
};

EvalReport evaluate(const Problem& p, const TypeSpec& type, const EvalOptions& opt = {});

std::string render_table(const EvalReport& r);
nlohmann::json render_json(const EvalReport& r);

}  // namespace annealcheck::engine
