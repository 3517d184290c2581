// Gradient flow in eigen-coordinates (E4) and its stopping time.
//
//   δ_i(t) = δ_i(0)·e^{−2γ_i t},   L̂(δ(t)) = Σ_i γ_i δ_i(0)² e^{−4γ_i t}
//
// Stopping time T of GF(ε): the root of f(t) = log L̂(δ(t)) − log ε. log L̂ is a
// log-sum-exp of affine functions of t, hence convex and decreasing, so Newton
// started at t = 0 (left of the root) moves monotonically right onto it. Everything
// is evaluated in log space — a_i = log(γ_i δ_i(0)²) − 4γ_i t, shifted by max a_i —
// so nothing underflows even when ε is 10⁻³⁰⁰·L̂(δ(0)) and e^{−4γ_i T} is below the
// type's range. Root finding: Boost.Math newton_raphson_iterate, asked for all but
// 2 bits of the type; accuracy is checked against a 2048-bit reference in
// tests/dynamics/gradient_flow_test.cpp (a few ulps of T).
#pragma once

#include "annealcheck/dynamics/mutant.hpp"
#include "annealcheck/dynamics/observer.hpp"
#include "annealcheck/model/losses.hpp"
#include "annealcheck/numeric/block_runner.hpp"
#include "annealcheck/numeric/number_traits.hpp"

#include <boost/math/tools/roots.hpp>

#include <cmath>
#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace annealcheck::dynamics {

// (E4) the rate factor: δ_i decays like e^{−2γ_i t} (1.9 in the gf-rate mutant, mutant.hpp).
template <numeric::LadderNumber T>
T flow_rate_factor() {
  if constexpr (active_mutant == ANNEALCHECK_MUTANT_GF_RATE) return numeric::number_traits<T>::from_rational(numeric::Rational(19, 10));
  else return numeric::from_int<T>(2);
}

// (E4) δ(t), into `out` (resized to d; no allocation once it has the size).
template <numeric::RealNumber T>
void flow_state_into(std::vector<T>& out, const std::vector<T>& gamma, const std::vector<T>& delta0, const T& t) {
  using std::exp;
  out.resize(delta0.size());
  const T m2t = -(flow_rate_factor<T>() * t);
  numeric::for_each_block<T>(out.size(), [&](std::size_t b) {  // coordinate by coordinate: any split, same bits
    for (std::size_t i = numeric::block_begin(b); i < numeric::block_end(b, out.size()); ++i) {
      out[i] = m2t;
      out[i] *= gamma[i];
      out[i] = exp(out[i]);
      out[i] *= delta0[i];
    }
  });
}

// (E4) δ(t)
template <numeric::RealNumber T>
std::vector<T> flow_state(const std::vector<T>& gamma, const std::vector<T>& delta0, const T& t) {
  std::vector<T> out;
  flow_state_into(out, gamma, delta0, t);
  return out;
}

// log L̂(δ(t)) and its derivative in t, by a shifted log-sum-exp over the active
// terms (γ_i δ_i(0)² > 0): L̂(t) = Σ_j exp(a_j − r_j t), a_j = log(γ_j δ_j(0)²),
// r_j = 4γ_j. Built from δ(0), or term by term from (a_j, r_j) with add() when the
// start point itself is not representable in T but its logarithm is (Proposition 1
// after K growing GD steps, SPEC §4 case (3,0): a_j = log(γ_j δ_j(0)²) + K log f_j²).
template <numeric::RealNumber T>
class LogTrainLoss {
 public:
  LogTrainLoss() = default;
  LogTrainLoss(const std::vector<T>& gamma, const std::vector<T>& delta0) {
    using std::log;
    const T zero = numeric::from_int<T>(0);
    std::vector<std::size_t> active;  // the terms with γ_i δ_i(0)² > 0 in T (not underflowed)
    active.reserve(gamma.size());
    T w;
    for (std::size_t i = 0; i < gamma.size(); ++i) {
      w = gamma[i] * delta0[i] * delta0[i];
      if (zero < w) active.push_back(i);
    }
    log_weight_.resize(active.size());
    rate_.resize(active.size());
    const T rate_factor = numeric::from_int<T>(2) * flow_rate_factor<T>();
    numeric::for_each_block<T>(active.size(), [&](std::size_t b) {  // the d logarithms, on two threads
      for (std::size_t j = numeric::block_begin(b); j < numeric::block_end(b, active.size()); ++j) {
        const std::size_t i = active[j];
        log_weight_[j] = log(T(gamma[i] * delta0[i] * delta0[i]));
        rate_[j] = rate_factor * gamma[i];  // 4γ_i
      }
    });
    update_cut();
  }
  void add(const T& log_weight, const T& rate) {  // one more term e^{a − r t}, r > 0
    log_weight_.push_back(log_weight);
    rate_.push_back(rate);
    update_cut();
  }
  bool empty() const { return rate_.empty(); }
  const std::vector<T>& rates() const { return rate_; }

  // (log L̂(δ(t)), d/dt log L̂(δ(t))). Over more than one block the sums are taken per
  // block and the blocks added in order (numeric/blocks.hpp), on two threads.
  std::pair<T, T> operator()(const T& t) const {
    using std::log;
    const std::size_t n = rate_.size(), blocks = numeric::block_count(n);
    T m, s, ds;
    if (blocks == 1) {
      block_max(m, t, 0, n);
      block_sums(s, ds, m, t, 0, n);
      return {m + log(s), -ds / s};
    }
    std::vector<T> part(3 * blocks);  // per block: its max exponent, Σ e^a, Σ r e^a
    numeric::BlockRunner runner(numeric::number_traits<T>::thread_independent);
    runner.run(blocks, [&](std::size_t b) { block_max(part[3 * b], t, numeric::block_begin(b), numeric::block_end(b, n)); });
    m = part[0];
    for (std::size_t b = 1; b < blocks; ++b)
      if (m < part[3 * b]) m = part[3 * b];
    runner.run(blocks, [&](std::size_t b) {
      block_sums(part[3 * b + 1], part[3 * b + 2], m, t, numeric::block_begin(b), numeric::block_end(b, n));
    });
    s = part[1], ds = part[2];
    for (std::size_t b = 1; b < blocks; ++b) s += part[3 * b + 1], ds += part[3 * b + 2];
    return {m + log(s), -ds / s};
  }

  // The same in double, for placing checkpoints (no verdict depends on it); nullopt
  // when a log-weight or rate does not fit a double (then T itself is used).
  struct Coarse {
    std::vector<double> log_weight, rate;
    std::pair<double, double> operator()(double t) const {
      const std::size_t n = rate.size(), blocks = numeric::block_count(n);
      double m = log_weight[0] - rate[0] * t;
      for (std::size_t i = 1; i < n; ++i) m = std::max(m, log_weight[i] - rate[i] * t);
      std::vector<double> part(2 * blocks, 0.0);  // per block Σ e^a, Σ r e^a
      numeric::BlockRunner runner(blocks > 1);     // double: no per-thread state
      runner.run(blocks, [&](std::size_t b) {
        for (std::size_t i = numeric::block_begin(b); i < numeric::block_end(b, n); ++i) {
          const double a = log_weight[i] - rate[i] * t - m;
          if (a < -760) continue;  // below double's range
          const double e = std::exp(a);
          part[2 * b] += e;
          part[2 * b + 1] += rate[i] * e;
        }
      });
      double s = 0, ds = 0;
      for (std::size_t b = 0; b < blocks; ++b) s += part[2 * b], ds += part[2 * b + 1];
      return {m + std::log(s), -ds / s};
    }
  };
  std::optional<Coarse> coarse() const {
    Coarse c;
    for (std::size_t i = 0; i < rate_.size(); ++i) {
      const double w = static_cast<double>(log_weight_[i]), r = static_cast<double>(rate_[i]);
      if (!std::isfinite(w) || !std::isfinite(r) || !(r > 0) || !(r > 1e-290)) return std::nullopt;
      c.log_weight.push_back(w);
      c.rate.push_back(r);
    }
    if (c.rate.empty()) return std::nullopt;
    return c;
  }

  // Σ_j c_j e^{a_j − r_j t}: with c_j = λ_j/γ_j this is Σ_j λ_j δ_j(t)² (E2).
  T weighted_sum(const std::vector<T>& coef, const T& t) const {
    using std::exp;
    T s = numeric::from_int<T>(0);
    for (std::size_t i = 0; i < rate_.size(); ++i) s += coef[i] * exp(log_weight_[i] - rate_[i] * t);
    return s;
  }

  // max_j |a_j| + r_j t: the size of the exponents, which scales the absolute error
  // of each exp argument (lemma2/error_bounds.hpp, log_space_flow_relative_error).
  T exponent_size(const T& t) const {
    using std::abs;
    T m = numeric::from_int<T>(0);
    for (std::size_t i = 0; i < rate_.size(); ++i) {
      const T s = abs(log_weight_[i]) + rate_[i] * t;
      if (m < s) m = s;
    }
    return m;
  }

 private:
  // max over [lo, hi) of a_j − r_j t, into m
  void block_max(T& m, const T& t, std::size_t lo, std::size_t hi) const {
    T a;
    m = log_weight_[lo] - rate_[lo] * t;
    for (std::size_t i = lo + 1; i < hi; ++i) {
      a = log_weight_[i] - rate_[i] * t;
      if (m < a) m = a;
    }
  }
  // Σ e^{a_j − r_j t − m} and Σ r_j e^{…} over [lo, hi), the terms below e^cut skipped
  void block_sums(T& s, T& ds, const T& m, const T& t, std::size_t lo, std::size_t hi) const {
    using std::exp;
    T a, e;
    s = numeric::from_int<T>(0), ds = numeric::from_int<T>(0);
    for (std::size_t i = lo; i < hi; ++i) {
      a = rate_[i];
      a *= t;
      a = log_weight_[i] - a;
      a -= m;
      if (a < cut_) continue;
      e = exp(a);
      s += e;
      e *= rate_[i];
      ds += e;
    }
  }

  // A term below e^cut of the largest is skipped: n of them add less than 2^-(p+8)
  // relative to the sum, below the type's own rounding (cut = −(p + 8 + log2 n)·ln 2).
  void update_cut() {
    using std::log;
    long guard = 8;
    for (std::size_t n = rate_.size(); n > 1; n >>= 1) ++guard;
    cut_ = -(numeric::from_int<T>(numeric::number_traits<T>::bits() + guard) * log(numeric::from_int<T>(2)));
  }

  std::vector<T> log_weight_, rate_;
  T cut_ = -numeric::from_int<T>(numeric::number_traits<T>::bits() + 8);  // below −(p+8)·ln 2: skips nothing yet
};

// Newton in double on a convex decreasing log-loss, from t0 left of the root: the
// checkpoint times of a flow (only where to look; every check computes with the
// state at the time actually used). Returns nullopt when double cannot resolve it.
template <class Coarse>
std::optional<double> coarse_root(const Coarse& f, double level, double t0) {
  double t = t0, last = std::numeric_limits<double>::infinity();
  for (int iter = 0; iter < 100; ++iter) {
    const auto [v, dv] = f(t);
    if (!std::isfinite(v) || !std::isfinite(dv) || !(dv < 0)) return std::nullopt;
    const double step = (v - level) / -dv;
    t += step;
    if (!std::isfinite(t)) return std::nullopt;
    if (std::abs(step) <= 1e-15 * std::abs(t) || step == 0) return t;
    // With many terms the sums' own rounding (about n·2^-53) is a noise floor the
    // steps cannot go below: stop once they no longer shrink there (a checkpoint's
    // place needs no more; the stop is refined in T).
    if (std::abs(step) <= 1e-9 * std::abs(t) && std::abs(step) >= last) return t;
    last = std::abs(step);
  }
  return std::nullopt;
}

template <numeric::RealNumber T>
struct StoppingTime {
  T time;
  std::uintmax_t iterations = 0;
};

// Stopping time of GF(ε) for a prepared log-loss (T = 0 when L̂(δ(0)) ≤ ε), Newton
// started at t0, which must be left of the root (f(t0) ≥ 0): e.g. 0, or the stopping
// time of a larger ε — so a sequence of decreasing levels warm-starts each solve.
// Given log ε rather than ε (Proposition 1's ε may be below T's range).
template <numeric::RealNumber T>
StoppingTime<T> stopping_time_log(const LogTrainLoss<T>& f, const T& log_eps, const T& t0) {
  const T zero = numeric::from_int<T>(0);
  if (f.empty()) return {zero, 0};  // L̂ ≡ 0 ≤ ε
  const auto g = [&](const T& t) {
    auto [v, dv] = f(t);
    return std::make_pair(T(v - log_eps), dv);
  };
  const T f0 = g(zero).first;
  if (!(zero < f0)) return {zero, 0};
  // Bracket: L̂(δ(t)) ≤ L̂(δ(0))·e^{−r_min t} with r_min the smallest active rate 4γ_i.
  T rmin = f.rates()[0];
  for (const T& r : f.rates())
    if (r < rmin) rmin = r;
  T hi = f0 / rmin;
  hi *= numeric::from_int<T>(2);  // strictly past the root, even after rounding
  const long bits = numeric::number_traits<T>::bits();
  std::uintmax_t iters = 200;
  T root = boost::math::tools::newton_raphson_iterate(g, t0, zero, hi, static_cast<int>(bits - 2), iters);
  return {root, iters};
}
template <numeric::RealNumber T>
StoppingTime<T> stopping_time(const LogTrainLoss<T>& f, const T& eps, const T& t0) {
  using std::log;
  return stopping_time_log(f, T(log(eps)), t0);
}

// Stopping time of GF(ε) from δ(0). Requires ε > 0.
template <numeric::RealNumber T>
StoppingTime<T> stopping_time(const std::vector<T>& gamma, const std::vector<T>& delta0, const T& eps) {
  return stopping_time(LogTrainLoss<T>(gamma, delta0), eps, numeric::from_int<T>(0));
}

// Which intermediate checkpoints an observer needs computed in T. When every
// checkpoint time was placed in double, run_gradient_flow offers the times
// (checkpoints 1..n−1, in order) to a screen, which may mark some as not needed —
// their checks already decided elsewhere (lemma2/checkpoint_screen.hpp) — and
// returns true; false leaves every checkpoint to the observer. The default screens
// nothing.
struct EveryCheckpoint {
  bool operator()(const std::vector<double>&, std::vector<char>&) const { return false; }
};

// GF from δ(0) to train loss ε with `checkpoints` intermediate points at train
// losses geometric between L̂(δ(0)) and ε (log-spaced levels). The observer sees
// checkpoint 0 (the start), 1..checkpoints−1 (those the screen keeps) and the stop.
// Returns δ(T) and T.
template <numeric::RealNumber T>
struct FlowResult {
  std::vector<T> delta;
  T time;
  T train_loss;
  std::uintmax_t newton_iterations = 0;  // of the final solve
};

template <numeric::RealNumber T, class Observer, class Screen = EveryCheckpoint>
FlowResult<T> run_gradient_flow(const std::vector<T>& gamma, const std::vector<T>& delta0, const T& eps,
                                std::size_t checkpoints, Observer&& observe, Screen&& screen = Screen{}) {
  using std::exp;
  using std::log;
  const T zero = numeric::from_int<T>(0);
  FlowResult<T> r{delta0, zero, T{}};
  T loss0 = zero, scratch;
  model::weighted_square_sum_into(loss0, scratch, gamma, delta0, 0, delta0.size());
  observe(StepEvent<T>{Phase::GradientFlow, 0, &r.time, r.delta, loss0});
  const LogTrainLoss<T> f(gamma, delta0);
  if (!(eps < loss0) || f.empty()) {  // already at or below ε: T = 0
    r.train_loss = loss0;
    return r;
  }
  const T log0 = log(loss0), logeps = log(eps);
  // Checkpoint times: the roots for the levels, solved in double when the exponents
  // fit (they only place the checkpoints, and are then exact numbers of T — the
  // same times at every rung with at least 53 bits); else in T itself. All are
  // placed before any state is computed (O(checkpoints) numbers).
  const auto coarse = f.coarse();
  double tc = 0;
  bool use_coarse = coarse.has_value();
  const double log0_d = use_coarse ? static_cast<double>(log0) : 0, logeps_d = use_coarse ? static_cast<double>(logeps) : 0;
  T t = zero, loss;
  std::vector<T> times;
  std::vector<double> coarse_times;
  for (std::size_t j = 1; j < checkpoints; ++j) {
    const double frac = static_cast<double>(j) / static_cast<double>(checkpoints);
    std::optional<double> root;
    if (use_coarse) root = coarse_root(*coarse, log0_d + (logeps_d - log0_d) * frac, tc);
    if (root && tc <= *root) {
      tc = *root;
      t = T(tc);
      coarse_times.push_back(tc);
    } else {
      use_coarse = false;  // warm start in T: levels decrease, so roots increase
      const T level = exp(log0 + (logeps - log0) * numeric::from_int<T>(static_cast<long>(j)) /
                                     numeric::from_int<T>(static_cast<long>(checkpoints)));
      t = stopping_time(f, level, t).time;
    }
    times.push_back(t);
  }
  std::vector<char> needed;
  const bool screened = use_coarse && !times.empty() && screen(coarse_times, needed) && needed.size() == times.size();
  std::vector<T> d;
  for (std::size_t j = 1; j < checkpoints; ++j) {
    if (screened && !needed[j - 1]) continue;
    flow_state_into(d, gamma, delta0, times[j - 1]);
    model::weighted_square_sum_into(loss, scratch, gamma, d, 0, d.size());
    observe(StepEvent<T>{Phase::GradientFlow, j, &times[j - 1], d, loss});
  }
  // The stop, to the type's full accuracy: Newton in T from the coarse root when
  // there is one (a few iterations), else from the last checkpoint.
  T start = t;
  if (use_coarse)
    if (const auto root = coarse_root(*coarse, logeps_d, tc); root && tc <= *root) start = T(*root);
  const StoppingTime<T> stop = stopping_time(f, eps, start);
  r.time = stop.time;
  r.newton_iterations = stop.iterations;
  flow_state_into(r.delta, gamma, delta0, stop.time);
  model::weighted_square_sum_into(r.train_loss, scratch, gamma, r.delta, 0, r.delta.size());
  observe(StepEvent<T>{Phase::GradientFlow, checkpoints, &r.time, r.delta, r.train_loss});
  return r;
}

}  // namespace annealcheck::dynamics
