// The outcome of `annealcheck prop1` and `annealcheck prop1 general` in text
// form, independent of the number type: every number as text at the type's full
// precision (`full`, reads back to the same value) and at display precision.
// Rendered as a table or JSON by prop1/render.cpp.
#pragma once

#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/prop1/threshold_probability.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace annealcheck::prop1 {

struct Number {
  std::string full, display;
};

// One run (GF, or annealed GD then GF) on β itself.
struct RunText {
  std::string name;
  std::string method;                 // "matrix exponential" or "Boost.Odeint (Bulirsch-Stoer, tol ...)"
  long gd_steps = 0;
  bool stopped_early = false;
  bool overflow = false;
  long overflow_step = 0;
  Number gd_train_loss;               // L_n after the GD phase
  Number flow_time;
  std::string solver_note;            // Newton iterations, rhs evaluations
  Number train_loss;                  // L_n(β) at the end, from the data
  Number test_loss;                   // L_D(β) at the end (E2)
  std::vector<Number> residual;       // Vᵀ(β − β*), paper order (larger γ first)
  Number diagonal_route_test_loss;    // the same run on the diagonal instance in log space
  Number route_relative_difference;   // |β-space − diagonal| / diagonal
};

struct SampleText {
  std::vector<std::size_t> sequence;  // support index per sample (0-based)
  std::vector<long> counts;
  std::vector<std::string> X;         // rows, exact
  std::vector<Number> y;
  std::string S_X, Sigma_X;           // exact
  std::string gamma, factors;         // exact spectrum of S_X and GD factors 1 − 2ηγ
  std::string kind, kind_note;
  RunText gf, annealed;
};

struct TableRowText {
  std::string quantity, paper, closed_form, computed, rel_vs_paper, digits_vs_paper, rel_vs_closed_form;
  std::string closed_form_full, computed_full;  // full precision (JSON)
};

struct SweepRowText {
  std::string alpha;
  long K = 0;
  Number gf_over_eps, ann_over_eps, ratio, two_minus_ratio, bound;
  Number predicted_gap;     // leading order of 2 − ratio for K ≥ 1: 6εα/10⁴
  std::string bound_holds;  // "yes"/"no"/"undecided"
};

struct SequenceRowText {
  std::string sequence;  // "e1 e1 e2"
  std::string S_X;       // exact diagonal "diag(2/3, 1/3)"
  DrawSummary summary;
};

struct FigureFiles {
  std::string png, svg, data, script;
};

struct Prop1Report {
  std::string type_id;
  long bits = 0;
  std::string alpha, eps, eta, r;
  long K = 0;
  std::uint64_t seed = 0;
  bool rotated = false;
  std::string flow_method;
  Number beta_star_scale;  // 100·α^{−1/2}
  SampleText drawn;
  std::optional<SampleText> table_sample;  // when the drawn sample is degenerate
  std::vector<TableRowText> table;
  Number ratio, ratio_bound;               // L_D(GF)/L_D(annealed), 2(1 − α)
  std::vector<SweepRowText> sweep;
  std::vector<SequenceRowText> sequences;
  std::string p_case21, p_annealed_lower, p_gf_lower, p_tie, p_undecided, p_ratio_holds, p_ratio_undecided, p_total;
  std::optional<FigureFiles> figure;
  std::vector<std::string> notes;
  bool claims_hold = true;  // the checks below the table (3/4, the 30-digit match when asked, ...)
  std::vector<std::string> failures;
};

struct GeneralReport {
  std::string type_id;
  long bits = 0;
  std::size_t d = 0, n = 0;
  std::string p, alpha, eps, eta, r;
  long K = 0;
  std::string method;          // "enumeration" or "monte-carlo"
  std::uint64_t count_vectors = 0;
  std::optional<EnumerationResult> enumeration;
  std::optional<MonteCarloResult> monte_carlo;
  std::vector<std::string> notes;
};

std::string render_table(const Prop1Report& r);
nlohmann::json render_json(const Prop1Report& r);
std::string render_table(const GeneralReport& r);
nlohmann::json render_json(const GeneralReport& r);

// Options of the typed runs.
struct Prop1Options {
  std::string alpha = "1e-12", eps = "1e-20", r;  // r: threshold (default 2(1 − α))
  long K = 10;
  std::uint64_t seed = 1;
  bool rotated = false;
  std::string flow = "exact";  // "exact" (matrix exponential) or "odeint"
  std::string odeint_tol;      // default: 2^(−3·bits/4)
  int digits = 20;
  std::string figure_prefix;   // empty: no figure
  std::size_t figure_gd_points = 64;
  std::size_t figure_flow_points = 400;
  int require_digits = 0;      // > 0: the table must match the paper to this many digits (claims_hold)
};

struct GeneralOptions {
  long d = 3, n = 4;
  std::vector<std::string> p;          // empty: uniform
  std::string alpha = "1e-12", eps = "1e-20", r = "3/2", eta;  // eta: default_step(); "per-draw": 1/γ_1 of each draw
  long K = 10;
  std::string method = "auto";         // auto, enumerate, monte-carlo
  std::uint64_t max_enumeration = 20000;
  std::uint64_t samples = 20000;
  double confidence = 0.99;
  std::uint64_t seed = 1;
  int digits = 12;
  bool list_draws = true;
};

Prop1Report run_prop1(const engine::TypeSpec& type, const Prop1Options& o);
GeneralReport run_general(const engine::TypeSpec& type, const GeneralOptions& o);

}  // namespace annealcheck::prop1
