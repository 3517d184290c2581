// Deterministic merge of a task's chunk results (issue 13), whatever ran them and
// in whatever order they arrived. The chunks of a task are read in index order,
// as one long RapidCheck run would meet them:
//
//   * counts add (cases run, discarded, within rounding, not representable,
//     generator tags, RC_TAG distribution, certified decisions, seconds, shrinks);
//   * the campaign of a task ends at its lowest chunk whose run did not pass
//     (failed, gave up, error), the "stopping chunk": its outcome, counterexample,
//     original case, reproduce string and seed are the task's. Chunks above it
//     count no cases and are never missing; those that failed as well are
//     counted, and the lowest kMaxFurther of them are kept as further results
//     (a report is named by its chunk's own seed, which no other chunk shares, so
//     no two reports collide; a false claim fails in every chunk, hence the cap);
//   * the closest case is the one with the smallest relative slack (the runner's
//     own ranking, registry.hpp Verdict); on a tie the lowest chunk index wins;
//   * the first case not certified is the one from the lowest chunk that has one;
//   * a chunk below the stopping chunk (or any, when none stopped) that has no
//     result is missing: the task is incomplete, whatever the others say.
#pragma once

#include "campaign/plan.hpp"
#include "properties/registry.hpp"

#include <map>
#include <string>
#include <vector>

namespace annealcheck::properties::campaign {

inline constexpr std::size_t kMaxFurther = 3;

struct TaskResult {
  RunResult run;                   // the merged run (seed: the stopping chunk's, else chunk 0's)
  std::vector<int> missing;        // chunk indices without a result that the task needs
  std::optional<int> stopped_at;   // the stopping chunk, if any
  std::vector<RunResult> further;  // the lowest kMaxFurther failing chunks above the stopping chunk
  int further_failing = 0;         // all of them
  int chunks_counted = 0;
};

// `chunks`: chunk index -> that chunk's run (any subset of the task's chunks).
TaskResult merge_task(const Campaign& c, std::size_t task, const std::map<int, RunResult>& chunks);

// A whole campaign: results keyed by (task, chunk index).
using ChunkResults = std::map<std::pair<std::size_t, int>, RunResult>;
struct CampaignResult {
  std::vector<TaskResult> tasks;  // as Campaign::tasks
  std::map<std::pair<std::size_t, int>, std::string> errors;  // chunks whose run was lost, and why
  std::size_t missing_chunks() const;
};
CampaignResult merge_campaign(const Campaign& c, const ChunkResults& results);

}  // namespace annealcheck::properties::campaign
