#include "annealcheck/audit/trajectory.hpp"

#include <cmath>

namespace annealcheck::audit {

const char* segment_name(Segment s) {
  switch (s) {
    case Segment::GradientFlow: return "GF";
    case Segment::Descent: return "GD";
    case Segment::FlowAfterDescent: return "GF after GD";
  }
  return "?";
}

namespace {

void init_all(std::vector<__mpfi_struct>& v, std::size_t n, mpfr_prec_t p) {
  v.resize(n);
  for (auto& x : v) mpfi_init2(&x, p);
}
void clear_all(std::vector<__mpfi_struct>& v) {
  for (auto& x : v) mpfi_clear(&x);
}

std::string text(mpfr_srcptr x) {
  char* s = nullptr;
  mpfr_asprintf(&s, "%.17Rg", x);
  std::string out(s);
  mpfr_free_str(s);
  return out;
}

}  // namespace

TrajectoryComparator::TrajectoryComparator(const interval::ExactProblem& e, long rung_bits, double min_digits,
                                           std::optional<long> reference_gd_steps)
    : e_(e), prec_(std::max<long>(rung_bits + 64, 128)), min_digits_(min_digits), ref_steps_(reference_gd_steps), d_(e.dim()) {
  init_all(gamma_, d_, prec_);
  init_all(factor_, d_, prec_);
  init_all(delta0_, d_, prec_);
  init_all(delta_s_, d_, prec_);
  init_all(ref_, d_, prec_);
  mpfi_init2(loss_, prec_);
  mpfi_init2(tmp_, prec_);
  mpfr_inits2(prec_, tau_, scale_, thr_, a_, b_, static_cast<mpfr_ptr>(nullptr));
  // τ = 10^−D rounded down (a narrower band: "within" stays certain).
  mpfr_set_d(tau_, -min_digits, MPFR_RNDN);
  mpfr_exp10(tau_, tau_, MPFR_RNDD);
  for (std::size_t i = 0; i < d_; ++i) {
    mpfi_set_q(&gamma_[i], e.gamma[i].get());
    mpfi_set_q(&factor_[i], e.factor[i].get());
    if (e.delta0[i]) {
      mpfi_set_q(&delta0_[i], e.delta0[i]->get());
    } else {
      mpfi_set_q(&delta0_[i], e.delta0_sq[i].get());
      mpfi_sqrt(&delta0_[i], &delta0_[i]);
      if (e.delta0_sign[i] < 0) mpfi_neg(&delta0_[i], &delta0_[i]);
    }
    // δ(s) = f^s δ(0) by repeated squaring (the GF after GD starts there).
    const unsigned long s = reference_gd_steps ? static_cast<unsigned long>(*reference_gd_steps) : 0;
    mpfi_set_ui(&delta_s_[i], 1);
    mpfi_set(tmp_, &factor_[i]);
    for (unsigned long n = s; n > 0; n >>= 1) {
      if (n & 1UL) mpfi_mul(&delta_s_[i], &delta_s_[i], tmp_);
      if (n > 1) mpfi_sqr(tmp_, tmp_);
    }
    mpfi_mul(&delta_s_[i], &delta_s_[i], &delta0_[i]);
  }
  for (int s = 0; s < 3; ++s) reports_[s].segment = static_cast<Segment>(s);
  if (!reference_gd_steps) done_[static_cast<int>(Segment::FlowAfterDescent)] = true;  // no exact start known
}

TrajectoryComparator::~TrajectoryComparator() {
  clear_all(gamma_);
  clear_all(factor_);
  clear_all(delta0_);
  clear_all(delta_s_);
  clear_all(ref_);
  mpfi_clear(loss_);
  mpfi_clear(tmp_);
  mpfr_clears(tau_, scale_, thr_, a_, b_, static_cast<mpfr_ptr>(nullptr));
}

// ref_ := the exact δ at this point; loss_ := L̂ (E1) of it.
void TrajectoryComparator::reference_at(Segment s, long index, mpfr_srcptr time) {
  if (s == Segment::Descent) {
    if (index == gd_index_ + 1 && gd_index_ >= 0) {
      for (std::size_t i = 0; i < d_; ++i) mpfi_mul(&ref_[i], &ref_[i], &factor_[i]);
    } else {  // first point, or a jump: closed form
      for (std::size_t i = 0; i < d_; ++i) {
        mpfi_set_ui(&ref_[i], 1);
        mpfi_set(tmp_, &factor_[i]);
        for (unsigned long n = static_cast<unsigned long>(index); n > 0; n >>= 1) {
          if (n & 1UL) mpfi_mul(&ref_[i], &ref_[i], tmp_);
          if (n > 1) mpfi_sqr(tmp_, tmp_);
        }
        mpfi_mul(&ref_[i], &ref_[i], &delta0_[i]);
      }
    }
    gd_index_ = index;
  } else {
    const std::vector<__mpfi_struct>& start = s == Segment::GradientFlow ? delta0_ : delta_s_;
    for (std::size_t i = 0; i < d_; ++i) {  // δ_i(t) = start_i · e^{−2γ_i t}
      mpfi_mul_fr(tmp_, &gamma_[i], time);
      mpfi_mul_si(tmp_, tmp_, -2);
      mpfi_exp(tmp_, tmp_);
      mpfi_mul(&ref_[i], &start[i], tmp_);
    }
  }
  mpfi_set_ui(loss_, 0);
  for (std::size_t i = 0; i < d_; ++i) {
    mpfi_sqr(tmp_, &ref_[i]);
    mpfi_mul(tmp_, tmp_, &gamma_[i]);
    mpfi_add(loss_, loss_, tmp_);
  }
}

void TrajectoryComparator::observe(Segment s, long index, mpfr_srcptr time, const std::vector<ExactBinary>& delta,
                                   mpfr_srcptr train_loss) {
  if (!wants(s)) return;
  reference_at(s, index, time);
  compare(s, index, time, delta, train_loss);
}

double TrajectoryComparator::coordinate_digits(mpfr_srcptr x, std::size_t i) {
  if (!mpfr_number_p(x)) return 0;
  // max(|x − lo|, |x − hi|) / scale_, rounded so that the digits are a lower bound.
  mpfr_sub(a_, x, &ref_[i].left, MPFR_RNDU);
  mpfr_abs(a_, a_, MPFR_RNDU);
  mpfr_sub(b_, x, &ref_[i].right, MPFR_RNDU);
  mpfr_abs(b_, b_, MPFR_RNDU);
  mpfr_max(a_, a_, b_, MPFR_RNDU);
  if (mpfr_zero_p(a_)) return INFINITY;
  if (mpfr_sgn(scale_) <= 0) return 0;
  mpfr_div(a_, a_, scale_, MPFR_RNDU);
  mpfr_log10(a_, a_, MPFR_RNDU);
  return std::max(0.0, -mpfr_get_d(a_, MPFR_RNDU));
}

double TrajectoryComparator::loss_digits(mpfr_srcptr x) {
  if (!mpfr_number_p(x)) return 0;
  mpfr_sub(a_, x, &loss_->left, MPFR_RNDU);
  mpfr_abs(a_, a_, MPFR_RNDU);
  mpfr_sub(b_, x, &loss_->right, MPFR_RNDU);
  mpfr_abs(b_, b_, MPFR_RNDU);
  mpfr_max(a_, a_, b_, MPFR_RNDU);
  if (mpfr_zero_p(a_)) return INFINITY;
  if (mpfr_sgn(&loss_->left) <= 0) return 0;
  mpfr_div(a_, a_, &loss_->left, MPFR_RNDU);
  mpfr_log10(a_, a_, MPFR_RNDU);
  return std::max(0.0, -mpfr_get_d(a_, MPFR_RNDU));
}

void TrajectoryComparator::compare(Segment s, long index, mpfr_srcptr time, const std::vector<ExactBinary>& delta,
                                   mpfr_srcptr loss) {
  SegmentReport& rep = reports_[static_cast<int>(s)];
  ++rep.points;
  // Strict: inside every enclosure?
  if (!rep.first_outside) {
    std::optional<std::size_t> out;
    for (std::size_t i = 0; i < d_ && !out; ++i)
      if (!(mpfr_greaterequal_p(delta[i].get(), &ref_[i].left) && mpfr_lessequal_p(delta[i].get(), &ref_[i].right))) out = i;
    const bool loss_out = !(mpfr_greaterequal_p(loss, &loss_->left) && mpfr_lessequal_p(loss, &loss_->right));
    if (out || loss_out) {
      Departure dep;
      dep.index = index;
      if (time) dep.time = text(time);
      dep.what = out ? "delta_" + std::to_string(*out + 1) : "train loss";
      rep.first_outside = dep;  // digits filled below if it is also the band departure
    }
  }
  // Band: scale_ = max_i min |ref_i| (a lower bound of ‖δ_ref‖_∞); threshold τ·scale_.
  mpfr_set_zero(scale_, 1);
  for (std::size_t i = 0; i < d_; ++i) {
    if (mpfr_sgn(&ref_[i].left) > 0) mpfr_max(scale_, scale_, &ref_[i].left, MPFR_RNDD);
    else if (mpfr_sgn(&ref_[i].right) < 0) {
      mpfr_neg(a_, &ref_[i].right, MPFR_RNDD);
      mpfr_max(scale_, scale_, a_, MPFR_RNDD);
    }
  }
  mpfr_mul(thr_, tau_, scale_, MPFR_RNDD);
  std::optional<std::size_t> below;
  for (std::size_t i = 0; i < d_ && !below; ++i) {
    mpfr_sub(a_, &ref_[i].right, thr_, MPFR_RNDU);
    mpfr_add(b_, &ref_[i].left, thr_, MPFR_RNDD);
    if (!(mpfr_greaterequal_p(delta[i].get(), a_) && mpfr_lessequal_p(delta[i].get(), b_))) below = i;
  }
  bool loss_below = false;
  if (!below) {
    // x ∈ [hi·(1 − τ), lo·(1 + τ)] for a positive loss; else only an exact match.
    if (mpfr_sgn(&loss_->left) > 0) {
      mpfr_ui_sub(a_, 1, tau_, MPFR_RNDU);
      mpfr_mul(a_, a_, &loss_->right, MPFR_RNDU);
      mpfr_add_ui(b_, tau_, 1, MPFR_RNDD);
      mpfr_mul(b_, b_, &loss_->left, MPFR_RNDD);
      loss_below = !(mpfr_greaterequal_p(loss, a_) && mpfr_lessequal_p(loss, b_));
    } else {
      loss_below = !(mpfr_equal_p(loss, &loss_->left) && mpfr_equal_p(loss, &loss_->right));
    }
  }
  if (below || loss_below) {
    Departure dep;
    dep.index = index;
    if (time) dep.time = text(time);
    dep.what = below ? "delta_" + std::to_string(*below + 1) : "train loss";
    dep.digits = below ? coordinate_digits(delta[*below].get(), *below) : loss_digits(loss);
    rep.first_below = dep;
    if (rep.first_outside && rep.first_outside->index == index && rep.first_outside->what == dep.what)
      rep.first_outside->digits = dep.digits;
    done_[static_cast<int>(s)] = true;
  } else if (rep.first_outside && rep.first_outside->index == index) {
    // Outside, yet within the band: record its digits.
    const std::string& w = rep.first_outside->what;
    rep.first_outside->digits = w == "train loss" ? loss_digits(loss)
                                                  : coordinate_digits(delta[std::stoul(w.substr(6)) - 1].get(), std::stoul(w.substr(6)) - 1);
  }
}

}  // namespace annealcheck::audit
