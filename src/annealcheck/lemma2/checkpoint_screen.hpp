// Checkpoint screening (issue 11; error_bounds.md §6). In a type wider than double,
// a gradient-flow checkpoint's check is first decided in double: the same
// computation (flow_state_into (E4), FlowErrors, Side arithmetic) with the same
// rigorous bounds, on T's values rounded to double — one more input rounding,
// inside double's unit (|x_d − x| ≤ 2^-53|x_T| + 2^-p|x| < 2^-52|x|) — and T's own
// bounds carried over, rounded up. A checkpoint is left out of the T run only when
// double proves, with every bound widened 4× (T's bounds are 2^(p−53) times smaller,
// so T decides it the same way), that
//   – a premise fails there (T would not check it), or
//   – the check holds and its relative slack cannot be the smallest of the run
//     (slack ± 4·bound/scale lies wholly above the smallest upper end).
// Every other checkpoint — undecided in double, possibly the tightest, or with a
// value outside double's normal range — is computed in T as before, so the kept
// decision, its strings and its counts are those of the unscreened run
// (tests/lemma2/checkpoint_screen_test.cpp compares the two exactly).
#pragma once

#include "annealcheck/dynamics/gradient_flow.hpp"
#include "annealcheck/lemma2/conditions.hpp"
#include "annealcheck/lemma2/error_bounds.hpp"
#include "annealcheck/lemma2/inequality.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"  // double: the screen's type

#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace annealcheck::lemma2 {

// Screening pays (and is sound, by the 4× widening) only for types with at least
// 64 significand bits; float and double compute every checkpoint themselves.
template <numeric::RealNumber T>
bool worth_screening() {
  if constexpr (numeric::number_traits<T>::is_exact) return false;
  else return numeric::number_traits<T>::bits() >= 64;
}

namespace screen {

// x rounded to double, or nullopt when it overflows or leaves double's normal range.
template <numeric::RealNumber T>
std::optional<double> to_double(const T& x) {
  const double v = static_cast<double>(x);
  if (!std::isfinite(v)) return std::nullopt;
  if (v == 0 ? x != numeric::from_int<T>(0) : std::abs(v) < std::numeric_limits<double>::min()) return std::nullopt;
  return v;
}

// A bound e ≥ 0 of T as a double that is ≥ e (one below double's range becomes
// its smallest normal number).
template <numeric::RealNumber T>
std::optional<double> bound_up(const T& e) {
  const double v = static_cast<double>(e);
  if (!std::isfinite(v)) return std::nullopt;
  return v * (1 + 0x1p-50) + std::numeric_limits<double>::min();
}

// Side<T> → Side<double>: the value rounded, its rounding added to the bound.
template <numeric::RealNumber T>
std::optional<Side<double>> narrow(const Side<T>& s) {
  const auto v = to_double(s.value);
  const auto e = bound_up(s.error);
  if (!v || !e) return std::nullopt;
  return Side<double>{*v, (*e + 0x1p-52 * std::abs(*v)) * (1 + 0x1p-50)};
}

template <numeric::RealNumber T>
std::optional<std::vector<double>> narrow(const std::vector<T>& x) {
  std::vector<double> out;
  out.reserve(x.size());
  for (const T& v : x) {
    const auto d = to_double(v);
    if (!d) return std::nullopt;
    out.push_back(*d);
  }
  return out;
}

// The input sides RunningPremises reads (α, ρ, M, L̂_S(0), γ_1δ_1(0)²), narrowed.
template <numeric::RealNumber T>
std::optional<InputSides<double>> narrow_premises(const InputSides<T>& s) {
  InputSides<double> n;
  const Side<T> InputSides<T>::*fields[] = {&InputSides<T>::alpha, &InputSides<T>::eps, &InputSides<T>::rho,
                                            &InputSides<T>::M, &InputSides<T>::loss_S0, &InputSides<T>::c1_level};
  Side<double> InputSides<double>::*out[] = {&InputSides<double>::alpha, &InputSides<double>::eps, &InputSides<double>::rho,
                                             &InputSides<double>::M, &InputSides<double>::loss_S0, &InputSides<double>::c1_level};
  for (std::size_t k = 0; k < std::size(fields); ++k) {
    const auto v = narrow(s.*fields[k]);
    if (!v) return std::nullopt;
    n.*out[k] = *v;
  }
  return n;
}

}  // namespace screen

// What double proved at one checkpoint.
struct ScreenOutcome {
  enum Kind { Compute, Skip, Holds } kind = Compute;
  double slack = 0, radius = 0;  // Holds: relative slack (margin + bound)/scale, and how far T's may lie from it
};

// The flow in double from a start in T (with its bounds); not movable (FlowErrors
// keeps references to the vectors).
template <numeric::RealNumber T>
class CheckpointScreen {
 public:
  static constexpr long widen = 4;

  CheckpointScreen(const std::vector<T>& gamma, const std::vector<T>& start, const std::vector<T>& start_error) {
    if (!worth_screening<T>()) return;
    auto g = screen::narrow(gamma);
    if (!g) return;
    gamma_ = std::move(*g);
    // A start coordinate below double's normal range (GD contracts some by far more
    // than that) starts at 0 with its size in the bound: FlowErrors' zero start.
    const T tiny(std::numeric_limits<double>::min());
    for (std::size_t i = 0; i < start.size(); ++i) {
      const bool flushed = bounds::abs_of(start[i]) < tiny;
      const auto v = flushed ? std::optional<double>(0.0) : screen::to_double(start[i]);
      const auto e = screen::bound_up(start_error[i]);
      if (!v || !e) return;
      start_.push_back(*v);
      start_error_.push_back((*e + 0x1p-52 * std::abs(*v) + (flushed ? std::numeric_limits<double>::min() : 0.0)) * (1 + 0x1p-50));
    }
    errors_.emplace(gamma_, start_, start_error_);
  }
  CheckpointScreen(const CheckpointScreen&) = delete;
  CheckpointScreen& operator=(const CheckpointScreen&) = delete;

  bool ok() const { return errors_.has_value(); }
  const std::vector<double>& gamma() const { return gamma_; }

  // The outcome for `lhs REL rhs` decided in double: Holds (with its slack) only
  // when it holds with every bound widened; else Compute.
  static ScreenOutcome check(Relation rel, const Side<double>& lhs, const Side<double>& rhs) {
    if (verdict_of(rel, widened(lhs, widen), widened(rhs, widen)) != Verdict::Holds) return {};
    double m = 0, b = 0;
    detail::margin_and_bound(m, b, rel, lhs, rhs);
    const double s = side_scale(lhs.value, rhs.value);
    if (!(s > 0) || !std::isfinite(s)) return {};
    return {ScreenOutcome::Holds, (m + b) / s, (widen * b + 0x1p-50 * std::abs(m + b)) / s};
  }

  // Decides every checkpoint time with `classify(state, errors)` and marks in
  // `needed` those T must compute; `tally()` counts each cleared check that holds.
  // Returns how many were cleared.
  template <class Classify, class Tally>
  std::size_t select(const std::vector<double>& times, std::vector<char>& needed, Classify&& classify, Tally&& tally) {
    std::vector<ScreenOutcome> out(times.size());
    for (std::size_t j = 0; j < times.size(); ++j) {
      dynamics::flow_state_into(state_, gamma_, start_, times[j]);
      errors_->at(state_, times[j], 0.0);
      out[j] = classify(static_cast<const std::vector<double>&>(state_), static_cast<const bounds::FlowErrors<double>&>(*errors_));
    }
    double top = std::numeric_limits<double>::infinity();  // the smallest upper end among the holds
    for (const ScreenOutcome& o : out)
      if (o.kind == ScreenOutcome::Holds) top = std::min(top, o.slack + o.radius);
    needed.assign(times.size(), 1);
    std::size_t cleared = 0;
    for (std::size_t j = 0; j < times.size(); ++j) {
      const bool holds = out[j].kind == ScreenOutcome::Holds && top < out[j].slack - out[j].radius;
      if (out[j].kind != ScreenOutcome::Skip && !holds) continue;
      needed[j] = 0;
      ++cleared;
      if (holds) tally();
    }
    return cleared;
  }

 private:
  std::vector<double> gamma_, start_, start_error_, state_;
  std::optional<bounds::FlowErrors<double>> errors_;
};

}  // namespace annealcheck::lemma2
