// The certified reference (interval/reference_lemma2.hpp): enclosures contain
// independently computed exact values, equalities are proved, false claims are
// refuted, and undecided verdicts get decided by raising the precision.
#include "annealcheck/interval/reference_result.hpp"

#include "annealcheck/audit/audit.hpp"
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/model/instance_spec.hpp"

#include <gtest/gtest.h>

using namespace annealcheck;
using interval::Certainty;

namespace {

struct Mpfr {
  explicit Mpfr(long p) { mpfr_init2(v, p); }
  ~Mpfr() { mpfr_clear(v); }
  mpfr_t v;
};

bool contains(const interval::Enclosure& e, mpfr_srcptr v) { return mpfr_lessequal_p(e.lo(), v) && mpfr_lessequal_p(v, e.hi()); }

const interval::RefCheck& check(const interval::ReferenceResult& r, const std::string& label) {
  const interval::RefCheck* c = r.find(label);
  if (!c) throw std::runtime_error("no check " + label);
  return *c;
}

model::InstanceSpec spec(const std::string& json) { return model::instance_from_json(io::parse_exact_json(json, "test"), "test"); }

}  // namespace

TEST(Reference, Prop1StoppingTimeContainsTheStableQuadraticRoot) {
  // L̂(t) = a x² + b x with x = e^{-4t/3}, a = (2/3)·10^12, b = (1/3)·10^12 (α = 1e-8):
  // x = 2ε / (b + sqrt(b² + 4aε)) (no cancellation), T = −(3/4) ln x — at 4096 bits.
  const auto e = interval::exact_problem(engine::prop1_case21("1e-8", "1e-30", 3));
  const auto r = interval::evaluate_reference(e, 512);
  Mpfr a(4096), b(4096), eps(4096), x(4096), t(4096);
  mpfr_set_d(a.v, 1e12, MPFR_RNDN);
  mpfr_mul_ui(a.v, a.v, 2, MPFR_RNDN);
  mpfr_div_ui(a.v, a.v, 3, MPFR_RNDN);
  mpfr_set_d(b.v, 1e12, MPFR_RNDN);
  mpfr_div_ui(b.v, b.v, 3, MPFR_RNDN);
  mpfr_set_str(eps.v, "1e-30", 10, MPFR_RNDN);
  mpfr_mul(x.v, a.v, eps.v, MPFR_RNDN);
  mpfr_mul_ui(x.v, x.v, 4, MPFR_RNDN);
  mpfr_fma(x.v, b.v, b.v, x.v, MPFR_RNDN);
  mpfr_sqrt(x.v, x.v, MPFR_RNDN);
  mpfr_add(x.v, x.v, b.v, MPFR_RNDN);
  mpfr_ui_div(x.v, 2, x.v, MPFR_RNDN);
  mpfr_mul(x.v, x.v, eps.v, MPFR_RNDN);
  mpfr_log(t.v, x.v, MPFR_RNDN);
  mpfr_mul_si(t.v, t.v, -3, MPFR_RNDN);
  mpfr_div_ui(t.v, t.v, 4, MPFR_RNDN);
  const interval::Enclosure& T = r.quantities.at(interval::quantity::gf_time);
  EXPECT_TRUE(contains(T, t.v)) << T.str(40);
  EXPECT_GT(T.certain_digits(), 140);  // 512 bits ≈ 154 digits
}

TEST(Reference, Prop1AnnealedLossIsThreeQuartersEpsAndEqualityIsProved) {
  // SPEC §4: L_D(annealed) = (3/4)ε exactly, and (A) holds with equality; the
  // structural margins make the reference *prove* it instead of leaving it undecided.
  const auto e = interval::exact_problem(engine::prop1_case21("1e-6", "1e-9", 10));
  const auto r = interval::evaluate_reference(e, 256);
  Mpfr v(512);
  mpfr_set_str(v.v, "7.5e-10", 10, MPFR_RNDN);
  EXPECT_TRUE(contains(r.quantities.at(interval::quantity::fast_population_loss), v.v));
  for (const char* l : {"A.1", "A"}) {
    const auto& c = check(r, l);
    EXPECT_EQ(c.verdict, Certainty::Proved) << l;
    ASSERT_TRUE(c.margin.has_value());
    EXPECT_TRUE(c.margin->is_point() && c.margin->contains_zero()) << l << " margin " << c.margin->str(10);
  }
  EXPECT_EQ(r.gd_steps.value(), 10);
  for (const auto& c : r.checks) EXPECT_EQ(c.verdict, Certainty::Proved) << c.label;  // every claim of the lemma holds here
}

TEST(Reference, RefutesGWithoutC2) {
  // The S coordinate dominates at the GF stop (C2 fails): L_D ≈ 1e-3·ε/1 < (1-α)·ε·2.
  const auto s = spec(R"({"gamma":["1","1/2"],"lambda":["1e-3","1"],"delta0":["1000","1e-3"],"k":2,"alpha":"1/2","eps":"1e-3","K":3})");
  const auto r = interval::evaluate_reference(interval::exact_problem(s), 256);
  EXPECT_EQ(check(r, "C2").verdict, Certainty::Refuted);
  EXPECT_EQ(check(r, "G").verdict, Certainty::Refuted);
}

TEST(Reference, RaisesPrecisionUntilDecided) {
  // (P1)'s margin for Proposition 1 at ε = 1e-30 is about 4.5e-42 against T ≈ 72:
  // undecided at ~100 bits, decided once the precision is raised.
  const auto e = interval::exact_problem(engine::prop1_case21("1e-8", "1e-30", 3));
  EXPECT_EQ(check(interval::evaluate_reference(e, 96), "P1").verdict, Certainty::Undecided);
  const audit::CertifiedReference c = audit::certify_reference(e, 96, 4096, 16, 10);
  ASSERT_GE(c.bits_tried.size(), 2u);
  for (const auto& v : c.verdicts) {
    ASSERT_TRUE(v.decided_at_bits.has_value()) << v.label;
    if (v.label == "P1") {
      EXPECT_GT(*v.decided_at_bits, 128);
    } else if (v.label == "C1") {
      EXPECT_LT(*v.decided_at_bits, 128);
    }
  }
  EXPECT_TRUE(c.still_undecided.empty());
}

TEST(Reference, EnclosuresNarrowWithPrecisionAndNest) {
  const auto e = interval::exact_problem(engine::prop1_case21("3e-7", "1e-12", 5));
  const auto lo = interval::evaluate_reference(e, 128), hi = interval::evaluate_reference(e, 1024);
  for (const auto& [id, enc] : hi.quantities) {
    const auto& coarse = lo.quantities.at(id);
    // Both contain the exact value, so they overlap; the fine one is narrower.
    EXPECT_TRUE(mpfr_lessequal_p(coarse.lo(), enc.hi()) && mpfr_lessequal_p(enc.lo(), coarse.hi())) << id;
    if (!enc.is_point()) {
      EXPECT_GT(enc.certain_digits(), coarse.certain_digits()) << id;
    }
  }
}

TEST(Reference, ProofFactsAreNotApplicableWithoutAGdStep) {
  // (P3)–(P5) are statements about the GD steps t = 1..s: with K = 0 there is none, so
  // each is n/a, as the rungs' StepwiseFacts reports (not vacuously proved). The same
  // instance with K = 3 (|1 - 2 eta gamma_1| = 1 on P, gamma_2 = gamma_1/2 in Q) proves them.
  const std::string base = R"({"gamma":["1","1/2"],"lambda":["1","1"],"delta0":["1","1"],"k":2,"alpha":"1/10000","eps":"1/2","K":)";
  const auto none = interval::evaluate_reference(interval::exact_problem(spec(base + "0}")), 128);
  EXPECT_EQ(none.gd_steps.value(), 0);
  for (const char* l : {"P3", "P4", "P5"}) {
    EXPECT_EQ(check(none, l).verdict, Certainty::NotApplicable) << l;
    EXPECT_EQ(check(none, l).note, "no GD step") << l;
  }
  const auto three = interval::evaluate_reference(interval::exact_problem(spec(base + "3}")), 128);
  EXPECT_GT(three.gd_steps.value(), 0);
  for (const char* l : {"P3", "P4", "P5"}) EXPECT_EQ(check(three, l).verdict, Certainty::Proved) << l;
}
