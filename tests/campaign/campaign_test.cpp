// The campaign rules of campaign/ (issue 13) on synthetic chunk runs:
// chunk seeds, chunk sizes, shards, and the deterministic merge.
#include "annealcheck/io/input_error.hpp"
#include "campaign/chunk_cost.hpp"
#include "campaign/merge.hpp"
#include "campaign/plan.hpp"
#include "properties/support/fnv1a.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace annealcheck::properties::campaign {
namespace {

Campaign one_task(int cases, int chunk_size, bool refuted = false) {
  CampaignSpec s;
  s.seed = 7;
  s.cases = cases;
  s.chunk_size = chunk_size;
  s.types = {"double"};
  s.properties = {refuted ? "falsify.f1-g-without-c2" : "lemma2.gf-lower-bound"};
  return plan_campaign(s);
}

RunResult chunk(Outcome outcome, int cases, double slack, const std::string& where) {
  RunResult r;
  r.outcome = outcome;
  r.cases_requested = r.cases_run = cases;
  r.within_rounding = 1;
  r.tag_counts["t"] = cases;
  r.seconds = 0.5;
  CaseReport c;
  c.verdict.relation = "<=";
  c.verdict.relative_slack = slack;
  c.verdict.where = where;
  r.closest = c;
  if (outcome == Outcome::Failed) r.counterexample = c, r.reproduce = "reproduce=" + where;
  return r;
}

TEST(Campaign, ChunkSeedsAndSizes) {
  const Campaign c = one_task(1050, 100);
  ASSERT_EQ(c.tasks.size(), 1u);
  EXPECT_EQ(c.tasks[0].chunks, 11);
  EXPECT_EQ(chunk_cases(c.tasks[0], 0), 100);
  EXPECT_EQ(chunk_cases(c.tasks[0], 10), 50);
  // Every chunk, chunk 0 included, hashes (campaign seed, property, type, index).
  EXPECT_EQ(chunk_seed(7, "lemma2.gf-lower-bound", "double", 0), detail::fnv1a("annealcheck-chunk/7/lemma2.gf-lower-bound/double/0"));
  EXPECT_EQ(chunk_seed(7, "lemma2.gf-lower-bound", "double", 3), detail::fnv1a("annealcheck-chunk/7/lemma2.gf-lower-bound/double/3"));
  EXPECT_NE(chunk_seed(7, "lemma2.gf-lower-bound", "double", 0), 7u);
  EXPECT_NE(chunk_seed(7, "lemma2.gf-lower-bound", "double", 3), chunk_seed(7, "lemma2.gf-lower-bound", "mpfr256", 3));
  EXPECT_NE(chunk_seed(7, "lemma2.gf-lower-bound", "double", 3), chunk_seed(8, "lemma2.gf-lower-bound", "double", 3));
  EXPECT_NE(chunk_seed(7, "lemma2.gf-lower-bound", "double", 3), chunk_seed(7, "lemma2.p1-stopping-time", "double", 3));
  std::set<std::uint64_t> seeds;
  for (const char* type : {"double", "mpfr256"})
    for (int i = 0; i < 500; ++i) seeds.insert(chunk_seed(7, "lemma2.gf-lower-bound", type, i));
  EXPECT_EQ(seeds.size(), 1000u);
}

// The default chunk size comes from the committed cost model (chunk_cost.hpp), not a
// clock: the same plan on every machine, and about kChunkSeconds of predicted work.
TEST(Campaign, DefaultChunkSizeFollowsTheCostModel) {
  CampaignSpec s;
  s.seed = 7;
  s.cases = 1'000'000;
  s.types = {"double", "mpfr256"};
  s.properties = {"lemma2.gf-lower-bound", "prop1.case30-equal-loss"};
  const Campaign a = plan_campaign(s), b = plan_campaign(s);
  ASSERT_EQ(a.tasks.size(), 4u);
  EXPECT_EQ(campaign_mismatch(campaign_identity(a), campaign_identity(b)), "");
  for (const TaskPlan& t : a.tasks) {
    const PropertyInfo& p = property_info(t.property);
    const double per_case = predicted_seconds_per_case(p, t.type, false);
    ASSERT_GT(per_case, 0) << t.property << "@" << t.type;
    EXPECT_EQ(t.chunk_size, default_chunk_size(p, t.type, false, t.cases)) << t.property << "@" << t.type;
    if (t.chunk_size > 1) {  // round(1 s / cost): within half a case of a second's work
      EXPECT_LE(std::abs(t.chunk_size * per_case - kChunkSeconds), per_case / 2 + 1e-12) << t.property << "@" << t.type;
    }
    EXPECT_EQ(t.chunks, (t.cases + t.chunk_size - 1) / t.chunk_size);
  }
  const PropertyInfo& g = property_info("lemma2.gf-lower-bound");
  EXPECT_GT(predicted_seconds_per_case(g, "mpfr256", false), predicted_seconds_per_case(g, "double", false));
  EXPECT_GT(predicted_seconds_per_case(g, "double", true), predicted_seconds_per_case(g, "double", false));  // --certified costs more
  // Types no property is measured at are priced by bits through the mpfr rungs.
  EXPECT_LE(predicted_seconds_per_case(g, "mpfr:128", false), predicted_seconds_per_case(g, "mpfr:512", false));
  EXPECT_LT(predicted_seconds_per_case(g, "mpfr:512", false), predicted_seconds_per_case(g, "mpfr:4096", false));
  EXPECT_EQ(default_chunk_size(g, "double", false, 3), 3);  // never more than the task's cases
  EXPECT_EQ(default_chunk_size(g, "mpfr:100000", true, 1000), 1);  // nor fewer than one
  EXPECT_FALSE(cost_model_provenance().empty());
}

// A resume or merge plans with the chunk sizes campaign.json recorded, whatever the model says now.
TEST(Campaign, RecordedChunkSizesOverrideTheModel) {
  CampaignSpec s;
  s.seed = 7;
  s.cases = 5000;
  s.types = {"double"};
  s.properties = {"lemma2.gf-lower-bound"};
  s.recorded_chunk_sizes["lemma2.gf-lower-bound@double"] = 123;
  const Campaign c = plan_campaign(s);
  EXPECT_EQ(c.tasks.at(0).chunk_size, 123);
  EXPECT_EQ(c.tasks.at(0).chunks, 41);
  const CampaignSpec back = spec_from_identity(campaign_identity(c));
  EXPECT_EQ(back.recorded_chunk_sizes.at("lemma2.gf-lower-bound@double"), 123);
  EXPECT_EQ(campaign_mismatch(campaign_identity(plan_campaign(back)), campaign_identity(c)), "");
  s.recorded_chunk_sizes.clear();
  EXPECT_NE(campaign_mismatch(campaign_identity(plan_campaign(s)), campaign_identity(c)), "");  // the model's size differs
}

TEST(Campaign, ShardsPartitionTheChunks) {
  const Campaign c = one_task(1050, 100);
  std::vector<int> seen;
  for (int i = 1; i <= 4; ++i)
    for (const ChunkRef& r : shard_chunks(c, parse_shard(std::to_string(i) + "/4"))) seen.push_back(r.index);
  std::sort(seen.begin(), seen.end());
  ASSERT_EQ(seen.size(), 11u);
  for (int i = 0; i < 11; ++i) EXPECT_EQ(seen[static_cast<std::size_t>(i)], i);
  for (const char* bad : {"0/3", "4/3", "3", "1/0", "-1/3", "1/3x", "", "/", "1/1000000"}) EXPECT_THROW(parse_shard(bad), InputError) << bad;
}

TEST(Campaign, MergeAddsCountsAndBreaksTiesByLowestChunk) {
  const Campaign c = one_task(300, 100);
  const std::map<int, RunResult> chunks{{2, chunk(Outcome::Passed, 100, 0.25, "c2")},
                                        {0, chunk(Outcome::Passed, 100, 0.5, "c0")},
                                        {1, chunk(Outcome::Passed, 100, 0.25, "c1")}};
  const TaskResult t = merge_task(c, 0, chunks);
  EXPECT_EQ(t.run.outcome, Outcome::Passed);
  EXPECT_EQ(t.run.cases_run, 300);
  EXPECT_EQ(t.run.within_rounding, 3);
  EXPECT_EQ(t.run.tag_counts.at("t"), 300);
  EXPECT_DOUBLE_EQ(t.run.seconds, 1.5);  // 0.5 + 0.5 + 0.5: exact in binary
  ASSERT_TRUE(t.run.closest);
  EXPECT_EQ(t.run.closest->verdict.where, "c1");  // smallest slack 0.25 in chunks 1 and 2: the lower wins
  EXPECT_TRUE(t.missing.empty());
  EXPECT_EQ(t.run.seed, chunk_seed(7, "lemma2.gf-lower-bound", "double", 0));  // no chunk stopped: chunk 0's seed
}

TEST(Campaign, MergeStopsAtTheLowestFailingChunk) {
  const Campaign c = one_task(500, 100);
  std::map<int, RunResult> chunks{{0, chunk(Outcome::Passed, 100, 0.5, "c0")}, {1, chunk(Outcome::Failed, 40, -1, "c1")},
                                  {3, chunk(Outcome::Failed, 10, -2, "c3")}, {4, chunk(Outcome::Failed, 5, -3, "c4")}};
  chunks[1].seed = 11;
  const TaskResult t = merge_task(c, 0, chunks);
  EXPECT_EQ(t.run.outcome, Outcome::Failed);
  EXPECT_EQ(t.stopped_at, 1);
  EXPECT_EQ(t.run.cases_run, 140);  // chunks 0 and 1 only
  EXPECT_EQ(t.run.counterexample->verdict.where, "c1");
  EXPECT_EQ(t.run.seed, 11u);  // the stopping chunk's: its report replays it
  EXPECT_TRUE(t.missing.empty());  // chunk 2 lies above the stop: not needed
  EXPECT_EQ(t.further_failing, 2);
  ASSERT_EQ(t.further.size(), 2u);
  EXPECT_EQ(t.further[0].counterexample->verdict.where, "c3");
}

TEST(Campaign, MissingChunksBelowTheStopAreNamed) {
  const Campaign c = one_task(500, 100);
  const TaskResult t = merge_task(c, 0, {{0, chunk(Outcome::Passed, 100, 0.5, "c0")}, {3, chunk(Outcome::Passed, 100, 0.5, "c3")}});
  EXPECT_EQ(t.missing, (std::vector<int>{1, 2, 4}));
  EXPECT_NE(t.run.outcome, Outcome::Passed);
  EXPECT_EQ(t.run.cases_run, 200);
}

TEST(Campaign, IdentityNamesTheDifference) {
  const Campaign a = one_task(300, 100), b = one_task(300, 50);
  EXPECT_EQ(campaign_mismatch(campaign_identity(a), campaign_identity(a)), "");
  EXPECT_EQ(campaign_mismatch(campaign_identity(a), campaign_identity(b)).rfind("chunk_size", 0), 0u);
  const CampaignSpec s = spec_from_identity(campaign_identity(b));
  EXPECT_EQ(s.chunk_size, 50);
  EXPECT_EQ(s.seed, 7u);
  // Text claims are part of the identity and come back from it (--resume and merge re-register them).
  Campaign ac = a;  // (planning them needs them registered: tests/cli/campaign_test.py does)
  ac.spec.claims = {{"LD_gf >= 0", "C1", "claim.0000000000000001"}, {"LD_gf <= 1", "", "claim.0000000000000002"}};
  EXPECT_EQ(campaign_mismatch(campaign_identity(a), campaign_identity(ac)).rfind("claims", 0), 0u);
  EXPECT_EQ(spec_from_identity(campaign_identity(ac)).claims, ac.spec.claims);
}

}  // namespace
}  // namespace annealcheck::properties::campaign
