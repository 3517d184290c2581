// Where the GD phase of annealed GD(K, η, ε) stops (SPEC §2): at the first
// t ∈ {0, …, K−1} with L̂(δ(t)) ≤ ε, else after K steps (the rule of
// dynamics/annealed.hpp: check before each step).
//
// On a diagonal instance L̂(δ(t)) = h(t) := Σ_{γ_i>0} γ_i δ_i(0)² (f_i²)^t (E5 in
// closed form). For t ≥ 1 this is a sum of geometric sequences, hence convex in t
// (terms with f_i = 0 vanish from t = 1 on). So the first crossing can be found
// with O(log t) evaluations — exponential search, then bisection — instead of K
// steps, and K = 10⁹ with a growing factor (f = −2, SPEC §4 case (3,0)) costs
// nothing and cannot overflow. The oracle decides the comparisons: exactly with
// rationals (gd_phase_exact.hpp), or in a number type in log space (fallback).
#pragma once

namespace annealcheck::prop1 {

struct GdPhaseDecision {
  long t_stop = 0;           // GD steps taken
  int endpoint_vs_eps = 1;   // sign of L̂(δ(t_stop)) − ε: > 0 means GF follows
  bool exact = true;         // decided with exact rationals
};

// Oracle: int compare_eps(long t)  = sign(h(t) − ε)
//         bool nondecreasing(long t) = h(t+1) ≥ h(t)   (only asked for t ≥ 1)
template <class Oracle>
GdPhaseDecision decide_gd_phase(Oracle& o, long K) {
  GdPhaseDecision r;
  const int c0 = o.compare_eps(0);
  if (K == 0 || c0 <= 0) {
    r.t_stop = 0;
    r.endpoint_vs_eps = c0;
    return r;
  }
  const long last = K - 1;  // stop checks happen at t = 0..K-1
  // first t in [lo, hi] with h(t) ≤ ε, where that predicate is monotone on [lo, hi]
  auto first_below = [&](long lo, long hi) {
    while (lo < hi) {
      const long mid = lo + (hi - lo) / 2;
      if (o.compare_eps(mid) <= 0) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  bool still_decreasing_at_last = false;
  if (last >= 1) {
    long prev = 0, t = 1;
    while (true) {
      if (o.compare_eps(t) <= 0) {
        r.t_stop = first_below(prev + 1, t);
        r.endpoint_vs_eps = o.compare_eps(r.t_stop);
        return r;
      }
      if (o.nondecreasing(t)) {
        // convex on t ≥ 1: the minimum is at the first s ≥ max(prev, 1) with h(s+1) ≥ h(s)
        long lo = prev < 1 ? 1 : prev, hi = t;
        while (lo < hi) {
          const long mid = lo + (hi - lo) / 2;
          if (o.nondecreasing(mid)) hi = mid;
          else lo = mid + 1;
        }
        if (o.compare_eps(lo) <= 0) {
          r.t_stop = first_below(prev + 1, lo);
          r.endpoint_vs_eps = o.compare_eps(r.t_stop);
          return r;
        }
        break;  // h > ε on [1, ∞): no crossing; h(K) ≥ h(K−1) > ε
      }
      if (t == last) {
        still_decreasing_at_last = true;
        break;
      }
      prev = t;
      t = (t > last / 2) ? last : 2 * t;
    }
  } else {
    still_decreasing_at_last = true;  // K = 1: nothing known about h(1)
  }
  r.t_stop = K;
  r.endpoint_vs_eps = still_decreasing_at_last ? o.compare_eps(K) : 1;
  return r;
}

}  // namespace annealcheck::prop1
