// One instance evaluated in every number type of the ladder agrees with a 2048-bit
// evaluation to within that type's accuracy: the stopping time to 8 eps, losses
// and bounds to (8 + 2d + 4·max_i 4γ_iT) eps (the conditioning of δ(T)² in T; the
// same allowance the checks use). mpq: the GD phase is exact. MPFI: the enclosures
// contain the exact rational GD trajectory.
#include "annealcheck/dynamics/annealed.hpp"
#include "annealcheck/engine/report.hpp"
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/model/instance.hpp"
#include "annealcheck/numeric/gmp_traits.hpp"
#include "annealcheck/numeric/mpfi_traits.hpp"
#include "reference.hpp"

#include <gtest/gtest.h>

#include <map>

namespace {

using namespace annealcheck;
using annealcheck::testing::Reference;

const char* kInstance = R"({"gamma": ["3","1.5","0.25","1e-3","1e-7"], "lambda": ["1","2","0.5","3","0.7"],
  "delta0": ["1","-2","0.5","3","-7"], "k": 3, "alpha": "1e-3", "eps": "1e-4", "K": 25})";

model::InstanceSpec spec() { return model::instance_from_json(io::parse_exact_json(kInstance, "agreement"), "agreement"); }

std::map<std::string, std::string> quantities(const engine::EvalReport& r) {
  std::map<std::string, std::string> m;
  for (const auto& q : r.quantities) m[q.name] = q.value;
  return m;
}

Reference ref_value(const std::string& s) {
  numeric::scoped_mpfr_bits scope(annealcheck::testing::kReferenceBits);
  return numeric::parse_number<Reference>(s);
}

TEST(CrossTypeAgreement, EveryFloatingTypeWithinItsAccuracy) {
  const model::InstanceSpec s = spec();
  const auto ref = quantities(engine::evaluate(s, engine::parse_type_id("mpfr:2048")));
  numeric::scoped_mpfr_bits scope(annealcheck::testing::kReferenceBits);
  const Reference T = ref_value(ref.at("T (GF stopping time)"));
  const double cond = static_cast<double>(Reference(12 * T));  // max 4γ_iT with γ_1 = 3
  for (const std::string id : {"float", "double", "long-double", "float128", "mpfr128", "mpfr256", "mpfr1024", "mpfr:100",
                               "cpp_bin_float50", "cpp_bin_float100", "gmp_float50"}) {
    const engine::EvalReport r = engine::evaluate(s, engine::parse_type_id(id));
    const auto got = quantities(r);
    const Reference eps = pow(Reference(2), Reference(1 - r.bits));
    auto check = [&](const std::string& name, double allowance_eps) {
      const Reference want = ref_value(ref.at(name)), have = ref_value(got.at(name));
      const double err = static_cast<double>(Reference(abs(Reference(have - want)) / (eps * abs(want))));
      EXPECT_LE(err, allowance_eps) << id << ": " << name << " = " << got.at(name) << " vs " << ref.at(name).substr(0, 40);
    };
    check("T (GF stopping time)", 8);
    const double loss_allow = 8 + 2 * 5 + 4 * cond;
    for (const char* name : {"L_D(delta_GF(T))", "L_D(delta_fast)", "bound (1-alpha) eps min_Sbar lambda/gamma", "bound, explicit",
                             "Lhat(delta(K))", "L_D(delta(0))"})
      check(name, loss_allow + 6 * 25);
    // Same verdicts as the reference (this instance has no near-tie).
    const auto rr = engine::evaluate(s, engine::parse_type_id("mpfr:2048"));
    for (std::size_t i = 0; i < r.checks.size(); ++i) EXPECT_EQ(r.checks[i].verdict, rr.checks[i].verdict) << id << " " << r.checks[i].label;
  }
}

TEST(CrossTypeAgreement, RationalGdIsExactAndIntervalsEncloseIt) {
  const model::InstanceSpec s = spec();
  const auto in_q = model::materialize<numeric::mpq>(s);
  const auto gd_q = dynamics::run_descent_phase(in_q.gamma, in_q.delta0, in_q.eta, in_q.K, in_q.eps, dynamics::NullObserver{});
  // Against 2048-bit floating GD: agreement to ~2^-2000.
  {
    numeric::scoped_mpfr_bits scope(annealcheck::testing::kReferenceBits);
    const auto in_r = model::materialize<Reference>(s);
    const auto gd_r = dynamics::run_descent_phase(in_r.gamma, in_r.delta0, in_r.eta, in_r.K, in_r.eps, dynamics::NullObserver{});
    ASSERT_EQ(gd_q.steps, gd_r.steps);
    for (std::size_t i = 0; i < s.dim(); ++i) {
      Reference exact;
      mpfr_set_q(exact.backend().data(), gd_q.delta[i].backend().data(), MPFR_RNDN);
      const Reference diff = abs(Reference(exact - gd_r.delta[i]));
      EXPECT_LE(diff, numeric::parse_number<Reference>("1e-550") * abs(exact)) << i;  // 0 when δ_i(K) = 0 exactly
    }
  }
  // MPFI: the interval trajectory contains the exact one at every coordinate.
  using I = numeric::mpfi256;
  std::vector<I> g, d;
  for (std::size_t i = 0; i < s.dim(); ++i) {
    g.push_back(numeric::number_traits<I>::from_rational(s.gamma[i].value));
    d.push_back(numeric::number_traits<I>::from_rational(s.delta0[i].value));
  }
  const I eta = numeric::from_int<I>(1) / g[0];
  dynamics::DescentKernel<I> kernel(g, eta);
  for (long t = 0; t < gd_q.steps; ++t) kernel.step(d);
  for (std::size_t i = 0; i < s.dim(); ++i) {
    EXPECT_TRUE(mpfi_is_inside_q(gd_q.delta[i].backend().data(), d[i].backend().data()) > 0)
        << i << " " << numeric::number_traits<I>::str(d[i]);
    // and is narrow: relative width below 2^-200 after 25 steps at 257 bits
    mpfr_t w;
    mpfr_init2(w, 64);
    mpfi_diam(w, d[i].backend().data());
    EXPECT_LT(mpfr_get_d(w, MPFR_RNDU), 1e-60) << i;
    mpfr_clear(w);
  }
}

}  // namespace
