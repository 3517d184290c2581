// dynamics.gd-closed-form — GD step by step (E5) equals its closed form
//   δ_i(t) = (1 − 2ηγ_i)^t·δ_i(0)
// (the core's run_descent_phase against its descent_closed_form), exactly in mpq.
//
// Checked at every step t ≤ 256, at every power of two and at the last step; the
// phase must take all K steps (the instances satisfy (C1), SPEC §3 (P5)).
// Allowance (floating types): the stepwise value is t products of the same
// rounded factor (≤ t·u/2 relative), the closed form log2(t) squarings and
// products (≤ 2⌈log2 t⌉·u), so |step − closed| ≤ (t + 2⌈log2 t⌉ + 4)·u·|closed|,
// plus (|δ_i(0)| + 1)(t + 2)·denorm_min for gradual underflow. mpq: allowance 0.
// mpq cases are capped at d ≤ 12, K ≤ 64 (exact rationals grow with t).
#include "annealcheck/dynamics/annealed.hpp"
#include "annealcheck/model/instance.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/gmp_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "properties/support/lemma2_case.hpp"
#include "properties/support/lemma2_property.hpp"
#include "properties/support/ladder.hpp"
#include "properties/support/property_def.hpp"
#include "properties/support/verdict.hpp"

#include <bit>
#include <limits>

namespace annealcheck::properties {
namespace {

template <numeric::OrderedNumber T>
detail::CaseCheck check(const Lemma2Case& c) {
  using std::abs;
  using Tr = numeric::number_traits<T>;
  const model::Instance<T> in = model::materialize<T>(c.spec);
  const T zero = numeric::from_int<T>(0);
  struct Worst {
    bool seen = false, failed = false;
    T rel, lhs, rhs, allowance;
    long t = 0;
    std::size_t i = 0;
  } worst;
  long last_step = -1;
  const auto compare = [&](long t, const std::vector<T>& stepwise) {
    const std::vector<T> closed = dynamics::descent_closed_form(in.gamma, in.eta, in.delta0, static_cast<unsigned long>(t));
    const long lg = t > 0 ? static_cast<long>(std::bit_width(static_cast<unsigned long>(t))) : 0;
    for (std::size_t i = 0; i < closed.size() && !worst.failed; ++i) {
      const T diff = abs(T(stepwise[i] - closed[i]));
      T allowance = zero;
      if constexpr (!Tr::is_exact) {
        allowance = Tr::epsilon() * numeric::from_int<T>(t + 2 * lg + 4) * abs(closed[i]);
        if constexpr (std::numeric_limits<T>::has_denorm == std::denorm_present)
          allowance += (abs(in.delta0[i]) + numeric::from_int<T>(1)) * numeric::from_int<T>(t + 2) * std::numeric_limits<T>::denorm_min();
      }
      const bool fails = allowance < diff;
      const T scale = abs(closed[i]) < abs(stepwise[i]) ? abs(stepwise[i]) : abs(closed[i]);
      const T rel = scale == zero ? zero : T(diff / scale);
      if (fails || !worst.seen || worst.rel < rel) worst = {true, fails, rel, stepwise[i], closed[i], allowance, t, i};
    }
  };
  const auto observe = [&](const dynamics::StepEvent<T>& e) {
    const long t = static_cast<long>(e.index);
    last_step = t;
    if (t <= 256 || std::has_single_bit(static_cast<unsigned long>(t)) || t == in.K) compare(t, e.delta);
  };
  const auto r = dynamics::run_descent_phase(in.gamma, in.delta0, in.eta, in.K, in.eps, observe);
  if (r.steps != in.K || last_step != in.K)
    return {step_count_failure<T>("E5 (K steps)", "the GD phase takes all K steps (instances satisfy (C1))", r.steps, in.K,
                                  "GD phase (last observed step " + std::to_string(last_step) + ")", ""),
            std::nullopt};
  compare(in.K, r.delta);  // the phase's result too
  if (!worst.seen) return {VerdictKeeper<T>().verdict("E5", "no coordinate"), std::nullopt};
  // The header's bound is on the difference of the two computations: carried by the step-by-step side.
  Inequality<T> q = lemma2::measure_identity<T>("E5", "GD step by step == closed form (1 - 2 eta gamma_i)^t delta_i(0)",
                                            Side<T>{worst.lhs, worst.allowance}, lemma2::exact_side(worst.rhs),
                                            "GD step " + std::to_string(worst.t) + ", i = " + std::to_string(worst.i + 1));
  return {to_verdict(q), std::nullopt};
}

detail::PropertyDef<Lemma2Case> def() {
  detail::PropertyDef<Lemma2Case> d;
  d.info.id = "dynamics.gd-closed-form";
  d.info.statement = "(E5) GD step by step equals the closed form (1 - 2 eta gamma_i)^t delta_i(0) (exactly in mpq), at every step t <= 256, powers of two and K";
  detail::use_gd_phase_cases(d);
  detail::add_ladder<detail::kExactRungs>(d, {.double_cases = 400, .mpfr256_cases = 100, .mpq_cases = 100},
                                          []<class T>(const Lemma2Case& c) { return check<T>(c); });
  return d;
}

}  // namespace

namespace detail {
void add_gd_closed_form(Catalog& c) { c.push_back(make_entry(def())); }
}  // namespace detail

}  // namespace annealcheck::properties
