// The campaign rules of properties/campaign/ (issue 13) on synthetic chunk runs:
// chunk seeds, chunk sizes, shards, and the deterministic merge.
#include "annealcheck/io/input_error.hpp"
#include "properties/campaign/merge.hpp"
#include "properties/campaign/plan.hpp"
#include "properties/support/fnv1a.hpp"

#include <gtest/gtest.h>

#include <algorithm>
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
  EXPECT_EQ(chunk_seed(7, "lemma2.gf-lower-bound", 0), 7u);  // chunk 0: the campaign seed itself
  EXPECT_EQ(chunk_seed(7, "lemma2.gf-lower-bound", 3), detail::fnv1a("annealcheck-chunk/7/lemma2.gf-lower-bound/3"));
  std::set<std::uint64_t> seeds;
  for (int i = 0; i < 1000; ++i) seeds.insert(chunk_seed(7, "lemma2.gf-lower-bound", i));
  EXPECT_EQ(seeds.size(), 1000u);
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
}

}  // namespace
}  // namespace annealcheck::properties::campaign
