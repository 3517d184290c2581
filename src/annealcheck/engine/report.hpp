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

struct CheckRow {
  std::string label, statement, relation, lhs, rhs, margin, relative_margin, where, note;
  std::string lhs_display, rhs_display, margin_display;
  double allowance_eps = 0;
  std::string verdict;  // PASS, FAIL, n/a
  bool premise = false;
};

struct EvalReport {
  std::string type_id;
  long bits = 0;
  std::vector<QuantityRow> quantities;
  std::vector<CheckRow> checks;
  bool conclusions_hold = true;  // no non-premise check failed
  bool premises_hold = true;
};

struct EvalOptions {
  std::size_t checkpoints = 16;  // GF checkpoints, geometric in train loss
  int digits = 20;               // significant digits in tables
};

EvalReport evaluate(const Problem& p, const TypeSpec& type, const EvalOptions& opt = {});

std::string render_table(const EvalReport& r);
nlohmann::json render_json(const EvalReport& r);

}  // namespace annealcheck::engine
