// Runs on β itself (dynamics/beta_space.hpp, numeric/symmetric_eigen.hpp, dynamics/odeint_flow.hpp):
// * SPEC §5: with rotated data (S_X and Σ_X not diagonal) the losses equal the
//   diagonal eigen-coordinate ones;
// * Jacobi reconstructs A and returns an orthogonal basis;
// * Boost.Odeint's flow agrees with the matrix exponential;
// * GD with a growing factor in double reports the overflow step.
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "annealcheck/dynamics/beta_space.hpp"
#include "annealcheck/prop1/least_squares.hpp"
#include "annealcheck/prop1/draw_outcome.hpp"
#include "annealcheck/dynamics/odeint_flow.hpp"
#include "annealcheck/numeric/symmetric_eigen.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cfloat>
#include <cmath>

using namespace annealcheck::prop1;
using namespace annealcheck::dynamics;
using annealcheck::numeric::SymmetricEigen;
using annealcheck::numeric::symmetric_eigen;
using annealcheck::numeric::mpfr128;
using annealcheck::numeric::mpfr256;
using annealcheck::numeric::Rational;

namespace {

template <class T>
T max_abs(const std::vector<T>& v) {
  using std::abs;
  T m = 0;
  for (const T& x : v)
    if (m < abs(x)) m = abs(x);
  return m;
}

}  // namespace

TEST(BetaSpace, RotatedDataGiveTheDiagonalLosses) {
  using T = mpfr256;
  using Tr = annealcheck::numeric::number_traits<T>;
  const Rational alpha(1, 10000), eps(1, 1000000);
  const Rational eta(3, 2);
  const DataModel rotated = proposition1_model(true);
  const std::vector<std::size_t> seq{0, 1, 0};
  const LeastSquares<T> ls = build_least_squares<T>(rotated, seq, alpha);
  ASSERT_FALSE(ls.S[1] == T(0));  // S_X really is not diagonal
  const SymmetricEigen<T> eig = symmetric_eigen(ls.S, 2);
  const T e = Tr::from_rational(eps);
  const std::vector<T> beta0(2, T(0));
  const DrawOutcome<T> ref = evaluate_draw<T>(make_diagonal_draw(rotated, {2, 1}, alpha, eps, eta, 4));
  // rounding budget: β − β* is formed next to |β*|, so its relative error is
  // ≈ ε_T·|β*|/|β − β*| with |β − β*| ≈ √ε; the losses double it. 64× margin.
  const T budget = T(64) * Tr::epsilon() * max_abs(ls.beta_star) / sqrt(e);
  const BetaFlowResult<T> gf = matrix_exponential_flow(ls, eig, beta0, e);
  EXPECT_LE(abs(test_loss(ls, gf.beta) - ref.gf_population_loss) / ref.gf_population_loss, budget);
  LeastSquaresKernel<T> kernel(ls);
  EXPECT_LE(abs(kernel.train_loss(gf.beta) - e) / e, budget);
  const BetaDescentResult<T> gd = beta_descent(ls, beta0, Tr::from_rational(eta), 4, e);
  EXPECT_EQ(gd.steps, 4);
  const BetaFlowResult<T> after = matrix_exponential_flow(ls, eig, gd.beta, e);
  EXPECT_LE(abs(test_loss(ls, after.beta) - ref.ann_population_loss) / ref.ann_population_loss, budget);
  // and the same runs really differ: the ratio is ≈ 2
  EXPECT_GT(test_loss(ls, gf.beta) / test_loss(ls, after.beta), T(1.99));
}

RC_GTEST_PROP(SymmetricEigen, ReconstructsAndIsOrthogonal, ()) {
  const std::size_t d = *rc::gen::inRange<std::size_t>(1, 5);
  std::vector<double> a(d * d);
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = i; j < d; ++j) a[i * d + j] = a[j * d + i] = *rc::gen::inRange(-64, 65) / 16.0;  // dyadic: exact
  const SymmetricEigen<double> e = symmetric_eigen(a, d);
  double frob = 0;
  for (double x : a) frob += x * x;
  frob = std::sqrt(frob);
  const double tol = 64.0 * static_cast<double>(d) * DBL_EPSILON * (1 + frob);  // Jacobi is backward stable
  for (std::size_t j = 1; j < d; ++j) RC_ASSERT(e.values[j] <= e.values[j - 1]);
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < d; ++j) {
      double rec = 0, gram = 0;
      for (std::size_t k = 0; k < d; ++k) {
        rec += e.vectors[i * d + k] * e.values[k] * e.vectors[j * d + k];
        gram += e.vectors[k * d + i] * e.vectors[k * d + j];
      }
      RC_ASSERT(std::fabs(rec - a[i * d + j]) <= tol);
      RC_ASSERT(std::fabs(gram - (i == j ? 1.0 : 0.0)) <= tol);
    }
}

TEST(SymmetricEigen, DiagonalInputStaysExact) {
  const SymmetricEigen<double> e = symmetric_eigen(std::vector<double>{1.0 / 3, 0, 0, 2.0 / 3}, 2);
  EXPECT_EQ(e.values[0], 2.0 / 3);
  EXPECT_EQ(e.values[1], 1.0 / 3);
  EXPECT_EQ(e.vectors[1], 1.0);  // permutation: column 0 is e_2
  EXPECT_EQ(e.clamped, 0u);
}

TEST(OdeintFlow, AgreesWithTheMatrixExponential) {
  using T = mpfr128;
  using Tr = annealcheck::numeric::number_traits<T>;
  const Rational alpha(1, 100), eps(1, 100);
  for (const bool rotate : {false, true}) {
    const DataModel m = proposition1_model(rotate);
    const LeastSquares<T> ls = build_least_squares<T>(m, {1, 0, 0}, alpha);
    const SymmetricEigen<T> eig = symmetric_eigen(ls.S, 2);
    const T e = Tr::from_rational(eps);
    const std::vector<T> beta0(2, T(0));
    const T tol("1e-25");
    const OdeintFlowResult<T> ode = odeint_flow(ls, beta0, e, tol);
    const BetaFlowResult<T> exact = matrix_exponential_flow(ls, eig, beta0, e);
    // per-step tolerance relative to |β| (≈ 10³) against a residual of ≈ √ε = 0.1,
    // accumulated over ≈ 10³ steps: ~10⁻¹⁸ relative; allow 10⁻¹⁵.
    EXPECT_LT(abs(ode.time - exact.time) / exact.time, T("1e-15"));
    EXPECT_LT(abs(test_loss(ls, ode.beta) - test_loss(ls, exact.beta)) / test_loss(ls, exact.beta), T("1e-15"));
    EXPECT_GT(ode.rhs_evaluations, 100u);
  }
}

TEST(BetaDescent, GrowingFactorOverflowIsReportedInDouble) {
  // SPEC §4 case (3,0): S_X = diag(1, 0), η = 3/2: factor −2, L_n = δ_1² grows 4× per step
  const DataModel m = proposition1_model();
  const LeastSquares<double> ls = build_least_squares<double>(m, {0, 0, 0}, Rational(1, 10000));
  const BetaDescentResult<double> r = beta_descent(ls, std::vector<double>(2, 0.0), 1.5, 2000, 1e-6);
  ASSERT_TRUE(r.overflow);
  EXPECT_EQ(r.steps, r.overflow_step - 1);
  EXPECT_TRUE(std::isfinite(r.train_loss));
  EXPECT_GT(r.train_loss, DBL_MAX / 16);  // one more step (×4) leaves the range
  // in MPFR (exponent range ~2^±10^18) the same run does not overflow
  const LeastSquares<mpfr128> wide = build_least_squares<mpfr128>(m, {0, 0, 0}, Rational(1, 10000));
  const BetaDescentResult<mpfr128> w = beta_descent(wide, std::vector<mpfr128>(2, mpfr128(0)), mpfr128("1.5"), 2000, mpfr128("1e-6"));
  EXPECT_FALSE(w.overflow);
  EXPECT_EQ(w.steps, 2000);
}
