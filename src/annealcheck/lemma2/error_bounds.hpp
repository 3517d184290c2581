// The one error-bound module: bounds on |computed − exact| for every side that a
// Lemma 2 check compares (SPEC §2–§3), where "exact" is the real value for the
// exact rational input. The derivation, with the SPEC labels, is
// lemma2/error_bounds.md; tests/lemma2/error_bounds_test.cpp checks every bound
// against a 2048-bit reference (it must hold, and be within a stated factor).
//
// Unit: u := epsilon(T) = 2^(1−p), twice the unit roundoff, so that one "rounding"
// also covers a 1-ulp libm exp/log/pow and the second-order terms of the
// first-order propagation below (valid while every κ·u stays below 1/16; beyond
// that a bound is reported as it is and the verdict is WithinRounding at best).
// Types with subnormals add an absolute floor of a few denorm_min per rounding.
// Exact types (mpq) have u = 0: every bound is 0.
//
//   Side arithmetic (running error analysis): a∘b propagates the operands' bounds
//     to first order and adds one rounding of the result.
//   FlowErrors: the squared coordinates of a gradient flow (E4), with a
//     *mass-weighted* conditioning — a coordinate contributes its own 8γ_i t·u,
//     weighted by its share of the sum, never max_i γ_i t (error_bounds.md §2).
//   stopping_time_error: |T̃ − T| for GF(ε) from the residual and the slope of
//     log L̂ (convex, so the slope bound is rigorous; error_bounds.md §3).
//   DescentErrors: δ_i(t) after t GD steps (E5), tracked step by step (§4):
//     lemma2/descent_errors.hpp, with the step η and the contraction c as Sides.
#pragma once

#include "annealcheck/lemma2/inequality.hpp"
#include "annealcheck/model/losses.hpp"
#include "annealcheck/numeric/number_traits.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

namespace annealcheck::lemma2::bounds {

template <numeric::OrderedNumber T>
T unit() {
  if constexpr (numeric::number_traits<T>::is_exact) return numeric::from_int<T>(0);
  else return numeric::number_traits<T>::epsilon();
}

// Absolute error of one rounding in the subnormal range (0 without subnormals).
template <numeric::OrderedNumber T>
T underflow_floor() {
  if constexpr (!numeric::number_traits<T>::is_exact && std::numeric_limits<T>::has_denorm == std::denorm_present)
    return std::numeric_limits<T>::denorm_min();
  else return numeric::from_int<T>(0);
}

template <numeric::OrderedNumber T>
T infinite_bound() {
  if constexpr (std::numeric_limits<T>::has_infinity) return std::numeric_limits<T>::infinity();
  else return std::numeric_limits<T>::max();
}

template <numeric::OrderedNumber T>
T abs_of(const T& x) {
  return x < numeric::from_int<T>(0) ? T(-x) : x;
}

// One rounding of a result r: u·|r| + floor.
template <numeric::OrderedNumber T>
T rounding(const T& r) {
  if constexpr (numeric::number_traits<T>::is_exact) return numeric::from_int<T>(0);
  else return unit<T>() * abs_of(r) + underflow_floor<T>();
}

// A value with at most `units` roundings of relative error (the caller's header
// derives the count), or an absolute T bound.
template <numeric::OrderedNumber T>
Side<T> with_roundings(const T& x, long units) {
  return {x, T(numeric::from_int<T>(units) * rounding(x))};
}

// An exact input rounded once to T (model::materialize): |x − x_exact| ≤ u|x|.
template <numeric::OrderedNumber T>
Side<T> input(const T& x) {
  return {x, rounding(x)};
}

// min (or max) over Sides (non-empty): the computed extremum x̃_k, bounded by the
// largest bound among the entries that could be the exact extremum — for min,
// those with x̃_i − e_i ≤ x̃_k + e_k (error_bounds.md §1). Entries far from the
// extremum do not widen its bound, however large theirs is.
template <numeric::OrderedNumber T>
Side<T> extremum(const std::vector<Side<T>>& xs, bool want_max) {
  std::size_t k = 0;
  for (std::size_t i = 1; i < xs.size(); ++i)
    if (want_max ? xs[k].value < xs[i].value : xs[i].value < xs[k].value) k = i;
  Side<T> r = xs[k];
  for (const Side<T>& x : xs) {
    const bool candidate = want_max ? !(T(x.value + x.error) < T(xs[k].value - xs[k].error))
                                    : !(T(xs[k].value + xs[k].error) < T(x.value - x.error));
    if (candidate && r.error < x.error) r.error = x.error;
  }
  return r;
}

// Σ_{i∈[lo,hi), mask} w_i·x_i for inputs w (rounded once) and values x_i ≥ 0 with
// absolute bounds e_i: Σ w_i·e_i (1 + u) + (n + 3)·u·Σ + n·floor (recursive
// summation of non-negative terms; error_bounds.md §1).
template <numeric::OrderedNumber T>
T weighted_sum_error(const std::vector<T>& w, const std::vector<T>& x_error, const T& sum, std::size_t lo, std::size_t hi,
                     const std::vector<bool>* mask = nullptr, bool want = true) {
  if constexpr (numeric::number_traits<T>::is_exact) return numeric::from_int<T>(0);
  else {
    T e = numeric::from_int<T>(0);
    long n = 0;
    for (std::size_t i = lo; i < hi; ++i) {
      if (mask && (*mask)[i] != want) continue;
      e += w[i] * x_error[i];
      ++n;
    }
    e *= numeric::from_int<T>(1) + unit<T>();
    return e + numeric::from_int<T>(n + 3) * unit<T>() * abs_of(sum) + numeric::from_int<T>(n + 1) * underflow_floor<T>();
  }
}

// Σ w_i δ_i² with per-coordinate bounds e_i on δ̃_i² (the value as model:: computes it).
template <numeric::OrderedNumber T>
Side<T> square_sum(const std::vector<T>& w, const std::vector<T>& delta, const std::vector<T>& sq_error, std::size_t lo,
                   std::size_t hi, const std::vector<bool>* mask = nullptr, bool want = true) {
  T s = numeric::from_int<T>(0), scratch;
  for (std::size_t i = lo; i < hi; ++i) {
    if (mask && (*mask)[i] != want) continue;
    scratch = delta[i];
    scratch *= delta[i];
    scratch *= w[i];
    s += scratch;
  }
  return {s, weighted_sum_error(w, sq_error, s, lo, hi, mask, want)};
}

// Bounds e_i on |δ̃_i² − δ_i²| from bounds E_i on |δ̃_i − δ_i|: 2|δ̃_i|E_i + E_i² + u·δ̃_i².
template <numeric::OrderedNumber T>
void squares_error_into(std::vector<T>& out, const std::vector<T>& delta, const std::vector<T>& E) {
  out.resize(delta.size());
  const T two = numeric::from_int<T>(2);
  for (std::size_t i = 0; i < delta.size(); ++i) {
    out[i] = two * abs_of(delta[i]) * E[i] + E[i] * E[i];
    out[i] += rounding(T(delta[i] * delta[i]));
  }
}

// §2 of error_bounds.md. A flow δ_i(t) = δ_i(s)·e^{−2γ_i t} computed in T from a
// start δ̃(s) whose coordinates carry absolute bounds E_i (u|δ̃_i(0)| for the
// instance's δ(0); DescentErrors for δ(K)). at(δ̃(t), t, dt) makes e_i ≥
// |δ̃_i(t)² − δ_i(τ)²| for every exact time τ with |τ − t| ≤ dt (dt = 0 at a
// checkpoint, where t itself is the point the check is about).
template <numeric::RealNumber T>
class FlowErrors {
 public:
  FlowErrors(const std::vector<T>& gamma, const std::vector<T>& start, const std::vector<T>& start_error)
      : gamma_(gamma), start_(start), start_error_(start_error), sq_error_(start.size()), grow2_(start.size()),
        rate_u_(start.size()) {
    const T zero = numeric::from_int<T>(0), one = numeric::from_int<T>(1), eight = numeric::from_int<T>(8);
    for (std::size_t i = 0; i < start.size(); ++i) {
      // (1 + E_i/|δ̃_i(s)|)², rounded up by 4u (its own three roundings); 0 marks a zero start
      if (zero < abs_of(start[i])) {
        grow2_[i] = one + start_error[i] / abs_of(start[i]);
        grow2_[i] *= grow2_[i];
        grow2_[i] *= one + numeric::from_int<T>(4) * unit<T>();
      } else {
        grow2_[i] = zero;
      }
      rate_u_[i] = eight * gamma[i] * unit<T>();
    }
  }

  void at(const std::vector<T>& delta_t, const T& t, const T& dt) {
    using std::exp;
    const T zero = numeric::from_int<T>(0), one = numeric::from_int<T>(1), two = numeric::from_int<T>(2),
            four = numeric::from_int<T>(4), eight = numeric::from_int<T>(8);
    const T u = unit<T>(), tiny = underflow_floor<T>(), eight_u = eight * u;
    for (std::size_t i = 0; i < delta_t.size(); ++i) {
      numeric::multiply_into(sq_, delta_t[i], delta_t[i]);
      numeric::multiply_into(rho_, rate_u_[i], t);  // argument, γ input, exp, product, square:
      rho_ += eight_u;                              // (8γ_i t + 8)u
      // up: an upper bound of δ_i(τ)² over the window, in exact arithmetic
      const bool near = zero < grow2_[i] && (dt == zero || T(four * gamma_[i] * dt) < one);
      if (near) {
        numeric::multiply_into(up_, sq_, grow2_[i]);
        if (zero < dt) up_ *= exp(T(four * gamma_[i] * dt));
      } else {
        T tt = t - dt;
        if (tt < zero) tt = zero;
        const T e2 = (abs_of(start_[i]) + start_error_[i]) * exp(-(two * gamma_[i] * tt));
        up_ = e2 * e2;
      }
      T& out = sq_error_[i];
      out = up_;
      out -= sq_;
      if (out < zero) out = -out;
      up_ += sq_;
      up_ *= rho_;
      out += up_;
      if constexpr (std::numeric_limits<T>::has_denorm == std::denorm_present)
        out += four * tiny * (abs_of(delta_t[i]) + one);
    }
  }
  const std::vector<T>& squared_errors() const { return sq_error_; }

  // Σ_{i∈[lo,hi)} w_i δ̃_i(t)² (w: instance inputs) with its bound, after at().
  Side<T> sum(const std::vector<T>& w, const std::vector<T>& delta_t, std::size_t lo, std::size_t hi,
              const std::vector<bool>* mask = nullptr, bool want = true) const {
    return square_sum(w, delta_t, sq_error_, lo, hi, mask, want);
  }

 private:
  const std::vector<T>& gamma_;
  const std::vector<T>& start_;
  const std::vector<T>& start_error_;
  std::vector<T> sq_error_, grow2_, rate_u_;
  T sq_, rho_, up_;
};

// §3 of error_bounds.md: a bound on |T̃ − T| for the stopping time of GF(ε) started
// from `start` (coordinates with bounds E_i), given the computed δ̃(T̃). f(t) =
// log L̂(δ(t)) − log ε is convex and decreasing; with |f(T̃)| ≤ h (from L̂(T̃)'s
// bound and ε's), |T̃ − T| ≤ h / s(T̃ + D) whenever that is ≤ D, s(t) = −f'(t) =
// 4·Σγ_i·γ_iδ_i(t)²/L̂ (decreasing in t). Returns +∞ when no such D is found.
template <numeric::RealNumber T>
T stopping_time_error(const std::vector<T>& gamma, const std::vector<T>& start, const std::vector<T>& start_error,
                      const std::vector<T>& delta_T, const T& t_stop, const Side<T>& eps) {
  using std::abs;
  const T zero = numeric::from_int<T>(0), two = numeric::from_int<T>(2), four = numeric::from_int<T>(4);
  const T u = unit<T>();
  FlowErrors<T> fe(gamma, start, start_error);
  fe.at(delta_T, t_stop, zero);
  const Side<T> L = fe.sum(gamma, delta_T, 0, delta_T.size());
  if (t_stop == zero && L.value + L.error < eps.value - eps.error) return zero;  // exact L̂(δ(0)) < ε: T = 0 too
  if (!(zero < T(L.value - L.error)) || !(zero < T(eps.value - eps.error))) return infinite_bound<T>();
  // |log r| ≤ |r − 1|/min(r, 1) for r > 0, without a log (r is within a few ulps of
  // 1); the ratios' rounding, about u absolute, is inside the + 4u below
  const T one = numeric::from_int<T>(1);
  const auto log_bound = [&](const T& r) {
    const T x = abs(T(r - one));
    return r < one ? T(x / r) : x;
  };
  const T lo = log_bound(T((L.value - L.error) / (eps.value + eps.error)));
  const T hi = log_bound(T((L.value + L.error) / (eps.value - eps.error)));
  const T h = (lo < hi ? hi : lo) + four * u;
  // slope of −log L̂ at T̃ + D (D = 0: at T̃), from below: e^{−4γ_iD} ∈ [1 − 4γ_iD, 1]
  // taken low in the numerator and high in the denominator — no exponential
  const auto slope = [&](const T& D) {
    T num = zero, den = zero;
    for (std::size_t i = 0; i < delta_T.size(); ++i) {
      const T w = gamma[i] * delta_T[i] * delta_T[i];
      den += w;
      if (!(zero < D)) {
        num += gamma[i] * w;
      } else if (const T x = four * gamma[i] * D; x < one) {
        num += gamma[i] * w * T(one - x);
      }
    }
    return den == zero ? zero : T(four * num / den);
  };
  const T s0 = slope(zero);
  if (!(zero < s0)) return infinite_bound<T>();
  T D = two * h / s0;
  for (int iter = 0; iter < 6; ++iter) {
    const T s = slope(D);
    if (!(zero < s)) return infinite_bound<T>();
    const T dt = h / s;
    if (!(D < dt)) return dt * numeric::from_int<T>(5) / four;  // 1.25: the slopes' own rounding
    D = two * dt;
  }
  return infinite_bound<T>();
}

// Per-coordinate bounds of an input vector rounded once (δ(0)): u|x_i|.
template <numeric::OrderedNumber T>
std::vector<T> input_errors(const std::vector<T>& x) {
  std::vector<T> e;
  e.reserve(x.size());
  for (const T& v : x) e.push_back(rounding(v));
  return e;
}

// §5 of error_bounds.md: a flow given in log space, Σ_j c_j·exp(a_j − r_j t) at a
// computed stopping time (Proposition 1's draws, whose start δ(K) = f^K δ(0) may not
// be representable in T), as a relative error: 4u·(S·(1 + r_max/r_min) + n + 8), with
// S = max_j |a_j| + r_j t the size of the exponents (each carries ≈ S·u absolutely,
// and the stopping time's error moves a term by ≈ S·u·r_max/r_min). Not
// mass-weighted: it serves the small draws of prop1, checked against 1024 bits in
// tests/prop1/draw_outcome_test.cpp.
template <numeric::RealNumber T>
T log_space_flow_relative_error(const std::vector<T>& rates, const T& exponent_size, std::size_t n) {
  const T terms = numeric::from_int<T>(static_cast<long>(n) + 8);
  if (rates.empty()) return numeric::from_int<T>(4) * terms * unit<T>();
  T rmin = rates[0], rmax = rates[0];
  for (const T& r : rates) {
    if (r < rmin) rmin = r;
    if (rmax < r) rmax = r;
  }
  return numeric::from_int<T>(4) * (exponent_size * (numeric::from_int<T>(1) + rmax / rmin) + terms) * unit<T>();
}


}  // namespace annealcheck::lemma2::bounds

namespace annealcheck::lemma2 {

// Side arithmetic (found by argument-dependent lookup on Side).
template <numeric::OrderedNumber T>
Side<T> operator+(const Side<T>& a, const Side<T>& b) {
  const T r = a.value + b.value;
  return {r, T(a.error + b.error + bounds::rounding(r))};
}
template <numeric::OrderedNumber T>
Side<T> operator-(const Side<T>& a, const Side<T>& b) {
  const T r = a.value - b.value;
  return {r, T(a.error + b.error + bounds::rounding(r))};
}
template <numeric::OrderedNumber T>
Side<T> operator*(const Side<T>& a, const Side<T>& b) {
  const T r = a.value * b.value;
  return {r, T(bounds::abs_of(a.value) * b.error + bounds::abs_of(b.value) * a.error + a.error * b.error + bounds::rounding(r))};
}
// a/b: (e_a + |a/b|·e_b)/(|b| − e_b); unbounded when b's bound reaches 0.
template <numeric::OrderedNumber T>
Side<T> operator/(const Side<T>& a, const Side<T>& b) {
  const T r = a.value / b.value;
  const T room = bounds::abs_of(b.value) - b.error;
  if (!(numeric::from_int<T>(0) < room)) return {r, bounds::infinite_bound<T>()};
  return {r, T((a.error + bounds::abs_of(r) * b.error) / room + bounds::rounding(r))};
}
// log a: e_a/(a − e_a) + u|log a| (one libm/MPFR rounding, counted as u).
template <numeric::RealNumber T>
Side<T> side_log(const Side<T>& a) {
  using std::log;
  const T r = log(a.value);
  const T room = a.value - a.error;
  if (!(numeric::from_int<T>(0) < room)) return {r, bounds::infinite_bound<T>()};
  return {r, T(a.error / room + bounds::rounding(r))};
}
// a^n, n ≥ 0 an integer computed as pow(a, n): n·e_a·(|a| + e_a)^(n−1) + one rounding
// per squaring of a repeated-squaring pow (2⌈log2 n⌉ + 1 roundings relative).
template <numeric::RealNumber T>
Side<T> side_pow(const Side<T>& a, long n) {
  using std::pow;
  const T r = n == 0 ? numeric::from_int<T>(1) : T(pow(a.value, numeric::from_int<T>(n)));
  if (n == 0) return {r, numeric::from_int<T>(0)};
  long squarings = 0;
  for (long m = n; m > 1; m >>= 1) ++squarings;
  const T grow = pow(T(bounds::abs_of(a.value) + a.error), numeric::from_int<T>(n - 1));
  return {r, T(numeric::from_int<T>(n) * a.error * grow +
               numeric::from_int<T>(2 * squarings + 1) * bounds::rounding(r))};
}

}  // namespace annealcheck::lemma2
