// The one decision rule of the harness: an inequality of Lemma 2 (SPEC §3)
// evaluated in a number type T, each side carrying its own bound on the absolute
// error against the exact real (lemma2/error_bounds.hpp derives the bounds; the
// derivation is lemma2/error_bounds.md). Every command — eval, the properties,
// audit's rungs, prop1 — decides through decide() / decide_equal() below.
//
// With margin m (≥ 0 means the inequality holds as computed) and bound
// B = e_lhs + e_rhs (|m − m_exact| ≤ B):
//   Holds           m >  B              (strict: also m > 0)   — true of the exact reals
//   Fails           m < −B, or a NaN    — false of the exact reals
//   WithinRounding  |m| ≤ B             — T cannot tell; a wider rung or --certified may
//   Undecidable     a side or a bound is ±∞ in T (overflow): no rounding bound exists
//   NotApplicable   the check does not apply to this instance
//   Accurate        an identity that holds by construction (measure_identity below),
//                   |lhs − rhs| ≤ B: a measurement of accuracy, not a verdict
//                   about the lemma (issue 21, item 3); |lhs − rhs| > B Fails
// Exact types (mpq) have B = 0: the sign of m decides, ties included. A two-sided
// equality (decide_equal) has m = −|lhs − rhs| ≤ 0, so in a rounding type it is at
// best WithinRounding: floating point can refute an identity but never prove one.
#pragma once

#include "annealcheck/numeric/number_traits.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace annealcheck::lemma2 {

enum class Relation { LessEqual, Less, GreaterEqual, Greater, Equal };
enum class Verdict { Holds, Fails, WithinRounding, Undecidable, NotApplicable, Accurate };

inline const char* relation_symbol(Relation r) {
  switch (r) {
    case Relation::LessEqual: return "<=";
    case Relation::Less: return "<";
    case Relation::GreaterEqual: return ">=";
    case Relation::Greater: return ">";
    case Relation::Equal: return "==";
  }
  return "?";
}
// Table and JSON spelling of a verdict.
inline const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Holds: return "PASS";
    case Verdict::Fails: return "FAIL";
    case Verdict::WithinRounding: return "ROUNDING";
    case Verdict::Undecidable: return "UNREPR";
    case Verdict::NotApplicable: return "n/a";
    case Verdict::Accurate: return "ACCURATE";
  }
  return "?";
}
// In words, for notes and summaries.
inline const char* verdict_words(Verdict v) {
  switch (v) {
    case Verdict::Holds: return "holds";
    case Verdict::Fails: return "fails";
    case Verdict::WithinRounding: return "within rounding";
    case Verdict::Undecidable: return "not representable in this type";
    case Verdict::NotApplicable: return "not applicable";
    case Verdict::Accurate: return "accurate within its error bound";
  }
  return "?";
}

// A computed value and a bound on its absolute error against the exact real.
template <class T>
struct Side {
  T value{};
  T error{};
};

// A value that is exact in T (error 0): integers, exactly rounded constants.
template <numeric::LadderNumber T>
Side<T> exact_side(T v) {
  return {std::move(v), numeric::from_int<T>(0)};
}

// The same value with its bound multiplied by k ≥ 1.
template <numeric::OrderedNumber T>
Side<T> widened(const Side<T>& s, long k) {
  return {s.value, T(numeric::from_int<T>(k) * s.error)};
}

template <class T>
struct Inequality {
  std::string label;      // SPEC label: "G", "A", "C2", "P4", ...
  std::string statement;  // the inequality in words/symbols
  Relation relation = Relation::LessEqual;
  T lhs, rhs;
  T lhs_error, rhs_error;  // absolute error bounds of the sides
  T margin;                // rhs − lhs for <=, <; lhs − rhs for >=, >; −|lhs − rhs| for ==
  T bound;                 // bound on |margin − exact margin| (0 for exact types)
  Verdict verdict = Verdict::NotApplicable;
  long needed_bits = 0;    // WithinRounding: significand bits that would decide it (0: an exact tie, or unknown)
  std::string where;       // "GF stop", "GD step 3", "GF checkpoint 7", "premise"
  std::string note;        // why n/a, why not representable, ...
};

// max(|lhs|, |rhs|): the scale that relative quantities refer to.
template <numeric::OrderedNumber T>
T side_scale(const T& a, const T& b) {
  const T x = a < numeric::from_int<T>(0) ? T(-a) : a;
  const T y = b < numeric::from_int<T>(0) ? T(-b) : b;
  return x < y ? y : x;
}

namespace detail {

template <numeric::OrderedNumber T>
bool finite(const T& x) {
  if constexpr (numeric::number_traits<T>::is_exact) return true;
  else {
    using std::isfinite;
    return isfinite(x);
  }
}

// Bits of T plus log2(B/|m|) plus 2: the precision at which the same computation's
// bound would fall below the margin (bounds scale like 2^-bits).
template <numeric::OrderedNumber T>
long bits_to_decide(const T& margin, const T& bound) {
  using std::abs;
  using std::log2;
  if (margin == numeric::from_int<T>(0)) return 0;
  const double gap = static_cast<double>(T(log2(bound) - log2(abs(margin))));
  return numeric::number_traits<T>::bits() + static_cast<long>(std::ceil(gap < 0 ? 0 : gap)) + 2;
}

// THE rule, on values only (no strings, no allocation: StepwiseFacts calls it at
// every step). `strict`: < or >; the margin m is ≥ 0 when the inequality holds as
// computed, B bounds |m − m_exact|.
template <numeric::OrderedNumber T>
Verdict classify(const T& lhs, const T& rhs, const T& margin, const T& bound, bool strict) {
  const T zero = numeric::from_int<T>(0);
  if constexpr (numeric::number_traits<T>::is_exact) {
    return (strict ? zero < margin : !(margin < zero)) ? Verdict::Holds : Verdict::Fails;
  } else {
    if (margin != margin || lhs != lhs || rhs != rhs) return Verdict::Fails;  // NaN never holds
    if (!finite(lhs) || !finite(rhs) || !finite(margin) || !finite(bound) || bound != bound) return Verdict::Undecidable;
    if (bound < margin && (!strict || zero < margin)) return Verdict::Holds;
    if (margin < T(-bound) || (strict && bound == zero && !(zero < margin))) return Verdict::Fails;
    return Verdict::WithinRounding;
  }
}

template <numeric::OrderedNumber T>
void classify(Inequality<T>& q, bool strict) {
  if constexpr (numeric::number_traits<T>::is_exact) q.bound = numeric::from_int<T>(0);
  q.verdict = classify(q.lhs, q.rhs, q.margin, q.bound, strict);
  if (q.verdict == Verdict::Fails && (q.margin != q.margin || q.lhs != q.lhs || q.rhs != q.rhs)) q.note = "a side is NaN in this type";
  if (q.verdict == Verdict::Undecidable)
    q.note = std::string(!finite(q.lhs) ? "lhs" : !finite(q.rhs) ? "rhs" : !finite(q.margin) ? "margin" : "error bound") +
             " overflows in this type: no rounding bound exists (use a wider rung or --certified)";
  if constexpr (!numeric::number_traits<T>::is_exact) {  // exact types are never within rounding
    if (q.verdict == Verdict::WithinRounding) {
      q.needed_bits = bits_to_decide(q.margin, q.bound);
      if constexpr (std::numeric_limits<T>::has_denorm == std::denorm_present)
        if (side_scale(q.lhs, q.rhs) < std::numeric_limits<T>::min())
          q.note = "both sides underflow in this type (below its smallest normal number): a wider exponent range (MPFR) decides it";
    }
  }
}

// The margin (positive when the relation holds) and the bound on its error.
template <numeric::OrderedNumber T>
void margin_and_bound(T& margin, T& bound, Relation rel, const Side<T>& lhs, const Side<T>& rhs) {
  const bool upper = rel == Relation::LessEqual || rel == Relation::Less;
  margin = upper ? T(rhs.value - lhs.value) : T(lhs.value - rhs.value);
  if (rel == Relation::Equal) {
    using std::abs;
    margin = -abs(margin);
  }
  bound = lhs.error + rhs.error;
}

}  // namespace detail

// Decides lhs REL rhs with both sides' error bounds (see the header comment).
template <numeric::OrderedNumber T>
Inequality<T> decide(std::string label, std::string statement, Relation rel, const Side<T>& lhs, const Side<T>& rhs,
                     std::string where) {
  Inequality<T> q;
  q.label = std::move(label);
  q.statement = std::move(statement);
  q.relation = rel;
  q.lhs = lhs.value;
  q.rhs = rhs.value;
  q.lhs_error = lhs.error;
  q.rhs_error = rhs.error;
  q.where = std::move(where);
  detail::margin_and_bound(q.margin, q.bound, rel, lhs, rhs);
  detail::classify(q, rel == Relation::Less || rel == Relation::Greater);  // ==: m ≤ 0, so at best WithinRounding unless exact
  return q;
}

// The verdict `decide` would give, on values only (no strings, no allocation): for
// checks made many times of which only the tightest is kept.
template <numeric::OrderedNumber T>
Verdict verdict_of(Relation rel, const Side<T>& lhs, const Side<T>& rhs) {
  T margin, bound;
  detail::margin_and_bound(margin, bound, rel, lhs, rhs);
  if constexpr (numeric::number_traits<T>::is_exact) bound = numeric::from_int<T>(0);
  return detail::classify(lhs.value, rhs.value, margin, bound, rel == Relation::Less || rel == Relation::Greater);
}

// lhs == rhs (an identity in exact arithmetic): Holds only when exact and equal.
template <numeric::OrderedNumber T>
Inequality<T> decide_equal(std::string label, std::string statement, const Side<T>& lhs, const Side<T>& rhs,
                           std::string where) {
  return decide(std::move(label), std::move(statement), Relation::Equal, lhs, rhs, std::move(where));
}

// lhs == rhs where the identity holds by construction (E1/E2 in β-space, E4's stop,
// E5's closed form, E4 against Odeint, E3 attained): what is measured is the
// computation's accuracy. In a rounding type |lhs − rhs| ≤ B (the sides' error
// bounds: the stated tolerance) is Accurate, > B Fails — the computation is worse
// than its error analysis says. Exact types decide the identity itself.
template <numeric::OrderedNumber T>
Inequality<T> measure_identity(std::string label, std::string statement, const Side<T>& lhs, const Side<T>& rhs, std::string where) {
  Inequality<T> q = decide(std::move(label), std::move(statement), Relation::Equal, lhs, rhs, std::move(where));
  if (q.verdict == Verdict::WithinRounding) {
    q.verdict = Verdict::Accurate;
    q.needed_bits = 0;
  }
  return q;
}

template <numeric::OrderedNumber T>
Inequality<T> not_applicable(std::string label, std::string statement, std::string why) {
  Inequality<T> q;
  q.label = std::move(label);
  q.statement = std::move(statement);
  q.verdict = Verdict::NotApplicable;
  q.note = std::move(why);
  q.lhs = q.rhs = q.margin = q.bound = q.lhs_error = q.rhs_error = numeric::from_int<T>(0);
  return q;
}

// margin / max(|lhs|, |rhs|): comparable across instances and scales.
template <numeric::OrderedNumber T>
T relative_margin(const Inequality<T>& q) {
  const T s = side_scale(q.lhs, q.rhs);
  return s == numeric::from_int<T>(0) ? q.margin : T(q.margin / s);
}
// bound / max(|lhs|, |rhs|): the check's strength (a check whose relative bound is
// near 1 decides nothing; eval and verify flag > weak_relative_bound).
template <numeric::OrderedNumber T>
T relative_bound(const Inequality<T>& q) {
  const T s = side_scale(q.lhs, q.rhs);
  return s == numeric::from_int<T>(0) ? q.bound : T(q.bound / s);
}
inline constexpr double weak_relative_bound = 1e-6;

// Digits to which an Accurate identity's sides agree, and the tolerance in digits
// (−log10 of |lhs − rhs| and of B, relative to max(|lhs|, |rhs|)); +inf when equal.
template <numeric::OrderedNumber T>
std::pair<double, double> agreement_digits(const Inequality<T>& q) {
  const auto digits = [](double relative) { return relative > 0 ? -std::log10(relative) : HUGE_VAL; };
  return {digits(-static_cast<double>(relative_margin(q))), digits(static_cast<double>(relative_bound(q)))};
}

// (margin + bound) / max(|lhs|, |rhs|): how far from failing; ranks the closest case.
template <numeric::OrderedNumber T>
T relative_slack(const Inequality<T>& q) {
  const T s = side_scale(q.lhs, q.rhs), slack = q.margin + q.bound;
  return s == numeric::from_int<T>(0) ? slack : T(slack / s);
}

// Over a run of decisions of one check: the first failure, else the first
// undecidable one, else the closest to failing — a within-rounding decision ranks
// before any that holds, then by relative slack. Counts each outcome.
template <numeric::OrderedNumber T>
class Tightest {
 public:
  explicit Tightest(Inequality<T> none) : acc_(std::move(none)) {}

  void offer(Inequality<T> q) {
    ++counts_[static_cast<int>(q.verdict)];
    if (q.verdict == Verdict::NotApplicable) return;
    if (seen_ && acc_.verdict == Verdict::Fails) return;  // keep the first failure
    const int r = rank(q.verdict), ra = rank(acc_.verdict);
    if (!seen_ || r < ra || (r == ra && r >= 2 && relative_slack(q) < relative_slack(acc_)))  // first undecidable kept
      acc_ = std::move(q);
    seen_ = true;
  }
  // The same on values: classifies lhs REL rhs by the one rule and calls make() —
  // which must return decide(…, rel, lhs, rhs, …) — only when the decision is kept,
  // so the strings of a check made at every checkpoint are built once per new tightest.
  template <class Make>
  void offer(Relation rel, const Side<T>& lhs, const Side<T>& rhs, Make&& make) {
    const Verdict v = verdict_of(rel, lhs, rhs);
    if (v == Verdict::NotApplicable) return offer(make());
    if (seen_ && acc_.verdict == Verdict::Fails) {
      ++counts_[static_cast<int>(v)];
      return;
    }
    const int r = rank(v), ra = rank(acc_.verdict);
    bool take = !seen_ || r < ra;
    if (!take && r == ra && r >= 2) {
      T margin, bound;
      detail::margin_and_bound(margin, bound, rel, lhs, rhs);
      if constexpr (numeric::number_traits<T>::is_exact) bound = numeric::from_int<T>(0);
      const T s = side_scale(lhs.value, rhs.value), slack = margin + bound;
      take = (s == numeric::from_int<T>(0) ? slack : T(slack / s)) < relative_slack(acc_);
    }
    if (take) {
      offer(make());
    } else {
      ++counts_[static_cast<int>(v)];
      seen_ = true;
    }
  }
  // A decision made elsewhere — proved to hold and not to be the tightest
  // (lemma2/checkpoint_screen.hpp) — counted without being offered.
  void tally(Verdict v) { ++counts_[static_cast<int>(v)]; }
  bool seen() const { return seen_; }
  const Inequality<T>& result() const { return acc_; }
  long count(Verdict v) const { return counts_[static_cast<int>(v)]; }

 private:
  static int rank(Verdict v) {
    switch (v) {
      case Verdict::Fails: return 0;
      case Verdict::Undecidable: return 1;
      case Verdict::WithinRounding: return 2;
      case Verdict::Accurate: return 4;  // a measurement: reported only when no check decided anything
      default: return 3;
    }
  }
  Inequality<T> acc_;
  bool seen_ = false;
  long counts_[6] = {0, 0, 0, 0, 0, 0};
};

}  // namespace annealcheck::lemma2
