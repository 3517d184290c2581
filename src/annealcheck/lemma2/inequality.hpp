// One inequality of Lemma 2 evaluated in a number type: both sides, the signed
// margin (≥ 0 means it holds), the rounding allowance and the verdict.
//
// Allowance: a computed inequality whose sides meet up to rounding must not be
// called false because of the last bits. Each check states its allowance in units
// of the type's epsilon, scaled by max(|lhs|, |rhs|) and by the conditioning of the
// computation (see the callers); exact types get none, and premises (C1, C2) get
// none either: they are decided as computed.
#pragma once

#include "annealcheck/numeric/number_traits.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

namespace annealcheck::lemma2 {

enum class Relation { LessEqual, Less, GreaterEqual, Greater };
enum class Verdict { Holds, Fails, NotApplicable };

inline const char* relation_symbol(Relation r) {
  switch (r) {
    case Relation::LessEqual: return "<=";
    case Relation::Less: return "<";
    case Relation::GreaterEqual: return ">=";
    case Relation::Greater: return ">";
  }
  return "?";
}
inline const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Holds: return "PASS";
    case Verdict::Fails: return "FAIL";
    case Verdict::NotApplicable: return "n/a";
  }
  return "?";
}

template <class T>
struct Inequality {
  std::string label;      // SPEC label: "G", "A", "C2", "P4", ...
  std::string statement;  // the inequality in words/symbols
  Relation relation = Relation::LessEqual;
  T lhs, rhs;
  T margin;               // rhs − lhs for <=, <; lhs − rhs for >=, >
  T allowance;            // absolute rounding allowance (0 for exact types and premises)
  double allowance_eps = 0;  // the allowance in units of epsilon·max(|lhs|,|rhs|)
  Verdict verdict = Verdict::NotApplicable;
  std::string where;      // "final", "GD step 3", "GF checkpoint 7", "premise"
  std::string note;       // why n/a, etc.
};

// The allowance's unit count as an exact rational (any finite double, no overflow).
inline numeric::Rational units_as_rational(double units) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", units);
  return numeric::parse_rational(buf).value;
}

template <numeric::OrderedNumber T>
Inequality<T> decide(std::string label, std::string statement, Relation rel, const T& lhs, const T& rhs,
                     double allowance_eps, std::string where, const T* scale_override = nullptr) {
  using std::abs;
  Inequality<T> q;
  q.label = std::move(label);
  q.statement = std::move(statement);
  q.relation = rel;
  q.lhs = lhs;
  q.rhs = rhs;
  q.where = std::move(where);
  const bool upper = rel == Relation::LessEqual || rel == Relation::Less;
  q.margin = upper ? T(rhs - lhs) : T(lhs - rhs);
  const T zero = numeric::from_int<T>(0);
  if constexpr (numeric::number_traits<T>::is_exact) {
    q.allowance = zero;
    q.allowance_eps = 0;
  } else {
    using std::isfinite;
    if (!isfinite(lhs) || !isfinite(rhs) || !isfinite(q.margin) ||
        (scale_override && !isfinite(*scale_override)) || !std::isfinite(allowance_eps)) {
      // A side that overflowed or is NaN: no allowance can be justified (an
      // infinite one would pass anything), and a NaN margin decides nothing.
      q.allowance = zero;
      q.allowance_eps = 0;
      q.note = "a side is not finite in this type: decided as computed, without allowance";
      const bool strict = rel == Relation::Less || rel == Relation::Greater;
      const bool holds = q.margin == q.margin && (strict ? zero < q.margin : !(q.margin < zero));  // NaN fails
      q.verdict = holds ? Verdict::Holds : Verdict::Fails;
      return q;
    }
    T scale = abs(lhs);
    if (scale < abs(rhs)) scale = abs(rhs);
    if (scale_override) scale = abs(*scale_override);
    q.allowance_eps = allowance_eps;
    // units·(eps·scale + denorm_min): in the subnormal range a rounding errs by up
    // to half a denorm_min absolutely, which the relative term alone misses.
    T tiny = zero;
    if constexpr (std::numeric_limits<T>::has_denorm == std::denorm_present) tiny = std::numeric_limits<T>::denorm_min();
    q.allowance = (numeric::number_traits<T>::epsilon() * scale + tiny) *
                  numeric::number_traits<T>::from_rational(units_as_rational(allowance_eps));
  }
  const bool strict = rel == Relation::Less || rel == Relation::Greater;
  const T neg_allow = -q.allowance;
  const bool holds = strict ? (q.allowance == zero ? zero < q.margin : neg_allow < q.margin) : !(q.margin < neg_allow);
  q.verdict = holds ? Verdict::Holds : Verdict::Fails;
  return q;
}

template <numeric::OrderedNumber T>
Inequality<T> not_applicable(std::string label, std::string statement, std::string why) {
  Inequality<T> q;
  q.label = std::move(label);
  q.statement = std::move(statement);
  q.verdict = Verdict::NotApplicable;
  q.note = std::move(why);
  q.lhs = q.rhs = q.margin = q.allowance = numeric::from_int<T>(0);
  return q;
}

// margin / max(|lhs|, |rhs|): comparable across instances and scales.
template <numeric::OrderedNumber T>
T relative_margin(const Inequality<T>& q) {
  using std::abs;
  T scale = abs(q.lhs);
  if (scale < abs(q.rhs)) scale = abs(q.rhs);
  return scale == numeric::from_int<T>(0) ? q.margin : T(q.margin / scale);
}

// Keeps, over a run, the first failure of a check, or else its tightest instance.
template <numeric::OrderedNumber T>
void keep_tightest(Inequality<T>& acc, bool& seen, Inequality<T> q) {
  if (seen && acc.verdict == Verdict::Fails) return;
  if (!seen || q.verdict == Verdict::Fails || relative_margin(q) < relative_margin(acc)) acc = std::move(q);
  seen = true;
}

}  // namespace annealcheck::lemma2
