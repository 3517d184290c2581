// Dimension reduction of false claims' counterexamples (support/lemma2_reduce.hpp,
// reduce_counterexample.hpp; ctest label `unit`): a removal is offered only when the
// instance stays valid and the generator's premises still hold; a run whose shrunk
// counterexample lost coordinates reports the reduced case, and both the report's
// case (check_case, what `replay` does) and the RC_PARAMS reproduce string replay it.
#include "annealcheck/io/exact_json.hpp"
#include "properties/registry.hpp"
#include "properties/support/lemma2_reduce.hpp"
#include "properties/support/property_def.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

namespace ap = annealcheck::properties;
namespace model = annealcheck::model;

// γ = (4, 1, 1), δ(0) = (1, 1, 1), k = 2 (ρ = 3), α = 1/2, ε = 1: (C2) reads
// ε^3 · 4 ≤ α M^4 with M = 2·min_S̄ γ_jδ_j² = 2, i.e. 4 ≤ 8, and holds; without
// either S̄ coordinate M = 1 and 4 ≤ 1/2 fails. (C1) (ε < 4) holds either way.
ap::Lemma2Case c2_needs_both() {
  ap::Lemma2Case c;
  c.spec = model::instance_from_json(nlohmann::json::parse(R"({"gamma": [4, 1, 1], "lambda": [1, 2, 3], "delta0": [1, 1, 1], "k": 2,
                                                               "alpha": "1/2", "eps": 1, "K": 3})"), "test");
  return c;
}

TEST(Reduce, OffersOnlyRemovalsThatKeepThePremises) {
  const ap::Lemma2Case c = c2_needs_both();
  ASSERT_TRUE(ap::premises_hold(c.spec, ap::Premises::C1C2));
  EXPECT_TRUE(ap::lemma2_reductions(c, ap::Premises::C1C2).empty());
  for (std::size_t i = 1; i < 3; ++i) EXPECT_FALSE(ap::premises_hold(ap::without_coordinate(c, i).spec, ap::Premises::C1C2)) << i;
  // With (C1) and the gap only (F1's premises) both removals are offered, k kept, γ_1 kept.
  const auto only_c1 = ap::lemma2_reductions(c, ap::Premises::C1Only);
  ASSERT_EQ(only_c1.size(), 2u);
  EXPECT_EQ(only_c1[0].spec.dim(), 2u);
  EXPECT_EQ(only_c1[0].spec.k, 2u);
  EXPECT_EQ(only_c1[0].spec.lambda[1].value, annealcheck::numeric::Rational(3));  // λ_2 removed
  EXPECT_EQ(only_c1[1].spec.lambda[1].value, annealcheck::numeric::Rational(2));
}

TEST(Reduce, EveryOfferedRemovalIsValidKeepsPremisesAndMovesTheSplit) {
  for (const ap::Premises p : {ap::Premises::C1C2, ap::Premises::C1Only, ap::Premises::C2Prime}) {
    const auto cases = ap::detail::sample(ap::lemma2_case({8, p, 100, p == ap::Premises::C1C2}), 40, 2024);
    std::size_t offered = 0;
    for (const ap::Lemma2Case& c : cases) {
      for (const ap::Lemma2Case& r : ap::lemma2_reductions(c, p)) {
        ++offered;
        EXPECT_NO_THROW(model::validate(r.spec));
        EXPECT_TRUE(ap::premises_hold(r.spec, p));
        ASSERT_EQ(r.spec.dim() + 1, c.spec.dim());
        EXPECT_TRUE(r.spec.k == c.spec.k || r.spec.k + 1 == c.spec.k);
        EXPECT_EQ(r.spec.gamma[0].value, c.spec.gamma[0].value);
        EXPECT_EQ(r.spec.K, c.spec.K);
        EXPECT_EQ(r.spec.eps.value, c.spec.eps.value);
      }
    }
    EXPECT_GT(offered, 20u) << static_cast<int>(p);  // the checks above ran on real removals
  }
}

// F5 at double over a few seeds: every run refutes it within d ≤ 3; at least one
// needed the reduction (RapidCheck's shrink alone left d > 3), and its reduced case
// replays from the report's case and from the reproduce string.
TEST(Reduce, RefutationsReachTheCatalogDimensionAndReplay) {
  const std::string id = "falsify.f5-a-short-step";
  int reduced_beyond_limit = 0;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    ap::RunOptions o;
    o.read_environment = false;
    o.seed = seed;
    const ap::RunResult r = ap::run_property(id, o);
    ASSERT_EQ(r.outcome, ap::Outcome::Failed) << seed;
    EXPECT_TRUE(ap::run_succeeded(r)) << seed << ": " << ap::run_failure_reason(r);
    if (!r.reduction_steps) continue;
    EXPECT_EQ(r.counterexample->dim + static_cast<std::size_t>(r.reduction_steps), r.reduced_from_dim);
    EXPECT_EQ(r.message, ap::render_verdict(r.counterexample->verdict)) << "the message must describe the reduced case";
    if (r.reduced_from_dim > ap::property_info(id).refute_max_dim) ++reduced_beyond_limit;
    const ap::CaseReport again = ap::check_case(id, o.type, annealcheck::io::parse_exact_json(r.counterexample->case_json, "case"));
    EXPECT_EQ(again.verdict.outcome, "fails");
    EXPECT_EQ(again.verdict.lhs, r.counterexample->verdict.lhs);
    EXPECT_EQ(again.verdict.rhs, r.counterexample->verdict.rhs);
    o.reproduce = r.reproduce;
    const ap::RunResult replayed = ap::run_property(id, o);
    ASSERT_TRUE(replayed.counterexample);
    EXPECT_EQ(replayed.counterexample->case_json, r.counterexample->case_json);
    EXPECT_EQ(replayed.reduced_from_dim, r.reduced_from_dim);
  }
  EXPECT_GT(reduced_beyond_limit, 0) << "no seed needed the reduction: choose seeds where RapidCheck's shrink leaves d > 3";
}

}  // namespace
