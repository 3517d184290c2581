// Turning decisions of the one decision rule (core lemma2/inequality.hpp: each
// side with its error bound from lemma2/error_bounds.hpp) into the registry's
// type-independent Verdict, and keeping the tightest decision of a run.
// Nothing here decides anything: it only converts and ranks.
#pragma once

#include "annealcheck/lemma2/inequality.hpp"
#include "annealcheck/numeric/number_traits.hpp"
#include "properties/registry.hpp"

#include <cmath>
#include <string>

namespace annealcheck::properties {

using lemma2::Inequality;
using lemma2::Relation;
using lemma2::Side;

inline const char* outcome_of(lemma2::Verdict v) {
  switch (v) {
    case lemma2::Verdict::Holds: return "holds";
    case lemma2::Verdict::Fails: return "fails";
    case lemma2::Verdict::WithinRounding: return "within rounding";
    case lemma2::Verdict::Undecidable: return "not representable";
    case lemma2::Verdict::NotApplicable: return "n/a";
    case lemma2::Verdict::Accurate: return "accurate";
  }
  return "?";
}

// The accuracy of an identity measured on the case (lemma2::measure_identity).
template <numeric::OrderedNumber T>
void set_accuracy(Verdict& v, const Inequality<T>& q) {
  const auto [agree, tolerance] = lemma2::agreement_digits(q);
  v.accuracy_label = q.label;
  v.agree_digits = agree;
  v.tolerance_digits = tolerance;
}

template <numeric::OrderedNumber T>
Verdict to_verdict(const Inequality<T>& q) {
  using Tr = numeric::number_traits<T>;
  Verdict v;
  v.holds = q.verdict != lemma2::Verdict::Fails;
  v.outcome = outcome_of(q.verdict);
  v.label = q.label;
  v.statement = q.statement;
  v.where = q.where;
  v.note = q.note;
  v.type_id = Tr::id();
  v.bits = Tr::bits();
  if (q.verdict == lemma2::Verdict::NotApplicable) return v;  // relation left empty: nothing decided
  v.relation = lemma2::relation_symbol(q.relation);
  v.lhs = Tr::str(q.lhs);
  v.rhs = Tr::str(q.rhs);
  v.margin = Tr::str(q.margin);
  const auto finite_or_inf = [](double x) { return std::isnan(x) ? HUGE_VAL : x; };
  v.relative_margin = static_cast<double>(lemma2::relative_margin(q));
  v.relative_slack = finite_or_inf(static_cast<double>(lemma2::relative_slack(q)));
  v.relative_bound = finite_or_inf(static_cast<double>(lemma2::relative_bound(q)));
  v.needed_bits = q.needed_bits;
  if (q.verdict == lemma2::Verdict::Accurate) set_accuracy(v, q);
  return v;
}

// A GD phase that took `steps` of its K steps where the claim needs all K (an exact
// count, no rounding): a failing verdict with the counts as sides.
template <numeric::OrderedNumber T>
Verdict step_count_failure(std::string label, std::string statement, long steps, long K, std::string where, std::string note) {
  Verdict v;
  v.holds = false;
  v.outcome = "fails";
  v.label = std::move(label);
  v.statement = std::move(statement);
  v.relation = "==";
  v.lhs = std::to_string(steps);
  v.rhs = std::to_string(K);
  v.margin = std::to_string(steps - K);
  v.where = std::move(where);
  v.type_id = numeric::number_traits<T>::id();
  v.bits = numeric::number_traits<T>::bits();
  v.note = std::move(note);
  return v;
}

// Over a run of inequalities: lemma2::Tightest (first failure, else first
// unrepresentable, else closest to failing, within-rounding ranked first).
// Identities (Accurate) are kept apart as well: the least accurate one is the case's
// accuracy measurement, carried by the reported verdict whatever check that is.
template <numeric::OrderedNumber T>
class VerdictKeeper {
 public:
  void offer(Inequality<T> q) {
    if (q.verdict == lemma2::Verdict::Accurate) identities_.offer(q);
    t_.offer(std::move(q));
  }
  bool failed() const { return t_.seen() && t_.result().verdict == lemma2::Verdict::Fails; }
  bool seen() const { return t_.seen(); }
  // `why_none`: the note when no inequality was decided at all.
  Verdict verdict(const std::string& label, const std::string& why_none) const {
    if (t_.seen()) {
      Verdict v = to_verdict(t_.result());
      if (identities_.seen()) set_accuracy(v, identities_.result());
      return v;
    }
    Verdict v;
    v.label = label;
    v.note = why_none;
    v.type_id = numeric::number_traits<T>::id();
    v.bits = numeric::number_traits<T>::bits();
    return v;
  }

 private:
  lemma2::Tightest<T> t_{lemma2::not_applicable<T>("", "", "")};
  lemma2::Tightest<T> identities_{lemma2::not_applicable<T>("", "", "")};
};

}  // namespace annealcheck::properties
