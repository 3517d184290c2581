// Unit tests of the registry's sampling and JSON API (ctest label `unit`): Lemma 2
// instances drawn from each property's own generator (what `audit --property`
// audits), and RunResult's JSON round trip (what `verify` reads from its workers).
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/model/instance_spec.hpp"
#include "properties/registry.hpp"
#include "properties/support/lemma2_case.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace {

namespace ap = annealcheck::properties;
namespace am = annealcheck::model;

std::vector<std::string> texts(const std::vector<am::InstanceSpec>& v) {
  std::vector<std::string> out;
  for (const auto& s : v) out.push_back(am::instance_to_json(s).dump());
  return out;
}

TEST(Registry, Lemma2InstancesComeFromEachPropertysOwnGenerator) {
  std::size_t with = 0;
  for (const auto& p : ap::catalog()) {
    if (!ap::has_lemma2_instances(p.id)) continue;
    ++with;
    const auto a = ap::lemma2_instances(p.id, 8, 3);
    ASSERT_EQ(a.size(), 8u) << p.id;
    for (const auto& s : a) EXPECT_NO_THROW(am::validate(s)) << p.id;
    EXPECT_EQ(texts(a), texts(ap::lemma2_instances(p.id, 8, 3))) << p.id << ": not deterministic in the seed";
    EXPECT_NE(texts(a), texts(ap::lemma2_instances(p.id, 8, 4))) << p.id << ": the seed changes nothing";
  }
  EXPECT_GE(with, 10u);  // lemma2.* (6), dynamics.gd-closed-form, dynamics.beta-space-losses, F1–F3, F5
  // The generator is the property's own: (G)'s cases satisfy (C1) and (C2); F1's,
  // built with (C1) and the gap only, break (C2) somewhere.
  bool f1_breaks_c2 = false;
  for (const auto& s : ap::lemma2_instances("lemma2.gf-lower-bound", 20, 1)) EXPECT_TRUE(ap::c1_holds(s) && ap::c2_holds(s, false));
  for (const auto& s : ap::lemma2_instances("falsify.f1-g-without-c2", 20, 1)) f1_breaks_c2 = f1_breaks_c2 || !ap::c2_holds(s, false);
  EXPECT_TRUE(f1_breaks_c2);
}

TEST(Registry, Lemma2InstancesRefuseOtherIdsNamingTheOption) {
  EXPECT_FALSE(ap::has_lemma2_instances("prop1.case21-losses"));
  EXPECT_TRUE(ap::has_lemma2_instances("lemma2.gf-lower-bound"));
  for (const char* id : {"prop1.case21-losses", "no.such-property"}) {
    try {
      ap::lemma2_instances(id, 1, 1);
      FAIL() << id;
    } catch (const annealcheck::InputError& e) {
      EXPECT_EQ(e.field(), "--property");
      EXPECT_NE(std::string(e.what()).find(id), std::string::npos) << e.what();
    }
  }
}

// One verdict word for the campaign table (cli/campaign_table.cpp) and the HTML report
// (reports/html/campaign.cpp).
TEST(Registry, VerdictWordForEachExpectationAndOutcome) {
  EXPECT_EQ(ap::verdict_word(false, true, 0), "holds");
  EXPECT_EQ(ap::verdict_word(false, true, 7), "holds (7 rounding)");
  EXPECT_EQ(ap::verdict_word(false, false, 7), "FAILED");
  EXPECT_EQ(ap::verdict_word(true, true, 3), "refuted as expected");
  EXPECT_EQ(ap::verdict_word(true, false, 0), "SURVIVED");
}

TEST(RunJson, RoundTripKeepsEveryField) {
  ap::RunOptions o;
  o.read_environment = false;
  const ap::RunResult r = ap::run_property("falsify.f4-case30-equal-parameters", o);
  ASSERT_TRUE(r.counterexample && r.original && r.closest);
  const ap::RunResult back = ap::run_from_json(nlohmann::json::parse(ap::run_to_json(r).dump()));
  EXPECT_EQ(ap::run_to_json(back), ap::run_to_json(r));
  EXPECT_EQ(back.outcome, r.outcome);
  EXPECT_EQ(back.kind, r.kind);
  EXPECT_EQ(back.counterexample->case_json, r.counterexample->case_json);
  EXPECT_EQ(back.counterexample->verdict.lhs, r.counterexample->verdict.lhs);
  EXPECT_EQ(back.counterexample->K, r.counterexample->K);
  EXPECT_EQ(back.original->dim, r.original->dim);
  EXPECT_EQ(back.distribution, r.distribution);
  EXPECT_EQ(back.margins, r.margins);
  EXPECT_EQ(r.margins.total(), r.cases_run);  // every generated case, the failing one included, no shrink step
  EXPECT_EQ(ap::run_succeeded(back), ap::run_succeeded(r));
  EXPECT_EQ(ap::run_failure_reason(back), ap::run_failure_reason(r));
}

TEST(RunJson, MalformedDocumentsAreInputErrors) {
  EXPECT_THROW(ap::run_from_json(nlohmann::json::object()), annealcheck::InputError);
  nlohmann::json j = ap::run_to_json(ap::RunResult{});
  j["outcome"] = "exploded";
  EXPECT_THROW(ap::run_from_json(j), annealcheck::InputError);
  j["outcome"] = "passed";
  EXPECT_NO_THROW(ap::run_from_json(j));
  j["margins"]["positive"].erase(0);  // one bin short: not the histogram of margin_histogram.hpp
  EXPECT_THROW(ap::run_from_json(j), annealcheck::InputError);
}

TEST(MarginHistogram, DecadeBinsBySignWithClampedEnds) {
  ap::MarginHistogram h;
  h.add(true, 0.5);      // [1e-1, 1)
  h.add(true, 2e-30);    // [1e-30, 1e-29)
  h.add(true, -3e-17);   // negative, [1e-17, 1e-16)
  h.add(true, 1e-300);   // below the lowest decade: first bin
  h.add(true, 0.0);
  h.add(false, 0.5);     // n/a
  h.add(true, std::nan(""));
  const auto at = [](int decade) { return static_cast<std::size_t>(decade - ap::MarginHistogram::kLowest); };
  EXPECT_EQ(h.positive[at(-1)], 1);
  EXPECT_EQ(h.positive[at(-30)], 1);
  EXPECT_EQ(h.negative[at(-17)], 1);
  EXPECT_EQ(h.positive[0], 1);
  EXPECT_EQ(h.zero, 1);
  EXPECT_EQ(h.undecided, 2);
  EXPECT_EQ(h.total(), 7);
}

}  // namespace
