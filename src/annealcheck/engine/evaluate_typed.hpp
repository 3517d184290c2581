// evaluate_typed<T>: the body every per-type translation unit instantiates
// (engine/evaluate_<type>.cpp). Builds the instance in T, runs the Lemma 2
// evaluation and turns it into text at T's full precision.
#pragma once

#include "annealcheck/engine/report.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/lemma2/evaluation.hpp"
#include "annealcheck/model/instance.hpp"

#include <cmath>
#include <limits>
#include <type_traits>

namespace annealcheck::engine {

// What would decide a check this type leaves open: the rung whose precision makes
// the bound smaller than the margin, or --certified for an exact tie.
template <numeric::OrderedNumber T>
std::string decide_with(const lemma2::Inequality<T>& c, double relative_bound) {
  if (c.verdict == lemma2::Verdict::Undecidable) return "an MPFR rung (wide exponent range) or --certified";
  if (c.verdict == lemma2::Verdict::WithinRounding) {
    if (c.needed_bits == 0) return "--certified (an exact tie: intervals cannot prove it; mpq decides the GD phase)";
    return rung_for_bits(c.needed_bits) + " (unless the sides are equal in exact arithmetic) or --certified";
  }
  if (!std::isfinite(relative_bound)) return "--certified";
  if (relative_bound > lemma2::weak_relative_bound)  // bounds scale like 2^-bits: aim at a relative 1e-9
    return rung_for_bits(numeric::number_traits<T>::bits() + static_cast<long>(std::ceil(std::log2(relative_bound / 1e-9))));
  return "";
}

// The type-independent part of a check's report row (engine/report.hpp): the one
// conversion that eval's rows and the audit's rungs (audit/rung_typed.hpp) share.
template <numeric::OrderedNumber T>
CheckHead check_head(const lemma2::Inequality<T>& c) {
  CheckHead h;
  h.label = c.label;
  h.statement = c.statement;
  h.relation = lemma2::relation_symbol(c.relation);
  h.where = c.where;
  h.note = c.note;
  h.verdict = lemma2::verdict_name(c.verdict);
  h.premise = c.where == "premise";
  h.has_sides = c.verdict != lemma2::Verdict::NotApplicable;
  if (h.has_sides) {
    h.relative_bound = static_cast<double>(lemma2::relative_bound(c));
    if (!std::isfinite(h.relative_bound)) h.relative_bound = std::numeric_limits<double>::infinity();
  }
  return h;
}

// Text form of the checks (shared by the floating and the exact evaluations).
template <numeric::OrderedNumber T>
void append_checks(EvalReport& r, const std::vector<lemma2::Inequality<T>>& checks, const EvalOptions& opt) {
  using Tr = numeric::number_traits<T>;
  using lemma2::Verdict;
  for (const auto& c : checks) {
    CheckRow row;
    static_cast<CheckHead&>(row) = check_head(c);
    if (row.has_sides) {
      row.lhs = Tr::str(c.lhs);
      row.rhs = Tr::str(c.rhs);
      row.margin = Tr::str(c.margin);
      row.lhs_error = Tr::str(c.lhs_error);
      row.rhs_error = Tr::str(c.rhs_error);
      row.bound = Tr::str(c.bound);
      row.lhs_display = Tr::str(c.lhs, opt.digits);
      row.rhs_display = Tr::str(c.rhs, opt.digits);
      row.margin_display = Tr::str(c.margin, opt.digits);
      row.relative_margin = Tr::str(lemma2::relative_margin(c), 6);
      row.weak = c.verdict != Verdict::Undecidable && row.relative_bound > lemma2::weak_relative_bound;
      row.decide_with = decide_with(c, row.relative_bound);
    }
    if (c.verdict == Verdict::Fails) (row.premise ? r.premises_hold : r.conclusions_hold) = false;
    if (c.verdict == Verdict::WithinRounding) ++(row.premise ? r.premises_within_rounding : r.conclusions_within_rounding);
    if (c.verdict == Verdict::Undecidable) ++r.unrepresentable;
    if (row.weak) ++r.weak;
    r.checks.push_back(std::move(row));
  }
}

// Proposition 1, case (2,1): γ = (2/3, 1/3), λ = (1/2, 1/2), k = 2, ρ = 1,
// δ(0) = −100·α^{−1/2}·(1, 1), η = 3/2 fixed before sampling (SPEC §4).
template <numeric::RealNumber T>
model::Instance<T> materialize_prop1(const Prop1Case21& p) {
  using numeric::Rational;
  using Tr = numeric::number_traits<T>;
  using std::sqrt;
  model::Instance<T> in;
  in.gamma = {Tr::from_rational(Rational(2, 3)), Tr::from_rational(Rational(1, 3))};
  in.lambda = {Tr::from_rational(Rational(1, 2)), Tr::from_rational(Rational(1, 2))};
  in.alpha = Tr::from_rational(p.alpha.value);
  const T d0 = numeric::from_int<T>(-100) / sqrt(in.alpha);
  in.delta0 = {d0, d0};
  in.k = 2;
  in.rho = numeric::from_int<T>(1);
  in.eps = Tr::from_rational(p.eps.value);
  in.eta = Tr::from_rational(Rational(3, 2));
  in.K = p.K;
  return in;
}

template <numeric::RealNumber T>
model::Instance<T> materialize_problem(const Problem& p) {
  if (const auto* s = std::get_if<model::InstanceSpec>(&p)) return model::materialize<T>(*s);
  return materialize_prop1<T>(std::get<Prop1Case21>(p));
}

template <numeric::RealNumber T>
EvalReport evaluate_typed(const Problem& p, const EvalOptions& opt) {
  using Tr = numeric::number_traits<T>;
  const model::Instance<T> in = materialize_problem<T>(p);
  const lemma2::Evaluation<T> ev = lemma2::evaluate(in, opt.checkpoints);
  EvalReport r;
  r.type_id = Tr::id();
  r.bits = Tr::bits();
  auto q = [&](std::string label, std::string name, const T& v) { r.quantities.push_back({std::move(label), std::move(name), Tr::str(v), Tr::str(v, opt.digits)}); };
  auto text = [&](std::string label, std::string name, std::string v) { r.quantities.push_back({std::move(label), std::move(name), v, v}); };
  const auto& b = ev.blocks;
  q("E1", "Lhat(delta(0))", ev.train_loss0);
  q("E2", "L_D(delta(0))", ev.population_loss0);
  q("input", "eps", in.eps);
  q("input", "alpha", in.alpha);
  q("input", "rho", in.rho);
  q("E5", "eta (GD step)", in.eta);
  q("C2", "M = |Sbar| gamma_j* delta_j*(0)^2", b.M);
  text("C2", "j* (1-based)", std::to_string(b.j_star + 1));
  q("C2'", "M' = sum_Sbar gamma_j delta_j(0)^2", b.M_prime);
  std::string P;
  for (std::size_t i = 0; i < in.dim(); ++i)
    if (b.in_P[i]) P += (P.empty() ? "" : ",") + std::to_string(i + 1);
  text("A", "P (top eigenspace, 1-based)", "{" + P + "}");
  q("A", "c = max_Q (1 - 2 eta gamma_i)^2", b.c);
  q("E4", "T (GF stopping time)", ev.gf_time);
  q("E4", "bound on |T - T_exact| (error_bounds.md 3)", ev.gf_time_error);
  text("E4", "Newton iterations for T", std::to_string(ev.gf_newton_iterations));
  q("E1", "Lhat(delta_GF(T))", ev.gf_train_loss);
  q("E2", "L_D(delta_GF(T))", ev.gf_population_loss);
  q("E2", "L_D(GF)/eps", T(ev.gf_population_loss / in.eps));
  text("E5", "GD steps taken", std::to_string(ev.gd_steps) + (ev.gd_stopped_early ? " (stopped early)" : ""));
  q("E1", "Lhat(delta(K))", ev.gd_train_loss);
  q("E4", "T' (GF time after GD)", ev.fast_flow_time);
  q("E1", "Lhat(delta_fast)", ev.fast_train_loss);
  q("E2", "L_D(delta_fast)", ev.fast_population_loss);
  q("E2", "L_D(annealed)/eps", T(ev.fast_population_loss / in.eps));
  q("E2", "L_D(GF)/L_D(annealed)", T(ev.gf_population_loss / ev.fast_population_loss));
  q("G", "bound (1-alpha) eps min_Sbar lambda/gamma", ev.bound_G);
  q("A", "bound, first line", ev.bound_A_first_line);
  q("A", "bound, explicit", ev.bound_A_explicit);
  append_checks<T>(r, ev.checks, opt);
  return r;
}

}  // namespace annealcheck::engine
