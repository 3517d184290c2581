#include "campaign/merge.hpp"

namespace annealcheck::properties::campaign {
namespace {

// Adds the counts of chunk run `x` into `r`.
void add_counts(RunResult& r, const RunResult& x) {
  r.cases_requested += x.cases_requested;
  r.cases_run += x.cases_run;
  r.discarded += x.discarded;
  r.within_rounding += x.within_rounding;
  r.unrepresentable += x.unrepresentable;
  r.shrink_evaluations += x.shrink_evaluations;
  r.shrinks_accepted += x.shrinks_accepted;
  r.seconds += x.seconds;
  for (const auto& [tag, n] : x.tag_counts) r.tag_counts[tag] += n;
  for (const auto& [tags, n] : x.distribution) r.distribution[tags] += n;
  for (const auto& [decision, n] : x.certified_counts) r.certified_counts[decision] += n;
  if (!r.certified_first_unproved) r.certified_first_unproved = x.certified_first_unproved;
  if (x.closest && (!r.closest || x.closest->verdict.relative_slack < r.closest->verdict.relative_slack)) r.closest = x.closest;  // tie: lower chunk
  if (x.least_accurate && (!r.least_accurate || less_accurate(x.least_accurate->verdict, r.least_accurate->verdict)))
    r.least_accurate = x.least_accurate;
  r.filtered = r.filtered || x.filtered;
  if (r.bits == 0) r.bits = x.bits;
}

// The stopping chunk's outcome and counterexample become the task's.
void take_outcome(RunResult& r, const RunResult& x) {
  r.outcome = x.outcome;
  r.counterexample = x.counterexample;
  r.original = x.original;
  r.reduction_steps = x.reduction_steps;
  r.reduced_from_dim = x.reduced_from_dim;
  r.reproduce = x.reproduce;
  r.message = x.message;
  r.shrink_budget_exhausted = x.shrink_budget_exhausted;
  r.seed = x.seed;
  r.effective_seed = x.effective_seed;
}

}  // namespace

TaskResult merge_task(const Campaign& c, std::size_t task, const std::map<int, RunResult>& chunks) {
  const TaskPlan& t = c.tasks.at(task);
  TaskResult out;
  RunResult& r = out.run;
  r.property_id = t.property;
  r.type_id = t.type;
  r.kind = t.refuted ? PropertyKind::Refuted : PropertyKind::Holds;
  r.outcome = Outcome::Passed;
  r.seed = chunk_seed(c.spec.seed, t.property, t.type, 0);  // a passing task shows its first chunk's seed
  r.certified = c.spec.certified || !c.spec.fast;  // decisions recorded: --certified, or the filtered default
  r.filtered = !c.spec.certified && !c.spec.fast;
  if (const auto first = chunks.find(0); first != chunks.end()) r.effective_seed = first->second.effective_seed;
  for (int k = 0; k < t.chunks; ++k) {
    const auto it = chunks.find(k);
    if (out.stopped_at) {
      if (it == chunks.end() || it->second.outcome != Outcome::Failed) continue;
      ++out.further_failing;
      if (out.further.size() < kMaxFurther) out.further.push_back(it->second);
      continue;
    }
    if (it == chunks.end()) {
      out.missing.push_back(k);
      continue;
    }
    add_counts(r, it->second);
    ++out.chunks_counted;
    if (it->second.outcome != Outcome::Passed) {
      out.stopped_at = k;
      take_outcome(r, it->second);
    }
  }
  if (!out.missing.empty() && r.outcome == Outcome::Passed) {
    r.outcome = Outcome::Error;
    r.message = std::to_string(out.missing.size()) + " chunk(s) missing";
  }
  return out;
}

std::size_t CampaignResult::missing_chunks() const {
  std::size_t n = 0;
  for (const auto& t : tasks) n += t.missing.size();
  return n;
}

CampaignResult merge_campaign(const Campaign& c, const ChunkResults& results) {
  std::vector<std::map<int, RunResult>> per_task(c.tasks.size());
  for (const auto& [key, run] : results) per_task.at(key.first)[key.second] = run;
  CampaignResult out;
  for (std::size_t i = 0; i < c.tasks.size(); ++i) out.tasks.push_back(merge_task(c, i, per_task[i]));
  return out;
}

}  // namespace annealcheck::properties::campaign
