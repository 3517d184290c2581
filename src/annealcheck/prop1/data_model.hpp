// The data of Proposition 1 and of its generalization (SPEC §4, §5), exactly:
// x drawn from the support {v_1, …, v_d} = {U e_1, …, U e_d} (U orthogonal with
// rational entries) with probabilities p, y = ⟨β*, x⟩ (no noise), n samples.
//
// Then Σ_X = U diag(p) Uᵀ and, for a draw with counts c (c_i = #samples equal to
// v_i), S_X = (1/n) XᵀX = U diag(c/n) Uᵀ: they commute, so every draw is a
// diagonal instance in the eigen-coordinates δ = Uᵀ(β − β*) with γ_i = c_i/n and
// λ_i = p_i (SPEC §1). β* = 100·α^{−1/2}·U(1, …, 1), so δ(0) = −β* in β-space is
// δ_i(0) = −100·α^{−1/2} in every coordinate and δ_i(0)² = 10⁴/α is rational.
//
// Everything here is exact (GMP rationals); number types enter later.
#pragma once

#include "annealcheck/numeric/rational.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace annealcheck::prop1 {

using numeric::Rational;

struct DataModel {
  std::size_t d = 2;                          // coordinates (= support size)
  std::size_t n = 3;                          // samples per draw
  std::vector<Rational> p;                    // P[x = v_i], each > 0, Σ = 1
  std::vector<std::vector<Rational>> basis;   // U (d×d, row-major rows), orthogonal: v_i = U e_i
  bool rotated = false;                       // U ≠ I
  std::string p_text = "uniform";             // as given, for reports
};

// x uniform on {e_1, e_2}, n = 3 (SPEC §4); `rotated` uses the exactly orthogonal
// U = [[3/5, −4/5], [4/5, 3/5]] (SPEC §5 β-space check: the losses must not change).
DataModel proposition1_model(bool rotated = false);

// x on {e_1..e_d} with probabilities p (empty: uniform), n samples. Throws
// InputError naming `--d`, `--n` or `--p` on bad input.
DataModel general_model(long d, long n, const std::vector<std::string>& p_texts);

// Comma-separated probabilities "1/2,1/4,1/4" or "0.5,0.25,0.25" (exact).
std::vector<std::string> split_list(const std::string& text);

// S_X = U diag(counts/n) Uᵀ and Σ_X = U diag(p) Uᵀ, exactly (row-major d×d).
std::vector<Rational> train_covariance(const DataModel& m, const std::vector<long>& counts);
std::vector<Rational> population_covariance(const DataModel& m);

// γ_i = c_i/n and the per-draw GD factors 1 − 2ηγ_i (E5), exactly.
std::vector<Rational> train_spectrum(const DataModel& m, const std::vector<long>& counts);
std::vector<Rational> descent_factors_exact(const std::vector<Rational>& gamma, const Rational& eta);

// δ_i(0)² = (100·α^{−1/2})² = 10⁴/α (the same in every coordinate).
Rational initial_residual_square(const Rational& alpha);

// The default step, fixed before sampling: η = n / ⌈n·max_i p_i⌉, i.e. 1/γ_1 for
// a draw whose largest count is the expected largest count rounded up. For
// Proposition 1 (n = 3, p = (1/2, 1/2)) this is 3/2, the step of SPEC §4.
Rational default_step(const DataModel& m);

}  // namespace annealcheck::prop1
