// claim_certified.hpp: a claim's tree in MPFI over the certified reference.
#include "properties/claims/claim_certified.hpp"

#include "annealcheck/certified/decide.hpp"
#include "annealcheck/dynamics/gradient_flow.hpp"
#include "annealcheck/interval/mpfi_ops.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "properties/claims/side_functions.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace annealcheck::claims {
namespace {

using certified::CheckDecision;
using certified::Decision;
using I = interval::Mpfi<0>;
using interval::Enclosure;
using numeric::Rational;

// A quantity without a rigorous enclosure at this precision: the claim is undecided.
class Undecidable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

I R(const Rational& q) { return numeric::number_traits<I>::from_rational(q); }
I from_long(long n) { return numeric::from_int<I>(n); }
I from_enclosure(const Enclosure& x) {
  I r;
  mpfi_set(r.backend().data(), x.get());
  return r;
}
Enclosure enclosure(const I& x) { return Enclosure(x.backend().data()); }

// One checkpoint of GF(ε): t and the losses there.
struct Point {
  I t, LD, Lhat;
};

class IntervalClaim {
 public:
  IntervalClaim(const CompiledClaim& c, const interval::ReferenceResult& r, const interval::ExactProblem& e) : c_(c), r_(r), e_(e) {
    using std::sqrt;
    for (std::size_t i = 0; i < e.dim(); ++i) {
      if (e.delta0[i]) d0_.push_back(R(*e.delta0[i]));
      else d0_.push_back(e.delta0_sign[i] < 0 ? I(-sqrt(R(e.delta0_sq[i]))) : I(sqrt(R(e.delta0_sq[i]))));
    }
  }

  // lhs, rhs at the current point; margin ≥ 0 means the relation holds (> 0 for strict ones).
  CheckDecision decide(const std::optional<Point>& at, std::string where) {
    point_ = at;
    const I l = eval(c_.lhs), rr = eval(c_.rhs);
    const bool upper = c_.relation == lemma2::Relation::LessEqual || c_.relation == lemma2::Relation::Less;
    const I m = upper ? I(rr - l) : I(l - rr);
    CheckDecision d{"claim", Decision::Undecided, r_.bits, enclosure(l), enclosure(rr), enclosure(m), "interval (MPFI over the certified reference)",
                    std::move(where)};
    const bool nan = mpfi_nan_p(m.backend().data()) != 0;
    const int lo = mpfr_sgn(interval::left(m)), hi = mpfr_sgn(interval::right(m));
    if (nan) return d;
    switch (c_.relation) {
      case lemma2::Relation::LessEqual: case lemma2::Relation::GreaterEqual:
        d.decision = lo >= 0 ? Decision::Proved : hi < 0 ? Decision::Refuted : Decision::Undecided;
        break;
      case lemma2::Relation::Less: case lemma2::Relation::Greater:
        d.decision = lo > 0 ? Decision::Proved : hi <= 0 ? Decision::Refuted : Decision::Undecided;
        break;
      case lemma2::Relation::Equal:
        d.decision = lo == 0 && hi == 0 ? Decision::Proved : (lo > 0 || hi < 0) ? Decision::Refuted : Decision::Undecided;
        break;
    }
    return d;
  }

  // Σ_{i ∈ [from, to)} a_i δ_i(0)² e^{−4γ_i t}
  I decay_sum(const std::vector<Rational>& a, const I& t, std::size_t from, std::size_t to) const {
    using std::exp;
    I s = from_long(0);
    for (std::size_t i = from; i < to; ++i)
      if (e_.delta0_sq[i].sign() != 0 && a[i].sign() != 0) s += R(a[i] * e_.delta0_sq[i]) * exp(-(R(Rational(4) * e_.gamma[i]) * t));
    return s;
  }

  const Enclosure& quantity(const char* id) const {
    const auto it = r_.quantities.find(id);
    if (it == r_.quantities.end()) throw Undecidable(std::string("the reference has no enclosure of ") + id + " at this precision");
    return it->second;
  }

 private:
  const CompiledClaim& c_;
  const interval::ReferenceResult& r_;
  const interval::ExactProblem& e_;
  std::vector<I> d0_;
  std::optional<Point> point_;
  std::optional<std::size_t> i_;

  I gf_T() const { return from_enclosure(quantity(interval::quantity::gf_time)); }

  I scalar(Scalar q) const {
    namespace qn = interval::quantity;
    switch (q) {
      case Scalar::k: return from_long(static_cast<long>(e_.k));
      case Scalar::d: return from_long(static_cast<long>(e_.dim()));
      case Scalar::K: return from_long(e_.K);
      case Scalar::alpha: return R(e_.alpha);
      case Scalar::eps: return R(e_.eps);
      case Scalar::eta: return R(e_.eta);
      case Scalar::rho: return R(e_.rho);
      case Scalar::M: return R(e_.M);
      case Scalar::Mprime: return R(e_.M_prime);
      case Scalar::c: return R(e_.c);
      case Scalar::Lhat0: return R(e_.train_loss0);
      case Scalar::LD0: return R(e_.population_loss0);
      case Scalar::T: return gf_T();
      case Scalar::LD_gf: return from_enclosure(quantity(qn::gf_population_loss));
      case Scalar::Lhat_gf: return from_enclosure(quantity(qn::gf_train_loss));
      case Scalar::LS_gf: return decay_sum(e_.gamma, gf_T(), 0, e_.split);
      case Scalar::LSbar_gf: return decay_sum(e_.gamma, gf_T(), e_.split, e_.dim());
      case Scalar::LD_fast: return from_enclosure(quantity(qn::fast_population_loss));
      case Scalar::Lhat_fast: return from_enclosure(quantity(qn::fast_train_loss));
      case Scalar::T_fast: return from_enclosure(quantity(qn::fast_time));
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

  I element(Vector v, std::size_t i) const {
    switch (v) {
      case Vector::gamma: return R(e_.gamma[i]);
      case Vector::lambda: return R(e_.lambda[i]);
      case Vector::delta0: return d0_[i];
      case Vector::deltaK:
        if (!r_.gd_steps) throw Undecidable("where GD stops is undecided at this precision (deltaK)");
        return interval::pow_uint(R(e_.factor[i]), static_cast<unsigned long>(*r_.gd_steps)) * d0_[i];
    }
    throw DomainError("unknown vector");
  }

  bool in_block(Block b, std::size_t i) const { return claims::in_block(b, i, e_.split, e_.in_P); }

  static I extremum(const I& a, const I& b, bool take_max) {
    I r;
    if (take_max) {
      mpfr_max(&r.backend().data()->left, interval::left(a), interval::left(b), MPFR_RNDD);
      mpfr_max(&r.backend().data()->right, interval::right(a), interval::right(b), MPFR_RNDU);
    } else {
      mpfr_min(&r.backend().data()->left, interval::left(a), interval::left(b), MPFR_RNDD);
      mpfr_min(&r.backend().data()->right, interval::right(a), interval::right(b), MPFR_RNDU);
    }
    return r;
  }

  I aggregate(const Node& n) {
    std::optional<I> acc;
    for (std::size_t i = 0; i < e_.dim(); ++i) {
      if (!in_block(n.block, i)) continue;
      i_ = i;
      const I x = eval(n.args[0]);
      acc = !acc ? x : n.op == Op::AggSum ? I(*acc + x) : extremum(*acc, x, n.op == Op::AggMax);
    }
    i_.reset();
    if (acc) return *acc;
    if (n.op == Op::AggSum) return from_long(0);
    throw DomainError(std::string(n.op == Op::AggMin ? "min" : "max") + " over an empty block");
  }

  static const I& positive(const I& a, const char* what) {
    if (interval::certainly_positive(a)) return a;
    if (interval::certainly_nonpositive(a)) throw DomainError(std::string(what) + " of a non-positive number");
    throw Undecidable(std::string("the sign of the argument of ") + what + " is not decided at this precision");
  }

  I divide(const I& a, const I& b) const {
    if (interval::is_exact_zero(b)) throw DomainError("division by zero");
    if (!interval::certainly_positive(b) && !interval::certainly_negative(b)) throw Undecidable("a divisor's enclosure holds 0 at this precision");
    return a / b;
  }

  I power(const Node& n) {
    using std::exp;
    using std::log;
    const Node& ex = n.args[1];
    const I a = eval(n.args[0]);
    if (ex.op == Op::Constant && ex.constant.is_integer() && ex.constant < Rational(100000) && Rational(-100000) < ex.constant) {
      const long k = static_cast<long>(ex.constant.approx());
      return k >= 0 ? interval::pow_uint(a, static_cast<unsigned long>(k)) : divide(from_long(1), interval::pow_uint(a, static_cast<unsigned long>(-k)));
    }
    return exp(eval(ex) * log(positive(a, "a non-integer power")));
  }

  I eval(const Node& n) {
    using std::abs;
    using std::exp;
    using std::log;
    using std::sqrt;
    switch (n.op) {
      case Op::Constant: return R(n.constant);
      case Op::Scalar: return scalar(n.scalar);
      case Op::Element: return element(n.vector, index(n.index));
      case Op::Neg: return I(-eval(n.args[0]));
      case Op::Add: return eval(n.args[0]) + eval(n.args[1]);
      case Op::Sub: return eval(n.args[0]) - eval(n.args[1]);
      case Op::Mul: return eval(n.args[0]) * eval(n.args[1]);
      case Op::Div: {
        const I a = eval(n.args[0]);
        return divide(a, eval(n.args[1]));
      }
      case Op::Pow: return power(n);
      case Op::Exp: return exp(eval(n.args[0]));
      case Op::Log: return log(positive(eval(n.args[0]), "log"));
      case Op::Sqrt: {
        const I a = eval(n.args[0]);
        if (interval::certainly_negative(a)) throw DomainError("sqrt of a negative number");
        if (!interval::certainly_nonnegative(a)) throw Undecidable("the sign of the argument of sqrt is not decided at this precision");
        return sqrt(a);
      }
      case Op::Abs: return abs(eval(n.args[0]));
      case Op::Min: case Op::Max: return extremum(eval(n.args[0]), eval(n.args[1]), n.op == Op::Max);
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
  const auto point = [&](const I& t) { return Point{t, ev.decay_sum(e.lambda, t, 0, e.dim()), ev.decay_sum(e.gamma, t, 0, e.dim())}; };
  std::vector<std::pair<Point, std::string>> points{{point(from_long(0)), "checkpoint 0 (t = 0)"}};
  if (e.eps < e.train_loss0) {
    const std::vector<I> inner = inner_times(e, n == 0 ? 1 : n);
    for (std::size_t j = 0; j < inner.size(); ++j)
      points.emplace_back(point(inner[j]), "checkpoint " + std::to_string(j + 1) + " (t = " + enclosure(inner[j]).short_str(6) + ")");
    // the stop as the reference states it: L̂ = ε exactly at the exact T, L_D its enclosure there
    namespace qn = interval::quantity;
    points.emplace_back(Point{from_enclosure(ev.quantity(qn::gf_time)), from_enclosure(ev.quantity(qn::gf_population_loss)),
                              from_enclosure(ev.quantity(qn::gf_train_loss))},
                        "the GF stop (T certified bracket)");
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
