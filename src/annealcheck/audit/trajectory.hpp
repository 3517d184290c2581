// Where a rung's trajectory leaves the reference (issue 5: "the first GD step or
// GF checkpoint at which the trajectory leaves the reference enclosure").
//
// The comparator runs beside a rung's evaluation (lemma2::evaluate's tap) and
// keeps an MPFI enclosure of the *exact* trajectory at the same points: GD by the
// lock-step product δ_i(t+1) = f_i·δ_i(t) with the exact rational factor f_i (E5),
// GF by δ_i(0)·e^{−2γ_i t} at the rung's own checkpoint times (E4; after GD from the
// exact δ(K)). It works at rung bits + 64 (at least 128), so the enclosures are far
// narrower than the rung's rounding. Two departures are reported per segment:
//   first_outside — some coordinate of δ or the train loss outside its enclosure
//                   (strict: any rounding at all, often step 0 when inputs round);
//   first_below   — the rung has fewer than D correct digits: some coordinate
//                   differs by more than 10^−D·‖δ_ref‖_∞ (norm-wise, so a coordinate
//                   that has decayed to nothing does not count), or the train loss
//                   by more than 10^−D relative. Checking stops there.
// Allocation-free per point (preallocated MPFR/MPFI scratch).
#pragma once

#include "annealcheck/audit/exact_binary.hpp"
#include "annealcheck/interval/exact_problem.hpp"

#include <mpfi.h>

#include <optional>
#include <string>
#include <vector>

namespace annealcheck::audit {

enum class Segment { GradientFlow, Descent, FlowAfterDescent };
const char* segment_name(Segment s);  // "GF", "GD", "GF after GD"

struct Departure {
  long index = 0;            // GD step or GF checkpoint number
  std::string time;          // GF: the rung's flow time (text), else empty
  std::string what;          // "delta_3", "train loss"
  double digits = 0;         // correct digits of `what` there (norm-wise for δ)
};

struct SegmentReport {
  Segment segment = Segment::Descent;
  long points = 0;                          // points compared
  std::optional<Departure> first_outside, first_below;
};

class TrajectoryComparator {
 public:
  // `reference_gd_steps`: where exact GD stops (the GF after GD starts from δ(s)).
  TrajectoryComparator(const interval::ExactProblem& e, long rung_bits, double min_digits, std::optional<long> reference_gd_steps);
  ~TrajectoryComparator();
  TrajectoryComparator(const TrajectoryComparator&) = delete;
  TrajectoryComparator& operator=(const TrajectoryComparator&) = delete;

  bool wants(Segment s) const { return !done_[static_cast<int>(s)]; }
  // One point of the rung: δ and L̂ exactly; `time` for GF points (nullptr for GD).
  void observe(Segment s, long index, mpfr_srcptr time, const std::vector<ExactBinary>& delta, mpfr_srcptr train_loss);
  std::vector<SegmentReport> reports() const { return {reports_[0], reports_[1], reports_[2]}; }

 private:
  void reference_at(Segment s, long index, mpfr_srcptr time);
  void compare(Segment s, long index, mpfr_srcptr time, const std::vector<ExactBinary>& delta, mpfr_srcptr loss);
  double coordinate_digits(mpfr_srcptr x, std::size_t i);
  double loss_digits(mpfr_srcptr x);

  const interval::ExactProblem& e_;
  mpfr_prec_t prec_;
  double min_digits_;
  std::optional<long> ref_steps_;
  std::size_t d_;
  std::vector<__mpfi_struct> gamma_, factor_, delta0_, delta_s_, ref_;  // ref_: reference δ at the current point
  mpfi_t loss_, tmp_;
  mpfr_t tau_, scale_, thr_, a_, b_;
  long gd_index_ = -1;
  bool done_[3] = {false, false, false};
  SegmentReport reports_[3];
};

}  // namespace annealcheck::audit
