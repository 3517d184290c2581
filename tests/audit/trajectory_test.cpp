// Where a trajectory leaves the reference (audit/trajectory.hpp), on a GD run
// fed by hand: exact values stay inside, a perturbation is found at its step.
#include "annealcheck/audit/trajectory.hpp"

#include "annealcheck/engine/problem.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace annealcheck;

namespace {

// Prop. 1 (α = 1e-8): δ(0) = (−10^6, −10^6), f = (−1, 0): δ(t) = ((−1)^{t+1}·10^6, 0) for t ≥ 1,
// L̂ = (2/3)·10^12 — every value exact in binary except L̂ (fed rounded to 300 bits).
void feed(audit::TrajectoryComparator& c, long t, double rel_error_at_5) {
  std::vector<audit::ExactBinary> d(2, audit::ExactBinary(300));
  audit::ExactBinary loss(300);
  const double x1 = (t % 2 == 0 ? -1e6 : 1e6);
  mpfr_set_d(d[0].get(), x1 * (t == 5 ? 1 + rel_error_at_5 : 1), MPFR_RNDN);
  mpfr_set_d(d[1].get(), t == 0 ? -1e6 : 0.0, MPFR_RNDN);
  mpfr_set_d(loss.get(), 1e12, MPFR_RNDN);
  if (t > 0) {
    mpfr_mul_ui(loss.get(), loss.get(), 2, MPFR_RNDN);
    mpfr_div_ui(loss.get(), loss.get(), 3, MPFR_RNDN);
  }
  if (t == 5) mpfr_mul_d(loss.get(), loss.get(), (1 + rel_error_at_5) * (1 + rel_error_at_5), MPFR_RNDN);
  c.observe(audit::Segment::Descent, t, nullptr, d, loss.get());
}

const audit::SegmentReport& gd(const audit::TrajectoryComparator& c) {
  static std::vector<audit::SegmentReport> keep;
  keep = c.reports();
  return keep[static_cast<int>(audit::Segment::Descent)];
}

}  // namespace

TEST(Trajectory, ExactTrajectoryNeverLeaves) {
  const auto e = interval::exact_problem(engine::prop1_case21("1e-8", "1e-30", 10));
  audit::TrajectoryComparator c(e, 300, 10, 10L);  // enclosures at 364 bits, values fed at 300
  for (long t = 0; t <= 10; ++t) feed(c, t, 0);
  const auto& r = gd(c);
  EXPECT_EQ(r.points, 11);
  EXPECT_FALSE(r.first_below.has_value());
  // L̂ = (2/3)·10^12 was rounded to 300 bits: strictly outside the (narrower) enclosure,
  // but only the strict test sees it.
  ASSERT_TRUE(r.first_outside.has_value());
  EXPECT_EQ(r.first_outside->index, 1);
  EXPECT_EQ(r.first_outside->what, "train loss");
  EXPECT_GT(r.first_outside->digits, 80);
}

TEST(Trajectory, PerturbationIsFoundAtItsStep) {
  const auto e = interval::exact_problem(engine::prop1_case21("1e-8", "1e-30", 10));
  audit::TrajectoryComparator c(e, 200, 10, 10L);
  for (long t = 0; t <= 10; ++t) feed(c, t, 1e-8);  // 8 correct digits at step 5 only
  const auto& r = gd(c);
  ASSERT_TRUE(r.first_below.has_value());
  EXPECT_EQ(r.first_below->index, 5);
  EXPECT_EQ(r.first_below->what, "delta_1");
  EXPECT_NEAR(r.first_below->digits, 8, 0.01);
  EXPECT_EQ(r.points, 6);  // checking stops at the departure
  EXPECT_FALSE(c.wants(audit::Segment::Descent));
}

TEST(Trajectory, SmallPerturbationStaysWithinTheBand) {
  const auto e = interval::exact_problem(engine::prop1_case21("1e-8", "1e-30", 10));
  audit::TrajectoryComparator c(e, 200, 10, 10L);
  for (long t = 0; t <= 10; ++t) feed(c, t, 1e-12);
  EXPECT_FALSE(gd(c).first_below.has_value());
}
