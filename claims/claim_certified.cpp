// claim_certified.hpp: a claim's tree in MPFI over the certified reference.
#include "claims/claim_certified.hpp"

#include "annealcheck/certified/decide.hpp"
#include "annealcheck/dynamics/gradient_flow.hpp"
#include "annealcheck/interval/mpfi_ops.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "claims/exact_or_interval.hpp"

#include <optional>
#include <string>
#include <vector>

namespace annealcheck::claims {
namespace {

using certified::CheckDecision;
using certified::Decision;
using certified_value::approx;
using certified_value::exact;
using certified_value::I;
using certified_value::Undecidable;
using certified_value::V;
using interval::Enclosure;
using numeric::Rational;

I from_long(long n) { return numeric::from_int<I>(n); }
I from_enclosure(const Enclosure& x) {
  I r;
  mpfi_set(r.backend().data(), x.get());
  return r;
}
Enclosure enclosure(const I& x) { return Enclosure(x.backend().data()); }

// One checkpoint of GF(ε): t and the losses there.
struct Point {
  V t, LD, Lhat;
};

// The decision of `margin REL 0` (margin = lhs − rhs, or rhs − lhs for ≤ and <).
Decision decide_sign(lemma2::Relation rel, int lo, int hi) {
  switch (rel) {
    case lemma2::Relation::LessEqual: case lemma2::Relation::GreaterEqual: return lo >= 0 ? Decision::Proved : hi < 0 ? Decision::Refuted : Decision::Undecided;
    case lemma2::Relation::Less: case lemma2::Relation::Greater: return lo > 0 ? Decision::Proved : hi <= 0 ? Decision::Refuted : Decision::Undecided;
    case lemma2::Relation::Equal: return lo == 0 && hi == 0 ? Decision::Proved : (lo > 0 || hi < 0) ? Decision::Refuted : Decision::Undecided;
  }
  return Decision::Undecided;
}

class IntervalClaim {
 public:
  IntervalClaim(const CompiledClaim& c, const interval::ReferenceResult& r, const interval::ExactProblem& e)
      : c_(c), r_(r), e_(e), gf_zero_(!(e.eps < e.train_loss0)) {
    using std::sqrt;
    for (std::size_t i = 0; i < e.dim(); ++i) {
      if (e.delta0[i]) d0_.push_back(exact(*e.delta0[i]));
      else d0_.push_back(approx(e.delta0_sign[i] < 0 ? I(-sqrt(certified_value::enclose(e.delta0_sq[i]))) : I(sqrt(certified_value::enclose(e.delta0_sq[i])))));
    }
  }

  // lhs, rhs at the current point: exactly when both are exact, else from their enclosures.
  CheckDecision decide(const std::optional<Point>& at, std::string where) {
    point_ = at;
    const V l = eval(c_.lhs), rr = eval(c_.rhs);
    const bool upper = c_.relation == lemma2::Relation::LessEqual || c_.relation == lemma2::Relation::Less;
    const V m = upper ? rr - l : l - rr;
    CheckDecision d{"claim", Decision::Undecided, r_.bits, enclosure(l.iv), enclosure(rr.iv), enclosure(m.iv), "interval (MPFI over the certified reference)",
                    std::move(where)};
    if (m.q) {
      d.decision = decide_sign(c_.relation, m.q->sign(), m.q->sign());
      d.how = "exact rational";
    } else if (!mpfi_nan_p(m.iv.backend().data())) {
      d.decision = decide_sign(c_.relation, mpfr_sgn(interval::left(m.iv)), mpfr_sgn(interval::right(m.iv)));
    }
    return d;
  }

  // Σ_{i ∈ [from, to)} a_i δ_i(0)² e^{−4γ_i t}
  V decay_sum(const std::vector<Rational>& a, const V& t, std::size_t from, std::size_t to) const {
    using std::exp;
    if (t.q && t.q->sign() == 0) {
      Rational s(0);
      for (std::size_t i = from; i < to; ++i) s = s + a[i] * e_.delta0_sq[i];
      return exact(s);
    }
    I s = from_long(0);
    for (std::size_t i = from; i < to; ++i)
      if (e_.delta0_sq[i].sign() != 0 && a[i].sign() != 0)
        s += certified_value::enclose(a[i] * e_.delta0_sq[i]) * exp(-(certified_value::enclose(Rational(4) * e_.gamma[i]) * t.iv));
    return approx(s);
  }

  V quantity(const char* id) const {
    const auto it = r_.quantities.find(id);
    if (it == r_.quantities.end()) throw Undecidable(std::string("the reference has no enclosure of ") + id + " at this precision");
    return approx(from_enclosure(it->second));
  }

  // GF(ε) stops at T = 0 when L̂(δ(0)) ≤ ε; else L̂ = ε exactly at the exact T (E4).
  V gf_time() const { return gf_zero_ ? exact(Rational(0)) : quantity(interval::quantity::gf_time); }
  V gf_train_loss() const { return exact(gf_zero_ ? e_.train_loss0 : e_.eps); }
  V gf_population_loss() const { return gf_zero_ ? exact(e_.population_loss0) : quantity(interval::quantity::gf_population_loss); }

 private:
  const CompiledClaim& c_;
  const interval::ReferenceResult& r_;
  const interval::ExactProblem& e_;
  bool gf_zero_;
  std::vector<V> d0_;
  std::optional<Point> point_;
  std::optional<std::size_t> i_;

  V scalar(Scalar q) const {
    namespace qn = interval::quantity;
    switch (q) {
      case Scalar::k: return exact(Rational(static_cast<long>(e_.k)));
      case Scalar::d: return exact(Rational(static_cast<long>(e_.dim())));
      case Scalar::K: return exact(Rational(e_.K));
      case Scalar::alpha: return exact(e_.alpha);
      case Scalar::eps: return exact(e_.eps);
      case Scalar::eta: return exact(e_.eta);
      case Scalar::rho: return exact(e_.rho);
      case Scalar::M: return exact(e_.M);
      case Scalar::Mprime: return exact(e_.M_prime);
      case Scalar::c: return exact(e_.c);
      case Scalar::Lhat0: return exact(e_.train_loss0);
      case Scalar::LD0: return exact(e_.population_loss0);
      case Scalar::T: return gf_time();
      case Scalar::LD_gf: return gf_population_loss();
      case Scalar::Lhat_gf: return gf_train_loss();
      case Scalar::LS_gf: return decay_sum(e_.gamma, gf_time(), 0, e_.split);
      case Scalar::LSbar_gf: return decay_sum(e_.gamma, gf_time(), e_.split, e_.dim());
      case Scalar::LD_fast: return quantity(qn::fast_population_loss);
      case Scalar::Lhat_fast: return quantity(qn::fast_train_loss);
      case Scalar::T_fast: return quantity(qn::fast_time);
      case Scalar::t: return at().t;
      case Scalar::LD_t: return at().LD;
      case Scalar::Lhat_t: return at().Lhat;
    }
    throw DomainError("unknown quantity");
  }

  const Point& at() const {
    if (!point_) throw Undecidable("a checkpoint quantity outside the checkpoints");
    return *point_;
  }

  std::size_t index(const Index& ix) const {
    const long base = ix.base == Index::Base::I ? static_cast<long>(*i_) + 1 : ix.base == Index::Base::K ? static_cast<long>(e_.k)
                    : ix.base == Index::Base::D ? static_cast<long>(e_.dim()) : 0;
    const long at = base + ix.offset;
    if (at < 1 || at > static_cast<long>(e_.dim())) throw DomainError("index " + std::to_string(at) + " outside 1.." + std::to_string(e_.dim()));
    return static_cast<std::size_t>(at - 1);
  }

  V element(Vector v, std::size_t i) const {
    switch (v) {
      case Vector::gamma: return exact(e_.gamma[i]);
      case Vector::lambda: return exact(e_.lambda[i]);
      case Vector::delta0: return d0_[i];
      case Vector::deltaK:  // f_i^g δ_i(0), g = the GD steps taken (GD stops early at L̂ ≤ ε)
        if (!r_.gd_steps) throw Undecidable("where GD stops is undecided at this precision (deltaK)");
        return certified_value::power(exact(e_.factor[i]), *r_.gd_steps) * d0_[i];
    }
    throw DomainError("unknown vector");
  }

  bool in_block(Block b, std::size_t i) const { return claims::in_block(b, i, e_.split, e_.in_P); }

  V aggregate(const Node& n) {
    std::optional<V> acc;
    for (std::size_t i = 0; i < e_.dim(); ++i) {
      if (!in_block(n.block, i)) continue;
      i_ = i;
      const V x = eval(n.args[0]);
      acc = !acc ? x : n.op == Op::AggSum ? *acc + x : certified_value::extremum(*acc, x, n.op == Op::AggMax);
    }
    i_.reset();
    if (acc) return *acc;
    if (n.op == Op::AggSum) return exact(Rational(0));
    throw DomainError(std::string(n.op == Op::AggMin ? "min" : "max") + " over an empty block");
  }

  static const I& positive(const V& a, const char* what) {
    if (interval::certainly_positive(a.iv)) return a.iv;
    if ((a.q && a.q->sign() <= 0) || interval::certainly_nonpositive(a.iv)) throw DomainError(std::string(what) + " of a non-positive number");
    throw Undecidable(std::string("the sign of the argument of ") + what + " is not decided at this precision");
  }

  V power(const Node& n) {
    using std::exp;
    using std::log;
    const Node& ex = n.args[1];
    const V a = eval(n.args[0]);
    if (ex.op == Op::Constant && ex.constant.is_integer() && ex.constant < Rational(100000) && Rational(-100000) < ex.constant)
      return certified_value::power(a, static_cast<long>(ex.constant.approx()));
    return approx(exp(eval(ex).iv * log(positive(a, "a non-integer power"))));
  }

  V root(const V& a) const {
    using std::sqrt;
    if ((a.q && a.q->sign() < 0) || interval::certainly_negative(a.iv)) throw DomainError("sqrt of a negative number");
    if (a.q) {
      if (const auto r = interval::exact_sqrt(*a.q)) return exact(*r);
    }
    if (!interval::certainly_nonnegative(a.iv)) throw Undecidable("the sign of the argument of sqrt is not decided at this precision");
    return approx(sqrt(a.iv));
  }

  V eval(const Node& n) {
    using std::exp;
    using std::log;
    switch (n.op) {
      case Op::Constant: return exact(n.constant);
      case Op::Scalar: return scalar(n.scalar);
      case Op::Element: return element(n.vector, index(n.index));
      case Op::Neg: return -eval(n.args[0]);
      case Op::Add: return eval(n.args[0]) + eval(n.args[1]);
      case Op::Sub: return eval(n.args[0]) - eval(n.args[1]);
      case Op::Mul: return eval(n.args[0]) * eval(n.args[1]);
      case Op::Div: {
        const V a = eval(n.args[0]);
        return certified_value::divide(a, eval(n.args[1]));
      }
      case Op::Pow: return power(n);
      case Op::Exp: return approx(exp(eval(n.args[0]).iv));
      case Op::Log: return approx(log(positive(eval(n.args[0]), "log")));
      case Op::Sqrt: return root(eval(n.args[0]));
      case Op::Abs: return certified_value::abs(eval(n.args[0]));
      case Op::Min: case Op::Max: return certified_value::extremum(eval(n.args[0]), eval(n.args[1]), n.op == Op::Max);
      case Op::AggMin: case Op::AggMax: case Op::AggSum: return aggregate(n);
    }
    throw DomainError("unknown operation");
  }
};

// The checkpoint times of GF(ε) strictly between 0 and the stop: where L̂ reaches the
// levels geometric between L̂(δ(0)) and ε (MPFR approximations; each an exact point).
std::vector<I> inner_times(const interval::ExactProblem& e, std::size_t n) {
  using F = numeric::mpfr_dynamic;
  using std::exp;
  using std::log;
  using std::sqrt;
  std::vector<F> g, d0;
  for (std::size_t i = 0; i < e.dim(); ++i) {
    g.push_back(numeric::number_traits<F>::from_rational(e.gamma[i]));
    const F a = sqrt(numeric::number_traits<F>::from_rational(e.delta0_sq[i]));
    d0.push_back(e.delta0_sign[i] < 0 ? F(-a) : a);
  }
  const F l0 = log(numeric::number_traits<F>::from_rational(e.train_loss0)), le = log(numeric::number_traits<F>::from_rational(e.eps));
  std::vector<I> out;
  for (std::size_t j = 1; j < n; ++j) {
    const F level = exp(l0 + (le - l0) * F(static_cast<long>(j)) / F(static_cast<long>(n)));
    const F t = dynamics::stopping_time(g, d0, level).time;
    I x;
    mpfi_set_fr(x.backend().data(), t.backend().data());
    out.push_back(x);
  }
  return out;
}

CheckDecision at_checkpoints(IntervalClaim& ev, const interval::ExactProblem& e, std::size_t n) {
  const auto point = [&](const V& t) { return Point{t, ev.decay_sum(e.lambda, t, 0, e.dim()), ev.decay_sum(e.gamma, t, 0, e.dim())}; };
  std::vector<std::pair<Point, std::string>> points{{point(exact(Rational(0))), "checkpoint 0 (t = 0)"}};
  if (e.eps < e.train_loss0) {
    const std::vector<I> inner = inner_times(e, n == 0 ? 1 : n);
    for (std::size_t j = 0; j < inner.size(); ++j)
      points.emplace_back(point(approx(inner[j])), "checkpoint " + std::to_string(j + 1) + " (t = " + enclosure(inner[j]).short_str(6) + ")");
    // the stop as the reference states it: L̂ = ε exactly at the exact T, L_D its enclosure there
    points.emplace_back(Point{ev.gf_time(), ev.gf_population_loss(), ev.gf_train_loss()}, "the GF stop (T certified bracket)");
  }
  std::optional<CheckDecision> keep;
  for (const auto& [p, where] : points) {
    CheckDecision d = ev.decide(p, "at " + where + " of " + std::to_string(points.size()) + " GF checkpoints");
    if (d.decision == Decision::Refuted) return d;
    const bool worse = !keep || certified::conjunction(keep->decision, d.decision) != keep->decision ||
                       (d.decision == keep->decision && d.margin && keep->margin && mpfr_less_p(d.margin->lo(), keep->margin->lo()));
    if (worse) keep = std::move(d);
  }
  return *keep;
}

}  // namespace

CheckDecision certify_claim(const CompiledClaim& claim, const interval::ReferenceResult& r, const interval::ExactProblem& e, std::size_t checkpoints) {
  numeric::scoped_mpfi_bits mpfi(r.bits);
  numeric::scoped_mpfr_bits mpfr(r.bits);
  try {
    IntervalClaim ev(claim, r, e);
    if (!claim.needs.checkpoints) return ev.decide(std::nullopt, "at the stops");
    return at_checkpoints(ev, e, checkpoints);
  } catch (const DomainError& x) {
    return {"claim", Decision::NotApplicable, r.bits, std::nullopt, std::nullopt, std::nullopt, "", std::string("the claim is undefined on this instance: ") + x.what()};
  } catch (const Undecidable& x) {
    return {"claim", Decision::Undecided, r.bits, std::nullopt, std::nullopt, std::nullopt, "", x.what()};
  }
}

}  // namespace annealcheck::claims
