// Evaluating a compiled claim (claim_tree.hpp) on one Lemma 2 instance in a number
// type T, each side as a Side (value + bound on its error against the exact real),
// and deciding it by THE rule, lemma2::decide (lemma2/inequality.hpp): a claim
// holds or fails only beyond both sides' bounds; |margin| ≤ bound is "within
// rounding", never a verdict.
//
// Sources of the sides' bounds: inputs rounded once (bounds::input), the block sums
// at δ(0) (lemma2::input_sides), the GF stop with its stopping-time bound
// (bounds::stopping_time_error, FlowErrors over that window: error_bounds.md §2–3),
// the GD phase step by step (StepwiseFacts' DescentErrors, §4), the checkpoints of
// GF(ε) at their own t (FlowErrors with dt = 0), then Side arithmetic and
// side_functions.hpp. A claim on t / LD(t) / Lhat(t) is decided at every GF
// checkpoint of GF(ε) (SPEC §3 "At every step"): the first failure, else the tightest.
#pragma once

#include "annealcheck/dynamics/annealed.hpp"
#include "annealcheck/dynamics/gradient_flow.hpp"
#include "annealcheck/lemma2/blocks.hpp"
#include "annealcheck/lemma2/conditions.hpp"
#include "annealcheck/lemma2/stepwise_facts.hpp"
#include "annealcheck/model/instance.hpp"
#include "claims/claim_tree.hpp"
#include "claims/side_functions.hpp"

#include <optional>
#include <string>
#include <vector>

namespace annealcheck::claims {

template <numeric::RealNumber T>
class ClaimEvaluator {
 public:
  ClaimEvaluator(const CompiledClaim& claim, const model::Instance<T>& in, const lemma2::Blocks<T>& b, const lemma2::InputSides<T>& s,
                 std::size_t checkpoints)
      : claim_(claim), in_(in), b_(b), s_(s), checkpoints_(checkpoints) {}

  // The claim decided on this instance (throws DomainError where it is undefined).
  lemma2::Inequality<T> decide() {
    if (claim_.needs.gf) run_gf_stop();
    if (claim_.needs.fast) run_fast();
    if (!claim_.needs.checkpoints) return decide_here(where_stop());
    lemma2::Tightest<T> keep(lemma2::not_applicable<T>("claim", claim_.text, "no GF checkpoint"));
    lemma2::bounds::FlowErrors<T> fe(in_.gamma, in_.delta0, s_.delta0_error);
    const auto observe = [&](const dynamics::StepEvent<T>& e) {
      if (!e.time) return;
      fe.at(e.delta, *e.time, numeric::from_int<T>(0));
      point_ = Point{lemma2::exact_side(*e.time), fe.sum(in_.lambda, e.delta, 0, in_.dim()), fe.sum(in_.gamma, e.delta, 0, in_.dim())};
      keep.offer(decide_here("GF checkpoint " + std::to_string(e.index) + " of " + std::to_string(checkpoints_) + " (t = " +
                             numeric::number_traits<T>::str(*e.time, 6) + ")"));
    };
    dynamics::run_gradient_flow(in_.gamma, in_.delta0, in_.eps, checkpoints_, observe);
    return keep.result();
  }

 private:
  struct Point {
    Side<T> t, LD, Lhat;
    Side<T> LS{}, LSbar{};  // GF stop only: L̂ over S and over S̄
  };
  const CompiledClaim& claim_;
  const model::Instance<T>& in_;
  const lemma2::Blocks<T>& b_;
  const lemma2::InputSides<T>& s_;
  std::size_t checkpoints_;
  std::optional<Point> gf_, fast_, point_;
  std::vector<Side<T>> delta_K_;
  std::optional<Side<T>> c_;
  std::optional<std::size_t> i_;  // the aggregate's index (0-based)

  std::string where_stop() const {
    if (claim_.needs.gf && claim_.needs.fast) return "GF and annealed stops";
    if (claim_.needs.gf) return "GF stop (t = " + numeric::number_traits<T>::str(gf_->t.value, 6) + ")";
    if (claim_.needs.fast) return "annealed stop, K = " + std::to_string(in_.K);
    return "the instance";
  }

  lemma2::Inequality<T> decide_here(std::string where) {
    const Side<T> l = eval(claim_.lhs), r = eval(claim_.rhs);
    return lemma2::decide<T>("claim", claim_.text, claim_.relation, l, r, std::move(where));
  }

  // GF(ε) to its stop: the sides over the stopping time's window (error_bounds.md §3).
  void run_gf_stop() {
    const auto gf = dynamics::run_gradient_flow(in_.gamma, in_.delta0, in_.eps, checkpoints_, dynamics::NullObserver{});
    const T dt = lemma2::bounds::stopping_time_error(in_.gamma, in_.delta0, s_.delta0_error, gf.delta, gf.time, s_.eps);
    lemma2::bounds::FlowErrors<T> fe(in_.gamma, in_.delta0, s_.delta0_error);
    fe.at(gf.delta, gf.time, dt);
    gf_ = Point{Side<T>{gf.time, dt}, fe.sum(in_.lambda, gf.delta, 0, in_.dim()), fe.sum(in_.gamma, gf.delta, 0, in_.dim()),
                fe.sum(in_.gamma, gf.delta, 0, b_.split), fe.sum(in_.gamma, gf.delta, b_.split, in_.dim())};
  }

  // Annealed GD(K, η, ε): δ(K) with the GD phase's bounds, then its GF phase's stop.
  void run_fast() {
    lemma2::StepwiseFacts<T> facts(in_, b_, s_);
    std::vector<T> delta_K, error_K;
    const auto observe = [&](const dynamics::StepEvent<T>& e) {
      if (e.phase == dynamics::Phase::GradientDescent) return facts(e);
      if (delta_K.empty()) delta_K = e.delta, error_K = facts.state_errors(e.delta);
    };
    const auto fast = dynamics::run_annealed(in_.gamma, in_.delta0, in_.eta, in_.K, in_.eps, checkpoints_, observe);
    const T dt = lemma2::bounds::stopping_time_error(in_.gamma, delta_K, error_K, fast.flow.delta, fast.flow.time, s_.eps);
    lemma2::bounds::FlowErrors<T> fe(in_.gamma, delta_K, error_K);
    fe.at(fast.flow.delta, fast.flow.time, dt);
    fast_ = Point{Side<T>{fast.flow.time, dt}, fe.sum(in_.lambda, fast.flow.delta, 0, in_.dim()),
                  fe.sum(in_.gamma, fast.flow.delta, 0, in_.dim())};
    for (std::size_t i = 0; i < delta_K.size(); ++i) delta_K_.push_back(Side<T>{delta_K[i], error_K[i]});
  }

  Side<T> exact_int(long n) const { return lemma2::exact_side(numeric::from_int<T>(n)); }

  Side<T> scalar(Scalar q) {
    using lemma2::bounds::square_sum;
    switch (q) {
      case Scalar::k: return exact_int(static_cast<long>(in_.k));
      case Scalar::d: return exact_int(static_cast<long>(in_.dim()));
      case Scalar::K: return exact_int(in_.K);
      case Scalar::alpha: return s_.alpha;
      case Scalar::eps: return s_.eps;
      case Scalar::eta: return s_.eta;
      case Scalar::rho: return s_.rho;
      case Scalar::M: return s_.M;
      case Scalar::Mprime: return s_.M_prime;
      case Scalar::c:
        if (!c_) c_ = lemma2::StepwiseFacts<T>(in_, b_, s_).contraction();
        return *c_;
      case Scalar::Lhat0: return square_sum(in_.gamma, in_.delta0, s_.delta0_sq_error, 0, in_.dim());
      case Scalar::LD0: return square_sum(in_.lambda, in_.delta0, s_.delta0_sq_error, 0, in_.dim());
      case Scalar::T: return gf_->t;
      case Scalar::LD_gf: return gf_->LD;
      case Scalar::Lhat_gf: return gf_->Lhat;
      case Scalar::LS_gf: return gf_->LS;
      case Scalar::LSbar_gf: return gf_->LSbar;
      case Scalar::LD_fast: return fast_->LD;
      case Scalar::Lhat_fast: return fast_->Lhat;
      case Scalar::T_fast: return fast_->t;
      case Scalar::t: return point_->t;
      case Scalar::LD_t: return point_->LD;
      case Scalar::Lhat_t: return point_->Lhat;
    }
    throw DomainError("unknown quantity");
  }

  std::size_t index(const Index& ix) const {
    const long base = ix.base == Index::Base::I ? static_cast<long>(*i_) + 1 : ix.base == Index::Base::K ? static_cast<long>(in_.k)
                    : ix.base == Index::Base::D ? static_cast<long>(in_.dim()) : 0;
    const long at = base + ix.offset;
    if (at < 1 || at > static_cast<long>(in_.dim()))
      throw DomainError("index " + std::to_string(at) + " outside 1.." + std::to_string(in_.dim()));
    return static_cast<std::size_t>(at - 1);
  }

  Side<T> element(Vector v, std::size_t i) const {
    switch (v) {
      case Vector::gamma: return lemma2::bounds::input(in_.gamma[i]);
      case Vector::lambda: return lemma2::bounds::input(in_.lambda[i]);
      case Vector::delta0: return Side<T>{in_.delta0[i], s_.delta0_error[i]};
      case Vector::deltaK: return delta_K_.at(i);
    }
    throw DomainError("unknown vector");
  }

  bool in_block(Block blk, std::size_t i) const { return claims::in_block(blk, i, b_.split, b_.in_P); }

  Side<T> aggregate(const Node& n) {
    std::vector<Side<T>> xs;
    for (std::size_t i = 0; i < in_.dim(); ++i) {
      if (!in_block(n.block, i)) continue;
      i_ = i;
      xs.push_back(eval(n.args[0]));
    }
    i_.reset();
    if (n.op == Op::AggSum) {
      Side<T> s = exact_int(0);
      for (const Side<T>& x : xs) s = s + x;
      return s;
    }
    if (xs.empty()) throw DomainError(std::string(n.op == Op::AggMin ? "min" : "max") + " over an empty block");
    return lemma2::bounds::extremum(xs, n.op == Op::AggMax);
  }

  Side<T> constant(const numeric::Rational& q) const {
    const T v = numeric::number_traits<T>::from_rational(q);
    if (q.is_integer() && q < numeric::Rational(1L << 24) && numeric::Rational(-(1L << 24)) < q) return lemma2::exact_side(v);
    return lemma2::bounds::input(v);
  }

  Side<T> power(const Node& n) {
    const Node& e = n.args[1];
    const Side<T> a = eval(n.args[0]);
    if (e.op == Op::Constant && e.constant.is_integer() && e.constant < numeric::Rational(100000) && numeric::Rational(-100000) < e.constant)
      return side_int_pow(a, static_cast<long>(e.constant.approx()));
    return side_real_pow(a, eval(e));
  }

  Side<T> eval(const Node& n) {
    switch (n.op) {
      case Op::Constant: return constant(n.constant);
      case Op::Scalar: return scalar(n.scalar);
      case Op::Element: return element(n.vector, index(n.index));
      case Op::Neg: return side_neg(eval(n.args[0]));
      case Op::Add: return eval(n.args[0]) + eval(n.args[1]);
      case Op::Sub: return eval(n.args[0]) - eval(n.args[1]);
      case Op::Mul: return eval(n.args[0]) * eval(n.args[1]);
      case Op::Div: {
        const Side<T> a = eval(n.args[0]), b = eval(n.args[1]);
        if (b.value == numeric::from_int<T>(0)) throw DomainError("division by zero");
        return a / b;
      }
      case Op::Pow: return power(n);
      case Op::Exp: return side_exp(eval(n.args[0]));
      case Op::Log: return side_log_checked(eval(n.args[0]));
      case Op::Sqrt: return side_sqrt(eval(n.args[0]));
      case Op::Abs: return side_abs(eval(n.args[0]));
      case Op::Min: case Op::Max: return lemma2::bounds::extremum(std::vector<Side<T>>{eval(n.args[0]), eval(n.args[1])}, n.op == Op::Max);
      case Op::AggMin: case Op::AggMax: case Op::AggSum: return aggregate(n);
    }
    throw DomainError("unknown operation");
  }
};

}  // namespace annealcheck::claims
