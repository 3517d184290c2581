// Deciding an inequality on computed values with a conditioned rounding
// allowance, and turning it into the type-independent Verdict of the registry.
//
// decide_within: holds iff margin ≥ −allowance, with
//   allowance = units · epsilon(T) · max(|lhs|, |rhs|)
// where `units` is the caller's bound on the relative rounding error of the two
// sides (a T, so that huge or tiny conditioning never passes through double);
// decide_with_allowance takes the allowance itself (e.g. absolute, in log space).
// Exact types (mpq) get allowance 0: the inequality is decided as computed.
// certainly: the premise form: holds only when margin > +allowance, so that a
// premise is used only when rounding cannot have decided it.
#pragma once

#include "annealcheck/lemma2/inequality.hpp"
#include "annealcheck/numeric/number_traits.hpp"
#include "properties/registry.hpp"

#include <cmath>
#include <string>

namespace annealcheck::properties {

using lemma2::Inequality;
using lemma2::Relation;

template <numeric::OrderedNumber T>
T scale_of(const T& a, const T& b) {
  using std::abs;
  const T x = abs(a), y = abs(b);
  return x < y ? y : x;
}

// (margin + allowance) / max(|lhs|, |rhs|): how far from failing, relative to the sides.
template <numeric::OrderedNumber T>
T relative_slack(const Inequality<T>& q) {
  const T scale = scale_of(q.lhs, q.rhs), slack = q.margin + q.allowance;
  return scale == numeric::from_int<T>(0) ? slack : T(slack / scale);
}

// The allowance of an inequality whose sides carry relative errors ≤ units·ε(T).
template <numeric::OrderedNumber T>
T relative_allowance(const T& lhs, const T& rhs, const T& units) {
  if constexpr (numeric::number_traits<T>::is_exact) return numeric::from_int<T>(0);
  else return numeric::number_traits<T>::epsilon() * scale_of(lhs, rhs) * units;
}
// The allowance of an inequality whose sides carry absolute errors ≤ units·ε(T)
// (log-space comparisons).
template <numeric::OrderedNumber T>
T absolute_allowance(const T& units) {
  if constexpr (numeric::number_traits<T>::is_exact) return numeric::from_int<T>(0);
  else return numeric::number_traits<T>::epsilon() * units;
}

template <numeric::OrderedNumber T>
Inequality<T> decide_with_allowance(std::string label, std::string statement, Relation rel, const T& lhs, const T& rhs,
                                    const T& allowance, std::string where) {
  using Tr = numeric::number_traits<T>;
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
  q.allowance = allowance;
  q.allowance_eps = 0;
  if constexpr (!Tr::is_exact) {
    const T scale = scale_of(lhs, rhs);
    if (zero < scale) q.allowance_eps = static_cast<double>(T(allowance / (Tr::epsilon() * scale)));
  }
  const bool strict = rel == Relation::Less || rel == Relation::Greater;
  const bool holds = strict ? zero < T(q.margin + q.allowance) : !(q.margin < T(-q.allowance));
  q.verdict = holds ? lemma2::Verdict::Holds : lemma2::Verdict::Fails;
  return q;
}

template <numeric::OrderedNumber T>
Inequality<T> decide_within(std::string label, std::string statement, Relation rel, const T& lhs, const T& rhs,
                            const T& units, std::string where) {
  return decide_with_allowance(std::move(label), std::move(statement), rel, lhs, rhs, relative_allowance(lhs, rhs, units),
                               std::move(where));
}

// |lhs − rhs| ≤ allowance (two-sided, absolute allowance); margin = −|lhs − rhs|.
template <numeric::OrderedNumber T>
Inequality<T> decide_equal(std::string label, std::string statement, const T& lhs, const T& rhs, const T& allowance,
                           std::string where) {
  using std::abs;
  Inequality<T> q = decide_with_allowance(std::move(label), std::move(statement), Relation::LessEqual, lhs, rhs, allowance,
                                          std::move(where));
  q.margin = -abs(T(lhs - rhs));  // two-sided: |lhs − rhs| ≤ allowance
  q.verdict = q.margin < T(-q.allowance) ? lemma2::Verdict::Fails : lemma2::Verdict::Holds;
  q.note = "two-sided";
  return q;
}

// A premise holds "certainly": margin > allowance (rounding cannot have decided it).
template <numeric::OrderedNumber T>
bool certainly(const Inequality<T>& q) {
  return q.allowance < q.margin || (q.allowance == numeric::from_int<T>(0) && numeric::from_int<T>(0) < q.margin);
}

template <numeric::OrderedNumber T>
Verdict to_verdict(const Inequality<T>& q) {
  using Tr = numeric::number_traits<T>;
  Verdict v;
  v.holds = q.verdict != lemma2::Verdict::Fails;
  v.label = q.label;
  v.statement = q.statement;
  v.where = q.where;
  v.note = q.note;
  v.type_id = Tr::id();
  v.bits = Tr::bits();
  if (q.verdict == lemma2::Verdict::NotApplicable) return v;  // relation left empty: nothing decided
  v.relation = q.note == "two-sided" ? "==" : lemma2::relation_symbol(q.relation);
  v.lhs = Tr::str(q.lhs);
  v.rhs = Tr::str(q.rhs);
  v.margin = Tr::str(q.margin);
  v.relative_margin = static_cast<double>(lemma2::relative_margin(q));
  v.relative_slack = static_cast<double>(relative_slack(q));
  v.allowance_eps = q.allowance_eps;
  return v;
}

// Over a run of inequalities: the first failure, else the one closest to failing
// (smallest relative slack after its allowance).
template <numeric::OrderedNumber T>
class VerdictKeeper {
 public:
  void offer(Inequality<T> q) {
    if (seen_ && acc_.verdict == lemma2::Verdict::Fails) return;
    if (!seen_ || q.verdict == lemma2::Verdict::Fails || relative_slack(q) < relative_slack(acc_)) acc_ = std::move(q);
    seen_ = true;
  }
  bool failed() const { return seen_ && acc_.verdict == lemma2::Verdict::Fails; }
  bool seen() const { return seen_; }
  // `why_none`: the note when no inequality was decided at all.
  Verdict verdict(const std::string& label, const std::string& why_none) const {
    if (seen_) return to_verdict(acc_);
    Verdict v;
    v.label = label;
    v.note = why_none;
    v.type_id = numeric::number_traits<T>::id();
    v.bits = numeric::number_traits<T>::bits();
    return v;
  }

 private:
  Inequality<T> acc_;
  bool seen_ = false;
};

}  // namespace annealcheck::properties
